//! The JMAP requests of the composer, built and read here: the identities, the original of an
//! answer, saving a draft (the new version created and the previous one destroyed in the same
//! `Email/set`), and sending (the final `Email/set`, then `EmailSubmission/set` with
//! `onSuccessUpdateEmail` moving it from Drafts to Sent and clearing `$draft`, and the original
//! marked `$answered` or `$forwarded`, in one request). A send is checked first against Sent by
//! the draft's Message-ID, so that a retry never sends twice.

use crate::draft::{Draft, DraftAttachment, Origin};
use crate::reply::{Original, SenderIdentity};
use chrono::{DateTime, FixedOffset};
use facteur_jmap::{
    BodyProperties, CallHandle, Email, EmailBodyPart, EmailBodyValue, EmailFilter, EmailGet, EmailQuery, EmailSet,
    EmailSubmission, EmailSubmissionSet, Filter, IdentityGet, Method, PatchObject, Request, RequestBuilder, Response,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// The folders a draft lives in and goes to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mailboxes {
    /// The Drafts folder's id.
    pub drafts: String,
    /// The Sent folder's id.
    pub sent: String,
}

/// The `Email` object a draft is saved as: in Drafts, `$draft` and `$seen`, From, To, Cc, Bcc,
/// Subject, Message-ID, In-Reply-To, References, and the body: `text/plain` (the Markdown
/// source, with the signature) alone when `plain_text`, else `multipart/alternative` of that
/// text and the rendered HTML; with files, `multipart/mixed` of that and each file
/// (inline images with their `cid` under `multipart/related` with the HTML).
///
/// Written for `Email/set` create (RFC 8621 §4.6): `bodyStructure` whose text leaves name
/// their `partId` in `bodyValues` (`text`, `html`) and whose files name their `blobId`, with
/// `type`, `name`, `disposition` (`attachment`, or `inline` with the `cid`). No `charset` and
/// no `size` on a part with a `partId`: the RFC forbids them there and Cyrus refuses the email
/// (the server writes the text as UTF-8). Nothing empty is sent: no subject, Cc, Bcc,
/// In-Reply-To or References key when there are none, no From without an identity, and no
/// `sentAt` (the server dates it). Message ids lose any angle brackets left on them. In plain
/// text, inline images go as files.
pub fn draft_email(draft: &Draft, mailboxes: &Mailboxes) -> Email {
    let addresses = |people: &[crate::address::Recipient]| {
        (!people.is_empty()).then(|| people.iter().map(|r| r.to_jmap()).collect::<Vec<_>>())
    };
    let ids = |ids: &[String]| {
        let ids: Vec<String> = ids.iter().map(|id| bare_id(id)).filter(|id| !id.is_empty()).collect();
        (!ids.is_empty()).then_some(ids)
    };
    let inline_images = !draft.plain_text;
    let (inline, files): (Vec<&DraftAttachment>, Vec<&DraftAttachment>) =
        draft.attachments.iter().partition(|a| inline_images && a.cid.is_some());
    let mut values = HashMap::from([(TEXT_PART.to_string(), body_value(draft.body.clone()))]);
    let text = leaf(TEXT_PART, "text/plain");
    let body = if draft.plain_text {
        text
    } else {
        values.insert(HTML_PART.to_string(), body_value(crate::markdown::to_html(&draft.body)));
        let mut html = leaf(HTML_PART, "text/html");
        if !inline.is_empty() {
            let parts = std::iter::once(html).chain(inline.iter().map(|a| file_part(a, true))).collect();
            html = multipart("related", parts);
        }
        multipart("alternative", vec![text, html])
    };
    let root = if files.is_empty() {
        body
    } else {
        multipart("mixed", std::iter::once(body).chain(files.iter().map(|a| file_part(a, false))).collect())
    };
    Email {
        mailbox_ids: Some(HashMap::from([(mailboxes.drafts.clone(), true)])),
        keywords: Some(HashMap::from([("$draft".to_string(), true), ("$seen".to_string(), true)])),
        from: draft.from.as_ref().map(|from| vec![from.to_jmap()]),
        to: addresses(&draft.to),
        cc: addresses(&draft.cc),
        bcc: addresses(&draft.bcc),
        subject: Some(draft.subject.trim().to_string()).filter(|s| !s.is_empty()),
        message_id: ids(std::slice::from_ref(&draft.message_id)),
        in_reply_to: ids(&draft.in_reply_to),
        references: ids(&draft.references),
        body_structure: Some(root),
        body_values: Some(values),
        ..Email::default()
    }
}

/// Saving: `Email/set` creating the draft's new version (creation id `draft`) and destroying
/// the previous one (`draft.email_id`) in the same call.
pub fn save_request(account_id: &str, draft: &Draft, mailboxes: &Mailboxes) -> (Request, SaveHandle) {
    let mut set = EmailSet::new(account_id).create(DRAFT, draft_email(draft, mailboxes));
    if let Some(previous) = &draft.email_id {
        set = set.destroy([previous.as_str()]);
    }
    let mut builder = RequestBuilder::new();
    let call = builder.call(set);
    (builder.build(), SaveHandle(call))
}

/// Reads a save: the new email id, or why it failed (the refusal of the creation by kind, as
/// [`read_send`] reads them; a method error as [`SendFailure::Server`]).
pub fn read_save(response: &Response, handle: &SaveHandle) -> Result<String, SendFailure> {
    let got = response.get(&handle.0).map_err(server)?;
    created_id(&got, DRAFT)
}

/// Before a send: `Email/query` in Sent for the draft's Message-ID (`header: ["Message-ID", "<id>"]`).
pub fn already_sent_request(account_id: &str, draft: &Draft, mailboxes: &Mailboxes) -> (Request, SentCheckHandle) {
    let filter = EmailFilter {
        in_mailbox: Some(mailboxes.sent.clone()),
        header: Some(vec!["Message-ID".into(), format!("<{}>", bare_id(&draft.message_id))]),
        ..EmailFilter::default()
    };
    let mut builder = RequestBuilder::new();
    let call = builder.call(EmailQuery::new(account_id).filter(Filter::Condition(filter)).limit(1));
    (builder.build(), SentCheckHandle(call))
}

