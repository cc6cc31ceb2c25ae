//! Facteur testbed: a real JMAP mail server run as this process's own children on 127.0.0.1,
//! from one private directory, seeded from files, with the web app served on the same origin as
//! `/jmap`. Two servers behind one interface ([`ServerKind`]): Cyrus IMAP 3.6 with Postfix (the
//! default), and Stalwart (`stalwart-lite`, through Facteur's `facteur-stalwart` binary), which
//! speaks the standard JMAP extensions and pushes. What only one of them can do is said by
//! [`Testbed::supports`].
//!
//! ```no_run
//! use facteur_testbed::{Testbed, TestbedOptions};
//! let tb = Testbed::start(TestbedOptions { seed_dir: Some("seed".into()), ..Default::default() })?;
//! println!("{}", tb.app_url());
//! # Ok::<(), facteur_testbed::TestbedError>(())
//! ```

mod admin;
mod app;
pub mod bulk;
mod cyrus;
pub mod generate;
pub mod jmap;
mod postfix;
mod proc;
mod seed;
mod stalwart;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub use admin::ExtraApp;
pub use app::{Front, DEFAULT_CSP, HELD_BACK};
pub use seed::SeedSummary;

/// Which mail server a testbed runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ServerKind {
    /// Cyrus IMAP 3.6 (Debian) with Postfix: older dialects of calendars, contacts, sieve and
    /// quota; no push.
    #[default]
    Cyrus,
    /// Stalwart (`stalwart-lite` 0.16): standard JMAP, push by event source and WebSocket.
    Stalwart,
}

impl ServerKind {
    /// Both, in the order the test command runs them.
    pub const ALL: [ServerKind; 2] = [ServerKind::Cyrus, ServerKind::Stalwart];

    /// `cyrus` or `stalwart`.
    pub fn name(self) -> &'static str {
        match self {
            ServerKind::Cyrus => "cyrus",
            ServerKind::Stalwart => "stalwart",
        }
    }

    /// From `cyrus` / `stalwart`.
    pub fn parse(name: &str) -> Option<ServerKind> {
        ServerKind::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The server named by `FACTEUR_SERVER` (Cyrus when unset); an unknown name is an error.
    pub fn from_env() -> Result<ServerKind, TestbedError> {
        match std::env::var("FACTEUR_SERVER") {
            Err(_) => Ok(ServerKind::Cyrus),
            Ok(v) if v.is_empty() => Ok(ServerKind::Cyrus),
            Ok(v) => ServerKind::parse(&v)
                .ok_or_else(|| TestbedError::Seed(format!("FACTEUR_SERVER={v:?}: expected `cyrus` or `stalwart`"))),
        }
    }
}

impl std::fmt::Display for ServerKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ServerKind::Cyrus => "Cyrus 3.6",
            ServerKind::Stalwart => "Stalwart",
        })
    }
}

/// What a test may need of the server beyond standard JMAP mail, and that only one of them
/// offers ([`Testbed::supports`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// Rights on a user's own folder taken away by the administrator, so that a change is
    /// refused (Cyrus: IMAP `SETACL`; Stalwart's owner always has every right).
    RightsOnOwnFolders,
    /// Push: the server's event source streams `StateChange`s (Stalwart; Cyrus answers 204).
    Push,
    /// Calendars and contacts seeded and readable over JMAP (Cyrus's older dialects; this
    /// Stalwart answers `unknownMethod` and has no DAV routes).
    CalendarsAndContacts,
    /// Names a folder may not have, refused by the server (Cyrus: `%`; Stalwart takes every
    /// name the app lets through).
    FolderNameRefusals,
    /// The MTA the server hands submitted mail to can be stopped on its own (Postfix beside
    /// Cyrus: [`Testbed::restart_mta_when`]); Stalwart's is inside the server.
    StoppableMta,
    /// Identities the user can create and change (`Identity/set`: Stalwart; Cyrus 3.6 answers
    /// `unknownMethod` and gives each account one identity, its address without a name).
    EditableIdentities,
    /// An address refused for a while after too many failed logins (Stalwart: 429, then a
    /// ban; never 127.0.0.1). Cyrus only answers 401.
    LoginBans,
}

