//! The workspace state and its transition table: one `Reducible` with verb-named actions.
//!
//! The draft scenario is what the person has typed. Every edit re-validates it; a valid draft is
//! simulated at once (expected values, well under a millisecond) and becomes the shown result. An
//! invalid one keeps the last valid result on screen, marked out of date, and nothing is reset.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use yew::Reducible;

use crate::engine::montecarlo::McOutput;
use crate::engine::params::{
    Amortisation, Calendar, Entry, InitialBook, PolicyKind, QueueOrder, Shock, ShockKind, TermClass,
};
use crate::engine::ChannelId;
use crate::engine::{presets, run_ev, validate, EvOutput, ParamError, Params};
use crate::i18n::Lang;
use crate::ui::fields::{Field, MAX_SHOCKS, MAX_TERMS};
use crate::ui::format;

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
        }
    }

    /// A new shock of this kind with a sensible size (the fault preset's burst, a 2.5× demand
    /// spike, one AM in six away, defaults doubling).
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
}

impl Workspace {
    /// A workspace on the default scenario, starting on the Monday on or after `today`.
    #[must_use]
    pub fn new(lang: Lang, today: NaiveDate) -> Workspace {
        let start_date = monday_on_or_after(today);
        let mut params = Params::default();
        params.team.start_week = f64::from(week_of_year(start_date));
        let mut workspace = Workspace {
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
        };
        workspace.recompute();
        workspace
    }

    /// Applies one action; pure, so it is tested natively.
    #[must_use]
    #[allow(clippy::too_many_lines)] // The transition table: one arm per action, read as a table.
    pub fn apply(&self, action: Action) -> Workspace {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
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
                if let Ok(date) = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
                    next.start_date = date;
                    next.params.team.start_week = f64::from(week_of_year(date));
                    next.recompute();
                }
            }
            Action::ToggleAdvanced => next.advanced = !next.advanced,
            Action::LoadPreset(id, variant) => {
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
                            Field::ShockStart(_) | Field::ShockDuration(_) | Field::ShockSize(_)
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
                            next.texts.remove(&Field::ShockSize(i));
                            next.input_problems.remove(&Field::ShockSize(i));
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
        }
        next
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
        let rows = crate::ui::fields::row_paths();
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
            }
            Err(errors) => {
                self.errors = errors;
                self.stale = self.result.is_some();
            }
        }
    }
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
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

    #[test]
    fn start_dates_set_the_week_of_year() {
        let w = fresh().apply(Action::SetStartDate("2027-02-01".into()));
        assert_eq!(w.start_date, day(2027, 2, 1));
        assert_eq!(w.params.team.start_week, 5.0);
        let same = w.apply(Action::SetStartDate("not a date".into()));
        assert_eq!(same.start_date, day(2027, 2, 1));
        assert_eq!(week_of_year(day(2026, 12, 31)), 52);
        assert_eq!(plain_number(0.1 + 0.2), "0.3");
        assert_eq!(plain_number(120.0), "120");
    }
}
