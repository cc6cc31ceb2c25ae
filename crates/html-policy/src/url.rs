//! URL decisions: links (`href`) and images (`src`, `background`, CSS `url()`).
//!
//! Everything not explicitly allowed is blocked. Before deciding, a URL is cleaned the way
//! the browser's URL parser cleans it: leading and trailing C0 controls and spaces are
//! removed, and tabs and newlines are removed everywhere (so `" java\tscript:"` is seen as
//! `javascript:`). A scheme is only recognised when it is ASCII (`[A-Za-z][A-Za-z0-9+.-]*`)
//! before the first `:`; anything else (`&#106;avascript:` left undecoded, `%6Aavascript:`,
//! `java\0script:`) is a *relative* URL, and relative URLs are blocked too: they make no
//! sense in a mail.

/// Prefix given to every `id` and `name` of the message, and to fragment links (`#x` →
/// `#msg-x`), so that anchors inside a message still work while never matching an id the
/// app (or the iframe wrapper) uses.
pub const ID_PREFIX: &str = "msg-";

/// `x` → `msg-x`, leaving a value that already starts with [`ID_PREFIX`] as it is, so that
/// sanitising a sanitised message changes nothing.
///
/// ```
/// use facteur_html_policy::with_id_prefix;
/// assert_eq!(with_id_prefix("haut"), "msg-haut");
/// assert_eq!(with_id_prefix("msg-haut"), "msg-haut");
/// ```
pub fn with_id_prefix(value: &str) -> String {
    if value.starts_with(ID_PREFIX) {
        value.to_string()
    } else {
        format!("{ID_PREFIX}{value}")
    }
}

/// What a link target (`href` on `a` or `area`) becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkUrl {
    /// `http`, `https`, `mailto` or `tel`: normalised (scheme lowercased, tabs/newlines
    /// removed, spaces and controls percent-encoded). Open it in a new window.
    Safe(String),
    /// A link to an anchor of the message itself, rewritten with [`ID_PREFIX`]
    /// (`#top` → `#msg-top`; a bare `#` stays `#`). Do not open in a new window.
    Fragment(String),
    /// Anything else: drop the `href` (the text stays, not clickable).
    Blocked,
}

/// What an image source (`img src`, `background`, CSS `url()`) becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageUrl {
    /// `cid:` reference to a part of the message: the Content-ID, percent-decoded and
    /// without angle brackets. The walker swaps it for the part's `blob:` URL.
    Cid(String),
    /// An inline `data:image/(png|gif|jpeg|webp);base64,…` image (normalised). SVG is never
    /// accepted (it can carry script).
    Data(String),
    /// An `http`/`https` image: only loaded once the user allows remote content.
    Remote(String),
    /// Anything else.
    Blocked,
}

/// Cleans a URL like the browser's URL parser does first: trims C0 controls and spaces
/// at both ends, removes ASCII tabs and newlines everywhere.
pub(crate) fn clean(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect()
}

/// The lowercased scheme and the rest, when `s` starts with a valid ASCII scheme.
fn split_scheme(s: &str) -> Option<(String, &str)> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    if !chars.next()?.is_ascii_alphabetic() {
        return None;
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    Some((scheme.to_ascii_lowercase(), &s[colon + 1..]))
}

/// Percent-encodes what must never appear raw in an attribute we write back.
fn encode_unsafe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c <= ' ' || c == '\u{7f}' || matches!(c, '"' | '<' | '>' | '`') {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes `%XX` sequences (invalid ones are kept as they are).
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `scheme://authority/rest` for http(s), accepting the browser's leniency
/// (`https:\\host`, `http:host`); `None` without a host.
fn normalise_http(scheme: &str, rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches(['/', '\\']);
    let url = format!("{scheme}://{}", encode_unsafe(rest));
    http_host(&url).map(|_| url)
}

/// The host of a normalised `http(s)://` URL: userinfo and port removed, percent-decoded,
/// lowercased, without a trailing dot.
pub(crate) fn http_host(url: &str) -> Option<String> {
    let (scheme, rest) = split_scheme(url)?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.trim_start_matches(['/', '\\']);
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let host = percent_decode(host).to_lowercase();
    let host = host.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_string())
}

