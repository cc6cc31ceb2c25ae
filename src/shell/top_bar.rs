//! The top bar every area shows: the app's name, the switch between areas, the area's own tools
//! (its menu button before the name, its search after), who is signed in, the language and
//! "Se déconnecter".

use crate::i18n::*;
use crate::platform::session::use_session;
use crate::ui::icon::{Icon, IconKind};
use crate::ui::language_switch::LanguageSwitch;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_location;

/// An area of the app as the shell knows it: by its address, never by its code.
struct Area {
    /// The address prefix that marks the area as the current one.
    prefix: &'static str,
    /// Where its link goes.
    href: &'static str,
    /// Its name in the user's language.
    name: fn(I18nContext<Locale>) -> String,
}

/// The areas of the app (calendar, contacts and settings join mail in later issues).
const AREAS: [Area; 1] =
    [Area { prefix: "/mail/", href: "/mail/inbox", name: |i18n| t_string!(i18n, shell.area_mail).to_string() }];

/// The top bar; `start` is shown before the app's name, `children` after the area switch.
#[component]
pub fn TopBar(#[prop(into, optional)] start: ViewFnOnce, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let username = session.client.get_untracked().map(|c| c.username().to_string()).unwrap_or_default();
    view! {
        <header class="topbar">
            {start.run()} <a class="brand-name" href=AREAS[0].href>
                {crate::tr!(i18n, app_name)}
            </a> <AreaSwitch /> {children()} <span class="user" title=username.clone()>
                {t!(i18n, shell.signed_in_as, user = username.clone())}
            </span> <LanguageSwitch />
            <button
                type="button"
                id="logout"
                class="button secondary"
                on:click=move |_| session.sign_out()
                title=move || t_string!(i18n, shell.sign_out)
            >
                <Icon kind=IconKind::SignOut />
                <span class="label">{crate::tr!(i18n, shell.sign_out)}</span>
            </button>
        </header>
    }
}

/// The links to the areas, the current one marked.
#[component]
fn AreaSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    view! {
        <nav class="area-switch" aria-label=move || t_string!(i18n, shell.areas)>
            {AREAS
                .iter()
                .map(|area| {
                    let current = move || location.pathname.get().starts_with(area.prefix);
                    view! {
                        <a href=area.href aria-current=move || current().then_some("page")>
                            {move || (area.name)(i18n)}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
