//! The allow-list walker: rebuilds a message's HTML, as the browser parsed it, keeping only
//! what [`facteur_logic::html_policy`] allows.
//!
//! The source is parsed by `DOMParser` (an inert document: no script runs, nothing loads)
//! and is only read. The output is built node by node in the target document with
//! `createElement`/`setAttribute`/CSSOM: nothing of the source is copied wholesale, so an
//! attribute or node the walker does not know never reaches the output.

use facteur_logic::html_policy::{
    attribute_action, element_action, filter_stylesheet, link_mismatch, AttributeAction, ElementAction, FilteredCss,
    Report, EXTERNAL_LINK_ATTRIBUTES, HTML_NAMESPACE,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DomParser, Element, HtmlElement, Node, SupportedType};

/// Where the CSS of the message's `<style>` elements goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleOutput {
    /// Into `<style>` elements of the output (for a document without CSP: tests, source view).
    Elements,
    /// Into [`Sanitized::stylesheets`], for the caller to adopt as constructed stylesheets
    /// (the message frame inherits the app's CSP, which refuses inline `<style>`).
    Collect,
}

/// How to treat what the message refers to.
pub struct Options<'a> {
    /// The user allowed remote images and CSS `url()`s for this message.
    pub remote_allowed: bool,
    /// The `blob:` URL of the message part with this Content-ID, if it was fetched.
    pub cid_url: &'a dyn Fn(&str) -> Option<String>,
    /// Where `<style>` contents go.
    pub styles: StyleOutput,
}

/// What the walker did.
#[derive(Debug, Default)]
pub struct Sanitized {
    /// Counts and findings (remote content blocked, `cid:` references, deceptive links).
    pub report: Report,
    /// Filtered stylesheets, with [`StyleOutput::Collect`].
    pub stylesheets: Vec<String>,
}

/// Parses `html` with the browser's own parser into an inert document.
pub fn parse(html: &str) -> Result<Document, JsValue> {
    DomParser::new()?.parse_from_string(html, SupportedType::TextHtml)
}

/// Walks `source` and appends what the policy keeps to `target` (an element of the document
/// the message is shown in).
///
/// ```no_run
/// use facteur_mail_html::{parse, sanitize_into, Options, StyleOutput};
/// let source = parse("<p onclick=x()>Bonjour <script>x()</script></p>").unwrap();
/// let document = web_sys::window().unwrap().document().unwrap();
/// let target = document.create_element("div").unwrap();
/// let none = |_: &str| None;
/// let done = sanitize_into(&source, &target, &Options { remote_allowed: false, cid_url: &none, styles: StyleOutput::Elements });
/// assert_eq!(target.inner_html(), "<p>Bonjour </p>");
/// assert_eq!(done.report.removed_elements, 1);
/// ```
pub fn sanitize_into(source: &Document, target: &Element, options: &Options) -> Sanitized {
    let mut walker =
        Walker { options, out: Sanitized::default(), document: target.owner_document(), root: target.clone().into() };
    if let Some(root) = source.document_element() {
        walker.element(&root, target);
    }
    walker.out
}

struct Walker<'a, 'b> {
    options: &'a Options<'b>,
    out: Sanitized,
    document: Option<Document>,
    /// The element the output is appended to.
    root: Node,
}

