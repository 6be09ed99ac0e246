import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileSystem } from '../core/fileSystem';

/**
 * The core's FileSystem over `vscode.workspace.fs`. Open editors win over disk,
 * so diagnostics and the composer see what the user is typing, not the last save.
 */
export const vscodeFileSystem: FileSystem = {
  async readText(file) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (open) return open.getText();
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
  },
  resolve: (fromFile, relative) => path.resolve(path.dirname(fromFile), relative),
  async list(dir) {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(dir));
    return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0 && (type & vscode.FileType.SymbolicLink) === 0).map(([name]) => name);
  },
};
