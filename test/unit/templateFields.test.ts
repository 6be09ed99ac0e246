import assert from 'node:assert/strict';
import { compileTemplate } from '../../src/core/engine/compileTemplate';
import { renderReply } from '../../src/core/engine/renderReply';
import { renderSubject } from '../../src/core/engine/renderSubject';
import type { ReplyInput } from '../../src/core/engine/replyContext';
import { createTemplateEnvironment } from '../../src/core/engine/templateEnvironment';
import { type TemplateField, fieldValue, resolveFieldValues, sameFields, sampleFieldValues } from '../../src/core/engine/templateFields';
import { analyze } from '../../src/core/model/analyze';
import type { Problem } from '../../src/core/problems';
import { namedCapacity as capacity, namedRequest as request } from './fixtures/workedExample';

const input: ReplyInput = { request, capacity, analysis: analyze(capacity, request), today: '2027-01-04' };

const FIELDS = `fields:
  - id: briefingDate
    label: Date of the CIO briefing
    kind: date
    required: true
    help: When you will walk the CIO through the change
  - id: channel
    label: Where this goes
    kind: choice
    options: [email, teams]
    default: email
  - id: mentionQuote
    label: Mention the vendor's quote
    kind: toggle
    default: false
  - id: quoteAmount
    kind: number
    min: 0
    max: 100000
  - id: note
    kind: longtext
  - id: vendor
    kind: text
  - id: sponsor
    kind: person
`;

function compile(body: string, frontMatter = FIELDS) {
  return compileTemplate(createTemplateEnvironment(), 't.hbs', `---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\nsubject: "Briefing {{date fields.briefingDate}}"\n${frontMatter}---\n${body}`);
}

function compiled(body: string, frontMatter = FIELDS) {
  const result = compile(body, frontMatter);
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}

function problems(result: { ok: boolean }): Problem[] {
  assert.equal(result.ok, false, 'expected problems');
  return (result as unknown as { problems: Problem[] }).problems;
}

const field = (declaration: Partial<TemplateField> & Pick<TemplateField, 'kind'>): TemplateField => ({ id: 'x', required: false, ...declaration });

