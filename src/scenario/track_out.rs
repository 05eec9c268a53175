//! `cadence track`'s JSON (issue 18): each reported week's figures beside the expected path, the
//! gaps, the leading indicators, the projection and the warning in words; the first warning week.

use serde::Serialize;

use crate::engine::actuals::{Actuals, WeekActuals};
use crate::engine::kpi::WeekKpis;
use crate::engine::warning::{Reference, Tracking, WeekWarning, UNDER_PLAN_SHARE};

/// The figures of one week, as reported or expected (team counts, hours per AM).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub new_loans: Option<f64>,
    pub applications: Option<f64>,
    pub approvals: Option<f64>,
    pub prospecting_hours: Option<f64>,
    pub leads: Option<f64>,
    pub active_loans: Option<f64>,
}

impl Figures {
    #[must_use]
    pub fn of_actual(a: &WeekActuals) -> Figures {
        Figures {
            new_loans: a.new_loans.map(round),
            applications: a.applications.map(round),
            approvals: a.approvals.map(round),
            prospecting_hours: a.prospecting_hours_per_am().map(round),
            leads: a.leads.map(round),
            active_loans: a.active_loans.map(round),
        }
    }

    #[must_use]
    pub fn of_expected(w: &WeekKpis) -> Figures {
        let new_loans = WeekKpis::total(&w.new_loans);
        let hours = if w.ams > 0.0 {
            w.hours_prospecting / w.ams
        } else {
            0.0
        };
        Figures {
            new_loans: Some(round(new_loans)),
            applications: Some(round(w.applications + w.burst_applications)),
            approvals: Some(round(new_loans)),
            prospecting_hours: Some(round(hours)),
            leads: Some(round(WeekKpis::total(&w.interested))),
            active_loans: Some(round(WeekKpis::total(&w.active_loans))),
        }
    }

