//! Folders, quota and labels against the real server: create (nested), rename, move, delete
//! (cancel, confirm, with mail going to the Trash), a refusal in words, the "almost full"
//! banner and emptying the Trash, labels kept by the server, phone width, axe-core on the
//! dialogs. The server's state is checked with JMAP from the test, not only the screen.

use facteur_browser_tests::flows::{sign_in, sign_in_per_message};
use facteur_browser_tests::server::eventually;
use facteur_browser_tests::{
    axe, browser_tests, ensure, rows, seed, Browser, BrowserOptions, Ctx, Key, Result, PHONE, WAIT,
};
use facteur_testbed::jmap::Client;
use serde_json::{json, Value};
use std::rc::Rc;
use std::time::Duration;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
const JULIEN: &str = "julien.roux@ac-cevennes.fr";
/// Julien's inbox mail (its position in the seed, newest first) that the labels test labels.
const LABELLED: usize = 12;
/// A label chip in the conversation header (the menu has chips too).
const HEADER_CHIP: &str = "[data-testid=conversation] > [data-testid=label-chips] .label-chip";

fn stamp() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() % 1_000_000).unwrap_or(0)
}

fn signed_in(ctx: &Ctx, who: &str, lang: &str) -> Result<Rc<Browser>> {
    let account = ctx.app()?.account(who)?.clone();
    let b = ctx.browser_lang(lang)?;
    sign_in(&b, &account.email, &account.password)?;
    b.wait_for("#new-folder", WAIT)?;
    Ok(b)
}

/// A JMAP client of the account, to check what the server holds.
fn server(ctx: &Ctx, who: &str) -> Result<Client> {
    let app = ctx.app()?;
    let account = app.account(who)?;
    Ok(Client::connect(&app.url, &account.email, &account.password).map_err(|e| format!("JMAP: {e}"))?)
}

fn mailbox_named(client: &Client, name: &str) -> Result<Option<Value>> {
    Ok(client.mailboxes().map_err(|e| e.to_string())?.into_iter().find(|m| m["name"] == name))
}

fn mailbox_with_role(client: &Client, role: &str) -> Result<Value> {
    let found = client.mailboxes().map_err(|e| e.to_string())?.into_iter().find(|m| m["role"] == role);
    Ok(found.ok_or(format!("no {role} mailbox"))?)
}

/// CSS of the sidebar item of the folder named `name`.
fn item(name: &str) -> String {
    format!("li.folder-item:has(> [data-folder-name={name:?}])")
}

fn open_folder_menu(b: &Browser, name: &str, action: &str) -> Result {
    b.click(&format!("{} [data-action=folder-menu]", item(name)))?;
    b.wait_visible(&format!("{} [data-action={action}]", item(name)), WAIT)?;
    b.click(&format!("{} [data-action={action}]", item(name)))?;
    dialog_ready(b, action)
}

/// What the folder dialog shows once its form is in: the forms are a part of the app of their
/// own, downloaded on first use, and the dialog opens before its form is there.
const FOLDER_FORM: &str = "[data-testid=folder-dialog][open] :is(form.folder-form, [data-action=folder-delete-confirm], [data-action=empty-confirm])";

/// Waits until the folder dialog is open with its form (`what` names it in the error).
fn dialog_ready(b: &Browser, what: &str) -> Result {
    b.wait_until("document.querySelector('[data-testid=folder-dialog]').open", &format!("the {what} dialog"), WAIT)?;
    b.wait_until(
        &format!("document.querySelector({FOLDER_FORM:?})"),
        &format!("the form of the {what} dialog (a part of the app downloaded on first use)"),
        WAIT,
    )
}

/// Waits until the server holds a mailbox named `name` (`true`) or none (`false`); returns it.
fn wait_mailbox(client: &Client, name: &str, present: bool) -> Result<Option<Value>> {
    let mut found = None;
    let what = format!("the server {} a folder named {name:?}", if present { "holds" } else { "no longer holds" });
    eventually(&what, WAIT, || {
        found = mailbox_named(client, name)?;
        Ok(found.is_some() == present)
    })?;
    Ok(found)
}

