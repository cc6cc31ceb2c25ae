//! The local copy of one JMAP account: for each registered type (`Email`, `Mailbox`, later
//! `CalendarEvent`…) the objects held by id with the type's `state`, the open queries (each a
//! [`ListState`] with the query it answers), and the queue of pending changes shown over the
//! server's version. [`crate::sync`] keeps it current in one request per round.
//!
//! Memory is bounded: each type has a capacity, and beyond it the objects least recently read
//! are evicted, except those shown (in the window of an open query), pinned (an open
//! conversation) or touched by a pending change. Scrolling through a folder of 100,000 mails
//! therefore holds about the capacity, not the folder.
//!
//! A domain crate chooses the record of each type ([`Record`]: its id, how it comes from the
//! `facteur_jmap` object, which properties to ask, what to ask with each of its `/get`:
//! [`Record::extend_get`], e.g. the `Thread/get` that gives a row its conversation's size) and
//! registers it; screens read through [`Store::get`] and [`Store::visible_query`], which apply
//! the pending changes.
//!
//! What a domain loads with its own requests goes in too: objects with [`Store::insert`] (and
//! the type's state with [`Store::set_state`] when none is held), a query page with
//! [`Store::apply_page`] or [`Store::apply_query_response`]; far rows leave with
//! [`Store::forget_outside`] or [`Store::forget`]. Optimistic changes are pending changes
//! ([`Store::change`]), never edits of a query's list ([`Store::query_mut`] is for window
//! management).
//!
//! ```
//! use facteur_jmap::{Email, EmailQuery};
//! use facteur_kit::store::{Record, Store, TypeOptions};
//! use serde::{Deserialize, Serialize};
//!
//! /// A row of the message list, as the domain crate keeps it.
//! #[derive(Clone, Debug, Serialize, Deserialize)]
//! #[serde(transparent)]
//! struct Row(Email);
//! impl Record for Row {
//!     type Object = Email;
//!     fn id(&self) -> &str { self.0.id.as_deref().unwrap_or_default() }
//!     fn from_object(email: Email) -> Option<Self> { email.id.is_some().then_some(Row(email)) }
//!     fn properties() -> Option<Vec<String>> { Some(vec!["id".into(), "keywords".into(), "subject".into()]) }
//! }
//!
//! let mut store = Store::new("A1");
//! store.register::<Row>(TypeOptions { capacity: 500, load_all: false });
//! store.open_query::<Row>("inbox", EmailQuery::new("A1"), 50);
//! assert!(store.query("inbox").unwrap().query_state().is_none(), "its first page comes with the next sync");
//! assert_eq!(store.state("Email"), None);
//! ```

use crate::list_state::ListState;
use crate::pending::{inverse_json_patch, ChangeId, ChangeRequest, Edit, PendingError, PendingQueue};
use crate::small_map::SmallMap;
use facteur_jmap::{CallHandle, Get, JmapObject, PatchObject, Query, QueryResponse, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::any::Any;
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// What a domain crate keeps of one JMAP type: one record per object, with its id.
///
/// The record's serde form is what [`Persistence`] saves. Patches (pending changes) are applied
/// to it through its serde form by default, which suits records shaped like the JMAP object
/// (`{"keywords": {"$seen": true}}`); a record shaped otherwise (`unread: bool`) overrides
/// [`Record::apply_patch`] and [`Record::inverse_patch`].
pub trait Record: Clone + Serialize + DeserializeOwned + 'static {
    /// The JMAP type it comes from (its `NAME` is the type name: `Email`…).
    type Object: JmapObject<Filter: Clone, QueryArgs: Clone> + Clone;
    /// Its id.
    fn id(&self) -> &str;
    /// The record of an object the server sent (`None`: not usable, e.g. without an id).
    fn from_object(object: Self::Object) -> Option<Self>;
    /// The properties to ask in `/get` (`None`: all).
    fn properties() -> Option<Vec<String>> {
        None
    }
    /// Applies a JMAP patch (RFC 8620 §5.3) to the record.
    fn apply_patch(&mut self, patch: &PatchObject) {
        if let Ok(mut json) = serde_json::to_value(&*self) {
            crate::pending::apply_json_patch(&mut json, patch);
            if let Ok(patched) = serde_json::from_value(json) {
                *self = patched;
            }
        }
    }
    /// The patch that puts back what `patch` changes.
    fn inverse_patch(&self, patch: &PatchObject) -> PatchObject {
        let json = serde_json::to_value(self).unwrap_or_default();
        inverse_json_patch(&json, patch)
    }
    /// Calls to send right after each `<Type>/get` the sync engine plans of this record's type
    /// (of `/changes` created and updated, of a query's `/added/*/id` or `/ids`, of a reload, of
    /// objects fetched by id), usually by back-reference to that get: a message list row asks
    /// `Thread/get` of `{resultOf: get.id, name: "Email/get", path: "/list/*/threadId"}` to know
    /// its conversation's size, a search row `SearchSnippet/get`. Returns what
    /// [`Record::read_extension`] needs to read their answers (their [`CallHandle`]s), or `None`
    /// (the default) when it adds nothing. A back-referenced property must be among
    /// [`Record::properties`].
    fn extend_get(
        _builder: &mut RequestBuilder,
        _account: &str,
        _get: &CallHandle<Get<Self::Object>>,
    ) -> Option<Box<dyn Any>> {
        None
    }
    /// Completes the records read from one planned `<Type>/get`, before they are stored, with
    /// the answers to the calls [`Record::extend_get`] added after it (`extension` is what it
    /// returned). A call answered with an error, or not answered, leaves the records as
    /// [`Record::from_object`] made them: the default does nothing.
    fn read_extension(_records: &mut [Self], _extension: Box<dyn Any>, _response: &Response) {}
}

