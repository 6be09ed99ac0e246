import { type FSWatcher, promises as fsp, watch } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { FileSystem } from '../core/fileSystem';
import { type TemplatePack, loadPack } from '../core/pack/loadPack';
import { PACK_MANIFEST } from '../core/pack/packManifest';
import { type PackSource, type ResolvedPacks, resolvePackSources } from '../core/pack/packSources';
import { type Problem, type Result, failed } from '../core/problems';
import { installedPackDirs } from '../node/packInstall';
import type { Logger } from './logger';
import { isInsideFolder } from './pushbackFiles';
import { vscodeFileSystem } from './vscodeFileSystem';

/** `pushback.packFolders`: folders holding a pack, or holding packs one level down. */
export const PACK_FOLDERS_SETTING = 'packFolders';
/** Where a workspace keeps its packs, committed with the project: `.pushback/packs/<name>/pushback-pack.json`. */
export const WORKSPACE_PACKS_DIR = path.join('.pushback', 'packs');
/**
 * At most one reload in this long while changes keep coming (typing, a git checkout
 * writing many files); the first change after a quiet spell waits only long enough to
 * gather the few events one save makes. The composer follows within a second.
 */
export const PACK_RELOAD_INTERVAL_MS = 200;
const PACK_RELOAD_GATHER_MS = 30;

/** One pack folder that was found, whether or not it loaded. */
export interface PackEntry {
  source: PackSource;
  dir: string;
  manifestFile: string;
  /** Absent when the pack has problems: such a pack is not used, and `problems` says why. */
  pack?: TemplatePack;
  problems: Problem[];
  /** From the manifest, read leniently when the pack did not load, so a broken pack can still be named (and uninstalled). */
  about: { id?: string; name?: string; version?: string };
}

/** What the tree, the commands and the composer see: every pack folder found, and which template wins for each id. */
export interface LoadedPackSources extends ResolvedPacks {
  /** Every pack folder found, loaded or not, lowest priority first. */
  entries: PackEntry[];
}

export interface PackLibraryOptions {
  builtinDir: string;
  userDir: string;
  pushbackVersion: string;
  logger: Logger;
}

/**
 * The template packs from every source, loaded on first use and kept. A change to a
 * pack's file (on disk or in an open editor) reloads that pack alone, after a short
 * pause, and fires `onDidChange`; the other packs keep their compiled templates.
 */
