//! Acting on mail, checked against what the server holds afterwards: move and mark unread
//! from the conversation toolbar, `e` and `#`, "select all" on a folder larger than the
//! server's `maxObjectsInSet`, and what the screen does when the server refuses (archive,
//! delete, move, flag): the change is undone and said in words, the server keeps the mail as
//! it was. Julien's account; each test acts on a folder of its own (`server::make_folder`),
//! and the refusals come from the real Cyrus, with the rights taken away on that folder by the
//! admin (`Testbed::change_rights`) and given back when the test ends.

use facteur_browser_tests::flows::sign_in_per_message;
use facteur_browser_tests::server::{self, call, eventually, make_folder};
use facteur_browser_tests::{browser_tests, ensure, rows, Browser, Ctx, Error, Result, WAIT};
use facteur_testbed::jmap::Client;
use serde_json::{json, Value};
use std::rc::Rc;
use std::time::Duration;

const JULIEN: &str = "julien.roux@ac-cevennes.fr";
/// How long the server may take to act on thousands of mails: a wait, not a speed goal.
const BULK: Duration = Duration::from_secs(180);

/// Signs Julien in (one row per message) and opens the folder `mailbox_id`.
fn in_folder(ctx: &Ctx, lang: &str, mailbox_id: &str) -> Result<Rc<Browser>> {
    let julien = ctx.app()?.account(JULIEN)?.clone();
    let b = ctx.browser_lang(lang)?;
    sign_in_per_message(&b, &julien.email, &julien.password)?;
    open_folder(&b, mailbox_id)?;
    Ok(b)
}

/// Opens the folder `mailbox_id` from the sidebar and waits for its rows.
fn open_folder(b: &Browser, mailbox_id: &str) -> Result {
    b.click(&format!("[data-mailbox-id='{mailbox_id}']"))?;
    b.wait_for(&format!("[data-mailbox-id='{mailbox_id}'][aria-current=page]"), WAIT)?;
    b.wait_for("[data-testid=message-row]", WAIT)
}

/// The subject `make_folder` gives mail `i` of the folder `name`.
fn subject(name: &str, i: usize) -> String {
    format!("{name} — message n° {i}")
}

/// Opens the conversation of the row `subject` and waits for its message; returns the
/// row's email id.
fn open_row(b: &Browser, subject: &str) -> Result<String> {
    rows::wait_for_subject(b, subject, subject, WAIT)?;
    let id = b.eval(&format!(
        "[...document.querySelectorAll('[data-testid=message-row]')].find(r => r.querySelector('.subject').textContent === {subject:?}).dataset.id"
    ))?;
    rows::open(b, subject)?;
    b.wait_until(
        &format!("document.querySelector('#conversation-title')?.textContent === {subject:?}"),
        "the conversation",
        WAIT,
    )?;
    b.wait_for("[data-testid=conversation] .message-open", WAIT)?;
    id.as_str().map(str::to_string).ok_or_else(|| Error(format!("no id on the row {subject:?}")))
}

/// Picks `mailbox_id` in the toolbar's "Move to…" menu, as the user does.
fn choose_move(b: &Browser, menu: &str, mailbox_id: &str) -> Result {
    b.wait_for(&format!("{menu} option[value='{mailbox_id}']"), WAIT)?;
    b.execute(
        "const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(menu), json!(mailbox_id)],
    )?;
    Ok(())
}

/// Waits until the row `subject` is no longer in the list.
fn wait_row_gone(b: &Browser, subject: &str) -> Result {
    b.wait_until(
        &format!("![...document.querySelectorAll('[data-testid=message-row] .subject')].some(s => s.textContent === {subject:?})"),
        &format!("the row {subject:?} to leave the list"),
        WAIT,
    )
}

/// An email as the server holds it (`mailboxIds`, `keywords`).
fn email(c: &Client, id: &str) -> Result<Value> {
    let r = call(
        c,
        json!([["Email/get", {"accountId": c.account_id, "ids": [id], "properties": ["mailboxIds", "keywords"]}, "g"]]),
    )?;
    Ok(r[0][1]["list"][0].clone())
}

