//! A message as one row of the list shows it, made from a JMAP `Email`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One row of the message list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageSummary {
    /// Email id.
    pub id: String,
    /// Thread id.
    pub thread_id: String,
    /// The sender's name, or address when there is no name; `None` when unknown.
    pub sender: Option<String>,
    /// Subject; `None` when empty.
    pub subject: Option<String>,
    /// Start of the text.
    pub preview: String,
    /// When the server received it.
    pub received_at: DateTime<Utc>,
    /// Not `$seen`.
    pub unread: bool,
    /// `$flagged`.
    pub flagged: bool,
    /// Has attachments.
    pub has_attachment: bool,
    /// The user's labels (keywords that are not system keywords), sorted by name.
    #[serde(default)]
    pub labels: Vec<String>,
    /// The folders it is in (mailbox ids, sorted): named on the rows of a search in all
    /// folders.
    #[serde(default)]
    pub mailbox_ids: Vec<String>,
    /// Messages in its conversation (1 when the list is not threaded).
    #[serde(default = "one")]
    pub thread_size: usize,
}

fn one() -> usize {
    1
}
