//! The workspace state and its transition table: one `Reducible` with verb-named actions.
//!
//! The draft scenario is what the person has typed. Every edit re-validates it; a valid draft is
//! simulated at once (expected values, well under a millisecond) and becomes the shown result. An
//! invalid one keeps the last valid result on screen, marked out of date, and nothing is reset.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};

use crate::engine::montecarlo::McOutput;
use crate::engine::params::{
    Amortisation, Calendar, Entry, InitialBook, PolicyKind, ProspectingChange, QueueOrder, Shock,
    ShockKind, TermClass,
};
use crate::engine::ChannelId;
use crate::engine::{interventions, presets, run_ev, validate, EvOutput, ParamError, Params};
use crate::i18n::{Lang, Text};
use crate::scenario::library::{self as files, Imported, NamedScenario, WorkspaceSnapshot};
use crate::scenario::link::{self, LinkError};
pub use crate::services::files::ReadFile;
use crate::ui::format;
use crate::ui::library::entries::{EntryId, Item, Library};
use crate::ui::library::notice::{Notice, Notices, Source};
use crate::ui::trainer::clock::{Play, PlayAction, View};
use crate::ui::workspace::fields::{Field, MAX_SHOCKS, MAX_TERMS};

/// Scenarios a person can pin for comparison.
pub const MAX_PINNED: usize = 4;

/// A valid scenario and its expected-value run.
#[derive(Debug)]
pub struct Computed {
    pub params: Params,
    pub start_date: NaiveDate,
    pub ev: EvOutput,
}

impl Computed {
    /// Validates and runs a scenario; `Err` lists every problem.
    pub fn run(params: &Params, start_date: NaiveDate) -> Result<Computed, Vec<ParamError>> {
        let valid = validate(params)?;
        Ok(Computed {
            params: params.clone(),
            start_date,
            ev: run_ev(&valid),
        })
    }
}

/// A scenario pinned for comparison, under the name the person gave it.
#[derive(Debug, Clone)]
pub struct Pinned {
    pub name: String,
    pub computed: Rc<Computed>,
}

impl PartialEq for Pinned {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Rc::ptr_eq(&self.computed, &other.computed)
    }
}

/// Why a typed value could not even be handed to the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem {
    /// Not a number.
    NotANumber,
    /// Empty where a value is required.
    Empty,
}

/// The kinds of shock a person can add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShockChoice {
    Burst,
    Demand,
    Capacity,
    Credit,
    /// Prospecting changes: stop, resume (back to the policy), set hours, keep at least hours.
    ProspectingStop,
    ProspectingResume,
    ProspectingSet,
    ProspectingFloor,
    ChannelMix,
    Team,
}

impl ShockChoice {
    /// The kind of an existing shock.
    #[must_use]
    pub fn of(kind: &ShockKind) -> ShockChoice {
        match kind {
            ShockKind::Burst { .. } => ShockChoice::Burst,
            ShockKind::Demand { .. } => ShockChoice::Demand,
            ShockKind::Capacity { .. } => ShockChoice::Capacity,
            ShockKind::Credit { .. } => ShockChoice::Credit,
            ShockKind::Prospecting { change } => match change {
                ProspectingChange::Stop => ShockChoice::ProspectingStop,
                ProspectingChange::Resume => ShockChoice::ProspectingResume,
                ProspectingChange::Set { .. } => ShockChoice::ProspectingSet,
                ProspectingChange::Floor { .. } => ShockChoice::ProspectingFloor,
            },
            ShockKind::ChannelMix { .. } => ShockChoice::ChannelMix,
            ShockKind::Team { .. } => ShockChoice::Team,
        }
    }

    /// A new shock of this kind with a sensible size (the fault preset's burst, a 2.5× demand
    /// spike, one AM in six away, defaults doubling, 4 h of prospecting, the default channel
    /// shares, one more AM).
    #[must_use]
    pub fn default_kind(self) -> ShockKind {
        match self {
            ShockChoice::Burst => ShockKind::Burst {
                apps_per_am: 6.0,
                mix: None,
            },
            ShockChoice::Demand => ShockKind::Demand {
                mult: 2.5,
                flows: None,
            },
            ShockChoice::Capacity => ShockKind::Capacity { frac: 1.0 / 6.0 },
            ShockChoice::Credit => ShockKind::Credit { mult: 2.0 },
            ShockChoice::ProspectingStop => ShockKind::Prospecting {
                change: ProspectingChange::Stop,
            },
            ShockChoice::ProspectingResume => ShockKind::Prospecting {
                change: ProspectingChange::Resume,
            },
            ShockChoice::ProspectingSet => ShockKind::Prospecting {
                change: ProspectingChange::Set { hours: 4.0 },
            },
            ShockChoice::ProspectingFloor => ShockKind::Prospecting {
                change: ProspectingChange::Floor { hours: 4.0 },
            },
            ShockChoice::ChannelMix => ShockKind::ChannelMix {
                shares: Params::default().channels.map(|c| c.hour_share),
            },
            ShockChoice::Team => ShockKind::Team { ams_delta: 1.0 },
        }
    }
}

/// Seasonality choices offered by the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarChoice {
    None,
    China,
}

/// Where a Monte Carlo run on demand stands.
#[derive(Debug, Clone)]
pub enum McStatus {
    Idle,
    Running {
        done: u32,
        total: u32,
    },
    /// Finished for the result of `revision`.
    Done {
        output: Rc<McOutput>,
        revision: u64,
    },
    Cancelled {
        done: u32,
        total: u32,
    },
    Failed(String),
}

