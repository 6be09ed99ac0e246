import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create as createTar } from 'tar';
import yazl from 'yazl';
import { type PackManifest, packFolderName } from '../core/pack/packManifest';
import { SKIPPED_FOLDERS } from './copyPackFolder';
import { INSTALL_LIMITS, type InstallLimits, PackInstallError, UnpackBudget, safeEntryPath } from './unpackBudget';

/** npm's fixed timestamp for tarball entries: the same pack exports to the same bytes, so its sha256 is stable. */
export const REPRODUCIBLE_MTIME = new Date('1985-10-26T08:15:00.000Z');

export interface ExportedPack {
  file: string;
  files: string[];
  sha256: string;
}

/**
 * The files an export holds, as sorted `/` paths: everything in the pack folder
 * except dot-files, dependencies and earlier exports. Checked against the install
 * caps, so whatever exports also installs.
 */
export async function packFiles(dir: string, limits: InstallLimits = INSTALL_LIMITS): Promise<string[]> {
  const budget = new UnpackBudget(limits);
  const files: string[] = [];
  const walk = async (folder: string, relative: string): Promise<void> => {
    for (const name of (await fsp.readdir(folder)).sort()) {
      if (name.startsWith('.') || SKIPPED_FOLDERS.has(name) || /\.(zip|tgz)$/i.test(name)) continue;
      const entry = safeEntryPath(relative ? `${relative}/${name}` : name);
      const stat = await fsp.lstat(path.join(folder, name));
      if (stat.isSymbolicLink()) throw new PackInstallError(`${entry} is a symbolic link`, 'replace the link with the file itself: installs refuse links', entry);
      if (stat.isDirectory()) await walk(path.join(folder, name), entry);
      else if (stat.isFile()) {
        budget.entry(entry);
        budget.file(entry, stat.size)(stat.size);
        files.push(entry);
      }
    }
  };
  await walk(dir, '');
  return files;
}

/** `acme-finance-replies-1.2.0.zip`, as npm names `@acme/finance-replies`'s tarball. */
export function exportFileName(manifest: Pick<PackManifest, 'id' | 'version'>, extension: 'zip' | 'tgz'): string {
  return `${packFolderName(manifest.id).replace('__', '-')}-${manifest.version}.${extension}`;
}

/** A zip with the pack's files at its top, what "Install Template Pack…" and `pack install` take. */
export async function exportPackZip(dir: string, out: string, limits?: InstallLimits): Promise<ExportedPack> {
  const files = await packFiles(dir, limits);
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(await fsp.readFile(path.join(dir, ...file.split('/'))), file, { mtime: REPRODUCIBLE_MTIME, mode: 0o100644 });
  zip.end();
  await writeAtomically(out, (temporary) => pipeline(zip.outputStream, createWriteStream(temporary)));
  return { file: out, files, sha256: await sha256OfFile(out) };
}

/** The npm tarball (`package/…`), the same as `npm pack` makes but without running any of the package's scripts. */
export async function exportPackTarball(dir: string, out: string, limits?: InstallLimits): Promise<ExportedPack> {
  const files = await packFiles(dir, limits);
  await writeAtomically(out, (temporary) =>
    createTar({ gzip: true, cwd: dir, prefix: 'package', portable: true, mtime: REPRODUCIBLE_MTIME, noDirRecurse: true, file: temporary }, files),
  );
  return { file: out, files, sha256: await sha256OfFile(out) };
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Written beside the target and renamed into place: an interrupted export never leaves half an archive. */
async function writeAtomically(out: string, write: (temporary: string) => Promise<unknown>): Promise<void> {
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temporary);
    await fsp.rename(temporary, out);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw error;
  }
}
