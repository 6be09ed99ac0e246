import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import type { Draft } from '../../src/core/draft/draftReply';
import { renderReply } from '../../src/core/engine/renderReply';
import type { Delay } from '../../src/core/model/analysis';
import { type AdaptiveCard, type CardElement, MAX_TABLE_ROWS, type Table, buildAdaptiveCard, teamsMessage, utf8Length } from '../../src/core/outputs/adaptiveCard';
import { escapeCardText, markdownToTextBlocks } from '../../src/core/outputs/cardMarkdown';
import { informCioSummary, proposalSummary } from '../../src/core/outputs/keyFigures';
import { formatProblem } from '../../src/core/problems';
import { draftSample, loadBuiltinPack } from './fixtures/sample';

/**
 * The official schema is draft-06 and names itself with `id`, which Ajv 8 refuses
 * as a keyword: drop that keyword (it only names the schema), keep `strict: false`
 * for the schema's own annotations (`version`, `features`), and check formats.
 */
function cardValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.removeKeyword('id');
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/adaptive-card-1.5.schema.json'), 'utf8')));
}

function cardOf(drafted: Draft): AdaptiveCard {
  const card = buildAdaptiveCard({ input: drafted.input, markdown: drafted.markdown, frontMatter: drafted.template.frontMatter });
  assert.ok(card.ok, card.ok ? '' : card.problems.map(formatProblem).join('\n'));
  return card.value;
}

function byId(card: AdaptiveCard, id: string): CardElement | undefined {
  return card.body.find((element) => element.id === id);
}

/** Every TextBlock text in the card, wherever it sits. */
function texts(elements: readonly unknown[]): string[] {
  return elements.flatMap((element) => {
    const e = element as { type: string; text?: string; items?: unknown[]; rows?: { cells: { items: unknown[] }[] }[]; facts?: { title: string; value: string }[] };
    if (e.type === 'TextBlock') return [e.text ?? ''];
    if (e.type === 'FactSet') return (e.facts ?? []).flatMap((f) => [f.title, f.value]);
    if (e.type === 'Table') return (e.rows ?? []).flatMap((row) => row.cells.flatMap((cell) => texts(cell.items)));
    return texts(e.items ?? []);
  });
}

