import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { PACK_MANIFEST } from '../core/pack/packManifest';

/** The built-in pack: `templates/` at the package root, found from wherever this code runs (src/, dist/, out/). */
export function builtinPackDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, PACK_MANIFEST))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('the built-in templates folder is missing from this installation');
}

/** The built-in pack's sample: Northwind's request and team, what a draft starts from when nothing else is chosen. */
export function builtinSample(packDir = builtinPackDir()): { requestFile: string; capacityFile: string } {
  const dir = path.join(packDir, 'sample');
  return { requestFile: path.join(dir, 'northwind.request.yaml'), capacityFile: path.join(dir, 'northwind.capacity.yaml') };
}
