//! Facteur's browser-test harness: headless Chromium driven through chromedriver (WebDriver,
//! fantoccini) against the real app served by a real mail server (`facteur-testbed`).
//!
//! ```no_run
//! use facteur_browser_tests::{browser_tests, axe, Ctx, Result, WAIT};
//!
//! fn home_page(ctx: &Ctx) -> Result {
//!     let b = ctx.browser()?;          // fresh Chromium, own profile, on the shared app
//!     b.goto("/")?;
//!     b.wait_for("body", WAIT)?;
//!     axe::assert_accessible(&b, "home page")?;
//!     Ok(())
//! }
//! browser_tests!(home_page);
//! ```
//!
//! - [`Browser`]: `goto`, `wait_for`/`wait_visible`/`wait_gone`/`wait_text` (any match)/`wait_count`/
//!   `wait_until`, `text`/`texts`/`attr`/`prop`/`count`/`exists`, `fill`/`send_keys`/`click`/`press`/
//!   `focused`, `set_window`/`viewport`, `screenshot`/`save_screenshot`/`screenshots_desktop_phone`,
//!   `storage` (+ `assert_storage_empty`), `console_errors` (+ `assert_no_console_errors`),
//!   `expect_console_error` (a console error the test provokes on purpose), `record_requests` +
//!   `requests` (the page's `fetch` calls), `wait_download` (a saved file's bytes), `block_urls`,
//!   `on_every_document`, `cdp`, `execute`/`execute_async`/`eval`, `client()` + `block()` for raw
//!   fantoccini.
//! - A wasm panic (an uncaught page error) fails the `wait_*` poll that sees it, and any console
//!   error a test did not announce with `expect_console_error` fails the test at its end.
//! - [`axe`]: `run`, `assert_accessible` (fails on serious/critical, warns on the rest).
//! - [`runner`]: `browser_tests!` / `run`, [`Ctx`] (`browser`, `browser_lang`, `bare_browser`,
//!   `app`, `with_testbed`), one shared testbed per test binary.
//! - [`server`]: `client` (JMAP as a seeded account), `call`, `eventually` (wait until the server
//!   holds something), `mailbox_id`, `make_folder` (a folder of plain mails for one test).
//! - [`compose`] (what the composer's tests share), [`flows`] (signing in), [`rows`] (list rows by subject), [`seed`] (what the seed files hold).

pub mod axe;
pub mod bench;
pub mod browser;
pub mod compose;
mod error;
pub mod flows;
pub mod paths;
pub mod rows;
pub mod runner;
pub mod seed;
pub mod server;

pub use browser::{Browser, BrowserOptions, ConsoleEntry, StorageReport, DESKTOP, PHONE, WAIT};
pub use error::{Context, Error, Result};
/// Special keys for `send_keys` (e.g. `Key::Enter`; `&format!("{}", char::from(Key::Enter))`).
pub use fantoccini::key::Key;
pub use runner::{App, Ctx, Test};
