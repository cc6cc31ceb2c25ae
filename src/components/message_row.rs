//! One row of the message list: sender, subject, preview, date, marks.

use crate::components::icon::{Icon, IconKind};
use crate::core::lang::use_lang;
use crate::i18n::*;
use facteur_logic::dates::{full_date, list_date};
use facteur_logic::message::MessageSummary;
use leptos::prelude::*;

/// The browser's current UTC offset.
fn local_offset() -> chrono::FixedOffset {
    *chrono::Local::now().offset()
}

/// A message in the list: a link to its conversation.
#[component]
pub fn MessageRow(message: MessageSummary) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let mail = crate::pages::mail::use_mail();
    let params = leptos_router::hooks::use_params_map();
    let id = message.id.clone();
    let server_unread = message.unread;
    let unread = Memo::new({
        let id = id.clone();
        move |_| mail.seen.with(|seen| seen.get(&id).map_or(server_unread, |seen| !seen))
    });
    let server_flagged = message.flagged;
    let flagged = Memo::new(move |_| mail.flagged.with(|f| f.get(&id).copied().unwrap_or(server_flagged)));
    let thread_id = message.thread_id.clone();
    let href = move || format!("/mail/{}/{}", mail.slug.get(), thread_id);
    let open_thread = message.thread_id.clone();
    let is_open = move || params.read().get("thread").as_deref() == Some(open_thread.as_str());
    let received = message.received_at;
    let date = move || list_date(received, chrono::Utc::now(), local_offset(), lang.get());
    let date_title = move || full_date(received, local_offset(), lang.get());
    let sender = message.sender.clone();
    let subject = message.subject.clone();
    view! {
        <li class="message-row" class:unread=move || unread.get() data-testid="message-row" data-id=message.id.clone()>
            <a class="row-link" href=href aria-current=move || is_open().then_some("true")>
            <span class="marks">
                <Show when=move || unread.get()>
                    <span class="unread-dot" aria-hidden="true"></span>
                    <span class="visually-hidden">{t!(i18n, list.unread)}</span>
                </Show>
            </span>
            <span class="from">
                {move || sender.clone().unwrap_or_else(|| t_string!(i18n, list.unknown_sender).to_string())}
                {(message.thread_size > 1).then(|| {
                    let n = message.thread_size;
                    view! {
                        <span class="thread-count" aria-hidden="true">{n}</span>
                        <span class="visually-hidden">{t!(i18n, list.in_conversation, count = n)}</span>
                    }
                })}
            </span>
            <span class="summary">
                <span class="subject">{move || subject.clone().unwrap_or_else(|| t_string!(i18n, list.no_subject).to_string())}</span>
                {(!message.preview.is_empty()).then(|| view! { " — " <span class="preview">{message.preview.clone()}</span> })}
            </span>
            <span class="date">
                <Show when=move || flagged.get()>
                    <span class="mark flag"><Icon kind=IconKind::Flag/><span class="visually-hidden">{t!(i18n, list.flagged)}</span></span>
                </Show>
                {message.has_attachment.then(|| view! {
                    <span class="mark attachment"><Icon kind=IconKind::Attachment/><span class="visually-hidden">{t!(i18n, list.attachment)}</span></span>
                })}
                <time datetime=received.to_rfc3339() title=date_title>{date}</time>
            </span>
            </a>
        </li>
    }
}
