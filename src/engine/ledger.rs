//! Conservation ledgers (MODEL.md section 12.1): cumulative flows that must close the stock counts.
//!
//! Every flow into or out of the pipeline, the book and the referral potential is added here by
//! the step, so a run can prove it neither created nor lost a customer on the way.

use super::state::State;

/// Cumulative flows of one run, team totals, plus the opening stocks they reconcile.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Ledgers {
    /// C₀+L₀+Q₀+V₀.
    pub opening_pipeline: f64,
    /// ΣA₀+ΣPD₀.
    pub opening_book: f64,
    /// R₀.
    pub opening_referral_potential: f64,
    pub created_by_channels: f64,
    pub created_inbound: f64,
    pub created_by_referrals: f64,
    pub created_by_bursts: f64,
    pub lost_contacted: f64,
    pub lost_interested: f64,
    pub reneged: f64,
    pub timed_out: f64,
    pub declined: f64,
    pub approved: f64,
    pub matured: f64,
    pub renewed: f64,
    pub cured: f64,
    pub written_off: f64,
    pub referrals_accrued: f64,
    pub referrals_realised: f64,
    pub referrals_lapsed: f64,
}

impl Ledgers {
    /// Empty ledgers opening on `state`.
    #[must_use]
    pub fn opening(state: &State) -> Ledgers {
        Ledgers {
            opening_pipeline: state.pipeline_total(),
            opening_book: state.book_total(),
            opening_referral_potential: state.referral_potential.iter().sum(),
            ..Ledgers::default()
        }
    }

    /// Everything that entered the pipeline.
    #[must_use]
    pub fn created(&self) -> f64 {
        self.created_by_channels
            + self.created_inbound
            + self.created_by_referrals
            + self.created_by_bursts
    }

    /// (C₀+L₀+Q₀+V₀ + created) − (C+L+Q+V + every pipeline exit): zero when the pipeline conserves.
    #[must_use]
    pub fn pipeline_residual(&self, state: &State) -> f64 {
        let exits = self.lost_contacted
            + self.lost_interested
            + self.reneged
            + self.timed_out
            + self.declined
            + self.approved;
        self.opening_pipeline + self.created() - state.pipeline_total() - exits
    }

    /// (ΣA₀+ΣPD₀ + approved + renewed) − (ΣA+ΣPD + matured + cured + written off).
    #[must_use]
    pub fn book_residual(&self, state: &State) -> f64 {
        self.opening_book + self.approved + self.renewed
            - state.book_total()
            - self.matured
            - self.cured
            - self.written_off
    }

    /// (R₀ + accrued) − (R + realised + lapsed).
    #[must_use]
    pub fn referral_residual(&self, state: &State) -> f64 {
        self.opening_referral_potential + self.referrals_accrued
            - state.referral_potential.iter().sum::<f64>()
            - self.referrals_realised
            - self.referrals_lapsed
    }

    /// The scale each residual is judged against (the largest term of its balance).
    #[must_use]
    pub fn pipeline_scale(&self) -> f64 {
        (self.opening_pipeline + self.created()).max(1.0)
    }

    /// See [`Ledgers::pipeline_scale`].
    #[must_use]
    pub fn book_scale(&self) -> f64 {
        (self.opening_book + self.approved + self.renewed).max(1.0)
    }

    /// See [`Ledgers::pipeline_scale`].
    #[must_use]
    pub fn referral_scale(&self) -> f64 {
        (self.opening_referral_potential + self.referrals_accrued).max(1.0)
    }
}
