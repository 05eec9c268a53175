//! Closed forms of MODEL.md section 9: the steady state per AM as a function of prospecting hours.
//!
//! Everything here is per AM, without seasonality or shocks, with capacity not binding. The
//! steady book is linear in the lead vector v(h), so a 3×3 structure (Ψ) is computed once and each
//! h costs a few dozen flops; h*, `A_max` and `A_BE` are bracketed bisections on monotone functions.

use super::linalg::{self, Mat3, Vec3, IDENTITY};
use super::model::Model;
use super::params::{ChannelId, CHANNELS, TIERS};
use super::policy::PolicyRule;

/// Bisection steps for every root search (MODEL.md section 15).
const BISECTION_STEPS: usize = 100;

/// The h-independent part of the steady state: survival, renewal and referral structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// `E_k`, expected end-of-week appearances of an originated loan.
    pub appearances: Vec3,
    /// `μ_k`, the probability of reaching maturity.
    pub maturity_prob: Vec3,
    /// `β̂_k`, balance-weeks per originated loan in units of the amount.
    pub balance_weeks: Vec3,
    /// `ε_k`, referral leads per loan-week in steady state.
    pub referral_leads_per_loan: Vec3,
    /// `H_ref` = Hmᵀ·diag(ε): referral leads into each tier per loan of each tier.
    pub referral_matrix: Mat3,
    /// (I − Gᵀ·diag(ρ∘μ))⁻¹: originations (new + renewed) per new loan.
    pub renewal_multiplier: Mat3,
    /// Φ = `π_L·diag(E)·(I−Gᵀdiag(ρ∘μ))⁻¹·diag(p)`.
    pub phi: Mat3,
    /// The spectral radius of `Φ·H_ref`; the referral loop has a finite steady state iff it is < 1.
    pub loop_gain: f64,
    /// Ψ = (I − `Φ·H_ref)⁻¹·Φ`: steady loans per weekly L-lead (only when `loop_gain` < 1).
    pub psi_matrix: Option<Mat3>,
}

impl Structure {
    /// Computes the structure; cheap enough to call on every keystroke.
    #[must_use]
    pub fn new(model: &Model) -> Structure {
        let mut appearances = [0.0; TIERS];
        let mut maturity_prob = [0.0; TIERS];
        let mut balance_weeks = [0.0; TIERS];
        for k in 0..TIERS {
            let survival = 1.0 - model.default_per_week[k];
            for term in &model.terms {
                let mut alive = 1.0;
                for age in 0..term.weeks {
                    appearances[k] += term.weight * alive;
                    balance_weeks[k] += term.weight
                        * alive
                        * model.balance_fraction[term.offset + term.weeks - 1 - age];
                    alive *= survival;
                }
                maturity_prob[k] += term.weight * alive;
            }
        }
        let realised_share = model.lambda_r / (model.lambda_r + model.delta_r);
        let referral_leads_per_loan = model.accrual_per_loan_week.map(|g| g * realised_share);
        let referral_matrix = linalg::mul_diag_right(
            &linalg::transpose(&model.homophily),
            &referral_leads_per_loan,
        );
        let renew_and_mature: Vec3 =
            std::array::from_fn(|k| model.renewal_prob[k] * maturity_prob[k]);
        let renewal_loop = linalg::sub(
            &IDENTITY,
            &linalg::mul_diag_right(&linalg::transpose(&model.migration), &renew_and_mature),
        );
        // ρ_k·μ_k < 1 whenever d_k > 0 or ρ_k < 1; validation keeps ρ ≤ 1, so the renewal loop can
        // only be singular when some tier renews with certainty and never defaults.
        let renewal_multiplier =
            linalg::solve(&renewal_loop, &IDENTITY).unwrap_or([[f64::INFINITY; 3]; 3]);
        let pi_l = model.pi_l();
        let phi = linalg::mul_diag_right(
            &linalg::mul_diag_left(&appearances.map(|e| pi_l * e), &renewal_multiplier),
            &model.approval_prob,
        );
        let loop_matrix = linalg::mul(&phi, &referral_matrix);
        let loop_gain = if phi.iter().flatten().all(|x| x.is_finite()) {
            linalg::spectral_radius_nonnegative(&loop_matrix)
        } else {
            f64::INFINITY
        };
        let psi_matrix = if loop_gain < 1.0 {
            linalg::solve(&linalg::sub(&IDENTITY, &loop_matrix), &phi)
        } else {
            None
        };
        Structure {
            appearances,
            maturity_prob,
            balance_weeks,
            referral_leads_per_loan,
            referral_matrix,
            renewal_multiplier,
            phi,
            loop_gain,
            psi_matrix,
        }
    }
}

