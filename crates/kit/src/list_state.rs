//! The message list of a large folder: which ids sit at which positions, which rows to render,
//! and what is selected.
//!
//! A folder may hold 100,000 mails. The list keeps only their ids by position (sparse: pages are
//! loaded as the user scrolls, each page being one JMAP request), renders fewer than 100 rows
//! ([`VirtualWindow`]), follows the server with `Email/queryChanges` and `Email/changes` without
//! refetching ([`ListState::apply_query_changes`], [`ListState::apply_changes`]), and lets the
//! user select rows, or the whole folder including rows never loaded ([`Selection`]).
//!
//! ```
//! use facteur_kit::list_state::{ListState, VirtualWindow};
//!
//! let mut list = ListState::new();
//! // Nothing known yet: ask for the first page.
//! assert_eq!(list.missing(0..20, 50), Some((0, 50)));
//! let ids: Vec<String> = (0..50).map(|i| format!("M{i}")).collect();
//! list.apply_page(0, ids, 100_000, "q1");
//! // The user scrolled to row 70: one more page of 50, at 50.
//! let rows = VirtualWindow { scroll_top: 70.0 * 48.0, viewport_height: 900.0, row_height: 48.0, total: list.total(), overscan: 10 };
//! assert_eq!(rows.range(), 60..100);
//! assert_eq!(list.missing(rows.range(), 50), Some((50, 50)));
//! ```

use facteur_jmap::{ChangesResponse, QueryChangesResponse, QueryResponse};
use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

/// The ids of one query (folder or search, sort, threaded or not), by position.
///
/// Positions not loaded yet are unknown (`None`); the vector stops at the last known position,
/// so a folder of 100,000 mails where 200 are loaded costs 200 slots, and a fully loaded one
/// about 100,000 × 24 bytes plus the ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    /// The number of results as the server's answers give it (its `total`, or where a short
    /// page ended the results).
    total: usize,
    /// The most results there can be, known from elsewhere than the query's answers
    /// ([`ListState::set_bound`]).
    bound: Option<usize>,
    ids: Vec<Option<String>>,
    query_state: Option<String>,
    can_calculate_changes: bool,
    /// Ids removed here ([`ListState::remove_ids`]) that the server has not yet reported removed.
    pending_removals: HashSet<String>,
}

/// A copy of a [`ListState`] taken before an optimistic change, to roll it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListSnapshot(ListState);

/// What an `Email/queryChanges` did to the list, for the UI.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryChangesSummary {
    /// Loaded rows that left the query (and were not put back elsewhere), in the order reported.
    pub removed: Vec<String>,
    /// Ids new to the list (added and not held before: not merely moved; a row moved up from a
    /// stretch not loaded counts as arrived), in index order.
    pub arrived: Vec<String>,
    /// Among `arrived`, those now at the very top (the added indexes run from 0 without a gap up
    /// to them): "3 new messages" when the user has scrolled down.
    pub new_at_top: Vec<String>,
    /// Some removed id was in a stretch not loaded, so positions from here on could no longer be
    /// trusted and were forgotten (they load again as the user scrolls there).
    pub forgotten_from: Option<usize>,
}

impl QueryChangesSummary {
    /// Nothing visible changed.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.arrived.is_empty() && self.forgotten_from.is_none()
    }
}

/// Why an `Email/queryChanges` answer cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryChangesError {
    /// The changes start from another state than the one held: load the list again.
    #[error("the changes start from query state {from}, the list holds {held:?}")]
    StateMismatch {
        /// The state of the list.
        held: Option<String>,
        /// The `oldQueryState` of the answer.
        from: String,
    },
}

