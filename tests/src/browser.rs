//! A headless Chromium driven through its own chromedriver (WebDriver), with a blocking API.
//!
//! Each [`Browser`] owns: a `chromedriver --port=<free port>` child (own process group, killed
//! with its Chromium on drop), a fresh `--user-data-dir` (downloads go to its `downloads/`), a
//! WebDriver session (fantoccini) and a small tokio runtime that every helper blocks on.
//! Nothing is shared between two browsers.
//!
//! The page's errors are watched: a script run in every document before the page's own
//! (CDP `Page.addScriptToEvaluateOnNewDocument`) keeps its uncaught errors (a wasm panic ends in
//! one: `RuntimeError: unreachable`), and every `wait_*` poll fails at once on one the test did
//! not announce with [`Browser::expect_console_error`]. The runner fails a test whose browsers'
//! consoles hold an error it did not announce ([`Browser::unexpected_console_errors`]).
//! [`Browser::record_requests`] keeps every `fetch` the page makes (address, `Authorization`
//! header, body, status) for the tests that check what was asked of the server.

use crate::error::{Context, Error, Result};
use crate::paths;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// Desktop viewport of the screenshots and the default window.
pub const DESKTOP: (u32, u32) = (1280, 800);
/// Phone viewport (an iPhone 12-14 in CSS pixels).
pub const PHONE: (u32, u32) = (390, 844);

/// Longest a single WebDriver command may take before the harness gives up on it.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(90);
/// Default timeout of the `wait_*` helpers.
pub const WAIT: Duration = Duration::from_secs(15);

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// How to start a [`Browser`].
#[derive(Debug, Clone)]
pub struct BrowserOptions {
    /// Browser language (`--lang` and `intl.accept_languages`), e.g. `"fr-FR"` or `"en-US"`:
    /// what `navigator.language(s)` report to the app.
    pub lang: String,
    /// Initial viewport (CSS pixels).
    pub viewport: (u32, u32),
    /// Origin that relative paths of [`Browser::goto`] are joined to (the app's URL), if any.
    pub base_url: Option<String>,
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions { lang: "en-US".into(), viewport: DESKTOP, base_url: None }
    }
}

/// What a page left in the browser's storage (see [`Browser::storage`]).
#[derive(Debug, Clone, Default)]
pub struct StorageReport {
    pub origin: String,
    /// `localStorage` key → value.
    pub local: Vec<(String, String)>,
    /// `sessionStorage` key → value.
    pub session: Vec<(String, String)>,
    /// Cookies visible to WebDriver for the current page (HttpOnly included): name → value.
    pub cookies: Vec<(String, String)>,
    /// `indexedDB.databases()` names.
    pub indexeddb: Vec<String>,
    /// Cache Storage (`caches.keys()`) names.
    pub caches: Vec<String>,
    /// Number of service worker registrations.
    pub service_workers: u64,
}

impl StorageReport {
    pub fn is_empty(&self) -> bool {
        self.local.is_empty()
            && self.session.is_empty()
            && self.cookies.is_empty()
            && self.indexeddb.is_empty()
            && self.caches.is_empty()
            && self.service_workers == 0
    }
}

impl std::fmt::Display for StorageReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short =
            |v: &str| if v.len() > 80 { format!("{}…", &v[..v.floor_char_boundary(80)]) } else { v.to_string() };
        writeln!(f, "storage of {}:", self.origin)?;
        for (k, v) in &self.local {
            writeln!(f, "  localStorage[{k:?}] = {:?}", short(v))?;
        }
        for (k, v) in &self.session {
            writeln!(f, "  sessionStorage[{k:?}] = {:?}", short(v))?;
        }
        for (k, v) in &self.cookies {
            writeln!(f, "  cookie {k} = {:?}", short(v))?;
        }
        for n in &self.indexeddb {
            writeln!(f, "  IndexedDB database {n:?}")?;
        }
        for n in &self.caches {
            writeln!(f, "  Cache Storage {n:?}")?;
        }
        if self.service_workers > 0 {
            writeln!(f, "  {} service worker registration(s)", self.service_workers)?;
        }
        if self.is_empty() {
            writeln!(f, "  (empty)")?;
        }
        Ok(())
    }
}

/// One entry of the browser console (see [`Browser::console_log`]).
#[derive(Debug, Clone)]
pub struct ConsoleEntry {
    /// `SEVERE`, `WARNING`, `INFO`, `DEBUG`.
    pub level: String,
    pub message: String,
}

