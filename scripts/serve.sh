#!/usr/bin/env bash
# The README's first command: installs whatever is missing, builds the page (scripts/build.mjs) and
# serves dist/ on http://127.0.0.1:8080, rebuilding when a source file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh serve
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
node scripts/build.mjs
exec node scripts/serve.mjs --port 8080 --watch
