//! `mailto:` links (RFC 6068): `mailto:a@b.fr,c@d.fr?cc=…&bcc=…&subject=…&body=…`, percent-
//! decoded (UTF-8), as the browser hands them to a registered handler.

use crate::address::{parse_recipients, Recipient};

/// What a `mailto:` link fills in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mailto {
    /// To (the path and any `to=`).
    pub to: Vec<Recipient>,
    /// Cc.
    pub cc: Vec<Recipient>,
    /// Bcc.
    pub bcc: Vec<Recipient>,
    /// Subject.
    pub subject: String,
    /// Body (line breaks as `\n`).
    pub body: String,
}

/// Reads a `mailto:` URL (case-insensitive scheme); `None` when it is not one. Unknown fields
/// are ignored; a bad percent escape is kept as written.
///
/// Addresses come from the path and every `to`, `cc` and `bcc` field (each may list several,
/// separated by commas); the first `subject` and the first `body` count. A `+` stays a `+`
/// (RFC 6068 is not a form encoding), and a `%XX` that does not decode to UTF-8 stays as
/// written. A line break in the subject is a space.
///
/// ```
/// use facteur_compose::mailto::parse;
/// use facteur_compose::Recipient;
/// let link = parse("mailto:a@b.fr?subject=Bonjour%20%C3%A0%20vous&body=Ligne%201%0D%0ALigne%202").unwrap();
/// assert_eq!(link.to, [Recipient::new(None, "a@b.fr")]);
/// assert_eq!(link.subject, "Bonjour à vous");
/// assert_eq!(link.body, "Ligne 1\nLigne 2");
/// assert_eq!(parse("https://a.fr"), None);
/// ```
pub fn parse(url: &str) -> Option<Mailto> {
    let url = url.trim();
    let rest = url.get(..7).filter(|scheme| scheme.eq_ignore_ascii_case("mailto:")).map(|_| &url[7..])?;
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut link = Mailto { to: parse_recipients(&decode(path)), ..Mailto::default() };
    let (mut subject, mut body) = (None, None);
    for field in query.split('&').filter(|f| !f.is_empty()) {
        let (name, value) = field.split_once('=').unwrap_or((field, ""));
        let value = decode(value);
        match decode(name).to_ascii_lowercase().as_str() {
            "to" => link.to.extend(parse_recipients(&value)),
            "cc" => link.cc.extend(parse_recipients(&value)),
            "bcc" => link.bcc.extend(parse_recipients(&value)),
            "subject" => subject = subject.or(Some(value)),
            "body" => body = body.or(Some(value)),
            _ => {}
        }
    }
    link.subject = subject.unwrap_or_default().replace("\r\n", " ").replace(['\r', '\n'], " ");
    link.body = body.unwrap_or_default().replace("\r\n", "\n").replace('\r', "\n");
    Some(link)
}

/// Percent-decodes as UTF-8; an escape that is not two hex digits, or bytes that are not
/// UTF-8, stay as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        // A run of escapes, decoded together (a character may take several).
        let run_start = i;
        let mut decoded = Vec::new();
        while let Some(byte) = escape_at(bytes, i) {
            decoded.push(byte);
            i += 3;
        }
        if decoded.is_empty() {
            let next = text[i..].find('%').map_or(text.len(), |at| if at == 0 { i + 1 } else { i + at });
            out.push_str(&text[i..next]);
            i = next;
            continue;
        }
        let mut at = run_start;
        for chunk in decoded.utf8_chunks() {
            out.push_str(chunk.valid());
            at += chunk.valid().len() * 3;
            let invalid = chunk.invalid().len() * 3;
            out.push_str(&text[at..at + invalid]);
            at += invalid;
        }
    }
    out
}

