#!/usr/bin/env bash
# Checks that a change leaves the CLI's output byte-identical on every corpus page.
# Usage: bench/same-output.sh save DIR    (writes one JSON per page into DIR)
#        bench/same-output.sh check DIR   (runs again and diffs against DIR; exit 1 on any difference)
# Readability pages run as the quality script runs them; modern-dev and multilingual-dev pages
# also get their --url, so link resolution is covered too. Corpus from $UNBOIL_SHARED (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?save or check}"; ref="${2:?folder}"
shared="${UNBOIL_SHARED:-../shared}"
cargo build --release --quiet -p unboil-cli
bin="${CARGO_TARGET_DIR:-target}/release/unboil"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
out="$ref"
[ "$mode" = check ] && out="$tmp/out"
mkdir -p "$out"
for d in "$shared"/corpus/readability/*/; do
  name="r-$(basename "$d")"
  "$bin" "$d/source.html" --format json > "$out/$name.json" 2>&1 || echo "exit $?" >> "$out/$name.json"
done
# Each gzipped corpus with the prefix of its pages' names.
for corpus in modern-dev:m multilingual-dev:l; do
  for f in "$shared/corpus/${corpus%:*}"/*.html.gz; do
    id="$(basename "$f" .html.gz)"
    name="${corpus#*:}-$id"
    gunzip -c "$f" > "$tmp/$id.html"
    url="$(jq -r '.url // empty' "${f%.html.gz}.json")"
    "$bin" "$tmp/$id.html" ${url:+--url "$url"} --format json > "$out/$name.json" 2>&1 || echo "exit $?" >> "$out/$name.json"
  done
done
echo "same-output: $(ls "$out" | wc -l) pages"
if [ "$mode" = check ]; then
  if diff -rq "$ref" "$out"; then echo "same-output: identical"; else echo "same-output: DIFFERENT" >&2; exit 1; fi
fi
