//! The testbed on its second server, Stalwart (`facteur-stalwart`, built by
//! `scripts/install.sh`): it starts, seeds the demo accounts' mail through JMAP, delivers over
//! LMTP, pushes a `StateChange` on its event source, sets a quota and locks an account, and the
//! app server rewrites the session's absolute URLs to its own origin.

use facteur_testbed::jmap::{agent, basic, http, Client};
use facteur_testbed::{ServerKind, Testbed, TestbedOptions};
use serde_json::{json, Value};
use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    PathBuf::from(manifest).join("../..")
}

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";

fn wait_for_subject(c: &Client, subject: &str) -> Result<(), String> {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        let r = c
            .call_ok(&[], json!([["Email/query", {"accountId": c.account_id, "filter": {"subject": subject}}, "q"]]))
            .map_err(|e| e.to_string())?;
        if r[0][1]["ids"].as_array().is_some_and(|ids| !ids.is_empty()) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{subject:?} never arrived"))
}

#[test]
fn stalwart_seeds_delivers_pushes_and_is_administered() {
    // The app server needs a bundle: any directory with an index.html will do.
    let dist = std::env::temp_dir().join(format!("facteur-stalwart-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    let mut tb = Testbed::start(TestbedOptions {
        server: ServerKind::Stalwart,
        seed_dir: Some(repo().join("seed")),
        dist_dir: Some(dist.clone()),
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let claire = tb.accounts().iter().find(|a| a.email == CLAIRE).unwrap().clone();

    // Seeded: the mail of every folder, with the roles the app expects.
    let summary = tb.seed_summary().iter().find(|s| s.email == CLAIRE).unwrap().clone();
    assert!(summary.messages > 100, "{summary}");
    let c = Client::connect(&tb.jmap_url(), &claire.email, &claire.password).unwrap();
    let boxes = c.mailboxes().unwrap();
    let total: u64 = boxes.iter().map(|m| m["totalEmails"].as_u64().unwrap_or(0)).sum();
    assert!(total as usize >= summary.messages, "{total} < {}", summary.messages);
    for role in ["inbox", "sent", "drafts", "trash", "junk", "archive"] {
        assert!(boxes.iter().any(|m| m["role"] == role), "no {role}: {boxes:?}");
    }

    // Through the app server: its own origin in the session's URLs.
    let a = agent();
    let auth = basic(&claire.email, &claire.password);
    let session =
        http(&a, "GET", &format!("{}/jmap/session", tb.app_url()), &[("Authorization", &auth)], None).unwrap();
    assert_eq!(session.status, 200, "{}", session.text());
    let s: Value = serde_json::from_slice(&session.body).unwrap();
    assert!(s["apiUrl"].as_str().unwrap().starts_with(&tb.app_url()), "{s}");
    assert!(s["eventSourceUrl"].as_str().unwrap().starts_with(&tb.app_url()), "{s}");

    // Push: the event source names the new Email state at once after a delivery.
    let url = s["eventSourceUrl"]
        .as_str()
        .unwrap()
        .replace("{types}", "*")
        .replace("{closeafter}", "no")
        .replace("{ping}", "0");
    let req = ureq::http::Request::builder()
        .uri(&url)
        .header("Authorization", &auth)
        .header("Accept", "text/event-stream")
        .body(())
        .unwrap();
    let resp = a.run(req).unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        let mut body = resp.into_body();
        let mut reader = body.as_reader();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(String::from_utf8_lossy(&buf[..n]).into_owned()).is_err() {
                break;
            }
        }
    });
    let raw = "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: claire.martin@ac-cevennes.fr\r\nSubject: Livraison LMTP\r\nMessage-ID: <lmtp-1@test>\r\n\r\nBonjour.\r\n";
    tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[CLAIRE]).unwrap();
    let started = Instant::now();
    let mut seen = String::new();
    while !seen.contains("\"Email\"") {
        let left = Duration::from_secs(10).checked_sub(started.elapsed()).expect("no StateChange naming Email");
        seen.push_str(&rx.recv_timeout(left).expect("no StateChange naming Email"));
    }
    assert!(seen.contains("StateChange"), "{seen}");
    wait_for_subject(&c, "Livraison LMTP").unwrap();

    // Quota: set by the administrator, seen by the user over JMAP (RFC 9425).
    let used = tb.mail_usage_kib(CLAIRE).unwrap();
    assert!(used > 0);
    tb.set_quota(CLAIRE, Some(used + 1000)).unwrap();
    let q =
        c.call_ok(&["urn:ietf:params:jmap:quota"], json!([["Quota/get", {"accountId": c.account_id}, "q"]])).unwrap();
    let limits: Vec<u64> = q[0][1]["list"].as_array().unwrap().iter().filter_map(|q| q["hardLimit"].as_u64()).collect();
    assert!(limits.contains(&((used + 1000) * 1024)), "{q}");
    tb.set_quota(CLAIRE, None).unwrap();

    // An account added at run time, then locked: the right password is refused.
    let added = tb.add_account("compte.essai@ac-cevennes.fr", "Un-Mot-De-Passe-1").unwrap();
    assert!(Client::connect(&tb.jmap_url(), &added.email, &added.password).is_ok());
    tb.deny_access(&added.email, true).unwrap();
    let denied = http(
        &a,
        "GET",
        &format!("{}/jmap/session", tb.jmap_url()),
        &[("Authorization", &basic(&added.email, &added.password))],
        None,
    )
    .unwrap();
    assert!(denied.status == 401 || denied.status == 403, "{} {}", denied.status, denied.text());
    tb.deny_access(&added.email, false).unwrap();
    assert!(Client::connect(&tb.jmap_url(), &added.email, &added.password).is_ok());

    // A restart keeps the store.
    tb.restart_server(Duration::from_millis(100)).unwrap();
    wait_for_subject(&Client::connect(&tb.jmap_url(), &claire.email, &claire.password).unwrap(), "Livraison LMTP")
        .unwrap();
    tb.stop();
    let _ = std::fs::remove_dir_all(&dist);
}
