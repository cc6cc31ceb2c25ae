//! Performance marks (`performance.mark`) the benchmarks read: `facteur:first-rows`,
//! `facteur:page-shown`, `facteur:parts-fetched`, `facteur:push-open`. Any area may set them; nothing else reads them.

use leptos::prelude::*;

/// Sets a `performance.mark` now.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Sets a `performance.mark` once the next frame is painted.
pub fn mark_after_paint(name: &'static str) {
    // A frame callback runs before the paint; the task after it, once painted.
    request_animation_frame(move || set_timeout(move || mark(name), std::time::Duration::ZERO));
}
