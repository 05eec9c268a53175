//! The weekly cadence: prospecting hours for every week of the plan, in whole blocks per channel,
//! found and checked by simulating.
//!
//! The steady mix says how many hours hold the book in an average week. Real weeks differ: the
//! festival calendar moves demand and availability, bursts fill the queue, and an hour spent this
//! week shows in new loans only 4–6 weeks later and stays in the book for months. So the weekly
//! hours are chosen on the engine itself: they minimise the squared distance between the EV book
//! and the goal path over the plan and a [`LOOKAHEAD_WEEKS`]-week lookahead (in which the steady
//! hours continue, so the plan cannot end on a spike the team could not keep up), plus small
//! penalties that keep hours near the steady hours and week-to-week changes small.
//!
//! Every week keeps three limits a team can follow. Its hours stay between a floor (a share of the
//! steady hours: prospecting never stops, also not during a burst) and the goal's maximum; they
//! change from the week before by at most the goal's weekly change (the stop-start pattern of a
//! plan that lurches is the fault itself); and they leave the hours the week's other work needs —
//! care, renewals, investigations — so no week asks more than the team has. The last limit depends
//! on the plan (prospecting brings the applications that need investigating), so the plan is solved,
//! simulated, and solved again with the weeks that overfilled capped, a few times.
//!
//! The tracking problem is solved by Gauss–Newton: the sensitivity of every week's book to every
//! week's hours is measured by finite differences on the engine (from the state at that week), and
//! the linearised problem with its bounds and weekly changes is a quadratic program
//! ([`super::qp`]). The sensitivities are measured again only after a shortened step, because the
//! book is nearly linear in the hours. Because they come from simulation, the hours anticipate the
//! pipeline lag: weeks before a festival closure prospect more, so the pipeline is full when the
//! closure comes.
//!
//! The hours are then laid out as they will be worked: whole blocks of the goal's block size per
//! channel (channels whose share is under a block a week are folded into one "other channels"
//! block), rounded week by week so the weekly change still holds exactly. That plan — a
//! `channel_mix` and a `prospecting` `set` change per week — is what is simulated and reported.

use super::super::calendar::{Schedule, WeekInputs};
use super::super::kpi::WeekKpis;
use super::super::params::{Params, ProspectingChange, Shock, ShockKind, CHANNELS};
use super::super::sampler::Expect;
use super::super::simulate::{run_ev, simulate, simulate_observed};
use super::super::state::State;
use super::super::validate::{validate, ParamError, ValidParams};
use super::qp::{self, Row};
use super::{MixPlan, PlanGoal, TargetPath};

/// Weeks simulated after the plan (at the steady hours) whose book still counts: a quarter, well
/// past the 4–6 week lag from prospecting to a loan.
pub const LOOKAHEAD_WEEKS: usize = 13;

/// The longest plan: the lookahead must still fit in the engine's 156-week horizon.
pub const MAX_PLAN_WEEKS: usize = 104;

/// Hours are found to this precision (h per AM-week); the worked weeks are whole blocks of at
/// least a quarter hour, so more would be lost in the rounding.
const HOURS_TOLERANCE: f64 = 1e-5;

/// A block of the plan: one channel, or the channels too small for a block of their own.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Indices of the channels the block's hours are spent on.
    pub channels: Vec<usize>,
    /// Their shares of the block's hours.
    pub shares: Vec<f64>,
    /// Whether this is the "other channels" block.
    pub other: bool,
}

