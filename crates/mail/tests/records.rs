//! The mail records in the generic store against what our Cyrus answers: rows and folders made
//! from captured `Email/get` and `Mailbox/get` answers as the app makes them, every patch the
//! app sends applied to a row or a folder and undone by its inverse, and a mail store kept
//! current by the sync engine over two rounds (the first page of the inbox with every folder,
//! then a new mail at the top and a folder's counts in one request).

use facteur_jmap::{Email, Mailbox, PatchObject, Request, Response};
use facteur_kit::pending::{patch, ChangeRequest};
use facteur_kit::store::{Record, Store};
use facteur_kit::sync::{self, QueryOutcome, SyncOptions, Trigger};
use facteur_mail::mailbox::Folder;
use facteur_mail::message::MessageSummary;
use facteur_mail::records::{enable_sync, list_key, mail_store, open_folder_list, LIST_PAGE_SIZE};
use facteur_mail::requests;
use serde_json::{json, Value};

const ACCOUNT: &str = "claire.martin@ac-cevennes.fr";
const INBOX: &str = "50sy9nxkf027zyhraj6fzgsz";
const ARCHIVE: &str = "rukd91sgqn6r8u2oaasgahvz";
const INBOX_PAGE: &str = include_str!("fixtures/cyrus-inbox-page.json");
const MAILBOX_GET: &str = include_str!("fixtures/cyrus-mailbox-get.json");

/// The captured method responses of a fixture, as `[name, arguments, call id]`.
fn method_responses(fixture: &str) -> Vec<Value> {
    let json: Value = serde_json::from_str(fixture).expect("captured response");
    json["methodResponses"].as_array().expect("method responses").clone()
}

/// The arguments of the captured answer named `name`.
fn captured(fixture: &str, name: &str) -> Value {
    method_responses(fixture).into_iter().find(|r| r[0] == name).expect("the captured call")[1].clone()
}

fn names(request: &Request) -> Vec<&str> {
    request.method_calls.iter().map(|c| c.name.as_str()).collect()
}

fn args(request: &Request, index: usize) -> Value {
    serde_json::to_value(request).unwrap()["methodCalls"][index][1].clone()
}

/// The answer to `request`: one response per call, in order, with the call's id; each given as
/// (name, arguments), the name checked against the call's.
fn respond(request: &Request, answers: Vec<(&str, Value)>) -> Response {
    assert_eq!(request.method_calls.len(), answers.len(), "one answer per call: {:?}", names(request));
    let responses: Vec<Value> = request
        .method_calls
        .iter()
        .zip(answers)
        .map(|(call, (name, arguments))| {
            assert_eq!(name, call.name, "answer in the order of the calls");
            json!([name, arguments, call.call_id])
        })
        .collect();
    serde_json::from_value(json!({"sessionState": "cyrus-1", "methodResponses": responses})).unwrap()
}

fn serde_round_trip<R: Record + PartialEq + std::fmt::Debug>(record: &R) {
    let saved = serde_json::to_value(record).unwrap();
    assert_eq!(&serde_json::from_value::<R>(saved).unwrap(), record, "saved and loaded as it was");
}

#[test]
fn rows_from_cyrus_are_the_rows_of_the_app() {
    let emails: Vec<Email> = serde_json::from_value(captured(INBOX_PAGE, "Email/get")["list"].clone()).unwrap();
    let rows: Vec<MessageSummary> = emails.into_iter().map(|e| MessageSummary::from_object(e).unwrap()).collect();
    let (request, calls) = requests::message_page(ACCOUNT, INBOX, false, 0, 5);
    let page = requests::read_message_page(&serde_json::from_str(INBOX_PAGE).unwrap(), &calls).unwrap();
    assert_eq!(rows, page.rows, "as the list reads a page");
    assert_eq!(rows[0].id(), "Maba1ed1047d404b5fb60d4db");
    assert!(rows[2].flagged && rows[2].unread, "{{\"$flagged\": true}}: flagged, not seen");
    assert_eq!(rows[0].mailbox_ids, [INBOX]);
    rows.iter().for_each(serde_round_trip);
    assert_eq!(json!(MessageSummary::properties()), args(&request, 1)["properties"], "the list's properties");
    assert!(MessageSummary::from_object(Email::default()).is_none(), "no id, no row");
}

