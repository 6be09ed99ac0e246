import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/fileSystem';
import { loadCapacity, loadRequest } from '../../core/load/loadData';
import { validatePack } from '../../core/pack/validatePack';
import type { Problem, Result } from '../../core/problems';
import type { Logger } from '../logger';
import { PACK_MANIFEST } from '../../core/pack/packManifest';
import { pushbackFileKind } from '../pushbackFiles';
import { toDiagnostic } from '../toDiagnostic';
import { vscodeFileSystem } from '../vscodeFileSystem';

type SourceKind = 'capacity' | 'request' | 'pack';

/** How many packs Validate All Packs checked, and what it found. */
export interface PackValidationSummary {
  packs: number;
  problems: Problem[];
}

/**
 * One thing that is validated as a whole: a capacity file, a request file, or a
 * template pack (its manifest, partials and templates load together, so a
 * template's problem can be a missing partial declared in the manifest).
 */
interface Source {
  key: string;
  kind: SourceKind;
  /** The capacity or request file, or the pack's folder. */
  target: string;
  generation: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Every file the last load read: editing any of them (a CSV, a partial) validates again. */
  reads: Set<string>;
  /** This source's diagnostics, by the URI of the file they are in. */
  published: Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>;
  /** Kept after its files close: a pack checked by Validate All Packs stays in the Problems panel. */
  pinned: boolean;
  /** Settles when the next validation of this source has published. */
  settled?: { promise: Promise<Problem[]>; resolve: (problems: Problem[]) => void };
}

const MAX_PACK_DEPTH = 8;

/**
 * Problems-panel diagnostics for Pushback's files, computed by the core loaders
 * from the text in the editor (not the last save), debounced per file while the
 * user types, and cleared when the file closes.
 */
