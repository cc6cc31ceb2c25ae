//! Honest capabilities: which of the capabilities the session lists the server really answers
//! (`facteur_jmap::probe`: one cheap `/get` each, in one request, two seconds after signing in
//! so that the first page does not wait for it). A capability whose methods answer
//! `unknownMethod` is absent, whatever the session says: the area that needs it says so rather
//! than spin on requests that fail. The result is on the page's root element too,
//! `data-absent-capabilities` (the tests read it).

use crate::platform::jmap_client::JmapClient;
use leptos::prelude::*;
use std::time::Duration;

/// How long after signing in the server is asked.
const AFTER: Duration = Duration::from_secs(2);

/// What the signed-in session knows of the server's capabilities (provided by the shell).
#[derive(Clone, Copy)]
pub struct Capabilities {
    /// The listed capabilities found absent; `None` until the server answered.
    absent: RwSignal<Option<Vec<&'static str>>>,
}

impl Capabilities {
    /// Whether the session lists `capability` but the server did not answer its methods
    /// (`false` too while that is being asked, or when it could not be). Not reactive.
    pub fn is_absent(&self, capability: &str) -> bool {
        self.absent.try_with_untracked(|a| a.as_ref().is_some_and(|a| a.contains(&capability))).unwrap_or(false)
    }
}

/// Asks the server, for the life of the calling component (the signed-in shell), and provides
/// the answer.
pub fn provide_capabilities(client: JmapClient) {
    let capabilities = Capabilities { absent: RwSignal::new(None) };
    provide_context(capabilities);
    leptos::task::spawn_local(async move {
        crate::platform::push::sleep(AFTER).await;
        let absent = match facteur_jmap::probe::request(client.session()) {
            None => Vec::new(),
            Some((request, probed)) => match client.send(&request).await {
                Ok(response) => facteur_jmap::probe::absent(&response, &probed),
                // Not known: asked again at the next sign-in.
                Err(_) => return,
            },
        };
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-absent-capabilities", &absent.join(" "));
        }
        let _ = capabilities.absent.try_set(Some(absent));
    });
}
