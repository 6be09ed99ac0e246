/**
 * npm run test:ui — runs every UI test in test/ui/ (`*.ui.ts`, found in the folder, so a new
 * one runs without being listed), one after another, each in its own process; prints a
 * summary and exits 1 if any failed.
 *
 *   npx tsx test/host/runUi.ts        (needs npm run build)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './codeServer';

const UI_DIR = path.join(REPO_ROOT, 'test', 'ui');

export function uiTests(dir = UI_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.ui.ts'))
    .sort();
}

function main(): number {
  const results = uiTests().map((file) => {
    process.stdout.write(`\n== ${file}\n`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(UI_DIR, file)], { stdio: 'inherit', cwd: REPO_ROOT });
    return { file, code: run.status ?? 1 };
  });
  process.stdout.write('\n== UI tests\n');
  for (const r of results) process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.file}${r.code === 0 ? '' : `  (exit ${r.code})`}\n`);
  return results.every((r) => r.code === 0) ? 0 : 1;
}

if (require.main === module) process.exit(main());
