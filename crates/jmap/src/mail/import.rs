//! Email/import (RFC 8621 §4.8): messages uploaded as blobs become emails.

use super::Email;
use crate::method::Method;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One message to import.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailImportItem {
    /// The uploaded RFC 5322 message.
    pub blob_id: String,
    /// Where it goes.
    pub mailbox_ids: HashMap<String, bool>,
    /// Its keywords.
    pub keywords: HashMap<String, bool>,
    /// When it arrived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_at: Option<String>,
}

/// `Email/import`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailImport {
    /// The account.
    pub account_id: String,
    /// Creation id → message.
    pub emails: HashMap<String, EmailImportItem>,
}

impl Method for EmailImport {
    type Response = EmailImportResponse;
    fn name(&self) -> String {
        "Email/import".into()
    }
    fn capabilities(&self) -> &'static [&'static str] {
        super::MAIL_CAPABILITIES
    }
}

/// The answer to `Email/import`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailImportResponse {
    /// The account.
    pub account_id: String,
    /// Email state after.
    pub new_state: String,
    /// Creation id → id, blobId, threadId, size.
    #[serde(default)]
    pub created: Option<HashMap<String, Email>>,
    /// Creation id → why not.
    #[serde(default)]
    pub not_created: Option<HashMap<String, crate::SetError>>,
}
