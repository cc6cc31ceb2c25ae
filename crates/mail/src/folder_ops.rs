//! Managing folders: checking a name, where a folder may go, the `Mailbox/set` requests to
//! create, rename, move and delete one, emptying a folder in batches, and what the server's
//! refusals mean for the user.
//!
//! Deleting a folder that holds mail does what Roundcube and Fastmail do: the user confirms,
//! told how many messages go to the Trash; each message only in that folder moves to the
//! Trash, one that is also elsewhere just leaves the folder (it is still in the other). The
//! folder is destroyed once empty (`onDestroyRemoveEmails: false`: if mail arrived meanwhile,
//! the server refuses rather than losing it). A folder with subfolders is not deleted: the
//! user moves or deletes them first.

use crate::folders::sidebar_rows;
use crate::mailbox::Folder;
use facteur_jmap::{
    CallHandle, CoreCapability, EmailFilter, EmailGet, EmailQuery, EmailSet, Filter, Mailbox, MailboxSet, PatchObject,
    Request, RequestBuilder, Response, SetError,
};
use serde_json::Value;
use std::collections::HashSet;

/// The longest folder name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Roles a user folder may be put under (the others hold mail the server manages: drafts,
/// sent, junk, trash).
const PARENT_ROLES: [&str; 2] = ["inbox", "archive"];

/// Why a folder name is not accepted (each has its sentence in the interface).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    /// Nothing but spaces.
    Empty,
    /// More than [`MAX_NAME_CHARS`] characters.
    TooLong,
    /// Contains `/`, which separates folder levels on the server.
    Slash,
    /// Tabs, line breaks or other invisible characters.
    ControlCharacter,
    /// `.`, `..`, or `INBOX` at the top level: names the server keeps for itself.
    Reserved,
    /// Another folder at the same place already has this name (ignoring case).
    Duplicate,
}

/// The cleaned name (spaces trimmed) if it may be given to a folder under `parent_id`.
///
/// `renaming` is the folder being renamed (its own name is not a duplicate); `shown` gives
/// the name a folder is displayed with (system folders show "Corbeille" for "Trash"), so a
/// new folder cannot look like an existing one either.
///
/// ```
/// use facteur_mail::{folder_ops::{validate_name, NameError}, mailbox::Folder};
/// let folders = [Folder::new("c", "Classes", None, None), Folder::new("t", "Trash", None, Some("trash"))];
/// let shown = |f: &Folder| if f.role.is_some() { "Corbeille".to_string() } else { f.name.clone() };
/// assert_eq!(validate_name("  2nde B ", Some("c"), &folders, None, shown), Ok("2nde B".to_string()));
/// assert_eq!(validate_name("classes", None, &folders, None, shown), Err(NameError::Duplicate));
/// assert_eq!(validate_name("Corbeille", None, &folders, None, shown), Err(NameError::Duplicate));
/// assert_eq!(validate_name("Classes", None, &folders, Some("c"), shown), Ok("Classes".to_string()));
/// ```
pub fn validate_name(
    name: &str,
    parent_id: Option<&str>,
    folders: &[Folder],
    renaming: Option<&str>,
    shown: impl Fn(&Folder) -> String,
) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(NameError::TooLong);
    }
    if name.contains('/') {
        return Err(NameError::Slash);
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlCharacter);
    }
    if name == "." || name == ".." || (parent_id.is_none() && name.eq_ignore_ascii_case("inbox")) {
        return Err(NameError::Reserved);
    }
    let wanted = name.to_lowercase();
    let taken = folders
        .iter()
        .filter(|f| f.parent_id.as_deref() == parent_id && Some(f.id.as_str()) != renaming)
        .any(|f| f.name.to_lowercase() == wanted || shown(f).to_lowercase() == wanted);
    if taken {
        return Err(NameError::Duplicate);
    }
    Ok(name.to_string())
}

/// Whether the user may rename, move and delete this folder (system folders stay).
pub fn is_user_folder(folder: &Folder) -> bool {
    folder.role.is_none()
}

