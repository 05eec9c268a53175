//! The first paint (issue 20): a static copy of the first view's top — the header, the views and
//! the start band's words — that `index.html` carries between two markers, so a phone sees the page
//! while the app's WebAssembly is still on its way. The app replaces it whole when it mounts (yew
//! empties `<body>` first), so nothing of it is kept or read.
//!
//! It is written here, from the start band's own view model (`start::view::start_view`, the
//! default team) and the page's strings, in both languages (each in a `data-lang`
//! element; `styles/main.css` shows the page language's, which `src/bin/first_paint.js` sets on
//! `<html>` before the body is parsed, as `services::locale` will), with the classes the components
//! use, so it is laid out as the app is and does not shift when the app takes over. A test holds
//! `index.html` to it (`CADENCE_UPDATE_SHELL=1 cargo test --test it first_paint` rewrites it).

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::i18n::{Lang, Text};
use crate::ui::format::escape_markup as escape;
use crate::ui::start::view::{start_view, WayIn};
use crate::ui::start::{self};
use crate::ui::views::View;
use crate::ui::workspace::inputs::FieldView;
use crate::ui::workspace::Model as Workspace;

/// The line before the generated markup in `index.html`.
pub const BEGIN: &str = "<!-- first paint: written by ui::first_paint (CADENCE_UPDATE_SHELL=1 cargo test --test it first_paint) -->";
/// The line after it.
pub const END: &str = "<!-- /first paint -->";

/// One string in both languages (`en`, `zh`); the stylesheet shows the page language's. `written_in`
/// is the language each is written in, as the page language would mark it (the language switch
/// names the other language in that language).
fn pair_as(en: &str, zh: &str, written_in: impl Fn(Lang) -> Lang) -> String {
    format!(
        r#"<span data-lang="en" lang="{}">{}</span><span data-lang="zh" lang="{}">{}</span>"#,
        written_in(Lang::En).tag(),
        escape(en),
        written_in(Lang::Zh).tag(),
        escape(zh)
    )
}

fn pair(en: &str, zh: &str) -> String {
    pair_as(en, zh, |lang| lang)
}

fn both(text: Text) -> String {
    pair(text.get(Lang::En), text.get(Lang::Zh))
}

/// The day the first paint's figures are worked out for; they do not depend on it (the start band
/// shows the team's numbers, not dates), and a fixed day keeps `index.html` the same every run.
fn some_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default()
}

/// One number field of the start band, as `NumberField` draws it, in both languages: the default
/// team's value, unit, valid range and help (no id: the app's own inputs carry those).
fn field(en: &FieldView, zh: &FieldView) -> String {
    let range = |v: &FieldView, lang: Lang| format!("{} {}", Text::ValidRange.get(lang), v.range);
    let why = if en.help_shown {
        format!(
            "<span class=\"field-why\">{}</span>",
            pair(&en.help, &zh.help)
        )
    } else {
        String::new()
    };
    format!(
        "\n            <div class=\"field\">\n              <label><span class=\"field-label\">{}</span></label>\n              <div class=\"field-row\">\n                <input type=\"text\" inputmode=\"decimal\" value=\"{}\" />\n                <span class=\"field-unit\">{}</span>\n              </div>\n              <p class=\"field-help\"><span class=\"field-range\">{}</span>{why}</p>\n            </div>",
        pair(&en.label, &zh.label),
        escape(&en.text),
        pair(&en.unit, &zh.unit),
        pair(&range(en, Lang::En), &range(zh, Lang::Zh)),
    )
}

/// The views' tabs, the workspace's current, as `shell::views_nav` draws them.
fn tabs() -> String {
    View::ALL.into_iter().fold(String::new(), |mut out, view| {
        let current = if view == View::Workspace {
            r#" aria-current="page""#
        } else {
            ""
        };
        let _ = write!(
            out,
            "\n        <li><button type=\"button\" class=\"view-tab\"{current}>{}</button></li>",
            both(view.label())
        );
        out
    })
}

