//! Validation (MODEL.md sections 10 and 16.10): `Params` in, `ValidParams` or every error out.
//!
//! Each error names the parameter by its scenario-file JSON path, the offending value and a rule
//! code, so the page can show the message next to the input and tests can assert the code. All
//! errors are collected. Rules that need the steady state (loop gain, reachability) run only
//! once the plain range checks pass. Warnings never stop a run; they travel with the results.

use std::fmt;

use super::calendar::{Schedule, Season, WEEKS_PER_YEAR};
use super::closed_form::{self, SteadyMap, SteadyState, Summary};
use super::kpi::MAX_QUEUE_WEEKS;
use super::model::Model;
use super::params::{
    BaselineKind, Calendar, ChannelId, Hours, InitialBook, Params, PolicyKind, Shock, ShockKind,
    Tier, TierValues, TIERS,
};
use super::policy::PolicyRule;
use super::state::State;

/// Tolerance for "sums to 1" (MODEL.md section 3).
const SUM_TOLERANCE: f64 = 1e-6;

/// Largest multiple of h* an hours setting may ask for.
const MAX_TIMES_H_STAR: f64 = 10.0;

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

/// Checks `params` against MODEL.md sections 10 and 16.10.
pub fn validate(params: &Params) -> Result<ValidParams, Vec<ParamError>> {
    let mut check = Checker::default();
    check_team(&mut check, params);
    check_activity_hours(&mut check, params);
    check_channels(&mut check, params);
    check_pipeline(&mut check, params);
    check_referrals(&mut check, params);
    check_loans(&mut check, params);
    check_calendar(&mut check, params);
    check_shocks(&mut check, params);
    check_policy_ranges(&mut check, params);
    check_fault(&mut check, params);
    if !check.errors.is_empty() {
        return Err(check.errors);
    }

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
        return Err(check.errors);
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

/// Collects errors; each check method returns whether the value passed.
#[derive(Debug, Default)]
struct Checker {
    errors: Vec<ParamError>,
}

/// A closed or open range bound.
#[derive(Debug, Clone, Copy)]
enum Bound {
    Closed(f64),
    Open(f64),
}

impl Checker {
    fn fail(
        &mut self,
        param: impl Into<String>,
        value: f64,
        rule: Rule,
        message: impl Into<String>,
    ) {
        self.errors.push(ParamError {
            param: param.into(),
            value: ParamValue::Number(value),
            rule,
            message: message.into(),
        });
    }

    fn finite(&mut self, param: &str, value: f64) -> bool {
        if value.is_finite() {
            return true;
        }
        self.fail(param, value, Rule::NotFinite, "must be a finite number");
        false
    }

    /// value ∈ [lo, hi] with either end open.
    fn range(&mut self, param: &str, value: f64, lo: Bound, hi: Bound) -> bool {
        if !self.finite(param, value) {
            return false;
        }
        let above_lo = match lo {
            Bound::Closed(l) => value >= l,
            Bound::Open(l) => value > l,
        };
        let below_hi = match hi {
            Bound::Closed(h) => value <= h,
            Bound::Open(h) => value < h,
        };
        if above_lo && below_hi {
            return true;
        }
        let (open, lo_value) = match lo {
            Bound::Closed(l) => ("[", l),
            Bound::Open(l) => ("(", l),
        };
        let (close, hi_value) = match hi {
            Bound::Closed(h) => ("]", h),
            Bound::Open(h) => (")", h),
        };
        let hi_text = if hi_value.is_infinite() {
            "∞".to_owned()
        } else {
            hi_value.to_string()
        };
        self.fail(
            param,
            value,
            Rule::OutOfRange,
            format!("must be in {open}{lo_value}, {hi_text}{close} (got {value})"),
        );
        false
    }

    fn closed(&mut self, param: &str, value: f64, lo: f64, hi: f64) -> bool {
        self.range(param, value, Bound::Closed(lo), Bound::Closed(hi))
    }

    fn probability(&mut self, param: &str, value: f64) -> bool {
        self.closed(param, value, 0.0, 1.0)
    }

    /// A whole number in [lo, hi].
    fn integer(&mut self, param: &str, value: f64, lo: f64, hi: f64) -> bool {
        if !self.finite(param, value) {
            return false;
        }
        if value.fract() != 0.0 {
            self.fail(
                param,
                value,
                Rule::NotInteger,
                format!("must be a whole number (got {value})"),
            );
            return false;
        }
        self.closed(param, value, lo, hi)
    }

    fn tiers(&mut self, param: &str, values: &TierValues, lo: Bound, hi: Bound) {
        for tier in Tier::ALL {
            self.range(
                &format!("{param}.{}", tier.id()),
                values[tier.index()],
                lo,
                hi,
            );
        }
    }

    /// Non-negative entries summing to 1 ± 1e-6; entries are named `{param}.{name}`.
    fn distribution(&mut self, param: &str, values: &[f64], names: &[&str]) {
        let mut ok = true;
        for (value, name) in values.iter().zip(names) {
            ok &= self.closed(&format!("{param}.{name}"), *value, 0.0, 1.0);
        }
        if ok {
            self.sums_to_one(param, values.iter().sum());
        }
    }

    fn sums_to_one(&mut self, param: &str, sum: f64) {
        if (sum - 1.0).abs() > SUM_TOLERANCE {
            self.fail(
                param,
                sum,
                Rule::SumNotOne,
                format!("must sum to 1 (they sum to {sum})"),
            );
        }
    }

    fn tier_distribution(&mut self, param: &str, values: &TierValues) {
        self.distribution(param, values, &Tier::ALL.map(Tier::id));
    }

    /// Weekly exit probabilities λ (advance) and δ (lost) with λ+δ ∈ (0, 1].
    fn exit_pair(&mut self, advance_param: &str, advance: f64, lost_param: &str, lost: f64) {
        let ok = self.probability(advance_param, advance) & self.probability(lost_param, lost);
        if !ok {
            return;
        }
        let sum = advance + lost;
        if sum > 1.0 {
            self.fail(
                advance_param,
                sum,
                Rule::ExitPairAboveOne,
                format!("{advance_param} + {lost_param} must not exceed 1 (they sum to {sum})"),
            );
        } else if sum <= 0.0 {
            self.fail(
                advance_param,
                sum,
                Rule::ExitPairZero,
                format!("{advance_param} and {lost_param} cannot both be 0: nobody would leave the stage"),
            );
        }
    }

    /// An hours setting: a value in [0, H], or a multiple of h* in [0, 10].
    fn hours(&mut self, param: &str, setting: Hours, hours_per_week: f64) {
        match setting {
            Hours::Value(h) => {
                self.closed(param, h, 0.0, hours_per_week);
            }
            Hours::TimesHStar(k) => {
                self.closed(param, k, 0.0, MAX_TIMES_H_STAR);
            }
            Hours::FullWeek => {}
        }
    }
}

fn check_team(check: &mut Checker, params: &Params) {
    let team = &params.team;
    check.integer("team.ams", team.ams, 1.0, 200.0);
    check.closed("team.hours_per_week", team.hours_per_week, 5.0, 80.0);
    check.integer("team.horizon_weeks", team.horizon_weeks, 13.0, 156.0);
    check.integer("team.start_week", team.start_week, 1.0, 52.0);
    check.closed(
        "team.target_loans_per_am",
        team.target_loans_per_am,
        1.0,
        1000.0,
    );
    check.closed(
        "team.cost_cny_per_paid_hour",
        team.cost_cny_per_paid_hour,
        0.0,
        1e5,
    );
    if let Some(a_init) = team.init_loans_per_am {
        check.closed("team.init_loans_per_am", a_init, 0.0, 1000.0);
    }
    check.integer("run.runs", params.run.runs, 10.0, 10_000.0);
}

fn check_activity_hours(check: &mut Checker, params: &Params) {
    let hours = &params.activity_hours;
    check.tiers(
        "activity_hours.investigation",
        &hours.investigation,
        Bound::Closed(0.25),
        Bound::Closed(16.0),
    );
    check.closed("activity_hours.form", hours.form, 0.25, 8.0);
    check.closed("activity_hours.approval", hours.approval, 0.0, 8.0);
    check.closed("activity_hours.renewal", hours.renewal, 0.0, 16.0);
    check.tiers(
        "activity_hours.monitoring_per_loan",
        &hours.monitoring_per_loan,
        Bound::Closed(0.0),
        Bound::Closed(2.0),
    );
    check.closed(
        "activity_hours.collection_per_past_due",
        hours.collection_per_past_due,
        0.0,
        20.0,
    );
}

fn check_channels(check: &mut Checker, params: &Params) {
    let mut shares_ok = true;
    for id in ChannelId::ALL {
        let channel = &params.channels[id.index()];
        let path = format!("channels.{}", id.id());
        check.closed(
            &format!("{path}.leads_per_hour"),
            channel.leads_per_hour,
            0.0,
            20.0,
        );
        check.range(
            &format!("{path}.saturation_hours"),
            channel.saturation_hours,
            Bound::Open(0.0),
            Bound::Closed(80.0),
        );
        check.tier_distribution(&format!("{path}.mix"), &channel.mix);
        check.closed(
            &format!("{path}.cash_cny_per_hour"),
            channel.cash_cny_per_hour,
            0.0,
            1e5,
        );
        shares_ok &= check.closed(&format!("{path}.hour_share"), channel.hour_share, 0.0, 1.0);
    }
    if shares_ok {
        let sum = params.channels.iter().map(|c| c.hour_share).sum();
        check.sums_to_one("channels", sum);
    }
}

fn check_pipeline(check: &mut Checker, params: &Params) {
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
    check.range(
        "pipeline.renege_per_week",
        pipeline.renege_per_week,
        Bound::Closed(0.0),
        Bound::Open(1.0),
    );
    check.integer(
        "pipeline.queue_max_weeks",
        pipeline.queue_max_weeks,
        1.0,
        MAX_QUEUE_WEEKS as f64,
    );
    check.tiers(
        "pipeline.approval_prob",
        &pipeline.approval_prob,
        Bound::Closed(0.0),
        Bound::Closed(1.0),
    );
    check.closed(
        "pipeline.inbound_per_am_week",
        pipeline.inbound_per_am_week,
        0.0,
        50.0,
    );
    check.tier_distribution("pipeline.inbound_mix", &pipeline.inbound_mix);
}

fn check_referrals(check: &mut Checker, params: &Params) {
    let referrals = &params.referrals;
    check.closed(
        "referrals.network_size",
        referrals.network_size,
        1.0,
        10_000.0,
    );
    check.probability(
        "referrals.network_need_per_year",
        referrals.network_need_per_year,
    );
    check.tiers(
        "referrals.introduce_prob",
        &referrals.introduce_prob,
        Bound::Closed(0.0),
        Bound::Closed(1.0),
    );
    check.exit_pair(
        "referrals.realise_per_week",
        referrals.realise_per_week,
        "referrals.lapse_per_week",
        referrals.lapse_per_week,
    );
    for tier in Tier::ALL {
        check.tier_distribution(
            &format!("referrals.homophily.{}", tier.id()),
            &referrals.homophily[tier.index()],
        );
    }
}

fn check_loans(check: &mut Checker, params: &Params) {
    let loans = &params.loans;
    let count = loans.terms.len();
    if (1..=12).contains(&count) {
        let mut weights_ok = true;
        for (i, class) in loans.terms.iter().enumerate() {
            let weeks_path = format!("loans.terms[{i}].weeks");
            if check.integer(&weeks_path, class.weeks, 1.0, 104.0)
                && loans.terms[..i]
                    .iter()
                    .any(|earlier| (earlier.weeks - class.weeks).abs() < 0.5)
            {
                check.fail(
                    weeks_path,
                    class.weeks,
                    Rule::DuplicateTerm,
                    format!("the {}-week term is listed twice", class.weeks),
                );
            }
            weights_ok &= check.probability(&format!("loans.terms[{i}].weight"), class.weight);
        }
        if weights_ok {
            check.sums_to_one("loans.terms", loans.terms.iter().map(|c| c.weight).sum());
        }
    } else {
        check.fail(
            "loans.terms",
            count as f64,
            Rule::OutOfRange,
            format!("must list 1 to 12 term classes (got {count})"),
        );
    }
    check.tiers(
        "loans.amount_cny",
        &loans.amount_cny,
        Bound::Open(0.0),
        Bound::Closed(1e8),
    );
    check.tiers(
        "loans.nim_per_year",
        &loans.nim_per_year,
        Bound::Closed(-0.1),
        Bound::Closed(0.5),
    );
    check.tiers(
        "loans.renewal_prob",
        &loans.renewal_prob,
        Bound::Closed(0.0),
        Bound::Closed(1.0),
    );
    for tier in Tier::ALL {
        check.tier_distribution(
            &format!("loans.migration.{}", tier.id()),
            &loans.migration[tier.index()],
        );
    }
    check.tiers(
        "loans.default_per_week",
        &loans.default_per_week,
        Bound::Closed(0.0),
        Bound::Closed(0.2),
    );
    check.exit_pair(
        "loans.cure_per_week",
        loans.cure_per_week,
        "loans.write_off_per_week",
        loans.write_off_per_week,
    );
    check.probability("loans.loss_given_default", loans.loss_given_default);
    check.closed(
        "loans.monitoring_penalty",
        loans.monitoring_penalty,
        0.0,
        10.0,
    );
}

fn check_calendar(check: &mut Checker, params: &Params) {
    match &params.calendar {
        Calendar::None => {}
        Calendar::ChinaDefault {
            spring_festival_week,
            mid_autumn_week,
        } => {
            check.integer(
                "calendar.spring_festival_week",
                *spring_festival_week,
                1.0,
                52.0,
            );
            check.integer("calendar.mid_autumn_week", *mid_autumn_week, 1.0, 52.0);
        }
        Calendar::Custom(holidays) => {
            for (i, holiday) in holidays.iter().enumerate() {
                let path = format!("calendar.holidays[{i}]");
                check.integer(&format!("{path}.week"), holiday.week, 1.0, 52.0);
                check.integer(&format!("{path}.pre_weeks"), holiday.pre_weeks, 0.0, 51.0);
                check.integer(&format!("{path}.post_weeks"), holiday.post_weeks, 0.0, 51.0);
                check.closed(&format!("{path}.pre_demand"), holiday.pre_demand, 0.0, 10.0);
                check.closed(&format!("{path}.demand"), holiday.demand, 0.0, 10.0);
                check.closed(
                    &format!("{path}.post_demand"),
                    holiday.post_demand,
                    0.0,
                    10.0,
                );
                check.probability(&format!("{path}.availability"), holiday.availability);
                check.probability(
                    &format!("{path}.post_availability"),
                    holiday.post_availability,
                );
            }
        }
        Calendar::Weekly {
            demand,
            availability,
        } => {
            for (name, values, hi) in [
                ("demand", demand, 10.0),
                ("availability", availability, 1.0),
            ] {
                let path = format!("calendar.{name}");
                if values.len() == WEEKS_PER_YEAR {
                    for (i, value) in values.iter().enumerate() {
                        check.closed(&format!("{path}[{i}]"), *value, 0.0, hi);
                    }
                } else {
                    check.fail(
                        path,
                        values.len() as f64,
                        Rule::WrongLength,
                        format!("must list 52 weekly values (got {})", values.len()),
                    );
                }
            }
        }
    }
}

fn check_shocks(check: &mut Checker, params: &Params) {
    check_shock_list(check, params, &params.shocks, "shocks");
    check_shock_list(check, params, &params.interventions, "interventions");
    check_team_changes(check, params);
}

/// The rules of every entry of a list of timed changes (`shocks` or the trainer's interventions).
fn check_shock_list(check: &mut Checker, params: &Params, shocks: &[Shock], list: &str) {
    let horizon = params.team.horizon_weeks;
    for (i, shock) in shocks.iter().enumerate() {
        let path = format!("{list}[{i}]");
        let start_path = format!("{path}.start");
        if check.integer(&start_path, shock.start, 0.0, f64::INFINITY)
            && horizon.is_finite()
            && shock.start >= horizon
        {
            check.fail(
                start_path,
                shock.start,
                Rule::ShockStartAfterHorizon,
                format!(
                    "starts at week {} but the run ends at week {}",
                    shock.start,
                    horizon - 1.0
                ),
            );
        }
        let duration_path = format!("{path}.duration_weeks");
        if check.finite(&duration_path, shock.duration_weeks) {
            if shock.duration_weeks < 1.0 {
                check.fail(
                    duration_path,
                    shock.duration_weeks,
                    Rule::ShockTooShort,
                    "must last at least 1 week",
                );
            } else {
                check.integer(&duration_path, shock.duration_weeks, 1.0, f64::INFINITY);
            }
        }
        match &shock.kind {
            ShockKind::Burst { apps_per_am, mix } => {
                check.range(
                    &format!("{path}.apps_per_am"),
                    *apps_per_am,
                    Bound::Open(0.0),
                    Bound::Closed(100.0),
                );
                if let Some(mix) = mix {
                    check.tier_distribution(&format!("{path}.mix"), mix);
                }
            }
            ShockKind::Demand { mult, .. } => {
                check.closed(&format!("{path}.mult"), *mult, 0.0, 10.0);
            }
            ShockKind::Capacity { frac } => {
                check.probability(&format!("{path}.frac"), *frac);
            }
            ShockKind::Credit { mult } => {
                check.closed(&format!("{path}.mult"), *mult, 0.0, 50.0);
            }
            ShockKind::Prospecting { change } => {
                if let Some(hours) = change.hours() {
                    let h = params.team.hours_per_week;
                    let hi = if h.is_finite() { h } else { 80.0 };
                    check.closed(&format!("{path}.hours"), hours, 0.0, hi);
                }
            }
            ShockKind::ChannelMix { shares } => {
                check.distribution(
                    &format!("{path}.shares"),
                    shares,
                    &ChannelId::ALL.map(ChannelId::id),
                );
            }
            ShockKind::Team { ams_delta } => {
                let delta_path = format!("{path}.ams_delta");
                let n = params.team.ams;
                if check.integer(&delta_path, *ams_delta, -199.0, 199.0)
                    && n.is_finite()
                    && !(1.0..=200.0).contains(&(n + ams_delta))
                {
                    check.fail(
                        delta_path,
                        *ams_delta,
                        Rule::OutOfRange,
                        format!(
                            "must keep the team between 1 and 200 AMs: with {n} AMs, from {} to {} \
                             (got {ams_delta})",
                            1.0 - n,
                            200.0 - n
                        ),
                    );
                }
            }
        }
    }
}

/// Overlapping team changes add: N plus the changes active in any week must stay in 1–200. The
/// first week that breaks the rule is reported at the latest-starting change active in it.
fn check_team_changes(check: &mut Checker, params: &Params) {
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
                && (1.0..=200.0).contains(&(n + delta))
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
        if (1.0..=200.0).contains(&team) {
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
        check.fail(
            path.clone(),
            *delta,
            Rule::OutOfRange,
            format!(
                "with the team changes active in week {t} the team would have {team} AMs; it \
                 must stay between 1 and 200"
            ),
        );
        return;
    }
}

fn check_policy_ranges(check: &mut Checker, params: &Params) {
    let policy = &params.policy;
    let h = params.team.hours_per_week;
    check.hours("policy.fixed_hours", policy.fixed_hours, h);
    check.hours("policy.floor_hours", policy.floor_hours, h);
    check.hours("policy.cap_hours", policy.cap_hours, h);
    check.hours("policy.min_hours", policy.min_hours, h);
    check.hours("policy.max_hours", policy.max_hours, h);
    if let Some(coverage) = policy.coverage_weeks {
        check.range(
            "policy.coverage_weeks",
            coverage,
            Bound::Open(0.0),
            Bound::Closed(52.0),
        );
    }
    check.range(
        "policy.gain",
        policy.gain,
        Bound::Open(0.0),
        Bound::Closed(1.0),
    );
}

fn check_fault(check: &mut Checker, params: &Params) {
    let horizon = params.team.horizon_weeks;
    let start = params.fault.window_start;
    if let Some(start) = start {
        if check.integer("fault.window_start", start, 0.0, f64::INFINITY) && start >= horizon {
            check.fail(
                "fault.window_start",
                start,
                Rule::BadFaultWindow,
                "must start before the end of the run",
            );
        }
    }
    if let Some(end) = params.fault.window_end {
        if check.integer("fault.window_end", end, 1.0, f64::INFINITY)
            && (end > horizon || start.is_some_and(|s| end <= s))
        {
            check.fail(
                "fault.window_end",
                end,
                Rule::BadFaultWindow,
                "must end after the window start and no later than the horizon",
            );
        }
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
