//! The early warning: each reported week, leading indicators from the actuals and an alarm when
//! the team is on the path to a fault, with the fall of new loans the model projects (issue 18).
//!
//! **What is compared with what.** The *expected path* is the EV run the actuals are set beside
//! (the scenario's, or its plan's); the gaps are actual − expected. The *plan's hours* are the
//! plan's weekly prospecting hours when tracking a plan, else the scenario's steady hours `h_ref`
//! (h* at the target book). The *normal* new loans a fall is measured against are the expected
//! path's shock-free baseline when it has one (a tracked burst is not normal business), else the
//! expected path itself.
//!
//! **Indicators** at week t, from the actuals up to t:
//! - pipeline cover: `π_L`·leads / expected applications per week — the weeks of applications the
//!   open leads hold at the model's lead conversion, beside the same figure on the normal path;
//! - prospecting hours per AM against the plan's hours;
//! - the share of the team's hours going to investigation, estimated from approvals: the week's
//!   approvals / p̄ cases at τ̄ hours each (p̄, τ̄: the steady application mix's approval
//!   probability and hours per application), over the expected path's available hours. Approvals
//!   decide last week's investigations, so this share lags by one week.
//!
//! **The projection** (the model run forward from the actual state) assumes:
//! - the state at the end of week t is the expected path's, with the book scaled by reported
//!   active loans / expected, the open leads by reported leads / expected, and the contacted
//!   prospects by the recent prospecting hours / plan's hours (weighted by how long contacts stay
//!   contacted, `1 − λ_C − δ_C` per week). The queue, the investigated cases, past-due loans and
//!   referrals are the expected path's: the actuals do not report them;
//! - prospecting continues at the recent rate for as many weeks as it has already been under
//!   [`UNDER_PLAN_SHARE`] of the plan (at most [`HOLD_WEEKS_MAX`]) — "at this rate" — and then
//!   follows the scenario's policy (or the plan);
//! - no further bursts arrive (the expected path's bursts after week t are removed); seasons,
//!   team changes and other shocks stay.
//!
//! **The alarm** fires at week t when the projected new loans (3-week moving average) fall at
//! least [`FALL_ALARM`] below normal within [`LOOKAHEAD_WEEKS`] *and* a leading indicator
//! confirms it: prospecting under [`UNDER_PLAN_SHARE`] of the plan, or pipeline cover under
//! [`COVER_ALARM_SHARE`] of normal. Requiring both keeps noise in one figure from raising it.

use super::actuals::{Actuals, WeekActuals};
use super::calendar::{Schedule, WeekInputs};
use super::kpi::{Kpi, WeekKpis};
use super::params::ProspectingChange;
use super::params::TIERS;
use super::plan::{self, PlanError, PlanGoal};
use super::sampler::Expect;
use super::simulate::{simulate, simulate_observed, Trace};
use super::state::State;
use super::validate::ValidParams;

/// Projected fall of new loans below normal that raises the alarm (a quarter).
pub const FALL_ALARM: f64 = 0.25;
/// Prospecting under this share of the plan's hours counts as "under plan".
pub const UNDER_PLAN_SHARE: f64 = 0.75;
/// Pipeline cover under this share of normal counts as a thin pipeline.
pub const COVER_ALARM_SHARE: f64 = 0.6;
/// The most weeks the projection keeps the recent prospecting rate.
pub const HOLD_WEEKS_MAX: usize = 4;
/// How far ahead the projection looks, in weeks.
pub const LOOKAHEAD_WEEKS: usize = 16;
/// How many past weeks of prospecting the contacted estimate weighs.
const CONTACT_MEMORY_WEEKS: usize = 12;
/// Width of the moving average the fall is measured on.
const SMOOTHING_WEEKS: usize = 3;

/// The paths actuals are compared with, computed once.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The expected path (EV) and its state at the end of every week.
    pub expected: Trace,
    pub states: Vec<State>,
    /// New loans per week on the normal path (team).
    pub normal_new_loans: Vec<f64>,
    /// Pipeline cover per week on the normal path, in weeks of applications.
    pub normal_cover_weeks: Vec<f64>,
    /// The plan's prospecting hours per AM each week.
    pub plan_hours_per_am: Vec<f64>,
    /// The share of hours spent investigating on the normal path each week.
    pub normal_investigation_share: Vec<f64>,
    schedule: Schedule,
    pi_l: f64,
    approval_prob: f64,
    hours_per_application: f64,
    contact_retention: f64,
}

