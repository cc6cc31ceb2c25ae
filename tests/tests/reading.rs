//! Reading mail: open a conversation from the list, headers, body, attachments (saved byte for
//! byte, fetched with the user's credentials), mark as read, back to the list on a phone —
//! against the real server and the seeded data. The tests share Claire's inbox and open
//! unread mail in it: none expects an exact unread count.

use facteur_browser_tests::flows::{sign_in, sign_in_per_message};
use facteur_browser_tests::server::{self, call, eventually};
use facteur_browser_tests::{axe, browser_tests, ensure, rows, seed, Ctx, Result, WAIT};
use facteur_testbed::jmap::Client;
use serde_json::{json, Value};

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";

/// Opening the newest unread message shows it expanded and marks it read (badge −1).
fn opening_a_message_shows_it_and_marks_it_read(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let newest = inbox.first().ok_or("empty seed inbox")?;
    ensure!(newest.unread, "the seed's newest inbox mail should be unread");
    let jmap = server::client(ctx, CLAIRE)?;
    let b = ctx.browser_lang("fr-FR")?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    let before = rows::badge(&b, "inbox")?;
    rows::open(&b, &newest.subject)?;
    b.wait_for("[data-testid=conversation] .message-open", WAIT)?;
    ensure!(b.text("#conversation-title")? == newest.subject, "conversation title differs");
    ensure!(
        b.eval("/^\\/mail\\/inbox\\/[^/]+$/.test(location.pathname)")?.as_bool() == Some(true),
        "the conversation has its own URL: {}",
        b.current_url()?
    );
    // Read on the server…
    let id = b.attr("[data-testid=message-row]:has(a[aria-current])", "data-id")?.ok_or("no open row")?;
    eventually("the opened mail is read on the server", WAIT, || {
        let got = call(
            &jmap,
            json!([["Email/get", {"accountId": jmap.account_id, "ids": [&id], "properties": ["keywords"]}, "g"]]),
        )?;
        Ok(got[0][1]["list"][0]["keywords"]["$seen"] == true)
    })?;
    // …and the badge follows the server's count (the other tests of this binary open unread
    // mail of the same inbox meanwhile: it is one less at least).
    let mut counts = (before, 0);
    let followed = eventually("the badge shows the server's unread count", WAIT, || {
        counts = (rows::badge(&b, "inbox")?, inbox_unread(&jmap)?);
        Ok(counts.0 == counts.1 && counts.0 < before)
    });
    followed.map_err(|e| format!("{e}: badge {} before, {} now, the server says {}", before, counts.0, counts.1))?;
    ensure!(!b.exists("[data-testid=message-row].unread:has(a[aria-current])")?, "the open row still looks unread");
    axe::assert_accessible(&b, "a conversation (desktop, fr)")?;
    // The address restores the same view after a reload… once signed in again.
    Ok(())
}

