//! A small CSS tokenizer (after CSS Syntax Level 3, §4) used by the style filter.
//!
//! It decodes escapes (`\75 rl(` is the function `url(`) and drops comments (so
//! `ur/**/l(` is the ident `ur` followed by the function `l(`, exactly as a browser sees
//! it), then [`serialise`] writes tokens back with everything escaped that could change
//! their meaning or close a `<style>` element.

/// One CSS token; names and strings are decoded.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Token {
    Ident(String),
    /// A function name; the `(` is part of the token.
    Function(String),
    AtKeyword(String),
    Hash(String),
    Str(String),
    BadString,
    /// An unquoted `url(…)`.
    Url(String),
    BadUrl,
    /// A number with its unit (`%`, an ident, or empty).
    Number {
        value: String,
        unit: String,
    },
    Delim(char),
    Whitespace,
    Colon,
    Semicolon,
    Comma,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    /// `<!--` or `-->`.
    Cdo,
    Cdc,
}

struct Tokenizer {
    chars: Vec<char>,
    pos: usize,
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-'
}

fn is_non_printable(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}')
}

impl Tokenizer {
    fn at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn valid_escape_at(&self, offset: usize) -> bool {
        self.at(offset) == Some('\\') && self.at(offset + 1) != Some('\n')
    }

    fn starts_ident_at(&self, offset: usize) -> bool {
        match self.at(offset) {
            Some('-') => {
                matches!(self.at(offset + 1), Some(c) if is_name_start(c) || c == '-')
                    || self.valid_escape_at(offset + 1)
            }
            Some(c) if is_name_start(c) => true,
            Some('\\') => self.valid_escape_at(offset),
            _ => false,
        }
    }

    fn starts_number(&self) -> bool {
        let digit = |o: usize| matches!(self.at(o), Some(c) if c.is_ascii_digit());
        match self.at(0) {
            Some('+' | '-') => digit(1) || (self.at(1) == Some('.') && digit(2)),
            Some('.') => digit(1),
            Some(c) => c.is_ascii_digit(),
            None => false,
        }
    }

    /// After the backslash.
    fn consume_escape(&mut self) -> char {
        let Some(c) = self.at(0) else { return '\u{fffd}' };
        self.pos += 1;
        if !c.is_ascii_hexdigit() {
            return c;
        }
        let mut hex = String::from(c);
        while hex.len() < 6 && matches!(self.at(0), Some(h) if h.is_ascii_hexdigit()) {
            hex.push(self.chars[self.pos]);
            self.pos += 1;
        }
        if matches!(self.at(0), Some(' ' | '\t' | '\n')) {
            self.pos += 1;
        }
        let value = u32::from_str_radix(&hex, 16).unwrap_or(0);
        match char::from_u32(value) {
            Some(ch) if value != 0 => ch,
            _ => '\u{fffd}',
        }
    }

    fn consume_name(&mut self) -> String {
        let mut name = String::new();
        loop {
            match self.at(0) {
                Some(c) if is_name_char(c) => {
                    name.push(c);
                    self.pos += 1;
                }
                Some('\\') if self.valid_escape_at(0) => {
                    self.pos += 1;
                    name.push(self.consume_escape());
                }
                _ => return name,
            }
        }
    }

