import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Header, type HeaderData, Pax } from 'tar';
import yazl from 'yazl';
import { formatProblem } from '../../src/core/problems';
import { downloadPack } from '../../src/node/downloadPack';
import { exportPackTarball, exportPackZip } from '../../src/node/packExport';
import { installPack, installedPackDirs, uninstallPack } from '../../src/node/packInstall';
import { INSTALL_LIMITS, PackInstallError, UnpackBudget, makeStagedFolder, safeEntryPath, writeStagedFile } from '../../src/node/unpackBudget';
import { unpackTgz } from '../../src/node/unpackTgz';
import { userPacksDir } from '../../src/node/userPacksDir';

const TEMPLATE = '---\nid: acme-note\nname: Acme note\ndescription: A note\ntone: plain\nchannel: email\n---\nHi {{request.requester.name}}\n';
const MB = 1024 * 1024;

function packFiles(version: string, template = TEMPLATE): Record<string, string> {
  return {
    'pushback-pack.json': JSON.stringify({ id: '@acme/replies', name: 'Acme', version, engines: { pushback: '^0.1.0' }, templates: [{ file: 'templates/note.hbs' }] }),
    'templates/note.hbs': template,
  };
}

function writeTree(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

/** Every file and folder under `dir`, relative: to prove an install wrote nothing it should not have. */
function tree(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).map(String).sort() : [];
}

interface ZipEntry {
  name: string;
  data?: Buffer | string;
  mode?: number;
}

/** A zip built with yazl; `rename` then swaps same-length names in the bytes, for names yazl itself refuses. */
async function zipOf(entries: ZipEntry[], rename: Record<string, string> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) zip.addEmptyDirectory(entry.name);
    else zip.addBuffer(Buffer.from(entry.data ?? ''), entry.name, entry.mode === undefined ? {} : { mode: entry.mode });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  for (const [from, to] of Object.entries(rename)) {
    assert.equal(from.length, to.length);
    let at = bytes.indexOf(from);
    assert.ok(at >= 0, `no ${from} in the zip`);
    while (at >= 0) {
      bytes.write(to, at, 'latin1');
      at = bytes.indexOf(from, at + 1);
    }
  }
  return bytes;
}

