//! The folder tree of the sidebar, with unread counts.

use crate::components::error_banner::{describe, ErrorBanner};
use crate::core::jmap_client::CallError;
use crate::i18n::*;
use leptos_i18n::I18nContext;
use facteur_logic::folders::sidebar_rows;
use facteur_logic::mailbox::Folder;
use leptos::prelude::*;

/// A folder's name as shown: the localised name of its role, else its own name.
pub fn folder_label(i18n: I18nContext<Locale>, folder: &Folder) -> String {
    match folder.role.as_deref() {
        Some("inbox") => t_string!(i18n, roles.inbox).to_string(),
        Some("drafts") => t_string!(i18n, roles.drafts).to_string(),
        Some("sent") => t_string!(i18n, roles.sent).to_string(),
        Some("archive") => t_string!(i18n, roles.archive).to_string(),
        Some("junk") => t_string!(i18n, roles.junk).to_string(),
        Some("trash") => t_string!(i18n, roles.trash).to_string(),
        _ => folder.name.clone(),
    }
}

/// The sidebar's folder list; `current` is the slug of the open folder.
#[component]
pub fn FolderNav(folders: LocalResource<Result<Vec<Folder>, CallError>>, current: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let drop = crate::pages::mail::FolderDrop::new();
    move || match folders.get() {
        None => view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }.into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner title=Signal::derive(move || t_string!(i18n, list.folders_error).to_string())
                detail=describe(i18n, error) on_retry=move || folders.refetch()/>
        }
        .into_any(),
        Some(Ok(list)) => {
            let rows = sidebar_rows(&list);
            let (over, leave, dropped) = (drop.clone(), drop.clone(), drop.clone());
            view! {
                <h2>{t!(i18n, shell.folders)}</h2>
                <ul class="folder-list" on:dragover=move |ev| over.over(ev) on:dragleave=move |ev| leave.leave(ev)
                    on:drop=move |ev| dropped.drop(ev)>
                    {rows.into_iter().map(|row| {
                        let folder = list[row.index].clone();
                        let mailbox_id = folder.id.clone();
                        let slug = folder.slug();
                        let href = format!("/mail/{slug}");
                        let unread = folder.unread;
                        let role = folder.role.clone();
                        let is_current = move || current.get() == slug;
                        view! {
                            <li class=format!("depth-{}", row.depth.min(3))>
                                <a href=href data-mailbox-role=role data-mailbox-id=mailbox_id
                                    aria-current=move || is_current().then_some("page")>
                                    <span class="folder-name">{move || folder_label(i18n, &folder)}</span>
                                    {(unread > 0).then(|| view! {
                                        <span class="unread-count" aria-hidden="true">{unread}</span>
                                        <span class="visually-hidden">{t!(i18n, shell.unread_count, count = unread)}</span>
                                    })}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}
