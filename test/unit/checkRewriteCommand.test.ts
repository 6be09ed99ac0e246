import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { packageRoot, runCli } from './fixtures/cli';
import { samplePath } from './fixtures/sample';

describe('pushback check-rewrite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pushback-rewrite-'));
  const original = path.join(packageRoot, 'templates/examples/yes-and-tradeoffs.md');
  const reply = readFileSync(original, 'utf8');
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const data = ['--request', samplePath('northwind.request.yaml'), '--capacity', samplePath('northwind.capacity.yaml')];

  it('exits 0 with "all N figures kept" for a rewrite that keeps them in other forms', async () => {
    const rewrite = write('kept.md', reply.replace('($49,300)', '(49,300 USD)').replace('know by Mon 11 Jan 2027', 'know by January 11, 2027').replace(/\n\n/g, '\n\n\n'));
    const { code, stdout } = await runCli('check-rewrite', original, rewrite, ...data);
    assert.equal(code, 0);
    assert.match(stdout, /^pushback: all 74 figures kept, and all 15 key figures\.\n$/);
  });

  it('exits 1 listing each difference with its file, line and column', async () => {
    const rewrite = write('changed.md', 'Hi Dana,\n\nThe work is 45 days and takes us to 110%.\nFunding 1 FTE costs $49,300; Priya Raman tells Elena Petrova by Mon 11 Jan 2027.\n');
    const { code, stdout } = await runCli('check-rewrite', original, rewrite, ...data);
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.equal(lines[0], `${rewrite}:3:37: changed: percentage "110%" is not in the original: changed or invented (use the original's figure, or leave it out)`);
    assert.equal(lines[1], `${rewrite}:4:30: changed: name "Priya Raman" is not in the original: changed or invented (use the original's figure, or leave it out)`);
    assert.match(stdout, new RegExp(`${original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: missing: the utilization after, 108%, is missing from the rewrite \\(state it in the rewrite\\)`));
    assert.match(stdout, /missing: the delayed item OPS-301, OPS-301, is missing/);
    assert.match(lines[lines.length - 1], /^pushback: \d+ differences: the rewrite does not keep the reply's figures\.$/);
  });

  it('prints JSON with --format json, and checks the two texts alone without data', async () => {
    const rewrite = write('alone.md', reply.replace('108%', '109%'));
    const { code, stdout } = await runCli('check-rewrite', original, rewrite, '--format', 'json');
    assert.equal(code, 1);
    const result = JSON.parse(stdout);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.differences.map((d: { kind: string; text: string; file: string }) => [d.kind, d.text, d.file]),
      [
        ['changed', '109%', rewrite],
        ['missing', '108%', original],
      ],
    );
    const same = await runCli('check-rewrite', original, original);
    assert.equal(same.code, 0);
    assert.match(same.stdout, /all 70 figures kept.*names not checked/);
  });

  it('reports a file it cannot read as a problem, and wrong usage with exit 2', async () => {
    const missing = await runCli('check-rewrite', original, path.join(dir, 'nope.md'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.md:1:1: cannot be read \(check the path\)/);
    assert.equal((await runCli('check-rewrite', original)).code, 2);
    assert.equal((await runCli('check-rewrite', original, original, '--format', 'xml')).code, 2);
    assert.equal((await runCli('check-rewrite', original, original, '--request', samplePath('northwind.request.yaml'))).code, 2);
    const broken = await runCli('check-rewrite', original, original, '--request', path.join(packageRoot, 'test/fixtures/data/broken.request.yaml'), '--capacity', samplePath('northwind.capacity.yaml'));
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken\.request\.yaml:4:13: effortDays/);
    assert.match((await runCli('check-rewrite', '--help')).stdout, /^pushback check-rewrite ORIGINAL\.md REWRITE\.md/);
  });
});