impl PartialEq for McStatus {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (McStatus::Idle, McStatus::Idle) => true,
            (
                McStatus::Running { done, total },
                McStatus::Running {
                    done: d2,
                    total: t2,
                },
            )
            | (
                McStatus::Cancelled { done, total },
                McStatus::Cancelled {
                    done: d2,
                    total: t2,
                },
            ) => done == d2 && total == t2,
            (
                McStatus::Done { output, revision },
                McStatus::Done {
                    output: o2,
                    revision: r2,
                },
            ) => Rc::ptr_eq(output, o2) && revision == r2,
            (McStatus::Failed(a), McStatus::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// The Monte Carlo controls: runs and seed as typed, and the run's status.
#[derive(Debug, Clone, PartialEq)]
pub struct McControls {
    pub runs_text: String,
    pub seed_text: String,
    pub status: McStatus,
}

/// Problems with the Monte Carlo controls, each shown next to its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum McInputProblem {
    /// Runs must be a whole number from 10 to 10,000.
    Runs,
    /// The seed must be a whole number from 0 to 2^64 − 1.
    Seed,
}

impl McControls {
    /// The runs and seed to start with, or the problems that stop a start.
    pub fn parsed(&self) -> Result<(u32, u64), Vec<McInputProblem>> {
        let runs = format::parse_number(&self.runs_text)
            .filter(|r| r.fract() == 0.0 && (10.0..=10_000.0).contains(r))
            .map(|r| r as u32);
        let seed = self.seed_text.trim().parse::<u64>().ok();
        match (runs, seed) {
            (Some(r), Some(s)) => Ok((r, s)),
            (r, s) => Err([
                r.is_none().then_some(McInputProblem::Runs),
                s.is_none().then_some(McInputProblem::Seed),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

/// Everything the page shows that is not derived on the fly.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub lang: Lang,
    /// The scenario as typed (numbers that parsed).
    pub params: Params,
    /// Week 0's Monday; sets the chart dates and the week of the year.
    pub start_date: NaiveDate,
    /// The text of fields as typed, kept so an input shows exactly what the person wrote.
    pub texts: HashMap<Field, String>,
    /// Fields whose text is not a number.
    pub input_problems: HashMap<Field, InputProblem>,
    /// The engine's verdict on the draft.
    pub errors: Vec<ParamError>,
    /// The last valid run; kept while the draft is invalid.
    pub result: Option<Rc<Computed>>,
    /// Whether `result` is older than the draft (the draft is invalid).
    pub stale: bool,
    /// Whether the advanced inputs are shown.
    pub advanced: bool,
    pub pinned: Vec<Pinned>,
    /// Index into `pinned` that the compare table measures differences from.
    pub reference: usize,
    /// Bumped on every new result, so components can tell results apart cheaply.
    pub revision: u64,
    pub mc: McControls,
    /// The scenarios the person keeps.
    pub library: Library,
    /// The name of the scenario being edited: its library entry's, or a shared link's.
    pub title: Option<String>,
    /// Whether `title` names the library entry the scenario was opened from or saved to, so Save
    /// updates that entry.
    pub in_library: bool,
    /// A state that losing costs nothing (the defaults, an unchanged preset, what was last opened
    /// or saved); `None` after a link, whose scenario exists nowhere else on this machine.
    pub baseline: Option<(Params, NaiveDate)>,
    pub notices: Notices,
    /// The view shown (workspace, plan, trainer).
    pub view: View,
    /// Trainer mode's play clock.
    pub play: Play,
    /// The run of the scenario without the trainer's decisions (the ghost line), when it has some.
    pub ghost: Option<Rc<Computed>>,
}

impl PartialEq for Workspace {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.lang == other.lang
            && self.params == other.params
            && self.start_date == other.start_date
            && self.texts == other.texts
            && self.errors == other.errors
            && self.stale == other.stale
            && self.advanced == other.advanced
            && self.pinned == other.pinned
            && self.reference == other.reference
            && self.mc == other.mc
            && self.library == other.library
            && self.title == other.title
            && self.in_library == other.in_library
            && self.notices == other.notices
            && self.view == other.view
            && self.play == other.play
    }
}

/// The things a person can do to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Typed text in a numeric input.
    EditField(Field, String),
    SetPolicy(PolicyKind),
    SetCalendar(CalendarChoice),
    /// A date typed in the start-date input (`YYYY-MM-DD`).
    SetStartDate(String),
    ToggleAdvanced,
    /// Loads a preset (by id) with one of its policy variants (by index).
    LoadPreset(String, usize),
    /// Pins the current result under a name.
    Pin(String),
    Unpin(usize),
    SetReference(usize),
    SetInit(InitialBook),
    SetQueueOrder(QueueOrder),
    SetAmortisation(Amortisation),
    SetEntry(ChannelId, Entry),
    AddShock(ShockChoice),
    RemoveShock(usize),
    SetShockKind(usize, ShockChoice),
    AddTerm,
    RemoveTerm(usize),
    EditMcRuns(String),
    EditMcSeed(String),
    /// Progress of the Monte Carlo run (also sent once when it starts).
    McProgress {
        done: u32,
        total: u32,
    },
    McFinished(Rc<McOutput>),
    McFailed(String),
    McCancelled,
    /// Saves into the library entry the scenario was opened from, else as a new entry named
    /// `name` (or the scenario's own name).
    SaveScenario {
        name: String,
        today: NaiveDate,
    },
    /// Saves as a new library entry named `name` (or the scenario's own name).
    SaveAsNew {
        name: String,
        today: NaiveDate,
    },
    /// Opens a library entry in place of the scenario being edited (unsaved work is kept first).
    OpenEntry {
        id: EntryId,
        today: NaiveDate,
    },
    RenameEntry {
        id: EntryId,
        name: String,
        today: NaiveDate,
    },
    DuplicateEntry {
        id: EntryId,
        today: NaiveDate,
    },
    DeleteEntry(EntryId),
    UndoDelete,
    /// Opens a share link's fragment as a new, unsaved scenario (unsaved work is kept first).
    OpenLink {
        fragment: String,
        today: NaiveDate,
    },
    /// Adds the scenarios of these files to the library; the scenario being edited is untouched.
    ImportFiles {
        files: Vec<ReadFile>,
        today: NaiveDate,
    },
    /// Another tab of the page stored this library text: take it, so this tab's next write does
    /// not put back what the other tab deleted or drop what it added.
    AdoptStoredLibrary(String),
    /// Shows a notice (storage problems found by the page's services).
    Notify(Notice),
    /// Hides a notice by id.
    Dismiss(u64),
    /// Shows another view of the page.
    SetView(View),
    /// Trainer mode's clock.
    Play(PlayAction),
    /// Loads a preset (by id) with one of its policy variants and shows the workspace.
    OpenPreset(String, usize),
    /// Loads a preset (by id) with one of its policy variants and puts it on trainer mode's stage
    /// at week 1.
    PlayPreset(String, usize),
    /// Records a trainer's decision in the scenario's decision log.
    Decide(Shock),
    /// Removes a decision (by index into the log).
    Undecide(usize),
    /// Drops the decisions that start after the week the clock shows (rewinding the story).
    DropLaterDecisions,
}

impl Workspace {
    /// A workspace on the default scenario, starting on the Monday on or after `today`.
    #[must_use]
    pub fn new(lang: Lang, today: NaiveDate) -> Workspace {
        let start_date = monday_on_or_after(today);
        let mut workspace = Workspace::blank(lang, default_params(start_date), start_date);
        workspace.baseline = Some((workspace.params.clone(), start_date));
        workspace.recompute();
        workspace
    }

    /// The workspace an autosave left, over `library`: pinned scenarios are run again, and the
    /// scenario shows its validation errors in place if it no longer passes.
    #[must_use]
    pub fn from_snapshot(lang: Lang, snapshot: WorkspaceSnapshot, library: Library) -> Workspace {
        let mut w = Workspace::blank(lang, snapshot.params, snapshot.start_date);
        w.advanced = snapshot.advanced;
        w.mc.runs_text = snapshot.mc_runs;
        w.mc.seed_text = snapshot.mc_seed;
        w.pinned = snapshot
            .pinned
            .into_iter()
            .filter_map(|p| {
                let computed = Computed::run(&p.params, p.start_date).ok()?;
                Some(Pinned {
                    name: p.name,
                    computed: Rc::new(computed),
                })
            })
            .take(MAX_PINNED)
            .collect();
        w.reference = snapshot.reference.min(w.pinned.len().saturating_sub(1));
        w.title = snapshot.name;
        w.in_library = snapshot.in_library;
        w.library = library;
        w.recompute();
        w.baseline = match w.bound_entry() {
            Some(item) => Some(saved_state(&item.entry.scenario)),
            None if is_known_start(&w.params, w.start_date) => {
                Some((w.params.clone(), w.start_date))
            }
            None => None,
        };
        w
    }

    /// What the autosave keeps: the scenario as it was last valid, the view and the pins.
    #[must_use]
    pub fn snapshot(&self) -> WorkspaceSnapshot {
        let current = self.current_scenario();
        WorkspaceSnapshot {
            name: self.title.clone(),
            in_library: self.in_library,
            start_date: current.start_date,
            params: current.params,
            advanced: self.advanced,
            mc_runs: self.mc.runs_text.clone(),
            mc_seed: self.mc.seed_text.clone(),
            pinned: self
                .pinned
                .iter()
                .map(|p| NamedScenario {
                    name: p.name.clone(),
                    start_date: p.computed.start_date,
                    params: p.computed.params.clone(),
                })
                .collect(),
            reference: self.reference,
        }
    }

    /// The scenario as it would be saved, shared or downloaded: the last valid one (the draft
    /// when nothing has run), under the scenario's name (empty when it has none).
    #[must_use]
    pub fn current_scenario(&self) -> NamedScenario {
        let (params, start_date) = match &self.result {
            Some(result) => (result.params.clone(), result.start_date),
            None => (self.params.clone(), self.start_date),
        };
        NamedScenario {
            name: self.title.clone().unwrap_or_default(),
            start_date,
            params,
        }
    }

    /// Whether the scenario can be saved, shared or downloaded: what is on screen is valid and ran.
    #[must_use]
    pub fn can_keep(&self) -> bool {
        self.result.is_some() && !self.stale
    }

    /// The library entry the scenario was opened from or saved to, if it still exists.
    #[must_use]
    pub fn bound_entry(&self) -> Option<&Item> {
        if !self.in_library {
            return None;
        }
        self.title
            .as_deref()
            .and_then(|title| self.library.find(title))
    }

    /// Whether replacing the scenario now would lose work that exists nowhere else.
    #[must_use]
    pub fn has_unsaved_changes(&self) -> bool {
        let current = self.current_scenario();
        let now = (current.params, current.start_date);
        match self.bound_entry() {
            Some(item) => saved_state(&item.entry.scenario) != now,
            None => self.baseline.as_ref() != Some(&now),
        }
    }

    /// A workspace on `params` with nothing run yet.
    fn blank(lang: Lang, params: Params, start_date: NaiveDate) -> Workspace {
        Workspace {
            lang,
            params,
            start_date,
            texts: HashMap::new(),
            input_problems: HashMap::new(),
            errors: Vec::new(),
            result: None,
            stale: false,
            advanced: false,
            pinned: Vec::new(),
            reference: 0,
            revision: 0,
            mc: McControls {
                runs_text: "1000".to_owned(),
                seed_text: "42".to_owned(),
                status: McStatus::Idle,
            },
            library: Library::default(),
            title: None,
            in_library: false,
            baseline: None,
            notices: Notices::default(),
            view: View::default(),
            play: Play::default(),
            ghost: None,
        }
    }

    /// Applies one action; pure, so it is tested natively.
    #[must_use]
    #[allow(clippy::too_many_lines)] // The transition table: one arm per action, read as a table.
    pub fn apply(&self, action: Action) -> Workspace {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetView(view) => {
                next.view = view;
                next.play.playing = false;
            }
            Action::Play(action) => next.play = next.play.apply(action, next.horizon()),
            Action::OpenPreset(id, variant) => {
                next = next.apply(Action::LoadPreset(id, variant));
                next.view = View::Workspace;
            }
            Action::Decide(decision) => {
                next.params = interventions::decide(&next.params, decision);
                next.recompute();
            }
            Action::Undecide(index) => {
                if index < next.params.interventions.len() {
                    next.params.interventions.remove(index);
                    next.recompute();
                }
            }
            Action::DropLaterDecisions => {
                next.params.interventions =
                    interventions::rewind(&next.params.interventions, next.play.week, false);
                next.recompute();
            }
            Action::PlayPreset(id, variant) => {
                next = next.apply(Action::LoadPreset(id.clone(), variant));
                next.view = View::Trainer;
                next.play.week = 0;
                next.play.playing = false;
                next.play.lesson = Some((id, variant));
            }
            Action::EditField(field, text) => {
                next.edit_field(field, text);
                next.recompute();
            }
            Action::SetPolicy(kind) => {
                next.params.policy.kind = kind;
                next.recompute();
            }
            Action::SetCalendar(choice) => {
                next.params.calendar = match choice {
                    CalendarChoice::None => Calendar::None,
                    CalendarChoice::China => Calendar::ChinaDefault {
                        spring_festival_week: 6.0,
                        mid_autumn_week: 38.0,
                    },
                };
                next.recompute();
            }
            Action::SetStartDate(text) => {
                // Years outside `files::YEARS` are refused: adding the horizon to a date near the
                // calendar's end would overflow.
                if let Some(date) = files::parse_date(&text) {
                    next.start_date = date;
                    next.params.team.start_week = f64::from(week_of_year(date));
                    next.recompute();
                }
            }
            Action::ToggleAdvanced => next.advanced = !next.advanced,
            Action::LoadPreset(id, variant) => {
                next.play.lesson = None;
                if let Some(preset) = presets::get(&id) {
                    let params = preset
                        .variants
                        .get(variant)
                        .map_or_else(|| preset.params.clone(), |v| preset.with_variant(v));
                    // The preset fixes the week of the year (festivals depend on it); keep the year.
                    let week = params.team.start_week.clamp(1.0, 52.0) as u32;
                    if let Some(date) = NaiveDate::from_isoywd_opt(
                        next.start_date.iso_week().year(),
                        week,
                        chrono::Weekday::Mon,
                    ) {
                        next.start_date = date;
                    }
                    next.params = params;
                    next.texts.clear();
                    next.input_problems.clear();
                    next.recompute();
                    if !next.in_library {
                        // An unchanged preset can be loaded again: replacing it loses nothing.
                        next.baseline = Some((next.params.clone(), next.start_date));
                    }
                }
            }
            Action::Pin(name) => {
                if let (Some(result), false) = (&next.result, next.stale) {
                    let name = if name.trim().is_empty() {
                        format!("#{}", next.pinned.len() + 1)
                    } else {
                        name.trim().to_owned()
                    };
                    if next.pinned.len() == MAX_PINNED {
                        next.pinned.remove(0);
                    }
                    next.pinned.push(Pinned {
                        name,
                        computed: Rc::clone(result),
                    });
                    next.reference = next.reference.min(next.pinned.len() - 1);
                }
            }
            Action::Unpin(index) => {
                if index < next.pinned.len() {
                    next.pinned.remove(index);
                    if next.reference >= next.pinned.len() {
                        next.reference = next.pinned.len().saturating_sub(1);
                    }
                }
            }
            Action::SetReference(index) => {
                if index < next.pinned.len() {
                    next.reference = index;
                }
            }
            Action::SetInit(init) => {
                next.params.team.init = init;
                next.recompute();
            }
            Action::SetQueueOrder(order) => {
                next.params.pipeline.queue_order = order;
                next.recompute();
            }
            Action::SetAmortisation(amortisation) => {
                next.params.loans.amortisation = amortisation;
                next.recompute();
            }
            Action::SetEntry(channel, entry) => {
                next.params.channels[channel.index()].entry = entry;
                next.recompute();
            }
            Action::AddShock(choice) => {
                if next.params.shocks.len() < usize::from(MAX_SHOCKS) {
                    let horizon = next.params.team.horizon_weeks;
                    next.params.shocks.push(Shock {
                        start: (horizon / 4.0).floor().max(0.0),
                        duration_weeks: 2.0,
                        kind: choice.default_kind(),
                    });
                    next.recompute();
                }
            }
            Action::RemoveShock(index) => {
                if index < next.params.shocks.len() {
                    next.params.shocks.remove(index);
                    next.forget_list_texts(|f| {
                        matches!(
                            f,
                            Field::ShockStart(_)
                                | Field::ShockDuration(_)
                                | Field::ShockSize(_)
                                | Field::ShockShare(..)
                        )
                    });
                    next.recompute();
                }
            }
            Action::SetShockKind(index, choice) => {
                if let Some(shock) = next.params.shocks.get_mut(index) {
                    if ShockChoice::of(&shock.kind) != choice {
                        shock.kind = choice.default_kind();
                        if let Ok(i) = u8::try_from(index) {
                            let of_this_shock = |f: &Field| match *f {
                                Field::ShockSize(j) | Field::ShockShare(j, _) => j == i,
                                _ => false,
                            };
                            next.texts.retain(|f, _| !of_this_shock(f));
                            next.input_problems.retain(|f, _| !of_this_shock(f));
                        }
                        next.recompute();
                    }
                }
            }
            Action::AddTerm => {
                if next.params.loans.terms.len() < usize::from(MAX_TERMS) {
                    next.params.loans.terms.push(TermClass {
                        weeks: 78.0,
                        weight: 0.0,
                    });
                    next.recompute();
                }
            }
            Action::RemoveTerm(index) => {
                if index < next.params.loans.terms.len() && next.params.loans.terms.len() > 1 {
                    next.params.loans.terms.remove(index);
                    next.forget_list_texts(|f| {
                        matches!(f, Field::TermWeeks(_) | Field::TermWeight(_))
                    });
                    next.recompute();
                }
            }
            Action::EditMcRuns(text) => next.mc.runs_text = text,
            Action::EditMcSeed(text) => next.mc.seed_text = text,
            Action::McProgress { done, total } => {
                next.mc.status = McStatus::Running { done, total };
            }
            Action::McFinished(output) => {
                next.mc.status = McStatus::Done {
                    output,
                    revision: next.revision,
                };
            }
            Action::McFailed(message) => next.mc.status = McStatus::Failed(message),
            Action::McCancelled => {
                if let McStatus::Running { done, total } = next.mc.status {
                    next.mc.status = McStatus::Cancelled { done, total };
                }
            }
            Action::SaveScenario { name, today } => match next.bound_entry().map(|i| i.id) {
                Some(id) if next.can_keep() => {
                    let current = next.current_scenario();
                    next.library.update(id, &current, today);
                    next.baseline = Some(saved_state(&current));
                    next.notices.post(Notice::Saved { name: current.name });
                }
                _ => next.save_as_new(&name, today),
            },
            Action::SaveAsNew { name, today } => next.save_as_new(&name, today),
            Action::OpenEntry { id, today } => {
                if let Some(item) = next.library.get(id) {
                    let scenario = item.entry.scenario.clone();
                    next.keep_unsaved(today);
                    next.open_scenario(scenario, true);
                }
            }
            Action::RenameEntry { id, name, today } => {
                if let Some((old, new)) = next.library.rename(id, &name, today) {
                    if next.in_library && next.title.as_deref() == Some(old.as_str()) {
                        next.title = Some(new);
                    }
                }
            }
            Action::DuplicateEntry { id, today } => {
                next.library.duplicate(id, today);
            }
            Action::DeleteEntry(id) => {
                if let Some(entry) = next.library.delete(id) {
                    next.notices.post(Notice::Deleted {
                        name: entry.scenario.name,
                    });
                }
            }
            Action::UndoDelete => {
                next.library.undo_delete();
                next.notices
                    .dismiss_where(|n| matches!(n, Notice::Deleted { .. }));
            }
            Action::OpenLink { fragment, today } => next.open_link(&fragment, today),
            Action::ImportFiles { files, today } => next.import_files(files, today),
            Action::AdoptStoredLibrary(text) => {
                // Only a library another tab could have written whole is taken; anything else
                // is left to that tab, and this one keeps what it has.
                if let Ok(read) = files::read_library(&text) {
                    if read.rejected.is_empty() {
                        let revision = next.library.revision + 1;
                        next.library = Library::from_entries(read.entries);
                        next.library.revision = revision;
                    }
                }
            }
            Action::Notify(notice) => next.notices.post(notice),
            Action::Dismiss(id) => next.notices.dismiss(id),
        }
        next
    }

    /// Saves the scenario as a new library entry and makes it the open one.
    fn save_as_new(&mut self, name: &str, today: NaiveDate) {
        if !self.can_keep() {
            return;
        }
        let mut current = self.current_scenario();
        if !name.trim().is_empty() {
            name.clone_into(&mut current.name);
        }
        let fallback = Text::UntitledScenario.get(self.lang);
        let saved = saved_state(&current);
        let (_, name) = self.library.add(current, fallback, today);
        self.title = Some(name.clone());
        self.in_library = true;
        self.baseline = Some(saved);
        self.notices.post(Notice::Saved { name });
    }

    /// Before another scenario replaces this one, keeps it in the library if that is the only
    /// place it would survive.
    fn keep_unsaved(&mut self, today: NaiveDate) {
        if self.result.is_none() || !self.has_unsaved_changes() {
            return;
        }
        let current = self.current_scenario();
        let fallback = Text::UntitledScenario.get(self.lang);
        let (_, name) = self.library.add(current, fallback, today);
        self.notices.post(Notice::KeptUnsaved { name });
    }

    /// Puts `scenario` in place of the one being edited; pins and the view stay.
    fn open_scenario(&mut self, scenario: NamedScenario, from_library: bool) {
        let saved = saved_state(&scenario);
        self.params = scenario.params;
        self.start_date = scenario.start_date;
        self.title = Some(scenario.name).filter(|n| !n.is_empty());
        self.in_library = from_library;
        self.baseline = from_library.then_some(saved);
        self.texts.clear();
        self.input_problems.clear();
        self.recompute();
    }

    fn open_link(&mut self, fragment: &str, today: NaiveDate) {
        match link::decode(fragment) {
            Err(LinkError::NotALink) => {}
            Err(problem) => self.notices.post(Notice::LinkRejected(problem)),
            Ok(shared) => {
                self.keep_unsaved(today);
                let name = shared.scenario.name.clone();
                self.open_scenario(shared.scenario, false);
                self.notices.post(Notice::OpenedLink { name });
                if let Some(from) = shared.migrated_from {
                    self.notices.post(Notice::Migrated {
                        source: Source::Link,
                        from,
                    });
                }
            }
        }
    }

    fn import_files(&mut self, files: Vec<ReadFile>, today: NaiveDate) {
        let fallback = Text::UntitledScenario.get(self.lang);
        let mut names = Vec::new();
        for file in files {
            let text = match file.content {
                Ok(text) => text,
                Err(problem) => {
                    self.notices.post(Notice::FileFailed {
                        file: file.name,
                        problem,
                    });
                    continue;
                }
            };
            let migrated_from = match files::read_import(&text) {
                Err(problems) => {
                    self.notices.post(Notice::FileRejected {
                        file: file.name,
                        problems,
                    });
                    continue;
                }
                Ok(Imported::Scenario {
                    params,
                    migrated_from,
                }) => {
                    let scenario = NamedScenario {
                        name: file_stem(&file.name),
                        start_date: date_of_week(params.team.start_week, today),
                        params,
                    };
                    names.push(self.library.add(scenario, fallback, today).1);
                    migrated_from
                }
                Ok(Imported::Library(read)) => {
                    // Added last to first, so the file's order is kept at the top of the list.
                    let added: Vec<String> = read
                        .entries
                        .into_iter()
                        .rev()
                        .map(|e| self.library.add(e.scenario, fallback, e.modified).1)
                        .collect();
                    names.extend(added.into_iter().rev());
                    read.migrated_from
                }
            };
            if let Some(from) = migrated_from {
                self.notices.post(Notice::Migrated {
                    source: Source::File(file.name),
                    from,
                });
            }
        }
        if !names.is_empty() {
            self.notices.post(Notice::Imported { names });
        }
    }

    /// The text an input shows: what was typed, else the draft's value.
    #[must_use]
    pub fn field_text(&self, field: Field) -> String {
        if let Some(text) = self.texts.get(&field) {
            return text.clone();
        }
        field
            .get(&self.params)
            .map(plain_number)
            .unwrap_or_default()
    }

    /// The Monte Carlo result, if one finished for the results now shown.
    #[must_use]
    pub fn current_mc(&self) -> Option<&Rc<McOutput>> {
        match &self.mc.status {
            McStatus::Done { output, revision } if *revision == self.revision => Some(output),
            _ => None,
        }
    }

    /// The engine errors about one field.
    pub fn errors_for(&self, field: Field) -> impl Iterator<Item = &ParamError> {
        let path = field.path_in(&self.params);
        self.errors.iter().filter(move |e| e.param == path)
    }

    /// Engine errors about a whole row or list (a mix that must sum to 1), shown under that row.
    pub fn row_errors<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a ParamError> {
        self.errors.iter().filter(move |e| e.param == path)
    }

    /// Engine errors that no input or row on the page owns.
    pub fn unplaced_errors(&self) -> impl Iterator<Item = &ParamError> {
        let rows = crate::ui::workspace::fields::row_paths();
        self.errors.iter().filter(move |e| {
            Field::from_path(&e.param, &self.params).is_none() && !rows.contains(&e.param)
        })
    }

    /// After a list entry is removed, typed texts of that list would sit on the wrong rows.
    fn forget_list_texts(&mut self, is_list_field: impl Fn(Field) -> bool) {
        self.texts.retain(|f, _| !is_list_field(*f));
        self.input_problems.retain(|f, _| !is_list_field(*f));
    }

    fn edit_field(&mut self, field: Field, text: String) {
        let trimmed = text.trim();
        if trimmed.is_empty() && field.allows_auto() {
            field.set(&mut self.params, None);
            self.input_problems.remove(&field);
        } else if trimmed.is_empty() {
            self.input_problems.insert(field, InputProblem::Empty);
        } else if let Some(value) = format::parse_number(trimmed) {
            field.set(&mut self.params, Some(value));
            self.input_problems.remove(&field);
        } else {
            self.input_problems.insert(field, InputProblem::NotANumber);
        }
        self.texts.insert(field, text);
    }

    /// Weeks in the last valid run (0 without one).
    #[must_use]
    pub fn horizon(&self) -> u32 {
        self.result.as_ref().map_or(0, |r| {
            u32::try_from(r.ev.run.weeks.len()).unwrap_or(u32::MAX)
        })
    }

    fn recompute(&mut self) {
        if !self.input_problems.is_empty() {
            // The engine would see the old value of a field the person is still typing; keep the
            // last valid result and say it is out of date.
            self.errors.clear();
            self.stale = self.result.is_some();
            return;
        }
        match Computed::run(&self.params, self.start_date) {
            Ok(computed) => {
                self.result = Some(Rc::new(computed));
                self.errors.clear();
                self.stale = false;
                self.revision += 1;
                self.play = self.play.clone().clamped(self.horizon());
                self.ghost = interventions::has_decisions(&self.params)
                    .then(|| {
                        Computed::run(&interventions::ghost_params(&self.params), self.start_date)
                            .ok()
                    })
                    .flatten()
                    .map(Rc::new);
            }
            Err(errors) => {
                self.errors = errors;
                self.stale = self.result.is_some();
            }
        }
    }
}

/// The default scenario starting on `start_date`.
fn default_params(start_date: NaiveDate) -> Params {
    let mut params = Params::default();
    params.team.start_week = f64::from(week_of_year(start_date));
    params
}

/// Whether a scenario is one the page can produce again at will (the defaults or a preset), so
/// replacing it loses nothing.
fn is_known_start(params: &Params, start_date: NaiveDate) -> bool {
    *params == default_params(start_date)
        || presets::all().into_iter().any(|preset| {
            preset.params == *params
                || preset
                    .variants
                    .iter()
                    .any(|v| preset.with_variant(v) == *params)
        })
}

fn saved_state(scenario: &NamedScenario) -> (Params, NaiveDate) {
    (scenario.params.clone(), scenario.start_date)
}

/// A file's name without its `.json` ending, as a scenario name.
fn file_stem(file_name: &str) -> String {
    let stem = file_name
        .len()
        .checked_sub(5)
        .filter(|&cut| {
            file_name.is_char_boundary(cut) && file_name[cut..].eq_ignore_ascii_case(".json")
        })
        .map_or(file_name, |cut| &file_name[..cut]);
    files::clean_name(stem)
}

/// The Monday of week `week` of the year `today` falls in: where a scenario file, which carries
/// only its week of the year, starts.
fn date_of_week(week: f64, today: NaiveDate) -> NaiveDate {
    let week = if week.is_finite() {
        week.clamp(1.0, 52.0) as u32
    } else {
        1
    };
    NaiveDate::from_isoywd_opt(today.iso_week().year(), week, chrono::Weekday::Mon)
        .unwrap_or_else(|| monday_on_or_after(today))
}

/// A number as an input shows it: no grouping, no trailing zeros.
#[must_use]
pub fn plain_number(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// The Monday on or after a day.
#[must_use]
pub fn monday_on_or_after(day: NaiveDate) -> NaiveDate {
    let offset = (7 - day.weekday().num_days_from_monday()) % 7;
    day + chrono::Duration::days(i64::from(offset))
}

/// The model's week of the year (1–52) for a date: the ISO week, with week 53 folded into 52.
#[must_use]
pub fn week_of_year(day: NaiveDate) -> u32 {
    day.iso_week().week().min(52)
}

#[cfg(test)]
// The values compared are set verbatim, not computed, so exact comparison is the point.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::engine::Rule;
    use crate::ui::library::notice::FileProblem;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn fresh() -> Workspace {
        Workspace::new(Lang::En, day(2026, 11, 28))
    }

    fn h_star(w: &Workspace) -> f64 {
        w.result
            .as_ref()
            .and_then(|r| r.ev.summary.as_ref())
            .map(|s| s.h_star)
            .expect("a summary")
    }

    #[test]
    fn a_new_workspace_runs_the_default_scenario() {
        let w = fresh();
        assert_eq!(w.start_date, day(2026, 11, 30));
        assert_eq!(w.params.team.start_week, 49.0);
        assert!(!w.stale);
        assert!((h_star(&w) - 8.80).abs() < 0.005, "{}", h_star(&w));
    }

    #[test]
    fn set_lang_switches_language_and_nothing_else() {
        let before = fresh();
        let after = before.apply(Action::SetLang(Lang::Zh));
        assert_eq!(after.lang, Lang::Zh);
        assert_eq!(after.apply(Action::SetLang(Lang::En)), before);
    }

    #[test]
    fn editing_a_field_reruns_and_keeps_the_typed_text() {
        let w = fresh().apply(Action::EditField(Field::TargetLoans, "150".into()));
        assert_eq!(w.params.team.target_loans_per_am, 150.0);
        assert_eq!(w.field_text(Field::TargetLoans), "150");
        assert!(h_star(&w) > 8.80);
        assert_eq!(w.revision, 2);
    }

    #[test]
    fn an_invalid_value_keeps_the_last_result_marked_stale() {
        let before = fresh();
        let w = before.apply(Action::EditField(Field::Ams, "0".into()));
        assert!(w.stale);
        assert_eq!(w.revision, before.revision, "no new result");
        let errors: Vec<_> = w.errors_for(Field::Ams).collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].rule, Rule::OutOfRange);
        // Nothing else was reset.
        assert_eq!(w.params.team.target_loans_per_am, 120.0);
        // Fixing it brings results back.
        let fixed = w.apply(Action::EditField(Field::Ams, "8".into()));
        assert!(!fixed.stale);
        assert!(fixed.errors.is_empty());
    }