fn choose_parent(b: &Browser, parent_id: &str) -> Result {
    b.execute(
        "const s = document.querySelector('#folder-parent'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
        vec![json!(parent_id)],
    )?;
    Ok(())
}

fn dialog_closed(b: &Browser) -> Result {
    b.wait_until("!document.querySelector('[data-testid=folder-dialog]').open", "the dialog closes", WAIT)
}

/// Create a folder inside "Projets", rename it, move it to the top level, then delete it
/// (Escape cancels first and leaves it).
fn create_rename_move_delete(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    let jmap = server(ctx, CLAIRE)?;
    let projets = mailbox_named(&jmap, "Projets")?.ok_or("no Projets folder")?;
    let projets_id = projets["id"].as_str().unwrap_or_default().to_string();
    let name = format!("Voyage à Berlin {}", stamp());

    b.click("#new-folder")?;
    dialog_ready(&b, "new-folder")?;
    // The form is a part of the app of its own: focus goes to its field once it is in.
    b.wait_until("document.activeElement?.id === 'folder-name'", "focus in the name field", WAIT)?;
    ensure!(b.text("#folder-dialog-title")? == "Nouveau dossier", "title in French");
    b.fill("#folder-name", &name)?;
    choose_parent(&b, &projets_id)?;
    axe::assert_accessible(&b, "the new-folder dialog")?;
    b.screenshots_desktop_phone("folders-create-fr", |_| Ok(()))?;
    b.click("[data-action=folder-submit]")?;
    dialog_closed(&b)?;
    b.wait_for(&format!("{}.depth-1 a", item(&name)), WAIT)?;
    b.wait_text("[data-testid=toast]", "créé", WAIT)?;
    // Shown at once (a pending change); the server has it right after.
    let created = wait_mailbox(&jmap, &name, true)?.ok_or("the folder is not on the server")?;
    ensure!(created["parentId"] == projets_id.as_str(), "created under Projets: {created}");
    let id = created["id"].as_str().unwrap_or_default().to_string();

    // Rename, from the keyboard: Enter submits.
    let renamed = format!("{name} (2e trimestre)");
    open_folder_menu(&b, &name, "folder-rename")?;
    b.fill("#folder-name", &renamed)?;
    b.send_keys("#folder-name", &Key::Enter.to_string())?;
    dialog_closed(&b)?;
    b.wait_for(&item(&renamed), WAIT)?;
    b.wait_text("[data-testid=toast]", "renommé", WAIT)?;
    let on_server = wait_mailbox(&jmap, &renamed, true)?.ok_or("not renamed on the server")?;
    ensure!(on_server["id"] == id.as_str(), "same folder renamed");

    // Move to the top level; the folder itself and its subfolders are not offered.
    open_folder_menu(&b, &renamed, "folder-move")?;
    let offered = b.eval("[...document.querySelectorAll('#folder-parent option')].map(o => o.value)")?;
    ensure!(!offered.as_array().is_some_and(|o| o.iter().any(|v| v == id.as_str())), "itself offered: {offered}");
    axe::assert_accessible(&b, "the move dialog")?;
    choose_parent(&b, "")?;
    b.click("[data-action=folder-submit]")?;
    dialog_closed(&b)?;
    b.wait_for(&format!("{}.depth-0", item(&renamed)), WAIT)?;
    b.wait_text("[data-testid=toast]", "déplacé", WAIT)?;
    let mut moved = Value::Null;
    eventually("the folder is at the top level on the server", WAIT, || {
        moved = mailbox_named(&jmap, &renamed)?.ok_or("gone?")?;
        Ok(moved["parentId"].is_null())
    })
    .map_err(|e| format!("{e}: {moved}"))?;

    // Delete: Escape cancels and leaves it; then confirm.
    open_folder_menu(&b, &renamed, "folder-delete")?;
    ensure!(b.text("[data-testid=delete-plan]")?.contains("Le dossier est vide"), "says it is empty");
    axe::assert_accessible(&b, "the delete confirmation")?;
    b.send_keys("[data-testid=folder-dialog]", &Key::Escape.to_string())?;
    dialog_closed(&b)?;
    ensure!(b.exists(&item(&renamed))?, "cancel kept the folder");
    ensure!(mailbox_named(&jmap, &renamed)?.is_some(), "cancel kept the folder on the server");
    open_folder_menu(&b, &renamed, "folder-delete")?;
    b.click("[data-action=folder-delete-confirm]")?;
    dialog_closed(&b)?;
    b.wait_gone(&item(&renamed), WAIT)?;
    b.wait_text("[data-testid=toast]", "supprimé", WAIT)?;
    wait_mailbox(&jmap, &renamed, false)?;
    Ok(())
}