/// A headless Chromium with its own chromedriver and profile. Dropping it closes everything.
pub struct Browser {
    rt: tokio::runtime::Runtime,
    client: Option<Client>,
    driver: Option<Child>,
    profile: PathBuf,
    base_url: Option<String>,
    lang: String,
    /// Console entries already read from the driver (reading the log drains it).
    console: std::sync::Mutex<Vec<ConsoleEntry>>,
    /// Patterns (`*`: any text) of the console errors the test provokes on purpose.
    expected_errors: std::sync::Mutex<Vec<String>>,
    /// How long chromedriver + Chromium took to be ready.
    pub startup: Duration,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session.
    pub fn start(opts: BrowserOptions) -> Result<Browser> {
        let t0 = Instant::now();
        let chromedriver = paths::chromedriver()?;
        let chromium = paths::chromium()?;
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let profile = std::env::temp_dir().join(format!("facteur-browser-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).ctx(format!("create {}", profile.display()))?;
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ctx("tokio runtime")?;
        let mut browser = Browser {
            rt,
            client: None,
            driver: None,
            profile: profile.clone(),
            base_url: opts.base_url.clone().map(|u| u.trim_end_matches('/').to_string()),
            lang: opts.lang.clone(),
            console: Default::default(),
            expected_errors: Default::default(),
            startup: Duration::ZERO,
        };
        // chromedriver picks no port itself: choose a free one, retry if another process took it.
        let mut last_err = Error::msg("chromedriver did not start");
        let mut port = 0;
        for _attempt in 0..3 {
            port = facteur_testbed::free_port()?;
            match spawn_chromedriver(&chromedriver, port, &profile) {
                Ok(child) => {
                    browser.driver = Some(child);
                    break;
                }
                Err(e) => last_err = e,
            }
        }
        if browser.driver.is_none() {
            return Err(last_err);
        }
        let caps = capabilities(&chromium, &profile.join("profile"), &browser.downloads_dir(), &opts);
        let url = format!("http://127.0.0.1:{port}");
        let client = browser
            .block(async {
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps)
                    .connect(&url)
                    .await
            })?
            .map_err(|e| {
                Error(format!(
                    "could not open a Chromium session through chromedriver ({}): {e}\n--- chromedriver log (tail) ---\n{}",
                    chromium.display(),
                    tail(&profile.join("chromedriver.log"), 30)
                ))
            })?;
        browser.client = Some(client);
        browser.on_every_document(WATCH_ERRORS_JS)?;
        browser.set_window(opts.viewport.0, opts.viewport.1)?;
        browser.startup = t0.elapsed();
        Ok(browser)
    }

    /// The fantoccini client, for anything the helpers do not cover (use with [`Browser::block`]).
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("browser session is open")
    }

    /// Runs a future on this browser's runtime, with the harness's command timeout.
    pub fn block<F: Future>(&self, fut: F) -> Result<F::Output> {
        self.rt
            .block_on(async { tokio::time::timeout(COMMAND_TIMEOUT, fut).await })
            .map_err(|_| Error(format!("WebDriver command took longer than {COMMAND_TIMEOUT:?}")))
    }

    /// The language this browser was started with.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// `path` joined to the base URL if it starts with `/`; other URLs (http:, data:, file:) as is.
    pub fn url(&self, path: &str) -> String {
        match (&self.base_url, path.starts_with('/')) {
            (Some(base), true) => format!("{base}{path}"),
            _ => path.to_string(),
        }
    }

    /// Navigates and waits for the load event.
    pub fn goto(&self, path: &str) -> Result {
        let url = self.url(path);
        self.block(self.client().goto(&url))?.ctx(format!("goto {url}"))
    }

    pub fn current_url(&self) -> Result<String> {
        Ok(self.block(self.client().current_url())?.ctx("current url")?.to_string())
    }

    pub fn title(&self) -> Result<String> {
        self.block(self.client().title())?.ctx("title")
    }

    pub fn refresh(&self) -> Result {
        self.block(self.client().refresh())?.ctx("refresh")
    }

    pub fn back(&self) -> Result {
        self.block(self.client().back())?.ctx("back")
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver (`goog/cdp/execute`), e.g.
    /// `cdp("HeapProfiler.collectGarbage", json!({}))`; returns the command's result.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        let v = self
            .block(self.client().issue_cmd(CdpExecute { cmd: cmd.to_string(), params }))?
            .ctx(format!("CDP {cmd}"))?;
        Ok(v)
    }