/// What the server counts as unread in the inbox.
fn inbox_unread(jmap: &Client) -> Result<usize> {
    let inbox = jmap.mailboxes().map_err(|e| e.to_string())?.into_iter().find(|m| m["role"] == "inbox");
    Ok(inbox.ok_or("no inbox")?["unreadEmails"].as_u64().ok_or("no unreadEmails")? as usize)
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
    // "Download": the app fetches the file with the user's credentials (a plain link could
    // not send them) and the browser saves it, byte for byte the seeded file.
    let (name, bytes) = (&with_file.attachments[0], &with_file.attachment_bytes[0]);
    b.record_requests()?;
    let marked = b.execute(
        "const item = [...document.querySelectorAll('[data-testid=conversation] [data-testid=attachment]')]
           .find(i => i.querySelector('.attachment-name').textContent === arguments[0]);
         if (item) item.dataset.testTarget = 'download';
         return !!item;",
        vec![json!(name)],
    )?;
    ensure!(marked == true, "no listed attachment named {name:?}");
    b.click("[data-test-target=download] button")?;
    let saved = b.wait_download(name, WAIT)?;
    ensure!(
        saved == *bytes,
        "the saved {name:?} is not the seeded file: {} bytes saved, {} seeded",
        saved.len(),
        bytes.len()
    );
    let downloads: Vec<Value> =
        b.requests()?.into_iter().filter(|r| r["url"].as_str().is_some_and(|u| u.contains("/download/"))).collect();
    ensure!(downloads.len() == 1, "one download request expected: {downloads:?}");
    let basic = facteur_testbed::jmap::basic(&claire.email, &claire.password);
    ensure!(
        downloads[0]["authorization"] == basic.as_str() && downloads[0]["status"] == 200,
        "the download was not asked with the user's credentials: {}",
        downloads[0]
    );
    // What the server holds under that address is the same file.
    let url = downloads[0]["url"].as_str().unwrap_or_default();
    let held =
        facteur_testbed::jmap::http(&facteur_testbed::jmap::agent(), "GET", url, &[("Authorization", &basic)], None)?;
    ensure!(held.status == 200 && held.body == *bytes, "the server holds other bytes ({}) at {url}", held.status);
    ensure!(!b.exists("[data-testid=attachment] [role=alert]")?, "a download error is shown");
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

/// The threads of the conversation requests (JMAP POSTs asking for body values) recorded by
/// `Browser::record_requests`, in the order they were sent.
const CONVERSATION_FETCHES: &str = "window.__facteurRequests
    .filter(r => r.method === 'POST' && r.body && r.body.includes('fetchHTMLBodyValues'))
    .map(r => { const call = JSON.parse(r.body).methodCalls.find(c => c[0] === 'Thread/get'); return call && call[1].ids[0]; })";

/// Every request recorded so far has its body read (so that [`CONVERSATION_FETCHES`] lists
/// all those sent until now).
const ALL_READ: &str = "window.__facteurRequests.every(r => r.method !== 'POST' || r.body !== null)";

/// The pointer passes over the rows with the subjects `arguments[0]` without stopping: their
/// pointer events, all in one script, so that no timer of the page can run in between however
/// slow the machine is (moves sent one by one each take a WebDriver round trip, which may last
/// longer than the delay that counts as resting).
const PASS_OVER_ROWS: &str = "
    const rows = arguments[0].map(s => [...document.querySelectorAll('[data-testid=message-row]')]
        .find(r => r.querySelector('.subject').textContent === s));
    if (rows.some(r => !r)) return false;
    for (const row of rows) {
        const r = row.getBoundingClientRect();
        const at = { pointerType: 'mouse', isPrimary: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
        row.dispatchEvent(new PointerEvent('pointerover', { ...at, bubbles: true }));
        row.dispatchEvent(new PointerEvent('pointerenter', at));
        row.dispatchEvent(new PointerEvent('pointermove', { ...at, bubbles: true }));
        row.dispatchEvent(new PointerEvent('pointerout', { ...at, bubbles: true }));
        row.dispatchEvent(new PointerEvent('pointerleave', at));
    }
    return true;";

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
    let href = b.eval(&format!(
        "[...document.querySelectorAll('[data-testid=message-row]')].find(r => r.querySelector('.subject').textContent === {:?}).querySelector('a').getAttribute('href')",
        target.subject
    ))?;
    let thread = href.as_str().and_then(|h| h.rsplit('/').next()).ok_or("the row has no link")?.to_string();
    // The pointer was left where the login button was, now over a row: off the list first
    // (a row it rested on meanwhile is fetched before the recording starts).
    b.cdp("Input.dispatchMouseEvent", json!({ "type": "mouseMoved", "x": 0, "y": 0 }))?;
    b.record_requests()?;
    // Across rows 0..2 without stopping, then resting on row 3 (a real pointer move).
    let passed: Vec<&str> = inbox.iter().take(3).map(|m| m.subject.as_str()).collect();
    ensure!(b.execute(PASS_OVER_ROWS, vec![json!(passed)])? == true, "rows 0 to 2 are not all in the page");
    let (x, y) = row_centre(&b, &target.subject)?;
    b.cdp("Input.dispatchMouseEvent", json!({ "type": "mouseMoved", "x": x, "y": y }))?;
    // Fetched, and answered. The rows passed over started their delay before it: had they
    // fetched, those requests would have been sent before this one, and are listed.
    b.wait_until(
        &format!(
            "{ALL_READ} && window.__facteurRequests.some(r => r.body && r.body.includes('fetchHTMLBodyValues') \
             && r.body.includes({thread:?}) && r.status !== null)"
        ),
        "the conversation fetched ahead",
        WAIT,
    )?;
    let fetched = b.eval(CONVERSATION_FETCHES)?;
    ensure!(fetched == json!([thread]), "only the row rested on ({thread}) is fetched: {fetched}");
    rows::open(&b, &target.subject)?;
    b.wait_text("#conversation-title", &target.subject, WAIT)?;
    b.wait_for(
        "[data-testid=conversation] .message-open .text-body, [data-testid=conversation] .message-open iframe",
        WAIT,
    )?;
    b.wait_until(ALL_READ, "the requests recorded read", WAIT)?;
    let fetched = b.eval(CONVERSATION_FETCHES)?;
    ensure!(fetched == json!([thread]), "opening the fetched conversation asked the server again: {fetched}");
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
    b.expect_console_error("split_reading_pane-*.wasm - Failed to load resource: net::ERR_BLOCKED_BY_CLIENT");
    b.expect_console_error("__wasm_split-*.js * TypeError: Failed to fetch");
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
