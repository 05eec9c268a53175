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

use super::closed_form::{SteadyMap, SteadyState};
use super::linalg::Vec3;
use super::model::Model;
use super::params::{CHANNELS, TIERS};
use super::validate::{ParamError, ValidParams};
use convex::{hours_at, Problem, Separable};

pub use cadence::{Cadence, PlanWeek};

/// The book the plan aims at, per AM.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TargetPath {
    /// Reach `loans_per_am` as soon as the hours allow and hold it.
    Flat { loans_per_am: f64 },
    /// Grow in a straight line from the starting book to `loans_per_am` at the end of week
    /// `by_week` (1-based: week 1 is the plan's first week), then hold it.
    Growth { loans_per_am: f64, by_week: f64 },
}

impl TargetPath {
    /// The book the path ends at: what the steady mix must hold.
    #[must_use]
    pub fn final_loans(self) -> f64 {
        match self {
            TargetPath::Flat { loans_per_am } | TargetPath::Growth { loans_per_am, .. } => {
                loans_per_am
            }
        }
    }

    /// The path with another final value (the closest feasible plan follows a lower path).
    #[must_use]
    pub fn with_final(self, loans_per_am: f64) -> TargetPath {
        match self {
            TargetPath::Flat { .. } => TargetPath::Flat { loans_per_am },
            TargetPath::Growth { by_week, .. } => TargetPath::Growth {
                loans_per_am,
                by_week,
            },
        }
    }

    /// The goal for the end of plan week t (0-based), starting from `start_loans` per AM.
    #[must_use]
    pub fn at(self, start_loans: f64, t: usize) -> f64 {
        match self {
            TargetPath::Flat { loans_per_am } => loans_per_am,
            TargetPath::Growth {
                loans_per_am,
                by_week,
            } => {
                let progress = ((t as f64 + 1.0) / by_week.max(1.0)).min(1.0);
                start_loans + (loans_per_am - start_loans) * progress
            }
        }
    }
}

/// What the channel mix is chosen for, among the mixes that meet the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// The fewest prospecting hours per AM-week.
    FewestHours,
    /// The most steady profit per AM-week (income less losses and channel cash; salaries are paid
    /// whatever the mix).
    MostProfit,
}

impl Objective {
    /// Stable identifier (command line, page).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Objective::FewestHours => "fewest_hours",
            Objective::MostProfit => "most_profit",
        }
    }
}

/// A team lead's goal. Hours and cash are per AM per working week, like every hour in MODEL.md.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanGoal {
    pub target: TargetPath,
    /// The least share of prime and standard customers among new loans, 0–1 (0: any mix).
    pub min_quality_share: f64,
    /// The most prospecting hours per AM per working week (0–H).
    pub max_prospecting_hours: f64,
    /// Cash for paid channels (`e_c` per hour) per AM-week, CNY; `None`: no budget.
    pub cash_budget_cny: Option<f64>,
    pub objective: Objective,
    /// Weeks the plan covers (integer 13–104).
    pub weeks: f64,
    /// Every week keeps at least this share of the mix's steady prospecting hours, whatever the
    /// pipeline looks like (the article's "mandatory continuous marketing"; 0–1).
    pub floor_share: f64,
}

/// Weeks in a plan unless the goal says otherwise: one year.
pub const DEFAULT_PLAN_WEEKS: f64 = 52.0;

impl PlanGoal {
    /// The goal a scenario implies: hold its `A_target` for a year within its H, any quality, no
    /// cash budget, fewest hours, with a floor of half the steady hours.
    #[must_use]
    pub fn for_scenario(vp: &ValidParams) -> PlanGoal {
        let model = vp.model();
        PlanGoal {
            target: TargetPath::Flat {
                loans_per_am: model.target_loans_per_am,
            },
            min_quality_share: 0.0,
            max_prospecting_hours: model.hours_per_week,
            cash_budget_cny: None,
            objective: Objective::FewestHours,
            weeks: DEFAULT_PLAN_WEEKS,
            floor_share: 0.5,
        }
    }