/// Whether the Message-ID is already in Sent (its email id).
pub fn read_already_sent(response: &Response, handle: &SentCheckHandle) -> Result<Option<String>, SendFailure> {
    let got = response.get(&handle.0).map_err(server)?;
    Ok(got.ids.into_iter().next())
}

/// Sending, in one request: `Email/set` (create the final version, destroy the previous
/// draft; the original's `$answered`/`$forwarded` set as an update in the same call), then
/// `EmailSubmission/set` creating the submission of `#draft` as `draft.identity_id`, with
/// `onSuccessUpdateEmail` on it: out of Drafts, into Sent, `$draft` cleared.
pub fn send_request(account_id: &str, draft: &Draft, mailboxes: &Mailboxes) -> (Request, SendHandle) {
    let mut set = EmailSet::new(account_id).create(DRAFT, draft_email(draft, mailboxes));
    if let Some(previous) = &draft.email_id {
        set = set.destroy([previous.as_str()]);
    }
    let keyword = match draft.origin {
        Origin::Reply => Some("keywords/$answered"),
        Origin::Forward => Some("keywords/$forwarded"),
        Origin::New => None,
    };
    if let (Some(keyword), Some(original)) = (keyword, &draft.original_id) {
        set = set.update(original, PatchObject::from_iter([(keyword.to_string(), Value::Bool(true))]));
    }
    let sent = PatchObject::from_iter([
        (format!("mailboxIds/{}", mailboxes.drafts), Value::Null),
        (format!("mailboxIds/{}", mailboxes.sent), Value::Bool(true)),
        ("keywords/$draft".to_string(), Value::Null),
    ]);
    let identity = draft.identity_id.as_deref().unwrap_or_default();
    let submission = EmailSubmissionSet::new(account_id)
        .create(SEND, EmailSubmission::new(identity, &format!("#{DRAFT}")))
        .arg("onSuccessUpdateEmail", serde_json::json!({ format!("#{SEND}"): sent }));
    let mut builder = RequestBuilder::new();
    let email = builder.call(set);
    let submission = builder.call(SubmissionSet(submission));
    (builder.build(), SendHandle { email, submission })
}

/// Reads a send: the sent email's id, or why it failed. When the submission was refused the
/// email created stays a draft: its id is in the failure so that the next try replaces it.
///
/// A refusal by kind (RFC 8621 §7.5, RFC 8620 §5.3): `invalidRecipients` (with the addresses
/// of its `invalidRecipients`), `overQuota`, `tooLarge`, `tooManyRecipients`, `forbiddenToSend`,
/// `forbiddenFrom` and `forbiddenMailFrom` ([`SendFailure::CannotSend`] with the description,
/// else the type), anything else [`SendFailure::Server`]. The email refused (or its call
/// failed) comes back as is; the submission refused, or its call failed, as
/// [`SendFailure::Refused`] with the email created.
pub fn read_send(response: &Response, handle: &SendHandle) -> Result<String, SendFailure> {
    let got = response.get(&handle.email).map_err(server)?;
    let email_id = created_id(&got, DRAFT)?;
    let refused = |reason| SendFailure::Refused { draft_id: Some(email_id.clone()), reason: Box::new(reason) };
    let submission = response.get(&handle.submission).map_err(|e| refused(server(e)))?;
    if submission.created.as_ref().is_some_and(|c| c.contains_key(SEND)) {
        return Ok(email_id);
    }
    let reason = match submission.not_created.as_ref().and_then(|n| n.get(SEND)) {
        Some(error) => failure(&error.error_type, error.description.as_deref(), error.invalid_recipients.as_deref()),
        None => SendFailure::Server("the submission was neither created nor refused".into()),
    };
    Err(refused(reason))
}

/// The identities: `Identity/get`.
pub fn identities_request(account_id: &str) -> (Request, IdentitiesHandle) {
    let mut builder = RequestBuilder::new();
    let call = builder.call(IdentityGet::new(account_id));
    (builder.build(), IdentitiesHandle(call))
}

/// Reads the identities (signature: the text one, else the HTML one as text).
///
/// The HTML one through [`html_to_text`]; either without a `-- ` line of its own at the start
/// nor trailing blank lines (the draft adds the separator). An empty name is none.
pub fn read_identities(response: &Response, handle: &IdentitiesHandle) -> Result<Vec<SenderIdentity>, SendFailure> {
    let got = response.get(&handle.0).map_err(server)?;
    Ok(got
        .list
        .into_iter()
        .filter_map(|identity| {
            let signature = if identity.text_signature.trim().is_empty() {
                html_to_text(&identity.html_signature)
            } else {
                identity.text_signature.clone()
            };
            Some(SenderIdentity {
                id: identity.id?,
                sender: crate::address::Recipient::new(Some(&identity.name), &identity.email),
                signature: crate::draft::clean_signature(&signature),
            })
        })
        .collect())
}

/// The original of an answer: `Email/get` of its id with [`crate::reply::ORIGINAL_PROPERTIES`].
pub fn original_request(account_id: &str, email_id: &str) -> (Request, OriginalHandle) {
    let get = EmailGet::new(account_id)
        .ids([email_id])
        .properties(crate::reply::ORIGINAL_PROPERTIES)
        .extra(BodyProperties { fetch_text_body_values: true, ..BodyProperties::default() });
    let mut builder = RequestBuilder::new();
    let call = builder.call(get);
    (builder.build(), OriginalHandle(call))
}

