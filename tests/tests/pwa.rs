//! The installable app (issue 15): Chromium finds the web manifest and the service worker and
//! reports the app installable; the worker keeps every file of the build, so that the app
//! starts with its server gone; a new build is announced ("Une nouvelle version de Facteur
//! est prête") and taken only when the user reloads. Each test serves its own copy of the
//! bundle through an app server of its own, which it can change or stop.

use facteur_browser_tests::{axe, browser_tests, ensure, paths, Browser, BrowserOptions, Ctx, Error, Result, WAIT};
use facteur_testbed::ExtraApp;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// A copy of the bundle, served by an app server of the test's own in front of the real
/// mail server, and a browser on it (French, desktop) at the sign-in form, once the service
/// worker controls the page.
struct Own {
    dist: PathBuf,
    front: ExtraApp,
    b: Rc<Browser>,
}

impl Drop for Own {
    fn drop(&mut self) {
        let _ = self.b.goto("about:blank");
        self.front.stop();
        let _ = std::fs::remove_dir_all(&self.dist);
    }
}

fn own_copy(ctx: &Ctx) -> Result<Own> {
    let dist = std::env::temp_dir().join(format!("facteur-pwa-{}-{}", ctx.name(), std::process::id()));
    let _ = std::fs::remove_dir_all(&dist);
    copy_dir(&paths::dist_dir()?, &dist)?;
    let front = ctx.with_testbed(|tb| tb.extra_app_server(&dist, &tb.jmap_url(), 0))??;
    let b = ctx.browser_with(BrowserOptions {
        lang: "fr-FR".into(),
        base_url: Some(front.url.clone()),
        ..Default::default()
    })?;
    b.goto("/login")?;
    b.wait_for("#username", WAIT)?;
    b.wait_until(
        "navigator.serviceWorker.controller !== null",
        "the service worker controls the page",
        std::time::Duration::from_secs(30),
    )?;
    Ok(Own { dist, front, b })
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| Error(format!("{}: {e}", to.display())))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error(format!("{}: {e}", from.display())))? {
        let entry = entry.map_err(|e| Error(e.to_string()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| Error(format!("{}: {e}", target.display())))?;
        }
    }
    Ok(())
}

/// The paths the service worker keeps, by cache name.
fn kept(b: &Browser) -> Result<Vec<(String, Vec<String>)>> {
    let got = b.execute_async(
        "const done = arguments[arguments.length - 1];
         (async () => {
           const out = [];
           for (const name of await caches.keys()) {
             const requests = await (await caches.open(name)).keys();
             out.push([name, requests.map(r => new URL(r.url).pathname)]);
           }
           return out;
         })().then(done, e => done(String(e)));",
        vec![],
    )?;
    let list = got.as_array().ok_or_else(|| Error(format!("the caches: {got}")))?;
    Ok(list
        .iter()
        .map(|pair| {
            let name = pair[0].as_str().unwrap_or_default().to_string();
            let paths = pair[1].as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect());
            (name, paths.unwrap_or_default())
        })
        .collect())
}

/// The build's own copy of the app's files.
fn shell(b: &Browser) -> Result<(String, Vec<String>)> {
    kept(b)?
        .into_iter()
        .find(|(name, _)| name.starts_with("facteur-shell-"))
        .ok_or_else(|| Error("no cache of the app's files".into()))
}

