//! What a reply, a reply to all and a forward start with: recipients, subject, the threading
//! headers, the quoted original under "Le 12 mars 2026 à 09:14, Sophie Aubert a écrit :", and
//! the identity the original was addressed to.

use crate::address::Recipient;
use crate::draft::{clean_signature, signature_block, Draft, DraftAttachment, Origin};
use chrono::{Datelike, NaiveDateTime, Timelike};
use facteur_kit::dates::full_month;
use facteur_kit::text::fold;
use facteur_kit::Lang;

/// The message answered or forwarded, as the composer needs it (the app fetches it by id:
/// `Email/get` with [`ORIGINAL_PROPERTIES`] and the text body).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Original {
    /// Its email id.
    pub id: String,
    /// Message-ID values (without angle brackets).
    pub message_id: Vec<String>,
    /// References.
    pub references: Vec<String>,
    /// In-Reply-To.
    pub in_reply_to: Vec<String>,
    /// Subject.
    pub subject: String,
    /// From.
    pub from: Vec<Recipient>,
    /// To.
    pub to: Vec<Recipient>,
    /// Cc.
    pub cc: Vec<Recipient>,
    /// Reply-To.
    pub reply_to: Vec<Recipient>,
    /// When it was sent, in the user's local time.
    pub sent_at: NaiveDateTime,
    /// Its text (the text part, or the HTML part as text).
    pub text: String,
    /// Its files (forwarded with it).
    pub attachments: Vec<DraftAttachment>,
    /// The whole message as the server keeps it (forwarded as an `.eml` file).
    pub blob_id: String,
    /// Its size in octets.
    pub size: u64,
}

/// The original as a file: `message/rfc822`, named after its subject (`Conseil de classe.eml`;
/// characters a file name cannot hold replaced).
///
/// ```
/// use facteur_compose::reply::{as_eml, Original};
/// let original = Original { subject: "Re: 1re G3 / sortie".into(), blob_id: "B1".into(), size: 2048, ..Default::default() };
/// let file = as_eml(&original);
/// assert_eq!((file.name.as_str(), file.media_type.as_str(), file.blob_id.as_str()), ("Re 1re G3 - sortie.eml", "message/rfc822", "B1"));
/// ```
pub fn as_eml(original: &Original) -> DraftAttachment {
    let base: String = original
        .subject
        .chars()
        .filter_map(|c| match c {
            '/' | '\\' | '|' => Some('-'),
            ':' | '*' | '?' | '"' | '<' | '>' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .take(120)
        .collect();
    let base = base.split_whitespace().collect::<Vec<_>>().join(" ");
    DraftAttachment {
        blob_id: original.blob_id.clone(),
        name: format!("{}.eml", if base.is_empty() { "message" } else { &base }),
        media_type: "message/rfc822".into(),
        size: original.size,
        cid: None,
    }
}

/// The `Email/get` properties [`Original`] is read from (with `fetchTextBodyValues`).
pub const ORIGINAL_PROPERTIES: &[&str] = &[
    "id",
    "blobId",
    "size",
    "messageId",
    "references",
    "inReplyTo",
    "subject",
    "from",
    "to",
    "cc",
    "replyTo",
    "sentAt",
    "receivedAt",
    "textBody",
    "bodyValues",
    "attachments",
];

/// Which answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// To the sender (or Reply-To).
    Reply,
    /// To the sender and every other recipient, but the user.
    ReplyAll,
    /// To someone new, with the original inline and its files.
    Forward,
    /// To someone new, the original attached whole as an `.eml` file (`message/rfc822`).
    ForwardAsAttachment,
}

/// An identity as the composer offers it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SenderIdentity {
    /// Identity id.
    pub id: String,
    /// Name and address.
    pub sender: Recipient,
    /// The signature as text (Markdown-safe).
    pub signature: String,
}

