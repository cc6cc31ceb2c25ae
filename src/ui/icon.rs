//! Inline SVG icons (no icon font, no emoji: every system renders them the same).

use leptos::prelude::*;

/// The icons Facteur draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconKind {
    /// Hamburger menu.
    Menu,
    /// Paper clip.
    Attachment,
    /// Flag.
    Flag,
    /// Door with an arrow.
    SignOut,
    /// Plus sign.
    Plus,
    /// Three dots (more actions).
    More,
    /// Magnifying glass.
    Search,
    /// Sliders (search options).
    Options,
    /// Bell (notifications).
    Bell,
    /// Box (archive).
    Archive,
    /// Bin (delete).
    Trash,
    /// Warning octagon (junk).
    Junk,
    /// Envelope (unread).
    Envelope,
}

impl IconKind {
    fn path(self) -> &'static str {
        match self {
            IconKind::Menu => "M3 6h18M3 12h18M3 18h18",
            IconKind::Attachment => {
                "M21 11.5l-8.5 8.5a5 5 0 0 1-7-7L14 4.5a3.5 3.5 0 0 1 5 5L10.5 18a2 2 0 0 1-3-3L15 7.5"
            }
            IconKind::Flag => "M5 21V4M5 4h11l-2 4 2 4H5",
            IconKind::SignOut => "M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10",
            IconKind::Plus => "M12 5v14M5 12h14",
            IconKind::More => "M5 12h.01M12 12h.01M19 12h.01",
            IconKind::Search => "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5L21 21",
            IconKind::Options => "M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4",
            IconKind::Archive => "M3 5h18v4H3zM5 9v10h14V9M10 13h4",
            IconKind::Trash => "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
            IconKind::Junk => "M12 8v5M12 16h.01M8 3h8l5 5v8l-5 5H8l-5-5V8z",
            IconKind::Envelope => "M3 6h18v12H3zM3 6l9 7 9-7",
            IconKind::Bell => "M6 16V11a6 6 0 0 1 12 0v5l2 2H4l2-2M10 20a2 2 0 0 0 4 0",
        }
    }
}

/// A decorative icon (hidden from assistive technologies: give the text next to it).
#[component]
pub fn Icon(kind: IconKind) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=kind.path() />
        </svg>
    }
}
