import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import { assertRestrictedMode, composerProvider, pushbackApi, pushbackDiagnostics, pushbackExtension, waitFor, workspaceUri } from './helpers';

/**
 * Run with Workspace Trust on (runSuites --trust) and the folder not trusted, i.e. in
 * Restricted Mode: Pushback works from its built-in sample only and reads no workspace file.
 */
describe('workspace trust (restricted mode)', function () {
  this.timeout(60_000);
  before(() => {
    assertRestrictedMode();
  });

  it('runs in a restricted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still activates (untrustedWorkspaces: limited)', async () => {
    await waitFor('the extension to be active', () => pushbackExtension().isActive, (active) => active, 15_000);
  });

  it("offers only the sample team as capacity data, not the workspace's files", async () => {
    const { services } = await pushbackApi();
    const choices = await services.capacityChoices();
    assert.deepEqual(choices.map((c) => c.isSample), [true], JSON.stringify(choices));
    assert.equal(await services.resolveCapacityFile(workspaceUri('team.capacity.yaml').fsPath), services.sample.capacityFile);
    assert.equal(await services.resolveCapacityFile(''), services.sample.capacityFile, 'the restricted pushback.capacityFile setting must be ignored');
  });

  it('refuses to load a workspace capacity file', async () => {
    const { services } = await pushbackApi();
    const loaded = await services.loadCapacity(workspaceUri('team.capacity.yaml').fsPath);
    assert.equal(loaded.ok, false);
  });

  it('drafts from the sample team', async () => {
    const { drafts } = await pushbackApi();
    await drafts.update({ ...drafts.get(), title: 'Visitor Wi-Fi', requesterName: 'Dana Whitfield', effortDays: '4', capacityFile: workspaceUri('team.capacity.yaml').fsPath });
    const reply = await (await composerProvider()).currentReply();
    assert.equal(reply.analysis?.team, 'Platform & Workplace IT');
  });

  it('records no decision and lists none: the decision log is kept only in trusted workspaces', async () => {
    assert.equal(await vscode.commands.executeCommand(COMMANDS.recordDecision, 'inserted'), undefined);
    assert.equal(await vscode.commands.executeCommand(COMMANDS.recordDecision), undefined);
    const provider = (await pushbackApi()).decisions();
    assert.deepEqual(await provider?.getChildren(), []);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceUri('.pushback'))), 'the .pushback folder was created');
  });

  it('does not validate workspace files', async () => {
    // The positive signal: a broken file Pushback may read (in the user's own packs folder),
    // opened after the workspace's, gets its diagnostics; by then the workspace file was passed over.
    const { services } = await pushbackApi();
    const allowed = path.join(services.userPackRoots()[0], 'restricted-check.capacity.json');
    const workspaceFile = workspaceUri('broken.capacity.json');
    await fsp.mkdir(path.dirname(allowed), { recursive: true });
    await fsp.copyFile(workspaceFile.fsPath, allowed);
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(allowed)));
      await waitFor('diagnostics on the broken file outside the workspace', () => pushbackDiagnostics(vscode.Uri.file(allowed)), (d) => d.length > 0, 30_000);
      assert.deepEqual(pushbackDiagnostics(workspaceFile), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await fsp.rm(allowed, { force: true });
    }
  });
});
