//! The seasonal cadence: prospecting hours for every week of the plan, found by simulating.
//!
//! The steady mix says how many hours hold the book in an average week. Real weeks differ: the
//! festival calendar moves demand and availability, bursts fill the queue, and an hour spent this
//! week shows in new loans only 4–6 weeks later and stays in the book for months. So the weekly
//! hours are chosen on the engine itself: they minimise the squared distance between the EV book
//! and the goal path over the plan and a [`LOOKAHEAD_WEEKS`]-week lookahead (in which the steady
//! hours continue, so the plan cannot end on a spike the team could not keep up), plus small
//! penalties that keep hours near the steady hours and week-to-week changes small. Each week's
//! hours stay between a floor (a share of the steady hours: prospecting never stops, also not
//! during a burst) and the goal's maximum.
//!
//! It is solved by Gauss–Newton: the sensitivity of every week's book to every week's hours is
//! measured by finite differences on the engine (from the state at that week), the linearised
//! problem with its bounds is solved exactly (a box-constrained quadratic program), and the step
//! is accepted when the simulated fit improves (halved until it does). The sensitivities are
//! measured again only after a shortened step, because the book is nearly linear in the hours. Because the sensitivities come from simulation,
//! the hours anticipate the pipeline lag: weeks before a festival closure prospect more, so the
//! pipeline is full when the closure comes.
//!
//! The plan is then stated as timed changes of the scenario — a `channel_mix` change for the whole
//! plan and a `prospecting` `set` change per week — and checked by simulating that scenario.

use super::super::calendar::Schedule;
use super::super::params::{Params, ProspectingChange, Shock, ShockKind, CHANNELS};
use super::super::sampler::Expect;
use super::super::simulate::{simulate, simulate_observed};
use super::super::state::State;
use super::super::validate::{validate, ParamError, ValidParams};
use super::{MixPlan, TargetPath};

/// Weeks simulated after the plan (at the steady hours) whose book still counts: a quarter, well
/// past the 4–6 week lag from prospecting to a loan.
pub const LOOKAHEAD_WEEKS: usize = 13;

/// The longest plan: the lookahead must still fit in the engine's 156-week horizon.
pub const MAX_PLAN_WEEKS: usize = 104;

/// Hours are found to this precision (h per AM-week).
const HOURS_TOLERANCE: f64 = 1e-7;

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
    /// The plan's prospecting hours per AM per working week (the timed change).
    pub set_hours: f64,
    /// Prospecting hours per AM this week on each channel, as the simulation spends them
    /// (`set_hours` times availability, as far as the hours last).
    pub hours_by_channel: [f64; CHANNELS],
    pub prospecting_hours: f64,
    /// The goal path for this week.
    pub goal_loans_per_am: f64,
    /// The simulated (EV) book, new loans and pipeline (application-equivalents) per AM.
    pub loans_per_am: f64,
    pub new_loans_per_am: f64,
    pub pipeline_per_am: f64,
    /// Share of the team's available hours used.
    pub utilisation: f64,
}

/// The week-by-week plan and its simulated outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Cadence {
    pub weeks: Vec<PlanWeek>,
    /// The plan as timed changes (a channel mix and one hours change per week), to append to the
    /// scenario's shocks (`params` already has them).
    pub shocks: Vec<Shock>,
    /// The scenario the plan was checked on: the horizon is the plan's, its prospecting and
    /// channel-mix changes are replaced by the plan's.
    pub params: Params,
    /// Book per AM at the start of the plan.
    pub start_loans_per_am: f64,
    /// The floor and the most hours per AM-week any week may get.
    pub floor_hours: f64,
    pub max_hours: f64,
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
    params
}

/// The week's prospecting change: exactly `hours` per AM per working week.
#[allow(clippy::unnecessary_wraps)] // `WeekInputs::prospecting` is an `Option`.
fn set(hours: f64) -> Option<ProspectingChange> {
    Some(ProspectingChange::Set { hours })
}