/// What an `Email/changes` means for the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmailChangesEffect {
    /// How many loaded rows were destroyed (and removed at once).
    pub removed: usize,
    /// Loaded ids whose row must be fetched again (`Email/get` of these ids).
    pub refresh: Vec<String>,
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl ListState {
    /// An empty list: no state, nothing loaded, total 0.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of results of the query (loaded or not): what the server's answers say,
    /// within the bound when one is set ([`ListState::set_bound`]).
    pub fn total(&self) -> usize {
        self.bound.map_or(self.total, |bound| bound.min(self.total))
    }

    /// Bounds the results by a count known from elsewhere than the query's answers (`None`:
    /// none): a folder's list of conversations has at most the folder's `totalThreads` rows
    /// (RFC 8621 §2), whatever the `Email/query` says (Stalwart 0.16 gives, with
    /// `collapseThreads`, the number of emails). [`ListState::total`], the rows shown and the
    /// pages asked stay within it; the answers are still read as the server gives them, so that
    /// its next `/queryChanges` totals fit what is held.
    ///
    /// ```
    /// use facteur_kit::list_state::ListState;
    /// let mut list = ListState::new();
    /// list.apply_page(0, (0..50).map(|i| i.to_string()).collect(), 100_000, "s1");
    /// list.set_bound(Some(83_862));
    /// assert_eq!(list.total(), 83_862);
    /// // A jump to the end asks the last conversations, not positions past them.
    /// assert_eq!(list.missing_pages(83_840..100_000, 50), [(83_800, 50), (83_850, 12)]);
    /// list.set_bound(None);
    /// assert_eq!(list.total(), 100_000);
    /// ```
    pub fn set_bound(&mut self, bound: Option<usize>) {
        self.bound = bound;
    }

    /// The query state the ids belong to.
    pub fn query_state(&self) -> Option<&str> {
        self.query_state.as_deref()
    }

    /// Whether the server can compute `Email/queryChanges` from this state.
    pub fn can_calculate_changes(&self) -> bool {
        self.can_calculate_changes
    }

    /// Stores one page: `ids` at `position` onwards, with the query's `total` and `query_state`.
    ///
    /// When `query_state` differs from the one held, everything held is discarded first (ids of
    /// two states must not be mixed) and `true` is returned.
    ///
    /// ```
    /// use facteur_kit::list_state::ListState;
    /// let mut list = ListState::new();
    /// assert!(!list.apply_page(0, vec!["a".into(), "b".into()], 10, "s1"));
    /// assert!(list.apply_page(2, vec!["c".into()], 10, "s2"), "another state: reset");
    /// assert_eq!((list.id_at(0), list.id_at(2), list.loaded_count()), (None, Some("c"), 1));
    /// ```
    pub fn apply_page(&mut self, position: usize, ids: Vec<String>, total: usize, query_state: &str) -> bool {
        let reset = self.query_state.as_deref().is_some_and(|held| held != query_state);
        if self.query_state.as_deref() != Some(query_state) {
            // The bound is not the query's: it stays.
            *self = Self { query_state: Some(query_state.to_string()), bound: self.bound, ..Self::default() };
        }
        let end = position.saturating_add(ids.len());
        if self.ids.len() < end {
            self.ids.resize(end, None);
        }
        for (slot, id) in self.ids[position..end].iter_mut().zip(ids) {
            *slot = Some(id);
        }
        self.total = total.max(end);
        self.ids.truncate(self.total);
        reset
    }

    /// Stores the answer to an `Email/query` (see [`ListState::apply_page`]); a missing `total`
    /// keeps the one known. Returns whether the list was reset.
    pub fn apply_query_response(&mut self, response: &QueryResponse) -> bool {
        let known = if self.query_state.as_deref() == Some(response.query_state.as_str()) { self.total } else { 0 };
        let total = response.total.map(to_usize).unwrap_or(known);
        let reset = self.apply_page(to_usize(response.position), response.ids.clone(), total, &response.query_state);
        self.can_calculate_changes = response.can_calculate_changes;
        reset
    }

    /// The one page request (`position`, `limit`) that loads the first unloaded row of `range`,
    /// its position rounded down to a multiple of `page_size` and its end clamped to the total;
    /// `None` when every row of `range` is loaded. Before any page, the total is unknown and the
    /// page is not clamped.
    ///
    /// ```
    /// use facteur_kit::list_state::ListState;
    /// let mut list = ListState::new();
    /// list.apply_page(0, (0..50).map(|i| i.to_string()).collect(), 120, "s");
    /// assert_eq!(list.missing(0..50, 50), None);
    /// assert_eq!(list.missing(40..110, 50), Some((50, 50)));
    /// assert_eq!(list.missing(110..140, 50), Some((100, 20)));
    /// ```
    pub fn missing(&self, range: Range<usize>, page_size: usize) -> Option<(usize, usize)> {
        let page_size = page_size.max(1);
        if self.query_state.is_none() {
            return (!range.is_empty()).then(|| (range.start / page_size * page_size, page_size));
        }
        let total = self.total();
        let end = range.end.min(total);
        let first = (range.start..end).find(|&p| self.id_at(p).is_none())?;
        let start = first / page_size * page_size;
        Some((start, page_size.min(total - start)))
    }

    /// Every page request (`position`, `limit`) needed to load the unloaded rows of `range`:
    /// pages aligned on `page_size`, clamped to the total, in order. A jump to the end of a
    /// 100,000-row folder gives one page (two when the window straddles a page boundary).
    ///
    /// ```
    /// use facteur_kit::list_state::ListState;
    /// let mut list = ListState::new();
    /// list.apply_page(0, (0..50).map(|i| i.to_string()).collect(), 1000, "s");
    /// assert_eq!(list.missing_pages(30..120, 50), [(50, 50), (100, 50)]);
    /// assert_eq!(list.missing_pages(980..1000, 50), [(950, 50)]);
    /// assert!(list.missing_pages(0..50, 50).is_empty());
    /// ```
    pub fn missing_pages(&self, range: Range<usize>, page_size: usize) -> Vec<(usize, usize)> {
        let page_size = page_size.max(1);
        let mut pages = Vec::new();
        let mut from = range.start;
        while from < range.end {
            let Some((start, limit)) = self.missing(from..range.end, page_size) else { break };
            pages.push((start, limit));
            from = start + page_size;
        }
        pages
    }

    /// Forgets every loaded position but keeps the query state, with a new total: after an
    /// action on the whole folder (the rows left are loaded again from the server).
    pub fn forget_all(&mut self, total: usize) {
        self.ids.clear();
        self.total = total;
    }

    /// Forgets the loaded ids outside `keep` (their rows are loaded again if the user scrolls
    /// back), except those `kept` says to keep (a selected row…), and returns the forgotten
    /// ids so that their rows can be dropped too: scrolling through a folder of 100,000 mails
    /// then holds a few thousand rows, not all of them.
    ///
    /// ```
    /// use facteur_kit::list_state::ListState;
    /// let mut list = ListState::new();
    /// list.apply_page(0, (0..10).map(|i| i.to_string()).collect(), 10, "s");
    /// let forgotten = list.forget_outside(3..6, |id| id == "8");
    /// assert_eq!(forgotten, ["0", "1", "2", "6", "7", "9"]);
    /// assert_eq!((list.id_at(2), list.id_at(3), list.id_at(8), list.loaded_count()), (None, Some("3"), Some("8"), 4));
    /// assert_eq!(list.missing(0..10, 5), Some((0, 5)), "forgotten rows are asked again");
    /// assert_eq!(list.total(), 10, "the total is kept");
    /// ```
    pub fn forget_outside(&mut self, keep: Range<usize>, kept: impl Fn(&str) -> bool) -> Vec<String> {
        let mut forgotten = Vec::new();
        for (position, slot) in self.ids.iter_mut().enumerate() {
            if keep.contains(&position) || slot.as_deref().is_none_or(&kept) {
                continue;
            }
            if let Some(id) = slot.take() {
                forgotten.push(id);
            }
        }
        // The vector stops at the last known position.
        while self.ids.last().is_some_and(Option::is_none) {
            self.ids.pop();
        }
        self.release_spare();
        forgotten
    }

    /// Gives back the room of positions no longer held (after a jump to the end of 100,000
    /// mails the vector spans them all, about 1 MB, and keeps that capacity when it shrinks).
    fn release_spare(&mut self) {
        if self.ids.capacity() > 2 * self.ids.len() + 1024 {
            self.ids.shrink_to_fit();
        }
    }

    /// The id at `position`, if loaded.
    pub fn id_at(&self, position: usize) -> Option<&str> {
        self.ids.get(position).and_then(|id| id.as_deref())
    }

    /// The position of a loaded id.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| i.as_deref() == Some(id))
    }

    /// How many positions are loaded.
    pub fn loaded_count(&self) -> usize {
        self.ids.iter().filter(|id| id.is_some()).count()
    }

    /// Whether every position of the query is loaded.
    pub fn is_fully_loaded(&self) -> bool {
        self.query_state.is_some()
            && self.ids.len() >= self.total()
            && self.ids[..self.total()].iter().all(Option::is_some)
    }

    /// The loaded ids, in order, with their positions.
    pub fn loaded(&self) -> impl Iterator<Item = (usize, &str)> {
        self.ids.iter().enumerate().filter_map(|(p, id)| id.as_deref().map(|id| (p, id)))
    }

    /// The rows of `range` (clamped to the total) with their id when loaded: what the list renders
    /// (a placeholder row for `None`).
    pub fn window(&self, range: Range<usize>) -> Vec<(usize, Option<&str>)> {
        let end = range.end.min(self.total());
        (range.start.min(end)..end).map(|p| (p, self.id_at(p))).collect()
    }

    /// Applies an `Email/queryChanges` answer (RFC 8620 §5.6): removes every `removed` id, then
    /// inserts each `added` id at its index, in index order; positions not known stay unknown and
    /// shift with the rest. The total and the query state become the new ones; an answer with
    /// nothing removed and nothing added keeps the total held (the results are the same ones),
    /// so that a total a short page proved is not undone by every poll.
    ///
    /// A removed id that is not loaded may have been in an unloaded stretch: when the totals show
    /// it was (or, without a total, could have been), the positions after the first unloaded one
    /// are forgotten, since they may have moved up ([`QueryChangesSummary::forgotten_from`]).
    ///
    /// ```
    /// use facteur_jmap::{AddedItem, QueryChangesResponse};
    /// use facteur_kit::list_state::ListState;
    /// let mut list = ListState::new();
    /// list.apply_page(0, vec!["a".into(), "b".into(), "c".into()], 3, "s1");
    /// let changes = QueryChangesResponse {
    ///     account_id: "A".into(), old_query_state: "s1".into(), new_query_state: "s2".into(), total: Some(3),
    ///     removed: vec!["b".into()], added: vec![AddedItem { id: "n".into(), index: 0 }],
    /// };
    /// let summary = list.apply_query_changes(&changes).unwrap();
    /// assert_eq!(list.window(0..3), [(0, Some("n")), (1, Some("a")), (2, Some("c"))]);
    /// assert_eq!((summary.removed, summary.new_at_top), (vec!["b".to_string()], vec!["n".to_string()]));
    /// ```
    pub fn apply_query_changes(
        &mut self,
        changes: &QueryChangesResponse,
    ) -> Result<QueryChangesSummary, QueryChangesError> {
        if self.query_state.as_deref() != Some(changes.old_query_state.as_str()) {
            return Err(QueryChangesError::StateMismatch {
                held: self.query_state.clone(),
                from: changes.old_query_state.clone(),
            });
        }
        let had_holes = !self.is_fully_loaded();
        let removed: HashSet<&str> = changes.removed.iter().map(String::as_str).collect();
        let added_ids: HashSet<&str> = changes.added.iter().map(|a| a.id.as_str()).collect();

        // Removal, in place (an added id still held elsewhere is taken out too, so it is never
        // there twice). A round without changes, every few seconds, allocates nothing.
        let mut located: Vec<String> = Vec::new();
        let mut held_added: HashSet<String> = HashSet::new();
        let before = self.ids.len();
        if !removed.is_empty() || !added_ids.is_empty() {
            self.ids.retain_mut(|slot| {
                let Some(id) = slot.take_if(|id| removed.contains(id.as_str()) || added_ids.contains(id.as_str()))
                else {
                    return true;
                };
                if removed.contains(id.as_str()) {
                    if added_ids.contains(id.as_str()) {
                        held_added.insert(id.clone());
                    }
                    located.push(id);
                } else {
                    held_added.insert(id);
                }
                false
            });
        }
        let dropped = before - self.ids.len();
        let unlocated = changes
            .removed
            .iter()
            .filter(|id| !located.contains(*id))
            .filter(|id| !self.pending_removals.remove(id.as_str()))
            .count();

        // Insertion, merged in one pass into a vector of the size needed (not of the capacity
        // held: after a jump to the end of a big folder that is the whole folder's).
        let mut added: Vec<_> = changes.added.iter().collect();
        added.sort_by_key(|a| a.index);
        let mut ids = std::mem::take(&mut self.ids);
        if !added.is_empty() {
            let mut old = std::mem::replace(&mut ids, Vec::with_capacity(before - dropped + added.len())).into_iter();
            for item in &added {
                while ids.len() < to_usize(item.index) {
                    ids.push(old.next().flatten());
                }
                ids.push(Some(item.id.clone()));
            }
            ids.extend(old);
        }

        let expected = self.total.saturating_sub(dropped) + added.len();
        let (total, certain) = match changes.total.map(to_usize) {
            // Nothing left the results and nothing entered them: the same results, so the same
            // total, whatever this answer counts (Stalwart 0.16 says, for a list of
            // conversations, the number of emails, which a short last page proved wrong).
            _ if changes.removed.is_empty() && changes.added.is_empty() => (self.total, true),
            Some(given) => {
                let total = given.saturating_sub(self.pending_removals.len());
                (total, total == expected)
            }
            None => (expected, unlocated == 0 || !had_holes),
        };
        ids.truncate(total);
        let mut forgotten_from = None;
        if !certain {
            let hole = ids.iter().position(Option::is_none).unwrap_or(ids.len());
            if ids[hole..].iter().any(Option::is_some) {
                forgotten_from = Some(hole);
            }
            ids.truncate(hole);
        }
        while ids.last().is_some_and(Option::is_none) {
            ids.pop();
        }
        self.ids = ids;
        self.release_spare();
        self.total = total;
        self.query_state = Some(changes.new_query_state.clone());

        let head = added.iter().enumerate().take_while(|(i, a)| to_usize(a.index) == *i).count();
        // New to the list: not held before. An added id the server also lists as removed is not
        // a move when it was not held: Stalwart lists every new mail in both.
        let is_new = |id: &str| !held_added.contains(id);
        Ok(QueryChangesSummary {
            removed: located.into_iter().filter(|id| !added_ids.contains(id.as_str())).collect(),
            arrived: added.iter().filter(|a| is_new(&a.id)).map(|a| a.id.clone()).collect(),
            new_at_top: added[..head].iter().filter(|a| is_new(&a.id)).map(|a| a.id.clone()).collect(),
            forgotten_from,
        })
    }

    /// Removes loaded ids at once (an optimistic move or delete: the rows disappear before the
    /// server answers); returns how many were there. Take a [`ListState::snapshot`] first to roll
    /// back on failure. The next `Email/queryChanges` reporting them removed is then expected.
    ///
    /// ```
    /// use facteur_kit::list_state::ListState;
    /// let mut list = ListState::new();
    /// list.apply_page(0, vec!["a".into(), "b".into(), "c".into()], 3, "s1");
    /// let before = list.snapshot();
    /// assert_eq!(list.remove_ids(&["b".to_string()]), 1);
    /// assert_eq!((list.id_at(1), list.total()), (Some("c"), 2));
    /// list.restore(before); // the server refused the move
    /// assert_eq!((list.id_at(1), list.total()), (Some("b"), 3));
    /// ```
    pub fn remove_ids(&mut self, ids: &[String]) -> usize {
        let gone: HashSet<&str> = ids.iter().map(String::as_str).collect();
        let before = self.ids.len();
        let pending = &mut self.pending_removals;
        self.ids.retain(|slot| match slot {
            Some(id) if gone.contains(id.as_str()) => {
                pending.insert(id.clone());
                false
            }
            _ => true,
        });
        let removed = before - self.ids.len();
        self.total -= removed;
        // They were among the results the bound counts.
        self.bound = self.bound.map(|bound| bound.saturating_sub(removed));
        removed
    }

    /// The list as shown while the loaded ids `hidden` are on their way out (a pending move or
    /// delete): without them, and the total less as many. Nothing waits for the server to report
    /// them removed: the list itself is unchanged.
    ///
    /// ```
    /// use facteur_kit::list_state::ListState;
    /// use std::collections::HashSet;
    /// let mut list = ListState::new();
    /// list.apply_page(0, vec!["a".into(), "b".into(), "c".into()], 10, "s1");
    /// let shown = list.hiding(&HashSet::from(["b", "x"]));
    /// assert_eq!((shown.id_at(1), shown.total(), shown.position_of("c")), (Some("c"), 9, Some(1)));
    /// assert_eq!(list.id_at(1), Some("b"));
    /// ```
    pub fn hiding(&self, hidden: &HashSet<&str>) -> ListState {
        let ids: Vec<Option<String>> =
            self.ids.iter().filter(|slot| !slot.as_deref().is_some_and(|id| hidden.contains(id))).cloned().collect();
        let gone = self.ids.len() - ids.len();
        ListState { total: self.total().saturating_sub(gone), bound: None, ids, ..self.clone_without_ids() }
    }

    fn clone_without_ids(&self) -> ListState {
        ListState {
            total: self.total,
            bound: self.bound,
            ids: Vec::new(),
            query_state: self.query_state.clone(),
            can_calculate_changes: self.can_calculate_changes,
            pending_removals: self.pending_removals.clone(),
        }
    }

    /// A copy to roll back to.
    pub fn snapshot(&self) -> ListSnapshot {
        ListSnapshot(self.clone())
    }

    /// Puts back a snapshot. Its ids and query state belong together, so if changes arrived
    /// since, the next `Email/queryChanges` from the snapshot's state brings them again.
    pub fn restore(&mut self, snapshot: ListSnapshot) {
        *self = snapshot.0;
    }

    /// Applies an `Email/changes` answer: destroyed loaded rows go at once (as
    /// [`ListState::remove_ids`]); updated loaded rows are returned to fetch again. Created emails
    /// enter the list through `Email/queryChanges`, which knows their position.
    pub fn apply_changes(&mut self, changes: &ChangesResponse) -> EmailChangesEffect {
        let removed = self.remove_ids(&changes.destroyed);
        let updated: HashSet<&str> = changes.updated.iter().map(String::as_str).collect();
        let refresh = self.loaded().filter(|(_, id)| updated.contains(id)).map(|(_, id)| id.to_string()).collect();
        EmailChangesEffect { removed, refresh }
    }
}