export class PushbackDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pushback');
  private readonly sources = new Map<string, Source>();
  /** Pushback files the user has open (capacity, request, manifest, templates in a pack). */
  private readonly open = new Set<string>();
  /** Open template file → the pack folder it belongs to. */
  private readonly packOfTemplate = new Map<string, string>();

  constructor(
    private readonly logger: Logger,
    /** Workspace files are not read in a restricted workspace; the extension's own files are. */
    private readonly mayRead: (uri: vscode.Uri) => boolean,
    /** Passed to loadPack, so a pack made for another Pushback says so. */
    private readonly pushbackVersion: string | undefined,
    /** Data to render templates on, so a field the data does not have is reported (the built-in sample). */
    private readonly sample: { requestFile: string; capacityFile: string } | undefined,
    private readonly delayMs = 250,
  ) {}

  /** Validate every open Pushback file (on activation, and when the workspace becomes trusted). */
  validateOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) void this.documentOpened(document);
  }

  /** A document was opened, or shown in a tab again: validate it from now on. */
  async documentOpened(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== 'file' || !this.mayRead(document.uri)) return;
    const file = document.uri.fsPath;
    const kind = pushbackFileKind(file);
    if (kind === 'template' && !this.packOfTemplate.has(file)) {
      const pack = await findPackFolder(document.uri);
      if (!pack || document.isClosed) return;
      this.packOfTemplate.set(file, pack);
    }
    if (kind) this.open.add(file);
    this.documentEdited(document);
  }

  /** The text changed: validate the file if it is open, and whatever reads it (a CSV, a partial). */
  documentEdited(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file' || !this.mayRead(document.uri)) return;
    const file = document.uri.fsPath;
    this.revalidateReadersOf(file);
    if (!this.open.has(file)) return;
    const kind = pushbackFileKind(file);
    if (kind === 'capacity' || kind === 'request') this.schedule(kind, file);
    const pack = this.packOf(file);
    if (pack !== undefined) this.schedule('pack', pack);
  }

  /**
   * The file's last tab closed, or its document closed. VS Code closes a document
   * minutes after its last editor, so the feature calls this on tab close too:
   * problems go away when the user closes the file, not three minutes later.
   */
  fileClosed(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const file = uri.fsPath;
    // Unsaved edits of a closed dependency are gone: what reads it reads the disk again.
    this.revalidateReadersOf(file);
    if (!this.open.delete(file)) return;
    const kind = pushbackFileKind(file);
    if (kind === 'capacity' || kind === 'request') {
      this.remove(sourceKey(kind, file));
      return;
    }
    const pack = this.packOf(file);
    this.packOfTemplate.delete(file);
    if (pack === undefined) return;
    if ([...this.open].some((other) => this.packOf(other) === pack) || this.sources.get(sourceKey('pack', pack))?.pinned) this.schedule('pack', pack);
    else this.remove(sourceKey('pack', pack));
  }

  /**
   * Validate these packs now and keep their problems in the Problems panel until the
   * next call (Validate All Packs), updating them as their files change. Packs pinned
   * by an earlier call and not named now are dropped, unless a file of theirs is open.
   * `warnings` (the same pack in two versions) are shown as warnings at their manifest.
   */
  async validatePacks(dirs: readonly string[], warnings: readonly Problem[]): Promise<PackValidationSummary> {
    const wanted = new Set(dirs.map((dir) => sourceKey('pack', dir)));
    for (const source of [...this.sources.values()]) {
      if (source.kind !== 'pack' || !source.pinned || wanted.has(source.key)) continue;
      source.pinned = false;
      if (![...this.open].some((file) => this.packOf(file) === source.target)) this.remove(source.key);
    }
    this.setPackWarnings(warnings);
    const results = await Promise.all(
      dirs.map((dir) => {
        const source = this.schedule('pack', dir, 0);
        source.pinned = true;
        return this.settled(source);
      }),
    );
    return { packs: dirs.length, problems: [...results.flat(), ...warnings] };
  }

  /** Revalidate every pack being shown (their files may have changed on disk), with the usual pause. */
  revalidatePacks(): void {
    for (const source of [...this.sources.values()]) if (source.kind === 'pack') this.schedule('pack', source.target);
  }

  /** Version conflicts between sources: warnings at the manifest of the pack that wins. */
  setPackWarnings(warnings: readonly Problem[]): void {
    const next = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const warning of warnings) {
      const uri = vscode.Uri.file(warning.file);
      const entry = next.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(toDiagnostic(warning, openText(warning.file), vscode.DiagnosticSeverity.Warning));
      next.set(uri.toString(), entry);
    }
    let source = this.sources.get(WARNINGS_KEY);
    if (!source) {
      source = { key: WARNINGS_KEY, kind: 'pack', target: '', generation: 0, timer: undefined, reads: new Set(), published: new Map(), pinned: true };
      this.sources.set(WARNINGS_KEY, source);
    }
    this.publish(source, next);
  }

  dispose(): void {
    for (const source of this.sources.values()) clearTimeout(source.timer);
    this.sources.clear();
    this.collection.dispose();
  }

  private revalidateReadersOf(file: string): void {
    for (const source of [...this.sources.values()]) {
      if (source.reads.has(file)) this.schedule(source.kind, source.target);
    }
  }

  private settled(source: Source): Promise<Problem[]> {
    if (!source.settled) {
      let resolve!: (problems: Problem[]) => void;
      const promise = new Promise<Problem[]>((r) => (resolve = r));
      source.settled = { promise, resolve };
    }
    return source.settled.promise;
  }

  private packOf(file: string): string | undefined {
    return pushbackFileKind(file) === 'packManifest' ? path.dirname(file) : this.packOfTemplate.get(file);
  }

  private schedule(kind: SourceKind, target: string, delayMs = this.delayMs): Source {
    const key = sourceKey(kind, target);
    if (key === WARNINGS_KEY) return this.sources.get(key)!;
    let source = this.sources.get(key);
    if (!source) {
      source = { key, kind, target, generation: 0, timer: undefined, reads: new Set(), published: new Map(), pinned: false };
      this.sources.set(key, source);
    }
    clearTimeout(source.timer);
    const scheduled = source;
    scheduled.timer = setTimeout(() => void this.validate(scheduled), delayMs);
    return scheduled;
  }

  private async validate(source: Source): Promise<void> {
    source.timer = undefined;
    const generation = ++source.generation;
    const texts = new Map<string, string>();
    const fs = recordingFileSystem(texts);
    let problems: Problem[];
    let orphanTemplates: string[] = [];
    try {
      switch (source.kind) {
        case 'capacity':
          problems = problemsOf(await loadCapacity(fs, source.target));
          break;
        case 'request':
          problems = problemsOf(await loadRequest(fs, source.target));
          break;
        case 'pack': {
          // Loading, plus a render of every template on its examples (or the sample): a field the data lacks is found here too.
          const loaded = await validatePack(fs, source.target, { pushbackVersion: this.pushbackVersion, sample: this.sample });
          // No readable manifest any more: this folder is no longer a pack, so say nothing about it.
          problems = texts.has(path.join(source.target, PACK_MANIFEST)) ? problemsOf(loaded) : [];
          // Past the manifest (it read a template or partial), every listed file has been read.
          if (loaded.ok || texts.size > 1) orphanTemplates = this.openTemplatesOf(source.target).filter((file) => !texts.has(file));
          break;
        }
      }
    } catch (error) {
      this.logger.error(`Could not validate ${source.target}`, error);
      problems = [];
    }
    // A newer edit started another run, or the file closed, while this one was loading.
    if (this.sources.get(source.key) !== source || source.generation !== generation) return;

    source.reads = new Set(texts.keys());
    const next = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    const add = (file: string, diagnostic: vscode.Diagnostic) => {
      const uri = vscode.Uri.file(file);
      const entry = next.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(diagnostic);
      next.set(uri.toString(), entry);
    };
    for (const problem of problems) add(problem.file, toDiagnostic(problem, texts.get(path.normalize(problem.file))));
    for (const file of orphanTemplates) {
      const problem: Problem = { file, line: 1, column: 1, path: '', message: `this template is not listed in ${PACK_MANIFEST}, so Pushback does not load it`, hint: 'add it to "templates" (or "partials") in the manifest' };
      add(file, toDiagnostic(problem, openText(file), vscode.DiagnosticSeverity.Information));
    }
    this.publish(source, next);
    const settled = source.settled;
    source.settled = undefined;
    settled?.resolve(problems);
  }

  private openTemplatesOf(pack: string): string[] {
    return [...this.packOfTemplate].filter(([, folder]) => folder === pack).map(([file]) => file);
  }

  private remove(key: string): void {
    const source = this.sources.get(key);
    if (!source) return;
    clearTimeout(source.timer);
    source.generation++;
    this.sources.delete(key);
    this.publish(source, new Map());
    source.settled?.resolve([]);
  }

  /** Replace a source's diagnostics; each affected file shows the union of every source's. */
  private publish(source: Source, next: Source['published']): void {
    const affected = new Map<string, vscode.Uri>();
    for (const [key, { uri }] of [...source.published, ...next]) affected.set(key, uri);
    source.published = next;
    for (const [key, uri] of affected) {
      const diagnostics = [...this.sources.values()].flatMap((s) => s.published.get(key)?.diagnostics ?? []);
      if (diagnostics.length > 0) this.collection.set(uri, diagnostics);
      else this.collection.delete(uri);
    }
  }
}

