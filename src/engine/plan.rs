//! The Cadence plan: the prospecting hours and channel mix that reach a team lead's goal, and the
//! week-by-week cadence that follows them through festivals and shocks (issue #6).
//!
//! A [`PlanGoal`] asks for a book per AM (held flat, or grown to a value by a week), a minimum share
//! of prime and standard customers among new loans, at most so many prospecting hours per AM-week,
//! and optionally a cash budget per AM-week for paid channels. The solver works in the steady state
//! of MODEL.md 9, where everything the goal constrains is linear in the channels' yields `y_c`
//! (the book is `Ψ·v` and v is linear in the yields) and the hours a yield takes,
//! `h_c = −s_c·ln(1 − y_c/(a_c·s_c))`, are convex; so each question is a small convex program,
//! solved exactly (to about 1e-11) by [`convex`]. The goal's limits are checked in a fixed order
//! — reachable at all, quality, cash, prospecting hours, the hours budget H — and the first that
//! cannot be met is the [`Shortfall`], reported with the closest plan that meets every limit.
//! [`cadence`] turns the mix into hours for every week of the plan, checked by simulating it.

pub mod cadence;
pub mod convex;

pub mod qp;

use super::closed_form::{SteadyMap, SteadyState};
use super::linalg::Vec3;
use super::model::Model;
use super::params::{CHANNELS, TIERS};
use super::validate::{ParamError, ValidParams};
use convex::{hours_at, Problem, Separable};

pub use super::goal::{
    GoalError, GoalField, GoalRule, MixChoice, Objective, PlanGoal, TargetPath, DEFAULT_PLAN_WEEKS,
};
pub use cadence::{Block, Cadence, PlanWeek};

impl PlanGoal {
    /// The goal a scenario implies: hold its `A_target` for a year within its H (see
    /// [`PlanGoal::hold`]).
    #[must_use]
    pub fn for_scenario(vp: &ValidParams) -> PlanGoal {
        let model = vp.model();
        PlanGoal::hold(model.target_loans_per_am, model.hours_per_week)
    }
}

/// The first limit of the goal that no mix can meet, with the numbers that say by how much.
/// Loans are per AM; hours and cash per AM-week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shortfall {
    /// Even unlimited hours on every channel hold fewer loans than the target (sup F).
    Unreachable { target: f64, most: f64 },
    /// The best share of prime and standard new loans any mix reaches at the target.
    QualityShort { min_share: f64, best_share: f64 },
    /// The least cash per AM-week that meets the target and the quality share.
    CashOver { budget: f64, needed: f64 },
    /// The fewest prospecting hours that meet the target, quality and cash limits.
    HoursOver { max: f64, needed: f64 },
    /// The hours budget: the fewest total hours (care, renewals, investigations and prospecting)
    /// per AM-week that meet the target and the other limits, against H.
    CapacityOver { available: f64, needed: f64 },
}

impl Shortfall {
    /// Stable identifier.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Shortfall::Unreachable { .. } => "loans_short",
            Shortfall::QualityShort { .. } => "quality_short",
            Shortfall::CashOver { .. } => "cash_over_budget",
            Shortfall::HoursOver { .. } => "hours_over_max",
            Shortfall::CapacityOver { .. } => "capacity_over",
        }
    }

    /// By how much the limit is missed, in the limit's unit (loans, share, CNY or hours).
    #[must_use]
    pub fn amount(self) -> f64 {
        match self {
            Shortfall::Unreachable { target, most } => target - most,
            Shortfall::QualityShort {
                min_share,
                best_share,
            } => min_share - best_share,
            Shortfall::CashOver { budget, needed } => needed - budget,
            Shortfall::HoursOver { max, needed } => needed - max,
            Shortfall::CapacityOver { available, needed } => needed - available,
        }
    }
}

/// Why no plan meets the goal.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// The goal has invalid fields.
    Goal(Vec<GoalError>),
    /// The referral loop has no finite steady state (loop gain ≥ 1), so nothing can be planned.
    NoSteadyState { loop_gain: f64 },
    /// A limit cannot be met at the goal's book, and no smaller book meets every limit either:
    /// there is no plan to show, only the limit that binds and by how much.
    Infeasible { shortfall: Shortfall },
    /// The scenario with the plan's timed changes did not validate (should not happen for a
    /// valid scenario; kept so that it is reported rather than hidden).
    Scenario(Vec<ParamError>),
}