    #[test]
    fn text_that_is_not_a_number_is_held_as_typed() {
        let w = fresh().apply(Action::EditField(Field::HoursPerWeek, "4o".into()));
        assert_eq!(
            w.input_problems.get(&Field::HoursPerWeek),
            Some(&InputProblem::NotANumber)
        );
        assert_eq!(w.field_text(Field::HoursPerWeek), "4o");
        assert_eq!(w.params.team.hours_per_week, 40.0);
        assert!(w.stale);
    }

    #[test]
    fn emptying_an_hours_setting_means_auto() {
        let w = fresh()
            .apply(Action::EditField(Field::FixedHours, "5".into()))
            .apply(Action::EditField(Field::FixedHours, String::new()));
        assert_eq!(Field::FixedHours.get(&w.params), None);
        assert!(!w.stale);
    }

    #[test]
    fn presets_load_and_clear_typed_text() {
        let w = fresh()
            .apply(Action::EditField(Field::Ams, "x".into()))
            .apply(Action::LoadPreset("fault".into(), 0));
        assert!(w.texts.is_empty());
        assert!(w.input_problems.is_empty());
        assert!(!w.stale);
        assert!(!w.params.shocks.is_empty());
    }

    #[test]
    fn pinning_keeps_at_most_four_and_a_valid_reference() {
        let mut w = fresh();
        for i in 0..6 {
            w = w
                .apply(Action::EditField(Field::Ams, format!("{}", i + 1)))
                .apply(Action::Pin(format!("team of {}", i + 1)));
        }
        assert_eq!(w.pinned.len(), MAX_PINNED);
        assert_eq!(w.pinned[0].name, "team of 3");
        let w = w.apply(Action::SetReference(3)).apply(Action::Unpin(3));
        assert_eq!(w.reference, 2);
        let w = w.apply(Action::Pin("  ".into()));
        assert_eq!(w.pinned.last().map(|p| p.name.as_str()), Some("#4"));
    }

