import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import type { DraftForm } from '../../src/core/draft/draftForm';
import { composerProvider, pushbackApi, sleep, visitorWifiDraft, waitFor, workspaceFolder } from './helpers';

/**
 * The composer is an editor tab whose page is not kept alive when hidden: the draft must come
 * back from the DraftStore (workspace storage) when it is shown again, unchanged. Its host
 * accepts from the page only what it offered (capacity files) or reported (files with problems).
 */
describe('composer persistence and protocol', () => {
  // No readiness signal reaches the host from the webview, so give it time to load and to
  // send anything it would send (a stale draft from its own state would arrive now).
  const WEBVIEW_SETTLE_MS = 2500;
  let draft: DraftForm;

  before(async () => {
    await pushbackApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the composer as an editor tab and starts a new draft without asking', async () => {
    await vscode.commands.executeCommand(COMMANDS.openComposer);
    await sleep(WEBVIEW_SETTLE_MS);
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(tab, 'no webview tab after Open Composer');
    assert.match((tab.input as vscode.TabInputWebview).viewType, /pushback\.composerPanel$/);
    await vscode.commands.executeCommand(COMMANDS.newDraft, { confirm: false });
    const { drafts } = await pushbackApi();
    const fresh = drafts.get();
    assert.equal(fresh.title, '');
    assert.equal(fresh.effortDays, '');
  });

  it('keeps the draft written while the composer is open', async () => {
    const { drafts } = await pushbackApi();
    draft = visitorWifiDraft(drafts.get());
    await drafts.update(draft);
    await sleep(WEBVIEW_SETTLE_MS);
    assert.deepEqual(drafts.get(), draft);
  });

  it('still has the same draft after the composer is closed and opened again', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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

  it('offers the valid workspace file first, the broken one after it, the sample last', async () => {
    const { services } = await pushbackApi();
    const choices = await services.capacityChoices();
    assert.deepEqual(choices.map((c) => path.basename(c.file)), ['team.capacity.yaml', 'broken.capacity.json', 'northwind.capacity.yaml']);
    assert.ok(choices[1].problem, 'the broken file is not marked');
    assert.equal(await services.resolveCapacityFile(''), path.join(workspaceFolder(), 'team.capacity.yaml'));
  });

  /** The open composer's session, once its page is ready and has its choices. */
  async function readySession() {
    const session = (await composerProvider()).session();
    await waitFor('the composer page is ready', () => session.pageReady, Boolean, 30_000);
    return session;
  }

  it('ignores a capacity file the page was not offered', async () => {
    const { drafts } = await pushbackApi();
    const session = await readySession();
    const before = drafts.get();
    const outside = path.join(path.dirname(workspaceFolder()), 'elsewhere.capacity.yaml');
    await session.handle({ type: 'formChanged', seq: 1, draft: { ...before, capacityFile: outside, title: 'Changed title' } });
    assert.equal(drafts.get().title, 'Changed title', 'the rest of the change is kept');
    assert.equal(drafts.get().capacityFile, before.capacityFile);
  });

  it('opens only files a problem was reported in, at the exact line and column', async () => {
    const { drafts } = await pushbackApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const session = await readySession();
    const notes = path.join(workspaceFolder(), 'notes.md');
    await session.handle({ type: 'openProblem', file: notes, line: 1, column: 1 });
    await sleep(300);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === notes), 'a file with no reported problem was opened');

    // The broken file is offered: choosing it reports its problem, which may then be opened.
    const broken = path.join(workspaceFolder(), 'broken.capacity.json');
    await session.handle({ type: 'formChanged', seq: 2, draft: { ...drafts.get(), capacityFile: broken } });
    assert.equal(drafts.get().capacityFile, broken);
    const reply = await session.currentReply();
    const problem = reply.problems.find((p) => p.file === broken);
    assert.ok(problem, `no problem reported in ${broken}: ${JSON.stringify(reply.problems)}`);
    await session.handle({ type: 'openProblem', file: broken, line: problem.line, column: problem.column });
    const editor = await waitFor('the broken file opened', () => vscode.window.activeTextEditor, (e) => e?.document.uri.fsPath === broken);
    assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [problem.line - 1, problem.column - 1]);
    assert.ok(problem.column > 1 || problem.line > 1, 'the fixture problem should not be at 1:1 (the test would not tell columns apart)');
  });
});
