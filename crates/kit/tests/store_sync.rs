//! The store, its sync engine and pending changes against answers shaped as RFC 8620 and RFC
//! 8621 give them: two types brought up to date in one request, a pending change over a newer
//! server version, a refused change rolled back, reloads of just the type or just the query
//! the server cannot compute changes for, nothing asked for a closed query, memory bounded
//! while scrolling, undo, and a store rebuilt from what it saved.
//!
//! The records are those a domain crate would choose: messages and folders in their JMAP shape
//! (`Msg`, `Folder`), and a list row shaped otherwise (`Row`: `unread`, not keywords).

use facteur_jmap::push::StateChange;
use facteur_jmap::{Email, EmailFilter, EmailQuery, Filter, Mailbox, PatchObject, Request, Response};
use facteur_kit::pending::{patch, ChangeRequest, PendingError};
use facteur_kit::store::{MemoryPersistence, Record, Store, TypeOptions};
use facteur_kit::sync::{self, QueryOutcome, SyncOptions, Trigger};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
struct Msg(Email);

impl Record for Msg {
    type Object = Email;
    fn id(&self) -> &str {
        self.0.id.as_deref().unwrap_or_default()
    }
    fn from_object(email: Email) -> Option<Self> {
        email.id.is_some().then_some(Msg(email))
    }
    fn properties() -> Option<Vec<String>> {
        Some(["id", "mailboxIds", "keywords", "subject"].map(String::from).to_vec())
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
struct Folder(Mailbox);

impl Record for Folder {
    type Object = Mailbox;
    fn id(&self) -> &str {
        self.0.id.as_deref().unwrap_or_default()
    }
    fn from_object(mailbox: Mailbox) -> Option<Self> {
        mailbox.id.is_some().then_some(Folder(mailbox))
    }
}

/// A list row not shaped like the JMAP object: patches are read for what they mean.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Row {
    id: String,
    unread: bool,
}

impl Record for Row {
    type Object = Email;
    fn id(&self) -> &str {
        &self.id
    }
    fn from_object(email: Email) -> Option<Self> {
        Some(Row { unread: !email.has_keyword("$seen"), id: email.id? })
    }
    fn properties() -> Option<Vec<String>> {
        Some(vec!["id".into(), "keywords".into()])
    }
    fn apply_patch(&mut self, patch: &PatchObject) {
        if let Some(seen) = patch.get("keywords/$seen") {
            self.unread = seen.is_null();
        }
    }
    fn inverse_patch(&self, patch: &PatchObject) -> PatchObject {
        let mut inverse = PatchObject::new();
        if patch.contains_key("keywords/$seen") {
            inverse.insert("keywords/$seen".into(), if self.unread { Value::Null } else { json!(true) });
        }
        inverse
    }
}

const ACCOUNT: &str = "A1";

/// The answer to `request`: one response per call, in order, with the call's id; each given as
/// (name, arguments), the name checked against the call's (or `error`).
fn respond(request: &Request, answers: Vec<(&str, Value)>) -> Response {
    assert_eq!(request.method_calls.len(), answers.len(), "one answer per call: {:?}", names(request));
    let responses: Vec<Value> = request
        .method_calls
        .iter()
        .zip(answers)
        .map(|(call, (name, arguments))| {
            assert!(name == call.name || name == "error", "{name} answers {}", call.name);
            json!([name, arguments, call.call_id])
        })
        .collect();
    serde_json::from_value(json!({"sessionState": "s1", "methodResponses": responses})).unwrap()
}

fn names(request: &Request) -> Vec<&str> {
    request.method_calls.iter().map(|c| c.name.as_str()).collect()
}

fn args(request: &Request, index: usize) -> &Value {
    &request.method_calls[index].arguments
}

/// The calls of a round when both types moved, with the open list's changes.
const BOTH_TYPES_AND_THE_LIST: [&str; 8] = [
    "Email/changes",
    "Email/get",
    "Email/get",
    "Email/queryChanges",
    "Email/get",
    "Mailbox/changes",
    "Mailbox/get",
    "Mailbox/get",
];

/// An empty `/get` answer.
fn empty_get(state: &str) -> Value {
    json!({"accountId": ACCOUNT, "state": state, "notFound": [], "list": []})
}

/// A `/queryChanges` answer with nothing changed.
fn unchanged_query(query_state: &str) -> Value {
    json!({"accountId": ACCOUNT, "oldQueryState": query_state, "newQueryState": query_state, "removed": [], "added": []})
}

/// `<Type>/changes` (Email or Mailbox) with nothing changed, and its two `/get` (created, updated).
fn nothing_changed(type_name: &str, state: &str) -> Vec<(&'static str, Value)> {
    let (changes, get) =
        if type_name == "Email" { ("Email/changes", "Email/get") } else { ("Mailbox/changes", "Mailbox/get") };
    let answer = json!({"accountId": ACCOUNT, "oldState": state, "newState": state, "created": [], "updated": [], "destroyed": []});
    vec![(changes, answer), (get, empty_get(state)), (get, empty_get(state))]
}

/// The answer to a query's first page (`Email/query`, then `Email/get` of `/ids`): `emails` are
/// all its results.
fn first_page(query_state: &str, state: &str, emails: Vec<Value>) -> Vec<(&'static str, Value)> {
    let ids: Vec<Value> = emails.iter().map(|e| e["id"].clone()).collect();
    vec![
        (
            "Email/query",
            json!({"accountId": ACCOUNT, "queryState": query_state, "canCalculateChanges": true, "position": 0,
                "ids": ids, "total": emails.len()}),
        ),
        ("Email/get", json!({"accountId": ACCOUNT, "state": state, "notFound": [], "list": emails})),
    ]
}

fn inbox_query() -> EmailQuery {
    EmailQuery::new(ACCOUNT)
        .filter(Filter::Condition(EmailFilter { in_mailbox: Some("inbox".into()), ..Default::default() }))
        .calculate_total(true)
}

fn email(id: &str, mailbox: &str, keywords: Value, subject: &str) -> Value {
    json!({"id": id, "mailboxIds": {mailbox: true}, "keywords": keywords, "subject": subject})
}

fn state_change(types: &[(&str, &str)]) -> StateChange {
    let states: BTreeMap<String, String> = types.iter().map(|(t, s)| (t.to_string(), s.to_string())).collect();
    StateChange { changed: BTreeMap::from([(ACCOUNT.to_string(), states)]) }
}

fn shown(store: &Store, key: &str) -> Vec<String> {
    let list = store.visible_query(key).unwrap();
    list.loaded().map(|(_, id)| id.to_string()).collect()
}

/// A store of messages and folders, the inbox open on m1, m2, m3 (states e1, m1, q1).
fn seeded() -> Store {
    let mut store = Store::new(ACCOUNT);
    store.register::<Msg>(TypeOptions { capacity: 100, load_all: false });
    store.register::<Folder>(TypeOptions { capacity: 100, load_all: true });
    store.open_query::<Msg>("inbox", inbox_query(), 50);
    store.set_window("inbox", 0..20);
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/query", "Email/get", "Mailbox/get"]);
    assert_eq!(args(&request, 1)["#ids"]["path"], "/ids");
    assert_eq!(args(&request, 2)["ids"], Value::Null, "every folder");
    let response = respond(
        &request,
        vec![
            (
                "Email/query",
                json!({"accountId": ACCOUNT, "queryState": "q1", "canCalculateChanges": true, "position": 0, "ids": ["m1", "m2", "m3"], "total": 3}),
            ),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e1", "notFound": [], "list": [
                email("m1", "inbox", json!({}), "Réunion"), email("m2", "inbox", json!({"$seen": true}), "Sortie"),
                email("m3", "inbox", json!({}), "Cantine")]}),
            ),
            (
                "Mailbox/get",
                json!({"accountId": ACCOUNT, "state": "b1", "notFound": [], "list": [
                {"id": "inbox", "name": "Inbox", "role": "inbox", "unreadEmails": 2},
                {"id": "archive", "name": "Archive", "role": "archive", "unreadEmails": 0}]}),
            ),
        ],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(summary.queries["inbox"], QueryOutcome::Reloaded);
    assert_eq!((store.state("Email"), store.state("Mailbox")), (Some("e1"), Some("b1")));
    store
}

