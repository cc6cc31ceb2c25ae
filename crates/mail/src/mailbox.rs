//! A folder as the interface shows it, made from a JMAP `Mailbox`.

use crate::folders::{FolderSource, ROLE_ORDER};
use serde::{Deserialize, Serialize};

/// A folder of the sidebar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folder {
    /// Mailbox id.
    pub id: String,
    /// Its own name (system folders are shown by their localised role name).
    pub name: String,
    /// Parent mailbox id.
    pub parent_id: Option<String>,
    /// Role (`inbox`, `sent`…).
    pub role: Option<String>,
    /// Server sort hint.
    pub sort_order: u32,
    /// Unread messages.
    pub unread: u64,
    /// All messages.
    pub total: u64,
    /// Its conversations (`totalThreads`: those with a message in it), when the server says:
    /// the rows of its list by conversation ([`crate::records::open_folder_list`]).
    #[serde(default)]
    pub threads: Option<u64>,
}

impl Folder {
    /// A folder with no message and sort order 0 (tests and examples).
    pub fn new(id: &str, name: &str, parent_id: Option<&str>, role: Option<&str>) -> Self {
        Folder {
            id: id.into(),
            name: name.into(),
            parent_id: parent_id.map(Into::into),
            role: role.map(Into::into),
            sort_order: 0,
            unread: 0,
            total: 0,
            threads: None,
        }
    }

    /// The folder's address component: its role for the system folders (`/mail/inbox`),
    /// else its id.
    ///
    /// ```
    /// # use facteur_mail::mailbox::Folder;
    /// let mut f = Folder { id: "m1".into(), name: "Inbox".into(), parent_id: None, role: Some("inbox".into()), sort_order: 0, unread: 0, total: 0, threads: None };
    /// assert_eq!(f.slug(), "inbox");
    /// f.role = None;
    /// assert_eq!(f.slug(), "m1");
    /// ```
    pub fn slug(&self) -> String {
        match self.role.as_deref() {
            Some(role) if ROLE_ORDER.contains(&role) => role.to_string(),
            _ => self.id.clone(),
        }
    }
}

impl FolderSource for Folder {
    fn id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn parent_id(&self) -> Option<&str> {
        self.parent_id.as_deref()
    }
    fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }
    fn sort_order(&self) -> u32 {
        self.sort_order
    }
}
