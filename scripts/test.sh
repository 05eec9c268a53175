#!/usr/bin/env bash
# The README's second command, and what .ci/run calls: installs whatever is missing, then runs every
# check and test in order, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
t_setup=$(date +%s.%N)
scripts/setup.sh
awk -v a="$t_setup" -v b="$(date +%s.%N)" 'BEGIN { printf "setup: %.1f s wall\n", b - a }'
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

# Each step prints its wall time and the CPU time of everything it ran (user + system, from the
# shell's reaped children in /proc/$$/stat), and the summary lists them: the machine is shared, so wall
# time varies with the load while CPU time mostly does not.
cpu_ticks() { local s; s=$(</proc/$$/stat); s=${s##*) }; set -- $s; echo $(( ${14} + ${15} )); }
summary=()
t_start=$(date +%s.%N)
c_start=$(cpu_ticks)
step_name=
step_t0=
step_c0=
step_end() {
  [ -n "$step_name" ] || return 0
  local t1 c1
  t1=$(date +%s.%N)
  c1=$(cpu_ticks)
  summary+=("$(awk -v n="$step_name" -v w="$(awk -v a="$step_t0" -v b="$t1" 'BEGIN { print b - a }')" \
    -v c="$(( c1 - step_c0 ))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%-58s %7.1f s wall %7.1f s CPU", n, w, c / hz }')")
  printf '     %s\n' "${summary[-1]}"
  step_name=
}
step() {
  step_end
  step_name=$*
  printf '\n==== %s\n' "$*"
  step_t0=$(date +%s.%N)
  step_c0=$(cpu_ticks)
}

step "1/8 cargo fmt --check"
cargo fmt --all -- --check

step "2/8 cargo clippy (native, all targets) -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "2/8 cargo clippy (wasm32 lib and bins, web feature) -D warnings"
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

step "6/8 release build (scripts/build.mjs)"
node scripts/build.mjs

step "7/8 page size"
scripts/size.sh dist

step "8/8 end-to-end tests (Playwright driving Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/

step_end
echo
printf '%s\n' "${summary[@]}"
awk -v a="$t_start" -v b="$(date +%s.%N)" -v c="$(( $(cpu_ticks) - c_start ))" -v hz="$(getconf CLK_TCK)" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "%-58s %7.1f s wall %7.1f s CPU (load %s)\n", "total after setup", b - a, c / hz, l }'
echo "all checks passed"
