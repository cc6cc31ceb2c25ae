#!/usr/bin/env python3
"""Trunk post-build hook (runs in $TRUNK_STAGING_DIR).

1. Splits the wasm into the main module and the parts loaded on demand (split_wasm.py).
2. Moves Trunk's inline module loader out of index.html into its own hashed file, so the app
   ships a strict Content-Security-Policy without 'unsafe-inline' (script-src 'self'
   'wasm-unsafe-eval'), and writes that policy to csp.txt for the server.
3. Names the stylesheets of lazily loaded parts (`<link ... disabled data-lazy-style>`, copied
   by Trunk unhashed) after their contents, like the wasm parts.
4. Writes into the service worker (sw.js) the list of this build's files, every lazily
   loaded part included, and a version named after their contents (public/sw.js).
5. Precompresses the text and wasm assets with brotli and gzip (served as-is by the server).
"""
import gzip
import hashlib
import json
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

# Stylesheets of lazily loaded parts: named after their contents (platform::lazy::enable_style).
def rename_lazy_style(m):
    base = m.group(2)
    path = os.path.join(staging, base + ".css")
    with open(path, "rb") as f:
        renamed = f"{base}-{hashlib.sha256(f.read()).hexdigest()[:16]}.css"
    os.rename(path, os.path.join(staging, renamed))
    return m.group(1) + renamed + m.group(3)


html, lazy_styles = re.subn(r'(<link rel="stylesheet" href="/)([a-z_-]+)\.css("[^>]*data-lazy-style)', rename_lazy_style, html)
if lazy_styles == 0:
    sys.exit("trunk-post-build: no stylesheet of a lazily loaded part in index.html")
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

# The service worker precaches exactly this build's files; its version changes with them.
sw_path = os.path.join(staging, "sw.js")
if os.path.isfile(sw_path):
    files = []
    for root, _dirs, names in os.walk(staging):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), staging).replace(os.sep, "/")
            if rel.endswith((".br", ".gz")) or rel in ("sw.js", "csp.txt", "config.json"):
                continue
            files.append("/" + rel)
    files.sort()
    build = hashlib.sha256()
    for rel in files:
        build.update(rel.encode())
        with open(os.path.join(staging, rel[1:]), "rb") as f:
            build.update(hashlib.sha256(f.read()).digest())
    with open(sw_path, encoding="utf-8") as f:
        sw = f.read()
    marks = ('const VERSION = "dev";', "const FILES = [];")
    if any(sw.count(mark) != 1 for mark in marks):
        sys.exit("trunk-post-build: sw.js lacks its VERSION or FILES line")
    sw = sw.replace(marks[0], f'const VERSION = "{build.hexdigest()[:16]}";')
    sw = sw.replace(marks[1], "const FILES = " + json.dumps(files) + ";")
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)

brotli = shutil.which("brotli")
for name in sorted(os.listdir(staging)):
    path = os.path.join(staging, name)
    if not os.path.isfile(path) or not name.endswith((".wasm", ".js", ".css", ".html", ".svg", ".json", ".webmanifest")):
        continue
    with open(path, "rb") as src, open(path + ".gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as dst:
        shutil.copyfileobj(src, dst)
    if brotli:
        subprocess.run([brotli, "-f", "-q", "11", "-o", path + ".br", path], check=True)
    elif os.environ.get("FACTEUR_REQUIRE_BROTLI"):
        sys.exit("trunk-post-build: brotli is not installed (apt-get install brotli)")
