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
  };
}
