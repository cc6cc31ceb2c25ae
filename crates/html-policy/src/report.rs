//! What the sanitiser did to a message, filled by the walker as it applies decisions.

use super::attribute::AttributeAction;
use super::css::FilteredCss;
use super::element::ElementAction;
use super::mismatch::Mismatch;

/// Counts and findings of one sanitising pass.
///
/// ```
/// use facteur_html_policy::{attribute_action, element_action, Report, HTML_NAMESPACE};
/// let mut report = Report::default();
/// report.note_element(&element_action("script", HTML_NAMESPACE));
/// report.note_attribute(&attribute_action("img", "src", "https://t.example/p.gif", false));
/// report.note_attribute(&attribute_action("img", "src", "cid:logo", false));
/// assert_eq!((report.removed_elements, report.removed_attributes), (1, 1));
/// assert!(report.remote_content_blocked);
/// assert_eq!(report.cid_references, vec!["logo".to_string()]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Elements removed with their subtree.
    pub removed_elements: usize,
    /// Elements whose tag was removed, children kept.
    pub unwrapped_elements: usize,
    /// Attributes removed (including `style` attributes left empty).
    pub removed_attributes: usize,
    /// CSS declarations and rules removed (in `style` attributes and `<style>`).
    pub removed_css: usize,
    /// Something remote was not loaded: offer "show remote images".
    pub remote_content_blocked: bool,
    /// Content-IDs referenced by `cid:` URLs, in order, without duplicates.
    pub cid_references: Vec<String>,
    /// Links whose text shows another host than their target.
    pub link_mismatches: Vec<Mismatch>,
}

impl Report {
    /// Records an element decision.
    pub fn note_element(&mut self, action: &ElementAction) {
        match action {
            ElementAction::Drop => self.removed_elements += 1,
            ElementAction::Unwrap => self.unwrapped_elements += 1,
            ElementAction::Keep | ElementAction::Rename(_) | ElementAction::StyleSheet => {}
        }
    }

    /// Records an attribute decision.
    pub fn note_attribute(&mut self, action: &AttributeAction) {
        match action {
            AttributeAction::Keep | AttributeAction::Set(_) => {}
            AttributeAction::Style(css) => {
                self.note_css(css);
                if css.css.is_empty() {
                    self.removed_attributes += 1;
                }
            }
            AttributeAction::Cid(id) => self.note_cid(id),
            AttributeAction::Drop => self.removed_attributes += 1,
            AttributeAction::DropRemote => {
                self.removed_attributes += 1;
                self.remote_content_blocked = true;
            }
        }
    }

    /// Records a CSS filtering (of a `style` attribute or a `<style>` element).
    pub fn note_css(&mut self, css: &FilteredCss) {
        self.removed_css += css.removed;
        self.remote_content_blocked |= css.remote_blocked;
        for id in &css.cids {
            self.note_cid(id);
        }
    }

    /// Records a `cid:` reference.
    pub fn note_cid(&mut self, id: &str) {
        if !self.cid_references.iter().any(|known| known == id) {
            self.cid_references.push(id.to_string());
        }
    }

    /// Records a suspicious link.
    pub fn note_mismatch(&mut self, mismatch: Mismatch) {
        self.link_mismatches.push(mismatch);
    }

    /// Whether anything was removed or blocked.
    pub fn changed(&self) -> bool {
        self.removed_elements + self.removed_attributes + self.removed_css > 0 || self.remote_content_blocked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{attribute_action, filter_stylesheet};

    #[test]
    fn report_counts() {
        let mut report = Report::default();
        assert!(!report.changed());
        report.note_element(&ElementAction::Unwrap);
        report.note_element(&ElementAction::Keep);
        assert!(!report.changed());
        assert_eq!(report.unwrapped_elements, 1);
        report.note_attribute(&attribute_action("div", "style", "position:fixed", false));
        assert_eq!((report.removed_attributes, report.removed_css), (1, 1));
        report.note_attribute(&attribute_action("div", "style", "color:red;top:0", false));
        assert_eq!((report.removed_attributes, report.removed_css), (1, 2));
        assert!(!report.remote_content_blocked);
        report.note_css(&filter_stylesheet(
            "p { background: url(cid:a) } td { background: url(http://x.example/b) }",
            false,
        ));
        report.note_attribute(&AttributeAction::Cid("a".into()));
        report.note_attribute(&AttributeAction::Cid("b".into()));
        assert_eq!(report.cid_references, vec!["a".to_string(), "b".to_string()]);
        assert!(report.remote_content_blocked);
        assert!(report.changed());
    }
}
