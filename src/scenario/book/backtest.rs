//! The back-test (issue 17): the calibrated model started at a past date from the book as it
//! stood then, run forward to the last date in the data, and set against what happened — active
//! loans, new customers' loans and renewals by week — with how many weeks fall inside the Monte
//! Carlo P10–P90 band.
//!
//! Nothing after the start date reaches the forecast. The loans are first cut to what the book
//! knew at the end of that day ([`known_on`]: later loans dropped, a loan closed later still
//! open, days past due — which describe the export's day — forgotten); the rates are fitted
//! from those loans only (`fit::fit`, every estimate it has, thin or not: the back-test tests the
//! fit itself), and the starting book is taken from them (`start::starting_book`). The only
//! thing the later data give is the number of weeks to forecast.
//!
//! The start defaults to 26 weeks before the last date, or half-way through the data when they
//! span less than a year: half a year is long enough for the book to turn over by a quarter or
//! more (the mean term is about 8 months) while the fit keeps at least as many weeks as the
//! test, including loans of a year's term that have matured and so could renew.
//!
//! **How new loans are set.** The model makes new customers' loans from prospecting hours ×
//! channel yields through the pipeline, and a loan book says nothing about hours. The back-test
//! fixes the team's prospecting at the scenario's own hours (policy (a) at its `h_fix`, `auto`
//! resolved to h*), gives every channel and the walk-ins the fitted tier mix of new loans
//! (each tier's share divided by its approval probability, so the approved loans carry the
//! fitted mix), and scales every channel's yield and the walk-ins by one factor, solved so that
//! the EV forecast's mean new loans per week equals the rate fitted before the start. The
//! pipeline, which a book does not hold either, starts at the steady state of that intake, so
//! the first weeks are not empty. The factor is solved with the longest working week H allows
//! (80 h), so the hours never cap it; then each AM's week is set to the scenario's, or — when the
//! book's volume with the scenario's activity times needs more — to 1.25 × the EV forecast's
//! busiest week: the book shows the team did that work, and a loan book cannot say in how many
//! hours. Each figure of this calibration is reported ([`Intake`]).
//!
//! The band is the engine's Monte Carlo of that scenario, whose runs start from the book with each
//! cell Poisson-sampled around it (MODEL.md 16.8): its first weeks are a little wider than a book
//! known to the loan would make them.
//!
//! Actual active loans are the loans open and not past their maturity at the end of each week
//! (the model's performing loans); a loan written off later is counted until its write-off,
//! since the book does not say when it fell 30 days behind.

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{json, Value};

use super::fit::{self, Fit};
use super::loans::Loan;
use super::start::{self, StartingBook};
use super::term_weeks_of;
use crate::engine::kpi::Kpi;
use crate::engine::montecarlo::McOutput;
use crate::engine::params::{Hours, InitialPipeline, Params, PolicyKind, TermClass};
use crate::engine::sampler::Expect;
use crate::engine::simulate::simulate;
use crate::engine::{validate, ParamError};
use crate::i18n::{fill, Lang, Text};

/// Weeks before the last date the back-test starts by default.
pub const DEFAULT_WEEKS: i64 = 26;
/// The fewest and most weeks a back-test forecasts (the engine's horizon range).
pub const MIN_WEEKS: i64 = 13;
pub const MAX_WEEKS: i64 = 156;
/// Bisection steps of the intake factor (each an EV run of the back-test's weeks).
const INTAKE_STEPS: usize = 40;
/// The longest working week the back-test may give the team (the end of H's range).
const MOST_HOURS_PER_WEEK: f64 = 80.0;
/// Headroom over the EV forecast's busiest week, for the Monte Carlo runs' busier weeks.
const HOURS_HEADROOM: f64 = 1.25;

/// The three figures compared week by week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    ActiveLoans,
    NewLoans,
    Renewals,
}

impl Series {
    pub const ALL: [Series; 3] = [Series::ActiveLoans, Series::NewLoans, Series::Renewals];

    /// The model's KPI of this figure (team level).
    #[must_use]
    pub fn kpi(self) -> Kpi {
        match self {
            Series::ActiveLoans => Kpi::ActiveLoans,
            Series::NewLoans => Kpi::NewLoans,
            Series::Renewals => Kpi::Renewals,
        }
    }

