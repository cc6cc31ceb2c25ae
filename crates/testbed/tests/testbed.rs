//! Integration tests against the real servers (Cyrus 3.6 + Postfix), started once for the file.

use facteur_testbed::jmap::{basic, http, Client, CALENDARS, CONTACTS, SUBMISSION};
use facteur_testbed::{Testbed, TestbedOptions};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// This package's directory, read when the test runs (cargo sets it), not when it was compiled:
/// the target directory is shared by every copy of the tree, and an artifact compiled in
/// another copy would point there.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
const CLAIRE_PW: &str = "demo-claire";
const PAUL: &str = "paul.durand@ac-cevennes.fr";
const PAUL_PW: &str = "demo-paul";

fn fixtures() -> PathBuf {
    PathBuf::from(manifest_dir()).join("tests/fixtures")
}

struct Shared {
    app_url: String,
    cyrus_url: String,
}

static TESTBED: Mutex<Option<Testbed>> = Mutex::new(None);
static SHARED: OnceLock<Shared> = OnceLock::new();

extern "C" fn stop_testbed() {
    if let Ok(mut g) = TESTBED.lock() {
        if let Some(mut tb) = g.take() {
            tb.stop();
        }
    }
}

/// One testbed for the whole file; stopped at process exit (the harness exits via exit(3)).
fn shared() -> &'static Shared {
    SHARED.get_or_init(|| {
        let tb = Testbed::start(TestbedOptions {
            dir: None,
            seed_dir: Some(fixtures().join("seed")),
            dist_dir: Some(fixtures().join("dist")),
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("testbed start: {e}"));
        let s = Shared { app_url: tb.app_url(), cyrus_url: tb.jmap_url() };
        *TESTBED.lock().unwrap() = Some(tb);
        unsafe {
            libc::atexit(stop_testbed);
        }
        s
    })
}

fn with_tb<R>(f: impl FnOnce(&Testbed) -> R) -> R {
    shared();
    let g = TESTBED.lock().unwrap_or_else(|p| p.into_inner());
    f(g.as_ref().unwrap())
}

fn claire() -> Client {
    Client::connect(&shared().cyrus_url, CLAIRE, CLAIRE_PW).unwrap()
}

fn mailbox<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter().find(|m| m["name"] == name).unwrap_or_else(|| panic!("no mailbox {name} in {list:?}"))
}

#[test]
fn session_with_password_and_401_with_wrong_password() {
    let s = shared();
    let c = claire();
    c.check_session(CLAIRE).unwrap();
    assert_eq!(c.account_id, CLAIRE);
    assert_eq!(c.session["username"], CLAIRE);
    let a =
        http(&c.agent, "GET", &format!("{}/jmap/", s.cyrus_url), &[("Authorization", &basic(CLAIRE, "wrong"))], None)
            .unwrap();
    assert_eq!(a.status, 401);
    with_tb(|tb| {
        assert_eq!(tb.accounts().len(), 2);
        assert_eq!(tb.accounts()[0].email, CLAIRE);
        assert_eq!(tb.accounts()[0].name, "Claire Martin");
        assert!(tb.smtp_port() > 0 && tb.imap_port() > 0);
        assert!(tb.dir().join("etc/imapd.conf").is_file());
    });
}

