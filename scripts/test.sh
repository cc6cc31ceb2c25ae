#!/usr/bin/env bash
# Every test: installs what is missing, builds the release bundle, then checks the code's
# format and lints, runs the native tests of the crates, the mail HTML walker on the hostile
# corpus (wasm, headless Chromium) and the browser tests (headless Chromium against a real
# Cyrus + Postfix, then the mail suites against a real Stalwart). A failing step does not stop the others: each one runs and reports, and the
# command fails at the end if any did.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
bash scripts/install.sh
bash scripts/build.sh

failed=()
step() {
  local name="$1"
  shift
  log "$name"
  if "$@"; then
    log "ok: $name"
  else
    log "FAILED: $name"
    failed+=("$name")
  fi
}

step "format (rustfmt, leptosfmt)" bash scripts/check-format.sh
step "clippy, native" cargo clippy --workspace --exclude facteur --all-targets --locked -- -D warnings
step "clippy, wasm (app and mail HTML walker)" \
  cargo clippy -p facteur -p facteur-mail-html --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
step "mail HTML walker on the hostile corpus (wasm, headless Chromium)" \
  env CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p facteur-mail-html --target wasm32-unknown-unknown --locked
step "cargo test (crates, real mail server, browser tests on Cyrus)" \
  env FACTEUR_SERVER=cyrus cargo test --workspace --exclude facteur --no-fail-fast --locked -- --test-threads=2
# The mail suites again on the second server (standard JMAP, push). Each suite ends by saying
# which of its tests need what this server lacks.
MAIL_SUITES=(login list reading actions acting folders search html compose restart)
step "browser tests of mail on Stalwart" \
  env FACTEUR_SERVER=stalwart cargo test -p facteur-browser-tests --no-fail-fast --locked \
  "${MAIL_SUITES[@]/#/--test=}" -- --test-threads=2

if [ "${#failed[@]}" -gt 0 ]; then
  log "failed steps: ${failed[*]}"
  exit 1
fi
log "every step passed"