describe('template fields', () => {
  describe('declarations in front matter', () => {
    it('accepts every kind, with labels, help, defaults, options and bounds', () => {
      const template = compiled('{{fields.briefingDate}}');
      assert.deepEqual(template.frontMatter.fields.map((f) => `${f.id}:${f.kind}`), ['briefingDate:date', 'channel:choice', 'mentionQuote:toggle', 'quoteAmount:number', 'note:longtext', 'vendor:text', 'sponsor:person']);
      assert.equal(template.fieldLines.channel, 14);
    });

    const declarationProblem = (yaml: string) => problems(compile('x', `fields:\n${yaml}`))[0];
    it('refuses an unknown kind, at its line', () => {
      const problem = declarationProblem('  - id: a\n    kind: colour\n');
      assert.equal(problem.line, 10);
      assert.equal(problem.path, 'fields[0].kind');
      assert.match(problem.message, /must be one of "text", "longtext"/);
    });
    it('refuses duplicate ids, bad ids, a choice without options, options elsewhere, bounds on text, min above max', () => {
      assert.match(declarationProblem('  - id: a\n    kind: text\n  - id: a\n    kind: date\n').message, /"a" is declared twice/);
      assert.match(declarationProblem('  - id: 2a\n    kind: text\n').message, /letters, digits and _/);
      assert.match(declarationProblem('  - id: a\n    kind: choice\n').message, /a choice needs options/);
      assert.match(declarationProblem('  - id: a\n    kind: text\n    options: [x]\n').message, /only a choice has options/);
      assert.match(declarationProblem('  - id: a\n    kind: text\n    min: 1\n').message, /only a number has min/);
      assert.match(declarationProblem('  - id: a\n    kind: number\n    min: 5\n    max: 1\n').message, /must not be below min/);
      assert.match(declarationProblem('  - id: a\n    kind: choice\n    options: [x, x]\n').message, /same option twice/);
    });
    it('refuses a default of the wrong kind', () => {
      assert.match(declarationProblem('  - id: a\n    kind: toggle\n    default: maybe\n').message, /must be true or false.*the default/);
      assert.match(declarationProblem('  - id: a\n    kind: choice\n    options: [x]\n    default: y\n').message, /must be one of x/);
      assert.match(declarationProblem('  - id: a\n    kind: date\n    default: 2027-02-30\n').message, /real date/);
      assert.match(declarationProblem('  - id: a\n    kind: number\n    min: 0\n    default: -1\n').message, /at least 0/);
    });
  });

  describe('undeclared fields are located errors when the template compiles', () => {
    it('in a mustache, in an #if, in a subexpression and through @root', () => {
      const found = problems(compile('ok {{fields.vendor}}\n{{#if fields.typo}}x{{/if}} {{#if (eq fields.other 1)}}{{/if}}\n{{#each analysis.delays}}{{@root.fields.third}}{{/each}}'));
      assert.deepEqual(found.map((p) => `${p.line}:${p.column} ${p.path}`), ['35:7 fields.typo', '35:39 fields.other', '36:28 fields.third']);
      assert.match(found[0].message, /"fields.typo" is not declared in the template's front matter/);
      assert.match(found[0].hint, /use one of: briefingDate, channel/);
    });
    it('in a template that declares no fields', () => {
      const [problem] = problems(compile('{{fields.x}}', ''));
      assert.equal(problem.path, 'fields.x');
      assert.match(problem.hint, /declare it under "fields:"/);
    });
  });

  describe('rendering', () => {
    it('reads values, tests them, and passes them through the same helpers', () => {
      const template = compiled('{{date fields.briefingDate}} via {{fields.channel}}{{#if (eq fields.channel "teams")}} (chat){{/if}}{{#if fields.mentionQuote}}: quote {{money fields.quoteAmount}}{{/if}}.');
      const reply = renderReply(template, { ...input, fields: { briefingDate: '2027-01-08', channel: 'teams', mentionQuote: 'yes', quoteAmount: '1200' } });
      assert.deepEqual(reply, { ok: true, value: 'Fri 8 Jan 2027 via teams (chat): quote €1,200.\n' });
    });
    it('takes defaults, and leaves an empty field without one null', () => {
      const template = compiled('{{fields.channel}} {{fields.mentionQuote}} {{#if fields.vendor}}v{{else}}no vendor{{/if}} {{#if (eq fields.quoteAmount null)}}no quote{{/if}}');
      assert.deepEqual(renderReply(template, { ...input, fields: { briefingDate: '2027-01-08', vendor: '  ' } }), { ok: true, value: 'email false no vendor no quote\n' });
    });
    it('escapes typed text like data, so a value cannot inject Markdown', () => {
      const template = compiled('{{fields.vendor}} / {{fields.note}}');
      const reply = renderReply(template, { ...input, fields: { briefingDate: '2027-01-08', vendor: '<b>Acme</b>', note: 'line *one*\r\nline two' } });
      assert.deepEqual(reply, { ok: true, value: '\\<b\\>Acme\\</b\\> / line \\*one\\*\nline two\n' });
    });
    it('names a required field with no value, and its label', () => {
      const [problem] = problems(renderReply(compiled('{{fields.briefingDate}}'), input));
      assert.equal(problem.path, 'fields.briefingDate');
      assert.equal(problem.line, 9, 'at its declaration');
      assert.match(problem.message, /the field "briefingDate" \(Date of the CIO briefing\) is required and has no value/);
    });
    it('reports a value of the wrong kind, a choice outside options, a number out of bounds and an unknown field, all at once', () => {
      const found = problems(renderReply(compiled('x'), { ...input, fields: { briefingDate: '8 Jan', channel: 'fax', quoteAmount: -3, mentionQuote: 'perhaps', ghost: 1 } }));
      assert.deepEqual(found.map((p) => p.path), ['fields.ghost', 'fields.briefingDate', 'fields.channel', 'fields.mentionQuote', 'fields.quoteAmount']);
      assert.match(found[0].message, /the template has no field "ghost"/);
      assert.match(found[1].message, /Date of the CIO briefing: must be a real date/);
      assert.match(found[2].message, /must be one of email, teams, not "fax"/);
      assert.match(found[3].message, /must be true or false/);
      assert.match(found[4].message, /must be at least 0, not -3/);
    });
    it('renders the subject with the fields too', () => {
      assert.deepEqual(renderSubject(compiled('x'), { ...input, fields: { briefingDate: '2027-01-08' } }), { ok: true, value: 'Briefing Fri 8 Jan 2027' });
    });
    it('lets partials read the including template\'s fields, inline ones included', () => {
      const handlebars = createTemplateEnvironment();
      handlebars.registerPartial('when', '{{date fields.briefingDate}}');
      const text = `---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\n${FIELDS}---\n{{#*inline "who"}}{{fields.sponsor}}{{/inline}}{{> when}} with {{> who}}`;
      const template = compileTemplate(handlebars, 't.hbs', text);
      assert.ok(template.ok, JSON.stringify(template));
      assert.deepEqual(renderReply(template.value, { ...input, fields: { briefingDate: '2027-01-08', sponsor: 'Elena' } }), { ok: true, value: 'Fri 8 Jan 2027 with Elena\n' });
    });
  });

  describe('values by kind', () => {
    const cases: [TemplateField, unknown, unknown][] = [
      [field({ kind: 'text' }), '  Acme  ', 'Acme'],
      [field({ kind: 'text' }), 42, '42'],
      [field({ kind: 'person' }), 'Elena Petrova', 'Elena Petrova'],
      [field({ kind: 'longtext' }), 'a\r\nb', 'a\nb'],
      [field({ kind: 'number' }), '2.5', 2.5],
      [field({ kind: 'number', min: 1, max: 3 }), 3, 3],
      [field({ kind: 'date' }), '2027-01-08', '2027-01-08'],
      [field({ kind: 'choice', options: ['a', 'b'] }), 'b', 'b'],
      [field({ kind: 'toggle' }), 'No', false],
      [field({ kind: 'toggle' }), true, true],
      [field({ kind: 'toggle' }), '1', true],
      [field({ kind: 'date' }), '', null],
      [field({ kind: 'number' }), null, null],
    ];
    for (const [declaration, raw, expected] of cases) {
      it(`${declaration.kind}: ${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(fieldValue(declaration, raw), { ok: true, value: expected });
      });
    }
    const wrong: [TemplateField, unknown, RegExp][] = [
      [field({ kind: 'text' }), { a: 1 }, /must be text/],
      [field({ kind: 'number' }), 'twelve', /must be a number/],
      [field({ kind: 'number', max: 3 }), 4, /at most 3/],
      [field({ kind: 'date' }), '2027-02-30', /real date/],
      [field({ kind: 'choice', options: ['a'] }), 'c', /one of a/],
      [field({ kind: 'toggle' }), 'perhaps', /true or false/],
    ];
    for (const [declaration, raw, message] of wrong) {
      it(`${declaration.kind}: ${JSON.stringify(raw)} is refused`, () => {
        const checked = fieldValue(declaration, raw);
        assert.equal(checked.ok, false);
        assert.match((checked as { message: string }).message, message);
      });
    }
    it('reports problems where the values came from', () => {
      const origin = { file: 'values.yaml', locate: (id: string) => ({ line: id === 'x' ? 3 : 1, column: 5 }), howToGive: (id: string) => `--field ${id}=…` };
      const result = resolveFieldValues([field({ kind: 'number' }), field({ id: 'y', kind: 'date', required: true })], { x: 'no' }, origin);
      assert.deepEqual(problems(result).map((p) => `${p.file}:${p.line}:${p.column} ${p.path} ${p.hint}`), ['values.yaml:3:5 fields.x write it like 12 or 2.5', 'values.yaml:1:5 fields.y give it a value: --field y=…']);
    });
    it('has stand-in values of every kind for checking templates', () => {
      const fields = compiled('x').frontMatter.fields;
      assert.deepEqual(sampleFieldValues(fields), { briefingDate: '2027-01-08', channel: 'email', mentionQuote: false, quoteAmount: 0, note: 'note', vendor: 'vendor', sponsor: 'Alex Morgan' });
    });
    it('compares two declarations of the same fields (a translation and its template)', () => {
      const base = [field({ kind: 'date', label: 'Date' }), field({ id: 'c', kind: 'choice', options: ['a', 'b'] })];
      assert.equal(sameFields(base, [field({ kind: 'date', label: 'Datum' }), field({ id: 'c', kind: 'choice', options: ['a', 'b'] })]), undefined);
      assert.match(String(sameFields(base, [field({ kind: 'text' }), base[1]])), /differs from the template in x/);
      assert.match(String(sameFields(base, [...base, field({ id: 'extra', kind: 'text' })])), /declares extra differently/);
    });
  });
});
