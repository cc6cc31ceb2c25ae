//! The JMAP client of the signed-in user: the session, the credentials (in memory only), the
//! account to use for each capability (mail, and later contacts, calendars, sieve… each may
//! live in another account: [`JmapClient::account`]) and one method to send a request built
//! with `facteur_jmap`.

use crate::platform::http::{self, HttpError};
use facteur_jmap::{ProblemDetails, Request, Response, Session};
use facteur_kit::gate::Gate;
use facteur_kit::login::{basic_authorization, looks_like_session, LoginFailure};
use std::sync::Arc;

use facteur_jmap::MAIL;

/// A signed-in JMAP client. Cheap to clone; holds no browser object, so it can live in a
/// signal.
#[derive(Clone, Debug)]
pub struct JmapClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    session: Session,
    authorization: String,
    /// The mail account (a session without one is refused at sign-in).
    mail_account: String,
    /// At most the server's `maxConcurrentRequests` requests at a time (Stalwart refuses the
    /// ones beyond).
    gate: Gate,
}

impl PartialEq for JmapClient {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

/// Why a JMAP call failed, in terms the interface can explain.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// No answer from the server.
    #[error("{0}")]
    Network(String),
    /// 401: the credentials are no longer accepted.
    #[error("session expired")]
    SessionExpired,
    /// The server refused the request (HTTP error or RFC 7807 problem).
    #[error("{0}")]
    Server(String),
    /// The answer could not be understood, or a method failed.
    #[error("{0}")]
    Unexpected(String),
    /// The server refused a change of messages (a `SetError`), by kind.
    #[error("{0}")]
    Refused(facteur_kit::refused::SetRefused),
}

impl From<facteur_kit::refused::SetRefused> for CallError {
    fn from(e: facteur_kit::refused::SetRefused) -> Self {
        CallError::Refused(e)
    }
}

impl From<HttpError> for CallError {
    fn from(e: HttpError) -> Self {
        match e {
            HttpError::Network(detail) => CallError::Network(detail),
        }
    }
}

impl From<facteur_jmap::Error> for CallError {
    fn from(e: facteur_jmap::Error) -> Self {
        CallError::Unexpected(e.to_string())
    }
}

/// Asks the server for the JMAP session with these credentials.
pub async fn sign_in(session_url: &str, username: &str, password: &str) -> Result<JmapClient, LoginFailure> {
    let authorization = basic_authorization(username, password);
    let response = http::get(session_url, Some(&authorization)).await.map_err(|_| LoginFailure::Unreachable)?;
    if let Some(failure) = LoginFailure::from_status(response.status) {
        return Err(failure);
    }
    if !looks_like_session(&response.body) {
        return Err(LoginFailure::Unreachable);
    }
    let session: Session = serde_json::from_str(&response.body).map_err(|_| LoginFailure::Server)?;
    let mail_account = session.account_for(MAIL).ok_or(LoginFailure::Server)?.to_string();
    // Our Cyrus sends relative URLs: make them absolute once.
    let session = session.resolve_against(&response.url);
    // (Read alone: the whole core capability's reader would weigh on the first download.)
    let most = session.capabilities.get(facteur_jmap::CORE).and_then(|core| core["maxConcurrentRequests"].as_u64());
    let gate = Gate::new(most.map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX)));
    Ok(JmapClient { inner: Arc::new(Inner { session, authorization, mail_account, gate }) })
}

/// How many objects the server accepts in one `/get` and one `/set` (its core capability).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// `maxObjectsInGet`.
    pub max_get: usize,
    /// `maxObjectsInSet`.
    pub max_set: usize,
    /// `maxCallsInRequest`.
    pub max_calls: usize,
}

impl JmapClient {
    /// The server's batch limits (500 when it gives none, at most 5,000 so one request stays
    /// reasonable; calls in one request: 16 when it gives none).
    pub fn limits(&self) -> Limits {
        let core = self.inner.session.core();
        let clamp = |n: u64| if n == 0 { 500 } else { usize::try_from(n).unwrap_or(usize::MAX).clamp(1, 5_000) };
        let calls = match core.max_calls_in_request {
            0 => 16,
            n => usize::try_from(n).unwrap_or(usize::MAX),
        };
        Limits { max_get: clamp(core.max_objects_in_get), max_set: clamp(core.max_objects_in_set), max_calls: calls }
    }

    /// The username the server knows the user by.
    pub fn username(&self) -> &str {
        &self.inner.session.username
    }

    /// The JMAP session (capabilities, limits).
    pub fn session(&self) -> &Session {
        &self.inner.session
    }

    /// The account to use for a capability (`facteur_jmap::MAIL`, `urn:ietf:params:jmap:contacts`…):
    /// the session's primary account for it, else an account that has it
    /// ([`facteur_jmap::Session::account_for`]); `None` when the server offers it in no account
    /// (an area then says so rather than sending requests to the mail account).
    pub fn account(&self, capability: &str) -> Option<&str> {
        if capability == MAIL {
            return Some(&self.inner.mail_account);
        }
        self.inner.session.account_for(capability)
    }

    /// The mail account's id (every signed-in session has one).
    pub fn mail_account(&self) -> &str {
        self.account(MAIL).unwrap_or_default()
    }

    /// The `Authorization` header value (for downloads).
    pub fn authorization(&self) -> &str {
        &self.inner.authorization
    }

    /// The absolute download URL of a blob of the mail account.
    pub fn download_url(&self, blob_id: &str, media_type: &str, name: &str) -> String {
        self.inner.session.download_url(&self.inner.mail_account, blob_id, media_type, name)
    }

    /// Where files of the mail account are uploaded (the session's `uploadUrl`).
    pub fn upload_url(&self) -> String {
        self.inner.session.upload_url(&self.inner.mail_account)
    }

    /// The largest file the server takes in one upload (`maxSizeUpload`; 0 when it gives none).
    pub fn max_upload(&self) -> u64 {
        self.inner.session.core().max_size_upload
    }

    /// Sends one JMAP request (several method calls) and returns the response; waits first
    /// while the server's `maxConcurrentRequests` are in flight (a request dropped meanwhile,
    /// such as a page scrolled past, is never sent).
    pub async fn send(&self, request: &Request) -> Result<Response, CallError> {
        let body = serde_json::to_string(request).map_err(|e| CallError::Unexpected(e.to_string()))?;
        let _turn = self.inner.gate.turn().await;
        let answer = http::post_json(&self.inner.session.api_url, &self.inner.authorization, body).await?;
        match answer.status {
            200..=299 => serde_json::from_str(&answer.body).map_err(|e| CallError::Unexpected(e.to_string())),
            401 => Err(CallError::SessionExpired),
            status => Err(CallError::Server(match serde_json::from_str::<ProblemDetails>(&answer.body) {
                Ok(problem) => problem.to_string(),
                Err(_) => format!("HTTP {status}"),
            })),
        }
    }
}
