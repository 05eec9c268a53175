//! Validation (MODEL.md sections 10 and 16.10): `Params` in, `ValidParams` or every error out.
//!
//! Each error names the parameter by its scenario-file JSON path, the offending value and a rule
//! code, so the page can show the message next to the input and tests can assert the code. All
//! errors are collected. Every number is checked against its row of the parameter spec
//! ([`spec`]) in one loop — finite, whole where it must be, in range; the rules about
//! several parameters (rows summing to 1, exit pairs, list lengths, distinct terms, the horizon,
//! overlapping team changes, the fault window) are written here, and each of their errors is
//! reported right after the last parameter it is about, so the report reads in the spec's order.
//! A range end that reads another parameter (H for hours settings) is not checked while that
//! parameter is invalid: one error, not one more per setting. Rules that need the steady state
//! (loop gain, reachability, floor ≤ cap) run only once those checks pass. Warnings never stop a
//! run; they travel with the results.

use std::collections::HashMap;
use std::fmt;

use super::calendar::{Schedule, Season, WEEKS_PER_YEAR};
use super::closed_form::{self, SteadyMap, SteadyState, Summary};
use super::goal::GoalRule;
use super::model::Model;
use super::params::{
    BaselineKind, Calendar, ChannelId, Hours, InitialBook, Params, PolicyKind, Shock, ShockKind,
    Tier, TierValues, TIERS,
};
use super::policy::PolicyRule;
use super::spec::{self, Extra, Kind, List, Range, Spec, Step, Value};
use super::state::State;

/// Tolerance for "sums to 1" (MODEL.md section 3).
const SUM_TOLERANCE: f64 = 1e-6;

/// Why a parameter was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// NaN or ±∞.
    NotFinite,
    /// Outside the range of MODEL.md section 3 (the message gives the range).
    OutOfRange,
    /// A count or week that must be a whole number.
    NotInteger,
    /// An exit pair (C, L, R or past-due stage) with λ+δ > 1.
    ExitPairAboveOne,
    /// An exit pair with λ+δ = 0: nobody would ever leave the stage.
    ExitPairZero,
    /// A mix, matrix row, term-weight list or channel-share list not summing to 1 ± 1e-6.
    SumNotOne,
    /// Two term classes with the same length.
    DuplicateTerm,
    /// `h_floor` > `h_cap`.
    FloorAboveCap,
    /// `h_lo` > `h_hi`.
    MinAboveMax,
    /// A shock starting at or after the horizon.
    ShockStartAfterHorizon,
    /// A shock lasting less than one week.
    ShockTooShort,
    /// A shock type the engine does not know (scenario files only).
    UnknownShockKind,
    /// A list with the wrong number of entries (52 weekly calendar values).
    WrongLength,
    /// Referral loop gain ≥ 1 where a steady state is needed.
    LoopGainTooHigh,
    /// `A_target` at or beyond what unlimited prospecting on this mix can hold.
    UnreachableTarget,
    /// A steady start outside [A0, sup F).
    InitOutsideSteadyRange,
    /// The fault window is empty or outside the run.
    BadFaultWindow,
    /// Not JSON (scenario files only).
    Syntax,
    /// A `version` this build cannot read (scenario files only).
    UnsupportedVersion,
    /// A field the format does not have (scenario files only).
    UnknownField,
    /// A required field is absent (scenario files only).
    MissingField,
    /// A value of the wrong JSON type or an unknown name (scenario files only).
    InvalidType,
}

impl Rule {
    /// Stable `snake_case` code for JSON and tests.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Rule::NotFinite => "not_finite",
            Rule::OutOfRange => "out_of_range",
            Rule::NotInteger => "not_integer",
            Rule::ExitPairAboveOne => "exit_pair_above_one",
            Rule::ExitPairZero => "exit_pair_zero",
            Rule::SumNotOne => "sum_not_one",
            Rule::DuplicateTerm => "duplicate_term",
            Rule::FloorAboveCap => "floor_above_cap",
            Rule::MinAboveMax => "min_above_max",
            Rule::ShockStartAfterHorizon => "shock_start_after_horizon",
            Rule::ShockTooShort => "shock_too_short",
            Rule::UnknownShockKind => "unknown_shock_kind",
            Rule::WrongLength => "wrong_length",
            Rule::LoopGainTooHigh => "loop_gain_too_high",
            Rule::UnreachableTarget => "unreachable_target",
            Rule::InitOutsideSteadyRange => "init_outside_steady_range",
            Rule::BadFaultWindow => "bad_fault_window",
            Rule::Syntax => "syntax",
            Rule::UnsupportedVersion => "unsupported_version",
            Rule::UnknownField => "unknown_field",
            Rule::MissingField => "missing_field",
            Rule::InvalidType => "invalid_type",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The offending value of a rejected parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    Number(f64),
    Text(String),
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Number(x) => write!(f, "{x}"),
            ParamValue::Text(s) => f.write_str(s),
        }
    }
}

