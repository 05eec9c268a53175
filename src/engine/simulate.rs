//! Runs the weekly step over the horizon, and the EV run with its baseline and fault report.

use super::calendar::Schedule;
use super::closed_form::Summary;
use super::fault::{fault_metrics, FaultMetrics};
use super::kpi::{Kpi, WeekKpis};
use super::ledger::Ledgers;
use super::sampler::{Expect, Sampler};
use super::state::State;
use super::step::{step, StepContext};
use super::validate::{FaultWindow, ValidParams, Warning};

/// Conservation residuals of a run relative to the size of each balance (MODEL.md 12.1).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Residuals {
    pub pipeline: f64,
    pub book: f64,
    pub referrals: f64,
}

impl Residuals {
    /// The largest absolute relative residual.
    #[must_use]
    pub fn max_abs(&self) -> f64 {
        self.pipeline
            .abs()
            .max(self.book.abs())
            .max(self.referrals.abs())
    }
}

/// One simulated run: its weeks, its ledgers and its end state.
#[derive(Debug, Clone)]
pub struct Trace {
    pub weeks: Vec<WeekKpis>,
    pub ledgers: Ledgers,
    pub residuals: Residuals,
    pub final_state: State,
}

impl Trace {
    /// One KPI as a weekly team series.
    #[must_use]
    pub fn series(&self, kpi: Kpi) -> Vec<f64> {
        self.weeks.iter().map(|w| kpi.value(w)).collect()
    }
}

/// Simulates `schedule` from `initial` with `sampler`.
#[must_use]
pub fn simulate<S: Sampler>(
    vp: &ValidParams,
    schedule: &Schedule,
    initial: State,
    sampler: &mut S,
) -> Trace {
    simulate_observed(vp, schedule, initial, sampler, |_, _| {})
}

/// As [`simulate`], calling `observe` with the state and KPIs at the end of every week.
pub fn simulate_observed<S: Sampler>(
    vp: &ValidParams,
    schedule: &Schedule,
    initial: State,
    sampler: &mut S,
    mut observe: impl FnMut(&State, &WeekKpis),
) -> Trace {
    let mut weeks = Vec::with_capacity(schedule.weeks.len());
    let end = simulate_each(vp, schedule, initial, sampler, |state, week| {
        observe(state, &week);
        weeks.push(week);
    });
    Trace {
        weeks,
        ledgers: end.ledgers,
        residuals: end.residuals,
        final_state: end.final_state,
    }
}

/// What a run ends with when its weeks were handed out rather than kept.
#[derive(Debug, Clone)]
pub struct RunEnd {
    pub ledgers: Ledgers,
    pub residuals: Residuals,
    pub final_state: State,
}

/// Simulates `schedule` from `initial`, handing each week's KPIs to `each` instead of keeping
/// them: Monte Carlo keeps only the few series it bands.
pub fn simulate_each<S: Sampler>(
    vp: &ValidParams,
    schedule: &Schedule,
    initial: State,
    sampler: &mut S,
    mut each: impl FnMut(&State, WeekKpis),
) -> RunEnd {
    let ctx = StepContext {
        model: vp.model(),
        policy: vp.policy(),
        applications_reference: vp.applications_reference(),
    };
    let mut state = initial;
    let mut ledgers = Ledgers::opening(&state);
    let mut cumulative_profit_cny = 0.0;
    let mut book_totals = None;
    for (t, inputs) in schedule.weeks.iter().enumerate() {
        let (mut week, end_totals) = step(
            &ctx,
            t,
            inputs,
            &mut state,
            sampler,
            &mut ledgers,
            book_totals,
        );
        book_totals = Some(end_totals);
        cumulative_profit_cny += week.profit_cny;
        week.cumulative_profit_cny = cumulative_profit_cny;
        each(&state, week);
    }
    let residuals = Residuals {
        pipeline: ledgers.pipeline_residual(&state) / ledgers.pipeline_scale(),
        book: ledgers.book_residual(&state) / ledgers.book_scale(),
        referrals: ledgers.referral_residual(&state) / ledgers.referral_scale(),
    };
    RunEnd {
        ledgers,
        residuals,
        final_state: state,
    }
}

/// The shocked run against its baseline (MODEL.md 16.6), team series compared week by week.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultReport {
    pub window: FaultWindow,
    /// On new loans.
    pub new_loans: FaultMetrics,
    /// On active loans ("portfolio fault").
    pub portfolio: FaultMetrics,
    /// `Σ_t` (`y_t` − `b_t)/N` over the whole run: new loans the shock added (or cost) per AM.
    pub extra_new_loans_per_am: f64,
    /// `Σ_t` (reneged + timed out)/N of the shocked run: applications lost per AM.
    pub applications_lost_per_am: f64,
}

impl FaultReport {
    /// Compares a run with its baseline.
    #[must_use]
    pub fn compare(run: &Trace, baseline: &Trace, window: FaultWindow, ams: f64) -> FaultReport {
        let y = run.series(Kpi::NewLoans);
        let b = baseline.series(Kpi::NewLoans);
        let extra: f64 = y.iter().zip(&b).map(|(y, b)| y - b).sum();
        let lost: f64 = run.weeks.iter().map(|w| w.reneged + w.timed_out).sum();
        FaultReport {
            window,
            new_loans: fault_metrics(&y, &b, window),
            portfolio: fault_metrics(
                &run.series(Kpi::ActiveLoans),
                &baseline.series(Kpi::ActiveLoans),
                window,
            ),
            extra_new_loans_per_am: extra / ams,
            applications_lost_per_am: lost / ams,
        }
    }
}

/// Everything an EV run shows.
#[derive(Debug, Clone)]
pub struct EvOutput {
    pub run: Trace,
    /// The shock-free (or season-free) counterfactual, when the scenario differs from it.
    pub baseline: Option<Trace>,
    pub fault: Option<FaultReport>,
    pub summary: Option<Summary>,
    pub warnings: Vec<Warning>,
}

/// The expected-value run of a validated scenario, with its baseline and fault report.
#[must_use]
pub fn run_ev(vp: &ValidParams) -> EvOutput {
    let run = simulate(vp, vp.schedule(), vp.initial_state().clone(), &mut Expect);
    let baseline = vp
        .baseline_schedule()
        .map(|schedule| simulate(vp, schedule, vp.initial_state().clone(), &mut Expect));
    let fault = match (&baseline, vp.fault_window()) {
        (Some(base), Some(window)) => {
            Some(FaultReport::compare(&run, base, window, vp.model().ams_f64))
        }
        _ => None,
    };
    EvOutput {
        run,
        baseline,
        fault,
        summary: vp.summary().cloned(),
        warnings: vp.warnings().to_vec(),
    }
}
