import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

/**
 * Caps on what installing one pack may write. A pack is a few templates and
 * examples (the built-in one is under 100 KB); anything near these is a mistake
 * or an attack, and is refused while unpacking, not after the disk has filled.
 */
export interface InstallLimits {
  maxPackBytes: number;
  maxFileBytes: number;
  /** Files and folders together. */
  maxEntries: number;
}

export const INSTALL_LIMITS: InstallLimits = { maxPackBytes: 5 * 1024 * 1024, maxFileBytes: 1024 * 1024, maxEntries: 500 };

/** Why an install stopped; `entry` names the archive member or file at fault. */
export class PackInstallError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'PackInstallError';
  }
}

const REFUSED_HINT = 'a pack holds only plain files and folders inside itself; ask its author for a clean archive';

/**
 * The entry's path as plain relative segments joined by `/`, or a refusal. Checked
 * here rather than trusting the archive library, so zip, tar and folders get the
 * same rules and the same words. `''` is the archive's root (`./`), to be skipped.
 */
export function safeEntryPath(raw: string): string {
  const refuse = (why: string) => new PackInstallError(`refused ${shownEntry(raw)}: ${why}`, REFUSED_HINT, raw);
  if (raw.includes('\0')) throw refuse('the name contains a NUL character');
  // A backslash is a separator on Windows: "..\\evil" must not slip past a "/" split.
  if (raw.includes('\\')) throw refuse('the name contains a backslash');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw refuse('absolute paths would write outside the pack');
  // A colon names an NTFS alternate stream or a drive; no template needs one.
  if (raw.includes(':')) throw refuse('the name contains a colon');
  const segments = raw.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw refuse('".." would write outside the pack');
  // Refused by name, before the file system answers ENAMETOOLONG half-way through an install.
  if (segments.some((segment) => Buffer.byteLength(segment) > MAX_NAME_BYTES)) throw refuse(`a name in it is longer than ${MAX_NAME_BYTES} bytes`);
  if (segments.length > MAX_DEPTH) throw refuse(`it is nested more than ${MAX_DEPTH} folders deep`);
  const joined = segments.join('/');
  if (Buffer.byteLength(joined) > MAX_PATH_BYTES) throw refuse(`the path is longer than ${MAX_PATH_BYTES} bytes`);
  return joined;
}

/** What common file systems allow for one name; deeper or longer than a pack ever needs for the rest. */
const MAX_NAME_BYTES = 255;
const MAX_DEPTH = 16;
const MAX_PATH_BYTES = 512;

/** An entry's name in a message: quoted, control characters escaped, and cut when very long. */
export function shownEntry(raw: string): string {
  return JSON.stringify(shortEntry(raw));
}

/** A name of 300 characters or a path 2,000 folders deep, cut to its start and end. */
export function shortEntry(raw: string): string {
  return raw.length > 80 ? `${raw.slice(0, 60)}…${raw.slice(-19)}` : raw;
}

/** Counts entries and bytes across one install; each method throws at the first unit over a cap. */
export class UnpackBudget {
  private entries = 0;
  private bytes = 0;
  private readonly files = new Set<string>();

  constructor(readonly limits: InstallLimits = INSTALL_LIMITS) {}

  /**
   * Claim a file's path (as safeEntryPath returns it), refusing the second entry of the
   * same name: which of two copies would land must never depend on timing or order.
   */
  claim(name: string, raw = name): void {
    if (this.files.has(name)) throw new PackInstallError(`refused ${shownEntry(raw)}: the archive holds two entries of that name`, REFUSED_HINT, raw);
    this.files.add(name);
  }

  entry(name: string): void {
    if (++this.entries > this.limits.maxEntries) {
      throw new PackInstallError(`more than ${this.limits.maxEntries} files and folders`, 'a pack is a handful of templates; check that the right folder or archive was chosen', name);
    }
  }

  /** A counter for one file's bytes; `declared` is what the archive header claims, refused early when already too big. */
  file(name: string, declared = 0): (chunk: number) => void {
    let own = 0;
    const check = (size: number) => {
      if (size > this.limits.maxFileBytes) throw new PackInstallError(`${name} is larger than ${formatBytes(this.limits.maxFileBytes)}`, 'templates and examples are small text files; leave large files out of the pack', name);
    };
    check(declared);
    return (chunk) => {
      own += chunk;
      this.bytes += chunk;
      check(own);
      if (this.bytes > this.limits.maxPackBytes) throw new PackInstallError(`the pack is larger than ${formatBytes(this.limits.maxPackBytes)}`, 'leave large files out of the pack', name);
    };
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/**
 * Write one unpacked file under `root`. `wx` refuses to overwrite (an archive naming
 * a file twice) and, with O_EXCL, never follows a symlink at the target; nothing
 * this code writes is a symlink, so no earlier entry can redirect a later one.
 */
export async function writeStagedFile(root: string, relative: string, data: Buffer): Promise<void> {
  const target = path.join(root, ...relative.split('/'));
  const inside = path.relative(root, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) throw new PackInstallError(`refused ${shownEntry(relative)}: outside the pack`, REFUSED_HINT, relative);
  try {
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, data, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new PackInstallError(`refused ${shownEntry(relative)}: it clashes with another entry of the same name`, REFUSED_HINT, relative);
    }
    throw stagingError(error, relative);
  }
}

/** A file system refusal while staging (a name too long for this disk, a full disk) as a refusal naming the entry. */
function stagingError(error: unknown, relative: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENAMETOOLONG') return new PackInstallError(`refused ${shownEntry(relative)}: the path is too long for this file system`, 'ask the pack author for shorter file names', relative);
  if (typeof code === 'string') return new PackInstallError(`cannot write ${shownEntry(relative)} (${code})`, 'check the free space and permissions of the packs folder', relative);
  return error;
}

export async function makeStagedFolder(root: string, relative: string): Promise<void> {
  if (relative === '') return;
  try {
    await fsp.mkdir(path.join(root, ...relative.split('/')), { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw stagingError(error, relative);
    throw new PackInstallError(`refused ${shownEntry(relative)}: it clashes with another entry of the same name`, REFUSED_HINT, relative);
  }
}
