//! Quotas: RFC 9425's own example, and Cyrus's older capability (answers captured from the
//! testbed's Cyrus 3.6 after `SETQUOTA user/claire.martin@ac-cevennes.fr (STORAGE 760)`)
//! mapped into the standard model.

use facteur_jmap::quota::*;
use facteur_jmap::{RequestBuilder, Response, Session};
use serde_json::json;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";

fn response(text: &str) -> Response {
    serde_json::from_str(text).expect("a JMAP response")
}

#[test]
fn the_standard_request_uses_the_rfc_capability() {
    let mut req = RequestBuilder::new();
    QuotaCall::add(&mut req, QuotaDialect::Standard, "u33084183");
    let json = serde_json::to_value(req.build()).unwrap();
    assert_eq!(json["using"], json!(["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:quota"]));
    assert_eq!(json["methodCalls"], json!([["Quota/get", {"accountId": "u33084183", "ids": null}, "c0"]]));
}

/// RFC 9425 §5.1 (the `Quota/get` example).
#[test]
fn rfc_9425_example_reads_every_property() {
    let mut req = RequestBuilder::new();
    let call = QuotaCall::add(&mut req, QuotaDialect::Standard, "u33084183");
    let answer = response(
        r#"{"sessionState":"1","methodResponses":[["Quota/get",{"accountId":"u33084183","state":"78540",
        "list":[{"id":"2a06df0d-9865-4e74-a92f-74dcc814270e","resourceType":"count","used":1056,
        "warnLimit":1600,"softLimit":1800,"hardLimit":2000,"scope":"account","name":"bob@example.com",
        "description":"Personal account usage","types":["Mail","Calendar","Contact"]}],"notFound":[]},"c0"]]}"#,
    );
    let quotas = call.read(&answer).unwrap();
    assert_eq!(
        quotas,
        [Quota {
            id: "2a06df0d-9865-4e74-a92f-74dcc814270e".into(),
            resource_type: ResourceType::Count,
            used: 1056,
            hard_limit: 2000,
            scope: Scope::Account,
            name: "bob@example.com".into(),
            types: vec!["Mail".into(), "Calendar".into(), "Contact".into()],
            warn_limit: Some(1600),
            soft_limit: Some(1800),
            description: Some("Personal account usage".into()),
        }]
    );
    assert!(quotas[0].counts_mail());
}

#[test]
fn cyrus_quota_becomes_a_standard_octets_quota() {
    let mut req = RequestBuilder::new();
    let call = QuotaCall::add(&mut req, QuotaDialect::Cyrus, CLAIRE);
    let json = serde_json::to_value(req.build()).unwrap();
    assert_eq!(json["using"], json!(["urn:ietf:params:jmap:core", "https://cyrusimap.org/ns/jmap/quota"]));
    assert_eq!(json["methodCalls"], json!([["Quota/get", {"accountId": CLAIRE, "ids": null}, "c0"]]));
    let quotas = call.read(&response(include_str!("fixtures/cyrus-quota-get.json"))).unwrap();
    assert_eq!(quotas.len(), 1);
    let q = &quotas[0];
    // SETQUOTA (STORAGE 760) is in KiB: 760 × 1024 octets.
    assert_eq!((q.resource_type.clone(), q.used, q.hard_limit), (ResourceType::Octets, 711_337, 760 * 1024));
    assert_eq!(q.scope, Scope::Account);
    assert!(q.counts_mail());
}

#[test]
fn cyrus_unlimited_quota_is_no_quota() {
    let mut req = RequestBuilder::new();
    let call = QuotaCall::add(&mut req, QuotaDialect::Cyrus, "julien.roux@ac-cevennes.fr");
    let quotas = call.read(&response(include_str!("fixtures/cyrus-quota-unlimited.json"))).unwrap();
    assert!(quotas.is_empty(), "total -1024 means no limit: {quotas:?}");
}

#[test]
fn the_dialect_comes_from_the_session() {
    let session: Session = serde_json::from_str(include_str!("fixtures/cyrus-session.json")).unwrap();
    assert_eq!(QuotaDialect::of(&session, CLAIRE), Some(QuotaDialect::Cyrus));
    let mut standard = session.clone();
    standard.capabilities.insert(QUOTA.into(), json!({}));
    standard.accounts.get_mut(CLAIRE).unwrap().account_capabilities.insert(QUOTA.into(), json!({}));
    assert_eq!(QuotaDialect::of(&standard, CLAIRE), Some(QuotaDialect::Standard));
    let mut none = session;
    none.capabilities.remove(CYRUS_QUOTA);
    assert_eq!(QuotaDialect::of(&none, CLAIRE), None);
}

#[test]
fn a_method_error_is_an_error() {
    let mut req = RequestBuilder::new();
    let call = QuotaCall::add(&mut req, QuotaDialect::Cyrus, CLAIRE);
    let err =
        call.read(&response(r#"{"sessionState":"0","methodResponses":[["error",{"type":"unknownMethod"},"c0"]]}"#));
    assert_eq!(err.unwrap_err().to_string(), "unknownMethod");
}
