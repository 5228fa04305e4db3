#!/usr/bin/env bash
# Builds the browser app into dist/ (Trunk, release) with brotli and gzip
# copies of every asset for the server to send, and the server binary.
#   scripts/build.sh           both
#   scripts/build.sh --web     the browser app only
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

trunk build --release --offline

# Trunk's own JS minifier cannot parse wasm-bindgen's glue, so terser does it;
# the Subresource Integrity hash in index.html is updated to match.
sri() { python3 -c 'import base64, hashlib, sys; print("sha384-" + base64.b64encode(hashlib.sha384(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"; }
for js in dist/*.js; do
  before=$(sri "$js")
  terser "$js" --module --compress --mangle --output "$js"
  sed -i "s|$before|$(sri "$js")|" dist/index.html
done
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/*.svg; do
  [ -e "$f" ] || continue
  brotli -f -q 11 -o "$f.br" "$f"
  gzip -f -9 -k "$f"
done

[ "${1:-}" = "--web" ] || cargo build --release --features ssr
