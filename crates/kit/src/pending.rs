//! Changes the user made that are shown at once, over the server's version, until the server
//! answers: one ordered, serialisable queue for every type (mark as read, move to a folder,
//! delete, flag…), which the offline mode persists and replays in order.
//!
//! A [`PendingChange`] touches objects of one JMAP type. Each object gets an [`Edit`]: a JMAP
//! patch (RFC 8620 §5.3: property path → new value, `null` removes), which is both what the
//! record shows ([`crate::store::Record::apply_patch`]) and what the `/set` sends, or a destroy.
//! A change may also hide its objects from open queries (a move out of the folder shown, a
//! delete): [`crate::store::Store::visible_query`] leaves them out.
//!
//! The store's reads ([`crate::store::Store::get`]) are the server's version with the queue
//! applied in order, so a newer server version brought by a sync is shown with the pending
//! patches over it (a conflict resolves to "the server's fields, then mine"), and a change the
//! server refuses disappears by being dropped: nothing to roll back by hand. A change is
//! confirmed when the server's `/set` says the object was updated or destroyed (not later, when
//! a sync brings the new state): the patch is then applied to the held server version so the
//! view does not flicker back, and the change leaves the queue.
//!
//! ```
//! use facteur_kit::pending::{apply_json_patch, inverse_json_patch, patch};
//! use serde_json::json;
//!
//! let mut email = json!({"id": "m1", "keywords": {"$flagged": true}});
//! let read = patch([("keywords/$seen", json!(true))]);
//! let undo = inverse_json_patch(&email, &read); // what puts it back: remove `$seen`
//! apply_json_patch(&mut email, &read);
//! assert_eq!(email["keywords"], json!({"$flagged": true, "$seen": true}));
//! apply_json_patch(&mut email, &undo);
//! assert_eq!(email, json!({"id": "m1", "keywords": {"$flagged": true}}));
//! ```

use facteur_jmap::{PatchObject, SetError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// Identifies a pending change in its queue (increasing: later changes have larger ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ChangeId(pub u64);

/// What a change does to one object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Edit {
    /// A `/set` create of this object (its JMAP properties; the change's object id is the
    /// creation id until the server gives its own).
    Create(Value),
    /// A `/set` update with this patch.
    Update(PatchObject),
    /// A `/set` destroy.
    Destroy,
}

/// One change waiting for the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingChange {
    /// Its id in the queue.
    pub id: ChangeId,
    /// The JMAP type of the objects (`Email`…).
    pub type_name: String,
    /// Object id → what happens to it.
    pub edits: BTreeMap<String, Edit>,
    /// Object id → the patch that puts back what the user saw before (for undo).
    pub inverse: BTreeMap<String, PatchObject>,
    /// The keys of the open queries its objects leave (a move out of the folder shown).
    pub hide_from: Vec<String>,
    /// The change this one undoes: that one's hiding no longer applies.
    pub undoes: Option<ChangeId>,
    /// Whether its `/set` went to the server (and no answer came back yet).
    pub sent: bool,
}

impl PendingChange {
    /// The ids of the objects it touches.
    pub fn object_ids(&self) -> impl Iterator<Item = &str> {
        self.edits.keys().map(String::as_str)
    }
}

/// A change as a screen asks for it, before it is queued ([`crate::store::Store::change`]).
///
/// ```
/// use facteur_kit::pending::{patch, ChangeRequest, Edit};
/// use serde_json::json;
/// // "Move to Archive" from the inbox list: one patch for each message, and out of the list.
/// let mv = patch([("mailboxIds/inbox", json!(null)), ("mailboxIds/archive", json!(true))]);
/// let request = ChangeRequest::new("Email").update_all(["m1", "m2"], mv.clone()).hide_from("inbox");
/// assert_eq!(request.edits["m2"], Edit::Update(mv));
/// assert_eq!(request.hide_from, ["inbox"]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRequest {
    /// The JMAP type.
    pub type_name: String,
    /// Object id → edit.
    pub edits: BTreeMap<String, Edit>,
    /// Query keys the objects leave.
    pub hide_from: Vec<String>,
}

