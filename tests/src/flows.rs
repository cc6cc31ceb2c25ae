//! Steps many app tests share.

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
