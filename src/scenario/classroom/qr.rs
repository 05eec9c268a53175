//! Classroom links as QR codes (the `qrcode` crate's encoder, no renderer): the module matrix and
//! an SVG of it written here — one path of unit squares on a white ground with the standard
//! four-module quiet zone, so it scales to any size without blur and a phone reads it from a
//! projected screen.

use std::fmt::Write as _;

use qrcode::{Color, EcLevel, QrCode};

/// The QR code's modules, row by row (`true` = dark), and its width in modules; `None` when the
/// text is too long for any QR code.
#[must_use]
pub fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    // Level M (15 % of the code may be lost) keeps a join link to version 5–7: large modules.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((width, dark))
}

/// Modules of white border around the code, as ISO/IEC 18004 asks.
pub const QUIET_ZONE: usize = 4;

/// The QR code as an SVG document, `viewBox` in modules (quiet zone included); `label` becomes its
/// accessible name (escaped).
#[must_use]
pub fn svg(text: &str, label: &str) -> Option<String> {
    let (width, dark) = modules(text)?;
    let side = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (x, y) = (i % width + QUIET_ZONE, i / width + QUIET_ZONE);
        let _ = write!(path, "M{x} {y}h1v1h-1z");
    }
    let label = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{label}\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}
