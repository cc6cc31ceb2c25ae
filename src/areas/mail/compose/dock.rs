//! Where the messages being written are shown: the open one as a panel (bottom right on a
//! desktop, the whole screen on a phone), the others as bars to open again; a message
//! waiting to leave as "Envoi dans 5 s — Annuler l'envoi"; a message found again after a
//! reload with "Reprendre".

use super::composer::composer_part;
use super::slot::{use_compose_requests, ComposeRequest};
use super::{saving, Composers, Entry, Status};
use crate::i18n::*;
use crate::platform::lazy::{lazy, NotDownloaded};
use crate::ui::icon::{Icon, IconKind};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// The dock, a part of the app of its own (with the composer's bars and their close, which
/// saves): the first page has none of its code.
#[wasm_split(composer_dock, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_composer_dock))]
pub(crate) fn dock_part() -> Result<AnyView, NotDownloaded> {
    // (Turned on already when the parts were fetched after the first page, unless the user
    // was quicker.)
    crate::platform::lazy::enable_style("composer");
    Ok(view! { <ComposerDock /> }.into_any())
}

/// The dock of the messages being written (and those this tab kept before a reload): it makes
/// the composers of the mail area and takes the requests to write, those made before it was
/// downloaded and those to come.
#[component]
fn ComposerDock() -> impl IntoView {
    let i18n = use_i18n();
    let mail = crate::areas::mail::use_mail();
    let folders = mail.folders;
    let mailboxes = Memo::new(move |_| match folders.get() {
        Some(Ok(list)) => super::mailboxes_of(&list),
        _ => None,
    });
    let inbox = Memo::new(move |_| match folders.get() {
        Some(Ok(list)) => list.into_iter().find(|f| f.role.as_deref() == Some("inbox")).map(|f| f.id),
        _ => None,
    });
    let toasts = crate::ui::toast::use_toasts();
    let composers = Composers::provide(mail.client(), mailboxes, inbox, toasts);
    let requests = use_compose_requests();
    requests.dock_shown.set(true);
    if requests.saved_waiting {
        composers.restore();
    }
    Effect::new(move || {
        if requests.list.with(|l| l.is_empty()) {
            return;
        }
        for request in requests.take() {
            match request {
                ComposeRequest::New => composers.open_new(None),
                ComposeRequest::Link(link) => composers.open_new(facteur_compose::mailto::parse(&link)),
                ComposeRequest::Answer(answer, id) => composers.open_answer(answer, id, i18n),
                ComposeRequest::Saved(id) => composers.open_saved(id, i18n),
            }
        }
    });
    view! {
        <div class="composer-dock" data-testid="composer-dock">
            <For
                each=move || composers.entries.get()
                key=|entry| entry.key.clone()
                children=move |entry| view! { <DockItem composers entry /> }
            />
        </div>
    }
}

/// One message of the dock: its panel, or its bar.
#[component]
fn DockItem(composers: Composers, entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let minimised = entry.minimised.clone();
    let panel = {
        let entry = entry.clone();
        move || {
            let entry = entry.clone();
            lazy(
                move || composer_part(composers, entry.clone()),
                move || {
                    view! {
                        <p class="loading composer-loading" role="status">
                            {crate::tr!(i18n, loading)}
                        </p>
                    }
                },
            )
        }
    };
    let bar = {
        let entry = entry.clone();
        move || view! { <DockBar composers entry=entry.clone() /> }
    };
    view! {
        <Show when=move || !minimised.get() fallback=bar>
            {panel.clone()}
        </Show>
    }
}

/// The bar of a message not shown in full.
#[component]
fn DockBar(composers: Composers, entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let draft = RwSignal::from(entry.draft.clone());
    let title = {
        move || {
            draft.with(|d| match d.subject.trim() {
                "" => t_string!(i18n, compose.new_message).to_string(),
                s => s.to_string(),
            })
        }
    };
    let status = RwSignal::from(entry.status.clone());
    let restored = RwSignal::from(entry.restored.clone());
    let (open_key, cancel_entry, close_entry) = (entry.key.clone(), entry.clone(), entry.clone());
    let waiting = {
        move || match status.get() {
            Status::Waiting(n) => Some(n),
            _ => None,
        }
    };
    let sending = { move || status.get() == Status::Sending };
    view! {
        <div class="composer-bar" data-testid="composer-bar" role="group" aria-label=title>
            {move || {
                if let Some(n) = waiting() {
                    let cancel_entry = cancel_entry.clone();
                    view! {
                        <span class="composer-bar-text" role="status">
                            {t_string!(i18n, compose.sending_in, count = n).to_string()}
                        </span>
                        <button
                            type="button"
                            class="button secondary small"
                            data-action="cancel-send"
                            on:click=move |_| saving::cancel_send(composers, &cancel_entry)
                        >
                            {crate::tr!(i18n, compose.cancel_send)}
                        </button>
                    }
                        .into_any()
                } else if sending() {
                    view! {
                        <span class="composer-bar-text" role="status">
                            {crate::tr!(i18n, compose.sending)}
                        </span>
                    }
                        .into_any()
                } else {
                    let (open_key, close_entry) = (open_key.clone(), close_entry.clone());
                    let restored_now = restored.get();
                    view! {
                        {restored_now
                            .then(|| {
                                view! { <span class="composer-bar-note">{crate::tr!(i18n, compose.restored)}</span> }
                            })}
                        <button
                            type="button"
                            class="composer-bar-title"
                            data-action="open-composer"
                            on:click=move |_| composers.focus(&open_key)
                        >
                            <Icon kind=IconKind::Pencil />
                            <span>{title}</span>
                            <span class="visually-hidden">
                                {move || {
                                    if restored.get() {
                                        t_string!(i18n, compose.resume)
                                    } else {
                                        t_string!(i18n, compose.restore)
                                    }
                                }}
                            </span>
                        </button>
                        <button
                            type="button"
                            class="icon-button"
                            data-action="close-composer"
                            aria-label=move || t_string!(i18n, compose.close)
                            title=move || t_string!(i18n, compose.close)
                            on:click=move |_| saving::close(composers, close_entry.clone(), i18n)
                        >
                            <Icon kind=IconKind::Close />
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
