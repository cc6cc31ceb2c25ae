//! The header checkbox, the offer to select the whole folder (rows not loaded included), and
//! the toolbar of actions on the selected rows. The toolbar and the moves it makes are a part
//! of the app of their own (`core::split`), downloaded once the first page is shown; drag and
//! drop uses the same moves through [`drop_move`].

use crate::areas::mail::actions::{self, MoveKind};
use crate::areas::mail::context::use_mail;
use crate::areas::mail::folders::folder_nav::folder_label;
use crate::areas::mail::targets::EmailTarget;
use crate::i18n::*;
use crate::platform::lang::{lang_of, use_lang};
use crate::platform::lazy::{lazy, NotDownloaded};
use crate::ui::toast::use_toasts;
use facteur_mail::mailbox::Folder;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// The header checkbox: selects every loaded row, or nothing.
#[component]
pub fn SelectAllBox() -> impl IntoView {
    let i18n = use_i18n();
    let mail = use_mail();
    let state = Memo::new(move |_| {
        mail.selection.with(|s| {
            mail.with_list(|l| {
                let loaded = l.loaded_count();
                let selected = l.loaded().filter(|(_, id)| s.is_selected(id)).count();
                (
                    loaded > 0 && selected == loaded,
                    selected > 0 && selected < loaded || (selected == 0 && !s.is_empty()),
                )
            })
        })
    });
    view! {
        <label class="row-select select-all">
            <input
                type="checkbox"
                id="select-all"
                data-testid="select-all"
                prop:checked=move || state.get().0
                prop:indeterminate=move || state.get().1
                on:change=move |ev| {
                    if event_target_checked(&ev) {
                        mail.selection
                            .update(|s| mail.with_list_untracked(|l| s.select_ids(l.loaded().map(|(_, id)| id))));
                    } else {
                        mail.selection.update(|s| s.clear());
                    }
                }
            />
            <span class="visually-hidden">{crate::tr!(i18n, selection.select_loaded)}</span>
        </label>
    }
}

/// A button of the bar.
#[derive(Clone)]
enum Bulk {
    Keyword(&'static str, bool),
    Move(MoveKind, Option<Folder>),
    Delete,
}

/// The actions on the selection, shown while rows are selected.
#[component]
pub fn SelectionBar() -> impl IntoView {
    let mail = use_mail();
    let selection = mail.selection;
    let shown = Memo::new(move |_| selection.with(|s| s.count(mail.with_list(|l| l.total()))) > 0);
    view! { <Show when=move || shown.get()>{lazy(bulk_bar, || ())}</Show> }
}

#[wasm_split(bulk_actions, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_bulk_actions))]
pub(crate) fn bulk_bar() -> Result<AnyView, NotDownloaded> {
    Ok(view! { <Bar /> }.into_any())
}

/// Moves rows dropped on a folder (`drag`), with the code of the selection bar's moves.
#[wasm_split(bulk_actions, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(crate) fn drop_move(
    ctx: crate::areas::mail::context::MailContext,
    toasts: crate::ui::toast::Toasts,
    i18n: leptos_i18n::I18nContext<Locale>,
    target: EmailTarget,
    from: Folder,
    to: Folder,
    kind: MoveKind,
) -> Result<(), NotDownloaded> {
    actions::move_emails(ctx, toasts, i18n, target, from, to, kind);
    Ok(())
}