export class PackLibrary implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after every reload that follows a change, once the new packs are in place. */
  readonly onDidChange = this.changed.event;
  private current: Promise<LoadedPackSources> | undefined;
  /** Pack folder → its load, reused until a file inside it changes. */
  private readonly loads = new Map<string, Promise<Result<TemplatePack>>>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastReload = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Watchers on folders outside the workspace (the user packs folder, settings folders), by folder. */
  private readonly folderWatchers = new Map<string, vscode.Disposable>();
  /** Node watchers on each folder of each pack found (see watchPackFolders), by folder. */
  private readonly nodeWatchers = new Map<string, FSWatcher>();
  private watching = false;

  constructor(private readonly options: PackLibraryOptions) {}

  /** The packs as last loaded (loading them on first use). */
  get(): Promise<LoadedPackSources> {
    if (!this.current) {
      this.startWatching();
      this.current = this.load();
    }
    return this.current;
  }

  /**
   * Reload now, then fire `onDidChange`. After a command changed packs (an install, a
   * new template) every pack but the built-in one is read again: file events can lag
   * behind or be coalesced, and the command's result must not wait for them.
   */
  async reload(options: { everything?: boolean } = {}): Promise<LoadedPackSources> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.startWatching();
    if (options.everything) for (const dir of this.loads.keys()) if (dir !== this.options.builtinDir) this.dirty.add(dir);
    const started = Date.now();
    this.lastReload = started;
    const loading = this.load();
    this.current = loading;
    const loaded = await loading;
    this.options.logger.info(`Template packs reloaded in ${Date.now() - started} ms: ${loaded.entries.length} packs, ${loaded.templates.length} templates`);
    // A later reload may have started meanwhile; it fires for itself.
    if (this.current === loading) this.changed.fire();
    return loaded;
  }

  /** A file changed: reload every pack it is in (or that is in it, for a folder) after a short pause. */
  fileChanged(file: string, options: { onlyIfKnown?: boolean } = {}): void {
    let known = false;
    for (const dir of this.loads.keys()) {
      if (file === dir || isInsideFolder(file, dir) || isInsideFolder(dir, file)) {
        this.dirty.add(dir);
        known = true;
      }
    }
    if (known || !options.onlyIfKnown) this.reloadSoon();
  }

  /** Forget every loaded pack (trust granted, settings changed) and reload soon. */
  invalidateAll(): void {
    for (const dir of this.loads.keys()) this.dirty.add(dir);
    this.reloadSoon();
  }

  /** Every folder holding packs that Pushback reads: watched, and readable in Restricted Mode when outside the workspace. */
  userPackRoots(): string[] {
    return [this.options.userDir, ...configuredPackFolders(false)];
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.folderWatchers.forEach((w) => w.dispose());
    this.nodeWatchers.forEach((w) => w.close());
    this.changed.dispose();
  }

  private reloadSoon(): void {
    if (!this.current || this.timer) return; // nothing loaded yet (the first use loads everything), or already due
    const delay = Math.max(PACK_RELOAD_GATHER_MS, this.lastReload + PACK_RELOAD_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.reload().catch((error: unknown) => this.options.logger.error('Reloading the template packs failed', error));
    }, delay);
  }

  private async load(): Promise<LoadedPackSources> {
    const found = await this.discover();
    const entries = await Promise.all(
      found.map(async ({ source, dir }): Promise<PackEntry> => {
        let loading = this.loads.get(dir);
        const manifestFile = path.join(dir, PACK_MANIFEST);
        if (!loading || this.dirty.has(dir)) {
          this.dirty.delete(dir);
          loading = this.loadOne(source, dir, manifestFile);
          this.loads.set(dir, loading);
        }
        const result = await loading;
        if (result.ok) {
          const { id, name, version } = result.value.manifest;
          return { source, dir, manifestFile, pack: result.value, problems: [], about: { id, name, version } };
        }
        return { source, dir, manifestFile, problems: result.problems, about: await readManifestLeniently(manifestFile) };
      }),
    );
    const kept = new Set(found.map((f) => f.dir));
    for (const dir of [...this.loads.keys()]) if (!kept.has(dir)) this.loads.delete(dir);
    await this.watchFolders([...this.userPackRoots(), ...configuredPackFolders(vscode.workspace.isTrusted)]);
    await this.watchPackFolders(found.filter((f) => f.source !== 'builtin').map((f) => f.dir));
    const resolved = resolvePackSources(entries.flatMap((e) => (e.pack ? [{ source: e.source, pack: e.pack }] : [])));
    return { ...resolved, entries };
  }

  private async loadOne(source: PackSource, dir: string, manifestFile: string): Promise<Result<TemplatePack>> {
    let result: Result<TemplatePack>;
    try {
      result = await loadPack(packFileSystem, dir, { pushbackVersion: this.options.pushbackVersion });
    } catch (error) {
      // Not a problem in the pack (those are results): a bug or an unreadable disk. Shown on the pack, not fatal to the others.
      this.options.logger.error(`Loading the pack in ${dir} failed`, error);
      result = failed([{ file: manifestFile, line: 1, column: 1, path: '', message: `could not be loaded: ${error instanceof Error ? error.message : String(error)}`, hint: 'see the Pushback log' }]);
    }
    if (!result.ok && source === 'builtin') {
      this.options.logger.error(`The built-in pack has problems:\n${result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`);
    }
    return result;
  }

  /** Pack folders from every source, lowest priority first; a folder reached twice counts once, at its higher source. */
  private async discover(): Promise<{ source: PackSource; dir: string }[]> {
    const trusted = vscode.workspace.isTrusted;
    const found: { source: PackSource; dir: string }[] = [{ source: 'builtin', dir: this.options.builtinDir }];
    for (const dir of await installedPackDirs(this.options.userDir)) found.push({ source: 'user', dir });
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

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const workspacePacks = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_PACKS_DIR.split(path.sep).join('/')}/**`);
    const onFile = (uri: vscode.Uri) => this.fileChanged(uri.fsPath);
    this.subscriptions.push(
      workspacePacks,
      workspacePacks.onDidCreate(onFile),
      workspacePacks.onDidChange(onFile),
      workspacePacks.onDidDelete(onFile),
      // The composer and the tree follow what is typed, not only what is saved (the loader reads open editors first).
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && event.document.uri.scheme === 'file') this.fileChanged(event.document.uri.fsPath, { onlyIfKnown: true });
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`pushback.${PACK_FOLDERS_SETTING}`)) this.invalidateAll();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidateAll()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidateAll()),
    );
  }

  /**
   * Watch the user packs folder and each settings folder with VS Code's watcher: the user
   * packs folder is Pushback's, so any change there counts (an install renames whole
   * folders into place); in a settings folder (a cloned repo, a shared drive) only
   * manifests and templates do.
   */
  private async watchFolders(folders: readonly string[]): Promise<void> {
    // The user packs folder is made now, so an install from the command line is seen too.
    await fsp.mkdir(this.options.userDir, { recursive: true }).catch(() => undefined);
    const exists = await Promise.all(folders.map((f) => fsp.stat(f).then((s) => s.isDirectory(), () => false)));
    const wanted = new Set(folders.filter((_, i) => exists[i]).map((f) => path.normalize(f)));
    for (const [folder, watcher] of this.folderWatchers) {
      if (wanted.has(folder)) continue;
      watcher.dispose();
      this.folderWatchers.delete(folder);
    }
    for (const folder of wanted) {
      if (this.folderWatchers.has(folder)) continue;
      const pattern = folder === path.normalize(this.options.userDir) ? '**/*' : `**/{${PACK_MANIFEST},*.hbs}`;
      try {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), pattern));
        const onFile = (uri: vscode.Uri) => this.fileChanged(uri.fsPath);
        const listeners = [watcher.onDidCreate(onFile), watcher.onDidChange(onFile), watcher.onDidDelete(onFile)];
        this.folderWatchers.set(folder, { dispose: () => [watcher, ...listeners].forEach((d) => d.dispose()) });
      } catch (error) {
        this.options.logger.error(`Cannot watch ${folder} for pack changes`, error);
      }
    }
  }

  /**
   * Also watch every folder of every pack found, one Node watcher a folder. VS Code's
   * recursive watcher (inotify through parcel on Linux) misses what happens inside a
   * folder created and filled in one go (a copied, cloned or scaffolded pack), and then
   * every later change in it; a watcher started once the folder exists does not. Packs
   * are a few folders each, so this stays a handful of watches.
   */
  private async watchPackFolders(packDirs: readonly string[]): Promise<void> {
    const wanted = new Set<string>();
    for (const dir of packDirs) for (const folder of await foldersOf(dir)) wanted.add(folder);
    for (const [folder, watcher] of this.nodeWatchers) {
      if (wanted.has(folder)) continue;
      watcher.close();
      this.nodeWatchers.delete(folder);
    }
    for (const folder of wanted) {
      if (this.nodeWatchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => this.fileChanged(name ? path.join(folder, name.toString()) : folder));
        watcher.on('error', () => {
          watcher.close();
          this.nodeWatchers.delete(folder);
        });
        this.nodeWatchers.set(folder, watcher);
      } catch {
        // Gone already, or a file system without change notification (some network drives): VS Code's watcher remains.
      }
    }
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

