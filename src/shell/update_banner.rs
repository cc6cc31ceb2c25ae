//! "Une nouvelle version de Facteur est prête — Recharger": shown on every screen once a new
//! version of the app is installed beside the running one (see `platform::service_worker`);
//! the page goes on with its own version until the user reloads. The banner's code comes with
//! the service worker's part (the first page does not download it). Also points the page's
//! web manifest at the language shown, so that an install takes the app's name in it.

use crate::i18n::*;
use crate::platform::lazy::NotDownloaded;
use crate::platform::service_worker;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// The banner, empty while no new version waits.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move || {
        let manifest = service_worker::manifest_href(i18n.get_locale() == Locale::en);
        let link = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("link[rel=manifest]").ok().flatten());
        if let Some(link) = link {
            let _ = link.set_attribute("href", manifest);
        }
    });
    move || service_worker::update_ready().then(|| crate::platform::lazy::lazy(banner, || ()))
}

#[wasm_split(service_worker, wasm_split_path = ::leptos::wasm_split, fallible)]
fn banner() -> Result<AnyView, NotDownloaded> {
    let i18n = use_i18n();
    Ok(view! {
        <div class="update-banner" role="status" data-testid="update-banner">
            <span>{crate::tr!(i18n, update.ready)}</span>
            <button type="button" class="button primary small" on:click=move |_| service_worker::take_update()>
                {crate::tr!(i18n, update.reload)}
            </button>
        </div>
    }
    .into_any())
}