#[test]
fn folders_from_cyrus_are_the_folders_of_the_sidebar() {
    let mailboxes: Vec<Mailbox> = serde_json::from_value(captured(MAILBOX_GET, "Mailbox/get")["list"].clone()).unwrap();
    let folders: Vec<Folder> = mailboxes.into_iter().map(|m| Folder::from_object(m).unwrap()).collect();
    let (request, call) = requests::folders(ACCOUNT);
    let (sidebar, _) = requests::read_folders(&serde_json::from_str(MAILBOX_GET).unwrap(), &call).unwrap();
    assert_eq!(folders, sidebar);
    let inbox = folders.iter().find(|f| f.id() == INBOX).unwrap();
    assert_eq!(
        (inbox.name.as_str(), inbox.role.as_deref(), inbox.unread, inbox.total),
        ("Inbox", Some("inbox"), 20, 85)
    );
    folders.iter().for_each(serde_round_trip);
    assert_eq!(json!(Folder::properties()), args(&request, 0)["properties"], "the sidebar's properties");
    assert!(Folder::from_object(Mailbox::default()).is_none());
}

/// Applies `patch` to `record`, checks the result, then checks that its inverse (taken before)
/// puts the record back as it was.
fn round_trip<R: Record + PartialEq + std::fmt::Debug>(
    record: &R,
    patch: PatchObject,
    check: impl Fn(&R),
) -> PatchObject {
    let inverse = record.inverse_patch(&patch);
    let mut patched = record.clone();
    patched.apply_patch(&patch);
    check(&patched);
    patched.apply_patch(&inverse);
    assert_eq!(&patched, record, "{patch:?} undone by {inverse:?}");
    inverse
}

/// A row unread, flagged, labelled `projet-x`, in the inbox and `work`, also `$answered`.
fn row() -> MessageSummary {
    let email: Email = serde_json::from_value(json!({
        "id": "M1", "threadId": "T1", "mailboxIds": {INBOX: true, "work": true},
        "keywords": {"$flagged": true, "$answered": true, "projet-x": true},
        "receivedAt": "2026-11-23T08:05:00Z", "from": [{"name": "Sophie Aubert", "email": "sophie.aubert@ac-cevennes.fr"}],
        "subject": "Sortie", "hasAttachment": false, "preview": "Bonjour"}))
    .unwrap();
    MessageSummary::from_object(email).unwrap()
}

