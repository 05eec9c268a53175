//! Monte Carlo mode (MODEL.md sections 8 and 16.7–16.8): runs, bands, means and MC fault metrics.
//!
//! A run depends only on (seed, r), so any range of runs can be computed anywhere (a web worker, a
//! thread) and merged later: `McPlan::run_range` produces compact `RunResult`s and `McPlan::merge`
//! sorts them by run index before summing, so the output is bit-identical however the runs were
//! chunked. Shocked and baseline runs share each run's seed ("common random numbers").

use std::ops::Range;

use super::columns::{self, exact_means, Columns};
use super::fault::{fault_metrics, FaultMetrics};
use super::kpi::{Kpi, BANDED_KPIS};
use super::params::{Hours, PolicyKind};
use super::sampler::{ChaCha, DrawMemo};
use super::simulate::simulate_each;
use super::stats::{centred_moving_average, Percentiles};
use super::validate::{validate, FaultWindow, ValidParams};

/// Weeks after `t_s` the mean-path fault window spans (MODEL.md 16.7).
const MEAN_PATH_WINDOW_WEEKS: usize = 36;
/// Weeks after `t_s` the per-run fault window spans.
const PER_RUN_WINDOW_WEEKS: usize = 30;
/// Centred moving-average widths for the baseline mean and for each run.
const MEAN_PATH_SMOOTHING_WEEKS: usize = 5;
const PER_RUN_SMOOTHING_WEEKS: usize = 3;

/// How many runs, from which seed, and what to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct McOptions {
    pub runs: u32,
    pub seed: u64,
    /// How many individual runs (r = 0, 1, …) to keep whole for plotting.
    pub kept_runs: u32,
    /// Whether to also run policy (a) for the per-run depth's noise floor (doubles the cost).
    pub noise_floor: bool,
}

impl McOptions {
    /// Runs and seed from the scenario, five kept runs, with the noise floor.
    #[must_use]
    pub fn from_scenario(vp: &ValidParams) -> McOptions {
        McOptions {
            runs: vp.params().run.runs as u32,
            seed: vp.params().run.seed,
            kept_runs: 5,
            noise_floor: true,
        }
    }
}

/// A validated scenario ready for Monte Carlo runs.
#[derive(Debug, Clone)]
pub struct McPlan {
    scenario: ValidParams,
    /// The same scenario under policy (a) at h*, when it has a baseline and another policy.
    noise_floor: Option<ValidParams>,
    options: McOptions,
}

/// The compact result of run r: banded KPI series, plus what fault metrics need.
#[derive(Debug, Clone, PartialEq)]
pub struct RunResult {
    pub run: u64,
    /// `BANDED_KPIS.len()` series of T weeks, KPI-major.
    pub series: Vec<f64>,
    /// New and active loans of the baseline run with the same seed (empty without a baseline).
    pub baseline_new_loans: Vec<f64>,
    pub baseline_active_loans: Vec<f64>,
    /// New loans of the policy-(a) run and its baseline (empty without a noise floor).
    pub noise_new_loans: Vec<f64>,
    pub noise_baseline_new_loans: Vec<f64>,
    /// The largest relative conservation residual of the run (0 when the ledgers close).
    pub max_residual: f64,
}

impl RunResult {
    /// The weekly series of the i-th KPI of `BANDED_KPIS`.
    #[must_use]
    pub fn kpi_series(&self, index: usize) -> &[f64] {
        let weeks = self.series.len() / BANDED_KPIS.len();
        &self.series[index * weeks..(index + 1) * weeks]
    }

    /// The weekly series of a banded KPI, if it is banded.
    #[must_use]
    pub fn series_of(&self, kpi: Kpi) -> Option<&[f64]> {
        BANDED_KPIS
            .iter()
            .position(|&k| k == kpi)
            .map(|i| self.kpi_series(i))
    }
}

/// Mean and P10/P50/P90 of one KPI, week by week.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub kpi: Kpi,
    pub mean: Vec<f64>,
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
}

/// An individual run kept whole.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptRun {
    pub run: u64,
    /// One series per KPI of `BANDED_KPIS`.
    pub series: Vec<Vec<f64>>,
}

