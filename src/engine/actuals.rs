//! A team's actual weekly figures, as data: what really happened, to set beside the plan (issue 18).
//!
//! Every figure is optional (a team reports what it counts). Counts are **team totals** for the
//! week (new loans, applications, approvals) or at the week's end (open leads, active loans);
//! prospecting hours are **per AM**, in total and optionally by channel. Weeks are the scenario's
//! simulation weeks (0-based), strictly increasing; a week may be missing (not reported).
//!
//! Reading them from a file is the scenario crate's job (`scenario::actuals`); here they are only
//! checked: [`Actuals::new`] refuses negative or non-finite figures, weeks out of order and weeks
//! beyond the horizon, each error naming its row and column.

use super::kpi::WeekKpis;

pub use super::params::WeekActuals;

impl WeekActuals {
    /// A simulated week reported in full, as a team would report it (for tests and examples:
    /// a run's own figures as the actuals).
    #[must_use]
    pub fn from_kpis(week: &WeekKpis) -> WeekActuals {
        let per_am = |team: f64| if week.ams > 0.0 { team / week.ams } else { 0.0 };
        WeekActuals {
            week: week.week,
            new_loans: Some(WeekKpis::total(&week.new_loans)),
            applications: Some(week.applications + week.burst_applications),
            approvals: Some(WeekKpis::total(&week.new_loans)),
            prospecting_hours: Some(per_am(week.hours_prospecting)),
            prospecting_hours_by_channel: Some(week.hours_by_channel.map(per_am)),
            leads: Some(WeekKpis::total(&week.interested)),
            active_loans: Some(WeekKpis::total(&week.active_loans)),
        }
    }

    /// New loans: as given, or the approvals (the model books approvals as new loans).
    #[must_use]
    pub fn new_loans_or_approvals(&self) -> Option<f64> {
        self.new_loans.or(self.approvals)
    }
}

/// Why a row of actuals was refused. `row` is the 1-based data row (the file's header is row 0).
#[derive(Debug, Clone, PartialEq)]
pub struct ActualsError {
    pub row: usize,
    /// The column's stable id (`week`, `new_loans`, …).
    pub column: String,
    pub problem: ActualsProblem,
}

/// What is wrong with a cell, a row or the header of an actuals file; put in words in the reader's
/// language by `scenario::actuals::problem_words`.
#[derive(Debug, Clone, PartialEq)]
pub enum ActualsProblem {
    /// The week is at or beyond the scenario's horizon (weeks `0..=last_week`).
    BeyondHorizon { week: u32, last_week: usize },
    /// The week does not come after the row before it.
    NotAfter { week: u32, before: u32 },
    /// A figure below 0.
    Negative(f64),
    /// A figure that is not a finite number.
    NotFinite,
    /// The CSV reader could not read the header (its own words).
    HeaderUnreadable(String),
    /// The column appears twice in the header.
    DuplicateColumn,
    /// The header names a column that is not an actuals column.
    UnknownColumn,
    /// The header has no `week` column.
    NoWeekColumn,
    /// The CSV reader could not read the row (its own words).
    RowUnreadable(String),
    /// The row has a different number of cells than the header.
    CellCount { cells: usize, columns: usize },
    /// The row's week cell is empty.
    WeekMissing,
    /// The cell is not a number.
    NotANumber(String),
    /// The week cell is a number but not a whole week from 0.
    NotAWeek(String),
}

/// Checked actuals: weeks strictly increasing, every figure finite and non-negative.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Actuals {
    weeks: Vec<WeekActuals>,
}

impl Actuals {
    /// Checks `weeks` (in file order) against a horizon of `horizon_weeks`; every problem is
    /// reported, each with its row and column.
    ///
    /// # Errors
    /// Every figure that is negative or not finite, every week at or beyond the horizon and every
    /// week not after the one before it.
    pub fn new(
        weeks: Vec<WeekActuals>,
        horizon_weeks: usize,
    ) -> Result<Actuals, Vec<ActualsError>> {
        let mut errors = Vec::new();
        let mut previous: Option<u32> = None;
        for (index, week) in weeks.iter().enumerate() {
            let row = index + 1;
            if week.week as usize >= horizon_weeks {
                errors.push(ActualsError {
                    row,
                    column: "week".to_owned(),
                    problem: ActualsProblem::BeyondHorizon {
                        week: week.week,
                        last_week: horizon_weeks.saturating_sub(1),
                    },
                });
            }
            if let Some(before) = previous {
                if week.week <= before {
                    errors.push(ActualsError {
                        row,
                        column: "week".to_owned(),
                        problem: ActualsProblem::NotAfter {
                            week: week.week,
                            before,
                        },
                    });
                }
            }
            previous = Some(week.week);
            let figures = [
                ("new_loans", week.new_loans),
                ("applications", week.applications),
                ("approvals", week.approvals),
                ("prospecting_hours", week.prospecting_hours),
                ("leads", week.leads),
                ("active_loans", week.active_loans),
            ];
            for (column, value) in figures {
                if let Some(problem) = value.and_then(figure_problem) {
                    errors.push(ActualsError {
                        row,
                        column: column.to_owned(),
                        problem,
                    });
                }
            }
            if let Some(hours) = week.prospecting_hours_by_channel {
                for (channel, value) in super::params::ChannelId::ALL.iter().zip(hours) {
                    if let Some(problem) = figure_problem(value) {
                        errors.push(ActualsError {
                            row,
                            column: format!("prospecting_hours.{}", channel.id()),
                            problem,
                        });
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(Actuals { weeks })
        } else {
            Err(errors)
        }
    }

    /// The weeks, in increasing order.
    #[must_use]
    pub fn weeks(&self) -> &[WeekActuals] {
        &self.weeks
    }

    /// The last week reported, if any.
    #[must_use]
    pub fn last_week(&self) -> Option<u32> {
        self.weeks.last().map(|w| w.week)
    }
}

/// What is wrong with one figure, in words.
fn figure_problem(value: f64) -> Option<ActualsProblem> {
    if !value.is_finite() {
        Some(ActualsProblem::NotFinite)
    } else if value < 0.0 {
        Some(ActualsProblem::Negative(value))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(t: u32) -> WeekActuals {
        WeekActuals {
            week: t,
            new_loans: Some(1.0),
            ..WeekActuals::default()
        }
    }

    #[test]
    fn weeks_out_of_order_or_beyond_the_horizon_are_named_by_row() {
        let errors = Actuals::new(vec![week(3), week(2), week(9)], 5).unwrap_err();
        let places: Vec<(usize, &str)> =
            errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(places, vec![(2, "week"), (3, "week")]);
        assert_eq!(
            errors[1].problem,
            ActualsProblem::BeyondHorizon {
                week: 9,
                last_week: 4
            }
        );
    }

    #[test]
    fn negative_figures_are_refused_with_their_column() {
        let bad = WeekActuals {
            leads: Some(-2.0),
            prospecting_hours_by_channel: Some([0.0, 0.0, 0.0, f64::NAN, 0.0, 0.0, 0.0, 0.0, 0.0]),
            ..week(0)
        };
        let errors = Actuals::new(vec![bad], 10).unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(columns, vec!["leads", "prospecting_hours.online_post"]);
    }

    #[test]
    fn channel_hours_sum_to_the_total_when_it_is_missing() {
        let w = WeekActuals {
            prospecting_hours_by_channel: Some([1.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
            ..week(0)
        };
        assert_eq!(w.prospecting_hours_per_am(), Some(6.0));
    }
}
