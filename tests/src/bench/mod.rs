//! Benchmarks of the app in headless Chromium against the real mail server: bytes, cold and
//! warm loads, opening a message, a folder of 100,000 mails; medians of several runs, checked
//! against `bench/budgets.toml`. Run by `scripts/bench.sh` (the `facteur-bench` binary) and, in a
//! quick form without timings, by the `budgets` browser test.

pub mod budgets;
pub mod bytes;
pub mod measure;
pub mod probe;
pub mod report;

use std::collections::BTreeMap;

/// What a figure counts, for its display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Ms,
    Count,
    Kb,
    Mb,
}

/// The figures, in the order of the report: key, label, unit.
pub const METRICS: &[(&str, &str, Unit)] = &[
    ("cold.form_ms", "Cold load: navigation → login form", Unit::Ms),
    ("cold.first_row_ms", "Cold load: submit → first inbox row painted", Unit::Ms),
    ("cold.total_ms", "Cold load from the login form → first row (typing excluded)", Unit::Ms),
    ("cold.requests", "Cold load: HTTP requests until the first row", Unit::Count),
    ("cold.jmap_posts", "Cold load: JMAP POSTs after the session is known", Unit::Count),
    ("cold.transfer_kb", "Cold load: transferred until the first row (Resource Timing)", Unit::Kb),
    ("cold.assets_kb", "Cold load: of which the app (not JMAP)", Unit::Kb),
    ("restored.total_ms", "Reload, session known, empty cache → first row (typing excluded)", Unit::Ms),
    ("restored.first_row_ms", "Reload, session known, empty cache: submit → first row", Unit::Ms),
    ("restored.requests", "Reload, session known, empty cache: HTTP requests", Unit::Count),
    ("restored.jmap_posts", "Reload, session known, empty cache: JMAP POSTs after the session", Unit::Count),
    ("warm.form_ms", "Warm load (browser cache): navigation → login form", Unit::Ms),
    ("warm.total_ms", "Warm load → first row (typing excluded)", Unit::Ms),
    ("warm.requests", "Warm load: HTTP requests", Unit::Count),
    ("warm.jmap_posts", "Warm load: JMAP POSTs after the session", Unit::Count),
    ("warm.transfer_kb", "Warm load: transferred", Unit::Kb),
    (
        "open_early.body_ms",
        "Open a message right after the first rows (its code still downloading): click → body painted",
        Unit::Ms,
    ),
    ("open_early.requests", "Open a message right after the first rows: HTTP requests", Unit::Count),
    ("open.body_ms", "Open a message: click → body painted (no prefetch)", Unit::Ms),
    ("open.requests", "Open a message: HTTP requests", Unit::Count),
    ("open.jmap_posts", "Open a message: JMAP POSTs", Unit::Count),
    ("open_ahead.body_ms", "Open a message fetched ahead (pointer rested on its row): click → body painted", Unit::Ms),
    ("open_ahead.requests", "Open a message fetched ahead: HTTP requests", Unit::Count),
    (
        "open_ahead.jmap_posts",
        "Open a message fetched ahead: JMAP POSTs (Email/set marking it read, when unread)",
        Unit::Count,
    ),
    ("open_ahead.conversation_posts", "Open a message fetched ahead: requests for the conversation", Unit::Count),
    ("big.first_page_ms", "Big folder: click → first page painted", Unit::Ms),
    ("big.first_page_posts", "Big folder: JMAP POSTs for the first page", Unit::Count),
    ("big.rows_top", "Big folder: row elements in the DOM at the top", Unit::Count),
    ("big.jump_middle_ms", "Big folder: jump to the middle → page shown", Unit::Ms),
    ("big.rows_middle", "Big folder: row elements in the DOM in the middle", Unit::Count),
    ("big.jump_end_ms", "Big folder: jump to the end → page shown", Unit::Ms),
    ("big.rows_end", "Big folder: row elements in the DOM at the end", Unit::Count),
    ("big.scroll_ms", "Big folder: scrolling through the rows, a screen at a time", Unit::Ms),
    ("big.heap_before_mb", "JS heap before scrolling (after GC)", Unit::Mb),
    ("big.heap_after_mb", "JS heap after scrolling (after GC)", Unit::Mb),
    ("big.wasm_before_mb", "Wasm memory before scrolling (it never shrinks)", Unit::Mb),
    ("big.wasm_after_mb", "Wasm memory after scrolling", Unit::Mb),
    ("rows.max_in_dom", "Most list row elements ever in the DOM", Unit::Count),
    ("search.first_results_ms", "Search in the big folder: Enter → first results painted", Unit::Ms),
    ("search.jmap_posts", "Search: JMAP POSTs", Unit::Count),
    ("search.rows", "Search: row elements in the DOM", Unit::Count),
    (
        "new_mail.jmap_posts",
        "New mail in the open Inbox: JMAP POSTs from the server holding it to its row painted",
        Unit::Count,
    ),
    ("new_mail.calls", "New mail: JMAP method calls in those POSTs", Unit::Count),
    (
        "new_mail.shown_ms",
        "New mail: server holds it → row painted (on a push, or at the next poll: every 4 s)",
        Unit::Ms,
    ),
    ("compose.open_ms", "Open the composer: click on “Nouveau message” → the To field editable, with focus", Unit::Ms),
    ("compose.send_request_ms", "Send: the request (Email/set + EmailSubmission/set) → answered", Unit::Ms),
    (
        "compose.in_sent_ms",
        "Send: the message leaves (after the 5 s of “Annuler l'envoi”) → in Sent on the server",
        Unit::Ms,
    ),
];