fn keywords(store: &Store, id: &str) -> Vec<String> {
    let mut keys: Vec<String> =
        store.get::<Msg>(id).unwrap().0.keywords.clone().unwrap_or_default().into_keys().collect();
    keys.sort();
    keys
}

#[test]
fn a_state_change_for_two_types_is_answered_in_one_request() {
    let mut store = seeded();
    let push = state_change(&[("Email", "e2"), ("Mailbox", "b2")]);
    let (request, plan) =
        sync::plan(&mut store, Trigger::Push(&push), &SyncOptions { max_changes: 100, ..SyncOptions::default() })
            .unwrap();
    assert_eq!(names(&request), BOTH_TYPES_AND_THE_LIST);
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["methodCalls"].as_array().unwrap().len(), 8, "one methodCalls list");
    assert_eq!(args(&request, 0)["sinceState"], "e1");
    assert_eq!(args(&request, 0)["maxChanges"], 100);
    assert_eq!(args(&request, 1)["#ids"], json!({"resultOf": "c0", "name": "Email/changes", "path": "/created"}));
    assert_eq!(args(&request, 2)["#ids"]["path"], "/updated");
    assert_eq!(args(&request, 1)["properties"], json!(["id", "mailboxIds", "keywords", "subject"]));
    assert_eq!(args(&request, 3)["sinceQueryState"], "q1");
    assert_eq!(args(&request, 3)["filter"], json!({"inMailbox": "inbox"}), "the open query's own filter");
    assert_eq!(
        args(&request, 4)["#ids"],
        json!({"resultOf": "c3", "name": "Email/queryChanges", "path": "/added/*/id"})
    );
    assert_eq!(args(&request, 5)["sinceState"], "b1");
    assert_eq!(args(&request, 7)["#ids"]["resultOf"], "c5");

    let response = respond(
        &request,
        vec![
            (
                "Email/changes",
                json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "hasMoreChanges": false,
                "created": ["m9"], "updated": ["m1"], "destroyed": ["m2"]}),
            ),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": [email("m9", "inbox", json!({}), "Nouveau")]}),
            ),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": [email("m1", "inbox", json!({"$seen": true}), "Réunion")]}),
            ),
            (
                "Email/queryChanges",
                json!({"accountId": ACCOUNT, "oldQueryState": "q1", "newQueryState": "q2", "total": 3,
                "removed": ["m2"], "added": [{"id": "m9", "index": 0}]}),
            ),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": [email("m9", "inbox", json!({}), "Nouveau")]}),
            ),
            (
                "Mailbox/changes",
                json!({"accountId": ACCOUNT, "oldState": "b1", "newState": "b2", "hasMoreChanges": false,
                "created": [], "updated": ["inbox"], "destroyed": [], "updatedProperties": ["unreadEmails"]}),
            ),
            ("Mailbox/get", json!({"accountId": ACCOUNT, "state": "b2", "notFound": [], "list": []})),
            (
                "Mailbox/get",
                json!({"accountId": ACCOUNT, "state": "b2", "notFound": [], "list": [{"id": "inbox", "name": "Inbox", "role": "inbox", "unreadEmails": 2}]}),
            ),
        ],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!((store.state("Email"), store.state("Mailbox")), (Some("e2"), Some("b2")));
    assert_eq!(shown(&store, "inbox"), ["m9", "m1", "m3"]);
    assert!(store.get::<Msg>("m2").is_none(), "destroyed");
    assert_eq!(keywords(&store, "m1"), ["$seen"]);
    assert_eq!(store.get::<Folder>("inbox").unwrap().0.unread_emails, Some(2));
    assert_eq!(summary.types["Email"].created, ["m9"]);
    assert_eq!(summary.types["Mailbox"].updated, ["inbox"]);
    let QueryOutcome::Changed(moved) = &summary.queries["inbox"] else { panic!("the inbox moved") };
    assert_eq!(
        (moved.new_at_top.as_slice(), moved.removed.as_slice()),
        (&["m9".to_string()][..], &["m2".to_string()][..])
    );
    assert!(!summary.again());

    // A push naming the states held asks nothing; one naming only the folders asks only them.
    assert!(sync::plan(&mut store, Trigger::Push(&push), &SyncOptions::default()).is_none());
    let push = state_change(&[("Email", "e2"), ("Mailbox", "b3")]);
    let (request, _) = sync::plan(&mut store, Trigger::Push(&push), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Mailbox/changes", "Mailbox/get", "Mailbox/get"]);
}

