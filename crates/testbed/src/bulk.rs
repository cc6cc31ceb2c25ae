//! Filling a folder with many generated messages ([`crate::generate`]) through the server's bulk
//! paths, for big-folder tests and benchmarks.
//!
//! Measured on this project's Cyrus 3.6 (2-core VM, see `BENCHMARKS.md`): IMAP `APPEND` with
//! MULTIAPPEND (RFC 3502) and non-synchronising literals (RFC 7888) is the fastest path that keeps
//! each message's date and flags; it is the default. JMAP upload + `Email/import` is kept as
//! [`BulkMethod::JmapImport`] for comparison.

use crate::generate::{fnv1a, generate, GeneratedMail};
use crate::jmap::Client;
use crate::{Testbed, TestbedError};
use serde_json::{json, Map, Value};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// How the messages reach the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkMethod {
    /// IMAP `APPEND` of many messages per command (MULTIAPPEND, `{n+}` literals), with flags
    /// and internal dates. The fastest.
    ImapMultiappend,
    /// JMAP: each message uploaded as a blob (4 in parallel), then `Email/import` in batches.
    JmapImport,
}

/// What [`fill_folder`] did.
#[derive(Debug, Clone)]
pub struct BulkReport {
    /// JMAP id of the folder.
    pub mailbox_id: String,
    /// Messages in the folder before.
    pub before: usize,
    /// Messages added.
    pub added: usize,
    /// Messages in the folder after (JMAP `totalEmails`).
    pub total: usize,
    /// Bytes of the added messages.
    pub bytes: usize,
    pub method: BulkMethod,
    pub elapsed: Duration,
}

impl std::fmt::Display for BulkReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(0.001);
        write!(
            f,
            "{} messages added by {:?} ({} before, {} now) in {:.1}s: {:.0} msg/s, {:.1} MB",
            self.added,
            self.method,
            self.before,
            self.total,
            secs,
            self.added as f64 / secs,
            self.bytes as f64 / 1e6
        )
    }
}

/// The seed of a folder's generator: the same account and folder always get the same mail.
pub fn folder_seed(account_email: &str, folder_name: &str) -> u64 {
    fnv1a(&format!("{}\u{0}{folder_name}", account_email.to_lowercase()))
}

/// Makes the folder `folder_name` (a top-level folder; `/` separates levels) of `account_email`
/// hold at least `count` messages, creating it if missing and adding generated messages
/// `before..count` (so a folder filled earlier is reused as is). Uses the fastest path
/// ([`BulkMethod::ImapMultiappend`]).
pub fn fill_folder(
    tb: &Testbed,
    account_email: &str,
    folder_name: &str,
    count: usize,
) -> Result<BulkReport, TestbedError> {
    fill_folder_with(tb, account_email, folder_name, count, BulkMethod::ImapMultiappend)
}

/// [`fill_folder`] with a chosen delivery path.
pub fn fill_folder_with(
    tb: &Testbed,
    account_email: &str,
    folder_name: &str,
    count: usize,
    method: BulkMethod,
) -> Result<BulkReport, TestbedError> {
    let t0 = Instant::now();
    let account = tb
        .accounts()
        .iter()
        .find(|a| a.email.eq_ignore_ascii_case(account_email))
        .ok_or_else(|| TestbedError::Seed(format!("bulk: no account {account_email} in this testbed")))?
        .clone();
    let client = Client::connect(&tb.jmap_url(), &account.email, &account.password)?;
    let (mailbox_id, before) = ensure_folder(&client, folder_name)?;
    let seed = folder_seed(&account.email, folder_name);
    let mut bytes = 0;
    if before < count {
        let range = before..count;
        bytes = match method {
            BulkMethod::ImapMultiappend => imap_append_all(
                tb.imap_port(),
                &account.email,
                &account.password,
                folder_name,
                seed,
                range,
                &account.name,
            )?,
            BulkMethod::JmapImport => jmap_import_all(&client, &mailbox_id, seed, range, &account.name)?,
        };
    }
    let total = total_emails(&client, &mailbox_id)?;
    if total < count {
        return Err(TestbedError::Seed(format!(
            "bulk: {folder_name} of {account_email} holds {total} messages after adding {}, expected {count}",
            count - before
        )));
    }
    Ok(BulkReport {
        mailbox_id,
        before,
        added: count.saturating_sub(before),
        total,
        bytes,
        method,
        elapsed: t0.elapsed(),
    })
}

fn total_emails(c: &Client, mailbox_id: &str) -> Result<usize, TestbedError> {
    let r = c.call_ok(
        &[],
        json!([["Mailbox/get", {"accountId": c.account_id, "ids": [mailbox_id], "properties": ["totalEmails"]}, "m"]]),
    )?;
    r[0][1]["list"][0]["totalEmails"]
        .as_u64()
        .map(|n| n as usize)
        .ok_or_else(|| TestbedError::Seed(format!("bulk: Mailbox/get without totalEmails: {r}")))
}

