//! Search: full text with highlighted words, the advanced criteria, this folder or all
//! folders, the search in the address (reload, back), the `/` key, phone width — on
//! Claire's account, compared with what the seed files hold; by recipient, subject and dates
//! (the `à:`/`objet:` operators and the advanced panel), compared with what the server holds.

use facteur_browser_tests::flows::{sign_in, sign_in_per_message, SIGN_IN};
use facteur_browser_tests::server::{self, call};
use facteur_browser_tests::{axe, browser_tests, ensure, rows, seed, Browser, Ctx, Error, Key, Result, WAIT};
use facteur_testbed::jmap::Client;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::rc::Rc;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
/// A name only some of Claire's mails mention (in several folders).
const WORD: &str = "Noah";

fn signed_in(ctx: &Ctx, lang: &str) -> Result<Rc<Browser>> {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let b = ctx.browser_lang(lang)?;
    sign_in_per_message(&b, &claire.email, &claire.password)?;
    Ok(b)
}

/// Waits until the results of the address's search are shown (rows or "no message").
fn wait_results(b: &Browser) -> Result {
    b.wait_for("[data-testid=search-results]", WAIT)?;
    b.wait_until(
        "!document.querySelector('.list-pane .loading') && \
         (document.querySelector('[data-testid=message-row]') || document.querySelector('[data-testid=no-results]')) && \
         document.querySelector('[data-testid=search-results] .count').textContent.trim() !== ''",
        "search results",
        WAIT,
    )
}

/// Sets a field's value as the browser's own widget would (date pickers, clearing), with
/// its `input` event.
fn set_value(b: &Browser, id: &str, value: &str) -> Result {
    b.execute(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![id.into(), value.into()],
    )?;
    Ok(())
}

/// Types `text` in the search field and presses Enter.
fn search_for(b: &Browser, text: &str) -> Result {
    b.fill("#search-input", text)?;
    b.send_keys("#search-input", &Key::Enter.to_string())?;
    b.wait_until("location.search.includes('q=')", "the search in the address", WAIT)?;
    wait_results(b)
}

/// The subjects of the seed mails of `folder` that mention `word`, sorted.
fn seed_mentions(folder: &str, word: &str) -> Result<Vec<String>> {
    let mut subjects: Vec<String> =
        seed::folder(CLAIRE, folder)?.into_iter().filter(|m| m.mentions(word)).map(|m| m.subject).collect();
    subjects.sort();
    Ok(subjects)
}

fn sorted_row_subjects(b: &Browser) -> Result<Vec<String>> {
    let mut subjects = rows::subjects(b)?;
    subjects.sort();
    Ok(subjects)
}

/// Every row shows the searched word inside a `<mark>` made by the app (no server HTML).
fn every_row_marks(b: &Browser, word: &str) -> Result {
    let check = format!(
        "(() => {{ const rows = [...document.querySelectorAll('[data-testid=message-row]')];
            return rows.length > 0 && rows.every(r => [...r.querySelectorAll('mark')].some(m => m.textContent.toLowerCase() === {:?})
                && !r.textContent.includes('<mark>') && !r.textContent.includes('&gt;') && !r.textContent.includes('&lt;')); }})()",
        word.to_lowercase()
    );
    ensure!(
        b.eval(&check)?.as_bool() == Some(true),
        "a row lacks the marked word {word:?}: {:?}",
        b.texts("[data-testid=message-row]")?
    );
    Ok(())
}

