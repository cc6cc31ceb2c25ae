//! Facteur's second test server: Stalwart (the `stalwart-lite` crate) started from its library,
//! with the JMAP routes its own HTTP router lacks.
//!
//! `stalwart-lite` 0.16 keeps Stalwart's JMAP engine (session, method calls, blobs, event
//! source, WebSocket) but its router answers 404 for `/jmap…` and `/.well-known/jmap`. This
//! binary starts the server exactly as `stalwart-lite`'s own `main` does (configuration from
//! `--config`, database migration, services, queue, listeners), except that HTTP listeners are
//! served by [`JmapHttp`]: the JMAP paths go to the engine, every other path (the management
//! API under `/api`, health checks…) to Stalwart's own router. SMTP, LMTP and IMAP listeners
//! are Stalwart's own.
//!
//! Used by `facteur-testbed` only; never linked into the app. Built by `scripts/install.sh`
//! into the tools cache outside the clone.

use hyper::{Method, StatusCode, body, header, server::conn::http1, service::service_fn};
use hyper_util::rt::TokioIo;
use stalwart_lib::Collector;
use stalwart_lib::common::{
    Inner, Server,
    config::server::ServerProtocol,
    core::BuildServer,
    ipc::PushEvent,
    listener::{SessionData, SessionManager, SessionStream},
    manager::boot::BootManager,
};
use stalwart_lib::directory::Permission;
use stalwart_lib::http::auth::authenticate::Authenticator;
use stalwart_lib::http::management::ToManageHttpResponse;
use stalwart_lib::http::request::ParseHttp;
use stalwart_lib::http_proto::{
    DownloadResponse, HttpContext, HttpRequest, HttpResponse, HttpSessionData, JsonProblemResponse, ToHttpResponse,
    form_urlencoded, request::fetch_body,
};
use stalwart_lib::imap::core::ImapSessionManager;
use stalwart_lib::jmap::api::{
    ToJmapHttpResponse, ToRequestError, event_source::EventSourceHandler, request::RequestHandler,
    session::SessionHandler,
};
use stalwart_lib::jmap::blob::{download::BlobDownload, upload::BlobUpload};
use stalwart_lib::jmap::websocket::upgrade::WebSocketUpgrade;
use stalwart_lib::jmap_proto::request::Request;
use stalwart_lib::services::{StartServices, broadcast::subscriber::spawn_broadcast_subscriber};
use stalwart_lib::smtp::StartQueueManager;
use stalwart_lib::types::{blob::BlobId, id::Id};
use stalwart_lib::utils::wait_for_shutdown;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// Serves an HTTP listener: JMAP paths to the JMAP engine, the rest to Stalwart's router.
#[derive(Clone)]
struct JmapHttp {
    inner: Arc<Inner>,
}

impl SessionManager for JmapHttp {
    #[allow(clippy::manual_async_fn)]
    fn handle<T: SessionStream>(self, session: SessionData<T>) -> impl Future<Output = ()> + Send {
        async move {
            let _in_flight = session.in_flight;
            let is_tls = session.stream.is_tls();
            let inner = self.inner;
            let served = http1::Builder::new()
                .keep_alive(true)
                .serve_connection(
                    TokioIo::new(session.stream),
                    service_fn(|req: hyper::Request<body::Incoming>| {
                        let server = inner.build_server();
                        let forwarded = forwarded_ip(&req);
                        let data = HttpSessionData {
                            instance: session.instance.clone(),
                            local_ip: session.local_ip,
                            local_port: session.local_port,
                            remote_ip: forwarded.unwrap_or(session.remote_ip),
                            remote_port: session.remote_port,
                            is_tls,
                            session_id: session.session_id,
                        };
                        async move {
                            // A forwarded address Stalwart banned (too many failed logins) is
                            // refused as Stalwart refuses a banned connection.
                            if forwarded.is_some_and(|ip| server.is_ip_blocked(&ip)) {
                                return Ok(JsonProblemResponse(StatusCode::FORBIDDEN).into_http_response().build());
                            }
                            let response = match route(&server, req, data).await {
                                Ok(response) => response,
                                Err(err) => err.into_http_response(),
                            };
                            Ok::<_, hyper::Error>(response.build())
                        }
                    }),
                )
                .with_upgrades()
                .await;
            if let Err(err) = served {
                if !err.is_incomplete_message() {
                    eprintln!("facteur-stalwart: HTTP connection: {err}");
                }
            }
        }
    }

    #[allow(clippy::manual_async_fn)]
    fn shutdown(&self) -> impl Future<Output = ()> + Send {
        async {
            let _ = self.inner.ipc.push_tx.send(PushEvent::Stop).await;
        }
    }
}

/// The client's address as the testbed's same-origin proxy forwards it (`X-Forwarded-For`), so
/// that Stalwart's limits (failed logins, bans) see the browser's address, not the proxy's.
fn forwarded_ip(req: &HttpRequest) -> Option<std::net::IpAddr> {
    let value = req.headers().get("x-forwarded-for")?.to_str().ok()?;
    value.split(',').next()?.trim().parse().ok()
}

/// Upload and request size limit of this access token (0 = none).
fn size_limit(server: &Server, token: &stalwart_lib::common::auth::AccessToken) -> usize {
    if token.has_permission(Permission::UnlimitedUploads) { 0 } else { server.core.jmap.upload_max_size }
}

