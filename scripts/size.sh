#!/usr/bin/env bash
# Prints what a visitor downloads from a release build in dist/: each wasm, js, css and html file raw,
# gzip -9 and, where the build wrote one, its precompressed brotli copy (.br), and the totals. The
# precompressed copies (.gz, .br) are not counted as files of their own. Run after
# `node scripts/build.mjs`.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
[ -d "$dist" ] || { echo "size: no $dist/ — build first (node scripts/build.mjs)" >&2; exit 1; }
total_raw=0
total_gz=0
total_br=0
printf '%-44s %10s %10s %10s\n' file raw gzip-9 brotli
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=-
  [ -f "$f.br" ] && br=$(wc -c <"$f.br") && total_br=$((total_br + br))
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d %10s\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
done < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
printf '%-44s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
printf 'page size: %d bytes gzip-9 (%.1f KB); %d bytes brotli (%.1f KB)\n' "$total_gz" "$(echo "$total_gz / 1024" | bc -l)" "$total_br" "$(echo "$total_br / 1024" | bc -l)"
