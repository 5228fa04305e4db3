#!/usr/bin/env bash
# Reports record matching on the labelled hard cases in
# src/domain/matching/cases.txt (twins and triplets sharing contacts, Jr/Sr,
# nicknames, typos, transliterations, maiden names, address variants, sex
# disagreements, near-misses): how many land in each grade, wrong certain
# matches (must be 0), and the true matches that reach certain. Fails, naming
# the lines, when a case is graded other than labelled.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --features ssr --lib domain::matching::labelled -- --nocapture 2>&1 \
  | grep -E "labelled cases|wrong certain|true matches|graded other|^line|test result"
