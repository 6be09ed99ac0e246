import * as vscode from 'vscode';
import { DECISIONS_DIR } from '../../core/decisions/decisionRecord';
import { COMMANDS, DECISIONS_VIEW_ID } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import type { Services } from '../services';
import { DecisionsTreeProvider } from './DecisionsTreeProvider';
import { decisionsFolder, onDidRecordDecision, recordDecision } from './recordDecision';

export { recordDecision } from './recordDecision';

/** The latest provider, for tests (reached through the extension's exports). */
export let decisionsProvider: DecisionsTreeProvider | undefined;

const REFRESH_DELAY_MS = 100;

export function activate(context: vscode.ExtensionContext, services: Services): void {
  const provider = new DecisionsTreeProvider(services.logger);
  decisionsProvider = provider;

  // A record is written as a temporary file renamed into place: one refresh for the burst.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => provider.refresh(), REFRESH_DELAY_MS);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${DECISIONS_DIR}/*.md`);
  context.subscriptions.push(
    provider,
    vscode.window.createTreeView(DECISIONS_VIEW_ID, { treeDataProvider: provider }),
    watcher,
    watcher.onDidCreate(refreshSoon),
    watcher.onDidChange(refreshSoon),
    watcher.onDidDelete(refreshSoon),
    onDidRecordDecision(refreshSoon),
    vscode.workspace.onDidChangeWorkspaceFolders(refreshSoon),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshSoon),
    { dispose: () => clearTimeout(timer) },
  );

  // With an argument (how the reply left: "inserted", "copied"…) this is the automatic
  // record after an action, which follows `pushback.decisionLog`; without one the user
  // ran "Save Decision", which records whatever the setting says.
  registerFailableCommand(context, services.logger, COMMANDS.recordDecision, (via?: unknown) =>
    typeof via === 'string' ? recordDecision(services, via) : recordDecision(services, undefined, { explicit: true }),
  );
  registerFailableCommand(context, services.logger, COMMANDS.openDecisionLogFolder, () => openDecisionLogFolder());
}

/** Reveal `.pushback/decisions` in the Explorer, creating it when no decision is recorded yet. */
async function openDecisionLogFolder(): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Pushback: the decision log is kept only in a trusted workspace; trust this folder to keep one.');
    return undefined;
  }
  const folder = decisionsFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(`Pushback: open a folder to keep a decision log (${DECISIONS_DIR}).`);
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(folder);
  await vscode.commands.executeCommand('revealInExplorer', folder);
  return folder;
}
