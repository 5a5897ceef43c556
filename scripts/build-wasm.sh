#!/usr/bin/env bash
# Builds the npm package into pkg/: the core as WebAssembly (the workspace in wasm/, whose
# [patch] swaps encoding_rs for wasm/encoding; cargo profile `wasm`), the JS glue
# from wasm-bindgen (--target web, used by both the web and the Node entries in js/; its
# unboil.d.ts is for the type check, npm run typecheck, and is not packed: js/unboil.d.ts is
# the package's types), and
# wasm-opt -Os from the npm binaryen package (Debian's binaryen makes modules that fail to load),
# repeated until it stops shrinking, then the producers and target-features sections dropped
# (nothing reads them once the module is optimized).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/check-wasm-bindgen.sh
cargo build --quiet --manifest-path wasm/Cargo.toml --target-dir "${CARGO_TARGET_DIR:-target}" \
  --target wasm32-unknown-unknown --profile wasm
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name unboil \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm/unboil_wasm.wasm"
node_modules/.bin/wasm-opt -Os --converge --strip-producers --strip-target-features \
  pkg/unboil_bg.wasm -o pkg/unboil_bg.wasm
echo "build-wasm: pkg/unboil_bg.wasm $(wc -c <pkg/unboil_bg.wasm) bytes"
