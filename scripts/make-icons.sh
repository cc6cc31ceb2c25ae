#!/usr/bin/env bash
# Draws the app's icons (public/icons/*.png, committed) from the favicon's drawing with
# headless Chromium: 192 and 512 px, and a maskable 512 px one (the envelope inside the safe
# zone, the blue to the edges). Run again when public/favicon.svg changes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FACTEUR_REPO"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
inner="$(sed -e 's/^<svg[^>]*>//' -e 's/<\/svg>$//' -e 's/<rect[^>]*\/>//' public/favicon.svg)"
page() { printf '<!doctype html><html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" style="position:fixed;inset:0;width:100%%;height:100%%">%s</svg></body></html>' "$1"; }
page "$(cat public/favicon.svg | sed -e 's/^<svg[^>]*>//' -e 's/<\/svg>$//')" > "$work/any.html"
page "<rect width=\"64\" height=\"64\" fill=\"#000091\"/><g transform=\"translate(32 33) scale(0.62) translate(-32 -33)\">$inner</g>" > "$work/maskable.html"
shot() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --default-background-color=00000000 \
    --screenshot="$1" --window-size="$2,$2" "file://$3" 2>/dev/null
}
shot public/icons/icon-192.png 192 "$work/any.html"
shot public/icons/icon-512.png 512 "$work/any.html"
shot public/icons/icon-maskable-512.png 512 "$work/maskable.html"
log "icons written to public/icons"
