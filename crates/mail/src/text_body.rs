//! Plain-text bodies for display: links made clickable, quoted blocks (`> …`) grouped so the
//! reading pane can fold them, the way webmails show replies.

/// A piece of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A link: what to show and where it goes (`http`, `https` or `mailto` only).
    Link {
        /// Shown text.
        text: String,
        /// Target.
        href: String,
    },
}

/// A block of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Lines of text (each `Vec<Inline>` is one line).
    Lines(Vec<Vec<Inline>>),
    /// A quoted passage (`>` removed), possibly containing deeper quotes.
    Quote(Vec<Block>),
}

/// Splits a plain-text body into blocks.
///
/// ```
/// use facteur_mail::text_body::{render, Block, Inline};
/// let blocks = render("Merci !\nVoir https://ent.example.org.\n> Pouvez-vous venir ?\n> > Oui");
/// assert_eq!(blocks.len(), 2);
/// assert!(matches!(&blocks[1], Block::Quote(inner) if inner.len() == 2));
/// let Block::Lines(lines) = &blocks[0] else { panic!() };
/// assert_eq!(lines[1][1], Inline::Link { text: "https://ent.example.org".into(), href: "https://ent.example.org".into() });
/// ```
pub fn render(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    blocks_of(&lines)
}

fn quote_depth_strip(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    trimmed.strip_prefix('>').map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
}

fn blocks_of(lines: &[&str]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut plain: Vec<Vec<Inline>> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if quote_depth_strip(lines[i]).is_some() {
            let mut inner = Vec::new();
            while i < lines.len() {
                match quote_depth_strip(lines[i]) {
                    Some(rest) => inner.push(rest),
                    None => break,
                }
                i += 1;
            }
            if !plain.is_empty() {
                blocks.push(Block::Lines(std::mem::take(&mut plain)));
            }
            blocks.push(Block::Quote(blocks_of(&inner)));
        } else {
            plain.push(linkify(lines[i]));
            i += 1;
        }
    }
    if !plain.is_empty() {
        blocks.push(Block::Lines(plain));
    }
    blocks
}

/// Finds links in a line: `http(s)://…`, `www.…` and e-mail addresses. Trailing punctuation
/// (`.`, `,`, `)`, `;`…) is left out of the link.
pub fn linkify(line: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    for chunk in line.split_inclusive(char::is_whitespace) {
        let word = chunk.trim_end();
        let space = &chunk[word.len()..];
        match link_target(word) {
            Some((shown, href, tail)) => {
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                out.push(Inline::Link { text: shown.to_string(), href });
                text.push_str(tail);
                text.push_str(space);
            }
            None => text.push_str(chunk),
        }
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

fn link_target(word: &str) -> Option<(&str, String, &str)> {
    let start = word.find(|c: char| c != '(' && c != '<' && c != '"' && c != '«').unwrap_or(0);
    let (lead, core) = word.split_at(start);
    if !lead.is_empty() {
        return None; // keep it simple: leading punctuation stays text, with the link inside it
    }
    let end = core.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '>', '"', '»', '\'']).len();
    let (link, tail) = core.split_at(end);
    let lower = link.to_ascii_lowercase();
    let href = if (lower.starts_with("https://") || lower.starts_with("http://")) && link.len() > 8 {
        link.to_string()
    } else if lower.starts_with("www.") && link.len() > 4 && link[4..].contains('.') {
        format!("https://{link}")
    } else if is_email(link) {
        format!("mailto:{link}")
    } else {
        return None;
    };
    Some((link, href, tail))
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && s.chars().all(|c| c.is_alphanumeric() || "@.-_+".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(text: &str, href: &str) -> Inline {
        Inline::Link { text: text.into(), href: href.into() }
    }

    #[test]
    fn links_keep_surrounding_punctuation_as_text() {
        assert_eq!(
            linkify("Voir www.ac-cevennes.fr, puis écrire à vie.scolaire@ac-cevennes.fr."),
            vec![
                Inline::Text("Voir ".into()),
                link("www.ac-cevennes.fr", "https://www.ac-cevennes.fr"),
                Inline::Text(", puis écrire à ".into()),
                link("vie.scolaire@ac-cevennes.fr", "mailto:vie.scolaire@ac-cevennes.fr"),
                Inline::Text(".".into()),
            ]
        );
    }

    #[test]
    fn only_web_and_mail_links_are_made() {
        assert_eq!(
            linkify("javascript:alert(1) file:///etc/passwd"),
            vec![Inline::Text("javascript:alert(1) file:///etc/passwd".into())]
        );
        assert_eq!(linkify("http:// seul"), vec![Inline::Text("http:// seul".into())]);
        assert_eq!(linkify("a@b"), vec![Inline::Text("a@b".into())]);
    }

    #[test]
    fn quotes_nest_and_attribution_stays_before() {
        let blocks =
            render("Bonjour,\n\nLe 12 mars 2026 à 10:14, Julien Roux a écrit :\n> Tu viens ?\n>> Oui\n> Super\nMerci");
        assert_eq!(blocks.len(), 3);
        let Block::Lines(head) = &blocks[0] else { panic!("{blocks:?}") };
        assert_eq!(head.len(), 3);
        let Block::Quote(inner) = &blocks[1] else { panic!("{blocks:?}") };
        assert_eq!(inner.len(), 3, "{inner:?}");
        assert!(matches!(&inner[1], Block::Quote(deeper) if deeper.len() == 1));
        assert!(matches!(&blocks[2], Block::Lines(l) if l.len() == 1));
    }

    #[test]
    fn empty_body_gives_no_block() {
        assert!(render("").is_empty());
    }
}
