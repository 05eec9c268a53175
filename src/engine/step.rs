//! One simulated week: S1–S12 of MODEL.md section 5, in that order and in the draw order of 16.8.
//!
//! The same function runs EV and Monte Carlo; the `Sampler` decides whether a flow is its
//! expectation or a draw. Outflows always use start-of-week stocks, so the order of the S-steps
//! is part of the model, not an implementation detail: keep it.

use super::calendar::WeekInputs;
use super::kpi::{WeekKpis, MAX_QUEUE_WEEKS};
use super::ledger::Ledgers;
use super::model::Model;
use super::params::{QueueOrder, CHANNELS, TIERS};
use super::policy::PolicyRule;
use super::sampler::{Sampler, FIT_TOLERANCE};
use super::state::{BookTotals, State};

/// What every week of a run shares.
#[derive(Debug, Clone, Copy)]
pub struct StepContext<'a> {
    pub model: &'a Model,
    pub policy: &'a PolicyRule,
    /// `a_ref`, steady applications per AM-week, the unit of coverage (0 when unknown).
    pub applications_reference: f64,
}

/// Advances `state` by one week; returns the week's KPIs (cumulative profit left at 0) and the
/// book's end-of-week totals by tier.
///
/// `start_totals` may pass last week's returned totals for this same state, which saves summing
/// the book again; `None` always works.
#[allow(clippy::too_many_lines)] // One function per S-step would hide the shared `rem` budget.
pub fn step<S: Sampler>(
    ctx: &StepContext,
    t: usize,
    inputs: &WeekInputs,
    state: &mut State,
    sampler: &mut S,
    ledgers: &mut Ledgers,
    start_totals: Option<[BookTotals; TIERS]>,
) -> (WeekKpis, [BookTotals; TIERS]) {
    let model = ctx.model;
    // N_t, this week's team: hours, the policy's per-AM pipeline, territories and salaries follow
    // it; walk-ins and bursts are the market's and stay sized on the scenario's N.
    let n_scenario = model.ams_f64;
    let n = n_scenario + inputs.ams_delta;
    let mut week = WeekKpis {
        week: t as u32,
        week_of_year: inputs.week_of_year,
        ams: n,
        ..WeekKpis::default()
    };

    // S1 Hours.
    let on_duty = inputs.availability * (1.0 - inputs.capacity_loss);
    let hours_available = n * model.hours_per_week * on_duty;

    // S2 Portfolio care, on start-of-week stocks.
    let book_start =
        start_totals.unwrap_or_else(|| std::array::from_fn(|k| state.tier_totals(model, k)));
    let past_due_start: f64 = state.past_due.iter().sum();
    let care_demand = inputs.availability
        * ((0..TIERS)
            .map(|k| model.monitoring_hours_per_loan[k] * book_start[k].loans)
            .sum::<f64>()
            + model.collection_hours_per_past_due * past_due_start);
    let hours_care = hours_available.min(care_demand);
    let care_served_share = if care_demand > 0.0 {
        hours_care / care_demand
    } else {
        1.0
    };
    let mut rem = hours_available - hours_care;

    // S3 Past-due resolution, on start-of-week PD.
    let resolution = [model.cure_per_week, model.write_off_per_week];
    let mut loss_cny = 0.0;
    for k in 0..TIERS {
        let past_due = state.past_due[k];
        if past_due <= 0.0 {
            continue;
        }
        let mut resolved = [0.0; 2];
        sampler.multinomial(past_due, &resolution, &mut resolved);
        let [cured, written_off] = resolved;
        let exposure_per_loan = state.past_due_balance_cny[k] / past_due;
        loss_cny += model.loss_given_default * written_off * exposure_per_loan;
        let staying = past_due - cured - written_off;
        state.past_due_balance_cny[k] *= staying / past_due;
        state.past_due[k] = staying;
        week.cures[k] = cured;
        week.write_offs[k] = written_off;
    }

    // S4 Income on performing loans (past-due loans do not accrue); S3 left the book unchanged.
    let cells = model.cells_per_tier;
    let income_cny: f64 = (0..TIERS)
        .map(|k| model.nim_per_year[k] / 52.0 * model.amount_cny[k] * book_start[k].balance_units)
        .sum();

    // S5 Defaults, in tier, term, remaining-weeks order.
    for (k, &before) in book_start.iter().enumerate() {
        let hazard = (model.default_per_week[k]
            * inputs.credit_mult
            * (1.0 + model.monitoring_penalty * (1.0 - care_served_share)))
            .min(1.0);
        let block = &mut state.book[k * cells..(k + 1) * cells];
        let defaulted = sampler.default_cells(block, &model.balance_fraction, hazard, before);
        state.past_due[k] += defaulted.loans;
        state.past_due_balance_cny[k] += defaulted.balance_units * model.amount_cny[k];
        week.defaults[k] = defaulted.loans;
    }

    // S6 Ageing: loans at r = 1 mature, the rest move one week closer to maturity.
    let mut matured = [0.0; TIERS];
    for (k, matured_k) in matured.iter_mut().enumerate() {
        for term in &model.terms {
            let first = model.cell(k, term, 1);
            *matured_k += state.book[first];
            state.book.copy_within(first + 1..first + term.weeks, first);
            state.book[first + term.weeks - 1] = 0.0;
        }
    }

    // S7 Renewals: requests are served P, then S, then M while renewal hours last.
    let candidates: [f64; TIERS] =
        std::array::from_fn(|k| sampler.binomial(matured[k], model.renewal_prob[k]));
    let mut renewed = [0.0; TIERS];
    for k in 0..TIERS {
        renewed[k] = if model.hours_per_renewal > 0.0 {
            candidates[k].min(sampler.whole(rem / model.hours_per_renewal))
        } else {
            candidates[k]
        };
        rem = (rem - model.hours_per_renewal * renewed[k]).max(0.0);
    }
    let hours_renewal = model.hours_per_renewal * renewed.iter().sum::<f64>();
    let mut renewed_into = [0.0; TIERS];
    for (count, row) in renewed.iter().zip(&model.migration) {
        let mut migrated = [0.0; TIERS];
        sampler.split(*count, row, &mut migrated);
        for (into, m) in renewed_into.iter_mut().zip(migrated) {
            *into += m;
        }
    }
    for (k, &count) in renewed_into.iter().enumerate() {
        write_new_loans(model, state, sampler, k, count);
    }

    // S8 Decisions on last week's investigations.
    let approved: [f64; TIERS] =
        std::array::from_fn(|k| sampler.binomial(state.investigated[k], model.approval_prob[k]));
    for (k, &count) in approved.iter().enumerate() {
        write_new_loans(model, state, sampler, k, count);
    }
    week.declined = state
        .investigated
        .iter()
        .zip(&approved)
        .map(|(decided, yes)| decided - yes)
        .sum();
    state.investigated = [0.0; TIERS];

    // S9 Allocation: reserve prospecting hours, investigate, top up, age the queue.
    let pi_c = model.pi_c();
    let pi_l = model.pi_l();
    let pipeline_per_am = (pi_c * pi_l * state.contacted.iter().sum::<f64>()
        + pi_l * state.interested.iter().sum::<f64>())
        / n;
    let allocation = ctx
        .policy
        .allocate(pipeline_per_am)
        .with_change(inputs.prospecting);
    let scale = n * on_duty;
    let hours_reserved = (scale * allocation.reserve_hours).min(rem);
    rem -= hours_reserved;
    let (served, hours_investigation) = serve_queue(model, state, sampler, &mut rem);
    for (k, s) in served.iter().enumerate() {
        state.investigated[k] += s;
    }
    let hours_top_up = (scale * allocation.cap_hours - hours_reserved)
        .max(0.0)
        .min(rem);
    let hours_prospecting = hours_reserved + hours_top_up;
    let hours_slack = rem - hours_top_up;
    let w_max = model.queue_max_weeks;
    let mut waiting = [0.0; MAX_QUEUE_WEEKS];
    for k in 0..TIERS {
        let row = &mut state.queue[k * w_max..(k + 1) * w_max];
        for slot in waiting.iter_mut().take(w_max) {
            *slot = 0.0;
        }
        for (a, queued) in row.iter().enumerate() {
            let reneged = sampler.binomial(*queued, model.renege_per_week);
            week.reneged += reneged;
            waiting[a] = queued - reneged;
        }
        week.timed_out += waiting[w_max - 1];
        row[0] = 0.0;
        row[1..].copy_from_slice(&waiting[..w_max - 1]);
    }

    // S10 Prospecting: hours spread over all N territories.
    let hours_per_am = if n > 0.0 { hours_prospecting / n } else { 0.0 };
    let mut new_contacted = [0.0; TIERS];
    let mut new_interested = [0.0; TIERS];
    for c in 0..CHANNELS {
        let channel = &model.channels[c];
        let hour_share = inputs
            .channel_shares
            .as_ref()
            .map_or(channel.hour_share, |shares| shares[c]);
        let expected =
            n * inputs.channel_demand[c] * model.channel_yield(c, hour_share * hours_per_am);
        let into = if model.enters_contacted(c) {
            &mut new_contacted
        } else {
            &mut new_interested
        };
        for (prospects_k, share) in into.iter_mut().zip(channel.mix) {
            let prospects = sampler.poisson(expected * share);
            *prospects_k += prospects;
            week.prospects_by_channel[c] += prospects;
        }
        week.hours_by_channel[c] = hour_share * hours_prospecting;
    }
    let inbound: [f64; TIERS] = std::array::from_fn(|k| {
        sampler.poisson(
            n_scenario * inputs.inbound_demand * model.inbound_per_am_week * model.inbound_mix[k],
        )
    });

    // S11 Pipeline, referrals and arrivals, with outflows on start-of-week stocks.
    let mut to_interested = [0.0; TIERS];
    let mut lost_contacted = [0.0; TIERS];
    for k in 0..TIERS {
        let mut out = [0.0; 2];
        sampler.multinomial(
            state.contacted[k],
            &[model.lambda_c, model.delta_c],
            &mut out,
        );
        [to_interested[k], lost_contacted[k]] = out;
    }
    let mut to_queue = [0.0; TIERS];
    let mut lost_interested = [0.0; TIERS];
    for k in 0..TIERS {
        let mut out = [0.0; 2];
        sampler.multinomial(
            state.interested[k],
            &[model.lambda_l, model.delta_l],
            &mut out,
        );
        [to_queue[k], lost_interested[k]] = out;
    }
    let mut realised = [0.0; TIERS];
    let mut lapsed = [0.0; TIERS];
    for k in 0..TIERS {
        let mut out = [0.0; 2];
        sampler.multinomial(
            state.referral_potential[k],
            &[model.lambda_r, model.delta_r],
            &mut out,
        );
        [realised[k], lapsed[k]] = out;
    }
    let mut referral_leads = [0.0; TIERS];
    for (count, row) in realised.iter().zip(&model.homophily) {
        let mut spread = [0.0; TIERS];
        sampler.split(*count, row, &mut spread);
        for (lead, s) in referral_leads.iter_mut().zip(spread) {
            *lead += s;
        }
    }
    let book_end: [BookTotals; TIERS] = std::array::from_fn(|k| state.tier_totals(model, k));
    let loans_end = book_end.map(|totals| totals.loans);
    let accrued: [f64; TIERS] = std::array::from_fn(|k| {
        sampler.poisson(
            model.accrual_per_loan_week[k]
                * inputs.referral_demand
                * care_served_share
                * loans_end[k],
        )
    });
    let bursts: [f64; TIERS] =
        std::array::from_fn(|k| sampler.poisson(n_scenario * inputs.burst_apps_per_am[k]));
    for k in 0..TIERS {
        state.contacted[k] += new_contacted[k] - to_interested[k] - lost_contacted[k];
        state.interested[k] +=
            to_interested[k] + new_interested[k] + inbound[k] + referral_leads[k]
                - to_queue[k]
                - lost_interested[k];
        state.queue[k * w_max] = to_queue[k] + bursts[k];
        state.referral_potential[k] += accrued[k] - realised[k] - lapsed[k];
    }

    // S12 Record KPIs and the ledgers.
    let channel_prospects: f64 = week.prospects_by_channel.iter().sum();
    ledgers.created_by_channels += channel_prospects;
    ledgers.created_inbound += inbound.iter().sum::<f64>();
    ledgers.created_by_referrals += referral_leads.iter().sum::<f64>();
    ledgers.created_by_bursts += bursts.iter().sum::<f64>();
    ledgers.lost_contacted += lost_contacted.iter().sum::<f64>();
    ledgers.lost_interested += lost_interested.iter().sum::<f64>();
    ledgers.reneged += week.reneged;
    ledgers.timed_out += week.timed_out;
    ledgers.declined += week.declined;
    ledgers.approved += approved.iter().sum::<f64>();
    ledgers.matured += matured.iter().sum::<f64>();
    ledgers.renewed += renewed.iter().sum::<f64>();
    ledgers.cured += week.cures.iter().sum::<f64>();
    ledgers.written_off += week.write_offs.iter().sum::<f64>();
    ledgers.referrals_accrued += accrued.iter().sum::<f64>();
    ledgers.referrals_realised += realised.iter().sum::<f64>();
    ledgers.referrals_lapsed += lapsed.iter().sum::<f64>();

    week.active_loans = loans_end;
    week.balance_cny = std::array::from_fn(|k| model.amount_cny[k] * book_end[k].balance_units);
    week.new_loans = approved;
    week.renewals = renewed_into;
    week.maturities = matured;
    week.non_renewals = std::array::from_fn(|k| matured[k] - candidates[k]);
    week.renewals_lost_to_capacity = std::array::from_fn(|k| candidates[k] - renewed[k]);
    week.past_due = state.past_due;
    week.past_due_balance_cny = state.past_due_balance_cny;
    week.contacted = state.contacted;
    week.interested = state.interested;
    week.applications_waiting =
        std::array::from_fn(|k| state.queue[k * w_max..(k + 1) * w_max].iter().sum());
    for k in 0..TIERS {
        for a in 0..w_max {
            week.queue_by_age[a] += state.queue[k * w_max + a];
        }
    }
    week.investigated = state.investigated;
    week.inbound_leads = inbound.iter().sum();
    week.referral_leads = referral_leads.iter().sum();
    week.burst_applications = bursts.iter().sum();
    week.applications = to_queue.iter().sum();
    week.referrals_accrued = accrued.iter().sum();
    week.referral_potential = state.referral_potential.iter().sum();
    week.lost_contacted = lost_contacted.iter().sum();
    week.lost_interested = lost_interested.iter().sum();
    week.pipeline_per_am = pipeline_per_am;
    week.coverage_weeks = if ctx.applications_reference > 0.0 {
        pipeline_per_am / ctx.applications_reference
    } else {
        0.0
    };
    week.hours_available = hours_available;
    week.hours_care_demand = care_demand;
    week.hours_care = hours_care;
    week.care_served_share = care_served_share;
    week.hours_renewal = hours_renewal;
    week.hours_investigation = hours_investigation;
    week.hours_prospecting = hours_prospecting;
    week.hours_slack = hours_slack;
    week.utilisation = if hours_available > 0.0 {
        1.0 - hours_slack / hours_available
    } else {
        0.0
    };
    week.income_cny = income_cny;
    week.loss_cny = loss_cny;
    week.cash_cny = (0..CHANNELS)
        .map(|c| model.channels[c].cash_cny_per_hour * week.hours_by_channel[c])
        .sum();
    week.salary_cny =
        model.cost_cny_per_paid_hour * n * model.hours_per_week * (1.0 - inputs.capacity_loss);
    week.profit_cny = income_cny - loss_cny - week.cash_cny - week.salary_cny;
    (week, book_end)
}

