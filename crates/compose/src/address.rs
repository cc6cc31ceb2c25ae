//! Recipients: an address with an optional display name, what the user typed or pasted split
//! into them (`"Nom <a@b.fr>, c@d.fr; e@f.fr"`), and why an address cannot be sent to.

use facteur_jmap::EmailAddress;
use serde::{Deserialize, Serialize};

/// One recipient (or the sender): an address and the name shown with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// The display name, if any (`Sophie Aubert`).
    pub name: Option<String>,
    /// The address (`sophie.aubert@ac-cevennes.fr`), trimmed.
    pub email: String,
}

/// Why an address cannot be sent to; the app puts each in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressProblem {
    /// No `@`.
    NoAt,
    /// Nothing before the `@`.
    EmptyLocal,
    /// The domain is missing, has no dot, or has an empty label or a bad character.
    BadDomain,
    /// The part before the `@` has a space, a second `@` or a character an address cannot hold.
    BadLocal,
    /// Accented or other non-ASCII letters before the `@`: valid only where every server on the
    /// way speaks SMTPUTF8 (RFC 6531), which ours do not promise; refused with its own message.
    NonAsciiLocal,
    /// Over 254 characters.
    TooLong,
}

impl Recipient {
    /// A recipient from an address and a name (an empty name is none).
    pub fn new(name: Option<&str>, email: &str) -> Recipient {
        let name = name.map(str::trim).filter(|n| !n.is_empty()).map(String::from);
        Recipient { name, email: email.trim().to_string() }
    }

    /// `Sophie Aubert <sophie.aubert@ac-cevennes.fr>`, or the address alone; a name that holds
    /// a comma, a quote or an angle bracket is quoted, so that [`parse_recipients`] reads it back.
    ///
    /// ```
    /// use facteur_compose::Recipient;
    /// assert_eq!(Recipient::new(Some("Sophie Aubert"), "s@ac.fr").display(), "Sophie Aubert <s@ac.fr>");
    /// assert_eq!(Recipient::new(Some("Aubert, Sophie"), "s@ac.fr").display(), "\"Aubert, Sophie\" <s@ac.fr>");
    /// assert_eq!(Recipient::new(Some(" "), "s@ac.fr").display(), "s@ac.fr");
    /// ```
    pub fn display(&self) -> String {
        match &self.name {
            Some(name) if name.contains(|c: char| SPECIALS.contains(c)) => {
                format!("\"{}\" <{}>", name.replace('\\', "\\\\").replace('"', "\\\""), self.email)
            }
            Some(name) => format!("{name} <{}>", self.email),
            None => self.email.clone(),
        }
    }

    /// The name if there is one, else the address (what a chip shows).
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.email)
    }

    /// Whether this address can be sent to ([`check_address`]).
    pub fn problem(&self) -> Option<AddressProblem> {
        check_address(&self.email).err()
    }

    /// As JMAP writes it.
    pub fn to_jmap(&self) -> EmailAddress {
        EmailAddress { name: self.name.clone(), email: Some(self.email.clone()) }
    }

    /// From JMAP (`None` when it has no address).
    pub fn from_jmap(address: &EmailAddress) -> Option<Recipient> {
        let email = address.email.as_deref().map(str::trim).filter(|e| !e.is_empty())?;
        Some(Recipient::new(address.name.as_deref(), email))
    }
}

/// Checks one address (already without name or angle brackets): a dot-atom of ASCII before
/// the `@` (at most 64 octets), a domain of at least two labels (letters, digits, hyphens, and
/// the letters of an internationalised domain), at most [`MAX_ADDRESS`] characters in all.
///
/// ```
/// use facteur_compose::address::{check_address, AddressProblem};
/// assert_eq!(check_address("sophie.aubert@ac-cevennes.fr"), Ok(()));
/// assert_eq!(check_address("secretariat@collège-brassens.fr"), Ok(()), "an accented domain is fine");
/// assert_eq!(check_address("élève@ac-cevennes.fr"), Err(AddressProblem::NonAsciiLocal));
/// assert_eq!(check_address("sophie.aubert"), Err(AddressProblem::NoAt));
/// ```
pub fn check_address(email: &str) -> Result<(), AddressProblem> {
    if email.chars().count() > MAX_ADDRESS {
        return Err(AddressProblem::TooLong);
    }
    let (local, domain) = email.rsplit_once('@').ok_or(AddressProblem::NoAt)?;
    if local.is_empty() {
        return Err(AddressProblem::EmptyLocal);
    }
    if !local.split('.').all(|atom| {
        !atom.is_empty()
            && atom.chars().all(|c| is_atext(c) || (!c.is_ascii() && !c.is_whitespace() && !c.is_control()))
    }) {
        return Err(AddressProblem::BadLocal);
    }
    if !local.is_ascii() {
        return Err(AddressProblem::NonAsciiLocal);
    }
    if local.len() > MAX_LOCAL {
        return Err(AddressProblem::BadLocal);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.chars().count() <= MAX_LABEL
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && is_domain_letter(c)))
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) {
        return Err(AddressProblem::BadDomain);
    }
    Ok(())
}

