//! Filtering CSS: the `style` attribute and the text of `<style>` elements.
//!
//! The CSS is tokenized first ([`super::css_tokens`]: escapes decoded, comments gone), then
//! each declaration is judged on its tokens and the kept ones are written back from tokens,
//! never from the original text. A declaration is dropped when in doubt:
//! - its property is not on the allow-list (so `behavior`, `-moz-binding`, vendor
//!   prefixes, custom properties `--x`, `top`/`left`/`z-index`/`transform`, `animation`
//!   and `transition` all go);
//! - `position` other than `static`/`relative` (no `fixed`/`absolute` overlays spoofing
//!   the reading pane);
//! - it calls a function other than colours, `calc`-like maths and gradients
//!   (`expression(`, `image-set(`, `var(`, `attr(`, `env(`…);
//! - it has a `url()` that is not `cid:` or a base64 raster `data:image` — or an
//!   `http(s)` one while remote content is not allowed (then `remote_blocked` is set);
//! - it contains a bad string or bad url, braces, an at-keyword, `<`, `\` or `<!--`/`-->`.
//!
//! In a stylesheet, only plain rules and `@media`/`@supports` blocks (whose contents are
//! filtered the same way) are kept; `@import`, `@font-face`, `@keyframes`, `@charset`,
//! `@namespace`, `@page` and any other at-rule are dropped.

use super::css_tokens::{serialise, tokenize, Token};
use super::url::{classify_image, ImageUrl};

/// The result of filtering CSS.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilteredCss {
    /// The CSS to write back (empty when nothing is left: then remove the attribute).
    pub css: String,
    /// How many declarations or rules were dropped.
    pub removed: usize,
    /// Whether an `http(s)` `url()` was dropped because remote content is not allowed.
    pub remote_blocked: bool,
    /// Content-IDs of `url(cid:…)` kept (in order, without duplicates). They are written
    /// back as `url("cid:…")`; the walker may substitute the parts' `blob:` URLs.
    pub cids: Vec<String>,
}

impl FilteredCss {
    fn note_cid(&mut self, id: String) {
        if !self.cids.contains(&id) {
            self.cids.push(id);
        }
    }
}

/// Properties kept as they are (besides the prefixes below and `position`).
const PROPERTIES: &[&str] = &[
    "color",
    "background",
    "direction",
    "unicode-bidi",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "white-space",
    "word-break",
    "word-wrap",
    "overflow-wrap",
    "hyphens",
    "vertical-align",
    "width",
    "height",
    "min-width",
    "max-width",
    "min-height",
    "max-height",
    "display",
    "float",
    "clear",
    "list-style",
    "table-layout",
    "caption-side",
    "empty-cells",
    "opacity",
    "visibility",
    "overflow",
    "overflow-x",
    "overflow-y",
    "box-sizing",
    "box-shadow",
    "outline",
    "margin",
    "padding",
    "border",
    "font",
    "gap",
    "align-items",
    "align-self",
    "align-content",
    "justify-content",
    "justify-items",
    "order",
    "quotes",
    "tab-size",
    "writing-mode",
    "column-count",
    "column-gap",
    "columns",
];

/// Property families kept (`border-…`, `margin-…`…).
const PREFIXES: &[&str] =
    &["background-", "border-", "margin-", "padding-", "font-", "text-", "list-style-", "outline-", "flex"];

/// Functions a value may call (besides `url`, checked separately).
const FUNCTIONS: &[&str] = &[
    "rgb",
    "rgba",
    "hsl",
    "hsla",
    "hwb",
    "lab",
    "lch",
    "oklab",
    "oklch",
    "calc",
    "min",
    "max",
    "clamp",
    "linear-gradient",
    "radial-gradient",
    "conic-gradient",
    "repeating-linear-gradient",
    "repeating-radial-gradient",
    "repeating-conic-gradient",
];