/// A channel mix with its steady state, per AM.
#[derive(Debug, Clone, PartialEq)]
pub struct MixPlan {
    /// Prospecting hours per AM-week on each channel (index = `ChannelId::index`).
    pub hours_by_channel: [f64; CHANNELS],
    /// Their sum.
    pub prospecting_hours: f64,
    /// `σ_c`: each channel's share of the prospecting hours (the scenario's when there are none).
    pub shares: [f64; CHANNELS],
    /// Steady loans per AM.
    pub loans_per_am: f64,
    /// Share of prime and standard customers among steady new loans.
    pub quality_share: f64,
    /// The steady state at this mix: flows, the hours budget (`hours_total`, `slack_hours`), profit.
    pub steady: SteadyState,
    /// Extra prospecting hours per AM-week one more steady loan per AM would cost at the margin
    /// (the target's multiplier), when the target binds and the objective is hours.
    pub marginal_hours_per_loan: Option<f64>,
}

/// h* at the scenario's own channel mix (MODEL.md 9) for the goal's target.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentMix {
    /// Prospecting hours per AM-week; `None` when the target is beyond sup F for this mix.
    pub h_star: Option<f64>,
    /// The mix at h* (hours by channel, quality, steady state), when h* exists.
    pub mix: Option<MixPlan>,
    /// Whether `H_tot` ≤ H at h*.
    pub within_hours_budget: bool,
    /// `A_max` at this mix: the book at which the hours budget uses exactly H.
    pub a_max: Option<f64>,
}

/// h* at the scenario's mix for `loans` per AM.
#[must_use]
pub fn current_mix(vp: &ValidParams, loans: f64) -> Option<CurrentMix> {
    let map = vp.steady_map()?;
    let model = vp.model();
    let h_star = map.hours_for_loans(model, loans);
    let mix = h_star.map(|h| own_mix(model, map, h));
    let within_hours_budget = mix
        .as_ref()
        .is_some_and(|m| m.steady.hours_total <= model.hours_per_week);
    let a_max = map.hours_at_capacity(model).map(|h| map.loans_at(model, h));
    Some(CurrentMix {
        h_star,
        mix,
        within_hours_budget,
        a_max,
    })
}

/// The scenario's own mix at `hours` prospecting hours per AM-week.
fn own_mix(model: &Model, map: &SteadyMap, hours: f64) -> MixPlan {
    let shares: [f64; CHANNELS] = std::array::from_fn(|c| model.channels[c].hour_share);
    let steady = map.state_at(model, hours);
    MixPlan {
        hours_by_channel: shares.map(|s| s * hours),
        prospecting_hours: hours,
        shares,
        loans_per_am: steady.total_loans(),
        quality_share: quality_share(&steady),
        steady,
        marginal_hours_per_loan: None,
    }
}

/// A steady mix that meets the goal, or the first limit it misses with the plan nearest to the
/// goal's book that keeps every limit (`closest`; `None`: no book keeps them all).
#[derive(Debug, Clone, PartialEq)]
pub enum MixOutcome {
    Meets(MixPlan),
    Misses {
        shortfall: Shortfall,
        closest: Option<MixPlan>,
    },
}

/// The channel mix that meets the goal's final book and limits with the fewest hours (or the most
/// profit) — or, with [`MixChoice::Keep`], the hours at the scenario's own mix — or the first limit
/// that cannot be met, with the closest plan that meets every limit.
pub fn solve_mix(vp: &ValidParams, goal: &PlanGoal) -> Result<MixOutcome, PlanError> {
    solve_mix_with(vp, goal, 0.0)
}

/// [`solve_mix`], the most-profit mix keeping `headroom` hours per AM-week of the week free
/// (as far as the goal's book leaves them): room for the weeks on the way to the steady state.
fn solve_mix_with(
    vp: &ValidParams,
    goal: &PlanGoal,
    headroom: f64,
) -> Result<MixOutcome, PlanError> {
    goal.check(vp.model().hours_per_week)
        .map_err(PlanError::Goal)?;
    let Some(map) = vp.steady_map() else {
        return Err(PlanError::NoSteadyState {
            loop_gain: vp
                .summary()
                .map_or(f64::INFINITY, |summary| summary.loop_gain),
        });
    };
    Ok(match goal.mix {
        MixChoice::Optimise => YieldSpace::new(vp.model(), map).solve(goal, headroom),
        MixChoice::Keep => keep_mix(vp.model(), map, goal),
    })
}

