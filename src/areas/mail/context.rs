//! What the mail screen's parts share: the client, the folders, the open list (ids by
//! position, rows by id, selection) and local changes not yet reflected by a reload (read
//! state set from the reading pane).

use crate::platform::jmap_client::{CallError, JmapClient};
use facteur_kit::list_state::{ListState, Selection};
use facteur_mail::mailbox::Folder;
use facteur_mail::message::MessageSummary;
use leptos::prelude::*;
use std::collections::HashMap;

/// What live updates hold: the account's states and the open list's query state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LiveStates {
    /// Email and mailbox states.
    pub account: facteur_mail::live::States,
    /// The open list's query state.
    pub query: Option<String>,
    /// The open list's mailbox.
    pub mailbox_id: Option<String>,
    /// Whether the open list is threaded.
    pub threaded: bool,
    /// The search the rows are the results of (`None`: the folder's rows).
    pub search: Option<facteur_mail::search::SearchQuery>,
}

/// Provided by the mail shell. `Copy`: every field is a handle into Leptos' arena, so handlers
/// and tasks take the context by value (read it before the first `.await` of a task: after
/// the screen is gone its handles are disposed).
#[derive(Clone, Copy)]
pub struct MailContext {
    /// The signed-in client (see [`MailContext::client`]).
    pub client_handle: StoredValue<JmapClient>,
    /// All folders (refetch after changing counts).
    pub folders: LocalResource<Result<Vec<Folder>, CallError>>,
    /// Loading the open folder's first page (`Some(())` once it is in `list`); refetch to
    /// load the list again from the top.
    pub page: LocalResource<Result<Option<()>, CallError>>,
    /// The open list: which email id is at which position (sparse: pages load as the user
    /// scrolls), kept up to date by live updates.
    pub list: RwSignal<ListState>,
    /// The rows loaded so far, by email id.
    pub rows: RwSignal<HashMap<String, MessageSummary>>,
    /// The rows the user selected (checkboxes, shift-click, all in the folder).
    pub selection: RwSignal<Selection>,
    /// The position of the row the keyboard is on (j/k), kept in view by the list.
    pub cursor: RwSignal<Option<usize>>,
    /// An action on a whole folder is under way: pages are not loaded until it is done.
    pub bulk_busy: RwSignal<bool>,
    /// What is being dragged (rows of the list), for the folders to accept it.
    pub dragging: RwSignal<Option<crate::areas::mail::targets::EmailTarget>>,
    /// The states live updates ask for changes from.
    pub states: RwSignal<LiveStates>,
    /// Email id → `$seen`, changed here since the list was loaded.
    pub seen: RwSignal<HashMap<String, bool>>,
    /// Email id → `$flagged`, changed here since the list was loaded.
    pub flagged: RwSignal<HashMap<String, bool>>,
    /// One row per conversation (else per message).
    pub threaded: RwSignal<bool>,
    /// The open folder's address component (`inbox`, or an id).
    pub slug: Memo<String>,
    /// The search in the address, if any, and its highlights.
    pub search: crate::areas::mail::search::search_results::SearchState,
    /// Conversations fetched before they are opened (see `prefetch`).
    pub prefetched:
        StoredValue<facteur_kit::prefetch::Prefetched<crate::areas::mail::reading::prefetch::Loading>, LocalStorage>,
}

/// The mail context.
pub fn use_mail() -> MailContext {
    expect_context::<MailContext>()
}

impl MailContext {
    /// The signed-in client (cheap: a shared pointer). Call it before the first `.await` of a
    /// task and keep the result: after the mail screen is gone the handle is disposed.
    pub fn client(&self) -> JmapClient {
        self.client_handle.get_value()
    }

    /// The folder with this role, if the account has one.
    pub fn folder_with_role(&self, role: &str) -> Option<Folder> {
        self.folders.get()?.ok()?.into_iter().find(|f| f.role.as_deref() == Some(role))
    }

    /// The folder at this address component.
    pub fn folder_by_slug(&self, slug: &str) -> Option<Folder> {
        self.folders.get()?.ok()?.into_iter().find(|f| f.slug() == slug)
    }

    /// The open folder (untracked).
    pub fn current_folder(&self) -> Option<Folder> {
        self.folder_by_slug(&self.slug.get_untracked())
    }

    /// The loaded row at a position of the list (untracked).
    pub fn row_at(&self, position: usize) -> Option<MessageSummary> {
        let id = self.list.with_untracked(|l| l.id_at(position).map(str::to_string))?;
        self.rows.with_untracked(|rows| rows.get(&id).cloned())
    }

    /// The position of the loaded row of a conversation (untracked).
    pub fn position_of_thread(&self, thread_id: &str) -> Option<usize> {
        self.rows.with_untracked(|rows| {
            self.list.with_untracked(|l| {
                l.loaded().find(|(_, id)| rows.get(*id).is_some_and(|r| r.thread_id == thread_id)).map(|(p, _)| p)
            })
        })
    }
}
