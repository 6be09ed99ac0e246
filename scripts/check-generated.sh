#!/usr/bin/env bash
# Generated files must be committed as the code generates them: the JSON Schemas in
# media/schemas (npm test's build rewrites them, so the test comparing them cannot fail
# there) and the built-in pack's golden replies in templates/examples. This regenerates
# both from the code and fails on any difference, new file included. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build:schemas
UPDATE_GOLDEN=1 npx mocha --no-config --require tsx/cjs --extension ts --timeout 120000 test/unit/builtinPack.golden.test.ts >/dev/null
git add --intent-to-add -- media/schemas templates/examples
if ! git diff --exit-code --stat -- media/schemas templates/examples; then
  echo "error: media/schemas or templates/examples differ from what the code generates: run npm run build:schemas and UPDATE_GOLDEN=1 npx mocha --spec test/unit/builtinPack.golden.test.ts, review the diff, and commit it" >&2
  exit 1
fi
echo "generated files: up to date"