/// Options of [`Testbed::start`].
#[derive(Debug, Clone, Default)]
pub struct TestbedOptions {
    /// Which server (default Cyrus).
    pub server: ServerKind,
    /// Private directory (wiped and created, unless `keep_data`). Default: a fresh directory
    /// under /tmp.
    pub dir: Option<PathBuf>,
    /// Keep the mail data of a previous run in `dir` (configuration, logs and Postfix are made
    /// anew): when `dir` holds a store seeded from the same seed directory, seeding is skipped and
    /// folders filled by [`bulk::fill_folder`] are reused. For benchmarks with 100,000 mails.
    pub keep_data: bool,
    /// Seed directory (`accounts.json`, `accounts/<email>/...`). None = no accounts, no seeding.
    pub seed_dir: Option<PathBuf>,
    /// Built app bundle (Trunk output). None = no app server.
    pub dist_dir: Option<PathBuf>,
    /// Port of the app server; 0 = pick a free port.
    pub app_port: u16,
}

/// A demo account (login = full email address).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Account {
    pub email: String,
    pub password: String,
    pub name: String,
}

/// Errors of the testbed. Process failures carry the tail of the relevant log.
#[derive(Debug, thiserror::Error)]
pub enum TestbedError {
    #[error("I/O error: {context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{what} failed to start: {reason}\n--- {log} (tail) ---\n{tail}")]
    Start { what: String, reason: String, log: String, tail: String },
    #[error("command `{command}` failed: {output}")]
    Command { command: String, output: String },
    #[error("seed error: {0}")]
    Seed(String),
    #[error("HTTP/JMAP error: {0}")]
    Http(String),
    #[error("SMTP error: {0}")]
    Smtp(String),
    #[error("app server error: {0}")]
    App(String),
}

impl TestbedError {
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        TestbedError::Io { context: context.into(), source }
    }
}

pub(crate) fn log_tail(path: &Path, lines: usize) -> String {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let all: Vec<&str> = text.lines().collect();
            all[all.len().saturating_sub(lines)..].join("\n")
        }
        Err(e) => format!("(cannot read {}: {e})", path.display()),
    }
}

/// Ports and paths of one instance.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub dir: PathBuf,
    pub imap_port: u16,
    pub http_port: u16,
    pub smtp_port: u16,
}

impl Layout {
    pub fn p(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }
    pub fn imapd_conf(&self) -> PathBuf {
        self.p("etc/imapd.conf")
    }
    pub fn pf_etc(&self) -> PathBuf {
        self.p("pf/etc")
    }
}

/// A running testbed. Dropping it stops everything.
pub struct Testbed {
    kind: ServerKind,
    layout: Layout,
    accounts: Vec<Account>,
    /// The mail server's process (Cyrus's master, or Stalwart), behind a lock so that a test
    /// can restart it through a shared testbed.
    server: std::sync::Mutex<Option<std::process::Child>>,
    /// Cyrus's MTA (none beside Stalwart, which is its own).
    postfix: std::sync::Mutex<Option<std::process::Child>>,
    app: Option<app::AppServer>,
    app_url: Option<String>,
    seed_summary: Vec<SeedSummary>,
    stopped: bool,
    /// The directory was made up by the testbed (not given): removed on stop.
    owned_dir: bool,
}

/// File in a kept directory that says from which seed its store was made.
const SEEDED_MARKER: &str = "seeded-from";

