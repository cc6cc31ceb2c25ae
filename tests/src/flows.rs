//! Steps many app tests share, and the console messages that some of them provoke on purpose.

use crate::{Browser, Result, WAIT};
use std::time::Duration;

/// How long signing in and showing the first page may take in a test.
pub const SIGN_IN: Duration = Duration::from_secs(30);

/// Opens the app, fills the login form and submits it (does not wait for the outcome).
pub fn submit_login(b: &Browser, email: &str, password: &str) -> Result {
    b.goto("/")?;
    b.wait_visible("#username", WAIT)?;
    b.fill("#username", email)?;
    b.fill("#password", password)?;
    b.click("button[type=submit]")?;
    Ok(())
}

/// Signs in and waits for the first message rows of the inbox.
pub fn sign_in(b: &Browser, email: &str, password: &str) -> Result {
    submit_login(b, email, password)?;
    b.wait_for("#logout", SIGN_IN)?;
    b.wait_for("[data-testid=message-row]", SIGN_IN)?;
    // The search form is a part of the app of its own, fetched once the first rows are shown.
    b.wait_for("#search-input", SIGN_IN)?;
    Ok(())
}

/// Signs in with the list set to one row per message (so rows match the seed files one to
/// one), and waits for the first rows.
pub fn sign_in_per_message(b: &Browser, email: &str, password: &str) -> Result {
    b.goto("/")?;
    b.wait_visible("#username", WAIT)?;
    b.execute("localStorage.setItem('facteur.threads', '0')", vec![])?;
    sign_in(b, email, password)
}

/// What Chromium's console says when the app parses a mail with inline styles: the parsed
/// document (`DOMParser`, inert: nothing in it applies, loads or runs; the walker only reads
/// it) has the page's CSP, which refuses its `style` attributes and `<style>` elements, and
/// reports each. Every inert document does the same (`createHTMLDocument`, a `<template>`, an
/// XML document: tried with Chromium 156), so the app cannot avoid it cheaply: the tests that
/// open such a mail announce exactly this message ([`crate::Browser::expect_console_error`]).
pub const PARSED_MAIL_INLINE_STYLE: &str =
    "Applying inline style violates the following Content Security Policy directive 'style-src 'self''";

/// The same report for a mail's `on…` attributes (hostile mail), refused by the CSP's
/// `script-src` in the parsed document.
pub const PARSED_MAIL_INLINE_HANDLER: &str =
    "Executing inline event handler violates the following Content Security Policy directive 'script-src";