/// One week of the plan, per AM; stocks at the end of the week.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanWeek {
    /// Simulation week t (0-based).
    pub week: usize,
    /// Week of the year (1–52).
    pub week_of_year: u32,
    /// The demand multiplier on the plan's channels (hour-share weighted).
    pub demand: f64,
    /// The share of the working week available: `v_t·(1 − χ_t)`.
    pub availability: f64,
    /// Applications arriving in bursts, per AM.
    pub burst_apps_per_am: f64,
    /// The hours of each of the plan's blocks this week (whole blocks), per AM.
    pub block_hours: Vec<f64>,
    /// The week's planned prospecting hours per AM: the sum of its blocks.
    pub planned_hours: f64,
    /// Prospecting hours per AM this week on each channel, as the simulation spends them.
    pub hours_by_channel: [f64; CHANNELS],
    /// Their sum (the planned hours, unless the week ran out of hours).
    pub prospecting_hours: f64,
    /// The goal path for this week.
    pub goal_loans_per_am: f64,
    /// The simulated (EV) book, new loans and pipeline (application-equivalents) per AM.
    pub loans_per_am: f64,
    pub new_loans_per_am: f64,
    /// New loans per AM by tier (prime, standard, marginal).
    pub new_loans_by_tier: [f64; 3],
    pub pipeline_per_am: f64,
    /// Hours per AM available this week.
    pub available_hours: f64,
    /// Hours per AM the week's work took: care, renewals, investigations and prospecting.
    pub work_hours: f64,
    /// Whether the week needed more hours than it had: applications left waiting or renewals or
    /// care not served for want of hours.
    pub overfull: bool,
    /// Whether the week would overfill even with prospecting at the floor: full of the scenario's
    /// own work (a burst, a holiday), not of the plan's.
    pub strained: bool,
    /// Channel cash per AM this week, CNY.
    pub cash_cny: f64,
    /// Profit per AM this week (income less losses, channel cash and salaries), CNY.
    pub profit_cny: f64,
    /// Share of the team's available hours used.
    pub utilisation: f64,
}

/// The week-by-week plan and its simulated outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Cadence {
    /// The blocks every week is laid out in, in the plan's order (largest share first, the other
    /// channels last).
    pub blocks: Vec<Block>,
    pub weeks: Vec<PlanWeek>,
    /// The plan as timed changes (a channel mix and an hours change per week), to append to the
    /// scenario's shocks (`params` already has them).
    pub shocks: Vec<Shock>,
    /// The scenario the plan was checked on: the horizon is the plan's, its prospecting and
    /// channel-mix changes are replaced by the plan's.
    pub params: Params,
    /// Book per AM at the start of the plan, and the prospecting hours per AM the team works now.
    pub start_loans_per_am: f64,
    pub start_hours: f64,
    /// The floor and the most hours per AM-week any week may get, and the block size.
    pub floor_hours: f64,
    pub max_hours: f64,
    pub block_hours: f64,
    /// The most the hours may change from one full week to the next.
    pub max_weekly_change_hours: f64,
}

impl Cadence {
    /// The simulated book per AM at the end of the plan.
    #[must_use]
    pub fn end_loans_per_am(&self) -> f64 {
        self.weeks.last().map_or(0.0, |w| w.loans_per_am)
    }

    /// The goal at the end of the plan.
    #[must_use]
    pub fn end_goal_loans_per_am(&self) -> f64 {
        self.weeks.last().map_or(0.0, |w| w.goal_loans_per_am)
    }

    /// Total prospecting hours per AM over the plan.
    #[must_use]
    pub fn total_hours_per_am(&self) -> f64 {
        self.weeks.iter().map(|w| w.prospecting_hours).sum()
    }

    /// The share of prime and standard customers among the plan's new loans.
    #[must_use]
    pub fn quality_share(&self) -> f64 {
        let (good, all) = self.weeks.iter().fold((0.0, 0.0), |(good, all), w| {
            (
                good + w.new_loans_by_tier[0] + w.new_loans_by_tier[1],
                all + w.new_loans_by_tier.iter().sum::<f64>(),
            )
        });
        if all > 0.0 {
            good / all
        } else {
            0.0
        }
    }

    /// The team's hours now, in whole blocks and within the plan's limits: where week 1's change
    /// is measured from.
    #[must_use]
    pub fn start_hours_worked(&self) -> f64 {
        ((self.start_hours / self.block_hours).round() * self.block_hours)
            .clamp(self.floor_hours, self.max_hours)
    }

    /// The planned hours of the weeks, per AM, in order.
    #[must_use]
    pub fn planned_hours(&self) -> Vec<f64> {
        self.weeks.iter().map(|w| w.planned_hours).collect()
    }
}

/// The prospecting hours per AM the team works now: week 1 of the scenario under its own policy.
#[must_use]
pub fn start_hours(vp: &ValidParams) -> f64 {
    let ev = run_ev(vp);
    ev.run
        .weeks
        .first()
        .map_or(0.0, |w| w.hours_prospecting / w.ams.max(1.0))
}