#[test]
fn seeded_mailboxes_keywords_search_calendar_contacts() {
    shared();
    let c = claire();
    let list = c.mailboxes().unwrap();
    // (name, role, total, unread) from the fixture.
    for (name, role, total, unread) in [
        ("Inbox", Some("inbox"), 3, 2),
        ("Sent", Some("sent"), 1, 0),
        ("Drafts", Some("drafts"), 1, 0),
        ("Trash", Some("trash"), 1, 0),
        ("Archive", Some("archive"), 0, 0),
        ("Junk", Some("junk"), 0, 0),
        ("Projets", None, 1, 0),
        ("Conseils de classe", None, 2, 1),
    ] {
        let m = mailbox(&list, name);
        assert_eq!(m["role"].as_str(), role, "{m}");
        assert_eq!(m["totalEmails"], total, "{m}");
        assert_eq!(m["unreadEmails"], unread, "{m}");
    }
    let projets = mailbox(&list, "Projets")["id"].clone();
    assert_eq!(mailbox(&list, "Conseils de classe")["parentId"], projets);

    // Keywords: the flagged message of the Inbox; drafts get $draft.
    let r = c
        .call_ok(
            &[],
            json!([
                ["Email/query", {"accountId": c.account_id, "filter": {"hasKeyword": "$flagged"}}, "q"],
                ["Email/get", {"accountId": c.account_id, "#ids": {"resultOf": "q", "name": "Email/query", "path": "/ids"}, "properties": ["subject", "keywords", "receivedAt"]}, "g"]
            ]),
        )
        .unwrap();
    let mut subjects: Vec<String> =
        r[1][1]["list"].as_array().unwrap().iter().map(|e| e["subject"].as_str().unwrap().to_string()).collect();
    subjects.sort();
    assert_eq!(subjects, ["Conseil 3e A", "Préparation du conseil de classe"]);
    let prep = r[1][1]["list"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["subject"] == "Préparation du conseil de classe")
        .unwrap();
    assert!(prep["keywords"].get("$seen").is_none(), "{prep}");
    assert!(prep["receivedAt"].as_str().unwrap().ends_with('Z'));
    let drafts = c.query_emails(json!({"hasKeyword": "$draft"}), 10).unwrap();
    assert_eq!(drafts.len(), 1);

    // Full-text search after seeding.
    let hits = c.query_emails(json!({"text": "conseil"}), 50).unwrap();
    assert!(hits.len() >= 3, "text search for 'conseil' found {hits:?}");
    let body_hit = c.query_emails(json!({"body": "appréciations"}), 50).unwrap();
    assert_eq!(body_hit.len(), 1);

    // Calendar (VEVENT via JMAP) and contacts.
    let r = c.call_ok(&[CALENDARS], json!([["CalendarEvent/get", {"accountId": c.account_id}, "e"]])).unwrap();
    let ev = &r[0][1]["list"][0];
    assert_eq!(ev["title"], "Conseil de classe 3e A", "{r}");
    let r = c.call_ok(&[CONTACTS], json!([["Contact/get", {"accountId": c.account_id}, "c"]])).unwrap();
    assert_eq!(r[0][1]["list"][0]["lastName"], "Durand", "{r}");
    let todo =
        c.request("GET", &format!("/dav/calendars/user/{CLAIRE}/Default/todo-appreciations.ics"), &[], None).unwrap();
    assert_eq!(todo.status, 200);
    assert!(todo.text().contains("VTODO"));
    assert_eq!(ev["participants"].as_object().map(|p| p.len()), Some(3), "{ev}");
    with_tb(|tb| {
        assert!(tb.seed_summary().iter().any(|s| s.email == CLAIRE && s.messages == 9 && s.tasks == 1));
        // Seeding an event with attendees must not send invitations through Postfix.
        let log = std::fs::read_to_string(tb.dir().join("postfix.log")).unwrap();
        assert!(!log.contains(&format!("from=<{CLAIRE}>")), "{log}");
    });
}

