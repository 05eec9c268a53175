#!/usr/bin/env bash
# The benchmark (issue 9): native engine figures (criterion) and the release page in headless Debian
# Chromium (scripts/bench-browser.mjs), with the page's transferred size and its first load
# (scripts/bench-load.mjs: FCP, LCP, TBT and the bytes, under Lighthouse's mobile throttling).
# Prints figures; asserts none.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== native (criterion, one core)"
native_log=$(mktemp)
cargo bench --bench engine -- --noplot 2>&1 | tee "$native_log" | grep -E '^[a-z_0-9/]+ +time:|^[a-z_0-9/]+$|time:' || true
# The median (criterion's middle estimate) in ms of the benchmark named $1, for the wasm/native ratio.
native_ms() {
  grep -A1 -E "^$1( |\$)" "$native_log" | grep -oE 'time: +\[[^]]*\]' | head -1 |
    awk '{ v = $4; u = $5; f = (u == "s") ? 1000 : (u == "ms") ? 1 : (u == "µs" || u == "us") ? 0.001 : 0.000001; print v * f }' || true
}
export NATIVE_MC_1000_MS NATIVE_EV_MS
NATIVE_MC_1000_MS=$(native_ms 'monte_carlo/mc_1000_runs_104_weeks')
NATIVE_EV_MS=$(native_ms 'ev_run_104_weeks')
rm -f "$native_log"

echo
echo "== release build and transferred size (gzip -9)"
node scripts/build.mjs >/dev/null
scripts/size.sh dist
echo
echo "== what the app's wasm bytes are"
node scripts/wasm-breakdown.mjs

echo
echo "== first load (Lighthouse's mobile throttling and unthrottled, served compressed)"
node scripts/bench-load.mjs

echo
echo "== browser (headless Chromium, release build)"
node scripts/bench-browser.mjs