/// The ids of a folder's subfolders at every depth.
pub fn descendants(folders: &[Folder], id: &str) -> HashSet<String> {
    let mut found: HashSet<String> = HashSet::new();
    let mut frontier = vec![id.to_string()];
    while let Some(parent) = frontier.pop() {
        for child in folders.iter().filter(|f| f.parent_id.as_deref() == Some(parent.as_str())) {
            if found.insert(child.id.clone()) {
                frontier.push(child.id.clone());
            }
        }
    }
    found
}

/// Where a folder may go (or a new one be created, `moving: None`), in sidebar order, with
/// each one's depth: the user's folders and the Inbox and Archive; never the folder itself
/// or one of its subfolders (the server refuses a cycle). "Top level" is not in the list: it
/// is always possible.
///
/// ```
/// use facteur_mail::{folder_ops::parent_choices, mailbox::Folder};
/// let folders = [
///     Folder::new("i", "Inbox", None, Some("inbox")), Folder::new("t", "Trash", None, Some("trash")),
///     Folder::new("c", "Classes", None, None), Folder::new("b", "2nde B", Some("c"), None),
///     Folder::new("p", "Projets", None, None),
/// ];
/// let ids = |m| parent_choices(&folders, m).into_iter().map(|(f, _)| f.id).collect::<Vec<_>>();
/// assert_eq!(ids(None), ["i", "c", "b", "p"]);
/// assert_eq!(ids(Some("c")), ["i", "p"]);
/// ```
pub fn parent_choices(folders: &[Folder], moving: Option<&str>) -> Vec<(Folder, usize)> {
    let excluded = moving.map(|id| {
        let mut set = descendants(folders, id);
        set.insert(id.to_string());
        set
    });
    sidebar_rows(folders)
        .into_iter()
        .map(|row| (folders[row.index].clone(), row.depth))
        .filter(|(f, _)| f.role.as_deref().is_none_or(|r| PARENT_ROLES.contains(&r)))
        .filter(|(f, _)| excluded.as_ref().is_none_or(|set| !set.contains(&f.id)))
        .collect()
}

/// What deleting a folder will do, said in the confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeletePlan {
    /// The folder is empty: it just goes.
    Empty,
    /// Its messages go to the Trash first (how many, and the Trash id).
    ToTrash {
        /// Messages in the folder.
        count: u64,
        /// The Trash mailbox.
        trash_id: String,
    },
    /// There is no Trash (or this is in it): the messages are deleted for good.
    ForGood {
        /// Messages in the folder.
        count: u64,
    },
    /// It has subfolders: they must be moved or deleted first.
    HasSubfolders,
}

/// What deleting `folder` will do.
pub fn delete_plan(folders: &[Folder], folder: &Folder) -> DeletePlan {
    if folders.iter().any(|f| f.parent_id.as_deref() == Some(folder.id.as_str())) {
        return DeletePlan::HasSubfolders;
    }
    if folder.total == 0 {
        return DeletePlan::Empty;
    }
    match folders.iter().find(|f| f.role.as_deref() == Some("trash")) {
        Some(trash) if trash.id != folder.id => DeletePlan::ToTrash { count: folder.total, trash_id: trash.id.clone() },
        _ => DeletePlan::ForGood { count: folder.total },
    }
}

/// A `Mailbox/set` call.
pub type FolderCall = CallHandle<MailboxSet>;

fn one_set(set: MailboxSet) -> (Request, FolderCall) {
    let mut builder = RequestBuilder::new();
    let call = builder.call(set);
    (builder.build(), call)
}

/// The creation id of a new folder.
const NEW: &str = "new-folder";

/// Creates a folder named `name` under `parent_id` (top level: `None`), subscribed.
pub fn create_folder(account_id: &str, name: &str, parent_id: Option<&str>) -> (Request, FolderCall) {
    let mailbox = Mailbox {
        name: Some(name.into()),
        parent_id: parent_id.map(Into::into),
        is_subscribed: Some(true),
        ..Default::default()
    };
    one_set(MailboxSet::new(account_id).create(NEW, mailbox))
}