/// The markup between [`BEGIN`] and [`END`], indented for `<body>`: the header, the views and the
/// start band of a first visit (the default team), from the start band's own view model. It is
/// `inert` (nothing in it can be clicked or reached before the app is there) and says it is busy.
/// Its root is laid out as the app's root (`.app`) but is not one, so whatever waits for `.app`
/// (the tests) waits for the app.
#[must_use]
pub fn shell_html() -> String {
    let ws = Workspace::new(some_day());
    let band = start::Model::default();
    let (en, zh) = (
        start_view(&band, &ws, Lang::En),
        start_view(&band, &ws, Lang::Zh),
    );
    let other = |lang: Lang| match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    let tabs = tabs();
    let heading = |en: &WayIn, zh: &WayIn| {
        format!(
            "\n          <h3>{}</h3>\n          <p>{}</p>",
            pair(&en.title, &zh.title),
            pair(&en.text, &zh.text)
        )
    };
    let fields: String = en
        .fields
        .iter()
        .zip(&zh.fields)
        .map(|(en, zh)| field(en, zh))
        .collect();
    format!(
        r#"  <div class="first-paint" inert aria-busy="true">
    <header class="site-header">
      <div class="brand">
        <h1 class="brand-name">{name}</h1>
        <p class="tagline">{tagline}</p>
      </div>
      <button type="button" class="lang-switch">{switch}</button>
    </header>
    <nav class="views-nav">
      <ul>{tabs}
      </ul>
    </nav>
    <div class="notices-band"></div>
    <section class="start">
      <div class="start-head">
        <h2>{title}</h2>
        <button type="button" class="link-button start-hide">{hide}</button>
      </div>
      <p class="start-purpose">{purpose}</p>
      <div class="start-ways">
        <div class="start-way start-plan">{plan}
          <div class="start-fields">{fields}
          </div>
          <button type="button" class="primary">{plan_button}</button>
        </div>
        <div class="start-way start-lessons">{lessons}
          <button type="button" class="primary">{lessons_button}</button>
        </div>
        <div class="start-way start-open">{open}
          <button type="button">{open_button}</button>
          <div class="start-link">
            <label>{link_label}</label>
            <div class="start-link-row">
              <input type="url" />
              <button type="button">{open_link}</button>
            </div>
          </div>
          <p class="start-privacy">{privacy}</p>
        </div>
      </div>
    </section>
    <p class="start-show"><button type="button" class="link-button">{show}</button></p>
  </div>
"#,
        name = both(Text::AppName),
        tagline = both(Text::Tagline),
        switch = pair_as(
            Text::LanguageSwitch.get(Lang::En),
            Text::LanguageSwitch.get(Lang::Zh),
            other
        ),
        title = pair(&en.title, &zh.title),
        hide = pair(&en.hide, &zh.hide),
        purpose = pair(&en.purpose, &zh.purpose),
        plan = heading(&en.plan, &zh.plan),
        plan_button = pair(&en.plan.button, &zh.plan.button),
        lessons = heading(&en.lessons, &zh.lessons),
        lessons_button = pair(&en.lessons.button, &zh.lessons.button),
        open = heading(&en.open, &zh.open),
        open_button = pair(&en.open.button, &zh.open.button),
        link_label = pair(&en.link_label, &zh.link_label),
        open_link = pair(&en.open_link, &zh.open_link),
        privacy = pair(&en.privacy, &zh.privacy),
        show = pair(&en.show, &zh.show),
    )
}

/// `html` (the text of `index.html`) with the part between the markers replaced by
/// [`shell_html`], or `None` when the markers are not there once each, in order.
#[must_use]
pub fn with_shell(html: &str) -> Option<String> {
    let (head, rest) = html.split_once(BEGIN)?;
    let (_, tail) = rest.split_once(END)?;
    if tail.contains(BEGIN) || tail.contains(END) || head.contains(END) {
        return None;
    }
    Some(format!("{head}{BEGIN}\n{}  {END}{tail}", shell_html()))
}