    /// Runs a synchronous script (`return ...;`) with `arguments[i]` = `args[i]`.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.block(self.client().execute(script, args))?.ctx("execute script")
    }

    /// Runs an asynchronous script: it must call `arguments[arguments.length - 1](result)`.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.block(self.client().execute_async(script, args))?.ctx("execute async script")
    }

    /// Evaluates a JS expression in the page.
    pub fn eval(&self, expr: &str) -> Result<Value> {
        self.execute(&format!("return ({expr});"), vec![])
    }

    /// Whether `css` matches an element now.
    pub fn exists(&self, css: &str) -> Result<bool> {
        Ok(self.count(css)? > 0)
    }

    /// How many elements `css` matches now.
    pub fn count(&self, css: &str) -> Result<usize> {
        let v = self.execute("return document.querySelectorAll(arguments[0]).length;", vec![json!(css)])?;
        Ok(v.as_u64().unwrap_or(0) as usize)
    }

    /// Polls until the JS `condition` (an expression) is truthy; the error says what the page
    /// showed. Fails at once when the page has an uncaught error the test did not expect.
    pub fn wait_until(&self, condition: &str, what: &str, timeout: Duration) -> Result {
        let script = format!(
            "let ok; try {{ ok = !!({condition}); }} catch (e) {{ ok = false; }} \
             return [ok, window.__facteurErrors || []];"
        );
        let t0 = Instant::now();
        loop {
            let v = self.execute(&script, vec![])?;
            self.fail_on_page_errors(&v[1], what)?;
            if v[0].as_bool() == Some(true) {
                return Ok(());
            }
            if t0.elapsed() > timeout {
                return Err(Error(format!("timed out after {timeout:?} waiting for {what}\n{}", self.describe_page())));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `css` matches an element (present in the DOM).
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Result {
        self.wait_until(&format!("document.querySelector({})", js_str(css)), &format!("`{css}`"), timeout)
    }

    /// Waits until `css` matches a rendered (non-zero-size, not `visibility:hidden`) element.
    pub fn wait_visible(&self, css: &str, timeout: Duration) -> Result {
        let cond = format!(
            "Array.from(document.querySelectorAll({})).some(e => {{ const r = e.getBoundingClientRect(); \
             return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; }})",
            js_str(css)
        );
        self.wait_until(&cond, &format!("`{css}` to be visible"), timeout)
    }

    /// Waits until no element matches `css`.
    pub fn wait_gone(&self, css: &str, timeout: Duration) -> Result {
        self.wait_until(&format!("!document.querySelector({})", js_str(css)), &format!("`{css}` to go away"), timeout)
    }

    /// Waits until the text of an element matching `css` (any of them: every toast, not only
    /// the oldest) contains `needle`.
    pub fn wait_text(&self, css: &str, needle: &str, timeout: Duration) -> Result {
        let cond = format!(
            "[...document.querySelectorAll({0})].some(e => e.innerText?.includes({1}))",
            js_str(css),
            js_str(needle)
        );
        self.wait_until(&cond, &format!("a `{css}` to contain {needle:?}"), timeout)
    }

    /// Waits until `count(css) == n`.
    pub fn wait_count(&self, css: &str, n: usize, timeout: Duration) -> Result {
        let cond = format!("document.querySelectorAll({}).length === {n}", js_str(css));
        self.wait_until(&cond, &format!("{n} × `{css}`"), timeout)
    }

    fn find(&self, css: &str) -> Result<fantoccini::elements::Element> {
        self.block(self.client().find(Locator::Css(css)))?
            .map_err(|e| Error(format!("find `{css}`: {e}\n{}", self.describe_page())))
    }

    /// The rendered text (WebDriver "element text") of the first element matching `css`.
    pub fn text(&self, css: &str) -> Result<String> {
        let el = self.find(css)?;
        self.block(el.text())?.ctx(format!("text of `{css}`"))
    }

    /// The rendered texts of every element matching `css`.
    pub fn texts(&self, css: &str) -> Result<Vec<String>> {
        let v = self.execute(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText);",
            vec![json!(css)],
        )?;
        Ok(v.as_array().map(|a| a.iter().map(|s| s.as_str().unwrap_or("").to_string()).collect()).unwrap_or_default())
    }

    /// An attribute of the first element matching `css` (None if absent).
    pub fn attr(&self, css: &str, name: &str) -> Result<Option<String>> {
        let el = self.find(css)?;
        self.block(el.attr(name))?.ctx(format!("attribute {name} of `{css}`"))
    }

    /// A DOM property (e.g. `value`, `checked`) of the first element matching `css`.
    pub fn prop(&self, css: &str, name: &str) -> Result<Option<String>> {
        let el = self.find(css)?;
        self.block(el.prop(name))?.ctx(format!("property {name} of `{css}`"))
    }

    /// Clears the field and types `value` into it (real key events: `input` events fire).
    pub fn fill(&self, css: &str, value: &str) -> Result {
        let el = self.find(css)?;
        self.block(el.clear())?.ctx(format!("clear `{css}`"))?;
        self.block(el.send_keys(value))?.ctx(format!("type into `{css}`"))
    }

    /// Types keys into the element (no clearing); see [`fantoccini::key::Key`] for special keys.
    pub fn send_keys(&self, css: &str, keys: &str) -> Result {
        let el = self.find(css)?;
        self.block(el.send_keys(keys))?.ctx(format!("type into `{css}`"))
    }

    /// Makes the downloads whose address matches one of `patterns` (CDP URL patterns, `*`
    /// for any text) fail as if the network were gone; `&[]` lets everything through again.
    pub fn block_urls(&self, patterns: &[&str]) -> Result {
        self.cdp("Network.enable", json!({}))?;
        self.cdp("Network.setBlockedURLs", json!({ "urls": patterns }))?;
        Ok(())
    }

    /// Presses a printable key (`"x"`) on whatever has the focus, as the keyboard does: unlike
    /// [`Browser::send_keys`], nothing is scrolled or checked for interactability first.
    pub fn press(&self, key: &str) -> Result {
        self.cdp("Input.dispatchKeyEvent", json!({ "type": "keyDown", "key": key, "text": key }))?;
        self.cdp("Input.dispatchKeyEvent", json!({ "type": "keyUp", "key": key }))?;
        Ok(())
    }

    /// Clicks the first element matching `css` like a user (fails if hidden or covered).
    pub fn click(&self, css: &str) -> Result {
        let el = self.find(css)?;
        self.block(el.click())?.map_err(|e| Error(format!("click `{css}`: {e}\n{}", self.describe_page())))
    }

    /// The element that has the focus, described as `tag#id.class`.
    pub fn focused(&self) -> Result<String> {
        let v = self.eval(
            "(e => e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
             (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') : '')(document.activeElement)",
        )?;
        Ok(v.as_str().unwrap_or("").to_string())
    }

    /// Resizes the window so that the *viewport* (innerWidth × innerHeight) is `w × h`.
    pub fn set_window(&self, w: u32, h: u32) -> Result {
        let c = self.client();
        self.block(c.set_window_size(w, h))?.ctx(format!("set window size {w}×{h}"))?;
        let inner = self.eval("[window.innerWidth, window.innerHeight]")?;
        let (iw, ih) = (inner[0].as_i64().unwrap_or(w as i64), inner[1].as_i64().unwrap_or(h as i64));
        if iw != w as i64 || ih != h as i64 {
            let (ow, oh) = ((2 * w as i64 - iw).max(100) as u32, (2 * h as i64 - ih).max(100) as u32);
            self.block(c.set_window_size(ow, oh))?.ctx(format!("set window size {ow}×{oh}"))?;
        }
        Ok(())
    }

    /// The viewport size (innerWidth, innerHeight).
    pub fn viewport(&self) -> Result<(u32, u32)> {
        let v = self.eval("[window.innerWidth, window.innerHeight]")?;
        Ok((v[0].as_u64().unwrap_or(0) as u32, v[1].as_u64().unwrap_or(0) as u32))
    }

    /// Saves a PNG of the viewport to `path` (parent directories created).
    pub fn screenshot(&self, path: impl AsRef<Path>) -> Result<PathBuf> {
        let path = path.as_ref();
        let png = self.block(self.client().screenshot())?.ctx("screenshot")?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).ctx(format!("create {}", dir.display()))?;
        }
        std::fs::write(path, png).ctx(format!("write {}", path.display()))?;
        Ok(path.to_path_buf())
    }

    /// Saves `target/screenshots/<name>.png` (see [`paths::screenshots_dir`]) at the current size.
    pub fn save_screenshot(&self, name: &str) -> Result<PathBuf> {
        self.screenshot(paths::screenshots_dir().join(format!("{name}.png")))
    }

    /// Saves `<name>-desktop.png` (1280×800) and `<name>-phone.png` (390×844), then restores the
    /// previous viewport. `settle` runs after each resize (e.g. wait for the layout to switch).
    pub fn screenshots_desktop_phone(&self, name: &str, settle: impl Fn(&Browser) -> Result) -> Result<Vec<PathBuf>> {
        let before = self.viewport()?;
        let mut out = Vec::new();
        for (suffix, (w, h)) in [("desktop", DESKTOP), ("phone", PHONE)] {
            self.set_window(w, h)?;
            // Let the page re-layout and paint after the resize.
            self.execute_async(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )?;
            settle(self)?;
            out.push(self.save_screenshot(&format!("{name}-{suffix}"))?);
        }
        self.set_window(before.0, before.1)?;
        Ok(out)
    }

    /// Everything the current origin keeps in the browser: local/session storage, cookies,
    /// IndexedDB databases, Cache Storage, service workers.
    pub fn storage(&self) -> Result<StorageReport> {
        let v = self.execute_async(STORAGE_JS, vec![])?;
        if let Some(e) = v.get("error") {
            return Err(Error(format!("storage dump failed: {e}")));
        }
        let pairs = |v: &Value| -> Vec<(String, String)> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .map(|p| (p[0].as_str().unwrap_or("").to_string(), p[1].as_str().unwrap_or("").to_string()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let names = |v: &Value| -> Vec<String> {
            v.as_array().map(|a| a.iter().map(|s| s.as_str().unwrap_or("").to_string()).collect()).unwrap_or_default()
        };
        let cookies = self
            .block(self.client().get_all_cookies())?
            .ctx("get cookies")?
            .into_iter()
            .map(|c| (c.name().to_string(), c.value().to_string()))
            .collect();
        Ok(StorageReport {
            origin: v["origin"].as_str().unwrap_or("").to_string(),
            local: pairs(&v["local"]),
            session: pairs(&v["session"]),
            cookies,
            indexeddb: names(&v["indexeddb"]),
            caches: names(&v["caches"]),
            service_workers: v["service_workers"].as_u64().unwrap_or(0),
        })
    }

    /// `localStorage` of the current origin.
    pub fn local_storage_dump(&self) -> Result<Vec<(String, String)>> {
        Ok(self.storage()?.local)
    }

    /// `sessionStorage` of the current origin.
    pub fn session_storage_dump(&self) -> Result<Vec<(String, String)>> {
        Ok(self.storage()?.session)
    }

    /// Cookies of the current page (name, value).
    pub fn cookies(&self) -> Result<Vec<(String, String)>> {
        Ok(self.storage()?.cookies)
    }

    /// IndexedDB database names of the current origin.
    pub fn indexeddb_names(&self) -> Result<Vec<String>> {
        Ok(self.storage()?.indexeddb)
    }

    /// Fails listing what is left, unless the current origin stores nothing at all, ignoring
    /// `localStorage` keys in `allowed_local_keys` (e.g. the saved language choice), and the
    /// app's service worker (`/sw.js`) with its caches of the app's own files
    /// (`facteur-shell-*`, `facteur-config`), once checked to hold nothing else: no answer of
    /// the JMAP server, no user data.
    pub fn assert_storage_empty(&self, allowed_local_keys: &[&str]) -> Result {
        let mut r = self.storage()?;
        r.local.retain(|(k, _)| !allowed_local_keys.contains(&k.as_str()));
        let app_cache = |n: &String| n.starts_with("facteur-shell-") || n == "facteur-config";
        if r.caches.iter().any(app_cache) || r.service_workers > 0 {
            let foreign = self.execute_async(
                "const done = arguments[arguments.length - 1];
                 (async () => {
                   const out = [];
                   for (const name of await caches.keys()) {
                     if (!name.startsWith('facteur-shell-') && name !== 'facteur-config') continue;
                     for (const req of await (await caches.open(name)).keys()) {
                       const path = new URL(req.url).pathname;
                       const own = name === 'facteur-config' ? path === '/config.json'
                         : !path.startsWith('/jmap') && !path.startsWith('/.well-known') && !path.startsWith('/mail');
                       if (!own) out.push(name + ' ' + path);
                     }
                   }
                   for (const reg of await navigator.serviceWorker.getRegistrations()) {
                     const w = reg.active || reg.waiting || reg.installing;
                     if (!w || new URL(w.scriptURL).pathname !== '/sw.js') out.push('worker ' + (w && w.scriptURL));
                   }
                   return out;
                 })().then(done, e => done(['error ' + e]));",
                vec![],
            )?;
            let foreign: Vec<String> = serde_json::from_value(foreign).unwrap_or_default();
            if !foreign.is_empty() {
                return Err(Error(format!("the app's caches hold more than its files: {foreign:?}\n{r}")));
            }
            r.caches.retain(|n| !app_cache(n));
            r.service_workers = 0;
        }
        if r.is_empty() {
            Ok(())
        } else {
            Err(Error(format!("the browser still stores data (allowed: {allowed_local_keys:?})\n{r}")))
        }
    }

    /// Every console entry since the browser started (Chromium's `browser` log: console calls,
    /// uncaught exceptions, failed loads, CSP violations).
    pub fn console_log(&self) -> Result<Vec<ConsoleEntry>> {
        let v = self.block(self.client().issue_cmd(GetLog))?.ctx("read the browser console log")?;
        let mut seen = self.console.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entries) = v.as_array() {
            for e in entries {
                seen.push(ConsoleEntry {
                    level: e["level"].as_str().unwrap_or("").to_string(),
                    message: e["message"].as_str().unwrap_or("").to_string(),
                });
            }
        }
        Ok(seen.clone())
    }

    /// Console errors (level SEVERE) since the browser started.
    pub fn console_errors(&self) -> Result<Vec<String>> {
        Ok(self.console_log()?.into_iter().filter(|e| e.level == "SEVERE").map(|e| e.message).collect())
    }

    /// Announces a console error this test provokes on purpose (a download it blocks, a
    /// server it stops, a wrong password the server answers 401): an error containing
    /// `pattern` (where `*` stands for any text) then fails neither the `wait_*` helpers nor
    /// the test. Say exactly which, e.g. `"split_reading_pane-*.wasm - Failed to load resource"`.
    pub fn expect_console_error(&self, pattern: &str) {
        self.expected_errors.lock().unwrap_or_else(|p| p.into_inner()).push(pattern.to_string());
    }

    fn is_expected(&self, message: &str) -> bool {
        self.expected_errors.lock().unwrap_or_else(|p| p.into_inner()).iter().any(|p| matches_pattern(message, p))
    }

    /// The console errors (and uncaught page errors) since the browser started that no
    /// [`Browser::expect_console_error`] announced: the runner fails the test on any.
    pub fn unexpected_console_errors(&self) -> Result<Vec<String>> {
        Ok(self.console_errors()?.into_iter().filter(|m| !self.is_expected(m)).collect())
    }

    /// The uncaught errors the watcher found in the page (`errors`, a JSON array): an error
    /// unless every one was announced; the console's own account (with the panic message,
    /// when it was a wasm panic) comes with it.
    fn fail_on_page_errors(&self, errors: &Value, waiting_for: &str) -> Result {
        let unexpected: Vec<String> = errors
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| e.as_str().unwrap_or_default().to_string())
            .filter(|m| !self.is_expected(m))
            .collect();
        if unexpected.is_empty() {
            return Ok(());
        }
        let console = self.unexpected_console_errors().unwrap_or_default();
        Err(Error(format!(
            "the page has an uncaught error (a wasm panic ends in `RuntimeError: unreachable`) while waiting for \
             {waiting_for}:\n  {}\n  console: {}",
            unexpected.join("\n  "),
            console.join("\n  console: ")
        )))
    }

    /// Runs `script` in every document this browser opens from now on, before the page's own
    /// scripts (and in the current one).
    pub fn on_every_document(&self, script: &str) -> Result {
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": script }))?;
        self.execute(script, vec![])?;
        Ok(())
    }

    /// Keeps every `fetch` of the page from now on (this document and the next ones): see
    /// [`Browser::requests`].
    pub fn record_requests(&self) -> Result {
        self.on_every_document(RECORD_REQUESTS_JS)
    }

    /// The `fetch` calls recorded since [`Browser::record_requests`] in this document, in
    /// call order: `{url, method, authorization, body, status, error, at}` (`body`: the request's
    /// text, `null` until read; `status`: `null` until the answer's headers came, 0 if it
    /// failed; `at`: when it was made, in the page's milliseconds, `performance.now()`).
    pub fn requests(&self) -> Result<Vec<Value>> {
        let v = self.eval("window.__facteurRequests || null")?;
        match v {
            Value::Array(list) => Ok(list),
            _ => Err(Error::msg("no request is recorded in this document: call record_requests() first")),
        }
    }

    /// Where this browser saves downloads.
    pub fn downloads_dir(&self) -> PathBuf {
        self.profile.join("downloads")
    }

    /// Waits until the browser has saved the download `name` (complete, not a `.crdownload`
    /// on its way) and returns its bytes.
    pub fn wait_download(&self, name: &str, timeout: Duration) -> Result<Vec<u8>> {
        let path = self.downloads_dir().join(name);
        let partial = self.downloads_dir().join(format!("{name}.crdownload"));
        let t0 = Instant::now();
        loop {
            let errors = self.eval("window.__facteurErrors || []")?;
            self.fail_on_page_errors(&errors, &format!("the download {name:?}"))?;
            if path.is_file() && !partial.exists() {
                return std::fs::read(&path).ctx(format!("read {}", path.display()));
            }
            if t0.elapsed() > timeout {
                let saved: Vec<String> = std::fs::read_dir(self.downloads_dir())
                    .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().to_string()).collect())
                    .unwrap_or_default();
                return Err(Error(format!(
                    "timed out after {timeout:?} waiting for the download {name:?} (saved: {saved:?})\n{}",
                    self.describe_page()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Fails listing them if the console has errors not matching any of `allowed` (substrings).
    pub fn assert_no_console_errors(&self, allowed: &[&str]) -> Result {
        let errors: Vec<String> =
            self.console_errors()?.into_iter().filter(|m| !allowed.iter().any(|a| m.contains(a))).collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error(format!("console errors:\n  {}", errors.join("\n  "))))
        }
    }

    /// URL, title and the start of the body's text: appended to wait/find failures.
    pub fn describe_page(&self) -> String {
        let v = self.execute(
            "return [location.href, document.title, document.body ? document.body.innerText.slice(0, 600) : '(no body)', \
             document.body ? document.body.innerHTML.length : 0];",
            vec![],
        );
        match v {
            Ok(v) => format!(
                "  page: {} (title {:?}, {} chars of HTML)\n  text: {:?}",
                v[0].as_str().unwrap_or(""),
                v[1].as_str().unwrap_or(""),
                v[3],
                v[2].as_str().unwrap_or("")
            ),
            Err(e) => format!("  (page not readable: {e})"),
        }
    }

    /// Closes the session, stops chromedriver and Chromium, removes the profile. Idempotent.
    pub fn close(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = self.rt.block_on(async { tokio::time::timeout(Duration::from_secs(10), client.close()).await });
        }
        if let Some(mut child) = self.driver.take() {
            // chromedriver and the Chromium it started share its process group.
            let pgid = child.id() as i32;
            unsafe {
                libc::kill(-pgid, libc::SIGTERM);
            }
            let t0 = Instant::now();
            while t0.elapsed() < Duration::from_secs(3) {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            unsafe {
                libc::kill(-pgid, libc::SIGKILL);
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.close();
    }
}

/// Whether `text` contains `pattern`, `*` in it standing for any text.
fn matches_pattern(text: &str, pattern: &str) -> bool {
    let mut rest = text;
    for part in pattern.split('*') {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// A JS string literal.
pub fn js_str(s: &str) -> String {
    serde_json::to_string(s).expect("string serialises")
}

fn capabilities(
    chromium: &Path,
    profile: &Path,
    downloads: &Path,
    opts: &BrowserOptions,
) -> serde_json::Map<String, Value> {
    let (w, h) = opts.viewport;
    let lang = &opts.lang;
    let primary = lang.split('-').next().unwrap_or(lang);
    let accept = if primary != lang { format!("{lang},{primary}") } else { lang.clone() };
    let caps = json!({
        "browserName": "chrome",
        "pageLoadStrategy": "normal",
        "timeouts": { "script": 60000, "pageLoad": 60000, "implicit": 0 },
        "goog:loggingPrefs": { "browser": "ALL" },
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                format!("--user-data-dir={}", profile.display()),
                format!("--window-size={w},{h}"),
                format!("--lang={lang}"),
            ],
            "prefs": {
                "intl.accept_languages": accept,
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        },
    });
    match caps {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

fn spawn_chromedriver(chromedriver: &Path, port: u16, dir: &Path) -> Result<Child> {
    use std::os::unix::process::CommandExt;
    let log = dir.join("chromedriver.log");
    let mut child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .arg(format!("--log-path={}", log.display()))
        .env("LANGUAGE", "")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .ctx(format!("spawn {}", chromedriver.display()))?;
    let t0 = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(Error(format!(
                "chromedriver exited ({status}) before answering on port {port}\n--- chromedriver log (tail) ---\n{}",
                tail(&log, 20)
            )));
        }
        if driver_ready(port) {
            return Ok(child);
        }
        if t0.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error(format!(
                "chromedriver did not answer on port {port} within 20 s\n--- chromedriver log (tail) ---\n{}",
                tail(&log, 20)
            )));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `GET /status` answers `"ready": true`.
fn driver_ready(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").is_err() {
        return false;
    }
    let mut buf = String::new();
    let _ = s.read_to_string(&mut buf);
    buf.contains("\"ready\":true") || buf.contains("\"ready\": true")
}

fn tail(path: &Path, lines: usize) -> String {
    match std::fs::read(path) {
        Ok(b) => {
            let t = String::from_utf8_lossy(&b);
            let all: Vec<&str> = t.lines().collect();
            all[all.len().saturating_sub(lines)..].join("\n")
        }
        Err(e) => format!("(cannot read {}: {e})", path.display()),
    }
}

/// chromedriver's DevTools passthrough (`POST /session/{id}/goog/cdp/execute`).
#[derive(Debug)]
struct CdpExecute {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpExecute {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or("")))
    }
    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"cmd": self.cmd, "params": self.params}).to_string()))
    }
}

