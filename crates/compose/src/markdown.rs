//! The body: the user writes Markdown (CommonMark with tables, strikethrough and task lists);
//! the text part of the mail is that source itself, and the HTML part is rendered from it by
//! pulldown-cmark. Raw HTML the user typed is shown as text, never as markup; links keep only
//! `http`, `https` and `mailto`; nesting deeper than [`MAX_DEPTH`] is flattened, so a
//! "Markdown bomb" renders quickly and within bounds.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The deepest nesting of block quotes and lists kept in the HTML.
pub const MAX_DEPTH: usize = 32;

/// The style of the document: readable on every client, inline on the elements that need it
/// (clients that drop `<style>` keep these).
const BODY_STYLE: &str =
    "font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;";
const QUOTE_OPEN: &str =
    "<blockquote style=\"margin: 0 0 0 0.8ex; padding-left: 1ex; border-left: 2px solid #c8c8c8; color: #505050;\">\n";
/// A block quote as the fragment writes it (typed HTML is escaped, so only this one opens one).
const PLAIN_QUOTE_OPEN: &str = "<blockquote>\n";
const HEAD_STYLE: &str =
    "table { border-collapse: collapse; } th, td { border: 1px solid #c8c8c8; padding: 4px 8px; } \
pre, code { font-family: Menlo, Consolas, monospace; font-size: 90%; } pre { background: #f4f4f4; padding: 8px; }";

/// The HTML part for a Markdown body: a complete small document (`<!DOCTYPE html>`, UTF-8,
/// a readable default style inline, no script), raw HTML escaped.
///
/// ```
/// let html = facteur_compose::markdown::to_html("Bonjour **à tous**");
/// assert!(html.starts_with("<!DOCTYPE html>") && html.contains(r#"<meta charset="utf-8">"#));
/// assert!(html.contains("<p>Bonjour <strong>à tous</strong></p>"));
/// ```
pub fn to_html(markdown: &str) -> String {
    let fragment = to_html_fragment(markdown);
    let mut html = String::with_capacity(fragment.len() + 600);
    html.push_str("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    html.push_str("<style>");
    html.push_str(HEAD_STYLE);
    html.push_str("</style></head>\n<body style=\"");
    html.push_str(BODY_STYLE);
    html.push_str("\">\n");
    html.push_str(&fragment.replace(PLAIN_QUOTE_OPEN, QUOTE_OPEN));
    html.push_str("</body></html>\n");
    html
}

/// Only the body's HTML fragment (what the preview shows inside the app's own page): no
/// inline style at all (the app's CSP refuses them).
///
/// Line breaks the user typed are kept (as in the text part), typed HTML is text, and a link
/// to anything but `http`, `https` or `mailto` (a relative one too) keeps only its text.
///
/// ```
/// use facteur_compose::markdown::to_html_fragment;
/// assert_eq!(to_html_fragment("<b>x</b>"), "<p>&lt;b&gt;x&lt;/b&gt;</p>\n");
/// assert_eq!(to_html_fragment("[clic](javascript:alert(1))"), "<p>clic</p>\n");
/// assert_eq!(to_html_fragment("[ENT](https://ent.example.org)"), "<p><a href=\"https://ent.example.org\">ENT</a></p>\n");
/// ```
pub fn to_html_fragment(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = Safe {
        inner: Parser::new_ext(markdown, options),
        containers: Vec::new(),
        depth: 0,
        pending: None,
        html_lines: 0,
    };
    let mut html = String::with_capacity(markdown.len() * 3 / 2 + 16);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// What a container start became, to end it the same way.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// Kept, counting for the depth (a block quote or a list).
    Nested,
    /// Kept, not counting (a list item).
    Plain,
    /// Dropped (too deep, or a link to a refused address): its end is dropped too.
    Dropped,
}

/// The events of the parser made safe: HTML as text, links and images checked, nesting bounded.
struct Safe<'a, I> {
    inner: I,
    /// One entry per open block quote, list, item, link or image.
    containers: Vec<Kept>,
    /// Block quotes and lists kept and open.
    depth: usize,
    /// An event to give after the current one.
    pending: Option<Event<'a>>,
    /// Lines of the current block of typed HTML so far.
    html_lines: usize,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Safe<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(event) = self.pending.take() {
            return Some(event);
        }
        loop {
            let event = self.inner.next()?;
            if let Some(event) = self.filter(event) {
                return Some(event);
            }
        }
    }
}