/// A rejected parameter: `{param, value, rule, message}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamError {
    /// JSON path of the field in the scenario file, e.g. `channels.cold_visit.leads_per_hour`.
    pub param: String,
    pub value: ParamValue,
    pub rule: Rule,
    /// One English sentence for the user.
    pub message: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}]", self.param, self.message, self.rule)
    }
}

/// Why a run deserves a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningCode {
    /// Holding `A_target` needs more hours than H.
    TargetNeedsMoreHours,
    /// Inbound and referrals alone hold the target, so h* = 0.
    HStarZero,
    /// Steady profit at `A_target` is negative.
    ProfitNegativeAtTarget,
    /// No caseload up to `A_max` breaks even.
    NoBreakEven,
    /// The target-pipeline gain risks oscillation.
    HighGain,
    /// The referral loop gain is ≥ 1: no closed-form summary.
    NoSteadyState,
    /// Even h = 0 needs more than H hours: `A_max` does not exist.
    NoSustainableCaseload,
}

impl WarningCode {
    /// Stable `snake_case` code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            WarningCode::TargetNeedsMoreHours => "target_needs_more_hours",
            WarningCode::HStarZero => "h_star_zero",
            WarningCode::ProfitNegativeAtTarget => "profit_negative_at_target",
            WarningCode::NoBreakEven => "no_break_even",
            WarningCode::HighGain => "high_gain",
            WarningCode::NoSteadyState => "no_steady_state",
            WarningCode::NoSustainableCaseload => "no_sustainable_caseload",
        }
    }
}

/// A warning returned beside the results.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub code: WarningCode,
    /// The JSON path of the input the warning is about.
    pub param: String,
    /// The figure the warning is about (needed hours, profit, gain…).
    pub value: f64,
    pub message: String,
}

/// The weeks fault metrics look at: [start, end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultWindow {
    pub start: usize,
    pub end: usize,
}

/// Parameters that passed validation, with everything a run derives from them.
#[derive(Debug, Clone)]
pub struct ValidParams {
    params: Params,
    model: Model,
    steady_map: Option<SteadyMap>,
    h_ref: Option<f64>,
    applications_reference: f64,
    summary: Option<Summary>,
    policy: PolicyRule,
    schedule: Schedule,
    baseline_schedule: Option<Schedule>,
    fault_window: Option<FaultWindow>,
    initial_state: State,
    warnings: Vec<Warning>,
}

impl ValidParams {
    /// The parameters as given (for saving and editing).
    #[must_use]
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The typed model.
    #[must_use]
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The closed-form summary; `None` only when the referral loop has no steady state.
    #[must_use]
    pub fn summary(&self) -> Option<&Summary> {
        self.summary.as_ref()
    }

    /// Warnings found during validation.
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// `h_ref` = h*(`A_target`), when a steady state exists.
    #[must_use]
    pub fn h_ref(&self) -> Option<f64> {
        self.h_ref
    }

    /// `a_ref`: steady applications per AM-week at `h_ref` (0 without a steady state).
    #[must_use]
    pub fn applications_reference(&self) -> f64 {
        self.applications_reference
    }

    /// The resolved policy.
    #[must_use]
    pub fn policy(&self) -> &PolicyRule {
        &self.policy
    }

    /// Per-week inputs of the scenario.
    #[must_use]
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// Per-week inputs of the fault baseline; `None` when it would equal the scenario.
    #[must_use]
    pub fn baseline_schedule(&self) -> Option<&Schedule> {
        self.baseline_schedule.as_ref()
    }

    /// The fault window, when there is a baseline.
    #[must_use]
    pub fn fault_window(&self) -> Option<FaultWindow> {
        self.fault_window
    }

    /// The EV state at week 0 (MODEL.md 16.2).
    #[must_use]
    pub fn initial_state(&self) -> &State {
        &self.initial_state
    }

    /// The steady-state map (A*(h) and friends), when the referral loop gain is < 1.
    #[must_use]
    pub fn steady_map(&self) -> Option<&SteadyMap> {
        self.steady_map.as_ref()
    }

    /// The closed-form steady state per AM at `hours` of prospecting, for plotting A*(h).
    #[must_use]
    pub fn steady_state_at(&self, hours: f64) -> Option<SteadyState> {
        self.steady_map
            .as_ref()
            .map(|map| map.state_at(&self.model, hours))
    }
}

