//! The browser transport: the only place that performs HTTP requests (gloo-net over `fetch`).
//!
//! Every request is aborted when its future is dropped (a resource that refetches, a screen
//! that goes away), like stalwartlabs/webadmin does on cleanup. Requests never carry browser
//! credentials (`credentials: "omit"`): authentication is the explicit `Authorization`
//! header, so a 401 never makes the browser open its own password dialog.

use gloo_net::http::{Request, RequestBuilder};
use web_sys::{AbortController, RequestCredentials};

/// What came back from the server.
#[derive(Clone, Debug)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// The final URL (after redirects), to resolve relative URLs against.
    pub url: String,
    /// The body as text.
    pub body: String,
}

/// The request did not get an answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// No answer: offline, DNS, refused connection, CORS, TLS…
    #[error("network error: {0}")]
    Network(String),
}

/// Aborts the request when dropped.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

async fn send(builder: RequestBuilder, body: Option<String>) -> Result<HttpResponse, HttpError> {
    let guard = AbortOnDrop(AbortController::new().ok());
    let signal = guard.0.as_ref().map(AbortController::signal);
    let builder = builder.credentials(RequestCredentials::Omit).abort_signal(signal.as_ref());
    let request = match body {
        Some(body) => builder.body(body),
        None => builder.build(),
    }
    .map_err(|e| HttpError::Network(e.to_string()))?;
    let response = request.send().await.map_err(|e| HttpError::Network(e.to_string()))?;
    let status = response.status();
    let url = response.url();
    let body = response.text().await.map_err(|e| HttpError::Network(e.to_string()))?;
    let mut guard = guard;
    guard.0 = None; // finished: nothing to abort
    Ok(HttpResponse { status, url, body })
}

/// `GET url` with an optional `Authorization` header.
pub async fn get(url: &str, authorization: Option<&str>) -> Result<HttpResponse, HttpError> {
    let mut builder = Request::get(url).header("Accept", "application/json");
    if let Some(auth) = authorization {
        builder = builder.header("Authorization", auth);
    }
    send(builder, None).await
}

/// `POST url` with a JSON body and an `Authorization` header.
pub async fn post_json(url: &str, authorization: &str, body: String) -> Result<HttpResponse, HttpError> {
    let builder = Request::post(url)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Authorization", authorization);
    send(builder, Some(body)).await
}
