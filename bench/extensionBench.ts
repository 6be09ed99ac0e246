import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runSuite } from '../test/host/runSuites';

const root = path.resolve(__dirname, '..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Activation in the real extension host (code-server's VS Code): median of 5 fresh starts. */
export async function benchActivation(): Promise<Record<string, unknown>> {
  if (!existsSync(path.join(root, '.vscode-test/code-server'))) {
    return { skipped: 'no test host: run scripts/install-test-host.sh' };
  }
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'pushback-bench-'));
    const out = path.join(dir, 'result.json');
    const workspace = path.join(dir, 'workspace');
    mkdirSync(workspace);
    const code = await runSuite({
      extensionDir: root,
      suitePath: path.join(root, 'bench/activation.suite.js'),
      workspaceFolder: workspace,
      env: { PUSHBACK_BENCH_OUT: out },
      timeoutMs: 120_000,
      write: () => undefined,
    });
    if (code !== 0 || !existsSync(out)) throw new Error(`activation run ${run + 1} failed (exit ${code})`);
    samples.push(JSON.parse(readFileSync(out, 'utf8')).activationMs);
    rmSync(dir, { recursive: true, force: true });
  }
  return { activationMedianMs: round(median(samples), 2), activationSamplesMs: samples.map((s) => round(s, 2)) };
}

/** Sizes of the bundles as built, and of the VSIX packaged now (vsce, as CI does). */
export function bundleSizes(): Record<string, number | string> {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 'not built');
  const dir = mkdtempSync(path.join(tmpdir(), 'pushback-vsix-'));
  const vsix = path.join(dir, 'pushback.vsix');
  const packaged = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { cwd: root, encoding: 'utf8' });
  const sizes = {
    hostBundleBytes: size(path.join(root, 'dist/extension.js')),
    // Libraries the host loads on first use (scripts/lazyModules.mjs): on disk, not read at activation.
    hostLazyBytes: existsSync(path.join(root, 'dist/lazy')) ? readdirSync(path.join(root, 'dist/lazy')).reduce((total, name) => total + statSync(path.join(root, 'dist/lazy', name)).size, 0) : 'not built',
    webviewBundleBytes: size(path.join(root, 'dist/webview/composer.js')),
    // The Teams card preview (Adaptive Cards, markdown-it): the page loads it only when the Teams preview is shown.
    webviewTeamsPreviewBytes: size(path.join(root, 'dist/webview/teamsPreview.js')),
    cliBundleBytes: size(path.join(root, 'dist/cli.js')),
    vsixBytes: packaged.status === 0 ? size(vsix) : `vsce failed: ${packaged.stderr.split('\n')[0]}`,
  };
  rmSync(dir, { recursive: true, force: true });
  return sizes;
}
