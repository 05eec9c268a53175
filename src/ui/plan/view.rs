//! The plan view's model: the goal form (typed text → a checked `PlanGoal`, with a message per
//! field), and a solved plan turned into the texts, figures, tables and chart the plan panel shows.
//!
//! Every figure comes from the one solved `Plan`: the headline from its summary (the weeks as they
//! will be worked), the verdict from its simulation, the week table from its weeks, the comparison
//! of mixes from the steady state of each. Everything is formatted once here and tested natively;
//! the component only lays it out.

use chrono::NaiveDate;

use crate::engine::goal::{BLOCK_HOURS, DEFAULT_BLOCK_HOURS, DEFAULT_WEEKLY_CHANGE_HOURS};
use crate::engine::params::{ChannelId, Params};
use crate::engine::plan::{
    GoalField, GoalRule, MixChoice, MixPlan, Objective, Plan, PlanError, PlanGoal, Shortfall,
    TargetPath, DEFAULT_PLAN_WEEKS, GOAL_TOLERANCE,
};
use crate::i18n::{fill, Lang, Text};
use crate::scenario::plan_out::{
    self, block_text, channel_text, events_text, festivals, hours_text, week_events,
};
use crate::ui::charts::{Band, BandKind, ChartFrame, DateAxis, PlanHoursData, Series};
use crate::ui::format;
use crate::ui::workspace::plain_number;
use crate::ui::workspace::view::KpiItem;

/// A numeric input of the goal form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalInput {
    Target,
    ByWeek,
    MinQuality,
    MaxHours,
    CashBudget,
    Weeks,
    Floor,
    WeeklyChange,
}

impl GoalInput {
    /// Every numeric input, in form order.
    pub const ALL: [GoalInput; 8] = [
        GoalInput::Target,
        GoalInput::ByWeek,
        GoalInput::Weeks,
        GoalInput::MaxHours,
        GoalInput::MinQuality,
        GoalInput::CashBudget,
        GoalInput::Floor,
        GoalInput::WeeklyChange,
    ];

    /// The input's DOM id.
    #[must_use]
    pub fn dom_id(self) -> &'static str {
        match self {
            GoalInput::Target => "plan-target",
            GoalInput::ByWeek => "plan-by-week",
            GoalInput::MinQuality => "plan-min-quality",
            GoalInput::MaxHours => "plan-max-hours",
            GoalInput::CashBudget => "plan-cash-budget",
            GoalInput::Weeks => "plan-weeks",
            GoalInput::Floor => "plan-floor",
            GoalInput::WeeklyChange => "plan-weekly-change",
        }
    }

    #[must_use]
    pub fn label(self) -> Text {
        match self {
            GoalInput::Target => Text::PlanFieldTarget,
            GoalInput::ByWeek => Text::PlanFieldByWeek,
            GoalInput::MinQuality => Text::PlanFieldMinQuality,
            GoalInput::MaxHours => Text::PlanFieldMaxHours,
            GoalInput::CashBudget => Text::PlanFieldCashBudget,
            GoalInput::Weeks => Text::PlanFieldWeeks,
            GoalInput::Floor => Text::PlanFieldFloor,
            GoalInput::WeeklyChange => Text::PlanFieldWeeklyChange,
        }
    }

    #[must_use]
    pub fn unit(self) -> Text {
        match self {
            GoalInput::Target => Text::UnitLoansPerAm,
            GoalInput::ByWeek => Text::PlanUnitPlanWeek,
            GoalInput::MinQuality => Text::PlanUnitPercentNew,
            GoalInput::MaxHours | GoalInput::WeeklyChange => Text::UnitHoursPerAmWeek,
            GoalInput::CashBudget => Text::PlanUnitCnyPerAmWeek,
            GoalInput::Weeks => Text::UnitWeeks,
            GoalInput::Floor => Text::PlanUnitPercentSteady,
        }
    }

    #[must_use]
    pub fn help(self) -> Text {
        match self {
            GoalInput::Target => Text::PlanHelpTarget,
            GoalInput::ByWeek => Text::PlanHelpByWeek,
            GoalInput::MinQuality => Text::PlanHelpMinQuality,
            GoalInput::MaxHours => Text::PlanHelpMaxHours,
            GoalInput::CashBudget => Text::PlanHelpCashBudget,
            GoalInput::Weeks => Text::PlanHelpWeeks,
            GoalInput::Floor => Text::PlanHelpFloor,
            GoalInput::WeeklyChange => Text::PlanHelpWeeklyChange,
        }
    }

    /// Percent inputs are shown ×100 of the goal's share.
    fn scale(self) -> f64 {
        match self {
            GoalInput::MinQuality | GoalInput::Floor => 100.0,
            _ => 1.0,
        }
    }

    fn of_field(field: GoalField) -> Option<GoalInput> {
        Some(match field {
            GoalField::Target => GoalInput::Target,
            GoalField::ByWeek => GoalInput::ByWeek,
            GoalField::MinQualityShare => GoalInput::MinQuality,
            GoalField::MaxProspectingHours => GoalInput::MaxHours,
            GoalField::CashBudget => GoalInput::CashBudget,
            GoalField::Weeks => GoalInput::Weeks,
            GoalField::FloorShare => GoalInput::Floor,
            GoalField::WeeklyChange => GoalInput::WeeklyChange,
            // The block size is a choice from a list: it cannot be wrong on the page.
            GoalField::BlockHours => return None,
        })
    }
}

