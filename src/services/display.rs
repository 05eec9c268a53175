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