#[test]
fn a_pending_change_is_shown_over_a_newer_server_version() {
    let mut store = seeded();
    let read =
        store.change(ChangeRequest::new("Email").update("m1", patch([("keywords/$seen", json!(true))]))).unwrap();
    assert_eq!(keywords(&store, "m1"), ["$seen"], "shown at once");
    assert!(
        store.records::<Msg>().unwrap().get("m1").unwrap().0.keywords.as_ref().unwrap().is_empty(),
        "the server's version is kept"
    );

    // Round 1 sends the change; before its answer, round 2 (a push) brings a newer m1: flagged
    // and renamed by another client.
    let (first, first_plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(names(&first)[0], "Email/set");
    assert_eq!(args(&first, 0)["update"], json!({"m1": {"keywords/$seen": true}}));
    let push = state_change(&[("Email", "e2")]);
    let (second, second_plan) = sync::plan(&mut store, Trigger::Push(&push), &SyncOptions::default()).unwrap();
    assert!(!names(&second).contains(&"Email/set"), "sent once");
    let response = respond(
        &second,
        vec![
            (
                "Email/changes",
                json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "hasMoreChanges": false, "created": [], "updated": ["m1"], "destroyed": []}),
            ),
            ("Email/get", json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": []})),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": [email("m1", "inbox", json!({"$flagged": true}), "Réunion (reportée)")]}),
            ),
            (
                "Email/queryChanges",
                json!({"accountId": ACCOUNT, "oldQueryState": "q1", "newQueryState": "q2", "removed": [], "added": []}),
            ),
            ("Email/get", json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": []})),
        ],
    );
    sync::apply(&mut store, second_plan, &response).unwrap();
    assert_eq!(keywords(&store, "m1"), ["$flagged", "$seen"], "the server's new flag and the pending read");
    assert_eq!(store.get::<Msg>("m1").unwrap().0.subject.as_deref(), Some("Réunion (reportée)"));
    assert_eq!(store.pending().len(), 1);

    // The server confirms: the change leaves the queue, the view stays.
    let mut answers =
        vec![("Email/set", json!({"accountId": ACCOUNT, "oldState": "e2", "newState": "e3", "updated": {"m1": null}}))];
    answers.extend(first.method_calls[1..].iter().map(|_| ("error", json!({"type": "serverUnavailable"}))));
    let response = respond(&first, answers);
    let summary = sync::apply(&mut store, first_plan, &response).unwrap();
    assert_eq!(summary.confirmed, [read]);
    assert!(store.pending().is_empty());
    assert_eq!(keywords(&store, "m1"), ["$flagged", "$seen"]);
    assert_eq!(store.state("Email"), Some("e3"), "the set moved the state from the one held");
}

#[test]
fn a_refused_move_is_rolled_back_with_the_reason() {
    let mut store = seeded();
    let mv = patch([("mailboxIds/inbox", Value::Null), ("mailboxIds/archive", json!(true))]);
    let change = store.change(ChangeRequest::new("Email").update_all(["m1", "m3"], mv).hide_from("inbox")).unwrap();
    assert_eq!(shown(&store, "inbox"), ["m2"], "out of the inbox at once");
    assert_eq!(store.visible_query("inbox").unwrap().total(), 1);
    let archived: Vec<String> = store.get::<Msg>("m1").unwrap().0.mailbox_ids.clone().unwrap().into_keys().collect();
    assert_eq!(archived, ["archive"]);

    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/set"], "only the change: nothing moved");
    let response = respond(
        &request,
        vec![(
            "Email/set",
            json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "updated": {"m3": null},
                "notUpdated": {"m1": {"type": "forbidden", "description": "read-only folder"}}}),
        )],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(summary.refused.len(), 1);
    let refusal = &summary.refused[0];
    assert_eq!((refusal.change, refusal.id.as_str(), refusal.error.error_type.as_str()), (change, "m1", "forbidden"));
    assert_eq!(refusal.error.description.as_deref(), Some("read-only folder"));
    assert!(summary.confirmed.is_empty(), "not all of it");
    assert!(store.pending().is_empty(), "m3 confirmed, m1 refused: nothing left");
    assert_eq!(shown(&store, "inbox"), ["m1", "m2"], "m1 back; m3 left the list as the server confirmed");
    let back: Vec<String> = store.get::<Msg>("m1").unwrap().0.mailbox_ids.clone().unwrap().into_keys().collect();
    assert_eq!(back, ["inbox"]);

    // The next queryChanges reporting m3 removed does not forget the list.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let response = respond(
        &request,
        [
            nothing_changed("Email", "e2"),
            vec![
                (
                    "Email/queryChanges",
                    json!({"accountId": ACCOUNT, "oldQueryState": "q1", "newQueryState": "q2", "total": 2, "removed": ["m3"], "added": []}),
                ),
                ("Email/get", empty_get("e2")),
            ],
            nothing_changed("Mailbox", "b1"),
        ]
        .concat(),
    );
    sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(store.query("inbox").unwrap().window(0..2), [(0, Some("m1")), (1, Some("m2"))]);
}

