//! RFC 8620 §3.3/§3.4/§3.6 request, response and error examples, and the RFC 8621
//! Thread/get, Email/query and Email/changes examples.

use facteur_jmap::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// A made-up method, like the RFC's `method2`, to show `Response::get` is generic.
#[derive(Serialize)]
struct Method2 {
    arg1: &'static str,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Method2Response {
    is_blah: bool,
}

impl Method for Method2 {
    type Response = Method2Response;
    fn name(&self) -> String {
        "method2".into()
    }
    fn capabilities(&self) -> &'static [&'static str] {
        &[]
    }
}

/// RFC 8620 §3.3.1: the request example round-trips.
#[test]
fn rfc8620_request_example_round_trips() {
    let text = r#"{
      "using": [ "urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail" ],
      "methodCalls": [
        [ "method1", { "arg1": "arg1data", "arg2": "arg2data" }, "c1" ],
        [ "method2", { "arg1": "arg1data" }, "c2" ],
        [ "method3", {}, "c3" ]
      ]
    }"#;
    let request: Request = serde_json::from_str(text).unwrap();
    assert_eq!(request.method_calls[1].name, "method2");
    assert_eq!(request.method_calls[2].call_id, "c3");
    assert_eq!(serde_json::to_value(&request).unwrap(), serde_json::from_str::<serde_json::Value>(text).unwrap());
}

/// A method known only by name, answering raw JSON.
#[derive(Serialize)]
struct Raw {
    #[serde(skip)]
    name: &'static str,
}

impl Method for Raw {
    type Response = serde_json::Value;
    fn name(&self) -> String {
        self.name.into()
    }
    fn capabilities(&self) -> &'static [&'static str] {
        &[]
    }
}

/// RFC 8620 §3.4.1: the response example; a call answered twice, and an error.
#[test]
fn rfc8620_response_example() {
    let response: Response = serde_json::from_value(json!({
      "methodResponses": [
        [ "method1", { "arg1": 3, "arg2": "foo" }, "c1" ],
        [ "method2", { "isBlah": true }, "c2" ],
        [ "anotherResponseFromMethod2", { "data": 10, "yetmoredata": "Hello" }, "c2" ],
        [ "error", { "type": "unknownMethod" }, "c3" ]
      ],
      "sessionState": "75128aab4b1b"
    }))
    .unwrap();
    assert_eq!(response.session_state, "75128aab4b1b");
    let mut req = RequestBuilder::new();
    let unanswered = req.call(Raw { name: "method0" });
    let method1 = req.call(Raw { name: "method1" });
    let method2 = req.call(Method2 { arg1: "arg1data" });
    let method3 = req.call(Raw { name: "method3" });
    assert_eq!(response.get(&method1).unwrap(), json!({ "arg1": 3, "arg2": "foo" }));
    assert!(response.get(&method2).unwrap().is_blah);
    assert!(matches!(
        response.get(&method3),
        Err(Error::Method(MethodError { error_type: MethodErrorType::UnknownMethod, description: None }))
    ));
    assert!(matches!(response.get(&unanswered), Err(Error::MissingResponse { call_id }) if call_id == "c0"));
    let reference = method2.reference("/isBlah");
    assert_eq!((reference.result_of.as_str(), reference.name.as_str()), ("c2", "method2"));
    let request = req.build();
    assert_eq!(request.using, [CORE], "methods without capabilities only use core");
    assert_eq!(
        serde_json::to_value(&request).unwrap()["methodCalls"][2],
        json!(["method2", { "arg1": "arg1data" }, "c2"])
    );
}

/// RFC 8620 §3.6.2: method errors read and write back the same.
#[test]
fn rfc8620_method_errors_round_trip() {
    for (json, expected) in [
        (json!({ "type": "unknownMethod" }), MethodErrorType::UnknownMethod),
        (json!({ "type": "serverFail", "description": "disk full" }), MethodErrorType::ServerFail),
        (json!({ "type": "invalidArguments", "description": "limit: negative" }), MethodErrorType::InvalidArguments),
        (json!({ "type": "accountNotSupportedByMethod" }), MethodErrorType::AccountNotSupportedByMethod),
        (json!({ "type": "cannotCalculateChanges" }), MethodErrorType::CannotCalculateChanges),
        (json!({ "type": "anchorNotFound" }), MethodErrorType::AnchorNotFound),
        (json!({ "type": "tooManyChanges" }), MethodErrorType::TooManyChanges),
        (json!({ "type": "urn:example:newError" }), MethodErrorType::Other("urn:example:newError".into())),
    ] {
        let error: MethodError = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(error.error_type, expected);
        let mut back = serde_json::to_value(&error).unwrap();
        back.as_object_mut().unwrap().retain(|_, v| !v.is_null());
        assert_eq!(back, json);
    }
}