/// Reads the original; `offset_minutes` turns its date into the user's local time.
///
/// `offset_minutes` is east of UTC (Paris in winter: 60). The date is `sentAt` with its own
/// offset, else `receivedAt`; the text, the `textBody` parts' values in order (an HTML one as
/// text, images skipped); the files, the `attachments` with a blob (a missing type is
/// `application/octet-stream`). A message not found is [`SendFailure::Server`].
pub fn read_original(
    response: &Response,
    handle: &OriginalHandle,
    offset_minutes: i32,
) -> Result<Original, SendFailure> {
    let got = response.get(&handle.0).map_err(server)?;
    let email = got.list.into_iter().next().ok_or_else(|| SendFailure::Server("the message is gone".into()))?;
    let people = |list: &Option<Vec<facteur_jmap::EmailAddress>>| {
        list.iter().flatten().filter_map(crate::address::Recipient::from_jmap).collect::<Vec<_>>()
    };
    let offset = FixedOffset::east_opt(offset_minutes.saturating_mul(60)).unwrap_or(FixedOffset::east_opt(0).unwrap());
    let sent_at = [&email.sent_at, &email.received_at]
        .into_iter()
        .flatten()
        .find_map(|date| DateTime::parse_from_rfc3339(date).ok())
        .map(|at| at.with_timezone(&offset).naive_local())
        .unwrap_or_default();
    let values = email.body_values.as_ref();
    let texts: Vec<String> = email
        .text_body
        .iter()
        .flatten()
        .filter_map(|part| {
            let value = &values?.get(part.part_id.as_deref()?)?.value;
            match part.media_type.as_deref().map(str::to_ascii_lowercase).as_deref() {
                Some("text/html") => Some(html_to_text(value)),
                Some(t) if !t.starts_with("text/") => None,
                _ => Some(value.replace("\r\n", "\n")),
            }
        })
        .collect();
    let attachments = email
        .attachments
        .iter()
        .flatten()
        .filter_map(|part| {
            Some(DraftAttachment {
                blob_id: part.blob_id.clone()?,
                name: part.name.clone().unwrap_or_default(),
                media_type: part.media_type.clone().unwrap_or_else(|| OCTET_STREAM.into()),
                size: part.size.unwrap_or(0),
                cid: part.cid.clone(),
            })
        })
        .collect();
    Ok(Original {
        id: email.id.clone().unwrap_or_default(),
        message_id: email.message_id.clone().unwrap_or_default(),
        references: email.references.clone().unwrap_or_default(),
        in_reply_to: email.in_reply_to.clone().unwrap_or_default(),
        subject: email.subject.clone().unwrap_or_default(),
        from: people(&email.from),
        to: people(&email.to),
        cc: people(&email.cc),
        reply_to: people(&email.reply_to),
        sent_at,
        text: texts.join("\n"),
        attachments,
        blob_id: email.blob_id.clone().unwrap_or_default(),
        size: email.size.unwrap_or(0),
    })
}

/// Why saving or sending failed, by kind; the app says each in words and keeps the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendFailure {
    /// The server refused a recipient (the addresses it named).
    RecipientRefused(Vec<String>),
    /// The mailbox is full (`overQuota`).
    OverQuota,
    /// The message is too large for the server (`tooLarge`).
    TooLarge,
    /// Too many recipients for the server (`tooManyRecipients`).
    TooManyRecipients,
    /// The server cannot send now (`forbiddenToSend`, the MTA down…): the description it gave.
    CannotSend(String),
    /// The draft created for this send, when the submission was refused (kept as the draft's new version).
    Refused { draft_id: Option<String>, reason: Box<SendFailure> },
    /// Anything else the server said.
    Server(String),
}

/// Handle of a save request.
#[derive(Clone, Debug)]
pub struct SaveHandle(pub(crate) CallHandle<facteur_jmap::Set<Email>>);
/// Handle of a sent check.
#[derive(Clone, Debug)]
pub struct SentCheckHandle(pub(crate) CallHandle<facteur_jmap::Query<Email>>);
/// Handle of a send request.
#[derive(Clone, Debug)]
pub struct SendHandle {
    pub(crate) email: CallHandle<facteur_jmap::Set<Email>>,
    pub(crate) submission: CallHandle<SubmissionSet>,
}
/// Handle of an identities request.
#[derive(Clone, Debug)]
pub struct IdentitiesHandle(pub(crate) CallHandle<facteur_jmap::Get<facteur_jmap::Identity>>);
/// Handle of an original request.
#[derive(Clone, Debug)]
pub struct OriginalHandle(pub(crate) CallHandle<facteur_jmap::Get<Email>>);

/// The creation id of the email in a save or a send.
const DRAFT: &str = "draft";
/// The creation id of the submission.
const SEND: &str = "send";
/// The `bodyValues` keys of the two text parts.
const TEXT_PART: &str = "text";
const HTML_PART: &str = "html";
const OCTET_STREAM: &str = "application/octet-stream";

/// A leaf part whose content is in `bodyValues`. No `charset` (RFC 8621 §4.6: it MUST be
/// omitted with a `partId`; Cyrus refuses the email otherwise): the server writes UTF-8.
fn leaf(part_id: &str, media_type: &str) -> EmailBodyPart {
    EmailBodyPart { part_id: Some(part_id.into()), media_type: Some(media_type.into()), ..EmailBodyPart::default() }
}

/// A file by its blob: `inline` (with its `cid`, under `multipart/related`) or an attachment.
fn file_part(file: &DraftAttachment, inline: bool) -> EmailBodyPart {
    let media_type = if file.media_type.trim().is_empty() { OCTET_STREAM } else { file.media_type.trim() };
    EmailBodyPart {
        blob_id: Some(file.blob_id.clone()),
        media_type: Some(media_type.into()),
        name: Some(file.name.clone()).filter(|n| !n.is_empty()),
        disposition: Some(if inline { "inline" } else { "attachment" }.into()),
        cid: if inline { file.cid.clone() } else { None },
        ..EmailBodyPart::default()
    }
}

