//! Live updates: what changed on the server since the states the app holds, and how the open
//! list takes it in — without fetching everything again.
//!
//! Step 1 (every few seconds): `Email/changes` + `Mailbox/changes` from the last states.
//! Step 2 (only when emails changed): `Email/queryChanges` of the open list, `Email/get` of
//! the added rows by back-reference, and `Email/get` of the changed rows shown.

use crate::message::MessageSummary;
use crate::requests::{summary_from, ReadError, ROW_PROPERTIES};
use facteur_jmap::{
    AddedItem, CallHandle, Comparator, EmailChanges, EmailFilter, EmailGet, EmailQuery, EmailQueryArgs,
    EmailQueryChanges, Filter, MailboxChanges, QueryChanges, QueryChangesResponse, Request, RequestBuilder, Response,
    ThreadGet,
};
use facteur_kit::list_state::{ListState, QueryChangesError, QueryChangesSummary};
use std::collections::HashMap;

/// The states the app holds.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct States {
    /// Email state (from `Email/get`).
    pub email: String,
    /// Mailbox state (from `Mailbox/get`).
    pub mailbox: String,
}

/// The calls of [`changes`].
pub struct ChangesCalls {
    email: CallHandle<EmailChanges>,
    mailbox: CallHandle<MailboxChanges>,
    created: Option<CallHandle<EmailGet>>,
}

/// What changed, in short.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Changed {
    /// The new states.
    pub states: States,
    /// Emails created, updated or destroyed.
    pub emails: bool,
    /// Email ids updated (keywords, mailboxes…).
    pub updated_emails: Vec<String>,
    /// The emails created (delivered, imported…), when asked for (see [`changes`]).
    pub created_emails: Vec<MessageSummary>,
    /// Mailboxes changed (counts, names…).
    pub mailboxes: bool,
    /// The server cannot tell from these states: load everything again.
    pub reload: bool,
}

/// Step 1; `with_created`: also get the created emails in the same request (by reference to
/// `/created`), to announce new mail.
pub fn changes(account_id: &str, states: &States, with_created: bool) -> (Request, ChangesCalls) {
    let mut builder = RequestBuilder::new();
    let email = builder.call(EmailChanges::new(account_id, &states.email).max_changes(500));
    let mailbox = builder.call(MailboxChanges::new(account_id, &states.mailbox).max_changes(500));
    let created = with_created.then(|| {
        builder.call(EmailGet::new(account_id).ids_ref(email.reference("/created")).properties(ROW_PROPERTIES))
    });
    (builder.build(), ChangesCalls { email, mailbox, created })
}

/// Reads step 1. `cannotCalculateChanges` (or too many changes) asks for a reload.
pub fn read_changes(response: &Response, calls: &ChangesCalls, held: &States) -> Result<Changed, ReadError> {
    let mut changed = Changed { states: held.clone(), ..Default::default() };
    match response.get(&calls.email) {
        Ok(c) => {
            changed.emails = !(c.created.is_empty() && c.updated.is_empty() && c.destroyed.is_empty());
            changed.updated_emails = c.updated;
            changed.reload |= c.has_more_changes;
            changed.states.email = c.new_state;
        }
        Err(facteur_jmap::Error::Method(_)) => changed.reload = true,
        Err(e) => return Err(e.into()),
    }
    match response.get(&calls.mailbox) {
        Ok(c) => {
            changed.mailboxes = !(c.created.is_empty() && c.updated.is_empty() && c.destroyed.is_empty());
            changed.reload |= c.has_more_changes;
            changed.states.mailbox = c.new_state;
        }
        Err(facteur_jmap::Error::Method(_)) => changed.reload = true,
        Err(e) => return Err(e.into()),
    }
    if let Some(created) = &calls.created {
        // Only for announcing new mail: a failure here loses nothing else.
        if let Ok(got) = response.get(created) {
            changed.created_emails = got.list.into_iter().map(summary_from).collect();
        }
    }
    Ok(changed)
}

/// How many new messages are announced at most in one round (a burst is not a flood of
/// notifications).
pub const NOTIFY_AT_MOST: usize = 3;

/// The new mail to announce among `created`: unread and in `inbox_id`, newest first, at most
/// [`NOTIFY_AT_MOST`].
pub fn new_in_inbox(created: &[MessageSummary], inbox_id: &str) -> Vec<MessageSummary> {
    let mut mails: Vec<MessageSummary> =
        created.iter().filter(|m| m.unread && m.mailbox_ids.iter().any(|id| id == inbox_id)).cloned().collect();
    mails.sort_by_key(|m| std::cmp::Reverse(m.received_at)); // newest first
    mails.truncate(NOTIFY_AT_MOST);
    mails
}