/// `init = custom` needs a book shaped like the scenario's term classes, of finite counts ≥ 0.
fn check_custom_book(check: &mut Checker, params: &Params) {
    if params.team.init != InitialBook::Custom {
        return;
    }
    let Some(book) = &params.team.initial_book else {
        check.fail(
            "team.initial_book",
            0.0,
            Rule::WrongLength,
            "a custom start needs the starting book (team.initial_book)",
        );
        return;
    };
    let terms = &params.loans.terms;
    for (k, tier) in ["prime", "standard", "marginal"].iter().enumerate() {
        let classes = &book.active[k];
        if classes.len() != terms.len() {
            check.fail(
                format!("team.initial_book.active.{tier}"),
                classes.len() as f64,
                Rule::WrongLength,
                format!(
                    "the starting book has {} term classes for {tier} loans; the scenario has {}",
                    classes.len(),
                    terms.len()
                ),
            );
            continue;
        }
        for (j, (counts, term)) in classes.iter().zip(terms).enumerate() {
            let path = format!("team.initial_book.active.{tier}[{j}]");
            if (counts.len() as f64 - term.weeks).abs() > 0.5 {
                check.fail(
                    path.clone(),
                    counts.len() as f64,
                    Rule::WrongLength,
                    format!(
                        "a {}-week term class needs {} counts (one per remaining week), not {}",
                        term.weeks,
                        term.weeks,
                        counts.len()
                    ),
                );
            }
            if let Some(bad) = counts.iter().find(|c| !c.is_finite() || **c < 0.0) {
                check.fail(
                    path,
                    *bad,
                    Rule::OutOfRange,
                    "loan counts must be finite and not negative",
                );
            }
        }
    }
    for (k, tier) in ["prime", "standard", "marginal"].iter().enumerate() {
        for (name, value) in [
            ("past_due", book.past_due[k]),
            ("past_due_balance_cny", book.past_due_balance_cny[k]),
        ] {
            if !value.is_finite() || value < 0.0 {
                check.fail(
                    format!("team.initial_book.{name}.{tier}"),
                    value,
                    Rule::OutOfRange,
                    "past-due counts and exposure must be finite and not negative",
                );
            }
        }
    }
}

/// The plan goal the scenario carries, if any: its errors at `plan.<field>`, after every other.
fn check_plan(check: &mut Checker, params: &Params) {
    let Some(goal) = &params.plan else {
        return;
    };
    let Err(errors) = goal.check(params.team.hours_per_week) else {
        return;
    };
    let place = check.place;
    check.place = usize::MAX;
    for e in errors {
        let (rule, message) = match e.rule {
            GoalRule::NotFinite => (Rule::NotFinite, "must be a finite number".to_owned()),
            GoalRule::NotInteger => (
                Rule::NotInteger,
                format!("must be a whole number (got {})", e.value),
            ),
            GoalRule::OutOfRange { min, max } => (
                Rule::OutOfRange,
                format!("must be in [{min}, {max}] (got {})", e.value),
            ),
            GoalRule::NotABlock => (
                Rule::OutOfRange,
                format!("must be 0.25, 0.5 or 1 hour (got {})", e.value),
            ),
        };
        check.fail(
            format!("plan.{}", e.field.file_key()),
            e.value,
            rule,
            message,
        );
    }
    check.place = place;
}

/// Checks `params` against MODEL.md sections 10 and 16.10.
pub fn validate(params: &Params) -> Result<ValidParams, Vec<ParamError>> {
    let mut check = Checker::default();
    check_ranges(&mut check, params);
    check_sums(&mut check, params);
    check_exit_pairs(&mut check, params);
    check_lists(&mut check, params);
    check_timing(&mut check, params);
    check_plan(&mut check, params);
    check_custom_book(&mut check, params);
    if !check.errors.is_empty() {
        return Err(check.into_errors());
    }
    check.place = usize::MAX;

    let model = Model::from_checked(params);
    let (steady_map, loop_gain) = match SteadyMap::new(&model) {
        Ok(map) => {
            let gain = map.structure.loop_gain;
            (Some(map), gain)
        }
        Err(gain) => (None, gain),
    };
    let h_ref = check_steady_state(&mut check, params, &model, steady_map.as_ref(), loop_gain);
    let policy = resolve_policy(&mut check, params, &model, steady_map.as_ref(), h_ref);
    if !check.errors.is_empty() {
        return Err(check.into_errors());
    }

    let reference = match (&steady_map, h_ref) {
        (Some(map), Some(h)) => Some(map.state_at(&model, h)),
        _ => None,
    };
    let applications_reference = reference
        .as_ref()
        .map_or(0.0, SteadyState::total_applications);
    let summary = match (&steady_map, h_ref) {
        (Some(map), Some(h)) => Some(closed_form::summary(&model, map, h, &policy)),
        _ => None,
    };
    let warnings = collect_warnings(params, &model, summary.as_ref(), loop_gain);

    let burst_mix = reference.as_ref().map_or([1.0 / 3.0; TIERS], |steady| {
        let total = steady.total_applications();
        if total > 0.0 {
            steady.applications.map(|a| a / total)
        } else {
            [1.0 / 3.0; TIERS]
        }
    });
    let (schedule, baseline_schedule, fault_window) = schedules(params, &model, burst_mix);
    let initial_state = match (params.team.init, &steady_map) {
        (InitialBook::Steady, Some(map)) => {
            // check_steady_state guaranteed A_init is reachable.
            let h0 = map
                .hours_for_loans(&model, model.init_loans_per_am)
                .unwrap_or(0.0);
            State::steady(&model, map, &map.state_at(&model, h0))
        }
        (InitialBook::Custom, _) => match &params.team.initial_book {
            Some(book) => State::custom(&model, book),
            None => State::empty(&model),
        },
        _ => State::empty(&model),
    };

    Ok(ValidParams {
        params: params.clone(),
        model,
        steady_map,
        h_ref,
        applications_reference,
        summary,
        policy,
        schedule,
        baseline_schedule,
        fault_window,
        initial_state,
        warnings,
    })
}

