//! The test runner: libtest-mimic (libtest's output and flags: filters, `--test-threads`,
//! `--list`, `--exact`, `--nocapture` is accepted), one shared testbed per test binary (started
//! by the first test that needs it, stopped when all tests are done, failed or not), and a fresh
//! browser per test. The testbed runs the server `FACTEUR_SERVER` names (`cyrus`, the default,
//! or `stalwart`); a test that needs what only one server offers (`#[needs(Push)]`, see
//! [`Feature`]) is listed as ignored on the other, and the run ends by saying, for its server,
//! which tests ran and which could not. A test whose browsers' consoles hold an error it did not announce
//! ([`Browser::expect_console_error`]: a wasm panic, an app error, a failed request) fails. A
//! failing test gets a screenshot of each of its browsers, its page and its console errors in
//! the failure message.

use crate::browser::{Browser, BrowserOptions};
use crate::error::{Error, Result};
use crate::paths;
use facteur_testbed::{Account, Testbed, TestbedOptions};
pub use facteur_testbed::{Feature, ServerKind};
use libtest_mimic::{Arguments, Failed, Trial};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// A browser test: gets its [`Ctx`], returns `Ok(())` or the reason it failed (or panics).
pub type TestFn = fn(&Ctx) -> Result;

/// What every test of the binary shares: the app served by the testbed.
#[derive(Debug, Clone)]
pub struct App {
    /// The app origin, e.g. `http://127.0.0.1:40123` (serves `dist/` and proxies `/jmap`).
    pub url: String,
    /// The seeded accounts (login = email).
    pub accounts: Vec<Account>,
    /// How long the testbed took to start.
    pub startup: std::time::Duration,
    /// Which mail server it runs.
    pub server: ServerKind,
}

impl App {
    /// The seeded account with this email (or email prefix before `@`).
    pub fn account(&self, who: &str) -> Result<&Account> {
        self.accounts
            .iter()
            .find(|a| a.email == who || a.email.split('@').next() == Some(who))
            .ok_or_else(|| Error(format!("no seeded account {who:?} (have: {:?})", self.emails())))
    }
    fn emails(&self) -> Vec<&str> {
        self.accounts.iter().map(|a| a.email.as_str()).collect()
    }
}

static TESTBED: Mutex<Option<Testbed>> = Mutex::new(None);
static APP: OnceLock<std::result::Result<App, String>> = OnceLock::new();

/// The shared app + mail server, started on first use (by one thread; the others wait).
pub fn app() -> Result<&'static App> {
    APP.get_or_init(|| start_testbed().map_err(|e| e.0)).as_ref().map_err(|e| Error(format!("testbed: {e}")))
}

fn start_testbed() -> Result<App> {
    let dist = paths::dist_dir()?;
    let seed = paths::seed_dir()?;
    let t0 = Instant::now();
    let server = server()?;
    let tb =
        Testbed::start(TestbedOptions { server, seed_dir: Some(seed), dist_dir: Some(dist), ..Default::default() })
            .map_err(|e| Error(format!("the mail server ({server}) / app server did not start: {e}")))?;
    let app = App { url: tb.app_url(), accounts: tb.accounts().to_vec(), startup: t0.elapsed(), server };
    eprintln!("browser tests: testbed ({server}) ready in {:.1}s at {}", app.startup.as_secs_f64(), app.url);
    *TESTBED.lock().unwrap_or_else(|p| p.into_inner()) = Some(tb);
    Ok(app)
}

/// The server of this run (`FACTEUR_SERVER`).
pub fn server() -> Result<ServerKind> {
    ServerKind::from_env().map_err(|e| Error(e.to_string()))
}

/// Runs `f` with the shared testbed (e.g. `deliver` a mail). Starts it if needed.
pub fn with_testbed<R>(f: impl FnOnce(&Testbed) -> R) -> Result<R> {
    app()?;
    let g = TESTBED.lock().unwrap_or_else(|p| p.into_inner());
    let tb = g.as_ref().ok_or_else(|| Error::msg("the testbed was already stopped"))?;
    Ok(f(tb))
}

