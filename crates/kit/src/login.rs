//! What a failed login means, so the login page can say what happened and what to do, the
//! way the académies' own user guides word it.

use serde::{Deserialize, Serialize};

/// Why a login failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoginFailure {
    /// 401: wrong username or password → check caps lock, retype, or reset the password.
    BadCredentials,
    /// 403 or 429: account locked or too many attempts → contact support.
    Locked,
    /// Network error, 404, or an answer that is not a JMAP session → check the address.
    Unreachable,
    /// 5xx or anything unexpected from a real JMAP server → try again later.
    Server,
}

impl LoginFailure {
    /// Classifies the HTTP status of the session request (`GET` of the JMAP session URL).
    /// Returns `None` for a success status.
    ///
    /// ```
    /// use facteur_kit::login::LoginFailure;
    /// assert_eq!(LoginFailure::from_status(401), Some(LoginFailure::BadCredentials));
    /// assert_eq!(LoginFailure::from_status(429), Some(LoginFailure::Locked));
    /// assert_eq!(LoginFailure::from_status(200), None);
    /// ```
    pub fn from_status(status: u16) -> Option<LoginFailure> {
        match status {
            200..=299 => None,
            401 => Some(LoginFailure::BadCredentials),
            403 | 429 => Some(LoginFailure::Locked),
            // Not found, gone, method not allowed, or a redirect we could not follow: this is
            // not where a JMAP session lives.
            300..=399 | 404 | 405 | 410 => Some(LoginFailure::Unreachable),
            _ => Some(LoginFailure::Server),
        }
    }

    /// The stable identifier used in the DOM (`data-error`) and in tests.
    pub fn code(self) -> &'static str {
        match self {
            LoginFailure::BadCredentials => "bad-credentials",
            LoginFailure::Locked => "locked",
            LoginFailure::Unreachable => "unreachable",
            LoginFailure::Server => "server",
        }
    }
}

/// Checks a successful answer's body: it must be a JMAP session (RFC 8620 §2) that has the
/// core capability, an `apiUrl` and at least one account with mail. Anything else means the
/// address points at something that is not a JMAP server.
pub fn looks_like_session(body: &str) -> bool {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else {
        return false;
    };
    value["capabilities"]["urn:ietf:params:jmap:core"].is_object()
        && value["apiUrl"].is_string()
        && value["primaryAccounts"]["urn:ietf:params:jmap:mail"].is_string()
}

/// What a login form needs before it may send anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormProblem {
    /// The username is empty.
    MissingUsername,
    /// The password is empty.
    MissingPassword,
    /// The server address is needed (none configured) and empty.
    MissingServer,
}

/// Checks the login form before sending; returns the first problem.
pub fn check_form(username: &str, password: &str, server: Option<&str>) -> Option<FormProblem> {
    if username.trim().is_empty() {
        Some(FormProblem::MissingUsername)
    } else if password.is_empty() {
        Some(FormProblem::MissingPassword)
    } else if server.is_some_and(|s| s.trim().is_empty()) {
        Some(FormProblem::MissingServer)
    } else {
        None
    }
}

/// The `Authorization` header value for HTTP Basic authentication (RFC 7617, UTF-8).
///
/// ```
/// assert_eq!(facteur_kit::login::basic_authorization("Aladdin", "open sesame"),
///            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
/// ```
pub fn basic_authorization(username: &str, password: &str) -> String {
    format!("Basic {}", base64(format!("{}:{}", username.trim(), password).as_bytes()))
}

fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(LoginFailure::from_status(403), Some(LoginFailure::Locked));
        assert_eq!(LoginFailure::from_status(404), Some(LoginFailure::Unreachable));
        assert_eq!(LoginFailure::from_status(500), Some(LoginFailure::Server));
        assert_eq!(LoginFailure::from_status(503), Some(LoginFailure::Server));
        assert_eq!(LoginFailure::from_status(204), None);
        assert_eq!(LoginFailure::BadCredentials.code(), "bad-credentials");
    }

    #[test]
    fn session_detection() {
        let rfc_like = r#"{"capabilities":{"urn:ietf:params:jmap:core":{},"urn:ietf:params:jmap:mail":{}},
            "accounts":{"A1":{}},"primaryAccounts":{"urn:ietf:params:jmap:mail":"A1"},
            "username":"u","apiUrl":"/jmap/","downloadUrl":"","uploadUrl":"","eventSourceUrl":"","state":"1"}"#;
        assert!(looks_like_session(rfc_like));
        assert!(!looks_like_session("<html>Welcome to nginx</html>"));
        assert!(!looks_like_session(r#"{"capabilities":{}}"#));
    }

    #[test]
    fn form_checks() {
        assert_eq!(check_form(" ", "x", None), Some(FormProblem::MissingUsername));
        assert_eq!(check_form("a", "", None), Some(FormProblem::MissingPassword));
        assert_eq!(check_form("a", "b", Some("")), Some(FormProblem::MissingServer));
        assert_eq!(check_form("a", "b", None), None);
    }

    #[test]
    fn basic_auth_is_utf8_base64() {
        // RFC 7617 §2.1 example with a non-ASCII password.
        assert_eq!(basic_authorization("test", "123£"), "Basic dGVzdDoxMjPCow==");
        assert_eq!(basic_authorization("a", "b"), "Basic YTpi");
        assert_eq!(basic_authorization("ab", "c"), "Basic YWI6Yw==");
    }
}