    /// Checks every field against its range (H is the scenario's); all problems at once.
    pub fn check(&self, hours_per_week: f64) -> Result<(), Vec<GoalError>> {
        let mut errors = Vec::new();
        let mut range = |field: GoalField, value: f64, min: f64, max: f64, integer: bool| {
            let rule = if !value.is_finite() {
                Some(GoalRule::NotFinite)
            } else if value < min || value > max {
                Some(GoalRule::OutOfRange { min, max })
            } else if integer && value.fract() != 0.0 {
                Some(GoalRule::NotInteger)
            } else {
                None
            };
            if let Some(rule) = rule {
                errors.push(GoalError { field, value, rule });
            }
        };
        range(
            GoalField::Weeks,
            self.weeks,
            13.0,
            cadence::MAX_PLAN_WEEKS as f64,
            true,
        );
        let weeks = if self.weeks.is_finite() {
            self.weeks.clamp(13.0, cadence::MAX_PLAN_WEEKS as f64)
        } else {
            DEFAULT_PLAN_WEEKS
        };
        range(
            GoalField::Target,
            self.target.final_loans(),
            1.0,
            1000.0,
            false,
        );
        if let TargetPath::Growth { by_week, .. } = self.target {
            range(GoalField::ByWeek, by_week, 1.0, weeks, true);
        }
        range(
            GoalField::MinQualityShare,
            self.min_quality_share,
            0.0,
            1.0,
            false,
        );
        range(
            GoalField::MaxProspectingHours,
            self.max_prospecting_hours,
            0.0,
            hours_per_week,
            false,
        );
        if let Some(budget) = self.cash_budget_cny {
            range(GoalField::CashBudget, budget, 0.0, 1e7, false);
        }
        range(GoalField::FloorShare, self.floor_share, 0.0, 1.0, false);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A field of the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalField {
    Target,
    ByWeek,
    MinQualityShare,
    MaxProspectingHours,
    CashBudget,
    Weeks,
    FloorShare,
}

impl GoalField {
    /// Stable identifier (command line and page).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            GoalField::Target => "target",
            GoalField::ByWeek => "by_week",
            GoalField::MinQualityShare => "min_quality_share",
            GoalField::MaxProspectingHours => "max_prospecting_hours",
            GoalField::CashBudget => "cash_budget_cny",
            GoalField::Weeks => "weeks",
            GoalField::FloorShare => "floor_share",
        }
    }
}

/// What is wrong with a goal field's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GoalRule {
    NotFinite,
    OutOfRange { min: f64, max: f64 },
    NotInteger,
}

/// One problem with a goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalError {
    pub field: GoalField,
    pub value: f64,
    pub rule: GoalRule,
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
    /// A limit cannot be met. `needed` is the mix that comes nearest to meeting it (the fewest
    /// total hours for `CapacityOver`, the fewest prospecting hours for `HoursOver`, the least cash
    /// for `CashOver`, the best quality for `QualityShort`); `closest` is the plan with the most
    /// loans that meets every limit (dropping the quality share if even that cannot be met).
    Infeasible {
        shortfall: Shortfall,
        needed: Option<Box<MixPlan>>,
        closest: Option<Box<MixPlan>>,
    },
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
    /// The steady state at h*.
    pub steady: Option<SteadyState>,
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
    let steady = h_star.map(|h| map.state_at(model, h));
    let within_hours_budget = steady
        .as_ref()
        .is_some_and(|s| s.hours_total <= model.hours_per_week);
    let a_max = map.hours_at_capacity(model).map(|h| map.loans_at(model, h));
    Some(CurrentMix {
        h_star,
        steady,
        within_hours_budget,
        a_max,
    })
}

/// The channel mix that meets the goal's final book and limits with the fewest hours (or the most
/// profit), or the first limit that cannot be met with the closest plan that meets every limit.
pub fn solve_mix(vp: &ValidParams, goal: &PlanGoal) -> Result<MixPlan, PlanError> {
    goal.check(vp.model().hours_per_week)
        .map_err(PlanError::Goal)?;
    let Some(map) = vp.steady_map() else {
        return Err(PlanError::NoSteadyState {
            loop_gain: vp
                .summary()
                .map_or(f64::INFINITY, |summary| summary.loop_gain),
        });
    };
    let space = YieldSpace::new(vp.model(), map);
    space.solve(goal)
}

/// A plan: the mix the cadence follows, whether it meets the goal, and the weekly cadence.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub goal: PlanGoal,
    /// h* and the hours budget at the scenario's own mix, for the goal's final book.
    pub current: CurrentMix,
    /// The mix the weekly plan follows: the goal's optimum, or the closest plan when the goal
    /// cannot be met.
    pub mix: MixPlan,
    /// `None` when `mix` meets the goal; otherwise the first limit missed.
    pub shortfall: Option<Shortfall>,
    /// When the goal cannot be met: the mix that comes nearest to the missed limit.
    pub needed: Option<MixPlan>,
    /// The goal path the weekly plan follows (its final book is the closest plan's when the goal
    /// cannot be met).
    pub path: TargetPath,
    pub cadence: Cadence,
}

