//! Short messages at the bottom of the screen ("Conversation archivée — Annuler"), announced
//! to screen readers, gone after a few seconds.

use crate::i18n::*;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// How long a toast stays.
const SHOWN_FOR: Duration = Duration::from_secs(8);

/// One toast.
#[derive(Clone)]
pub struct Toast {
    id: u64,
    text: String,
    error: bool,
    undo: Option<Arc<dyn Fn() + Send + Sync>>,
}

/// The toasts of the screen (context).
#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Toasts {
    /// Provides an empty toast area's state.
    pub fn provide() -> Toasts {
        let toasts = Toasts { list: RwSignal::new(Vec::new()), next: StoredValue::new(0) };
        provide_context(toasts);
        toasts
    }

    fn push(&self, text: String, error: bool, undo: Option<Arc<dyn Fn() + Send + Sync>>) {
        // Called after a request returns: the screen may be gone (signed out) by then.
        let Some(id) = self.next.try_get_value() else { return };
        self.next.set_value(id + 1);
        if self.list.try_update(|l| l.push(Toast { id, text, error, undo })).is_none() {
            return;
        }
        let list = self.list;
        set_timeout(
            move || {
                let _ = list.try_update(|l| l.retain(|t| t.id != id));
            },
            SHOWN_FOR,
        );
    }

    /// Says something went well, with an undo action.
    pub fn done(&self, text: String, undo: impl Fn() + Send + Sync + 'static) {
        self.push(text, false, Some(Arc::new(undo)));
    }

    /// Says something went well (no undo).
    pub fn info(&self, text: String) {
        self.push(text, false, None);
    }

    /// Says something failed.
    pub fn error(&self, text: String) {
        self.push(text, true, None);
    }

    fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }
}

/// The toast context.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// Where the toasts appear.
#[component]
pub fn ToastArea() -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toasts.list.get() key=|t| t.id let:toast>
                <div class="toast" class:error=toast.error data-testid="toast">
                    <span>{toast.text.clone()}</span>
                    {toast
                        .undo
                        .clone()
                        .map(|undo| {
                            let id = toast.id;
                            view! {
                                <button
                                    type="button"
                                    class="toast-undo"
                                    on:click=move |_| {
                                        toasts.dismiss(id);
                                        undo()
                                    }
                                >
                                    {crate::tr!(i18n, actions.undo)}
                                </button>
                            }
                        })}
                </div>
            </For>
        </div>
    }
}
