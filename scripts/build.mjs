// Bundles with esbuild: the CLI (and, once it exists, the extension host) for Node.
// Types are checked separately by `tsc --noEmit`; esbuild only strips them.
import { build } from 'esbuild';
import { buildLazyModules, lazyModulesPlugin } from './lazyModules.mjs';

const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning',
  // jsonc-parser's UMD entry hides its requires from bundlers; its ESM entry does not.
  mainFields: ['module', 'main'] };

const builds = [build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' })];
// Activation pays only for what it runs: heavy libraries load on first use (scripts/lazyModules.mjs).
builds.push(build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyModulesPlugin()] }));
builds.push(...buildLazyModules(common, 'dist'));
// The composer's page runs in the webview: a browser bundle, no Node. It renders the preview
// with the core, so packages' browser builds come first (Handlebars' main entry reads files).
builds.push(build({ ...common, platform: 'browser', target: 'chrome120', format: 'iife', mainFields: ['browser', 'module', 'main'], entryPoints: ['src/webview/composer/main.ts'], outfile: 'dist/webview/composer.js', metafile: true }).then((result) => {
  if (production) console.log(`dist/webview/composer.js: ${(Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0).toLocaleString('en-US')} bytes`);
  return result;
}));
// The Teams card preview (Adaptive Cards, markdown-it) is loaded by the page only when it is shown.
builds.push(build({ ...common, platform: 'browser', target: 'chrome120', format: 'iife', mainFields: ['browser', 'module', 'main'], entryPoints: ['src/webview/composer/teamsPreviewEntry.ts'], outfile: 'dist/webview/teamsPreview.js' }));
await Promise.all(builds);
