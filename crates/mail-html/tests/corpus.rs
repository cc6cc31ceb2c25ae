//! The hostile HTML corpus (tests/fixtures/hostile-html, and the large inputs build.rs
//! makes), run through the real walker in headless Chromium (`wasm-bindgen-test-runner` +
//! chromedriver, see scripts/test.sh).
//!
//! For every file:
//! - the output holds nothing active (no script-capable element, no `on*` attribute, no
//!   link or image URL outside the allow-list, no `position: fixed/absolute`);
//! - sanitising the output again gives the same output, and so does serialising and
//!   parsing it again (no mutation XSS);
//! - shown in a frame that ALLOWS scripts (stricter than the app, which never does) and
//!   carries the app's frame CSP, once that frame's own document has loaded (its `load`
//!   event, as in the app): nothing calls `alert`/`confirm`/`prompt`, the frame's CSP
//!   reports no violation but the test's own canaries (a script, an image, a CSS image
//!   added after the message: their reports are the positive sign that the CSP is in
//!   force and that the message's own attempts were reported before them), and the only
//!   resources loaded are `data:`/`blob:`;
//! - the output holds what the README's table says is kept, lacks what it says is removed,
//!   and the report says exactly what it says is reported (see `corpus/expectations.rs`);
//!   every file has a row and every row a file.
#![cfg(target_arch = "wasm32")]

#[path = "corpus/expectations.rs"]
mod expectations;

use expectations::{Expectation, Item};
use facteur_mail_html::{fill, frame_csp, parse, sanitize_into, srcdoc, Options, Sanitized, StyleOutput, MAX_DEPTH};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlIFrameElement};

wasm_bindgen_test_configure!(run_in_browser);

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Sanitises `html` into a fresh inert document and returns the output's markup.
fn sanitize_inert(html: &str) -> (String, Element) {
    let root = sanitize_source(&parse(html).unwrap());
    (root.inner_html(), root)
}

/// Sanitises a parsed message into a fresh inert document; returns the output's root.
fn sanitize_source(source: &Document) -> Element {
    let inert = document().implementation().unwrap().create_html_document_with_title("").unwrap();
    let target = inert.create_element("div").unwrap();
    let none = |_: &str| None;
    let options = Options { remote_allowed: false, cid_url: &none, styles: StyleOutput::Elements };
    sanitize_into(source, &target, &options).unwrap();
    target
}

const ACTIVE: &[&str] = &[
    "script",
    "iframe",
    "frame",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "svg",
    "math",
    "meta",
    "base",
    "link",
    "noscript",
    "template",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "video",
    "audio",
    "source",
    "dialog",
    "portal",
];

