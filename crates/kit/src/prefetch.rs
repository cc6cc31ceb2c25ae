//! Conversations fetched before they are opened (the pointer rests on a row, the keyboard
//! moves to it, the next one after `j`), kept only while nothing changed on the account.
//!
//! Each conversation is held with the account's Email state known when its fetch started. The
//! state moves on as soon as live updates see any change (new mail, a message read elsewhere,
//! a move), and from then on a held conversation may be out of date: it is not used, and the
//! next [`Prefetched::insert`] forgets it.
//!
//! ```
//! use facteur_kit::prefetch::Prefetched;
//! let mut held = Prefetched::new(2);
//! held.insert("T1", "s1", "first conversation");
//! assert!(held.has("T1", "s1"));
//! assert_eq!(held.take("T1", "s2"), None, "the account changed since");
//! held.insert("T2", "s2", "second");
//! assert_eq!(held.take("T2", "s2"), Some("second"));
//! assert!(!held.has("T2", "s2"), "taken once");
//! ```

use std::collections::VecDeque;

/// Conversations held for opening, most recent last.
#[derive(Debug, Clone)]
pub struct Prefetched<V> {
    entries: VecDeque<Entry<V>>,
    capacity: usize,
}

#[derive(Debug, Clone)]
struct Entry<V> {
    thread: String,
    state: String,
    value: V,
}

impl<V> Prefetched<V> {
    /// Holds at most `capacity` conversations (the oldest is forgotten first).
    pub fn new(capacity: usize) -> Self {
        Self { entries: VecDeque::with_capacity(capacity), capacity: capacity.max(1) }
    }

    /// Whether `thread` is held and still valid at the account's Email `state`.
    pub fn has(&self, thread: &str, state: &str) -> bool {
        self.entries.iter().any(|e| e.thread == thread && e.state == state)
    }

    /// Holds `value` for `thread`, fetched from the account at Email `state`. Conversations of
    /// another state are forgotten (out of date), as is the oldest beyond the capacity.
    pub fn insert(&mut self, thread: &str, state: &str, value: V) {
        self.entries.retain(|e| e.state == state && e.thread != thread);
        if self.entries.len() == self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(Entry { thread: thread.to_string(), state: state.to_string(), value });
    }

    /// Takes `thread` out to open it, if it is held and still valid at Email `state`.
    pub fn take(&mut self, thread: &str, state: &str) -> Option<V> {
        let at = self.entries.iter().position(|e| e.thread == thread)?;
        let entry = self.entries.remove(at)?;
        (entry.state == state).then_some(entry.value)
    }

    /// Forgets what is held of these conversations (something in them changed on the server);
    /// `None`: of every conversation (what changed is not known by conversation).
    ///
    /// ```
    /// use facteur_kit::prefetch::Prefetched;
    /// let mut held = Prefetched::new(4);
    /// held.insert("T1", "", 1);
    /// held.insert("T2", "", 2);
    /// held.forget(Some(&["T1".to_string()]));
    /// assert_eq!((held.take("T1", ""), held.take("T2", "")), (None, Some(2)), "only the changed one goes");
    /// held.insert("T3", "", 3);
    /// held.forget(None);
    /// assert!(held.is_empty());
    /// ```
    pub fn forget(&mut self, threads: Option<&[String]>) {
        match threads {
            Some(threads) => self.entries.retain(|e| !threads.contains(&e.thread)),
            None => self.entries.clear(),
        }
    }

    /// How many conversations are held (valid or not).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Nothing is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_goes_beyond_the_capacity() {
        let mut held = Prefetched::new(3);
        for t in ["A", "B", "C", "D"] {
            held.insert(t, "s", t.to_lowercase());
        }
        assert_eq!(held.len(), 3);
        assert!(!held.has("A", "s"));
        assert_eq!(held.take("D", "s").as_deref(), Some("d"));
        assert_eq!(held.take("B", "s").as_deref(), Some("b"));
    }

    #[test]
    fn a_change_on_the_account_makes_every_held_conversation_stale() {
        let mut held = Prefetched::new(5);
        held.insert("A", "s1", 1);
        held.insert("B", "s1", 2);
        assert!(!held.has("A", "s2"));
        assert_eq!(held.take("A", "s2"), None);
        // Taking a stale one drops it, so the fresh fetch that follows is the one held.
        assert!(!held.has("A", "s1"));
        held.insert("C", "s2", 3);
        assert_eq!(held.len(), 1, "B (state s1) is forgotten");
        assert_eq!(held.take("C", "s2"), Some(3));
        assert!(held.is_empty());
    }

    #[test]
    fn fetching_a_conversation_again_replaces_it() {
        let mut held = Prefetched::new(2);
        held.insert("A", "s", 1);
        held.insert("B", "s", 2);
        held.insert("A", "s", 3);
        assert_eq!(held.len(), 2);
        assert_eq!(held.take("A", "s"), Some(3));
        assert_eq!(held.take("A", "s"), None);
    }
}
