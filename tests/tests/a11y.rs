//! Accessibility (RGAA: no serious or critical axe-core violation on any screen) of the
//! screens the other suites do not check: signed out, an unknown address, an empty folder, a
//! search without results, error toasts (a folder name the server refuses; a change whose
//! answer never comes), and the inbox reflowed at 320 CSS px (WCAG 1.4.10: no horizontal
//! scrolling of the page, nothing pushed off the screen, the main controls on screen and
//! working). Each screen is first asserted to be that screen (its words, its elements), then
//! axe runs on desktop (1280×800) and phone (390×844), in French and English; screenshots go
//! to `target/screenshots/a11y-*.png`.

use facteur_browser_tests::flows::{sign_in, SIGN_IN};
use facteur_browser_tests::{axe, browser_tests, ensure, seed, Browser, Ctx, Key, Result, DESKTOP, PHONE, WAIT};
use facteur_testbed::jmap::Client;
use serde_json::json;
use std::rc::Rc;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
/// A folder the test makes for Claire on the server, without mail.
const EMPTY_FOLDER: &str = "Conseils de classe du 3e trimestre";
/// The width WCAG 1.4.10 asks content to reflow to (1280 px at 400 % zoom).
const REFLOW: (u32, u32) = (320, 640);

/// A JMAP client of Claire's account, to see what the server holds.
fn server(ctx: &Ctx) -> Result<Client> {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?;
    Ok(Client::connect(&app.url, &claire.email, &claire.password).map_err(|e| format!("JMAP: {e}"))?)
}

/// Claire's folder named `name` on the server, if any.
fn folder_on_server(jmap: &Client, name: &str) -> Result<Option<serde_json::Value>> {
    Ok(jmap.mailboxes().map_err(|e| format!("JMAP: {e}"))?.into_iter().find(|m| m["name"] == name))
}

fn signed_in(ctx: &Ctx, lang: &str) -> Result<Rc<Browser>> {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    let b = ctx.browser_lang(lang)?;
    sign_in(&b, &claire.email, &claire.password)?;
    Ok(b)
}

/// Resizes the viewport and waits until the page has laid itself out again.
fn resize(b: &Browser, (w, h): (u32, u32)) -> Result {
    b.set_window(w, h)?;
    ensure!(b.viewport()? == (w, h), "the viewport should be {w}×{h}, is {:?}", b.viewport()?);
    b.execute_async(
        "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        vec![],
    )?;
    Ok(())
}

/// On desktop then phone: `is_the_screen` asserts the page still is the screen under test,
/// axe checks it, a screenshot `a11y-<name>-<desktop|phone>.png` is saved.
fn check_desktop_and_phone(b: &Browser, name: &str, is_the_screen: impl Fn(&Browser) -> Result) -> Result {
    for (size, viewport) in [("desktop", DESKTOP), ("phone", PHONE)] {
        resize(b, viewport)?;
        is_the_screen(b)?;
        axe::assert_accessible(b, &format!("{name} ({size}, {})", b.lang()))?;
        b.save_screenshot(&format!("a11y-{name}-{size}"))?;
    }
    Ok(())
}

/// Signing out shows the login page saying so, in both languages and both sizes.
fn signed_out_after_logout(ctx: &Ctx) -> Result {
    for (lang, said, title) in [
        ("fr-FR", "Vous êtes déconnecté", "Connexion à votre messagerie"),
        ("en-US", "You are signed out", "Sign in to your mail"),
    ] {
        let b = signed_in(ctx, lang)?;
        b.click("#logout")?;
        check_desktop_and_phone(&b, &format!("signed-out-{lang}"), |b| {
            b.wait_visible("#username", WAIT)?;
            b.wait_text("[role=status]", said, WAIT)?;
            ensure!(b.text("h1")? == title, "{lang}: the login title should be {title:?}, is {:?}", b.text("h1")?);
            ensure!(!b.exists("#logout")? && !b.exists("[data-testid=message-row]")?, "{lang}: mail still shown");
            ensure!(b.eval("location.pathname")? == "/login", "{lang}: not on /login");
            Ok(())
        })?;
    }
    Ok(())
}

