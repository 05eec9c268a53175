//! The workspace slice: the scenario being edited — the draft as typed, its validation and its
//! expected-value run — with the inputs and KPI panels.
//!
//! The draft is what the person has typed. Every edit re-validates it; a valid draft is simulated at
//! once (expected values, well under a millisecond) and becomes the shown result, with a new
//! `revision`. An invalid one keeps the last valid result on screen, marked out of date, and nothing
//! is reset. Other slices read the result and its revision; they change the draft only through the
//! methods below (`open`, `load_preset`, `decide`, …), so this file is the one place that says what a
//! scenario edit does.

pub mod csv;
pub mod fields;
pub mod inputs;
pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};

use crate::engine::params::{
    Amortisation, Calendar, Entry, InitialBook, PolicyKind, ProspectingChange, QueueOrder, Shock,
    ShockKind, TermClass,
};
use crate::engine::{interventions, presets, run_ev, validate, ChannelId, EvOutput};
use crate::engine::{ParamError, Params};
use crate::i18n::Lang;
use crate::scenario::library as files;
use crate::ui::effect::{Download, Effect};
use fields::{Field, MAX_SHOCKS, MAX_TERMS};

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

/// What a person does to the draft.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed text in a numeric input.
    EditField(Field, String),
    SetPolicy(PolicyKind),
    SetCalendar(CalendarChoice),
    /// A date typed in the start-date input (`YYYY-MM-DD`).
    SetStartDate(String),
    ToggleAdvanced,
    /// Loads a preset (by id) with one of its policy variants (by index).
    LoadPreset(String, usize),
    SetInit(InitialBook),
    SetQueueOrder(QueueOrder),
    SetAmortisation(Amortisation),
    SetEntry(ChannelId, Entry),
    AddShock(ShockChoice),
    RemoveShock(usize),
    SetShockKind(usize, ShockChoice),
    AddTerm,
    RemoveTerm(usize),
    /// Offers the weekly series of the result shown as CSV.
    DownloadWeeks,
}

/// The draft scenario, its validation and its last valid run.
#[derive(Debug, Clone)]
pub struct Model {
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
    /// Bumped on every new result, so other slices can tell results apart cheaply.
    pub revision: u64,
    /// The run of the scenario without the trainer's decisions (the ghost line), when it has some.
    pub ghost: Option<Rc<Computed>>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.params == other.params
            && self.start_date == other.start_date
            && self.texts == other.texts
            && self.errors == other.errors
            && self.stale == other.stale
            && self.advanced == other.advanced
    }
}

impl Model {
    /// The default scenario, starting on the Monday on or after `today`.
    #[must_use]
    pub fn new(today: NaiveDate) -> Model {
        let start_date = monday_on_or_after(today);
        Model::with(default_params(start_date), start_date)
    }

    /// A draft of `params` starting on `start_date`, run at once.
    #[must_use]
    pub fn with(params: Params, start_date: NaiveDate) -> Model {
        let mut model = Model {
            params,
            start_date,
            texts: HashMap::new(),
            input_problems: HashMap::new(),
            errors: Vec::new(),
            result: None,
            stale: false,
            advanced: false,
            revision: 0,
            ghost: None,
        };
        model.recompute();
        model
    }

    /// Applies one action: an edit, or the weekly figures as a download.
    pub fn update(&mut self, action: Action, lang: Lang) -> Vec<Effect> {
        match action {
            Action::DownloadWeeks => self
                .result
                .as_ref()
                .map(|result| {
                    // Headers in the page's language and a byte-order mark, so spreadsheet
                    // programs read Chinese text as UTF-8.
                    Effect::Download(Download {
                        file_name: "cadence-weeks.csv".to_owned(),
                        mime: "text/csv;charset=utf-8",
                        text: csv::ev_weekly_csv(&result.ev, result.start_date, lang),
                    })
                })
                .into_iter()
                .collect(),
            edit => {
                self.edit(edit);
                Vec::new()
            }
        }
    }

