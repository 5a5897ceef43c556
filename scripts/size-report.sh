#!/usr/bin/env bash
# Prints the raw, gzip -9 and brotli (quality 11, Node's zlib) sizes of the npm package's
# WebAssembly module and JS (run `npm run build` first), and the web engine's total (module,
# glue and web entry) against the budget: 300 KB gzip and 250 KB brotli (KB = 1000 bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
brotli() {
  node -e 'const z = require("node:zlib"); const b = require("node:fs").readFileSync(process.argv[1]);
    console.log(z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11,
      [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length)' "$1"
}
kb() { awk -v n="$1" 'BEGIN { printf "%10.1f KB", n / 1000 }'; }
printf '%-22s%13s%13s%13s\n' file raw "gzip -9" brotli
total=(0 0 0)
for f in pkg/unboil_bg.wasm pkg/unboil.js js/web.js js/node.js; do
  sizes=("$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" "$(brotli "$f")")
  printf '%-22s%s%s%s\n' "$f" "$(kb "${sizes[0]}")" "$(kb "${sizes[1]}")" "$(kb "${sizes[2]}")"
  if [ "$f" != js/node.js ]; then
    for i in 0 1 2; do total[i]=$((total[i] + sizes[i])); done
  fi
done
printf '%-22s%s%s%s\n' "web engine total" "$(kb "${total[0]}")" "$(kb "${total[1]}")" "$(kb "${total[2]}")"
verdict=within; if [ "${total[1]}" -gt 300000 ] || [ "${total[2]}" -gt 250000 ]; then verdict=OVER; fi
echo "budget 300 KB gzip / 250 KB brotli: $verdict budget"
