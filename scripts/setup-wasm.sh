#!/usr/bin/env bash
# Installs what the WebAssembly package needs, idempotently: the wasm32 target, the
# wasm-bindgen CLI at exactly the crate's pin, and the npm devDependencies (binaryen's
# wasm-opt, TypeScript, Readability with jsdom and linkedom, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
pin=$(sed -n 's/^wasm-bindgen = "=\([^"]*\)".*/\1/p' wasm/Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $pin" ]; then
  echo "setup-wasm: installing wasm-bindgen-cli $pin (a few minutes)"
  cargo install --quiet --force wasm-bindgen-cli --version "$pin"   # --locked fails here
fi
if ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' 2>/dev/null; then
  echo "setup-wasm: Node 20 or later is needed (found $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
# A copy of the lock file in node_modules marks an install that is current.
if ! cmp -s package-lock.json node_modules/.unboil-lock.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.unboil-lock.json
fi
scripts/check-wasm-bindgen.sh
echo "setup-wasm: wasm32 target, wasm-bindgen $pin, node $(node --version), npm packages ready"
