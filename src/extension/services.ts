import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Capacity } from '../core/schema/capacity';
import { loadCapacity } from '../core/load/loadData';
import { type TemplatePack, loadPack } from '../core/pack/loadPack';
import type { Problem, Result } from '../core/problems';
import { ok } from '../core/problems';
import { DraftStore } from './draftStore';
import { type Logger, createLogger } from './logger';
import { readSettings } from './settings';
import { vscodeFileSystem } from './vscodeFileSystem';

export const CAPACITY_GLOB = '**/*.capacity.{json,yaml,yml}';

export interface CapacityChoice {
  /** Absolute path; the sample's path lies inside the extension. */
  file: string;
  label: string;
  isSample: boolean;
}

/** What every feature shares, created once in `activate` and cheap until used. */
export interface Services {
  context: vscode.ExtensionContext;
  logger: Logger;
  drafts: DraftStore;
  sample: { capacityFile: string; requestFile: string };
  /** Template packs, lowest priority first (built-in only, until packs arrive). */
  packs(): Promise<TemplatePack[]>;
  /** Capacity files the user can pick: the workspace's (when trusted) and the sample. */
  capacityChoices(): Promise<CapacityChoice[]>;
  /** The capacity file for a draft: its own choice, the setting, the first in the workspace, or the sample. */
  resolveCapacityFile(chosen: string): Promise<string>;
  /** Load a capacity file (refused for workspace files in a restricted workspace), with the currency setting applied. */
  loadCapacity(file: string): Promise<Result<Capacity>>;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const logger = createLogger(context);
  const packDir = vscode.Uri.joinPath(context.extensionUri, 'templates').fsPath;
  const sample = {
    capacityFile: path.join(packDir, 'sample', 'northwind.capacity.yaml'),
    requestFile: path.join(packDir, 'sample', 'northwind.request.yaml'),
  };
  const drafts = new DraftStore(context.workspaceState, () => ({ templateId: readSettings().defaultTemplate }));
  context.subscriptions.push(drafts);

  // Loaded once, on first use: activation itself reads no files.
  let packs: Promise<TemplatePack[]> | undefined;
  const loadPacks = async (): Promise<TemplatePack[]> => {
    const builtin = await loadPack(vscodeFileSystem, packDir);
    if (!builtin.ok) {
      logger.error(`The built-in pack has problems:\n${builtin.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`);
      return [];
    }
    return [builtin.value];
  };

  const workspaceCapacityFiles = async (): Promise<string[]> => {
    if (!vscode.workspace.isTrusted || !vscode.workspace.workspaceFolders) return [];
    const found = await vscode.workspace.findFiles(CAPACITY_GLOB, '**/node_modules/**', 50);
    return found.map((uri) => uri.fsPath).sort();
  };

  // The composer analyzes on every keystroke; the capacity file rarely changes meanwhile.
  // Results are kept per file and dropped when any data file or open document changes.
  const capacityCache = new Map<string, Promise<Result<Capacity>>>();
  const dataWatcher = vscode.workspace.createFileSystemWatcher('**/*.{json,yaml,yml,csv}');
  const forget = () => capacityCache.clear();
  context.subscriptions.push(
    dataWatcher,
    dataWatcher.onDidChange(forget),
    dataWatcher.onDidCreate(forget),
    dataWatcher.onDidDelete(forget),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (/\.(json|ya?ml|csv)$/i.test(event.document.fileName)) forget();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('pushback')) forget();
    }),
  );

  return {
    context,
    logger,
    drafts,
    sample,
    packs: () => (packs ??= loadPacks()),
    async capacityChoices() {
      const files = await workspaceCapacityFiles();
      return [
        ...files.map((file) => ({ file, label: vscode.workspace.asRelativePath(file), isSample: false })),
        { file: sample.capacityFile, label: 'Sample team (Northwind Platform & Workplace IT)', isSample: true },
      ];
    },
    async resolveCapacityFile(chosen) {
      if (chosen && (chosen === sample.capacityFile || vscode.workspace.isTrusted)) return chosen;
      const setting = readSettings().capacityFile;
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (setting && folder && vscode.workspace.isTrusted) return path.resolve(folder.uri.fsPath, setting);
      return (await workspaceCapacityFiles())[0] ?? sample.capacityFile;
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
}
