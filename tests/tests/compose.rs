//! Writing mail (issue 14), against the real server: Claire writes to Julien in Markdown and
//! the mail reaches him through the MTA with its text part (the Markdown source) and its HTML
//! part; Julien answers from his phone and the original is marked answered; an address that
//! cannot be sent to blocks the send with words; a draft is saved to Drafts, offered again
//! after a reload and discarded; a `mailto:` link opens a filled composer; an announced but
//! missing attachment is asked about first; a file dropped (its progress bar moving) and an
//! image pasted in the text arrive byte for byte, the image inline by its Content-Id. (A send
//! with the MTA down: `send_failure.rs`.)

use facteur_browser_tests::compose::{
    compose_with_key, emails_with_subject, part_text, part_type, signed_in, type_into, unique, CLAIRE, JULIEN,
};
use facteur_browser_tests::flows::SIGN_IN;
use facteur_browser_tests::server::{self, eventually};
use facteur_browser_tests::{axe, browser_tests, ensure, rows, Browser, Ctx, Result, DESKTOP, PHONE, WAIT};
use serde_json::{json, Value};
use std::time::Duration;

/// How long a sent mail may take to reach the other account through the MTA, and the app's
/// next poll to show it: a wait, not a speed goal.
const DELIVERY: Duration = Duration::from_secs(60);

/// Claire writes to Julien in Markdown (French, desktop): the chips, the preview, "Envoi dans
/// 5 s", then in Julien's inbox a mail whose text part is the Markdown source and whose HTML
/// part has it rendered; in Claire's Sent, the same mail, no longer a draft. Julien answers
/// with `r` on a phone in English: the quote under "On … Claire Martin wrote:", and the
/// reply reaches Claire in the same conversation, the original marked answered.
fn claire_writes_julien_answers(ctx: &Ctx) -> Result {
    let subject = unique("Conseil pédagogique du jeudi");
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    compose_with_key(&b)?;
    axe::assert_accessible(&b, "the composer, just opened")?;
    type_into(&b, "compose-to-", "Julien Roux <julien.roux@ac-cevennes.fr>, ")?;
    b.wait_text("[data-testid=composer] [data-testid=chip]", "Julien Roux", WAIT)?;
    ensure!(
        b.attr("[data-testid=composer] [data-testid=chip]", "data-email")?.as_deref() == Some(JULIEN),
        "the chip holds Julien's address"
    );
    type_into(&b, "compose-subject-", &subject)?;
    let markdown = "Bonjour Julien,\n\nLe **conseil pédagogique** aura lieu jeudi :\n\n- bilan du trimestre\n- projets de sortie\n\nBien cordialement,\nClaire";
    // The body starts with the signature, if the identity has one: the text goes above it.
    b.execute(
        "const t = document.querySelector('[data-testid=composer] textarea'); t.focus(); t.setSelectionRange(0, 0);",
        vec![],
    )?;
    type_into(&b, "compose-body-", markdown)?;
    b.screenshots_desktop_phone("compose-fr", |b| b.wait_visible("[data-testid=composer] [data-action=send]", WAIT))?;
    b.click("[data-testid=composer] [data-action=preview]")?;
    b.wait_text("[data-testid=composer-preview] strong", "conseil pédagogique", WAIT)?;
    ensure!(b.count("[data-testid=composer-preview] li")? == 2, "the preview shows the list");
    axe::assert_accessible(&b, "the composer in preview")?;
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=composer-bar]", "Envoi dans", WAIT)?;
    b.wait_text("[data-testid=toast]", "Message envoyé", Duration::from_secs(30))?;

    // What Julien's server now holds: both parts, as written.
    let mut received = Vec::new();
    eventually("the mail is in Julien's inbox", DELIVERY, || {
        received = emails_with_subject(ctx, JULIEN, "inbox", &subject)?;
        Ok(!received.is_empty())
    })?;
    ensure!(received.len() == 1, "one copy reached Julien: {received:?}");
    let mail = &received[0];
    let text = part_text(mail, "textBody");
    ensure!(
        text.contains("Le **conseil pédagogique** aura lieu jeudi :"),
        "the text part is the Markdown source: {text:?}"
    );
    ensure!(text.contains("- bilan du trimestre"), "the list as written in the text part: {text:?}");
    ensure!(part_type(mail, "htmlBody") == "text/html", "an HTML part: {}", mail["htmlBody"]);
    let html = part_text(mail, "htmlBody");
    ensure!(html.contains("<strong>conseil pédagogique</strong>"), "the HTML part is rendered: {html:?}");
    ensure!(html.contains("<li>bilan du trimestre</li>"), "the list rendered: {html:?}");
    let sent = emails_with_subject(ctx, CLAIRE, "sent", &subject)?;
    ensure!(sent.len() == 1, "one copy in Claire's Sent: {sent:?}");
    ensure!(sent[0]["keywords"].get("$draft").is_none(), "no longer a draft: {}", sent[0]["keywords"]);
    ensure!(emails_with_subject(ctx, CLAIRE, "drafts", &subject)?.is_empty(), "nothing left in Claire's Drafts");
    let original_id = mail["messageId"][0].as_str().unwrap_or_default().to_string();

    // Julien answers, on a phone, in English. Claire's HTML part carries inline styles for
    // other mail clients, which the app's CSP reports while reading it.
    let j = signed_in(ctx, JULIEN, "en-US")?;
    j.expect_console_error(facteur_browser_tests::flows::PARSED_MAIL_INLINE_STYLE);
    j.set_window(PHONE.0, PHONE.1)?;
    rows::wait_for_subject(&j, &subject, "Claire's mail in Julien's inbox", DELIVERY)?;
    rows::open(&j, &subject)?;
    j.wait_text(".conversation-subject", &subject, WAIT)?;
    j.execute("document.activeElement && document.activeElement.blur()", vec![])?;
    j.press("r")?;
    j.wait_for("[data-testid=composer] textarea", WAIT)?;
    let reply_subject = format!("Re: {subject}");
    j.wait_text("[data-testid=composer] .composer-title", &reply_subject, WAIT)?;
    ensure!(
        j.attr("[data-testid=composer] [data-testid=chip]", "data-email")?.as_deref() == Some(CLAIRE),
        "the reply goes to Claire"
    );
    let body = j.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default();
    // The name is the one Claire's identity carries (our Cyrus gives identities the address only).
    let attribution = body.lines().find(|l| l.starts_with("On ")).unwrap_or_default();
    ensure!(
        attribution.ends_with(" wrote:") && (attribution.contains("Claire Martin") || attribution.contains(CLAIRE)),
        "the attribution in English: {body:?}"
    );
    ensure!(body.contains("> Le **conseil pédagogique** aura lieu jeudi"), "the original quoted: {body:?}");
    // The send button is in view on the phone.
    let in_view = j.execute(
        "const r = document.querySelector('[data-testid=composer] [data-action=send]').getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= 0;",
        vec![],
    )?;
    ensure!(in_view == json!(true), "the send button is on screen on a phone");
    j.execute(
        "const t = document.querySelector('[data-testid=composer] textarea'); t.focus(); t.setSelectionRange(0, 0);",
        vec![],
    )?;
    type_into(&j, "compose-body-", "Thanks, I will be there.")?;
    j.click("[data-testid=composer] [data-action=send]")?;
    j.wait_text("[data-testid=toast]", "Message sent", Duration::from_secs(30))?;

    let mut replies = Vec::new();
    eventually("the reply is in Claire's inbox", DELIVERY, || {
        replies = emails_with_subject(ctx, CLAIRE, "inbox", &reply_subject)?;
        Ok(!replies.is_empty())
    })?;
    ensure!(replies.len() == 1, "one reply: {replies:?}");
    ensure!(
        replies[0]["inReplyTo"][0] == original_id.as_str(),
        "In-Reply-To is the original: {}",
        replies[0]["inReplyTo"]
    );
    ensure!(replies[0]["threadId"] == sent[0]["threadId"], "the reply is in the conversation of Claire's sent mail");
    eventually("the original is marked answered", WAIT, || {
        let now = emails_with_subject(ctx, JULIEN, "inbox", &subject)?;
        Ok(now.first().is_some_and(|m| m["keywords"]["$answered"] == true))
    })?;
    Ok(())
}