    #[test]
    fn a_stale_result_cannot_be_pinned() {
        let w = fresh()
            .apply(Action::EditField(Field::Ams, "-1".into()))
            .apply(Action::Pin("bad".into()));
        assert!(w.pinned.is_empty());
    }

    #[test]
    fn monte_carlo_controls_validate_and_results_belong_to_one_revision() {
        let w = fresh().apply(Action::EditMcRuns("5".into()));
        assert_eq!(w.mc.parsed(), Err(vec![McInputProblem::Runs]));
        let w = w
            .apply(Action::EditMcRuns("1,000".into()))
            .apply(Action::EditMcSeed("-1".into()));
        assert_eq!(w.mc.parsed(), Err(vec![McInputProblem::Seed]));
        let w = w.apply(Action::EditMcSeed("7".into()));
        assert_eq!(w.mc.parsed(), Ok((1000, 7)));

        let running = w.apply(Action::McProgress {
            done: 40,
            total: 1000,
        });
        let cancelled = running.apply(Action::McCancelled);
        assert_eq!(
            cancelled.mc.status,
            McStatus::Cancelled {
                done: 40,
                total: 1000
            }
        );

        let valid = validate(&w.params).expect("valid");
        let output = crate::engine::montecarlo::McPlan::new(
            &valid,
            crate::engine::montecarlo::McOptions {
                runs: 10,
                seed: 7,
                kept_runs: 2,
                noise_floor: false,
            },
        )
        .run_all();
        let done = running.apply(Action::McFinished(Rc::new(output)));
        assert!(done.current_mc().is_some());
        // A new result makes the Monte Carlo bands out of date.
        let edited = done.apply(Action::EditField(Field::Ams, "7".into()));
        assert!(edited.current_mc().is_none());
    }

