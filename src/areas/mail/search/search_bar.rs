//! The search field of the top bar and its advanced panel (from, to, subject, attachment,
//! dates, this folder or all folders). Enter searches: the search goes into the address
//! (`/mail/<folder>?q=…`), which loads the results; the field shows the address's search
//! again after back/forward or a reload. The advanced panel is a part of the app of its own
//! (`core::split`), downloaded once the first page is shown.

use crate::areas::mail::context::use_mail;
use crate::areas::mail::keyboard::SEARCH_FIELD;
use crate::i18n::*;
use crate::platform::lazy::{lazy, NotDownloaded};
use crate::ui::icon::{Icon, IconKind};
use crate::ui::popover::close_when_outside;
use chrono::NaiveDate;
use facteur_mail::search::{Scope, SearchProblem, SearchQuery};
use leptos::wasm_split::wasm_split;
use leptos::{ev, html, prelude::*};
use leptos_router::hooks::{use_navigate, use_params_map};
use wasm_bindgen::JsCast;

/// The search form, a part of the app of its own (downloaded right after the first rows: the
/// first page does not wait for it).
#[wasm_split(search_bar, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_search_bar))]
pub(crate) fn search_bar() -> Result<AnyView, NotDownloaded> {
    Ok(view! { <SearchBar /> }.into_any())
}

/// The search form.
#[component]
pub fn SearchBar() -> impl IntoView {
    let i18n = use_i18n();
    let mail = use_mail();
    let navigate = use_navigate();
    let params = use_params_map();
    let address = mail.search.query;
    let draft = RwSignal::new(address.get_untracked().unwrap_or_default());
    let advanced = RwSignal::new(false);
    let problem = RwSignal::new(None::<SearchProblem>);
    let toggle = NodeRef::<html::Button>::new();
    let form = NodeRef::<html::Form>::new();
    // The panel closes when the user presses or moves the focus outside it (one rule for
    // every popover: `ui::popover`).
    let focus_left = close_when_outside(form, move || advanced.get(), move || advanced.set(false));
    // The address is the outside world: after back/forward, a reload or "clear", the form
    // shows the search of the address.
    Effect::new(move || {
        draft.set(address.get().unwrap_or_default());
        problem.set(None);
    });

    let submit = {
        move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            let query = draft.get_untracked();
            let found = query.problem();
            problem.set(found);
            match found {
                Some(SearchProblem::DatesReversed) => advanced.set(true),
                // An empty search while results are shown: back to the folder.
                Some(SearchProblem::Empty) if address.get_untracked().is_some() => {
                    problem.set(None);
                    navigate(&format!("/mail/{}", mail.slug.get_untracked()), Default::default());
                }
                Some(SearchProblem::Empty) => {}
                None => {
                    advanced.set(false);
                    let reading = params.with_untracked(|p| p.get("thread").is_some());
                    if address.get_untracked().as_ref() == Some(&query) && !reading {
                        mail.page.refetch(); // the same search again: fresh results
                    } else {
                        let to = format!("/mail/{}?{}", mail.slug.get_untracked(), query.to_query_string());
                        navigate(&to, Default::default());
                    }
                }
            }
        }
    };
    // Escape in the panel closes it and gives the focus back to its button.
    let close_on_escape = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            advanced.set(false);
            if let Some(button) = toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let problem_text = problem_text(i18n, problem);
    let ever_opened = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || advanced.get());

    view! {
        <form
            class="search"
            role="search"
            aria-label=move || t_string!(i18n, search.label)
            on:submit=submit
            node_ref=form
            on:focusout=focus_left
            class:advanced-open=move || advanced.get()
        >
            <div class="search-field">
                <label for=SEARCH_FIELD class="visually-hidden">
                    {crate::tr!(i18n, search.label)}
                </label>
                <input
                    type="search"
                    id=SEARCH_FIELD
                    name="q"
                    autocomplete="off"
                    enterkeyhint="search"
                    placeholder=move || t_string!(i18n, search.placeholder)
                    aria-describedby="search-problem"
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev))
                    on:keydown=move |ev: ev::KeyboardEvent| {
                        if ev.key() == "Escape" && event_target_value(&ev).is_empty() {
                            if let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                                let _ = field.blur();
                            }
                        }
                    }
                />
                <button type="submit" class="icon-button search-submit">
                    <Icon kind=IconKind::Search />
                    <span class="visually-hidden">{crate::tr!(i18n, search.submit)}</span>
                </button>
                <button
                    type="button"
                    class="icon-button search-options"
                    node_ref=toggle
                    id="search-options"
                    aria-expanded=move || advanced.get().to_string()
                    aria-controls="search-advanced"
                    on:click=move |_| advanced.update(|open| *open = !*open)
                >
                    <Icon kind=IconKind::Options />
                    <span class="visually-hidden">{crate::tr!(i18n, search.advanced)}</span>
                </button>
            </div>
            // Said under the field, or at the top of the panel when it is open.
            {move || {
                (!advanced.get())
                    .then(|| {
                        view! {
                            <p id="search-problem" class="search-problem" role="alert">
                                {problem_text}
                            </p>
                        }
                    })
            }}
            <div id="search-advanced" class="search-advanced" hidden=move || !advanced.get() on:keydown=close_on_escape>
                // Downloaded when first opened, then kept (hidden) like the rest of the form.
                {move || {
                    ever_opened
                        .get()
                        .then(|| lazy(
                            move || search_panel(draft, problem, advanced),
                            move || {
                                view! {
                                    <p class="loading" role="status">
                                        {crate::tr!(i18n, loading)}
                                    </p>
                                }
                            },
                        ))
                }}
            </div>
        </form>
    }
}