impl Reference {
    /// The scenario's EV run as the expected path; the plan's hours are `h_ref` (or the path's own
    /// hours without a steady state), normal is the shock-free baseline when there is one.
    #[must_use]
    pub fn of_scenario(vp: &ValidParams) -> Reference {
        let baseline = vp
            .baseline_schedule()
            .map(|schedule| simulate(vp, schedule, vp.initial_state().clone(), &mut Expect));
        Reference::build(vp, baseline.as_ref(), vp.h_ref())
    }

    /// A plan's EV run (`vp` is the plan's scenario, with its weekly changes) as the expected
    /// path, its own weekly hours as the plan's hours and as normal.
    #[must_use]
    pub fn of_plan(vp: &ValidParams) -> Reference {
        Reference::build(vp, None, None)
    }

    fn build(vp: &ValidParams, normal: Option<&Trace>, steady_hours: Option<f64>) -> Reference {
        let mut states = Vec::with_capacity(vp.schedule().weeks.len());
        let expected = simulate_observed(
            vp,
            vp.schedule(),
            vp.initial_state().clone(),
            &mut Expect,
            |state, _| states.push(state.clone()),
        );
        let model = vp.model();
        let pi_l = model.pi_l();
        let normal_trace = normal.unwrap_or(&expected);
        let normal_new_loans = normal_trace.series(Kpi::NewLoans);
        let normal_cover_weeks = normal_trace
            .weeks
            .iter()
            .map(|w| cover_weeks(pi_l * WeekKpis::total(&w.interested), w.applications))
            .collect();
        let normal_investigation_share = normal_trace
            .weeks
            .iter()
            .map(|w| share(w.hours_investigation, w.hours_available))
            .collect();
        let plan_hours_per_am = expected
            .weeks
            .iter()
            .map(|w| steady_hours.unwrap_or_else(|| per_am(w.hours_prospecting, w.ams)))
            .collect();
        // p̄ and τ̄ weighted by the steady application mix (equal weights without one).
        let mix = vp
            .summary()
            .map_or([1.0; TIERS], |s| s.at_target.applications);
        let weight: f64 = mix.iter().sum();
        let mean = |values: &[f64; TIERS]| {
            if weight > 0.0 {
                values.iter().zip(&mix).map(|(v, m)| v * m).sum::<f64>() / weight
            } else {
                values.iter().sum::<f64>() / 3.0
            }
        };
        Reference {
            expected,
            states,
            normal_new_loans,
            normal_cover_weeks,
            plan_hours_per_am,
            normal_investigation_share,
            schedule: vp.schedule().clone(),
            pi_l,
            approval_prob: mean(&model.approval_prob),
            hours_per_application: mean(&model.hours_per_application),
            contact_retention: (1.0 - model.lambda_c - model.delta_c).clamp(0.0, 1.0),
        }
    }
}

/// Which path a team's actuals are set beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparedWith {
    /// The scenario's own EV run (it carries no plan goal).
    Scenario,
    /// The EV run of the plan solved for the scenario's goal: the weeks the team follows.
    Plan,
}

/// The path actuals are tracked against: the scenario it runs (the plan's, with its weekly
/// changes, when tracking a plan) and its reference paths.
#[derive(Debug, Clone)]
pub struct Tracked {
    pub vp: ValidParams,
    pub reference: Reference,
    pub compared_with: ComparedWith,
}

/// The path a scenario's actuals are set beside: with a plan goal, the plan solved for it (its
/// own weeks are what the team follows); else the scenario's EV run. The command line's `track`
/// and the page's Actuals view both start here.
///
/// # Errors
/// The plan's error when the goal cannot be solved, or when the plan's scenario does not validate.
pub fn tracked_path(vp: &ValidParams, goal: Option<&PlanGoal>) -> Result<Tracked, PlanError> {
    match goal {
        Some(goal) => {
            let solved = plan::plan(vp, goal)?;
            let plan_vp =
                super::validate::validate(&solved.cadence.params).map_err(PlanError::Scenario)?;
            Ok(Tracked {
                reference: Reference::of_plan(&plan_vp),
                vp: plan_vp,
                compared_with: ComparedWith::Plan,
            })
        }
        None => Ok(Tracked {
            reference: Reference::of_scenario(vp),
            vp: vp.clone(),
            compared_with: ComparedWith::Scenario,
        }),
    }
}