    #[test]
    fn shocks_are_added_edited_and_removed() {
        let w = fresh()
            .apply(Action::AddShock(ShockChoice::Burst))
            .apply(Action::AddShock(ShockChoice::Demand));
        assert_eq!(w.params.shocks.len(), 2);
        assert!(w
            .result
            .as_ref()
            .and_then(|r| r.ev.fault.as_ref())
            .is_some());
        let w = w.apply(Action::EditField(Field::ShockSize(1), "3".into()));
        assert!(matches!(w.params.shocks[1].kind, ShockKind::Demand { mult, .. } if mult == 3.0));
        let w = w.apply(Action::EditField(Field::ShockStart(0), "200".into()));
        assert!(w.stale);
        assert_eq!(w.errors_for(Field::ShockStart(0)).count(), 1);
        let w = w.apply(Action::RemoveShock(0));
        assert_eq!(w.params.shocks.len(), 1);
        assert!(w.texts.is_empty(), "typed shock texts are forgotten");
        assert!(!w.stale);
        let w = w.apply(Action::SetShockKind(0, ShockChoice::Capacity));
        assert!(matches!(
            w.params.shocks[0].kind,
            ShockKind::Capacity { .. }
        ));
    }

    #[test]
    fn terms_and_choices_are_edited() {
        let w = fresh().apply(Action::AddTerm);
        assert_eq!(w.params.loans.terms.len(), 5);
        assert!(
            !w.stale,
            "a new term with weight 0 keeps the weights summing to 1"
        );
        let w = w.apply(Action::EditField(Field::TermWeight(4), "0.1".into()));
        assert!(w.stale);
        assert!(w.errors.iter().any(|e| e.param == "loans.terms"));
        let w = w.apply(Action::RemoveTerm(4));
        assert!(!w.stale);
        let w = w
            .apply(Action::SetInit(InitialBook::Empty))
            .apply(Action::SetQueueOrder(QueueOrder::QualityFirst))
            .apply(Action::SetAmortisation(Amortisation::Bullet))
            .apply(Action::SetEntry(ChannelId::Event, Entry::Interested));
        assert!(!w.stale);
        let end = w
            .result
            .as_ref()
            .and_then(|r| r.ev.run.weeks.last())
            .expect("weeks");
        assert!(
            end.active_loans.iter().sum::<f64>() < 720.0,
            "an empty start stays below target"
        );
    }

