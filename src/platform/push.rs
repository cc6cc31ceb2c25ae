//! JMAP push in the browser (RFC 8620 §7.3): the session's event source, read with `fetch` so
//! that the `Authorization` header can be sent (the browser's `EventSource` cannot), its bytes
//! handed to `facteur_jmap::push::EventStreamReader`. The server is asked to ping every
//! [`PING_SECONDS`]; a stream that stays quiet much longer is taken as broken (a proxy or a
//! network that dropped it without closing), so that the caller reopens it rather than trust a
//! dead line.

use crate::platform::jmap_client::JmapClient;
use facteur_jmap::push::{EventStreamReader, StateChange};
use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader, RequestCredentials};

/// How the server is asked to keep the connection alive (seconds between pings).
const PING_SECONDS: u32 = 30;
/// A stream quiet for this long (two and a half pings) is broken.
const QUIET_LIMIT: Duration = Duration::from_secs(PING_SECONDS as u64 * 5 / 2);

/// Why listening stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PushEnd {
    /// The server does not push (no event source, or it answered without a stream: our
    /// Cyrus answers 204).
    NotOffered,
    /// The stream ended or broke after it was open, or could not be opened.
    Interrupted(String),
}

/// Listens to the account's changes until the stream ends or `signal` aborts it: `on_open`
/// once the stream has delivered its first event (a ping or a change: a stream that opens but
/// delivers nothing, held back by a buffering proxy, is not trusted), `on_change` for each
/// `StateChange`.
pub async fn listen(
    client: &JmapClient,
    signal: &AbortSignal,
    on_open: impl Fn(),
    on_change: impl Fn(StateChange),
) -> PushEnd {
    if client.session().event_source_url.is_empty() {
        return PushEnd::NotOffered;
    }
    let url = client.session().event_source_url("*", false, PING_SECONDS);
    let request = Request::get(&url)
        .header("Accept", "text/event-stream")
        .header("Authorization", client.authorization())
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(signal));
    let response = match request.send().await {
        Ok(response) => response,
        Err(e) => return PushEnd::Interrupted(e.to_string()),
    };
    let is_stream = response.headers().get("content-type").is_some_and(|t| t.starts_with("text/event-stream"));
    if response.status() != 200 || !is_stream {
        return match response.status() {
            // Overloaded or restarting: try again later.
            500..=599 => PushEnd::Interrupted(format!("HTTP {}", response.status())),
            _ => PushEnd::NotOffered,
        };
    }
    let raw: web_sys::Response = response.into();
    let Some(body) = raw.body() else { return PushEnd::NotOffered };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut events = EventStreamReader::default();
    let mut heard = false;
    loop {
        let read = Box::pin(JsFuture::from(reader.read()));
        let chunk = match futures::future::select(read, Box::pin(sleep(QUIET_LIMIT))).await {
            futures::future::Either::Left((Ok(chunk), _)) => chunk,
            futures::future::Either::Left((Err(e), _)) => return PushEnd::Interrupted(format!("{e:?}")),
            futures::future::Either::Right(_) => {
                let _ = reader.cancel();
                return PushEnd::Interrupted("the stream went quiet".into());
            }
        };
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return PushEnd::Interrupted("the stream ended".into());
        }
        let Ok(value) = Reflect::get(&chunk, &"value".into()) else { continue };
        let bytes = value.unchecked_into::<Uint8Array>().to_vec();
        let delivered = events.feed(&bytes);
        if !heard && !delivered.is_empty() {
            heard = true;
            on_open();
        }
        for event in delivered {
            if let Some(change) = StateChange::from_event(&event) {
                on_change(change);
            }
        }
    }
}

/// Waits `duration` (a browser timer).
pub async fn sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let ms = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _: Result<JsValue, JsValue> = JsFuture::from(promise).await;
}