/// An address that cannot be sent to is marked on its chip and blocks "Envoyer" with words
/// (English); once it is removed, the message leaves, once.
fn a_bad_address_blocks_the_send(ctx: &Ctx) -> Result {
    let subject = unique("Sortie au musée");
    let b = signed_in(ctx, CLAIRE, "en-US")?;
    b.click("[data-action=compose]")?;
    b.wait_for("[data-testid=composer] [id^=compose-to-]", WAIT)?;
    type_into(&b, "compose-to-", "élève@ac-cevennes.fr; julien.roux@ac-cevennes.fr, ")?;
    b.wait_count("[data-testid=composer] [data-testid=chip]", 2, WAIT)?;
    b.wait_text("[data-testid=composer] .chip.invalid", "accented letters", WAIT)?;
    type_into(&b, "compose-subject-", &subject)?;
    type_into(&b, "compose-body-", "Departure at 8:30.")?;
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=composer] .composer-problem", "cannot receive mail", WAIT)?;
    ensure!(b.exists("[data-testid=composer] textarea")?, "the composer stays open");
    axe::assert_accessible(&b, "the composer with an error")?;
    b.click("[data-testid=composer] .chip.invalid .chip-remove")?;
    b.wait_count("[data-testid=composer] [data-testid=chip]", 1, WAIT)?;
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=toast]", "Message sent", Duration::from_secs(30))?;
    let mut sent = Vec::new();
    eventually("the mail is in Claire's Sent", DELIVERY, || {
        sent = emails_with_subject(ctx, CLAIRE, "sent", &subject)?;
        Ok(!sent.is_empty())
    })?;
    ensure!(sent.len() == 1, "sent once: {sent:?}");
    ensure!(sent[0]["to"].as_array().map(Vec::len) == Some(1), "to Julien only: {}", sent[0]["to"]);
    Ok(())
}

/// A draft typed is saved to the Drafts folder a moment after typing stops; after a reload
/// (and signing in again: the password is never kept) it is offered back with its text;
/// "Supprimer le brouillon" destroys the server's copy.
fn a_draft_survives_a_reload_and_is_discarded(ctx: &Ctx) -> Result {
    let subject = unique("Brouillon de convocation");
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    b.click("[data-action=compose]")?;
    b.wait_for("[data-testid=composer] [id^=compose-to-]", WAIT)?;
    type_into(&b, "compose-to-", "julien.roux@ac-cevennes.fr,")?;
    type_into(&b, "compose-subject-", &subject)?;
    type_into(&b, "compose-body-", "Madame, Monsieur, vous êtes convoqués au conseil de classe.")?;
    b.wait_text("[data-testid=composer] .composer-status", "Brouillon enregistré à", WAIT)?;
    let mut drafts = Vec::new();
    eventually("the draft is in Claire's Drafts", WAIT, || {
        drafts = emails_with_subject(ctx, CLAIRE, "drafts", &subject)?;
        Ok(!drafts.is_empty())
    })?;
    ensure!(drafts.len() == 1, "one version in Drafts (the previous ones destroyed): {drafts:?}");
    ensure!(drafts[0]["keywords"]["$draft"] == true, "a draft: {}", drafts[0]["keywords"]);
    ensure!(part_text(&drafts[0], "textBody").contains("convoqués au conseil"), "its text saved");

    b.refresh()?;
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    b.wait_visible("#password", WAIT)?;
    b.fill("#password", &claire.password)?;
    b.click("button[type=submit]")?;
    b.wait_for("[data-testid=message-row]", SIGN_IN)?;
    b.wait_text("[data-testid=composer-bar]", &subject, WAIT)?;
    ensure!(b.text("[data-testid=composer-bar]")?.contains("Message non envoyé retrouvé"), "offered back");
    b.click("[data-testid=composer-bar] [data-action=open-composer]")?;
    b.wait_for("[data-testid=composer] textarea", WAIT)?;
    let body = b.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default();
    ensure!(body.contains("convoqués au conseil de classe"), "the text is back: {body:?}");
    b.execute("window.confirm = () => true;", vec![])?;
    b.click("[data-testid=composer] [data-action=discard]")?;
    b.wait_text("[data-testid=toast]", "Brouillon supprimé", WAIT)?;
    eventually("the draft is gone from the server", WAIT, || {
        Ok(emails_with_subject(ctx, CLAIRE, "drafts", &subject)?.is_empty())
    })?;
    ensure!(!b.exists("[data-testid=composer]")?, "the composer is closed");
    Ok(())
}

