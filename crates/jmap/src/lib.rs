//! JMAP (RFC 8620 core, RFC 8621 mail) types and request building, with serde only: no
//! browser, no HTTP. The app sends [`Request`]s with whatever transport it has and reads the
//! typed results out of the [`Response`] with the handles the builder gave back.
//!
//! ```
//! use facteur_jmap::{Comparator, EmailFilter, EmailGet, EmailQuery, Filter, RequestBuilder, Response};
//!
//! // One request: the newest 50 messages of a mailbox, then their list properties by
//! // back-reference to the query's ids.
//! let mut req = RequestBuilder::new();
//! let query = req.call(
//!     EmailQuery::new("A1")
//!         .filter(Filter::Condition(EmailFilter { in_mailbox: Some("inbox-id".into()), ..Default::default() }))
//!         .sort(vec![Comparator::descending("receivedAt")])
//!         .limit(50)
//!         .calculate_total(true),
//! );
//! let get = req.call(EmailGet::new("A1").ids_ref(query.reference("/ids")).properties(&["id", "subject"]));
//! let json = serde_json::to_value(req.build()).unwrap();
//! assert_eq!(json["methodCalls"][1][1]["#ids"]["resultOf"], "c0");
//!
//! // … send it, then read each result with its handle:
//! let response: Response = serde_json::from_str(r#"{"sessionState":"s","methodResponses":[
//!   ["Email/query",{"accountId":"A1","queryState":"q","canCalculateChanges":true,"position":0,"ids":["e1"],"total":1},"c0"],
//!   ["Email/get",{"accountId":"A1","state":"1","list":[{"id":"e1","subject":"Conseil de classe"}],"notFound":[]},"c1"]]}"#).unwrap();
//! assert_eq!(response.get(&query).unwrap().ids, ["e1"]);
//! assert_eq!(response.get(&get).unwrap().list[0].subject.as_deref(), Some("Conseil de classe"));
//! ```

mod error;
pub mod mail;
mod method;
mod request;
mod response;
mod session;
pub mod quota;
mod template;

pub use error::{Error, MethodError, MethodErrorType, ProblemDetails, SetError};
pub use mail::*;
pub use method::{
    AddedItem, Changes, ChangesResponse, Comparator, Filter, FilterOperator, Get, GetResponse, IdsArg, JmapObject,
    Method, NoArgs, Operator, PatchObject, Query, QueryChanges, QueryChangesResponse, QueryResponse, Set,
    SetResponse,
};
pub use request::{CallHandle, Request, RequestBuilder, ResultReference};
pub use response::Response;
pub use session::{Account, CoreCapability, Session};
pub use template::expand_url_template;

/// The capability every request uses.
pub const CORE: &str = "urn:ietf:params:jmap:core";
/// The mail capability (RFC 8621).
pub const MAIL: &str = "urn:ietf:params:jmap:mail";
/// The submission capability (RFC 8621 §7).
pub const SUBMISSION: &str = "urn:ietf:params:jmap:submission";