/// A plan: the mix the cadence follows, whether it meets the goal, and the weekly cadence.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub goal: PlanGoal,
    /// h* and the hours budget at the scenario's own mix, for the goal's final book.
    pub current: CurrentMix,
    /// The steady mix the weekly plan follows: the goal's optimum (or the scenario's own mix at
    /// the hours the goal needs), or the closest plan when the goal's book cannot be held.
    pub mix: MixPlan,
    /// `None` when `mix` holds the goal's book within every limit; otherwise the first limit
    /// missed (and `mix` is the closest plan).
    pub shortfall: Option<Shortfall>,
    /// What the chosen mix is weighed against: with an optimised mix, the mix the other
    /// objective would choose; with the scenario's mix kept, the optimised mix. `None` when the
    /// goal is missed or the other mix cannot be solved.
    pub alternative: Option<MixPlan>,
    /// The goal path the weekly plan follows (its final book is the closest plan's when the goal
    /// cannot be met).
    pub path: TargetPath,
    /// The weeks as they will be worked: whole blocks per channel, simulated by the engine.
    pub cadence: Cadence,
    /// Whether the simulated plan meets the goal and keeps every limit.
    pub verdict: Verdict,
    /// The plan's figures, from the weeks as they will be worked: what every view of the plan
    /// (panel, chart, table, files, command line) reports.
    pub summary: PlanSummary,
}

/// The plan in figures, per AM unless named for the team. Computed once from the worked weeks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanSummary {
    pub weeks: usize,
    /// Account managers at the start of the plan.
    pub ams: f64,
    /// Planned prospecting hours per AM-week: mean, least and most over the weeks.
    pub mean_hours: f64,
    pub least_hours: f64,
    pub most_hours: f64,
    /// Planned prospecting hours per AM over the whole plan.
    pub total_hours: f64,
    /// The largest change of planned hours between consecutive full weeks (and from the hours the
    /// team works now to week 1).
    pub largest_change_hours: f64,
    /// The most any week's work takes of its available hours (1 = every hour).
    pub most_work_share: f64,
    pub overfull_weeks: usize,
    /// Weeks that overfill with prospecting at its floor (the scenario's own work, such as a burst).
    pub strained_weeks: usize,
    /// Channel cash per AM-week: mean and most.
    pub mean_cash_cny: f64,
    pub most_cash_cny: f64,
    /// Profit per AM-week, mean over the plan.
    pub mean_profit_cny: f64,
    /// New loans per AM over the plan, and the share of prime and standard among them.
    pub new_loans: f64,
    pub quality_share: f64,
    pub start_loans: f64,
    pub end_loans: f64,
    pub end_goal: f64,
}

impl PlanSummary {
    /// The summary of a cadence for a team of `ams`.
    #[must_use]
    pub fn of(cadence: &Cadence, ams: f64) -> PlanSummary {
        let weeks = &cadence.weeks;
        let n = weeks.len().max(1) as f64;
        let hours: Vec<f64> = weeks.iter().map(|w| w.planned_hours).collect();
        let mut largest_change: f64 = weeks
            .first()
            .filter(|w| w.availability >= 1.0 - 1e-12)
            .map_or(0.0, |w| {
                (w.planned_hours - cadence.start_hours_worked()).abs()
            });
        for pair in weeks.windows(2) {
            let full = pair.iter().all(|w| w.availability >= 1.0 - 1e-12);
            if full {
                largest_change =
                    largest_change.max((pair[1].planned_hours - pair[0].planned_hours).abs());
            }
        }
        PlanSummary {
            weeks: weeks.len(),
            ams,
            mean_hours: hours.iter().sum::<f64>() / n,
            least_hours: hours
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min)
                .min(f64::MAX),
            most_hours: hours.iter().copied().fold(0.0, f64::max),
            total_hours: hours.iter().sum(),
            largest_change_hours: largest_change,
            most_work_share: weeks
                .iter()
                .filter(|w| w.available_hours > 0.0)
                .map(|w| w.work_hours / w.available_hours)
                .fold(0.0, f64::max),
            overfull_weeks: weeks.iter().filter(|w| w.overfull && !w.strained).count(),
            strained_weeks: weeks.iter().filter(|w| w.overfull && w.strained).count(),
            mean_cash_cny: weeks.iter().map(|w| w.cash_cny).sum::<f64>() / n,
            most_cash_cny: weeks.iter().map(|w| w.cash_cny).fold(0.0, f64::max),
            mean_profit_cny: weeks.iter().map(|w| w.profit_cny).sum::<f64>() / n,
            new_loans: weeks.iter().map(|w| w.new_loans_per_am).sum(),
            quality_share: cadence.quality_share(),
            start_loans: cadence.start_loans_per_am,
            end_loans: cadence.end_loans_per_am(),
            end_goal: cadence.end_goal_loans_per_am(),
        }
    }
}

/// The plan's book must end within this share of the goal to count as reaching it: 2 %.
pub const GOAL_TOLERANCE: f64 = 0.02;

