//! The message frame: a sandboxed `<iframe srcdoc>` with its own CSP, filled by the walker.
//!
//! Why `allow-same-origin` (and never `allow-scripts`): a `srcdoc` (or `blob:`) frame
//! inherits the app's CSP, which refuses inline styles, so the message's CSS can only be
//! applied through the CSS object model (`element.style`, constructed stylesheets) — by the
//! app's code, which must reach the frame's document for that. Without `allow-scripts` no
//! script of the message can run at all, so the shared origin is only ever used by the app
//! itself. `allow-popups` + `allow-popups-to-escape-sandbox` let links open in a new tab
//! (they carry `rel="noopener noreferrer"`); forms, top navigation, plugins stay refused.

use crate::walker::{parse, sanitize_into, Options, Sanitized, StyleOutput};
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlIFrameElement};

/// The `sandbox` attribute of the message frame.
pub const SANDBOX: &str = "allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// Base look of a message (the message's own CSS comes after it).
pub const BASE_CSS: &str = "html{color-scheme:light;overflow-y:hidden}\
body{margin:0;padding:0 2px;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;\
color:#1b1b1b;background:#fff;overflow-wrap:anywhere}\
img{max-width:100%;height:auto}table{max-width:100%}a{color:#0b5cad}pre{white-space:pre-wrap}\
blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:3px solid #c9ced6;color:#3a3f47}";

/// The frame document's own policy: nothing loads but `data:`/`blob:` images (and remote
/// images over https once the user allowed them).
///
/// ```
/// let csp = facteur_mail_html::frame_csp(false);
/// assert!(csp.starts_with("default-src 'none'"));
/// assert!(!csp.contains("https:"));
/// assert!(facteur_mail_html::frame_csp(true).contains("img-src data: blob: https:"));
/// ```
pub fn frame_csp(remote_allowed: bool) -> String {
    let images = if remote_allowed { "data: blob: https:" } else { "data: blob:" };
    format!(
        "default-src 'none'; img-src {images}; style-src 'none'; font-src 'none'; media-src 'none'; \
         frame-src 'none'; form-action 'none'; base-uri 'none'"
    )
}

/// The frame's `srcdoc`: an empty document carrying [`frame_csp`] and no referrer.
pub fn srcdoc(remote_allowed: bool, lang: &str) -> String {
    let lang: String = lang.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\
         <meta name=\"referrer\" content=\"no-referrer\"></head><body></body></html>",
        frame_csp(remote_allowed)
    )
}

/// Sanitises `html` into the body of a loaded message frame (replacing what it held) and
/// adopts [`BASE_CSS`] and the message's filtered stylesheets.
pub fn fill(
    frame: &HtmlIFrameElement,
    html: &str,
    remote_allowed: bool,
    cid_url: &dyn Fn(&str) -> Option<String>,
) -> Result<Sanitized, JsValue> {
    let document = frame.content_document().ok_or_else(|| JsValue::from_str("the message frame has no document"))?;
    let body = document.body().ok_or_else(|| JsValue::from_str("the message frame has no body"))?;
    while let Some(child) = body.first_child() {
        body.remove_child(&child)?;
    }
    let source = parse(html)?;
    let options = Options { remote_allowed, cid_url, styles: StyleOutput::Collect };
    let done = sanitize_into(&source, &body, &options)?;
    let mut sheets = vec![BASE_CSS.to_string()];
    sheets.extend(done.stylesheets.iter().cloned());
    adopt_stylesheets(frame, &document, &sheets)?;
    Ok(done)
}

/// Gives `document` constructed stylesheets made in its own window (CSP does not apply to
/// the CSS object model).
fn adopt_stylesheets(frame: &HtmlIFrameElement, document: &Document, sheets: &[String]) -> Result<(), JsValue> {
    let window = frame.content_window().ok_or_else(|| JsValue::from_str("the message frame has no window"))?;
    let constructor: Function = Reflect::get(&window, &"CSSStyleSheet".into())?.dyn_into()?;
    let list = Array::new();
    for css in sheets {
        let sheet = Reflect::construct(&constructor, &Array::new())?;
        let replace: Function = Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
        replace.call1(&sheet, &JsValue::from_str(css))?;
        list.push(&sheet);
    }
    Reflect::set(document, &"adoptedStyleSheets".into(), &list)?;
    Ok(())
}

/// Height of the frame's content in CSS pixels (to size the frame without a scrollbar).
pub fn content_height(frame: &HtmlIFrameElement) -> Option<i32> {
    let document = frame.content_document()?;
    let root = document.document_element()?;
    let body_height = document.body().map(|b| b.scroll_height()).unwrap_or(0);
    // A message wider than the pane scrolls sideways: leave room for that scrollbar.
    let scrollbar = if root.scroll_width() > root.client_width() { 20 } else { 0 };
    Some(root.scroll_height().max(body_height) + scrollbar)
}
