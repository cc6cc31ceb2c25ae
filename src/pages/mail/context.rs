//! What the mail screen's parts share: the client, the folders, and local changes not yet
//! reflected by a reload (read state set from the reading pane).

use crate::core::jmap_client::{CallError, JmapClient};
use facteur_logic::mailbox::Folder;
use facteur_logic::message::MessageSummary;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// What live updates hold: the account's states and the open list's query state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LiveStates {
    /// Email and mailbox states.
    pub account: facteur_logic::live::States,
    /// The open list's query state.
    pub query: Option<String>,
    /// The open list's mailbox.
    pub mailbox_id: Option<String>,
    /// Whether the open list is threaded.
    pub threaded: bool,
}

/// Provided by the mail shell.
#[derive(Clone)]
pub struct MailContext {
    /// The signed-in client.
    pub client: JmapClient,
    /// All folders (refetch after changing counts).
    pub folders: LocalResource<Result<Vec<Folder>, CallError>>,
    /// Loading the open folder's first page (`Some(())` once its rows are in `rows`).
    pub page: LocalResource<Result<Option<()>, CallError>>,
    /// The rows of the open folder, kept up to date by live updates.
    pub rows: RwSignal<Vec<MessageSummary>>,
    /// The states live updates ask for changes from.
    pub states: RwSignal<LiveStates>,
    /// Email id → `$seen`, changed here since the list was loaded.
    pub seen: RwSignal<HashMap<String, bool>>,
    /// Email id → `$flagged`, changed here since the list was loaded.
    pub flagged: RwSignal<HashMap<String, bool>>,
    /// Emails moved out of the list here (shown again if the server refuses, or on undo).
    pub hidden: RwSignal<HashSet<String>>,
    /// One row per conversation (else per message).
    pub threaded: RwSignal<bool>,
    /// The open folder's address component (`inbox`, or an id).
    pub slug: Memo<String>,
}

/// The mail context.
pub fn use_mail() -> MailContext {
    expect_context::<MailContext>()
}

impl MailContext {
    /// The folder with this role, if the account has one.
    pub fn folder_with_role(&self, role: &str) -> Option<Folder> {
        self.folders.get()?.ok()?.into_iter().find(|f| f.role.as_deref() == Some(role))
    }

    /// The folder at this address component.
    pub fn folder_by_slug(&self, slug: &str) -> Option<Folder> {
        self.folders.get()?.ok()?.into_iter().find(|f| f.slug() == slug)
    }

    /// Shows rows again (a refused move, an undo).
    pub fn unhide(&self, ids: &[String]) {
        let _ = self.hidden.try_update(|hidden| {
            for id in ids {
                hidden.remove(id);
            }
        });
    }

    /// The rows of the list as shown (without those moved away here), in order.
    pub fn visible_rows(&self) -> Vec<MessageSummary> {
        let hidden = self.hidden.get();
        self.rows.with(|rows| rows.iter().filter(|r| !hidden.contains(&r.id)).cloned().collect())
    }
}
