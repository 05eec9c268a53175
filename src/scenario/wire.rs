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

/// One evaluated row of a Sobol design (`engine::sobol::Row`) as plain data (issue 21).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SobolRowWire {
    pub index: u64,
    pub draw: u32,
    pub a: f64,
    pub b: f64,
    pub ab: Vec<f64>,
}

impl From<&crate::engine::sobol::Row> for SobolRowWire {
    fn from(r: &crate::engine::sobol::Row) -> Self {
        SobolRowWire {
            index: r.index,
            draw: r.draw,
            a: r.a,
            b: r.b,
            ab: r.ab.clone(),
        }
    }
}

impl From<SobolRowWire> for crate::engine::sobol::Row {
    fn from(w: SobolRowWire) -> Self {
        crate::engine::sobol::Row {
            index: w.index,
            draw: w.draw,
            a: w.a,
            b: w.b,
            ab: w.ab,
        }
    }
}

/// A row's narrowed twin (`engine::sobol::NarrowRow`) as plain data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NarrowRowWire {
    pub index: u64,
    pub a: Option<f64>,
    pub b: Option<f64>,
}

impl From<&crate::engine::sobol::NarrowRow> for NarrowRowWire {
    fn from(r: &crate::engine::sobol::NarrowRow) -> Self {
        NarrowRowWire {
            index: r.index,
            a: r.a,
            b: r.b,
        }
    }
}

impl From<NarrowRowWire> for crate::engine::sobol::NarrowRow {
    fn from(w: NarrowRowWire) -> Self {
        crate::engine::sobol::NarrowRow {
            index: w.index,
            a: w.a,
            b: w.b,
        }
    }
}

/// A custom book's pipeline (`engine::params::InitialPipeline`), which scenario files do not
/// keep, as plain data: it crosses to the workers beside the scenario JSON, so a Monte Carlo job
/// of a back-test starts with the pipeline its EV run starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipelineWire {
    pub contacted: [f64; 3],
    pub interested: [f64; 3],
    pub queue: Vec<f64>,
    pub investigated: [f64; 3],
    pub referral_potential: [f64; 3],
}

impl PipelineWire {
    /// The pipeline of `params`' custom book, if it has one.
    #[must_use]
    pub fn of(params: &crate::engine::Params) -> Option<PipelineWire> {
        let p = params.team.initial_book.as_ref()?.pipeline.as_ref()?;
        Some(PipelineWire {
            contacted: p.contacted,
            interested: p.interested,
            queue: p.queue.clone(),
            investigated: p.investigated,
            referral_potential: p.referral_potential,
        })
    }

    /// Puts the pipeline back into `params`' custom book (nothing without one).
    pub fn restore(self, params: &mut crate::engine::Params) {
        if let Some(book) = params.team.initial_book.as_mut() {
            book.pipeline = Some(crate::engine::params::InitialPipeline {
                contacted: self.contacted,
                interested: self.interested,
                queue: self.queue,
                investigated: self.investigated,
                referral_potential: self.referral_potential,
            });
        }
    }
}