#[test]
fn row_keyword_patches_apply_and_undo() {
    let unread = row();
    assert_eq!((unread.unread, unread.flagged, unread.labels.as_slice()), (true, true, &["projet-x".to_string()][..]));

    let inverse = round_trip(&unread, patch([("keywords/$seen", json!(true))]), |r| assert!(!r.unread));
    assert_eq!(inverse, patch([("keywords/$seen", Value::Null)]), "marking an unread row read is undone by null");
    let mut read = unread.clone();
    read.apply_patch(&patch([("keywords/$seen", json!(true))]));
    let inverse = round_trip(&read, patch([("keywords/$seen", Value::Null)]), |r| assert!(r.unread));
    assert_eq!(inverse, patch([("keywords/$seen", json!(true))]));
    round_trip(&read, patch([("keywords/$seen", json!(false))]), |r| assert!(r.unread, "false clears it too"));

    let inverse = round_trip(&unread, patch([("keywords/$flagged", Value::Null)]), |r| assert!(!r.flagged));
    assert_eq!(inverse, patch([("keywords/$flagged", json!(true))]));
    let mut unflagged = unread.clone();
    unflagged.flagged = false;
    round_trip(&unflagged, patch([("keywords/$flagged", json!(true))]), |r| assert!(r.flagged));

    // Labels keep the order by name that the list reads them in.
    let inverse = round_trip(&unread, patch([("keywords/cantine", json!(true))]), |r| {
        assert_eq!(r.labels, ["cantine", "projet-x"]);
    });
    assert_eq!(inverse, patch([("keywords/cantine", Value::Null)]));
    round_trip(&unread, patch([("keywords/voyage", json!(true))]), |r| assert_eq!(r.labels, ["projet-x", "voyage"]));
    round_trip(&unread, patch([("keywords/r&e9-union_parents", json!(true))]), |r| {
        assert_eq!(r.labels, ["projet-x", "r&e9-union_parents"], "by the name shown: réunion parents");
    });
    let inverse = round_trip(&unread, patch([("keywords/projet-x", Value::Null)]), |r| assert!(r.labels.is_empty()));
    assert_eq!(inverse, patch([("keywords/projet-x", json!(true))]));
    round_trip(&unread, patch([("keywords/projet-x", json!(true))]), |r| assert_eq!(r.labels, ["projet-x"]));
    round_trip(&unread, patch([("keywords/a~1b~0c", json!(true))]), |r| {
        assert!(r.labels.contains(&"a/b~c".to_string()), "a JSON-pointer member is unescaped");
    });

    // A keyword the row does not show changes nothing, and is put back absent.
    let inverse = round_trip(&unread, patch([("keywords/$junk", json!(true))]), |r| assert_eq!(r, &unread));
    assert_eq!(inverse, patch([("keywords/$junk", Value::Null)]));

    // The whole keywords replaced.
    let inverse = round_trip(&unread, patch([("keywords", json!({"$seen": true, "cantine": true}))]), |r| {
        assert_eq!((r.unread, r.flagged, r.labels.as_slice()), (false, false, &["cantine".to_string()][..]));
    });
    assert_eq!(inverse, patch([("keywords", json!({"$flagged": true, "projet-x": true}))]), "what the row shows");
    round_trip(&unread, patch([("keywords", Value::Null)]), |r| {
        assert!(r.unread && !r.flagged && r.labels.is_empty());
    });
}

#[test]
fn row_mailbox_patches_apply_and_undo() {
    let row = row();
    assert_eq!(row.mailbox_ids, [INBOX, "work"]);
    // "Move to Archive" from the inbox, as `changes::move_patch` writes it.
    let inverse = round_trip(
        &row,
        patch([("mailboxIds/50sy9nxkf027zyhraj6fzgsz", Value::Null), ("mailboxIds/archive", json!(true))]),
        |r| {
            assert_eq!(r.mailbox_ids, ["archive", "work"], "kept sorted");
        },
    );
    assert_eq!(
        inverse,
        patch([("mailboxIds/50sy9nxkf027zyhraj6fzgsz", json!(true)), ("mailboxIds/archive", Value::Null)])
    );
    // Reporting spam: out of the inbox, into Junk, with `$junk` and without `$notjunk`.
    round_trip(
        &row,
        patch([
            ("mailboxIds/50sy9nxkf027zyhraj6fzgsz", Value::Null),
            ("mailboxIds/junk", json!(true)),
            ("keywords/$junk", json!(true)),
            ("keywords/$notjunk", Value::Null),
        ]),
        |r| assert_eq!((r.mailbox_ids.as_slice(), r.unread), (&["junk".to_string(), "work".to_string()][..], true)),
    );
    round_trip(&row, patch([("mailboxIds/work", json!(true))]), |r| assert_eq!(r, &row, "already in it"));
    let inverse = round_trip(&row, patch([("mailboxIds", json!({"archive": true}))]), |r| {
        assert_eq!(r.mailbox_ids, ["archive"]);
    });
    assert_eq!(inverse, patch([("mailboxIds", json!({INBOX: true, "work": true}))]));

    // Unknown keys (and deeper paths) change nothing and have no inverse.
    let odd = patch([("subject", json!("Autre")), ("keywords/a/b", json!(true)), ("mailboxIds/x/y", json!(true))]);
    let inverse = round_trip(&row, odd, |r| assert_eq!(r, &row));
    assert!(inverse.is_empty());
}