/// The byte of a `%XX` escape at `i`, if there is one.
fn escape_at(bytes: &[u8], i: usize) -> Option<u8> {
    match bytes.get(i..i + 3)? {
        [b'%', high, low] => {
            let hex = |b: u8| (b as char).to_digit(16);
            Some((hex(*high)? * 16 + hex(*low)?) as u8)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(email: &str) -> Recipient {
        Recipient::new(None, email)
    }

    #[test]
    fn the_examples_of_rfc_6068() {
        let link = parse("mailto:chris@example.com").unwrap();
        assert_eq!(link, Mailto { to: vec![r("chris@example.com")], ..Mailto::default() });
        let link = parse("mailto:infobot@example.com?subject=current-issue").unwrap();
        assert_eq!((link.to, link.subject.as_str()), (vec![r("infobot@example.com")], "current-issue"));
        let link = parse("mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index").unwrap();
        assert_eq!(link.body, "send current-issue\nsend index");
        let link = parse("mailto:?to=joe@example.com&cc=bob@example.com&body=hello").unwrap();
        assert_eq!(
            (link.to, link.cc, link.body.as_str()),
            (vec![r("joe@example.com")], vec![r("bob@example.com")], "hello")
        );
        let link = parse("mailto:gorby%25kgb.su").unwrap();
        assert_eq!(link.to, [r("gorby%kgb.su")]);
        let link = parse("mailto:joe@example.com?cc=bob@example.com&body=hello&bcc=jane@example.com").unwrap();
        assert_eq!(link.bcc, [r("jane@example.com")]);
        let link = parse("mailto:user@example.org?subject=caf%C3%A9").unwrap();
        assert_eq!(link.subject, "café");
        let link = parse("mailto:Mike%26family@example.org").unwrap();
        assert_eq!(link.to, [r("Mike&family@example.org")]);
    }

    #[test]
    fn several_recipients_in_the_path_and_the_query() {
        let link = parse("mailto:a@b.fr,c@d.fr?to=e@f.fr%2Cg@h.fr&To=i@j.fr&CC=k@l.fr&bcc=m@n.fr,o@p.fr").unwrap();
        assert_eq!(link.to, [r("a@b.fr"), r("c@d.fr"), r("e@f.fr"), r("g@h.fr"), r("i@j.fr")]);
        assert_eq!(link.cc, [r("k@l.fr")]);
        assert_eq!(link.bcc, [r("m@n.fr"), r("o@p.fr")]);
        let named = parse("mailto:%22Aubert%2C%20Sophie%22%20%3Csophie@ac.fr%3E").unwrap();
        assert_eq!(named.to, [Recipient::new(Some("Aubert, Sophie"), "sophie@ac.fr")]);
    }

    #[test]
    fn the_scheme_is_case_insensitive_and_odd_links_are_read_as_they_can() {
        let link = parse("  MAILTO:A@B.FR?SUBJECT=Salut&Body=x+y  ").unwrap();
        assert_eq!((link.to, link.subject.as_str(), link.body.as_str()), (vec![r("A@B.FR")], "Salut", "x+y"));
        assert_eq!(parse("MailTo:").unwrap(), Mailto::default());
        for not in ["", "mailto", "http://a.fr", "mail:a@b.fr", "xmailto:a@b.fr"] {
            assert_eq!(parse(not), None, "{not:?}");
        }
        // Bad escapes stay as written; bytes that are not UTF-8 too.
        let link = parse("mailto:a@b.fr?subject=100%&body=%zz%4%C3%A9%E9t%C3").unwrap();
        assert_eq!((link.subject.as_str(), link.body.as_str()), ("100%", "%zz%4é%E9t%C3"));
        // Unknown fields are ignored, the first subject counts, a line break in it is a space.
        let link = parse("mailto:a@b.fr?in-reply-to=%3Cx@y%3E&subject=Un%0D%0Adeux&subject=trois&x").unwrap();
        assert_eq!(link.subject, "Un deux");
        // A lone CR in the body is a line break too; the fragment is not part of the link.
        let link = parse("mailto:a@b.fr?body=a%0Db%0Ac#fragment").unwrap();
        assert_eq!(link.body, "a\nb\nc");
    }
}
