import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { COMPOSER_VIEW_ID, DECISIONS_VIEW_ID, PACKS_VIEW_ID } from '../../src/extension/commandIds';
import { EXTENSION_ID, pushbackApi, pushbackExtension, waitFor, workspaceUri } from './helpers';

describe('activation', () => {
  it('is installed under its publisher.name id', () => {
    const extension = pushbackExtension();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  it('activates by itself in a workspace that contains a capacity file', async () => {
    // The fixture workspace has *.capacity.* files: `workspaceContains` starts the extension
    // without any command being run.
    const extension = pushbackExtension();
    await waitFor('the extension to be active', () => extension.isActive, (active) => active, 15_000);
  });

  it('activate() resolves with the API the tests and the benchmark use', async () => {
    const extension = pushbackExtension();
    const started = performance.now();
    const api = await extension.activate();
    // Reported, not asserted: the benchmark (npm run bench) measures activation in fresh hosts.
    console.log(`      activate() resolved in ${(performance.now() - started).toFixed(1)} ms (already active: ${extension.isActive})`);
    assert.ok(api.composer(), 'no composer view provider after activation');
    assert.ok(api.packs(), 'no Template Packs tree after activation');
    assert.ok(api.decisions(), 'no Decisions tree after activation');
    // A first draft: empty, on the default template, drafting from the sample or the workspace's team.
    const draft = api.drafts.get();
    assert.equal(draft.title, '');
    assert.equal(draft.templateId, 'yes-and-tradeoffs');
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (pushbackExtension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 20, `only ${contributed.length} commands contributed`);
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });

  it('loads the built-in pack with all its templates, without problems', async () => {
    const { services } = await pushbackApi();
    const packs = await services.packSources();
    const builtin = packs.entries.find((entry) => entry.source === 'builtin');
    assert.ok(builtin?.pack, JSON.stringify(builtin?.problems));
    assert.deepEqual(builtin.problems, []);
    const options = await services.templateOptions();
    for (const id of ['yes-and-tradeoffs', 'yes-with-funding', 'inform-cio', 'teams-quick-reply']) {
      assert.ok(options.some((o) => o.id === id), `no template ${id} offered`);
    }
  });

  it("offers the workspace's capacity files beside the sample, and reads the workspace's team", async () => {
    const { services } = await pushbackApi();
    const choices = await services.capacityChoices();
    assert.ok(choices.some((c) => c.isSample), 'no sample offered');
    assert.ok(choices.some((c) => c.file.endsWith('team.capacity.yaml')), JSON.stringify(choices));
    const team = await services.loadCapacity(workspaceUri('team.capacity.yaml').fsPath);
    assert.ok(team.ok && team.value.team === 'Integration Test Team');
  });

  it('leaves its heavy libraries unloaded until they are first used (dist/lazy/, see scripts/lazyModules.mjs)', () => {
    // The test bundle's require is the extension host's: its cache lists every file loaded.
    const loaded = Object.keys(require.cache).filter((file) => /[\\/]dist[\\/]lazy[\\/]/.test(file)).map((file) => file.replace(/^.*[\\/]/, ''));
    for (const heavy of ['chrono-node.js', 'tar.js', 'yauzl.js', 'yazl.js', 'csv-parse-sync.js']) {
      assert.ok(!loaded.includes(heavy), `${heavy} was loaded by activation (loaded: ${loaded.join(', ')})`);
    }
  });

  it('contributes the Pushback view container, the composer summary, the Template Packs and Decisions trees', async () => {
    const { contributes } = pushbackExtension().packageJSON;
    assert.deepEqual(
      contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id),
      ['pushback'],
    );
    assert.deepEqual(
      contributes.views.pushback.map((v: { id: string; type: string }) => [v.id, v.type]),
      [
        [COMPOSER_VIEW_ID, undefined],
        [PACKS_VIEW_ID, undefined],
        [DECISIONS_VIEW_ID, undefined],
      ],
    );
    // The workbench registers these for every contributed container and view.
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.view.extension.pushback'), 'no command opens the Pushback view container');
    assert.ok(commands.includes(`${COMPOSER_VIEW_ID}.focus`), `no ${COMPOSER_VIEW_ID}.focus command: the view is not registered`);
  });

  it('shows the composer when its view is focused', async () => {
    await vscode.commands.executeCommand(`${COMPOSER_VIEW_ID}.focus`);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });
});
