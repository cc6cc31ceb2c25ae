//! The mail domain with no browser dependency, tested natively: what the mail area shows and
//! the JMAP requests (RFC 8621) that read and change it, built and read here so that the app's
//! components stay thin.
//! - [`mailbox`] and [`folders`]: the account's folders, their order and nesting in the
//!   sidebar; [`folder_ops`]: creating, renaming, moving, deleting and emptying folders;
//! - [`message`]: a row of the list; [`conversation`]: an opened conversation, its bodies and
//!   attachments; [`text_body`]: a plain-text body with its quoted passages;
//! - [`labels`]: the user's keywords as coloured chips; [`quota`]: how full the mailbox is;
//! - [`search`]: the search box and the advanced search, as a JMAP filter;
//! - [`requests`]: the requests of the list, the conversation and the folders;
//!   [`changes`]: the patches of marking, labelling and moving messages (pending changes);
//!   [`live`]: following the server's changes to the open list;
//! - [`records`]: rows and folders as records of the generic store (`facteur_kit::store`), and
//!   the account's mail store.

pub mod changes;
pub mod conversation;
pub mod folder_ops;
pub mod folders;
pub mod labels;
pub mod live;
pub mod mailbox;
pub mod message;
pub mod quota;
pub mod records;
pub mod requests;
pub mod search;
pub mod text_body;

pub use facteur_kit::Lang;
