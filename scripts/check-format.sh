#!/usr/bin/env bash
# Checks the code's format without changing it: rustfmt (rustfmt.toml) for the Rust code and
# leptosfmt (leptosfmt.toml) for the `view!` macros of the app, which rustfmt leaves alone.
# `bash scripts/check-format.sh --fix` formats instead.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
if [ "${1:-}" = "--fix" ]; then
  # leptosfmt's output of a nested block can be reflowed by rustfmt once: format twice.
  leptosfmt --quiet src
  cargo fmt --all
  leptosfmt --quiet src
else
  leptosfmt --quiet --check src
  cargo fmt --all --check
fi
