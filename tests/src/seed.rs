//! What the seed files say a folder holds, read with mail-parser (Stalwart's MIME parser), so
//! the tests compare the app with the data rather than with hard-coded numbers.

use crate::{paths, Context, Result};
use mail_parser::{MessageParser, MimeHeaders, PartType};
use std::path::PathBuf;

/// One seeded message.
#[derive(Clone, Debug)]
pub struct SeedMail {
    /// Decoded subject.
    pub subject: String,
    /// `Date:` as a Unix timestamp (the testbed shifts all dates by the same whole days, so the
    /// order is kept).
    pub timestamp: i64,
    /// Has no `$seen` keyword.
    pub unread: bool,
    /// Has the `$flagged` keyword.
    pub flagged: bool,
    /// File names of the attachments.
    pub attachments: Vec<String>,
    /// The decoded bytes of each attachment, in the order of `attachments`.
    pub attachment_bytes: Vec<Vec<u8>>,
    /// The sender's address.
    pub from: String,
    /// The HTML body, if the message has one.
    pub html: Option<String>,
    /// The text of its text bodies (for what a full-text search must find).
    pub text: String,
}

impl SeedMail {
    /// Whether the subject or the text contains `word`, ignoring case.
    pub fn mentions(&self, word: &str) -> bool {
        let word = word.to_lowercase();
        self.subject.to_lowercase().contains(&word) || self.text.to_lowercase().contains(&word)
    }
}

/// Every folder of `account`'s seed (nested ones as `Classes/2nde B`) with its messages.
pub fn all_folders(account: &str) -> Result<Vec<(String, Vec<SeedMail>)>> {
    let root: PathBuf = paths::seed_dir()?.join("accounts").join(account).join("mail");
    let mut pending = vec![root.clone()];
    let mut out = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).ctx(format!("reading {}", dir.display()))? {
            let path = entry.ctx("seed entry")?.path();
            if path.is_dir() {
                let name = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().to_string();
                out.push((name.clone(), folder(account, &name)?));
                pending.push(path);
            }
        }
    }
    Ok(out)
}

/// The messages of `folder` (e.g. `Inbox`, `Classes/2nde B`) in `account`'s seed, newest first.
pub fn folder(account: &str, folder: &str) -> Result<Vec<SeedMail>> {
    let dir: PathBuf = paths::seed_dir()?.join("accounts").join(account).join("mail").join(folder);
    let mut mails = Vec::new();
    for entry in std::fs::read_dir(&dir).ctx(format!("reading {}", dir.display()))? {
        let path = entry.ctx("seed entry")?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("eml") {
            continue;
        }
        let raw = std::fs::read(&path).ctx(format!("reading {}", path.display()))?;
        let split = raw.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
        let keywords = String::from_utf8_lossy(&raw[..split]);
        let keywords: Vec<&str> = keywords
            .trim()
            .strip_prefix("X-Facteur-Seed-Keywords:")
            .ok_or(crate::Error(format!("{} lacks the keywords line", path.display())))?
            .split_whitespace()
            .collect();
        let message = MessageParser::default()
            .parse(&raw[split..])
            .ok_or(crate::Error(format!("{} does not parse", path.display())))?;
        mails.push(SeedMail {
            subject: message.subject().unwrap_or_default().to_string(),
            timestamp: message.date().map_or(0, |d| d.to_timestamp()),
            unread: !keywords.contains(&"$seen"),
            flagged: keywords.contains(&"$flagged"),
            attachments: message.attachments().filter_map(|a| a.attachment_name().map(str::to_string)).collect(),
            attachment_bytes: message
                .attachments()
                .filter(|a| a.attachment_name().is_some())
                .map(|a| a.contents().to_vec())
                .collect(),
            from: message.from().and_then(|a| a.first()).and_then(|a| a.address()).unwrap_or_default().to_string(),
            text: (0..message.text_body_count()).filter_map(|i| message.body_text(i)).collect::<Vec<_>>().join("\n"),
            html: message.html_body.first().and_then(|&id| message.part(id)).and_then(|part| match &part.body {
                PartType::Html(html) => Some(html.to_string()),
                _ => None,
            }),
        });
    }
    mails.sort_by_key(|m| std::cmp::Reverse(m.timestamp));
    Ok(mails)
}