/// The scenario a plan of `weeks` weeks is simulated on, with `extra` weeks beyond it for looking
/// ahead: the plan's channel mix, no other prospecting or mix changes (of the scenario or of a
/// trainer), no fault window.
fn plan_scenario(base: &Params, weeks: usize, extra: usize, shares: [f64; CHANNELS]) -> Params {
    let horizon = (weeks + extra) as f64;
    let mut params = base.clone();
    params.team.horizon_weeks = horizon;
    // The plan's own hours and mix replace any prospecting or mix change, the scenario's or a
    // trainer's; every other timed change stays (within the plan's weeks).
    let keep = |shock: &Shock| {
        !matches!(
            shock.kind,
            ShockKind::Prospecting { .. } | ShockKind::ChannelMix { .. }
        ) && shock.start < horizon
    };
    params.shocks.retain(keep);
    params.interventions.retain(keep);
    params.shocks.push(Shock {
        start: 0.0,
        duration_weeks: horizon,
        kind: ShockKind::ChannelMix { shares },
    });
    params.fault.window_start = None;
    params.fault.window_end = None;
    params.plan = None;
    params
}

/// The week's prospecting change: exactly `hours` per AM per working week.
#[allow(clippy::unnecessary_wraps)] // `WeekInputs::prospecting` is an `Option`.
fn set(hours: f64) -> Option<ProspectingChange> {
    Some(ProspectingChange::Set { hours })
}

/// The plan's blocks: a channel with at least a block a week at the steady hours has its own;
/// the smaller ones share "other channels".
fn blocks_of(mix: &MixPlan, block: f64) -> Vec<Block> {
    let steady = mix.prospecting_hours.max(block);
    let mut own: Vec<usize> = (0..CHANNELS)
        .filter(|&c| mix.shares[c] > 0.0 && mix.shares[c] * steady >= block)
        .collect();
    own.sort_by(|&a, &b| mix.shares[b].total_cmp(&mix.shares[a]).then(a.cmp(&b)));
    let small: Vec<usize> = (0..CHANNELS)
        .filter(|&c| mix.shares[c] > 0.0 && !own.contains(&c))
        .collect();
    let mut blocks: Vec<Block> = own
        .iter()
        .map(|&c| Block {
            channels: vec![c],
            shares: vec![1.0],
            other: false,
        })
        .collect();
    if !small.is_empty() {
        let total: f64 = small.iter().map(|&c| mix.shares[c]).sum();
        blocks.push(Block {
            shares: small.iter().map(|&c| mix.shares[c] / total).collect(),
            channels: small,
            other: true,
        });
    }
    if blocks.is_empty() {
        // No channel yields: the hours (at the floor) go where the scenario put them.
        blocks.push(Block {
            channels: (0..CHANNELS).collect(),
            shares: vec![1.0 / CHANNELS as f64; CHANNELS],
            other: true,
        });
    }
    blocks
}

/// A block's share of the week: its channels' shares of the mix.
fn block_share(block: &Block, mix: &MixPlan) -> f64 {
    block.channels.iter().map(|&c| mix.shares[c]).sum()
}

/// `hours` (a whole number of blocks) split into whole blocks by the largest-remainder rule.
fn split(hours: f64, block: f64, weights: &[f64]) -> Vec<f64> {
    let count = (hours / block).round().max(0.0);
    let total: f64 = weights.iter().sum();
    if total <= 0.0 || count == 0.0 {
        return vec![0.0; weights.len()];
    }
    let quotas: Vec<f64> = weights.iter().map(|w| count * w / total).collect();
    let mut whole: Vec<f64> = quotas.iter().map(|q| q.floor()).collect();
    let mut left = count - whole.iter().sum::<f64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (quotas[b] - quotas[b].floor())
            .total_cmp(&(quotas[a] - quotas[a].floor()))
            .then(a.cmp(&b))
    });
    for i in order {
        if left < 0.5 {
            break;
        }
        whole[i] += 1.0;
        left -= 1.0;
    }
    whole.iter().map(|w| w * block).collect()
}

/// What a round of solving works with.
struct Limits {
    floor: f64,
    max: f64,
    change: f64,
    block: f64,
    start: f64,
}

