//! The mail domain's records in the generic JMAP store of [`facteur_kit::store`]: a row of the
//! list ([`MessageSummary`], from an `Email`) and a folder of the sidebar ([`Folder`], from a
//! `Mailbox`), each made as the app makes it today and asking the same properties, and the
//! account's store with both registered ([`mail_store`]) and a folder's list opened in it as
//! the app queries it ([`open_folder_list`]).
//!
//! Neither record has the JSON shape of its JMAP object (`unread`, not `keywords/$seen`), so
//! each reads the patches the app sends (RFC 8620 §5.3, JSON-pointer keys) for what they mean:
//! for a row, `keywords/<keyword>`, `mailboxIds/<id>` and the whole `keywords` or `mailboxIds`;
//! for a folder, `name`, `parentId`, `role`, `sortOrder`, `totalEmails`, `unreadEmails` and
//! `totalThreads`.
//! Other keys change nothing shown and are ignored, and have no inverse (undoing them would
//! need a value the record does not hold).
//!
//! ```
//! use facteur_kit::pending::{patch, ChangeRequest};
//! use facteur_mail::message::MessageSummary;
//! use facteur_mail::records::{list_key, mail_store, open_folder_list};
//! use serde_json::json;
//!
//! let mut store = mail_store("A1");
//! open_folder_list(&mut store, "inbox-id", true);
//! assert!(store.query(&list_key("inbox-id", true)).is_some(), "its first page comes with the next sync");
//! // "Mark as read" is queued as the JMAP patch the server gets; the row shows it once held.
//! let read = ChangeRequest::new("Email").update("M1", patch([("keywords/$seen", json!(true))]));
//! assert!(store.change(read).is_ok());
//! assert!(store.get::<MessageSummary>("M1").is_none(), "not held yet");
//! ```

use crate::labels::{is_label, labels_of, with_changes};
use crate::live::list_query;
use crate::mailbox::Folder;
use crate::message::MessageSummary;
use crate::requests::{folder_from, summary_from, MAILBOX_PROPERTIES, ROW_PROPERTIES};
use facteur_jmap::{CallHandle, Email, Get, Mailbox, PatchObject, RequestBuilder, Response, ThreadGet};
use facteur_kit::store::{Record, Store, TypeOptions};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The rows of one list page: the app's page size (`list::pages::PAGE_SIZE`).
pub const LIST_PAGE_SIZE: u32 = 50;

/// The rows held beyond those shown, pinned or pending: a bound the store enforces whatever
/// happens. The list itself forgets rows far from the view (ids and rows together) once 3,000
/// are loaded (`KEEP_LOADED_AT_MOST` in the app); this bound sits above that with room for a
/// few pages, so that the store never drops a row whose id the list still holds.
pub const ROW_CAPACITY: usize = 4_000;

/// Every folder is held: the sidebar shows them all, and a `load_all` type is still trimmed to
/// its capacity, which would evict folders the sidebar shows.
pub const FOLDER_CAPACITY: usize = usize::MAX;

/// The store of an account's mail (its data: the sync engine's code comes with
/// [`enable_sync`]): folders (every `Mailbox`, fetched whole on the first round
/// and on a reload) and list rows (`Email`, coming with the pages of the open lists; at most
/// [`ROW_CAPACITY`] beyond those shown).
pub fn mail_store(account_id: &str) -> Store {
    let mut store = Store::new(account_id);
    store.register_data::<Folder>(TypeOptions { capacity: FOLDER_CAPACITY, load_all: true });
    store.register_data::<MessageSummary>(TypeOptions { capacity: ROW_CAPACITY, load_all: false });
    store
}

/// Links the sync engine's code for the mail's types (called by the part of the app that runs
/// the live updates, downloaded after the first page: [`mail_store`] registers their data only).
pub fn enable_sync(store: &mut Store) {
    facteur_kit::sync::enable::<Folder>(store);
    facteur_kit::sync::enable::<MessageSummary>(store);
}

/// The key of a folder's list among the store's open queries: one per folder and mode
/// (`mail/<id>/threads` by conversation, `mail/<id>/messages` one row per message). JMAP ids
/// have no `/`, so keys never collide.
///
/// ```
/// use facteur_mail::records::list_key;
/// assert_eq!(list_key("m1", true), "mail/m1/threads");
/// assert_ne!(list_key("m1", true), list_key("m1", false));
/// ```
pub fn list_key(mailbox_id: &str, threaded: bool) -> String {
    format!("mail/{mailbox_id}/{}", if threaded { "threads" } else { "messages" })
}

