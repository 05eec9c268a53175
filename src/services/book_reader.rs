//! The page's side of the Excel reader (issue 17): the book-reader worker
//! (`src/bin/book_reader_loader.js` + `src/bin/book_reader.rs`) is spawned when the first workbook
//! is chosen — never on the first load, so the app's own wasm carries no Excel reader (issue 20) —
//! and kept for the next one. A workbook's bytes are transferred to it; its answer comes back as
//! the table `scenario::book::read` gives natively (`scenario::wire::decode_read`), or as why not.
//! A reader that stopped (a trap on a damaged file) or a module that did not load answers as a
//! [`ReaderProblem`], and the next workbook starts a fresh worker.

/// Why the reader gave no answer of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderProblem {
    /// The worker's module could not be loaded (offline before it was ever cached).
    Unavailable,
    /// The reader stopped on this file (with the browser's words).
    Stopped(String),
}

#[cfg(feature = "web")]
pub use browser::BookReader;

#[cfg(feature = "web")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use yew::Callback;

    use super::ReaderProblem;
    use crate::scenario::book::read::{ReadError, Table};
    use crate::scenario::wire::decode_read;

    /// What the reader answers for request `seq`.
    pub type Answer = (u32, Result<Result<Table, ReadError>, ReaderProblem>);

    struct Running {
        worker: web_sys::Worker,
        // Kept alive as long as the worker: the browser calls them.
        _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _onerror: Closure<dyn FnMut(web_sys::Event)>,
    }

    /// The book-reader worker, spawned on the first request and reused.
    #[derive(Clone)]
    pub struct BookReader {
        running: Rc<RefCell<Option<Running>>>,
        /// Requests sent and not answered, so a worker that fails answers each of them.
        pending: Rc<RefCell<Vec<u32>>>,
        onanswer: Callback<Answer>,
    }

    impl BookReader {
        /// A reader that answers through `onanswer` (nothing is spawned yet).
        #[must_use]
        pub fn new(onanswer: Callback<Answer>) -> BookReader {
            BookReader {
                running: Rc::new(RefCell::new(None)),
                pending: Rc::new(RefCell::new(Vec::new())),
                onanswer,
            }
        }

        /// Sends a workbook's bytes to the worker (spawning it first), as request `seq`.
        pub fn read(&self, seq: u32, bytes: &[u8]) {
            if self.running.borrow().is_none() {
                let Some(running) = self.spawn() else {
                    self.onanswer.emit((seq, Err(ReaderProblem::Unavailable)));
                    return;
                };
                *self.running.borrow_mut() = Some(running);
            }
            let array = js_sys::Uint8Array::from(bytes);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"seq".into(), &JsValue::from(seq));
            let _ = js_sys::Reflect::set(&message, &"bytes".into(), &array.buffer());
            let transfer = js_sys::Array::of1(&array.buffer());
            let sent = self.running.borrow().as_ref().map(|r| {
                r.worker
                    .post_message_with_transfer(&message, &transfer)
                    .is_ok()
            });
            if sent == Some(true) {
                self.pending.borrow_mut().push(seq);
            } else {
                self.stop();
                self.onanswer.emit((seq, Err(ReaderProblem::Unavailable)));
            }
        }

        fn stop(&self) {
            if let Some(running) = self.running.borrow_mut().take() {
                running.worker.terminate();
            }
        }

        fn spawn(&self) -> Option<Running> {
            let options = web_sys::WorkerOptions::new();
            let worker = web_sys::Worker::new_with_options(&loader_url(), &options).ok()?;
            let me = self.clone();
            let onmessage = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| me.answered(&event.data()),
            );
            let me = self.clone();
            let onerror =
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                    // The module did not load (or the worker died): every request left unanswered is.
                    me.stop();
                    let pending = std::mem::take(&mut *me.pending.borrow_mut());
                    for seq in pending {
                        me.onanswer.emit((seq, Err(ReaderProblem::Unavailable)));
                    }
                });
            worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
            worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
            Some(Running {
                worker,
                _onmessage: onmessage,
                _onerror: onerror,
            })
        }

        fn answered(&self, data: &JsValue) {
            let get = |key: &str| js_sys::Reflect::get(data, &key.into()).ok();
            let Some(seq) = get("seq").and_then(|v| v.as_f64()).map(|v| v as u32) else {
                return;
            };
            self.pending.borrow_mut().retain(|s| *s != seq);
            let table = get("table").filter(JsValue::is_instance_of::<js_sys::Uint8Array>);
            let answer = if let Some(table) = table {
                Ok(decode_read(&js_sys::Uint8Array::new(&table).to_vec()))
            } else {
                // A trap leaves the worker's wasm in no state to read another file.
                let words = get("failed")
                    .and_then(|f| f.as_string())
                    .unwrap_or_default();
                self.stop_later();
                Err(ReaderProblem::Stopped(words))
            };
            self.onanswer.emit((seq, answer));
        }

        /// Stops the worker after the message handler that called this has returned.
        fn stop_later(&self) {
            let me = self.clone();
            gloo::timers::callback::Timeout::new(0, move || me.stop()).forget();
        }
    }

    /// The reader's loader by the name this release gave it (`src/bin/app_loader.js` sets
    /// `window.cadenceBookReaderLoader`), so a page never starts another release's reader.
    fn loader_url() -> String {
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"cadenceBookReaderLoader".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "./book_reader_loader.js".to_owned())
    }
}