/// Which rows of a long list to put in the page (virtual scrolling): the rest is two spacers.
///
/// At most [`VirtualWindow::viewport_rows`] `+ 2 × overscan` rows are rendered: with a viewport
/// of at most 2000 px, rows of at least 44 px and an overscan of 10, that is at most
/// ⌈2000 / 44⌉ + 1 + 20 = 67 rows, under 100 whatever the total. 100,000 rows of 44 px make a
/// 4,400,000 px tall list, within what browsers lay out.
///
/// ```
/// use facteur_kit::list_state::VirtualWindow;
/// let w = VirtualWindow { scroll_top: 44_000.0, viewport_height: 880.0, row_height: 44.0, total: 100_000, overscan: 10 };
/// assert_eq!(w.range(), 990..1031);
/// assert_eq!((w.spacer_before(), w.spacer_after()), (990.0 * 44.0, (100_000.0 - 1031.0) * 44.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VirtualWindow {
    /// The scroll offset of the list, px.
    pub scroll_top: f64,
    /// The visible height of the list, px.
    pub viewport_height: f64,
    /// The height of one row, px.
    pub row_height: f64,
    /// The number of rows.
    pub total: usize,
    /// Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank.
    pub overscan: usize,
}

impl VirtualWindow {
    fn row(&self) -> f64 {
        if self.row_height.is_finite() && self.row_height >= 1.0 {
            self.row_height
        } else {
            1.0
        }
    }

