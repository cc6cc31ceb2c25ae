//! The JMAP requests the screens send, built and read here so they are tested natively.
//!
//! Each function returns the request and the typed handles to read its results with
//! [`facteur_jmap::Response::get`].

use crate::conversation::{message_from, ConversationMessage};
use crate::mailbox::Folder;
use crate::message::MessageSummary;
use crate::quota::Usage;
use facteur_jmap::quota::{QuotaCall, QuotaDialect};
use facteur_jmap::{
    BodyProperties, CallHandle, Email, EmailGet, EmailQuery, Mailbox, MailboxGet, QueryResponse, Request,
    RequestBuilder, Response, ThreadGet,
};
use facteur_kit::dates::parse_utc;

/// What could not be read from a response.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The server answered the method with an error, or the response lacks it.
    #[error(transparent)]
    Jmap(#[from] facteur_jmap::Error),
}

/// The properties the sidebar needs.
pub(crate) const MAILBOX_PROPERTIES: &[&str] =
    &["id", "name", "parentId", "role", "sortOrder", "totalEmails", "unreadEmails", "totalThreads"];

/// The properties a list row needs.
pub(crate) const ROW_PROPERTIES: &[&str] =
    &["id", "threadId", "mailboxIds", "keywords", "from", "subject", "preview", "receivedAt", "hasAttachment"];

/// `Mailbox/get` of every mailbox of the account.
pub fn folders(account_id: &str) -> (Request, CallHandle<MailboxGet>) {
    let mut builder = RequestBuilder::new();
    let call = builder.call(MailboxGet::new(account_id).properties(MAILBOX_PROPERTIES));
    (builder.build(), call)
}

/// Reads the answer to [`folders`]: the folders and the mailbox state.
pub fn read_folders(response: &Response, call: &CallHandle<MailboxGet>) -> Result<(Vec<Folder>, String), ReadError> {
    let got = response.get(call)?;
    Ok((got.list.into_iter().map(folder_from).collect(), got.state))
}

/// The sidebar's request with the quota in the same round trip (when the server has a quota
/// capability): the mail screen's first request, so the first inbox page needs only one more.
pub fn folders_with_quota(account_id: &str, dialect: Option<QuotaDialect>) -> (Request, FoldersCalls) {
    let mut builder = RequestBuilder::new();
    let folders = builder.call(MailboxGet::new(account_id).properties(MAILBOX_PROPERTIES));
    let quota = dialect.map(|d| QuotaCall::add(&mut builder, d, account_id));
    (builder.build(), FoldersCalls { folders, quota })
}

/// The handles of [`folders_with_quota`].
pub struct FoldersCalls {
    pub folders: CallHandle<MailboxGet>,
    pub quota: Option<QuotaCall>,
}

/// What [`folders_with_quota`] brought back: the folders, the mailbox state and the use of the
/// storage (`None`: no quota, no limit, or the quota call failed — the folders still show).
pub fn read_folders_with_quota(
    response: &Response,
    calls: &FoldersCalls,
) -> Result<(Vec<Folder>, String, Option<Usage>), ReadError> {
    let (list, state) = read_folders(response, &calls.folders)?;
    let usage = calls.quota.as_ref().and_then(|q| crate::quota::read_usage(response, q).ok().flatten());
    Ok((list, state, usage))
}

/// The sidebar's folder of a mailbox (`Mailbox/get` with [`MAILBOX_PROPERTIES`]).
pub(crate) fn folder_from(m: Mailbox) -> Folder {
    Folder {
        id: m.id.unwrap_or_default(),
        name: m.name.unwrap_or_default(),
        parent_id: m.parent_id,
        role: m.role.map(|r| r.as_str().to_string()),
        sort_order: m.sort_order.unwrap_or(0),
        unread: m.unread_emails.unwrap_or(0),
        total: m.total_emails.unwrap_or(0),
        threads: m.total_threads,
    }
}