impl Walker<'_, '_> {
    fn children(&mut self, source: &Node, parent: &Element) {
        let mut child = source.first_child();
        while let Some(node) = child {
            match node.node_type() {
                Node::ELEMENT_NODE => self.element(node.unchecked_ref(), parent),
                Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                    if let (Some(document), Some(mut text)) = (&self.document, node.node_value()) {
                        // Leading white space of the message is dropped, as the parser does
                        // when it reads the output again.
                        if parent.first_child().is_none() && parent.is_same_node(Some(&self.root)) {
                            text = text.trim_start().to_string();
                        }
                        if !text.is_empty() {
                            let _ = parent.append_child(&document.create_text_node(&text));
                        }
                    }
                }
                // Comments (Outlook's conditional comments among them), processing
                // instructions, doctypes: never kept.
                _ => {}
            }
            child = node.next_sibling();
        }
    }

    fn element(&mut self, source: &Element, parent: &Element) {
        let local = source.local_name().to_ascii_lowercase();
        let namespace = source.namespace_uri().unwrap_or_default();
        let action = element_action(&local, &namespace);
        self.out.report.note_element(&action);
        match action {
            ElementAction::Drop => {}
            ElementAction::Unwrap => self.children(source, parent),
            ElementAction::StyleSheet => self.stylesheet(source, parent),
            ElementAction::Keep => self.keep(source, &local, &local, parent),
            // A `body` with nothing worth keeping adds no wrapper (so that sanitising the
            // output again gives the same output).
            ElementAction::Rename(_) if !self.has_kept_attribute(source, &local) => self.children(source, parent),
            ElementAction::Rename(name) => self.keep(source, &local, name, parent),
        }
    }

    fn has_kept_attribute(&self, source: &Element, policy_name: &str) -> bool {
        let attributes = source.attributes();
        (0..attributes.length()).filter_map(|index| attributes.item(index)).any(|attribute| {
            match attribute_action(policy_name, &attribute.name(), &attribute.value(), self.options.remote_allowed) {
                AttributeAction::Keep | AttributeAction::Set(_) | AttributeAction::Cid(_) => true,
                AttributeAction::Style(css) => !css.css.is_empty(),
                AttributeAction::Drop | AttributeAction::DropRemote => false,
            }
        })
    }

    fn stylesheet(&mut self, source: &Element, parent: &Element) {
        let filtered = filter_stylesheet(&source.text_content().unwrap_or_default(), self.options.remote_allowed);
        self.out.report.note_css(&filtered);
        let css = self.resolve_cids(filtered);
        if css.trim().is_empty() {
            return;
        }
        match self.options.styles {
            StyleOutput::Collect => self.out.stylesheets.push(css),
            StyleOutput::Elements => {
                if let Some(style) = self.create("style") {
                    style.set_text_content(Some(&css));
                    let _ = parent.append_child(&style);
                }
            }
        }
    }

    fn create(&self, name: &str) -> Option<Element> {
        self.document.as_ref()?.create_element_ns(Some(HTML_NAMESPACE), name).ok()
    }

    /// Keeps `source` as a new `name` element: filtered attributes, then its children.
    fn keep(&mut self, source: &Element, policy_name: &str, name: &str, parent: &Element) {
        let Some(element) = self.create(name) else { return };
        let attributes = source.attributes();
        let mut external_link = false;
        for index in 0..attributes.length() {
            let Some(attribute) = attributes.item(index) else { continue };
            let (attribute_name, value) = (attribute.name(), attribute.value());
            let action = attribute_action(policy_name, &attribute_name, &value, self.options.remote_allowed);
            self.out.report.note_attribute(&action);
            match action {
                AttributeAction::Keep => set(&element, &attribute_name, &value),
                AttributeAction::Set(value) => {
                    if attribute_name.eq_ignore_ascii_case("href") && !value.starts_with('#') {
                        external_link = true;
                    }
                    set(&element, &attribute_name, &value)
                }
                AttributeAction::Style(css) => {
                    let css = self.resolve_cids(css);
                    if !css.is_empty() {
                        // CSSOM, not a `style` attribute: the frame's CSP refuses inline
                        // style attributes but not the CSS object model.
                        // (`unchecked_ref`: the element belongs to the frame's realm, where a
                        // `dyn_ref` instanceof check against this realm's class fails.)
                        element.unchecked_ref::<HtmlElement>().style().set_css_text(&css);
                    }
                }
                AttributeAction::Cid(id) => {
                    if let Some(url) = (self.options.cid_url)(&id) {
                        set(&element, &attribute_name, &url);
                    }
                }
                AttributeAction::Drop | AttributeAction::DropRemote => {}
            }
        }
        if external_link {
            for (attribute_name, value) in EXTERNAL_LINK_ATTRIBUTES {
                set(&element, attribute_name, value);
            }
            let text = source.text_content().unwrap_or_default();
            if let Some(mismatch) = element.get_attribute("href").and_then(|href| link_mismatch(&text, &href)) {
                self.out.report.note_mismatch(mismatch);
            }
        }
        self.children(source, &element);
        let _ = parent.append_child(&element);
    }

    /// The filtered CSS with each `url("cid:…")` replaced by the part's `blob:` URL, or by
    /// `none` when the part is not available (so nothing tries to load `cid:`).
    fn resolve_cids(&self, filtered: FilteredCss) -> String {
        let mut css = filtered.css;
        for id in &filtered.cids {
            let token = format!("url(\"cid:{id}\")");
            let replacement = match (self.options.cid_url)(id) {
                Some(url) => format!("url(\"{url}\")"),
                None => "none".to_string(),
            };
            css = css.replace(&token, &replacement);
        }
        css
    }
}

/// Sets an attribute; a name the DOM refuses is left out.
fn set(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}
