//! Resolving the session's possibly relative URLs (Cyrus sends `"apiUrl": "/jmap/"`) against
//! the URL the session was fetched from (RFC 3986 §5.2, enough for JMAP's URLs and templates).

/// Resolves `url` against `base`; an absolute `url` is returned as is.
///
/// Template braces are left alone, so this works on `downloadUrl` before expansion.
///
/// ```
/// use facteur_jmap::resolve_url;
/// let base = "https://mail.example.fr/.well-known/jmap";
/// assert_eq!(resolve_url("/jmap/", base), "https://mail.example.fr/jmap/");
/// assert_eq!(resolve_url("/jmap/download/{accountId}/{blobId}/{name}?accept={type}", base),
///            "https://mail.example.fr/jmap/download/{accountId}/{blobId}/{name}?accept={type}");
/// assert_eq!(resolve_url("https://other.example/api", base), "https://other.example/api");
/// ```
pub fn resolve_url(url: &str, base: &str) -> String {
    if url.is_empty() {
        return url.to_string();
    }
    if has_scheme(url) {
        return url.to_string();
    }
    let Some(scheme_end) = base.find("://") else {
        return url.to_string();
    };
    if let Some(rest) = url.strip_prefix("//") {
        return format!("{}//{rest}", &base[..scheme_end + 1]);
    }
    let after_scheme = scheme_end + 3;
    let authority_end = base[after_scheme..].find(['/', '?', '#']).map_or(base.len(), |i| after_scheme + i);
    let origin = &base[..authority_end];
    if url.starts_with('/') {
        return format!("{origin}{}", remove_dot_segments(url));
    }
    let base_path_end = base[authority_end..].find(['?', '#']).map_or(base.len(), |i| authority_end + i);
    let base_path = &base[authority_end..base_path_end];
    if url.starts_with('?') || url.starts_with('#') {
        return format!("{origin}{base_path}{url}");
    }
    let directory = match base_path.rfind('/') {
        Some(slash) => &base_path[..=slash],
        None => "/",
    };
    format!("{origin}{}", remove_dot_segments(&format!("{directory}{url}")))
}

/// Whether `url` starts with `scheme:` (RFC 3986 §3.1).
fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(colon) if colon > 0 => {
            let scheme = &url[..colon];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        _ => false,
    }
}

/// Removes `.` and `..` segments from the path part (the query is left alone).
fn remove_dot_segments(path_and_query: &str) -> String {
    let split = path_and_query.find(['?', '#']).unwrap_or(path_and_query.len());
    let (path, query) = path_and_query.split_at(split);
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, segment) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *segment {
            "." => {
                if last {
                    segments.push("");
                }
            }
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            other => segments.push(other),
        }
    }
    format!("{}{query}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::resolve_url;

    #[test]
    fn relative_forms() {
        let base = "http://localhost:8080/jmap/session?x=1";
        assert_eq!(resolve_url("/jmap/", base), "http://localhost:8080/jmap/");
        assert_eq!(resolve_url("api/", base), "http://localhost:8080/jmap/api/");
        assert_eq!(resolve_url("../up/{accountId}/", base), "http://localhost:8080/up/{accountId}/");
        assert_eq!(resolve_url("./es?types={types}", base), "http://localhost:8080/jmap/es?types={types}");
        assert_eq!(resolve_url("//cdn.example/x", base), "http://cdn.example/x");
        assert_eq!(resolve_url("?y=2", base), "http://localhost:8080/jmap/session?y=2");
        assert_eq!(resolve_url("/a/../b/./c", "https://h"), "https://h/b/c");
        assert_eq!(resolve_url("x", "https://h"), "https://h/x");
    }

    #[test]
    fn absolute_and_empty_are_kept() {
        assert_eq!(resolve_url("https://a.example/api/", "http://b/"), "https://a.example/api/");
        assert_eq!(resolve_url("", "http://b/"), "");
        assert_eq!(resolve_url("/jmap/", "not a url"), "/jmap/");
    }
}
