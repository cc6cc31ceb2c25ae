//! Generates the `i18n` module from `locales/*.json` (leptos_i18n 0.6 does this at build time).

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("i18n");
    let config = Config::new("fr")
        .and_then(|c| c.add_locale("en"))
        .expect("locales")
        // `t_string!` with interpolated values (used for aria-labels and error details).
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations = TranslationsInfos::parse(config).expect("locales/*.json");
    translations.rerun_if_locales_changed();
    translations.emit_diagnostics();
    translations.generate_i18n_module(out_dir).expect("i18n module");
}
