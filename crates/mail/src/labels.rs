//! Labels: the user's own JMAP keywords (not `$seen`, `$flagged`…), shown as coloured chips.
//!
//! RFC 8621 §4.1.1 allows a keyword only printable ASCII without `( ) { ] % * " \` and
//! spaces, and servers store them in lowercase (Cyrus does). A label's name is written as a
//! keyword reversibly, apart from case: letters, digits and `- . + ! : @ ' , ? # = ;` stay,
//! a space becomes `_`, anything else (accents, `_`, `&`, `$`…) becomes `&` + its code point
//! in hexadecimal + `-`. So "Réunion parents" is `r&e9-union_parents`, shown back as
//! "réunion parents", and a label never starts with `$` (the system keywords do).
//!
//! The colour of a chip is one of [`PALETTE`], chosen from the keyword (the same label has
//! the same colour everywhere); every pair meets WCAG AA contrast (tested).

use crate::folders::collation_key;
use std::collections::HashMap;

/// The longest keyword (RFC 8621 §4.1.1).
pub const MAX_KEYWORD_LEN: usize = 255;

/// Keywords without `$` that mail programs use as system flags (lowercased).
const SYSTEM_WORDS: [&str; 6] = ["junk", "nonjunk", "notjunk", "forwarded", "mdnsent", "phishing"];

/// Why a label name cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelError {
    /// Nothing but spaces.
    Empty,
    /// Its keyword would be longer than [`MAX_KEYWORD_LEN`].
    TooLong,
    /// It would be a system keyword (`junk`…).
    Reserved,
}

fn kept(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || "-.+!:@',?#=;".contains(c)
}

/// Whether a keyword is the user's label (not a system or registered keyword).
///
/// ```
/// use facteur_mail::labels::is_label;
/// assert!(is_label("projet-x"));
/// assert!(!is_label("$seen") && !is_label("$Flagged") && !is_label("NonJunk"));
/// ```
pub fn is_label(keyword: &str) -> bool {
    !keyword.is_empty() && !keyword.starts_with('$') && !SYSTEM_WORDS.contains(&keyword.to_ascii_lowercase().as_str())
}

/// The keyword for a label name.
///
/// ```
/// use facteur_mail::labels::{keyword_for, label_name};
/// assert_eq!(keyword_for("Réunion parents").unwrap(), "r&e9-union_parents");
/// assert_eq!(label_name("r&e9-union_parents"), "réunion parents");
/// ```
pub fn keyword_for(name: &str) -> Result<String, LabelError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(LabelError::Empty);
    }
    let mut keyword = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            c if kept(c) => keyword.push(c),
            ' ' => keyword.push('_'),
            other => keyword.push_str(&format!("&{:x}-", other as u32)),
        }
    }
    if keyword.len() > MAX_KEYWORD_LEN {
        return Err(LabelError::TooLong);
    }
    if !is_label(&keyword) {
        return Err(LabelError::Reserved);
    }
    Ok(keyword)
}

/// The name shown for a label keyword (the reverse of [`keyword_for`]; a keyword set by
/// another program is shown as it is, `_` as a space).
pub fn label_name(keyword: &str) -> String {
    let mut name = String::new();
    let mut rest = keyword;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            let decoded = rest[1..].split_once('-').and_then(|(hex, after)| {
                let code = u32::from_str_radix(hex, 16).ok().filter(|_| !hex.is_empty() && hex.len() <= 6)?;
                Some((char::from_u32(code)?, after))
            });
            if let Some((decoded, after)) = decoded {
                name.push(decoded);
                rest = after;
                continue;
            }
        }
        name.push(if c == '_' { ' ' } else { c });
        rest = &rest[c.len_utf8()..];
    }
    name
}

/// The labels among an email's keywords, sorted by name.
pub fn labels_of(keywords: &HashMap<String, bool>) -> Vec<String> {
    let mut labels: Vec<String> =
        keywords.iter().filter(|(k, on)| **on && is_label(k)).map(|(k, _)| k.clone()).collect();
    labels.sort_by_key(|k| (collation_key(&label_name(k)), k.clone()));
    labels
}