impl<'a, I> Safe<'a, I> {
    fn open(&mut self, kept: Kept) {
        if kept == Kept::Nested {
            self.depth += 1;
        }
        self.containers.push(kept);
    }

    /// Closes the innermost container: whether its end is kept.
    fn close(&mut self) -> bool {
        match self.containers.pop() {
            Some(Kept::Nested) => {
                self.depth -= 1;
                true
            }
            Some(Kept::Plain) => true,
            Some(Kept::Dropped) | None => false,
        }
    }

    /// Whether the innermost open list was dropped (its items go with it).
    fn in_dropped(&self) -> bool {
        self.containers.last() == Some(&Kept::Dropped)
    }

    fn filter(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match event {
            // Written here, with its style (GitHub alerts, `> [!NOTE]`, are not enabled).
            Event::Start(Tag::BlockQuote(_)) => {
                if self.depth >= MAX_DEPTH {
                    self.open(Kept::Dropped);
                    return None;
                }
                self.open(Kept::Nested);
                // Styled in the mail only (`to_html`): the app's page refuses inline styles.
                Some(Event::Html(PLAIN_QUOTE_OPEN.into()))
            }
            Event::End(TagEnd::BlockQuote(_)) => self.close().then(|| Event::Html("</blockquote>\n".into())),
            Event::Start(Tag::List(start)) => {
                if self.depth >= MAX_DEPTH {
                    self.open(Kept::Dropped);
                    return None;
                }
                self.open(Kept::Nested);
                Some(Event::Start(Tag::List(start)))
            }
            Event::Start(Tag::Item) => {
                let kept = if self.in_dropped() { Kept::Dropped } else { Kept::Plain };
                self.open(kept);
                (kept == Kept::Plain).then_some(Event::Start(Tag::Item))
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                if link_type == LinkType::Email || allowed_link(&dest_url) {
                    self.open(Kept::Plain);
                    Some(Event::Start(Tag::Link { link_type, dest_url, title, id }))
                } else {
                    self.open(Kept::Dropped);
                    None
                }
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                if allowed_image(&dest_url) {
                    self.open(Kept::Plain);
                    Some(Event::Start(Tag::Image { link_type, dest_url, title, id }))
                } else {
                    // Its description stays, as text.
                    self.open(Kept::Dropped);
                    None
                }
            }
            Event::End(end @ (TagEnd::List(_) | TagEnd::Item | TagEnd::Link | TagEnd::Image)) => {
                self.close().then_some(Event::End(end))
            }
            // Typed HTML is text: a block of it becomes a paragraph of its lines.
            Event::Start(Tag::HtmlBlock) => {
                self.html_lines = 0;
                Some(Event::Start(Tag::Paragraph))
            }
            Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
            Event::Html(html) => {
                let text = match html {
                    CowStr::Borrowed(s) => CowStr::Borrowed(s.strip_suffix('\n').unwrap_or(s)),
                    other => CowStr::from(other.trim_end_matches('\n').to_string()),
                };
                self.html_lines += 1;
                if self.html_lines == 1 {
                    return Some(Event::Text(text));
                }
                self.pending = Some(Event::Text(text));
                Some(Event::HardBreak)
            }
            Event::InlineHtml(html) => Some(Event::Text(html)),
            Event::SoftBreak => Some(Event::HardBreak),
            Event::TaskListMarker(done) => Some(Event::Text(if done { "☑ " } else { "☐ " }.into())),
            other => Some(other),
        }
    }
}

/// A link kept: `http:`, `https:` or `mailto:` (nothing relative).
fn allowed_link(url: &str) -> bool {
    has_scheme(url, &["http://", "https://", "mailto:"])
}

/// An image kept: from the web or an inline part of the message (`cid:`).
fn allowed_image(url: &str) -> bool {
    has_scheme(url, &["http://", "https://", "cid:"])
}

