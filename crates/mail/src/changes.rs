//! The changes the mail area makes to messages, as the pending changes of the store
//! (`facteur_kit::pending`) queue them: the JMAP patch of a keyword (`$seen`, `$flagged`, a
//! label), of a move from one folder to another with the keywords it sets (`$junk` when
//! reporting spam), and of the way back that "Annuler" queues. One patch per message; the store
//! sends them with the next round of the sync engine, at most `maxObjectsInSet` per `Email/set`.
//!
//! ```
//! use facteur_mail::changes::{keyword_patch, move_back_patch, move_patch};
//! use serde_json::json;
//!
//! assert_eq!(serde_json::to_value(keyword_patch("$seen", true)).unwrap(), json!({"keywords/$seen": true}));
//! assert_eq!(serde_json::to_value(keyword_patch("$flagged", false)).unwrap(), json!({"keywords/$flagged": null}));
//! let junk = [("$junk", true), ("$notjunk", false)];
//! assert_eq!(
//!     serde_json::to_value(move_patch("inbox", "junk", &junk)).unwrap(),
//!     json!({"mailboxIds/inbox": null, "mailboxIds/junk": true, "keywords/$junk": true, "keywords/$notjunk": null})
//! );
//! // "Annuler": back to the inbox, the keywords the move set cleared again.
//! assert_eq!(
//!     serde_json::to_value(move_back_patch("inbox", "junk", &junk)).unwrap(),
//!     json!({"mailboxIds/junk": null, "mailboxIds/inbox": true, "keywords/$junk": null, "keywords/$notjunk": true})
//! );
//! ```

use facteur_jmap::PatchObject;
use serde_json::Value;

fn on_or_null(on: bool) -> Value {
    if on {
        Value::Bool(true)
    } else {
        Value::Null
    }
}

/// Sets (`true`) or clears a keyword. The keyword goes in the patch's path as it is: keywords
/// have no `/` or `~` (RFC 8621 §4.1.1), so it needs no escaping.
pub fn keyword_patch(keyword: &str, on: bool) -> PatchObject {
    let mut patch = PatchObject::new();
    patch.insert(format!("keywords/{keyword}"), on_or_null(on));
    patch
}

/// Moves a message out of `from` into `to` (the other folders it is in are kept) and sets or
/// clears `keywords` at the same time.
pub fn move_patch(from: &str, to: &str, keywords: &[(&str, bool)]) -> PatchObject {
    let mut patch = PatchObject::new();
    if from != to {
        patch.insert(format!("mailboxIds/{from}"), Value::Null);
        patch.insert(format!("mailboxIds/{to}"), Value::Bool(true));
    }
    for (keyword, on) in keywords {
        patch.insert(format!("keywords/{keyword}"), on_or_null(*on));
    }
    patch
}

/// The way back of [`move_patch`]: from `to` into `from`, each keyword set the other way.
pub fn move_back_patch(from: &str, to: &str, keywords: &[(&str, bool)]) -> PatchObject {
    let back: Vec<(&str, bool)> = keywords.iter().map(|(k, on)| (*k, !on)).collect();
    move_patch(to, from, &back)
}
