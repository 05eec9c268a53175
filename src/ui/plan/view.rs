//! The plan view's model: the goal form (typed text → a checked `PlanGoal`, with a message per
//! field), and a solved plan turned into the texts, figures, tables and chart the plan panel shows.
//! Everything here is formatted once and tested natively; the component only lays it out.

use chrono::NaiveDate;

use crate::engine::params::{ChannelId, Params};
use crate::engine::plan::{
    GoalField, GoalRule, MixPlan, Objective, Plan, PlanError, PlanGoal, Shortfall, TargetPath,
    DEFAULT_PLAN_WEEKS,
};
use crate::i18n::{fill, Lang, Text};
use crate::scenario::plan_out::{self, channel_text, events_text, festivals, week_events};
use crate::ui::charts::{Band, BandKind, ChartFrame, DateAxis, PlanHoursData, Series};
use crate::ui::format;
use crate::ui::workspace::plain_number;
use crate::ui::workspace::view::KpiItem;

/// An input of the goal form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalInput {
    Target,
    ByWeek,
    MinQuality,
    MaxHours,
    CashBudget,
    Weeks,
    Floor,
}

impl GoalInput {
    /// Every numeric input, in form order.
    pub const ALL: [GoalInput; 7] = [
        GoalInput::Target,
        GoalInput::ByWeek,
        GoalInput::Weeks,
        GoalInput::MaxHours,
        GoalInput::MinQuality,
        GoalInput::CashBudget,
        GoalInput::Floor,
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
        }
    }

    #[must_use]
    pub fn unit(self) -> Text {
        match self {
            GoalInput::Target => Text::UnitLoansPerAm,
            GoalInput::ByWeek => Text::PlanUnitPlanWeek,
            GoalInput::MinQuality => Text::PlanUnitPercentNew,
            GoalInput::MaxHours => Text::UnitHoursPerAmWeek,
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
        }
    }

    /// Percent inputs are shown ×100 of the goal's share.
    fn scale(self) -> f64 {
        match self {
            GoalInput::MinQuality | GoalInput::Floor => 100.0,
            _ => 1.0,
        }
    }

    fn of_field(field: GoalField) -> GoalInput {
        match field {
            GoalField::Target => GoalInput::Target,
            GoalField::ByWeek => GoalInput::ByWeek,
            GoalField::MinQualityShare => GoalInput::MinQuality,
            GoalField::MaxProspectingHours => GoalInput::MaxHours,
            GoalField::CashBudget => GoalInput::CashBudget,
            GoalField::Weeks => GoalInput::Weeks,
            GoalField::FloorShare => GoalInput::Floor,
        }
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
}

impl Default for GoalForm {
    fn default() -> Self {
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
        }
    }
}

impl GoalForm {
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
            GoalInput::Weeks | GoalInput::Floor => None,
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
    };
    goal.check(params.team.hours_per_week).map_err(|problems| {
        problems
            .iter()
            .map(|p| {
                let input = GoalInput::of_field(p.field);
                let scale = input.scale();
                let shown = plain_number(p.value * scale);
                let message = match p.rule {
                    GoalRule::NotFinite => Text::ErrNotANumber.get(lang).to_owned(),
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
                FieldError { input, message }
            })
            .collect::<Vec<_>>()
    })?;
    Ok(goal)
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
    /// Festival and event names, empty when the week is ordinary.
    pub events: String,
    /// Hours per channel (the plan's channels), the week's total, pipeline, new loans, book, goal.
    pub cells: Vec<String>,
}

/// Everything the plan panel shows about a solved plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    /// Whether the goal is met.
    pub feasible: bool,
    /// Feasibility in words: the verdict, then what the closest plan is when the goal is missed.
    pub verdict: Vec<String>,
    /// h* at the current mix, in words.
    pub current: String,
    pub figures: Vec<KpiItem>,
    pub mix: Table,
    /// When the goal is missed: the mix that would come nearest to it, and its hours.
    pub needed: Option<Table>,
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

/// The mix's channels as table rows: hours and share, with the scenario's own share beside.
fn mix_table(mix: &MixPlan, params: &Params, caption: Text, lang: Lang) -> Table {
    let rows = ChannelId::ALL
        .into_iter()
        .filter(|c| {
            mix.hours_by_channel[c.index()] > 0.0 || params.channels[c.index()].hour_share > 0.0
        })
        .map(|c| Row {
            heading: channel_text(c).get(lang).to_owned(),
            cells: vec![
                hours(mix.hours_by_channel[c.index()]),
                format::percent(mix.shares[c.index()], 0),
                format::percent(params.channels[c.index()].hour_share, 0),
            ],
        })
        .collect();
    Table {
        caption: caption.get(lang).to_owned(),
        headers: [
            Text::PlanMixChannel,
            Text::PlanMixHours,
            Text::PlanMixShare,
            Text::PlanMixCurrentShare,
        ]
        .iter()
        .map(|t| t.get(lang).to_owned())
        .collect(),
        rows,
    }
}

