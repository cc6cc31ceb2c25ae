//! Phishing check: a link whose visible text shows one host and whose target is another.

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
/// No mismatch when the text does not look like a URL or host ("Cliquez ici"), when the
/// target is not `http(s)`, or when one host is the other or lies under it on a label
/// boundary (`ac-cevennes.fr` shown, `messagerie.ac-cevennes.fr` real), ignoring case
/// and a leading `www.`. IDN and punycode are compared as given, lowercased.
///
/// ```
/// use facteur_logic::html_policy::{link_mismatch, Mismatch};
/// assert_eq!(link_mismatch("https://messagerie.ac-cevennes.fr", "https://messagerie.ac-cevennes.fr.evil.example/login"),
///     Some(Mismatch { shown_host: "messagerie.ac-cevennes.fr".into(), real_host: "messagerie.ac-cevennes.fr.evil.example".into() }));
/// assert_eq!(link_mismatch("www.ac-cevennes.fr/login", "https://ac-cevennes.fr/login"), None);
/// assert_eq!(link_mismatch("Se connecter", "https://evil.example/"), None);
/// ```
pub fn link_mismatch(link_text: &str, href: &str) -> Option<Mismatch> {
    let shown = shown_host(link_text)?;
    let LinkUrl::Safe(url) = classify_link(href) else { return None };
    let real = http_host(&url)?;
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
        ];
        for (text, href, expected) in table {
            assert_eq!(link_mismatch(text, href), expected, "{text:?} → {href:?}");
        }
    }
}