    fn clean(px: f64) -> f64 {
        if px.is_finite() {
            px.max(0.0)
        } else {
            0.0
        }
    }

    /// The most rows the viewport can show at once, partly cut ones included.
    pub fn viewport_rows(&self) -> usize {
        (Self::clean(self.viewport_height) / self.row()).ceil() as usize + 1
    }

    /// The rows to render.
    pub fn range(&self) -> Range<usize> {
        let first = ((Self::clean(self.scroll_top) / self.row()).floor() as usize).min(self.total);
        let start = first.saturating_sub(self.overscan);
        let end = first.saturating_add(self.viewport_rows()).saturating_add(self.overscan).min(self.total);
        start..end
    }

    /// The height of the empty block before the rendered rows, px.
    pub fn spacer_before(&self) -> f64 {
        self.range().start as f64 * self.row()
    }

    /// The height of the empty block after the rendered rows, px.
    pub fn spacer_after(&self) -> f64 {
        (self.total - self.range().end) as f64 * self.row()
    }

    /// The height of the whole list, px.
    pub fn total_height(&self) -> f64 {
        self.total as f64 * self.row()
    }

    /// The scroll offset that brings row `index` into view with the least movement (unchanged
    /// when it is already wholly visible): for keyboard j/k.
    ///
    /// ```
    /// use facteur_kit::list_state::VirtualWindow;
    /// let w = VirtualWindow { scroll_top: 440.0, viewport_height: 440.0, row_height: 44.0, total: 1000, overscan: 10 };
    /// assert_eq!(w.scroll_top_for(12), 440.0); // visible already
    /// assert_eq!(w.scroll_top_for(20), 21.0 * 44.0 - 440.0); // below: its bottom at the bottom
    /// assert_eq!(w.scroll_top_for(3), 3.0 * 44.0); // above: its top at the top
    /// ```
    pub fn scroll_top_for(&self, index: usize) -> f64 {
        let current = Self::clean(self.scroll_top);
        if self.total == 0 {
            return 0.0;
        }
        let viewport = Self::clean(self.viewport_height);
        let top = index.min(self.total - 1) as f64 * self.row();
        let bottom = top + self.row();
        let wanted = if top < current {
            top
        } else if bottom > current + viewport {
            bottom - viewport
        } else {
            current
        };
        wanted.clamp(0.0, (self.total_height() - viewport).max(0.0))
    }
}

