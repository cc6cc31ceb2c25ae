//! The search field's text: free words, "quoted phrases", and operators a user may type
//! (`de:` / `from:`, `à:` / `to:`, `objet:` / `subject:`, `avec:pj` / `has:attachment`), in
//! French or English.

/// What the search field's text asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Terms {
    /// Free words and quoted phrases, for the full-text (`text`) condition: words separated by
    /// one space, phrases kept in double quotes (the server searches them as phrases).
    pub text: String,
    /// `de:` / `from:` values.
    pub from: Vec<String>,
    /// `à:` / `a:` / `to:` values.
    pub to: Vec<String>,
    /// `objet:` / `subject:` values.
    pub subject: Vec<String>,
    /// `avec:pj` / `has:attachment` was typed.
    pub has_attachment: bool,
}

impl Terms {
    /// Whether the text asks for nothing.
    pub fn is_empty(&self) -> bool {
        self == &Terms::default()
    }
}

/// An operator of the field's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Operator {
    From,
    To,
    Subject,
    Has,
}

fn operator(name: &str) -> Option<Operator> {
    match name.to_lowercase().as_str() {
        "de" | "from" => Some(Operator::From),
        "à" | "a" | "to" => Some(Operator::To),
        "objet" | "subject" => Some(Operator::Subject),
        "avec" | "has" => Some(Operator::Has),
        _ => None,
    }
}

/// Reads the search field's text.
///
/// ```
/// use facteur_mail::search::terms::parse;
/// let terms = parse(r#"de:sophie objet:"conseil de classe" Noah "Da Silva""#);
/// assert_eq!(terms.from, ["sophie"]);
/// assert_eq!(terms.subject, ["conseil de classe"]);
/// assert_eq!(terms.text, r#"Noah "Da Silva""#);
/// ```
pub fn parse(input: &str) -> Terms {
    let mut terms = Terms::default();
    let mut words: Vec<String> = Vec::new();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let (token, after) = next_token(rest);
        rest = after.trim_start();
        match token {
            Token::Phrase(phrase) => {
                let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
                if !phrase.is_empty() {
                    words.push(format!("\"{phrase}\""));
                }
            }
            Token::Word(word) => words.push(word.to_string()),
            Token::Operator(op, value) => {
                let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
                match op {
                    _ if value.is_empty() => {}
                    Operator::From => terms.from.push(value),
                    Operator::To => terms.to.push(value),
                    Operator::Subject => terms.subject.push(value),
                    Operator::Has if matches!(value.to_lowercase().as_str(), "pj" | "attachment" | "piece-jointe") => {
                        terms.has_attachment = true
                    }
                    // `avec:truc` is not an operator we know: search the words as typed.
                    Operator::Has => words.push(value),
                }
            }
        }
    }
    terms.text = words.join(" ");
    terms
}

enum Token<'a> {
    Word(&'a str),
    Phrase(&'a str),
    Operator(Operator, &'a str),
}

/// The first token of `s` (which does not start with a space) and what follows it.
fn next_token(s: &str) -> (Token<'_>, &str) {
    if let Some(inner) = s.strip_prefix('"') {
        let (phrase, after) = quoted(inner);
        return (Token::Phrase(phrase), after);
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    let word = &s[..end];
    if let Some((name, value)) = word.split_once(':') {
        if let Some(op) = operator(name) {
            let value_start = name.len() + 1;
            if let Some(inner) = s[value_start..].strip_prefix('"') {
                let (value, after) = quoted(inner);
                return (Token::Operator(op, value), after);
            }
            return (Token::Operator(op, value), &s[end..]);
        }
    }
    (Token::Word(word), &s[end..])
}

/// The text up to the closing quote (or the end when it is missing), and what follows.
fn quoted(s: &str) -> (&str, &str) {
    match s.find('"') {
        Some(close) => (&s[..close], &s[close + 1..]),
        None => (s, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_are_the_text() {
        let terms = parse("  conseil   de classe ");
        assert_eq!(terms.text, "conseil de classe");
        assert!(terms.from.is_empty() && terms.to.is_empty() && terms.subject.is_empty() && !terms.has_attachment);
    }

    #[test]
    fn french_and_english_operators() {
        let fr = parse("de:sophie à:julien objet:sortie avec:pj musée");
        let en = parse("from:sophie to:julien subject:sortie has:attachment musée");
        assert_eq!(fr, en);
        assert_eq!(fr.from, ["sophie"]);
        assert_eq!(fr.to, ["julien"]);
        assert_eq!(fr.subject, ["sortie"]);
        assert!(fr.has_attachment);
        assert_eq!(fr.text, "musée");
        assert_eq!(parse("A:julien De:sophie OBJET:x").to, ["julien"], "operators ignore case");
    }

    #[test]
    fn quoted_phrases_and_quoted_operator_values() {
        let terms = parse(r#"objet:"conseil  de classe" "Noah Da Silva" bilan"#);
        assert_eq!(terms.subject, ["conseil de classe"]);
        assert_eq!(terms.text, r#""Noah Da Silva" bilan"#);
        // A quote left open runs to the end; empty phrases vanish.
        assert_eq!(parse(r#"bilan "Da Silva"#).text, r#"bilan "Da Silva""#);
        assert_eq!(parse(r#"bilan "" x"#).text, "bilan x");
    }

    #[test]
    fn words_with_colons_that_are_not_operators_stay_words() {
        let terms = parse("https://eduscol.education.fr 10:30 de: avec:plaisir");
        assert_eq!(terms.text, "https://eduscol.education.fr 10:30 plaisir");
        assert!(terms.from.is_empty(), "an operator without value is dropped");
        assert!(!terms.has_attachment);
    }

    #[test]
    fn nothing_is_empty() {
        assert!(parse("").is_empty());
        assert!(parse("   \"\"  de:").is_empty());
        assert!(!parse("x").is_empty());
    }
}