/// An address that leads nowhere says so, with a link to the mail (the login page when
/// signed out); the address of a folder that does not exist says so once signed in (the login
/// page keeps it as the `next` address).
fn unknown_addresses(ctx: &Ctx) -> Result {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("en-US")?;
    b.goto("/nowhere/at/all")?;
    check_desktop_and_phone(&b, "not-found", |b| {
        b.wait_text("[data-testid=not-found] h1", "Page not found", WAIT)?;
        b.wait_text("[data-testid=not-found]", "This address leads to no page of your mail", WAIT)?;
        ensure!(b.eval("location.pathname")? == "/nowhere/at/all", "the address changed");
        Ok(())
    })?;
    b.click("[data-testid=not-found] a[href='/mail/inbox']")?;
    b.wait_visible("#username", WAIT)?;
    b.wait_text("h1", "Sign in to your mail", WAIT)?;

    let b = ctx.browser_lang("fr-FR")?;
    b.goto("/mail/dossier-disparu")?;
    b.wait_until("location.search.includes('next=')", "the login page keeping the address", WAIT)?;
    b.wait_visible("#username", WAIT)?;
    b.fill("#username", &claire.email)?;
    b.fill("#password", &claire.password)?;
    b.click("button[type=submit]")?;
    b.wait_for("#logout", SIGN_IN)?;
    check_desktop_and_phone(&b, "folder-not-found", |b| {
        b.wait_text(".list-pane", "Ce dossier n'existe pas ou plus.", SIGN_IN)?;
        b.wait_text("h1", "Dossier introuvable", WAIT)?;
        ensure!(b.eval("location.pathname")? == "/mail/dossier-disparu", "the address was not kept");
        ensure!(!b.exists("[data-testid=message-row]")?, "rows shown for a folder that does not exist");
        Ok(())
    })
}

/// A folder without mail says so (made on the server for the test, and seen empty there).
fn empty_folder(ctx: &Ctx) -> Result {
    let jmap = server(ctx)?;
    let made = jmap
        .call_ok(
            &[],
            json!([["Mailbox/set", {"accountId": jmap.account_id, "create": {"f": {"name": EMPTY_FOLDER}}}, "s"]]),
        )
        .map_err(|e| format!("JMAP: {e}"))?;
    let id = made[0][1]["created"]["f"]["id"].as_str().ok_or(format!("folder not made: {made}"))?.to_string();
    let on_server = folder_on_server(&jmap, EMPTY_FOLDER)?;
    ensure!(
        on_server.is_some_and(|m| m["id"] == id.as_str() && m["totalEmails"] == 0),
        "the new folder should be empty on the server"
    );
    let b = signed_in(ctx, "fr-FR")?;
    b.click(&format!(".folder-list a[data-folder-name={EMPTY_FOLDER:?}]"))?;
    check_desktop_and_phone(&b, "empty-folder", |b| {
        b.wait_text("h1", EMPTY_FOLDER, WAIT)?;
        b.wait_text(".list-pane .empty", "Aucun message dans ce dossier.", WAIT)?;
        b.wait_text(".list-title .count", "0 message", WAIT)?;
        ensure!(b.eval("location.pathname")? == format!("/mail/{id}").as_str(), "not the new folder's address");
        ensure!(!b.exists("[data-testid=message-row]")?, "rows in an empty folder");
        Ok(())
    })
}

