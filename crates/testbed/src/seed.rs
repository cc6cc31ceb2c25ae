//! Seeding demo accounts from files, through the server's own interfaces (JMAP, CalDAV, CardDAV).

use crate::jmap::{Client, CALENDARS, CONTACTS};
use crate::{Account, Layout, TestbedError};
use chrono::{DateTime, Days, NaiveDate, SecondsFormat, Utc};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The newest date of the seed files; the demo is shifted by whole days so that it looks current.
pub const SEED_NEWEST: (i32, u32, u32) = (2026, 11, 23);

/// System folders of the seed layout and their JMAP roles.
pub const SYSTEM_FOLDERS: [(&str, &str); 6] = [
    ("Inbox", "inbox"),
    ("Sent", "sent"),
    ("Archive", "archive"),
    ("Drafts", "drafts"),
    ("Junk", "junk"),
    ("Trash", "trash"),
];

/// What was seeded for one account.
#[derive(Debug, Clone, Default)]
pub struct SeedSummary {
    pub email: String,
    pub messages: usize,
    pub folders_created: usize,
    pub events: usize,
    pub tasks: usize,
    pub contacts: usize,
    pub elapsed: Duration,
}

impl fmt::Display for SeedSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "seeded {}: {} messages, {} own folders, {} events, {} tasks, {} contacts in {:.1}s",
            self.email,
            self.messages,
            self.folders_created,
            self.events,
            self.tasks,
            self.contacts,
            self.elapsed.as_secs_f64()
        )
    }
}

/// Whole days to add to seed dates: today − 2026-11-23, never negative.
pub fn day_shift(today: NaiveDate) -> u64 {
    let base = NaiveDate::from_ymd_opt(SEED_NEWEST.0, SEED_NEWEST.1, SEED_NEWEST.2).unwrap();
    (today - base).num_days().max(0) as u64
}

/// A message of the seed, ready to import.
#[derive(Debug, Clone)]
pub struct SeedMessage {
    pub raw: Vec<u8>,
    pub keywords: Vec<String>,
    pub received_at: DateTime<Utc>,
}

/// Strips the `X-Facteur-Seed-Keywords:` first line (if any), shifts the top-level `Date:` header
/// by `shift_days`, and computes receivedAt from it (now if there is no parsable Date).
pub fn prepare_message(bytes: &[u8], shift_days: u64, now: DateTime<Utc>) -> SeedMessage {
    let mut raw = bytes;
    let mut keywords = Vec::new();
    const KW: &[u8] = b"x-facteur-seed-keywords:";
    if raw.len() >= KW.len() && raw[..KW.len()].eq_ignore_ascii_case(KW) {
        let end = raw.iter().position(|&b| b == b'\n').map(|p| p + 1).unwrap_or(raw.len());
        let line = String::from_utf8_lossy(&raw[KW.len()..end]);
        keywords = line.split_whitespace().map(str::to_string).collect();
        raw = &raw[end..];
    }
    let (raw, date) = shift_date_header(raw, shift_days);
    SeedMessage { raw: to_crlf(&raw), keywords, received_at: date.unwrap_or(now) }
}

/// Bare LF -> CRLF (Cyrus refuses messages with bare newlines: "invalidEmail").
pub fn to_crlf(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 32);
    let mut prev = 0u8;
    for &b in raw {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(b);
        prev = b;
    }
    out
}

fn parse_rfc2822(value: &str) -> Option<DateTime<chrono::FixedOffset>> {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(d) = DateTime::parse_from_rfc2822(&v) {
        return Some(d);
    }
    // Trailing comment such as "(CET)".
    let v2 = match v.find('(') {
        Some(p) => v[..p].trim().to_string(),
        None => v.clone(),
    };
    DateTime::parse_from_rfc2822(&v2).ok()
}