/// `Re: …` (not twice: "Re:", "RE :", "Réf :" and "AW:" already there are kept as one "Re: "),
/// `Fwd: …` likewise ("TR :", "Fw:").
///
/// Only the prefixes of the same answer are merged: a reply to a forward is `Re: Fwd: …`.
///
/// ```
/// use facteur_compose::reply::{answer_subject, Answer};
/// assert_eq!(answer_subject(Answer::Reply, "Conseil de classe"), "Re: Conseil de classe");
/// assert_eq!(answer_subject(Answer::ReplyAll, "RE : Re: Conseil de classe"), "Re: Conseil de classe");
/// assert_eq!(answer_subject(Answer::Reply, "Réf : AW: sortie"), "Re: sortie");
/// assert_eq!(answer_subject(Answer::Forward, "TR: Planning"), "Fwd: Planning");
/// assert_eq!(answer_subject(Answer::Reply, "Fwd: Planning"), "Re: Fwd: Planning");
/// assert_eq!(answer_subject(Answer::Reply, "Retour de sortie"), "Re: Retour de sortie");
/// ```
pub fn answer_subject(answer: Answer, subject: &str) -> String {
    let (prefix, words) = match answer {
        Answer::Reply | Answer::ReplyAll => ("Re:", REPLY_PREFIXES),
        Answer::Forward | Answer::ForwardAsAttachment => ("Fwd:", FORWARD_PREFIXES),
    };
    let mut rest = subject.trim();
    while let Some(after) = strip_prefix(rest, words) {
        rest = after.trim_start();
    }
    if rest.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix} {rest}")
    }
}

/// "Le 12 mars 2026 à 09:14, Sophie Aubert a écrit :" / "On 12 March 2026 at 09:14, Sophie
/// Aubert wrote:" (the address when there is no name).
///
/// ```
/// use chrono::NaiveDate;
/// use facteur_compose::reply::attribution;
/// use facteur_compose::Recipient;
/// use facteur_kit::Lang;
/// let at = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap().and_hms_opt(9, 14, 0).unwrap();
/// let sophie = Recipient::new(Some("Sophie Aubert"), "sophie.aubert@ac-cevennes.fr");
/// assert_eq!(attribution(Lang::Fr, at, &sophie), "Le 12 mars 2026 à 09:14, Sophie Aubert a écrit :");
/// assert_eq!(attribution(Lang::En, at, &sophie), "On 12 March 2026 at 09:14, Sophie Aubert wrote:");
/// let bare = Recipient::new(None, "cpe@clg-brassens.fr");
/// assert_eq!(attribution(Lang::Fr, at, &bare), "Le 12 mars 2026 à 09:14, cpe@clg-brassens.fr a écrit :");
/// ```
pub fn attribution(lang: Lang, sent_at: NaiveDateTime, who: &Recipient) -> String {
    let when = written_date(lang, sent_at);
    match lang {
        Lang::Fr => format!("Le {when}, {} a écrit :", who.label()),
        Lang::En => format!("On {when}, {} wrote:", who.label()),
    }
}

/// The original's text as a Markdown block quote (`> ` before each line, `>` alone for an
/// empty one), under its attribution (the attribution of "un correspondant inconnu" when
/// it has no From).
pub fn quoted(lang: Lang, original: &Original) -> String {
    let who = original.from.first().cloned().unwrap_or_else(|| unknown_sender(lang));
    let mut out = attribution(lang, original.sent_at, &who);
    for line in unix_lines(&original.text).trim_end().lines() {
        out.push('\n');
        if line.trim().is_empty() {
            out.push('>');
        } else {
            out.push_str("> ");
            out.push_str(line);
        }
    }
    out
}

/// The forwarded block: "---------- Message transféré ----------" (English "Forwarded
/// message"), De / Date / Objet / À / Cc lines, then the original text.
///
/// The lines as French typography writes them, a space before the colon (`De : …`; English
/// `From: …`); the À and Cc lines only when the original had such recipients; the original
/// text after an empty line, not quoted.
pub fn forwarded(lang: Lang, original: &Original) -> String {
    let list = |people: &[Recipient]| people.iter().map(Recipient::display).collect::<Vec<_>>().join(", ");
    let (title, from, date, subject, to, cc) = match lang {
        Lang::Fr => ("---------- Message transféré ----------", "De :", "Date :", "Objet :", "À :", "Cc :"),
        Lang::En => ("---------- Forwarded message ----------", "From:", "Date:", "Subject:", "To:", "Cc:"),
    };
    let mut out = String::from(title);
    let mut line = |label: &str, value: String| {
        out.push('\n');
        out.push_str(label);
        if !value.is_empty() {
            out.push(' ');
            out.push_str(&value);
        }
    };
    line(from, list(&original.from));
    line(date, written_date(lang, original.sent_at));
    line(subject, original.subject.trim().to_string());
    if !original.to.is_empty() {
        line(to, list(&original.to));
    }
    if !original.cc.is_empty() {
        line(cc, list(&original.cc));
    }
    let text = unix_lines(&original.text);
    let text = text.trim_end();
    if !text.is_empty() {
        out.push_str("\n\n");
        out.push_str(text);
    }
    out
}

