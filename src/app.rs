//! The root component: translations, configuration, session and routes.

use crate::areas::mail::MailRoutes;
use crate::i18n::*;
use crate::platform::config::ConfigGate;
use crate::platform::session::provide_session;
use crate::platform::storage;
use crate::shell::compose_link::ComposeLink;
use crate::shell::guard::SignedIn;
use crate::shell::login::LoginPage;
use crate::shell::not_found::NotFound;
use crate::shell::update_banner::UpdateBanner;
use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Redirect, Route, Router, Routes},
    path,
};

/// The application.
#[component]
pub fn App() -> impl IntoView {
    provide_session();
    view! {
        <I18nContextProvider>
            <RestoreLanguage />
            <UpdateBanner />
            <ConfigGate>
                <Router>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=|| view! { <Redirect path="/mail/inbox" /> } />
                        <Route path=path!("/login") view=LoginPage />
                        <ParentRoute path=path!("") view=SignedIn>
                            <Route path=path!("/compose") view=ComposeLink />
                            <MailRoutes />
                        </ParentRoute>
                    </Routes>
                </Router>
            </ConfigGate>
        </I18nContextProvider>
    }
}

/// Applies the language the user chose earlier in this browser, if any.
#[component]
fn RestoreLanguage() -> impl IntoView {
    let i18n = use_i18n();
    if let Some(locale) = storage::saved_language().and_then(|tag| tag.parse::<Locale>().ok()) {
        i18n.set_locale(locale);
    }
}