/// Full text in the open folder: exactly the inbox mails that mention the word, with the
/// word highlighted; the title says what was searched; the address holds the search.
fn full_text_search_finds_and_highlights(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    let expected = seed_mentions("Inbox", WORD)?;
    ensure!(!expected.is_empty(), "the seed inbox should mention {WORD}");
    search_for(&b, WORD)?;
    ensure!(sorted_row_subjects(&b)? == expected, "results {:?} ≠ seed {expected:?}", sorted_row_subjects(&b)?);
    every_row_marks(&b, WORD)?;
    let title = b.eval("document.getElementById('list-title').textContent")?;
    ensure!(title.as_str() == Some(&format!("Résultats pour «\u{a0}{WORD}\u{a0}»")[..]), "title: {title:?}");
    ensure!(b.text("[data-testid=search-results] .count")?.starts_with(&expected.len().to_string()), "count");
    ensure!(b.eval("location.pathname + location.search")?.as_str() == Some("/mail/inbox?q=Noah"), "address");
    ensure!(b.text(".search-criteria")?.contains("Boîte de réception"), "the folder is named");
    axe::assert_accessible(&b, "search results (desktop, fr)")?;
    b.screenshots_desktop_phone("search-fr", wait_results)?;
    // Nothing matches: said in words.
    search_for(&b, "zzyzxqwv")?;
    b.wait_text("[data-testid=no-results]", "Aucun message ne correspond", WAIT)?;
    // "Effacer la recherche" returns to the folder and empties the field.
    b.click("#clear-search")?;
    b.wait_until("location.pathname === '/mail/inbox' && location.search === ''", "back to the folder", WAIT)?;
    b.wait_text("#list-title", "Boîte de réception", WAIT)?;
    ensure!(b.prop("#search-input", "value")?.as_deref() == Some(""), "the field keeps the old search");
    Ok(())
}

/// The advanced panel: from, then with attachment — the rows are those of the seed.
fn from_and_attachment_filters(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "en-US")?;
    let inbox = seed::folder(CLAIRE, "Inbox")?;
    let from_sophie = inbox.iter().filter(|m| m.from == "sophie.aubert@ac-cevennes.fr").count();
    ensure!(from_sophie > 0, "the seed inbox has mail from Sophie Aubert");
    b.click("#search-options")?;
    b.wait_visible("#search-from", WAIT)?;
    b.fill("#search-from", "sophie.aubert")?;
    b.send_keys("#search-from", &Key::Enter.to_string())?;
    wait_results(&b)?;
    ensure!(
        b.eval("location.search")?.as_str() == Some("?from=sophie.aubert"),
        "address: {:?}",
        b.eval("location.search")?
    );
    let senders = b.texts("[data-testid=message-row] .from")?;
    ensure!(
        senders.len() == from_sophie && senders.iter().all(|s| s == "Sophie Aubert"),
        "senders {senders:?}, seed {from_sophie}"
    );
    ensure!(b.text(".search-criteria")?.contains("From: sophie.aubert"), "criteria: {}", b.text(".search-criteria")?);
    ensure!(!b.exists("#search-advanced:not([hidden])")?, "the panel closes after searching");

    b.click("#search-options")?;
    set_value(&b, "search-from", "")?;
    b.click("#search-attachment")?;
    b.click("#search-advanced button[type=submit]")?;
    b.wait_until("location.search === '?has=attachment'", "attachment search in the address", WAIT)?;
    wait_results(&b)?;
    let in_seed = inbox.iter().filter(|m| !m.attachments.is_empty()).count().min(50);
    ensure!(in_seed > 0, "the seed inbox has attachments");
    // The rows are the server's answer to the same filter. Cyrus finds every seed mail with an
    // attachment; Stalwart 0.16's `hasAttachment` filter misses some whose `hasAttachment`
    // property is true (3 of the 6 here): the app shows what the server finds.
    let c = server::client(ctx, CLAIRE)?;
    let inbox_id = server::role_id(&c, "inbox")?;
    let found = call(
        &c,
        json!([["Email/query", {"accountId": c.account_id, "filter": {"inMailbox": inbox_id, "hasAttachment": true},
                "calculateTotal": true}, "q"]]),
    )?;
    let with_files = (found[0][1]["total"].as_u64().unwrap_or(0) as usize).min(50);
    if ctx.app()?.server == facteur_testbed::ServerKind::Cyrus {
        ensure!(with_files == in_seed, "Cyrus finds {with_files} mails with attachments, the seed has {in_seed}");
    }
    ensure!(with_files > 0, "the server finds no mail with an attachment");
    b.wait_count("[data-testid=message-row]", with_files, WAIT)?;
    ensure!(b.count("[data-testid=message-row] .mark.attachment")? == with_files, "a row without attachment");
    ensure!(b.text("#list-title")? == "Search results", "title without text: {}", b.text("#list-title")?);
    axe::assert_accessible(&b, "search results by criteria (desktop, en)")?;
    b.screenshots_desktop_phone("search-en", wait_results)?;
    Ok(())
}

