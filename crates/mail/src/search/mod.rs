//! Search: what the user asks for ([`SearchQuery`]), how it lives in the address (query
//! parameters of the mail route, so back/forward and a reload keep it), and the JMAP filter
//! it becomes (RFC 8621 §4.4.1).
//!
//! ```
//! use facteur_mail::search::{SearchQuery, Scope};
//! let query = SearchQuery::from_query_string("q=Noah&from=sophie&scope=all").unwrap();
//! assert_eq!((query.text.as_str(), query.from.as_str(), query.scope), ("Noah", "sophie", Scope::All));
//! assert_eq!(query.to_query_string(), "q=Noah&from=sophie&scope=all");
//! ```
//!
//! - [`terms`]: the operators a user may type in the field (`de:`, `objet:`, quotes…);
//! - [`snippet`]: the highlighted excerpts of SearchSnippet/get as text segments;
//! - [`request`]: the request of a page of results;
//! - [`marks`]: the searched words marked in a body the app shows.

pub mod marks;
pub mod request;
pub mod snippet;
pub mod terms;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use facteur_jmap::{percent_encode, EmailFilter, Filter, FilterOperator, Operator};
use facteur_kit::dates::utc_date;

/// Where to search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The open folder.
    #[default]
    Folder,
    /// Every folder of the account.
    All,
}

/// A search: the field's text and the advanced criteria. Every criterion must match.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SearchQuery {
    /// The field's text as typed: words, "phrases" and operators (see [`terms::parse`]).
    pub text: String,
    /// The sender contains this.
    pub from: String,
    /// A recipient contains this.
    pub to: String,
    /// The subject contains this.
    pub subject: String,
    /// Only emails with an attachment.
    pub has_attachment: bool,
    /// Received on or after this day (the user's time zone).
    pub after: Option<NaiveDate>,
    /// Received on or before this day (the user's time zone).
    pub before: Option<NaiveDate>,
    /// This folder or all folders.
    pub scope: Scope,
}

/// Why a search cannot be sent as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SearchProblem {
    /// Nothing to search for.
    #[error("nothing to search for")]
    Empty,
    /// The start date is after the end date.
    #[error("the start date is after the end date")]
    DatesReversed,
}

/// The query parameter names, in the order they are written.
const KEYS: [&str; 8] = ["q", "from", "to", "subject", "has", "after", "before", "scope"];

impl SearchQuery {
    /// A search for these words in the open folder.
    pub fn text(text: &str) -> Self {
        SearchQuery { text: text.to_string(), ..Default::default() }
    }

    /// Whether it asks for nothing (the scope alone is not a search).
    pub fn is_empty(&self) -> bool {
        self.criteria(&Utc).is_empty()
    }

    /// What is wrong with it, if anything.
    pub fn problem(&self) -> Option<SearchProblem> {
        if self.is_empty() {
            Some(SearchProblem::Empty)
        } else if matches!((self.after, self.before), (Some(a), Some(b)) if a > b) {
            Some(SearchProblem::DatesReversed)
        } else {
            None
        }
    }

