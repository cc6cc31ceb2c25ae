//! The measured scenarios, each in a headless Chromium with the [`probe`] installed. Every time
//! comes from the browser's own clock (performance marks, `performance.now()` after a paint).

use super::probe::{self, LIST_ROWS};
use super::Figures;
use crate::browser::js_str;
use crate::{Browser, BrowserOptions, Error, Result};
use serde_json::{json, Value};
use std::time::Duration;

/// Longest a load, a page or a message may take before the scenario fails.
const SLOW: Duration = Duration::from_secs(60);

/// Who signs in and which folder is the big one.
#[derive(Debug, Clone)]
pub struct Target {
    pub app_url: String,
    pub email: String,
    pub password: String,
    /// Name of the big folder (its sidebar link has `data-folder-name`).
    pub big_folder: String,
    /// How many rows to scroll through for the heap figure.
    pub scroll_rows: usize,
}

/// A fresh browser (own profile, empty cache) with the probe installed, in French.
pub fn browser(t: &Target) -> Result<Browser> {
    let b = Browser::start(BrowserOptions {
        lang: "fr-FR".into(),
        base_url: Some(t.app_url.clone()),
        ..Default::default()
    })?;
    probe::install(&b)?;
    Ok(b)
}

/// Waits until `name` was marked at least `n` times.
fn wait_marks(b: &Browser, name: &str, n: usize) -> Result {
    b.wait_until(
        &format!("performance.getEntriesByName({}, 'mark').length >= {n}", js_str(name)),
        &format!("mark {name}"),
        SLOW,
    )
}

/// Marks `bench:submit` and submits the login form.
fn submit(b: &Browser) -> Result {
    b.execute(
        "performance.mark('bench:submit'); document.querySelector('button[type=submit]').click(); return true;",
        vec![],
    )?;
    Ok(())
}

/// Resource Timing of the page (navigation first) up to `until` ms.
fn resources(b: &Browser, until: f64) -> Result<Vec<Value>> {
    let v = b.execute(
        "return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
           .filter(e => e.startTime <= arguments[0])
           .map(e => ({ name: e.name, type: e.initiatorType, transfer: e.transferSize,
                        encoded: e.encodedBodySize, decoded: e.decodedBodySize }));",
        vec![json!(until)],
    )?;
    Ok(v.as_array().cloned().unwrap_or_default())
}

/// Figures of a load that ended with the first inbox rows: `{prefix}.form_ms` (navigation →
/// login form), `.first_row_ms` (submit → first row painted), `.total_ms` (both, without the
/// typing), `.requests`, `.jmap_posts` (after the session is known), `.transfer_kb`,
/// `.assets_kb` (everything but JMAP).
fn load_figures(b: &Browser, prefix: &str, f: &mut Figures) -> Result {
    let submit = *probe::marks(b, "bench:submit")?.first().ok_or_else(|| Error::msg("no bench:submit mark"))?;
    let rows =
        *probe::marks(b, "facteur:first-rows")?.first().ok_or_else(|| Error::msg("no facteur:first-rows mark"))?;
    let form = probe::form_at(b)?.ok_or_else(|| Error::msg("the login form never appeared"))?;
    let fetches = probe::fetches(b)?;
    let session_known =
        fetches.iter().filter(|x| x.is_session() && x.start <= rows).filter_map(|x| x.end).fold(0.0, f64::max);
    let posts: Vec<_> =
        fetches.iter().filter(|x| x.is_jmap_post() && x.start >= session_known && x.start <= rows).collect();
    let res = resources(b, rows)?;
    let sum = |filter: &dyn Fn(&Value) -> bool| {
        res.iter().filter(|e| filter(e)).map(|e| e["transfer"].as_f64().unwrap_or(0.0)).sum::<f64>() / 1024.0
    };
    f.add(&format!("{prefix}.form_ms"), form);
    f.add(&format!("{prefix}.first_row_ms"), rows - submit);
    f.add(&format!("{prefix}.total_ms"), form + rows - submit);
    f.add(&format!("{prefix}.requests"), res.len() as f64);
    f.add(&format!("{prefix}.jmap_posts"), posts.len() as f64);
    f.add(&format!("{prefix}.transfer_kb"), sum(&|_| true));
    f.add(&format!("{prefix}.assets_kb"), sum(&|e| !e["name"].as_str().unwrap_or("").contains("/jmap")));
    f.note(
        &format!("{prefix}.calls"),
        posts.iter().map(|p| format!("[{}]", p.calls.join(", "))).collect::<Vec<_>>().join(" "),
    );
    Ok(())
}