/// Solves the mix and builds the weekly cadence. An infeasible goal still gives a plan — the closest
/// one, with the shortfall — unless not even that exists.
pub fn plan(vp: &ValidParams, goal: &PlanGoal) -> Result<Plan, PlanError> {
    let (mix, shortfall, needed) = match solve_mix(vp, goal) {
        Ok(mix) => (mix, None, None),
        Err(PlanError::Infeasible {
            shortfall,
            needed,
            closest: Some(closest),
        }) => (*closest, Some(shortfall), needed.map(|m| *m)),
        Err(other) => return Err(other),
    };
    let current = current_mix(vp, goal.target.final_loans()).ok_or(PlanError::NoSteadyState {
        loop_gain: f64::INFINITY,
    })?;
    let path = if shortfall.is_some() {
        goal.target.with_final(mix.loans_per_am)
    } else {
        goal.target
    };
    let weeks = goal.weeks as usize;
    let floor_hours = (goal.floor_share * mix.prospecting_hours).min(goal.max_prospecting_hours);
    let cadence = cadence::cadence(
        vp,
        &mix,
        path,
        weeks,
        floor_hours,
        goal.max_prospecting_hours,
    )
    .map_err(PlanError::Scenario)?;
    Ok(Plan {
        goal: goal.clone(),
        current,
        mix,
        shortfall,
        needed,
        path,
        cadence,
    })
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

    fn solve(&self, goal: &PlanGoal) -> Result<MixPlan, PlanError> {
        let target = goal.target.final_loans();
        let infeasible =
            |shortfall: Shortfall, needed: Option<&convex::Solution>| PlanError::Infeasible {
                shortfall,
                needed: needed.map(|solution| Box::new(self.mix(&solution.x))),
                closest: self.closest(goal).map(Box::new),
            };
        let most = self.most_loans();
        if target >= most {
            return Err(infeasible(Shortfall::Unreachable { target, most }, None));
        }
        let mut limits = vec![self.target(target)];

        if goal.min_quality_share > 0.0 {
            let (best_share, best) = self.best_quality_share(target);
            if best_share <= goal.min_quality_share {
                return Err(infeasible(
                    Shortfall::QualityShort {
                        min_share: goal.min_quality_share,
                        best_share,
                    },
                    best.as_ref(),
                ));
            }
            limits.push(self.quality(goal.min_quality_share));
        }
        if let Some(budget) = goal.cash_budget_cny {
            let least = self.least(self.hours(&self.cash), &limits);
            let needed = least.as_ref().map_or(f64::INFINITY, |s| s.objective);
            if needed >= budget {
                return Err(infeasible(
                    Shortfall::CashOver { budget, needed },
                    least.as_ref(),
                ));
            }
            limits.push(self.cash_budget(budget));
        }
        let least = self.least(self.hours(&vec![1.0; self.n()]), &limits);
        let needed = least.as_ref().map_or(f64::INFINITY, |s| s.objective);
        if needed >= goal.max_prospecting_hours {
            return Err(infeasible(
                Shortfall::HoursOver {
                    max: goal.max_prospecting_hours,
                    needed,
                },
                least.as_ref(),
            ));
        }
        limits.push(self.prospecting(goal.max_prospecting_hours));
        let (capacity, free_hours) = self.capacity();
        let least = self.least(capacity.clone(), &limits);
        let needed = least
            .as_ref()
            .map_or(f64::INFINITY, |s| s.objective + self.base.workload_hours);
        if needed >= self.model.hours_per_week {
            return Err(infeasible(
                Shortfall::CapacityOver {
                    available: self.model.hours_per_week,
                    needed,
                },
                least.as_ref(),
            ));
        }
        limits.push((capacity, free_hours));

        let objective = match goal.objective {
            Objective::FewestHours => self.hours(&vec![1.0; self.n()]),
            Objective::MostProfit => Separable {
                hours: self.cash.clone(),
                linear: self.per_channel.iter().map(|q| -q.margin_cny).collect(),
            },
        };
        let Some(solution) = convex::minimize(&self.problem(objective, limits)) else {
            // Every limit was met with room to spare on its own, so only a feasible set without
            // interior (limits exactly at their edges) lands here.
            return Err(infeasible(
                Shortfall::CapacityOver {
                    available: self.model.hours_per_week,
                    needed,
                },
                least.as_ref(),
            ));
        };
        let mut plan = self.mix(&solution.x);
        if goal.objective == Objective::FewestHours {
            plan.marginal_hours_per_loan = Some(solution.multipliers[0]);
        }
        Ok(plan)
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

    /// The plan with the most steady loans that meets every limit of the goal but the target
    /// (the quality share is dropped when it cannot be met even so).
    fn closest(&self, goal: &PlanGoal) -> Option<MixPlan> {
        let mut limits = Vec::new();
        if let Some(budget) = goal.cash_budget_cny {
            limits.push(self.cash_budget(budget));
        }
        limits.push(self.prospecting(goal.max_prospecting_hours));
        limits.push(self.capacity());
        let objective = self.linear(|q| -q.loans);
        let with_quality = (goal.min_quality_share > 0.0).then(|| {
            let mut all = limits.clone();
            all.push(self.quality(goal.min_quality_share));
            all
        });
        let solution = with_quality
            .and_then(|all| convex::minimize(&self.problem(objective.clone(), all)))
            .or_else(|| convex::minimize(&self.problem(objective, limits)))?;
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
