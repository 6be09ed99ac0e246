import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { packManifestSchema } from '../../core/pack/packManifest';
import { writeScaffoldedPack } from '../../node/packScaffold';
import { showProblems } from '../showProblems';
import { PACK_FOLDERS_SETTING, WORKSPACE_PACKS_DIR } from './packDiscovery';
import { isInsideFolder } from '../pushbackFiles';
import type { Services } from '../services';

export interface NewTemplatePackOptions {
  /** Skips the question (tests, callers that know). */
  id?: string;
  /** The pack's own folder; skips the location questions. */
  dir?: string;
}

export interface NewTemplatePackResult {
  id: string;
  dir: string;
  templateFile: string;
}

/**
 * New Template Pack: a pack with one template and an example, written by the same
 * code as `pushback pack new`, in the workspace's `.pushback/packs/<name>` (shared with
 * the project) or a folder of the user's choice; then its template is opened.
 */
export async function newTemplatePack(services: Services, options: NewTemplatePackOptions = {}): Promise<NewTemplatePackResult | undefined> {
  const workspace = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  let where: 'workspace' | 'folder' = options.dir || !workspace ? 'folder' : 'workspace';
  if (!options.dir && workspace) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(root-folder) In this workspace', detail: `${WORKSPACE_PACKS_DIR}/<name>: committed with the project, so everyone who opens it drafts with it`, where: 'workspace' as const },
        { label: '$(folder-opened) In a folder of my choice…', detail: 'a team repository or a shared drive; Pushback reads it once the folder is in the setting pushback.packFolders', where: 'folder' as const },
      ],
      { title: 'New Template Pack', placeHolder: 'Where should the pack live?' },
    );
    if (!picked) return undefined;
    where = picked.where;
  }

  const id = options.id ?? (await askPackId(where === 'workspace' && workspace ? workspace.uri.fsPath : undefined));
  if (!id) return undefined;
  if (!packManifestSchema.shape.id.safeParse(id).success) throw new Error(`"${id}" is not a scoped, lower-case pack id like @acme/finance-replies`);
  const name = id.split('/')[1];

  let dir = options.dir;
  if (!dir && where === 'workspace' && workspace) dir = path.join(workspace.uri.fsPath, WORKSPACE_PACKS_DIR, name);
  if (!dir) {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create the Pack Here', title: `New Template Pack ${id}` });
    if (!chosen?.[0]) return undefined;
    // An empty folder becomes the pack; otherwise the pack gets its own folder inside it.
    dir = (await isEmptyFolder(chosen[0].fsPath)) ? chosen[0].fsPath : path.join(chosen[0].fsPath, name);
  }

  const scaffolded = await writeScaffoldedPack(dir, id, { pushbackVersion: services.pushbackVersion, sample: services.sample });
  if (!scaffolded.ok) {
    showProblems(services.logger, `The pack ${id} was not created:`, scaffolded.problems);
    return undefined;
  }
  const loaded = await services.reloadPacks();
  await vscode.window.showTextDocument(vscode.Uri.file(scaffolded.value.templateFile));
  const found = loaded.entries.some((entry) => path.normalize(entry.dir) === path.normalize(dir));
  if (!found && where === 'workspace' && !vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(`Pushback: created the pack ${id} in ${vscode.workspace.asRelativePath(dir)}. Workspace packs load once you trust this folder.`);
  } else if (found) {
    void vscode.window.showInformationMessage(`Pushback: created the pack ${id} in ${vscode.workspace.asRelativePath(dir)}. Edit its template; the composer and the Template Packs view follow as you type.`);
  } else {
    void offerToAddToSettings(id, dir);
  }
  return { id, dir, templateFile: scaffolded.value.templateFile };
}

async function askPackId(workspaceFolder: string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'New Template Pack',
    prompt: 'The pack id: your team or organisation as the scope, then a name (also the npm package name when you publish it)',
    value: '@my-team/replies',
    valueSelection: [1, 8],
    validateInput: async (value) => {
      if (!packManifestSchema.shape.id.safeParse(value).success) return 'Use a scoped, lower-case id like @acme/finance-replies';
      if (workspaceFolder && !(await isEmptyFolder(path.join(workspaceFolder, WORKSPACE_PACKS_DIR, value.split('/')[1])))) {
        return `${WORKSPACE_PACKS_DIR}/${value.split('/')[1]} already exists in this workspace: choose another name`;
      }
      return undefined;
    },
  });
}

/** A pack made outside every source is not loaded until a setting names it. */
async function offerToAddToSettings(id: string, dir: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file' && isInsideFolder(dir, f.uri.fsPath));
  const action = folder ? 'Add to Workspace Settings' : 'Add to User Settings';
  const choice = await vscode.window.showInformationMessage(
    `Pushback: created the pack ${id} in ${dir}. Pushback reads it once the folder is in the setting pushback.packFolders.`,
    action,
  );
  if (choice !== action) return;
  const config = vscode.workspace.getConfiguration('pushback', folder?.uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>(PACK_FOLDERS_SETTING);
  // In a single-folder workspace the folder's settings are the workspace's.
  const singleFolder = (vscode.workspace.workspaceFolders?.length ?? 0) === 1;
  const current = (folder ? (inspected?.workspaceFolderValue ?? (singleFolder ? inspected?.workspaceValue : undefined)) : inspected?.globalValue) ?? [];
  const entry = folder ? path.relative(folder.uri.fsPath, dir).split(path.sep).join('/') : dir;
  if (!current.includes(entry)) await config.update(PACK_FOLDERS_SETTING, [...current, entry], target);
}

async function isEmptyFolder(dir: string): Promise<boolean> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  return !names.some((name) => !name.startsWith('.'));
}
