//! Lists the hostile HTML corpus (tests/fixtures/hostile-html/*.html) for the browser test,
//! so that a file added there is tested without editing the test.
use std::io::Write;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile-html");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).filter(|n| n.ends_with(".html")).collect()
        })
        .unwrap_or_default();
    names.sort();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("corpus.rs");
    let mut file = std::fs::File::create(out).unwrap();
    writeln!(file, "/// The hostile corpus: (file name, bytes).\npub const CORPUS: &[(&str, &[u8])] = &[").unwrap();
    for name in names {
        let path = dir.join(&name).canonicalize().unwrap();
        writeln!(file, "    ({name:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    writeln!(file, "];").unwrap();
}
