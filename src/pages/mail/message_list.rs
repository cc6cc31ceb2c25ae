//! The list of the newest messages of one folder.

use crate::components::{error_banner::ErrorBanner, message_row::MessageRow};
use super::context::use_mail;
use crate::i18n::*;
use facteur_logic::mailbox::Folder;
use leptos::prelude::*;

/// The newest messages of `folder` (the page is loaded by the shell, see `MailContext`).
#[component]
pub fn MessageList(folder: Signal<Option<Folder>>, folders_loaded: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let mail = use_mail();
    let page = mail.page;
    let lang = crate::core::lang::use_lang();
    let title = move || folder.get().map(|f| crate::components::folder_nav::folder_label(i18n, &f));

    view! {
        <div class="list-header">
            <h1 id="list-title">{title}</h1>
            {move || folder.get().map(|f| view! {
                <span class="count">{move || if lang.get().is_singular(f.total) {
                    t_string!(i18n, list.total_singular, count = f.total).to_string()
                } else {
                    t_string!(i18n, list.total_plural, count = f.total).to_string()
                }}</span>
            })}
            <label class="threads-toggle">
                <input type="checkbox" id="threads-toggle" prop:checked=move || mail.threaded.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        crate::core::storage::save_threaded_list(on);
                        mail.threaded.set(on);
                    }/>
                {t!(i18n, list.by_conversation)}
            </label>
        </div>
        {move || {
            if folders_loaded.get() && folder.with(Option::is_none) {
                return view! { <p class="empty">{t!(i18n, list.folder_not_found)}</p> }.into_any();
            }
            // Rows of another folder (still shown by the resource while the new page loads)
            // must never appear under this folder's name.
            let showing = mail.states.with(|s| s.mailbox_id.clone());
            let wanted = folder.with(|f| f.as_ref().map(|f| f.id.clone()));
            let page_state = match page.get() {
                Some(Ok(Some(()))) if showing != wanted => None,
                other => other,
            };
            match page_state {
                None | Some(Ok(None)) => view! {
                    <p class="loading" role="status" aria-live="polite">{t!(i18n, loading)}</p>
                }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBanner
                        title=Signal::derive(move || t_string!(i18n, list.load_error).to_string())
                        detail=crate::components::error_banner::describe(i18n, error)
                        on_retry=move || page.refetch()/>
                }.into_any(),
                Some(Ok(Some(()))) if mail.rows.with(Vec::is_empty) => view! {
                    <p class="empty">{t!(i18n, list.empty)}</p>
                }.into_any(),
                Some(Ok(Some(()))) => {
                    let mail = mail.clone();
                    view! {
                    <ul class="message-list" aria-labelledby="list-title">
                        <For each=move || mail.visible_rows() key=|m| m.id.clone() let:message>
                            <MessageRow message/>
                        </For>
                    </ul>
                }.into_any()
                }
            }
        }}
    }
}
