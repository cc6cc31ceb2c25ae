#!/usr/bin/env bash
# Installs what Facteur needs and is missing; skips what is there. Downloads only from the
# package registries (Debian, crates.io, npm).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

# 1. Debian packages: the mail server (Cyrus IMAP with its JMAP httpd, Postfix), the browser
#    for the tests, brotli for precompressed assets, node/npm for wasm-opt and axe-core,
#    binutils (c++filt) for scripts/bundle-cost.sh.
APT_PACKAGES=(cyrus-imapd cyrus-caldav cyrus-admin sasl2-bin postfix chromium chromium-driver brotli python3 nodejs npm ca-certificates binutils)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere on the machine: only ask apt when the command is missing.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  # The packages try to start their system services; this is not needed (and may be refused):
  # Facteur runs its own private instances.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# 2. Rust: the WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2b. rustfmt and clippy, run by scripts/test.sh.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "rustup component add $component"
    rustup component add "$component"
  fi
done

# 3. Trunk 0.21.x (0.22 needs a newer rustc than the machines have).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  log "cargo install trunk 0.21"
  cargo install trunk --version '~0.21' --locked
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock, so Trunk never downloads one.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION\$"; then
  log "cargo install wasm-bindgen-cli $WBG_VERSION"
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION" --locked || cargo install wasm-bindgen-cli --version "=$WBG_VERSION"
fi

# 5. The wasm splitter (Trunk 0.21 cannot split: scripts/split_wasm.py runs it), at the version
#    that matches the wasm_split_helpers of Cargo.lock.
WSPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WSPLIT_VERSION:"; then
  log "cargo install wasm_split_cli_support $WSPLIT_VERSION"
  cargo install wasm_split_cli_support --version "=$WSPLIT_VERSION" --features build-binary --locked \
    || cargo install wasm_split_cli_support --version "=$WSPLIT_VERSION" --features build-binary
fi

# 6. leptosfmt, the formatter of the view! macros (scripts/check-format.sh), at a fixed version
#    so that its output does not change under the code.
LEPTOSFMT_VERSION=0.1.33
if ! leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION\$"; then
  log "cargo install leptosfmt $LEPTOSFMT_VERSION"
  cargo install leptosfmt --version "=$LEPTOSFMT_VERSION" --locked
fi

# 7. npm tools: binaryen (a recent wasm-opt) for the build, axe-core for the accessibility tests.
BINARYEN_VERSION=132.0.0
if ! "$FACTEUR_TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  log "npm install binaryen@$BINARYEN_VERSION"
  mkdir -p "$FACTEUR_TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$FACTEUR_TOOLS" "binaryen@$BINARYEN_VERSION"
fi
if [ -f tests/axe/package.json ] && [ ! -f tests/axe/node_modules/axe-core/axe.min.js ]; then
  log "npm ci (axe-core)"
  (cd tests/axe && npm ci --silent --no-audit --no-fund)
fi
# 8. The second test server: Stalwart (crates.io stalwart-lite, AGPL-3.0, a test tool only) with
#    the JMAP routes of servers/stalwart, built once per machine into the tools cache (about 12
#    minutes on 2 cores), again only when its sources change.
STALWART_KEY="$(cat servers/stalwart/Cargo.toml servers/stalwart/Cargo.lock servers/stalwart/src/*.rs | sha256sum | cut -c1-16)"
STALWART_DIR="$FACTEUR_TOOLS/stalwart"
if [ "$(cat "$STALWART_DIR/key" 2>/dev/null)" != "$STALWART_KEY" ] || [ ! -x "$STALWART_DIR/facteur-stalwart" ]; then
  log "cargo build facteur-stalwart (the second test server; about 12 minutes on 2 cores here, once per machine)"
  CARGO_TARGET_DIR="$FACTEUR_CACHE/stalwart-target" \
    cargo build --release --locked --manifest-path servers/stalwart/Cargo.toml
  mkdir -p "$STALWART_DIR"
  cp "$FACTEUR_CACHE/stalwart-target/release/facteur-stalwart" "$STALWART_DIR/facteur-stalwart.new"
  mv "$STALWART_DIR/facteur-stalwart.new" "$STALWART_DIR/facteur-stalwart"
  echo "$STALWART_KEY" > "$STALWART_DIR/key"
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(leptosfmt --version)"
