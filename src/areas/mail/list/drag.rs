//! Dropping rows of the list onto a folder of the sidebar moves them there (the same
//! optimistic move, with undo, as the toolbar's "Déplacer vers…"). The folder links carry
//! `data-mailbox-id`; the folder list delegates its drag events here.

use crate::areas::mail::actions::MoveKind;
use crate::areas::mail::context::MailContext;
use crate::i18n::*;
use crate::ui::toast::Toasts;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use wasm_bindgen::JsCast;

/// The class of the folder the rows are over.
const OVER: &str = "drop-over";

/// The drag handlers of the folder list (inert outside the mail screen).
#[derive(Clone)]
pub struct FolderDrop {
    ctx: Option<MailContext>,
    toasts: Option<Toasts>,
    i18n: I18nContext<Locale>,
}

/// The folder link under the pointer, and its mailbox id.
fn folder_link(ev: &web_sys::DragEvent) -> Option<(web_sys::Element, String)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest("[data-mailbox-id]").ok()??;
    let id = link.get_attribute("data-mailbox-id")?;
    Some((link, id))
}

fn clear_highlight() {
    if let Ok(over) = document().query_selector_all(&format!(".{OVER}")) {
        for i in 0..over.length() {
            if let Some(el) = over.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.class_list().remove_1(OVER);
            }
        }
    }
}

impl FolderDrop {
    /// Takes what it needs from the context (call in the component, not in a handler).
    pub fn new() -> FolderDrop {
        FolderDrop { ctx: use_context::<MailContext>(), toasts: use_context::<Toasts>(), i18n: use_i18n() }
    }

    /// Rows over a folder other than the open one: accept the drop and highlight it.
    pub fn over(&self, ev: web_sys::DragEvent) {
        let Some(ctx) = &self.ctx else { return };
        if ctx.dragging.with_untracked(Option::is_none) {
            return;
        }
        let Some((link, id)) = folder_link(&ev) else { return };
        if ctx.current_folder().is_some_and(|f| f.id == id) {
            return;
        }
        ev.prevent_default();
        if let Some(transfer) = ev.data_transfer() {
            transfer.set_drop_effect("move");
        }
        if !link.class_list().contains(OVER) {
            clear_highlight();
            let _ = link.class_list().add_1(OVER);
        }
    }

    /// Left the folder list.
    pub fn leave(&self, ev: web_sys::DragEvent) {
        let into = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let staying =
            into.zip(folder_link(&ev)).is_some_and(|(into, (link, _))| link.contains(Some(into.unchecked_ref())));
        if !staying {
            clear_highlight();
        }
    }

    /// Dropped on a folder: move the dragged rows there.
    pub fn drop(&self, ev: web_sys::DragEvent) {
        clear_highlight();
        let (Some(ctx), Some(toasts)) = (&self.ctx, self.toasts) else { return };
        let Some(target) = ctx.dragging.get_untracked() else { return };
        ctx.dragging.set(None);
        let Some((_, id)) = folder_link(&ev) else { return };
        ev.prevent_default();
        let Some(from) = ctx.current_folder() else { return };
        let Some(to) =
            ctx.folders.get_untracked().and_then(Result::ok).and_then(|l| l.into_iter().find(|f| f.id == id))
        else {
            return;
        };
        let kind = match (to.role.as_deref(), from.role.as_deref()) {
            (Some("trash"), _) => MoveKind::Trash,
            (Some("archive"), _) => MoveKind::Archive,
            (Some("junk"), _) => MoveKind::Junk,
            (Some("inbox"), Some("junk")) => MoveKind::NotJunk,
            _ => MoveKind::Folder,
        };
        let (ctx, i18n) = (*ctx, self.i18n);
        leptos::task::spawn_local(async move {
            if crate::areas::mail::list::selection_bar::drop_move(ctx, toasts, i18n, target, from, to, kind)
                .await
                .is_err()
            {
                toasts.error(t_string!(i18n, errors.part_not_downloaded).to_string());
            }
        });
    }
}
