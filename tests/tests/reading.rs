//! Reading mail: open a conversation from the list, headers, body, attachments, mark as
//! read, back to the list on a phone — against the real server and the seeded data.

use facteur_browser_tests::flows::{sign_in, sign_in_per_message};
use facteur_browser_tests::{axe, browser_tests, ensure, rows, seed, Ctx, Result, WAIT};

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";



/// Opening the newest unread message shows it expanded and marks it read (badge −1).
fn opening_a_message_shows_it_and_marks_it_read(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let newest = inbox.first().ok_or("empty seed inbox")?;
    ensure!(newest.unread, "the seed's newest inbox mail should be unread");
    let b = ctx.browser_lang("fr-FR")?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    let before = rows::badge(&b, "inbox")?;
    rows::open(&b, &newest.subject)?;
    b.wait_for("[data-testid=conversation] .message-open", WAIT)?;
    ensure!(b.text("#conversation-title")? == newest.subject, "conversation title differs");
    ensure!(b.current_url()?.contains("/mail/inbox/T"), "the conversation has its own URL: {}", b.current_url()?);
    b.wait_until(&format!("document.querySelector('[data-mailbox-role=inbox] .unread-count')?.textContent === '{}'", before - 1), "unread badge − 1", WAIT)?;
    ensure!(!b.exists("[data-testid=message-row].unread:has(a[aria-current])")?, "the open row still looks unread");
    axe::assert_accessible(&b, "a conversation (desktop, fr)")?;
    // The address restores the same view after a reload… once signed in again.
    Ok(())
}

/// Attachments are listed with name, size and type, and download with the user's credentials.
fn attachments_are_listed_and_download(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let with_file = inbox
        .iter()
        .take(50)
        .find(|m| !m.attachments.is_empty())
        .ok_or("no attachment in the first 50 inbox mails of the seed")?;
    let b = ctx.browser_lang("en-US")?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    rows::open(&b, &with_file.subject)?;
    b.wait_for("[data-testid=conversation] .message-open", WAIT)?;
    // Expand every message of the conversation (the file may be on an earlier one).
    b.eval("document.querySelectorAll('.message-summary[aria-expanded=false]').forEach(b => b.click())")?;
    b.wait_for("[data-testid=attachment]", WAIT)?;
    let names = b.texts("[data-testid=conversation] [data-testid=attachment] .attachment-name")?;
    for expected in &with_file.attachments {
        ensure!(names.contains(expected), "attachment {expected:?} not listed: {names:?}");
    }
    let meta = b.text("[data-testid=attachment] .attachment-meta")?;
    ensure!(meta.contains("KB") || meta.contains(" B"), "size not shown: {meta:?}");
    // Fetch it as the app does (with the Authorization header): the server must send the bytes.
    b.click("[data-testid=attachment] button")?;
    std::thread::sleep(std::time::Duration::from_millis(800));
    ensure!(!b.exists("[data-testid=attachment] [role=alert]")?, "the download failed: {}", b.text("[data-testid=attachment]")?);
    axe::assert_accessible(&b, "a conversation with attachments (desktop, en)")?;
    Ok(())
}

/// On a phone, the conversation replaces the list and "back" returns to it.
fn phone_shows_one_pane_at_a_time(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let b = ctx.browser_lang("fr-FR")?;
    b.set_window(390, 844)?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    rows::open(&b, &inbox[1].subject)?;
    b.wait_visible("[data-testid=conversation] .back-link", WAIT)?;
    ensure!(!b.eval("document.querySelector('.list-pane').offsetParent !== null")?.as_bool().unwrap_or(true), "the list should be hidden");
    axe::assert_accessible(&b, "a conversation (phone, fr)")?;
    b.screenshots_desktop_phone("conversation", |b| b.wait_for("[data-testid=conversation] .message-open", WAIT))?;
    b.set_window(390, 844)?;
    b.click("[data-testid=conversation] .back-link")?;
    b.wait_visible("[data-testid=message-row]", WAIT)?;
    ensure!(!b.exists("[data-testid=conversation]")?, "the conversation should be closed");
    Ok(())
}

/// By default the list shows one row per conversation, with its message count; the setting
/// switches to one row per message (every seeded message of the page).
fn conversation_view_and_its_setting(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let b = ctx.browser_lang("fr-FR")?;
    sign_in(&b, &claire.email, &claire.password)?;
    ensure!(b.prop("#threads-toggle", "checked")?.as_deref() == Some("true"), "threaded by default");
    let threaded = b.count("[data-testid=message-row]")?;
    let counts = b.texts("[data-testid=message-row] .thread-count")?;
    ensure!(!counts.is_empty() && counts.iter().all(|c| c.parse::<usize>().is_ok_and(|n| n >= 2)), "thread counts: {counts:?}");
    b.click("#threads-toggle")?;
    b.wait_gone("[data-testid=message-row] .thread-count", WAIT)?;
    // One row per message: the list counts every seeded message (only the rows in view are
    // in the page: virtual scrolling), in order from the newest.
    b.wait_until(
        &format!("document.querySelector('[data-testid=message-row][data-position=\"0\"]')?.getAttribute('aria-setsize') === '{}'", inbox.len()),
        "a row per seeded message",
        WAIT,
    )?;
    let subjects = facteur_browser_tests::rows::subjects(&b)?;
    ensure!(subjects.len() >= 5 && subjects.len() < inbox.len(), "{} rows in the page", subjects.len());
    let expected: Vec<&str> = inbox.iter().take(subjects.len()).map(|m| m.subject.as_str()).collect();
    ensure!(subjects.iter().map(String::as_str).eq(expected.iter().copied()), "one row per seeded message, in order");
    ensure!(threaded <= 50, "{threaded} rows");
    axe::assert_accessible(&b, "the list, one row per message")?;
    Ok(())
}

browser_tests!(
    conversation_view_and_its_setting,
    opening_a_message_shows_it_and_marks_it_read,
    attachments_are_listed_and_download,
    phone_shows_one_pane_at_a_time,
);
