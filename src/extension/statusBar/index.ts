import * as vscode from 'vscode';
import { teamUtilization } from '../../core/model/utilization';
import { COMMANDS } from '../commandIds';
import { mayReadFile, pushbackFileKind } from '../pushbackFiles';
import type { Services } from '../services';
import {
  isOverCommitted,
  problemsText,
  problemsTooltip,
  utilizationLabel,
  utilizationText,
  utilizationTooltip,
} from './utilizationSummary';

/** Shown in the DOM as `pushback.pushback.utilization` (the extension id, then this). */
export const STATUS_BAR_ITEM_ID = 'utilization';
const TYPING_DELAY_MS = 250;

/**
 * A status bar item with the utilization of the capacity file in the active
 * editor: committed ÷ available over its horizon, before any new request.
 * Hidden for every other editor, and for workspace files in a restricted workspace.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
  item.name = 'Pushback Utilization';
  const extensionFolder = context.extensionUri.fsPath;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const activeCapacityFile = (): string | undefined => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri?.scheme !== 'file' || pushbackFileKind(uri.fsPath) !== 'capacity') return undefined;
    return mayReadFile(uri.fsPath, extensionFolder, vscode.workspace.isTrusted) ? uri.fsPath : undefined;
  };

  const refresh = async () => {
    const run = ++generation;
    const file = activeCapacityFile();
    if (!file) {
      item.hide();
      return;
    }
    const loaded = await services.loadCapacity(file);
    if (run !== generation) return; // the editor or its text changed while this file loaded
    if (loaded.ok) {
      const load = teamUtilization(loaded.value);
      item.text = utilizationText(load);
      item.tooltip = commandMarkdown(utilizationTooltip(load, COMMANDS.openComposer), [COMMANDS.openComposer]);
      item.accessibilityInformation = { label: utilizationLabel(load) };
      item.backgroundColor = isOverCommitted(load) ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      item.command = COMMANDS.openComposer;
    } else {
      item.text = problemsText(loaded.problems.length);
      item.tooltip = commandMarkdown(problemsTooltip(loaded.problems, file), []);
      item.accessibilityInformation = { label: problemsText(loaded.problems.length).replace('$(warning) ', '') };
      item.backgroundColor = undefined;
      // The problems are what to look at next; the composer cannot use this file until they are fixed.
      item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
    }
    item.show();
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      refresh().catch((error: unknown) => {
        services.logger.error('Could not update the utilization in the status bar', error);
        item.hide();
      });
    }, delay);
  };

  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const active = vscode.window.activeTextEditor?.document;
      // A CSV the capacity file reads changes its figures too.
      if (event.document === active || /\.csv$/i.test(event.document.uri.path)) schedule(TYPING_DELAY_MS);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => schedule(0)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('pushback')) schedule(0);
    }),
  );
  schedule(0);
}

function commandMarkdown(markdown: string, enabledCommands: string[]): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(markdown);
  tooltip.isTrusted = { enabledCommands };
  return tooltip;
}
