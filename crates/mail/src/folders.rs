//! The order and nesting of mailboxes in the sidebar: the system folders by role (Inbox,
//! Drafts, Sent, Archive, Junk, Trash, in that order), then the user's own folders, nested,
//! by their `sortOrder` then name (ignoring case and accents, as French readers expect).

use std::cmp::Ordering;
use std::collections::HashMap;

/// The roles shown first, in this order (RFC 8621 §2, IANA mailbox roles).
pub const ROLE_ORDER: [&str; 6] = ["inbox", "drafts", "sent", "archive", "junk", "trash"];

/// What the sidebar needs to know of a mailbox.
pub trait FolderSource {
    /// The mailbox id.
    fn id(&self) -> &str;
    /// Its name (the last component, not a path).
    fn name(&self) -> &str;
    /// Its parent's id, if nested.
    fn parent_id(&self) -> Option<&str>;
    /// Its role (`"inbox"`, `"sent"`…), if any.
    fn role(&self) -> Option<&str>;
    /// The server's sort hint (lower first).
    fn sort_order(&self) -> u32;
}

/// One line of the sidebar: which mailbox, how deep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderRow {
    /// Index of the mailbox in the slice given to [`sidebar_rows`].
    pub index: usize,
    /// 0 for top level, 1 for a child, etc.
    pub depth: usize,
}

fn role_rank(role: Option<&str>) -> usize {
    role.and_then(|r| ROLE_ORDER.iter().position(|known| *known == r)).unwrap_or(ROLE_ORDER.len())
}

/// A sort key that ignores case and the common French accents (one rule for every area:
/// [`facteur_kit::text::fold`]).
pub fn collation_key(name: &str) -> String {
    facteur_kit::text::fold(name)
}

fn compare<M: FolderSource>(a: &M, b: &M) -> Ordering {
    role_rank(a.role())
        .cmp(&role_rank(b.role()))
        .then(a.sort_order().cmp(&b.sort_order()))
        .then_with(|| collation_key(a.name()).cmp(&collation_key(b.name())))
        .then_with(|| a.name().cmp(b.name()))
}

/// Orders mailboxes for the sidebar, depth-first, each level sorted as described in the
/// module documentation. A mailbox whose parent is unknown is shown at the top level, so
/// nothing the server sends is ever hidden.
///
/// ```
/// use facteur_mail::{folders::sidebar_rows, mailbox::Folder};
/// let boxes = vec![
///     Folder::new("t", "Trash", None, Some("trash")),
///     Folder::new("c", "Classes", None, None),
///     Folder::new("i", "Inbox", None, Some("inbox")),
///     Folder::new("b", "2nde B", Some("c"), None),
/// ];
/// let order: Vec<_> = sidebar_rows(&boxes).iter().map(|r| (boxes[r.index].id.as_str(), r.depth)).collect();
/// assert_eq!(order, [("i", 0), ("t", 0), ("c", 0), ("b", 1)]);
/// ```
pub fn sidebar_rows<M: FolderSource>(mailboxes: &[M]) -> Vec<FolderRow> {
    let ids: HashMap<&str, usize> = mailboxes.iter().enumerate().map(|(i, m)| (m.id(), i)).collect();
    let mut children: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (i, m) in mailboxes.iter().enumerate() {
        let parent = m.parent_id().and_then(|p| ids.get(p).copied()).filter(|&p| p != i);
        children.entry(parent).or_default().push(i);
    }
    for list in children.values_mut() {
        list.sort_by(|&a, &b| compare(&mailboxes[a], &mailboxes[b]));
    }
    let mut rows = Vec::with_capacity(mailboxes.len());
    let mut stack: Vec<(usize, usize)> =
        children.get(&None).map(|top| top.iter().rev().map(|&i| (i, 0)).collect()).unwrap_or_default();
    let mut seen = vec![false; mailboxes.len()];
    while let Some((index, depth)) = stack.pop() {
        if std::mem::replace(&mut seen[index], true) {
            continue;
        }
        rows.push(FolderRow { index, depth });
        if let Some(kids) = children.get(&Some(index)) {
            stack.extend(kids.iter().rev().map(|&k| (k, depth + 1)));
        }
    }
    // Parent cycles (a server bug) would leave mailboxes unreachable: show them at the end.
    for (index, done) in seen.iter().enumerate() {
        if !done {
            rows.push(FolderRow { index, depth: 0 });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mailbox::Folder;

    fn order(boxes: &[Folder]) -> Vec<(String, usize)> {
        sidebar_rows(boxes).iter().map(|r| (boxes[r.index].name.clone(), r.depth)).collect()
    }

    #[test]
    fn system_folders_come_first_in_role_order() {
        let boxes: Vec<_> = ["trash", "junk", "archive", "sent", "drafts", "inbox"]
            .iter()
            .map(|r| Folder::new(r, r, None, Some(r)))
            .chain([Folder::new("a", "Administration", None, None)])
            .collect();
        let names: Vec<_> = order(&boxes).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["inbox", "drafts", "sent", "archive", "junk", "trash", "Administration"]);
    }

    #[test]
    fn own_folders_sort_ignoring_case_and_accents_and_nest() {
        let boxes = vec![
            Folder::new("s", "Sorties scolaires", None, None),
            Folder::new("e", "élèves", None, None),
            Folder::new("c", "Classes", None, None),
            Folder::new("c2", "1re STMG", Some("c"), None),
            Folder::new("c1", "2nde B", Some("c"), None),
            Folder::new("x", "Conseils", None, None),
            Folder::new("i", "Inbox", None, Some("inbox")),
        ];
        assert_eq!(
            order(&boxes),
            [
                ("Inbox".to_string(), 0),
                ("Classes".into(), 0),
                ("1re STMG".into(), 1),
                ("2nde B".into(), 1),
                ("Conseils".into(), 0),
                ("élèves".into(), 0),
                ("Sorties scolaires".into(), 0),
            ]
        );
    }

    #[test]
    fn sort_order_wins_over_name_and_orphans_and_cycles_are_kept() {
        let mut a = Folder::new("a", "Aaa", None, None);
        a.sort_order = 5;
        let boxes = vec![
            a,
            Folder::new("b", "Bbb", None, None),
            Folder::new("o", "Orphan", Some("missing"), None),
            Folder::new("p", "P", Some("q"), None),
            Folder::new("q", "Q", Some("p"), None),
        ];
        let rows = order(&boxes);
        assert_eq!(rows.len(), 5, "nothing is hidden: {rows:?}");
        assert_eq!(rows[0].0, "Bbb");
        assert_eq!(rows[1].0, "Orphan");
        assert_eq!(rows[2].0, "Aaa");
    }
}