/// What the simulation of the plan as it will be worked says about the goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// The goal's book is held within every limit in the steady state and the simulated plan
    /// ends within [`GOAL_TOLERANCE`] of it, every week within its hours, cash and quality.
    pub met: bool,
    /// The simulated book at the end of the plan, and the goal path's value there.
    pub end_loans_per_am: f64,
    pub end_goal_loans_per_am: f64,
    /// (end − goal) / goal.
    pub end_gap: f64,
    /// Whether the simulated book ends within the tolerance of the path it follows.
    pub reaches_path: bool,
    /// Weeks whose work (care, renewals, investigations and prospecting) exceeds the hours
    /// available, leaving work undone, with prospecting above its floor (weeks that overfill at
    /// the floor are the scenario's own doing: `PlanSummary::strained_weeks`).
    pub overfull_weeks: usize,
    /// Weeks whose channel cash exceeds the budget.
    pub over_budget_weeks: usize,
    /// The share of prime and standard customers among the plan's new loans, as simulated.
    pub quality_share: f64,
    /// Whether that share keeps the goal's minimum.
    pub quality_kept: bool,
}

/// Solves the mix and builds the weekly cadence. A goal whose book cannot be held still gives a
/// plan — the closest one, with the shortfall — unless no book keeps every limit.
pub fn plan(vp: &ValidParams, goal: &PlanGoal) -> Result<Plan, PlanError> {
    let mut plan = solve_plan(vp, goal)?;
    plan.alternative = alternative(vp, &plan);
    Ok(plan)
}

/// What a plan that meets its book trades, as the mix the other choice would plan: an optimised
/// mix against the other objective's, a kept mix against the optimised one — each solved as
/// [`plan`] would solve it, so the sentence quotes the mix the user would get by switching.
fn alternative(vp: &ValidParams, plan: &Plan) -> Option<MixPlan> {
    if plan.shortfall.is_some() {
        return None;
    }
    let goal = &plan.goal;
    let other = match goal.mix {
        MixChoice::Optimise => PlanGoal {
            objective: goal.objective.other(),
            ..goal.clone()
        },
        MixChoice::Keep => PlanGoal {
            mix: MixChoice::Optimise,
            ..goal.clone()
        },
    };
    if other.objective == Objective::MostProfit {
        solve_plan(vp, &other)
            .ok()
            .filter(|p| p.shortfall.is_none())
            .map(|p| p.mix)
    } else {
        match solve_mix(vp, &other) {
            Ok(MixOutcome::Meets(mix)) => Some(mix),
            _ => None,
        }
    }
}

/// [`plan`] without the alternative: for the most profit, the first headroom whose weeks meet the
/// goal.
fn solve_plan(vp: &ValidParams, goal: &PlanGoal) -> Result<Plan, PlanError> {
    let first = plan_with(vp, goal, 0.0)?;
    if goal.objective != Objective::MostProfit
        || goal.mix != MixChoice::Optimise
        || first.verdict.met
        || first.shortfall.is_some()
    {
        return Ok(first);
    }
    // The most-profit mix fills the week in the steady state, so the weeks leading there can ask
    // more than the week holds, or the book cannot be reached in time. Keep a growing part of the
    // week free and take the first plan whose simulation meets the goal; if none does, the one
    // closest to it (fewest weeks over their hours, then the smallest gap).
    let hours = vp.model().hours_per_week;
    let mut best = first;
    for share in PROFIT_HEADROOM_SHARES {
        let next = plan_with(vp, goal, share * hours)?;
        if next.verdict.met {
            return Ok(next);
        }
        let key = |p: &Plan| (p.verdict.overfull_weeks, p.verdict.end_gap.abs());
        if key(&next) < key(&best) {
            best = next;
        }
    }
    Ok(best)
}

/// The shares of the working week [`plan`] tries keeping free for the most-profit mix.
const PROFIT_HEADROOM_SHARES: [f64; 6] = [0.025, 0.05, 0.075, 0.1, 0.15, 0.2];

/// [`plan`] with the most-profit mix keeping `headroom` hours of the week free.
fn plan_with(vp: &ValidParams, goal: &PlanGoal, headroom: f64) -> Result<Plan, PlanError> {
    let (mix, shortfall) = match solve_mix_with(vp, goal, headroom)? {
        MixOutcome::Meets(mix) => (mix, None),
        MixOutcome::Misses {
            shortfall,
            closest: Some(closest),
        } => (closest, Some(shortfall)),
        MixOutcome::Misses {
            shortfall,
            closest: None,
        } => return Err(PlanError::Infeasible { shortfall }),
    };
    let current = current_mix(vp, goal.target.final_loans()).ok_or(PlanError::NoSteadyState {
        loop_gain: f64::INFINITY,
    })?;
    let path = if shortfall.is_some() {
        goal.target.with_final(mix.loans_per_am)
    } else {
        goal.target
    };
    let start_hours = cadence::start_hours(vp);
    let cadence =
        cadence::cadence(vp, &mix, path, goal, start_hours).map_err(PlanError::Scenario)?;
    let verdict = verdict(goal, shortfall, &cadence);
    let summary = PlanSummary::of(&cadence, vp.model().ams_f64);
    Ok(Plan {
        goal: goal.clone(),
        current,
        mix,
        shortfall,
        alternative: None,
        path,
        cadence,
        verdict,
        summary,
    })
}

