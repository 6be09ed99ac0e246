import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { type TemplatePack, loadPack } from '../core/pack/loadPack';
import { PACK_MANIFEST, packFolderName } from '../core/pack/packManifest';
import { type Problem, type Result, failed, ok } from '../core/problems';
import { nodeFileSystem } from './nodeFileSystem';
import { copyPackFolder } from './copyPackFolder';
import { SHA256, downloadPack } from './downloadPack';
import { NPM_PACKAGE_SPEC, type NpmRunner, npmPack } from './npmPack';
import { INSTALL_LIMITS, type InstallLimits, PackInstallError, UnpackBudget, shortEntry } from './unpackBudget';
import { unpackTgz } from './unpackTgz';
import { unpackZip } from './unpackZip';
import { sha256OfFile } from './packExport';

export interface InstallOptions {
  /** The packs folder; each pack gets its own folder in it, named after its id. Created when missing. */
  into: string;
  /** Required for URLs; checked for local archives when given. */
  sha256?: string;
  /** Refuse a pack whose engines.pushback excludes this version. */
  pushbackVersion?: string;
  limits?: InstallLimits;
  /** How to run npm (tests, or an npm path from settings); default: `npm` on PATH. */
  npm?: NpmRunner;
}

export interface InstalledPack {
  pack: TemplatePack;
  dir: string;
  /** The version this install replaced, when one was there. */
  previousVersion?: string;
}

export type PackSourceKind = 'folder' | 'archive' | 'url' | 'npm';

/**
 * Install a pack from a folder, a `.zip`, a `.tgz`, an HTTPS URL (with its sha256)
 * or an npm package name. Everything is unpacked into a staging folder inside
 * `into` (same disk, so the final move is a rename), loaded and validated there,
 * and only then swapped in: a refused or broken pack leaves the installed version
 * exactly as it was.
 */