/// The bar itself.
#[component]
fn Bar() -> impl IntoView {
    let i18n = use_i18n();
    let mail = use_mail();
    let lang = use_lang();
    let toasts = use_toasts();
    let total = Memo::new(move |_| mail.with_list(|l| l.total()));
    let count = Memo::new(move |_| mail.selection.with(|s| s.count(total.get())));
    let all_in_folder = Memo::new(move |_| mail.selection.with(|s| s.is_all_in_query()));
    // Every loaded row selected but not the whole folder: offer it (not for search results,
    // which are not the folder).
    let offer_all = Memo::new(move |_| {
        !all_in_folder.get()
            && mail.search.query.with(Option::is_none)
            && mail.with_list(|l| l.loaded_count() < l.total() && count.get() >= l.loaded_count())
    });

    let role = {
        Memo::new(move |_| {
            mail.slug.track();
            mail.folders.get();
            mail.current_folder().and_then(|f| f.role)
        })
    };
    let selection = mail.selection;
    let target = move || selection.with_untracked(|s| mail.with_list_untracked(|l| EmailTarget::from_selection(s, l)));
    let do_move = {
        move |kind: MoveKind, to: Option<Folder>| {
            let Some(from) = mail.current_folder() else { return };
            actions::move_to(mail, toasts, i18n, target(), from, kind, to);
        }
    };
    let keyword =
        { move |keyword: &'static str, on: bool| actions::set_keyword(mail, toasts, i18n, target(), keyword, on) };
    let delete = move || {
        let Some(from) = mail.current_folder() else { return };
        let n = lang_of(i18n).number(count.get_untracked() as u64);
        actions::delete(mail, toasts, i18n, target(), from, &t_string!(i18n, bulk.confirm_destroy, count = n));
    };
    let targets = Memo::new(move |_| {
        mail.folders.track();
        mail.slug.track();
        actions::destinations(&mail, &mail.current_folder().map(|f| f.id).unwrap_or_default())
    });
    // One handle for every button (the bar is rendered again each time it shows).
    let run = StoredValue::new_local(move |action: Bulk| match action {
        Bulk::Keyword(k, on) => keyword(k, on),
        Bulk::Move(kind, to) => do_move(kind, to),
        Bulk::Delete => delete(),
    });
    let spam_kind =
        move || if role.get_untracked().as_deref() == Some("junk") { MoveKind::NotJunk } else { MoveKind::Junk };
    let chosen = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(folder) = targets.get_untracked().into_iter().find(|f| f.id == id) {
            run.with_value(|f| f(Bulk::Move(MoveKind::Folder, Some(folder))));
        }
    };
    let on = move |action: Bulk| move |_: leptos::ev::MouseEvent| run.with_value(|f| f(action.clone()));
    let count_text = move || {
        let n = count.get() as u64;
        let shown = lang.get().number(n);
        crate::plural!(i18n, n, [selection.count_singular], [selection.count_plural], count = shown)
    };
    // A list of conversations counts conversations (the action takes all their messages).
    let threaded = Memo::new(move |_| mail.open_list.with(|s| s.threaded));
    let all_text = move || {
        let n = lang.get().number(total.get() as u64);
        if threaded.get() {
            t_string!(i18n, selection.select_all_conversations, count = n).to_string()
        } else {
            t_string!(i18n, selection.select_all_in_folder, count = n).to_string()
        }
    };
    let all_done_text = move || {
        let n = lang.get().number(total.get() as u64);
        if threaded.get() {
            t_string!(i18n, selection.all_conversations_selected, count = n).to_string()
        } else {
            t_string!(i18n, selection.all_in_folder_selected, count = n).to_string()
        }
    };

    view! {
        <div
            class="selection-bar"
            role="toolbar"
            aria-label=move || t_string!(i18n, selection.toolbar)
            data-testid="selection-bar"
        >
            <span class="selection-count" role="status">
                {count_text}
            </span>
            <button
                type="button"
                class="button secondary small"
                data-action="bulk-read"
                on:click=on(Bulk::Keyword("$seen", true))
            >
                {crate::tr!(i18n, actions.mark_read)}
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="bulk-unread"
                on:click=on(Bulk::Keyword("$seen", false))
            >
                {crate::tr!(i18n, actions.mark_unread)}
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="bulk-flag"
                on:click=on(Bulk::Keyword("$flagged", true))
            >
                {crate::tr!(i18n, actions.flag)}
            </button>
            <Show when=move || role.get().as_deref() != Some("archive")>
                <button
                    type="button"
                    class="button secondary small"
                    data-action="bulk-archive"
                    on:click=on(Bulk::Move(MoveKind::Archive, None))
                >
                    {crate::tr!(i18n, actions.archive)}
                </button>
            </Show>
            <button type="button" class="button secondary small" data-action="bulk-delete" on:click=on(Bulk::Delete)>
                {move || {
                    if role.get().as_deref() == Some("trash") {
                        t_string!(i18n, actions.destroy)
                    } else {
                        t_string!(i18n, actions.delete)
                    }
                }}
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="bulk-spam"
                on:click=move |_| run.with_value(|f| f(Bulk::Move(spam_kind(), None)))
            >
                {move || {
                    if role.get().as_deref() == Some("junk") {
                        t_string!(i18n, actions.not_spam)
                    } else {
                        t_string!(i18n, actions.spam)
                    }
                }}
            </button>
            <label class="move-to">
                <span class="visually-hidden">{crate::tr!(i18n, actions.move_to)}</span>
                <select data-action="bulk-move" on:change=chosen>
                    <option value="" selected=true>
                        {crate::tr!(i18n, actions.move_to)}
                    </option>
                    <For each=move || targets.get() key=|f| f.id.clone() let:f>
                        <option value=f.id.clone()>{folder_label(i18n, &f)}</option>
                    </For>
                </select>
            </label>
            <button
                type="button"
                class="button secondary small"
                data-action="bulk-clear"
                on:click=move |_| mail.selection.update(|s| s.clear())
            >
                {crate::tr!(i18n, selection.clear)}
            </button>
        </div>
        <Show when=move || offer_all.get() || all_in_folder.get()>
            <p class="select-all-offer">
                <Show
                    when=move || all_in_folder.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="link-button"
                                data-action="select-all-in-folder"
                                on:click=move |_| mail.selection.update(|s| s.select_all_in_query())
                            >
                                {all_text}
                            </button>
                        }
                    }
                >
                    <span>{all_done_text}</span>
                </Show>
            </p>
        </Show>
    }
}
