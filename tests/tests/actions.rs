//! Acting on mail: archive with undo, delete, junk, flag, and the keyboard — on Julien's
//! account, against the real server.

use facteur_browser_tests::flows::sign_in_per_message;
use facteur_browser_tests::runner::Feature;
use facteur_browser_tests::server::{self, eventually};
use facteur_browser_tests::{axe, browser_tests, ensure, rows, seed, Browser, Ctx, Key, Result, WAIT};
use serde_json::Value;
use std::time::Duration;

const JULIEN: &str = "julien.roux@ac-cevennes.fr";
/// How long a mail delivered through Postfix may take to show: the machine's speed, the app's
/// polling (every 4 s) and a margin; a wait, not a speed goal.
const DELIVERY: Duration = Duration::from_secs(60);

fn signed_in(ctx: &Ctx, lang: &str) -> Result<std::rc::Rc<Browser>> {
    let app = ctx.app()?;
    let julien = app.account(JULIEN)?.clone();
    let b = ctx.browser_lang(lang)?;
    sign_in_per_message(&b, &julien.email, &julien.password)?;
    Ok(b)
}

fn go_to_folder(b: &Browser, role: &str) -> Result {
    b.click(&format!("[data-mailbox-role={role}]"))?;
    b.wait_until(&format!("location.pathname === '/mail/{role}'"), role, WAIT)?;
    b.wait_for("[data-testid=message-row]", WAIT)
}

/// The subject of the seeded inbox mail at `position` (newest first), once its row is shown.
/// Each test acts on mail of its own: they share Julien's inbox (and new mail arrives at the
/// top meanwhile).
fn own_row(b: &Browser, position: usize) -> Result<String> {
    let subject = seed::folder(JULIEN, "Inbox")?.get(position).ok_or("the seed inbox is too short")?.subject.clone();
    rows::wait_for_subject(b, &subject, &format!("the seed's inbox mail n° {position}"), WAIT)?;
    Ok(subject)
}

/// Archive leaves the inbox at once, lands in Archive, and "Annuler" brings it back.
fn archive_then_undo(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    let subject = own_row(&b, 8)?;
    rows::open(&b, &subject)?;
    b.wait_for("[data-action=archive]", WAIT)?;
    b.click("[data-action=archive]")?;
    b.wait_text("[data-testid=toast]", "Conversation archivée", WAIT)?;
    ensure!(!rows::subjects(&b)?.contains(&subject), "the archived row is still in the inbox");
    // At once: the toast goes after a few seconds, however slow the machine.
    b.click("[data-testid=toast] button")?;
    rows::wait_for_subject(&b, &subject, "the row comes back after undo", WAIT)?;
    // And for real: archive again, then find it in Archive (loaded from the server, or
    // brought by the list's changes if the move reaches the server after the page).
    rows::open(&b, &subject)?;
    b.wait_for("[data-action=archive]", WAIT)?;
    b.click("[data-action=archive]")?;
    b.wait_text("[data-testid=toast]", "archivée", WAIT)?;
    axe::assert_accessible(&b, "the inbox with a toast")?;
    go_to_folder(&b, "archive")?;
    rows::wait_for_subject(&b, &subject, "the archived conversation in Archive", WAIT)?;
    Ok(())
}

/// Delete goes to the Trash; junk to Junk; both from the toolbar.
fn delete_and_junk_move_to_their_folders(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "en-US")?;
    let (to_trash, to_junk) = (own_row(&b, 10)?, own_row(&b, 11)?);
    rows::open(&b, &to_trash)?;
    b.wait_for("[data-action=delete]", WAIT)?;
    b.click("[data-action=delete]")?;
    b.wait_text("[data-testid=toast]", "Trash", WAIT)?;
    rows::open(&b, &to_junk)?;
    b.wait_for("[data-action=spam]", WAIT)?;
    b.click("[data-action=spam]")?;
    b.wait_text("[data-testid=toast]", "junk", WAIT)?;
    go_to_folder(&b, "trash")?;
    rows::wait_for_subject(&b, &to_trash, "the deleted mail in the Trash", WAIT)?;
    go_to_folder(&b, "junk")?;
    rows::wait_for_subject(&b, &to_junk, "the junk mail in Junk", WAIT)?;
    // In Junk, the same button says "Not junk" and moves it back.
    rows::open(&b, &to_junk)?;
    b.wait_text("[data-action=spam]", "Not junk", WAIT)?;
    Ok(())
}