/// A search that finds nothing says so (no seed mail mentions the word, in any folder).
fn search_without_results(ctx: &Ctx) -> Result {
    let word = "xylophonique";
    let mentioned = seed::all_folders(CLAIRE)?.into_iter().any(|(_, mails)| mails.iter().any(|m| m.mentions(word)));
    ensure!(!mentioned, "a seed mail mentions {word:?}");
    let b = signed_in(ctx, "en-US")?;
    b.fill("#search-input", word)?;
    b.send_keys("#search-input", &Key::Enter.to_string())?;
    check_desktop_and_phone(&b, "search-no-results", |b| {
        b.wait_until("location.search.includes('q=xylophonique')", "the search in the address", WAIT)?;
        b.wait_for("[data-testid=search-results]", WAIT)?;
        b.wait_text("[data-testid=no-results]", "No message matches your search.", WAIT)?;
        ensure!(!b.exists("[data-testid=message-row]")?, "rows shown for a search that finds nothing");
        ensure!(b.prop("#search-input", "value")?.as_deref() == Some(word), "the field lost the search");
        Ok(())
    })
}

/// Toasts hide themselves after 8 s: the test holds every timer of 5 s or more until
/// [`release_timers`], so that axe sees the toast however slow the machine is.
fn hold_long_timers(b: &Browser) -> Result {
    b.execute(
        "window.__heldTimers = []; const real = window.setTimeout.bind(window); \
         window.setTimeout = (f, ms, ...args) => (ms >= 5000 && typeof f === 'function') \
           ? (window.__heldTimers.push(() => f(...args)), 0) : real(f, ms, ...args);",
        vec![],
    )?;
    Ok(())
}

/// Runs the held timers (the toasts go away).
fn release_timers(b: &Browser) -> Result {
    b.execute("window.__heldTimers.splice(0).forEach(f => f());", vec![])?;
    Ok(())
}

/// Opens the new-folder dialog, types `name` and submits it.
fn create_folder(b: &Browser, name: &str) -> Result {
    b.click("#new-folder")?;
    // The form is a part of the app of its own: the focus goes to its field once it is in.
    b.wait_until("document.activeElement?.id === 'folder-name'", "the new-folder form", WAIT)?;
    b.fill("#folder-name", name)?;
    b.click("[data-action=folder-submit]")?;
    b.wait_until("!document.querySelector('[data-testid=folder-dialog]').open", "the dialog closes", WAIT)
}

/// After [`create_folder`] failed, on desktop and phone: an error toast says `said`, `name` is
/// taken back off the folder list, and the inbox (`title`) is still there behind the toast.
fn check_failed_creation(b: &Browser, shot: &str, name: &str, said: &str, title: &str) -> Result {
    let gone = format!("![...document.querySelectorAll('.folder-name')].some(n => n.textContent === {name:?})");
    check_desktop_and_phone(b, shot, |b| {
        b.wait_text("[data-testid=toast].error", said, WAIT)?;
        b.wait_until(&gone, "the folder taken back off the list", WAIT)?;
        b.wait_text("h1", title, WAIT)?;
        ensure!(b.exists("[data-testid=message-row]")?, "the inbox's rows went away behind the error");
        Ok(())
    })
}

