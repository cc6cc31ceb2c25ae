//! The reading pane: one conversation, its messages oldest first, the latest expanded.

use crate::areas::mail::actions::{self, MoveKind};
use crate::areas::mail::compose::ComposeRequest;
use crate::areas::mail::context::use_mail;
use crate::areas::mail::reading::attachment_list::AttachmentList;
use crate::areas::mail::reading::html_body::HtmlBody;
use crate::areas::mail::reading::text_body::TextBody;
use crate::areas::mail::targets::EmailTarget;
use crate::i18n::*;
use crate::platform::lang::use_lang;
use crate::platform::shortcuts::on_shortcut;
use crate::ui::error_banner::{describe, ErrorBanner};
use crate::ui::icon::{Icon, IconKind};
use crate::ui::toast::use_toasts;
use facteur_compose::reply::Answer;
use facteur_kit::dates::full_date;
use facteur_mail::conversation::{Body, ConversationMessage, Person};
use facteur_mail::mailbox::Folder;
use facteur_mail::message::MessageSummary;
use facteur_mail::search::marks::words_to_mark;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// Shown in the reading pane when no conversation is open.
#[component]
pub fn NoConversation() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="reading-empty">{crate::tr!(i18n, read.none)}</p> }
}

/// `/mail/:mailbox/:thread`.
#[component]
pub fn ConversationView() -> impl IntoView {
    let i18n = use_i18n();
    let mail_ctx = use_mail();
    let params = use_params_map();
    let thread = Memo::new(move |_| params.read().get("thread").unwrap_or_default());
    let conversation = LocalResource::new({
        move || {
            let id = thread.get();
            async move { crate::areas::mail::reading::prefetch::open(&mail_ctx, &id).await }
        }
    });

    // Its messages are rows of the store while it is open (pinned: never evicted), those of
    // other folders put in from what was loaded: their read state, flag and labels are read
    // from the store, with the pending changes, and kept current by the sync engine.
    let pinned = StoredValue::new(Vec::<String>::new());
    let unpin = move || {
        let ids = pinned.try_update_value(std::mem::take).unwrap_or_default();
        let _ = mail_ctx.store.try_update(|s| ids.iter().for_each(|id| s.pin::<MessageSummary>(id, false)));
    };
    on_cleanup(unpin);
    // Opening a conversation marks its unread messages as read, on the server (the outside
    // world): shown at once, rolled back if the server refuses.
    let ctx = mail_ctx;
    Effect::new(move || {
        let Some(Ok(Some(messages))) = conversation.get() else { return };
        unpin();
        let thread_id = thread.get_untracked();
        let ids: Vec<String> = messages.iter().map(|m| m.id.clone()).collect();
        ctx.store.update(|s| {
            let missing: Vec<MessageSummary> = messages
                .iter()
                .filter(|m| s.get::<MessageSummary>(&m.id).is_none())
                .map(|m| m.as_row(&thread_id, messages.len()))
                .collect();
            s.insert(missing);
            ids.iter().for_each(|id| s.pin::<MessageSummary>(id, true));
        });
        pinned.set_value(ids);
        let unread: Vec<String> = messages.iter().filter(|m| m.unread).map(|m| m.id.clone()).collect();
        if unread.is_empty() {
            return;
        }
        ctx.change_emails(&unread, facteur_mail::changes::keyword_patch("$seen", true));
    });

    let back = { move || mail_ctx.list_href() };
    view! {
        <article class="conversation" aria-labelledby="conversation-title" data-testid="conversation">
            <a class="back-link" href=back>
                {crate::tr!(i18n, read.back)}
            </a>
            {move || match conversation.get() {
                None => {
                    view! {
                        <p class="loading" role="status">
                            {crate::tr!(i18n, loading)}
                        </p>
                    }
                        .into_any()
                }
                Some(Err(error)) => {
                    view! {
                        <ErrorBanner
                            title=Signal::derive(move || t_string!(i18n, read.load_error).to_string())
                            detail=describe(i18n, error)
                            on_retry=move || conversation.refetch()
                        />
                    }
                        .into_any()
                }
                Some(Ok(None)) => {
                    view! {
                        <p class="empty" role="status">
                            {crate::tr!(i18n, read.gone)}
                        </p>
                    }
                        .into_any()
                }
                Some(Ok(Some(messages))) => {
                    let subject = messages.last().and_then(|m| m.subject.clone());
                    let last = messages.len().saturating_sub(1);
                    let toolbar_messages = messages.clone();
                    let labelled: Vec<(String, Vec<String>)> = messages
                        .iter()
                        .map(|m| (m.id.clone(), m.labels.clone()))
                        .collect();
                    let header_labels = Signal::derive(move || crate::areas::mail::labels::union(mail_ctx, &labelled));
                    view! {
                        <Toolbar messages=toolbar_messages />
                        <h2 id="conversation-title" class="conversation-subject">
                            {move || subject.clone().unwrap_or_else(|| t_string!(i18n, list.no_subject).to_string())}
                        </h2>
                        <crate::areas::mail::labels::LabelChips labels=header_labels />
                        <p class="conversation-count">
                            {
                                let n = messages.len();
                                move || crate::plural!(i18n, n, [read.count_singular], [read.count_plural], count = n)
                            }
                        </p>
                        {messages
                            .into_iter()
                            .enumerate()
                            .map(|(n, message)| view! { <MessageCard message expanded=n == last /> })
                            .collect_view()}
                    }
                        .into_any()
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
            <button
                type="button"
                class="message-summary"
                aria-expanded=move || open.get().to_string()
                aria-controls=body_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="message-from">{sender.clone()}</span>
                <span class="message-date">{when}</span>
                <Show when=move || !open.get()>
                    <span class="message-preview">{m.with_value(|m| m.preview.clone())}</span>
                </Show>
            </button>
            <Show when=move || open.get()>
                <div class="message-open" id=body_id.clone()>
                    <dl class="message-headers">
                        <dt>{crate::tr!(i18n, read.from)}</dt>
                        <dd>{m.with_value(|m| people_full(&m.from))}</dd>
                        <dt>{crate::tr!(i18n, read.to)}</dt>
                        <dd>{m.with_value(|m| people_line(&m.to))}</dd>
                        {m
                            .with_value(|m| {
                                (!m.cc.is_empty())
                                    .then(|| {
                                        let cc = people_line(&m.cc);
                                        view! {
                                            <dt>{crate::tr!(i18n, read.cc)}</dt>
                                            <dd>{cc}</dd>
                                        }
                                    })
                            })}
                    </dl>
                    <button
                        type="button"
                        class="link-button"
                        aria-expanded=move || details.get().to_string()
                        on:click=move |_| details.update(|d| *d = !*d)
                    >
                        {crate::tr!(i18n, read.details)}
                    </button>
                    <Show when=move || details.get()>
                        <dl class="message-details">
                            <dt>{crate::tr!(i18n, read.from)}</dt>
                            <dd>{m.with_value(|m| people_full(&m.from))}</dd>
                            <dt>{crate::tr!(i18n, read.to)}</dt>
                            <dd>{m.with_value(|m| people_full(&m.to))}</dd>
                            {m
                                .with_value(|m| {
                                    (!m.cc.is_empty())
                                        .then(|| {
                                            let cc = people_full(&m.cc);
                                            view! {
                                                <dt>{crate::tr!(i18n, read.cc)}</dt>
                                                <dd>{cc}</dd>
                                            }
                                        })
                                })}
                            {m
                                .with_value(|m| {
                                    (!m.reply_to.is_empty())
                                        .then(|| {
                                            let reply_to = people_full(&m.reply_to);
                                            view! {
                                                <dt>{crate::tr!(i18n, read.reply_to)}</dt>
                                                <dd>{reply_to}</dd>
                                            }
                                        })
                                })}
                            <dt>{crate::tr!(i18n, read.date)}</dt>
                            <dd>{when}</dd>
                        </dl>
                    </Show>
                    {m
                        .with_value(|m| {
                            let drafts = mail_ctx
                                .folders
                                .get_untracked()
                                .and_then(|f| f.ok())
                                .and_then(|f| {
                                    f.into_iter().find(|f| f.role.as_deref() == Some("drafts")).map(|f| f.id)
                                });
                            let id = m.id.clone();
                            drafts
                                .is_some_and(|d| m.mailbox_ids.contains(&d))
                                .then(|| {
                                    let compose = crate::areas::mail::compose::use_compose_requests();
                                    view! {
                                        <button
                                            type="button"
                                            class="button primary small"
                                            data-action="edit-draft"
                                            on:click=move |_| compose.ask(ComposeRequest::Saved(id.clone()))
                                        >
                                            <Icon kind=IconKind::Pencil />
                                            <span>{crate::tr!(i18n, compose.edit_draft)}</span>
                                        </button>
                                    }
                                })
                        })}
                    <MessageBody message=m.get_value() />
                    {m
                        .with_value(|m| m.truncated)
                        .then(|| view! { <p class="notice">{crate::tr!(i18n, read.truncated)}</p> })}
                    {m
                        .with_value(|m| {
                            let files: Vec<_> = m.files().cloned().collect();
                            (!files.is_empty()).then(|| view! { <AttachmentList client=mail_ctx.client() files /> })
                        })}
                </div>
            </Show>
        </section>
    }
}

/// The body: plain text as is; HTML sanitised into a sandboxed frame (its text if that fails).
#[component]
fn MessageBody(message: ConversationMessage) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_mail().client();
    let sender = message.from.first().map(|p| p.email.clone()).unwrap_or_default();
    // Opened from search results: the searched words marked.
    let marks = use_mail().search.query.get_untracked().map(|q| words_to_mark(&q)).unwrap_or_default();
    match message.body {
        Body::Text(text) => view! { <TextBody text marks /> }.into_any(),
        Body::Html { html, text } => {
            let parts = message.attachments.iter().filter(|a| a.cid.is_some()).cloned().collect();
            view! { <HtmlBody html text sender parts client marks /> }.into_any()
        }
        Body::Empty => view! { <p class="empty">{crate::tr!(i18n, read.empty_body)}</p> }.into_any(),
    }
}

/// Reply, reply to all, forward, archive, delete, spam, unread, flag and move for the open
/// conversation (and the keys r, a, f, e, #).
#[component]
fn Toolbar(messages: Vec<ConversationMessage>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_mail();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let here = ctx.folder_by_slug(&ctx.slug.get_untracked());
    let here_id = here.as_ref().map(|f| f.id.clone()).unwrap_or_default();
    // The messages of this conversation that are in the open folder are the ones acted on.
    let in_folder: Vec<String> =
        messages.iter().filter(|m| m.mailbox_ids.contains(&here_id)).map(|m| m.id.clone()).collect();
    let latest = messages.last().map(|m| (m.id.clone(), m.flagged));
    let role = here.as_ref().and_then(|f| f.role.clone());
    let in_trash = role.as_deref() == Some("trash");
    let in_junk = role.as_deref() == Some("junk");

    let do_move = {
        let (ctx, navigate, here, ids) = (ctx, navigate.clone(), here.clone(), in_folder.clone());
        move |kind: MoveKind, to: Option<Folder>| {
            let Some(from) = here.clone() else { return };
            if actions::move_to(ctx, toasts, i18n, EmailTarget::Emails(ids.clone()), from, kind, to) {
                navigate(&untrack(|| ctx.list_href()), Default::default());
            }
        }
    };
    let delete = {
        let (ctx, navigate, ids, here) = (ctx, navigate.clone(), in_folder.clone(), here.clone());
        move || {
            let Some(from) = here.clone() else { return };
            let question = t_string!(i18n, actions.confirm_destroy);
            if actions::delete(ctx, toasts, i18n, EmailTarget::Emails(ids.clone()), from, question) {
                navigate(&untrack(|| ctx.list_href()), Default::default());
            }
        }
    };
    let flagged = {
        let (ctx, latest) = (ctx, latest.clone());
        Memo::new(move |_| {
            // The row of the list when it is held (with the pending changes), else as loaded.
            latest.as_ref().is_some_and(|(id, loaded)| ctx.row(id).map_or(*loaded, |row| row.flagged))
        })
    };
    let toggle_flag = {
        let (ctx, latest) = (ctx, latest.clone());
        move |_| {
            if let Some((id, _)) = &latest {
                actions::set_keyword(
                    ctx,
                    toasts,
                    i18n,
                    EmailTarget::Emails(vec![id.clone()]),
                    "$flagged",
                    !flagged.get_untracked(),
                );
            }
        }
    };
    let mark_unread = {
        let (ctx, latest, navigate) = (ctx, latest.clone(), navigate.clone());
        move |_| {
            if let Some((id, _)) = &latest {
                actions::set_keyword(ctx, toasts, i18n, EmailTarget::Emails(vec![id.clone()]), "$seen", false);
                navigate(&untrack(|| ctx.list_href()), Default::default());
            }
        }
    };

    // Répondre, Répondre à tous, Transférer: the latest message of the conversation.
    let compose = crate::areas::mail::compose::use_compose_requests();
    let answer = {
        let latest = latest.clone();
        move |kind: Answer| {
            if let Some((id, _)) = &latest {
                compose.ask(ComposeRequest::Answer(kind, id.clone()));
            }
        }
    };

    // e: archive, #: delete, r/a/f: answer.
    {
        let (do_move, delete, answer) = (do_move.clone(), delete.clone(), answer.clone());
        on_shortcut(move |event| {
            match event.key().as_str() {
                "e" => do_move(MoveKind::Archive, None),
                "#" => delete(),
                "r" => answer(Answer::Reply),
                "a" => answer(Answer::ReplyAll),
                "f" => answer(Answer::Forward),
                _ => return false,
            }
            true
        });
    }
    let (reply, reply_all, forward, forward_attached) =
        (answer.clone(), answer.clone(), answer.clone(), answer.clone());

    let targets: Vec<Folder> = actions::destinations(&ctx, &here_id);
    let chosen = {
        let (do_move, targets) = (do_move.clone(), targets.clone());
        move |ev: leptos::ev::Event| {
            let id = event_target_value(&ev);
            if let Some(folder) = targets.iter().find(|f| f.id == id) {
                do_move(MoveKind::Folder, Some(folder.clone()));
            }
        }
    };
    let (archive, spam) = (do_move.clone(), do_move.clone());
    let labelled: Vec<(String, Vec<String>)> = messages.iter().map(|m| (m.id.clone(), m.labels.clone())).collect();
    view! {
        <div class="toolbar" role="toolbar" aria-label=move || t_string!(i18n, actions.toolbar)>
            <button
                type="button"
                class="button secondary small"
                data-action="reply"
                on:click=move |_| reply(Answer::Reply)
            >
                <Icon kind=IconKind::Reply />
                <span class="action-text">{crate::tr!(i18n, actions.reply)}</span>
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="reply-all"
                on:click=move |_| reply_all(Answer::ReplyAll)
            >
                <Icon kind=IconKind::ReplyAll />
                <span class="action-text">{crate::tr!(i18n, actions.reply_all)}</span>
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="forward"
                on:click=move |_| forward(Answer::Forward)
            >
                <Icon kind=IconKind::Forward />
                <span class="action-text">{crate::tr!(i18n, actions.forward)}</span>
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="forward-attached"
                on:click=move |_| forward_attached(Answer::ForwardAsAttachment)
            >
                <Icon kind=IconKind::Attachment />
                <span class="action-text">{crate::tr!(i18n, actions.forward_attached)}</span>
            </button>
            {(role.as_deref() != Some("archive"))
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button secondary small"
                            data-action="archive"
                            on:click=move |_| archive(MoveKind::Archive, None)
                        >
                            <Icon kind=IconKind::Archive />
                            <span class="action-text">{crate::tr!(i18n, actions.archive)}</span>
                        </button>
                    }
                })}
            <button type="button" class="button secondary small" data-action="delete" on:click=move |_| delete()>
                <Icon kind=IconKind::Trash />
                <span class="action-text">
                    {if in_trash { t_string!(i18n, actions.destroy) } else { t_string!(i18n, actions.delete) }}
                </span>
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="spam"
                on:click=move |_| spam(if in_junk { MoveKind::NotJunk } else { MoveKind::Junk }, None)
            >
                <Icon kind=IconKind::Junk />
                <span class="action-text">
                    {if in_junk { t_string!(i18n, actions.not_spam) } else { t_string!(i18n, actions.spam) }}
                </span>
            </button>
            <button type="button" class="button secondary small" data-action="unread" on:click=mark_unread>
                <Icon kind=IconKind::Envelope />
                <span class="action-text">{crate::tr!(i18n, actions.mark_unread)}</span>
            </button>
            <button
                type="button"
                class="button secondary small"
                data-action="flag"
                aria-pressed=move || flagged.get().to_string()
                on:click=toggle_flag
            >
                <Icon kind=IconKind::Flag />
                <span class="action-text">
                    {move || {
                        if flagged.get() { t_string!(i18n, actions.unflag) } else { t_string!(i18n, actions.flag) }
                    }}
                </span>
            </button>
            <crate::areas::mail::labels::LabelMenu messages=labelled />
            <label class="move-to">
                <span class="visually-hidden">{crate::tr!(i18n, actions.move_to)}</span>
                <select data-action="move" on:change=chosen>
                    <option value="" selected=true>
                        {crate::tr!(i18n, actions.move_to)}
                    </option>
                    {targets
                        .iter()
                        .map(|f| {
                            let (id, label) = (
                                f.id.clone(),
                                crate::areas::mail::folders::folder_nav::folder_label(i18n, f),
                            );
                            view! { <option value=id>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
