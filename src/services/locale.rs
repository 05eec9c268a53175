//! The page language: first visit follows the browser, later visits follow the remembered choice.

use gloo::storage::{LocalStorage, Storage};

use crate::i18n::Lang;

const LANG_KEY: &str = "cadence.lang";

/// The language to start in: the remembered choice, else the browser's language.
#[must_use]
pub fn initial_lang() -> Lang {
    if let Ok(tag) = LocalStorage::get::<String>(LANG_KEY) {
        return Lang::from_tag(&tag);
    }
    let browser = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_tag(&browser)
}

/// Remembers the choice; a full or unavailable storage only means the choice is not remembered.
pub fn remember_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.tag());
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
