import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PACK_MANIFEST } from '../../core/pack/packManifest';
import type { PackSource } from '../../core/pack/packSources';
import { installedPackDirs } from '../../node/packInstall';

/** `pushback.packFolders`: folders holding a pack, or holding packs one level down. */
export const PACK_FOLDERS_SETTING = 'packFolders';
/** Where a workspace keeps its packs, committed with the project: `.pushback/packs/<name>/pushback-pack.json`. */
export const WORKSPACE_PACKS_DIR = path.join('.pushback', 'packs');

export interface FoundPack {
  source: PackSource;
  dir: string;
}

/**
 * Pack folders from every source, lowest priority first: the built-in pack, the
 * user's installed packs, the settings' folders and, in a trusted workspace only,
 * the workspace's own. A folder reached twice counts once, at its higher source.
 */
export async function discoverPacks(builtinDir: string, userDir: string): Promise<FoundPack[]> {
  const trusted = vscode.workspace.isTrusted;
  const found: FoundPack[] = [{ source: 'builtin', dir: builtinDir }];
  for (const dir of await installedPackDirs(userDir)) found.push({ source: 'user', dir });
  for (const folder of configuredPackFolders(trusted)) {
    for (const dir of await packDirsIn(folder)) found.push({ source: 'settings', dir });
  }
  if (trusted) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      for (const dir of await installedPackDirs(path.join(folder.uri.fsPath, WORKSPACE_PACKS_DIR))) found.push({ source: 'workspace', dir });
    }
  }
  const last = new Map(found.map((entry, index) => [path.normalize(entry.dir), index]));
  return found.filter((entry, index) => last.get(path.normalize(entry.dir)) === index);
}

/**
 * The folders named in `pushback.packFolders`, absolute. A relative path is relative to
 * the workspace folder whose settings name it. In Restricted Mode only the user's own
 * settings count, and only absolute paths: a relative one would read the workspace.
 */
export function configuredPackFolders(trusted: boolean): string[] {
  const folders: string[] = [];
  const add = (values: unknown, base: string | undefined) => {
    if (!Array.isArray(values)) return;
    for (const value of values) {
      if (typeof value !== 'string' || !value.trim()) continue;
      const expanded = expandHome(value.trim());
      if (path.isAbsolute(expanded)) folders.push(path.normalize(expanded));
      else if (base) folders.push(path.resolve(base, expanded));
    }
  };
  const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (!trusted || workspaceFolders.length === 0) {
    const config = vscode.workspace.getConfiguration('pushback');
    add(trusted ? config.get(PACK_FOLDERS_SETTING) : config.inspect(PACK_FOLDERS_SETTING)?.globalValue, undefined);
  } else {
    for (const folder of workspaceFolders) add(vscode.workspace.getConfiguration('pushback', folder.uri).get(PACK_FOLDERS_SETTING), folder.uri.fsPath);
  }
  return [...new Set(folders)];
}

function expandHome(value: string): string {
  return value === '~' || value.startsWith('~/') || value.startsWith('~\\') ? path.join(os.homedir(), value.slice(1)) : value;
}

/** A folder named in settings is a pack itself, or holds packs one level down (a shared drive, a repository's `packs/`). */
async function packDirsIn(folder: string): Promise<string[]> {
  const isPack = await fsp.stat(path.join(folder, PACK_MANIFEST)).then((s) => s.isFile(), () => false);
  return isPack ? [folder] : installedPackDirs(folder);
}