/// Cold load from the login form (empty cache): navigation to `/`, the form, the password,
/// the first inbox row.
pub fn cold_from_form(b: &Browser, t: &Target, f: &mut Figures) -> Result {
    b.goto("/")?;
    b.wait_visible("#username", SLOW)?;
    b.fill("#username", &t.email)?;
    b.fill("#password", &t.password)?;
    submit(b)?;
    wait_marks(b, "facteur:first-rows", 1)?;
    load_figures(b, "cold", f)
}

/// A reload of the inbox by a user whose session is known to the tab (the username is kept;
/// the password is never stored, so it is typed again), with `cache` kept or emptied first.
pub fn reload_signed_in(b: &Browser, t: &Target, prefix: &str, cache: bool, f: &mut Figures) -> Result {
    if !cache {
        b.cdp("Network.clearBrowserCache", json!({}))?;
    }
    b.goto("/mail/inbox")?;
    b.wait_visible("#password", SLOW)?;
    let name = b.prop("#username", "value")?;
    if name.as_deref() != Some(t.email.as_str()) {
        return Err(Error(format!("after a reload the login form should hold {}, holds {name:?}", t.email)));
    }
    b.fill("#password", &t.password)?;
    submit(b)?;
    wait_marks(b, "facteur:first-rows", 1)?;
    load_figures(b, prefix, f)
}

/// Waits (in the page) for a condition, then for the next paint; resolves with ms since `t0`.
const AFTER_PAINT_JS: &str = r#"
const waitPaint = (cond, t0, limit) => new Promise((resolve, reject) => {
  const tick = () => {
    let ok = false; try { ok = cond(); } catch (_) {}
    if (ok) { requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)); return; }
    if (performance.now() - t0 > limit) { reject(new Error('timed out; the list: ' + JSON.stringify(listNow()))); return; }
    requestAnimationFrame(tick);
  };
  tick();
});
const placeholdersInView = () => {
  const box = document.querySelector('.list-scroll');
  if (!box) return 1;
  const r = box.getBoundingClientRect();
  return [...box.querySelectorAll('.message-row.placeholder')].filter(p => {
    const q = p.getBoundingClientRect(); return q.bottom > r.top && q.top < r.bottom;
  }).length;
};
const listNow = () => {
  const box = document.querySelector('.list-scroll');
  const rows = [...document.querySelectorAll('.message-list > li')];
  return box && { scrollTop: box.scrollTop, scrollHeight: box.scrollHeight, clientHeight: box.clientHeight,
    rows: rows.length, placeholdersInView: placeholdersInView(), setsize: rows[0] && rows[0].getAttribute('aria-setsize'),
    first: rows[0] && rows[0].dataset.position, last: rows.length ? rows[rows.length - 1].dataset.position : null,
    placeholders: [...box.querySelectorAll('.message-row.placeholder')].map(p => p.dataset.position),
    now: Math.round(performance.now()),
    lastRequests: window.__facteurBench.fetches.slice(-6).map(x => ({ calls: x.calls, positions: x.positions,
      start: Math.round(x.start), end: x.end && Math.round(x.end), status: x.status, failed: x.failed })) };
};
const posts = () => window.__facteurBench.fetches.filter(x => x.method === 'POST' && x.url.includes('/jmap')).length;
"#;

fn run_async(b: &Browser, body: &str, args: Vec<Value>) -> Result<Value> {
    let script = format!(
        "const done = arguments[arguments.length - 1];\n{AFTER_PAINT_JS}\n(async () => {{ {body} }})().then(done, e => done({{ error: String(e && e.message || e) }}));"
    );
    let v = b.execute_async(&script, args)?;
    if let Some(e) = v.get("error") {
        return Err(Error(format!("in the page: {e}\n{}", b.describe_page())));
    }
    Ok(v)
}