async fn route(server: &Server, mut req: HttpRequest, session: HttpSessionData) -> stalwart_lib::Result<HttpResponse> {
    let path = req.uri().path().to_string();
    let mut parts = path.split('/').skip(1);
    match (parts.next().unwrap_or_default(), parts.next().unwrap_or_default(), req.method().clone()) {
        (".well-known", "jmap", Method::GET) => {
            return Ok(HttpResponse::new(StatusCode::TEMPORARY_REDIRECT)
                .with_no_cache()
                .with_location("/jmap/session"));
        }
        ("jmap", _, Method::OPTIONS) => return Ok(HttpResponse::new(StatusCode::NO_CONTENT)),
        ("jmap", "session", Method::GET) => {
            let (_in_flight, token) = server.authenticate_headers(&req, &session, false).await?;
            let base_url = HttpContext::new(&session, &req).resolve_response_url(server).await;
            return Ok(server.handle_session_resource(base_url, token).await?.into_http_response());
        }
        ("jmap", "", Method::POST) => {
            let (_in_flight, token) = server.authenticate_headers(&req, &session, false).await?;
            let limit = size_limit(server, &token);
            let Some(bytes) = fetch_body(&mut req, limit, session.session_id).await else {
                return Err(stalwart_lib::LimitEvent::SizeRequest.into_err());
            };
            let jmap = &server.core.jmap;
            return Ok(match Request::parse(&bytes, jmap.request_max_calls, jmap.request_max_size) {
                Ok(request) => server.handle_jmap_request(request, token, &session).await.into_http_response(),
                Err(err) => err.to_request_error().into_http_response(),
            });
        }
        ("jmap", "upload", Method::POST) => {
            let (_in_flight, token) = server.authenticate_headers(&req, &session, false).await?;
            if let Some(account) = parts.next().and_then(|p| Id::from_str(p).ok()) {
                let content_type = req
                    .headers()
                    .get(header::CONTENT_TYPE)
                    .and_then(|h| h.to_str().ok())
                    .unwrap_or("application/octet-stream")
                    .to_string();
                let limit = size_limit(server, &token);
                let Some(bytes) = fetch_body(&mut req, limit, session.session_id).await else {
                    return Err(stalwart_lib::LimitEvent::SizeUpload.into_err());
                };
                return Ok(server.blob_upload(account, &content_type, &bytes, token).await?.into_http_response());
            }
        }
        ("jmap", "download", Method::GET) => {
            let (_in_flight, token) = server.authenticate_headers(&req, &session, false).await?;
            let _account = parts.next();
            if let (Some(blob_id), Some(name)) = (parts.next().and_then(BlobId::from_base32), parts.next()) {
                let content_type = req
                    .uri()
                    .query()
                    .and_then(|q| {
                        form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "accept").map(|(_, v)| v.into_owned())
                    })
                    .unwrap_or_else(|| "application/octet-stream".to_string());
                return match server.blob_download(&blob_id, &token).await? {
                    Some(blob) => {
                        Ok(DownloadResponse { filename: name.to_string(), content_type, blob }.into_http_response())
                    }
                    None => Err(stalwart_lib::ResourceEvent::NotFound.into_err()),
                };
            }
        }
        ("jmap", "eventsource", Method::GET) => {
            let (_in_flight, token) = server.authenticate_headers(&req, &session, false).await?;
            return server.handle_event_source(req, token).await;
        }
        ("jmap", "ws", Method::GET) => {
            let (_in_flight, token) = server.authenticate_headers(&req, &session, false).await?;
            return server.upgrade_websocket_connection(req, token, session).await;
        }
        _ => {}
    }
    server.parse_http_request(req, session).await
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut init = Box::pin(BootManager::init()).await;
    if let Err(err) = stalwart_lib::migration::try_migrate(&init.inner.build_server()).await {
        eprintln!("facteur-stalwart: the database could not be migrated: {err:?}");
        std::process::exit(1);
    }
    init.start_services().await;
    init.start_queue_manager();
    init.config.log_errors();
    init.config.log_warnings();

    for server in &init.servers.servers {
        if !matches!(
            server.protocol,
            ServerProtocol::Smtp | ServerProtocol::Lmtp | ServerProtocol::Http | ServerProtocol::Imap
        ) {
            eprintln!(
                "facteur-stalwart: listener {} has a protocol this build lacks: {:?}",
                server.id, server.protocol
            );
            std::process::exit(1);
        }
    }

    let (shutdown_tx, shutdown_rx) = init.servers.spawn(|server, acceptor, shutdown_rx| match &server.protocol {
        ServerProtocol::Smtp | ServerProtocol::Lmtp => server.spawn(
            stalwart_lib::smtp::core::SmtpSessionManager::new(init.inner.clone()),
            init.inner.clone(),
            acceptor,
            shutdown_rx,
        ),
        ServerProtocol::Http => {
            server.spawn(JmapHttp { inner: init.inner.clone() }, init.inner.clone(), acceptor, shutdown_rx)
        }
        ServerProtocol::Imap => {
            server.spawn(ImapSessionManager::new(init.inner.clone()), init.inner.clone(), acceptor, shutdown_rx)
        }
        _ => unreachable!("checked above"),
    });
    spawn_broadcast_subscriber(init.inner, shutdown_rx);
    wait_for_shutdown().await;
    Collector::shutdown();
    let _ = shutdown_tx.send(true);
    tokio::time::sleep(Duration::from_secs(1)).await;
    Ok(())
}
