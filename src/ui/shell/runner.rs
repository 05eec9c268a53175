//! The effect runner: owns the page, hands it every message, and carries out the effects its
//! `update` returns — the only code of the page that calls `services`.
//!
//! Messages are queued: an effect that answers at once (a storage failure becomes a notice) is
//! handled after the message that caused it, never inside it. After a batch the root component
//! renders again.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use gloo::timers::callback::{Interval, Timeout};
use yew::Callback;

use crate::scenario::book::read::{ReadError, Table};
use crate::scenario::to_json;
use crate::services::book_reader::{BookReader, ReaderProblem};
use crate::services::monte_carlo::{worker_count, McEvent, McPool, SobolSetup};
use crate::services::storage::{BrowserStore, Store};
use crate::services::{clock, display, files, locale, share};
use crate::ui::book;
use crate::ui::effect::{Effect, ImportanceJob, McJob};
use crate::ui::library;
use crate::ui::montecarlo;
use crate::ui::page::{Msg, Page, View};
use crate::ui::persist::{self, Autosave};
use crate::ui::plan;
use crate::ui::sensitivity;
use crate::ui::trainer::{self, clock::PlayAction};

/// A name for this tab, unique among the tabs that share its storage: the library's ids and
/// change stamps carry it, so two tabs never make the same id (53 random bits, base 36).
fn tab_name() -> String {
    let mut n = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    let mut out = String::new();
    while n > 0 || out.is_empty() {
        let digit = (n % 36) as u32;
        out.push(char::from_digit(digit, 36).unwrap_or('0'));
        n /= 36;
    }
    out
}

/// The book-reader worker's answer as the book slice takes it.
fn workbook_read((seq, answer): (u32, Result<Result<Table, ReadError>, ReaderProblem>)) -> Msg {
    let table = match answer {
        Ok(Ok(table)) => Ok(Rc::new(table)),
        Ok(Err(error)) => Err(book::refusal_of(&error)),
        Err(ReaderProblem::Unavailable) => Err(book::FileRefusal::ReaderUnavailable),
        // The reader stopped inside this file: it is damaged in a way the reader did not expect.
        Err(ReaderProblem::Stopped(_)) => Err(book::FileRefusal::Damaged),
    };
    Msg::Book(book::Action::WorkbookRead { seq, table })
}

/// Where the view shown is remembered.
pub const VIEW_KEY: &str = "cadence.view";
/// Whether the start band is hidden on this machine (`"hidden"`).
pub const START_KEY: &str = "cadence.start";
/// The loan-book mappings remembered per file layout (`scenario::book::layout`).
pub const BOOK_LAYOUTS_KEY: &str = "cadence.book.layouts";

/// The page and everything that carries out its effects.
pub struct Shell {
    page: RefCell<Page>,
    queue: RefCell<VecDeque<Msg>>,
    busy: Cell<bool>,
    store: RefCell<BrowserStore>,
    autosave: RefCell<Autosave>,
    /// Spawned on the first Monte Carlo run and reused: starting a worker costs ~100 ms.
    pool: RefCell<Option<McPool>>,
    /// The Excel reader, spawned on the first workbook chosen and reused.
    book_reader: RefCell<Option<BookReader>>,
    ticker: RefCell<Option<Interval>>,
    /// Replacing the pending timeout cancels it: only the last keystroke's goal is solved.
    settle: RefCell<Option<Timeout>>,
    /// The same for the live Monte Carlo fan: only the last edit's scenario runs.
    settle_mc: RefCell<Option<Timeout>>,
    /// Renders the root component again.
    rerender: RefCell<Option<Callback<()>>>,
    me: Weak<Shell>,
}

impl Shell {
    /// The page restored from the browser's storage.
    #[must_use]
    pub fn restore() -> Rc<Shell> {
        let mut store = BrowserStore::open();
        let (mut page, autosave) = persist::restore(
            &mut store,
            locale::initial_lang(),
            clock::today(),
            &tab_name(),
        );
        // Known before the first render, so a band hidden on this machine never flashes.
        page.start.hidden = store.get(START_KEY).ok().flatten().as_deref() == Some("hidden");
        page.book
            .restore_layouts(store.get(BOOK_LAYOUTS_KEY).ok().flatten().as_deref());
        Rc::new_cyclic(|me| Shell {
            page: RefCell::new(page),
            queue: RefCell::new(VecDeque::new()),
            busy: Cell::new(false),
            store: RefCell::new(store),
            autosave: RefCell::new(autosave),
            pool: RefCell::new(None),
            book_reader: RefCell::new(None),
            ticker: RefCell::new(None),
            settle: RefCell::new(None),
            settle_mc: RefCell::new(None),
            rerender: RefCell::new(None),
            me: me.clone(),
        })
    }

