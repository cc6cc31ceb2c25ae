//! Keeping a [`Store`] current with the server in one request per round, for every registered
//! type alike (mail today, calendar and contacts later: nothing here knows a type).
//!
//! A round is [`plan`] → send the [`Request`] → [`apply`] the [`Response`] (or [`abandon`] it
//! when no answer came). The request holds, in this order:
//! - the `/set` of each pending change not sent yet (one call per change, in queue order);
//! - for each type whose state may have moved (every type on a poll; on a push `StateChange`
//!   only those it names with another state than the one held): `<Type>/changes` from the held
//!   state with `maxChanges`, then `<Type>/get` of `/created` and of `/updated` by
//!   back-reference (RFC 8620 §3.7), with the record's properties;
//! - for each open query of such a type: `<Type>/queryChanges` from its query state, then
//!   `<Type>/get` of `/added/*/id`;
//! - what the previous round marked for a reload: `<Type>/get` of the held ids (or of every
//!   object, for a type registered with `load_all`), and the first page of a query
//!   (`<Type>/query` then `<Type>/get` of `/ids`).
//!
//! Each `<Type>/get` planned (here and in [`page`]) is followed at once by the calls its
//! record's [`Record::extend_get`] adds (none by default), and the records read from that get
//! are completed by [`Record::read_extension`] before they are stored.
//!
//! Applying it: destroyed objects leave; created objects are stored (they are what is new, and
//! likely shown); updated objects are stored only if held already or wanted (in a query window,
//! pinned, touched by a pending change), so that memory stays bounded; states advance; each
//! query's [`ListState`] takes its `/queryChanges` ([`ListState::apply_query_changes`]); then the
//! type is trimmed to its capacity. `cannotCalculateChanges` or `hasMoreChanges` for a type marks
//! just that type for a reload of its held objects; `cannotCalculateChanges` or `tooManyChanges`
//! for a query (or a `canCalculateChanges: false` query on a moved type) marks just that query to
//! load its first page again. A query not open asks nothing.
//!
//! ```
//! use facteur_jmap::{Email, EmailQuery, Response};
//! use facteur_kit::store::{Record, Store, TypeOptions};
//! use facteur_kit::sync::{self, SyncOptions, Trigger};
//! # #[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
//! # #[serde(transparent)]
//! # struct Row(Email);
//! # impl Record for Row {
//! #     type Object = Email;
//! #     fn id(&self) -> &str { self.0.id.as_deref().unwrap_or_default() }
//! #     fn from_object(email: Email) -> Option<Self> { Some(Row(email)) }
//! # }
//! let mut store = Store::new("A1");
//! store.register::<Row>(TypeOptions { capacity: 200, load_all: false });
//! store.open_query::<Row>("inbox", EmailQuery::new("A1"), 2);
//! store.set_window("inbox", 0..2);
//!
//! // First round: the query's first page and its objects.
//! let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
//! let names: Vec<&str> = request.method_calls.iter().map(|c| c.name.as_str()).collect();
//! assert_eq!(names, ["Email/query", "Email/get"]);
//! let response: Response = serde_json::from_str(r#"{"sessionState":"s","methodResponses":[
//!   ["Email/query",{"accountId":"A1","queryState":"q1","canCalculateChanges":true,"position":0,"ids":["m1","m2"],"total":9},"c0"],
//!   ["Email/get",{"accountId":"A1","state":"e1","list":[{"id":"m1","subject":"Bonjour"},{"id":"m2"}],"notFound":[]},"c1"]]}"#).unwrap();
//! let summary = sync::apply(&mut store, plan, &response).unwrap();
//! assert!(!summary.again());
//! assert_eq!((store.state("Email"), store.query("inbox").unwrap().total()), (Some("e1"), 9));
//! assert_eq!(store.get::<Row>("m1").unwrap().0.subject.as_deref(), Some("Bonjour"));
//!
//! // Next round (a poll): Email/changes, the two gets by back-reference, Email/queryChanges, the added.
//! let (request, _plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
//! let names: Vec<&str> = request.method_calls.iter().map(|c| c.name.as_str()).collect();
//! assert_eq!(names, ["Email/changes", "Email/get", "Email/get", "Email/queryChanges", "Email/get"]);
//! ```