/// Flagging shows at once and is kept by the server.
fn flag_is_kept(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    let inbox = seed::folder(JULIEN, "Inbox")?;
    let position = (14..20).find(|&p| inbox.get(p).is_some_and(|m| !m.flagged)).ok_or("no unflagged mail")?;
    let unflagged = &inbox[position];
    own_row(&b, position)?;
    rows::open(&b, &unflagged.subject)?;
    b.wait_for("[data-action=flag][aria-pressed=false]", WAIT)?;
    let id = b.attr("[data-testid=message-row]:has(a[aria-current])", "data-id")?.ok_or("no open row")?;
    b.click("[data-action=flag]")?;
    b.wait_for("[data-action=flag][aria-pressed=true]", WAIT)?;
    let jmap = server::client(ctx, JULIEN)?;
    eventually("the server holds the flag", WAIT, || {
        let got = server::call(
            &jmap,
            serde_json::json!([["Email/get", {"accountId": jmap.account_id, "ids": [&id], "properties": ["keywords"]}, "g"]]),
        )?;
        Ok(got[0][1]["list"][0]["keywords"]["$flagged"] == true)
    })?;
    // Another folder and back: the page comes from the server again.
    go_to_folder(&b, "sent")?;
    go_to_folder(&b, "inbox")?;
    let flagged = b.eval(&format!(
        "[...document.querySelectorAll('[data-testid=message-row]')].find(r => r.querySelector('.subject').textContent === {:?})?.querySelector('.flag') != null",
        unflagged.subject
    ))?;
    ensure!(flagged.as_bool() == Some(true), "the flag was not kept by the server");
    Ok(())
}

/// j/k move between conversations, u goes back, ? shows the shortcuts.
fn keyboard_shortcuts(ctx: &Ctx) -> Result {
    // A folder of its own: the other tests deliver to the inbox and take mail out of it.
    let folder = server::make_folder(&server::client(ctx, JULIEN)?, "Raccourcis", 3)?;
    let b = signed_in(ctx, "fr-FR")?;
    b.click(&format!("[data-mailbox-id='{folder}']"))?;
    b.wait_for(&format!("[data-mailbox-id='{folder}'][aria-current=page]"), WAIT)?;
    b.wait_count("[data-testid=message-row]", 3, WAIT)?;
    let subjects = rows::subjects(&b)?;
    ensure!(subjects[0] == "Raccourcis — message n° 0", "the folder's rows: {subjects:?}");
    b.send_keys("body", "j")?;
    b.wait_text("#conversation-title", &subjects[0], WAIT)?;
    b.send_keys("body", "j")?;
    b.wait_until(
        &format!("document.querySelector('#conversation-title')?.textContent === {:?}", subjects[1]),
        "j → second",
        WAIT,
    )?;
    b.send_keys("body", "k")?;
    b.wait_until(
        &format!("document.querySelector('#conversation-title')?.textContent === {:?}", subjects[0]),
        "k → first",
        WAIT,
    )?;
    b.send_keys("body", "u")?;
    b.wait_gone("[data-testid=conversation]", WAIT)?;
    b.send_keys("body", "?")?;
    b.wait_visible("[data-testid=shortcut-help]", WAIT)?;
    ensure!(b.text("[data-testid=shortcut-help]")?.contains("Raccourcis clavier"), "help not in French");
    axe::assert_accessible(&b, "the shortcut help")?;
    b.send_keys("[data-testid=shortcut-help]", Key::Escape.to_string().as_str())?;
    b.wait_until("!document.querySelector('[data-testid=shortcut-help]').open", "help closed", WAIT)?;
    Ok(())
}