/// Rewrites the Date header of the top-level header block. Returns the new bytes and the
/// (shifted) date.
pub fn shift_date_header(raw: &[u8], shift_days: u64) -> (Vec<u8>, Option<DateTime<Utc>>) {
    // Walk the header lines until the first empty line.
    let mut pos = 0;
    while pos < raw.len() {
        let eol = raw[pos..].iter().position(|&b| b == b'\n').map(|p| pos + p + 1).unwrap_or(raw.len());
        let line = &raw[pos..eol];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
        if line.len() >= 5 && line[..5].eq_ignore_ascii_case(b"date:") {
            // Include continuation lines.
            let mut end = eol;
            while end < raw.len() && (raw[end] == b' ' || raw[end] == b'\t') {
                end = raw[end..].iter().position(|&b| b == b'\n').map(|p| end + p + 1).unwrap_or(raw.len());
            }
            let value = String::from_utf8_lossy(&raw[pos + 5..end]).into_owned();
            let Some(parsed) = parse_rfc2822(&value) else {
                return (raw.to_vec(), None);
            };
            if shift_days == 0 {
                return (raw.to_vec(), Some(parsed.with_timezone(&Utc)));
            }
            let shifted = parsed.checked_add_days(Days::new(shift_days)).unwrap_or(parsed);
            let crlf = raw[..end].ends_with(b"\r\n");
            let mut out = Vec::with_capacity(raw.len() + 8);
            out.extend_from_slice(&raw[..pos]);
            out.extend_from_slice(format!("Date: {}", shifted.to_rfc2822()).as_bytes());
            out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
            out.extend_from_slice(&raw[end..]);
            return (out, Some(shifted.with_timezone(&Utc)));
        }
        pos = eol;
    }
    (raw.to_vec(), None)
}

/// A folder of the seed: its path components under `mail/` and its message files.
#[derive(Debug, Default)]
struct Folder {
    files: Vec<PathBuf>,
}

fn scan_mail(dir: &Path) -> Result<BTreeMap<Vec<String>, Folder>, TestbedError> {
    let mut out = BTreeMap::new();
    fn walk(dir: &Path, path: Vec<String>, out: &mut BTreeMap<Vec<String>, Folder>) -> Result<(), TestbedError> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| TestbedError::io(format!("read {}", dir.display()), e))?
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.file_name());
        let mut folder = Folder::default();
        for e in entries {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                let mut sub = path.clone();
                sub.push(name);
                walk(&p, sub, out)?;
            } else if name.ends_with(".eml") {
                folder.files.push(p);
            }
        }
        if !path.is_empty() {
            out.insert(path, folder);
        }
        Ok(())
    }
    if dir.is_dir() {
        walk(dir, Vec::new(), &mut out)?;
    }
    Ok(out)
}

fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, TestbedError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| TestbedError::io(format!("read {}", dir.display()), e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().map(|x| x == ext).unwrap_or(false))
        .collect();
    v.sort();
    Ok(v)
}

fn role_of(top: &str) -> Option<&'static str> {
    SYSTEM_FOLDERS.iter().find(|(n, _)| *n == top).map(|(_, r)| *r)
}

/// Seeds every account that has a directory under `<seed>/accounts/`, accounts in parallel.
/// `dav`: the calendars and contacts too (CalDAV and CardDAV, Cyrus only).
pub fn seed_all(
    l: &Layout,
    seed_dir: &Path,
    accounts: &[Account],
    dav: bool,
) -> Result<Vec<SeedSummary>, TestbedError> {
    let base = format!("http://127.0.0.1:{}", l.http_port);
    let shift = day_shift(Utc::now().date_naive());
    let results: Vec<Result<SeedSummary, TestbedError>> = std::thread::scope(|s| {
        let hs: Vec<_> = accounts
            .iter()
            .map(|a| {
                let base = base.clone();
                s.spawn(move || seed_account(&base, &seed_dir.join("accounts").join(&a.email), a, shift, dav))
            })
            .collect();
        hs.into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err(TestbedError::Seed("seeding thread panicked".into()))))
            .collect()
    });
    let mut out = Vec::new();
    for r in results {
        let s = r?;
        if std::env::var_os("FACTEUR_TESTBED_QUIET").is_none() {
            eprintln!("testbed: {s}");
        }
        out.push(s);
    }
    Ok(out)
}

