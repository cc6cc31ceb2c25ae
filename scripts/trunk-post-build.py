#!/usr/bin/env python3
"""Trunk post-build hook (runs in $TRUNK_STAGING_DIR).

1. Splits the wasm into the main module and the parts loaded on demand (split_wasm.py).
2. Moves Trunk's inline module loader out of index.html into its own hashed file, so the app
   ships a strict Content-Security-Policy without 'unsafe-inline' (script-src 'self'
   'wasm-unsafe-eval'), and writes that policy to csp.txt for the server.
3. Precompresses the text and wasm assets with brotli and gzip (served as-is by the server).
"""
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import split_wasm  # noqa: E402

split_wasm.split(staging)
index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()

inline = re.compile(r"<script type=\"module\"(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
scripts = inline.findall(html)
if len(scripts) != 1:
    sys.exit(f"trunk-post-build: expected exactly one inline loader script, found {len(scripts)}")
body = scripts[0].strip() + "\n"
digest = hashlib.sha256(body.encode()).hexdigest()[:16]
loader = f"boot-{digest}.js"
with open(os.path.join(staging, loader), "w", encoding="utf-8") as f:
    f.write(body)
html = inline.sub(lambda _m: f'<script type="module" src="/{loader}"></script>', html, count=1)
if re.search(r"<script(?![^>]*\bsrc=)", html) or re.search(r"\son[a-z]+=", html) or "<style" in html:
    sys.exit("trunk-post-build: index.html still holds inline script/style/handlers: the CSP would block them")
with open(index_path, "w", encoding="utf-8") as f:
    f.write(html)

# img-src https: is for remote images of a mail once the user allowed them: the message
# frame (srcdoc) inherits this policy on top of its own (crates/mail-html/src/frame.rs).
csp = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data: blob: https:; font-src 'self'; connect-src 'self'; frame-src blob:; "
       "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
with open(os.path.join(staging, "csp.txt"), "w", encoding="utf-8") as f:
    f.write(csp + "\n")

brotli = shutil.which("brotli")
for name in sorted(os.listdir(staging)):
    path = os.path.join(staging, name)
    if not os.path.isfile(path) or not name.endswith((".wasm", ".js", ".css", ".html", ".svg", ".json")):
        continue
    with open(path, "rb") as src, open(path + ".gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as dst:
        shutil.copyfileobj(src, dst)
    if brotli:
        subprocess.run([brotli, "-f", "-q", "11", "-o", path + ".br", path], check=True)
    elif os.environ.get("FACTEUR_REQUIRE_BROTLI"):
        sys.exit("trunk-post-build: brotli is not installed (apt-get install brotli)")