/// This folder by default; "all folders" from the results link and from the panel.
fn this_folder_and_all_folders(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    let inbox = seed_mentions("Inbox", WORD)?;
    let mut everywhere: Vec<String> = Vec::new();
    for (_, mails) in seed::all_folders(CLAIRE)? {
        everywhere.extend(mails.into_iter().filter(|m| m.mentions(WORD)).map(|m| m.subject));
    }
    everywhere.sort();
    ensure!(everywhere.len() > inbox.len(), "the word should be in other folders too");
    search_for(&b, WORD)?;
    ensure!(sorted_row_subjects(&b)? == inbox, "this folder: {:?}", sorted_row_subjects(&b)?);
    b.click(".search-everywhere")?;
    b.wait_until("location.search === '?q=Noah&scope=all'", "all folders in the address", WAIT)?;
    b.wait_count("[data-testid=message-row]", everywhere.len(), WAIT)?;
    ensure!(sorted_row_subjects(&b)? == everywhere, "all folders: {:?} ≠ {everywhere:?}", sorted_row_subjects(&b)?);
    every_row_marks(&b, WORD)?;
    // Each row names the folder its message is in, as the seed has it.
    let rows = b.eval(
        "[...document.querySelectorAll('[data-testid=message-row]')].map(r => [r.querySelector('.subject').textContent,
            [...r.querySelectorAll('.folder-chip')].map(c => c.textContent)])",
    )?;
    let rows: Vec<(String, Vec<String>)> = serde_json::from_value(rows).map_err(|e| format!("rows: {e}"))?;
    let french = |folder: &str| match folder {
        "Inbox" => "Boîte de réception".to_string(),
        "Sent" => "Envoyés".to_string(),
        "Archive" => "Archives".to_string(),
        "Drafts" => "Brouillons".to_string(),
        "Trash" => "Corbeille".to_string(),
        "Junk" => "Indésirables".to_string(),
        other => other.rsplit('/').next().unwrap_or(other).to_string(),
    };
    let mut folders_of: std::collections::HashMap<String, Vec<String>> = Default::default();
    for (folder, mails) in seed::all_folders(CLAIRE)? {
        for m in mails {
            folders_of.entry(m.subject).or_default().push(french(&folder));
        }
    }
    for (subject, chips) in &rows {
        let expected = folders_of.get(subject).cloned().unwrap_or_default();
        ensure!(
            chips.len() == 1 && expected.contains(&chips[0]),
            "{subject:?}: chips {chips:?}, seed folders {expected:?}"
        );
    }
    ensure!(rows.iter().any(|(_, c)| c[0] != "Boîte de réception"), "every result named as in the inbox: {rows:?}");
    b.save_screenshot("search-all-folders-fr")?;
    ensure!(b.text(".search-criteria")?.contains("Dans tous les dossiers"), "scope in words");
    // The panel shows the scope of the address, and switches back.
    b.click("#search-options")?;
    b.wait_visible("input[name=search-scope][value=all]", WAIT)?; // the panel's code may still be on its way
    ensure!(b.prop("input[name=search-scope][value=all]", "checked")?.as_deref() == Some("true"), "scope radio");
    b.click("input[name=search-scope][value=folder]")?;
    b.click("#search-advanced button[type=submit]")?;
    b.wait_until("location.search === '?q=Noah'", "this folder again", WAIT)?;
    b.wait_count("[data-testid=message-row]", inbox.len(), WAIT)?;
    ensure!(!b.exists(".folder-chip")?, "folders named on the rows of a search in one folder");
    Ok(())
}