/// Opens a folder's list under [`list_key`], as the app queries it ([`list_query`]: in the
/// mailbox, newest first, with the total, one row per conversation when `threaded`), in pages
/// of [`LIST_PAGE_SIZE`]; its first page comes with the next sync round.
///
/// By conversation, the list has at most the folder's `totalThreads` rows (RFC 8621 §2: the
/// conversations with a message in the folder, which is what `collapseThreads` lists): its
/// total is bounded by the folder's count as the store holds it ([`Store::bound_query`]),
/// whatever the `Email/query` says. Stalwart 0.16 says the number of emails there (100,000 for
/// 83,862 conversations), and its `/queryChanges` again at each round: without the bound the
/// list would stretch past its last conversation, and a jump to the end would ask pages of
/// nothing.
///
/// ```
/// use facteur_mail::mailbox::Folder;
/// use facteur_mail::records::{list_key, mail_store, open_folder_list};
/// let mut store = mail_store("c");
/// store.insert([Folder { total: 100_000, threads: Some(83_862), ..Folder::new("q", "Archives 2021-2026", None, None) }]);
/// open_folder_list(&mut store, "q", true);
/// store.apply_page(&list_key("q", true), 0, (0..50).map(|i| format!("M{i}")).collect(), 100_000, "s1");
/// assert_eq!(store.query(&list_key("q", true)).unwrap().total(), 83_862);
/// open_folder_list(&mut store, "q", false);
/// store.apply_page(&list_key("q", false), 0, (0..50).map(|i| format!("M{i}")).collect(), 100_000, "s1");
/// assert_eq!(store.query(&list_key("q", false)).unwrap().total(), 100_000, "one row per message");
/// ```
pub fn open_folder_list(store: &mut Store, mailbox_id: &str, threaded: bool) {
    let query = list_query(store.account_id(), mailbox_id, threaded);
    let key = list_key(mailbox_id, threaded);
    store.open_query::<MessageSummary>(&key, query, LIST_PAGE_SIZE);
    if threaded {
        store.bound_query::<Folder>(&key, mailbox_id, |folder| {
            folder.threads.map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        });
    }
}

/// A patch key as (property, member): `keywords/$seen` → (`keywords`, `$seen`), the member
/// unescaped (RFC 6901: `~1` is `/`, `~0` is `~`); `None` for a deeper path.
fn split(key: &str) -> Option<(&str, Option<String>)> {
    match key.split_once('/') {
        None => Some((key, None)),
        Some((_, member)) if member.contains('/') => None,
        Some((property, member)) => Some((property, Some(member.replace("~1", "/").replace("~0", "~")))),
    }
}

/// A map member's patch value: `true` sets it; `null` (or the invalid `false`) removes it.
fn on(value: &Value) -> bool {
    value == &Value::Bool(true)
}

/// A member's value as a patch gives it: `true`, or `null` for absent.
fn member(present: bool) -> Value {
    if present {
        Value::Bool(true)
    } else {
        Value::Null
    }
}

/// The members set to `true` of a JMAP `String[Boolean]` map (`null`: none).
fn set_members(value: &Value) -> HashMap<String, bool> {
    value.as_object().into_iter().flatten().filter(|(_, v)| on(v)).map(|(k, _)| (k.clone(), true)).collect()
}

/// A JMAP `String[Boolean]` map of these members.
fn members<'a>(keys: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Object(keys.into_iter().map(|k| (k.to_string(), Value::Bool(true))).collect::<Map<_, _>>())
}

impl MessageSummary {
    /// Whether the row shows this keyword set. Keywords it does not show (`$answered`,
    /// `$junk`…) read as absent.
    fn has_keyword(&self, keyword: &str) -> bool {
        match keyword {
            "$seen" => !self.unread,
            "$flagged" => self.flagged,
            label => self.labels.iter().any(|l| l == label),
        }
    }
    fn set_keyword(&mut self, keyword: &str, on: bool) {
        match keyword {
            "$seen" => self.unread = !on,
            "$flagged" => self.flagged = on,
            label if is_label(label) => {
                self.labels = with_changes(&self.labels, &HashMap::from([(label.to_string(), on)]));
            }
            _ => {}
        }
    }
    fn set_keywords(&mut self, keywords: &HashMap<String, bool>) {
        self.unread = !keywords.contains_key("$seen");
        self.flagged = keywords.contains_key("$flagged");
        self.labels = labels_of(keywords);
    }
    fn set_mailbox(&mut self, mailbox_id: &str, on: bool) {
        match (self.mailbox_ids.binary_search_by(|id| id.as_str().cmp(mailbox_id)), on) {
            (Err(at), true) => self.mailbox_ids.insert(at, mailbox_id.to_string()),
            (Ok(at), false) => {
                self.mailbox_ids.remove(at);
            }
            _ => {}
        }
    }
    /// The keywords the row shows, as a JMAP map.
    fn keywords_json(&self) -> Value {
        let system = [("$seen", !self.unread), ("$flagged", self.flagged)];
        members(system.into_iter().filter(|(_, on)| *on).map(|(k, _)| k).chain(self.labels.iter().map(String::as_str)))
    }
}

/// A list row: made by `crate::requests::summary_from` (so with a thread size of 1), asking
/// the row's properties.
impl Record for MessageSummary {
    type Object = Email;

