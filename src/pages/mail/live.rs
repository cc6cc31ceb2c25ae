//! Live updates: every few seconds while the tab is visible, ask the server what changed
//! since the states held, and take in only that. (Our Cyrus answers its event stream with
//! 204, so polling `/changes` is the way; it also recovers by itself after a restart.)

use super::context::MailContext;
use crate::core::{jmap_client::CallError, mail};
use crate::i18n::*;
use facteur_logic::live::apply_to_list;
use leptos::{prelude::*, task::spawn_local};
use std::rc::Rc;
use std::time::Duration;

/// How often to ask.
const EVERY: Duration = Duration::from_secs(4);

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

/// Starts polling for the mail screen's lifetime.
pub fn poll(ctx: MailContext) -> Live {
    let i18n = use_i18n();
    let (offline, set_offline) = signal(false);
    let busy = StoredValue::new(false);
    let tick = move || {
        if busy.get_value() || !tab_visible() || ctx.bulk_busy.get_untracked() {
            return;
        }
        let held = ctx.states.get_untracked();
        if held.account.email.is_empty() || held.account.mailbox.is_empty() {
            return; // not loaded yet
        }
        busy.set_value(true);
        let ctx = ctx.clone();
        spawn_local(async move {
            let result = step(&ctx, held, i18n).await;
            if busy.try_set_value(false).is_some() {
                return; // the screen went away
            }
            let _ = set_offline.try_set(result.is_err());
        });
    };
    let tick: Rc<dyn Fn()> = Rc::new(tick);
    let interval = tick.clone();
    if let Ok(handle) = set_interval_with_handle(move || interval(), EVERY) {
        on_cleanup(move || handle.clear());
    }
    Live { offline, retry: StoredValue::new_local(tick) }
}

async fn step(
    ctx: &MailContext,
    held: super::context::LiveStates,
    i18n: leptos_i18n::I18nContext<Locale>,
) -> Result<(), CallError> {
    let changed = mail::changes(&ctx.client, &held.account).await?;
    if changed.reload {
        ctx.folders.refetch();
        ctx.page.refetch();
        return Ok(());
    }
    if changed.mailboxes {
        ctx.folders.refetch();
    }
    let _ = ctx.states.try_update(|s| s.account = changed.states.clone());
    let (Some(mailbox_id), Some(query_state)) = (held.mailbox_id, held.query) else { return Ok(()) };
    // Search results stay as found (their list is not the folder's query).
    if !changed.emails || held.search.is_some() {
        return Ok(());
    }
    let shown: Vec<String> =
        ctx.rows.with_untracked(|rows| changed.updated_emails.iter().filter(|id| rows.contains_key(*id)).cloned().collect());
    match mail::list_updates(&ctx.client, &mailbox_id, held.threaded, &query_state, &shown).await? {
        None => ctx.page.refetch(),
        Some(update) => {
            let mut applied = None;
            let _ = ctx.rows.try_update(|rows| {
                let _ = ctx.list.try_update(|list| applied = Some(apply_to_list(list, rows, &update)));
            });
            match applied {
                Some(Ok(summary)) => {
                    let _ = ctx.selection.try_update(|s| s.forget(&summary.removed));
                    let _ = ctx.states.try_update(|s| s.query = Some(update.query_state.clone()));
                    ctx.folders.refetch();
                    if ctx.slug.get_untracked() == "inbox" {
                        notify(ctx, &summary.new_at_top, i18n);
                    }
                }
                // The list moved to another state meanwhile (a page of a newer one): the next
                // round starts from it.
                Some(Err(_)) | None => {}
            }
        }
    }
    Ok(())
}

/// A browser notification for new Inbox mail, when the user has allowed them.
fn notify(ctx: &MailContext, ids: &[String], i18n: leptos_i18n::I18nContext<Locale>) {
    if ids.is_empty() || web_sys::Notification::permission() != web_sys::NotificationPermission::Granted {
        return;
    }
    ctx.rows.with_untracked(|rows| {
        for row in ids.iter().filter_map(|id| rows.get(id)).take(3) {
            let options = web_sys::NotificationOptions::new();
            options.set_body(&format!(
                "{}\n{}",
                row.sender.clone().unwrap_or_default(),
                row.subject.clone().unwrap_or_default()
            ));
            options.set_tag(&row.id);
            let _ = web_sys::Notification::new_with_options(&t_string!(i18n, live.new_mail), &options);
        }
    });
}