/// The scenario and goal to re-plan from the week after the last of `upto` (the reported weeks,
/// in order): the team starts (`init = custom`) from the state [`estimate_state`] gives at the
/// end of that week — the book as reported (active loans), past-due loans as expected, the open
/// leads as reported, the contacted prospects after the reported prospecting hours — with the
/// applications waiting and under investigation scaled by the week's reported applications /
/// expected (the expected path's where not reported), and the referral potential the expected
/// path's. So a drained pipeline stays drained and the planner sees the dip ahead. The cadence
/// ramps (by the goal's weekly change) from the hours the team works in the new week 0 under its
/// policy. Shocks still
/// ahead move with the new week 0, the trainer's decisions are dropped, and a growth deadline
/// comes that much closer. The command line's `track` and the page's *Re-plan from today* both
/// solve this.
#[must_use]
pub fn replan_scenario(
    params: &super::params::Params,
    goal: &PlanGoal,
    reference: &Reference,
    upto: &[WeekActuals],
) -> Option<(super::params::Params, PlanGoal)> {
    use super::goal::TargetPath;
    use super::params::{CustomBook, InitialBook, InitialPipeline};
    let last = upto.last()?;
    let vp = super::validate::validate(params).ok()?;
    let model = vp.model();
    let expected = reference.expected.weeks.get(last.week as usize)?;
    let state = estimate_state(reference, upto)?;
    let waiting = last
        .applications
        .map_or(1.0, |a| ratio_or_one(a, expected.applications));
    let active = std::array::from_fn(|k| {
        model
            .terms
            .iter()
            .map(|term| {
                (1..=term.weeks)
                    .map(|r| state.book[model.cell(k, term, r)])
                    .collect()
            })
            .collect()
    });
    let book_loans: f64 = state.book.iter().sum();
    let mut again = params.clone();
    again.team.init = InitialBook::Custom;
    again.team.init_loans_per_am = Some(book_loans / again.team.ams);
    again.team.initial_book = Some(CustomBook {
        active,
        past_due: state.past_due,
        past_due_balance_cny: state.past_due_balance_cny,
        pipeline: Some(InitialPipeline {
            contacted: state.contacted,
            interested: state.interested,
            queue: state.queue.iter().map(|q| q * waiting).collect(),
            investigated: state.investigated.map(|v| v * waiting),
            referral_potential: state.referral_potential,
        }),
    });
    let from = f64::from(last.week + 1);
    again.team.start_week = (again.team.start_week - 1.0 + from).rem_euclid(52.0) + 1.0;
    again.team.horizon_weeks = (again.team.horizon_weeks - from).max(goal.weeks);
    again.interventions.clear();
    again.actuals.clear();
    again.shocks = again
        .shocks
        .iter()
        .filter(|shock| shock.start >= from)
        .map(|shock| super::params::Shock {
            start: shock.start - from,
            ..shock.clone()
        })
        .collect();
    let mut goal = goal.clone();
    if let TargetPath::Growth {
        loans_per_am,
        by_week,
    } = goal.target
    {
        goal.target = TargetPath::Growth {
            loans_per_am,
            by_week: (by_week - from).max(1.0),
        };
    }
    again.plan = Some(goal.clone());
    Some((again, goal))
}

/// One week's leading indicators; `None` where the actuals do not tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicators {
    pub week: u32,
    /// Weeks of applications in the open leads, and the same on the normal path.
    pub cover_weeks: Option<f64>,
    pub normal_cover_weeks: f64,
    /// Prospecting hours per AM, the plan's, and their ratio.
    pub prospecting_hours_per_am: Option<f64>,
    pub plan_hours_per_am: f64,
    pub hours_share_of_plan: Option<f64>,
    /// Estimated share of the team's hours spent investigating, and the normal path's.
    pub investigation_share: Option<f64>,
    pub normal_investigation_share: f64,
}

/// The projected fall of new loans below normal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProjectedFall {
    /// 1 − projected/normal at the deepest week (3-week moving averages), 0 when none.
    pub depth: f64,
    /// The deepest week, and the first and last weeks at least half as deep.
    pub trough_week: u32,
    pub from_week: u32,
    pub to_week: u32,
    /// The weeks the projection kept the recent prospecting rate, and that rate (h/AM).
    pub hold_weeks: u32,
    pub hold_hours_per_am: f64,
}

