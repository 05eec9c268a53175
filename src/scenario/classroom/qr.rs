//! Classroom links as QR codes (the `qrcode` crate's encoder, no renderer): the module matrix and
//! an SVG of it written here — one path of unit squares on a white ground with the standard
//! four-module quiet zone, so it scales to any size without blur and a phone reads it from a
//! projected screen; and [`read`], the QR codes in a camera frame (the `rqrr` decoder), for the
//! trainer collecting hand-ins with the laptop's camera.

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

/// The text of every QR code found in a greyscale image (`luma[y * width + x]`, 0 black – 255
/// white), in the order found; codes that do not decode are left out.
#[must_use]
pub fn read(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || luma.len() < width * height {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

/// An RGBA frame (a canvas's `ImageData`) as greyscale, by the Rec. 601 luma weights.
#[must_use]
pub fn luma_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let y = 299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]);
            u8::try_from(y / 1000).unwrap_or(u8::MAX)
        })
        .collect()
}
