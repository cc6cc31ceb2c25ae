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
    b.wait_until(
        &format!("document.querySelector('[data-mailbox-role=inbox] .unread-count')?.textContent === '{}'", before - 1),
        "unread badge − 1",
        WAIT,
    )?;
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
    ensure!(
        !b.exists("[data-testid=attachment] [role=alert]")?,
        "the download failed: {}",
        b.text("[data-testid=attachment]")?
    );
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
    ensure!(
        !b.eval("document.querySelector('.list-pane').offsetParent !== null")?.as_bool().unwrap_or(true),
        "the list should be hidden"
    );
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
    ensure!(
        !counts.is_empty() && counts.iter().all(|c| c.parse::<usize>().is_ok_and(|n| n >= 2)),
        "thread counts: {counts:?}"
    );
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

/// Counts the page's conversation requests (JMAP POSTs asking for body values), with the
/// thread each one asks for and whether it has been answered.
const COUNT_CONVERSATION_FETCHES: &str = r#"
if (!window.__conversations) {
  const seen = window.__conversations = [];
  const orig = window.fetch;
  window.fetch = function (input, init) {
    const body = (init && typeof init.body === 'string') ? Promise.resolve(init.body)
      : (input instanceof Request ? input.clone().text() : Promise.resolve(''));
    const p = orig.apply(this, arguments);
    body.then((text) => {
      if (!text.includes('fetchHTMLBodyValues')) return;
      const call = JSON.parse(text).methodCalls.find(c => c[0] === 'Thread/get');
      const e = { thread: call && call[1].ids[0], done: false };
      seen.push(e);
      p.then(() => { e.done = true; }, () => { e.done = true; });
    }, () => {});
    return p;
  };
}
return true;
"#;

/// Where the row with exactly `subject` is on screen (its centre, CSS pixels).
fn row_centre(b: &facteur_browser_tests::Browser, subject: &str) -> Result<(f64, f64)> {
    let v = b.eval(&format!(
        "(() => {{ const row = [...document.querySelectorAll('[data-testid=message-row]')]
             .find(r => r.querySelector('.subject').textContent === {subject:?});
           if (!row) return null; const r = row.getBoundingClientRect();
           return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
    ))?;
    let xy = v.as_array().ok_or_else(|| format!("no row with subject {subject:?}"))?;
    Ok((xy[0].as_f64().unwrap_or(0.0), xy[1].as_f64().unwrap_or(0.0)))
}

fn move_pointer(b: &facteur_browser_tests::Browser, (x, y): (f64, f64)) -> Result {
    b.cdp("Input.dispatchMouseEvent", serde_json::json!({ "type": "mouseMoved", "x": x, "y": y }))?;
    Ok(())
}

/// Resting the pointer on a row fetches its conversation ahead: a click then opens it with no
/// request of its own. Passing over rows on the way does not fetch them.
fn a_conversation_is_fetched_while_the_pointer_rests_on_its_row(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let target = inbox.get(3).ok_or("the seed inbox is too short")?;
    let b = ctx.browser_lang("fr-FR")?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    rows::wait_for_subject(&b, &target.subject, "the target row", WAIT)?;
    b.execute(COUNT_CONVERSATION_FETCHES, vec![])?;
    // Across rows 0..2 without stopping, then resting on row 3.
    let passed = inbox.iter().take(3).map(|m| row_centre(&b, &m.subject)).collect::<Result<Vec<_>>>()?;
    let rest = row_centre(&b, &target.subject)?;
    for at in passed {
        move_pointer(&b, at)?;
    }
    move_pointer(&b, rest)?;
    b.wait_until(
        "window.__conversations.length === 1 && window.__conversations[0].done",
        "the conversation fetched ahead",
        WAIT,
    )?;
    std::thread::sleep(std::time::Duration::from_millis(400));
    let fetched = b.eval("window.__conversations.map(e => e.thread)")?;
    ensure!(fetched.as_array().map(Vec::len) == Some(1), "only the row rested on is fetched: {fetched}");
    let href = b.eval(&format!(
        "[...document.querySelectorAll('[data-testid=message-row]')].find(r => r.querySelector('.subject').textContent === {:?}).querySelector('a').getAttribute('href')",
        target.subject
    ))?;
    let thread = fetched[0].as_str().unwrap_or_default().to_string();
    ensure!(
        href.as_str().is_some_and(|h| h.ends_with(&format!("/{thread}"))),
        "fetched {thread}, the row links to {href}"
    );
    rows::open(&b, &target.subject)?;
    b.wait_text("#conversation-title", &target.subject, WAIT)?;
    b.wait_for(
        "[data-testid=conversation] .message-open .text-body, [data-testid=conversation] .message-open iframe",
        WAIT,
    )?;
    let count = b.eval("window.__conversations.length")?;
    ensure!(
        count.as_u64() == Some(1),
        "opening the fetched conversation asked the server again ({count} conversation requests)"
    );
    Ok(())
}

/// The reading pane is a part of the app downloaded after the first page: when it cannot be
/// downloaded (the network is gone), opening a conversation says so with "Réessayer", and
/// trying again once the network is back opens it; nothing else on the screen is lost.
fn a_part_that_cannot_be_downloaded_is_said_and_tried_again(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let target = inbox.get(2).ok_or("the seed inbox is too short")?;
    let b = ctx.browser_lang("fr-FR")?;
    b.block_urls(&["*split_reading_pane*"])?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    rows::wait_for_subject(&b, &target.subject, "the target row", WAIT)?;
    rows::open(&b, &target.subject)?;
    b.wait_text(".error-banner", "n'a pas pu être téléchargée", WAIT)?;
    ensure!(rows::subjects(&b)?.contains(&target.subject), "the list is still there");
    axe::assert_accessible(&b, "a part of the app not downloaded (desktop, fr)")?;
    b.block_urls(&[])?;
    b.click(".error-banner button")?;
    b.wait_text("#conversation-title", &target.subject, WAIT)?;
    b.wait_gone(".error-banner", WAIT)?;
    Ok(())
}

browser_tests!(
    conversation_view_and_its_setting,
    opening_a_message_shows_it_and_marks_it_read,
    attachments_are_listed_and_download,
    phone_shows_one_pane_at_a_time,
    a_conversation_is_fetched_while_the_pointer_rests_on_its_row,
    a_part_that_cannot_be_downloaded_is_said_and_tried_again,
);
