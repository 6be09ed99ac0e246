import * as path from 'node:path';
import { PACK_MANIFEST } from '../core/pack/packManifest';

/**
 * Which of Pushback's files a path names, from its name alone. A `.hbs` file is
 * only a template when a `pushback-pack.json` sits in its folder or above; the
 * caller checks that, since it needs the file system.
 */
export type PushbackFileKind = 'capacity' | 'request' | 'packManifest' | 'template';


export function pushbackFileKind(file: string): PushbackFileKind | undefined {
  const name = file.split(/[\\/]/).pop() ?? '';
  if (/\.capacity\.(json|ya?ml)$/i.test(name)) return 'capacity';
  if (/\.request\.(json|ya?ml)$/i.test(name)) return 'request';
  if (name === PACK_MANIFEST) return 'packManifest';
  if (/\.hbs$/i.test(name)) return 'template';
  return undefined;
}

/** Whether `file` lies inside `folder` (at any depth). */
export function isInsideFolder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * In a restricted workspace Pushback reads only its own files (the sample, the
 * built-in pack), never the workspace's, until the folder is trusted.
 */
export function mayReadFile(file: string, extensionFolder: string, workspaceTrusted: boolean): boolean {
  return workspaceTrusted || isInsideFolder(file, extensionFolder);
}
