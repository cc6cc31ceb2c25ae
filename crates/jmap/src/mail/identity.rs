//! Identity (RFC 8621 §6).

use super::EmailAddress;
use crate::method::{JmapObject, NoArgs};
use serde::{Deserialize, Serialize};

/// An identity the user may send as.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    /// Id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Address.
    pub email: String,
    /// Reply-To.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<Vec<EmailAddress>>,
    /// Bcc.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bcc: Option<Vec<EmailAddress>>,
    /// Plain-text signature.
    #[serde(default)]
    pub text_signature: String,
    /// HTML signature.
    #[serde(default)]
    pub html_signature: String,
    /// May be deleted.
    #[serde(default)]
    pub may_delete: bool,
}

impl JmapObject for Identity {
    const NAME: &'static str = "Identity";
    const CAPABILITIES: &'static [&'static str] = &[crate::MAIL, crate::SUBMISSION];
    type Filter = NoArgs;
    type GetArgs = NoArgs;
    type QueryArgs = NoArgs;
}