/// RFC 8620 §3.6.1: every problem type is recognised.
#[test]
fn rfc8620_problem_types() {
    let kind = |t: &str| ProblemDetails { problem_type: t.into(), status: Some(400), detail: None, limit: None }.kind();
    assert_eq!(kind("urn:ietf:params:jmap:error:unknownCapability"), ProblemType::UnknownCapability);
    assert_eq!(kind("urn:ietf:params:jmap:error:notJSON"), ProblemType::NotJson);
    assert_eq!(kind("urn:ietf:params:jmap:error:notRequest"), ProblemType::NotRequest);
    assert_eq!(kind("urn:ietf:params:jmap:error:limit"), ProblemType::Limit);
    assert_eq!(kind("about:blank"), ProblemType::Other("about:blank".into()));
    let error: Error = ProblemDetails {
        problem_type: "urn:ietf:params:jmap:error:notJSON".into(),
        status: Some(400),
        detail: None,
        limit: None,
    }
    .into();
    assert_eq!(error.to_string(), "request refused: notJSON");
}

/// RFC 8620 §5.3: SetError with properties.
#[test]
fn rfc8620_set_errors() {
    let mut req = RequestBuilder::new();
    let set = req.call(MailboxSet::new("A1").create("k1", Mailbox { name: Some("".into()), ..Default::default() }));
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [["Mailbox/set", {
      "accountId": "A1", "oldState": null, "newState": "2",
      "notCreated": { "k1": { "type": "invalidProperties", "properties": ["name"], "description": "empty name" } } }, "c0"]] }))
    .unwrap();
    let answer = response.get(&set).unwrap();
    let error = &answer.not_created.unwrap()["k1"];
    assert_eq!(error.error_type, "invalidProperties");
    assert_eq!(error.properties.as_deref(), Some(&["name".to_string()][..]));
}

/// RFC 8621 §3.1: Thread/get.
#[test]
fn rfc8621_thread_get_example() {
    let mut req = RequestBuilder::new();
    let get = req.call(ThreadGet::new("acme").ids(["f123u4", "f41u44"]));
    assert_eq!(
        serde_json::to_value(req.build()).unwrap()["methodCalls"],
        json!([["Thread/get", { "accountId": "acme", "ids": ["f123u4", "f41u44"] }, "c0"]])
    );
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [["Thread/get", {
      "accountId": "acme", "state": "f6a7e214",
      "list": [{ "id": "f123u4", "emailIds": ["eaa623", "f782cbb"] }, { "id": "f41u44", "emailIds": ["82cf7bb"] }],
      "notFound": [] }, "c0"]] }))
    .unwrap();
    let threads = response.get(&get).unwrap();
    assert_eq!(threads.state, "f6a7e214");
    assert_eq!(threads.list[0], Thread { id: "f123u4".into(), email_ids: vec!["eaa623".into(), "f782cbb".into()] });
}

/// RFC 8621 §4.10: the four-call Email/query → Email/get → Thread/get → Email/get response.
#[test]
fn rfc8621_email_query_example_response() {
    let mut req = RequestBuilder::new();
    let query = req.call(EmailQuery::new("ue150411c"));
    let thread_ids = req.call(EmailGet::new("ue150411c").ids_ref(query.reference("/ids")));
    let threads = req.call(ThreadGet::new("ue150411c").ids_ref(thread_ids.reference("/list/*/threadId")));
    let emails = req.call(EmailGet::new("ue150411c").ids_ref(threads.reference("/list/*/emailIds")));
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [
      ["Email/query", { "accountId": "ue150411c", "queryState": "09aa9a075588-780599:0", "canCalculateChanges": true,
        "position": 0, "total": 115, "ids": ["Ma783e5cdf5f2deffbc97930a", "M9bd17497e2a99cb345fc1d0a"] }, "c0"],
      ["Email/get", { "accountId": "ue150411c", "state": "780599", "list": [
        { "id": "Ma783e5cdf5f2deffbc97930a", "threadId": "T36703c2cfe9bd5ed" },
        { "id": "M9bd17497e2a99cb345fc1d0a", "threadId": "T0a22ad76e9c097a1" }], "notFound": [] }, "c1"],
      ["Thread/get", { "accountId": "ue150411c", "state": "22a8728b", "list": [
        { "id": "T36703c2cfe9bd5ed", "emailIds": ["Ma783e5cdf5f2deffbc97930a"] },
        { "id": "T0a22ad76e9c097a1", "emailIds": ["M3b568670a63e5d100f518fa5", "M9bd17497e2a99cb345fc1d0a"] }],
        "notFound": [] }, "c2"],
      ["Email/get", { "accountId": "ue150411c", "state": "780599", "list": [{
        "id": "Ma783e5cdf5f2deffbc97930a", "threadId": "T36703c2cfe9bd5ed", "mailboxIds": { "fb666a55": true },
        "keywords": { "$seen": true, "$flagged": true }, "hasAttachment": true,
        "from": [{ "email": "jdoe@example.com", "name": "Jane Doe" }], "subject": "The Big Reveal",
        "receivedAt": "2018-06-27T00:20:35Z", "size": 175047,
        "preview": "As you may be aware, we are required to prepare a presentation where we wow a panel of 5 random members of the public, on a budget of 0...."
      }], "notFound": [] }, "c3"]
    ] }))
    .unwrap();
    assert_eq!(response.get(&query).unwrap().total, Some(115));
    assert_eq!(response.get(&thread_ids).unwrap().list[1].thread_id.as_deref(), Some("T0a22ad76e9c097a1"));
    assert_eq!(response.get(&threads).unwrap().list[1].email_ids.len(), 2);
    let email = &response.get(&emails).unwrap().list[0];
    assert_eq!(email.size, Some(175047));
    assert!(email.has_keyword("$flagged"));
    // An Email reads and writes back the same.
    let again: Email = serde_json::from_value(serde_json::to_value(email).unwrap()).unwrap();
    assert_eq!(&again, email);
}

