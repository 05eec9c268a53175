#!/usr/bin/env bash
# The README's first command: installs whatever is missing, then serves the page on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh serve
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "Serving Cadence on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --release --skip-version-check --address 127.0.0.1 --port 8080