impl ChangeRequest {
    /// A change of objects of `type_name`, touching nothing yet.
    pub fn new(type_name: &str) -> Self {
        ChangeRequest { type_name: type_name.into(), edits: BTreeMap::new(), hide_from: Vec::new() }
    }
    /// Patches one object.
    pub fn update(mut self, id: &str, patch: PatchObject) -> Self {
        self.edits.insert(id.into(), Edit::Update(patch));
        self
    }
    /// Patches these objects alike.
    pub fn update_all<'a>(mut self, ids: impl IntoIterator<Item = &'a str>, patch: PatchObject) -> Self {
        for id in ids {
            self.edits.insert(id.into(), Edit::Update(patch.clone()));
        }
        self
    }
    /// Creates an object under the creation id `id` (shown at once under that id; held under
    /// the server's id once it confirms).
    pub fn create(mut self, id: &str, object: Value) -> Self {
        self.edits.insert(id.into(), Edit::Create(object));
        self
    }
    /// Destroys these objects (they leave every open query of their type at once).
    pub fn destroy<'a>(mut self, ids: impl IntoIterator<Item = &'a str>) -> Self {
        for id in ids {
            self.edits.insert(id.into(), Edit::Destroy);
        }
        self
    }
    /// The objects leave the open query `key` at once.
    pub fn hide_from(mut self, key: &str) -> Self {
        self.hide_from.push(key.into());
        self
    }
}

/// The server refused one object of a change: the change no longer applies to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// The change.
    pub change: ChangeId,
    /// The JMAP type.
    pub type_name: String,
    /// The object.
    pub id: String,
    /// Why (`forbidden`, `notFound`, `overQuota`…), to say in words.
    pub error: SetError,
    /// What was refused (a creation's properties name what it was).
    pub edit: Option<Edit>,
}

/// What cannot be done with a change.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PendingError {
    /// No such change in the queue (confirmed or refused since).
    #[error("no pending change {0:?}")]
    UnknownChange(ChangeId),
    /// The type is not registered in the store.
    #[error("the type {0} is not registered")]
    UnknownType(String),
    /// A destroy or a creation already sent cannot be undone.
    #[error("change {0:?} destroys or creates objects on the server: it cannot be undone")]
    NotUndoable(ChangeId),
    /// The change touches nothing.
    #[error("the change touches no object")]
    Empty,
}

/// The ordered queue of pending changes; serialise it to keep it across reloads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingQueue {
    next: u64,
    changes: Vec<PendingChange>,
}

