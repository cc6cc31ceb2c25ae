//! `facteur-bench`: measures the release bundle in headless Chromium against the real mail
//! server (see `scripts/bench.sh`, which builds the bundle first) and checks the budgets.
//!
//! ```text
//! facteur-bench [--runs N] [--folder-size N] [--scroll-rows N] [--data DIR] [--out FILE | --no-write]
//!               [--budgets FILE]
//! ```
//! Exit status: 0 when every budget holds, 1 when one is exceeded, 2 when the benchmark failed.

use facteur_browser_tests::bench::{budgets::Budgets, bytes, measure, report, Figures};
use facteur_browser_tests::{paths, Result};
use facteur_testbed::{bulk, ServerKind, Testbed, TestbedOptions};
use std::path::PathBuf;
use std::time::Instant;

const WHO: &str = "claire.martin@ac-cevennes.fr";
/// The big folder of Claire's account (generated mail of five school years).
pub const BIG_FOLDER: &str = "Archives 2021-2026";
/// A word of many generated mails (bodies and a sender), searched in the big folder.
const SEARCH_WORD: &str = "Pronote";

struct Args {
    server: ServerKind,
    runs: usize,
    folder_size: usize,
    scroll_rows: usize,
    data: PathBuf,
    out: Option<PathBuf>,
    budgets: PathBuf,
}

fn parse_args() -> Args {
    // Outside the clone and readable by the mail server's own users (Postfix cannot enter a
    // home directory like /root): /var/tmp survives reboots.
    let uid = unsafe { libc::getuid() };
    let data = PathBuf::from(format!("/var/tmp/facteur-bench-{uid}"));
    let mut a = Args {
        server: ServerKind::from_env().unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        }),
        runs: 5,
        folder_size: 100_000,
        scroll_rows: 5_000,
        data: std::env::var_os("FACTEUR_BENCH_DATA").map(PathBuf::from).unwrap_or(data),
        out: Some(paths::repo_dir().join("BENCHMARKS.md")),
        budgets: facteur_browser_tests::bench::budgets::default_path(),
    };
    let mut it = std::env::args().skip(1);
    let usage = || -> ! {
        eprintln!(
            "usage: facteur-bench [--server cyrus|stalwart] [--runs N] [--folder-size N] [--scroll-rows N] [--data DIR] [--out FILE | --no-write] [--budgets FILE]"
        );
        std::process::exit(2)
    };
    while let Some(arg) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        let num = |s: String| s.replace('_', "").parse::<usize>().unwrap_or_else(|_| usage());
        match arg.as_str() {
            "--runs" => a.runs = num(val()).max(1),
            "--server" => {
                let name = val();
                a.server = ServerKind::parse(&name).unwrap_or_else(|| usage());
            }
            "--folder-size" => a.folder_size = num(val()),
            "--scroll-rows" => a.scroll_rows = num(val()),
            "--data" => a.data = PathBuf::from(val()),
            "--out" => a.out = Some(PathBuf::from(val())),
            "--no-write" => a.out = None,
            "--budgets" => a.budgets = PathBuf::from(val()),
            _ => usage(),
        }
    }
    a
}

/// CPU model, cores, memory and kernel of this machine.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:").map(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok()))
                .flatten()
        })
        .map(|kib| format!("{:.1} GB RAM", kib / 1_048_576.0))
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{}, {cores} cores, {mem}, Linux {}", cpu.unwrap_or_else(|| "unknown CPU".into()), kernel.trim())
}

