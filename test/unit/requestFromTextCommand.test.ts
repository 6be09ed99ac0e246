import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';
import { packageRoot } from './fixtures/cli';

async function run(argv: string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin: async () => stdin ?? '' });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'pushback-from-text-'));
function file(name: string, text: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

const email = `From: Lopez, Maria <maria.lopez@northwind.example>
Subject: RE: Supplier onboarding portal

Hi Sam,

Could your team build the supplier onboarding portal before the end of Q1? The vendor sized it at 4 weeks of work.

Thanks,
Maria
CFO | Northwind Logistics
`;

describe('pushback request from-text', () => {
  it('prints the request, the words each field came from and the notes, as JSON', async () => {
    const { code, stdout, stderr } = await run(['request', 'from-text', file('email.txt', email), '--today', '2027-01-06']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), {
      request: { title: 'Supplier onboarding portal', requester: { name: 'Maria Lopez', title: 'CFO' }, neededBy: '2027-03-31', effortDays: 20 },
      evidence: {
        title: 'the subject “Supplier onboarding portal”',
        'requester.name': 'the From: line',
        'requester.title': 'the signature',
        neededBy: 'before the end of Q1',
        effortDays: '4 weeks of work',
      },
      notes: ['Q1 read as the calendar quarter ending 2027-03-31', 'Effort: 4 weeks × 5 working days'],
    });
  });

  it('reads standard input with -, prints YAML, and leaves out what it did not recognise', async () => {
    const chat = 'Dana Whitfield\n10:42 AM\nHi Sam, can you set up the returns dashboard?';
    const { code, stdout } = await run(['request', 'from-text', '-', '--today', '2027-01-06', '--format', 'yaml'], chat);
    assert.equal(code, 0);
    const printed = parse(stdout);
    assert.deepEqual(printed.request, { title: 'Returns dashboard', requester: { name: 'Dana Whitfield' } });
    assert.deepEqual(Object.keys(printed.evidence), ['title', 'requester.name']);
    assert.ok(!('neededBy' in printed.request) && !('effortDays' in printed.request));
  });

  it('reads 3/12 as 3 December with --day-first and as 12 March without', async () => {
    const text = file('date.txt', 'We need the badge readers integrated by 3/12.');
    const dayFirst = await run(['request', 'from-text', text, '--today', '2027-01-06', '--day-first']);
    const monthFirst = await run(['request', 'from-text', text, '--today', '2027-01-06']);
    assert.equal(JSON.parse(dayFirst.stdout).request.neededBy, '2027-12-03');
    assert.equal(JSON.parse(monthFirst.stdout).request.neededBy, '2027-03-12');
  });

  it('exits 0 with an empty request when nothing is recognised', async () => {
    const { code, stdout } = await run(['request', 'from-text', '-', '--today', '2027-01-06'], 'Looks good to me, see you at the review.');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), { request: {}, evidence: {}, notes: [] });
  });

  it('exits 2 with its help for wrong usage, and 0 for --help', async () => {
    const cases: [string[], RegExp][] = [
      [['request', 'from-text', '-'], /--today is required/],
      [['request', 'from-text', '-', '--today', '6 Jan'], /--today must be a date/],
      [['request', 'from-text', '--today', '2027-01-06'], /give one FILE/],
      [['request', 'from-text', 'a.txt', 'b.txt', '--today', '2027-01-06'], /give one FILE/],
      [['request', 'from-text', '-', '--today', '2027-01-06', '--format', 'xml'], /--format must be json or yaml/],
      [['request', 'from-text', '-', '--today', '2027-01-06', '--bogus'], /bogus/],
      [['request', 'to-text'], /unknown request command "to-text"/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /pushback request/);
    }
    const help = await run(['request', 'from-text', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--day-first/);
    assert.match((await run(['--help'])).stdout, /request from-text/);
  });

  it('reports a file it cannot read as a located problem (exit 1)', async () => {
    const missing = path.join(dir, 'missing.txt');
    const { code, stderr } = await run(['request', 'from-text', missing, '--today', '2027-01-06']);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: cannot be read \\(ENOENT\\)`));
  });

  it('reads standard input as a real process from the built bundle', () => {
    assert.ok(existsSync(path.join(packageRoot, 'dist/cli.js')), 'dist/cli.js is missing: run "npm run build" first (npm test does)');
    const result = spawnSync(process.execPath, [path.join(packageRoot, 'bin/pushback.js'), 'request', 'from-text', '-', '--today', '2027-01-06'], { input: email, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).request.requester.name, 'Maria Lopez');
  });
});
