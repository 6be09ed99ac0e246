import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Capacity } from '../core/schema/capacity';
import { loadCapacity } from '../core/load/loadData';
import type { TemplatePack } from '../core/pack/loadPack';
import type { Problem, Result } from '../core/problems';
import { formatProblem, ok } from '../core/problems';
import { builtinSample } from '../node/builtinPack';
import { userPacksDir } from '../node/userPacksDir';
import { orderCapacityFiles } from '../shared/capacityOrder';
import type { TemplateOption } from '../shared/protocol';
import { DraftStore } from './draftStore';
import { type Prompts, windowPrompts } from './prompts';
import { type Logger, createLogger } from './logger';
import { type LoadedPackSources, PackLibrary } from './packs/packLibrary';
import { readSettings } from './settings';
import { vscodeFileSystem } from './vscodeFileSystem';

const LAST_CAPACITY_KEY = 'pushback.lastCapacityFile';
/** The default capacity file as last worked out (the first of the choices): figures shown at startup use it before the workspace is searched. */
const DEFAULT_CAPACITY_KEY = 'pushback.defaultCapacityFile';
const SAMPLE_LABEL = 'Sample team (Northwind Platform & Workplace IT)';

export const CAPACITY_GLOB = '**/*.capacity.{json,yaml,yml}';

export interface CapacityChoice {
  /** Absolute path; the sample's path lies inside the extension. */
  file: string;
  label: string;
  isSample: boolean;
  /** The file's first problem, when it does not load: offered anyway, marked. */
  problem?: string;
}

/** What every feature shares, created once in `activate` and cheap until used. */
export interface Services {
  context: vscode.ExtensionContext;
  logger: Logger;
  drafts: DraftStore;
  /** Questions and notifications with buttons (replaced by the integration tests, which answer them). */
  prompts: Prompts;
  sample: { capacityFile: string; requestFile: string };
  /** This extension's version: a pack's engines.pushback must admit it. */
  pushbackVersion: string;
  /** Template packs that loaded, lowest priority first: a later pack's template overrides an earlier one with the same id. */
  packs(): Promise<TemplatePack[]>;
  /** Every pack folder found (built-in, user, settings, workspace), loaded or not, and which template wins for each id. */
  packSources(): Promise<LoadedPackSources>;
  /** One entry per template id, the winning definition, for the composer's template picker. */
  templateOptions(): Promise<TemplateOption[]>;
  /** Fires once packs have reloaded after a template, manifest, setting or install changed. */
  onDidChangePacks: vscode.Event<void>;
  /** Data files or Pushback's settings changed: figures shown from them are stale. */
  onDidChangeData: vscode.Event<void>;
  /** Read every pack again now (after an install, an uninstall, a new template) and fire onDidChangePacks. */
  reloadPacks(): Promise<LoadedPackSources>;
  /** Where Install Template Pack puts packs, the same folder `pushback pack install` uses. */
  userPacksDir: string;
  /** Pack folders outside the workspace that the user chose (user packs, absolute settings folders): read even in Restricted Mode. */
  userPackRoots(): string[];
  /**
   * Capacity files the user can pick, the default first: the setting, the file last used in
   * this workspace, files that load, files with problems (marked), the sample. Never a file
   * inside a template pack's folder.
   */
  capacityChoices(): Promise<CapacityChoice[]>;
  /**
   * The capacity file for a draft: its own choice, else the first of {@link capacityChoices}.
   * `quick` (for figures on screen, never for an action): until the choices have been worked
   * out once in this window, the default found last time is used at once while the workspace
   * is searched; if the search finds another default, onDidChangeData fires and views render again.
   */
  resolveCapacityFile(chosen: string, options?: { quick?: boolean }): Promise<string>;
  /** Remember the file a draft was last analysed against in this workspace (the next default). */
  rememberCapacityFile(file: string): Promise<void>;
  /** Load a capacity file (refused for workspace files in a restricted workspace), with the currency setting applied. */
  loadCapacity(file: string): Promise<Result<Capacity>>;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const logger = createLogger(context);
  const packDir = vscode.Uri.joinPath(context.extensionUri, 'templates').fsPath;
  const sample = builtinSample(packDir);
  const drafts = new DraftStore(context.workspaceState, () => ({ templateId: readSettings().defaultTemplate }));
  context.subscriptions.push(drafts);

  // Loaded on first use (activation itself reads no files), then reloaded pack by pack as files change.
  const pushbackVersion = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const packsDir = userPacksDir({ globalStorage: context.globalStorageUri.fsPath });
  const library = new PackLibrary({ builtinDir: packDir, userDir: packsDir, pushbackVersion, logger });
  context.subscriptions.push(library);

  // Searching the workspace takes tens of milliseconds: done once, again only when files come or go.
  let capacityFiles: Promise<string[]> | undefined;
  const workspaceCapacityFiles = (): Promise<string[]> => {
    capacityFiles ??= (async () => {
      if (!vscode.workspace.isTrusted || !vscode.workspace.workspaceFolders) return [];
      const found = await vscode.workspace.findFiles(CAPACITY_GLOB, '**/node_modules/**', 50);
      return found.map((uri) => uri.fsPath).sort();
    })();
    return capacityFiles;
  };

