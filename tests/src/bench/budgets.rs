//! The limits of `bench/budgets.toml` and their check against measured [`Figures`].

use super::Figures;
use crate::{Error, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// `bench/budgets.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budgets {
    pub limits: Limits,
    /// What the quick check in `scripts/test.sh` holds instead, while a limit is not met yet.
    #[serde(default)]
    pub ci: Option<CiCeilings>,
}

/// Ceilings of the quick check for limits the app does not meet yet: they keep the figure
/// from growing unnoticed (lower them as it shrinks, remove them once under the limit). The
/// full benchmark still fails on the limit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CiCeilings {
    pub cold_transfer_kb: Option<f64>,
}

/// The limits (a figure above its limit fails the benchmark and the quick CI check).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// JMAP API POSTs between the session being known and the first inbox rows painted.
    pub first_page_jmap_posts: f64,
    /// List row elements (rows and placeholders) in the DOM at any time.
    pub list_rows_in_dom: f64,
    /// Bytes transferred on a cold load until the first inbox row, in KB (1024 bytes).
    pub cold_transfer_kb: f64,
    /// JMAP API POSTs a new mail costs, from the server holding it to its row painted.
    pub new_mail_jmap_posts: f64,
}

/// One limit against what was measured (the worst run).
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub name: &'static str,
    pub limit: f64,
    /// None when the figure was not measured.
    pub measured: Option<f64>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.measured.is_some_and(|m| m <= self.limit)
    }
}

/// `<repo>/bench/budgets.toml`.
pub fn default_path() -> PathBuf {
    crate::paths::repo_dir().join("bench/budgets.toml")
}

impl Budgets {
    pub fn parse(text: &str) -> Result<Budgets> {
        toml::from_str(text).map_err(|e| Error(format!("budgets: {e}")))
    }

    pub fn load(path: &Path) -> Result<Budgets> {
        let text = std::fs::read_to_string(path).map_err(|e| Error(format!("read {}: {e}", path.display())))?;
        Budgets::parse(&text).map_err(|e| Error(format!("{}: {e}", path.display())))
    }

    /// Each limit against the worst run of its figures.
    pub fn check(&self, f: &Figures) -> Vec<Verdict> {
        self.check_limits(f, self.limits.cold_transfer_kb)
    }

    /// The quick check's verdicts: the limits, with the `[ci]` ceilings where given.
    pub fn check_ci(&self, f: &Figures) -> Vec<Verdict> {
        let transfer = self.ci.as_ref().and_then(|c| c.cold_transfer_kb).unwrap_or(self.limits.cold_transfer_kb);
        self.check_limits(f, transfer)
    }

    fn check_limits(&self, f: &Figures, cold_transfer_kb: f64) -> Vec<Verdict> {
        let l = &self.limits;
        vec![
            Verdict {
                name: "first_page_jmap_posts",
                limit: l.first_page_jmap_posts,
                measured: f.max_of(&["cold.jmap_posts", "restored.jmap_posts", "warm.jmap_posts"]),
            },
            Verdict {
                name: "list_rows_in_dom",
                limit: l.list_rows_in_dom,
                measured: f.max_of(&[
                    "rows.max_in_dom",
                    "big.rows_top",
                    "big.rows_middle",
                    "big.rows_end",
                    "search.rows",
                ]),
            },
            Verdict { name: "cold_transfer_kb", limit: cold_transfer_kb, measured: f.max_of(&["cold.transfer_kb"]) },
            Verdict {
                name: "new_mail_jmap_posts",
                limit: l.new_mail_jmap_posts,
                measured: f.max_of(&["new_mail.jmap_posts"]),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: &str =
        "[limits]\nfirst_page_jmap_posts = 2\nlist_rows_in_dom = 100\ncold_transfer_kb = 400\nnew_mail_jmap_posts = 1\n";

    /// Budgets with the usual limits, `extra` appended, and figures of one run.
    fn setup(extra: &str, figures: &[(&str, f64)]) -> (Budgets, Figures) {
        let mut f = Figures::default();
        figures.iter().for_each(|(k, v)| f.add(k, *v));
        (Budgets::parse(&format!("{LIMITS}{extra}")).unwrap(), f)
    }

    #[test]
    fn the_repository_budgets_parse() {
        let b = Budgets::load(&default_path()).unwrap();
        assert_eq!(b.limits.first_page_jmap_posts, 2.0);
        assert_eq!(b.limits.list_rows_in_dom, 100.0);
        assert_eq!(b.limits.cold_transfer_kb, 400.0);
        assert!(Budgets::parse("[limits]\nfirst_page_jmap_posts = 2\n").is_err(), "every limit is required");
        assert!(Budgets::parse(
            "[limits]\nfirst_page_jmap_posts = 2\nlist_rows_in_dom = 1\ncold_transfer_kb = 1\ntypo = 3\n"
        )
        .is_err());
    }

    #[test]
    fn worst_run_decides_and_missing_fails() {
        let (b, f) = setup("", &[("cold.jmap_posts", 2.0), ("warm.jmap_posts", 3.0), ("rows.max_in_dom", 64.0)]);
        let v = b.check(&f);
        assert!(!v[0].passed(), "3 POSTs in one run exceed 2");
        assert!(v[1].passed());
        assert_eq!(v[2].measured, None);
        assert!(!v[2].passed(), "a figure not measured does not pass");
    }

    #[test]
    fn ci_ceiling_replaces_only_the_transfer_limit_of_the_quick_check() {
        let (b, mut f) =
            setup("[ci]\ncold_transfer_kb = 520\n", &[("cold.transfer_kb", 510.0), ("cold.jmap_posts", 3.0)]);
        assert!(!b.check(&f)[2].passed(), "the benchmark holds the limit");
        assert!(b.check_ci(&f)[2].passed(), "the quick check holds the ceiling");
        assert!(!b.check_ci(&f)[0].passed(), "other limits stay");
        f.add("cold.transfer_kb", 530.0);
        assert!(!b.check_ci(&f)[2].passed(), "a bundle that grows fails the quick check");
    }
}
