import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { list as listTar } from 'tar';
import { unifiedDiff } from '../../src/core/unifiedDiff';
import { runCli } from './fixtures/cli';

const TEMPLATE_FILE = 'templates/yes-and-next-steps.hbs';

describe('pushback pack', () => {
  let root: string;
  let pack: string;
  const cwd = process.cwd();
  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pushback-pack-cli-'));
    pack = path.join(root, 'finance');
    process.chdir(root);
    const created = await runCli('pack', 'new', pack, '--id', '@acme/finance-replies');
    assert.equal(created.code, 0, created.stderr);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(pack, file), change(readFileSync(path.join(pack, file), 'utf8')));

  describe('new', () => {
    it('scaffolds a pack that validates and passes its own test', async () => {
      assert.deepEqual((readdirSync(pack, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort(), [
        'README.md', 'examples', 'examples/sample.capacity.yaml', 'examples/sample.request.yaml', 'examples/yes-and-next-steps.md',
        'package.json', 'pushback-pack.json', 'templates', TEMPLATE_FILE,
      ]);
      const manifest = JSON.parse(readFileSync(path.join(pack, 'pushback-pack.json'), 'utf8'));
      assert.equal(manifest.id, '@acme/finance-replies');
      assert.equal(manifest.engines.pushback, '^0.1.0');
      const packageJson = JSON.parse(readFileSync(path.join(pack, 'package.json'), 'utf8'));
      assert.deepEqual([packageJson.name, packageJson.version, packageJson.keywords], ['@acme/finance-replies', '0.1.0', ['pushback-pack']]);
      assert.match(readFileSync(path.join(pack, 'examples/yes-and-next-steps.md'), 'utf8'), /^Hi Dana,/);
      const validated = await runCli('pack', 'validate', pack);
      assert.equal(validated.code, 0, validated.stderr);
      assert.match(validated.stdout, /@acme\/finance-replies@0\.1\.0 is valid \(1 template, 0 partials, 1 example\)/);
      const tested = await runCli('pack', 'test', pack);
      assert.equal(tested.code, 0, tested.stdout);
      assert.match(tested.stdout, /1 example: 1 passed, 0 failed/);
    });

    it('derives the id from the folder, and refuses a folder with files in it', async () => {
      const other = path.join(root, 'Team Replies');
      assert.equal((await runCli('pack', 'new', other)).code, 0);
      assert.equal(JSON.parse(readFileSync(path.join(other, 'pushback-pack.json'), 'utf8')).id, '@my-team/team-replies');
      const again = await runCli('pack', 'new', pack);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /finance:1:1: is not empty/);
      assert.equal((await runCli('pack', 'new', path.join(root, 'x'), '--id', 'Finance')).code, 2);
    });
  });

  describe('validate', () => {
    it('reports a field the data does not have at file:line:col, and exits 1', async () => {
      edit(TEMPLATE_FILE, (t) => t.replace('{{request.title}}**', '{{request.titel}}**'));
      const { code, stderr } = await runCli('pack', 'validate', pack);
      assert.equal(code, 1);
      assert.match(stderr, new RegExp(`${path.join(pack, TEMPLATE_FILE).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:12:25: the field "titel" is not in the data \\(`));
      assert.match(stderr, /1 problem found; the pack is not valid\./);
    });

    it('reports unknown helpers, missing partials and manifest errors', async () => {
      edit(TEMPLATE_FILE, (t) => t.replace('Shall we', '{{shout "x"}} {{> footer}} Shall we'));
      edit('pushback-pack.json', (t) => t.replace('"version": "0.1.0"', '"version": "one"'));
      const { code, stderr } = await runCli('pack', 'validate', pack);
      assert.equal(code, 1);
      assert.match(stderr, /pushback-pack\.json:4:14: version: must be a semantic version/);
      edit('pushback-pack.json', (t) => t.replace('"version": "one"', '"version": "0.1.0"'));
      const second = await runCli('pack', 'validate', pack);
      assert.match(second.stderr, /yes-and-next-steps\.hbs:\d+:\d+: (unknown helper "shout"|missing partial "footer")/);
    });

    it('refuses a pack made for a later Pushback', async () => {
      edit('pushback-pack.json', (t) => t.replace('"pushback": "^0.1.0"', '"pushback": "^9.0.0"'));
      const { code, stderr } = await runCli('pack', 'validate', pack);
      assert.equal(code, 1);
      assert.match(stderr, /engines\.pushback: this pack works with Pushback \^9\.0\.0, not 0\.1\.0/);
    });
  });

  describe('test', () => {
    it('prints a unified diff on a mismatch and exits 1; --update accepts the new reply', async () => {
      edit(TEMPLATE_FILE, (t) => t.replace('Shall we agree', 'Can we agree'));
      const failed = await runCli('pack', 'test', pack);
      assert.equal(failed.code, 1);
      assert.match(failed.stdout, /FAIL yes-and-next-steps → finance\/examples\/yes-and-next-steps\.md: the reply differs/);
      assert.match(failed.stdout, /^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
      assert.match(failed.stdout, /^-Shall we agree the next step this week\?$/m);
      assert.match(failed.stdout, /^\+Can we agree the next step this week\?$/m);
      assert.match(failed.stdout, /1 example: 0 passed, 1 failed/);
      const updated = await runCli('pack', 'test', pack, '--update');
      assert.equal(updated.code, 0);
      assert.match(readFileSync(path.join(pack, 'examples/yes-and-next-steps.md'), 'utf8'), /Can we agree/);
      assert.equal((await runCli('pack', 'test', pack)).code, 0);
    });

    it('exits 1 with problems when an example cannot render, or there are none', async () => {
      edit('examples/sample.request.yaml', (t) => t.replace('effortDays: 45', 'effortDays: -1'));
      const broken = await runCli('pack', 'test', pack);
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, /sample\.request\.yaml:\d+:\d+: effortDays: must be greater than 0/);
      edit('pushback-pack.json', (t) => JSON.stringify({ ...JSON.parse(t), examples: [] }));
      const none = await runCli('pack', 'test', pack);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /the pack has no examples to test/);
    });
  });

  describe('export and install', () => {
    it('exports a zip that installs into --into, and an npm tarball under package/', async () => {
      const exported = await runCli('pack', 'export', pack);
      assert.equal(exported.code, 0, exported.stderr);
      const zip = path.join(root, 'acme-finance-replies-0.1.0.zip');
      assert.ok(existsSync(zip));
      const sha256 = /sha256 ([0-9a-f]{64})/.exec(exported.stdout)?.[1];
      assert.ok(sha256);
      const installed = await runCli('pack', 'install', zip, '--into', path.join(root, 'packs'), '--sha256', sha256);
      assert.equal(installed.code, 0, installed.stderr);
      assert.match(installed.stdout, /Installed @acme\/finance-replies@0\.1\.0 \(1 template\) into .*acme__finance-replies/);

      const npm = await runCli('pack', 'export', pack, '--npm', '--out', path.join(root, 'npm.tgz'));
      assert.equal(npm.code, 0, npm.stderr);
      const entries: string[] = [];
      await listTar({ file: path.join(root, 'npm.tgz'), onReadEntry: (entry) => void entries.push(entry.path) });
      assert.ok(entries.includes('package/package.json') && entries.includes('package/pushback-pack.json') && entries.every((e) => e.startsWith('package/')));
    });

    it('installs into $PUSHBACK_PACKS_DIR without --into, reports a refusal, and uninstalls', async () => {
      const previous = process.env.PUSHBACK_PACKS_DIR;
      process.env.PUSHBACK_PACKS_DIR = path.join(root, 'user-packs');
      try {
        assert.equal((await runCli('pack', 'install', pack)).code, 0);
        assert.ok(existsSync(path.join(root, 'user-packs', 'acme__finance-replies', 'pushback-pack.json')));
        const refused = await runCli('pack', 'install', path.join(root, 'nope.zip'));
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /nothing was installed; any previous version is untouched/);
        assert.equal((await runCli('pack', 'uninstall', '@acme/finance-replies')).code, 0);
        assert.equal(existsSync(path.join(root, 'user-packs', 'acme__finance-replies')), false);
      } finally {
        if (previous === undefined) delete process.env.PUSHBACK_PACKS_DIR;
        else process.env.PUSHBACK_PACKS_DIR = previous;
      }
    });

    it('refuses to export an --npm pack without package.json', async () => {
      rmSync(path.join(pack, 'package.json'));
      const { code, stderr } = await runCli('pack', 'export', pack, '--npm');
      assert.equal(code, 1);
      assert.match(stderr, /package\.json:1:1: is missing: an npm package needs one/);
    });
  });

  describe('draft and templates with --pack', () => {
    it('lets a pack override a built-in template by id, later packs winning', async () => {
      edit(TEMPLATE_FILE, (t) => t.replace('id: yes-and-next-steps', 'id: yes-and-tradeoffs'));
      edit('pushback-pack.json', (t) => t.replace('"id": "yes-and-next-steps"', '"id": "yes-and-tradeoffs"'));
      const drafted = await runCli('draft', '--pack', pack, '--today', '2027-01-04');
      assert.equal(drafted.code, 0, drafted.stderr);
      assert.match(drafted.stdout, /Shall we agree the next step this week\?/);
      const templates = await runCli('templates', '--pack', pack, '--format', 'json');
      const row = (JSON.parse(templates.stdout) as { id: string; pack: string; overrides?: string }[]).find((r) => r.id === 'yes-and-tradeoffs');
      assert.deepEqual(row && [row.pack, row.overrides], ['@acme/finance-replies', '@pushback/builtin@1.0.0 (builtin)']);
    });

    it('reports a broken --pack as problems', async () => {
      const { code, stderr } = await runCli('draft', '--pack', path.join(root, 'missing'));
      assert.equal(code, 1);
      assert.match(stderr, /missing\/pushback-pack\.json:1:1: no pack manifest here/);
    });

    it('warns when the same pack is given in two versions', async () => {
      const copy = path.join(root, 'copy');
      mkdirSync(copy);
      assert.equal((await runCli('pack', 'install', pack, '--into', copy)).code, 0);
      edit('pushback-pack.json', (t) => t.replace('"version": "0.1.0"', '"version": "0.2.0"'));
      const { code, stderr } = await runCli('templates', '--pack', path.join(copy, 'acme__finance-replies'), '--pack', pack);
      assert.equal(code, 0);
      assert.match(stderr, /@acme\/finance-replies is present in 2 versions: @acme\/finance-replies@0\.1\.0 \(cli\), @acme\/finance-replies@0\.2\.0 \(cli\)/);
    });
  });

  describe('what a pack author runs into', () => {
    it('pack new in the current folder names the id after it, and falls back to "replies" for a name with no letters', async () => {
      const here = path.join(root, 'Ops Team');
      mkdirSync(here);
      process.chdir(here);
      const created = await runCli('pack', 'new');
      assert.equal(created.code, 0, created.stderr);
      assert.match(created.stdout, /^Created the pack @my-team\/ops-team in \.:/);
      assert.match(created.stdout, /pushback pack validate \. && pushback pack test \. --update/);
      assert.equal((await runCli('pack', 'new', path.join(root, '___'))).code, 0);
      assert.equal(JSON.parse(readFileSync(path.join(root, '___', 'pushback-pack.json'), 'utf8')).id, '@my-team/replies');
      const two = await runCli('pack', 'new', 'a', 'b');
      assert.equal(two.code, 2);
      assert.match(two.stderr, /expected at most one folder/);
    });

    it('pack test shows a missing expected reply as a diff against nothing, and --update writes it', async () => {
      rmSync(path.join(pack, 'examples/yes-and-next-steps.md'));
      const failed = await runCli('pack', 'test', pack);
      assert.equal(failed.code, 1);
      assert.match(failed.stdout, /^--- .*yes-and-next-steps\.md \(missing\)$/m);
      assert.match(failed.stdout, /^\+Hi Dana,$/m);
      assert.match(failed.stdout, /run with --update and review the diff/);
      const updated = await runCli('pack', 'test', pack, '--update');
      assert.equal(updated.code, 0);
      assert.match(updated.stdout, /^updated yes-and-next-steps → /m);
      assert.match(readFileSync(path.join(pack, 'examples/yes-and-next-steps.md'), 'utf8'), /^Hi Dana,/);
    });

    it('pack test and pack export stop at a manifest that does not load, located', async () => {
      writeFileSync(path.join(pack, 'pushback-pack.json'), '{ "id": ');
      for (const command of ['test', 'export']) {
        const { code, stdout, stderr } = await runCli('pack', command, pack);
        assert.equal(code, 1, command);
        assert.equal(stdout, '', command);
        assert.match(stderr, /finance\/pushback-pack\.json:1:\d+: /, command);
      }
      assert.match((await runCli('pack', 'test', pack)).stderr, /no example was run/);
      assert.deepEqual(readdirSync(root).filter((f) => /\.(zip|tgz)$/.test(f)), [], 'nothing was exported');
    });

    it('pack export names the npm tarball after the pack, and refuses a pack holding a link, naming it', async () => {
      const exported = await runCli('pack', 'export', pack, '--npm');
      assert.equal(exported.code, 0, exported.stderr);
      assert.match(exported.stdout, /^Wrote acme-finance-replies-0\.1\.0\.tgz \(\d+ files\), sha256 [0-9a-f]{64}\n$/);
      assert.ok(existsSync(path.join(root, 'acme-finance-replies-0.1.0.tgz')));
      symlinkSync(path.join(root, 'acme-finance-replies-0.1.0.tgz'), path.join(pack, 'linked.md'));
      const refused = await runCli('pack', 'export', pack, '--out', path.join(root, 'linked.zip'));
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /^linked\.md:1:1: linked\.md is a symbolic link \(replace the link with the file itself: installs refuse links\)/m);
      assert.equal(existsSync(path.join(root, 'linked.zip')), false);
    });

    it('pack install says which version it replaced; pack uninstall of a pack not there exits 1', async () => {
      const into = path.join(root, 'packs');
      assert.equal((await runCli('pack', 'install', pack, '--into', into)).code, 0);
      edit('pushback-pack.json', (t) => t.replace('"version": "0.1.0"', '"version": "0.2.0"'));
      const upgraded = await runCli('pack', 'install', pack, '--into', into);
      assert.equal(upgraded.code, 0, upgraded.stderr);
      assert.match(upgraded.stdout, /Installed @acme\/finance-replies@0\.2\.0 \(1 template\) into .*acme__finance-replies, replacing 0\.1\.0\n$/);
      const missing = await runCli('pack', 'uninstall', '@acme/other', '--into', into);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /acme__other:1:1: @acme\/other is not installed here \(list the installed packs to see their ids\)/);
      assert.match(missing.stderr, /nothing was removed/);
      assert.ok(existsSync(path.join(into, 'acme__finance-replies', 'pushback-pack.json')));
    });

    it('prints each subcommand\'s help and exits 0', async () => {
      for (const command of ['new', 'validate', 'test', 'export', 'uninstall']) {
        const help = await runCli('pack', command, '--help');
        assert.equal(help.code, 0, command);
        assert.match(help.stdout, new RegExp(`pushback pack ${command}`), command);
      }
    });
  });

  describe('usage', () => {
    it('exits 2 for wrong usage and 0 for help', async () => {
      assert.equal((await runCli('pack')).code, 2);
      assert.equal((await runCli('pack', 'frobnicate')).code, 2);
      assert.equal((await runCli('pack', 'validate')).code, 2);
      assert.equal((await runCli('pack', 'test', 'a', 'b')).code, 2);
      assert.equal((await runCli('pack', 'install', 'x', '--bogus')).code, 2);
      assert.equal((await runCli('pack', 'uninstall', 'not-an-id')).code, 2);
      const help = await runCli('pack', 'install', '--help');
      assert.equal(help.code, 0);
      assert.match(help.stdout, /--sha256 HEX/);
      assert.match((await runCli('pack', '--help')).stdout, /npx pushback pack validate \. && npx pushback pack test \./);
    });
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and shows changes with three lines of context', () => {
    assert.equal(unifiedDiff('a\n', 'a\n'), '');
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
    const after = before.replace('5\n', 'five\n').replace('10\n', '10\n11\n');
    assert.equal(
      unifiedDiff(before, after),
      ['--- expected', '+++ actual', '@@ -2,9 +2,10 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ' 9', ' 10', '+11', ''].join('\n'),
    );
  });

  it('splits distant changes into hunks and handles empty texts and missing final newlines', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const changed = [...lines];
    changed[1] = 'changed 2';
    changed[27] = 'changed 28';
    const diff = unifiedDiff(`${lines.join('\n')}\n`, `${changed.join('\n')}\n`, { expected: 'a', actual: 'b' });
    assert.deepEqual(diff.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,5 +1,5 @@', '@@ -25,6 +25,6 @@']);
    assert.equal(unifiedDiff('', 'x\n'), '--- expected\n+++ actual\n@@ -0,0 +1,1 @@\n+x\n');
    assert.equal(unifiedDiff('x', 'x\n'), '--- expected\n+++ actual\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+x\n');
  });

  it('falls back to replacing the middle of very long texts', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join('\n');
    const diff = unifiedDiff(a, b);
    assert.equal(diff.split('\n').filter((l) => /^-a\d+$/.test(l)).length, 3000);
    assert.equal(diff.split('\n').filter((l) => /^\+b\d+$/.test(l)).length, 3000);
  });
});
