#!/usr/bin/env bash
# Fails loudly unless the wasm-bindgen CLI on PATH, the crate's pin in wasm/Cargo.toml and the
# version in wasm/Cargo.lock are one and the same: a mismatch makes broken glue.
set -euo pipefail
cd "$(dirname "$0")/.."
pin=$(sed -n 's/^wasm-bindgen = "=\([^"]*\)".*/\1/p' wasm/Cargo.toml)
locked=$(grep -A1 '^name = "wasm-bindgen"$' wasm/Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
cli=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ -z "$pin" ] || [ "$pin" != "$locked" ] || [ "$pin" != "$cli" ]; then
  echo "check-wasm-bindgen: MISMATCH: wasm/Cargo.toml pins '${pin}', wasm/Cargo.lock has '${locked}'," \
    "the CLI is '${cli:-missing}'. Run scripts/setup-wasm.sh (or fix the pin)." >&2
  exit 1
fi
