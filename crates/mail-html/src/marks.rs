//! Marks searched words in a sanitised message: each text node with a match is replaced by
//! text nodes and `<mark>` elements made in the same document (DOM only, no markup).

use facteur_mail::search::marks::mark;
use wasm_bindgen::JsCast;
use web_sys::{Node, Text};

/// Marks the occurrences of `words` (as `facteur_mail::search::marks::mark` finds them) in
/// the text under `root`; returns how many `<mark>` elements were made.
pub fn mark_words(root: &Node, words: &[String]) -> usize {
    if words.is_empty() {
        return 0;
    }
    let mut texts = Vec::new();
    collect_texts(root, &mut texts);
    let mut made = 0;
    for text in texts {
        let content = text.data();
        let segments = mark(&content, words);
        if !segments.iter().any(|s| s.marked) {
            continue;
        }
        let (Some(document), Some(parent)) = (text.owner_document(), text.parent_node()) else { continue };
        for segment in segments {
            let node: Node = if segment.marked {
                let Ok(element) = document.create_element("mark") else { continue };
                element.set_text_content(Some(&segment.text));
                made += 1;
                element.into()
            } else {
                document.create_text_node(&segment.text).into()
            };
            let _ = parent.insert_before(&node, Some(&text));
        }
        let _ = parent.remove_child(&text);
    }
    made
}

/// The text nodes under `node`, in document order (not inside `<style>`).
fn collect_texts(node: &Node, out: &mut Vec<Text>) {
    let mut child = node.first_child();
    while let Some(current) = child {
        if current.node_type() == Node::TEXT_NODE {
            out.push(current.clone().unchecked_into());
        } else if current.node_type() == Node::ELEMENT_NODE && !current.node_name().eq_ignore_ascii_case("style") {
            collect_texts(&current, out);
        }
        child = current.next_sibling();
    }
}
