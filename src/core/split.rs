//! Parts of the app compiled into wasm modules of their own and downloaded on first use, so
//! that the first inbox page downloads less (BENCHMARKS.md): the reading pane, the folder
//! dialogs, the live updates, the selection bar (with the moves, also used by drag and drop)
//! and the advanced search panel. `scripts/split_wasm.py` cuts them out of the build at the
//! functions marked with `#[wasm_split]`; they are fetched in the background once the first
//! rows are painted.

use crate::i18n::*;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

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

/// Fetches the parts loaded on demand in the background, once the first page is shown (the
/// network is idle then: the page's requests are done).
pub fn preload_soon() {
    set_timeout(
        || {
            leptos::task::spawn_local(async {
                let _ = crate::pages::mail::preload_reading_pane().await;
                let _ = crate::components::folder_dialogs::preload_folder_dialogs().await;
                let _ = crate::pages::mail::preload_live_updates().await;
                let _ = crate::pages::mail::preload_bulk_actions().await;
                let _ = crate::pages::mail::preload_search_panel().await;
                // Read by the benchmarks (a click timed after this waits for no code).
                crate::pages::mail::mark("facteur:parts-fetched");
            })
        },
        PRELOAD_AFTER,
    );
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
        <crate::components::error_banner::ErrorBanner
            title=Signal::derive(move || t_string!(i18n, errors.part_not_downloaded).to_string())
            detail=Signal::derive(move || t_string!(i18n, errors.network).to_string())
            on_retry=retry
        />
    }
    .into_any()
}
