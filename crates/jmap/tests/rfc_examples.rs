//! The JSON examples of RFC 8620 and RFC 8621, and responses captured from our Cyrus 3.6.

use facteur_jmap::*;
use serde_json::{json, Value};

fn calls(request: &Request) -> Value {
    serde_json::to_value(request).unwrap()["methodCalls"].clone()
}

/// RFC 8620 §2.1: the session example.
#[test]
fn rfc8620_session_example() {
    let session: Session = serde_json::from_value(json!({
      "capabilities": {
        "urn:ietf:params:jmap:core": {
          "maxSizeUpload": 50000000, "maxConcurrentUpload": 8, "maxSizeRequest": 10000000,
          "maxConcurrentRequests": 8, "maxCallsInRequest": 32, "maxObjectsInGet": 256,
          "maxObjectsInSet": 128, "collationAlgorithms": ["i;ascii-numeric", "i;ascii-casemap", "i;unicode-casemap"]
        },
        "urn:ietf:params:jmap:mail": {},
        "urn:ietf:params:jmap:contacts": {},
        "https://example.com/apis/foobar": { "maxFoosFinangled": 42 }
      },
      "accounts": {
        "A13824": { "name": "john@example.com", "isPersonal": true, "isReadOnly": false,
          "accountCapabilities": { "urn:ietf:params:jmap:mail": { "maxMailboxesPerEmail": null, "maxMailboxDepth": 10 }, "urn:ietf:params:jmap:contacts": {} } },
        "A97813": { "name": "jane@example.com", "isPersonal": false, "isReadOnly": true,
          "accountCapabilities": { "urn:ietf:params:jmap:mail": { "maxMailboxesPerEmail": 1, "maxMailboxDepth": 10 } } }
      },
      "primaryAccounts": { "urn:ietf:params:jmap:mail": "A13824", "urn:ietf:params:jmap:contacts": "A13824" },
      "username": "john@example.com",
      "apiUrl": "https://jmap.example.com/api/",
      "downloadUrl": "https://jmap.example.com/download/{accountId}/{blobId}/{name}?accept={type}",
      "uploadUrl": "https://jmap.example.com/upload/{accountId}/",
      "eventSourceUrl": "https://jmap.example.com/eventsource/?types={types}&closeafter={closeafter}&ping={ping}",
      "state": "75128aab4b1b"
    }))
    .unwrap();
    assert_eq!(session.primary_account(MAIL), Some("A13824"));
    assert_eq!(session.core().max_calls_in_request, 32);
    assert!(session.accounts["A97813"].is_read_only);
    assert_eq!(
        session.download_url("A13824", "Bfe8", "application/pdf", "Relevé de notes.pdf"),
        "https://jmap.example.com/download/A13824/Bfe8/Relev%C3%A9%20de%20notes.pdf?accept=application%2Fpdf"
    );
    assert_eq!(session.upload_url("A13824"), "https://jmap.example.com/upload/A13824/");
    assert_eq!(
        session.event_source_url("*", false, 30),
        "https://jmap.example.com/eventsource/?types=%2A&closeafter=no&ping=30"
    );
}

/// Our Cyrus sends relative URLs and its own capabilities; the session still parses.
#[test]
fn cyrus_session_parses() {
    let session: Session = serde_json::from_str(include_str!("fixtures/cyrus-session.json")).unwrap();
    assert_eq!(session.api_url, "/jmap/");
    assert_eq!(session.primary_account(MAIL), Some("claire.martin@ac-cevennes.fr"));
    assert_eq!(session.core().max_objects_in_get, 4096);
    assert_eq!(
        session.download_url("claire.martin@ac-cevennes.fr", "G1", "image/png", "photo.png"),
        "/jmap/download/claire.martin%40ac-cevennes.fr/G1/photo.png?accept=image%2Fpng"
    );
}