/// Builds the cadence of `mix` towards `target` for the goal's weeks and limits, starting from the
/// `start_hours` the team works now.
pub fn cadence(
    vp: &ValidParams,
    mix: &MixPlan,
    target: TargetPath,
    goal: &PlanGoal,
    start_hours: f64,
) -> Result<Cadence, Vec<ParamError>> {
    let weeks = (goal.weeks as usize).clamp(1, MAX_PLAN_WEEKS);
    let block = goal.block_hours;
    let max_hours = goal.max_prospecting_hours;
    // The floor in whole blocks, never above the maximum.
    let floor_hours =
        ((goal.floor_share * mix.prospecting_hours).min(max_hours) / block).floor() * block;
    let limits = Limits {
        floor: floor_hours,
        max: max_hours,
        change: goal.max_weekly_change_hours,
        block,
        start: ((start_hours / block).round() * block).clamp(floor_hours, max_hours),
    };
    let ahead = validate(&plan_scenario(
        vp.params(),
        weeks,
        LOOKAHEAD_WEEKS,
        mix.shares,
    ))?;
    let model = ahead.model();
    let initial = ahead.initial_state().clone();
    let start_loans = initial.loans_by_tier(model).iter().sum::<f64>() / model.ams_f64;
    let steady_hours = mix.prospecting_hours.clamp(floor_hours, max_hours);
    let goal_path: Vec<f64> = (0..weeks + LOOKAHEAD_WEEKS)
        .map(|t| target.at(start_loans, t))
        .collect();
    let blocks = blocks_of(mix, block);
    let tracker = Tracker {
        vp: &ahead,
        schedule: ahead.schedule().clone(),
        initial,
        goal: goal_path,
        weeks,
        steady_hours,
        limits,
    };
    let hours = tracker.solve();
    let worked = tracker.round(&hours);
    check(
        vp,
        mix,
        target,
        &blocks,
        &worked,
        &tracker,
        start_loans,
        start_hours,
    )
}

/// The worked plan as timed changes of the scenario, simulated from week 0, week by week.
#[allow(clippy::too_many_arguments)] // One call site; the pieces are the plan's, named.
fn check(
    vp: &ValidParams,
    mix: &MixPlan,
    target: TargetPath,
    blocks: &[Block],
    worked: &[f64],
    tracker: &Tracker<'_>,
    start_loans: f64,
    start_hours: f64,
) -> Result<Cadence, Vec<ParamError>> {
    let weeks = tracker.weeks;
    let block = tracker.limits.block;
    let weights: Vec<f64> = blocks.iter().map(|b| block_share(b, mix)).collect();
    let mut params = plan_scenario(vp.params(), weeks, 0, mix.shares);
    let mut shocks = Vec::new();
    let mut laid_out = Vec::with_capacity(weeks);
    for (t, &hours) in worked.iter().enumerate().take(weeks) {
        let on_duty = tracker.on_duty(t);
        let block_hours = split(hours, block, &weights);
        let mut by_channel = [0.0; CHANNELS];
        for (b, h) in blocks.iter().zip(&block_hours) {
            for (&c, s) in b.channels.iter().zip(&b.shares) {
                by_channel[c] += h * s;
            }
        }
        let shares = if hours > 0.0 {
            by_channel.map(|h| h / hours)
        } else {
            mix.shares
        };
        // The engine spends the week's set hours times the share of the week available: set them
        // so it spends exactly the blocks.
        let set_hours = if on_duty > 0.0 { hours / on_duty } else { 0.0 };
        for kind in [
            ShockKind::ChannelMix { shares },
            ShockKind::Prospecting {
                change: ProspectingChange::Set { hours: set_hours },
            },
        ] {
            let shock = Shock {
                start: t as f64,
                duration_weeks: 1.0,
                kind,
            };
            params.shocks.push(shock.clone());
            shocks.push(shock);
        }
        laid_out.push(block_hours);
    }
    let checked = validate(&params)?;
    let trace = simulate(
        &checked,
        checked.schedule(),
        checked.initial_state().clone(),
        &mut Expect,
    );
    let plan_weeks = trace
        .weeks
        .iter()
        .zip(&checked.schedule().weeks)
        .zip(laid_out)
        .enumerate()
        .map(|(t, ((kpis, inputs), block_hours))| {
            week_row(&checked, mix, tracker, t, kpis, inputs, block_hours)
                .with_goal(target.at(start_loans, t))
        })
        .collect();
    Ok(Cadence {
        blocks: blocks.to_vec(),
        weeks: plan_weeks,
        shocks,
        params,
        start_loans_per_am: start_loans,
        start_hours,
        floor_hours: tracker.limits.floor,
        max_hours: tracker.limits.max,
        block_hours: block,
        max_weekly_change_hours: tracker.limits.change,
    })
}

