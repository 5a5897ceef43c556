#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli sizes of the npm package's WebAssembly module and JS (run
# `npm run build` first) and the web engine's total against the budget (300 KB
# gzip, 250 KB brotli), then PASS or FAIL; exits 1 on FAIL. The measuring is scripts/sizes.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/sizes.mjs