/// Chromium reports the app installable (its manifest in French, with its icons and the
/// `mailto:` handler), the worker keeps every file of the build (each lazily loaded part
/// included), and with the app's server stopped a reload still shows the sign-in form.
fn installable_and_starts_without_its_server(ctx: &Ctx) -> Result {
    let mut own = own_copy(ctx)?;
    let b = own.b.clone();
    let errors = b.cdp("Page.getInstallabilityErrors", json!({}))?;
    ensure!(
        errors["installabilityErrors"].as_array().is_some_and(Vec::is_empty),
        "Chromium finds the app installable: {errors}"
    );
    let manifest = b.cdp("Page.getAppManifest", json!({}))?;
    ensure!(
        manifest["url"].as_str().is_some_and(|u| u.ends_with("/manifest.webmanifest")),
        "the French manifest: {manifest}"
    );
    ensure!(manifest["errors"].as_array().is_some_and(Vec::is_empty), "a manifest without errors: {manifest}");
    let text: Value =
        serde_json::from_str(manifest["data"].as_str().unwrap_or("{}")).map_err(|e| Error(e.to_string()))?;
    ensure!(text["name"] == "Facteur — messagerie" && text["display"] == "standalone", "its name and display: {text}");
    ensure!(text["protocol_handlers"][0]["protocol"] == "mailto", "it handles mailto: links: {text}");

    // Every file of the build is kept (the wasm parts are fetched only when needed).
    let (_, files) = shell(&b)?;
    let mut wasm: Vec<String> = std::fs::read_dir(&own.dist)
        .map_err(|e| Error(e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".wasm") || n.ends_with(".js") || n.ends_with(".css"))
        .collect();
    wasm.sort();
    ensure!(wasm.len() > 5, "the bundle's files: {wasm:?}");
    for file in &wasm {
        ensure!(file == "sw.js" || files.contains(&format!("/{file}")), "{file} is kept for offline starts: {files:?}");
    }
    ensure!(files.contains(&"/index.html".to_string()), "the page itself is kept: {files:?}");

    // The server is gone: the app still starts, and says so when one tries to sign in.
    own.front.stop();
    b.refresh()?;
    b.wait_for("#username", WAIT)?;
    ensure!(b.exists("#password")?, "the whole form shows");
    Ok(())
}

/// A new build on the server (another version of the worker): the page that runs says "Une
/// nouvelle version de Facteur est prête" with "Recharger" and goes on with its own files;
/// "Recharger" reloads once the new version took over, and the new version's files are kept.
fn a_new_version_is_announced_and_taken_on_reload(ctx: &Ctx) -> Result {
    let own = own_copy(ctx)?;
    let b = own.b.clone();
    let (old, _) = shell(&b)?;
    let sw = own.dist.join("sw.js");
    let script = std::fs::read_to_string(&sw).map_err(|e| Error(e.to_string()))?;
    let version = old.trim_start_matches("facteur-shell-");
    let next = format!("{version}-next");
    ensure!(script.contains(&format!("const VERSION = \"{version}\";")), "the worker names its version");
    std::fs::write(
        &sw,
        script.replace(&format!("const VERSION = \"{version}\";"), &format!("const VERSION = \"{next}\";")),
    )
    .map_err(|e| Error(e.to_string()))?;
    for compressed in ["sw.js.br", "sw.js.gz"] {
        let _ = std::fs::remove_file(own.dist.join(compressed));
    }
    b.execute("window.__facteurBeforeReload = true;", vec![])?;
    // What the app does every half hour (and the browser at each start), at once.
    b.execute("navigator.serviceWorker.getRegistration().then(r => r.update());", vec![])?;
    b.wait_text("[data-testid=update-banner]", "Une nouvelle version de Facteur est prête", WAIT)?;
    ensure!(b.eval("window.__facteurBeforeReload === true")? == json!(true), "the page was not reloaded by itself");
    axe::assert_accessible(&b, "the sign-in form with the new version announced")?;
    let (running, _) = shell(&b)?;
    ensure!(running == old || kept(&b)?.iter().any(|(n, _)| *n == old), "the running version's files stay kept");
    b.click("[data-testid=update-banner] button")?;
    b.wait_until(
        "window.__facteurBeforeReload === undefined && document.querySelector('#username') !== null",
        "the page reloaded",
        WAIT,
    )?;
    b.wait_until("navigator.serviceWorker.controller !== null", "the new version controls the page", WAIT)?;
    let names: Vec<String> = kept(&b)?.into_iter().map(|(n, _)| n).collect();
    ensure!(names.contains(&format!("facteur-shell-{next}")), "the new version's files are kept: {names:?}");
    ensure!(!b.exists("[data-testid=update-banner]")?, "no new version announced any more");
    Ok(())
}

browser_tests!(installable_and_starts_without_its_server, a_new_version_is_announced_and_taken_on_reload,);
