//! The "Your data" slice (issue 17): a team's own loan book, chosen or dropped as a file, read in
//! the page (UTF-8 here, GB18030 decoded by the browser, a workbook by the book-reader worker that
//! `Effect::ReadWorkbook` asks for — its answer is `Action::WorkbookRead`), its columns mapped onto the loan-book fields and
//! its grades and status words onto tiers and statuses — each guess a dropdown the person can
//! correct — with the row report, the book on the "as of" date and the rates it speaks to.
//!
//! The model is the file as read and the person's choices; the [`Analysis`] is derived from them
//! by `scenario::book::analyse_table`, the one code path of `cadence book`. A refused file changes
//! nothing (the last file read stays). A person's corrections are remembered per file layout
//! (`scenario::book::layout`, kept in the browser by the shell) and applied to the next file with
//! the same columns. Nothing reaches the workspace or the library until the
//! person starts from the book or accepts a rate; the page (`ui::page`) carries those two out.

pub mod backtest;
pub mod view;

#[cfg(feature = "web")]
pub mod backtest_components;
#[cfg(feature = "web")]
pub mod components;

use std::rc::Rc;

use chrono::NaiveDate;

use crate::engine::params::{ChannelId, Params};
use crate::scenario::book::activity::{self, ActivityFit};
use crate::scenario::book::calibrate::{self, Fitted};
use crate::scenario::book::fit::Estimate;
use crate::scenario::book::layout::{self, Layouts};
use crate::scenario::book::map::{self, Field, Labels, Status, Tier};
use crate::scenario::book::read::{self, ReadError, Table, TextEncoding};
use crate::scenario::book::{analyse_table, start, term_weeks_of, Analysis, BookError};
use crate::scenario::sources;
use crate::ui::effect::Effect;

/// The largest loan-book file the page reads: 100,000 loans are ≈ 7 MB of CSV.
pub const MAX_BOOK_BYTES: u64 = 50 * 1024 * 1024;

/// The sample team's loan book, shipped beside the page (`samples/`, copied by the build).
pub const SAMPLE_URL: &str = "./sample-team-loans.csv";
pub const SAMPLE_NAME: &str = "sample-team-loans.csv";
/// The same book as an Excel workbook (`samples/make_xlsx.py`), for download beside it.
pub const SAMPLE_XLSX_URL: &str = "./sample-team-loans.xlsx";
/// The sample team's weekly activity file, for download beside it.
pub const SAMPLE_ACTIVITY_URL: &str = "./sample-team-activity.csv";

/// How many rows the preview shows.
pub const PREVIEW_ROWS: usize = 5;

/// Why a chosen file was not read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRefusal {
    /// No header row (a workbook: its first sheet is empty).
    Empty,
    /// A zip or compound file that holds no workbook.
    NotWorkbook,
    /// A workbook the reader could not read through.
    Damaged,
    /// A workbook with a password to open it.
    Password,
    /// A workbook without a sheet.
    NoSheet,
    /// The Excel reader could not be loaded (offline before it was ever cached).
    ReaderUnavailable,
    /// Larger than [`MAX_BOOK_BYTES`].
    TooLarge,
    /// The browser could not read it.
    Unreadable,
}

/// A file as the browser handed it over: text decoded (UTF-8 by the page, GB18030 by the
/// browser's `TextDecoder`), a workbook's bytes for the book-reader worker, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Text {
        text: String,
        encoding: TextEncoding,
    },
    Workbook(Rc<[u8]>),
    Refused(FileRefusal),
}

/// Why the workbook reader (natively or in its worker) read no table, as the page says it.
#[must_use]
pub fn refusal_of(error: &ReadError) -> FileRefusal {
    match error {
        ReadError::Empty | ReadError::NotUtf8 => FileRefusal::Empty,
        ReadError::NotWorkbook(_) => FileRefusal::NotWorkbook,
        ReadError::Damaged(_) => FileRefusal::Damaged,
        ReadError::Password => FileRefusal::Password,
        ReadError::NoSheet => FileRefusal::NoSheet,
    }
}

/// A rate of the scenario the book or the activity file can give a value to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rate {
    /// Every term class's weight at once (they sum to 1).
    TermMix,
    Renewal(Tier),
    DefaultPerWeek(Tier),
    Amount(Tier),
    /// `channels.<c>.leads_per_hour`, from the activity file.
    LeadsPerHour(ChannelId),
    /// `channels.<c>.saturation_hours`, from the activity file where it is identified.
    Saturation(ChannelId),
}

