//! Browser smoke tests (wasm-bindgen-test in headless Chromium): the page's root component renders its
//! shell into a real document, and the language switch re-renders it.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use cadence::i18n::{Lang, Text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// The app rendered into a root of its own; the handle unmounts it, so no test's app is left
/// writing into the one `<html lang>` while the next test runs.
async fn render_app() -> (
    web_sys::Element,
    yew::AppHandle<cadence::ui::shell::app::App>,
) {
    // A clean slate: the remembered language would otherwise leak between tests.
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.clear().expect("clear storage");
    }
    let root = document().create_element("div").expect("create root");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("attach root");
    let handle = yew::Renderer::<cadence::ui::shell::app::App>::with_root(root.clone()).render();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    (root, handle)
}

/// `<html lang>` once it reads `expected`, or what it reads after 2 s: the app writes it in an
/// effect after the render, and a busy machine may run the charts' deferred drawing first.
async fn html_lang_becoming(expected: &str) -> String {
    let read = || {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default()
    };
    for _ in 0..40 {
        if read() == expected {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(50)).await;
    }
    read()
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is rendered"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn shell_renders_name_regions_and_version() {
    let (root, handle) = render_app().await;
    let lang = Lang::from_tag(
        &web_sys::window()
            .unwrap()
            .navigator()
            .language()
            .unwrap_or_default(),
    );
    assert_eq!(text_of(&root, "h1"), Text::AppName.get(lang));
    assert_eq!(
        root.query_selector_all("main section.region")
            .unwrap()
            .length(),
        3
    );
    assert!(text_of(&root, "footer").contains(env!("CARGO_PKG_VERSION")));
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_text_and_document_language() {
    let (root, handle) = render_app().await;
    let before = text_of(&root, ".tagline");
    let button: web_sys::HtmlElement = root
        .query_selector(".lang-switch")
        .unwrap()
        .expect("switch rendered")
        .dyn_into()
        .unwrap();
    button.click();
    yew::platform::time::sleep(Duration::from_millis(50)).await;
    let after = text_of(&root, ".tagline");
    assert_ne!(before, after);
    let expected = if after == Text::Tagline.get(Lang::Zh) {
        "zh-CN"
    } else {
        "en"
    };
    assert_eq!(html_lang_becoming(expected).await, expected);
    handle.destroy();
    root.remove();
}