/// Finds or creates the folder path; returns (id, totalEmails).
fn ensure_folder(c: &Client, folder_name: &str) -> Result<(String, usize), TestbedError> {
    let list = c.mailboxes()?;
    let mut parent: Option<String> = None;
    let mut found: Option<&Value> = None;
    for (depth, part) in folder_name.split('/').enumerate() {
        if part.is_empty() {
            return Err(TestbedError::Seed(format!("bulk: empty level in folder name {folder_name:?}")));
        }
        found = list.iter().find(|m| m["name"].as_str() == Some(part) && m["parentId"].as_str() == parent.as_deref());
        match found {
            Some(m) => parent = m["id"].as_str().map(str::to_string),
            None => {
                let r = c.call_ok(
                    &[],
                    json!([["Mailbox/set", {"accountId": c.account_id, "create": {"f": {"name": part, "parentId": parent, "isSubscribed": true}}}, "s"]]),
                )?;
                let id = r[0][1]["created"]["f"]["id"].as_str().ok_or_else(|| {
                    TestbedError::Seed(format!(
                        "bulk: Mailbox/set did not create {part} (level {depth} of {folder_name}): {}",
                        r[0][1]
                    ))
                })?;
                parent = Some(id.to_string());
            }
        }
    }
    let id = parent.unwrap_or_default();
    let total = match found {
        Some(m) => m["totalEmails"].as_u64().unwrap_or(0) as usize,
        None => 0,
    };
    Ok((id, total))
}

/// Modified UTF-7 (RFC 3501 §5.1.3) for IMAP mailbox names.
pub fn imap_utf7(name: &str) -> String {
    use base64::Engine;
    const ALPHABET: base64::alphabet::Alphabet =
        match base64::alphabet::Alphabet::new("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,") {
            Ok(a) => a,
            Err(_) => panic!("alphabet"),
        };
    let engine = base64::engine::GeneralPurpose::new(&ALPHABET, base64::engine::general_purpose::NO_PAD);
    let mut out = String::new();
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if !pending.is_empty() {
            let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
            out.push('&');
            out.push_str(&engine.encode(bytes));
            out.push('-');
            pending.clear();
        }
    };
    for ch in name.chars() {
        if (' '..='~').contains(&ch) {
            flush(&mut pending, &mut out);
            out.push(ch);
            if ch == '&' {
                out.push('-');
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(ch.encode_utf16(&mut buf));
        }
    }
    flush(&mut pending, &mut out);
    out
}

fn imap_quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Messages per APPEND command.
const APPEND_BATCH: usize = 500;

/// Appends messages `range` of the generator to the folder by IMAP; returns the bytes sent.
fn imap_append_all(
    port: u16,
    user: &str,
    password: &str,
    folder_name: &str,
    seed: u64,
    range: std::ops::Range<usize>,
    to_name: &str,
) -> Result<usize, TestbedError> {
    let err = |m: String| TestbedError::Seed(format!("bulk IMAP {user}: {m}"));
    let s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| err(e.to_string()))?;
    s.set_read_timeout(Some(Duration::from_secs(600))).ok();
    s.set_nodelay(true).ok();
    let mut w = std::io::BufWriter::with_capacity(1 << 20, s.try_clone().map_err(|e| err(e.to_string()))?);
    let mut r = BufReader::new(s);
    let mut line = String::new();
    r.read_line(&mut line).map_err(|e| err(e.to_string()))?;
    if !line.starts_with("* OK") {
        return Err(err(format!("greeting: {line}")));
    }
    let mut tag = 0;
    let mut command = |w: &mut std::io::BufWriter<TcpStream>,
                       r: &mut BufReader<TcpStream>,
                       head: &[u8],
                       body: &[u8],
                       what: &str| {
        tag += 1;
        let t = format!("b{tag}");
        w.write_all(t.as_bytes()).and_then(|_| w.write_all(b" ")).map_err(|e| err(e.to_string()))?;
        w.write_all(head)
            .and_then(|_| w.write_all(body))
            .and_then(|_| w.write_all(b"\r\n"))
            .and_then(|_| w.flush())
            .map_err(|e| err(e.to_string()))?;
        let mut line = String::new();
        loop {
            line.clear();
            if r.read_line(&mut line).map_err(|e| err(e.to_string()))? == 0 {
                return Err(err(format!("connection closed during {what}")));
            }
            if let Some(rest) = line.strip_prefix(&format!("{t} ")) {
                return if rest.starts_with("OK") { Ok(()) } else { Err(err(format!("{what} -> {}", rest.trim()))) };
            }
        }
    };
    command(&mut w, &mut r, format!("LOGIN {} {}", imap_quote(user), imap_quote(password)).as_bytes(), b"", "LOGIN")?;
    let mailbox = imap_quote(&imap_utf7(folder_name));
    let mut sent = 0;
    let indices: Vec<usize> = range.collect();
    // In index order (newest first): a run cut short leaves messages 0..k, which the next run
    // completes (UIDs then decrease with dates; the app sorts by receivedAt).
    for batch in indices.chunks(APPEND_BATCH) {
        let mut body = Vec::with_capacity(batch.len() * 1800);
        for &i in batch {
            let m = generate(seed, i, to_name, user);
            append_part(&mut body, &m);
            sent += m.raw.len();
        }
        command(&mut w, &mut r, format!("APPEND {mailbox}").as_bytes(), &body, "APPEND")?;
    }
    let _ = command(&mut w, &mut r, b"LOGOUT", b"", "LOGOUT");
    Ok(sent)
}