/// The scenario's weekly inputs, and the fault baseline's with its window when they differ.
fn schedules(
    params: &Params,
    model: &Model,
    burst_mix: TierValues,
) -> (Schedule, Option<Schedule>, Option<FaultWindow>) {
    let season = Season::from_calendar(&params.calendar);
    let build = |season: &Season, shocks: &[Shock]| {
        Schedule::build(
            model.horizon_weeks,
            model.start_week,
            season,
            shocks,
            burst_mix,
        )
    };
    // The scenario's shocks, then the trainer's interventions: on equal starts a step change
    // later in this list wins, so a decision overrides a scenario shock of the same week.
    let changes: Vec<Shock> = params
        .shocks
        .iter()
        .chain(&params.interventions)
        .cloned()
        .collect();
    let schedule = build(&season, &changes);
    // MODEL.md 11: without shocks the baseline also removes seasonality. The baseline removes the
    // interventions too: they are timed changes like shocks.
    let remove_season = params.fault.baseline == BaselineKind::NoSeasonality || changes.is_empty();
    let baseline_season = if remove_season {
        Season::neutral()
    } else {
        season.clone()
    };
    if changes.is_empty() && baseline_season == season {
        return (schedule, None, None);
    }
    // The fault is measured from the scenario's first shock (the burst the story is about); a
    // trainer's decision taken earlier, such as a floor from week 1, must not move "weeks after the
    // shock". Only without scenario shocks do the decisions start the window.
    let first = |list: &[Shock]| list.iter().map(|s| s.start as usize).min();
    let first_shock = first(&params.shocks).or_else(|| first(&params.interventions));
    let start = params
        .fault
        .window_start
        .map_or(first_shock.unwrap_or(0), |s| s as usize);
    let end = params
        .fault
        .window_end
        .map_or_else(|| model.horizon_weeks.min(start + 52), |e| e as usize);
    (
        schedule,
        Some(build(&baseline_season, &[])),
        Some(FaultWindow { start, end }),
    )
}

/// Collects errors in the order they are reported: the spec's walk order, with a rule about several
/// parameters (a sum, an exit pair, a list's length) placed right after the last of them.
#[derive(Debug, Default)]
struct Checker {
    /// Each error with its place in the report.
    errors: Vec<(usize, ParamError)>,
    /// Every parameter instance and list the walk visited: its place, and whether it passed.
    walked: HashMap<String, (usize, bool)>,
    /// The place of errors reported now.
    place: usize,
}

/// Places in the report: the walk's k-th step reports at `STRIDE · (k + 1)`, a rule placed after
/// it two places later.
const STRIDE: usize = 4;

impl Checker {
    fn fail(
        &mut self,
        param: impl Into<String>,
        value: f64,
        rule: Rule,
        message: impl Into<String>,
    ) {
        self.errors.push((
            self.place,
            ParamError {
                param: param.into(),
                value: ParamValue::Number(value),
                rule,
                message: message.into(),
            },
        ));
    }

    /// Reports an error of a rule about several parameters right after the step `anchor`.
    fn fail_after(
        &mut self,
        anchor: &str,
        param: impl Into<String>,
        value: f64,
        rule: Rule,
        message: impl Into<String>,
    ) {
        self.place = self
            .walked
            .get(anchor)
            .map_or(usize::MAX - 1, |(place, _)| place + 2);
        self.fail(param, value, rule, message);
    }

    /// Reports an error right after the last step of `list` (its entries, or the list itself).
    fn fail_at_end_of(
        &mut self,
        list: List,
        param: impl Into<String>,
        value: f64,
        rule: Rule,
        message: impl Into<String>,
    ) {
        let entry = format!("{}[", list.path());
        self.place = self
            .walked
            .iter()
            .filter(|(path, _)| *path == list.path() || path.starts_with(&entry))
            .map(|(_, (place, _))| place + 2)
            .max()
            .unwrap_or(usize::MAX - 1);
        self.fail(param, value, rule, message);
    }

    /// Whether the instance at `path` was checked and passed.
    fn ok(&self, path: &str) -> bool {
        self.walked.get(path).is_some_and(|(_, ok)| *ok)
    }

    /// The errors in report order.
    fn into_errors(self) -> Vec<ParamError> {
        let mut errors = self.errors;
        errors.sort_by_key(|(place, _)| *place);
        errors.into_iter().map(|(_, error)| error).collect()
    }

    fn finite(&mut self, param: &str, value: f64) -> bool {
        if value.is_finite() {
            return true;
        }
        self.fail(param, value, Rule::NotFinite, "must be a finite number");
        false
    }

    /// `value` in `range` as it stands in `params` (an end that reads an invalid parameter is
    /// not checked: that parameter has its own error).
    fn range(&mut self, param: &str, value: f64, range: &Range, params: &Params) -> bool {
        if !self.finite(param, value) {
            return false;
        }
        if range.contains(value, params) {
            return true;
        }
        self.fail(
            param,
            value,
            Rule::OutOfRange,
            format!("must be in {} (got {value})", range.text(params)),
        );
        false
    }

