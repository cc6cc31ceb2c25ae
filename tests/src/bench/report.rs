//! The benchmark's results as a terminal table and as the generated part of `BENCHMARKS.md`
//! (between two markers; the hand-written text around it is kept).

use super::budgets::Verdict;
use super::bytes::BundleFile;
use super::{metric, Figures, Unit, METRICS};

pub const BEGIN: &str = "<!-- bench:begin (written by scripts/bench.sh; edit outside the markers) -->";
pub const END: &str = "<!-- bench:end -->";

/// Where and how the figures were measured.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Which mail server the figures were measured against: each has its part of the document.
    pub server: facteur_testbed::ServerKind,
    pub command: String,
    /// The commit the measured build came from (`git describe`-like: short hash, and
    /// "+ uncommitted changes" when the work tree differed from it).
    pub commit: String,
    pub date: String,
    pub machine: String,
    pub browser: String,
    pub runs: usize,
    pub big_folder: String,
    /// Lines of notes (figures not measured and why, seeding, …).
    pub notes: Vec<String>,
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Ms => format!("{v:.0} ms"),
        Unit::Count => {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            }
        }
        Unit::Kb => format!("{v:.1} KB"),
        Unit::Mb => format!("{v:.2} MB"),
    }
}

/// The rows of the figures table: label, median, min, max (only measured figures).
fn figure_rows(f: &Figures) -> Vec<[String; 4]> {
    METRICS
        .iter()
        .filter_map(|(key, label, unit)| {
            f.stats(key).map(|s| [label.to_string(), value(s.median, *unit), value(s.min, *unit), value(s.max, *unit)])
        })
        .collect()
}

fn bundle_rows(files: &[BundleFile]) -> Vec<[String; 4]> {
    let opt = |v: Option<u64>| v.map(kb).unwrap_or_else(|| "—".into());
    let mut rows: Vec<[String; 4]> =
        files.iter().map(|b| [format!("{} `{}`", b.kind, b.name), kb(b.raw), opt(b.gzip), opt(b.brotli)]).collect();
    let sum = |g: &dyn Fn(&BundleFile) -> Option<u64>| files.iter().map(|b| g(b).unwrap_or(b.raw)).sum::<u64>();
    rows.push(["**total**".into(), kb(sum(&|b| Some(b.raw))), kb(sum(&|b| b.gzip)), kb(sum(&|b| b.brotli))]);
    rows
}

fn verdict_row(v: &Verdict) -> [String; 3] {
    let measured = v.measured.map(|m| format!("{m:.1}")).unwrap_or_else(|| "not measured".into());
    [
        v.name.to_string(),
        format!("≤ {}", v.limit),
        format!("{measured} {}", if v.passed() { "✅" } else { "❌ EXCEEDED" }),
    ]
}

/// A plain-text table for the terminal.
pub fn text(ctx: &Context, files: &[BundleFile], f: &Figures, verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    let width = METRICS.iter().map(|(_, l, _)| l.chars().count()).max().unwrap_or(40);
    out.push_str(&format!(
        "Facteur benchmarks — {} — {} run(s)\n{}\n{}\n\n",
        ctx.date, ctx.runs, ctx.machine, ctx.browser
    ));
    out.push_str(&format!("{:<width$}  {:>10}  {:>10}  {:>10}\n", "bundle file", "raw", "gzip", "brotli"));
    for r in bundle_rows(files) {
        out.push_str(&format!("{:<width$}  {:>10}  {:>10}  {:>10}\n", r[0].replace('`', ""), r[1], r[2], r[3]));
    }
    out.push_str(&format!("\n{:<width$}  {:>10}  {:>10}  {:>10}\n", "figure", "median", "min", "max"));
    for r in figure_rows(f) {
        out.push_str(&format!("{:<width$}  {:>10}  {:>10}  {:>10}\n", r[0], r[1], r[2], r[3]));
    }
    out.push('\n');
    for v in verdicts {
        let r = verdict_row(v);
        out.push_str(&format!("budget {:<24} {:>8}  {}\n", r[0], r[1], r[2]));
    }
    for n in &ctx.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    out
}

fn md_table<const N: usize>(head: [&str; N], rows: &[[String; N]]) -> String {
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(N));
    for r in rows {
        out.push_str(&format!("| {} |\n", r.join(" | ")));
    }
    out
}

/// The markers of a server's part of the document: Cyrus keeps the first ones ([`BEGIN`],
/// [`END`]), Stalwart has its own.
pub fn markers(server: facteur_testbed::ServerKind) -> (String, String) {
    match server {
        facteur_testbed::ServerKind::Cyrus => (BEGIN.to_string(), END.to_string()),
        other => (
            format!(
                "<!-- bench:{}:begin (written by scripts/bench.sh --server {}; edit outside the markers) -->",
                other.name(),
                other.name()
            ),
            format!("<!-- bench:{}:end -->", other.name()),
        ),
    }
}

