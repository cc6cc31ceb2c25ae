//! Accessibility checks with axe-core (from the npm registry, `tests/axe/`), injected through
//! WebDriver `execute`: DevTools-evaluated scripts are not subject to the page's CSP, so this
//! works under the app's strict CSP (no 'unsafe-inline', no 'unsafe-eval'); axe itself uses no eval.

use crate::browser::Browser;
use crate::error::{Context, Error, Result};
use crate::paths;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// The WCAG levels checked: A and AA of WCAG 2.0 and 2.1.
pub const TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// One element failing a rule.
#[derive(Debug, Clone)]
pub struct AxeNode {
    /// CSS selector path(s) of the element (more than one across iframes/shadow roots).
    pub target: Vec<String>,
    /// The element's outer HTML (shortened by axe).
    pub html: String,
    /// axe's explanation of what to fix.
    pub summary: String,
}

/// One failed rule.
#[derive(Debug, Clone)]
pub struct AxeViolation {
    pub id: String,
    /// `critical`, `serious`, `moderate` or `minor`.
    pub impact: String,
    pub help: String,
    pub help_url: String,
    pub nodes: Vec<AxeNode>,
}

impl AxeViolation {
    /// Serious and critical violations fail the tests.
    pub fn is_blocking(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }

    /// `[serious] color-contrast: Elements must meet ... (3 elements)` and the first few nodes.
    pub fn describe(&self, max_nodes: usize) -> String {
        let mut s =
            format!("[{}] {}: {} ({} element(s)) {}", self.impact, self.id, self.help, self.nodes.len(), self.help_url);
        for n in self.nodes.iter().take(max_nodes) {
            s.push_str(&format!("\n      at {}\n         {}", n.target.join(" >> "), one_line(&n.html, 200)));
            if let Some(first) = n.summary.lines().nth(1).or_else(|| n.summary.lines().next()) {
                s.push_str(&format!("\n         ({})", one_line(first.trim(), 200)));
            }
        }
        if self.nodes.len() > max_nodes {
            s.push_str(&format!("\n      … and {} more", self.nodes.len() - max_nodes));
        }
        s
    }
}

/// axe's result for one page state.
#[derive(Debug, Clone)]
pub struct AxeReport {
    pub axe_version: String,
    pub url: String,
    pub violations: Vec<AxeViolation>,
    /// Rules that passed (count), for a sanity check that axe really ran.
    pub passes: usize,
}

impl AxeReport {
    pub fn blocking(&self) -> Vec<&AxeViolation> {
        self.violations.iter().filter(|v| v.is_blocking()).collect()
    }
    pub fn warnings(&self) -> Vec<&AxeViolation> {
        self.violations.iter().filter(|v| !v.is_blocking()).collect()
    }
}

fn axe_source() -> Result<&'static str> {
    static SRC: OnceLock<std::result::Result<String, String>> = OnceLock::new();
    SRC.get_or_init(|| {
        let path = paths::axe_js().map_err(|e| e.0)?;
        std::fs::read_to_string(&path).map_err(|e| format!("read {}: {e}", path.display()))
    })
    .as_deref()
    .map_err(|e| Error(e.clone()))
}

/// Injects axe-core into the current page (once per document).
pub fn inject(browser: &Browser) -> Result {
    let present = browser.eval("typeof window.axe === 'object' && typeof window.axe.run === 'function'")?;
    if present.as_bool() == Some(true) {
        return Ok(());
    }
    let src = axe_source()?;
    // axe.min.js is a UMD bundle: run as a function body it attaches itself to `window`.
    let script = format!("{src}\n;return typeof window.axe === 'object' ? window.axe.version : null;");
    let v = browser.execute(&script, vec![]).ctx("inject axe-core")?;
    if v.is_null() {
        return Err(Error::msg("axe-core was injected but `window.axe` is not defined"));
    }
    Ok(())
}

const RUN_JS: &str = r#"
const done = arguments[arguments.length - 1];
const tags = arguments[0];
window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then((r) => done({
    ok: true, version: window.axe.version, url: r.url, passes: r.passes.length,
    violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary || '' })),
    })),
  }))
  .catch((e) => done({ ok: false, error: String((e && e.stack) || e) }));
"#;

/// Runs axe (WCAG 2.0/2.1 A + AA) on the whole current document.
pub fn run(browser: &Browser) -> Result<AxeReport> {
    inject(browser)?;
    let v = browser.execute_async(RUN_JS, vec![json!(TAGS)]).ctx("run axe")?;
    if v["ok"].as_bool() != Some(true) {
        return Err(Error(format!("axe.run failed: {}", v["error"].as_str().unwrap_or(&v.to_string()))));
    }
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let violations = v["violations"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| AxeViolation {
                    id: s(&x["id"]),
                    impact: s(&x["impact"]),
                    help: s(&x["help"]),
                    help_url: s(&x["helpUrl"]),
                    nodes: x["nodes"]
                        .as_array()
                        .map(|ns| {
                            ns.iter()
                                .map(|n| AxeNode {
                                    target: n["target"]
                                        .as_array()
                                        .map(|t| t.iter().map(s).collect())
                                        .unwrap_or_default(),
                                    html: s(&n["html"]),
                                    summary: s(&n["summary"]),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(AxeReport {
        axe_version: s(&v["version"]),
        url: s(&v["url"]),
        violations,
        passes: v["passes"].as_u64().unwrap_or(0) as usize,
    })
}

/// Runs axe and fails listing every serious or critical violation; moderate and minor ones are
/// printed as warnings. `context` names the page state in the messages ("login page, phone").
pub fn assert_accessible(browser: &Browser, context: &str) -> Result<AxeReport> {
    let report = run(browser).ctx(format!("accessibility check of {context}"))?;
    for w in report.warnings() {
        eprintln!("axe warning ({context}): {}", w.describe(3));
    }
    let blocking = report.blocking();
    if blocking.is_empty() {
        return Ok(report);
    }
    let list: Vec<String> = blocking.iter().map(|v| format!("  - {}", v.describe(3))).collect();
    Err(Error(format!(
        "{} serious/critical accessibility violation(s) on {context} ({}; axe {}):\n{}",
        blocking.len(),
        report.url,
        report.axe_version,
        list.join("\n")
    )))
}

fn one_line(s: &str, max: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > max {
        format!("{}…", s.chars().take(max).collect::<String>())
    } else {
        s
    }
}
