//! Login → inbox → logout against the real server and the seeded data, in French and English;
//! what the page says when the server refuses the account, cannot be reached or fails (a
//! second app server of the test's own, stopped or in front of a server that is down), and
//! that nothing is kept then.

use facteur_browser_tests::flows::{sign_in, sign_in_per_message, submit_login, SIGN_IN};
use facteur_browser_tests::{
    axe, browser_tests, ensure, paths, rows, seed, Browser, BrowserOptions, Ctx, Result, WAIT,
};
use facteur_testbed::{ExtraApp, Front};
use std::rc::Rc;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";

/// A wrong password says so, in the browser's language, with the reset link, and opens nothing.
fn wrong_password_says_what_to_do(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    for (lang, words) in [("fr-FR", "Identifiant ou mot de passe incorrect"), ("en-US", "Wrong username or password")] {
        let b = ctx.browser_lang(lang)?;
        // The server refuses the password: the browser logs the answer.
        // (Cyrus answers at /jmap, Stalwart at /jmap/session.)
        b.expect_console_error(
            "/jmap* - Failed to load resource: the server responded with a status of 401 (Unauthorized)",
        );
        submit_login(&b, &app.account(CLAIRE)?.email, "definitely-not-the-password")?;
        b.wait_for("[role=alert][data-error]", SIGN_IN)?;
        let code = b.attr("[role=alert][data-error]", "data-error")?.unwrap_or_default();
        ensure!(code == "bad-credentials", "data-error should be bad-credentials, is {code:?}");
        let text = b.text("[role=alert][data-error]")?;
        ensure!(text.contains(words), "{lang}: the error should say {words:?}, says {text:?}");
        ensure!(b.exists("[role=alert] a[href*=mot-de-passe-oublie]")?, "{lang}: no reset-password link");
        ensure!(b.prop("#password", "value")?.as_deref() == Some(""), "the wrong password should be cleared");
        ensure!(!b.exists("#logout")?, "a failed login must not open the mailbox");
        axe::assert_accessible(&b, &format!("the login page with an error ({lang})"))?;
    }
    Ok(())
}

/// Empty fields are caught before anything is sent, next to the field.
fn empty_fields_are_explained(ctx: &Ctx) -> Result {
    let b = ctx.browser_lang("fr-FR")?;
    b.goto("/")?;
    b.wait_visible("#username", WAIT)?;
    b.click("button[type=submit]")?;
    b.wait_text("#username-error", "Saisissez votre identifiant", WAIT)?;
    ensure!(b.attr("#username", "aria-invalid")?.as_deref() == Some("true"), "username not marked invalid");
    Ok(())
}

