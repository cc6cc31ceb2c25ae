//! One rule for every menu, popover and panel that opens over the page: it closes when the
//! focus moves to an element outside it, or when the user presses (mouse, finger, pen) outside
//! it. The focus moving inside it, or to nowhere (a click on its own text), keeps it open.
//! Escape is each one's own business: it also gives the focus back to the button that opened it.

use leptos::{ev, html::ElementType, prelude::*};
use wasm_bindgen::JsCast;

/// Whether `node` is inside the element `container` holds (false once it is gone).
fn holds<E>(container: NodeRef<E>, node: Option<&web_sys::Node>) -> bool
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    container
        .try_get_untracked()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|el| node.is_some_and(|n| el.contains(Some(n))))
}

/// Closes the popover in `container` by the rule above: returns the `focusout` handler to put
/// on the container, and listens for presses outside while `open` is true.
///
/// ```ignore
/// let menu = NodeRef::<html::Div>::new();
/// let on_focusout = close_when_outside(menu, move || open.get(), move || open.set(false));
/// view! { <div node_ref=menu on:focusout=on_focusout>…</div> }
/// ```
pub fn close_when_outside<E>(
    container: NodeRef<E>,
    open: impl Fn() -> bool + Send + Sync + 'static,
    close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl Fn(ev::FocusEvent) + Clone + 'static
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    // Presses outside, listened to only while open (a page holds many closed menus).
    let listener = StoredValue::new_local(None::<WindowListenerHandle>);
    let on_press = close.clone();
    let open = std::sync::Arc::new(open);
    let is_open_now = {
        let open = open.clone();
        move || untrack(|| open())
    };
    Effect::new(move || {
        let is_open = open();
        if let Some(handle) = listener.try_update_value(Option::take).flatten() {
            handle.remove();
        }
        if is_open {
            let close = on_press.clone();
            let handle = window_event_listener(ev::pointerdown, move |event| {
                let target = event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                if !holds(container, target.as_ref()) {
                    close();
                }
            });
            listener.set_value(Some(handle));
        }
    });
    on_cleanup(move || {
        if let Some(handle) = listener.try_update_value(Option::take).flatten() {
            handle.remove();
        }
    });
    move |_| {
        let (close, is_open_now) = (close.clone(), is_open_now.clone());
        // The focus settles first (moving between two controls inside passes through nowhere).
        // Only an open popover closes: `close` may be shared (one menu open among many).
        set_timeout(
            move || {
                let Some(active) = document().active_element() else { return };
                let nowhere = active.tag_name().eq_ignore_ascii_case("body");
                if !nowhere && !holds(container, Some(&active.into())) && is_open_now() {
                    close();
                }
            },
            std::time::Duration::ZERO,
        );
    }
}
