//! The form of one message being written: De (the identities), À / Cc / Cci as chips, Objet,
//! the body in Markdown with a small toolbar (gras, italique, liste, lien, citation), "Aperçu"
//! and "Texte brut", then "Envoyer" — which first says in words what blocks the send (no
//! recipient, an address that cannot be sent to…) and warns of an attachment announced but
//! missing. A part of the app of its own ([`composer_part`]): pulldown-cmark comes with it.

use super::attachments::{files_of, AttachmentChips, Uploads};
use super::recipients::{problem_words, Pick, RecipientField};
use super::saving;
use super::{Composers, Entry, Status};
use crate::i18n::*;
use crate::platform::lazy::NotDownloaded;
use crate::ui::icon::{Icon, IconKind};
use facteur_compose::draft::{Draft, SendProblem, MAX_RECIPIENTS, MAX_SUBJECT};
use facteur_compose::markdown::{self, Format};
use leptos::wasm_split::wasm_split;
use leptos::{ev, html, prelude::*};
use leptos_i18n::I18nContext;

#[wasm_split(composer, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_composer))]
pub(crate) fn composer_part(composers: Composers, entry: Entry) -> Result<AnyView, NotDownloaded> {
    Ok(view! { <Composer composers entry /> }.into_any())
}

/// What blocks a send, in words.
fn send_problem_words(i18n: I18nContext<Locale>, problem: &SendProblem) -> String {
    match problem {
        SendProblem::NoRecipient => t_string!(i18n, compose.no_recipient).to_string(),
        SendProblem::BadAddress(who, why) => {
            t_string!(i18n, compose.bad_address, who = who.email.clone(), why = problem_words(i18n, *why)).to_string()
        }
        SendProblem::TooManyRecipients(n) => {
            t_string!(i18n, compose.too_many_recipients, count = *n, most = MAX_RECIPIENTS).to_string()
        }
        SendProblem::SubjectTooLong(n) => {
            t_string!(i18n, compose.subject_too_long, count = *n, most = MAX_SUBJECT).to_string()
        }
        SendProblem::NoIdentity => t_string!(i18n, compose.no_identity).to_string(),
    }
}

