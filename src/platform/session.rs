//! The signed-in session, kept in memory only and shared by context.

use crate::platform::jmap_client::JmapClient;
use crate::platform::storage;
use leptos::prelude::*;

/// The session context: `None` until the user signs in.
#[derive(Clone, Copy)]
pub struct Session {
    /// The JMAP client of the signed-in user.
    pub client: RwSignal<Option<JmapClient>>,
    /// The user has just signed out (the login page says so).
    pub signed_out: RwSignal<bool>,
}

impl Session {
    /// Keeps the client in memory and remembers the username for this tab.
    pub fn sign_in(&self, client: JmapClient) {
        storage::remember_username(client.username());
        self.signed_out.set(false);
        self.client.set(Some(client));
    }

    /// Forgets the client and everything Facteur keeps in this browser.
    pub fn sign_out(&self) {
        self.signed_out.set(true);
        self.client.set(None);
        storage::clear_all();
    }
}

/// Provides an empty session context (call once, in the root component).
pub fn provide_session() {
    provide_context(Session { client: RwSignal::new(None), signed_out: RwSignal::new(false) });
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