/// chromedriver's log endpoint (not in the W3C spec, but served in W3C mode too).
#[derive(Debug)]
struct GetLog;

impl WebDriverCompatibleCommand for GetLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or("")))
    }
    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

/// Run before the page's own scripts in every document: keeps its uncaught errors and
/// unhandled rejections in `window.__facteurErrors` (read by every `wait_until` poll).
const WATCH_ERRORS_JS: &str = r#"
if (!Object.getOwnPropertyDescriptor(window, '__facteurErrors')) {
  const errors = [];
  Object.defineProperty(window, '__facteurErrors', { value: errors });
  const text = (x) => (x && x.stack) ? String(x.stack) : String(x);
  addEventListener('error', (e) => errors.push('Uncaught ' + (e.error ? text(e.error) : e.message)));
  addEventListener('unhandledrejection', (e) => errors.push('Unhandled rejection ' + text(e.reason)));
}
"#;

/// Keeps every `fetch` call in `window.__facteurRequests` (see [`Browser::requests`]).
const RECORD_REQUESTS_JS: &str = r#"
if (!Object.getOwnPropertyDescriptor(window, '__facteurRequests')) {
  const list = [];
  Object.defineProperty(window, '__facteurRequests', { value: list });
  const original = window.fetch;
  window.fetch = function (input, init) {
    const request = input instanceof Request ? input : null;
    const method = ((init && init.method) || (request ? request.method : 'GET')).toUpperCase();
    const headers = new Headers((init && init.headers) || (request ? request.headers : undefined));
    const entry = { url: String(request ? request.url : input), method, authorization: headers.get('Authorization'),
                    body: null, status: null, error: null, at: Math.round(performance.now()) };
    list.push(entry);
    // Read before the original fetch takes the request's body.
    const body = (init && init.body !== undefined) ? Promise.resolve(typeof init.body === 'string' ? init.body : '')
      : (request && method !== 'GET' && method !== 'HEAD') ? request.clone().text() : Promise.resolve('');
    body.then((t) => { entry.body = t; }, () => { entry.body = ''; });
    const answer = original.apply(this, arguments);
    answer.then((r) => { entry.status = r.status; }, (e) => { entry.status = 0; entry.error = String(e); });
    return answer;
  };
}
"#;

