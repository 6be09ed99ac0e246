import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../src/node/nodeFileSystem';
import { checkConfinedRead, checkConfinedWrite, confinedFileSystem } from '../../src/core/confinedFiles';
import { type FileSystem, memoryFileSystem } from '../../src/core/fileSystem';
import { loadCapacity } from '../../src/core/load/loadData';
import { formatProblem } from '../../src/core/problems';
import { runCli } from './fixtures/cli';

/**
 * A shared pack or capacity file must never read or overwrite a file outside itself,
 * through a symbolic link or otherwise. Each test plants the link an attacker would.
 */
describe('no escapes through symbolic links', () => {
  let root: string;
  let pack: string;
  let outside: string;
  const SECRET = 'SECRET-FROM-OUTSIDE\n';
  const cwd = process.cwd();
  const manifestFile = () => path.join(pack, 'pushback-pack.json');
  const editManifest = (change: (manifest: { examples: Record<string, string>[]; partials: Record<string, string> }) => void) => {
    const manifest = JSON.parse(readFileSync(manifestFile(), 'utf8'));
    change(manifest);
    writeFileSync(manifestFile(), JSON.stringify(manifest, null, 2));
  };

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'pushback-escapes-'));
    pack = path.join(root, 'pack');
    outside = path.join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'victim.txt'), SECRET);
    process.chdir(root);
    const created = await runCli('pack', 'new', pack, '--id', '@acme/replies');
    assert.equal(created.code, 0, created.stderr);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });

  describe('pack test', () => {
    beforeEach(() => {
      // A relative folder link inside the pack, and an example whose expected output runs through it.
      symlinkSync('../outside', path.join(pack, 'out'));
      editManifest((m) => (m.examples[0].expected = 'out/victim.txt'));
    });

    it('--update does not write through a link to a file outside the pack', async () => {
      const tested = await runCli('pack', 'test', pack, '--update');
      assert.equal(tested.code, 1, tested.stdout);
      assert.equal(readFileSync(path.join(outside, 'victim.txt'), 'utf8'), SECRET);
      assert.match(tested.stderr, /victim\.txt:1:1: is a symbolic link or inside one leading outside the pack \(a pack follows no links/);
    });

    it('--update does not create a new file through a linked folder', async () => {
      editManifest((m) => (m.examples[0].expected = 'out/planted.txt'));
      const tested = await runCli('pack', 'test', pack, '--update');
      assert.equal(tested.code, 1);
      assert.equal(existsSync(path.join(outside, 'planted.txt')), false);
      assert.match(tested.stderr, /planted\.txt:1:1: is a symbolic link or inside one/);
    });

    it('without --update does not show the outside file in the diff', async () => {
      const tested = await runCli('pack', 'test', pack);
      assert.equal(tested.code, 1);
      assert.doesNotMatch(tested.stdout + tested.stderr, /SECRET-FROM-OUTSIDE/);
      assert.match(tested.stderr, /is a symbolic link or inside one/);
    });

    it('--update refuses an expected file that is itself a link, even to a file inside the pack', async () => {
      editManifest((m) => (m.examples[0].expected = 'examples/linked.md'));
      writeFileSync(path.join(pack, 'examples/target.md'), 'old\n');
      symlinkSync('target.md', path.join(pack, 'examples/linked.md'));
      const tested = await runCli('pack', 'test', pack, '--update');
      assert.equal(tested.code, 1);
      assert.equal(readFileSync(path.join(pack, 'examples/target.md'), 'utf8'), 'old\n');
    });

    it('--update still writes a missing or changed expected file in the pack, atomically', async () => {
      editManifest((m) => (m.examples[0].expected = 'examples/new.md'));
      const tested = await runCli('pack', 'test', pack, '--update');
      assert.equal(tested.code, 0, tested.stdout + tested.stderr);
      assert.match(readFileSync(path.join(pack, 'examples/new.md'), 'utf8'), /^Hi Dana,/);
      editManifest((m) => (m.examples[0].expected = 'new-top.md'));
      assert.equal((await runCli('pack', 'test', pack, '--update')).code, 0);
      assert.match(readFileSync(path.join(pack, 'new-top.md'), 'utf8'), /^Hi Dana,/);
    });

    it('--update refuses an expected file in a folder that does not exist', async () => {
      editManifest((m) => (m.examples[0].expected = 'nowhere/x.md'));
      const tested = await runCli('pack', 'test', pack, '--update');
      assert.equal(tested.code, 1);
      assert.match(tested.stderr, /x\.md:1:1: is in a folder that does not exist/);
    });
  });

  describe('packs used in place', () => {
    beforeEach(() => {
      symlinkSync(path.join(outside, 'victim.txt'), path.join(pack, 'templates/leak.hbs'));
      editManifest((m) => (m.partials = { leak: 'templates/leak.hbs' }));
    });

    it('a partial that is a link to an outside file is a problem in pack validate, draft and templates', async () => {
      const validated = await runCli('pack', 'validate', pack);
      assert.equal(validated.code, 1);
      assert.match(validated.stderr, /pushback-pack\.json:\d+:\d+: partials\.leak: templates\/leak\.hbs is a symbolic link or inside one/);
      for (const command of [['draft', '--pack', pack], ['templates', '--pack', pack]]) {
        const run = await runCli(...command);
        assert.equal(run.code, 1, command.join(' '));
        assert.doesNotMatch(run.stdout + run.stderr, /SECRET-FROM-OUTSIDE/);
      }
    });

    it('a link inside the pack to a file of the pack is refused too (the rule of pack install)', async () => {
      rmSync(path.join(pack, 'templates/leak.hbs'));
      writeFileSync(path.join(pack, 'templates/real.hbs'), 'real partial');
      symlinkSync('real.hbs', path.join(pack, 'templates/leak.hbs'));
      const validated = await runCli('pack', 'validate', pack);
      assert.equal(validated.code, 1);
      assert.match(validated.stderr, /templates\/leak\.hbs is a symbolic link or inside one/);
    });

    it('a linked manifest, example or package.json is reported in pack validate', async () => {
      rmSync(path.join(pack, 'templates/leak.hbs'));
      editManifest((m) => (m.partials = {}));
      writeFileSync(path.join(outside, 'package.json'), readFileSync(path.join(pack, 'package.json')));
      rmSync(path.join(pack, 'package.json'));
      symlinkSync(path.join(outside, 'package.json'), path.join(pack, 'package.json'));
      symlinkSync(path.join(outside, 'victim.txt'), path.join(pack, 'examples/linked.request.yaml'));
      editManifest((m) => (m.examples[0].request = 'examples/linked.request.yaml'));
      const validated = await runCli('pack', 'validate', pack);
      assert.equal(validated.code, 1);
      assert.match(validated.stderr, /package\.json:1:1: is a symbolic link or inside one/);
      assert.match(validated.stderr, /examples\[0\]\.request: examples\/linked\.request\.yaml is a symbolic link or inside one/);

      writeFileSync(path.join(outside, 'pushback-pack.json'), readFileSync(manifestFile()));
      rmSync(manifestFile());
      symlinkSync(path.join(outside, 'pushback-pack.json'), manifestFile());
      const linked = await runCli('pack', 'validate', pack);
      assert.equal(linked.code, 1);
      assert.match(linked.stderr, /pushback-pack\.json:1:1: is a symbolic link or inside one/);
    });

    it('the pack folder itself may be reached through a link', async () => {
      rmSync(path.join(pack, 'templates/leak.hbs'));
      editManifest((m) => (m.partials = {}));
      symlinkSync(pack, path.join(root, 'pack-link'));
      const validated = await runCli('pack', 'validate', path.join(root, 'pack-link'));
      assert.equal(validated.code, 0, validated.stderr);
    });

    it('a template file larger than a pack may hold, or a folder, is refused', async () => {
      rmSync(path.join(pack, 'templates/leak.hbs'));
      writeFileSync(path.join(pack, 'templates/big.hbs'), '');
      truncateSync(path.join(pack, 'templates/big.hbs'), 2 * 1024 * 1024);
      mkdirSync(path.join(pack, 'templates/folder.hbs'));
      editManifest((m) => (m.partials = { big: 'templates/big.hbs', folder: 'templates/folder.hbs' }));
      const validated = await runCli('pack', 'validate', pack);
      assert.equal(validated.code, 1);
      assert.match(validated.stderr, /partials\.big: templates\/big\.hbs is larger than 1 MB \(2 MB\)/);
      assert.match(validated.stderr, /partials\.folder: templates\/folder\.hbs is a folder, not a file/);
    });
  });

  describe("a capacity file's CSV", () => {
    let team: string;
    const capacity = (members: string) =>
      writeFileSync(path.join(team, 'team.capacity.yaml'), `team: T\nhorizon: { start: 2027-01-04, end: 2027-01-15 }\nmembers: { csv: ${JSON.stringify(members)} }\n`);
    const load = async () => {
      const loaded = await loadCapacity(nodeFileSystem, path.join(team, 'team.capacity.yaml'));
      return loaded.ok ? [] : loaded.problems.map(formatProblem);
    };
    beforeEach(() => {
      team = path.join(root, 'team');
      mkdirSync(team);
    });

    it('is not read through a link leading outside its folder, and nothing of it is echoed', async () => {
      symlinkSync(path.join(outside, 'victim.txt'), path.join(team, 'team.csv'));
      capacity('./team.csv');
      const problems = await load();
      assert.equal(problems.length, 1);
      assert.match(problems[0], /team\.capacity\.yaml:3:\d+: members\.csv: .*team\.csv leads outside the capacity file's folder through a symbolic link/);
      assert.doesNotMatch(problems[0], /SECRET/);
    });

    it('is not read through a linked folder leading outside', async () => {
      symlinkSync(outside, path.join(team, 'shared'));
      capacity('./shared/victim.txt');
      assert.match((await load())[0], /leads outside the capacity file's folder/);
    });

    it('may be a link to another file in its folder', async () => {
      writeFileSync(path.join(team, 'real.csv'), 'name\nAda\n');
      symlinkSync('real.csv', path.join(team, 'team.csv'));
      capacity('./team.csv');
      assert.deepEqual(await load(), []);
    });

    it('is refused, without reading it, when it is a device, a pipe, a folder or too large', async () => {
      symlinkSync('/dev/zero', path.join(team, 'zero.csv'));
      capacity('./zero.csv');
      assert.match((await load())[0], /zero\.csv leads outside the capacity file's folder/);

      // A named pipe in the folder (reading it would wait forever) and a folder: not regular files.
      execFileSync('mkfifo', [path.join(team, 'pipe.csv')]);
      capacity('./pipe.csv');
      assert.match((await load())[0], /pipe\.csv is not a regular file \(a device, pipe or socket\)/);
      mkdirSync(path.join(team, 'dir.csv'));
      capacity('./dir.csv');
      assert.match((await load())[0], /dir\.csv is a folder, not a file/);

      writeFileSync(path.join(team, 'huge.csv'), 'name\n');
      truncateSync(path.join(team, 'huge.csv'), 17 * 1024 * 1024);
      capacity('./huge.csv');
      assert.match((await load())[0], /huge\.csv is larger than 16 MB \(17 MB\)/);
    });
  });
});

describe('confined files, on any file system', () => {
  const files = { '/p/a.txt': 'a', '/p/sub/b.txt': 'b', '/q/c.txt': 'c' };
  const rule = { root: '/p', links: 'none' as const, maxBytes: 10, label: 'the pack' };

  it('reads inside, refuses outside, and says why', async () => {
    const fs = confinedFileSystem(memoryFileSystem(files), rule);
    assert.equal(await fs.readText('/p/sub/b.txt'), 'b');
    await assert.rejects(fs.readText('/q/c.txt'), /\/q\/c\.txt is outside the pack/);
    await assert.rejects(fs.readText('/p'), /is outside the pack/);
    await assert.rejects(fs.readText('/p/sub'), /is a folder, not a file/);
    await assert.rejects(confinedFileSystem(memoryFileSystem(files), { ...rule, root: '/p/a.txt' }).readText('/p/a.txt/x'), /\/p\/a\.txt is not a folder/);
  });

  it('writes only to regular files in existing folders', async () => {
    const fs = memoryFileSystem(files);
    assert.equal(await checkConfinedWrite(fs, rule, '/p/new.txt'), '/p/new.txt');
    assert.equal(await checkConfinedWrite(fs, rule, '/p/sub/new.txt'), '/p/sub/new.txt');
    assert.equal(await checkConfinedWrite(fs, rule, '/p/a.txt'), '/p/a.txt');
    await assert.rejects(checkConfinedWrite(fs, rule, '/p/sub'), /is not a regular file/);
    await assert.rejects(checkConfinedWrite(fs, rule, '/p/a.txt/x'), /is in something that is not a folder/);
    await assert.rejects(checkConfinedWrite(fs, rule, '/q/new.txt'), /is outside the pack/);
  });

  it('sees a link on Windows paths, in any letter case', async () => {
    const real: Record<string, string> = { 'C:\\p': 'C:\\P', 'C:\\p\\A.txt': 'C:\\P\\a.txt', 'C:\\p\\link.txt': 'C:\\P\\a.txt', 'C:\\p\\out.txt': 'D:\\secret.txt' };
    const fs: FileSystem = {
      readText: async () => 'text',
      resolve: (from, relative) => `${from}\\${relative}`,
      inspect: async (file) => ({ realPath: real[file], kind: file === 'C:\\p' ? 'directory' : 'file', size: 4 }),
    };
    const windows = { ...rule, root: 'C:\\p' };
    assert.equal((await checkConfinedRead(fs, windows, 'C:\\p\\A.txt')).realPath, 'C:\\P\\a.txt');
    await assert.rejects(checkConfinedRead(fs, windows, 'C:\\p\\link.txt'), /is a symbolic link or inside one$/);
    await assert.rejects(checkConfinedRead(fs, windows, 'C:\\p\\out.txt'), /is a symbolic link or inside one leading outside the pack/);
    await assert.rejects(checkConfinedRead(fs, { ...windows, links: 'inside' }, 'C:\\p\\out.txt'), /leads outside the pack through a symbolic link/);
    assert.equal((await checkConfinedRead(fs, { ...windows, links: 'inside' }, 'C:\\p\\link.txt')).realPath, 'C:\\P\\a.txt');
  });
});
