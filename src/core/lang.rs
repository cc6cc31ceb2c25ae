//! Bridges the generated `Locale` and the logic crate's `Lang`.

use crate::i18n::{use_i18n, Locale};
use facteur_logic::Lang;
use leptos::prelude::*;

/// The current language as a signal of [`Lang`], for the logic crate's formatters.
pub fn use_lang() -> Signal<Lang> {
    let i18n = use_i18n();
    Signal::derive(move || match i18n.get_locale() {
        Locale::fr => Lang::Fr,
        Locale::en => Lang::En,
    })
}


/// The current language, read once (usable in event handlers, where there is no context).
pub fn lang_of(i18n: leptos_i18n::I18nContext<Locale>) -> Lang {
    match i18n.get_locale_untracked() {
        Locale::fr => Lang::Fr,
        Locale::en => Lang::En,
    }
}