/// Which of the user's identities the original was addressed to (To, then Cc; case-insensitive
/// on the address), else the first.
pub fn identity_for<'a>(original: &Original, identities: &'a [SenderIdentity]) -> Option<&'a SenderIdentity> {
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    original
        .to
        .iter()
        .chain(&original.cc)
        .find_map(|r| identities.iter().find(|i| same(&i.sender.email, &r.email)))
        .or_else(|| identities.first())
}

/// The draft an answer starts with: recipients (a reply goes to Reply-To or From; to all adds
/// To and Cc without the user's own addresses and without duplicates; a forward has none),
/// subject, In-Reply-To/References (replies: the original's Message-ID, References = the
/// original's References + its Message-ID), the quote or the forwarded block after two empty
/// lines for the user's text, the forward's files, `origin` and `original_id`, the identity
/// and its signature above the quote.
///
/// The body is `"\n\n-- \n<signature>\n\n<quote>"` (or `"\n\n<quote>"` without a
/// signature): the user writes on the first line. A reply to one's own message goes to the
/// recipients it had (as other mail programs do); a reply to all whose To would be empty takes
/// the Cc as To, and never has fewer recipients than the reply. References without the
/// original's References fall back to its single In-Reply-To (RFC 5322 §3.6.4). A forward's
/// inline images become files (without their `cid`): only the original's text is forwarded.
pub fn answer_draft(
    answer: Answer,
    original: &Original,
    identities: &[SenderIdentity],
    lang: Lang,
    local_id: &str,
    message_id: &str,
) -> Draft {
    let identity = identity_for(original, identities);
    let mut draft = Draft::new(local_id, message_id);
    let own: Vec<String> = identities.iter().map(|i| i.sender.email.to_lowercase()).collect();
    let is_own = |r: &Recipient| own.contains(&r.email.to_lowercase());
    let targets = if original.reply_to.is_empty() { &original.from } else { &original.reply_to };
    // To one's own message, a reply goes to those it went to.
    let reply_to = if !targets.is_empty() && targets.iter().all(is_own) { &original.to } else { targets };
    match answer {
        Answer::Reply => draft.to = unique(reply_to.iter(), &[]),
        Answer::ReplyAll => {
            let others = |r: &&Recipient| !is_own(r);
            draft.to = unique(targets.iter().chain(&original.to).filter(others), &[]);
            draft.cc = unique(original.cc.iter().filter(others), &draft.to);
            if draft.to.is_empty() {
                draft.to = std::mem::take(&mut draft.cc);
            }
            if draft.to.is_empty() {
                draft.to = unique(reply_to.iter(), &[]);
            }
        }
        Answer::Forward | Answer::ForwardAsAttachment => {}
    }
    draft.subject = answer_subject(answer, &original.subject);
    let block = match answer {
        Answer::Reply | Answer::ReplyAll => {
            draft.in_reply_to = original.message_id.clone();
            draft.references = if !original.references.is_empty() {
                original.references.clone()
            } else if original.in_reply_to.len() == 1 {
                original.in_reply_to.clone()
            } else {
                Vec::new()
            };
            for id in &original.message_id {
                if !draft.references.contains(id) {
                    draft.references.push(id.clone());
                }
            }
            draft.origin = Origin::Reply;
            quoted(lang, original)
        }
        Answer::Forward => {
            // Its inline images go as files: the HTML that showed them is not forwarded.
            draft.attachments =
                original.attachments.iter().map(|a| DraftAttachment { cid: None, ..a.clone() }).collect();
            draft.origin = Origin::Forward;
            forwarded(lang, original)
        }
        Answer::ForwardAsAttachment => {
            draft.attachments = vec![as_eml(original)];
            draft.origin = Origin::Forward;
            String::new()
        }
    };
    draft.original_id = Some(original.id.clone());
    if let Some(identity) = identity {
        draft.identity_id = Some(identity.id.clone());
        draft.from = Some(identity.sender.clone());
        draft.signature = clean_signature(&identity.signature);
    }
    draft.body = format!("{}\n\n{block}", signature_block(&draft.signature).unwrap_or_default());
    draft
}