/// Seeds one account from `<seed>/accounts/<email>/` (missing parts are skipped).
pub fn seed_account(
    base: &str,
    dir: &Path,
    a: &Account,
    shift_days: u64,
    dav: bool,
) -> Result<SeedSummary, TestbedError> {
    let t0 = Instant::now();
    let mut sum = SeedSummary { email: a.email.clone(), ..Default::default() };
    let client = Client::connect(base, &a.email, &a.password)?;
    let (n, created) = seed_mail(&client, &dir.join("mail"), shift_days)?;
    sum.messages = n;
    sum.folders_created = created;
    if !dav {
        sum.elapsed = t0.elapsed();
        return Ok(sum);
    }
    let cal = seed_dav(&client, &dir.join("calendar"), "ics", "calendars", "text/calendar; charset=utf-8")?;
    let cards = seed_dav(&client, &dir.join("contacts"), "vcf", "addressbooks", "text/vcard; charset=utf-8")?;
    sum.events = cal.iter().filter(|(_, body)| contains(body, b"BEGIN:VEVENT")).count();
    sum.tasks = cal.len() - sum.events;
    sum.contacts = cards.len();
    verify_dav(&client, sum.events, sum.contacts)?;
    // VTODOs are not visible through Cyrus 3.6's JMAP (CalendarEvent is VEVENT only): check by CalDAV.
    for (path, body) in cal.iter().filter(|(_, body)| !contains(body, b"BEGIN:VEVENT")) {
        let a = client.request("GET", path, &[], None)?;
        if a.status != 200 || !contains(&a.body, b"BEGIN:VCALENDAR") {
            return Err(TestbedError::Seed(format!(
                "{}: GET {path} after PUT -> {} {}",
                a.status,
                a.text(),
                body.len()
            )));
        }
    }
    sum.elapsed = t0.elapsed();
    Ok(sum)
}

/// Creates the folders, uploads and imports the messages. Returns (messages, folders created).
fn seed_mail(c: &Client, mail_dir: &Path, shift_days: u64) -> Result<(usize, usize), TestbedError> {
    let folders = scan_mail(mail_dir)?;
    if folders.is_empty() {
        return Ok((0, 0));
    }
    let existing = c.mailboxes()?;
    let mut by_role: HashMap<String, String> = HashMap::new();
    // (parentId or "", name) -> id
    let mut by_name: HashMap<(String, String), String> = HashMap::new();
    for m in &existing {
        let id = m["id"].as_str().unwrap_or_default().to_string();
        if let Some(r) = m["role"].as_str() {
            by_role.insert(r.to_string(), id.clone());
        }
        by_name.insert(
            (m["parentId"].as_str().unwrap_or("").to_string(), m["name"].as_str().unwrap_or("").to_string()),
            id,
        );
    }
    // Resolve/create folder ids, parents first (BTreeMap order puts a path before its children).
    let mut ids: HashMap<Vec<String>, String> = HashMap::new();
    let mut created = 0;
    let max_depth = folders.keys().map(|k| k.len()).max().unwrap_or(0);
    for depth in 1..=max_depth {
        let mut create = Map::new();
        let mut pending: Vec<(String, Vec<String>)> = Vec::new();
        for path in folders.keys().filter(|k| k.len() == depth) {
            if depth == 1 {
                if let Some(role) = role_of(&path[0]) {
                    let id = by_role.get(role).cloned().ok_or_else(|| {
                        TestbedError::Seed(format!(
                            "{}: no mailbox with role {role} (mailboxes: {})",
                            c.user,
                            Value::Array(existing.clone())
                        ))
                    })?;
                    ids.insert(path.clone(), id);
                    continue;
                }
            }
            let parent = if depth == 1 { String::new() } else { ids[&path[..depth - 1]].clone() };
            let name = path[depth - 1].clone();
            if let Some(id) = by_name.get(&(parent.clone(), name.clone())) {
                ids.insert(path.clone(), id.clone());
                continue;
            }
            let cid = format!("f{}", pending.len());
            let parent_v = if parent.is_empty() { Value::Null } else { Value::String(parent) };
            create.insert(cid.clone(), json!({"name": name, "parentId": parent_v, "isSubscribed": true}));
            pending.push((cid, path.clone()));
        }
        if pending.is_empty() {
            continue;
        }
        let r = c.call_ok(&[], json!([["Mailbox/set", {"accountId": c.account_id, "create": create}, "s"]]))?;
        for (cid, path) in pending {
            let id = r[0][1]["created"][&cid]["id"].as_str().ok_or_else(|| {
                TestbedError::Seed(format!(
                    "{}: Mailbox/set did not create {}: {}",
                    c.user,
                    path.join("/"),
                    r[0][1]["notCreated"]
                ))
            })?;
            ids.insert(path, id.to_string());
            created += 1;
        }
    }

    // Messages: batches of up to 50 (and the server's maxObjectsInSet), uploaded and imported by
    // a few workers.
    let batch_size = c.capability_limit("maxObjectsInSet", 50).clamp(1, 50) as usize;
    let mut jobs: Vec<(PathBuf, String, bool)> = Vec::new();
    for (path, f) in &folders {
        let is_drafts = path.len() == 1 && path[0] == "Drafts";
        for file in &f.files {
            jobs.push((file.clone(), ids[path].clone(), is_drafts));
        }
    }
    let total = jobs.len();
    let batches: Vec<Vec<(PathBuf, String, bool)>> = jobs.chunks(batch_size).map(|c| c.to_vec()).collect();
    let queue = Mutex::new(batches.into_iter());
    let concurrent = c.capability_limit("maxConcurrentUpload", 4).clamp(1, 4) as usize;
    let now = Utc::now();
    let errors: Mutex<Vec<TestbedError>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..concurrent {
            s.spawn(|| loop {
                let Some(batch) = queue.lock().unwrap().next() else { break };
                if let Err(e) = import_batch(c, &batch, shift_days, now) {
                    errors.lock().unwrap().push(e);
                    break;
                }
            });
        }
    });
    if let Some(e) = errors.into_inner().unwrap().into_iter().next() {
        return Err(e);
    }
    Ok((total, created))
}

