//! Folder management: the dialogs to create, rename, move and delete a folder and to empty
//! the Trash or Junk. Their changes are pending changes of the store: shown at once, rolled
//! back with a message if the server refuses. The decisions are in `facteur_mail::folder_ops`.

use crate::areas::mail::folders::folder_nav::folder_label;
use crate::areas::mail::folders::manage::{self, ManageError};
use crate::areas::mail::use_mail;
use crate::i18n::*;
use crate::platform::lazy::{lazy, NotDownloaded};
use crate::ui::error_banner::describe;
use crate::ui::form_field::{Field, FormField};
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use facteur_mail::folder_ops::{self, DeletePlan, FolderError, NameError};
use facteur_mail::mailbox::Folder;
use leptos::wasm_split::wasm_split;
use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_navigate;

/// Which dialog is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderDialog {
    /// New folder.
    Create,
    /// Rename this folder.
    Rename(Folder),
    /// Move this folder.
    Move(Folder),
    /// Delete this folder.
    Delete(Folder),
    /// Empty this folder (Trash or Junk) for good.
    Empty(Folder),
}

/// The folder dialogs (context). The changes they make are pending changes of the store.
#[derive(Clone, Copy)]
pub struct FolderManager {
    /// The dialog's content.
    dialog: RwSignal<Option<FolderDialog>>,
    /// Whether the dialog is open.
    open: RwSignal<bool>,
}

impl FolderManager {
    /// Provides the manager.
    pub fn provide() -> FolderManager {
        let manager = FolderManager { dialog: RwSignal::new(None), open: RwSignal::new(false) };
        provide_context(manager);
        manager
    }

    /// Opens a dialog.
    pub fn open(&self, dialog: FolderDialog) {
        self.dialog.set(Some(dialog));
        self.open.set(true);
    }

    fn close(&self) {
        self.open.set(false);
    }
}

/// The folder manager.
pub fn use_folder_manager() -> FolderManager {
    expect_context::<FolderManager>()
}

/// A name error in words.
fn name_error_text(i18n: I18nContext<Locale>, error: NameError) -> String {
    match error {
        NameError::Empty => t_string!(i18n, folders.err_empty),
        NameError::TooLong => t_string!(i18n, folders.err_too_long),
        NameError::Slash => t_string!(i18n, folders.err_slash),
        NameError::ControlCharacter => t_string!(i18n, folders.err_control),
        NameError::Reserved => t_string!(i18n, folders.err_reserved),
        NameError::Duplicate => t_string!(i18n, folders.err_duplicate),
    }
    .to_string()
}

/// A failed folder operation in words.
pub fn refusal_text(i18n: I18nContext<Locale>, error: &ManageError) -> String {
    let refused = match error {
        ManageError::Call(call) => return describe(i18n, call.clone()).get_untracked(),
        ManageError::Refused(kind) => kind,
    };
    match refused {
        FolderError::NameRefused => t_string!(i18n, folders.refused_name).to_string(),
        FolderError::NameCharacters => t_string!(i18n, folders.refused_characters).to_string(),
        FolderError::BadParent => t_string!(i18n, folders.refused_parent).to_string(),
        FolderError::HasSubfolders => t_string!(i18n, folders.refused_children).to_string(),
        FolderError::HasMail => t_string!(i18n, folders.refused_mail).to_string(),
        FolderError::Forbidden => t_string!(i18n, folders.refused_forbidden).to_string(),
        FolderError::NotFound => t_string!(i18n, folders.refused_not_found).to_string(),
        FolderError::OverQuota => t_string!(i18n, folders.refused_quota).to_string(),
        FolderError::Other(detail) => t_string!(i18n, folders.refused_other, detail = detail.clone()).to_string(),
    }
}