/// "Annuler" on a move, written by the caller (it moves back objects the store may not hold):
/// before it is sent the move is dropped; once sent the way back is queued and the rows show at
/// once, and the move's confirmation then leaves them in the list; once confirmed, the way back
/// is queued all the same.
#[test]
fn a_move_is_undone_by_the_change_the_caller_writes() {
    let to_archive = || patch([("mailboxIds/inbox", Value::Null), ("mailboxIds/archive", json!(true))]);
    let back = |ids: &[&str]| {
        let mv = patch([("mailboxIds/archive", Value::Null), ("mailboxIds/inbox", json!(true))]);
        ChangeRequest::new("Email").update_all(ids.iter().copied(), mv)
    };
    let mut store = seeded();

    // Not sent yet: dropped, nothing to send.
    let mv = store.change(ChangeRequest::new("Email").update("m1", to_archive()).hide_from("inbox")).unwrap();
    assert_eq!(shown(&store, "inbox"), ["m2", "m3"]);
    assert_eq!(store.undo_with(mv, back(&["m1"])), Ok(None));
    assert_eq!(shown(&store, "inbox"), ["m1", "m2", "m3"]);
    assert!(store.pending().is_empty());

    // Sent, not answered: the way back is queued and the row is shown again at once.
    let mv = store.change(ChangeRequest::new("Email").update("m1", to_archive()).hide_from("inbox")).unwrap();
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    let undo = store.undo_with(mv, back(&["m1"])).unwrap().expect("sent: a way back to send");
    assert_eq!(shown(&store, "inbox"), ["m1", "m2", "m3"]);
    let set = json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "updated": {"m1": null}});
    sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", set)])).unwrap();
    assert_eq!(shown(&store, "inbox"), ["m1", "m2", "m3"], "the confirmed move left no hole: it is undone");
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(args(&request, 0)["update"], json!({"m1": {"mailboxIds/archive": null, "mailboxIds/inbox": true}}));
    let set = json!({"accountId": ACCOUNT, "oldState": "e2", "newState": "e3", "updated": {"m1": null}});
    assert_eq!(sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", set)])).unwrap().confirmed, [undo]);

    // Confirmed already: the way back is queued; the row comes back with the list's changes.
    let mv = store.change(ChangeRequest::new("Email").update("m2", to_archive()).hide_from("inbox")).unwrap();
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    let set = json!({"accountId": ACCOUNT, "oldState": "e3", "newState": "e4", "updated": {"m2": null}});
    sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", set)])).unwrap();
    assert_eq!(shown(&store, "inbox"), ["m1", "m3"]);
    assert!(store.undo_with(mv, back(&["m2"])).unwrap().is_some());
    assert_eq!(store.pending().changes()[0].undoes, None, "the move is no longer in the queue");
    assert_eq!(store.undo_with(mv, ChangeRequest::new("Email")), Err(PendingError::Empty));
}

/// A folder created from the screen: shown at once under its creation id, sent as a `/set`
/// create, held under the server's id once confirmed; a refused creation goes, with what it was.
#[test]
fn a_created_object_is_shown_at_once_then_held_under_the_servers_id() {
    let mut store = seeded();
    let create = |id: &str, name: &str| ChangeRequest::new("Mailbox").create(id, json!({"name": name}));
    store.change(create("new-1", "Projets")).unwrap();
    assert_eq!(store.get::<Folder>("new-1").unwrap().0.name.as_deref(), Some("Projets"));
    assert_eq!(store.ids::<Folder>(), ["archive", "inbox", "new-1"]);
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(args(&request, 0)["create"], json!({"new-1": {"name": "Projets"}}));
    let set = json!({"accountId": ACCOUNT, "oldState": "b1", "newState": "b2", "created": {"new-1": {"id": "M9", "sortOrder": 10}}});
    let summary = sync::apply(&mut store, plan, &respond(&request, vec![("Mailbox/set", set)])).unwrap();
    assert_eq!(summary.confirmed.len(), 1);
    assert_eq!(store.ids::<Folder>(), ["M9", "archive", "inbox"]);
    assert_eq!(store.get::<Folder>("M9").unwrap().0.sort_order, Some(10));

    store.change(create("new-2", "50 %")).unwrap();
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    let set = json!({"accountId": ACCOUNT, "oldState": "b2", "newState": "b2",
        "notCreated": {"new-2": {"type": "serverFail", "description": "Invalid mailbox name"}}});
    let summary = sync::apply(&mut store, plan, &respond(&request, vec![("Mailbox/set", set)])).unwrap();
    assert_eq!(summary.refused[0].edit, Some(facteur_kit::pending::Edit::Create(json!({"name": "50 %"}))));
    assert!(store.get::<Folder>("new-2").is_none() && store.pending().is_empty());
}

/// A round sends at most `max_sets` pending changes (one `/set` each), so that it stays within
/// the server's `maxCallsInRequest`; the others go with the next round, which follows at once.
#[test]
fn a_round_sends_at_most_max_sets_changes() {
    let mut store = seeded();
    for id in ["m1", "m2", "m3"] {
        store.change(ChangeRequest::new("Email").update(id, patch([("keywords/$flagged", json!(true))]))).unwrap();
    }
    let options = SyncOptions { max_sets: 2, ..SyncOptions::default() };
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &options).unwrap();
    assert_eq!(names(&request), ["Email/set", "Email/set"]);
    let updated = |id: &str| json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e1", "updated": {id: null}});
    let summary = sync::apply(
        &mut store,
        plan,
        &respond(&request, vec![("Email/set", updated("m1")), ("Email/set", updated("m2"))]),
    )
    .unwrap();
    assert!(summary.again(), "one change is left: another round at once");
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &options).unwrap();
    assert_eq!(args(&request, 0)["update"], json!({"m3": {"keywords/$flagged": true}}));
    let summary = sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", updated("m3"))])).unwrap();
    assert!(!summary.again() && store.pending().is_empty());
}

