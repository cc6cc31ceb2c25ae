//! What live updates need of the mail domain: the list query of a folder (the same for its
//! pages, for `/queryChanges`, and for the store's open list), conversation sizes, and which
//! new mail to announce. Following the server itself is the store's sync engine
//! (`facteur_kit::sync`, with the records of [`crate::records`]): every type and the open list
//! in one request per round.

use crate::message::MessageSummary;
use facteur_jmap::{Comparator, EmailFilter, EmailQuery, EmailQueryArgs, Filter};

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

/// Thread id → number of messages.
pub(crate) fn thread_sizes(threads: Vec<facteur_jmap::Thread>) -> std::collections::HashMap<String, usize> {
    threads.into_iter().map(|t| (t.id, t.email_ids.len())).collect()
}

pub(crate) fn with_size(mut row: MessageSummary, sizes: &std::collections::HashMap<String, usize>) -> MessageSummary {
    row.thread_size = sizes.get(&row.thread_id).copied().unwrap_or(1);
    row
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn new_inbox_mail_is_unread_in_the_inbox_newest_first_three_at_most() {
        let mail = |id: &str, mailbox: &str, unread: bool, minute: i64| MessageSummary {
            mailbox_ids: vec![mailbox.into()],
            unread,
            received_at: chrono::DateTime::from_timestamp(1_700_000_000 + minute * 60, 0).unwrap(),
            ..row(id)
        };
        let created = [
            mail("M1", "inbox", true, 0),
            mail("M2", "sent", true, 1),
            mail("M3", "inbox", false, 2),
            mail("M4", "inbox", true, 4),
            mail("M5", "inbox", true, 3),
            mail("M6", "inbox", true, -60),
        ];
        let ids: Vec<String> = new_in_inbox(&created, "inbox").into_iter().map(|m| m.id).collect();
        assert_eq!(ids, ["M4", "M5", "M1"], "unread, in the inbox, newest first, three at most");
    }
}