    fn names(w: &Workspace) -> Vec<String> {
        w.library
            .items()
            .iter()
            .map(|i| i.entry.scenario.name.clone())
            .collect()
    }

    fn today() -> NaiveDate {
        day(2026, 11, 28)
    }

    fn kinds(w: &Workspace) -> Vec<&Notice> {
        w.notices.posted().iter().map(|p| &p.notice).collect()
    }

    #[test]
    fn saving_binds_the_scenario_to_its_entry_and_tracks_changes() {
        let w = fresh();
        assert!(
            !w.has_unsaved_changes(),
            "the defaults cost nothing to lose"
        );
        let w = w.apply(Action::EditField(Field::Ams, "8".into()));
        assert!(w.has_unsaved_changes());
        let w = w.apply(Action::SaveAsNew {
            name: "  Team of 8 ".into(),
            today: today(),
        });
        assert_eq!(names(&w), ["Team of 8"]);
        assert_eq!(w.title.as_deref(), Some("Team of 8"));
        assert!(w.bound_entry().is_some());
        assert!(!w.has_unsaved_changes());
        let w = w.apply(Action::EditField(Field::Ams, "9".into()));
        assert!(w.has_unsaved_changes());
        let w = w.apply(Action::SaveScenario {
            name: String::new(),
            today: day(2026, 12, 1),
        });
        assert_eq!(names(&w), ["Team of 8"], "saved in place");
        let entry = &w.library.items()[0].entry;
        assert_eq!(entry.scenario.params.team.ams, 9.0);
        assert_eq!(entry.modified, day(2026, 12, 1));
        assert!(!w.has_unsaved_changes());
        // Save with nothing open saves as a new entry under the fallback name.
        let unnamed = fresh().apply(Action::SaveScenario {
            name: String::new(),
            today: today(),
        });
        assert_eq!(names(&unnamed), ["Untitled scenario"]);
    }

