//! Keyboard shortcuts: one `keydown` listener on the window for the whole app, and a registry
//! each area (and each screen within it) adds its keys to for as long as it is shown.
//!
//! The shell installs the listener once ([`provide_shortcuts`]); a screen registers a handler
//! with [`on_shortcut`], removed when the screen goes away. Handlers are asked newest first
//! (the open conversation's `e` before the list's keys) and the first that takes the key stops
//! the others. Keys pressed with Ctrl, Alt or ⌘, or while typing in a field, are left alone.

use leptos::{ev, prelude::*};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// A handler: takes the key (returns `true`: handled, the browser's default is prevented).
type Handler = Rc<dyn Fn(&ev::KeyboardEvent) -> bool>;

/// The registry, provided by the shell.
#[derive(Clone, Copy)]
pub struct Shortcuts {
    handlers: StoredValue<Vec<(u64, Handler)>, LocalStorage>,
    next_id: StoredValue<u64>,
}

/// Whether the key press happened in a field, where letters are text, not shortcuts.
pub fn typing_in_a_field(event: &ev::KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    // A checkbox or a button takes no text: the row checkboxes keep `x` and `j`/`k`.
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return !matches!(input.type_().as_str(), "checkbox" | "radio" | "button" | "submit" | "reset");
    }
    matches!(target.tag_name().as_str(), "TEXTAREA" | "SELECT") || target.is_content_editable()
}

/// Installs the one listener for the life of the calling component (the shell) and provides
/// the registry to what it shows.
pub fn provide_shortcuts() {
    let shortcuts = Shortcuts { handlers: StoredValue::new_local(Vec::new()), next_id: StoredValue::new(0) };
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || typing_in_a_field(&event) {
            return;
        }
        // Cloned out first: a handler may register or remove handlers (it navigates).
        let handlers: Vec<Handler> =
            shortcuts.handlers.try_with_value(|h| h.iter().rev().map(|(_, f)| f.clone()).collect()).unwrap_or_default();
        if handlers.iter().any(|handler| handler(&event)) {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(shortcuts);
}

/// Adds keys for the life of the calling component: `handler` returns `true` when it took the
/// key. Does nothing outside the shell (no registry provided).
pub fn on_shortcut(handler: impl Fn(&ev::KeyboardEvent) -> bool + 'static) {
    let Some(shortcuts) = use_context::<Shortcuts>() else { return };
    let id = shortcuts.next_id.get_value();
    shortcuts.next_id.set_value(id + 1);
    shortcuts.handlers.update_value(|h| h.push((id, Rc::new(handler))));
    on_cleanup(move || {
        let _ = shortcuts.handlers.try_update_value(|h| h.retain(|(i, _)| *i != id));
    });
}
