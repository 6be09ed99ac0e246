import * as assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, promises as fsp } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeScaffoldedPack } from '../../src/node/packScaffold';
import { COMMANDS } from '../../src/extension/commandIds';
import { exportPackTarball } from '../../src/node/packExport';
import type { InstalledPack } from '../../src/node/packInstall';
import { closeAllEditorsWithoutSaving, composerProvider, pushbackApi, pushbackExtension, sleep, waitFor } from './helpers';

const PACK_ID = '@registry-test/replies';
const MARKER = 'Published through a private registry';

/**
 * Sharing through an existing registry: a local Verdaccio on 127.0.0.1 (installed by
 * scripts/install-test-host.sh into .vscode-test/verdaccio, never proxying anywhere),
 * a pack published to it with `npm publish`, installed by name through the extension
 * with the user's npm configuration pointing at it, a reply rendered from it, and the
 * registry stopped.
 */
describe('template pack from an npm registry (Verdaccio)', function () {
  this.timeout(90_000);
  let registry: ChildProcess | undefined;
  let registryLog = '';
  let temp: string;
  let url: string;
  let userConfig: string;
  const savedEnv: Record<string, string | undefined> = {};

  before(async () => {
    const bin = path.join(pushbackExtension().extensionPath, '.vscode-test', 'verdaccio', 'node_modules', 'verdaccio', 'bin', 'verdaccio');
    assert.ok(existsSync(bin), `${bin} is missing: run scripts/install-test-host.sh`);
    temp = await fsp.mkdtemp(path.join(os.tmpdir(), 'pushback-registry-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    const config = path.join(temp, 'config.yaml');
    await fsp.writeFile(
      config,
      [
        `storage: ${JSON.stringify(path.join(temp, 'storage'))}`,
        `auth: { htpasswd: { file: ${JSON.stringify(path.join(temp, 'htpasswd'))}, max_users: 10 } }`,
        // No uplinks: the registry never proxies to another one.
        'uplinks: {}',
        'packages:',
        "  '@*/*': { access: $all, publish: $authenticated }",
        "  '**': { access: $all, publish: $authenticated }",
        'log: { type: stdout, format: pretty, level: warn }',
        '',
      ].join('\n'),
    );
    // ELECTRON_RUN_AS_NODE: on desktop VS Code the host's executable is Electron, which then acts as Node.
    registry = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    registry.stdout?.on('data', (chunk: Buffer) => (registryLog += chunk.toString()));
    registry.stderr?.on('data', (chunk: Buffer) => (registryLog += chunk.toString()));
    const started = Date.now();
    await waitFor('Verdaccio to answer /-/ping', () => fetch(`${url}-/ping`).then((r) => r.ok, () => false), (up) => up || registry?.exitCode != null, 30_000, 100);
    assert.equal(registry.exitCode, null, `Verdaccio exited:\n${registryLog}`);
    console.log(`      Verdaccio up on ${url} in ${Date.now() - started} ms`);

    // npm adduser, without a terminal: Verdaccio's CouchDB-style user endpoint answers with a token.
    const added = await fetch(`${url}-/user/org.couchdb.user:pushback-test`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'pushback-test', password: 'not-a-secret-just-a-test' }),
    });
    const { token } = (await added.json()) as { token?: string };
    assert.ok(added.ok && token, `adding a user failed: ${added.status}`);
    userConfig = path.join(temp, 'npmrc');
    await fsp.writeFile(userConfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  });

  after(async () => {
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await closeAllEditorsWithoutSaving();
    if (registry && registry.exitCode === null) {
      const exited = new Promise((resolve) => registry?.once('exit', resolve));
      registry.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (registry.exitCode === null && registry.signalCode === null) registry.kill('SIGKILL');
    }
    if (temp) await fsp.rm(temp, { recursive: true, force: true });
  });

  it('publishes a pack (exported as an npm tarball) to the local registry', async () => {
    const { services } = await pushbackApi();
    const dir = path.join(temp, 'pack');
    const scaffolded = await writeScaffoldedPack(dir, PACK_ID, { pushbackVersion: services.pushbackVersion, sample: services.sample });
    assert.ok(scaffolded.ok, JSON.stringify(scaffolded));
    const template = path.join(dir, 'templates', 'yes-and-next-steps.hbs');
    await fsp.writeFile(template, (await fsp.readFile(template, 'utf8')).replace('Shall we agree the next step this week?', MARKER));
    const tarball = await exportPackTarball(dir, path.join(temp, 'registry-test-replies-0.1.0.tgz'));
    const output = await npm(['publish', tarball.file, '--registry', url, '--userconfig', userConfig, '--ignore-scripts'], temp);
    assert.match(output, new RegExp(`${PACK_ID}@0\\.1\\.0`));
    const published = (await (await fetch(`${url}${PACK_ID.replace('/', '%2f')}`)).json()) as { 'dist-tags'?: { latest?: string } };
    assert.equal(published['dist-tags']?.latest, '0.1.0');
  });

  it('installs the pack by name through the extension, with npm configured for that registry', async () => {
    // The user's own npm configuration, as npm reads it from the environment of the editor.
    for (const [key, value] of [['npm_config_registry', url], ['npm_config_userconfig', userConfig]] as const) {
      if (!(key in savedEnv)) savedEnv[key] = process.env[key];
      process.env[key] = value;
    }
    const { services } = await pushbackApi();
    const started = Date.now();
    const installed = await vscode.commands.executeCommand<InstalledPack | undefined>(COMMANDS.installTemplatePack, PACK_ID);
    assert.ok(installed, 'the install failed (the Pushback log has the reason)');
    console.log(`      installed ${PACK_ID} from the registry in ${Date.now() - started} ms`);
    assert.equal(installed.pack.manifest.version, '0.1.0');
    assert.ok(installed.dir.startsWith(services.userPacksDir));
    const entry = (await services.packSources()).entries.find((e) => e.about.id === PACK_ID);
    assert.equal(entry?.source, 'user');
  });

  it('renders a reply from the installed template', async () => {
    const { drafts, services } = await pushbackApi();
    await drafts.update({ ...drafts.get(), title: 'Visitor Wi-Fi', requesterName: 'Dana Whitfield', effortDays: '4', templateId: 'yes-and-next-steps', capacityFile: services.sample.capacityFile });
    const reply = await (await composerProvider()).currentReply();
    assert.match(reply.markdown, new RegExp(MARKER));
    assert.match(reply.markdown, /Hi Dana,/);
  });

  it('uninstalls it again', async () => {
    const removed = await vscode.commands.executeCommand<string | undefined>(COMMANDS.uninstallTemplatePack, PACK_ID, { confirm: false });
    assert.ok(removed);
    const { services } = await pushbackApi();
    assert.ok(!(await services.packSources()).entries.some((e) => e.about.id === PACK_ID));
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function npm(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const windows = process.platform === 'win32';
    execFile(windows ? 'npm.cmd' : 'npm', args, { cwd, shell: windows, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`npm ${args.join(' ')} failed: ${error.message}\n${stderr}`)) : resolve(`${stdout}\n${stderr}`),
    );
  });
}