/**
 * Unsaved edits first (the composer follows what is typed), else the disk: an open
 * editor without changes may not have caught up with a change on disk yet, and the
 * file watcher has already said that the disk changed.
 */
const packFileSystem: FileSystem = {
  async readText(file) {
    const open = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath === file);
    return open ? open.getText() : fsp.readFile(file, 'utf8');
  },
  resolve: vscodeFileSystem.resolve,
};

/** id, name and version from a manifest that may not validate (or parse). */
async function readManifestLeniently(manifestFile: string): Promise<PackEntry['about']> {
  const text = await packFileSystem.readText(manifestFile).catch(() => '');
  const value: unknown = parseJsonc(text, [], { allowTrailingComma: true });
  if (!value || typeof value !== 'object') return {};
  const pick = (key: string) => {
    const field = (value as Record<string, unknown>)[key];
    return typeof field === 'string' && field ? field : undefined;
  };
  return { id: pick('id'), name: pick('name'), version: pick('version') };
}

/** A folder named in settings is a pack itself, or holds packs one level down (a shared drive, a repository's `packs/`). */
async function packDirsIn(folder: string): Promise<string[]> {
  const isPack = await fsp.stat(path.join(folder, PACK_MANIFEST)).then((s) => s.isFile(), () => false);
  return isPack ? [folder] : installedPackDirs(folder);
}