/// The goal as typed. A blank target or maximum follows the scenario (its `A_target` and H); a
/// blank quality share or cash budget means none.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalForm {
    pub target: String,
    /// Grow in a straight line to the target by `by_week` rather than reach it and hold it.
    pub growth: bool,
    pub by_week: String,
    pub min_quality: String,
    pub max_hours: String,
    pub cash_budget: String,
    pub objective: Objective,
    pub weeks: String,
    pub floor: String,
    pub mix: MixChoice,
    pub weekly_change: String,
    pub block_hours: f64,
    pub weekdays: [bool; 7],
    pub calendar_per_team: bool,
}

impl Default for GoalForm {
    fn default() -> Self {
        let goal = PlanGoal::hold(0.0, 0.0);
        GoalForm {
            target: String::new(),
            growth: false,
            by_week: String::new(),
            min_quality: String::new(),
            max_hours: String::new(),
            cash_budget: String::new(),
            objective: Objective::FewestHours,
            weeks: plain_number(DEFAULT_PLAN_WEEKS),
            floor: "50".to_owned(),
            mix: MixChoice::Optimise,
            weekly_change: plain_number(DEFAULT_WEEKLY_CHANGE_HOURS),
            block_hours: DEFAULT_BLOCK_HOURS,
            weekdays: goal.weekdays,
            calendar_per_team: goal.calendar_per_team,
        }
    }
}

impl GoalForm {
    /// The form showing a goal the scenario carries: values equal to the scenario's own (the
    /// target, H) and "none" stay blank, as the person left them.
    #[must_use]
    pub fn of_goal(goal: &PlanGoal, params: &Params) -> GoalForm {
        let (growth, by_week) = match goal.target {
            TargetPath::Flat { .. } => (false, String::new()),
            TargetPath::Growth { by_week, .. } => (true, plain_number(by_week)),
        };
        let target = goal.target.final_loans();
        GoalForm {
            // The same value written back: a blank stays blank.
            target: if (target - params.team.target_loans_per_am).abs() < 1e-12 {
                String::new()
            } else {
                plain_number(target)
            },
            growth,
            by_week,
            min_quality: if goal.min_quality_share > 0.0 {
                plain_number(goal.min_quality_share * 100.0)
            } else {
                String::new()
            },
            max_hours: if (goal.max_prospecting_hours - params.team.hours_per_week).abs() < 1e-12 {
                String::new()
            } else {
                plain_number(goal.max_prospecting_hours)
            },
            cash_budget: goal.cash_budget_cny.map(plain_number).unwrap_or_default(),
            objective: goal.objective,
            weeks: plain_number(goal.weeks),
            floor: plain_number(goal.floor_share * 100.0),
            mix: goal.mix,
            weekly_change: plain_number(goal.max_weekly_change_hours),
            block_hours: goal.block_hours,
            weekdays: goal.weekdays,
            calendar_per_team: goal.calendar_per_team,
        }
    }

