import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The layers (core ← shared ← node ← cli and extension; the webview on core and shared)
 * are enforced by eslint.config.mjs. These lint a one-line file placed in each layer
 * with the project's own configuration: a forbidden import must fail, an allowed one pass.
 */
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const FORBIDDEN: [file: string, specifier: string][] = [
  ['src/core/model/probe.ts', '../../extension/settings'],
  ['src/core/probe.ts', '../extension/settings'],
  ['src/core/probe.ts', '../shared/protocol'],
  ['src/core/probe.ts', '../node/nodeFileSystem'],
  ['src/core/probe.ts', 'vscode'],
  ['src/core/probe.ts', 'node:fs'],
  ['src/shared/probe.ts', '../node/nodeFileSystem'],
  ['src/shared/probe.ts', 'node:path'],
  ['src/node/probe.ts', '../cli/main'],
  ['src/node/probe.ts', '../extension/settings'],
  ['src/node/probe.ts', 'vscode'],
  ['src/cli/probe.ts', '../extension/settings'],
  ['src/cli/probe.ts', 'vscode'],
  ['src/extension/packs/probe.ts', '../../cli/main'],
  ['src/extension/probe.ts', '../webview/dom'],
  ['src/webview/probe.ts', '../node/nodeFileSystem'],
  ['src/webview/probe.ts', '../extension/settings'],
  ['src/webview/probe.ts', 'node:fs'],
];

const ALLOWED: [file: string, specifier: string][] = [
  ['src/core/draft/probe.ts', '../engine/renderReply'],
  ['src/shared/probe.ts', '../core/draft/draftForm'],
  ['src/node/probe.ts', '../core/problems'],
  ['src/node/probe.ts', 'node:fs'],
  ['src/cli/probe.ts', '../node/nodeFileSystem'],
  ['src/extension/packs/probe.ts', '../../node/packScaffold'],
  ['src/extension/probe.ts', '../shared/protocol'],
  ['src/extension/probe.ts', 'vscode'],
  ['src/webview/probe.ts', '../core/draft/draftForm'],
  ['src/webview/probe.ts', '../shared/protocol'],
];

describe('the layers, enforced by lint', function () {
  this.timeout(60_000);

  for (const [file, specifier] of FORBIDDEN) {
    it(`refuses ${specifier} in ${file}`, async () => {
      const messages = await restrictedImports(file, specifier);
      assert.equal(messages.length, 1, `expected "${specifier}" to be refused in ${file}`);
      assert.match(messages[0], /must not use|may import only from/);
    });
  }

  for (const [file, specifier] of ALLOWED) {
    it(`allows ${specifier} in ${file}`, async () => {
      assert.deepEqual(await restrictedImports(file, specifier), []);
    });
  }
});
