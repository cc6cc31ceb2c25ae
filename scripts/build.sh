#!/usr/bin/env bash
# Builds the release bundle into dist/ (wasm-opt'd, precompressed, with its CSP).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
log "trunk build --release"
trunk build --release --offline --dist "$FACTEUR_DIST"
