//! Loads folders and message pages (the requests are built and read in `facteur_mail`).

use crate::platform::jmap_client::{CallError, JmapClient};
use crate::platform::lazy::NotDownloaded;
use facteur_jmap::quota::QuotaDialect;
use facteur_mail::mailbox::Folder;
use facteur_mail::quota::Usage;
use facteur_mail::requests::{self, Page};
use facteur_mail::search::{
    request::{self, SearchPage},
    SearchQuery,
};
use leptos::wasm_split::wasm_split;

/// All the account's folders, the mailbox state and the storage use, in one request
/// (`Mailbox/get` + `Quota/get` when the server has quotas).
pub async fn load_folders(client: &JmapClient) -> Result<(Vec<Folder>, String, Option<Usage>), CallError> {
    let dialect = QuotaDialect::of(client.session(), client.mail_account());
    let (request, calls) = requests::folders_with_quota(client.mail_account(), dialect);
    let response = client.send(&request).await?;
    requests::read_folders_with_quota(&response, &calls).map_err(|e| CallError::Unexpected(e.to_string()))
}

/// The storage use alone (`Quota/get`; `None` when the server has no quotas).
pub async fn load_usage(client: &JmapClient) -> Result<Option<Usage>, CallError> {
    let Some(dialect) = QuotaDialect::of(client.session(), client.mail_account()) else { return Ok(None) };
    let (request, call) = facteur_mail::quota::quotas(client.mail_account(), dialect);
    let response = client.send(&request).await?;
    facteur_mail::quota::read_usage(&response, &call).map_err(|e| CallError::Unexpected(e.to_string()))
}

/// A page of a folder's messages, newest first: `Email/query` and `Email/get` by
/// back-reference in one request.
pub async fn load_page(
    client: &JmapClient,
    mailbox_id: &str,
    threaded: bool,
    position: u32,
    limit: u32,
) -> Result<Page, CallError> {
    let (request, calls) = requests::message_page(client.mail_account(), mailbox_id, threaded, position, limit);
    let response = client.send(&request).await?;
    requests::read_message_page(&response, &calls).map_err(|e| CallError::Unexpected(e.to_string()))
}

/// Ids of every message of a mailbox, `limit` from `position`, and the mailbox's total.
pub async fn email_ids_page(
    client: &JmapClient,
    mailbox_id: &str,
    position: usize,
    limit: usize,
) -> Result<(Vec<String>, usize), CallError> {
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (request, call) =
        requests::mailbox_email_ids(client.mail_account(), mailbox_id, to_u32(position), to_u32(limit));
    let response = client.send(&request).await?;
    requests::read_email_ids(&response, &call).map_err(|e| CallError::Unexpected(e.to_string()))
}

/// The messages of these conversations that are in `mailbox_id`.
pub async fn thread_emails(
    client: &JmapClient,
    thread_ids: &[String],
    mailbox_id: &str,
) -> Result<Vec<String>, CallError> {
    let (request, calls) = requests::thread_emails(client.mail_account(), thread_ids);
    let response = client.send(&request).await?;
    requests::read_thread_emails(&response, &calls, mailbox_id).map_err(|e| CallError::Unexpected(e.to_string()))
}

/// A whole conversation, oldest message first (`None`: it no longer exists).
pub async fn load_conversation(
    client: &JmapClient,
    thread_id: &str,
) -> Result<Option<Vec<facteur_mail::conversation::ConversationMessage>>, CallError> {
    let (request, calls) = requests::conversation(client.mail_account(), thread_id);
    let response = client.send(&request).await?;
    requests::read_conversation(&response, &calls).map_err(|e| CallError::Unexpected(e.to_string()))
}

/// A page of search results with their highlighted words: `Email/query`, `Email/get`,
/// (`Thread/get`) and `SearchSnippet/get` in one request. Days start at midnight in the
/// browser's time zone.
///
/// Building and reading a search's request are a part of the app of their own
/// ([`search_request_part`], fetched after the first rows): a first page without a search
/// needs none of it.
pub async fn search_page(
    client: &JmapClient,
    search: &SearchQuery,
    mailbox_id: &str,
    threaded: bool,
    position: u32,
    limit: u32,
) -> Result<SearchPage, CallError> {
    let not_in = |_| CallError::Network("a part of the app could not be downloaded".into());
    let built = search_request_part(
        client.mail_account().to_string(),
        search.clone(),
        mailbox_id.to_string(),
        threaded,
        position,
        limit,
    )
    .await
    .map_err(not_in)?;
    let (request, calls) = built;
    let response = client.send(&request).await?;
    read_search_part(response, calls).await.map_err(not_in)?.map_err(CallError::Unexpected)
}

/// The request of a page of search results (see [`search_page`]).
#[wasm_split(search_requests, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_search_requests))]
pub(crate) fn search_request_part(
    account: String,
    search: SearchQuery,
    mailbox_id: String,
    threaded: bool,
    position: u32,
    limit: u32,
) -> Result<(facteur_jmap::Request, request::SearchCalls), NotDownloaded> {
    Ok(request::search_page(&account, &search, &mailbox_id, &chrono::Local, threaded, position, limit))
}

/// Reads a page of search results (see [`search_page`]).
#[wasm_split(search_requests, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(crate) fn read_search_part(
    response: facteur_jmap::Response,
    calls: request::SearchCalls,
) -> Result<Result<SearchPage, String>, NotDownloaded> {
    Ok(request::read_search_page(&response, &calls).map_err(|e| e.to_string()))
}