    #[test]
    fn an_invalid_draft_cannot_be_saved() {
        let w = fresh()
            .apply(Action::EditField(Field::Ams, "0".into()))
            .apply(Action::SaveAsNew {
                name: "bad".into(),
                today: today(),
            });
        assert!(!w.can_keep());
        assert!(w.library.items().is_empty());
    }

    #[test]
    fn opening_an_entry_keeps_unsaved_work_first() {
        let w = fresh()
            .apply(Action::EditField(Field::Ams, "8".into()))
            .apply(Action::SaveAsNew {
                name: "Eight".into(),
                today: today(),
            })
            .apply(Action::EditField(Field::Ams, "3".into()));
        let eight = w.library.items()[0].id;
        let w = w.apply(Action::OpenEntry {
            id: eight,
            today: today(),
        });
        assert_eq!(w.params.team.ams, 8.0);
        assert_eq!(names(&w), ["Eight (2)", "Eight"]);
        assert_eq!(
            w.library.items()[0].entry.scenario.params.team.ams,
            3.0,
            "the unsaved edit was kept"
        );
        assert!(kinds(&w).contains(&&Notice::KeptUnsaved {
            name: "Eight (2)".into()
        }));
        // Opening again with nothing unsaved adds nothing.
        let again = w.apply(Action::OpenEntry {
            id: eight,
            today: today(),
        });
        assert_eq!(names(&again).len(), 2);
    }

