//! A long list of rows of one height of which only those in view (and a few beyond each edge)
//! are in the page: a scrolling box, the list inside it, and two paddings of the list that stand
//! for the rows out of view, sized through CSSOM (no inline style attribute: strict CSP). The
//! arithmetic is `facteur_kit::list_state::VirtualWindow`, tested natively; here the browser
//! side: measuring the box and a row (the CSS gives rows a fixed height, which depends on the
//! width and the font size) after each render and on resize, and scrolling to a row. The mail
//! list uses it for folders of 100,000 mails; the address book will for its contacts.
//!
//! ```ignore
//! let scroll = VirtualScroll::new(total, 8, ".message-row");
//! view! {
//!     <VirtualList scroll class="message-list" labelled_by="list-title">
//!         <For each=move || rows_in(scroll.range.get()) key=… children=… />
//!     </VirtualList>
//! }
//! ```

use facteur_kit::list_state::{css_px, VirtualWindow};
use leptos::{html, prelude::*};
use std::ops::Range;
use wasm_bindgen::JsCast;

/// The scrolling state of one virtual list (`Copy`: handles into Leptos' arena).
#[derive(Clone, Copy)]
pub struct VirtualScroll {
    /// The scrolling box.
    pub scroller: NodeRef<html::Div>,
    /// The list inside it.
    pub list: NodeRef<html::Ul>,
    scroll_top: RwSignal<f64>,
    viewport: RwSignal<f64>,
    row_height: RwSignal<f64>,
    row_selector: &'static str,
    /// Where the view is, over `total` rows.
    pub window: Memo<VirtualWindow>,
    /// The positions of the rows to put in the page.
    pub range: Memo<Range<usize>>,
}

impl VirtualScroll {
    /// A virtual list of `total` rows, with `overscan` rows beyond each edge of the view; a
    /// row is found by `row_selector` to measure its height. Measures itself for the life of
    /// the calling component.
    pub fn new(total: Signal<usize>, overscan: usize, row_selector: &'static str) -> VirtualScroll {
        let (scroll_top, viewport, row_height) = (RwSignal::new(0.0), RwSignal::new(800.0), RwSignal::new(56.0));
        let window = Memo::new(move |_| VirtualWindow {
            scroll_top: scroll_top.get(),
            viewport_height: viewport.get(),
            row_height: row_height.get(),
            total: total.get(),
            overscan,
        });
        let scroll = VirtualScroll {
            scroller: NodeRef::new(),
            list: NodeRef::new(),
            scroll_top,
            viewport,
            row_height,
            row_selector,
            window,
            range: Memo::new(move |_| window.get().range()),
        };
        // The DOM is the outside world: measure after each render and on resize.
        Effect::new(move || {
            scroll.range.track();
            request_animation_frame(move || scroll.measure());
        });
        let resize = window_event_listener(leptos::ev::resize, move |_| scroll.measure());
        on_cleanup(move || resize.remove());
        // The paddings that stand for the rows out of view.
        Effect::new(move || {
            let w = window.get();
            if let Some(ul) = scroll.list.get() {
                let style = web_sys::HtmlElement::style(&ul);
                let _ = style.set_property("padding-top", &css_px(w.spacer_before()));
                let _ = style.set_property("padding-bottom", &css_px(w.spacer_after()));
            }
        });
        scroll
    }

    /// Reads the box's size and offset and a row's height (from frames and events that may
    /// come after the list went away: then nothing).
    pub fn measure(self) {
        if self.row_height.is_disposed() || self.viewport.is_disposed() || self.scroll_top.is_disposed() {
            return;
        }
        if let Some(div) = self.scroller.get_untracked() {
            let height = f64::from(div.client_height());
            if height > 0.0 && (self.viewport.get_untracked() - height).abs() > 0.5 {
                self.viewport.set(height);
            }
            let top = f64::from(div.scroll_top());
            if (self.scroll_top.get_untracked() - top).abs() > 0.5 {
                self.scroll_top.set(top);
            }
        }
        let row = self
            .list
            .get_untracked()
            .and_then(|ul| ul.query_selector(self.row_selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(row) = row {
            let height = f64::from(row.offset_height());
            if height >= 1.0 && (self.row_height.get_untracked() - height).abs() > 0.5 {
                self.row_height.set(height);
            }
        }
    }

    /// Scrolls so that the row at `position` is in view (untracked).
    pub fn scroll_to(self, position: usize) {
        let w = self.window.get_untracked();
        let Some(div) = self.scroller.get_untracked() else { return };
        let wanted = w.scroll_top_for(position);
        if (wanted - w.scroll_top).abs() > 0.5 {
            div.set_scroll_top(wanted as i32);
            self.scroll_top.set(wanted);
        }
    }

    /// Whether the focus is inside the list's box.
    pub fn has_focus(self) -> bool {
        let Some(div) = self.scroller.get_untracked() else { return false };
        document().active_element().is_some_and(|el| div.contains(Some(&el)))
    }
}

/// The scrolling box and its list, with the rows in view as `children`.
#[component]
pub fn VirtualList(
    scroll: VirtualScroll,
    /// The list's class (its rows' look).
    class: &'static str,
    /// The id of the heading that names the list.
    labelled_by: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="list-scroll" node_ref=scroll.scroller on:scroll=move |_| scroll.measure()>
            <ul class=class node_ref=scroll.list aria-labelledby=labelled_by>
                {children()}
            </ul>
        </div>
    }
}
