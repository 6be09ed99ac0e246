import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { PackInstallError, UnpackBudget, makeStagedFolder, safeEntryPath, shownEntry, writeStagedFile } from './unpackBudget';

const REFUSED_TYPES: Record<string, string> = {
  SymbolicLink: 'a symbolic link',
  Link: 'a hard link',
  CharacterDevice: 'a character device',
  BlockDevice: 'a block device',
  FIFO: 'a named pipe',
};

/** How an unpacked file is written (a test can slow it down or make it fail). */
export type StagedWrite = typeof writeStagedFile;

/**
 * Unpack a `.tgz` (or plain `.tar`) into `root`, an empty staging folder. tar's own
 * extractor would create links and devices and trusts more than we want, so this
 * only parses (tar.Parser with onReadEntry) and writes plain files itself, checking
 * every name and counting every byte as it arrives.
 */
export async function unpackTgz(file: string, root: string, budget: UnpackBudget, gzipped = true, write: StagedWrite = writeStagedFile): Promise<void> {
  // Headers and padding are not counted by the entries: cap the whole tar stream too, so a
  // gzip of endless zero blocks cannot keep us inflating.
  const maxTarBytes = budget.limits.maxPackBytes + (budget.limits.maxEntries + 2) * 1536 + 10240;
  const writes: Promise<void>[] = [];
  // An entry cut off mid-stream never ends: a refusal settles them all, so nothing waits forever.
  const settleOnFailure: (() => void)[] = [];
  // The first failure, whenever it happens: a write may fail after the parser has finished.
  let failure: PackInstallError | undefined;
  let stopParsing: (error: PackInstallError) => void = () => {};
  const fail = (error: unknown) => {
    if (failure) return;
    failure = error instanceof PackInstallError ? error : new PackInstallError(`not a valid ${gzipped ? '.tgz' : '.tar'} archive (${(error as Error).message})`, 'check that the file is a complete archive');
    settleOnFailure.forEach((settle) => settle());
    stopParsing(failure);
  };
  const parsed = new Promise<void>((resolve, reject) => {
    const source = createReadStream(file);
    const gunzip = gzipped ? createGunzip() : undefined;
    stopParsing = (error) => {
      source.destroy();
      gunzip?.destroy();
      reject(error);
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        if (failure) return void entry.resume();
        try {
          writes.push(unpackEntry(entry, root, budget, fail, settleOnFailure, write).catch((error) => fail(error)));
        } catch (error) {
          entry.resume();
          fail(error);
        }
      },
    });
    parser.on('error', fail);
    parser.on('end', () => {
      if (!failure) resolve();
    });
    let tarBytes = 0;
    const tar = gunzip ? source.pipe(gunzip) : source;
    tar.on('error', fail);
    tar.on('data', (chunk: Buffer) => {
      if (failure) return;
      tarBytes += chunk.length;
      if (tarBytes > maxTarBytes) return fail(new PackInstallError('the archive unpacks to far more data than its files hold', 'the archive is malformed or a decompression bomb; do not install it'));
      if (!parser.write(chunk)) {
        tar.pause();
        parser.once('drain', () => tar.resume());
      }
    });
    tar.on('end', () => {
      if (!failure) parser.end();
    });
  });
  try {
    await parsed;
  } finally {
    // Every write finishes (or fails) before this returns: none lands after the caller swaps the pack in or removes the staging folder.
    await Promise.allSettled(writes);
  }
  if (failure) throw failure;
}

/** Checks an entry synchronously (throwing stops the parse at once), then collects its data. */
function unpackEntry(entry: ReadEntry, root: string, budget: UnpackBudget, fail: (error: unknown) => void, settleOnFailure: (() => void)[], write: StagedWrite): Promise<void> {
  const raw = entry.path;
  const name = safeEntryPath(raw);
  const refused = REFUSED_TYPES[entry.type];
  if (refused) throw new PackInstallError(`refused ${shownEntry(raw)}: it is ${refused}`, 'a pack holds only plain files and folders', raw);
  if (entry.type === 'Directory') {
    budget.entry(raw);
    entry.resume();
    return makeStagedFolder(root, name);
  }
  if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
    throw new PackInstallError(`refused ${shownEntry(raw)}: unsupported entry type ${entry.type}`, 'a pack holds only plain files and folders', raw);
  }
  budget.entry(raw);
  if (name !== '') budget.claim(name, raw);
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
      write(root, name, Buffer.concat(chunks)).then(resolve, (error) => {
        fail(error);
        resolve();
      });
    });
  });
}
