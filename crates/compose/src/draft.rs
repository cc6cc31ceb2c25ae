//! What the composer holds: one message being written, as the user sees it, with what it
//! answers or forwards. It is plain data (serde), so that the app keeps it in its store and
//! `sessionStorage` at each change, and a reload gives it back.

use crate::address::Recipient;
use serde::{Deserialize, Serialize};

/// A file attached to a draft, already uploaded (its blob on the server).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftAttachment {
    /// The uploaded blob.
    pub blob_id: String,
    /// File name.
    pub name: String,
    /// Media type (`application/pdf`).
    pub media_type: String,
    /// Size in octets.
    pub size: u64,
    /// Content-Id for an image shown in the body (`cid:`), if it is inline.
    pub cid: Option<String>,
}

/// How the draft relates to an earlier message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A new message.
    #[default]
    New,
    /// A reply (to the sender, or to all).
    Reply,
    /// A forward.
    Forward,
}

/// One message being written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The app's own id for this draft (stable across saves; the key in the store).
    pub local_id: String,
    /// The server's email id of the last saved version, if saved.
    pub email_id: Option<String>,
    /// The identity it is sent as.
    pub identity_id: Option<String>,
    /// From (the identity's name and address).
    pub from: Option<Recipient>,
    /// To.
    pub to: Vec<Recipient>,
    /// Cc.
    pub cc: Vec<Recipient>,
    /// Bcc.
    pub bcc: Vec<Recipient>,
    /// Subject.
    pub subject: String,
    /// The body as the user writes it: Markdown (or plain text when `plain_text`).
    pub body: String,
    /// "Texte brut": send a text part only.
    pub plain_text: bool,
    /// The Message-ID it is sent with, without angle brackets, fixed when the draft is made: a
    /// retry finds an earlier send by it.
    pub message_id: String,
    /// In-Reply-To (message ids without angle brackets).
    pub in_reply_to: Vec<String>,
    /// References.
    pub references: Vec<String>,
    /// What it answers or forwards.
    pub origin: Origin,
    /// The email id of the message answered or forwarded (marked `$answered`/`$forwarded` when sent).
    pub original_id: Option<String>,
    /// Files attached.
    pub attachments: Vec<DraftAttachment>,
    /// The signature inserted for the current identity (replaced when the identity changes).
    pub signature: String,
}

impl Draft {
    /// An empty new message. `local_id` and `message_id` come from the caller (the app makes
    /// them random; the Message-ID ends with the sender's domain).
    pub fn new(local_id: &str, message_id: &str) -> Draft {
        Draft { local_id: local_id.into(), message_id: message_id.into(), ..Draft::default() }
    }

    /// Every recipient (To, Cc and Bcc).
    pub fn recipients(&self) -> impl Iterator<Item = &Recipient> {
        self.to.iter().chain(&self.cc).chain(&self.bcc)
    }

    /// Whether the user wrote nothing yet (no recipient, subject, body text beyond the signature, nor file):
    /// closing it then needs no draft kept.
    ///
    /// ```
    /// use facteur_compose::Draft;
    /// let mut draft = Draft::new("d1", "abc@ac-cevennes.fr");
    /// assert!(draft.is_blank());
    /// draft.set_identity("i1", Default::default(), "Sophie Aubert\nCPE");
    /// assert!(draft.is_blank(), "the signature alone is nothing written");
    /// draft.body.insert_str(0, "Bonjour");
    /// assert!(!draft.is_blank());
    /// ```
    pub fn is_blank(&self) -> bool {
        let body = match signature_block(&self.signature) {
            Some(block) => self.body.replacen(&block, "", 1),
            None => self.body.clone(),
        };
        self.to.is_empty()
            && self.cc.is_empty()
            && self.bcc.is_empty()
            && self.subject.trim().is_empty()
            && body.trim().is_empty()
            && self.attachments.is_empty()
    }

    /// Why it cannot be sent yet, first problem first (the app says it in words): no recipient,
    /// then the first bad address (To, then Cc, then Bcc), too many recipients, a subject too
    /// long, and last no identity (or no From).
    pub fn send_problem(&self) -> Option<SendProblem> {
        if self.recipients().next().is_none() {
            return Some(SendProblem::NoRecipient);
        }
        if let Some((bad, problem)) = self.recipients().find_map(|r| r.problem().map(|p| (r, p))) {
            return Some(SendProblem::BadAddress(bad.clone(), problem));
        }
        let count = self.recipients().count();
        if count > MAX_RECIPIENTS {
            return Some(SendProblem::TooManyRecipients(count));
        }
        let subject = self.subject.chars().count();
        if subject > MAX_SUBJECT {
            return Some(SendProblem::SubjectTooLong(subject));
        }
        if self.identity_id.is_none() || self.from.is_none() {
            return Some(SendProblem::NoIdentity);
        }
        None
    }

