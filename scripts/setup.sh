#!/usr/bin/env bash
# Installs what unboil's build and tests need, idempotently. Only crates.io, npm, PyPI and
# Debian's apt are reachable here, so nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."
need() { command -v "$1" >/dev/null 2>&1; }
apt_install() {
  if ! need apt-get; then echo "setup: apt-get missing; install $* by hand" >&2; return 1; fi
  if [ ! -f /var/lib/apt/periodic/unboil-updated ] || [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
    apt-get update -qq && mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/unboil-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if ! need cargo; then
  echo "setup: cargo is missing; this project needs the machine's Rust toolchain (rustup)" >&2
  exit 1
fi
need python3 || apt_install python3
echo "setup: rust $(rustc --version | cut -d' ' -f2), python $(python3 --version | cut -d' ' -f2)"
[ -x /usr/bin/chromium ] || apt_install chromium   # the browser tests drive Debian's Chromium
[ -x /usr/bin/firefox-esr ] || apt_install firefox-esr   # the extension's Firefox variant is tested in it
[ -x /usr/bin/time ] || apt_install time   # bench/memory.mjs reads the CLI's peak RSS from GNU time -v
scripts/setup-wasm.sh