    /// A stable id for tools.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Series::ActiveLoans => "active_loans",
            Series::NewLoans => "new_loans",
            Series::Renewals => "renewals",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Why there is no back-test.
#[derive(Debug, Clone, PartialEq)]
pub enum BacktestError {
    /// Fewer than [`MIN_WEEKS`] whole weeks between the start and the last date.
    TooShort {
        from: NaiveDate,
        to: NaiveDate,
        weeks: i64,
    },
    /// More than [`MAX_WEEKS`] weeks to forecast.
    TooLong {
        from: NaiveDate,
        to: NaiveDate,
        weeks: i64,
    },
    /// No loan had been disbursed by the start date (`None`: the book has no loan at all).
    NoHistory(Option<NaiveDate>),
    /// The calibrated scenario does not validate (with the engine's errors).
    Invalid(Vec<ParamError>),
}

/// The problem in words, in `lang`.
#[must_use]
pub fn words(error: &BacktestError, lang: Lang) -> String {
    let day = |d: &NaiveDate| d.to_string();
    match error {
        BacktestError::TooShort { from, to, weeks } => fill(
            Text::BacktestTooShort.get(lang),
            &[&day(from), &day(to), &weeks.to_string()],
        ),
        BacktestError::TooLong { from, to, weeks } => fill(
            Text::BacktestTooLong.get(lang),
            &[&day(from), &day(to), &weeks.to_string()],
        ),
        BacktestError::NoHistory(from) => fill(
            Text::BacktestNoHistory.get(lang),
            &[&from.as_ref().map_or_else(String::new, day)],
        ),
        BacktestError::Invalid(errors) => fill(
            Text::BacktestInvalid.get(lang),
            &[&errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")],
        ),
    }
}

/// How the forecast's new loans were set (see the module's docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Intake {
    /// New customers' loans per week fitted before the start (team).
    pub target_new_loans_per_week: f64,
    /// Prospecting hours per AM-week the forecast holds.
    pub hours_per_am: f64,
    /// The factor on every channel's yield and on walk-ins.
    pub yield_factor: f64,
    /// The EV forecast's mean new loans per week with that factor (the target unless out of reach).
    pub ev_new_loans_per_week: f64,
    /// Productive hours per AM-week the forecast gives the team, and the scenario's.
    pub hours_per_week: f64,
    pub scenario_hours_per_week: f64,
}

/// A back-test set up: what the model was given and what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Backtest {
    /// The start (the book at the end of this day) and the last date compared.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Whole weeks forecast; week t ends on `from + 7(t + 1)` days.
    pub weeks: u32,
    pub fit: Fit,
    pub book: StartingBook,
    pub intake: Intake,
    /// The scenario the forecast runs (its Monte Carlo band is run from it).
    pub params: Params,
    /// The EV forecast of each [`Series`] by week.
    pub ev: [Vec<f64>; 3],
    /// What happened, by week.
    pub actual: [Vec<f64>; 3],
}

/// One figure's forecast against the data, with its band.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub series: Series,
    pub actual: Vec<f64>,
    pub ev: Vec<f64>,
    pub p10: Vec<f64>,
    pub p90: Vec<f64>,
    /// Weeks with P10 ≤ actual ≤ P90, of `actual.len()`.
    pub inside: usize,
}

impl Backtest {
    /// The figure's EV forecast and actual values.
    #[must_use]
    pub fn series(&self, series: Series) -> (&[f64], &[f64]) {
        (&self.ev[series.index()], &self.actual[series.index()])
    }

    /// Every figure against the band of `output` (a Monte Carlo run of [`Backtest::params`]);
    /// `None` when the output lacks a band or is of another length.
    #[must_use]
    pub fn compare(&self, output: &McOutput) -> Option<[Compared; 3]> {
        let weeks = self.weeks as usize;
        let mut compared = Vec::with_capacity(3);
        for series in Series::ALL {
            let band = output.band(series.kpi())?;
            if band.p10.len() != weeks || band.p90.len() != weeks {
                return None;
            }
            let (ev, actual) = self.series(series);
            compared.push(Compared {
                series,
                actual: actual.to_vec(),
                ev: ev.to_vec(),
                p10: band.p10.clone(),
                p90: band.p90.clone(),
                inside: inside_band(actual, &band.p10, &band.p90),
            });
        }
        compared.try_into().ok()
    }
}