/// The patch that renames a folder (a pending change of the store, `Mailbox/set` update).
///
/// ```
/// use facteur_mail::folder_ops::{parent_patch, rename_patch};
/// use serde_json::json;
/// assert_eq!(serde_json::to_value(rename_patch("Mes classes")).unwrap(), json!({"name": "Mes classes"}));
/// assert_eq!(serde_json::to_value(parent_patch(None)).unwrap(), json!({"parentId": null}));
/// assert_eq!(serde_json::to_value(parent_patch(Some("a"))).unwrap(), json!({"parentId": "a"}));
/// ```
pub fn rename_patch(name: &str) -> PatchObject {
    let mut patch = PatchObject::new();
    patch.insert("name".into(), Value::String(name.into()));
    patch
}

/// The patch that moves a folder under `parent_id` (top level: `None`).
pub fn parent_patch(parent_id: Option<&str>) -> PatchObject {
    let mut patch = PatchObject::new();
    patch.insert("parentId".into(), parent_id.map_or(Value::Null, |p| Value::String(p.into())));
    patch
}

/// Moves a folder under `parent_id` in one request of its own (tests read Cyrus's answers
/// with it; the app sends [`parent_patch`] as a pending change).
pub fn move_folder(account_id: &str, id: &str, parent_id: Option<&str>) -> (Request, FolderCall) {
    one_set(MailboxSet::new(account_id).update(id, parent_patch(parent_id)))
}

/// Destroys an empty folder (refused by the server if mail is still in it).
pub fn destroy_folder(account_id: &str, id: &str) -> (Request, FolderCall) {
    one_set(MailboxSet::new(account_id).destroy([id]).arg("onDestroyRemoveEmails", Value::Bool(false)))
}

/// Why the server refused a folder change, in the user's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderError {
    /// The name is taken or not allowed (`invalidProperties` on `name`).
    NameRefused,
    /// The server does not accept these characters in a name (Cyrus: `serverFail`,
    /// "Invalid mailbox name"; e.g. `%` or `\`).
    NameCharacters,
    /// The new place is not possible (`invalidProperties` on `parentId`: under itself…).
    BadParent,
    /// It still has subfolders (`mailboxHasChild`).
    HasSubfolders,
    /// It still holds mail (`mailboxHasEmail`).
    HasMail,
    /// Not allowed (`forbidden`: a system folder, no rights).
    Forbidden,
    /// It no longer exists (deleted elsewhere).
    NotFound,
    /// The mailbox is full (`overQuota`).
    OverQuota,
    /// Anything else: the type and the server's words.
    Other(String),
}

impl FolderError {
    /// Reads one `SetError` of a `Mailbox/set`.
    pub fn from_set_error(error: &SetError) -> FolderError {
        let on = |property: &str| error.properties.iter().flatten().any(|p| p == property);
        match error.error_type.as_str() {
            "invalidProperties" if on("parentId") => FolderError::BadParent,
            "invalidProperties" if on("name") || error.properties.is_none() => FolderError::NameRefused,
            "serverFail" if error.description.as_deref().is_some_and(|d| d.contains("Invalid mailbox name")) => {
                FolderError::NameCharacters
            }
            "mailboxHasChild" => FolderError::HasSubfolders,
            "mailboxHasEmail" => FolderError::HasMail,
            "forbidden" => FolderError::Forbidden,
            "notFound" => FolderError::NotFound,
            "overQuota" => FolderError::OverQuota,
            other => FolderError::Other(match &error.description {
                Some(d) => format!("{other}: {d}"),
                None => other.to_string(),
            }),
        }
    }
}

/// Reads the answer to a folder change: the new folder's id for a create, or why not.
pub fn read_folder_set(response: &Response, call: &FolderCall) -> Result<Option<String>, FolderError> {
    let answer = response.get(call).map_err(|e| FolderError::Other(e.to_string()))?;
    if let Some((_, error)) = answer.failures().next() {
        return Err(FolderError::from_set_error(error));
    }
    Ok(answer.created.and_then(|mut c| c.remove(NEW)).and_then(|m| m.id))
}

/// How many objects one batch handles: the server's `maxObjectsInSet` and `maxObjectsInGet`,
/// at most 500 (requests stay small), 50 if the server says nothing.
pub fn batch_size(core: &CoreCapability) -> u32 {
    let limits = [core.max_objects_in_set, core.max_objects_in_get];
    let server = limits.into_iter().filter(|&l| l > 0).min().unwrap_or(50);
    server.min(500) as u32
}

