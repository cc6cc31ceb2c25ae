//! What the user can do to a conversation: archive, delete, spam / not spam, move, mark
//! unread, flag. Each is a pending change of the store (`facteur_kit::pending`): the screen
//! changes at once, the server gets it with the next round of the sync engine (`live`), and if
//! the server refuses, the screen changes back and a toast says why; moves can be undone from
//! their toast.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::targets::{resolve, EmailTarget};
use crate::i18n::*;
use crate::platform::jmap_client::CallError;
use crate::ui::toast::Toasts;
use facteur_kit::pending::{ChangeId, ChangeRequest};
use facteur_kit::Lang;
use facteur_mail::changes::{keyword_patch, move_back_patch, move_patch};
use facteur_mail::mailbox::Folder;
use leptos::{prelude::*, task::spawn_local};
use leptos_i18n::I18nContext;

/// A move and what to say about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveKind {
    /// To the Archive folder.
    Archive,
    /// To the Trash.
    Trash,
    /// To Junk, marked `$junk`.
    Junk,
    /// Back to the Inbox, marked `$notjunk`.
    NotJunk,
    /// To a folder the user chose.
    Folder,
}

impl MoveKind {
    /// The role of the destination, for the fixed destinations.
    pub fn role(self) -> Option<&'static str> {
        match self {
            MoveKind::Archive => Some("archive"),
            MoveKind::Trash => Some("trash"),
            MoveKind::Junk => Some("junk"),
            MoveKind::NotJunk => Some("inbox"),
            MoveKind::Folder => None,
        }
    }

    fn keywords(self) -> &'static [(&'static str, bool)] {
        match self {
            MoveKind::Junk => &[("$junk", true), ("$notjunk", false)],
            MoveKind::NotJunk => &[("$notjunk", true), ("$junk", false)],
            _ => &[],
        }
    }

    fn done_text(self, i18n: I18nContext<Locale>, folder: &str) -> String {
        match self {
            MoveKind::Archive => t_string!(i18n, actions.archived).to_string(),
            MoveKind::Trash => t_string!(i18n, actions.trashed).to_string(),
            MoveKind::Junk => t_string!(i18n, actions.junked).to_string(),
            MoveKind::NotJunk => t_string!(i18n, actions.unjunked).to_string(),
            MoveKind::Folder => t_string!(i18n, actions.moved, folder = folder.to_string()).to_string(),
        }
    }

    /// "12 messages archivés", for a selection.
    fn done_count_text(self, i18n: I18nContext<Locale>, lang: Lang, n: usize, folder: &str) -> String {
        let count = lang.number(n as u64);
        let folder = folder.to_string();
        match self {
            MoveKind::Archive => {
                crate::plural!(i18n, n, [bulk.archived_singular], [bulk.archived_plural], count = count)
            }
            MoveKind::Trash => crate::plural!(i18n, n, [bulk.trashed_singular], [bulk.trashed_plural], count = count),
            MoveKind::Junk => crate::plural!(i18n, n, [bulk.junked_singular], [bulk.junked_plural], count = count),
            MoveKind::NotJunk => {
                crate::plural!(i18n, n, [bulk.unjunked_singular], [bulk.unjunked_plural], count = count)
            }
            MoveKind::Folder => {
                crate::plural!(i18n, n, [bulk.moved_singular], [bulk.moved_plural], count = count, folder = folder)
            }
        }
    }
}

pub fn failed(toasts: Toasts, i18n: I18nContext<Locale>, e: &CallError) {
    let detail = crate::ui::error_banner::describe(i18n, e.clone()).get_untracked();
    toasts.error(t_string!(i18n, actions.failed, detail = detail).to_string());
}

