#!/usr/bin/env bash
# Installs whatever the project needs and is missing; idempotent and quick when everything is there.
#   scripts/setup.sh          everything (build tools, Chromium for tests, npm packages)
#   scripts/setup.sh serve    only what serving the page needs (no browser)
# Versions are pinned here and in Cargo.lock / package-lock.json; nothing downloads a prebuilt binary
# from outside the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
what=${1:-all}

step() { printf '\n== setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  # 0.21.14 is the newest trunk that builds with this rustc (0.22 needs a newer one). --locked: without
  # it cargo picks newer cssparser/lightningcss releases that no longer compile together. About 12 minutes.
  step "trunk $TRUNK_VERSION (cargo install, about 12 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# trunk only uses a local wasm-bindgen whose version equals the one Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # Without --locked: the CLI's own lock file pins a crate version the registry no longer serves.
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm packages: binaryen (wasm-opt for release builds), playwright-core and axe-core (browser tests).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

if [ "$what" != serve ]; then
  # Chromium for the browser tests, a small Chinese font so Chinese text renders in screenshots and
  # printed PDFs instead of empty boxes, and poppler-utils (pdftotext) to read the printed report.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || [ -z "$(fc-list :lang=zh 2>/dev/null)" ] || ! command -v pdftotext >/dev/null; then
    step "Debian chromium, chromium-driver, fonts-wqy-microhei, poppler-utils"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-wqy-microhei poppler-utils
  fi
fi

step "cargo fetch"
cargo fetch --quiet
