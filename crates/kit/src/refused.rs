//! Why the server refused a change (a `SetError` of any `/set`, RFC 8620 §5.3), by kind, so
//! that every area puts it in words the same way.

/// Why the server refused (part of) a change, in the user's terms: the screens put
/// each kind in words in the user's language, never the server's English.
///
/// ```
/// use facteur_jmap::SetError;
/// use facteur_kit::refused::SetRefused;
///
/// let error: SetError = serde_json::from_str(r#"{"type": "forbidden", "description": "no rights"}"#).unwrap();
/// assert_eq!(SetRefused::from_set_error(&error), SetRefused::Forbidden);
/// let error: SetError = serde_json::from_str(r#"{"type": "overQuota"}"#).unwrap();
/// assert_eq!(SetRefused::from_set_error(&error), SetRefused::OverQuota);
/// let error: SetError = serde_json::from_str(r#"{"type": "invalidPatch", "description": "bad"}"#).unwrap();
/// assert_eq!(SetRefused::from_set_error(&error), SetRefused::Other("invalidPatch: bad".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetRefused {
    /// Not allowed: the user lacks the rights on a folder (`forbidden`).
    #[error("forbidden")]
    Forbidden,
    /// The mailbox is full (`overQuota`).
    #[error("overQuota")]
    OverQuota,
    /// The message or a folder no longer exists (`notFound`).
    #[error("notFound")]
    NotFound,
    /// Too many changes at once (`rateLimit`, `tooLarge`).
    #[error("rateLimit")]
    TooMany,
    /// Any other refusal: its type and the server's words (shown only as a detail).
    #[error("{0}")]
    Other(String),
    /// The answer to the change could not be read.
    #[error("{0}")]
    Unreadable(String),
}

impl SetRefused {
    /// Reads one `SetError` of a `/set` (RFC 8620 §5.3).
    pub fn from_set_error(error: &facteur_jmap::SetError) -> SetRefused {
        match error.error_type.as_str() {
            "forbidden" => SetRefused::Forbidden,
            "overQuota" => SetRefused::OverQuota,
            "notFound" => SetRefused::NotFound,
            "rateLimit" | "tooLarge" => SetRefused::TooMany,
            other => SetRefused::Other(match &error.description {
                Some(d) => format!("{other}: {d}"),
                None => other.to_string(),
            }),
        }
    }
}