use crate::list_state::{ListState, QueryChangesSummary};
use crate::pending::{Edit, PendingChange, PendingQueue, Refusal};
use crate::store::{OpenQuery, Record, Slot, Store};
use facteur_jmap::push::StateChange;
use facteur_jmap::{
    CallHandle, Changes, Error, Get, GetResponse, JmapObject, MethodError, MethodErrorType, Query, QueryChanges,
    Request, RequestBuilder, Response, Set, SetError,
};
use std::any::Any;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

pub use crate::pending::ChangeId;

/// Why a round starts.
#[derive(Clone, Copy, Debug)]
pub enum Trigger<'a> {
    /// A timer, or the app coming back: every type may have moved.
    Poll,
    /// A push `StateChange`: only the types it names with a new state.
    Push(&'a StateChange),
}

/// How much a round asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncOptions {
    /// `maxChanges` of every `/changes` and `/queryChanges`.
    pub max_changes: u64,
    /// The most pending changes one round sends (one `/set` call each), so that a round stays
    /// within the server's `maxCallsInRequest` with the calls that follow them; the others wait
    /// for the next round, which follows at once ([`SyncSummary::again`]).
    pub max_sets: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions { max_changes: 256, max_sets: 16 }
    }
}

/// What one type did in a round.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypeChanges {
    /// Ids created on the server.
    pub created: Vec<String>,
    /// Ids updated on the server.
    pub updated: Vec<String>,
    /// Ids destroyed on the server.
    pub destroyed: Vec<String>,
    /// The held objects were fetched again (after a reload was marked).
    pub reloaded: bool,
}

/// What one open query did in a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryOutcome {
    /// Its `/queryChanges` was applied: rows removed, arrived, new at the top.
    Changed(QueryChangesSummary),
    /// Its first page was loaded (anew): the list starts over.
    Reloaded,
    /// A page was loaded at this position (scrolling, [`page`]).
    Page(usize),
}

/// What a round changed, for the screens.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncSummary {
    /// Type name → what changed (types asked only).
    pub types: BTreeMap<String, TypeChanges>,
    /// Query key → what it did (queries asked only).
    pub queries: BTreeMap<String, QueryOutcome>,
    /// Types marked for a reload of their held objects in the next round.
    pub reload_types: Vec<String>,
    /// Queries marked to load their first page again in the next round.
    pub reload_queries: Vec<String>,
    /// Pending changes the server confirmed entirely (they left the queue).
    pub confirmed: Vec<ChangeId>,
    /// Objects of pending changes the server refused: rolled back, with the reason.
    pub refused: Vec<Refusal>,
    /// Other method errors (call name, error): what they were for is asked again next round.
    pub errors: Vec<(String, MethodError)>,
    /// Pending changes were left for the next round ([`SyncOptions::max_sets`]).
    pub unsent: bool,
}

impl SyncSummary {
    /// Whether another round should follow at once (reloads are marked, or pending changes
    /// were left for it).
    pub fn again(&self) -> bool {
        !self.reload_types.is_empty() || !self.reload_queries.is_empty() || self.unsent
    }
}