fn property_allowed(name: &str) -> bool {
    PROPERTIES.contains(&name) || PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Why a declaration is dropped.
enum Drop {
    Unsafe,
    Remote,
}

/// Checks a url; `Ok(Some(cid))` for a cid, the token to write back in `Ok`.
fn judge_url(url: &str, remote_allowed: bool, out: &mut FilteredCss) -> Result<Token, Drop> {
    match classify_image(url) {
        ImageUrl::Cid(id) => {
            let token = Token::Url(format!("cid:{id}"));
            out.note_cid(id);
            Ok(token)
        }
        ImageUrl::Data(data) => Ok(Token::Url(data)),
        ImageUrl::Remote(remote) if remote_allowed => Ok(Token::Url(remote)),
        ImageUrl::Remote(_) => Err(Drop::Remote),
        ImageUrl::Blocked => Err(Drop::Unsafe),
    }
}

/// Judges a declaration value; returns the tokens to write back.
fn judge_value(tokens: &[Token], remote_allowed: bool, out: &mut FilteredCss) -> Result<Vec<Token>, Drop> {
    let mut kept = Vec::with_capacity(tokens.len());
    let mut depth = 0i32;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Function(name) if name.eq_ignore_ascii_case("url") => {
                // url( "…" ) with a quoted string.
                let rest: Vec<&Token> = tokens[i + 1..].iter().filter(|t| **t != Token::Whitespace).take(2).collect();
                let (Some(Token::Str(url)), Some(Token::CloseParen)) = (rest.first(), rest.get(1)) else {
                    return Err(Drop::Unsafe);
                };
                kept.push(judge_url(url, remote_allowed, out)?);
                i += 1;
                while tokens[i] != Token::CloseParen {
                    i += 1;
                }
            }
            Token::Function(name) => {
                if !FUNCTIONS.contains(&name.to_ascii_lowercase().as_str()) {
                    return Err(Drop::Unsafe);
                }
                depth += 1;
                kept.push(tokens[i].clone());
            }
            Token::Url(url) => kept.push(judge_url(url, remote_allowed, out)?),
            Token::OpenParen => {
                depth += 1;
                kept.push(Token::OpenParen);
            }
            Token::CloseParen => {
                depth -= 1;
                if depth < 0 {
                    return Err(Drop::Unsafe);
                }
                kept.push(Token::CloseParen);
            }
            Token::BadString
            | Token::BadUrl
            | Token::AtKeyword(_)
            | Token::OpenBrace
            | Token::CloseBrace
            | Token::OpenBracket
            | Token::CloseBracket
            | Token::Semicolon
            | Token::Cdo
            | Token::Cdc
            | Token::Delim('<' | '\\' | '@' | '{' | '}') => return Err(Drop::Unsafe),
            other => kept.push(other.clone()),
        }
        i += 1;
    }
    if depth != 0 {
        return Err(Drop::Unsafe);
    }
    Ok(kept)
}

fn trim_whitespace(tokens: &[Token]) -> &[Token] {
    let start = tokens.iter().position(|t| *t != Token::Whitespace).unwrap_or(tokens.len());
    let end = tokens.iter().rposition(|t| *t != Token::Whitespace).map_or(start, |e| e + 1);
    &tokens[start..end]
}

/// `position` may only be `static` or `relative` (with `!important` allowed).
fn position_allowed(value: &[Token]) -> bool {
    let mut has_value = false;
    for token in value {
        match token {
            Token::Whitespace | Token::Delim('!') => {}
            Token::Ident(v) if v.eq_ignore_ascii_case("important") => {}
            Token::Ident(v) if v.eq_ignore_ascii_case("static") || v.eq_ignore_ascii_case("relative") => {
                has_value = true
            }
            _ => return false,
        }
    }
    has_value
}