/// How a type is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeOptions {
    /// At most this many objects beyond those shown, pinned or pending.
    pub capacity: usize,
    /// Fetch every object of the type (`/get` with `ids: null`) when nothing is held yet or on a
    /// reload: small types such as `Mailbox`. Otherwise objects come with query pages.
    pub load_all: bool,
}

struct Held<R> {
    record: R,
    used: Cell<u64>,
}

/// The objects held of one type (the server's versions), with the type's state.
pub struct TypeStore<R> {
    state: Option<String>,
    records: HashMap<String, Held<R>>,
    capacity: usize,
    pinned: HashSet<String>,
    clock: Cell<u64>,
    reload: bool,
}

impl<R: Record> TypeStore<R> {
    /// Empty, holding at most `capacity` objects that are not protected.
    pub fn new(capacity: usize) -> Self {
        TypeStore {
            state: None,
            records: HashMap::new(),
            capacity,
            pinned: HashSet::new(),
            clock: Cell::new(0),
            reload: false,
        }
    }
    /// The state of the objects held (`None`: never fetched).
    pub fn state(&self) -> Option<&str> {
        self.state.as_deref()
    }
    /// The server's version of one object; counts as a use for eviction.
    pub fn get(&self, id: &str) -> Option<&R> {
        let held = self.records.get(id)?;
        let now = self.clock.get() + 1;
        self.clock.set(now);
        held.used.set(now);
        Some(&held.record)
    }
    /// Whether the object is held.
    pub fn contains(&self, id: &str) -> bool {
        self.records.contains_key(id)
    }
    /// How many objects are held.
    pub fn len(&self) -> usize {
        self.records.len()
    }
    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
    /// The ids held, in no order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.records.keys().map(String::as_str)
    }
    /// The capacity.
    pub fn capacity(&self) -> usize {
        self.capacity
    }
    /// Whether the next sync re-fetches the held objects (the server could not tell what changed).
    pub fn needs_reload(&self) -> bool {
        self.reload
    }
    /// Pinned ids are never evicted.
    pub fn pinned(&self) -> &HashSet<String> {
        &self.pinned
    }

    pub(crate) fn set_state(&mut self, state: Option<String>) {
        self.state = state;
    }
    pub(crate) fn set_reload(&mut self, reload: bool) {
        self.reload = reload;
    }
    pub(crate) fn pin(&mut self, id: &str, pinned: bool) {
        if pinned {
            self.pinned.insert(id.into());
        } else {
            self.pinned.remove(id);
        }
    }
    pub(crate) fn insert(&mut self, record: R) {
        let now = self.clock.get() + 1;
        self.clock.set(now);
        self.records.insert(record.id().to_string(), Held { record, used: Cell::new(now) });
    }
    pub(crate) fn remove(&mut self, id: &str) -> bool {
        self.records.remove(id).is_some()
    }
    pub(crate) fn get_mut(&mut self, id: &str) -> Option<&mut R> {
        self.records.get_mut(id).map(|held| &mut held.record)
    }
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.records.retain(|id, _| keep(id));
    }
    /// Evicts the least recently used objects beyond the capacity, never those `protected` or
    /// pinned; returns the evicted ids.
    pub(crate) fn trim(&mut self, protected: &HashSet<&str>) -> Vec<String> {
        if self.records.len() <= self.capacity {
            return Vec::new();
        }
        let mut candidates: Vec<(u64, String)> = self
            .records
            .iter()
            .filter(|(id, _)| !protected.contains(id.as_str()) && !self.pinned.contains(*id))
            .map(|(id, held)| (held.used.get(), id.clone()))
            .collect();
        candidates.sort();
        let excess = self.records.len() - self.capacity;
        let evicted: Vec<String> = candidates.into_iter().take(excess).map(|(_, id)| id).collect();
        for id in &evicted {
            self.records.remove(id);
        }
        evicted
    }
}

/// An open query: what it asks (for `/queryChanges`), its ids by position, the rows shown.
pub(crate) struct OpenQuery<O: JmapObject> {
    /// The query (filter, sort, type-specific arguments, page size as `limit`).
    pub query: Query<O>,
    /// Its ids by position, query state and `canCalculateChanges`.
    pub list: ListState,
    /// The positions shown: their objects are not evicted.
    pub window: Range<usize>,
    /// How many ids a page asks.
    pub page_size: u32,
    pub(crate) reload: bool,
    /// The sync engine follows the query's changes (`false`: results shown as found, e.g. a
    /// search: only the domain loads its pages).
    pub(crate) follow: bool,
}

impl<O: JmapObject> OpenQuery<O> {
    /// Whether the next sync asks its first page again (the server could not tell what changed).
    pub fn needs_reload(&self) -> bool {
        self.follow && (self.reload || self.list.query_state().is_none())
    }
}

/// One registered type: its objects and its open queries.
pub(crate) struct Slot<R: Record> {
    pub(crate) records: TypeStore<R>,
    pub(crate) queries: SmallMap<String, OpenQuery<R::Object>>,
    pub(crate) load_all: bool,
    /// The type's sync and persistence code, reached through these pointers only, so that an
    /// app can register a type without linking that code (it sits in a part loaded later:
    /// [`crate::sync::enable`], [`Store::enable_persistence`]).
    pub(crate) faces: Faces<R>,
}

