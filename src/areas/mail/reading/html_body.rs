//! An HTML message body, shown safely: sanitised by `facteur_mail_html` into a sandboxed
//! frame with its own CSP, with the remote-images banner and the deceptive-link warning.
//! If the HTML cannot be shown, the message's text is shown instead.

use crate::areas::mail::reading::text_body::TextBody;
use crate::i18n::*;
use crate::platform::download;
use crate::platform::jmap_client::JmapClient;
use crate::platform::storage;
use crate::ui::modal::Modal;
use facteur_html_policy::{link_mismatch, Mismatch};
use facteur_mail::conversation::Attachment;
use leptos::{html, prelude::*};
use std::collections::HashMap;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Event, HtmlIFrameElement};

type Listener = Closure<dyn FnMut(Event)>;

/// A deceptive link held for confirmation: the link (mismatch, target) and whether the
/// dialog asking about it is open.
#[derive(Clone, Copy)]
struct HeldLink {
    link: RwSignal<Option<(Mismatch, String)>>,
    open: RwSignal<bool>,
}

/// The body of an HTML message. `text` is its text alternative (shown if the HTML fails);
/// `sender` decides "always show remote images"; `parts` are the message's parts with a
/// Content-ID, fetched with the user's credentials for `cid:` images; `marks`: searched words
/// to mark in the text (opened from search results).
#[component]
pub fn HtmlBody(
    html: String,
    text: Option<String>,
    sender: String,
    parts: Vec<Attachment>,
    client: JmapClient,
    #[prop(optional)] marks: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::platform::lang::use_lang();
    let remote = RwSignal::new(storage::remote_images_always(&sender));
    let blocked = RwSignal::new(false);
    let deceptive = RwSignal::new(Vec::<Mismatch>::new());
    let failed = RwSignal::new(false);
    let held = HeldLink { link: RwSignal::new(None), open: RwSignal::new(false) };
    let frame = NodeRef::<html::Iframe>::new();
    let listeners = StoredValue::new_local(Vec::<Listener>::new());
    let html = StoredValue::new(html);
    let marks = StoredValue::new(marks);

    let cid_parts: Vec<Attachment> = parts.into_iter().filter(|p| p.cid.is_some()).collect();
    let cids = LocalResource::new(move || cid_urls(client.clone(), cid_parts.clone()));
    on_cleanup(move || {
        if let Some(map) = cids.try_get_untracked().flatten() {
            map.values().for_each(|url| download::revoke(url));
        }
    });

    let on_load = move |_| {
        let (Some(frame), Some(map)) = (frame.get_untracked(), cids.get_untracked()) else { return };
        let resolve = |id: &str| map.get(id).or_else(|| map.get(&id.to_lowercase())).cloned();
        match html.with_value(|h| facteur_mail_html::fill(&frame, h, remote.get_untracked(), &resolve)) {
            Ok(done) => {
                if let Some(body) = frame.content_document().and_then(|d| d.body()) {
                    marks.with_value(|words| facteur_mail_html::mark_words(&body, words));
                }
                blocked.set(done.report.remote_content_blocked);
                deceptive.set(done.report.link_mismatches);
                listen(&frame, held, listeners);
                fit(&frame);
            }
            Err(_) => failed.set(true),
        }
    };

    let sender_label = StoredValue::new(sender.clone());
    let always = move |_| {
        sender_label.with_value(|s| storage::allow_remote_images_always(s));
        remote.set(true);
    };
    let fallback_text = move || text.clone().or_else(|| html.with_value(|h| html_text(h))).unwrap_or_default();
    let fallback_marks = move || marks.get_value();

    view! {
        <Show when=move || failed.get()>
            <p class="notice">{crate::tr!(i18n, read.html_failed)}</p>
            <TextBody text=fallback_text() marks=fallback_marks() />
        </Show>
        <Show when=move || {
            !failed.get()
        }>
            {move || {
                deceptive
                    .get()
                    .first()
                    .cloned()
                    .map(|m| {
                        view! {
                            <p class="phishing-banner" role="alert">
                                {t_string!(
                                    i18n, read.deceptive_banner, shown = m.shown_host.clone(), real = m.real_host.clone()
                                )
                                    .to_string()}
                            </p>
                        }
                    })
            }} <Show when=move || blocked.get() && !remote.get()>
                <div class="remote-banner" role="status">
                    <p>{crate::tr!(i18n, read.remote_blocked)}</p>
                    <button type="button" class="button" on:click=move |_| remote.set(true)>
                        {crate::tr!(i18n, read.show_images)}
                    </button>
                    <button type="button" class="button secondary" on:click=always>
                        {t_string!(i18n, read.always_show_images, sender = sender_label.get_value()).to_string()}
                    </button>
                </div>
            </Show>
            {move || {
                cids.get()
                    .map(|_| {
                        view! {
                            <iframe
                                node_ref=frame
                                class="message-frame"
                                sandbox=facteur_mail_html::SANDBOX
                                title=move || t_string!(i18n, read.frame_title).to_string()
                                srcdoc=move || facteur_mail_html::srcdoc(remote.get(), lang.get().tag())
                                on:load=on_load
                            />
                        }
                    })
            }}
        </Show>
        <DeceptiveLinkDialog held />
    }
}

