import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { assertRestrictedMode, closeAllEditorsWithoutSaving, pushbackApi, pushbackDiagnostics, waitFor, workspaceFolder } from './helpers';

/**
 * Template packs in Restricted Mode: the workspace's packs and the workspace's
 * pushback.packFolders are ignored until the folder is trusted; packs the user chose
 * (an absolute folder in user settings) still load and are still validated.
 */
describe('template packs (restricted mode)', function () {
  this.timeout(30_000);
  let userFolder: string;

  before(async () => {
    assertRestrictedMode();
    userFolder = await fsp.mkdtemp(path.join(os.tmpdir(), 'pushback-user-pack-'));
    await writePack(path.join(userFolder, 'mine'), '@me/mine', 'FROM-USER-SETTINGS');
    await writePack(path.join(workspaceFolder(), '.pushback', 'packs', 'team'), '@test/team', 'FROM-WORKSPACE');
  });

  after(async () => {
    await closeAllEditorsWithoutSaving();
    await vscode.workspace.getConfiguration('pushback').update('packFolders', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('pushback').update('packFolders', undefined, vscode.ConfigurationTarget.Workspace);
    if (userFolder) await fsp.rm(userFolder, { recursive: true, force: true });
  });

  it('loads no workspace pack, and ignores pushback.packFolders in the workspace settings', async () => {
    const { services } = await pushbackApi();
    await vscode.workspace.getConfiguration('pushback').update('packFolders', ['.pushback/packs/team', userFolder], vscode.ConfigurationTarget.Workspace);
    const loaded = await services.reloadPacks();
    assert.deepEqual(
      loaded.entries.map((e) => e.source),
      ['builtin'],
      JSON.stringify(loaded.entries.map((e) => e.dir)),
    );
    assert.deepEqual(await (await pushbackApi()).packs()?.getChildren(), [], 'the view shows its welcome');
  });

  it('loads a pack from an absolute folder in the user settings, and validates its templates', async () => {
    const { services } = await pushbackApi();
    await vscode.workspace.getConfiguration('pushback').update('packFolders', [userFolder], vscode.ConfigurationTarget.Global);
    const loaded = await waitFor('the user-settings pack to load', () => services.packSources(), (l) => l.entries.some((e) => e.source === 'settings' && e.pack));
    assert.equal(loaded.templates.find((t) => t.template.frontMatter.id === 'restricted-check')?.pack.manifest.id, '@me/mine');

    const template = vscode.Uri.file(path.join(userFolder, 'mine', 'restricted-check.hbs'));
    const document = await vscode.workspace.openTextDocument(template);
    await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('request.title');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(template, new vscode.Range(document.positionAt(at), document.positionAt(at + 'request.title'.length)), 'request.titel');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('a diagnostic in the user-settings pack', () => pushbackDiagnostics(template), (d) => d.length > 0);
  });
});

async function writePack(dir: string, id: string, marker: string): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, 'pushback-pack.json'), JSON.stringify({ id, name: id, version: '1.0.0', templates: [{ file: 'restricted-check.hbs' }] }));
  await fsp.writeFile(
    path.join(dir, 'restricted-check.hbs'),
    `---\nid: restricted-check\nname: Restricted check\ndescription: Which pack answered.\ntone: plain\nchannel: chat\n---\n${marker} {{request.title}}\n`,
  );
}