fn wait_for_subject(c: &Client, subject: &str) -> Duration {
    let t0 = Instant::now();
    let inbox =
        c.mailboxes().unwrap().into_iter().find(|m| m["role"] == "inbox").unwrap()["id"].as_str().unwrap().to_string();
    loop {
        let ids = c.query_emails(json!({"inMailbox": inbox, "header": ["Subject", subject]}), 5).unwrap();
        if !ids.is_empty() {
            return t0.elapsed();
        }
        assert!(t0.elapsed() < Duration::from_secs(10), "{subject:?} not in the Inbox after 10 s");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn deliver_reaches_inbox() {
    shared();
    let msg = "From: Parent <parent@example.org>\r\nTo: Paul Durand <paul.durand@ac-cevennes.fr>\r\nSubject: Livraison testbed 7f3a\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <deliver-7f3a@example.org>\r\n\r\nBonjour.\r\n.leading dot line\r\n";
    with_tb(|tb| tb.deliver(msg.as_bytes(), "parent@example.org", &[PAUL]).unwrap());
    let paul = Client::connect(&shared().cyrus_url, PAUL, PAUL_PW).unwrap();
    wait_for_subject(&paul, "Livraison testbed 7f3a");
}

#[test]
fn jmap_email_submission_goes_through_postfix() {
    shared();
    let paul = Client::connect(&shared().cyrus_url, PAUL, PAUL_PW).unwrap();
    let boxes = paul.mailboxes().unwrap();
    let drafts = boxes.iter().find(|m| m["role"] == "drafts").unwrap()["id"].clone();
    let sent = boxes.iter().find(|m| m["role"] == "sent").unwrap()["id"].clone();
    let r = paul.call_ok(&[SUBMISSION], json!([["Identity/get", {"accountId": paul.account_id}, "i"]])).unwrap();
    let identity = r[0][1]["list"][0]["id"].clone();
    let r = paul
        .call_ok(
            &[SUBMISSION],
            json!([
                ["Email/set", {"accountId": paul.account_id, "create": {"d": {
                    "mailboxIds": {drafts.as_str().unwrap(): true},
                    "keywords": {"$draft": true, "$seen": true},
                    "from": [{"name": "Paul Durand", "email": PAUL}],
                    "to": [{"name": "Paul Durand", "email": PAUL}],
                    "subject": "Soumission JMAP 91c2",
                    "bodyValues": {"b": {"value": "Envoyé par EmailSubmission."}},
                    "textBody": [{"partId": "b", "type": "text/plain"}]
                }}}, "c"],
                ["EmailSubmission/set", {"accountId": paul.account_id,
                    "create": {"s": {"identityId": identity, "emailId": "#d"}},
                    "onSuccessUpdateEmail": {"#s": {
                        format!("mailboxIds/{}", drafts.as_str().unwrap()): null,
                        format!("mailboxIds/{}", sent.as_str().unwrap()): true,
                        "keywords/$draft": null
                    }}}, "s"]
            ]),
        )
        .unwrap();
    assert!(r[1][1]["created"]["s"].is_object(), "{r}");
    wait_for_subject(&paul, "Soumission JMAP 91c2");
}

fn get(url: &str, headers: &[(&str, &str)]) -> facteur_testbed::jmap::HttpAnswer {
    http(&facteur_testbed::jmap::agent(), "GET", url, headers, None).unwrap()
}

#[test]
fn app_server_same_origin() {
    let s = shared();
    let app = &s.app_url;
    assert_ne!(app, &s.cyrus_url);
    let html = "text/html,application/xhtml+xml";
    let csp = std::fs::read_to_string(fixtures().join("dist/csp.txt")).ok();
    assert!(csp.is_none(), "the fixture has no csp.txt: the default applies");

    let root = get(&format!("{app}/"), &[("Accept", html)]);
    assert_eq!(root.status, 200);
    assert!(root.text().contains("facteur-index"));
    assert_eq!(root.header("cache-control"), Some("no-cache"));
    assert_eq!(root.header("content-security-policy"), Some(facteur_testbed::DEFAULT_CSP));
    assert_eq!(root.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(root.header("referrer-policy"), Some("no-referrer"));

    let spa = get(&format!("{app}/mail/inbox"), &[("Accept", html)]);
    assert_eq!(spa.status, 200);
    assert!(spa.text().contains("facteur-index"));
    assert!(spa.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(spa.header("cache-control"), Some("no-cache"));
    // Not HTML: no fallback.
    assert_eq!(get(&format!("{app}/missing.js"), &[("Accept", "*/*")]).status, 404);

    let wasm = get(&format!("{app}/facteur-0123456789abcdef_bg.wasm"), &[]);
    assert_eq!(wasm.status, 200);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.header("cache-control"), Some("public, max-age=31536000, immutable"));
    assert_eq!(wasm.body, b"\0asm\x01\0\0\0");
    assert_eq!(wasm.header("content-security-policy"), None, "a wasm module has no policy of its own");

    // Precompressed variants (Trunk's *.gz / *.br) are served when accepted.
    let js = get(&format!("{app}/facteur-0123456789abcdef.js"), &[("Accept-Encoding", "gzip")]);
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-encoding"), Some("gzip"));
    assert!(js.header("content-type").unwrap().contains("javascript"));
    assert_eq!(&js.body[..2], b"\x1f\x8b");
    let plain = get(&format!("{app}/facteur-0123456789abcdef.js"), &[]);
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.text(), "console.log(1)\n");

    // Proxy: auth passes through, and so does a 401.
    let ok = get(&format!("{app}/jmap/"), &[("Authorization", &basic(CLAIRE, CLAIRE_PW))]);
    assert_eq!(ok.status, 200, "{}", ok.text());
    let session: Value = serde_json::from_slice(&ok.body).unwrap();
    assert_eq!(session["primaryAccounts"]["urn:ietf:params:jmap:mail"], CLAIRE);
    // The policy goes with documents (and the service worker) only: a JSON answer has none.
    assert!(ok.header("content-security-policy").is_none());
    let denied = get(&format!("{app}/jmap/"), &[("Authorization", &basic(CLAIRE, "nope"))]);
    assert_eq!(denied.status, 401);
    assert!(denied.header("www-authenticate").is_some());
    // A JMAP call, an upload and a DAV request through the proxy.
    let c = Client::connect(app, CLAIRE, CLAIRE_PW).unwrap();
    let blob = c.upload(b"hello", "text/plain").unwrap();
    assert!(!blob.is_empty());
    assert_eq!(c.mailboxes().unwrap().len(), 8);
    let dav =
        c.request("GET", &format!("/dav/addressbooks/user/{CLAIRE}/Default/contact-paul.vcf"), &[], None).unwrap();
    assert_eq!(dav.status, 200);
    // Redirects are passed through, with Location on the app origin.
    let wk = get(&format!("{app}/.well-known/jmap"), &[]);
    assert!((300..400).contains(&wk.status), "{} {}", wk.status, wk.text());
    let loc = wk.header("location").unwrap();
    assert!(!loc.contains(&s.cyrus_url), "{loc}");
    assert!(loc.starts_with('/') || loc.starts_with(app.as_str()), "{loc}");
}

#[test]
fn restart_over_a_crashed_run() {
    let dir = std::env::temp_dir().join(format!("facteur-testbed-crash-{}", std::process::id()));
    let tb = Testbed::start(TestbedOptions { dir: Some(dir.clone()), ..Default::default() }).unwrap();
    let old_http = tb.jmap_url();
    // Simulate a crash: the processes stay, the handle is gone.
    std::mem::forget(tb);
    let pid: i32 = std::fs::read_to_string(dir.join("run/master.pid")).unwrap().trim().parse().unwrap();
    assert!(std::path::Path::new(&format!("/proc/{pid}")).exists());
    let mut tb = Testbed::start(TestbedOptions { dir: Some(dir.clone()), ..Default::default() }).unwrap();
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
            || std::fs::read_to_string(format!("/proc/{pid}/stat")).map(|s| s.contains(") Z")).unwrap_or(true)
    );
    assert!(facteur_testbed::jmap::http(
        &facteur_testbed::jmap::agent(),
        "GET",
        &format!("{old_http}/jmap/"),
        &[],
        None
    )
    .is_err());
    assert_eq!(tb.app_url(), tb.jmap_url());
    let new_pid: i32 = std::fs::read_to_string(dir.join("run/master.pid")).unwrap().trim().parse().unwrap();
    tb.stop();
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        !std::path::Path::new(&format!("/proc/{new_pid}/cmdline")).exists()
            || std::fs::read(format!("/proc/{new_pid}/cmdline")).unwrap().is_empty()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
