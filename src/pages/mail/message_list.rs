//! The list of the newest messages of one folder.

use crate::components::{error_banner::ErrorBanner, message_row::MessageRow};
use crate::core::{jmap_client::JmapClient, mail};
use crate::i18n::*;
use facteur_logic::mailbox::Folder;
use leptos::prelude::*;

/// How many messages the first page shows.
const PAGE_SIZE: u32 = 50;

/// The newest [`PAGE_SIZE`] messages of `folder`.
#[component]
pub fn MessageList(
    client: JmapClient,
    folder: Signal<Option<Folder>>,
    folders_loaded: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let folder_id = Memo::new(move |_| folder.with(|f| f.as_ref().map(|f| f.id.clone())));
    let page = LocalResource::new(move || {
        let client = client.clone();
        let id = folder_id.get();
        async move {
            match id {
                Some(id) => mail::load_page(&client, &id, 0, PAGE_SIZE).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let title = move || folder.get().map(|f| crate::components::folder_nav::folder_label(i18n, &f));

    view! {
        <div class="list-header">
            <h1 id="list-title">{title}</h1>
            {move || folder.get().map(|f| view! {
                <span class="count">{t!(i18n, list.total, count = f.total)}</span>
            })}
        </div>
        {move || {
            if folders_loaded.get() && folder.with(Option::is_none) {
                return view! { <p class="empty">{t!(i18n, list.folder_not_found)}</p> }.into_any();
            }
            match page.get() {
                None | Some(Ok(None)) => view! {
                    <p class="loading" role="status" aria-live="polite">{t!(i18n, loading)}</p>
                }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBanner
                        title=Signal::derive(move || t_string!(i18n, list.load_error).to_string())
                        detail=crate::components::error_banner::describe(i18n, error)
                        on_retry=move || page.refetch()/>
                }.into_any(),
                Some(Ok(Some(messages))) if messages.is_empty() => view! {
                    <p class="empty">{t!(i18n, list.empty)}</p>
                }.into_any(),
                Some(Ok(Some(messages))) => view! {
                    <ul class="message-list" aria-labelledby="list-title">
                        {messages.into_iter().map(|message| view! { <MessageRow message/> }).collect_view()}
                    </ul>
                }.into_any(),
            }
        }}
    }
}