/// ` (flags) "date" {n+}\r\n<message>` — one message of a MULTIAPPEND.
fn append_part(out: &mut Vec<u8>, m: &GeneratedMail) {
    let flags: Vec<&str> = m
        .keywords
        .iter()
        .map(|k| match *k {
            "$seen" => "\\Seen",
            "$flagged" => "\\Flagged",
            "$answered" => "\\Answered",
            other => other,
        })
        .collect();
    out.extend_from_slice(
        format!(" ({}) \"{}\" {{{}+}}\r\n", flags.join(" "), m.date.format("%d-%b-%Y %H:%M:%S %z"), m.raw.len())
            .as_bytes(),
    );
    out.extend_from_slice(&m.raw);
}

/// Uploads each message (4 workers), then imports them in batches of the server's
/// `maxObjectsInSet` (at most 50); returns the bytes uploaded.
fn jmap_import_all(
    c: &Client,
    mailbox_id: &str,
    seed: u64,
    range: std::ops::Range<usize>,
    to_name: &str,
) -> Result<usize, TestbedError> {
    let batch_size = c.capability_limit("maxObjectsInSet", 50).clamp(1, 50) as usize;
    let workers = c.capability_limit("maxConcurrentUpload", 4).clamp(1, 4) as usize;
    let indices: Vec<usize> = range.collect();
    let batches: Vec<&[usize]> = indices.chunks(batch_size).collect();
    let queue = std::sync::Mutex::new(batches.into_iter());
    let sent = std::sync::atomic::AtomicUsize::new(0);
    let errors = std::sync::Mutex::new(Vec::<TestbedError>::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let Some(batch) = queue.lock().unwrap().next() else { break };
                let result = (|| -> Result<(), TestbedError> {
                    let mut emails = Map::new();
                    for &i in batch {
                        let m = generate(seed, i, to_name, &c.user);
                        sent.fetch_add(m.raw.len(), std::sync::atomic::Ordering::Relaxed);
                        let blob = c.upload(&m.raw, "message/rfc822")?;
                        let kw: Map<String, Value> = m.keywords.iter().map(|k| (k.to_string(), Value::Bool(true))).collect();
                        emails.insert(
                            format!("m{i}"),
                            json!({"blobId": blob, "mailboxIds": {mailbox_id: true}, "keywords": kw, "receivedAt": m.date.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)}),
                        );
                    }
                    let r = c.call_ok(&[], json!([["Email/import", {"accountId": c.account_id, "emails": emails}, "i"]]))?;
                    if let Some((k, v)) = r[0][1]["notCreated"].as_object().and_then(|m| m.iter().next()) {
                        return Err(TestbedError::Seed(format!("bulk: Email/import refused {k}: {v}")));
                    }
                    Ok(())
                })();
                if let Err(e) = result {
                    errors.lock().unwrap().push(e);
                    break;
                }
            });
        }
    });
    match errors.into_inner().unwrap().into_iter().next() {
        Some(e) => Err(e),
        None => Ok(sent.into_inner()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf7_names() {
        assert_eq!(imap_utf7("Archives-2019"), "Archives-2019");
        assert_eq!(imap_utf7("Réunions & co"), "R&AOk-unions &- co");
        assert_eq!(imap_utf7("日本語"), "&ZeVnLIqe-");
    }

    #[test]
    fn append_part_has_flags_date_and_literal_plus() {
        let m = generate(5, 3, "Claire Martin", "claire.martin@ac-cevennes.fr");
        let mut out = Vec::new();
        append_part(&mut out, &m);
        let head = String::from_utf8_lossy(&out[..out.iter().position(|&b| b == b'\n').unwrap() + 1]).into_owned();
        assert!(head.ends_with(&format!("{{{}+}}\r\n", m.raw.len())), "{head}");
        assert!(head.contains(" +0100\""), "{head}");
        assert_eq!(out.len(), head.len() + m.raw.len());
    }
}
