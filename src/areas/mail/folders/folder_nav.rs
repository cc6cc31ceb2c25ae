//! The folder tree of the sidebar, with unread counts, "Nouveau dossier", a menu on each of
//! the user's own folders (Renommer, Déplacer dans…, Supprimer) and the quota gauge.

use crate::areas::mail::folders::folder_dialogs::{use_folder_manager, FolderDialog};
use crate::areas::mail::folders::quota::QuotaGauge;
use crate::i18n::*;
use crate::ui::error_banner::{describe, ErrorBanner};
use crate::ui::icon::{Icon, IconKind};
use crate::ui::popover::close_when_outside;
use facteur_mail::folder_ops::is_user_folder;
use facteur_mail::folders::sidebar_rows;
use facteur_mail::mailbox::Folder;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

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

/// Whether a folder was just created here and the server has not confirmed it yet.
fn is_pending(folder: &Folder) -> bool {
    folder.id.starts_with("pending-")
}

/// The sidebar's folder list; `current` is the slug of the open folder.
#[component]
pub fn FolderNav(folders: crate::areas::mail::context::Folders, current: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let manager = use_folder_manager();
    // Messages dragged from the list can be dropped on a folder.
    let drop = crate::areas::mail::FolderDrop::new();
    // The folder whose menu is open.
    let menu_for = RwSignal::new(None::<String>);
    let list = move || match folders.get() {
        None => view! {
            <p class="loading" role="status">
                {crate::tr!(i18n, loading)}
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner
                title=Signal::derive(move || t_string!(i18n, list.folders_error).to_string())
                detail=describe(i18n, error)
                on_retry=move || folders.refetch()
            />
        }
        .into_any(),
        Some(Ok(list)) => {
            let rows = sidebar_rows(&list);
            let (over, leave, dropped) = (drop.clone(), drop.clone(), drop.clone());
            view! {
                <ul
                    class="folder-list"
                    on:dragover=move |ev| over.over(ev)
                    on:dragleave=move |ev| leave.leave(ev)
                    on:drop=move |ev| dropped.drop(ev)
                >
                    {rows
                        .into_iter()
                        .map(|row| {
                            let folder = list[row.index].clone();
                            view! { <FolderItem folder depth=row.depth current menu_for /> }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <div class="folders-header">
            <h2>{crate::tr!(i18n, shell.folders)}</h2>
            <button
                type="button"
                id="new-folder"
                class="button secondary small new-folder"
                data-action="new-folder"
                on:click=move |ev| {
                    ev.stop_propagation();
                    manager.open(FolderDialog::Create)
                }
            >
                <Icon kind=IconKind::Plus />
                <span>{crate::tr!(i18n, folders.new)}</span>
            </button>
        </div>
        {list}
        <QuotaGauge />
    }
}

/// One folder: its link, and for the user's own folders a menu of actions.
#[component]
fn FolderItem(
    folder: Folder,
    depth: usize,
    current: Signal<String>,
    menu_for: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let manager = use_folder_manager();
    let slug = folder.slug();
    let href = format!("/mail/{slug}");
    let unread = folder.unread;
    let role = folder.role.clone();
    let is_current = move || current.get() == slug;
    let id = folder.id.clone();
    let menu_id = format!("folder-menu-{}", folder.id);
    let open = {
        let id = id.clone();
        Memo::new(move |_| menu_for.get().as_deref() == Some(id.as_str()))
    };
    let button = NodeRef::<leptos::html::Button>::new();
    let item = NodeRef::<leptos::html::Li>::new();
    let close = move |focus_button: bool| {
        menu_for.set(None);
        if let Some(b) = button.get_untracked().filter(|_| focus_button) {
            let _ = b.focus();
        }
    };
    let act = {
        let folder = folder.clone();
        move |dialog: fn(Folder) -> FolderDialog| {
            let folder = folder.clone();
            move |ev: leptos::ev::MouseEvent| {
                ev.stop_propagation();
                // Focus goes back to the menu button when the dialog closes.
                close(true);
                manager.open(dialog(folder.clone()));
            }
        }
    };
    let label = {
        let folder = folder.clone();
        move || folder_label(i18n, &folder)
    };
    let name = folder.name.clone();
    let manageable = is_user_folder(&folder) && !is_pending(&folder);
    // The Trash and Junk can be emptied from their menu (they cannot be renamed or deleted).
    let empty_text = match folder.role.as_deref() {
        Some("trash") => Some(t_string!(i18n, quota.empty_trash)),
        Some("junk") => Some(t_string!(i18n, quota.empty_junk)),
        _ => None,
    };
    let link = if is_pending(&folder) {
        view! {
            <span class="folder-link pending" aria-busy="true">
                <span class="folder-name">{label.clone()}</span>
            </span>
        }
        .into_any()
    } else {
        view! {
            <a
                class="folder-link"
                href=href
                data-mailbox-role=role
                data-mailbox-id=id.clone()
                data-folder-name=name.clone()
                aria-current=move || is_current().then_some("page")
            >
                <span class="folder-name">{label.clone()}</span>
                {(unread > 0)
                    .then(|| {
                        view! {
                            <span class="unread-count" aria-hidden="true">
                                {unread}
                            </span>
                            <span class="visually-hidden">{t!(i18n, shell.unread_count, count = unread)}</span>
                        }
                    })}
            </a>
        }
        .into_any()
    };
    view! {
        <li
            class=format!("folder-item depth-{}", depth.min(3))
            node_ref=item
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.stop_propagation();
                    close(true)
                }
            }
            on:focusout=close_when_outside(item, move || open.get(), move || menu_for.set(None))
        >
            {link}
            {(manageable || empty_text.is_some())
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="icon-button folder-menu-button"
                            node_ref=button
                            data-action="folder-menu"
                            aria-expanded=move || open.get().to_string()
                            aria-controls=menu_id.clone()
                            on:click=move |ev| {
                                ev.stop_propagation();
                                let was_open = open.get_untracked();
                                menu_for.set((!was_open).then(|| id.clone()));
                            }
                        >
                            <Icon kind=IconKind::More />
                            <span class="visually-hidden">{t!(i18n, folders.actions_for, name = label())}</span>
                        </button>
                        <ul id=menu_id.clone() class="folder-menu" hidden=move || !open.get() data-testid="folder-menu">
                            {manageable
                                .then(|| {
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                data-action="folder-rename"
                                                on:click=act(FolderDialog::Rename)
                                            >
                                                {crate::tr!(i18n, folders.rename)}
                                            </button>
                                        </li>
                                        <li>
                                            <button
                                                type="button"
                                                data-action="folder-move"
                                                on:click=act(FolderDialog::Move)
                                            >
                                                {crate::tr!(i18n, folders.move_to)}
                                            </button>
                                        </li>
                                        <li>
                                            <button
                                                type="button"
                                                data-action="folder-delete"
                                                on:click=act(FolderDialog::Delete)
                                            >
                                                {crate::tr!(i18n, folders.delete)}
                                            </button>
                                        </li>
                                    }
                                })}
                            {empty_text
                                .map(|text| {
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                data-action="folder-empty"
                                                on:click=act(FolderDialog::Empty)
                                            >
                                                {text}
                                            </button>
                                        </li>
                                    }
                                })}
                        </ul>
                    }
                })}
        </li>
    }
}
