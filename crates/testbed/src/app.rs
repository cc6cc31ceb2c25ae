//! The app server: the built bundle and a reverse proxy to the mail server's HTTP (Cyrus httpd
//! or Stalwart), on one origin. The proxy says who the client is (`X-Forwarded-For`, for
//! Stalwart's limits on failed logins) and rewrites the mail server's own origin to the app's
//! in redirects and in the JMAP session (Stalwart's URLs are absolute). A second app server may
//! behave as fronts in the field sometimes do ([`Front`]): its clients seen from another
//! address, or event streams held back in big pieces like a buffering proxy's.

use crate::TestbedError;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, Version};
use axum::response::{IntoResponse, Response};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The app's policy, as scripts/trunk-post-build.py writes it (`https:` images: remote images
/// of a mail the user allowed, shown in a srcdoc frame that inherits this policy).
pub const DEFAULT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob: https:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Path prefixes proxied to Cyrus.
const PROXIED: [&str; 5] = ["/jmap", "/.well-known/jmap", "/.well-known/caldav", "/.well-known/carddav", "/dav"];

pub fn is_proxied(path: &str) -> bool {
    PROXIED.iter().any(|p| path == *p || (path.starts_with(p) && path.as_bytes()[p.len()] == b'/'))
}

/// Trunk's hashed asset names: `name-<16 hex>...` (e.g. `facteur-0123456789abcdef_bg.wasm`).
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let b = name.as_bytes();
    b.windows(17).enumerate().any(|(i, w)| {
        w[0] == b'-'
            && w[1..].iter().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            && b.get(i + 17).map(|c| !c.is_ascii_hexdigit()).unwrap_or(true)
    })
}

/// How an app server fronts the mail server.
#[derive(Clone, Copy, Debug, Default)]
pub struct Front {
    /// The address its clients are said to come from (`X-Forwarded-For`); default: theirs.
    pub clients_seen_as: Option<IpAddr>,
    /// Forwards an event stream (`text/event-stream`) only in pieces of [`HELD_BACK`] bytes,
    /// as a buffering reverse proxy does (nginx's `proxy_buffering on`): the stream opens, and
    /// what the server sends comes much later, or never.
    pub holds_streams_back: bool,
}

/// The piece size of [`Front::holds_streams_back`].
pub const HELD_BACK: usize = 16 * 1024;

#[derive(Clone)]
struct AppState {
    front: Front,
    dist: PathBuf,
    cyrus: String,
    cyrus_authority: HeaderValue,
    fallback_origin: String,
    client: Client<HttpConnector, Body>,
}

