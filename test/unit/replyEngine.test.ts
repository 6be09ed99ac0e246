import assert from 'node:assert/strict';
import { compileTemplate } from '../../src/core/engine/compileTemplate';
import { markdownToHtml, markdownToPlainText } from '../../src/core/engine/markdownOutput';
import { renderReply } from '../../src/core/engine/renderReply';
import { type ReplyInput, defaultProposal, escapeMarkdown } from '../../src/core/engine/replyContext';
import { createTemplateEnvironment } from '../../src/core/engine/templateEnvironment';
import { analyze } from '../../src/core/model/analyze';
import { namedCapacity as capacity, namedRequest as request } from './fixtures/workedExample';

const input: ReplyInput = { request, capacity, analysis: analyze(capacity, request), today: '2027-01-04' };

function render(body: string, frontMatter = '', data: ReplyInput = input): string {
  const text = `---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\n${frontMatter}---\n${body}`;
  const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', text);
  assert.ok(compiled.ok, JSON.stringify(compiled));
  const rendered = renderReply(compiled.value, data);
  assert.ok(rendered.ok, JSON.stringify(rendered));
  return rendered.value.trim();
}

function renderProblem(body: string, frontMatter = '') {
  const text = `---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\n${frontMatter}---\n${body}`;
  const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', text);
  if (!compiled.ok) return compiled.problems[0];
  const rendered = renderReply(compiled.value, input);
  assert.equal(rendered.ok, false, 'expected a problem');
  return (rendered as { problems: { line: number; message: string; path: string }[] }).problems[0];
}

