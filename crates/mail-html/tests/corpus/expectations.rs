//! The per-file expectations of the hostile corpus, read from the table of
//! tests/fixtures/hostile-html/README.md, so that the README says exactly what the test
//! asserts (a row the test cannot read fails it).
//!
//! Columns: File | Kept | Removed | Reported. Items of a cell, separated by `;`:
//! - `` `selector` ``: in Kept, at least one element of the output matches; in Removed, none;
//! - `` `selector` ×N ``: exactly N elements of the output match;
//! - `"text"`: the output's text contains it (Kept) or does not (Removed);
//! - `css "text"`: the message's filtered style sheets contain it (Kept) or do not (Removed);
//! - `depth N`: the output nests exactly N elements deep;
//! - `nothing`: the output is empty (no node at all);
//! - `(…)`: a comment;
//! - `—`: nothing more than what holds for every file.
//!
//! Reported (what the sanitiser's report says; anything not listed must not be reported):
//! `remote blocked`, `` deceptive `shown host` → `real host` `` (in order),
//! `` cid `content-id` `` (in order), or `—`.

/// One thing a cell asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A CSS selector, with an exact count or "at least one" (Kept) / "none" (Removed).
    Selector(String, Option<usize>),
    /// Text of the output.
    Text(String),
    /// Text of the filtered style sheets.
    Css(String),
    /// Exact nesting depth of the output.
    Depth(usize),
    /// The output is empty.
    Nothing,
}

/// The row of one corpus file.
#[derive(Debug, Clone, Default)]
pub struct Expectation {
    pub file: String,
    pub kept: Vec<Item>,
    pub removed: Vec<Item>,
    pub remote_blocked: bool,
    /// (shown host, real host) of each deceptive link, in order.
    pub deceptive: Vec<(String, String)>,
    pub cids: Vec<String>,
}

/// The text between the first `open` … `close` of `s`, and what follows.
fn delimited<'a>(s: &'a str, close: char, row: &str) -> (&'a str, &'a str) {
    let end = s.find(close).unwrap_or_else(|| panic!("README row {row:?}: unclosed {close}"));
    (&s[..end], &s[end + close.len_utf8()..])
}

fn number(s: &str, row: &str) -> (usize, String) {
    let digits: String = s.trim_start().chars().take_while(char::is_ascii_digit).collect();
    let value = digits.parse().unwrap_or_else(|_| panic!("README row {row:?}: a number expected in {s:?}"));
    (value, s.trim_start()[digits.len()..].to_string())
}

/// `s` without its leading separators and `(…)` comments (parentheses balanced).
fn skip(s: &str, row: &str) -> String {
    let mut s = s.trim_start_matches([' ', ';']);
    while let Some(comment) = s.strip_prefix('(') {
        let mut open = 1;
        let end = comment
            .char_indices()
            .find(|&(_, c)| {
                open += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                open == 0
            })
            .unwrap_or_else(|| panic!("README row {row:?}: unclosed ("))
            .0;
        s = comment[end + 1..].trim_start_matches([' ', ';']);
    }
    s.to_string()
}

/// The items of a Kept or Removed cell.
fn items(cell: &str, row: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut rest = cell.to_string();
    loop {
        let s = skip(&rest, row);
        if s.is_empty() || s == "—" {
            return out;
        }
        rest = if let Some(s) = s.strip_prefix('`') {
            let (selector, s) = delimited(s, '`', row);
            match s.trim_start().strip_prefix('×') {
                Some(s) => {
                    let (count, s) = number(s, row);
                    out.push(Item::Selector(selector.to_string(), Some(count)));
                    s
                }
                None => {
                    out.push(Item::Selector(selector.to_string(), None));
                    s.to_string()
                }
            }
        } else if let Some(s) = s.strip_prefix('"') {
            let (text, s) = delimited(s, '"', row);
            out.push(Item::Text(text.to_string()));
            s.to_string()
        } else if let Some(s) = s.strip_prefix("css \"") {
            let (text, s) = delimited(s, '"', row);
            out.push(Item::Css(text.to_string()));
            s.to_string()
        } else if let Some(s) = s.strip_prefix("depth ") {
            let (depth, s) = number(s, row);
            out.push(Item::Depth(depth));
            s
        } else if let Some(s) = s.strip_prefix("nothing") {
            out.push(Item::Nothing);
            s.to_string()
        } else {
            panic!("README row {row:?}: cannot read {s:?}")
        };
    }
}

/// Reads the Reported cell into `expectation`.
fn reported(cell: &str, row: &str, expectation: &mut Expectation) {
    let mut rest = cell.to_string();
    loop {
        let s = skip(&rest, row);
        if s.is_empty() || s == "—" {
            return;
        }
        rest = if let Some(s) = s.strip_prefix("remote blocked") {
            expectation.remote_blocked = true;
            s.to_string()
        } else if let Some(s) = s.strip_prefix("deceptive `") {
            let (shown, s) = delimited(s, '`', row);
            let s =
                s.trim_start().strip_prefix("→ `").unwrap_or_else(|| panic!("README row {row:?}: → `host` expected"));
            let (real, s) = delimited(s, '`', row);
            expectation.deceptive.push((shown.to_string(), real.to_string()));
            s.to_string()
        } else if let Some(s) = s.strip_prefix("cid `") {
            let (id, s) = delimited(s, '`', row);
            expectation.cids.push(id.to_string());
            s.to_string()
        } else {
            panic!("README row {row:?}: cannot read {s:?} as reported")
        };
    }
}

/// The rows of the README's table, in order.
pub fn table(readme: &str) -> Vec<Expectation> {
    readme
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 6, "README row {row:?}: four columns expected");
            let file = cells[1].trim_start_matches('`').split('`').next().unwrap_or_default().to_string();
            let mut expectation =
                Expectation { file, kept: items(cells[2], row), removed: items(cells[3], row), ..Default::default() };
            for item in &expectation.removed {
                assert!(
                    matches!(item, Item::Selector(_, None) | Item::Text(_) | Item::Css(_)),
                    "README row {row:?}: Removed lists selectors, texts and css only"
                );
            }
            reported(cells[4], row, &mut expectation);
            expectation
        })
        .collect()
}