/// The two calls reading one batch of a folder's mail.
pub struct BatchCalls {
    get: CallHandle<EmailGet>,
}

/// The first `batch` messages of a folder with the mailboxes each is in: `Email/query` and
/// `Email/get` of its ids by back-reference.
pub fn folder_batch(account_id: &str, folder_id: &str, position: u32, batch: u32) -> (Request, BatchCalls) {
    let mut builder = RequestBuilder::new();
    let filter = EmailFilter { in_mailbox: Some(folder_id.into()), ..Default::default() };
    let query =
        builder.call(EmailQuery::new(account_id).filter(Filter::Condition(filter)).position(position).limit(batch));
    let get =
        builder.call(EmailGet::new(account_id).ids_ref(query.reference("/ids")).properties(&["id", "mailboxIds"]));
    (builder.build(), BatchCalls { get })
}

/// One message of a batch: its id and the other mailboxes it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchMessage {
    /// Email id.
    pub id: String,
    /// Whether it is in another mailbox too.
    pub elsewhere: bool,
}

/// Reads the answer to [`folder_batch`] (empty: the folder is empty).
pub fn read_folder_batch(
    response: &Response,
    calls: &BatchCalls,
    folder_id: &str,
) -> Result<Vec<BatchMessage>, FolderError> {
    let got = response.get(&calls.get).map_err(|e| FolderError::Other(e.to_string()))?;
    Ok(got
        .list
        .into_iter()
        .map(|e| BatchMessage {
            elsewhere: e.mailbox_ids.iter().flatten().any(|(id, on)| *on && id != folder_id),
            id: e.id.unwrap_or_default(),
        })
        .collect())
}

/// Deleting a folder as pending changes of the store, in the order they must reach the server:
/// its messages leave it as [`clear_batch`] says (at most `per_set` in each change), then the
/// empty folder is destroyed (refused by the server, and so shown again, if mail is still in it).
///
/// ```
/// use facteur_kit::pending::Edit;
/// use facteur_mail::folder_ops::{delete_changes, BatchMessage};
/// use serde_json::json;
/// let messages = [BatchMessage { id: "m1".into(), elsewhere: false }, BatchMessage { id: "m2".into(), elsewhere: true }];
/// let changes = delete_changes("f", &messages, Some("trash"), 500);
/// assert_eq!(changes.len(), 2);
/// let patch = |c: &facteur_kit::pending::ChangeRequest, id: &str| match &c.edits[id] {
///     Edit::Update(p) => serde_json::to_value(p).unwrap(),
///     other => panic!("{other:?}"),
/// };
/// assert_eq!(patch(&changes[0], "m1"), json!({"mailboxIds/f": null, "mailboxIds/trash": true}));
/// assert_eq!(patch(&changes[0], "m2"), json!({"mailboxIds/f": null}), "filed elsewhere too: it only leaves");
/// assert_eq!((changes[1].type_name.as_str(), &changes[1].edits["f"]), ("Mailbox", &Edit::Destroy));
/// // No Trash: the messages are destroyed.
/// assert_eq!(delete_changes("f", &messages[..1], None, 500)[0].edits["m1"], Edit::Destroy);
/// ```
pub fn delete_changes(
    folder_id: &str,
    messages: &[BatchMessage],
    trash: Option<&str>,
    per_set: usize,
) -> Vec<facteur_kit::pending::ChangeRequest> {
    use facteur_kit::pending::ChangeRequest;
    let mut changes: Vec<ChangeRequest> = messages
        .chunks(per_set.max(1))
        .map(|chunk| {
            chunk.iter().fold(ChangeRequest::new("Email"), |request, m| {
                let mut patch = PatchObject::new();
                patch.insert(format!("mailboxIds/{folder_id}"), Value::Null);
                match (m.elsewhere, trash) {
                    (true, _) => request.update(&m.id, patch),
                    (false, Some(trash)) => {
                        patch.insert(format!("mailboxIds/{trash}"), Value::Bool(true));
                        request.update(&m.id, patch)
                    }
                    (false, None) => request.destroy([m.id.as_str()]),
                }
            })
        })
        .collect();
    changes.push(ChangeRequest::new("Mailbox").destroy([folder_id]));
    changes
}

