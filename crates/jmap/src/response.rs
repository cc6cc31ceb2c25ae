//! Responses (RFC 8620 §3.4): one generic way to read a call's typed result.

use crate::error::{Error, MethodError};
use crate::method::Method;
use crate::request::CallHandle;
use serde::Deserialize;
use std::collections::HashMap;

/// A JMAP response.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// `[name, arguments, callId]` triples.
    pub method_responses: Vec<(String, serde_json::Value, String)>,
    /// Creation id → id, if the request gave createdIds.
    #[serde(default)]
    pub created_ids: Option<HashMap<String, String>>,
    /// The session state: when it changes, refetch the session.
    pub session_state: String,
}

impl Response {
    /// The typed result of a call, or its method error.
    ///
    /// A call may produce several responses (e.g. an implicit `Email/set` after
    /// `Email/copy`); this returns the one named like the call.
    pub fn get<M: Method>(&self, handle: &CallHandle<M>) -> Result<M::Response, Error> {
        let mut error = None;
        for (name, arguments, call_id) in &self.method_responses {
            if call_id != &handle.id {
                continue;
            }
            if name == &handle.name {
                return Ok(M::Response::deserialize(arguments)?);
            }
            if name == "error" && error.is_none() {
                error = Some(MethodError::deserialize(arguments)?);
            }
        }
        Err(match error {
            Some(e) => Error::Method(e),
            None => Error::MissingResponse { call_id: handle.id.clone() },
        })
    }
}
