//! Login → inbox → logout against the real server and the seeded data, in French and English.

use facteur_browser_tests::flows::{sign_in, sign_in_per_message, submit_login, SIGN_IN};
use facteur_browser_tests::{axe, browser_tests, ensure, rows, seed, Ctx, Result, WAIT};

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";

/// A wrong password says so, in the browser's language, with the reset link, and opens nothing.
fn wrong_password_says_what_to_do(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    for (lang, words) in [("fr-FR", "Identifiant ou mot de passe incorrect"), ("en-US", "Wrong username or password")] {
        let b = ctx.browser_lang(lang)?;
        // The server refuses the password: the browser logs the answer.
        b.expect_console_error(
            "/jmap - Failed to load resource: the server responded with a status of 401 (Unauthorized)",
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

browser_tests!(
    wrong_password_says_what_to_do,
    empty_fields_are_explained,
    login_shows_the_seeded_inbox_then_logout_clears_everything,
    reload_asks_the_password_again,
    english_inbox_and_language_switch,
);