    /// The text of a numeric input.
    #[must_use]
    pub fn text(&self, input: GoalInput) -> &str {
        match input {
            GoalInput::Target => &self.target,
            GoalInput::ByWeek => &self.by_week,
            GoalInput::MinQuality => &self.min_quality,
            GoalInput::MaxHours => &self.max_hours,
            GoalInput::CashBudget => &self.cash_budget,
            GoalInput::Weeks => &self.weeks,
            GoalInput::Floor => &self.floor,
            GoalInput::WeeklyChange => &self.weekly_change,
        }
    }

    /// The form with one input's text replaced.
    #[must_use]
    pub fn with_text(&self, input: GoalInput, text: String) -> GoalForm {
        let mut next = self.clone();
        *match input {
            GoalInput::Target => &mut next.target,
            GoalInput::ByWeek => &mut next.by_week,
            GoalInput::MinQuality => &mut next.min_quality,
            GoalInput::MaxHours => &mut next.max_hours,
            GoalInput::CashBudget => &mut next.cash_budget,
            GoalInput::Weeks => &mut next.weeks,
            GoalInput::Floor => &mut next.floor,
            GoalInput::WeeklyChange => &mut next.weekly_change,
        } = text;
        next
    }

    /// What a blank input stands for, as its placeholder says.
    #[must_use]
    pub fn placeholder(input: GoalInput, params: &Params, lang: Lang) -> Option<String> {
        let blank = |value: String| fill(Text::PlanBlankIs.get(lang), &[&value]);
        match input {
            GoalInput::Target => Some(blank(plain_number(params.team.target_loans_per_am))),
            GoalInput::MaxHours => Some(blank(plain_number(params.team.hours_per_week))),
            GoalInput::MinQuality | GoalInput::CashBudget => {
                Some(blank(Text::PlanNone.get(lang).to_owned()))
            }
            GoalInput::ByWeek => Some(blank(plain_number(DEFAULT_PLAN_WEEKS))),
            GoalInput::Weeks | GoalInput::Floor | GoalInput::WeeklyChange => None,
        }
    }
}

/// A message for one input.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub input: GoalInput,
    pub message: String,
}

/// The goal the form describes, or a message for every input that is wrong.
pub fn parse_goal(
    form: &GoalForm,
    params: &Params,
    lang: Lang,
) -> Result<PlanGoal, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut read = |input: GoalInput, blank: Option<f64>| -> f64 {
        let text = form.text(input).trim();
        if text.is_empty() {
            if let Some(value) = blank {
                return value;
            }
            errors.push(FieldError {
                input,
                message: Text::ErrEmpty.get(lang).to_owned(),
            });
            return f64::NAN;
        }
        if let Some(value) = format::parse_number(text) {
            value / input.scale()
        } else {
            errors.push(FieldError {
                input,
                message: Text::ErrNotANumber.get(lang).to_owned(),
            });
            f64::NAN
        }
    };
    let target = read(GoalInput::Target, Some(params.team.target_loans_per_am));
    let weeks = read(GoalInput::Weeks, None);
    let by_week = if form.growth {
        read(GoalInput::ByWeek, Some(weeks))
    } else {
        0.0
    };
    let min_quality_share = read(GoalInput::MinQuality, Some(0.0));
    let max_prospecting_hours = read(GoalInput::MaxHours, Some(params.team.hours_per_week));
    let cash_budget_cny = if form.cash_budget.trim().is_empty() {
        None
    } else {
        Some(read(GoalInput::CashBudget, None))
    };
    let floor_share = read(GoalInput::Floor, None);
    let max_weekly_change_hours = read(GoalInput::WeeklyChange, None);
    if !errors.is_empty() {
        return Err(errors);
    }
    let goal = PlanGoal {
        target: if form.growth {
            TargetPath::Growth {
                loans_per_am: target,
                by_week,
            }
        } else {
            TargetPath::Flat {
                loans_per_am: target,
            }
        },
        min_quality_share,
        max_prospecting_hours,
        cash_budget_cny,
        objective: form.objective,
        weeks,
        floor_share,
        mix: form.mix,
        max_weekly_change_hours,
        block_hours: form.block_hours,
        weekdays: form.weekdays,
        calendar_per_team: form.calendar_per_team,
    };
    goal.check(params.team.hours_per_week).map_err(|problems| {
        problems
            .iter()
            .filter_map(|p| {
                let input = GoalInput::of_field(p.field)?;
                let scale = input.scale();
                let shown = plain_number(p.value * scale);
                let message = match p.rule {
                    GoalRule::NotFinite | GoalRule::NotABlock => {
                        Text::ErrNotANumber.get(lang).to_owned()
                    }
                    GoalRule::NotInteger => fill(Text::ErrNotInteger.get(lang), &[&shown]),
                    GoalRule::OutOfRange { min, max } => fill(
                        Text::ErrOutOfRange.get(lang),
                        &[
                            &plain_number(min * scale),
                            &plain_number(max * scale),
                            &shown,
                        ],
                    ),
                };
                Some(FieldError { input, message })
            })
            .collect::<Vec<_>>()
    })?;
    Ok(goal)
}

