//! `facteur-testbed serve --seed seed --dist dist --port 8080 [--dir DIR]`

use facteur_testbed::{Testbed, TestbedOptions};
use std::path::PathBuf;

const USAGE: &str = "usage: facteur-testbed serve [--seed DIR] [--dist DIR] [--port PORT] [--dir DIR]

Starts a private Cyrus IMAP (JMAP, CalDAV, CardDAV) + Postfix on 127.0.0.1, seeds the demo
accounts from --seed, serves the built app from --dist on the same origin as /jmap (port 0 = any
free port), and runs until SIGINT/SIGTERM.";

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
    let mut opts = TestbedOptions::default();
    while let Some(a) = args.next() {
        let mut val = |name: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("{name} needs a value\n{USAGE}");
                std::process::exit(2)
            })
        };
        match a.as_str() {
            "--seed" => opts.seed_dir = Some(PathBuf::from(val("--seed"))),
            "--dist" => opts.dist_dir = Some(PathBuf::from(val("--dist"))),
            "--dir" => opts.dir = Some(PathBuf::from(val("--dir"))),
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
    println!();
    println!("Facteur demo: {}", tb.app_url());
    println!("  JMAP session: {}/jmap/  (Cyrus httpd: {})", tb.app_url(), tb.cyrus_http_url());
    println!("  SMTP 127.0.0.1:{}  IMAP 127.0.0.1:{}  dir {}", tb.smtp_port(), tb.imap_port(), tb.dir().display());
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