/// Opens the `k`-th row of the list shown: click → the conversation's body painted, as
/// `{prefix}.body_ms`, `.jmap_posts`, `.requests`.
pub fn open_message(b: &Browser, k: usize, prefix: &str, f: &mut Figures) -> Result {
    let v = run_async(
        b,
        r#"
        const rows = [...document.querySelectorAll('[data-testid=message-row]')];
        if (!rows.length) throw new Error('no rows');
        const row = rows[arguments[0] % rows.length];
        const subject = row.querySelector('.subject').textContent.trim();
        const sel = '[data-testid=conversation] .text-body, [data-testid=conversation] iframe';
        const old = new Set(document.querySelectorAll(sel));
        const p0 = posts(), f0 = window.__facteurBench.fetches.length, t0 = performance.now();
        row.querySelector('a').click();
        const ms = await waitPaint(() => {
          const title = document.querySelector('.conversation-subject');
          return title && title.textContent.includes(subject) && [...document.querySelectorAll(sel)].some(e => !old.has(e));
        }, t0, 60000);
        return { ms, posts: posts() - p0, requests: window.__facteurBench.fetches.length - f0 };
        "#,
        vec![json!(k)],
    )?;
    f.add(&format!("{prefix}.body_ms"), v["ms"].as_f64().unwrap_or(f64::NAN));
    f.add(&format!("{prefix}.jmap_posts"), v["posts"].as_f64().unwrap_or(f64::NAN));
    f.add(&format!("{prefix}.requests"), v["requests"].as_f64().unwrap_or(f64::NAN));
    Ok(())
}

/// Waits until the parts of the app downloaded after the first page are in (`core::split`).
pub fn wait_parts_fetched(b: &Browser) -> Result {
    wait_marks(b, "facteur:parts-fetched", 1)
}

/// Opens the `k`-th row after the pointer rested on it (the app fetches its conversation
/// ahead): pointer moved (CDP, a real `mouseMoved`) → that request answered → click → the
/// conversation's body painted; the figures are from the click.
pub fn open_message_prefetched(b: &Browser, k: usize, f: &mut Figures) -> Result {
    let at = b.execute(
        r#"
        const rows = [...document.querySelectorAll('[data-testid=message-row]')];
        if (!rows.length) return null;
        const r = rows[arguments[0] % rows.length].getBoundingClientRect();
        window.__facteurBench.restAt = performance.now();
        return [r.left + r.width / 2, r.top + r.height / 2];
        "#,
        vec![json!(k)],
    )?;
    let xy = at.as_array().ok_or_else(|| Error(format!("no rows\n{}", b.describe_page())))?;
    b.cdp("Input.dispatchMouseEvent", json!({ "type": "mouseMoved", "x": xy[0], "y": xy[1] }))?;
    let v = run_async(
        b,
        r#"
        const bench = window.__facteurBench;
        const ahead = () => bench.fetches.find(x => x.start >= bench.restAt && x.calls.join() === 'Thread/get,Email/get');
        const t = performance.now();
        while (!(ahead() && ahead().end !== null)) {
          if (performance.now() - t > 60000) throw new Error('the conversation was not fetched ahead');
          await new Promise(r => setTimeout(r, 10));
        }
        const rows = [...document.querySelectorAll('[data-testid=message-row]')];
        const row = rows[arguments[0] % rows.length];
        const subject = row.querySelector('.subject').textContent.trim();
        const sel = '[data-testid=conversation] .text-body, [data-testid=conversation] iframe';
        const old = new Set(document.querySelectorAll(sel));
        const p0 = posts(), f0 = bench.fetches.length, t0 = performance.now();
        row.querySelector('a').click();
        const ms = await waitPaint(() => {
          const title = document.querySelector('.conversation-subject');
          return title && title.textContent.includes(subject) && [...document.querySelectorAll(sel)].some(e => !old.has(e));
        }, t0, 60000);
        const asked = bench.fetches.slice(f0).filter(x => x.calls.includes('Thread/get')).length;
        return { ms, posts: posts() - p0, requests: bench.fetches.length - f0, asked };
        "#,
        vec![json!(k)],
    )?;
    f.add("open_ahead.conversation_posts", v["asked"].as_f64().unwrap_or(f64::NAN));
    f.add("open_ahead.body_ms", v["ms"].as_f64().unwrap_or(f64::NAN));
    f.add("open_ahead.jmap_posts", v["posts"].as_f64().unwrap_or(f64::NAN));
    f.add("open_ahead.requests", v["requests"].as_f64().unwrap_or(f64::NAN));
    Ok(())
}

/// `result`, its error saying which step it was.
fn within<T>(step: &str, result: Result<T>) -> Result<T> {
    result.map_err(|e| Error(format!("{step}: {e}")))
}