/// The byte offset of a UTF-16 offset (what a text field's selection gives) in `text`.
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (at, c) in text.char_indices() {
        if units >= utf16 {
            return at;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// The UTF-16 offset of a byte offset.
fn utf16_offset(text: &str, byte: usize) -> u32 {
    text[..byte.min(text.len())].encode_utf16().count() as u32
}

/// One message being written.
#[component]
fn Composer(composers: Composers, entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let key = entry.key.clone();
    // Copy handles for the closures below (the entry keeps the values alive).
    let draft = RwSignal::from(entry.draft.clone());
    let status = RwSignal::from(entry.status.clone());
    let preview = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let reminder = RwSignal::new(false);
    let show_cc = RwSignal::new(draft.with_untracked(|d| !d.cc.is_empty()));
    let show_bcc = RwSignal::new(draft.with_untracked(|d| !d.bcc.is_empty()));
    let body_ref = NodeRef::<html::Textarea>::new();
    let file_ref = NodeRef::<html::Input>::new();
    let uploads = Uploads::new();
    on_cleanup(move || uploads.forget_pasted());
    // A new message takes the first identity and its signature (its Message-ID then ends
    // with the identity's domain); then the draft is kept in the tab.
    {
        let entry = entry.clone();
        composers.with_identities(move |composers, identities| {
            if let Some(first) = identities.first() {
                entry.draft.update(|d| {
                    if d.identity_id.is_none() {
                        d.set_identity(&first.id, first.sender.clone(), &first.signature);
                        if d.email_id.is_none() {
                            d.message_id = super::new_message_id(super::domain_of(&first.sender.email));
                        }
                    }
                });
            }
            composers.keep();
        });
    }
    // The first field to fill gets the focus when the panel opens.
    {
        let first = first_field(&key, &draft.get_untracked());
        request_animation_frame(move || {
            if let Some(field) = document().get_element_by_id(&first) {
                if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                    let _ = field.focus();
                }
            }
        });
    }

    let changed = {
        let entry = entry.clone();
        Callback::new(move |()| {
            problem.set(None);
            reminder.set(false);
            saving::changed(composers, &entry, i18n);
        })
    };
    let title_id = format!("composer-title-{key}");
    let labelled_by = title_id.clone();
    let (to_id, cc_id, bcc_id) =
        (format!("compose-to-{key}"), format!("compose-cc-{key}"), format!("compose-bcc-{key}"));
    let title = {
        move || {
            draft.with(|d| match d.subject.trim() {
                "" => t_string!(i18n, compose.new_message).to_string(),
                s => s.to_string(),
            })
        }
    };

    let on_subject = {
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            draft.update(|d| d.subject = value);
            changed.run(());
        }
    };
    let on_body = {
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            draft.update(|d| d.body = value);
            changed.run(());
        }
    };
    let format = {
        move |format: Format| {
            let Some(area) = body_ref.get_untracked() else { return };
            let text = draft.with_untracked(|d| d.body.clone());
            let start = byte_offset(&text, area.selection_start().ok().flatten().unwrap_or(0));
            let end = byte_offset(&text, area.selection_end().ok().flatten().unwrap_or(0));
            let (new_text, new_start, new_end) = markdown::apply(&text, start.min(end), start.max(end), format);
            area.set_value(&new_text);
            let _ = area.focus();
            let _ = area.set_selection_range(utf16_offset(&new_text, new_start), utf16_offset(&new_text, new_end));
            draft.update(|d| d.body = new_text);
            changed.run(());
        }
    };
    let on_identity = {
        move |ev: ev::Event| {
            let id = event_target_value(&ev);
            let chosen = composers.identities.with_untracked(|l| {
                l.as_ref().and_then(|l| l.as_ref().ok()).and_then(|l| l.iter().find(|i| i.id == id).cloned())
            });
            if let Some(identity) = chosen {
                draft.update(|d| d.set_identity(&identity.id, identity.sender.clone(), &identity.signature));
                changed.run(());
            }
        }
    };
    let on_plain = {
        move |ev: ev::Event| {
            let plain = event_target_checked(&ev);
            draft.update(|d| d.plain_text = plain);
            if plain {
                preview.set(false);
            }
            changed.run(());
        }
    };
    let attach = {
        let entry = entry.clone();
        move |files: Vec<web_sys::File>| {
            for file in files {
                uploads.start(composers, &entry, i18n, file, false);
            }
        }
    };
    let on_files = {
        let attach = attach.clone();
        move |_: ev::Event| {
            let Some(input) = file_ref.get_untracked() else { return };
            attach(files_of(input.files()));
            // The same file can be chosen again.
            input.set_value("");
        }
    };
    let on_drop = {
        let attach = attach.clone();
        move |ev: ev::DragEvent| {
            let files = files_of(ev.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                ev.prevent_default();
                attach(files);
            }
        }
    };
    let on_dragover = move |ev: ev::DragEvent| {
        let has_files = ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if has_files {
            ev.prevent_default();
        }
    };
    // An image pasted in the text: uploaded as an inline part, shown where it was pasted.
    let on_paste = {
        let entry = entry.clone();
        move |ev: ev::ClipboardEvent| {
            let files = files_of(ev.clipboard_data().and_then(|d| d.files()));
            let images: Vec<_> = files.into_iter().filter(|f| f.type_().starts_with("image/")).collect();
            if images.is_empty() || draft.with_untracked(|d| d.plain_text) {
                return;
            }
            ev.prevent_default();
            let Some(area) = body_ref.get_untracked() else { return };
            let mut text = draft.with_untracked(|d| d.body.clone());
            let mut at = byte_offset(&text, area.selection_start().ok().flatten().unwrap_or(0));
            for image in images {
                let name = image.name();
                if let Some(cid) = uploads.start(composers, &entry, i18n, image, true) {
                    let inserted = format!("![{}](cid:{cid})", if name.is_empty() { "image" } else { &name });
                    text.insert_str(at, &inserted);
                    at += inserted.len();
                }
            }
            area.set_value(&text);
            let _ = area.set_selection_range(utf16_offset(&text, at), utf16_offset(&text, at));
            draft.update(|d| d.body = text);
            changed.run(());
        }
    };
    let send = {
        let entry = entry.clone();
        move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            let d = draft.get_untracked();
            if uploads.busy() {
                problem.set(Some(t_string!(i18n, compose.uploads_pending).to_string()));
                return;
            }
            if let Some(p) = d.send_problem() {
                problem.set(Some(send_problem_words(i18n, &p)));
                return;
            }
            if !reminder.get_untracked()
                && d.attachments.is_empty()
                && facteur_compose::reminder::mentions_attachment(&d.body)
            {
                reminder.set(true);
                return;
            }
            reminder.set(false);
            problem.set(None);
            saving::send_soon(composers, entry.clone(), i18n);
        }
    };
    let minimise = {
        let entry = entry.clone();
        move |_| {
            // Saved first (its status shown by this form), then the form goes: a change of
            // status after it went would reach its disposed signals.
            saving::save_now(composers, entry.clone(), i18n);
            entry.minimised.set(true);
        }
    };
    let close = {
        let entry = entry.clone();
        move |_| saving::close(composers, entry.clone(), i18n)
    };
    let discard = {
        let entry = entry.clone();
        move |_| {
            let question = t_string!(i18n, compose.confirm_discard);
            let sure = web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false);
            if sure {
                saving::discard_draft(composers, entry.clone(), i18n);
            }
        }
    };
    let identities = move || composers.identities.get().and_then(|l| l.ok()).unwrap_or_default();
    let from_id = format!("compose-from-{key}");
    let subject_id = format!("compose-subject-{key}");
    let body_id = format!("compose-body-{key}");
    let status_line = {
        move || match status.get() {
            Status::Saving => Some(t_string!(i18n, compose.saving).to_string()),
            Status::Saved(at) => Some(t_string!(i18n, compose.saved_at, at = at).to_string()),
            _ => None,
        }
    };
    let failure = {
        move || match status.get() {
            Status::SaveFailed(why) => Some(t_string!(i18n, compose.save_failed, why = why).to_string()),
            Status::SendFailed(why) => Some(t_string!(i18n, compose.send_failed, why = why).to_string()),
            _ => None,
        }
    };
    let sending = { move || matches!(status.get(), Status::Sending | Status::Waiting(_)) };
    let tool = move |kind: Format, icon: IconKind, label: fn(I18nContext<Locale>) -> String| {
        view! {
            <button
                type="button"
                class="icon-button"
                title=move || label(i18n)
                aria-label=move || label(i18n)
                disabled=move || preview.get()
                on:click=move |_| format(kind)
            >
                <Icon kind=icon />
            </button>
        }
    };
    let plain = { Memo::new(move |_| draft.with(|d| d.plain_text)) };
    let body_value = { move || draft.with(|d| d.body.clone()) };
    let rendered = move || uploads.show_pasted(draft.with(|d| markdown::to_html_fragment(&d.body)));
    let subject_value = { move || draft.with(|d| d.subject.clone()) };
    let chosen_identity = { move || draft.with(|d| d.identity_id.clone().unwrap_or_default()) };
    view! {
        <section
            class="composer"
            aria-labelledby=labelled_by
            data-testid="composer"
            data-key=key
            on:drop=on_drop
            on:dragover=on_dragover
        >
            <header class="composer-head">
                <h2 id=title_id class="composer-title">
                    {title}
                </h2>
                <button
                    type="button"
                    class="icon-button"
                    data-action="minimise"
                    aria-label=move || t_string!(i18n, compose.minimise)
                    title=move || t_string!(i18n, compose.minimise)
                    on:click=minimise
                >
                    <Icon kind=IconKind::Minimise />
                </button>
                <button
                    type="button"
                    class="icon-button"
                    data-action="close-composer"
                    aria-label=move || t_string!(i18n, compose.close)
                    title=move || t_string!(i18n, compose.close)
                    on:click=close
                >
                    <Icon kind=IconKind::Close />
                </button>
            </header>
            <form class="composer-form" on:submit=send novalidate=true>
                <div class="composer-fields">
                    <div class="composer-row">
                        <label for=from_id.clone()>{crate::tr!(i18n, compose.from)}</label>
                        <select id=from_id on:change=on_identity prop:value=chosen_identity>
                            {move || {
                                let chosen = chosen_identity();
                                identities()
                                    .into_iter()
                                    .map(|i| {
                                        let selected = i.id == chosen;
                                        view! {
                                            <option value=i.id.clone() selected=selected>
                                                {i.sender.display()}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <div class="composer-row recipients-row">
                        <RecipientField
                            draft
                            pick=Pick::To
                            id=to_id
                            label=Signal::derive(move || t_string!(i18n, compose.to).to_string())
                            on_change=changed
                        />
                        <span class="cc-toggles">
                            <Show when=move || !show_cc.get()>
                                <button
                                    type="button"
                                    class="link-button"
                                    data-action="show-cc"
                                    on:click=move |_| show_cc.set(true)
                                >
                                    {crate::tr!(i18n, compose.cc)}
                                </button>
                            </Show>
                            <Show when=move || !show_bcc.get()>
                                <button
                                    type="button"
                                    class="link-button"
                                    data-action="show-bcc"
                                    on:click=move |_| show_bcc.set(true)
                                >
                                    {crate::tr!(i18n, compose.bcc)}
                                </button>
                            </Show>
                        </span>
                    </div>
                    <Show when=move || show_cc.get()>
                        <div class="composer-row">
                            <RecipientField
                                draft
                                pick=Pick::Cc
                                id=cc_id.clone()
                                label=Signal::derive(move || t_string!(i18n, compose.cc).to_string())
                                on_change=changed
                            />
                        </div>
                    </Show>
                    <Show when=move || show_bcc.get()>
                        <div class="composer-row">
                            <RecipientField
                                draft
                                pick=Pick::Bcc
                                id=bcc_id.clone()
                                label=Signal::derive(move || t_string!(i18n, compose.bcc).to_string())
                                on_change=changed
                            />
                        </div>
                    </Show>
                    <div class="composer-row">
                        <label for=subject_id.clone()>{crate::tr!(i18n, compose.subject)}</label>
                        <input id=subject_id type="text" prop:value=subject_value on:input=on_subject />
                    </div>
                </div>
                <div class="composer-toolbar" role="toolbar" aria-label=move || t_string!(i18n, compose.formatting)>
                    <Show when=move || {
                        !plain.get()
                    }>
                        {tool(Format::Bold, IconKind::Bold, |i18n| t_string!(i18n, compose.bold).to_string())}
                        {tool(Format::Italic, IconKind::Italic, |i18n| t_string!(i18n, compose.italic).to_string())}
                        {tool(Format::List, IconKind::List, |i18n| t_string!(i18n, compose.list).to_string())}
                        {tool(Format::Link, IconKind::Link, |i18n| t_string!(i18n, compose.link).to_string())}
                        {tool(Format::Quote, IconKind::Quote, |i18n| t_string!(i18n, compose.quote).to_string())}
                        <button
                            type="button"
                            class="button secondary small"
                            data-action="preview"
                            aria-pressed=move || preview.get().to_string()
                            on:click=move |_| preview.update(|p| *p = !*p)
                        >
                            {crate::tr!(i18n, compose.preview)}
                        </button>
                    </Show>
                    <label class="plain-toggle">
                        <input
                            type="checkbox"
                            data-action="plain-text"
                            prop:checked=move || plain.get()
                            on:change=on_plain
                        />
                        {crate::tr!(i18n, compose.plain_text)}
                    </label>
                </div>
                <label for=body_id.clone() class="visually-hidden">
                    {crate::tr!(i18n, compose.body)}
                </label>
                <textarea
                    id=body_id
                    class="composer-body"
                    node_ref=body_ref
                    hidden=move || preview.get()
                    prop:value=body_value
                    on:input=on_body
                    on:paste=on_paste
                ></textarea>
                <Show when=move || preview.get()>
                    <div
                        class="composer-preview"
                        data-testid="composer-preview"
                        role="region"
                        tabindex="0"
                        aria-label=move || t_string!(i18n, compose.preview)
                        inner_html=rendered
                    ></div>
                </Show>
                <AttachmentChips draft uploads on_change=changed />
                <div class="composer-messages">
                    {move || {
                        problem
                            .get()
                            .map(|p| {
                                view! {
                                    <p class="composer-problem" role="alert">
                                        {p}
                                    </p>
                                }
                            })
                    }}
                    {move || {
                        failure()
                            .map(|f| {
                                view! {
                                    <p class="composer-problem" role="alert" data-testid="send-failure">
                                        {f}
                                    </p>
                                }
                            })
                    }} <Show when=move || reminder.get()>
                        <p class="composer-reminder" role="alert">
                            {crate::tr!(i18n, compose.attachment_reminder)}
                        </p>
                    </Show>
                </div>
                <footer class="composer-foot">
                    <button type="submit" class="button primary" data-action="send" disabled=sending>
                        <Icon kind=IconKind::Send />
                        <span>
                            {move || {
                                if reminder.get() {
                                    t_string!(i18n, compose.send_anyway)
                                } else if failure().is_some() {
                                    t_string!(i18n, compose.send_again)
                                } else {
                                    t_string!(i18n, compose.send)
                                }
                            }}
                        </span>
                    </button>
                    <input
                        type="file"
                        multiple=true
                        class="file-input"
                        node_ref=file_ref
                        tabindex="-1"
                        aria-hidden="true"
                        data-testid="file-input"
                        on:change=on_files
                    />
                    <button
                        type="button"
                        class="icon-button"
                        data-action="attach"
                        aria-label=move || t_string!(i18n, compose.attach)
                        title=move || t_string!(i18n, compose.attach)
                        on:click=move |_| {
                            if let Some(input) = file_ref.get_untracked() {
                                input.click();
                            }
                        }
                    >
                        <Icon kind=IconKind::Attachment />
                    </button>
                    <span class="composer-status" role="status">
                        {status_line}
                    </span>
                    <button
                        type="button"
                        class="icon-button"
                        data-action="discard"
                        aria-label=move || t_string!(i18n, compose.discard)
                        title=move || t_string!(i18n, compose.discard)
                        on:click=discard
                    >
                        <Icon kind=IconKind::Trash />
                    </button>
                </footer>
            </form>
        </section>
    }
}

/// The draft's starting focus: the first empty field (recipients, else the body).
pub fn first_field(key: &str, draft: &Draft) -> String {
    if draft.to.is_empty() {
        format!("compose-to-{key}")
    } else if draft.subject.is_empty() {
        format!("compose-subject-{key}")
    } else {
        format!("compose-body-{key}")
    }
}
