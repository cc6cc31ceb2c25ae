//! What the composer's tests share: signing in, a subject of their own, what a mailbox of the
//! server holds under a subject (with its parts), and typing into the open composer.

use crate::flows::sign_in;
use crate::server;
use crate::{Browser, Ctx, Result, WAIT};
use serde_json::{json, Value};

/// Claire, who writes in the tests.
pub const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
/// Julien, who receives and answers.
pub const JULIEN: &str = "julien.roux@ac-cevennes.fr";

/// Signs `who` in (in `lang`) in a fresh browser, the inbox shown.
pub fn signed_in(ctx: &Ctx, who: &str, lang: &str) -> Result<std::rc::Rc<Browser>> {
    let account = ctx.app()?.account(who)?.clone();
    let b = ctx.browser_lang(lang)?;
    sign_in(&b, &account.email, &account.password)?;
    Ok(b)
}

/// A subject no other test (or run) uses.
pub fn unique(what: &str) -> String {
    let n = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_millis();
    format!("{what} {}", n % 1_000_000)
}

/// The emails of `who`'s mailbox with role `role` whose subject is `subject`, with what the
/// tests check.
pub fn emails_with_subject(ctx: &Ctx, who: &str, role: &str, subject: &str) -> Result<Vec<Value>> {
    let c = server::client(ctx, who)?;
    let mailbox = server::role_id(&c, role)?;
    let r = server::call(
        &c,
        json!([
            ["Email/query", {"accountId": c.account_id, "filter": {"inMailbox": mailbox}, "limit": 200}, "q"],
            ["Email/get", {"accountId": c.account_id, "#ids": {"resultOf": "q", "name": "Email/query", "path": "/ids"},
                "properties": ["subject", "keywords", "messageId", "inReplyTo", "references", "threadId", "from", "to",
                               "bodyStructure", "textBody", "htmlBody", "bodyValues", "mailboxIds"],
                "fetchAllBodyValues": true}, "g"]
        ]),
    )?;
    Ok(r[1][1]["list"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e["subject"] == subject)
        .collect())
}

/// The decoded text of the first part of `kind` (`textBody`, `htmlBody`) of an email.
pub fn part_text(email: &Value, kind: &str) -> String {
    let id = email[kind][0]["partId"].as_str().unwrap_or_default();
    email["bodyValues"][id]["value"].as_str().unwrap_or_default().to_string()
}

/// The media type of the first part of `kind` of an email.
pub fn part_type(email: &Value, kind: &str) -> String {
    email[kind][0]["type"].as_str().unwrap_or_default().to_string()
}

/// Opens a new message with the `c` key and waits for its form.
pub fn compose_with_key(b: &Browser) -> Result {
    b.execute("document.activeElement && document.activeElement.blur()", vec![])?;
    b.press("c")?;
    b.wait_for("[data-testid=composer] [id^=compose-to-]", WAIT)?;
    b.wait_until(
        "document.activeElement && document.activeElement.id.startsWith('compose-to-')",
        "the To field has the focus",
        WAIT,
    )
}

/// Types into the open composer's field whose id starts with `prefix`.
pub fn type_into(b: &Browser, prefix: &str, text: &str) -> Result {
    b.send_keys(&format!("[data-testid=composer] [id^={prefix}]"), text)
}