pub struct AppServer {
    pub port: u16,
    stop: tokio::sync::watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl AppServer {
    pub fn start(dist: &Path, port: u16, cyrus_url: String) -> Result<AppServer, TestbedError> {
        AppServer::start_with(dist, port, cyrus_url, Front::default())
    }

    /// [`AppServer::start`], fronting the mail server as `front` says.
    pub fn start_with(dist: &Path, port: u16, cyrus_url: String, front: Front) -> Result<AppServer, TestbedError> {
        if !dist.join("index.html").is_file() {
            return Err(TestbedError::App(format!(
                "{} has no index.html (build the app with Trunk first)",
                dist.display()
            )));
        }
        let listener = std::net::TcpListener::bind(("127.0.0.1", port))
            .map_err(|e| TestbedError::App(format!("bind 127.0.0.1:{port}: {e}")))?;
        listener.set_nonblocking(true).map_err(|e| TestbedError::io("set_nonblocking", e))?;
        let port = listener.local_addr().map_err(|e| TestbedError::io("local_addr", e))?.port();
        let dist = std::fs::canonicalize(dist).map_err(|e| TestbedError::io(format!("{}", dist.display()), e))?;
        let (stop, mut stop_rx) = tokio::sync::watch::channel(false);
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("facteur-testbed-app")
            .enable_all()
            .build()
            .map_err(|e| TestbedError::io("tokio runtime", e))?;
        let state = AppState {
            front,
            dist,
            cyrus_authority: HeaderValue::from_str(cyrus_url.trim_start_matches("http://")).unwrap(),
            cyrus: cyrus_url,
            fallback_origin: format!("http://127.0.0.1:{port}"),
            client: Client::builder(TokioExecutor::new()).build_http(),
        };
        let app = axum::Router::new().fallback(handle).with_state(state);
        let thread = std::thread::Builder::new()
            .name("facteur-testbed-app".into())
            .spawn(move || {
                rt.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(l) => l,
                        Err(e) => {
                            eprintln!("testbed app server: {e}");
                            return;
                        }
                    };
                    let mut rx = stop_rx.clone();
                    let app = app.into_make_service_with_connect_info::<SocketAddr>();
                    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
                        let _ = rx.wait_for(|v| *v).await;
                    });
                    let task = tokio::spawn(async move { server.await });
                    let _ = stop_rx.wait_for(|v| *v).await;
                    let _ = tokio::time::timeout(Duration::from_secs(2), task).await;
                });
                rt.shutdown_timeout(Duration::from_millis(200));
            })
            .map_err(|e| TestbedError::io("spawn app thread", e))?;
        Ok(AppServer { port, stop, thread: Some(thread) })
    }

    pub fn stop(mut self) {
        let _ = self.stop.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for AppServer {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

async fn handle(State(st): State<AppState>, ConnectInfo(client): ConnectInfo<SocketAddr>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let proxied = is_proxied(&path);
    let mut resp = if proxied { proxy(&st, client, req).await } else { static_file(&st, req).await };
    let h = resp.headers_mut();
    let csp = std::fs::read_to_string(st.dist.join("csp.txt"))
        .ok()
        .map(|s| s.lines().next().unwrap_or("").trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| DEFAULT_CSP.to_string());
    // The policy governs documents and workers only (a browser ignores it on a script, a
    // stylesheet or a wasm module): sent with the page and the service worker, as the
    // production recipe does, it does not weigh on every file of a cold load.
    let is_html = h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
    if is_html || path == "/sw.js" {
        if let Ok(v) = HeaderValue::from_str(&csp) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    resp
}

async fn static_file(st: &AppState, req: Request) -> Response {
    let wants_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.contains("text/html"))
        .unwrap_or(false);
    let is_get = req.method() == Method::GET || req.method() == Method::HEAD;
    let path = req.uri().path().to_string();
    let (parts, body) = req.into_parts();
    let serve = || ServeDir::new(&st.dist).precompressed_br().precompressed_gzip();
    let mut fallback_parts = parts.clone();
    let resp = serve().oneshot(Request::from_parts(parts, body)).await.unwrap_or_else(|e| match e {});
    let (resp, index) = if resp.status() == StatusCode::NOT_FOUND && is_get && wants_html {
        fallback_parts.uri = Uri::from_static("/index.html");
        let r =
            serve().oneshot(Request::from_parts(fallback_parts, Body::empty())).await.unwrap_or_else(|e| match e {});
        (r, true)
    } else {
        (resp, path == "/" || path.ends_with("/index.html") || path.ends_with('/'))
    };
    let mut resp = resp.map(Body::new);
    if resp.status().is_success() || resp.status() == StatusCode::NOT_MODIFIED {
        let cc = if !index && is_hashed_asset(&path) { "public, max-age=31536000, immutable" } else { "no-cache" };
        resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cc));
    }
    resp
}

fn strip_hop_by_hop(h: &mut HeaderMap) {
    // Headers named by Connection are hop-by-hop too.
    let named: Vec<HeaderName> = h
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(',').map(|s| s.trim().to_ascii_lowercase()).collect::<Vec<_>>())
        .filter_map(|s| HeaderName::from_bytes(s.as_bytes()).ok())
        .collect();
    for n in named {
        h.remove(n);
    }
    for n in [
        "connection",
        "keep-alive",
        "proxy-connection",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    ] {
        h.remove(n);
    }
}

