//! The languages the interface speaks.

use serde::{Deserialize, Serialize};

/// A language of the interface. French first, English second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag (`"fr"`, `"en"`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Picks the first supported language among the browser's preferred ones
    /// (`navigator.languages`), falling back to French.
    ///
    /// ```
    /// use facteur_kit::Lang;
    /// assert_eq!(Lang::negotiate(["en-GB", "fr-FR"]), Lang::En);
    /// assert_eq!(Lang::negotiate(["de-DE"]), Lang::Fr);
    /// ```
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred.into_iter().find_map(Lang::from_tag).unwrap_or_default()
    }

    /// Whether `n` takes the singular: in French 0 and 1 do ("0 message", "1 message"), in
    /// English only 1 does.
    ///
    /// ```
    /// use facteur_kit::Lang;
    /// assert!(Lang::Fr.is_singular(0) && Lang::Fr.is_singular(1) && !Lang::Fr.is_singular(2));
    /// assert!(!Lang::En.is_singular(0) && Lang::En.is_singular(1));
    /// ```
    pub fn is_singular(self, n: u64) -> bool {
        match self {
            Lang::Fr => n < 2,
            Lang::En => n == 1,
        }
    }

    /// A count as written in the language: `100 000` in French (narrow no-break spaces),
    /// `100,000` in English.
    ///
    /// ```
    /// use facteur_kit::Lang;
    /// assert_eq!(Lang::Fr.number(100_000), "100\u{202f}000");
    /// assert_eq!(Lang::En.number(1_234_567), "1,234,567");
    /// assert_eq!(Lang::En.number(999), "999");
    /// ```
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        let separator = match self {
            Lang::Fr => '\u{202f}',
            Lang::En => ',',
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }

    /// Parses a tag such as `fr`, `fr-FR`, `en-US` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