    /// One value of a spec row: finite, long enough (a timed change), whole (a count or week), in
    /// range, and keeping the team in range (a team change), in that order.
    fn number(&mut self, spec: &Spec, param: &str, value: f64, params: &Params) -> bool {
        if !self.finite(param, value) {
            return false;
        }
        if spec.extra == Extra::TooShort {
            if let Some(min) = spec.range.lower(params) {
                if value < min.value {
                    self.fail(
                        param,
                        value,
                        Rule::ShockTooShort,
                        format!("must last at least {} week", min.value),
                    );
                    return false;
                }
            }
        }
        if spec.kind == Kind::Whole && value.fract() != 0.0 {
            self.fail(
                param,
                value,
                Rule::NotInteger,
                format!("must be a whole number (got {value})"),
            );
            return false;
        }
        if !self.range(param, value, &spec.range, params) {
            return false;
        }
        if let Some((lo, hi)) = spec.team_range(params) {
            if !(lo..=hi).contains(&value) {
                let n = params.team.ams;
                self.fail(
                    param,
                    value,
                    Rule::OutOfRange,
                    format!(
                        "must keep the team between {} and {} AMs: with {n} AMs, from {lo} to {hi} \
                         (got {value})",
                        lo + n,
                        hi + n
                    ),
                );
                return false;
            }
        }
        true
    }

    /// A row of non-negative entries summing to 1 ± 1e-6, checked once every entry passed its own
    /// range; the error names the row and comes after its last entry.
    fn sums_to_one(&mut self, param: &str, entries: &[String], values: &[f64]) {
        if entries.is_empty() || !entries.iter().all(|entry| self.ok(entry)) {
            return;
        }
        let sum: f64 = values.iter().sum();
        if (sum - 1.0).abs() > SUM_TOLERANCE {
            let last = &entries[entries.len() - 1];
            self.fail_after(
                last,
                param,
                sum,
                Rule::SumNotOne,
                format!("must sum to 1 (they sum to {sum})"),
            );
        }
    }

    /// A tier mix at `param`, its entries at `{param}.{tier}`.
    fn tier_mix(&mut self, param: &str, values: &TierValues) {
        let entries = Tier::ALL.map(|tier| format!("{param}.{}", tier.id()));
        self.sums_to_one(param, &entries, values);
    }

    /// Weekly exit probabilities λ (advance) and δ (lost) with λ+δ ∈ (0, 1], once both are
    /// probabilities.
    fn exit_pair(&mut self, advance_param: &str, advance: f64, lost_param: &str, lost: f64) {
        if !(self.ok(advance_param) && self.ok(lost_param)) {
            return;
        }
        let sum = advance + lost;
        if sum > 1.0 {
            self.fail_after(
                lost_param,
                advance_param,
                sum,
                Rule::ExitPairAboveOne,
                format!("{advance_param} + {lost_param} must not exceed 1 (they sum to {sum})"),
            );
        } else if sum <= 0.0 {
            self.fail_after(
                lost_param,
                advance_param,
                sum,
                Rule::ExitPairZero,
                format!("{advance_param} and {lost_param} cannot both be 0: nobody would leave the stage"),
            );
        }
    }
}

/// Every instance of every spec row against its range, in one loop over the spec's walk. The
/// entries of a list of the wrong length are not checked (the list's own error says why).
fn check_ranges(check: &mut Checker, params: &Params) {
    let entries_of = |list: List| match list {
        List::Terms => {
            let (min, max) = spec::TERM_CLASSES;
            (min..=max).contains(&params.loans.terms.len())
        }
        List::WeeklyDemand | List::WeeklyAvailability => list.len(params) == WEEKS_PER_YEAR,
        List::Holidays | List::Shocks | List::Interventions => true,
    };
    for (k, step) in spec::walk(params, entries_of).into_iter().enumerate() {
        check.place = STRIDE * (k + 1);
        let (path, ok) = match step {
            Step::List(list) => (list.path().to_owned(), true),
            Step::Param { spec, at, value } => {
                let path = spec.path_at(at);
                let ok = match value {
                    Value::Hours(Hours::TimesHStar(k)) => {
                        check.range(&path, k, &spec::TIMES_H_STAR, params)
                    }
                    value => value
                        .number()
                        .is_none_or(|x| check.number(spec, &path, x, params)),
                };
                (path, ok)
            }
        };
        check.walked.insert(path, (check.place, ok));
    }
}

