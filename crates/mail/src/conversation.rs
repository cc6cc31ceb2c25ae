//! A conversation as the reading pane shows it: its messages, oldest first, each with
//! headers, body text (or HTML to sanitise), and attachments.

use chrono::{DateTime, Utc};
use facteur_jmap::{Email, EmailAddress, EmailBodyPart};
use facteur_kit::dates::parse_utc;
use serde::{Deserialize, Serialize};

/// A person in a header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Display name, if any.
    pub name: Option<String>,
    /// Address.
    pub email: String,
}

impl Person {
    /// The name, else the address.
    pub fn label(&self) -> &str {
        self.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or(&self.email)
    }
}

/// A file attached to a message (or an inline image).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Blob to download.
    pub blob_id: String,
    /// File name (a generic one when the part has none).
    pub name: String,
    /// Media type.
    pub media_type: String,
    /// Size in octets.
    pub size: u64,
    /// Content-Id, for `cid:` references in HTML.
    pub cid: Option<String>,
    /// Shown inside the HTML (referenced by cid), not listed as a file.
    pub inline: bool,
}

impl Attachment {
    /// Whether the browser can preview it as an image.
    pub fn is_image(&self) -> bool {
        matches!(self.media_type.as_str(), "image/png" | "image/jpeg" | "image/gif" | "image/webp")
    }
}

/// The body of a message, as the server decoded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Body {
    /// Plain text.
    Text(String),
    /// HTML, untrusted: must be sanitised before display. `text` is the text alternative,
    /// if the message has one.
    Html {
        /// The HTML.
        html: String,
        /// The text/plain alternative.
        text: Option<String>,
    },
    /// No displayable body.
    Empty,
}

/// One message of a conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationMessage {
    /// Email id.
    pub id: String,
    /// Subject.
    pub subject: Option<String>,
    /// From.
    pub from: Vec<Person>,
    /// To.
    pub to: Vec<Person>,
    /// Cc.
    pub cc: Vec<Person>,
    /// Reply-To.
    pub reply_to: Vec<Person>,
    /// Date header, else arrival.
    pub date: DateTime<Utc>,
    /// Preview (for collapsed messages).
    pub preview: String,
    /// Not `$seen`.
    pub unread: bool,
    /// `$flagged`.
    pub flagged: bool,
    /// The body.
    pub body: Body,
    /// The body was cut by the server (very long message).
    pub truncated: bool,
    /// Files.
    pub attachments: Vec<Attachment>,
    /// The mailboxes it is in.
    pub mailbox_ids: Vec<String>,
    /// The user's labels (keywords that are not system keywords), sorted by name.
    #[serde(default)]
    pub labels: Vec<String>,
}

impl ConversationMessage {
    /// Attachments shown as files (not inline images).
    pub fn files(&self) -> impl Iterator<Item = &Attachment> {
        self.attachments.iter().filter(|a| !a.inline)
    }

    /// The message as a row of the store (`crate::records`), for an open conversation whose
    /// messages the store does not hold yet (those of other folders): its read state, flag and
    /// labels are then read from the store, with the pending changes, and kept current by the
    /// sync engine. Its date is the one shown here (the `Date` header, else arrival).
    ///
    /// ```
    /// use facteur_mail::conversation::{Body, ConversationMessage, Person};
    /// let message = ConversationMessage {
    ///     id: "M2".into(), subject: Some("Conseil de classe".into()),
    ///     from: vec![Person { name: Some("Sophie Aubert".into()), email: "sophie@ac-cevennes.fr".into() }],
    ///     to: vec![], cc: vec![], reply_to: vec![], date: chrono::DateTime::UNIX_EPOCH, preview: "Bonjour".into(),
    ///     unread: true, flagged: false, body: Body::Text("Bonjour".into()), truncated: false, attachments: vec![],
    ///     mailbox_ids: vec!["inbox".into()], labels: vec!["urgent".into()],
    /// };
    /// let row = message.as_row("T1", 3);
    /// assert_eq!((row.sender.as_deref(), row.thread_id.as_str(), row.thread_size), (Some("Sophie Aubert"), "T1", 3));
    /// assert!(row.unread && !row.has_attachment && row.labels == ["urgent"]);
    /// ```
    pub fn as_row(&self, thread_id: &str, thread_size: usize) -> crate::message::MessageSummary {
        crate::message::MessageSummary {
            id: self.id.clone(),
            thread_id: thread_id.to_string(),
            sender: self.from.first().map(|p| p.label().to_string()),
            subject: self.subject.clone().filter(|s| !s.trim().is_empty()),
            preview: self.preview.clone(),
            received_at: self.date,
            unread: self.unread,
            flagged: self.flagged,
            has_attachment: self.files().next().is_some(),
            labels: self.labels.clone(),
            mailbox_ids: self.mailbox_ids.clone(),
            thread_size,
        }
    }
}

