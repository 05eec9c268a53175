#!/usr/bin/env bash
# The README's second command, and what .ci/run calls: installs whatever is missing, then runs every
# check and test in order, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n==== %s\n' "$*"; }

step "1/8 cargo fmt --check"
cargo fmt --all -- --check

step "2/8 cargo clippy (native, all targets; wasm32 lib and bins) -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --workspace --target wasm32-unknown-unknown --features web --lib --bins --quiet -- -D warnings

step "3/8 engine purity"
scripts/check-engine-purity.sh

step "4/8 native tests (cargo test)"
native_log=$(mktemp)
cargo test --workspace --all-targets 2>&1 | tee "$native_log"
grep -E '^test result:' "$native_log" | awk '{p+=$4; f+=$6} END {printf "native tests: %d passed, %d failed\n", p, f}'
rm -f "$native_log"

step "5/8 browser unit tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --features web --test web

step "6/8 release build (trunk build --release)"
trunk build --release --skip-version-check

step "7/8 page size"
scripts/size.sh dist

step "8/8 end-to-end tests (Playwright driving Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/

echo
echo "all checks passed"