/// Takes a batch out of a folder in one `Email/set`: a message also elsewhere only leaves the
/// folder; the others move to `trash`, or are destroyed when `trash` is `None` (emptying the
/// Trash or Junk, or no Trash).
pub fn clear_batch(
    account_id: &str,
    folder_id: &str,
    messages: &[BatchMessage],
    trash: Option<&str>,
) -> (Request, CallHandle<EmailSet>) {
    let mut set = EmailSet::new(account_id);
    let mut destroy = Vec::new();
    for m in messages {
        let mut patch = PatchObject::new();
        patch.insert(format!("mailboxIds/{folder_id}"), Value::Null);
        match (m.elsewhere, trash) {
            (true, _) => {}
            (false, Some(trash)) => {
                patch.insert(format!("mailboxIds/{trash}"), Value::Bool(true));
            }
            (false, None) => {
                destroy.push(m.id.clone());
                continue;
            }
        }
        set = set.update(&m.id, patch);
    }
    if !destroy.is_empty() {
        set = set.destroy(destroy);
    }
    let mut builder = RequestBuilder::new();
    let call = builder.call(set);
    (builder.build(), call)
}

/// Reads the answer to [`clear_batch`]: how many messages left the folder, or the first
/// refusal.
pub fn read_clear_batch(response: &Response, call: &CallHandle<EmailSet>) -> Result<usize, FolderError> {
    let answer = response.get(call).map_err(|e| FolderError::Other(e.to_string()))?;
    if let Some((_, error)) = answer.failures().next() {
        return Err(FolderError::from_set_error(error));
    }
    Ok(answer.updated.map_or(0, |u| u.len()) + answer.destroyed.map_or(0, |d| d.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn response(text: &str) -> Response {
        serde_json::from_str(text).expect("a JMAP response")
    }

    fn tree() -> Vec<Folder> {
        let mut admin = Folder::new("a", "Administration", None, None);
        admin.total = 12;
        vec![
            Folder::new("i", "Inbox", None, Some("inbox")),
            Folder::new("d", "Drafts", None, Some("drafts")),
            Folder::new("s", "Sent", None, Some("sent")),
            Folder::new("r", "Archive", None, Some("archive")),
            Folder::new("j", "Junk", None, Some("junk")),
            Folder::new("t", "Trash", None, Some("trash")),
            admin,
            Folder::new("c", "Classes", None, None),
            Folder::new("c1", "1re G3", Some("c"), None),
            Folder::new("c2", "2nde B", Some("c"), None),
            Folder::new("c21", "Sortie", Some("c2"), None),
        ]
    }

    fn raw(f: &Folder) -> String {
        f.name.clone()
    }

    #[test]
    fn names_are_checked_in_this_order() {
        let folders = tree();
        let check = |name: &str, parent: Option<&str>| validate_name(name, parent, &folders, None, raw);
        assert_eq!(check("   ", None), Err(NameError::Empty));
        assert_eq!(check(&"é".repeat(MAX_NAME_CHARS), None), Ok("é".repeat(MAX_NAME_CHARS)));
        assert_eq!(check(&"é".repeat(MAX_NAME_CHARS + 1), None), Err(NameError::TooLong));
        assert_eq!(check("Classes/2nde", None), Err(NameError::Slash));
        assert_eq!(check("a\tb", None), Err(NameError::ControlCharacter));
        assert_eq!(check("INBOX", None), Err(NameError::Reserved));
        assert_eq!(check("Inbox", Some("c")), Ok("Inbox".into()), "reserved at the top level only");
        assert_eq!(check("..", Some("c")), Err(NameError::Reserved));
        assert_eq!(check("1RE g3", Some("c")), Err(NameError::Duplicate));
        assert_eq!(check("1re G3", None), Ok("1re G3".into()), "same name elsewhere is fine");
        assert_eq!(check("trash", None), Err(NameError::Duplicate), "system folders count");
    }

    #[test]
    fn renaming_to_its_own_name_with_other_case_is_allowed() {
        let folders = tree();
        assert_eq!(validate_name("CLASSES", None, &folders, Some("c"), raw), Ok("CLASSES".into()));
        assert_eq!(validate_name("Administration", None, &folders, Some("c"), raw), Err(NameError::Duplicate));
    }

    #[test]
    fn a_folder_cannot_move_under_itself_or_its_subfolders_nor_under_managed_folders() {
        let folders = tree();
        let ids = |m| parent_choices(&folders, m).into_iter().map(|(f, depth)| (f.id, depth)).collect::<Vec<_>>();
        assert_eq!(
            ids(Some("c2")),
            [("i".into(), 0), ("r".into(), 0), ("a".into(), 0), ("c".into(), 0), ("c1".into(), 1)]
        );
        assert_eq!(ids(Some("c")), [("i".to_string(), 0), ("r".into(), 0), ("a".into(), 0)]);
        assert_eq!(descendants(&folders, "c"), ["c1", "c2", "c21"].map(String::from).into_iter().collect());
        assert!(!is_user_folder(&folders[0]) && is_user_folder(&folders[7]));
    }

    #[test]
    fn delete_plans() {
        let folders = tree();
        let by_id = |id: &str| folders.iter().find(|f| f.id == id).unwrap().clone();
        assert_eq!(delete_plan(&folders, &by_id("a")), DeletePlan::ToTrash { count: 12, trash_id: "t".into() });
        assert_eq!(delete_plan(&folders, &by_id("c1")), DeletePlan::Empty);
        assert_eq!(delete_plan(&folders, &by_id("c")), DeletePlan::HasSubfolders);
        let no_trash: Vec<Folder> = folders.iter().filter(|f| f.id != "t").cloned().collect();
        assert_eq!(delete_plan(&no_trash, &by_id("a")), DeletePlan::ForGood { count: 12 });
    }

    #[test]
    fn mailbox_set_requests() {
        let json = |r: Request| serde_json::to_value(r).unwrap()["methodCalls"][0].clone();
        assert_eq!(
            json(create_folder("A1", "2nde B", Some("c")).0),
            json!(["Mailbox/set", {"accountId": "A1", "create": {"new-folder": {"name": "2nde B", "parentId": "c", "isSubscribed": true}}}, "c0"])
        );
        assert_eq!(
            json(create_folder("A1", "Projets", None).0)[1]["create"]["new-folder"],
            json!({"name": "Projets", "isSubscribed": true})
        );
        assert_eq!(json(move_folder("A1", "c2", None).0)[1]["update"], json!({"c2": {"parentId": null}}));
        assert_eq!(json(move_folder("A1", "c2", Some("a")).0)[1]["update"], json!({"c2": {"parentId": "a"}}));
        assert_eq!(
            json(destroy_folder("A1", "c1").0),
            json!(["Mailbox/set", {"accountId": "A1", "destroy": ["c1"], "onDestroyRemoveEmails": false}, "c0"])
        );
    }

    /// Captured from Cyrus 3.6: one Mailbox/set with a duplicate name, `%` in a name, an empty
    /// name, a system folder moved, and destroying a folder with children, one with mail, the
    /// Inbox.
    #[test]
    fn cyrus_refusals_are_read_into_kinds() {
        let answer = response(include_str!("../tests/fixtures/cyrus-mailbox-set-refusals.json"));
        let (_, call) = create_folder("claire.martin@ac-cevennes.fr", "x", None);
        let set = answer.get(&call).unwrap();
        let kind = |map: &Option<std::collections::HashMap<String, SetError>>, id: &str| {
            FolderError::from_set_error(&map.as_ref().unwrap()[id])
        };
        assert_eq!(kind(&set.not_created, "dup"), FolderError::NameRefused);
        assert_eq!(kind(&set.not_created, "empty"), FolderError::NameRefused);
        assert_eq!(kind(&set.not_created, "pct"), FolderError::NameCharacters);
        assert_eq!(
            kind(&set.not_updated, "6slbjt14hj0luc5jd9dgttfa"),
            FolderError::Other("serverFail: SPECIAL-USE flag conflict".into())
        );
        assert_eq!(kind(&set.not_destroyed, "u51mm7hbws1h2j60qf5oevle"), FolderError::HasSubfolders);
        assert_eq!(kind(&set.not_destroyed, "ddnnujhxtcgqupobalu29yq8"), FolderError::HasMail);
        assert_eq!(kind(&set.not_destroyed, "xisbdv3s3065a7alo2f4uc3p"), FolderError::Forbidden);
        assert!(read_folder_set(&answer, &call).is_err());
    }

    #[test]
    fn cyrus_refuses_a_cycle_on_parent_id() {
        let answer = response(include_str!("../tests/fixtures/cyrus-mailbox-set-cycle.json"));
        let (_, call) =
            move_folder("claire.martin@ac-cevennes.fr", "u51mm7hbws1h2j60qf5oevle", Some("kd87t8ojpacpa5tn9hfnnqkf"));
        assert_eq!(read_folder_set(&answer, &call), Err(FolderError::BadParent));
    }

    #[test]
    fn a_created_folder_gives_its_id() {
        let answer = response(
            r#"{"sessionState":"0","methodResponses":[["Mailbox/set",{"accountId":"A1","oldState":"1","newState":"2",
            "created":{"new-folder":{"id":"bfo4uwow7duanxdctvb7l70x","isSubscribed":true,"sortOrder":10}},"notCreated":null},"c0"]]}"#,
        );
        let (_, call) = create_folder("A1", "Essai", None);
        assert_eq!(read_folder_set(&answer, &call), Ok(Some("bfo4uwow7duanxdctvb7l70x".into())));
    }

    #[test]
    fn batches_respect_the_server_limits() {
        let core = |set, get| CoreCapability { max_objects_in_set: set, max_objects_in_get: get, ..Default::default() };
        assert_eq!(batch_size(&core(4096, 4096)), 500);
        assert_eq!(batch_size(&core(100, 4096)), 100);
        assert_eq!(batch_size(&core(0, 0)), 50);
        let (request, _) = folder_batch("A1", "t", 0, 100);
        let json = serde_json::to_value(request).unwrap();
        assert_eq!(
            json["methodCalls"][0][1],
            json!({"accountId": "A1", "filter": {"inMailbox": "t"}, "position": 0, "limit": 100})
        );
        assert_eq!(json["methodCalls"][1][1]["#ids"]["path"], "/ids");
    }

    #[test]
    fn clearing_moves_to_trash_or_destroys_and_keeps_mail_filed_elsewhere() {
        let answer = response(
            r#"{"sessionState":"0","methodResponses":[["Email/query",{"accountId":"A1","queryState":"q","ids":["M1","M2"],"position":0},"c0"],
            ["Email/get",{"accountId":"A1","state":"s","list":[{"id":"M1","mailboxIds":{"a":true}},{"id":"M2","mailboxIds":{"a":true,"r":true}}],"notFound":[]},"c1"]]}"#,
        );
        let (_, calls) = folder_batch("A1", "a", 0, 50);
        let batch = read_folder_batch(&answer, &calls, "a").unwrap();
        assert_eq!(
            batch,
            [BatchMessage { id: "M1".into(), elsewhere: false }, BatchMessage { id: "M2".into(), elsewhere: true }]
        );
        let (to_trash, _) = clear_batch("A1", "a", &batch, Some("t"));
        assert_eq!(
            serde_json::to_value(to_trash).unwrap()["methodCalls"][0][1],
            json!({"accountId": "A1", "update": {"M1": {"mailboxIds/a": null, "mailboxIds/t": true}, "M2": {"mailboxIds/a": null}}})
        );
        let (emptying, call) = clear_batch("A1", "a", &batch, None);
        assert_eq!(
            serde_json::to_value(emptying).unwrap()["methodCalls"][0][1],
            json!({"accountId": "A1", "update": {"M2": {"mailboxIds/a": null}}, "destroy": ["M1"]})
        );
        let done = response(
            r#"{"sessionState":"0","methodResponses":[["Email/set",{"accountId":"A1","newState":"2","updated":{"M2":null},"destroyed":["M1"]},"c0"]]}"#,
        );
        assert_eq!(read_clear_batch(&done, &call), Ok(2));
    }
}