/// Builds the cadence of `mix` towards `target` over `weeks` weeks, every week's hours in
/// [`floor_hours`, `max_hours`].
pub fn cadence(
    vp: &ValidParams,
    mix: &MixPlan,
    target: TargetPath,
    weeks: usize,
    floor_hours: f64,
    max_hours: f64,
) -> Result<Cadence, Vec<ParamError>> {
    let weeks = weeks.clamp(1, MAX_PLAN_WEEKS);
    let max_hours = max_hours.max(floor_hours);
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
    let goal: Vec<f64> = (0..weeks + LOOKAHEAD_WEEKS)
        .map(|t| target.at(start_loans, t))
        .collect();
    let tracker = Tracker {
        vp: &ahead,
        schedule: ahead.schedule().clone(),
        initial,
        goal,
        weeks,
        steady_hours,
        floor_hours,
        max_hours,
    };
    let hours = tracker.solve();
    let mut schedule = tracker.schedule.clone();
    for (week, h) in schedule.weeks.iter_mut().zip(&hours) {
        week.prospecting = set(*h);
    }

    // The check: the plan as timed changes of the scenario, simulated from week 0.
    let mut params = plan_scenario(vp.params(), weeks, 0, mix.shares);
    let mut shocks = vec![Shock {
        start: 0.0,
        duration_weeks: weeks as f64,
        kind: ShockKind::ChannelMix { shares: mix.shares },
    }];
    for (t, week) in schedule.weeks.iter().take(weeks).enumerate() {
        if let Some(change) = week.prospecting {
            let shock = Shock {
                start: t as f64,
                duration_weeks: 1.0,
                kind: ShockKind::Prospecting { change },
            };
            params.shocks.push(shock.clone());
            shocks.push(shock);
        }
    }
    let checked = validate(&params)?;
    let trace = simulate(
        &checked,
        checked.schedule(),
        checked.initial_state().clone(),
        &mut Expect,
    );
    let pi_c = checked.model().pi_c();
    let pi_l = checked.model().pi_l();
    let plan_weeks = trace
        .weeks
        .iter()
        .zip(&checked.schedule().weeks)
        .enumerate()
        .map(|(t, (kpis, inputs))| {
            let ams = kpis.ams.max(1.0);
            let shares = inputs.channel_shares.unwrap_or(mix.shares);
            let hours_by_channel = kpis.hours_by_channel.map(|h| h / ams);
            PlanWeek {
                week: t,
                week_of_year: inputs.week_of_year,
                demand: shares
                    .iter()
                    .zip(&inputs.channel_demand)
                    .map(|(s, d)| s * d)
                    .sum(),
                availability: inputs.availability * (1.0 - inputs.capacity_loss),
                burst_apps_per_am: inputs.burst_apps_per_am.iter().sum(),
                set_hours: inputs
                    .prospecting
                    .and_then(ProspectingChange::hours)
                    .unwrap_or(0.0),
                prospecting_hours: hours_by_channel.iter().sum(),
                hours_by_channel,
                goal_loans_per_am: target.at(start_loans, t),
                loans_per_am: kpis.active_loans.iter().sum::<f64>() / ams,
                new_loans_per_am: kpis.new_loans.iter().sum::<f64>() / ams,
                pipeline_per_am: (pi_c * pi_l * kpis.contacted.iter().sum::<f64>()
                    + pi_l * kpis.interested.iter().sum::<f64>())
                    / ams,
                utilisation: kpis.utilisation,
            }
        })
        .collect();
    Ok(Cadence {
        weeks: plan_weeks,
        shocks,
        params,
        start_loans_per_am: start_loans,
        floor_hours,
        max_hours,
    })
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
    floor_hours: f64,
    max_hours: f64,
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

impl Tracker<'_> {
    /// The hours per week of the plan (and of the lookahead).
    fn solve(&self) -> Vec<f64> {
        let total = self.schedule.weeks.len();
        let mut hours = vec![self.steady_hours; total];
        let (mut books, mut states) = self.run(&hours);
        let mut cost = self.cost(&hours, &books);
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
                    .map(|(h, d)| (h + alpha * d).clamp(self.floor_hours, self.max_hours))
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

    /// Simulates the hours from week 0: the book per AM of every week, and the state at the start
    /// of every week.
    fn run(&self, hours: &[f64]) -> (Vec<f64>, Vec<State>) {
        self.run_from(hours, 0, &self.initial)
    }

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
        let books = trace
            .weeks
            .iter()
            .map(|w| w.active_loans.iter().sum::<f64>() / w.ams.max(1.0))
            .collect();
        (books, states)
    }

    fn cost(&self, hours: &[f64], books: &[f64]) -> f64 {
        let tracking: f64 = books
            .iter()
            .zip(&self.goal)
            .map(|(a, g)| (a - g) * (a - g))
            .sum();
        let pull: f64 = hours[..self.weeks]
            .iter()
            .map(|h| (h - self.steady_hours) * (h - self.steady_hours))
            .sum();
        let smooth: f64 = hours[..self.weeks]
            .windows(2)
            .map(|w| (w[1] - w[0]) * (w[1] - w[0]))
            .sum();
        tracking + PULL_TO_STEADY * pull + SMOOTHNESS * smooth
    }

    /// `∂book_t/∂h_s` for the plan's weeks s, by forward differences from the state at week s.
    fn jacobian(&self, hours: &[f64], books: &[f64], states: &[State]) -> Vec<Vec<f64>> {
        (0..self.weeks)
            .map(|s| {
                let probe = if hours[s] + PROBE_HOURS <= self.max_hours {
                    PROBE_HOURS
                } else {
                    -PROBE_HOURS
                };
                let mut moved = hours.to_vec();
                moved[s] += probe;
                let (after, _) = self.run_from(&moved, s, &states[s]);
                let mut column = vec![0.0; books.len()];
                for (t, a) in after.iter().enumerate() {
                    column[s + t] = (a - books[s + t]) / probe;
                }
                column
            })
            .collect()
    }

    /// The Gauss–Newton step for the plan's weeks: the box-constrained least-squares problem of
    /// the linearised book.
    fn step(&self, hours: &[f64], books: &[f64], jacobian: &[Vec<f64>]) -> Vec<f64> {
        let n = self.weeks;
        let residual: Vec<f64> = books.iter().zip(&self.goal).map(|(a, g)| a - g).collect();
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
                .zip(&residual)
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
        let lower: Vec<f64> = hours[..n].iter().map(|h| self.floor_hours - h).collect();
        let upper: Vec<f64> = hours[..n].iter().map(|h| self.max_hours - h).collect();
        box_qp(&q, &g, &lower, &upper)
    }
}