    /// Changes the identity: the old signature (if still in the body as inserted) is replaced by
    /// the new one; otherwise the new one is added at the end.
    ///
    /// A signature is inserted as its block `"\n\n-- \n<signature>"` (the standard separator
    /// line `-- `), line breaks as `\n`, without the trailing blank lines nor a separator line
    /// of its own at the start; an empty signature inserts nothing.
    ///
    /// ```
    /// use facteur_compose::{Draft, Recipient};
    /// let mut draft = Draft::new("d1", "abc@ac-cevennes.fr");
    /// draft.set_identity("i1", Recipient::new(Some("Sophie Aubert"), "s.aubert@ac.fr"), "Sophie Aubert");
    /// draft.body.insert_str(0, "Bonjour,");
    /// assert_eq!(draft.body, "Bonjour,\n\n-- \nSophie Aubert");
    /// draft.set_identity("i2", Recipient::new(Some("CPE"), "cpe@ac.fr"), "-- \r\nLa vie scolaire\r\n");
    /// assert_eq!(draft.body, "Bonjour,\n\n-- \nLa vie scolaire");
    /// assert_eq!(draft.identity_id.as_deref(), Some("i2"));
    /// ```
    pub fn set_identity(&mut self, identity_id: &str, from: Recipient, signature: &str) {
        let signature = clean_signature(signature);
        let new_block = signature_block(&signature).unwrap_or_default();
        let old_at = signature_block(&self.signature).and_then(|old| Some((self.body.find(&old)?, old.len())));
        match old_at {
            Some((at, len)) => self.body.replace_range(at..at + len, &new_block),
            None => self.body.push_str(&new_block),
        }
        self.identity_id = Some(identity_id.to_string());
        self.from = Some(from);
        self.signature = signature;
    }
}

/// Why a draft cannot be sent yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendProblem {
    /// No recipient at all.
    NoRecipient,
    /// This recipient's address cannot be sent to.
    BadAddress(Recipient, crate::address::AddressProblem),
    /// More recipients than the app sends to at once ([`MAX_RECIPIENTS`]).
    TooManyRecipients(usize),
    /// The subject is longer than [`MAX_SUBJECT`] characters.
    SubjectTooLong(usize),
    /// No identity to send as.
    NoIdentity,
}

/// The most recipients one message goes to (Postfix's default `smtpd_recipient_limit` is 1000;
/// académie servers commonly allow a few hundred).
pub const MAX_RECIPIENTS: usize = 500;

/// The longest subject sent, in characters.
pub const MAX_SUBJECT: usize = 998;

/// The block a signature is inserted as: `"\n\n-- \n<signature>"` (`None` for no signature).
pub fn signature_block(signature: &str) -> Option<String> {
    (!signature.is_empty()).then(|| format!("\n\n-- \n{signature}"))
}