/// The folders the server has the email in, by id.
fn folders_of(c: &Client, id: &str) -> Result<Vec<String>> {
    let e = email(c, id)?;
    Ok(e["mailboxIds"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default())
}

/// The id of Julien's folder `name` (`Archive`, `Trash`: the names Cyrus gives them).
fn folder_id(c: &Client, name: &str) -> Result<String> {
    server::mailbox_id(c, name)?.ok_or_else(|| Error(format!("no folder {name}")))
}

/// How many emails of the folder match `filter` (besides being in it), by the server's count.
fn count_in(c: &Client, mailbox_id: &str, filter: Value) -> Result<usize> {
    let mut conditions = vec![json!({"inMailbox": mailbox_id})];
    if !filter.is_null() {
        conditions.push(filter);
    }
    let r = call(
        c,
        json!([["Email/query", {"accountId": c.account_id, "filter": {"operator": "AND", "conditions": conditions},
            "limit": 1, "calculateTotal": true}, "q"]]),
    )?;
    r[0][1]["total"].as_u64().map(|n| n as usize).ok_or_else(|| Error(format!("no total: {r}")))
}

/// Moving a conversation from the toolbar's "Déplacer vers…" menu: it leaves the list, the
/// toast names the folder, the server has it in that folder only, and the folder shows it.
fn toolbar_move_to_a_folder(ctx: &Ctx) -> Result {
    const FROM: &str = "Barre — départ";
    let c = server::client(ctx, JULIEN)?;
    let from = make_folder(&c, FROM, 3)?;
    let to = make_folder(&c, "Barre — arrivée", 0)?;
    let b = in_folder(ctx, "fr-FR", &from)?;
    let moved = subject(FROM, 1);
    let id = open_row(&b, &moved)?;
    choose_move(&b, "[data-action=move]", &to)?;
    b.wait_text("[data-testid=toast]", "Conversation déplacée vers « Barre — arrivée ».", WAIT)?;
    wait_row_gone(&b, &moved)?;
    eventually("the server holds the mail in the chosen folder only", WAIT, || {
        Ok(folders_of(&c, &id)? == [to.clone()])
    })?;
    rows::wait_for_subject(&b, &subject(FROM, 0), "the other rows stay", WAIT)?;
    open_folder(&b, &to)?;
    rows::wait_for_subject(&b, &moved, "the moved mail in its new folder", WAIT)?;
    Ok(())
}

/// "Marquer comme non lu" on an open conversation that was read: back to the list, the row
/// bold again, one more unread in the folder's count, and the server without `$seen`.
fn toolbar_mark_unread(ctx: &Ctx) -> Result {
    const NAME: &str = "Barre — non lu";
    let c = server::client(ctx, JULIEN)?;
    let folder = make_folder(&c, NAME, 3)?;
    let b = in_folder(ctx, "fr-FR", &folder)?;
    // Mail n° 1 was read (make_folder leaves one in three unread: n° 0 here).
    let read = subject(NAME, 1);
    let id = open_row(&b, &read)?;
    ensure!(email(&c, &id)?["keywords"]["$seen"] == true, "mail n° 1 should be read on the server");
    let badge = |n: usize| {
        b.wait_until(
            &format!(
                "document.querySelector(\"[data-mailbox-id='{folder}'] .unread-count\")?.textContent.trim() === '{n}'"
            ),
            &format!("{n} unread in the folder's count"),
            WAIT,
        )
    };
    badge(1)?;
    b.click("[data-action=unread]")?;
    b.wait_gone("[data-testid=conversation]", WAIT)?;
    b.wait_until(
        &format!("[...document.querySelectorAll('[data-testid=message-row].unread .subject')].some(s => s.textContent === {read:?})"),
        "the row bold again",
        WAIT,
    )?;
    eventually("the server holds the mail as unread", WAIT, || Ok(email(&c, &id)?["keywords"]["$seen"].is_null()))?;
    badge(2)?;
    Ok(())
}

/// `e` archives the open conversation, `#` deletes the one `j` opened: each leaves the list
/// with its toast, and the server has it in Archive, then in the Trash.
fn keys_e_and_hash_archive_and_delete(ctx: &Ctx) -> Result {
    const NAME: &str = "Touches e et #";
    let c = server::client(ctx, JULIEN)?;
    let folder = make_folder(&c, NAME, 3)?;
    let (archive, trash) = (folder_id(&c, "Archive")?, folder_id(&c, "Trash")?);
    let b = in_folder(ctx, "fr-FR", &folder)?;
    let archived = subject(NAME, 1);
    let id = open_row(&b, &archived)?;
    b.send_keys("body", "e")?;
    b.wait_text("[data-testid=toast]", "Conversation archivée.", WAIT)?;
    wait_row_gone(&b, &archived)?;
    eventually("the server holds the mail in Archive only", WAIT, || Ok(folders_of(&c, &id)? == [archive.clone()]))?;

    // `j` opens a conversation of the list; `#` deletes it.
    b.send_keys("body", "j")?;
    b.wait_for("[data-testid=conversation] .message-open", WAIT)?;
    let deleted = b.text("#conversation-title")?;
    ensure!(deleted.starts_with(NAME) && deleted != archived, "j opened {deleted:?}");
    let id = b.attr("[data-testid=message-row]:has(a[aria-current])", "data-id")?.ok_or("no open row")?;
    b.send_keys("body", "#")?;
    b.wait_text("[data-testid=toast]", "Conversation placée dans la corbeille.", WAIT)?;
    wait_row_gone(&b, &deleted)?;
    eventually("the server holds the mail in the Trash only", WAIT, || Ok(folders_of(&c, &id)? == [trash.clone()]))?;
    ensure!(b.count("[data-testid=message-row]")? == 1, "one row should be left: {:?}", rows::subjects(&b)?);
    Ok(())
}

/// Rights taken away from Julien on one of his folders, given back when the test ends
/// (passed or not).
struct Taken {
    folder: String,
    rights: &'static str,
}

impl Taken {
    /// Takes `rights` on `folder` (`te`: nothing leaves it; `w`: no flag may be set).
    fn away(ctx: &Ctx, folder: &str, rights: &'static str) -> Result<Taken> {
        ctx.with_testbed(|tb| tb.change_rights(JULIEN, folder, &format!("-{rights}")))??;
        Ok(Taken { folder: folder.to_string(), rights })
    }
}

impl Drop for Taken {
    fn drop(&mut self) {
        let given = facteur_browser_tests::runner::with_testbed(|tb| {
            tb.change_rights(JULIEN, &self.folder, &format!("+{}", self.rights))
        });
        if !matches!(given, Ok(Ok(()))) {
            eprintln!("could not give back {} on {}: {given:?}", self.rights, self.folder);
        }
    }
}

/// A folder of two mails out of which nothing may be moved (Cyrus refuses: no `t`/`e`), the
/// browser on it with the conversation of mail n° 1 open.
struct Refusing {
    c: Client,
    folder: String,
    name: &'static str,
    /// The open mail's id.
    id: String,
    b: Rc<Browser>,
    _taken: Taken,
}

impl Refusing {
    fn open(ctx: &Ctx, lang: &str, name: &'static str) -> Result<Refusing> {
        let c = server::client(ctx, JULIEN)?;
        let folder = make_folder(&c, name, 2)?;
        let taken = Taken::away(ctx, name, "te")?;
        let b = in_folder(ctx, lang, &folder)?;
        let id = open_row(&b, &subject(name, 1))?;
        Ok(Refusing { c, folder, name, id, b, _taken: taken })
    }

    /// After the move the server refused: the error is said in `words`, the row is back,
    /// the server still has the mail in its folder only.
    fn undone(&self, words: &str) -> Result {
        let b = &self.b;
        b.wait_text("[data-testid=toast].error", words, WAIT)?;
        rows::wait_for_subject(b, &subject(self.name, 1), "the row back in the list", WAIT)?;
        let now = folders_of(&self.c, &self.id)?;
        ensure!(now == [self.folder.clone()], "the server moved the mail: {now:?}");
        ensure!(b.count("[data-testid=message-row]")? == 2, "rows: {:?}", rows::subjects(b)?);
        Ok(())
    }
}

const REFUSED_FR: &str = "L'action n'a pas abouti. Vous n'avez pas les droits nécessaires sur ce dossier.";
const REFUSED_EN: &str = "The action did not go through. You do not have the rights needed on this folder.";

/// Archive refused by the server: the row comes back, said in French.
fn refused_archive_is_undone(ctx: &Ctx) -> Result {
    let r = Refusing::open(ctx, "fr-FR", "Refus — archivage")?;
    r.b.click("[data-action=archive]")?;
    r.undone(REFUSED_FR)
}

/// Delete (to the Trash) refused by the server: the row comes back, said in English.
fn refused_delete_is_undone(ctx: &Ctx) -> Result {
    let r = Refusing::open(ctx, "en-US", "Refus — corbeille")?;
    r.b.click("[data-action=delete]")?;
    r.undone(REFUSED_EN)
}

/// A move to another folder refused by the server: the row comes back, said in French.
fn refused_move_is_undone(ctx: &Ctx) -> Result {
    let to = make_folder(&server::client(ctx, JULIEN)?, "Refus — destination", 0)?;
    let r = Refusing::open(ctx, "fr-FR", "Refus — déplacement")?;
    choose_move(&r.b, "[data-action=move]", &to)?;
    r.undone(REFUSED_FR)
}

/// A flag refused by the server (no `w` on the folder): the button shows it at once, then
/// goes back, said in French; the server has no flag.
fn refused_flag_is_undone(ctx: &Ctx) -> Result {
    const NAME: &str = "Refus — suivi";
    let c = server::client(ctx, JULIEN)?;
    let folder = make_folder(&c, NAME, 2)?;
    let _taken = Taken::away(ctx, NAME, "w")?;
    let b = in_folder(ctx, "fr-FR", &folder)?;
    let id = open_row(&b, &subject(NAME, 1))?;
    b.wait_for("[data-action=flag][aria-pressed=false]", WAIT)?;
    b.click("[data-action=flag]")?;
    b.wait_text("[data-testid=toast].error", REFUSED_FR, WAIT)?;
    b.wait_for("[data-action=flag][aria-pressed=false]", WAIT)?;
    ensure!(b.text("[data-action=flag]")?.contains("Suivre"), "the button should offer to flag again");
    ensure!(email(&c, &id)?["keywords"]["$flagged"].is_null(), "the server flagged the mail");
    Ok(())
}

/// A label refused by the server (no `w` on the folder: Cyrus keeps keywords as flags): the
/// chip goes again, said in English; the server has no such keyword.
fn refused_label_is_undone(ctx: &Ctx) -> Result {
    const NAME: &str = "Refus — libellé";
    let chip = "[data-testid=conversation] > [data-testid=label-chips] .label-chip";
    let c = server::client(ctx, JULIEN)?;
    let folder = make_folder(&c, NAME, 2)?;
    let _taken = Taken::away(ctx, NAME, "w")?;
    let b = in_folder(ctx, "en-US", &folder)?;
    let id = open_row(&b, &subject(NAME, 1))?;
    b.wait_for("[data-action=labels]", WAIT)?;
    b.click("[data-action=labels]")?;
    b.wait_visible("#new-label", WAIT)?;
    b.send_keys("#new-label", "Urgent")?;
    b.send_keys("#new-label", &facteur_browser_tests::Key::Enter.to_string())?;
    b.wait_text("[data-testid=toast].error", REFUSED_EN, WAIT)?;
    b.wait_gone(chip, WAIT)?;
    ensure!(b.count(".message-row .label-chip")? == 0, "a row still shows the refused label");
    ensure!(email(&c, &id)?["keywords"]["urgent"].is_null(), "the server labelled the mail");
    Ok(())
}

/// "Select all", then "select all N messages of this folder" on a folder of more mails than
/// the server takes in one `Email/set` (`maxObjectsInSet`, read from the session), then
/// "Suivre": every mail of the folder is flagged on the server, in requests of at most
/// `maxObjectsInSet` each, and the rows on screen show it.
fn select_all_beyond_max_objects_in_set(ctx: &Ctx) -> Result {
    const NAME: &str = "Tout sélectionner";
    let c = server::client(ctx, JULIEN)?;
    let max_set = c.capability_limit("maxObjectsInSet", 0) as usize;
    ensure!(max_set > 0, "the session gives no maxObjectsInSet");
    // One generated mail in 25 is flagged already: enough more than max_set stay unflagged.
    let count = max_set + max_set / 8 + 100;
    let filled = ctx.with_testbed(|tb| facteur_testbed::bulk::fill_folder(tb, JULIEN, NAME, count))??;
    eprintln!("{NAME}: {filled}");
    let folder = filled.mailbox_id;
    ensure!(count_in(&c, &folder, Value::Null)? == count, "the folder should hold {count} mails");
    let unflagged = count_in(&c, &folder, json!({"notKeyword": "$flagged"}))?;
    ensure!(unflagged > max_set, "{unflagged} unflagged mails: the test needs more than {max_set}");

    let julien = ctx.app()?.account(JULIEN)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    b.record_requests()?;
    sign_in_per_message(&b, &julien.email, &julien.password)?;
    open_folder(&b, &folder)?;
    b.click("[data-testid=select-all]")?;
    b.wait_for("[data-action=select-all-in-folder]", WAIT)?;
    let offer = b.text("[data-action=select-all-in-folder]")?;
    let digits: String = offer.chars().filter(char::is_ascii_digit).collect();
    ensure!(digits == count.to_string(), "the offer should count {count} messages: {offer:?}");
    b.click("[data-action=select-all-in-folder]")?;
    b.wait_text(".select-all-offer", "sont sélectionnés", WAIT)?;
    b.click("[data-action=bulk-flag]")?;
    eventually("every mail of the folder is flagged on the server", BULK, || {
        Ok(count_in(&c, &folder, json!({"notKeyword": "$flagged"}))? == 0)
    })?;
    ensure!(count_in(&c, &folder, json!({"hasKeyword": "$flagged"}))? == count, "flagged mails are missing");
    // The requests the page made: batches of at most maxObjectsInSet, all of the folder.
    let batches: Vec<usize> = b
        .requests()?
        .iter()
        .filter_map(|r| serde_json::from_str::<Value>(r["body"].as_str()?).ok())
        .flat_map(|body| body["methodCalls"].as_array().cloned().unwrap_or_default())
        .filter(|call| call[0] == "Email/set" && call[1]["update"].is_object())
        .map(|call| call[1]["update"].as_object().map_or(0, |u| u.len()))
        .collect();
    ensure!(
        batches.len() >= 2 && batches.iter().all(|&n| n <= max_set) && batches.iter().sum::<usize>() == count,
        "Email/set batches {batches:?}: expected {count} updates in batches of at most {max_set}"
    );
    b.wait_until(
        "[...document.querySelectorAll('[data-testid=message-row]')].every(r => r.querySelector('.flag'))",
        "every row on screen flagged",
        WAIT,
    )?;
    Ok(())
}

browser_tests!(
    toolbar_move_to_a_folder,
    toolbar_mark_unread,
    keys_e_and_hash_archive_and_delete,
    #[needs(RightsOnOwnFolders)]
    refused_archive_is_undone,
    #[needs(RightsOnOwnFolders)]
    refused_delete_is_undone,
    #[needs(RightsOnOwnFolders)]
    refused_move_is_undone,
    #[needs(RightsOnOwnFolders)]
    refused_flag_is_undone,
    #[needs(RightsOnOwnFolders)]
    refused_label_is_undone,
    select_all_beyond_max_objects_in_set,
);