/// Splits what the user typed or pasted into recipients: separated by `,`, `;` or line breaks
/// (not inside quotes or angle brackets); each `Name <address>`, `"Name, quoted" <address>`,
/// `<address>` or a bare address. Empty pieces are dropped. Each recipient comes back even when
/// its address has a problem (the chip is shown marked, [`Recipient::problem`]).
///
/// ```
/// use facteur_compose::address::parse_recipients;
/// use facteur_compose::Recipient;
/// assert_eq!(
///     parse_recipients("Nom <a@b.fr>, c@d.fr; e@f.fr"),
///     [Recipient::new(Some("Nom"), "a@b.fr"), Recipient::new(None, "c@d.fr"), Recipient::new(None, "e@f.fr")]
/// );
/// let pasted = parse_recipients("\"Aubert, Sophie\" <sophie.aubert@ac-cevennes.fr>\n<direction@ac-cevennes.fr>");
/// assert_eq!(pasted[0].name.as_deref(), Some("Aubert, Sophie"));
/// assert_eq!(pasted[1], Recipient::new(None, "direction@ac-cevennes.fr"));
/// ```
pub fn parse_recipients(text: &str) -> Vec<Recipient> {
    scan(text).0.into_iter().filter_map(parse_one).collect()
}

/// Whether the text typed so far in a recipient field is finished (ends with `,`, `;`, a
/// line break, or a space after something that looks like a whole address): the field then
/// turns it into chips.
pub fn ends_entry(text: &str) -> bool {
    let Some(last) = text.chars().next_back() else { return false };
    let (entries, open) = scan(text);
    if open {
        return false;
    }
    if is_separator(last) {
        return true;
    }
    let entry = entries.last().map_or("", |e| e.trim());
    if last != ' ' || entry.is_empty() {
        return false;
    }
    if entry.ends_with('>') {
        return angle_start(entry).is_some();
    }
    !entry.contains(char::is_whitespace) && check_address(entry).is_ok()
}

/// The longest address (RFC 5321's path limit less the angle brackets).
pub const MAX_ADDRESS: usize = 254;
/// The longest part before the `@` (RFC 5321 §4.5.3.1.1).
const MAX_LOCAL: usize = 64;
/// The longest label of a domain.
const MAX_LABEL: usize = 63;
/// Characters that make a display name need quotes to be read back.
const SPECIALS: &str = "()<>[]:;@\\,\"";

/// RFC 5322 `atext`: what a dot-atom's atoms hold (ASCII only).
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// A non-ASCII character an internationalised domain may hold (letters, digits and their
/// combining marks; not spaces, punctuation or the ideographic full stop, which IDNA maps to a dot).
fn is_domain_letter(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !matches!(c, '\u{3002}' | '\u{ff0e}' | '\u{ff61}' | '\u{a0}')
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | ';' | '\n' | '\r')
}

/// The entries of a text, split at separators outside quotes and angle brackets (a line break
/// always splits: a name or an address never spans lines), and whether the last one is still
/// inside quotes or angle brackets.
fn scan(text: &str) -> (Vec<&str>, bool) {
    let mut entries = Vec::new();
    let (mut start, mut quoted, mut angle, mut escaped) = (0, false, false, false);
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\n' | '\r' => {
                entries.push(&text[start..i]);
                start = i + 1;
                (quoted, angle) = (false, false);
            }
            '\\' if quoted => escaped = true,
            '"' if !angle => quoted = !quoted,
            '<' if !quoted => angle = true,
            '>' if !quoted => angle = false,
            ',' | ';' if !quoted && !angle => {
                entries.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    entries.push(&text[start..]);
    (entries, quoted || angle)
}