/// Deleting a folder that holds mail says how many messages go to the Trash, and they do.
fn deleting_a_folder_moves_its_mail_to_the_trash(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, CLAIRE, "fr-FR")?;
    let jmap = server(ctx, CLAIRE)?;
    let count = seed::folder(CLAIRE, "Syndicat")?.len();
    ensure!(count > 1, "the seed's Syndicat folder has mail");
    let trash = mailbox_with_role(&jmap, "trash")?;
    let trash_id = trash["id"].as_str().unwrap_or_default().to_string();
    let in_trash_before = jmap.query_emails(json!({"inMailbox": trash_id}), 1000).map_err(|e| e.to_string())?.len();
    let syndicat = mailbox_named(&jmap, "Syndicat")?.ok_or("no Syndicat")?;
    let ids = jmap.query_emails(json!({"inMailbox": syndicat["id"]}), 1000).map_err(|e| e.to_string())?;
    ensure!(ids.len() == count, "Syndicat holds the seed's {count} messages");

    // Deleting the open folder goes back to the inbox.
    b.click(&format!("{} a", item("Syndicat")))?;
    b.wait_until("location.pathname !== '/mail/inbox'", "Syndicat is open", WAIT)?;
    open_folder_menu(&b, "Syndicat", "folder-delete")?;
    let text = b.text("[data-testid=delete-plan]")?;
    ensure!(text == format!("Ses {count} messages seront placés dans la Corbeille."), "plan: {text}");
    b.click("[data-action=folder-delete-confirm]")?;
    b.wait_gone(&item("Syndicat"), WAIT)?;
    b.wait_until("location.pathname === '/mail/inbox'", "back to the inbox", WAIT)?;
    b.wait_text("[data-testid=toast]", "supprimé", WAIT)?;
    wait_mailbox(&jmap, "Syndicat", false)?;
    let in_trash = jmap.query_emails(json!({"inMailbox": trash_id}), 1000).map_err(|e| e.to_string())?;
    ensure!(ids.iter().all(|id| in_trash.contains(id)), "every message of Syndicat is in the Trash");
    ensure!(in_trash.len() >= in_trash_before + count, "the Trash grew by {count}");
    Ok(())
}

