import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/**
 * Delete the regular files in `folder` whose names match `pattern` and that were last
 * modified more than `maxAgeMs` before `now`; returns the names deleted. A cache that
 * touches what it still uses (see PageTemplates) thus loses only what nothing used lately.
 * Links and folders are left alone; a missing folder is an empty one.
 */
export async function pruneOldFiles(folder: string, pattern: RegExp, maxAgeMs: number, now = Date.now()): Promise<string[]> {
  const entries = await fsp.readdir(folder, { withFileTypes: true }).catch(() => []);
  const deleted: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !pattern.test(entry.name)) continue;
    const file = path.join(folder, entry.name);
    const stat = await fsp.lstat(file).catch(() => undefined);
    if (!stat?.isFile() || now - stat.mtimeMs <= maxAgeMs) continue;
    await fsp.rm(file, { force: true }).then(() => deleted.push(entry.name), () => undefined);
  }
  return deleted;
}
