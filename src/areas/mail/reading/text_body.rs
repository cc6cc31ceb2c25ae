//! A plain-text body: clickable links, quoted passages folded behind a button, and the
//! searched words marked when the message was opened from search results.

use crate::areas::mail::search::snippet::Snippet;
use crate::i18n::*;
use facteur_mail::search::marks::mark;
use facteur_mail::text_body::{render, Block, Inline};
use leptos::prelude::*;
use std::sync::Arc;

/// Shows `text` as paragraphs, links and folded quotes, with `marks` (searched words) in
/// `<mark>`.
#[component]
pub fn TextBody(text: String, #[prop(optional)] marks: Vec<String>) -> impl IntoView {
    let blocks = render(&text);
    let marks = Arc::new(marks);
    view! {
        <div class="text-body">
            {blocks.into_iter().map(|b| view! { <BlockView block=b depth=0 marks=marks.clone() /> }).collect_view()}
        </div>
    }
}

/// Text with the searched words marked.
fn marked_text(text: String, marks: &[String]) -> AnyView {
    match marks.is_empty() {
        true => text.into_any(),
        false => view! { <Snippet segments=mark(&text, marks) /> }.into_any(),
    }
}

#[component]
fn BlockView(block: Block, depth: usize, marks: Arc<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    match block {
        Block::Lines(lines) => view! {
            <p class="text-lines">
                {lines
                    .into_iter()
                    .enumerate()
                    .map(|(n, line)| {
                        view! {
                            {(n > 0).then(|| view! { <br /> })}
                            {line
                                .into_iter()
                                .map(|piece| match piece {
                                    Inline::Text(text) => marked_text(text, &marks),
                                    Inline::Link { text, href } => {
                                        view! {
                                            <a href=href target="_blank" rel="noopener noreferrer">
                                                {text}
                                            </a>
                                        }
                                            .into_any()
                                    }
                                })
                                .collect_view()}
                        }
                    })
                    .collect_view()}
            </p>
        }
        .into_any(),
        Block::Quote(inner) => {
            let open = RwSignal::new(false);
            view! {
                <div class="quote-block">
                    <button
                        type="button"
                        class="quote-toggle"
                        aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        {move || {
                            if open.get() { t_string!(i18n, read.hide_quote) } else { t_string!(i18n, read.show_quote) }
                        }}
                    </button>
                    <Show when=move || open.get()>
                        <blockquote>
                            {inner
                                .clone()
                                .into_iter()
                                .map(|b| view! { <BlockView block=b depth=depth + 1 marks=marks.clone() /> })
                                .collect_view()}
                        </blockquote>
                    </Show>
                </div>
            }
            .into_any()
        }
    }
}
