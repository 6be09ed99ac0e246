import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commandIds';
import { pushbackApi, pushbackExtension } from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

/** package.json ↔ code: what is contributed is registered, and what is registered is contributed. */
describe('commands', () => {
  let contributed: ContributedCommand[];
  let registered: string[];
  let viewIds: string[];

  before(async () => {
    await pushbackApi();
    const { contributes } = pushbackExtension().packageJSON;
    contributed = contributes.commands;
    viewIds = Object.values(contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id);
    registered = await vscode.commands.getCommands(true);
  });

  it('contributes exactly the commands in the COMMANDS map (src/extension/commandIds.ts)', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
  });

  it('registers every contributed command', () => {
    const missing = contributed.map((c) => c.command).filter((id) => !registered.includes(id));
    assert.deepEqual(missing, [], `contributed in package.json but not registered by the extension: ${missing.join(', ')}`);
  });

  it('contributes every pushback.* command it registers', () => {
    // The workbench adds `<viewId>.focus`, `.resetViewLocation`, … for each contributed view.
    const generated = (id: string) => viewIds.some((view) => id.startsWith(`${view}.`));
    const ids = new Set(contributed.map((c) => c.command));
    const extra = registered.filter((id) => id.startsWith('pushback.') && !generated(id) && !ids.has(id));
    assert.deepEqual(extra, [], `registered but not contributed in package.json: ${extra.join(', ')}`);
  });

  it('gives every command the category "Pushback" and a title', () => {
    for (const command of contributed) {
      assert.equal(command.category, 'Pushback', `${command.command} has category ${command.category}`);
      assert.ok(command.title.trim(), `${command.command} has no title`);
      assert.ok(!command.title.startsWith('Pushback'), `${command.command}: the category already says "Pushback:"`);
    }
  });

  it('only names contributed commands in its menus', () => {
    const { menus } = pushbackExtension().packageJSON.contributes as { menus: Record<string, { command: string }[]> };
    const ids = new Set(contributed.map((c) => c.command));
    for (const [menu, items] of Object.entries(menus)) {
      for (const item of items) assert.ok(ids.has(item.command), `menu ${menu} names ${item.command}, which is not contributed`);
    }
  });
});