/// Queues `request` (a move or a destroy: pending changes that take their rows out of the open
/// list) for the emails of `target` in `folder`: its rows are queued at once by the caller
/// (`first`); here the rest of their conversations, or every email of the folder, once the
/// server has said which they are; then a round is asked for, which sends them. A whole folder
/// keeps the list from loading pages until its changes are done (`live`). If the emails cannot
/// be known, the rows come back and the toast says why.
async fn queue_rest(
    ctx: MailContext,
    target: &EmailTarget,
    folder: &str,
    first: Vec<(ChangeId, Vec<String>)>,
    request: impl Fn(&[String]) -> ChangeRequest,
) -> Result<Vec<(ChangeId, Vec<String>)>, CallError> {
    let threaded = ctx.threaded.get_untracked();
    let resolved = if target.is_its_rows(threaded) {
        Ok(Vec::new()) // the rows were the whole target
    } else {
        if target.is_folder() {
            ctx.bulk_busy.set(true);
        }
        resolve(&ctx, target, folder, threaded).await
    };
    let rest: Vec<String> = match resolved {
        Ok(ids) => ids.into_iter().filter(|id| !target.row_ids().contains(id)).collect(),
        Err(e) => {
            let _ = ctx.store.try_update(|s| first.iter().for_each(|(id, _)| drop(s.undo(*id))));
            let _ = ctx.bulk_busy.try_set(false);
            return Err(e);
        }
    };
    let mut changes = first;
    changes.extend(ctx.queue_emails(&rest, request));
    if target.is_folder() {
        let _ = ctx.bulk_changes.try_set_value(changes.iter().map(|(id, _)| *id).collect());
    }
    ctx.feed.retry_now();
    Ok(changes)
}

/// Moves emails out of `from` into `to` as pending changes of the store: the rows leave the
/// list at once, the server gets the move with the next round, a refusal puts them back with
/// a message in words (`live`). The toast says it is done and offers "Annuler", which puts
/// them back (dropping the move if it was not sent yet).
pub fn move_emails(
    ctx: MailContext,
    toasts: Toasts,
    i18n: I18nContext<Locale>,
    target: EmailTarget,
    from: Folder,
    to: Folder,
    kind: MoveKind,
) {
    if from.id == to.id || (target.row_ids().is_empty() && !target.is_folder()) {
        return;
    }
    let key = ctx.list_key.get_untracked();
    let request = {
        let (from, to, key) = (from.id.clone(), to.id.clone(), key.clone());
        move |ids: &[String]| {
            let patch = move_patch(&from, &to, kind.keywords());
            let request = ChangeRequest::new("Email").update_all(ids.iter().map(String::as_str), patch);
            match key.as_deref() {
                Some(key) => request.hide_from(key),
                None => request,
            }
        }
    };
    let first = ctx.queue_emails(target.row_ids(), &request);
    ctx.selection.update(|s| s.clear());
    let single = matches!(target, EmailTarget::Emails(_));
    let lang = crate::platform::lang::lang_of(i18n);
    let folder_name = crate::areas::mail::folders::folder_nav::folder_label(i18n, &to);
    spawn_local(async move {
        let changes = match queue_rest(ctx, &target, &from.id, first, &request).await {
            Ok(changes) => changes,
            Err(e) => return failed(toasts, i18n, &e),
        };
        let count = changes.iter().map(|(_, ids)| ids.len()).sum();
        let done = if single {
            kind.done_text(i18n, &folder_name)
        } else {
            kind.done_count_text(i18n, lang, count, &folder_name)
        };
        toasts.done(done, move || {
            let _ = ctx.store.try_update(|s| {
                for (id, ids) in &changes {
                    let back = move_back_patch(&from.id, &to.id, kind.keywords());
                    let _ =
                        s.undo_with(*id, ChangeRequest::new("Email").update_all(ids.iter().map(String::as_str), back));
                }
            });
            // The rows come back at once, or with the round's changes of the list.
            ctx.feed.retry_now();
        });
    });
}

