import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/**
 * Write through a temporary file in the same folder, then move it into place, so
 * an interrupted write never leaves half a file where a reader (the Decisions view,
 * `pushback decisions`, a mail client) would find it. With `overwrite: false` the
 * file is linked into place, which fails with EEXIST (see {@link isFileExistsError})
 * when the name has been taken meanwhile; the temporary file is removed either way.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array, { overwrite = true }: { overwrite?: boolean } = {}): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await fsp.writeFile(temporary, content);
    if (overwrite) await fsp.rename(temporary, file);
    else await fsp.link(temporary, file);
  } finally {
    await fsp.rm(temporary, { force: true });
  }
}

export function isFileExistsError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}