describe('the reply engine', () => {
  describe('helpers', () => {
    it('formats money in the data\'s currency, in whole units', () => {
      assert.equal(render('{{money analysis.funding.cost}} / {{money 1234.56}}'), '€3,000 / €1,235');
    });
    it('formats percentages, days, FTE and plurals', () => {
      assert.equal(render('{{percent analysis.utilizationAfter}} {{days 1}} {{days 2.25}} {{fte 0.5}} {{plural 1 "day"}} {{plural 2 "person" "people"}}'), '120% 1 day 2.3 days 0.5 FTE day people');
    });
    it('pluralizes days as printed, and never shows an unknown FTE as 0', () => {
      assert.equal(render('{{days 1.04}} {{days 0.96}} {{days 1.06}} {{fte null}}'), '1 day 1 day 1.1 days an unknown number of FTE');
    });
    it('writes dates in words without a time-zone shift, and "never" plainly', () => {
      assert.equal(render('{{date "2027-01-19"}} | {{shortDate "2027-01-19"}} | {{date "never"}}'), 'Tue 19 Jan 2027 | Tue 19 Jan | not within ten years');
    });
    it('lists in prose', () => {
      assert.equal(render('{{list analysis.delays "title"}}; {{list analysis.delays "id" "or"}}'), 'Alpha and Beta; A or B');
    });
    it('builds a Markdown table whose cells cannot break its shape', () => {
      const withPipe = { ...input, analysis: { ...input.analysis, delays: input.analysis.delays.map((d) => ({ ...d, title: `${d.title} | x` })) } };
      const table = render('{{#table analysis.delays}}{{#cell "What"}}{{title}}{{/cell}}{{#cell "Days" align="right"}}{{days delayWorkingDays}}{{/cell}}{{/table}}', '', withPipe);
      assert.equal(table, '| What | Days |\n| --- | ---: |\n| Alpha \\| x | 4 days |\n| Beta \\| x | 4 days |');
      assert.match(markdownToHtml(table), /<td>Alpha \| x<\/td>/);
    });
    it('lists the first rows of a long table and counts the rest', () => {
      const limited = render('{{#table analysis.delays limit=1}}{{#cell "What"}}{{title}}{{/cell}}{{#cell "Days" align="right"}}{{days delayWorkingDays}}{{/cell}}{{/table}}');
      assert.equal(limited, '| What | Days |\n| --- | ---: |\n| Alpha | 4 days |\n| …and 1 more |  |');
      // A limit at or above the length lists everything, with no "more" row.
      assert.doesNotMatch(render('{{#table analysis.delays limit=2}}{{#cell "What"}}{{title}}{{/cell}}{{/table}}'), /more/);
    });
    it('compares with eq, gt, and, or, not', () => {
      assert.equal(render('{{#if (and (gt analysis.overflowDays 1) (eq proposal "swap"))}}yes{{/if}}{{#if (or false (not false))}}!{{/if}}'), 'yes!');
    });
    it('signs with the signature setting instead of org.me when one is given', () => {
      assert.equal(render('{{org.me.name}} / {{org.me.title}}', '', { ...input, signature: 'Alex Moreno\nHead of *Platform*' }), 'Alex Moreno / Head of \\*Platform\\*');
      assert.equal(render('{{org.me.name}}'), 'Sam Carter');
    });
    it('greets by first name', () => {
      assert.equal(render('Hi {{firstName request.requester.name}},'), 'Hi Dana,');
    });
  });

  describe('strictness', () => {
    it('names a field that is not in the data, at its line', () => {
      const problem = renderProblem('line one\n{{request.titel}}');
      assert.equal(problem.line, 9);
      assert.match(problem.message, /the field "titel" is not in the data/);
    });
    it('refuses unknown helpers when the template loads', () => {
      assert.match(renderProblem('{{shout request.title}}').message, /unknown helper "shout"/);
    });
    it('reports a missing partial where it is used, when the template loads', () => {
      const problem = renderProblem('first\n  {{> nowhere}}');
      assert.match(problem.message, /missing partial "nowhere"/);
      assert.equal(problem.line, 9);
    });
    it('reports a syntax error at its line', () => {
      const problem = renderProblem('ok\n{{#if request.title}}\nno end');
      assert.match(problem.message, /template syntax error/);
    });
    it('says which declared input is empty', () => {
      const empty = { ...input, request: { ...request, outcome: null } };
      const text = '---\nid: t\nname: T\ndescription: D\ntone: plain\nchannel: email\ninputs: [request.outcome]\n---\nx';
      const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', text);
      assert.ok(compiled.ok);
      const rendered = renderReply(compiled.value, empty);
      assert.equal(rendered.ok, false);
      assert.match((rendered as { problems: { message: string }[] }).problems[0].message, /needs request\.outcome, which is empty/);
    });
    it('requires front matter with the known channels', () => {
      const compiled = compileTemplate(createTemplateEnvironment(), 't.hbs', '---\nid: t\nname: T\ndescription: D\ntone: x\nchannel: fax\n---\nbody');
      assert.equal(compiled.ok, false);
      assert.match(JSON.stringify(compiled), /"line":6.*must be one of/);
    });
  });

  describe('safety', () => {
    const hostile = {
      ...input,
      request: { ...request, title: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold**', requester: { name: '<script>alert(1)</script>', title: null } },
    };
    it('escapes data so it cannot add HTML or Markdown structure', () => {
      const markdown = render('{{request.title}} from {{request.requester.name}}', '', hostile);
      const html = markdownToHtml(markdown);
      assert.doesNotMatch(html, /<img|<script|<a |<strong>/);
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.equal(markdownToPlainText(markdown).trim(), '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** from <script>alert(1)</script>');
    });
    it('renders raw HTML written in a template as text', () => {
      assert.doesNotMatch(markdownToHtml(render('<b>hi</b> <iframe src="x"></iframe>')), /<b>|<iframe/);
    });
    it('gives data keys like __proto__ no way to reach prototypes', () => {
      const polluted = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}');
      const withPayload = { ...input, request: { ...request, ...polluted } } as ReplyInput;
      render('{{request.title}}', '', withPayload);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      const problem = renderProblem('{{constructor.name}}');
      assert.match(problem.message, /not in the data/);
    });
    it('escapes Markdown specials with a backslash', () => {
      assert.equal(escapeMarkdown('a_b*c[d]<e>#f`g~h\\'), 'a\\_b\\*c\\[d\\]\\<e\\>\\#f\\`g\\~h\\\\');
    });
  });

  describe('plain text', () => {
    it('drops Markdown markers, keeps list bullets and aligns tables', () => {
      const text = markdownToPlainText('# Title\n\nSome **bold** text.\n\n- one\n- two\n\n| A | Amount |\n| --- | ---: |\n| x | $1 |\n| longer | $1,000 |\n');
      assert.equal(text, 'Title\n\nSome bold text.\n\n- one\n- two\n\nA       Amount\n------  ------\nx           $1\nlonger  $1,000\n');
    });
  });

  it('proposes a swap when one frees the room, else defers, descopes or funds', () => {
    assert.equal(defaultProposal(input.analysis), 'swap');
    const noSwap = { ...input.analysis, alternatives: { ...input.analysis.alternatives, swap: null } };
    assert.equal(defaultProposal(noSwap), 'fund');
    assert.equal(defaultProposal({ ...noSwap, alternatives: { ...noSwap.alternatives, defer: { ...noSwap.alternatives.defer, meetsNeededBy: true } } }), 'defer');
    assert.equal(defaultProposal({ ...noSwap, alternatives: { ...noSwap.alternatives, descope: { fitDays: 1, fraction: 0.25 } } }), 'descope');
  });
});
