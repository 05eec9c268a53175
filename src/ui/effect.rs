//! What the page asks the browser to do, as data.
//!
//! A slice's `update` never touches the browser: it returns the effects it wants, and the shell
//! (`ui::shell::runner`, the one place that calls `services`) carries them out and reports back with
//! messages. Natively, tests read the effects an action asked for.

use crate::engine::sensitivity::Outcome;
use crate::engine::Params;
use crate::i18n::Lang;
use crate::ui::views::View;

/// One Monte Carlo job: the scenario it runs and the revision of the result it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct McJob {
    /// The page's job number; the worker pool tags every answer with it.
    pub id: u32,
    /// The workspace revision the job was started from: its result belongs to that scenario.
    pub revision: u64,
    pub params: Params,
    pub runs: u32,
    pub seed: u64,
}

/// One importance job (issue 21): the levers' Sobol design for the scenario of `revision`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportanceJob {
    /// The page's job number; the worker pool tags every answer with it.
    pub id: u32,
    /// The workspace revision the job was started from: its result belongs to that scenario.
    pub revision: u64,
    pub params: Params,
    pub outcome: Outcome,
    pub spread: f64,
    /// Rows of the design.
    pub n: u32,
    pub seed: u64,
}

/// A file the page offers for download.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    /// The file name, already safe for any file system.
    pub file_name: String,
    pub mime: &'static str,
    pub text: String,
}

/// Something only the browser can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Start a Monte Carlo job in the worker pool (cancelling any other).
    StartMonteCarlo(Box<McJob>),
    /// Cancel the running Monte Carlo job.
    CancelMonteCarlo,
    /// Start an importance job in the worker pool (cancelling any other importance job).
    StartImportance(Box<ImportanceJob>),
    /// Cancel the running importance job.
    CancelImportance,
    /// Offer a file for download.
    Download(Download),
    /// Offer a chart as PNG: the browser draws the SVG `scale` times its size over `background`.
    DownloadPng {
        file_name: String,
        svg: String,
        scale: f64,
        background: String,
    },
    /// Put a share link on the clipboard; the answer comes back as a library message.
    CopyLink { url_fragment: String, revision: u64 },
    /// Write the workspace and the library to storage where they changed.
    Autosave,
    /// Remember the language chosen on this machine.
    RememberLang(Lang),
    /// Remember the view shown on this machine.
    RememberView(View),
    /// Remember on this machine whether the start band is hidden.
    RememberStart { hidden: bool },
    /// Keep the mappings remembered per loan-book layout (`scenario::book::layout`'s text).
    RememberBookLayouts(String),
    /// Read a workbook's bytes in the book-reader worker (spawned on the first one); its answer
    /// comes back as `book::Action::WorkbookRead { seq, .. }`.
    ReadWorkbook { seq: u32, bytes: std::rc::Rc<[u8]> },
    /// Tick the play clock every `ms` milliseconds (`None`: stop ticking).
    Ticker(Option<u32>),
    /// Send `library::Action::ContinueImport` once the browser has had its turn (a 0 ms
    /// timeout): the next slice of an import, after the page answered what came in meanwhile.
    ContinueImport,
    /// Send `PlanAction::Settle(ticket)` after `ms` milliseconds (a newer request replaces it).
    SettleGoal { ticket: u64, ms: u32 },
    /// Send `montecarlo::Action::LiveSettle(ticket)` after `ms` milliseconds (a newer request
    /// replaces it).
    SettleMonteCarlo { ticket: u64, ms: u32 },
    /// Enter or leave full screen.
    ToggleFullScreen,
    /// Scroll the page to its top.
    ScrollToTop,
    /// Move the focus to the element with this id and bring it into view.
    Focus(&'static str),
    /// Open the browser's print dialog.
    Print,
}