#[test]
fn cannot_calculate_changes_reloads_only_that_type_or_only_that_query() {
    let mut store = seeded();
    store.open_query::<Msg>("flagged", EmailQuery::new(ACCOUNT), 10);
    // Load "flagged" (a round with only its page: the states have not moved).
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/query", "Email/get"]);
    let response =
        respond(&request, first_page("f1", "e1", vec![email("m3", "inbox", json!({"$flagged": true}), "Cantine")]));
    sync::apply(&mut store, plan, &response).unwrap();

    // The type: Email cannot tell its changes; Mailbox can; both queries can.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let calls = names(&request);
    assert_eq!(calls.iter().filter(|n| **n == "Email/queryChanges").count(), 2);
    let error = || ("error", json!({"type": "cannotCalculateChanges"}));
    let response = respond(
        &request,
        [
            vec![
                error(),
                ("error", json!({"type": "invalidResultReference"})),
                ("error", json!({"type": "invalidResultReference"})),
                ("Email/queryChanges", unchanged_query("f1")),
                ("Email/get", empty_get("e5")),
                ("Email/queryChanges", unchanged_query("q1")),
                ("Email/get", empty_get("e5")),
            ],
            nothing_changed("Mailbox", "b1"),
        ]
        .concat(),
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(summary.reload_types, ["Email"]);
    assert!(summary.reload_queries.is_empty() && summary.again());
    assert!(store.needs_reload("Email") && !store.needs_reload("Mailbox"));

    // The next round fetches the held messages again, by id, and nothing else of Email.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(&names(&request)[..3], ["Email/get", "Email/queryChanges", "Email/get"]);
    assert!(!names(&request).contains(&"Email/changes"));
    assert_eq!(args(&request, 0)["ids"], json!(["m1", "m2", "m3"]));
    let response = respond(
        &request,
        [
            vec![
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e6", "notFound": ["m2"], "list": [
                email("m1", "inbox", json!({"$seen": true}), "Réunion"), email("m3", "inbox", json!({"$flagged": true}), "Cantine")]}),
            ),
            ("Email/queryChanges", unchanged_query("f1")),
            ("Email/get", empty_get("e6")),
            ("Email/queryChanges", unchanged_query("q1")),
            ("Email/get", empty_get("e6")),
            ],
            nothing_changed("Mailbox", "b1"),
        ]
        .concat(),
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert!(summary.types["Email"].reloaded && !summary.again());
    assert_eq!((store.state("Email"), store.needs_reload("Email")), (Some("e6"), false));
    assert!(store.get::<Msg>("m2").is_none(), "gone on the server");
    assert_eq!(keywords(&store, "m1"), ["$seen"]);
    assert_eq!(store.held("Mailbox"), 2, "the folders were not fetched again");

    // A query: the inbox cannot tell its changes (too many); the flagged list can.
    let (request, plan) =
        sync::plan(&mut store, Trigger::Push(&state_change(&[("Email", "e7")])), &SyncOptions::default()).unwrap();
    assert_eq!(args(&request, 5)["sinceQueryState"], "q1");
    let response = respond(
        &request,
        vec![
            (
                "Email/changes",
                json!({"accountId": ACCOUNT, "oldState": "e6", "newState": "e7", "created": [], "updated": [], "destroyed": []}),
            ),
            ("Email/get", empty_get("e7")),
            ("Email/get", empty_get("e7")),
            ("Email/queryChanges", unchanged_query("f1")),
            ("Email/get", empty_get("e7")),
            ("error", json!({"type": "tooManyChanges"})),
            ("error", json!({"type": "invalidResultReference"})),
        ],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!((summary.reload_types.len(), summary.reload_queries.as_slice()), (0, &["inbox".to_string()][..]));
    assert!(store.query_needs_reload("inbox") && !store.query_needs_reload("flagged"));
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/query", "Email/get"], "only the inbox, from the top");
    assert_eq!((args(&request, 0)["position"].clone(), args(&request, 0)["limit"].clone()), (json!(0), json!(50)));
    assert_eq!(args(&request, 0)["filter"], json!({"inMailbox": "inbox"}));
    let response = respond(
        &request,
        first_page(
            "q9",
            "e7",
            vec![email("m3", "inbox", json!({}), "Cantine"), email("m1", "inbox", json!({}), "Réunion")],
        ),
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(summary.queries["inbox"], QueryOutcome::Reloaded);
    assert_eq!(shown(&store, "inbox"), ["m3", "m1"]);
    assert_eq!(store.query("inbox").unwrap().query_state(), Some("q9"));
}

#[test]
fn a_query_not_open_gets_nothing_asked() {
    let mut store = seeded();
    store.open_query::<Msg>("archive", EmailQuery::new(ACCOUNT), 10);
    assert!(store.close_query("archive"));
    assert!(!store.close_query("archive"));
    assert!(store.query("archive").is_none());
    let (request, _) =
        sync::plan(&mut store, Trigger::Push(&state_change(&[("Email", "e2")])), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/changes", "Email/get", "Email/get", "Email/queryChanges", "Email/get"]);
    assert_eq!(args(&request, 3)["sinceQueryState"], "q1", "the inbox's only");

    // Without any open query the type is followed by /changes alone.
    store.close_query("inbox");
    let (request, _) =
        sync::plan(&mut store, Trigger::Push(&state_change(&[("Email", "e2")])), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/changes", "Email/get", "Email/get"]);
}

#[test]
fn scrolling_through_ten_times_the_capacity_holds_at_most_the_capacity() {
    const CAPACITY: usize = 30;
    const TOTAL: usize = 10 * CAPACITY;
    let mut store = Store::new(ACCOUNT);
    store.register::<Msg>(TypeOptions { capacity: CAPACITY, load_all: false });
    store.open_query::<Msg>("inbox", inbox_query(), 10);
    store.set_window("inbox", 0..10);
    // A server of TOTAL messages answering pages as asked.
    let serve = |request: &Request| {
        let position = args(request, 0)["position"].as_u64().unwrap() as usize;
        let limit = args(request, 0)["limit"].as_u64().unwrap() as usize;
        let ids: Vec<String> = (position..(position + limit).min(TOTAL)).map(|i| format!("m{i}")).collect();
        let list: Vec<Value> = ids.iter().map(|id| email(id, "inbox", json!({}), &format!("Message {id}"))).collect();
        respond(
            request,
            vec![
                (
                    "Email/query",
                    json!({"accountId": ACCOUNT, "queryState": "q1", "canCalculateChanges": true, "position": position, "ids": ids, "total": TOTAL}),
                ),
                ("Email/get", json!({"accountId": ACCOUNT, "state": "e1", "list": list})),
            ],
        )
    };
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    sync::apply(&mut store, plan, &serve(&request)).unwrap();
    store.pin::<Msg>("m0", true); // the conversation open
    let mut pages = 1;
    for start in (5..TOTAL).step_by(5) {
        let window = start..(start + 10).min(TOTAL);
        store.set_window("inbox", window.clone());
        if let Some((request, plan)) = sync::page(&store, "inbox", window.clone()) {
            sync::apply(&mut store, plan, &serve(&request)).unwrap();
            pages += 1;
        }
        assert!(store.held("Email") <= CAPACITY, "{} held at {start}", store.held("Email"));
        for position in window {
            let id = format!("m{position}");
            assert!(store.get::<Msg>(&id).is_some(), "{id} shown, so held");
        }
    }
    assert_eq!(pages, TOTAL / 10, "each page asked once");
    assert_eq!(store.query("inbox").unwrap().loaded_count(), TOTAL, "the ids by position are kept (they are small)");
    assert!(store.get::<Msg>("m0").is_some(), "pinned");
    assert!(store.get::<Msg>("m100").is_none(), "scrolled past long ago: evicted");

    // Scrolling back: the ids are known, the evicted objects are fetched by id.
    store.set_window("inbox", 0..10);
    let (request, plan) = sync::page(&store, "inbox", 0..10).unwrap();
    assert_eq!(names(&request), ["Email/get"]);
    let wanted: Vec<String> = (1..10).map(|i| format!("m{i}")).collect();
    assert_eq!(args(&request, 0)["ids"], json!(wanted), "m0 is pinned, so held");
    let list: Vec<Value> = wanted.iter().map(|id| email(id, "inbox", json!({}), id)).collect();
    let response = respond(&request, vec![("Email/get", json!({"accountId": ACCOUNT, "state": "e1", "list": list}))]);
    sync::apply(&mut store, plan, &response).unwrap();
    assert!(wanted.iter().all(|id| store.get::<Msg>(id).is_some()));
    assert!(store.held("Email") <= CAPACITY);
    assert!(sync::page(&store, "inbox", 0..10).is_none(), "nothing missing");
    store.pin::<Msg>("m0", false);
    store.set_window("inbox", 0..0);
    assert!(store.held("Email") <= CAPACITY);
}

#[test]
fn undo_sends_the_inverse_or_drops_what_was_not_sent() {
    let mut store = seeded();
    let read =
        store.change(ChangeRequest::new("Email").update("m1", patch([("keywords/$seen", json!(true))]))).unwrap();
    assert_eq!(store.undo(read), Ok(None), "not sent yet: simply dropped");
    assert!(store.pending().is_empty() && keywords(&store, "m1").is_empty());

    let read =
        store.change(ChangeRequest::new("Email").update("m1", patch([("keywords/$seen", json!(true))]))).unwrap();
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    let set = json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "updated": {"m1": null}});
    sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", set)])).unwrap();
    assert!(store.pending().is_empty());
    assert_eq!(store.undo(read), Err(PendingError::UnknownChange(read)), "confirmed: gone from the queue");

    // A round that got no answer (offline): its change goes with the next one.
    let star =
        store.change(ChangeRequest::new("Email").update("m3", patch([("keywords/$flagged", json!(true))]))).unwrap();
    let (_, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert!(sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).is_none(), "in flight");
    sync::abandon(&mut store, plan);
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(args(&request, 0)["update"], json!({"m3": {"keywords/$flagged": true}}));
    let set = json!({"accountId": ACCOUNT, "oldState": "e2", "newState": "e2b", "updated": {"m3": null}});
    assert_eq!(sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", set)])).unwrap().confirmed, [star]);

    // Undo while the change waits for its answer: the inverse is queued and shown.
    let flag =
        store.change(ChangeRequest::new("Email").update("m1", patch([("keywords/$flagged", json!(true))]))).unwrap();
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    let unflag = store.undo(flag).unwrap().expect("sent: an inverse to send");
    assert_eq!(keywords(&store, "m1"), ["$seen"]);
    let set = json!({"accountId": ACCOUNT, "oldState": "e2b", "newState": "e3", "updated": {"m1": null}});
    sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", set)])).unwrap();
    assert_eq!(keywords(&store, "m1"), ["$seen"]);
    let (request, _) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(args(&request, 0)["update"], json!({"m1": {"keywords/$flagged": null}}));
    assert_eq!(store.pending().changes()[0].id, unflag);

    // A destroy already sent cannot be undone.
    let delete = store.change(ChangeRequest::new("Email").destroy(["m2"]).hide_from("inbox")).unwrap();
    assert_eq!(shown(&store, "inbox"), ["m1", "m3"]);
    assert!(store.get::<Msg>("m2").is_none());
    sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(store.undo(delete), Err(PendingError::NotUndoable(delete)));
    assert_eq!(store.change(ChangeRequest::new("Calendar")), Err(PendingError::Empty));
    let unknown = ChangeRequest::new("Calendar").destroy(["c1"]);
    assert_eq!(store.change(unknown), Err(PendingError::UnknownType("Calendar".into())));
}

#[test]
fn a_record_shaped_otherwise_reads_patches_its_own_way() {
    let mut store = Store::new(ACCOUNT);
    store.register::<Row>(TypeOptions { capacity: 10, load_all: false });
    store.open_query::<Row>("inbox", inbox_query(), 10);
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(args(&request, 1)["properties"], json!(["id", "keywords"]));
    let response = respond(
        &request,
        vec![
            (
                "Email/query",
                json!({"accountId": ACCOUNT, "queryState": "q1", "canCalculateChanges": true, "position": 0, "ids": ["m1"], "total": 1}),
            ),
            ("Email/get", json!({"accountId": ACCOUNT, "state": "e1", "list": [{"id": "m1", "keywords": {}}]})),
        ],
    );
    sync::apply(&mut store, plan, &response).unwrap();
    let read =
        store.change(ChangeRequest::new("Email").update("m1", patch([("keywords/$seen", json!(true))]))).unwrap();
    assert!(!store.get::<Row>("m1").unwrap().unread);
    assert_eq!(store.pending().find(read).unwrap().inverse["m1"], patch([("keywords/$seen", Value::Null)]));
}

#[test]
fn a_store_rebuilt_from_what_it_saved_holds_the_same() {
    let mut store = seeded();
    store.change(ChangeRequest::new("Email").update("m3", patch([("keywords/$seen", json!(true))]))).unwrap();
    store.change(ChangeRequest::new("Email").destroy(["m2"]).hide_from("inbox")).unwrap();
    sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap(); // both sent
    let mut saved = MemoryPersistence::default();
    store.save(&mut saved);

    let mut rebuilt = Store::new(ACCOUNT);
    rebuilt.register::<Msg>(TypeOptions { capacity: 100, load_all: false });
    rebuilt.register::<Folder>(TypeOptions { capacity: 100, load_all: true });
    rebuilt.load(&saved).unwrap();
    for name in ["Email", "Mailbox"] {
        assert_eq!((rebuilt.state(name), rebuilt.held(name)), (store.state(name), store.held(name)));
    }
    for id in ["m1", "m3"] {
        let json = |s: &Store| serde_json::to_value(s.get::<Msg>(id).unwrap().into_owned()).unwrap();
        assert_eq!(json(&rebuilt), json(&store));
    }
    assert!(rebuilt.get::<Msg>("m2").is_none(), "its pending destroy is applied");
    assert_eq!(keywords(&rebuilt, "m3"), ["$seen"]);
    assert_eq!(rebuilt.get::<Folder>("archive").unwrap().0.name.as_deref(), Some("Archive"));
    let ids = |s: &Store| {
        s.pending().changes().iter().map(|c| (c.id, c.edits.clone(), c.hide_from.clone())).collect::<Vec<_>>()
    };
    assert_eq!(ids(&rebuilt), ids(&store));
    assert!(rebuilt.pending().changes().iter().all(|c| !c.sent), "replayed: sent again, in order");

    // The queue is plain serde (for IndexedDB).
    let text = serde_json::to_string(store.pending()).unwrap();
    assert_eq!(&serde_json::from_str::<facteur_kit::pending::PendingQueue>(&text).unwrap(), store.pending());

    // Changes made after the reload get new ids, after the replayed ones.
    let next =
        rebuilt.change(ChangeRequest::new("Email").update("m1", patch([("keywords/$flagged", json!(true))]))).unwrap();
    assert!(rebuilt.pending().changes().iter().all(|c| c.id <= next));
    let (request, _) = sync::plan(&mut rebuilt, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/set", "Email/set", "Email/set"]);
    assert_eq!(args(&request, 1)["destroy"], json!(["m2"]));
}

#[test]
fn has_more_changes_reloads_the_type_and_a_folder_reload_drops_the_deleted_ones() {
    let mut store = seeded();
    let push = state_change(&[("Email", "e9"), ("Mailbox", "b9")]);
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&push), &SyncOptions::default()).unwrap();
    let response = respond(
        &request,
        [vec![
            (
                "Email/changes",
                json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e5", "hasMoreChanges": true,
                        "created": [], "updated": [], "destroyed": ["m3"]}),
            ),
            ("Email/get", empty_get("e5")),
            ("Email/get", empty_get("e5")),
            ("Email/queryChanges", unchanged_query("q1")),
            ("Email/get", empty_get("e5")),
            ("error", json!({"type": "cannotCalculateChanges", "description": "state too old"})),
            ("error", json!({"type": "invalidResultReference"})),
            ("error", json!({"type": "invalidResultReference"})),
        ]]
        .concat(),
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(summary.reload_types, ["Email", "Mailbox"]);
    assert!(store.get::<Msg>("m3").is_none(), "the destroyed of the first batch are applied");

    // The folders, registered to be held whole, come again whole: the deleted one goes.
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/get", "Mailbox/get"]);
    assert_eq!(
        (args(&request, 0)["ids"].clone(), args(&request, 1)["ids"].clone()),
        (json!(["m1", "m2"]), Value::Null)
    );
    let response = respond(
        &request,
        vec![
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e9", "list": [email("m1", "inbox", json!({}), "Réunion"), email("m2", "inbox", json!({}), "Sortie")]}),
            ),
            (
                "Mailbox/get",
                json!({"accountId": ACCOUNT, "state": "b9", "list": [{"id": "inbox", "name": "Boîte de réception", "role": "inbox"}]}),
            ),
        ],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert!(summary.types["Email"].reloaded && summary.types["Mailbox"].reloaded && !summary.again());
    assert_eq!((store.state("Email"), store.state("Mailbox")), (Some("e9"), Some("b9")));
    assert!(store.get::<Folder>("archive").is_none());
    assert_eq!(store.get::<Folder>("inbox").unwrap().0.name.as_deref(), Some("Boîte de réception"));
}

