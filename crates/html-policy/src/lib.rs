//! What to keep of an untrusted HTML mail body: the allow-list policy behind the sanitiser.
//!
//! The app parses a message's HTML with the browser's own parser (`DOMParser`), walks the
//! tree over web-sys and asks this module what to do with each element, attribute, URL
//! and style; the result is serialised into a sandboxed iframe (no scripts) whose own CSP
//! is `default-src 'none'`. All decisions live here, in plain Rust, tested natively.
//!
//! Walker contract, per node:
//! 1. element ([`element_action`] with the lowercase local name and namespace URI):
//!    [`ElementAction::Drop`] removes the subtree, [`ElementAction::Unwrap`] keeps the
//!    children only, [`ElementAction::Rename`] moves attributes and children to a new
//!    element, [`ElementAction::StyleSheet`] replaces the contents by
//!    [`filter_stylesheet`] of its text; comments and processing instructions are removed;
//! 2. each attribute of a kept element ([`attribute_action`]);
//! 3. on `a`/`area` with a kept non-`#` `href`, set [`EXTERNAL_LINK_ATTRIBUTES`] and check
//!    [`link_mismatch`] with the element's text as kept (the text of its dropped children
//!    is not shown, so it must not count);
//! 4. record each decision in a [`Report`].
//!
//! ```
//! use facteur_html_policy::*;
//! let mut report = Report::default();
//! let action = element_action("img", HTML_NAMESPACE);
//! assert_eq!(action, ElementAction::Keep);
//! let src = attribute_action("img", "src", "https://tracker.example/1x1.gif", false);
//! report.note_attribute(&src);
//! assert_eq!(src, AttributeAction::DropRemote);
//! assert!(report.remote_content_blocked);
//! ```

mod attribute;
mod css;
mod css_tokens;
mod element;
mod mismatch;
mod report;
mod url;

pub use attribute::{attribute_action, AttributeAction, EXTERNAL_LINK_ATTRIBUTES};
pub use css::{filter_style_attribute, filter_stylesheet, FilteredCss};
pub use element::{element_action, ElementAction, HTML_NAMESPACE, MATHML_NAMESPACE, SVG_NAMESPACE};
pub use mismatch::{link_mismatch, Mismatch};
pub use report::Report;
pub use url::{classify_image, classify_link, with_id_prefix, ImageUrl, LinkUrl, ID_PREFIX};

#[cfg(test)]
mod corpus_tests {
    use std::path::PathBuf;

    /// This package's directory, read when the test runs (cargo sets it), not when it was compiled:
    /// the target directory is shared by every copy of the tree, and an artifact compiled in
    /// another copy would point there.
    fn manifest_dir() -> String {
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
    }

    fn corpus_dir() -> PathBuf {
        PathBuf::from(manifest_dir()).join("../../tests/fixtures/hostile-html")
    }

    #[test]
    fn hostile_corpus_has_at_least_sixty_non_empty_files_listed_in_readme() {
        let dir = corpus_dir();
        let readme = std::fs::read_to_string(dir.join("README.md")).expect("README.md of the corpus");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .expect("corpus directory")
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".html"))
            .collect();
        names.sort();
        assert!(names.len() >= 60, "only {} corpus files", names.len());
        for name in &names {
            let bytes = std::fs::read(dir.join(name)).unwrap();
            assert!(!String::from_utf8_lossy(&bytes).trim().is_empty(), "{name} is empty");
            let (number, rest) = name.split_at(3);
            assert!(number.chars().all(|c| c.is_ascii_digit()) && rest.starts_with('-'), "{name}: not NNN-name.html");
            assert!(readme.contains(name.as_str()), "{name} is not described in README.md");
        }
    }
}
