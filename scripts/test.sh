#!/usr/bin/env bash
# Runs every test of unboil: setup, the Rust unit and fixture tests, the npm package's build
# with its Node tests (tests/node/, parity with the native CLI included) and Chromium tests
# (tests/browser/), and, when the shared data is present (../shared or $UNBOIL_SHARED), the
# seed check, the no-tuning check and the pinned quality baseline. Ends with a line
# "N passed, M failed" over these steps.
set -uo pipefail
cd "$(dirname "$0")/.."
shared="${UNBOIL_SHARED:-../shared}"
passed=0; failed=0; failures=()
step() {
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}
step setup scripts/setup.sh
step "cargo test" cargo test --release --workspace --quiet
step "wasm/encoding test" cargo test --release --quiet --manifest-path wasm/Cargo.toml \
  --target-dir "${CARGO_TARGET_DIR:-target}" -p encoding_rs
step "native build" cargo build --release --quiet
step "wasm build" scripts/build-wasm.sh
step "node tests" env UNBOIL_SHARED="$shared" node --test --test-reporter=spec tests/node/
step "js types" npm run --silent typecheck
step "browser tests" node --test --test-reporter=spec tests/browser/
if [ -d "$shared/tools" ]; then
  step "seed fixtures" python3 "$shared/tools/check-seed.py" -- "${CARGO_TARGET_DIR:-target}/release/unboil"
  step "no-tuning" python3 "$shared/tools/no-tuning.py" src cli/src
  step "quality baseline" python3 bench/baseline.py
else
  echo "== shared data not found at $shared: seed, no-tuning and quality checks skipped"
fi
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