/// Decides what a link target becomes.
///
/// ```
/// use facteur_html_policy::{classify_link, LinkUrl};
/// assert_eq!(classify_link(" HTTPS://ac-cevennes.fr/a b"), LinkUrl::Safe("https://ac-cevennes.fr/a%20b".into()));
/// assert_eq!(classify_link("java\tscript:alert(1)"), LinkUrl::Blocked);
/// assert_eq!(classify_link("#haut"), LinkUrl::Fragment("#msg-haut".into()));
/// assert_eq!(classify_link("/relative/path"), LinkUrl::Blocked);
/// ```
pub fn classify_link(href: &str) -> LinkUrl {
    let s = clean(href);
    if let Some(fragment) = s.strip_prefix('#') {
        return if fragment.is_empty() {
            LinkUrl::Fragment("#".into())
        } else {
            LinkUrl::Fragment(format!("#{}", with_id_prefix(&encode_unsafe(fragment))))
        };
    }
    match split_scheme(&s) {
        Some((scheme, rest)) if scheme == "http" || scheme == "https" => {
            normalise_http(&scheme, rest).map_or(LinkUrl::Blocked, LinkUrl::Safe)
        }
        Some((scheme, rest)) if (scheme == "mailto" || scheme == "tel") && !rest.is_empty() => {
            LinkUrl::Safe(format!("{scheme}:{}", encode_unsafe(rest)))
        }
        _ => LinkUrl::Blocked,
    }
}

/// Formats accepted in `data:` images. No SVG: it can carry script.
const DATA_IMAGE_TYPES: [&str; 5] = ["png", "gif", "jpeg", "jpg", "webp"];

/// Decides what an image source becomes.
///
/// ```
/// use facteur_html_policy::{classify_image, ImageUrl};
/// assert_eq!(classify_image("cid:logo@ac-cevennes.fr"), ImageUrl::Cid("logo@ac-cevennes.fr".into()));
/// assert_eq!(classify_image("https://t.example/p.gif"), ImageUrl::Remote("https://t.example/p.gif".into()));
/// assert_eq!(classify_image("data:image/svg+xml;base64,PHN2Zz4="), ImageUrl::Blocked);
/// ```
pub fn classify_image(src: &str) -> ImageUrl {
    let s = clean(src);
    match split_scheme(&s) {
        Some((scheme, rest)) if scheme == "cid" => {
            let id = percent_decode(rest);
            let id = id.trim().trim_start_matches('<').trim_end_matches('>');
            if id.is_empty() {
                ImageUrl::Blocked
            } else {
                ImageUrl::Cid(id.to_string())
            }
        }
        Some((scheme, rest)) if scheme == "data" => data_image(rest).map_or(ImageUrl::Blocked, ImageUrl::Data),
        Some((scheme, rest)) if scheme == "http" || scheme == "https" => {
            normalise_http(&scheme, rest).map_or(ImageUrl::Blocked, ImageUrl::Remote)
        }
        _ => ImageUrl::Blocked,
    }
}