fn multipart(subtype: &str, parts: Vec<EmailBodyPart>) -> EmailBodyPart {
    EmailBodyPart {
        media_type: Some(format!("multipart/{subtype}")),
        sub_parts: Some(parts),
        ..EmailBodyPart::default()
    }
}

fn body_value(value: String) -> EmailBodyValue {
    EmailBodyValue { value, is_encoding_problem: false, is_truncated: false }
}

/// A message id without the angle brackets a user or a server may have left on it.
fn bare_id(id: &str) -> String {
    let id = id.trim();
    id.strip_prefix('<').and_then(|i| i.strip_suffix('>')).unwrap_or(id).to_string()
}

/// A method error, or a response without the call, as a failure.
fn server(error: facteur_jmap::Error) -> SendFailure {
    SendFailure::Server(error.to_string())
}

/// The id of the email created under `creation_id`, or why it was not.
fn created_id(got: &facteur_jmap::SetResponse<Email>, creation_id: &str) -> Result<String, SendFailure> {
    if let Some(id) = got.created.as_ref().and_then(|c| c.get(creation_id)).and_then(|e| e.id.clone()) {
        return Ok(id);
    }
    Err(match got.not_created.as_ref().and_then(|n| n.get(creation_id)) {
        Some(error) => failure(&error.error_type, error.description.as_deref(), None),
        None => SendFailure::Server("the email was neither created nor refused".into()),
    })
}

/// A refusal (RFC 8620 §5.3, RFC 8621 §7.5) by kind.
fn failure(error_type: &str, description: Option<&str>, invalid_recipients: Option<&[String]>) -> SendFailure {
    let description = || description.map_or_else(|| error_type.to_string(), String::from);
    match error_type {
        "invalidRecipients" => SendFailure::RecipientRefused(invalid_recipients.unwrap_or_default().to_vec()),
        "overQuota" => SendFailure::OverQuota,
        "tooLarge" => SendFailure::TooLarge,
        "tooManyRecipients" => SendFailure::TooManyRecipients,
        "forbiddenToSend" | "forbiddenFrom" | "forbiddenMailFrom" => SendFailure::CannotSend(description()),
        // The server could not hand it to its MTA (Cyrus with Postfix down: "Internal Error").
        "serverFail" | "serverUnavailable" => SendFailure::CannotSend(description()),
        _ => SendFailure::Server(description()),
    }
}

/// `EmailSubmission/set`, read with the properties RFC 8621 adds to its refusals
/// (`invalidRecipients`), which the generic [`facteur_jmap::SetError`] does not keep.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub(crate) struct SubmissionSet(EmailSubmissionSet);

impl Method for SubmissionSet {
    type Response = SubmissionSetResponse;
    fn name(&self) -> String {
        self.0.name()
    }
    fn capabilities(&self) -> &'static [&'static str] {
        self.0.capabilities()
    }
}

/// The answer to [`SubmissionSet`] (what the composer reads of it).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SubmissionSetResponse {
    /// Creation id → the submission's server-set properties.
    #[serde(default)]
    created: Option<HashMap<String, EmailSubmission>>,
    /// Creation id → why not.
    #[serde(default)]
    not_created: Option<HashMap<String, SubmissionError>>,
}

/// A refused submission (RFC 8621 §7.5).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SubmissionError {
    #[serde(rename = "type")]
    error_type: String,
    #[serde(default)]
    description: Option<String>,
    /// For `invalidRecipients`: the addresses refused.
    #[serde(default)]
    invalid_recipients: Option<Vec<String>>,
}

/// An HTML signature as text, crudely: line breaks for `<br>` and the ends of blocks, the
/// other tags dropped (and what `<style>`, `<script>` and comments hold), the usual entities
/// decoded, blank lines at most one in a row.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_collapsed(&mut text, &rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->").map_or("", |(_, after)| after);
            continue;
        }
        let Some(close) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = rest[1..close].trim_start();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        match name.as_str() {
            "style" | "script" | "head" | "title" if !closing => {
                let end = format!("</{name}");
                rest = match find_ignoring_case(rest, &end) {
                    Some(at) => rest[at..].split_once('>').map_or("", |(_, after)| after),
                    None => "",
                };
            }
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "ul" | "ol"
            | "blockquote" | "pre" | "hr" => text.push('\n'),
            _ => {}
        }
    }
    push_collapsed(&mut text, rest);
    let decoded = decode_entities(&text);
    let mut out = String::with_capacity(decoded.len());
    let mut blank = 0;
    for line in decoded.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 1 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Text between tags, its runs of white space (line breaks of the source too) as one space.
