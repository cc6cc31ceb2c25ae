//! Words and numbers as people read them, one copy each for every area: accent folding for
//! comparing and sorting names and searched words, sizes in octets, and the singular/plural
//! rule (see [`crate::Lang::is_singular`]).

/// `c` lower-cased without its accent (`É` → `e`, `Œ` → `o`, the typographic apostrophe →
/// `'`), one character for one, so that positions in a folded text are those of the original.
///
/// ```
/// use facteur_kit::text::fold_char;
/// assert_eq!("Élève Noé d’Aubert".chars().map(fold_char).collect::<String>(), "eleve noe d'aubert");
/// ```
pub fn fold_char(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'æ' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'œ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        '\u{2019}' => '\'',
        other => other,
    }
}

/// A text folded with [`fold_char`]: the key names are compared and sorted by, ignoring
/// case and the accents of French.
///
/// ```
/// use facteur_kit::text::fold;
/// assert_eq!(fold("Élèves"), fold("eleves"));
/// assert!(fold("École") < fold("Histoire"), "É sorts with E, not after Z");
/// ```
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// A size for people: `850 o`, `12 Ko`, `1,5 Mo` in French; `850 B`, `12 KB`, `1.5 MB` in English.
///
/// ```
/// use facteur_kit::{text::human_size, Lang};
/// assert_eq!(human_size(1_572_864, Lang::Fr), "1,5 Mo");
/// assert_eq!(human_size(12_288, Lang::En), "12 KB");
/// ```
pub fn human_size(octets: u64, lang: crate::Lang) -> String {
    let (units, decimal) = match lang {
        crate::Lang::Fr => (["o", "Ko", "Mo", "Go"], ','),
        crate::Lang::En => (["B", "KB", "MB", "GB"], '.'),
    };
    // In tenths of the unit, with integers only (formatting a float brings the float printing
    // code of the standard library into the wasm).
    let mut unit = 0;
    let mut scale: u128 = 1;
    while u128::from(octets) >= scale * 1024 && unit < units.len() - 1 {
        scale *= 1024;
        unit += 1;
    }
    let tenths = (u128::from(octets) * 10 + scale / 2) / scale;
    if unit == 0 || tenths >= 100 {
        format!("{} {}", (u128::from(octets) + scale / 2) / scale, units[unit])
    } else {
        format!("{}{decimal}{} {}", tenths / 10, tenths % 10, units[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::human_size;
    use crate::Lang::{En, Fr};

    #[test]
    fn sizes_are_rounded_like_people_read_them() {
        let cases = [
            (0, "0 o"),
            (1023, "1023 o"),
            (1024, "1,0 Ko"),
            (1536, "1,5 Ko"),
            (10 * 1024 - 1, "10 Ko"),
            (10_700, "10 Ko"),
            (10_752, "11 Ko"),
            (1_572_864, "1,5 Mo"),
            (1023 * 1024 * 1024, "1023 Mo"),
            (5 * 1024 * 1024 * 1024 + 1, "5,0 Go"),
            (3000 * 1024 * 1024 * 1024, "3000 Go"),
            (u64::MAX, "17179869184 Go"),
        ];
        for (octets, fr) in cases {
            assert_eq!(human_size(octets, Fr), fr, "{octets}");
        }
        assert_eq!(human_size(1536, En), "1.5 KB");
        assert_eq!(human_size(3 * 1024 * 1024, En), "3.0 MB");
    }
}
