//! Opening a conversation without waiting for the server: it is fetched while the pointer
//! rests on its row or the keyboard focuses it, and after `j`/`k` the next one in the same
//! direction. The fetched conversations are held by [`Prefetched`] only while nothing in them
//! changed on the server; opening one that is still on its way waits for that same request.

use crate::areas::mail::context::MailContext;
use crate::areas::mail::server;
use crate::platform::jmap_client::CallError;
use facteur_kit::prefetch::Prefetched;
use facteur_mail::conversation::ConversationMessage;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;

/// What opening a conversation gives (`None`: it no longer exists).
pub type Conversation = Result<Option<Vec<ConversationMessage>>, CallError>;

/// A conversation fetched or being fetched; every clone awaits the same request.
pub type Loading = Shared<LocalBoxFuture<'static, Conversation>>;

/// How many conversations are held at most.
pub const HELD: usize = 8;

/// How long the pointer must rest on a row before its conversation is fetched, so that moving
/// across the list does not fetch every row it passes.
pub const HOVER_MS: u64 = 120;

/// The held conversations, for the mail screen's context.
pub fn new_store() -> StoredValue<Prefetched<Loading>, LocalStorage> {
    StoredValue::new_local(Prefetched::new(HELD))
}

/// What a held conversation is valid at: live updates forget the conversations whose messages
/// changed ([`forget_changed`]), so a change elsewhere in the account keeps them (`None` once
/// the screen is gone).
fn email_state(ctx: &MailContext) -> Option<String> {
    ctx.email_state().map(|_| String::new())
}

/// After a round of live updates: forgets the held conversations of the emails that changed
/// (`ids` as rows of the store, before and after), or all of them when an email it does not
/// hold changed (its conversation is not known).
pub fn forget_changed(ctx: &MailContext, threads: Option<Vec<String>>) {
    let _ = ctx.prefetched.try_update_value(|held| held.forget(threads.as_deref()));
}

/// Starts fetching `thread` unless it is held already.
pub fn prefetch(ctx: &MailContext, thread: &str) {
    let Some(state) = email_state(ctx) else { return };
    if ctx.prefetched.try_with_value(|held| held.has(thread, &state)).unwrap_or(true) {
        return;
    }
    let client = ctx.client();
    let id = thread.to_string();
    let loading: Loading = async move { server::load_conversation(&client, &id).await }.boxed_local().shared();
    ctx.prefetched.try_update_value(|held| held.insert(thread, &state, loading.clone()));
    // A shared future runs only when polled: this task drives the request.
    leptos::task::spawn_local(async move {
        let _ = loading.await;
    });
}

/// The conversation `thread`: the one held if the account did not change since, else fetched.
pub async fn open(ctx: &MailContext, thread: &str) -> Conversation {
    let state = email_state(ctx).unwrap_or_default();
    match ctx.prefetched.try_update_value(|held| held.take(thread, &state)).flatten() {
        Some(loading) => loading.await,
        None => server::load_conversation(&ctx.client(), thread).await,
    }
}