/// Adds `count` new (or renewed) tier-k loans at the start of their terms, split by term weight.
fn write_new_loans<S: Sampler>(
    model: &Model,
    state: &mut State,
    sampler: &mut S,
    k: usize,
    count: f64,
) {
    if count <= 0.0 {
        return;
    }
    // Validation allows at most 12 term classes.
    let mut by_term = [0.0; 12];
    let by_term = &mut by_term[..model.terms.len()];
    sampler.split(count, &model.term_weights, by_term);
    for (term, &loans) in model.terms.iter().zip(by_term.iter()) {
        state.book[model.cell(k, term, term.weeks)] += loans;
    }
}

/// Investigates waiting applications while hours last; returns those served by tier and the hours.
fn serve_queue<S: Sampler>(
    model: &Model,
    state: &mut State,
    sampler: &mut S,
    rem: &mut f64,
) -> ([f64; TIERS], f64) {
    let w_max = model.queue_max_weeks;
    let tau = &model.hours_per_application;
    let mut served = [0.0; TIERS];
    let mut hours = 0.0;
    let tolerance = if S::DISCRETE { FIT_TOLERANCE } else { 0.0 };
    match model.queue_order {
        QueueOrder::Fifo => {
            for age in (0..w_max).rev() {
                let cohort: [f64; TIERS] = std::array::from_fn(|k| state.queue[k * w_max + age]);
                let cohort_hours: f64 = (0..TIERS).map(|k| tau[k] * cohort[k]).sum();
                if cohort_hours <= 0.0 {
                    continue;
                }
                if cohort_hours <= *rem + tolerance {
                    for k in 0..TIERS {
                        take(state, k * w_max + age, cohort[k], &mut served[k]);
                    }
                    hours += cohort_hours;
                    *rem = (*rem - cohort_hours).max(0.0);
                    continue;
                }
                if S::DISCRETE {
                    // A random permutation of the cohort, served one by one until one does not fit.
                    let mut left = cohort.map(|c| c as u64);
                    loop {
                        let total: u64 = left.iter().sum();
                        if total == 0 {
                            break;
                        }
                        let mut pick = sampler.below(total);
                        let mut k = 0;
                        while pick >= left[k] {
                            pick -= left[k];
                            k += 1;
                        }
                        if tau[k] > *rem + FIT_TOLERANCE {
                            return (served, hours);
                        }
                        left[k] -= 1;
                        take(state, k * w_max + age, 1.0, &mut served[k]);
                        hours += tau[k];
                        *rem = (*rem - tau[k]).max(0.0);
                    }
                } else {
                    // EV serves every tier of the cohort pro rata: a fractional last cohort.
                    let fraction = *rem / cohort_hours;
                    for k in 0..TIERS {
                        take(state, k * w_max + age, fraction * cohort[k], &mut served[k]);
                    }
                    hours += *rem;
                    *rem = 0.0;
                }
                return (served, hours);
            }
        }
        QueueOrder::QualityFirst => {
            for k in 0..TIERS {
                for age in (0..w_max).rev() {
                    let waiting = state.queue[k * w_max + age];
                    if waiting <= 0.0 {
                        continue;
                    }
                    let fits = sampler.whole(*rem / tau[k]).min(waiting);
                    take(state, k * w_max + age, fits, &mut served[k]);
                    hours += fits * tau[k];
                    *rem = (*rem - fits * tau[k]).max(0.0);
                    if fits < waiting {
                        return (served, hours);
                    }
                }
            }
        }
    }
    (served, hours)
}

/// Moves `count` applications out of queue slot `slot` into `served`.
fn take(state: &mut State, slot: usize, count: f64, served: &mut f64) {
    state.queue[slot] -= count;
    *served += count;
}