    fn edit(&mut self, action: Action) {
        match action {
            Action::DownloadWeeks => {}
            Action::EditField(field, text) => {
                self.edit_field(field, text);
                self.recompute();
            }
            Action::SetPolicy(kind) => {
                self.params.policy.kind = kind;
                self.recompute();
            }
            Action::SetCalendar(choice) => {
                self.params.calendar = match choice {
                    CalendarChoice::None => Calendar::None,
                    CalendarChoice::China => Calendar::ChinaDefault {
                        spring_festival_week: 6.0,
                        mid_autumn_week: 38.0,
                    },
                };
                self.recompute();
            }
            Action::SetStartDate(text) => {
                // Years outside `files::YEARS` are refused: adding the horizon to a date near the
                // calendar's end would overflow.
                if let Some(date) = files::parse_date(&text) {
                    self.start_date = date;
                    self.params.team.start_week = f64::from(week_of_year(date));
                    self.recompute();
                }
            }
            Action::ToggleAdvanced => self.advanced = !self.advanced,
            Action::LoadPreset(id, variant) => {
                self.load_preset(&id, variant);
            }
            Action::SetInit(init) => {
                self.params.team.init = init;
                self.recompute();
            }
            Action::SetQueueOrder(order) => {
                self.params.pipeline.queue_order = order;
                self.recompute();
            }
            Action::SetAmortisation(amortisation) => {
                self.params.loans.amortisation = amortisation;
                self.recompute();
            }
            Action::SetEntry(channel, entry) => {
                self.params.channels[channel.index()].entry = entry;
                self.recompute();
            }
            Action::AddShock(choice) => self.add_shock(choice),
            Action::RemoveShock(index) => self.remove_shock(index),
            Action::SetShockKind(index, choice) => self.set_shock_kind(index, choice),
            Action::AddTerm => {
                if self.params.loans.terms.len() < usize::from(MAX_TERMS) {
                    self.params.loans.terms.push(TermClass {
                        weeks: 78.0,
                        weight: 0.0,
                    });
                    self.recompute();
                }
            }
            Action::RemoveTerm(index) => {
                if index < self.params.loans.terms.len() && self.params.loans.terms.len() > 1 {
                    self.params.loans.terms.remove(index);
                    self.forget_list_texts(|f| {
                        matches!(f, Field::TermWeeks(_) | Field::TermWeight(_))
                    });
                    self.recompute();
                }
            }
        }
    }

    /// Loads a preset (by id) with one of its policy variants; `false` if there is no such preset.
    /// The preset fixes the week of the year (festivals depend on it); the start date is that
    /// week's Monday nearest to the one shown.
    pub fn load_preset(&mut self, id: &str, variant: usize) -> bool {
        let Some(preset) = presets::get(id) else {
            return false;
        };
        let params = preset
            .variants
            .get(variant)
            .map_or_else(|| preset.params.clone(), |v| preset.with_variant(v));
        self.start_date =
            crate::scenario::nearest_week_start(params.team.start_week, self.start_date);
        self.params = params;
        self.texts.clear();
        self.input_problems.clear();
        self.recompute();
        true
    }

    /// Puts another scenario in place of the draft (an opened entry, a link); typed texts go.
    pub fn open(&mut self, params: Params, start_date: NaiveDate) {
        self.params = params;
        self.start_date = start_date;
        self.texts.clear();
        self.input_problems.clear();
        self.recompute();
    }

    /// Records a trainer's decision in the scenario's decision log.
    pub fn decide(&mut self, decision: Shock) {
        self.params = interventions::decide(&self.params, decision);
        self.recompute();
    }

    /// Removes a decision (by index into the log).
    pub fn undecide(&mut self, index: usize) {
        if index < self.params.interventions.len() {
            self.params.interventions.remove(index);
            self.recompute();
        }
    }

    /// Drops the decisions that start after `week` (rewinding the story to it).
    pub fn drop_decisions_after(&mut self, week: u32) {
        self.params.interventions = interventions::rewind(&self.params.interventions, week, false);
        self.recompute();
    }

    /// Sets the Monte Carlo seed the scenario carries (`run.seed`): the one seed the page runs,
    /// shows and saves.
    pub fn set_seed(&mut self, seed: u64) {
        if self.params.run.seed != seed {
            self.params.run.seed = seed;
            self.recompute();
        }
    }

    /// Keeps a plan goal in the scenario (`None`: none).
    pub fn set_plan(&mut self, goal: Option<crate::engine::plan::PlanGoal>) {
        if self.params.plan != goal {
            self.params.plan = goal;
            self.recompute();
        }
    }

