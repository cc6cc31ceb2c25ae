//! Thread (RFC 8621 §3).

use crate::method::{JmapObject, NoArgs};
use serde::{Deserialize, Serialize};

/// A conversation: its messages' ids, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thread {
    /// Thread id.
    pub id: String,
    /// Email ids, sorted by receivedAt, oldest first.
    #[serde(default)]
    pub email_ids: Vec<String>,
}

impl JmapObject for Thread {
    const NAME: &'static str = "Thread";
    const CAPABILITIES: &'static [&'static str] = super::MAIL_CAPABILITIES;
    type Filter = NoArgs;
    type GetArgs = NoArgs;
    type QueryArgs = NoArgs;
}
