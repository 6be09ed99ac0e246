import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { type TemplatePack, loadPack } from '../../core/pack/loadPack';
import { PACK_MANIFEST } from '../../core/pack/packManifest';
import { type PackSource, type ResolvedPacks, resolvePackSources } from '../../core/pack/packSources';
import { type Problem, type Result, failed } from '../../core/problems';
import type { Logger } from '../logger';
import { isInsideFolder } from '../pushbackFiles';
import { packFileSystem } from '../vscodeFileSystem';
import { configuredPackFolders, discoverPacks } from './packDiscovery';
import { PackWatchers } from './packWatchers';

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
  private readonly watchers: PackWatchers;

  constructor(private readonly options: PackLibraryOptions) {
    this.watchers = new PackWatchers({
      userDir: options.userDir,
      logger: options.logger,
      fileChanged: (file, onlyIfKnown) => this.fileChanged(file, { onlyIfKnown }),
      settingsChanged: () => this.invalidateAll(),
    });
  }

  /** The packs as last loaded (loading them on first use). */
  get(): Promise<LoadedPackSources> {
    if (!this.current) {
      this.watchers.start();
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
    this.watchers.start();
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
    this.watchers.dispose();
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
    const found = await discoverPacks(this.options.builtinDir, this.options.userDir);
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
    await this.watchers.watchFolders([...this.userPackRoots(), ...configuredPackFolders(vscode.workspace.isTrusted)]);
    await this.watchers.watchPackFolders(found.filter((f) => f.source !== 'builtin').map((f) => f.dir));
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
}

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
