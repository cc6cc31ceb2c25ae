//! Unknown addresses send the user back to the mail.

use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Any unknown path: back to the inbox (or the login page when signed out).
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <Redirect path="/mail/inbox" /> }
}