/// One declaration (`name: value`) → its filtered text, or `None` when dropped.
fn filter_declaration(tokens: &[Token], remote_allowed: bool, out: &mut FilteredCss) -> Option<String> {
    let tokens = trim_whitespace(tokens);
    if tokens.is_empty() {
        return None;
    }
    let drop = |out: &mut FilteredCss, why: Drop| {
        out.removed += 1;
        if let Drop::Remote = why {
            out.remote_blocked = true;
        }
        None
    };
    let Some(Token::Ident(name)) = tokens.first() else { return drop(out, Drop::Unsafe) };
    let rest = trim_whitespace(&tokens[1..]);
    let Some(Token::Colon) = rest.first() else { return drop(out, Drop::Unsafe) };
    let value = trim_whitespace(&rest[1..]);
    let name = name.to_ascii_lowercase();
    let allowed = if name == "position" { position_allowed(value) } else { property_allowed(&name) };
    if !allowed || value.is_empty() {
        return drop(out, Drop::Unsafe);
    }
    // Judge on a scratch copy so that a dropped declaration leaves no cid behind.
    let mut scratch = FilteredCss { cids: out.cids.clone(), ..FilteredCss::default() };
    match judge_value(value, remote_allowed, &mut scratch) {
        Ok(kept) => {
            out.cids = scratch.cids;
            let mut text = serialise(&[Token::Ident(name)]);
            text.push_str(": ");
            text.push_str(&serialise(&kept));
            Some(text)
        }
        Err(why) => drop(out, why),
    }
}

/// Splits at top-level `;` (outside parentheses, brackets and braces).
fn split_declarations(tokens: &[Token]) -> Vec<&[Token]> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Function(_) | Token::OpenParen | Token::OpenBracket | Token::OpenBrace => depth += 1,
            Token::CloseParen | Token::CloseBracket | Token::CloseBrace => depth -= 1,
            Token::Semicolon if depth <= 0 => {
                parts.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tokens[start..]);
    parts
}

fn filter_declarations(tokens: &[Token], remote_allowed: bool, out: &mut FilteredCss) -> String {
    let kept: Vec<String> = split_declarations(tokens)
        .into_iter()
        .filter_map(|declaration| filter_declaration(declaration, remote_allowed, out))
        .collect();
    kept.join("; ")
}

/// Filters the value of a `style` attribute.
///
/// ```
/// use facteur_html_policy::filter_style_attribute;
/// let f = filter_style_attribute("color:red; position:fixed; background:u\\rl(https://t.example/p.gif)", false);
/// assert_eq!(f.css, "color: red");
/// assert_eq!(f.removed, 2);
/// assert!(f.remote_blocked);
/// ```
pub fn filter_style_attribute(css: &str, remote_allowed: bool) -> FilteredCss {
    let mut out = FilteredCss::default();
    out.css = filter_declarations(&tokenize(css), remote_allowed, &mut out);
    out
}

/// The contents of the `{…}` block opening at `open`, and the index just after it (an
/// unclosed block runs to the end).
fn block(tokens: &[Token], open: usize) -> (&[Token], usize) {
    let mut depth = 0;
    for (i, token) in tokens.iter().enumerate().skip(open) {
        match token {
            Token::OpenBrace => depth += 1,
            Token::CloseBrace => {
                depth -= 1;
                if depth == 0 {
                    return (&tokens[open + 1..i], i + 1);
                }
            }
            _ => {}
        }
    }
    (&tokens[open + 1..], tokens.len())
}

/// A selector or `@media` prelude is kept when it cannot load or break anything.
fn prelude_allowed(prelude: &[Token]) -> bool {
    !prelude.is_empty()
        && prelude.iter().all(|t| {
            !matches!(
                t,
                Token::Url(_)
                    | Token::BadUrl
                    | Token::BadString
                    | Token::AtKeyword(_)
                    | Token::Cdo
                    | Token::Cdc
                    | Token::Semicolon
                    | Token::Delim('<' | '\\' | '@')
            ) && !matches!(t, Token::Function(f) if f.eq_ignore_ascii_case("url"))
        })
}

/// How deep `@media`/`@supports` blocks may nest; deeper ones are dropped (no unbounded
/// recursion on hostile input).
const MAX_NESTING: usize = 3;

