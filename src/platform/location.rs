//! The page's address as the browser holds it. The router's query map decodes a value more
//! than once on the way through a redirect, so a value that is itself an encoded address (the
//! login's `next`, a `mailto:` link with its `&subject=…&body=…`) is read here, decoded once.

/// The query of the address as written, with its `?` (empty when there is none).
pub fn raw_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The value of `name` in the address's query, percent-decoded once.
pub fn query_param(name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    raw_query()
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(prefix.as_str()).map(str::to_string))
        .and_then(|raw| js_sys::decode_uri_component(&raw).ok())
        .map(String::from)
}