/// What identifies a seed: a hash of the names and contents of its files (a changed seed is
/// seeded anew).
fn seed_key(seed_dir: &Path) -> String {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        let mut entries: Vec<_> = rd.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if let Ok(bytes) = std::fs::read(&p) {
                let text = String::from_utf8_lossy(&bytes);
                out.push(format!("{} {:016x}", e.file_name().to_string_lossy(), generate::fnv1a(&text)));
            }
        }
    }
    let mut lines = Vec::new();
    walk(seed_dir, &mut lines);
    format!("{:016x}", generate::fnv1a(&lines.join("\n")))
}

static DIR_COUNTER: AtomicU32 = AtomicU32::new(0);

/// Picks a free TCP port on 127.0.0.1 (bind to port 0, read it, drop the socket).
pub fn free_port() -> Result<u16, TestbedError> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| TestbedError::io("bind 127.0.0.1:0", e))?;
    Ok(l.local_addr().map_err(|e| TestbedError::io("local_addr", e))?.port())
}

fn free_ports(n: usize) -> Result<Vec<u16>, TestbedError> {
    // Keep all listeners open until every port is chosen, so the ports are distinct.
    let mut listeners = Vec::new();
    for _ in 0..n {
        listeners
            .push(std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| TestbedError::io("bind 127.0.0.1:0", e))?);
    }
    listeners.iter().map(|l| Ok(l.local_addr().map_err(|e| TestbedError::io("local_addr", e))?.port())).collect()
}

pub(crate) fn port_answers(port: u16) -> bool {
    TcpStream::connect_timeout(&SocketAddr::from(([127, 0, 0, 1], port)), Duration::from_millis(200)).is_ok()
}

/// Reads `<seed>/accounts.json`.
pub fn read_accounts(seed_dir: &Path) -> Result<Vec<Account>, TestbedError> {
    #[derive(serde::Deserialize)]
    struct Raw {
        email: String,
        password: String,
        #[serde(default)]
        name: String,
    }
    let path = seed_dir.join("accounts.json");
    let text = std::fs::read_to_string(&path).map_err(|e| TestbedError::io(format!("read {}", path.display()), e))?;
    let raw: Vec<Raw> =
        serde_json::from_str(&text).map_err(|e| TestbedError::Seed(format!("{}: {e}", path.display())))?;
    Ok(raw.into_iter().map(|r| Account { email: r.email.to_lowercase(), password: r.password, name: r.name }).collect())
}

impl Testbed {
    /// Starts Cyrus, Postfix and (if `dist_dir`) the app server, creates the accounts and seeds
    /// them. Blocking; returns when everything answers.
    pub fn start(opts: TestbedOptions) -> Result<Testbed, TestbedError> {
        let t0 = Instant::now();
        let dir = match &opts.dir {
            Some(d) => {
                if d.is_absolute() {
                    d.clone()
                } else {
                    std::env::current_dir().map_err(|e| TestbedError::io("current_dir", e))?.join(d)
                }
            }
            None => PathBuf::from(format!(
                "/tmp/facteur-testbed-{}-{}",
                std::process::id(),
                DIR_COUNTER.fetch_add(1, Ordering::SeqCst)
            )),
        };
        let owned_dir = opts.dir.is_none();
        let accounts = match &opts.seed_dir {
            Some(s) => read_accounts(s)?,
            None => Vec::new(),
        };
        let ports = free_ports(3)?;
        let layout = Layout { dir, imap_port: ports[0], http_port: ports[1], smtp_port: ports[2] };

        // A previous crashed run of the same directory: kill what it left, then wipe (all of it,
        // or all but the mail store when it is to be kept).
        proc::kill_leftovers(&layout);
        let marker = layout.p(SEEDED_MARKER);
        let seed_key = opts.seed_dir.as_deref().map(seed_key).unwrap_or_default();
        let reuse = opts.keep_data
            && opts.dir.is_some()
            && std::fs::read_to_string(&marker).map(|k| k == seed_key).unwrap_or(false);
        if reuse {
            for rel in ["etc", "run", "pf", "sasldb2"] {
                let p = layout.p(rel);
                let removed = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
                match removed {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(TestbedError::io(format!("wipe {}", p.display()), e))
                    }
                    _ => {}
                }
            }
        } else if layout.dir.exists() {
            std::fs::remove_dir_all(&layout.dir)
                .map_err(|e| TestbedError::io(format!("wipe {}", layout.dir.display()), e))?;
        }

