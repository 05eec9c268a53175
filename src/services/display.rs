//! What the display asks of the charts: dark or light colours, and a phone-sized or desktop layout.

/// Whether the browser prefers a dark colour scheme.
#[must_use]
pub fn prefers_dark() -> bool {
    matches_media("(prefers-color-scheme: dark)")
}

/// Whether the viewport is phone-sized (charts are laid out for 360 px instead of 600 px).
#[must_use]
pub fn is_narrow() -> bool {
    matches_media("(max-width: 560px)")
}

fn matches_media(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Puts the page in full screen, or takes it out (the presenter's F key).
pub fn toggle_full_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        // A refusal (no user gesture, or an embedding frame without permission) leaves the page as it is.
        let _ = root.request_fullscreen();
    }
}

/// Scrolls the page back to its top.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves the keyboard focus to the element with this id (it needs `tabindex="-1"` unless it is a
/// control) and scrolls it to the top of the view.
pub fn focus_and_show(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        element.scroll_into_view();
        // A refusal leaves the focus where it was.
        let _ = element.focus();
    }
}
