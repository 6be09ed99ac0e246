import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import type { DraftForm } from '../../src/core/draft/draftForm';
import { composerProvider, pushbackApi, sleep, visitorWifiDraft } from './helpers';

/**
 * The composer's webview is not kept alive when hidden: the draft must come back from the
 * DraftStore (workspace storage) when the view is shown again, unchanged.
 */
describe('composer persistence', () => {
  // No readiness signal reaches the host from the webview, so give it time to load and to
  // send anything it would send (a stale draft from its own state would arrive now).
  const WEBVIEW_SETTLE_MS = 2500;
  let draft: DraftForm;

  before(async () => {
    await pushbackApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  it('opens the composer and starts a new draft without asking', async () => {
    await vscode.commands.executeCommand(COMMANDS.openComposer);
    await sleep(WEBVIEW_SETTLE_MS);
    await vscode.commands.executeCommand(COMMANDS.newDraft, { confirm: false });
    const { drafts } = await pushbackApi();
    const fresh = drafts.get();
    assert.equal(fresh.title, '');
    assert.equal(fresh.effortDays, '');
  });

  it('keeps the draft written while the view is open', async () => {
    const { drafts } = await pushbackApi();
    draft = visitorWifiDraft(drafts.get());
    await drafts.update(draft);
    await sleep(WEBVIEW_SETTLE_MS);
    assert.deepEqual(drafts.get(), draft);
  });

  it('still has the same draft after the side bar is closed and the composer reopened', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await sleep(500);
    await vscode.commands.executeCommand(COMMANDS.openComposer);
    await sleep(WEBVIEW_SETTLE_MS);
    const { drafts } = await pushbackApi();
    assert.deepEqual(drafts.get(), draft);
  });

  it("renders the reply for that draft, with the draft's title and the chosen team", async () => {
    const reply = await (await composerProvider()).currentReply();
    assert.deepEqual(reply.problems, [], reply.problems.map((p) => p.text).join('\n'));
    assert.equal(reply.hint, '');
    assert.match(reply.markdown, /^Hi Dana,\n/);
    assert.ok(reply.markdown.includes('**Visitor Wi-Fi for the new office**'), reply.markdown.slice(0, 300));
    assert.equal(reply.analysis?.team, 'Integration Test Team');
    assert.ok(reply.html.includes('<strong>Visitor Wi-Fi for the new office</strong>'));
    assert.ok(reply.text.startsWith('Hi Dana,'));
  });
});
