import { promises as fsp, watch } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PACK_MANIFEST } from '../../core/pack/packManifest';
import type { Logger } from '../logger';
import { PACK_FOLDERS_SETTING, WORKSPACE_PACKS_DIR } from './packDiscovery';
import { reconcileWatchers } from './reconcileWatchers';

export interface PackWatchersOptions {
  userDir: string;
  logger: Logger;
  /** A file in or near a pack changed; `onlyIfKnown`: it matters only when it belongs to a loaded pack (an edit in any editor). */
  fileChanged(file: string, onlyIfKnown: boolean): void;
  /** What counts as a pack folder may have changed: the setting, trust, the workspace folders. */
  settingsChanged(): void;
}

/** Every way the library hears that a pack changed: VS Code's watchers, Node's, editors, settings and trust. */
export class PackWatchers implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Watchers on folders outside the workspace (the user packs folder, settings folders), by folder. */
  private readonly folderWatchers = new Map<string, vscode.Disposable>();
  /** Node watchers on each folder of each pack found (see watchPackFolders), by folder. */
  private readonly nodeWatchers = new Map<string, vscode.Disposable>();
  private watching = false;

  constructor(private readonly options: PackWatchersOptions) {}

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.folderWatchers.forEach((w) => w.dispose());
    this.nodeWatchers.forEach((w) => w.dispose());
  }

  /** Start the watchers that do not depend on what was found: the workspace's packs, open editors, settings, trust. */
  start(): void {
    if (this.watching) return;
    this.watching = true;
    const workspacePacks = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_PACKS_DIR.split(path.sep).join('/')}/**`);
    const onFile = (uri: vscode.Uri) => this.options.fileChanged(uri.fsPath, false);
    this.subscriptions.push(
      workspacePacks,
      workspacePacks.onDidCreate(onFile),
      workspacePacks.onDidChange(onFile),
      workspacePacks.onDidDelete(onFile),
      // The composer and the tree follow what is typed, not only what is saved (the loader reads open editors first).
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && event.document.uri.scheme === 'file') this.options.fileChanged(event.document.uri.fsPath, true);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`pushback.${PACK_FOLDERS_SETTING}`)) this.options.settingsChanged();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.options.settingsChanged()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.options.settingsChanged()),
    );
  }

  /**
   * Watch the user packs folder and each settings folder with VS Code's watcher: the user
   * packs folder is Pushback's, so any change there counts (an install renames whole
   * folders into place); in a settings folder (a cloned repo, a shared drive) only
   * manifests and templates do.
   */
  async watchFolders(folders: readonly string[]): Promise<void> {
    // The user packs folder is made now, so an install from the command line is seen too.
    await fsp.mkdir(this.options.userDir, { recursive: true }).catch(() => undefined);
    const exists = await Promise.all(folders.map((f) => fsp.stat(f).then((s) => s.isDirectory(), () => false)));
    const wanted = new Set(folders.filter((_, i) => exists[i]).map((f) => path.normalize(f)));
    reconcileWatchers(this.folderWatchers, wanted, (folder) => {
      const pattern = folder === path.normalize(this.options.userDir) ? '**/*' : `**/{${PACK_MANIFEST},*.hbs}`;
      try {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), pattern));
        const onFile = (uri: vscode.Uri) => this.options.fileChanged(uri.fsPath, false);
        const listeners = [watcher.onDidCreate(onFile), watcher.onDidChange(onFile), watcher.onDidDelete(onFile)];
        return { dispose: () => [watcher, ...listeners].forEach((d) => d.dispose()) };
      } catch (error) {
        this.options.logger.error(`Cannot watch ${folder} for pack changes`, error);
        return undefined;
      }
    });
  }

  /**
   * Also watch every folder of every pack found, one Node watcher a folder. VS Code's
   * recursive watcher (inotify through parcel on Linux) misses what happens inside a
   * folder created and filled in one go (a copied, cloned or scaffolded pack), and then
   * every later change in it; a watcher started once the folder exists does not. Packs
   * are a few folders each, so this stays a handful of watches.
   */
  async watchPackFolders(packDirs: readonly string[]): Promise<void> {
    const wanted = new Set<string>();
    for (const dir of packDirs) for (const folder of await foldersOf(dir)) wanted.add(folder);
    reconcileWatchers(this.nodeWatchers, wanted, (folder) => {
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => this.options.fileChanged(name ? path.join(folder, name.toString()) : folder, false));
        watcher.on('error', () => {
          watcher.close();
          this.nodeWatchers.delete(folder);
        });
        return { dispose: () => watcher.close() };
      } catch {
        // Gone already, or a file system without change notification (some network drives): VS Code's watcher remains.
        return undefined;
      }
    });
  }
}

const MAX_WATCHED_FOLDERS_PER_PACK = 32;

/** The pack folder and its subfolders (not node_modules or dot-folders), breadth first, capped. */
async function foldersOf(dir: string): Promise<string[]> {
  const folders = [path.normalize(dir)];
  for (let i = 0; i < folders.length && folders.length < MAX_WATCHED_FOLDERS_PER_PACK; i++) {
    const entries = await fsp.readdir(folders[i], { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') folders.push(path.join(folders[i], entry.name));
    }
  }
  return folders.slice(0, MAX_WATCHED_FOLDERS_PER_PACK);
}