/// One entry: `Name <address>`, `"Name, quoted" <address>`, `"Name" address`, `<address>` or
/// an address (a `mailto:` before it is dropped).
fn parse_one(piece: &str) -> Option<Recipient> {
    let piece = piece.trim();
    if piece.is_empty() {
        return None;
    }
    let (name, email) = match angle_start(piece) {
        Some(i) => {
            let rest = &piece[i + 1..];
            let email = rest.split_once('>').map_or(rest, |(inside, _)| inside);
            (Some(unquote(piece[..i].trim())), email)
        }
        None => match quoted_prefix(piece) {
            Some((name, rest)) => (Some(name), rest),
            None => (None, piece),
        },
    };
    let email = email.trim();
    let email = match email.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => email[7..].trim(),
        _ => email,
    };
    if email.is_empty() {
        return None;
    }
    let name = name.filter(|n| !n.eq_ignore_ascii_case(email));
    Some(Recipient::new(name.as_deref(), email))
}

/// Where the `<` of `Name <address>` is (outside quotes).
fn angle_start(piece: &str) -> Option<usize> {
    let (mut quoted, mut escaped) = (false, false);
    for (i, c) in piece.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '<' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// `"Name" address` → the name and the rest.
fn quoted_prefix(piece: &str) -> Option<(String, &str)> {
    let inner = piece.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some((unquote(&piece[..i + 2]), &inner[i + 1..])),
            _ => {}
        }
    }
    None
}

