//! Writing mail, with no browser dependency, tested natively: what the composer holds
//! ([`draft::Draft`]), how recipients typed or pasted become addresses ([`address`]), how the
//! Markdown the user writes becomes the HTML part while the text part stays the Markdown
//! source itself ([`markdown`]), what a reply, a reply to all and a forward start with
//! ([`reply`]), `mailto:` links ([`mailto`]), the warning for a forgotten attachment
//! ([`reminder`]), address suggestions from the mail sent and received ([`suggest`]), and the
//! JMAP requests that save a draft and send it ([`requests`]).
//!
//! The app's composer (a lazy wasm part of its own) only shows these and sends the requests.

pub mod address;
pub mod draft;
pub mod mailto;
pub mod markdown;
pub mod reminder;
pub mod reply;
pub mod requests;
pub mod suggest;

pub use address::{AddressProblem, Recipient};
pub use draft::{Draft, DraftAttachment};
