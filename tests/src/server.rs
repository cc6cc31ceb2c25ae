//! The mail server as the tests see it, beside the app: a JMAP client of a seeded account (to
//! check what the server holds after the app acted), [`eventually`] to wait until it holds it,
//! [`mailbox_id`] and [`role_id`] to find a folder, [`email_id`] a mail, and [`make_folder`]
//! for a folder of plain mails that one test has to itself.

use crate::{ensure, Ctx, Error, Result};
use facteur_testbed::jmap::Client;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// A JMAP client of the seeded account `who` (email or its part before `@`), straight to the mail server (Cyrus or Stalwart).
pub fn client(ctx: &Ctx, who: &str) -> Result<Client> {
    let account = ctx.app()?.account(who)?.clone();
    ctx.with_testbed(|tb| Client::connect(&tb.jmap_url(), &account.email, &account.password))?
        .map_err(|e| Error(format!("JMAP client of {}: {e}", account.email)))
}

/// One JMAP request; a method error fails.
pub fn call(c: &Client, calls: Value) -> Result<Value> {
    c.call_ok(&[], calls).map_err(|e| Error(e.to_string()))
}

/// Asks `check` again (every 200 ms) until it says yes: the server holds what the test
/// expects. Fails naming `what` after `timeout`.
pub fn eventually(what: &str, timeout: Duration, mut check: impl FnMut() -> Result<bool>) -> Result {
    let started = Instant::now();
    loop {
        if check()? {
            return Ok(());
        }
        ensure!(started.elapsed() < timeout, "timed out after {timeout:?} waiting until {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The id of the mailbox named `name` (at any level), if there is one.
pub fn mailbox_id(c: &Client, name: &str) -> Result<Option<String>> {
    let all = c.mailboxes().map_err(|e| Error(e.to_string()))?;
    Ok(all.into_iter().find(|m| m["name"] == name).and_then(|m| m["id"].as_str().map(str::to_string)))
}

/// The id of the one email whose subject is exactly `subject`; fails when there is none.
pub fn email_id(c: &Client, subject: &str) -> Result<String> {
    let r = call(
        c,
        json!([
            // (Not the subject filter: Stalwart's full-text match misses "Re: …" subjects.)
            ["Email/query", {"accountId": c.account_id, "limit": 1000}, "q"],
            ["Email/get", {"accountId": c.account_id, "#ids": {"resultOf": "q", "name": "Email/query", "path": "/ids"},
                           "properties": ["subject"]}, "g"]
        ]),
    )?;
    let list = r[1][1]["list"].as_array().cloned().unwrap_or_default();
    list.iter()
        .find(|e| e["subject"] == subject)
        .and_then(|e| e["id"].as_str().map(str::to_string))
        .ok_or_else(|| Error(format!("no email with the subject {subject:?}: {r}")))
}

/// The id of the mailbox with this role (`"archive"`, `"trash"`…); fails when there is none.
pub fn role_id(c: &Client, role: &str) -> Result<String> {
    let all = c.mailboxes().map_err(|e| Error(e.to_string()))?;
    all.into_iter()
        .find(|m| m["role"] == role)
        .and_then(|m| m["id"].as_str().map(str::to_string))
        .ok_or_else(|| Error(format!("no {role} mailbox")))
}

/// Creates the folder `name` holding `count` plain mails to the client's user, made on the
/// server (`Email/set` create in batches); returns its id. Subjects are `<name> — message n° <i>`
/// numbered from the newest, one a minute from an hour ago; every fifth is a reply
/// (`Re: … n° <i − 1>`) in the conversation of the one before; one in three is unread.
pub fn make_folder(c: &Client, name: &str, count: usize) -> Result<String> {
    let started = Instant::now();
    let r = call(c, json!([["Mailbox/set", {"accountId": c.account_id, "create": {"f": {"name": name}}}, "m"]]))?;
    let id =
        r[0][1]["created"]["f"]["id"].as_str().ok_or_else(|| Error(format!("{name} not created: {r}")))?.to_string();
    let batch = (c.capability_limit("maxObjectsInSet", 500) as usize).clamp(1, 500);
    let mut done = 0;
    while done < count {
        let mut create = serde_json::Map::new();
        for i in done..(done + batch).min(count) {
            create.insert(format!("e{i}"), plain_mail(&c.user, &id, name, i));
        }
        let batch_started = Instant::now();
        let answer = call(c, json!([["Email/set", {"accountId": c.account_id, "create": create}, "s"]]))?;
        if batch_started.elapsed() > Duration::from_secs(3) {
            eprintln!("{name}: {} mails created in {:.1} s", create.len(), batch_started.elapsed().as_secs_f64());
        }
        let created = answer[0][1]["created"].as_object().map_or(0, |m| m.len());
        ensure!(
            created == create.len(),
            "{name}: {created} of {} created: {}",
            create.len(),
            answer[0][1]["notCreated"]
        );
        done += created;
    }
    if count > 0 {
        eprintln!("{name}: {count} mails in {:.1} s", started.elapsed().as_secs_f64());
    }
    Ok(id)
}

/// The `Email/set` creation of mail `i` of [`make_folder`].
fn plain_mail(to: &str, mailbox_id: &str, name: &str, i: usize) -> Value {
    let reply = i % 5 == 4;
    let subject =
        if reply { format!("Re: {name} — message n° {}", i - 1) } else { format!("{name} — message n° {i}") };
    let received = chrono::Utc::now() - chrono::Duration::minutes(60 + i as i64);
    let mut email = json!({
        "mailboxIds": {mailbox_id: true}, "subject": subject,
        "from": [{"name": format!("Collègue {}", i % 37), "email": format!("collegue{}@ac-cevennes.fr", i % 37)}],
        "to": [{"email": to}],
        "receivedAt": received.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "messageId": [format!("{i}.{}@list.test", name.len())],
        "keywords": if i.is_multiple_of(3) { json!({}) } else { json!({"$seen": true}) },
        "bodyStructure": {"type": "text/plain", "partId": "1"},
        "bodyValues": {"1": {"value": format!("Bonjour,\r\nmessage {i}.\r\n")}}
    });
    if reply {
        email["inReplyTo"] = json!([format!("{}.{}@list.test", i - 1, name.len())]);
        email["references"] = email["inReplyTo"].clone();
    }
    email
}
