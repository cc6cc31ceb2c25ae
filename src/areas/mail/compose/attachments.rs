//! The files of a message being written: chosen ("Joindre des fichiers"), dropped on the
//! composer or pasted in the text (an image pasted becomes an inline `cid:` part shown where
//! it was pasted). Each is uploaded to the session's `uploadUrl` with a progress bar and can be
//! removed; a file larger than the server's `maxSizeUpload` is refused before any upload, with
//! the limit in words.

use super::{Composers, Entry};
use crate::i18n::*;
use crate::platform::lang::lang_of;
use facteur_compose::draft::{Draft, DraftAttachment};
use facteur_kit::text::human_size;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// A file on its way to the server.
#[derive(Clone, Debug, PartialEq)]
pub struct Upload {
    /// Its number in this composer.
    pub id: u64,
    /// File name.
    pub name: String,
    /// Share sent, 0.0 to 1.0.
    pub progress: f64,
}

/// The uploads of one composer and what it needs to start them.
#[derive(Clone, Copy)]
pub struct Uploads {
    /// Those under way.
    pub list: RwSignal<Vec<Upload>>,
    next: StoredValue<u64>,
    /// Why the last file could not be attached (in words).
    pub problem: RwSignal<Option<String>>,
    /// Images pasted in this composer, by Content-Id: the local file's `blob:` URL, so that
    /// the preview shows them before and after they reach the server.
    pub pasted: RwSignal<Vec<(String, String)>>,
}

impl Uploads {
    /// None under way.
    pub fn new() -> Uploads {
        Uploads {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            problem: RwSignal::new(None),
            pasted: RwSignal::new(Vec::new()),
        }
    }

    /// `html` (the preview) with the pasted images' `cid:` sources turned into their local
    /// `blob:` URLs (an image whose file is not here, as in a draft reopened, shows its name).
    pub fn show_pasted(&self, html: String) -> String {
        self.pasted.with(|pasted| {
            pasted
                .iter()
                .fold(html, |html, (cid, url)| html.replace(&format!("src=\"cid:{cid}\""), &format!("src=\"{url}\"")))
        })
    }

    /// Lets the pasted images' local URLs go (the composer is closing).
    pub fn forget_pasted(&self) {
        for (_, url) in self.pasted.try_get_untracked().unwrap_or_default() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }

    /// Whether a file is still on its way (the message cannot leave yet).
    pub fn busy(&self) -> bool {
        self.list.with_untracked(|l| !l.is_empty())
    }

    /// Uploads `file`; once it is on the server it is added to the entry's draft (`inline`:
    /// with a Content-Id, returned at once so that the text can show it) and saved. The draft
    /// gets it even if the composer was minimised or closed meanwhile (the entry outlives it).
    pub fn start(
        &self,
        composers: Composers,
        entry: &Entry,
        i18n: I18nContext<Locale>,
        file: web_sys::File,
        inline: bool,
    ) -> Option<String> {
        let client = composers.client.get_value();
        let name = match file.name() {
            n if n.is_empty() => "image".to_string(),
            n => n,
        };
        let size = file.size() as u64;
        let most = client.max_upload();
        let lang = lang_of(i18n);
        if most > 0 && size > most {
            self.problem.set(Some(
                t_string!(
                    i18n,
                    compose.file_too_large,
                    name = name.clone(),
                    size = human_size(size, lang),
                    most = human_size(most, lang)
                )
                .to_string(),
            ));
            return None;
        }
        self.problem.set(None);
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| l.push(Upload { id, name: name.clone(), progress: 0.0 }));
        let cid = inline.then(|| format!("{}@facteur", super::random_hex(16)));
        if let Some(cid) = &cid {
            if let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) {
                self.pasted.update(|p| p.push((cid.clone(), url)));
            }
        }
        let (uploads, media_type, entry) = (*self, file.type_(), entry.clone());
        let returned = cid.clone();
        leptos::task::spawn_local(async move {
            let list = uploads.list;
            let progress = move |p: f64| {
                let _ = list.try_update(|l| {
                    if let Some(u) = l.iter_mut().find(|u| u.id == id) {
                        u.progress = p;
                    }
                });
            };
            let answer = crate::platform::http::upload(
                &client.upload_url(),
                client.authorization(),
                &file,
                &media_type,
                progress,
            )
            .await;
            let _ = list.try_update(|l| l.retain(|u| u.id != id));
            let blob = match &answer {
                Ok(r) if (200..300).contains(&r.status) => serde_json::from_str::<serde_json::Value>(&r.body)
                    .ok()
                    .and_then(|v| v["blobId"].as_str().map(str::to_string)),
                _ => None,
            };
            let Some(blob_id) = blob else {
                let why = match answer {
                    Ok(r) if r.status == 413 => t_string!(i18n, compose.too_large).to_string(),
                    Ok(r) => format!("HTTP {}", r.status),
                    Err(_) => t_string!(i18n, errors.network).to_string(),
                };
                let _ = uploads
                    .problem
                    .try_set(Some(t_string!(i18n, compose.upload_failed, name = name.clone(), why = why).to_string()));
                return;
            };
            let media_type = if media_type.is_empty() { "application/octet-stream".to_string() } else { media_type };
            entry.draft.update(|d| d.attachments.push(DraftAttachment { blob_id, name, media_type, size, cid }));
            super::saving::changed(composers, &entry, i18n);
        });
        returned
    }
}

/// The files of a draft, with those on their way.
#[component]
pub fn AttachmentChips(draft: RwSignal<Draft>, uploads: Uploads, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let files = Memo::new(move |_| {
        draft.with(|d| d.attachments.iter().filter(|a| a.cid.is_none()).cloned().collect::<Vec<_>>())
    });
    let remove = move |blob_id: String| {
        draft.update(|d| d.attachments.retain(|a| a.blob_id != blob_id));
        on_change.run(());
    };
    view! {
        <ul class="attachment-chips" data-testid="composer-files">
            {move || {
                files
                    .get()
                    .into_iter()
                    .map(|a| {
                        let size = human_size(a.size, lang_of(i18n));
                        let (name, blob_id) = (a.name.clone(), a.blob_id.clone());
                        let label = move || t_string!(i18n, compose.remove_attachment, name = name.clone()).to_string();
                        view! {
                            <li class="attachment-chip" data-testid="composer-file">
                                <span class="attachment-name">{a.name.clone()}</span>
                                <span class="attachment-size">{size}</span>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    aria-label=label
                                    on:click=move |_| remove(blob_id.clone())
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
            {move || {
                uploads
                    .list
                    .get()
                    .into_iter()
                    .map(|u| {
                        let label = t_string!(i18n, compose.uploading, name = u.name.clone()).to_string();
                        view! {
                            <li class="attachment-chip uploading" data-testid="composer-upload">
                                <span class="attachment-name">{u.name.clone()}</span>
                                <progress max="1" value=u.progress aria-label=label></progress>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        {move || {
            uploads
                .problem
                .get()
                .map(|p| {
                    view! {
                        <p class="composer-problem" role="alert" data-testid="upload-problem">
                            {p}
                        </p>
                    }
                })
        }}
    }
}

/// The files of a file list (an `<input type=file>`, a drop, a paste).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
