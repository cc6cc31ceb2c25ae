//! Reading and clicking rows of the message list by subject (CSS cannot match text).

use crate::{ensure, Browser, Result};

/// The subjects of the list rows, in order.
pub fn subjects(b: &Browser) -> Result<Vec<String>> {
    b.texts("[data-testid=message-row] .subject")
}

/// Waits until a row of the list has exactly `subject` (`what` names it in the error).
pub fn wait_for_subject(b: &Browser, subject: &str, what: &str, timeout: std::time::Duration) -> Result {
    b.wait_until(
        &format!("[...document.querySelectorAll('[data-testid=message-row] .subject')].some(s => s.textContent === {subject:?})"),
        what,
        timeout,
    )
}

/// Opens the conversation of the row whose subject is exactly `subject`.
pub fn open(b: &Browser, subject: &str) -> Result {
    let script = format!(
        "(() => {{ const row = [...document.querySelectorAll('[data-testid=message-row]')]
             .find(r => r.querySelector('.subject').textContent === {subject:?});
           if (!row) return false; row.querySelector('a').click(); return true; }})()"
    );
    ensure!(b.eval(&script)?.as_bool() == Some(true), "no row with subject {subject:?}");
    Ok(())
}

/// The unread badge of a folder role (0 without a badge).
pub fn badge(b: &Browser, role: &str) -> Result<usize> {
    let css = format!("[data-mailbox-role={role}] .unread-count");
    Ok(if b.exists(&css)? { b.text(&css)?.trim().parse().unwrap_or(0) } else { 0 })
}
