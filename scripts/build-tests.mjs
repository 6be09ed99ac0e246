// Bundles the integration suites for the extension host: out/test/integration/<name>.js.
// Each file is one bundle (its helpers inlined); `vscode` comes from the host and mocha is
// required at run time from node_modules by index.js. Types are checked by `tsc --noEmit`.
import { rmSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';

const dir = 'test/integration';
const outdir = 'out/test/integration';
const entryPoints = readdirSync(dir)
  .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
  .map((file) => `${dir}/${file}`);

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  // jsonc-parser's UMD entry hides its requires from bundlers; its ESM entry does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
console.log(`build-tests: ${entryPoints.length} bundles in ${outdir}/`);