fn stop_testbed() {
    let tb = TESTBED.lock().unwrap_or_else(|p| p.into_inner()).take();
    if let Some(mut tb) = tb {
        let t0 = Instant::now();
        tb.stop();
        eprintln!("browser tests: testbed stopped in {:.1}s", t0.elapsed().as_secs_f64());
    }
}

extern "C" fn stop_testbed_at_exit() {
    stop_testbed();
}

/// One test's context: its name and the browsers it opened (closed when the test ends).
pub struct Ctx {
    name: String,
    browsers: RefCell<Vec<Rc<Browser>>>,
}

impl Ctx {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The shared app (starts the testbed on first use).
    pub fn app(&self) -> Result<&'static App> {
        app()
    }

    /// A fresh browser on the app (relative paths go to the app), language en-US, 1280×800.
    pub fn browser(&self) -> Result<Rc<Browser>> {
        self.browser_with(BrowserOptions::default())
    }

    /// A fresh browser on the app in this language (`"fr-FR"`, `"en-US"`).
    pub fn browser_lang(&self, lang: &str) -> Result<Rc<Browser>> {
        self.browser_with(BrowserOptions { lang: lang.into(), ..Default::default() })
    }

    /// A fresh browser on the app with these options (`base_url` defaults to the app's URL).
    pub fn browser_with(&self, mut opts: BrowserOptions) -> Result<Rc<Browser>> {
        if opts.base_url.is_none() {
            opts.base_url = Some(self.app()?.url.clone());
        }
        self.open(opts)
    }

    /// A fresh browser that needs no testbed (for `data:`/`file:` pages).
    pub fn bare_browser(&self) -> Result<Rc<Browser>> {
        self.open(BrowserOptions::default())
    }

    /// A fresh browser with these options, without starting the testbed.
    pub fn bare_browser_with(&self, opts: BrowserOptions) -> Result<Rc<Browser>> {
        self.open(opts)
    }

    fn open(&self, opts: BrowserOptions) -> Result<Rc<Browser>> {
        let b = Rc::new(Browser::start(opts)?);
        self.browsers.borrow_mut().push(b.clone());
        Ok(b)
    }

    /// Runs `f` with the shared testbed (deliver a mail, read accounts, …).
    pub fn with_testbed<R>(&self, f: impl FnOnce(&Testbed) -> R) -> Result<R> {
        with_testbed(f)
    }

    /// What the consoles of the test's browsers hold that the test did not announce with
    /// [`Browser::expect_console_error`], as a failure message (`None`: nothing).
    fn unexpected_console_errors(&self) -> Option<String> {
        let mut out = Vec::new();
        for (i, b) in self.browsers.borrow().iter().enumerate() {
            match b.unexpected_console_errors() {
                Ok(errors) => out.extend(errors.into_iter().map(|e| format!("browser {i}: {e}"))),
                Err(e) => out.push(format!("browser {i}: the console could not be read: {e}")),
            }
        }
        (!out.is_empty()).then(|| {
            format!(
                "console errors the test did not expect (a test announces those it provokes on purpose with \
                 Browser::expect_console_error):\n  {}",
                out.join("\n  ")
            )
        })
    }

    /// Screenshot, page and console errors of every open browser (for a failure message).
    fn failure_evidence(&self, message: &str) -> String {
        let mut out = String::new();
        for (i, b) in self.browsers.borrow().iter().enumerate() {
            let name = format!(
                "failures/{}{}",
                self.name.replace("::", "-"),
                if i > 0 { format!("-{i}") } else { String::new() }
            );
            match b.save_screenshot(&name) {
                Ok(p) => out.push_str(&format!("\n  screenshot: {}", p.display())),
                Err(e) => out.push_str(&format!("\n  (no screenshot: {e})")),
            }
            let page = b.describe_page();
            // Wait/find failures already describe the page.
            if !message.contains(&page) {
                out.push_str(&format!("\n{page}"));
            }
            if let Ok(errors) = b.console_errors() {
                for e in errors.iter().take(10) {
                    out.push_str(&format!("\n  console error: {e}"));
                }
            }
        }
        out
    }
}