/// The calls of a message page.
pub struct PageCalls {
    pub(crate) query: CallHandle<EmailQuery>,
    /// The `position` and `limit` sent: a shorter answer ends the list
    /// ([`QueryResponse::checked_total`]).
    position: u64,
    limit: Option<u64>,
    get: CallHandle<EmailGet>,
    threads: Option<CallHandle<ThreadGet>>,
}

/// One page of a mailbox, newest first: `Email/query` then `Email/get` of its `/ids` by
/// back-reference (and, threaded, `Thread/get` of their threads for the counts), in one
/// request.
pub fn message_page(
    account_id: &str,
    mailbox_id: &str,
    threaded: bool,
    position: u32,
    limit: u32,
) -> (Request, PageCalls) {
    let mut builder = RequestBuilder::new();
    let query = crate::live::list_query(account_id, mailbox_id, threaded).position(position).limit(limit);
    let calls = page_calls(&mut builder, query, threaded);
    (builder.build(), calls)
}

/// Adds the calls of a page of rows to `builder`: `query`, `Email/get` of its ids, and
/// (threaded) `Thread/get` of their threads.
pub(crate) fn page_calls(builder: &mut RequestBuilder, query: EmailQuery, threaded: bool) -> PageCalls {
    let account_id = query.account_id.clone();
    let (position, limit) = (query.position.map_or(0, |p| u64::try_from(p).unwrap_or(0)), query.limit);
    let query = builder.call(query);
    let get = builder.call(EmailGet::new(&account_id).ids_ref(query.reference("/ids")).properties(ROW_PROPERTIES));
    let threads =
        threaded.then(|| builder.call(ThreadGet::new(&account_id).ids_ref(get.reference("/list/*/threadId"))));
    PageCalls { query, position, limit, get, threads }
}

/// A page of a list, with the states to ask for changes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Where the page starts in the list.
    pub position: usize,
    /// The ids of the page, in the query's order (the list's positions).
    pub ids: Vec<String>,
    /// The rows, in the query's order.
    pub rows: Vec<MessageSummary>,
    /// The query state (for `Email/queryChanges`).
    pub query_state: String,
    /// The email state (for `Email/changes`).
    pub email_state: String,
    /// How many in the whole list.
    pub total: Option<u64>,
    /// Whether the server can tell the list's changes from its query state (`/queryChanges`).
    pub can_calculate_changes: bool,
}

impl Page {
    /// The page as the `Email/query` answer it came from (ids, position, total, query state),
    /// for the store's open query.
    pub fn query_response(&self) -> QueryResponse {
        QueryResponse {
            account_id: String::new(),
            query_state: self.query_state.clone(),
            can_calculate_changes: self.can_calculate_changes,
            position: self.position as u64,
            ids: self.ids.clone(),
            total: self.total,
            limit: None,
        }
    }
}

/// Reads the answer to [`message_page`], in the query's order.
pub fn read_message_page(response: &Response, calls: &PageCalls) -> Result<Page, ReadError> {
    let query = response.get(&calls.query)?;
    let got = response.get(&calls.get)?;
    let mut emails = got.list;
    let position = |id: &Option<String>| query.ids.iter().position(|i| Some(i) == id.as_ref()).unwrap_or(usize::MAX);
    emails.sort_by_key(|e| position(&e.id));
    let sizes = match &calls.threads {
        Some(call) => crate::live::thread_sizes(response.get(call)?.list),
        None => Default::default(),
    };
    let total = match calls.limit {
        Some(asked) => query.checked_total(calls.position, asked),
        None => query.total,
    };
    Ok(Page {
        position: usize::try_from(query.position).unwrap_or(usize::MAX),
        ids: query.ids.clone(),
        rows: emails.into_iter().map(|e| crate::live::with_size(summary_from(e), &sizes)).collect(),
        query_state: query.query_state,
        email_state: got.state,
        total,
        can_calculate_changes: query.can_calculate_changes,
    })
}