/// Many results (more than a page, all folders): the list says how many, and the rows
/// further down load as the list is scrolled, with their words highlighted too.
fn long_results_load_as_you_scroll(ctx: &Ctx) -> Result {
    const COMMON: &str = "cordialement";
    let b = signed_in(ctx, "fr-FR")?;
    let mut mentions = 0;
    for (_, mails) in seed::all_folders(CLAIRE)? {
        mentions += mails.iter().filter(|m| m.mentions(COMMON)).count();
    }
    ensure!(mentions > 60, "the seed should mention {COMMON} in more than a page of mails ({mentions})");
    search_for(&b, COMMON)?;
    b.click(".search-everywhere")?;
    b.wait_until("location.search === '?q=cordialement&scope=all'", "all folders in the address", WAIT)?;
    b.wait_until(
        "Number(document.querySelector('[data-testid=message-row][data-position=\"0\"]')?.getAttribute('aria-setsize')) > 50",
        "more than a page of results",
        WAIT,
    )?;
    let total: usize = b
        .attr("[data-testid=message-row][data-position='0']", "aria-setsize")?
        .unwrap_or_default()
        .parse()
        .unwrap_or(0);
    ensure!(b.text("[data-testid=search-results] .count")?.starts_with(&total.to_string()), "the count says {total}");
    // Only the rows in view are in the page.
    ensure!(b.count("[data-testid=message-row]")? < total, "every result is in the page");
    b.execute("const s = document.querySelector('.list-scroll'); s.scrollTop = s.scrollHeight;", vec![])?;
    let last = format!("[data-testid=message-row][data-position='{}']", total - 1);
    b.wait_for(&last, WAIT)?;
    b.wait_gone(".message-row.placeholder", WAIT)?;
    every_row_marks(&b, COMMON)?;
    Ok(())
}

/// The address holds the search: opening a result keeps it, `u` and back return to the
/// results, back again to the folder, and a reload (password typed again) restores it.
fn the_address_keeps_the_search(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("en-US")?;
    sign_in(&b, &claire.email, &claire.password)?;
    search_for(&b, WORD)?;
    let results = rows::subjects(&b)?;
    b.click("[data-testid=message-row] a")?;
    b.wait_for("[data-testid=conversation] .message-open", WAIT)?;
    ensure!(
        b.eval("/^\\/mail\\/inbox\\/[^/]+$/.test(location.pathname) && location.search === '?q=Noah'")?.as_bool()
            == Some(true),
        "the conversation's address keeps the search: {:?}",
        b.current_url()?
    );
    // The searched word is marked in the message too.
    b.wait_until(
        "[...document.querySelectorAll('[data-testid=conversation] .text-body mark')].some(m => m.textContent.toLowerCase() === 'noah')",
        "the searched word marked in the message",
        WAIT,
    )?;
    b.screenshots_desktop_phone("search-opened-en", |b| {
        b.wait_for("[data-testid=conversation] .text-body mark", WAIT)
    })?;
    b.send_keys("body", "u")?;
    b.wait_until(
        "location.pathname === '/mail/inbox' && location.search === '?q=Noah'",
        "u returns to the results",
        WAIT,
    )?;
    wait_results(&b)?;
    ensure!(rows::subjects(&b)? == results, "the same results after u");
    b.back()?; // the conversation
    b.wait_for("[data-testid=conversation]", WAIT)?;
    b.back()?; // the results
    b.wait_until("location.search === '?q=Noah'", "back to the results", WAIT)?;
    wait_results(&b)?;
    b.back()?; // the folder, before the search
    b.wait_until("location.pathname === '/mail/inbox' && location.search === ''", "back to the folder", WAIT)?;
    b.wait_text("#list-title", "Inbox", WAIT)?;
    ensure!(b.prop("#search-input", "value")?.as_deref() == Some(""), "the field follows the address");
    b.execute("history.forward()", vec![])?;
    b.wait_until("location.search === '?q=Noah'", "forward to the results", WAIT)?;
    wait_results(&b)?;
    ensure!(b.prop("#search-input", "value")?.as_deref() == Some(WORD), "the field shows the address's search");

    b.refresh()?;
    b.wait_visible("#password", WAIT)?;
    b.fill("#password", &claire.password)?;
    b.click("button[type=submit]")?;
    b.wait_for("[data-testid=search-results]", SIGN_IN)?;
    wait_results(&b)?;
    ensure!(
        b.eval("location.pathname + location.search")?.as_str() == Some("/mail/inbox?q=Noah"),
        "address after reload"
    );
    ensure!(rows::subjects(&b)? == results, "the same results after the reload");
    // The search form comes once the first rows are shown (a part of the app of its own).
    b.wait_for("#search-input", WAIT)?;
    ensure!(b.prop("#search-input", "value")?.as_deref() == Some(WORD), "the field after the reload");
    Ok(())
}

