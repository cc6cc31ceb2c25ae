//! What to do with an element, by namespace and local name.

/// The HTML namespace; every other namespace (SVG, MathML, none) is dropped.
pub const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";
/// The SVG namespace (always dropped, with its subtree).
pub const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";
/// The MathML namespace (always dropped, with its subtree).
pub const MATHML_NAMESPACE: &str = "http://www.w3.org/1998/Math/MathML";

/// What the walker does with an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElementAction {
    /// Keep the element; filter each attribute with [`super::attribute_action`].
    Keep,
    /// Replace the element with a new element of this name, carrying the same
    /// (filtered) attributes and children: `body` becomes a `div`, so a newsletter keeps
    /// its `bgcolor`/`style`/`background`.
    Rename(&'static str),
    /// `<style>`: keep the element with no attribute, and replace its contents by one
    /// text node, [`super::filter_stylesheet`] of its text (drop it when that is empty).
    StyleSheet,
    /// Remove the tag but keep (and walk) its children: wrappers (`html`, `head`),
    /// presentational or unknown tags (`marquee`, `blink`, Outlook's `o:p`, custom
    /// elements, `picture`, `label`, `fieldset`…).
    Unwrap,
    /// Remove the element with its whole subtree.
    Drop,
}

/// Elements kept as they are.
const KEPT: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "main",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Elements removed with their subtree: active content, embedding, forms, metadata,
/// media, and the raw-text elements whose serialisation differs from their parsing
/// (`xmp`, `noembed`, `noframes`, `plaintext`, `noscript`, `iframe`), the usual source of
/// mutation XSS.
const DROPPED: &[&str] = &[
    "script",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "noframes",
    "object",
    "embed",
    "applet",
    "param",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "option",
    "optgroup",
    "datalist",
    "keygen",
    "output",
    "progress",
    "meter",
    "meta",
    "base",
    "link",
    "title",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "dialog",
    "portal",
    "slot",
    "xmp",
    "plaintext",
    "noembed",
    "svg",
    "math",
    "image",
    "isindex",
    "bgsound",
    "search",
    "fencedframe",
    "selectedcontent",
];

/// Decides what to do with an element.
///
/// ```
/// use facteur_html_policy::{element_action, ElementAction, HTML_NAMESPACE, SVG_NAMESPACE};
/// assert_eq!(element_action("table", HTML_NAMESPACE), ElementAction::Keep);
/// assert_eq!(element_action("SCRIPT", HTML_NAMESPACE), ElementAction::Drop);
/// assert_eq!(element_action("a", SVG_NAMESPACE), ElementAction::Drop);
/// assert_eq!(element_action("body", HTML_NAMESPACE), ElementAction::Rename("div"));
/// assert_eq!(element_action("o:p", HTML_NAMESPACE), ElementAction::Unwrap);
/// ```
pub fn element_action(local_name: &str, namespace: &str) -> ElementAction {
    if namespace != HTML_NAMESPACE {
        return ElementAction::Drop;
    }
    let name = local_name.to_ascii_lowercase();
    let name = name.as_str();
    if KEPT.contains(&name) {
        ElementAction::Keep
    } else if DROPPED.contains(&name) {
        ElementAction::Drop
    } else if name == "style" {
        ElementAction::StyleSheet
    } else if name == "body" {
        ElementAction::Rename("div")
    } else {
        ElementAction::Unwrap
    }
}

#[cfg(test)]
mod tests {
    use super::ElementAction::*;
    use super::*;

    #[test]
    fn html_elements() {
        let table = [
            ("p", Keep),
            ("TD", Keep),
            ("font", Keep),
            ("center", Keep),
            ("img", Keep),
            ("a", Keep),
            ("style", StyleSheet),
            ("body", Rename("div")),
            ("html", Unwrap),
            ("head", Unwrap),
            ("marquee", Unwrap),
            ("blink", Unwrap),
            ("picture", Unwrap),
            ("o:p", Unwrap),
            ("my-widget", Unwrap),
            ("script", Drop),
            ("ScRiPt", Drop),
            ("noscript", Drop),
            ("template", Drop),
            ("iframe", Drop),
            ("object", Drop),
            ("embed", Drop),
            ("form", Drop),
            ("input", Drop),
            ("button", Drop),
            ("textarea", Drop),
            ("meta", Drop),
            ("base", Drop),
            ("link", Drop),
            ("title", Drop),
            ("video", Drop),
            ("source", Drop),
            ("xmp", Drop),
            ("noembed", Drop),
            ("svg", Drop),
            ("math", Drop),
            ("dialog", Drop),
        ];
        for (name, expected) in table {
            assert_eq!(element_action(name, HTML_NAMESPACE), expected, "{name}");
        }
    }

    #[test]
    fn foreign_namespaces_are_dropped() {
        for name in ["svg", "style", "foreignObject", "a", "img", "div", "mtext", "mglyph", "annotation-xml"] {
            assert_eq!(element_action(name, SVG_NAMESPACE), Drop, "svg {name}");
            assert_eq!(element_action(name, MATHML_NAMESPACE), Drop, "math {name}");
            assert_eq!(element_action(name, ""), Drop, "no namespace {name}");
        }
        assert_eq!(element_action("p", "http://www.w3.org/1999/XHTML"), Drop);
    }
}
