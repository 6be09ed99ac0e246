import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { registerFailableCommand } from '../failableCommand';
import { isInsideFolder, mayReadFile } from '../pushbackFiles';
import type { Services } from '../services';
import { type PackValidationSummary, PushbackDiagnostics } from './pushbackDiagnostics';

/**
 * Problems-panel diagnostics for capacity, request and template files, as the
 * user types, and Validate All Packs. In a restricted workspace only the
 * extension's own files (the sample and the built-in pack) and the packs the user
 * chose outside the workspace (installed, or named in user settings) are read,
 * until the folder is trusted.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const extensionFolder = context.extensionUri.fsPath;
  const mayRead = (uri: vscode.Uri) =>
    mayReadFile(uri.fsPath, extensionFolder, vscode.workspace.isTrusted) || services.userPackRoots().some((root) => isInsideFolder(uri.fsPath, root));
  const diagnostics = new PushbackDiagnostics(services.logger, mayRead, services.pushbackVersion, services.sample);
  registerFailableCommand(context, services.logger, COMMANDS.validateAllPacks, () => validateAllPacks(services, diagnostics));
  context.subscriptions.push(
    diagnostics,
    // A pack file changed on disk (a pull, a partial edited elsewhere): what is shown may be stale.
    services.onDidChangePacks(async () => {
      diagnostics.revalidatePacks();
      diagnostics.setPackWarnings((await services.packSources()).warnings);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => void diagnostics.documentOpened(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) diagnostics.documentEdited(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.fileClosed(document.uri)),
    vscode.window.tabGroups.onDidChangeTabs(({ opened, closed }) => {
      for (const tab of closed) {
        const uri = textUriOf(tab);
        if (uri && !hasTab(uri)) diagnostics.fileClosed(uri);
      }
      for (const tab of opened) {
        const uri = textUriOf(tab);
        const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (document) void diagnostics.documentOpened(document);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => diagnostics.validateOpenDocuments()),
  );
  diagnostics.validateOpenDocuments();
}

/**
 * Validate every pack from every source (loading, examples, package.json, a render of
 * each template) into the Problems panel, and say how it went in one line.
 */
async function validateAllPacks(services: Services, diagnostics: PushbackDiagnostics): Promise<PackValidationSummary> {
  const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Pushback: validating template packs…' }, async () => {
    const { entries, warnings } = await services.reloadPacks();
    return diagnostics.validatePacks(entries.map((entry) => entry.dir), warnings);
  });
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const text = `Pushback: ${count(summary.packs, 'pack')}, ${count(summary.problems.length, 'problem')}.`;
  if (summary.problems.length === 0) {
    void vscode.window.showInformationMessage(text);
  } else {
    void vscode.window.showWarningMessage(`${text} They are listed in the Problems panel.`, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return summary;
}

function textUriOf(tab: vscode.Tab): vscode.Uri | undefined {
  if (tab.input instanceof vscode.TabInputText) return tab.input.uri;
  if (tab.input instanceof vscode.TabInputTextDiff) return tab.input.modified;
  return undefined;
}

function hasTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => textUriOf(tab)?.toString() === uri.toString()));
}
