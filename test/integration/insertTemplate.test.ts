import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import type { DraftForm } from '../../src/core/draft/draftForm';
import { closeAllEditorsWithoutSaving, pushbackApi, sleep, waitFor, workspaceUri } from './helpers';

/**
 * `pushback.insertTemplate(templateId?, answers?)`: with arguments it asks nothing. Answers are
 * keyed by the template's declared `inputs` (request.title, request.requester.name, …); an
 * input answered with '' becomes a snippet tab stop in the inserted reply, for the user to fill.
 */
/** What the command returns (src/extension/insertTemplate: InsertTemplateResult), as far as the test relies on it. */
interface InsertResult {
  templateId: string;
  tabStops: string[];
}

describe('insert template', () => {
  const answers = {
    'request.title': '', // left empty: must become a tab stop
    'request.requester.name': 'Dana Whitfield',
    'request.effortDays': '4',
  };
  let editor: vscode.TextEditor;
  let result: InsertResult | undefined;
  /** The composer's draft before the command: Insert Template only reads it. */
  let draftBefore: DraftForm;
  let original: string;
  let cursor: vscode.Position;

  before(async () => {
    const { drafts } = await pushbackApi();
    // A draft with content and another template, so any write-back or template switch shows.
    draftBefore = {
      ...drafts.get(),
      title: 'Visitor Wi-Fi',
      requesterName: 'Grace Kim',
      requesterTitle: 'Head of Facilities',
      effortDays: '6',
      rank: '3',
      outcome: 'guests online in a minute',
      costOfDelayPerWeek: '500',
      templateId: 'yes-with-funding',
      proposal: 'defer',
    };
    await drafts.update(draftBefore);
    const document = await vscode.workspace.openTextDocument(workspaceUri('notes.md'));
    editor = await vscode.window.showTextDocument(document);
    original = document.getText();
    // The empty line under "Reply to Dana below:".
    const line = original.split('\n').findIndex((text) => text.startsWith('Reply to Dana')) + 1;
    assert.equal(document.lineAt(line).text, '', 'notes.md changed: the line under "Reply to Dana below:" should be empty');
    cursor = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(cursor, cursor);
  });

  after(closeAllEditorsWithoutSaving);

  it('inserts the rendered reply at the cursor', async () => {
    result = await vscode.commands.executeCommand<InsertResult | undefined>(COMMANDS.insertTemplate, 'yes-and-tradeoffs', answers, { today: '2027-01-04' });
    assert.ok(result, 'the command reported a problem or was cancelled (see the Pushback log)');
    const document = editor.document;
    const text = await waitFor('the reply in notes.md', () => document.getText(), (t) => t !== original);

    const offset = document.offsetAt(cursor);
    assert.ok(text.startsWith(original.slice(0, offset)), 'the text before the cursor changed');
    assert.ok(text.endsWith(original.slice(offset)), 'the text after the cursor changed');
    const inserted = text.slice(offset, text.length - (original.length - offset));
    assert.match(inserted, /^Hi Dana,\n/, 'the reply starts with its greeting, where the cursor was');
    assert.match(inserted, /The work is about 4 days of effort\./);
    assert.match(inserted, /\*\*Trade-offs\.\*\*/);
    assert.doesNotMatch(inserted, /\$\{\d+:|\{\{/, 'snippet syntax or template tags leaked into the text');
  });

  it('leaves the composer\'s draft untouched: no answer written back, no template switched', async () => {
    assert.ok(result, 'nothing was inserted');
    const { drafts } = await pushbackApi();
    assert.deepEqual(drafts.get(), draftBefore, 'Insert Template changed the draft (an empty answer cleared a field, or the template was switched)');
  });

  it('turns the answer left empty into a tab stop the cursor is on', () => {
    // A snippet selects its first tab stop (and every mirror of it) after inserting.
    const stops = editor.selections.map((selection) => {
      const line = editor.document.lineAt(selection.start.line).text;
      return { before: line.slice(0, selection.start.character), selected: editor.document.getText(selection) };
    });
    const titleStop = stops.find((stop) => stop.before.endsWith('we can take on **'));
    assert.ok(titleStop, `no tab stop where the request's title goes; selections: ${JSON.stringify(stops)}`);
    assert.ok(titleStop.selected.length > 0, 'the tab stop should show a placeholder naming the missing field');
    assert.deepEqual(result?.tabStops, [titleStop.selected], 'the title is the only field left empty, so the only tab stop');
  });

  it('is undone in one step, restoring the text exactly', async () => {
    assert.notEqual(editor.document.getText(), original, 'nothing to undo: the reply was not inserted');
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('undo');
    await waitFor('notes.md to be restored', () => editor.document.getText(), (t) => t === original);
    // The dirty flag reaches the extension host in its own message, after the text.
    await waitFor('after the undo the document to be back at its saved version', () => editor.document.isDirty, (dirty) => !dirty);
  });
});

/**
 * The template's own fields, asked with the input their kind needs: the CIO note asks for
 * the briefing date (an input box, validated, prefilled from the draft) and whether to
 * attach the decision record (a Yes/No quick pick). The prompts are real quick inputs,
 * accepted with the workbench's own command, as a keyboard user would with Enter.
 */
describe('insert template: the template\'s fields', () => {
  let editor: vscode.TextEditor;
  before(async () => {
    const api = await pushbackApi();
    await api.drafts.update({
      ...api.drafts.get(),
      title: 'Visitor Wi-Fi upgrade',
      requesterName: 'Dana Whitfield',
      effortDays: '4',
      fieldValues: { 'inform-cio': { briefingDate: '2027-01-08' } },
    });
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(document);
  });
  after(closeAllEditorsWithoutSaving);

  it('asks each field with its own input and puts the answers in the reply, leaving the draft as it was', async () => {
    const before = (await pushbackApi()).drafts.get();
    let settled = false;
    const running = vscode.commands.executeCommand<InsertResult | undefined>(COMMANDS.insertTemplate, 'inform-cio', undefined, { today: '2027-01-04' });
    void running.then(() => (settled = true), () => (settled = true));
    // Title, requester, effort (prefilled from the draft), then the briefing date (prefilled) and the toggle ("Yes" first).
    for (let i = 0; i < 60 && !settled; i++) {
      await sleep(250);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const result = await running;
    assert.ok(result, 'the command was cancelled or reported a problem (see the Pushback log)');
    const text = await waitFor('the reply', () => editor.document.getText(), (t) => t.includes('Best regards'));
    assert.match(text, /at our briefing on Fri 8 Jan 2027\./, 'the date prefilled in its input box');
    assert.match(text, /The decision record, with every figure behind this note, is attached\./, 'the toggle answered Yes');
    assert.deepEqual((await pushbackApi()).drafts.get(), before, 'Insert Template only reads the draft');
  });

  it('leaves a field answered empty as a tab stop named by its label', async () => {
    await vscode.commands.executeCommand('leaveSnippet');
    const result = await vscode.commands.executeCommand<InsertResult | undefined>(COMMANDS.insertTemplate, 'inform-cio', { 'request.title': 'Visitor Wi-Fi upgrade', 'request.requester.name': 'Dana Whitfield', 'request.effortDays': '4', 'fields.briefingDate': '', 'fields.attachDecisionRecord': false }, { today: '2027-01-04' });
    assert.ok(result);
    assert.deepEqual(result.tabStops, ['Date of your next briefing with the CIO']);
  });
});
