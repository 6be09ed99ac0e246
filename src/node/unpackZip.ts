import yauzl from 'yauzl';
import { PackInstallError, UnpackBudget, makeStagedFolder, safeEntryPath, shownEntry, writeStagedFile } from './unpackBudget';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** Unix file types a zip made on Unix records in the high bits of its external attributes. */
const REFUSED_TYPES: Record<number, string> = {
  0o120000: 'a symbolic link',
  0o020000: 'a character device',
  0o060000: 'a block device',
  0o010000: 'a named pipe',
  0o140000: 'a socket',
};

/**
 * Unpack a zip into `root` (an empty staging folder), one entry at a time and
 * streaming, refusing anything that is not a plain file or folder inside the pack
 * and stopping at the first byte over a cap. The archive's own sizes are not
 * trusted: yauzl checks each entry against its header, and we count what arrives.
 */
export async function unpackZip(file: string, root: string, budget: UnpackBudget): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded and checked by us (decodeStrings: false), so every refusal uses the same rules and words.
    zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (error) {
    throw new PackInstallError(`not a readable zip archive (${(error as Error).message})`, 'check that the file is a complete .zip');
  }
  try {
    // The central directory says how many entries follow: refuse before reading any of them.
    if (zip.entryCount > budget.limits.maxEntries) {
      throw new PackInstallError(`more than ${budget.limits.maxEntries} files and folders (the archive lists ${zip.entryCount})`, 'a pack is a handful of templates; check that the right archive was chosen');
    }
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(zipError(error)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        unpackEntry(zip, entry, root, budget).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

async function unpackEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, root: string, budget: UnpackBudget): Promise<void> {
  const raw = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
  const name = safeEntryPath(raw);
  // Zips made on Windows leave the type bits at 0: then the trailing "/" alone says "folder".
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    throw new PackInstallError(`refused ${shownEntry(raw)}: it is ${REFUSED_TYPES[type] ?? 'not a plain file or folder'}`, 'a pack holds only plain files and folders', raw);
  }
  budget.entry(raw);
  if (raw.endsWith('/') || type === S_IFDIR) return makeStagedFolder(root, name);
  if (name === '') return;
  budget.claim(name, raw);
  if (entry.isEncrypted()) throw new PackInstallError(`refused ${shownEntry(raw)}: it is encrypted`, 'export the pack without a password', raw);
  const count = budget.file(name, entry.uncompressedSize);
  const chunks: Buffer[] = [];
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      count(chunk.length);
      chunks.push(chunk);
    }
  } catch (error) {
    throw zipError(error as Error, raw);
  }
  await writeStagedFile(root, name, Buffer.concat(chunks));
}

function zipError(error: Error, entry?: string): Error {
  if (error instanceof PackInstallError) return error;
  if (/too many bytes in the stream/.test(error.message)) {
    return new PackInstallError(`refused ${shownEntry(entry ?? '')}: it holds more data than its header declares`, 'the archive is malformed or a zip bomb; do not install it', entry);
  }
  return new PackInstallError(`not a valid zip archive (${error.message})`, 'check that the file is a complete .zip', entry);
}
