import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isFileExistsError, writeFileAtomic } from '../../src/node/writeFileAtomic';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pushback-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a file by default, leaving no temporary file behind', async () => {
    const file = path.join(dir, 'reply.md');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    assert.equal(readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['reply.md']);
  });

  it('with overwrite: false, writes a new name but refuses a taken one with EEXIST, keeping the file as it was', async () => {
    const file = path.join(dir, 'decision.json');
    await writeFileAtomic(file, new TextEncoder().encode('first'), { overwrite: false });
    assert.equal(readFileSync(file, 'utf8'), 'first');
    const error = await writeFileAtomic(file, 'second', { overwrite: false }).then(() => undefined, (e: unknown) => e);
    assert.ok(isFileExistsError(error), String(error));
    assert.equal(readFileSync(file, 'utf8'), 'first');
    assert.deepEqual(readdirSync(dir), ['decision.json']);
  });

  it('fails in a folder that does not exist, and the failure is not taken for a name clash', async () => {
    const error = await writeFileAtomic(path.join(dir, 'missing', 'x.md'), 'x').then(() => undefined, (e: unknown) => e);
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOENT');
    assert.equal(isFileExistsError(error), false);
    assert.equal(isFileExistsError(undefined), false);
  });
});
