#!/usr/bin/env bash
# Installs what unboil's build and tests need, idempotently. Only crates.io, npm, PyPI and
# Debian's apt are reachable here, so nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."
need() { command -v "$1" >/dev/null 2>&1; }
# Runs apt-get; when another process holds apt's or dpkg's lock (an install, unattended
# upgrades), waits for it (up to ten minutes) instead of failing.
apt_get() {
  local out
  for _ in $(seq 1 60); do
    if out=$(DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=10 "$@" 2>&1); then return 0; fi
    if ! grep -qi 'lock' <<<"$out"; then echo "$out" >&2; return 1; fi
    echo "setup: apt is busy (another process holds its lock); waiting" >&2
    sleep 10
  done
  echo "$out" >&2
  return 1
}
# Installs Debian packages; only called for what is missing, so a set-up machine never runs apt.
apt_install() {
  if ! need apt-get; then echo "setup: apt-get missing; install $* by hand" >&2; return 1; fi
  if [ ! -f /var/lib/apt/periodic/unboil-updated ] || [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ]; then
    apt_get update -qq && mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/unboil-updated
  fi
  echo "setup: installing $* from apt"
  apt_get install -y -qq "$@" >/dev/null
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
