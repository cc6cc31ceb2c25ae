//! What a domain adds to the store and its sync engine: calls after each `/get` of its type
//! ([`Record::extend_get`], here the `Thread/get` that gives a list row its conversation's size)
//! across every get the engine plans, and what it loads with its own requests: objects
//! ([`Store::insert`], [`Store::set_state`]), query pages ([`Store::apply_page`],
//! [`Store::apply_query_response`]) and far rows forgotten ([`Store::forget_outside`],
//! [`Store::forget`], [`Store::query_mut`]).

use facteur_jmap::{CallHandle, Email, EmailQuery, Get, QueryResponse, Request, RequestBuilder, Response, Thread};
use facteur_kit::pending::{patch, ChangeRequest};
use facteur_kit::store::{Record, Store, TypeOptions};
use facteur_kit::sync::{self, SyncOptions, Trigger};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::any::Any;
use std::collections::HashMap;

/// A message list row that knows how many messages its conversation has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Row {
    id: String,
    thread_id: Option<String>,
    thread_size: usize,
}

impl Record for Row {
    type Object = Email;
    fn id(&self) -> &str {
        &self.id
    }
    fn from_object(email: Email) -> Option<Self> {
        Some(Row { id: email.id?, thread_id: email.thread_id, thread_size: 0 })
    }
    fn properties() -> Option<Vec<String>> {
        Some(vec!["id".into(), "threadId".into()])
    }
    fn extend_get(builder: &mut RequestBuilder, account: &str, get: &CallHandle<Get<Email>>) -> Option<Box<dyn Any>> {
        let threads = builder.call(Get::<Thread>::new(account).ids_ref(get.reference("/list/*/threadId")));
        Some(Box::new(threads))
    }
    fn read_extension(records: &mut [Self], extension: Box<dyn Any>, response: &Response) {
        let Ok(threads) = extension.downcast::<CallHandle<Get<Thread>>>() else { return };
        let Ok(got) = response.get(&*threads) else { return };
        let sizes: HashMap<String, usize> = got.list.into_iter().map(|t| (t.id, t.email_ids.len())).collect();
        for record in records {
            if let Some(size) = record.thread_id.as_ref().and_then(|t| sizes.get(t)) {
                record.thread_size = *size;
            }
        }
    }
}

const ACCOUNT: &str = "A1";

/// The answer to `request`: one result per call, in order, named as the call (or `error` for a
/// result with a `type` and no `accountId`).
fn reply(request: &Request, results: Vec<Value>) -> Response {
    assert_eq!(request.method_calls.len(), results.len(), "one result per call: {:?}", call_names(request));
    let responses: Vec<Value> = request
        .method_calls
        .iter()
        .zip(results)
        .map(|(call, result)| {
            let error = result.get("type").is_some() && result.get("accountId").is_none();
            json!([if error { "error" } else { call.name.as_str() }, result, call.call_id])
        })
        .collect();
    serde_json::from_value(json!({"sessionState": "s1", "methodResponses": responses})).unwrap()
}

fn call_names(request: &Request) -> Vec<&str> {
    request.method_calls.iter().map(|c| c.name.as_str()).collect()
}

/// The back-reference a `Thread/get` must carry to the `Email/get` of call `call_id`.
fn threads_of(call_id: &str) -> Value {
    json!({"resultOf": call_id, "name": "Email/get", "path": "/list/*/threadId"})
}

/// Checks that every `Email/get` of the request is followed by a `Thread/get` of its threads.
fn assert_each_get_extended(request: &Request) {
    for (at, call) in request.method_calls.iter().enumerate().filter(|(_, c)| c.name == "Email/get") {
        let next = &request.method_calls[at + 1];
        assert_eq!(next.name, "Thread/get", "after {}", call.call_id);
        assert_eq!(next.arguments, json!({"accountId": ACCOUNT, "#ids": threads_of(&call.call_id)}));
    }
}

fn emails(list: &[(&str, &str)]) -> Value {
    let list: Vec<Value> = list.iter().map(|(id, thread)| json!({"id": id, "threadId": thread})).collect();
    json!({"accountId": ACCOUNT, "state": "e1", "notFound": [], "list": list})
}

fn threads(list: &[(&str, &[&str])]) -> Value {
    let list: Vec<Value> = list.iter().map(|(id, ids)| json!({"id": id, "emailIds": ids})).collect();
    json!({"accountId": ACCOUNT, "state": "t1", "notFound": [], "list": list})
}