/// A name the server refuses is said in words and the folder disappears again; a duplicate
/// is caught before sending, next to the field.
fn refusals_are_said_in_words(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, CLAIRE, "en-US")?;
    b.click("#new-folder")?;
    dialog_ready(&b, "new-folder")?;
    b.fill("#folder-name", "projets")?;
    b.click("[data-action=folder-submit]")?;
    b.wait_text("#folder-name-error", "A folder already has this name here.", WAIT)?;
    ensure!(b.attr("#folder-name", "aria-invalid")?.as_deref() == Some("true"), "the field is marked invalid");
    ensure!(
        b.attr("#folder-name", "aria-describedby")?.as_deref() == Some("folder-name-error"),
        "error tied to the field"
    );
    axe::assert_accessible(&b, "the dialog with an error")?;
    b.screenshots_desktop_phone("folders-error-en", |_| Ok(()))?;
    // Cyrus refuses "%" in a mailbox name (serverFail "Invalid mailbox name").
    let (bad, words) = (" 50 %", "does not accept some characters of this name");
    let name = format!("Discount {}{bad}", stamp());
    b.fill("#folder-name", &name)?;
    b.click("[data-action=folder-submit]")?;
    dialog_closed(&b)?;
    b.wait_text("[data-testid=toast].error", words, WAIT)?;
    b.wait_until(
        &format!("![...document.querySelectorAll('.folder-name')].some(n => n.textContent === {name:?})"),
        "the refused folder is taken back off the list",
        WAIT,
    )?;
    ensure!(mailbox_named(&server(ctx, CLAIRE)?, &name)?.is_none(), "nothing created on the server");
    // Renaming is a pending change of the store: shown at once, then rolled back when Cyrus
    // refuses the name, said in words with the folder's name.
    let jmap = server(ctx, CLAIRE)?;
    let kept = format!("Sorties {}", stamp());
    jmap.call_ok(&[], json!([["Mailbox/set", {"accountId": jmap.account_id, "create": {"k": {"name": kept}}}, "m"]]))
        .map_err(|e| e.to_string())?;
    b.wait_for(&item(&kept), WAIT)?;
    open_folder_menu(&b, &kept, "folder-rename")?;
    b.fill("#folder-name", &format!("{kept}{bad}"))?;
    b.click("[data-action=folder-submit]")?;
    dialog_closed(&b)?;
    b.wait_until(
        &format!(
            "[...document.querySelectorAll('[data-testid=toast].error')].some(t => t.textContent.includes({kept:?}) \
             && t.textContent.includes({words:?}))"
        ),
        "the refused rename said in words, with the folder's name",
        WAIT,
    )?;
    b.wait_for(&item(&kept), WAIT)?;
    ensure!(mailbox_named(&jmap, &kept)?.is_some(), "the folder keeps its name on the server");
    Ok(())
}

/// Above 90 % of the quota the banner shows (with the gauge), and emptying the Trash after
/// confirmation empties it on the server.
fn quota_banner_and_emptying_the_trash(ctx: &Ctx) -> Result {
    let jmap = server(ctx, JULIEN)?;
    let trash = mailbox_with_role(&jmap, "trash")?;
    let trash_id = trash["id"].as_str().unwrap_or_default().to_string();
    let inbox = mailbox_with_role(&jmap, "inbox")?;
    // Put two messages of the inbox in the Trash (through the server), so there is something
    // to empty: the 6th and 7th, not the one the labels test uses.
    let inbox_id = inbox["id"].as_str().unwrap_or_default().to_string();
    let page = jmap
        .call_ok(
            &[],
            json!([["Email/query", {"accountId": jmap.account_id, "filter": {"inMailbox": inbox_id},
            "sort": [{"property": "receivedAt", "isAscending": false}], "position": 5, "limit": 2}, "q"]]),
        )
        .map_err(|e| e.to_string())?;
    let mut update = serde_json::Map::new();
    for id in page[0][1]["ids"].as_array().cloned().unwrap_or_default() {
        let id = id.as_str().unwrap_or_default().to_string();
        update.insert(id, json!({format!("mailboxIds/{inbox_id}"): null, format!("mailboxIds/{trash_id}"): true}));
    }
    ensure!(update.len() == 2, "two messages to put in the Trash");
    jmap.call_ok(&[], json!([["Email/set", {"accountId": jmap.account_id, "update": update}, "s"]]))
        .map_err(|e| e.to_string())?;
    // A quota just above the use: 93 % full.
    let used = ctx.with_testbed(|tb| tb.mail_usage_kib(JULIEN))?.map_err(|e| e.to_string())?;
    ctx.with_testbed(|tb| tb.set_quota(JULIEN, Some(used * 100 / 93)))?.map_err(|e| e.to_string())?;

    let b = signed_in(ctx, JULIEN, "fr-FR")?;
    b.wait_visible("[data-testid=quota-banner]", WAIT)?;
    let banner = b.text("[data-testid=quota-banner]")?;
    ensure!(banner.contains("Votre boîte aux lettres est presque pleine (9"), "banner: {banner}");
    ensure!(b.exists("[data-testid=quota-gauge] meter")?, "the gauge in the sidebar");
    axe::assert_accessible(&b, "the mail screen with the quota banner")?;
    b.screenshots_desktop_phone("quota-banner-fr", |_| Ok(()))?;
    b.click("[data-action=empty-trash]")?;
    dialog_ready(&b, "empty-trash")?;
    let text = b.text("[data-testid=folder-dialog]")?;
    ensure!(text.contains("supprimés définitivement"), "the confirmation says it is for good: {text}");
    axe::assert_accessible(&b, "the empty-trash confirmation")?;
    b.click("[data-action=empty-confirm]")?;
    b.wait_text("[data-testid=toast]", "a été vidé", WAIT)?;
    let mut left = Vec::new();
    eventually("the Trash is empty on the server", WAIT, || {
        left = jmap.query_emails(json!({"inMailbox": trash_id}), 10).map_err(|e| e.to_string())?;
        Ok(left.is_empty())
    })
    .map_err(|e| format!("{e}: {left:?}"))?;
    ctx.with_testbed(|tb| tb.set_quota(JULIEN, None))?.map_err(|e| e.to_string())?;
    Ok(())
}