/// Mail delivered through the MTA while the inbox is open appears, with the unread count,
/// without a reload. (How long it took is printed: the delivery's speed is the machine's.)
fn new_mail_appears_without_reload(ctx: &Ctx) -> Result {
    let julien = ctx.app()?.account(JULIEN)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    // Every request from the first page on (the event source is asked a second after it).
    b.record_requests()?;
    sign_in_per_message(&b, &julien.email, &julien.password)?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let subject = format!("Réunion de l'équipe pédagogique {stamp}");
    let raw = format!(
        "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: {JULIEN}\r\nSubject: =?utf-8?q?{}?=\r\n\
         Message-ID: <live-{stamp}@ac-cevennes.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\r\nBonjour Julien,\r\nla réunion est déplacée à jeudi.\r\n",
        subject
            .bytes()
            .map(|c| if c.is_ascii_alphanumeric() { (c as char).to_string() } else { format!("={c:02X}") })
            .collect::<String>()
    );
    // What the new mail costs: the requests from here on.
    let since = b.eval("performance.now()")?.as_f64().unwrap_or(0.0);
    ctx.with_testbed(|tb| tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[JULIEN]))?
        .map_err(|e| format!("delivery failed: {e}"))?;
    let started = std::time::Instant::now();
    rows::wait_for_subject(
        &b,
        &subject,
        "the new mail in the list (in date order: the seed has mails later today)",
        DELIVERY,
    )?;
    eprintln!("new mail shown {:.1} s after delivery", started.elapsed().as_secs_f64());
    // Each round of live updates is ONE request that asks everything (the store's sync
    // engine): the mail's and the folders' changes, the open list's changes with the added
    // rows and their conversations. Nothing reloads the folders or the list's first page.
    let rounds: Vec<Vec<String>> = b
        .requests()?
        .iter()
        .filter(|r| r["method"] == "POST" && r["at"].as_f64().unwrap_or(0.0) >= since)
        .filter_map(|r| serde_json::from_str::<Value>(r["body"].as_str()?).ok())
        .map(|body| {
            let calls = body["methodCalls"].as_array().cloned().unwrap_or_default();
            calls
                .iter()
                .filter_map(|c| {
                    let name = c[0].as_str()?;
                    // A `/get` without a back-reference is a whole reload (every folder).
                    // (The storage use, asked a moment after mail came, is not a reload.)
                    let whole = name.ends_with("/get")
                        && name != "Quota/get"
                        && c[1].get("#ids").is_none()
                        && c[1]["ids"].is_null();
                    Some(if whole { format!("{name} (all)") } else { name.to_string() })
                })
                .collect()
        })
        .collect();
    // A round is a request that asks what changed (others open conversations, which the
    // test does not do, or prefetch them).
    ensure!(
        !rounds.iter().flatten().any(|n| n == "Email/query" || n.ends_with("(all)")),
        "the list or the folders were loaded again instead of following their changes: {rounds:?}"
    );
    let rounds: Vec<&Vec<String>> =
        rounds.iter().filter(|names| names.iter().any(|n| n.ends_with("/changes"))).collect();
    ensure!(!rounds.is_empty(), "no round of live updates recorded after the delivery");
    for names in &rounds {
        for wanted in ["Email/changes", "Mailbox/changes", "Email/queryChanges", "Thread/get"] {
            ensure!(names.iter().any(|n| n == wanted), "a round without {wanted}: {names:?} (all: {rounds:?})");
        }
    }
    // The app asked the server's event source (with its credentials: a fetch, not an
    // EventSource): Stalwart opens a stream (the app lives on it once it has delivered an
    // event), our Cyrus answers 204 and the app polls — either way the mail was found.
    let expected = if ctx.app()?.server.supports(Feature::Push) { 200 } else { 204 };
    let asked: Vec<Value> = b
        .requests()?
        .into_iter()
        .filter(|r| r["url"].as_str().is_some_and(|u| u.contains("/jmap/eventsource/")) && r["method"] == "GET")
        .map(|r| r["status"].clone())
        .collect();
    ensure!(asked.contains(&Value::from(expected)), "the event source should have answered {expected}: {asked:?}");
    // Other tests read and move mail of this account at the same time: check this mail's row
    // and that the badge moved, not an exact count.
    b.wait_until(
        &format!("[...document.querySelectorAll('[data-testid=message-row].unread .subject')].some(s => s.textContent === {subject:?})"),
        "the new mail looks unread",
        WAIT,
    )?;
    b.wait_until(
        "Number(document.querySelector('[data-mailbox-role=inbox] .unread-count')?.textContent) >= 1",
        "an unread badge",
        WAIT,
    )?;
    Ok(())
}