fn size(store: &Store, id: &str) -> usize {
    store.get::<Row>(id).unwrap().thread_size
}

fn row(id: &str) -> Row {
    Row { id: id.into(), thread_id: Some(format!("t-{id}")), thread_size: 1 }
}

fn held(store: &Store, id: &str) -> bool {
    store.records::<Row>().unwrap().contains(id)
}

/// A store of rows holding at most `capacity`, the query `inbox` open with pages of `page_size`.
fn inbox(capacity: usize, page_size: u32) -> Store {
    let mut store = Store::new(ACCOUNT);
    store.register::<Row>(TypeOptions { capacity, load_all: false });
    store.open_query::<Row>("inbox", EmailQuery::new(ACCOUNT), page_size);
    store
}

#[test]
fn every_get_the_engine_plans_brings_the_threads_of_its_emails() {
    let mut store = inbox(100, 2);

    // The first page: its get, then the threads of what it got.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(call_names(&request), ["Email/query", "Email/get", "Thread/get"]);
    assert_eq!(request.method_calls[2].arguments["#ids"], threads_of("c1"));
    assert_each_get_extended(&request);
    let query = json!({"accountId": ACCOUNT, "queryState": "q1", "canCalculateChanges": true, "position": 0,
        "ids": ["m1", "m2"], "total": 4});
    let response = reply(
        &request,
        vec![query, emails(&[("m1", "t1"), ("m2", "t2")]), threads(&[("t1", &["m0", "m1"]), ("t2", &["m2"])])],
    );
    sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!((size(&store, "m1"), size(&store, "m2")), (2, 1));

    // A poll: created and updated, and the query's added, each with its threads.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(
        call_names(&request),
        [
            "Email/changes",
            "Email/get",
            "Thread/get",
            "Email/get",
            "Thread/get",
            "Email/queryChanges",
            "Email/get",
            "Thread/get"
        ]
    );
    assert_each_get_extended(&request);
    assert_eq!(request.method_calls[1].arguments["#ids"]["path"], "/created");
    assert_eq!(request.method_calls[3].arguments["#ids"]["path"], "/updated");
    assert_eq!(request.method_calls[6].arguments["#ids"]["path"], "/added/*/id");
    let changes = json!({"accountId": ACCOUNT, "oldState": "e1", "newState": "e2", "hasMoreChanges": false,
        "created": ["m5"], "updated": ["m1"], "destroyed": []});
    let query_changes = json!({"accountId": ACCOUNT, "oldQueryState": "q1", "newQueryState": "q2", "total": 5,
        "removed": [], "added": [{"id": "m5", "index": 0}]});
    let response = reply(
        &request,
        vec![
            changes,
            emails(&[("m5", "t5")]),
            threads(&[("t5", &["m5", "m6", "m7"])]),
            emails(&[("m1", "t1")]),
            threads(&[("t1", &["m0", "m1", "m8"])]),
            query_changes,
            emails(&[("m5", "t5")]),
            threads(&[("t5", &["m5", "m6", "m7"])]),
        ],
    );
    sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!((size(&store, "m5"), size(&store, "m1"), size(&store, "m2")), (3, 3, 1));
    assert_eq!(store.query("inbox").unwrap().id_at(0), Some("m5"));

    // Scrolling: the page of /ids, with its threads.
    let (request, plan) = sync::page(&store, "inbox", 3..5).unwrap();
    assert_eq!(call_names(&request), ["Email/query", "Email/get", "Thread/get"]);
    assert_eq!(request.method_calls[2].arguments["#ids"], threads_of("c1"));
    let query = json!({"accountId": ACCOUNT, "queryState": "q2", "canCalculateChanges": true, "position": 2,
        "ids": ["m2", "m3"], "total": 5});
    let response =
        reply(&request, vec![query, emails(&[("m2", "t2"), ("m3", "t3")]), threads(&[("t3", &["m3", "m4"])])]);
    sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(size(&store, "m3"), 2);

    // Scrolling back to a row whose object was dropped: fetched by id, with its thread.
    store.set_window("inbox", 3..5);
    assert_eq!(store.forget::<Row>(["m1"]), ["m1"]);
    let (request, plan) = sync::page(&store, "inbox", 0..2).unwrap();
    assert_eq!(call_names(&request), ["Email/get", "Thread/get"]);
    assert_eq!(request.method_calls[0].arguments["ids"], json!(["m1"]));
    assert_eq!(request.method_calls[1].arguments["#ids"], threads_of("c0"));
    let response = reply(&request, vec![emails(&[("m1", "t1")]), threads(&[("t1", &["m1"])])]);
    sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(size(&store, "m1"), 1);

    // The server cannot tell what changed: the reload of the held objects, with their threads.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let cannot = json!({"type": "cannotCalculateChanges"});
    let mut results = vec![cannot.clone(), cannot.clone(), cannot.clone(), cannot.clone(), cannot];
    results.extend([
        json!({"accountId": ACCOUNT, "oldQueryState": "q2", "newQueryState": "q2", "removed": [], "added": []}),
        emails(&[]),
        threads(&[]),
    ]);
    let summary = sync::apply(&mut store, plan, &reply(&request, results)).unwrap();
    assert_eq!(summary.reload_types, ["Email"]);
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(call_names(&request)[..2], ["Email/get", "Thread/get"]);
    assert_eq!(request.method_calls[0].arguments["ids"], json!(["m1", "m2", "m3", "m5"]));
    assert_each_get_extended(&request);
    let mut results = vec![
        emails(&[("m1", "t1"), ("m2", "t2"), ("m3", "t3"), ("m5", "t5")]),
        threads(&[("t1", &["m1", "m9"]), ("t2", &["m2", "m9", "m10", "m11"]), ("t3", &["m3"]), ("t5", &["m5"])]),
    ];
    results.extend([
        json!({"accountId": ACCOUNT, "oldQueryState": "q2", "newQueryState": "q2", "removed": [], "added": []}),
        emails(&[]),
        threads(&[]),
    ]);
    let summary = sync::apply(&mut store, plan, &reply(&request, results)).unwrap();
    assert!(summary.types["Email"].reloaded);
    let sizes: Vec<usize> = ["m1", "m2", "m3", "m5"].iter().map(|id| size(&store, id)).collect();
    assert_eq!(sizes, [2, 4, 1, 1]);
}