/// `/` focuses the field from anywhere; `?` lists it; bad input is said in words.
fn keyboard_and_bad_input(ctx: &Ctx) -> Result {
    let b = signed_in(ctx, "fr-FR")?;
    b.send_keys("body", "/")?;
    b.wait_until(
        "document.activeElement && document.activeElement.id === 'search-input'",
        "/ focuses the field",
        WAIT,
    )?;
    ensure!(b.prop("#search-input", "value")?.as_deref() == Some(""), "the / must not be typed");
    // Enter on an empty field: a message, no search.
    b.send_keys("#search-input", &Key::Enter.to_string())?;
    b.wait_text("#search-problem", "Saisissez un mot", WAIT)?;
    ensure!(b.eval("location.search")?.as_str() == Some(""), "an empty search changed the address");
    // Escape in the empty field leaves it.
    b.send_keys("#search-input", &Key::Escape.to_string())?;
    b.wait_until("document.activeElement?.id !== 'search-input'", "Escape leaves the field", WAIT)?;
    // Dates the wrong way round: said, marked, nothing lost, no search.
    b.click("#search-options")?;
    b.wait_visible("#search-subject", WAIT)?; // the panel's code may still be on its way
    b.fill("#search-subject", "conseil")?;
    set_value(&b, "search-after", "2026-04-01")?;
    set_value(&b, "search-before", "2026-03-01")?;
    b.click("#search-advanced button[type=submit]")?;
    b.wait_text("#search-problem", "doit précéder", WAIT)?;
    ensure!(b.attr("#search-after", "aria-invalid")?.as_deref() == Some("true"), "the dates are not marked");
    ensure!(b.prop("#search-subject", "value")?.as_deref() == Some("conseil"), "the subject was lost");
    ensure!(b.eval("location.search")?.as_str() == Some(""), "a wrong search changed the address");
    axe::assert_accessible(&b, "the advanced search panel with an error (desktop, fr)")?;
    b.save_screenshot("search-advanced-error-fr")?;
    // Escape closes the panel and gives the focus back to its button.
    b.send_keys("#search-subject", &Key::Escape.to_string())?;
    b.wait_for("#search-advanced[hidden]", WAIT)?;
    ensure!(b.focused()?.starts_with("button#search-options"), "focus after Escape: {}", b.focused()?);
    // Tab out of the panel closes it; so does a click elsewhere; a click on its own text
    // does not.
    b.click("#search-options")?;
    b.wait_visible("#search-from", WAIT)?;
    b.send_keys("#search-advanced .search-actions .button.secondary", &Key::Tab.to_string())?;
    b.wait_for("#search-advanced[hidden]", WAIT)?;
    b.click("#search-options")?;
    b.wait_visible("#search-from", WAIT)?;
    // The click has been handled once it reached the document and every timer it started
    // (the panel checks where the focus went in one) has run.
    b.execute(
        "window.__settled = false; document.addEventListener('click', () => setTimeout(() => { window.__settled = true; }), { once: true });",
        vec![],
    )?;
    b.click(".search-hint")?;
    b.wait_until("window.__settled", "the click inside the panel handled", WAIT)?;
    ensure!(b.exists("#search-advanced:not([hidden])")?, "a click inside the panel closed it");
    b.click(".topbar .user")?;
    b.wait_for("#search-advanced[hidden]", WAIT)?;
    ensure!(b.prop("#search-subject", "value")?.as_deref() == Some("conseil"), "closing lost the subject");
    // The shortcut list has the key.
    b.eval("document.activeElement.blur()")?;
    b.send_keys("body", "?")?;
    b.wait_visible("[data-testid=shortcut-help]", WAIT)?;
    ensure!(b.texts("[data-testid=shortcut-help] kbd")?.contains(&"/".to_string()), "/ is not in the shortcut list");
    Ok(())
}