/// RFC 8620 §3.7: the back-reference example (query → get threadIds → Thread/get → get).
#[test]
fn rfc8620_back_reference_example() {
    let mut req = RequestBuilder::new();
    let query = req.call(
        EmailQuery::new("A1")
            .filter(Filter::Condition(EmailFilter { in_mailbox: Some("id_of_inbox".into()), ..Default::default() }))
            .sort(vec![Comparator::descending("receivedAt")])
            .extra(EmailQueryArgs { collapse_threads: true })
            .position(0)
            .limit(10)
            .calculate_total(true),
    );
    let thread_ids = req.call(EmailGet::new("A1").ids_ref(query.reference("/ids")).properties(&["threadId"]));
    let threads = req.call(ThreadGet::new("A1").ids_ref(thread_ids.reference("/list/*/threadId")));
    req.call(EmailGet::new("A1").ids_ref(threads.reference("/list/*/emailIds")).properties(&[
        "from",
        "receivedAt",
        "subject",
    ]));
    let request = req.build();
    assert_eq!(request.using, ["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail"]);
    assert_eq!(
        calls(&request),
        json!([
          ["Email/query", { "accountId": "A1", "filter": { "inMailbox": "id_of_inbox" },
            "sort": [{ "property": "receivedAt", "isAscending": false }], "collapseThreads": true,
            "position": 0, "limit": 10, "calculateTotal": true }, "c0"],
          ["Email/get", { "accountId": "A1", "#ids": { "resultOf": "c0", "name": "Email/query", "path": "/ids" },
            "properties": ["threadId"] }, "c1"],
          ["Thread/get", { "accountId": "A1", "#ids": { "resultOf": "c1", "name": "Email/get", "path": "/list/*/threadId" } }, "c2"],
          ["Email/get", { "accountId": "A1", "#ids": { "resultOf": "c2", "name": "Thread/get", "path": "/list/*/emailIds" },
            "properties": ["from", "receivedAt", "subject"] }, "c3"]
        ])
    );
}

/// RFC 8620 §3.6.2: a method error comes back through `get` as a `MethodError`.
#[test]
fn method_errors_are_typed() {
    let mut req = RequestBuilder::new();
    let get = req.call(MailboxGet::new("A1"));
    let response: Response = serde_json::from_value(json!({
        "methodResponses": [["error", { "type": "unknownMethod" }, "c0"]], "sessionState": "s"
    }))
    .unwrap();
    match response.get(&get) {
        Err(Error::Method(e)) => assert_eq!(e.error_type, MethodErrorType::UnknownMethod),
        other => panic!("expected a method error, got {other:?}"),
    }
    let response: Response = serde_json::from_value(json!({
        "methodResponses": [["error", { "type": "someNewError", "description": "x" }, "c0"]], "sessionState": "s"
    }))
    .unwrap();
    let err = response.get(&get).unwrap_err();
    assert_eq!(err.to_string(), "someNewError: x");
    let response: Response = serde_json::from_value(json!({ "methodResponses": [], "sessionState": "s" })).unwrap();
    assert!(matches!(response.get(&get), Err(Error::MissingResponse { call_id }) if call_id == "c0"));
}

/// RFC 8620 §3.6.1: request-level problem details.
#[test]
fn problem_details() {
    let problem: ProblemDetails = serde_json::from_value(json!({
        "type": "urn:ietf:params:jmap:error:unknownCapability", "status": 400,
        "detail": "The Request object used capability 'https://example.com/apis/foobar', which is not supported by this server."
    }))
    .unwrap();
    assert_eq!(problem.status, Some(400));
    assert!(problem.to_string().starts_with("unknownCapability: The Request object"));
    let limit: ProblemDetails = serde_json::from_value(json!({
        "type": "urn:ietf:params:jmap:error:limit", "limit": "maxSizeRequest", "status": 400, "detail": "Too big"
    }))
    .unwrap();
    assert_eq!(limit.to_string(), "limit (maxSizeRequest): Too big");
}

