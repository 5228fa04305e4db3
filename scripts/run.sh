#!/usr/bin/env bash
# Builds everything and runs the Front Desk demo on http://127.0.0.1:8080,
# installing what is missing first. Arguments go to the server after --demo
# (see README.md, or `target/release/frontdesk --help`), e.g.
# scripts/run.sh --listen 0.0.0.0:8080, or scripts/run.sh --demo=false.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec target/release/frontdesk --demo "$@"