#[test]
fn a_destroy_leaves_every_query_at_once_and_for_good_once_confirmed() {
    let mut store = seeded();
    store.open_query::<Msg>("all", EmailQuery::new(ACCOUNT), 10);
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    let response = respond(
        &request,
        first_page(
            "a1",
            "e1",
            vec![email("m2", "inbox", json!({}), "Sortie"), email("m1", "inbox", json!({}), "Réunion")],
        ),
    );
    sync::apply(&mut store, plan, &response).unwrap();
    let delete = store.change(ChangeRequest::new("Email").destroy(["m2"])).unwrap();
    assert_eq!(
        (shown(&store, "inbox"), shown(&store, "all")),
        (vec!["m1".to_string(), "m3".into()], vec!["m1".to_string()])
    );
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    assert_eq!(args(&request, 0)["destroy"], json!(["m2"]));
    let set = json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "destroyed": ["m2"]});
    let summary = sync::apply(&mut store, plan, &respond(&request, vec![("Email/set", set)])).unwrap();
    assert_eq!(summary.confirmed, [delete]);
    assert!(store.pending().is_empty() && store.records::<Msg>().unwrap().get("m2").is_none());
    assert_eq!(store.query("all").unwrap().window(0..2), [(0, Some("m1"))], "out of the list, not only hidden");
    assert_eq!(shown(&store, "inbox"), ["m1", "m3"]);
}

