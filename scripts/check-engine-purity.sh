#!/usr/bin/env bash
# Architecture invariant: src/engine/ is pure. It never imports the browser (yew, web-sys, js-sys, gloo,
# wasm-bindgen), never (de)serializes (serde is the scenario module's job), never reads a clock or the
# environment, and never does I/O. Exits 1 and names every offending line.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-src/engine}
pattern='\b(yew|web_sys|js_sys|gloo|wasm_bindgen|serde|serde_json)\b|std::(fs|io|net|env|time|process|thread)\b|\b(Instant|SystemTime|thread_rng|OsRng)\b|rand::rng\(|(Utc|Local)::now|println!|eprintln!|print!'
if matches=$(grep -rnE --include='*.rs' "$pattern" "$dir"); then
  echo "engine purity: FAILED — $dir must not use the browser, serde, clocks or I/O:" >&2
  echo "$matches" >&2
  exit 1
fi
echo "engine purity: ok ($(find "$dir" -name '*.rs' | wc -l) files in $dir checked)"
