//! The Actuals view's model: the warning in words at the top, the weekly form (each field with the
//! path's expectation beside it and its problem in words), the import's outcome, and the table of
//! gaps (actual − expected, and as a share). Every figure is formatted here.

use chrono::NaiveDate;

use crate::engine::actuals::{ActualsError, WeekActuals};
use crate::engine::kpi::WeekKpis;
use crate::engine::montecarlo::McOutput;
use crate::engine::warning::{ComparedWith, WeekWarning, UNDER_PLAN_SHARE};
use crate::engine::Kpi;
use crate::i18n::{fill, Lang, Text};
use crate::scenario::actuals as actuals_csv;
use crate::scenario::plan_out;
use crate::scenario::track_out::Figures;
use crate::services::files::FileProblem;
use crate::ui::chart_data;
use crate::ui::charts::tracking::TrackingData;
use crate::ui::charts::{Fan, Series};
use crate::ui::format;
use crate::ui::track::{read_cell, CellProblem, Figure, Import, Model, ReplanProblem, FORM_WEEKS};
use crate::ui::workspace;

/// One chart of the path against the reported weeks, with how many fall inside its band.
pub use crate::ui::band::BandChart as TrackChart;

/// The charts section: its title and hint, the band's state in words, and the charts.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackCharts {
    pub title: &'static str,
    pub hint: &'static str,
    /// The band running, failed, or how many runs it holds.
    pub band_status: String,
    pub charts: Vec<TrackChart>,
}

/// The figures drawn against the path, with their Monte Carlo KPI.
const CHARTED: [(Figure, Kpi); 4] = [
    (Figure::ActiveLoans, Kpi::ActiveLoans),
    (Figure::NewLoans, Kpi::NewLoans),
    (Figure::Leads, Kpi::Interested),
    (Figure::ProspectingHours, Kpi::HoursProspecting),
];

/// The charts show the weeks up to the last reported one and a quarter beyond it (at least half a
/// year), so six reported weeks are not squeezed into the corner of a two-year axis.
const WEEKS_AHEAD: u32 = 13;
const MIN_WEEKS_SHOWN: u32 = 26;

/// A figure's value in an expected week, as the team reports it (hours per AM).
fn expected_value(figure: Figure, week: &WeekKpis) -> f64 {
    match figure {
        Figure::ProspectingHours => per_am(week.hours_prospecting, week.ams),
        Figure::Applications => week.applications + week.burst_applications,
        Figure::NewLoans | Figure::Approvals => WeekKpis::total(&week.new_loans),
        Figure::Leads => WeekKpis::total(&week.interested),
        Figure::ActiveLoans => WeekKpis::total(&week.active_loans),
    }
}

fn per_am(team: f64, ams: f64) -> f64 {
    if ams > 0.0 {
        team / ams
    } else {
        0.0
    }
}

/// The charts of the path against the reported weeks, with the band where it has run.
#[must_use]
pub fn track_charts(
    result: &workspace::Computed,
    expected: &[WeekKpis],
    reported: &[WeekActuals],
    band: Option<&McOutput>,
    band_status: String,
    lang: Lang,
) -> Option<TrackCharts> {
    let last = reported.last()?.week;
    let horizon = u32::try_from(expected.len()).unwrap_or(u32::MAX);
    let shown = (last + 1 + WEEKS_AHEAD).max(MIN_WEEKS_SHOWN).min(horizon);
    let charts = CHARTED
        .iter()
        .map(|&(figure, kpi)| {
            let (title, axis) = match figure {
                Figure::ActiveLoans => (Text::TrackActiveLoans, Text::AxisLoans),
                Figure::NewLoans => (Text::TrackNewLoans, Text::AxisNewLoans),
                Figure::Leads => (Text::TrackLeads, Text::AxisLeads),
                _ => (Text::TrackProspectingHours, Text::AxisHoursPerAm),
            };
            let mut frame = chart_data::frame(result, title, axis, lang, None);
            frame.dates.horizon_weeks = shown;
            let weeks = &expected[..shown as usize];
            let mut actual = vec![f64::NAN; weeks.len()];
            for week in reported {
                if let (Some(slot), Some(value)) =
                    (actual.get_mut(week.week as usize), figure.of(week))
                {
                    *slot = value;
                }
            }
            let fan = band.and_then(|mc| mc.band(kpi)).map(|b| {
                let scale = |values: &[f64]| -> Vec<f64> {
                    values
                        .iter()
                        .zip(weeks)
                        .map(|(v, w)| match figure {
                            Figure::ProspectingHours => per_am(*v, w.ams),
                            _ => *v,
                        })
                        .collect()
                };
                Fan {
                    label: Text::LegendFan.get(lang).to_owned(),
                    p10: scale(&b.p10),
                    p90: scale(&b.p90),
                }
            });
            let inside_count = fan.as_ref().map(|fan| inside_band(&actual, fan));
            let inside = inside_count.map(|(inside, of)| {
                fill(
                    Text::TrackChartInside.get(lang),
                    &[
                        title.get(lang),
                        &format::number(inside as f64, 0),
                        &format::number(of as f64, 0),
                    ],
                )
            });
            TrackChart {
                id: figure.id(),
                data: TrackingData {
                    frame,
                    expected: Series::new(
                        Text::TrackLegendExpected.get(lang),
                        weeks.iter().map(|w| expected_value(figure, w)).collect(),
                    ),
                    fan,
                    actual: Series::new(Text::TrackLegendReported.get(lang), actual),
                },
                inside,
                inside_count,
            }
        })
        .collect();
    Some(TrackCharts {
        title: Text::TrackChartsTitle.get(lang),
        hint: Text::TrackChartsHint.get(lang),
        band_status,
        charts,
    })
}

