//! Phishing check: a link whose visible text shows one host and whose target is another.
//!
//! The text is compared as it is displayed, not as it is stored: invisible characters
//! (zero-width spaces and joiners, bidirectional marks) are removed, and a right-to-left
//! override (U+202E) reverses its run, so `https://\u{202E}rf.sennevec-ca` shows (and is
//! checked as) `https://ac-cevennes.fr`.

use super::url::{classify_link, http_host, percent_decode, LinkUrl};

/// A link that shows one host and goes to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Host shown in the link text (lowercased).
    pub shown_host: String,
    /// Host the link really goes to (lowercased, userinfo and port removed).
    pub real_host: String,
}

/// Multi-label public suffixes under which two sites share nothing. Without a full public
/// suffix list, a host equal to one of these never vouches for its subdomains.
const SHARED_SUFFIXES: &[&str] = &[
    "gouv.fr",
    "education.fr",
    "asso.fr",
    "nom.fr",
    "com.fr",
    "presse.fr",
    "tm.fr",
    "co.uk",
    "org.uk",
    "ac.uk",
    "gov.uk",
    "com.au",
    "co.jp",
    "com.br",
    "co.nz",
    "github.io",
    "gitlab.io",
    "blogspot.com",
    "herokuapp.com",
    "netlify.app",
    "vercel.app",
    "pages.dev",
    "workers.dev",
    "web.app",
    "firebaseapp.com",
    "azurewebsites.net",
    "cloudfront.net",
    "appspot.com",
    "ngrok.io",
    "sharepoint.com",
    "wixsite.com",
];

/// Whether `host` is a plausible domain name as typed in text: at least two labels of
/// letters, digits, `-` or non-ASCII, and an alphabetic (or punycode) last label.
fn plausible_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && tld.chars().count() >= 2
        && (tld.chars().all(char::is_alphabetic) || tld.starts_with("xn--"))
}

/// The host a link text shows, when it looks like a URL or a host name.
fn shown_host(text: &str) -> Option<String> {
    let text = text
        .trim()
        .trim_start_matches(['<', '(', '[', '"', '\'', '«'])
        .trim_end_matches(['>', ')', ']', '"', '\'', '»', '.', ',', ';', ':', '!', '?'])
        .trim();
    if text.is_empty() || text.chars().any(char::is_whitespace) {
        return None;
    }
    let lower = text.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return http_host(&lower);
    }
    if let Some(colon) = lower.find(':') {
        // Another scheme (`mailto:`), or `host:port`.
        let port = &lower[colon + 1..];
        if !port.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    let host = lower.split(['/', '?', '#', ':']).next().unwrap_or("");
    if host.contains('@') {
        return None; // an e-mail address
    }
    let host = percent_decode(host);
    let host = host.trim_end_matches('.');
    plausible_domain(host).then(|| host.to_string())
}

/// Characters that change how a text looks without being seen themselves: zero-width
/// spaces, joiners and marks, bidirectional controls, the soft hyphen, the BOM.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// Directional overrides: they reorder Latin letters too, which legitimate text never needs.
const OVERRIDES: [char; 2] = ['\u{202d}', '\u{202e}'];

/// The text as displayed, approximately (the Unicode bidirectional algorithm, for what a
/// link text can abuse): invisible characters removed, and the run under a right-to-left
/// override (up to its U+202C or U+2069, or the end) reversed as a whole; embeddings,
/// isolates and left-to-right overrides group their content without reordering it.
fn displayed(text: &str) -> String {
    fn group(chars: &mut std::str::Chars, reversed: bool) -> String {
        let mut items = Vec::new();
        while let Some(c) = chars.next() {
            match c {
                '\u{202e}' => items.push(group(chars, true)),
                '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{2066}'..='\u{2068}' => items.push(group(chars, false)),
                '\u{202c}' | '\u{2069}' => break,
                c if invisible(c) => {}
                c => items.push(c.to_string()),
            }
        }
        if reversed {
            items.reverse();
        }
        items.concat()
    }
    group(&mut text.chars(), false)
}