/// The warning state of one reported week.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekWarning {
    pub indicators: Indicators,
    /// `None` when the week is the horizon's last (nothing to project).
    pub projection: Option<ProjectedFall>,
    /// Consecutive reported weeks up to this one with prospecting under plan.
    pub weeks_under_plan: u32,
    pub alarm: bool,
}

/// The warning of every reported week, and the first alarmed week.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracking {
    pub weeks: Vec<WeekWarning>,
    pub first_alarm_week: Option<u32>,
}

/// Indicators, projection and alarm for every reported week (`actuals` checked against `vp`'s
/// horizon; weeks beyond the reference's, if any, are left out).
#[must_use]
pub fn track(vp: &ValidParams, reference: &Reference, actuals: &Actuals) -> Tracking {
    let horizon = reference.expected.weeks.len();
    let reported = actuals
        .weeks()
        .iter()
        .take_while(|w| (w.week as usize) < horizon)
        .count();
    let mut weeks = Vec::with_capacity(reported);
    let mut under_run = 0u32;
    let mut previous_week: Option<u32> = None;
    for (index, actual) in actuals.weeks()[..reported].iter().enumerate() {
        let indicators = indicators(reference, actual);
        let under = indicators
            .hours_share_of_plan
            .is_some_and(|share| share < UNDER_PLAN_SHARE);
        let consecutive = previous_week.is_some_and(|w| w + 1 == actual.week);
        under_run = match (under, consecutive) {
            (false, _) => 0,
            (true, true) => under_run + 1,
            (true, false) => 1,
        };
        previous_week = Some(actual.week);
        let upto = &actuals.weeks()[..=index];
        let projection = project(vp, reference, upto, under_run as usize);
        let thin = indicators
            .cover_weeks
            .is_some_and(|c| c < COVER_ALARM_SHARE * indicators.normal_cover_weeks);
        let alarm = projection.is_some_and(|p| p.depth >= FALL_ALARM) && (under || thin);
        weeks.push(WeekWarning {
            indicators,
            projection,
            weeks_under_plan: under_run,
            alarm,
        });
    }
    let first_alarm_week = weeks.iter().find(|w| w.alarm).map(|w| w.indicators.week);
    Tracking {
        weeks,
        first_alarm_week,
    }
}

/// The indicators of one reported week.
#[must_use]
pub fn indicators(reference: &Reference, actual: &WeekActuals) -> Indicators {
    let t = actual.week as usize;
    let expected = &reference.expected.weeks[t];
    let hours = actual.prospecting_hours_per_am();
    let plan_hours = reference.plan_hours_per_am[t];
    let investigation = |approvals: f64| {
        let cases = if reference.approval_prob > 0.0 {
            approvals / reference.approval_prob
        } else {
            0.0
        };
        share(
            cases * reference.hours_per_application,
            expected.hours_available,
        )
    };
    Indicators {
        week: actual.week,
        cover_weeks: actual
            .leads
            .map(|leads| cover_weeks(reference.pi_l * leads, expected.applications)),
        normal_cover_weeks: reference.normal_cover_weeks[t],
        prospecting_hours_per_am: hours,
        plan_hours_per_am: plan_hours,
        hours_share_of_plan: hours.map(|h| share(h, plan_hours)),
        investigation_share: actual.new_loans_or_approvals().map(investigation),
        normal_investigation_share: reference.normal_investigation_share[t],
    }
}