/// Figures are reported to at most two decimals: a week that rounds onto the band's edge is inside
/// it (a band of one value — hours a policy fixes — holds the weeks worked at that value).
const INSIDE_SLACK: f64 = 0.005;

/// Reported weeks whose value lies within the band (P10 ≤ value ≤ P90), and reported weeks.
#[must_use]
pub fn inside_band(actual: &[f64], fan: &Fan) -> (usize, usize) {
    let mut inside = 0;
    let mut reported = 0;
    for (t, value) in actual.iter().enumerate() {
        if !value.is_finite() {
            continue;
        }
        reported += 1;
        if let (Some(lo), Some(hi)) = (fan.p10.get(t), fan.p90.get(t)) {
            if *lo - INSIDE_SLACK <= *value && *value <= *hi + INSIDE_SLACK {
                inside += 1;
            }
        }
    }
    (inside, reported)
}

/// The warning at the top: raised, on track, or nothing reported yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Alarm,
    OnTrack,
    Empty,
}

impl StatusKind {
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            StatusKind::Alarm => "alarm",
            StatusKind::OnTrack => "on-track",
            StatusKind::Empty => "empty",
        }
    }
}

/// One field of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormCell {
    /// The input's element id (`actual-20-new_loans`).
    pub id: String,
    pub week: u32,
    pub figure: Figure,
    pub label: &'static str,
    pub text: String,
    /// The path's figure for the week ("expected 8"), when known.
    pub expected: String,
    pub error: Option<String>,
}

/// One week of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormWeek {
    pub week: u32,
    /// "Week 20 · 19 Apr 2027".
    pub legend: String,
    pub cells: Vec<FormCell>,
}

/// The gap table.
#[derive(Debug, Clone, PartialEq)]
pub struct GapTable {
    pub caption: String,
    pub headers: Vec<String>,
    /// Week (with its date), then one cell per figure.
    pub rows: Vec<Vec<String>>,
}

/// One week of the re-plan beside the hours it replaces.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplanRow {
    pub date: String,
    pub before: String,
    pub after: String,
    /// Whether the week's hours change (by at least half the smallest block).
    pub changed: bool,
}

/// The re-plan section.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplanView {
    pub title: &'static str,
    pub hint: &'static str,
    /// The button, when a week is reported ("Re-plan from week 24").
    pub button: Option<String>,
    pub summary: Option<String>,
    /// Why the re-plan asks fewer hours than the plan it replaces, when it does.
    pub why: Option<String>,
    pub changed: Option<String>,
    pub problem: Option<&'static str>,
    pub headers: Vec<String>,
    pub rows: Vec<ReplanRow>,
    pub csv: &'static str,
    pub ics: &'static str,
    /// Said of a changed week to a screen reader (the mark is also a bar and bold figures).
    pub changed_label: &'static str,
}

/// Everything the Actuals view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackView {
    pub title: &'static str,
    pub status_kind: StatusKind,
    pub status: String,
    pub compared_with: String,
    pub form_title: &'static str,
    pub form_hint: &'static str,
    pub weeks_shown: String,
    pub weeks: Vec<FormWeek>,
    /// The first week of the previous and next pages of the form, when there are any.
    pub earlier: Option<u32>,
    pub later: Option<u32>,
    pub earlier_label: &'static str,
    pub later_label: &'static str,
    pub import_button: &'static str,
    pub privacy: &'static str,
    pub import_format: &'static str,
    /// The last import's outcome in words, and its problems (one line each).
    pub import_note: Option<String>,
    pub import_errors: Vec<String>,
    pub gaps_title: &'static str,
    pub gaps: Option<GapTable>,
    pub replan: ReplanView,
    /// The path, its band and the reported weeks, once a week is reported.
    pub charts: Option<TrackCharts>,
}

fn figure_label(figure: Figure) -> Text {
    match figure {
        Figure::NewLoans => Text::TrackNewLoans,
        Figure::Applications => Text::TrackApplications,
        Figure::Approvals => Text::TrackApprovals,
        Figure::ProspectingHours => Text::TrackProspectingHours,
        Figure::Leads => Text::TrackLeads,
        Figure::ActiveLoans => Text::TrackActiveLoans,
    }
}

fn of_figures(figure: Figure, f: &Figures) -> Option<f64> {
    match figure {
        Figure::NewLoans => f.new_loans,
        Figure::Applications => f.applications,
        Figure::Approvals => f.approvals,
        Figure::ProspectingHours => f.prospecting_hours,
        Figure::Leads => f.leads,
        Figure::ActiveLoans => f.active_loans,
    }
}

/// Hours with one decimal, counts whole (rounded as a team reads them).
fn figure_text(figure: Figure, value: f64) -> String {
    format::number(value, usize::from(figure == Figure::ProspectingHours))
}