/// On a server that pushes (Stalwart's event source), the app lives on its `StateChange`s:
/// nothing is polled while the stream is open, and a change made elsewhere (a flag set by
/// another client) is asked for because the push named it — the round asks only the types the
/// push named (the mail, not the folders, which a poll would also ask).
fn a_change_made_elsewhere_comes_by_push_and_nothing_polls(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    b.record_requests()?;
    // Stalwart's first ping comes after 30 s (or the first change, sooner): the app polls
    // until the stream has delivered an event.
    b.wait_until(
        "document.documentElement.dataset.changes === 'push'",
        "the event source open and heard",
        Duration::from_secs(45),
    )?;
    let opened = b.eval("performance.getEntriesByName('facteur:push-open').at(-1).startTime")?.as_f64().unwrap_or(0.0);
    // Polling (every 4 s) would have asked at least once in these 5 s.
    b.wait_until(&format!("performance.now() > {opened} + 5000"), "5 s of push", Duration::from_secs(10))?;
    // What the app asked after `since`: the names of each request's calls.
    let posts = |since: f64| -> Result<Vec<Vec<String>>> {
        Ok(b.requests()?
            .iter()
            .filter(|r| r["method"] == "POST" && r["at"].as_f64().unwrap_or(0.0) > since)
            .filter_map(|r| serde_json::from_str::<Value>(r["body"].as_str()?).ok())
            .map(|body| {
                body["methodCalls"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c[0].as_str().map(str::to_string))
                    .collect()
            })
            .collect())
    };
    // The round asked once the stream was heard (what changed while it was opening) is at once;
    // then no round (a storage refresh after mail came is not one).
    let quiet: Vec<Vec<String>> =
        posts(opened + 1000.0)?.into_iter().filter(|names| names.iter().any(|n| n.ends_with("/changes"))).collect();
    ensure!(quiet.is_empty(), "the app asked while the server pushed: {quiet:?}");

    let inbox = seed::folder(JULIEN, "Inbox")?;
    // (Rows in view at once; not those the other tests of this file act on.)
    let position = (3..8).find(|&p| inbox.get(p).is_some_and(|m| !m.flagged)).ok_or("no unflagged mail")?;
    let subject = own_row(&b, position)?;
    let c = server::client(ctx, JULIEN)?;
    let id = server::email_id(&c, &subject)?;
    let before = b.eval("performance.now()")?.as_f64().unwrap_or(0.0);
    server::call(
        &c,
        serde_json::json!([["Email/set", {"accountId": c.account_id, "update": {&id: {"keywords/$flagged": true}}}, "s"]]),
    )?;
    let flagged = format!(
        "[...document.querySelectorAll('[data-testid=message-row]')].find(r => r.querySelector('.subject').textContent === {subject:?})?.querySelector('.flag') != null"
    );
    let shown = b.wait_until(&flagged, "the flag set elsewhere shown on its row", DELIVERY);
    server::call(
        &c,
        serde_json::json!([["Email/set", {"accountId": c.account_id, "update": {&id: {"keywords/$flagged": null}}}, "s"]]),
    )?;
    shown?;
    let rounds = posts(before)?;
    ensure!(
        rounds
            .iter()
            .any(|names| names.iter().any(|n| n == "Email/changes") && !names.iter().any(|n| n == "Mailbox/changes")),
        "no round asked for the mail alone, as the push named it: {rounds:?}"
    );
    Ok(())
}

/// Behind a front that holds event streams back (a buffering proxy, as nginx with
/// `proxy_buffering on`): the stream opens but nothing it carries comes through. The app does
/// not take an open stream for push until it has delivered an event, so it goes on polling and
/// new mail shows — where trusting the open stream left it waiting for a poll once a minute.
fn a_stream_held_back_by_a_proxy_leaves_the_app_polling(ctx: &Ctx) -> Result {
    let julien = ctx.app()?.account(JULIEN)?.clone();
    let dist = facteur_browser_tests::paths::dist_dir()?;
    let holding = facteur_testbed::Front { holds_streams_back: true, ..Default::default() };
    let front = ctx.with_testbed(|tb| tb.extra_app_server_with(&dist, &tb.jmap_url(), 0, holding))??;
    let b = ctx.browser_with(facteur_browser_tests::BrowserOptions {
        lang: "fr-FR".into(),
        base_url: Some(front.url.clone()),
        ..Default::default()
    })?;
    b.record_requests()?;
    sign_in_per_message(&b, &julien.email, &julien.password)?;
    b.wait_until(
        "window.__facteurRequests.some(r => r.url.includes('/jmap/eventsource/') && r.status === 200)",
        "the event source open (its headers through the front)",
        WAIT,
    )?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let subject = format!("Sortie au musee {stamp}");
    let raw = format!(
        "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: {JULIEN}\r\nSubject: {subject}\r\n\
         Message-ID: <held-{stamp}@ac-cevennes.fr>\r\n\r\nBonjour Julien.\r\n"
    );
    ctx.with_testbed(|tb| tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[JULIEN]))?
        .map_err(|e| format!("delivery failed: {e}"))?;
    rows::wait_for_subject(&b, &subject, "the new mail, found by polling", DELIVERY)?;
    let mode = b.eval("document.documentElement.dataset.changes || null")?;
    ensure!(mode == "poll", "a stream that delivered nothing was taken for push: data-changes = {mode}");
    b.goto("about:blank")?;
    drop(front);
    Ok(())
}

