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
    /// A bar at the bottom (minimise).
    Minimise,
    /// A cross (close).
    Close,
    /// B (bold).
    Bold,
    /// I (italic).
    Italic,
    /// Bullet list.
    List,
    /// Chain link.
    Link,
    /// Quotation mark (block quote).
    Quote,
    /// Paper plane (send).
    Send,
    /// Arrow back (reply).
    Reply,
    /// Double arrow back (reply to all).
    ReplyAll,
    /// Arrow forward (forward).
    Forward,
    /// Pencil (write).
    Pencil,
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
            IconKind::Minimise => "M5 19h14",
            IconKind::Close => "M6 6l12 12M18 6L6 18",
            IconKind::Bold => "M7 4h6a4 4 0 0 1 0 8H7zM7 12h7a4 4 0 0 1 0 8H7z",
            IconKind::Italic => "M10 4h8M6 20h8M14 4l-4 16",
            IconKind::List => "M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01",
            IconKind::Link => "M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1",
            IconKind::Quote => "M6 10h4v6H4v-4a6 6 0 0 1 4-6M16 10h4v6h-6v-4a6 6 0 0 1 4-6",
            IconKind::Send => "M3 11l18-8-8 18-2-8zM11 13l10-10",
            IconKind::Reply => "M10 8L4 13l6 5M4 13h10a6 6 0 0 1 6 6",
            IconKind::ReplyAll => "M12 8l-6 5 6 5M7 8l-5 5 5 5M6 13h8a6 6 0 0 1 6 6",
            IconKind::Forward => "M14 8l6 5-6 5M20 13H10a6 6 0 0 0-6 6",
            IconKind::Pencil => "M4 20l4-1 11-11-3-3L5 16zM14 6l3 3",
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
