//! Search snippets (RFC 8621 §5) read into plain text segments, marked or not.
//!
//! The server sends HTML: the matching words in `<mark>`, everything else escaped. The app
//! never injects that HTML: it shows each segment as a text node, the marked ones inside a
//! `<mark>` element it creates itself.

use facteur_jmap::SearchSnippet;

/// A piece of a snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text, unescaped.
    pub text: String,
    /// Inside `<mark>`: a matching word.
    pub marked: bool,
}

/// The highlighted subject and preview of one email; `None` where nothing matched (show the
/// plain subject or preview then).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// The subject, with its matching words marked.
    pub subject: Option<Vec<Segment>>,
    /// An excerpt of the body around the matching words.
    pub preview: Option<Vec<Segment>>,
}

impl From<SearchSnippet> for Highlight {
    fn from(snippet: SearchSnippet) -> Self {
        let read = |html: Option<String>| html.map(|h| segments(&h)).filter(|s| !s.is_empty());
        Highlight { subject: read(snippet.subject), preview: read(snippet.preview) }
    }
}

/// Splits snippet HTML into segments: text outside and inside `<mark>…</mark>`, with the
/// character references decoded. Any other tag is dropped (its text is kept).
///
/// ```
/// use facteur_mail::search::snippet::{segments, Segment};
/// let s = segments("Situation de <mark>Noah</mark> &amp; co");
/// assert_eq!(s, [
///     Segment { text: "Situation de ".into(), marked: false },
///     Segment { text: "Noah".into(), marked: true },
///     Segment { text: " & co".into(), marked: false },
/// ]);
/// ```
pub fn segments(html: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            push(&mut out, &decode(rest), depth > 0);
            break;
        };
        push(&mut out, &decode(&rest[..open]), depth > 0);
        let Some(close) = rest[open..].find('>') else {
            // A lone `<`: text.
            push(&mut out, &decode(&rest[open..]), depth > 0);
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        if tag == "mark" || tag.starts_with("mark ") {
            depth += 1;
        } else if tag == "/mark" {
            depth = depth.saturating_sub(1);
        }
        rest = &rest[open + close + 1..];
    }
    out
}

/// Appends text, merging it with the previous segment when both are marked alike.
fn push(out: &mut Vec<Segment>, text: &str, marked: bool) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.marked == marked => last.text.push_str(text),
        _ => out.push(Segment { text: text.to_string(), marked }),
    }
}

/// Decodes the character references HTML escaping produces (`&lt;`, `&#39;`, `&#x2014;`…);
/// an unknown or broken one stays as written.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| Some((reference(&rest[1..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &[Segment]) -> Vec<&str> {
        s.iter().filter(|s| s.marked).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn escaped_markup_stays_text() {
        let s = segments("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Noah</mark> &#39;x&#x27; &quot;");
        assert_eq!(s[0].text, "<script>alert(1)</script> ");
        assert!(!s[0].marked);
        assert_eq!(marked(&s), ["Noah"]);
        assert_eq!(s[2].text, " 'x' \"");
    }

    #[test]
    fn other_tags_are_dropped_and_broken_input_is_kept_as_text() {
        let s = segments("a <b>bold</b> <MARK>mot</MARK> 3 < 4 &bogus; &amp");
        assert_eq!(s.iter().map(|s| s.text.as_str()).collect::<String>(), "a bold mot 3 < 4 &bogus; &amp");
        assert_eq!(marked(&s), ["mot"]);
        // An unclosed mark runs to the end; a stray closing one is ignored.
        assert_eq!(marked(&segments("x <mark>y z")), ["y z"]);
        assert_eq!(segments("</mark>x"), [Segment { text: "x".into(), marked: false }]);
        assert!(segments("").is_empty());
    }

    #[test]
    fn adjacent_marks_merge() {
        assert_eq!(marked(&segments("<mark>con</mark><mark>seil</mark> de")), ["conseil"]);
    }

    #[test]
    fn a_snippet_without_match_has_no_highlight() {
        let h = Highlight::from(SearchSnippet { email_id: "M1".into(), subject: None, preview: Some(String::new()) });
        assert_eq!(h, Highlight::default());
    }
}