/// The block sizes the form offers: (hours, label).
#[must_use]
pub fn block_choices(lang: Lang) -> Vec<(f64, &'static str)> {
    BLOCK_HOURS
        .iter()
        .zip([Text::PlanBlock15, Text::PlanBlock30, Text::PlanBlock60])
        .map(|(h, t)| (*h, t.get(lang)))
        .collect()
}

/// One row of a table: a heading cell and the values.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub heading: String,
    pub cells: Vec<String>,
}

/// A table with its caption and column headers (the first header heads the row headings).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// One week of the plan as the table shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekRow {
    pub date: String,
    /// Festivals and event names, empty when the week is ordinary.
    pub events: String,
    /// Hours per AM by block, the week's total per AM and for the team, the week's work against
    /// its hours, pipeline, new loans, book, goal.
    pub cells: Vec<String>,
    /// Whether the week needs more hours than it has.
    pub overfull: bool,
}

/// Everything the plan panel shows about a solved plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    /// Whether the simulated plan meets the goal within every limit.
    pub feasible: bool,
    /// The verdict in words: what the plan reaches, and the limit that binds when it misses.
    pub verdict: Vec<String>,
    /// h* at the current mix, in words.
    pub current: String,
    /// The plan's figures, from its weeks as they will be worked.
    pub figures: Vec<KpiItem>,
    /// The plan's mix beside the current one, in a settled week at the goal's book.
    pub mix: Table,
    /// What the objective (or keeping the mix) traded, in words.
    pub trade: Option<String>,
    pub outcome: Vec<KpiItem>,
    pub outcome_text: String,
    pub weeks_caption: String,
    pub week_headers: Vec<String>,
    pub weeks: Vec<WeekRow>,
    pub chart: PlanHoursData,
}

fn hours(value: f64) -> String {
    format::number(value, 2)
}

fn loans(value: f64) -> String {
    format::number(value, 1)
}

/// The first limit missed, in words.
fn shortfall_text(shortfall: Shortfall, goal: f64, lang: Lang) -> String {
    match shortfall {
        Shortfall::Unreachable { target, most } => fill(
            Text::PlanShortUnreachable.get(lang),
            &[&loans(target), &loans(most)],
        ),
        Shortfall::QualityShort {
            min_share,
            best_share,
        } => fill(
            Text::PlanShortQuality.get(lang),
            &[
                &loans(goal),
                &format::percent(min_share, 1),
                &format::percent(best_share, 1),
            ],
        ),
        Shortfall::CashOver { budget, needed } => fill(
            Text::PlanShortCash.get(lang),
            &[
                &loans(goal),
                &format::cny(needed),
                &format::cny(needed - budget),
                &format::cny(budget),
            ],
        ),
        Shortfall::HoursOver { max, needed } => fill(
            Text::PlanShortHours.get(lang),
            &[
                &loans(goal),
                &hours(needed),
                &hours(needed - max),
                &hours(max),
            ],
        ),
        Shortfall::CapacityOver { available, needed } => fill(
            Text::PlanShortCapacity.get(lang),
            &[
                &loans(goal),
                &hours(needed),
                &hours(needed - available),
                &hours(available),
            ],
        ),
    }
}

