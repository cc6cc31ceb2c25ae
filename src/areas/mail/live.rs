//! Live updates of the mail area: each time the session's change feed (`platform::changes`:
//! push, else polling) says the mail may have changed, one round of the store's sync engine
//! (`facteur_kit::sync`) asks what changed since the states held — every type and the open
//! list in one request — and takes in only that. It recovers by itself after a restart of the
//! server.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::folders::quota::QuotaState;
use crate::i18n::*;
use crate::platform::changes::use_change_feed;
use crate::platform::jmap_client::CallError;
use crate::platform::lazy::NotDownloaded;
use facteur_jmap::push::StateChange;
use facteur_kit::sync::{self, QueryOutcome, SyncOptions, Trigger};
use facteur_mail::live::new_in_inbox;
use facteur_mail::message::MessageSummary;
use futures::future::LocalBoxFuture;
use leptos::wasm_split::wasm_split;
use leptos::{prelude::*, task::spawn_local};
use std::rc::Rc;

/// The types whose changes concern the mail area.
const MAIL_TYPES: [&str; 4] = ["Email", "Mailbox", "Thread", "EmailDelivery"];

/// The calls of a mail round besides the pending changes' `/set`: Email and Mailbox changes
/// with their gets, Thread/get, the open list's queryChanges and added, a reload.
const MAIL_ROUND_CALLS: usize = 12;

/// Asks for one round (with the push that announced it, if any).
type Tick = Rc<dyn Fn(Option<StateChange>)>;

/// Follows the server's changes for the mail area's lifetime: each time the session's change
/// feed says the mail may have changed (a push of these types, a poll, "Réessayer"), one
/// round asks what changed; a change announced while a round runs gets one more round after.
pub fn follow(ctx: MailContext) {
    let i18n = use_i18n();
    let feed = use_change_feed();
    let toasts = crate::ui::toast::use_toasts();
    let quota = use_context::<QuotaState>();
    let busy = StoredValue::new(false);
    // A push (or poll) that came while a round ran: one more round after it.
    let again = StoredValue::new(None::<Option<StateChange>>);
    let slot: StoredValue<Option<Tick>, LocalStorage> = StoredValue::new_local(None);
    let tick = move |pushed: Option<StateChange>| {
        if busy.get_value() {
            // Two announcements while busy: ask about everything (a poll).
            again.update_value(|a| *a = Some(a.take().map_or(pushed, |_| None)));
            return;
        }
        let loaded = ctx.store.with_untracked(|s| s.state("Email").is_some() && s.state("Mailbox").is_some());
        if !loaded {
            return; // the first page and the folders are not in yet
        }
        busy.set_value(true);
        spawn_local(async move {
            let result = match round(ctx, pushed, i18n, toasts, quota).await {
                Ok(round) => round.await,
                Err(NotDownloaded) => Err(CallError::Network("live updates not downloaded".into())),
            };
            if busy.try_set_value(false).is_some() {
                return; // the screen went away
            }
            feed.report(result.is_ok());
            let next = match result {
                Ok(true) => Some(None), // reloads were marked: at once
                _ => again.try_update_value(Option::take).flatten(),
            };
            if let Some(pushed) = next {
                if let Some(Some(tick)) = slot.try_get_value() {
                    tick(pushed);
                }
            }
        });
    };
    let tick: Tick = Rc::new(tick);
    slot.set_value(Some(tick.clone()));
    feed.subscribe(&MAIL_TYPES, move |change| tick(change.cloned()));
}

/// One round of live updates. Its code is a part downloaded after the first page
/// (`platform::lazy`): until it is there, the first page is shown without it. `Ok(true)`:
/// another round should follow at once (the server could not tell some changes: what they
/// concern is loaded again).
#[wasm_split(live_updates, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_live_updates))]
pub(crate) fn round(
    ctx: MailContext,
    pushed: Option<StateChange>,
    i18n: leptos_i18n::I18nContext<Locale>,
    toasts: crate::ui::toast::Toasts,
    quota: Option<QuotaState>,
) -> Result<LocalBoxFuture<'static, Result<bool, CallError>>, NotDownloaded> {
    Ok(Box::pin(async move { step(&ctx, pushed, i18n, toasts, quota).await }))
}

