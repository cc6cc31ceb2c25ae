//! The JMAP session resource (RFC 8620 §2).

use crate::template::expand_url_template;
use crate::url::resolve_url;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The session: who the user is, their accounts, what the server can do, where to send things.
///
/// URLs may be relative (Cyrus sends `"apiUrl": "/jmap/"`): resolve them against the URL the
/// session was fetched from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// Capability URI → server-wide capability object.
    pub capabilities: HashMap<String, serde_json::Value>,
    /// Account id → account.
    pub accounts: HashMap<String, Account>,
    /// Capability URI → the account id to use by default for it.
    pub primary_accounts: HashMap<String, String>,
    /// The login name.
    pub username: String,
    /// Where to POST requests.
    pub api_url: String,
    /// Template: `{accountId}`, `{blobId}`, `{type}`, `{name}`.
    pub download_url: String,
    /// Template: `{accountId}`.
    pub upload_url: String,
    /// Template: `{types}`, `{closeafter}`, `{ping}`.
    #[serde(default)]
    pub event_source_url: String,
    /// Changes when anything above changes.
    pub state: String,
}

/// An account the user can access.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// Display name.
    pub name: String,
    /// Belongs to the user.
    #[serde(default)]
    pub is_personal: bool,
    /// Cannot be modified.
    #[serde(default)]
    pub is_read_only: bool,
    /// Capability URI → account-level capability object.
    #[serde(default)]
    pub account_capabilities: HashMap<String, serde_json::Value>,
}

/// The limits of `urn:ietf:params:jmap:core`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CoreCapability {
    /// Largest upload, in octets.
    pub max_size_upload: u64,
    /// Concurrent uploads.
    pub max_concurrent_upload: u64,
    /// Largest request, in octets.
    pub max_size_request: u64,
    /// Concurrent requests.
    pub max_concurrent_requests: u64,
    /// Method calls in one request.
    pub max_calls_in_request: u64,
    /// Objects in one `/get`.
    pub max_objects_in_get: u64,
    /// Objects in one `/set`.
    pub max_objects_in_set: u64,
    /// Collations for sorting.
    pub collation_algorithms: Vec<String>,
}

impl Session {
    /// The default account for a capability (`urn:ietf:params:jmap:mail`…).
    pub fn primary_account(&self, capability: &str) -> Option<&str> {
        self.primary_accounts.get(capability).map(String::as_str)
    }

    /// The account to use for a capability: its primary account, else the user's own account
    /// that has it (a server may list a capability in `accountCapabilities` without naming a
    /// primary account for it), else any account that has it (smallest id, so the choice
    /// stays the same); `None` when no account has it.
    ///
    /// ```
    /// use facteur_jmap::Session;
    /// let session: Session = serde_json::from_str(r#"{
    ///   "capabilities": {}, "username": "u", "apiUrl": "/jmap/", "downloadUrl": "", "uploadUrl": "", "state": "s",
    ///   "accounts": {
    ///     "A1": {"name": "u", "isPersonal": true, "accountCapabilities": {
    ///       "urn:ietf:params:jmap:mail": {}, "urn:ietf:params:jmap:contacts": {}}},
    ///     "B2": {"name": "shared", "accountCapabilities": {"urn:ietf:params:jmap:calendars": {}}}},
    ///   "primaryAccounts": {"urn:ietf:params:jmap:mail": "A1"}}"#).unwrap();
    /// assert_eq!(session.account_for("urn:ietf:params:jmap:mail"), Some("A1"));
    /// assert_eq!(session.account_for("urn:ietf:params:jmap:contacts"), Some("A1"), "own account, no primary");
    /// assert_eq!(session.account_for("urn:ietf:params:jmap:calendars"), Some("B2"));
    /// assert_eq!(session.account_for("urn:ietf:params:jmap:sieve"), None);
    /// ```
    pub fn account_for(&self, capability: &str) -> Option<&str> {
        if let Some(id) = self.primary_account(capability) {
            return Some(id);
        }
        let mut having: Vec<(&String, &Account)> =
            self.accounts.iter().filter(|(_, a)| a.account_capabilities.contains_key(capability)).collect();
        having.sort_by_key(|(id, a)| (!a.is_personal, id.as_str()));
        having.first().map(|(id, _)| id.as_str())
    }

    /// The core limits (defaults of 0 when the server omits them).
    pub fn core(&self) -> CoreCapability {
        self.capabilities.get(crate::CORE).and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default()
    }

    /// Whether the server offers a capability.
    pub fn has_capability(&self, capability: &str) -> bool {
        self.capabilities.contains_key(capability)
    }

    /// The same session with its four URLs made absolute against `base`, the URL the session
    /// was fetched from (after redirects). Absolute URLs are kept; templates stay templates.
    ///
    /// ```
    /// # use facteur_jmap::Session;
    /// # let mut session: Session = serde_json::from_str(r#"{"capabilities":{},"accounts":{},
    /// #   "primaryAccounts":{},"username":"u","apiUrl":"/jmap/","uploadUrl":"/jmap/upload/{accountId}/",
    /// #   "downloadUrl":"/jmap/download/{accountId}/{blobId}/{name}?accept={type}","state":"0"}"#).unwrap();
    /// let session = session.resolve_against("https://mail.example.fr/.well-known/jmap");
    /// assert_eq!(session.api_url, "https://mail.example.fr/jmap/");
    /// assert_eq!(session.download_url("A1", "B1", "text/plain", "a b.txt"),
    ///            "https://mail.example.fr/jmap/download/A1/B1/a%20b.txt?accept=text%2Fplain");
    /// ```
    pub fn resolve_against(mut self, base: &str) -> Session {
        for url in [&mut self.api_url, &mut self.download_url, &mut self.upload_url, &mut self.event_source_url] {
            *url = resolve_url(url, base);
        }
        self
    }

    /// The download URL of a blob (still relative if the session's is).
    pub fn download_url(&self, account_id: &str, blob_id: &str, media_type: &str, name: &str) -> String {
        expand_url_template(
            &self.download_url,
            &[("accountId", account_id), ("blobId", blob_id), ("type", media_type), ("name", name)],
        )
    }

    /// The upload URL for an account.
    pub fn upload_url(&self, account_id: &str) -> String {
        expand_url_template(&self.upload_url, &[("accountId", account_id)])
    }

    /// The event source URL (RFC 8620 §7.3): `types` is `*` or a comma-separated list.
    pub fn event_source_url(&self, types: &str, close_after_state: bool, ping_seconds: u32) -> String {
        let ping = ping_seconds.to_string();
        expand_url_template(
            &self.event_source_url,
            &[("types", types), ("closeafter", if close_after_state { "state" } else { "no" }), ("ping", &ping)],
        )
    }
}