/// A folder's list of conversations, as Stalwart 0.16 answers it: its collapsed `Email/query`
/// and `/queryChanges` count the emails (7), the folder's `totalThreads` the conversations (5).
#[test]
fn a_list_bounded_by_its_folders_count_follows_that_count_through_the_rounds() {
    let mut store = Store::new(ACCOUNT);
    store.register::<Msg>(TypeOptions { capacity: 100, load_all: false });
    store.register::<Folder>(TypeOptions { capacity: 100, load_all: true });
    store.open_query::<Msg>("inbox", inbox_query(), 2);
    let threads = |f: &Folder| f.0.total_threads.map(|n| n as usize);
    store.bound_query::<Folder>("inbox", "inbox", threads);
    let folder = |threads: u64| json!({"id": "inbox", "name": "Inbox", "role": "inbox", "totalThreads": threads});
    let page = |query_state: &str, ids: &[&str], total: u64| {
        vec![
            (
                "Email/query",
                json!({"accountId": ACCOUNT, "queryState": query_state, "canCalculateChanges": true, "position": 0,
                    "ids": ids, "total": total}),
            ),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e1", "notFound": [],
                    "list": ids.iter().map(|id| email(id, "inbox", json!({}), id)).collect::<Vec<_>>()}),
            ),
        ]
    };
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/query", "Email/get", "Mailbox/get"]);
    let mut answers = page("q1", &["m1", "m2"], 7);
    answers.push(("Mailbox/get", json!({"accountId": ACCOUNT, "state": "b1", "notFound": [], "list": [folder(5)]})));
    sync::apply(&mut store, plan, &respond(&request, answers)).unwrap();
    assert_eq!(store.query("inbox").unwrap().total(), 5, "the folder's conversations, not the emails");
    // Scrolling asks the conversations there are, not the emails: the last page is of one.
    let (request, _) = sync::page(&store, "inbox", 0..10).unwrap();
    assert_eq!((args(&request, 0)["position"].clone(), args(&request, 0)["limit"].clone()), (json!(2), json!(2)));
    store.apply_page("inbox", 2, vec!["m3".into(), "m4".into()], 7, "q1");
    let (request, _) = sync::page(&store, "inbox", 0..10).unwrap();
    assert_eq!((args(&request, 0)["position"].clone(), args(&request, 0)["limit"].clone()), (json!(4), json!(1)));

    // A new conversation: the query counts one more email, the folder one more conversation.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), BOTH_TYPES_AND_THE_LIST);
    let response = respond(
        &request,
        vec![
            (
                "Email/changes",
                json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "created": ["m9"], "updated": [], "destroyed": []}),
            ),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": [email("m9", "inbox", json!({}), "Nouveau")]}),
            ),
            ("Email/get", empty_get("e2")),
            (
                "Email/queryChanges",
                json!({"accountId": ACCOUNT, "oldQueryState": "q1", "newQueryState": "q2", "total": 8,
                    "removed": [], "added": [{"id": "m9", "index": 0}]}),
            ),
            (
                "Email/get",
                json!({"accountId": ACCOUNT, "state": "e2", "notFound": [], "list": [email("m9", "inbox", json!({}), "Nouveau")]}),
            ),
            (
                "Mailbox/changes",
                json!({"accountId": ACCOUNT, "oldState": "b1", "newState": "b2", "created": [], "updated": ["inbox"], "destroyed": [],
                    "updatedProperties": ["totalEmails", "unreadEmails", "totalThreads", "unreadThreads"]}),
            ),
            ("Mailbox/get", empty_get("b2")),
            ("Mailbox/get", json!({"accountId": ACCOUNT, "state": "b2", "notFound": [], "list": [folder(6)]})),
        ],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    let QueryOutcome::Changed(changed) = &summary.queries["inbox"] else { panic!("the list moved") };
    assert_eq!((changed.new_at_top.as_slice(), changed.forgotten_from), (&["m9".to_string()][..], None));
    let list = store.query("inbox").unwrap();
    assert_eq!((list.total(), list.id_at(0), list.id_at(4)), (6, Some("m9"), Some("m4")));

    // The query loaded again from the top (the server could not tell its changes): still bounded.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let response = respond(
        &request,
        [
            nothing_changed("Email", "e2"),
            vec![
                ("error", json!({"type": "cannotCalculateChanges"})),
                ("error", json!({"type": "invalidResultReference"})),
            ],
            nothing_changed("Mailbox", "b2"),
        ]
        .concat(),
    );
    assert_eq!(sync::apply(&mut store, plan, &response).unwrap().reload_queries, ["inbox"]);
    let (request, plan) = sync::plan(&mut store, Trigger::Push(&state_change(&[])), &SyncOptions::default()).unwrap();
    sync::apply(&mut store, plan, &respond(&request, page("q3", &["m9", "m1"], 8))).unwrap();
    assert_eq!(store.query("inbox").unwrap().total(), 6);
    // Closed and opened again: no bound until one is set again.
    store.open_query::<Msg>("inbox", inbox_query(), 2);
    store.apply_page("inbox", 0, vec!["m9".into(), "m1".into()], 8, "q3");
    assert_eq!(store.query("inbox").unwrap().total(), 8);
}
