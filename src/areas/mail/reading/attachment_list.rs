//! The files of a message: name, size, type; download or preview (fetched with the user's
//! credentials).

use crate::i18n::*;
use crate::platform::download;
use crate::platform::jmap_client::JmapClient;
use crate::platform::lang::use_lang;
use facteur_kit::text::human_size;
use facteur_mail::conversation::Attachment;
use leptos::{prelude::*, task::spawn_local};

/// The list of attachments.
#[component]
pub fn AttachmentList(client: JmapClient, files: Vec<Attachment>) -> impl IntoView {
    let i18n = use_i18n();
    let count = files.len();
    view! {
        <section class="attachments" aria-label=move || t_string!(i18n, read.attachments, count = count)>
            <h4 class="attachments-title">{t!(i18n, read.attachments, count = count)}</h4>
            <ul>
                {files.into_iter().map(|file| view! { <AttachmentItem client=client.clone() file /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn AttachmentItem(client: JmapClient, file: Attachment) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let preview = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let is_image = file.is_image();
    let fetch = {
        let file = file.clone();
        move |then_save: bool| {
            let client = client.clone();
            let file = file.clone();
            busy.set(true);
            failed.set(None);
            spawn_local(async move {
                let result = download::blob_url(&client, &file.blob_id, &file.media_type, &file.name).await;
                if busy.try_set(false).is_some() {
                    if let Ok(url) = &result {
                        download::revoke(url);
                    }
                    return;
                }
                match result {
                    Ok(url) if then_save => {
                        download::save(&url, &file.name);
                        download::revoke(&url);
                    }
                    Ok(url) => preview.set(Some(url)),
                    Err(e) => failed.set(Some(crate::ui::error_banner::describe(i18n, e).get_untracked())),
                }
            });
        }
    };
    on_cleanup(move || {
        if let Some(url) = preview.try_get_untracked().flatten() {
            download::revoke(&url);
        }
    });
    let save = fetch.clone();
    let name = file.name.clone();
    let size = file.size;
    view! {
        <li class="attachment" data-testid="attachment">
            <span class="attachment-name">{name.clone()}</span>
            <span class="attachment-meta">{move || human_size(size, lang.get())}" · "{file.media_type.clone()}</span>
            <span class="attachment-actions">
                <button
                    type="button"
                    class="button secondary small"
                    disabled=move || busy.get()
                    on:click=move |_| save(true)
                    aria-label=move || format!("{} {}", t_string!(i18n, read.download), name)
                >
                    {crate::tr!(i18n, read.download)}
                </button>
                {is_image
                    .then(|| {
                        let show = fetch.clone();
                        view! {
                            <button
                                type="button"
                                class="button secondary small"
                                disabled=move || busy.get() || preview.get().is_some()
                                on:click=move |_| show(false)
                            >
                                {crate::tr!(i18n, read.preview)}
                            </button>
                        }
                    })}
            </span>
            {move || {
                failed
                    .get()
                    .map(|why| {
                        view! {
                            <p class="field-error" role="alert">
                                {crate::tr!(i18n, read.download_failed)}
                                " "
                                {why}
                            </p>
                        }
                    })
            }}
            {move || {
                preview.get().map(|url| view! { <img class="attachment-preview" src=url alt=file.name.clone() /> })
            }}
        </li>
    }
}
