//! The registry of lazily loaded parts: parts of the app compiled into wasm modules of their
//! own and downloaded on first use, so that the first page downloads less (BENCHMARKS.md).
//! `scripts/split_wasm.py` cuts them out of the build at the functions marked with
//! `#[wasm_split]`; each area registers its parts ([`register_parts`]; mail: the reading pane,
//! the folder dialogs, the live updates, the selection bar, the advanced search panel), and
//! they are fetched in the background once the first rows are painted ([`preload_soon`]).
//! [`lazy`] shows a part's view, with "Réessayer" when it could not be downloaded.

use crate::i18n::*;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::cell::RefCell;

/// A part of the app could not be downloaded (no network): said on screen, tried again on
/// demand (a failed download is not remembered).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotDownloaded;

impl From<SplitLoaderError> for NotDownloaded {
    fn from(_: SplitLoaderError) -> Self {
        NotDownloaded
    }
}

/// How long after the first rows are painted the other parts are fetched (the first page is
/// not slowed by them; a click before they are in waits for the part it needs).
const PRELOAD_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// Downloads one lazily loaded part (the `preload` function `#[wasm_split]` generates, its
/// result dropped: a failed download is tried again when the part is needed).
pub type Preload = fn() -> LocalBoxFuture<'static, ()>;

thread_local! {
    /// The parts each area registered, by name, in the order registered.
    static PARTS: RefCell<Vec<(&'static str, Preload)>> = const { RefCell::new(Vec::new()) };
    /// Set once the first page is shown and the parts are being fetched (see [`first_page_done`]).
    static FIRST_PAGE_DONE: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Whether the first page is shown and the other parts are on their way (reactive): a part
/// shown in the first page's frame (the search form in the top bar) waits for it, so that the
/// first page does not download its code.
pub fn first_page_done() -> bool {
    FIRST_PAGE_DONE.with(|done| done.get())
}

/// Registers the lazily loaded parts of an area, fetched by [`preload_soon`]: the platform
/// knows no area, each area says which parts it has (registering twice is harmless).
pub fn register_parts(parts: &[(&'static str, Preload)]) {
    PARTS.with_borrow_mut(|known| {
        for (name, preload) in parts {
            if !known.iter().any(|(n, _)| n == name) {
                known.push((name, *preload));
            }
        }
    });
}

/// Fetches the registered parts in the background, once the first page is shown (the
/// network is idle then: the page's requests are done).
pub fn preload_soon() {
    set_timeout(
        || {
            FIRST_PAGE_DONE.with(|done| done.set(true));
            crate::platform::service_worker::register_soon();
            leptos::task::spawn_local(async {
                let parts: Vec<Preload> = PARTS.with_borrow(|parts| parts.iter().map(|(_, p)| *p).collect());
                for preload in parts {
                    preload().await;
                }
                // Read by the benchmarks (a click timed after this waits for no code).
                crate::platform::perf::mark("facteur:parts-fetched");
            })
        },
        PRELOAD_AFTER,
    );
}

/// Turns on the stylesheet of a lazily loaded part: index.html holds it as
/// `<link rel="stylesheet" disabled data-lazy-style="name">`, not downloaded until then (the
/// first page does not wait for it). Called when the part's code is fetched.
pub fn enable_style(name: &str) {
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("link[data-lazy-style={name}]")).ok().flatten());
    if let Some(link) = link {
        let _ = link.remove_attribute("disabled");
    }
}

/// Shows the view a part of the app gives once its code is in: `fallback` while it downloads,
/// the "not downloaded" banner with "Réessayer" when it could not be. `load` is the function
/// marked `#[wasm_split]` (with its arguments).
///
/// ```ignore
/// view! { <Show when=move || shown.get()>{lazy(bulk_bar, || ())}</Show> }
/// ```
pub fn lazy<Fut, F>(
    load: impl Fn() -> Fut + Send + Sync + 'static,
    fallback: impl Fn() -> F + Send + Sync + 'static,
) -> impl IntoView
where
    Fut: std::future::Future<Output = Result<AnyView, NotDownloaded>> + Send + 'static,
    F: IntoView + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=fallback>
            {move || {
                attempt.track();
                let loading = load();
                Suspend::new(async move {
                    loading.await.unwrap_or_else(|NotDownloaded| not_downloaded(move || attempt.update(|n| *n += 1)))
                })
            }}
        </Suspense>
    }
}

/// Shown where a part could not be downloaded, with "Réessayer".
fn not_downloaded(retry: impl Fn() + 'static) -> AnyView {
    let i18n = use_i18n();
    view! {
        <crate::ui::error_banner::ErrorBanner
            title=Signal::derive(move || t_string!(i18n, errors.part_not_downloaded).to_string())
            detail=Signal::derive(move || t_string!(i18n, errors.network).to_string())
            on_retry=retry
        />
    }
    .into_any()
}
