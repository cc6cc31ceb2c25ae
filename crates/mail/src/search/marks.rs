//! The searched words marked in a text the app shows itself (the plain-text body of a
//! message opened from the results), ignoring case and accents as the server's full-text
//! search does.

use super::snippet::Segment;
use super::{terms, SearchQuery};
use facteur_kit::text::fold_char as fold;

/// The words and "phrases" of the search's text to mark in a body: not the operators'
/// values (they match headers), not one-letter words.
///
/// ```
/// use facteur_mail::search::{marks::words_to_mark, SearchQuery};
/// let query = SearchQuery::text(r#"de:sophie Noah "Da Silva" à"#);
/// assert_eq!(words_to_mark(&query), ["Noah", "Da Silva"]);
/// ```
pub fn words_to_mark(query: &SearchQuery) -> Vec<String> {
    let text = terms::parse(&query.text).text;
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let (word, after) = match rest.strip_prefix('"') {
            Some(inner) => inner.split_once('"').unwrap_or((inner, "")),
            None => rest.split_once(char::is_whitespace).unwrap_or((rest, "")),
        };
        if word.chars().count() >= 2 && !out.iter().any(|w: &String| w == word) {
            out.push(word.to_string());
        }
        rest = after.trim_start();
    }
    out
}

/// Splits `text` into segments with the occurrences of `words` marked: an occurrence starts
/// a word (`conseil` is marked in "conseils", not in "déconseille"); the longest word wins.
///
/// ```
/// use facteur_mail::search::marks::mark;
/// let marked: Vec<(String, bool)> = mark("Élève : NOAH, noé", &["eleve".into(), "noah".into()])
///     .into_iter().map(|s| (s.text, s.marked)).collect();
/// assert_eq!(marked, [("Élève".into(), true), (" : ".into(), false), ("NOAH".into(), true), (", noé".into(), false)]);
/// ```
pub fn mark(text: &str, words: &[String]) -> Vec<Segment> {
    let mut words: Vec<Vec<char>> =
        words.iter().map(|w| w.chars().map(fold).collect()).filter(|w: &Vec<char>| !w.is_empty()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = chars.iter().map(|(_, c)| fold(*c)).collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |text: &str, marked: bool| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(text),
            _ => out.push(Segment { text: text.to_string(), marked }),
        }
    };
    let (mut i, mut plain_from) = (0, 0);
    while i < folded.len() {
        let starts_word = i == 0 || !folded[i - 1].is_alphanumeric();
        let found = starts_word.then(|| words.iter().find(|w| folded[i..].starts_with(w))).flatten();
        match found {
            Some(w) => {
                push(&text[byte_at(plain_from)..byte_at(i)], false);
                push(&text[byte_at(i)..byte_at(i + w.len())], true);
                i += w.len();
                plain_from = i;
            }
            None => i += 1,
        }
    }
    push(&text[byte_at(plain_from)..], false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, words: &[&str]) -> Vec<String> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        mark(text, &words).into_iter().filter(|s| s.marked).map(|s| s.text).collect()
    }

    #[test]
    fn words_start_a_word_case_and_accents_ignored() {
        assert_eq!(marked("Les conseils de classe, déconseillés", &["conseil"]), ["conseil"]);
        assert_eq!(marked("L'élève Noah", &["eleve", "NOAH"]), ["élève", "Noah"]);
        assert_eq!(marked("rien ici", &["noah"]), Vec::<String>::new());
    }

    #[test]
    fn phrases_and_the_longest_word_first() {
        assert_eq!(marked("Noah Da Silva et Noah", &["Noah", "Noah Da Silva"]), ["Noah Da Silva", "Noah"]);
    }

    #[test]
    fn the_text_is_kept_whole() {
        let text = "Bonjour Noah, œuvre ß und Noah.";
        let joined: String = mark(text, &["noah".into()]).into_iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
        assert!(mark("", &["x".into()]).is_empty());
        assert_eq!(mark("abc", &[]), [Segment { text: "abc".into(), marked: false }]);
    }

    #[test]
    fn only_the_free_words_are_marked() {
        let query = SearchQuery { subject: "conseil".into(), ..SearchQuery::text("objet:bilan avec:pj x Noah") };
        assert_eq!(words_to_mark(&query), ["Noah"]);
    }
}
