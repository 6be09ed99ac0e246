import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { PushbackDiagnostics } from './pushbackDiagnostics';

/**
 * Problems-panel diagnostics for capacity, request and template files, as the
 * user types. In a restricted workspace only the extension's own files (the
 * sample and the built-in pack) are read, until the folder is trusted.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const extensionFolder = context.extensionUri.fsPath;
  const mayRead = (uri: vscode.Uri) => vscode.workspace.isTrusted || isInside(uri.fsPath, extensionFolder);
  const diagnostics = new PushbackDiagnostics(services.logger, mayRead);
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((document) => void diagnostics.documentChanged(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) void diagnostics.documentChanged(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.documentClosed(document)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => diagnostics.validateOpenDocuments()),
  );
  diagnostics.validateOpenDocuments();
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
