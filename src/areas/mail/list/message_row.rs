//! One row of the message list: sender, subject, preview, date, marks.

use crate::areas::mail::reading::prefetch;
use crate::areas::mail::search::snippet::Snippet;
use crate::areas::mail::EmailTarget;
use crate::i18n::*;
use crate::platform::lang::use_lang;
use crate::ui::icon::{Icon, IconKind};
use facteur_kit::dates::{full_date, list_date};
use facteur_mail::message::MessageSummary;
use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// The browser's current UTC offset.
fn local_offset() -> chrono::FixedOffset {
    *chrono::Local::now().offset()
}

/// A memo of `fun` that, when the current owner is cleaned up, also leaves the subscribers of
/// the signals it read.
///
/// Leptos 0.8 takes a node out of a signal's subscribers only when that node runs again, so a
/// node disposed with its owner stays there, and keeps its memory, as long as the signal lives.
/// The list's rows come and go as it scrolls while the signals they read (the language, the
/// selection, the address…) live as long as the mail area: every memo and effect of every row
/// scrolled past stayed (about 1.6 KB a row; BENCHMARKS.md). So a row reads those signals only
/// through such memos; its other nodes read these memos, which go away with the row.
pub fn unsubscribing_memo<T>(fun: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(move |_| fun());
    let node = memo.to_any_subscriber();
    on_cleanup(move || node.clear_sources(&node));
    Memo::from(memo)
}

/// `tr!` inside a row: the label follows the row's `locale` memo (see [`unsubscribing_memo`]).
macro_rules! row_tr {
    ($locale:expr, $($key:tt)+) => {
        row_text($locale, |locale| leptos_i18n::td_string!(locale, $($key)+))
    };
}

