//! The reading pane: one conversation, its messages oldest first, the latest expanded.

use super::context::use_mail;
use crate::components::{attachment_list::AttachmentList, error_banner::{describe, ErrorBanner}, text_body::TextBody};
use crate::core::{lang::use_lang, mail};
use crate::i18n::*;
use facteur_logic::conversation::{Body, ConversationMessage, Person};
use facteur_logic::dates::full_date;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;

/// Shown in the reading pane when no conversation is open.
#[component]
pub fn NoConversation() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="reading-empty">{t!(i18n, read.none)}</p> }
}

/// `/mail/:mailbox/:thread`.
#[component]
pub fn ConversationView() -> impl IntoView {
    let i18n = use_i18n();
    let mail_ctx = use_mail();
    let params = use_params_map();
    let thread = Memo::new(move |_| params.read().get("thread").unwrap_or_default());
    let client = mail_ctx.client.clone();
    let conversation = LocalResource::new(move || {
        let client = client.clone();
        let id = thread.get();
        async move { mail::load_conversation(&client, &id).await }
    });

    // Opening a conversation marks its unread messages as read, on the server (the outside
    // world): shown at once, rolled back if the server refuses.
    let ctx = mail_ctx.clone();
    Effect::new(move || {
        let Some(Ok(Some(messages))) = conversation.get() else { return };
        let unread: Vec<String> = messages.iter().filter(|m| m.unread).map(|m| m.id.clone()).collect();
        if unread.is_empty() {
            return;
        }
        let ctx = ctx.clone();
        ctx.seen.update(|seen| seen.extend(unread.iter().map(|id| (id.clone(), true))));
        spawn_local(async move {
            match mail::set_keyword(&ctx.client, &unread, "$seen", true).await {
                Ok(()) => ctx.folders.refetch(),
                Err(_) => {
                    let _ = ctx.seen.try_update(|seen| unread.iter().for_each(|id| {
                        seen.remove(id);
                    }));
                }
            }
        });
    });

    let back = move || format!("/mail/{}", mail_ctx.slug.get());
    view! {
        <article class="conversation" aria-labelledby="conversation-title" data-testid="conversation">
            <a class="back-link" href=back>{t!(i18n, read.back)}</a>
            {move || match conversation.get() {
                None => view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorBanner title=Signal::derive(move || t_string!(i18n, read.load_error).to_string())
                        detail=describe(i18n, error) on_retry=move || conversation.refetch()/>
                }.into_any(),
                Some(Ok(None)) => view! { <p class="empty" role="status">{t!(i18n, read.gone)}</p> }.into_any(),
                Some(Ok(Some(messages))) => {
                    let subject = messages.last().and_then(|m| m.subject.clone());
                    let last = messages.len().saturating_sub(1);
                    view! {
                        <h2 id="conversation-title" class="conversation-subject">
                            {move || subject.clone().unwrap_or_else(|| t_string!(i18n, list.no_subject).to_string())}
                        </h2>
                        <p class="conversation-count">{t!(i18n, read.count, count = messages.len())}</p>
                        {messages.into_iter().enumerate().map(|(n, message)| view! {
                            <MessageCard message expanded=n == last/>
                        }).collect_view()}
                    }.into_any()
                }
            }}
        </article>
    }
}

fn people_line(people: &[Person]) -> String {
    people.iter().map(|p| p.label().to_string()).collect::<Vec<_>>().join(", ")
}

