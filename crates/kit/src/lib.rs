//! What every area of the webmail shares, with no browser dependency, tested natively.
//!
//! Mail, and later calendar and contacts, are crates of their own built on this one; Cargo
//! forbids this crate from importing any of them.
//! - [`config`]: the deployment file `config.json` an académie edits to rebrand the app;
//! - [`login`]: what a failed login means for the user (and what to tell them);
//! - [`lang`] and [`text`]: languages, plurals, accent folding, sizes; [`dates`]: dates as
//!   people read them, in French or English;
//! - [`list_state`]: a long list over `/query` and `/queryChanges` (ids by position, the
//!   window rendered, the selection); [`prefetch`]: objects fetched before they are opened;
//! - [`refused`]: why the server refused a change, by kind; [`gate`]: at most the server's
//!   `maxConcurrentRequests` at a time;
//! - [`store`]: the local copy of an account (objects by type and id, states, open queries),
//!   bounded in memory; [`sync`]: keeping it current, every type in one request per round;
//!   [`pending`]: changes shown at once until the server confirms them, undoable.

pub mod config;
pub mod dates;
pub mod gate;
pub mod lang;
pub mod list_state;
pub mod login;
pub mod pending;
pub mod prefetch;
pub mod refused;
mod small_map;
pub mod store;
pub mod sync;
pub mod text;

pub use lang::Lang;
