//! Email (RFC 8621 §4).

use crate::method::{JmapObject, SortProperty};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An email address with an optional display name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailAddress {
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The address (may be absent for groups or broken headers).
    #[serde(default)]
    pub email: Option<String>,
}

/// A raw header field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailHeader {
    /// Field name as written.
    pub name: String,
    /// Raw value.
    pub value: String,
}

/// A MIME part (`bodyStructure`, `textBody`, `htmlBody`, `attachments`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailBodyPart {
    /// Part id (leaf parts), key of `bodyValues`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_id: Option<String>,
    /// Blob of the decoded content (leaf parts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob_id: Option<String>,
    /// Decoded size in octets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Header fields of the part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Vec<EmailHeader>>,
    /// File name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Media type (`text/plain`…).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Charset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charset: Option<String>,
    /// `inline` or `attachment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposition: Option<String>,
    /// Content-Id without angle brackets (for `cid:` references).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<String>,
    /// Content-Language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Vec<String>>,
    /// Content-Location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Children of a multipart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_parts: Option<Vec<EmailBodyPart>>,
}

/// The decoded text of a body part.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailBodyValue {
    /// The text.
    pub value: String,
    /// Part of it could not be decoded.
    #[serde(default)]
    pub is_encoding_problem: bool,
    /// Cut at `maxBodyValueBytes`.
    #[serde(default)]
    pub is_truncated: bool,
}

/// An email. Every property is optional: `/get` returns those asked for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// Id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Blob of the raw message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob_id: Option<String>,
    /// Its conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// Mailbox id → true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailbox_ids: Option<HashMap<String, bool>>,
    /// Keyword → true (`$seen`, `$flagged`, `$answered`, `$draft`, `$junk`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keywords: Option<HashMap<String, bool>>,
    /// Raw size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// When it arrived (UTCDate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_at: Option<String>,
    /// Message-ID values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<Vec<String>>,
    /// In-Reply-To values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<Vec<String>>,
    /// References values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<String>>,
    /// Sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<Vec<EmailAddress>>,
    /// From.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Vec<EmailAddress>>,
    /// To.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Vec<EmailAddress>>,
    /// Cc.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cc: Option<Vec<EmailAddress>>,
    /// Bcc.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bcc: Option<Vec<EmailAddress>>,
    /// Reply-To.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<Vec<EmailAddress>>,
    /// Subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Date header (Date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    /// Has an attachment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_attachment: Option<bool>,
    /// Start of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
    /// The MIME tree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_structure: Option<EmailBodyPart>,
    /// Part id → decoded text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_values: Option<HashMap<String, EmailBodyValue>>,
    /// Parts to show as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_body: Option<Vec<EmailBodyPart>>,
    /// Parts to show as HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html_body: Option<Vec<EmailBodyPart>>,
    /// Attachments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<EmailBodyPart>>,
    /// All header fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Vec<EmailHeader>>,
    /// Parsed header properties asked for by name (`header:List-Id:asText`…).
    #[serde(flatten)]
    pub header_properties: HashMap<String, serde_json::Value>,
}

impl Email {
    /// Whether a keyword is set.
    pub fn has_keyword(&self, keyword: &str) -> bool {
        self.keywords.as_ref().is_some_and(|k| k.get(keyword).copied().unwrap_or(false))
    }
}

/// Email/get's extra arguments (RFC 8621 §4.2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BodyProperties {
    /// Properties of each body part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_properties: Option<Vec<String>>,
    /// Fetch `bodyValues` of `textBody` parts.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fetch_text_body_values: bool,
    /// Fetch `bodyValues` of `htmlBody` parts.
    #[serde(rename = "fetchHTMLBodyValues", skip_serializing_if = "std::ops::Not::not")]
    pub fetch_html_body_values: bool,
    /// Fetch every text part's value.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fetch_all_body_values: bool,
    /// Truncate values to this many octets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_body_value_bytes: Option<u64>,
}

/// Email/query's extra arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailQueryArgs {
    /// One result per thread.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub collapse_threads: bool,
}

/// Email/query filter condition (RFC 8621 §4.4.1).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailFilter {
    /// In this mailbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_mailbox: Option<String>,
    /// In none of these mailboxes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_mailbox_other_than: Option<Vec<String>>,
    /// Received before (UTCDate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Received at or after (UTCDate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Size at least.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_size: Option<u64>,
    /// Size below.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u64>,
    /// Every message of the thread has the keyword.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_in_thread_have_keyword: Option<String>,
    /// Some message of the thread has the keyword.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub some_in_thread_have_keyword: Option<String>,
    /// No message of the thread has the keyword.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub none_in_thread_have_keyword: Option<String>,
    /// Has the keyword.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_keyword: Option<String>,
    /// Lacks the keyword.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_keyword: Option<String>,
    /// Has an attachment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_attachment: Option<bool>,
    /// Full text: headers and bodies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// From contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// To contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Cc contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cc: Option<String>,
    /// Bcc contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bcc: Option<String>,
    /// Subject contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Body contains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// `[name]` (has the header) or `[name, value]` (contains).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<Vec<String>>,
}

impl JmapObject for Email {
    const NAME: &'static str = "Email";
    const CAPABILITIES: &'static [&'static str] = super::MAIL_CAPABILITIES;
    type Filter = EmailFilter;
    type GetArgs = BodyProperties;
    type QueryArgs = EmailQueryArgs;
}

/// Email/query sort properties (RFC 8621 §4.4.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailSort {
    /// Arrival date.
    ReceivedAt,
    /// Size.
    Size,
    /// First From address.
    From,
    /// First To address.
    To,
    /// Subject, without `Re:` prefixes.
    Subject,
    /// Date header.
    SentAt,
    /// Whether the email has the keyword.
    HasKeyword(String),
    /// Whether every email of its thread has the keyword.
    AllInThreadHaveKeyword(String),
    /// Whether some email of its thread has the keyword.
    SomeInThreadHaveKeyword(String),
}

impl SortProperty for EmailSort {
    fn property(&self) -> &str {
        match self {
            EmailSort::ReceivedAt => "receivedAt",
            EmailSort::Size => "size",
            EmailSort::From => "from",
            EmailSort::To => "to",
            EmailSort::Subject => "subject",
            EmailSort::SentAt => "sentAt",
            EmailSort::HasKeyword(_) => "hasKeyword",
            EmailSort::AllInThreadHaveKeyword(_) => "allInThreadHaveKeyword",
            EmailSort::SomeInThreadHaveKeyword(_) => "someInThreadHaveKeyword",
        }
    }
    fn keyword(&self) -> Option<&str> {
        match self {
            EmailSort::HasKeyword(k) | EmailSort::AllInThreadHaveKeyword(k) | EmailSort::SomeInThreadHaveKeyword(k) => {
                Some(k)
            }
            _ => None,
        }
    }
}