/// The right password opens the inbox: the seeded subjects newest first, the unread count
/// of the seed, system folders in order with French names; logout leaves nothing behind.
fn login_shows_the_seeded_inbox_then_logout_clears_everything(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let inbox = seed::folder(&claire.email, "Inbox")?;
    let b = ctx.browser_lang("fr-FR")?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;

    let subjects = b.texts("[data-testid=message-row] .subject")?;
    let expected: Vec<&str> = inbox.iter().take(5).map(|m| m.subject.as_str()).collect();
    // Only the rows in view are in the page (virtual scrolling); the list counts them all.
    let shown = subjects.len();
    ensure!(shown >= 5 && shown <= inbox.len(), "{shown} rows in the page, {} in the seed", inbox.len());
    let setsize = b.attr("[data-testid=message-row][data-position='0']", "aria-setsize")?.unwrap_or_default();
    ensure!(setsize == inbox.len().to_string(), "the list counts {setsize} rows, {} in the seed", inbox.len());
    ensure!(
        subjects.iter().take(5).map(String::as_str).eq(expected.iter().copied()),
        "newest subjects differ:\n app:  {:?}\n seed: {expected:?}",
        &subjects[..5.min(subjects.len())]
    );
    let unread_seed = inbox.iter().filter(|m| m.unread).count();
    ensure!(
        rows::badge(&b, "inbox")? == unread_seed,
        "inbox badge {} ≠ seed unread {unread_seed}",
        rows::badge(&b, "inbox")?
    );
    let unread_rows = b.count("[data-testid=message-row].unread")?;
    let unread_in_page = inbox.iter().take(shown).filter(|m| m.unread).count();
    ensure!(unread_rows == unread_in_page, "{unread_rows} unread rows, seed says {unread_in_page}");
    let flagged_rows = b.count("[data-testid=message-row] .flag")?;
    ensure!(flagged_rows == inbox.iter().take(shown).filter(|m| m.flagged).count(), "flag marks differ from the seed");

    let folders = b.texts(".folder-list a .folder-name")?;
    ensure!(
        folders.iter().take(6).map(String::as_str).eq([
            "Boîte de réception",
            "Brouillons",
            "Envoyés",
            "Archives",
            "Indésirables",
            "Corbeille"
        ]),
        "system folders not in order / not in French: {folders:?}"
    );
    ensure!(folders.iter().any(|f| f == "2nde B"), "the nested own folder is missing: {folders:?}");
    ensure!(b.text("h1")? == "Boîte de réception", "the list title should be the folder name");
    axe::assert_accessible(&b, "the inbox (desktop, fr)")?;

    b.click("#logout")?;
    b.wait_visible("#username", WAIT)?;
    b.wait_text("[role=status]", "Vous êtes déconnecté", WAIT)?;
    b.assert_storage_empty(&[])?;
    b.back()?;
    b.wait_visible("#username", WAIT)?;
    ensure!(!b.exists("[data-testid=message-row]")?, "back after logout must not show mail");
    Ok(())
}

/// A reload keeps the username (this tab only) but never the password.
fn reload_asks_the_password_again(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("en-US")?;
    sign_in(&b, &claire.email, &claire.password)?;
    // Open a conversation in another folder: its address must come back after the reload.
    b.click("[data-mailbox-role=sent]")?;
    b.wait_until("location.pathname === '/mail/sent'", "the Sent folder", WAIT)?;
    b.wait_for("[data-testid=message-row] a", WAIT)?;
    b.click("[data-testid=message-row] a")?;
    b.wait_for("[data-testid=conversation] .message-open", WAIT)?;
    let address = b.eval("location.pathname")?.as_str().unwrap_or_default().to_string();
    b.refresh()?;
    b.wait_visible("#username", WAIT)?;
    ensure!(b.prop("#username", "value")?.as_deref() == Some(claire.email.as_str()), "username not kept");
    ensure!(b.prop("#password", "value")?.as_deref() == Some(""), "password must not be kept");
    let report = b.storage()?;
    let dump = format!("{report:?}");
    ensure!(!dump.contains(&claire.password), "the password is in browser storage: {dump}");
    b.wait_text(".notice", "enter it again", WAIT)?;
    b.fill("#password", &claire.password)?;
    b.click("button[type=submit]")?;
    b.wait_for("[data-testid=conversation] .message-open", SIGN_IN)?;
    ensure!(b.eval("location.pathname")?.as_str() == Some(address.as_str()), "the view was not restored: {address}");
    Ok(())
}

/// English works too, and the language switch changes the whole screen.
fn english_inbox_and_language_switch(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("en-US")?;
    sign_in(&b, &claire.email, &claire.password)?;
    ensure!(b.text("h1")? == "Inbox", "English folder name expected");
    axe::assert_accessible(&b, "the inbox (desktop, en)")?;
    b.click("#language-switch")?;
    b.wait_text("h1", "Boîte de réception", WAIT)?;
    b.wait_text("#logout", "Se déconnecter", WAIT)?;
    ensure!(b.attr("html", "lang")?.as_deref() == Some("fr"), "<html lang> should follow the language");
    b.screenshots_desktop_phone("inbox", |b| b.wait_for("[data-testid=message-row]", WAIT))?;
    b.set_window(390, 844)?;
    axe::assert_accessible(&b, "the inbox (phone, fr)")?;
    b.click("#logout")?;
    b.wait_visible("#username", WAIT)?;
    b.screenshots_desktop_phone("login", |b| b.wait_visible("#username", WAIT))?;
    Ok(())
}