fn run(args: &Args) -> Result<bool> {
    let budgets = Budgets::load(&args.budgets)?;
    let dist = paths::dist_dir()?;
    let files = bytes::bundle(&dist)?;
    let t0 = Instant::now();
    eprintln!("bench: starting the mail server (data kept in {})", args.data.display());
    // Each server keeps its own data.
    let data = match args.server {
        ServerKind::Cyrus => args.data.clone(),
        other => PathBuf::from(format!("{}-{}", args.data.display(), other.name())),
    };
    let mut tb = Testbed::start(TestbedOptions {
        server: args.server,
        dir: Some(data),
        keep_data: true,
        seed_dir: Some(paths::seed_dir()?),
        dist_dir: Some(dist),
        ..Default::default()
    })
    .map_err(|e| facteur_browser_tests::Error(format!("testbed: {e}")))?;
    let result = (|| {
        let account = tb
            .accounts()
            .iter()
            .find(|a| a.email == WHO)
            .cloned()
            .ok_or_else(|| facteur_browser_tests::Error::msg("no seeded Claire"))?;
        eprintln!("bench: filling {BIG_FOLDER:?} up to {} messages (kept between runs)", args.folder_size);
        let filled = bulk::fill_folder(&tb, WHO, BIG_FOLDER, args.folder_size)
            .map_err(|e| facteur_browser_tests::Error(format!("bulk: {e}")))?;
        eprintln!("bench: {filled}; ready in {:.0}s", t0.elapsed().as_secs_f64());
        let target = measure::Target {
            app_url: tb.app_url(),
            email: account.email.clone(),
            password: account.password.clone(),
            big_folder: BIG_FOLDER.into(),
            scroll_rows: args.scroll_rows,
        };
        let mut figures = Figures::default();
        let mut browser_version = String::new();
        for run in 0..args.runs {
            let t = Instant::now();
            let b = measure::browser(&target)?;
            if browser_version.is_empty() {
                let v = b.cdp("Browser.getVersion", serde_json::json!({}))?;
                browser_version = format!("{} (headless)", v["product"].as_str().unwrap_or("Chromium"));
            }
            let mut f = Figures::default();
            measure::cold_from_form(&b, &target, &mut f)?;
            measure::reload_signed_in(&b, &target, "restored", false, &mut f)?;
            measure::reload_signed_in(&b, &target, "warm", true, &mut f)?;
            measure::open_message(&b, run, "open_early", &mut f)?;
            measure::wait_parts_fetched(&b)?;
            measure::open_message(&b, run + 2, "open", &mut f)?;
            measure::open_message_prefetched(&b, run + 1, &mut f)?;
            measure::big_folder(&b, &target, &mut f)?;
            measure::search(&b, SEARCH_WORD, &mut f)?;
            measure::new_mail(&b, &tb, &target, run, &mut f)?;
            measure::compose(&b, &tb, &target, "compose.open_ms", true, run, &mut f)?;
            drop(b);
            eprintln!("bench: run {}/{} done in {:.0}s", run + 1, args.runs, t.elapsed().as_secs_f64());
            figures.merge(f);
        }
        let verdicts = budgets.check(&figures);
        let server = args.server;
        let ctx = report::Context {
            server,
            command: format!("scripts/bench.sh{}", std::env::args().skip(1).map(|a| format!(" {a}")).collect::<String>()),
            commit: commit(),
            date: chrono_like_now(),
            machine: machine(),
            browser: browser_version,
            runs: args.runs,
            big_folder: format!(
                "`{BIG_FOLDER}` of {WHO}, {} generated messages (IMAP MULTIAPPEND; {})",
                filled.total,
                if filled.added == 0 { "reused from an earlier run".to_string() } else { format!("{} added in {:.0} s", filled.added, filled.elapsed.as_secs_f64()) }
            ),
            notes: vec![
                "The password is never stored (README, “What is stored where”): a reload of a signed-in tab keeps the username and asks for the password again; times after a reload exclude the typing.".into(),
                "Chromium accepts brotli on http://127.0.0.1 (a secure context): the transfer figures are the `.br` files.".into(),
                format!("Search: the word “{SEARCH_WORD}” typed in the search field of the big folder, then Enter ({}).", if server == ServerKind::Cyrus { "Cyrus's Xapian index, built while the folder was filled" } else { "Stalwart's full-text index in SQLite" }),
                "Open a message: “right after the first rows” clicks a row as soon as the warm load's first rows are painted, before the reading pane's code (fetched in the background 0.3 s later) is in; the others wait for the parts of the app to be in (mark `facteur:parts-fetched`). “no prefetch” clicks a row the pointer never rested on; “fetched ahead” first moves the pointer onto the row (a real mouse move through CDP), waits for the conversation request the app makes then, and times from the click.".into(),
                if server == ServerKind::Cyrus {
                    "New mail (a change made elsewhere): delivered to Claire through Postfix while her Inbox is open; counted from the moment the server holds it (asked over JMAP by the bench) to its row painted. Cyrus does not push: the app finds it at its next poll (every 4 s).".into()
                } else {
                    "New mail (a change made elsewhere): delivered to Claire over LMTP while her Inbox is open; counted from the moment the server holds it (when the LMTP delivery is answered: LMTP answers once the mail is stored) to its row painted, as the page's clock sees it. Stalwart pushes: the app asks on its `StateChange`.".into()
                },
                format!("Memory: the JS heap (CDP, after a forced garbage collection) and the wasm linear memory (it never shrinks) before and after scrolling down through {} rows of the big folder.", args.scroll_rows),
            ],
        };
        print!("{}", report::text(&ctx, &files, &figures, &verdicts));
        if let Some(out) = &args.out {
            let doc = std::fs::read_to_string(out).unwrap_or_else(|_| "# Benchmarks\n".into());
            std::fs::write(
                out,
                report::splice_server(&doc, &report::markdown(&ctx, &files, &figures, &verdicts), server),
            )?;
            eprintln!("bench: wrote {}", out.display());
        }
        Ok(verdicts.iter().all(|v| v.passed()))
    })();
    tb.stop();
    result
}

/// `YYYY-MM-DD HH:MM UTC` from the system clock (`date -u`).
/// The commit of the work tree being measured: its short hash, "+ uncommitted changes" when
/// files other than BENCHMARKS.md differ from it.
fn commit() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(facteur_browser_tests::paths::repo_dir())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let Some(hash) = git(&["rev-parse", "--short", "HEAD"]) else {
        return "unknown (not a git work tree)".into();
    };
    let changed = git(&["status", "--porcelain", "--untracked-files=no"])
        .unwrap_or_default()
        .lines()
        .any(|line| !line.ends_with("BENCHMARKS.md"));
    if changed {
        format!("`{hash}` + uncommitted changes")
    } else {
        format!("`{hash}`")
    }
}

fn chrono_like_now() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn main() {
    let args = parse_args();
    match run(&args) {
        Ok(true) => {}
        Ok(false) => {
            eprintln!("bench: a budget is exceeded (see above)");
            std::process::exit(1)
        }
        Err(e) => {
            eprintln!("bench failed: {e}");
            std::process::exit(2)
        }
    }
}