        let mut tb = Testbed {
            kind: opts.server,
            layout,
            accounts,
            server: std::sync::Mutex::new(None),
            postfix: std::sync::Mutex::new(None),
            app: None,
            app_url: None,
            seed_summary: Vec::new(),
            stopped: false,
            owned_dir,
        };
        let domains = domains_of(&tb.accounts);
        let (t_prepared, t_cyrus, t_servers, t_accounts);
        match tb.kind {
            ServerKind::Cyrus => {
                cyrus::prepare(&tb.layout, &tb.accounts)?;
                postfix::prepare(&tb.layout, &domains)?;
                // Postfix first: it is slower to come up, and Cyrus only needs it for submissions.
                t_prepared = t0.elapsed();
                *tb.postfix.get_mut().unwrap_or_else(|p| p.into_inner()) = Some(postfix::spawn(&tb.layout)?);
                let mut child = cyrus::spawn(&tb.layout)?;
                cyrus::wait_ready(&tb.layout, &mut child)?;
                *tb.server.get_mut().unwrap_or_else(|p| p.into_inner()) = Some(child);
                t_cyrus = t0.elapsed();
                // Postfix must answer before the first JMAP request: Cyrus probes its smtp_host
                // then, and without an answer the account lacks submission (Identity/get:
                // accountNotSupportedByMethod).
                let mta = tb.postfix.get_mut().unwrap_or_else(|p| p.into_inner());
                postfix::wait_ready(&tb.layout, mta.as_mut().expect("Postfix was just started"))?;
                t_servers = t0.elapsed();
                cyrus::init_accounts(&tb.layout, &tb.accounts)?;
            }
            ServerKind::Stalwart => {
                stalwart::prepare(&tb.layout)?;
                t_prepared = t0.elapsed();
                let mut child = stalwart::spawn(&tb.layout)?;
                let ready = stalwart::wait_ready(&tb.layout, &mut child);
                *tb.server.get_mut().unwrap_or_else(|p| p.into_inner()) = Some(child);
                ready?;
                t_cyrus = t0.elapsed();
                t_servers = t_cyrus;
                // A kept store has its accounts already.
                if !reuse {
                    stalwart::init_accounts(&tb.layout, &domains, &tb.accounts)?;
                }
            }
        }
        t_accounts = t0.elapsed();

        if let Some(seed_dir) = &opts.seed_dir {
            if reuse {
                if std::env::var_os("FACTEUR_TESTBED_QUIET").is_none() {
                    eprintln!("testbed: kept the mail store of {} (seeded earlier)", tb.layout.dir.display());
                }
            } else {
                tb.seed_summary =
                    seed::seed_all(&tb.layout, seed_dir, &tb.accounts, tb.supports(Feature::CalendarsAndContacts))?;
                if opts.keep_data {
                    std::fs::write(&marker, &seed_key)
                        .map_err(|e| TestbedError::io(format!("write {}", marker.display()), e))?;
                }
            }
        }
        let t_seed = t0.elapsed();

