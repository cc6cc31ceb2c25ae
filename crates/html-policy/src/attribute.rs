//! What to do with an attribute of a kept element.

use super::css::{filter_style_attribute, FilteredCss};
use super::url::{classify_image, classify_link, with_id_prefix, ImageUrl, LinkUrl};

/// What the walker does with one attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttributeAction {
    /// Keep it unchanged.
    Keep,
    /// Keep it with this value (normalised URL, prefixed `id`/`name`).
    Set(String),
    /// A filtered `style`: set it to `css` (remove the attribute when `css` is empty).
    Style(FilteredCss),
    /// An image from the message (`img src` or `background` = `cid:…`): set it to the
    /// `blob:` URL of the part with this Content-ID, remove it when there is none.
    Cid(String),
    /// Remove it.
    Drop,
    /// Remove it because it loads remote content the user has not allowed (the walker's
    /// [`super::Report`] then offers to show remote images).
    DropRemote,
}

/// Attributes kept unchanged on any kept element: layout, text and table attributes that
/// can neither run nor load anything.
const KEPT: &[&str] = &[
    "dir",
    "lang",
    "title",
    "align",
    "valign",
    "width",
    "height",
    "bgcolor",
    "color",
    "face",
    "size",
    "border",
    "bordercolor",
    "cellpadding",
    "cellspacing",
    "colspan",
    "rowspan",
    "nowrap",
    "alt",
    "class",
    "hspace",
    "vspace",
    "clear",
    "span",
    "scope",
    "headers",
    "abbr",
    "axis",
    "summary",
    "datetime",
    "open",
    "frame",
    "rules",
    "char",
    "charoff",
    "role",
    "translate",
    "noshade",
    "compact",
];

/// Elements whose `background` attribute is honoured (as an image URL).
const BACKGROUND_ELEMENTS: &[&str] = &["body", "table", "td", "th", "tr", "thead", "tbody", "tfoot"];

/// `x` → `msg-x`; `None` for an empty value.
fn prefixed(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| with_id_prefix(value))
}

fn image(src: &str, remote_allowed: bool) -> AttributeAction {
    match classify_image(src) {
        ImageUrl::Cid(id) => AttributeAction::Cid(id),
        ImageUrl::Data(url) => AttributeAction::Set(url),
        ImageUrl::Remote(url) if remote_allowed => AttributeAction::Set(url),
        ImageUrl::Remote(_) => AttributeAction::DropRemote,
        ImageUrl::Blocked => AttributeAction::Drop,
    }
}

