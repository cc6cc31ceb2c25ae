//! Bridges the generated `Locale` and the logic crate's `Lang`.

use crate::i18n::{use_i18n, Locale};
use facteur_kit::Lang;
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

/// A translated label that follows the language switch, as a `Signal<&'static str>`.
///
/// Every label of the app has this one type, so Leptos's rendering code for it is compiled
/// once; `leptos_i18n::t!` makes a new closure type at each call site, and each one brought
/// its own copy of that code (about 1 KB of wasm per label). Use it through [`tr!`](crate::tr).
pub fn text(i18n: leptos_i18n::I18nContext<Locale>, pick: fn(Locale) -> &'static str) -> Signal<&'static str> {
    Signal::derive(move || pick(i18n.get_locale()))
}

/// `plural!(i18n, n, [key.singular], [key.plural], args…)`: the text of `n` things in the
/// user's language, by the one rule of [`facteur_kit::Lang::is_singular`] (0 and 1 take the
/// singular in French, only 1 in English); `args` go to both keys.
#[macro_export]
macro_rules! plural {
    ($i18n:expr, $n:expr, [$($one:tt)+], [$($other:tt)+] $(, $($args:tt)+)?) => {
        if $crate::platform::lang::lang_of($i18n).is_singular(($n) as u64) {
            leptos_i18n::t_string!($i18n, $($one)+ $(, $($args)+)?).to_string()
        } else {
            leptos_i18n::t_string!($i18n, $($other)+ $(, $($args)+)?).to_string()
        }
    };
}

/// `tr!(i18n, key.path)`: the label `key.path` as a [`text`] signal (keys without
/// interpolated values; those use `t!`/`t_string!`).
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $($key:tt)+) => {
        $crate::platform::lang::text($i18n, |locale| leptos_i18n::td_string!(locale, $($key)+))
    };
}