describe('Teams: the Adaptive Card', () => {
  const validate = cardValidator();

  it('is valid Adaptive Card 1.5 for every example of every built-in template', async () => {
    const pack = await loadBuiltinPack();
    const examples = pack.manifest.examples;
    assert.deepEqual([...new Set(examples.map((e) => e.template))].sort(), pack.templates.map((t) => t.frontMatter.id).sort());
    for (const example of examples) {
      const card = cardOf(await draftSample(example.template, { pack, request: path.basename(example.request), proposal: example.proposal }));
      const valid = validate(card);
      assert.deepEqual(validate.errors ?? [], [], `${example.template} (${example.request}): ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      assert.ok(valid);
      assert.equal(card.type, 'AdaptiveCard');
      assert.equal(card.version, '1.5');
      assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
      assert.ok(card.fallbackText.length > 0 && !/\*\*/.test(card.fallbackText), 'fallbackText is plain text');
    }
  });

  it('the schema check is real: it rejects a misspelt property and an unknown element', () => {
    const base = { type: 'AdaptiveCard', version: '1.5', body: [] as unknown[] };
    assert.ok(validate(base));
    assert.equal(validate({ ...base, body: [{ type: 'TextBlock', text: 'x', wrapp: true }] }), false);
    assert.equal(validate({ ...base, body: [{ type: 'Paragraph', text: 'x' }] }), false);
    assert.equal(validate({ ...base, msteams: { width: 'Full' } }), false);
  });

  it('has the request, the key figures, a Table of what slips, the alternative and who informs the CIO', async () => {
    const card = cardOf(await draftSample('yes-and-tradeoffs'));
    const request = byId(card, 'request');
    assert.equal(request?.type, 'FactSet');
    assert.deepEqual(request.facts.slice(0, 2), [
      { title: 'Requested by', value: 'Dana Whitfield, VP Sales' },
      { title: 'Needed by', value: 'Fri 12 Mar 2027' },
    ]);
    const figures = byId(card, 'keyFigures');
    assert.equal(figures?.type, 'FactSet');
    assert.deepEqual(figures.facts, [
      { title: 'Team load', value: '94% → 108% of capacity' },
      { title: 'Over capacity', value: '25.7 days' },
      { title: 'Funding to cover it', value: '1 FTE · $49,300' },
      { title: 'Cost of delay', value: '$51,100 (8 commitments slip)' },
    ]);
    const table = byId(card, 'whatSlips') as Table;
    assert.equal(table.type, 'Table');
    assert.equal(table.rows.length, 9, 'a header row and the 8 delays');
    assert.deepEqual(texts(table.rows[0].cells), ['Commitment', 'Slips by', 'New finish', 'Cost of delay']);
    assert.deepEqual(texts(table.rows[1].cells), ['Warehouse scanner fleet refresh (OPS-301)', '9 days', 'Wed 3 Feb', '$11,700']);
    assert.deepEqual(texts(table.rows[4].cells), ['Branch office SD-WAN rollout (phase 2) (NET-078)', '9 days', 'Tue 9 Mar, past its Fri 5 Mar deadline', '$7,200']);
    assert.equal(table.columns[1].horizontalCellContentAlignment, 'right');
    assert.match(texts([byId(card, 'alternative')])[0], /^Pause Self-service knowledge base clean-up \(DOC-009\), .* to free 62 days/);
    assert.deepEqual(texts([byId(card, 'informCio')]), ['Dana Whitfield informs Elena Petrova by Mon 11 Jan 2027, before work starts.']);
    const reply = texts([byId(card, 'reply')]);
    assert.equal(reply[0], 'Hi Dana,');
    assert.ok(reply.includes('**Trade-offs.** To do it, these commitments would slip:'));
    assert.deepEqual(reply.slice(-3), ['Best regards,', 'Sam Carter', 'Director of IT Platforms']);
  });

  it('says nothing slips, and needs no funding, when the request fits', async () => {
    const card = cardOf(await draftSample('teams-quick-reply', { request: 'northwind-small.request.yaml' }));
    assert.deepEqual(texts([byId(card, 'whatSlips')]), ['Nothing already promised moves.']);
    const figures = byId(card, 'keyFigures');
    assert.equal(figures?.type, 'FactSet');
    assert.ok(figures.facts.some((f) => f.title === 'Funding to cover it' && f.value === 'none needed'));
    assert.ok(texts(card.body).includes('No alternative needed'), 'no swap is proposed when nothing has to move');
    assert.deepEqual(texts([byId(card, 'alternative')]), ['It fits as asked: nothing already promised moves and no extra staff is needed.']);
  });

  it('wraps the card in the Teams Workflows webhook envelope', async () => {
    const card = cardOf(await draftSample('teams-quick-reply'));
    assert.deepEqual(teamsMessage(card), { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
  });

  it('keeps data as text: Markdown and HTML in a title or name are escaped, not rendered', async () => {
    const pack = await loadBuiltinPack();
    const drafted = await draftSample('yes-and-tradeoffs', { pack });
    const request = { ...drafted.input.request, title: '<script>alert(1)</script> *bold* _it_ [x](https://evil.example)', requester: { name: 'Eve **Boss**', title: null } };
    const input = { ...drafted.input, request };
    const markdown = renderReply(drafted.template, input);
    assert.ok(markdown.ok);
    const card = buildAdaptiveCard({ input, markdown: markdown.value, frontMatter: drafted.template.frontMatter });
    assert.ok(card.ok);
    assert.equal(validate(card.value), true);
    const all = texts(card.value.body);
    assert.equal(all[0], '\\<script\\>alert(1)\\</script\\> \\*bold\\* \\_it\\_ \\[x\\](https://evil.example)');
    for (const text of all) {
      assert.doesNotMatch(text, /(^|[^\\])<script/, text);
      assert.doesNotMatch(text, /(^|[^\\])\*bold/, text);
      assert.doesNotMatch(text, /(^|[^\\])\[x\]/, text);
    }
    assert.ok(all.includes('Hi Eve,'));
  });

  describe('the size cap', () => {
    /** The sample, with its delays copied and their titles long enough to burst a card (replies list the first 12 slips). */
    async function withManyDelays(templateId: string, count: number) {
      const drafted = await draftSample(templateId);
      const delays: Delay[] = Array.from({ length: count }, (_, i) => ({ ...drafted.input.analysis.delays[i % 8], id: `BIG-${i + 1}`, title: `Synthetic commitment number ${i + 1} ${'with a title long enough to fill a card '.repeat(30)}` }));
      const input = { ...drafted.input, analysis: { ...drafted.input.analysis, delays } };
      const markdown = renderReply(drafted.template, input);
      assert.ok(markdown.ok);
      return buildAdaptiveCard({ input, markdown: markdown.value, frontMatter: drafted.template.frontMatter });
    }

    it('refuses a card over 28 KB, pointing to the chat-sized template', async () => {
      const card = await withManyDelays('yes-and-tradeoffs', 400);
      assert.equal(card.ok, false);
      assert.ok(!card.ok);
      const [problem] = card.problems;
      assert.match(problem.message, /^the Teams card is \d+\.\d KB, over the 28 KB Teams accepts$/);
      assert.match(problem.hint, /"teams-quick-reply"/);
    });

    it('keeps the chat-sized template under the cap: the card\'s table shows the costliest rows and sums the rest', async () => {
      const card = await withManyDelays('teams-quick-reply', 400);
      assert.ok(card.ok, card.ok ? '' : card.problems.map(formatProblem).join('\n'));
      assert.ok(utf8Length(JSON.stringify(teamsMessage(card.value))) <= 28 * 1024);
      const table = byId(card.value, 'whatSlips') as Table;
      assert.equal(table.rows.length, 1 + MAX_TABLE_ROWS);
      assert.match(texts(table.rows[MAX_TABLE_ROWS].cells)[0], /^389 more commitments$/);
      assert.equal(validate(card.value), true);
    });

    it('measures bytes, not characters', () => {
      assert.equal(utf8Length('€'), 3);
      assert.equal(utf8Length('a—b'), 5);
    });
  });

  describe('the alternative and the CIO line, in words', () => {
    it('describes each proposal with its dates and figures', async () => {
      const { input } = await draftSample('yes-and-tradeoffs');
      const text = (proposal: 'defer' | 'descope' | 'swap' | 'fund', change: Partial<typeof input> = {}) => proposalSummary({ ...input, ...change, proposal }).text;
      assert.equal(text('defer'), 'Start Tue 23 Mar 2027, finish Fri 2 Apr 2027; nothing else moves, but that is too late for Fri 12 Mar 2027.');
      assert.equal(text('descope'), 'No capacity is left by Fri 12 Mar 2027 without moving other work.');
      assert.equal(text('fund'), '1 FTE of extra staff until Fri 26 Mar 2027 ($49,300), so this and everything already promised fit.');
      const alternatives = input.analysis.alternatives;
      const partial = { analysis: { ...input.analysis, alternatives: { ...alternatives, descope: { fitDays: 9, fraction: 0.2 }, swap: null } } };
      assert.equal(text('descope', partial), '9 days (20%) of the 45 days by Fri 12 Mar 2027, without moving anything else.');
      assert.equal(text('swap', partial), 'Not possible: even pausing every unlocked item below it would not free 45 days.');
      const fits = { analysis: { ...input.analysis, overflowDays: 0, alternatives: { ...alternatives, descope: { fitDays: 45, fraction: 1 } } } };
      assert.equal(text('descope', fits), 'All 45 days fit by Fri 12 Mar 2027 without moving anything else.');
      assert.equal(text('fund', fits), 'Not needed: the quarter has room for this as it is.');
      const noOwner = { ...input, analysis: { ...input.analysis, informCio: { owner: null, by: 'never' as const, needed: true } } };
      assert.equal(informCioSummary(noOwner), 'Elena Petrova should hear of it before any work starts; who raises it is still to be agreed.');
    });
  });

  describe('reply Markdown as card text', () => {
    it('keeps bold, italic and links, makes lists one block, headings bold, tables list lines', () => {
      const blocks = markdownToTextBlocks(
        '# Brief\n\n*As of* **today**, see [the plan](https://example.com/a_(b)).\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\n| What | Days |\n| --- | ---: |\n| A | 2 |\n| B | 3 |\n\n---\n\nBest,\nSam\n',
      );
      assert.deepEqual(
        blocks.map((b) => b.text),
        [
          'Brief',
          '_As of_ **today**, see [the plan](https://example.com/a_%28b%29).',
          '- one\r- two\r- nested',
          '1. first\r2. second',
          '- A — Days: 2\r- B — Days: 3',
          'Best,',
          'Sam',
        ],
      );
      assert.equal(blocks[0].weight, 'bolder');
      assert.equal(blocks[0].style, 'heading');
      assert.equal(blocks[5].separator, true, 'a rule becomes a separator');
      assert.equal(blocks[6].spacing, 'none', 'a signature line sits under the one before');
      assert.ok(blocks.every((b) => b.wrap));
    });

    it('keeps code as monospace text and loose list items whole', () => {
      const blocks = markdownToTextBlocks('```\n*not bold*\n```\n\n- first\n\n  more of first\n- second\n');
      assert.deepEqual(blocks.map((b) => [b.text, b.fontType]), [['\\*not bold\\*', 'monospace'], ['- first more of first\r- second', undefined]]);
    });

    it('drops unsafe links and images (no external assets), keeping their words', () => {
      const [block] = markdownToTextBlocks('[click](javascript:alert(1)) ![logo](https://tracker.example/p.png)');
      assert.equal(block.text, '\\[click\\](javascript:alert(1)) logo');
    });

    it('escapes only what the card Markdown would read as structure', () => {
      assert.equal(escapeCardText('Plain text, 45 days (phase 2) — $1,000!'), 'Plain text, 45 days (phase 2) — $1,000!');
      assert.equal(escapeCardText('a_b *c* [d] `e` <f>'), 'a\\_b \\*c\\* \\[d\\] \\`e\\` \\<f\\>');
      assert.equal(escapeCardText('- not a list'), '\\- not a list');
      assert.equal(escapeCardText('1. not a list'), '1\\. not a list');
      assert.equal(escapeCardText('# not a heading'), '\\# not a heading');
    });
  });
});
