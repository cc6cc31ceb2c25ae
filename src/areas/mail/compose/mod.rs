//! Writing mail. The messages being written (several at once) are [`Entry`]s of the mail
//! area's [`Composers`]; the dock (`dock`) shows them — a panel at the bottom right on a
//! desktop, which can be minimised to a bar while the user reads other mail; the whole screen
//! on a phone — and the form itself (`composer`) is a part of the app of its own, downloaded
//! shortly after the first rows are painted (with pulldown-cmark, BENCHMARKS.md).
//!
//! A message is opened by "Nouveau message" (key `c`), by an answer to the open conversation
//! (Répondre, Répondre à tous, Transférer; keys `r`, `a`, `f`), by a draft of the Drafts
//! folder, or by a "write to" intent (a `mailto:` link). Nothing typed is lost: every change
//! goes to `sessionStorage` at once (a reload offers to resume it) and to the Drafts folder a
//! few seconds after typing stops and when the composer closes (`saving`); a failed send keeps
//! the draft, says why in words and offers to try again, and a retry never sends twice.
//! What a draft is, how it is answered, rendered and sent is `facteur_compose`.

mod attachments;
pub mod composer;
pub mod dock;
mod recipients;
pub mod saving;
pub mod slot;

use crate::i18n::*;
use crate::platform::jmap_client::{CallError, JmapClient};
use crate::ui::toast::Toasts;
use facteur_compose::draft::Draft;
use facteur_compose::mailto::Mailto;
use facteur_compose::reply::{Answer, SenderIdentity};
use facteur_compose::requests::Mailboxes;
use leptos::prelude::*;

/// Where a message being written stands with the server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// Nothing to say (not saved yet, or saved and not changed since).
    #[default]
    Idle,
    /// Being saved to the Drafts folder.
    Saving,
    /// Saved to the Drafts folder at this time (`HH:MM`).
    Saved(String),
    /// Could not be saved (it is still kept in this tab): why, in words.
    SaveFailed(String),
    /// "Envoyer" was pressed: it leaves in this many seconds unless the user cancels.
    Waiting(u32),
    /// Being sent.
    Sending,
    /// The send failed; the draft is kept. Why, in words.
    SendFailed(String),
}

/// Counts the changes of a draft, so that a save knows whether it is still the latest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Edits {
    /// Changes made so far.
    pub made: u64,
    /// The change the last successful save held.
    pub saved: u64,
    /// A save is under way.
    pub saving: bool,
    /// The draft was given to the server to send at least once (a retry checks Sent first).
    pub send_tried: bool,
}

/// One message being written.
#[derive(Clone)]
pub struct Entry {
    /// The draft's `local_id` (the key of the entry).
    pub key: String,
    /// The draft as the user sees it.
    pub draft: ArcRwSignal<Draft>,
    /// Shown as a bar only.
    pub minimised: ArcRwSignal<bool>,
    /// Where it stands with the server.
    pub status: ArcRwSignal<Status>,
    /// Its changes and saves.
    pub edits: ArcRwSignal<Edits>,
    /// Restored after a reload, not yet taken up again by the user.
    pub restored: ArcRwSignal<bool>,
}

impl Entry {
    fn new(draft: Draft, restored: bool) -> Entry {
        Entry {
            key: draft.local_id.clone(),
            draft: ArcRwSignal::new(draft),
            minimised: ArcRwSignal::new(restored),
            status: ArcRwSignal::new(Status::Idle),
            // One found again after a reload is saved again when closed (its last change may
            // not have reached the Drafts folder).
            edits: ArcRwSignal::new(Edits { made: u64::from(restored), ..Edits::default() }),
            restored: ArcRwSignal::new(restored),
        }
    }
}

/// The messages being written, and what writing them needs (the mail area's context).
#[derive(Clone, Copy)]
pub struct Composers {
    /// The open messages, oldest first.
    pub entries: RwSignal<Vec<Entry>>,
    /// The account's identities (`None` until asked; `Err`: why they could not be read).
    pub identities: RwSignal<Option<Result<Vec<SenderIdentity>, CallError>>>,
    /// The client.
    pub client: StoredValue<JmapClient>,
    /// The Drafts and Sent folders (`None` while the folders are not known).
    pub mailboxes: Memo<Option<Mailboxes>>,
    /// The mail area's toasts ("Message envoyé"; tasks cannot read the context).
    pub toasts: Toasts,
    /// The Inbox (with Sent, where suggested addresses come from).
    pub inbox: Memo<Option<String>>,
    /// The people the user wrote to or heard from, for suggestions (`None` until asked, once
    /// per session: [`Composers::want_suggestions`]).
    pub known: RwSignal<Option<facteur_compose::suggest::KnownAddresses>>,
    /// The suggestions were asked for (once).
    known_asked: StoredValue<bool>,
    /// This tab kept messages being written before a reload, not yet taken back
    /// ([`Composers::restore`], by the dock's part: reading them is not the first page's work).
    pub saved_waiting: RwSignal<bool>,
}

