import { createReadStream, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { PackInstallError, UnpackBudget, makeStagedFolder, safeEntryPath, shownEntry, writeStagedFile } from './unpackBudget';

/** Never part of a pack: a cloned team repo's history and installed dependencies. */
export const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/**
 * Copy a pack folder into `root` (an empty staging folder) under the same rules as
 * an archive: plain files and folders only (a symlink could point anywhere, so it is
 * refused rather than followed), and the same caps, counted while copying.
 * `exclude` holds absolute folders to leave out, such as the staging folder itself
 * when a pack is installed into a folder inside it.
 */
export async function copyPackFolder(from: string, root: string, budget: UnpackBudget, exclude: readonly string[] = []): Promise<void> {
  const excluded = new Set(exclude.map((dir) => path.resolve(dir)));
  const walk = async (dir: string, relative: string): Promise<void> => {
    const names = (await fsp.readdir(dir)).sort();
    for (const name of names) {
      const full = path.join(dir, name);
      if (SKIPPED_FOLDERS.has(name) || excluded.has(path.resolve(full))) continue;
      const entry = safeEntryPath(relative ? `${relative}/${name}` : name);
      const stat = await fsp.lstat(full);
      if (stat.isSymbolicLink()) throw new PackInstallError(`refused ${shownEntry(entry)}: it is a symbolic link`, 'replace the link with the file itself', entry);
      if (stat.isDirectory()) {
        budget.entry(entry);
        await makeStagedFolder(root, entry);
        await walk(full, entry);
      } else if (stat.isFile()) {
        budget.entry(entry);
        const count = budget.file(entry, stat.size);
        const chunks: Buffer[] = [];
        // Counted as read, not from stat: a file growing while we copy still stops at the cap.
        for await (const chunk of createReadStream(full) as AsyncIterable<Buffer>) {
          count(chunk.length);
          chunks.push(chunk);
        }
        await writeStagedFile(root, entry, Buffer.concat(chunks));
      } else {
        throw new PackInstallError(`refused ${shownEntry(entry)}: it is a device, socket or pipe`, 'a pack holds only plain files and folders', entry);
      }
    }
  };
  await walk(from, '');
}
