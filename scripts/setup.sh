#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Front Desk needs on a
# fresh machine, and nothing that is already there. Safe to run again: when
# everything is installed it finishes in a second or two.
#
#   scripts/setup.sh          the wasm target, Trunk, wasm-bindgen-cli (the
#                             version Cargo.lock pins), wasm-opt and axe-core
#                             (npm, tools/), brotli
#   scripts/setup.sh --test   also Chromium and chromedriver (Debian packages)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
with_tests=false
[ "${1:-}" = "--test" ] && with_tests=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Tools compiled from crates.io build faster without their release profile's
# fat LTO (27 minutes against 8 on two cores; they work the same).
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install "$@"
}

apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! $sudo apt-get install -y --no-install-recommends "$@" >/dev/null; then
    $sudo apt-get update >/dev/null
    $sudo apt-get install -y --no-install-recommends "$@" >/dev/null
  fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (about 10 minutes on two cores)"
  fast_install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly. Not --locked:
# one of its locked dependencies is missing from the registry here.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "Installing wasm-bindgen-cli $bindgen_version (about 10 minutes on two cores)"
  fast_install wasm-bindgen-cli --version "$bindgen_version"
fi

# wasm-opt from npm's binaryen (Debian's is too old and breaks the app) and
# axe-core for the accessibility checks; both pinned in tools/package-lock.json.
if ! cmp -s tools/package-lock.json tools/node_modules/.installed-lock.json 2>/dev/null; then
  say "Installing npm tools (binaryen, axe-core)"
  npm ci --prefix tools --no-audit --no-fund >/dev/null
  cp tools/package-lock.json tools/node_modules/.installed-lock.json
fi

command -v brotli >/dev/null || { say "Installing brotli"; apt_install brotli; }

if $with_tests; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and chromedriver"
    apt_install chromium chromium-driver
  fi
fi
