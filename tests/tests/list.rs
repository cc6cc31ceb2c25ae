//! The message list of big folders, on Claire's account against the real server: virtual
//! scrolling (few rows in the page, one JMAP request per page, jump to the end), selection
//! (shift-click range, the whole folder including rows never loaded) and drag-and-drop onto
//! a folder, with undo; one row per conversation or per message. The folders are filled
//! through JMAP at the start (a few thousand plain mails, see `server::make_folder`); each test
//! has folders of its own, so that none reads rows another one moves or opens.

use facteur_browser_tests::flows::sign_in_per_message;
use facteur_browser_tests::server::{call, eventually, make_folder, role_id};
use facteur_browser_tests::{axe, browser_tests, ensure, Browser, Ctx, Error, Result, WAIT};
use facteur_testbed::jmap::{ids, Client};
use facteur_testbed::Feature;
use serde_json::{json, Value};
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::Duration;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
/// The big folder: read-only for the tests but for read state (scrolling, range selection).
const BIG: (&str, usize) = ("Grand dossier", 3000);
/// Emptied by the select-all test.
const BATCH: (&str, usize) = ("Lot complet", 400);
/// Rows dragged from here.
const DRAGGED: (&str, usize) = ("Lot à glisser", 60);
/// Walked through with the keyboard (read state changes).
const KEYS: (&str, usize) = ("Au clavier", 40);
/// Where the select-all test moves its folder.
const DESTINATION: &str = "Destination";
/// Where rows are dragged.
const DROP_TARGET: &str = "Classement";
/// Conversations archived from here.
const THREADS: (&str, usize) = ("Conversations", 150);
/// Shown by conversation, then one row per message (read-only for the tests).
const FILS: (&str, usize) = ("Fils de discussion", 150);

/// Mailbox ids of the test folders, filled once per test binary.
struct Folders {
    big: String,
    batch: String,
    dragged: String,
    keys: String,
    destination: String,
    drop_target: String,
    threads: String,
    fils: String,
}

static FOLDERS: OnceLock<std::result::Result<Folders, String>> = OnceLock::new();

fn folders(ctx: &Ctx) -> Result<&'static Folders> {
    FOLDERS
        .get_or_init(|| {
            let c = server(ctx).map_err(|e| e.0)?;
            let fill = |name: &str, n: usize| make_folder(&c, name, n).map_err(|e| format!("{name}: {}", e.0));
            Ok(Folders {
                big: fill(BIG.0, BIG.1)?,
                batch: fill(BATCH.0, BATCH.1)?,
                dragged: fill(DRAGGED.0, DRAGGED.1)?,
                keys: fill(KEYS.0, KEYS.1)?,
                destination: fill(DESTINATION, 0)?,
                drop_target: fill(DROP_TARGET, 0)?,
                threads: fill(THREADS.0, THREADS.1)?,
                fils: fill(FILS.0, FILS.1)?,
            })
        })
        .as_ref()
        .map_err(|e| Error(format!("filling the test folders: {e}")))
}

/// A JMAP client of Claire's, to check the server's state.
fn server(ctx: &Ctx) -> Result<Client> {
    facteur_browser_tests::server::client(ctx, CLAIRE)
}

/// Ids of a folder, newest first (`limit` from `position`).
fn folder_ids(c: &Client, mailbox_id: &str, position: usize, limit: usize) -> Result<Vec<String>> {
    let r = call(
        c,
        json!([["Email/query", {"accountId": c.account_id, "filter": {"inMailbox": mailbox_id},
        "sort": [{"property": "receivedAt", "isAscending": false}], "position": position, "limit": limit}, "q"]]),
    )?;
    Ok(ids(&r[0][1]["ids"]))
}

fn folder_total(c: &Client, mailbox_id: &str) -> Result<usize> {
    let r = call(
        c,
        json!([["Mailbox/get", {"accountId": c.account_id, "ids": [mailbox_id], "properties": ["totalEmails"]}, "m"]]),
    )?;
    r[0][1]["list"][0]["totalEmails"].as_u64().map(|n| n as usize).ok_or_else(|| Error(format!("no totalEmails: {r}")))
}

fn emails(c: &Client, ids: &[String], properties: &[&str]) -> Result<Vec<Value>> {
    let r = call(c, json!([["Email/get", {"accountId": c.account_id, "ids": ids, "properties": properties}, "g"]]))?;
    Ok(r[0][1]["list"].as_array().cloned().unwrap_or_default())
}

fn is_seen(email: &Value) -> bool {
    email["keywords"]["$seen"].as_bool() == Some(true)
}

/// Signs Claire in (one row per message) and opens a folder from the sidebar.
fn open_folder(ctx: &Ctx, lang: &str, mailbox_id: &str) -> Result<Rc<Browser>> {
    open_folder_as(ctx, lang, mailbox_id, false)
}