/// The storage gauge follows the mail that comes while the screen is open (asked again a
/// moment after the round that brought it), without a reload.
fn the_storage_gauge_follows_new_mail(ctx: &Ctx) -> Result {
    let used = ctx.with_testbed(|tb| tb.mail_usage_kib(CLAIRE))?.map_err(|e| e.to_string())?;
    ctx.with_testbed(|tb| tb.set_quota(CLAIRE, Some(used + 2_000)))?.map_err(|e| e.to_string())?;
    let result = (|| -> Result {
        let b = signed_in(ctx, CLAIRE, "fr-FR")?;
        b.wait_for("[data-testid=quota-gauge] meter", WAIT)?;
        let before = b.eval("Number(document.querySelector('[data-testid=quota-gauge] meter').value)")?;
        let before = before.as_f64().ok_or("no gauge value")?;
        // About 700 KB: a third of what is left.
        let body = "Compte rendu du conseil de classe, ligne après ligne.\r\n".repeat(13_000);
        let raw = format!(
            "From: Karim Benali <karim.benali@ac-cevennes.fr>\r\nTo: {CLAIRE}\r\nSubject: Compte rendu {}\r\n\
             MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}",
            stamp()
        );
        ctx.with_testbed(|tb| tb.deliver(raw.as_bytes(), "karim.benali@ac-cevennes.fr", &[CLAIRE]))?
            .map_err(|e| format!("delivery failed: {e}"))?;
        b.wait_until(
            &format!("Number(document.querySelector('[data-testid=quota-gauge] meter')?.value) > {before}"),
            "the gauge moved with the new mail",
            Duration::from_secs(30),
        )?;
        Ok(())
    })();
    ctx.with_testbed(|tb| tb.set_quota(CLAIRE, None))?.map_err(|e| e.to_string())?;
    result
}