impl PendingQueue {
    /// The changes, oldest first.
    pub fn changes(&self) -> &[PendingChange] {
        &self.changes
    }
    /// How many changes wait.
    pub fn len(&self) -> usize {
        self.changes.len()
    }
    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
    /// One change.
    pub fn find(&self, id: ChangeId) -> Option<&PendingChange> {
        self.changes.iter().find(|c| c.id == id)
    }
    /// The changes touching one object, in order.
    pub fn for_object<'a>(&'a self, type_name: &'a str, id: &'a str) -> impl Iterator<Item = &'a PendingChange> {
        self.changes.iter().filter(move |c| c.type_name == type_name && c.edits.contains_key(id))
    }
    /// The ids of objects of `type_name` some change touches (kept in memory while it waits).
    pub fn touched(&self, type_name: &str) -> HashSet<&str> {
        self.changes.iter().filter(|c| c.type_name == type_name).flat_map(PendingChange::object_ids).collect()
    }
    /// The ids hidden from the query `key` of objects of `type_name`: those a change destroys,
    /// and the objects of changes listing the query (unless a later change undoes that one).
    pub fn hidden(&self, type_name: &str, key: &str) -> HashSet<&str> {
        let undone: HashSet<ChangeId> = self.changes.iter().filter_map(|c| c.undoes).collect();
        let mut hidden: HashSet<&str> = self
            .changes
            .iter()
            .filter(|c| !undone.contains(&c.id) && c.hide_from.iter().any(|k| k == key))
            .flat_map(PendingChange::object_ids)
            .collect();
        for change in self.changes.iter().filter(|c| c.type_name == type_name) {
            hidden.extend(change.edits.iter().filter(|(_, e)| **e == Edit::Destroy).map(|(id, _)| id.as_str()));
        }
        hidden
    }
    /// The objects of `type_name` a change creates (creation id, properties), in order.
    pub fn created<'a>(&'a self, type_name: &'a str) -> impl Iterator<Item = (&'a str, &'a Value)> {
        self.changes.iter().filter(move |c| c.type_name == type_name).flat_map(|c| {
            c.edits.iter().filter_map(|(id, e)| match e {
                Edit::Create(object) => Some((id.as_str(), object)),
                _ => None,
            })
        })
    }
    /// After a reload from persistence: whether the server got the changes sent is unknown, so
    /// they are sent again (a patch applied twice gives the same object).
    pub fn mark_all_unsent(&mut self) {
        for change in &mut self.changes {
            change.sent = false;
        }
    }

    pub(crate) fn push(
        &mut self,
        request: ChangeRequest,
        inverse: BTreeMap<String, PatchObject>,
        undoes: Option<ChangeId>,
    ) -> ChangeId {
        let id = ChangeId(self.next);
        self.next += 1;
        let ChangeRequest { type_name, edits, hide_from } = request;
        self.changes.push(PendingChange { id, type_name, edits, inverse, hide_from, undoes, sent: false });
        id
    }
    pub(crate) fn remove(&mut self, id: ChangeId) -> Option<PendingChange> {
        let at = self.changes.iter().position(|c| c.id == id)?;
        Some(self.changes.remove(at))
    }
    pub(crate) fn get_mut(&mut self, id: ChangeId) -> Option<&mut PendingChange> {
        self.changes.iter_mut().find(|c| c.id == id)
    }
    pub(crate) fn unsent_ids(&self) -> Vec<ChangeId> {
        self.changes.iter().filter(|c| !c.sent).map(|c| c.id).collect()
    }
    /// Drops the objects `done` from a change (confirmed or refused); drops the change when
    /// nothing is left, else marks it to be sent again.
    pub(crate) fn settle(&mut self, id: ChangeId, done: &HashSet<String>) {
        if let Some(change) = self.get_mut(id) {
            change.edits.retain(|object, _| !done.contains(object));
            change.inverse.retain(|object, _| !done.contains(object));
            change.sent = false;
            if change.edits.is_empty() {
                self.remove(id);
            }
        }
    }
}

/// A patch from (path, value) pairs.
pub fn patch<'a>(entries: impl IntoIterator<Item = (&'a str, Value)>) -> PatchObject {
    entries.into_iter().map(|(path, value)| (path.to_string(), value)).collect()
}

/// The components of a patch path: `/`-separated, with `~1` for `/` and `~0` for `~` (RFC 6901).
fn components(path: &str) -> Vec<String> {
    path.split('/').map(|c| c.replace("~1", "/").replace("~0", "~")).collect()
}

/// Applies a JMAP patch to an object's JSON: each path gets its value (missing objects on the
/// way are created), `null` removes the property.
pub fn apply_json_patch(object: &mut Value, patch: &PatchObject) {
    for (path, value) in patch {
        let parts = components(path);
        let Some((last, parents)) = parts.split_last() else { continue };
        let mut at = &mut *object;
        for part in parents {
            if !at.is_object() {
                *at = Value::Object(Default::default());
            }
            let map = at.as_object_mut().expect("an object");
            at = map.entry(part.clone()).or_insert_with(|| Value::Object(Default::default()));
        }
        if !at.is_object() {
            *at = Value::Object(Default::default());
        }
        let map = at.as_object_mut().expect("an object");
        if value.is_null() {
            map.remove(last);
        } else {
            map.insert(last.clone(), value.clone());
        }
    }
}

/// The patch that undoes `patch` on `object`: each path gets back its value before (`null`
/// where there was none).
pub fn inverse_json_patch(object: &Value, patch: &PatchObject) -> PatchObject {
    patch
        .keys()
        .map(|path| {
            let before = components(path).iter().try_fold(object, |at, part| at.get(part)).cloned();
            (path.clone(), before.unwrap_or(Value::Null))
        })
        .collect()
}