  // Pack folders hold example data (examples/sample.capacity.yaml), not the team's: never offered.
  let packFolders: Promise<string[]> | undefined;
  const workspacePackFolders = (): Promise<string[]> => {
    packFolders ??= (async () => {
      if (!vscode.workspace.isTrusted || !vscode.workspace.workspaceFolders) return [];
      const found = await vscode.workspace.findFiles('**/pushback-pack.json', '**/node_modules/**', 200);
      return found.map((uri) => path.dirname(uri.fsPath));
    })();
    return packFolders;
  };

  // The composer analyzes on every keystroke; the capacity file rarely changes meanwhile.
  // Results are kept per file and dropped when any data file or open document changes.
  const capacityCache = new Map<string, Promise<Result<Capacity>>>();
  const dataWatcher = vscode.workspace.createFileSystemWatcher('**/*.{json,yaml,yml,csv}');
  const dataChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(dataChanged);
  const forget = () => {
    capacityCache.clear();
    dataChanged.fire();
  };
  const forgetFiles = () => {
    capacityFiles = undefined;
    packFolders = undefined;
    forget();
  };
  context.subscriptions.push(
    dataWatcher,
    dataWatcher.onDidChange(forget),
    dataWatcher.onDidCreate(forgetFiles),
    dataWatcher.onDidDelete(forgetFiles),
    vscode.workspace.onDidGrantWorkspaceTrust(forgetFiles),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (/\.(json|ya?ml|csv)$/i.test(event.document.fileName)) forget();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('pushback')) forget();
    }),
  );

  /** Whether the default capacity file has been worked out from the choices in this window (see resolveCapacityFile). */
  let defaultWorkedOut = false;

  const services: Services = {
    context,
    logger,
    drafts,
    prompts: windowPrompts,
    sample,
    pushbackVersion,
    packs: async () => (await library.get()).packs,
    packSources: () => library.get(),
    async templateOptions() {
      const { templates } = await library.get();
      return templates.map(({ template, pack }) => ({ id: template.frontMatter.id, name: template.frontMatter.name, description: template.frontMatter.description, pack: pack.manifest.name, fields: template.frontMatter.fields }));
    },
    onDidChangePacks: library.onDidChange,
    onDidChangeData: dataChanged.event,
    reloadPacks: () => library.reload({ everything: true }),
    userPacksDir: packsDir,
    userPackRoots: () => library.userPackRoots(),
    async capacityChoices() {
      const [files, packFolders] = await Promise.all([workspaceCapacityFiles(), workspacePackFolders()]);
      const setting = readSettings().capacityFile;
      const folder = vscode.workspace.workspaceFolders?.[0];
      const trusted = vscode.workspace.isTrusted;
      const found = await Promise.all(
        files.map(async (file) => {
          const loaded = await services.loadCapacity(file);
          const label = vscode.workspace.asRelativePath(file);
          return loaded.ok ? { file, label } : { file, label, problem: formatProblem(loaded.problems[0]) };
        }),
      );
      const ordered = orderCapacityFiles({
        setting: setting && folder && trusted ? path.resolve(folder.uri.fsPath, setting) : undefined,
        lastUsed: trusted ? context.workspaceState.get<string>(LAST_CAPACITY_KEY) : undefined,
        found,
        packFolders,
        sample: { file: sample.capacityFile, label: SAMPLE_LABEL },
      });
      return ordered.map((entry) => ({ ...entry, isSample: entry.file === sample.capacityFile }));
    },
    async resolveCapacityFile(chosen, options) {
      if (chosen && (chosen === sample.capacityFile || vscode.workspace.isTrusted)) return chosen;
      const known = context.workspaceState.get<string>(DEFAULT_CAPACITY_KEY);
      if (options?.quick && !defaultWorkedOut && known && (known === sample.capacityFile || vscode.workspace.isTrusted)) {
        void services.resolveCapacityFile('').then(
          (file) => file !== known && dataChanged.fire(),
          (error: unknown) => logger.error('Could not find the default capacity file', error),
        );
        return known;
      }
      const file = (await services.capacityChoices())[0]?.file ?? sample.capacityFile;
      defaultWorkedOut = true;
      if (file !== known) await context.workspaceState.update(DEFAULT_CAPACITY_KEY, file);
      return file;
    },
    async rememberCapacityFile(file) {
      if (file && file !== context.workspaceState.get(LAST_CAPACITY_KEY)) await context.workspaceState.update(LAST_CAPACITY_KEY, file);
    },
    async loadCapacity(file) {
      if (file !== sample.capacityFile && !vscode.workspace.isTrusted) {
        const problem: Problem = { file, line: 1, column: 1, path: '', message: 'workspace files are not loaded in a restricted workspace', hint: 'trust this folder to use its capacity files' };
        return { ok: false, problems: [problem] };
      }
      let loading = capacityCache.get(file);
      if (!loading) {
        loading = loadCapacity(vscodeFileSystem, file).then((loaded) => {
          const currency = readSettings().currency;
          return loaded.ok && currency ? ok({ ...loaded.value, currency }) : loaded;
        });
        capacityCache.set(file, loading);
      }
      return loading;
    },
  };
  return services;
}
