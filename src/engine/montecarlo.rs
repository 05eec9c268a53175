//! Monte Carlo mode (MODEL.md sections 8 and 16.7–16.8): runs, bands, means and MC fault metrics.
//!
//! A run depends only on (seed, r), so any range of runs can be computed anywhere (a web worker, a
//! thread) and merged later: `McPlan::run_range` produces compact `RunResult`s and `McPlan::merge`
//! sorts them by run index before summing, so the output is bit-identical however the runs were
//! chunked. Shocked and baseline runs share each run's seed ("common random numbers").

use std::ops::Range;

use super::fault::{fault_metrics, FaultMetrics};
use super::kpi::{Kpi, BANDED_KPIS};
use super::params::{Hours, PolicyKind};
use super::sampler::ChaCha;
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
        let seed = self.options.seed;
        let (series, max_residual) = record(&self.scenario, seed, run, false, &BANDED_KPIS);
        let (mut baseline_new_loans, mut baseline_active_loans) = (Vec::new(), Vec::new());
        if self.scenario.baseline_schedule().is_some() {
            let (mut both, _) = record(
                &self.scenario,
                seed,
                run,
                true,
                &[Kpi::NewLoans, Kpi::ActiveLoans],
            );
            baseline_active_loans = both.split_off(both.len() / 2);
            baseline_new_loans = both;
        }
        let (noise_new_loans, noise_baseline_new_loans) = match &self.noise_floor {
            Some(variant) => (
                record(variant, seed, run, false, &[Kpi::NewLoans]).0,
                record(variant, seed, run, true, &[Kpi::NewLoans]).0,
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
        runs.map(|r| self.run(r)).collect()
    }

    /// All runs of the options, merged.
    #[must_use]
    pub fn run_all(&self) -> McOutput {
        self.merge(self.run_range(0..u64::from(self.options.runs)))
    }

    /// Merges run results in any order and chunking into bands, means and fault metrics.
    #[must_use]
    pub fn merge(&self, mut runs: Vec<RunResult>) -> McOutput {
        runs.sort_by_key(|r| r.run);
        let weeks = self.scenario.model().horizon_weeks;
        let count = runs.len();
        let bands = bands(&runs, weeks);
        let kept_runs = runs
            .iter()
            .filter(|r| r.run < u64::from(self.options.kept_runs))
            .map(|r| KeptRun {
                run: r.run,
                series: (0..BANDED_KPIS.len())
                    .map(|i| r.kpi_series(i).to_vec())
                    .collect(),
            })
            .collect();
        let baseline_mean_new_loans =
            mean_series(runs.iter().map(|r| r.baseline_new_loans.as_slice()), weeks);
        let baseline_mean_active_loans = mean_series(
            runs.iter().map(|r| r.baseline_active_loans.as_slice()),
            weeks,
        );
        let fault = self.scenario.fault_window().and_then(|window| {
            if runs.is_empty() || baseline_mean_new_loans.is_empty() {
                return None;
            }
            let new_loans_index = kpi_index(Kpi::NewLoans);
            let active_index = kpi_index(Kpi::ActiveLoans);
            let windows = mc_windows(
                window,
                weeks,
                self.scenario.params().fault.window_end.is_some(),
            );
            let scenario = fault_figures(
                windows,
                weeks,
                &runs
                    .iter()
                    .map(|r| r.kpi_series(new_loans_index))
                    .collect::<Vec<_>>(),
                &runs
                    .iter()
                    .map(|r| r.baseline_new_loans.as_slice())
                    .collect::<Vec<_>>(),
                Some((&bands[active_index].mean, &baseline_mean_active_loans)),
            );
            let noise_floor = if self.noise_floor.is_some() {
                Some(fault_figures(
                    windows,
                    weeks,
                    &runs
                        .iter()
                        .map(|r| r.noise_new_loans.as_slice())
                        .collect::<Vec<_>>(),
                    &runs
                        .iter()
                        .map(|r| r.noise_baseline_new_loans.as_slice())
                        .collect::<Vec<_>>(),
                    None,
                ))
            } else if self.options.noise_floor
                && self.scenario.params().policy.kind == PolicyKind::Fixed
                && self.scenario.params().policy.fixed_hours == Hours::AUTO
            {
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
            bands,
            kept_runs,
            baseline_mean_new_loans,
            baseline_mean_active_loans,
            fault,
            max_residual: runs.iter().map(|r| r.max_residual).fold(0.0, f64::max),
        }
    }
}

/// Mean and type-7 P10/P50/P90 of every banded KPI, week by week, over runs sorted by index.
fn bands(runs: &[RunResult], weeks: usize) -> Vec<Band> {
    let count = runs.len();
    // One KPI at a time, transposed so each week's values across runs are contiguous.
    let mut by_week = vec![0.0; weeks * count];
    BANDED_KPIS
        .iter()
        .enumerate()
        .map(|(i, &kpi)| {
            for (r, run) in runs.iter().enumerate() {
                for (t, value) in run.kpi_series(i).iter().enumerate() {
                    by_week[t * count + r] = *value;
                }
            }
            let mut band = Band {
                kpi,
                mean: Vec::with_capacity(weeks),
                p10: Vec::with_capacity(weeks),
                p50: Vec::with_capacity(weeks),
                p90: Vec::with_capacity(weeks),
            };
            for column in by_week.chunks_exact_mut(count.max(1)).take(weeks) {
                band.mean.push(ordered_mean(column));
                let p = Percentiles::of(column);
                band.p10.push(p.p10);
                band.p50.push(p.p50);
                band.p90.push(p.p90);
            }
            band
        })
        .collect()
}

/// One Monte Carlo run of the scenario or of its baseline from run r's stream, keeping the weekly
/// series of `kpis` (KPI-major, T weeks each) and the run's largest conservation residual.
fn record(vp: &ValidParams, seed: u64, run: u64, baseline: bool, kpis: &[Kpi]) -> (Vec<f64>, f64) {
    let mut sampler = ChaCha::for_run(seed, run);
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
    (series, end.residuals.max_abs())
}

fn kpi_index(kpi: Kpi) -> usize {
    BANDED_KPIS.iter().position(|&k| k == kpi).unwrap_or(0)
}

/// Mean summed in run order, so merging is independent of chunking.
fn ordered_mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().sum::<f64>() / values.len() as f64
}

/// Week-by-week mean of equally long series; empty if the series are empty.
fn mean_series<'a>(series: impl Iterator<Item = &'a [f64]>, weeks: usize) -> Vec<f64> {
    let mut sum = vec![0.0; weeks];
    let mut count = 0usize;
    for s in series {
        if s.len() != weeks {
            return Vec::new();
        }
        for (total, value) in sum.iter_mut().zip(s) {
            *total += value;
        }
        count += 1;
    }
    if count == 0 {
        return Vec::new();
    }
    sum.iter().map(|total| total / count as f64).collect()
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

/// Mean-path and per-run fault figures of one policy (MODEL.md 16.7).
fn fault_figures(
    (mean_window, run_window): (FaultWindow, FaultWindow),
    weeks: usize,
    runs: &[&[f64]],
    baselines: &[&[f64]],
    portfolio: Option<(&[f64], &[f64])>,
) -> McFaultFigures {
    let mean_runs = mean_series(runs.iter().copied(), weeks);
    let mean_baseline = mean_series(baselines.iter().copied(), weeks);
    let smoothed_baseline = centred_moving_average(&mean_baseline, MEAN_PATH_SMOOTHING_WEEKS);
    let mean_path = fault_metrics(&mean_runs, &smoothed_baseline, mean_window);
    let mean_path_portfolio = portfolio.map_or_else(FaultMetrics::default, |(run, base)| {
        fault_metrics(
            run,
            &centred_moving_average(base, MEAN_PATH_SMOOTHING_WEEKS),
            mean_window,
        )
    });
    let mut depths: Vec<f64> = runs
        .iter()
        .zip(baselines)
        .map(|(y, b)| {
            let y = centred_moving_average(y, PER_RUN_SMOOTHING_WEEKS);
            let b = centred_moving_average(b, PER_RUN_SMOOTHING_WEEKS);
            fault_metrics(&y, &b, run_window).depth
        })
        .collect();
    McFaultFigures {
        mean_path,
        mean_path_portfolio,
        per_run_depth: Percentiles::of(&mut depths),
    }
}