/// Destroys emails for good (asked from the Trash, after confirmation): pending changes that
/// take the rows out at once; a refusal puts them back with a message (`live`).
pub fn destroy_emails(ctx: MailContext, toasts: Toasts, i18n: I18nContext<Locale>, target: EmailTarget) {
    let Some(from) = ctx.current_folder() else { return };
    let request = |ids: &[String]| ChangeRequest::new("Email").destroy(ids.iter().map(String::as_str));
    let first = ctx.queue_emails(target.row_ids(), request);
    ctx.selection.update(|s| s.clear());
    spawn_local(async move {
        if let Err(e) = queue_rest(ctx, &target, &from.id, first, request).await {
            failed(toasts, i18n, &e);
        }
    });
}

/// Sets a keyword (`$seen`, `$flagged`) at once on screen, then on the server (pending
/// changes of the store, sent with the next round of the sync engine, asked for at once);
/// rolled back with a message if the server refuses (`live`).
pub fn set_keyword(
    ctx: MailContext,
    toasts: Toasts,
    i18n: I18nContext<Locale>,
    target: EmailTarget,
    keyword: &'static str,
    on: bool,
) {
    let patch = keyword_patch(keyword, on);
    // On screen at once: the rows shown (every loaded row but the exceptions, for a whole folder).
    let shown: Vec<String> = match &target {
        EmailTarget::Folder { except } => ctx.with_list_untracked(|l| {
            l.loaded().map(|(_, id)| id.to_string()).filter(|id| !except.contains(id)).collect()
        }),
        other => other.row_ids().to_vec(),
    };
    ctx.change_emails(&shown, patch.clone());
    let Some(folder) = ctx.current_folder() else { return };
    let threaded = ctx.threaded.get_untracked();
    if !matches!(target, EmailTarget::Emails(_)) {
        ctx.selection.update(|s| s.clear());
    }
    if target.is_its_rows(threaded) {
        return; // the rows were the whole target
    }
    // The rest: the other messages of the conversations, the rows of the folder not loaded.
    spawn_local(async move {
        match resolve(&ctx, &target, &folder.id, threaded).await {
            Ok(ids) => {
                let rest: Vec<String> = ids.into_iter().filter(|id| !shown.contains(id)).collect();
                ctx.change_emails(&rest, patch);
            }
            Err(e) => failed(toasts, i18n, &e),
        }
    });
}

/// The folders the toolbar and the selection bar offer to move to: every folder in the
/// sidebar's order but the one the mail is in (untracked).
pub fn destinations(ctx: &MailContext, here_id: &str) -> Vec<Folder> {
    ctx.folders.get_untracked().and_then(Result::ok).map_or_else(Vec::new, |list| {
        let rows = facteur_mail::folders::sidebar_rows(&list);
        rows.into_iter().map(|r| list[r.index].clone()).filter(|f| f.id != here_id).collect()
    })
}

/// Moves `target` out of `from` to `to`, or to the folder of the move's role (Archive, Trash,
/// Junk, Inbox); says so when the account has no such folder. Whether the move started.
pub fn move_to(
    ctx: MailContext,
    toasts: Toasts,
    i18n: I18nContext<Locale>,
    target: EmailTarget,
    from: Folder,
    kind: MoveKind,
    to: Option<Folder>,
) -> bool {
    let Some(to) = to.or_else(|| kind.role().and_then(|r| ctx.folder_with_role(r))) else {
        toasts.error(t_string!(i18n, actions.no_folder).to_string());
        return false;
    };
    move_emails(ctx, toasts, i18n, target, from, to, kind);
    true
}

/// "Supprimer": to the Trash, or — in the Trash — destroyed for good once the user confirms
/// `question`. Whether anything was done.
pub fn delete(
    ctx: MailContext,
    toasts: Toasts,
    i18n: I18nContext<Locale>,
    target: EmailTarget,
    from: Folder,
    question: &str,
) -> bool {
    if from.role.as_deref() != Some("trash") {
        return move_to(ctx, toasts, i18n, target, from, MoveKind::Trash, None);
    }
    let sure = web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false);
    if sure {
        destroy_emails(ctx, toasts, i18n, target);
    }
    sure
}
