//! A button that switches between French and English and remembers the choice.

use crate::i18n::*;
use crate::platform::storage;
use leptos::prelude::*;

/// Shows the other language's name, written in that language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.get_locale() {
        Locale::fr => Locale::en,
        Locale::en => Locale::fr,
    };
    let switch = move |_| {
        let next = other();
        storage::save_language(next.as_str());
        i18n.set_locale(next);
    };
    view! {
        <button
            type="button"
            class="language-switch"
            id="language-switch"
            on:click=switch
            lang=move || other().as_str()
            aria-label=move || t_string!(i18n, language_switch_label)
        >
            {crate::tr!(i18n, language_switch)}
        </button>
    }
}
