//! The message list of one folder, newest first: a header (title, count, select all), the
//! selection toolbar, and the rows — only those in view are in the page (virtual scrolling).

use crate::areas::mail::context::use_mail;
use crate::areas::mail::list::message_row::{MessageRow, PlaceholderRow};
use crate::areas::mail::list::pages::PageLoader;
use crate::areas::mail::list::selection_bar::{SelectAllBox, SelectionBar};
use crate::areas::mail::search::search_results::results_header_part;
use crate::i18n::*;
use crate::ui::error_banner::ErrorBanner;
use crate::ui::virtual_list::{VirtualList, VirtualScroll};
use facteur_mail::mailbox::Folder;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Rows rendered beyond each edge of the viewport.
const OVERSCAN: usize = 8;
/// How long scrolling must pause before the missing pages are asked for (dragging the
/// scrollbar across a big folder asks only for where it stops).
const SETTLE: Duration = Duration::from_millis(60);

/// What the list area shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    NotFound,
    Loading,
    Failed(crate::platform::jmap_client::CallError),
    Rows,
}

/// The messages of `folder` (the first page is loaded by the shell, see `MailContext`).
#[component]
pub fn MessageList(folder: Signal<Option<Folder>>, folders_loaded: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let mail = use_mail();
    let page = mail.page;
    let lang = crate::platform::lang::use_lang();
    let label = move || folder.get().map(|f| crate::areas::mail::folders::folder_nav::folder_label(i18n, &f));
    // A folder that does not exist still gets a heading saying so (an empty one says nothing).
    let title = move || match label() {
        None if folders_loaded.get() => Some(t_string!(i18n, list.folder_not_found_title).to_string()),
        label => label,
    };

    // What the list area shows, changing only when its kind changes (a new list box would
    // lose the scroll position).
    let shown = Memo::new({
        move |_| {
            if folders_loaded.get() && folder.with(Option::is_none) {
                return Shown::NotFound;
            }
            // Rows of another folder or search (still held by the resource while the new page
            // loads) must never appear under this folder's name or search.
            let wanted = mail.rows_match_address(folder.with(|f| f.as_ref().map(|f| f.id.clone())));
            match page.get() {
                Some(Ok(Some(()))) if wanted => Shown::Rows,
                Some(Err(error)) => Shown::Failed(error),
                _ => Shown::Loading,
            }
        }
    });
    let search = mail.search.query;
    let folder_name = Signal::derive(label);

    let folder_header = move || {
        view! {
            <div class="list-header">
                <SelectAllBox />
                <div class="list-title">
                    <h1 id="list-title">{title}</h1>
                    {move || {
                        folder
                            .get()
                            .map(|f| {
                                view! {
                                    <span class="count">
                                        {move || {
                                            let n = lang.get().number(f.total);
                                            crate::plural!(
                                                i18n, f.total, [list.total_singular], [list.total_plural], count = n
                                            )
                                        }}
                                    </span>
                                }
                            })
                    }}
                </div>
                <label class="threads-toggle">
                    <input
                        type="checkbox"
                        id="threads-toggle"
                        prop:checked=move || mail.threaded.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            crate::platform::storage::save_threaded_list(on);
                            mail.threaded.set(on);
                        }
                    />
                    {crate::tr!(i18n, list.by_conversation)}
                </label>
            </div>
        }
    };
    view! {
        {move || match search.get() {
            Some(search) => {
                crate::platform::lazy::lazy(move || results_header_part(search.clone(), folder_name), || ()).into_any()
            }
            None => folder_header().into_any(),
        }}
        <SelectionBar />
        {move || match shown.get() {
            Shown::NotFound => view! { <p class="empty">{crate::tr!(i18n, list.folder_not_found)}</p> }.into_any(),
            Shown::Loading => {
                view! {
                    <p class="loading" role="status" aria-live="polite">
                        {crate::tr!(i18n, loading)}
                    </p>
                }
                    .into_any()
            }
            Shown::Failed(error) => {
                view! {
                    <ErrorBanner
                        title=Signal::derive(move || match search.with(Option::is_some) {
                            true => t_string!(i18n, search.error).to_string(),
                            false => t_string!(i18n, list.load_error).to_string(),
                        })
                        detail=crate::ui::error_banner::describe(i18n, error)
                        on_retry=move || page.refetch()
                    />
                }
                    .into_any()
            }
            Shown::Rows => {
                // Rendered once per list: live updates and pages change its rows, not the box.
                view! { <VirtualRows /> }
                    .into_any()
            }
        }}
    }
}