/// Weeks whose actual value lies within [P10, P90] (ends included).
#[must_use]
pub fn inside_band(actual: &[f64], p10: &[f64], p90: &[f64]) -> usize {
    actual
        .iter()
        .zip(p10.iter().zip(p90))
        .filter(|(a, (lo, hi))| **lo <= **a && **a <= **hi)
        .count()
}

/// The loans as the book knew them at the end of `day`: those disbursed by then, a loan closed
/// later shown open (active, no closing date), days past due dropped.
#[must_use]
pub fn known_on(loans: &[Loan], day: NaiveDate) -> Vec<Loan> {
    loans
        .iter()
        .filter(|l| l.disbursed_on <= day)
        .map(|loan| {
            let mut loan = loan.clone();
            loan.days_past_due = None;
            if loan.closed_on.is_some_and(|c| c > day) {
                loan.closed_on = None;
                loan.status = super::map::Status::Active;
            }
            loan
        })
        .collect()
}

/// The default start: [`DEFAULT_WEEKS`] before `to`, or half-way from `first` when the data span
/// less than a year.
#[must_use]
pub fn default_from(first: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span_weeks = (to - first).num_days() / 7;
    to - Duration::weeks(DEFAULT_WEEKS.min(span_weeks / 2))
}

/// The last day of back-test week `t` (week 0 ends 7 days after the start).
#[must_use]
pub fn week_end(from: NaiveDate, t: u32) -> NaiveDate {
    from + Duration::days(7 * (i64::from(t) + 1))
}

/// What happened after `from`, week by week: performing loans at each week's end, new
/// customers' loans and renewals disbursed in it.
#[must_use]
pub fn actual_series(loans: &[Loan], from: NaiveDate, weeks: u32) -> [Vec<f64>; 3] {
    let active = (0..weeks)
        .map(|t| {
            let end = week_end(from, t);
            loans
                .iter()
                .filter(|l| start::open_on(l, end) && l.matures_on > end)
                .count() as f64
        })
        .collect();
    let weeks = weeks as usize;
    let mut series = [active, vec![0.0; weeks], vec![0.0; weeks]];
    for loan in loans.iter().filter(|l| l.disbursed_on > from) {
        let t = ((loan.disbursed_on - from).num_days() - 1) / 7;
        if let Some(t) = usize::try_from(t).ok().filter(|t| *t < weeks) {
            let which = if loan.renewed_from.is_some() {
                Series::Renewals
            } else {
                Series::NewLoans
            };
            series[which.index()][t] += 1.0;
        }
    }
    series
}

/// Sets up the back-test of `loans` from `from` (default: [`default_from`]) to `to` (default:
/// the last date they mention) on `params`' team, times and channels. `knows_renewals`: whether
/// the file says which loan renews which.
///
/// # Errors
/// [`BacktestError`] for too few or too many weeks, no loan before the start, or a calibrated
/// scenario the engine refuses.
pub fn backtest(
    loans: &[Loan],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    knows_renewals: bool,
    params: &Params,
) -> Result<Backtest, BacktestError> {
    let to = to
        .or_else(|| start::last_date(loans))
        .ok_or(BacktestError::NoHistory(None))?;
    let first = loans
        .iter()
        .map(|l| l.disbursed_on)
        .min()
        .ok_or(BacktestError::NoHistory(None))?;
    let from = from.unwrap_or_else(|| default_from(first, to));
    let weeks = (to - from).num_days().div_euclid(7);
    if weeks < MIN_WEEKS {
        return Err(BacktestError::TooShort { from, to, weeks });
    }
    if weeks > MAX_WEEKS {
        return Err(BacktestError::TooLong { from, to, weeks });
    }
    let known = known_on(loans, from);
    if known.is_empty() {
        return Err(BacktestError::NoHistory(Some(from)));
    }
    let term_weeks = term_weeks_of(params);
    let fit = fit::fit(&known, from, &term_weeks, knows_renewals);
    let book = start::starting_book(&known, from, &term_weeks);
    let weeks = weeks as u32;
    let calibrated = calibrated(params, &fit, &book, from, weeks);
    let (params, intake) = with_intake(&calibrated, &fit)?;
    let vp = validate(&params).map_err(BacktestError::Invalid)?;
    let trace = simulate(&vp, vp.schedule(), vp.initial_state().clone(), &mut Expect);
    let ev = Series::ALL.map(|s| trace.series(s.kpi()));
    Ok(Backtest {
        from,
        to,
        weeks,
        fit,
        book,
        intake,
        params,
        ev,
        actual: actual_series(loans, from, weeks),
    })
}

