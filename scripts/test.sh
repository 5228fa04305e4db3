#!/usr/bin/env bash
# Runs every test: domain unit and property tests, the store contract on
# SQLite and PostgreSQL, HTTP integration tests against real server processes
# (one or several, on either database), robustness tests, and browser
# end-to-end tests with axe-core in headless Chromium. Installs what is
# missing first.
# Arguments go to `cargo test`, e.g. scripts/test.sh --test browser
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh --web

# The PostgreSQL tests create their own databases on the local server
# (FRONTDESK_TEST_POSTGRES overrides it); start it if it is installed but down.
if [ -z "${FRONTDESK_TEST_POSTGRES:-}" ] && command -v pg_isready >/dev/null \
   && ! pg_isready -q -h 127.0.0.1 -p 5432 && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
export PATH="$HOME/.cargo/bin:$PATH"
cargo test --features ssr "$@"