/// On a phone the field stays in reach under the top bar, with 44 px targets, and the
/// advanced panel fits the screen.
fn phone_width(ctx: &Ctx) -> Result {
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let b = ctx.browser_lang("fr-FR")?;
    b.set_window(390, 844)?;
    sign_in(&b, &claire.email, &claire.password)?;
    b.wait_visible("#search-input", WAIT)?;
    let sizes = b.eval(
        "['#search-input', '.search-submit', '#search-options'].map(s => { const r = document.querySelector(s).getBoundingClientRect();
            return [Math.round(r.height), Math.round(r.width), Math.round(r.right)]; })",
    )?;
    let sizes: Vec<Vec<i64>> = serde_json_values(&sizes);
    ensure!(sizes.iter().all(|s| s[0] >= 44 && s[1] >= 44 && s[2] <= 390), "targets (h, w, right): {sizes:?}");
    search_for(&b, WORD)?;
    every_row_marks(&b, WORD)?;
    b.click("#search-options")?;
    b.wait_visible("#search-from", WAIT)?;
    let panel = b.eval(
        "(() => { const r = document.getElementById('search-advanced').getBoundingClientRect();
            const inputs = [...document.querySelectorAll('#search-advanced input[type=text], #search-advanced input[type=date], #search-advanced button')];
            return r.left >= 0 && r.right <= 390 && inputs.every(i => i.getBoundingClientRect().height >= 44); })()",
    )?;
    ensure!(panel.as_bool() == Some(true), "the panel overflows or has small targets");
    axe::assert_accessible(&b, "the advanced search on a phone (fr)")?;
    b.save_screenshot("search-advanced-phone-fr")?;
    b.click("#search-advanced .button.secondary")?;
    ensure!(!b.exists("#search-advanced:not([hidden])")?, "Fermer closes the panel");
    axe::assert_accessible(&b, "search results on a phone (fr)")?;
    Ok(())
}

fn serde_json_values(v: &serde_json::Value) -> Vec<Vec<i64>> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|r| r.as_array().map(|r| r.iter().filter_map(|n| n.as_i64()).collect()).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

/// Every row of the results, by position (the list keeps only the rows in view in the page:
/// scrolled through from the top), as sorted subjects.
fn all_result_subjects(b: &Browser) -> Result<Vec<String>> {
    wait_results(b)?;
    if b.exists("[data-testid=no-results]")? {
        return Ok(Vec::new());
    }
    let total: usize = b
        .attr("[data-testid=message-row][data-position='0']", "aria-setsize")?
        .unwrap_or_default()
        .parse()
        .map_err(|e| Error(format!("aria-setsize: {e}")))?;
    b.execute("document.querySelector('.list-scroll').scrollTop = 0;", vec![])?;
    let mut seen: BTreeMap<u64, String> = BTreeMap::new();
    loop {
        b.wait_gone(".message-row.placeholder", WAIT)?;
        let shown = b.eval(
            "[...document.querySelectorAll('[data-testid=message-row]')].map(r => [Number(r.dataset.position), r.querySelector('.subject').textContent])",
        )?;
        let shown: Vec<(u64, String)> = serde_json::from_value(shown).map_err(|e| Error(format!("rows: {e}")))?;
        seen.extend(shown);
        if seen.len() >= total {
            break;
        }
        let at_end = b.eval(
            "(s => { const end = s.scrollTop + s.clientHeight >= s.scrollHeight - 1; s.scrollTop += s.clientHeight * 0.8; return end; })(document.querySelector('.list-scroll'))",
        )?;
        ensure!(at_end.as_bool() != Some(true), "{} of {total} result rows seen at the end of the list", seen.len());
    }
    let mut subjects: Vec<String> = seen.into_values().collect();
    subjects.sort();
    Ok(subjects)
}

/// The id of Claire's folder `name` (`Inbox`, `Sent`: the names Cyrus gives them).
fn folder_id(c: &Client, name: &str) -> Result<String> {
    server::mailbox_id(c, name)?.ok_or_else(|| Error(format!("no folder {name}")))
}

