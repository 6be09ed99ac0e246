import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { packageRoot, runBuiltCli, runCli } from './fixtures/cli';
import { workedExampleFiles } from './fixtures/workedExample';

const fixtures = path.resolve(__dirname, '../fixtures/data');

describe('the pushback command line', () => {
  it('drafts from the embedded sample with no flags', async () => {
    const { code, stdout } = await runCli('draft', '--today', '2027-01-04');
    assert.equal(code, 0);
    assert.equal(stdout, readFileSync(path.join(packageRoot, 'templates/examples/yes-and-tradeoffs.md'), 'utf8'));
  });

  it('prints {template, analysis, reply} with --format json', async () => {
    const { code, stdout } = await runCli('draft', '--format', 'json', '--today', '2027-01-04');
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.deepEqual(Object.keys(parsed), ['template', 'analysis', 'reply']);
    assert.equal(parsed.template.id, 'yes-and-tradeoffs');
    assert.equal(parsed.template.pack, '@pushback/builtin');
    assert.equal(parsed.analysis.horizonWorkingDays, 58);
    assert.match(parsed.reply, /^Hi Dana,/);
  });

  it('renders HTML and plain text', async () => {
    const html = await runCli('draft', '--format', 'html', '--today', '2027-01-04');
    assert.match(html.stdout, /<p style="[^"]+">Hi Dana,<\/p>/);
    assert.match(html.stdout, /<table style="[^"]+">/);
    const text = await runCli('draft', '--format', 'text', '--today', '2027-01-04');
    assert.doesNotMatch(text.stdout, /\*\*|\|/);
  });

  it('analyzes with exactly the Outputs table field names', async () => {
    const { code, stdout } = await runCli('analyze', '--request', workedExampleFiles.request, '--capacity', workedExampleFiles.capacity);
    assert.equal(code, 0);
    const analysis = JSON.parse(stdout);
    assert.deepEqual(Object.keys(analysis), [
      'availableDays', 'committedDays', 'utilizationBefore', 'utilizationAfter', 'overflowDays', 'horizonWorkingDays',
      'request', 'delays', 'totalCostOfDelay', 'funding', 'alternatives', 'informCio', 'warnings',
    ]);
    assert.deepEqual(analysis.funding, { extraFte: 0.4, fteRequested: 0.5, cost: 3000 });
  });

  it('lists templates as text and as JSON', async () => {
    const json = await runCli('templates', '--format', 'json');
    const rows = JSON.parse(json.stdout) as { id: string; pack: string }[];
    assert.ok(rows.some((r) => r.id === 'yes-and-tradeoffs'));
    assert.deepEqual(Object.keys(rows[0]), ['id', 'name', 'description', 'pack']);
    const text = await runCli('templates');
    assert.match(text.stdout, /^yes-and-tradeoffs\s+Yes, and — trade-offs — /m);
  });

  it('exits 1 with every problem as file:line:col for invalid input', async () => {
    const broken = path.join(fixtures, 'broken.request.yaml');
    const { code, stderr } = await runCli('draft', '--request', broken);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`${broken}:4:13: effortDays: must be greater than 0`));
    assert.match(stderr, new RegExp(`${broken}:5:11: neededBy: must be a real calendar date`));
    assert.match(stderr, new RegExp(`${broken}:6:1: colour: unknown field "colour"`));
    assert.match(stderr, /3 problems found; nothing was written\./);
    assert.doesNotMatch(stderr, /\bat .*\.ts:\d+/);
  });

  it('exits 2 for wrong usage, with the command\'s help', async () => {
    assert.equal((await runCli('draft', '--format', 'pdf')).code, 2);
    assert.equal((await runCli('draft', '--bogus')).code, 2);
    assert.equal((await runCli('analyze', '--request', 'x.json')).code, 2);
    assert.equal((await runCli('frobnicate')).code, 2);
    const { stderr } = await runCli('draft', '--proposal', 'magic');
    assert.match(stderr, /--proposal must be one of defer, descope, swap, fund/);
    assert.match(stderr, /Usage:|pushback draft \[options\]/);
  });

  it('has --help everywhere, exiting 0', async () => {
    for (const command of ['draft', 'analyze', 'templates', 'import']) {
      const { code, stdout } = await runCli(command, '--help');
      assert.equal(code, 0);
      assert.match(stdout, new RegExp(`pushback ${command}`));
    }
    assert.equal((await runCli('--help')).code, 0);
  });

  it('names an unknown template and lists the known ones', async () => {
    const { code, stderr } = await runCli('draft', '--template', 'nope');
    assert.equal(code, 1);
    assert.match(stderr, /no template "nope" \(use one of: .*yes-and-tradeoffs/);
  });

  it('writes --out atomically, leaving no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushback-cli-'));
    const out = path.join(dir, 'reply.md');
    const { code } = await runCli('draft', '--out', out, '--today', '2027-01-04');
    assert.equal(code, 0);
    assert.match(readFileSync(out, 'utf8'), /^Hi Dana,/);
    assert.deepEqual(readdirSync(dir), ['reply.md']);
    const failed = await runCli('draft', '--out', path.join(dir, 'missing-folder', 'reply.md'));
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /cannot be written \(ENOENT\)/);
  });

  it('imports a Jira export', async () => {
    const { code, stdout } = await runCli('import', 'jira', path.resolve(__dirname, '../fixtures/jira/jira-cloud.csv'));
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.deepEqual(Object.keys(parsed), ['commitments', 'skipped']);
    assert.ok(parsed.commitments.length > 0);
  });

  it('runs as a real process from the built bundle', function () {
    this.timeout(120_000); // a cold process on a shared machine, with coverage on: a generous bound, not a speed check
    assert.ok(existsSync(path.join(packageRoot, 'dist/cli.js')), 'dist/cli.js is missing: run "npm run build" first (npm test does)');
    const ok = runBuiltCli('draft', '--today', '2027-01-04', '--format', 'text');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^Hi Dana,/);
    const bad = runBuiltCli('draft', '--request', path.join(fixtures, 'broken.request.yaml'));
    assert.equal(bad.status, 1);
    assert.doesNotMatch(bad.stderr, /node:internal|at Object\./);
    const usage = runBuiltCli('nonsense');
    assert.equal(usage.status, 2);
  });
});