fn has_scheme(url: &str, schemes: &[&str]) -> bool {
    let url = url.trim_start();
    schemes.iter().any(|s| url.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))
}

/// Toolbar actions on the source: each wraps or prefixes the selection (byte offsets
/// `start..end` in `text`, on char boundaries) and returns the new text with the new selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `**…**`
    Bold,
    /// `*…*`
    Italic,
    /// `- ` before each selected line.
    List,
    /// `[…](https://)`, the URL part selected.
    Link,
    /// `> ` before each selected line.
    Quote,
}

/// Applies a toolbar action (see [`Format`]).
///
/// A selection that is not on char boundaries is moved back to the nearest ones, and one
/// ending before it starts is turned around. Bold and italic wrap the selection without its
/// surrounding spaces (`**mot **` would not be bold) and select the same words inside the
/// marks; an empty selection gets the empty marks with the caret between them. List and quote
/// prefix every line the selection touches (a list skips blank lines, a quote marks them
/// `>`), and select those lines.
///
/// ```
/// use facteur_compose::markdown::{apply, Format};
/// assert_eq!(apply("Un mot clé", 7, 11, Format::Bold), ("Un mot **clé**".to_string(), 9, 13));
/// assert_eq!(apply("voir ENT", 5, 8, Format::Link), ("voir [ENT](https://)".to_string(), 11, 19));
/// assert_eq!(apply("a\nb", 0, 3, Format::Quote), ("> a\n> b".to_string(), 0, 7));
/// ```
pub fn apply(text: &str, start: usize, end: usize, format: Format) -> (String, usize, usize) {
    let (start, end) = (floor_boundary(text, start), floor_boundary(text, end));
    let (start, end) = if start <= end { (start, end) } else { (end, start) };
    match format {
        Format::Bold => wrap(text, start, end, "**"),
        Format::Italic => wrap(text, start, end, "*"),
        Format::Link => {
            let url = "https://";
            let at = start + 1 + (end - start) + 2;
            let new = format!("{}[{}]({url}){}", &text[..start], &text[start..end], &text[end..]);
            (new, at, at + url.len())
        }
        Format::List => prefix_lines(text, start, end, "- ", false),
        Format::Quote => prefix_lines(text, start, end, "> ", true),
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn wrap(text: &str, start: usize, end: usize, mark: &str) -> (String, usize, usize) {
    let selected = &text[start..end];
    let inner = selected.trim();
    let (start, end) = if inner.is_empty() {
        (end, end)
    } else {
        let lead = selected.len() - selected.trim_start().len();
        (start + lead, start + lead + inner.len())
    };
    let new = format!("{}{mark}{}{mark}{}", &text[..start], &text[start..end], &text[end..]);
    (new, start + mark.len(), end + mark.len())
}

fn prefix_lines(text: &str, start: usize, end: usize, prefix: &str, blank_too: bool) -> (String, usize, usize) {
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // A selection ending just after a line break does not take the next line.
    let last = if end > start && text[..end].ends_with('\n') { end - 1 } else { end };
    let stop = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let mut block = String::with_capacity(stop - first + prefix.len() * 4);
    for (i, line) in text[first..stop].split('\n').enumerate() {
        if i > 0 {
            block.push('\n');
        }
        if line.trim().is_empty() && start != end {
            if blank_too {
                block.push_str(prefix.trim_end());
            }
            block.push_str(line);
        } else {
            block.push_str(prefix);
            block.push_str(line);
        }
    }
    let new = format!("{}{block}{}", &text[..first], &text[stop..]);
    if start == end {
        (new, start + prefix.len(), start + prefix.len())
    } else {
        (new, first, first + block.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    /// The deepest nesting of `<blockquote` (opened) and `</blockquote>` in the HTML.
    fn quote_depth(html: &str) -> usize {
        let (mut depth, mut deepest) = (0usize, 0);
        let mut rest = html;
        while let Some(i) = rest.find("blockquote") {
            if rest[..i].ends_with("</") {
                depth -= 1;
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
            rest = &rest[i + 10..];
        }
        assert_eq!(depth, 0, "balanced");
        deepest
    }

    fn list_depth(html: &str) -> usize {
        let (mut depth, mut deepest) = (0usize, 0);
        for piece in html.split('<').skip(1) {
            if piece.starts_with("ul>") || piece.starts_with("ol") {
                depth += 1;
                deepest = deepest.max(depth);
            } else if piece.starts_with("/ul>") || piece.starts_with("/ol>") {
                depth -= 1;
            }
        }
        assert_eq!(depth, 0, "balanced");
        deepest
    }

    #[test]
    fn typed_html_is_text() {
        for (typed, shown) in [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
            ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
            ("Voir <b>ceci</b> et <i onclick=\"x()\">cela</i>", "&lt;i onclick=\"x()\"&gt;cela&lt;/i&gt;"),
            ("<div>\n<p>deux</p>\n</div>", "&lt;div&gt;<br />\n&lt;p&gt;deux&lt;/p&gt;<br />\n&lt;/div&gt;"),
            ("<!-- commentaire -->", "&lt;!-- commentaire --&gt;"),
        ] {
            let html = to_html_fragment(typed);
            assert!(html.contains(shown), "{typed:?} gave {html:?}");
            for tag in ["<script", "<b>", "<img", "<i ", "<div", "<!--"] {
                assert!(!html.contains(tag), "{typed:?} gave {html:?}");
            }
        }
        let document = to_html("<script>alert(1)</script>");
        assert_eq!(count(&document, "<script"), 0);
    }

    #[test]
    fn links_keep_only_http_https_and_mailto() {
        let html = to_html_fragment(
            "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](jav&#x61;script:x) [d](data:text/html,x) \
             [e](/relatif) [f](page.html) [g](vbscript:x) <javascript:alert(1)>",
        );
        assert!(!html.contains("<a"), "{html}");
        assert!(html.contains("a b c d e f g javascript:alert(1)"), "the text stays: {html}");
        let html = to_html_fragment("[w](https://a.fr/?q=1&r=2) [x](HTTP://a.fr) [y](mailto:s@a.fr) <s@a.fr>");
        assert!(html.contains(r#"<a href="https://a.fr/?q=1&amp;r=2">w</a>"#), "{html}");
        assert!(html.contains(r#"<a href="HTTP://a.fr">x</a>"#), "{html}");
        assert!(html.contains(r#"<a href="mailto:s@a.fr">y</a>"#), "{html}");
        assert!(html.contains(r#"<a href="mailto:s@a.fr">s@a.fr</a>"#), "{html}");
        let html = to_html_fragment("![logo](cid:logo@facteur) ![pixel](https://t.example/p.gif) ![x](javascript:y)");
        assert!(html.contains(r#"<img src="cid:logo@facteur" alt="logo" />"#), "{html}");
        assert!(html.contains(r#"<img src="https://t.example/p.gif" alt="pixel" />"#), "{html}");
        assert!(html.ends_with(" x</p>\n"), "{html}");
    }

    #[test]
    fn markdown_bombs_render_quickly_and_within_bounds() {
        let bombs = [
            ">".repeat(100_000),
            "> ".repeat(50_000) + "fond",
            "- ".repeat(50_000) + "fond",
            "1. ".repeat(50_000),
            (0..2_000).map(|i| format!("{}- x\n", "  ".repeat(i))).collect::<String>(),
            "*".repeat(100_000),
            "[".repeat(50_000) + &"](".repeat(50_000),
            "<".repeat(100_000),
        ];
        for bomb in &bombs {
            let started = Instant::now();
            let html = to_html(bomb);
            let took = started.elapsed();
            assert!(took < Duration::from_secs(5), "{took:?} for a bomb of {} octets", bomb.len());
            assert!(html.len() < bomb.len() * 6 + 2_000, "{} octets of HTML", html.len());
            assert!(quote_depth(&html) <= MAX_DEPTH);
            assert!(list_depth(&html) <= MAX_DEPTH);
        }
        let html = to_html_fragment(&">".repeat(100_000));
        assert_eq!(quote_depth(&html), MAX_DEPTH);
        assert_eq!(count(&html, "<blockquote"), MAX_DEPTH);
        let html = to_html_fragment(&("- ".repeat(50_000) + "fond"));
        assert_eq!(list_depth(&html), MAX_DEPTH);
        assert!(html.contains("fond"));
    }

    #[test]
    fn nesting_within_bounds_is_kept() {
        let html = to_html_fragment("> un\n>\n> > deux\n\n- a\n  - b\n    > c\n");
        assert_eq!(quote_depth(&html), 2);
        assert_eq!(list_depth(&html), 2);
        assert!(html.contains("<li>b"), "{html}");
    }

    #[test]
    fn the_document_is_complete_and_lines_are_kept() {
        let html =
            to_html("Bonjour,\nà demain.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] fait\n- [ ] à faire\n\n~~non~~");
        assert!(html.starts_with("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"), "{html}");
        assert!(html.contains("<body style=\"font-family:"), "{html}");
        assert!(html.trim_end().ends_with("</body></html>"));
        assert!(html.contains("<p>Bonjour,<br />\nà demain.</p>"), "{html}");
        assert!(html.contains("<table>") && html.contains("<td>2</td>"), "{html}");
        assert!(html.contains("☑ fait") && html.contains("☐ à faire") && !html.contains("<input"), "{html}");
        assert!(html.contains("<del>non</del>"), "{html}");
        assert!(!html.contains("<script"));
    }

    #[test]
    fn toolbar_actions_wrap_and_prefix_the_selection() {
        let text = "Élève noté à l’écrit";
        let (start, end) = (text.find("noté").unwrap(), text.find(" à").unwrap());
        let (new, s, e) = apply(text, start, end, Format::Bold);
        assert_eq!(new, "Élève **noté** à l’écrit");
        assert_eq!(&new[s..e], "noté");
        let (new, s, e) = apply(text, start, end + " à ".len(), Format::Italic);
        assert_eq!(new, "Élève *noté à* l’écrit", "the spaces around stay outside");
        assert_eq!(&new[s..e], "noté à");
        let (new, s, e) = apply(text, text.len(), text.len(), Format::Bold);
        assert_eq!((new.as_str(), s, e), ("Élève noté à l’écrit****", text.len() + 2, text.len() + 2));
        let (new, s, e) = apply(text, 0, "Élève".len(), Format::Link);
        assert_eq!(new, "[Élève](https://) noté à l’écrit");
        assert_eq!(&new[s..e], "https://");
        // Not on a char boundary (inside "É"), and turned around: moved back to the boundaries.
        let (new, _, _) = apply(text, "Élève".len(), 1, Format::Bold);
        assert_eq!(new, "**Élève** noté à l’écrit");
        // Beyond the end.
        assert_eq!(apply("é", 9, 9, Format::Italic).0, "é**");
    }

    #[test]
    fn lists_and_quotes_prefix_every_line_touched() {
        let text = "Ordre du jour :\ncantine\n\nsortie à Nîmes\nfin";
        let start = text.find("tine").unwrap();
        let end = text.find(" à").unwrap();
        let (new, s, e) = apply(text, start, end, Format::List);
        assert_eq!(new, "Ordre du jour :\n- cantine\n\n- sortie à Nîmes\nfin");
        assert_eq!(&new[s..e], "- cantine\n\n- sortie à Nîmes");
        let (new, s, e) = apply(text, start, end, Format::Quote);
        assert_eq!(new, "Ordre du jour :\n> cantine\n>\n> sortie à Nîmes\nfin");
        assert_eq!(&new[s..e], "> cantine\n>\n> sortie à Nîmes");
        // A caret: its line, the caret moved with it.
        let (new, s, e) = apply("un\ndeux", 4, 4, Format::List);
        assert_eq!((new.as_str(), s, e), ("un\n- deux", 6, 6));
        assert_eq!(apply("", 0, 0, Format::Quote), ("> ".to_string(), 2, 2));
        // A selection ending just after a line break leaves the next line alone.
        assert_eq!(apply("a\nb\n", 0, 2, Format::Quote).0, "> a\nb\n");
    }
}
