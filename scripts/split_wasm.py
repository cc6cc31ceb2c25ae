"""The wasm split (called by trunk-post-build.py, in $TRUNK_STAGING_DIR).

Trunk 0.21 cannot split the wasm, so this step redoes its last two: from the wasm that cargo
linked (with `--emit-relocs`, .cargo/config.toml), `wasm-split-cli` (crates.io
`wasm_split_cli_support`) cuts out the functions marked `#[wasm_split(part)]` with what only
they use into one module per part, plus `__wasm_split.js` that loads them; then wasm-bindgen
makes the main module's JS glue (keeping the function table the parts import:
`--keep-lld-exports`) and wasm-opt shrinks every module. The files replace Trunk's under the
same names, and index.html's integrity hashes are updated.
"""
import base64
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Same features as the wasm the toolchain emits (Trunk's data-wasm-opt-params before).
WASM_OPT = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
            "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]


def run(*cmd):
    subprocess.run(cmd, check=True)


def sri(path):
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()


def split(staging):
    profile = "release" if os.environ.get("TRUNK_PROFILE", "release") == "release" else "debug"
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.environ.get("TRUNK_SOURCE_DIR", "."), "target")
    linked = os.path.join(target, "wasm32-unknown-unknown", profile, "facteur.wasm")
    glue = [n for n in os.listdir(staging) if re.fullmatch(r"facteur-[0-9a-f]+\.js", n)]
    if len(glue) != 1 or not os.path.isfile(linked):
        sys.exit(f"split_wasm: expected one facteur-<hash>.js in {staging} and {linked}")
    name = glue[0][:-3]
    with tempfile.TemporaryDirectory() as work:
        parts, bound = os.path.join(work, "parts"), os.path.join(work, "bound")
        run("wasm-split-cli", linked, parts, "--out-name", name)
        run("wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports",
            "--out-dir", bound, "--out-name", name, os.path.join(parts, name + ".wasm"))
        run("wasm-opt", *WASM_OPT, os.path.join(bound, name + "_bg.wasm"), "-o", os.path.join(staging, name + "_bg.wasm"))
        shutil.copy(os.path.join(bound, name + ".js"), os.path.join(staging, name + ".js"))
        shutil.copy(os.path.join(parts, "__wasm_split.js"), os.path.join(staging, "__wasm_split.js"))
        chunks = [p for p in glob.glob(os.path.join(parts, "*.wasm")) if os.path.basename(p) != name + ".wasm"]
        if not chunks:
            sys.exit("split_wasm: no part was split out (is #[wasm_split] still used?)")
        for chunk in chunks:
            run("wasm-opt", *WASM_OPT, chunk, "-o", os.path.join(staging, os.path.basename(chunk)))
    index_path = os.path.join(staging, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    for file in (name + ".js", name + "_bg.wasm"):
        html, n = re.subn(r'(href="/' + re.escape(file) + r'"[^>]*integrity=")[^"]*"',
                          lambda m: m.group(1) + sri(os.path.join(staging, file)) + '"', html)
        if n != 1:
            sys.exit(f"split_wasm: no integrity attribute for {file} in index.html")
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
