//! The quick form of the benchmarks, run by `scripts/test.sh`: the budgets of
//! `bench/budgets.toml` that do not depend on the machine's speed — bytes of a cold load, JMAP
//! round trips before the first inbox rows and for a new mail, list rows in the DOM — on a folder of a few
//! thousand generated mails (the 100,000-mail folder is for `scripts/bench.sh`). Timings are
//! measured on the way but never asserted. The transfer is held to the `[ci]` ceiling of the
//! budgets while the app is above the 400 KB limit (the full benchmark fails on the limit).

use facteur_browser_tests::bench::budgets::{default_path, Budgets};
use facteur_browser_tests::bench::{measure, probe, Figures};
use facteur_browser_tests::{browser_tests, ensure, BrowserOptions, Ctx, Error, Result};
use facteur_testbed::bulk;

const CLAIRE: &str = "claire.martin@ac-cevennes.fr";
const FOLDER: &str = "Archives 2021-2026";
/// Enough rows that the list could hold far more than 100 row elements if it were not virtual.
const FOLDER_SIZE: usize = 1_200;

fn budgets_hold_on_a_cold_load_and_a_big_folder(ctx: &Ctx) -> Result {
    let budgets = Budgets::load(&default_path())?;
    let app = ctx.app()?;
    let claire = app.account(CLAIRE)?.clone();
    let filled = ctx
        .with_testbed(|tb| bulk::fill_folder(tb, CLAIRE, FOLDER, FOLDER_SIZE))?
        .map_err(|e| Error(format!("filling {FOLDER}: {e}")))?;
    eprintln!("budgets: {filled}");
    let target = measure::Target {
        app_url: app.url.clone(),
        email: claire.email.clone(),
        password: claire.password.clone(),
        big_folder: FOLDER.into(),
        scroll_rows: 400,
    };
    let b = ctx.browser_with(BrowserOptions { lang: "fr-FR".into(), ..Default::default() })?;
    probe::install(&b)?;
    let mut f = Figures::default();
    measure::cold_from_form(&b, &target, &mut f)?;
    measure::reload_signed_in(&b, &target, "warm", true, &mut f)?;
    measure::big_folder(&b, &target, &mut f)?;
    ctx.with_testbed(|tb| measure::new_mail(&b, tb, &target, 0, &mut f))??;

    // The probes saw what they measure (else a budget could pass on nothing).
    let first = |k: &str| f.stats(k).map(|s| s.max).unwrap_or(f64::NAN);
    ensure!(first("cold.jmap_posts") >= 1.0, "no JMAP POST seen before the first rows: {:?}", f.notes);
    ensure!(first("cold.assets_kb") >= 50.0, "a cold load transferred only {} KB of the app", first("cold.assets_kb"));
    ensure!(first("warm.transfer_kb") < first("cold.transfer_kb") / 2.0, "the browser cache is not used: {f:?}");
    ensure!(
        first("big.rows_middle") >= 10.0 && first("big.rows_end") >= 10.0,
        "rows in the middle/end of the folder: {f:?}"
    );
    ensure!(first("big.heap_after_mb") > 0.0, "no heap figure");

    let verdicts = budgets.check_ci(&f);
    let failed: Vec<String> = verdicts
        .iter()
        .filter(|v| !v.passed())
        .map(|v| format!("{}: {:?} > {}", v.name, v.measured, v.limit))
        .collect();
    ensure!(
        failed.is_empty(),
        "budgets exceeded: {failed:?} (bench/budgets.toml; a bundle that grows: find what grew, and raise the [ci] \
         ceiling only with its reason in BENCHMARKS.md)\nfigures: {:?}\nJMAP calls: {:?}",
        f.values,
        f.notes
    );
    eprintln!("budgets: {verdicts:?}");
    Ok(())
}

browser_tests!(budgets_hold_on_a_cold_load_and_a_big_folder);