/// Reply prefixes, folded: "Re", "Réf", "Ref", German "AW", Nordic "SV", Dutch "Antw".
const REPLY_PREFIXES: &[&str] = &["re", "ref", "aw", "sv", "antw"];
/// Forward prefixes, folded: "Fwd", "Fw", French "TR", German "WG".
const FORWARD_PREFIXES: &[&str] = &["fwd", "fw", "tr", "wg"];

/// The subject without one of these prefixes (`Re:`, `RE :`, `Re[2]:`, `Réf :`), if it has one.
fn strip_prefix<'a>(subject: &'a str, words: &[&str]) -> Option<&'a str> {
    let spaces: &[char] = &[' ', '\t', '\u{a0}', '\u{202f}'];
    words.iter().find_map(|word| {
        let len = subject.char_indices().nth(word.chars().count()).map_or(subject.len(), |(i, _)| i);
        if fold(&subject[..len]) != *word {
            return None;
        }
        let mut rest = subject[len..].trim_start_matches(spaces);
        // A count, as some clients write it: `Re[2]:`, `Re(2):`.
        for (open, close) in [('[', ']'), ('(', ')')] {
            if let Some((count, after)) = rest.strip_prefix(open).and_then(|r| r.split_once(close)) {
                if !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()) {
                    rest = after.trim_start_matches(spaces);
                }
            }
        }
        rest.strip_prefix(':').or_else(|| rest.strip_prefix('\u{ff1a}'))
    })
}

/// `12 mars 2026 à 09:14` (`1er mars` for the first) / `12 March 2026 at 09:14`: the month in
/// full, as a letter writes it (the list's short months are [`facteur_kit::dates`]).
pub fn written_date(lang: Lang, at: NaiveDateTime) -> String {
    let (day, month, year) = (at.day(), at.month0() as usize, at.year());
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    match lang {
        Lang::Fr if day == 1 => format!("1er {} {year} à {time}", full_month(month, lang)),
        Lang::Fr => format!("{day} {} {year} à {time}", full_month(month, lang)),
        Lang::En => format!("{day} {} {year} at {time}", full_month(month, lang)),
    }
}

/// Who wrote an original without a From.
fn unknown_sender(lang: Lang) -> Recipient {
    let name = match lang {
        Lang::Fr => "un correspondant inconnu",
        Lang::En => "an unknown sender",
    };
    Recipient { name: Some(name.into()), email: String::new() }
}

