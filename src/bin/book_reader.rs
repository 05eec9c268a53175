//! The Excel reader of "Your data" (issue 17), a web worker of its own: `scripts/build.mjs` builds
//! it as `book_reader-<hash>.js` + `book_reader_bg-<hash>.wasm`, which
//! `src/bin/book_reader_loader.js` starts and feeds; the page (`services::book_reader`) spawns the
//! loader when the first workbook is chosen. It is the only wasm module that links calamine:
//! `read_workbook` is the command line's own reader (`scenario::book::read::read_workbook`), and
//! its answer crosses back as bincode (`scenario::wire::encode_read`).

/// Reads a workbook's bytes into the table (or why not), as the bytes the page decodes.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
#[must_use]
pub fn read_workbook(bytes: &[u8]) -> Vec<u8> {
    cadence::scenario::wire::encode_read(&cadence::scenario::book::read::read_workbook(bytes))
}

// In the worker there is nothing to start: the loader calls `read_workbook` for each file.
#[cfg(target_arch = "wasm32")]
fn main() {}

// Natively there is no worker; `cadence book FILE` reads workbooks with the same reader.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Excel reader runs in the browser; natively, use `cadence book FILE`.");
    std::process::exit(2);
}