fn without_www(host: &str) -> &str {
    host.strip_prefix("www.").unwrap_or(host)
}

/// Whether `child` is `parent` or lies under it on a label boundary, `parent` being more
/// than a public suffix.
fn under(child: &str, parent: &str) -> bool {
    child == parent
        || (child.ends_with(parent)
            && child[..child.len() - parent.len()].ends_with('.')
            && parent.contains('.')
            && !SHARED_SUFFIXES.contains(&parent))
}

/// Compares the host shown by a link's text with where the link goes.
///
/// The text is taken as displayed (see the module's documentation). No mismatch when the
/// target is not `http(s)`, when the text does not look like a URL or host ("Cliquez ici")
/// and holds no directional override, or when one host is the other or lies under it on a
/// label boundary (`ac-cevennes.fr` shown, `messagerie.ac-cevennes.fr` real), ignoring case
/// and a leading `www.`. IDN and punycode are compared as given, lowercased. A text with an
/// override that shows no host is a mismatch too (its displayed text is the shown host):
/// the override is there to make the text look like something it is not.
///
/// ```
/// use facteur_html_policy::{link_mismatch, Mismatch};
/// assert_eq!(link_mismatch("https://messagerie.ac-cevennes.fr", "https://messagerie.ac-cevennes.fr.evil.example/login"),
///     Some(Mismatch { shown_host: "messagerie.ac-cevennes.fr".into(), real_host: "messagerie.ac-cevennes.fr.evil.example".into() }));
/// assert_eq!(link_mismatch("www.ac-cevennes.fr/login", "https://ac-cevennes.fr/login"), None);
/// assert_eq!(link_mismatch("Se connecter", "https://evil.example/"), None);
/// assert_eq!(link_mismatch("https://\u{202e}rf.sennevec-ca", "https://evil.example/"),
///     Some(Mismatch { shown_host: "ac-cevennes.fr".into(), real_host: "evil.example".into() }));
/// ```
pub fn link_mismatch(link_text: &str, href: &str) -> Option<Mismatch> {
    let LinkUrl::Safe(url) = classify_link(href) else { return None };
    let real = http_host(&url)?;
    let text = displayed(link_text);
    let Some(shown) = shown_host(&text) else {
        let shown = text.trim();
        let overridden = link_text.contains(OVERRIDES) && !shown.is_empty();
        return overridden.then(|| Mismatch { shown_host: shown.to_string(), real_host: real });
    };
    let (a, b) = (without_www(&shown), without_www(&real));
    if under(a, b) || under(b, a) {
        None
    } else {
        Some(Mismatch { shown_host: shown, real_host: real })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mismatch(shown: &str, real: &str) -> Option<Mismatch> {
        Some(Mismatch { shown_host: shown.into(), real_host: real.into() })
    }

    #[test]
    fn mismatches() {
        let table = [
            ("https://messagerie.ac-cevennes.fr", "https://messagerie.ac-cevennes.fr/", None),
            ("HTTPS://Messagerie.AC-Cevennes.fr/", "https://messagerie.ac-cevennes.fr", None),
            ("www.ac-cevennes.fr/login", "https://ac-cevennes.fr/login", None),
            ("messagerie.ac-cevennes.fr", "https://www.messagerie.ac-cevennes.fr", None),
            ("ac-cevennes.fr", "https://messagerie.ac-cevennes.fr/", None),
            ("messagerie.ac-cevennes.fr", "https://ac-cevennes.fr/", None),
            ("(https://ac-cevennes.fr).", "https://ac-cevennes.fr", None),
            ("Cliquez ici", "https://evil.example", None),
            ("dane@ac-cevennes.fr", "https://evil.example", None),
            ("mailto:dane@ac-cevennes.fr", "https://evil.example", None),
            ("version 1.2", "https://evil.example", None),
            ("1.2", "https://evil.example", None),
            ("https://ac-cevennes.fr", "mailto:x@evil.example", None),
            ("https://ac-cevennes.fr", "javascript:alert(1)", None),
            (
                "https://messagerie.ac-cevennes.fr",
                "https://messagerie-ac-cevennes.fr/login",
                mismatch("messagerie.ac-cevennes.fr", "messagerie-ac-cevennes.fr"),
            ),
            ("a.example.com", "https://example.com.evil.net/", mismatch("a.example.com", "example.com.evil.net")),
            (
                "www.ac-cevennes.fr",
                "https://ac-cevennes.fr@evil.example/",
                mismatch("www.ac-cevennes.fr", "evil.example"),
            ),
            ("ac-cevennes.fr", "https://evilac-cevennes.fr/", mismatch("ac-cevennes.fr", "evilac-cevennes.fr")),
            ("ac-cevennes.fr:443", "https://evil.example/", mismatch("ac-cevennes.fr", "evil.example")),
            ("education.gouv.fr", "https://evil.gouv.fr/", mismatch("education.gouv.fr", "evil.gouv.fr")),
            ("gouv.fr", "https://evil.gouv.fr/", mismatch("gouv.fr", "evil.gouv.fr")),
            ("paypal.com", "https://xn--pypal-4ve.com/", mismatch("paypal.com", "xn--pypal-4ve.com")),
            ("pаypal.com", "https://paypal.com/", mismatch("pаypal.com", "paypal.com")),
            ("https://ac-cevennes.fr", "https://192.168.0.1/", mismatch("ac-cevennes.fr", "192.168.0.1")),
            // Shown as displayed: a right-to-left override reverses its run…
            (
                "https://\u{202e}rf.sennevec-ca.eiregassem",
                "https://evil.example/",
                mismatch("messagerie.ac-cevennes.fr", "evil.example"),
            ),
            (
                "\u{202e}rf.sennevec-ca.eiregassem//:sptth",
                "https://evil.example/",
                mismatch("messagerie.ac-cevennes.fr", "evil.example"),
            ),
            ("\u{202e}rf.sennevec-ca\u{202c}", "https://evil.example/", mismatch("ac-cevennes.fr", "evil.example")),
            ("\u{202e}rf.sennevec-ca", "https://ac-cevennes.fr/", None),
            // … up to its end, nested groups moved as a whole.
            ("ac-\u{202e}sennevec\u{202c}.fr", "https://evil.example/", mismatch("ac-cevennes.fr", "evil.example")),
            (
                "\u{202e}rf.\u{202d}ac-cevennes\u{202c}",
                "https://evil.example/",
                mismatch("ac-cevennes.fr", "evil.example"),
            ),
            // An override that shows no host is flagged all the same.
            ("\u{202e}ici zeuqilC", "https://evil.example/", mismatch("Cliquez ici", "evil.example")),
            ("\u{202e}", "https://evil.example/", None),
            // Invisible characters do not hide the host.
            (
                "messagerie.ac-ceve\u{200b}nnes.fr",
                "https://evil.example/",
                mismatch("messagerie.ac-cevennes.fr", "evil.example"),
            ),
            ("ac-cevennes\u{2060}.fr\u{200f}", "https://evil.example/", mismatch("ac-cevennes.fr", "evil.example")),
            ("\u{feff}ac-cevennes.fr", "https://ac-cevennes.fr/", None),
            // Embeddings and isolates reorder no Latin letter: no override, no host, no flag.
            ("\u{2067}انقر هنا\u{2069}", "https://evil.example/", None),
            ("\u{202b}Cliquez ici\u{202c}", "https://evil.example/", None),
        ];
        for (text, href, expected) in table {
            assert_eq!(link_mismatch(text, href), expected, "{text:?} → {href:?}");
        }
    }
}
