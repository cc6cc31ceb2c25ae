//! One stream of the server's changes for the whole signed-in session, fanned out to whoever
//! listens: the shell opens it once, each area subscribes for the types it shows.
//!
//! When the server pushes (its event source, RFC 8620 §7.3, for every type: `types=*`), each
//! `StateChange` goes at once to the subscribers of the types it names, and nobody polls — once
//! the stream has delivered its first event (a stream held back by a buffering proxy is not
//! trusted); a stream that stays quiet past its pings is taken as broken (`platform::push`). Otherwise (our
//! Cyrus answers its event source with 204) every subscriber is asked every few seconds while the
//! tab is visible. A stream that breaks is reopened after a growing wait, with a round of asking
//! first so nothing is missed, and polling goes on meanwhile.
//! The subscribers say whether the server answered ([`ChangeFeed::report`]): the shell shows
//! "hors ligne" from that, with "Réessayer" ([`ChangeFeed::retry_now`]). Which way the changes
//! come is on the page's root element, `data-changes="push"` or `"poll"` (the tests and the
//! benchmark read it), with the mark `facteur:push-open` each time a stream opens.

use crate::platform::jmap_client::JmapClient;
use crate::platform::push::{self, PushEnd};
use facteur_jmap::push::StateChange;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// How often to ask when the server does not push.
const EVERY: Duration = Duration::from_secs(4);
/// How long before asking again for the event source of a server that does not push.
const NO_PUSH_RETRY: Duration = Duration::from_secs(300);
/// The longest wait before reopening a stream that broke.
const MAX_REOPEN: Duration = Duration::from_secs(60);

/// What a subscriber is told: a pushed change of its types, or "ask now" (a poll, a retry, a
/// stream reopened) with no detail.
pub type OnChange = Rc<dyn Fn(Option<&StateChange>)>;

/// A subscriber: its id (to unsubscribe), the types it follows, what it is told.
type Subscriber = (u64, &'static [&'static str], OnChange);

/// The session's change feed, provided by the shell.
#[derive(Clone, Copy)]
pub struct ChangeFeed {
    subscribers: StoredValue<Vec<Subscriber>, LocalStorage>,
    next_id: StoredValue<u64>,
    /// The server did not answer the last time it was asked.
    pub offline: RwSignal<bool>,
}

/// Says on the root element which way the changes come (`push` or `poll`).
fn show_mode(pushed: bool) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-changes", if pushed { "push" } else { "poll" });
    }
}

fn tab_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

impl ChangeFeed {
    /// Tells the subscribers of the types `change` names (or, with `None`, every subscriber).
    fn tell(&self, change: Option<&StateChange>, account_id: &str) {
        let Some(targets) = self.subscribers.try_with_value(|subs| {
            subs.iter()
                .filter(|(_, types, _)| change.is_none_or(|c| c.touches(account_id, types)))
                .map(|(_, _, f)| f.clone())
                .collect::<Vec<_>>()
        }) else {
            return;
        };
        for f in targets {
            f(change);
        }
    }

    /// Asks every subscriber now ("Réessayer").
    pub fn retry_now(&self) {
        self.tell(None, "");
    }

    /// A subscriber's round reached the server (`true`) or not.
    pub fn report(&self, reached: bool) {
        if self.offline.try_get_untracked() == Some(reached) {
            let _ = self.offline.try_set(!reached);
        }
    }

    /// Subscribes `on_change` to the changes of `types` (JMAP type names) for the life of the
    /// calling component.
    pub fn subscribe(&self, types: &'static [&'static str], on_change: impl Fn(Option<&StateChange>) + 'static) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.subscribers.update_value(|subs| subs.push((id, types, Rc::new(on_change))));
        let feed = *self;
        on_cleanup(move || {
            let _ = feed.subscribers.try_update_value(|subs| subs.retain(|(i, _, _)| *i != id));
        });
    }
}

/// The change feed of the session (provided by the shell).
pub fn use_change_feed() -> ChangeFeed {
    expect_context::<ChangeFeed>()
}

/// Opens the feed for `client` for the life of the calling component (the signed-in shell)
/// and provides it.
pub fn provide_change_feed(client: JmapClient) {
    let feed = ChangeFeed {
        subscribers: StoredValue::new_local(Vec::new()),
        next_id: StoredValue::new(0),
        offline: RwSignal::new(false),
    };
    provide_context(feed);
    let pushed = StoredValue::new(false);
    show_mode(false);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            // The server says what changed: nothing to ask.
            if pushed.get_value() {
                return;
            }
            if tab_visible() {
                feed.tell(None, "");
            }
        },
        EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }
    listen_to_pushes(feed, client, pushed);
}

/// How long after signing in the event source is opened: its code is a part of its own, so the
/// first page does not download it (the polling covers the first seconds).
const PUSH_AFTER: Duration = Duration::from_secs(1);

/// Reads the server's event source while the session lives.
fn listen_to_pushes(feed: ChangeFeed, client: JmapClient, pushed: StoredValue<bool>) {
    let alive = Rc::new(Cell::new(true));
    let controller = web_sys::AbortController::new().ok();
    let Some(signal) = controller.as_ref().map(web_sys::AbortController::signal) else { return };
    // Cleanups run on this thread: the wrapper only satisfies `on_cleanup`'s bounds.
    let guard = send_wrapper::SendWrapper::new((alive.clone(), controller));
    on_cleanup(move || {
        let (alive, controller) = guard.take();
        alive.set(false);
        if let Some(controller) = controller {
            controller.abort();
        }
    });
    leptos::task::spawn_local(async move {
        push::sleep(PUSH_AFTER).await;
        if !alive.get() {
            return;
        }
        if let Ok(listening) = push_loop(feed, client, pushed, alive, signal).await {
            listening.await;
        }
    });
}

/// The event source's reading loop: a part of the app of its own (see [`PUSH_AFTER`]); not
/// downloaded (offline), the polling goes on alone.
#[wasm_split(push_listener, wasm_split_path = ::leptos::wasm_split, fallible)]
fn push_loop(
    feed: ChangeFeed,
    client: JmapClient,
    pushed: StoredValue<bool>,
    alive: Rc<Cell<bool>>,
    signal: web_sys::AbortSignal,
) -> Result<futures::future::LocalBoxFuture<'static, ()>, crate::platform::lazy::NotDownloaded> {
    Ok(Box::pin(async move {
        let mut wait = Duration::from_secs(2);
        while alive.get() {
            let opened = Cell::new(false);
            let end = push::listen(
                &client,
                &signal,
                || {
                    opened.set(true);
                    let _ = pushed.try_set_value(true);
                    show_mode(true);
                    crate::platform::perf::mark("facteur:push-open");
                    // Polling stops now: ask once for what changed since its last round.
                    if alive.get() {
                        feed.tell(None, "");
                    }
                },
                |change| {
                    if alive.get() {
                        for account in change.changed.keys() {
                            feed.tell(Some(&change), account);
                        }
                    }
                },
            )
            .await;
            let _ = pushed.try_set_value(false);
            if !alive.get() {
                break;
            }
            show_mode(false);
            match end {
                PushEnd::NotOffered => push::sleep(NO_PUSH_RETRY).await,
                PushEnd::Interrupted(_) => {
                    if opened.get() {
                        wait = Duration::from_secs(2);
                        feed.tell(None, "");
                    }
                    push::sleep(wait).await;
                    wait = (wait * 2).min(MAX_REOPEN);
                }
            }
        }
    }))
}