/// The rows in view of the open list (`ui::virtual_list`), their pages loaded as the user
/// scrolls, the keyboard's row kept in view.
#[component]
fn VirtualRows() -> impl IntoView {
    let i18n = use_i18n();
    let mail = use_mail();
    let total = Memo::new(move |_| mail.with_list(|l| l.total()));
    let scroll = VirtualScroll::new(total.into(), OVERSCAN, ".message-row");
    let range = scroll.range;

    // Missing pages of the rows in view, once scrolling pauses (and requests of pages no
    // longer in view aborted).
    let loader = PageLoader::new();
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let load_ctx = mail;
    Effect::new(move || {
        range.track();
        let busy = load_ctx.bulk_busy.get();
        // Tracked so that a page arriving asks again (the list may have been reset meanwhile).
        load_ctx.store.track();
        if let Some(handle) = pending.try_update_value(|p| p.take()).flatten() {
            handle.clear();
        }
        if busy {
            return;
        }
        let ctx = load_ctx;
        let sync = move || {
            if let Some(r) = range.try_get_untracked() {
                loader.sync(&ctx, r);
            }
        };
        if let Ok(handle) = set_timeout_with_handle(sync, SETTLE) {
            pending.set_value(Some(handle));
        }
    });
    on_cleanup(move || {
        if let Some(handle) = pending.try_update_value(|p| p.take()).flatten() {
            handle.clear();
        }
    });

    // The keyboard's row (j/k) is kept in view, and focused when the focus is in the list.
    Effect::new(move || {
        let Some(position) = mail.cursor.get() else { return };
        scroll.scroll_to(position);
        let focus_in_list = scroll.has_focus();
        if focus_in_list {
            request_animation_frame(move || {
                let link = document()
                    .query_selector(&format!("[data-position=\"{position}\"] .row-link"))
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(link) = link {
                    let _ = link.focus();
                }
            });
        }
    });

    let rows = move || {
        let r = range.get();
        let ids =
            mail.with_list(|l| l.window(r).into_iter().map(|(p, id)| (p, id.map(str::to_string))).collect::<Vec<_>>());
        ids.into_iter().map(|(p, id)| (p, id.and_then(|id| mail.row(&id)))).collect::<Vec<_>>()
    };
    let setsize = Signal::derive(move || total.get());
    view! {
        {move || {
            mail.bulk_busy
                .get()
                .then(|| {
                    view! {
                        <p class="loading" role="status">
                            {crate::tr!(i18n, selection.working)}
                        </p>
                    }
                })
        }}
        {move || {
            (total.get() == 0 && !mail.bulk_busy.get())
                .then(|| match mail.search.query.with(Option::is_some) {
                    true => {
                        view! {
                            <p class="empty" data-testid="no-results">
                                {crate::tr!(i18n, search.none)}
                            </p>
                        }
                            .into_any()
                    }
                    false => view! { <p class="empty">{crate::tr!(i18n, list.empty)}</p> }.into_any(),
                })
        }}
        <VirtualList scroll class="message-list" labelled_by="list-title">
            <For
                each=rows
                key=|(p, row)| {
                    (*p, row.as_ref().map(|r| (r.id.clone(), r.unread, r.flagged, r.thread_size, r.labels.clone())))
                }
                children=move |(position, row)| match row {
                    Some(message) => view! { <MessageRow message position setsize /> }.into_any(),
                    None => view! { <PlaceholderRow position setsize /> }.into_any(),
                }
            />
        </VirtualList>
    }
}
