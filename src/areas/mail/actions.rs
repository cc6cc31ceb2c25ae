//! What the user can do to a conversation: archive, delete, spam / not spam, move, mark
//! unread, flag. The screen changes at once; if the server refuses, it changes back and a
//! toast says why; moves can be undone from their toast.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::server;
use crate::areas::mail::targets::{resolve, EmailTarget};
use crate::i18n::*;
use crate::platform::jmap_client::CallError;
use crate::ui::toast::Toasts;
use facteur_kit::list_state::ListSnapshot;
use facteur_kit::Lang;
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

/// Sends `ids` to `send` in batches of the server's `maxObjectsInSet`; stops at the first
/// refusal, saying how many were done before it.
async fn in_batches<F, Fut>(ctx: &MailContext, ids: &[String], send: F) -> Result<(), (usize, CallError)>
where
    F: Fn(Vec<String>) -> Fut,
    Fut: std::future::Future<Output = Result<(), CallError>>,
{
    let mut done = 0;
    for chunk in ids.chunks(ctx.client().limits().max_set) {
        send(chunk.to_vec()).await.map_err(|e| (done, e))?;
        done += chunk.len();
    }
    Ok(())
}

/// Takes the target's rows out of the list at once (a whole folder: the list empties but for
/// the rows kept); returns what to roll back to.
fn remove_rows(ctx: &MailContext, target: &EmailTarget) -> ListSnapshot {
    let snapshot = ctx.with_list_untracked(|l| l.snapshot());
    match target {
        EmailTarget::Folder { except } => {
            ctx.bulk_busy.set(true);
            ctx.update_list(|l| l.forget_all(except.len()));
        }
        other => {
            ctx.update_list(|l| l.remove_ids(other.row_ids()));
        }
    }
    ctx.selection.update(|s| s.clear());
    snapshot
}

/// After a refusal: the list as it was when nothing was done, else as the server has it now.
fn roll_back(ctx: &MailContext, snapshot: ListSnapshot, done: usize) {
    let _ = ctx.bulk_busy.try_set(false);
    if done == 0 {
        let _ = ctx.update_list(|l| l.restore(snapshot));
    } else {
        ctx.page.refetch();
    }
    ctx.folders.refetch();
}

pub fn failed(toasts: Toasts, i18n: I18nContext<Locale>, e: &CallError) {
    let detail = crate::ui::error_banner::describe(i18n, e.clone()).get_untracked();
    toasts.error(t_string!(i18n, actions.failed, detail = detail).to_string());
}

/// Moves emails out of `from` into `to`: they leave the list at once; the toast offers undo.
/// A refusal puts them back and says why.
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
    let threaded = ctx.threaded.get_untracked();
    let snapshot = remove_rows(&ctx, &target);
    let single = matches!(target, EmailTarget::Emails(_));
    let lang = crate::platform::lang::lang_of(i18n);
    let folder_name = crate::areas::mail::folders::folder_nav::folder_label(i18n, &to);
    spawn_local(async move {
        let ids = match resolve(&ctx, &target, &from.id, threaded).await {
            Ok(ids) => ids,
            Err(e) => {
                roll_back(&ctx, snapshot, 0);
                return failed(toasts, i18n, &e);
            }
        };
        let sent = in_batches(&ctx, &ids, |chunk| {
            let client = ctx.client();
            let (from, to) = (from.id.clone(), to.id.clone());
            async move { server::move_emails(&client, &chunk, &from, &to, kind.keywords()).await }
        })
        .await;
        if let Err((done, e)) = sent {
            roll_back(&ctx, snapshot, done);
            return failed(toasts, i18n, &e);
        }
        if target.is_folder() {
            let _ = ctx.bulk_busy.try_set(false);
            ctx.page.refetch();
        }
        ctx.folders.refetch();
        let done = if single {
            kind.done_text(i18n, &folder_name)
        } else {
            kind.done_count_text(i18n, lang, ids.len(), &folder_name)
        };
        let undo_ctx = ctx;
        toasts.done(done, move || {
            let ctx = undo_ctx;
            let (ids, from, to) = (ids.clone(), from.clone(), to.clone());
            spawn_local(async move {
                let undo_keywords: Vec<(&str, bool)> = kind.keywords().iter().map(|(k, on)| (*k, !on)).collect();
                let back = in_batches(&ctx, &ids, |chunk| {
                    let (client, undo_keywords) = (ctx.client(), undo_keywords.clone());
                    let (from, to) = (from.id.clone(), to.id.clone());
                    async move { server::move_emails(&client, &chunk, &to, &from, &undo_keywords).await }
                })
                .await;
                // The rows come back where the server puts them: load the list again.
                ctx.page.refetch();
                ctx.folders.refetch();
                if let Err((_, e)) = back {
                    failed(toasts, i18n, &e);
                }
            });
        });
    });
}

/// Destroys emails for good (asked from the Trash, after confirmation).
pub fn destroy_emails(ctx: MailContext, toasts: Toasts, i18n: I18nContext<Locale>, target: EmailTarget) {
    let Some(from) = ctx.current_folder() else { return };
    let threaded = ctx.threaded.get_untracked();
    let snapshot = remove_rows(&ctx, &target);
    spawn_local(async move {
        let result = match resolve(&ctx, &target, &from.id, threaded).await {
            Ok(ids) => {
                in_batches(&ctx, &ids, |chunk| {
                    let client = ctx.client();
                    async move { server::destroy_emails(&client, &chunk).await }
                })
                .await
            }
            Err(e) => Err((0, e)),
        };
        match result {
            Ok(()) => {
                if target.is_folder() {
                    let _ = ctx.bulk_busy.try_set(false);
                    ctx.page.refetch();
                }
                ctx.folders.refetch();
            }
            Err((done, e)) => {
                roll_back(&ctx, snapshot, done);
                failed(toasts, i18n, &e);
            }
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
    let patch = facteur_kit::pending::patch([(
        format!("keywords/{keyword}").as_str(),
        if on { serde_json::Value::Bool(true) } else { serde_json::Value::Null },
    )]);
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
    if matches!(target, EmailTarget::Emails(_)) || (!threaded && !target.is_folder()) {
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
