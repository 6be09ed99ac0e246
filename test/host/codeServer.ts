/**
 * Start / stop code-server (VS Code 1.100.3 for the web) and Debian's Chromium for
 * in-editor tests. See runSuites.ts for usage and docs/testing notes.
 *
 * Installed by scripts/install-test-host.sh into the git-ignored .vscode-test/code-server.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CODE_SERVER_ENTRY =
  process.env.CODE_SERVER_ENTRY ??
  path.join(REPO_ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface CodeServerOptions {
  /** Folder opened in the workbench (absolute path). */
  workspaceFolder: string;
  /** Extensions dir; default: a fresh one inside the run's temp dir. */
  extensionsDir?: string;
  /** VSIX files installed (`--install-extension`) into extensionsDir before starting. */
  installVsix?: string[];
  /** Extra environment for the server (reaches the extension host and the tests). */
  env?: Record<string, string>;
  /** Merged over the default user settings (settings.json in the user-data-dir). */
  settings?: Record<string, unknown>;
  /** Pass `--disable-workspace-trust` (default true; set false to test Workspace Trust). */
  disableWorkspaceTrust?: boolean;
  /** Receives code-server's stdout/stderr lines; default: kept, printed only if start fails. */
  onLog?: (line: string) => void;
}

export interface CodeServer {
  /** Base URL, e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  pid: number;
  /** Per-run temp dir (HOME, TMPDIR, user-data-dir, extensions-dir); removed by stop(). */
  runDir: string;
  workspaceFolder: string;
  /** `vscode-remote://127.0.0.1:PORT/abs/path` — how the browser workbench names server files. */
  remoteUri(absPath: string): string;
  /** Workbench URL for the folder, with an optional payload (e.g. extensionDevelopmentPath). */
  workbenchUrl(payload?: Array<[string, string]>): string;
  /** Kills the whole process group (server + extension hosts) and removes runDir. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Variables code-server reads that would override our flags: PORT beats --bind-addr,
 * VSCODE_IPC_HOOK_CLI hands the folder to an enclosing VS Code instead of starting. */
const STRIPPED_ENV = /^(VSCODE_|ELECTRON_|CS_|CODE_SERVER_)|^(PORT|PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN|LOG_LEVEL)$/;
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (STRIPPED_ENV.test(k)) continue;
    env[k] = v;
  }
  return env;
}

const liveGroups = new Set<number>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort (Ctrl-C, timeouts, crashes): never leave a server, extension host or temp dir behind.
  process.on('exit', () => {
    liveGroups.forEach((pid) => killGroup(pid, 'SIGKILL'));
    liveDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => process.exit(128 + (os.constants.signals[sig] ?? 1)));
  }
}
function tempDir(prefix: string): string {
  installExitHook();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  liveDirs.add(dir);
  return dir;
}
function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  liveDirs.delete(dir);
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server not found at ${CODE_SERVER_ENTRY}; run scripts/install-test-host.sh`);
  }
  const workspaceFolder = path.resolve(opts.workspaceFolder);
  const runDir = tempDir('pushback-host-');
  const dirs = {
    home: path.join(runDir, 'home'),
    tmp: path.join(runDir, 'tmp'),
    userData: path.join(runDir, 'user-data'),
    extensions: opts.extensionsDir ? path.resolve(opts.extensionsDir) : path.join(runDir, 'extensions'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2),
  );
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    ...opts.env,
  };
  const common = ['--config', configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  for (const vsix of opts.installVsix ?? []) {
    const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...common, '--install-extension', path.resolve(vsix), '--force'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }

  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(opts.disableWorkspaceTrust === false ? [] : ['--disable-workspace-trust']),
    workspaceFolder,
  ];
  // detached: true = setsid(); the server and its extension hosts share one process group.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  liveGroups.add(pid);

  const logs: string[] = [];
  const onChunk = (buf: Buffer) => {
    for (const line of buf.toString('utf8').split('\n')) {
      if (!line) continue;
      if (opts.onLog) opts.onLog(line);
      else logs.push(line);
    }
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      killGroup(pid, 'SIGTERM');
      for (let i = 0; i < 30 && exited === undefined; i++) await sleep(100);
      killGroup(pid, 'SIGKILL'); // extension hosts may ignore SIGTERM
      liveGroups.delete(pid);
      removeTempDir(runDir);
    })());

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`code-server exited (${exited}) before it was ready:\n${logs.join('\n')}`);
    }
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server not healthy after 30 s:\n${logs.join('\n')}`);
    }
    await sleep(100);
  }

  const remoteUri = (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  return {
    url,
    port,
    pid,
    runDir,
    workspaceFolder,
    remoteUri,
    workbenchUrl(payload) {
      const q = new URLSearchParams({ folder: workspaceFolder });
      if (payload?.length) q.set('payload', JSON.stringify(payload));
      return `${url}?${q.toString()}`;
    },
    stop,
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Docker's /dev/shm is 64 MB; Debian's wrapper check for this fails on some machines.
  '--disable-dev-shm-usage',
];

/** Debian's Chromium via playwright-core. Playwright gives it a fresh temporary profile
 * (--user-data-dir); a temporary HOME keeps its crashpad/dconf files out of the real home.
 * Both are removed when the browser closes. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found; run scripts/install-test-host.sh (never \`npx playwright install\`)`);
  }
  const home = tempDir('pushback-browser-');
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    });
    browser.on('disconnected', () => removeTempDir(home));
    return browser;
  } catch (e) {
    removeTempDir(home);
    throw e;
  }
}