pub(crate) fn summary_from(e: Email) -> MessageSummary {
    let keyword = |k: &str| e.keywords.as_ref().is_some_and(|kw| kw.get(k).copied().unwrap_or(false));
    let sender = e
        .from
        .as_ref()
        .and_then(|list| list.first())
        .and_then(|a| a.name.clone().filter(|n| !n.trim().is_empty()).or_else(|| a.email.clone()));
    MessageSummary {
        unread: !keyword("$seen"),
        flagged: keyword("$flagged"),
        id: e.id.clone().unwrap_or_default(),
        thread_id: e.thread_id.clone().unwrap_or_default(),
        sender,
        subject: e.subject.clone().filter(|s| !s.trim().is_empty()),
        preview: e.preview.clone().unwrap_or_default(),
        received_at: e.received_at.as_deref().and_then(parse_utc).unwrap_or_default(),
        has_attachment: e.has_attachment.unwrap_or(false),
        labels: e.keywords.as_ref().map(crate::labels::labels_of).unwrap_or_default(),
        mailbox_ids: e
            .mailbox_ids
            .as_ref()
            .map(|m| {
                let mut ids: Vec<String> = m.iter().filter(|(_, on)| **on).map(|(id, _)| id.clone()).collect();
                ids.sort();
                ids
            })
            .unwrap_or_default(),
        thread_size: 1,
    }
}

/// Ids of every email of a mailbox (one per message, even when the list shows conversations),
/// newest first, `limit` from `position`: to act on a whole folder, page by page.
pub fn mailbox_email_ids(
    account_id: &str,
    mailbox_id: &str,
    position: u32,
    limit: u32,
) -> (Request, CallHandle<EmailQuery>) {
    let mut builder = RequestBuilder::new();
    let call = builder.call(crate::live::list_query(account_id, mailbox_id, false).position(position).limit(limit));
    (builder.build(), call)
}

/// Reads the answer to [`mailbox_email_ids`]: the ids and the total.
pub fn read_email_ids(response: &Response, call: &CallHandle<EmailQuery>) -> Result<(Vec<String>, usize), ReadError> {
    let query = response.get(call)?;
    let total = query.total.map_or(query.ids.len(), |t| usize::try_from(t).unwrap_or(usize::MAX));
    Ok((query.ids, total))
}

/// The calls of [`thread_emails`].
pub struct ThreadEmailsCalls {
    emails: CallHandle<EmailGet>,
}

/// The emails of conversations with their mailboxes: `Thread/get`, then `Email/get` of their
/// `emailIds` by back-reference, in one request (acting on a conversation row acts on its
/// messages in the folder).
pub fn thread_emails(account_id: &str, thread_ids: &[String]) -> (Request, ThreadEmailsCalls) {
    let mut builder = RequestBuilder::new();
    let threads = builder.call(ThreadGet::new(account_id).ids(thread_ids.iter().cloned()));
    let emails = builder.call(
        EmailGet::new(account_id).ids_ref(threads.reference("/list/*/emailIds")).properties(&["id", "mailboxIds"]),
    );
    (builder.build(), ThreadEmailsCalls { emails })
}

/// Reads the answer to [`thread_emails`]: the ids of the emails that are in `mailbox_id`.
pub fn read_thread_emails(
    response: &Response,
    calls: &ThreadEmailsCalls,
    mailbox_id: &str,
) -> Result<Vec<String>, ReadError> {
    let emails = response.get(&calls.emails)?.list;
    Ok(emails
        .into_iter()
        .filter(|e| e.mailbox_ids.as_ref().is_some_and(|m| m.get(mailbox_id).copied().unwrap_or(false)))
        .filter_map(|e| e.id)
        .collect())
}

/// The properties the reading pane needs.
const READ_PROPERTIES: &[&str] = &[
    "id",
    "threadId",
    "mailboxIds",
    "keywords",
    "from",
    "to",
    "cc",
    "replyTo",
    "subject",
    "sentAt",
    "receivedAt",
    "preview",
    "textBody",
    "htmlBody",
    "attachments",
    "bodyValues",
];

