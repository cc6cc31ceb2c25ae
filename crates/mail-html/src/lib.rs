//! Shows untrusted mail HTML safely in the browser.
//!
//! 1. [`parse`]: the browser's own parser (`DOMParser`) reads the HTML into an inert document;
//! 2. [`sanitize_into`]: an allow-list walker ([`facteur_html_policy`] decides) rebuilds
//!    what is kept, node by node, in the target document — rewriting happens on the DOM,
//!    never on strings after sanitising; it reads the source through the DOM's prototype
//!    getters (a `<form>` cannot clobber them), walks it without recursion and nests its
//!    output at most [`MAX_DEPTH`] deep;
//! 3. [`frame::fill`]: the target is the body of a sandboxed iframe (never `allow-scripts`)
//!    whose document carries its own CSP ([`frame_csp`]).

pub mod frame;
mod marks;
mod source;
mod walker;

pub use frame::{content_height, fill, frame_csp, srcdoc, BASE_CSS, SANDBOX};
pub use marks::mark_words;
pub use walker::{parse, sanitize_into, Options, Sanitized, StyleOutput, MAX_DEPTH};
