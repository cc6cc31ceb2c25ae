//! Reusable pieces of interface.

pub mod error_banner;
pub mod folder_nav;
pub mod icon;
pub mod attachment_list;
pub mod language_switch;
pub mod message_row;
pub mod text_body;
pub mod toast;