/// A browser in `lang` on the login page of `app` (an app origin), the form filled in.
fn filled_login(ctx: &Ctx, app: &str, lang: &str, email: &str, password: &str) -> Result<Rc<Browser>> {
    let b =
        ctx.browser_with(BrowserOptions { lang: lang.into(), base_url: Some(app.to_string()), ..Default::default() })?;
    b.goto("/")?;
    b.wait_visible("#username", WAIT)?;
    b.fill("#username", email)?;
    b.fill("#password", password)?;
    Ok(b)
}

/// After a refused sign-in: the failure `code` is said with `words`, the mailbox is not open,
/// the browser keeps nothing, and (unless the password was wrong) the form keeps what was
/// typed so that the user only has to try again.
fn refused_with(b: &Browser, code: &str, words: &str, email: &str, password: &str) -> Result {
    b.wait_for("[role=alert][data-error]", SIGN_IN)?;
    let shown = b.attr("[role=alert][data-error]", "data-error")?.unwrap_or_default();
    ensure!(shown == code, "{}: data-error should be {code:?}, is {shown:?}", b.lang());
    let text = b.text("[role=alert][data-error]")?;
    ensure!(text.contains(words), "{}: the message should say {words:?}, says {text:?}", b.lang());
    ensure!(!b.exists("#logout")?, "a failed sign-in must not open the mailbox");
    ensure!(b.prop("#username", "value")?.as_deref() == Some(email), "the username was lost");
    let kept = if code == "bad-credentials" { "" } else { password };
    ensure!(b.prop("#password", "value")?.as_deref() == Some(kept), "{code}: the password field should hold {kept:?}");
    b.assert_storage_empty(&[])?;
    Ok(())
}

/// An account the administrator locked (Cyrus's `cyr_deny`; Stalwart: its `authenticate`
/// permission taken away; the password still right): the mailbox does not open and the browser
/// keeps nothing; once unlocked, the same form opens it. Cyrus 3.6 answers a locked account
/// exactly as a wrong password (401, same body and headers), so the page can only say that the
/// username or password was refused; Stalwart answers 403, and the page says the account is
/// locked (see `facteur_kit::login`).
fn locked_account_opens_nothing_and_keeps_nothing(ctx: &Ctx) -> Result {
    const PASSWORD: &str = "Verrou-2026-Essai";
    let app = ctx.app()?;
    let locked = ctx.with_testbed(|tb| tb.add_account("compte.verrouille@ac-cevennes.fr", PASSWORD))??;
    ctx.with_testbed(|tb| tb.deny_access(&locked.email, true))??;
    let unlock = Unlock(&locked.email);
    let (code, said) = match app.server {
        facteur_testbed::ServerKind::Cyrus => (
            "bad-credentials",
            [("fr-FR", "Identifiant ou mot de passe incorrect"), ("en-US", "Wrong username or password")],
        ),
        facteur_testbed::ServerKind::Stalwart => (
            "locked",
            [("fr-FR", "Votre compte est temporairement bloqué"), ("en-US", "Your account is temporarily locked")],
        ),
    };
    for (lang, words) in said {
        let b = filled_login(ctx, &app.url, lang, &locked.email, PASSWORD)?;
        b.expect_console_error("401 (Unauthorized)");
        b.expect_console_error("403 (Forbidden)");
        b.click("button[type=submit]")?;
        refused_with(&b, code, words, &locked.email, PASSWORD)?;
    }
    drop(unlock);
    let b = filled_login(ctx, &app.url, "fr-FR", &locked.email, PASSWORD)?;
    b.click("button[type=submit]")?;
    b.wait_for("#logout", SIGN_IN)?;
    Ok(())
}

