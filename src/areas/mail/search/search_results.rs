//! Search results in the message list: the search lives in the address
//! (`/mail/inbox?q=Noah&scope=all`), the rows are the usual rows with the matching words
//! highlighted, and the header says what was searched, how many matched, and clears it.

use crate::areas::mail::context::{use_mail, MailContext};
use crate::areas::mail::list::selection_bar::SelectAllBox;
use crate::i18n::*;
use crate::platform::lang::use_lang;
use facteur_kit::dates::long_day;
use facteur_mail::search::snippet::Highlight;
use facteur_mail::search::{Scope, SearchQuery};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::HashMap;

/// The search of the address and what its results hold.
#[derive(Clone, Copy)]
pub struct SearchState {
    /// The search in the address (`None`: the folder is shown).
    pub query: Memo<Option<SearchQuery>>,
    /// Email id → its highlighted subject and excerpt, for the rows shown.
    pub highlights: RwSignal<HashMap<String, Highlight>>,
    /// How many emails (or conversations) match.
    pub total: RwSignal<Option<u64>>,
}

impl SearchState {
    /// Reads the search from the address, reactively.
    pub fn from_address() -> Self {
        let params = use_query_map();
        SearchState {
            query: Memo::new(move |_| params.with(|p| SearchQuery::from_pairs(p.latest_values()))),
            highlights: RwSignal::new(HashMap::new()),
            total: RwSignal::new(None),
        }
    }
}

/// `?q=…` for the search in the address, or nothing.
fn query_suffix(search: Option<SearchQuery>) -> String {
    search.map(|q| format!("?{}", q.to_query_string())).unwrap_or_default()
}

impl MailContext {
    /// The list's address: the open folder, with the search if there is one (where `u`,
    /// "back" and the actions of the reading pane return).
    pub fn list_href(&self) -> String {
        format!("/mail/{}{}", self.slug.get(), query_suffix(self.search.query.get()))
    }

    /// A conversation's address, keeping the search.
    pub fn thread_href(&self, thread_id: &str) -> String {
        format!("/mail/{}/{}{}", self.slug.get(), thread_id, query_suffix(self.search.query.get()))
    }

    /// Whether the rows shown are those the address asks for (the folder's, or the
    /// search's), not the previous ones while the new ones load.
    pub fn rows_match_address(&self, folder_id: Option<String>) -> bool {
        let wanted = (folder_id, self.search.query.get());
        self.open_list.with(|s| (s.mailbox_id.clone(), s.search.clone()) == wanted)
    }
}

/// The head of the results, a part of the app of its own (with the request of a search,
/// `server::search_request_part`): a first page without a search has none of its code.
#[wasm_split(search_requests, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(crate) fn results_header_part(
    search: SearchQuery,
    folder_name: Signal<Option<String>>,
) -> Result<AnyView, crate::platform::lazy::NotDownloaded> {
    Ok(view! { <ResultsHeader search folder_name /> }.into_any())
}