impl Rate {
    /// Every rate of the loan book, in the table's order.
    #[must_use]
    pub fn all() -> Vec<Rate> {
        let mut all = vec![Rate::TermMix];
        for make in [Rate::Renewal, Rate::DefaultPerWeek, Rate::Amount] {
            all.extend(Tier::ALL.map(make));
        }
        all
    }

    /// The activity file's rates: each channel it has, its yield and its saturation.
    #[must_use]
    pub fn of_activity(fit: &ActivityFit) -> Vec<Rate> {
        fit.channels
            .iter()
            .flat_map(|c| [Rate::LeadsPerHour(c.channel), Rate::Saturation(c.channel)])
            .collect()
    }

    /// Whether the rate comes from the activity file (else from the loan book).
    #[must_use]
    pub fn from_activity(self) -> bool {
        matches!(self, Rate::LeadsPerHour(_) | Rate::Saturation(_))
    }

    /// The parameters the rate sets, by path (as `cadence params` names them).
    #[must_use]
    pub fn paths(self, params: &Params) -> Vec<String> {
        match self {
            Rate::TermMix => calibrate::term_weight_paths(params.loans.terms.len()),
            Rate::Renewal(t) => vec![format!("loans.renewal_prob.{}", t.id())],
            Rate::DefaultPerWeek(t) => vec![format!("loans.default_per_week.{}", t.id())],
            Rate::Amount(t) => vec![format!("loans.amount_cny.{}", t.id())],
            Rate::LeadsPerHour(c) => vec![format!("channels.{}.leads_per_hour", c.id())],
            Rate::Saturation(c) => vec![format!("channels.{}.saturation_hours", c.id())],
        }
    }

    /// The rate's current values in `params`, one per path.
    #[must_use]
    pub fn of(self, params: &Params) -> Vec<f64> {
        self.paths(params)
            .iter()
            .map(|p| sources::value_at(params, p).unwrap_or(f64::NAN))
            .collect()
    }

    /// Whether `estimate` rests on too few observations to be relied on: under 10 loans for a
    /// renewal rate, an amount or the term mix, under 5 defaults for a default rate, under 10
    /// leads for a channel's yield or saturation. Such a rate is shown with its interval and a
    /// note, may be accepted on its own, and is left out of "Accept all" (`calibrate::is_thin`,
    /// the command line's rule too).
    #[must_use]
    pub fn is_thin(self, estimate: &Estimate) -> bool {
        self.paths(&Params::default())
            .first()
            .is_some_and(|p| calibrate::is_thin(p, estimate))
    }

    /// The fitted values of this rate's parameters: from the book's analysis or the activity
    /// file's fit (empty when it has none, or not for every parameter of the rate).
    #[must_use]
    pub fn fitted(
        self,
        analysis: Option<&Analysis>,
        activity: Option<&ActivityFit>,
        params: &Params,
    ) -> Vec<Fitted> {
        let all = if self.from_activity() {
            activity.map(calibrate::from_activity)
        } else {
            analysis.map(|a| calibrate::from_book(&a.fit))
        }
        .unwrap_or_default();
        let paths = self.paths(params);
        let found: Vec<Fitted> = paths
            .iter()
            .filter_map(|p| all.iter().find(|f| f.path == *p).cloned())
            .collect();
        if found.len() == paths.len() {
            found
        } else {
            Vec::new()
        }
    }

    /// The book's estimate of this rate (the first class's for the term mix), if it has one.
    #[must_use]
    pub fn estimate(self, analysis: &Analysis) -> Option<Estimate> {
        self.fitted(Some(analysis), None, &Params::default())
            .first()
            .map(|f| f.estimate)
    }
}

/// The activity file read, or why it was not.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityLoaded {
    pub name: String,
    pub fit: ActivityFit,
}

/// Why an activity file was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityRefusal {
    File(FileRefusal),
    /// No channel with hours and leads, and no approved with declined.
    NoColumns,
}

