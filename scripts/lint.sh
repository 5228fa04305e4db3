#!/usr/bin/env bash
# Formatting and clippy (warnings denied) for both builds; run before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --features ssr --all-targets -- -D warnings
cargo clippy --features csr --target wasm32-unknown-unknown -- -D warnings
