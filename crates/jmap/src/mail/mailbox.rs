//! Mailbox (RFC 8621 §2).

use crate::method::{JmapObject, NoArgs, SortProperty};
use serde::{Deserialize, Serialize};

/// A mailbox (folder). Every property is optional: `/get` returns only those asked for, and
/// `/set` create sends only those given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mailbox {
    /// Server id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name (one path component).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Parent mailbox, `null` at top level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Role (`inbox`, `sent`…), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Sort hint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<u32>,
    /// Messages in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_emails: Option<u64>,
    /// Messages without `$seen`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unread_emails: Option<u64>,
    /// Threads with a message in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_threads: Option<u64>,
    /// Threads with an unread message in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unread_threads: Option<u64>,
    /// What the user may do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub my_rights: Option<MailboxRights>,
    /// Subscribed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_subscribed: Option<bool>,
}

/// A mailbox role (IANA registry); unknown ones are kept as they are.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Incoming mail.
    Inbox,
    /// Drafts.
    Drafts,
    /// Sent mail.
    Sent,
    /// Archive.
    Archive,
    /// Spam.
    Junk,
    /// Deleted mail.
    Trash,
    /// Everything.
    All,
    /// Flagged mail.
    Flagged,
    /// Important mail.
    Important,
    /// Anything else.
    Other(String),
}

wire_names!(Role {
    Inbox => "inbox",
    Drafts => "drafts",
    Sent => "sent",
    Archive => "archive",
    Junk => "junk",
    Trash => "trash",
    All => "all",
    Flagged => "flagged",
    Important => "important",
});

/// `myRights` of a mailbox.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MailboxRights {
    /// May read messages.
    pub may_read_items: bool,
    /// May add messages.
    pub may_add_items: bool,
    /// May remove messages.
    pub may_remove_items: bool,
    /// May set `$seen`.
    pub may_set_seen: bool,
    /// May set other keywords.
    pub may_set_keywords: bool,
    /// May create children.
    pub may_create_child: bool,
    /// May rename.
    pub may_rename: bool,
    /// May delete.
    pub may_delete: bool,
    /// May submit mail from it.
    pub may_submit: bool,
}

/// Mailbox/query filter condition.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MailboxFilter {
    /// Children of this mailbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Option<String>>,
    /// Name contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Has this role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Option<Role>>,
    /// Has any role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_any_role: Option<bool>,
    /// Subscribed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_subscribed: Option<bool>,
}

/// Mailbox/query sort properties (RFC 8621 §2.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailboxSort {
    /// `sortOrder`.
    SortOrder,
    /// `name`.
    Name,
}

impl SortProperty for MailboxSort {
    fn property(&self) -> &str {
        match self {
            MailboxSort::SortOrder => "sortOrder",
            MailboxSort::Name => "name",
        }
    }
}

impl JmapObject for Mailbox {
    const NAME: &'static str = "Mailbox";
    const CAPABILITIES: &'static [&'static str] = super::MAIL_CAPABILITIES;
    type Filter = MailboxFilter;
    type GetArgs = NoArgs;
    type QueryArgs = NoArgs;
}