fn run_one(name: &str, f: TestFn) -> std::result::Result<(), Failed> {
    let ctx = Ctx { name: name.to_string(), browsers: RefCell::new(Vec::new()) };
    let outcome = catch_unwind(AssertUnwindSafe(|| f(&ctx)));
    let failure = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e.0),
        Err(panic) => Some(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(non-string panic payload)")
        )),
    };
    // A test that passed still fails on a console error it did not announce (a wasm panic,
    // an app error, a failed request).
    let failure = failure.or_else(|| ctx.unexpected_console_errors());
    let result = match failure {
        None => Ok(()),
        Some(msg) => Err(Failed::from(format!("{msg}{}", ctx.failure_evidence(&msg)))),
    };
    // Browsers close here (drop of the last Rc), before the next test starts.
    drop(ctx);
    result
}

/// One entry of the test list.
#[derive(Clone, Copy)]
pub struct Test {
    pub name: &'static str,
    pub f: TestFn,
    /// Reported as `ignored` (run with `-- --ignored` / `--include-ignored`).
    pub ignored: bool,
    /// What it needs of the server beyond standard JMAP mail: on a server without it, it is
    /// reported as `ignored` and named at the end of the run.
    pub needs: &'static [Feature],
}

/// The test binary's `main`: parses libtest's arguments, runs `tests`, stops the testbed and
/// exits with libtest's code (101 if any test failed).
pub fn run(tests: &[Test]) -> ! {
    let args = Arguments::from_args();
    let server = match server() {
        Ok(server) => server,
        Err(e) => {
            eprintln!("{}", e.0);
            std::process::exit(2)
        }
    };
    // The testbed is stopped explicitly below; the at-exit hook covers an exit from elsewhere.
    unsafe {
        libc::atexit(stop_testbed_at_exit);
    }
    let lacking = |t: &Test| t.needs.iter().copied().filter(|n| !server.supports(*n)).collect::<Vec<_>>();
    let trials = tests
        .iter()
        .map(|t| {
            let Test { name, f, ignored, .. } = *t;
            Trial::test(name, move || run_one(name, f)).with_ignored_flag(ignored || !lacking(t).is_empty())
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    stop_testbed();
    let not_here: Vec<String> = tests
        .iter()
        .filter(|t| !lacking(t).is_empty())
        .map(|t| format!("{} (needs {:?})", t.name, lacking(t)))
        .collect();
    if !args.list {
        eprintln!(
            "browser tests on {server}: {} passed, {} failed{}",
            conclusion.num_passed,
            conclusion.num_failed,
            if not_here.is_empty() {
                String::new()
            } else {
                format!("; not run on this server: {}", not_here.join(", "))
            }
        );
    }
    conclusion.exit()
}

/// `browser_tests!(smoke, #[ignore] not_ready_yet, #[needs(Push)] pushed)` = a `main` running
/// these test functions (each `fn(&Ctx) -> Result`), named after them; `#[ignore]` ones show as
/// ignored, and so do `#[needs(Feature)]` ones on a server without that [`Feature`].
#[macro_export]
macro_rules! browser_tests {
    ($($(#[$attr:ident $(($feature:ident))?])* $test:ident),* $(,)?) => {
        fn main() {
            $crate::runner::run(&[$($crate::runner::Test {
                name: stringify!($test),
                f: $test as $crate::runner::TestFn,
                ignored: false $(|| stringify!($attr) == "ignore")*,
                needs: &[$($($crate::runner::Feature::$feature,)?)*],
            }),*])
        }
    };
}
