//! The signed-in guard: the route wrapper around every area. Signed in, it shows the area (its
//! `<Outlet/>`) with what every signed-in screen shares — the client by context, the one
//! keyboard listener, the one stream of the server's changes, the capabilities the server really
//! answers, the intents between areas (and Facteur as the browser's `mailto:` handler), the top bar and the offline banner
//! (handed to the areas through `platform::chrome`); signed out, it sends the user to
//! the login page, which brings them back to the same address afterwards.

use crate::platform::capabilities::provide_capabilities;
use crate::platform::changes::provide_change_feed;
use crate::platform::chrome::Chrome;
use crate::platform::session::use_session;
use crate::platform::shortcuts::provide_shortcuts;
use crate::shell::offline_banner::OfflineBanner;
use crate::shell::top_bar::TopBar;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};

/// Wraps the routes of the areas.
#[component]
pub fn SignedIn() -> impl IntoView {
    let session = use_session();
    let location = leptos_router::hooks::use_location();
    move || match session.client.get() {
        Some(client) => {
            provide_context(client.clone());
            provide_shortcuts();
            provide_change_feed(client.clone());
            provide_capabilities(client);
            crate::platform::intents::provide_intents();
            crate::platform::intents::register_mailto_handler();
            provide_context(Chrome {
                top_bar: |start, tools| view! { <TopBar start=move || start>{tools}</TopBar> }.into_any(),
                offline_banner: || view! { <OfflineBanner /> }.into_any(),
            });
            view! { <Outlet /> }.into_any()
        }
        None => {
            // Come back here after signing in (a reload keeps the view), unless signing out.
            // The query as written (the router's is decoded: a value holding `&`, such as a
            // `mailto:` link, would fall apart).
            let search = crate::platform::location::raw_query();
            let here = format!("{}{search}", location.pathname.get_untracked());
            let path = if session.signed_out.get_untracked() {
                "/login".to_string()
            } else {
                format!("/login?next={}", js_sys::encode_uri_component(&here))
            };
            view! { <Redirect path=path /> }.into_any()
        }
    }
}
