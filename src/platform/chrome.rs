//! The pieces of the shell an area shows inside its own layout, handed over by the shell
//! through this context so that an area never imports the shell: the top bar around the
//! area's tools, and the banner shown while the server cannot be reached.

use leptos::prelude::*;

/// Provided by the shell's signed-in guard.
#[derive(Clone, Copy)]
pub struct Chrome {
    /// The top bar: `start` before the app's name (an area's menu button), `tools` after the
    /// switch between areas (an area's search).
    pub top_bar: fn(start: AnyView, tools: AnyView) -> AnyView,
    /// "Hors ligne", with "Réessayer", while the server cannot be reached.
    pub offline_banner: fn() -> AnyView,
}

/// The shell's pieces.
pub fn use_chrome() -> Chrome {
    expect_context::<Chrome>()
}