/// The file read and what the person chose for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub name: String,
    pub table: Rc<Table>,
    /// Each column's field (the guess, then the person's corrections).
    pub mapping: Vec<Option<Field>>,
    pub labels: Labels,
    /// The "as of" date as typed (empty: the last date in the file).
    pub as_of_text: String,
    /// Everything derived from the choices above.
    pub analysis: Result<Rc<Analysis>, BookError>,
    /// Whether the mapping is one remembered for these columns, and how.
    pub memory: Option<Memory>,
    /// The scenario's term classes `analysis` was made with (all it takes from the scenario):
    /// "Start" and "Accept" reuse it while they are the same.
    pub analysed_with_term_weeks: Vec<u32>,
}

/// How the mapping on screen is remembered for files with the same columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Memory {
    /// Applied, on opening, from the last file with these columns.
    Applied,
    /// The person's corrections to this file, kept for the next one.
    Kept,
}

/// What a person does in "Your data".
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A file was chosen and read (or refused) by the browser.
    Open { name: String, picked: Picked },
    /// The book-reader worker's answer to the workbook of `Effect::ReadWorkbook { seq, .. }`.
    WorkbookRead {
        seq: u32,
        table: Result<Rc<Table>, FileRefusal>,
    },
    /// The weekly activity file was chosen and read (or refused) by the browser.
    OpenActivity { name: String, picked: Picked },
    /// Column `column` holds `field` (`None`: not used); the field leaves any other column.
    SetField { column: usize, field: Option<Field> },
    /// The person's grade label means this tier (`None`: back to the usual reading of it).
    SetTier { label: String, tier: Option<Tier> },
    /// The person's status word means this status (`None`: back to the usual reading of it).
    SetStatus {
        word: String,
        status: Option<Status>,
    },
    /// Typed text in the "as of" field.
    SetAsOf(String),
    /// "Forget this mapping": the remembered layout goes, the file is read as first guessed.
    ForgetMapping,
    /// "Start from this book" (carried out by the page: it changes the workspace).
    Start,
    /// "Accept" beside one rate (carried out by the page).
    Accept(Rate),
    /// "Accept all" (carried out by the page).
    AcceptAll,
    /// The back-test's own actions (`backtest`).
    Backtest(backtest::Action),
}

/// The slice's model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    /// Boxed: the page is cloned whole, and its size stays that of the other slices.
    pub loaded: Option<Box<Loaded>>,
    /// The last file refused, with why; the file read before it stays.
    pub refused: Option<(String, FileRefusal)>,
    /// The workbook the book-reader worker is reading (its request number and name): a file
    /// chosen meanwhile supersedes it, and its late answer is dropped.
    pub reading: Option<(u32, String)>,
    /// The activity file being read as a workbook, likewise (the same request numbers).
    pub reading_activity: Option<(u32, String)>,
    /// The last workbook request's number.
    pub read_seq: u32,
    /// After "Start from this book": the loans the workspace started from and the day.
    pub started: Option<(u32, NaiveDate)>,
    /// Rates accepted into the scenario from this file.
    pub accepted: Vec<Rate>,
    /// The weekly activity file read (optional), and the last one refused with why.
    pub activity: Option<ActivityLoaded>,
    pub activity_refused: Option<(String, ActivityRefusal)>,
    /// Today, as the page's clock gave it at start-up: the day accepted values are "fitted on".
    pub today: NaiveDate,
    /// The mappings remembered per file layout (restored by the shell from the browser).
    pub layouts: Layouts,
    /// The stored layouts could not be read (unreadable or newer): none are written over them.
    pub layouts_locked: bool,
    /// The back-test of the book on screen (made again by the page while the view is shown).
    pub backtest: backtest::Model,
}

/// A chosen file's bytes as the slice takes them: a workbook (by its first bytes) for the
/// book-reader worker, UTF-8 read here, anything else decoded as GB18030 by `gb18030` (the
/// browser's `TextDecoder` in the page), or unreadable when that fails.
pub fn picked(bytes: &[u8], gb18030: impl FnOnce(&[u8]) -> Option<String>) -> Picked {
    match read::kind(bytes) {
        read::Kind::Xlsx | read::Kind::Xls => Picked::Workbook(Rc::from(bytes)),
        read::Kind::Text => match read::decode_utf8(bytes) {
            Some((text, encoding)) => Picked::Text { text, encoding },
            None => gb18030(bytes).map_or(Picked::Refused(FileRefusal::Unreadable), |text| {
                Picked::Text {
                    text,
                    encoding: TextEncoding::Gb18030,
                }
            }),
        },
    }
}