/// Judges the simulated plan against the goal and its limits.
fn verdict(goal: &PlanGoal, shortfall: Option<Shortfall>, cadence: &Cadence) -> Verdict {
    let end = cadence.end_loans_per_am();
    let path_end = cadence.end_goal_loans_per_am();
    let goal_end = goal.target.final_loans();
    let gap = |of: f64| if of > 0.0 { (end - of) / of } else { 0.0 };
    let reaches_path = gap(path_end).abs() <= GOAL_TOLERANCE;
    let overfull_weeks = cadence
        .weeks
        .iter()
        .filter(|w| w.overfull && !w.strained)
        .count();
    let over_budget_weeks = goal.cash_budget_cny.map_or(0, |budget| {
        cadence
            .weeks
            .iter()
            .filter(|w| w.cash_cny > budget * (1.0 + 1e-9) + 1e-9)
            .count()
    });
    let quality = cadence.quality_share();
    let quality_kept = goal.min_quality_share <= 0.0 || quality + 1e-9 >= goal.min_quality_share;
    Verdict {
        met: shortfall.is_none()
            && reaches_path
            && overfull_weeks == 0
            && over_budget_weeks == 0
            && quality_kept,
        end_loans_per_am: end,
        end_goal_loans_per_am: if shortfall.is_some() {
            goal_end
        } else {
            path_end
        },
        end_gap: gap(if shortfall.is_some() {
            goal_end
        } else {
            path_end
        }),
        reaches_path,
        overfull_weeks,
        over_budget_weeks,
        quality_share: quality,
        quality_kept,
    }
}