fn signed(figure: Figure, value: f64) -> String {
    let text = figure_text(figure, value);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

fn signed_percent(share: f64) -> String {
    let text = format::percent(share, 0);
    if share > 0.0 && text != "0%" {
        format!("+{text}")
    } else {
        text
    }
}

/// The warning of one week in words (the command line's `track_out::message`, translated).
#[must_use]
pub fn warning_words(w: &WeekWarning, lang: Lang) -> String {
    let week = w.indicators.week.to_string();
    let Some(projection) = w.projection.filter(|_| w.alarm) else {
        return fill(Text::TrackOnTrack.get(lang), &[&week]);
    };
    let i = &w.indicators;
    let mut causes = Vec::new();
    if let Some(share) = i.hours_share_of_plan.filter(|s| *s < UNDER_PLAN_SHARE) {
        let weeks = match w.weeks_under_plan {
            0 | 1 => Text::TrackThisWeek.get(lang).to_owned(),
            n => fill(Text::TrackForWeeks.get(lang), &[&n.to_string()]),
        };
        causes.push(fill(
            Text::TrackWarnProspecting.get(lang),
            &[&format::percent(share, 0), &weeks],
        ));
    }
    if let Some(share) = i.investigation_share {
        if i.normal_investigation_share > 0.0 && share > 1.5 * i.normal_investigation_share {
            causes.push(fill(
                Text::TrackWarnInvestigation.get(lang),
                &[
                    &format::percent(share, 0),
                    &format::percent(i.normal_investigation_share, 0),
                ],
            ));
        }
    }
    if let Some(cover) = i.cover_weeks {
        if cover < 0.9 * i.normal_cover_weeks {
            causes.push(fill(
                Text::TrackWarnCover.get(lang),
                &[
                    &format::number(cover, 1),
                    &format::number(i.normal_cover_weeks, 1),
                ],
            ));
        }
    }
    let because = match causes.split_first() {
        Some((first, [])) => first.clone(),
        Some((first, rest)) => format!(
            "{first}{}{}",
            Text::TrackWhile.get(lang),
            rest.join(Text::TrackAnd.get(lang))
        ),
        None => Text::TrackModelAhead.get(lang).to_owned(),
    };
    let range = if projection.from_week == projection.to_week {
        fill(
            Text::TrackWeekOne.get(lang),
            &[&projection.from_week.to_string()],
        )
    } else {
        fill(
            Text::TrackWeekRange.get(lang),
            &[
                &projection.from_week.to_string(),
                &projection.to_week.to_string(),
            ],
        )
    };
    fill(
        Text::TrackAlarm.get(lang),
        &[
            &week,
            &because,
            &format::percent(projection.depth, 0),
            &range,
        ],
    )
}

fn error_line(e: &ActualsError, lang: Lang) -> String {
    let words = actuals_csv::problem_words(&e.problem, &e.column, lang);
    match (e.row, e.column.is_empty()) {
        (0, false) => fill(Text::TrackHeaderColumn.get(lang), &[&e.column, &words]),
        (0, true) => fill(Text::TrackHeader.get(lang), &[&words]),
        (row, false) => fill(
            Text::TrackRowColumn.get(lang),
            &[&row.to_string(), &e.column, &words],
        ),
        (row, true) => fill(Text::TrackRow.get(lang), &[&row.to_string(), &words]),
    }
}

fn cell_error(problem: &CellProblem, lang: Lang) -> String {
    match problem {
        CellProblem::NotANumber(text) => fill(Text::TrackNotANumber.get(lang), &[text]),
        CellProblem::Negative(value) => fill(
            Text::TrackNegative.get(lang),
            &[format::number(*value, 2).trim_end_matches(".00")],
        ),
    }
}

/// The Actuals view for the workspace's result (the model refreshed for it).
#[must_use]
pub fn track_view(model: &Model, ws: &workspace::Model, lang: Lang) -> TrackView {
    let start_date = ws.result.as_ref().map_or(ws.start_date, |r| r.start_date);
    let horizon = ws.result.as_ref().map_or(0, |r| r.ev.run.weeks.len());
    let last_week = u32::try_from(horizon.saturating_sub(1)).unwrap_or(u32::MAX);
    let computed = model.computed();
    let path = computed.and_then(|c| c.outcome.as_ref().ok());
    let expected_of = |week: u32| -> Option<Figures> {
        path.and_then(|(tracked, _)| tracked.reference.expected.weeks.get(week as usize))
            .map(Figures::of_expected)
    };
    let from = model.from_week.min(last_week);
    let to = (from + FORM_WEEKS - 1).min(last_week);
    let weeks = (from..=to)
        .map(|week| form_week(model, week, start_date, expected_of(week).as_ref(), lang))
        .collect();
    let (status_kind, status) = match computed.map(|c| &c.outcome) {
        Some(Err(_)) => (StatusKind::Empty, Text::TrackNoPath.get(lang).to_owned()),
        Some(Ok((_, tracking))) => match tracking.weeks.last() {
            Some(last) if last.alarm => (StatusKind::Alarm, warning_words(last, lang)),
            Some(last) => (StatusKind::OnTrack, warning_words(last, lang)),
            None => (StatusKind::Empty, Text::TrackNoActuals.get(lang).to_owned()),
        },
        None => (StatusKind::Empty, Text::TrackNoActuals.get(lang).to_owned()),
    };
    let compared_with = match path.map(|(t, _)| t.compared_with) {
        Some(ComparedWith::Plan) => Text::TrackComparedPlan.get(lang),
        _ => Text::TrackComparedScenario.get(lang),
    }
    .to_owned();
    let (import_note, import_errors) = match &model.import {
        None => (None, Vec::new()),
        Some(Import::Read { name, weeks }) => (
            Some(fill(
                Text::TrackImported.get(lang),
                &[name, &weeks.to_string()],
            )),
            Vec::new(),
        ),
        Some(Import::Refused { name, errors }) => (
            Some(fill(Text::TrackImportRefused.get(lang), &[name])),
            errors.iter().map(|e| error_line(e, lang)).collect(),
        ),
        Some(Import::Unreadable { name, problem }) => {
            let text = match problem {
                FileProblem::TooLarge => Text::TrackImportTooLarge,
                FileProblem::Unreadable => Text::TrackImportUnreadable,
            };
            (Some(fill(text.get(lang), &[name])), Vec::new())
        }
    };
    let gaps = computed
        .filter(|c| path.is_some() && !c.actuals.weeks().is_empty())
        .map(|c| gap_table(c.actuals.weeks(), &expected_of, start_date, lang));
    TrackView {
        title: Text::TrackTitle.get(lang),
        status_kind,
        status,
        compared_with,
        form_title: Text::TrackFormTitle.get(lang),
        form_hint: Text::TrackFormHint.get(lang),
        weeks_shown: fill(
            Text::TrackWeeksShown.get(lang),
            &[&from.to_string(), &to.to_string(), &last_week.to_string()],
        ),
        weeks,
        earlier: (from > 0).then(|| from.saturating_sub(FORM_WEEKS)),
        later: (to < last_week).then_some(to + 1),
        earlier_label: Text::TrackEarlier.get(lang),
        later_label: Text::TrackLater.get(lang),
        gaps_title: Text::TrackGapsTitle.get(lang),
        import_button: Text::TrackImportButton.get(lang),
        privacy: Text::TrackPrivacy.get(lang),
        import_format: Text::TrackImportFormat.get(lang),
        import_note,
        import_errors,
        gaps,
        replan: replan_view(model, lang),
        charts: charts_of(model, ws, lang),
    }
}

fn charts_of(model: &Model, ws: &workspace::Model, lang: Lang) -> Option<TrackCharts> {
    let result = ws.result.as_ref()?;
    let computed = model.computed()?;
    let (tracked, _) = computed.outcome.as_ref().ok()?;
    let band = model.band_output();
    let band_status = if let Some(mc) = band {
        fill(
            Text::TrackChartsOf.get(lang),
            &[&format::number(f64::from(mc.runs), 0)],
        )
    } else if let Some((done, total)) = model.band_progress() {
        fill(
            Text::TrackChartsRunning.get(lang),
            &[
                &format::number(f64::from(done), 0),
                &format::number(f64::from(total), 0),
            ],
        )
    } else if let Some(message) = model.band_failure() {
        fill(Text::TrackChartsFailed.get(lang), &[message])
    } else {
        fill(
            Text::TrackChartsRunning.get(lang),
            &[&format::number(0.0, 0), format::MISSING],
        )
    };
    track_charts(
        result,
        &tracked.reference.expected.weeks,
        computed.actuals.weeks(),
        band.map(AsRef::as_ref),
        band_status,
        lang,
    )
}

/// Whether two weekly hours differ by at least half the smallest block (a quarter hour).
const CHANGED_HOURS: f64 = 0.125;

fn replan_view(model: &Model, lang: Lang) -> ReplanView {
    let last = model
        .computed()
        .filter(|c| c.outcome.is_ok())
        .and_then(|c| c.actuals.last_week());
    let mut view = ReplanView {
        title: Text::TrackReplanTitle.get(lang),
        hint: Text::TrackReplanHint.get(lang),
        button: last.map(|w| fill(Text::TrackReplanButton.get(lang), &[&(w + 1).to_string()])),
        summary: None,
        why: None,
        changed: None,
        problem: None,
        headers: Vec::new(),
        rows: Vec::new(),
        csv: Text::TrackReplanCsv.get(lang),
        ics: Text::TrackReplanIcs.get(lang),
        changed_label: Text::TrackReplanChanged.get(lang),
    };
    match &model.replanned {
        None => {}
        Some(Err(ReplanProblem::NothingReported)) => {
            view.problem = Some(Text::TrackReplanNothing.get(lang));
        }
        Some(Err(ReplanProblem::Unsolved)) => {
            view.problem = Some(Text::TrackReplanUnsolved.get(lang));
        }
        Some(Ok(r)) => {
            let end = format::number(r.plan.verdict.end_loans_per_am, 1);
            let outcome = if r.plan.verdict.met {
                fill(Text::TrackReplanMet.get(lang), &[&end])
            } else {
                fill(Text::TrackReplanMissed.get(lang), &[&end])
            };
            view.summary = Some(fill(
                Text::TrackReplanSummary.get(lang),
                &[
                    &r.version.to_string(),
                    &r.from_week.to_string(),
                    &format::date(r.start_date, lang),
                    &format::number(r.start_loans_per_am, 1),
                    &outcome,
                ],
            ));
            view.headers = vec![
                Text::TableWeekStarting.get(lang).to_owned(),
                Text::TrackReplanBefore.get(lang).to_owned(),
                Text::TrackReplanAfter.get(lang).to_owned(),
            ];
            view.rows = r
                .plan
                .cadence
                .weeks
                .iter()
                .zip(&r.before_hours_per_am)
                .map(|(w, before)| ReplanRow {
                    date: format::date(plan_out::week_start(r.start_date, w.week), lang),
                    before: before
                        .map_or_else(|| format::MISSING.to_owned(), |h| format::number(h, 2)),
                    after: format::number(w.planned_hours, 2),
                    changed: before.is_none_or(|h| (h - w.planned_hours).abs() >= CHANGED_HOURS),
                })
                .collect();
            view.why = replan_why(r, lang);
            let changed = view.rows.iter().filter(|row| row.changed).count();
            view.changed = Some(fill(
                Text::TrackReplanChangedCount.get(lang),
                &[&changed.to_string(), &view.rows.len().to_string()],
            ));
        }
    }
    view
}

/// A re-plan from a book above the goal asks fewer hours than the plan it replaces: the fewest
/// hours that hold the goal let the extra loans run off. Said in words, so a team warned that it
/// prospects too little is not left puzzled by a plan asking less (issue 18).
fn replan_why(r: &super::Replanned, lang: Lang) -> Option<String> {
    let weeks = &r.plan.cadence.weeks;
    let first = weeks.first()?;
    let before = (*r.before_hours_per_am.first()?)?;
    let above =
        r.start_loans_per_am > r.goal_loans_per_am * (1.0 + crate::engine::plan::GOAL_TOLERANCE);
    if !above || first.planned_hours >= before - CHANGED_HOURS {
        return None;
    }
    let least = weeks
        .iter()
        .map(|w| w.planned_hours)
        .fold(f64::INFINITY, f64::min);
    let back = weeks
        .iter()
        .zip(&r.before_hours_per_am)
        .find(|(w, b)| b.is_some_and(|b| w.planned_hours >= b - CHANGED_HOURS));
    let start = format::number(r.start_loans_per_am, 1);
    let goal = format::number(r.goal_loans_per_am, 1);
    let least = format::number(least, 2);
    Some(match back {
        Some((w, _)) => fill(
            Text::TrackReplanWhy.get(lang),
            &[
                &start,
                &goal,
                &least,
                &format::number(before, 2),
                &(r.from_week as usize + w.week).to_string(),
                &format::date(plan_out::week_start(r.start_date, w.week), lang),
            ],
        ),
        None => fill(
            Text::TrackReplanWhyLater.get(lang),
            &[&start, &goal, &least],
        ),
    })
}

fn gap_table(
    weeks: &[crate::engine::actuals::WeekActuals],
    expected_of: &dyn Fn(u32) -> Option<Figures>,
    start_date: NaiveDate,
    lang: Lang,
) -> GapTable {
    GapTable {
        caption: Text::TrackGapsCaption.get(lang).to_owned(),
        headers: std::iter::once(Text::TrackWeek.get(lang).to_owned())
            .chain(
                Figure::ALL
                    .iter()
                    .map(|f| figure_label(*f).get(lang).to_owned()),
            )
            .collect(),
        rows: weeks
            .iter()
            .map(|a| {
                let actual = Figures::of_actual(a);
                let expected = expected_of(a.week);
                let mut row = vec![fill(
                    Text::TrackWeekLegend.get(lang),
                    &[
                        &a.week.to_string(),
                        &format::date(format::week_date(start_date, a.week), lang),
                    ],
                )];
                row.extend(
                    Figure::ALL
                        .iter()
                        .map(|&f| gap_cell(f, of_figures(f, &actual), expected.as_ref(), lang)),
                );
                row
            })
            .collect(),
    }
}

fn gap_cell(figure: Figure, actual: Option<f64>, expected: Option<&Figures>, lang: Lang) -> String {
    let Some(actual) = actual else {
        return format::MISSING.to_owned();
    };
    let Some(expected) = expected.and_then(|e| of_figures(figure, e)) else {
        return figure_text(figure, actual);
    };
    let gap = actual - expected;
    let share = if expected > 0.0 {
        signed_percent(gap / expected)
    } else {
        format::MISSING.to_owned()
    };
    fill(
        Text::TrackGapCell.get(lang),
        &[&figure_text(figure, actual), &signed(figure, gap), &share],
    )
}

fn form_week(
    model: &Model,
    week: u32,
    start_date: NaiveDate,
    expected: Option<&Figures>,
    lang: Lang,
) -> FormWeek {
    let cells = Figure::ALL
        .iter()
        .map(|&figure| {
            let text = model
                .typed
                .get(&(week, figure))
                .cloned()
                .unwrap_or_default();
            let error = read_cell(&text).err().map(|p| cell_error(&p, lang));
            let expected = expected
                .and_then(|e| of_figures(figure, e))
                .map(|v| fill(Text::TrackExpected.get(lang), &[&figure_text(figure, v)]))
                .unwrap_or_default();
            FormCell {
                id: format!("actual-{week}-{}", figure.id()),
                week,
                figure,
                label: figure_label(figure).get(lang),
                text,
                expected,
                error,
            }
        })
        .collect();
    FormWeek {
        week,
        legend: fill(
            Text::TrackWeekLegend.get(lang),
            &[
                &week.to_string(),
                &format::date(format::week_date(start_date, week), lang),
            ],
        ),
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use crate::ui::track::Action;

    fn fault_workspace() -> workspace::Model {
        let preset = presets::get("fault").expect("the fault preset");
        workspace::Model::with(
            preset.params.clone(),
            NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        )
    }

    /// The fault's weeks 16–23 as a team reports them (tests/golden/actuals/fault-weeks-16-23.csv).
    const FAULT_WEEKS: &str = "week,new_loans,applications,approvals,prospecting_hours,leads,active_loans\n\
        16,8,11,8,8.8,23,720\n17,8,11,8,8.8,23,720\n18,8,11,8,8.8,23,720\n19,8,11,8,8.8,23,720\n\
        20,8,47,8,8.8,23,720\n21,8,47,8,0.0,22,720\n22,20,11,20,0.0,17,731\n23,20,8,20,0.0,13,743\n";

    fn with_actuals(ws: &mut workspace::Model, model: &mut Model, text: &str) {
        let horizon = crate::ui::track::horizon_of(ws);
        model.update(
            Action::ImportCsv {
                name: "fault.csv".into(),
                content: Ok(text.into()),
            },
            ws,
            None,
            Lang::En,
        );
        ws.set_actuals(model.actuals(horizon));
        model.refresh(ws);
    }

    #[test]
    fn the_fault_s_weeks_raise_the_warning_in_words_in_both_languages() {
        let mut ws = fault_workspace();
        let mut model = Model::default();
        model.refresh(&ws);
        let empty = track_view(&model, &ws, Lang::En);
        assert_eq!(empty.status_kind, StatusKind::Empty);
        assert!(empty.gaps.is_none());
        // Weeks 16–20: before the fault, on track.
        let before: String = FAULT_WEEKS.lines().take(6).collect::<Vec<_>>().join("\n");
        with_actuals(&mut ws, &mut model, &before);
        let calm = track_view(&model, &ws, Lang::En);
        assert_eq!(calm.status_kind, StatusKind::OnTrack, "{}", calm.status);
        assert!(
            calm.status.starts_with("Week 20: on track"),
            "{}",
            calm.status
        );
        with_actuals(&mut ws, &mut model, FAULT_WEEKS);
        let view = track_view(&model, &ws, Lang::En);
        assert_eq!(view.status_kind, StatusKind::Alarm, "{}", view.status);
        assert!(
            view.status.starts_with(
                "Week 23: early warning — prospecting has been at 0% of the plan for 3 weeks"
            ),
            "{}",
            view.status
        );
        assert!(
            view.status.contains("new loans fall about"),
            "{}",
            view.status
        );
        let zh = track_view(&model, &ws, Lang::Zh);
        assert!(
            zh.status
                .starts_with("第 23 周：预警——营销拓客只有计划的 0%（已连续 3 周）"),
            "{}",
            zh.status
        );
        // The gap table has one row per reported week; the file is the EV run rounded.
        let gaps = view.gaps.expect("gaps");
        assert_eq!(gaps.rows.len(), 8);
        assert_eq!(gaps.headers.len(), 7);
        assert!(
            gaps.rows[0][0].starts_with("Week 16 · "),
            "{:?}",
            gaps.rows[0]
        );
        assert_eq!(
            view.weeks.first().map(|w| w.week),
            Some(16),
            "the form shows the file's weeks"
        );
    }

    #[test]
    fn the_form_shows_expectations_and_problems_beside_each_field() {
        let mut ws = fault_workspace();
        let mut model = Model::default();
        model.refresh(&ws);
        let horizon = crate::ui::track::horizon_of(&ws);
        model.update(
            Action::Edit {
                week: 2,
                figure: Figure::Leads,
                text: "lots".into(),
            },
            &ws,
            None,
            Lang::En,
        );
        model.update(
            Action::Edit {
                week: 3,
                figure: Figure::NewLoans,
                text: "-4".into(),
            },
            &ws,
            None,
            Lang::En,
        );
        ws.set_actuals(model.actuals(horizon));
        model.refresh(&ws);
        let view = track_view(&model, &ws, Lang::En);
        assert_eq!(view.weeks.len(), FORM_WEEKS as usize);
        assert_eq!(view.earlier, None);
        assert_eq!(view.later, Some(FORM_WEEKS));
        let leads = &view.weeks[2].cells[4];
        assert_eq!(leads.id, "actual-2-leads");
        assert_eq!(leads.text, "lots");
        assert_eq!(
            leads.error.as_deref(),
            Some("“lots” is not a number: type a figure such as 12 or 8.5.")
        );
        assert!(
            leads.expected.starts_with("expected "),
            "{}",
            leads.expected
        );
        let zh = track_view(&model, &ws, Lang::Zh);
        assert_eq!(
            zh.weeks[3].cells[0].error.as_deref(),
            Some("-4 是负数：数字应为笔数或小时数，不小于 0。")
        );
        assert!(
            zh.weeks[0].legend.starts_with("第 0 周 · "),
            "{}",
            zh.weeks[0].legend
        );
        // Nothing valid was reported.
        assert_eq!(view.status_kind, StatusKind::Empty);
    }

    #[test]
    fn a_refused_file_lists_each_problem_by_row_and_column() {
        let mut ws = fault_workspace();
        let mut model = Model::default();
        with_actuals(
            &mut ws,
            &mut model,
            "week,new_loans,leads\n0,five,3\n1,2,-1\n",
        );
        let view = track_view(&model, &ws, Lang::Zh);
        assert_eq!(
            view.import_note.as_deref(),
            Some("未读取 fault.csv，您已录入的内容没有变化：")
        );
        // Every reason in the reader's language, not only the row and column around it.
        assert_eq!(
            view.import_errors,
            [
                "第 1 行，new_loans：“five”不是数字",
                "第 2 行，leads：-1 是负数；数字应为笔数或小时数，不小于 0",
            ]
        );
        with_actuals(&mut ws, &mut model, "wk,new_loans\n0,1\n");
        let view = track_view(&model, &ws, Lang::Zh);
        assert!(
            view.import_errors
                .iter()
                .any(|e| e.starts_with("表头，wk：未知列“wk”")),
            "{:?}",
            view.import_errors
        );
        assert!(
            view.import_errors.iter().all(|e| !e.is_ascii()),
            "{:?}",
            view.import_errors
        );
    }

    #[test]
    fn a_re_plan_from_the_last_week_is_versioned_and_marks_the_weeks_it_changes() {
        use crate::engine::plan::PlanGoal;
        use crate::ui::effect::Effect;
        let mut ws = fault_workspace();
        let mut model = Model::default();
        model.refresh(&ws);
        let goal = PlanGoal::hold(120.0, 40.0);
        assert!(
            model.replan_view_button(Lang::En).is_none(),
            "nothing to re-plan from yet"
        );
        with_actuals(&mut ws, &mut model, FAULT_WEEKS);
        assert_eq!(
            model.replan_view_button(Lang::En).as_deref(),
            Some("Re-plan from week 24")
        );
        model.update(Action::Replan, &ws, Some(&goal), Lang::En);
        let view = track_view(&model, &ws, Lang::En).replan;
        let summary = view.summary.expect("a re-plan");
        assert!(
            summary.starts_with("Plan version 2, from week 24 (week starting 17 May 2027), for a book of 123.8 loans per AM"),
            "{summary}"
        );
        assert_eq!(view.rows.len(), 52);
        assert_eq!(view.headers.len(), 3);
        let changed = view.rows.iter().filter(|r| r.changed).count();
        assert!(changed > 0, "the re-plan changes some weeks");
        assert!(view
            .changed
            .expect("count")
            .starts_with(&format!("{changed} of 52")));
        let effects = model.update(Action::DownloadReplanCsv, &ws, Some(&goal), Lang::En);
        let Some(Effect::Download(file)) = effects.first() else {
            panic!("a download: {effects:?}");
        };
        assert_eq!(file.file_name, "cadence-plan-v2-2027-05-17.csv");
        assert!(file.text.starts_with('\u{feff}'));
        // A second re-plan is the next version.
        model.update(Action::Replan, &ws, Some(&goal), Lang::En);
        let effects = model.update(
            Action::DownloadReplanIcs {
                today: NaiveDate::from_ymd_opt(2027, 5, 17).expect("date"),
            },
            &ws,
            Some(&goal),
            Lang::En,
        );
        let Some(Effect::Download(file)) = effects.first() else {
            panic!("a download: {effects:?}");
        };
        assert_eq!(file.file_name, "cadence-plan-v3-2027-05-17.ics");
    }

    /// Runs the band job the model asks for, natively, with the worker's own code path.
    fn run_band(model: &mut Model, runs: u32) -> std::rc::Rc<McOutput> {
        use crate::ui::effect::Effect;
        let effects = model.follow_band(runs, 7);
        let Some(Effect::StartMonteCarlo(job)) = effects.first() else {
            panic!("a band job: {effects:?}");
        };
        assert_ne!(job.id & crate::ui::track::BAND_JOB, 0, "a band job number");
        assert!(
            job.params.actuals.is_empty(),
            "the band runs the path, not the figures"
        );
        let output = std::rc::Rc::new(
            crate::services::monte_carlo::plan(&job.params, job.runs, job.seed, 5)
                .expect("a valid path")
                .run_all(),
        );
        model.band_event(crate::ui::track::BandEvent::Finished {
            job: job.id,
            output: std::rc::Rc::clone(&output),
        });
        output
    }

    fn recount_inside(
        output: &McOutput,
        kpi: Kpi,
        figure: Figure,
        tracked: &crate::engine::warning::Tracked,
        reported: &[WeekActuals],
    ) -> usize {
        let band = output.band(kpi).expect("banded");
        reported
            .iter()
            .filter(|w| {
                let t = w.week as usize;
                let scale = if figure == Figure::ProspectingHours {
                    tracked.reference.expected.weeks[t].ams
                } else {
                    1.0
                };
                let value = figure.of(w).expect("reported");
                band.p10[t] / scale - INSIDE_SLACK <= value
                    && value <= band.p90[t] / scale + INSIDE_SLACK
            })
            .count()
    }

    #[test]
    fn the_path_is_charted_with_its_band_and_every_reported_week_as_a_dot() {
        use crate::ui::charts::{tracking, ChartSize, ChartTheme};
        let mut ws = fault_workspace();
        let mut model = Model::default();
        model.refresh(&ws);
        assert!(
            track_view(&model, &ws, Lang::En).charts.is_none(),
            "nothing reported yet"
        );
        with_actuals(&mut ws, &mut model, FAULT_WEEKS);
        let waiting = track_view(&model, &ws, Lang::En)
            .charts
            .expect("charts once weeks are reported");
        assert!(
            waiting.band_status.starts_with("Running the band"),
            "{}",
            waiting.band_status
        );
        assert!(waiting.charts.iter().all(|c| c.data.fan.is_none()));
        let output = run_band(&mut model, 200);
        // Typing another figure keeps the path, so the band holds and no job starts.
        assert!(model.follow_band(200, 7).is_empty());
        let view = track_view(&model, &ws, Lang::En);
        let charts = view.charts.expect("charts");
        assert_eq!(
            charts.band_status,
            "Band of 200 random runs with the scenario's seed."
        );
        let ids: Vec<&str> = charts.charts.iter().map(|c| c.id).collect();
        assert_eq!(
            ids,
            ["active_loans", "new_loans", "leads", "prospecting_hours"]
        );
        let computed = model.computed().expect("computed");
        let (tracked, _) = computed.outcome.as_ref().expect("a path");
        let reported = computed.actuals.weeks();
        for (chart, (figure, kpi)) in charts.charts.iter().zip(CHARTED) {
            // The weeks reported and a quarter beyond the last (week 23).
            assert_eq!(chart.data.frame.dates.horizon_weeks, 24 + WEEKS_AHEAD);
            // The line is the expectation the form and the gap table show beside each field.
            for week in reported {
                let expected = &tracked.reference.expected.weeks[week.week as usize];
                let shown = of_figures(figure, &Figures::of_expected(expected)).expect("expected");
                let drawn = chart.data.expected.values[week.week as usize];
                assert!(
                    (drawn - shown).abs() <= 0.005 + 1e-9,
                    "{figure:?} week {}: {drawn} vs {shown}",
                    week.week
                );
            }
            // Counted again here from the engine's band and the file's figures.
            let inside = recount_inside(&output, kpi, figure, tracked, reported);
            assert_eq!(
                chart.inside_count,
                Some((inside, reported.len())),
                "{figure:?}"
            );
            let inside_text = chart.inside.as_deref().expect("in words");
            assert!(
                inside_text.contains(&format!("{inside} of 8 reported weeks")),
                "{inside_text}"
            );
            let svg = tracking::render_svg(&chart.data, &ChartTheme::light(), ChartSize::DESKTOP)
                .expect("drawn");
            assert_eq!(
                svg.matches("<circle").count(),
                8 + 1,
                "a dot per week and the legend's"
            );
            assert!(svg.contains("<polygon"), "the band is drawn");
        }
        // The fault's own weeks follow its path: all inside. A week far above it is not.
        assert_eq!(charts.charts[1].inside_count, Some((8, 8)));
        model.update(
            Action::Edit {
                week: 16,
                figure: Figure::NewLoans,
                text: "30".into(),
            },
            &ws,
            None,
            Lang::En,
        );
        ws.set_actuals(model.actuals(crate::ui::track::horizon_of(&ws)));
        model.refresh(&ws);
        let edited = track_view(&model, &ws, Lang::En).charts.expect("charts");
        assert_eq!(edited.charts[1].inside_count, Some((7, 8)));
        assert_eq!(edited.charts[0].inside_count, charts.charts[0].inside_count);
        let zh = track_view(&model, &ws, Lang::Zh).charts.expect("charts");
        assert!(zh.charts[1]
            .inside
            .as_deref()
            .is_some_and(|t| t.starts_with("新增贷款：已报 8 周中有")));
    }

    #[test]
    fn the_band_follows_the_path_and_gives_the_pool_up_to_the_fan() {
        let mut ws = fault_workspace();
        let mut model = Model::default();
        with_actuals(&mut ws, &mut model, FAULT_WEEKS);
        run_band(&mut model, 50);
        assert!(model.band_output().is_some());
        // Another scenario is another path: its band runs again.
        let mut params = ws.params.clone();
        params.team.ams += 1.0;
        ws.open(params, ws.start_date);
        model.refresh(&ws);
        assert!(model.band_output().is_none());
        assert_eq!(model.follow_band(200, 7).len(), 1);
        // A fan job takes the pool: the band waits for it, and then starts again.
        model.band_superseded();
        assert!(model.band_progress().is_none());
        assert_eq!(model.follow_band(200, 7).len(), 1);
    }

    #[test]
    fn a_re_plan_from_a_book_above_the_goal_says_why_it_asks_fewer_hours() {
        use crate::engine::plan::PlanGoal;
        let mut ws = fault_workspace();
        let mut model = Model::default();
        with_actuals(&mut ws, &mut model, FAULT_WEEKS);
        // The fault's wave left a book above 110 loans per AM: the fewest hours let it run down.
        let goal = PlanGoal::hold(110.0, 40.0);
        model.update(Action::Replan, &ws, Some(&goal), Lang::En);
        let view = track_view(&model, &ws, Lang::En).replan;
        let why = view.why.expect("a reason in words");
        let Some(Ok(r)) = &model.replanned else {
            panic!("a re-plan")
        };
        let before = r.before_hours_per_am[0].expect("the old plan's hours");
        assert!(r.plan.cadence.weeks[0].planned_hours < before - CHANGED_HOURS);
        let back = view
            .rows
            .iter()
            .zip(&r.plan.cadence.weeks)
            .position(|(_, w)| w.planned_hours >= before - CHANGED_HOURS);
        assert!(why.starts_with("Why fewer hours than before: the book starts at 123.8 loans per AM, above the goal's 110.0"), "{why}");
        match back {
            Some(i) => assert!(
                why.contains(&format!(
                    "from week {} (week starting {})",
                    24 + i,
                    view.rows[i].date
                )),
                "{why}"
            ),
            None => assert!(why.ends_with("every week."), "{why}"),
        }
        let zh = track_view(&model, &ws, Lang::Zh).replan.why.expect("zh");
        assert!(zh.starts_with("为何工时少于原计划"), "{zh}");
        // At the goal, the re-plan asks at least the old hours, and there is nothing to explain.
        model.update(
            Action::Replan,
            &ws,
            Some(&PlanGoal::hold(140.0, 40.0)),
            Lang::En,
        );
        assert!(track_view(&model, &ws, Lang::En).replan.why.is_none());
    }

    impl Model {
        fn replan_view_button(&self, lang: Lang) -> Option<String> {
            replan_view(self, lang).button
        }
    }
}
