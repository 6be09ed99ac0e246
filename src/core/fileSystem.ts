/**
 * The little the core needs from a file system. The CLI passes Node's, the
 * extension passes `vscode.workspace.fs`, tests pass an in-memory map: the core
 * itself never touches Node or VS Code.
 */
export interface FileSystem {
  readText(path: string): Promise<string>;
  /** Resolve `relative` against the folder holding `fromFile`. */
  resolve(fromFile: string, relative: string): string;
  /** The names of the files in a folder (not recursive), where the file system can list; used to find translations beside a template. */
  list?(dir: string): Promise<string[]>;
  /** What is at `path` once every link is followed; rejects when nothing is there. */
  inspect(path: string): Promise<FileFacts>;
}

export interface FileFacts {
  /** The path with every symbolic link resolved (`realpath`). */
  realPath: string;
  kind: 'file' | 'directory' | 'other';
  /** In bytes; what a read would return, for a regular file. */
  size: number;
}

/** An in-memory file system for tests and for the embedded sample. */
export function memoryFileSystem(files: Record<string, string>): FileSystem {
  return {
    async readText(path) {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file: ${path}`);
      return text;
    },
    async list(dir) {
      const prefix = `${dir.replace(/\/$/, '')}/`;
      return Object.keys(files)
        .filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/'))
        .map((path) => path.slice(prefix.length));
    },
    resolve(fromFile, relative) {
      if (relative.startsWith('/')) return relative;
      const parts = fromFile.split('/').slice(0, -1);
      for (const part of relative.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.' && part !== '') parts.push(part);
      }
      return parts.join('/');
    },
    async inspect(path) {
      const text = files[path];
      if (text !== undefined) return { realPath: path, kind: 'file', size: new TextEncoder().encode(text).length };
      const folder = path.endsWith('/') ? path : `${path}/`;
      if (Object.keys(files).some((name) => name.startsWith(folder))) return { realPath: path.replace(/(.)\/$/, '$1'), kind: 'directory', size: 0 };
      throw new Error(`ENOENT: no such file or folder: ${path}`);
    },
  };
}