/// The calls of [`list_updates`].
pub struct ListUpdateCalls {
    query_changes: CallHandle<EmailQueryChanges>,
    added: CallHandle<EmailGet>,
    threads: Option<CallHandle<ThreadGet>>,
    updated: Option<CallHandle<EmailGet>>,
}

/// The list query of a mailbox, newest first (the same as the page query); `threaded`: one
/// row per conversation.
pub fn list_query(account_id: &str, mailbox_id: &str, threaded: bool) -> EmailQuery {
    let filter = Filter::Condition(EmailFilter { in_mailbox: Some(mailbox_id.to_string()), ..Default::default() });
    newest_first(account_id, filter, threaded)
}

/// The emails matching `filter`, newest first, with the total; `threaded`: one per
/// conversation.
pub fn newest_first(account_id: &str, filter: Filter<EmailFilter>, threaded: bool) -> EmailQuery {
    EmailQuery::new(account_id)
        .filter(filter)
        .sort(vec![Comparator::descending("receivedAt")])
        .extra(EmailQueryArgs { collapse_threads: threaded })
        .calculate_total(true)
}

/// Step 2: the changes of the open list since `query_state`, the added rows, and the
/// updated rows among those shown.
pub fn list_updates(
    account_id: &str,
    mailbox_id: &str,
    threaded: bool,
    query_state: &str,
    updated_shown: &[String],
) -> (Request, ListUpdateCalls) {
    let mut builder = RequestBuilder::new();
    let query_changes = builder.call(QueryChanges::of(&list_query(account_id, mailbox_id, threaded), query_state));
    let added = builder
        .call(EmailGet::new(account_id).ids_ref(query_changes.reference("/added/*/id")).properties(ROW_PROPERTIES));
    let threads =
        threaded.then(|| builder.call(ThreadGet::new(account_id).ids_ref(added.reference("/list/*/threadId"))));
    let updated = (!updated_shown.is_empty())
        .then(|| builder.call(EmailGet::new(account_id).ids(updated_shown.iter().cloned()).properties(ROW_PROPERTIES)));
    (builder.build(), ListUpdateCalls { query_changes, added, threads, updated })
}

/// What step 2 says about the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListUpdate {
    /// The query state the changes start from.
    pub from_query_state: String,
    /// The new query state.
    pub query_state: String,
    /// The new total, if given.
    pub total: Option<u64>,
    /// Ids that left the list.
    pub removed: Vec<String>,
    /// Rows that arrived, with their index.
    pub added: Vec<(usize, MessageSummary)>,
    /// Rows whose keywords or other properties changed.
    pub updated: Vec<MessageSummary>,
}

