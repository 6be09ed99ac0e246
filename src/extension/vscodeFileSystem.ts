import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import type { FileSystem } from '../core/fileSystem';
import { nodeFileSystem } from '../node/nodeFileSystem';

export interface EditorFileSystemOptions {
  /**
   * Which open editors win over the disk: every open one (`open`), or only those
   * with unsaved edits (`unsaved`). Packs use `unsaved`: their file watcher says
   * when the disk changed, and an unchanged editor may not have caught up yet.
   */
  editors: 'open' | 'unsaved';
}

/**
 * The core's FileSystem in the extension host: what an open editor shows wins over
 * the disk, so diagnostics, the composer and the packs follow what the user is
 * typing, not the last save.
 */
export function editorFileSystem({ editors }: EditorFileSystemOptions): FileSystem {
  return {
    async readText(file) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file && (editors === 'open' || d.isDirty));
      return open ? open.getText() : fsp.readFile(file, 'utf8');
    },
    resolve: nodeFileSystem.resolve,
    // Files only, not symbolic links: a pack's translations never lead outside it.
    list: nodeFileSystem.list,
    // vscode.workspace.fs has no realpath; the extension host runs on Node and these are file: paths.
    inspect: nodeFileSystem.inspect,
  };
}

/** Data files (capacity, requests) and diagnostics: every open editor wins. */
export const vscodeFileSystem = editorFileSystem({ editors: 'open' });
/** Template packs: unsaved edits win, else the disk. */
export const packFileSystem = editorFileSystem({ editors: 'unsaved' });
