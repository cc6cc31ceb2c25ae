//! Saving and sending what the composer holds: each change is kept in `sessionStorage` at
//! once and saved to the Drafts folder [`SAVE_AFTER`] after the last keystroke (one save at a
//! time; a change made meanwhile is saved next); "Envoyer" waits [`UNDO_FOR`] for "Annuler
//! l'envoi", then checks Sent for the draft's Message-ID when an earlier try may have gone
//! through, and sends (`facteur_compose::requests`). A failure is put in words and keeps the
//! draft.

use super::{Composers, Entry, Status};
use crate::i18n::*;
use crate::platform::jmap_client::{CallError, JmapClient};
use facteur_compose::draft::Draft;
use facteur_compose::reply::{Original, SenderIdentity};
use facteur_compose::requests::{self, Mailboxes, SendFailure};
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use std::time::Duration;

/// How long after the last change a draft is saved to the Drafts folder.
pub const SAVE_AFTER: Duration = Duration::from_millis(2500);

/// How long "Annuler l'envoi" is offered before the message leaves, in seconds.
pub const UNDO_FOR: u32 = 5;

/// Why saving or sending failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The request did not get an answer, or not a JMAP one.
    Call(CallError),
    /// The server answered and refused.
    Refused(SendFailure),
}

impl From<CallError> for Failure {
    fn from(e: CallError) -> Self {
        Failure::Call(e)
    }
}

/// The account's identities.
pub async fn identities(client: &JmapClient) -> Result<Vec<SenderIdentity>, CallError> {
    let (request, handle) = requests::identities_request(client.mail_account());
    let response = client.send(&request).await?;
    requests::read_identities(&response, &handle).map_err(|f| CallError::Unexpected(format!("{f:?}")))
}

/// The message answered, forwarded or taken up again.
pub async fn original(client: &JmapClient, email_id: &str) -> Result<Original, CallError> {
    let (request, handle) = requests::original_request(client.mail_account(), email_id);
    let response = client.send(&request).await?;
    let offset = chrono::Local::now().offset().local_minus_utc() / 60;
    requests::read_original(&response, &handle, offset).map_err(|f| CallError::Unexpected(format!("{f:?}")))
}

/// Saves the draft to the Drafts folder (replacing its previous version); its new email id.
pub async fn save(client: &JmapClient, draft: &Draft, mailboxes: &Mailboxes) -> Result<String, Failure> {
    let (request, handle) = requests::save_request(client.mail_account(), draft, mailboxes);
    let response = client.send(&request).await?;
    requests::read_save(&response, &handle).map_err(Failure::Refused)
}

/// Sends the draft; with `check_sent`, first looks in Sent for its Message-ID (an earlier try
/// that went through is not sent again). The sent email's id.
pub async fn send(
    client: &JmapClient,
    draft: &Draft,
    mailboxes: &Mailboxes,
    check_sent: bool,
) -> Result<String, Failure> {
    if check_sent {
        let (request, handle) = requests::already_sent_request(client.mail_account(), draft, mailboxes);
        let response = client.send(&request).await?;
        if let Some(id) = requests::read_already_sent(&response, &handle).map_err(Failure::Refused)? {
            return Ok(id);
        }
    }
    let (request, handle) = requests::send_request(client.mail_account(), draft, mailboxes);
    let response = client.send(&request).await?;
    requests::read_send(&response, &handle).map_err(Failure::Refused)
}

/// Destroys a saved draft.
pub async fn discard(client: &JmapClient, email_id: &str) -> Result<(), CallError> {
    let mut request = facteur_jmap::RequestBuilder::new();
    let set = request.call(facteur_jmap::Set::<facteur_jmap::Email>::new(client.mail_account()).destroy([email_id]));
    let response = client.send(&request.build()).await?;
    let answer = response.get(&set)?;
    let refused = answer.failures().next().map(|(_, e)| e.description.clone().unwrap_or_else(|| e.error_type.clone()));
    match refused {
        Some(why) => Err(CallError::Unexpected(why)),
        None => Ok(()),
    }
}

