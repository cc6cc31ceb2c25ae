//! Intents: what one part of the app asks another to do without importing it. Today one:
//! "write to these addresses" — from a `mailto:` link (the app is the browser's handler for
//! them: [`register_mailto_handler`], address `/compose?to=<mailto URL>`), and later from a
//! contact card or an event's attendees. It is said as a `mailto:` link (RFC 6068: To, Cc,
//! Bcc, subject and body in one string any area can write), which the mail area's composer
//! takes ([`Intents::take_write`]), reads (`facteur_compose::mailto`, in the composer's part)
//! and opens as a filled new message.

use leptos::prelude::*;

/// The address the browser opens a `mailto:` link at (`%s`: the whole link, encoded).
pub const MAILTO_HANDLER: &str = "/compose?to=%s";

/// The intents waiting to be taken, provided by the shell's signed-in guard.
#[derive(Clone, Copy)]
pub struct Intents {
    write: RwSignal<Option<String>>,
}

impl Intents {
    /// Asks for a new message filled from a `mailto:` link (the mail area opens it when it
    /// is shown).
    pub fn write(&self, link: String) {
        self.write.set(Some(link));
    }

    /// Whether a "write to" waits (tracked).
    pub fn write_waiting(&self) -> bool {
        self.write.with(Option::is_some)
    }

    /// Takes the "write to" that waits, if any.
    pub fn take_write(&self) -> Option<String> {
        self.write.try_update(Option::take).flatten()
    }
}

/// Provides the intents to the signed-in screens.
pub fn provide_intents() -> Intents {
    let intents = Intents { write: RwSignal::new(None) };
    provide_context(intents);
    intents
}

/// The intents (`None` outside the signed-in screens).
pub fn use_intents() -> Option<Intents> {
    use_context::<Intents>()
}

/// Asks the browser to open `mailto:` links with Facteur (the browser asks the user once; it
/// may also refuse silently, which is fine: the links then open elsewhere).
pub fn register_mailto_handler() {
    let Some(window) = web_sys::window() else { return };
    let Ok(origin) = window.location().origin() else { return };
    let _ = window.navigator().register_protocol_handler("mailto", &format!("{origin}{MAILTO_HANDLER}"), "Facteur");
}
