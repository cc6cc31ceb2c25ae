//! Keyboard shortcuts of the mail screen, and the `?` list of them (a part of the app of its
//! own, downloaded when first asked for).

use crate::areas::mail::context::use_mail;
use crate::i18n::*;
use crate::platform::lazy::NotDownloaded;
use crate::platform::shortcuts::on_shortcut;
use leptos::wasm_split::wasm_split;
use leptos::{ev, html, prelude::*};
use leptos_router::{hooks::use_params_map, NavigateOptions};
use wasm_bindgen::JsCast;

/// The id of the list row that has the focus (its link or its checkbox).
fn focused_row_id() -> Option<String> {
    let active = document().active_element()?;
    active.closest("[data-testid=message-row]").ok()??.get_attribute("data-id")
}

/// The id of the search field (the `/` key focuses it).
pub const SEARCH_FIELD: &str = "search-input";

/// j/k: next/previous conversation (the row is kept in view); x: select the focused row;
/// Escape: clear the selection (else close the conversation); u: back to the list; /: search;
/// ?: the list of shortcuts; c: a new message.
/// (e, #, r, a, f act on the open conversation: see the reading pane.)
pub fn listen(navigate: impl Fn(&str, NavigateOptions) + Clone + 'static, help_open: RwSignal<bool>) {
    let mail = use_mail();
    let compose = crate::areas::mail::compose::use_compose_requests();
    let params = use_params_map();
    let keys = move |event: &ev::KeyboardEvent| {
        let open = params.with_untracked(|p| p.get("thread"));
        match event.key().as_str() {
            "j" | "k" => {
                let total = mail.with_list_untracked(|l| l.total());
                if total == 0 {
                    return;
                }
                // The row the keyboard (or a click) was last on, else the open conversation's.
                let at = mail.cursor.get_untracked().or_else(|| open.as_ref().and_then(|t| mail.position_of_thread(t)));
                let next = match (event.key().as_str(), at) {
                    ("j", Some(i)) => (i + 1).min(total - 1),
                    ("k", Some(i)) => i.saturating_sub(1),
                    (_, None) => 0,
                    _ => return,
                };
                event.prevent_default();
                mail.cursor.set(Some(next));
                // A row not loaded yet comes into view and loads; the next key opens it.
                if let Some(row) = mail.row_at(next) {
                    navigate(&untrack(|| mail.thread_href(&row.thread_id)), Default::default());
                    // Read ahead: the next one in the same direction is likely the one after.
                    let ahead = if event.key() == "j" { next + 1 } else { next.wrapping_sub(1) };
                    if let Some(row) = mail.row_at(ahead).filter(|r| r.thread_id != row.thread_id) {
                        crate::areas::mail::reading::prefetch::prefetch(&mail, &row.thread_id);
                    }
                }
            }
            "x" => {
                let Some(id) =
                    focused_row_id().or_else(|| mail.cursor.get_untracked().and_then(|p| mail.row_at(p)).map(|r| r.id))
                else {
                    return;
                };
                event.prevent_default();
                mail.selection.update(|s| s.toggle(&id));
            }
            "Escape" if mail.selection.with_untracked(|s| !s.is_empty()) => {
                event.prevent_default();
                mail.selection.update(|s| s.clear());
            }
            "u" | "Escape" if open.is_some() => {
                event.prevent_default();
                navigate(&untrack(|| mail.list_href()), Default::default());
            }
            "/" => {
                let field = document()
                    .get_element_by_id(SEARCH_FIELD)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(field) = field {
                    event.prevent_default();
                    let _ = field.focus();
                    field.select();
                }
            }
            "?" => {
                event.prevent_default();
                help_open.set(true);
            }
            "c" => {
                event.prevent_default();
                compose.ask(crate::areas::mail::compose::ComposeRequest::New);
            }
            _ => {}
        }
    };
    on_shortcut(move |event| {
        keys(event);
        event.default_prevented()
    });
}

/// The list of shortcuts, a part of the app of its own (downloaded at the first `?`).
#[wasm_split(shortcut_help, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_shortcut_help))]
pub(crate) fn shortcut_help_part(open: RwSignal<bool>) -> Result<AnyView, NotDownloaded> {
    Ok(view! { <ShortcutHelp open /> }.into_any())
}

/// The list of shortcuts, in a modal dialog.
#[component]
fn ShortcutHelp(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<html::Dialog>::new();
    // The dialog element is the outside world: open it modally when asked.
    Effect::new(move || {
        if let Some(d) = dialog.get() {
            if open.get() && !d.open() {
                let _ = d.show_modal();
            } else if !open.get() && d.open() {
                d.close();
            }
        }
    });
    let rows = move || {
        [
            ("j", t_string!(i18n, keys.next).to_string()),
            ("k", t_string!(i18n, keys.previous).to_string()),
            ("u", t_string!(i18n, keys.back).to_string()),
            ("x", t_string!(i18n, keys.select).to_string()),
            ("Échap / Esc", t_string!(i18n, keys.clear_selection).to_string()),
            ("e", t_string!(i18n, keys.archive).to_string()),
            ("#", t_string!(i18n, keys.delete).to_string()),
            ("/", t_string!(i18n, keys.search).to_string()),
            ("c", t_string!(i18n, keys.compose).to_string()),
            ("r / a / f", t_string!(i18n, keys.reply).to_string()),
            ("?", t_string!(i18n, keys.help).to_string()),
        ]
    };
    view! {
        <dialog
            node_ref=dialog
            class="shortcut-help"
            aria-labelledby="shortcuts-title"
            on:close=move |_| open.set(false)
            data-testid="shortcut-help"
        >
            <h2 id="shortcuts-title">{crate::tr!(i18n, keys.title)}</h2>
            <dl>
                {move || {
                    rows()
                        .into_iter()
                        .map(|(key, what)| {
                            view! {
                                <dt>
                                    <kbd>{key}</kbd>
                                </dt>
                                <dd>{what}</dd>
                            }
                        })
                        .collect_view()
                }}
            </dl>
            <button type="button" class="button secondary" on:click=move |_| open.set(false)>
                {crate::tr!(i18n, keys.close)}
            </button>
        </dialog>
    }
}