/// Minimises ½·xᵀ·Q·x + gᵀ·x over lower ≤ x ≤ upper (lower ≤ 0 ≤ upper) for a positive definite Q,
/// by the primal active-set method (Nocedal and Wright, Numerical Optimization, 16.5), from x = 0.
fn box_qp(q: &[Vec<f64>], g: &[f64], lower: &[f64], upper: &[f64]) -> Vec<f64> {
    let n = g.len();
    let mut x = vec![0.0; n];
    // Variables held at a bound.
    let mut fixed = vec![false; n];
    for _ in 0..(4 * n + 10) {
        let free: Vec<usize> = (0..n).filter(|&i| !fixed[i]).collect();
        // The minimiser over the free variables with the fixed ones where they are.
        let gradient: Vec<f64> = (0..n)
            .map(|i| g[i] + (0..n).map(|j| q[i][j] * x[j]).sum::<f64>())
            .collect();
        let sub: Vec<Vec<f64>> = free
            .iter()
            .map(|&i| free.iter().map(|&j| q[i][j]).collect())
            .collect();
        let rhs: Vec<f64> = free.iter().map(|&i| gradient[i]).collect();
        let Some(newton) = super::convex::solve_positive_definite(&sub, &rhs) else {
            break;
        };
        // Step p = −newton on the free variables; go as far as the first bound allows.
        let mut alpha: f64 = 1.0;
        let mut blocking = None;
        for (k, &i) in free.iter().enumerate() {
            let p = -newton[k];
            let room = if p > 0.0 {
                (upper[i] - x[i]) / p
            } else if p < 0.0 {
                (lower[i] - x[i]) / p
            } else {
                f64::INFINITY
            };
            if room < alpha {
                alpha = room.max(0.0);
                blocking = Some(i);
            }
        }
        for (k, &i) in free.iter().enumerate() {
            x[i] = (x[i] - alpha * newton[k]).clamp(lower[i], upper[i]);
        }
        if let Some(i) = blocking {
            fixed[i] = true;
            continue;
        }
        // At the free minimiser: release the fixed variable whose gradient most wants it inside.
        let gradient: Vec<f64> = (0..n)
            .map(|i| g[i] + (0..n).map(|j| q[i][j] * x[j]).sum::<f64>())
            .collect();
        let release = (0..n)
            .filter(|&i| fixed[i])
            .map(|i| {
                let at_lower = x[i] <= lower[i];
                // At the lower bound the gradient must be ≥ 0, at the upper ≤ 0.
                let wrong = if at_lower { -gradient[i] } else { gradient[i] };
                (i, wrong)
            })
            .filter(|&(_, wrong)| wrong > 1e-12)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match release {
            Some((i, _)) => fixed[i] = false,
            None => break,
        }
    }
    x
}