/// The verdict in words, from the simulation of the plan as it will be worked.
fn verdict(plan: &Plan, lang: Lang) -> Vec<String> {
    let goal = plan.goal.target.final_loans();
    let s = &plan.summary;
    let v = &plan.verdict;
    let weeks = s.weeks.to_string();
    let range = fill(
        Text::PlanHoursRange.get(lang),
        &[&hours(s.least_hours), &hours(s.most_hours)],
    );
    let mut lines = Vec::new();
    if let Some(shortfall) = plan.shortfall {
        lines.push(shortfall_text(shortfall, goal, lang));
        lines.push(fill(
            Text::PlanClosest.get(lang),
            &[&loans(plan.mix.loans_per_am), &hours(s.mean_hours), &range],
        ));
    } else if v.met {
        lines.push(fill(
            Text::PlanVerdictMet.get(lang),
            &[
                &loans(goal),
                &weeks,
                &loans(s.end_loans),
                &format::percent(GOAL_TOLERANCE, 0),
                &hours(s.mean_hours),
                &range,
            ],
        ));
    } else {
        lines.push(fill(
            Text::PlanVerdictShort.get(lang),
            &[
                &loans(goal),
                &weeks,
                &loans(s.end_loans),
                &format::percent(v.end_gap.abs(), 1),
            ],
        ));
        if !v.reaches_path {
            lines.push(Text::PlanVerdictShortWhy.get(lang).to_owned());
        }
    }
    if v.overfull_weeks > 0 {
        lines.push(fill(
            Text::PlanVerdictOverfull.get(lang),
            &[&v.overfull_weeks.to_string()],
        ));
    }
    if s.strained_weeks > 0 {
        lines.push(fill(
            Text::PlanVerdictStrained.get(lang),
            &[&s.strained_weeks.to_string()],
        ));
    }
    if !v.quality_kept {
        lines.push(fill(
            Text::PlanVerdictQuality.get(lang),
            &[
                &format::percent(v.quality_share, 1),
                &format::percent(plan.goal.min_quality_share, 1),
            ],
        ));
    }
    if v.over_budget_weeks > 0 {
        lines.push(fill(
            Text::PlanVerdictCash.get(lang),
            &[&v.over_budget_weeks.to_string()],
        ));
    }
    lines
}

fn item(id: &'static str, label: Text, value: String, detail: String, lang: Lang) -> KpiItem {
    KpiItem {
        id,
        label: label.get(lang).to_owned(),
        value,
        detail,
        hint: None,
    }
}

/// The plan's figures: every one from its summary (the weeks as they will be worked).
fn figures(plan: &Plan, params: &Params, lang: Lang) -> Vec<KpiItem> {
    let s = &plan.summary;
    let per_am_week = || Text::PlanUnitCnyPlannedWeeks.get(lang).to_owned();
    vec![
        item(
            "plan-hours",
            Text::PlanFigHours,
            hours(s.mean_hours),
            fill(
                Text::PlanFigHoursDetail.get(lang),
                &[&hours(s.least_hours), &hours(s.most_hours)],
            ),
            lang,
        ),
        item(
            "plan-team-hours",
            Text::PlanFigTeamHours,
            hours(s.mean_hours * s.ams),
            fill(
                Text::PlanFigTeamHoursDetail.get(lang),
                &[&format::number(s.ams, 0)],
            ),
            lang,
        ),
        item(
            "plan-work",
            Text::PlanFigWork,
            format::percent(s.most_work_share, 0),
            fill(
                Text::PlanFigWorkDetail.get(lang),
                &[&hours(params.team.hours_per_week)],
            ),
            lang,
        ),
        item(
            "plan-change",
            Text::PlanFigChange,
            hours(s.largest_change_hours),
            fill(
                Text::PlanFigChangeDetail.get(lang),
                &[&hours(plan.goal.max_weekly_change_hours)],
            ),
            lang,
        ),
        item(
            "plan-quality",
            Text::PlanFigQuality,
            format::percent(s.quality_share, 1),
            Text::PlanFigQualityDetail.get(lang).to_owned(),
            lang,
        ),
        item(
            "plan-cash",
            Text::PlanFigCash,
            format::cny(s.mean_cash_cny),
            per_am_week(),
            lang,
        ),
        item(
            "plan-profit",
            Text::PlanFigProfit,
            format::cny(s.mean_profit_cny),
            per_am_week(),
            lang,
        ),
    ]
}