/// See [`Slot::faces`].
pub(crate) struct Faces<R: Record> {
    pub(crate) sync: Option<SyncFace<R>>,
    pub(crate) persist: Option<PersistFace<R>>,
}

/// The sync face of a slot.
pub(crate) type SyncFace<R> =
    (fn(&Slot<R>) -> &dyn crate::sync::SyncSlot, fn(&mut Slot<R>) -> &mut dyn crate::sync::SyncSlot);
/// The persistence face of a slot.
pub(crate) type PersistFace<R> =
    (fn(&Slot<R>) -> SavedType, fn(&mut Slot<R>, SavedType) -> Result<(), serde_json::Error>);

impl<R: Record> Slot<R> {
    /// The ids that must stay: shown in a query window or touched by a pending change.
    pub(crate) fn protected<'a>(&'a self, pending: &'a PendingQueue) -> HashSet<&'a str> {
        let mut ids = pending.touched(<R::Object as JmapObject>::NAME);
        for open in self.queries.values() {
            ids.extend(open.list.window(open.window.clone()).into_iter().filter_map(|(_, id)| id));
        }
        ids
    }
    pub(crate) fn trim(&mut self, pending: &PendingQueue) -> Vec<String> {
        let protected: HashSet<String> = self.protected(pending).into_iter().map(String::from).collect();
        self.records.trim(&protected.iter().map(String::as_str).collect())
    }
    /// Drops the held objects `ids` but those protected (shown, pinned, pending); returns the
    /// ids dropped.
    pub(crate) fn forget(&mut self, ids: &[String], pending: &PendingQueue) -> Vec<String> {
        let protected: HashSet<String> = self.protected(pending).into_iter().map(String::from).collect();
        let dropped: Vec<String> = ids
            .iter()
            .filter(|id| !protected.contains(*id) && !self.records.pinned.contains(*id))
            .filter(|id| self.records.records.contains_key(*id))
            .cloned()
            .collect();
        for id in &dropped {
            self.records.remove(id);
        }
        dropped
    }
    /// The object as shown: the server's version, then every pending change in order.
    pub(crate) fn view<'a>(&'a self, id: &str, pending: &PendingQueue) -> Option<Cow<'a, R>> {
        let mut record = self.records.get(id).map(Cow::Borrowed);
        for change in pending.for_object(<R::Object as JmapObject>::NAME, id) {
            match &change.edits[id] {
                Edit::Destroy => record = None,
                Edit::Create(object) => {
                    record = record.or_else(|| created::<R>(id, object).map(Cow::Owned));
                }
                Edit::Update(patch) => {
                    if let Some(r) = record.as_mut() {
                        r.to_mut().apply_patch(patch);
                    }
                }
            }
        }
        record
    }
}

/// The record of an object a pending change creates: its properties with `id` as its id.
pub(crate) fn created<R: Record>(id: &str, object: &serde_json::Value) -> Option<R> {
    let mut object = object.clone();
    object.as_object_mut()?.insert("id".into(), serde_json::Value::String(id.into()));
    R::from_object(serde_json::from_value(object).ok()?)
}

/// The type-erased face of a [`Slot`], so one store holds records of several types.
pub(crate) trait AnySlot {
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn name(&self) -> &'static str;
    fn state(&self) -> Option<&str>;
    fn needs_reload(&self) -> bool;
    fn len(&self) -> usize;
    fn query_list(&self, key: &str) -> Option<&ListState>;
    fn query_needs_reload(&self, key: &str) -> Option<bool>;
    fn query_list_mut(&mut self, key: &str) -> Option<&mut ListState>;
    fn load_page(&mut self, key: &str, load: &mut dyn FnMut(&mut ListState) -> bool) -> Option<bool>;
    fn forget_outside(
        &mut self,
        key: &str,
        keep: Range<usize>,
        kept: &dyn Fn(&str) -> bool,
        pending: &PendingQueue,
    ) -> Vec<String>;
    fn set_state_if_none(&mut self, state: &str) -> bool;
    fn set_window(&mut self, key: &str, window: Range<usize>, pending: &PendingQueue);
    fn close_query(&mut self, key: &str) -> bool;
    fn trim(&mut self, pending: &PendingQueue) -> Vec<String>;
    fn inverse(&self, id: &str, patch: &PatchObject, pending: &PendingQueue) -> Option<PatchObject>;
    fn save(&self) -> Option<SavedType>;
    fn load(&mut self, saved: SavedType) -> Result<(), serde_json::Error>;
    fn sync(&self) -> Option<&dyn crate::sync::SyncSlot>;
    fn sync_mut(&mut self) -> Option<&mut dyn crate::sync::SyncSlot>;
}

