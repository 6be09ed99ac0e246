import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { PackInstallError } from './unpackBudget';

/**
 * An npm package name, optionally with a version, range or tag: `@acme/replies`,
 * `@acme/replies@1.2.0`, `@acme/replies@^1`, `pushback-pack-x@latest`. Deliberately
 * narrower than npm's grammar (no spaces, quotes, `<`, `|`, `%`, URLs or paths), so
 * it can be handed to npm, even through cmd.exe on Windows, without quoting rules.
 */
export const NPM_PACKAGE_SPEC = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(@[A-Za-z0-9.^~*+-]+)?$/;

/** Runs npm with arguments in a folder; returns standard output. Injectable for tests and for an npm path from settings. */
export type NpmRunner = (args: readonly string[], cwd: string) => Promise<string>;

/**
 * Fetch a package's tarball into `dir` with `npm pack`, under the user's own npm
 * configuration (registry, scopes, auth in .npmrc): Pushback never picks a
 * registry. Scripts are off, so fetching a pack runs nothing from it.
 * Returns the tarball's path.
 */
export async function npmPack(spec: string, dir: string, run: NpmRunner = runNpm): Promise<string> {
  if (!NPM_PACKAGE_SPEC.test(spec)) throw new PackInstallError(`"${spec}" is not an npm package name`, 'write a name like @acme/finance-replies or @acme/finance-replies@1.2.0', spec);
  const stdout = await run(['pack', spec, '--json', '--ignore-scripts', '--pack-destination', '.'], dir);
  let filename: unknown;
  try {
    // Some npm versions print notices before the JSON.
    const parsed = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename?: unknown }[];
    filename = parsed[0]?.filename;
  } catch {
    filename = undefined;
  }
  if (typeof filename !== 'string') throw new PackInstallError('npm pack did not say which file it wrote', 'run "npm pack NAME --json" yourself to see what npm prints', spec);
  return path.join(dir, path.basename(filename));
}

export const runNpm: NpmRunner = (args, cwd) =>
  new Promise((resolve, reject) => {
    const windows = process.platform === 'win32';
    // npm is npm.cmd on Windows, which Node runs only through a shell; the spec is already restricted to safe characters.
    execFile(windows ? 'npm.cmd' : 'npm', [...args], { cwd, shell: windows, timeout: 120_000, maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new PackInstallError('npm was not found', 'install Node.js and npm, or install the pack from a .tgz or a folder'));
      }
      const reason = String(stderr).split('\n').map((line) => line.trim()).filter((line) => /^npm (ERR!|error)/.test(line)).slice(0, 2).join(' ') || error.message;
      reject(new PackInstallError(`npm pack failed: ${reason}`, 'check the name and your npm registry settings (.npmrc): Pushback uses your npm configuration', args[1]));
    });
  });
