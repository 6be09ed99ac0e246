import assert from 'node:assert/strict';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { compileTemplate } from '../../src/core/engine/compileTemplate';
import { escapeSnippetText, placeholderMarker, toSnippet } from '../../src/core/engine/snippetText';
import { createTemplateEnvironment } from '../../src/core/engine/templateEnvironment';
import { loadCapacity } from '../../src/core/load/loadData';
import type { TemplatePack } from '../../src/core/pack/loadPack';
import type { Capacity } from '../../src/core/schema/capacity';
import type { DraftForm } from '../../src/core/draft/draftForm';
import {
  type InputField,
  answersAsDraft,
  fieldsToAsk,
  renderSnippetReply,
  validateAnswer,
} from '../../src/extension/insertTemplate/templateInputs';
import { draftSample, loadBuiltinPack, sampleDraftForm, samplePath } from './fixtures/sample';

/** The sample request as the composer's form holds it. */
const sampleDraft: DraftForm = { ...sampleDraftForm, templateId: 'yes-and-tradeoffs' };

function template(body: string, inputs: string) {
  const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', `---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\ninputs: ${inputs}\n---\n${body}`);
  assert.ok(compiled.ok, JSON.stringify(compiled));
  return compiled.value;
}

describe('snippet text for inserted replies', () => {
  it('escapes $, } and \\ so text from data never becomes a tab stop', () => {
    assert.equal(escapeSnippetText('Costs $1,000 ${x} a\\b'), 'Costs \\$1,000 \\${x\\} a\\\\b');
  });

  it('turns markers into numbered tab stops, the same number wherever a field repeats', () => {
    const text = `Hi ${placeholderMarker(2)}, about ${placeholderMarker(1)} ($5): ${placeholderMarker(2)}`;
    assert.equal(toSnippet(text, { 1: 'what is asked', 2: 'requester}' }), 'Hi ${2:requester\\}}, about ${1:what is asked} (\\$5): ${2:requester\\}}');
    assert.equal(toSnippet(`a ${placeholderMarker(3)} b \u0000`, {}), 'a ${3} b ');
  });
});