impl<R: Record> AnySlot for Slot<R> {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn name(&self) -> &'static str {
        <R::Object as JmapObject>::NAME
    }
    fn state(&self) -> Option<&str> {
        self.records.state()
    }
    fn needs_reload(&self) -> bool {
        self.records.needs_reload()
    }
    fn len(&self) -> usize {
        self.records.len()
    }
    fn query_list(&self, key: &str) -> Option<&ListState> {
        self.queries.get(key).map(|q| &q.list)
    }
    fn query_needs_reload(&self, key: &str) -> Option<bool> {
        self.queries.get(key).map(OpenQuery::needs_reload)
    }
    fn query_list_mut(&mut self, key: &str) -> Option<&mut ListState> {
        self.queries.get_mut(key).map(|q| &mut q.list)
    }
    fn load_page(&mut self, key: &str, load: &mut dyn FnMut(&mut ListState) -> bool) -> Option<bool> {
        let open = self.queries.get_mut(key)?;
        let before = open.list.query_state().map(String::from);
        let reset = load(&mut open.list);
        if open.list.query_state() != before.as_deref() {
            // The list is whole again at a state the server gave: no first page to ask.
            open.reload = false;
        }
        Some(reset)
    }
    fn forget_outside(
        &mut self,
        key: &str,
        keep: Range<usize>,
        kept: &dyn Fn(&str) -> bool,
        pending: &PendingQueue,
    ) -> Vec<String> {
        let Some(open) = self.queries.get_mut(key) else { return Vec::new() };
        let forgotten = open.list.forget_outside(keep, kept);
        self.forget(&forgotten, pending);
        forgotten
    }
    fn set_state_if_none(&mut self, state: &str) -> bool {
        let unset = self.records.state().is_none();
        if unset {
            self.records.set_state(Some(state.into()));
        }
        unset
    }
    fn set_window(&mut self, key: &str, window: Range<usize>, pending: &PendingQueue) {
        if let Some(open) = self.queries.get_mut(key) {
            open.window = window;
        }
        self.trim(pending);
    }
    fn close_query(&mut self, key: &str) -> bool {
        self.queries.remove(key).is_some()
    }
    fn trim(&mut self, pending: &PendingQueue) -> Vec<String> {
        Slot::trim(self, pending)
    }
    fn inverse(&self, id: &str, patch: &PatchObject, pending: &PendingQueue) -> Option<PatchObject> {
        self.view(id, pending).map(|record| record.inverse_patch(patch))
    }
    fn save(&self) -> Option<SavedType> {
        self.faces.persist.map(|(save, _)| save(self))
    }
    fn load(&mut self, saved: SavedType) -> Result<(), serde_json::Error> {
        match self.faces.persist {
            Some((_, load)) => load(self, saved),
            None => Ok(()),
        }
    }
    fn sync(&self) -> Option<&dyn crate::sync::SyncSlot> {
        self.faces.sync.map(|(face, _)| face(self))
    }
    fn sync_mut(&mut self) -> Option<&mut dyn crate::sync::SyncSlot> {
        match self.faces.sync {
            Some((_, face)) => Some(face(self)),
            None => None,
        }
    }
}

impl<R: Record> Slot<R> {
    /// What the store keeps of this type between sessions.
    fn saved(&self) -> SavedType {
        let mut records: Vec<(&str, serde_json::Value)> = self
            .records
            .records
            .iter()
            .filter_map(|(id, held)| Some((id.as_str(), serde_json::to_value(&held.record).ok()?)))
            .collect();
        records.sort_by(|a, b| a.0.cmp(b.0));
        SavedType { state: self.records.state.clone(), records: records.into_iter().map(|(_, r)| r).collect() }
    }
    /// Takes back what [`Slot::saved`] kept.
    fn restore(&mut self, saved: SavedType) -> Result<(), serde_json::Error> {
        let records: Vec<R> = saved.records.into_iter().map(serde_json::from_value).collect::<Result<_, _>>()?;
        self.records.set_state(saved.state);
        for record in records {
            self.records.insert(record);
        }
        Ok(())
    }
}

/// What [`Persistence`] keeps of one type: its state and the records held (their serde form).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedType {
    /// The type's state.
    pub state: Option<String>,
    /// The records, in id order.
    pub records: Vec<serde_json::Value>,
}

/// Where the store is kept between sessions (IndexedDB in the browser): records and states
/// saved per type, and the pending queue.
pub trait Persistence {
    /// What was saved of a type of an account.
    fn load_type(&self, account_id: &str, type_name: &str) -> Option<SavedType>;
    /// Saves a type of an account (replacing what was saved).
    fn save_type(&mut self, account_id: &str, type_name: &str, saved: SavedType);
    /// The pending queue saved for an account.
    fn load_pending(&self, account_id: &str) -> Option<PendingQueue>;
    /// Saves the pending queue of an account.
    fn save_pending(&mut self, account_id: &str, queue: &PendingQueue);
}

/// [`Persistence`] in memory (tests, and a session without storage).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemoryPersistence {
    types: BTreeMap<(String, String), SavedType>,
    pending: BTreeMap<String, PendingQueue>,
}

impl Persistence for MemoryPersistence {
    fn load_type(&self, account_id: &str, type_name: &str) -> Option<SavedType> {
        self.types.get(&(account_id.to_string(), type_name.to_string())).cloned()
    }
    fn save_type(&mut self, account_id: &str, type_name: &str, saved: SavedType) {
        self.types.insert((account_id.to_string(), type_name.to_string()), saved);
    }
    fn load_pending(&self, account_id: &str) -> Option<PendingQueue> {
        self.pending.get(account_id).cloned()
    }
    fn save_pending(&mut self, account_id: &str, queue: &PendingQueue) {
        self.pending.insert(account_id.to_string(), queue.clone());
    }
}

/// How the results of an open query are bounded by a record of the store
/// ([`Store::bound_query`]): the count it reads, `None` for no bound.
type QueryBound = Box<dyn Fn(&Store) -> Option<usize>>;