/// The plan's mix beside the scenario's own, in a settled week at the goal's book: hours by
/// channel, then the totals, cash, quality and profit, each with the change.
fn mix_table(plan: &Plan, lang: Lang) -> Table {
    let current = plan.current.mix.as_ref();
    let ours = &plan.mix;
    let value =
        |m: Option<&MixPlan>, f: &dyn Fn(&MixPlan) -> f64, write: &dyn Fn(f64) -> String| {
            m.map_or_else(|| format::MISSING.to_owned(), |m| write(f(m)))
        };
    let change = |f: &dyn Fn(&MixPlan) -> f64, write: &dyn Fn(f64) -> String| {
        current.map_or_else(
            || format::MISSING.to_owned(),
            |c| {
                let d = f(ours) - f(c);
                let sign = if d > 1e-9 {
                    "+"
                } else if d < -1e-9 {
                    "−"
                } else {
                    ""
                };
                format!("{sign}{}", write(d.abs()))
            },
        )
    };
    let mut rows: Vec<Row> = ChannelId::ALL
        .into_iter()
        .filter(|c| {
            ours.hours_by_channel[c.index()] > 0.0
                || current.is_some_and(|m| m.hours_by_channel[c.index()] > 0.0)
        })
        .map(|c| {
            let f = move |m: &MixPlan| m.hours_by_channel[c.index()];
            Row {
                heading: channel_text(c).get(lang).to_owned(),
                cells: vec![
                    value(current, &f, &hours),
                    hours(f(ours)),
                    change(&f, &hours),
                ],
            }
        })
        .collect();
    let percent = |v: f64| format::percent(v, 1);
    let summaries: [Summary<'_>; 5] = [
        (Text::PlanMixTotal, &|m| m.prospecting_hours, &hours),
        (Text::PlanMixWork, &|m| m.steady.hours_total, &hours),
        (Text::PlanFigCash, &|m| m.steady.cash_cny, &format::cny),
        (Text::PlanFigQuality, &|m| m.quality_share, &percent),
        (Text::PlanMixProfit, &|m| m.steady.profit_cny, &format::cny),
    ];
    for (label, f, write) in summaries {
        rows.push(Row {
            heading: label.get(lang).to_owned(),
            cells: vec![value(current, f, write), write(f(ours)), change(f, write)],
        });
    }
    Table {
        caption: Text::PlanMixCaption.get(lang).to_owned(),
        headers: [
            Text::PlanMixChannel,
            Text::PlanMixCurrent,
            Text::PlanMixPlan,
            Text::PlanMixChange,
        ]
        .iter()
        .map(|t| t.get(lang).to_owned())
        .collect(),
        rows,
    }
}

/// A row of the mix comparison: its label, the figure of a mix, and how it is written.
type Summary<'a> = (Text, &'a dyn Fn(&MixPlan) -> f64, &'a dyn Fn(f64) -> String);

/// What the objective traded against the other one (or keeping the mix against optimising it).
fn trade(plan: &Plan, lang: Lang) -> Option<String> {
    let other = plan.alternative.as_ref()?;
    let ours = &plan.mix;
    let dh = ours.prospecting_hours - other.prospecting_hours;
    let dp = ours.steady.profit_cny - other.steady.profit_cny;
    let signed = |v: f64, write: &dyn Fn(f64) -> String| {
        let sign = if v >= 0.0 { "+" } else { "−" };
        format!("{sign}{}", write(v.abs()))
    };
    let key = match (plan.goal.mix, plan.goal.objective) {
        (MixChoice::Keep, _) => Text::PlanTradeKeep,
        (MixChoice::Optimise, Objective::FewestHours) => Text::PlanTradeFewest,
        (MixChoice::Optimise, Objective::MostProfit) => Text::PlanTradeProfit,
    };
    Some(fill(
        key.get(lang),
        &[&signed(dh, &hours), &signed(dp, &format::cny)],
    ))
}

