#!/usr/bin/env bash
# Every test: installs what is missing, builds the release bundle, then runs the native tests
# of the crates and the browser tests (headless Chromium against a real Cyrus + Postfix).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
bash scripts/install.sh
bash scripts/build.sh
log "mail HTML walker on the hostile corpus (wasm, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p facteur-mail-html --target wasm32-unknown-unknown
log "cargo test (crates, real mail server, browser)"
cargo test --workspace --exclude facteur --no-fail-fast -- --test-threads=2
