//! A small blocking JMAP/DAV client (ureq) used for account setup, seeding and tests.

use crate::TestbedError;
use base64::Engine;
use serde_json::{json, Value};
use std::time::Duration;

pub const CORE: &str = "urn:ietf:params:jmap:core";
pub const MAIL: &str = "urn:ietf:params:jmap:mail";
pub const SUBMISSION: &str = "urn:ietf:params:jmap:submission";
pub const CALENDARS: &str = "https://cyrusimap.org/ns/jmap/calendars";
pub const CONTACTS: &str = "https://cyrusimap.org/ns/jmap/contacts";

/// A plain HTTP answer (status, content type, body).
#[derive(Debug, Clone)]
pub struct HttpAnswer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpAnswer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .allow_non_standard_methods(true)
        .timeout_global(Some(Duration::from_secs(120)))
        .max_idle_connections_per_host(16)
        .build()
        .into()
}

pub fn basic(user: &str, password: &str) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}

/// One HTTP request; `headers` are added as given. Never fails on an HTTP status.
pub fn http(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> Result<HttpAnswer, TestbedError> {
    let mut b = ureq::http::Request::builder().method(method).uri(url);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let req = b
        .body(body.map(|b| b.to_vec()).unwrap_or_default())
        .map_err(|e| TestbedError::Http(format!("{method} {url}: {e}")))?;
    let mut resp = agent.run(req).map_err(|e| TestbedError::Http(format!("{method} {url}: {e}")))?;
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
        .collect();
    let body = resp
        .body_mut()
        .with_config()
        .limit(512 * 1024 * 1024)
        .read_to_vec()
        .map_err(|e| TestbedError::Http(format!("{method} {url}: reading body: {e}")))?;
    Ok(HttpAnswer { status, headers, body })
}

/// An authenticated JMAP session of one user.
#[derive(Clone)]
pub struct Client {
    pub agent: ureq::Agent,
    pub base: String,
    pub user: String,
    pub auth: String,
    pub session: Value,
    pub account_id: String,
}

fn resolve(base: &str, url: &str) -> String {
    if url.starts_with("http://") || url.starts_with("https://") {
        url.to_string()
    } else {
        format!("{}{}", base.trim_end_matches('/'), url)
    }
}

impl Client {
    /// The session, found as a client finds it (RFC 8620 §2.2: `GET <base>/.well-known/jmap`,
    /// which Cyrus and Stalwart redirect to their session resource), with Basic auth; errors
    /// include the server's answer.
    pub fn connect(base: &str, user: &str, password: &str) -> Result<Client, TestbedError> {
        let agent = agent();
        let auth = basic(user, password);
        let mut url = format!("{}/.well-known/jmap", base.trim_end_matches('/'));
        let mut a = http(&agent, "GET", &url, &[("Authorization", &auth), ("Accept", "application/json")], None)?;
        for _ in 0..3 {
            let Some(location) = (300..400).contains(&a.status).then(|| a.header("location")).flatten() else { break };
            url = resolve(base, location);
            a = http(&agent, "GET", &url, &[("Authorization", &auth), ("Accept", "application/json")], None)?;
        }
        if a.status != 200 {
            return Err(TestbedError::Http(format!("GET {url} as {user}: {} {}", a.status, a.text().trim())));
        }
        let session: Value = serde_json::from_slice(&a.body)
            .map_err(|e| TestbedError::Http(format!("GET {url}: session is not JSON ({e}): {}", a.text())))?;
        let account_id = session["primaryAccounts"][MAIL]
            .as_str()
            .ok_or_else(|| TestbedError::Http(format!("session of {user} has no primary mail account: {session}")))?
            .to_string();
        Ok(Client {
            agent,
            base: base.trim_end_matches('/').to_string(),
            user: user.to_string(),
            auth,
            session,
            account_id,
        })
    }

    pub fn api_url(&self) -> String {
        resolve(&self.base, self.session["apiUrl"].as_str().unwrap_or("/jmap/"))
    }

    pub fn capability_limit(&self, name: &str, default: u64) -> u64 {
        self.session["capabilities"][CORE][name].as_u64().unwrap_or(default)
    }

    /// Checks that the session names this user's account as primary for mail, and that the
    /// user's identity carries the full email address.
    pub fn check_session(&self, email: &str) -> Result<(), TestbedError> {
        let s = &self.session;
        if s["accounts"].get(&self.account_id).is_none() {
            return Err(TestbedError::Http(format!(
                "session of {email}: primary account {} not in accounts: {s}",
                self.account_id
            )));
        }
        for cap in [MAIL, SUBMISSION] {
            if s["primaryAccounts"][cap].as_str() != Some(self.account_id.as_str()) {
                return Err(TestbedError::Http(format!(
                    "session of {email}: primaryAccounts[{cap}] is not {}: {s}",
                    self.account_id
                )));
            }
        }
        let r = self.call(&[SUBMISSION], json!([["Identity/get", {"accountId": self.account_id}, "i"]]))?;
        let list = r[0][1]["list"].as_array().cloned().unwrap_or_default();
        if !list.iter().any(|i| i["email"].as_str().map(|e| e.eq_ignore_ascii_case(email)).unwrap_or(false)) {
            return Err(TestbedError::Http(format!("Identity/get of {email} has no identity with that email: {}", r)));
        }
        Ok(())
    }

    /// A JMAP request; returns `methodResponses`. Method-level errors are returned as-is
    /// (`["error", {...}, id]`); use [`Client::call_ok`] to fail on them.
    pub fn call(&self, extra_caps: &[&str], method_calls: Value) -> Result<Value, TestbedError> {
        let mut using = vec![CORE, MAIL];
        using.extend_from_slice(extra_caps);
        let body = serde_json::to_vec(&json!({"using": using, "methodCalls": method_calls})).unwrap();
        let url = self.api_url();
        let a = http(
            &self.agent,
            "POST",
            &url,
            &[("Authorization", &self.auth), ("Content-Type", "application/json"), ("Accept", "application/json")],
            Some(&body),
        )?;
        if a.status != 200 {
            return Err(TestbedError::Http(format!("POST {url} as {}: {} {}", self.user, a.status, a.text().trim())));
        }
        let v: Value = serde_json::from_slice(&a.body)
            .map_err(|e| TestbedError::Http(format!("POST {url}: not JSON ({e}): {}", a.text())))?;
        Ok(v["methodResponses"].clone())
    }

    /// Like [`Client::call`], but fails if any method answered `error`.
    pub fn call_ok(&self, extra_caps: &[&str], method_calls: Value) -> Result<Value, TestbedError> {
        let r = self.call(extra_caps, method_calls.clone())?;
        if let Some(arr) = r.as_array() {
            for m in arr {
                if m[0] == "error" {
                    return Err(TestbedError::Http(format!(
                        "JMAP error for {}: {m} (request: {method_calls})",
                        self.user
                    )));
                }
            }
        }
        Ok(r)
    }

    /// Uploads a blob; returns its blobId.
    pub fn upload(&self, bytes: &[u8], content_type: &str) -> Result<String, TestbedError> {
        let tmpl = self.session["uploadUrl"].as_str().unwrap_or("/jmap/upload/{accountId}/");
        let url = resolve(&self.base, &tmpl.replace("{accountId}", &self.account_id));
        // Observed on a loaded machine: Cyrus now and then answers an upload with 404 (or a
        // 5xx) and takes the same upload a moment later. Try a few times before failing.
        let mut tries = 0;
        let a = loop {
            let a = http(
                &self.agent,
                "POST",
                &url,
                &[("Authorization", &self.auth), ("Content-Type", content_type)],
                Some(bytes),
            )?;
            tries += 1;
            if (a.status == 404 || a.status >= 500) && tries < 4 {
                std::thread::sleep(std::time::Duration::from_millis(300 * tries));
                continue;
            }
            break a;
        };
        if a.status != 200 && a.status != 201 {
            return Err(TestbedError::Http(format!("upload as {}: {} {}", self.user, a.status, a.text().trim())));
        }
        let v: Value =
            serde_json::from_slice(&a.body).map_err(|e| TestbedError::Http(format!("upload: not JSON ({e})")))?;
        v["blobId"].as_str().map(str::to_string).ok_or_else(|| TestbedError::Http(format!("upload: no blobId: {v}")))
    }

    /// The bytes of a blob of the account (the session's `downloadUrl`).
    pub fn download(&self, blob_id: &str) -> Result<Vec<u8>, TestbedError> {
        let tmpl = self.session["downloadUrl"].as_str().unwrap_or("/jmap/download/{accountId}/{blobId}/{name}");
        let url = tmpl
            .replace("{accountId}", &self.account_id)
            .replace("{blobId}", blob_id)
            .replace("{name}", "file")
            .replace("{type}", "application%2Foctet-stream");
        let a = http(&self.agent, "GET", &resolve(&self.base, &url), &[("Authorization", &self.auth)], None)?;
        if a.status != 200 {
            return Err(TestbedError::Http(format!("download {blob_id} as {}: {}", self.user, a.status)));
        }
        Ok(a.body)
    }

    /// An authenticated request to a path on the same server (e.g. `/dav/...`).
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Result<HttpAnswer, TestbedError> {
        let mut h: Vec<(&str, &str)> = vec![("Authorization", &self.auth)];
        h.extend_from_slice(headers);
        http(&self.agent, method, &resolve(&self.base, path), &h, body)
    }

    /// All mailboxes (Mailbox/get).
    pub fn mailboxes(&self) -> Result<Vec<Value>, TestbedError> {
        let r = self.call_ok(&[], json!([["Mailbox/get", {"accountId": self.account_id}, "m"]]))?;
        Ok(r[0][1]["list"].as_array().cloned().unwrap_or_default())
    }

    /// Ids of emails matching a filter (Email/query, up to `limit`).
    pub fn query_emails(&self, filter: Value, limit: u64) -> Result<Vec<String>, TestbedError> {
        let r = self.call_ok(
            &[],
            json!([["Email/query", {"accountId": self.account_id, "filter": filter, "limit": limit}, "q"]]),
        )?;
        Ok(ids(&r[0][1]["ids"]))
    }
}

/// The strings of a JSON array of ids (`[]` when it is not one), e.g. an `Email/query`'s `ids`.
///
/// ```
/// assert_eq!(facteur_testbed::jmap::ids(&serde_json::json!(["a", "b"])), ["a", "b"]);
/// assert!(facteur_testbed::jmap::ids(&serde_json::Value::Null).is_empty());
/// ```
pub fn ids(array: &Value) -> Vec<String> {
    array.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect()
}