/// Rows that must sum to 1: the mixes, the rows of the tier matrices, the channels' hour shares,
/// the term weights and the shares of a channel-mix change.
fn check_sums(check: &mut Checker, params: &Params) {
    for id in ChannelId::ALL {
        check.tier_mix(
            &format!("channels.{}.mix", id.id()),
            &params.channels[id.index()].mix,
        );
    }
    let shares = ChannelId::ALL.map(|id| format!("channels.{}.hour_share", id.id()));
    let values = params.channels.each_ref().map(|c| c.hour_share);
    check.sums_to_one("channels", &shares, &values);
    check.tier_mix("pipeline.inbound_mix", &params.pipeline.inbound_mix);
    for tier in Tier::ALL {
        check.tier_mix(
            &format!("referrals.homophily.{}", tier.id()),
            &params.referrals.homophily[tier.index()],
        );
        check.tier_mix(
            &format!("loans.migration.{}", tier.id()),
            &params.loans.migration[tier.index()],
        );
    }
    let terms = &params.loans.terms;
    let (min, max) = spec::TERM_CLASSES;
    if (min..=max).contains(&terms.len()) {
        let weights: Vec<String> = (0..terms.len())
            .map(|i| format!("loans.terms[{i}].weight"))
            .collect();
        let values: Vec<f64> = terms.iter().map(|c| c.weight).collect();
        check.sums_to_one("loans.terms", &weights, &values);
    }
    for (list, shocks) in [
        ("shocks", &params.shocks),
        ("interventions", &params.interventions),
    ] {
        for (i, shock) in shocks.iter().enumerate() {
            match &shock.kind {
                ShockKind::Burst { mix: Some(mix), .. } => {
                    check.tier_mix(&format!("{list}[{i}].mix"), mix);
                }
                ShockKind::ChannelMix { shares } => {
                    let param = format!("{list}[{i}].shares");
                    let entries = ChannelId::ALL.map(|id| format!("{param}.{}", id.id()));
                    check.sums_to_one(&param, &entries, shares);
                }
                _ => {}
            }
        }
    }
}

/// The four stages left by an advance and a loss probability: C, L, referrals and past due.
fn check_exit_pairs(check: &mut Checker, params: &Params) {
    let pipeline = &params.pipeline;
    check.exit_pair(
        "pipeline.contacted.advance_per_week",
        pipeline.contacted.advance_per_week,
        "pipeline.contacted.lost_per_week",
        pipeline.contacted.lost_per_week,
    );
    check.exit_pair(
        "pipeline.interested.advance_per_week",
        pipeline.interested.advance_per_week,
        "pipeline.interested.lost_per_week",
        pipeline.interested.lost_per_week,
    );
    check.exit_pair(
        "referrals.realise_per_week",
        params.referrals.realise_per_week,
        "referrals.lapse_per_week",
        params.referrals.lapse_per_week,
    );
    check.exit_pair(
        "loans.cure_per_week",
        params.loans.cure_per_week,
        "loans.write_off_per_week",
        params.loans.write_off_per_week,
    );
}

/// List lengths and distinct terms.
fn check_lists(check: &mut Checker, params: &Params) {
    let terms = &params.loans.terms;
    let count = terms.len();
    let (min, max) = spec::TERM_CLASSES;
    if (min..=max).contains(&count) {
        for (i, class) in terms.iter().enumerate() {
            let weeks_path = format!("loans.terms[{i}].weeks");
            if check.ok(&weeks_path)
                && terms[..i]
                    .iter()
                    .any(|earlier| (earlier.weeks - class.weeks).abs() < 0.5)
            {
                check.fail_after(
                    &weeks_path,
                    weeks_path.clone(),
                    class.weeks,
                    Rule::DuplicateTerm,
                    format!("the {}-week term is listed twice", class.weeks),
                );
            }
        }
    } else {
        check.fail_after(
            List::Terms.path(),
            List::Terms.path(),
            count as f64,
            Rule::OutOfRange,
            format!("must list {min} to {max} term classes (got {count})"),
        );
    }
    if let Calendar::Weekly {
        demand,
        availability,
    } = &params.calendar
    {
        for (list, values) in [
            (List::WeeklyDemand, demand),
            (List::WeeklyAvailability, availability),
        ] {
            if values.len() != WEEKS_PER_YEAR {
                check.fail_after(
                    list.path(),
                    list.path(),
                    values.len() as f64,
                    Rule::WrongLength,
                    format!("must list 52 weekly values (got {})", values.len()),
                );
            }
        }
    }
}

/// Timed changes start before the horizon; team changes that overlap keep the team in range; the
/// fault window lies inside the run.
fn check_timing(check: &mut Checker, params: &Params) {
    let horizon = params.team.horizon_weeks;
    for (list, shocks) in [
        ("shocks", &params.shocks),
        ("interventions", &params.interventions),
    ] {
        for (i, shock) in shocks.iter().enumerate() {
            let start_path = format!("{list}[{i}].start");
            if check.ok(&start_path) && horizon.is_finite() && shock.start >= horizon {
                check.fail_after(
                    &start_path,
                    start_path.clone(),
                    shock.start,
                    Rule::ShockStartAfterHorizon,
                    format!(
                        "starts at week {} but the run ends at week {}",
                        shock.start,
                        horizon - 1.0
                    ),
                );
            }
        }
    }
    check_team_changes(check, params);
    let start = params.fault.window_start;
    if let Some(start) = start {
        if check.ok("fault.window_start") && start >= horizon {
            check.fail_after(
                "fault.window_start",
                "fault.window_start",
                start,
                Rule::BadFaultWindow,
                "must start before the end of the run",
            );
        }
    }
    if let Some(end) = params.fault.window_end {
        if check.ok("fault.window_end") && (end > horizon || start.is_some_and(|s| end <= s)) {
            check.fail_after(
                "fault.window_end",
                "fault.window_end",
                end,
                Rule::BadFaultWindow,
                "must end after the window start and no later than the horizon",
            );
        }
    }
}

