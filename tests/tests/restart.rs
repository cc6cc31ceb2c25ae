//! The app recovers by itself after the mail server restarts: while Cyrus is down the mail
//! stays on screen under a banner; once it is back the banner goes without a click and new
//! mail comes in again. (A binary of its own: the restart would disturb other tests.)

use facteur_browser_tests::flows::sign_in_per_message;
use facteur_browser_tests::runner::with_testbed;
use facteur_browser_tests::{axe, browser_tests, ensure, rows, Ctx, Result, WAIT};
use std::time::{Duration, Instant};

const JULIEN: &str = "julien.roux@ac-cevennes.fr";

fn recovers_after_a_server_restart(ctx: &Ctx) -> Result {
    let julien = ctx.app()?.account(JULIEN)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    sign_in_per_message(&b, &julien.email, &julien.password)?;
    let rows_before = b.count("[data-testid=message-row]")?;
    // The app's requests fail while Cyrus is down: the app server answers 502.
    b.expect_console_error("status of 502");
    // Stalwart answers its event source with 500 for a moment while it starts again.
    b.expect_console_error("/jmap/eventsource/* status of 500");
    // Cyrus stays down until the test has seen the banner (a fixed time would assume the
    // app notices within it, however slow the machine).
    let (bring_back, down) = std::sync::mpsc::channel::<()>();
    let restart = std::thread::spawn(move || {
        with_testbed(|tb| {
            tb.restart_server_when(|| {
                let _ = down.recv_timeout(Duration::from_secs(120));
            })
        })
    });
    let shown = b.wait_visible(".offline-banner", WAIT).and_then(|()| {
        ensure!(
            b.count("[data-testid=message-row]")? == rows_before,
            "the list must stay on screen while the server is down"
        );
        axe::assert_accessible(&b, "the inbox while the server restarts").map(|_| ())
    });
    drop(bring_back);
    shown?;
    restart
        .join()
        .map_err(|_| "the restart thread panicked")?
        .and_then(|r| r.map_err(|e| format!("restart failed: {e}").into()))?;
    let back = Instant::now();
    b.wait_gone(".offline-banner", Duration::from_secs(60))?;
    eprintln!("banner gone {:.1} s after the server was back", back.elapsed().as_secs_f64());

    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let subject = format!("Retour du serveur {stamp}");
    let raw = format!(
        "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: {JULIEN}\r\nSubject: {subject}\r\n\
         Message-ID: <restart-{stamp}@ac-cevennes.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Bonjour Julien,\r\nla messagerie fonctionne de nouveau.\r\n"
    );
    ctx.with_testbed(|tb| tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[JULIEN]))?
        .map_err(|e| format!("delivery failed: {e}"))?;
    rows::wait_for_subject(&b, &subject, "new mail after the restart", Duration::from_secs(60))?;
    Ok(())
}

browser_tests!(recovers_after_a_server_restart);
