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
    let composers = super::use_composers();
    let text = RwSignal::new(String::new());
    let list = { Memo::new(move |_| draft.with(|d| pick.of(d).clone())) };
    // Suggestions: the people the user wrote to or heard from whose name or address starts so.
    let (open, active) = (RwSignal::new(false), RwSignal::new(None::<usize>));
    let suggestions = Memo::new(move |_| {
        let typed = text.get();
        if typed.trim().is_empty() {
            return Vec::new();
        }
        composers.known.with(|k| k.as_ref().map(|k| list.with(|l| k.suggest(&typed, l, 6))).unwrap_or_default())
    });
    let shown = move || open.get() && !suggestions.with(Vec::is_empty);
    let choose = move |who: Recipient| {
        draft.update(|d| {
            let into = pick.of_mut(d);
            if !into.iter().any(|known| known.email.eq_ignore_ascii_case(&who.email)) {
                into.push(who);
            }
        });
        text.set(String::new());
        active.set(None);
        open.set(false);
        on_change.run(());
    };
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
                open.set(true);
                active.set(None);
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
            "ArrowDown" | "ArrowUp" if !suggestions.with_untracked(Vec::is_empty) => {
                ev.prevent_default();
                let n = suggestions.with_untracked(Vec::len);
                open.set(true);
                active.update(|a| {
                    *a = Some(match (*a, ev.key().as_str()) {
                        (None, "ArrowDown") => 0,
                        (None, _) => n - 1,
                        (Some(i), "ArrowDown") => (i + 1) % n,
                        (Some(i), _) => (i + n - 1) % n,
                    })
                });
            }
            "Escape" if open.get_untracked() && !suggestions.with_untracked(Vec::is_empty) => {
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
            }
            "Enter" => {
                ev.prevent_default();
                let picked = active.get_untracked().and_then(|i| suggestions.with_untracked(|s| s.get(i).cloned()));
                match picked.filter(|_| open.get_untracked()) {
                    Some(who) => choose(who),
                    None => {
                        add(&text.get_untracked());
                        text.set(String::new());
                    }
                }
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
            open.set(false);
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
    let listbox_id = format!("{id}-suggestions");
    let option_id = {
        let listbox_id = listbox_id.clone();
        move |i: usize| format!("{listbox_id}-{i}")
    };
    let active_option = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| shown()).map(&option_id)
    };
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
                        role="combobox"
                        aria-autocomplete="list"
                        aria-expanded=move || shown().to_string()
                        aria-controls=listbox_id.clone()
                        aria-activedescendant=active_option
                        on:focus=move |_| composers.want_suggestions()
                        prop:value=move || text.get()
                        on:input=on_input
                        on:paste=on_paste
                        on:keydown=on_keydown
                        on:blur=on_blur
                    />
                </li>
            </ul>
            <ul
                id=listbox_id
                class="suggestions"
                role="listbox"
                data-testid="suggestions"
                aria-label=move || label.get()
                hidden=move || !shown()
            >
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, who)| {
                            let option_id = option_id(i);
                            let (label, email, shown_email) = (
                                who.label().to_string(),
                                who.email.clone(),
                                who.email.clone(),
                            );
                            let named = who.name.is_some();
                            view! {
                                <li
                                    id=option_id
                                    role="option"
                                    class="suggestion"
                                    data-email=email.clone()
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(who.clone());
                                    }
                                >
                                    <span class="suggestion-name">{label}</span>
                                    {named.then(|| view! { <span class="suggestion-email">{shown_email}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
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