/// The verdict in words.
fn verdict(plan: &Plan, lang: Lang) -> Vec<String> {
    let goal = plan.goal.target.final_loans();
    let h = plan.mix.steady.hours_total;
    let available = plan.mix.steady.hours_total + plan.mix.steady.slack_hours;
    let Some(shortfall) = plan.shortfall else {
        return vec![fill(
            Text::PlanVerdictMet.get(lang),
            &[
                &loans(goal),
                &hours(plan.mix.prospecting_hours),
                &hours(h),
                &hours(available),
            ],
        )];
    };
    let first = match shortfall {
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
    };
    vec![
        first,
        fill(
            Text::PlanClosest.get(lang),
            &[
                &loans(plan.mix.loans_per_am),
                &hours(plan.mix.prospecting_hours),
            ],
        ),
    ]
}

fn item(id: &'static str, label: Text, value: String, detail: String, lang: Lang) -> KpiItem {
    KpiItem {
        id,
        label: label.get(lang).to_owned(),
        value,
        detail,
    }
}

/// The steady mix's figures: hours, the hours budget, book, quality, cash, profit, marginal cost.
fn figures(plan: &Plan, params: &Params, lang: Lang) -> Vec<KpiItem> {
    let steady = &plan.mix.steady;
    let per_am_week = || Text::PlanUnitCnyPerAmWeek.get(lang).to_owned();
    let mut figures = vec![
        item(
            "plan-hours",
            Text::PlanFigHours,
            hours(plan.mix.prospecting_hours),
            fill(
                Text::PlanFigHoursDetail.get(lang),
                &[&plan
                    .current
                    .h_star
                    .map_or(format::MISSING.to_owned(), hours)],
            ),
            lang,
        ),
        item(
            "plan-hours-total",
            Text::PlanFigHoursTotal,
            hours(steady.hours_total),
            fill(
                Text::PlanFigHoursTotalDetail.get(lang),
                &[&hours(params.team.hours_per_week)],
            ),
            lang,
        ),
        item(
            "plan-book",
            Text::PlanFigBook,
            loans(plan.mix.loans_per_am),
            Text::UnitLoansPerAm.get(lang).to_owned(),
            lang,
        ),
        item(
            "plan-quality",
            Text::PlanFigQuality,
            format::percent(plan.mix.quality_share, 1),
            Text::PlanFigQualityDetail.get(lang).to_owned(),
            lang,
        ),
        item(
            "plan-cash",
            Text::PlanFigCash,
            format::cny(steady.cash_cny),
            per_am_week(),
            lang,
        ),
        item(
            "plan-profit",
            Text::PlanFigProfit,
            format::cny(steady.profit_cny),
            per_am_week(),
            lang,
        ),
    ];
    if let Some(marginal) = plan.mix.marginal_hours_per_loan {
        figures.push(item(
            "plan-marginal",
            Text::PlanFigMarginal,
            format::number(marginal, 3),
            Text::UnitHoursPerAmWeek.get(lang).to_owned(),
            lang,
        ));
    }
    figures
}

/// The plan simulated beside the goal: the figures and the sentence.
fn outcome(plan: &Plan, lang: Lang) -> (Vec<KpiItem>, String) {
    let last = plan.cadence.weeks.len().to_string();
    let end = plan.cadence.end_loans_per_am();
    let end_goal = plan.cadence.end_goal_loans_per_am();
    let gap = if end_goal > 0.0 {
        (end - end_goal) / end_goal
    } else {
        0.0
    };
    let at_end = || fill(Text::PlanOutcomeWeek.get(lang), &[&last]);
    let figures = vec![
        item(
            "plan-end-goal",
            Text::PlanOutcomeGoal,
            loans(end_goal),
            at_end(),
            lang,
        ),
        item(
            "plan-end-book",
            Text::PlanOutcomeBook,
            loans(end),
            at_end(),
            lang,
        ),
        item(
            "plan-end-gap",
            Text::PlanOutcomeGap,
            format::percent(gap, 1),
            Text::PlanOutcomeGapDetail.get(lang).to_owned(),
            lang,
        ),
    ];
    let text = if gap.abs() <= 0.01 {
        fill(
            Text::PlanOutcomeHit.get(lang),
            &[&last, &loans(end), &loans(end_goal)],
        )
    } else {
        fill(
            Text::PlanOutcomeMissed.get(lang),
            &[
                &last,
                &loans(end),
                &loans(end_goal),
                &format::percent(gap.abs(), 1),
            ],
        )
    };
    (figures, text)
}

