/**
 * Which of Pushback's files a path names, from its name alone. A `.hbs` file is
 * only a template when a `pushback-pack.json` sits in its folder or above; the
 * caller checks that, since it needs the file system.
 */
export type PushbackFileKind = 'capacity' | 'request' | 'packManifest' | 'template';

export const PACK_MANIFEST_NAME = 'pushback-pack.json';

export function pushbackFileKind(file: string): PushbackFileKind | undefined {
  const name = file.split(/[\\/]/).pop() ?? '';
  if (/\.capacity\.(json|ya?ml)$/i.test(name)) return 'capacity';
  if (/\.request\.(json|ya?ml)$/i.test(name)) return 'request';
  if (name === PACK_MANIFEST_NAME) return 'packManifest';
  if (/\.hbs$/i.test(name)) return 'template';
  return undefined;
}