/// One simulated week of the worked plan, per AM (the goal is set by the caller).
fn week_row(
    checked: &ValidParams,
    mix: &MixPlan,
    tracker: &Tracker<'_>,
    t: usize,
    kpis: &WeekKpis,
    inputs: &WeekInputs,
    block_hours: Vec<f64>,
) -> PlanWeek {
    let model = checked.model();
    let ams = kpis.ams.max(1.0);
    let hours_by_channel = kpis.hours_by_channel.map(|h| h / ams);
    let planned_hours: f64 = block_hours.iter().sum();
    // Applications that were waiting when the week's hours were shared out and are still
    // waiting: the week had no hours for them. Renewals and care short of hours likewise.
    let unserved = unserved_hours(model, kpis);
    let work =
        kpis.hours_care + kpis.hours_renewal + kpis.hours_investigation + kpis.hours_prospecting;
    let (pi_c, pi_l) = (model.pi_c(), model.pi_l());
    PlanWeek {
        week: t,
        week_of_year: inputs.week_of_year,
        demand: mix
            .shares
            .iter()
            .zip(&inputs.channel_demand)
            .map(|(s, d)| s * d)
            .sum(),
        availability: inputs.availability * (1.0 - inputs.capacity_loss),
        burst_apps_per_am: inputs.burst_apps_per_am.iter().sum(),
        block_hours,
        planned_hours,
        prospecting_hours: hours_by_channel.iter().sum(),
        cash_cny: hours_by_channel
            .iter()
            .zip(&model.channels)
            .map(|(h, c)| h * c.cash_cny_per_hour)
            .sum(),
        profit_cny: kpis.profit_cny / ams,
        hours_by_channel,
        goal_loans_per_am: 0.0,
        loans_per_am: kpis.active_loans.iter().sum::<f64>() / ams,
        new_loans_per_am: kpis.new_loans.iter().sum::<f64>() / ams,
        new_loans_by_tier: kpis.new_loans.map(|n| n / ams),
        pipeline_per_am: (pi_c * pi_l * kpis.contacted.iter().sum::<f64>()
            + pi_l * kpis.interested.iter().sum::<f64>())
            / ams,
        available_hours: kpis.hours_available / ams,
        work_hours: (work + unserved) / ams,
        overfull: unserved / ams > OVERFULL_HOURS,
        strained: unserved / ams
            > planned_hours - tracker.limits.floor * tracker.on_duty(t) + OVERFULL_HOURS,
        utilisation: kpis.utilisation,
    }
}

impl PlanWeek {
    fn with_goal(mut self, goal: f64) -> PlanWeek {
        self.goal_loans_per_am = goal;
        self
    }
}

/// Gauss–Newton on the weekly hours: the book should follow the goal path every week of the plan
/// and of the lookahead (weeks after the plan keep the steady hours).
struct Tracker<'a> {
    vp: &'a ValidParams,
    schedule: Schedule,
    initial: State,
    /// The goal for every simulated week (plan and lookahead).
    goal: Vec<f64>,
    weeks: usize,
    steady_hours: f64,
    limits: Limits,
}

/// Weight of (h − steady)² against a squared loan of tracking error: just enough to settle the
/// hours that make no difference (the last weeks of the plan) at the steady hours.
const PULL_TO_STEADY: f64 = 1e-3;
/// Weight of `(h_s − h_{s−1})²`: keeps the cadence from alternating between high and low weeks
/// that the book (which integrates hours) can hardly tell apart.
const SMOOTHNESS: f64 = 1e-2;
/// Gauss–Newton iterations, at most.
const ITERATIONS: usize = 8;
/// Iterations stop once a step improves the fit by less than this share.
const RELATIVE_GAIN: f64 = 1e-6;
/// Finite-difference step for the Jacobian, hours.
const PROBE_HOURS: f64 = 1e-3;
/// Weight of a week's unserved work (hours per AM, squared) against a squared loan of tracking
/// error: an hour of work the week has no time for counts like 20 loans off the goal, so the plan
/// prospects no more than the weeks leave room for, unless the goal cannot be held any other way.
const OVERFULL_WEIGHT: f64 = 400.0;