/// Overlapping team changes add: N plus the changes active in any week must stay a team size
/// (`team.ams`'s range). The first week that breaks the rule is reported at the latest-starting
/// change active in it.
fn check_team_changes(check: &mut Checker, params: &Params) {
    let Some((smallest, largest)) = spec::team_sizes() else {
        return;
    };
    let sizes = smallest..=largest;
    let n = params.team.ams;
    let horizon = params.team.horizon_weeks;
    let lists = [
        ("shocks", &params.shocks),
        ("interventions", &params.interventions),
    ];
    let changes: Vec<(String, &Shock, f64)> = lists
        .iter()
        .flat_map(|(list, shocks)| {
            shocks
                .iter()
                .enumerate()
                .filter_map(move |(i, shock)| match shock.kind {
                    ShockKind::Team { ams_delta } => {
                        Some((format!("{list}[{i}].ams_delta"), shock, ams_delta))
                    }
                    _ => None,
                })
        })
        .collect();
    let checkable = |x: f64| x.is_finite() && x.fract() == 0.0;
    if changes.len() < 2
        || !checkable(n)
        || !checkable(horizon)
        || !(1.0..=156.0).contains(&horizon)
        || !changes.iter().all(|(_, shock, delta)| {
            checkable(*delta)
                && sizes.contains(&(n + delta))
                && checkable(shock.start)
                && shock.duration_weeks.is_finite()
        })
    {
        return;
    }
    for t in 0..horizon as usize {
        let week = t as f64;
        let active: Vec<&(String, &Shock, f64)> = changes
            .iter()
            .filter(|(_, s, _)| s.start <= week && week < s.start + s.duration_weeks)
            .collect();
        let team = n + active.iter().map(|(_, _, delta)| delta).sum::<f64>();
        if sizes.contains(&team) {
            continue;
        }
        let Some((path, _, delta)) = active.iter().copied().reduce(|best, next| {
            if next.1.start >= best.1.start {
                next
            } else {
                best
            }
        }) else {
            continue;
        };
        check.fail_at_end_of(
            List::Interventions,
            path.clone(),
            *delta,
            Rule::OutOfRange,
            format!(
                "with the team changes active in week {t} the team would have {team} AMs; it \
                 must stay between {smallest} and {largest}"
            ),
        );
        return;
    }
}

/// Whether the run needs a finite steady state (MODEL.md 16.10).
fn needs_steady_state(params: &Params) -> bool {
    let policy = &params.policy;
    let policy_needs = match policy.kind {
        PolicyKind::Fixed => policy.fixed_hours.needs_h_star(),
        PolicyKind::StopWhenBusy => {
            policy.floor_hours.needs_h_star() || policy.cap_hours.needs_h_star()
        }
        PolicyKind::TargetPipeline => true,
    };
    params.team.init == InitialBook::Steady
        || policy_needs
        || params
            .shocks
            .iter()
            .chain(&params.interventions)
            .any(|s| matches!(s.kind, ShockKind::Burst { mix: None, .. }))
}

/// Loop-gain, reachability and steady-start rules; returns `h_ref` when it exists.
fn check_steady_state(
    check: &mut Checker,
    params: &Params,
    model: &Model,
    map: Option<&SteadyMap>,
    gain: f64,
) -> Option<f64> {
    let Some(map) = map else {
        if needs_steady_state(params) {
            check.fail(
                "referrals.introduce_prob",
                gain,
                Rule::LoopGainTooHigh,
                format!(
                    "the referral loop gain is {gain:.2} (≥ 1): referrals alone would grow the book \
                     without limit, so there is no steady state; lower ι or ν"
                ),
            );
        }
        return None;
    };
    let target = model.target_loans_per_am;
    let h_ref = map.hours_for_loans(model, target);
    if h_ref.is_none() {
        check.fail(
            "team.target_loans_per_am",
            target,
            Rule::UnreachableTarget,
            format!(
                "{target} loans per AM cannot be held with this channel mix: even unlimited \
                 prospecting holds less than {:.1}",
                map.loans_supremum
            ),
        );
    }
    if params.team.init == InitialBook::Steady {
        let a_init = model.init_loans_per_am;
        let param = if params.team.init_loans_per_am.is_some() {
            "team.init_loans_per_am"
        } else {
            "team.target_loans_per_am"
        };
        if a_init < map.loans_without_prospecting || a_init >= map.loans_supremum {
            check.fail(
                param,
                a_init,
                Rule::InitOutsideSteadyRange,
                format!(
                    "a steady start needs between {:.1} (no prospecting) and {:.1} (unlimited \
                     prospecting) loans per AM (got {a_init})",
                    map.loans_without_prospecting, map.loans_supremum
                ),
            );
        }
    }
    h_ref
}

