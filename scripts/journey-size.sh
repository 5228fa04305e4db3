#!/usr/bin/env bash
# The weight of a person's way in: what headless Chromium downloads from the
# start page through the access-code sign-up to the home page (start, code,
# login, check, ready, sign in, home), page by page, as served (brotli, cache
# hits free). The budget is 350,000 B. Builds the release bundles first
# unless --no-build (then run after scripts/build.sh --web).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-build" ]]; then
  scripts/build.sh --web
fi
cargo test --features ssr --test browser journey:: -- --ignored --nocapture --test-threads 1