#[test]
fn an_answer_without_the_extension_leaves_the_records_as_made() {
    let mut store = inbox(100, 2);
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let query = json!({"accountId": ACCOUNT, "queryState": "q1", "canCalculateChanges": true, "position": 0,
        "ids": ["m1"], "total": 1});
    let response = reply(&request, vec![query, emails(&[("m1", "t1")]), json!({"type": "serverFail"})]);
    sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(size(&store, "m1"), 0, "stored, without a size");
}

fn query_response(position: usize, ids: &[&str], total: usize, query_state: &str) -> QueryResponse {
    serde_json::from_value(json!({"accountId": ACCOUNT, "queryState": query_state, "canCalculateChanges": true,
        "position": position, "ids": ids, "total": total}))
    .unwrap()
}

#[test]
fn a_page_and_objects_loaded_by_the_domain_are_synced_from_then_on() {
    let mut store = inbox(2, 3);
    assert!(store.query_needs_reload("inbox"));

    // The domain's own query + get: the page first, so that its objects are protected.
    assert!(!store.apply_query_response("inbox", &query_response(0, &["a", "b", "c"], 10, "q1")));
    assert!(!store.query_needs_reload("inbox"), "loaded: no first page to ask");
    store.insert(["a", "b", "c", "x"].map(row));
    assert_eq!(store.held("Email"), 3, "over capacity, only the unshown x is evicted");
    assert!(!held(&store, "x"));
    assert_eq!(store.get::<Row>("a").unwrap().thread_size, 1);

    // Its state, only when none is held.
    assert!(store.set_state("Email", "e1"));
    assert!(!store.set_state("Email", "e9"), "a held state stays");
    assert!(!store.set_state("Mailbox", "b1"), "not registered");
    assert_eq!(store.state("Email"), Some("e1"));

    // The next sync follows from there: changes and queryChanges, no first page.
    let (request, _) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let names = call_names(&request);
    assert_eq!(names[0], "Email/changes");
    assert_eq!(request.method_calls[0].arguments["sinceState"], "e1");
    assert!(!names.contains(&"Email/query"));
    let at = names.iter().position(|n| *n == "Email/queryChanges").unwrap();
    assert_eq!(request.method_calls[at].arguments["sinceQueryState"], "q1");

    // Further pages: the same query state adds to the list, another one starts it over.
    assert!(!store.apply_page("inbox", 3, vec!["d".into(), "e".into()], 10, "q1"));
    assert_eq!(store.query("inbox").unwrap().loaded_count(), 5);
    assert!(store.apply_page("inbox", 0, vec!["b".into(), "c".into()], 9, "q2"));
    let list = store.query("inbox").unwrap();
    assert_eq!((list.loaded_count(), list.total(), list.id_at(0), list.query_state()), (2, 9, Some("b"), Some("q2")));
    assert!(!list.can_calculate_changes(), "apply_page does not know it: apply_query_response does");
    assert!(!store.apply_page("closed", 0, vec!["a".into()], 1, "q1"), "not open: nothing");
    assert!(store.query("closed").is_none());
}