/// The calls of a round, to read their answers with [`apply`].
pub struct Plan {
    sets: Vec<(ChangeId, &'static str, Box<dyn Any>)>,
    types: Vec<(&'static str, Box<dyn Any>)>,
    /// More pending changes wait than [`SyncOptions::max_sets`] let in.
    more_sets: bool,
}

/// Links the sync engine's code for a type registered with [`Store::register_data`] (an app
/// calls it from the part of its code that runs the rounds; [`Store::register`] does it at
/// once). Calling it again changes nothing.
pub fn enable<R: Record>(store: &mut Store) {
    if let Some(slot) = store.slot_mut::<R>() {
        slot.faces.sync = Some((|slot| slot as &dyn SyncSlot, |slot| slot as &mut dyn SyncSlot));
    }
}

/// The request of one round (see the module documentation); `None` when there is nothing to
/// ask. Pending changes put in it are marked sent.
pub fn plan(store: &mut Store, trigger: Trigger<'_>, options: &SyncOptions) -> Option<(Request, Plan)> {
    let mut builder = RequestBuilder::new();
    let mut plan = Plan { sets: Vec::new(), types: Vec::new(), more_sets: false };
    let account = store.account_id().to_string();
    let unsent = store.pending.unsent_ids();
    let plan_more_sets = unsent.len() > options.max_sets;
    for id in unsent.into_iter().take(options.max_sets) {
        let Some(change) = store.pending.find(id) else { continue };
        let Some(slot) = store.slots.get(change.type_name.as_str()) else { continue };
        let Some(face) = slot.sync() else { continue };
        let calls = face.plan_set(&mut builder, &account, change);
        plan.sets.push((id, slot.name(), calls));
        if let Some(change) = store.pending.get_mut(id) {
            change.sent = true;
        }
    }
    let pushed = match trigger {
        Trigger::Poll => None,
        Trigger::Push(change) => Some(change.changed.get(&account).cloned().unwrap_or_default()),
    };
    for (name, slot) in &store.slots {
        let moved = match &pushed {
            None => true,
            Some(states) => states.get(*name).is_some_and(|state| Some(state.as_str()) != slot.state()),
        };
        if let Some(calls) = slot.sync().and_then(|face| face.plan(&mut builder, &account, moved, options)) {
            plan.types.push((name, calls));
        }
    }
    plan.more_sets = plan_more_sets;
    (!builder.is_empty()).then(|| (builder.build(), plan))
}

/// The request of what the rows `range` of the query `key` miss (scrolling): the page of ids
/// not loaded yet, and the objects evicted since their ids were (scrolling back); `None` when
/// nothing is missing (or the query is not open).
pub fn page(store: &Store, key: &str, range: Range<usize>) -> Option<(Request, Plan)> {
    let mut builder = RequestBuilder::new();
    let account = store.account_id();
    let (name, calls) = store.slots.iter().find_map(|(name, slot)| {
        slot.sync()?.plan_page(&mut builder, account, key, range.clone()).map(|calls| (*name, calls))
    })?;
    Some((builder.build(), Plan { sets: Vec::new(), types: vec![(name, calls)], more_sets: false }))
}

/// The request of a round was not answered (offline, a network error, a request-level problem):
/// its pending changes are to be sent again with the next round. The rest needs nothing: the
/// states and query states it asked from are still those held.
pub fn abandon(store: &mut Store, plan: Plan) {
    for (id, _, _) in plan.sets {
        if let Some(change) = store.pending.get_mut(id) {
            change.sent = false;
        }
    }
}

/// Reads the answer to a round's request into the store; an error only when the response does
/// not answer the request (a missing or malformed answer), not for method errors, which the
/// summary lists.
pub fn apply(store: &mut Store, plan: Plan, response: &Response) -> Result<SyncSummary, Error> {
    let mut summary = SyncSummary { unsent: plan.more_sets, ..SyncSummary::default() };
    for (id, name, calls) in plan.sets {
        let Some(mut change) = store.pending.find(id).cloned() else { continue };
        if store.pending.changes().iter().any(|c| c.undoes == Some(id)) {
            // Undone meanwhile: what it moved comes back, so it leaves no query.
            change.hide_from.clear();
        }
        let Some(slot) = store.slots.get_mut(name) else { continue };
        let Some(face) = slot.sync_mut() else { continue };
        let answer = face.apply_set(calls, &change, response)?;
        let mut done: HashSet<String> = answer.confirmed.into_iter().collect();
        for (object, error) in answer.refused {
            done.insert(object.clone());
            let edit = change.edits.get(&object).cloned();
            summary.refused.push(Refusal { change: id, type_name: name.into(), id: object, error, edit });
        }
        if let Some(error) = answer.failed {
            summary.errors.push((format!("{name}/set"), error));
        }
        let all = change.edits.keys().all(|object| done.contains(object));
        store.pending.settle(id, &done);
        if all && !summary.refused.iter().any(|r| r.change == id) {
            summary.confirmed.push(id);
        }
    }
    for (name, calls) in plan.types {
        if let Some(slot) = store.slots.get_mut(name) {
            if let Some(face) = slot.sync_mut() {
                face.apply(calls, response, &store.pending, &mut summary)?;
            }
        }
    }
    // The records that bound queries came with the same answer.
    store.refresh_bounds();
    Ok(summary)
}

/// What the server said to one pending change's `/set`.
pub(crate) struct SetAnswer {
    confirmed: Vec<String>,
    refused: Vec<(String, SetError)>,
    failed: Option<MethodError>,
}

/// The sync face of a registered type (implemented for every [`Slot`]).
pub(crate) trait SyncSlot {
    fn plan(
        &self,
        builder: &mut RequestBuilder,
        account: &str,
        moved: bool,
        options: &SyncOptions,
    ) -> Option<Box<dyn Any>>;
    fn plan_page(
        &self,
        builder: &mut RequestBuilder,
        account: &str,
        key: &str,
        range: Range<usize>,
    ) -> Option<Box<dyn Any>>;
    fn apply(
        &mut self,
        calls: Box<dyn Any>,
        response: &Response,
        pending: &PendingQueue,
        summary: &mut SyncSummary,
    ) -> Result<(), Error>;
    fn plan_set(&self, builder: &mut RequestBuilder, account: &str, change: &PendingChange) -> Box<dyn Any>;
    fn apply_set(
        &mut self,
        calls: Box<dyn Any>,
        change: &PendingChange,
        response: &Response,
    ) -> Result<SetAnswer, Error>;
}

/// A planned `<Type>/get` and what [`Record::extend_get`] added after it.
struct GetCall<O: JmapObject> {
    get: CallHandle<Get<O>>,
    extension: Option<Box<dyn Any>>,
}

impl<O: JmapObject> GetCall<O> {
    /// Adds the get, then the record's calls after it.
    fn plan<R: Record<Object = O>>(builder: &mut RequestBuilder, account: &str, get: Get<O>) -> Self {
        let get = builder.call(get);
        let extension = R::extend_get(builder, account, &get);
        GetCall { get, extension }
    }
    /// The get's answer (its list taken out) and the records of its objects, completed by
    /// [`Record::read_extension`].
    fn read<R: Record<Object = O>>(self, response: &Response) -> Result<(GetResponse<O>, Vec<R>), Error> {
        let mut got = response.get(&self.get)?;
        let mut records: Vec<R> = std::mem::take(&mut got.list).into_iter().filter_map(R::from_object).collect();
        if let Some(extension) = self.extension {
            R::read_extension(&mut records, extension, response);
        }
        Ok((got, records))
    }
}

struct ChangesCalls<O: JmapObject> {
    changes: CallHandle<Changes<O>>,
    created: GetCall<O>,
    updated: GetCall<O>,
}

enum QueryCalls<O: JmapObject> {
    Changes { changes: CallHandle<QueryChanges<O>>, added: GetCall<O> },
    Page { query: CallHandle<Query<O>>, get: GetCall<O>, fresh: bool, position: usize, limit: u32 },
}

struct TypeCalls<O: JmapObject> {
    changes: Option<ChangesCalls<O>>,
    reload: Option<GetCall<O>>,
    /// Objects of a query window evicted since their ids were loaded (scrolling back).
    fetch: Option<GetCall<O>>,
    queries: Vec<(String, QueryCalls<O>)>,
}

/// `<Type>/get` with the record's properties.
fn get_of<R: Record>(account: &str) -> Get<R::Object> {
    let mut get = Get::new(account);
    get.properties = R::properties();
    get
}

/// A page of an open query and its objects (by reference to `/ids`).
fn page_calls<R: Record>(
    builder: &mut RequestBuilder,
    account: &str,
    open: &OpenQuery<R::Object>,
    position: usize,
    limit: u32,
    fresh: bool,
) -> QueryCalls<R::Object> {
    let mut query = open.query.clone();
    query.position = Some(i64::try_from(position).unwrap_or(i64::MAX));
    query.anchor = None;
    query.anchor_offset = None;
    query.limit = Some(limit.into());
    let query = builder.call(query);
    let get = GetCall::plan::<R>(builder, account, get_of::<R>(account).ids_ref(query.reference("/ids")));
    QueryCalls::Page { query, get, fresh, position, limit }
}

fn name_of<R: Record>() -> &'static str {
    <R::Object as JmapObject>::NAME
}

impl<R: Record> Slot<R> {
    fn store_records(&mut self, records: Vec<R>) {
        for record in records {
            self.records.insert(record);
        }
    }
}

impl<R: Record> SyncSlot for Slot<R> {
    fn plan(
        &self,
        builder: &mut RequestBuilder,
        account: &str,
        moved: bool,
        options: &SyncOptions,
    ) -> Option<Box<dyn Any>> {
        let mut calls = TypeCalls::<R::Object> { changes: None, reload: None, fetch: None, queries: Vec::new() };
        let state = self.records.state();
        if self.records.needs_reload() || (self.load_all && state.is_none()) {
            let get = get_of::<R>(account);
            let get = if self.load_all {
                get
            } else {
                let mut held: Vec<&str> = self.records.ids().collect();
                held.sort_unstable();
                get.ids(held)
            };
            calls.reload = Some(GetCall::plan::<R>(builder, account, get));
        } else if let (true, Some(state)) = (moved, state) {
            let changes = builder.call(Changes::<R::Object>::new(account, state).max_changes(options.max_changes));
            let created =
                GetCall::plan::<R>(builder, account, get_of::<R>(account).ids_ref(changes.reference("/created")));
            let updated =
                GetCall::plan::<R>(builder, account, get_of::<R>(account).ids_ref(changes.reference("/updated")));
            calls.changes = Some(ChangesCalls { changes, created, updated });
        }
        for (key, open) in self.queries.iter().filter(|(_, open)| open.follow) {
            let query_calls = match open.list.query_state() {
                Some(query_state) if !open.needs_reload() && open.list.can_calculate_changes() => {
                    if !moved {
                        continue;
                    }
                    let mut query_changes = QueryChanges::of(&open.query, query_state);
                    query_changes.max_changes = Some(options.max_changes);
                    let changes = builder.call(query_changes);
                    let added = GetCall::plan::<R>(
                        builder,
                        account,
                        get_of::<R>(account).ids_ref(changes.reference("/added/*/id")),
                    );
                    QueryCalls::Changes { changes, added }
                }
                // Never loaded, marked for a reload, or the server cannot tell its changes.
                Some(_) if !open.needs_reload() && !moved => continue,
                _ => page_calls::<R>(builder, account, open, 0, open.page_size, true),
            };
            calls.queries.push((key.clone(), query_calls));
        }
        let empty = calls.changes.is_none() && calls.reload.is_none() && calls.queries.is_empty();
        (!empty).then(|| Box::new(calls) as Box<dyn Any>)
    }

