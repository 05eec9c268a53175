//! The typed model the simulation runs on, built from `Params` once they have passed validation.
//!
//! Where `Params` holds what the user typed, `Model` holds what the weekly step needs: integers as
//! integers, derived times (`τ_k`), the loan-cell layout of the flat book and its balance fractions.

use super::linalg::{Mat3, Vec3};
use super::params::{
    Amortisation, Channel, Entry, InitialBook, Params, QueueOrder, CHANNELS, TIERS,
};

/// One loan term class with its place in the flat book.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// `T_j` in weeks.
    pub weeks: usize,
    /// `w_j`.
    pub weight: f64,
    /// Index of the cell r = 1 of this term within one tier's block of cells.
    pub offset: usize,
}

/// The scenario's constants in the form the engine uses (no shocks or calendar: see `calendar`).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// N as a count and as a scale factor.
    pub ams: u32,
    pub ams_f64: f64,
    pub hours_per_week: f64,
    pub horizon_weeks: usize,
    pub start_week: u32,
    pub target_loans_per_am: f64,
    pub cost_cny_per_paid_hour: f64,
    pub init: InitialBook,
    pub init_loans_per_am: f64,
    /// `τ_k` = `t_inv,k` + `t_form` + `t_appr`, hours per application.
    pub hours_per_application: Vec3,
    pub hours_per_renewal: f64,
    pub monitoring_hours_per_loan: Vec3,
    pub collection_hours_per_past_due: f64,
    pub lambda_c: f64,
    pub delta_c: f64,
    pub lambda_l: f64,
    pub delta_l: f64,
    pub renege_per_week: f64,
    pub queue_max_weeks: usize,
    pub approval_prob: Vec3,
    pub queue_order: QueueOrder,
    pub channels: [Channel; CHANNELS],
    pub inbound_per_am_week: f64,
    pub inbound_mix: Vec3,
    /// `γ_k` = `ν·μ_net·ι_k/52`, introductions accrued per loan-week.
    pub accrual_per_loan_week: Vec3,
    pub lambda_r: f64,
    pub delta_r: f64,
    pub homophily: Mat3,
    pub terms: Vec<Term>,
    /// `w_j` in term order, the multinomial row that splits new loans by term.
    pub term_weights: Vec<f64>,
    /// Number of cells per tier in the flat book: `Σ_j` `T_j`.
    pub cells_per_tier: usize,
    /// Balance of each cell of one tier's block as a fraction of the loan amount.
    pub balance_fraction: Vec<f64>,
    pub amount_cny: Vec3,
    pub nim_per_year: Vec3,
    pub renewal_prob: Vec3,
    pub migration: Mat3,
    pub default_per_week: Vec3,
    pub cure_per_week: f64,
    pub write_off_per_week: f64,
    pub loss_given_default: f64,
    pub monitoring_penalty: f64,
}

impl Model {
    /// Builds the model from parameters that have passed the range checks of `validate`.
    #[must_use]
    pub(crate) fn from_checked(params: &Params) -> Model {
        let team = &params.team;
        let hours = &params.activity_hours;
        let pipeline = &params.pipeline;
        let referrals = &params.referrals;
        let loans = &params.loans;

        let mut offset = 0;
        let mut terms = Vec::with_capacity(loans.terms.len());
        let mut balance_fraction = Vec::new();
        for class in &loans.terms {
            let weeks = class.weeks as usize;
            terms.push(Term {
                weeks,
                weight: class.weight,
                offset,
            });
            for remaining in 1..=weeks {
                balance_fraction.push(match loans.amortisation {
                    Amortisation::EqualPrincipal => remaining as f64 / weeks as f64,
                    Amortisation::Bullet => 1.0,
                });
            }
            offset += weeks;
        }

        let accrual_per_loan_week = referrals
            .introduce_prob
            .map(|iota| referrals.network_size * referrals.network_need_per_year * iota / 52.0);
        let hours_per_application = hours
            .investigation
            .map(|t_inv| t_inv + hours.form + hours.approval);

        Model {
            ams: team.ams as u32,
            ams_f64: team.ams,
            hours_per_week: team.hours_per_week,
            horizon_weeks: team.horizon_weeks as usize,
            start_week: team.start_week as u32,
            target_loans_per_am: team.target_loans_per_am,
            cost_cny_per_paid_hour: team.cost_cny_per_paid_hour,
            init: team.init,
            init_loans_per_am: team.init_loans_per_am.unwrap_or(team.target_loans_per_am),
            hours_per_application,
            hours_per_renewal: hours.renewal,
            monitoring_hours_per_loan: hours.monitoring_per_loan,
            collection_hours_per_past_due: hours.collection_per_past_due,
            lambda_c: pipeline.contacted.advance_per_week,
            delta_c: pipeline.contacted.lost_per_week,
            lambda_l: pipeline.interested.advance_per_week,
            delta_l: pipeline.interested.lost_per_week,
            renege_per_week: pipeline.renege_per_week,
            queue_max_weeks: pipeline.queue_max_weeks as usize,
            approval_prob: pipeline.approval_prob,
            queue_order: pipeline.queue_order,
            channels: params.channels.clone(),
            inbound_per_am_week: pipeline.inbound_per_am_week,
            inbound_mix: pipeline.inbound_mix,
            accrual_per_loan_week,
            lambda_r: referrals.realise_per_week,
            delta_r: referrals.lapse_per_week,
            homophily: referrals.homophily,
            term_weights: loans.terms.iter().map(|class| class.weight).collect(),
            terms,
            cells_per_tier: offset,
            balance_fraction,
            amount_cny: loans.amount_cny,
            nim_per_year: loans.nim_per_year,
            renewal_prob: loans.renewal_prob,
            migration: loans.migration,
            default_per_week: loans.default_per_week,
            cure_per_week: loans.cure_per_week,
            write_off_per_week: loans.write_off_per_week,
            loss_given_default: loans.loss_given_default,
            monitoring_penalty: loans.monitoring_penalty,
        }
    }

    /// `π_C` = `λ_C/(λ_C+δ_C)`: the share of contacted prospects that become leads.
    #[must_use]
    pub fn pi_c(&self) -> f64 {
        self.lambda_c / (self.lambda_c + self.delta_c)
    }

    /// `π_L` = `λ_L/(λ_L+δ_L)`: the share of leads that apply.
    #[must_use]
    pub fn pi_l(&self) -> f64 {
        self.lambda_l / (self.lambda_l + self.delta_l)
    }

    /// Index of loan cell (tier, term j, remaining weeks r ≥ 1) in the flat book.
    #[must_use]
    pub fn cell(&self, tier: usize, term: &Term, remaining_weeks: usize) -> usize {
        tier * self.cells_per_tier + term.offset + remaining_weeks - 1
    }

    /// Number of cells of the flat book.
    #[must_use]
    pub fn book_cells(&self) -> usize {
        TIERS * self.cells_per_tier
    }

    /// Prospects per AM-week from channel c with `hours` of that AM's time on it: a·s·(1−e^(−h/s)).
    #[must_use]
    pub fn channel_yield(&self, channel: usize, hours: f64) -> f64 {
        let c = &self.channels[channel];
        c.leads_per_hour * c.saturation_hours * (1.0 - (-hours / c.saturation_hours).exp())
    }

    /// Whether channel c's prospects enter as contacted (C) rather than interested (L).
    #[must_use]
    pub fn enters_contacted(&self, channel: usize) -> bool {
        self.channels[channel].entry == Entry::Contacted
    }
}
