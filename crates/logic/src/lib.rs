//! Webmail logic with no browser dependency, tested natively.
//!
//! The app (a Leptos SPA compiled to WebAssembly) keeps its components thin and calls into
//! this crate for everything that can be decided without a browser:
//! - [`config`]: the deployment file `config.json` an académie edits to rebrand the app;
//! - [`login`]: what a failed login means for the user (and what to tell them);
//! - [`folders`]: the order and nesting of mailboxes in the sidebar;
//! - [`dates`]: how a message date is shown in the list, in French or English;
//! - [`folder_ops`]: creating, renaming, moving, deleting and emptying folders;
//! - [`quota`]: how full the mailbox is; [`labels`]: the user's keywords as coloured chips.

pub mod config;
pub mod conversation;
pub mod dates;
pub mod folder_ops;
pub mod folders;
pub mod html_policy;
pub mod labels;
pub mod lang;
pub mod list_state;
pub mod live;
pub mod login;
pub mod mailbox;
pub mod message;
pub mod prefetch;
pub mod quota;
pub mod requests;
pub mod search;
pub mod text_body;

pub use lang::Lang;