/// Fetches the parts with a Content-ID as `blob:` URLs (a part that fails is left out: its
/// image is then not shown).
async fn cid_urls(client: JmapClient, parts: Vec<Attachment>) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for part in parts {
        let Some(cid) = part.cid.clone() else { continue };
        if let Ok(url) = download::blob_url(&client, &part.blob_id, &part.media_type, &part.name).await {
            map.insert(cid, url);
        }
    }
    map
}

/// Listens, from the app, to the frame's document (no script of the message can run):
/// clicks on deceptive links are held for confirmation; loaded images and a new width
/// resize the frame.
fn listen(frame: &HtmlIFrameElement, held: HeldLink, listeners: StoredValue<Vec<Listener>, LocalStorage>) {
    let Some(document) = frame.content_document() else { return };
    let click = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let Some(target) = event.target() else { return };
        let Ok(Some(link)) = target.unchecked_into::<web_sys::Element>().closest("a[href]") else { return };
        let href = link.get_attribute("href").unwrap_or_default();
        if href.starts_with('#') {
            return;
        }
        if let Some(mismatch) = link_mismatch(&link.text_content().unwrap_or_default(), &href) {
            event.prevent_default();
            held.link.set(Some((mismatch, href)));
            held.open.set(true);
        }
    });
    let frame_for_resize = frame.clone();
    let resize = Closure::<dyn FnMut(Event)>::new(move |_: Event| fit(&frame_for_resize));
    let _ = document.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    let _ = document.add_event_listener_with_callback_and_bool("load", resize.as_ref().unchecked_ref(), true);
    // A narrower pane (phone turned, window resized) makes the text taller.
    if let Some(window) = frame.content_window() {
        let _ = window.add_event_listener_with_callback("resize", resize.as_ref().unchecked_ref());
    }
    listeners.update_value(|l| {
        l.clear();
        l.push(click);
        l.push(resize);
    });
}

/// Sizes the frame to its content (the reading pane scrolls, not the frame).
fn fit(frame: &HtmlIFrameElement) {
    if let Some(height) = facteur_mail_html::content_height(frame) {
        let _ = web_sys::HtmlElement::style(frame).set_property("height", &format!("{}px", height.max(40) + 4));
    }
}

/// The text of an HTML document, parsed by the browser (DOMParser runs no script and loads
/// nothing).
pub fn html_text(html: &str) -> Option<String> {
    facteur_mail_html::parse(html).ok()?.body()?.text_content()
}

/// Asks before opening a link whose text shows another host than where it leads (the
/// project's modal dialog: focus kept inside, back to the message on close).
#[component]
fn DeceptiveLinkDialog(held: HeldLink) -> impl IntoView {
    let i18n = use_i18n();
    let HeldLink { link: pending, open } = held;
    let open_anyway = move |_| {
        if let Some((_, href)) = pending.get_untracked() {
            if let Some(window) = web_sys::window() {
                let _ = window.open_with_url_and_target_and_features(&href, "_blank", "noopener,noreferrer");
            }
        }
        open.set(false);
    };
    view! {
        <Modal
            open
            title=Signal::derive(move || t_string!(i18n, read.deceptive_title).to_string())
            title_id="deceptive-title"
            testid="deceptive-dialog"
        >
            {move || {
                pending
                    .get()
                    .map(|(m, _)| {
                        view! {
                            <p>
                                {t_string!(
                                    i18n, read.deceptive_text, shown = m.shown_host.clone(), real = m.real_host.clone()
                                )
                                    .to_string()}
                            </p>
                        }
                    })
            }}
            <p>{crate::tr!(i18n, read.deceptive_advice)}</p>
            <div class="dialog-buttons">
                <button type="button" class="button primary" autofocus on:click=move |_| open.set(false)>
                    {crate::tr!(i18n, read.deceptive_cancel)}
                </button>
                <button type="button" class="button secondary" on:click=open_anyway>
                    {crate::tr!(i18n, read.deceptive_open)}
                </button>
            </div>
        </Modal>
    }
}