fn people_full(people: &[Person]) -> String {
    people
        .iter()
        .map(|p| match &p.name {
            Some(name) => format!("{name} <{}>", p.email),
            None => p.email.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One message: collapsed to a line, or expanded with headers, body and files.
#[component]
fn MessageCard(message: ConversationMessage, expanded: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let mail_ctx = use_mail();
    let open = RwSignal::new(expanded);
    let details = RwSignal::new(false);
    let date = message.date;
    let when = move || full_date(date, *chrono::Local::now().offset(), lang.get());
    let sender = people_line(&message.from);
    let body_id = format!("message-{}", message.id);
    let m = StoredValue::new(message);
    view! {
        <section class="message-card" class:open=move || open.get() data-testid="message" aria-label=sender.clone()>
            <button type="button" class="message-summary" aria-expanded=move || open.get().to_string()
                aria-controls=body_id.clone() on:click=move |_| open.update(|o| *o = !*o)>
                <span class="message-from">{sender.clone()}</span>
                <span class="message-date">{when}</span>
                <Show when=move || !open.get()>
                    <span class="message-preview">{m.with_value(|m| m.preview.clone())}</span>
                </Show>
            </button>
            <Show when=move || open.get()>
                <div class="message-open" id=body_id.clone()>
                    <dl class="message-headers">
                        <dt>{t!(i18n, read.from)}</dt><dd>{m.with_value(|m| people_full(&m.from))}</dd>
                        <dt>{t!(i18n, read.to)}</dt><dd>{m.with_value(|m| people_line(&m.to))}</dd>
                        {m.with_value(|m| (!m.cc.is_empty()).then(|| {
                            let cc = people_line(&m.cc);
                            view! { <dt>{t!(i18n, read.cc)}</dt><dd>{cc}</dd> }
                        }))}
                    </dl>
                    <button type="button" class="link-button" aria-expanded=move || details.get().to_string()
                        on:click=move |_| details.update(|d| *d = !*d)>{t!(i18n, read.details)}</button>
                    <Show when=move || details.get()>
                        <dl class="message-details">
                            <dt>{t!(i18n, read.from)}</dt><dd>{m.with_value(|m| people_full(&m.from))}</dd>
                            <dt>{t!(i18n, read.to)}</dt><dd>{m.with_value(|m| people_full(&m.to))}</dd>
                            {m.with_value(|m| (!m.cc.is_empty()).then(|| {
                                let cc = people_full(&m.cc);
                                view! { <dt>{t!(i18n, read.cc)}</dt><dd>{cc}</dd> }
                            }))}
                            {m.with_value(|m| (!m.reply_to.is_empty()).then(|| {
                                let reply_to = people_full(&m.reply_to);
                                view! { <dt>{t!(i18n, read.reply_to)}</dt><dd>{reply_to}</dd> }
                            }))}
                            <dt>{t!(i18n, read.date)}</dt><dd>{when}</dd>
                        </dl>
                    </Show>
                    <MessageBody body=m.with_value(|m| m.body.clone())/>
                    {m.with_value(|m| m.truncated).then(|| view! { <p class="notice">{t!(i18n, read.truncated)}</p> })}
                    {m.with_value(|m| {
                        let files: Vec<_> = m.files().cloned().collect();
                        (!files.is_empty()).then(|| view! { <AttachmentList client=mail_ctx.client.clone() files/> })
                    })}
                </div>
            </Show>
        </section>
    }
}

/// The body: plain text as is; HTML as its text alternative, or its text as the browser's
/// own parser reads it (the sanitised HTML view replaces this fallback).
#[component]
fn MessageBody(body: Body) -> impl IntoView {
    let i18n = use_i18n();
    match body {
        Body::Text(text) => view! { <TextBody text/> }.into_any(),
        Body::Html { text: Some(text), .. } => view! { <TextBody text/> }.into_any(),
        Body::Html { html, text: None } => {
            let text = html_text(&html).unwrap_or_default();
            view! {
                <p class="notice">{t!(i18n, read.html_as_text)}</p>
                <TextBody text/>
            }
            .into_any()
        }
        Body::Empty => view! { <p class="empty">{t!(i18n, read.empty_body)}</p> }.into_any(),
    }
}

/// The text of an HTML document, parsed by the browser (DOMParser runs no script and loads
/// nothing).
fn html_text(html: &str) -> Option<String> {
    let parser = web_sys::DomParser::new().ok()?;
    let document = parser.parse_from_string(html, web_sys::SupportedType::TextHtml).ok()?;
    document.body()?.text_content()
}