    /// Reads the address's query parameters (already decoded); `None` when they hold no
    /// search. Unknown parameters and malformed dates are ignored.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Option<Self> {
        let mut query = SearchQuery::default();
        for (key, value) in pairs {
            let value = value.as_ref().trim();
            match key.as_ref() {
                "q" => query.text = value.to_string(),
                "from" => query.from = value.to_string(),
                "to" => query.to = value.to_string(),
                "subject" => query.subject = value.to_string(),
                "has" => query.has_attachment = value == "attachment",
                "after" => query.after = facteur_kit::dates::parse_iso_day(value),
                "before" => query.before = facteur_kit::dates::parse_iso_day(value),
                "scope" => query.scope = if value == "all" { Scope::All } else { Scope::Folder },
                _ => {}
            }
        }
        (!query.is_empty()).then_some(query)
    }

    /// Reads a raw query string (`q=Noah&scope=all`, with or without the leading `?`).
    pub fn from_query_string(search: &str) -> Option<Self> {
        let search = search.strip_prefix('?').unwrap_or(search);
        Self::from_pairs(search.split('&').filter(|p| !p.is_empty()).map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        }))
    }

    /// The query parameters (only those set, always in the same order).
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let date = |d: Option<NaiveDate>| d.map(facteur_kit::dates::iso_day).unwrap_or_default();
        let values = [
            self.text.trim().to_string(),
            self.from.trim().to_string(),
            self.to.trim().to_string(),
            self.subject.trim().to_string(),
            if self.has_attachment { "attachment".into() } else { String::new() },
            date(self.after),
            date(self.before),
            if self.scope == Scope::All { "all".into() } else { String::new() },
        ];
        KEYS.into_iter().zip(values).filter(|(_, v)| !v.is_empty()).collect()
    }

    /// The query string, percent-encoded, without `?`.
    pub fn to_query_string(&self) -> String {
        self.to_pairs().into_iter().map(|(k, v)| format!("{k}={}", percent_encode(&v))).collect::<Vec<_>>().join("&")
    }

    /// The conditions the search makes, without the folder.
    fn criteria<Tz: TimeZone>(&self, zone: &Tz) -> Vec<EmailFilter> {
        let typed = terms::parse(&self.text);
        let mut conditions = Vec::new();
        let text = typed.text.trim();
        if !text.is_empty() {
            conditions.push(EmailFilter { text: Some(text.to_string()), ..Default::default() });
        }
        let field = |typed: Vec<String>, extra: &str| -> Vec<String> {
            typed.into_iter().chain(Some(extra.trim().to_string()).filter(|v| !v.is_empty())).collect()
        };
        for from in field(typed.from, &self.from) {
            conditions.push(EmailFilter { from: Some(from), ..Default::default() });
        }
        for to in field(typed.to, &self.to) {
            conditions.push(EmailFilter { to: Some(to), ..Default::default() });
        }
        for subject in field(typed.subject, &self.subject) {
            conditions.push(EmailFilter { subject: Some(subject), ..Default::default() });
        }
        if typed.has_attachment || self.has_attachment {
            conditions.push(EmailFilter { has_attachment: Some(true), ..Default::default() });
        }
        if let Some(day) = self.after {
            conditions.push(EmailFilter { after: Some(utc_date(start_of(day, zone))), ..Default::default() });
        }
        if let Some(day) = self.before {
            // Up to the end of that day: before the start of the next one.
            let next = day.succ_opt().unwrap_or(day);
            conditions.push(EmailFilter { before: Some(utc_date(start_of(next, zone))), ..Default::default() });
        }
        conditions
    }

    /// The `Email/query` filter: every criterion (AND), in `mailbox_id` unless the scope is
    /// all folders. Days start at midnight in `zone` (the user's time zone).
    ///
    /// ```
    /// use facteur_mail::search::SearchQuery;
    /// let filter = SearchQuery::text("Noah").filter("inbox-id", &chrono::Utc);
    /// assert_eq!(serde_json::to_value(&filter).unwrap(), serde_json::json!({"operator": "AND", "conditions": [
    ///     {"text": "Noah"}, {"inMailbox": "inbox-id"}]}));
    /// ```
    pub fn filter<Tz: TimeZone>(&self, mailbox_id: &str, zone: &Tz) -> Filter<EmailFilter> {
        let mut conditions = self.criteria(zone);
        if self.scope == Scope::Folder {
            conditions.push(EmailFilter { in_mailbox: Some(mailbox_id.to_string()), ..Default::default() });
        }
        if conditions.len() == 1 {
            return Filter::Condition(conditions.remove(0));
        }
        Filter::Operator(FilterOperator {
            operator: Operator::And,
            conditions: conditions.into_iter().map(Filter::Condition).collect(),
        })
    }
}

