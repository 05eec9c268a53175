#!/usr/bin/env bash
# Prints what a visitor downloads from a release build in dist/: each wasm, js and css file raw and
# gzip -9, and the total. Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
[ -d "$dist" ] || { echo "size: no $dist/ — build first (trunk build --release)" >&2; exit 1; }
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' file raw gzip-9
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "${f#"$dist"/}" "$raw" "$gz"
done < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
printf '%-44s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
printf 'page size: %d bytes gzip-9 (%.1f KB)\n' "$total_gz" "$(echo "$total_gz / 1024" | bc -l)"