/// `data:` URL body (after the scheme) → normalised URL when it is a base64 raster image.
fn data_image(rest: &str) -> Option<String> {
    let (header, body) = rest.split_once(',')?;
    let header = header.trim().to_ascii_lowercase();
    let subtype = header.strip_prefix("image/")?.strip_suffix(";base64")?;
    if !DATA_IMAGE_TYPES.contains(&subtype) {
        return None;
    }
    let body: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let valid = !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='));
    valid.then(|| format!("data:image/{subtype};base64,{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tricky_links_table() {
        use LinkUrl::*;
        let safe = |s: &str| Safe(s.to_string());
        let table: Vec<(&str, LinkUrl)> = vec![
            ("https://messagerie.ac-cevennes.fr/", safe("https://messagerie.ac-cevennes.fr/")),
            ("http://ac-cevennes.fr", safe("http://ac-cevennes.fr")),
            ("HtTpS://Example.org/Path", safe("https://Example.org/Path")),
            ("  https://example.org  ", safe("https://example.org")),
            ("\u{1}\u{1f}https://example.org\u{0}", safe("https://example.org")),
            ("ht\ttp\ns://exa\rmple.org", safe("https://example.org")),
            ("https:\\\\example.org\\x", safe("https://example.org\\x")),
            ("https:example.org", safe("https://example.org")),
            ("https://example.org/a b\"<>", safe("https://example.org/a%20b%22%3C%3E")),
            ("mailto:dane@ac-cevennes.fr?subject=Bonjour", safe("mailto:dane@ac-cevennes.fr?subject=Bonjour")),
            ("MAILTO:x@y.fr", safe("mailto:x@y.fr")),
            ("tel:+33467000000", safe("tel:+33467000000")),
            ("#section-2", Fragment("#msg-section-2".into())),
            ("#", Fragment("#".into())),
            ("javascript:alert(1)", Blocked),
            ("JaVaScRiPt:alert(1)", Blocked),
            (" \u{0}javascript:alert(1)", Blocked),
            ("java\tscript:alert(1)", Blocked),
            ("java\nscript:alert(1)", Blocked),
            ("java\r\nscript:alert(1)", Blocked),
            ("\u{b}javascript:alert(1)", Blocked),
            ("&#106;avascript:alert(1)", Blocked),
            ("&#x6A;avascript:alert(1)", Blocked),
            ("%6Aavascript:alert(1)", Blocked),
            ("javascript%3Aalert(1)", Blocked),
            ("java\u{0}script:alert(1)", Blocked),
            ("\u{feff}javascript:alert(1)", Blocked),
            ("vbscript:msgbox(1)", Blocked),
            ("VBScript:msgbox(1)", Blocked),
            ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", Blocked),
            ("data:image/png;base64,iVBORw0KGgo=", Blocked),
            ("file:///etc/passwd", Blocked),
            ("blob:https://example.org/uuid", Blocked),
            ("about:blank", Blocked),
            ("ftp://example.org", Blocked),
            ("//evil.example/x", Blocked),
            ("/login", Blocked),
            ("login.html", Blocked),
            ("www.example.org", Blocked),
            ("https://", Blocked),
            ("http:", Blocked),
            ("mailto:", Blocked),
            ("", Blocked),
            ("   ", Blocked),
        ];
        for (input, expected) in table {
            assert_eq!(classify_link(input), expected, "classify_link({input:?})");
        }
    }

    #[test]
    fn tricky_images_table() {
        use ImageUrl::*;
        let table: Vec<(&str, ImageUrl)> = vec![
            ("cid:logo123@mail", Cid("logo123@mail".into())),
            ("CID:<part1.abc@x>", Cid("part1.abc@x".into())),
            ("cid:part%40one", Cid("part@one".into())),
            ("cid:", Blocked),
            ("data:image/png;base64,iVBORw0KGgo=", Data("data:image/png;base64,iVBORw0KGgo=".into())),
            ("DATA:Image/GIF;BASE64,R0lG ODlh", Data("data:image/gif;base64,R0lGODlh".into())),
            ("data:image/jpeg;base64,/9j/4AAQ", Data("data:image/jpeg;base64,/9j/4AAQ".into())),
            ("data:image/webp;base64,UklGRg==", Data("data:image/webp;base64,UklGRg==".into())),
            ("data:image/svg+xml;base64,PHN2Zz4=", Blocked),
            ("data:image/svg+xml,<svg onload=alert(1)>", Blocked),
            ("data:image/png,rawbytes", Blocked),
            ("data:image/png;base64,<script>", Blocked),
            ("data:text/html;base64,PHNjcmlwdD4=", Blocked),
            ("https://tracker.example/p.gif?u=1", Remote("https://tracker.example/p.gif?u=1".into())),
            (" HTTP://cdn.example/i.png", Remote("http://cdn.example/i.png".into())),
            ("//cdn.example/i.png", Blocked),
            ("javascript:alert(1)", Blocked),
            ("java\tscript:alert(1)", Blocked),
            ("x", Blocked),
            ("file:///c:/x.png", Blocked),
            ("blob:https://example.org/1", Blocked),
        ];
        for (input, expected) in table {
            assert_eq!(classify_image(input), expected, "classify_image({input:?})");
        }
    }

    #[test]
    fn hosts() {
        assert_eq!(http_host("https://user:pw@Example.ORG.:8443/x").as_deref(), Some("example.org"));
        assert_eq!(http_host("https://ac-cevennes.fr@evil.example/x").as_deref(), Some("evil.example"));
        assert_eq!(http_host("https://%65vil.example/").as_deref(), Some("evil.example"));
        assert_eq!(http_host("https://[::1]:80/").as_deref(), Some("[::1]"));
        assert_eq!(http_host("mailto:x@y.fr"), None);
        assert_eq!(http_host("https:///"), None);
    }

    #[test]
    fn percent_decoding_keeps_invalid_sequences() {
        assert_eq!(percent_decode("a%41%4"), "aA%4");
        assert_eq!(percent_decode("%zz%"), "%zz%");
    }
}
