//! Reusable pieces of interface.

pub mod attachment_list;
pub mod error_banner;
pub mod folder_dialogs;
pub mod folder_nav;
pub mod html_body;
pub mod icon;
pub mod labels;
pub mod language_switch;
pub mod message_row;
pub mod modal;
pub mod notification_switch;
pub mod quota;
pub mod snippet;
pub mod text_body;
pub mod toast;
