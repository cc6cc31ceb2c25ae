//! Reading a conversation: the reading pane, its messages with their HTML or text bodies and attachments, and conversations fetched before they are opened.

pub mod attachment_list;
pub mod conversation;
pub mod html_body;
pub mod prefetch;
pub mod reading_pane;
pub mod text_body;
