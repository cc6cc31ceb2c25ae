//! Browser storage. What Facteur keeps, and where (also in the README):
//! - `localStorage["facteur.lang"]`: the language the user chose (`fr` or `en`);
//! - `localStorage["facteur.threads"]`: `0` when the list shows one row per message;
//! - `localStorage["facteur.remote-senders"]`: the senders whose remote images the user
//!   chose to always show (one address per line);
//! - `sessionStorage["facteur.username"]`: the username of the open session, for this tab
//!   only, so that after a reload the login form is filled in and says why the password is
//!   asked again;
//! - `sessionStorage["facteur.drafts"]`: the messages being written (JSON), at each change, so
//!   that a reload or a crash of the tab loses none: the app offers to resume them (the
//!   offline issue moves them into the encrypted store on the device).
//!
//! The password is never stored anywhere: it stays in memory only. Signing out clears both
//! storages entirely.

const LANG_KEY: &str = "facteur.lang";
const USERNAME_KEY: &str = "facteur.username";
const THREADS_KEY: &str = "facteur.threads";
const REMOTE_SENDERS_KEY: &str = "facteur.remote-senders";
const DRAFTS_KEY: &str = "facteur.drafts";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The language saved by [`save_language`].
pub fn saved_language() -> Option<String> {
    local()?.get_item(LANG_KEY).ok().flatten()
}

/// Remembers the language the user chose.
pub fn save_language(tag: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(LANG_KEY, tag);
    }
}

/// Whether the list shows one row per conversation (the default) or per message.
pub fn threaded_list() -> bool {
    local().and_then(|s| s.get_item(THREADS_KEY).ok().flatten()).as_deref() != Some("0")
}

/// Remembers the list setting.
pub fn save_threaded_list(threaded: bool) {
    if let Some(s) = local() {
        let _ = s.set_item(THREADS_KEY, if threaded { "1" } else { "0" });
    }
}

/// Whether the user chose to always show remote images from `sender` (an address).
pub fn remote_images_always(sender: &str) -> bool {
    let sender = sender.trim().to_lowercase();
    local()
        .and_then(|s| s.get_item(REMOTE_SENDERS_KEY).ok().flatten())
        .is_some_and(|list| list.lines().any(|known| known == sender))
}

/// Remembers to always show remote images from `sender`.
pub fn allow_remote_images_always(sender: &str) {
    let sender = sender.trim().to_lowercase();
    if sender.is_empty() || remote_images_always(&sender) {
        return;
    }
    if let Some(s) = local() {
        let mut list = s.get_item(REMOTE_SENDERS_KEY).ok().flatten().unwrap_or_default();
        if !list.is_empty() {
            list.push('\n');
        }
        list.push_str(&sender);
        let _ = s.set_item(REMOTE_SENDERS_KEY, &list);
    }
}

/// The username of the session this tab had before a reload.
pub fn remembered_username() -> Option<String> {
    session()?.get_item(USERNAME_KEY).ok().flatten().filter(|u| !u.is_empty())
}

/// Remembers the username for this tab (see the module documentation).
pub fn remember_username(username: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(USERNAME_KEY, username);
    }
}

/// The messages being written, as [`save_open_drafts`] left them (JSON).
pub fn open_drafts() -> Option<String> {
    session()?.get_item(DRAFTS_KEY).ok().flatten().filter(|d| !d.is_empty())
}

/// Keeps the messages being written for this tab (`None`: there are none).
pub fn save_open_drafts(json: Option<&str>) {
    if let Some(s) = session() {
        let _ = match json {
            Some(json) => s.set_item(DRAFTS_KEY, json),
            None => s.remove_item(DRAFTS_KEY),
        };
    }
}

/// Forgets everything Facteur keeps in this browser.
pub fn clear_all() {
    for storage in [local(), session()].into_iter().flatten() {
        let _ = storage.clear();
    }
}
