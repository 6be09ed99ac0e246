import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Write through a temporary file in the same folder, then rename it into place, so
 * an interrupted write never leaves half a file where a reader (the Decisions view,
 * `pushback decisions`, a mail client) would find it. With `overwrite: false` the
 * rename fails with `FileSystemError.FileExists` when the name has been taken
 * meanwhile, and the temporary file is removed.
 */
export async function writeFileAtomic(target: vscode.Uri, content: string | Uint8Array, options: { overwrite: boolean }): Promise<void> {
  const folder = target.with({ path: path.posix.dirname(target.path) });
  const name = path.posix.basename(target.path);
  const temporary = vscode.Uri.joinPath(folder, `.${name}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  await vscode.workspace.fs.writeFile(temporary, bytes);
  try {
    await vscode.workspace.fs.rename(temporary, target, { overwrite: options.overwrite });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary, { useTrash: false }).then(undefined, () => undefined);
    throw error;
  }
}

export function isFileExistsError(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileExists';
}
