import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analysisSummary } from '../../src/core/outputs/analysisSummary';
import { figureContext } from '../../src/core/rewriteCheck/figureContext';
import { figureList } from '../../src/core/rewriteCheck/figureList';
import { packageRoot } from './fixtures/cli';
import { draftSample } from './fixtures/sample';

describe('what the chat and the language-model tools say', () => {
  it('summarises the analysis in one paragraph with the reply\'s own figures', async () => {
    const { input } = await draftSample();
    assert.equal(
      analysisSummary(input),
      'Customer self-service order-tracking portal (45 days, asked by Dana Whitfield) would take Platform & Workplace IT from 94% to 108% of its capacity up to Fri 26 Mar 2027; at rank 2 it would finish on Fri 22 Jan 2027. ' +
        'Over capacity: 25.7 days. Cost of delay: $51,100 (8 commitments slip). Funding to cover it: 1 FTE · $49,300. ' +
        'Proposed alternative — Swap it in: Pause Self-service knowledge base clean-up (DOC-009), Observability consolidation (OBS-020) and Laptop lifecycle and Windows 11 upgrade (WKP-150) to free 62 days for the 45 days this needs; the team\'s load does not grow and no extra staff is needed. ' +
        'Dana Whitfield informs Elena Petrova by Mon 11 Jan 2027, before work starts.',
    );
  });

  it('says when a request fits as asked, and when it would never finish', async () => {
    const small = await draftSample('yes-and-tradeoffs', { request: 'northwind-small.request.yaml' });
    assert.match(analysisSummary(small.input), /It fits as asked: nothing already promised moves/);
    const never = { ...small.input, analysis: { ...small.input.analysis, request: { ...small.input.analysis.request, finish: 'never' as const } } };
    assert.match(analysisSummary(never), /it would not finish within ten years/);
  });

  it('lists the figures of a reply by kind, each once', async () => {
    const { markdown, input } = await draftSample();
    const list = figureList(markdown, figureContext(input)).split('\n');
    assert.deepEqual(list.map((line) => line.split(':')[0]), ['- Amounts', '- Percentages', '- FTE', '- Day counts', '- Other numbers', '- Dates', '- People', '- Commitments']);
    assert.equal(list[1], '- Percentages: 94%; 108%');
    assert.equal(list[6], '- People: Dana Whitfield; Elena Petrova; Sam Carter');
  });

  it('gives both language-model tools the request schema the CLI validates with', () => {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
    const requestSchema = JSON.parse(readFileSync(path.join(packageRoot, 'media/schemas/request.schema.json'), 'utf8'));
    delete requestSchema.$schema;
    const tools = pkg.contributes.languageModelTools as { name: string; inputSchema: { properties: { request: unknown } }; toolReferenceName: string; canBeReferencedInPrompt: boolean }[];
    assert.deepEqual(tools.map((t) => t.name), ['pushback_analyzeRequest', 'pushback_draftReply']);
    for (const tool of tools) {
      assert.deepEqual(tool.inputSchema.properties.request, requestSchema, `${tool.name}: regenerate its inputSchema.request from media/schemas/request.schema.json`);
      assert.ok(tool.canBeReferencedInPrompt && tool.toolReferenceName);
    }
  });
});
