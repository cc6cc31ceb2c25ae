//! A form field: its label, an optional hint, the control, and what is wrong with it said in
//! words next to it, tied together for assistive technologies (RGAA 11.1 and 11.10, WCAG 1.3.1
//! and 3.3.1): the control's `aria-describedby` names the hint and, while there is one, the
//! error (`<id>-hint`, `<id>-error`); `aria-invalid` follows the error. The forms of the app
//! (sign-in, folder dialogs, the labels menu) are written with it.
//!
//! ```ignore
//! let field = Field::new("folder-name", error_text).with_hint();
//! view! {
//!     <FormField field label=tr!(i18n, folders.name_label) hint=tr!(i18n, folders.name_hint)>
//!         <input id=field.id() aria-invalid=field.invalid() aria-describedby=field.described_by() />
//!     </FormField>
//! }
//! ```

use leptos::prelude::*;

/// The ids of a field and its error (tracked), to put on its control.
#[derive(Clone, Copy)]
pub struct Field {
    id: &'static str,
    hint: bool,
    error: Signal<Option<String>>,
}

impl Field {
    /// The field whose control has the id `id`, wrong while `error` says why.
    pub fn new(id: &'static str, error: Signal<Option<String>>) -> Field {
        Field { id, hint: false, error }
    }

    /// The field has a hint ([`FormField`]'s `hint`).
    pub fn with_hint(self) -> Field {
        Field { hint: true, ..self }
    }

    /// The control's id.
    pub fn id(self) -> &'static str {
        self.id
    }

    /// The control's `aria-describedby`: the hint, then the error while there is one.
    pub fn described_by(self) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
        move || {
            let hint = self.hint.then(|| format!("{}-hint", self.id));
            let error = self.error.with(Option::is_some).then(|| format!("{}-error", self.id));
            let both: Vec<String> = hint.into_iter().chain(error).collect();
            (!both.is_empty()).then(|| both.join(" "))
        }
    }

    /// The control's `aria-invalid`.
    pub fn invalid(self) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || if self.error.with(Option::is_some) { "true" } else { "false" }
    }
}

/// The label, the hint, the control (`children`) and the error of `field`.
#[component]
pub fn FormField(
    field: Field,
    /// What the field is.
    #[prop(into)]
    label: Signal<&'static str>,
    /// A hint shown under the label (give [`Field::with_hint`] too).
    #[prop(optional, into)]
    hint: Option<Signal<&'static str>>,
    /// The label is for screen readers only (a field whose purpose the screen shows otherwise).
    #[prop(optional)]
    label_hidden: bool,
    /// More classes on the field's element.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let id = field.id;
    view! {
        <div class=format!("field {class}")>
            <label for=id class:visually-hidden=label_hidden>
                {label}
            </label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="hint" id=format!("{id}-hint")>
                            {hint}
                        </p>
                    }
                })}
            {children()}
            {move || {
                field
                    .error
                    .get()
                    .map(|text| {
                        view! {
                            <p id=format!("{id}-error") class="field-error" role="alert">
                                {text}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
