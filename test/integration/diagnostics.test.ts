import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditorsWithoutSaving, pushbackApi, pushbackDiagnostics, rangeText, waitFor, workspaceUri } from './helpers';

describe('diagnostics', () => {
  const uri = () => workspaceUri('broken.capacity.json');
  let document: vscode.TextDocument;

  before(async () => {
    await pushbackApi();
    document = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(document);
  });

  after(closeAllEditorsWithoutSaving);

  it('underlines the invalid effortDays in broken.capacity.json within 5 s', async () => {
    // broken.capacity.json line 6: { "id": "A", "title": "Payroll interface", "effortDays": -2, "rank": 1 }
    const line = 5;
    const start = document.lineAt(line).text.indexOf('-2');
    assert.ok(start > 0, 'the fixture changed: line 6 should hold "effortDays": -2');

    const diagnostics = await waitFor('a Pushback diagnostic on broken.capacity.json', () => pushbackDiagnostics(uri()), (d) => d.length > 0);
    assert.equal(diagnostics.length, 1, `expected one problem, got: ${diagnostics.map((d) => `${rangeText(d.range)} ${d.message}`).join('; ')}`);
    const [diagnostic] = diagnostics;
    assert.equal(rangeText(diagnostic.range), rangeText(new vscode.Range(line, start, line, start + 2)), 'the range should cover exactly "-2"');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.code, 'commitments[0].effortDays');
    assert.match(diagnostic.message, /must be greater than 0/);
  });

  it('clears the diagnostic once the text is fixed (before saving)', async () => {
    const at = document.getText().indexOf('-2');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri(), new vscode.Range(document.positionAt(at), document.positionAt(at + 2)), '2');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    await waitFor('the diagnostic to clear', () => pushbackDiagnostics(uri()), (d) => d.length === 0);
  });

  it('reports it again when the mistake comes back', async () => {
    const at = document.getText().indexOf('"effortDays": 2') + '"effortDays": '.length;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri(), document.positionAt(at), '-');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [diagnostic] = await waitFor('the diagnostic to return', () => pushbackDiagnostics(uri()), (d) => d.length === 1);
    assert.equal(document.getText(diagnostic.range), '-2');
  });
});