/// An email's labels with the changes made on screen (keyword → set or cleared), sorted by
/// name.
///
/// ```
/// use facteur_mail::labels::with_changes;
/// let changes = [("urgent".to_string(), true), ("projet-x".to_string(), false)].into_iter().collect();
/// assert_eq!(with_changes(&["projet-x".into(), "cantine".into()], &changes), ["cantine", "urgent"]);
/// ```
pub fn with_changes(server: &[String], changes: &HashMap<String, bool>) -> Vec<String> {
    let mut keywords: HashMap<String, bool> = server.iter().map(|k| (k.clone(), true)).collect();
    keywords.extend(changes.iter().map(|(k, on)| (k.clone(), *on)));
    labels_of(&keywords)
}

/// The chip colours: background and text, as in `style/main.css` (`.label-colour-N`).
pub const PALETTE: [(&str, &str); 8] = [
    ("#dbeafe", "#1e3a8a"),
    ("#dcfce7", "#14532d"),
    ("#fef3c7", "#78350f"),
    ("#fee2e2", "#7f1d1d"),
    ("#ede9fe", "#4c1d95"),
    ("#ccfbf1", "#134e4a"),
    ("#fce7f3", "#831843"),
    ("#e2e8f0", "#1e293b"),
];

/// The colour of a label: an index into [`PALETTE`] (FNV-1a of the keyword).
pub fn colour_index(keyword: &str) -> usize {
    let hash = keyword.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    hash as usize % PALETTE.len()
}

/// The CSS class of a label's chip.
pub fn colour_class(keyword: &str) -> String {
    format!("label-colour-{}", colour_index(keyword))
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0)) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_up_to_case() {
        for name in ["projet X", "Réunion parents", "élèves_3e & 4e", "$money", "100 % bio", "Sortie (Nîmes)", "日本"]
        {
            let keyword = keyword_for(name).unwrap();
            assert!(
                keyword.chars().all(|c| c.is_ascii_graphic() && !"(){]%*\"\\".contains(c)),
                "{name:?} gave an invalid keyword {keyword:?}"
            );
            assert!(is_label(&keyword), "{keyword}");
            assert_eq!(label_name(&keyword), name.to_lowercase(), "{keyword}");
        }
        assert_eq!(keyword_for("$money").unwrap(), "&24-money");
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!(keyword_for("  "), Err(LabelError::Empty));
        assert_eq!(keyword_for("Junk"), Err(LabelError::Reserved));
        assert_eq!(keyword_for(&"a".repeat(255)).map(|k| k.len()), Ok(255));
        assert_eq!(keyword_for(&"a".repeat(256)), Err(LabelError::TooLong));
        assert_eq!(keyword_for(&"é".repeat(64)), Err(LabelError::TooLong), "each é takes 4 characters");
    }

    #[test]
    fn foreign_keywords_are_shown_as_they_are() {
        assert_eq!(label_name("todo_list"), "todo list");
        assert_eq!(label_name("a&b"), "a&b");
        assert_eq!(label_name("a&zz-b"), "a&zz-b");
        assert_eq!(label_name("&-"), "&-");
    }

    #[test]
    fn labels_leave_system_keywords_out_and_sort_by_name() {
        let keywords: HashMap<String, bool> = [
            ("$seen", true),
            ("projet-x", true),
            ("$flagged", true),
            ("&e9-l&e8-ves", true),
            ("nonjunk", true),
            ("old", false),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        assert_eq!(labels_of(&keywords), ["&e9-l&e8-ves", "projet-x"]);
    }

    #[test]
    fn colours_are_stable_and_spread() {
        assert_eq!(colour_index("projet-x"), colour_index("projet-x"));
        let used: std::collections::HashSet<usize> =
            ["a", "b", "c", "d", "e", "f", "g", "h", "urgent", "projet-x"].iter().map(|k| colour_index(k)).collect();
        assert!(used.len() >= 5, "{used:?}");
        assert_eq!(colour_class("projet-x"), format!("label-colour-{}", colour_index("projet-x")));
    }

    #[test]
    fn every_chip_colour_meets_wcag_aa() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 0.01);
        for (background, text) in PALETTE {
            let ratio = contrast(background, text);
            assert!(ratio >= 4.5, "{text} on {background}: {ratio:.2}");
        }
    }

    /// The stylesheet has the same colours, one class per palette entry.
    #[test]
    fn the_stylesheet_matches_the_palette() {
        let css = include_str!("../../../style/main.css");
        for (i, (background, text)) in PALETTE.iter().enumerate() {
            let rule = format!(".label-colour-{i} {{ background: {background}; color: {text}; }}");
            assert!(css.contains(&rule), "style/main.css lacks `{rule}`");
        }
    }
}
