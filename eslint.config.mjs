// @ts-check
import tseslint from 'typescript-eslint';

/** Node's own modules: not in the core, the protocol or the webview, which run in a browser too. */
const nodeOnly = ['fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'worker_threads', 'stream', 'zlib', 'util', 'events', 'buffer']
  .flatMap((name) => [name, `node:${name}`]);

/**
 * The layers, each with what it may import: core ← shared ← node ← cli and extension;
 * the webview imports only core and shared. A relative import into a layer not listed
 * (`../extension/settings` from the core) is an error, as is a module a layer must not use.
 */
const LAYERS = ['core', 'shared', 'node', 'cli', 'extension', 'webview'];
const MAY_IMPORT = {
  core: ['core'],
  shared: ['core', 'shared'],
  node: ['core', 'shared', 'node'],
  cli: ['core', 'shared', 'node', 'cli'],
  extension: ['core', 'shared', 'node', 'extension'],
  webview: ['core', 'shared', 'webview'],
};
const MODULES_BANNED = {
  core: ['vscode', ...nodeOnly],
  shared: ['vscode', ...nodeOnly],
  node: ['vscode'],
  cli: ['vscode'],
  extension: [],
  webview: ['vscode', ...nodeOnly],
};

/** A relative import that climbs into `layer` (`../layer/…`, `../../layer`), from anywhere under src/. */
const intoLayer = (layer) => `^(\\.\\./)+${layer}(/|$)`;

function layerRules(layer) {
  const forbidden = LAYERS.filter((other) => !MAY_IMPORT[layer].includes(other));
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: MODULES_BANNED[layer].map((name) => ({ name, message: `src/${layer} must not use "${name}" (see "Development" in README.md).` })),
          patterns: forbidden.map((other) => ({
            regex: intoLayer(other),
            message: `src/${layer} may import only from ${MAY_IMPORT[layer].map((l) => `src/${l}`).join(', ')}; not from src/${other}.`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  ...LAYERS.map(layerRules),
);
