//! What of writing mail the first page has: "Nouveau message" at the top of the folders, the
//! requests to write (a new message, an answer, a draft taken up, a `mailto:` link), and the
//! place of the dock. The dock and everything else of writing mail are a part of the app of
//! their own (`dock::dock_part`), downloaded shortly after the first rows are painted or at
//! the first request; it takes the requests made meanwhile.

use super::dock::dock_part;
use crate::i18n::*;
use crate::platform::lazy::lazy;
use crate::ui::icon::{Icon, IconKind};
use facteur_compose::reply::Answer;
use leptos::prelude::*;

/// What the user asked to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComposeRequest {
    /// "Nouveau message".
    New,
    /// A new message filled from a `mailto:` link (a "write to" intent).
    Link(String),
    /// Répondre, Répondre à tous, Transférer this email.
    Answer(Answer, String),
    /// This draft of the Drafts folder, taken up again.
    Saved(String),
}

/// The requests to write, waiting for the dock to take them (the mail area's context).
#[derive(Clone, Copy)]
pub struct ComposeRequests {
    /// Those not taken yet.
    pub list: RwSignal<Vec<ComposeRequest>>,
    /// This tab kept messages being written before a reload.
    pub saved_waiting: bool,
    /// The dock is shown (once it is, it stays).
    pub dock_shown: RwSignal<bool>,
}

impl ComposeRequests {
    /// Provides them, none waiting.
    pub fn provide() -> ComposeRequests {
        let requests = ComposeRequests {
            list: RwSignal::new(Vec::new()),
            saved_waiting: crate::platform::storage::open_drafts().is_some(),
            dock_shown: RwSignal::new(false),
        };
        provide_context(requests);
        requests
    }

    /// Asks to write.
    pub fn ask(&self, request: ComposeRequest) {
        self.list.update(|l| l.push(request));
    }

    /// Takes the requests waiting.
    pub fn take(&self) -> Vec<ComposeRequest> {
        self.list.try_update(std::mem::take).unwrap_or_default()
    }
}

/// The requests to write of the mail area.
pub fn use_compose_requests() -> ComposeRequests {
    expect_context::<ComposeRequests>()
}

/// Where the dock of the messages being written goes.
#[component]
pub fn ComposerSlot() -> impl IntoView {
    let requests = use_compose_requests();
    let wanted = move || requests.saved_waiting || requests.dock_shown.get() || requests.list.with(|l| !l.is_empty());
    view! { <Show when=wanted>{lazy(dock_part, || ())}</Show> }
}

/// "Nouveau message", at the top of the folders (key `c`).
#[component]
pub fn NewMessageButton() -> impl IntoView {
    let i18n = use_i18n();
    let requests = use_compose_requests();
    view! {
        <button
            type="button"
            class="button primary compose-button"
            data-action="compose"
            on:click=move |_| requests.ask(ComposeRequest::New)
        >
            <Icon kind=IconKind::Pencil />
            <span>{crate::tr!(i18n, compose.new_message)}</span>
        </button>
    }
}