/// Reads step 2 (`None`: the server cannot tell, load the list again).
pub fn read_list_updates(response: &Response, calls: &ListUpdateCalls) -> Result<Option<ListUpdate>, ReadError> {
    let changes = match response.get(&calls.query_changes) {
        Ok(c) => c,
        Err(facteur_jmap::Error::Method(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let added_rows = response.get(&calls.added)?.list;
    let sizes = match &calls.threads {
        Some(call) => thread_sizes(response.get(call)?.list),
        None => Default::default(),
    };
    let added = changes
        .added
        .iter()
        .filter_map(|item| {
            let email = added_rows.iter().find(|e| e.id.as_deref() == Some(item.id.as_str()))?;
            Some((item.index as usize, with_size(summary_from(email.clone()), &sizes)))
        })
        .collect();
    let updated = match &calls.updated {
        Some(call) => response.get(call)?.list.into_iter().map(summary_from).collect(),
        None => Vec::new(),
    };
    Ok(Some(ListUpdate {
        from_query_state: changes.old_query_state,
        query_state: changes.new_query_state,
        total: changes.total,
        removed: changes.removed,
        added,
        updated,
    }))
}

/// Thread id → number of messages.
pub(crate) fn thread_sizes(threads: Vec<facteur_jmap::Thread>) -> std::collections::HashMap<String, usize> {
    threads.into_iter().map(|t| (t.id, t.email_ids.len())).collect()
}

pub(crate) fn with_size(mut row: MessageSummary, sizes: &std::collections::HashMap<String, usize>) -> MessageSummary {
    row.thread_size = sizes.get(&row.thread_id).copied().unwrap_or(1);
    row
}

impl ListUpdate {
    /// The `Email/queryChanges` answer this update was read from (ids only).
    pub fn query_changes(&self) -> QueryChangesResponse {
        QueryChangesResponse {
            account_id: String::new(),
            old_query_state: self.from_query_state.clone(),
            new_query_state: self.query_state.clone(),
            total: self.total,
            removed: self.removed.clone(),
            added: self
                .added
                .iter()
                .map(|(index, row)| AddedItem { id: row.id.clone(), index: *index as u64 })
                .collect(),
        }
    }
}

/// Applies an update to a sparse list (RFC 8620 §5.6: remove, then insert at the new indexes,
/// positions not loaded shifting with the rest) and to the rows known by id (added and updated
/// rows replace theirs). Fails when the list holds another query state than the update's start.
///
/// ```
/// # use facteur_mail::{live::{apply_to_list, ListUpdate}, message::MessageSummary}; use facteur_kit::list_state::ListState;
/// # fn row(id: &str) -> MessageSummary { MessageSummary { id: id.into(), thread_id: id.into(), sender: None, subject: None,
/// #   preview: String::new(), received_at: Default::default(), unread: true, flagged: false, has_attachment: false, labels: vec![], mailbox_ids: vec![], thread_size: 1 } }
/// let mut list = ListState::new();
/// list.apply_page(0, vec!["a".into(), "b".into(), "c".into()], 5000, "1");
/// let mut rows = std::collections::HashMap::new();
/// let update = ListUpdate { from_query_state: "1".into(), query_state: "2".into(), total: Some(5000),
///     removed: vec!["b".into()], added: vec![(0, row("n"))], updated: vec![] };
/// let summary = apply_to_list(&mut list, &mut rows, &update).unwrap();
/// assert_eq!(summary.new_at_top, ["n"]);
/// assert_eq!(list.window(0..4), [(0, Some("n")), (1, Some("a")), (2, Some("c")), (3, None)]);
/// assert!(rows.contains_key("n"));
/// ```
pub fn apply_to_list(
    list: &mut ListState,
    rows: &mut HashMap<String, MessageSummary>,
    update: &ListUpdate,
) -> Result<QueryChangesSummary, QueryChangesError> {
    let summary = list.apply_query_changes(&update.query_changes())?;
    for (_, row) in &update.added {
        rows.insert(row.id.clone(), row.clone());
    }
    for row in &update.updated {
        rows.insert(row.id.clone(), row.clone());
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(id: &str) -> MessageSummary {
        MessageSummary {
            id: id.into(),
            thread_id: format!("T{id}"),
            sender: None,
            subject: None,
            preview: String::new(),
            received_at: Default::default(),
            unread: true,
            flagged: false,
            has_attachment: false,
            labels: vec![],
            mailbox_ids: vec![],
            thread_size: 1,
        }
    }

    #[test]
    fn step_one_asks_for_both_changes() {
        let (request, _) = changes("A1", &States { email: "e1".into(), mailbox: "m1".into() }, false);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(
            json["methodCalls"][0],
            json!(["Email/changes", {"accountId": "A1", "sinceState": "e1", "maxChanges": 500}, "c0"])
        );
        assert_eq!(json["methodCalls"][1][0], "Mailbox/changes");
        assert_eq!(json["methodCalls"].as_array().unwrap().len(), 2, "no Email/get unless asked");
        let (request, _) = changes("A1", &States { email: "e1".into(), mailbox: "m1".into() }, true);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(
            json["methodCalls"][2][1]["#ids"],
            json!({"resultOf": "c0", "name": "Email/changes", "path": "/created"})
        );
    }

    #[test]
    fn reading_step_one() {
        let (_, calls) = changes("A1", &States { email: "e1".into(), mailbox: "m1".into() }, false);
        let response: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["Email/changes", {"accountId": "A1", "oldState": "e1", "newState": "e2", "hasMoreChanges": false,
              "created": ["M9"], "updated": ["M1"], "destroyed": []}, "c0"],
            ["error", {"type": "cannotCalculateChanges"}, "c1"]]}))
        .unwrap();
        let changed = read_changes(&response, &calls, &States { email: "e1".into(), mailbox: "m1".into() }).unwrap();
        assert!(changed.emails && changed.reload && !changed.mailboxes);
        assert_eq!(changed.states.email, "e2");
        assert_eq!(changed.updated_emails, ["M1"]);
        assert!(changed.created_emails.is_empty(), "not asked for");
    }

    #[test]
    fn new_inbox_mail_comes_in_the_same_request_unread_in_the_inbox_newest_first() {
        let (_, calls) = changes("A1", &States { email: "e1".into(), mailbox: "m1".into() }, true);
        let email = |id: &str, mailbox: &str, seen: bool, at: &str| {
            json!({"id": id, "threadId": "T", "mailboxIds": {mailbox: true},
            "keywords": if seen { json!({"$seen": true}) } else { json!({}) }, "receivedAt": at, "subject": id})
        };
        let response: Response = serde_json::from_value(json!({"sessionState": "s", "methodResponses": [
            ["Email/changes", {"accountId": "A1", "oldState": "e1", "newState": "e2", "hasMoreChanges": false,
              "created": ["M1", "M2", "M3", "M4", "M5", "M6"], "updated": [], "destroyed": []}, "c0"],
            ["Mailbox/changes", {"accountId": "A1", "oldState": "m1", "newState": "m2", "hasMoreChanges": false,
              "created": [], "updated": ["inbox"], "destroyed": []}, "c1"],
            ["Email/get", {"accountId": "A1", "state": "e2", "notFound": [], "list": [
                email("M1", "inbox", false, "2026-11-23T08:00:00Z"),
                email("M2", "sent", false, "2026-11-23T08:01:00Z"),
                email("M3", "inbox", true, "2026-11-23T08:02:00Z"),
                email("M4", "inbox", false, "2026-11-23T08:04:00Z"),
                email("M5", "inbox", false, "2026-11-23T08:03:00Z"),
                email("M6", "inbox", false, "2026-11-23T07:00:00Z")]}, "c2"]]}))
        .unwrap();
        let changed = read_changes(&response, &calls, &States { email: "e1".into(), mailbox: "m1".into() }).unwrap();
        assert_eq!(changed.created_emails.len(), 6);
        let ids: Vec<String> = new_in_inbox(&changed.created_emails, "inbox").into_iter().map(|m| m.id).collect();
        assert_eq!(ids, ["M4", "M5", "M1"], "unread, in the inbox, newest first, three at most");
    }

    #[test]
    fn step_two_gets_added_rows_by_reference() {
        let (request, _) = list_updates("A1", "inbox", true, "q1", &["M1".into()]);
        let json = serde_json::to_value(&request).unwrap();
        assert_eq!(json["methodCalls"][0][0], "Email/queryChanges");
        assert_eq!(json["methodCalls"][0][1]["sinceQueryState"], "q1");
        assert_eq!(json["methodCalls"][0][1]["filter"], json!({"inMailbox": "inbox"}));
        assert_eq!(
            json["methodCalls"][1][1]["#ids"],
            json!({"resultOf": "c0", "name": "Email/queryChanges", "path": "/added/*/id"})
        );
        assert_eq!(json["methodCalls"][0][1]["collapseThreads"], true);
        assert_eq!(json["methodCalls"][2][0], "Thread/get");
        assert_eq!(json["methodCalls"][2][1]["#ids"]["path"], "/list/*/threadId");
        assert_eq!(json["methodCalls"][3][1]["ids"], json!(["M1"]));
    }

    #[test]
    fn moved_rows_new_rows_and_rows_beyond_the_loaded_part() {
        let mut list = ListState::new();
        list.apply_page(0, vec!["a".into(), "b".into(), "c".into(), "d".into()], 10, "1");
        let mut rows: HashMap<String, MessageSummary> =
            ["a", "b", "c", "d"].iter().map(|id| (id.to_string(), row(id))).collect();
        let update = ListUpdate {
            from_query_state: "1".into(),
            query_state: "2".into(),
            total: Some(12),
            removed: vec!["c".into()],
            added: vec![(9, row("far")), (0, row("c")), (1, row("new"))],
            updated: vec![MessageSummary { unread: false, ..row("a") }],
        };
        let summary = apply_to_list(&mut list, &mut rows, &update).unwrap();
        assert_eq!(summary.new_at_top, ["new"], "c moved to the top, it is not new");
        let shown: Vec<_> = list.window(0..12).into_iter().map(|(_, id)| id).collect();
        assert_eq!(
            shown,
            [Some("c"), Some("new"), Some("a"), Some("b"), Some("d"), None, None, None, None, Some("far"), None, None]
        );
        assert!(!rows["a"].unread, "the updated row is replaced");
        assert!(rows.contains_key("far") && rows.contains_key("new"));
        assert_eq!(list.query_state(), Some("2"));
        // An update from another state is refused and changes nothing.
        let stale = ListUpdate {
            from_query_state: "1".into(),
            query_state: "3".into(),
            total: None,
            removed: vec![],
            added: vec![],
            updated: vec![],
        };
        assert!(apply_to_list(&mut list, &mut rows, &stale).is_err());
        assert_eq!(list.query_state(), Some("2"));
    }
}
