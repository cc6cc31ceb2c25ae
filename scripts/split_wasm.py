"""The wasm split (called by trunk-post-build.py, in $TRUNK_STAGING_DIR).

Trunk 0.21 cannot split the wasm, so this step redoes its last two: from the wasm that cargo
linked (with `--emit-relocs`, .cargo/config.toml), `wasm-split-cli` (crates.io
`wasm_split_cli_support`) cuts out the functions marked `#[wasm_split(part)]` with what only
they use into one module per part, plus `__wasm_split.js` that loads them; then wasm-bindgen
makes the main module's JS glue (keeping the function table the parts import:
`--keep-lld-exports`) and wasm-opt shrinks every module. The files replace Trunk's under the
same names, and index.html's integrity hashes are updated. The parts and their loader are then
named after their contents (`split_reading_pane-<hash>.wasm`, `__wasm_split-<hash>.js`): a
page of one build never gets a part of another under the same name (the service worker keeps
the build before for a tab still open on it; servers may cache them for good).
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
        name_by_contents(staging, name)
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


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def name_by_contents(staging, name):
    """Renames each part `<part>-<hash>.wasm` and its loader `__wasm_split-<hash>.js`, with the
    references to them (the loader's `"./<part>.wasm"`, the main glue's `from "./__wasm_split.js"`)."""
    loader_path = os.path.join(staging, "__wasm_split.js")
    with open(loader_path, encoding="utf-8") as f:
        loader = f.read()
    for path in sorted(glob.glob(os.path.join(staging, "*.wasm"))):
        base = os.path.basename(path)[:-len(".wasm")]
        if base == name + "_bg":
            continue
        renamed = f"{base}-{digest(path)}.wasm"
        loader, n = re.subn(r'"\./' + re.escape(base) + r'\.wasm"', f'"./{renamed}"', loader)
        if n == 0:
            sys.exit(f"split_wasm: __wasm_split.js does not load {base}.wasm")
        os.rename(path, os.path.join(staging, renamed))
    with open(loader_path, "w", encoding="utf-8") as f:
        f.write(loader)
    renamed_loader = f"__wasm_split-{digest(loader_path)}.js"
    os.rename(loader_path, os.path.join(staging, renamed_loader))
    glue_path = os.path.join(staging, name + ".js")
    with open(glue_path, encoding="utf-8") as f:
        glue = f.read()
    # Only where it is imported: the wasm module's imports keep their name.
    glue, n = re.subn(r'from "\./__wasm_split\.js"', f'from "./{renamed_loader}"', glue)
    if n == 0:
        sys.exit("split_wasm: the main module's glue does not import __wasm_split.js")
    with open(glue_path, "w", encoding="utf-8") as f:
        f.write(glue)