/// The dialogs (one `<dialog>`, its content depends on what was asked).
#[component]
pub fn FolderDialogs() -> impl IntoView {
    let i18n = use_i18n();
    let manager = use_folder_manager();
    let title = Signal::derive(move || match manager.dialog.get() {
        None | Some(FolderDialog::Create) => t_string!(i18n, folders.create_title).to_string(),
        Some(FolderDialog::Rename(f)) => {
            t_string!(i18n, folders.rename_title, name = folder_label(i18n, &f)).to_string()
        }
        Some(FolderDialog::Move(f)) => t_string!(i18n, folders.move_title, name = folder_label(i18n, &f)).to_string(),
        Some(FolderDialog::Delete(f)) => {
            t_string!(i18n, folders.delete_title, name = folder_label(i18n, &f)).to_string()
        }
        Some(FolderDialog::Empty(f)) => {
            t_string!(i18n, quota.confirm_title, folder = folder_label(i18n, &f)).to_string()
        }
    });
    view! {
        <Modal
            open=manager.open
            title
            title_id="folder-dialog-title"
            testid="folder-dialog"
            fallback_focus="#new-folder"
        >
            // The forms are downloaded on first use (core::split), usually long before.
            {move || {
                manager
                    .dialog
                    .get()
                    .map(|asked| {
                        let load = move || {
                            let body = dialog_body(asked.clone());
                            async move {
                                let body = body.await;
                                request_animation_frame(focus_the_form);
                                body
                            }
                        };
                        lazy(load, || ())
                    })
            }}
        </Modal>
    }
}

/// Focuses the field of the open folder dialog that the form asks for (`autofocus`), else
/// its first field or button.
fn focus_the_form() {
    let found = document()
        .query_selector("[data-testid=folder-dialog][open] [autofocus]")
        .ok()
        .flatten()
        .or_else(|| {
            document()
                .query_selector("[data-testid=folder-dialog][open] form input, [data-testid=folder-dialog][open] select, [data-testid=folder-dialog][open] button")
                .ok()
                .flatten()
        });
    if let Some(element) = found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = element.focus();
    }
}

/// The content of the dialog asked for.
#[wasm_split(folder_dialogs, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_folder_dialogs))]
pub(crate) fn dialog_body(asked: FolderDialog) -> Result<AnyView, NotDownloaded> {
    Ok(match asked {
        FolderDialog::Create => view! { <NameForm folder=None /> }.into_any(),
        FolderDialog::Rename(f) => view! { <NameForm folder=Some(f) /> }.into_any(),
        FolderDialog::Move(f) => view! { <MoveForm folder=f /> }.into_any(),
        FolderDialog::Delete(f) => view! { <DeleteConfirm folder=f /> }.into_any(),
        FolderDialog::Empty(f) => view! { <EmptyConfirm folder=f /> }.into_any(),
    })
}

/// What the dialogs' handlers need, taken from the context when a dialog is built (there is
/// no context inside handlers and tasks).
#[derive(Clone)]
struct Deps {
    i18n: I18nContext<Locale>,
    manager: FolderManager,
    toasts: crate::ui::toast::Toasts,
    ctx: crate::areas::mail::MailContext,
}

impl Deps {
    fn get() -> Deps {
        Deps { i18n: use_i18n(), manager: use_folder_manager(), toasts: use_toasts(), ctx: use_mail() }
    }

    /// The folders as shown now (the server's list with the pending changes).
    fn shown(&self) -> Vec<Folder> {
        self.ctx.folders.get_untracked().and_then(Result::ok).unwrap_or_default()
    }

    /// Creates, renames, moves or deletes a folder: pending changes of the store, shown at once,
    /// sent with the next round of the sync engine, in order; a refusal is rolled back and said
    /// in words (`live`, through [`refusal_text`]).
    fn change(&self, changes: Vec<facteur_kit::pending::ChangeRequest>, done: String) {
        let _ = self.ctx.store.try_update(|s| changes.into_iter().for_each(|c| drop(s.change(c))));
        self.ctx.feed.retry_now();
        self.toasts.info(done);
    }

    /// Renames or moves a folder.
    fn change_folder(&self, id: &str, patch: facteur_jmap::PatchObject, done: String) {
        self.change(vec![facteur_kit::pending::ChangeRequest::new("Mailbox").update(id, patch)], done);
    }
}