/// The emails of the folder `mailbox_id` that also match `filter` (`null`: all), as the
/// server answers: `properties` of each.
fn server_emails(c: &Client, mailbox_id: &str, filter: Value, properties: &[&str]) -> Result<Vec<Value>> {
    let mut conditions = vec![json!({"inMailbox": mailbox_id})];
    if !filter.is_null() {
        conditions.push(filter);
    }
    let r = call(
        c,
        json!([
            ["Email/query", {"accountId": c.account_id, "filter": {"operator": "AND", "conditions": conditions}, "limit": 1000}, "q"],
            ["Email/get", {"accountId": c.account_id, "#ids": {"resultOf": "q", "name": "Email/query", "path": "/ids"},
                "properties": properties}, "g"]
        ]),
    )?;
    Ok(r[1][1]["list"].as_array().cloned().unwrap_or_default())
}

fn sorted_subjects(emails: &[Value]) -> Vec<String> {
    let mut subjects: Vec<String> =
        emails.iter().map(|e| e["subject"].as_str().unwrap_or_default().to_string()).collect();
    subjects.sort();
    subjects
}

/// Signs Claire in and opens the folder of `role`.
fn in_folder(ctx: &Ctx, lang: &str, role: &str) -> Result<Rc<Browser>> {
    let b = signed_in(ctx, lang)?;
    b.click(&format!("[data-mailbox-role={role}]"))?;
    b.wait_until(&format!("location.pathname === '/mail/{role}'"), role, WAIT)?;
    b.wait_for("[data-testid=message-row]", WAIT)?;
    Ok(b)
}

/// Opens the advanced panel and waits for its fields (its code may still be on its way).
fn open_panel(b: &Browser) -> Result {
    b.click("#search-options")?;
    b.wait_visible("#search-after", WAIT)
}

/// Types `value` in the panel's field `search-<field>`, presses Enter, and returns every
/// result (sorted subjects) once the address holds the search.
fn search_in_panel(b: &Browser, field: &str, value: &str) -> Result<Vec<String>> {
    open_panel(b)?;
    b.fill(&format!("#search-{field}"), value)?;
    b.send_keys(&format!("#search-{field}"), &Key::Enter.to_string())?;
    b.wait_until(
        &format!("location.search.startsWith('?{field}=')"),
        &format!("the search by {field} in the address"),
        WAIT,
    )?;
    all_result_subjects(b)
}

/// By recipient in Sent, with `à:` in the field (French) and with the panel's "To" field
/// (English): the results are what the server answers to that `to` filter, which holds
/// every sent mail whose To names Julien and not the whole folder.
fn to_search_matches_the_server(ctx: &Ctx) -> Result {
    const TO: &str = "julien.roux@ac-cevennes.fr";
    let c = server::client(ctx, CLAIRE)?;
    let sent = folder_id(&c, "Sent")?;
    let all = server_emails(&c, &sent, Value::Null, &["subject", "to"])?;
    let expected = sorted_subjects(&server_emails(&c, &sent, json!({"to": "julien"}), &["subject"])?);
    let to_julien: Vec<&str> = all
        .iter()
        .filter(|e| e["to"].as_array().is_some_and(|to| to.iter().any(|a| a["email"] == TO)))
        .map(|e| e["subject"].as_str().unwrap_or_default())
        .collect();
    ensure!(
        !to_julien.is_empty()
            && to_julien.iter().all(|s| expected.iter().any(|e| e == s))
            && expected.len() < all.len(),
        "the server's answer ({} of {} sent mails) does not fit the test ({} with Julien in To)",
        expected.len(),
        all.len(),
        to_julien.len()
    );

    let b = in_folder(ctx, "fr-FR", "sent")?;
    search_for(&b, "à:julien")?;
    ensure!(
        b.eval("location.search")?.as_str() == Some("?q=%C3%A0%3Ajulien"),
        "address: {:?}",
        b.eval("location.search")?
    );
    let shown = all_result_subjects(&b)?;
    ensure!(shown == expected, "à:julien shows {shown:?}\n the server has {expected:?}");

    let expected = sorted_subjects(&server_emails(&c, &sent, json!({"to": TO}), &["subject"])?);
    let b = in_folder(ctx, "en-US", "sent")?;
    let shown = search_in_panel(&b, "to", TO)?;
    ensure!(shown == expected, "To: {TO} shows {shown:?}\n the server has {expected:?}");
    ensure!(b.text(".search-criteria")?.contains(TO), "criteria: {}", b.text(".search-criteria")?);
    Ok(())
}