/// The "as of" date typed: `Ok(None)` when empty.
///
/// # Errors
/// The text, trimmed, when it is no date.
pub fn as_of_of(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    map::parse_date(text)
        .map(Some)
        .ok_or_else(|| text.to_owned())
}

impl Loaded {
    /// Derives the analysis again from the choices, with `params`' term classes. The table is
    /// shared, not copied: a keystroke costs the analysis alone.
    fn analyse(&mut self, params: &Params) {
        // A date that is no date leaves the book on the file's last date; its error shows beside it.
        let as_of = as_of_of(&self.as_of_text).unwrap_or(None);
        self.analysis = analyse_table(
            Rc::clone(&self.table),
            self.mapping.clone(),
            &self.labels,
            as_of,
            params,
        )
        .map(Rc::new);
        self.analysed_with_term_weeks = term_weeks_of(params);
    }

    /// The distinct values of the column mapped to `field`, with how many rows hold each, in the
    /// order first met (at most 20: grades and statuses are few).
    #[must_use]
    pub fn values_of(&self, field: Field) -> Vec<(String, usize)> {
        let Some(column) = self.mapping.iter().position(|f| *f == Some(field)) else {
            return Vec::new();
        };
        let mut values: Vec<(String, usize)> = Vec::new();
        for row in &self.table.rows {
            let value = row.cell(column);
            if value.is_empty() {
                continue;
            }
            if let Some(entry) = values.iter_mut().find(|(v, _)| v == value) {
                entry.1 += 1;
            } else if values.len() < 20 {
                values.push((value.to_owned(), 1));
            }
        }
        values
    }
}

impl Model {
    /// The layouts stored in the browser (`None`: none stored); a text that cannot be read is
    /// left as it is and never written over.
    pub fn restore_layouts(&mut self, stored: Option<&str>) {
        match stored.map(layout::read) {
            None => {}
            Some(Ok(layouts)) => self.layouts = layouts,
            Some(Err(_)) => self.layouts_locked = true,
        }
    }

    /// The effect that stores the layouts, unless they must not be written.
    fn store_layouts(&self) -> Vec<Effect> {
        if self.layouts_locked {
            return Vec::new();
        }
        vec![Effect::RememberBookLayouts(layout::write(&self.layouts))]
    }

    /// Remembers the open file's mapping for its layout (after the person corrected it).
    fn remember(&mut self) -> Vec<Effect> {
        let Some(loaded) = &mut self.loaded else {
            return Vec::new();
        };
        self.layouts
            .remember(&loaded.table.header, &loaded.mapping, &loaded.labels);
        loaded.memory = Some(Memory::Kept);
        self.store_layouts()
    }

    /// Applies one action of the slice's own (the page carries out `Start` and `Accept`); the
    /// effects store a corrected mapping for the file's layout.
    pub fn update(&mut self, action: Action, params: &Params) -> Vec<Effect> {
        let corrects = matches!(
            action,
            Action::SetField { .. } | Action::SetTier { .. } | Action::SetStatus { .. }
        );
        match action {
            Action::Open { name, picked } => return self.open(name, picked, params),
            Action::WorkbookRead { seq, table } => {
                if let Some((_, name)) = self.reading.take_if(|(reading, _)| *reading == seq) {
                    self.take(name, table, params);
                } else if let Some((_, name)) = self
                    .reading_activity
                    .take_if(|(reading, _)| *reading == seq)
                {
                    self.take_activity(name, table.map_err(ActivityRefusal::File));
                }
            }
            Action::OpenActivity { name, picked } => return self.open_activity(name, picked),
            Action::ForgetMapping => return self.forget(params),
            Action::SetField { column, field } => {
                if let Some(loaded) = &mut self.loaded {
                    if column < loaded.mapping.len() {
                        if field.is_some() {
                            for slot in &mut loaded.mapping {
                                if *slot == field {
                                    *slot = None;
                                }
                            }
                        }
                        loaded.mapping[column] = field;
                        loaded.analyse(params);
                    }
                }
            }
            Action::SetTier { label, tier } => {
                if let Some(loaded) = &mut self.loaded {
                    loaded.labels.tiers.retain(|(l, _)| *l != label);
                    if let Some(tier) = tier {
                        loaded.labels.tiers.push((label, tier));
                    }
                    loaded.analyse(params);
                }
            }
            Action::SetStatus { word, status } => {
                if let Some(loaded) = &mut self.loaded {
                    loaded.labels.statuses.retain(|(w, _)| *w != word);
                    if let Some(status) = status {
                        loaded.labels.statuses.push((word, status));
                    }
                    loaded.analyse(params);
                }
            }
            Action::SetAsOf(text) => {
                if let Some(loaded) = &mut self.loaded {
                    loaded.as_of_text = text;
                    loaded.analyse(params);
                }
            }
            Action::Backtest(action) => self.backtest.update(action),
            Action::Start | Action::Accept(_) | Action::AcceptAll => {}
        }
        if corrects && self.loaded.is_some() {
            self.remember()
        } else {
            Vec::new()
        }
    }