/// `\r\n` and `\r` as `\n`.
fn unix_lines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The recipients once each (case-insensitive on the address), none of `already`.
fn unique<'a>(people: impl Iterator<Item = &'a Recipient>, already: &[Recipient]) -> Vec<Recipient> {
    let mut seen: Vec<String> = already.iter().map(|r| r.email.to_lowercase()).collect();
    let mut out = Vec::new();
    for person in people {
        let key = person.email.to_lowercase();
        if !key.is_empty() && !seen.contains(&key) {
            seen.push(key);
            out.push(person.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(day: u32, hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap().and_hms_opt(hour, minute, 0).unwrap()
    }

    fn r(name: &str, email: &str) -> Recipient {
        Recipient::new(Some(name), email)
    }

    fn identities() -> Vec<SenderIdentity> {
        vec![
            SenderIdentity {
                id: "i1".into(),
                sender: r("Marc Duval", "marc.duval@ac-cevennes.fr"),
                signature: String::new(),
            },
            SenderIdentity {
                id: "i2".into(),
                sender: r("Vie scolaire", "vie-scolaire@clg-brassens.fr"),
                signature: "-- \r\nLa vie scolaire\r\nCollège Brassens\r\n".into(),
            },
        ]
    }

    fn original() -> Original {
        Original {
            id: "e42".into(),
            message_id: vec!["m42@ac-cevennes.fr".into()],
            references: vec!["m1@ac-cevennes.fr".into(), "m2@ac-cevennes.fr".into()],
            in_reply_to: vec!["m2@ac-cevennes.fr".into()],
            subject: "RE : Sortie à Nîmes".into(),
            from: vec![r("Sophie Aubert", "sophie.aubert@ac-cevennes.fr")],
            to: vec![
                r("Vie scolaire", "Vie-Scolaire@CLG-Brassens.fr"),
                r("Paul Roche", "paul.roche@ac-cevennes.fr"),
                r("Sophie", "SOPHIE.AUBERT@ac-cevennes.fr"),
            ],
            cc: vec![
                r("Marc", "marc.duval@ac-cevennes.fr"),
                r("Anne Lenoir", "anne.lenoir@ac-cevennes.fr"),
                r("Paul", "paul.roche@ac-cevennes.fr"),
            ],
            reply_to: vec![],
            sent_at: at(12, 9, 14),
            blob_id: "raw42".into(),
            size: 5120,
            text: "Bonjour,\r\n\r\nLe car part à 8 h.\r\n> plus ancien\r\n".into(),
            attachments: vec![DraftAttachment {
                blob_id: "b1".into(),
                name: "Autorisation.pdf".into(),
                media_type: "application/pdf".into(),
                size: 48_213,
                cid: None,
            }],
        }
    }

    #[test]
    fn subjects_never_get_prefixes_twice() {
        let cases = [
            (Answer::Reply, "Re: Re: Conseil", "Re: Conseil"),
            (Answer::Reply, "RE : Conseil", "Re: Conseil"),
            (Answer::Reply, "re:Conseil", "Re: Conseil"),
            (Answer::Reply, "Re[3]: Conseil", "Re: Conseil"),
            (Answer::Reply, "Re\u{a0}: Conseil", "Re: Conseil"),
            (Answer::Reply, "RÉF. Conseil", "Re: RÉF. Conseil"),
            (Answer::Reply, "Réponse attendue", "Re: Réponse attendue"),
            (Answer::Reply, "Rentrée", "Re: Rentrée"),
            (Answer::Reply, "", "Re:"),
            (Answer::ReplyAll, "AW: Sv: Re : x", "Re: x"),
            (Answer::Forward, "TR: x", "Fwd: x"),
            (Answer::Forward, "TR : Fw: FWD: x", "Fwd: x"),
            (Answer::Forward, "Re: x", "Fwd: Re: x"),
            (Answer::Forward, "Trimestre 2", "Fwd: Trimestre 2"),
        ];
        for (answer, subject, expected) in cases {
            assert_eq!(answer_subject(answer, subject), expected, "{subject:?}");
        }
    }

    #[test]
    fn attributions_are_written_out() {
        let sophie = r("Sophie Aubert", "s@a.fr");
        assert_eq!(attribution(Lang::Fr, at(12, 9, 14), &sophie), "Le 12 mars 2026 à 09:14, Sophie Aubert a écrit :");
        assert_eq!(attribution(Lang::En, at(12, 9, 14), &sophie), "On 12 March 2026 at 09:14, Sophie Aubert wrote:");
        assert_eq!(attribution(Lang::Fr, at(1, 18, 5), &sophie), "Le 1er mars 2026 à 18:05, Sophie Aubert a écrit :");
        assert_eq!(attribution(Lang::En, at(1, 18, 5), &sophie), "On 1 March 2026 at 18:05, Sophie Aubert wrote:");
    }

    #[test]
    fn the_quote_is_a_markdown_block_quote() {
        assert_eq!(
            quoted(Lang::Fr, &original()),
            "Le 12 mars 2026 à 09:14, Sophie Aubert a écrit :\n> Bonjour,\n>\n> Le car part à 8 h.\n> > plus ancien"
        );
        let anonymous = Original { from: vec![], text: "x".into(), ..original() };
        assert_eq!(quoted(Lang::En, &anonymous), "On 12 March 2026 at 09:14, an unknown sender wrote:\n> x");
    }

    #[test]
    fn the_forwarded_block_has_its_header_lines() {
        assert_eq!(
            forwarded(Lang::Fr, &original()),
            "---------- Message transféré ----------\n\
             De : Sophie Aubert <sophie.aubert@ac-cevennes.fr>\n\
             Date : 12 mars 2026 à 09:14\n\
             Objet : RE : Sortie à Nîmes\n\
             À : Vie scolaire <Vie-Scolaire@CLG-Brassens.fr>, Paul Roche <paul.roche@ac-cevennes.fr>, \
             Sophie <SOPHIE.AUBERT@ac-cevennes.fr>\n\
             Cc : Marc <marc.duval@ac-cevennes.fr>, Anne Lenoir <anne.lenoir@ac-cevennes.fr>, \
             Paul <paul.roche@ac-cevennes.fr>\n\
             \n\
             Bonjour,\n\nLe car part à 8 h.\n> plus ancien"
        );
        let short = Original { to: vec![r("Paul Roche", "p@a.fr")], cc: vec![], text: String::new(), ..original() };
        assert_eq!(
            forwarded(Lang::En, &short),
            "---------- Forwarded message ----------\n\
             From: Sophie Aubert <sophie.aubert@ac-cevennes.fr>\n\
             Date: 12 March 2026 at 09:14\n\
             Subject: RE : Sortie à Nîmes\n\
             To: Paul Roche <p@a.fr>"
        );
    }

    #[test]
    fn the_identity_is_the_one_the_original_was_addressed_to() {
        let ids = identities();
        assert_eq!(identity_for(&original(), &ids).map(|i| i.id.as_str()), Some("i2"), "To, case-insensitive");
        let cc_only = Original { to: vec![], ..original() };
        assert_eq!(identity_for(&cc_only, &ids).map(|i| i.id.as_str()), Some("i1"), "then Cc");
        let neither = Original { to: vec![], cc: vec![], ..original() };
        assert_eq!(identity_for(&neither, &ids).map(|i| i.id.as_str()), Some("i1"), "else the first");
        assert_eq!(identity_for(&neither, &[]), None);
    }

    #[test]
    fn a_reply_goes_to_reply_to_or_from_and_threads() {
        let ids = identities();
        let draft = answer_draft(Answer::Reply, &original(), &ids, Lang::Fr, "local-7", "new@clg-brassens.fr");
        assert_eq!((draft.local_id.as_str(), draft.message_id.as_str()), ("local-7", "new@clg-brassens.fr"));
        assert_eq!(draft.to, [r("Sophie Aubert", "sophie.aubert@ac-cevennes.fr")]);
        assert!(draft.cc.is_empty() && draft.bcc.is_empty() && draft.attachments.is_empty());
        assert_eq!(draft.subject, "Re: Sortie à Nîmes");
        assert_eq!(draft.in_reply_to, ["m42@ac-cevennes.fr"]);
        assert_eq!(draft.references, ["m1@ac-cevennes.fr", "m2@ac-cevennes.fr", "m42@ac-cevennes.fr"]);
        assert_eq!((draft.origin, draft.original_id.as_deref()), (Origin::Reply, Some("e42")));
        assert_eq!(draft.identity_id.as_deref(), Some("i2"));
        assert_eq!(draft.from, Some(r("Vie scolaire", "vie-scolaire@clg-brassens.fr")));
        assert_eq!(draft.signature, "La vie scolaire\nCollège Brassens");
        assert_eq!(
            draft.body,
            "\n\n-- \nLa vie scolaire\nCollège Brassens\n\nLe 12 mars 2026 à 09:14, Sophie Aubert a écrit :\n\
             > Bonjour,\n>\n> Le car part à 8 h.\n> > plus ancien"
        );
        let listed = Original { reply_to: vec![r("Liste profs", "profs@clg-brassens.fr")], ..original() };
        let draft = answer_draft(Answer::Reply, &listed, &ids, Lang::Fr, "l", "m");
        assert_eq!(draft.to, [r("Liste profs", "profs@clg-brassens.fr")], "Reply-To over From");
        // No References: the single In-Reply-To begins them.
        let first = Original { references: vec![], ..original() };
        let draft = answer_draft(Answer::Reply, &first, &ids, Lang::Fr, "l", "m");
        assert_eq!(draft.references, ["m2@ac-cevennes.fr", "m42@ac-cevennes.fr"]);
        // Without a signature, two empty lines then the quote.
        let draft = answer_draft(Answer::Reply, &original(), &ids[..1], Lang::En, "l", "m");
        assert!(draft.body.starts_with("\n\nOn 12 March 2026 at 09:14, Sophie Aubert wrote:\n> Bonjour,"));
        assert_eq!(draft.identity_id.as_deref(), Some("i1"), "Cc");
    }

    #[test]
    fn a_reply_to_all_leaves_out_the_user_and_duplicates() {
        let draft = answer_draft(Answer::ReplyAll, &original(), &identities(), Lang::Fr, "l", "m");
        assert_eq!(
            draft.to,
            [r("Sophie Aubert", "sophie.aubert@ac-cevennes.fr"), r("Paul Roche", "paul.roche@ac-cevennes.fr")]
        );
        assert_eq!(draft.cc, [r("Anne Lenoir", "anne.lenoir@ac-cevennes.fr")]);
        assert_eq!(draft.subject, "Re: Sortie à Nîmes");
        // To one's own message: to those it went to.
        let mine = Original {
            from: vec![r("Marc Duval", "Marc.Duval@ac-cevennes.fr")],
            to: vec![r("Paul Roche", "paul.roche@ac-cevennes.fr")],
            cc: vec![r("Vie scolaire", "vie-scolaire@clg-brassens.fr")],
            ..original()
        };
        let draft = answer_draft(Answer::Reply, &mine, &identities(), Lang::Fr, "l", "m");
        assert_eq!(draft.to, [r("Paul Roche", "paul.roche@ac-cevennes.fr")]);
        let draft = answer_draft(Answer::ReplyAll, &mine, &identities(), Lang::Fr, "l", "m");
        assert_eq!((draft.to.len(), draft.cc.len()), (1, 0));
        // Only Cc left: it becomes the To.
        let cc_only = Original { to: vec![], ..mine.clone() };
        let cc_only = Original { cc: vec![r("Anne", "anne@a.fr")], ..cc_only };
        let draft = answer_draft(Answer::ReplyAll, &cc_only, &identities(), Lang::Fr, "l", "m");
        assert_eq!((draft.to, draft.cc), (vec![r("Anne", "anne@a.fr")], vec![]));
    }

    #[test]
    fn a_forward_carries_the_files_and_has_no_recipients() {
        let draft = answer_draft(Answer::Forward, &original(), &identities(), Lang::Fr, "l", "m");
        assert!(draft.to.is_empty() && draft.cc.is_empty() && draft.bcc.is_empty());
        assert_eq!(draft.subject, "Fwd: RE : Sortie à Nîmes");
        assert_eq!(draft.attachments, original().attachments);
        let mut with_image = original();
        with_image.attachments[0].cid = Some("logo@x".into());
        let draft = answer_draft(Answer::Forward, &with_image, &identities(), Lang::Fr, "l", "m");
        assert_eq!(draft.attachments, original().attachments, "an inline image goes as a file");
        assert_eq!((draft.origin, draft.original_id.as_deref()), (Origin::Forward, Some("e42")));
        assert!(draft.in_reply_to.is_empty() && draft.references.is_empty());
        assert!(draft.body.starts_with(
            "\n\n-- \nLa vie scolaire\nCollège Brassens\n\n---------- Message transféré ----------\nDe : "
        ));
        // Changing the identity replaces the signature above the forwarded block.
        let mut draft = draft;
        draft.set_identity("i1", r("Marc Duval", "marc.duval@ac-cevennes.fr"), "Marc");
        assert!(draft.body.starts_with("\n\n-- \nMarc\n\n---------- Message transféré"), "{:?}", draft.body);
    }

    #[test]
    fn a_forward_as_attachment_carries_the_whole_message_and_no_text_of_it() {
        let d = answer_draft(Answer::ForwardAsAttachment, &original(), &identities(), Lang::Fr, "l", "m@x");
        assert_eq!(d.subject, "Fwd: RE : Sortie à Nîmes");
        assert!(d.to.is_empty() && d.cc.is_empty(), "no recipient yet");
        assert_eq!(d.attachments.len(), 1, "the message only, not its files one by one");
        assert_eq!(d.attachments[0].blob_id, "raw42");
        assert_eq!(d.attachments[0].media_type, "message/rfc822");
        assert_eq!(d.attachments[0].name, "RE Sortie à Nîmes.eml");
        assert!(!d.body.contains("Le car part"), "its text is in the file, not the body: {:?}", d.body);
        assert_eq!((d.origin, d.original_id.as_deref()), (Origin::Forward, Some("e42")));
    }
}