/// Per-run depth and mean-path metrics of one policy.
#[derive(Debug, Clone, PartialEq)]
pub struct McFaultFigures {
    /// New-loan fault of the cross-run mean against the smoothed baseline mean.
    pub mean_path: FaultMetrics,
    /// The same on active loans.
    pub mean_path_portfolio: FaultMetrics,
    /// Per-run depth (3-week moving averages) across runs.
    pub per_run_depth: Percentiles,
}

/// Monte Carlo fault metrics (MODEL.md 8 and 16.7).
#[derive(Debug, Clone, PartialEq)]
pub struct McFault {
    /// `[t_s, t_s + 36)` unless the scenario sets the window end.
    pub mean_path_window: FaultWindow,
    /// `[t_s, t_s + 30)` unless the scenario sets the window end.
    pub per_run_window: FaultWindow,
    pub scenario: McFaultFigures,
    /// The same statistics under policy (a) at h*: what noise alone produces.
    pub noise_floor: Option<McFaultFigures>,
}

/// Merged Monte Carlo output.
#[derive(Debug, Clone, PartialEq)]
pub struct McOutput {
    pub runs: u32,
    /// One band per KPI of `BANDED_KPIS`.
    pub bands: Vec<Band>,
    pub kept_runs: Vec<KeptRun>,
    /// Cross-run means of the baseline (empty without a baseline).
    pub baseline_mean_new_loans: Vec<f64>,
    pub baseline_mean_active_loans: Vec<f64>,
    pub fault: Option<McFault>,
    /// The largest conservation residual over all runs (exactly 0 when every ledger closes).
    pub max_residual: f64,
}

impl McOutput {
    /// The band of a KPI, if it is banded.
    #[must_use]
    pub fn band(&self, kpi: Kpi) -> Option<&Band> {
        self.bands.iter().find(|b| b.kpi == kpi)
    }
}

impl McPlan {
    /// Prepares the runs; the noise-floor variant is dropped if it is not needed or not valid.
    #[must_use]
    pub fn new(scenario: &ValidParams, options: McOptions) -> McPlan {
        let params = scenario.params();
        let already_fixed_auto =
            params.policy.kind == PolicyKind::Fixed && params.policy.fixed_hours == Hours::AUTO;
        let noise_floor =
            if options.noise_floor && scenario.baseline_schedule().is_some() && !already_fixed_auto
            {
                let mut variant = params.clone();
                variant.policy.kind = PolicyKind::Fixed;
                variant.policy.fixed_hours = Hours::AUTO;
                validate(&variant).ok()
            } else {
                None
            };
        McPlan {
            scenario: scenario.clone(),
            noise_floor,
            options,
        }
    }

    /// The options the plan was made with.
    #[must_use]
    pub fn options(&self) -> McOptions {
        self.options
    }

    /// Run r.
    #[must_use]
    pub fn run(&self, run: u64) -> RunResult {
        self.run_with(run, &mut DrawMemo::default())
    }

    /// Run r, with the samplers' memo of earlier runs (the result does not depend on it).
    fn run_with(&self, run: u64, memo: &mut DrawMemo) -> RunResult {
        let seed = self.options.seed;
        let (series, max_residual) = record(&self.scenario, seed, run, false, &BANDED_KPIS, memo);
        let (mut baseline_new_loans, mut baseline_active_loans) = (Vec::new(), Vec::new());
        if self.scenario.baseline_schedule().is_some() {
            let (mut both, _) = record(
                &self.scenario,
                seed,
                run,
                true,
                &[Kpi::NewLoans, Kpi::ActiveLoans],
                memo,
            );
            baseline_active_loans = both.split_off(both.len() / 2);
            baseline_new_loans = both;
        }
        let (noise_new_loans, noise_baseline_new_loans) = match &self.noise_floor {
            Some(variant) => (
                record(variant, seed, run, false, &[Kpi::NewLoans], memo).0,
                record(variant, seed, run, true, &[Kpi::NewLoans], memo).0,
            ),
            None => (Vec::new(), Vec::new()),
        };
        RunResult {
            run,
            series,
            baseline_new_loans,
            baseline_active_loans,
            noise_new_loans,
            noise_baseline_new_loans,
            max_residual,
        }
    }

    /// Runs r0..r1 (for one worker's chunk).
    #[must_use]
    pub fn run_range(&self, runs: Range<u64>) -> Vec<RunResult> {
        let mut memo = DrawMemo::default();
        runs.map(|r| self.run_with(r, &mut memo)).collect()
    }

