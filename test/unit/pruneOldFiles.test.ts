import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pruneOldFiles } from '../../src/node/pruneOldFiles';

describe('pruneOldFiles (the page templates cache)', () => {
  const DAY = 24 * 60 * 60 * 1000;
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'pushback-prune-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('deletes matching files older than the age, keeps recent ones, other names, folders and links', async () => {
    const now = Date.now();
    const at = (name: string, ageDays: number) => {
      writeFileSync(path.join(folder, name), 'x');
      const when = new Date(now - ageDays * DAY);
      utimesSync(path.join(folder, name), when, when);
    };
    at(`${'a'.repeat(64)}.js`, 40);
    at(`${'b'.repeat(64)}.js`, 2);
    at('notes.txt', 40);
    mkdirSync(path.join(folder, `${'c'.repeat(64)}.js`));
    symlinkSync(path.join(folder, 'notes.txt'), path.join(folder, `${'d'.repeat(64)}.js`));
    const deleted = await pruneOldFiles(folder, /^[0-9a-f]{64}\.js$/, 30 * DAY, now);
    assert.deepEqual(deleted, [`${'a'.repeat(64)}.js`]);
    assert.ok(existsSync(path.join(folder, `${'b'.repeat(64)}.js`)));
    assert.ok(existsSync(path.join(folder, 'notes.txt')));
    assert.ok(existsSync(path.join(folder, `${'c'.repeat(64)}.js`)));
  });

  it('treats a missing folder as empty', async () => {
    assert.deepEqual(await pruneOldFiles(path.join(folder, 'nope'), /.*/, 0), []);
  });
});