/// `params` with the fit's rates, starting from `book` on `from` for `weeks` weeks, prospecting
/// at fixed hours (yields and pipeline not yet set).
fn calibrated(
    params: &Params,
    fit: &Fit,
    book: &StartingBook,
    from: NaiveDate,
    weeks: u32,
) -> Params {
    let mut p = start::starting_from(params, book);
    p.team.horizon_weeks = f64::from(weeks);
    // Week 0 is the week after the start: its week of the year places the scenario's seasons.
    let week_of_year = (from + Duration::days(1)).iso_week().week().min(52);
    p.team.start_week = f64::from(week_of_year);
    // The hold-flat target, which fixed hours from a real book do not use, at its least: every
    // intake the calibration tries then validates.
    p.team.target_loans_per_am = 1.0;
    p.shocks.clear();
    p.interventions.clear();
    p.actuals.clear();
    p.plan = None;
    for k in 0..3 {
        if let Some(e) = fit.renewal_prob[k] {
            p.loans.renewal_prob[k] = e.value;
        }
        if let Some(e) = fit.default_per_week[k] {
            p.loans.default_per_week[k] = e.value;
        }
        if let Some(e) = fit.amount_cny[k] {
            if e.value > 0.0 {
                p.loans.amount_cny[k] = e.value;
            }
        }
    }
    if fit.term_mix.iter().all(Option::is_some) {
        p.loans.terms = fit
            .term_weeks
            .iter()
            .zip(&fit.term_mix)
            .map(|(weeks, e)| TermClass {
                weeks: f64::from(*weeks),
                weight: e.map_or(0.0, |e| e.value),
            })
            .collect();
    }
    // Applications of each tier in proportion to its share of new loans over its approval.
    let shares = fit.new_loan_tier_mix.map(|e| e.map(|e| e.value));
    let approval = p.pipeline.approval_prob;
    if shares.iter().all(Option::is_some) {
        let raw: [f64; 3] = std::array::from_fn(|k| {
            let share = shares[k].unwrap_or(0.0);
            if share > 0.0 {
                share / approval[k]
            } else {
                0.0
            }
        });
        let total: f64 = raw.iter().sum();
        if total.is_finite() && total > 0.0 {
            let mix = raw.map(|r| r / total);
            for channel in &mut p.channels {
                channel.mix = mix;
            }
            p.pipeline.inbound_mix = mix;
        }
    }
    // The scenario's own prospecting hours, held fixed (an `auto` resolved to h*).
    let hours = validate(params)
        .ok()
        .map(|vp| {
            let h_ref = vp.h_ref().unwrap_or(0.0);
            let policy = &params.policy;
            let setting = match policy.kind {
                PolicyKind::Fixed => policy.fixed_hours,
                PolicyKind::StopWhenBusy => policy.cap_hours,
                PolicyKind::TargetPipeline => Hours::AUTO,
            };
            setting.resolve(h_ref, params.team.hours_per_week)
        })
        .filter(|h| *h > 0.0)
        .unwrap_or(params.team.hours_per_week / 4.0);
    let hours = Hours::Value(hours.min(p.team.hours_per_week));
    p.policy.kind = PolicyKind::Fixed;
    // Every hours setting explicit: no steady state is needed to run from the real book.
    p.policy.fixed_hours = hours;
    p.policy.cap_hours = hours;
    p
}

/// `params` with every channel's yield and the walk-ins scaled by `factor` and the pipeline at
/// that intake's steady state (left empty when there is none).
fn scaled(params: &Params, factor: f64) -> Params {
    let mut p = params.clone();
    for (channel, base) in p.channels.iter_mut().zip(&params.channels) {
        channel.leads_per_hour = base.leads_per_hour * factor;
    }
    p.pipeline.inbound_per_am_week = params.pipeline.inbound_per_am_week * factor;
    let hours = match p.policy.fixed_hours {
        Hours::Value(h) => h,
        _ => 0.0,
    };
    let pipeline = validate(&p).ok().and_then(|vp| {
        let steady = vp.steady_state_at(hours)?;
        let n = p.team.ams;
        let queue_max = vp.model().queue_max_weeks;
        let mut queue = vec![0.0; 3 * queue_max];
        for k in 0..3 {
            queue[k * queue_max] = n * steady.applications[k];
        }
        Some(InitialPipeline {
            contacted: steady.contacted.map(|c| n * c),
            interested: steady.interested.map(|l| n * l),
            queue,
            investigated: steady.applications.map(|a| n * a),
            referral_potential: steady.referral_potential.map(|r| n * r),
        })
    });
    if let Some(book) = &mut p.team.initial_book {
        book.pipeline = pipeline;
    }
    p
}