/// A label added from the conversation shows as a chip at once, is kept by the server
/// (after a reload), and can be removed.
fn labels_are_kept_by_the_server(ctx: &Ctx) -> Result {
    let account = ctx.app()?.account(JULIEN)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    sign_in_per_message(&b, &account.email, &account.password)?;
    // A mail of its own: the quota test moves the inbox's 6th and 7th to the Trash.
    let subject = seed::folder(JULIEN, "Inbox")?.get(LABELLED).ok_or("the seed inbox is too short")?.subject.clone();
    rows::wait_for_subject(&b, &subject, "the mail to label", WAIT)?;
    rows::open(&b, &subject)?;
    b.wait_for("[data-action=labels]", WAIT)?;
    b.click("[data-action=labels]")?;
    b.wait_visible("#new-label", WAIT)?;
    let label = format!("Réunion parents {}", stamp());
    b.send_keys("#new-label", &label)?;
    b.send_keys("#new-label", &Key::Enter.to_string())?;
    let shown = label.to_lowercase();
    b.wait_text(HEADER_CHIP, &shown, WAIT)?;
    b.wait_text(".message-row .label-chip", &shown, WAIT)?;
    // Before anything slow: the toast goes after a few seconds, however slow the machine.
    b.wait_text("[data-testid=toast]", "ajouté", WAIT)?;
    axe::assert_accessible(&b, "the labels menu")?;
    b.screenshots_desktop_phone("labels-fr", |_| Ok(()))?;
    b.execute("document.querySelector('.message-row:has(.label-chip)').scrollIntoView({block: 'center'})", vec![])?;
    b.save_screenshot("labels-row-fr-desktop")?;
    let keyword = format!("r&e9-union_parents_{}", label.rsplit(' ').next().unwrap_or_default());
    let jmap = server(ctx, JULIEN)?;
    let with = jmap.query_emails(json!({"hasKeyword": keyword}), 10).map_err(|e| e.to_string())?;
    ensure!(!with.is_empty(), "the server has keyword {keyword}");

    // After a reload (and the password again), the chip comes from the server.
    b.refresh()?;
    b.wait_visible("#password", WAIT)?;
    b.fill("#password", &account.password)?;
    b.click("button[type=submit]")?;
    b.wait_for("[data-testid=message-row]", WAIT)?;
    b.wait_text(HEADER_CHIP, &shown, WAIT)?;

    // Remove it from the menu.
    b.click("[data-action=labels]")?;
    b.wait_visible("[data-testid=label-menu]", WAIT)?;
    b.click(&format!("[data-testid=label-menu] input[data-keyword={keyword:?}]"))?;
    b.wait_gone(HEADER_CHIP, WAIT)?;
    b.wait_text("[data-testid=toast]", "retiré", WAIT)?;
    b.send_keys("[data-testid=label-menu] input[type=checkbox]", &Key::Escape.to_string())?;
    b.wait_until("document.querySelector('[data-testid=label-menu]').hidden", "Escape closes the menu", WAIT)?;
    ensure!(b.focused()?.contains("button"), "focus back on the menu button: {}", b.focused()?);
    eventually("the keyword is gone on the server", WAIT, || {
        Ok(jmap.query_emails(json!({"hasKeyword": keyword}), 10).map_err(|e| e.to_string())?.is_empty())
    })?;
    Ok(())
}

