#!/usr/bin/env bash
# Benchmarks (separate from the tests): builds the release bundle, starts the local mail server
# with its data kept between runs (a folder of 100,000 generated mails is filled the first time,
# a few minutes, then reused), measures in headless Chromium and writes BENCHMARKS.md.
# Exits 1 when a budget of bench/budgets.toml is exceeded, 2 when the benchmark failed.
#   scripts/bench.sh [--server cyrus|stalwart] [--runs N] [--folder-size N] [--scroll-rows N] [--data DIR] [--no-write]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
bash scripts/install.sh
bash scripts/build.sh
log "benchmarks (headless Chromium, real mail server: ${FACTEUR_SERVER:-cyrus}, or --server)"
# A debug build: it drives the browser and the server, its own speed does not matter.
cargo build -p facteur-browser-tests --bin facteur-bench
exec "$CARGO_TARGET_DIR/debug/facteur-bench" "$@"
