//! Where things are, and clear failures when an install or build step is missing.

use crate::{Error, Result};
use std::path::{Path, PathBuf};

/// The repository root (parent of `tests/`): `$FACTEUR_REPO` (set by the scripts), else the
/// parent of `$CARGO_MANIFEST_DIR` as cargo sets it when it runs a test. Read when the program
/// runs, not when it was compiled: the target directory is shared by every copy of the tree, and
/// an artifact compiled in another copy would point there (seen: a check in another directory
/// made every browser test look for the seed data in that copy).
pub fn repo_dir() -> PathBuf {
    if let Some(repo) = std::env::var_os("FACTEUR_REPO") {
        return PathBuf::from(repo);
    }
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    Path::new(&manifest).parent().expect("tests/ has a parent").to_path_buf()
}

/// The built app bundle: `$FACTEUR_DIST`, else `<repo>/dist`. Fails if `index.html` is missing.
pub fn dist_dir() -> Result<PathBuf> {
    let dir = std::env::var_os("FACTEUR_DIST").map(PathBuf::from).unwrap_or_else(|| repo_dir().join("dist"));
    if !dir.join("index.html").is_file() {
        return Err(Error(format!(
            "the app bundle is missing: {} has no index.html. Build it first: `bash scripts/build.sh` \
             (Trunk release build into <repo>/dist), or point FACTEUR_DIST at a built bundle",
            dir.display()
        )));
    }
    Ok(dir)
}

/// The seed data: `$FACTEUR_SEED`, else `<repo>/seed`. Fails if `accounts.json` is missing.
pub fn seed_dir() -> Result<PathBuf> {
    let dir = std::env::var_os("FACTEUR_SEED").map(PathBuf::from).unwrap_or_else(|| repo_dir().join("seed"));
    if !dir.join("accounts.json").is_file() {
        return Err(Error(format!("the seed data is missing: {} has no accounts.json", dir.display())));
    }
    Ok(dir)
}

/// `chromedriver`: `$CHROMEDRIVER`, else the first on PATH, else /usr/bin/chromedriver.
pub fn chromedriver() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMEDRIVER") {
        let p = PathBuf::from(p);
        if is_executable(&p) {
            return Ok(p);
        }
        return Err(Error(format!("CHROMEDRIVER={} is not an executable file", p.display())));
    }
    find_executable("chromedriver", "/usr/bin/chromedriver").ok_or_else(|| {
        Error(
            "chromedriver is not installed: `apt-get install chromium-driver` (scripts/install.sh does it), \
             or set CHROMEDRIVER to its path"
                .into(),
        )
    })
}

/// The browser: `$CHROME_BIN`, else /usr/bin/chromium.
pub fn chromium() -> Result<PathBuf> {
    let p = std::env::var_os("CHROME_BIN").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if is_executable(&p) {
        Ok(p)
    } else {
        Err(Error(format!(
            "Chromium is not installed at {}: `apt-get install chromium` (scripts/install.sh does it), \
             or set CHROME_BIN to its path",
            p.display()
        )))
    }
}

/// axe-core's bundle: `$FACTEUR_AXE`, else `tests/axe/node_modules/axe-core/axe.min.js`.
pub fn axe_js() -> Result<PathBuf> {
    let p = std::env::var_os("FACTEUR_AXE")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_dir().join("tests/axe/node_modules/axe-core/axe.min.js"));
    if p.is_file() {
        Ok(p)
    } else {
        Err(Error(format!(
            "axe-core is not installed ({} is missing): `cd tests/axe && npm ci` \
             (scripts/install.sh does it)",
            p.display()
        )))
    }
}

/// Where screenshots go: `$FACTEUR_SCREENSHOTS`, else `<repo>/target/screenshots`.
pub fn screenshots_dir() -> PathBuf {
    std::env::var_os("FACTEUR_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| repo_dir().join("target/screenshots"))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

fn find_executable(name: &str, fallback: &str) -> Option<PathBuf> {
    let from_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|d| d.join(name))
        .find(|p| is_executable(p));
    from_path.or_else(|| Some(PathBuf::from(fallback)).filter(|p| is_executable(p)))
}
