//! A recipient field (À, Cc, Cci): the addresses as chips, typed or pasted text turned into
//! chips at a separator (`Nom <a@b.fr>, c@d.fr; e@f.fr` gives three), Backspace in the empty
//! field taking the last one back to edit, and an address that cannot be sent to marked on its
//! chip in words.

use crate::i18n::*;
use facteur_compose::address::{self, AddressProblem};
use facteur_compose::draft::Draft;
use facteur_compose::Recipient;
use leptos::{ev, prelude::*};
use leptos_i18n::I18nContext;

/// Which list of the draft a field edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// À.
    To,
    /// Cc.
    Cc,
    /// Cci.
    Bcc,
}

impl Pick {
    fn of(self, d: &Draft) -> &Vec<Recipient> {
        match self {
            Pick::To => &d.to,
            Pick::Cc => &d.cc,
            Pick::Bcc => &d.bcc,
        }
    }

    fn of_mut(self, d: &mut Draft) -> &mut Vec<Recipient> {
        match self {
            Pick::To => &mut d.to,
            Pick::Cc => &mut d.cc,
            Pick::Bcc => &mut d.bcc,
        }
    }
}

/// Why an address cannot be sent to, in words.
pub fn problem_words(i18n: I18nContext<Locale>, problem: AddressProblem) -> String {
    match problem {
        AddressProblem::NoAt => t_string!(i18n, compose.address_no_at),
        AddressProblem::EmptyLocal => t_string!(i18n, compose.address_empty_local),
        AddressProblem::BadDomain => t_string!(i18n, compose.address_bad_domain),
        AddressProblem::BadLocal => t_string!(i18n, compose.address_bad_local),
        AddressProblem::NonAsciiLocal => t_string!(i18n, compose.address_non_ascii),
        AddressProblem::TooLong => t_string!(i18n, compose.address_too_long),
    }
    .to_string()
}

/// One recipient field.
#[component]
pub fn RecipientField(
    /// The draft edited.
    draft: RwSignal<Draft>,
    /// Its list this field shows.
    pick: Pick,
    /// The field's id (unique on the page).
    id: String,
    /// Its label.
    #[prop(into)]
    label: Signal<String>,
    /// Called after each change of the list.
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let list = { Memo::new(move |_| draft.with(|d| pick.of(d).clone())) };
    let add = {
        move |typed: &str| {
            let found = address::parse_recipients(typed);
            if found.is_empty() {
                return;
            }
            draft.update(|d| {
                let into = pick.of_mut(d);
                for r in found {
                    if !into.iter().any(|known| known.email.eq_ignore_ascii_case(&r.email)) {
                        into.push(r);
                    }
                }
            });
            on_change.run(());
        }
    };
    let on_input = {
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            if address::ends_entry(&value) {
                add(&value);
                text.set(String::new());
            } else {
                text.set(value);
            }
        }
    };
    let on_paste = {
        move |ev: ev::ClipboardEvent| {
            let pasted = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
            // A list pasted becomes chips at once; a single word is left to be typed on.
            if pasted.contains([',', ';', '\n', '<']) || pasted.contains('@') && pasted.trim().contains(' ') {
                ev.prevent_default();
                let before = text.get_untracked();
                add(&format!("{before}{pasted}"));
                text.set(String::new());
            }
        }
    };
    let on_keydown = {
        move |ev: ev::KeyboardEvent| match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                add(&text.get_untracked());
                text.set(String::new());
            }
            "Backspace" if text.with_untracked(String::is_empty) => {
                let mut last = None;
                draft.update(|d| last = pick.of_mut(d).pop());
                if let Some(last) = last {
                    ev.prevent_default();
                    text.set(last.display());
                    on_change.run(());
                }
            }
            _ => {}
        }
    };
    let on_blur = {
        move |_| {
            let typed = text.get_untracked();
            if !typed.trim().is_empty() {
                add(&typed);
                text.set(String::new());
            }
        }
    };
    let remove = {
        move |email: String| {
            draft.update(|d| pick.of_mut(d).retain(|r| r.email != email));
            on_change.run(());
        }
    };
    let problem_id = format!("{id}-problems");
    view! {
        <div class="recipient-field" data-testid=format!("field-{id}")>
            <label for=id.clone()>{move || label.get()}</label>
            <ul class="chips">
                {move || {
                    list.get()
                        .into_iter()
                        .map(|r| {
                            let problem = r.problem();
                            let email = r.email.clone();
                            let what = r.display();
                            let remove_label = {
                                let what = what.clone();
                                move || t_string!(i18n, compose.remove_recipient, who = what.clone()).to_string()
                            };
                            view! {
                                <li
                                    class="chip"
                                    class:invalid=problem.is_some()
                                    data-testid="chip"
                                    data-email=r.email.clone()
                                    title=what.clone()
                                >
                                    <span class="chip-label">{r.label().to_string()}</span>
                                    {problem
                                        .map(|p| {
                                            view! { <span class="chip-problem">{move || problem_words(i18n, p)}</span> }
                                        })}
                                    <button
                                        type="button"
                                        class="chip-remove"
                                        aria-label=remove_label
                                        on:click=move |_| remove(email.clone())
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }} <li class="chip-input">
                    <input
                        id=id.clone()
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=problem_id.clone()
                        prop:value=move || text.get()
                        on:input=on_input
                        on:paste=on_paste
                        on:keydown=on_keydown
                        on:blur=on_blur
                    />
                </li>
            </ul>
            <p id=problem_id class="visually-hidden" aria-live="polite">
                {move || {
                    list.get()
                        .iter()
                        .filter_map(|r| r.problem().map(|p| format!("{} : {}", r.email, problem_words(i18n, p))))
                        .collect::<Vec<_>>()
                        .join(" ; ")
                }}
            </p>
        </div>
    }
}
