//! The deployment configuration: one JSON file (`config.json`) served with the app, so an
//! académie rebrands Facteur without rebuilding it.
//!
//! ```
//! let cfg = facteur_kit::config::AppConfig::from_json(r#"{
//!   "jmapUrl": "/.well-known/jmap",
//!   "institution": {"name": "Académie des Cévennes"},
//!   "resetPasswordUrl": "https://moncompte.example.org/reset",
//!   "support": [{"label": {"fr": "Assistance", "en": "Help desk"}, "phone": "04 00 00 00 00"}]
//! }"#).unwrap();
//! assert_eq!(cfg.support[0].label.get(facteur_kit::Lang::En), "Help desk");
//! ```

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A text given in each language; French is required, English falls back to French.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LocalizedText {
    /// The same text in every language.
    Same(String),
    /// One text per language.
    PerLang {
        /// French text.
        fr: String,
        /// English text, if any.
        #[serde(default)]
        en: Option<String>,
    },
}

impl LocalizedText {
    /// The text for `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            LocalizedText::Same(text) => text,
            LocalizedText::PerLang { fr, en } => match lang {
                Lang::En => en.as_deref().unwrap_or(fr),
                Lang::Fr => fr,
            },
        }
    }
}

/// The institution running this Facteur.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Institution {
    /// Shown in the login page header and the window title.
    pub name: String,
    /// Path or URL of a logo image, if any.
    #[serde(default)]
    pub logo: Option<String>,
}

/// A way to reach the institution's support.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportContact {
    /// Who this is ("Assistance académique").
    pub label: LocalizedText,
    /// Phone number, as written for people.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Web page (ticket form, help desk).
    #[serde(default)]
    pub url: Option<String>,
    /// Opening hours or any note.
    #[serde(default)]
    pub hours: Option<LocalizedText>,
}

/// A link to the institution's help pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpLink {
    /// Link text.
    pub label: LocalizedText,
    /// Target.
    pub url: String,
}

/// The whole `config.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppConfig {
    /// The JMAP session URL (absolute or relative to the app's origin). When absent, the login
    /// page asks for the server address.
    #[serde(default)]
    pub jmap_url: Option<String>,
    /// Who runs this webmail.
    pub institution: Institution,
    /// Where users reset a forgotten password.
    #[serde(default)]
    pub reset_password_url: Option<String>,
    /// Support contacts, shown when an account is locked.
    #[serde(default)]
    pub support: Vec<SupportContact>,
    /// Help pages (phishing advice, password change…).
    #[serde(default)]
    pub help_links: Vec<HelpLink>,
}

/// `config.json` could not be read.
#[derive(Debug, thiserror::Error)]
#[error("config.json is not valid: {0}")]
pub struct ConfigError(#[from] serde_json::Error);

impl AppConfig {
    /// Parses `config.json`.
    pub fn from_json(json: &str) -> Result<AppConfig, ConfigError> {
        Ok(serde_json::from_str(json)?)
    }

    /// The session URL to use: the configured one, or the one the user typed (made absolute
    /// with `https://` and the `/.well-known/jmap` path when only a host is given).
    ///
    /// ```
    /// use facteur_kit::config::session_url_from_input;
    /// assert_eq!(session_url_from_input("mail.example.org"), "https://mail.example.org/.well-known/jmap");
    /// assert_eq!(session_url_from_input("http://127.0.0.1:8080/jmap/"), "http://127.0.0.1:8080/jmap/");
    /// ```
    pub fn session_url(&self, typed: Option<&str>) -> Option<String> {
        match (&self.jmap_url, typed) {
            (Some(url), _) => Some(url.clone()),
            (None, Some(t)) if !t.trim().is_empty() => Some(session_url_from_input(t)),
            _ => None,
        }
    }
}

/// Turns what a user typed as server address into a JMAP session URL.
pub fn session_url_from_input(input: &str) -> String {
    let input = input.trim();
    let with_scheme = if input.starts_with("http://") || input.starts_with("https://") {
        input.to_string()
    } else {
        format!("https://{input}")
    };
    let after_scheme = with_scheme.split_once("://").map_or("", |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    if path.trim_end_matches('/').is_empty() {
        format!("{}/.well-known/jmap", with_scheme.trim_end_matches('/'))
    } else {
        with_scheme
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../../public/config.json");

    #[test]
    fn the_shipped_config_parses() {
        let cfg = AppConfig::from_json(SHIPPED).expect("public/config.json");
        assert!(!cfg.institution.name.is_empty());
        assert!(cfg.reset_password_url.is_some());
        assert!(!cfg.support.is_empty());
    }

    #[test]
    fn localized_text_falls_back_to_french() {
        let t = LocalizedText::PerLang { fr: "Aide".into(), en: None };
        assert_eq!(t.get(Lang::En), "Aide");
        let t: LocalizedText = serde_json::from_str(r#""Rectorat""#).unwrap();
        assert_eq!(t.get(Lang::En), "Rectorat");
    }

    #[test]
    fn typed_server_addresses() {
        assert_eq!(session_url_from_input(" mail.example.org "), "https://mail.example.org/.well-known/jmap");
        assert_eq!(session_url_from_input("https://mail.example.org/"), "https://mail.example.org/.well-known/jmap");
        assert_eq!(
            session_url_from_input("https://mail.example.org/jmap/session"),
            "https://mail.example.org/jmap/session"
        );
        let cfg = AppConfig::from_json(r#"{"institution":{"name":"X"}}"#).unwrap();
        assert_eq!(cfg.session_url(None), None);
        assert_eq!(cfg.session_url(Some("x.org")).as_deref(), Some("https://x.org/.well-known/jmap"));
    }

    #[test]
    fn invalid_config_says_why() {
        let err = AppConfig::from_json("{").unwrap_err();
        assert!(err.to_string().contains("config.json"));
    }
}
