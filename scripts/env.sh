# Shared settings for the scripts (sourced, not run).
# Build outputs are cached outside the clone, so a fresh clone on the same machine reuses them.
export FACTEUR_CACHE="${FACTEUR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/facteur}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$FACTEUR_CACHE/target}"
export FACTEUR_TOOLS="$FACTEUR_CACHE/tools"
export PATH="$HOME/.cargo/bin:$FACTEUR_TOOLS/node_modules/.bin:$PATH"
export FACTEUR_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FACTEUR_DIST="${FACTEUR_DIST:-$FACTEUR_REPO/dist}"
# Chromium must not try to reach the network (the machines have none but the registries).
export CHROME_BIN=/usr/bin/chromium
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