/// The local copy of one account (see the module documentation).
pub struct Store {
    account_id: String,
    pub(crate) slots: SmallMap<&'static str, Box<dyn AnySlot>>,
    /// Query key → type name.
    query_types: SmallMap<String, &'static str>,
    /// Query key → what bounds its results.
    bounds: SmallMap<String, QueryBound>,
    pub(crate) pending: PendingQueue,
}

impl Store {
    /// An empty store of `account_id`, with no type registered.
    pub fn new(account_id: &str) -> Self {
        Store {
            account_id: account_id.into(),
            slots: SmallMap::new(),
            query_types: SmallMap::new(),
            bounds: SmallMap::new(),
            pending: PendingQueue::default(),
        }
    }
    /// The account.
    pub fn account_id(&self) -> &str {
        &self.account_id
    }
    /// Registers a type, by its record (registering it again empties it).
    pub fn register<R: Record>(&mut self, options: TypeOptions) {
        self.register_data::<R>(options);
        crate::sync::enable::<R>(self);
        self.enable_persistence::<R>();
    }
    /// Registers a type for its data only (objects, queries, pending changes): nothing of the
    /// sync engine or of persistence is linked for it until [`crate::sync::enable`] and
    /// [`Store::enable_persistence`] are called — from a part of the app loaded later, so that
    /// the first page does not download that code. Until then the engine asks nothing for it
    /// and saving skips it.
    pub fn register_data<R: Record>(&mut self, options: TypeOptions) {
        let slot: Slot<R> = Slot {
            records: TypeStore::new(options.capacity),
            queries: SmallMap::new(),
            load_all: options.load_all,
            faces: Faces { sync: None, persist: None },
        };
        let name = <R::Object as JmapObject>::NAME;
        self.query_types.retain(|_, t| *t != name);
        self.slots.insert(name, Box::new(slot));
    }
    /// Links the saving and loading of a type registered with [`Store::register_data`].
    pub fn enable_persistence<R: Record>(&mut self) {
        if let Some(slot) = self.slot_mut::<R>() {
            slot.faces.persist = Some((Slot::<R>::saved, Slot::<R>::restore));
        }
    }
    /// The registered type names.
    pub fn type_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.slots.keys().copied()
    }
    /// The state held of a type.
    pub fn state(&self, type_name: &str) -> Option<&str> {
        self.slots.get(type_name)?.state()
    }
    /// Whether the next sync re-fetches the objects of a type.
    pub fn needs_reload(&self, type_name: &str) -> bool {
        self.slots.get(type_name).is_some_and(|s| s.needs_reload())
    }
    /// How many objects of a type are held.
    pub fn held(&self, type_name: &str) -> usize {
        self.slots.get(type_name).map_or(0, |s| s.len())
    }

    pub(crate) fn slot<R: Record>(&self) -> Option<&Slot<R>> {
        self.slots.get(<R::Object as JmapObject>::NAME)?.as_any().downcast_ref()
    }
    pub(crate) fn slot_mut<R: Record>(&mut self) -> Option<&mut Slot<R>> {
        self.slots.get_mut(<R::Object as JmapObject>::NAME)?.as_any_mut().downcast_mut()
    }

    /// The server's versions of the objects of a type (`None`: not registered with this record).
    pub fn records<R: Record>(&self) -> Option<&TypeStore<R>> {
        self.slot::<R>().map(|s| &s.records)
    }
    /// An object as shown: the server's version with the pending changes applied in order
    /// (`None` when not held, or destroyed by a pending change).
    pub fn get<R: Record>(&self, id: &str) -> Option<Cow<'_, R>> {
        self.slot::<R>()?.view(id, &self.pending)
    }
    /// The ids of the objects of `R` as shown: those held, less those a pending change destroys,
    /// and those a pending change creates (under their creation ids), in no particular order.
    pub fn ids<R: Record>(&self) -> Vec<String> {
        let name = <R::Object as JmapObject>::NAME;
        let held = self.records::<R>().into_iter().flat_map(|t| t.ids());
        let created = self.pending.created(name).map(|(id, _)| id);
        let mut ids: Vec<String> = held.chain(created).map(String::from).collect();
        ids.sort();
        ids.dedup();
        ids.retain(|id| self.get::<R>(id).is_some());
        ids
    }
    /// Stores objects the domain loaded itself (its own `/get`), as a sync stores the objects it
    /// created: each replaces the held version of its id, then the type is trimmed to its
    /// capacity, the least recently used first and never the protected ones (shown, pinned,
    /// pending). Objects of a query page are protected by being in its window: apply the page
    /// ([`Store::apply_page`]) before inserting its objects. The objects should be at least as
    /// new as the type's state: the next `/changes` starts from that state and does not fetch an
    /// object again unless it changed since. Nothing happens for a type not registered with `R`.
    pub fn insert<R: Record>(&mut self, records: impl IntoIterator<Item = R>) {
        let pending = &self.pending;
        if let Some(slot) = self.slots.get_mut(<R::Object as JmapObject>::NAME) {
            if let Some(typed) = slot.as_any_mut().downcast_mut::<Slot<R>>() {
                for record in records {
                    typed.records.insert(record);
                }
            }
            slot.trim(pending);
        }
        self.refresh_bounds();
    }
    /// Replaces every object of a type with `records` and its state with `state`: the domain
    /// fetched all of them itself (a `/get` with no ids, e.g. every folder with the quota in the
    /// same request), so what it did not get no longer exists.
    pub fn replace_all<R: Record>(&mut self, records: Vec<R>, state: &str) {
        if let Some(typed) = self.slot_mut::<R>() {
            let fresh: HashSet<&str> = records.iter().map(Record::id).collect();
            let gone: Vec<String> = typed.records.ids().filter(|id| !fresh.contains(id)).map(str::to_string).collect();
            for id in gone {
                typed.records.remove(&id);
            }
            typed.records.set_state(Some(state.into()));
        }
        self.insert(records);
    }
    /// Gives a type the state of objects the domain got itself (the `state` of its own
    /// `/get`), only when none is held: the next sync then asks `/changes` from it instead of
    /// having no state to start from (for a type registered with `load_all`, instead of loading
    /// every object). A state held is never replaced: it is what the held objects are current
    /// at, and moving it would skip the changes in between. Returns whether it was set (`false`
    /// too for a type not registered).
    pub fn set_state(&mut self, type_name: &str, state: &str) -> bool {
        self.slots.get_mut(type_name).is_some_and(|slot| slot.set_state_if_none(state))
    }
    /// Drops held objects the screens no longer need (far rows), except those protected
    /// (shown in a query window, pinned, touched by a pending change); returns the ids dropped.
    /// They are fetched again when shown again ([`crate::sync::page`]).
    pub fn forget<R: Record>(&mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Vec<String> {
        let ids: Vec<String> = ids.into_iter().map(Into::into).collect();
        let pending = &self.pending;
        let name = <R::Object as JmapObject>::NAME;
        match self.slots.get_mut(name).and_then(|slot| slot.as_any_mut().downcast_mut::<Slot<R>>()) {
            Some(slot) => slot.forget(&ids, pending),
            None => Vec::new(),
        }
    }
    /// Keeps an object whatever the capacity (an open conversation), or lets it go again.
    pub fn pin<R: Record>(&mut self, id: &str, pinned: bool) {
        let pending = &self.pending;
        if let Some(slot) = self.slots.get_mut(<R::Object as JmapObject>::NAME) {
            if let Some(typed) = slot.as_any_mut().downcast_mut::<Slot<R>>() {
                typed.records.pin(id, pinned);
            }
            slot.trim(pending);
        }
    }

    /// Opens a query under `key` (replacing one with the same key): its first page of
    /// `page_size` ids, and their objects, come with the next sync, then its changes. Its window
    /// is that first page until [`Store::set_window`] says otherwise.
    pub fn open_query<R: Record>(&mut self, key: &str, query: Query<R::Object>, page_size: u32) {
        self.open::<R>(key, query, page_size, true);
    }
    /// Opens a query the sync engine never asks about (results kept as found, such as a search's:
    /// the domain loads its pages and puts them in with [`Store::apply_query_response`]); its
    /// objects are held and kept current like any others.
    pub fn open_query_as_found<R: Record>(&mut self, key: &str, query: Query<R::Object>, page_size: u32) {
        self.open::<R>(key, query, page_size, false);
    }
    fn open<R: Record>(&mut self, key: &str, query: Query<R::Object>, page_size: u32, follow: bool) {
        self.close_query(key);
        if let Some(slot) = self.slot_mut::<R>() {
            let window = 0..page_size as usize;
            let open = OpenQuery { query, list: ListState::new(), window, page_size, reload: follow, follow };
            slot.queries.insert(key.into(), open);
            self.query_types.insert(key.into(), <R::Object as JmapObject>::NAME);
        }
    }
    /// Closes a query: nothing is asked for it any more, and its objects may be evicted.
    pub fn close_query(&mut self, key: &str) -> bool {
        self.bounds.remove(key);
        let Some(name) = self.query_types.remove(key) else { return false };
        let pending = &self.pending;
        self.slots.get_mut(name).is_some_and(|slot| {
            let closed = slot.close_query(key);
            slot.trim(pending);
            closed
        })
    }
    /// The keys of the open queries.
    pub fn query_keys(&self) -> impl Iterator<Item = &str> {
        self.query_types.keys().map(String::as_str)
    }
    /// Bounds the results of the open query `key` by a count that a record of the store holds:
    /// `read` of the server's version of the object `id` of `R` (`None`, or the object not
    /// held: no bound). A folder's list of conversations has at most the folder's
    /// `totalThreads` rows, whatever its `Email/query` says ([`ListState::set_bound`]). The
    /// bound follows the record as the store takes in the server's versions (objects stored, a
    /// sync round, a saved store loaded), and goes when the query is closed or opened again.
    ///
    /// ```
    /// use facteur_jmap::{Email, EmailQuery, Mailbox};
    /// use facteur_kit::store::{Record, Store, TypeOptions};
    /// # #[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
    /// # struct Row(Email);
    /// # impl Record for Row {
    /// #     type Object = Email;
    /// #     fn id(&self) -> &str { self.0.id.as_deref().unwrap_or_default() }
    /// #     fn from_object(email: Email) -> Option<Self> { Some(Row(email)) }
    /// # }
    /// #[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
    /// struct Folder { id: String, threads: Option<u64> }
    /// # impl Record for Folder {
    /// #     type Object = Mailbox;
    /// #     fn id(&self) -> &str { &self.id }
    /// #     fn from_object(m: Mailbox) -> Option<Self> { Some(Folder { id: m.id?, threads: m.total_threads }) }
    /// # }
    /// let mut store = Store::new("A1");
    /// store.register::<Row>(TypeOptions { capacity: 100, load_all: false });
    /// store.register::<Folder>(TypeOptions { capacity: 100, load_all: true });
    /// store.open_query::<Row>("archives", EmailQuery::new("A1"), 50);
    /// store.bound_query::<Folder>("archives", "F1", |f| f.threads.map(|n| n as usize));
    /// store.apply_page("archives", 0, vec!["m1".into()], 100_000, "q1");
    /// assert_eq!(store.query("archives").unwrap().total(), 100_000, "the folder not held: no bound");
    /// store.insert([Folder { id: "F1".into(), threads: Some(83_862) }]);
    /// assert_eq!(store.query("archives").unwrap().total(), 83_862);
    /// ```
    pub fn bound_query<R: Record>(&mut self, key: &str, id: &str, read: fn(&R) -> Option<usize>) {
        if self.query_types.get(key).is_none() {
            return;
        }
        let id = id.to_string();
        let bound = move |store: &Store| store.records::<R>()?.get(&id).and_then(read);
        self.bounds.insert(key.into(), Box::new(bound));
        self.refresh_bounds();
    }
    /// Sets each bounded query's bound from the records held now.
    pub(crate) fn refresh_bounds(&mut self) {
        if self.bounds.keys().next().is_none() {
            return;
        }
        let bounds: Vec<(String, Option<usize>)> =
            self.bounds.iter().map(|(key, read)| (key.clone(), read(self))).collect();
        for (key, bound) in bounds {
            if let Some(list) = self.query_mut(&key) {
                list.set_bound(bound);
            }
        }
    }
    /// The ids of an open query, by position, as the server has them.
    pub fn query(&self, key: &str) -> Option<&ListState> {
        self.slots.get(*self.query_types.get(key)?)?.query_list(key)
    }
    /// The ids of an open query, to change what a screen does locally with its window: forget
    /// far rows ([`ListState::forget_outside`], or [`Store::forget_outside`] which also drops
    /// their objects), roll back a snapshot… Not for optimistic changes: a move or a delete is a
    /// pending change with [`crate::pending::ChangeRequest::hide_from`] (or a destroy), which
    /// hides its rows at once, is sent with the next sync and rolls back by itself when refused.
    /// A page loaded outside the engine goes in with [`Store::apply_page`] or
    /// [`Store::apply_query_response`], which also tell the engine the list is loaded.
    pub fn query_mut(&mut self, key: &str) -> Option<&mut ListState> {
        self.slots.get_mut(*self.query_types.get(key)?)?.query_list_mut(key)
    }
    /// Puts a page of the query `key` that the domain loaded itself (its own `/query`) into the
    /// open query: `ids` at `position`, the query's `total` and `query_state`, as
    /// [`ListState::apply_page`] does (when `query_state` differs from the one held, the list
    /// is emptied first and `true` is returned; `false` too when the query is not open). When
    /// the list's query state changes (a first page, or a newer state), the query is no longer
    /// marked to load its first page with the next sync. A state change clears
    /// `canCalculateChanges` (the list's rule): with the `/query` answer at hand, prefer
    /// [`Store::apply_query_response`], which keeps what the server said, so that the next
    /// syncs ask `/queryChanges` rather than the first page. Apply the page before inserting its
    /// objects ([`Store::insert`]) so that those shown are protected from eviction.
    pub fn apply_page(
        &mut self,
        key: &str,
        position: usize,
        ids: Vec<String>,
        total: usize,
        query_state: &str,
    ) -> bool {
        let Some(slot) = self.query_types.get(key).and_then(|name| self.slots.get_mut(name)) else { return false };
        let mut ids = Some(ids);
        let mut load =
            |list: &mut ListState| list.apply_page(position, ids.take().unwrap_or_default(), total, query_state);
        slot.load_page(key, &mut load).unwrap_or(false)
    }
    /// Puts the answer to the domain's own `/query` of the query `key` into the open query
    /// ([`ListState::apply_query_response`]: its ids, total, state and `canCalculateChanges`),
    /// with the rule of [`Store::apply_page`]; returns whether the list was emptied first.
    pub fn apply_query_response(&mut self, key: &str, response: &QueryResponse) -> bool {
        let Some(slot) = self.query_types.get(key).and_then(|name| self.slots.get_mut(name)) else { return false };
        slot.load_page(key, &mut |list: &mut ListState| list.apply_query_response(response)).unwrap_or(false)
    }
    /// Forgets the loaded ids of the query `key` outside the positions `keep`, except those
    /// `kept` says to keep (a selected row), as [`ListState::forget_outside`] does, and drops
    /// their objects unless protected (shown in another query's window, pinned, pending):
    /// memory stays bounded however far the user scrolls. Returns the forgotten ids.
    pub fn forget_outside(&mut self, key: &str, keep: Range<usize>, kept: impl Fn(&str) -> bool) -> Vec<String> {
        let Some(slot) = self.query_types.get(key).and_then(|name| self.slots.get_mut(name)) else { return Vec::new() };
        slot.forget_outside(key, keep, &kept, &self.pending)
    }
    /// Whether the next sync asks the first page of the query again.
    pub fn query_needs_reload(&self, key: &str) -> bool {
        self.query_types.get(key).and_then(|name| self.slots.get(name)?.query_needs_reload(key)).unwrap_or(false)
    }
    /// The positions a screen shows of a query: their objects stay held; the others may be
    /// evicted beyond the capacity.
    pub fn set_window(&mut self, key: &str, window: Range<usize>) {
        let Some(name) = self.query_types.get(key) else { return };
        if let Some(slot) = self.slots.get_mut(name) {
            slot.set_window(key, window, &self.pending);
        }
    }
    /// A query as shown: its list without the loaded ids a pending change moves out of it or
    /// destroys ([`ListState::hiding`]; borrowed when none is), so that positions, the total and
    /// the window a screen reads agree with what it shows; `None` when the query is not open.
    pub fn visible_query(&self, key: &str) -> Option<Cow<'_, ListState>> {
        let (list, hidden) = (self.query(key)?, self.hidden(key)?);
        let loaded_hidden = !hidden.is_empty() && list.loaded().any(|(_, id)| hidden.contains(id));
        Some(if loaded_hidden { Cow::Owned(list.hiding(&hidden)) } else { Cow::Borrowed(list) })
    }

    fn hidden(&self, key: &str) -> Option<HashSet<&str>> {
        Some(self.pending.hidden(self.query_types.get(key)?, key))
    }

    /// The pending changes.
    pub fn pending(&self) -> &PendingQueue {
        &self.pending
    }
    /// Queues a change: shown at once, sent with the next sync.
    pub fn change(&mut self, request: ChangeRequest) -> Result<ChangeId, PendingError> {
        if request.edits.is_empty() {
            return Err(PendingError::Empty);
        }
        let inverse = self.inverses(&request)?;
        Ok(self.pending.push(request, inverse, None))
    }

    /// What puts back what the user saw before `request`, object by object.
    fn inverses(&self, request: &ChangeRequest) -> Result<BTreeMap<String, PatchObject>, PendingError> {
        let slot =
            self.slots.get(request.type_name.as_str()).ok_or(PendingError::UnknownType(request.type_name.clone()))?;
        Ok(request
            .edits
            .iter()
            .filter_map(|(id, edit)| match edit {
                Edit::Update(patch) => Some((id.clone(), slot.inverse(id, patch, &self.pending)?)),
                Edit::Create(_) | Edit::Destroy => None,
            })
            .collect())
    }
    /// Undoes a change: one not sent yet is simply dropped (`Ok(None)`: nothing to send); one
    /// sent gets its inverse queued as a new change (returned), shown at once and sent with the
    /// next sync. A destroy already sent cannot be undone.
    pub fn undo(&mut self, id: ChangeId) -> Result<Option<ChangeId>, PendingError> {
        let change = self.pending.find(id).ok_or(PendingError::UnknownChange(id))?;
        if !change.sent {
            self.pending.remove(id);
            return Ok(None);
        }
        if change.edits.values().any(|e| matches!(e, Edit::Destroy | Edit::Create(_))) {
            return Err(PendingError::NotUndoable(id));
        }
        let mut request = ChangeRequest::new(&change.type_name);
        for (object, patch) in &change.inverse {
            request = request.update(object, patch.clone());
        }
        let inverse: BTreeMap<String, PatchObject> = change
            .edits
            .iter()
            .filter_map(|(object, edit)| match edit {
                Edit::Update(patch) => Some((object.clone(), patch.clone())),
                Edit::Create(_) | Edit::Destroy => None,
            })
            .collect();
        Ok(Some(self.pending.push(request, inverse, Some(id))))
    }

    /// Undoes a change with `request`, the change that puts back what it did, when the caller
    /// knows that better than the store (a move of objects not held, whose inverse the store
    /// cannot write): a change not sent yet is dropped (`Ok(None)`); otherwise `request` is
    /// queued as its undo (the first change hides nothing from now on) and returned — also when
    /// the first change already left the queue, confirmed.
    pub fn undo_with(&mut self, id: ChangeId, request: ChangeRequest) -> Result<Option<ChangeId>, PendingError> {
        if let Some(change) = self.pending.find(id) {
            if !change.sent {
                self.pending.remove(id);
                return Ok(None);
            }
        }
        if request.edits.is_empty() {
            return Err(PendingError::Empty);
        }
        let inverse = self.inverses(&request)?;
        let undoes = self.pending.find(id).map(|c| c.id);
        Ok(Some(self.pending.push(request, inverse, undoes)))
    }

    /// Saves every type and the pending queue.
    pub fn save(&self, persistence: &mut dyn Persistence) {
        for (name, slot) in &self.slots {
            if let Some(saved) = slot.save() {
                persistence.save_type(&self.account_id, name, saved);
            }
        }
        persistence.save_pending(&self.account_id, &self.pending);
    }
    /// Loads what was saved of the registered types and the pending queue (changes sent before
    /// are sent again, see [`PendingQueue::mark_all_unsent`]). Open queries are not saved: they
    /// load their first page with the next sync.
    pub fn load(&mut self, persistence: &dyn Persistence) -> Result<(), serde_json::Error> {
        for (name, slot) in &mut self.slots {
            if let Some(saved) = persistence.load_type(&self.account_id, name) {
                slot.load(saved)?;
            }
        }
        if let Some(mut queue) = persistence.load_pending(&self.account_id) {
            queue.mark_all_unsent();
            self.pending = queue;
        }
        for slot in self.slots.values_mut() {
            slot.trim(&self.pending);
        }
        self.refresh_bounds();
        Ok(())
    }
}
