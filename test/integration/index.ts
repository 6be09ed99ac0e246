/**
 * Entry point the extension host loads (`extensionTestsPath`): runs the suites named in
 * PUSHBACK_TEST_SUITES (comma-separated, e.g. "activation,commands"), else every
 * `*.test.js` next to this file. The same shape @vscode/test-electron expects, so
 * test/host/runDesktop.ts runs these suites on desktop VS Code too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface MochaRunner {
  addFile(file: string): void;
  loadFilesAsync(): Promise<void>;
  run(done: (failures: number) => void): unknown;
}
type MochaConstructor = new (options: Record<string, unknown>) => MochaRunner;

export async function run(): Promise<void> {
  // Bundled to out/test/integration/index.js; mocha stays outside the bundle. Mocha 12 is
  // ESM-first: its CommonJS entry is lib/mocha.cjs (Node 20.19+ can require the rest).
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(path.join(repoRoot, 'node_modules', 'mocha', 'lib', 'mocha.cjs')) as MochaConstructor;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.PUSHBACK_TEST_TIMEOUT_MS ?? 90_000),
    slow: 2000,
    // A skipped test is a failed one: a suite that cannot set up what it tests must not pass as pending.
    forbidPending: true,
    forbidOnly: true,
  });

  const wanted = process.env.PUSHBACK_TEST_SUITES?.split(',').map((s) => s.trim()).filter(Boolean);
  const available = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).map((f) => f.slice(0, -'.test.js'.length));
  const suites = wanted ?? available.filter((name) => !name.endsWith('.restricted'));
  const unknown = suites.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new Error(`no such suite: ${unknown.join(', ')} (have: ${available.join(', ')})`);
  for (const name of suites) mocha.addFile(path.join(__dirname, `${name}.test.js`));

  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed`);
}
