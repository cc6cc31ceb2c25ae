//! Bulk filling of a folder against the real Cyrus: counts, idempotence, flags, dates, threads,
//! and a kept mail store reused by a second testbed.

use facteur_testbed::bulk::{fill_folder, fill_folder_with, BulkMethod};
use facteur_testbed::jmap::Client;
use facteur_testbed::{Testbed, TestbedOptions};
use serde_json::{json, Value};
use std::path::PathBuf;

/// This package's directory, read when the test runs (cargo sets it), not when it was compiled:
/// the target directory is shared by every copy of the tree, and an artifact compiled in
/// another copy would point there.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
const CLAIRE_PW: &str = "demo-claire";

fn seed() -> PathBuf {
    PathBuf::from(manifest_dir()).join("tests/fixtures/seed")
}

fn query_total(c: &Client, mailbox_id: &str, filter_extra: Value) -> u64 {
    let mut filter = json!({"inMailbox": mailbox_id});
    if let Some(extra) = filter_extra.as_object() {
        for (k, v) in extra {
            filter[k] = v.clone();
        }
    }
    let r = c
        .call_ok(&[], json!([["Email/query", {"accountId": c.account_id, "filter": filter, "calculateTotal": true, "limit": 1}, "q"]]))
        .unwrap();
    r[0][1]["total"].as_u64().unwrap_or_else(|| panic!("no total: {r}"))
}

#[test]
fn fill_500_then_reuse_kept_store() {
    let dir = std::env::temp_dir().join(format!("facteur-testbed-bulk-{}", std::process::id()));
    let opts = TestbedOptions { dir: Some(dir.clone()), keep_data: true, seed_dir: Some(seed()), ..Default::default() };
    let mut tb = Testbed::start(opts.clone()).expect("testbed");
    assert!(!tb.seed_summary().is_empty(), "first start seeds");

    let report = fill_folder(&tb, CLAIRE, "Archives-2019", 500).expect("fill");
    eprintln!("{report}");
    assert_eq!((report.before, report.added, report.total), (0, 500, 500));

    let c = Client::connect(&tb.jmap_url(), CLAIRE, CLAIRE_PW).unwrap();
    let id = report.mailbox_id.clone();
    assert_eq!(query_total(&c, &id, json!({})), 500);
    let unread = query_total(&c, &id, json!({"notKeyword": "$seen"}));
    let flagged = query_total(&c, &id, json!({"hasKeyword": "$flagged"}));
    assert!((10..100).contains(&unread), "{unread} unread of 500");
    assert!((5..50).contains(&flagged), "{flagged} flagged of 500");

    // Newest first by receivedAt: dates go back ~26 min per message, from 2026-11-22.
    let r = c
        .call_ok(
            &[],
            json!([
                ["Email/query", {"accountId": c.account_id, "filter": {"inMailbox": id}, "sort": [{"property": "receivedAt", "isAscending": false}], "collapseThreads": true, "calculateTotal": true, "limit": 500}, "q"],
                ["Email/get", {"accountId": c.account_id, "#ids": {"resultOf": "q", "name": "Email/query", "path": "/ids"}, "properties": ["receivedAt", "subject", "from", "hasAttachment"]}, "g"]
            ]),
        )
        .unwrap();
    let threads = r[0][1]["total"].as_u64().unwrap();
    assert!((300..480).contains(&threads), "{threads} conversations for 500 mails (replies join their parent)");
    let list = r[1][1]["list"].as_array().unwrap();
    let attached = list.iter().filter(|m| m["hasAttachment"] == true).count();
    assert!((10..80).contains(&attached), "{attached} of {} conversations' newest mails with attachments", list.len());
    let first = list[0]["receivedAt"].as_str().unwrap();
    let last = list[list.len() - 1]["receivedAt"].as_str().unwrap();
    assert!(first.starts_with("2026-11-22"), "{first}");
    assert!(last < "2026-11-14" && last > "2026-11-10", "{last}");
    assert!(list.iter().any(|m| m["subject"].as_str().unwrap_or("").contains("é")), "decoded French subjects");

    // Idempotent: nothing is added when the folder already holds the count; more tops it up.
    let again = fill_folder(&tb, CLAIRE, "Archives-2019", 500).unwrap();
    assert_eq!((again.before, again.added, again.total), (500, 0, 500));
    let more = fill_folder_with(&tb, CLAIRE, "Archives-2019", 560, BulkMethod::JmapImport).unwrap();
    assert_eq!((more.before, more.added, more.total), (500, 60, 560));
    // A nested folder is created level by level.
    let nested = fill_folder(&tb, CLAIRE, "Archives/Lycée 2018", 20).unwrap();
    assert_eq!(nested.total, 20);
    tb.stop();

    // The kept store: a second testbed on the same directory does not seed again and still has
    // the filled folder.
    let mut tb = Testbed::start(opts).expect("second testbed");
    assert!(tb.seed_summary().is_empty(), "kept store is not seeded again");
    let again = fill_folder(&tb, CLAIRE, "Archives-2019", 560).unwrap();
    assert_eq!((again.before, again.added), (560, 0));
    let c = Client::connect(&tb.jmap_url(), CLAIRE, CLAIRE_PW).unwrap();
    let inbox = c.mailboxes().unwrap().into_iter().find(|m| m["role"] == "inbox").unwrap();
    assert!(inbox["totalEmails"].as_u64().unwrap() > 0, "seeded inbox kept");
    tb.stop();
    let _ = std::fs::remove_dir_all(&dir);
}