        if let Some(dist) = &opts.dist_dir {
            let server = app::AppServer::start(dist, opts.app_port, tb.jmap_url())?;
            tb.app_url = Some(format!("http://127.0.0.1:{}", server.port));
            tb.app = Some(server);
        }
        if std::env::var_os("FACTEUR_TESTBED_QUIET").is_none() {
            eprintln!(
                "testbed: {}: config {:.1}s, server up {:.1}s, MTA up {:.1}s, accounts ready {:.1}s, seeded {:.1}s ({})",
                tb.kind,
                t_prepared.as_secs_f64(),
                t_cyrus.as_secs_f64(),
                t_servers.as_secs_f64(),
                t_accounts.as_secs_f64(),
                t_seed.as_secs_f64(),
                tb.layout.dir.display()
            );
        }
        Ok(tb)
    }

    /// Which server this testbed runs.
    pub fn kind(&self) -> ServerKind {
        self.kind
    }

    /// Whether this server offers `feature`.
    pub fn supports(&self, feature: Feature) -> bool {
        self.kind.supports(feature)
    }

    /// The app origin (app + `/jmap` proxy) if a dist dir was given, else the server's HTTP url.
    pub fn app_url(&self) -> String {
        self.app_url.clone().unwrap_or_else(|| self.jmap_url())
    }
    /// The mail server's own HTTP origin (JMAP; Cyrus: CalDAV and CardDAV too).
    pub fn jmap_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.layout.http_port)
    }
    pub fn smtp_port(&self) -> u16 {
        self.layout.smtp_port
    }
    pub fn imap_port(&self) -> u16 {
        self.layout.imap_port
    }
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }
    /// One line per seeded account (empty if no seeding).
    pub fn seed_summary(&self) -> &[SeedSummary] {
        &self.seed_summary
    }
    pub fn dir(&self) -> &Path {
        &self.layout.dir
    }

    /// Delivers a raw message as an MTA does: by SMTP to Postfix, which hands local domains to
    /// Cyrus over LMTP; or by LMTP straight to Stalwart.
    pub fn deliver(&self, raw_message: &[u8], from: &str, to: &[&str]) -> Result<(), TestbedError> {
        match self.kind {
            ServerKind::Cyrus => smtp_send(self.layout.smtp_port, raw_message, from, to),
            ServerKind::Stalwart => mail_send(self.layout.smtp_port, true, raw_message, from, to),
        }
    }

    /// Sets a user's mail storage quota (in KiB) as the administrator: Cyrus's own IMAP
    /// `SETQUOTA`, or Stalwart's management API; `None` removes the limit.
    pub fn set_quota(&self, email: &str, storage_kib: Option<u64>) -> Result<(), TestbedError> {
        if self.kind == ServerKind::Stalwart {
            let bytes = storage_kib.map_or(0, |k| k * 1024);
            return stalwart::update_principal(&self.layout, email, "set", "quota", serde_json::json!(bytes));
        }
        let limit = storage_kib.map(|k| format!("STORAGE {k}")).unwrap_or_default();
        cyrus::imap_admin(self.layout.imap_port, &[format!("q1 SETQUOTA {} ({limit})", cyrus::quota_root(email))])?;
        Ok(())
    }

    /// The KiB of mail a user's account holds (the server's own count: Cyrus's IMAP
    /// `GETQUOTAROOT`, Stalwart's `usedQuota`).
    pub fn mail_usage_kib(&self, email: &str) -> Result<u64, TestbedError> {
        if self.kind == ServerKind::Stalwart {
            let p = stalwart::principal(&self.layout, email)?;
            let used = p["usedQuota"].as_u64().ok_or_else(|| TestbedError::Http(format!("no usedQuota: {p}")))?;
            return Ok(used.div_ceil(1024));
        }
        let read = || -> Result<Option<u64>, TestbedError> {
            let lines =
                cyrus::imap_admin(self.layout.imap_port, &[format!("q1 GETQUOTAROOT {}", cyrus::quota_root(email))])?;
            // `* QUOTA user/x (STORAGE 694 760)` (no limit: `* QUOTA user/x ()`).
            Ok(lines.iter().filter(|l| l.starts_with("* QUOTA ")).find_map(|l| {
                let words: Vec<&str> = l.split(|c: char| c == '(' || c == ')' || c.is_whitespace()).collect();
                let at = words.iter().position(|w| *w == "STORAGE")?;
                words.get(at + 1)?.parse().ok()
            }))
        };
        if let Some(used) = read()? {
            return Ok(used);
        }
        // Without a limit Cyrus reports no usage: set a huge one to read it, then remove it.
        self.set_quota(email, Some(1_000_000_000))?;
        let used = read();
        self.set_quota(email, None)?;
        used?.ok_or_else(|| TestbedError::Http(format!("no STORAGE usage for {email}")))
    }

    /// Stops the mail server, keeps it down for `down`, and starts it again on the same ports
    /// and store: what a restart of the server looks like to a client.
    pub fn restart_server(&self, down: Duration) -> Result<(), TestbedError> {
        self.restart_server_when(|| std::thread::sleep(down))
    }

    /// [`Testbed::restart_server`], the server kept down until `back` returns (e.g. until a
    /// test has seen what a client shows meanwhile, however long that takes).
    pub fn restart_server_when(&self, back: impl FnOnce()) -> Result<(), TestbedError> {
        let mut server = self.server.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(child) = server.take() {
            proc::stop_child(child, Duration::from_secs(5));
        }
        let _ = std::fs::remove_file(self.layout.p("run/master.pid"));
        back();
        let mut child = match self.kind {
            ServerKind::Cyrus => cyrus::spawn(&self.layout)?,
            ServerKind::Stalwart => stalwart::spawn(&self.layout)?,
        };
        let ready = match self.kind {
            ServerKind::Cyrus => cyrus::wait_ready(&self.layout, &mut child),
            ServerKind::Stalwart => stalwart::wait_ready(&self.layout, &mut child),
        };
        *server = Some(child);
        ready
    }

    /// Stops the MTA the server submits mail to (Postfix, beside Cyrus), keeps it down until
    /// `back` returns (a test sees meanwhile what a failed send looks like), and starts it
    /// again on the same port and queue. Only where [`Feature::StoppableMta`].
    pub fn restart_mta_when(&self, back: impl FnOnce()) -> Result<(), TestbedError> {
        if !self.supports(Feature::StoppableMta) {
            return Err(TestbedError::Seed(format!(
                "{}: its MTA is inside the server, it cannot be stopped alone",
                self.kind
            )));
        }
        let mut mta = self.postfix.lock().unwrap_or_else(|p| p.into_inner());
        postfix::stop(&self.layout);
        if let Some(child) = mta.take() {
            proc::stop_child(child, Duration::from_secs(5));
        }
        back();
        let mut child = postfix::spawn(&self.layout)?;
        let ready = postfix::wait_ready(&self.layout, &mut child);
        *mta = Some(child);
        ready
    }

    /// Stops the mail server (Cyrus's master and children, or Stalwart), Postfix and the app
    /// server. Idempotent.
    pub fn stop(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        if let Some(app) = self.app.take() {
            app.stop();
        }
        if let Some(child) = self.server.get_mut().unwrap_or_else(|p| p.into_inner()).take() {
            proc::stop_child(child, Duration::from_secs(5));
        }
        if self.kind == ServerKind::Cyrus {
            postfix::stop(&self.layout);
        }
        if let Some(child) = self.postfix.get_mut().unwrap_or_else(|p| p.into_inner()).take() {
            proc::stop_child(child, Duration::from_secs(5));
        }
        proc::kill_leftovers(&self.layout);
        if self.owned_dir && std::env::var_os("FACTEUR_TESTBED_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&self.layout.dir);
        }
    }
}