#[test]
fn folder_patches_apply_and_undo() {
    let mut folder = Folder::new("f1", "Sorties", Some("classes"), None);
    (folder.sort_order, folder.total, folder.unread) = (10, 18, 2);

    let inverse =
        round_trip(&folder, patch([("name", json!("Sorties scolaires"))]), |f| assert_eq!(f.name, "Sorties scolaires"));
    assert_eq!(inverse, patch([("name", json!("Sorties"))]));
    let inverse = round_trip(&folder, patch([("parentId", Value::Null)]), |f| assert_eq!(f.parent_id, None));
    assert_eq!(inverse, patch([("parentId", json!("classes"))]));
    let top = Folder { parent_id: None, ..folder.clone() };
    let inverse = round_trip(&top, patch([("parentId", json!("projets"))]), |f| {
        assert_eq!(f.parent_id.as_deref(), Some("projets"))
    });
    assert_eq!(inverse, patch([("parentId", Value::Null)]));
    round_trip(&folder, patch([("role", json!("archive"))]), |f| assert_eq!(f.role.as_deref(), Some("archive")));
    let inverse = round_trip(&folder, patch([("sortOrder", json!(3))]), |f| assert_eq!(f.sort_order, 3));
    assert_eq!(inverse, patch([("sortOrder", json!(10))]));
    round_trip(&folder, patch([("sortOrder", Value::Null)]), |f| assert_eq!(f.sort_order, 0));
    let counts = patch([("totalEmails", json!(19)), ("unreadEmails", json!(3)), ("totalThreads", json!(12))]);
    let inverse = round_trip(&folder, counts, |f| assert_eq!((f.total, f.unread, f.threads), (19, 3, Some(12))));
    assert_eq!(inverse, patch([("totalEmails", json!(18)), ("unreadEmails", json!(2)), ("totalThreads", Value::Null)]));

    // Not held (unread conversations, rights), or of the wrong kind: nothing changes.
    let odd = patch([("unreadThreads", json!(1)), ("myRights", json!({})), ("isSubscribed", json!(true))]);
    assert!(round_trip(&folder, odd, |f| assert_eq!(f, &folder)).is_empty());
    round_trip(&folder, patch([("name", json!(3)), ("parentId", json!(true)), ("unreadEmails", json!("x"))]), |f| {
        assert_eq!(f, &folder);
    });
}

/// The new mail of the second round.
fn new_mail() -> Value {
    json!({"id": "M0c1d2e3f4a5b6c7d8e9f0a1b", "threadId": "T9e8d7c6b5a493827",
        "mailboxIds": {INBOX: true}, "keywords": {}, "receivedAt": "2026-11-23T09:14:00Z",
        "from": [{"name": "Lucas Girard", "email": "lucas.girard@ac-cevennes.fr"}],
        "subject": "Conseil de classe 1re G3 — ordre du jour", "hasAttachment": true,
        "preview": "Bonjour, vous trouverez ci-joint l'ordre du jour du conseil..."})
}

/// A `Thread/get` answer.
fn threads(list: Vec<Value>) -> Value {
    json!({"accountId": ACCOUNT, "state": "t1", "list": list, "notFound": []})
}

fn folder(store: &Store, id: &str) -> Folder {
    store.get::<Folder>(id).expect("the folder is held").into_owned()
}