/// The "Emplacement" select: top level, then the possible parents, indented.
#[component]
fn ParentSelect(choices: Vec<(Folder, usize)>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let initial = selected.get_untracked();
    view! {
        <div class="field">
            <label for="folder-parent">{crate::tr!(i18n, folders.parent_label)}</label>
            <select
                id="folder-parent"
                class="select"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    selected.set((!v.is_empty()).then_some(v));
                }
            >
                <option value="" selected=initial.is_none()>
                    {crate::tr!(i18n, folders.top_level)}
                </option>
                {choices
                    .into_iter()
                    .map(|(f, depth)| {
                        let label = format!("{}{}", "\u{2003}".repeat(depth), folder_label(i18n, &f));
                        let is_selected = initial.as_deref() == Some(f.id.as_str());
                        view! {
                            <option value=f.id.clone() selected=is_selected>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// New folder (name and place) or a new name for `folder`.
#[component]
fn NameForm(folder: Option<Folder>) -> impl IntoView {
    let deps = Deps::get();
    let (i18n, manager) = (deps.i18n, deps.manager);
    let name = RwSignal::new(folder.as_ref().map(|f| f.name.clone()).unwrap_or_default());
    let parent = RwSignal::new(folder.as_ref().and_then(|f| f.parent_id.clone()));
    let error = RwSignal::new(None::<NameError>);
    let choices = folder_ops::parent_choices(&deps.shown(), None);
    let renaming = folder.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let list = deps.shown();
        let parent_id = parent.get_untracked();
        let checked = folder_ops::validate_name(
            &name.get_untracked(),
            parent_id.as_deref(),
            &list,
            renaming.as_ref().map(|f| f.id.as_str()),
            |f| folder_label(i18n, f),
        );
        let clean = match checked {
            Ok(clean) => clean,
            Err(e) => {
                error.set(Some(e));
                return;
            }
        };
        manager.close();
        match renaming.clone() {
            None => {
                // Shown under a creation id until the server gives the folder its own.
                let creation = format!("new-{}", js_sys::Date::now() as u64);
                let done = t_string!(i18n, folders.created, name = clean.clone()).to_string();
                let mailbox = serde_json::json!({"name": clean, "parentId": parent_id, "isSubscribed": true});
                deps.change(vec![facteur_kit::pending::ChangeRequest::new("Mailbox").create(&creation, mailbox)], done);
            }
            Some(f) => {
                if f.name == clean {
                    return;
                }
                let done = t_string!(i18n, folders.renamed, name = clean.clone()).to_string();
                deps.change_folder(&f.id, folder_ops::rename_patch(&clean), done);
            }
        }
    };
    let creating = folder.is_none();
    let name_field = Field::new("folder-name", Signal::derive(move || error.get().map(|e| name_error_text(i18n, e))));
    view! {
        <form class="folder-form" on:submit=submit novalidate=true>
            <FormField field=name_field label=crate::tr!(i18n, folders.name_label)>
                <input
                    id=name_field.id()
                    type="text"
                    autocomplete="off"
                    bind:value=name
                    aria-invalid=name_field.invalid()
                    aria-describedby=name_field.described_by()
                />
            </FormField>
            {creating.then(|| view! { <ParentSelect choices selected=parent /> })}
            <div class="dialog-buttons">
                <button type="button" class="button secondary" on:click=move |_| manager.close()>
                    {crate::tr!(i18n, folders.cancel)}
                </button>
                <button type="submit" class="button primary" data-action="folder-submit">
                    {if creating {
                        t_string!(i18n, folders.create_submit)
                    } else {
                        t_string!(i18n, folders.rename_submit)
                    }}
                </button>
            </div>
        </form>
    }
}

/// A new place for `folder`.
#[component]
fn MoveForm(folder: Folder) -> impl IntoView {
    let deps = Deps::get();
    let (i18n, manager) = (deps.i18n, deps.manager);
    let parent = RwSignal::new(folder.parent_id.clone());
    let error = RwSignal::new(None::<String>);
    let choices = folder_ops::parent_choices(&deps.shown(), Some(&folder.id));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let to = parent.get_untracked();
        if to == folder.parent_id {
            error.set(Some(t_string!(i18n, folders.err_same_place).to_string()));
            return;
        }
        let list = deps.shown();
        if let Err(e) =
            folder_ops::validate_name(&folder.name, to.as_deref(), &list, Some(&folder.id), |f| folder_label(i18n, f))
        {
            error.set(Some(name_error_text(i18n, e)));
            return;
        }
        manager.close();
        let done = t_string!(i18n, folders.moved, name = folder.name.clone()).to_string();
        deps.change_folder(&folder.id, folder_ops::parent_patch(to.as_deref()), done);
    };
    view! {
        <form class="folder-form" on:submit=submit novalidate=true>
            <ParentSelect choices selected=parent />
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            <div class="dialog-buttons">
                <button type="button" class="button secondary" on:click=move |_| manager.close()>
                    {crate::tr!(i18n, folders.cancel)}
                </button>
                <button type="submit" class="button primary" data-action="folder-submit">
                    {crate::tr!(i18n, folders.move_submit)}
                </button>
            </div>
        </form>
    }
}

/// Confirms deleting `folder`, saying what happens to its messages.
#[component]
fn DeleteConfirm(folder: Folder) -> impl IntoView {
    let deps = Deps::get();
    let (i18n, manager, ctx) = (deps.i18n, deps.manager, deps.ctx);
    let navigate = use_navigate();
    let plan = folder_ops::delete_plan(&deps.shown(), &folder);
    let text = {
        let plan = plan.clone();
        move || match &plan {
            DeletePlan::Empty => t_string!(i18n, folders.delete_empty).to_string(),
            DeletePlan::HasSubfolders => t_string!(i18n, folders.delete_has_subfolders).to_string(),
            DeletePlan::ToTrash { count, .. } => crate::plural!(
                i18n,
                *count,
                [folders.delete_to_trash_singular],
                [folders.delete_to_trash_plural, count = *count]
            ),
            DeletePlan::ForGood { count } => crate::plural!(
                i18n,
                *count,
                [folders.delete_for_good_singular],
                [folders.delete_for_good_plural, count = *count]
            ),
        }
    };
    let blocked = plan == DeletePlan::HasSubfolders;
    let confirm = move |_| {
        manager.close();
        let trash = match &plan {
            DeletePlan::ToTrash { trash_id, .. } => Some(trash_id.clone()),
            _ => None,
        };
        if ctx.slug.get_untracked() == folder.slug() {
            navigate("/mail/inbox", Default::default());
        }
        // Its messages are listed first (their moves, then the folder's destroy, are queued in
        // that order); it leaves the sidebar then.
        let (client, f, deps) = (ctx.client(), folder.clone(), deps.clone());
        let done = t_string!(i18n, folders.deleted, name = f.name.clone()).to_string();
        spawn_local(async move {
            match manage::list_folder(&client, &f.id).await {
                Ok(messages) => {
                    let per_set = client.limits().max_set;
                    deps.change(folder_ops::delete_changes(&f.id, &messages, trash.as_deref(), per_set), done);
                }
                Err(e) => deps.toasts.error(
                    t_string!(i18n, folders.failed, name = f.name.clone(), detail = refusal_text(i18n, &e)).to_string(),
                ),
            }
        });
    };
    view! {
        <p class="dialog-text" data-testid="delete-plan">
            {text}
        </p>
        <div class="dialog-buttons">
            <button type="button" class="button secondary" autofocus=true on:click=move |_| manager.close()>
                {if blocked { t_string!(i18n, folders.close) } else { t_string!(i18n, folders.cancel) }}
            </button>
            {(!blocked)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button danger"
                            data-action="folder-delete-confirm"
                            on:click=confirm
                        >
                            {crate::tr!(i18n, folders.delete_submit)}
                        </button>
                    }
                })}
        </div>
    }
}