/// Signs Claire in (one row per conversation when `threaded`) and opens a folder.
fn open_folder_as(ctx: &Ctx, lang: &str, mailbox_id: &str, threaded: bool) -> Result<Rc<Browser>> {
    open_folder_blocking(ctx, lang, mailbox_id, threaded, &[])
}

/// [`open_folder_as`] with the downloads matching `blocked` (CDP URL patterns) failing.
fn open_folder_blocking(
    ctx: &Ctx,
    lang: &str,
    mailbox_id: &str,
    threaded: bool,
    blocked: &[&str],
) -> Result<Rc<Browser>> {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let b = ctx.browser_lang(lang)?;
    if !blocked.is_empty() {
        b.block_urls(blocked)?;
    }
    if threaded {
        facteur_browser_tests::flows::sign_in(&b, &claire.email, &claire.password)?;
    } else {
        sign_in_per_message(&b, &claire.email, &claire.password)?;
    }
    b.click(&format!("[data-mailbox-id='{mailbox_id}']"))?;
    b.wait_for(&format!("[data-mailbox-id='{mailbox_id}'][aria-current=page]"), WAIT)?;
    b.wait_for("[data-testid=message-row][data-position='0']", WAIT)?;
    Ok(b)
}

/// The method calls of the JMAP requests recorded since `Browser::record_requests` (once
/// every one's body is read), one `[[name, position, #ids.resultOf], …]` a request, from the
/// `from`-th POST on.
fn jmap_calls(b: &Browser, from: usize) -> Result<Vec<Value>> {
    b.wait_until(
        "window.__facteurRequests.every(r => r.method !== 'POST' || r.body !== null)",
        "the recorded requests read",
        WAIT,
    )?;
    let calls = b.eval(
        "window.__facteurRequests.filter(r => r.method === 'POST').map(r => {
           try { return JSON.parse(r.body).methodCalls.map(c => [c[0], c[1].position ?? null, c[1]['#ids'] ? c[1]['#ids'].resultOf : null]); }
           catch (e) { return null; } }).filter(x => x)",
    )?;
    Ok(calls.as_array().cloned().unwrap_or_default().split_off(from))
}

/// The page loads (`Email/query` first) among [`jmap_calls`].
fn page_requests(b: &Browser, from: usize) -> Result<Vec<Value>> {
    Ok(jmap_calls(b, from)?.into_iter().filter(|r| r[0][0] == "Email/query").collect())
}

/// The row at a position, once loaded: its subject.
fn subject_at(b: &Browser, position: usize) -> Result<String> {
    let css = format!("[data-testid=message-row][data-position='{position}'] .subject");
    b.wait_for(&css, WAIT)?;
    b.text(&css)
}

fn scroll_to_row(b: &Browser, position: usize) -> Result {
    b.execute(
        "const s = document.querySelector('.list-scroll'); const row = document.querySelector('.message-row');
         s.scrollTop = arguments[0] * row.offsetHeight;",
        vec![json!(position)],
    )?;
    Ok(())
}

