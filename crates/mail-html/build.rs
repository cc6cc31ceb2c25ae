//! Lists the hostile HTML corpus (tests/fixtures/hostile-html/*.html) for the browser test,
//! so that a file added there is tested without editing the test, and makes the inputs too
//! large to commit ([`GENERATED`]: a 5 MB body, 10,000-deep nesting) into `OUT_DIR`.
use std::fmt::Write as _;
use std::io::Write;

/// Corpus inputs made here (the README lists them with the committed ones).
const GENERATED: &[&str] = &["081-five-megabytes.html", "082-deep-nesting.html"];

/// The generated inputs, by name.
fn generated(name: &str) -> String {
    match name {
        // 5,000 blocks of about 1 KB, each with a link, a handler and a script to remove,
        // then a last line (the output must hold all of it).
        "081-five-megabytes.html" => {
            let filler = "Texte de la lettre d'information, assez long pour peser. ".repeat(16);
            let mut html = String::with_capacity(5_400_000);
            for i in 0..5000 {
                write!(
                    html,
                    "<p>Paragraphe {i} : {filler}<a href=\"https://ac-cevennes.fr/{i}\">lien {i}</a>\
                     <img src=x onerror=alert({i})><script>alert({i})</script></p>"
                )
                .unwrap();
            }
            html.push_str("<p>fin du message de 5 Mo</p>");
            assert!(html.len() >= 5_000_000, "the 5 MB input is only {} bytes", html.len());
            html
        }
        // 10,000 nested divs, then 10,000 nested unknown elements (unwrapped: no output
        // depth, but as deep in the source), then a paragraph after them.
        "082-deep-nesting.html" => format!(
            "{}au fond{}{}inconnu{}<p>après</p>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000),
            "<x-n>".repeat(10_000),
            "</x-n>".repeat(10_000)
        ),
        _ => unreachable!("{name}"),
    }
}

fn main() {
    // Read when the script runs, not baked in when it is compiled: the compiled script is shared by
    // every copy of the tree that uses the same target directory.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(&manifest).join("../../tests/fixtures/hostile-html");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut files: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".html"))
                .map(|n| (n.clone(), dir.join(&n).canonicalize().unwrap()))
                .collect()
        })
        .unwrap_or_default();
    for name in GENERATED {
        let path = out_dir.join(name);
        std::fs::write(&path, generated(name)).unwrap();
        files.push((name.to_string(), path));
    }
    files.sort();
    let mut file = std::fs::File::create(out_dir.join("corpus.rs")).unwrap();
    writeln!(file, "/// The hostile corpus: (file name, bytes).\npub const CORPUS: &[(&str, &[u8])] = &[").unwrap();
    for (name, path) in files {
        writeln!(file, "    ({name:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    writeln!(file, "];").unwrap();
    let readme = dir.join("README.md").canonicalize().unwrap();
    writeln!(
        file,
        "/// The corpus README, whose table the test asserts.\npub const README: &str = include_str!({:?});",
        readme.display().to_string()
    )
    .unwrap();
}
