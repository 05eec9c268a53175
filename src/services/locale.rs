//! The page language: first visit follows the browser, later visits follow the remembered choice.
//!
//! The choice is stored as a JSON string under `cadence.lang` (the format gloo's storage wrote, so
//! earlier choices still count), through `storage::BrowserStore`, which does not panic when the
//! browser refuses storage.

use crate::i18n::Lang;
use crate::services::storage::{BrowserStore, Store};

const LANG_KEY: &str = "cadence.lang";

/// The language to start in: the remembered choice, else the browser's language.
#[must_use]
pub fn initial_lang() -> Lang {
    let remembered = BrowserStore::open().get(LANG_KEY).ok().flatten();
    if let Some(stored) = remembered {
        let tag = serde_json::from_str::<String>(&stored).unwrap_or(stored);
        return Lang::from_tag(&tag);
    }
    let browser = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_tag(&browser)
}

/// Remembers the choice; a full or unavailable storage only means the choice is not remembered
/// (the page already says so in a notice).
pub fn remember_lang(lang: Lang) {
    let tag = serde_json::Value::from(lang.tag()).to_string();
    let _ = BrowserStore::open().set(LANG_KEY, &tag);
}

/// Writes the language into `<html lang>`.
pub fn apply_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}