/// The steady-state map from prospecting hours to the book, per AM (requires loop gain < 1).
#[derive(Debug, Clone, PartialEq)]
pub struct SteadyMap {
    pub structure: Structure,
    psi_matrix: Mat3,
    /// ψ = 1ᵀΨ: steady loans per weekly L-lead, by tier.
    pub psi: Vec3,
    /// `β_c`: steady loans sustained per weekly prospect from channel c.
    pub loans_per_weekly_prospect: [f64; CHANNELS],
    /// A0: the steady book with no prospecting (inbound and referrals only).
    pub loans_without_prospecting: f64,
    /// sup F: the book that unlimited hours on this channel mix approach.
    pub loans_supremum: f64,
}

impl SteadyMap {
    /// The map, or (when there is no finite steady state) `Err` with the referral loop gain ≥ 1.
    pub fn new(model: &Model) -> Result<SteadyMap, f64> {
        let structure = Structure::new(model);
        let Some(psi_matrix) = structure.psi_matrix else {
            return Err(structure.loop_gain);
        };
        let psi = linalg::vec_mul(&[1.0; 3], &psi_matrix);
        let pi_c = model.pi_c();
        let loans_per_weekly_prospect = std::array::from_fn(|c| {
            let entry_factor = if model.enters_contacted(c) { pi_c } else { 1.0 };
            (0..TIERS)
                .map(|k| psi[k] * model.channels[c].mix[k] * entry_factor)
                .sum()
        });
        let loans_without_prospecting = (0..TIERS)
            .map(|k| psi[k] * model.inbound_per_am_week * model.inbound_mix[k])
            .sum::<f64>();
        let loans_supremum = loans_without_prospecting
            + (0..CHANNELS)
                .filter(|&c| model.channels[c].hour_share > 0.0)
                .map(|c| {
                    let ch = &model.channels[c];
                    loans_per_weekly_prospect[c] * ch.leads_per_hour * ch.saturation_hours
                })
                .sum::<f64>();
        Ok(SteadyMap {
            structure,
            psi_matrix,
            psi,
            loans_per_weekly_prospect,
            loans_without_prospecting,
            loans_supremum,
        })
    }

    /// F(h): steady loans per AM at h prospecting hours per AM-week.
    #[must_use]
    pub fn loans_at(&self, model: &Model, hours: f64) -> f64 {
        self.loans_without_prospecting
            + (0..CHANNELS)
                .map(|c| {
                    let share = model.channels[c].hour_share;
                    self.loans_per_weekly_prospect[c] * model.channel_yield(c, share * hours)
                })
                .sum::<f64>()
    }

    /// h*(A): the prospecting hours that hold `loans` per AM flat; `None` if unreachable.
    ///
    /// Returns 0 when inbound and referrals alone hold the book (A ≤ A0).
    #[must_use]
    pub fn hours_for_loans(&self, model: &Model, loans: f64) -> Option<f64> {
        if loans >= self.loans_supremum {
            return None;
        }
        if loans <= self.loans_without_prospecting {
            return Some(0.0);
        }
        let mut lo = 0.0;
        let mut hi = model.hours_per_week.max(1.0);
        while self.loans_at(model, hi) < loans {
            lo = hi;
            hi *= 2.0;
            if !hi.is_finite() {
                return None;
            }
        }
        Some(bisect(lo, hi, |h| self.loans_at(model, h) < loans))
    }

    /// The full steady state at h prospecting hours per AM-week.
    #[must_use]
    pub fn state_at(&self, model: &Model, hours: f64) -> SteadyState {
        SteadyState::new(model, self, hours)
    }

    /// `h_max`: the prospecting hours at which the hours budget uses exactly H; `None` if even h = 0
    /// overruns H.
    #[must_use]
    pub fn hours_at_capacity(&self, model: &Model) -> Option<f64> {
        let total = |h: f64| self.state_at(model, h).hours_total;
        if total(0.0) > model.hours_per_week {
            return None;
        }
        // H_tot(H) ≥ H because prospecting alone uses H, so [0, H] brackets the root.
        Some(bisect(0.0, model.hours_per_week, |h| {
            total(h) < model.hours_per_week
        }))
    }