/// Scrolls the list to `fraction` of its height; resolves once no placeholder is in view.
fn jump(b: &Browser, fraction: f64) -> Result<f64> {
    let v = run_async(
        b,
        r#"
        const box = document.querySelector('.list-scroll');
        const t0 = performance.now();
        box.scrollTop = Math.round(arguments[0] * (box.scrollHeight - box.clientHeight));
        // The scroll event comes with the next frame; wait for it before looking.
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        return { ms: await waitPaint(() => placeholdersInView() === 0, t0, 60000) };
        "#,
        vec![json!(fraction)],
    )?;
    Ok(v["ms"].as_f64().unwrap_or(f64::NAN))
}

/// Scrolls down a viewport at a time through `rows` rows, letting each page arrive.
fn scroll_through(b: &Browser, rows: usize) -> Result<f64> {
    let mut ms = 0.0;
    // In slices, so that no script runs longer than the WebDriver script timeout (60 s): 250
    // rows are 5 pages, each about a second on Stalwart 0.16 in a folder of 100,000 (each query
    // sorts the whole folder, then skips to the position asked), more on a loaded machine.
    let slice = 250;
    let mut done = 0;
    while done < rows {
        let n = slice.min(rows - done);
        let v = run_async(
            b,
            r#"
            const box = document.querySelector('.list-scroll');
            const row = box.querySelector('.message-row');
            const target = box.scrollTop + arguments[0] * row.offsetHeight;
            const t0 = performance.now();
            while (box.scrollTop < target && box.scrollTop < box.scrollHeight - box.clientHeight - 1) {
              box.scrollTop = Math.min(target, box.scrollTop + box.clientHeight);
              await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              if (placeholdersInView() > 0) await waitPaint(() => placeholdersInView() === 0, performance.now(), 30000);
            }
            return { ms: performance.now() - t0 };
            "#,
            vec![json!(n)],
        )?;
        ms += v["ms"].as_f64().unwrap_or(0.0);
        done += n;
    }
    Ok(ms)
}

/// The big folder: click in the sidebar → first rows; rows in the DOM at the top, the middle
/// and the end; time to show a page after each jump; JS heap before and after scrolling
/// through `t.scroll_rows` rows (when > 0); the most rows ever in the DOM.
pub fn big_folder(b: &Browser, t: &Target, f: &mut Figures) -> Result {
    let link = format!("[data-folder-name={}]", js_str(&t.big_folder));
    b.wait_for(&link, SLOW)?;
    let first_page = run_async(
        b,
        r#"
        const n0 = performance.getEntriesByName('facteur:first-rows', 'mark').length;
        const p0 = posts(), t0 = performance.now();
        document.querySelector(arguments[0]).click();
        const ms = await waitPaint(() => performance.getEntriesByName('facteur:first-rows', 'mark').length > n0
            && document.querySelector('[data-testid=message-row]') && placeholdersInView() === 0, t0, 60000);
        return { ms, posts: posts() - p0, rows: document.querySelectorAll('.message-list > li').length };
        "#,
        vec![json!(link)],
    );
    let v = within("the first page of the big folder", first_page)?;
    f.add("big.first_page_ms", v["ms"].as_f64().unwrap_or(f64::NAN));
    f.add("big.first_page_posts", v["posts"].as_f64().unwrap_or(f64::NAN));
    f.add("big.rows_top", v["rows"].as_f64().unwrap_or(f64::NAN));
    f.add("big.jump_middle_ms", within("the jump to the middle of the big folder", jump(b, 0.5))?);
    f.add("big.rows_middle", b.count(LIST_ROWS)? as f64);
    f.add("big.jump_end_ms", within("the jump to the end of the big folder", jump(b, 1.0))?);
    f.add("big.rows_end", b.count(LIST_ROWS)? as f64);
    if t.scroll_rows > 0 {
        within("the jump back to the top of the big folder", jump(b, 0.0))?;
        let (before, wasm_before) = (probe::heap_after_gc(b)?, probe::wasm_memory(b)?);
        let ms = within("scrolling through the big folder", scroll_through(b, t.scroll_rows))?;
        let (after, wasm_after) = (probe::heap_after_gc(b)?, probe::wasm_memory(b)?);
        f.add("big.heap_before_mb", before / 1_048_576.0);
        f.add("big.heap_after_mb", after / 1_048_576.0);
        f.add("big.wasm_before_mb", wasm_before / 1_048_576.0);
        f.add("big.wasm_after_mb", wasm_after / 1_048_576.0);
        f.add("big.scroll_ms", ms);
    }
    f.add("rows.max_in_dom", probe::max_rows(b)? as f64);
    Ok(())
}

