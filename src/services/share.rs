//! The page's address as a carrier of share links: reading and clearing the fragment, building a
//! link, hearing a link pasted into the address bar, and copying text to the clipboard.

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use yew::Callback;

/// The fragment of the page's address, without `#` (empty when there is none).
#[must_use]
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Removes the fragment from the address without reloading or adding a history entry, so a
/// reload shows the autosaved work rather than opening the link again over it.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// The page's own address with `fragment` (without `#`) as its fragment.
#[must_use]
pub fn link_to(fragment: &str) -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Calls `onchange` with the new fragment whenever the address's fragment changes (a link pasted
/// into the address bar of an open page does not reload it). Keep the listener alive.
#[must_use]
pub fn on_fragment_change(onchange: Callback<String>) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        onchange.emit(fragment());
    }))
}

/// Copies `text` to the clipboard; `ondone` hears whether it worked (the clipboard needs a secure
/// page and the person's permission, so it may not).
pub fn copy_text(text: &str, ondone: Callback<bool>) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        ondone.emit(false);
        return;
    };
    // `navigator.clipboard` is undefined on pages that are not secure: calling into it would throw.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        ondone.emit(false);
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    let ok: Closure<dyn FnMut(JsValue)> = {
        let ondone = ondone.clone();
        Closure::once(move |_: JsValue| ondone.emit(true))
    };
    let failed: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| ondone.emit(false));
    let _ = promise.then2(&ok, &failed);
    // The promise calls one of them later; a copy is a rare click, so the two are left to it.
    ok.forget();
    failed.forget();
}
