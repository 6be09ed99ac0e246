// Heavy libraries the extension host loads only when first used, so activation does not
// pay for them. Each is bundled on its own into dist/lazy/<name>.js; in dist/extension.js
// an import of it becomes a stub whose exports stand in for the real ones and load the
// library on first call, `new` or property read. The source keeps ordinary static imports
// (core code stays synchronous and shared with the CLI, which bundles them as usual).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

/** The packages made lazy in the extension host, with the file each is bundled into. */
export const LAZY_MODULES = ['chrono-node', 'csv-parse/sync', 'tar', 'yauzl', 'yazl', 'markdown-it', 'semver', 'handlebars', 'yaml', 'jsonc-parser', 'diff'];

const fileOf = (name) => `${name.replace(/[^a-z0-9]+/gi, '-')}.js`;

/** One bundle per lazy package, next to the extension bundle. */
export function buildLazyModules(common, outdir) {
  return LAZY_MODULES.map((name) =>
    build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), loader: 'js' }, outfile: path.join(outdir, 'lazy', fileOf(name)) }),
  );
}

// The stand-ins, inlined into every stub. A function or class export becomes a function
// proxy (call, `new`, `extends`, static members, `instanceof` all reach the real one);
// an object export an object proxy; anything else (a constant) is copied at build time.
const runtime = (file) => `
let real;
const load = () => (real ??= require(${JSON.stringify(file)}));
const valueOf = (key) => { const m = load(); return key === 'default' ? (m.__esModule && 'default' in m ? m.default : m) : m[key]; };
const traps = (target) => ({
  get: (_, key) => target()[key],
  set: (_, key, value) => Reflect.set(target(), key, value),
  has: (_, key) => key in target(),
  ownKeys: () => Reflect.ownKeys(target()),
  getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(target(), key); return d && { ...d, configurable: true }; },
  getPrototypeOf: () => Reflect.getPrototypeOf(target()),
});
const fn = (key) => {
  const target = () => valueOf(key);
  const proxy = new Proxy(function () {}, {
    ...traps(target),
    apply: (_, self, args) => Reflect.apply(target(), self, args),
    construct: (_, args, newTarget) => Reflect.construct(target(), args, newTarget === proxy ? target() : newTarget),
  });
  return proxy;
};
const obj = (key) => new Proxy({}, traps(() => valueOf(key)));
`;

/** The esbuild plugin for the extension bundle: imports of LAZY_MODULES resolve to stubs. */
export function lazyModulesPlugin() {
  return {
    name: 'lazy-modules',
    setup(b) {
      const pattern = new RegExp(`^(?:${LAZY_MODULES.map((m) => m.replace(/[/.-]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter: pattern }, (args) => (args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' }));
      b.onResolve({ filter: /^\.\/lazy\// }, (args) => (args.namespace === 'lazy' ? { path: args.path, external: true } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
        const real = require(args.path);
        const kind = (value) => (typeof value === 'function' ? 'fn' : value !== null && typeof value === 'object' ? 'obj' : 'const');
        const lines = [runtime(`./lazy/${fileOf(args.path)}`)];
        for (const key of Object.keys(real).filter((k) => k !== 'default' && k !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(k))) {
          const k = kind(real[key]);
          lines.push(`export const ${key} = ${k === 'const' ? JSON.stringify(real[key]) ?? 'undefined' : `${k}(${JSON.stringify(key)})`};`);
        }
        const defaultValue = real.__esModule && 'default' in real ? real.default : real;
        lines.push(`export default ${kind(defaultValue) === 'const' ? JSON.stringify(defaultValue) : `${kind(defaultValue)}('default')`};`);
        return { contents: lines.join('\n'), loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
}
