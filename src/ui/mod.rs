//! Generic pieces of interface, used by every area: they import nothing from the shell or an area.

pub mod error_banner;
pub mod form_field;
pub mod icon;
pub mod language_switch;
pub mod modal;
pub mod popover;
pub mod toast;
pub mod virtual_list;
