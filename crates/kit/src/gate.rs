//! At most so many requests to a server at a time: its `maxConcurrentRequests` (RFC 8620 §2,
//! the core capability). A server may refuse the ones beyond: Stalwart 0.16 answers the fifth
//! request of an account at once with "Request limit exceeded" (HTTP 400). A request waits
//! until one in flight ends; one dropped while it waits (a page scrolled past) is simply never
//! sent. (Kept small: it is in the app's first download.)
//!
//! ```
//! use facteur_kit::gate::Gate;
//! use futures::executor::block_on;
//! let gate = Gate::new(2);
//! let (a, b) = (block_on(gate.turn()), block_on(gate.turn()));
//! assert_eq!(gate.in_flight(), 2);
//! assert!(gate.try_turn().is_none(), "a third waits");
//! drop(a);
//! let c = gate.try_turn().expect("a turn came free");
//! drop((b, c));
//! assert_eq!(gate.in_flight(), 0);
//! ```

use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Poll, Waker};

/// The requests in flight to one server (cheap to clone: the clones share them).
#[derive(Clone, Debug)]
pub struct Gate {
    inner: Arc<Mutex<State>>,
}

#[derive(Debug)]
struct State {
    limit: usize,
    in_flight: usize,
    /// The requests waiting, woken when one ends (those dropped meanwhile wake for nothing).
    waiting: Vec<Waker>,
}

/// A request's turn: it may be sent while this is held; dropping it lets a waiting one go.
#[derive(Debug)]
#[must_use = "the turn ends when dropped"]
pub struct Turn {
    gate: Gate,
}

impl Drop for Turn {
    fn drop(&mut self) {
        let waiting = {
            let mut state = self.gate.state();
            state.in_flight = state.in_flight.saturating_sub(1);
            std::mem::take(&mut state.waiting)
        };
        // (Woken outside the lock: a waiting request may run at once.)
        waiting.into_iter().for_each(Waker::wake);
    }
}

impl Gate {
    /// At most `limit` requests at a time (`0`: the server gives none, so no bound).
    pub fn new(limit: usize) -> Gate {
        let limit = if limit == 0 { usize::MAX } else { limit };
        Gate { inner: Arc::new(Mutex::new(State { limit, in_flight: 0, waiting: Vec::new() })) }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many requests hold their turn.
    pub fn in_flight(&self) -> usize {
        self.state().in_flight
    }

    /// A turn now if one is free.
    pub fn try_turn(&self) -> Option<Turn> {
        let mut state = self.state();
        (state.in_flight < state.limit).then(|| {
            state.in_flight += 1;
            Turn { gate: self.clone() }
        })
    }

    /// Waits for a turn.
    pub async fn turn(&self) -> Turn {
        std::future::poll_fn(|cx| match self.try_turn() {
            Some(turn) => Poll::Ready(turn),
            None => {
                self.state().waiting.push(cx.waker().clone());
                Poll::Pending
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::channel::oneshot;
    use futures::executor::LocalPool;
    use futures::task::LocalSpawnExt;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Ten requests through a gate of 4, answered in another order than sent: never more than
    /// four in flight, and every one goes.
    #[test]
    fn no_more_than_the_limit_at_once_and_every_request_goes() {
        let gate = Gate::new(4);
        let mut pool = LocalPool::new();
        let (most, sent) = (Rc::new(RefCell::new(0)), Rc::new(RefCell::new(Vec::new())));
        let mut answers = Vec::new();
        for request in 0..10 {
            let (answer, answered) = oneshot::channel::<()>();
            answers.push(Some(answer));
            let (gate, most, sent) = (gate.clone(), most.clone(), sent.clone());
            pool.spawner()
                .spawn_local(async move {
                    let _turn = gate.turn().await;
                    sent.borrow_mut().push(request);
                    let now = gate.in_flight();
                    most.replace_with(|m| (*m).max(now));
                    let _ = answered.await; // the server answers
                })
                .unwrap();
        }
        pool.run_until_stalled();
        assert_eq!((sent.borrow().len(), gate.in_flight()), (4, 4), "four sent, six wait");
        for i in [1, 0, 2, 3, 4, 5, 6, 7, 8, 9] {
            if let Some(answer) = answers[i].take() {
                let _ = answer.send(());
            }
            pool.run_until_stalled();
        }
        let mut all = sent.borrow().clone();
        all.sort();
        assert_eq!(all, (0..10).collect::<Vec<_>>());
        assert_eq!((*most.borrow(), gate.in_flight()), (4, 0));
    }

    #[test]
    fn a_request_dropped_while_it_waits_is_never_sent_and_holds_nothing() {
        let gate = Gate::new(1);
        let mut pool = LocalPool::new();
        let first = gate.try_turn().unwrap();
        let sent = Rc::new(RefCell::new(Vec::new()));
        let mut handles = Vec::new();
        for request in 0..3 {
            let (gate, sent) = (gate.clone(), sent.clone());
            let (task, handle) = futures::future::abortable(async move {
                let _turn = gate.turn().await;
                sent.borrow_mut().push(request);
                futures::future::pending::<()>().await; // in flight until dropped
            });
            pool.spawner()
                .spawn_local(async move {
                    let _ = task.await;
                })
                .unwrap();
            handles.push(handle);
        }
        pool.run_until_stalled();
        // The first waiting request is dropped (a page scrolled past)…
        handles[0].abort();
        pool.run_until_stalled();
        // …the turn that comes free goes to one still waiting.
        drop(first);
        pool.run_until_stalled();
        assert_eq!(sent.borrow().len(), 1);
        let holder = sent.borrow()[0];
        assert_ne!(holder, 0, "the dropped request was sent");
        // Its turn ends: the last one goes.
        handles[holder].abort();
        pool.run_until_stalled();
        assert_eq!((sent.borrow().len(), gate.in_flight()), (2, 1));
        handles[3 - holder].abort();
        pool.run_until_stalled();
        assert_eq!(gate.in_flight(), 0);
        assert!(gate.try_turn().is_some());
    }

    #[test]
    fn no_limit_when_the_server_gives_none() {
        let gate = Gate::new(0);
        let turns: Vec<Turn> = (0..100).map(|_| gate.try_turn().unwrap()).collect();
        assert_eq!(gate.in_flight(), 100);
        drop(turns);
        assert_eq!(gate.in_flight(), 0);
    }
}
