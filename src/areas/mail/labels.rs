//! Labels: the user's JMAP keywords as coloured chips (message rows, conversation header) and
//! the "Libellés" menu that adds and removes them. A change is a pending change of the store:
//! shown at once, sent with the next round of the sync engine, rolled back with a message if
//! the server refuses. Names, keywords and colours come from
//! `facteur_mail::labels`.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::use_mail;
use crate::i18n::*;
use crate::ui::form_field::{Field, FormField};
use crate::ui::popover::close_when_outside;
use crate::ui::toast::use_toasts;
use facteur_mail::changes::keyword_patch;
use facteur_mail::labels::{self, colour_class, label_name, LabelError};
use leptos::{ev::SubmitEvent, prelude::*};
use std::collections::HashMap;

/// The labels of any of these emails (id, labels as loaded), as shown, sorted by name: from
/// the store's rows (with the pending changes) where it holds them, else as loaded (tracked).
pub fn union(ctx: MailContext, emails: &[(String, Vec<String>)]) -> Vec<String> {
    let map: HashMap<String, bool> = emails
        .iter()
        .flat_map(|(id, loaded)| ctx.row(id).map_or_else(|| loaded.clone(), |row| row.labels))
        .map(|k| (k, true))
        .collect();
    labels::labels_of(&map)
}

/// Chips for these labels (nothing when there is none).
#[component]
pub fn LabelChips(#[prop(into)] labels: Signal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    // In a row of the list: the language through a memo that leaves it with the row (see
    // `unsubscribing_memo`).
    let heading =
        crate::areas::mail::list::message_row::unsubscribing_memo(move || td_string!(i18n.get_locale(), labels.list));
    move || {
        let list = labels.get();
        (!list.is_empty()).then(|| {
            view! {
                <span class="label-chips" data-testid="label-chips">
                    <span class="visually-hidden">{move || heading.get()}" : "</span>
                    {list
                        .into_iter()
                        .map(|k| {
                            let name = label_name(&k);
                            view! {
                                <span class=format!("label-chip {}", colour_class(&k)) data-keyword=k>
                                    {name}
                                </span>
                            }
                        })
                        .collect_view()}
                </span>
            }
        })
    }
}

/// The "Libellés" menu of a conversation: a checkbox per known label (those of the open
/// folder's rows and of this conversation) and a field for a new one. `messages` are the
/// conversation's emails with their labels on the server.
#[component]
pub fn LabelMenu(messages: Vec<(String, Vec<String>)>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_mail();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<LabelError>);
    let button = NodeRef::<leptos::html::Button>::new();
    let container = NodeRef::<leptos::html::Div>::new();
    let messages = StoredValue::new(messages);
    let ids: Vec<String> = messages.with_value(|m| m.iter().map(|(id, _)| id.clone()).collect());
    let ids = StoredValue::new(ids);

    // Labels on this conversation now (any of its messages).
    let on_conversation = Memo::new(move |_| messages.with_value(|m| union(ctx, m)));
    // Labels changed from this menu stay in it (unchecked, one can check them again).
    let touched = RwSignal::new(Vec::<String>::new());
    // Every label the user can pick: the open folder's rows and this conversation's.
    let known = Memo::new(move |_| {
        let mut all: Vec<String> = ctx.store.with(|s| {
            let held = s.records::<facteur_mail::message::MessageSummary>();
            held.map(|rows| {
                rows.ids()
                    .filter_map(|id| s.get::<facteur_mail::message::MessageSummary>(id))
                    .flat_map(|r| r.into_owned().labels)
                    .collect()
            })
            .unwrap_or_default()
        });
        all.extend(on_conversation.get());
        all.extend(touched.get());
        let map: HashMap<String, bool> = all.into_iter().map(|k| (k, true)).collect();
        labels::labels_of(&map)
    });

    // A pending change of the store: shown at once, sent with the next round, rolled back with
    // a message if the server refuses (`live`).
    let set = move |keyword: String, on: bool| {
        touched.update(|t| t.push(keyword.clone()));
        ctx.change_emails(&ids.get_value(), keyword_patch(&keyword, on));
        let name = label_name(&keyword);
        match on {
            true => toasts.info(t_string!(i18n, labels.added, name = name).to_string()),
            false => toasts.info(t_string!(i18n, labels.removed, name = name).to_string()),
        }
    };
    let add = {
        move |ev: SubmitEvent| {
            ev.prevent_default();
            match labels::keyword_for(&new_name.get_untracked()) {
                Ok(keyword) => {
                    error.set(None);
                    new_name.set(String::new());
                    if !on_conversation.get_untracked().contains(&keyword) {
                        set(keyword, true);
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let new_field = Field::new(
        "new-label",
        Signal::derive(move || {
            error.get().map(|e| {
                match e {
                    LabelError::Empty => t_string!(i18n, labels.err_empty),
                    LabelError::TooLong => t_string!(i18n, labels.err_too_long),
                    LabelError::Reserved => t_string!(i18n, labels.err_reserved),
                }
                .to_string()
            })
        }),
    );
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            close();
        }
    };
    view! {
        <div
            class="label-menu"
            node_ref=container
            on:keydown=on_keydown
            on:focusout=close_when_outside(container, move || open.get(), move || open.set(false))
        >
            <button
                type="button"
                class="button secondary small"
                data-action="labels"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="label-menu-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {crate::tr!(i18n, labels.menu)}
            </button>
            <div id="label-menu-panel" class="label-menu-panel" hidden=move || !open.get() data-testid="label-menu">
                <fieldset>
                    <legend class="visually-hidden">{crate::tr!(i18n, labels.menu)}</legend>
                    {move || {
                        let all = known.get();
                        if all.is_empty() {
                            return view! { <p class="hint">{crate::tr!(i18n, labels.none)}</p> }.into_any();
                        }
                        all.into_iter()
                            .map(|k| {
                                let checked = on_conversation.get().contains(&k);
                                let keyword = k.clone();
                                view! {
                                    <label class="checkbox label-option">
                                        <input
                                            type="checkbox"
                                            prop:checked=checked
                                            data-keyword=k.clone()
                                            on:change=move |ev| set(keyword.clone(), event_target_checked(&ev))
                                        />
                                        <span class=format!("label-chip {}", colour_class(&k))>{label_name(&k)}</span>
                                    </label>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                </fieldset>
                <form class="label-new" on:submit=add novalidate=true>
                    <FormField field=new_field label=crate::tr!(i18n, labels.new_label) label_hidden=true>
                        <input
                            id=new_field.id()
                            type="text"
                            autocomplete="off"
                            placeholder=move || t_string!(i18n, labels.new_label)
                            bind:value=new_name
                            aria-invalid=new_field.invalid()
                            aria-describedby=new_field.described_by()
                        />
                        <button type="submit" class="button secondary small">
                            {crate::tr!(i18n, labels.add)}
                        </button>
                    </FormField>
                </form>
            </div>
        </div>
    }
}