    fn consume_string(&mut self, quote: char) -> Token {
        let mut s = String::new();
        loop {
            match self.at(0) {
                None => return Token::Str(s),
                Some(c) if c == quote => {
                    self.pos += 1;
                    return Token::Str(s);
                }
                Some('\n') => return Token::BadString,
                Some('\\') => {
                    self.pos += 1;
                    match self.at(0) {
                        None => {}
                        Some('\n') => self.pos += 1,
                        Some(_) => s.push(self.consume_escape()),
                    }
                }
                Some(c) => {
                    s.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.at(0), Some(' ' | '\t' | '\n')) {
            self.pos += 1;
        }
    }

    fn consume_bad_url_remnants(&mut self) -> Token {
        while let Some(c) = self.at(0) {
            self.pos += 1;
            if c == ')' {
                break;
            }
            if c == '\\' && self.at(0).is_some() {
                self.consume_escape();
            }
        }
        Token::BadUrl
    }

    fn consume_url(&mut self) -> Token {
        let mut url = String::new();
        self.skip_whitespace();
        loop {
            match self.at(0) {
                None => return Token::Url(url),
                Some(')') => {
                    self.pos += 1;
                    return Token::Url(url);
                }
                Some(' ' | '\t' | '\n') => {
                    self.skip_whitespace();
                    return match self.at(0) {
                        None => Token::Url(url),
                        Some(')') => {
                            self.pos += 1;
                            Token::Url(url)
                        }
                        _ => self.consume_bad_url_remnants(),
                    };
                }
                Some(c) if c == '"' || c == '\'' || c == '(' || is_non_printable(c) => {
                    return self.consume_bad_url_remnants();
                }
                Some('\\') => {
                    if self.valid_escape_at(0) {
                        self.pos += 1;
                        url.push(self.consume_escape());
                    } else {
                        return self.consume_bad_url_remnants();
                    }
                }
                Some(c) => {
                    url.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn consume_ident_like(&mut self) -> Token {
        let name = self.consume_name();
        if self.at(0) != Some('(') {
            return Token::Ident(name);
        }
        self.pos += 1;
        if !name.eq_ignore_ascii_case("url") {
            return Token::Function(name);
        }
        let mut look = 0;
        while matches!(self.at(look), Some(' ' | '\t' | '\n')) {
            look += 1;
        }
        if matches!(self.at(look), Some('"' | '\'')) {
            Token::Function(name)
        } else {
            self.consume_url()
        }
    }

    fn consume_number(&mut self) -> Token {
        let mut value = String::new();
        let take = |t: &mut Self, value: &mut String| {
            value.push(t.chars[t.pos]);
            t.pos += 1;
        };
        if matches!(self.at(0), Some('+' | '-')) {
            take(self, &mut value);
        }
        while matches!(self.at(0), Some(c) if c.is_ascii_digit()) {
            take(self, &mut value);
        }
        if self.at(0) == Some('.') && matches!(self.at(1), Some(c) if c.is_ascii_digit()) {
            take(self, &mut value);
            while matches!(self.at(0), Some(c) if c.is_ascii_digit()) {
                take(self, &mut value);
            }
        }
        let exp_digits = |t: &Self, o: usize| matches!(t.at(o), Some(c) if c.is_ascii_digit());
        if matches!(self.at(0), Some('e' | 'E'))
            && (exp_digits(self, 1) || (matches!(self.at(1), Some('+' | '-')) && exp_digits(self, 2)))
        {
            take(self, &mut value);
            take(self, &mut value);
            while matches!(self.at(0), Some(c) if c.is_ascii_digit()) {
                take(self, &mut value);
            }
        }
        let unit = if self.starts_ident_at(0) {
            self.consume_name()
        } else if self.at(0) == Some('%') {
            self.pos += 1;
            "%".to_string()
        } else {
            String::new()
        };
        Token::Number { value, unit }
    }

    fn next_token(&mut self) -> Option<Token> {
        // Comments produce no token at all.
        while self.at(0) == Some('/') && self.at(1) == Some('*') {
            self.pos += 2;
            while self.pos < self.chars.len() && !(self.at(0) == Some('*') && self.at(1) == Some('/')) {
                self.pos += 1;
            }
            self.pos = (self.pos + 2).min(self.chars.len());
        }
        let c = self.at(0)?;
        let single = |t: &mut Self, tok: Token| {
            t.pos += 1;
            Some(tok)
        };
        match c {
            ' ' | '\t' | '\n' => {
                self.skip_whitespace();
                Some(Token::Whitespace)
            }
            '"' | '\'' => {
                self.pos += 1;
                Some(self.consume_string(c))
            }
            '#' if matches!(self.at(1), Some(n) if is_name_char(n)) || self.valid_escape_at(1) => {
                self.pos += 1;
                Some(Token::Hash(self.consume_name()))
            }
            '(' => single(self, Token::OpenParen),
            ')' => single(self, Token::CloseParen),
            '[' => single(self, Token::OpenBracket),
            ']' => single(self, Token::CloseBracket),
            '{' => single(self, Token::OpenBrace),
            '}' => single(self, Token::CloseBrace),
            ',' => single(self, Token::Comma),
            ':' => single(self, Token::Colon),
            ';' => single(self, Token::Semicolon),
            _ if self.starts_number() => Some(self.consume_number()),
            '-' if self.at(1) == Some('-') && self.at(2) == Some('>') => {
                self.pos += 3;
                Some(Token::Cdc)
            }
            '<' if self.at(1) == Some('!') && self.at(2) == Some('-') && self.at(3) == Some('-') => {
                self.pos += 4;
                Some(Token::Cdo)
            }
            '@' if self.starts_ident_at(1) => {
                self.pos += 1;
                Some(Token::AtKeyword(self.consume_name()))
            }
            _ if self.starts_ident_at(0) => Some(self.consume_ident_like()),
            _ => single(self, Token::Delim(c)),
        }
    }
}

/// Tokenizes CSS text (after the standard preprocessing of newlines and NULs).
pub(crate) fn tokenize(css: &str) -> Vec<Token> {
    let text = css.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n").replace('\0', "\u{fffd}");
    let mut tokenizer = Tokenizer { chars: text.chars().collect(), pos: 0 };
    std::iter::from_fn(|| tokenizer.next_token()).collect()
}

/// Escapes a decoded name so that it reads back as the same single ident.
fn escape_name(name: &str, out: &mut String, is_ident: bool) {
    for (i, c) in name.chars().enumerate() {
        let leading_digit = is_ident && c.is_ascii_digit() && (i == 0 || (i == 1 && name.starts_with('-')));
        if is_name_char(c) && !leading_digit && c != '\u{fffd}' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
}

/// Writes a string token with `"`, `\`, `<`, `>` and controls escaped.
pub(crate) fn escape_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '<' | '>' | '\n') || c.is_control() {
            out.push_str(&format!("\\{:x} ", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
}

/// Whether `prev` and `next` written side by side would read back as other tokens (after
/// the serialisation table of CSS Syntax §9): then an empty comment goes between them.
fn needs_separator(prev: &Token, next: &Token) -> bool {
    use Token::*;
    let ident_like = matches!(next, Ident(_) | Function(_) | Url(_) | Delim('-'));
    match prev {
        Ident(_) => ident_like || matches!(next, Number { .. } | OpenParen | Cdc),
        AtKeyword(_) | Hash(_) | Delim('#' | '-') => ident_like || matches!(next, Number { .. } | Cdc),
        Number { .. } => ident_like || matches!(next, Number { .. } | Delim('%') | Cdc),
        Delim('@') => ident_like,
        Delim('.' | '+') => matches!(next, Number { .. }),
        Delim('/') => matches!(next, Delim('*')),
        _ => false,
    }
}

/// Writes tokens back as CSS. Whitespace runs become one space; an empty comment is put
/// between two tokens that would otherwise merge (`ur` + `l(` must not become `url(`).
/// Callers never pass `BadString`, `BadUrl`, `<`, `\`, `Cdo`, `Cdc` (they drop those).
pub(crate) fn serialise(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut previous: Option<&Token> = None;
    for token in tokens {
        if let Some(prev) = previous {
            if needs_separator(prev, token) {
                out.push_str("/**/");
            }
        }
        match token {
            Token::Ident(name) => escape_name(name, &mut out, true),
            Token::Function(name) => {
                escape_name(name, &mut out, true);
                out.push('(');
            }
            Token::AtKeyword(name) => {
                out.push('@');
                escape_name(name, &mut out, true);
            }
            Token::Hash(name) => {
                out.push('#');
                escape_name(name, &mut out, false);
            }
            Token::Str(s) => escape_string(s, &mut out),
            Token::Url(u) => {
                out.push_str("url(");
                escape_string(u, &mut out);
                out.push(')');
            }
            Token::Number { value, unit } => {
                out.push_str(value);
                if unit == "%" {
                    out.push('%');
                } else if unit.starts_with(['e', 'E'])
                    && unit[1..].starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
                {
                    // `1` + unit `e3` must not read back as the number `1e3`.
                    out.push_str(&format!("\\{:x} ", unit.as_bytes()[0]));
                    escape_name(&unit[1..], &mut out, false);
                } else {
                    escape_name(unit, &mut out, true);
                }
            }
            Token::Delim(c) => out.push(*c),
            Token::Whitespace => out.push(' '),
            Token::Colon => out.push(':'),
            Token::Semicolon => out.push(';'),
            Token::Comma => out.push(','),
            Token::OpenParen => out.push('('),
            Token::CloseParen => out.push(')'),
            Token::OpenBracket => out.push('['),
            Token::CloseBracket => out.push(']'),
            Token::OpenBrace => out.push('{'),
            Token::CloseBrace => out.push('}'),
            Token::BadString | Token::BadUrl | Token::Cdo | Token::Cdc => {}
        }
        previous = Some(token);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Token::*;
    use super::*;

    fn ident(s: &str) -> Token {
        Ident(s.into())
    }

    #[test]
    fn escapes_are_decoded() {
        assert_eq!(tokenize("\\75 rl(x)"), vec![Url("x".into())]);
        assert_eq!(tokenize("u\\rl(x)"), vec![Url("x".into())]);
        assert_eq!(tokenize("\\000075\\0072l(x)"), vec![Url("x".into())]);
        assert_eq!(tokenize("e\\78pression("), vec![Function("expression".into())]);
        assert_eq!(tokenize("'a\\27 b\\\nc'"), vec![Str("a'bc".into())]);
        assert_eq!(tokenize("\\0"), vec![ident("\u{fffd}")]);
    }

    #[test]
    fn comments_split_tokens() {
        assert_eq!(tokenize("ur/**/l(x)"), vec![ident("ur"), Function("l".into()), ident("x"), CloseParen]);
        assert_eq!(tokenize("a/* unterminated"), vec![ident("a")]);
    }

    #[test]
    fn urls_and_bad_urls() {
        assert_eq!(tokenize("url(  cid:a  )"), vec![Url("cid:a".into())]);
        assert_eq!(tokenize("URL('x')"), vec![Function("URL".into()), Str("x".into()), CloseParen]);
        assert_eq!(tokenize("url(a b) c"), vec![BadUrl, Whitespace, ident("c")]);
        assert_eq!(tokenize("url(a\"b)"), vec![BadUrl]);
        assert_eq!(tokenize("'abc\nd"), vec![BadString, Whitespace, ident("d")]);
    }

    #[test]
    fn numbers_hashes_at_keywords() {
        assert_eq!(
            tokenize("-1.5em 50% #fff @media"),
            vec![
                Number { value: "-1.5".into(), unit: "em".into() },
                Whitespace,
                Number { value: "50".into(), unit: "%".into() },
                Whitespace,
                Hash("fff".into()),
                Whitespace,
                AtKeyword("media".into()),
            ]
        );
        assert_eq!(tokenize("<!-- -->"), vec![Cdo, Whitespace, Cdc]);
    }

    #[test]
    fn serialisation_never_merges_or_breaks_out() {
        assert_eq!(serialise(&tokenize("ur/**/l(x)")), "ur/**/l(x)");
        assert_eq!(serialise(&tokenize("ur/**/l/**/(x)")), "ur/**/l/**/(x)");
        assert_eq!(serialise(&tokenize("rgb(1,2) .5 #a/**/-b 1/**/%")), "rgb(1,2) .5 #a/**/-b 1/**/%");
        assert_eq!(serialise(&[Str("</style><script>".into())]), "\"\\3c /style\\3e \\3c script\\3e \"");
        assert_eq!(serialise(&[ident("a<b")]), "a\\3c b");
        assert_eq!(serialise(&[ident("1a")]), "\\31 a");
        assert_eq!(serialise(&tokenize("1px   solid  #ABC")), "1px solid #ABC");
    }
}