/// By subject in the inbox, with `objet:` (French) and the panel's "Subject" field
/// (English): the results are what the server answers to that `subject` filter, which holds
/// every inbox mail whose subject has the word, and not those that only mention it.
fn subject_search_matches_the_server(ctx: &Ctx) -> Result {
    const WORD: &str = "réunion";
    let c = server::client(ctx, CLAIRE)?;
    let inbox = folder_id(&c, "Inbox")?;
    let expected = sorted_subjects(&server_emails(&c, &inbox, json!({"subject": WORD}), &["subject"])?);
    let seed = seed::folder(CLAIRE, "Inbox")?;
    let in_subject: Vec<&str> =
        seed.iter().filter(|m| m.subject.to_lowercase().contains(WORD)).map(|m| m.subject.as_str()).collect();
    let mentions = seed.iter().filter(|m| m.mentions(WORD)).count();
    ensure!(
        !in_subject.is_empty()
            && in_subject.iter().all(|s| expected.iter().any(|e| e == s))
            && mentions > expected.len(),
        "the seed ({} subjects with {WORD:?}, {mentions} mentions) and the server ({expected:?}) do not fit the test",
        in_subject.len()
    );

    let b = in_folder(ctx, "fr-FR", "inbox")?;
    search_for(&b, &format!("objet:{WORD}"))?;
    let shown = all_result_subjects(&b)?;
    ensure!(shown == expected, "objet:{WORD} shows {shown:?}\n the server has {expected:?}");

    let b = in_folder(ctx, "en-US", "inbox")?;
    let shown = search_in_panel(&b, "subject", WORD)?;
    ensure!(shown == expected, "Subject: {WORD} shows {shown:?}\n the server has {expected:?}");
    Ok(())
}

/// From one day to another (both included, the user's days): the results are the inbox
/// mails the server received on those days or between, by their `receivedAt` in the
/// browser's time zone. The two days have mail of their own, so a day left out shows.
fn date_search_matches_the_server(ctx: &Ctx) -> Result {
    let c = server::client(ctx, CLAIRE)?;
    let inbox = folder_id(&c, "Inbox")?;
    let mut all = server_emails(&c, &inbox, Value::Null, &["subject", "receivedAt"])?;
    all.sort_by(|a, b| b["receivedAt"].as_str().cmp(&a["receivedAt"].as_str()));
    let b = in_folder(ctx, "fr-FR", "inbox")?;
    // Each mail's day where the user is.
    let received: Vec<&str> = all.iter().map(|e| e["receivedAt"].as_str().unwrap_or_default()).collect();
    let days = b.execute(
        "return arguments[0].map(s => { const d = new Date(s); \
           return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); });",
        vec![json!(received)],
    )?;
    let days: Vec<String> = serde_json::from_value(days).map_err(|e| Error(format!("days: {e}")))?;
    let (before, after) = (days[days.len() / 4].clone(), days[days.len() / 2].clone());
    ensure!(after < before, "the inbox's mail should span several days: {after} … {before}");
    let mut expected: Vec<String> = all
        .iter()
        .zip(&days)
        .filter(|(_, day)| **day >= after && **day <= before)
        .map(|(e, _)| e["subject"].as_str().unwrap_or_default().to_string())
        .collect();
    expected.sort();
    ensure!(expected.len() < all.len(), "the days hold the whole inbox");

    open_panel(&b)?;
    set_value(&b, "search-after", &after)?;
    set_value(&b, "search-before", &before)?;
    b.click("#search-advanced button[type=submit]")?;
    b.wait_until(&format!("location.search === '?after={after}&before={before}'"), "the dates in the address", WAIT)?;
    let shown = all_result_subjects(&b)?;
    ensure!(shown == expected, "{after} … {before} shows {shown:?}\n the server received {expected:?}");
    Ok(())
}

browser_tests!(
    full_text_search_finds_and_highlights,
    from_and_attachment_filters,
    this_folder_and_all_folders,
    long_results_load_as_you_scroll,
    the_address_keeps_the_search,
    keyboard_and_bad_input,
    phone_width,
    to_search_matches_the_server,
    subject_search_matches_the_server,
    date_search_matches_the_server,
);
