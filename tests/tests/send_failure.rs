//! A send that fails keeps the message (issue 14): with the MTA the server submits to stopped,
//! "Envoyer" says why in words and offers to try again; once the MTA is back, trying again
//! delivers exactly one copy. A binary of its own: the MTA down would fail the other tests'
//! sends. Only where the MTA can be stopped on its own (Postfix beside Cyrus).

use facteur_browser_tests::compose::{
    compose_with_key, emails_with_subject, signed_in, type_into, unique, CLAIRE, JULIEN,
};
use facteur_browser_tests::server::eventually;
use facteur_browser_tests::{axe, browser_tests, ensure, Ctx, Result};
use std::time::Duration;

/// How long a sent mail may take to reach the other account (a wait, not a speed goal).
const DELIVERY: Duration = Duration::from_secs(60);

/// With the MTA down, "Envoyer" keeps the message, says why in words and offers to try
/// again; once the MTA is back, trying again delivers exactly one copy.
fn a_failed_send_keeps_the_draft_and_a_retry_sends_once(ctx: &Ctx) -> Result {
    let subject = unique("Convocation au conseil de discipline");
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-to-", "julien.roux@ac-cevennes.fr,")?;
    type_into(&b, "compose-subject-", &subject)?;
    type_into(&b, "compose-body-", "Madame, Monsieur, veuillez vous présenter lundi à 17 h.")?;
    let mut failure = String::new();
    ctx.with_testbed(|tb| {
        tb.restart_mta_when(|| {
            let shown = (|| -> Result {
                b.click("[data-testid=composer] [data-action=send]")?;
                b.wait_for("[data-testid=composer] [data-testid=send-failure]", Duration::from_secs(60))?;
                failure = b.text("[data-testid=composer] [data-testid=send-failure]")?;
                axe::assert_accessible(&b, "the composer after a failed send")?;
                Ok(())
            })();
            if let Err(e) = shown {
                failure = format!("(not shown: {e})");
            }
        })
    })?
    .map_err(|e| facteur_browser_tests::Error(format!("restart the MTA: {e}")))?;
    ensure!(
        failure.contains("Le message n'est pas parti ; il est gardé en brouillon."),
        "the failure in words: {failure:?}"
    );
    ensure!(
        b.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default().contains("présenter lundi"),
        "the text is still there"
    );
    ensure!(b.text("[data-testid=composer] [data-action=send]")?.contains("Réessayer"), "offers to try again");
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=toast]", "Message envoyé", Duration::from_secs(60))?;
    let mut received = Vec::new();
    eventually("the mail reaches Julien", DELIVERY, || {
        received = emails_with_subject(ctx, JULIEN, "inbox", &subject)?;
        Ok(!received.is_empty())
    })?;
    ensure!(received.len() == 1, "exactly one copy reached Julien: {}", received.len());
    ensure!(emails_with_subject(ctx, CLAIRE, "sent", &subject)?.len() == 1, "one copy in Sent");
    Ok(())
}

browser_tests!(
    #[needs(StoppableMta)]
    a_failed_send_keeps_the_draft_and_a_retry_sends_once,
);