    fn forget(&mut self, params: &Params) -> Vec<Effect> {
        let Some(loaded) = &mut self.loaded else {
            return Vec::new();
        };
        let forgot = self.layouts.forget(&loaded.table.header);
        loaded.mapping = map::guess(&loaded.table);
        loaded.labels = Labels::default();
        loaded.memory = None;
        loaded.analyse(params);
        if forgot {
            self.store_layouts()
        } else {
            Vec::new()
        }
    }

    /// The activity file chosen: text read at once, a workbook sent to the reader like a book's.
    fn open_activity(&mut self, name: String, picked: Picked) -> Vec<Effect> {
        self.reading_activity = None;
        let table = match picked {
            Picked::Refused(refusal) => Err(ActivityRefusal::File(refusal)),
            Picked::Workbook(bytes) => {
                self.read_seq = self.read_seq.wrapping_add(1);
                self.reading_activity = Some((self.read_seq, name));
                return vec![Effect::ReadWorkbook {
                    seq: self.read_seq,
                    bytes,
                }];
            }
            Picked::Text { text, encoding } => match read::read_text(&text, encoding) {
                Ok(table) => Ok(Rc::new(table)),
                Err(_) => Err(ActivityRefusal::File(FileRefusal::Empty)),
            },
        };
        self.take_activity(name, table);
        Vec::new()
    }

    /// The activity file's table read (or refused): its fit replaces the one on screen.
    fn take_activity(&mut self, name: String, table: Result<Rc<Table>, ActivityRefusal>) {
        match table.and_then(|t| {
            activity::fit_activity(&t)
                .map_err(|activity::ActivityError::NoColumns| ActivityRefusal::NoColumns)
        }) {
            Ok(fit) => {
                self.activity = Some(ActivityLoaded { name, fit });
                self.activity_refused = None;
            }
            Err(refusal) => self.activity_refused = Some((name, refusal)),
        }
    }

    /// A file chosen: text read at once, a workbook sent to the reader (the file before it stays
    /// on screen until the answer comes).
    fn open(&mut self, name: String, picked: Picked, params: &Params) -> Vec<Effect> {
        // Whatever was being read is superseded by the file chosen last.
        self.reading = None;
        let table = match picked {
            Picked::Refused(refusal) => Err(refusal),
            Picked::Text { text, encoding } => read::read_text(&text, encoding)
                .map(Rc::new)
                .map_err(|e| refusal_of(&e)),
            Picked::Workbook(bytes) => {
                self.read_seq = self.read_seq.wrapping_add(1);
                self.reading = Some((self.read_seq, name));
                return vec![Effect::ReadWorkbook {
                    seq: self.read_seq,
                    bytes,
                }];
            }
        };
        self.take(name, table, params);
        Vec::new()
    }

    /// A file read (or refused): a table replaces the one on screen, a refusal keeps it.
    fn take(&mut self, name: String, table: Result<Rc<Table>, FileRefusal>, params: &Params) {
        match table {
            Err(refusal) => self.refused = Some((name, refusal)),
            Ok(table) => {
                let mapping = map::guess(&table);
                let mut loaded = Loaded {
                    name,
                    table,
                    mapping,
                    labels: Labels::default(),
                    as_of_text: String::new(),
                    analysis: Err(BookError::MissingFields(Vec::new())),
                    analysed_with_term_weeks: Vec::new(),
                    memory: None,
                };
                if let Some(remembered) = self.layouts.find(&loaded.table.header) {
                    loaded.mapping.clone_from(&remembered.fields);
                    loaded.labels = remembered.labels.clone();
                    loaded.memory = Some(Memory::Applied);
                }
                loaded.analyse(params);
                self.loaded = Some(Box::new(loaded));
                self.refused = None;
                self.started = None;
                self.accepted.clear();
            }
        }
    }