    fn plan_page(
        &self,
        builder: &mut RequestBuilder,
        account: &str,
        key: &str,
        range: Range<usize>,
    ) -> Option<Box<dyn Any>> {
        let open = self.queries.get(key)?;
        let mut calls = TypeCalls::<R::Object> { changes: None, reload: None, fetch: None, queries: Vec::new() };
        let mut paged = 0..0;
        if let Some((position, limit)) = open.list.missing(range.clone(), open.page_size as usize) {
            paged = position..position + limit;
            let limit = u32::try_from(limit).unwrap_or(u32::MAX);
            calls.queries.push((key.into(), page_calls::<R>(builder, account, open, position, limit, false)));
        }
        // Ids known by position whose objects were evicted: fetched by id.
        let evicted: Vec<&str> = open
            .list
            .window(range)
            .into_iter()
            .filter(|(position, _)| !paged.contains(position))
            .filter_map(|(_, id)| id.filter(|id| !self.records.contains(id)))
            .collect();
        if !evicted.is_empty() {
            calls.fetch = Some(GetCall::plan::<R>(builder, account, get_of::<R>(account).ids(evicted)));
        }
        (calls.fetch.is_some() || !calls.queries.is_empty()).then(|| Box::new(calls) as Box<dyn Any>)
    }