/// When the change cannot reach the server, the label stays on screen (a pending change of
/// the store, the banner says the server is unreachable) and is sent once the connection is
/// back ("Réessayer"): the server then has it.
fn a_label_set_while_the_server_is_unreachable_is_sent_later(ctx: &Ctx) -> Result {
    let account = ctx.app()?.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    sign_in_per_message(&b, &account.email, &account.password)?;
    let subjects = rows::subjects(&b)?;
    let subject = subjects.get(subjects.len().saturating_sub(6)).cloned().ok_or("no rows")?;
    rows::open(&b, &subject)?;
    b.wait_for("[data-action=labels]", WAIT)?;
    let id = b.attr("[data-testid=message-row]:has(a[aria-current])", "data-id")?.ok_or("no open row")?;
    // Requests that set the keyword fail as if the network dropped; the others go through.
    b.execute(
        "window.__fetch = window.fetch; window.fetch = async (input, init) => { \
           const body = typeof init?.body === 'string' ? init.body : (input instanceof Request ? await input.clone().text() : ''); \
           if (body.includes('keywords/urgent')) throw new TypeError('Failed to fetch'); \
           return window.__fetch(input, init); };",
        vec![],
    )?;
    b.click("[data-action=labels]")?;
    b.wait_visible("#new-label", WAIT)?;
    b.send_keys("#new-label", "Urgent")?;
    b.send_keys("#new-label", &Key::Enter.to_string())?;
    b.wait_text(HEADER_CHIP, "urgent", WAIT)?;
    b.wait_visible(".offline-banner", WAIT)?;
    ensure!(b.text(HEADER_CHIP)?.contains("urgent"), "the label went away while it waits for the server");
    let jmap = server(ctx, CLAIRE)?;
    let labelled = || -> Result<bool> {
        let got = facteur_browser_tests::server::call(
            &jmap,
            json!([["Email/get", {"accountId": jmap.account_id, "ids": [&id], "properties": ["keywords"]}, "g"]]),
        )?;
        Ok(got[0][1]["list"][0]["keywords"]["urgent"] == true)
    };
    ensure!(!labelled()?, "the server got the label through the failing network");
    b.execute("window.fetch = window.__fetch;", vec![])?;
    b.click(".offline-banner button")?;
    b.wait_gone(".offline-banner", WAIT)?;
    eventually("the server has the label", WAIT, labelled)?;
    ensure!(b.text(HEADER_CHIP)?.contains("urgent"), "the label is still shown");
    // Claire's mail as it was, for the other tests.
    facteur_browser_tests::server::call(
        &jmap,
        json!([["Email/set", {"accountId": jmap.account_id, "update": {&id: {"keywords/urgent": null}}}, "s"]]),
    )?;
    Ok(())
}

/// On a phone the folders are behind the menu; "Nouveau dossier", the folder menu button and
/// its items are at least 44 px; the dialog fits and passes axe; English texts.
fn phone_width(ctx: &Ctx) -> Result {
    let account = ctx.app()?.account(CLAIRE)?.clone();
    let b = ctx.browser_with(BrowserOptions { lang: "en-US".into(), viewport: PHONE, ..Default::default() })?;
    sign_in(&b, &account.email, &account.password)?;
    ensure!(
        !b.eval("document.querySelector('#new-folder').checkVisibility()")?.as_bool().unwrap_or(true),
        "folders hidden"
    );
    b.click(".menu-button")?;
    b.wait_visible("#new-folder", WAIT)?;
    let size = |css: &str| -> Result<(f64, f64)> {
        let r =
            b.eval(&format!("(r => [r.width, r.height])(document.querySelector({css:?}).getBoundingClientRect())"))?;
        Ok((r[0].as_f64().unwrap_or(0.0), r[1].as_f64().unwrap_or(0.0)))
    };
    ensure!(size("#new-folder")?.1 >= 44.0, "new folder button: {:?}", size("#new-folder")?);
    let menu_button = format!("{} [data-action=folder-menu]", item("Projets"));
    let (w, h) = size(&menu_button)?;
    ensure!(w >= 44.0 && h >= 44.0, "folder menu button {w}×{h}");
    b.click(&menu_button)?;
    b.wait_visible(&format!("{} [data-action=folder-rename]", item("Projets")), WAIT)?;
    ensure!(b.text(&format!("{} [data-testid=folder-menu]", item("Projets")))?.contains("Rename"), "English menu");
    ensure!(size(&format!("{} [data-action=folder-rename]", item("Projets")))?.1 >= 44.0, "menu items ≥ 44 px");
    axe::assert_accessible(&b, "the folder menu on a phone")?;
    b.save_screenshot("folders-menu-en-phone")?;
    b.click(&format!("{} [data-action=folder-rename]", item("Projets")))?;
    dialog_ready(&b, "rename")?;
    ensure!(b.text("#folder-dialog-title")?.contains("Rename the folder"), "English title");
    let (w, _) = size("[data-testid=folder-dialog]")?;
    ensure!(w <= f64::from(PHONE.0), "the dialog fits the phone: {w}");
    axe::assert_accessible(&b, "the rename dialog on a phone")?;
    b.save_screenshot("folders-rename-en-phone")?;
    b.send_keys("#folder-name", &Key::Escape.to_string())?;
    dialog_closed(&b)?;
    ensure!(mailbox_named(&server(ctx, CLAIRE)?, "Projets")?.is_some(), "Escape changed nothing");
    Ok(())
}

