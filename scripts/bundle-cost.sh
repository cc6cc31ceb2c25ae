#!/usr/bin/env bash
# What each part of the app costs in the shipped wasm (brotli), for BENCHMARKS.md: builds the
# release bundle, optimises the named wasm like Trunk does but keeping the function names,
# and prints a table (scripts/bundle-cost.py says how it is computed).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
bash scripts/install.sh
bash scripts/build.sh
named="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/facteur.wasm"
out="$CARGO_TARGET_DIR/facteur-named-Oz.wasm"
log "wasm-opt -Oz -g (names kept)"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$named" -o "$out"
python3 scripts/bundle-cost.py "$out"