/// What must never be in the output, checked on the output's own DOM.
fn assert_inert(name: &str, root: &Element) {
    let all = root.query_selector_all("*").unwrap();
    for index in 0..all.length() {
        let element: Element = all.item(index).unwrap().unchecked_into();
        let tag = element.local_name();
        assert!(!ACTIVE.contains(&tag.as_str()), "{name}: <{tag}> kept");
        assert_eq!(
            element.namespace_uri().as_deref(),
            Some("http://www.w3.org/1999/xhtml"),
            "{name}: foreign element <{tag}>"
        );
        for attribute in element.get_attribute_names().iter() {
            let attribute = attribute.as_string().unwrap();
            let value = element.get_attribute(&attribute).unwrap_or_default();
            let lower = value.to_ascii_lowercase();
            assert!(!attribute.starts_with("on"), "{name}: <{tag} {attribute}> kept");
            assert!(
                !matches!(
                    attribute.as_str(),
                    "srcset" | "ping" | "action" | "formaction" | "http-equiv" | "srcdoc" | "xlink:href"
                ),
                "{name}: <{tag} {attribute}> kept"
            );
            match attribute.as_str() {
                "href" => assert!(
                    lower.starts_with("https://")
                        || lower.starts_with("http://")
                        || lower.starts_with("mailto:")
                        || lower.starts_with("tel:")
                        || lower.starts_with('#'),
                    "{name}: href {value:?} kept"
                ),
                "src" | "background" => assert!(
                    lower.starts_with("data:image/") && !lower.starts_with("data:image/svg")
                        || lower.starts_with("blob:"),
                    "{name}: {attribute} {value:?} kept"
                ),
                "style" => {
                    assert!(
                        !lower.contains("url(") || lower.contains("url(\"data:image/"),
                        "{name}: style {value:?} loads something"
                    );
                    assert!(
                        !lower.contains("fixed") && !lower.contains("absolute"),
                        "{name}: style {value:?} overlays"
                    );
                    assert!(!lower.contains("expression") && !lower.contains("javascript"), "{name}: style {value:?}");
                }
                _ => {}
            }
        }
        if tag == "style" {
            let css = element.text_content().unwrap_or_default().to_ascii_lowercase();
            for bad in [
                "@import",
                "@font-face",
                "url(\"http",
                "url(http",
                "expression",
                "javascript",
                "fixed",
                "absolute",
                "binding",
                "behavior",
            ] {
                assert!(!css.contains(bad), "{name}: <style> keeps {bad}: {css}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn corpus_has_at_least_sixty_inputs_and_the_readme_a_row_for_each() {
    assert!(CORPUS.len() >= 60, "only {} corpus files", CORPUS.len());
    let rows: Vec<String> = expectations::table(README).into_iter().map(|e| e.file).collect();
    let files: Vec<String> = CORPUS.iter().map(|(name, _)| name.to_string()).collect();
    assert_eq!(rows, files, "the README's table lists exactly the corpus files, in order");
}

#[wasm_bindgen_test]
fn every_input_is_inert_and_sanitising_twice_changes_nothing() {
    for (name, bytes) in CORPUS {
        let html = String::from_utf8_lossy(bytes);
        let (once, root) = sanitize_inert(&html);
        assert_inert(name, &root);
        let (twice, _) = sanitize_inert(&once);
        assert!(once == twice, "{name}: sanitising twice changed the output: {}", excerpt(&twice));
        // Serialise → parse → serialise is stable (what the browser would build from the
        // markup is what the walker built).
        let reparsed = document().implementation().unwrap().create_html_document_with_title("").unwrap();
        let holder = reparsed.create_element("div").unwrap();
        holder.set_inner_html(&once);
        assert!(holder.inner_html() == once, "{name}: the output changes when parsed again: {}", excerpt(&once));
    }
}

/// A source nested far deeper than Chromium's parser makes it (which flattens beyond 512
/// levels; 082 is what it makes of 10,000): built with DOM calls, as another parser might.
/// The walk uses no call stack, the output stops at `MAX_DEPTH` and keeps all the text.
#[wasm_bindgen_test]
fn a_source_nested_100000_deep_is_walked_without_recursion() {
    let source = parse("<p>avant</p>").unwrap();
    let mut parent: Element = source.body().unwrap().into();
    for level in 0..100_000 {
        let element = source.create_element(if level % 2 == 0 { "div" } else { "x-n" }).unwrap();
        parent.append_child(&element).unwrap();
        parent = element;
    }
    parent.set_text_content(Some("au fond"));
    let root = sanitize_source(&source);
    assert_eq!(depth(&root), MAX_DEPTH, "how deep the output nests");
    assert_eq!(root.query_selector_all("div").unwrap().length() as usize, MAX_DEPTH, "{}", excerpt(&root.inner_html()));
    assert_eq!(root.text_content().as_deref(), Some("avantau fond"));
}

#[wasm_bindgen(inline_js = "
export function arm(win) {
  win.__facteurRan = 0;
  const trap = () => { win.top.__facteurRan = (win.top.__facteurRan || 0) + 1; };
  for (const w of [win, win.top]) { w.alert = trap; w.confirm = trap; w.prompt = trap; w.print = trap; }
  win.__facteurViolations = [];
  win.document.addEventListener('securitypolicyviolation',
    e => win.__facteurViolations.push(e.effectiveDirective + ' ' + e.blockedURI));
}
export function ran() { return window.top.__facteurRan || 0; }
export function violations(win) { return win.__facteurViolations.slice().sort().join('\\n'); }
export function resources(win) {
  return win.performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:') && !n.startsWith('blob:') && !n.startsWith('https://canary.invalid/')).join(' ');
}
export function add_canaries(doc) {
  const script = doc.createElement('script');
  script.id = 'canary-script';
  script.textContent = 'alert(\"canary\")';
  const img = doc.createElement('img');
  img.id = 'canary-img';
  img.src = 'https://canary.invalid/img.gif';
  doc.head.append(script, img);
  doc.documentElement.style.backgroundImage = 'url(https://canary.invalid/css.png)';
  return doc.defaultView.getComputedStyle(doc.documentElement).backgroundImage + doc.body.offsetHeight;
}
export function remove_canaries(doc) {
  doc.getElementById('canary-script').remove();
  doc.getElementById('canary-img').remove();
  doc.documentElement.style.removeProperty('background-image');
}
")]
extern "C" {
    fn arm(window: &web_sys::Window);
    fn ran() -> u32;
    fn violations(window: &web_sys::Window) -> String;
    fn resources(window: &web_sys::Window) -> String;
    fn add_canaries(document: &Document) -> String;
    fn remove_canaries(document: &Document);
}

/// What the frame's CSP reports for the canaries [`add_canaries`] adds (sorted).
const CANARIES: &str =
    "img-src https://canary.invalid/css.png\nimg-src https://canary.invalid/img.gif\nscript-src-elem inline";

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A frame with the app's srcdoc and CSP, but allowing scripts (if the walker let anything
/// active through, it would run, or the CSP would report it), once its own document has
/// loaded: like the app, wait for the frame's `load` event (the first `about:blank`
/// document is already complete, and is replaced by the srcdoc one).
async fn frame() -> HtmlIFrameElement {
    let frame: HtmlIFrameElement = document().create_element("iframe").unwrap().unchecked_into();
    frame.set_attribute("sandbox", "allow-same-origin allow-scripts").unwrap();
    frame.set_srcdoc(&srcdoc(false, "fr"));
    let loaded = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        frame.add_event_listener_with_callback_and_add_event_listener_options("load", &resolve, &options).unwrap();
    });
    document().body().unwrap().append_child(&frame).unwrap();
    wasm_bindgen_futures::JsFuture::from(loaded).await.unwrap();
    let csp = frame
        .content_document()
        .and_then(|d| d.query_selector("meta[http-equiv=Content-Security-Policy]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"));
    assert_eq!(csp, Some(frame_csp(false)), "the frame's document is its srcdoc, with the app's CSP");
    frame
}

/// How many elements deep the output under `root` nests (one pass, no recursion).
fn depth(root: &Element) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(Element, usize)> = root.first_element_child().map(|e| (e, 1)).into_iter().collect();
    while let Some((element, level)) = stack.pop() {
        deepest = deepest.max(level);
        stack.extend(element.next_element_sibling().map(|e| (e, level)));
        stack.extend(element.first_element_child().map(|e| (e, level + 1)));
    }
    deepest
}

/// The start of `s` (failure messages of the 5 MB input stay readable).
fn excerpt(s: &str) -> String {
    match s.char_indices().nth(2000) {
        Some((end, _)) => format!("{}… ({} bytes)", &s[..end], s.len()),
        None => s.to_string(),
    }
}

/// What the README's row for this file says, on the output in the frame's `body`.
fn assert_expected(expected: &Expectation, body: &Element, done: &Sanitized) {
    let name = &expected.file;
    let text = body.text_content().unwrap_or_default();
    let css = done.stylesheets.join("\n");
    let html = excerpt(&body.inner_html());
    let text_excerpt = excerpt(&text);
    let count = |selector: &str| {
        body.query_selector_all(selector).unwrap_or_else(|_| panic!("{name}: bad selector {selector:?}")).length()
            as usize
    };
    for item in &expected.kept {
        match item {
            Item::Selector(selector, None) => {
                assert!(count(selector) > 0, "{name}: {selector:?} not kept: {html}")
            }
            Item::Selector(selector, Some(n)) => {
                assert_eq!(count(selector), *n, "{name}: how many {selector:?}: {html}")
            }
            Item::Text(t) => assert!(text.contains(t.as_str()), "{name}: text {t:?} not kept: {text_excerpt:?}"),
            Item::Css(c) => assert!(css.contains(c.as_str()), "{name}: css {c:?} not kept: {css:?}"),
            Item::Depth(d) => assert_eq!(depth(body), *d, "{name}: how deep the output nests"),
            Item::Nothing => assert!(body.first_child().is_none(), "{name}: not empty: {html}"),
        }
    }
    for item in &expected.removed {
        match item {
            Item::Selector(selector, _) => {
                assert_eq!(count(selector), 0, "{name}: {selector:?} kept: {html}")
            }
            Item::Text(t) => assert!(!text.contains(t.as_str()), "{name}: text {t:?} kept: {text_excerpt:?}"),
            Item::Css(c) => assert!(!css.contains(c.as_str()), "{name}: css {c:?} kept: {css:?}"),
            Item::Depth(_) | Item::Nothing => unreachable!(),
        }
    }
    let report = &done.report;
    assert_eq!(report.remote_content_blocked, expected.remote_blocked, "{name}: remote content reported as blocked");
    let deceptive: Vec<(String, String)> =
        report.link_mismatches.iter().map(|m| (m.shown_host.clone(), m.real_host.clone())).collect();
    assert_eq!(deceptive, expected.deceptive, "{name}: deceptive links");
    assert_eq!(report.cid_references, expected.cids, "{name}: cid references");
}

#[wasm_bindgen_test]
async fn nothing_runs_or_loads_when_shown_and_what_the_readme_says_is_kept() {
    let table = expectations::table(README);
    for (name, bytes) in CORPUS {
        let expected = table.iter().find(|e| e.file == *name).unwrap_or_else(|| panic!("{name}: no README row"));
        let html = String::from_utf8_lossy(bytes);
        let frame = frame().await;
        let window = frame.content_window().unwrap();
        let frame_document = frame.content_document().unwrap();
        arm(&window);
        let cid =
            |id: &str| (id == "logo@ac-cevennes.fr").then(|| "data:image/gif;base64,R0lGODlhAQABAAAAACw=".to_string());
        let started = js_sys::Date::now();
        let done = fill(&frame, &html, false, &cid).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        if bytes.len() > 1_000_000 {
            web_sys::console::log_1(&format!("{name}: shown in {} ms", js_sys::Date::now() - started).into());
        }
        add_canaries(&frame_document);
        let mut reported = violations(&window);
        for _ in 0..3000 {
            if CANARIES.lines().all(|canary| reported.lines().any(|line| line == canary)) {
                break;
            }
            sleep(10).await;
            reported = violations(&window);
        }
        assert_eq!(
            reported, CANARIES,
            "{name}: the frame's CSP reported other violations than the canaries (something of the message tried to run or load)"
        );
        remove_canaries(&frame_document);
        assert_eq!(ran(), 0, "{name}: a script ran");
        assert_eq!(resources(&window), "", "{name}: loaded something else than data:/blob:");
        let body = frame_document.body().unwrap();
        assert_inert(name, &body);
        assert!(frame_document.query_selector("iframe, frame").unwrap().is_none(), "{name}: nested frame");
        assert_expected(expected, &body, &done);
        assert!(depth(&body) <= MAX_DEPTH, "{name}: nests deeper than MAX_DEPTH");
        frame.remove();
    }
}

#[wasm_bindgen_test]
async fn message_css_applies_through_the_object_model() {
    let frame = frame().await;
    let html = "<style>p.a { color: rgb(1, 2, 3) }</style><p class=a>x</p><p style=\"color: rgb(4, 5, 6)\">y</p>";
    let none = |_: &str| None;
    fill(&frame, html, false, &none).unwrap();
    let window = frame.content_window().unwrap();
    let document = frame.content_document().unwrap();
    let color = |selector: &str| {
        let element = document.query_selector(selector).unwrap().unwrap();
        window.get_computed_style(&element).unwrap().unwrap().get_property_value("color").unwrap()
    };
    assert_eq!(color("p.a"), "rgb(1, 2, 3)");
    assert_eq!(color("p:not(.a)"), "rgb(4, 5, 6)");
    frame.remove();
}

#[wasm_bindgen_test]
async fn deceptive_links_and_remote_images_are_reported() {
    let frame = frame().await;
    let html = "<a href=\"https://messagerie.ac-cevennes.fr.evil.example/\">https://messagerie.ac-cevennes.fr</a>\
                <img src=\"https://t.example/pixel.gif\" width=1 height=1>";
    let none = |_: &str| None;
    let done = fill(&frame, html, false, &none).unwrap();
    assert_eq!(done.report.link_mismatches.len(), 1);
    assert!(done.report.remote_content_blocked);
    let document = frame.content_document().unwrap();
    let link = document.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(document.query_selector("img").unwrap().unwrap().get_attribute("src").is_none());
    frame.remove();
}

/// Searched words are marked in text only: across elements, ignoring case and accents, never
/// inside a style sheet or an attribute, and marking adds no markup that could be active.
#[wasm_bindgen_test]
fn searched_words_are_marked_in_the_text_only() {
    let source = parse(
        "<style>p { color: red } /* conseil */</style><p title=\"conseil\">Le <b>Conseil</b> de classe, les conseils, \
         &lt;script&gt;conseil&lt;/script&gt;, déconseillé.</p><a href=\"https://example.org/conseil\">lien</a>",
    )
    .unwrap();
    let target = document().create_element("div").unwrap();
    sanitize_into(
        &source,
        &target,
        &Options { remote_allowed: false, cid_url: &|_| None, styles: StyleOutput::Elements },
    )
    .unwrap();
    let made = facteur_mail_html::mark_words(&target, &["conseil".to_string()]);
    let marks: Vec<String> = (0..target.query_selector_all("mark").unwrap().length())
        .map(|i| target.query_selector_all("mark").unwrap().item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(marks, ["Conseil", "conseil", "conseil"], "whole-word starts only: {}", target.inner_html());
    assert_eq!(made, 3);
    assert!(target.query_selector("script").unwrap().is_none(), "escaped text stays text");
    assert_eq!(target.query_selector("p").unwrap().unwrap().get_attribute("title").as_deref(), Some("conseil"));
    assert!(target.query_selector("a").unwrap().unwrap().get_attribute("href").unwrap().ends_with("/conseil"));
    assert_eq!(facteur_mail_html::mark_words(&target, &[]), 0);
}