    /// All runs of the options, merged.
    #[must_use]
    pub fn run_all(&self) -> McOutput {
        self.merge(self.run_range(0..u64::from(self.options.runs)))
    }

    /// Merges run results in any order and chunking into bands, means and fault metrics.
    ///
    /// This is the [`McMerge`] the page feeds chunk by chunk, fed all at once, so the output is
    /// identical however the runs were computed.
    #[must_use]
    pub fn merge(&self, mut runs: Vec<RunResult>) -> McOutput {
        runs.sort_by_key(|r| r.run);
        let mut merge = McMerge::new(self, runs.len());
        for (position, run) in runs.into_iter().enumerate() {
            merge.add(self, position, run);
        }
        merge.finish(self)
    }

    /// The mean-path and per-run fault windows, when the scenario has a baseline.
    fn windows(&self) -> Option<(FaultWindow, FaultWindow)> {
        let window = self.scenario.fault_window()?;
        Some(mc_windows(
            window,
            self.scenario.model().horizon_weeks,
            self.scenario.params().fault.window_end.is_some(),
        ))
    }

    /// Whether the scenario is itself policy (a) at h*, and so its own noise floor.
    fn is_own_noise_floor(&self) -> bool {
        self.options.noise_floor
            && self.scenario.params().policy.kind == PolicyKind::Fixed
            && self.scenario.params().policy.fixed_hours == Hours::AUTO
    }
}

/// A merge in progress. Runs are added one at a time, in any order, as they arrive: each is kept
/// at its position and its fault depths are computed. The bands are then computed a few (KPI,
/// week) columns per call, so a page can keep every piece of work short.
///
/// A run's position is its rank by run index (run r at position r when runs 0..n are merged).
/// Every sum runs in position order, so the output does not depend on the order of `add` calls.
#[derive(Debug, Clone)]
pub struct McMerge {
    runs: usize,
    weeks: usize,
    /// Each run's banded series (`RunResult::series`): every value up to
    /// [`columns::EXACT_RUNS`] runs, bounded summaries beyond (see [`columns`]).
    series: Columns,
    added: usize,
    baseline_new_loans: Columns,
    baseline_active_loans: Columns,
    noise_new_loans: Columns,
    noise_baseline_new_loans: Columns,
    /// Per-run fault depths of the scenario and of its noise floor, by position.
    depths: Vec<f64>,
    noise_depths: Vec<f64>,
    kept_runs: Vec<KeptRun>,
    max_residual: f64,
    bands: Vec<Band>,
    /// The next column whose mean and percentiles are to be computed.
    next_column: usize,
    scratch: Vec<f64>,
}

impl McMerge {
    /// A merge of `runs` runs of the plan.
    #[must_use]
    pub fn new(plan: &McPlan, runs: usize) -> McMerge {
        McMerge::with_exact_runs(plan, runs, columns::EXACT_RUNS)
    }

    /// A merge that keeps every value up to `exact_runs` runs and bounded summaries beyond.
    #[must_use]
    pub fn with_exact_runs(plan: &McPlan, runs: usize, exact_runs: usize) -> McMerge {
        let weeks = plan.scenario.model().horizon_weeks;
        let means = || Columns::new(runs, weeks, false, exact_runs);
        let series = Columns::new(runs, BANDED_KPIS.len() * weeks, true, exact_runs);
        McMerge {
            runs,
            weeks,
            series,
            added: 0,
            baseline_new_loans: means(),
            baseline_active_loans: means(),
            noise_new_loans: means(),
            noise_baseline_new_loans: means(),
            depths: vec![0.0; runs],
            noise_depths: vec![0.0; runs],
            kept_runs: Vec::new(),
            max_residual: 0.0,
            bands: BANDED_KPIS
                .iter()
                .map(|&kpi| Band {
                    kpi,
                    mean: Vec::with_capacity(weeks),
                    p10: Vec::with_capacity(weeks),
                    p50: Vec::with_capacity(weeks),
                    p90: Vec::with_capacity(weeks),
                })
                .collect(),
            next_column: 0,
            scratch: Vec::with_capacity(runs.min(columns::EXACT_RUNS)),
        }
    }

    /// How many runs have been added.
    #[must_use]
    pub fn added(&self) -> usize {
        self.added
    }