    fn apply(
        &mut self,
        calls: Box<dyn Any>,
        response: &Response,
        pending: &PendingQueue,
        summary: &mut SyncSummary,
    ) -> Result<(), Error> {
        let calls = *calls.downcast::<TypeCalls<R::Object>>().expect("the calls planned for this type");
        let name = name_of::<R>();
        if let Some(changes_calls) = calls.changes {
            match response.get(&changes_calls.changes) {
                Ok(changes) => {
                    for id in &changes.destroyed {
                        self.records.remove(id);
                    }
                    self.store_records(changes_calls.created.read::<R>(response)?.1);
                    let wanted: HashSet<String> = self.protected(pending).into_iter().map(String::from).collect();
                    for record in changes_calls.updated.read::<R>(response)?.1 {
                        if self.records.contains(record.id()) || wanted.contains(record.id()) {
                            self.records.insert(record);
                        }
                    }
                    self.records.set_state(Some(changes.new_state));
                    if changes.has_more_changes {
                        self.records.set_reload(true);
                        summary.reload_types.push(name.into());
                    }
                    let entry = summary.types.entry(name.into()).or_default();
                    entry.created = changes.created;
                    entry.updated = changes.updated;
                    entry.destroyed = changes.destroyed;
                }
                Err(Error::Method(e)) if e.error_type == MethodErrorType::CannotCalculateChanges => {
                    self.records.set_reload(true);
                    summary.reload_types.push(name.into());
                }
                Err(Error::Method(e)) => summary.errors.push((changes_calls.changes.name.clone(), e)),
                Err(e) => return Err(e),
            }
        }
        if let Some(reload) = calls.reload {
            let name_of_call = reload.get.name.clone();
            match reload.read::<R>(response) {
                Ok((got, records)) => {
                    if self.load_all {
                        let ids: HashSet<&str> = records.iter().map(Record::id).collect();
                        self.records.retain(|id| ids.contains(id));
                    }
                    for id in &got.not_found {
                        self.records.remove(id);
                    }
                    for record in records {
                        self.records.insert(record);
                    }
                    self.records.set_state(Some(got.state));
                    self.records.set_reload(false);
                    summary.types.entry(name.into()).or_default().reloaded = true;
                }
                Err(Error::Method(e)) => summary.errors.push((name_of_call, e)),
                Err(e) => return Err(e),
            }
        }
        if let Some(fetch) = calls.fetch {
            let name_of_call = fetch.get.name.clone();
            match fetch.read::<R>(response) {
                Ok((got, records)) => {
                    for id in &got.not_found {
                        self.records.remove(id);
                    }
                    self.store_records(records);
                }
                Err(Error::Method(e)) => summary.errors.push((name_of_call, e)),
                Err(e) => return Err(e),
            }
        }
        for (key, query_calls) in calls.queries {
            let Some(open) = self.queries.get_mut(&key) else { continue };
            match query_calls {
                QueryCalls::Changes { changes, added } => match response.get(&changes) {
                    Ok(query_changes) => match open.list.apply_query_changes(&query_changes) {
                        Ok(changed) => {
                            summary.queries.insert(key, QueryOutcome::Changed(changed));
                            self.store_records(added.read::<R>(response)?.1);
                        }
                        Err(_) => {
                            open.reload = true;
                            summary.reload_queries.push(key);
                        }
                    },
                    Err(Error::Method(e))
                        if matches!(
                            e.error_type,
                            MethodErrorType::CannotCalculateChanges | MethodErrorType::TooManyChanges
                        ) =>
                    {
                        open.reload = true;
                        summary.reload_queries.push(key);
                    }
                    Err(Error::Method(e)) => summary.errors.push((changes.name.clone(), e)),
                    Err(e) => return Err(e),
                },
                QueryCalls::Page { query, get, fresh, position, limit } => match response.get(&query) {
                    Ok(mut page) => {
                        // A short page ends the list, whatever its total says.
                        page.total = page.checked_total(position as u64, limit.into());
                        if fresh {
                            open.list = ListState::new();
                            open.reload = false;
                        }
                        open.list.apply_query_response(&page);
                        let (got, records) = get.read::<R>(response)?;
                        if self.records.state().is_none() {
                            self.records.set_state(Some(got.state));
                        }
                        let outcome =
                            if fresh { QueryOutcome::Reloaded } else { QueryOutcome::Page(page.position as usize) };
                        summary.queries.insert(key, outcome);
                        self.store_records(records);
                    }
                    Err(Error::Method(e)) => summary.errors.push((query.name.clone(), e)),
                    Err(e) => return Err(e),
                },
            }
        }
        self.trim(pending);
        Ok(())
    }