/// What is said of a search that cannot be made, if anything.
fn problem_text(
    i18n: leptos_i18n::I18nContext<Locale>,
    problem: RwSignal<Option<SearchProblem>>,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        problem.get().map(|p| match p {
            SearchProblem::Empty => t_string!(i18n, search.empty_query).to_string(),
            SearchProblem::DatesReversed => t_string!(i18n, search.dates_reversed).to_string(),
        })
    }
}

#[wasm_split(search_panel, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_search_panel))]
pub(crate) fn search_panel(
    draft: RwSignal<SearchQuery>,
    problem: RwSignal<Option<SearchProblem>>,
    advanced: RwSignal<bool>,
) -> Result<AnyView, NotDownloaded> {
    Ok(view! { <Panel draft problem advanced /> }.into_any())
}

/// The criteria of the advanced panel, shown while it is open.
#[component]
fn Panel(
    draft: RwSignal<SearchQuery>,
    problem: RwSignal<Option<SearchProblem>>,
    advanced: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem_text = problem_text(i18n, problem);
    let dates_wrong = move || problem.get() == Some(SearchProblem::DatesReversed);
    view! {
        // Said here while the panel is open, under the field otherwise.
        {move || {
            advanced
                .get()
                .then(|| {
                    view! {
                        <p id="search-problem" class="search-problem" role="alert">
                            {problem_text}
                        </p>
                    }
                })
        }}
        <TextCriterion
            id="search-from"
            label=Signal::derive(move || t_string!(i18n, search.from).to_string())
            draft
            get=|q| &q.from
            set=|q| &mut q.from
        />
        <TextCriterion
            id="search-to"
            label=Signal::derive(move || t_string!(i18n, search.to).to_string())
            draft
            get=|q| &q.to
            set=|q| &mut q.to
        />
        <TextCriterion
            id="search-subject"
            label=Signal::derive(move || t_string!(i18n, search.subject).to_string())
            draft
            get=|q| &q.subject
            set=|q| &mut q.subject
        />
        <DateCriterion
            id="search-after"
            label=Signal::derive(move || t_string!(i18n, search.after).to_string())
            draft
            invalid=Signal::derive(dates_wrong)
            get=|q| q.after
            set=|q| &mut q.after
        />
        <DateCriterion
            id="search-before"
            label=Signal::derive(move || t_string!(i18n, search.before).to_string())
            draft
            invalid=Signal::derive(dates_wrong)
            get=|q| q.before
            set=|q| &mut q.before
        />
        <label class="checkbox search-attachment">
            <input
                type="checkbox"
                id="search-attachment"
                prop:checked=move || draft.with(|d| d.has_attachment)
                on:change=move |ev| draft.update(|d| d.has_attachment = event_target_checked(&ev))
            />
            {crate::tr!(i18n, search.has_attachment)}
        </label>
        <fieldset class="search-scope">
            <legend>{crate::tr!(i18n, search.scope)}</legend>
            <ScopeChoice
                scope=Scope::Folder
                draft
                label=Signal::derive(move || t_string!(i18n, search.this_folder).to_string())
            />
            <ScopeChoice
                scope=Scope::All
                draft
                label=Signal::derive(move || t_string!(i18n, search.all_folders).to_string())
            />
        </fieldset>
        <p class="hint search-hint">{crate::tr!(i18n, search.hint)}</p>
        <div class="search-actions">
            <button type="submit" class="button primary">
                {crate::tr!(i18n, search.submit)}
            </button>
            <button type="button" class="button secondary" on:click=move |_| advanced.set(false)>
                {crate::tr!(i18n, search.close)}
            </button>
        </div>
    }
}

/// A text criterion of the advanced panel.
#[component]
fn TextCriterion(
    id: &'static str,
    label: Signal<String>,
    draft: RwSignal<SearchQuery>,
    get: fn(&SearchQuery) -> &String,
    set: fn(&mut SearchQuery) -> &mut String,
) -> impl IntoView {
    view! {
        <div class="search-criterion">
            <label for=id>{label}</label>
            <input
                type="text"
                id=id
                autocomplete="off"
                prop:value=move || draft.with(|d| get(d).clone())
                on:input=move |ev| draft.update(|d| *set(d) = event_target_value(&ev))
            />
        </div>
    }
}

/// A day of the advanced panel (`Du`, `Au`).
#[component]
fn DateCriterion(
    id: &'static str,
    label: Signal<String>,
    draft: RwSignal<SearchQuery>,
    invalid: Signal<bool>,
    get: fn(&SearchQuery) -> Option<NaiveDate>,
    set: fn(&mut SearchQuery) -> &mut Option<NaiveDate>,
) -> impl IntoView {
    let value = move || draft.with(|d| get(d).map(facteur_kit::dates::iso_day).unwrap_or_default());
    view! {
        <div class="search-criterion">
            <label for=id>{label}</label>
            <input
                type="date"
                id=id
                prop:value=value
                aria-invalid=move || invalid.get().to_string()
                aria-describedby="search-problem"
                on:input=move |ev| {
                    draft.update(|d| *set(d) = facteur_kit::dates::parse_iso_day(&event_target_value(&ev)))
                }
            />
        </div>
    }
}

/// One choice of where to search.
#[component]
fn ScopeChoice(scope: Scope, draft: RwSignal<SearchQuery>, label: Signal<String>) -> impl IntoView {
    view! {
        <label class="checkbox">
            <input
                type="radio"
                name="search-scope"
                value=if scope == Scope::All { "all" } else { "folder" }
                prop:checked=move || draft.with(|d| d.scope == scope)
                on:change=move |_| draft.update(|d| d.scope = scope)
            />
            {label}
        </label>
    }
}