fn filter_rules(tokens: &[Token], remote_allowed: bool, depth: usize, out: &mut FilteredCss) -> String {
    let mut rules = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Whitespace | Token::Cdo | Token::Cdc | Token::Semicolon | Token::CloseBrace => i += 1,
            Token::AtKeyword(name) => {
                let open =
                    tokens[i..].iter().position(|t| matches!(t, Token::OpenBrace | Token::Semicolon)).map(|p| p + i);
                let Some(open) = open.filter(|&o| tokens[o] == Token::OpenBrace) else {
                    // Statement at-rule (`@import …;`, `@charset …;`): dropped.
                    out.removed += 1;
                    i = open.map_or(tokens.len(), |o| o + 1);
                    continue;
                };
                let (contents, end) = block(tokens, open);
                let prelude = trim_whitespace(&tokens[i + 1..open]);
                let name = name.to_ascii_lowercase();
                if (name == "media" || name == "supports") && depth < MAX_NESTING && prelude_allowed(prelude) {
                    let inner = filter_rules(contents, remote_allowed, depth + 1, out);
                    if !inner.is_empty() {
                        rules.push(format!("@{name} {} {{\n{inner}\n}}", serialise(prelude)));
                    }
                } else {
                    out.removed += 1;
                }
                i = end;
            }
            _ => {
                let Some(open) = tokens[i..].iter().position(|t| *t == Token::OpenBrace).map(|p| p + i) else {
                    out.removed += 1;
                    break;
                };
                let (contents, end) = block(tokens, open);
                let prelude = trim_whitespace(&tokens[i..open]);
                if prelude_allowed(prelude) {
                    let declarations = filter_declarations(contents, remote_allowed, out);
                    if !declarations.is_empty() {
                        rules.push(format!("{} {{ {declarations} }}", serialise(prelude)));
                    }
                } else {
                    out.removed += 1;
                }
                i = end;
            }
        }
    }
    rules.join("\n")
}

