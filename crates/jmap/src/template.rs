//! URL templates of the session (RFC 6570 level 1, as JMAP uses them).

/// Expands `{name}` variables with percent-encoded values; unknown variables are left as is.
///
/// ```
/// use facteur_jmap::expand_url_template;
/// let url = expand_url_template("/jmap/download/{accountId}/{blobId}/{name}?accept={type}",
///     &[("accountId", "a@b.fr"), ("blobId", "B1"), ("name", "Compte rendu.pdf"), ("type", "application/pdf")]);
/// assert_eq!(url, "/jmap/download/a%40b.fr/B1/Compte%20rendu.pdf?accept=application%2Fpdf");
/// ```
pub fn expand_url_template(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        match vars.iter().find(|(k, _)| *k == name) {
            Some((_, value)) => out.push_str(&percent_encode(value)),
            None => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Percent-encodes everything but RFC 3986 unreserved characters (UTF-8 bytes as `%XX`).
///
/// ```
/// assert_eq!(facteur_jmap::percent_encode("é a/b"), "%C3%A9%20a%2Fb");
/// ```
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_reserved_characters_are_encoded() {
        assert_eq!(expand_url_template("/u/{accountId}/", &[("accountId", "élève/1")]), "/u/%C3%A9l%C3%A8ve%2F1/");
        assert_eq!(expand_url_template("/x/{unknown}", &[]), "/x/{unknown}");
        assert_eq!(expand_url_template("no vars", &[("a", "b")]), "no vars");
    }
}