/// A `mailto:` link (the app is the browser's handler: `/compose?to=<link>`) opens a filled
/// composer, through the login form.
fn a_mailto_link_opens_a_filled_composer(ctx: &Ctx) -> Result {
    let claire = ctx.app()?.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    let link = "mailto:julien.roux@ac-cevennes.fr?cc=vie.scolaire@ac-cevennes.fr&subject=Absence%20de%20L%C3%A9a&body=Bonjour%2C%0D%0ALéa%20sera%20absente.";
    b.goto(&format!("/compose?to={}", urlencode(link)))?;
    b.wait_visible("#username", WAIT)?;
    b.fill("#username", &claire.email)?;
    b.fill("#password", &claire.password)?;
    b.click("button[type=submit]")?;
    b.wait_for("[data-testid=composer] textarea", SIGN_IN)?;
    b.wait_text("[data-testid=composer] .composer-title", "Absence de Léa", WAIT)?;
    let emails: Vec<String> = b
        .execute("return [...document.querySelectorAll('[data-testid=composer] [data-testid=chip]')].map(c => c.dataset.email)", vec![])?
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    ensure!(emails == [JULIEN, "vie.scolaire@ac-cevennes.fr"], "To and Cc from the link: {emails:?}");
    let body = b.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default();
    ensure!(body.starts_with("Bonjour,\nLéa sera absente."), "the body from the link: {body:?}");
    ensure!(b.current_url()?.ends_with("/mail/inbox"), "the composer opens over the inbox");
    b.set_window(DESKTOP.0, DESKTOP.1)?;
    Ok(())
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|c| match c {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (c as char).to_string(),
            _ => format!("%{c:02X}"),
        })
        .collect()
}

/// "ci-joint" with no file attached: "Envoyer" first asks, "Envoyer quand même" sends; on the
/// way, the toolbar's "Gras" on a selection, and "Texte brut" (the mail leaves as text only).
fn a_missing_attachment_is_asked_about(ctx: &Ctx) -> Result {
    let subject = unique("Compte rendu du conseil");
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-to-", "julien.roux@ac-cevennes.fr ")?;
    type_into(&b, "compose-subject-", &subject)?;
    type_into(&b, "compose-body-", "Veuillez trouver ci-joint le compte rendu.")?;
    // The toolbar: "compte rendu" selected, then "Gras".
    b.execute(
        "const t = document.querySelector('[data-testid=composer] textarea'); const at = t.value.indexOf('compte rendu'); t.focus(); t.setSelectionRange(at, at + 'compte rendu'.length);",
        vec![],
    )?;
    b.click("[data-testid=composer] .composer-toolbar button[aria-label=Gras]")?;
    b.wait_until(
        "document.querySelector('[data-testid=composer] textarea').value.includes('**compte rendu**')",
        "the selection in bold",
        WAIT,
    )?;
    // "Texte brut": the message leaves as text only.
    b.click("[data-testid=composer] [data-action=plain-text]")?;
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=composer] .composer-reminder", "aucun fichier n'est joint", WAIT)?;
    ensure!(b.text("[data-testid=composer] [data-action=send]")?.contains("Envoyer quand même"), "the button says so");
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=toast]", "Message envoyé", Duration::from_secs(30))?;
    let mut sent = Vec::new();
    eventually("the mail is in Claire's Sent", DELIVERY, || {
        sent = emails_with_subject(ctx, CLAIRE, "sent", &subject)?;
        Ok(!sent.is_empty())
    })?;
    ensure!(sent.len() == 1, "sent once");
    ensure!(part_text(&sent[0], "textBody").contains("**compte rendu**"), "the text as written");
    ensure!(
        part_type(&sent[0], "htmlBody") == "text/plain" && sent[0]["bodyStructure"]["type"] == "text/plain",
        "plain text: no HTML part ({})",
        sent[0]["bodyStructure"]
    );
    Ok(())
}