/// The hours the goal needs at the scenario's own channel shares: h* for the book, checked
/// against the limits in the solver's order; the closest plan is the most hours (and so the
/// largest book, up to the goal's) at which every limit holds.
fn keep_mix(model: &Model, map: &SteadyMap, goal: &PlanGoal) -> MixOutcome {
    let target = goal.target.final_loans();
    let at = |h: f64| own_mix(model, map, h);
    let quality_ok =
        |h: f64| goal.min_quality_share <= 0.0 || at(h).quality_share >= goal.min_quality_share;
    let cash_per_hour: f64 = model
        .channels
        .iter()
        .map(|c| c.hour_share * c.cash_cny_per_hour)
        .sum();
    let cash_ok = |h: f64| {
        goal.cash_budget_cny
            .is_none_or(|budget| cash_per_hour * h <= budget)
    };
    let capacity_ok = |h: f64| at(h).steady.hours_total <= model.hours_per_week;
    // The largest h ≤ `upto` at which every limit holds (each holds on an interval of h).
    let closest = |upto: f64| -> Option<MixPlan> {
        let limit = |h: f64| {
            quality_ok(h) && cash_ok(h) && h <= goal.max_prospecting_hours && capacity_ok(h)
        };
        if limit(upto) {
            return Some(at(upto));
        }
        // Bisect for the edge of the feasible interval below `upto`, if any point is feasible.
        let grid = 64;
        let feasible = (0..=grid)
            .rev()
            .map(|i| upto * f64::from(i) / f64::from(grid))
            .find(|&h| limit(h))?;
        let (mut lo, mut hi) = (feasible, upto.min(feasible + upto / f64::from(grid)));
        for _ in 0..60 {
            let mid = 0.5 * (lo + hi);
            if limit(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(at(lo))
    };
    let Some(h_star) = map.hours_for_loans(model, target) else {
        // Beyond sup F at this mix: no hours hold it.
        let most = map.loans_at(model, 1e9);
        let upto = map
            .hours_for_loans(model, most * (1.0 - 1e-6))
            .unwrap_or(model.hours_per_week);
        return MixOutcome::Misses {
            shortfall: Shortfall::Unreachable { target, most },
            closest: closest(upto),
        };
    };
    let mix = at(h_star);
    let shortfall = if !quality_ok(h_star) {
        Some(Shortfall::QualityShort {
            min_share: goal.min_quality_share,
            best_share: mix.quality_share,
        })
    } else if !cash_ok(h_star) {
        Some(Shortfall::CashOver {
            budget: goal.cash_budget_cny.unwrap_or(0.0),
            needed: cash_per_hour * h_star,
        })
    } else if h_star > goal.max_prospecting_hours {
        Some(Shortfall::HoursOver {
            max: goal.max_prospecting_hours,
            needed: h_star,
        })
    } else if !capacity_ok(h_star) {
        Some(Shortfall::CapacityOver {
            available: model.hours_per_week,
            needed: mix.steady.hours_total,
        })
    } else {
        None
    };
    match shortfall {
        None => MixOutcome::Meets(mix),
        Some(shortfall) => MixOutcome::Misses {
            shortfall,
            closest: closest(h_star),
        },
    }
}

/// Steady quantities per AM that are linear in the channels' yields.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Linear {
    loans: f64,
    new_loans: Vec3,
    /// Care, renewal and investigation hours (the hours budget less prospecting).
    workload_hours: f64,
    /// Income less credit losses, CNY per week.
    margin_cny: f64,
}

impl Linear {
    fn of(state: &SteadyState) -> Linear {
        Linear {
            loans: state.total_loans(),
            new_loans: state.new_loans,
            workload_hours: state.hours_care + state.hours_renewal + state.hours_investigation,
            margin_cny: state.income_cny - state.loss_cny,
        }
    }

    fn minus(self, other: Linear, per: f64) -> Linear {
        Linear {
            loans: (self.loans - other.loans) / per,
            new_loans: std::array::from_fn(|k| (self.new_loans[k] - other.new_loans[k]) / per),
            workload_hours: (self.workload_hours - other.workload_hours) / per,
            margin_cny: (self.margin_cny - other.margin_cny) / per,
        }
    }

    fn prime_and_standard(&self) -> f64 {
        self.new_loans[0] + self.new_loans[1]
    }

    fn all_new(&self) -> f64 {
        self.new_loans.iter().sum()
    }
}

/// The goal's quantities as functions of `x_c` = `y_c/(a_c·s_c)` for the channels that yield
/// anything; built from the closed form itself (`SteadyMap::state_at`), which is affine in the
/// yields, so no formula of MODEL.md 9 is repeated here.
struct YieldSpace<'a> {
    model: &'a Model,
    map: &'a SteadyMap,
    /// Indices of the channels that can yield (`a_c·s_c` > 0).
    channels: Vec<usize>,
    /// `s_c` of those channels.
    saturation: Vec<f64>,
    /// `e_c` of those channels.
    cash: Vec<f64>,
    /// The quantities with no prospecting.
    base: Linear,
    /// Each quantity per unit of `x_c` (a whole saturation yield).
    per_channel: Vec<Linear>,
}

/// Hours below this (per AM-week) are the barrier's rounding of "none".
const NO_HOURS: f64 = 1e-10;

/// With the most-profit objective the book is held within this many loans per AM above the goal.
const PROFIT_BAND_LOANS: f64 = 0.01;