/// A random hexadecimal string (ids and Message-IDs: unique, not secret).
pub(crate) fn random_hex(len: usize) -> String {
    let mut out = String::with_capacity(len);
    while out.len() < len {
        let n = (js_sys::Math::random() * 4_294_967_296.0) as u32;
        out.push_str(&format!("{n:08x}"));
    }
    out.truncate(len);
    out
}

/// A new Message-ID (without angle brackets) at the sender's domain.
pub fn new_message_id(domain: &str) -> String {
    let millis = js_sys::Date::now() as u64;
    format!("{millis:x}.{}@{}", random_hex(16), if domain.is_empty() { "facteur.invalid" } else { domain })
}

pub(crate) fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map(|(_, d)| d).unwrap_or("")
}

impl Composers {
    /// Provides the composers of the mail area (the drafts this tab held before a reload come
    /// back with the dock: [`Composers::restore`]).
    pub fn provide(
        client: JmapClient,
        mailboxes: Memo<Option<Mailboxes>>,
        inbox: Memo<Option<String>>,
        toasts: Toasts,
    ) -> Composers {
        let composers = Composers {
            entries: RwSignal::new(Vec::new()),
            saved_waiting: RwSignal::new(true),
            identities: RwSignal::new(None),
            client: StoredValue::new(client),
            mailboxes,
            toasts,
            inbox,
            known: RwSignal::new(None),
            known_asked: StoredValue::new(false),
        };
        provide_context(composers);
        composers
    }

    /// Takes back the messages this tab was writing before a reload, as bars offering to
    /// resume them.
    pub fn restore(&self) {
        if !self.saved_waiting.get_untracked() {
            return;
        }
        self.saved_waiting.set(false);
        let restored: Vec<Entry> = crate::platform::storage::open_drafts()
            .and_then(|json| serde_json::from_str::<Vec<Draft>>(&json).ok())
            .unwrap_or_default()
            .into_iter()
            .filter(|d| !d.is_blank())
            .map(|d| Entry::new(d, true))
            .collect();
        self.entries.update(|list| {
            for entry in restored {
                if !list.iter().any(|e| e.key == entry.key) {
                    list.push(entry);
                }
            }
        });
    }

    /// Keeps every open draft in `sessionStorage` (at each change).
    pub fn keep(&self) {
        let Some(drafts) = self.entries.try_with_untracked(|list| {
            list.iter().filter_map(|e| e.draft.try_get_untracked()).filter(|d| !d.is_blank()).collect::<Vec<_>>()
        }) else {
            return;
        };
        let json = (!drafts.is_empty()).then(|| serde_json::to_string(&drafts).unwrap_or_default());
        crate::platform::storage::save_open_drafts(json.as_deref());
    }

    /// Shows a new entry (the others are minimised: one panel open at a time, on a phone the
    /// whole screen).
    fn show(&self, draft: Draft) -> Entry {
        let entry = Entry::new(draft, false);
        self.entries.update(|list| {
            for other in list.iter() {
                other.minimised.set(true);
            }
            list.push(entry.clone());
        });
        // Kept in the tab by the composer once it shows it (with its identity).
        entry
    }

    /// Opens (restores) one entry and minimises the others.
    pub fn focus(&self, key: &str) {
        let _ = self.entries.try_with_untracked(|list| {
            for e in list {
                let mine = e.key == key;
                e.minimised.set(!mine);
                if mine {
                    e.restored.set(false);
                }
            }
        });
    }

    /// Takes an entry out of the dock (its draft stays in the Drafts folder if saved).
    pub fn remove(&self, key: &str) {
        let _ = self.entries.try_update(|list| list.retain(|e| e.key != key));
        self.keep();
    }

    /// "Nouveau message", filled from a `mailto:` link or another area when given.
    pub fn open_new(&self, fill: Option<Mailto>) {
        let username = self.client.with_value(|c| c.username().to_string());
        let mut draft = Draft::new(&random_hex(16), &new_message_id(domain_of(&username)));
        if let Some(m) = fill {
            draft.to = m.to;
            draft.cc = m.cc;
            draft.bcc = m.bcc;
            draft.subject = m.subject;
            draft.body = m.body;
        }
        // The identity and its signature come with the composer (`composer::Composer`).
        self.show(draft);
    }

    /// Répondre / Répondre à tous / Transférer the message `email_id`.
    pub fn open_answer(&self, answer: Answer, email_id: String, i18n: leptos_i18n::I18nContext<Locale>) {
        let composers = *self;
        let lang = crate::platform::lang::lang_of(i18n);
        leptos::task::spawn_local(async move {
            let Some(client) = composers.client.try_get_value() else { return };
            let (identities, original) =
                futures::join!(saving::identities(&client), saving::original(&client, &email_id));
            let Some(toasts) = composers.toasts() else { return };
            let identities = match identities {
                Ok(list) => list,
                Err(error) => return toasts.error(crate::ui::error_banner::describe(i18n, error).get_untracked()),
            };
            let _ = composers.identities.try_set(Some(Ok(identities.clone())));
            let original = match original {
                Ok(original) => original,
                Err(error) => return toasts.error(crate::ui::error_banner::describe(i18n, error).get_untracked()),
            };
            let domain = identities.first().map(|i| domain_of(&i.sender.email).to_string()).unwrap_or_default();
            let draft = facteur_compose::reply::answer_draft(
                answer,
                &original,
                &identities,
                lang,
                &random_hex(16),
                &new_message_id(&domain),
            );
            if composers.entries.try_with_untracked(|_| ()).is_some() {
                composers.show(draft);
            }
        });
    }

