//! What frames every area: the login page, the signed-in guard, the top bar with the switch between areas, the shortcuts, the `mailto:` handler's address, the not-found page, the banner that offers a new version of the app.

pub mod compose_link;
pub mod guard;
pub mod login;
pub mod not_found;
pub mod offline_banner;
pub mod top_bar;
pub mod update_banner;
