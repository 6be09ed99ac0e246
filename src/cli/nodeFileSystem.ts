import { existsSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from '../core/fileSystem';

export const nodeFileSystem: FileSystem = {
  readText: (file) => fsp.readFile(file, 'utf8'),
  resolve: (fromFile, relative) => path.resolve(path.dirname(fromFile), relative),
  list: async (dir) => (await fsp.readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name),
};

/**
 * Write through a temporary file in the same folder and rename it into place,
 * so a crash or a full disk never leaves half a reply where the old file was.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fsp.writeFile(temporary, text, 'utf8');
    await fsp.rename(temporary, file);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
}

/** The built-in pack: `templates/` at the package root, found from wherever this code runs. */
export function builtinPackDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'pushback-pack.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('the built-in templates folder is missing from this installation');
}

/** The built-in pack's sample: Northwind's request and team, what `pushback draft` drafts from by default. */
export function builtinSample(): { requestFile: string; capacityFile: string } {
  const dir = path.join(builtinPackDir(), 'sample');
  return { requestFile: path.join(dir, 'northwind.request.yaml'), capacityFile: path.join(dir, 'northwind.capacity.yaml') };
}
