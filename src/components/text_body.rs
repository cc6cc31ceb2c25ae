//! A plain-text body: clickable links, quoted passages folded behind a button.

use crate::i18n::*;
use facteur_logic::text_body::{render, Block, Inline};
use leptos::prelude::*;

/// Shows `text` as paragraphs, links and folded quotes.
#[component]
pub fn TextBody(text: String) -> impl IntoView {
    let blocks = render(&text);
    view! { <div class="text-body">{blocks.into_iter().map(|b| view! { <BlockView block=b depth=0/> }).collect_view()}</div> }
}

#[component]
fn BlockView(block: Block, depth: usize) -> impl IntoView {
    let i18n = use_i18n();
    match block {
        Block::Lines(lines) => view! {
            <p class="text-lines">
                {lines.into_iter().enumerate().map(|(n, line)| view! {
                    {(n > 0).then(|| view! { <br/> })}
                    {line.into_iter().map(|piece| match piece {
                        Inline::Text(text) => text.into_any(),
                        Inline::Link { text, href } => view! {
                            <a href=href target="_blank" rel="noopener noreferrer">{text}</a>
                        }.into_any(),
                    }).collect_view()}
                }).collect_view()}
            </p>
        }
        .into_any(),
        Block::Quote(inner) => {
            let open = RwSignal::new(false);
            view! {
                <div class="quote-block">
                    <button type="button" class="quote-toggle" aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)>
                        {move || if open.get() { t_string!(i18n, read.hide_quote) } else { t_string!(i18n, read.show_quote) }}
                    </button>
                    <Show when=move || open.get()>
                        <blockquote>
                            {inner.clone().into_iter().map(|b| view! { <BlockView block=b depth=depth + 1/> }).collect_view()}
                        </blockquote>
                    </Show>
                </div>
            }
            .into_any()
        }
    }
}