    fn id(&self) -> &str {
        &self.id
    }
    fn from_object(email: Email) -> Option<Self> {
        email.id.as_ref()?;
        Some(summary_from(email))
    }
    fn properties() -> Option<Vec<String>> {
        Some(ROW_PROPERTIES.iter().map(|p| p.to_string()).collect())
    }
    /// Every `Email/get` of rows comes with the `Thread/get` of their conversations (by
    /// reference to `/list/*/threadId`), so that a row knows its conversation's size, as the
    /// list's own pages do.
    fn extend_get(
        builder: &mut RequestBuilder,
        account: &str,
        get: &CallHandle<Get<Email>>,
    ) -> Option<Box<dyn std::any::Any>> {
        Some(Box::new(builder.call(ThreadGet::new(account).ids_ref(get.reference("/list/*/threadId")))))
    }
    fn read_extension(records: &mut [Self], extension: Box<dyn std::any::Any>, response: &Response) {
        let Ok(call) = extension.downcast::<CallHandle<ThreadGet>>() else { return };
        let Ok(threads) = response.get(&call) else { return };
        let sizes = crate::live::thread_sizes(threads.list);
        for row in records {
            row.thread_size = sizes.get(&row.thread_id).copied().unwrap_or(1);
        }
    }
    /// `keywords/$seen` → `unread`, `keywords/$flagged` → `flagged`, `keywords/<label>` →
    /// `labels` (kept in their order by name), `mailboxIds/<id>` → `mailbox_ids` (kept sorted),
    /// and the whole `keywords` or `mailboxIds` replaced.
    fn apply_patch(&mut self, patch: &PatchObject) {
        for (key, value) in patch {
            match split(key) {
                Some(("keywords", None)) => self.set_keywords(&set_members(value)),
                Some(("keywords", Some(keyword))) => self.set_keyword(&keyword, on(value)),
                Some(("mailboxIds", None)) => {
                    let mut ids: Vec<String> = set_members(value).into_keys().collect();
                    ids.sort();
                    self.mailbox_ids = ids;
                }
                Some(("mailboxIds", Some(id))) => self.set_mailbox(&id, on(value)),
                _ => {}
            }
        }
    }
    /// Each key the row reads gets back what the row shows. A keyword it does not show
    /// (`$junk`…) is put back absent, and a whole `keywords` as the keywords it shows.
    fn inverse_patch(&self, patch: &PatchObject) -> PatchObject {
        let before = |key: &str| match split(key)? {
            ("keywords", None) => Some(self.keywords_json()),
            ("keywords", Some(keyword)) => Some(member(self.has_keyword(&keyword))),
            ("mailboxIds", None) => Some(members(self.mailbox_ids.iter().map(String::as_str))),
            ("mailboxIds", Some(id)) => Some(member(self.mailbox_ids.contains(&id))),
            _ => None,
        };
        patch.keys().filter_map(|key| Some((key.clone(), before(key)?))).collect()
    }
}

/// A folder of the sidebar: made as the sidebar's `Mailbox/get` reads it, asking the same
/// properties.
impl Record for Folder {
    type Object = Mailbox;

    fn id(&self) -> &str {
        &self.id
    }
    fn from_object(mailbox: Mailbox) -> Option<Self> {
        mailbox.id.as_ref()?;
        Some(folder_from(mailbox))
    }
    fn properties() -> Option<Vec<String>> {
        Some(MAILBOX_PROPERTIES.iter().map(|p| p.to_string()).collect())
    }
    /// `name`, `parentId` and `role` (`null`: none), `sortOrder` (`null`: 0), `totalEmails`
    /// → `total`, `unreadEmails` → `unread`, `totalThreads` → `threads` (`null`: not known); a
    /// value of the wrong kind is ignored.
    fn apply_patch(&mut self, patch: &PatchObject) {
        let optional = |value: &Value| match value {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => None,
        };
        for (key, value) in patch {
            match key.as_str() {
                "name" => {
                    if let Some(name) = value.as_str() {
                        self.name = name.to_string();
                    }
                }
                "parentId" => {
                    if let Some(parent) = optional(value) {
                        self.parent_id = parent;
                    }
                }
                "role" => {
                    if let Some(role) = optional(value) {
                        self.role = role;
                    }
                }
                "sortOrder" => {
                    if let Some(order) = if value.is_null() { Some(0) } else { value.as_u64() } {
                        self.sort_order = u32::try_from(order).unwrap_or(u32::MAX);
                    }
                }
                "totalEmails" => self.total = value.as_u64().unwrap_or(self.total),
                "unreadEmails" => self.unread = value.as_u64().unwrap_or(self.unread),
                "totalThreads" if value.is_null() || value.is_u64() => self.threads = value.as_u64(),
                _ => {}
            }
        }
    }
    fn inverse_patch(&self, patch: &PatchObject) -> PatchObject {
        let optional = |value: &Option<String>| value.clone().map_or(Value::Null, Value::String);
        let before = |key: &str| match key {
            "name" => Some(Value::String(self.name.clone())),
            "parentId" => Some(optional(&self.parent_id)),
            "role" => Some(optional(&self.role)),
            "sortOrder" => Some(self.sort_order.into()),
            "totalEmails" => Some(self.total.into()),
            "unreadEmails" => Some(self.unread.into()),
            "totalThreads" => Some(self.threads.map_or(Value::Null, Value::from)),
            _ => None,
        };
        patch.keys().filter_map(|key| Some((key.clone(), before(key)?))).collect()
    }
}
