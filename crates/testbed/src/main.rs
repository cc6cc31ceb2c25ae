//! `facteur-testbed serve [--server cyrus|stalwart] --seed seed --dist dist --port 8080 [--dir DIR | --data DIR] [--bulk EMAIL:FOLDER:COUNT]…`

use facteur_testbed::{bulk, ServerKind, Testbed, TestbedOptions};
use std::path::PathBuf;

const USAGE: &str = "usage: facteur-testbed serve [--server cyrus|stalwart] [--seed DIR] [--dist DIR] [--port PORT]
                              [--dir DIR | --data DIR] [--bulk EMAIL:FOLDER:COUNT]...

Starts a private mail server on 127.0.0.1 (Cyrus IMAP with JMAP, CalDAV, CardDAV + Postfix, or
Stalwart), seeds the demo accounts from --seed, serves the built app from --dist on the same
origin as /jmap (port 0 = any free port), and runs until SIGINT/SIGTERM.

  --server S   cyrus (the default, or $FACTEUR_SERVER) or stalwart
  --dir DIR    private directory, wiped at start
  --data DIR   private directory whose mail store is KEPT between runs (seeding is skipped when it
               was seeded from the same files; bulk folders are reused)
  --bulk EMAIL:FOLDER:COUNT
               fill FOLDER (created if missing, `/` between levels) of EMAIL with COUNT generated
               messages (only the missing ones are added), e.g.
               --bulk claire.martin@ac-cevennes.fr:Archives-2019:100000";

/// Parses `EMAIL:FOLDER:COUNT` (the folder may hold `:`).
fn parse_bulk(spec: &str) -> Option<(String, String, usize)> {
    let (email, rest) = spec.split_once(':')?;
    let (folder, count) = rest.rsplit_once(':')?;
    let count = count.replace('_', "").parse().ok()?;
    (!email.is_empty() && !folder.is_empty()).then(|| (email.to_string(), folder.to_string(), count))
}

fn main() {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("serve") => {}
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            return;
        }
        _ => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    }
    let mut opts = TestbedOptions {
        server: ServerKind::from_env().unwrap_or_else(|e| {
            eprintln!("facteur-testbed: {e}");
            std::process::exit(2)
        }),
        ..Default::default()
    };
    let mut bulks: Vec<(String, String, usize)> = Vec::new();
    while let Some(a) = args.next() {
        let mut val = |name: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("{name} needs a value\n{USAGE}");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--server" => {
                let name = val("--server");
                opts.server = ServerKind::parse(&name).unwrap_or_else(|| {
                    eprintln!("--server needs cyrus or stalwart, got {name:?}");
                    std::process::exit(2)
                })
            }
            "--seed" => opts.seed_dir = Some(PathBuf::from(val("--seed"))),
            "--dist" => opts.dist_dir = Some(PathBuf::from(val("--dist"))),
            "--dir" => opts.dir = Some(PathBuf::from(val("--dir"))),
            "--data" => {
                opts.dir = Some(PathBuf::from(val("--data")));
                opts.keep_data = true;
            }
            "--bulk" => {
                let spec = val("--bulk");
                bulks.push(parse_bulk(&spec).unwrap_or_else(|| {
                    eprintln!("--bulk needs EMAIL:FOLDER:COUNT, got {spec:?}");
                    std::process::exit(2)
                }))
            }
            "--port" => {
                opts.app_port = val("--port").parse().unwrap_or_else(|_| {
                    eprintln!("--port needs a number");
                    std::process::exit(2)
                })
            }
            other => {
                eprintln!("unknown argument {other}\n{USAGE}");
                std::process::exit(2);
            }
        }
    }

    // Catch SIGINT/SIGTERM before starting anything, so that an early signal still stops cleanly.
    let (tx, rx) = std::sync::mpsc::channel::<&'static str>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
        rt.block_on(async move {
            use tokio::signal::unix::{signal, SignalKind};
            let mut int = signal(SignalKind::interrupt()).expect("SIGINT handler");
            let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
            let _ = tx.send("ready");
            let name = tokio::select! { _ = int.recv() => "SIGINT", _ = term.recv() => "SIGTERM" };
            let _ = tx.send(name);
        });
    });
    let _ = rx.recv();

    let mut tb = match Testbed::start(opts) {
        Ok(tb) => tb,
        Err(e) => {
            eprintln!("facteur-testbed: {e}");
            std::process::exit(1);
        }
    };
    for (email, folder, count) in &bulks {
        match bulk::fill_folder(&tb, email, folder, *count) {
            Ok(report) => eprintln!("testbed: {email} {folder}: {report}"),
            Err(e) => {
                eprintln!("facteur-testbed: --bulk {email}:{folder}:{count}: {e}");
                tb.stop();
                std::process::exit(1);
            }
        }
    }
    println!();
    println!("Facteur demo: {}", tb.app_url());
    println!("  JMAP session: {}/.well-known/jmap  ({}: {})", tb.app_url(), tb.kind(), tb.jmap_url());
    let mta = if tb.kind() == ServerKind::Cyrus { "SMTP" } else { "LMTP" };
    println!("  {mta} 127.0.0.1:{}  IMAP 127.0.0.1:{}  dir {}", tb.smtp_port(), tb.imap_port(), tb.dir().display());
    if !tb.accounts().is_empty() {
        println!("  Demo logins:");
        for a in tb.accounts() {
            println!("    {:<40} {:<20} {}", a.email, a.password, a.name);
        }
    }
    println!("Ctrl-C to stop.");
    let sig = rx.recv().unwrap_or("signal channel closed");
    eprintln!("facteur-testbed: {sig}, stopping");
    tb.stop();
    eprintln!("facteur-testbed: stopped");
}