    fn plan_set(&self, builder: &mut RequestBuilder, account: &str, change: &PendingChange) -> Box<dyn Any> {
        let mut set = Set::<R::Object>::new(account);
        for (id, edit) in &change.edits {
            set = match edit {
                Edit::Create(object) => match serde_json::from_value(object.clone()) {
                    Ok(object) => set.create(id, object),
                    Err(_) => set, // not an object of this type: never sent, never confirmed
                },
                Edit::Update(patch) => set.update(id, patch.clone()),
                Edit::Destroy => set.destroy([id.as_str()]),
            };
        }
        Box::new(builder.call(set))
    }

    fn apply_set(
        &mut self,
        calls: Box<dyn Any>,
        change: &PendingChange,
        response: &Response,
    ) -> Result<SetAnswer, Error> {
        let handle = *calls.downcast::<CallHandle<Set<R::Object>>>().expect("the set planned for this type");
        let mut answer = SetAnswer { confirmed: Vec::new(), refused: Vec::new(), failed: None };
        let set = match response.get(&handle) {
            Ok(set) => set,
            Err(Error::Method(e)) => {
                answer.failed = Some(e);
                return Ok(answer);
            }
            Err(e) => return Err(e),
        };
        let refusals = [&set.not_created, &set.not_updated, &set.not_destroyed];
        for (id, edit) in &change.edits {
            if let Some(error) = refusals.iter().find_map(|r| r.as_ref()?.get(id)) {
                answer.refused.push((id.clone(), error.clone()));
                continue;
            }
            let updated = set.updated.as_ref().and_then(|u| u.get(id));
            let destroyed = set.destroyed.as_ref().is_some_and(|d| d.contains(id));
            let created = set.created.as_ref().and_then(|c| c.get(id));
            match edit {
                Edit::Create(object) if created.is_some() => {
                    // Held under the server's id: the properties sent, with those it set.
                    let mut merged = object.clone();
                    if let (Some(into), Ok(serde_json::Value::Object(server))) =
                        (merged.as_object_mut(), serde_json::to_value(created))
                    {
                        into.extend(server.into_iter().filter(|(_, v)| !v.is_null()));
                    }
                    let server_id = merged.get("id").and_then(|v| v.as_str()).map(str::to_string);
                    if let Some(record) = server_id.and_then(|sid| crate::store::created::<R>(&sid, &merged)) {
                        self.records.insert(record);
                    }
                }
                Edit::Update(patch) if updated.is_some() => {
                    // The server now holds the held version with the patch (and what it changed
                    // itself, sent back as property values).
                    if let Some(record) = self.records.get_mut(id) {
                        record.apply_patch(patch);
                        if let Some(Some(serde_json::Value::Object(server_set))) = updated {
                            record.apply_patch(server_set);
                        }
                    }
                    for key in &change.hide_from {
                        if let Some(open) = self.queries.get_mut(key) {
                            open.list.remove_ids(std::slice::from_ref(id));
                        }
                    }
                }
                Edit::Destroy if destroyed => {
                    self.records.remove(id);
                    for open in self.queries.values_mut() {
                        open.list.remove_ids(std::slice::from_ref(id));
                    }
                }
                _ => continue, // not answered: sent again next round
            }
            answer.confirmed.push(id.clone());
        }
        if set.old_state.is_some() && set.old_state.as_deref() == self.records.state() {
            self.records.set_state(Some(set.new_state));
        }
        Ok(answer)
    }
}
