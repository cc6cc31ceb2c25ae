//! What the benchmarks put in the page before the app runs (through CDP
//! `Page.addScriptToEvaluateOnNewDocument`, which the app's CSP does not apply to): a log of
//! every `fetch` (method, URL, JMAP method names, start and end), the most list rows ever in
//! the DOM, and when the login form first appeared. The app itself sets the performance marks
//! `facteur:first-rows` and `facteur:page-shown` once painted.

use crate::{Browser, Result};
use serde_json::{json, Value};

/// Selector of every row element of the message list (loaded rows and placeholders).
pub const LIST_ROWS: &str = ".message-list > li";

const PROBE_JS: &str = r#"
(() => {
  if (window.__facteurBench) return;
  const bench = window.__facteurBench = { fetches: [], maxRows: 0, formAt: null };
  try { performance.setResourceTimingBufferSize(100000); } catch (_) {}
  const orig = window.fetch;
  window.fetch = function (input, init) {
    const isRequest = typeof Request !== 'undefined' && input instanceof Request;
    const method = ((init && init.method) || (isRequest ? input.method : 'GET')).toUpperCase();
    const url = isRequest ? input.url : String(input);
    const e = { method, url, start: performance.now(), end: null, calls: [] };
    bench.fetches.push(e);
    const read = (text) => { try {
      const calls = JSON.parse(text).methodCalls;
      e.calls = calls.map(c => c[0]);
      e.positions = calls.filter(c => c[0].endsWith('/query')).map(c => c[1].position);
    } catch (_) {} };
    if (method === 'POST') {
      if (init && typeof init.body === 'string') read(init.body);
      else if (isRequest) { try { input.clone().text().then(read, () => {}); } catch (_) {} }
    }
    const p = orig.apply(this, arguments);
    p.then((r) => { e.end = performance.now(); e.status = r.status; }, () => { e.end = performance.now(); e.failed = true; });
    return p;
  };
  const look = () => {
    const n = document.querySelectorAll('.message-list > li').length;
    if (n > bench.maxRows) bench.maxRows = n;
    if (bench.formAt === null && document.querySelector('#username')) bench.formAt = performance.now();
  };
  // Trunk's loader announces the started app with its wasm exports (the linear memory).
  addEventListener('TrunkApplicationStarted', (e) => { bench.memory = e.detail && e.detail.wasm && e.detail.wasm.memory; });
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})();
"#;

/// Installs the probe for every page this browser opens from now on (call before `goto`).
pub fn install(b: &Browser) -> Result {
    b.cdp("Page.enable", json!({}))?;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": PROBE_JS }))?;
    Ok(())
}

/// One `fetch` made by the page.
#[derive(Debug, Clone)]
pub struct Fetch {
    pub method: String,
    pub url: String,
    /// ms since the navigation started.
    pub start: f64,
    pub end: Option<f64>,
    /// JMAP method names of a POST (`Email/query`, …).
    pub calls: Vec<String>,
}

impl Fetch {
    /// A JMAP API call (POST to the JMAP endpoint).
    pub fn is_jmap_post(&self) -> bool {
        self.method == "POST" && self.url.contains("/jmap")
    }
    /// The JMAP session (GET of `/.well-known/jmap` or `/jmap/`).
    pub fn is_session(&self) -> bool {
        self.method == "GET"
            && (self.url.contains("/.well-known/jmap") || self.url.ends_with("/jmap/") || self.url.ends_with("/jmap"))
    }
}

/// The fetches of the current page.
pub fn fetches(b: &Browser) -> Result<Vec<Fetch>> {
    let v = b.eval("window.__facteurBench ? window.__facteurBench.fetches : []")?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .map(|f| Fetch {
                    method: f["method"].as_str().unwrap_or("").to_string(),
                    url: f["url"].as_str().unwrap_or("").to_string(),
                    start: f["start"].as_f64().unwrap_or(0.0),
                    end: f["end"].as_f64(),
                    calls: f["calls"]
                        .as_array()
                        .map(|c| c.iter().filter_map(|m| m.as_str().map(str::to_string)).collect())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default())
}

/// The most list row elements the current page ever held.
pub fn max_rows(b: &Browser) -> Result<usize> {
    Ok(b.eval("window.__facteurBench ? window.__facteurBench.maxRows : 0")?.as_u64().unwrap_or(0) as usize)
}

/// When the login form appeared (ms since the navigation started).
pub fn form_at(b: &Browser) -> Result<Option<f64>> {
    Ok(b.eval("window.__facteurBench ? window.__facteurBench.formAt : null")?.as_f64())
}

/// `performance.getEntriesByName(name)` start times (marks), in order.
pub fn marks(b: &Browser, name: &str) -> Result<Vec<f64>> {
    let v = b.execute(
        "return performance.getEntriesByName(arguments[0], 'mark').map(m => m.startTime);",
        vec![json!(name)],
    )?;
    Ok(v.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default())
}

/// The JS heap in use after a full garbage collection (bytes), from CDP.
pub fn heap_after_gc(b: &Browser) -> Result<f64> {
    b.cdp("HeapProfiler.enable", json!({}))?;
    b.cdp("HeapProfiler.collectGarbage", json!({}))?;
    let v = b.cdp("Runtime.getHeapUsage", json!({}))?;
    v["usedSize"].as_f64().ok_or_else(|| crate::Error(format!("Runtime.getHeapUsage without usedSize: {v}")))
}

/// The app's wasm linear memory (bytes; it only grows, so this is its peak so far).
pub fn wasm_memory(b: &Browser) -> Result<f64> {
    b.eval(
        "window.__facteurBench && window.__facteurBench.memory ? window.__facteurBench.memory.buffer.byteLength : null",
    )?
    .as_f64()
    .ok_or_else(|| crate::Error::msg("the wasm memory was not seen (no TrunkApplicationStarted event)"))
}
