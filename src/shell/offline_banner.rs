//! "Hors ligne": shown while the server cannot be reached (the change feed's subscribers say
//! so), with "Réessayer" to ask at once.

use crate::i18n::*;
use crate::platform::changes::use_change_feed;
use leptos::prelude::*;

/// The banner, empty while the server answers.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let i18n = use_i18n();
    let feed = use_change_feed();
    move || {
        feed.offline.get().then(|| {
            view! {
                <div class="offline-banner" role="alert">
                    <span>{crate::tr!(i18n, live.offline)}</span>
                    <button type="button" class="button secondary small" on:click=move |_| feed.retry_now()>
                        {crate::tr!(i18n, retry)}
                    </button>
                </div>
            }
        })
    }
}