/// Scrolling a 3,000-mail folder keeps fewer than 100 rows in the page, loads each page with
/// one request (Email/query + Email/get by back-reference), and a jump to the end shows the
/// oldest mail.
fn scrolling_a_big_folder(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    let total = folder_total(&c, &f.big)?;
    ensure!(total >= BIG.1, "the big folder holds {total}");
    let b = open_folder(ctx, "fr-FR", &f.big)?;
    b.record_requests()?;
    let rows = b.count("[data-testid=message-row], .message-row")?;
    ensure!(rows > 5 && rows < 100, "{rows} rows in the page for {total} mails");
    let setsize = b.attr("[data-position='0']", "aria-setsize")?.unwrap_or_default();
    ensure!(setsize == total.to_string(), "aria-setsize {setsize}, folder {total}");
    let first = subject_at(&b, 0)?;
    let newest = folder_ids(&c, &f.big, 0, 1)?;
    let newest_subject = emails(&c, &newest, &["subject"])?[0]["subject"].as_str().unwrap_or_default().to_string();
    ensure!(first == newest_subject, "row 0 is {first:?}, the newest mail is {newest_subject:?}");

    // Down by steps: each step needs one new page, asked in one POST.
    let mut seen_subjects = std::collections::HashSet::new();
    for position in [60, 130, 210] {
        let before = page_requests(&b, 0)?.len();
        scroll_to_row(&b, position)?;
        let subject = subject_at(&b, position)?;
        let sent = page_requests(&b, 0)?.split_off(before);
        ensure!(
            sent.len() == 1 && sent[0][0][1] == json!(position / 50 * 50),
            "scrolling to row {position} sent {} page requests: {sent:?}",
            sent.len()
        );
        seen_subjects.insert(subject);
        let rows = b.count(".message-row")?;
        ensure!(rows < 100, "{rows} rows in the page at row {position}");
        ensure!(
            b.attr(&format!("[data-position='{position}']"), "aria-posinset")?.as_deref()
                == Some(&*(position + 1).to_string()),
            "aria-posinset"
        );
    }
    ensure!(seen_subjects.len() > 1, "the subjects do not change while scrolling: {seen_subjects:?}");
    ensure!(!b.exists("[data-position='0']")?, "row 0 is still in the page after scrolling down");

    // Jump to the end (the scrollbar dragged to the bottom).
    b.execute("const s = document.querySelector('.list-scroll'); s.scrollTop = s.scrollHeight;", vec![])?;
    let last = total - 1;
    let oldest_subject = subject_at(&b, last)?;
    let oldest = folder_ids(&c, &f.big, last, 1)?;
    let expected = emails(&c, &oldest, &["subject"])?[0]["subject"].as_str().unwrap_or_default().to_string();
    ensure!(oldest_subject == expected, "the last row is {oldest_subject:?}, the oldest mail is {expected:?}");
    ensure!(b.count(".message-row")? < 100, "too many rows at the end");
    axe::assert_accessible(&b, "the end of a big folder")?;

    // Live updates on the sparse list: a mail older than all arrives (made on the server):
    // the list grows by one and shows it last, without a reload. (A live round may ask a
    // page shown again: pages are counted before it.)
    let before_live = jmap_calls(&b, 0)?.len();
    let created = call(
        &c,
        json!([["Email/set", {"accountId": c.account_id, "create": {"old": {
        "mailboxIds": {&f.big: true}, "subject": "Archive de 1999 — registre d'appel", "from": [{"name": "Secrétariat", "email": "secretariat@ac-cevennes.fr"}],
        "receivedAt": "1999-09-01T08:00:00Z", "keywords": {"$seen": true},
        "bodyStructure": {"type": "text/plain", "partId": "1"}, "bodyValues": {"1": {"value": "Registre."}}}}}, "s"]]),
    )?;
    let created_id = created[0][1]["created"]["old"]["id"]
        .as_str()
        .ok_or_else(|| Error(format!("not created: {created}")))?
        .to_string();
    b.wait_until(&format!("document.querySelector('[data-position=\"0\"], [data-position=\"{last}\"]')?.getAttribute('aria-setsize') === '{}'", total + 1),
        "the list grows by one", Duration::from_secs(15))?;
    b.execute("const s = document.querySelector('.list-scroll'); s.scrollTop = s.scrollHeight;", vec![])?;
    b.wait_text(&format!("[data-position='{total}'] .subject"), "Archive de 1999", WAIT)?;
    call(&c, json!([["Email/set", {"accountId": c.account_id, "destroy": [created_id]}, "d"]]))?;

    // One POST per page: every query at a position comes with its Email/get by reference.
    let requests = jmap_calls(&b, 0)?;
    let pages: Vec<&Value> = requests.iter().filter(|r| r[0][0] == "Email/query").collect();
    ensure!(pages.len() >= 4, "{} page requests recorded: {requests:?}", pages.len());
    for page in &pages {
        ensure!(
            page[1][0] == "Email/get" && page[1][2] == "c0",
            "a page request without its Email/get by back-reference: {page}"
        );
    }
    // No rows fetched by a request of their own: an Email/get of given ids only refreshes
    // rows in view that changed, in a live update (after its queryChanges).
    let lone_gets: Vec<&Value> = requests
        .iter()
        .filter(|r| r[0][0] != "Email/queryChanges")
        .filter(|r| r.as_array().is_some_and(|calls| calls.iter().any(|c| c[0] == "Email/get" && c[2].is_null())))
        .collect();
    ensure!(lone_gets.is_empty(), "Email/get without a back-reference: {lone_gets:?}");
    let mut positions: Vec<i64> =
        requests[..before_live].iter().filter(|r| r[0][0] == "Email/query").filter_map(|p| p[0][1].as_i64()).collect();
    let n = positions.len();
    positions.sort();
    positions.dedup();
    ensure!(positions.len() == n, "a page was asked twice while scrolling: {:?}", &requests[..before_live]);
    ensure!(positions.iter().all(|p| p % 50 == 0), "pages not aligned: {positions:?}");
    let marks = b.eval("[performance.getEntriesByName('facteur:first-rows').length, performance.getEntriesByName('facteur:page-shown').length]")?;
    ensure!(marks[0].as_u64() >= Some(1) && marks[1].as_u64() >= Some(3), "performance marks: {marks}");

    b.screenshots_desktop_phone("list-big-folder-end-fr", |_| Ok(()))?;
    Ok(())
}