    /// `h_BE`: the smallest prospecting hours on [0, `h_max`] with non-negative profit; `None` if the
    /// book is unprofitable up to `A_max`.
    #[must_use]
    pub fn hours_at_break_even(&self, model: &Model, hours_max: f64) -> Option<f64> {
        let profit = |h: f64| self.state_at(model, h).profit_cny;
        if profit(0.0) >= 0.0 {
            return Some(0.0);
        }
        if profit(hours_max) < 0.0 {
            return None;
        }
        Some(bisect(0.0, hours_max, |h| profit(h) < 0.0))
    }
}

/// Bisection on [lo, hi] where `below(x)` is true left of the root and false right of it.
fn bisect(mut lo: f64, mut hi: f64, below: impl Fn(f64) -> bool) -> f64 {
    for _ in 0..BISECTION_STEPS {
        let mid = 0.5 * (lo + hi);
        // Once the midpoint is an end point the bracket cannot shrink any more: the remaining
        // steps would leave it unchanged, so stopping gives the same answer sooner.
        if mid <= lo || mid >= hi {
            break;
        }
        if below(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Steady stocks, flows, hours and economics per AM at given prospecting hours.
#[derive(Debug, Clone, PartialEq)]
pub struct SteadyState {
    pub prospecting_hours: f64,
    /// `Y_c(σ_c·h)`: prospects per week from each channel.
    pub prospects_by_channel: [f64; CHANNELS],
    /// u^C: channel prospects entering as contacted, by tier.
    pub contacted_inflow: Vec3,
    /// u^L: channel prospects entering as interested (peer brokers), by tier.
    pub interested_inflow: Vec3,
    /// Walk-ins, by tier.
    pub inbound: Vec3,
    /// Realised introductions into L, by tier.
    pub referral_leads: Vec3,
    /// a: applications per week, by tier.
    pub applications: Vec3,
    /// n: new loans per week, by tier.
    pub new_loans: Vec3,
    /// O: originations (new and renewed) per week, by tier.
    pub originations: Vec3,
    /// μ∘O: maturities per week, by tier of the maturing loan.
    pub maturities: Vec3,
    /// ρ∘μ∘O: renewals per week, by tier of the maturing loan.
    pub renewals: Vec3,
    /// A: performing loans, by tier.
    pub loans: Vec3,
    pub contacted: Vec3,
    pub interested: Vec3,
    pub past_due: Vec3,
    pub past_due_balance_cny: Vec3,
    pub referral_potential: Vec3,
    /// B: outstanding balance of performing loans, by tier.
    pub balance_cny: Vec3,
    /// P = `π_Cπ_L·ΣC` + `π_L·ΣL`, application-equivalents in the pipeline.
    pub pipeline: f64,
    pub hours_care: f64,
    pub hours_renewal: f64,
    pub hours_investigation: f64,
    /// `H_tot` = care + renewals + investigations + prospecting.
    pub hours_total: f64,
    /// H − `H_tot` (negative when the target is infeasible).
    pub slack_hours: f64,
    pub income_cny: f64,
    pub loss_cny: f64,
    pub cash_cny: f64,
    pub salary_cny: f64,
    pub profit_cny: f64,
}

impl SteadyState {
    fn new(model: &Model, map: &SteadyMap, hours: f64) -> SteadyState {
        let structure = &map.structure;
        let pi_c = model.pi_c();
        let pi_l = model.pi_l();
        let mut prospects_by_channel = [0.0; CHANNELS];
        let mut contacted_inflow = [0.0; TIERS];
        let mut interested_inflow = [0.0; TIERS];
        for (c, prospects) in prospects_by_channel.iter_mut().enumerate() {
            *prospects = model.channel_yield(c, model.channels[c].hour_share * hours);
            let target = if model.enters_contacted(c) {
                &mut contacted_inflow
            } else {
                &mut interested_inflow
            };
            for (k, flow) in target.iter_mut().enumerate() {
                *flow += *prospects * model.channels[c].mix[k];
            }
        }
        let inbound = model.inbound_mix.map(|q| q * model.inbound_per_am_week);
        let lead_vector: Vec3 =
            std::array::from_fn(|k| pi_c * contacted_inflow[k] + interested_inflow[k] + inbound[k]);
        let loans = linalg::mul_vec(&map.psi_matrix, &lead_vector);
        let referral_leads = linalg::mul_vec(&structure.referral_matrix, &loans);
        let applications: Vec3 =
            std::array::from_fn(|k| pi_l * (lead_vector[k] + referral_leads[k]));
        let new_loans: Vec3 = std::array::from_fn(|k| model.approval_prob[k] * applications[k]);
        let originations: Vec3 = std::array::from_fn(|k| loans[k] / structure.appearances[k]);
        let maturities: Vec3 =
            std::array::from_fn(|k| structure.maturity_prob[k] * originations[k]);
        let renewals: Vec3 = std::array::from_fn(|k| model.renewal_prob[k] * maturities[k]);
        let contacted = contacted_inflow.map(|u| u / (model.lambda_c + model.delta_c));
        let interested: Vec3 = std::array::from_fn(|k| {
            (pi_c * contacted_inflow[k] + interested_inflow[k] + inbound[k] + referral_leads[k])
                / (model.lambda_l + model.delta_l)
        });
        let resolution = model.cure_per_week + model.write_off_per_week;
        let past_due: Vec3 =
            std::array::from_fn(|k| model.default_per_week[k] * loans[k] / resolution);
        let balance_cny: Vec3 = std::array::from_fn(|k| {
            model.amount_cny[k] * structure.balance_weeks[k] * originations[k]
        });
        let past_due_balance_cny: Vec3 =
            std::array::from_fn(|k| model.default_per_week[k] * balance_cny[k] / resolution);
        let referral_potential: Vec3 = std::array::from_fn(|k| {
            model.accrual_per_loan_week[k] * loans[k] / (model.lambda_r + model.delta_r)
        });
        let pipeline =
            pi_c * pi_l * contacted.iter().sum::<f64>() + pi_l * interested.iter().sum::<f64>();

        let hours_care = dot(&model.monitoring_hours_per_loan, &loans)
            + model.collection_hours_per_past_due * past_due.iter().sum::<f64>();
        let hours_renewal = model.hours_per_renewal * renewals.iter().sum::<f64>();
        let hours_investigation = dot(&model.hours_per_application, &applications);
        let hours_total = hours_care + hours_renewal + hours_investigation + hours;

        let income_cny: f64 = (0..TIERS)
            .map(|k| model.nim_per_year[k] / 52.0 * balance_cny[k])
            .sum();
        let loss_share = model.loss_given_default * model.write_off_per_week / resolution;
        let loss_cny = loss_share * dot(&model.default_per_week, &balance_cny);
        let cash_cny: f64 = (0..CHANNELS)
            .map(|c| model.channels[c].cash_cny_per_hour * model.channels[c].hour_share * hours)
            .sum();
        let salary_cny = model.cost_cny_per_paid_hour * model.hours_per_week;
        SteadyState {
            prospecting_hours: hours,
            prospects_by_channel,
            contacted_inflow,
            interested_inflow,
            inbound,
            referral_leads,
            applications,
            new_loans,
            originations,
            maturities,
            renewals,
            loans,
            contacted,
            interested,
            past_due,
            past_due_balance_cny,
            referral_potential,
            balance_cny,
            pipeline,
            hours_care,
            hours_renewal,
            hours_investigation,
            hours_total,
            slack_hours: model.hours_per_week - hours_total,
            income_cny,
            loss_cny,
            cash_cny,
            salary_cny,
            profit_cny: income_cny - loss_cny - cash_cny - salary_cny,
        }
    }

    /// ΣA, steady loans per AM.
    #[must_use]
    pub fn total_loans(&self) -> f64 {
        self.loans.iter().sum()
    }

    /// Σa, applications per AM-week.
    #[must_use]
    pub fn total_applications(&self) -> f64 {
        self.applications.iter().sum()
    }
}

fn dot(a: &Vec3, b: &Vec3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// Life-time economics of one new loan of a tier (MODEL.md section 9).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitEconomics {
    /// `nim_k/52·Amount_k·β̂_k`.
    pub income_cny: f64,
    /// `LGD·κ_w/(κ_c+κ_w)·d_k·Amount_k·β̂_k`.
    pub expected_loss_cny: f64,
    /// `τ_k/p_k` + `m_k·E_k` + `t_col·d_k·E_k/(κ_c+κ_w)`: AM hours the loan costs over its life.
    pub hours: f64,
    /// `c_h` times those hours.
    pub hours_cost_cny: f64,
    /// Income less loss less hours cost.
    pub contribution_cny: f64,
}

/// Unit economics of a new loan, by tier.
#[must_use]
pub fn unit_economics(model: &Model, structure: &Structure) -> [UnitEconomics; TIERS] {
    let resolution = model.cure_per_week + model.write_off_per_week;
    std::array::from_fn(|k| {
        let balance_weeks_cny = model.amount_cny[k] * structure.balance_weeks[k];
        let income_cny = model.nim_per_year[k] / 52.0 * balance_weeks_cny;
        let expected_loss_cny = model.loss_given_default * model.write_off_per_week / resolution
            * model.default_per_week[k]
            * balance_weeks_cny;
        let hours = model.hours_per_application[k] / model.approval_prob[k]
            + model.monitoring_hours_per_loan[k] * structure.appearances[k]
            + model.collection_hours_per_past_due
                * model.default_per_week[k]
                * structure.appearances[k]
                / resolution;
        let hours_cost_cny = model.cost_cny_per_paid_hour * hours;
        UnitEconomics {
            income_cny,
            expected_loss_cny,
            hours,
            hours_cost_cny,
            contribution_cny: income_cny - expected_loss_cny - hours_cost_cny,
        }
    })
}

/// The closed-form summary panel (MODEL.md section 11), per AM.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// h* = `h_ref`: prospecting hours per AM-week that hold `A_target` flat.
    pub h_star: f64,
    /// A*: the steady book per AM at the policy's nominal prospecting hours.
    pub a_star: f64,
    /// The nominal prospecting hours behind `a_star` (`h_fix`, `min(h_cap`, `h_max`) or `h_ref`).
    pub a_star_hours: f64,
    /// The steady state at h*: the hours budget, flows, mix and economics at `A_target`.
    pub at_target: SteadyState,
    /// `A_max` and the prospecting hours at which the hours budget is exactly H.
    pub a_max: Option<f64>,
    pub h_max: Option<f64>,
    /// `A_BE` and `h_BE`: where steady profit crosses zero on [A0, `A_max`].
    pub a_break_even: Option<f64>,
    pub h_break_even: Option<f64>,
    /// A0: the steady book with no prospecting.
    pub a0: f64,
    /// `β_c` by channel (index = `ChannelId::index`).
    pub loans_per_weekly_prospect: [f64; CHANNELS],
    pub unit_economics: [UnitEconomics; TIERS],
    /// Spectral radius of the referral loop.
    pub loop_gain: f64,
    /// Natural coverage `X_auto` = P*/Σa* at `h_ref`, in weeks.
    pub natural_coverage_weeks: f64,
    /// Referral leads as a share of all lead inflow into L at h*.
    pub referral_share_of_leads: f64,
}

impl Summary {
    /// `β_c` of one channel.
    #[must_use]
    pub fn beta(&self, channel: ChannelId) -> f64 {
        self.loans_per_weekly_prospect[channel.index()]
    }
}

/// Builds the summary given `h_ref` and the policy in use.
#[must_use]
pub(crate) fn summary(model: &Model, map: &SteadyMap, h_ref: f64, policy: &PolicyRule) -> Summary {
    let at_target = map.state_at(model, h_ref);
    let h_max = map.hours_at_capacity(model);
    let nominal_hours = policy.nominal_hours(h_max);
    let h_break_even = h_max.and_then(|h| map.hours_at_break_even(model, h));
    let total_l_inflow: f64 = (0..TIERS)
        .map(|k| {
            model.pi_c() * at_target.contacted_inflow[k]
                + at_target.interested_inflow[k]
                + at_target.inbound[k]
                + at_target.referral_leads[k]
        })
        .sum();
    let referral_share_of_leads = if total_l_inflow > 0.0 {
        at_target.referral_leads.iter().sum::<f64>() / total_l_inflow
    } else {
        0.0
    };
    let natural_coverage_weeks = natural_coverage(&at_target);
    Summary {
        h_star: h_ref,
        a_star: map.loans_at(model, nominal_hours),
        a_star_hours: nominal_hours,
        a_max: h_max.map(|h| map.loans_at(model, h)),
        h_max,
        a_break_even: h_break_even.map(|h| map.loans_at(model, h)),
        h_break_even,
        a0: map.loans_without_prospecting,
        loans_per_weekly_prospect: map.loans_per_weekly_prospect,
        unit_economics: unit_economics(model, &map.structure),
        loop_gain: map.structure.loop_gain,
        natural_coverage_weeks,
        referral_share_of_leads,
        at_target,
    }
}

/// X = P*/Σa*: weeks of applications the steady pipeline holds (1 when there are no applications).
#[must_use]
pub fn natural_coverage(state: &SteadyState) -> f64 {
    let applications = state.total_applications();
    if applications > 0.0 {
        state.pipeline / applications
    } else {
        1.0
    }
}
