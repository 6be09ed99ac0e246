import * as path from 'node:path';
import * as vscode from 'vscode';
import { uninstallPack } from '../../node/packInstall';
import type { PackEntry } from './packLibrary';
import type { Services } from '../services';
import { packFromArgument } from './pickPack';

export interface UninstallTemplatePackOptions {
  /** `false` skips the confirmation (tests, callers that have asked). */
  confirm?: boolean;
}

/**
 * Uninstall Template Pack…: remove a pack installed for the user (not one in the
 * workspace or a settings folder, which belong to their repositories), after a modal
 * confirmation. Returns the folder removed.
 */
export async function uninstallTemplatePack(services: Services, argument: unknown, options: UninstallTemplatePackOptions = {}): Promise<string | undefined> {
  const isUserPack = (entry: PackEntry) => entry.source === 'user';
  const entry = await packFromArgument(services, argument, isUserPack, 'Uninstall which template pack?');
  if (!entry) {
    if (argument === undefined && !(await services.packSources()).entries.some(isUserPack)) {
      void vscode.window.showInformationMessage('Pushback: no template pack is installed. Packs in the workspace or in pushback.packFolders are removed from their folders, not uninstalled.');
    }
    return undefined;
  }
  const name = entry.about.name ?? path.basename(entry.dir);
  if (options.confirm !== false) {
    const detail = `${entry.about.id ?? ''}${entry.about.version ? `@${entry.about.version}` : ''} will be removed from ${entry.dir}. Its templates will no longer be offered; drafts keep their text.`;
    const choice = await vscode.window.showWarningMessage(`Uninstall the template pack ${name}?`, { modal: true, detail }, 'Uninstall');
    if (choice !== 'Uninstall') return undefined;
  }
  const id = idOfFolder(entry.dir) ?? entry.about.id;
  if (!id) throw new Error(`cannot tell which pack ${entry.dir} holds: remove the folder by hand`);
  const removed = await uninstallPack(services.userPacksDir, id);
  if (!removed.ok) throw new Error(`${removed.problems[0].message} (${removed.problems[0].hint})`);
  await services.reloadPacks();
  void vscode.window.showInformationMessage(`Pushback: uninstalled ${name}${entry.about.version ? ` ${entry.about.version}` : ''}.`);
  return removed.value.dir;
}

/** `acme__finance-replies` → `@acme/finance-replies`: installed packs are named after their id (packFolderName). */
function idOfFolder(dir: string): string | undefined {
  const match = /^([a-z0-9][a-z0-9-._]*)__([a-z0-9][a-z0-9-._]*)$/.exec(path.basename(dir));
  return match ? `@${match[1]}/${match[2]}` : undefined;
}
