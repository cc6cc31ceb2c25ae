//! The page of an address that leads nowhere: it says so in words and links to the mail (which
//! asks to sign in first when signed out). A `<Redirect>` drawn as the routes' fallback crashed
//! the app on every unknown address (a blank page), so the page is a page of its own.

use crate::i18n::*;
use leptos::prelude::*;

/// Any unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="fatal" data-testid="not-found">
            <h1>{crate::tr!(i18n, not_found.title)}</h1>
            <p>{crate::tr!(i18n, not_found.text)}</p>
            <p>
                <a href="/mail/inbox">{crate::tr!(i18n, not_found.link)}</a>
            </p>
        </main>
    }
}
