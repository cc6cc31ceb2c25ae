//! The allow-list walker: rebuilds a message's HTML, as the browser parsed it, keeping only
//! what [`facteur_html_policy`] allows.
//!
//! The source is parsed by `DOMParser` (an inert document: no script runs, nothing loads)
//! and is only read, through the DOM's prototype getters (`source.rs`: markup cannot
//! clobber them). The output is built node by node in the target document with
//! `createElement`/`setAttribute`/CSSOM: nothing of the source is copied wholesale, so an
//! attribute or node the walker does not know never reaches the output.
//!
//! The walk keeps its own stack (no recursion: any depth of source is walked without
//! overflowing the wasm stack), and the output nests at most [`MAX_DEPTH`] elements deep:
//! deeper elements are unwrapped, their text kept. Nothing is cut for size: a 5 MB body is
//! rebuilt whole (the hostile corpus checks both, `082-deep-nesting` and `081-five-megabytes`).

use crate::source::Source;
use facteur_html_policy::{
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

/// How deep the output may nest: a kept element deeper than this is unwrapped (its text and
/// children are kept, flattened into the element at this depth). Real mail nests a few
/// dozen levels; Chromium's parser flattens what is deeper than 512, but another parser or
/// a DOM built by calls need not, and without the cap a 100,000-deep source kept the
/// browser busy for longer than the test runner waits.
pub const MAX_DEPTH: usize = 256;

/// Walks `source` and appends what the policy keeps to `target` (an element of the document
/// the message is shown in).
///
/// The walk is iterative (a message nested 10,000 deep uses no call stack) and reads the
/// source through the DOM's prototype getters (see `source.rs`: a `<form>` cannot
/// clobber what the walker reads). The output nests at most [`MAX_DEPTH`] elements deep.
///
/// ```no_run
/// use facteur_mail_html::{parse, sanitize_into, Options, StyleOutput};
/// let source = parse("<p onclick=x()>Bonjour <script>x()</script></p>").unwrap();
/// let document = web_sys::window().unwrap().document().unwrap();
/// let target = document.create_element("div").unwrap();
/// let none = |_: &str| None;
/// let done = sanitize_into(&source, &target, &Options { remote_allowed: false, cid_url: &none, styles: StyleOutput::Elements }).unwrap();
/// assert_eq!(target.inner_html(), "<p>Bonjour </p>");
/// assert_eq!(done.report.removed_elements, 1);
/// ```
pub fn sanitize_into(source: &Document, target: &Element, options: &Options) -> Result<Sanitized, JsValue> {
    let mut walker = Walker {
        options,
        read: Source::new()?,
        out: Sanitized::default(),
        document: target.owner_document(),
        root: target.clone().into(),
    };
    if let Some(root) = walker.read.document_element(source) {
        walker.walk(&root, target);
    }
    Ok(walker.out)
}

struct Walker<'a, 'b> {
    options: &'a Options<'b>,
    read: Source,
    out: Sanitized,
    document: Option<Document>,
    /// The element the output is appended to.
    root: Node,
}

/// A source element whose children are being walked.
struct Level {
    /// The next source child to walk.
    next: Option<Node>,
    /// Where its kept children go.
    into: Element,
    /// How many kept elements `into` is below the output root.
    depth: usize,
    /// A kept element and its parent: appended once its children are in.
    close: Option<(Element, Element)>,
    /// The kept element is an external link: checked against its text once that is in.
    link: bool,
}

impl Walker<'_, '_> {
    /// Walks `root` and its subtree into `target`, with an explicit stack.
    fn walk(&mut self, root: &Element, target: &Element) {
        let mut stack: Vec<Level> = self.element(root, target, 0).into_iter().collect();
        while let Some(level) = stack.last_mut() {
            let Some(node) = level.next.take() else {
                let level = stack.pop().expect("the level just looked at");
                if let Some((element, parent)) = level.close {
                    if level.link {
                        self.check_link(&element);
                    }
                    let _ = parent.append_child(&element);
                }
                continue;
            };
            level.next = self.read.next_sibling(&node);
            let (into, depth) = (level.into.clone(), level.depth);
            match self.read.node_type(&node) {
                Node::ELEMENT_NODE => stack.extend(self.element(node.unchecked_ref(), &into, depth)),
                Node::TEXT_NODE | Node::CDATA_SECTION_NODE => self.text(&node, &into),
                // Comments (Outlook's conditional comments among them), processing
                // instructions, doctypes: never kept.
                _ => {}
            }
        }
    }

    fn text(&self, node: &Node, parent: &Element) {
        if let (Some(document), Some(mut text)) = (&self.document, self.read.node_value(node)) {
            // Leading white space of the message is dropped, as the parser does when it
            // reads the output again.
            if parent.first_child().is_none() && parent.is_same_node(Some(&self.root)) {
                text = text.trim_start().to_string();
            }
            if !text.is_empty() {
                let _ = parent.append_child(&document.create_text_node(&text));
            }
        }
    }

    /// Applies the policy to `source`, a child of what goes into `parent` (`depth` kept
    /// elements below the root); returns the level to walk its children in, if any.
    fn element(&mut self, source: &Element, parent: &Element, depth: usize) -> Option<Level> {
        let local = self.read.local_name(source).to_ascii_lowercase();
        let namespace = self.read.namespace_uri(source);
        let mut action = element_action(&local, &namespace);
        if depth >= MAX_DEPTH && matches!(action, ElementAction::Keep | ElementAction::Rename(_)) {
            action = ElementAction::Unwrap;
        }
        self.out.report.note_element(&action);
        let unwrap = |walker: &Self| Level {
            next: walker.read.first_child(source),
            into: parent.clone(),
            depth,
            close: None,
            link: false,
        };
        match action {
            ElementAction::Drop => None,
            ElementAction::Unwrap => Some(unwrap(self)),
            ElementAction::StyleSheet => {
                self.stylesheet(source, parent);
                None
            }
            ElementAction::Keep => self.keep(source, &local, &local, parent, depth),
            // A `body` with nothing worth keeping adds no wrapper (so that sanitising the
            // output again gives the same output).
            ElementAction::Rename(_) if !self.has_kept_attribute(source, &local) => Some(unwrap(self)),
            ElementAction::Rename(name) => self.keep(source, &local, name, parent, depth),
        }
    }

    fn has_kept_attribute(&self, source: &Element, policy_name: &str) -> bool {
        self.read.attributes(source).iter().any(|(name, value)| {
            match attribute_action(policy_name, name, value, self.options.remote_allowed) {
                AttributeAction::Keep | AttributeAction::Set(_) | AttributeAction::Cid(_) => true,
                AttributeAction::Style(css) => !css.css.is_empty(),
                AttributeAction::Drop | AttributeAction::DropRemote => false,
            }
        })
    }

    fn stylesheet(&mut self, source: &Element, parent: &Element) {
        let filtered = filter_stylesheet(&self.read.text_content(source), self.options.remote_allowed);
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

    /// Keeps `source` as a new `name` element with its filtered attributes; returns the
    /// level to walk its children in (the element is appended to `parent` after them).
    fn keep(
        &mut self,
        source: &Element,
        policy_name: &str,
        name: &str,
        parent: &Element,
        depth: usize,
    ) -> Option<Level> {
        let element = self.create(name)?;
        let mut external_link = false;
        for (attribute_name, value) in self.read.attributes(source) {
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
        }
        Some(Level {
            next: self.read.first_child(source),
            into: element.clone(),
            depth: depth + 1,
            close: Some((element, parent.clone())),
            link: external_link,
        })
    }

    /// Notes a deceptive link, comparing its target with the text it SHOWS: the kept text,
    /// not the source's (where the text of a dropped `<script>` or `<noscript>` could hide
    /// the host the link shows).
    fn check_link(&mut self, link: &Element) {
        let text = link.text_content().unwrap_or_default();
        if let Some(mismatch) = link.get_attribute("href").and_then(|href| link_mismatch(&text, &href)) {
            self.out.report.note_mismatch(mismatch);
        }
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
