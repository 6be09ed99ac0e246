/**
 * npm run test:integration — runs each integration suite in its own real extension host
 * (VS Code 1.100.3 from code-server, driven by Debian's Chromium; see runSuites.ts), on a
 * fresh copy of test/fixtures/workspace, and prints a summary. Exit code 1 if any suite fails.
 *
 *   npx tsx test/host/runIntegration.ts [--suite NAME[,NAME]]... [--together] [--verbose]
 *
 *   --together  one host for all the trusted suites and one for the restricted ones: faster
 *               (≈2 starts instead of 6), less isolated (suites share workspace state).
 *
 * Needs `npm run build` (dist/) and `npm run build:tests` (out/test/integration/) first.
 */
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './codeServer';
import { assertSuitesBuilt, copyFixtureWorkspace, type IntegrationSuite, selectSuites, SUITE_INDEX } from './integrationSuites';
import { runSuite } from './runSuites';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { suite: { type: 'string', multiple: true }, together: { type: 'boolean' }, verbose: { type: 'boolean' } } });
  const selected = selectSuites(values.suite);
  assertSuitesBuilt(selected);
  const runs = values.together ? groupByTrust(selected) : selected;

  const results: { name: string; code: number; seconds: number }[] = [];
  for (const suite of runs) {
    process.stdout.write(`\n== ${suite.name}${suite.restricted ? ' (Restricted Mode)' : ''}\n`);
    const workspace = copyFixtureWorkspace();
    const started = Date.now();
    try {
      const code = await runSuite({
        extensionDir: REPO_ROOT,
        suitePath: SUITE_INDEX,
        workspaceFolder: workspace.folder,
        env: { PUSHBACK_TEST_SUITES: suite.name },
        disableWorkspaceTrust: !suite.restricted,
        timeoutMs: 300_000,
        verbose: values.verbose,
      });
      results.push({ name: suite.name, code, seconds: (Date.now() - started) / 1000 });
    } finally {
      workspace.dispose();
    }
  }

  process.stdout.write('\n== integration suites\n');
  for (const r of results) process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name.padEnd(30)} ${r.seconds.toFixed(1).padStart(5)} s${r.code === 0 ? '' : `  (exit ${r.code})`}\n`);
  const failed = results.filter((r) => r.code !== 0);
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  process.stdout.write(`${results.length - failed.length}/${results.length} suites passed in ${total.toFixed(1)} s\n`);
  return failed.length === 0 ? 0 : 1;
}

/** One run per trust mode, its name the comma-separated suite names (what index.js expects). */
function groupByTrust(suites: IntegrationSuite[]): IntegrationSuite[] {
  return [false, true]
    .map((restricted) => ({ restricted, name: suites.filter((s) => Boolean(s.restricted) === restricted).map((s) => s.name).join(',') }))
    .filter((run) => run.name !== '');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`runIntegration: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
