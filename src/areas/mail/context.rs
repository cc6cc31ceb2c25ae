//! What the mail area's parts share: the client, the account's mail as the app holds it (one
//! `facteur_kit::store::Store`: folders, rows, the open list, pending changes — kept current by
//! the sync engine in `live`), which list is open, the selection, and local changes not yet
//! reflected by the server (read state set from the reading pane).

use crate::platform::jmap_client::{CallError, JmapClient};
use facteur_kit::list_state::{ListState, Selection};
use facteur_kit::pending::{ChangeId, ChangeRequest};
use facteur_kit::store::Store;
use facteur_mail::mailbox::Folder;
use facteur_mail::message::MessageSummary;
use leptos::prelude::*;

/// Which list is open: its mailbox, one row per conversation or per message, and the search
/// the rows are the results of (`None`: the folder's rows).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenList {
    /// The open list's mailbox.
    pub mailbox_id: Option<String>,
    /// Whether the open list is threaded.
    pub threaded: bool,
    /// The search the rows are the results of (`None`: the folder's rows).
    pub search: Option<facteur_mail::search::SearchQuery>,
}

/// The account's folders: loaded whole with the storage use (one request, again on
/// [`Folders::refetch`]), then kept current by the sync engine; read from the store.
#[derive(Clone, Copy)]
pub struct Folders {
    /// The folders held, as they change.
    list: Memo<Vec<Folder>>,
    /// The whole load (`Err`: it failed; the folders held stay).
    load: LocalResource<Result<(), CallError>>,
}

impl Folders {
    /// Folders read from `store` once `load` has put them in.
    pub fn new(store: RwSignal<Store, LocalStorage>, load: LocalResource<Result<(), CallError>>) -> Self {
        let list = Memo::new(move |_| {
            store.with(|s| {
                // Those held and those a pending change creates, less those it destroys.
                let mut list: Vec<Folder> =
                    s.ids::<Folder>().iter().filter_map(|id| s.get::<Folder>(id)).map(|f| f.into_owned()).collect();
                list.sort_by(|a, b| a.id.cmp(&b.id));
                list
            })
        });
        Folders { list, load }
    }

    fn read(
        &self,
        loaded: Option<Result<(), CallError>>,
        list: impl FnOnce() -> Vec<Folder>,
    ) -> Option<Result<Vec<Folder>, CallError>> {
        match loaded? {
            Ok(()) => Some(Ok(list())),
            Err(e) => Some(Err(e)),
        }
    }

    /// The folders (`None` before the first load; `Err` when the last load failed), tracked.
    pub fn get(&self) -> Option<Result<Vec<Folder>, CallError>> {
        self.read(self.load.get(), || self.list.get())
    }

    /// The folders, untracked.
    pub fn get_untracked(&self) -> Option<Result<Vec<Folder>, CallError>> {
        self.read(self.load.get_untracked(), || self.list.get_untracked())
    }

    /// The folders, untracked; `None` once the mail area is gone.
    pub fn try_get_untracked(&self) -> Option<Option<Result<Vec<Folder>, CallError>>> {
        let loaded = self.load.try_get_untracked()?;
        let list = self.list.try_get_untracked()?;
        Some(self.read(loaded, || list))
    }

    /// Tracks the folders: a reader runs again when they change or are loaded again.
    pub fn track(&self) {
        self.load.track();
        self.list.track();
    }

    /// Loads every folder (and the storage use) again, now.
    pub fn refetch(&self) {
        self.load.refetch();
    }
}

/// Provided by the mail shell. `Copy`: every field is a handle into Leptos' arena, so handlers
/// and tasks take the context by value (read it before the first `.await` of a task: after
/// the screen is gone its handles are disposed).
#[derive(Clone, Copy)]
pub struct MailContext {
    /// The signed-in client (see [`MailContext::client`]).
    pub client_handle: StoredValue<JmapClient>,
    /// The account's mail as the app holds it: folders, rows by id, the open list's ids by
    /// position (sparse: pages load as the user scrolls), pending changes; kept current by the
    /// sync engine (`live`). Screens read it; they keep no copy of server data.
    pub store: RwSignal<Store, LocalStorage>,
    /// The store key of the open list's query (`None` before its first page).
    pub list_key: RwSignal<Option<String>>,
    /// All folders (refetch after changing counts).
    pub folders: Folders,
    /// Loading the open folder's first page (`Some(())` once it is in the store); refetch to
    /// load the list again from the top.
    pub page: LocalResource<Result<Option<()>, CallError>>,
    /// The rows the user selected (checkboxes, shift-click, all in the folder).
    pub selection: RwSignal<Selection>,
    /// The position of the row the keyboard is on (j/k), kept in view by the list.
    pub cursor: RwSignal<Option<usize>>,
    /// An action on a whole folder is under way: pages are not loaded until it is done.
    pub bulk_busy: RwSignal<bool>,
    /// The pending changes of that action: once none waits any more, the list loads again
    /// from the top (`live`).
    pub bulk_changes: StoredValue<Vec<ChangeId>>,
    /// What is being dragged (rows of the list), for the folders to accept it.
    pub dragging: RwSignal<Option<crate::areas::mail::targets::EmailTarget>>,
    /// Which list is open.
    pub open_list: RwSignal<OpenList>,
    /// The session's change feed: [`MailContext::change`] asks it for a round at once, which
    /// sends the pending changes.
    pub feed: crate::platform::changes::ChangeFeed,
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

