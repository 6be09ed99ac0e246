import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import { REWRITE_DIAGNOSTIC_SOURCE } from '../../src/extension/rewriteCheck';
import { closeAllEditorsWithoutSaving, pushbackApi, visitorWifiDraft, waitFor } from './helpers';

/** Check a Rewritten Reply: the editor's text checked against the composer's current reply, differences as diagnostics. */
describe('Check a Rewritten Reply', function () {
  this.timeout(60_000);
  let reply: string;

  before(async () => {
    const api = await pushbackApi();
    await api.drafts.update(visitorWifiDraft(api.drafts.get()));
    // The composer's reply, through the draft tool's path (the same as the composer's).
    const result = await vscode.lm.invokeTool('pushback_draftReply', {
      input: { request: { title: 'Visitor Wi-Fi for the new office', requester: { name: 'Dana Whitfield', title: 'VP Sales' }, effortDays: 4, neededBy: '2027-01-29', outcome: 'welcome guests without a helpdesk ticket' }, templateId: 'yes-and-tradeoffs' },
      toolInvocationToken: undefined,
    });
    const [first] = result.content;
    assert.ok(first instanceof vscode.LanguageModelTextPart);
    reply = first.value;
  });

  after(closeAllEditorsWithoutSaving);

  it('shows a changed figure as a diagnostic where the rewrite states it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reply.replace('120%', '130%') });
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<{ differences: unknown[] }>(COMMANDS.checkRewrite);
    assert.ok(result && result.differences.length > 0);
    const diagnostics = await waitFor('the figure check diagnostics', () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === REWRITE_DIAGNOSTIC_SOURCE), (d) => d.length > 0);
    const changed = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(changed, JSON.stringify(diagnostics));
    assert.equal(document.getText(changed.range), '130%');
    assert.match(changed.message, /percentage "130%" is not in the original/);
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Warning && /the utilization after, 120%, is missing/.test(d.message)));
  });

  it('finds nothing in a rewrite that keeps every figure', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reply.split('\n\n').reverse().join('\n\n') });
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<{ differences: unknown[] }>(COMMANDS.checkRewrite);
    assert.deepEqual(result?.differences, []);
  });
});