fn people(list: &Option<Vec<EmailAddress>>) -> Vec<Person> {
    list.iter()
        .flatten()
        .filter_map(|a| Some(Person { name: a.name.clone().filter(|n| !n.trim().is_empty()), email: a.email.clone()? }))
        .collect()
}

fn part_text(email: &Email, part: &EmailBodyPart) -> Option<(String, bool)> {
    let value = email.body_values.as_ref()?.get(part.part_id.as_deref()?)?;
    Some((value.value.clone(), value.is_truncated))
}

fn joined(email: &Email, parts: &Option<Vec<EmailBodyPart>>, media_type: &str) -> Option<(String, bool)> {
    let mut text = String::new();
    let mut truncated = false;
    let mut any = false;
    for part in parts.iter().flatten().filter(|p| p.media_type.as_deref() == Some(media_type)) {
        if let Some((value, cut)) = part_text(email, part) {
            if any {
                text.push_str(if media_type == "text/html" { "<hr>" } else { "\n\n" });
            }
            text.push_str(&value);
            truncated |= cut;
            any = true;
        }
    }
    any.then_some((text, truncated))
}

/// Reads one message of an `Email/get` asked with [`crate::requests::conversation`].
pub fn message_from(email: &Email) -> ConversationMessage {
    let html = joined(email, &email.html_body, "text/html");
    let text = joined(email, &email.text_body, "text/plain");
    let truncated = html.as_ref().is_some_and(|h| h.1) || text.as_ref().is_some_and(|t| t.1);
    let body = match (html, text) {
        (Some((html, _)), text) => Body::Html { html, text: text.map(|t| t.0) },
        (None, Some((text, _))) => Body::Text(text),
        (None, None) => Body::Empty,
    };
    let html_cids: Vec<&str> = match &body {
        Body::Html { html, .. } => vec![html.as_str()],
        _ => vec![],
    };
    let attachments = email
        .attachments
        .iter()
        .flatten()
        .filter_map(|part| {
            let cid = part.cid.clone();
            let inline = cid.as_deref().is_some_and(|c| html_cids.iter().any(|h| h.contains(&format!("cid:{c}"))));
            Some(Attachment {
                blob_id: part.blob_id.clone()?,
                name: part.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| default_name(part)),
                media_type: part.media_type.clone().unwrap_or_else(|| "application/octet-stream".into()),
                size: part.size.unwrap_or(0),
                cid,
                inline,
            })
        })
        .collect();
    let date = email
        .sent_at
        .as_deref()
        .and_then(parse_utc)
        .or_else(|| email.received_at.as_deref().and_then(parse_utc))
        .unwrap_or_default();
    ConversationMessage {
        id: email.id.clone().unwrap_or_default(),
        subject: email.subject.clone().filter(|s| !s.trim().is_empty()),
        from: people(&email.from),
        to: people(&email.to),
        cc: people(&email.cc),
        reply_to: people(&email.reply_to),
        date,
        preview: email.preview.clone().unwrap_or_default(),
        unread: !email.has_keyword("$seen"),
        flagged: email.has_keyword("$flagged"),
        body,
        truncated,
        attachments,
        labels: email.keywords.as_ref().map(crate::labels::labels_of).unwrap_or_default(),
        mailbox_ids: email.mailbox_ids.iter().flatten().filter(|(_, on)| **on).map(|(id, _)| id.clone()).collect(),
    }
}

fn default_name(part: &EmailBodyPart) -> String {
    let ext = match part.media_type.as_deref() {
        Some("text/calendar") => "ics",
        Some("application/pdf") => "pdf",
        Some("image/png") => "png",
        Some("image/jpeg") => "jpg",
        Some("message/rfc822") => "eml",
        _ => "bin",
    };
    format!("piece-jointe.{ext}")
}