/// The EV forecast's mean new loans per week, or `None` when the scenario does not validate.
fn mean_new_loans(params: &Params) -> Option<f64> {
    let vp = validate(params).ok()?;
    let trace = simulate(&vp, vp.schedule(), vp.initial_state().clone(), &mut Expect);
    let series = trace.series(Kpi::NewLoans);
    Some(series.iter().sum::<f64>() / series.len().max(1) as f64)
}

/// The intake factor that makes the EV new loans per week the fitted rate (bisection: more
/// yield never gives fewer new loans), capped where a channel's yield reaches its range's end.
fn with_intake(params: &Params, fit: &Fit) -> Result<(Params, Intake), BacktestError> {
    let scenario_hours = params.team.hours_per_week;
    let target = fit.new_loans_per_week.map_or(0.0, |e| e.value);
    let hours = match params.policy.fixed_hours {
        Hours::Value(h) => h,
        _ => 0.0,
    };
    let largest_yield = params
        .channels
        .iter()
        .map(|c| c.leads_per_hour)
        .fold(params.pipeline.inbound_per_am_week / 2.5, f64::max);
    // a_c ≤ 20 and b_in ≤ 50 (the spec's ranges).
    let most = if largest_yield > 0.0 {
        20.0 / largest_yield
    } else {
        1.0
    };
    // The factor is solved with the longest week, so the hours never cap the intake; the week
    // is then cut to what the forecast needs (the book shows the team did that much work).
    let mut roomy = params.clone();
    roomy.team.hours_per_week = MOST_HOURS_PER_WEEK;
    // A factor too small for the scenario to validate (no book can be held) gives no new loans.
    let evaluate = |factor: f64| mean_new_loans(&scaled(&roomy, factor)).unwrap_or(0.0);
    let (mut lo, mut hi) = (0.0, most);
    let factor = if evaluate(hi) <= target {
        hi
    } else {
        for _ in 0..INTAKE_STEPS {
            let mid = 0.5 * (lo + hi);
            if evaluate(mid) < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    };
    let invalid = |p: &Params| match validate(p) {
        Err(errors) => BacktestError::Invalid(errors),
        Ok(_) => BacktestError::Invalid(Vec::new()),
    };
    let mut params = scaled(&roomy, factor);
    let vp = validate(&params).map_err(BacktestError::Invalid)?;
    let trace = simulate(&vp, vp.schedule(), vp.initial_state().clone(), &mut Expect);
    let busiest = trace
        .series(Kpi::Utilisation)
        .iter()
        .fold(0.0_f64, |a, u| a.max(*u))
        * MOST_HOURS_PER_WEEK;
    let hours_per_week = (busiest * HOURS_HEADROOM)
        .max(scenario_hours)
        .min(MOST_HOURS_PER_WEEK);
    params.team.hours_per_week = hours_per_week;
    let ev_new_loans_per_week = mean_new_loans(&params).ok_or_else(|| invalid(&params))?;
    Ok((
        params,
        Intake {
            target_new_loans_per_week: target,
            hours_per_am: hours,
            yield_factor: factor,
            ev_new_loans_per_week,
            hours_per_week,
            scenario_hours_per_week: scenario_hours,
        },
    ))
}

/// `cadence backtest`'s JSON: the dates, the calibration, and per figure every week's actual,
/// EV, P10 and P90 with the weeks inside the band.
#[must_use]
pub fn json(backtest: &Backtest, compared: &[Compared; 3], runs: u32, seed: u64) -> Value {
    let figures: serde_json::Map<String, Value> = compared
        .iter()
        .map(|c| {
            let weeks: Vec<Value> = (0..backtest.weeks)
                .zip(c.actual.iter().zip(&c.ev).zip(c.p10.iter().zip(&c.p90)))
                .map(|(t, ((actual, ev), (p10, p90)))| {
                    json!({
                        "week": t,
                        "ends_on": week_end(backtest.from, t).to_string(),
                        "actual": actual,
                        "ev": ev,
                        "p10": p10,
                        "p90": p90,
                    })
                })
                .collect();
            (
                c.series.id().to_owned(),
                json!({ "inside": c.inside, "weeks_compared": c.actual.len(), "weeks": weeks }),
            )
        })
        .collect();
    let intake = &backtest.intake;
    json!({
        "from": backtest.from.to_string(),
        "to": backtest.to.to_string(),
        "weeks": backtest.weeks,
        "runs": runs,
        "seed": seed,
        "starting_active_loans": super::map::Tier::ALL
            .iter()
            .map(|t| backtest.book.active_in(*t))
            .sum::<u32>(),
        "intake": {
            "target_new_loans_per_week": intake.target_new_loans_per_week,
            "ev_new_loans_per_week": intake.ev_new_loans_per_week,
            "prospecting_hours_per_am": intake.hours_per_am,
            "yield_factor": intake.yield_factor,
            "hours_per_week": intake.hours_per_week,
            "scenario_hours_per_week": intake.scenario_hours_per_week,
        },
        "figures": figures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::book::map::{Status, Tier};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn loan(id: &str, disbursed: NaiveDate, weeks: i64, closed: Option<NaiveDate>) -> Loan {
        Loan {
            row: 2,
            loan_id: id.to_owned(),
            customer_id: None,
            disbursed_on: disbursed,
            matures_on: disbursed + Duration::weeks(weeks),
            term_weeks: weeks as u32,
            amount_cny: Some(100_000.0),
            tier: Tier::Standard,
            status: if closed.is_some() {
                Status::Repaid
            } else {
                Status::Active
            },
            closed_on: closed,
            renewed_from: None,
            channel: None,
            days_past_due: None,
            am: None,
        }
    }

    #[test]
    fn the_actual_series_counts_each_week_of_a_hand_made_book() {
        let from = date(2025, 1, 5);
        let a = loan("A", date(2024, 12, 1), 13, Some(date(2025, 3, 2)));
        // Disbursed in week 0 (day 3) and week 1 (day 8), B maturing in week 2 and renewed by C.
        let b = loan(
            "B",
            from + Duration::days(3),
            2,
            Some(from + Duration::days(17)),
        );
        let mut c = loan("C", from + Duration::days(17), 13, None);
        c.renewed_from = Some("B".to_owned());
        let d = loan("D", from + Duration::days(8), 26, None);
        let series = actual_series(&[a, b, c, d], from, 4);
        assert_eq!(series[Series::NewLoans.index()], vec![1.0, 1.0, 0.0, 0.0]);
        assert_eq!(series[Series::Renewals.index()], vec![0.0, 0.0, 1.0, 0.0]);
        // A (to 2 March), B until its maturity on day 17, C from day 17, D from day 8.
        assert_eq!(
            series[Series::ActiveLoans.index()],
            vec![2.0, 3.0, 3.0, 3.0]
        );
    }

    #[test]
    fn the_book_known_on_a_day_forgets_what_came_after_it() {
        let day = date(2025, 6, 1);
        let mut later = loan("A", date(2025, 1, 5), 13, Some(date(2025, 7, 1)));
        later.status = Status::WrittenOff;
        later.days_past_due = Some(60.0);
        let known = known_on(&[later, loan("B", date(2025, 6, 2), 13, None)], day);
        assert_eq!(known.len(), 1);
        assert_eq!(known[0].status, Status::Active);
        assert_eq!((known[0].closed_on, known[0].days_past_due), (None, None));
    }

    #[test]
    fn the_default_start_is_half_a_year_back_or_half_way() {
        let to = date(2026, 11, 30);
        assert_eq!(
            default_from(date(2024, 12, 2), to),
            to - Duration::weeks(26)
        );
        assert_eq!(
            default_from(to - Duration::weeks(40), to),
            to - Duration::weeks(20)
        );
        assert_eq!(
            inside_band(&[1.0, 5.0, 9.0], &[1.0, 2.0, 2.0], &[3.0, 4.0, 9.0]),
            2
        );
    }
}