/// Clicking a checkbox then shift-clicking another selects the rows between; "Marquer comme
/// lu" marks exactly those on the server.
fn shift_click_range_marks_read(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    // Rows 1 to 9 unread on the server first.
    let ids = folder_ids(&c, &f.big, 1, 9)?;
    let mut update = serde_json::Map::new();
    for id in &ids {
        update.insert(id.clone(), json!({"keywords/$seen": null}));
    }
    call(&c, json!([["Email/set", {"accountId": c.account_id, "update": update}, "s"]]))?;
    let b = open_folder(ctx, "en-US", &f.big)?;
    let checkbox = |p: usize| format!("[data-position='{p}'] .row-select input");
    b.wait_for(&checkbox(7), WAIT)?;
    b.click(&checkbox(3))?;
    b.execute(
        "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, shiftKey: true}));",
        vec![json!(checkbox(7))],
    )?;
    b.wait_text("[data-testid=selection-bar] .selection-count", "5 selected", WAIT)?;
    // Selected rows stand out, unread or not (row 5 is selected, row 8 is not: both unread).
    let backgrounds = b.eval(
        "['5', '8'].map(p => { const r = document.querySelector(`[data-position='${p}']`);
                              return [r.classList.contains('unread'), getComputedStyle(r).backgroundColor]; })",
    )?;
    ensure!(
        backgrounds[0][0] == json!(true) && backgrounds[1][0] == json!(true),
        "rows 5 and 8 should be unread: {backgrounds}"
    );
    ensure!(backgrounds[0][1] != backgrounds[1][1], "a selected row looks like the others: {backgrounds}");
    axe::assert_accessible(&b, "the list with a selection")?;
    b.screenshots_desktop_phone("list-selection-en", |_| Ok(()))?;
    b.click("[data-action=bulk-read]")?;
    b.wait_gone("[data-testid=selection-bar]", WAIT)?;
    // ids[0] is row 1: rows 3..=7 are read, 1, 2, 8 and 9 stay unread.
    let expected: Vec<bool> = (1..=9).map(|p| (3..=7).contains(&p)).collect();
    let mut seen = Vec::new();
    let read = eventually("rows 3 to 7 are read on the server", WAIT, || {
        seen = emails(&c, &ids, &["keywords"])?.iter().map(is_seen).collect();
        Ok(seen.iter().zip(&expected).all(|(s, e)| !e || *s))
    });
    read.map_err(|e| Error(format!("{e}: read state {seen:?}, expected {expected:?}")))?;
    // The one request that marked them read has been answered: rows 1, 2, 8 and 9 are as
    // it left them.
    ensure!(seen == expected, "read state on the server {seen:?}, expected {expected:?}");
    Ok(())
}

/// "Select all" then "Select all 400 messages in this folder", "Move to…" Destination:
/// every mail of the folder moves, rows never loaded included.
fn select_all_in_folder_and_move(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    let before = folder_total(&c, &f.batch)?;
    let destination_before = folder_total(&c, &f.destination)?;
    ensure!(before >= BATCH.1, "the batch folder holds {before}");
    let b = open_folder(ctx, "fr-FR", &f.batch)?;
    ensure!(b.count(".message-row")? < 100, "too many rows");
    b.click("[data-testid=select-all]")?;
    b.wait_for("[data-action=select-all-in-folder]", WAIT)?;
    let offer = b.text("[data-action=select-all-in-folder]")?;
    ensure!(offer.contains(&before.to_string()) && offer.contains("Sélectionner les"), "offer: {offer:?}");
    b.click("[data-action=select-all-in-folder]")?;
    b.wait_text(".select-all-offer", "sont sélectionnés", WAIT)?;
    axe::assert_accessible(&b, "the whole folder selected")?;
    b.screenshots_desktop_phone("list-select-all-fr", |_| Ok(()))?;
    b.execute(
        "const s = document.querySelector('[data-action=bulk-move]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(f.destination)],
    )?;
    b.wait_text("[data-testid=toast]", "déplacés vers", Duration::from_secs(60))?;
    // The toast comes at once (pending changes); the server gets them with the next rounds.
    eventually("the folder emptied on the server", Duration::from_secs(60), || Ok(folder_total(&c, &f.batch)? == 0))?;
    let moved = folder_total(&c, &f.destination)? - destination_before;
    ensure!(moved == before, "{moved} moved of {before}");
    b.wait_for(".empty", WAIT)?;
    Ok(())
}