impl Drop for Testbed {
    fn drop(&mut self) {
        self.stop();
    }
}

fn domains_of(accounts: &[Account]) -> Vec<String> {
    let mut d: Vec<String> =
        accounts.iter().filter_map(|a| a.email.split_once('@').map(|(_, d)| d.to_string())).collect();
    d.push("ac-cevennes.fr".to_string());
    d.sort();
    d.dedup();
    d
}

impl ServerKind {
    /// Whether this server offers `feature` (see [`Feature`]).
    pub fn supports(self, feature: Feature) -> bool {
        match feature {
            Feature::RightsOnOwnFolders
            | Feature::CalendarsAndContacts
            | Feature::FolderNameRefusals
            | Feature::StoppableMta => self == ServerKind::Cyrus,
            Feature::Push | Feature::LoginBans | Feature::EditableIdentities => self == ServerKind::Stalwart,
        }
    }
}

/// A minimal SMTP client (no TLS, no auth) for 127.0.0.1.
pub fn smtp_send(port: u16, raw: &[u8], from: &str, to: &[&str]) -> Result<(), TestbedError> {
    mail_send(port, false, raw, from, to)
}

/// [`smtp_send`], or with `lmtp` the same over LMTP (RFC 2033: `LHLO`, and after the data one
/// reply per recipient).
pub fn mail_send(port: u16, lmtp: bool, raw: &[u8], from: &str, to: &[&str]) -> Result<(), TestbedError> {
    let err = |m: String| TestbedError::Smtp(m);
    let stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| err(format!("connect :{port}: {e}")))?;
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok();
    let mut w = stream.try_clone().map_err(|e| err(e.to_string()))?;
    let mut r = BufReader::new(stream);
    fn reply(r: &mut BufReader<TcpStream>) -> Result<(u16, String), TestbedError> {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            let n = r.read_line(&mut line).map_err(|e| TestbedError::Smtp(format!("read: {e}")))?;
            if n == 0 {
                return Err(TestbedError::Smtp(format!("connection closed after: {all}")));
            }
            all.push_str(&line);
            if line.len() < 4 || line.as_bytes()[3] != b'-' {
                let code = line.get(..3).and_then(|c| c.parse().ok()).unwrap_or(0);
                return Ok((code, all.trim_end().to_string()));
            }
        }
    }
    let mut expect = |w: &mut TcpStream, cmd: Option<&str>, ok: &[u16]| -> Result<(), TestbedError> {
        if let Some(c) = cmd {
            w.write_all(c.as_bytes()).and_then(|_| w.write_all(b"\r\n")).map_err(|e| err(format!("write: {e}")))?;
        }
        let (code, text) = reply(&mut r)?;
        if ok.contains(&code) {
            Ok(())
        } else {
            Err(err(format!("{} -> {text}", cmd.unwrap_or("(greeting)"))))
        }
    };
    expect(&mut w, None, &[220])?;
    expect(&mut w, Some(if lmtp { "LHLO facteur-testbed" } else { "EHLO facteur-testbed" }), &[250])?;
    expect(&mut w, Some(&format!("MAIL FROM:<{from}>")), &[250])?;
    for rcpt in to {
        expect(&mut w, Some(&format!("RCPT TO:<{rcpt}>")), &[250, 251])?;
    }
    expect(&mut w, Some("DATA"), &[354])?;
    // Normalise line endings to CRLF and dot-stuff.
    let mut data = Vec::with_capacity(raw.len() + 64);
    let mut at_line_start = true;
    let mut prev = 0u8;
    for &b in raw {
        if b == b'\n' && prev != b'\r' {
            data.push(b'\r');
        }
        if at_line_start && b == b'.' {
            data.push(b'.');
        }
        data.push(b);
        at_line_start = b == b'\n';
        prev = b;
    }
    if !data.ends_with(b"\r\n") {
        data.extend_from_slice(b"\r\n");
    }
    data.extend_from_slice(b".\r\n");
    w.write_all(&data).map_err(|e| err(format!("write data: {e}")))?;
    for _ in 0..if lmtp { to.len() } else { 1 } {
        expect(&mut w, None, &[250])?;
    }
    let _ = expect(&mut w, Some("QUIT"), &[221]);
    let mut rest = Vec::new();
    let _ = r.read_to_end(&mut rest);
    Ok(())
}