fn import_batch(
    c: &Client,
    batch: &[(PathBuf, String, bool)],
    shift_days: u64,
    now: DateTime<Utc>,
) -> Result<(), TestbedError> {
    let mut emails = Map::new();
    for (i, (file, mailbox, is_drafts)) in batch.iter().enumerate() {
        let bytes = std::fs::read(file).map_err(|e| TestbedError::io(format!("read {}", file.display()), e))?;
        let m = prepare_message(&bytes, shift_days, now);
        let blob =
            c.upload(&m.raw, "message/rfc822").map_err(|e| TestbedError::Seed(format!("{}: {e}", file.display())))?;
        let mut kw = Map::new();
        for k in &m.keywords {
            kw.insert(k.clone(), Value::Bool(true));
        }
        if *is_drafts {
            kw.insert("$draft".into(), Value::Bool(true));
        }
        emails.insert(
            format!("m{i}"),
            json!({
                "blobId": blob,
                "mailboxIds": {mailbox.as_str(): true},
                "keywords": kw,
                "receivedAt": m.received_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            }),
        );
    }
    let r = c.call_ok(&[], json!([["Email/import", {"accountId": c.account_id, "emails": emails}, "i"]]))?;
    let not = &r[0][1]["notCreated"];
    if let Some(map) = not.as_object() {
        if let Some((k, v)) = map.iter().next() {
            let idx: usize = k[1..].parse().unwrap_or(0);
            return Err(TestbedError::Seed(format!(
                "{}: Email/import refused {} ({} of {} in this batch): {v}",
                c.user,
                batch[idx].0.display(),
                map.len(),
                batch.len()
            )));
        }
    }
    Ok(())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// PUTs every `<uid>.<ext>` file of `dir` into the user's default calendar / address book.
/// Returns (path on the server, body) of each.
fn seed_dav(
    c: &Client,
    dir: &Path,
    ext: &str,
    kind: &str,
    ctype: &str,
) -> Result<Vec<(String, Vec<u8>)>, TestbedError> {
    let files = files_with_ext(dir, ext)?;
    let mut out = Vec::new();
    let collection = format!("/dav/{kind}/user/{}/Default/", c.user);
    for f in &files {
        let body = std::fs::read(f).map_err(|e| TestbedError::io(format!("read {}", f.display()), e))?;
        let body = if ext == "ics" { no_server_scheduling(&body) } else { body };
        let name = f.file_name().unwrap().to_string_lossy();
        let path = format!("{collection}{}", pct_encode(&name));
        let a = c.request("PUT", &path, &[("Content-Type", ctype)], Some(&body))?;
        if !(200..300).contains(&a.status) {
            return Err(TestbedError::Seed(format!(
                "{}: PUT {path} ({}) -> {} {}",
                c.user,
                f.display(),
                a.status,
                a.text().trim()
            )));
        }
        out.push((path, body));
    }
    Ok(out)
}

/// Adds `SCHEDULE-AGENT=CLIENT` to ORGANIZER/ATTENDEE properties, so that Cyrus does not send
/// iMIP invitations/replies (through Postfix) for seeded events (RFC 6638 §7.1).
pub fn no_server_scheduling(ics: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ics.len() + 64);
    let mut start = 0;
    while start < ics.len() {
        let end = ics[start..].iter().position(|&b| b == b'\n').map(|p| start + p + 1).unwrap_or(ics.len());
        let line = &ics[start..end];
        let mut done = false;
        for prop in [&b"ATTENDEE"[..], &b"ORGANIZER"[..]] {
            if line.len() > prop.len()
                && line[..prop.len()].eq_ignore_ascii_case(prop)
                && (line[prop.len()] == b';' || line[prop.len()] == b':')
                && !contains(&line.to_ascii_uppercase(), b"SCHEDULE-AGENT=")
            {
                out.extend_from_slice(&line[..prop.len()]);
                out.extend_from_slice(b";SCHEDULE-AGENT=CLIENT");
                out.extend_from_slice(&line[prop.len()..]);
                done = true;
                break;
            }
        }
        if !done {
            out.extend_from_slice(line);
        }
        start = end;
    }
    out
}

