//! How full the mailbox is: a banner on the mail screen above 90 % (with buttons to empty
//! the Trash and Junk) and a small gauge at the foot of the folder list.

use crate::areas::mail::folders::folder_dialogs::{use_folder_manager, FolderDialog};
use crate::areas::mail::use_mail;
use crate::i18n::*;
use crate::platform::lang::use_lang;
use facteur_kit::text::human_size;
use facteur_mail::quota::Usage;
use leptos::prelude::*;

/// The quota of the signed-in account (context), loaded with the folders (in the same
/// request) whenever they are, and asked again a little after mail came or went
/// ([`QuotaState::refresh_soon`]).
#[derive(Clone, Copy)]
pub struct QuotaState {
    usage: RwSignal<Option<Usage>>,
    /// What the server really answers (`None` outside the signed-in shell).
    capabilities: Option<crate::platform::capabilities::Capabilities>,
    waiting: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

/// How long after mail came or went the storage use is asked again: once for a burst of
/// changes, and not in the round that shows them (which stays one request).
const REFRESH_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

impl QuotaState {
    /// Provides the use that the folders' request brings back.
    pub fn provide(usage: RwSignal<Option<Usage>>) -> QuotaState {
        let capabilities = use_context::<crate::platform::capabilities::Capabilities>();
        let state = QuotaState { usage, capabilities, waiting: StoredValue::new_local(None) };
        provide_context(state);
        state
    }

    /// Asks the storage use again in a moment (one `Quota/get`), after a round of live updates
    /// in which mail came or went; a second call meanwhile waits for the same request. Not
    /// when the server lists quotas but does not answer `Quota/get`.
    pub fn refresh_soon(&self, client: crate::platform::jmap_client::JmapClient) {
        if self.capabilities.is_some_and(|c| c.is_absent(facteur_jmap::quota::QUOTA)) {
            return;
        }
        if self.waiting.try_with_value(Option::is_some) != Some(false) {
            return;
        }
        let state = *self;
        let ask = move || {
            let _ = state.waiting.try_set_value(None);
            leptos::task::spawn_local(async move {
                if let Ok(used) = crate::areas::mail::server::load_usage(&client).await {
                    if state.usage.try_get_untracked().is_some_and(|held| held != used) {
                        let _ = state.usage.try_set(used);
                    }
                }
            });
        };
        if let Ok(handle) = set_timeout_with_handle(ask, REFRESH_AFTER) {
            self.waiting.set_value(Some(handle));
        }
    }

    /// The use, once known (`None`: unknown, failed, or no limit).
    pub fn usage(&self) -> Option<Usage> {
        self.usage.get()
    }
}

fn use_quota() -> QuotaState {
    expect_context::<QuotaState>()
}

/// "Votre boîte aux lettres est presque pleine (93 % de 500 Mo utilisés)", with buttons to
/// empty the Trash and Junk (after confirmation).
#[component]
pub fn QuotaBanner() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let quota = use_quota();
    let ctx = use_mail();
    let manager = use_folder_manager();
    let empty_button = move |role: &'static str| {
        ctx.folder_with_role(role).map(|folder| {
            let text = match role {
                "trash" => t_string!(i18n, quota.empty_trash),
                _ => t_string!(i18n, quota.empty_junk),
            };
            view! {
                <button
                    type="button"
                    class="button secondary small"
                    data-action=format!("empty-{role}")
                    on:click=move |_| manager.open(FolderDialog::Empty(folder.clone()))
                >
                    {text}
                </button>
            }
        })
    };
    // Only a change of the figures redraws it (the quota is reloaded with every folder change).
    let shown = Memo::new(move |_| quota.usage().filter(Usage::almost_full));
    move || {
        let usage = shown.get()?;
        let text =
            t_string!(i18n, quota.almost_full, percent = usage.percent(), limit = human_size(usage.limit, lang.get()))
                .to_string();
        Some(view! {
            <div class="quota-banner" data-testid="quota-banner">
                <p>
                    <strong>{text}</strong>
                    " "
                    {crate::tr!(i18n, quota.hint)}
                </p>
                <div class="quota-actions">{empty_button("trash")}{empty_button("junk")}</div>
            </div>
        })
    }
}

/// The use of the mailbox as a gauge, for the foot of the folder list.
#[component]
pub fn QuotaGauge() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let quota = use_quota();
    let shown = Memo::new(move |_| quota.usage());
    move || {
        let usage = shown.get()?;
        let lang = lang.get();
        let text = t_string!(
            i18n,
            quota.gauge,
            used = human_size(usage.used, lang),
            limit = human_size(usage.limit, lang),
            percent = usage.percent()
        )
        .to_string();
        Some(view! {
            <div class="quota-gauge" class:almost-full=usage.almost_full() data-testid="quota-gauge">
                <span id="quota-gauge-label" class="quota-gauge-label">
                    {crate::tr!(i18n, quota.gauge_label)}
                </span>
                <meter
                    aria-labelledby="quota-gauge-label"
                    aria-describedby="quota-gauge-text"
                    min="0"
                    max="100"
                    low="75"
                    high="90"
                    optimum="0"
                    value=usage.percent().to_string()
                ></meter>
                <span id="quota-gauge-text" class="quota-gauge-text">
                    {text}
                </span>
            </div>
        })
    }
}
