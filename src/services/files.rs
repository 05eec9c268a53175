//! Files in and out of the browser: downloads made from text (a Blob and an object URL), and the
//! files a person picks or drops, read as text.
//!
//! Nothing is uploaded anywhere: a download is built in the page, and a picked file is read in the
//! page. Every failure becomes a value (`FileProblem`) or is ignored where nothing can be done; none
//! panics.

#[cfg(feature = "web")]
pub use browser::{
    decode_gb18030, download, download_json, download_svg_as_png, fetch_bytes, files_of,
    read_bytes, read_files,
};

/// Why a file could not be read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than any scenario or library file could be.
    TooLarge,
    /// The browser could not read it.
    Unreadable,
}

/// A file a person chose to import, as the browser read it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadFile {
    pub name: String,
    pub content: Result<String, FileProblem>,
}

/// Largest file read: a library of a thousand scenarios is about 8 MB pretty-printed, far more
/// than anyone keeps; anything larger is not a Cadence file.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// A file name for a scenario name: characters file systems refuse become `_`, and it ends in `.json`.
#[must_use]
pub fn file_name(name: &str, fallback: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('.');
    let stem = if cleaned.is_empty() {
        fallback
    } else {
        cleaned
    };
    format!("{stem}.json")
}

/// Downloads and reading picked files: browser only.
#[cfg(feature = "web")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use gloo::file::callbacks::FileReader;
    use gloo::file::{Blob, ObjectUrl};
    use gloo::timers::callback::Timeout;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use yew::Callback;

    use super::{FileProblem, ReadFile, MAX_FILE_BYTES};

    /// How long a download's object URL is kept before it is released (the download has started by then).
    const URL_LIFETIME_MS: u32 = 60_000;

    /// Offers `text` as a JSON file called `file_name` (nothing happens if the browser refuses).
    pub fn download_json(file_name: &str, text: &str) {
        download(file_name, text, "application/json");
    }

    /// Offers `text` as a file of the given MIME type (nothing happens if the browser refuses).
    pub fn download(file_name: &str, text: &str, mime: &str) {
        let blob = Blob::new_with_options(text, Some(mime));
        offer(ObjectUrl::from(blob), file_name);
    }

    /// Offers an SVG drawing as a PNG file: the browser draws the SVG (as an image) into a canvas
    /// `scale` times its size over `background` (a CSS colour), and the canvas is encoded as PNG.
    /// Nothing happens if the browser cannot draw or encode it.
    pub fn download_svg_as_png(file_name: &str, svg: &str, scale: f64, background: &str) {
        let Ok(image) = web_sys::HtmlImageElement::new() else {
            return;
        };
        let source = ObjectUrl::from(Blob::new_with_options(svg, Some("image/svg+xml")));
        let src = source.to_string();
        let file_name = file_name.to_owned();
        let background = background.to_owned();
        let drawn = image.clone();
        // Called once: the closure frees itself after the load (or the error) event.
        let onload = Closure::once_into_js(move || {
            // The SVG's object URL lives until the image has loaded.
            drop(source);
            if let Some(canvas) = draw_to_canvas(&drawn, scale, &background) {
                encode_png(&canvas, file_name);
            }
            drawn.set_onload(None);
            drawn.set_onerror(None);
        });
        image.set_onload(Some(onload.unchecked_ref()));
        image.set_onerror(Some(onload.unchecked_ref()));
        image.set_src(&src);
    }

    /// A canvas holding the loaded image at `scale`× over `background`; `None` if it did not load.
    fn draw_to_canvas(
        image: &web_sys::HtmlImageElement,
        scale: f64,
        background: &str,
    ) -> Option<web_sys::HtmlCanvasElement> {
        let (width, height) = (image.natural_width(), image.natural_height());
        if width == 0 || height == 0 {
            return None;
        }
        let document = web_sys::window()?.document()?;
        let canvas: web_sys::HtmlCanvasElement =
            document.create_element("canvas").ok()?.dyn_into().ok()?;
        let (w, h) = (f64::from(width) * scale, f64::from(height) * scale);
        canvas.set_width(w.round() as u32);
        canvas.set_height(h.round() as u32);
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        context.set_fill_style_str(background);
        context.fill_rect(0.0, 0.0, w, h);
        context
            .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, w, h)
            .ok()?;
        Some(canvas)
    }

    /// Encodes the canvas as PNG and offers it as `file_name`.
    fn encode_png(canvas: &web_sys::HtmlCanvasElement, file_name: String) {
        let ondone = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                offer(ObjectUrl::from(Blob::from(blob)), &file_name);
            }
        });
        let _ = canvas.to_blob(ondone.unchecked_ref());
    }

    /// Clicks a download link to `url` named `file_name`, and releases the URL a minute later.
    fn offer(url: ObjectUrl, file_name: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(anchor) = document
            .create_element("a")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
        // Revoking the URL at once can cancel the download in some browsers; release it later.
        Timeout::new(URL_LIFETIME_MS, move || drop(url)).forget();
    }

    /// The files of a `FileList` (from a file input or a drop).
    #[must_use]
    pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
        let Some(list) = list else {
            return Vec::new();
        };
        (0..list.length()).filter_map(|i| list.get(i)).collect()
    }

    struct Pending {
        results: Vec<Option<ReadFile>>,
        left: usize,
        readers: Vec<FileReader>,
        ondone: Callback<Vec<ReadFile>>,
    }

    /// Reads every file as text and calls `ondone` once, with all of them, in the order given.
    pub fn read_files(files: Vec<web_sys::File>, ondone: Callback<Vec<ReadFile>>) {
        if files.is_empty() {
            return;
        }
        let pending = Rc::new(RefCell::new(Pending {
            results: vec![None; files.len()],
            left: files.len(),
            readers: Vec::new(),
            ondone,
        }));
        for (index, file) in files.into_iter().enumerate() {
            let name = file.name();
            if file.size() > MAX_FILE_BYTES as f64 {
                complete(
                    &pending,
                    index,
                    ReadFile {
                        name,
                        content: Err(FileProblem::TooLarge),
                    },
                );
                continue;
            }
            let file = gloo::file::File::from(file);
            let shared = Rc::clone(&pending);
            let reader = gloo::file::callbacks::read_as_text(&file, move |result| {
                let content = result.map_err(|_| FileProblem::Unreadable);
                complete(&shared, index, ReadFile { name, content });
            });
            pending.borrow_mut().readers.push(reader);
        }
    }

    /// Reads one file's bytes (up to `max_bytes`) and calls `ondone` with its name and them.
    pub fn read_bytes(
        file: web_sys::File,
        max_bytes: u64,
        ondone: Callback<(String, Result<Vec<u8>, FileProblem>)>,
    ) {
        let name = file.name();
        if file.size() > max_bytes as f64 {
            ondone.emit((name, Err(FileProblem::TooLarge)));
            return;
        }
        let file = gloo::file::File::from(file);
        let keep: Rc<RefCell<Option<FileReader>>> = Rc::new(RefCell::new(None));
        let kept = Rc::clone(&keep);
        let reader = gloo::file::callbacks::read_as_bytes(&file, move |result| {
            ondone.emit((name, result.map_err(|_| FileProblem::Unreadable)));
            // The reader is dropped after its own callback has returned.
            let reader = kept.borrow_mut().take();
            Timeout::new(0, move || drop(reader)).forget();
        });
        *keep.borrow_mut() = Some(reader);
    }

    /// A file shipped with the page (the sample team's book), read from the page's own site as
    /// bytes; the same callback as a picked file's, with the file's name.
    pub fn fetch_bytes(
        url: &'static str,
        name: &'static str,
        ondone: Callback<(String, Result<Vec<u8>, FileProblem>)>,
    ) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let Ok(request) = web_sys::XmlHttpRequest::new() else {
            ondone.emit((name.to_owned(), Err(FileProblem::Unreadable)));
            return;
        };
        request.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
        let answered = request.clone();
        let onloadend = Closure::once(move || {
            let bytes = (answered.status().ok() == Some(200))
                .then(|| answered.response().ok())
                .flatten()
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .ok_or(FileProblem::Unreadable);
            ondone.emit((name.to_owned(), bytes));
        });
        request.set_onloadend(Some(onloadend.as_ref().unchecked_ref()));
        // The request holds the callback until it has answered, once.
        onloadend.forget();
        if request.open("GET", url).is_err() || request.send().is_err() {
            request.abort().ok();
        }
    }

    /// GB18030 text decoded by the browser's own `TextDecoder` (so the page carries no decoder
    /// tables of its own); `None` if the browser has no GB18030 decoder.
    #[must_use]
    pub fn decode_gb18030(bytes: &[u8]) -> Option<String> {
        let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }

    fn complete(pending: &Rc<RefCell<Pending>>, index: usize, file: ReadFile) {
        let mut state = pending.borrow_mut();
        if let Some(slot) = state.results.get_mut(index) {
            *slot = Some(file);
        }
        state.left = state.left.saturating_sub(1);
        if state.left > 0 {
            return;
        }
        let results: Vec<ReadFile> = state.results.drain(..).flatten().collect();
        let ondone = state.ondone.clone();
        // The readers are dropped after this callback returns, not inside their own callback.
        let readers = std::mem::take(&mut state.readers);
        drop(state);
        Timeout::new(0, move || drop(readers)).forget();
        ondone.emit(results);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_for_any_file_system() {
        assert_eq!(file_name("Q3 plan", "x"), "Q3 plan.json");
        assert_eq!(
            file_name("<img src=x onerror=alert(1)>", "x"),
            "_img src=x onerror=alert(1)_.json"
        );
        assert_eq!(file_name("a/b\\c:d", "x"), "a_b_c_d.json");
        assert_eq!(file_name(" .. ", "scenario"), "scenario.json");
        assert_eq!(file_name("团队计划", "x"), "团队计划.json");
    }
}
