import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import { composerProvider, pushbackApi, pushbackDiagnostics, pushbackExtension, sleep, waitFor, workspaceUri } from './helpers';

/**
 * Run with Workspace Trust on (runSuites --trust) and the folder not trusted, i.e. in
 * Restricted Mode: Pushback works from its built-in sample only and reads no workspace file.
 */
describe('workspace trust (restricted mode)', () => {
  before(function () {
    if (vscode.workspace.isTrusted) this.skip(); // this suite only means something in Restricted Mode
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
    const uri = workspaceUri('broken.capacity.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await sleep(1500); // well past the 250 ms debounce
    assert.deepEqual(pushbackDiagnostics(uri), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
