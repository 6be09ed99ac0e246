import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import { composerProvider, pushbackApi, visitorWifiDraft, waitFor, workspaceFolder } from './helpers';

/**
 * The composer's host: an editor tab (not a side-bar view), the reply it renders for the stored
 * draft, the capacity files it offers and in what order, and what it accepts from its page —
 * only capacity files it offered and only files it reported a problem in. What the reopened
 * page shows is checked in the workbench (test/ui/composerPersistence.ui.ts).
 */
describe('composer host', () => {
  before(async () => {
    await pushbackApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The open composer's session, once its page has said it is ready and has been offered its choices. */
  async function readySession() {
    const session = (await composerProvider()).session();
    await waitFor('the composer page is ready', () => session.pageReady, Boolean);
    return session;
  }

  it('opens the composer as an editor tab and starts a new draft without asking', async () => {
    await vscode.commands.executeCommand(COMMANDS.openComposer);
    const tab = await waitFor(
      'a composer tab',
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview),
      Boolean,
    );
    assert.match((tab?.input as vscode.TabInputWebview).viewType, /pushback\.composerPanel$/);
    await vscode.commands.executeCommand(COMMANDS.newDraft, { confirm: false });
    const { drafts } = await pushbackApi();
    assert.equal(drafts.get().title, '');
    assert.equal(drafts.get().effortDays, '');
  });

  it("renders the reply for the stored draft, with the draft's title and the chosen team", async () => {
    const { drafts } = await pushbackApi();
    await drafts.update(visitorWifiDraft(drafts.get()));
    await readySession();
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

  it('ignores a capacity file the page was not offered, and keeps the rest of the change', async () => {
    const { drafts } = await pushbackApi();
    const session = await readySession();
    const before = drafts.get();
    const outside = path.join(path.dirname(workspaceFolder()), 'elsewhere.capacity.yaml');
    await session.handle({ type: 'formChanged', seq: 1, draft: { ...before, capacityFile: outside, title: 'Changed title' } });
    assert.equal(drafts.get().title, 'Changed title');
    assert.equal(drafts.get().capacityFile, before.capacityFile);
  });

  it("renders the template's own fields from the draft, and keeps each template's values when switching", async () => {
    const { drafts } = await pushbackApi();
    const session = await readySession();
    const base = visitorWifiDraft(drafts.get());
    const values = { briefingDate: '2027-01-08', attachDecisionRecord: true };
    await session.handle({ type: 'formChanged', seq: 3, draft: { ...base, templateId: 'inform-cio', fieldValues: { 'inform-cio': values } } });
    let reply = await session.currentReply();
    assert.deepEqual(reply.problems, [], reply.problems.map((p) => p.text).join('\n'));
    assert.match(reply.markdown, /briefing on Fri 8 Jan 2027/);
    assert.match(reply.markdown, /decision record/i);

    // Another template, then back: the values typed for the CIO note are still there.
    await session.handle({ type: 'formChanged', seq: 4, draft: { ...drafts.get(), templateId: 'yes-and-tradeoffs' } });
    assert.deepEqual(drafts.get().fieldValues['inform-cio'], values);
    await session.handle({ type: 'formChanged', seq: 5, draft: { ...drafts.get(), templateId: 'inform-cio' } });
    reply = await session.currentReply();
    assert.match(reply.markdown, /briefing on Fri 8 Jan 2027/);

    // A value of the wrong kind is a problem naming the field, not a reply.
    await session.handle({ type: 'formChanged', seq: 6, draft: { ...drafts.get(), fieldValues: { 'inform-cio': { briefingDate: 'next Tuesday' } } } });
    reply = await session.currentReply();
    assert.ok(reply.problems.some((p) => /briefingDate|briefing/i.test(p.text)), JSON.stringify(reply.problems));
  });

  it('writes the chosen template precompiled for the page: a script named after its content, registering its specs under that name', async () => {
    const { drafts, services } = await pushbackApi();
    const session = await readySession();
    await session.handle({ type: 'formChanged', seq: 7, draft: { ...drafts.get(), templateId: 'yes-with-funding' } });
    const folder = path.join(services.context.globalStorageUri.fsPath, 'webview-templates');
    const scripts = () => (fs.existsSync(folder) ? fs.readdirSync(folder) : []);
    await waitFor('the template scripts', () => scripts().filter((name) => /^[0-9a-f]{64}\.js$/.test(name)).length, (count) => count >= 2);
    // Only finished scripts: written through a temporary file, moved into place.
    assert.deepEqual(scripts().filter((name) => !/^[0-9a-f]{64}\.js$/.test(name)), []);
    for (const name of scripts()) {
      const hash = name.slice(0, 64);
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      const prefix = `(self.pushbackTemplateSpecs = self.pushbackTemplateSpecs || Object.create(null))[${JSON.stringify(hash)}] = `;
      assert.ok(text.startsWith(prefix), text.slice(0, 200));
      assert.equal(createHash('sha256').update(text.slice(prefix.length, -';\n'.length)).digest('hex'), hash);
    }
  });

  it('opens only files a problem was reported in, at the exact line and column', async () => {
    const { drafts } = await pushbackApi();
    const session = await readySession();
    const opened: string[] = [];
    const listener = vscode.workspace.onDidOpenTextDocument((document) => opened.push(document.uri.fsPath));
    try {
      // Refused before anything is opened: `handle` returns once it has decided.
      const notes = path.join(workspaceFolder(), 'notes.md');
      await session.handle({ type: 'openProblem', file: notes, line: 1, column: 1 });

      // The broken file is offered: choosing it reports its problem, which may then be opened.
      const broken = path.join(workspaceFolder(), 'broken.capacity.json');
      await session.handle({ type: 'formChanged', seq: 8, draft: { ...drafts.get(), capacityFile: broken } });
      assert.equal(drafts.get().capacityFile, broken);
      const reply = await session.currentReply();
      const problem = reply.problems.find((p) => p.file === broken);
      assert.ok(problem, `no problem reported in ${broken}: ${JSON.stringify(reply.problems)}`);
      assert.ok(problem.column > 1 || problem.line > 1, 'the fixture problem should not be at 1:1 (the test would not tell columns apart)');
      await session.handle({ type: 'openProblem', file: broken, line: problem.line, column: problem.column });
      const editor = await waitFor('the broken file opened', () => vscode.window.activeTextEditor, (e) => e?.document.uri.fsPath === broken);
      assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [problem.line - 1, problem.column - 1]);
      assert.ok(!opened.includes(notes), 'a file with no reported problem was opened');
    } finally {
      listener.dispose();
    }
  });
});