    /// Adds a run at `position` (below the merge's run count; each position once).
    pub fn add(&mut self, plan: &McPlan, position: usize, run: RunResult) {
        if position >= self.runs {
            return;
        }
        let weeks = self.weeks;
        if run.run < u64::from(plan.options.kept_runs) {
            self.kept_runs.push(KeptRun {
                run: run.run,
                series: (0..BANDED_KPIS.len())
                    .map(|i| run.kpi_series(i).to_vec())
                    .collect(),
            });
        }
        if let Some((_, run_window)) = plan.windows() {
            if run.baseline_new_loans.len() == weeks {
                let new_loans = run.kpi_series(kpi_index(Kpi::NewLoans));
                self.depths[position] = run_depth(new_loans, &run.baseline_new_loans, run_window);
            }
            if run.noise_new_loans.len() == weeks && run.noise_baseline_new_loans.len() == weeks {
                self.noise_depths[position] = run_depth(
                    &run.noise_new_loans,
                    &run.noise_baseline_new_loans,
                    run_window,
                );
            }
        }
        self.max_residual = self.max_residual.max(run.max_residual);
        self.series.add(position, run.series);
        self.baseline_new_loans
            .add(position, run.baseline_new_loans);
        self.baseline_active_loans
            .add(position, run.baseline_active_loans);
        self.noise_new_loans.add(position, run.noise_new_loans);
        self.noise_baseline_new_loans
            .add(position, run.noise_baseline_new_loans);
        self.added += 1;
    }

    /// Computes the mean and P10/P50/P90 of up to `columns` more (KPI, week) columns; true once
    /// every column is done. Call after every run has been added.
    pub fn bands_step(&mut self, columns: usize) -> bool {
        let total = if self.runs == 0 {
            0
        } else {
            BANDED_KPIS.len() * self.weeks
        };
        let end = self.next_column.saturating_add(columns).min(total);
        for column in self.next_column..end {
            // Column i·T + t: KPI i in week t, across the runs in position order.
            let (mean, p) = self.series.mean_of(column, &mut self.scratch);
            let band = &mut self.bands[column / self.weeks];
            band.mean.push(mean);
            band.p10.push(p.p10);
            band.p50.push(p.p50);
            band.p90.push(p.p90);
        }
        self.next_column = end;
        end == total
    }

    /// The merged output; computes whatever bands `bands_step` has not yet.
    #[must_use]
    pub fn finish(mut self, plan: &McPlan) -> McOutput {
        while !self.bands_step(usize::MAX) {}
        let weeks = self.weeks;
        let count = self.added;
        self.kept_runs.sort_by_key(|k| k.run);
        let baseline_mean_new_loans = self.baseline_new_loans.means(weeks);
        let baseline_mean_active_loans = self.baseline_active_loans.means(weeks);
        let fault = plan.windows().and_then(|windows| {
            if count == 0 || baseline_mean_new_loans.is_empty() {
                return None;
            }
            let new_loans_index = kpi_index(Kpi::NewLoans);
            let active_index = kpi_index(Kpi::ActiveLoans);
            let mean_new_loans = match &self.series {
                Columns::Exact(runs) => {
                    let new_loans = new_loans_index * weeks..(new_loans_index + 1) * weeks;
                    exact_means(
                        runs.iter()
                            .map(|series| series.get(new_loans.clone()).unwrap_or(&[])),
                        weeks,
                    )
                }
                // Bounded: the band's mean is that same fixed-point mean of the new-loans columns.
                Columns::Bounded(_) => self.bands[new_loans_index].mean.clone(),
            };
            let scenario = fault_figures(
                windows,
                (&mean_new_loans, &baseline_mean_new_loans),
                &mut self.depths,
                Some((&self.bands[active_index].mean, &baseline_mean_active_loans)),
            );
            let noise_floor = if plan.noise_floor.is_some() {
                Some(fault_figures(
                    windows,
                    (
                        &self.noise_new_loans.means(weeks),
                        &self.noise_baseline_new_loans.means(weeks),
                    ),
                    &mut self.noise_depths,
                    None,
                ))
            } else if plan.is_own_noise_floor() {
                // The scenario already is policy (a) at h*: it is its own noise floor.
                Some(scenario.clone())
            } else {
                None
            };
            Some(McFault {
                mean_path_window: windows.0,
                per_run_window: windows.1,
                scenario,
                noise_floor,
            })
        });
        McOutput {
            runs: count as u32,
            bands: self.bands,
            kept_runs: self.kept_runs,
            baseline_mean_new_loans,
            baseline_mean_active_loans,
            fault,
            max_residual: self.max_residual,
        }
    }
}