/// Error toasts: a folder name the server refuses (Cyrus refuses "%"), in French: the name
/// comes back off the folder list, the inbox stays in view. A folder created while the server
/// cannot be reached, in English: it stays in the list while the banner says so, and is
/// created once the server is back.
fn error_toasts(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    hold_long_timers(&b)?;
    let name = "Remise 50 %";
    create_folder(&b, name)?;
    let said = format!(
        "Le dossier « {name} » n'a pas pu être modifié : le serveur n'accepte pas certains caractères de ce nom"
    );
    check_failed_creation(&b, "error-toast-refused", name, &said, "Boîte de réception")?;
    release_timers(&b)?;
    b.wait_gone("[data-testid=toast]", WAIT)?;
    ensure!(folder_on_server(&server(ctx)?, name)?.is_none(), "the refused folder is on the server");

    let b = signed_in(ctx, "en-US")?;
    b.wait_for("#new-folder", WAIT)?;
    hold_long_timers(&b)?;
    b.expect_console_error("/jmap* - Failed to load resource: net::ERR_BLOCKED_BY_CLIENT");
    b.block_urls(&["*/jmap*"])?;
    let name = "Trip to Berlin";
    create_folder(&b, name)?;
    // A pending change: the folder stays shown, the banner says the server cannot be reached,
    // and the creation is sent once it can ("Retry").
    let shown = format!("[...document.querySelectorAll('.folder-name')].some(n => n.textContent === {name:?})");
    check_desktop_and_phone(&b, "offline-pending-folder", |b| {
        b.wait_visible(".offline-banner", WAIT)?;
        b.wait_until(&shown, "the folder asked for stays in the list", WAIT)?;
        b.wait_text("h1", "Inbox", WAIT)?;
        ensure!(b.exists("[data-testid=message-row]")?, "the inbox's rows went away behind the banner");
        Ok(())
    })?;
    let jmap = server(ctx)?;
    ensure!(folder_on_server(&jmap, name)?.is_none(), "the folder reached the server through a blocked network");
    b.block_urls(&[])?;
    b.click(".offline-banner button")?;
    b.wait_gone(".offline-banner", WAIT)?;
    let mut created = None;
    facteur_browser_tests::server::eventually("the folder created once the server is back", WAIT, || {
        created = folder_on_server(&jmap, name)?;
        Ok(created.is_some())
    })?;
    // Claire's folders as they were, for the other tests.
    let id = created.and_then(|m| m["id"].as_str().map(str::to_string)).unwrap_or_default();
    jmap.call_ok(&[], serde_json::json!([["Mailbox/set", {"accountId": jmap.account_id, "destroy": [id]}, "d"]]))
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// What pushes the page wider than the viewport or sits (partly) off the screen at the
/// current width: `tag#id.class` and its horizontal extent, for every rendered element
/// wider than 1 px (visually hidden texts are 1 px) not inside a scrolling box.
const OFF_SCREEN_JS: &str = r#"
const vw = window.innerWidth, out = [];
const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1 || getComputedStyle(e).visibility === 'hidden') continue;
  if (e.classList.contains('skip-link') && document.activeElement !== e) continue;
  if ((r.right > vw + 0.5 || r.left < -0.5) && !scrolls(e)) {
    out.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
  }
}
return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, off: out.slice(0, 12) };
"#;

/// WCAG 1.4.10 at the current width: the page does not scroll sideways and nothing is
/// pushed off the screen.
fn assert_reflows(b: &Browser, what: &str) -> Result {
    let v = b.execute(OFF_SCREEN_JS, vec![])?;
    let (scroll, inner) = (v["scrollWidth"].as_u64().unwrap_or(u64::MAX), v["innerWidth"].as_u64().unwrap_or(0));
    let off = v["off"].as_array().cloned().unwrap_or_default();
    ensure!(
        scroll <= inner && off.is_empty(),
        "{what}: at {inner} px the page is {scroll} px wide (it must not scroll sideways); off the screen: {off:?}"
    );
    Ok(())
}

/// Every control matching `css` is on the screen whole and is what a tap at its centre reaches.
const REACHABLE_JS: &str = r#"
const all = [...document.querySelectorAll(arguments[0])];
if (all.length === 0) return 'missing';
for (const e of all) {
  const r = e.getBoundingClientRect(), name = (e.innerText || e.getAttribute('aria-label') || e.id || '').trim();
  if (r.width < 1 || r.height < 1) return `${name}: not rendered`;
  if (r.left < -0.5 || r.right > window.innerWidth + 0.5) return `${name}: off the screen [${Math.round(r.left)}, ${Math.round(r.right)}]`;
  // Scrolling down to it is fine (it is scrolling sideways that 1.4.10 rules out).
  e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const s = e.getBoundingClientRect();
  if (s.left !== r.left) return `${name}: reached only by scrolling sideways`;
  const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
  if (!hit || (hit !== e && !e.contains(hit))) return `${name}: covered by ${hit ? hit.outerHTML.slice(0, 120) : 'nothing'}`;
}
return 'ok';
"#;

fn assert_reachable(b: &Browser, controls: &[&str], what: &str) -> Result {
    for css in controls {
        let v = b.execute(REACHABLE_JS, vec![json!(css)])?;
        ensure!(v == "ok", "{what}: `{css}` is not reachable at {:?}: {v}", b.viewport()?);
    }
    Ok(())
}

