import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { PackInstallError, UnpackBudget, makeStagedFolder, safeEntryPath, writeStagedFile } from './unpackBudget';

const REFUSED_TYPES: Record<string, string> = {
  SymbolicLink: 'a symbolic link',
  Link: 'a hard link',
  CharacterDevice: 'a character device',
  BlockDevice: 'a block device',
  FIFO: 'a named pipe',
};

/**
 * Unpack a `.tgz` (or plain `.tar`) into `root`, an empty staging folder. tar's own
 * extractor would create links and devices and trusts more than we want, so this
 * only parses (tar.Parser with onReadEntry) and writes plain files itself, checking
 * every name and counting every byte as it arrives.
 */
export async function unpackTgz(file: string, root: string, budget: UnpackBudget, gzipped = true): Promise<void> {
  // Headers and padding are not counted by the entries: cap the whole tar stream too, so a
  // gzip of endless zero blocks cannot keep us inflating.
  const maxTarBytes = budget.limits.maxPackBytes + (budget.limits.maxEntries + 2) * 1536 + 10240;
  const writes: Promise<void>[] = [];
  // An entry cut off mid-stream never ends: a refusal settles them all, so nothing waits forever.
  const settleOnFailure: (() => void)[] = [];
  const parsed = new Promise<void>((resolve, reject) => {
    let failed = false;
    const source = createReadStream(file);
    const gunzip = gzipped ? createGunzip() : undefined;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      settleOnFailure.forEach((settle) => settle());
      source.destroy();
      gunzip?.destroy();
      reject(error instanceof PackInstallError ? error : new PackInstallError(`not a valid ${gzipped ? '.tgz' : '.tar'} archive (${(error as Error).message})`, 'check that the file is a complete archive'));
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        if (failed) return void entry.resume();
        try {
          writes.push(unpackEntry(entry, root, budget, fail, settleOnFailure).catch((error) => fail(error)));
        } catch (error) {
          entry.resume();
          fail(error);
        }
      },
    });
    parser.on('error', fail);
    parser.on('end', () => {
      if (!failed) resolve();
    });
    let tarBytes = 0;
    const tar = gunzip ? source.pipe(gunzip) : source;
    tar.on('error', fail);
    tar.on('data', (chunk: Buffer) => {
      if (failed) return;
      tarBytes += chunk.length;
      if (tarBytes > maxTarBytes) return fail(new PackInstallError('the archive unpacks to far more data than its files hold', 'the archive is malformed or a decompression bomb; do not install it'));
      if (!parser.write(chunk)) {
        tar.pause();
        parser.once('drain', () => tar.resume());
      }
    });
    tar.on('end', () => {
      if (!failed) parser.end();
    });
  });
  try {
    await parsed;
  } finally {
    // Even after a refusal, let writes in flight finish, so none lands after the caller removes the staging folder.
    await Promise.allSettled(writes);
  }
}

/** Checks an entry synchronously (throwing stops the parse at once), then collects its data. */
function unpackEntry(entry: ReadEntry, root: string, budget: UnpackBudget, fail: (error: unknown) => void, settleOnFailure: (() => void)[]): Promise<void> {
  const raw = entry.path;
  const name = safeEntryPath(raw);
  const refused = REFUSED_TYPES[entry.type];
  if (refused) throw new PackInstallError(`refused ${JSON.stringify(raw)}: it is ${refused}`, 'a pack holds only plain files and folders', raw);
  if (entry.type === 'Directory') {
    budget.entry(raw);
    entry.resume();
    return makeStagedFolder(root, name);
  }
  if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
    throw new PackInstallError(`refused ${JSON.stringify(raw)}: unsupported entry type ${entry.type}`, 'a pack holds only plain files and folders', raw);
  }
  budget.entry(raw);
  const count = budget.file(name, entry.size);
  const chunks: Buffer[] = [];
  return new Promise<void>((resolve) => {
    let stopped = false;
    let ended = false;
    // Only an entry still receiving data is cut off; one being written settles when its write does.
    settleOnFailure.push(() => {
      if (ended) return;
      stopped = true;
      resolve();
    });
    entry.on('data', (chunk: Buffer) => {
      if (stopped) return;
      try {
        count(chunk.length);
        chunks.push(chunk);
      } catch (error) {
        stopped = true;
        fail(error);
      }
    });
    entry.on('end', () => {
      ended = true;
      if (stopped || name === '') return resolve();
      writeStagedFile(root, name, Buffer.concat(chunks)).then(resolve, (error) => {
        fail(error);
        resolve();
      });
    });
  });
}