/// RFC 8621 §2.5: Mailbox/get example.
#[test]
fn rfc8621_mailbox_get_example() {
    let mut req = RequestBuilder::new();
    let get = req.call(MailboxGet::new("u33084183"));
    assert_eq!(calls(&req.build())[0], json!(["Mailbox/get", { "accountId": "u33084183", "ids": null }, "c0"]));
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [["Mailbox/get", {
      "accountId": "u33084183", "state": "78540",
      "list": [{ "id": "MB23cfa8094c0f41e6", "name": "Inbox", "parentId": null, "role": "inbox", "sortOrder": 10,
        "totalEmails": 16307, "unreadEmails": 13905, "totalThreads": 5833, "unreadThreads": 5128,
        "myRights": { "mayAddItems": true, "mayRename": false, "maySubmit": true, "mayDelete": false, "maySetKeywords": true,
          "mayRemoveItems": true, "mayCreateChild": true, "maySetSeen": true, "mayReadItems": true }, "isSubscribed": true },
      { "id": "MB674cc24095db49ce", "name": "Important mail", "parentId": null, "role": null, "sortOrder": 0,
        "totalEmails": 423, "unreadEmails": 142, "totalThreads": 427, "unreadThreads": 136,
        "myRights": { "mayAddItems": true, "mayRename": true, "maySubmit": true, "mayDelete": true, "maySetKeywords": true,
          "mayRemoveItems": true, "mayCreateChild": true, "maySetSeen": true, "mayReadItems": true }, "isSubscribed": true }],
      "notFound": [] }, "c0"]] }))
    .unwrap();
    let list = response.get(&get).unwrap().list;
    assert_eq!(list[0].role, Some(Role::Inbox));
    assert_eq!(list[0].unread_emails, Some(13905));
    assert!(!list[0].my_rights.as_ref().unwrap().may_rename);
    assert_eq!(list[1].role, None);
}

/// Unknown roles are kept.
#[test]
fn unknown_roles_round_trip() {
    let role: Role = serde_json::from_value(json!("subscriptions")).unwrap();
    assert_eq!(role, Role::Other("subscriptions".into()));
    assert_eq!(serde_json::to_value(&role).unwrap(), json!("subscriptions"));
    assert_eq!(serde_json::to_value(Role::Junk).unwrap(), json!("junk"));
}

/// RFC 8621 §4.9: Email/get with body values and the body structure.
#[test]
fn rfc8621_email_get_example() {
    let mut req = RequestBuilder::new();
    let get = req.call(
        EmailGet::new("ue150411c")
            .ids(["M2c8b1c4b5ab5ef8b65883a7c"])
            .properties(&["id", "threadId", "subject", "from", "receivedAt", "bodyStructure", "bodyValues", "textBody"])
            .extra(BodyProperties {
                fetch_text_body_values: true,
                max_body_value_bytes: Some(256),
                ..Default::default()
            }),
    );
    let json = calls(&req.build());
    assert_eq!(json[0][1]["fetchTextBodyValues"], true);
    assert_eq!(json[0][1]["maxBodyValueBytes"], 256);
    assert!(json[0][1].get("fetchHTMLBodyValues").is_none());
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [["Email/get", {
      "accountId": "ue150411c", "state": "41234123231",
      "list": [{ "id": "M2c8b1c4b5ab5ef8b65883a7c", "threadId": "T6fd5a3c8a2b1c3e4", "subject": "Dinner on Thursday?",
        "from": [{ "name": "Joe Bloggs", "email": "joe@example.com" }], "receivedAt": "2013-10-13T14:12:00Z",
        "bodyStructure": { "type": "multipart/alternative", "subParts": [
          { "partId": "1", "blobId": "B1", "type": "text/plain", "charset": "utf-8", "size": 175 },
          { "partId": "2", "blobId": "B2", "type": "text/html", "charset": "utf-8", "size": 382 } ] },
        "textBody": [{ "partId": "1", "blobId": "B1", "type": "text/plain", "size": 175 }],
        "bodyValues": { "1": { "isEncodingProblem": false, "isTruncated": true, "value": "Hi there, are you free on Thursday?" } },
        "header:List-Id:asText": "<list.example.com>" }],
      "notFound": [] }, "c0"]] }))
    .unwrap();
    let email = &response.get(&get).unwrap().list[0];
    let structure = email.body_structure.as_ref().unwrap();
    assert_eq!(structure.sub_parts.as_ref().unwrap()[1].media_type.as_deref(), Some("text/html"));
    assert!(email.body_values.as_ref().unwrap()["1"].is_truncated);
    assert_eq!(email.header_properties["header:List-Id:asText"], "<list.example.com>");
}