#[test]
fn a_mail_store_follows_cyrus_over_two_rounds() {
    let mut store = mail_store(ACCOUNT);
    enable_sync(&mut store);
    open_folder_list(&mut store, INBOX, false);
    let key = list_key(INBOX, false);

    // First round: the inbox's first page, asked as the list asks it, and every folder.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(names(&request), ["Email/query", "Email/get", "Thread/get", "Mailbox/get"]);
    let (app, _) = requests::message_page(ACCOUNT, INBOX, false, 0, LIST_PAGE_SIZE);
    assert_eq!(args(&request, 0), args(&app, 0), "the app's page query");
    assert_eq!(args(&request, 1), args(&app, 1), "and its Email/get of /ids");
    let (sidebar, _) = requests::folders(ACCOUNT);
    assert_eq!(
        args(&request, 2)["#ids"],
        json!({"resultOf": request.method_calls[1].call_id, "name": "Email/get", "path": "/list/*/threadId"}),
        "each row's conversation, for its size"
    );
    assert_eq!(args(&request, 3)["properties"], args(&sidebar, 0)["properties"]);
    assert_eq!(args(&request, 3)["ids"], Value::Null, "every folder");
    // The page was captured with `limit: 5`; as the answer to the list's larger page, it says
    // the server applied 5 (else a short page would end the list: `checked_total`).
    let mut first_page = captured(INBOX_PAGE, "Email/query");
    first_page["limit"] = json!(5);
    let response = respond(
        &request,
        vec![
            ("Email/query", first_page),
            ("Email/get", captured(INBOX_PAGE, "Email/get")),
            ("Thread/get", threads(vec![])),
            ("Mailbox/get", captured(MAILBOX_GET, "Mailbox/get")),
        ],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert_eq!(summary.queries[&key], QueryOutcome::Reloaded);
    assert!(!summary.again() && summary.errors.is_empty());
    assert_eq!((store.state("Email"), store.state("Mailbox")), (Some("749"), Some("749")));
    assert_eq!((store.held("Mailbox"), store.held("Email")), (15, 5));
    let page: Vec<String> = captured(INBOX_PAGE, "Email/query")["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().to_string())
        .collect();
    let list = store.query(&key).unwrap();
    assert_eq!((list.total(), list.query_state()), (85, Some("749:0")));
    let shown: Vec<String> = store
        .visible_query(&key)
        .unwrap()
        .window(0..5)
        .into_iter()
        .filter_map(|(_, id)| id.map(String::from))
        .collect();
    assert_eq!(shown, page);
    let top = store.get::<MessageSummary>(&page[0]).unwrap();
    assert_eq!((top.sender.as_deref(), top.unread), (Some("Sophie Aubert"), true));
    assert!(store.get::<MessageSummary>(&page[2]).unwrap().flagged);
    assert_eq!((folder(&store, INBOX).unread, folder(&store, INBOX).total), (20, 85));

    // Second round (a poll): a new mail at the top of the inbox, whose counts move, in one request.
    let (request, plan) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(
        names(&request),
        [
            "Email/changes",
            "Email/get",
            "Thread/get",
            "Email/get",
            "Thread/get",
            "Email/queryChanges",
            "Email/get",
            "Thread/get",
            "Mailbox/changes",
            "Mailbox/get",
            "Mailbox/get"
        ]
    );
    assert_eq!(args(&request, 0)["sinceState"], "749");
    assert_eq!(args(&request, 1)["properties"], args(&app, 1)["properties"]);
    let query_changes = args(&request, 5);
    assert_eq!(query_changes["sinceQueryState"], "749:0");
    assert_eq!((&query_changes["filter"], &query_changes["sort"]), (&args(&app, 0)["filter"], &args(&app, 0)["sort"]));
    assert_eq!(args(&request, 8)["sinceState"], "749");
    assert_eq!(args(&request, 10)["properties"], args(&sidebar, 0)["properties"]);
    let get =
        |state: &str, list: Vec<Value>| json!({"accountId": ACCOUNT, "state": state, "list": list, "notFound": []});
    // The new mail answers an earlier one: its conversation holds two.
    let conversation =
        json!({"id": "T9e8d7c6b5a493827", "emailIds": ["M9f8e7d6c5b4a3928", "M0c1d2e3f4a5b6c7d8e9f0a1b"]});
    let mut inbox = captured(MAILBOX_GET, "Mailbox/get")["list"][0].clone();
    assert_eq!(inbox["id"], INBOX);
    (inbox["totalEmails"], inbox["unreadEmails"]) = (json!(86), json!(21));
    let response = respond(
        &request,
        vec![
            (
                "Email/changes",
                json!({"accountId": ACCOUNT, "oldState": "749", "newState": "751", "hasMoreChanges": false,
                    "created": ["M0c1d2e3f4a5b6c7d8e9f0a1b"], "updated": [], "destroyed": []}),
            ),
            ("Email/get", get("751", vec![new_mail()])),
            ("Thread/get", threads(vec![conversation.clone()])),
            ("Email/get", get("751", vec![])),
            ("Thread/get", threads(vec![])),
            (
                "Email/queryChanges",
                json!({"accountId": ACCOUNT, "oldQueryState": "749:0", "newQueryState": "751:0", "total": 86,
                    "removed": [], "added": [{"id": "M0c1d2e3f4a5b6c7d8e9f0a1b", "index": 0}]}),
            ),
            ("Email/get", get("751", vec![new_mail()])),
            ("Thread/get", threads(vec![conversation])),
            (
                "Mailbox/changes",
                json!({"accountId": ACCOUNT, "oldState": "749", "newState": "751", "hasMoreChanges": false,
                    "created": [], "updated": [INBOX], "destroyed": [],
                    "updatedProperties": ["totalEmails", "unreadEmails", "totalThreads", "unreadThreads"]}),
            ),
            ("Mailbox/get", get("751", vec![])),
            ("Mailbox/get", get("751", vec![inbox])),
        ],
    );
    let summary = sync::apply(&mut store, plan, &response).unwrap();
    assert!(!summary.again() && summary.errors.is_empty());
    assert_eq!((store.state("Email"), store.state("Mailbox")), (Some("751"), Some("751")));
    assert_eq!(summary.types["Email"].created, ["M0c1d2e3f4a5b6c7d8e9f0a1b"]);
    assert_eq!(summary.types["Mailbox"].updated, [INBOX]);
    let QueryOutcome::Changed(moved) = &summary.queries[&key] else { panic!("the inbox moved") };
    assert_eq!(moved.new_at_top, ["M0c1d2e3f4a5b6c7d8e9f0a1b"]);
    let list = store.query(&key).unwrap();
    assert_eq!((list.total(), list.query_state()), (86, Some("751:0")));
    let shown: Vec<String> = store
        .visible_query(&key)
        .unwrap()
        .window(0..6)
        .into_iter()
        .filter_map(|(_, id)| id.map(String::from))
        .collect();
    assert_eq!(shown[0], "M0c1d2e3f4a5b6c7d8e9f0a1b");
    assert_eq!(shown[1..], page[..]);
    let new = store.get::<MessageSummary>("M0c1d2e3f4a5b6c7d8e9f0a1b").unwrap().into_owned();
    assert_eq!(
        (new.sender.as_deref(), new.subject.as_deref(), new.unread, new.has_attachment, new.mailbox_ids.as_slice()),
        (Some("Lucas Girard"), Some("Conseil de classe 1re G3 — ordre du jour"), true, true, &[INBOX.to_string()][..])
    );
    assert_eq!(new.thread_size, 2, "its conversation's size, from the Thread/get of the same request");
    assert_eq!((folder(&store, INBOX).unread, folder(&store, INBOX).total), (21, 86));
    assert_eq!(folder(&store, ARCHIVE).total, 62, "the other folders as they were");
    assert_eq!(store.held("Mailbox"), 15);

    // Reading it: shown read at once, sent as the keyword patch, undone by null.
    let read =
        ChangeRequest::new("Email").update("M0c1d2e3f4a5b6c7d8e9f0a1b", patch([("keywords/$seen", json!(true))]));
    store.change(read).unwrap();
    assert!(!store.get::<MessageSummary>("M0c1d2e3f4a5b6c7d8e9f0a1b").unwrap().unread);
    assert_eq!(
        store.pending().changes()[0].inverse["M0c1d2e3f4a5b6c7d8e9f0a1b"],
        patch([("keywords/$seen", Value::Null)])
    );
    let (request, _) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    assert_eq!(names(&request)[0], "Email/set");
    assert_eq!(args(&request, 0)["update"], json!({"M0c1d2e3f4a5b6c7d8e9f0a1b": {"keywords/$seen": true}}));
}

#[test]
fn a_threaded_folder_list_collapses_threads_and_has_its_own_key() {
    let mut store = mail_store(ACCOUNT);
    enable_sync(&mut store);
    open_folder_list(&mut store, INBOX, true);
    open_folder_list(&mut store, INBOX, false);
    assert_eq!(store.query_keys().count(), 2);
    let (request, _) = sync::plan(&mut store, Trigger::Poll, &SyncOptions::default()).unwrap();
    let (app, _) = requests::message_page(ACCOUNT, INBOX, true, 0, LIST_PAGE_SIZE);
    let threaded: Vec<Value> = (0..request.method_calls.len())
        .map(|i| args(&request, i))
        .filter(|a| a.get("collapseThreads") == Some(&json!(true)))
        .collect();
    assert_eq!(threaded, [args(&app, 0)], "one threaded page query, as the app asks it");
}
