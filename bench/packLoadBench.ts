import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadPack } from '../src/core/pack/loadPack';
import { builtinPackDir } from '../src/node/builtinPack';
import { nodeFileSystem } from '../src/node/nodeFileSystem';

const PACKS = 20;
const TEMPLATES_PER_PACK = 50;

/** 20 packs of 50 templates each, written from the built-in pack's templates and partials. */
export function writePacks(root: string): string[] {
  const builtin = builtinPackDir();
  const manifest = JSON.parse(readFileSync(path.join(builtin, 'pushback-pack.json'), 'utf8'));
  const sources = manifest.templates.map((t: { file: string }) => readFileSync(path.join(builtin, t.file), 'utf8'));
  const dirs: string[] = [];
  for (let p = 0; p < PACKS; p++) {
    const dir = path.join(root, `pack-${p}`);
    mkdirSync(path.join(dir, 'partials'), { recursive: true });
    for (const file of Object.values(manifest.partials as Record<string, string>)) {
      writeFileSync(path.join(dir, file), readFileSync(path.join(builtin, file)));
    }
    const templates = [];
    for (let t = 0; t < TEMPLATES_PER_PACK; t++) {
      const source = sources[t % sources.length] as string;
      const file = `t${t}.hbs`;
      writeFileSync(path.join(dir, file), source.replace(/^id: .*$/m, `id: t${t}`));
      templates.push({ file });
    }
    writeFileSync(path.join(dir, 'pushback-pack.json'), JSON.stringify({ id: `@bench/pack-${p}`, name: `Pack ${p}`, version: '1.0.0', templates, partials: manifest.partials }));
    dirs.push(dir);
  }
  return dirs;
}

/** Reading the same files, concurrently as loadPack does, and nothing else. */
async function readAll(dirs: readonly string[]): Promise<number> {
  const files = dirs.flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.includes('.')).map((name) => path.join(dir, name)));
  const texts = await Promise.all(files.map((file) => fsp.readFile(file, 'utf8')));
  return texts.reduce((bytes, text) => bytes + text.length, 0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Loading 20 packs holding 1,000 templates as the extension does (front matter
 * read, each template compiled at its first render): cold, and incremental (one
 * template edited: its pack reloads), each against only reading the same files.
 */
export async function benchPackLoading(): Promise<Record<string, unknown>> {
  const root = mkdtempSync(path.join(tmpdir(), 'pushback-packs-'));
  try {
    const dirs = writePacks(root);
    const cold: number[] = [];
    const reads: number[] = [];
    for (let run = 0; run < 3; run++) {
      let t0 = performance.now();
      await readAll(dirs);
      reads.push(performance.now() - t0);
      t0 = performance.now();
      const loaded = await Promise.all(dirs.map((dir) => loadPack(nodeFileSystem, dir, { check: false })));
      cold.push(performance.now() - t0);
      if (loaded.some((result) => !result.ok)) throw new Error('a generated pack does not load');
    }
    const incremental: number[] = [];
    const readOne: number[] = [];
    const changed = path.join(dirs[7], 't3.hbs');
    for (let run = 0; run < 5; run++) {
      writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n`);
      let t0 = performance.now();
      await readAll([dirs[7]]);
      readOne.push(performance.now() - t0);
      t0 = performance.now();
      const reloaded = await loadPack(nodeFileSystem, dirs[7], { check: false });
      incremental.push(performance.now() - t0);
      if (!reloaded.ok) throw new Error('the edited pack does not load');
    }
    return {
      packs: PACKS,
      templates: PACKS * TEMPLATES_PER_PACK,
      coldMs: round(median(cold)),
      readingOnlyMs: round(median(reads)),
      coldToReadingRatio: round(median(cold) / median(reads)),
      incrementalMs: round(median(incremental)),
      incrementalReadingOnlyMs: round(median(readOne)),
      incrementalToReadingRatio: round(median(incremental) / median(readOne)),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
