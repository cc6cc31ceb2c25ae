//! The mail area: its routes (`/mail/<folder>`, `/mail/<folder>/<conversation>`), the folders,
//! the list of the open folder or search, the reading pane, and the store that holds the
//! account's mail for them (`context`), kept current by `live`. It meets the rest of the app
//! through `platform` only (the shell's top bar and banner come through `platform::chrome`).

mod actions;
mod compose;
mod context;
mod folders;
mod keyboard;
mod labels;
mod list;
mod live;
mod notification_switch;
mod reading;
mod search;
mod server;
mod targets;

pub use context::use_mail;
pub use list::drag::FolderDrop;
pub(crate) use list::selection_bar::preload_bulk_actions;
pub(crate) use live::preload_live_updates;
pub use reading::conversation::NoConversation;
pub(crate) use reading::reading_pane::preload_reading_pane;
pub use reading::reading_pane::ReadingPane;
pub(crate) use search::search_bar::preload_search_panel;
pub use search::search_results::FolderChips;
pub use targets::EmailTarget;

use crate::areas::mail::folders::folder_nav::FolderNav;
use crate::i18n::*;
use crate::platform::jmap_client::JmapClient;
use crate::platform::storage;
use crate::ui::icon::{Icon, IconKind};
use crate::ui::toast::{ToastArea, Toasts};
pub use context::MailContext;
use context::{Folders, OpenList};
use facteur_mail::mailbox::Folder;
use leptos::prelude::*;
use leptos_router::{
    components::{Outlet, ParentRoute, Route},
    hooks::{use_navigate, use_params_map},
    path,
};
use list::message_list::MessageList;

/// The mail area's routes, inside the shell's signed-in guard: `/mail/<folder>` and
/// `/mail/<folder>/<conversation>`.
#[component(transparent)]
pub fn MailRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/mail/:mailbox") view=MailShell>
            <Route path=path!("") view=NoConversation />
            <Route path=path!(":thread") view=ReadingPane />
        </ParentRoute>
    }
    .into_inner()
}

/// The mail area's lazily loaded parts, fetched once its first page is shown.
fn register_lazy_parts() {
    crate::platform::lazy::register_parts(&[
        ("search-bar", || Box::pin(async { drop(search::search_bar::preload_search_bar().await) })),
        ("reading-pane", || Box::pin(async { drop(preload_reading_pane().await) })),
        ("folder-dialogs", || Box::pin(async { drop(folders::folder_dialogs::preload_folder_dialogs().await) })),
        ("live-updates", || Box::pin(async { drop(preload_live_updates().await) })),
        ("bulk-actions", || Box::pin(async { drop(preload_bulk_actions().await) })),
        ("search-panel", || Box::pin(async { drop(preload_search_panel().await) })),
        ("composer", || Box::pin(async { drop(compose::composer::preload_composer().await) })),
        ("composer-dock", || {
            Box::pin(async {
                crate::platform::lazy::enable_style("composer");
                drop(compose::dock::preload_composer_dock().await)
            })
        }),
        ("search-requests", || Box::pin(async { drop(server::preload_search_requests().await) })),
        ("shortcut-help", || Box::pin(async { drop(keyboard::preload_shortcut_help().await) })),
    ]);
}