/// Too many failed sign-ins from one address (a shared computer in a lecture hall, or someone
/// guessing): the server refuses that address for a while (Stalwart: 429, then a ban), and the
/// page says the account is locked for now and whom to call, in both languages, keeping
/// nothing; the same password still opens the mailbox from another address. The browsers come
/// through a front of their own that the server sees as 127.0.0.2 (it never bans 127.0.0.1).
fn too_many_failed_sign_ins_lock_the_address(ctx: &Ctx) -> Result {
    // An account of its own: the failures count against the login too.
    let claire = ctx.with_testbed(|tb| tb.add_account("compte.essais@ac-cevennes.fr", "Essais-2026-Bonjour"))??;
    let dist = paths::dist_dir()?;
    let seen_as = Front { clients_seen_as: Some([127, 0, 0, 2].into()), ..Default::default() };
    let front = ctx.with_testbed(|tb| tb.extra_app_server_with(&dist, &tb.jmap_url(), 0, seen_as))??;
    // Wrong passwords from that address until the server bans it (429 first: too many
    // requests; then 403: the address is banned, even with the right password).
    let agent = facteur_testbed::jmap::agent();
    let wrong = facteur_testbed::jmap::basic(&claire.email, "pas-le-bon-mot-de-passe");
    let url = format!("{}/jmap/session", front.url);
    let mut refused = None;
    for attempt in 1..=300 {
        let a = facteur_testbed::jmap::http(&agent, "GET", &url, &[("Authorization", &wrong)], None)
            .map_err(|e| e.to_string())?;
        ensure!([401, 429, 403].contains(&a.status), "a wrong password answered {} {}", a.status, a.text());
        if a.status == 403 {
            refused = Some((attempt, a.status));
            break;
        }
    }
    let (attempts, status) = refused.ok_or("300 wrong passwords and the server has not banned the address")?;
    eprintln!("the server refused the address after {attempts} wrong passwords ({status})");
    for (lang, words) in
        [("fr-FR", "Votre compte est temporairement bloqué"), ("en-US", "Your account is temporarily locked")]
    {
        let b = filled_login(ctx, &front.url, lang, &claire.email, &claire.password)?;
        b.expect_console_error("429 (Too Many Requests)");
        b.expect_console_error("403 (Forbidden)");
        b.click("button[type=submit]")?;
        refused_with(&b, "locked", words, &claire.email, &claire.password)?;
        axe::assert_accessible(&b, &format!("the login page, address locked ({lang})"))?;
    }
    // The server refuses that address, not the account.
    let b = filled_login(ctx, &ctx.app()?.url, "fr-FR", &claire.email, &claire.password)?;
    b.click("button[type=submit]")?;
    // (An account of its own: its inbox is empty.)
    b.wait_for("#logout", SIGN_IN)?;
    b.wait_text("#list-title", "Boîte de réception", WAIT)?;
    b.goto("about:blank")?;
    Ok(())
}

/// Honest capabilities: once signed in, the app knows which capabilities the session lists
/// but the server does not answer (Stalwart lists calendars and contacts and answers their
/// methods `unknownMethod`): exactly those whose `/get` the server refuses so, asked here.
fn capabilities_the_server_does_not_answer_are_absent(ctx: &Ctx) -> Result {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    sign_in(&b, &claire.email, &claire.password)?;
    b.wait_until("document.documentElement.hasAttribute('data-absent-capabilities')", "the capabilities asked", WAIT)?;
    let said = b.eval("document.documentElement.dataset.absentCapabilities")?;
    let mut said: Vec<String> = said.as_str().unwrap_or("").split_whitespace().map(str::to_string).collect();
    said.sort();
    let c = facteur_browser_tests::server::client(ctx, CLAIRE)?;
    let mut absent = Vec::new();
    for (capability, method) in facteur_jmap::probe::PROBES {
        if c.session["capabilities"].get(capability).is_none() {
            continue;
        }
        let r = c
            .call(&[capability], serde_json::json!([[method, {"accountId": c.account_id, "ids": []}, "p"]]))
            .map_err(|e| e.to_string())?;
        if r[0][0] == "error" && r[0][1]["type"] == "unknownMethod" {
            absent.push(capability.to_string());
        }
    }
    absent.sort();
    ensure!(said == absent, "the app takes {said:?} as absent, the server does not answer {absent:?}");
    if ctx.app()?.server == facteur_testbed::ServerKind::Stalwart {
        ensure!(absent.len() == 2, "this Stalwart answers calendars and contacts now: {absent:?}");
    }
    Ok(())
}