/// Resolves `auto` hours and checks the order rules of the active policy.
fn resolve_policy(
    check: &mut Checker,
    params: &Params,
    model: &Model,
    map: Option<&SteadyMap>,
    h_ref: Option<f64>,
) -> PolicyRule {
    let policy = &params.policy;
    let h = model.hours_per_week;
    let reference = h_ref.unwrap_or(0.0);
    let resolve = |setting: Hours| setting.resolve(reference, h);
    match policy.kind {
        PolicyKind::Fixed => PolicyRule::Fixed {
            hours: resolve(policy.fixed_hours),
        },
        PolicyKind::StopWhenBusy => {
            let floor_hours = resolve(policy.floor_hours);
            let cap_hours = resolve(policy.cap_hours);
            if floor_hours > cap_hours {
                check.fail(
                    "policy.floor_hours",
                    floor_hours,
                    Rule::FloorAboveCap,
                    format!(
                        "the floor ({floor_hours:.2} h) must not exceed the cap ({cap_hours:.2} h)"
                    ),
                );
            }
            PolicyRule::StopWhenBusy {
                floor_hours,
                cap_hours,
            }
        }
        PolicyKind::TargetPipeline => {
            let min_hours = resolve(policy.min_hours);
            let max_hours = resolve(policy.max_hours);
            if min_hours > max_hours {
                check.fail(
                    "policy.min_hours",
                    min_hours,
                    Rule::MinAboveMax,
                    format!("the minimum ({min_hours:.2} h) must not exceed the maximum ({max_hours:.2} h)"),
                );
            }
            let steady = map.map(|m| m.state_at(model, reference));
            let applications = steady.as_ref().map_or(0.0, SteadyState::total_applications);
            let coverage = policy
                .coverage_weeks
                .unwrap_or_else(|| steady.as_ref().map_or(1.0, closed_form::natural_coverage));
            let pipeline_per_hour = match &steady {
                Some(s) if reference > 0.0 => {
                    model.pi_l()
                        * (model.pi_c() * s.contacted_inflow.iter().sum::<f64>()
                            + s.interested_inflow.iter().sum::<f64>())
                        / reference
                }
                _ => 1.0,
            };
            PolicyRule::TargetPipeline {
                reference_hours: reference,
                target_pipeline: coverage * applications,
                pipeline_per_hour,
                gain: policy.gain,
                min_hours,
                max_hours,
            }
        }
    }
}

fn collect_warnings(
    params: &Params,
    model: &Model,
    summary: Option<&Summary>,
    loop_gain: f64,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut warn = |code, param: &str, value, message: String| {
        warnings.push(Warning {
            code,
            param: param.to_owned(),
            value,
            message,
        });
    };
    if params.policy.kind == PolicyKind::TargetPipeline && params.policy.gain > 0.6 {
        warn(
            WarningCode::HighGain,
            "policy.gain",
            params.policy.gain,
            format!(
                "a gain of {} above 0.6 risks an oscillating controller",
                params.policy.gain
            ),
        );
    }
    let Some(summary) = summary else {
        warn(
            WarningCode::NoSteadyState,
            "referrals.introduce_prob",
            loop_gain,
            "the referral loop gain is ≥ 1, so there is no steady state and no closed-form summary"
                .to_owned(),
        );
        return warnings;
    };
    let target = &summary.at_target;
    if target.hours_total > model.hours_per_week {
        let a_max = summary
            .a_max
            .map_or_else(|| "not reachable".to_owned(), |a| format!("{a:.1}"));
        warn(
            WarningCode::TargetNeedsMoreHours,
            "team.target_loans_per_am",
            target.hours_total,
            format!(
                "holding {} loans per AM needs {:.1} h per AM-week, more than the {} h available; \
                 the sustainable caseload A_max is {a_max}",
                model.target_loans_per_am, target.hours_total, model.hours_per_week
            ),
        );
    }
    if summary.h_star == 0.0 {
        warn(
            WarningCode::HStarZero,
            "team.target_loans_per_am",
            summary.a0,
            format!(
                "inbound and referrals alone hold {:.1} loans per AM, above the target, so h* = 0",
                summary.a0
            ),
        );
    }
    if target.profit_cny < 0.0 {
        warn(
            WarningCode::ProfitNegativeAtTarget,
            "team.target_loans_per_am",
            target.profit_cny,
            format!(
                "at the target the steady profit is {:.0} CNY per AM-week",
                target.profit_cny
            ),
        );
    }
    if summary.a_max.is_none() {
        warn(
            WarningCode::NoSustainableCaseload,
            "team.hours_per_week",
            model.hours_per_week,
            "even without prospecting the book's care, renewals and investigations need more than H".to_owned(),
        );
    } else if summary.a_break_even.is_none() {
        warn(
            WarningCode::NoBreakEven,
            "team.cost_cny_per_paid_hour",
            model.cost_cny_per_paid_hour,
            "no caseload up to A_max covers the team's salaries".to_owned(),
        );
    }
    warnings
}