/// Filters the text of a `<style>` element (write the result back as its only text).
///
/// ```
/// use facteur_html_policy::filter_stylesheet;
/// let f = filter_stylesheet("@import url(https://evil.example/x.css); p { color: #333; -moz-binding: url(x.xml#b) }", false);
/// assert_eq!(f.css, "p { color: #333 }");
/// assert_eq!(f.removed, 2);
/// ```
pub fn filter_stylesheet(css: &str, remote_allowed: bool) -> FilteredCss {
    let mut out = FilteredCss::default();
    out.css = filter_rules(&tokenize(css), remote_allowed, 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(css: &str) -> String {
        filter_style_attribute(css, false).css
    }

    #[test]
    fn formatting_is_kept() {
        assert_eq!(
            style("font-family:Arial, sans-serif;color:#1a1a1a;background-color:rgb(240, 240, 240);padding:10px 20px!important"),
            "font-family: Arial, sans-serif; color: #1a1a1a; background-color: rgb(240, 240, 240); padding: 10px 20px!important"
        );
        assert_eq!(style("width:calc(100% - 2em);position:relative"), "width: calc(100% - 2em); position: relative");
        assert_eq!(style("FONT-WEIGHT: bold;"), "font-weight: bold");
    }

    #[test]
    fn dangerous_declarations_are_dropped() {
        let cases = [
            "width: expression(alert(1))",
            "width: e\\78pression(alert(1))",
            "width: exp/**/ression(alert(1))",
            "behavior: url(x.htc)",
            "beh\\61vior: url(x.htc)",
            "-moz-binding: url(http://evil.example/x.xml#x)",
            "-webkit-animation: x 1s",
            "animation-name: x",
            "--x: url(javascript:alert(1))",
            "position: fixed",
            "position: absolute",
            "position: /**/fixed",
            "position: f\\69xed",
            "position: sticky",
            "top: 0",
            "z-index: 9999",
            "background: url(javascript:alert(1))",
            "background: url('java\\9script:alert(1)')",
            "background: \\75 rl(javascript:alert(1))",
            "background: u\\rl(javascript:alert(1))",
            "background: url(data:image/svg+xml;base64,PHN2Zz4=)",
            "background: image-set('x.png' 1x)",
            "background: ur/**/l(http://t.example/p)",
            "color: var(--x)",
            "content: attr(x)",
            "color: red }",
            "color: 'unterminated\n",
            "color: <script>",
            "font-family: a \\\n b",
        ];
        for case in cases {
            let f = filter_style_attribute(case, true);
            assert_eq!(f.css, "", "kept something of {case:?}");
            assert!(f.removed >= 1, "{case:?}");
        }
    }

    #[test]
    fn urls_follow_the_remote_setting() {
        let blocked = filter_style_attribute("background: #fff url(https://t.example/p.gif); color: red", false);
        assert_eq!(blocked.css, "color: red");
        assert!(blocked.remote_blocked);
        let allowed = filter_style_attribute("background: #fff url(https://t.example/p.gif); color: red", true);
        assert_eq!(allowed.css, "background: #fff url(\"https://t.example/p.gif\"); color: red");
        assert!(!allowed.remote_blocked);
        let escaped = filter_style_attribute("background:\\75 rl( 'https://t.example/p.gif' )", false);
        assert_eq!((escaped.css.as_str(), escaped.remote_blocked), ("", true));
        let cid = filter_style_attribute("background-image: url(cid:bg@x); background-image: URL(\"cid:bg@x\")", false);
        assert_eq!(cid.css, "background-image: url(\"cid:bg@x\"); background-image: url(\"cid:bg@x\")");
        assert_eq!(cid.cids, vec!["bg@x".to_string()]);
        let data = filter_style_attribute("background: url(data:image/png;base64,iVBORw0KGgo=)", false);
        assert_eq!(data.css, "background: url(\"data:image/png;base64,iVBORw0KGgo=\")");
    }

    #[test]
    fn dropped_declaration_leaves_no_cid() {
        let f = filter_style_attribute("background: url(cid:a) expression(1)", false);
        assert_eq!(f.css, "");
        assert!(f.cids.is_empty());
    }

    #[test]
    fn stylesheet_rules() {
        let f = filter_stylesheet(
            "@charset 'utf-8'; @import 'https://evil.example/a.css';\n\
             @font-face { font-family: x; src: url(https://evil.example/f.woff) }\n\
             .btn, td > a:hover { color: white; background: #0055a4; position: fixed }\n\
             @media (max-width: 600px) { .col { width: 100% !important } div { behavior: url(x) } }\n\
             @keyframes k { from { color: red } }\n\
             p { }\n\
             a[href^='http'] { text-decoration: none }",
            false,
        );
        assert_eq!(
            f.css,
            ".btn, td > a:hover { color: white; background: #0055a4 }\n\
             @media (max-width: 600px) {\n.col { width: 100% !important }\n}\n\
             a[href^=\"http\"] { text-decoration: none }"
        );
        assert_eq!(f.removed, 6);
    }

    #[test]
    fn stylesheet_cannot_close_the_style_element() {
        let f = filter_stylesheet("p { font-family: '</style><script>alert(1)</script>' }", false);
        assert!(!f.css.to_ascii_lowercase().contains("</style"), "{}", f.css);
        assert_eq!(f.css, "p { font-family: \"\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \" }");
        let g = filter_stylesheet("</style><img src=x onerror=alert(1)> p { color: red }", false);
        assert!(!g.css.contains('<'), "{}", g.css);
    }

    #[test]
    fn deep_nesting_is_cut() {
        let css = format!("{}p {{ color: red }}{}", "@media screen { ".repeat(100_000), "}".repeat(100_000));
        let f = filter_stylesheet(&css, false);
        assert_eq!(f.css, "");
        assert_eq!(f.removed, 1);
        let shallow = filter_stylesheet("@media screen { @supports (display: flex) { p { color: red } } }", false);
        assert_eq!(shallow.css, "@media screen {\n@supports (display: flex) {\np { color: red }\n}\n}");
    }

    #[test]
    fn stylesheet_remote_background() {
        let f = filter_stylesheet("body { background: url(https://t.example/bg.png) }", false);
        assert_eq!((f.css.as_str(), f.remote_blocked), ("", true));
        let g = filter_stylesheet("body { background: url(https://t.example/bg.png) }", true);
        assert_eq!(g.css, "body { background: url(\"https://t.example/bg.png\") }");
    }

    #[test]
    fn selectors_with_urls_or_escaped_breakouts_are_dropped() {
        assert_eq!(filter_stylesheet("a:u\\rl(x) { color: red }", false).css, "");
        assert_eq!(filter_stylesheet("<!-- p { color: red } -->", false).css, "p { color: red }");
    }
}