/** The pseudo-source holding version-conflict warnings between pack sources. */
const WARNINGS_KEY = 'pack-warnings:';

function sourceKey(kind: SourceKind, target: string): string {
  return `${kind}:${target}`;
}

function problemsOf(result: Result<unknown>): Problem[] {
  return result.ok ? [] : result.problems;
}

/** The editor-first file system, remembering each text it read (by normalized path) for ranges and re-validation. */
function recordingFileSystem(texts: Map<string, string>): FileSystem {
  return {
    async readText(file) {
      const text = await vscodeFileSystem.readText(file);
      texts.set(path.normalize(file), text);
      return text;
    },
    resolve: vscodeFileSystem.resolve,
    inspect: vscodeFileSystem.inspect,
  };
}

/** The nearest folder at or above the template's that holds a pack manifest, not leaving its workspace folder. */
async function findPackFolder(template: vscode.Uri): Promise<string | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(template)?.uri.fsPath;
  let folder = path.dirname(template.fsPath);
  for (let depth = 0; depth < MAX_PACK_DEPTH; depth++) {
    if (await exists(path.join(folder, PACK_MANIFEST))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder || folder === root) return undefined;
    folder = parent;
  }
  return undefined;
}

function openText(file: string): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file)?.getText();
}

async function exists(file: string): Promise<boolean> {
  if (openText(file) !== undefined) return true;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}