/// Unserved work above this, hours per AM, makes a week overfull: a quarter of an hour, the
/// plan's own precision (less is the expected-value queue's rounding, not a week that asks too
/// much).
pub const OVERFULL_HOURS: f64 = 0.25;

/// The work of a week that found no hours, team hours: applications that waited through it,
/// renewals lost for want of hours, care not given.
fn unserved_hours(model: &crate::model::Model, kpis: &WeekKpis) -> f64 {
    let left_waiting: f64 = kpis.queue_by_age[1..].iter().sum();
    let renewals_lost: f64 = kpis.renewals_lost_to_capacity.iter().sum();
    let care_short = (kpis.hours_care_demand - kpis.hours_care).max(0.0);
    let tau = &model.hours_per_application;
    let mean_tau = tau.iter().sum::<f64>() / tau.len() as f64;
    left_waiting * mean_tau + renewals_lost * model.hours_per_renewal + care_short
}

impl Tracker<'_> {
    /// The share of week t's working week the team is on duty.
    fn on_duty(&self, t: usize) -> f64 {
        self.schedule
            .weeks
            .get(t)
            .map_or(1.0, |w| w.availability * (1.0 - w.capacity_loss))
    }

    /// The bounds of a week's set hours (today the same for every week).
    fn bounds(&self, _week: usize) -> (f64, f64) {
        (self.limits.floor.min(self.limits.max), self.limits.max)
    }

    /// A start that keeps every limit: the steady hours, reached from the team's hours within the
    /// weekly change.
    fn feasible_start(&self) -> Vec<f64> {
        let total = self.schedule.weeks.len();
        let mut hours = vec![self.steady_hours; total];
        let mut previous = self.limits.start;
        for (t, h) in hours.iter_mut().enumerate().take(self.weeks) {
            let (lower, upper) = self.bounds(t);
            *h = self
                .steady_hours
                .clamp(previous - self.limits.change, previous + self.limits.change)
                .clamp(lower, upper);
            previous = *h;
        }
        hours
    }

    /// The set hours per week of the plan (and of the lookahead).
    fn solve(&self) -> Vec<f64> {
        let mut hours = self.feasible_start();
        let (mut books, mut states) = self.run(&hours);
        let mut cost = self.cost(&hours, &books);
        // `books` are the residuals: per week, the book's distance from the goal and the week's
        // unserved work (see `run_from`).
        // The book is nearly linear in the hours, so a Jacobian is kept while full steps keep
        // improving the fit (the chord method) and measured again when a step had to be shortened.
        let mut jacobian: Option<Vec<Vec<f64>>> = None;
        for _ in 0..ITERATIONS {
            let current = match jacobian.take() {
                Some(kept) => kept,
                None => self.jacobian(&hours, &books, &states),
            };
            let step = self.step(&hours, &books, &current);
            if step.iter().all(|d| d.abs() < HOURS_TOLERANCE) {
                break;
            }
            let mut accepted = None;
            let mut alpha = 1.0;
            let mut full_step = true;
            for _ in 0..6 {
                let trial: Vec<f64> = hours
                    .iter()
                    .zip(step.iter().chain(std::iter::repeat(&0.0)))
                    .enumerate()
                    .map(|(t, (h, d))| {
                        if t < self.weeks {
                            let (lower, upper) = self.bounds(t);
                            (h + alpha * d).clamp(lower, upper)
                        } else {
                            *h
                        }
                    })
                    .collect();
                let (trial_books, trial_states) = self.run(&trial);
                let trial_cost = self.cost(&trial, &trial_books);
                if trial_cost < cost {
                    accepted = Some((trial, trial_books, trial_states, trial_cost));
                    break;
                }
                alpha *= 0.5;
                full_step = false;
            }
            let Some((trial, trial_books, trial_states, trial_cost)) = accepted else {
                break;
            };
            let gain = (cost - trial_cost) / cost.max(1e-12);
            hours = trial;
            books = trial_books;
            states = trial_states;
            cost = trial_cost;
            if gain < RELATIVE_GAIN {
                break;
            }
            if full_step {
                jacobian = Some(current);
            }
        }
        hours
    }

    /// The plan's weeks as they will be worked: the hours actually spent (set hours times the
    /// share of the week on duty) in whole blocks, each week within its bounds and, between full
    /// weeks, within the weekly change of the week before.
    fn round(&self, hours: &[f64]) -> Vec<f64> {
        let block = self.limits.block;
        let mut previous = self.limits.start;
        let mut previous_full = true;
        (0..self.weeks)
            .map(|t| {
                let on_duty = self.on_duty(t);
                let (lower, upper) = self.bounds(t);
                let wanted = hours[t] * on_duty;
                let lo = (lower * on_duty / block).ceil() * block;
                let hi = (upper * on_duty / block + 1e-9).floor() * block;
                let full = on_duty >= 1.0 - 1e-12;
                let (lo, hi) = if full && previous_full {
                    let change = self.limits.change;
                    (
                        lo.max(((previous - change) / block - 1e-9).ceil() * block),
                        hi.min(((previous + change) / block + 1e-9).floor() * block),
                    )
                } else {
                    (lo, hi)
                };
                let worked = if lo <= hi {
                    ((wanted / block).round() * block).clamp(lo, hi)
                } else {
                    // The bounds leave no whole block: the nearest that keeps the maximum.
                    ((wanted / block).round() * block).clamp(0.0, hi.max(0.0))
                };
                previous = worked;
                previous_full = full;
                worked
            })
            .collect()
    }

    /// Simulates the hours from week 0: the residuals of every week (see `run_from`), and the
    /// state at the start of every week.
    fn run(&self, hours: &[f64]) -> (Vec<f64>, Vec<State>) {
        self.run_from(hours, 0, &self.initial)
    }

    /// Simulates the hours from week `from`: two residuals per week — the book per AM less the
    /// goal, and the week's unserved work in hours per AM (applications left waiting, renewals
    /// and care short of hours) weighted by [`OVERFULL_WEIGHT`] — and the state at the start of
    /// every week.
    fn run_from(&self, hours: &[f64], from: usize, state: &State) -> (Vec<f64>, Vec<State>) {
        let mut window = Schedule {
            weeks: self.schedule.weeks[from..].to_vec(),
        };
        for (week, h) in window.weeks.iter_mut().zip(&hours[from..]) {
            week.prospecting = set(*h);
        }
        let mut states = Vec::with_capacity(window.weeks.len());
        let mut before = state.clone();
        let trace = simulate_observed(self.vp, &window, state.clone(), &mut Expect, |end, _| {
            states.push(std::mem::replace(&mut before, end.clone()));
        });
        let model = self.vp.model();
        let weight = OVERFULL_WEIGHT.sqrt();
        let residuals = trace
            .weeks
            .iter()
            .enumerate()
            .flat_map(|(i, w)| {
                let t = from + i;
                let ams = w.ams.max(1.0);
                let book = w.active_loans.iter().sum::<f64>() / ams - self.goal[t];
                // Only the part of the week's unserved work its own prospecting above the floor
                // could have made room for: a week the scenario fills even at the floor (a burst,
                // a holiday) is not the plan's to fix.
                let room = if t < self.weeks {
                    ((hours[t] - self.limits.floor) * self.on_duty(t)).max(0.0)
                } else {
                    0.0
                };
                let avoidable = (unserved_hours(model, w) / ams).min(room);
                [book, weight * avoidable]
            })
            .collect();
        (residuals, states)
    }

    fn cost(&self, hours: &[f64], residuals: &[f64]) -> f64 {
        let fit: f64 = residuals.iter().map(|r| r * r).sum();
        let pull: f64 = hours[..self.weeks]
            .iter()
            .map(|h| (h - self.steady_hours) * (h - self.steady_hours))
            .sum();
        let smooth: f64 = hours[..self.weeks]
            .windows(2)
            .map(|w| (w[1] - w[0]) * (w[1] - w[0]))
            .sum();
        fit + PULL_TO_STEADY * pull + SMOOTHNESS * smooth
    }

    /// `∂r/∂h_s` for the plan's weeks s, by forward differences from the state at week s.
    fn jacobian(&self, hours: &[f64], residuals: &[f64], states: &[State]) -> Vec<Vec<f64>> {
        (0..self.weeks)
            .map(|s| {
                let probe = if hours[s] + PROBE_HOURS <= self.bounds(s).1 {
                    PROBE_HOURS
                } else {
                    -PROBE_HOURS
                };
                let mut moved = hours.to_vec();
                moved[s] += probe;
                let (after, _) = self.run_from(&moved, s, &states[s]);
                let mut column = vec![0.0; residuals.len()];
                for (i, a) in after.iter().enumerate() {
                    column[2 * s + i] = (a - residuals[2 * s + i]) / probe;
                }
                column
            })
            .collect()
    }

    /// The Gauss–Newton step for the plan's weeks: the linearised least-squares problem with the
    /// weeks' bounds and weekly changes.
    fn step(&self, hours: &[f64], books: &[f64], jacobian: &[Vec<f64>]) -> Vec<f64> {
        let n = self.weeks;
        let residual = books;
        // ½·Δᵀ·Q·Δ + gᵀ·Δ with Q = JᵀJ + ρI + κ·DᵀD and g = Jᵀr + ρ(h − steady) + κ·DᵀD·h.
        let mut q = vec![vec![0.0; n]; n];
        let mut g = vec![0.0; n];
        for i in 0..n {
            for j in i..n {
                let v: f64 = jacobian[i]
                    .iter()
                    .zip(&jacobian[j])
                    .map(|(a, b)| a * b)
                    .sum();
                q[i][j] = v;
                q[j][i] = v;
            }
            g[i] = jacobian[i]
                .iter()
                .zip(residual)
                .map(|(a, r)| a * r)
                .sum::<f64>()
                + PULL_TO_STEADY * (hours[i] - self.steady_hours);
            q[i][i] += PULL_TO_STEADY;
        }
        for i in 1..n {
            let d = hours[i] - hours[i - 1];
            q[i][i] += SMOOTHNESS;
            q[i - 1][i - 1] += SMOOTHNESS;
            q[i][i - 1] -= SMOOTHNESS;
            q[i - 1][i] -= SMOOTHNESS;
            g[i] += SMOOTHNESS * d;
            g[i - 1] -= SMOOTHNESS * d;
        }
        let change = self.limits.change;
        let mut rows: Vec<Row> = (0..n)
            .map(|t| {
                let (lower, upper) = self.bounds(t);
                Row {
                    terms: vec![(t, 1.0)],
                    lower: lower - hours[t],
                    upper: upper - hours[t],
                }
            })
            .collect();
        rows.push(Row {
            terms: vec![(0, 1.0)],
            lower: self.limits.start - change - hours[0],
            upper: self.limits.start + change - hours[0],
        });
        for t in 1..n {
            let d = hours[t] - hours[t - 1];
            rows.push(Row {
                terms: vec![(t, 1.0), (t - 1, -1.0)],
                lower: -change - d,
                upper: change - d,
            });
        }
        let step = qp::minimize(&q, &g, &rows);
        // The QP answers to about 1e-6 (the weeks are rounded to blocks of a quarter hour or more after); the bounds are kept exactly.
        step.iter()
            .enumerate()
            .map(|(t, d)| {
                let (lower, upper) = self.bounds(t);
                (hours[t] + d).clamp(lower, upper) - hours[t]
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::float_cmp)] // Quarter hours are exact in binary.
    fn hours_split_into_whole_blocks_that_add_up() {
        let parts = split(2.5, 0.25, &[0.5, 0.3, 0.2]);
        assert_eq!(parts.iter().sum::<f64>(), 2.5);
        for p in &parts {
            assert!((p / 0.25 - (p / 0.25).round()).abs() < 1e-12, "{parts:?}");
        }
        assert_eq!(parts, vec![1.25, 0.75, 0.5]);
        assert_eq!(split(0.0, 0.5, &[1.0, 1.0]), vec![0.0, 0.0]);
    }
}
