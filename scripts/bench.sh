#!/usr/bin/env bash
# The benchmark (issue 9): native engine figures (criterion) and the release page in headless Debian
# Chromium (scripts/bench-browser.mjs), with the page's transferred size. Prints figures; asserts none.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== native (criterion, one core)"
cargo bench --bench engine -- --noplot 2>&1 | grep -E '^[a-z_0-9/]+ +time:|^[a-z_0-9/]+$|time:' || true

echo
echo "== release build and transferred size (gzip -9)"
trunk build --release --skip-version-check >/dev/null 2>&1
scripts/size.sh dist

echo
echo "== browser (headless Chromium, release build)"
node scripts/bench-browser.mjs