    /// Keeps the team's actuals with the scenario (the draft and the last valid result). Nothing
    /// the model runs reads them, so the run stays as it is and no new revision starts: the
    /// Monte Carlo fan and the plan are not computed again for a typed figure.
    pub fn set_actuals(&mut self, actuals: Vec<crate::engine::actuals::WeekActuals>) {
        if self.params.actuals == actuals {
            return;
        }
        self.params.actuals.clone_from(&actuals);
        if let Some(result) = &self.result {
            let mut params = result.params.clone();
            params.actuals = actuals;
            self.result = Some(Rc::new(Computed {
                params,
                start_date: result.start_date,
                ev: result.ev.clone(),
            }));
        }
    }

    /// The scenario as it would be saved, shared or downloaded: the last valid one (the draft when
    /// nothing has run).
    #[must_use]
    pub fn current(&self) -> (Params, NaiveDate) {
        match &self.result {
            Some(result) => (result.params.clone(), result.start_date),
            None => (self.params.clone(), self.start_date),
        }
    }

    /// Whether what is on screen is valid and ran (so it can be kept, shared or pinned).
    #[must_use]
    pub fn can_keep(&self) -> bool {
        self.result.is_some() && !self.stale
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
        let rows = fields::row_paths();
        self.errors.iter().filter(move |e| {
            Field::from_path(&e.param, &self.params).is_none() && !rows.contains(&e.param)
        })
    }

    /// Weeks in the last valid run (0 without one).
    #[must_use]
    pub fn horizon(&self) -> u32 {
        self.result.as_ref().map_or(0, |r| {
            u32::try_from(r.ev.run.weeks.len()).unwrap_or(u32::MAX)
        })
    }

    fn add_shock(&mut self, choice: ShockChoice) {
        if self.params.shocks.len() < usize::from(MAX_SHOCKS) {
            let horizon = self.params.team.horizon_weeks;
            self.params.shocks.push(Shock {
                start: (horizon / 4.0).floor().max(0.0),
                duration_weeks: 2.0,
                kind: choice.default_kind(),
            });
            self.recompute();
        }
    }

    fn remove_shock(&mut self, index: usize) {
        if index < self.params.shocks.len() {
            self.params.shocks.remove(index);
            self.forget_list_texts(|f| {
                matches!(
                    f,
                    Field::ShockStart(_)
                        | Field::ShockDuration(_)
                        | Field::ShockSize(_)
                        | Field::ShockShare(..)
                )
            });
            self.recompute();
        }
    }

    fn set_shock_kind(&mut self, index: usize, choice: ShockChoice) {
        let Some(shock) = self.params.shocks.get_mut(index) else {
            return;
        };
        if ShockChoice::of(&shock.kind) == choice {
            return;
        }
        shock.kind = choice.default_kind();
        if let Ok(i) = u8::try_from(index) {
            let of_this_shock = |f: &Field| match *f {
                Field::ShockSize(j) | Field::ShockShare(j, _) => j == i,
                _ => false,
            };
            self.texts.retain(|f, _| !of_this_shock(f));
            self.input_problems.retain(|f, _| !of_this_shock(f));
        }
        self.recompute();
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
        } else if let Some(value) = crate::ui::format::parse_number(trimmed) {
            field.set(&mut self.params, Some(value));
            self.input_problems.remove(&field);
        } else {
            self.input_problems.insert(field, InputProblem::NotANumber);
        }
        self.texts.insert(field, text);
    }

    fn recompute(&mut self) {
        // A value edited by hand is no longer the one fitted from the team's data (issue 17).
        crate::scenario::sources::prune(&mut self.params);
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
#[must_use]
pub fn default_params(start_date: NaiveDate) -> Params {
    let mut params = Params::default();
    params.team.start_week = f64::from(week_of_year(start_date));
    params
}

/// Whether a scenario is one the page can produce again at will (the defaults or a preset), so
/// replacing it loses nothing.
#[must_use]
pub fn is_known_start(params: &Params, start_date: NaiveDate) -> bool {
    *params == default_params(start_date)
        || presets::all().into_iter().any(|preset| {
            preset.params == *params
                || preset
                    .variants
                    .iter()
                    .any(|v| preset.with_variant(v) == *params)
        })
}

/// The Monday of week `week` of the year nearest to `today`: where a scenario file, which carries
/// only its week of the year, starts.
#[must_use]
pub fn date_of_week(week: f64, today: NaiveDate) -> NaiveDate {
    crate::scenario::nearest_week_start(week, today)
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
