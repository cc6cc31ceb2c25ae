//! Browser tests: headless Chromium against the real app and mail server (one testbed for the
//! whole binary, a fresh browser per test). Run: `cargo test -p facteur-browser-tests`
//! (needs `dist/` built, chromium + chromium-driver installed, `npm ci` in tests/axe).

use facteur_browser_tests::{axe, bail, browser_tests, ensure, BrowserOptions, Ctx, Result, PHONE, WAIT};
use std::time::Duration;

/// The app has mounted something into <body> besides <noscript>/<script>.
const APP_MOUNTED: &str =
    "Array.from(document.body.children).some(e => !['NOSCRIPT', 'SCRIPT', 'LINK'].includes(e.tagName))";

// ---------------------------------------------------------------------------------------------
// Harness self-tests (no app knowledge)
// ---------------------------------------------------------------------------------------------

/// A page with known WCAG failures, under a CSP stricter than the app's (no script at all).
const BAD_PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Bad page</title></head><body><main><h1>Bad page</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
<p style="color:#c8c8c8;background:#ffffff;font-size:14px">Barely readable grey text</p>
</main></body></html>"#;

/// The same page, fixed.
const GOOD_PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Good page</title></head><body><main><h1>Good page</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40" alt="A dot">
<p style="color:#333333;background:#ffffff;font-size:14px">Readable text</p>
</main></body></html>"#;