export async function installPack(source: string, options: InstallOptions): Promise<Result<InstalledPack>> {
  const limits = options.limits ?? INSTALL_LIMITS;
  const intoProblem = await preparePacksFolder(options.into);
  if (intoProblem) return failed([intoProblem]);
  await removeStaleStaging(options.into);
  const work = await fsp.mkdtemp(path.join(options.into, '.install-'));
  const label = (relative: string) => `${source}!/${relative}`;
  try {
    const kind = await sourceKind(source);
    const unpacked = path.join(work, 'unpacked');
    await fsp.mkdir(unpacked);
    const budget = new UnpackBudget(limits);
    if (kind === 'folder') {
      await copyPackFolder(source, unpacked, budget, [options.into]);
    } else {
      const archive = await fetchArchive(source, kind, work, options, limits);
      if (options.sha256 !== undefined && kind !== 'url') await checkSha256(archive, options.sha256, source);
      const format = await archiveFormat(archive, source);
      if (format === 'zip') await unpackZip(archive, unpacked, budget);
      else await unpackTgz(archive, unpacked, budget, format === 'tgz');
    }
    const root = await packRoot(unpacked, source);
    const loaded = await loadPack(nodeFileSystem, root, { pushbackVersion: options.pushbackVersion });
    if (!loaded.ok) {
      const where = (file: string) => (kind === 'folder' ? path.join(source, path.relative(root, file)) : label(path.relative(root, file).split(path.sep).join('/')));
      return failed(loaded.problems.map((p) => ({ ...p, file: p.file.startsWith(root) ? where(p.file) : p.file })));
    }
    const dir = path.join(options.into, packFolderName(loaded.value.manifest.id));
    const previousVersion = await installedVersion(dir);
    await swapInto(root, dir, path.join(work, 'previous'));
    const installed = await loadPack(nodeFileSystem, dir, { pushbackVersion: options.pushbackVersion });
    if (!installed.ok) return installed;
    return ok({ pack: installed.value, dir, ...(previousVersion ? { previousVersion } : {}) });
  } catch (error) {
    if (error instanceof PackInstallError) return failed([installProblem(source, error)]);
    throw error;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

/** Remove an installed pack by id. */
export async function uninstallPack(into: string, id: string): Promise<Result<{ dir: string }>> {
  const dir = path.join(into, packFolderName(id));
  const exists = await fsp.stat(path.join(dir, PACK_MANIFEST)).then(() => true, () => false);
  if (!exists) return failed([{ file: dir, line: 1, column: 1, path: '', message: `${id} is not installed here`, hint: 'list the installed packs to see their ids' }]);
  // Renamed out of the way first, so a half-deleted pack is never loaded.
  const trash = `${path.join(into, '.uninstall-')}${process.pid}-${Date.now()}`;
  await fsp.rename(dir, trash);
  await fsp.rm(trash, { recursive: true, force: true });
  return ok({ dir });
}

/** The pack folders under a packs folder (staging folders start with "." and are skipped). */
export async function installedPackDirs(into: string): Promise<string[]> {
  const names = await fsp.readdir(into).catch(() => [] as string[]);
  const dirs: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const dir = path.join(into, name);
    if (await fsp.stat(path.join(dir, PACK_MANIFEST)).then((s) => s.isFile(), () => false)) dirs.push(dir);
  }
  return dirs;
}

export async function sourceKind(source: string): Promise<PackSourceKind> {
  if (/^https?:\/\//i.test(source)) return 'url';
  const stat = await fsp.stat(source).catch(() => undefined);
  if (stat?.isDirectory()) return 'folder';
  if (stat?.isFile()) return 'archive';
  if (NPM_PACKAGE_SPEC.test(source)) return 'npm';
  throw new PackInstallError('no such file or folder, and not an npm package name', 'give a folder, a .zip or .tgz, an https:// URL with --sha256, or a package name like @acme/replies', source);
}

async function fetchArchive(source: string, kind: PackSourceKind, work: string, options: InstallOptions, limits: InstallLimits): Promise<string> {
  if (kind === 'url') {
    const file = path.join(work, 'download');
    // Compressed size is close to the content for small text packs; allow headroom for the archive's own overhead.
    await downloadPack(source, options.sha256, file, limits.maxPackBytes + 1024 * 1024);
    return file;
  }
  if (kind === 'npm') {
    const dir = path.join(work, 'npm');
    await fsp.mkdir(dir);
    return npmPack(source, dir, options.npm);
  }
  return source;
}

async function checkSha256(file: string, expected: string, source: string): Promise<void> {
  if (!SHA256.test(expected)) throw new PackInstallError(`"${expected}" is not a sha256 (64 hexadecimal digits)`, 'copy the whole sha256 the pack author published', source);
  const actual = await sha256OfFile(file);
  if (actual !== expected.toLowerCase()) throw new PackInstallError(`the archive's sha256 is ${actual}, not ${expected.toLowerCase()}`, 'the file changed or the hash is wrong: nothing was installed', source);
}

/** Sniffed from the first bytes, not the name: a URL or npm tarball need not say what it is. */
async function archiveFormat(file: string, source: string): Promise<'zip' | 'tgz' | 'tar'> {
  const handle = await fsp.open(file, 'r');
  const head = Buffer.alloc(512);
  try {
    await handle.read(head, 0, 512, 0);
  } finally {
    await handle.close();
  }
  if (head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'tgz';
  if (head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  throw new PackInstallError('not a .zip, .tgz or .tar archive', 'export the pack with "pushback pack export"', source);
}

/** The manifest's folder: the archive's top (zip export), or its one folder (npm's `package/`, a GitHub zip). */
async function packRoot(unpacked: string, source: string): Promise<string> {
  const isPack = (dir: string) => fsp.stat(path.join(dir, PACK_MANIFEST)).then((s) => s.isFile(), () => false);
  if (await isPack(unpacked)) return unpacked;
  const entries = await fsp.readdir(unpacked, { withFileTypes: true });
  if (entries.length === 1 && entries[0].isDirectory() && (await isPack(path.join(unpacked, entries[0].name)))) return path.join(unpacked, entries[0].name);
  throw new PackInstallError(`no ${PACK_MANIFEST} at the top of the pack or in its one folder`, `a pack is a folder with ${PACK_MANIFEST}; run "pushback pack new" to make one`, source);
}

async function installedVersion(dir: string): Promise<string | undefined> {
  const text = await fsp.readFile(path.join(dir, PACK_MANIFEST), 'utf8').catch(() => undefined);
  try {
    return text === undefined ? undefined : String((JSON.parse(text) as { version?: unknown }).version ?? '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Move the new pack into place. A folder cannot be renamed over a non-empty one, so
 * the old version is renamed aside first and put back if the second rename fails:
 * at every moment there is a complete pack at `dir`, or briefly none, never a mix.
 */
async function swapInto(staged: string, dir: string, aside: string): Promise<void> {
  const hadPrevious = await fsp.stat(dir).then(() => true, () => false);
  if (hadPrevious) await renameWithRetry(dir, aside);
  try {
    await renameWithRetry(staged, dir);
  } catch (error) {
    if (hadPrevious) await renameWithRetry(aside, dir);
    throw error;
  }
}

/** Windows briefly locks folders that a virus scanner or file watcher is reading. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fsp.rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** Staging folders left by an install that was killed part-way (older than an hour, so never a running one). */
async function removeStaleStaging(into: string): Promise<void> {
  for (const name of await fsp.readdir(into).catch(() => [] as string[])) {
    if (!name.startsWith('.install-') && !name.startsWith('.uninstall-')) continue;
    const stat = await fsp.stat(path.join(into, name)).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > 3_600_000) await fsp.rm(path.join(into, name), { recursive: true, force: true });
  }
}

/** The packs folder, created when missing; a problem (not a crash) when it is a file or cannot be made. */
async function preparePacksFolder(into: string): Promise<Problem | undefined> {
  try {
    await fsp.mkdir(into, { recursive: true });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'EEXIST' || code === 'ENOTDIR' ? 'is not a folder (a file has that name)' : `cannot be created (${code ?? (error as Error).message})`;
    return { file: into, line: 1, column: 1, path: '', message, hint: 'install into a folder: name a new or existing folder with --into' };
  }
}

function installProblem(source: string, error: PackInstallError): Problem {
  const file = error.entry && error.entry !== source ? `${source}!/${shortEntry(error.entry)}` : source;
  return { file, line: 1, column: 1, path: '', message: error.message, hint: error.hint };
}