    /// Actual − expected, where both are known.
    #[must_use]
    pub fn gap(actual: &Figures, expected: &Figures) -> Figures {
        let d = |a: Option<f64>, e: Option<f64>| a.zip(e).map(|(a, e)| round(a - e));
        Figures {
            new_loans: d(actual.new_loans, expected.new_loans),
            applications: d(actual.applications, expected.applications),
            approvals: d(actual.approvals, expected.approvals),
            prospecting_hours: d(actual.prospecting_hours, expected.prospecting_hours),
            leads: d(actual.leads, expected.leads),
            active_loans: d(actual.active_loans, expected.active_loans),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorsOut {
    pub cover_weeks: Option<f64>,
    pub normal_cover_weeks: f64,
    pub prospecting_hours: Option<f64>,
    pub plan_hours: f64,
    pub hours_share_of_plan: Option<f64>,
    pub investigation_share: Option<f64>,
    pub normal_investigation_share: f64,
    pub weeks_under_plan: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectionOut {
    /// The deepest fall of new loans below normal, as a share.
    pub fall: f64,
    pub trough_week: u32,
    pub from_week: u32,
    pub to_week: u32,
    /// Weeks the projection kept the recent prospecting rate, and that rate (h/AM).
    pub hold_weeks: u32,
    pub hold_hours: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrackWeek {
    pub week: u32,
    pub actual: Figures,
    pub expected: Figures,
    pub gap: Figures,
    pub indicators: IndicatorsOut,
    pub projection: Option<ProjectionOut>,
    pub warning: bool,
    pub message: Option<String>,
}

/// The plan's goal solved again from the week after the last reported one (rounded on output).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplanOut {
    pub from_week: u32,
    pub start_loans_per_am: f64,
    pub meets_goal: bool,
    pub end_loans_per_am: f64,
    /// Prospecting hours per AM of the re-plan's weeks, from `from_week` + 1.
    pub hours: Vec<f64>,
    pub solve_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrackSummary {
    pub source: String,
    /// `scenario` (its EV run) or `plan` (the plan's EV run).
    pub compared_with: &'static str,
    pub first_warning_week: Option<u32>,
    pub first_warning: Option<String>,
    pub weeks: Vec<TrackWeek>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replan: Option<ReplanOut>,
}

impl TrackSummary {
    #[must_use]
    pub fn new(
        source: &str,
        compared_with: &'static str,
        reference: &Reference,
        actuals: &Actuals,
        tracking: &Tracking,
    ) -> TrackSummary {
        let weeks: Vec<TrackWeek> = actuals
            .weeks()
            .iter()
            .zip(&tracking.weeks)
            .map(|(a, w)| {
                let actual = Figures::of_actual(a);
                let expected = Figures::of_expected(&reference.expected.weeks[a.week as usize]);
                let i = &w.indicators;
                TrackWeek {
                    week: a.week,
                    gap: Figures::gap(&actual, &expected),
                    actual,
                    expected,
                    indicators: IndicatorsOut {
                        cover_weeks: i.cover_weeks.map(round),
                        normal_cover_weeks: round(i.normal_cover_weeks),
                        prospecting_hours: i.prospecting_hours_per_am.map(round),
                        plan_hours: round(i.plan_hours_per_am),
                        hours_share_of_plan: i.hours_share_of_plan.map(round),
                        investigation_share: i.investigation_share.map(round),
                        normal_investigation_share: round(i.normal_investigation_share),
                        weeks_under_plan: w.weeks_under_plan,
                    },
                    projection: w.projection.map(|p| ProjectionOut {
                        fall: round(p.depth),
                        trough_week: p.trough_week,
                        from_week: p.from_week,
                        to_week: p.to_week,
                        hold_weeks: p.hold_weeks,
                        hold_hours: round(p.hold_hours_per_am),
                    }),
                    warning: w.alarm,
                    message: message(w),
                }
            })
            .collect();
        let first_warning = weeks
            .iter()
            .find(|w| w.warning)
            .and_then(|w| w.message.clone());
        TrackSummary {
            source: source.to_owned(),
            compared_with,
            first_warning_week: tracking.first_alarm_week,
            first_warning,
            weeks,
            replan: None,
        }
    }

    /// Pretty JSON with a final newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The warning in words, when raised: what the indicators show, then the projected fall.
#[must_use]
pub fn message(w: &WeekWarning) -> Option<String> {
    let projection = w.projection.filter(|_| w.alarm)?;
    let i = &w.indicators;
    let mut causes = Vec::new();
    if let Some(share) = i.hours_share_of_plan.filter(|s| *s < UNDER_PLAN_SHARE) {
        let weeks = match w.weeks_under_plan {
            1 => "this week".to_owned(),
            n => format!("for {n} weeks"),
        };
        causes.push(format!(
            "prospecting has been at {:.0} % of the plan {weeks}",
            share * 100.0
        ));
    }
    if let Some(share) = i.investigation_share {
        if i.normal_investigation_share > 0.0 && share > 1.5 * i.normal_investigation_share {
            causes.push(format!(
                "investigations take {:.0} % of the hours (normally {:.0} %)",
                share * 100.0,
                i.normal_investigation_share * 100.0
            ));
        }
    }
    if let Some(cover) = i.cover_weeks {
        if cover < 0.9 * i.normal_cover_weeks {
            causes.push(format!(
                "the pipeline holds {cover:.1} weeks of applications (normally {:.1})",
                i.normal_cover_weeks
            ));
        }
    }
    let range = if projection.from_week == projection.to_week {
        format!("week {}", projection.from_week)
    } else {
        format!("weeks {}–{}", projection.from_week, projection.to_week)
    };
    let because = match causes.split_first() {
        Some((first, [])) => first.clone(),
        Some((first, rest)) => format!("{first} while {}", rest.join(" and ")),
        None => "the model run forward from this week".to_owned(),
    };
    Some(format!(
        "{because}: at this rate new loans fall ~{:.0} % in {range}",
        projection.depth * 100.0
    ))
}

/// Three decimals: the figures are counts and hours, and the JSON stays readable.
fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