#[test]
fn far_rows_leave_the_list_and_their_objects_unless_protected() {
    let mut store = inbox(100, 2);
    store.open_query::<Row>("flagged", EmailQuery::new(ACCOUNT), 2);
    let ids = ["a", "b", "c", "d", "e", "f", "g"];
    store.apply_query_response("inbox", &query_response(0, &ids, 7, "q1"));
    store.apply_query_response("flagged", &query_response(0, &["g"], 1, "f1"));
    store.insert(ids.map(row));
    store.set_window("inbox", 0..2);
    store.pin::<Row>("d", true);
    store.change(ChangeRequest::new("Email").update("e", patch([("keywords/$seen", json!(true))]))).unwrap();

    // Kept: the positions asked, a selected row; forgotten from the list: the others, whose
    // objects leave unless pinned (d), pending (e) or shown in another window (g).
    let forgotten = store.forget_outside("inbox", 0..2, |id| id == "c");
    assert_eq!(forgotten, ["d", "e", "f", "g"]);
    let list = store.query("inbox").unwrap();
    assert_eq!((list.loaded_count(), list.total(), list.id_at(2)), (3, 7, Some("c")));
    let kept: Vec<&str> = ids.into_iter().filter(|id| held(&store, id)).collect();
    assert_eq!(kept, ["a", "b", "c", "d", "e", "g"]);

    // The same by hand: the list through query_mut, then the objects.
    let forgotten = store.query_mut("inbox").unwrap().forget_outside(0..2, |_| false);
    assert_eq!(forgotten, ["c"]);
    assert_eq!(store.forget::<Row>(forgotten), ["c"]);
    assert_eq!(store.forget::<Row>(["a", "zz"]), Vec::<String>::new(), "a is shown, zz not held");
    assert!(held(&store, "a") && !held(&store, "c"));
    assert!(store.query_mut("closed").is_none());
    assert!(store.forget_outside("closed", 0..1, |_| false).is_empty());
}

#[test]
fn a_query_kept_as_found_is_never_asked_about() {
    let mut store = inbox(10, 3);
    store.open_query_as_found::<Row>("search", EmailQuery::new(ACCOUNT), 3);
    assert!(!store.query_needs_reload("search"), "the domain loads its pages");
    store.apply_query_response("search", &query_response(0, &["s1", "s2"], 2, "qs"));
    store.apply_query_response("inbox", &query_response(0, &["a", "b"], 2, "q1"));
    store.insert(["a", "b", "s1", "s2"].map(row));
    assert!(store.set_state("Email", "e1"));
    let (request, _) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let asked: Vec<&Value> = request
        .method_calls
        .iter()
        .filter(|c| c.name == "Email/queryChanges")
        .map(|c| &c.arguments["sinceQueryState"])
        .collect();
    assert_eq!(asked, [&json!("q1")], "the folder's list is followed, the search's is not");
    assert!(call_names(&request).contains(&"Email/changes"), "its objects are kept current like any");
}

#[test]
fn replacing_every_object_of_a_type_drops_the_missing_and_takes_the_state() {
    let mut store = inbox(10, 3);
    store.insert(["a", "b"].map(row));
    assert!(store.set_state("Email", "e1"));
    store.replace_all(vec![row("b"), row("c")], "e2");
    assert!(!held(&store, "a") && held(&store, "b") && held(&store, "c"));
    assert_eq!(store.state("Email"), Some("e2"), "unlike set_state, the state of a full reload replaces the held one");
}

#[test]
fn a_type_registered_for_its_data_is_synced_once_enabled() {
    let mut store = Store::new(ACCOUNT);
    store.register_data::<Row>(TypeOptions { capacity: 10, load_all: false });
    store.open_query::<Row>("inbox", EmailQuery::new(ACCOUNT), 3);
    store.insert(["a"].map(row));
    assert!(held(&store, "a"), "its data works without the engine");
    assert!(sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).is_none(), "nothing asked yet");
    sync::enable::<Row>(&mut store);
    sync::enable::<Row>(&mut store);
    let (request, _) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(call_names(&request)[0], "Email/query", "once enabled, its first page");
}
