//! Loading the open list page by page as the user scrolls: each page is ONE JMAP request
//! (`Email/query` at a position + `Email/get` of its `#ids` by back-reference, + `Thread/get`
//! when threaded); pages that scrolled out of view before their answer are aborted.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::server;
use facteur_mail::requests::Page;
use facteur_mail::search::SearchQuery;
use futures::future::{abortable, AbortHandle};
use leptos::{prelude::*, task::spawn_local};
use std::collections::HashMap;
use std::ops::Range;
use std::time::Duration;

/// How many rows one request loads.
pub const PAGE_SIZE: usize = 50;
/// Beyond this many loaded rows, rows far from the view are forgotten (and loaded again if
/// the user scrolls back): memory stays bounded in a folder of 100,000 mails.
const KEEP_LOADED_AT_MOST: usize = 3000;
/// Rows kept loaded on each side of the view when forgetting.
const KEEP_AROUND_VIEW: usize = 1000;
/// A page that could not be loaded is asked again after this while it is in view: a server
/// may refuse a request for a moment (Stalwart answers "Request limit exceeded" past its
/// `maxConcurrentRequests`, which the account's other clients share), and rows must not stay
/// empty until the user scrolls (with push, no round makes the list ask again).
const RETRY: Duration = Duration::from_secs(2);

/// Puts a loaded page into the store: its ids into the open list, its rows by id. The sync
/// engine then follows the list from the page's query state (a page of a newer state replaces
/// what was held).
pub fn show_page(ctx: &MailContext, page: Page) {
    let Some(key) = ctx.list_key.try_get_untracked().flatten() else { return };
    let _ = ctx.store.try_update(|s| {
        s.apply_query_response(&key, &page.query_response());
        s.insert(page.rows);
    });
}

/// Which list: its mailbox, threaded or not, and the search it is the results of.
type ListKey = (String, bool, Option<SearchQuery>);

/// The pages being loaded, by position, for one list.
#[derive(Clone, Copy)]
pub struct PageLoader {
    in_flight: StoredValue<HashMap<usize, AbortHandle>>,
    list: StoredValue<Option<ListKey>>,
}

impl PageLoader {
    /// Nothing loading.
    pub fn new() -> Self {
        let loader = PageLoader { in_flight: StoredValue::new(HashMap::new()), list: StoredValue::new(None) };
        on_cleanup(move || loader.abort_all());
        loader
    }

    /// Aborts every page request.
    pub fn abort_all(&self) {
        let _ = self.in_flight.try_update_value(|m| m.drain().for_each(|(_, h)| h.abort()));
    }

    /// Loads the pages of `range` not loaded yet (one request each), and aborts the requests
    /// of pages no longer in view.
    pub fn sync(&self, ctx: &MailContext, range: Range<usize>) {
        let Some(list) =
            ctx.open_list.with_untracked(|s| s.mailbox_id.clone().map(|m| (m, s.threaded, s.search.clone())))
        else {
            return;
        };
        if self.list.get_value().as_ref() != Some(&list) {
            self.abort_all();
            self.list.set_value(Some(list.clone()));
        }
        forget_far_rows(ctx, &range);
        let wanted = ctx.with_list_untracked(|l| l.missing_pages(range, PAGE_SIZE));
        self.in_flight.update_value(|m| {
            m.retain(|position, handle| {
                let keep = wanted.iter().any(|(p, _)| p == position);
                if !keep {
                    handle.abort();
                }
                keep
            })
        });
        for (position, limit) in wanted {
            if self.in_flight.with_value(|m| m.contains_key(&position)) {
                continue;
            }
            let (future, handle) = abortable(load(*ctx, list.clone(), position, limit, self.in_flight));
            self.in_flight.update_value(|m| {
                m.insert(position, handle);
            });
            spawn_local(async move {
                let _ = future.await;
            });
        }
    }
}

/// Forgets the rows far from `view` once many are loaded (never a selected row), and keeps
/// the rows in view held in the store.
fn forget_far_rows(ctx: &MailContext, view: &Range<usize>) {
    let Some(key) = ctx.list_key.get_untracked() else { return };
    // Protection only: nothing shown changes, so nothing is notified.
    let _ = ctx.store.try_update_untracked(|s| s.set_window(&key, view.clone()));
    if ctx.with_list_untracked(|l| l.loaded_count()) <= KEEP_LOADED_AT_MOST {
        return;
    }
    let keep = view.start.saturating_sub(KEEP_AROUND_VIEW)..view.end.saturating_add(KEEP_AROUND_VIEW);
    ctx.selection.with_untracked(|selection| {
        let _ = ctx.store.try_update(|s| s.forget_outside(&key, keep, |id| selection.is_selected(id)));
    });
}

async fn load(
    ctx: MailContext,
    (mailbox_id, threaded, search): ListKey,
    position: usize,
    limit: usize,
    in_flight: StoredValue<HashMap<usize, AbortHandle>>,
) {
    let (position_u32, limit_u32) =
        (u32::try_from(position).unwrap_or(u32::MAX), u32::try_from(limit).unwrap_or(u32::MAX));
    let result = match &search {
        None => {
            server::load_page(&ctx.client(), &mailbox_id, threaded, position_u32, limit_u32).await.map(|p| (p, None))
        }
        Some(q) => server::search_page(&ctx.client(), q, &mailbox_id, threaded, position_u32, limit_u32)
            .await
            .map(|r| (r.page, Some(r.highlights))),
    };
    let _ = in_flight.try_update_value(|m| m.remove(&position));
    // Another folder or search may be open by now.
    let same = ctx.open_list.try_with_untracked(|s| {
        s.mailbox_id.as_deref() == Some(mailbox_id.as_str()) && s.threaded == threaded && s.search == search
    });
    if same != Some(true) || ctx.bulk_busy.try_get_untracked() != Some(false) {
        return;
    }
    // A failed page keeps its placeholders and is asked again: at the next scroll, or after a
    // while (the rows' effect, which tracks the store, asks what is missing in view then); the
    // live updates' banner says when the server is unreachable.
    match result {
        Ok((page, highlights)) => {
            if let Some(highlights) = highlights {
                let _ = ctx.search.highlights.try_update(|h| h.extend(highlights));
            }
            show_page(&ctx, page);
            crate::platform::perf::mark_after_paint("facteur:page-shown");
        }
        // (Nothing when the list went away meanwhile.)
        Err(_) => set_timeout(move || ctx.store.notify(), RETRY),
    }
}
