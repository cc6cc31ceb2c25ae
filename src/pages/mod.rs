//! One module per screen.

pub mod login;
pub mod mail;
pub mod not_found;