/// RFC 8621 §4.3: Email/changes, then the created ids by back-reference to `/created`.
#[test]
fn rfc8621_email_changes_example() {
    let mut req = RequestBuilder::new();
    let changes = req.call(EmailChanges::new("ue150411c", "780599").max_changes(30));
    let created = req.call(EmailGet::new("ue150411c").ids_ref(changes.reference("/created")));
    assert_eq!(
        serde_json::to_value(req.build()).unwrap()["methodCalls"],
        json!([
          ["Email/changes", { "accountId": "ue150411c", "sinceState": "780599", "maxChanges": 30 }, "c0"],
          ["Email/get", { "accountId": "ue150411c", "#ids": { "resultOf": "c0", "name": "Email/changes", "path": "/created" } }, "c1"]
        ])
    );
    let response: Response = serde_json::from_value(json!({ "sessionState": "s", "methodResponses": [
      ["Email/changes", { "accountId": "ue150411c", "oldState": "780599", "newState": "780605", "hasMoreChanges": true,
        "created": ["Mc32e5ee9a5c4a0d0d5fa0bfe"], "updated": ["M5fa4f0ba3ad18ecb4c3ea7ea"], "destroyed": [] }, "c0"],
      ["Email/get", { "accountId": "ue150411c", "state": "780605", "list": [{ "id": "Mc32e5ee9a5c4a0d0d5fa0bfe" }], "notFound": [] }, "c1"]
    ] }))
    .unwrap();
    let answer = response.get(&changes).unwrap();
    assert!(answer.has_more_changes);
    assert_eq!((answer.old_state.as_str(), answer.new_state.as_str()), ("780599", "780605"));
    assert_eq!(response.get(&created).unwrap().list[0].id, answer.created.first().cloned());
}

/// Keyword sorts, anchors, and Mailbox queries serialise as RFC 8621 writes them.
#[test]
fn sorts_anchor_and_mailbox_query() {
    let query = EmailQuery::new("A1")
        .sort(vec![EmailSort::HasKeyword("$flagged".into()).descending(), EmailSort::ReceivedAt.descending()])
        .anchor("M7", -10)
        .limit(30);
    assert_eq!(
        serde_json::to_value(&query).unwrap(),
        json!({ "accountId": "A1", "anchor": "M7", "anchorOffset": -10, "limit": 30, "sort": [
          { "property": "hasKeyword", "keyword": "$flagged", "isAscending": false },
          { "property": "receivedAt", "isAscending": false }] })
    );
    let mailboxes = MailboxQuery::new("A1")
        .filter(Filter::Condition(MailboxFilter {
            parent_id: Some(None),
            role: Some(Some(Role::Sent)),
            ..Default::default()
        }))
        .sort(vec![MailboxSort::SortOrder.ascending(), MailboxSort::Name.ascending()]);
    assert_eq!(
        serde_json::to_value(&mailboxes).unwrap(),
        json!({ "accountId": "A1", "filter": { "parentId": null, "role": "sent" }, "sort": [
          { "property": "sortOrder", "isAscending": true }, { "property": "name", "isAscending": true }] })
    );
}