/// At the current (narrow) width: [`assert_reflows`], `controls` reachable, axe, and a
/// screenshot `a11y-reflow-<shot>.png`.
fn check_reflowed(b: &Browser, what: &str, controls: &[&str], shot: &str) -> Result {
    assert_reflows(b, what)?;
    assert_reachable(b, controls, what)?;
    axe::assert_accessible(b, &format!("{what} at {} px", b.viewport()?.0))?;
    b.save_screenshot(&format!("a11y-reflow-{shot}"))?;
    Ok(())
}

/// The inbox at 320 CSS px (WCAG 1.4.10), in French and English: no sideways scrolling, the
/// top bar's controls, the list's and a row on the screen; the advanced search's fields, the
/// selection bar's actions, the folder menu (which leads to another folder) and a
/// conversation's actions (it leads back) too.
fn inbox_reflows_at_320_px(ctx: &Ctx) -> Result {
    for (lang, inbox, sent) in [("fr-FR", "Boîte de réception", "Envoyés"), ("en-US", "Inbox", "Sent")] {
        let b = signed_in(ctx, lang)?;
        resize(&b, REFLOW)?;
        b.wait_text("h1", inbox, WAIT)?;
        b.wait_visible("[data-testid=message-row]", WAIT)?;
        check_reflowed(
            &b,
            &format!("the inbox ({lang})"),
            &[
                ".menu-button",
                "#search-input",
                "#language-switch",
                "#logout",
                "#threads-toggle",
                "[data-testid=message-row] .row-link",
            ],
            &format!("inbox-{lang}"),
        )?;

        b.click("#search-options")?;
        b.wait_visible("#search-subject", WAIT)?;
        let fields = "#search-advanced input, #search-advanced select, #search-advanced button";
        check_reflowed(&b, &format!("the advanced search ({lang})"), &[fields], &format!("search-{lang}"))?;
        b.send_keys("#search-subject", &Key::Escape.to_string())?;
        b.wait_until("document.querySelector('#search-advanced').hidden", "Escape closes the panel", WAIT)?;

        b.click("[data-testid=message-row] .row-select")?;
        b.wait_visible("[data-testid=selection-bar] [data-action=bulk-archive]", WAIT)?;
        let bar = "[data-testid=selection-bar] [data-action]";
        check_reflowed(&b, &format!("the selection bar ({lang})"), &[bar], &format!("selection-{lang}"))?;
        b.click("[data-testid=selection-bar] [data-action=bulk-clear]")?;
        b.wait_gone("[data-testid=selection-bar] [data-action=bulk-archive]", WAIT)?;

        b.click(".menu-button")?;
        let sent_link = "#folders [data-mailbox-role=sent]";
        b.wait_visible(sent_link, WAIT)?;
        let folders = ["#new-folder", "#folders [data-mailbox-role=inbox]", sent_link];
        check_reflowed(&b, &format!("the folder menu ({lang})"), &folders, &format!("folders-{lang}"))?;
        b.click(sent_link)?;
        b.wait_text("h1", sent, WAIT)?;
        b.wait_gone(".shell.menu-open", WAIT)?;

        // The folder's name comes before its rows.
        b.wait_visible("[data-testid=message-row] .row-link", WAIT)?;
        b.click("[data-testid=message-row] .row-link")?;
        b.wait_visible("[data-testid=conversation] .message-open", WAIT)?;
        let actions = [".back-link", "[data-testid=conversation] .toolbar > .button[data-action]"];
        check_reflowed(&b, &format!("a conversation ({lang})"), &actions, &format!("conversation-{lang}"))?;
        b.click(".back-link")?;
        b.wait_visible("[data-testid=message-row]", WAIT)?;
        b.wait_text("h1", sent, WAIT)?;
    }
    Ok(())
}

browser_tests!(
    signed_out_after_logout,
    unknown_addresses,
    empty_folder,
    search_without_results,
    error_toasts,
    inbox_reflows_at_320_px,
);