/// A display name without its quotes (`"Aubert, Sophie"` or `'Sophie'`), escapes resolved.
fn unquote(name: &str) -> String {
    let inner = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .or_else(|| name.strip_prefix('\'').and_then(|n| n.strip_suffix('\'')).filter(|n| !n.contains('\'')));
    match inner {
        Some(inner) => {
            let mut out = String::with_capacity(inner.len());
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    c => out.push(c),
                }
            }
            out.trim().to_string()
        }
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AddressProblem::*;

    fn r(name: Option<&str>, email: &str) -> Recipient {
        Recipient::new(name, email)
    }

    #[test]
    fn pasted_lists_split_outside_quotes_and_angle_brackets() {
        let pasted = "\"Aubert, Sophie\" <sophie.aubert@ac-cevennes.fr>; Marc Duval <marc.duval@ac-cevennes.fr>,\r\n\
                      <vie-scolaire@clg-brassens.fr>\n\n  cpe@clg-brassens.fr ;; ,\n\"Dupont; \\\"Jo\\\" <x>\" <jo@ac.fr>";
        assert_eq!(
            parse_recipients(pasted),
            [
                r(Some("Aubert, Sophie"), "sophie.aubert@ac-cevennes.fr"),
                r(Some("Marc Duval"), "marc.duval@ac-cevennes.fr"),
                r(None, "vie-scolaire@clg-brassens.fr"),
                r(None, "cpe@clg-brassens.fr"),
                r(Some("Dupont; \"Jo\" <x>"), "jo@ac.fr"),
            ]
        );
        // Separators inside the angle brackets do not split; a line break always does.
        assert_eq!(parse_recipients("A <a@b.fr, c@d.fr>"), [r(Some("A"), "a@b.fr, c@d.fr")]);
        assert_eq!(parse_recipients("\"Sophie\nAubert\" <s@a.fr>").len(), 2);
        assert_eq!(parse_recipients(" , ;\n"), []);
    }

    #[test]
    fn names_are_unquoted_and_dropped_when_they_are_the_address() {
        assert_eq!(parse_recipients("'Sophie Aubert' <s@a.fr>"), [r(Some("Sophie Aubert"), "s@a.fr")]);
        assert_eq!(parse_recipients("\"s@a.fr\" <S@A.fr>"), [r(None, "S@A.fr")]);
        assert_eq!(parse_recipients("\"Sophie\" s@a.fr"), [r(Some("Sophie"), "s@a.fr")]);
        assert_eq!(parse_recipients("mailto:s@a.fr"), [r(None, "s@a.fr")]);
        assert_eq!(parse_recipients("Sophie <s@a.fr"), [r(Some("Sophie"), "s@a.fr")], "unclosed bracket");
        // A recipient whose address has a problem still comes back, to be shown marked.
        let odd = parse_recipients("Sophie Aubert, s@a.fr");
        assert_eq!(odd[0].problem(), Some(NoAt));
        assert_eq!(odd[1].problem(), None);
    }

    #[test]
    fn every_problem_has_its_case() {
        let cases = [
            ("sophie.aubert.ac-cevennes.fr", NoAt),
            ("@ac-cevennes.fr", EmptyLocal),
            ("sophie@", BadDomain),
            ("sophie@localhost", BadDomain),
            ("sophie@ac..fr", BadDomain),
            ("sophie@ac.fr.", BadDomain),
            ("sophie@-ac.fr", BadDomain),
            ("sophie@ac_cevennes.fr", BadDomain),
            ("sophie@ac cevennes.fr", BadDomain),
            ("sophie@[192.0.2.1]", BadDomain),
            ("sophie aubert@ac.fr", BadLocal),
            ("sophie@aubert@ac.fr", BadLocal),
            (".sophie@ac.fr", BadLocal),
            ("sophie..aubert@ac.fr", BadLocal),
            ("sophie(a)@ac.fr", BadLocal),
            ("\"sophie aubert\"@ac.fr", BadLocal),
            ("sophie\u{a0}aubert@ac.fr", BadLocal),
            ("élève@ac-cevennes.fr", NonAsciiLocal),
            ("noé.durand@ac-cevennes.fr", NonAsciiLocal),
        ];
        for (email, problem) in cases {
            assert_eq!(check_address(email), Err(problem), "{email}");
            assert_eq!(r(None, email).problem(), Some(problem), "{email}");
        }
        for fine in [
            "sophie.aubert@ac-cevennes.fr",
            "o'brien+conseil@ac.fr",
            "ce.0301234x@ac-montpellier.fr",
            "secretariat@collège-brassens.fr",
            "direction@école.例え.jp",
            "UPPER@AC.FR",
        ] {
            assert_eq!(check_address(fine), Ok(()), "{fine}");
        }
    }

    #[test]
    fn addresses_are_at_most_254_characters() {
        let domain = format!("{}.{}.{}.fr", "a".repeat(63), "b".repeat(63), "c".repeat(63)); // 194
        let at_limit = format!("{}@{domain}", "x".repeat(254 - 1 - domain.len()));
        assert_eq!(at_limit.len(), 254);
        assert_eq!(check_address(&at_limit), Ok(()));
        assert_eq!(check_address(&format!("x{at_limit}")), Err(TooLong));
        assert_eq!(check_address(&format!("{}@ac.fr", "x".repeat(65))), Err(BadLocal), "local part over 64");
        assert_eq!(check_address(&format!("x@{}.fr", "a".repeat(64))), Err(BadDomain), "label over 63");
    }

    #[test]
    fn an_entry_ends_at_a_separator_or_a_space_after_a_whole_address() {
        for done in ["a@b.fr,", "a@b.fr;", "a@b.fr\n", "sophie@ac-cevennes.fr ", "Sophie <s@a.fr> ", "x,"] {
            assert!(ends_entry(done), "{done:?}");
        }
        for typing in
            ["", "sophie", "Sophie ", "sophie@ac ", "\"Aubert,", "\"Aubert, Sophie\" <s@a", "Sophie <s@a.fr, "]
        {
            assert!(!ends_entry(typing), "{typing:?}");
        }
    }

    #[test]
    fn recipients_go_to_and_from_jmap() {
        let sophie = r(Some("  Sophie Aubert "), " s@a.fr ");
        assert_eq!(sophie, Recipient { name: Some("Sophie Aubert".into()), email: "s@a.fr".into() });
        assert_eq!(sophie.label(), "Sophie Aubert");
        assert_eq!(r(None, "s@a.fr").label(), "s@a.fr");
        assert_eq!(Recipient::from_jmap(&sophie.to_jmap()), Some(sophie));
        assert_eq!(Recipient::from_jmap(&EmailAddress { name: Some("Groupe".into()), email: None }), None);
        assert_eq!(
            Recipient::from_jmap(&EmailAddress { name: Some(String::new()), email: Some("x@y.fr".into()) }),
            Some(r(None, "x@y.fr"))
        );
        let tricky = r(Some("Dupont, \"Jo\""), "jo@ac.fr");
        assert_eq!(parse_recipients(&tricky.display()), [tricky]);
    }
}
