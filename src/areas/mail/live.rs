//! Live updates: ask the server what changed since the states held, and take in only that.
//! When the server pushes (its event source, RFC 8620 §7.3), each `StateChange` that touches
//! the mail triggers the asking, with a slow poll as a safety net; otherwise (our Cyrus answers
//! its event source with 204) the app polls `/changes` every few seconds while the tab is
//! visible. Either way it recovers by itself after a restart of the server.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::server;
use crate::i18n::*;
use crate::platform::jmap_client::CallError;
use crate::platform::lazy::NotDownloaded;
use crate::platform::push::{self, PushEnd};
use facteur_mail::live::{apply_to_list, new_in_inbox};
use facteur_mail::message::MessageSummary;
use futures::future::LocalBoxFuture;
use leptos::wasm_split::wasm_split;
use leptos::{prelude::*, task::spawn_local};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// How often to ask when the server does not push.
const EVERY: Duration = Duration::from_secs(4);
/// While the server pushes, ask anyway every this many rounds of [`EVERY`] (a minute): a
/// safety net for a stream that went quiet without closing.
const ROUNDS_WHILE_PUSHED: u32 = 15;
/// How long before asking again for the event source of a server that does not push.
const NO_PUSH_RETRY: Duration = Duration::from_secs(300);
/// The longest wait before reopening a stream that broke.
const MAX_REOPEN: Duration = Duration::from_secs(60);
/// The types whose changes concern the mail screen.
const MAIL_TYPES: [&str; 4] = ["Email", "Mailbox", "Thread", "EmailDelivery"];

fn tab_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// What the screen needs of the poller.
#[derive(Clone, Copy)]
pub struct Live {
    /// The server is unreachable at the moment.
    pub offline: ReadSignal<bool>,
    retry: StoredValue<Rc<dyn Fn()>, LocalStorage>,
}

impl Live {
    /// Asks the server now ("Réessayer").
    pub fn retry_now(&self) {
        self.retry.with_value(|retry| retry());
    }
}

/// Starts listening (push, else polling) for the mail screen's lifetime.
pub fn poll(ctx: MailContext) -> Live {
    let i18n = use_i18n();
    let (offline, set_offline) = signal(false);
    let busy = StoredValue::new(false);
    // A change announced while a round runs: one more round right after it.
    let again = StoredValue::new(false);
    let pushed = StoredValue::new(false);
    let rounds = StoredValue::new(0u32);
    let slot: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage> = StoredValue::new_local(None);
    let tick = {
        move || {
            if busy.get_value() {
                again.set_value(true);
                return;
            }
            if !tab_visible() || ctx.bulk_busy.get_untracked() {
                return;
            }
            let held = ctx.states.get_untracked();
            if held.account.email.is_empty() || held.account.mailbox.is_empty() {
                return; // not loaded yet
            }
            busy.set_value(true);
            spawn_local(async move {
                let result = match round(ctx, held, i18n).await {
                    Ok(round) => round.await,
                    Err(NotDownloaded) => Err(CallError::Network("live updates not downloaded".into())),
                };
                if busy.try_set_value(false).is_some() {
                    return; // the screen went away
                }
                let _ = set_offline.try_set(result.is_err());
                if again.try_update_value(|a| std::mem::replace(a, false)) == Some(true) {
                    if let Some(Some(tick)) = slot.try_get_value() {
                        tick();
                    }
                }
            });
        }
    };
    let tick: Rc<dyn Fn()> = Rc::new(tick);
    slot.set_value(Some(tick.clone()));
    let interval = tick.clone();
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if pushed.get_value() {
                let round = rounds.get_value() + 1;
                rounds.set_value(round);
                if !round.is_multiple_of(ROUNDS_WHILE_PUSHED) {
                    return;
                }
            }
            interval()
        },
        EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }
    listen_to_pushes(&ctx, tick.clone(), pushed);
    Live { offline, retry: StoredValue::new_local(tick) }
}