/// Confirms emptying the Trash or Junk for good.
#[component]
fn EmptyConfirm(folder: Folder) -> impl IntoView {
    let i18n = use_i18n();
    let manager = use_folder_manager();
    let ctx = use_mail();
    let toasts = use_toasts();
    let count = folder.total;
    let label = folder_label(i18n, &folder);
    let confirm = {
        let label = label.clone();
        move |_| {
            manager.close();
            let (ctx, id, slug, label) = (ctx, folder.id.clone(), folder.slug(), label.clone());
            spawn_local(async move {
                match manage::clear_folder(&ctx.client(), &id, None).await {
                    Ok(_) => toasts.info(t_string!(i18n, quota.emptied, folder = label).to_string()),
                    Err(e) => toasts.error(
                        t_string!(i18n, quota.failed, folder = label, detail = refusal_text(i18n, &e)).to_string(),
                    ),
                }
                ctx.folders.refetch();
                if ctx.slug.get_untracked() == slug {
                    ctx.page.refetch();
                }
            });
        }
    };
    view! {
        <p class="dialog-text">
            {move || {
                if count == 0 {
                    t_string!(i18n, quota.already_empty, folder = label.clone()).to_string()
                } else {
                    crate::plural!(i18n, count, [quota.confirm_singular], [quota.confirm_plural, count = count])
                }
            }}
        </p>
        <div class="dialog-buttons">
            <button type="button" class="button secondary" autofocus=true on:click=move |_| manager.close()>
                {if count == 0 { t_string!(i18n, folders.close) } else { t_string!(i18n, folders.cancel) }}
            </button>
            {(count > 0)
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button danger"
                            data-action="empty-confirm"
                            on:click=confirm.clone()
                        >
                            {crate::tr!(i18n, quota.confirm_submit)}
                        </button>
                    }
                })}
        </div>
    }
}