/// The generated Markdown (markers included).
pub fn markdown(ctx: &Context, files: &[BundleFile], f: &Figures, verdicts: &[Verdict]) -> String {
    let (begin, end) = markers(ctx.server);
    let mut out = format!("{begin}\n\n");
    out.push_str(&format!(
        "Server: {} · command: `{}` · commit: {} · date: {} · runs: {} (each figure is the median, with min and max)\n\n\
         Machine: {} · browser: {}\n\nBig folder: {}\n\n",
        ctx.server, ctx.command, ctx.commit, ctx.date, ctx.runs, ctx.machine, ctx.browser, ctx.big_folder
    ));
    out.push_str("### Budgets (`bench/budgets.toml`, worst run)\n\n");
    let vrows: Vec<[String; 3]> = verdicts.iter().map(verdict_row).collect();
    out.push_str(&md_table(["Budget", "Limit", "Measured"], &vrows));
    out.push_str("\n### Release bundle\n\n");
    out.push_str(&md_table(["File", "Raw", "gzip -9", "brotli -q 11"], &bundle_rows(files)));
    out.push_str("\n### Figures\n\n");
    out.push_str(&md_table(["Figure", "Median", "Min", "Max"], &figure_rows(f)));
    let calls: Vec<String> = f
        .notes
        .iter()
        .filter(|(k, _)| k.ends_with(".calls"))
        .map(|(k, v)| format!("- `{}`: {}", k.trim_end_matches(".calls"), if v.is_empty() { "(none)" } else { v }))
        .collect();
    if !calls.is_empty() {
        out.push_str("\nJMAP POSTs until the first inbox row (methods of each request):\n\n");
        out.push_str(&calls.join("\n"));
        out.push('\n');
    }
    if !ctx.notes.is_empty() {
        out.push('\n');
        for n in &ctx.notes {
            out.push_str(&format!("- {n}\n"));
        }
    }
    out.push_str(&format!("\n{end}"));
    out
}

/// `doc` with its generated part replaced by `generated` (appended when the markers are missing).
pub fn splice(doc: &str, generated: &str) -> String {
    splice_server(doc, generated, facteur_testbed::ServerKind::Cyrus)
}

/// [`splice`] of the part of `server`.
pub fn splice_server(doc: &str, generated: &str, server: facteur_testbed::ServerKind) -> String {
    let (begin, end) = markers(server);
    match (doc.find(&begin), doc.find(&end)) {
        (Some(b), Some(e)) if e > b => format!("{}{generated}{}", &doc[..b], &doc[e + end.len()..]),
        _ if server == facteur_testbed::ServerKind::Cyrus => {
            format!("{}\n\n## Latest figures\n\n{generated}\n", doc.trim_end())
        }
        _ => format!("{}\n\n## Latest figures on {server}\n\n{generated}\n", doc.trim_end()),
    }
}

/// The label of a figure key (the key itself when unknown).
pub fn label(key: &str) -> String {
    metric(key).map(|(l, _)| l.to_string()).unwrap_or_else(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_keeps_the_hand_written_text() {
        let doc = format!("# Title\n\nintro\n\n{BEGIN}\nold\n{END}\n\n## Dependencies\n\ntext\n");
        let out = splice(&doc, &format!("{BEGIN}\nnew\n{END}"));
        assert_eq!(out, format!("# Title\n\nintro\n\n{BEGIN}\nnew\n{END}\n\n## Dependencies\n\ntext\n"));
        let fresh = splice("# Title\n", &format!("{BEGIN}\nx\n{END}"));
        assert!(fresh.starts_with("# Title\n\n## Latest figures\n\n<!-- bench:begin"));
    }

    #[test]
    fn markdown_has_every_measured_figure_and_the_verdicts() {
        let mut f = Figures::default();
        for v in [120.0, 100.0, 300.0] {
            f.add("cold.total_ms", v);
        }
        f.add("rows.max_in_dom", 64.0);
        let verdicts = vec![Verdict { name: "list_rows_in_dom", limit: 100.0, measured: Some(64.0) }];
        let files =
            vec![BundleFile { kind: "wasm", name: "a_bg.wasm".into(), raw: 2048, gzip: Some(1024), brotli: Some(512) }];
        let md = markdown(&Context { runs: 3, ..Default::default() }, &files, &f, &verdicts);
        assert!(md.contains(&format!("| {} | 120 ms | 100 ms | 300 ms |", label("cold.total_ms"))), "{md}");
        assert!(md.contains("| list_rows_in_dom | ≤ 100 | 64.0 ✅ |"), "{md}");
        assert!(md.contains("| **total** | 2.0 KB | 1.0 KB | 0.5 KB |"), "{md}");
        assert!(!md.contains("Warm load"), "figures not measured are left out");
    }
}
