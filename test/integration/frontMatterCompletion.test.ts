import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditorsWithoutSaving, pushbackApi, workspaceUri } from './helpers';

/** A pack author typing a template's front matter gets the schema's keys and values as completions. */
describe('front matter completion in a .hbs template', () => {
  const file = workspaceUri('draft-template.hbs');

  before(async () => {
    await pushbackApi();
    fs.writeFileSync(file.fsPath, '---\nid: briefing-note\nname: Briefing note\nfields:\n  - id: briefingDate\n    kind: \n    \n---\nHello {{fields.briefingDate}}\n');
  });

  after(async () => {
    await closeAllEditorsWithoutSaving();
    fs.rmSync(file.fsPath, { force: true });
  });

  const labelsAt = async (line: number, character: number) => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file, new vscode.Position(line, character));
    return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Property || item.kind === vscode.CompletionItemKind.EnumMember).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
  };

  it('offers the kinds after `kind: `', async () => {
    await vscode.window.showTextDocument(file);
    const offered = await labelsAt(5, 10);
    for (const kind of ['text', 'longtext', 'number', 'date', 'choice', 'toggle', 'person']) assert.ok(offered.includes(kind), `${kind} missing: ${offered.join(', ')}`);
  });

  it("offers the field's other keys on the item's next line, not the template's", async () => {
    const offered = await labelsAt(6, 4);
    assert.ok(offered.includes('label') && offered.includes('required') && offered.includes('options'), offered.join(', '));
    assert.ok(!offered.includes('id') && !offered.includes('channel'), offered.join(', '));
  });

  it('offers nothing of its own in the body', async () => {
    assert.deepEqual(await labelsAt(8, 6), []);
  });
});