/// The model run forward from the state estimated at the last of `upto`, and its fall below
/// normal; `None` at the horizon's last week. `under_run` is how many weeks prospecting has been
/// under plan up to now.
#[must_use]
pub fn project(
    vp: &ValidParams,
    reference: &Reference,
    upto: &[WeekActuals],
    under_run: usize,
) -> Option<ProjectedFall> {
    let last = upto.last()?;
    let t = last.week as usize;
    let horizon = reference.schedule.weeks.len();
    if t + 1 >= horizon {
        return None;
    }
    let state = estimate_state(reference, upto)?;
    let hold_weeks = under_run.min(HOLD_WEEKS_MAX);
    let recent = &upto[upto.len() - hold_weeks..];
    let hold_hours = if hold_weeks > 0 {
        recent
            .iter()
            .filter_map(WeekActuals::prospecting_hours_per_am)
            .sum::<f64>()
            / hold_weeks as f64
    } else {
        0.0
    };
    let end = (t + 1 + LOOKAHEAD_WEEKS).min(horizon);
    let weeks: Vec<WeekInputs> = reference.schedule.weeks[t + 1..end]
        .iter()
        .enumerate()
        .map(|(i, inputs)| {
            let mut inputs = inputs.clone();
            inputs.burst_apps_per_am = [0.0; TIERS];
            if i < hold_weeks {
                inputs.prospecting = Some(ProspectingChange::Set { hours: hold_hours });
            }
            inputs
        })
        .collect();
    let run = simulate(vp, &Schedule { weeks }, state, &mut Expect);
    let projected = smooth(&run.series(Kpi::NewLoans));
    let normal = smooth(&reference.normal_new_loans[t + 1..end]);
    let ratios: Vec<f64> = projected
        .iter()
        .zip(&normal)
        .map(|(p, n)| if *n > 0.0 { p / n } else { 1.0 })
        .collect();
    let (trough, lowest) = ratios.iter().enumerate().fold(
        (0, f64::INFINITY),
        |(bi, bv), (i, &v)| {
            if v < bv {
                (i, v)
            } else {
                (bi, bv)
            }
        },
    );
    let depth = (1.0 - lowest).max(0.0);
    let half = 1.0 - depth / 2.0;
    let deep: Vec<usize> = (0..ratios.len())
        .filter(|&i| depth > 0.0 && ratios[i] <= half)
        .collect();
    let week_of = |i: usize| (t + 1 + i) as u32;
    Some(ProjectedFall {
        depth,
        trough_week: week_of(trough),
        from_week: week_of(deep.first().copied().unwrap_or(trough)),
        to_week: week_of(deep.last().copied().unwrap_or(trough)),
        hold_weeks: hold_weeks as u32,
        hold_hours_per_am: hold_hours,
    })
}

/// The state at the end of the last reported week, as near as the actuals allow (module docs).
#[must_use]
pub fn estimate_state(reference: &Reference, upto: &[WeekActuals]) -> Option<State> {
    let last = upto.last()?;
    let t = last.week as usize;
    let expected = reference.expected.weeks.get(t)?;
    let mut state = reference.states.get(t)?.clone();
    if let Some(active) = last.active_loans {
        let ratio = ratio_or_one(active, WeekKpis::total(&expected.active_loans));
        state.book.iter_mut().for_each(|cell| *cell *= ratio);
    }
    if let Some(leads) = last.leads {
        let ratio = ratio_or_one(leads, WeekKpis::total(&expected.interested));
        state.interested.iter_mut().for_each(|l| *l *= ratio);
    }
    // Contacts made in week s are still contacted at t with weight retention^(t−s).
    // Weeks not reported count as worked to plan.
    let (mut actual, mut planned, mut w) = (0.0, 0.0, 1.0);
    for age in 0..=t.min(CONTACT_MEMORY_WEEKS) {
        let s = t - age;
        let plan = reference.plan_hours_per_am[s];
        let reported = upto
            .iter()
            .rev()
            .find(|week| week.week as usize == s)
            .and_then(WeekActuals::prospecting_hours_per_am);
        actual += w * reported.unwrap_or(plan);
        planned += w * plan;
        w *= reference.contact_retention;
    }
    let ratio = ratio_or_one(actual, planned);
    state.contacted.iter_mut().for_each(|c| *c *= ratio);
    Some(state)
}

fn ratio_or_one(actual: f64, expected: f64) -> f64 {
    if expected > 0.0 {
        actual / expected
    } else {
        1.0
    }
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        part / whole
    } else {
        0.0
    }
}

fn per_am(team: f64, ams: f64) -> f64 {
    share(team, ams)
}

fn cover_weeks(application_equivalents: f64, applications_per_week: f64) -> f64 {
    share(application_equivalents, applications_per_week)
}

/// Trailing moving average over [`SMOOTHING_WEEKS`] (shorter at the start).
fn smooth(series: &[f64]) -> Vec<f64> {
    (0..series.len())
        .map(|i| {
            let from = (i + 1).saturating_sub(SMOOTHING_WEEKS);
            let window = &series[from..=i];
            window.iter().sum::<f64>() / window.len() as f64
        })
        .collect()
}