/// Reads the server's event source while the screen lives: each change of the mail asks
/// for it at once. A server that does not push is asked again every few minutes; a stream
/// that breaks is reopened after a growing wait (a round of asking first, to miss nothing).
fn listen_to_pushes(ctx: &MailContext, tick: Rc<dyn Fn()>, pushed: StoredValue<bool>) {
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
    let client = ctx.client();
    spawn_local(async move {
        let mut wait = Duration::from_secs(2);
        while alive.get() {
            let opened = Cell::new(false);
            let account = client.account_id().to_string();
            let end = push::listen(
                &client,
                &signal,
                || {
                    opened.set(true);
                    let _ = pushed.try_set_value(true);
                },
                |change| {
                    if alive.get() && change.touches(&account, &MAIL_TYPES) {
                        tick();
                    }
                },
            )
            .await;
            let _ = pushed.try_set_value(false);
            if !alive.get() {
                break;
            }
            match end {
                PushEnd::NotOffered => push::sleep(NO_PUSH_RETRY).await,
                PushEnd::Interrupted(_) => {
                    if opened.get() {
                        wait = Duration::from_secs(2);
                        tick();
                    }
                    push::sleep(wait).await;
                    wait = (wait * 2).min(MAX_REOPEN);
                }
            }
        }
    });
}

/// One round of live updates. Its code is a part downloaded after the first page
/// (`core::split`): until it is there, the first page is shown without it.
#[wasm_split(live_updates, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_live_updates))]
pub(crate) fn round(
    ctx: MailContext,
    held: crate::areas::mail::context::LiveStates,
    i18n: leptos_i18n::I18nContext<Locale>,
) -> Result<LocalBoxFuture<'static, Result<(), CallError>>, NotDownloaded> {
    Ok(Box::pin(async move { step(&ctx, held, i18n).await }))
}

async fn step(
    ctx: &MailContext,
    held: crate::areas::mail::context::LiveStates,
    i18n: leptos_i18n::I18nContext<Locale>,
) -> Result<(), CallError> {
    let client = ctx.client();
    let changed = server::changes(&client, &held.account, notifications_allowed()).await?;
    if changed.reload {
        ctx.folders.refetch();
        ctx.page.refetch();
        return Ok(());
    }
    if changed.mailboxes {
        ctx.folders.refetch();
    }
    let _ = ctx.states.try_update(|s| s.account = changed.states.clone());
    notify_new_inbox_mail(ctx, &changed.created_emails, i18n);
    let (Some(mailbox_id), Some(query_state)) = (held.mailbox_id, held.query) else { return Ok(()) };
    // Search results stay as found (their list is not the folder's query).
    if !changed.emails || held.search.is_some() {
        return Ok(());
    }
    let shown: Vec<String> = ctx
        .rows
        .with_untracked(|rows| changed.updated_emails.iter().filter(|id| rows.contains_key(*id)).cloned().collect());
    match server::list_updates(&client, &mailbox_id, held.threaded, &query_state, &shown).await? {
        None => ctx.page.refetch(),
        Some(update) => {
            let mut applied = None;
            let _ = ctx.rows.try_update(|rows| {
                let _ = ctx.list.try_update(|list| applied = Some(apply_to_list(list, rows, &update)));
            });
            // Otherwise the list moved to another state meanwhile (a page of a newer one): the
            // next round starts from it.
            if let Some(Ok(summary)) = applied {
                let _ = ctx.selection.try_update(|s| s.forget(&summary.removed));
                let _ = ctx.states.try_update(|s| s.query = Some(update.query_state.clone()));
                ctx.folders.refetch();
            }
        }
    }
    Ok(())
}

/// The user allowed browser notifications.
fn notifications_allowed() -> bool {
    web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
}

/// A browser notification for each new unread Inbox message (a few at most), whatever folder
/// is open, when the user has allowed them (the created emails come with the changes).
fn notify_new_inbox_mail(ctx: &MailContext, created: &[MessageSummary], i18n: leptos_i18n::I18nContext<Locale>) {
    if created.is_empty() || !notifications_allowed() {
        return;
    }
    let inbox = ctx
        .folders
        .try_get_untracked()
        .flatten()
        .and_then(|folders| folders.ok()?.into_iter().find(|f| f.role.as_deref() == Some("inbox")).map(|f| f.id));
    let Some(inbox) = inbox else { return };
    let title = t_string!(i18n, live.new_mail).to_string();
    for mail in new_in_inbox(created, &inbox) {
        let options = web_sys::NotificationOptions::new();
        options.set_body(&format!("{}\n{}", mail.sender.unwrap_or_default(), mail.subject.unwrap_or_default()));
        options.set_tag(&mail.id);
        let _ = web_sys::Notification::new_with_options(&title, &options);
    }
}