/// What the user reads about a failure.
pub fn words(i18n: I18nContext<Locale>, failure: &Failure) -> String {
    match failure {
        Failure::Call(error) => crate::ui::error_banner::describe(i18n, error.clone()).get_untracked(),
        Failure::Refused(refused) => refused_words(i18n, refused),
    }
}

fn refused_words(i18n: I18nContext<Locale>, refused: &SendFailure) -> String {
    match refused {
        SendFailure::RecipientRefused(who) => {
            t_string!(i18n, compose.recipient_refused, who = who.join(", ")).to_string()
        }
        SendFailure::OverQuota => t_string!(i18n, compose.over_quota).to_string(),
        SendFailure::TooLarge => t_string!(i18n, compose.too_large).to_string(),
        SendFailure::TooManyRecipients => t_string!(i18n, compose.too_many_for_server).to_string(),
        SendFailure::CannotSend(why) => t_string!(i18n, compose.cannot_send, why = why.clone()).to_string(),
        SendFailure::Refused { reason, .. } => refused_words(i18n, reason),
        SendFailure::Server(why) => t_string!(i18n, compose.server_said, why = why.clone()).to_string(),
    }
}

/// The time now as `HH:MM` (local; integer formatting: chrono's `format` brings its whole
/// strftime machinery into the wasm).
fn now_hm() -> String {
    use chrono::Timelike;
    let now = chrono::Local::now();
    format!("{:02}:{:02}", now.hour(), now.minute())
}

/// A change was made: kept in the tab at once, saved to the Drafts folder soon.
pub fn changed(composers: Composers, entry: &Entry, i18n: I18nContext<Locale>) {
    composers.keep();
    let Some(made) = entry.edits.try_update(|e| {
        e.made += 1;
        e.made
    }) else {
        return;
    };
    let entry = entry.clone();
    set_timeout(
        move || {
            // Only the last change of a burst saves.
            if entry.edits.try_with_untracked(|e| e.made) == Some(made) {
                save_now(composers, entry, i18n);
            }
        },
        SAVE_AFTER,
    );
}

/// Saves now unless a save is under way (that one saves again after, if changed since).
pub fn save_now(composers: Composers, entry: Entry, i18n: I18nContext<Locale>) {
    let Some(edits) = entry.edits.try_get_untracked() else { return };
    if edits.saving || edits.made == edits.saved {
        return;
    }
    if entry.status.with_untracked(|s| matches!(s, Status::Waiting(_) | Status::Sending)) {
        return;
    }
    let Some(draft) = entry.draft.try_get_untracked() else { return };
    if draft.is_blank() {
        return;
    }
    let Some(Some(mailboxes)) = composers.mailboxes.try_get_untracked() else { return };
    let Some(client) = composers.client.try_get_value() else { return };
    entry.edits.update(|e| e.saving = true);
    entry.status.set(Status::Saving);
    let at = edits.made;
    leptos::task::spawn_local(async move {
        let result = save(&client, &draft, &mailboxes).await;
        let _ = entry.edits.try_update(|e| e.saving = false);
        match result {
            Ok(id) => {
                let _ = entry.draft.try_update(|d| d.email_id = Some(id));
                let _ = entry.edits.try_update(|e| e.saved = at);
                if entry.status.try_with_untracked(|s| *s == Status::Saving) == Some(true) {
                    let _ = entry.status.try_set(Status::Saved(now_hm()));
                }
                composers.keep();
                // Changed while it was saved: save that too.
                if entry.edits.try_with_untracked(|e| e.made != e.saved) == Some(true) {
                    save_now(composers, entry, i18n);
                }
            }
            Err(failure) => {
                let _ = entry.status.try_set(Status::SaveFailed(words(i18n, &failure)));
            }
        }
    });
}

/// "Envoyer" (the draft was checked): the message leaves after [`UNDO_FOR`] seconds unless
/// "Annuler l'envoi" is pressed ([`cancel_send`]).
pub fn send_soon(composers: Composers, entry: Entry, i18n: I18nContext<Locale>) {
    entry.status.set(Status::Waiting(UNDO_FOR));
    entry.minimised.set(true);
    tick(composers, entry, i18n);
}

