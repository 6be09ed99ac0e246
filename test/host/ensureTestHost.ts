/**
 * The step of `npm test` before the in-editor tests: the test host (code-server, Debian's
 * Chromium, Verdaccio) is in place, or scripts/install-test-host.sh installs it now. The
 * script is idempotent and `--check` installs nothing, so a second run only checks. Where
 * it cannot install (no apt-get, not root), the script says in one line which command to run.
 *
 *   npx tsx test/host/ensureTestHost.ts
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './codeServer';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'install-test-host.sh');
/** The script's exit code when it cannot install here and has said what to run instead. */
const CANNOT_INSTALL_HERE = 3;

export function ensureTestHost(): number {
  const check = spawnSync('bash', [SCRIPT, '--check'], { encoding: 'utf8' });
  if (check.status === 0) return 0;
  process.stdout.write(`${check.stdout.trim() || 'test host: not installed'}; installing it (bash scripts/install-test-host.sh)\n`);
  const install = spawnSync('bash', [SCRIPT], { stdio: 'inherit' });
  if (install.status === 0) return 0;
  if (install.status !== CANNOT_INSTALL_HERE) process.stderr.write('error: the test host could not be installed (see above); fix that, then run: bash scripts/install-test-host.sh\n');
  return 1;
}

if (require.main === module) process.exit(ensureTestHost());
