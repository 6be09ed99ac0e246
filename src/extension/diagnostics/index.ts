import * as vscode from 'vscode';
import { mayReadFile } from '../pushbackFiles';
import type { Services } from '../services';
import { PushbackDiagnostics } from './pushbackDiagnostics';

/**
 * Problems-panel diagnostics for capacity, request and template files, as the
 * user types. In a restricted workspace only the extension's own files (the
 * sample and the built-in pack) are read, until the folder is trusted.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const extensionFolder = context.extensionUri.fsPath;
  const mayRead = (uri: vscode.Uri) => mayReadFile(uri.fsPath, extensionFolder, vscode.workspace.isTrusted);
  const version = (context.extension.packageJSON as { version?: string }).version;
  const diagnostics = new PushbackDiagnostics(services.logger, mayRead, version);
  context.subscriptions.push(
    diagnostics,
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

function textUriOf(tab: vscode.Tab): vscode.Uri | undefined {
  if (tab.input instanceof vscode.TabInputText) return tab.input.uri;
  if (tab.input instanceof vscode.TabInputTextDiff) return tab.input.modified;
  return undefined;
}

function hasTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => textUriOf(tab)?.toString() === uri.toString()));
}