/// The week table's headers and rows.
fn week_table(
    plan: &Plan,
    start_date: NaiveDate,
    channels: &[ChannelId],
    lang: Lang,
) -> (Vec<String>, Vec<WeekRow>) {
    let mut headers = vec![
        Text::TableWeekStarting.get(lang).to_owned(),
        Text::PlanCsvEvents.get(lang).to_owned(),
    ];
    headers.extend(
        channels
            .iter()
            .map(|&c| channel_text(c).get(lang).to_owned()),
    );
    headers.extend(
        [
            Text::PlanTableTotal,
            Text::PlanTablePipeline,
            Text::PlanTableNewLoans,
            Text::PlanTableBook,
            Text::PlanTableGoal,
        ]
        .iter()
        .map(|t| t.get(lang).to_owned()),
    );
    let rows = plan
        .cadence
        .weeks
        .iter()
        .map(|w| {
            let mut cells: Vec<String> = channels
                .iter()
                .map(|&c| hours(w.hours_by_channel[c.index()]))
                .collect();
            cells.push(hours(w.prospecting_hours));
            cells.push(format::number(w.pipeline_per_am, 2));
            cells.push(format::number(w.new_loans_per_am, 2));
            cells.push(loans(w.loans_per_am));
            cells.push(loans(w.goal_loans_per_am));
            WeekRow {
                date: format::date(plan_out::week_start(start_date, w.week), lang),
                events: events_text(&week_events(&plan.cadence.params, w), lang),
                cells,
            }
        })
        .collect();
    (headers, rows)
}

