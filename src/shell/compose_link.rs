//! `/compose?to=<mailto: link>`: where the browser opens a `mailto:` link once Facteur is its
//! handler (`platform::intents`). Signed in (the guard brings the user back here after the
//! login form), it asks for a new message filled from the link and goes to the Inbox, where
//! the composer opens.

use crate::platform::intents::use_intents;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// The `mailto:` handler's address.
#[component]
pub fn ComposeLink() -> impl IntoView {
    // Read from the address as written: a link holding `&` (its subject, its body) would
    // fall apart in the router's query map.
    let link = crate::platform::location::query_param("to").unwrap_or_default();
    // A bare address list is taken as the link's path.
    let link = if link.to_ascii_lowercase().starts_with("mailto:") { link } else { format!("mailto:{link}") };
    if let Some(intents) = use_intents() {
        intents.write(link);
    }
    view! { <Redirect path="/mail/inbox" /> }
}