/// Keyboard only: Enter opens a folder's menu, Tab reaches its items, Escape closes it and
/// gives the focus back; the dialog gets the focus and gives it back. System folders have
/// no menu.
fn keyboard_only_folder_menu(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, CLAIRE, "en-US")?;
    ensure!(
        !b.exists("li.folder-item:has([data-mailbox-role=inbox]) [data-action=folder-menu]")?,
        "the Inbox has no menu"
    );
    let trash_menu = "li.folder-item:has([data-mailbox-role=trash]) [data-testid=folder-menu]";
    ensure!(b.exists(&format!("{trash_menu} [data-action=folder-empty]"))?, "the Trash can be emptied from its menu");
    ensure!(!b.exists(&format!("{trash_menu} [data-action=folder-rename]"))?, "the Trash cannot be renamed");
    let button = format!("{} [data-action=folder-menu]", item("Conseils de classe"));
    b.execute("document.querySelector(arguments[0]).focus()", vec![json!(button)])?;
    b.send_keys(&button, &Key::Enter.to_string())?;
    b.wait_visible(&format!("{} [data-action=folder-rename]", item("Conseils de classe")), WAIT)?;
    ensure!(b.attr(&button, "aria-expanded")?.as_deref() == Some("true"), "aria-expanded");
    b.send_keys(&button, &Key::Tab.to_string())?;
    ensure!(
        b.focused()?.starts_with("button") && b.eval("document.activeElement.dataset.action")? == "folder-rename",
        "Tab reaches Rename"
    );
    b.save_screenshot("folders-menu-en-desktop")?;
    b.send_keys(&format!("{} [data-action=folder-rename]", item("Conseils de classe")), &Key::Escape.to_string())?;
    b.wait_until(
        &format!("document.querySelector({:?}).getAttribute('aria-expanded') === 'false'", button),
        "Escape closes",
        WAIT,
    )?;
    ensure!(b.eval("document.activeElement.dataset.action")? == "folder-menu", "focus back on the menu button");
    // Enter, Tab, Enter: the rename dialog, focus in its field; Escape closes and gives it back.
    b.send_keys(&button, &Key::Enter.to_string())?;
    b.wait_visible(&format!("{} [data-action=folder-rename]", item("Conseils de classe")), WAIT)?;
    b.send_keys(&button, &Key::Tab.to_string())?;
    b.send_keys(&format!("{} [data-action=folder-rename]", item("Conseils de classe")), &Key::Enter.to_string())?;
    dialog_ready(&b, "rename")?;
    b.wait_until("document.activeElement?.id === 'folder-name'", "focus in the name field", WAIT)?;
    b.send_keys("#folder-name", &Key::Escape.to_string())?;
    dialog_closed(&b)?;
    ensure!(
        b.eval("document.activeElement.dataset.action")? == "folder-menu",
        "focus back after the dialog: {}",
        b.focused()?
    );
    Ok(())
}

browser_tests!(
    keyboard_only_folder_menu,
    create_rename_move_delete,
    deleting_a_folder_moves_its_mail_to_the_trash,
    #[needs(FolderNameRefusals)]
    refusals_are_said_in_words,
    quota_banner_and_emptying_the_trash,
    the_storage_gauge_follows_new_mail,
    labels_are_kept_by_the_server,
    a_label_set_while_the_server_is_unreachable_is_sent_later,
    phone_width,
);
