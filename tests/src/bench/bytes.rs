//! The sizes of the release bundle's files: raw and their precompressed `.gz` / `.br`
//! (written by `scripts/trunk-post-build.py`, served as-is by the server).

use crate::{Error, Result};
use std::path::Path;

/// One file of the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct BundleFile {
    /// `wasm`, `js`, `css`, `html`, `other`.
    pub kind: &'static str,
    pub name: String,
    pub raw: u64,
    pub gzip: Option<u64>,
    pub brotli: Option<u64>,
}

fn kind(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("wasm") => "wasm",
        Some("js") => "js",
        Some("css") => "css",
        Some("html") => "html",
        _ => "other",
    }
}

/// The files a browser loads to start the app (wasm, js, css, html), largest first.
pub fn bundle(dist: &Path) -> Result<Vec<BundleFile>> {
    let rd = std::fs::read_dir(dist).map_err(|e| Error(format!("read {}: {e}", dist.display())))?;
    let size = |p: &Path| std::fs::metadata(p).ok().map(|m| m.len());
    let mut out = Vec::new();
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let k = kind(&name);
        if k == "other" || !e.path().is_file() {
            continue;
        }
        out.push(BundleFile {
            kind: k,
            raw: size(&e.path()).unwrap_or(0),
            gzip: size(&dist.join(format!("{name}.gz"))),
            brotli: size(&dist.join(format!("{name}.br"))),
            name,
        });
    }
    if !out.iter().any(|f| f.kind == "wasm") {
        return Err(Error(format!("{} holds no .wasm: build the release bundle first", dist.display())));
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.raw));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_of_a_bundle() {
        let dir = std::env::temp_dir().join(format!("facteur-bench-bytes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app-0123_bg.wasm"), vec![0u8; 1000]).unwrap();
        std::fs::write(dir.join("app-0123_bg.wasm.br"), vec![0u8; 300]).unwrap();
        std::fs::write(dir.join("app-0123_bg.wasm.gz"), vec![0u8; 400]).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("config.json"), "{}").unwrap();
        let b = bundle(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(
            b[0],
            BundleFile { kind: "wasm", name: "app-0123_bg.wasm".into(), raw: 1000, gzip: Some(400), brotli: Some(300) }
        );
        assert_eq!((b[1].kind, b[1].gzip), ("html", None));
    }
}