impl<'a> YieldSpace<'a> {
    fn new(model: &'a Model, map: &'a SteadyMap) -> YieldSpace<'a> {
        let mut probe = model.clone();
        let set_shares = |probe: &mut Model, shares: [f64; CHANNELS]| {
            for (channel, share) in probe.channels.iter_mut().zip(shares) {
                channel.hour_share = share;
            }
        };
        set_shares(&mut probe, [0.0; CHANNELS]);
        let base = Linear::of(&map.state_at(&probe, 0.0));
        let channels: Vec<usize> = (0..CHANNELS)
            .filter(|&c| {
                model.channels[c].leads_per_hour * model.channels[c].saturation_hours > 0.0
            })
            .collect();
        let per_channel = channels
            .iter()
            .map(|&c| {
                let mut unit = [0.0; CHANNELS];
                unit[c] = 1.0;
                set_shares(&mut probe, unit);
                let s = model.channels[c].saturation_hours;
                // At h = s the channel reaches 1 − 1/e of its saturation yield.
                let x = -(-1.0f64).exp_m1();
                Linear::of(&map.state_at(&probe, s)).minus(base, x)
            })
            .collect();
        YieldSpace {
            model,
            map,
            saturation: channels
                .iter()
                .map(|&c| model.channels[c].saturation_hours)
                .collect(),
            cash: channels
                .iter()
                .map(|&c| model.channels[c].cash_cny_per_hour)
                .collect(),
            channels,
            base,
            per_channel,
        }
    }

    fn n(&self) -> usize {
        self.channels.len()
    }

    fn linear(&self, f: impl Fn(&Linear) -> f64) -> Separable {
        Separable {
            hours: vec![0.0; self.n()],
            linear: self.per_channel.iter().map(f).collect(),
        }
    }

    fn hours(&self, weights: &[f64]) -> Separable {
        Separable {
            hours: weights.to_vec(),
            linear: vec![0.0; self.n()],
        }
    }

    /// Steady loans ≥ `loans`.
    fn target(&self, loans: f64) -> (Separable, f64) {
        (self.linear(|q| -q.loans), self.base.loans - loans)
    }

    /// (P + S new loans) ≥ share · (all new loans).
    fn quality(&self, share: f64) -> (Separable, f64) {
        (
            self.linear(|q| share * q.all_new() - q.prime_and_standard()),
            self.base.prime_and_standard() - share * self.base.all_new(),
        )
    }

    fn cash_budget(&self, budget: f64) -> (Separable, f64) {
        (self.hours(&self.cash), budget)
    }

    fn prospecting(&self, max: f64) -> (Separable, f64) {
        (self.hours(&vec![1.0; self.n()]), max)
    }

    /// Total hours (workload + prospecting) ≤ H.
    fn total_hours(&self) -> Separable {
        Separable {
            hours: vec![1.0; self.n()],
            linear: self.per_channel.iter().map(|q| q.workload_hours).collect(),
        }
    }

    fn capacity(&self) -> (Separable, f64) {
        (
            self.total_hours(),
            self.model.hours_per_week - self.base.workload_hours,
        )
    }

    fn problem(&self, objective: Separable, constraints: Vec<(Separable, f64)>) -> Problem {
        Problem {
            saturation: self.saturation.clone(),
            objective,
            constraints,
        }
    }

    /// sup F over every channel that yields: the book unlimited hours would approach.
    fn most_loans(&self) -> f64 {
        self.base.loans
            + self
                .per_channel
                .iter()
                .map(|q| q.loans.max(0.0))
                .sum::<f64>()
    }

    fn solve(&self, goal: &PlanGoal, headroom: f64) -> MixOutcome {
        let target = goal.target.final_loans();
        let misses = |shortfall: Shortfall| MixOutcome::Misses {
            shortfall,
            closest: self.closest(goal),
        };
        let most = self.most_loans();
        if target >= most {
            return misses(Shortfall::Unreachable { target, most });
        }
        let mut limits = vec![self.target(target)];

        if goal.min_quality_share > 0.0 {
            let (best_share, _) = self.best_quality_share(target);
            if best_share <= goal.min_quality_share {
                return misses(Shortfall::QualityShort {
                    min_share: goal.min_quality_share,
                    best_share,
                });
            }
            limits.push(self.quality(goal.min_quality_share));
        }
        if let Some(budget) = goal.cash_budget_cny {
            let least = self.least(self.hours(&self.cash), &limits);
            let needed = least.as_ref().map_or(f64::INFINITY, |s| s.objective);
            if needed >= budget {
                return misses(Shortfall::CashOver { budget, needed });
            }
            limits.push(self.cash_budget(budget));
        }
        let least = self.least(self.hours(&vec![1.0; self.n()]), &limits);
        let needed = least.as_ref().map_or(f64::INFINITY, |s| s.objective);
        if needed >= goal.max_prospecting_hours {
            return misses(Shortfall::HoursOver {
                max: goal.max_prospecting_hours,
                needed,
            });
        }
        limits.push(self.prospecting(goal.max_prospecting_hours));
        let (capacity, free_hours) = self.capacity();
        let least = self.least(capacity.clone(), &limits);
        let needed = least
            .as_ref()
            .map_or(f64::INFINITY, |s| s.objective + self.base.workload_hours);
        if needed >= self.model.hours_per_week {
            return misses(Shortfall::CapacityOver {
                available: self.model.hours_per_week,
                needed,
            });
        }
        let objective = match goal.objective {
            Objective::FewestHours => {
                limits.push((capacity, free_hours));
                self.hours(&vec![1.0; self.n()])
            }
            Objective::MostProfit => {
                // The most profit fills the week; the headroom keeps part of it free, never more
                // than the goal's book leaves (nine tenths of the hours the fewest need spare).
                let spare = (self.model.hours_per_week - needed).max(0.0);
                limits.push((capacity, free_hours - headroom.clamp(0.0, 0.9 * spare)));
                // The objective chooses among the mixes that hold the goal's book, not a larger
                // book: the book is the team lead's to set.
                limits.push(self.at_most(target + PROFIT_BAND_LOANS));
                Separable {
                    hours: self.cash.clone(),
                    linear: self.per_channel.iter().map(|q| -q.margin_cny).collect(),
                }
            }
        };
        let Some(solution) = convex::minimize(&self.problem(objective, limits)) else {
            // Every limit was met with room to spare on its own, so only a feasible set without
            // interior (limits exactly at their edges) lands here.
            return misses(Shortfall::CapacityOver {
                available: self.model.hours_per_week,
                needed,
            });
        };
        let mut plan = self.mix(&solution.x);
        if goal.objective == Objective::FewestHours {
            plan.marginal_hours_per_loan = Some(solution.multipliers[0]);
        }
        MixOutcome::Meets(plan)
    }

    /// Steady loans ≤ `loans`.
    fn at_most(&self, loans: f64) -> (Separable, f64) {
        (self.linear(|q| q.loans), loans - self.base.loans)
    }

    /// The least value of `objective` under `limits`; `None` when they cannot all be met.
    fn least(&self, objective: Separable, limits: &[(Separable, f64)]) -> Option<convex::Solution> {
        convex::minimize(&self.problem(objective, limits.to_vec()))
    }

    /// The highest share of prime and standard new loans at a steady book of `loans` with unlimited
    /// hours (Dinkelbach's method on the ratio of two linear functions), and the mix reaching it.
    fn best_quality_share(&self, loans: f64) -> (f64, Option<convex::Solution>) {
        let share_at = |x: &[f64]| {
            let ps = self.base.prime_and_standard()
                + x.iter()
                    .zip(&self.per_channel)
                    .map(|(x, q)| x * q.prime_and_standard())
                    .sum::<f64>();
            let all = self.base.all_new()
                + x.iter()
                    .zip(&self.per_channel)
                    .map(|(x, q)| x * q.all_new())
                    .sum::<f64>();
            if all > 0.0 {
                ps / all
            } else {
                0.0
            }
        };
        let mut share = 0.0;
        let mut best = None;
        for _ in 0..60 {
            let objective = self.quality(share).0;
            let Some(solution) =
                convex::minimize(&self.problem(objective, vec![self.target(loans)]))
            else {
                break;
            };
            let next = share_at(&solution.x);
            best = Some(solution);
            if (next - share).abs() < 1e-13 {
                share = next;
                break;
            }
            share = next;
        }
        (share, best)
    }

    /// The plan nearest to the goal's book that keeps every other limit of the goal: the most
    /// steady loans up to the goal's, with the quality share, cash, prospecting hours and the hours
    /// budget all kept. `None` when no book keeps them all (then there is no plan to offer).
    fn closest(&self, goal: &PlanGoal) -> Option<MixPlan> {
        let mut limits = vec![self.at_most(goal.target.final_loans())];
        if goal.min_quality_share > 0.0 {
            limits.push(self.quality(goal.min_quality_share));
        }
        if let Some(budget) = goal.cash_budget_cny {
            limits.push(self.cash_budget(budget));
        }
        limits.push(self.prospecting(goal.max_prospecting_hours));
        limits.push(self.capacity());
        let solution = convex::minimize(&self.problem(self.linear(|q| -q.loans), limits))?;
        Some(self.mix(&solution.x))
    }

    /// The mix reaching `x` and its steady state.
    fn mix(&self, x: &[f64]) -> MixPlan {
        let mut hours_by_channel = [0.0; CHANNELS];
        for (i, &c) in self.channels.iter().enumerate() {
            let hours = hours_at(self.saturation[i], x[i]);
            hours_by_channel[c] = if hours > NO_HOURS { hours } else { 0.0 };
        }
        let prospecting_hours: f64 = hours_by_channel.iter().sum();
        let mut shares = std::array::from_fn(|c| self.model.channels[c].hour_share);
        if prospecting_hours > 0.0 {
            shares = hours_by_channel.map(|h| h / prospecting_hours);
        }
        let steady = steady_state_with_shares(self.model, self.map, shares, prospecting_hours);
        MixPlan {
            hours_by_channel,
            prospecting_hours,
            shares,
            loans_per_am: steady.total_loans(),
            quality_share: quality_share(&steady),
            steady,
            marginal_hours_per_loan: None,
        }
    }
}

/// The steady state per AM with the channel shares replaced.
#[must_use]
pub fn steady_state_with_shares(
    model: &Model,
    map: &SteadyMap,
    shares: [f64; CHANNELS],
    hours: f64,
) -> SteadyState {
    let mut with_mix = model.clone();
    for (channel, share) in with_mix.channels.iter_mut().zip(shares) {
        channel.hour_share = share;
    }
    map.state_at(&with_mix, hours)
}

/// Share of prime and standard customers among steady new loans (0 when there are none).
#[must_use]
pub fn quality_share(state: &SteadyState) -> f64 {
    let all: f64 = state.new_loans.iter().sum();
    if all > 0.0 {
        (0..TIERS - 1).map(|k| state.new_loans[k]).sum::<f64>() / all
    } else {
        0.0
    }
}