    /// Reads the open list as shown (without the rows a pending move or delete takes out of it;
    /// an empty one before its first page), tracked.
    pub fn with_list<T>(&self, f: impl FnOnce(&ListState) -> T) -> T {
        let key = self.list_key.get();
        self.store.with(|s| read_list(s, key.as_deref(), f))
    }

    /// Reads the open list, untracked.
    pub fn with_list_untracked<T>(&self, f: impl FnOnce(&ListState) -> T) -> T {
        let key = self.list_key.get_untracked();
        self.store.with_untracked(|s| read_list(s, key.as_deref(), f))
    }

    /// A row as shown (the server's version with the pending changes), tracked.
    pub fn row(&self, id: &str) -> Option<MessageSummary> {
        self.store.with(|s| s.get::<MessageSummary>(id).map(|r| r.into_owned()))
    }

    /// A row as shown, untracked.
    pub fn row_untracked(&self, id: &str) -> Option<MessageSummary> {
        self.store.with_untracked(|s| s.get::<MessageSummary>(id).map(|r| r.into_owned()))
    }

    /// A folder as shown (the server's version with the pending changes), untracked.
    pub fn folder_by_id(&self, id: &str) -> Option<Folder> {
        self.store.try_with_untracked(|s| s.get::<Folder>(id).map(|f| f.into_owned())).flatten()
    }

    /// The loaded row at a position of the list (untracked).
    pub fn row_at(&self, position: usize) -> Option<MessageSummary> {
        let id = self.with_list_untracked(|l| l.id_at(position).map(str::to_string))?;
        self.row_untracked(&id)
    }

    /// The position of the loaded row of a conversation (untracked).
    pub fn position_of_thread(&self, thread_id: &str) -> Option<usize> {
        let key = self.list_key.get_untracked();
        self.store.with_untracked(|s| {
            read_list(s, key.as_deref(), |l| {
                l.loaded()
                    .find(|(_, id)| s.get::<MessageSummary>(id).is_some_and(|r| r.thread_id == thread_id))
                    .map(|(p, _)| p)
            })
        })
    }

    /// Changes emails at once on screen and, with the next round of the sync engine (asked for
    /// now), on the server: pending changes of the store, rolled back with a message in words
    /// if the server refuses (`live`).
    pub fn change_emails(&self, ids: &[String], patch: facteur_jmap::PatchObject) {
        self.queue_emails(ids, |chunk| {
            ChangeRequest::new("Email").update_all(chunk.iter().map(String::as_str), patch.clone())
        });
        self.feed.retry_now();
    }

    /// Queues changes of emails, at most `maxObjectsInSet` in each (one `Email/set` each),
    /// without asking for a round: shown at once, sent with the next one. Each change queued,
    /// with the emails it touches.
    pub fn queue_emails(
        &self,
        ids: &[String],
        request: impl Fn(&[String]) -> ChangeRequest,
    ) -> Vec<(ChangeId, Vec<String>)> {
        if ids.is_empty() {
            return Vec::new();
        }
        let per_set = self.client().limits().max_set.max(1);
        self.store
            .try_update(|s| {
                ids.chunks(per_set).filter_map(|chunk| Some((s.change(request(chunk)).ok()?, chunk.to_vec()))).collect()
            })
            .unwrap_or_default()
    }

    /// The account's Email state the store holds (untracked).
    pub fn email_state(&self) -> Option<String> {
        self.store.try_with_untracked(|s| s.state("Email").map(str::to_string)).flatten()
    }
}

/// `f` of the list `key` in `store`, or of an empty list.
fn read_list<T>(store: &Store, key: Option<&str>, f: impl FnOnce(&ListState) -> T) -> T {
    match key.and_then(|k| store.visible_query(k)) {
        Some(list) => f(&list),
        None => f(&ListState::new()),
    }
}
