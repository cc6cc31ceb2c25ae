//! The hostile HTML corpus (tests/fixtures/hostile-html), run through the real walker in
//! headless Chromium (`wasm-bindgen-test-runner` + chromedriver, see scripts/test.sh).
//!
//! For every file:
//! - the output holds nothing active (no script-capable element, no `on*` attribute, no
//!   link or image URL outside the allow-list, no `position: fixed/absolute`);
//! - sanitising the output again gives the same output, and so does serialising and
//!   parsing it again (no mutation XSS);
//! - shown in a frame that ALLOWS scripts (stricter than the app, which never does) and
//!   carries the app's frame CSP, nothing calls `alert`/`confirm`/`prompt`, the frame
//!   reports no CSP violation (nothing even tried to run or load), and the only resources
//!   loaded are `data:`/`blob:`.
#![cfg(target_arch = "wasm32")]

use facteur_mail_html::{fill, parse, sanitize_into, srcdoc, Options, StyleOutput};
use std::cell::Cell;
use std::rc::Rc;
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
    let inert = document().implementation().unwrap().create_html_document_with_title("").unwrap();
    let target = inert.create_element("div").unwrap();
    let none = |_: &str| None;
    let options = Options { remote_allowed: false, cid_url: &none, styles: StyleOutput::Elements };
    sanitize_into(&parse(html).unwrap(), &target, &options);
    (target.inner_html(), target)
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
fn corpus_has_at_least_sixty_inputs() {
    assert!(CORPUS.len() >= 60, "only {} corpus files", CORPUS.len());
}

#[wasm_bindgen_test]
fn every_input_is_inert_and_sanitising_twice_changes_nothing() {
    for (name, bytes) in CORPUS {
        let html = String::from_utf8_lossy(bytes);
        let (once, root) = sanitize_inert(&html);
        assert_inert(name, &root);
        let (twice, _) = sanitize_inert(&once);
        assert_eq!(once, twice, "{name}: sanitising twice changed the output");
        // Serialise → parse → serialise is stable (what the browser would build from the
        // markup is what the walker built).
        let reparsed = document().implementation().unwrap().create_html_document_with_title("").unwrap();
        let holder = reparsed.create_element("div").unwrap();
        holder.set_inner_html(&once);
        assert_eq!(holder.inner_html(), once, "{name}: the output changes when parsed again");
    }
}

#[wasm_bindgen(inline_js = "
export function arm(win) {
  win.__facteurRan = 0;
  const trap = () => { win.top.__facteurRan = (win.top.__facteurRan || 0) + 1; };
  for (const w of [win, win.top]) { w.alert = trap; w.confirm = trap; w.prompt = trap; w.print = trap; }
}
export function ran() { return window.top.__facteurRan || 0; }
export function resources(win) {
  return win.performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:') && !n.startsWith('blob:')).join(' ');
}
")]
extern "C" {
    fn arm(window: &web_sys::Window);
    fn ran() -> u32;
    fn resources(window: &web_sys::Window) -> String;
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A frame with the app's srcdoc and CSP, but allowing scripts: if the walker let anything
/// active through, it would run (or the CSP would report it).
async fn frame() -> HtmlIFrameElement {
    let frame: HtmlIFrameElement = document().create_element("iframe").unwrap().unchecked_into();
    frame.set_attribute("sandbox", "allow-same-origin allow-scripts").unwrap();
    frame.set_srcdoc(&srcdoc(false, "fr"));
    document().body().unwrap().append_child(&frame).unwrap();
    for _ in 0..100 {
        if frame.content_document().and_then(|d| d.body()).is_some()
            && frame.content_document().unwrap().ready_state() == "complete"
        {
            break;
        }
        sleep(10).await;
    }
    frame
}

#[wasm_bindgen_test]
async fn nothing_runs_or_loads_when_shown() {
    for (name, bytes) in CORPUS {
        let html = String::from_utf8_lossy(bytes);
        let frame = frame().await;
        let window = frame.content_window().unwrap();
        arm(&window);
        let violations = Rc::new(Cell::new(0u32));
        let count = violations.clone();
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_| count.set(count.get() + 1));
        frame
            .content_document()
            .unwrap()
            .add_event_listener_with_callback("securitypolicyviolation", listener.as_ref().unchecked_ref())
            .unwrap();
        let cid =
            |id: &str| (id == "logo@ac-cevennes.fr").then(|| "data:image/gif;base64,R0lGODlhAQABAAAAACw=".to_string());
        let done = fill(&frame, &html, false, &cid).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        sleep(60).await;
        assert_eq!(ran(), 0, "{name}: a script ran");
        assert_eq!(
            violations.get(),
            0,
            "{name}: the frame's CSP reported a violation (something tried to run or load)"
        );
        assert_eq!(resources(&window), "", "{name}: loaded something else than data:/blob:");
        assert_inert(name, &frame.content_document().unwrap().body().unwrap());
        assert!(
            frame.content_document().unwrap().query_selector("iframe, frame").unwrap().is_none(),
            "{name}: nested frame"
        );
        if name.starts_with("061") {
            assert!(done.report.remote_content_blocked, "{name}: remote content not reported as blocked");
        }
        frame.remove();
        drop(listener);
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
    );
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
