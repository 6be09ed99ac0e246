import * as os from 'node:os';
import * as path from 'node:path';

/** VS Code's id for this extension (publisher.name): its global storage folder is named after it. */
export const EXTENSION_ID = 'pushback.pushback';

export interface UserPacksDirOptions {
  /** `context.globalStorageUri.fsPath` inside the extension host: exact even for Insiders, VSCodium or --user-data-dir. */
  globalStorage?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * Where user-installed packs live: `<VS Code user data>/User/globalStorage/pushback.pushback/packs`.
 * The CLI and the extension both call this, so `pushback pack install` installs
 * where the editor looks. `PUSHBACK_PACKS_DIR` overrides it for both (CI, portable
 * installs, another VS Code flavour).
 */
export function userPacksDir(options: UserPacksDirOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const paths = platform === 'win32' ? path.win32 : path.posix;
  if (env.PUSHBACK_PACKS_DIR) return paths.resolve(env.PUSHBACK_PACKS_DIR);
  if (options.globalStorage) return paths.join(options.globalStorage, 'packs');
  const home = options.home ?? os.homedir();
  const userData =
    platform === 'win32'
      ? paths.join(env.APPDATA ?? paths.join(home, 'AppData', 'Roaming'), 'Code')
      : platform === 'darwin'
        ? paths.join(home, 'Library', 'Application Support', 'Code')
        : paths.join(env.XDG_CONFIG_HOME ?? paths.join(home, '.config'), 'Code');
  return paths.join(userData, 'User', 'globalStorage', EXTENSION_ID, 'packs');
}
