//! What the mail screen's parts share: the client, the folders, and local changes not yet
//! reflected by a reload (read state set from the reading pane).

use crate::core::jmap_client::{CallError, JmapClient};
use facteur_logic::mailbox::Folder;
use leptos::prelude::*;
use std::collections::HashMap;

/// Provided by the mail shell.
#[derive(Clone)]
pub struct MailContext {
    /// The signed-in client.
    pub client: JmapClient,
    /// All folders (refetch after changing counts).
    pub folders: LocalResource<Result<Vec<Folder>, CallError>>,
    /// Email id → `$seen`, changed here since the list was loaded.
    pub seen: RwSignal<HashMap<String, bool>>,
    /// The open folder's address component (`inbox`, or an id).
    pub slug: Memo<String>,
}

/// The mail context.
pub fn use_mail() -> MailContext {
    expect_context::<MailContext>()
}