describe('Insert Template: the fields asked for and the reply as a snippet', () => {
  let packs: TemplatePack[];
  let capacity: Capacity;
  before(async () => {
    const pack = await loadBuiltinPack();
    const loaded = await loadCapacity(nodeFileSystem, samplePath('northwind.capacity.yaml'));
    assert.ok(loaded.ok);
    packs = [pack];
    capacity = loaded.value;
  });
  const builtin = (id: string) => {
    const found = packs[0].templates.find((t) => t.frontMatter.id === id);
    assert.ok(found, id);
    return found;
  };

  it('inserts exactly the reply the CLI drafts when every field is filled', async () => {
    const cli = await draftSample('yes-and-tradeoffs', { pack: packs[0] });
    const reply = renderSnippetReply({ template: builtin('yes-and-tradeoffs'), draft: sampleDraft, capacity, today: '2027-01-04' });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.equal(reply.value.snippet, escapeSnippetText(cli.markdown));
    assert.deepEqual(reply.value.tabStops, []);
  });

  it('leaves an empty title and requester as tab stops, greeting by the same stop', () => {
    const draft = { ...sampleDraft, title: '', requesterName: '' };
    const reply = renderSnippetReply({ template: builtin('yes-and-tradeoffs'), draft, capacity, today: '2027-01-04' });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.match(reply.value.snippet, /^Hi \$\{2:requester\},/);
    assert.match(reply.value.snippet, /\*\*\$\{1:what is asked\}\*\*/);
    assert.deepEqual(reply.value.tabStops, ['what is asked', 'requester']);
    // The figures do not depend on the names: they are the full draft's.
    const full = renderSnippetReply({ template: builtin('yes-and-tradeoffs'), draft: sampleDraft, capacity, today: '2027-01-04' });
    assert.ok(full.ok);
    assert.deepEqual(reply.value.analysis.delays, full.value.analysis.delays);
  });

  it('leaves an empty needed-by date as a tab stop where the template prints it, analysing without a date', () => {
    const withDate = template('Needed by {{date request.neededBy}}, costing {{money 5}}.', '[request.neededBy]');
    const reply = renderSnippetReply({ template: withDate, draft: { ...sampleDraft, neededBy: '' }, capacity, today: '2027-01-04' });
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.equal(reply.value.snippet, 'Needed by ${1:needed by}, costing \\$5.\n');
    assert.equal(reply.value.analysis.request.meetsNeededBy, null);
  });

  it('applies the signature setting to the sign-off', () => {
    const signed = template('{{org.me.name}} / {{org.me.title}}', '[]');
    const reply = renderSnippetReply({ template: signed, draft: sampleDraft, capacity, today: '2027-01-04', signature: 'Alex Kim\nHead of IT' });
    assert.ok(reply.ok);
    assert.equal(reply.value.snippet, 'Alex Kim / Head of IT\n');
  });

  it('reports an effort that is not a number as a problem at the field', () => {
    const reply = renderSnippetReply({ template: builtin('teams-quick-reply'), draft: { ...sampleDraft, effortDays: 'lots' }, capacity, today: '2027-01-04' });
    assert.equal(reply.ok, false);
    assert.deepEqual(!reply.ok && reply.problems.map((p) => [p.file, p.path, p.message]), [['<answers>', 'request.effortDays', 'Enter a number, like 12 or 2.5']]);
  });

  it('asks for the template\'s inputs, and for the effort when the draft has none', () => {
    const paths = (fields: InputField[]) => fields.map((f) => f.path);
    assert.deepEqual(paths(fieldsToAsk(builtin('yes-and-tradeoffs'), sampleDraft)), ['request.title', 'request.requester.name', 'request.effortDays']);
    const titleOnly = template('{{request.title}}', '[request.title, capacity.team]');
    assert.deepEqual(paths(fieldsToAsk(titleOnly, sampleDraft)), ['request.title']);
    assert.deepEqual(paths(fieldsToAsk(titleOnly, { ...sampleDraft, effortDays: '' })), ['request.title', 'request.effortDays']);
  });

  it('validates answers inline: numbers above 0, real YYYY-MM-DD dates, empty text allowed', () => {
    const field = (path: string) => fieldsToAsk(template('x', `[${path}]`), sampleDraft)[0];
    const effort = field('request.effortDays');
    assert.match(validateAnswer(effort, '') ?? '', /person-days/);
    assert.equal(validateAnswer(effort, '0'), 'Must be greater than 0');
    assert.equal(validateAnswer(effort, 'x'), 'Enter a number, like 12 or 2.5');
    assert.equal(validateAnswer(effort, ' 2.5 '), undefined);
    const date = field('request.neededBy');
    assert.equal(validateAnswer(date, ''), undefined);
    assert.match(validateAnswer(date, '2027-02-30') ?? '', /YYYY-MM-DD/);
    assert.match(validateAnswer(date, '12/03/2027') ?? '', /YYYY-MM-DD/);
    assert.equal(validateAnswer(date, '2027-03-12'), undefined);
    assert.equal(validateAnswer(field('request.rank'), '1.5'), 'Use a whole number, 1 or more');
    assert.equal(validateAnswer(field('request.costOfDelayPerWeek'), '0'), undefined);
    assert.equal(validateAnswer(field('request.title'), ''), undefined);
  });

  it('takes answers keyed by input path or draft field', () => {
    assert.deepEqual(answersAsDraft({ 'request.title': 'Portal', effortDays: 12, 'request.requester.name': 'Dana', colour: 'red', neededBy: null }), {
      title: 'Portal',
      effortDays: '12',
      requesterName: 'Dana',
    });
  });
});