/// A signature as inserted: `\n` line breaks, no trailing blank lines, and no `-- ` line of its
/// own at the start (many servers' signatures have one; the block adds it).
pub(crate) fn clean_signature(signature: &str) -> String {
    let signature = signature.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = signature.trim_start_matches('\n');
    let without_separator = ["-- \n", "--\n"].iter().find_map(|sep| trimmed.strip_prefix(sep)).unwrap_or(trimmed);
    without_separator.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::AddressProblem;

    fn sophie() -> Recipient {
        Recipient::new(Some("Sophie Aubert"), "sophie.aubert@ac-cevennes.fr")
    }

    fn ready() -> Draft {
        let mut draft = Draft::new("local-1", "m1@ac-cevennes.fr");
        draft.set_identity("i1", sophie(), "");
        draft.to.push(Recipient::new(None, "cpe@clg-brassens.fr"));
        draft
    }

    #[test]
    fn a_new_draft_is_blank_until_something_is_written() {
        let draft = Draft::new("local-1", "m1@ac-cevennes.fr");
        assert_eq!((draft.local_id.as_str(), draft.message_id.as_str()), ("local-1", "m1@ac-cevennes.fr"));
        assert!(draft.is_blank());
        let mut signed = draft.clone();
        signed.set_identity("i1", sophie(), "Sophie Aubert\nConseillère principale d'éducation");
        assert!(signed.is_blank(), "{:?}", signed.body);
        signed.body.push_str("\n  \n");
        assert!(signed.is_blank(), "blank lines are nothing");
        let changes: [fn(&mut Draft); 6] = [
            |d| d.to.push(Recipient::new(None, "a@b.fr")),
            |d| d.cc.push(Recipient::new(None, "a@b.fr")),
            |d| d.bcc.push(Recipient::new(None, "a@b.fr")),
            |d| d.subject = "Conseil de classe".into(),
            |d| d.body.insert_str(0, "Bonjour"),
            |d| d.attachments.push(DraftAttachment { blob_id: "b1".into(), ..Default::default() }),
        ];
        for change in changes {
            let mut written = signed.clone();
            change(&mut written);
            assert!(!written.is_blank(), "{written:?}");
        }
        // A signature edited by hand is text written.
        let mut edited = signed.clone();
        edited.body = edited.body.replace("éducation", "éducation (absente lundi)");
        assert!(!edited.is_blank());
    }

    #[test]
    fn send_problems_come_first_problem_first() {
        assert_eq!(ready().send_problem(), None);
        let mut draft = Draft::new("l", "m");
        assert_eq!(draft.send_problem(), Some(SendProblem::NoRecipient), "before the identity");
        draft.bcc.push(Recipient::new(None, "élève@ac-cevennes.fr"));
        draft.cc.push(Recipient::new(None, "cpe@ac"));
        draft.subject = "x".repeat(MAX_SUBJECT + 1);
        assert_eq!(
            draft.send_problem(),
            Some(SendProblem::BadAddress(Recipient::new(None, "cpe@ac"), AddressProblem::BadDomain)),
            "Cc before Bcc"
        );
        draft.cc.clear();
        assert_eq!(
            draft.send_problem(),
            Some(SendProblem::BadAddress(Recipient::new(None, "élève@ac-cevennes.fr"), AddressProblem::NonAsciiLocal))
        );
        draft.bcc = (0..=MAX_RECIPIENTS).map(|i| Recipient::new(None, &format!("parent{i}@ac.fr"))).collect();
        assert_eq!(draft.send_problem(), Some(SendProblem::TooManyRecipients(MAX_RECIPIENTS + 1)));
        draft.bcc.truncate(MAX_RECIPIENTS);
        assert_eq!(draft.send_problem(), Some(SendProblem::SubjectTooLong(MAX_SUBJECT + 1)));
        draft.subject = "é".repeat(MAX_SUBJECT);
        assert_eq!(draft.send_problem(), Some(SendProblem::NoIdentity), "characters, not octets");
        draft.set_identity("i1", sophie(), "");
        assert_eq!(draft.send_problem(), None);
    }

    #[test]
    fn changing_the_identity_replaces_the_signature_where_it_was() {
        let mut draft = Draft::new("l", "m");
        draft.set_identity("i1", sophie(), "Sophie Aubert\nCPE\n\n");
        assert_eq!(draft.body, "\n\n-- \nSophie Aubert\nCPE");
        assert_eq!(draft.signature, "Sophie Aubert\nCPE");
        // The user writes above, and there is a quote below.
        draft.body = format!("Bonjour,{}\n\n> Le texte cité\n> -- \n> Sophie Aubert\n> CPE", draft.body);
        let cpe = Recipient::new(Some("Vie scolaire"), "vie-scolaire@clg-brassens.fr");
        draft.set_identity("i2", cpe.clone(), "--\nLa vie scolaire");
        assert_eq!(draft.body, "Bonjour,\n\n-- \nLa vie scolaire\n\n> Le texte cité\n> -- \n> Sophie Aubert\n> CPE");
        assert_eq!((draft.identity_id.as_deref(), draft.from.as_ref()), (Some("i2"), Some(&cpe)));
        // No signature: the block goes, nothing else.
        draft.set_identity("i3", sophie(), "");
        assert_eq!(draft.body, "Bonjour,\n\n> Le texte cité\n> -- \n> Sophie Aubert\n> CPE");
        assert_eq!(draft.signature, "");
        // From no signature: added at the end.
        draft.set_identity("i1", sophie(), "S. A.");
        assert!(draft.body.ends_with("> CPE\n\n-- \nS. A."), "{:?}", draft.body);
        // Edited by hand: the old one is no longer there as inserted, so the new one is added.
        draft.body = draft.body.replace("S. A.", "S. Aubert");
        draft.set_identity("i2", cpe, "VS");
        assert!(draft.body.ends_with("-- \nS. Aubert\n\n-- \nVS"), "{:?}", draft.body);
    }

    #[test]
    fn a_draft_survives_a_reload() {
        let mut draft = ready();
        draft.attachments.push(DraftAttachment { blob_id: "b".into(), name: "PV.pdf".into(), ..Default::default() });
        draft.origin = Origin::Reply;
        let json = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), draft);
    }
}
