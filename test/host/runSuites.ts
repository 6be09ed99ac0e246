/**
 * runSuites — run a mocha suite inside a real VS Code extension host.
 *
 * The host is VS Code 1.100.3 as bundled by code-server 4.100.3, driven headless by Debian's
 * Chromium through playwright-core (desktop VS Code cannot be downloaded on these machines).
 *
 * Setup (once per machine, idempotent; also run by .ci/run):
 *   scripts/install-test-host.sh        # apt chromium + headers, code-server -> .vscode-test/
 *
 * Usage:
 *   npx tsx test/host/runSuites.ts --extension DIR --suite /ABS/PATH/suite/index.js --workspace DIR
 *       [--env KEY=VALUE]...   environment for the extension host (and so the tests); repeatable.
 *                              The payload's extensionEnvironment does NOT reach the host.
 *       [--timeout SECONDS]    hard limit for the whole run (default 300); exits 124 when hit.
 *       [--trust]              keep Workspace Trust on (default: --disable-workspace-trust).
 *       [--verbose]            also print the workbench's own log lines and code-server output.
 *
 * The suite's index.js must export `run(): Promise<void>` that rejects when mocha reports
 * failures (the standard @vscode/test-electron shape, so the same suite also runs on desktop).
 * Mocha's reporter output arrives through `codeAutomationLog` and is printed to stdout; the exit
 * code is the suite's (0 green, 1 failures), 124 on timeout, 2 on harness errors. On failure
 * the workbench/extension-host logs are written to test-results/host-logs/<time>/.
 * code-server runs in its own process group, which is always killed at the end.
 *
 * Mechanism: http://127.0.0.1:PORT/?folder=WS&payload=[["extensionDevelopmentPath",
 * "vscode-remote://127.0.0.1:PORT/EXT"],["extensionTestsPath","vscode-remote://.../index.js"]]
 * — the same payload VS Code uses for Extension Development Host windows.
 */
import fs from 'node:fs';
import path from 'node:path';
import util, { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, launchBrowser, startCodeServer, type CodeServer } from './codeServer';

interface HostLog {
  relativePath: string;
  contents: string;
}

export interface RunSuiteOptions {
  extensionDir: string;
  suitePath: string;
  workspaceFolder: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  disableWorkspaceTrust?: boolean;
  verbose?: boolean;
  /** Where mocha output goes (default: process.stdout). */
  write?: (text: string) => void;
}

/**
 * The workbench logs its own lines through the same channel as the extension host's console
 * (both as [format, ...args]); these known workbench lines are hidden unless --verbose.
 */
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|\[driver\]|Creation of workbench contribution )|ENOTFOUND open-vsx\.org|vsda/;

/** codeAutomationLog receives console-style arguments: ["%s passing (%s)", 3, "71ms"]. */
export function formatLogMessage(message: unknown): string {
  return Array.isArray(message) ? util.format(...(message as unknown[])) : String(message);
}

export async function runSuite(opts: RunSuiteOptions): Promise<number> {
  const write = opts.write ?? ((t: string) => process.stdout.write(t));
  const timeoutMs = opts.timeoutMs ?? 300_000;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  const started = Date.now();
  const cleanup = async () => {
    finished = true;
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };

  try {
    const result = await new Promise<{ code: number; logs: HostLog[] }>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new TimeoutError(`runSuites: TIMEOUT — no result after ${timeoutMs / 1000} s (suite ${opts.suitePath})`)),
        timeoutMs,
      );
      (async () => {
        server = await startCodeServer({
          workspaceFolder: opts.workspaceFolder,
          env: opts.env,
          disableWorkspaceTrust: opts.disableWorkspaceTrust ?? true,
          onLog: opts.verbose ? (l) => process.stderr.write(`[code-server] ${l}\n`) : () => undefined,
        });
        if (finished) return void (await server.stop()); // timed out while starting
        browser = await launchBrowser();
        if (finished) return void (await browser.close());
        const page = await browser.newPage();
        page.on('crash', () => reject(new Error('runSuites: browser page crashed')));
        if (opts.verbose) page.on('pageerror', (e) => process.stderr.write(`[pageerror] ${e.message}\n`));
        await page.exposeFunction('codeAutomationLog', (type: string, message: unknown) => {
          const text = formatLogMessage(message);
          if (!opts.verbose && NOISE.test(text)) return;
          write(opts.verbose ? `[${type}] ${text}\n` : `${text}\n`);
        });
        await page.exposeFunction('codeAutomationExit', (code: number, logs?: HostLog[]) =>
          resolve({ code, logs: logs ?? [] }),
        );
        await page.goto(
          server.workbenchUrl([
            ['extensionDevelopmentPath', server.remoteUri(opts.extensionDir)],
            ['extensionTestsPath', server.remoteUri(opts.suitePath)],
          ]),
          // The run's own limit bounds this: on a busy machine the workbench takes longer than Playwright's 30 s default.
          { timeout: timeoutMs },
        );
      })().catch(reject);
    });
    if (result.code !== 0) saveLogs(result.logs, write);
    write(`runSuites: exit ${result.code} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return result.code;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof TimeoutError ? 124 : 2;
  } finally {
    await cleanup();
  }
}

class TimeoutError extends Error {}

function saveLogs(logs: HostLog[], write: (t: string) => void): void {
  if (!logs.length) return;
  const dir = path.join(REPO_ROOT, 'test-results', 'host-logs', new Date().toISOString().replace(/[:.]/g, '-'));
  for (const log of logs) {
    const file = path.join(dir, log.relativePath);
    if (!file.startsWith(dir + path.sep)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, log.contents);
  }
  write(`runSuites: host logs saved to ${path.relative(process.cwd(), dir) || dir}\n`);
}

function usage(msg: string): never {
  process.stderr.write(
    `${msg}\nusage: tsx test/host/runSuites.ts --extension DIR --suite /ABS/suite/index.js --workspace DIR` +
      ` [--env K=V]... [--timeout SECONDS] [--trust] [--verbose]\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        extension: { type: 'string' },
        suite: { type: 'string' },
        workspace: { type: 'string' },
        env: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        trust: { type: 'boolean' },
        verbose: { type: 'boolean' },
      },
    }));
  } catch (e) {
    usage((e as Error).message);
  }
  const { extension, suite, workspace } = values;
  if (!extension || !suite || !workspace) usage('--extension, --suite and --workspace are required');
  if (!fs.existsSync(path.join(extension, 'package.json'))) usage(`no package.json in --extension ${extension}`);
  if (!path.isAbsolute(suite) || !fs.existsSync(suite)) usage(`--suite must be an existing absolute path: ${suite}`);
  if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) usage(`--workspace is not a folder: ${workspace}`);
  const env: Record<string, string> = {};
  for (const kv of values.env ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) usage(`--env expects KEY=VALUE, got ${kv}`);
    env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const timeoutS = values.timeout ? Number(values.timeout) : 300;
  if (!(timeoutS > 0)) usage(`--timeout expects seconds, got ${values.timeout}`);

  const code = await runSuite({
    extensionDir: path.resolve(extension),
    suitePath: suite,
    workspaceFolder: path.resolve(workspace),
    env,
    timeoutMs: timeoutS * 1000,
    disableWorkspaceTrust: !values.trust,
    verbose: values.verbose,
  });
  process.exit(code);
}

if (require.main === module) void main();
