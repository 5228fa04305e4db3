#!/usr/bin/env bash
# Builds the browser app into dist/ (Trunk, release) with brotli and gzip
# copies of every asset for the server to send, and the server binary.
#   scripts/build.sh           both
#   scripts/build.sh --web     the browser app only
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

trunk build --release --offline
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/*.svg; do
  [ -e "$f" ] || continue
  brotli -f -q 11 -o "$f.br" "$f"
  gzip -f -9 -k "$f"
done

[ "${1:-}" = "--web" ] || cargo build --release --features ssr