fn data_url(html: &str) -> String {
    let mut s = String::from("data:text/html;charset=utf-8,");
    for b in html.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// axe really finds violations (and `assert_accessible` really fails), even where the page's
/// CSP forbids every script.
fn harness_axe_detects_violations(ctx: &Ctx) -> Result {
    let b = ctx.bare_browser()?;
    b.goto(&data_url(BAD_PAGE))?;
    b.wait_for("main img", WAIT)?;
    ensure!(
        b.eval("(() => { try { return eval('1') } catch (e) { return 'blocked' } })()")?.is_number(),
        "sanity: WebDriver scripts should not be subject to the page's CSP"
    );
    let report = axe::run(&b)?;
    let ids: Vec<&str> = report.violations.iter().map(|v| v.id.as_str()).collect();
    eprintln!("axe {} on the bad page: {ids:?}, {} rules passed", report.axe_version, report.passes);
    ensure!(report.passes > 0, "axe ran no passing rule at all: it probably did not run");
    let alt = report.violations.iter().find(|v| v.id == "image-alt");
    let Some(alt) = alt else { bail!("axe missed the <img> without alt: {ids:?}") };
    ensure!(alt.is_blocking(), "image-alt should be serious/critical, was {}", alt.impact);
    ensure!(alt.nodes.iter().any(|n| n.html.contains("<img")), "image-alt should point at the <img>: {alt:?}");
    let contrast = report.violations.iter().find(|v| v.id == "color-contrast");
    let Some(contrast) = contrast else { bail!("axe missed the low-contrast text: {ids:?}") };
    ensure!(contrast.impact == "serious", "color-contrast should be serious, was {}", contrast.impact);
    match axe::assert_accessible(&b, "the bad page") {
        Ok(_) => bail!("assert_accessible passed a page with serious violations"),
        Err(e) => {
            ensure!(e.0.contains("image-alt") && e.0.contains("color-contrast"), "message lacks the rule ids: {e}");
            ensure!(e.0.contains("<img"), "message lacks the HTML snippet: {e}");
        }
    }
    Ok(())
}

/// No false positive on a fixed page.
fn harness_axe_passes_clean_page(ctx: &Ctx) -> Result {
    let b = ctx.bare_browser()?;
    b.goto(&data_url(GOOD_PAGE))?;
    b.wait_for("main img[alt]", WAIT)?;
    axe::assert_accessible(&b, "the good page")?;
    Ok(())
}

/// Language, viewport and screenshots of a bare browser.
fn harness_browser_basics(ctx: &Ctx) -> Result {
    let fr = ctx.bare_browser_with(BrowserOptions { lang: "fr-FR".into(), ..Default::default() })?;
    let langs = fr.eval("[navigator.language, navigator.languages.join(',')]")?;
    ensure!(langs[0] == "fr-FR", "navigator.language should be fr-FR, is {langs}");
    ensure!(langs[1].as_str().unwrap_or("").starts_with("fr-FR"), "navigator.languages: {langs}");
    let en = ctx.bare_browser()?;
    ensure!(en.eval("navigator.language")? == "en-US", "default language should be en-US");

    en.goto(&data_url(GOOD_PAGE))?;
    ensure!(en.viewport()? == (1280, 800), "desktop viewport: {:?}", en.viewport()?);
    en.set_window(PHONE.0, PHONE.1)?;
    ensure!(en.viewport()? == PHONE, "phone viewport: {:?}", en.viewport()?);
    let shots = en.screenshots_desktop_phone("harness-good-page", |_| Ok(()))?;
    for p in &shots {
        let bytes = std::fs::read(p)?;
        ensure!(bytes.starts_with(b"\x89PNG"), "{} is not a PNG", p.display());
    }
    ensure!(en.viewport()? == PHONE, "viewport not restored after screenshots");
    ensure!(en.text("h1")? == "Good page", "text(h1): {:?}", en.text("h1")?);
    match en.wait_for("#does-not-exist", Duration::from_millis(300)) {
        Ok(()) => bail!("wait_for found a missing element"),
        Err(e) => ensure!(e.0.contains("Good page"), "wait_for failure should describe the page: {e}"),
    }
    Ok(())
}

/// Storage and console checks really see what a page leaves behind (on the app's origin).
fn harness_storage_and_console(ctx: &Ctx) -> Result {
    let b = ctx.browser()?;
    b.goto("/")?;
    b.wait_for("body", WAIT)?;
    b.execute(
        "localStorage.setItem('harness.probe', 'x'); sessionStorage.setItem('harness.s', 'y'); \
         document.cookie = 'harness_cookie=1; path=/'; console.error('harness console probe');",
        vec![],
    )?;
    b.execute_async(
        "const done = arguments[arguments.length - 1]; const r = indexedDB.open('harness-db'); \
         r.onsuccess = () => { r.result.close(); done(true); }; r.onerror = () => done(false);",
        vec![],
    )?;
    let r = b.storage()?;
    eprintln!("{r}");
    ensure!(r.local.iter().any(|(k, v)| k == "harness.probe" && v == "x"), "localStorage probe missing: {r}");
    ensure!(r.session.iter().any(|(k, _)| k == "harness.s"), "sessionStorage probe missing: {r}");
    ensure!(r.cookies.iter().any(|(k, _)| k == "harness_cookie"), "cookie probe missing: {r}");
    ensure!(r.indexeddb.iter().any(|n| n == "harness-db"), "IndexedDB probe missing: {r}");
    ensure!(b.assert_storage_empty(&[]).is_err(), "assert_storage_empty passed with data left");
    let errors = b.console_errors()?;
    ensure!(errors.iter().any(|e| e.contains("harness console probe")), "console probe missing: {errors:?}");
    ensure!(b.assert_no_console_errors(&["harness console probe"]).is_ok(), "allow-list not applied");
    // The runner fails a test on a console error it did not announce.
    let unexpected = b.unexpected_console_errors()?;
    ensure!(unexpected.iter().any(|e| e.contains("harness console probe")), "not reported: {unexpected:?}");
    b.expect_console_error("harness console probe");
    ensure!(b.unexpected_console_errors()?.is_empty(), "an announced error is still reported");
    Ok(())
}

/// An uncaught error of the page (what a wasm panic ends in) fails the wait that sees it at
/// once, unless the test announced it; `wait_text` looks at every match, not only the first.
fn harness_page_errors_and_every_match(ctx: &Ctx) -> Result {
    let b = ctx.bare_browser()?;
    b.goto(&data_url("<!DOCTYPE html><title>t</title><p class=t>first</p><p class=t>second</p>"))?;
    b.wait_text(".t", "second", WAIT)?;
    // (An error thrown by a WebDriver script is "muted" to the page: raised as the page's own.)
    b.execute(
        "const error = new Error('harness uncaught probe'); \
         dispatchEvent(new ErrorEvent('error', { error, message: 'Uncaught ' + error.message }));",
        vec![],
    )?;
    match b.wait_until("false", "nothing", Duration::from_secs(60)) {
        Ok(()) => bail!("wait_until passed on a false condition"),
        Err(e) => ensure!(
            e.0.contains("uncaught error") && e.0.contains("harness uncaught probe"),
            "the wait did not fail on the page's error: {e}"
        ),
    }
    b.expect_console_error("harness uncaught probe");
    b.wait_until("true", "an announced error let through", WAIT)?;
    ensure!(b.unexpected_console_errors()?.is_empty(), "announced, yet reported: {:?}", b.console_errors()?);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The app
// ---------------------------------------------------------------------------------------------

/// Smoke test: the real app loads from the testbed, has a title, mounts, and passes axe.
fn smoke_home_page(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let b = ctx.browser()?;
    eprintln!("browser started in {:.1}s", b.startup.as_secs_f64());
    b.goto("/")?;
    b.wait_for("body", WAIT)?;
    let title = b.title()?;
    ensure!(!title.trim().is_empty(), "the page title is empty ({})", app.url);
    b.wait_until(APP_MOUNTED, "the app to mount into <body>", WAIT)?;
    // axe is injected under the app's real CSP (no 'unsafe-inline', no 'unsafe-eval').
    let csp = b.execute_async(
        "const done = arguments[arguments.length - 1]; \
         fetch('/').then(r => done(r.headers.get('content-security-policy') || ''), e => done('error: ' + e));",
        vec![],
    )?;
    let csp = csp.as_str().unwrap_or("");
    ensure!(csp.contains("script-src"), "the app is served without a CSP script-src: {csp:?}");
    ensure!(!csp.contains("'unsafe-eval'") && !csp.contains("'unsafe-inline'"), "CSP is not strict: {csp}");
    axe::assert_accessible(&b, "the home page (desktop)")?;
    b.screenshots_desktop_phone("home", |b| b.wait_until(APP_MOUNTED, "the app", WAIT))?;
    b.set_window(PHONE.0, PHONE.1)?;
    axe::assert_accessible(&b, "the home page (phone)")?;
    // (A console error fails the test: the runner checks every test's browsers.)
    Ok(())
}

// ---------------------------------------------------------------------------------------------

browser_tests!(
    harness_axe_detects_violations,
    harness_axe_passes_clean_page,
    harness_browser_basics,
    harness_storage_and_console,
    harness_page_errors_and_every_match,
    smoke_home_page,
);