/// The rows the user selected: ids, or "all in this folder" (loaded or not) but some.
///
/// ```
/// use facteur_kit::list_state::{ListState, Selection, SelectionTarget};
/// let mut list = ListState::new();
/// list.apply_page(0, vec!["a".into(), "b".into()], 5000, "s");
/// let mut selection = Selection::new();
/// selection.select_all_in_query();
/// selection.toggle("b");
/// assert_eq!(selection.count(list.total()), 4999);
/// assert_eq!(selection.resolve(&list), SelectionTarget::WholeQuery { except: vec!["b".into()] });
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    ids: BTreeSet<String>,
    all_in_query: bool,
    except: BTreeSet<String>,
    anchor: Option<String>,
}

/// What a selection designates, for a move, delete or keyword change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectionTarget {
    /// These ids, in list order.
    Ids(Vec<String>),
    /// Every id of the query but these: fetch them first (`Email/query` with no limit, in pages),
    /// then [`SelectionTarget::into_ids`].
    WholeQuery {
        /// Ids unselected by the user.
        except: Vec<String>,
    },
}

impl SelectionTarget {
    /// The ids to act on, given all the ids of the query (used by `WholeQuery` only).
    pub fn into_ids(self, query_ids: impl IntoIterator<Item = String>) -> Vec<String> {
        match self {
            SelectionTarget::Ids(ids) => ids,
            SelectionTarget::WholeQuery { except } => {
                let except: HashSet<String> = except.into_iter().collect();
                query_ids.into_iter().filter(|id| !except.contains(id)).collect()
            }
        }
    }
}

impl Selection {
    /// Nothing selected.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether "all in this folder" is on.
    pub fn is_all_in_query(&self) -> bool {
        self.all_in_query
    }

    /// The last id toggled: where a shift-click range starts.
    pub fn anchor(&self) -> Option<&str> {
        self.anchor.as_deref()
    }

    /// Selects or unselects one row (ctrl-click, checkbox), which becomes the anchor.
    pub fn toggle(&mut self, id: &str) {
        let set = if self.all_in_query { &mut self.except } else { &mut self.ids };
        if !set.remove(id) {
            set.insert(id.to_string());
        }
        self.anchor = Some(id.to_string());
    }

    /// Selects the loaded rows from `from_id` to `to_id` (either order, both included; rows not
    /// loaded between them are skipped): shift-click. Without `from_id` in the list, only `to_id`
    /// is selected; without `to_id`, nothing. Returns how many rows the range covers.
    ///
    /// ```
    /// use facteur_kit::list_state::{ListState, Selection};
    /// let mut list = ListState::new();
    /// list.apply_page(0, vec!["a".into(), "b".into(), "c".into(), "d".into()], 4, "s");
    /// let mut selection = Selection::new();
    /// assert_eq!(selection.select_range(&list, "d", "b"), 3);
    /// assert!(selection.is_selected("c") && !selection.is_selected("a"));
    /// ```
    pub fn select_range(&mut self, list: &ListState, from_id: &str, to_id: &str) -> usize {
        let Some(to) = list.position_of(to_id) else { return 0 };
        let from = list.position_of(from_id).unwrap_or(to);
        let ids: Vec<&str> = list.window(from.min(to)..from.max(to) + 1).into_iter().filter_map(|(_, id)| id).collect();
        for id in &ids {
            if self.all_in_query {
                self.except.remove(*id);
            } else {
                self.ids.insert(id.to_string());
            }
        }
        ids.len()
    }

    /// Selects these rows (the header checkbox: every loaded row), keeping the rest.
    pub fn select_ids<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        for id in ids {
            if self.all_in_query {
                self.except.remove(id);
            } else {
                self.ids.insert(id.to_string());
            }
        }
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        !self.all_in_query && self.ids.is_empty()
    }

    /// Selects every row of the query, loaded or not.
    pub fn select_all_in_query(&mut self) {
        *self = Self { all_in_query: true, ..Self::default() };
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Drops ids that left the list (e.g. [`QueryChangesSummary::removed`]).
    pub fn forget(&mut self, ids: &[String]) {
        for id in ids {
            self.ids.remove(id);
            self.except.remove(id);
        }
    }

    /// How many rows are selected, out of `total` in the query.
    pub fn count(&self, total: usize) -> usize {
        if self.all_in_query {
            total.saturating_sub(self.except.len())
        } else {
            self.ids.len()
        }
    }

    /// Whether the row is selected.
    pub fn is_selected(&self, id: &str) -> bool {
        if self.all_in_query {
            !self.except.contains(id)
        } else {
            self.ids.contains(id)
        }
    }

    /// The ids to act on: `Ids` in list order (ids no longer loaded last), or, for "all in this
    /// folder" while rows are not loaded, `WholeQuery` (fetch the query's ids first). A fully
    /// loaded list gives `Ids` directly.
    pub fn resolve(&self, list: &ListState) -> SelectionTarget {
        if self.all_in_query {
            if !list.is_fully_loaded() {
                return SelectionTarget::WholeQuery { except: self.except.iter().cloned().collect() };
            }
            return SelectionTarget::Ids(
                list.loaded().filter(|(_, id)| !self.except.contains(*id)).map(|(_, id)| id.to_string()).collect(),
            );
        }
        let mut listed: Vec<String> =
            list.loaded().filter(|(_, id)| self.ids.contains(*id)).map(|(_, id)| id.to_string()).collect();
        let seen: HashSet<&str> = listed.iter().map(String::as_str).collect();
        let rest: Vec<String> = self.ids.iter().filter(|id| !seen.contains(id.as_str())).cloned().collect();
        listed.extend(rest);
        SelectionTarget::Ids(listed)
    }
}