fn push_collapsed(out: &mut String, text: &str) {
    for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        if i > 0 && !out.ends_with(' ') && !out.ends_with('\n') {
            out.push(' ');
        }
        out.push_str(word);
    }
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&apos;` `&nbsp;` (as a space) and numeric references.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.get(1..).and_then(|r| r.split_once(';')).filter(|(name, _)| name.len() <= 8).and_then(
            |(name, after)| {
                let c = match name {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    "nbsp" => ' ',
                    _ => {
                        let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                            None => name.strip_prefix('#')?.parse().ok()?,
                        };
                        char::from_u32(code).map(|c| if c == '\u{a0}' { ' ' } else { c })?
                    }
                };
                Some((c, after))
            },
        );
        match decoded {
            Some((c, after)) => {
                out.push(c);
                rest = after;
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::Recipient;
    use serde_json::json;

    fn mailboxes() -> Mailboxes {
        Mailboxes { drafts: "mb-drafts".into(), sent: "mb-sent".into() }
    }

    fn pdf() -> DraftAttachment {
        DraftAttachment {
            blob_id: "B-pdf".into(),
            name: "Compte rendu.pdf".into(),
            media_type: "application/pdf".into(),
            size: 48_213,
            cid: None,
        }
    }

    fn logo() -> DraftAttachment {
        DraftAttachment {
            blob_id: "B-logo".into(),
            name: "logo.png".into(),
            media_type: "image/png".into(),
            size: 2_000,
            cid: Some("logo@facteur".into()),
        }
    }

    fn draft() -> Draft {
        let mut draft = Draft::new("local-1", "f81d4fae@clg-brassens.fr");
        draft.set_identity("I1", Recipient::new(Some("Sophie Aubert"), "sophie.aubert@ac-cevennes.fr"), "Sophie");
        draft.to = vec![Recipient::new(Some("Marc Duval"), "marc.duval@ac-cevennes.fr")];
        draft.subject = "Conseil de classe".into();
        draft.body.insert_str(0, "Bonjour **Marc**,");
        draft
    }

    fn response(json: Value) -> Response {
        serde_json::from_value(json).unwrap()
    }

    fn call(request: &Request, index: usize) -> Value {
        serde_json::to_value(request).unwrap()["methodCalls"][index].clone()
    }

    /// Every `null`, `[]` or `{}` in a JSON value, by path (what a create must not send).
    fn empties(value: &Value, path: &str, found: &mut Vec<String>) {
        match value {
            Value::Null => found.push(path.into()),
            Value::Array(items) if items.is_empty() => found.push(path.into()),
            Value::Object(map) if map.is_empty() => found.push(path.into()),
            Value::Array(items) => {
                items.iter().enumerate().for_each(|(i, v)| empties(v, &format!("{path}/{i}"), found))
            }
            Value::Object(map) => map.iter().for_each(|(k, v)| empties(v, &format!("{path}/{k}"), found)),
            _ => {}
        }
    }

    #[test]
    fn a_plain_text_draft_is_one_text_part_and_nothing_empty() {
        let mut draft = draft();
        draft.plain_text = true;
        let email = serde_json::to_value(draft_email(&draft, &mailboxes())).unwrap();
        assert_eq!(
            email,
            json!({
                "mailboxIds": {"mb-drafts": true},
                "keywords": {"$draft": true, "$seen": true},
                "messageId": ["f81d4fae@clg-brassens.fr"],
                "from": [{"name": "Sophie Aubert", "email": "sophie.aubert@ac-cevennes.fr"}],
                "to": [{"name": "Marc Duval", "email": "marc.duval@ac-cevennes.fr"}],
                "subject": "Conseil de classe",
                "bodyStructure": {"partId": "text", "type": "text/plain"},
                "bodyValues": {"text": {"value": "Bonjour **Marc**,\n\n-- \nSophie", "isEncodingProblem": false, "isTruncated": false}}
            })
        );
        let mut found = Vec::new();
        empties(&email, "", &mut found);
        assert_eq!(found, Vec::<String>::new());
        // Nothing at all but the folder, the keywords and an empty text.
        let blank =
            serde_json::to_value(draft_email(&Draft { plain_text: true, ..Draft::default() }, &mailboxes())).unwrap();
        let keys: Vec<&String> = blank.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["bodyStructure", "bodyValues", "keywords", "mailboxIds"]);
    }

    #[test]
    fn a_markdown_draft_with_files_is_mixed_alternative_related() {
        let mut draft = draft();
        draft.cc = vec![Recipient::new(None, "cpe@clg-brassens.fr")];
        draft.bcc = vec![Recipient::new(None, "archives@clg-brassens.fr")];
        draft.in_reply_to = vec!["<m42@ac-cevennes.fr>".into()];
        draft.references = vec!["m1@ac-cevennes.fr".into(), "m42@ac-cevennes.fr".into()];
        draft.attachments = vec![pdf(), logo()];
        let email = serde_json::to_value(draft_email(&draft, &mailboxes())).unwrap();
        // A recipient without a name: `"name": null`, RFC 8621's "no name" (Cyrus takes it).
        assert_eq!(email["cc"], json!([{"name": null, "email": "cpe@clg-brassens.fr"}]));
        assert_eq!(email["bcc"][0]["email"], "archives@clg-brassens.fr");
        assert_eq!(email["inReplyTo"], json!(["m42@ac-cevennes.fr"]));
        assert_eq!(email["references"], json!(["m1@ac-cevennes.fr", "m42@ac-cevennes.fr"]));
        assert!(email.get("sentAt").is_none() && email.get("textBody").is_none() && email.get("attachments").is_none());
        assert_eq!(
            email["bodyStructure"],
            json!({"type": "multipart/mixed", "subParts": [
                {"type": "multipart/alternative", "subParts": [
                    {"partId": "text", "type": "text/plain"},
                    {"type": "multipart/related", "subParts": [
                        {"partId": "html", "type": "text/html"},
                        {"blobId": "B-logo", "type": "image/png", "name": "logo.png", "disposition": "inline", "cid": "logo@facteur"}
                    ]}
                ]},
                {"blobId": "B-pdf", "type": "application/pdf", "name": "Compte rendu.pdf", "disposition": "attachment"}
            ]})
        );
        let html = email["bodyValues"]["html"]["value"].as_str().unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Bonjour <strong>Marc</strong>,"), "{html}");
        assert_eq!(email["bodyValues"]["text"]["value"], "Bonjour **Marc**,\n\n-- \nSophie");
        // No charset and no size on any part (RFC 8621 §4.6; Cyrus refuses them with a partId).
        let structure = email["bodyStructure"].to_string();
        assert!(!structure.contains("charset") && !structure.contains("size"), "{structure}");
        // Markdown without an inline image: alternative in mixed.
        draft.attachments = vec![pdf()];
        let email = serde_json::to_value(draft_email(&draft, &mailboxes())).unwrap();
        assert_eq!(
            email["bodyStructure"]["subParts"][0]["subParts"][1],
            json!({"partId": "html", "type": "text/html"})
        );
        // Plain text: the image goes as a file.
        draft.plain_text = true;
        draft.attachments = vec![logo()];
        let email = serde_json::to_value(draft_email(&draft, &mailboxes())).unwrap();
        assert_eq!(
            email["bodyStructure"],
            json!({"type": "multipart/mixed", "subParts": [
                {"partId": "text", "type": "text/plain"},
                {"blobId": "B-logo", "type": "image/png", "name": "logo.png", "disposition": "attachment"}
            ]})
        );
        assert!(email["bodyValues"].get("html").is_none());
    }

    #[test]
    fn saving_creates_the_new_version_and_destroys_the_previous() {
        let mut draft = draft();
        let (request, handle) = save_request("A1", &draft, &mailboxes());
        assert_eq!(request.using, [facteur_jmap::CORE, facteur_jmap::MAIL]);
        let set = call(&request, 0);
        assert_eq!(set[0], "Email/set");
        assert_eq!(set[1]["accountId"], "A1");
        assert_eq!(set[1]["create"]["draft"]["mailboxIds"], json!({"mb-drafts": true}));
        assert!(set[1].get("destroy").is_none() && set[1].get("update").is_none());
        draft.email_id = Some("E-old".into());
        let (request, _) = save_request("A1", &draft, &mailboxes());
        assert_eq!(call(&request, 0)[1]["destroy"], json!(["E-old"]));

        let saved = response(json!({"sessionState": "s", "methodResponses": [["Email/set", {
            "accountId": "A1", "oldState": "1", "newState": "2",
            "created": {"draft": {"id": "E-new", "blobId": "G1", "threadId": "T1", "size": 1234}},
            "destroyed": ["E-old"], "notCreated": null}, "c0"]]}));
        assert_eq!(read_save(&saved, &handle), Ok("E-new".into()));
        let full = response(json!({"sessionState": "s", "methodResponses": [["Email/set", {
            "accountId": "A1", "newState": "2",
            "notCreated": {"draft": {"type": "overQuota", "description": "Quota dépassé"}}}, "c0"]]}));
        assert_eq!(read_save(&full, &handle), Err(SendFailure::OverQuota));
        let invalid = response(json!({"sessionState": "s", "methodResponses": [["Email/set", {
            "accountId": "A1", "newState": "2",
            "notCreated": {"draft": {"type": "invalidProperties", "properties": ["bodyStructure/charset"]}}}, "c0"]]}));
        assert_eq!(read_save(&invalid, &handle), Err(SendFailure::Server("invalidProperties".into())));
        let failed = response(json!({"sessionState": "s", "methodResponses": [
            ["error", {"type": "accountReadOnly"}, "c0"]]}));
        assert_eq!(read_save(&failed, &handle), Err(SendFailure::Server("accountReadOnly".into())));
    }

    #[test]
    fn a_send_is_checked_against_sent_by_its_message_id() {
        let (request, handle) = already_sent_request("A1", &draft(), &mailboxes());
        let query = call(&request, 0);
        assert_eq!(query[0], "Email/query");
        assert_eq!(
            query[1]["filter"],
            json!({"inMailbox": "mb-sent", "header": ["Message-ID", "<f81d4fae@clg-brassens.fr>"]})
        );
        let found = response(json!({"sessionState": "s", "methodResponses": [["Email/query", {
            "accountId": "A1", "queryState": "q", "canCalculateChanges": false, "position": 0, "ids": ["E-sent"]}, "c0"]]}));
        assert_eq!(read_already_sent(&found, &handle), Ok(Some("E-sent".into())));
        let none = response(json!({"sessionState": "s", "methodResponses": [["Email/query", {
            "accountId": "A1", "queryState": "q", "ids": []}, "c0"]]}));
        assert_eq!(read_already_sent(&none, &handle), Ok(None));
        let unsupported = response(json!({"sessionState": "s", "methodResponses": [
            ["error", {"type": "unsupportedFilter", "description": "header"}, "c0"]]}));
        assert_eq!(
            read_already_sent(&unsupported, &handle),
            Err(SendFailure::Server("unsupportedFilter: header".into()))
        );
    }

    #[test]
    fn sending_is_one_request_of_the_email_and_its_submission() {
        let mut draft = draft();
        draft.email_id = Some("E-old".into());
        draft.origin = Origin::Reply;
        draft.original_id = Some("E-original".into());
        let (request, _) = send_request("A1", &draft, &mailboxes());
        assert_eq!(request.using, [facteur_jmap::CORE, facteur_jmap::MAIL, facteur_jmap::SUBMISSION]);
        let set = call(&request, 0);
        assert_eq!((set[0].as_str(), set[2].as_str()), (Some("Email/set"), Some("c0")));
        assert_eq!(set[1]["create"]["draft"]["keywords"], json!({"$draft": true, "$seen": true}));
        assert_eq!(set[1]["destroy"], json!(["E-old"]));
        assert_eq!(set[1]["update"], json!({"E-original": {"keywords/$answered": true}}));
        let submission = call(&request, 1);
        assert_eq!(
            submission,
            json!(["EmailSubmission/set", {
                "accountId": "A1",
                "create": {"send": {"identityId": "I1", "emailId": "#draft"}},
                "onSuccessUpdateEmail": {"#send": {
                    "mailboxIds/mb-drafts": null, "mailboxIds/mb-sent": true, "keywords/$draft": null}}
            }, "c1"])
        );
        draft.origin = Origin::Forward;
        let (request, _) = send_request("A1", &draft, &mailboxes());
        assert_eq!(call(&request, 0)[1]["update"], json!({"E-original": {"keywords/$forwarded": true}}));
        let new = Draft { origin: Origin::New, email_id: None, original_id: None, ..draft };
        let (request, _) = send_request("A1", &new, &mailboxes());
        let set = call(&request, 0);
        assert!(set[1].get("update").is_none() && set[1].get("destroy").is_none(), "{set}");
    }

    /// The answer to a send whose submission gets `outcome` (`created` or `notCreated`),
    /// shaped as RFC 8621 §7.5's example, with the implicit `Email/set` of
    /// `onSuccessUpdateEmail` under the submission's call id.
    fn send_response(outcome: Value) -> Response {
        let mut submission = json!({"accountId": "A1", "oldState": "s1", "newState": "s2"});
        submission.as_object_mut().unwrap().extend(outcome.as_object().unwrap().clone());
        response(json!({"sessionState": "s", "methodResponses": [
            ["Email/set", {"accountId": "A1", "oldState": "778193", "newState": "778197",
                "created": {"draft": {"id": "E-final", "blobId": "G9", "threadId": "T1", "size": 2048}},
                "updated": {"E-original": null}, "destroyed": ["E-old"]}, "c0"],
            ["EmailSubmission/set", submission, "c1"],
            ["Email/set", {"accountId": "A1", "oldState": "778197", "newState": "778198",
                "updated": {"E-final": null}}, "c1"]
        ]}))
    }

    #[test]
    fn reading_a_send() {
        let (_, handle) = send_request("A1", &draft(), &mailboxes());
        let sent = send_response(json!({"created": {"send": {"id": "S1", "undoStatus": "final"}}, "notCreated": null}));
        assert_eq!(read_send(&sent, &handle), Ok("E-final".into()));
        let refused =
            |error: Value| read_send(&send_response(json!({"notCreated": {"send": error}})), &handle).unwrap_err();
        let kept =
            |reason: SendFailure| SendFailure::Refused { draft_id: Some("E-final".into()), reason: Box::new(reason) };
        assert_eq!(
            refused(json!({"type": "invalidRecipients", "invalidRecipients": ["inconnu@ac-cevennes.fr", "x@y.fr"]})),
            kept(SendFailure::RecipientRefused(vec!["inconnu@ac-cevennes.fr".into(), "x@y.fr".into()]))
        );
        assert_eq!(refused(json!({"type": "overQuota"})), kept(SendFailure::OverQuota));
        assert_eq!(refused(json!({"type": "tooLarge", "maxSize": 10_000_000})), kept(SendFailure::TooLarge));
        assert_eq!(
            refused(json!({"type": "tooManyRecipients", "maxRecipients": 100})),
            kept(SendFailure::TooManyRecipients)
        );
        for forbidden in ["forbiddenToSend", "forbiddenFrom", "forbiddenMailFrom"] {
            assert_eq!(
                refused(json!({"type": forbidden, "description": "Relay access denied"})),
                kept(SendFailure::CannotSend("Relay access denied".into()))
            );
        }
        assert_eq!(
            refused(json!({"type": "forbiddenToSend"})),
            kept(SendFailure::CannotSend("forbiddenToSend".into()))
        );
        assert_eq!(refused(json!({"type": "noRecipients"})), kept(SendFailure::Server("noRecipients".into())));
        // Cyrus with its MTA down: the submission fails with `serverFail`, "Internal Error".
        assert_eq!(
            refused(json!({"type": "serverFail", "description": "Internal Error"})),
            kept(SendFailure::CannotSend("Internal Error".into()))
        );
        assert_eq!(
            refused(json!({"type": "rateLimit", "description": "Trop d'envois"})),
            kept(SendFailure::Server("Trop d'envois".into()))
        );
        // The submission call failed as a whole: the email created stays the draft.
        let failed = response(json!({"sessionState": "s", "methodResponses": [
            ["Email/set", {"accountId": "A1", "newState": "2", "created": {"draft": {"id": "E-final"}}}, "c0"],
            ["error", {"type": "serverFail", "description": "SMTP down"}, "c1"]]}));
        assert_eq!(read_send(&failed, &handle), Err(kept(SendFailure::Server("serverFail: SMTP down".into()))));
        // The email itself refused: nothing was created, nothing to keep.
        let not_created = response(json!({"sessionState": "s", "methodResponses": [
            ["Email/set", {"accountId": "A1", "newState": "2",
                "notCreated": {"draft": {"type": "tooLarge", "description": "Message trop gros"}}}, "c0"],
            ["error", {"type": "invalidResultReference"}, "c1"]]}));
        assert_eq!(read_send(&not_created, &handle), Err(SendFailure::TooLarge));
        let whole = response(json!({"sessionState": "s", "methodResponses": [
            ["error", {"type": "serverUnavailable"}, "c0"], ["error", {"type": "serverUnavailable"}, "c1"]]}));
        assert_eq!(read_send(&whole, &handle), Err(SendFailure::Server("serverUnavailable".into())));
    }

    #[test]
    fn identities_with_their_signatures_as_text() {
        let (request, handle) = identities_request("A1");
        assert_eq!(call(&request, 0), json!(["Identity/get", {"accountId": "A1", "ids": null}, "c0"]));
        assert!(request.using.iter().any(|u| u == facteur_jmap::SUBMISSION));
        let got = response(json!({"sessionState": "s", "methodResponses": [["Identity/get", {
            "accountId": "A1", "state": "1", "notFound": [], "list": [
                {"id": "I1", "name": "Sophie Aubert", "email": "sophie.aubert@ac-cevennes.fr",
                 "textSignature": "-- \nSophie Aubert\nCPE", "htmlSignature": "<b>ignored</b>", "mayDelete": false},
                {"id": "I2", "name": "", "email": "vie-scolaire@clg-brassens.fr", "textSignature": "",
                 "htmlSignature": "<div style=\"color:red\"><b>Vie&nbsp;scolaire</b><br>Coll&egrave;ge &amp; lyc&eacute;e<br/>\n  T&#39;as &lt;vu&gt; &quot;ça&quot; &#x263A;</div><style>p{}</style><p>Fin</p><!-- x -->"},
                {"id": "I3", "name": "Sans", "email": "sans@ac.fr"}
            ]}, "c0"]]}));
        let identities = read_identities(&got, &handle).unwrap();
        assert_eq!(identities.len(), 3);
        assert_eq!(identities[0].sender, Recipient::new(Some("Sophie Aubert"), "sophie.aubert@ac-cevennes.fr"));
        assert_eq!(identities[0].signature, "Sophie Aubert\nCPE");
        assert_eq!(identities[1].sender, Recipient::new(None, "vie-scolaire@clg-brassens.fr"));
        assert_eq!(identities[1].signature, "Vie scolaire\nColl&egrave;ge & lyc&eacute;e\nT'as <vu> \"ça\" ☺\nFin");
        assert_eq!(identities[2].signature, "");
    }

    #[test]
    fn html_as_text_crudely() {
        assert_eq!(html_to_text("<p>Un</p><p>Deux</p>"), "Un\nDeux");
        assert_eq!(html_to_text("a<br><br><br><br>b"), "a\n\nb");
        assert_eq!(html_to_text("<SCRIPT>alert(1)</SCRIPT>ok &amp;&amp; &unknown; & fin"), "ok && &unknown; & fin");
        assert_eq!(html_to_text("trop <b"), "trop");
        assert_eq!(html_to_text("<p>\n  mots\n  sur   lignes\n</p>"), "mots sur lignes");
    }

    fn original_response(email: Value) -> Response {
        response(json!({"sessionState": "s", "methodResponses": [["Email/get", {
            "accountId": "A1", "state": "1", "notFound": [], "list": [email]}, "c0"]]}))
    }

    #[test]
    fn the_original_of_an_answer() {
        let (request, handle) = original_request("A1", "E42");
        let get = call(&request, 0);
        assert_eq!(get[1]["ids"], json!(["E42"]));
        assert_eq!(get[1]["fetchTextBodyValues"], true);
        assert_eq!(get[1]["properties"], json!(crate::reply::ORIGINAL_PROPERTIES));
        let got = original_response(json!({
            "id": "E42", "messageId": ["m42@ac-cevennes.fr"], "references": ["m1@ac-cevennes.fr"],
            "inReplyTo": ["m1@ac-cevennes.fr"], "subject": "Sortie", "replyTo": null,
            "from": [{"name": "Sophie Aubert", "email": "sophie.aubert@ac-cevennes.fr"}],
            "to": [{"name": null, "email": "marc.duval@ac-cevennes.fr"}, {"name": "Groupe", "email": null}],
            "cc": [],
            "sentAt": "2026-03-12T10:14:00+02:00", "receivedAt": "2026-03-12T08:15:00Z",
            "textBody": [{"partId": "1", "type": "text/plain", "charset": "utf-8"},
                         {"partId": "2", "blobId": "B-img", "type": "image/jpeg"},
                         {"partId": "3", "type": "text/plain"}],
            "bodyValues": {"1": {"value": "Bonjour,\r\nà demain.", "isEncodingProblem": false, "isTruncated": false},
                           "3": {"value": "Suite", "isEncodingProblem": false, "isTruncated": false}},
            "attachments": [
                {"partId": "4", "blobId": "B-pdf", "type": "application/pdf", "name": "Autorisation.pdf",
                 "size": 48213, "disposition": "attachment"},
                {"partId": "5", "blobId": "B-img", "type": "image/jpeg", "size": 900, "cid": "img1@x", "disposition": "inline"},
                {"partId": "6", "type": "text/plain"}
            ]
        }));
        let original = read_original(&got, &handle, 60).unwrap();
        assert_eq!(original.id, "E42");
        assert_eq!(original.message_id, ["m42@ac-cevennes.fr"]);
        assert_eq!((original.references.len(), original.in_reply_to.len()), (1, 1));
        assert_eq!(original.from, [Recipient::new(Some("Sophie Aubert"), "sophie.aubert@ac-cevennes.fr")]);
        assert_eq!(original.to, [Recipient::new(None, "marc.duval@ac-cevennes.fr")], "a group name has no address");
        assert!(original.reply_to.is_empty() && original.cc.is_empty());
        // 10:14 at UTC+2 is 08:14 UTC, 09:14 in Paris in winter.
        assert_eq!(original.sent_at.to_string(), "2026-03-12 09:14:00");
        assert_eq!(original.text, "Bonjour,\nà demain.\nSuite");
        assert_eq!(
            original.attachments,
            [
                DraftAttachment {
                    blob_id: "B-pdf".into(),
                    name: "Autorisation.pdf".into(),
                    media_type: "application/pdf".into(),
                    size: 48213,
                    cid: None
                },
                DraftAttachment {
                    blob_id: "B-img".into(),
                    name: String::new(),
                    media_type: "image/jpeg".into(),
                    size: 900,
                    cid: Some("img1@x".into())
                },
            ]
        );
        assert_eq!(read_original(&got, &handle, -300).unwrap().sent_at.to_string(), "2026-03-12 03:14:00");
        // No Date: the arrival; an HTML-only message: its HTML as text.
        let html_only = original_response(json!({
            "id": "E43", "receivedAt": "2026-03-12T08:15:00Z",
            "textBody": [{"partId": "1", "type": "text/html"}],
            "bodyValues": {"1": {"value": "<p>Bonjour&nbsp;!</p><p>Signé</p>"}}
        }));
        let original = read_original(&html_only, &handle, 60).unwrap();
        assert_eq!(original.sent_at.to_string(), "2026-03-12 09:15:00");
        assert_eq!(original.text, "Bonjour !\nSigné");
        assert_eq!(original.subject, "");
        let gone = response(json!({"sessionState": "s", "methodResponses": [["Email/get", {
            "accountId": "A1", "state": "1", "notFound": ["E42"], "list": []}, "c0"]]}));
        assert!(matches!(read_original(&gone, &handle, 0), Err(SendFailure::Server(_))));
    }
}
