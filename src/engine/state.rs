//! The stocks of MODEL.md section 2, held at team level and counted at end of week.
//!
//! Multi-dimensional stocks are flat vectors: the book is indexed [tier][term][remaining weeks]
//! (see `Model::cell`) and the queue [tier][weeks waited]. EV holds fractional counts; Monte
//! Carlo holds whole numbers in the same `f64`s.

use super::closed_form::{SteadyMap, SteadyState};
use super::linalg::Vec3;
use super::model::Model;
use super::params::{CustomBook, TIERS};
use super::sampler::Sampler;
pub use super::totals::BookTotals;

/// All stocks of one simulated team.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// C\[k\]: contacted prospects.
    pub contacted: Vec3,
    /// L\[k\]: interested leads.
    pub interested: Vec3,
    /// Q\[k\]\[a\]: applications waiting, by weeks waited, flat as `k·W_max` + a.
    pub queue: Vec<f64>,
    /// V\[k\]: investigated cases waiting for the weekly decision.
    pub investigated: Vec3,
    /// A\[k\]\[j\]\[r\]: performing loans, flat (see `Model::cell`).
    pub book: Vec<f64>,
    /// PD\[k\]: past-due loans.
    pub past_due: Vec3,
    /// PDB\[k\]: their exposure at entry.
    pub past_due_balance_cny: Vec3,
    /// R\[k\]: pending introductions.
    pub referral_potential: Vec3,
}

impl State {
    /// Every stock at zero (`init = empty`).
    #[must_use]
    pub fn empty(model: &Model) -> State {
        State {
            contacted: [0.0; TIERS],
            interested: [0.0; TIERS],
            queue: vec![0.0; TIERS * model.queue_max_weeks],
            investigated: [0.0; TIERS],
            book: vec![0.0; model.book_cells()],
            past_due: [0.0; TIERS],
            past_due_balance_cny: [0.0; TIERS],
            referral_potential: [0.0; TIERS],
        }
    }

    /// `init = custom`: the given performing and past-due loans, every other stock at zero. The
    /// book's shape was checked against the model's term classes by validation.
    #[must_use]
    pub fn custom(model: &Model, book: &CustomBook) -> State {
        let mut state = State::empty(model);
        for k in 0..TIERS {
            for (term, by_remaining) in model.terms.iter().zip(&book.active[k]) {
                for (r, count) in by_remaining.iter().enumerate().take(term.weeks) {
                    state.book[model.cell(k, term, r + 1)] = *count;
                }
            }
        }
        state.past_due = book.past_due;
        state.past_due_balance_cny = book.past_due_balance_cny;
        if let Some(pipeline) = &book.pipeline {
            state.contacted = pipeline.contacted;
            state.interested = pipeline.interested;
            state.investigated = pipeline.investigated;
            state.referral_potential = pipeline.referral_potential;
            for (cell, count) in state.queue.iter_mut().zip(&pipeline.queue) {
                *cell = *count;
            }
        }
        state
    }

    /// The steady state of MODEL.md 16.2, scaled from per AM to the team.
    #[must_use]
    pub fn steady(model: &Model, map: &SteadyMap, steady: &SteadyState) -> State {
        let n = model.ams_f64;
        let structure = &map.structure;
        let resolution = model.cure_per_week + model.write_off_per_week;
        let mut state = State::empty(model);
        for k in 0..TIERS {
            let survival = 1.0 - model.default_per_week[k];
            for term in &model.terms {
                // A cell r weeks from maturity holds the loans written T_j − r weeks ago that survived.
                let mut alive = n * steady.originations[k] * term.weight;
                for remaining in (1..=term.weeks).rev() {
                    state.book[model.cell(k, term, remaining)] = alive;
                    alive *= survival;
                }
            }
            state.contacted[k] = n * steady.contacted[k];
            state.interested[k] = n * steady.interested[k];
            state.queue[k * model.queue_max_weeks] = n * steady.applications[k];
            state.investigated[k] = n * steady.applications[k];
            state.past_due[k] = n * steady.past_due[k];
            state.past_due_balance_cny[k] = n
                * model.default_per_week[k]
                * model.amount_cny[k]
                * structure.balance_weeks[k]
                * steady.originations[k]
                / resolution;
            state.referral_potential[k] = n * steady.referral_potential[k];
        }
        state
    }

    /// A Monte Carlo start: each cell Poisson-sampled around this (EV) state in the order A, C,
    /// L, Q, V, PD, R; past-due exposure is scaled, not sampled (MODEL.md 16.8).
    #[must_use]
    pub fn sampled_around<S: Sampler>(&self, sampler: &mut S) -> State {
        let mut draw =
            |values: &[f64]| -> Vec<f64> { values.iter().map(|&m| sampler.poisson(m)).collect() };
        let to_vec3 = |v: Vec<f64>| -> Vec3 { [v[0], v[1], v[2]] };
        let book = draw(&self.book);
        let contacted = to_vec3(draw(&self.contacted));
        let interested = to_vec3(draw(&self.interested));
        let queue = draw(&self.queue);
        let investigated = to_vec3(draw(&self.investigated));
        let past_due = to_vec3(draw(&self.past_due));
        let referral_potential = to_vec3(draw(&self.referral_potential));
        let past_due_balance_cny = std::array::from_fn(|k| {
            if self.past_due[k] > 0.0 {
                past_due[k] * self.past_due_balance_cny[k] / self.past_due[k]
            } else {
                0.0
            }
        });
        State {
            contacted,
            interested,
            queue,
            investigated,
            book,
            past_due,
            past_due_balance_cny,
            referral_potential,
        }
    }

    /// Tier k's loan count and balance units.
    #[must_use]
    pub fn tier_totals(&self, model: &Model, k: usize) -> BookTotals {
        let block = &self.book[k * model.cells_per_tier..(k + 1) * model.cells_per_tier];
        BookTotals::of(block, &model.balance_fraction)
    }

    /// ΣA by tier.
    #[must_use]
    pub fn loans_by_tier(&self, model: &Model) -> Vec3 {
        std::array::from_fn(|k| self.tier_totals(model, k).loans)
    }

    /// C + L + Q + V, every stage of the pipeline.
    #[must_use]
    pub fn pipeline_total(&self) -> f64 {
        self.contacted.iter().sum::<f64>()
            + self.interested.iter().sum::<f64>()
            + self.queue.iter().sum::<f64>()
            + self.investigated.iter().sum::<f64>()
    }

    /// ΣA + ΣPD, every loan on the book.
    #[must_use]
    pub fn book_total(&self) -> f64 {
        self.book.iter().sum::<f64>() + self.past_due.iter().sum::<f64>()
    }

    /// The smallest value of any stock (for the non-negativity invariant).
    #[must_use]
    pub fn min_stock(&self) -> f64 {
        self.contacted
            .iter()
            .chain(&self.interested)
            .chain(&self.queue)
            .chain(&self.investigated)
            .chain(&self.book)
            .chain(&self.past_due)
            .chain(&self.past_due_balance_cny)
            .chain(&self.referral_potential)
            .copied()
            .fold(f64::INFINITY, f64::min)
    }
}
