//! What the user can do to a conversation: archive, delete, spam / not spam, move, mark
//! unread, flag. The screen changes at once; if the server refuses, it changes back and a
//! toast says why; moves can be undone from their toast.

use super::context::MailContext;
use crate::components::toast::Toasts;
use crate::core::mail;
use crate::i18n::*;
use facteur_logic::mailbox::Folder;
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
}

/// Moves emails out of `from` into `to`: they leave the list at once; the toast offers undo.
pub fn move_emails(
    ctx: MailContext,
    toasts: Toasts,
    i18n: I18nContext<Locale>,
    ids: Vec<String>,
    from: Folder,
    to: Folder,
    kind: MoveKind,
) {
    if ids.is_empty() || from.id == to.id {
        return;
    }
    ctx.hidden.update(|h| h.extend(ids.iter().cloned()));
    let done = kind.done_text(i18n, &crate::components::folder_nav::folder_label(i18n, &to));
    spawn_local(async move {
        match mail::move_emails(&ctx.client, &ids, &from.id, &to.id, kind.keywords()).await {
            Ok(()) => {
                ctx.folders.refetch();
                let undo_ctx = ctx.clone();
                toasts.done(done, move || {
                    let ctx = undo_ctx.clone();
                    let (ids, from, to) = (ids.clone(), from.clone(), to.clone());
                    spawn_local(async move {
                        let undo_keywords: Vec<(&str, bool)> = kind.keywords().iter().map(|(k, on)| (*k, !on)).collect();
                        match mail::move_emails(&ctx.client, &ids, &to.id, &from.id, &undo_keywords).await {
                            Ok(()) => {
                                ctx.unhide(&ids);
                                ctx.folders.refetch();
                            }
                            Err(e) => toasts.error(t_string!(i18n, actions.failed, detail = e.to_string()).to_string()),
                        }
                    });
                });
            }
            Err(e) => {
                ctx.unhide(&ids);
                toasts.error(t_string!(i18n, actions.failed, detail = e.to_string()).to_string());
            }
        }
    });
}

/// Destroys emails for good (asked from the Trash, after confirmation).
pub fn destroy_emails(ctx: MailContext, toasts: Toasts, i18n: I18nContext<Locale>, ids: Vec<String>) {
    ctx.hidden.update(|h| h.extend(ids.iter().cloned()));
    spawn_local(async move {
        match mail::destroy_emails(&ctx.client, &ids).await {
            Ok(()) => ctx.folders.refetch(),
            Err(e) => {
                ctx.unhide(&ids);
                toasts.error(t_string!(i18n, actions.failed, detail = e.to_string()).to_string());
            }
        }
    });
}

/// Sets a keyword (`$seen`, `$flagged`) at once on screen, then on the server; rolls back
/// and says why if the server refuses.
pub fn set_keyword(ctx: MailContext, toasts: Toasts, i18n: I18nContext<Locale>, ids: Vec<String>, keyword: &'static str, on: bool) {
    let overlay = match keyword {
        "$seen" => ctx.seen,
        _ => ctx.flagged,
    };
    let before: Vec<(String, Option<bool>)> = overlay.with(|o| ids.iter().map(|id| (id.clone(), o.get(id).copied())).collect());
    overlay.update(|o| o.extend(ids.iter().map(|id| (id.clone(), on))));
    spawn_local(async move {
        match mail::set_keyword(&ctx.client, &ids, keyword, on).await {
            Ok(()) => {
                if keyword == "$seen" {
                    ctx.folders.refetch();
                }
            }
            Err(e) => {
                let _ = overlay.try_update(|o| {
                    for (id, old) in before {
                        match old {
                            Some(v) => o.insert(id, v),
                            None => o.remove(&id),
                        };
                    }
                });
                toasts.error(t_string!(i18n, actions.failed, detail = e.to_string()).to_string());
            }
        }
    });
}
