/**
 * npm run test:desktop — the same integration suites (out/test/integration) in desktop VS Code
 * through @vscode/test-electron, for machines that can download VS Code or already have it.
 * On these build machines the download fails (no access to update.code.visualstudio.com):
 * use `npm run test:integration`, which runs them in code-server's VS Code.
 *
 *   npx tsx test/host/runDesktop.ts [--suite NAME[,NAME]]...
 *   VSCODE_EXECUTABLE=/path/to/code npx tsx test/host/runDesktop.ts    # an installed VS Code, no download
 *   VSCODE_VERSION=1.100.3 (default) | stable | insiders
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './codeServer';
import { assertSuitesBuilt, copyFixtureWorkspace, selectSuites, SUITE_INDEX } from './integrationSuites';

const VERSION = process.env.VSCODE_VERSION ?? '1.100.3';
const EXECUTABLE = process.env.VSCODE_EXECUTABLE;

/** A failed download is the expected failure here: say so in one paragraph, not a stack trace. */
function isDownloadFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? '')} ${error.cause ? String(error.cause) : ''}` : String(error);
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|download|update\.code\.visualstudio\.com|fetch failed/i.test(text);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { suite: { type: 'string', multiple: true } } });
  const suites = selectSuites(values.suite);
  assertSuitesBuilt(suites);
  if (EXECUTABLE && !fs.existsSync(EXECUTABLE)) throw new Error(`VSCODE_EXECUTABLE=${EXECUTABLE} does not exist`);

  const results: { name: string; code: number }[] = [];
  for (const suite of suites) {
    process.stdout.write(`\n== ${suite.name} (desktop VS Code ${EXECUTABLE ?? VERSION})\n`);
    const workspace = copyFixtureWorkspace();
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pushback-desktop-'));
    try {
      const code = await runTests({
        ...(EXECUTABLE ? { vscodeExecutablePath: EXECUTABLE } : { version: VERSION }),
        timeout: 20_000,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: SUITE_INDEX,
        extensionTestsEnv: { PUSHBACK_TEST_SUITES: suite.name },
        launchArgs: [
          workspace.folder,
          '--disable-extensions',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${path.join(profile, 'user-data')}`,
          `--extensions-dir=${path.join(profile, 'extensions')}`,
          ...(suite.restricted ? [] : ['--disable-workspace-trust']),
        ],
      });
      results.push({ name: suite.name, code });
    } catch (error) {
      if (isDownloadFailure(error)) {
        process.stderr.write(
          `\ntest:desktop: could not download VS Code ${VERSION} (${error instanceof Error ? error.message : String(error)}).\n` +
            'This machine cannot reach update.code.visualstudio.com, so desktop VS Code cannot be tested here.\n' +
            '  - run the same suites in code-server\'s VS Code instead:  npm run test:integration\n' +
            '  - or point at an installed VS Code:  VSCODE_EXECUTABLE=/path/to/code npm run test:desktop\n',
        );
        return 1;
      }
      // runTests rejects with TestRunFailedError when the suite fails: report it like a result.
      const code = (error as { code?: unknown }).code;
      results.push({ name: suite.name, code: typeof code === 'number' ? code : 1 });
    } finally {
      workspace.dispose();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
  const failed = results.filter((r) => r.code !== 0);
  process.stdout.write(`\n${results.length - failed.length}/${results.length} suites passed on desktop VS Code${failed.length ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''}\n`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`test:desktop: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