/// The panel's model of a solved plan; `start_date` is the Monday of plan week 1.
#[must_use]
pub fn plan_view(plan: &Plan, params: &Params, start_date: NaiveDate, lang: Lang) -> PlanView {
    let goal = plan.goal.target.final_loans();
    let current = match (plan.current.h_star, plan.current.steady.as_ref()) {
        (Some(h_star), Some(steady)) => fill(
            Text::PlanCurrentMix.get(lang),
            &[
                &loans(goal),
                &hours(h_star),
                &hours(steady.hours_total),
                &hours(params.team.hours_per_week),
            ],
        ),
        _ => fill(Text::PlanCurrentMixUnreachable.get(lang), &[&loans(goal)]),
    };
    let (outcome, outcome_text) = outcome(plan, lang);
    let channels = plan_out::plan_channels(plan);
    let (week_headers, weeks) = week_table(plan, start_date, &channels, lang);
    PlanView {
        feasible: plan.shortfall.is_none(),
        verdict: verdict(plan, lang),
        current,
        figures: figures(plan, params, lang),
        mix: mix_table(&plan.mix, params, Text::PlanMixCaption, lang),
        needed: plan
            .needed
            .as_ref()
            .map(|needed| mix_table(needed, params, Text::PlanNeededCaption, lang)),
        outcome,
        outcome_text,
        weeks_caption: Text::PlanTableCaption.get(lang).to_owned(),
        week_headers,
        weeks,
        chart: chart(plan, start_date, &channels, lang),
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

fn chart(plan: &Plan, start_date: NaiveDate, channels: &[ChannelId], lang: Lang) -> PlanHoursData {
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
        channels: channels
            .iter()
            .map(|&c| {
                Series::new(
                    channel_text(c).get(lang),
                    weeks
                        .iter()
                        .map(|w| w.hours_by_channel[c.index()])
                        .collect(),
                )
            })
            .collect(),
        steady: Series::new(
            Text::PlanChartSteady.get(lang),
            vec![plan.mix.prospecting_hours; weeks.len()],
        ),
    }
}

/// Why there is no plan at all, in words (an infeasible goal still has a closest plan).
#[must_use]
pub fn no_plan_text(error: &PlanError, lang: Lang) -> String {
    match error {
        PlanError::NoSteadyState { .. } => Text::PlanNoSteadyState.get(lang).to_owned(),
        PlanError::Infeasible { .. } => Text::PlanNoClosest.get(lang).to_owned(),
        PlanError::Goal(_) | PlanError::Scenario(_) => Text::PlanNoPlan.get(lang).to_owned(),
    }
}

/// The files' names.
pub const CSV_FILE: &str = "cadence-plan.csv";
pub const ICS_FILE: &str = "cadence-plan.ics";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::params::Calendar;
    use crate::engine::plan;
    use crate::engine::validate;
    use crate::ui::charts::{plan_hours, ChartSize, ChartTheme};

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, 4).expect("date")
    }

    fn festival_params() -> Params {
        Params {
            calendar: Calendar::ChinaDefault {
                spring_festival_week: 6.0,
                mid_autumn_week: 38.0,
            },
            ..Params::default()
        }
    }

    #[test]
    fn blanks_follow_the_scenario_and_percentages_are_shares() {
        let params = Params::default();
        let form = GoalForm {
            min_quality: "80".to_owned(),
            floor: "25".to_owned(),
            ..GoalForm::default()
        };
        let goal = parse_goal(&form, &params, Lang::En).expect("valid");
        assert_eq!(
            goal.target,
            TargetPath::Flat {
                loans_per_am: 120.0
            }
        );
        assert!((goal.max_prospecting_hours - 40.0).abs() < 1e-12);
        assert!((goal.min_quality_share - 0.8).abs() < 1e-12);
        assert!((goal.floor_share - 0.25).abs() < 1e-12);
        assert_eq!(goal.cash_budget_cny, None);
        let growth = GoalForm {
            growth: true,
            target: "130".to_owned(),
            ..GoalForm::default()
        };
        let goal = parse_goal(&growth, &params, Lang::En).expect("valid");
        assert_eq!(
            goal.target,
            TargetPath::Growth {
                loans_per_am: 130.0,
                by_week: 52.0
            }
        );
    }

    #[test]
    fn every_bad_input_gets_its_own_message() {
        let params = Params::default();
        let form = GoalForm {
            target: "many".to_owned(),
            max_hours: "45".to_owned(),
            min_quality: "120".to_owned(),
            weeks: String::new(),
            ..GoalForm::default()
        };
        let errors = parse_goal(&form, &params, Lang::En).expect_err("invalid");
        let inputs: Vec<GoalInput> = errors.iter().map(|e| e.input).collect();
        assert_eq!(inputs, [GoalInput::Target, GoalInput::Weeks]);
        assert_eq!(errors[0].message, "Enter a number.");
        // Once the text reads as numbers, the ranges are checked (in the units shown).
        let form = GoalForm {
            target: "120".to_owned(),
            weeks: "52".to_owned(),
            ..form
        };
        let errors = parse_goal(&form, &params, Lang::Zh).expect_err("invalid");
        let shown: Vec<(GoalInput, &str)> = errors
            .iter()
            .map(|e| (e.input, e.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (GoalInput::MinQuality, "必须在 0 至 100 之间（当前 120）。"),
                (GoalInput::MaxHours, "必须在 0 至 40 之间（当前 45）。"),
            ]
        );
    }

    #[test]
    fn a_plan_for_150_says_why_and_shows_the_closest_plan() {
        let params = Params::default();
        let vp = validate(&params).expect("valid");
        let form = GoalForm {
            target: "150".to_owned(),
            ..GoalForm::default()
        };
        let goal = parse_goal(&form, &params, Lang::En).expect("valid");
        let plan = plan::plan(&vp, &goal).expect("closest plan");
        let view = plan_view(&plan, &params, monday(), Lang::En);
        assert!(!view.feasible);
        assert!(
            view.verdict[0].starts_with("150.0 loans per AM do not fit in the working week"),
            "{}",
            view.verdict[0]
        );
        assert!(
            view.verdict[0].contains("42.71 hours of work"),
            "{}",
            view.verdict[0]
        );
        assert!(
            view.verdict[1].contains("141.5 loans per AM"),
            "{}",
            view.verdict[1]
        );
        assert!(view.current.contains("h* = 11.95"), "{}", view.current);
        let needed = view.needed.expect("the mix 150 would need");
        assert!(needed.rows.iter().any(|r| r.heading == "Supply chain"));
        assert_eq!(view.weeks.len(), 52);
        assert_eq!(view.weeks[0].date, "4 Jan 2027");
    }

    #[test]
    fn the_week_table_names_festivals_and_the_chart_renders() {
        let params = festival_params();
        let vp = validate(&params).expect("valid");
        let goal = parse_goal(&GoalForm::default(), &params, Lang::Zh).expect("valid");
        let plan = plan::plan(&vp, &goal).expect("plan");
        let view = plan_view(&plan, &params, monday(), Lang::Zh);
        assert!(view.feasible);
        assert_eq!(view.weeks[5].events, "春节");
        assert_eq!(view.weeks[5].date, "2027年2月8日");
        assert_eq!(
            view.week_headers.len(),
            view.weeks[0].cells.len() + 2,
            "date and events head each row"
        );
        assert!(
            view.outcome_text.contains("达成目标"),
            "{}",
            view.outcome_text
        );
        assert!(view
            .chart
            .frame
            .bands
            .iter()
            .any(|b| b.kind == BandKind::Festival
                && b.start_week <= 5
                && b.end_week_exclusive > 5));
        let svg = plan_hours::render_svg(&view.chart, &ChartTheme::light(), ChartSize::DESKTOP)
            .expect("renders");
        assert!(svg.contains("<title>各渠道计划营销工时</title>"));
        assert!(svg.contains("供应链（线）"));
    }
}
