#!/usr/bin/env bash
# Architecture invariant: src/engine/ (the cadence-engine crate) is pure. It never imports the browser
# (yew, web-sys, js-sys, gloo, wasm-bindgen), never (de)serializes (serde is the scenario module's
# job), never reads a clock or the environment, and never does I/O. Its manifest may depend only on
# the pinned random-number crates, so the compiler refuses any other import; this script also names
# every offending source line. Exits 1 on a violation.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/engine}
status=0
pattern='\b(yew|web_sys|js_sys|gloo|wasm_bindgen|serde|serde_json)\b|std::(fs|io|net|env|time|process|thread)\b|\b(Instant|SystemTime|thread_rng|OsRng)\b|rand::rng\(|(Utc|Local)::now|println!|eprintln!|print!'
if matches=$(grep -rnE --include='*.rs' "$pattern" "$dir"); then
  echo "engine purity: FAILED — $dir must not use the browser, serde, clocks or I/O:" >&2
  echo "$matches" >&2
  status=1
fi
if [ -f "$dir/Cargo.toml" ]; then
  # Every dependency line of every [*dependencies] table must name one of the allowed crates.
  allowed='^(rand|rand_chacha|rand_distr)$'
  deps=$(awk '/^\[/{ in_deps = ($0 ~ /dependencies\]$/) ; next } in_deps && /^[A-Za-z0-9_-]+[[:space:]]*=/ { sub(/[[:space:]]*=.*/, ""); print }' "$dir/Cargo.toml")
  for dep in $deps; do
    if ! [[ $dep =~ $allowed ]]; then
      echo "engine purity: FAILED — $dir/Cargo.toml depends on '$dep'; the engine may depend only on rand, rand_chacha and rand_distr" >&2
      status=1
    fi
  done
fi
# Layering: the browser services sit below the page and never import it (the types they share with
# the page live in services or lower). Checked only for the real tree (or a SERVICES_DIR a test names).
services=${SERVICES_DIR:-}
if [ -z "$services" ] && [ "$dir" = src/engine ]; then services=src/services; fi
if [ -n "$services" ] && matches=$(grep -rnE --include='*.rs' 'crate::ui\b' "$services"); then
  echo "layering: FAILED — $services must not import the page (crate::ui):" >&2
  echo "$matches" >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "engine purity: ok ($(find "$dir" -name '*.rs' | wc -l) files in $dir checked)${services:+; $services imports nothing from ui}"
fi
exit "$status"