/// One Monte Carlo run of the scenario or of its baseline from run r's stream, keeping the weekly
/// series of `kpis` (KPI-major, T weeks each) and the run's largest conservation residual.
fn record(
    vp: &ValidParams,
    seed: u64,
    run: u64,
    baseline: bool,
    kpis: &[Kpi],
    memo: &mut DrawMemo,
) -> (Vec<f64>, f64) {
    let mut sampler = ChaCha::for_run_with(seed, run, memo.take());
    let initial = vp.initial_state().sampled_around(&mut sampler);
    let schedule = if baseline {
        vp.baseline_schedule().unwrap_or(vp.schedule())
    } else {
        vp.schedule()
    };
    let weeks = schedule.weeks.len();
    let mut series = vec![0.0; kpis.len() * weeks];
    let end = simulate_each(vp, schedule, initial, &mut sampler, |_, week| {
        let t = week.week as usize;
        for (i, kpi) in kpis.iter().enumerate() {
            series[i * weeks + t] = kpi.value(&week);
        }
    });
    *memo = sampler.into_memo();
    (series, end.residuals.max_abs())
}

fn kpi_index(kpi: Kpi) -> usize {
    BANDED_KPIS.iter().position(|&k| k == kpi).unwrap_or(0)
}

/// The mean-path and per-run windows of MODEL.md 16.7, from the scenario's fault window.
fn mc_windows(
    window: FaultWindow,
    weeks: usize,
    user_window_end: bool,
) -> (FaultWindow, FaultWindow) {
    let end = |span: usize| {
        if user_window_end {
            window.end
        } else {
            weeks.min(window.start + span)
        }
    };
    (
        FaultWindow {
            start: window.start,
            end: end(MEAN_PATH_WINDOW_WEEKS),
        },
        FaultWindow {
            start: window.start,
            end: end(PER_RUN_WINDOW_WEEKS),
        },
    )
}

/// The per-run fault depth of MODEL.md 16.7: 3-week moving averages of the run and its baseline.
fn run_depth(run: &[f64], baseline: &[f64], window: FaultWindow) -> f64 {
    let y = centred_moving_average(run, PER_RUN_SMOOTHING_WEEKS);
    let b = centred_moving_average(baseline, PER_RUN_SMOOTHING_WEEKS);
    fault_metrics(&y, &b, window).depth
}