/// Email/set keyword patch, and SetError reading.
#[test]
fn email_set_patch_and_errors() {
    let mut patch = PatchObject::new();
    patch.insert("keywords/$seen".into(), json!(true));
    let mut req = RequestBuilder::new();
    let set = req.call(EmailSet::new("A1").update("M1", patch).destroy(["M9"]));
    assert_eq!(
        calls(&req.build())[0][1],
        json!({ "accountId": "A1", "update": { "M1": { "keywords/$seen": true } }, "destroy": ["M9"] })
    );
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [["Email/set", {
        "accountId": "A1", "oldState": "1", "newState": "2", "updated": { "M1": null },
        "notDestroyed": { "M9": { "type": "notFound" } } }, "c0"]] }))
    .unwrap();
    let answer = response.get(&set).unwrap();
    assert_eq!(
        answer.failures().map(|(id, e)| (id.as_str(), e.error_type.as_str())).collect::<Vec<_>>(),
        [("M9", "notFound")]
    );
}

/// RFC 8621 §4.5 (Email/changes) and RFC 8620 §5.6 (queryChanges) responses.
#[test]
fn changes_and_query_changes() {
    let query = EmailQuery::new("A1").sort(vec![Comparator::descending("receivedAt")]);
    let mut req = RequestBuilder::new();
    let changes = req.call(EmailChanges::new("A1", "s1").max_changes(100));
    let qc = req.call(EmailQueryChanges::of(&query, "q1"));
    let json = calls(&req.build());
    assert_eq!(json[0], json!(["Email/changes", { "accountId": "A1", "sinceState": "s1", "maxChanges": 100 }, "c0"]));
    assert_eq!(json[1][1]["sinceQueryState"], "q1");
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [
      ["Email/changes", { "accountId": "A1", "oldState": "s1", "newState": "s2", "hasMoreChanges": false,
        "created": ["M3"], "updated": ["M1"], "destroyed": [] }, "c0"],
      ["Email/queryChanges", { "accountId": "A1", "oldQueryState": "q1", "newQueryState": "q2", "total": 3,
        "removed": ["M1"], "added": [{ "id": "M3", "index": 0 }, { "id": "M1", "index": 2 }] }, "c1"]] }))
    .unwrap();
    assert_eq!(response.get(&changes).unwrap().created, ["M3"]);
    assert_eq!(response.get(&qc).unwrap().added[1], AddedItem { id: "M1".into(), index: 2 });
}

/// The inbox page request the app sends, against the answer captured from Cyrus.
#[test]
fn cyrus_inbox_page() {
    let mut req = RequestBuilder::new();
    let query = req.call(EmailQuery::new("claire.martin@ac-cevennes.fr").limit(5));
    let get = req.call(EmailGet::new("claire.martin@ac-cevennes.fr").ids_ref(query.reference("/ids")));
    let response: Response = serde_json::from_str(include_str!("fixtures/cyrus-inbox-page.json")).unwrap();
    let ids = response.get(&query).unwrap();
    assert_eq!(ids.ids.len(), 5);
    assert!(ids.total.unwrap() >= 83);
    let emails = response.get(&get).unwrap().list;
    assert_eq!(emails.len(), 5);
    assert!(emails.iter().all(|e| e.thread_id.is_some() && e.received_at.is_some()));
    let boxes: Response = serde_json::from_str(include_str!("fixtures/cyrus-mailbox-get.json")).unwrap();
    let mut req = RequestBuilder::new();
    let mailboxes = req.call(MailboxGet::new("x"));
    let list = boxes.get(&mailboxes).unwrap().list;
    assert!(list.iter().any(|m| m.role == Some(Role::Junk)));
    assert!(list.iter().any(|m| m.parent_id.is_some()));
}

/// Filter operators nest.
#[test]
fn filter_operators() {
    let filter: Filter<EmailFilter> = Filter::Operator(FilterOperator {
        operator: Operator::And,
        conditions: vec![
            Filter::Condition(EmailFilter { text: Some("conseil".into()), ..Default::default() }),
            Filter::Operator(FilterOperator {
                operator: Operator::Not,
                conditions: vec![Filter::Condition(EmailFilter {
                    has_keyword: Some("$seen".into()),
                    ..Default::default()
                })],
            }),
        ],
    });
    assert_eq!(
        serde_json::to_value(filter).unwrap(),
        json!({ "operator": "AND", "conditions": [{ "text": "conseil" }, { "operator": "NOT", "conditions": [{ "hasKeyword": "$seen" }] }] })
    );
}
