//! The service worker (`public/sw.js`): registered once the first page is shown (the sign-in
//! form, or the first rows of a folder), so that its copy of the app's files never competes
//! with that page; from then on the app starts without the network. A new version of the app
//! is installed beside the running one and waits: [`update_ready`] says so (the shell shows
//! "Une nouvelle version est prête — Recharger"), and [`take_update`] lets it take over and
//! reloads, so a page never mixes the files of two versions. The code that talks to the
//! browser's service worker API is a part of the app of its own (`service_worker`), fetched
//! with the others; it also adds the web manifest to the page (not in index.html: the first
//! page does not download it).

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::cell::Cell;

/// How long after the first page the worker is registered.
const REGISTER_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

/// How often a tab left open asks whether a new version is out.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);

thread_local! {
    /// A new version is installed and waiting (or took over from another tab).
    static READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// Registered already (the first page may be shown several times).
    static REGISTERED: Cell<bool> = const { Cell::new(false) };
    /// This tab asked the new version to take over: reload when it has.
    static TAKING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a new version of the app is ready (reactive).
pub fn update_ready() -> bool {
    READY.with(|ready| ready.get())
}

/// Registers the worker soon, once per page (a browser without service workers, or a part
/// that could not be downloaded, leaves the app as it is: online only).
pub fn register_soon() {
    if REGISTERED.replace(true) {
        return;
    }
    set_timeout(
        || {
            leptos::task::spawn_local(async {
                if let Ok(watching) = watch_for_updates().await {
                    watching.await;
                }
            })
        },
        REGISTER_AFTER,
    );
}

/// Lets the waiting version take over; the page reloads once it has (at once when there is
/// none waiting: another tab let it take over already).
pub fn take_update() {
    TAKING.set(true);
    leptos::task::spawn_local(async {
        // (Not downloaded: the page reloads at the next start.)
        let _ = take_waiting().await;
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The worker's container, when the browser has one (not in a page that is not a secure
/// context).
fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `/sw.js` and watches for a new version: found waiting, installed while this page
/// runs, or taken over from another tab.
#[wasm_split(service_worker, wasm_split_path = ::leptos::wasm_split, fallible)]
fn watch_for_updates() -> Result<futures::future::LocalBoxFuture<'static, ()>, crate::platform::lazy::NotDownloaded> {
    use wasm_bindgen::{closure::Closure, JsCast};
    Ok(Box::pin(async move {
        let Some(container) = container() else { return };
        add_manifest();
        let had_controller = container.controller().is_some();
        let ready = READY.with(Clone::clone);
        let on_change = Closure::<dyn Fn()>::new({
            let ready = ready.clone();
            move || {
                if TAKING.get() {
                    reload();
                } else if had_controller {
                    ready.set(true);
                }
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(container.register("/sw.js")).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if had_controller && registration.waiting().is_some() {
            ready.set(true);
        }
        let on_found = Closure::<dyn Fn()>::new({
            let (registration, container) = (registration.clone(), container.clone());
            move || {
                let Some(installing) = registration.installing() else { return };
                let on_state = Closure::<dyn Fn()>::new({
                    let (installing, container, ready) = (installing.clone(), container.clone(), ready.clone());
                    move || {
                        if installing.state() == web_sys::ServiceWorkerState::Installed
                            && container.controller().is_some()
                        {
                            ready.set(true);
                        }
                    }
                });
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        set_interval(
            move || {
                let _ = registration.update();
            },
            CHECK_EVERY,
        );
    }))
}

/// The web manifest of the language shown (`english`, else French).
pub fn manifest_href(english: bool) -> &'static str {
    if english {
        "/manifest.en.webmanifest"
    } else {
        "/manifest.webmanifest"
    }
}

/// Adds the web manifest to the page (in the language shown; the shell's update banner
/// follows a change of language): not in index.html, so that the first page does not
/// download it.
fn add_manifest() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.query_selector("link[rel=manifest]").ok().flatten().is_some() {
        return;
    }
    let english =
        document.document_element().and_then(|e| e.get_attribute("lang")).is_some_and(|l| l.starts_with("en"));
    let (Ok(link), Some(head)) = (document.create_element("link"), document.query_selector("head").ok().flatten())
    else {
        return;
    };
    let _ = link.set_attribute("rel", "manifest");
    let _ = link.set_attribute("href", manifest_href(english));
    let _ = head.append_child(&link);
}

/// Tells the waiting version to take over (`skip-waiting`, read by `public/sw.js`), or
/// reloads when none is waiting.
#[wasm_split(service_worker, wasm_split_path = ::leptos::wasm_split, fallible)]
fn take_waiting() -> Result<(), crate::platform::lazy::NotDownloaded> {
    use wasm_bindgen::JsCast;
    let waiting = container()
        .and_then(|c| c.controller().map(|_| c))
        .and_then(|c| c.ready().ok())
        .map(wasm_bindgen_futures::JsFuture::from);
    let Some(waiting) = waiting else {
        reload();
        return Ok(());
    };
    leptos::task::spawn_local(async move {
        let registration = waiting.await.ok().map(|r| r.unchecked_into::<web_sys::ServiceWorkerRegistration>());
        match registration.and_then(|r| r.waiting()) {
            Some(worker) => {
                let _ = worker.post_message(&"skip-waiting".into());
            }
            None => reload(),
        }
    });
    Ok(())
}
