#!/usr/bin/env bash
# Installs whatever the project needs and is missing; idempotent and quick when everything is there.
#   scripts/setup.sh          everything (build tools, Chromium for tests, npm packages)
#   scripts/setup.sh serve    only what serving the page needs (no browser)
# Versions are pinned here and in Cargo.lock / package-lock.json; nothing downloads a prebuilt binary
# from outside the package registries. On a fresh machine the one long step is compiling
# wasm-bindgen-cli (a few minutes); the Debian packages and npm packages download meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

what=${1:-all}

step() { printf '\n== setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Steps that download rather than compile run in the background while cargo compiles; each writes
# its own log, printed when it ends (so the outputs do not interleave), and a failure stops setup.
background=()
logs=()
in_background() {
  local name=$1 log
  shift
  log=$(mktemp)
  step "$name (in the background)"
  ("$@") >"$log" 2>&1 &
  background+=("$!")
  logs+=("$name|$log")
}
wait_background() {
  local i status=0 name log
  for i in "${!background[@]}"; do
    name=${logs[$i]%%|*}
    log=${logs[$i]#*|}
    if wait "${background[$i]}"; then
      step "$name: done"
    else
      step "$name: FAILED"
      status=1
    fi
    cat "$log"
    rm -f "$log"
  done
  return "$status"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# npm packages: binaryen (wasm-opt for release builds), playwright-core and axe-core (browser tests).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  in_background "npm ci" npm ci --no-audit --no-fund
fi

if [ "$what" != serve ]; then
  # Chromium for the browser tests, a small Chinese font so Chinese text renders in screenshots and
  # printed PDFs instead of empty boxes, and poppler-utils (pdftotext) to read the printed report.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || [ -z "$(fc-list :lang=zh 2>/dev/null)" ] || ! command -v pdftotext >/dev/null; then
    apt_install() {
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-wqy-microhei poppler-utils
    }
    in_background "Debian chromium, chromium-driver, fonts-wqy-microhei, poppler-utils" apt_install
  fi
fi

# scripts/build.mjs and the browser tests use a wasm-bindgen whose version equals the one Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
  # Without --locked: the CLI's own lock file pins a crate version the registry no longer serves.
  # About 330 s of CPU: 3 minutes on two idle cores, 5–6 under load.
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, 3–6 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

wait_background

step "cargo fetch"
cargo fetch --quiet
