//! The login page: username and password (and the server address only when none is
//! configured). Each failure says what happened and what to do.

use crate::i18n::*;
use crate::platform::jmap_client;
use crate::platform::lang::use_lang;
use crate::platform::session::use_session;
use crate::platform::storage;
use crate::ui::form_field::{Field, FormField};
use crate::ui::language_switch::LanguageSwitch;
use facteur_kit::config::AppConfig;
use facteur_kit::login::{check_form, FormProblem, LoginFailure};
use leptos::{html, prelude::*, task::spawn_local};
use leptos_router::hooks::use_navigate;

/// The login screen.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<AppConfig>();
    let session = use_session();
    let navigate = use_navigate();

    let remembered = storage::remembered_username();
    let signed_out = session.signed_out.get_untracked();
    // Where to go after signing in: only a path of this app (never another site).
    // (Read as written: the router's query map decodes the path it holds once more.)
    let next = crate::platform::location::query_param("next")
        .filter(|n| (n.starts_with("/mail/") || n.starts_with("/compose?")) && !n.contains("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/mail/inbox".to_string());
    let asks_server = config.jmap_url.is_none();

    let username = RwSignal::new(remembered.clone().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let server = RwSignal::new(String::new());
    let show_password = RwSignal::new(false);
    let problem = RwSignal::new(None::<FormProblem>);
    let failure = RwSignal::new(None::<LoginFailure>);
    let pending = RwSignal::new(false);
    let password_input = NodeRef::<html::Input>::new();

    let submit_config = config.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed_server = asks_server.then(|| server.get_untracked());
        let found = check_form(&username.get_untracked(), &password.get_untracked(), typed_server.as_deref());
        problem.set(found);
        failure.set(None);
        if found.is_some() {
            return;
        }
        let Some(session_url) = submit_config.session_url(typed_server.as_deref()) else {
            return;
        };
        pending.set(true);
        let (user, pass) = (username.get_untracked(), password.get_untracked());
        let navigate = navigate.clone();
        let next = next.clone();
        spawn_local(async move {
            let result = jmap_client::sign_in(&session_url, &user, &pass).await;
            if pending.try_set(false).is_some() {
                return; // the page went away meanwhile
            }
            match result {
                Ok(client) => {
                    password.set(String::new());
                    session.sign_in(client);
                    navigate(&next, Default::default());
                }
                Err(why) => {
                    failure.set(Some(why));
                    if why == LoginFailure::BadCredentials {
                        password.set(String::new());
                        if let Some(input) = password_input.get_untracked() {
                            let _ = input.focus();
                        }
                    }
                }
            }
        });
    };

    // Each field says what is missing in it, next to it.
    let field = move |which: FormProblem| {
        let error = Signal::derive(move || {
            (problem.get() == Some(which)).then(|| {
                match which {
                    FormProblem::MissingUsername => t_string!(i18n, login.missing_username),
                    FormProblem::MissingPassword => t_string!(i18n, login.missing_password),
                    FormProblem::MissingServer => t_string!(i18n, login.missing_server),
                }
                .to_string()
            })
        });
        Field::new(field_id(which), error).with_hint()
    };
    let (server_field, username_field, password_field) =
        (field(FormProblem::MissingServer), field(FormProblem::MissingUsername), field(FormProblem::MissingPassword));

    let lang = use_lang();
    let institution = config.institution.name.clone();
    let help_links = config.help_links.clone();
    // The form is shown: the app's files can be kept for offline starts from now on.
    crate::platform::service_worker::register_soon();

    view! {
        <div class="login-layout">
            <header class="login-header">
                <p class="brand">
                    <span class="brand-name">{crate::tr!(i18n, app_name)}</span>
                    <span class="brand-institution">{institution.clone()}</span>
                </p>
                <LanguageSwitch />
            </header>
            <main id="main" class="login-main">
                <form class="login-card" on:submit=on_submit novalidate=true aria-labelledby="login-title">
                    <h1 id="login-title">{crate::tr!(i18n, login.title)}</h1>
                    <p class="login-intro">{t!(i18n, webmail_of, institution = institution.clone())}</p>
                    {signed_out
                        .then(|| {
                            view! {
                                <p class="notice" role="status">
                                    {crate::tr!(i18n, login.signed_out)}
                                </p>
                            }
                        })}
                    {(!signed_out && remembered.is_some())
                        .then(|| view! { <p class="notice">{crate::tr!(i18n, login.reload_notice)}</p> })}
                    {move || failure.get().map(|why| view! { <LoginFailureMessage why /> })}
                    {asks_server
                        .then(|| {
                            view! {
                                <FormField
                                    field=server_field
                                    label=crate::tr!(i18n, login.server)
                                    hint=crate::tr!(i18n, login.server_hint)
                                >
                                    <input
                                        id=server_field.id()
                                        name="server"
                                        type="url"
                                        inputmode="url"
                                        autocomplete="url"
                                        aria-invalid=server_field.invalid()
                                        aria-describedby=server_field.described_by()
                                        bind:value=server
                                    />
                                </FormField>
                            }
                        })}
                    <FormField
                        field=username_field
                        label=crate::tr!(i18n, login.username)
                        hint=crate::tr!(i18n, login.username_hint)
                    >
                        <input
                            id=username_field.id()
                            name="username"
                            type="text"
                            autocomplete="username"
                            autocapitalize="none"
                            spellcheck="false"
                            required=true
                            aria-invalid=username_field.invalid()
                            aria-describedby=username_field.described_by()
                            bind:value=username
                        />
                    </FormField>
                    <FormField
                        field=password_field
                        label=crate::tr!(i18n, login.password)
                        hint=crate::tr!(i18n, login.privacy)
                    >
                        <input
                            id=password_field.id()
                            name="password"
                            node_ref=password_input
                            type=move || if show_password.get() { "text" } else { "password" }
                            autocomplete="current-password"
                            required=true
                            aria-invalid=password_field.invalid()
                            aria-describedby=password_field.described_by()
                            bind:value=password
                        />
                        <div class="checkbox">
                            <input id="show-password" type="checkbox" bind:checked=show_password />
                            <label for="show-password">{crate::tr!(i18n, login.show_password)}</label>
                        </div>
                    </FormField>
                    <button
                        type="submit"
                        class="button primary"
                        aria-busy=move || pending.get().then_some("true")
                        disabled=move || pending.get()
                    >
                        {move || {
                            if pending.get() {
                                t_string!(i18n, login.submitting)
                            } else {
                                t_string!(i18n, login.submit)
                            }
                        }}
                    </button>
                    {config
                        .reset_password_url
                        .clone()
                        .map(|url| {
                            view! {
                                <p class="forgot">
                                    <a href=url>{crate::tr!(i18n, login.forgot_password)}</a>
                                </p>
                            }
                        })}
                </form>
                <aside class="security-tips" aria-labelledby="tips-title">
                    <h2 id="tips-title">{crate::tr!(i18n, login.help)}</h2>
                    <ul>
                        <li>{crate::tr!(i18n, login.phishing)}</li>
                        <li>{crate::tr!(i18n, login.shared_computer)}</li>
                    </ul>
                    <ul class="help-links">
                        {help_links
                            .into_iter()
                            .map(|link| {
                                view! {
                                    <li>
                                        <a href=link.url.clone()>{move || link.label.get(lang.get()).to_string()}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </aside>
            </main>
        </div>
    }
}

fn field_id(which: FormProblem) -> &'static str {
    match which {
        FormProblem::MissingUsername => "username",
        FormProblem::MissingPassword => "password",
        FormProblem::MissingServer => "server",
    }
}

/// What went wrong, and what to do about it.
#[component]
fn LoginFailureMessage(why: LoginFailure) -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<AppConfig>();
    let title = move || match why {
        LoginFailure::BadCredentials => t_string!(i18n, login.error_bad_credentials_title),
        LoginFailure::Locked => t_string!(i18n, login.error_locked_title),
        LoginFailure::Unreachable => t_string!(i18n, login.error_unreachable_title),
        LoginFailure::Server => t_string!(i18n, login.error_server_title),
    };
    let help = move || match why {
        LoginFailure::BadCredentials => t_string!(i18n, login.error_bad_credentials_help),
        LoginFailure::Locked => t_string!(i18n, login.error_locked_help),
        LoginFailure::Unreachable => t_string!(i18n, login.error_unreachable_help),
        LoginFailure::Server => t_string!(i18n, login.error_server_help),
    };
    let lang = use_lang();
    let extra = match why {
        LoginFailure::BadCredentials => config.reset_password_url.clone().map(|url| {
            view! {
                <p>
                    <a href=url>{crate::tr!(i18n, login.reset_password)}</a>
                </p>
            }
            .into_any()
        }),
        LoginFailure::Locked => Some(
            view! {
                <ul class="support-contacts">
                    {config
                        .support
                        .iter()
                        .map(|contact| {
                            view! {
                                <li>
                                    <strong>
                                        {
                                            let label = contact.label.clone();
                                            move || label.get(lang.get()).to_string()
                                        }
                                    </strong>
                                    {contact
                                        .phone
                                        .clone()
                                        .map(|p| {
                                            view! {
                                                " — "
                                                <a href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</a>
                                            }
                                        })}
                                    {contact
                                        .email
                                        .clone()
                                        .map(|e| {
                                            view! {
                                                " — "
                                                <a href=format!("mailto:{e}")>{e.clone()}</a>
                                            }
                                        })}
                                    {contact
                                        .url
                                        .clone()
                                        .map(|u| {
                                            view! {
                                                " — "
                                                <a href=u.clone()>{u.clone()}</a>
                                            }
                                        })}
                                    {contact
                                        .hours
                                        .clone()
                                        .map(|h| {
                                            view! {
                                                <br />
                                                <span class="hours">{move || h.get(lang.get()).to_string()}</span>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        ),
        _ => None,
    };
    view! {
        <div class="alert alert-error" role="alert" data-error=why.code()>
            <p class="alert-title">{title}</p>
            <p>{help}</p>
            {extra}
        </div>
    }
}
