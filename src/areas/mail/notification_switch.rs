//! Browser notifications for new Inbox mail: a button to allow them (the browser asks only
//! after a click), or what the browser decided.

use crate::i18n::*;
use crate::ui::icon::{Icon, IconKind};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationPermission};

/// Whether this browser has notifications at all (not every phone browser does).
fn supported() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &"Notification".into()).unwrap_or(false))
}

/// The notification setting, for the foot of the folder list.
#[component]
pub fn NotificationSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let permission = RwSignal::new(if supported() { Some(Notification::permission()) } else { None });
    let ask = move |_| {
        spawn_local(async move {
            if let Ok(promise) = Notification::request_permission() {
                let _ = JsFuture::from(promise).await;
            }
            let _ = permission.try_set(Some(Notification::permission()));
        });
    };
    move || {
        let state = permission.get()?;
        Some(view! {
            <section class="notify-setting" aria-labelledby="notify-title" data-testid="notify-setting">
                <h2 id="notify-title" class="notify-title">
                    {crate::tr!(i18n, live.notify_title)}
                </h2>
                {match state {
                    NotificationPermission::Granted => {
                        view! { <p role="status">{crate::tr!(i18n, live.notify_on)}</p> }.into_any()
                    }
                    NotificationPermission::Denied => {
                        view! { <p role="status">{crate::tr!(i18n, live.notify_blocked)}</p> }.into_any()
                    }
                    _ => {
                        view! {
                            <button type="button" class="button secondary small notify-enable" on:click=ask>
                                <Icon kind=IconKind::Bell />
                                <span>{crate::tr!(i18n, live.notify_enable)}</span>
                            </button>
                        }
                            .into_any()
                    }
                }}
            </section>
        })
    }
}
