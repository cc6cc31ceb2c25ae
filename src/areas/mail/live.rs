//! Live updates of the mail area: ask the server what changed since the states held, and take
//! in only that, each time the session's change feed (`platform::changes`: push, else polling)
//! says the mail may have changed. It recovers by itself after a restart of the server.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::server;
use crate::i18n::*;
use crate::platform::changes::use_change_feed;
use crate::platform::jmap_client::CallError;
use crate::platform::lazy::NotDownloaded;
use facteur_mail::live::{apply_to_list, new_in_inbox};
use facteur_mail::message::MessageSummary;
use futures::future::LocalBoxFuture;
use leptos::wasm_split::wasm_split;
use leptos::{prelude::*, task::spawn_local};
use std::rc::Rc;

/// The types whose changes concern the mail area.
const MAIL_TYPES: [&str; 4] = ["Email", "Mailbox", "Thread", "EmailDelivery"];

/// Follows the server's changes for the mail area's lifetime: each time the session's change
/// feed says the mail may have changed (a push of these types, a poll, "Réessayer"), one
/// round asks what changed; a change announced while a round runs gets one more round after.
pub fn follow(ctx: MailContext) {
    let i18n = use_i18n();
    let feed = use_change_feed();
    let busy = StoredValue::new(false);
    let again = StoredValue::new(false);
    let slot: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage> = StoredValue::new_local(None);
    let tick = move || {
        if busy.get_value() {
            again.set_value(true);
            return;
        }
        if ctx.bulk_busy.get_untracked() {
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
            feed.report(result.is_ok());
            if again.try_update_value(|a| std::mem::replace(a, false)) == Some(true) {
                if let Some(Some(tick)) = slot.try_get_value() {
                    tick();
                }
            }
        });
    };
    let tick: Rc<dyn Fn()> = Rc::new(tick);
    slot.set_value(Some(tick.clone()));
    feed.subscribe(&MAIL_TYPES, move |_| tick());
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