/// Dragging a row onto a folder of the sidebar moves it; "Annuler" brings it back.
fn drag_a_row_onto_a_folder_then_undo(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    // The moves are a part of the app downloaded after the first page: while it cannot be,
    // a drop says so and moves nothing, and so does the selection bar.
    let b = open_folder_blocking(ctx, "fr-FR", &f.dragged, false, &["*split_bulk_actions*"])?;
    b.expect_console_error("split_bulk_actions-*.wasm - Failed to load resource: net::ERR_BLOCKED_BY_CLIENT");
    b.expect_console_error("__wasm_split-*.js * TypeError: Failed to fetch");
    let id = b.attr("[data-position='3']", "data-id")?.ok_or("no row 3")?;
    b.execute(DRAG_ROW_TO_FOLDER, vec![json!(3), json!(f.drop_target)])?;
    b.wait_text("[data-testid=toast]", "n'a pas pu être téléchargée", WAIT)?;
    ensure!(b.exists(&format!("[data-id='{id}']"))?, "a drop that could not be made removed the row");
    b.click("[data-position='3'] .row-select input")?;
    b.wait_text(".error-banner", "n'a pas pu être téléchargée", WAIT)?;
    b.block_urls(&[])?;
    b.click(".error-banner button")?;
    b.wait_text("[data-testid=selection-bar] .selection-count", "1 sélectionné", WAIT)?;
    b.click("[data-action=bulk-clear]")?;
    b.wait_gone("[data-testid=selection-bar]", WAIT)?;
    ensure!(b.exists(&format!("[data-id='{id}']"))?, "row 3 left the folder");
    b.wait_gone("[data-testid=toast]", WAIT)?; // the error said above
    let moved = b.execute(DRAG_ROW_TO_FOLDER, vec![json!(3), json!(f.drop_target)])?;
    ensure!(moved == json!([true, true]), "the folder did not accept the drop: {moved}");
    b.wait_text("[data-testid=toast]", "déplacé", WAIT)?;
    ensure!(!b.exists(&format!("[data-id='{id}']"))?, "the dragged row is still in the list");
    let in_destination = |c: &Client| -> Result<bool> {
        Ok(emails(c, std::slice::from_ref(&id), &["mailboxIds"])?[0]["mailboxIds"][&f.drop_target].as_bool()
            == Some(true))
    };
    eventually("the dragged row in the destination on the server", WAIT, || in_destination(&c))?;
    b.click("[data-testid=toast] button")?;
    b.wait_for(&format!("[data-id='{id}']"), WAIT)?;
    eventually("the row back out of the destination on the server", WAIT, || Ok(!in_destination(&c)?))?;

    // Two selected rows dragged by one of them: both move.
    let mut picked = Vec::new();
    for p in [5, 6] {
        picked.push(b.attr(&format!("[data-position='{p}']"), "data-id")?.ok_or("no row")?);
        b.click(&format!("[data-position='{p}'] .row-select input"))?;
    }
    b.wait_text("[data-testid=selection-bar] .selection-count", "2 sélectionnés", WAIT)?;
    b.screenshots_desktop_phone("list-selection-fr", |_| Ok(()))?;
    let moved = b.execute(DRAG_ROW_TO_FOLDER, vec![json!(5), json!(f.drop_target)])?;
    ensure!(moved == json!([true, true]), "the folder did not accept the selection: {moved}");
    b.wait_text("[data-testid=toast]", "2 messages déplacés vers", WAIT)?;
    for id in &picked {
        b.wait_gone(&format!("[data-id='{id}']"), WAIT)?;
    }
    eventually("the selection in the destination on the server", WAIT, || {
        let after = emails(&c, &picked, &["mailboxIds"])?;
        Ok(after.iter().all(|e| {
            e["mailboxIds"][&f.drop_target].as_bool() == Some(true) && e["mailboxIds"].get(&f.dragged).is_none()
        }))
    })?;
    Ok(())
}

/// Drags the row at `arguments[0]` onto the sidebar folder `arguments[1]` (synthetic drag
/// events sharing one `DataTransfer`); says whether the folder accepted it and was highlighted.
const DRAG_ROW_TO_FOLDER: &str = "
    const row = document.querySelector(`[data-position='${arguments[0]}']`);
    const folder = document.querySelector(`[data-mailbox-id='${arguments[1]}']`);
    const data = new DataTransfer();
    const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
    fire(row, 'dragstart');
    const accepted = !fire(folder, 'dragover');
    const highlighted = folder.classList.contains('drop-over');
    fire(folder, 'drop');
    fire(row, 'dragend');
    return [accepted, highlighted];";

/// j/k walk the rows and keep the open one in view; x selects the focused row; Escape clears.
fn keyboard_walks_and_selects(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let b = open_folder(ctx, "fr-FR", &f.keys)?;
    b.send_keys("body", "j")?;
    b.wait_for("[data-testid=conversation]", WAIT)?;
    b.wait_for("[data-position='0'] .row-link[aria-current]", WAIT)?;
    for position in 1..=25 {
        b.send_keys("body", "j")?;
        b.wait_for(&format!("[data-position='{position}'] .row-link[aria-current]"), WAIT)?;
    }
    let visible = b.eval(
        "(() => { const s = document.querySelector('.list-scroll').getBoundingClientRect();
                 const r = document.querySelector('[data-position=\"25\"]').getBoundingClientRect();
                 return r.top >= s.top - 1 && r.bottom <= s.bottom + 1; })()",
    )?;
    ensure!(visible == json!(true), "the open row is out of view");
    b.execute("document.querySelector('[data-position=\"25\"] .row-link').focus();", vec![])?;
    b.wait_until("document.activeElement?.closest('[data-position=\"25\"]')", "row 25 focused", WAIT)?;
    b.press("x")?;
    b.wait_text("[data-testid=selection-bar] .selection-count", "1 sélectionné", WAIT)?;
    b.send_keys("body", &facteur_browser_tests::Key::Escape.to_string())?;
    b.wait_gone("[data-testid=selection-bar]", WAIT)?;
    Ok(())
}

