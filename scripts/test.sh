#!/usr/bin/env bash
# Runs every test: domain unit and property tests, the store contract on
# SQLite and PostgreSQL, HTTP integration tests against real server processes
# (one or several, on either database), robustness tests, and browser
# end-to-end tests with axe-core in headless Chromium. Installs what is
# missing first (scripts/setup.sh --test: the tools, Chromium, PostgreSQL).
#
# The runner is cargo-nextest (settings in .config/nextest.toml): every test
# runs even after one fails, a test still running after five minutes (ten for
# the browser tests) is ended and named, and the tests that compare response
# times run alone, with nothing beside them.
#
# Arguments go to `cargo nextest run --features ssr`, for example:
#   scripts/test.sh --test services            one binary (services, store, http,
#                                              several_servers, browser)
#   scripts/test.sh --test http signin_api::   one file of it
#   scripts/test.sh --lib                      the unit and property tests in src/
#   scripts/test.sh reset_code                 tests whose name contains "reset_code"
#   scripts/test.sh -E 'test(/_timing$/)'      a filter expression (nextest's filtersets)
#   scripts/test.sh --test http signin_api:: --no-capture   output as it comes
# (cargo test's `-- --ignored` is `--run-ignored only` here; scripts/bench-audit.sh
# runs the ignored benchmark with cargo test as before.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh --web
export PATH="$HOME/.cargo/bin:$PATH"

status=0
cargo nextest run --features ssr --no-fail-fast "$@" || status=$?

# Doc tests: nextest cannot run them, and src/ has none today. Should a doc
# comment gain a code block, the whole suite (no arguments) runs them too.
if [ $# -eq 0 ] && grep -rqE '^\s*//[/!].*```' src; then
  cargo test --features ssr --doc || status=$?
fi
exit "$status"
