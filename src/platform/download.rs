//! Attachments: fetched with the user's credentials (a plain link cannot send the
//! `Authorization` header), then offered as `blob:` URLs to save or preview.

use crate::platform::jmap_client::{CallError, JmapClient};
use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCredentials;

/// Downloads a blob and returns a `blob:` URL for it (revoke it with [`revoke`]).
pub async fn blob_url(client: &JmapClient, blob_id: &str, media_type: &str, name: &str) -> Result<String, CallError> {
    let url = client.download_url(blob_id, media_type, name);
    let response = Request::get(&url)
        .header("Authorization", client.authorization())
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|e| CallError::Network(e.to_string()))?;
    match response.status() {
        200..=299 => {}
        401 => return Err(CallError::SessionExpired),
        status => return Err(CallError::Server(format!("HTTP {status}"))),
    }
    let raw: web_sys::Response = response.into();
    let blob = JsFuture::from(raw.blob().map_err(|e| CallError::Unexpected(format!("{e:?}")))?)
        .await
        .map_err(|e| CallError::Network(format!("{e:?}")))?;
    let blob: web_sys::Blob = blob.unchecked_into();
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| CallError::Unexpected(format!("{e:?}")))
}

/// Saves a downloaded blob under its name (the browser's own download).
pub fn save(blob_url: &str, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(link) = document.create_element("a") else { return };
    let link: web_sys::HtmlAnchorElement = link.unchecked_into();
    link.set_href(blob_url);
    link.set_download(name);
    link.set_rel("noopener");
    link.click();
}

/// Frees a `blob:` URL.
pub fn revoke(blob_url: &str) {
    let _ = web_sys::Url::revoke_object_url(blob_url);
}