fn tick(composers: Composers, entry: Entry, i18n: I18nContext<Locale>) {
    set_timeout(
        move || match entry.status.try_get_untracked() {
            Some(Status::Waiting(n)) if n > 1 => {
                entry.status.set(Status::Waiting(n - 1));
                tick(composers, entry, i18n);
            }
            Some(Status::Waiting(_)) => send_now(composers, entry, i18n),
            // Cancelled, or the area is gone.
            _ => {}
        },
        Duration::from_secs(1),
    );
}

/// "Annuler l'envoi": the composer opens again as it was.
pub fn cancel_send(composers: Composers, entry: &Entry) {
    if entry.status.with_untracked(|s| matches!(s, Status::Waiting(_))) {
        entry.status.set(Status::Idle);
        composers.focus(&entry.key);
    }
}

/// Sends now; on success the entry leaves the dock, on failure it opens again and says why.
pub fn send_now(composers: Composers, entry: Entry, i18n: I18nContext<Locale>) {
    let Some(draft) = entry.draft.try_get_untracked() else { return };
    let Some(client) = composers.client.try_get_value() else { return };
    let mailboxes = composers.mailboxes.get_untracked();
    entry.status.set(Status::Sending);
    let check_sent = entry.edits.with_untracked(|e| e.send_tried);
    entry.edits.update(|e| e.send_tried = true);
    leptos::task::spawn_local(async move {
        let result = match &mailboxes {
            Some(mailboxes) => send(&client, &draft, mailboxes, check_sent).await,
            None => Err(Failure::Call(CallError::Unexpected("no Drafts or Sent folder".into()))),
        };
        match result {
            Ok(_) => {
                composers.remove(&entry.key);
                composers.toasts.info(t_string!(i18n, compose.sent).to_string());
            }
            Err(failure) => {
                if let Failure::Refused(SendFailure::Refused { draft_id: Some(id), .. }) = &failure {
                    // The final version was created and stays a draft: the next try replaces it.
                    let _ = entry.draft.try_update(|d| d.email_id = Some(id.clone()));
                }
                let _ = entry.status.try_set(Status::SendFailed(words(i18n, &failure)));
                composers.focus(&entry.key);
                composers.keep();
            }
        }
    });
}

/// Closes the composer: a blank draft, or an answer not changed, goes; another is saved first
/// (it stays in Drafts).
pub fn close(composers: Composers, entry: Entry, i18n: I18nContext<Locale>) {
    let blank = entry.draft.with_untracked(Draft::is_blank);
    // An answer opened and closed without a change was never the user's draft: it goes.
    let untouched = entry.edits.with_untracked(|e| e.made == 0) && entry.draft.with_untracked(|d| d.email_id.is_none());
    if blank || untouched {
        return composers.remove(&entry.key);
    }
    if entry.edits.with_untracked(|e| e.made != e.saved) {
        save_now(composers, entry.clone(), i18n);
    }
    composers.remove(&entry.key);
    composers.toasts.info(t_string!(i18n, compose.kept_in_drafts).to_string());
}

/// "Supprimer le brouillon", once confirmed: the entry goes and so does the server's copy.
pub fn discard_draft(composers: Composers, entry: Entry, i18n: I18nContext<Locale>) {
    composers.remove(&entry.key);
    let email_id = entry.draft.with_untracked(|d| d.email_id.clone());
    let Some(email_id) = email_id else {
        return composers.toasts.info(t_string!(i18n, compose.discarded).to_string());
    };
    let Some(client) = composers.client.try_get_value() else { return };
    leptos::task::spawn_local(async move {
        match discard(&client, &email_id).await {
            Ok(()) => composers.toasts.info(t_string!(i18n, compose.discarded).to_string()),
            Err(error) => composers.toasts.error(crate::ui::error_banner::describe(i18n, error).get_untracked()),
        }
    });
}
