//! SearchSnippet/get (RFC 8621 §5): matching words highlighted with `<mark>`.

use super::EmailFilter;
use crate::method::{Filter, Method};
use crate::request::ResultReference;
use serde::{Deserialize, Serialize};

/// `SearchSnippet/get` for the emails of a query, by back-reference to its ids.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchSnippetGet {
    /// The account.
    pub account_id: String,
    /// The query's filter.
    pub filter: Filter<EmailFilter>,
    /// Which emails.
    #[serde(rename = "#emailIds")]
    pub email_ids: ResultReference,
}

impl SearchSnippetGet {
    /// Snippets of the emails an earlier call returned (`#emailIds`), for `filter` (the same
    /// filter as that query, so the server marks the words that matched).
    pub fn new(account_id: &str, filter: Filter<EmailFilter>, email_ids: ResultReference) -> Self {
        SearchSnippetGet { account_id: account_id.into(), filter, email_ids }
    }
}

impl Method for SearchSnippetGet {
    type Response = SearchSnippetGetResponse;
    fn name(&self) -> String {
        "SearchSnippet/get".into()
    }
    fn capabilities(&self) -> &'static [&'static str] {
        super::MAIL_CAPABILITIES
    }
}

/// A highlighted excerpt (HTML with `<mark>`, everything else escaped by the server).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchSnippet {
    /// The email.
    pub email_id: String,
    /// Subject with marks.
    #[serde(default)]
    pub subject: Option<String>,
    /// Body excerpt with marks.
    #[serde(default)]
    pub preview: Option<String>,
}

/// The answer to `SearchSnippet/get`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchSnippetGetResponse {
    /// The account.
    pub account_id: String,
    /// The snippets.
    pub list: Vec<SearchSnippet>,
    /// Ids that do not exist.
    #[serde(default)]
    pub not_found: Option<Vec<String>>,
}
