import { type Confinement, ConfinementError, confinedFileSystem } from '../confinedFiles';
import type { FileSystem } from '../fileSystem';
import { PACK_MANIFEST } from './packManifest';

/** The largest file a pack may hold, read in place or installed: templates and examples are small text. */
export const PACK_FILE_MAX_BYTES = 1024 * 1024;

/**
 * The files of the pack in `dir`, as the pack's own code paths must read them: only
 * regular files inside the pack, through no symbolic link (a pack used in place is
 * held to the rule `pack install` applies), each at most PACK_FILE_MAX_BYTES.
 */
export function packConfinement(fs: FileSystem, dir: string): Confinement {
  return { root: fs.resolve(manifestPath(dir), '.'), links: 'none', maxBytes: PACK_FILE_MAX_BYTES, label: 'the pack' };
}

export function confinedPackFiles(fs: FileSystem, dir: string): FileSystem {
  return confinedFileSystem(fs, packConfinement(fs, dir));
}

/** `dir/pushback-pack.json`, as the user named the folder (problems quote it that way). */
export function manifestPath(dir: string): string {
  return `${dir.replace(/[\\/]$/, '')}/${PACK_MANIFEST}`;
}

/** Why a file the pack names could not be read, completing "<relative> …". */
export function unreadableReason(error: unknown): { reason: string; hint?: string } {
  if (error instanceof ConfinementError) return { reason: error.reason, hint: error.hint };
  return { reason: 'does not exist' };
}