/// One round: the sync engine's request (every type's `/changes` with the changed objects,
/// the open list's `/queryChanges` with the added rows, their conversations' sizes — ONE
/// request), sent, and its answer put in the store; then what the user is told.
async fn step(
    ctx: &MailContext,
    pushed: Option<StateChange>,
    i18n: leptos_i18n::I18nContext<Locale>,
    toasts: crate::ui::toast::Toasts,
    quota: Option<QuotaState>,
) -> Result<bool, CallError> {
    let client = ctx.client();
    let trigger = match &pushed {
        Some(change) => Trigger::Push(change),
        None => Trigger::Poll,
    };
    // The conversations of the emails a round changed: known from their rows, held after it.
    let threads_of = |ids: &[String]| -> Option<Vec<String>> {
        ids.iter().map(|id| ctx.row_untracked(id).map(|r| r.thread_id)).collect()
    };
    // The pending changes' `/set` calls leave room in the request for the calls after them
    // (each type's changes and gets, the open list's): about a dozen.
    let max_sets = client.limits().max_calls.saturating_sub(MAIL_ROUND_CALLS).max(1);
    let options = SyncOptions { max_sets, ..SyncOptions::default() };
    let planned = ctx
        .store
        .try_update(|s| {
            // The engine's code is in this part of the app, downloaded after the first page.
            facteur_mail::records::enable_sync(s);
            sync::plan(s, trigger, &options)
        })
        .flatten();
    let Some((request, plan)) = planned else { return Ok(false) };
    let response = match client.send(&request).await {
        Ok(response) => response,
        Err(e) => {
            let _ = ctx.store.try_update(|s| sync::abandon(s, plan));
            return Err(e);
        }
    };
    let Some(applied) = ctx.store.try_update(|s| sync::apply(s, plan, &response)) else { return Ok(false) };
    let summary = applied.map_err(|e| CallError::Unexpected(e.to_string()))?;
    // Mail came or went: the storage use moved.
    let came_or_went = summary.types.get("Email").is_some_and(|c| !c.created.is_empty() || !c.destroyed.is_empty());
    if let Some(quota) = quota.filter(|_| came_or_went) {
        quota.refresh_soon(client.clone());
    }
    if let Some(changed) = summary.types.get("Email") {
        // Created and updated rows are held now; a destroyed one is gone: its conversation is
        // not known, so every held conversation is forgotten.
        let ids: Vec<String> = changed.created.iter().chain(&changed.updated).cloned().collect();
        let threads = if changed.destroyed.is_empty() { threads_of(&ids) } else { None };
        crate::areas::mail::reading::prefetch::forget_changed(ctx, threads);
    }
    // A change the server refused is rolled back already (the store dropped it): say why, once
    // for the round.
    if let Some(refusal) = summary.refused.first() {
        if refusal.type_name == "Mailbox" {
            folder_refused(ctx, toasts, i18n, refusal);
        } else {
            let refused = facteur_kit::refused::SetRefused::from_set_error(&refusal.error);
            crate::areas::mail::actions::failed(toasts, i18n, &CallError::Refused(refused));
        }
    }
    // A whole folder moved or deleted: once its changes are done, its list loads again.
    let bulk_done = ctx.bulk_changes.try_with_value(|ids| {
        !ids.is_empty() && ctx.store.with_untracked(|s| ids.iter().all(|id| s.pending().find(*id).is_none()))
    });
    if bulk_done == Some(true) {
        ctx.bulk_changes.set_value(Vec::new());
        ctx.page.refetch();
    }
    if let Some(key) = ctx.list_key.try_get_untracked().flatten() {
        match summary.queries.get(&key) {
            Some(QueryOutcome::Changed(changed)) => {
                let _ = ctx.selection.try_update(|s| s.forget(&changed.removed));
            }
            Some(QueryOutcome::Reloaded) => {
                let _ = ctx.selection.try_update(|s| s.clear());
            }
            _ => {}
        }
    }
    if notifications_allowed() {
        let created: Vec<MessageSummary> = summary
            .types
            .get("Email")
            .map(|c| c.created.iter().filter_map(|id| ctx.row_untracked(id)).collect())
            .unwrap_or_default();
        notify_new_inbox_mail(ctx, &created, i18n);
    }
    Ok(summary.again())
}

/// A folder the server would not create, rename, move or delete, named, and why in words (the
/// folder is back as the server has it).
fn folder_refused(
    ctx: &MailContext,
    toasts: crate::ui::toast::Toasts,
    i18n: leptos_i18n::I18nContext<Locale>,
    refusal: &facteur_kit::pending::Refusal,
) {
    use crate::areas::mail::folders::{folder_dialogs::refusal_text, folder_nav::folder_label, manage::ManageError};
    // A folder that was to be created is gone: its name is in what was refused.
    let created = match &refusal.edit {
        Some(facteur_kit::pending::Edit::Create(object)) => object["name"].as_str().map(str::to_string),
        _ => None,
    };
    let name = ctx.folder_by_id(&refusal.id).map(|f| folder_label(i18n, &f)).or(created).unwrap_or_default();
    let why = ManageError::Refused(facteur_mail::folder_ops::FolderError::from_set_error(&refusal.error));
    let detail = refusal_text(i18n, &why);
    toasts.error(t_string!(i18n, folders.failed, name = name, detail = detail).to_string());
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