/// The plan simulated beside the goal: the figures and the sentence.
fn outcome(plan: &Plan, lang: Lang) -> (Vec<KpiItem>, String) {
    let s = &plan.summary;
    let last = s.weeks.to_string();
    let gap = if s.end_goal > 0.0 {
        (s.end_loans - s.end_goal) / s.end_goal
    } else {
        0.0
    };
    let at_end = || fill(Text::PlanOutcomeWeek.get(lang), &[&last]);
    // When the goal cannot be held, the weeks follow the closest plan: the goal and the plan's
    // aim are both shown, and the simulation is measured against the aim it follows.
    let missed = plan.shortfall.is_some();
    let goal = if missed {
        plan.goal.target.final_loans()
    } else {
        s.end_goal
    };
    let mut figures = vec![item(
        "plan-end-goal",
        Text::PlanOutcomeGoal,
        loans(goal),
        at_end(),
        lang,
    )];
    if missed {
        figures.push(item(
            "plan-end-aim",
            Text::PlanOutcomeAim,
            loans(s.end_goal),
            at_end(),
            lang,
        ));
    }
    figures.extend([
        item(
            "plan-end-book",
            Text::PlanOutcomeBook,
            loans(s.end_loans),
            at_end(),
            lang,
        ),
        item(
            "plan-end-gap",
            Text::PlanOutcomeGap,
            format::percent(gap, 1),
            fill(
                if missed {
                    Text::PlanOutcomeGapAimDetail
                } else {
                    Text::PlanOutcomeGapDetail
                }
                .get(lang),
                &[&format::percent(GOAL_TOLERANCE, 0)],
            ),
            lang,
        ),
        item(
            "plan-new-loans",
            Text::PlanOutcomeNewLoans,
            loans(s.new_loans),
            fill(Text::PlanOutcomeNewLoansDetail.get(lang), &[&last]),
            lang,
        ),
    ]);
    let (hit, miss) = if missed {
        (Text::PlanOutcomeHitAim, Text::PlanOutcomeMissedAim)
    } else {
        (Text::PlanOutcomeHit, Text::PlanOutcomeMissed)
    };
    let text = if plan.verdict.reaches_path {
        fill(
            hit.get(lang),
            &[&last, &loans(s.end_loans), &loans(s.end_goal)],
        )
    } else {
        fill(
            miss.get(lang),
            &[
                &last,
                &loans(s.end_loans),
                &loans(s.end_goal),
                &format::percent(gap.abs(), 1),
            ],
        )
    };
    (figures, text)
}

/// The week table's headers and rows.
fn week_table(plan: &Plan, start_date: NaiveDate, lang: Lang) -> (Vec<String>, Vec<WeekRow>) {
    let mut headers = vec![
        Text::TableWeekStarting.get(lang).to_owned(),
        Text::PlanCsvEvents.get(lang).to_owned(),
    ];
    headers.extend(plan.cadence.blocks.iter().map(|b| block_text(b, lang)));
    headers.extend(
        [
            Text::PlanTableTotal,
            Text::PlanTableTeam,
            Text::PlanTableWork,
            Text::PlanTablePipeline,
            Text::PlanTableNewLoans,
            Text::PlanTableBook,
            Text::PlanTableGoal,
        ]
        .iter()
        .map(|t| t.get(lang).to_owned()),
    );
    let ams = plan.summary.ams;
    let rows = plan
        .cadence
        .weeks
        .iter()
        .map(|w| {
            let mut cells: Vec<String> = w.block_hours.iter().map(|h| hours_text(*h)).collect();
            cells.push(hours_text(w.planned_hours));
            cells.push(hours_text(w.planned_hours * ams));
            cells.push(fill(
                Text::PlanTableWorkCell.get(lang),
                &[
                    &format::number(w.work_hours, 1),
                    &format::number(w.available_hours, 1),
                ],
            ));
            cells.push(format::number(w.pipeline_per_am, 2));
            cells.push(format::number(w.new_loans_per_am, 2));
            cells.push(loans(w.loans_per_am));
            cells.push(loans(w.goal_loans_per_am));
            WeekRow {
                date: format::date(plan_out::week_start(start_date, w.week), lang),
                events: events_text(&week_events(&plan.cadence.params, w), lang),
                cells,
                overfull: w.overfull && !w.strained,
            }
        })
        .collect();
    (headers, rows)
}