/// The mail area: folders, the list of the open folder, the reading pane (the route's outlet).
#[component]
fn MailShell() -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<JmapClient>();
    let chrome = crate::platform::chrome::use_chrome();
    let params = use_params_map();
    let menu_open = RwSignal::new(false);
    let help_open = RwSignal::new(false);
    // The list of shortcuts is downloaded at the first `?`, then kept.
    let help_asked = Memo::new(move |asked: Option<&bool>| asked.copied().unwrap_or(false) || help_open.get());

    // The account's mail as the app holds it (folders, rows, open lists, pending changes).
    let store = RwSignal::new_local(facteur_mail::records::mail_store(client.mail_account()));
    let list_key = RwSignal::new(None::<String>);
    let open_list = RwSignal::new(OpenList::default());
    let folders_client = client.clone();
    // The storage use comes with the folders (same request), and changes with them.
    let usage = RwSignal::new(None);
    let load = LocalResource::new(move || {
        let client = folders_client.clone();
        async move {
            let (list, state, used) = server::load_folders(&client).await?;
            let _ = store.try_update(|s| s.replace_all(list, &state));
            if usage.try_get_untracked() != Some(used) {
                let _ = usage.try_set(used);
            }
            Ok(())
        }
    });
    let folders = Folders::new(store, load);
    let slug = Memo::new(move |_| params.read().get("mailbox").unwrap_or_else(|| "inbox".into()));
    let current: Memo<Option<Folder>> = Memo::new(move |before: Option<&Option<Folder>>| {
        let slug = slug.get();
        match folders.get() {
            Some(Ok(list)) => list.into_iter().find(|f| f.slug() == slug),
            // A reload that failed (the connection lost for a moment) keeps the folder shown:
            // it does not stop existing.
            _ => before.cloned().flatten().filter(|f| f.slug() == slug),
        }
    });

    let folder_id = Memo::new(move |_| current.with(|f| f.as_ref().map(|f| f.id.clone())));
    let selection = RwSignal::new(facteur_kit::list_state::Selection::new());
    let (cursor, bulk_busy, dragging) = (RwSignal::new(None), RwSignal::new(false), RwSignal::new(None));
    let threaded = RwSignal::new(storage::threaded_list());
    let search = search::search_results::SearchState::from_address();
    let page_client = client.clone();
    let page = LocalResource::new(move || {
        let client = page_client.clone();
        let id = folder_id.get();
        let by_thread = threaded.get();
        let query = search.query.get();
        async move {
            let Some(id) = id else { return Ok(None) };
            // The folder's newest rows, or the search's results with their highlights.
            let (first, highlights) = match &query {
                None => (
                    server::load_page(&client, &id, by_thread, 0, list::pages::PAGE_SIZE as u32).await?,
                    Default::default(),
                ),
                Some(q) => {
                    let results =
                        server::search_page(&client, q, &id, by_thread, 0, list::pages::PAGE_SIZE as u32).await?;
                    (results.page, results.highlights)
                }
            };
            let _ = search.highlights.try_set(highlights);
            let _ = search.total.try_set(first.total);
            let other_list = open_list.try_with_untracked(|s| {
                s.mailbox_id.as_deref() != Some(id.as_str()) || s.threaded != by_thread || s.search != query
            });
            let _ = selection.try_update(|s| s.clear());
            let _ = bulk_busy.try_set(false);
            if other_list == Some(true) {
                let _ = cursor.try_set(None);
            }
            let key = match &query {
                None => facteur_mail::records::list_key(&id, by_thread),
                // One search open at a time: a new one replaces it.
                Some(_) => "search".to_string(),
            };
            let _ = store.try_update(|s| {
                // One list open at a time: the previous one's rows may leave.
                if let Some(before) = list_key.get_untracked().filter(|k| *k != key) {
                    s.close_query(&before);
                }
                match &query {
                    None => facteur_mail::records::open_folder_list(s, &id, by_thread),
                    Some(_) => s.open_query_as_found::<facteur_mail::message::MessageSummary>(
                        &key,
                        facteur_mail::live::list_query(client.mail_account(), &id, by_thread),
                        list::pages::PAGE_SIZE as u32,
                    ),
                }
                s.apply_query_response(&key, &first.query_response());
                s.insert(first.rows.iter().cloned());
                s.set_state("Email", &first.email_state);
            });
            let _ = list_key.try_set(Some(key));
            let _ = open_list.try_set(OpenList { mailbox_id: Some(id), threaded: by_thread, search: query });
            crate::platform::perf::mark_after_paint("facteur:first-rows");
            crate::platform::lazy::preload_soon();
            Ok(Some(()))
        }
    });
    let mail_ctx = MailContext {
        client_handle: StoredValue::new(client.clone()),
        store,
        list_key,
        folders,
        page,
        selection,
        cursor,
        bulk_busy,
        bulk_changes: StoredValue::new(Vec::new()),
        dragging,
        open_list,
        feed: crate::platform::changes::use_change_feed(),
        threaded,
        slug,
        search,
        prefetched: reading::prefetch::new_store(),
    };
    provide_context(mail_ctx);
    register_lazy_parts();
    crate::areas::mail::folders::folder_dialogs::FolderManager::provide();
    crate::areas::mail::folders::quota::QuotaState::provide(usage);
    Toasts::provide();
    let requests = compose::slot::ComposeRequests::provide();
    // "Write to" asked by a `mailto:` link or another area: a filled new message.
    if let Some(intents) = crate::platform::intents::use_intents() {
        Effect::new(move || {
            if intents.write_waiting() {
                if let Some(link) = intents.take_write() {
                    requests.ask(compose::ComposeRequest::Link(link));
                }
            }
        });
    }
    live::follow(mail_ctx);
    keyboard::listen(use_navigate(), help_open);
    let reading = Memo::new(move |_| params.read().get("thread").is_some());
    // The search form, in the top bar: a part of the app of its own, fetched once the first
    // page is shown (its place is kept until then).
    let placeholder = || view! { <div class="search" aria-hidden="true"></div> };
    let search_box = view! {
        <Show when=crate::platform::lazy::first_page_done fallback=placeholder>
            {crate::platform::lazy::lazy(search::search_bar::search_bar, placeholder)}
        </Show>
    };
    // The top bar's first button, showing the folders on a phone.
    let menu_button = view! {
        <button
            type="button"
            class="icon-button menu-button"
            aria-controls="folders"
            aria-expanded=move || menu_open.get().to_string()
            on:click=move |_| menu_open.update(|open| *open = !*open)
        >
            <Icon kind=IconKind::Menu />
            <span class="visually-hidden">
                {move || {
                    if menu_open.get() { t_string!(i18n, shell.close_menu) } else { t_string!(i18n, shell.open_menu) }
                }}
            </span>
        </button>
    };

    view! {
        <a class="skip-link" href="#main">
            {crate::tr!(i18n, skip_to_content)}
        </a>
        <div class="shell" class:menu-open=move || menu_open.get() class:reading=move || reading.get()>
            {(chrome.top_bar)(menu_button.into_any(), search_box.into_any())}
            <nav
                class="sidebar"
                id="folders"
                aria-label=move || t_string!(i18n, shell.folders)
                on:click=move |_| menu_open.set(false)
            >
                <compose::slot::NewMessageButton />
                <FolderNav folders current=Signal::derive(move || slug.get()) />
                <crate::areas::mail::notification_switch::NotificationSwitch />
            </nav>
            {(chrome.offline_banner)()}
            <crate::areas::mail::folders::quota::QuotaBanner />
            <main class="content" id="main">
                <section class="list-pane" aria-labelledby="list-title">
                    <MessageList folder=current.into() folders_loaded=Signal::derive(move || folders.get().is_some()) />
                </section>
                <section class="reading-pane">
                    <Outlet />
                </section>
            </main>
            <compose::ComposerSlot />
            <ToastArea />
            <crate::areas::mail::folders::folder_dialogs::FolderDialogs />
            <Show when=move || {
                help_asked.get()
            }>{crate::platform::lazy::lazy(move || keyboard::shortcut_help_part(help_open), || ())}</Show>
        </div>
    }
}