/// The head of the results: what was searched, how many match, where, and "clear".
#[component]
fn ResultsHeader(search: SearchQuery, folder_name: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let mail = use_mail();
    let navigate = use_navigate();
    let text = search.text.trim().to_string();
    let title = {
        let text = text.clone();
        move || match text.is_empty() {
            true => t_string!(i18n, search.results).to_string(),
            false => t_string!(i18n, search.results_for, text = text.clone()).to_string(),
        }
    };
    // The count of these results (not of the previous ones while these load).
    let shown = {
        let (mail, search) = (mail, search.clone());
        move || mail.open_list.with(|s| s.search.as_ref() == Some(&search))
    };
    let count = move || {
        mail.search.total.get().filter(|_| shown()).map(|n| {
            lang.track();
            crate::plural!(i18n, n, [search.count_singular], [search.count_plural], count = n)
        })
    };
    let criteria = criteria(search.clone(), folder_name);
    let everywhere = (search.scope == Scope::Folder).then(|| {
        let all = SearchQuery { scope: Scope::All, ..search.clone() };
        move || format!("/mail/{}?{}", mail.slug.get(), all.to_query_string())
    });
    let clear = { move |_| navigate(&format!("/mail/{}", mail.slug.get_untracked()), Default::default()) };
    view! {
        <div class="list-header search-header" data-testid="search-results">
            <SelectAllBox />
            <div class="list-title">
                <h1 id="list-title">{title}</h1>
                <span class="count" role="status">
                    {count}
                </span>
            </div>
            <div class="search-details">
                <ul class="search-criteria" aria-label=move || t_string!(i18n, search.criteria)>
                    {move || criteria().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
                {everywhere
                    .map(|href| {
                        view! {
                            <a class="search-everywhere" href=href>
                                {crate::tr!(i18n, search.search_everywhere)}
                            </a>
                        }
                    })}
                <button type="button" class="button secondary small clear-search" id="clear-search" on:click=clear>
                    {crate::tr!(i18n, search.clear)}
                </button>
            </div>
        </div>
    }
}

/// The criteria besides the text, in words (`De : sophie`, `Avec pièce jointe`…).
fn criteria(search: SearchQuery, folder_name: Signal<Option<String>>) -> impl Fn() -> Vec<String> {
    let i18n = use_i18n();
    let lang = use_lang();
    move || {
        let s = &search;
        let mut out = Vec::new();
        let value = |v: &str| v.trim().to_string();
        if !s.from.trim().is_empty() {
            out.push(t_string!(i18n, search.criterion_from, value = value(&s.from)).to_string());
        }
        if !s.to.trim().is_empty() {
            out.push(t_string!(i18n, search.criterion_to, value = value(&s.to)).to_string());
        }
        if !s.subject.trim().is_empty() {
            out.push(t_string!(i18n, search.criterion_subject, value = value(&s.subject)).to_string());
        }
        if s.has_attachment {
            out.push(t_string!(i18n, search.has_attachment).to_string());
        }
        if let Some(day) = s.after {
            out.push(t_string!(i18n, search.criterion_after, date = long_day(day, lang.get())).to_string());
        }
        if let Some(day) = s.before {
            out.push(t_string!(i18n, search.criterion_before, date = long_day(day, lang.get())).to_string());
        }
        out.push(match s.scope {
            Scope::All => t_string!(i18n, search.everywhere).to_string(),
            Scope::Folder => {
                t_string!(i18n, search.in_folder, folder = folder_name.get().unwrap_or_default()).to_string()
            }
        });
        out
    }
}

/// On a row of a search in all folders: the folders the message is in (nothing otherwise:
/// a folder's rows are all in it).
#[component]
pub fn FolderChips(mailbox_ids: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let mail = use_mail();
    // Read through a memo that leaves the area's signals with the row (see
    // `unsubscribing_memo`), the heading with the names.
    let (query, folders) = (mail.search.query, mail.folders);
    let names = crate::areas::mail::list::message_row::unsubscribing_memo(move || {
        if query.with(|q| q.as_ref().map(|q| q.scope) != Some(Scope::All)) {
            return (Vec::new(), "");
        }
        let folders = folders.get().and_then(Result::ok).unwrap_or_default();
        let names = mailbox_ids
            .iter()
            .filter_map(|id| folders.iter().find(|f| &f.id == id))
            .map(|f| crate::areas::mail::folders::folder_nav::folder_label(i18n, f))
            .collect::<Vec<_>>();
        (names, leptos_i18n::td_string!(i18n.get_locale(), search.in_folders))
    });
    move || {
        let (names, heading) = names.get();
        (!names.is_empty()).then(|| {
            view! {
                <span class="folder-chips">
                    <span class="visually-hidden">{heading}</span>
                    {names.into_iter().map(|name| view! { <span class="folder-chip">{name}</span> }).collect_view()}
                </span>
            }
        })
    }
}