const STORAGE_JS: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const dump = (get) => {
    try {
      const s = get(), out = [];
      for (let i = 0; i < s.length; i++) { const k = s.key(i); out.push([k, s.getItem(k)]); }
      return out;
    } catch (e) { return []; }
  };
  const r = { origin: location.origin, local: dump(() => localStorage), session: dump(() => sessionStorage),
              indexeddb: [], caches: [], service_workers: 0 };
  try { if (self.indexedDB && indexedDB.databases) r.indexeddb = (await indexedDB.databases()).map(d => d.name); } catch (e) {}
  try { if (self.caches) r.caches = await caches.keys(); } catch (e) {}
  try { if (navigator.serviceWorker) r.service_workers = (await navigator.serviceWorker.getRegistrations()).length; } catch (e) {}
  return r;
})().then(done, (e) => done({ error: String(e) }));
"#;

#[cfg(test)]
mod tests {
    use super::matches_pattern;

    #[test]
    fn patterns_match_in_order_with_any_text_for_a_star() {
        let line = "http://x/__wasm_split.js 18:20 TypeError: Failed to fetch";
        assert!(matches_pattern(line, "__wasm_split.js * TypeError: Failed to fetch"));
        assert!(matches_pattern(line, "Failed to fetch"));
        assert!(!matches_pattern(line, "TypeError * __wasm_split.js"));
        assert!(!matches_pattern(line, "status of 502"));
    }
}
