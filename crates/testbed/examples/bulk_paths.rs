//! Measures the bulk delivery paths of this Cyrus on N generated messages each (default 5000):
//! IMAP MULTIAPPEND, JMAP upload + Email/import, and LMTP pipelining straight to lmtpd.
//!
//! `cargo run --release -p facteur-testbed --example bulk_paths -- 5000`

use facteur_testbed::bulk::{fill_folder_with, folder_seed, BulkMethod};
use facteur_testbed::generate::generate;
use facteur_testbed::jmap::Client;
use facteur_testbed::{Testbed, TestbedOptions};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::time::Instant;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed");
    let tb = Testbed::start(TestbedOptions { seed_dir: Some(seed), ..Default::default() }).expect("testbed");
    for (folder, method) in [("Bulk-IMAP", BulkMethod::ImapMultiappend), ("Bulk-JMAP", BulkMethod::JmapImport)] {
        let r = fill_folder_with(&tb, CLAIRE, folder, n, method).expect("fill");
        println!("{folder}: {r}");
    }
    // LMTP: the folder must exist; delivery to user+folder.
    let r = fill_folder_with(&tb, CLAIRE, "Bulk-LMTP", 0, BulkMethod::ImapMultiappend).expect("create");
    let t0 = Instant::now();
    let bytes = lmtp_deliver(&tb, "Bulk-LMTP", n);
    let secs = t0.elapsed().as_secs_f64();
    let c = Client::connect(&tb.jmap_url(), CLAIRE, "demo-claire").unwrap();
    let total =
        c.mailboxes().unwrap().into_iter().find(|m| m["id"] == r.mailbox_id.as_str()).unwrap()["totalEmails"].clone();
    println!(
        "Bulk-LMTP: {n} messages by LMTP in {secs:.1}s: {:.0} msg/s, {:.1} MB; folder holds {total} (LMTP keeps neither dates nor flags)",
        n as f64 / secs,
        bytes as f64 / 1e6
    );
}

/// LMTP with PIPELINING (RFC 2033) on lmtpd's unix socket, 100 messages per round trip.
fn lmtp_deliver(tb: &Testbed, folder: &str, n: usize) -> usize {
    let s = UnixStream::connect(tb.dir().join("run/socket/lmtp")).expect("lmtp socket");
    let mut w = std::io::BufWriter::new(s.try_clone().unwrap());
    let mut r = BufReader::new(s);
    let mut line = String::new();
    let mut read_reply = |r: &mut BufReader<UnixStream>| -> String {
        let mut all = String::new();
        loop {
            line.clear();
            r.read_line(&mut line).unwrap();
            all.push_str(&line);
            if line.len() < 4 || line.as_bytes()[3] != b'-' {
                return all;
            }
        }
    };
    read_reply(&mut r);
    w.write_all(b"LHLO facteur\r\n").unwrap();
    w.flush().unwrap();
    read_reply(&mut r);
    let seed = folder_seed(CLAIRE, folder);
    let rcpt = CLAIRE.replacen('@', &format!("+{folder}@"), 1);
    let mut bytes = 0;
    for chunk in (0..n).collect::<Vec<_>>().chunks(100) {
        for &i in chunk {
            let m = generate(seed, i, "Claire Martin", CLAIRE);
            bytes += m.raw.len();
            write!(w, "MAIL FROM:<dec@ac-cevennes.fr>\r\nRCPT TO:<{rcpt}>\r\nDATA\r\n").unwrap();
            for l in m.raw.split_inclusive(|&b| b == b'\n') {
                if l.starts_with(b".") {
                    w.write_all(b".").unwrap();
                }
                w.write_all(l).unwrap();
            }
            w.write_all(b".\r\n").unwrap();
        }
        w.flush().unwrap();
        for _ in chunk {
            for step in ["MAIL", "RCPT", "DATA", "message"] {
                let reply = read_reply(&mut r);
                if !(reply.starts_with('2') || reply.starts_with('3')) {
                    panic!("LMTP {step}: {reply}");
                }
            }
        }
    }
    bytes
}
