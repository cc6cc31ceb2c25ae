//! The request the app sends when it opens a folder, and reading its three results.

use facteur_jmap::*;
use serde_json::{json, Value};

const ACCOUNT: &str = "claire.martin@ac-cevennes.fr";
const INBOX: &str = "50sy9nxkf027zyhraj6fzgsz";
const LIST_PROPERTIES: &[&str] =
    &["id", "threadId", "mailboxIds", "keywords", "from", "subject", "preview", "receivedAt", "hasAttachment"];

/// The folder request: Mailbox/get, Email/query of the folder, Email/get by back-reference.
fn inbox_request() -> (Request, CallHandle<MailboxGet>, CallHandle<EmailQuery>, CallHandle<EmailGet>) {
    let mut req = RequestBuilder::new();
    let mailboxes = req.call(MailboxGet::new(ACCOUNT));
    let query = req.call(
        EmailQuery::new(ACCOUNT)
            .filter(Filter::Condition(EmailFilter { in_mailbox: Some(INBOX.into()), ..Default::default() }))
            .sort(vec![EmailSort::ReceivedAt.descending()])
            .limit(50)
            .calculate_total(true),
    );
    let emails = req.call(EmailGet::new(ACCOUNT).ids_ref(query.reference("/ids")).properties(LIST_PROPERTIES));
    (req.build(), mailboxes, query, emails)
}

#[test]
fn inbox_request_is_exactly_the_expected_json() {
    let (request, ..) = inbox_request();
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({
          "using": ["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail"],
          "methodCalls": [
            ["Mailbox/get", { "accountId": ACCOUNT, "ids": null }, "c0"],
            ["Email/query", {
              "accountId": ACCOUNT,
              "filter": { "inMailbox": INBOX },
              "sort": [{ "property": "receivedAt", "isAscending": false }],
              "limit": 50,
              "calculateTotal": true
            }, "c1"],
            ["Email/get", {
              "accountId": ACCOUNT,
              "#ids": { "resultOf": "c1", "name": "Email/query", "path": "/ids" },
              "properties": LIST_PROPERTIES
            }, "c2"]
          ]
        })
    );
    // No `createdIds` unless given; the request reads back as it was written.
    let text = serde_json::to_string(&request).unwrap();
    assert!(!text.contains("createdIds"));
    assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), request);
}

#[test]
fn inbox_response_reads_into_the_three_results() {
    let (_, mailboxes, query, emails) = inbox_request();
    let response: Response = serde_json::from_value(json!({
      "sessionState": "0",
      "methodResponses": [
        ["Mailbox/get", { "accountId": ACCOUNT, "state": "749", "notFound": [], "list": [
          { "id": INBOX, "name": "Inbox", "parentId": null, "role": "inbox", "sortOrder": 1,
            "totalEmails": 85, "unreadEmails": 20, "totalThreads": 80, "unreadThreads": 19, "isSubscribed": true,
            "myRights": { "mayReadItems": true, "mayAddItems": true, "mayRemoveItems": true, "maySetSeen": true,
              "maySetKeywords": true, "mayCreateChild": true, "mayRename": false, "mayDelete": false, "maySubmit": true } },
          { "id": "sntgvm7x50kgyvunxkb6ih28", "name": "Conseils de classe", "parentId": "adm", "role": null,
            "sortOrder": 10, "totalEmails": 12, "unreadEmails": 0 },
          { "id": "t", "name": "Corbeille", "role": "trash" },
          { "id": "x", "name": "Abonnements", "role": "subscriptions" }
        ] }, "c0"],
        ["Email/query", { "accountId": ACCOUNT, "filter": { "inMailbox": INBOX },
          "sort": [{ "property": "receivedAt", "isAscending": false }], "collapseThreads": false,
          "queryState": "749:0", "canCalculateChanges": true, "position": 0, "total": 85,
          "ids": ["Maba1ed1047d404b5fb60d4db", "M5a37862c7d48a9e368629100"] }, "c1"],
        ["Email/get", { "accountId": ACCOUNT, "state": "749", "notFound": [], "list": [
          { "id": "Maba1ed1047d404b5fb60d4db", "threadId": "T3a5234f14cbd0fa7", "mailboxIds": { INBOX: true },
            "keywords": {}, "from": [{ "name": "Sophie Aubert", "email": "sophie.aubert@ac-cevennes.fr" }],
            "subject": "2nde B — mesure d'exclusion-inclusion", "preview": "Bonjour, suite à l'incident…",
            "receivedAt": "2026-11-23T08:05:00Z", "hasAttachment": false },
          { "id": "M5a37862c7d48a9e368629100", "threadId": "T1", "mailboxIds": { INBOX: true },
            "keywords": { "$seen": true, "$flagged": true }, "from": [{ "name": null, "email": "vie.scolaire@ac-cevennes.fr" }],
            "subject": "Planning des conseils", "preview": "", "receivedAt": "2026-11-22T17:40:12Z", "hasAttachment": true }
        ] }, "c2"]
      ]
    }))
    .unwrap();

    let folders = response.get(&mailboxes).unwrap();
    assert_eq!(folders.state, "749");
    let roles: Vec<Option<Role>> = folders.list.iter().map(|m| m.role.clone()).collect();
    assert_eq!(roles, [Some(Role::Inbox), None, Some(Role::Trash), Some(Role::Other("subscriptions".into()))]);
    assert_eq!(folders.list[0].unread_emails, Some(20));
    assert_eq!(folders.list[1].parent_id.as_deref(), Some("adm"));

    let page = response.get(&query).unwrap();
    assert_eq!((page.position, page.total, page.query_state.as_str()), (0, Some(85), "749:0"));
    assert!(page.can_calculate_changes);

    let list = response.get(&emails).unwrap().list;
    assert_eq!(list.iter().map(|e| e.id.as_deref().unwrap()).collect::<Vec<_>>(), page.ids);
    assert!(!list[0].has_keyword("$seen"));
    assert!(list[1].has_keyword("$flagged"));
    assert_eq!(
        list[1].from.as_ref().unwrap()[0],
        EmailAddress { name: None, email: Some("vie.scolaire@ac-cevennes.fr".into()) }
    );
    assert_eq!(list[1].has_attachment, Some(true));
}

