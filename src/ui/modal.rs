//! A modal `<dialog>`: the browser traps focus inside it and closes it on Escape; when it
//! closes, focus goes back to where it was (or to `fallback_focus` if that element is gone).

use leptos::{html, prelude::*};
use wasm_bindgen::JsCast;

/// A modal dialog titled `title`, shown while `open` is true.
#[component]
pub fn Modal(
    /// Shown while true; set to false when the user closes it (Escape).
    open: RwSignal<bool>,
    /// The heading (the dialog's accessible name).
    #[prop(into)]
    title: Signal<String>,
    /// `id` of the heading, unique on the page.
    title_id: &'static str,
    /// `data-testid` of the dialog.
    testid: &'static str,
    /// CSS selector of what gets focus on close if the opener is gone.
    #[prop(optional)]
    fallback_focus: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let shown = StoredValue::new(false);
    // The dialog element is the outside world: open and close it as asked, and put focus
    // back where it was.
    Effect::new(move || {
        let Some(d) = dialog.get() else { return };
        if open.get() && !d.open() {
            let active = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            shown.set_value(true);
            let _ = d.show_modal();
        } else if !open.get() && d.open() {
            d.close();
        }
        if !open.get() && shown.get_value() {
            shown.set_value(false);
            let back = opener.get_value().filter(|e| e.is_connected()).or_else(|| {
                (!fallback_focus.is_empty())
                    .then(|| document().query_selector(fallback_focus).ok().flatten())
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            });
            if let Some(element) = back {
                let _ = element.focus();
            }
            opener.set_value(None);
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="modal"
            aria-labelledby=title_id
            data-testid=testid
            on:close=move |_| {
                let _ = open.try_set(false);
            }
        >
            <h2 id=title_id>{title}</h2>
            {children()}
        </dialog>
    }
}
