#!/usr/bin/env bash
# Scores unboil on the shared corpora with ../shared/tools/eval.py (or $UNBOIL_SHARED/tools)
# and prints the figures: F1, precision, recall, and on the Readability pages the title,
# byline, lang and published match; on modern-dev the with-coverage and without-leak; on
# multilingual-dev (snippets only) F1, precision and recall over the snippets.
# Usage: bench/quality.sh [--per-doc DIR]   (per-page CSVs land in DIR when given)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${UNBOIL_SHARED:-../shared}"
if [ ! -d "$shared/corpus" ]; then
  echo "quality: no corpus at $shared/corpus (set UNBOIL_SHARED)" >&2
  exit 2
fi
per_doc=""
if [ "${1:-}" = "--per-doc" ]; then per_doc="${2:?--per-doc needs a folder}"; mkdir -p "$per_doc"; fi
cargo build --release --quiet
out="${TMPDIR:-/tmp}/unboil-quality.$$"
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
for corpus in readability modern-dev multilingual-dev; do
  args=(--corpus "$corpus" --json "$out/$corpus.json")
  [ -n "$per_doc" ] && args+=(--per-doc "$per_doc/$corpus.csv")
  python3 "$shared/tools/eval.py" "${args[@]}" -- target/release/unboil > "$out/$corpus.log" 2>&1 || { cat "$out/$corpus.log"; exit 1; }
  python3 - "$corpus" "$out/$corpus.json" <<'PY'
import json, sys
corpus, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
keys = ["f1", "precision", "recall", "with_coverage", "without_leak", "title_match", "byline_match", "lang_match", "published_match"]
shown = "  ".join(f"{k}={r[k]:.4f}" for k in keys if isinstance(r.get(k), (int, float)))
print(f"{corpus:12} pages={r.get('pages')} missing={r.get('missing')}  {shown}  ({r.get('seconds', 0):.2f}s)")
PY
done
