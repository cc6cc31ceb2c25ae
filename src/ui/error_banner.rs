//! An inline error message with a "Réessayer" button: a failed request never blanks the
//! screen nor leaves a spinner turning.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// Says what failed (`title`), why (`detail`), and offers to try again.
#[component]
pub fn ErrorBanner(
    /// What could not be done, for the user.
    #[prop(into)]
    title: Signal<String>,
    /// The cause, in words.
    #[prop(into)]
    detail: Signal<String>,
    /// Called by "Réessayer".
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-banner" role="alert">
            <p class="error-title">{title}</p>
            <p class="error-detail">{detail}</p>
            <button type="button" class="button secondary" on:click=move |_| on_retry()>
                {crate::tr!(i18n, retry)}
            </button>
        </div>
    }
}

/// Puts a failed call in words, in the current language: never the server's own (English)
/// text, which goes to the console as a warning for whoever debugs it.
pub fn describe(i18n: I18nContext<Locale>, error: crate::platform::jmap_client::CallError) -> Signal<String> {
    use crate::platform::jmap_client::CallError;
    use facteur_kit::refused::SetRefused;
    match &error {
        CallError::Network(detail)
        | CallError::Server(detail)
        | CallError::Unexpected(detail)
        | CallError::Refused(SetRefused::Other(detail) | SetRefused::Unreadable(detail)) => {
            leptos::logging::warn!("the server's answer: {detail}");
        }
        _ => {}
    }
    Signal::derive(move || match &error {
        CallError::Network(_) => t_string!(i18n, errors.network).to_string(),
        CallError::SessionExpired => t_string!(i18n, errors.session_expired).to_string(),
        CallError::Server(_) => t_string!(i18n, errors.server).to_string(),
        CallError::Unexpected(_) | CallError::Refused(SetRefused::Unreadable(_)) => {
            t_string!(i18n, errors.unexpected).to_string()
        }
        CallError::Refused(SetRefused::Forbidden) => t_string!(i18n, errors.refused_forbidden).to_string(),
        CallError::Refused(SetRefused::OverQuota) => t_string!(i18n, errors.refused_quota).to_string(),
        CallError::Refused(SetRefused::NotFound) => t_string!(i18n, errors.refused_not_found).to_string(),
        CallError::Refused(SetRefused::TooMany) => t_string!(i18n, errors.refused_too_many).to_string(),
        CallError::Refused(SetRefused::Other(_)) => t_string!(i18n, errors.refused_other).to_string(),
    })
}
