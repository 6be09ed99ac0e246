import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from '../core/fileSystem';

/** The core's FileSystem over Node's: what the CLI reads with, and the extension where it needs no editor. */
export const nodeFileSystem: FileSystem = {
  readText: (file) => fsp.readFile(file, 'utf8'),
  resolve: (fromFile, relative) => path.resolve(path.dirname(fromFile), relative),
  list: async (dir) => (await fsp.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name),
  async inspect(file) {
    const realPath = await fsp.realpath(file);
    const stat = await fsp.stat(realPath);
    return { realPath, kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', size: stat.size };
  },
};
