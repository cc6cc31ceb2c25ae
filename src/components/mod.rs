//! Reusable pieces of interface.

pub mod error_banner;
pub mod folder_nav;
pub mod icon;
pub mod language_switch;
pub mod message_row;