/// Bodies larger than this are cut by the server (and the reading pane says so).
pub const MAX_BODY_BYTES: u64 = 512 * 1024;

/// The two calls of a conversation.
pub struct ConversationCalls {
    thread: CallHandle<ThreadGet>,
    emails: CallHandle<EmailGet>,
}

/// A whole conversation: `Thread/get`, then `Email/get` of its `emailIds` by back-reference
/// with the bodies, in one request.
pub fn conversation(account_id: &str, thread_id: &str) -> (Request, ConversationCalls) {
    let mut builder = RequestBuilder::new();
    let thread = builder.call(ThreadGet::new(account_id).ids([thread_id]));
    let emails = builder.call(
        EmailGet::new(account_id).ids_ref(thread.reference("/list/*/emailIds")).properties(READ_PROPERTIES).extra(
            BodyProperties {
                fetch_text_body_values: true,
                fetch_html_body_values: true,
                max_body_value_bytes: Some(MAX_BODY_BYTES),
                ..Default::default()
            },
        ),
    );
    (builder.build(), ConversationCalls { thread, emails })
}

/// Reads the answer to [`conversation`]: messages oldest first (`None` when the thread no
/// longer exists).
pub fn read_conversation(
    response: &Response,
    calls: &ConversationCalls,
) -> Result<Option<Vec<ConversationMessage>>, ReadError> {
    let threads = response.get(&calls.thread)?;
    let Some(thread) = threads.list.first() else {
        return Ok(None);
    };
    let emails = response.get(&calls.emails)?.list;
    let mut messages: Vec<ConversationMessage> = thread
        .email_ids
        .iter()
        .filter_map(|id| emails.iter().find(|e| e.id.as_deref() == Some(id)))
        .map(message_from)
        .collect();
    messages.sort_by_key(|m| m.date);
    Ok(Some(messages))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn response(json: &str) -> Response {
        serde_json::from_str(json).expect("captured response")
    }

    #[test]
    fn the_page_request_is_one_query_and_one_get_by_reference() {
        let (request, _) = message_page("A1", "inbox-id", false, 50, 50);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(
            json["methodCalls"],
            json!([
                ["Email/query", {"accountId": "A1", "filter": {"inMailbox": "inbox-id"},
                  "sort": [{"property": "receivedAt", "isAscending": false}], "position": 50, "limit": 50, "calculateTotal": true}, "c0"],
                ["Email/get", {"accountId": "A1", "#ids": {"resultOf": "c0", "name": "Email/query", "path": "/ids"},
                  "properties": ROW_PROPERTIES}, "c1"]
            ])
        );
    }

    #[test]
    fn folders_from_cyrus() {
        let (_, call) = folders("claire.martin@ac-cevennes.fr");
        let (list, state) =
            read_folders(&response(include_str!("../tests/fixtures/cyrus-mailbox-get.json")), &call).unwrap();
        assert!(!state.is_empty());
        let inbox = list.iter().find(|f| f.role.as_deref() == Some("inbox")).unwrap();
        assert_eq!((inbox.name.as_str(), inbox.unread, inbox.total), ("Inbox", 20, 85));
        let classes = list.iter().find(|f| f.name == "Classes").unwrap();
        assert_eq!(list.iter().filter(|f| f.parent_id.as_ref() == Some(&classes.id)).count(), 3);
        let rows = crate::folders::sidebar_rows(&list);
        let names: Vec<_> = rows.iter().take(7).map(|r| list[r.index].name.as_str()).collect();
        assert_eq!(names, ["Inbox", "Drafts", "Sent", "Archive", "Junk", "Trash", "Administration"]);
    }

    #[test]
    fn folders_and_quota_in_one_request() {
        let (request, calls) = folders_with_quota("A1", Some(QuotaDialect::Cyrus));
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(
            json["using"],
            json!(["urn:ietf:params:jmap:core", "urn:ietf:params:jmap:mail", "https://cyrusimap.org/ns/jmap/quota"])
        );
        let names: Vec<_> = json["methodCalls"].as_array().unwrap().iter().map(|c| c[0].as_str().unwrap()).collect();
        assert_eq!(names, ["Mailbox/get", "Quota/get"]);
        // Cyrus's answers to both calls, as captured, in one response (call ids c0, c1).
        let mailboxes: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/cyrus-mailbox-get.json")).unwrap();
        let quota = json!(["Quota/get", {"state": "853", "list": [{"id": "mail", "used": 711337, "total": 778240}], "notFound": [], "accountId": "A1"}, "c1"]);
        let mut both = mailboxes.clone();
        both["methodResponses"].as_array_mut().unwrap().push(quota);
        let (list, _, usage) = read_folders_with_quota(&serde_json::from_value(both).unwrap(), &calls).unwrap();
        assert!(list.iter().any(|f| f.role.as_deref() == Some("inbox")));
        assert_eq!(usage.map(|u| (u.used, u.limit)), Some((711_337, 760 * 1024)));
        // A failed quota call leaves the folders.
        let mut failed = mailboxes;
        failed["methodResponses"].as_array_mut().unwrap().push(json!(["error", {"type": "serverFail"}, "c1"]));
        let (list, _, usage) = read_folders_with_quota(&serde_json::from_value(failed).unwrap(), &calls).unwrap();
        assert!(!list.is_empty());
        assert_eq!(usage, None);
        // Without a quota capability: the folders alone.
        let (request, _) = folders_with_quota("A1", None);
        assert_eq!(serde_json::to_value(&request).unwrap()["methodCalls"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn page_from_cyrus_keeps_the_query_order_and_reads_keywords() {
        let (_, calls) = message_page("claire.martin@ac-cevennes.fr", "x", false, 0, 5);
        let page =
            read_message_page(&response(include_str!("../tests/fixtures/cyrus-inbox-page.json")), &calls).unwrap();
        assert!(!page.query_state.is_empty() && !page.email_state.is_empty());
        let page = page.rows;
        assert_eq!(page.len(), 5);
        assert_eq!(page[0].id, "Maba1ed1047d404b5fb60d4db");
        assert_eq!(page[0].sender.as_deref(), Some("Sophie Aubert"));
        assert!(page[0].unread, "no $seen keyword means unread");
        assert!(page.windows(2).all(|w| w[0].received_at >= w[1].received_at), "newest first");
    }

    #[test]
    fn a_method_error_is_reported() {
        let (_, call) = folders("A1");
        let err = read_folders(
            &response(r#"{"sessionState":"s","methodResponses":[["error",{"type":"serverFail"},"c0"]]}"#),
            &call,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "serverFail");
    }

    #[test]
    fn conversation_from_cyrus_is_oldest_first_with_attachments() {
        let (request, calls) = conversation("claire.martin@ac-cevennes.fr", "T73e52bb4feab8610");
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["methodCalls"][1][1]["#ids"]["path"], "/list/*/emailIds");
        assert_eq!(json["methodCalls"][1][1]["fetchHTMLBodyValues"], true);
        let messages = read_conversation(&response(include_str!("../tests/fixtures/cyrus-conversation.json")), &calls)
            .unwrap()
            .expect("the thread exists");
        assert_eq!(messages.len(), 2);
        assert!(messages[0].date <= messages[1].date);
        assert_eq!(messages[1].subject.as_deref(), Some("Re: Déclaration du séjour à Paris — pièces manquantes"));
        let files: Vec<_> = messages[1].files().map(|a| (a.name.as_str(), a.media_type.as_str())).collect();
        assert_eq!(files, [("Programme séjour Paris 1re G3.pdf", "application/pdf")]);
        assert!(matches!(&messages[0].body, crate::conversation::Body::Text(t) if !t.is_empty()));
        assert!(!messages[0].from.is_empty());
    }

    #[test]
    fn whole_folder_ids_and_conversation_members() {
        let (request, call) = mailbox_email_ids("A1", "big", 500, 500);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["methodCalls"][0][1]["position"], 500);
        assert_eq!(json["methodCalls"][0][1]["filter"], json!({"inMailbox": "big"}));
        assert!(json["methodCalls"][0][1].get("collapseThreads").is_none_or(|c| c == false), "one id per message");
        let answer: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["Email/query", {"accountId": "A1", "queryState": "q", "canCalculateChanges": true, "position": 500, "ids": ["M1", "M2"], "total": 502}, "c0"]]})).unwrap();
        assert_eq!(read_email_ids(&answer, &call).unwrap(), (vec!["M1".to_string(), "M2".to_string()], 502));

        let (request, calls) = thread_emails("A1", &["T1".into()]);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(
            json["methodCalls"][1][1]["#ids"],
            json!({"resultOf": "c0", "name": "Thread/get", "path": "/list/*/emailIds"})
        );
        let answer: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["Thread/get", {"accountId": "A1", "state": "7", "list": [{"id": "T1", "emailIds": ["M1", "M2", "M3"]}], "notFound": []}, "c0"],
            ["Email/get", {"accountId": "A1", "state": "7", "list": [
                {"id": "M1", "mailboxIds": {"inbox": true}}, {"id": "M2", "mailboxIds": {"sent": true}},
                {"id": "M3", "mailboxIds": {"inbox": true, "work": true}}], "notFound": []}, "c1"]]})).unwrap();
        assert_eq!(read_thread_emails(&answer, &calls, "inbox").unwrap(), ["M1", "M3"]);
    }

    #[test]
    fn a_page_asked_past_the_end_of_the_conversations_does_not_empty_the_list() {
        // Stalwart 0.16 says 100,000 (the emails) for 83,862 conversations; the page asked at
        // 99,950 comes back empty at position 0.
        let (_, calls) = message_page("c", "q", true, 99_950, 50);
        let answer: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["Email/query", {"accountId": "c", "queryState": "s1", "canCalculateChanges": true, "position": 0, "ids": [], "total": 100_000, "limit": 100}, "c0"],
            ["Email/get", {"accountId": "c", "state": "e1", "list": [], "notFound": []}, "c1"],
            ["Thread/get", {"accountId": "c", "state": "t1", "list": [], "notFound": []}, "c2"]]}))
        .unwrap();
        let page = read_message_page(&answer, &calls).unwrap();
        assert_eq!((page.ids.len(), page.total), (0, Some(99_950)), "the list ends by 99,950, not at 0");
    }

    #[test]
    fn threaded_pages_get_thread_sizes_in_the_same_request() {
        let (request, calls) = message_page("A1", "inbox", true, 0, 2);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["methodCalls"][0][1]["collapseThreads"], true);
        assert_eq!(
            json["methodCalls"][2],
            json!(["Thread/get", {"accountId": "A1",
            "#ids": {"resultOf": "c1", "name": "Email/get", "path": "/list/*/threadId"}}, "c2"])
        );
        let answer: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["Email/query", {"accountId": "A1", "queryState": "q", "canCalculateChanges": true, "position": 0, "ids": ["M2", "M1"], "total": 2}, "c0"],
            ["Email/get", {"accountId": "A1", "state": "7", "list": [{"id": "M1", "threadId": "T1"}, {"id": "M2", "threadId": "T2"}], "notFound": []}, "c1"],
            ["Thread/get", {"accountId": "A1", "state": "7", "list": [{"id": "T1", "emailIds": ["M0", "M1"]}, {"id": "T2", "emailIds": ["M2"]}], "notFound": []}, "c2"]]})).unwrap();
        let page = read_message_page(&answer, &calls).unwrap();
        assert_eq!(
            page.rows.iter().map(|r| (r.id.as_str(), r.thread_size)).collect::<Vec<_>>(),
            [("M2", 1), ("M1", 2)]
        );
    }
}