    #[test]
    fn a_link_opens_as_a_new_unsaved_scenario_and_never_overwrites_the_library() {
        let fault = presets::get("fault").expect("preset").params;
        let fragment = link::encode(&NamedScenario {
            name: "<img src=x onerror=alert(1)>".into(),
            start_date: day(2027, 3, 1),
            params: fault.clone(),
        });
        let saved = fresh().apply(Action::SaveAsNew {
            name: "Mine".into(),
            today: today(),
        });
        let w = saved.apply(Action::OpenLink {
            fragment: format!("#{fragment}"),
            today: today(),
        });
        assert_eq!(w.params, fault);
        assert_eq!(w.start_date, day(2027, 3, 1));
        assert_eq!(w.title.as_deref(), Some("<img src=x onerror=alert(1)>"));
        assert!(!w.in_library);
        assert_eq!(w.library, saved.library, "library untouched");
        assert!(
            w.has_unsaved_changes(),
            "the shared scenario exists nowhere else"
        );
        // A damaged link changes nothing but the notices.
        let damaged = w.apply(Action::OpenLink {
            fragment: format!("#{}", &fragment[..fragment.len() - 9]),
            today: today(),
        });
        assert_eq!(damaged.params, w.params);
        assert_eq!(damaged.library, w.library);
        assert!(matches!(
            kinds(&damaged).last(),
            Some(Notice::LinkRejected(
                LinkError::Damaged | LinkError::Encoding
            ))
        ));
        // Another link now keeps the first one in the library.
        let next = w.apply(Action::OpenLink {
            fragment,
            today: today(),
        });
        assert_eq!(
            names(&next),
            ["<img src=x onerror=alert(1)>", "Mine"],
            "kept, not overwritten"
        );
        let other = fresh().apply(Action::OpenLink {
            fragment: "#top".into(),
            today: today(),
        });
        assert!(
            other.notices.posted().is_empty(),
            "not a share link: ignored"
        );
    }

    #[test]
    fn imports_add_good_files_and_list_every_problem_of_bad_ones() {
        let before = fresh().apply(Action::SaveAsNew {
            name: "Mine".into(),
            today: today(),
        });
        let library_file = files::write_library(
            &[
                files::Entry {
                    scenario: NamedScenario {
                        name: "Mine".into(),
                        start_date: day(2027, 1, 4),
                        params: Params::default(),
                    },
                    modified: day(2026, 1, 2),
                },
                files::Entry {
                    scenario: NamedScenario {
                        name: "Second".into(),
                        start_date: day(2027, 1, 4),
                        params: Params::default(),
                    },
                    modified: day(2026, 1, 3),
                },
            ],
            files::Layout::Pretty,
        );
        let w = before.apply(Action::ImportFiles {
            files: vec![
                ReadFile {
                    name: "bad.json".into(),
                    content: Ok(r#"{"version": 1, "team": {"ams": -1, "colour": 1}}"#.into()),
                },
                ReadFile {
                    name: "Fault plan.JSON".into(),
                    content: Ok(crate::scenario::to_json(
                        &presets::get("fault").expect("preset").params,
                    )),
                },
                ReadFile {
                    name: "library.json".into(),
                    content: Ok(library_file),
                },
                ReadFile {
                    name: "huge.json".into(),
                    content: Err(FileProblem::TooLarge),
                },
            ],
            today: today(),
        });
        assert_eq!(w.params, before.params, "the workspace is untouched");
        assert_eq!(names(&w), ["Mine (2)", "Second", "Fault plan", "Mine"]);
        let fault_entry = &w.library.items()[2].entry;
        assert_eq!(
            fault_entry.scenario.start_date,
            day(2025, 12, 29),
            "ISO week 1 of 2026"
        );
        assert_eq!(w.library.items()[1].entry.modified, day(2026, 1, 3));
        let notices = kinds(&w);
        let Some(Notice::FileRejected { file, problems }) = notices
            .iter()
            .find(|n| matches!(n, Notice::FileRejected { .. }))
        else {
            panic!("{notices:?}");
        };
        assert_eq!(file, "bad.json");
        let found: Vec<_> = problems
            .iter()
            .map(|e| (e.param.as_str(), e.rule))
            .collect();
        assert_eq!(
            found,
            [
                ("team.colour", Rule::UnknownField),
                ("team.ams", Rule::OutOfRange)
            ]
        );
        assert!(notices.contains(&&Notice::FileFailed {
            file: "huge.json".into(),
            problem: FileProblem::TooLarge
        }));
        assert!(notices.contains(&&Notice::Imported {
            names: vec!["Fault plan".into(), "Mine (2)".into(), "Second".into()]
        }));
    }

    #[test]
    fn renaming_the_open_entry_renames_the_scenario_and_deletes_can_be_undone() {
        let w = fresh().apply(Action::SaveAsNew {
            name: "Old".into(),
            today: today(),
        });
        let id = w.library.items()[0].id;
        let w = w.apply(Action::RenameEntry {
            id,
            name: "New".into(),
            today: today(),
        });
        assert_eq!(w.title.as_deref(), Some("New"));
        assert!(w.bound_entry().is_some());
        let w = w.apply(Action::DuplicateEntry { id, today: today() });
        assert_eq!(names(&w), ["New (2)", "New"]);
        let w = w.apply(Action::DeleteEntry(id));
        assert_eq!(names(&w), ["New (2)"]);
        assert!(w.bound_entry().is_none());
        assert!(kinds(&w).contains(&&Notice::Deleted { name: "New".into() }));
        let w = w.apply(Action::UndoDelete);
        assert_eq!(names(&w), ["New (2)", "New"]);
        assert!(w.bound_entry().is_some());
        assert!(!kinds(&w)
            .iter()
            .any(|n| matches!(n, Notice::Deleted { .. })));
    }

    #[test]
    fn a_library_stored_by_another_tab_is_adopted() {
        let here = fresh().apply(Action::SaveAsNew {
            name: "Here".into(),
            today: today(),
        });
        let there = fresh()
            .apply(Action::SaveAsNew {
                name: "Here".into(),
                today: today(),
            })
            .apply(Action::SaveAsNew {
                name: "There".into(),
                today: today(),
            });
        let text = files::write_library(&there.library.entries(), files::Layout::Compact);
        let w = here.apply(Action::AdoptStoredLibrary(text));
        assert_eq!(names(&w), ["There", "Here"]);
        assert!(w.library.revision > here.library.revision);
        assert!(
            w.bound_entry().is_some(),
            "still bound to its entry by name"
        );
        let same = w.apply(Action::AdoptStoredLibrary("{broken".into()));
        assert_eq!(same.library, w.library);
    }

    #[test]
    fn start_dates_set_the_week_of_year() {
        let w = fresh().apply(Action::SetStartDate("2027-02-01".into()));
        assert_eq!(w.start_date, day(2027, 2, 1));
        assert_eq!(w.params.team.start_week, 5.0);
        let same = w.apply(Action::SetStartDate("not a date".into()));
        assert_eq!(same.start_date, day(2027, 2, 1));
        // A date at the calendar's end would overflow when the horizon is added to it.
        let same = w.apply(Action::SetStartDate("262142-12-30".into()));
        assert_eq!(same.start_date, day(2027, 2, 1));
        assert_eq!(week_of_year(day(2026, 12, 31)), 52);
        assert_eq!(plain_number(0.1 + 0.2), "0.3");
        assert_eq!(plain_number(120.0), "120");
    }
}