/// The panel's model of a solved plan; `start_date` is the Monday of plan week 1.
#[must_use]
pub fn plan_view(plan: &Plan, params: &Params, start_date: NaiveDate, lang: Lang) -> PlanView {
    let goal = plan.goal.target.final_loans();
    let current = match (plan.current.h_star, plan.current.mix.as_ref()) {
        (Some(h_star), Some(mix)) => fill(
            Text::PlanCurrentMix.get(lang),
            &[
                &loans(goal),
                &hours(h_star),
                &hours(mix.steady.hours_total),
                &hours(params.team.hours_per_week),
            ],
        ),
        _ => fill(Text::PlanCurrentMixUnreachable.get(lang), &[&loans(goal)]),
    };
    let (outcome, outcome_text) = outcome(plan, lang);
    let (week_headers, weeks) = week_table(plan, start_date, lang);
    PlanView {
        feasible: plan.verdict.met,
        verdict: verdict(plan, lang),
        current,
        figures: figures(plan, params, lang),
        mix: mix_table(plan, lang),
        trade: trade(plan, lang),
        outcome,
        outcome_text,
        weeks_caption: fill(
            Text::PlanTableCaption.get(lang),
            &[&format::number(plan.cadence.block_hours * 60.0, 0)],
        ),
        week_headers,
        weeks,
        chart: chart(plan, start_date, lang),
    }
}

/// The weeks to shade: festivals of the calendar and the scenario's own timed changes.
fn bands(plan: &Plan) -> Vec<Band> {
    let params = &plan.cadence.params;
    let mut out: Vec<Band> = Vec::new();
    for week in &plan.cadence.weeks {
        let t = week.week as u32;
        let kinds = [
            (!festivals(&params.calendar, week.week_of_year).is_empty())
                .then_some(BandKind::Festival),
            week_events(params, week)
                .iter()
                .any(|e| {
                    matches!(
                        e,
                        plan_out::WeekEvent::Burst(_)
                            | plan_out::WeekEvent::Demand(_)
                            | plan_out::WeekEvent::Capacity(_)
                            | plan_out::WeekEvent::Credit(_)
                            | plan_out::WeekEvent::Team(_)
                    )
                })
                .then_some(BandKind::Shock),
        ];
        for kind in kinds.into_iter().flatten() {
            match out
                .iter_mut()
                .rev()
                .find(|b| b.kind == kind && b.end_week_exclusive == t)
            {
                Some(band) => band.end_week_exclusive = t + 1,
                None => out.push(Band {
                    start_week: t,
                    end_week_exclusive: t + 1,
                    kind,
                }),
            }
        }
    }
    out
}

fn chart(plan: &Plan, start_date: NaiveDate, lang: Lang) -> PlanHoursData {
    let (tick_format, year_tick_format) = match lang {
        Lang::En => ("%b", Some("%Y")),
        Lang::Zh => ("%-m月", Some("%Y年")),
    };
    let weeks = &plan.cadence.weeks;
    PlanHoursData {
        frame: ChartFrame {
            title: Text::PlanChartTitle.get(lang).to_owned(),
            units: crate::ui::chart_data::number_units(lang),
            x_axis_title: Text::AxisDate.get(lang).to_owned(),
            y_axis_title: Text::PlanChartAxis.get(lang).to_owned(),
            dates: DateAxis {
                week0: start_date,
                horizon_weeks: weeks.len() as u32,
                visible_weeks: None,
                tick_format: tick_format.to_owned(),
                year_tick_format: year_tick_format.map(str::to_owned),
            },
            bands: bands(plan),
            festival_label: Text::LegendFestival.get(lang).to_owned(),
            shock_label: Text::LegendShock.get(lang).to_owned(),
        },
        channels: plan
            .cadence
            .blocks
            .iter()
            .enumerate()
            .map(|(b, block)| {
                Series::new(
                    block_text(block, lang),
                    weeks.iter().map(|w| w.block_hours[b]).collect(),
                )
            })
            .collect(),
        steady: Series::new(
            Text::PlanChartSteady.get(lang),
            vec![plan.mix.prospecting_hours; weeks.len()],
        ),
    }
}

/// Why there is no plan at all, in words: the limit that binds for the goal's book `goal`, and that
/// no smaller book keeps every limit either.
#[must_use]
pub fn no_plan_text(error: &PlanError, goal: f64, lang: Lang) -> String {
    match error {
        PlanError::NoSteadyState { .. } => Text::PlanNoSteadyState.get(lang).to_owned(),
        PlanError::Infeasible { shortfall } => format!(
            "{} {}",
            shortfall_text(*shortfall, goal, lang),
            Text::PlanNoClosest.get(lang)
        ),
        PlanError::Goal(_) | PlanError::Scenario(_) => Text::PlanNoPlan.get(lang).to_owned(),
    }
}

/// The files' names.
pub const CSV_FILE: &str = "cadence-plan.csv";
pub const ICS_FILE: &str = "cadence-plan.ics";
