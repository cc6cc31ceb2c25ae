#!/usr/bin/env bash
# The demo: installs what is missing, builds the app, starts a private mail server seeded with
# the demo accounts (Cyrus + Postfix, or Stalwart with SERVER=stalwart), and serves the webmail
# on http://127.0.0.1:${PORT:-8080}.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
bash scripts/install.sh
bash scripts/build.sh
log "starting the demo server"
exec cargo run -q -p facteur-testbed -- serve --server "${SERVER:-cyrus}" --seed seed --dist "$FACTEUR_DIST" --port "${PORT:-8080}"
