// Bundles with esbuild: the CLI (and, once it exists, the extension host) for Node.
// Types are checked separately by `tsc --noEmit`; esbuild only strips them.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning',
  // jsonc-parser's UMD entry hides its requires from bundlers; its ESM entry does not.
  mainFields: ['module', 'main'] };

const builds = [build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' })];
if (existsSync('src/extension/extension.ts')) {
  builds.push(build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }));
}
await Promise.all(builds);
