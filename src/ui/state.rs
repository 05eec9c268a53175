//! The workspace state and its transition table: one `Reducible` with verb-named actions.
//!
//! The draft scenario is what the person has typed. Every edit re-validates it; a valid draft is
//! simulated at once (expected values, well under a millisecond) and becomes the shown result. An
//! invalid one keeps the last valid result on screen, marked out of date, and nothing is reset.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use yew::Reducible;

use crate::engine::params::{Calendar, PolicyKind};
use crate::engine::{presets, run_ev, validate, EvOutput, ParamError, Params};
use crate::i18n::Lang;
use crate::ui::fields::Field;
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

/// Seasonality choices offered by the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarChoice {
    None,
    China,
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
        };
        workspace.recompute();
        workspace
    }

    /// Applies one action; pure, so it is tested natively.
    #[must_use]
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

    /// The engine errors about one field.
    pub fn errors_for(&self, field: Field) -> impl Iterator<Item = &ParamError> {
        let path = field.path();
        self.errors.iter().filter(move |e| e.param == path)
    }

    /// Engine errors that no input on the page owns (sums over a group, shocks, …).
    pub fn unplaced_errors(&self) -> impl Iterator<Item = &ParamError> {
        self.errors
            .iter()
            .filter(|e| Field::from_path(&e.param).is_none())
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