/// With notifications allowed (the button asks the browser), new Inbox mail shows a browser
/// notification with its sender and subject. The browser's Notification is recorded
/// instead of shown (headless Chromium has no notification centre).
fn notification_for_new_inbox_mail(ctx: &Ctx) -> Result {
    let julien = ctx.app()?.account(JULIEN)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    b.goto("/")?;
    b.wait_visible("#username", WAIT)?;
    // Installed on the login page, kept by the app's own navigation to the mail.
    b.execute(
        "window.__perm = 'default'; window.__shown = [];
         window.Notification = class { constructor(title, options) { window.__shown.push(title + '|' + (options?.body ?? '')); }
           static get permission() { return window.__perm; }
           static requestPermission() { window.__perm = 'granted'; return Promise.resolve('granted'); } };",
        vec![],
    )?;
    b.fill("#username", &julien.email)?;
    b.fill("#password", &julien.password)?;
    b.click("button[type=submit]")?;
    b.wait_for("[data-testid=message-row]", WAIT)?;
    b.wait_visible("[data-testid=notify-setting] button", WAIT)?;
    axe::assert_accessible(&b, "the notification setting (desktop, fr)")?;
    b.click("[data-testid=notify-setting] button")?;
    b.wait_text("[data-testid=notify-setting]", "Vous recevez une notification", WAIT)?;
    ensure!(b.eval("window.__shown.length")?.as_u64() == Some(0), "a notification before any new mail");

    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let subject = format!("Conseil pédagogique {stamp}");
    let raw = format!(
        "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: {JULIEN}\r\nSubject: =?utf-8?q?{}?=\r\n\
         Message-ID: <notify-{stamp}@ac-cevennes.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\r\nBonjour Julien,\r\nordre du jour en pièce jointe.\r\n",
        subject.bytes().map(|c| if c.is_ascii_alphanumeric() { (c as char).to_string() } else { format!("={c:02X}") }).collect::<String>()
    );
    ctx.with_testbed(|tb| tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[JULIEN]))?
        .map_err(|e| format!("delivery failed: {e}"))?;
    b.wait_until(
        &format!("window.__shown.some(n => n.startsWith('Nouveau message|') && n.includes('Karim Benali') && n.includes({subject:?}))"),
        "a notification naming the sender and the subject",
        DELIVERY,
    )?;
    b.save_screenshot("notifications-on-fr-desktop")?;
    Ok(())
}

/// A network drop shows an inline banner and keeps the mail on screen; "Réessayer" (or the
/// next automatic try) clears it once the server answers again.
fn network_drop_shows_a_banner_and_recovers(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    let rows_before = b.count("[data-testid=message-row]")?;
    // The parts of the app still to download fail too, and their loader says so.
    b.expect_console_error("__wasm_split-*.js * TypeError: Failed to fetch");
    b.execute(
        "window.__fetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));",
        vec![],
    )?;
    b.wait_visible(".offline-banner", Duration::from_secs(12))?;
    ensure!(b.text(".offline-banner")?.contains("connexion au serveur est interrompue"), "banner text");
    ensure!(b.count("[data-testid=message-row]")? == rows_before, "the list must stay on screen");
    axe::assert_accessible(&b, "the inbox while offline")?;
    b.execute("window.fetch = window.__fetch;", vec![])?;
    b.click(".offline-banner button")?;
    b.wait_gone(".offline-banner", Duration::from_secs(10))?;
    Ok(())
}

browser_tests!(
    network_drop_shows_a_banner_and_recovers,
    archive_then_undo,
    delete_and_junk_move_to_their_folders,
    flag_is_kept,
    keyboard_shortcuts,
    new_mail_appears_without_reload,
    #[needs(Push)]
    a_change_made_elsewhere_comes_by_push_and_nothing_polls,
    #[needs(Push)]
    a_stream_held_back_by_a_proxy_leaves_the_app_polling,
    notification_for_new_inbox_mail,
);
