//! Reads the parsed message (the walker's source) through the DOM's own prototype getters,
//! never through properties of the message's nodes.
//!
//! web-sys reads `node.firstChild`, `element.attributes`… as plain properties, and the
//! message controls some of them: a `<form>` exposes its named controls as properties that
//! hide the built-in ones (`<form><input name=nextSibling>` makes `form.nextSibling` the
//! input, which sends a walker into the form or round in circles), and a document exposes
//! its named images, forms and embeds the same way (`<img name=documentElement>`). The
//! getters here are taken once from `Node.prototype`, `Element.prototype`… of the page's
//! own realm (where `DOMParser` builds the source) and called on the node, which no
//! markup can override.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node};

/// The getters and methods the walker reads the source with.
pub(crate) struct Source {
    node_type: Function,
    first_child: Function,
    next_sibling: Function,
    node_value: Function,
    text_content: Function,
    local_name: Function,
    namespace_uri: Function,
    attributes: Function,
    document_element: Function,
    map_length: Function,
    map_item: Function,
    attr_name: Function,
    attr_value: Function,
}

/// `Object.getOwnPropertyDescriptor(Class.prototype, name).get` (or `.value` for a method).
fn own(class: &str, name: &str, part: &str) -> Result<Function, JsValue> {
    let constructor = Reflect::get(&js_sys::global(), &class.into())?;
    let prototype: Object = Reflect::get(&constructor, &"prototype".into())?.dyn_into()?;
    let descriptor = Reflect::get_own_property_descriptor(&prototype, &name.into())?;
    Reflect::get(&descriptor, &part.into())?.dyn_into()
}

impl Source {
    /// Takes the getters from the page's realm.
    pub(crate) fn new() -> Result<Source, JsValue> {
        let get = |class, name| own(class, name, "get");
        Ok(Source {
            node_type: get("Node", "nodeType")?,
            first_child: get("Node", "firstChild")?,
            next_sibling: get("Node", "nextSibling")?,
            node_value: get("Node", "nodeValue")?,
            text_content: get("Node", "textContent")?,
            local_name: get("Element", "localName")?,
            namespace_uri: get("Element", "namespaceURI")?,
            attributes: get("Element", "attributes")?,
            document_element: get("Document", "documentElement")?,
            map_length: get("NamedNodeMap", "length")?,
            map_item: own("NamedNodeMap", "item", "value")?,
            attr_name: get("Attr", "name")?,
            attr_value: get("Attr", "value")?,
        })
    }

    fn node(value: Result<JsValue, JsValue>) -> Option<Node> {
        value.ok().filter(|v| v.is_object()).map(JsCast::unchecked_into)
    }

    fn string(value: Result<JsValue, JsValue>) -> Option<String> {
        value.ok()?.as_string()
    }

    pub(crate) fn document_element(&self, document: &Document) -> Option<Element> {
        Self::node(self.document_element.call0(document)).map(JsCast::unchecked_into)
    }

    pub(crate) fn node_type(&self, node: &Node) -> u16 {
        self.node_type.call0(node).ok().and_then(|v| v.as_f64()).map_or(0, |n| n as u16)
    }

    pub(crate) fn first_child(&self, node: &Node) -> Option<Node> {
        Self::node(self.first_child.call0(node))
    }

    pub(crate) fn next_sibling(&self, node: &Node) -> Option<Node> {
        Self::node(self.next_sibling.call0(node))
    }

    pub(crate) fn node_value(&self, node: &Node) -> Option<String> {
        Self::string(self.node_value.call0(node))
    }

    pub(crate) fn text_content(&self, node: &Node) -> String {
        Self::string(self.text_content.call0(node)).unwrap_or_default()
    }

    pub(crate) fn local_name(&self, element: &Element) -> String {
        Self::string(self.local_name.call0(element)).unwrap_or_default()
    }

    pub(crate) fn namespace_uri(&self, element: &Element) -> String {
        Self::string(self.namespace_uri.call0(element)).unwrap_or_default()
    }

    /// The element's attributes as (qualified name, value), in order.
    pub(crate) fn attributes(&self, element: &Element) -> Vec<(String, String)> {
        let Ok(map) = self.attributes.call0(element) else { return Vec::new() };
        let length = self.map_length.call0(&map).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
        (0..length)
            .filter_map(|index| {
                let attribute = self.map_item.call1(&map, &index.into()).ok()?;
                Some((
                    Self::string(self.attr_name.call0(&attribute))?,
                    Self::string(self.attr_value.call0(&attribute))?,
                ))
            })
            .collect()
    }
}
