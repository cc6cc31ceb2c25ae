//! `/mail/:mailbox/:thread`: the reading pane, a part of the app downloaded on first use
//! (see `core::split`).

use crate::areas::mail::reading::conversation::ConversationView;
use crate::i18n::*;
use crate::platform::lazy::{lazy, NotDownloaded};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[wasm_split(reading_pane, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_reading_pane))]
pub(crate) fn reading_pane() -> Result<AnyView, NotDownloaded> {
    Ok(view! { <ConversationView /> }.into_any())
}

/// The open conversation, once the reading pane's code is there.
#[component]
pub fn ReadingPane() -> impl IntoView {
    let i18n = use_i18n();
    lazy(reading_pane, move || {
        view! {
            <p class="loading" role="status">
                {crate::tr!(i18n, loading)}
            </p>
        }
    })
}