/** A .tgz from hand-made headers, so it can hold what tar's own writer would sanitize. */
function tgzOf(entries: (HeaderData & { data?: Buffer | string })[]): Buffer {
  const blocks: Buffer[] = [];
  for (const { data, ...header } of entries) {
    const body = Buffer.from(data ?? '');
    const block = Buffer.alloc(512);
    new Header({ mode: 0o644, mtime: new Date(0), type: 'File', size: header.type && header.type !== 'File' ? 0 : body.length, ...header }).encode(block, 0);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

function npmTgz(files: Record<string, string>): Buffer {
  return tgzOf(Object.entries(files).map(([name, data]) => ({ path: `package/${name}`, data })));
}

describe('installing packs safely', () => {
  let root: string;
  let into: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'pushback-install-'));
    into = path.join(root, 'packs');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const install = (source: string, options: Partial<Parameters<typeof installPack>[1]> = {}) => installPack(source, { into, pushbackVersion: '0.1.0', ...options });
  const file = (name: string, data: Buffer) => {
    writeFileSync(path.join(root, name), data);
    return path.join(root, name);
  };

  /** Refused with a message matching `why`, and nothing but the packs folder itself left behind. */
  async function assertRefused(source: string, why: RegExp, options: Partial<Parameters<typeof installPack>[1]> = {}) {
    const before = tree(root).filter((f) => !f.startsWith('packs'));
    const installedBefore = tree(into);
    const result = await install(source, options);
    assert.equal(result.ok, false, 'expected a refusal');
    const messages = (result as { problems: Parameters<typeof formatProblem>[0][] }).problems.map(formatProblem).join('\n');
    assert.match(messages, why);
    assert.deepEqual(tree(root).filter((f) => !f.startsWith('packs')), before, 'something was written outside the packs folder');
    assert.deepEqual(tree(into), installedBefore, 'the packs folder changed');
    return messages;
  }

  describe('a good pack', () => {
    it('installs from a folder into <into>/<scope>__<name>', async () => {
      const result = await install(writeTree(path.join(root, 'src'), { ...packFiles('1.0.0'), '.git/HEAD': 'x', 'node_modules/x/y.js': 'z' }));
      assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
      assert.equal(result.value.dir, path.join(into, 'acme__replies'));
      assert.equal(result.value.pack.manifest.version, '1.0.0');
      assert.deepEqual(tree(into), ['acme__replies', 'acme__replies/pushback-pack.json', 'acme__replies/templates', 'acme__replies/templates/note.hbs'].map((p) => p.split('/').join(path.sep)));
      assert.deepEqual(await installedPackDirs(into), [path.join(into, 'acme__replies')]);
    });

    it('installs from a zip, a zip with one top folder, and an npm tarball (package/…)', async () => {
      const zip = await zipOf(Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ name, data })));
      assert.ok((await install(file('flat.zip', zip))).ok);
      const nested = await zipOf(Object.entries(packFiles('1.1.0')).map(([name, data]) => ({ name: `replies-main/${name}`, data })));
      const second = await install(file('nested.zip', nested));
      assert.ok(second.ok);
      assert.equal(second.value.previousVersion, '1.0.0');
      const third = await install(file('npm.tgz', npmTgz(packFiles('1.2.0'))));
      assert.ok(third.ok);
      assert.equal(third.value.pack.manifest.version, '1.2.0');
      assert.deepEqual(readdirSync(into), ['acme__replies']);
    });

    it('installs what pack export writes, zip and npm tarball', async () => {
      const src = writeTree(path.join(root, 'src'), { ...packFiles('1.0.0'), 'package.json': '{}' });
      const zip = await exportPackZip(src, path.join(root, 'out.zip'));
      assert.deepEqual(zip.files, ['package.json', 'pushback-pack.json', 'templates/note.hbs']);
      assert.ok((await install(zip.file, { sha256: zip.sha256 })).ok);
      const tgz = await exportPackTarball(src, path.join(root, 'out.tgz'));
      assert.ok((await install(tgz.file)).ok);
      // Reproducible: the same pack exports to the same bytes, so a published sha256 stays valid.
      assert.equal((await exportPackZip(src, path.join(root, 'again.zip'))).sha256, zip.sha256);
    });

    it('uninstalls by id', async () => {
      assert.ok((await install(writeTree(path.join(root, 'src'), packFiles('1.0.0')))).ok);
      assert.ok((await uninstallPack(into, '@acme/replies')).ok);
      assert.deepEqual(readdirSync(into), []);
      assert.equal((await uninstallPack(into, '@acme/replies')).ok, false);
    });
  });

  describe('refusals', () => {
    it('refuses ../ in a zip and in a tgz', async () => {
      const zip = await zipOf([...Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ name, data })), { name: 'XX/evil', data: 'pwned' }], { 'XX/evil': '../evil' });
      await assertRefused(file('dotdot.zip', zip), /refused "\.\.\/evil": "\.\." would write outside the pack/);
      await assertRefused(file('dotdot.tgz', tgzOf([{ path: 'pushback-pack.json', data: '{}' }, { path: 'templates/../../evil', data: 'pwned' }])), /would write outside the pack/);
      assert.equal(existsSync(path.join(root, 'evil')), false);
      assert.equal(existsSync(path.join(into, 'evil')), false);
    });

    it('refuses absolute paths and backslashes', async () => {
      const outside = path.join(root, 'outside', 'evil');
      await assertRefused(file('abs.tgz', tgzOf([{ path: outside, data: 'pwned' }])), /absolute paths would write outside the pack/);
      const zip = await zipOf([{ name: 'Xabs/evil', data: 'pwned' }], { 'Xabs/evil': '/abs/evil' });
      await assertRefused(file('abs.zip', zip), /refused "\/abs\/evil": absolute paths/);
      await assertRefused(file('backslash.tgz', tgzOf([{ path: '..\\evil', data: 'pwned' }])), /backslash/);
      assert.equal(existsSync(outside), false);
    });

    it('refuses symlinks, hard links and devices', async () => {
      const files = Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ name, data }));
      await assertRefused(file('link.zip', await zipOf([...files, { name: 'templates/partial.hbs', data: '/etc/passwd', mode: 0o120777 }])), /refused "templates\/partial\.hbs": it is a symbolic link/);
      await assertRefused(file('link.tgz', tgzOf([{ path: 'x.hbs', type: 'SymbolicLink', linkpath: '/etc/passwd' }])), /it is a symbolic link/);
      await assertRefused(file('hard.tgz', tgzOf([{ path: 'x.hbs', type: 'Link', linkpath: '/etc/passwd' }])), /it is a hard link/);
      await assertRefused(file('dev.tgz', tgzOf([{ path: 'x', type: 'CharacterDevice', devmaj: 1, devmin: 3 }])), /it is a character device/);
      await assertRefused(file('fifo.tgz', tgzOf([{ path: 'x', type: 'FIFO' }])), /it is a named pipe/);
    });

    it('refuses a symlink in a folder instead of following it', async () => {
      const src = writeTree(path.join(root, 'src'), packFiles('1.0.0'));
      writeFileSync(path.join(root, 'secret.txt'), 'secret');
      symlinkSync(path.join(root, 'secret.txt'), path.join(src, 'templates', 'secret.hbs'));
      await assertRefused(src, /refused "templates\/secret\.hbs": it is a symbolic link/);
    });

    it('refuses a file over 1 MB, from its header, before reading it', async () => {
      const big = Buffer.alloc(2 * MB, 'a');
      await assertRefused(file('big.tgz', tgzOf([{ path: 'pushback-pack.json', data: '{}' }, { path: 'big.md', data: big }])), /big\.md is larger than 1 MB/);
      await assertRefused(file('big.zip', await zipOf([{ name: 'big.md', data: big }])), /big\.md is larger than 1 MB/);
    });

    it('refuses a zip entry that holds more than its header declares (a zip bomb)', async () => {
      const zip = await zipOf([{ name: 'bomb.md', data: Buffer.alloc(2 * MB) }]);
      // Rewrite the uncompressed size in the central directory (and the local header) to 100 bytes.
      for (const [signature, offset] of [[0x02014b50, 24], [0x04034b50, 22]] as const) {
        const sig = Buffer.alloc(4);
        sig.writeUInt32LE(signature);
        const at = zip.indexOf(sig);
        if (zip.readUInt32LE(at + offset) !== 0) zip.writeUInt32LE(100, at + offset);
      }
      await assertRefused(file('bomb.zip', zip), /refused "bomb\.md": it holds more data than its header declares/);
    });

    it('refuses more than 500 files, and more than 5 MB in all', async () => {
      const many = Array.from({ length: 600 }, (_, i) => ({ name: `f${i}.md`, data: 'x' }));
      await assertRefused(file('many.zip', await zipOf(many)), /more than 500 files and folders \(the archive lists 600\)/);
      await assertRefused(file('many.tgz', tgzOf(many.map(({ name, data }) => ({ path: name, data })))), /more than 500 files and folders/);
      const heavy = Array.from({ length: 6 }, (_, i) => ({ path: `f${i}.md`, data: Buffer.alloc(MB - 1, 'x') }));
      await assertRefused(file('heavy.tgz', tgzOf(heavy)), /the pack is larger than 5 MB/);
    });

    it('refuses an archive without a manifest, or that is not an archive', async () => {
      await assertRefused(file('empty.zip', await zipOf([{ name: 'readme.md', data: 'hi' }])), /no pushback-pack\.json at the top of the pack/);
      await assertRefused(file('junk.zip', Buffer.from('not a zip at all')), /not a \.zip, \.tgz or \.tar archive/);
      await assertRefused(path.join(root, 'no-such.zip'), /no such file or folder, and not an npm package name/);
      await assertRefused('x; rm -rf /', /not an npm package name/);
    });

    it('refuses a pack made for another Pushback', async () => {
      const files = packFiles('1.0.0');
      const manifest = JSON.parse(files['pushback-pack.json']);
      files['pushback-pack.json'] = JSON.stringify({ ...manifest, engines: { pushback: '^3.0.0' } });
      const messages = await assertRefused(writeTree(path.join(root, 'src'), files), /works with Pushback \^3\.0\.0, not 0\.1\.0/);
      assert.match(messages, new RegExp(`^${path.join(root, 'src', 'pushback-pack.json').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:1:`));
    });
  });

  describe('upgrades', () => {
    it('replaces the installed version and reports it', async () => {
      assert.ok((await install(writeTree(path.join(root, 'v1'), packFiles('1.0.0')))).ok);
      const result = await install(writeTree(path.join(root, 'v2'), packFiles('2.0.0')));
      assert.ok(result.ok);
      assert.equal(result.value.previousVersion, '1.0.0');
      assert.equal(JSON.parse(readFileSync(path.join(into, 'acme__replies', 'pushback-pack.json'), 'utf8')).version, '2.0.0');
    });

    it('leaves the previous version intact when the new one is broken or refused', async () => {
      assert.ok((await install(writeTree(path.join(root, 'v1'), packFiles('1.0.0')))).ok);
      const installed = tree(into);
      const manifestBefore = readFileSync(path.join(into, 'acme__replies', 'pushback-pack.json'), 'utf8');
      // A template that does not compile: located in the source, not in a temporary folder.
      const broken = await install(file('broken.tgz', npmTgz(packFiles('2.0.0', TEMPLATE.replace('Hi {{request.requester.name}}', 'Hi {{#if x}}')))));
      assert.equal(broken.ok, false);
      assert.match((broken as { problems: { file: string }[] }).problems[0].file, /broken\.tgz!\/templates\/note\.hbs$/);
      // A malicious archive of the same pack.
      await assertRefused(file('evil.zip', await zipOf([...Object.entries(packFiles('2.0.0')).map(([name, data]) => ({ name, data })), { name: 'XX/x', data: 'x' }], { 'XX/x': '../x' })), /outside the pack/);
      assert.deepEqual(tree(into), installed);
      assert.equal(readFileSync(path.join(into, 'acme__replies', 'pushback-pack.json'), 'utf8'), manifestBefore);
    });

    it('installs a folder into a packs folder inside it without copying itself', async () => {
      const src = writeTree(path.join(root, 'src'), packFiles('1.0.0'));
      const result = await installPack(src, { into: path.join(src, 'installed'), pushbackVersion: '0.1.0' });
      assert.ok(result.ok);
      assert.deepEqual(readdirSync(path.join(src, 'installed', 'acme__replies')).sort(), ['pushback-pack.json', 'templates']);
    });
  });

  describe('from a URL', () => {
    let server: http.Server;
    let base: string;
    let zip: Buffer;
    before(async () => {
      zip = await zipOf(Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ name, data })));
      server = http.createServer((request, response) => {
        if (request.url === '/pack.zip') response.end(zip);
        else if (request.url === '/moved') response.writeHead(302, { location: '/pack.zip' }).end();
        else response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());
    const sha256 = () => createHash('sha256').update(zip).digest('hex');

    it('downloads, checks the sha256, then installs (following a redirect)', async () => {
      const result = await install(`${base}/moved`, { sha256: sha256().toUpperCase() });
      assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
      assert.equal(result.value.pack.manifest.id, '@acme/replies');
    });

    it('refuses without a sha256, with a wrong one, and on an HTTP error', async () => {
      await assertRefused(`${base}/pack.zip`, /a URL needs the sha256 of the archive/);
      await assertRefused(`${base}/pack.zip`, /the archive's sha256 is [0-9a-f]{64}, not 0{64}/, { sha256: '0'.repeat(64) });
      await assertRefused(`${base}/pack.zip`, /is not a sha256/, { sha256: 'abc' });
      await assertRefused(`${base}/gone.zip`, /the server answered 404/, { sha256: sha256() });
    });

    it('accepts plain http only on loopback', async () => {
      await assertRefused('http://example.com/pack.zip', /refused http:\/\/ download: only https is accepted/, { sha256: sha256() });
    });
  });

  describe('from npm', () => {
    it('runs npm pack with the user\'s configuration and no scripts, then installs the tarball', async () => {
      const calls: { args: readonly string[]; cwd: string }[] = [];
      const npm = async (args: readonly string[], cwd: string) => {
        calls.push({ args, cwd });
        writeFileSync(path.join(cwd, 'acme-replies-1.0.0.tgz'), npmTgz(packFiles('1.0.0')));
        return `npm notice\n${JSON.stringify([{ filename: 'acme-replies-1.0.0.tgz' }])}`;
      };
      const result = await install('@acme/replies@^1', { npm });
      assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
      assert.deepEqual(calls[0].args, ['pack', '@acme/replies@^1', '--json', '--ignore-scripts', '--pack-destination', '.']);
      assert.ok(calls[0].cwd.startsWith(into));
      assert.deepEqual(readdirSync(into), ['acme__replies']);
    });

    it('reports npm\'s failure', async () => {
      const npm = async () => {
        throw new PackInstallError('npm pack failed: npm error 404 Not Found', 'check the name', '@acme/nope');
      };
      await assertRefused('@acme/nope', /npm pack failed: npm error 404/, { npm });
      await assertRefused('@acme/x', /npm pack did not say which file it wrote/, { npm: async () => 'nothing' });
      await assertRefused('@acme/x', /npm pack did not say which file it wrote/, { npm: async () => '[]' });
      await assertRefused('@acme/x', /npm pack did not say which file it wrote/, { npm: async () => '[{"filename": 3}]' });
    });
  });

  describe('hostile archives', () => {
    const packEntries = () => Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ path: name, data }));
    /** A tar entry with a PAX header, as tar writes names longer than its header holds. */
    const longTgz = (name: string) => {
      const pax = new Pax({ path: name }).encode();
      const plain = gunzipSync(tgzOf([...packEntries(), { path: 'templates/long.hbs', data: 'x' }]));
      const at = plain.indexOf('templates/long.hbs') ;
      return gzipSync(Buffer.concat([plain.subarray(0, at), pax, plain.subarray(at)]));
    };

    it('refuses a name longer than a file system allows, or a path nested too deep, with the entry named', async () => {
      const long = `templates/${'a'.repeat(300)}.hbs`;
      const messages = await assertRefused(file('long.tgz', longTgz(long)), /refused "templates\/a{50}a*…a*\.hbs": a name in it is longer than 255 bytes/);
      assert.ok(messages.length < 600, 'the 300-character name is cut in the message');
      const zip = await zipOf([...Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ name, data })), { name: long, data: 'x' }]);
      await assertRefused(file('long.zip', zip), /a name in it is longer than 255 bytes/);
      await assertRefused(file('deep.tgz', longTgz(`${'d/'.repeat(2000)}x.hbs`)), /it is nested more than 16 folders deep/);
      await assertRefused(file('wide.tgz', longTgz(`${'abcdefghijklmnopqrstuvwxyz/'.repeat(10)}${'x'.repeat(250)}.hbs`)), /the path is longer than 512 bytes/);
    });

    it('reports a name the disk refuses (ENAMETOOLONG) as a refusal of that entry', async () => {
      await assert.rejects(writeStagedFile(root, 'a'.repeat(300), Buffer.from('x')), /refused "a{60}…a{19}": the path is too long for this file system/);
      await assert.rejects(makeStagedFolder(root, 'a'.repeat(300)), /the path is too long for this file system/);
    });

    it('refuses an archive holding the same file twice, zip or tgz, whatever the timing', async () => {
      const second = { path: 'pushback-pack.json', data: JSON.stringify({ id: '@acme/replies', name: 'Evil', version: '6.6.6', templates: [] }) };
      await assertRefused(file('twice.tgz', tgzOf([...packEntries(), second])), /refused "pushback-pack\.json": the archive holds two entries of that name/);
      await assertRefused(file('twice-template.tgz', tgzOf([...packEntries(), { path: './templates/note.hbs', data: 'other' }])), /refused "\.\/templates\/note\.hbs": the archive holds two entries/);
      const zip = await zipOf([...packEntries().map(({ path: name, data }) => ({ name, data })), { name: 'XXtemplates/note.hbs', data: 'other' }], { 'XXtemplates/note.hbs': './templates/note.hbs' });
      await assertRefused(file('twice.zip', zip), /the archive holds two entries of that name/);
    });

    it('waits for every write of a tgz, and fails when one fails after the archive was read', async () => {
      const archive = file('pack.tgz', tgzOf(packEntries()));
      const staging = path.join(root, 'staging');
      mkdirSync(staging);
      const later = () => new Promise((resolve) => setTimeout(resolve, 100));
      const written: string[] = [];
      await unpackTgz(archive, staging, new UnpackBudget(), true, async (_, name) => {
        await later();
        written.push(name);
      });
      assert.deepEqual(written.sort(), ['pushback-pack.json', 'templates/note.hbs']);
      const failing = unpackTgz(archive, staging, new UnpackBudget(), true, async (_, name) => {
        await later();
        if (name.endsWith('.hbs')) throw new PackInstallError('the disk is full', 'free some space', name);
      });
      await assert.rejects(failing, /the disk is full/);
      // And for real: writes under a file fail.
      writeFileSync(path.join(root, 'a-file'), '');
      await assert.rejects(unpackTgz(archive, path.join(root, 'a-file', 'staging'), new UnpackBudget()), PackInstallError);
    });

    it('refuses --into naming a file, without throwing', async () => {
      writeFileSync(path.join(root, 'file'), 'keep');
      const source = writeTree(path.join(root, 'src'), packFiles('1.0.0'));
      for (const into of [path.join(root, 'file'), path.join(root, 'file', 'below')]) {
        const result = await installPack(source, { into });
        assert.ok(!result.ok);
        assert.match(formatProblem(result.problems[0]), /file(\/below)?:1:1: is not a folder \(a file has that name\)/);
      }
      assert.equal(readFileSync(path.join(root, 'file'), 'utf8'), 'keep');
    });
  });

  describe('local archives and the packs folder', () => {
    it('checks a local archive against --sha256 when one is given', async () => {
      const tgz = npmTgz(packFiles('1.0.0'));
      const sha = createHash('sha256').update(tgz).digest('hex');
      const archive = file('pack.tgz', tgz);
      await assertRefused(archive, /is not a sha256 \(64 hexadecimal digits\)/, { sha256: 'not-hex' });
      await assertRefused(archive, new RegExp(`the archive's sha256 is ${sha}, not ${'1'.repeat(64)}`), { sha256: '1'.repeat(64) });
      const result = await install(archive, { sha256: sha.toUpperCase() });
      assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
      assert.equal(result.value.pack.manifest.version, '1.0.0');
    });

    it('installs a plain (uncompressed) tar, and one that lists its folders', async () => {
      const tar = gunzipSync(tgzOf([{ path: 'package/', type: 'Directory' }, { path: 'package/templates/', type: 'Directory' }, ...Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ path: `package/${name}`, data }))]));
      const result = await install(file('pack.tar', tar));
      assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
      assert.deepEqual(readdirSync(path.join(into, 'acme__replies')).sort(), ['pushback-pack.json', 'templates']);
    });

    it('refuses a truncated plain tar, naming it a .tar', async () => {
      const tar = gunzipSync(npmTgz(packFiles('1.0.0')));
      // The header says 512+ bytes of template follow; the file stops half-way through them.
      await assertRefused(file('cut.tar', tar.subarray(0, 512 + 100)), /cut\.tar:1:1: not a valid \.tar archive \(TAR_BAD_ARCHIVE: Truncated input/);
    });

    it('refuses tar entry types a pack never holds', async () => {
      await assertRefused(file('dump.tgz', tgzOf([...Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ path: name, data })), { path: 'dump', type: 'GNUDumpDir' }])), /refused "dump": unsupported entry type GNUDumpDir/);
    });

    it('replaces an installed pack whose manifest it cannot read, without claiming a previous version', async () => {
      for (const manifest of ['{ not json', '{}']) {
        mkdirSync(path.join(into, 'acme__replies'), { recursive: true });
        writeFileSync(path.join(into, 'acme__replies', 'pushback-pack.json'), manifest);
        const result = await install(writeTree(path.join(root, 'v2'), packFiles('2.0.0')));
        assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
        assert.equal(result.value.previousVersion, undefined, manifest);
        assert.equal(JSON.parse(readFileSync(path.join(into, 'acme__replies', 'pushback-pack.json'), 'utf8')).version, '2.0.0');
      }
    });

    it('clears staging folders an interrupted install left over an hour ago, and keeps recent ones', async () => {
      const stale = [path.join(into, '.install-stale'), path.join(into, '.uninstall-stale')];
      const fresh = path.join(into, '.install-running');
      const hidden = path.join(into, '.git');
      for (const dir of [...stale, fresh, hidden]) mkdirSync(dir, { recursive: true });
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      for (const dir of [...stale, hidden]) utimesSync(dir, twoHoursAgo, twoHoursAgo);
      assert.ok((await install(writeTree(path.join(root, 'src'), packFiles('1.0.0')))).ok);
      for (const dir of stale) assert.equal(existsSync(dir), false, dir);
      assert.equal(existsSync(fresh), true);
      assert.equal(existsSync(hidden), true, 'only staging folders are removed');
    });

    it('says why a packs folder cannot be created', async () => {
      const result = await installPack(writeTree(path.join(root, 'src'), packFiles('1.0.0')), { into: path.join(root, 'x'.repeat(300)) });
      assert.ok(!result.ok);
      assert.match(formatProblem(result.problems[0]), /cannot be created \(ENAMETOOLONG\)/);
      assert.match(result.problems[0].hint ?? '', /--into/);
    });

    it('lists installed packs only: not staging or hidden folders, not folders without a manifest', async () => {
      assert.deepEqual(await installedPackDirs(path.join(root, 'missing')), []);
      writeTree(into, { 'acme__b/pushback-pack.json': '{}', 'acme__a/pushback-pack.json': '{}', '.install-x/pushback-pack.json': '{}', 'notes/readme.md': 'x', 'acme__c/pushback-pack.json/oops': 'x' });
      assert.deepEqual(await installedPackDirs(into), [path.join(into, 'acme__a'), path.join(into, 'acme__b')]);
    });

    it('refuses a zip that is cut off, and zip entries of an unknown type', async () => {
      const zip = await zipOf(Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ name, data })));
      await assertRefused(file('cut.zip', zip.subarray(0, zip.length - 30)), /not a readable zip archive/);
      await assertRefused(file('socket.zip', await zipOf([{ name: 'pushback-pack.json', data: '{}' }, { name: 'odd', data: '', mode: 0o030644 }])), /refused "odd": it is not a plain file or folder/);
    });

    it('accepts a zip folder marked only by its type bits, and skips a "./" entry', async () => {
      const zip = await zipOf([{ name: 'XXXXXXXXX/', mode: 0o040755 }, { name: 'extras', data: '', mode: 0o040755 }, ...Object.entries(packFiles('1.0.0')).map(([name, data]) => ({ name, data }))], { 'XXXXXXXXX/': './././././' });
      const result = await install(file('dirs.zip', zip));
      assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
      assert.deepEqual(readdirSync(path.join(into, 'acme__replies')).sort(), ['extras', 'pushback-pack.json', 'templates']);
    });

    it('stops inflating a tgz that unpacks to far more than its files hold (a decompression bomb)', async () => {
      const limits = { maxPackBytes: 1024, maxFileBytes: 1024, maxEntries: 4 };
      const bomb = gzipSync(Buffer.concat([gunzipSync(tgzOf([{ path: 'a.md', data: 'x' }])), Buffer.alloc(4 * MB)]));
      await assert.rejects(unpackTgz(file('bomb.tgz', bomb), mkdtempSync(path.join(root, 'stage-')), new UnpackBudget(limits)), /unpacks to far more data than its files hold/);
    });
  });

  describe('downloads', () => {
    let server: http.Server;
    let base: string;
    const body = Buffer.from('x'.repeat(4096));
    const sha = createHash('sha256').update(body).digest('hex');
    before(async () => {
      server = http.createServer((request, response) => {
        if (request.url === '/loop') response.writeHead(302, { location: '/loop' }).end();
        else if (request.url === '/big') response.writeHead(200, { 'content-length': String(body.length) }).end(body);
        else if (request.url === '/chunked') {
          response.writeHead(200);
          response.write(body.subarray(0, 2048));
          response.end(body.subarray(2048));
        } else if (request.url === '/bad-redirect') response.writeHead(301, { location: 'http://[oops' }).end();
        else response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());
    const target = () => path.join(root, 'download');

    it('gives up after five redirects', async () => {
      await assert.rejects(downloadPack(`${base}/loop`, sha, target(), MB), /more than 5 redirects/);
    });

    it('refuses an archive over the cap, whether the server declares its size or not', async () => {
      await assert.rejects(downloadPack(`${base}/big`, sha, target(), 1024), /the archive is larger than 1 KB/);
      await assert.rejects(downloadPack(`${base}/chunked`, sha, target(), 3072), /the archive is larger than 3 KB/);
      const saved = await downloadPack(`${base}/chunked`, sha, path.join(root, 'whole'), MB).then(() => readFileSync(path.join(root, 'whole')));
      assert.deepEqual(saved, body);
    });

    it('refuses text that is not a URL, wherever it comes from', async () => {
      await assert.rejects(downloadPack('http://', sha, target(), MB), /"http:\/\/" is not a URL/);
      await assert.rejects(downloadPack(`${base}/bad-redirect`, sha, target(), MB), /"http:\/\/\[oops" is not a URL/);
    });

    it('reports an https server it cannot reach as a download problem', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const error = await downloadPack(`https://127.0.0.1:${port}/pack.zip`, sha, target(), MB).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof PackInstallError);
      assert.match(error.message, /^cannot download: .*ECONNREFUSED/);
      assert.equal(error.hint, 'check the URL and your network connection');
    });
  });

  describe('the pieces', () => {
    it('checks entry names the same way for every source', () => {
      assert.equal(safeEntryPath('./templates//a.hbs'), 'templates/a.hbs');
      assert.equal(safeEntryPath('./'), '');
      for (const bad of ['../a', 'a/../../b', '/etc/passwd', 'C:/x', 'a\\b', 'a:b', 'a\0b']) assert.throws(() => safeEntryPath(bad), bad);
    });

    it('counts bytes as they arrive and stops at the first byte over', () => {
      const budget = new UnpackBudget();
      const count = budget.file('a.md');
      count(INSTALL_LIMITS.maxFileBytes);
      assert.throws(() => count(1), /a\.md is larger than 1 MB/);
    });

    it('knows where VS Code keeps the user packs on each platform', () => {
      assert.equal(userPacksDir({ env: {}, platform: 'linux', home: '/home/u' }), '/home/u/.config/Code/User/globalStorage/pushback.pushback/packs');
      assert.equal(userPacksDir({ env: {}, platform: 'darwin', home: '/Users/u' }), '/Users/u/Library/Application Support/Code/User/globalStorage/pushback.pushback/packs');
      assert.equal(userPacksDir({ env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\u' }), 'C:\\Users\\u\\AppData\\Roaming\\Code\\User\\globalStorage\\pushback.pushback\\packs');
      assert.equal(userPacksDir({ env: { PUSHBACK_PACKS_DIR: '/ci/packs' }, platform: 'linux' }), '/ci/packs');
      assert.equal(userPacksDir({ env: {}, globalStorage: '/gs/pushback.pushback', platform: 'linux' }), '/gs/pushback.pushback/packs');
      assert.equal(userPacksDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/u' }), '/xdg/Code/User/globalStorage/pushback.pushback/packs');
      assert.equal(userPacksDir({ env: {}, platform: 'win32', home: 'C:\\Users\\u' }), 'C:\\Users\\u\\AppData\\Roaming\\Code\\User\\globalStorage\\pushback.pushback\\packs');
      assert.equal(userPacksDir({ env: {}, platform: 'linux' }), path.join(homedir(), '.config/Code/User/globalStorage/pushback.pushback/packs'));
    });
  });
});