async fn proxy(st: &AppState, client: SocketAddr, req: Request) -> Response {
    let (mut parts, body) = req.into_parts();
    let is_session = parts.uri.path().starts_with("/jmap/session") || parts.uri.path() == "/.well-known/jmap";
    let app_origin = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| format!("http://{h}"))
        .unwrap_or_else(|| st.fallback_origin.clone());
    let pq = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    parts.uri = match format!("{}{pq}", st.cyrus).parse() {
        Ok(u) => u,
        Err(e) => return (StatusCode::BAD_REQUEST, format!("bad uri: {e}")).into_response(),
    };
    parts.version = Version::HTTP_11;
    let takes_gzip = parts
        .headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    strip_hop_by_hop(&mut parts.headers);
    if is_session {
        // The session is rewritten below, so it is asked for as plain text (a front before
        // another front, as in the login tests, would otherwise get it gzipped).
        parts.headers.remove(header::ACCEPT_ENCODING);
    }
    parts.headers.insert(header::HOST, st.cyrus_authority.clone());
    if let Ok(v) = HeaderValue::from_str(&st.front.clients_seen_as.unwrap_or(client.ip()).to_string()) {
        parts.headers.insert("x-forwarded-for", v);
    }
    match st.client.request(Request::from_parts(parts, body)).await {
        Ok(resp) => {
            let (mut p, b) = resp.into_parts();
            strip_hop_by_hop(&mut p.headers);
            if let Some(loc) = p.headers.get(header::LOCATION).and_then(|l| l.to_str().ok()) {
                if let Some(rest) = loc.strip_prefix(&st.cyrus) {
                    if let Ok(v) = HeaderValue::from_str(&format!("{app_origin}{rest}")) {
                        p.headers.insert(header::LOCATION, v);
                    }
                }
            }
            let is_json = p
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|t| t.to_str().ok())
                .is_some_and(|t| t.starts_with("application/json"));
            if is_session && is_json && p.status.is_success() {
                // The session's absolute URLs name the mail server: the browser must use ours.
                let Ok(bytes) = axum::body::to_bytes(Body::new(b), 4 * 1024 * 1024).await else {
                    return (StatusCode::BAD_GATEWAY, "facteur-testbed: the session could not be read").into_response();
                };
                let text = String::from_utf8_lossy(&bytes).replace(&st.cyrus, &app_origin);
                return json_answer(p, text.into_bytes(), takes_gzip);
            }
            if is_json && takes_gzip && !p.headers.contains_key(header::CONTENT_ENCODING) {
                let Ok(bytes) = axum::body::to_bytes(Body::new(b), 64 * 1024 * 1024).await else {
                    return (StatusCode::BAD_GATEWAY, "facteur-testbed: an answer could not be read").into_response();
                };
                return json_answer(p, bytes.to_vec(), true);
            }
            let is_stream = p
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|t| t.to_str().ok())
                .is_some_and(|t| t.starts_with("text/event-stream"));
            if is_stream && st.front.holds_streams_back {
                return Response::from_parts(p, held_back(Body::new(b)));
            }
            Response::from_parts(p, Body::new(b))
        }
        Err(e) => (StatusCode::BAD_GATEWAY, format!("facteur-testbed: Cyrus did not answer: {e}")).into_response(),
    }
}

/// A JSON answer read whole, gzipped when the browser takes it and the server sent it
/// uncompressed (our Stalwart router does), as a production front does (nginx `gzip on`):
/// streams and blobs never come here.
fn json_answer(mut p: axum::http::response::Parts, bytes: Vec<u8>, gzip: bool) -> Response {
    p.headers.remove(header::CONTENT_LENGTH);
    if gzip && !p.headers.contains_key(header::CONTENT_ENCODING) {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
        if std::io::Write::write_all(&mut gz, &bytes).is_ok() {
            if let Ok(zipped) = gz.finish() {
                p.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                p.headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
                return Response::from_parts(p, Body::from(zipped));
            }
        }
    }
    Response::from_parts(p, Body::from(bytes))
}

/// `body` forwarded only in pieces of at least [`HELD_BACK`] bytes (and the rest at its end).
fn held_back(body: Body) -> Body {
    use futures_util::StreamExt;
    let pieces = futures_util::stream::unfold(
        (body.into_data_stream(), Vec::new(), false),
        |(mut s, mut held, ended)| async move {
            if ended {
                return None;
            }
            loop {
                match s.next().await {
                    Some(Ok(bytes)) => {
                        held.extend_from_slice(&bytes);
                        if held.len() >= HELD_BACK {
                            let piece = axum::body::Bytes::from(std::mem::take(&mut held));
                            return Some((Ok::<_, axum::Error>(piece), (s, held, false)));
                        }
                    }
                    Some(Err(e)) => return Some((Err(e), (s, held, true))),
                    None => return Some((Ok(axum::body::Bytes::from(std::mem::take(&mut held))), (s, held, true))),
                }
            }
        },
    );
    Body::from_stream(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn prefixes_and_hashes() {
        assert!(is_proxied("/jmap"));
        assert!(is_proxied("/jmap/upload/x/"));
        assert!(is_proxied("/.well-known/jmap"));
        assert!(is_proxied("/dav/calendars/user/a@b/"));
        assert!(!is_proxied("/jmapx"));
        assert!(!is_proxied("/mail/inbox"));
        assert!(is_hashed_asset("/facteur-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/facteur-0123456789abcde.js"));
        assert!(!is_hashed_asset("/x-0123456789abcdef0.js"));
    }
}
