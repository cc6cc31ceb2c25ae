//! Honest capabilities: a server may list a capability in its session whose methods it does
//! not answer (the Stalwart of our tests advertises calendars and contacts, and answers
//! `Calendar/get` and `AddressBook/get` with `unknownMethod`). One request asks a cheap `/get`
//! (`ids: []`: no object is read) of each capability Facteur has a use for and the session
//! lists; a capability whose call answers `unknownMethod` is taken as absent.
//!
//! `VacationResponse/get` is never asked: it makes our Cyrus 3.6's httpd child die.
//!
//! ```
//! use facteur_jmap::probe::{self, CALENDARS, CONTACTS};
//! use facteur_jmap::{Response, Session};
//!
//! let session: Session = serde_json::from_str(r#"{"capabilities": {"urn:ietf:params:jmap:core": {},
//!   "urn:ietf:params:jmap:mail": {}, "urn:ietf:params:jmap:calendars": {}, "urn:ietf:params:jmap:contacts": {},
//!   "urn:ietf:params:jmap:quota": {}}, "accounts": {"d": {"name": "j", "isPersonal": true, "accountCapabilities": {}}},
//!   "primaryAccounts": {"urn:ietf:params:jmap:calendars": "d", "urn:ietf:params:jmap:contacts": "d",
//!   "urn:ietf:params:jmap:quota": "d"}, "username": "j", "apiUrl": "/jmap/", "downloadUrl": "",
//!   "uploadUrl": "", "state": "s"}"#).unwrap();
//! let (request, probed) = probe::request(&session).unwrap();
//! let names: Vec<&str> = request.method_calls.iter().map(|c| c.name.as_str()).collect();
//! assert_eq!(names, ["Calendar/get", "AddressBook/get", "Quota/get"]);
//! // Captured from Stalwart 0.16.
//! let response: Response = serde_json::from_str(r#"{"methodResponses":[["error",{"type":"unknownMethod"},"c0"],
//!   ["error",{"type":"unknownMethod"},"c1"],["Quota/get",{"accountId":"d","state":"n","list":[],"notFound":[]},"c2"]],
//!   "sessionState":"3e25b2a0"}"#).unwrap();
//! assert_eq!(probe::absent(&response, &probed), [CALENDARS, CONTACTS]);
//! ```

use crate::request::{Invocation, Request};
use crate::response::Response;
use crate::session::Session;

/// JMAP for Calendars.
pub const CALENDARS: &str = "urn:ietf:params:jmap:calendars";
/// JMAP for Contacts (RFC 9610).
pub const CONTACTS: &str = "urn:ietf:params:jmap:contacts";
/// JMAP for Sieve scripts (RFC 9661).
pub const SIEVE: &str = "urn:ietf:params:jmap:sieve";

/// The capabilities asked, with the `/get` that tells whether the server answers them.
pub const PROBES: [(&str, &str); 4] = [
    (CALENDARS, "Calendar/get"),
    (CONTACTS, "AddressBook/get"),
    (crate::quota::QUOTA, "Quota/get"),
    (SIEVE, "SieveScript/get"),
];

/// The probe request for what `session` lists, and the capabilities it asks in call order
/// (call `c<i>` asks the `i`-th); `None` when the session lists none of [`PROBES`].
pub fn request(session: &Session) -> Option<(Request, Vec<&'static str>)> {
    let mut using = vec![crate::CORE.to_string()];
    let mut calls = Vec::new();
    let mut probed = Vec::new();
    for (capability, method) in PROBES {
        let Some(account) = session.account_for(capability) else { continue };
        using.push(capability.to_string());
        calls.push(Invocation {
            name: method.to_string(),
            arguments: serde_json::json!({"accountId": account, "ids": []}),
            call_id: format!("c{}", calls.len()),
        });
        probed.push(capability);
    }
    (!calls.is_empty()).then_some((Request { using, method_calls: calls, created_ids: None }, probed))
}

/// The capabilities of `probed` whose call the server answered with `unknownMethod` (or
/// `unknownCapability`, or not at all).
pub fn absent(response: &Response, probed: &[&'static str]) -> Vec<&'static str> {
    probed
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            let id = format!("c{i}");
            match response.method_responses.iter().find(|(_, _, call)| *call == id) {
                None => true,
                Some((name, arguments, _)) => {
                    name == "error" && matches!(arguments["type"].as_str(), Some("unknownMethod" | "unknownCapability"))
                }
            }
        })
        .map(|(_, capability)| *capability)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_error_is_not_an_absence() {
        let response: Response = serde_json::from_str(
            r#"{"methodResponses":[["error",{"type":"serverFail"},"c0"],["Quota/get",{"list":[]},"c1"]],"sessionState":"s"}"#,
        )
        .unwrap();
        assert!(absent(&response, &[CALENDARS, crate::quota::QUOTA]).is_empty());
        let missing: Response = serde_json::from_str(r#"{"methodResponses":[],"sessionState":"s"}"#).unwrap();
        assert_eq!(absent(&missing, &[SIEVE]), [SIEVE], "no answer at all");
    }
}