#[test]
fn an_error_on_one_call_leaves_the_others_readable() {
    let (_, mailboxes, query, emails) = inbox_request();
    let response: Response = serde_json::from_value(json!({ "sessionState": "0", "methodResponses": [
      ["Mailbox/get", { "accountId": ACCOUNT, "state": "1", "list": [], "notFound": [] }, "c0"],
      ["error", { "type": "unsupportedFilter", "description": "inMailbox: no such mailbox" }, "c1"],
      ["error", { "type": "invalidResultReference" }, "c2"]
    ] }))
    .unwrap();
    assert!(response.get(&mailboxes).unwrap().list.is_empty());
    let Err(Error::Method(error)) = response.get(&query) else { panic!("expected a method error") };
    assert_eq!(error.error_type, MethodErrorType::UnsupportedFilter);
    assert_eq!(error.to_string(), "unsupportedFilter: inMailbox: no such mailbox");
    assert!(matches!(
        response.get(&emails),
        Err(Error::Method(MethodError { error_type: MethodErrorType::InvalidResultReference, .. }))
    ));
}

#[test]
fn cyrus_session_resolves_against_where_it_was_fetched() {
    let session: Session = serde_json::from_str(include_str!("fixtures/cyrus-session.json")).unwrap();
    let session = session.resolve_against("https://webmail.ac-cevennes.fr/.well-known/jmap");
    assert_eq!(session.api_url, "https://webmail.ac-cevennes.fr/jmap/");
    assert_eq!(
        session.upload_url(ACCOUNT),
        "https://webmail.ac-cevennes.fr/jmap/upload/claire.martin%40ac-cevennes.fr/"
    );
    assert_eq!(
        session.download_url(ACCOUNT, "G5f2", "application/pdf", "Bulletin T1 (2nde B).pdf"),
        "https://webmail.ac-cevennes.fr/jmap/download/claire.martin%40ac-cevennes.fr/G5f2/Bulletin%20T1%20%282nde%20B%29.pdf?accept=application%2Fpdf"
    );
    assert_eq!(
        session.event_source_url("Email,Mailbox", true, 0),
        "https://webmail.ac-cevennes.fr/jmap/eventsource/?types=Email%2CMailbox&closeafter=state&ping=0"
    );
    // Resolving again changes nothing.
    assert_eq!(session.clone().resolve_against("http://elsewhere/"), session);
}

#[test]
fn using_collects_each_capability_once() {
    let mut req = RequestBuilder::default();
    req.call(IdentityGet::new("A1"));
    req.call(MailboxGet::new("A1"));
    req.call(EmailGet::new("A1").ids(["M1"]));
    req.created_ids([("k1".to_string(), "M1".to_string())].into());
    let json: Value = serde_json::to_value(req.build()).unwrap();
    assert_eq!(json["using"], json!([CORE, MAIL, SUBMISSION]));
    assert_eq!(json["methodCalls"][2], json!(["Email/get", { "accountId": "A1", "ids": ["M1"] }, "c2"]));
    assert_eq!(json["createdIds"], json!({ "k1": "M1" }));
}