/// Gives a locked account back its access when the test ends, passed or not.
struct Unlock<'a>(&'a str);

impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        let done = facteur_browser_tests::runner::with_testbed(|tb| tb.deny_access(self.0, false));
        if !matches!(done, Ok(Ok(()))) {
            eprintln!("could not unlock {}: {done:?}", self.0);
        }
    }
}

/// An app server of the test's own in front of the real Cyrus (`backend`: the Cyrus address,
/// or one where nothing answers).
fn own_front(ctx: &Ctx, backend: Option<&str>, port: u16) -> Result<ExtraApp> {
    let dist = paths::dist_dir()?;
    Ok(ctx.with_testbed(|tb| tb.extra_app_server(&dist, backend.unwrap_or(&tb.jmap_url()), port))??)
}

/// Waits for the inbox, then leaves the app (before the test's own servers stop, so that the
/// app's next requests do not find them gone).
fn signed_in_then_left(b: &Browser) -> Result {
    b.wait_for("#logout", SIGN_IN)?;
    b.wait_for("[data-testid=message-row]", SIGN_IN)?;
    b.goto("about:blank")
}

/// The server cannot be reached (its address refuses connections): said in words in both
/// languages, nothing kept, the form as typed; when the server answers again, the same form
/// signs in.
fn unreachable_server_is_said_and_nothing_is_kept(ctx: &Ctx) -> Result {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    for (lang, words) in
        [("fr-FR", "Le serveur de messagerie ne répond pas"), ("en-US", "The mail server does not answer")]
    {
        let mut front = own_front(ctx, None, 0)?;
        let b = filled_login(ctx, &front.url, lang, &claire.email, &claire.password)?;
        front.stop();
        b.expect_console_error("ERR_CONNECTION_REFUSED");
        // The service worker's part, fetched once the form shows, cannot come either.
        b.expect_console_error("__wasm_split-*.js * TypeError: Failed to fetch");
        b.click("button[type=submit]")?;
        refused_with(&b, "unreachable", words, &claire.email, &claire.password)?;
        axe::assert_accessible(&b, &format!("the login page, server unreachable ({lang})"))?;
        let _back = own_front(ctx, None, front.port)?;
        b.click("button[type=submit]")?;
        signed_in_then_left(&b)?;
    }
    Ok(())
}

/// The mail server is down behind the web server, which answers 502: "the mail server has
/// a problem, not your fault", in both languages, nothing kept, the form as typed; once the
/// mail server answers at that address, the same form signs in.
fn failing_server_is_said_and_nothing_is_kept(ctx: &Ctx) -> Result {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    for (lang, words) in
        [("fr-FR", "Le serveur de messagerie rencontre un problème"), ("en-US", "The mail server has a problem")]
    {
        let down = facteur_testbed::free_port()?;
        let front = own_front(ctx, Some(&format!("http://127.0.0.1:{down}")), 0)?;
        let b = filled_login(ctx, &front.url, lang, &claire.email, &claire.password)?;
        b.expect_console_error("502 (Bad Gateway)");
        b.click("button[type=submit]")?;
        refused_with(&b, "server", words, &claire.email, &claire.password)?;
        // The mail server comes back at that address (a second proxy there, to Cyrus).
        let _back = own_front(ctx, None, down)?;
        b.click("button[type=submit]")?;
        signed_in_then_left(&b)?;
    }
    Ok(())
}

browser_tests!(
    wrong_password_says_what_to_do,
    empty_fields_are_explained,
    login_shows_the_seeded_inbox_then_logout_clears_everything,
    reload_asks_the_password_again,
    english_inbox_and_language_switch,
    locked_account_opens_nothing_and_keeps_nothing,
    unreachable_server_is_said_and_nothing_is_kept,
    failing_server_is_said_and_nothing_is_kept,
    capabilities_the_server_does_not_answer_are_absent,
    #[needs(LoginBans)]
    too_many_failed_sign_ins_lock_the_address,
);