fn pct_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~@+".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Checks through JMAP that the calendar objects and contacts arrived.
fn verify_dav(c: &Client, events: usize, contacts: usize) -> Result<(), TestbedError> {
    if events > 0 {
        let r = c.call_ok(
            &[CALENDARS],
            json!([["CalendarEvent/get", {"accountId": c.account_id, "properties": ["id"]}, "e"]]),
        )?;
        let n = r[0][1]["list"].as_array().map(|l| l.len()).unwrap_or(0);
        if n < events {
            return Err(TestbedError::Seed(format!(
                "{}: {events} calendar files PUT but CalendarEvent/get lists {n}: {r}",
                c.user
            )));
        }
    }
    if contacts > 0 {
        let r =
            c.call_ok(&[CONTACTS], json!([["Contact/get", {"accountId": c.account_id, "properties": ["id"]}, "c"]]))?;
        let n = r[0][1]["list"].as_array().map(|l| l.len()).unwrap_or(0);
        if n < contacts {
            return Err(TestbedError::Seed(format!(
                "{}: {contacts} vCards PUT but Contact/get lists {n}: {r}",
                c.user
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheduling_off() {
        let ics = b"BEGIN:VEVENT\r\nORGANIZER;CN=A:mailto:a@x\r\nATTENDEE:mailto:b@x\r\nATTENDEE;SCHEDULE-AGENT=SERVER:mailto:c@x\r\nSUMMARY:ATTENDEE:x\r\nEND:VEVENT\r\n";
        let out = String::from_utf8(no_server_scheduling(ics)).unwrap();
        assert_eq!(out, "BEGIN:VEVENT\r\nORGANIZER;SCHEDULE-AGENT=CLIENT;CN=A:mailto:a@x\r\nATTENDEE;SCHEDULE-AGENT=CLIENT:mailto:b@x\r\nATTENDEE;SCHEDULE-AGENT=SERVER:mailto:c@x\r\nSUMMARY:ATTENDEE:x\r\nEND:VEVENT\r\n");
    }

    #[test]
    fn shift_days() {
        assert_eq!(day_shift(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()), 0);
        assert_eq!(day_shift(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()), 0);
        assert_eq!(day_shift(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()), 10);
    }

    #[test]
    fn keywords_and_date() {
        let raw = b"X-Facteur-Seed-Keywords: $seen $flagged\r\nFrom: a@b\r\nDate: Mon, 23 Nov 2026 09:15:00 +0100\r\nSubject: x\r\n\r\nDate: Mon, 1 Jan 2001 00:00:00 +0000\r\n";
        let now = Utc::now();
        let m = prepare_message(raw, 2, now);
        assert_eq!(m.keywords, vec!["$seen", "$flagged"]);
        let s = String::from_utf8(m.raw).unwrap();
        assert!(s.starts_with("From: a@b\r\nDate: Wed, 25 Nov 2026 09:15:00 +0100\r\nSubject: x\r\n\r\n"), "{s}");
        assert!(s.ends_with("Date: Mon, 1 Jan 2001 00:00:00 +0000\r\n"));
        assert_eq!(m.received_at.to_rfc3339_opts(SecondsFormat::Secs, true), "2026-11-25T08:15:00Z");
        // Empty keyword line, LF endings, folded Date, no shift.
        let raw = b"X-Facteur-Seed-Keywords: \nDate: Sun, 22 Nov 2026\n 18:00:00 +0000 (UTC)\nSubject: y\n\nbody\n";
        let m = prepare_message(raw, 0, now);
        assert!(m.keywords.is_empty());
        assert!(m.raw.starts_with(b"Date: Sun, 22 Nov 2026\r\n 18:00:00"));
        assert!(m.raw.ends_with(b"\r\n\r\nbody\r\n"));
        assert_eq!(m.received_at.to_rfc3339_opts(SecondsFormat::Secs, true), "2026-11-22T18:00:00Z");
        // No Date: receivedAt = now.
        let m = prepare_message(b"Subject: z\r\n\r\nhi\r\n", 3, now);
        assert_eq!(m.received_at, now);
        assert!(m.keywords.is_empty());
    }
}