/// Midnight of `day` in `zone`, as a UTC instant (the earliest, when clocks go back; the
/// next hour when midnight does not exist).
fn start_of<Tz: TimeZone>(day: NaiveDate, zone: &Tz) -> DateTime<Utc> {
    (0..3)
        .find_map(|hour| zone.from_local_datetime(&day.and_hms_opt(hour, 0, 0)?).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
}

/// Decodes `%XX` and `+` (a space, as forms write it); broken escapes stay as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if hex(i + 1).is_some() && hex(i + 2).is_some() => {
                out.push((hex(i + 1).unwrap_or(0) * 16 + hex(i + 2).unwrap_or(0)) as u8);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;
    use serde_json::json;

    fn full() -> SearchQuery {
        SearchQuery {
            text: r#"objet:"conseil de classe" Noah & co 100% à:"Julien Roux""#.into(),
            from: "sophie.aubert@ac-cevennes.fr".into(),
            to: "julien".into(),
            subject: "2nde B".into(),
            has_attachment: true,
            after: NaiveDate::from_ymd_opt(2026, 3, 1),
            before: NaiveDate::from_ymd_opt(2026, 3, 31),
            scope: Scope::All,
        }
    }

    #[test]
    fn the_address_round_trips() {
        let query = full();
        let string = query.to_query_string();
        assert_eq!(SearchQuery::from_query_string(&string), Some(query.clone()));
        assert_eq!(SearchQuery::from_query_string(&format!("?{string}")), Some(query.clone()));
        // Through decoded pairs as the router gives them.
        let pairs = query.to_pairs();
        assert_eq!(SearchQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))), Some(query));
        let simple = SearchQuery::text("élèves");
        assert_eq!(simple.to_query_string(), "q=%C3%A9l%C3%A8ves");
        assert_eq!(SearchQuery::from_query_string(&simple.to_query_string()), Some(simple));
    }

    #[test]
    fn the_address_is_stable_and_minimal() {
        let query = SearchQuery { text: " Noah ".into(), has_attachment: true, ..Default::default() };
        assert_eq!(query.to_query_string(), "q=Noah&has=attachment");
        assert_eq!(
            full().to_query_string(),
            "q=objet%3A%22conseil%20de%20classe%22%20Noah%20%26%20co%20100%25%20%C3%A0%3A%22Julien%20Roux%22\
             &from=sophie.aubert%40ac-cevennes.fr&to=julien&subject=2nde%20B&has=attachment\
             &after=2026-03-01&before=2026-03-31&scope=all"
        );
    }

    #[test]
    fn reading_the_address_forgives() {
        let query =
            SearchQuery::from_query_string("q=conseil+de+classe&after=2026-02-30&before=hier&x=1&scope=nope&q2")
                .unwrap();
        assert_eq!(query.text, "conseil de classe");
        assert_eq!((query.after, query.before, query.scope), (None, None, Scope::Folder));
        assert_eq!(SearchQuery::from_query_string("q=%ZZ%41").unwrap().text, "%ZZA");
        assert_eq!(SearchQuery::from_query_string(""), None, "no search");
        assert_eq!(SearchQuery::from_query_string("scope=all&q=%20"), None, "the scope alone is no search");
        assert_eq!(SearchQuery::from_query_string("q=de%3A"), None, "an operator without value is no search");
        assert!(SearchQuery::from_query_string("has=attachment").is_some());
    }

    #[test]
    fn problems() {
        assert_eq!(SearchQuery::default().problem(), Some(SearchProblem::Empty));
        let mut query = SearchQuery::text("x");
        assert_eq!(query.problem(), None);
        query.after = NaiveDate::from_ymd_opt(2026, 4, 1);
        query.before = NaiveDate::from_ymd_opt(2026, 3, 1);
        assert_eq!(query.problem(), Some(SearchProblem::DatesReversed));
        query.before = query.after;
        assert_eq!(query.problem(), None, "one single day is fine");
    }

    #[test]
    fn the_filter_has_every_criterion() {
        let paris = FixedOffset::east_opt(3600).unwrap();
        let filter = serde_json::to_value(full().filter("inbox-id", &paris)).unwrap();
        assert_eq!(
            filter,
            json!({"operator": "AND", "conditions": [
                {"text": "Noah & co 100%"},
                {"from": "sophie.aubert@ac-cevennes.fr"},
                {"to": "Julien Roux"},
                {"to": "julien"},
                {"subject": "conseil de classe"},
                {"subject": "2nde B"},
                {"hasAttachment": true},
                {"after": "2026-02-28T23:00:00Z"},
                {"before": "2026-03-31T23:00:00Z"},
            ]})
        );
    }

    #[test]
    fn a_single_criterion_is_a_plain_condition_and_the_folder_is_added() {
        let all = SearchQuery { from: "sophie".into(), scope: Scope::All, ..Default::default() };
        assert_eq!(serde_json::to_value(all.filter("inbox-id", &Utc)).unwrap(), json!({"from": "sophie"}));
        let here = SearchQuery { scope: Scope::Folder, ..all };
        assert_eq!(
            serde_json::to_value(here.filter("inbox-id", &Utc)).unwrap(),
            json!({"operator": "AND", "conditions": [{"from": "sophie"}, {"inMailbox": "inbox-id"}]})
        );
    }

    #[test]
    fn days_follow_the_users_time_zone() {
        let query = SearchQuery {
            after: NaiveDate::from_ymd_opt(2026, 7, 14),
            before: NaiveDate::from_ymd_opt(2026, 7, 14),
            scope: Scope::All,
            ..Default::default()
        };
        let summer = FixedOffset::east_opt(2 * 3600).unwrap();
        assert_eq!(
            serde_json::to_value(query.filter("x", &summer)).unwrap(),
            json!({"operator": "AND", "conditions": [{"after": "2026-07-13T22:00:00Z"}, {"before": "2026-07-14T22:00:00Z"}]})
        );
        let reunion = FixedOffset::east_opt(4 * 3600).unwrap();
        assert_eq!(
            serde_json::to_value(query.filter("x", &reunion)).unwrap()["conditions"][0]["after"],
            "2026-07-13T20:00:00Z"
        );
    }
}
