#!/usr/bin/env bash
# Benchmarks the help desk console's audit page on a log of a million entries
# (BENCH_AUDIT_ENTRIES to change it): fills a fresh SQLite database (with
# --postgres, a PostgreSQL one too, on FRONTDESK_TEST_POSTGRES or
# 127.0.0.1:5432), opens the page at once, waits for the server's background
# chain check to catch up, then prints the page call's times over HTTP beside
# an empty log's. The target is under 200 ms. A release build; filling takes
# about 2 minutes on SQLite and 35 on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
databases=(sqlite)
if [[ "${1:-}" == "--postgres" ]]; then
  databases+=(postgres)
fi
for database in "${databases[@]}"; do
  BENCH_AUDIT_DATABASE="$database" cargo test --release --features ssr --test http bench_audit:: \
    -- --ignored --nocapture --test-threads 1
done
