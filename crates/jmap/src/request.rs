//! Requests (RFC 8620 §3.3) and back-references (§3.7).

use crate::method::Method;
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::marker::PhantomData;

/// A reference to the result of an earlier call of the same request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultReference {
    /// The call id.
    pub result_of: String,
    /// The method name of that call.
    pub name: String,
    /// A JSON pointer into its result (`/ids`, `/list/*/threadId`).
    pub path: String,
}

/// Identifies one call of a request, typed by its method, to read its result.
#[derive(Debug)]
pub struct CallHandle<M> {
    /// The call id (`c0`, `c1`…).
    pub id: String,
    /// The method name.
    pub name: String,
    _method: PhantomData<fn() -> M>,
}

impl<M> Clone for CallHandle<M> {
    fn clone(&self) -> Self {
        CallHandle { id: self.id.clone(), name: self.name.clone(), _method: PhantomData }
    }
}

impl<M> CallHandle<M> {
    /// A back-reference to `path` in this call's result.
    pub fn reference(&self, path: &str) -> ResultReference {
        ResultReference { result_of: self.id.clone(), name: self.name.clone(), path: path.into() }
    }
}

/// One method call: name, arguments, call id.
#[derive(Clone, Debug, PartialEq)]
pub struct Invocation {
    /// Method name.
    pub name: String,
    /// Arguments.
    pub arguments: serde_json::Value,
    /// Call id.
    pub call_id: String,
}

impl Serialize for Invocation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(3)?;
        tuple.serialize_element(&self.name)?;
        tuple.serialize_element(&self.arguments)?;
        tuple.serialize_element(&self.call_id)?;
        tuple.end()
    }
}

impl<'de> Deserialize<'de> for Invocation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (name, arguments, call_id) = <(String, serde_json::Value, String)>::deserialize(deserializer)?;
        Ok(Invocation { name, arguments, call_id })
    }
}

/// A JMAP request (RFC 8620 §3.3): serialise it as the body of the POST to `apiUrl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// The capabilities used.
    pub using: Vec<String>,
    /// The calls, in order.
    pub method_calls: Vec<Invocation>,
    /// Creation id → server id, known from earlier requests (`#creationId` references).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_ids: Option<HashMap<String, String>>,
}

/// Builds a request call by call; each call gets an id (`c0`, `c1`…) and a typed handle, and
/// `using` collects the capabilities the calls need.
#[derive(Debug)]
pub struct RequestBuilder {
    using: Vec<String>,
    calls: Vec<Invocation>,
    created_ids: Option<HashMap<String, String>>,
}

impl Default for RequestBuilder {
    fn default() -> Self {
        RequestBuilder::new()
    }
}

impl RequestBuilder {
    /// An empty request (it always uses the core capability).
    pub fn new() -> Self {
        RequestBuilder { using: vec![crate::CORE.to_string()], calls: Vec::new(), created_ids: None }
    }

    /// Adds a call; returns the handle to read its result.
    pub fn call<M: Method>(&mut self, method: M) -> CallHandle<M> {
        for capability in method.capabilities() {
            if !self.using.iter().any(|u| u == capability) {
                self.using.push(capability.to_string());
            }
        }
        let id = format!("c{}", self.calls.len());
        let name = method.name();
        let arguments = serde_json::to_value(&method).expect("method arguments serialise to JSON");
        self.calls.push(Invocation { name: name.clone(), arguments, call_id: id.clone() });
        CallHandle { id, name, _method: PhantomData }
    }

    /// The number of calls so far.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    /// Whether there is no call yet.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// The request.
    pub fn build(self) -> Request {
        Request { using: self.using, method_calls: self.calls, created_ids: self.created_ids }
    }

    /// Passes creation ids from earlier requests, so calls may refer to them as `#creationId`.
    pub fn created_ids(&mut self, created_ids: HashMap<String, String>) -> &mut Self {
        self.created_ids = Some(created_ids);
        self
    }
}