    /// Opens a draft of the Drafts folder in the composer (saving it again replaces it).
    pub fn open_saved(&self, email_id: String, i18n: leptos_i18n::I18nContext<Locale>) {
        let composers = *self;
        // Already open: show it.
        let open = self.entries.with_untracked(|list| {
            list.iter()
                .find(|e| e.draft.with_untracked(|d| d.email_id.as_deref() == Some(&email_id)))
                .map(|e| e.key.clone())
        });
        if let Some(key) = open {
            return self.focus(&key);
        }
        leptos::task::spawn_local(async move {
            let Some(client) = composers.client.try_get_value() else { return };
            let (identities, original) =
                futures::join!(saving::identities(&client), saving::original(&client, &email_id));
            let Some(toasts) = composers.toasts() else { return };
            let identities = identities.unwrap_or_default();
            let original = match original {
                Ok(original) => original,
                Err(error) => return toasts.error(crate::ui::error_banner::describe(i18n, error).get_untracked()),
            };
            let mut draft = Draft::new(&random_hex(16), &original.message_id.first().cloned().unwrap_or_default());
            draft.email_id = Some(original.id.clone());
            draft.to = original.to.clone();
            draft.cc = original.cc.clone();
            draft.subject = original.subject.clone();
            draft.body = original.text.clone();
            draft.in_reply_to = original.in_reply_to.clone();
            draft.references = original.references.clone();
            draft.attachments = original.attachments.clone();
            let sender = original.from.first().cloned();
            let identity = identities
                .iter()
                .find(|i| sender.as_ref().is_some_and(|s| s.email.eq_ignore_ascii_case(&i.sender.email)))
                .or(identities.first());
            if let Some(identity) = identity {
                draft.identity_id = Some(identity.id.clone());
                draft.from = Some(identity.sender.clone());
            }
            if draft.message_id.is_empty() {
                draft.message_id = new_message_id(sender.as_ref().map(|s| domain_of(&s.email)).unwrap_or(""));
            }
            let _ = composers.identities.try_set(Some(Ok(identities)));
            if composers.entries.try_with_untracked(|_| ()).is_some() {
                composers.show(draft);
            }
        });
    }

    /// Reads, once per session, the people the user wrote to or heard from (the first time a
    /// recipient field is used). A failure leaves the suggestions empty: typing still works.
    pub fn want_suggestions(&self) {
        if self.known_asked.get_value() {
            return;
        }
        let (Some(mailboxes), Some(inbox)) = (self.mailboxes.get_untracked(), self.inbox.get_untracked()) else {
            return;
        };
        self.known_asked.set_value(true);
        let composers = *self;
        leptos::task::spawn_local(async move {
            let Some(client) = composers.client.try_get_value() else { return };
            let (request, handle) = facteur_compose::suggest::request(client.mail_account(), &mailboxes.sent, &inbox);
            let own: Vec<String> = match composers.identities.try_get_untracked().flatten() {
                Some(Ok(list)) => list.iter().map(|i| i.sender.email.clone()).collect(),
                _ => vec![client.username().to_string()],
            };
            let known = match client.send(&request).await {
                Ok(response) => facteur_compose::suggest::read(&response, &handle, &own).ok(),
                Err(_) => None,
            };
            let _ = composers.known.try_set(Some(known.unwrap_or_default()));
        });
    }

    /// Runs `then` with the identities, asking the server for them the first time.
    pub fn with_identities(&self, then: impl FnOnce(Composers, Vec<SenderIdentity>) + 'static) {
        let composers = *self;
        if let Some(Ok(list)) = self.identities.get_untracked() {
            return then(composers, list);
        }
        leptos::task::spawn_local(async move {
            let Some(client) = composers.client.try_get_value() else { return };
            let answer = saving::identities(&client).await;
            if composers.identities.try_set(Some(answer.clone())).is_some() {
                return;
            }
            if let Ok(list) = answer {
                then(composers, list);
            }
        });
    }

    fn toasts(&self) -> Option<Toasts> {
        self.entries.try_with_untracked(|_| ())?;
        Some(self.toasts)
    }
}

pub use slot::{use_compose_requests, ComposeRequest, ComposerSlot};

/// The composers of the mail area.
pub fn use_composers() -> Composers {
    expect_context::<Composers>()
}

/// The Drafts and Sent folders, from the folders held.
pub fn mailboxes_of(folders: &[facteur_mail::mailbox::Folder]) -> Option<Mailboxes> {
    let find = |role: &str| folders.iter().find(|f| f.role.as_deref() == Some(role)).map(|f| f.id.clone());
    Some(Mailboxes { drafts: find("drafts")?, sent: find("sent")? })
}
