//! Errors: request-level problems (RFC 7807), method-level errors, set errors.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A request-level error (RFC 8620 §3.6.1, RFC 7807 problem details).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetails {
    /// `urn:ietf:params:jmap:error:unknownCapability|notJSON|notRequest|limit`, or other.
    #[serde(rename = "type", default)]
    pub problem_type: String,
    /// HTTP status.
    #[serde(default)]
    pub status: Option<u16>,
    /// Human-readable explanation.
    #[serde(default)]
    pub detail: Option<String>,
    /// For `limit`: which limit.
    #[serde(default)]
    pub limit: Option<String>,
}

impl fmt::Display for ProblemDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short = self.problem_type.rsplit(':').next().unwrap_or(&self.problem_type);
        write!(f, "{short}")?;
        if let Some(limit) = &self.limit {
            write!(f, " ({limit})")?;
        }
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        Ok(())
    }
}

/// The request-level problem types of RFC 8620 §3.6.1.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ProblemType {
    /// `urn:ietf:params:jmap:error:unknownCapability`: `using` names a capability the server lacks.
    UnknownCapability,
    /// `urn:ietf:params:jmap:error:notJSON`: the body is not JSON (or not I-JSON).
    NotJson,
    /// `urn:ietf:params:jmap:error:notRequest`: the JSON is not a Request.
    NotRequest,
    /// `urn:ietf:params:jmap:error:limit`: a server limit was hit (see `limit`).
    Limit,
    /// Any other type URI, as sent.
    Other(String),
}

impl ProblemDetails {
    /// The problem type, typed.
    ///
    /// ```
    /// # use facteur_jmap::{ProblemDetails, ProblemType};
    /// let problem: ProblemDetails = serde_json::from_str(
    ///     r#"{"type":"urn:ietf:params:jmap:error:limit","limit":"maxSizeRequest","status":400}"#).unwrap();
    /// assert_eq!(problem.kind(), ProblemType::Limit);
    /// ```
    pub fn kind(&self) -> ProblemType {
        match self.problem_type.strip_prefix("urn:ietf:params:jmap:error:") {
            Some("unknownCapability") => ProblemType::UnknownCapability,
            Some("notJSON") => ProblemType::NotJson,
            Some("notRequest") => ProblemType::NotRequest,
            Some("limit") => ProblemType::Limit,
            _ => ProblemType::Other(self.problem_type.clone()),
        }
    }
}

/// The known method-level error types (RFC 8620 §3.6.2 and the method definitions), read
/// and written as their names (`wire_names!`).
///
/// ```
/// use facteur_jmap::MethodErrorType;
/// let t: MethodErrorType = serde_json::from_str("\"stateMismatch\"").unwrap();
/// assert_eq!(t, MethodErrorType::StateMismatch);
/// let other: MethodErrorType = serde_json::from_str("\"overQuota\"").unwrap();
/// assert_eq!(other, MethodErrorType::Other("overQuota".into()));
/// assert_eq!(serde_json::to_string(&MethodErrorType::TooManyChanges).unwrap(), "\"tooManyChanges\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MethodErrorType {
    /// Unexpected server error.
    ServerFail,
    /// Temporary server problem.
    ServerUnavailable,
    /// Partial failure.
    ServerPartialFail,
    /// The method is not known.
    UnknownMethod,
    /// Bad arguments.
    InvalidArguments,
    /// A back-reference could not be resolved.
    InvalidResultReference,
    /// Not allowed.
    Forbidden,
    /// No such account.
    AccountNotFound,
    /// The account does not support this method.
    AccountNotSupportedByMethod,
    /// The account is read-only.
    AccountReadOnly,
    /// Too many ids in a get, or objects in a set.
    RequestTooLarge,
    /// `/changes` cannot answer from that state: refetch.
    CannotCalculateChanges,
    /// `ifInState` did not match.
    StateMismatch,
    /// `anchor` not in the results.
    AnchorNotFound,
    /// The filter is not supported.
    UnsupportedFilter,
    /// The sort is not supported.
    UnsupportedSort,
    /// Too many changes for `maxChanges`.
    TooManyChanges,
    /// Any other type.
    Other(String),
}

wire_names!(MethodErrorType {
    ServerFail => "serverFail",
    ServerUnavailable => "serverUnavailable",
    ServerPartialFail => "serverPartialFail",
    UnknownMethod => "unknownMethod",
    InvalidArguments => "invalidArguments",
    InvalidResultReference => "invalidResultReference",
    Forbidden => "forbidden",
    AccountNotFound => "accountNotFound",
    AccountNotSupportedByMethod => "accountNotSupportedByMethod",
    AccountReadOnly => "accountReadOnly",
    RequestTooLarge => "requestTooLarge",
    CannotCalculateChanges => "cannotCalculateChanges",
    StateMismatch => "stateMismatch",
    AnchorNotFound => "anchorNotFound",
    UnsupportedFilter => "unsupportedFilter",
    UnsupportedSort => "unsupportedSort",
    TooManyChanges => "tooManyChanges",
});

/// A method call failed (`["error", {...}, callId]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub struct MethodError {
    /// What kind of error.
    #[serde(rename = "type")]
    pub error_type: MethodErrorType,
    /// Explanation from the server.
    #[serde(default)]
    pub description: Option<String>,
}

impl fmt::Display for MethodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.error_type {
            MethodErrorType::Other(other) => write!(f, "{other}")?,
            known => write!(
                f,
                "{}",
                serde_json::to_value(known).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
            )?,
        }
        if let Some(description) = &self.description {
            write!(f, ": {description}")?;
        }
        Ok(())
    }
}

/// Why one object of a `/set` was not created, updated or destroyed (RFC 8620 §5.3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetError {
    /// `forbidden`, `overQuota`, `tooLarge`, `rateLimit`, `notFound`, `invalidPatch`,
    /// `willDestroy`, `invalidProperties`, `singleton`, `mailboxHasChild`, `mailboxHasEmail`…
    #[serde(rename = "type")]
    pub error_type: String,
    /// Explanation from the server.
    #[serde(default)]
    pub description: Option<String>,
    /// The invalid properties, for `invalidProperties`.
    #[serde(default)]
    pub properties: Option<Vec<String>>,
}

/// Anything that can go wrong reading a response.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The whole request was refused.
    #[error("request refused: {0}")]
    Problem(#[from] ProblemDetails),
    /// The method answered with an error.
    #[error("{0}")]
    Method(#[from] MethodError),
    /// The response has no answer for this call.
    #[error("no response for call {call_id}")]
    MissingResponse {
        /// The call id.
        call_id: String,
    },
    /// The answer does not have the expected shape.
    #[error("unexpected response: {0}")]
    Parse(#[from] serde_json::Error),
}