/// On a phone the row checkboxes are 44 px targets.
fn phone_targets(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    let b = open_folder(ctx, "en-US", &f.big)?;
    b.set_window(390, 844)?;
    b.wait_for(".row-select", WAIT)?;
    let size = b.eval("(() => { const r = document.querySelector('[data-position=\"0\"] .row-select').getBoundingClientRect(); return [r.width, r.height]; })()")?;
    ensure!(size[0].as_f64() >= Some(44.0) && size[1].as_f64() >= Some(44.0), "checkbox target {size}");
    ensure!(b.count(".message-row")? < 100, "too many rows on a phone");
    scroll_to_row(&b, 1234)?;
    let subject = subject_at(&b, 1234)?;
    let expected = emails(&c, &folder_ids(&c, &f.big, 1234, 1)?, &["subject"])?[0]["subject"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    ensure!(subject == expected, "row 1234 on a phone is {subject:?}, the server says {expected:?}");
    ensure!(b.count(".message-row")? < 100, "too many rows on a phone after scrolling");
    axe::assert_accessible(&b, "the middle of a big folder on a phone")?;
    // The page itself does not scroll: only the list does.
    let heights = b.eval("[document.documentElement.scrollHeight, window.innerHeight]")?;
    ensure!(heights[0].as_u64() <= heights[1].as_u64(), "the page is taller than the screen: {heights}");
    b.screenshots_desktop_phone("list-big-folder-en", |_| Ok(()))?;
    Ok(())
}

/// In a list of conversations, archiving selected rows archives every message of those
/// conversations that is in the folder.
fn archiving_conversations_takes_all_their_messages(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    let b = open_folder_as(ctx, "fr-FR", &f.threads, true)?;
    // Two conversation rows, at least one with several messages in the folder.
    let rows = b.eval("[...document.querySelectorAll('[data-testid=message-row]')].slice(0, 12).map(r => [r.dataset.position, r.dataset.id, r.querySelector('.thread-count')?.textContent ?? '1'])")?;
    let rows = rows.as_array().cloned().unwrap_or_default();
    let multi = rows
        .iter()
        .find(|r| r[2].as_str().and_then(|n| n.parse::<usize>().ok()).unwrap_or(1) > 1)
        .ok_or_else(|| Error(format!("no conversation with several messages among {rows:?}")))?;
    let single = rows.iter().find(|r| r[0] != multi[0]).ok_or("no second row")?;
    let picked: Vec<String> = [multi, single].iter().map(|r| r[1].as_str().unwrap_or_default().to_string()).collect();
    // What the server says those conversations hold in this folder.
    let got = emails(&c, &picked, &["threadId"])?;
    let thread_ids: Vec<&str> = got.iter().filter_map(|e| e["threadId"].as_str()).collect();
    let threads = call(&c, json!([["Thread/get", {"accountId": c.account_id, "ids": thread_ids}, "t"]]))?;
    let members: Vec<String> =
        threads[0][1]["list"].as_array().into_iter().flatten().flat_map(|t| ids(&t["emailIds"])).collect();
    let in_folder: Vec<String> = emails(&c, &members, &["mailboxIds"])?
        .iter()
        .filter(|e| e["mailboxIds"][&f.threads].as_bool() == Some(true))
        .filter_map(|e| e["id"].as_str().map(str::to_string))
        .collect();
    ensure!(in_folder.len() > 2, "the conversations hold {} messages in the folder", in_folder.len());
    for r in [multi, single] {
        b.click(&format!("[data-position='{}'] .row-select input", r[0].as_str().unwrap_or_default()))?;
    }
    b.wait_text("[data-testid=selection-bar] .selection-count", "2 sélectionnés", WAIT)?;
    b.click("[data-action=bulk-archive]")?;
    b.wait_text("[data-testid=toast]", &format!("{} messages archivés", in_folder.len()), WAIT)?;
    // The toast comes at once (the move is a pending change); the server gets it right after.
    let archive = role_id(&c, "archive")?;
    eventually("every message of the conversations archived on the server", WAIT, || {
        let after = emails(&c, &in_folder, &["mailboxIds"])?;
        Ok(after
            .iter()
            .all(|e| e["mailboxIds"][&archive].as_bool() == Some(true) && e["mailboxIds"].get(&f.threads).is_none()))
    })?;
    Ok(())
}

/// A page the server did not answer (the network gone for a moment; Stalwart refusing a request
/// past its `maxConcurrentRequests`, which the account's other clients share) is asked again
/// while its rows are in view: they come without the user scrolling, also where nothing else
/// makes the list ask again (with push, no round runs while nothing changes).
fn a_page_not_answered_is_asked_again_while_in_view(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    let b = open_folder(ctx, "fr-FR", &f.big)?;
    if ctx.app()?.server.supports(Feature::Push) {
        // Once the stream has delivered an event (Stalwart's first ping: 30 s, or the first
        // change), the app no longer polls: no round makes the list ask again.
        b.wait_until(
            "document.documentElement.dataset.changes === 'push'",
            "the event source open and heard",
            Duration::from_secs(45),
        )?;
    }
    b.record_requests()?;
    let asked = |b: &Browser| -> Result<usize> {
        let n = b.eval("window.__facteurRequests.filter(r => r.method === 'POST' && (r.body || '').includes('Email/query')).length")?;
        Ok(n.as_u64().unwrap_or(0) as usize)
    };
    let before = asked(&b)?;
    // The API endpoint only (not the event source).
    b.block_urls(&["*/jmap/", "*/jmap"])?;
    let position = 1_530;
    scroll_to_row(&b, position)?;
    let placeholder = format!(".message-row.placeholder[data-position='{position}']");
    b.wait_for(&placeholder, WAIT)?;
    // The page was asked, and could not be loaded.
    std::thread::sleep(Duration::from_millis(500));
    b.block_urls(&[])?;
    let subject = subject_at(&b, position)?;
    let expected = folder_ids(&c, &f.big, position, 1)?;
    let expected = emails(&c, &expected, &["subject"])?[0]["subject"].as_str().unwrap_or_default().to_string();
    ensure!(subject == expected, "row {position} is {subject:?}, the server has {expected:?}");
    ensure!(asked(&b)? > before, "the page came without a request recorded");
    Ok(())
}

/// One row per conversation (the default) or, the option unticked, one row per message, as
/// the server groups them; a page of conversations is one request with its `Thread/get`. The
/// list of conversations has the folder's conversations from its first page to its end, on
/// either server: Stalwart 0.16 says, in the `total` of a collapsed `Email/query` and of its
/// `/queryChanges`, the number of messages, and the folder's `totalThreads` bounds the list.
fn conversations_or_one_row_per_message(ctx: &Ctx) -> Result {
    let f = folders(ctx)?;
    let c = server(ctx)?;
    // Every id of the folder, newest first, one per conversation or one per message.
    let query = |collapse: bool| -> Result<Vec<String>> {
        let r = call(
            &c,
            json!([["Email/query", {"accountId": c.account_id, "filter": {"inMailbox": &f.fils},
            "sort": [{"property": "receivedAt", "isAscending": false}], "collapseThreads": collapse, "limit": 1000}, "q"]]),
        )?;
        Ok(ids(&r[0][1]["ids"]))
    };
    let (conversation_ids, message_ids) = (query(true)?, query(false)?);
    let (conversations, messages) = (conversation_ids.len(), message_ids.len());
    ensure!(conversations > 60 && conversations < messages, "{conversations} conversations for {messages} messages");
    let (first_conversations, first_messages) = (conversation_ids[..10].to_vec(), message_ids[..10].to_vec());
    let shown_ids = |b: &Browser| -> Result<Vec<String>> {
        let ids = b.eval(
            "[...Array(10).keys()].map(p => document.querySelector(`[data-position='${p}']`)?.dataset.id ?? null)",
        )?;
        Ok(ids
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect())
    };

    let b = open_folder_as(ctx, "en-US", &f.fils, true)?;
    ensure!(b.prop("#threads-toggle", "checked")?.as_deref() == Some("true"), "conversations are not the default");
    b.wait_for(&format!("[data-position='0'][aria-setsize='{conversations}']"), WAIT)?;
    b.wait_for("[data-position='9'] .subject", WAIT)?;
    ensure!(shown_ids(&b)? == first_conversations, "the rows are not the server's conversations");
    ensure!(
        b.texts(".message-row .thread-count")?.contains(&"2".to_string()),
        "no row says its conversation holds 2 messages"
    );

    // The next page: Email/query, Email/get of its ids, Thread/get of their threads, one POST.
    b.record_requests()?;
    let before = jmap_calls(&b, 0)?.len();
    scroll_to_row(&b, 60)?;
    subject_at(&b, 60)?;
    let sent = page_requests(&b, before)?;
    ensure!(
        sent == vec![json!([["Email/query", 50, null], ["Email/get", null, "c0"], ["Thread/get", null, "c1"]])],
        "the page of conversations was asked by {sent:?}"
    );

    // Select all offers the whole folder's conversations.
    scroll_to_row(&b, 0)?;
    b.click("[data-testid=select-all]")?;
    b.wait_text("[data-action=select-all-in-folder]", &format!("Select all {conversations} conversations"), WAIT)?;
    axe::assert_accessible(&b, "a list of conversations, all loaded rows selected")?;
    b.screenshots_desktop_phone("list-select-all-en", |_| Ok(()))?;
    b.click("[data-action=bulk-clear]")?;
    b.wait_gone("[data-testid=selection-bar]", WAIT)?;

    // The end of the list is the folder's oldest conversation, and nothing is asked past it.
    let last = conversations - 1;
    scroll_to_row(&b, last)?;
    b.wait_for(&format!("[data-position='{last}'][data-id='{}'] .subject", conversation_ids[last]), WAIT)?;
    let past_the_end = page_requests(&b, before)?
        .into_iter()
        .filter(|r| r[0][1].as_u64().is_some_and(|position| position as usize >= conversations))
        .collect::<Vec<_>>();
    ensure!(past_the_end.is_empty(), "pages asked past the last conversation: {past_the_end:?}");
    ensure!(!b.exists(&format!("[data-position='{conversations}']"))?, "a row past the last conversation");
    // Still so once a change made elsewhere has come (Stalwart's `/queryChanges` says the
    // number of messages again): the oldest conversation flagged on the server.
    let oldest = &conversation_ids[last];
    let flag = |on: bool| {
        call(
            &c,
            json!([["Email/set", {"accountId": c.account_id, "update": {oldest: {"keywords/$flagged": on.then_some(true)}}}, "s"]]),
        )
    };
    flag(true)?;
    let shown = b.wait_for(&format!("[data-position='{last}'][data-id='{oldest}'] .flag"), WAIT);
    flag(false)?;
    shown?;
    let setsize = b.attr(&format!("[data-position='{last}']"), "aria-setsize")?;
    ensure!(setsize == Some(conversations.to_string()), "after a change, the list says {setsize:?} rows");
    ensure!(!b.exists(&format!("[data-position='{conversations}']"))?, "a row past the last conversation");
    scroll_to_row(&b, 0)?;

    // One row per message, kept after a reload.
    b.click("#threads-toggle")?;
    b.wait_for(&format!("[data-position='0'][aria-setsize='{messages}']"), WAIT)?;
    b.wait_for("[data-position='9'] .subject", WAIT)?;
    ensure!(shown_ids(&b)? == first_messages, "the rows are not the server's messages");
    ensure!(!b.exists(".message-row .thread-count")?, "a row per message still shows a conversation count");
    // (The session is not kept: signing in again, the list opens on the Inbox.)
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    facteur_browser_tests::flows::sign_in(&b, &claire.email, &claire.password)?;
    b.click(&format!("[data-mailbox-id='{}']", f.fils))?;
    b.wait_for(&format!("[data-position='0'][aria-setsize='{messages}']"), WAIT)?;
    ensure!(b.prop("#threads-toggle", "checked")?.as_deref() == Some("false"), "the choice is lost after a reload");
    Ok(())
}

/// In the Trash, "Supprimer définitivement" on the selection asks first, then destroys.
fn destroying_a_selection_in_the_trash(ctx: &Ctx) -> Result {
    folders(ctx)?; // not used, but the server is busy until they are filled
    let c = server(ctx)?;
    let trash = role_id(&c, "trash")?;
    ensure!(folder_total(&c, &trash)? >= 2, "the seeded Trash is nearly empty");
    let b = open_folder(ctx, "fr-FR", &trash)?;
    let id = b.attr("[data-position='0']", "data-id")?.ok_or("no row")?;
    b.click("[data-position='0'] .row-select input")?;
    b.wait_text("[data-action=bulk-delete]", "Supprimer définitivement", WAIT)?;
    // Refused first: nothing happens. The question asked is the sign that the click was
    // handled (the rows would leave in the same handler).
    b.record_requests()?;
    b.execute("window.__refused = 0; window.confirm = () => { window.__refused++; return false; };", vec![])?;
    b.click("[data-action=bulk-delete]")?;
    b.wait_until("window.__refused === 1", "the confirmation asked (and refused)", WAIT)?;
    ensure!(b.exists(&format!("[data-id='{id}']"))?, "the row left without confirmation");
    b.execute(
        "window.__asked = 0; window.confirm = (text) => { window.__asked++; window.__question = text; return true; };",
        vec![],
    )?;
    b.click("[data-action=bulk-delete]")?;
    b.wait_gone(&format!("[data-id='{id}']"), WAIT)?;
    let question = b.eval("window.__question")?;
    ensure!(question.as_str().is_some_and(|q| q.contains("irréversible")), "the confirmation: {question}");
    eventually("the mail is destroyed on the server", WAIT, || {
        let r = call(&c, json!([["Email/get", {"accountId": c.account_id, "ids": [&id], "properties": ["id"]}, "g"]]))?;
        Ok(r[0][1]["notFound"] == json!([id]))
    })?;
    // The destruction asked after the refusal has reached the server: anything the refused
    // click had sent would have been sent before it.
    let destroys = jmap_calls(&b, 0)?.iter().filter(|r| r[0][0] == "Email/set").count();
    ensure!(destroys == 1, "{destroys} Email/set requests for one confirmed deletion");
    Ok(())
}

browser_tests!(
    destroying_a_selection_in_the_trash,
    archiving_conversations_takes_all_their_messages,
    scrolling_a_big_folder,
    shift_click_range_marks_read,
    select_all_in_folder_and_move,
    drag_a_row_onto_a_folder_then_undo,
    keyboard_walks_and_selects,
    phone_targets,
    a_page_not_answered_is_asked_again_while_in_view,
    conversations_or_one_row_per_message,
);
