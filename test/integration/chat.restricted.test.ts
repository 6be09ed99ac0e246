import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertRestrictedMode, pushbackApi } from './helpers';

/** Restricted Mode: the tools and the participant work from the built-in sample and say so. */
describe('chat and agents (restricted mode)', () => {
  before(assertRestrictedMode);

  const request = { title: 'Visitor Wi-Fi', requester: { name: 'Dana Whitfield' }, effortDays: 4 };

  it('analyzes against the built-in sample team, not the workspace file asked for, and says so', async () => {
    await pushbackApi();
    const result = await vscode.lm.invokeTool('pushback_analyzeRequest', { input: { request, capacityFile: 'team.capacity.yaml' }, toolInvocationToken: undefined });
    const [summary, json] = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''));
    assert.match(summary, /^This workspace is in Restricted Mode, so Pushback used its built-in sample team/);
    assert.match(summary, /Analysis against the built-in sample team: Visitor Wi-Fi \(4 days, asked by Dana Whitfield\) would take Platform & Workplace IT/);
    assert.equal(JSON.parse(json).horizonWorkingDays, 58);
  });

  it('names the sample in its confirmation', async () => {
    const tools = (await pushbackApi()).tools();
    const prepared = await tools?.draft.prepareInvocation?.({ input: { request, capacityFile: 'team.capacity.yaml' } }, new vscode.CancellationTokenSource().token);
    const message = prepared?.confirmationMessages?.message;
    assert.match(typeof message === 'string' ? message : (message?.value ?? ''), /in \*\*the built\\?-in sample team\*\*\.\n\nThis workspace is in Restricted Mode/);
  });

  it('drafts in chat from the sample team, saying so', async () => {
    const api = await pushbackApi();
    await api.drafts.update({ ...api.drafts.get(), title: 'Visitor Wi-Fi', requesterName: 'Dana Whitfield', effortDays: '4' });
    let text = '';
    await api.chat()?.({ prompt: '', command: 'draft' }, { markdown: (v) => (text += typeof v === 'string' ? v : v.value), button: () => undefined, progress: () => undefined });
    assert.match(text, /Restricted Mode: the figures come from Pushback's built-in sample team/);
    assert.match(text, /Platform & Workplace IT/);
  });
});
