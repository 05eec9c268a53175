//! The first paint (issue 20): `index.html` carries the static copy of the first view that
//! `ui::first_paint` writes from the page's strings, so the page shows its top while the wasm
//! loads, in the page's language. Rewrite it: `CADENCE_UPDATE_SHELL=1 cargo test --test it first_paint`.

use std::path::PathBuf;

use cadence::i18n::{Lang, Text};
use cadence::ui::first_paint::{shell_html, with_shell, BEGIN, END};

use crate::docs::diff;

fn index_html() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
}

#[test]
fn index_html_carries_the_first_paint_written_from_the_page_strings() {
    let path = index_html();
    let html = std::fs::read_to_string(&path).expect("index.html");
    let generated = with_shell(&html)
        .unwrap_or_else(|| panic!("index.html has no `{BEGIN}` … `{END}` markers, in that order"));
    if std::env::var_os("CADENCE_UPDATE_SHELL").is_some() {
        std::fs::write(&path, &generated).expect("index.html written");
        return;
    }
    assert!(
        html == generated,
        "index.html's first paint differs from src/ui/first_paint.rs (- index.html, + Rust):\n{}\n\
         Rewrite it with `CADENCE_UPDATE_SHELL=1 cargo test --test it first_paint`.",
        diff(&html, &generated)
    );
}

#[test]
fn the_first_paint_says_each_of_its_strings_once_in_each_language() {
    let shell = shell_html();
    for text in [
        Text::Tagline,
        Text::StartPurpose,
        Text::StartPlanText,
        Text::StartLessonsText,
        Text::StartOpenText,
        Text::ViewClassroom,
    ] {
        for (lang, key) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
            let marked = format!(
                r#"<span data-lang="{key}" lang="{}">{}</span>"#,
                lang.tag(),
                text.get(lang).replace('&', "&amp;")
            );
            assert_eq!(
                shell.matches(&marked).count(),
                1,
                "{text:?} in {key}: {marked}"
            );
        }
    }
    // "Where to start" is both the band's title and its "show" link, and only one of them shows.
    assert_eq!(shell.matches(Text::StartTitle.get(Lang::Zh)).count(), 2);
    // The language switch names the other language in that language, as the header's does.
    assert!(
        shell.contains(r#"<span data-lang="en" lang="zh-CN">中文</span>"#),
        "{shell}"
    );
    // Nothing of it can be used before the app replaces it, and it names no id the app uses.
    assert!(shell.starts_with(r#"  <div class="first-paint" inert aria-busy="true">"#));
    assert!(!shell.contains(" id="), "{shell}");
}

#[test]
fn a_markup_without_both_markers_in_order_is_refused() {
    assert_eq!(with_shell("<body></body>"), None);
    assert_eq!(with_shell(&format!("{END}\n{BEGIN}")), None);
    assert_eq!(with_shell(&format!("{BEGIN}{END}{BEGIN}{END}")), None);
    let once = with_shell(&format!(
        "<body>\n  {BEGIN}\n  <p>stale first paint</p>\n  {END}\n</body>"
    ))
    .expect("markers");
    assert_eq!(
        with_shell(&once).as_deref(),
        Some(once.as_str()),
        "rewriting is stable"
    );
    assert!(!once.contains("stale first paint"));
}
