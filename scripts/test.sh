#!/usr/bin/env bash
# Runs every test: domain unit and property tests, HTTP integration tests
# against real server processes, robustness tests, and browser end-to-end
# tests with axe-core in headless Chromium. Installs what is missing first.
# Arguments go to `cargo test`, e.g. scripts/test.sh --test browser
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh --web
export PATH="$HOME/.cargo/bin:$PATH"
cargo test --features ssr "$@"