/// Decides what to do with attribute `name="value"` of element `element` (an element
/// [`super::element_action`] kept; for a renamed `body`, pass `"body"`).
///
/// Decisions:
/// - `on*` handlers, `srcset`/`sizes`, `target`/`rel` (the walker forces
///   [`super::EXTERNAL_LINK_ATTRIBUTES`] on external links), `ping`, `action`, `formaction`,
///   `xlink:href`, `xmlns*`, `data`, `codebase`, `poster`, `http-equiv`, `content`,
///   `data-*`, `autofocus`, `tabindex`, `contenteditable`, `cite`, `longdesc` and anything
///   unknown: dropped;
/// - `href` only on `a`/`area`, through [`classify_link`];
/// - `src` only on `img`, `background` only on `body`/table elements, through
///   [`classify_image`] (remote → [`AttributeAction::DropRemote`] unless allowed);
/// - `style` through [`filter_style_attribute`];
/// - `id`, and `name` on `a`/`map`, are prefixed with [`ID_PREFIX`] (fragment links are
///   prefixed the same way, so in-message anchors work); `usemap` must be a fragment;
/// - `class` kept (`<style>` elements are kept, filtered); `type` only on `ol`/`ul`/`li`,
///   `start`/`reversed` on `ol`, `value` on `li`, `aria-*` kept.
///
/// ```
/// use facteur_html_policy::{attribute_action, AttributeAction};
/// assert_eq!(attribute_action("img", "onerror", "alert(1)", true), AttributeAction::Drop);
/// assert_eq!(attribute_action("img", "src", "https://t.example/p.gif", false), AttributeAction::DropRemote);
/// assert_eq!(attribute_action("img", "src", "cid:logo", false), AttributeAction::Cid("logo".into()));
/// assert_eq!(attribute_action("a", "href", "java\tscript:x", false), AttributeAction::Drop);
/// assert_eq!(attribute_action("td", "bgcolor", "#ffffff", false), AttributeAction::Keep);
/// ```
pub fn attribute_action(element: &str, name: &str, value: &str, remote_allowed: bool) -> AttributeAction {
    let element = element.to_ascii_lowercase();
    let element = element.as_str();
    let name = name.trim().to_ascii_lowercase();
    let name = name.as_str();
    if name.starts_with("on") {
        return AttributeAction::Drop;
    }
    match (name, element) {
        ("style", _) => AttributeAction::Style(filter_style_attribute(value, remote_allowed)),
        ("href", "a" | "area") => match classify_link(value) {
            LinkUrl::Safe(url) | LinkUrl::Fragment(url) => AttributeAction::Set(url),
            LinkUrl::Blocked => AttributeAction::Drop,
        },
        ("src", "img") => image(value, remote_allowed),
        ("background", e) if BACKGROUND_ELEMENTS.contains(&e) => image(value, remote_allowed),
        ("id", _) | ("name", "a" | "map") => prefixed(value).map_or(AttributeAction::Drop, AttributeAction::Set),
        ("usemap", "img") => match value.trim().strip_prefix('#') {
            Some(map) if !map.is_empty() => AttributeAction::Set(format!("#{}", with_id_prefix(map))),
            _ => AttributeAction::Drop,
        },
        ("shape" | "coords", "area")
        | ("type", "ol" | "ul" | "li")
        | ("start" | "reversed", "ol")
        | ("value", "li") => AttributeAction::Keep,
        _ if KEPT.contains(&name) => AttributeAction::Keep,
        _ if name.starts_with("aria-") => AttributeAction::Keep,
        _ => AttributeAction::Drop,
    }
}

/// Attributes the walker sets on every `a`/`area` whose `href` was kept and does not
/// start with `#`: open outside the message frame, without `window.opener` or referrer.
pub const EXTERNAL_LINK_ATTRIBUTES: [(&str, &str); 2] = [("target", "_blank"), ("rel", "noopener noreferrer")];

#[cfg(test)]
mod tests {
    use super::AttributeAction::*;
    use super::*;

    fn act(element: &str, name: &str, value: &str) -> AttributeAction {
        attribute_action(element, name, value, false)
    }

    #[test]
    fn handlers_and_active_attributes_are_dropped() {
        let table = [
            ("img", "onerror", "alert(1)"),
            ("body", "onload", "alert(1)"),
            ("div", "onmouseover", "alert(1)"),
            ("div", "ONFOCUS", "alert(1)"),
            ("div", " onclick", "alert(1)"),
            ("div", "autofocus", ""),
            ("div", "tabindex", "0"),
            ("div", "contenteditable", "true"),
            ("img", "srcset", "https://t.example/a.png 1x"),
            ("img", "sizes", "100vw"),
            ("a", "ping", "https://t.example/ping"),
            ("a", "target", "_top"),
            ("a", "rel", "opener"),
            ("div", "formaction", "https://evil.example"),
            ("div", "action", "https://evil.example"),
            ("a", "xlink:href", "javascript:alert(1)"),
            ("div", "xmlns", "http://www.w3.org/2000/svg"),
            ("div", "data", "x.swf"),
            ("div", "codebase", "https://evil.example"),
            ("div", "poster", "https://t.example/p.png"),
            ("div", "http-equiv", "refresh"),
            ("div", "content", "0;url=https://evil.example"),
            ("div", "data-x", "1"),
            ("blockquote", "cite", "https://t.example/c"),
            ("img", "longdesc", "https://t.example/d"),
            ("div", "href", "https://example.org"),
            ("span", "src", "https://example.org/a.png"),
            ("div", "background", "https://t.example/bg.png"),
            ("div", "type", "text/html"),
            ("div", "srcdoc", "<script>alert(1)</script>"),
            ("div", "is", "x-evil"),
        ];
        for (element, name, value) in table {
            assert_eq!(act(element, name, value), Drop, "{element} {name}={value:?}");
        }
    }

