//! A search snippet: text with the matching words in `<mark>`.
//!
//! The segments come from `facteur_mail::search::snippet`, which reads the server's HTML;
//! here each one becomes a text node (marked ones inside a `<mark>` element made by us), so
//! nothing the server sends is ever parsed as HTML by the browser.

use facteur_mail::search::snippet::Segment;
use leptos::prelude::*;

/// The segments, in order.
#[component]
pub fn Snippet(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|segment| match segment.marked {
            true => view! { <mark>{segment.text}</mark> }.into_any(),
            false => segment.text.into_any(),
        })
        .collect_view()
}
