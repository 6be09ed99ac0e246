/**
 * The integration suites (test/integration/<name>.test.ts, bundled to out/test/integration/),
 * each run in a fresh extension host on a fresh copy of test/fixtures/workspace. Shared by
 * runIntegration.ts (code-server) and runDesktop.ts (@vscode/test-electron).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './codeServer';

export interface IntegrationSuite {
  /** The file test/integration/<name>.test.ts. */
  name: string;
  /** Run with Workspace Trust on and the folder untrusted (Restricted Mode). */
  restricted?: boolean;
}

const SUITES_DIR = path.join(REPO_ROOT, 'test', 'integration');
/** A suite that needs Restricted Mode says so in its file name: `<name>.restricted.test.ts`. */
const RESTRICTED_SUFFIX = '.restricted';

/** Every test/integration/*.test.ts, found in the folder: a new suite runs without being listed anywhere. */
export function integrationSuites(dir = SUITES_DIR): IntegrationSuite[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.test.ts'.length))
    .sort()
    .map((name) => (name.endsWith(RESTRICTED_SUFFIX) ? { name, restricted: true } : { name }));
}

export const INTEGRATION_SUITES: IntegrationSuite[] = integrationSuites();

export const SUITE_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

/** Fails with the command to run when the suites have not been bundled. */
export function assertSuitesBuilt(suites: IntegrationSuite[]): void {
  for (const file of [SUITE_INDEX, ...suites.map((s) => path.join(path.dirname(SUITE_INDEX), `${s.name}.test.js`))]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`node scripts/build-tests.mjs\``);
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build`');
}

/** A fresh copy of the fixture workspace in a temporary folder; remove it with `dispose`. */
export function copyFixtureWorkspace(): { folder: string; dispose(): void } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'pushback-ws-'));
  const folder = path.join(parent, 'workspace');
  fs.cpSync(FIXTURE_WORKSPACE, folder, { recursive: true });
  return { folder, dispose: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

/** `--suite a,b` (or repeated) picks suites by name; no flag means all of them. */
export function selectSuites(names: string[] | undefined): IntegrationSuite[] {
  const wanted = names?.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean);
  if (!wanted?.length) return INTEGRATION_SUITES;
  const unknown = wanted.filter((n) => !INTEGRATION_SUITES.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown suite ${unknown.join(', ')}; have: ${INTEGRATION_SUITES.map((s) => s.name).join(', ')}`);
  return INTEGRATION_SUITES.filter((s) => wanted.includes(s.name));
}