/// "Annuler l'envoi" within 5 s keeps the message: the composer opens again with it, and it
/// is only a draft on the server; from the Drafts folder it is taken up again and sent.
fn undo_send_keeps_the_message(ctx: &Ctx) -> Result {
    let subject = unique("Message à retenir");
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-to-", "julien.roux@ac-cevennes.fr,")?;
    type_into(&b, "compose-subject-", &subject)?;
    type_into(&b, "compose-body-", "Finalement, je vous appelle.")?;
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_for("[data-testid=composer-bar] [data-action=cancel-send]", WAIT)?;
    b.click("[data-testid=composer-bar] [data-action=cancel-send]")?;
    b.wait_for("[data-testid=composer] textarea", WAIT)?;
    ensure!(
        b.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default().contains("je vous appelle"),
        "kept"
    );
    // Closing it keeps it in Drafts, where the server has it — and never in Sent.
    b.click("[data-testid=composer] [data-action=close-composer]")?;
    b.wait_text("[data-testid=toast]", "Brouillon enregistré", WAIT)?;
    eventually("the message is a draft on the server", WAIT, || {
        Ok(!emails_with_subject(ctx, CLAIRE, "drafts", &subject)?.is_empty())
    })?;
    ensure!(emails_with_subject(ctx, CLAIRE, "sent", &subject)?.is_empty(), "not sent");

    // In the Drafts folder, "Reprendre le brouillon" opens it in the composer; sent from
    // there, it leaves Drafts for Sent.
    b.click("[data-mailbox-role=drafts]")?;
    b.wait_until("location.pathname === '/mail/drafts'", "the Drafts folder", WAIT)?;
    rows::wait_for_subject(&b, &subject, "the draft in Drafts", WAIT)?;
    // (The draft's HTML part has the inline styles written for other mail clients.)
    b.expect_console_error(facteur_browser_tests::flows::PARSED_MAIL_INLINE_STYLE);
    rows::open(&b, &subject)?;
    b.wait_for("[data-action=edit-draft]", WAIT)?;
    b.click("[data-action=edit-draft]")?;
    b.wait_text("[data-testid=composer] .composer-title", &subject, WAIT)?;
    ensure!(
        b.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default().contains("je vous appelle"),
        "the draft's text in the composer"
    );
    ensure!(
        b.attr("[data-testid=composer] [data-testid=chip]", "data-email")?.as_deref() == Some(JULIEN),
        "its recipient"
    );
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=toast]", "Message envoyé", Duration::from_secs(30))?;
    eventually("the message is in Sent", DELIVERY, || {
        Ok(!emails_with_subject(ctx, CLAIRE, "sent", &subject)?.is_empty())
    })?;
    ensure!(emails_with_subject(ctx, CLAIRE, "drafts", &subject)?.is_empty(), "no longer in Drafts");
    Ok(())
}

/// Sends the open composer's message (`sent`: the toast's words) and returns it as Julien's
/// server holds it once delivered: `Email/get` with `args` (its properties…).
fn send_to_julien(ctx: &Ctx, b: &Browser, sent: &str, subject: &str, args: Value) -> Result<Value> {
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=toast]", sent, Duration::from_secs(30))?;
    let mut received = Vec::new();
    eventually("the mail is in Julien's inbox", DELIVERY, || {
        received = emails_with_subject(ctx, JULIEN, "inbox", subject)?;
        Ok(!received.is_empty())
    })?;
    let julien = server::client(ctx, JULIEN)?;
    let mut get = json!({"accountId": julien.account_id, "ids": [received[0]["id"]]});
    if let (Some(get), Some(args)) = (get.as_object_mut(), args.as_object()) {
        get.extend(args.clone());
    }
    let got = server::call(&julien, json!([["Email/get", get, "g"]]))?;
    Ok(got[0][1]["list"][0].clone())
}

/// A small but real PDF (one empty page), with bytes a text conversion would change.
fn pdf_bytes() -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n".to_vec();
    pdf.extend((0..=255u8).cycle().take(3000));
    pdf.extend_from_slice(b"\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    pdf
}

/// Gives files to the composer's file input, as the file chooser does (CDP).
fn choose_files(b: &Browser, paths: &[&std::path::Path]) -> Result {
    let found = b.cdp(
        "Runtime.evaluate",
        json!({"expression": "document.querySelector('[data-testid=composer] [data-testid=file-input]')"}),
    )?;
    let object = found["result"]["objectId"].as_str().ok_or("no file input in the composer")?.to_string();
    let files: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    b.cdp("DOM.setFileInputFiles", json!({"files": files, "objectId": object}))?;
    Ok(())
}

