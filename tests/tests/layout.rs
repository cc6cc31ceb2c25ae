//! The app's layout rules, checked on its source (README, "What is where"):
//! - `src/ui` (generic pieces) and `src/platform` (HTTP, JMAP client, session, storage, push,
//!   lazy parts) import nothing from `src/shell` or `src/areas`;
//! - `src/shell` (login, guard, top bar, shortcuts) imports no area: `app.rs` puts them together;
//! - only an area names its domain crate (`facteur_mail`; later `facteur_calendar`,
//!   `facteur_contacts`): `ui`, `platform` and the shell build on `facteur_kit` and `facteur_jmap`;
//! - an area (`src/areas/<area>`) never imports another area: they meet through the shell and
//!   through `platform` intents.
//!
//! The crates need no such test: Cargo refuses an import a crate's manifest does not declare.

use std::path::{Path, PathBuf};

/// This package's directory, read when the test runs (cargo sets it), not when it was compiled:
/// the target directory is shared by every copy of the tree, and an artifact compiled in
/// another copy would point there.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}

/// The crates of one area each (the mail domain; calendar and contacts to come).
const DOMAIN_CRATES: [&str; 3] = ["facteur_mail", "facteur_calendar", "facteur_contacts"];

/// Where a source file sits: its top folder under `src/` and, for an area, the area's name.
fn place(relative: &Path) -> (String, Option<String>) {
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [top, area, ..] if top == "areas" && parts.len() > 2 => (top.clone(), Some(area.clone())),
        [top, ..] if parts.len() > 1 => (top.clone(), None),
        _ => ("root".into(), None),
    }
}

/// The rule broken by one `crate::` path seen in a file at `place`, if any.
fn broken_rule(place: &(String, Option<String>), path: &str) -> Option<&'static str> {
    let mut segments = path.split("::").skip(1); // after `crate`
    let top = segments.next().unwrap_or_default();
    let area = segments.next().unwrap_or_default();
    match (place.0.as_str(), top) {
        ("ui" | "platform", "shell" | "areas") => Some("ui and platform import nothing from the shell or an area"),
        ("shell", "areas") => Some("the shell imports no area (app.rs puts them together)"),
        ("areas", "areas") if Some(area) != place.1.as_deref() => Some("an area never imports another area"),
        _ => None,
    }
}

/// Every broken rule in one file's text: `file:line: path: rule`.
fn check_text(relative: &Path, text: &str) -> Vec<String> {
    let place = place(relative);
    let mut broken = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for domain in DOMAIN_CRATES {
            if line.contains(&format!("{domain}::")) && !matches!(place.0.as_str(), "areas" | "root") {
                broken.push(format!("{}:{}: {domain}: only an area names its domain crate", relative.display(), n + 1));
            }
        }
        if line.contains("crate::{") {
            broken.push(format!(
                "{}:{}: write `crate::` paths in full, so that this check sees them",
                relative.display(),
                n + 1
            ));
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let path: String =
                rest[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            if let Some(rule) = broken_rule(&place, &path) {
                broken.push(format!("{}:{}: {path}: {rule}", relative.display(), n + 1));
            }
            rest = &rest[at + path.len().max(1)..];
        }
    }
    broken
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_app_follows_its_layout_rules() {
    let src = Path::new(&manifest_dir()).join("../src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    for top in ["platform", "ui", "shell", "areas/mail"] {
        assert!(files.iter().any(|f| f.starts_with(src.join(top))), "src/{top} holds the app's code");
    }
    let broken: Vec<String> = files
        .iter()
        .flat_map(|f| check_text(f.strip_prefix(&src).unwrap(), &std::fs::read_to_string(f).unwrap()))
        .collect();
    assert!(broken.is_empty(), "layout rules broken:\n{}", broken.join("\n"));
}

#[test]
fn each_rule_catches_what_it_forbids() {
    let cases = [
        ("ui/modal.rs", "use crate::areas::mail::use_mail;", true),
        ("platform/lazy.rs", "crate::shell::login::LoginPage", true),
        ("platform/lazy.rs", "use crate::ui::error_banner::ErrorBanner;", false),
        ("shell/top_bar.rs", "use crate::areas::mail::MailRoutes;", true),
        ("shell/top_bar.rs", "use crate::platform::session::use_session;", false),
        ("areas/contacts/list.rs", "let ctx = crate::areas::mail::use_mail();", true),
        ("areas/mail/list/pages.rs", "use crate::areas::mail::context::MailContext;", false),
        ("areas/mail/mod.rs", "use crate::{areas::contacts::Card};", true),
        ("app.rs", "use crate::areas::mail::MailRoutes;", false),
        ("platform/jmap_client.rs", "Refused(facteur_mail::requests::SetRefused),", true),
        ("ui/error_banner.rs", "use facteur_kit::refused::SetRefused;", false),
        ("areas/mail/labels.rs", "use facteur_mail::labels::PALETTE;", false),
    ];
    for (file, line, broken) in cases {
        assert_eq!(!check_text(Path::new(file), line).is_empty(), broken, "{file}: {line}");
    }
}