/// The label and unit of a figure.
pub fn metric(key: &str) -> Option<(&'static str, Unit)> {
    METRICS.iter().find(|(k, _, _)| *k == key).map(|(_, l, u)| (*l, *u))
}

/// Figures of one or more runs: each key holds one value per run; notes say what was seen
/// (e.g. the JMAP methods of a load).
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub values: BTreeMap<String, Vec<f64>>,
    pub notes: BTreeMap<String, String>,
}

impl Figures {
    pub fn add(&mut self, key: &str, value: f64) {
        self.values.entry(key.to_string()).or_default().push(value);
    }
    pub fn note(&mut self, key: &str, text: String) {
        self.notes.insert(key.to_string(), text);
    }
    /// Adds the values and notes of another run.
    pub fn merge(&mut self, other: Figures) {
        for (k, v) in other.values {
            self.values.entry(k).or_default().extend(v);
        }
        self.notes.extend(other.notes);
    }
    /// Median, min and max of a figure.
    pub fn stats(&self, key: &str) -> Option<Stats> {
        self.values.get(key).and_then(|v| Stats::of(v))
    }
    /// The largest value of any of these figures.
    pub fn max_of(&self, keys: &[&str]) -> Option<f64> {
        keys.iter().filter_map(|k| self.stats(k)).map(|s| s.max).reduce(f64::max)
    }
}

/// Median, min and max of the runs of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub runs: usize,
}

impl Stats {
    /// None when there is no finite value.
    pub fn of(values: &[f64]) -> Option<Stats> {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 };
        Some(Stats { median, min: v[0], max: v[n - 1], runs: n })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_min_max() {
        assert_eq!(Stats::of(&[3.0, 1.0, 2.0]), Some(Stats { median: 2.0, min: 1.0, max: 3.0, runs: 3 }));
        assert_eq!(Stats::of(&[4.0, 1.0, 2.0, 10.0]).unwrap().median, 3.0);
        assert_eq!(Stats::of(&[f64::NAN, 5.0]).unwrap().runs, 1);
        assert_eq!(Stats::of(&[]), None);
    }

    #[test]
    fn merged_runs_and_max_of() {
        let mut a = Figures::default();
        a.add("cold.jmap_posts", 2.0);
        let mut b = Figures::default();
        b.add("cold.jmap_posts", 3.0);
        b.add("warm.jmap_posts", 1.0);
        a.merge(b);
        assert_eq!(a.values["cold.jmap_posts"], vec![2.0, 3.0]);
        assert_eq!(a.max_of(&["cold.jmap_posts", "warm.jmap_posts", "missing"]), Some(3.0));
        assert!(METRICS.iter().all(|(k, _, _)| metric(k).is_some()));
    }
}
