//! A team lead's plan goal, as plain data the scenario carries (`Params::plan`): the book to hold
//! or grow to, the limits the plan must keep, and how the plan is laid out in weeks.
//!
//! [`plan`](crate::plan) solves it; validation checks it with every other parameter (errors at
//! `plan.<field>`), so a saved or shared scenario reopens the same plan.

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

/// What the channel mix is chosen for, among the mixes that hold the goal's book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// The fewest prospecting hours per AM-week.
    FewestHours,
    /// The most steady profit per AM-week (income less losses and channel cash; salaries are paid
    /// whatever the mix).
    MostProfit,
}

impl Objective {
    /// Stable identifier (command line, page, scenario file).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Objective::FewestHours => "fewest_hours",
            Objective::MostProfit => "most_profit",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Objective> {
        [Objective::FewestHours, Objective::MostProfit]
            .into_iter()
            .find(|o| o.id() == id)
    }

    /// The other objective, whose mix the plan shows for what this one traded.
    #[must_use]
    pub fn other(self) -> Objective {
        match self {
            Objective::FewestHours => Objective::MostProfit,
            Objective::MostProfit => Objective::FewestHours,
        }
    }
}

/// Which channel mix the plan follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MixChoice {
    /// The mix that meets the goal with the fewest hours (or the most profit).
    #[default]
    Optimise,
    /// The scenario's own hour shares: only the hours are planned.
    Keep,
}

impl MixChoice {
    /// Stable identifier (command line, page, scenario file).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            MixChoice::Optimise => "optimise",
            MixChoice::Keep => "keep",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<MixChoice> {
        [MixChoice::Optimise, MixChoice::Keep]
            .into_iter()
            .find(|m| m.id() == id)
    }
}

/// Weeks in a plan unless the goal says otherwise: one year.
pub const DEFAULT_PLAN_WEEKS: f64 = 52.0;
/// The longest plan: the plan's lookahead must still fit in the engine's 156-week horizon.
pub const MAX_PLAN_WEEKS: f64 = 104.0;
/// The largest change of prospecting hours per AM from one week to the next, unless the goal says
/// otherwise: an hour.
pub const DEFAULT_WEEKLY_CHANGE_HOURS: f64 = 1.0;
/// Hours are planned in blocks of this many hours per AM unless the goal says otherwise: 15 minutes.
pub const DEFAULT_BLOCK_HOURS: f64 = 0.25;
/// The block sizes a plan may use: 15 minutes, half an hour, an hour.
pub const BLOCK_HOURS: [f64; 3] = [0.25, 0.5, 1.0];

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
    /// Which channel mix the plan follows.
    pub mix: MixChoice,
    /// The most the prospecting hours per AM may change from one week to the next (a block to H):
    /// a plan that lurches from week to week is the stop-start pattern that causes the fault.
    pub max_weekly_change_hours: f64,
    /// Hours are planned in whole blocks of this many hours per AM (one of [`BLOCK_HOURS`]).
    pub block_hours: f64,
    /// The weekdays (Monday first) the calendar puts prospecting blocks on.
    pub weekdays: [bool; 7],
    /// Whether the calendar has one event per week for the team (team hours) rather than for each
    /// AM (hours per AM).
    pub calendar_per_team: bool,
}

/// Monday to Friday.
pub const WORKING_DAYS: [bool; 7] = [true, true, true, true, true, false, false];

impl PlanGoal {
    /// The goal a scenario implies: hold `target_loans_per_am` for a year within `hours_per_week`,
    /// any quality, no cash budget, fewest hours, with a floor of half the steady hours, hours
    /// changing by at most an hour a week in quarter-hour blocks, Monday to Friday.
    #[must_use]
    pub fn hold(target_loans_per_am: f64, hours_per_week: f64) -> PlanGoal {
        PlanGoal {
            target: TargetPath::Flat {
                loans_per_am: target_loans_per_am,
            },
            min_quality_share: 0.0,
            max_prospecting_hours: hours_per_week,
            cash_budget_cny: None,
            objective: Objective::FewestHours,
            weeks: DEFAULT_PLAN_WEEKS,
            floor_share: 0.5,
            mix: MixChoice::Optimise,
            max_weekly_change_hours: DEFAULT_WEEKLY_CHANGE_HOURS,
            block_hours: DEFAULT_BLOCK_HOURS,
            weekdays: WORKING_DAYS,
            calendar_per_team: false,
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
        range(GoalField::Weeks, self.weeks, 13.0, MAX_PLAN_WEEKS, true);
        let weeks = if self.weeks.is_finite() {
            self.weeks.clamp(13.0, MAX_PLAN_WEEKS)
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
        // A valid H bounds the hours; an invalid one is reported on its own field, once.
        let h = if hours_per_week.is_finite() && hours_per_week > 0.0 {
            hours_per_week
        } else {
            f64::INFINITY
        };
        range(
            GoalField::MaxProspectingHours,
            self.max_prospecting_hours,
            0.0,
            h,
            false,
        );
        if let Some(budget) = self.cash_budget_cny {
            range(GoalField::CashBudget, budget, 0.0, 1e7, false);
        }
        range(GoalField::FloorShare, self.floor_share, 0.0, 1.0, false);
        if BLOCK_HOURS.contains(&self.block_hours) {
            range(
                GoalField::WeeklyChange,
                self.max_weekly_change_hours,
                self.block_hours,
                h,
                false,
            );
        } else {
            errors.push(GoalError {
                field: GoalField::BlockHours,
                value: self.block_hours,
                rule: GoalRule::NotABlock,
            });
        }
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
    WeeklyChange,
    BlockHours,
}

impl GoalField {
    /// Stable identifier (command line, page, and the path `plan.<id>` in the scenario file).
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
            GoalField::WeeklyChange => "max_weekly_change_hours",
            GoalField::BlockHours => "block_hours",
        }
    }
}

impl GoalField {
    /// The field's key in the scenario file's `plan` section (errors name `plan.<key>`).
    #[must_use]
    pub fn file_key(self) -> &'static str {
        match self {
            GoalField::Target => "target_loans_per_am",
            other => other.id(),
        }
    }
}

/// What is wrong with a goal field's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GoalRule {
    NotFinite,
    OutOfRange {
        min: f64,
        max: f64,
    },
    NotInteger,
    /// Not one of [`BLOCK_HOURS`].
    NotABlock,
}

/// One problem with a goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalError {
    pub field: GoalField,
    pub value: f64,
    pub rule: GoalRule,
}
