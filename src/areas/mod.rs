//! One folder per area of the app (mail; later calendar, contacts, settings). An area never imports another: they meet through the shell and through `platform` intents.

pub mod mail;