/// Mean-path and per-run fault figures of one policy (MODEL.md 16.7), from the runs and
/// baselines in run order and the runs' depths (reordered here).
fn fault_figures(
    (mean_window, _): (FaultWindow, FaultWindow),
    (mean_runs, mean_baseline): (&[f64], &[f64]),
    depths: &mut [f64],
    portfolio: Option<(&[f64], &[f64])>,
) -> McFaultFigures {
    let smoothed_baseline = centred_moving_average(mean_baseline, MEAN_PATH_SMOOTHING_WEEKS);
    let mean_path = fault_metrics(mean_runs, &smoothed_baseline, mean_window);
    let mean_path_portfolio = portfolio.map_or_else(FaultMetrics::default, |(run, base)| {
        fault_metrics(
            run,
            &centred_moving_average(base, MEAN_PATH_SMOOTHING_WEEKS),
            mean_window,
        )
    });
    McFaultFigures {
        mean_path,
        mean_path_portfolio,
        per_run_depth: Percentiles::of(depths),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{Params, Shock, ShockKind};

    /// What the page's worker pool does: chunks arrive out of order, runs are added at their
    /// index, and the bands are computed a few columns at a time.
    #[test]
    fn a_merge_fed_piecemeal_is_the_single_threaded_output() {
        let mut params = Params::default();
        params.shocks.push(Shock {
            start: 20.0,
            duration_weeks: 2.0,
            kind: ShockKind::Burst {
                apps_per_am: 6.0,
                mix: None,
            },
        });
        params.policy.kind = PolicyKind::StopWhenBusy;
        let valid = validate(&params).expect("valid");
        let plan = McPlan::new(
            &valid,
            McOptions {
                runs: 45,
                seed: 11,
                kept_runs: 3,
                noise_floor: true,
            },
        );
        let whole = plan.run_all();
        assert!(whole
            .fault
            .as_ref()
            .is_some_and(|f| f.noise_floor.is_some()));
        let mut merge = McMerge::new(&plan, 45);
        for range in [40..45, 20..40, 0..20] {
            for run in plan.run_range(range) {
                merge.add(&plan, run.run as usize, run);
            }
        }
        assert_eq!(merge.added(), 45);
        let mut steps = 0;
        while !merge.bands_step(7) {
            steps += 1;
        }
        assert!(steps > 10, "sliced into {steps} steps");
        assert_eq!(merge.finish(&plan), whole);
    }

    /// Beyond `EXACT_RUNS` the merge keeps summaries (issue 20): its bands are those of the exact
    /// merge within one histogram bin (exact for whole-number KPIs), its means and fault figures
    /// within rounding, and it does not depend on the order the runs arrive in.
    #[test]
    fn a_bounded_merge_is_the_exact_one_within_a_bin_in_any_order() {
        let mut params = Params::default();
        params.team.horizon_weeks = 40.0;
        params.shocks.push(Shock {
            start: 10.0,
            duration_weeks: 2.0,
            kind: ShockKind::Burst {
                apps_per_am: 6.0,
                mix: None,
            },
        });
        params.policy.kind = PolicyKind::StopWhenBusy;
        let valid = validate(&params).expect("valid");
        let runs = 260;
        let plan = McPlan::new(
            &valid,
            McOptions {
                runs,
                seed: 5,
                kept_runs: 2,
                noise_floor: true,
            },
        );
        let all = plan.run_range(0..u64::from(runs));
        let exact = plan.merge(all.clone());
        let bounded = |order: &[usize]| {
            let mut merge = McMerge::with_exact_runs(&plan, all.len(), 0);
            for &position in order {
                merge.add(&plan, position, all[position].clone());
            }
            merge.finish(&plan)
        };
        let forward: Vec<usize> = (0..all.len()).collect();
        let mut shuffled: Vec<usize> = forward.chunks(20).rev().flatten().copied().collect();
        shuffled.rotate_left(37);
        let summary = bounded(&forward);
        assert_eq!(
            summary,
            bounded(&shuffled),
            "the order of arrival changed the output"
        );
        assert_eq!(summary.kept_runs, exact.kept_runs);
        assert_eq!(summary.fault.is_some(), exact.fault.is_some());
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
        if let (Some(s), Some(e)) = (&summary.fault, &exact.fault) {
            assert!(close(
                s.scenario.mean_path.depth,
                e.scenario.mean_path.depth
            ));
            assert_eq!(s.scenario.per_run_depth, e.scenario.per_run_depth);
        }
        for (s, e) in summary.bands.iter().zip(&exact.bands) {
            for t in 0..s.mean.len() {
                assert!(close(s.mean[t], e.mean[t]), "{:?} week {t} mean", s.kpi);
                let pilot: Vec<f64> = all[..columns::PILOT_RUNS]
                    .iter()
                    .map(|r| r.series_of(s.kpi).expect("banded")[t])
                    .collect();
                let span = pilot.iter().copied().fold(f64::NEG_INFINITY, f64::max)
                    - pilot.iter().copied().fold(f64::INFINITY, f64::min);
                let whole = pilot.iter().all(|v| v.fract() == 0.0);
                let bin = if whole {
                    (2.0 * span / columns::BINS as f64).ceil().max(1.0)
                } else {
                    2.0 * span / columns::BINS as f64
                };
                for (a, b) in [
                    (s.p10[t], e.p10[t]),
                    (s.p50[t], e.p50[t]),
                    (s.p90[t], e.p90[t]),
                ] {
                    if whole && bin <= 1.0 {
                        assert_eq!(
                            a.to_bits(),
                            b.to_bits(),
                            "{:?} week {t}: a count's percentile is exact ({a} vs {b})",
                            s.kpi
                        );
                    } else {
                        assert!(
                            (a - b).abs() <= bin + 1e-9,
                            "{:?} week {t}: {a} vs {b}",
                            s.kpi
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn an_empty_merge_has_empty_bands() {
        let valid = validate(&Params::default()).expect("valid");
        let plan = McPlan::new(&valid, McOptions::from_scenario(&valid));
        let output = plan.merge(Vec::new());
        assert_eq!(output.runs, 0);
        assert!(output
            .bands
            .iter()
            .all(|b| b.mean.is_empty() && b.p90.is_empty()));
        assert_eq!(output.fault, None);
    }
}
