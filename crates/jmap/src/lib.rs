//! JMAP (RFC 8620 core, RFC 8621 mail) types and request building, with serde only: no
//! browser, no HTTP. The app sends [`Request`]s with whatever transport it has and reads the
//! typed results out of the [`Response`] with the handles the builder gave back.
//!
//! ```
//! use facteur_jmap::*;
//!
//! // One POST: the folders, the newest 50 messages of the inbox, and their list properties
//! // (by back-reference to the query's ids, serialised as `"#ids"`).
//! let account = "A1";
//! let mut req = RequestBuilder::new();
//! let mailboxes = req.call(MailboxGet::new(account));
//! let query = req.call(
//!     EmailQuery::new(account)
//!         .filter(Filter::Condition(EmailFilter { in_mailbox: Some("inbox-id".into()), ..Default::default() }))
//!         .sort(vec![EmailSort::ReceivedAt.descending()])
//!         .limit(50)
//!         .calculate_total(true),
//! );
//! let emails = req.call(EmailGet::new(account).ids_ref(query.reference("/ids")).properties(&[
//!     "id", "threadId", "mailboxIds", "keywords", "from", "subject", "preview", "receivedAt", "hasAttachment",
//! ]));
//! let request = req.build();
//! let json = serde_json::to_value(&request).unwrap(); // POST `request` as JSON to `session.api_url`
//! assert_eq!(json["methodCalls"][2][1]["#ids"], serde_json::json!({"resultOf": "c1", "name": "Email/query", "path": "/ids"}));
//! assert_eq!(request.using, [CORE, MAIL]);
//!
//! // … then read each result with its handle (a method error comes back as Error::Method):
//! let response: Response = serde_json::from_str(r#"{"sessionState":"s","methodResponses":[
//!   ["Mailbox/get",{"accountId":"A1","state":"m1","list":[{"id":"inbox-id","name":"Inbox","role":"inbox"}],"notFound":[]},"c0"],
//!   ["Email/query",{"accountId":"A1","queryState":"q","canCalculateChanges":true,"position":0,"ids":["e1"],"total":1},"c1"],
//!   ["Email/get",{"accountId":"A1","state":"1","list":[{"id":"e1","subject":"Conseil de classe"}],"notFound":[]},"c2"]]}"#).unwrap();
//! assert_eq!(response.get(&mailboxes).unwrap().list[0].role, Some(Role::Inbox));
//! assert_eq!(response.get(&query).unwrap().total, Some(1));
//! assert_eq!(response.get(&emails).unwrap().list[0].subject.as_deref(), Some("Conseil de classe"));
//! ```
//!
//! Session URLs may be relative (Cyrus: `"apiUrl": "/jmap/"`):
//! `session.resolve_against(fetched_from)` makes them absolute, then
//! [`Session::download_url`] expands the template with percent-encoded values.

/// Reads and writes an enum of JMAP names as strings, with an `Other(String)` variant for any
/// other name: `as_str`, `Serialize`, `Deserialize`. (By hand: serde's derive of an enum with
/// an untagged variant buffers each value, about 1 KB of brotli per enum on the app's first
/// download.)
macro_rules! wire_names {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            /// The name, as JMAP writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($ty::$variant => $name,)*
                    $ty::Other(name) => name,
                }
            }

            fn from_name(name: String) -> $ty {
                match name.as_str() {
                    $($name => $ty::$variant,)*
                    _ => $ty::Other(name),
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(deserializer).map($ty::from_name)
            }
        }
    };
}

mod error;
pub mod mail;
mod method;
pub mod probe;
pub mod push;
pub mod quota;
mod request;
mod response;
mod session;
mod template;
mod url;

pub use error::{Error, MethodError, MethodErrorType, ProblemDetails, ProblemType, SetError};
pub use mail::*;
pub use method::{
    AddedItem, Changes, ChangesResponse, Comparator, Filter, FilterOperator, Get, GetResponse, IdsArg, JmapObject,
    Method, NoArgs, Operator, PatchObject, Query, QueryChanges, QueryChangesResponse, QueryResponse, Set, SetResponse,
    SortProperty,
};
pub use request::{CallHandle, Invocation, Request, RequestBuilder, ResultReference};
pub use response::Response;
pub use session::{Account, CoreCapability, Session};
pub use template::{expand_url_template, percent_encode};
pub use url::resolve_url;

/// The capability every request uses.
pub const CORE: &str = "urn:ietf:params:jmap:core";
/// The mail capability (RFC 8621).
pub const MAIL: &str = "urn:ietf:params:jmap:mail";
/// The submission capability (RFC 8621 §7).
pub const SUBMISSION: &str = "urn:ietf:params:jmap:submission";