    /// The analysis of the file with `params`' term classes, when the book can be started from:
    /// the one on screen while the scenario's term classes are those it was made with (the other
    /// choices are the same by construction), else made again.
    #[must_use]
    pub fn analysis_for(&self, params: &Params) -> Option<Rc<Analysis>> {
        let loaded = self.loaded.as_ref()?;
        let as_of = as_of_of(&loaded.as_of_text).ok()?;
        if loaded.analysed_with_term_weeks == term_weeks_of(params) {
            return loaded.analysis.as_ref().ok().map(Rc::clone);
        }
        analyse_table(
            Rc::clone(&loaded.table),
            loaded.mapping.clone(),
            &loaded.labels,
            as_of,
            params,
        )
        .ok()
        .map(Rc::new)
    }

    /// Makes the back-test of the book on screen again if it or `params` changed.
    pub fn refresh_backtest(&mut self, params: &Params) {
        let analysis = self.loaded.as_ref().and_then(|l| l.analysis.as_ref().ok());
        self.backtest.refresh(analysis, params);
    }

    /// `params` starting from the book (`init = custom`, as `cadence book --out` writes it), with
    /// the loans it holds; `None` without a usable book or with an "as of" that is no date.
    #[must_use]
    pub fn starting_params(&self, params: &Params) -> Option<(Params, u32, NaiveDate)> {
        let analysis = self.analysis_for(params)?;
        let loans = Tier::ALL
            .iter()
            .map(|t| analysis.book.active_in(*t))
            .sum::<u32>();
        Some((
            start::starting_from(params, &analysis.book),
            loans,
            analysis.book.as_of,
        ))
    }

    /// The fitted values of `rate`'s parameters and the file they come from.
    #[must_use]
    pub fn fitted(&self, rate: Rate, params: &Params) -> Option<(Vec<Fitted>, String)> {
        let (fitted, file) = if rate.from_activity() {
            let loaded = self.activity.as_ref()?;
            (
                rate.fitted(None, Some(&loaded.fit), params),
                loaded.name.clone(),
            )
        } else {
            let analysis = self.analysis_for(params)?;
            let name = self.loaded.as_ref()?.name.clone();
            (rate.fitted(Some(&analysis), None, params), name)
        };
        (!fitted.is_empty()).then_some((fitted, file))
    }

    /// `params` with the fitted value of each of `rates` (those there is one for), each recorded
    /// with its source (the file, today); nothing when there is none.
    pub fn accept(&mut self, params: &Params, rates: &[Rate]) -> Option<Params> {
        let mut next = params.clone();
        let mut any = false;
        let today = self.today.to_string();
        for rate in rates {
            if let Some((fitted, file)) = self.fitted(*rate, &next) {
                next = calibrate::calibrated(&next, &fitted, &file, &today);
                if !self.accepted.contains(rate) {
                    self.accepted.push(*rate);
                }
                any = true;
            }
        }
        any.then_some(next)
    }

    /// Every rate on screen: the book's (when a book is read) and the activity file's.
    #[must_use]
    pub fn rates(&self) -> Vec<Rate> {
        let mut rates = if self.loaded.is_some() {
            Rate::all()
        } else {
            Vec::new()
        };
        if let Some(loaded) = &self.activity {
            rates.extend(Rate::of_activity(&loaded.fit));
        }
        rates
    }

    /// "Accept all": every rate the data speak to with enough observations (see `Rate::is_thin`).
    pub fn accept_all(&mut self, params: &Params) -> Option<Params> {
        let solid: Vec<Rate> = self
            .rates()
            .into_iter()
            .filter(|r| {
                self.fitted(*r, params)
                    .is_some_and(|(f, _)| f.iter().all(|f| !r.is_thin(&f.estimate)))
            })
            .collect();
        self.accept(params, &solid)
    }
}

#[cfg(test)]
mod tests;