/// A length for a style property, to the hundredth of a pixel (`1234.57px`).
///
/// Written with integers: formatting an `f64` brings the standard library's float printing
/// code into the wasm.
///
/// ```
/// use facteur_kit::list_state::css_px;
/// assert_eq!(css_px(4_400_000.0), "4400000.00px");
/// assert_eq!(css_px(44.125), "44.13px");
/// assert_eq!(css_px(-3.0), "0.00px");
/// ```
pub fn css_px(px: f64) -> String {
    let hundredths = (px.max(0.0) * 100.0).round() as u64;
    format!("{}.{:02}px", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use facteur_jmap::AddedItem;

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn changes(
        from: &str,
        to: &str,
        total: Option<u64>,
        removed: &[&str],
        added: &[(&str, u64)],
    ) -> QueryChangesResponse {
        QueryChangesResponse {
            account_id: "A".into(),
            old_query_state: from.into(),
            new_query_state: to.into(),
            total,
            removed: ids(removed),
            added: added.iter().map(|(id, index)| AddedItem { id: id.to_string(), index: *index }).collect(),
        }
    }

    fn shown(list: &ListState) -> Vec<Option<&str>> {
        list.window(0..list.total()).into_iter().map(|(_, id)| id).collect()
    }

    #[test]
    fn pages_fill_positions_and_missing_asks_for_the_holes() {
        let mut list = ListState::new();
        assert_eq!(list.missing(0..30, 50), Some((0, 50)));
        assert_eq!(list.missing(0..0, 50), None);
        list.apply_page(0, (0..50).map(|i| format!("M{i}")).collect(), 180, "s1");
        list.apply_page(100, (100..150).map(|i| format!("M{i}")).collect(), 180, "s1");
        assert_eq!((list.total(), list.loaded_count()), (180, 100));
        assert_eq!(list.missing(10..45, 50), None);
        assert_eq!(list.missing(30..120, 50), Some((50, 50)));
        assert_eq!(list.missing(120..400, 50), Some((150, 30)), "clamped to the total");
        assert_eq!(list.missing(170..400, 25), Some((150, 25)));
        assert_eq!(list.missing(200..300, 50), None, "beyond the total");
        assert_eq!(list.id_at(149), Some("M149"));
        assert_eq!(list.id_at(50), None);
        assert_eq!(list.position_of("M120"), Some(120));
        assert_eq!(list.position_of("M60"), None);
        assert_eq!(list.window(48..52), [(48, Some("M48")), (49, Some("M49")), (50, None), (51, None)]);
        assert_eq!(list.window(178..300), [(178, None), (179, None)]);
    }

    #[test]
    fn missing_pages_lists_each_page_once() {
        let mut list = ListState::new();
        assert_eq!(list.missing_pages(0..30, 50), [(0, 50)], "nothing known: the first page");
        assert_eq!(list.missing_pages(40..60, 50), [(0, 50), (50, 50)]);
        list.apply_page(0, (0..50).map(|i| format!("M{i}")).collect(), 100_000, "s1");
        list.apply_page(100, (100..150).map(|i| format!("M{i}")).collect(), 100_000, "s1");
        assert_eq!(list.missing_pages(10..160, 50), [(50, 50), (150, 50)]);
        assert_eq!(list.missing_pages(99_960..100_000, 50), [(99_950, 50)], "a jump to the end: one page");
        assert_eq!(list.missing_pages(99_940..100_000, 50), [(99_900, 50), (99_950, 50)]);
        assert!(list.missing_pages(100..150, 50).is_empty());
        list.forget_all(7);
        assert_eq!((list.total(), list.loaded_count(), list.query_state()), (7, 0, Some("s1")));
        assert_eq!(list.missing_pages(0..20, 50), [(0, 7)]);
    }

    #[test]
    fn header_checkbox_selects_loaded_rows() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c"]), 10, "s");
        let mut selection = Selection::new();
        assert!(selection.is_empty());
        selection.select_ids(list.loaded().map(|(_, id)| id));
        assert_eq!((selection.count(10), selection.is_empty()), (3, false));
        selection.select_all_in_query();
        selection.toggle("b");
        selection.select_ids(["b"]);
        assert_eq!(selection.count(10), 10);
        assert!(!selection.is_empty());
    }

    #[test]
    fn a_new_query_state_discards_everything() {
        let mut list = ListState::new();
        assert!(!list.apply_page(0, ids(&["a", "b"]), 4, "s1"));
        assert!(!list.apply_page(2, ids(&["c", "d"]), 4, "s1"));
        assert_eq!(list.loaded_count(), 4);
        assert!(list.apply_page(2, ids(&["x"]), 3, "s2"));
        assert_eq!(shown(&list), [None, None, Some("x")]);
        assert_eq!(list.query_state(), Some("s2"));
        assert_eq!(list.position_of("a"), None);
    }

    #[test]
    fn a_query_response_sets_state_total_and_can_calculate_changes() {
        let mut list = ListState::new();
        let response = QueryResponse {
            account_id: "A".into(),
            query_state: "q9".into(),
            can_calculate_changes: true,
            position: 2,
            ids: ids(&["c", "d"]),
            total: Some(7),
            limit: None,
        };
        assert!(!list.apply_query_response(&response));
        assert_eq!((list.total(), list.can_calculate_changes(), list.id_at(3)), (7, true, Some("d")));
    }

    #[test]
    fn query_changes_on_a_fully_loaded_list() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c", "d", "e"]), 5, "s1");
        // b read elsewhere and re-sorted (removed + added), d deleted, two new mails on top.
        let summary = list
            .apply_query_changes(&changes("s1", "s2", Some(6), &["b", "d"], &[("n1", 0), ("n2", 1), ("b", 4)]))
            .unwrap();
        assert_eq!(shown(&list), [Some("n1"), Some("n2"), Some("a"), Some("c"), Some("b"), Some("e")]);
        assert_eq!(list.query_state(), Some("s2"));
        assert_eq!(summary.removed, ids(&["d"]));
        assert_eq!(summary.arrived, ids(&["n1", "n2"]));
        assert_eq!(summary.new_at_top, ids(&["n1", "n2"]));
        assert_eq!(summary.forgotten_from, None);
    }

    #[test]
    fn query_changes_shift_positions_across_holes() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c"]), 10, "s1");
        list.apply_page(6, ids(&["g", "h"]), 10, "s1");
        // b removed (loaded), one mail new at the top, one at index 5 (into the hole).
        let summary = list.apply_query_changes(&changes("s1", "s2", Some(11), &["b"], &[("n", 0), ("m", 5)])).unwrap();
        assert_eq!(list.total(), 11);
        assert_eq!(
            shown(&list),
            [Some("n"), Some("a"), Some("c"), None, None, Some("m"), None, Some("g"), Some("h"), None, None]
        );
        assert_eq!(summary.new_at_top, ids(&["n"]));
        assert_eq!(summary.arrived, ids(&["n", "m"]));
        assert_eq!(list.missing(0..11, 4), Some((0, 4)), "the first hole is at 3");
    }

    #[test]
    fn an_added_index_beyond_the_loaded_part_stays_among_unknowns() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b"]), 100, "s1");
        list.apply_query_changes(&changes("s1", "s2", Some(101), &[], &[("z", 50)])).unwrap();
        assert_eq!((list.id_at(50), list.id_at(49), list.id_at(1), list.total()), (Some("z"), None, Some("b"), 101));
        assert_eq!(list.loaded_count(), 3);
    }

    #[test]
    fn a_removal_inside_a_hole_forgets_what_follows_it() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b"]), 6, "s1");
        list.apply_page(4, ids(&["e", "f"]), 6, "s1");
        // "c" or "d" (not loaded) went: e and f moved up by one, but we cannot know which went.
        let summary = list.apply_query_changes(&changes("s1", "s2", Some(5), &["x"], &[])).unwrap();
        assert_eq!(summary.forgotten_from, Some(2));
        assert_eq!(shown(&list), [Some("a"), Some("b"), None, None, None]);
        // An extra removed id that was not in the results (totals agree) changes nothing.
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b"]), 6, "s1");
        list.apply_page(4, ids(&["e", "f"]), 6, "s1");
        let summary = list.apply_query_changes(&changes("s1", "s2", Some(6), &["elsewhere"], &[])).unwrap();
        assert_eq!(summary.forgotten_from, None);
        assert_eq!(list.id_at(5), Some("f"));
    }

    #[test]
    fn without_a_total_an_unknown_removal_is_trusted_only_on_a_full_list() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c"]), 3, "s1");
        let summary = list.apply_query_changes(&changes("s1", "s2", None, &["zz"], &[("n", 0)])).unwrap();
        assert_eq!((summary.forgotten_from, list.total()), (None, 4));
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a"]), 3, "s1");
        list.apply_page(2, ids(&["c"]), 3, "s1");
        let summary = list.apply_query_changes(&changes("s1", "s2", None, &["zz"], &[])).unwrap();
        assert_eq!(summary.forgotten_from, Some(1));
        assert_eq!(shown(&list), [Some("a"), None, None]);
    }

    #[test]
    fn the_ids_take_the_room_of_what_is_held() {
        // A jump to the end of 100,000 mails: the vector spans them all.
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b"]), 100_000, "s1");
        list.apply_page(99_998, ids(&["y", "z"]), 100_000, "s1");
        let (at, room) = (list.ids.as_ptr(), list.ids.capacity());
        // The poll's round without changes, every few seconds: nothing allocated.
        list.apply_query_changes(&changes("s1", "s2", Some(100_000), &[], &[])).unwrap();
        assert_eq!((list.ids.as_ptr(), list.ids.capacity()), (at, room));
        // A removal is done in place.
        list.apply_query_changes(&changes("s2", "s3", Some(99_999), &["b"], &[])).unwrap();
        assert_eq!((list.ids.as_ptr(), list.id_at(99_997)), (at, Some("y")));
        // Far rows forgotten: their room goes too.
        list.forget_outside(0..10, |_| false);
        assert_eq!(shown(&list)[..2], [Some("a"), None]);
        assert!(list.ids.capacity() < 1024, "{} positions of room", list.ids.capacity());
        // An insertion asks the room needed, not the room held before.
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a"]), 100_000, "s1");
        list.apply_page(99_999, ids(&["z"]), 100_000, "s1");
        list.forget_outside(0..10, |_| false);
        list.ids.reserve_exact(200_000);
        list.apply_query_changes(&changes("s1", "s2", Some(100_001), &[], &[("n", 0)])).unwrap();
        assert_eq!(shown(&list)[..2], [Some("n"), Some("a")]);
        assert!(list.ids.capacity() < 1024, "{} positions of room", list.ids.capacity());
    }

    #[test]
    fn query_changes_that_change_nothing_keep_a_total_a_short_page_proved() {
        // Stalwart 0.16: a folder of 100,000 mails in 83,862 conversations, its collapsed
        // `Email/query` and `/queryChanges` saying 100,000. The last page, short, proved the end.
        let mut list = ListState::new();
        list.apply_page(0, (0..50).map(|i| format!("M{i}")).collect(), 100_000, "s1");
        list.apply_page(83_850, (83_850..83_862).map(|i| format!("M{i}")).collect(), 83_862, "s1");
        assert_eq!(list.total(), 83_862);
        // The poll's round, every 4 s: nothing removed, nothing added, the emails counted again.
        let summary = list.apply_query_changes(&changes("s1", "s2", Some(100_000), &[], &[])).unwrap();
        assert!(summary.is_empty());
        assert_eq!((list.total(), list.id_at(83_861), list.query_state()), (83_862, Some("M83861"), Some("s2")));
        assert_eq!(list.missing_pages(83_840..83_862, 50), [(83_800, 50)], "nothing asked past the end");
        // A small folder, 7 conversations of 11 mails: its first page said it all.
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c", "d", "e", "f", "g"]), 7, "s1");
        list.apply_query_changes(&changes("s1", "s2", Some(11), &[], &[])).unwrap();
        assert_eq!((list.total(), list.missing(0..20, 50)), (7, None));
        // A change is still counted as the server says.
        list.apply_query_changes(&changes("s2", "s3", Some(8), &[], &[("n", 0)])).unwrap();
        assert_eq!((list.total(), list.id_at(0), list.id_at(7)), (8, Some("n"), Some("g")));
    }

    #[test]
    fn a_bound_keeps_the_rows_and_the_pages_within_it() {
        let mut list = ListState::new();
        list.set_bound(Some(7));
        // The first page of a folder of 7 conversations, its query saying 11 (the emails).
        list.apply_page(0, ids(&["a", "b", "c", "d", "e"]), 11, "s1");
        assert_eq!(list.total(), 7);
        assert_eq!(list.missing(0..20, 5), Some((5, 2)), "the last page asks what the bound leaves");
        assert_eq!(list.window(0..20).len(), 7);
        assert!(!list.is_fully_loaded());
        list.apply_page(5, ids(&["f", "g"]), 11, "s1");
        assert!(list.is_fully_loaded() && list.missing(0..20, 5).is_none());
        // A page of another state empties the list, not the bound.
        list.apply_page(0, ids(&["a"]), 11, "s2");
        assert_eq!((list.total(), list.loaded_count()), (7, 1));
        list.apply_page(1, ids(&["b", "c", "d", "e", "f", "g"]), 11, "s2");
        // The server's next changes are read against what it said (11): a new conversation on
        // top is certain, nothing is forgotten; the bound, set again from the folder, follows.
        let summary = list.apply_query_changes(&changes("s2", "s3", Some(12), &[], &[("n", 0)])).unwrap();
        assert_eq!((summary.arrived, summary.forgotten_from), (ids(&["n"]), None));
        assert_eq!((list.total(), list.id_at(7)), (7, Some("g")), "within the bound until it moves");
        list.set_bound(Some(8));
        assert_eq!((list.total(), list.window(0..20).len(), list.id_at(7)), (8, 8, Some("g")));
        // Rows removed at once leave the bound too; the list as shown while some are hidden.
        assert_eq!(list.remove_ids(&ids(&["b"])), 1);
        assert_eq!((list.total(), list.id_at(2)), (7, Some("c")));
        let shown = list.hiding(&HashSet::from(["c"]));
        assert_eq!((shown.total(), shown.id_at(2), shown.window(0..20).len()), (6, Some("d"), 6));
        list.set_bound(None);
        assert_eq!(list.total(), 11);
    }

    #[test]
    fn query_changes_from_another_state_are_refused() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a"]), 1, "s1");
        let err = list.apply_query_changes(&changes("s0", "s2", Some(1), &[], &[])).unwrap_err();
        assert_eq!(err, QueryChangesError::StateMismatch { held: Some("s1".into()), from: "s0".into() });
        assert_eq!(list.query_state(), Some("s1"));
    }

    #[test]
    fn optimistic_removal_is_confirmed_by_query_changes_or_rolled_back() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c"]), 10, "s1");
        list.apply_page(6, ids(&["g"]), 10, "s1");
        let snapshot = list.snapshot();
        assert_eq!(list.remove_ids(&ids(&["b", "not-here"])), 1);
        assert_eq!((list.total(), list.id_at(1), list.id_at(5)), (9, Some("c"), Some("g")));
        // The server confirms: b is reported removed though no longer held; nothing is forgotten.
        let summary = list.apply_query_changes(&changes("s1", "s2", Some(9), &["b"], &[])).unwrap();
        assert_eq!(summary.forgotten_from, None);
        assert_eq!((list.total(), list.id_at(5)), (9, Some("g")));
        // Before the server has it, a change counting b still fits too.
        let mut list = ListState::new();
        list.restore(snapshot.clone());
        list.remove_ids(&ids(&["b"]));
        let summary = list.apply_query_changes(&changes("s1", "s2", Some(11), &[], &[("n", 0)])).unwrap();
        assert_eq!((summary.forgotten_from, list.total(), list.id_at(6)), (None, 10, Some("g")));
        // Rolled back.
        list.restore(snapshot);
        assert_eq!((list.total(), list.id_at(1), list.query_state()), (10, Some("b"), Some("s1")));
    }

    #[test]
    fn email_changes_remove_destroyed_and_list_rows_to_refresh() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c"]), 3, "s1");
        let effect = list.apply_changes(&ChangesResponse {
            account_id: "A".into(),
            old_state: "e1".into(),
            new_state: "e2".into(),
            has_more_changes: false,
            created: ids(&["new"]),
            updated: ids(&["c", "other", "a"]),
            destroyed: ids(&["b"]),
            updated_properties: None,
        });
        assert_eq!(effect, EmailChangesEffect { removed: 1, refresh: ids(&["a", "c"]) });
        assert_eq!(shown(&list), [Some("a"), Some("c")]);
    }

    #[test]
    fn the_window_of_100_000_rows_stays_under_100() {
        for (scroll_top, viewport_height) in
            [(0.0, 2000.0), (1_234_567.8, 2000.0), (99_999.0 * 44.0, 2000.0), (3e9, 2000.0)]
        {
            let w = VirtualWindow { scroll_top, viewport_height, row_height: 44.0, total: 100_000, overscan: 10 };
            let range = w.range();
            assert!(range.len() <= w.viewport_rows() + 20 && range.len() < 100, "{range:?}");
            assert_eq!(w.spacer_before() + range.len() as f64 * 44.0 + w.spacer_after(), 4_400_000.0);
        }
        let w = VirtualWindow {
            scroll_top: 1_234_567.8,
            viewport_height: 2000.0,
            row_height: 44.0,
            total: 100_000,
            overscan: 10,
        };
        assert_eq!(w.viewport_rows(), 47);
        assert_eq!(w.range(), 28048..28115);
        let top = VirtualWindow { scroll_top: -30.0, ..w };
        assert_eq!(top.range(), 0..57);
        let end = VirtualWindow { scroll_top: 4_400_000.0 - 2000.0, ..w };
        assert_eq!(end.range(), 99944..100_000);
        assert_eq!(end.spacer_after(), 0.0);
        let empty = VirtualWindow { total: 0, ..w };
        assert_eq!((empty.range(), empty.scroll_top_for(3)), (0..0, 0.0));
    }

    #[test]
    fn scrolling_to_a_row_moves_the_least() {
        let w = VirtualWindow { scroll_top: 0.0, viewport_height: 400.0, row_height: 50.0, total: 20, overscan: 2 };
        assert_eq!(w.scroll_top_for(7), 0.0);
        assert_eq!(w.scroll_top_for(8), 50.0);
        let w = VirtualWindow { scroll_top: 300.0, ..w };
        assert_eq!(w.scroll_top_for(5), 250.0);
        assert_eq!(w.scroll_top_for(99), 600.0, "the last row, list end at the bottom");
    }

    #[test]
    fn shift_click_selects_the_loaded_rows_between() {
        let mut list = ListState::new();
        list.apply_page(0, ids(&["a", "b", "c"]), 8, "s");
        list.apply_page(5, ids(&["f", "g", "h"]), 8, "s");
        let mut selection = Selection::new();
        selection.toggle("b");
        assert_eq!(selection.anchor(), Some("b"));
        assert_eq!(selection.select_range(&list, "b", "g"), 4, "b c f g; d and e are not loaded");
        assert_eq!(selection.resolve(&list), SelectionTarget::Ids(ids(&["b", "c", "f", "g"])));
        assert_eq!(selection.count(8), 4);
        selection.toggle("c");
        assert!(!selection.is_selected("c"));
        assert_eq!(selection.select_range(&list, "nowhere", "h"), 1);
        assert_eq!(selection.select_range(&list, "a", "nowhere"), 0);
        assert_eq!(selection.resolve(&list), SelectionTarget::Ids(ids(&["b", "f", "g", "h"])));
        selection.clear();
        assert_eq!(selection.count(8), 0);
    }

    #[test]
    fn select_all_in_the_folder_includes_unloaded_rows() {
        let mut list = ListState::new();
        list.apply_page(0, (0..50).map(|i| format!("M{i}")).collect(), 100_000, "s");
        let mut selection = Selection::new();
        selection.toggle("M3");
        selection.select_all_in_query();
        assert!(selection.is_all_in_query() && selection.is_selected("M99999"));
        selection.toggle("M1");
        selection.toggle("M2");
        selection.toggle("M2");
        assert_eq!(selection.count(list.total()), 99_999);
        selection.select_range(&list, "M0", "M1");
        assert_eq!(selection.count(list.total()), 100_000);
        selection.toggle("M4");
        let target = selection.resolve(&list);
        assert_eq!(target, SelectionTarget::WholeQuery { except: ids(&["M4"]) });
        assert_eq!(target.into_ids(ids(&["M3", "M4", "M5"])), ids(&["M3", "M5"]));
        // A fully loaded list needs no fetch.
        let mut small = ListState::new();
        small.apply_page(0, ids(&["a", "b", "c"]), 3, "s");
        let mut selection = Selection::new();
        selection.select_all_in_query();
        selection.toggle("b");
        assert_eq!(selection.resolve(&small), SelectionTarget::Ids(ids(&["a", "c"])));
        selection.forget(&ids(&["b"]));
        assert_eq!(selection.count(3), 3);
    }
}