/// A label that follows the row's `locale` (one type for every label, like [`crate::tr`]).
fn row_text(locale: Memo<Locale>, pick: fn(Locale) -> &'static str) -> Signal<&'static str> {
    Signal::derive(move || pick(locale.get()))
}

/// A row not loaded yet (its page is on its way).
#[component]
pub fn PlaceholderRow(position: usize, setsize: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = unsubscribing_memo(move || i18n.get_locale());
    let setsize = unsubscribing_memo(move || setsize.get());
    view! {
        <li
            class="message-row placeholder"
            data-position=position
            aria-busy="true"
            aria-posinset=position + 1
            aria-setsize=move || setsize.get()
        >
            <span class="placeholder-text">{row_tr!(locale, loading)}</span>
        </li>
    }
}

/// A message in the list at `position` (of `setsize`): a checkbox to select it and a link to
/// its conversation; it can be dragged onto a folder (with the selection, when selected).
#[component]
pub fn MessageRow(message: MessageSummary, position: usize, setsize: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let mail = crate::areas::mail::use_mail();
    let params = leptos_router::hooks::use_params_map();
    // What the row reads of the area's signals, through memos that leave them with the row
    // (see `unsubscribing_memo`): no other node of the row reads those signals.
    let locale = unsubscribing_memo(move || i18n.get_locale());
    let lang = {
        let lang = use_lang();
        unsubscribing_memo(move || lang.get())
    };
    let setsize = unsubscribing_memo(move || setsize.get());
    // The row comes from the store with the pending changes applied (a change re-renders it).
    let (unread, flagged) = (Signal::stored(message.unread), Signal::stored(message.flagged));
    let thread_id = message.thread_id.clone();
    let href = unsubscribing_memo(move || mail.thread_href(&thread_id));
    // In search results: the subject and excerpt with the matching words marked.
    let highlight = unsubscribing_memo({
        let (id, highlights) = (message.id.clone(), mail.search.highlights);
        move || highlights.with(|h| h.get(&id).cloned()).unwrap_or_default()
    });
    let open_thread = message.thread_id.clone();
    let is_open = unsubscribing_memo(move || params.read().get("thread").as_deref() == Some(open_thread.as_str()));
    let received = message.received_at;
    let date = move || list_date(received, chrono::Utc::now(), local_offset(), lang.get());
    let date_title = move || full_date(received, local_offset(), lang.get());
    let sender = message.sender.clone();
    let subject = message.subject.clone();
    let selected = unsubscribing_memo({
        let (id, selection) = (message.id.clone(), mail.selection);
        move || selection.with(|s| s.is_selected(&id))
    });
    let toggle = {
        let id = message.id.clone();
        move |ev: leptos::ev::MouseEvent| {
            let shift = ev.shift_key();
            mail.selection.update(|s| {
                let anchor = s.anchor().map(str::to_string);
                match anchor {
                    Some(anchor) if shift => {
                        mail.with_list_untracked(|l| s.select_range(l, &anchor, &id));
                    }
                    _ => s.toggle(&id),
                }
            });
            mail.cursor.set(Some(position));
        }
    };
    let drag_start = {
        let id = message.id.clone();
        let label = subject.clone().unwrap_or_default();
        move |ev: leptos::ev::DragEvent| {
            let target = if selected.get_untracked() {
                mail.selection.with_untracked(|s| mail.with_list_untracked(|l| EmailTarget::from_selection(s, l)))
            } else {
                EmailTarget::Rows(vec![id.clone()])
            };
            mail.dragging.set(Some(target));
            if let Some(transfer) = ev.data_transfer() {
                let _ = transfer.set_data("text/plain", &label);
                transfer.set_effect_allowed("move");
            }
        }
    };
    let check_label = {
        let subject = subject.clone();
        move || {
            let locale = locale.get();
            let subject = subject.clone().unwrap_or_else(|| td_string!(locale, list.no_subject).to_string());
            td_string!(locale, selection.select_row, subject = subject).to_string()
        }
    };
    let labels = Signal::stored(message.labels.clone());
    let preview = message.preview.clone();
    // The conversation is fetched ahead when the pointer rests on the row or the row gets
    // the focus (a press focuses it before the click), so that it opens at once — unless it
    // is open already (the row drawn again under the pointer, once read, must not fetch it).
    let hover = StoredValue::new_local(None::<TimeoutHandle>);
    let rest = {
        let (mail, thread) = (mail, message.thread_id.clone());
        move |_| {
            if is_open.get_untracked() {
                return;
            }
            let (mail, thread) = (mail, thread.clone());
            let wait = std::time::Duration::from_millis(prefetch::HOVER_MS);
            if let Ok(handle) = set_timeout_with_handle(move || prefetch::prefetch(&mail, &thread), wait) {
                hover.set_value(Some(handle));
            }
        }
    };
    let leave = move |_| {
        if let Some(handle) = hover.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let focused = {
        let (mail, thread) = (mail, message.thread_id.clone());
        move |_| {
            if !is_open.get_untracked() {
                prefetch::prefetch(&mail, &thread);
            }
        }
    };
    view! {
        <li
            class="message-row"
            class:unread=move || unread.get()
            class:selected=move || selected.get()
            data-testid="message-row"
            data-id=message.id.clone()
            data-position=position
            aria-posinset=position + 1
            aria-setsize=move || setsize.get()
            draggable="true"
            on:dragstart=drag_start
            on:dragend=move |_| mail.dragging.set(None)
            on:pointerenter=rest
            on:pointerleave=leave
            on:focusin=focused
        >
            <label class="row-select">
                <input type="checkbox" prop:checked=move || selected.get() on:click=toggle />
                <span class="visually-hidden">{check_label}</span>
            </label>
            <a
                class="row-link"
                href=href
                aria-current=move || is_open.get().then_some("true")
                on:click=move |_| mail.cursor.set(Some(position))
            >
                <span class="marks">
                    <Show when=move || unread.get()>
                        <span class="unread-dot" aria-hidden="true"></span>
                        <span class="visually-hidden">{row_tr!(locale, list.unread)}</span>
                    </Show>
                </span>
                <span class="from">
                    {move || {
                        sender.clone().unwrap_or_else(|| td_string!(locale.get(), list.unknown_sender).to_string())
                    }}
                    {(message.thread_size > 1)
                        .then(|| {
                            let n = message.thread_size;
                            view! {
                                <span class="thread-count" aria-hidden="true">
                                    {n}
                                </span>
                                <span class="visually-hidden">
                                    {move || td_string!(locale.get(), list.in_conversation, count = n).to_string()}
                                </span>
                            }
                        })}
                </span>
                <span class="summary">
                    <crate::areas::mail::FolderChips mailbox_ids=message.mailbox_ids.clone() />
                    <crate::areas::mail::labels::LabelChips labels />
                    <span class="subject">
                        {move || match highlight.get().subject {
                            Some(segments) => view! { <Snippet segments /> }.into_any(),
                            None => {
                                subject
                                    .clone()
                                    .unwrap_or_else(|| td_string!(locale.get(), list.no_subject).to_string())
                                    .into_any()
                            }
                        }}
                    </span>
                    {move || match highlight.get().preview {
                        Some(segments) => {
                            Some(
                                view! {
                                    " — "
                                    <span class="preview snippet">
                                        <Snippet segments />
                                    </span>
                                }
                                    .into_any(),
                            )
                        }
                        None => {
                            (!preview.is_empty())
                                .then(|| {
                                    view! {
                                        " — "
                                        <span class="preview">{preview.clone()}</span>
                                    }
                                        .into_any()
                                })
                        }
                    }}
                </span>
                <span class="date">
                    <Show when=move || flagged.get()>
                        <span class="mark flag">
                            <Icon kind=IconKind::Flag />
                            <span class="visually-hidden">{row_tr!(locale, list.flagged)}</span>
                        </span>
                    </Show>
                    {message
                        .has_attachment
                        .then(|| {
                            view! {
                                <span class="mark attachment">
                                    <Icon kind=IconKind::Attachment />
                                    <span class="visually-hidden">{row_tr!(locale, list.attachment)}</span>
                                </span>
                            }
                        })}
                    <time datetime=received.to_rfc3339() title=date_title>
                        {date}
                    </time>
                </span>
            </a>
        </li>
    }
}
