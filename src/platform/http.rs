//! The browser transport: the only place that performs HTTP requests (gloo-net over `fetch`;
//! uploads, whose progress `fetch` cannot tell, over `XMLHttpRequest`: [`upload`]).
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

/// `POST url` of a file's bytes (a JMAP upload), with the share sent so far reported to
/// `progress` (0.0 to 1.0) as it goes: `fetch` cannot tell upload progress, so this one request
/// goes through `XMLHttpRequest`. Aborted when the future is dropped.
pub async fn upload(
    url: &str,
    authorization: &str,
    blob: &web_sys::Blob,
    content_type: &str,
    progress: impl Fn(f64) + 'static,
) -> Result<HttpResponse, HttpError> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let network = |e: wasm_bindgen::JsValue| HttpError::Network(format!("{e:?}"));
    let xhr = web_sys::XmlHttpRequest::new().map_err(network)?;
    xhr.open("POST", url).map_err(network)?;
    xhr.set_request_header("Authorization", authorization).map_err(network)?;
    xhr.set_request_header(
        "Content-Type",
        if content_type.is_empty() { "application/octet-stream" } else { content_type },
    )
    .map_err(network)?;
    xhr.set_request_header("Accept", "application/json").map_err(network)?;
    let (done_tx, done_rx) = futures::channel::oneshot::channel::<bool>();
    let done_tx = std::rc::Rc::new(std::cell::RefCell::new(Some(done_tx)));
    let finish = |ok: bool, tx: std::rc::Rc<std::cell::RefCell<Option<futures::channel::oneshot::Sender<bool>>>>| {
        Closure::<dyn FnMut()>::new(move || {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(ok);
            }
        })
    };
    let on_load = finish(true, done_tx.clone());
    let on_error = finish(false, done_tx.clone());
    let on_abort = finish(false, done_tx);
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_abort.as_ref().unchecked_ref()));
    let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            progress(e.loaded() / e.total());
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    xhr.send_with_opt_blob(Some(blob)).map_err(network)?;
    // Dropped before the end (the file removed, the composer closed): abort.
    struct AbortXhr(Option<web_sys::XmlHttpRequest>);
    impl Drop for AbortXhr {
        fn drop(&mut self) {
            if let Some(xhr) = &self.0 {
                let _ = xhr.abort();
            }
        }
    }
    let mut guard = AbortXhr(Some(xhr.clone()));
    let loaded = done_rx.await.unwrap_or(false);
    guard.0 = None;
    drop((on_load, on_error, on_abort, on_progress));
    if !loaded {
        return Err(HttpError::Network("the upload did not finish".into()));
    }
    Ok(HttpResponse {
        status: xhr.status().unwrap_or(0),
        url: xhr.response_url(),
        body: xhr.response_text().ok().flatten().unwrap_or_default(),
    })
}
