#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh), builds unboil, cleans the bundled sample page,
# prints the article (metadata, then the text), and exits 0. When a step fails, the last line
# names it.
set -uo pipefail
cd "$(dirname "$0")/.."
fail() { echo "demo: failed at step \"$1\" (exit code $2); see the messages above" >&2; exit 1; }
sample=samples/harbor-ferries.html
url=https://www.baysidecourier.example/news/2025/04/14/harbor-ferries-battery-power
bin="${CARGO_TARGET_DIR:-target}/release/unboil"

scripts/setup.sh || fail "set up the machine (scripts/setup.sh)" $?
cargo build --release --quiet || fail "build (cargo build --release)" $?
[ -x "$bin" ] || fail "build: cargo build --release made no $bin" 1
json="$("$bin" "$sample" --url "$url" --format json)" || fail "clean the sample ($bin $sample)" $?
printf '%s' "$json" | python3 -c '
import json, sys
try:
    a = json.load(sys.stdin)
except ValueError as e:
    sys.exit(f"the output is not JSON ({e})")
for k in ("title", "byline", "published", "site_name", "lang", "word_count", "reading_minutes", "readerable"):
    print(f"{k:>16}: {a[k]}")
print()
print(a["text"])' || fail "print the article" $?