/// Search in the open folder: the word typed, then Enter → the first results painted.
pub fn search(b: &Browser, word: &str, f: &mut Figures) -> Result {
    b.fill("#search-input", word)?;
    let v = run_async(
        b,
        r#"
        const n0 = performance.getEntriesByName('facteur:first-rows', 'mark').length;
        const p0 = posts(), t0 = performance.now();
        document.querySelector('#search-input').form.requestSubmit();
        const ms = await waitPaint(() => performance.getEntriesByName('facteur:first-rows', 'mark').length > n0
            && location.search.includes('q=') && document.querySelector('[data-testid=search-results]')
            && document.querySelector('[data-testid=message-row]') && placeholdersInView() === 0, t0, 60000);
        return { ms, posts: posts() - p0, rows: document.querySelectorAll('[data-testid=message-row]').length };
        "#,
        vec![],
    )?;
    f.add("search.first_results_ms", v["ms"].as_f64().unwrap_or(f64::NAN));
    f.add("search.jmap_posts", v["posts"].as_f64().unwrap_or(f64::NAN));
    f.add("search.rows", v["rows"].as_f64().unwrap_or(f64::NAN));
    Ok(())
}

/// A new mail while the Inbox is open: delivered as an MTA does (Postfix to Cyrus, LMTP to
/// Stalwart), then — from the moment the server holds it — the JMAP requests the app makes
/// until its row is painted (the sync engine's round: the mail's and the folders' changes with
/// the changed objects, the list's changes with the added row and its conversation, in ONE
/// request), the JMAP method calls of those requests, and the time (on a push, or at the next
/// poll: Cyrus does not push).
///
/// The page watches for the row on its own clock from before the delivery, since a push may
/// paint it before the bench could see the server hold it. The server holds the mail: over LMTP
/// (Stalwart), when the delivery is answered (LMTP answers once the mail is stored); through
/// Postfix (Cyrus), when the bench first finds it over JMAP. The requests are counted from
/// then; over LMTP from the delivery's start (a push round may start before its answer is read).
pub fn new_mail(b: &Browser, tb: &facteur_testbed::Testbed, t: &Target, run: usize, f: &mut Figures) -> Result {
    b.click("[data-mailbox-role=inbox]")?;
    b.wait_until("location.pathname === '/mail/inbox'", "the inbox", SLOW)?;
    b.wait_for("[data-testid=message-row]", SLOW)?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis());
    // ASCII: the raw header goes through SMTP as it is.
    let subject = format!("Conseil de classe {stamp}-{run}");
    let raw = format!(
        "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: {to}\r\nSubject: {subject}\r\n\
         Message-ID: <bench-{stamp}-{run}@ac-cevennes.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: 8bit\r\n\r\nBonjour,\r\nle conseil est avancé à mardi.\r\n",
        to = t.email
    );
    // The page's clock: performance.now() = Date.now() - offset (Date.now() is this machine's clock).
    let offset = b
        .execute(
            r#"
            const subject = arguments[0];
            const watch = window.__benchNewMail = { shownAt: null };
            const shown = () => [...document.querySelectorAll('[data-testid=message-row] .subject')]
                .some(s => s.textContent.trim() === subject);
            const tick = () => {
              if (window.__benchNewMail !== watch) return;
              if (shown()) { requestAnimationFrame(() => setTimeout(() => { watch.shownAt = performance.now(); }, 0)); return; }
              requestAnimationFrame(tick);
            };
            tick();
            return Date.now() - performance.now();
            "#,
            vec![json!(subject)],
        )?
        .as_f64()
        .ok_or_else(|| Error::msg("no clock offset from the page"))?;
    let now_ms =
        || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let sent = now_ms();
    tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[t.email.as_str()])
        .map_err(|e| Error(format!("delivery: {e}")))?;
    let answered = now_ms();
    let jmap = facteur_testbed::jmap::Client::connect(&tb.jmap_url(), &t.email, &t.password)
        .map_err(|e| Error(format!("JMAP client: {e}")))?;
    let started = std::time::Instant::now();
    loop {
        let found = jmap.query_emails(json!({"subject": subject}), 1).map_err(|e| Error(e.to_string()))?;
        if !found.is_empty() {
            break;
        }
        if started.elapsed() > SLOW {
            return Err(Error(format!("the server never held the mail {subject:?}")));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let found = now_ms();
    let lmtp = tb.kind() == facteur_testbed::ServerKind::Stalwart;
    let (held, count_from) = if lmtp { (answered, sent) } else { (found, found) };
    let v = run_async(
        b,
        r#"
        const [held, from] = [arguments[0], arguments[1]];
        const watch = window.__benchNewMail;
        const t = performance.now();
        while (watch.shownAt === null) {
          if (performance.now() - t > 60000) throw new Error('the new mail was never shown');
          await new Promise(r => setTimeout(r, 10));
        }
        const made = window.__facteurBench.fetches.filter(x => x.method === 'POST' && x.url.includes('/jmap')
            && x.start >= from && x.start <= watch.shownAt);
        return { ms: watch.shownAt - held, posts: made.length, calls: made.reduce((n, x) => n + (x.calls || []).length, 0) };
        "#,
        vec![json!(held - offset), json!(count_from - offset)],
    )?;
    f.add("new_mail.shown_ms", v["ms"].as_f64().unwrap_or(f64::NAN));
    f.add("new_mail.jmap_posts", v["posts"].as_f64().unwrap_or(f64::NAN));
    f.add("new_mail.calls", v["calls"].as_f64().unwrap_or(f64::NAN));
    Ok(())
}

/// Opens the composer and times it (click → the To field editable with the focus; its code is
/// in by then, fetched after the first rows); with `send`, writes to the account itself and times the send: the request, and the moment the
/// message leaves (the 5 s of "Annuler l'envoi" over) → in Sent on the server.
pub fn compose(
    b: &Browser,
    tb: &facteur_testbed::Testbed,
    t: &Target,
    key: &str,
    send: bool,
    run: usize,
    f: &mut Figures,
) -> Result {
    let v = run_async(
        b,
        r#"
        const t0 = performance.now();
        document.querySelector('[data-action=compose]').click();
        const ms = await waitPaint(() => {
          const to = document.querySelector('[data-testid=composer] [id^=compose-to-]');
          return to && document.activeElement === to;
        }, t0, 60000);
        return { ms };
        "#,
        vec![],
    )?;
    f.add(key, v["ms"].as_f64().unwrap_or(f64::NAN));
    if !send {
        b.click("[data-testid=composer] [data-action=close-composer]")?;
        return Ok(());
    }
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis());
    let subject = format!("Mesure d'envoi {stamp}-{run}");
    b.send_keys("[data-testid=composer] [id^=compose-to-]", &format!("{}, ", t.email))?;
    b.send_keys("[data-testid=composer] [id^=compose-subject-]", &subject)?;
    b.send_keys("[data-testid=composer] textarea", "Bonjour,\n\nCeci est un **essai**.")?;
    let v = run_async(
        b,
        r#"
        const bench = window.__facteurBench;
        const f0 = bench.fetches.length;
        document.querySelector('[data-testid=composer] [data-action=send]').click();
        const sending = () => bench.fetches.slice(f0).find(x => (x.calls || []).includes('EmailSubmission/set'));
        const t = performance.now();
        while (!(sending() && sending().end !== null)) {
          if (performance.now() - t > 60000) throw new Error('the send request never came back');
          await new Promise(r => setTimeout(r, 10));
        }
        const s = sending();
        return { request: s.end - s.start, left: performance.timeOrigin + s.start };
        "#,
        vec![],
    )?;
    f.add("compose.send_request_ms", v["request"].as_f64().unwrap_or(f64::NAN));
    let left = v["left"].as_f64().unwrap_or(f64::NAN);
    let jmap = facteur_testbed::jmap::Client::connect(&tb.jmap_url(), &t.email, &t.password)
        .map_err(|e| Error(format!("JMAP client: {e}")))?;
    let sent = jmap
        .mailboxes()
        .map_err(|e| Error(e.to_string()))?
        .into_iter()
        .find(|m| m["role"] == "sent")
        .and_then(|m| m["id"].as_str().map(str::to_string))
        .ok_or_else(|| Error::msg("no Sent folder"))?;
    let started = std::time::Instant::now();
    loop {
        let found =
            jmap.query_emails(json!({"inMailbox": sent, "subject": subject}), 1).map_err(|e| Error(e.to_string()))?;
        if !found.is_empty() {
            break;
        }
        if started.elapsed() > SLOW {
            return Err(Error(format!("the sent message {subject:?} never reached Sent")));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let now_ms =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    f.add("compose.in_sent_ms", now_ms - left);
    Ok(())
}
