#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh), builds unboil, cleans the bundled sample page,
# prints the article (metadata, then the text), and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
sample=samples/harbor-ferries.html
url=https://www.baysidecourier.example/news/2025/04/14/harbor-ferries-battery-power
target/release/unboil "$sample" --url "$url" --format json | python3 -c '
import json, sys
a = json.load(sys.stdin)
for k in ("title", "byline", "published", "site_name", "lang", "word_count", "reading_minutes", "readerable"):
    print(f"{k:>16}: {a[k]}")
print()
print(a["text"])'