    /// Sets what renders the page again after a batch of messages.
    pub fn on_render(&self, rerender: Callback<()>) {
        *self.rerender.borrow_mut() = Some(rerender);
    }

    /// The page as it is now, to render.
    pub fn page(&self) -> std::cell::Ref<'_, Page> {
        self.page.borrow()
    }

    /// A callback that sends a message to the page.
    #[must_use]
    pub fn dispatcher(&self) -> Callback<Msg> {
        let me = self.me.clone();
        Callback::from(move |msg: Msg| {
            if let Some(shell) = me.upgrade() {
                shell.dispatch(msg);
            }
        })
    }

    /// Hands `msg` to the page, runs the effects it asks for, then renders.
    pub fn dispatch(&self, msg: Msg) {
        self.queue.borrow_mut().push_back(msg);
        self.flush();
    }

    /// Runs an effect a component asks for directly (a chart's download), then what it answers.
    pub fn run_effect(&self, effect: Effect) {
        self.run(effect);
        self.flush();
    }

    /// Handles every queued message, unless that is already happening further up the stack.
    fn flush(&self) {
        if self.busy.replace(true) {
            return;
        }
        loop {
            let next = self.queue.borrow_mut().pop_front();
            let Some(msg) = next else { break };
            let effects = self.page.borrow_mut().update(msg);
            for effect in effects {
                self.run(effect);
            }
        }
        self.busy.set(false);
        let rerender = self.rerender.borrow().clone();
        if let Some(rerender) = rerender {
            rerender.emit(());
        }
    }

    fn send(&self, msg: Msg) {
        self.queue.borrow_mut().push_back(msg);
    }

    /// "Your data"'s effects: a corrected mapping stored, a workbook sent to the Excel reader
    /// (spawned on the first one).
    fn book(&self, effect: Effect) {
        match effect {
            Effect::RememberBookLayouts(text) => {
                // Not remembering is harmless: the next file with these columns is guessed again.
                let _ = self.store.borrow_mut().set(BOOK_LAYOUTS_KEY, &text);
            }
            Effect::ReadWorkbook { seq, bytes } => {
                let mut reader = self.book_reader.borrow_mut();
                reader
                    .get_or_insert_with(|| BookReader::new(self.dispatcher().reform(workbook_read)))
                    .read(seq, &bytes);
            }
            _ => {}
        }
    }

    fn run(&self, effect: Effect) {
        let dispatch = self.dispatcher();
        match effect {
            Effect::StartMonteCarlo(job) => self.start_monte_carlo(&job),
            Effect::CancelMonteCarlo => {
                if let Some(pool) = self.pool.borrow().as_ref() {
                    pool.cancel();
                }
            }
            Effect::StartImportance(job) => self.start_importance(&job),
            Effect::CancelImportance => {
                if let Some(pool) = self.pool.borrow().as_ref() {
                    pool.cancel_sobol();
                }
            }
            Effect::Download(download) => {
                files::download(&download.file_name, &download.text, download.mime);
            }
            Effect::DownloadPng {
                file_name,
                svg,
                scale,
                background,
            } => files::download_svg_as_png(&file_name, &svg, scale, &background),
            Effect::CopyLink {
                url_fragment,
                revision,
            } => {
                let url = share::link_to(&url_fragment);
                self.send(Msg::Library(library::Action::ShareMade {
                    revision,
                    url: url.clone(),
                }));
                share::copy_text(
                    &url,
                    Callback::from(move |copied: bool| {
                        dispatch.emit(Msg::Library(library::Action::ShareCopied {
                            revision,
                            copied,
                        }));
                    }),
                );
            }
            Effect::Autosave => {
                let answers = self
                    .autosave
                    .borrow_mut()
                    .save(&mut *self.store.borrow_mut(), &self.page.borrow());
                for answer in answers {
                    self.send(Msg::Library(answer));
                }
            }
            Effect::RememberLang(lang) => locale::remember_lang(lang),
            Effect::RememberView(view) => {
                // Not remembering the view is harmless: the page opens on the workspace.
                let _ = self.store.borrow_mut().set(VIEW_KEY, view.id());
            }
            Effect::RememberStart { hidden } => {
                // Not remembering is harmless: the band shows again on the next visit.
                let mut store = self.store.borrow_mut();
                let _ = if hidden {
                    store.set(START_KEY, "hidden")
                } else {
                    store.remove(START_KEY)
                };
            }
            Effect::RememberBookLayouts(_) | Effect::ReadWorkbook { .. } => self.book(effect),
            Effect::Ticker(every) => {
                *self.ticker.borrow_mut() = every.map(|ms| {
                    Interval::new(ms, move || {
                        dispatch.emit(Msg::Trainer(trainer::Action::Play(PlayAction::Tick)));
                    })
                });
            }
            Effect::ContinueImport => {
                Timeout::new(0, move || {
                    dispatch.emit(Msg::Library(library::Action::ContinueImport));
                })
                .forget();
            }
            Effect::SettleGoal { ticket, ms } => {
                *self.settle.borrow_mut() = Some(Timeout::new(ms, move || {
                    dispatch.emit(Msg::Plan(plan::Action::Settle(ticket)));
                }));
            }
            Effect::SettleMonteCarlo { ticket, ms } => {
                *self.settle_mc.borrow_mut() = Some(Timeout::new(ms, move || {
                    dispatch.emit(Msg::Mc(montecarlo::Action::LiveSettle(ticket)));
                }));
            }
            Effect::ToggleFullScreen => display::toggle_full_screen(),
            Effect::ScrollToTop => display::scroll_to_top(),
            Effect::Focus(id) => {
                // After the render that shows the element.
                Timeout::new(0, move || display::focus_and_show(id)).forget();
            }
            Effect::Print => {
                if let Some(window) = web_sys::window() {
                    // Printing is the browser's; nothing to do if it refuses.
                    let _ = window.print();
                }
            }
        }
    }

    /// The worker pool, spawned on first use and reused (starting a worker costs ~100 ms).
    fn pool(&self) -> McPool {
        let mut slot = self.pool.borrow_mut();
        slot.get_or_insert_with(|| {
            let dispatch = self.dispatcher();
            McPool::spawn(
                worker_count(),
                Rc::new(move |event: McEvent| {
                    dispatch.emit(match event {
                        McEvent::Progress { job, done, total } => {
                            Msg::Mc(montecarlo::Action::Progress { job, done, total })
                        }
                        McEvent::Finished { job, output } => {
                            Msg::Mc(montecarlo::Action::Finished { job, output })
                        }
                        McEvent::Failed { job, message } => {
                            Msg::Mc(montecarlo::Action::Failed { job, message })
                        }
                        McEvent::SobolProgress { job, done, total } => {
                            Msg::Sensitivity(sensitivity::Action::ImportanceProgress {
                                job,
                                done,
                                total,
                            })
                        }
                        McEvent::SobolFinished { job, importance } => {
                            Msg::Sensitivity(sensitivity::Action::ImportanceFinished {
                                job,
                                importance,
                            })
                        }
                        McEvent::SobolFailed { job, message } => {
                            Msg::Sensitivity(sensitivity::Action::ImportanceFailed { job, message })
                        }
                    });
                }),
            )
        })
        .clone()
    }

    fn start_importance(&self, job: &ImportanceJob) {
        let setup = SobolSetup {
            params: job.params.clone(),
            outcome: job.outcome,
            spread: job.spread,
            seed: job.seed,
        };
        self.pool()
            .start_sobol(job.id, setup, &to_json(&job.params), job.n);
    }

    fn start_monte_carlo(&self, job: &McJob) {
        self.pool().start(
            job.id,
            &job.params,
            &to_json(&job.params),
            job.runs,
            job.seed,
        );
    }

    /// Writes what is not written yet, now (the tab is being hidden or closed).
    pub fn save_now(&self) {
        self.run(Effect::Autosave);
        self.flush();
    }

    /// The view remembered on this machine, if any.
    #[must_use]
    pub fn remembered_view(&self) -> Option<View> {
        let stored = self.store.borrow().get(VIEW_KEY).ok().flatten();
        stored.as_deref().and_then(View::from_id)
    }
}
