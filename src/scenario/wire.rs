//! Serializable mirrors of Monte Carlo run results, for moving chunks of runs between web workers.
//!
//! A worker receives the scenario file text and a run range, calls `McPlan::run_range`, and posts
//! back `Vec<RunResultWire>`; the page converts them back and calls `McPlan::merge`.

use serde::{Deserialize, Serialize};

use crate::engine::montecarlo::RunResult;

/// `engine::RunResult` as plain data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunResultWire {
    pub run: u64,
    pub series: Vec<f64>,
    pub baseline_new_loans: Vec<f64>,
    pub baseline_active_loans: Vec<f64>,
    pub noise_new_loans: Vec<f64>,
    pub noise_baseline_new_loans: Vec<f64>,
    pub max_residual: f64,
}

impl From<&RunResult> for RunResultWire {
    fn from(r: &RunResult) -> Self {
        RunResultWire {
            run: r.run,
            series: r.series.clone(),
            baseline_new_loans: r.baseline_new_loans.clone(),
            baseline_active_loans: r.baseline_active_loans.clone(),
            noise_new_loans: r.noise_new_loans.clone(),
            noise_baseline_new_loans: r.noise_baseline_new_loans.clone(),
            max_residual: r.max_residual,
        }
    }
}

impl From<RunResultWire> for RunResult {
    fn from(w: RunResultWire) -> Self {
        RunResult {
            run: w.run,
            series: w.series,
            baseline_new_loans: w.baseline_new_loans,
            baseline_active_loans: w.baseline_active_loans,
            noise_new_loans: w.noise_new_loans,
            noise_baseline_new_loans: w.noise_baseline_new_loans,
            max_residual: w.max_residual,
        }
    }
}
