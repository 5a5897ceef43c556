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
# README command (1) as a new user runs it: the binary is removed first, so only the
# `cargo build --release` inside demo.sh can bring it back; the printed article must be the
# sample's (its title and sentences from samples/harbor-ferries.expected.json).
demo() {
  rm -f "${CARGO_TARGET_DIR:-target}/release/unboil"
  scripts/demo.sh > "$tmp/demo.out" || return 1
  python3 - "$tmp/demo.out" samples/harbor-ferries.expected.json <<'PY'
import json, re, sys
out, want = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
flat = re.sub(r"\s+", " ", out)
missing = [s for s in [want["title"], *want["text_must_contain_in_order"]] if re.sub(r"\s+", " ", s) not in flat]
if missing:
    sys.exit(f"demo: the printed article lacks {missing[0]!r}")
print(f"demo: printed the sample article ({len(out.split())} words)")
PY
}
# Formatting and lints of both Rust workspaces (the root one and wasm/).
lint() {
  local wasm=(--manifest-path wasm/Cargo.toml --target-dir "${CARGO_TARGET_DIR:-target}")
  cargo fmt --all --check && cargo fmt --all --check --manifest-path wasm/Cargo.toml &&
    cargo clippy --release --workspace --all-targets --quiet -- -D warnings &&
    cargo clippy --release --workspace --all-targets --quiet "${wasm[@]}" -- -D warnings
}
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
step setup scripts/setup.sh
step "demo (fresh build)" demo
step "fmt and clippy" lint
step "generated entity table" python3 scripts/gen-entities.py --check
step "cargo test" cargo test --release --workspace --quiet
step "wasm/encoding test" cargo test --release --quiet --manifest-path wasm/Cargo.toml \
  --target-dir "${CARGO_TARGET_DIR:-target}" -p encoding_rs
step "fuzz targets compile" cargo check --quiet --manifest-path fuzz/Cargo.toml --target-dir "${CARGO_TARGET_DIR:-target}/fuzz"
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