    #[test]
    fn formatting_attributes_are_kept() {
        let table = [
            ("table", "width", "600"),
            ("table", "cellpadding", "0"),
            ("td", "bgcolor", "#F5F5F5"),
            ("td", "valign", "top"),
            ("td", "colspan", "2"),
            ("font", "face", "Arial"),
            ("font", "color", "red"),
            ("font", "size", "2"),
            ("img", "alt", "Logo"),
            ("img", "width", "1"),
            ("p", "dir", "rtl"),
            ("p", "LANG", "fr"),
            ("p", "class", "intro"),
            ("ol", "type", "a"),
            ("ol", "start", "3"),
            ("li", "value", "4"),
            ("area", "shape", "rect"),
            ("div", "aria-label", "x"),
        ];
        for (element, name, value) in table {
            assert_eq!(act(element, name, value), Keep, "{element} {name}={value:?}");
        }
    }

    #[test]
    fn links() {
        assert_eq!(act("a", "href", " https://ac-cevennes.fr/ "), Set("https://ac-cevennes.fr/".into()));
        assert_eq!(act("area", "href", "mailto:x@ac-cevennes.fr"), Set("mailto:x@ac-cevennes.fr".into()));
        assert_eq!(act("a", "href", "#bas"), Set("#msg-bas".into()));
        assert_eq!(act("a", "href", "JaVaScRiPt:alert(1)"), Drop);
        assert_eq!(act("a", "href", "data:text/html,<script>alert(1)</script>"), Drop);
        assert_eq!(act("a", "href", "vbscript:msgbox"), Drop);
    }

    #[test]
    fn images_and_backgrounds() {
        assert_eq!(act("img", "src", "https://t.example/1x1.gif"), DropRemote);
        assert_eq!(
            attribute_action("img", "src", "https://t.example/1x1.gif", true),
            Set("https://t.example/1x1.gif".into())
        );
        assert_eq!(act("img", "src", "cid:image001.png@01D9"), Cid("image001.png@01D9".into()));
        assert_eq!(act("img", "src", "data:image/gif;base64,R0lGODlh"), Set("data:image/gif;base64,R0lGODlh".into()));
        assert_eq!(act("img", "src", "data:image/svg+xml;base64,PHN2Zz4="), Drop);
        assert_eq!(act("img", "src", "javascript:alert(1)"), Drop);
        assert_eq!(act("body", "background", "https://t.example/bg.png"), DropRemote);
        assert_eq!(act("td", "background", "cid:bg"), Cid("bg".into()));
        assert_eq!(
            attribute_action("table", "background", "http://cdn.example/bg.png", true),
            Set("http://cdn.example/bg.png".into())
        );
    }

    #[test]
    fn ids_and_names_are_prefixed() {
        assert_eq!(act("div", "id", "haut"), Set("msg-haut".into()));
        assert_eq!(act("a", "name", "haut"), Set("msg-haut".into()));
        assert_eq!(act("map", "name", "m"), Set("msg-m".into()));
        assert_eq!(act("img", "usemap", "#m"), Set("#msg-m".into()));
        assert_eq!(act("img", "usemap", "https://x/#m"), Drop);
        assert_eq!(act("div", "id", "  "), Drop);
        assert_eq!(act("img", "name", "x"), Drop);
    }

    #[test]
    fn style_is_filtered() {
        let Style(f) = act("div", "style", "color: red; position: fixed; background: url(https://t.example/x)") else {
            panic!("style not filtered");
        };
        assert_eq!(f.css, "color: red");
        assert_eq!(f.removed, 2);
        assert!(f.remote_blocked);
    }
}