/// Claire attaches a PDF (with its progress bar) and sends: Julien's mail has the text and
/// HTML parts and the file, byte for byte. A file over the server's upload limit is refused
/// before any upload, with the limit in words. Julien then forwards it (`forward_it`).
fn an_attachment_arrives_byte_for_byte(ctx: &Ctx) -> Result {
    let subject = unique("Emploi du temps modifié");
    let dir = std::env::temp_dir().join(format!("facteur-compose-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| facteur_browser_tests::Error(e.to_string()))?;
    let pdf_path = dir.join("emploi-du-temps.pdf");
    let pdf = pdf_bytes();
    std::fs::write(&pdf_path, &pdf).map_err(|e| facteur_browser_tests::Error(e.to_string()))?;
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-to-", "julien.roux@ac-cevennes.fr,")?;
    type_into(&b, "compose-subject-", &subject)?;
    type_into(&b, "compose-body-", "Voici le *nouvel* emploi du temps, en pièce jointe.")?;
    choose_files(&b, &[&pdf_path])?;
    b.wait_text("[data-testid=composer] [data-testid=composer-file]", "emploi-du-temps.pdf", WAIT)?;
    // A second file, removed again: it does not go with the mail (one attachment arrives).
    let note_path = dir.join("brouillon-de-note.txt");
    std::fs::write(&note_path, "à ne pas envoyer").map_err(|e| facteur_browser_tests::Error(e.to_string()))?;
    choose_files(&b, &[&note_path])?;
    b.wait_count("[data-testid=composer] [data-testid=composer-file]", 2, WAIT)?;
    b.click("[data-testid=composer] [data-testid=composer-file]:last-child .chip-remove")?;
    b.wait_count("[data-testid=composer] [data-testid=composer-file]", 1, WAIT)?;

    // Over the server's limit: refused at once, nothing uploaded.
    // (The testbed's servers take 20 MB per file, as académie services do.)
    let limit = server::client(ctx, CLAIRE)?.capability_limit("maxSizeUpload", 0);
    ensure!((1..=50_000_000).contains(&limit), "the server's upload limit: {limit}");
    {
        let big = dir.join("video-de-la-sortie.mp4");
        let file = std::fs::File::create(&big).map_err(|e| facteur_browser_tests::Error(e.to_string()))?;
        file.set_len(limit + 1).map_err(|e| facteur_browser_tests::Error(e.to_string()))?;
        choose_files(&b, &[&big])?;
        b.wait_text("[data-testid=composer] [data-testid=upload-problem]", "le serveur accepte au plus", WAIT)?;
        ensure!(b.count("[data-testid=composer] [data-testid=composer-upload]")? == 0, "no upload started for it");
        axe::assert_accessible(&b, "the composer with a file refused")?;
    }
    let got = send_to_julien(
        ctx,
        &b,
        "Message envoyé",
        &subject,
        json!({"properties": ["attachments", "textBody", "htmlBody"]}),
    )?;
    let julien = server::client(ctx, JULIEN)?;
    let mail = &got;
    let files = mail["attachments"].as_array().cloned().unwrap_or_default();
    ensure!(files.len() == 1, "one attachment: {}", mail["attachments"]);
    ensure!(files[0]["name"] == "emploi-du-temps.pdf", "its name: {}", files[0]);
    ensure!(files[0]["type"] == "application/pdf", "its type: {}", files[0]);
    let bytes = julien
        .download(files[0]["blobId"].as_str().unwrap_or_default())
        .map_err(|e| facteur_browser_tests::Error(e.to_string()))?;
    ensure!(bytes == pdf, "the file's bytes are identical ({} received, {} sent)", bytes.len(), pdf.len());
    ensure!(
        part_type(mail, "textBody") == "text/plain" && part_type(mail, "htmlBody") == "text/html",
        "both parts: {mail}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    forward_it(ctx, &subject, &pdf)
}

/// Julien forwards Claire's mail back to her with `f` (English): the original's headers above
/// its text, its file with it, byte for byte; the original is marked forwarded.
fn forward_it(ctx: &Ctx, subject: &str, pdf: &[u8]) -> Result {
    let j = signed_in(ctx, JULIEN, "en-US")?;
    j.expect_console_error(facteur_browser_tests::flows::PARSED_MAIL_INLINE_STYLE);
    rows::wait_for_subject(&j, subject, "Claire's mail in Julien's inbox", DELIVERY)?;
    rows::open(&j, subject)?;
    j.wait_text(".conversation-subject", subject, WAIT)?;
    j.execute("document.activeElement && document.activeElement.blur()", vec![])?;
    j.press("f")?;
    let forward_subject = format!("Fwd: {subject}");
    j.wait_text("[data-testid=composer] .composer-title", &forward_subject, WAIT)?;
    j.wait_text("[data-testid=composer] [data-testid=composer-file]", "emploi-du-temps.pdf", WAIT)?;
    let body = j.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default();
    ensure!(body.contains("---------- Forwarded message ----------"), "the forwarded block: {body:?}");
    ensure!(body.contains(&format!("Subject: {subject}")), "the original's headers: {body:?}");
    ensure!(j.count("[data-testid=composer] [data-testid=chip]")? == 0, "a forward starts with no recipient");
    type_into(&j, "compose-to-", "claire.martin@ac-cevennes.fr,")?;
    j.click("[data-testid=composer] [data-action=send]")?;
    j.wait_text("[data-testid=toast]", "Message sent", Duration::from_secs(30))?;
    let mut forwarded = Vec::new();
    eventually("the forward is in Claire's inbox", DELIVERY, || {
        forwarded = emails_with_subject(ctx, CLAIRE, "inbox", &forward_subject)?;
        Ok(!forwarded.is_empty())
    })?;
    let claire = server::client(ctx, CLAIRE)?;
    let got = server::call(
        &claire,
        json!([["Email/get", {"accountId": claire.account_id, "ids": [forwarded[0]["id"]], "properties": ["attachments"]}, "g"]]),
    )?;
    let files = got[0][1]["list"][0]["attachments"].as_array().cloned().unwrap_or_default();
    ensure!(files.len() == 1 && files[0]["name"] == "emploi-du-temps.pdf", "the forward carries the file: {files:?}");
    let again = claire
        .download(files[0]["blobId"].as_str().unwrap_or_default())
        .map_err(|e| facteur_browser_tests::Error(e.to_string()))?;
    ensure!(again == pdf, "the forwarded file's bytes are identical");
    eventually("the original is marked forwarded", WAIT, || {
        let now = emails_with_subject(ctx, JULIEN, "inbox", subject)?;
        Ok(now.first().is_some_and(|m| m["keywords"]["$forwarded"] == true))
    })?;

    // "Forward as attachment": the whole message as an .eml file.
    j.wait_for("[data-action=forward-attached]", WAIT)?;
    j.click("[data-action=forward-attached]")?;
    j.wait_text("[data-testid=composer] [data-testid=composer-file]", ".eml", WAIT)?;
    type_into(&j, "compose-to-", "claire.martin@ac-cevennes.fr,")?;
    j.click("[data-testid=composer] [data-action=send]")?;
    j.wait_text("[data-testid=toast]", "Message sent", Duration::from_secs(30))?;
    eventually("the message forwarded as a file is in Claire's inbox", DELIVERY, || {
        let got = emails_with_subject(ctx, CLAIRE, "inbox", &forward_subject)?;
        if got.len() < 2 {
            return Ok(false);
        }
        let ids: Vec<Value> = got.iter().map(|m| m["id"].clone()).collect();
        let r = server::call(
            &claire,
            json!([["Email/get", {"accountId": claire.account_id, "ids": ids, "properties": ["attachments"]}, "g"]]),
        )?;
        Ok(r[0][1]["list"].as_array().is_some_and(|l| {
            l.iter()
                .any(|m| m["attachments"].as_array().is_some_and(|a| a.iter().any(|f| f["type"] == "message/rfc822")))
        }))
    })
}

/// Bad input gets words or works, and nothing freezes (English, phone): 200 recipients pasted
/// at once become 200 chips, a 10,000-character subject is refused with its length, a
/// Markdown bomb (100,000 nested quotes) previews at once, and the text typed is kept
/// through all of it.
fn bad_input_is_said_in_words_and_nothing_freezes(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, CLAIRE, "en-US")?;
    b.set_window(PHONE.0, PHONE.1)?;
    b.press("c")?;
    b.wait_for("[data-testid=composer] [id^=compose-to-]", WAIT)?;
    let many: Vec<String> = (1..=200).map(|i| format!("Parent {i} <parent{i}@famille.example.fr>")).collect();
    // A paste: the list arrives at once in the field.
    b.execute(
        "const f = document.querySelector('[data-testid=composer] [id^=compose-to-]'); f.focus();
         const d = new DataTransfer(); d.setData('text/plain', arguments[0]);
         f.dispatchEvent(new ClipboardEvent('paste', {clipboardData: d, bubbles: true, cancelable: true}));",
        vec![json!(many.join(", "))],
    )?;
    b.wait_count("[data-testid=composer] [data-testid=chip]", 200, WAIT)?;
    let subject = "Réunions".repeat(1250);
    b.execute(
        "const s = document.querySelector('[data-testid=composer] [id^=compose-subject-]'); s.value = arguments[0]; s.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![json!(subject)],
    )?;
    let bomb = format!("{}deep\n\nThe text before the bomb stays.", "> ".repeat(100_000));
    b.execute(
        "const t = document.querySelector('[data-testid=composer] textarea'); t.value = arguments[0]; t.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![json!(bomb)],
    )?;
    b.click("[data-testid=composer] [data-action=preview]")?;
    b.wait_text("[data-testid=composer-preview]", "The text before the bomb stays.", WAIT)?;
    let depth = b.execute(
        "let d = 0, e = document.querySelector('[data-testid=composer-preview] blockquote'); while (e) { d++; e = e.querySelector(':scope > blockquote'); } return d;",
        vec![],
    )?;
    ensure!(depth.as_u64().is_some_and(|d| d <= 32), "the quotes are flattened beyond 32 levels: {depth}");
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=composer] .composer-problem", "The subject is too long: 10000 characters", WAIT)?;
    ensure!(b.count("[data-testid=composer] [data-testid=chip]")? == 200, "the recipients are kept");
    ensure!(b.exists("[data-testid=composer]")?, "the composer is still open");
    axe::assert_accessible(&b, "the composer with 200 recipients and a refused subject")?;
    Ok(())
}

/// Typing a name suggests the people Claire wrote to or heard from (accents and case ignored);
/// the keyboard picks one (↓, Entrée) and it becomes a chip with the full address.
fn addresses_are_suggested_as_one_types(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-to-", "SOPH")?;
    b.wait_text("[data-testid=composer] [data-testid=suggestions] [role=option]", "Sophie Aubert", WAIT)?;
    ensure!(
        b.attr("[data-testid=composer] [id^=compose-to-]", "aria-expanded")?.as_deref() == Some("true"),
        "the combobox says its list is open"
    );
    axe::assert_accessible(&b, "the composer with suggestions")?;
    b.send_keys("[data-testid=composer] [id^=compose-to-]", &char::from(facteur_browser_tests::Key::Down).to_string())?;
    b.wait_until(
        "document.querySelector('[data-testid=composer] [id^=compose-to-]').getAttribute('aria-activedescendant')",
        "a suggestion is active",
        WAIT,
    )?;
    b.send_keys(
        "[data-testid=composer] [id^=compose-to-]",
        &char::from(facteur_browser_tests::Key::Enter).to_string(),
    )?;
    b.wait_text("[data-testid=composer] [data-testid=chip]", "Sophie Aubert", WAIT)?;
    ensure!(
        b.attr("[data-testid=composer] [data-testid=chip]", "data-email")?.as_deref()
            == Some("sophie.aubert@ac-cevennes.fr"),
        "the chip holds Sophie's address"
    );
    ensure!(
        b.prop("[data-testid=composer] [id^=compose-to-]", "value")?.unwrap_or_default().is_empty(),
        "the field is empty again"
    );
    Ok(())
}

/// From offers the account's identities, and the signature follows the one chosen: Claire
/// has a second identity (made on the server) with a signature; choosing it puts the
/// signature in, choosing the first again takes it out, and the mail Julien receives is from
/// the identity chosen, signed.
fn the_signature_follows_the_identity(ctx: &Ctx) -> Result {
    let c = server::client(ctx, CLAIRE)?;
    let made = server::call(
        &c,
        json!([["Identity/set", {"accountId": c.account_id, "create": {"cpe": {
            "name": "Claire Martin (vie scolaire)", "email": CLAIRE,
            "textSignature": "Claire Martin\nConseillère principale d'éducation\nLycée Jean-Moulin"}}}, "s"]]),
    )?;
    let identity = made[0][1]["created"]["cpe"]["id"].as_str().ok_or("the identity was not created")?.to_string();
    let subject = unique("Réunion parents-professeurs");
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-to-", "julien.roux@ac-cevennes.fr,")?;
    type_into(&b, "compose-subject-", &subject)?;
    b.wait_for(
        &format!(
            "[data-testid=composer] select option[value={}]",
            serde_json::to_string(&identity).unwrap_or_default()
        ),
        WAIT,
    )?;
    b.execute(
        "const s = document.querySelector('[data-testid=composer] select'); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(identity)],
    )?;
    b.wait_until(
        "document.querySelector('[data-testid=composer] textarea').value.includes('Conseillère principale')",
        "the signature of the identity chosen",
        WAIT,
    )?;
    // Back to the first identity (no signature): it goes; then the second again.
    b.execute(
        "const s = document.querySelector('[data-testid=composer] select'); s.value = [...s.options].find(o => o.value !== arguments[0]).value; s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(identity)],
    )?;
    b.wait_until(
        "!document.querySelector('[data-testid=composer] textarea').value.includes('Conseillère principale')",
        "the signature taken out with its identity",
        WAIT,
    )?;
    b.execute(
        "const s = document.querySelector('[data-testid=composer] select'); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(identity)],
    )?;
    b.wait_until(
        "document.querySelector('[data-testid=composer] textarea').value.includes('Conseillère principale')",
        "the signature back",
        WAIT,
    )?;
    b.execute(
        "const t = document.querySelector('[data-testid=composer] textarea'); t.focus(); t.setSelectionRange(0, 0);",
        vec![],
    )?;
    type_into(&b, "compose-body-", "Bonjour, la réunion est maintenue.")?;
    b.click("[data-testid=composer] [data-action=send]")?;
    b.wait_text("[data-testid=toast]", "Message envoyé", Duration::from_secs(30))?;
    let mut received = Vec::new();
    eventually("the signed mail is in Julien's inbox", DELIVERY, || {
        received = emails_with_subject(ctx, JULIEN, "inbox", &subject)?;
        Ok(!received.is_empty())
    })?;
    let text = part_text(&received[0], "textBody");
    ensure!(text.starts_with("Bonjour, la réunion est maintenue."), "the text first: {text:?}");
    ensure!(text.contains("-- \nClaire Martin\nConseillère principale d'éducation"), "signed: {text:?}");
    ensure!(
        received[0]["from"][0]["name"] == "Claire Martin (vie scolaire)",
        "from the identity: {}",
        received[0]["from"]
    );
    Ok(())
}

/// Two messages at once (English, desktop): the first minimised to a bar while the second is
/// written, then opened again from its bar. And Reply All (`a`) on a mail to several people:
/// everyone but Claire, From and To in To, Cc in Cc — as the server holds the draft once the
/// composer is closed.
fn two_messages_at_once_and_reply_all(ctx: &Ctx) -> Result {
    let first = unique("Sortie au Pont du Gard");
    let b = signed_in(ctx, CLAIRE, "en-US")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-subject-", &first)?;
    b.click("[data-testid=composer] [data-action=minimise]")?;
    b.wait_text("[data-testid=composer-bar]", &first, WAIT)?;
    b.click("[data-action=compose]")?;
    b.wait_for("[data-testid=composer] [id^=compose-to-]", WAIT)?;
    ensure!(
        b.count("[data-testid=composer]")? == 1 && b.count("[data-testid=composer-bar]")? == 1,
        "one panel and one bar"
    );
    b.click("[data-testid=composer-bar] [data-action=open-composer]")?;
    b.wait_text("[data-testid=composer] .composer-title", &first, WAIT)?;
    ensure!(b.count("[data-testid=composer-bar]")? == 1, "the other message is a bar now");
    axe::assert_accessible(&b, "two messages being written")?;
    for _ in 0..2 {
        b.click("[data-testid=composer] [data-action=close-composer], [data-testid=composer-bar] [data-action=close-composer]")?;
    }
    b.wait_gone("[data-testid=composer], [data-testid=composer-bar]", WAIT)?;

    // A mail to Claire and Sophie, Paul in copy, from Julien.
    let subject = unique("Conseil de classe de la 2nde B");
    let stamp = subject.rsplit(' ').next().unwrap_or("0").to_string();
    let raw = format!(
        "From: Julien Roux <julien.roux@ac-cevennes.fr>\r\nTo: Claire Martin <claire.martin@ac-cevennes.fr>, Sophie Aubert <sophie.aubert@ac-cevennes.fr>\r\n\
         Cc: Paul Roche <paul.roche@ac-cevennes.fr>\r\nSubject: {subject}\r\nMessage-ID: <cc-{stamp}@ac-cevennes.fr>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nLe conseil est avancé à mardi.\r\n"
    );
    ctx.with_testbed(|tb| tb.deliver(raw.as_bytes(), JULIEN, &[CLAIRE]))?
        .map_err(|e| facteur_browser_tests::Error(format!("delivery: {e}")))?;
    rows::wait_for_subject(&b, &subject, "Julien's mail to several people", DELIVERY)?;
    rows::open(&b, &subject)?;
    b.wait_text(".conversation-subject", &subject, WAIT)?;
    b.execute("document.activeElement && document.activeElement.blur()", vec![])?;
    b.press("a")?;
    b.wait_text("[data-testid=composer] .composer-title", &format!("Re: {subject}"), WAIT)?;
    let chips = |field: &str| -> Result<Vec<String>> {
        Ok(b.execute(
            &format!("return [...document.querySelectorAll('[data-testid=composer] input[id^=compose-{field}-]')].flatMap(i => [...i.closest('.recipient-field').querySelectorAll('[data-testid=chip]')].map(c => c.dataset.email))"),
            vec![],
        )?
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect())
    };
    ensure!(chips("to")? == ["julien.roux@ac-cevennes.fr", "sophie.aubert@ac-cevennes.fr"], "To: {:?}", chips("to")?);
    ensure!(chips("cc")? == ["paul.roche@ac-cevennes.fr"], "Cc: {:?}", chips("cc")?);
    b.execute(
        "const t = document.querySelector('[data-testid=composer] textarea'); t.focus(); t.setSelectionRange(0, 0);",
        vec![],
    )?;
    type_into(&b, "compose-body-", "Merci, c'est noté.")?;
    b.click("[data-testid=composer] [data-action=close-composer]")?;
    b.wait_text("[data-testid=toast]", "Draft saved", WAIT)?;
    let reply = format!("Re: {subject}");
    let mut drafts = Vec::new();
    eventually("the reply is a draft on the server", WAIT, || {
        drafts = emails_with_subject(ctx, CLAIRE, "drafts", &reply)?;
        Ok(!drafts.is_empty())
    })?;
    let to: Vec<&str> =
        drafts[0]["to"].as_array().map(|a| a.iter().filter_map(|p| p["email"].as_str()).collect()).unwrap_or_default();
    ensure!(to == ["julien.roux@ac-cevennes.fr", "sophie.aubert@ac-cevennes.fr"], "the draft's To: {to:?}");
    Ok(())
}

/// An 8×8 red PNG, as a screenshot pasted from the clipboard would be.
const PASTED_PNG: [u8; 74] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x08, 0x00, 0x00, 0x00, 0x08, 0x08, 0x02, 0x00, 0x00, 0x00, 0x4b, 0x6d, 0x29, 0xdc, 0x00, 0x00, 0x00, 0x11, 0x49,
    0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38, 0xa0, 0xa0, 0x80, 0x15, 0x31, 0x0c, 0x2d, 0x09, 0x00, 0x2a, 0x3f, 0x40,
    0x01, 0x05, 0x09, 0x4a, 0x7d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// A file dropped on the composer and an image pasted in its text (English, desktop). The
/// drop uploads with a progress bar that moves (the upload slowed down by DevTools, so that
/// it can be seen between 0 and 1); the pasted image becomes `![capture.png](cid:…)` where
/// the cursor was and shows in the preview. Julien receives the file as an attachment and
/// the image as an inline part whose Content-Id the HTML refers to, both byte for byte.
fn dropped_and_pasted_files_arrive(ctx: &Ctx) -> Result {
    let subject = unique("Photos of the school trip");
    let zip: Vec<u8> = (0..240_000u32).map(|i| (i.wrapping_mul(7) % 251) as u8).collect();
    let b = signed_in(ctx, CLAIRE, "en-US")?;
    compose_with_key(&b)?;
    type_into(&b, "compose-to-", "julien.roux@ac-cevennes.fr,")?;
    type_into(&b, "compose-subject-", &subject)?;
    type_into(&b, "compose-body-", "Here are the photos, and the one of the museum:\n\n")?;
    // Every value the progress bar takes, as the page shows it.
    b.execute(
        "window.__progressSeen = [];
         new MutationObserver(() => document.querySelectorAll('[data-testid=composer-upload] progress')
             .forEach(p => window.__progressSeen.push(p.value)))
           .observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['value']});",
        vec![],
    )?;
    b.cdp("Network.enable", json!({}))?;
    b.cdp(
        "Network.emulateNetworkConditions",
        json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 60_000}),
    )?;
    b.execute(
        "const dt = new DataTransfer();
         dt.items.add(new File([new Uint8Array(arguments[0])], 'photos-sortie.zip', {type: 'application/zip'}));
         const target = document.querySelector('[data-testid=composer] textarea');
         target.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
         target.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
        vec![json!(zip)],
    )?;
    b.wait_text("[data-testid=composer] [data-testid=composer-upload]", "photos-sortie.zip", WAIT)?;
    b.wait_until(
        "window.__progressSeen.some(v => v > 0 && v < 1)",
        "the progress bar between 0 and 1 while the file goes",
        Duration::from_secs(30),
    )?;
    b.wait_text("[data-testid=composer] [data-testid=composer-file]", "photos-sortie.zip", Duration::from_secs(30))?;
    ensure!(b.count("[data-testid=composer] [data-testid=composer-upload]")? == 0, "no upload left under way");
    b.cdp(
        "Network.emulateNetworkConditions",
        json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
    )?;

    // The image pasted at the end of the text.
    b.execute(
        "const t = document.querySelector('[data-testid=composer] textarea');
         t.focus(); t.setSelectionRange(t.value.length, t.value.length);
         const dt = new DataTransfer();
         dt.items.add(new File([new Uint8Array(arguments[0])], 'capture.png', {type: 'image/png'}));
         t.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
        vec![json!(PASTED_PNG.to_vec())],
    )?;
    b.wait_until(
        "document.querySelector('[data-testid=composer] textarea').value.includes('![capture.png](cid:')",
        "the pasted image in the text",
        WAIT,
    )?;
    let body = b.prop("[data-testid=composer] textarea", "value")?.unwrap_or_default();
    let cid = body
        .split("](cid:")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .ok_or_else(|| facteur_browser_tests::Error(format!("no cid in the text: {body:?}")))?
        .to_string();
    ensure!(body.starts_with("Here are the photos"), "the text typed is kept: {body:?}");
    b.click("[data-testid=composer] [data-action=preview]")?;
    b.wait_until(
        "(() => { const i = document.querySelector('[data-testid=composer-preview] img'); return i && i.complete && i.naturalWidth === 8; })()",
        "the pasted image shown in the preview",
        WAIT,
    )?;
    ensure!(
        b.count("[data-testid=composer] [data-testid=composer-file]")? == 1,
        "the pasted image is not listed as a file"
    );
    b.wait_gone("[data-testid=composer] [data-testid=composer-upload]", WAIT)?;
    let got = send_to_julien(
        ctx,
        &b,
        "Message sent",
        &subject,
        json!({"properties": ["attachments", "htmlBody", "bodyValues"], "fetchHTMLBodyValues": true}),
    )?;
    let julien = server::client(ctx, JULIEN)?;
    let mail = &got;
    let parts = mail["attachments"].as_array().cloned().unwrap_or_default();
    let zip_part = parts
        .iter()
        .find(|p| p["name"] == "photos-sortie.zip")
        .ok_or_else(|| facteur_browser_tests::Error(format!("the dropped file: {}", mail["attachments"])))?;
    let image = parts
        .iter()
        .find(|p| p["cid"].as_str().is_some_and(|c| c.trim_matches(['<', '>']) == cid))
        .ok_or_else(|| facteur_browser_tests::Error(format!("the image by its cid {cid}: {}", mail["attachments"])))?;
    ensure!(image["type"] == "image/png" && image["disposition"] == "inline", "the image is inline: {image}");
    let html_part = mail["htmlBody"][0]["partId"].as_str().unwrap_or_default();
    let html = mail["bodyValues"][html_part]["value"].as_str().unwrap_or_default();
    ensure!(html.contains(&format!("src=\"cid:{cid}\"")), "the HTML shows the image by its cid: {html}");
    let download = |part: &Value| {
        julien
            .download(part["blobId"].as_str().unwrap_or_default())
            .map_err(|e| facteur_browser_tests::Error(e.to_string()))
    };
    ensure!(download(zip_part)? == zip, "the dropped file's bytes are identical");
    ensure!(download(image)? == PASTED_PNG, "the pasted image's bytes are identical");
    Ok(())
}

browser_tests!(
    claire_writes_julien_answers,
    two_messages_at_once_and_reply_all,
    #[needs(EditableIdentities)]
    the_signature_follows_the_identity,
    addresses_are_suggested_as_one_types,
    bad_input_is_said_in_words_and_nothing_freezes,
    an_attachment_arrives_byte_for_byte,
    dropped_and_pasted_files_arrive,
    a_bad_address_blocks_the_send,
    a_draft_survives_a_reload_and_is_discarded,
    a_mailto_link_opens_a_filled_composer,
    a_missing_attachment_is_asked_about,
    undo_send_keeps_the_message,
);
