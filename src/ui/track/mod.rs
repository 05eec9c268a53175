//! The Actuals slice (issue 18): a team's real weekly figures as typed or imported, checked cell by
//! cell, and set beside the path the team follows — the plan's when the scenario carries a goal,
//! else the scenario's expected (EV) run — with the early warning of `engine::warning`.
//!
//! The figures as typed are the model; the checked [`Actuals`] are derived from them (a cell with a
//! problem counts as not reported and shows its message beside it, nothing typed is dropped). The
//! page keeps the checked actuals in the scenario (`Params::actuals`), so they are saved, shared
//! and reloaded with it. An imported CSV file fills the weeks it holds; a refused file changes
//! nothing and lists every problem by row and column.

pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::engine::actuals::{Actuals, ActualsError, WeekActuals};
use crate::engine::montecarlo::McOutput;
use crate::engine::plan::{Plan, PlanError, PlanGoal};
use crate::engine::validate;
use crate::engine::warning::{self, Tracked, Tracking};
use crate::engine::Params;
use crate::i18n::Lang;
use crate::scenario::actuals as actuals_csv;
use crate::scenario::plan_out;
use crate::services::files::FileProblem;
use crate::ui::effect::{Download, Effect};
use crate::ui::format;
use crate::ui::workspace;

/// How many weeks the form shows at a time.
pub const FORM_WEEKS: u32 = 6;

/// The element id of the warning at the top of the view.
pub const STATUS_ID: &str = "track-status";

/// One figure a team reports each week, in the CSV file's column order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Figure {
    NewLoans,
    Applications,
    Approvals,
    ProspectingHours,
    Leads,
    ActiveLoans,
}

impl Figure {
    pub const ALL: [Figure; 6] = [
        Figure::NewLoans,
        Figure::Applications,
        Figure::Approvals,
        Figure::ProspectingHours,
        Figure::Leads,
        Figure::ActiveLoans,
    ];

    /// The column's stable id, as in the actuals CSV file.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Figure::NewLoans => "new_loans",
            Figure::Applications => "applications",
            Figure::Approvals => "approvals",
            Figure::ProspectingHours => "prospecting_hours",
            Figure::Leads => "leads",
            Figure::ActiveLoans => "active_loans",
        }
    }

    /// The figure of a reported week (prospecting hours: the total, or the channels' sum).
    #[must_use]
    pub fn of(self, week: &WeekActuals) -> Option<f64> {
        match self {
            Figure::NewLoans => week.new_loans,
            Figure::Applications => week.applications,
            Figure::Approvals => week.approvals,
            Figure::ProspectingHours => week.prospecting_hours_per_am(),
            Figure::Leads => week.leads,
            Figure::ActiveLoans => week.active_loans,
        }
    }

    fn set(self, week: &mut WeekActuals, value: f64) {
        let slot = match self {
            Figure::NewLoans => &mut week.new_loans,
            Figure::Applications => &mut week.applications,
            Figure::Approvals => &mut week.approvals,
            Figure::ProspectingHours => &mut week.prospecting_hours,
            Figure::Leads => &mut week.leads,
            Figure::ActiveLoans => &mut week.active_loans,
        };
        *slot = Some(value);
    }
}

/// Why a typed figure is not used (the same rules as the CSV reader's).
#[derive(Debug, Clone, PartialEq)]
pub enum CellProblem {
    NotANumber(String),
    Negative(f64),
}

/// A typed figure: `Ok(None)` when empty (not reported).
///
/// # Errors
/// Text that is not a number, or a negative figure.
pub fn read_cell(text: &str) -> Result<Option<f64>, CellProblem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match format::parse_number(text) {
        Some(value) if !value.is_finite() => Err(CellProblem::NotANumber(text.trim().to_owned())),
        Some(value) if value < 0.0 => Err(CellProblem::Negative(value)),
        Some(value) => Ok(Some(value)),
        None => Err(CellProblem::NotANumber(text.trim().to_owned())),
    }
}

/// What became of the last file imported.
#[derive(Debug, Clone, PartialEq)]
pub enum Import {
    /// Read: this many weeks filled.
    Read { name: String, weeks: usize },
    /// Refused, with every problem by row and column; nothing changed.
    Refused {
        name: String,
        errors: Vec<ActualsError>,
    },
    /// The browser could not read it at all.
    Unreadable { name: String, problem: FileProblem },
}

/// What a person does in the Actuals view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed text in one week's figure.
    Edit {
        week: u32,
        figure: Figure,
        text: String,
    },
    /// Shows the form from this week on.
    ShowWeeksFrom(u32),
    /// A CSV file of actuals, as the browser read it.
    ImportCsv {
        name: String,
        content: Result<String, FileProblem>,
    },
    /// Re-solves the plan's goal from the state at the last reported week.
    Replan,
    /// The re-plan as a spreadsheet, or as a calendar stamped with today's date.
    DownloadReplanCsv,
    DownloadReplanIcs {
        today: chrono::NaiveDate,
    },
}

use crate::ui::band::Bands;
pub use crate::ui::band::{BandEvent, BAND_JOB};

/// The scenario a band belongs to: the path's, without the actuals.
fn band_key(tracked: &Tracked) -> Params {
    let mut params = tracked.vp.params().clone();
    params.actuals.clear();
    params
}

/// A plan solved again from the week after the last reported one.
#[derive(Debug)]
pub struct Replanned {
    /// The first simulation week of the re-plan (its week 0), and its Monday.
    pub from_week: u32,
    pub start_date: chrono::NaiveDate,
    /// The book per AM it starts from (reported, else expected).
    pub start_loans_per_am: f64,
    /// The goal's book per AM for the re-plan's first week.
    pub goal_loans_per_am: f64,
    pub plan: Plan,
    /// The path's hours per AM the re-plan replaces, by re-plan week (where the path has them).
    pub before_hours_per_am: Vec<Option<f64>>,
    /// The plan's version: the first plan is 1, each re-plan of this page counts up.
    pub version: u32,
}

/// Why there is no re-plan.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplanProblem {
    /// No week is reported yet, or the actuals have no path to be set beside.
    NothingReported,
    /// The goal cannot be solved from the reported state.
    Unsolved,
}

/// The actuals set beside their path, for one scenario revision.
#[derive(Debug)]
pub struct Computed {
    pub revision: u64,
    pub actuals: Actuals,
    /// The path and the warning of every reported week, or why the plan has no path.
    pub outcome: Result<(Tracked, Tracking), PlanError>,
}

/// The Actuals view's model.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Every figure typed (or imported), by week and figure, as text.
    pub typed: BTreeMap<(u32, Figure), String>,
    /// The first week the form shows.
    pub from_week: u32,
    pub import: Option<Import>,
    computed: Option<Rc<Computed>>,
    /// The last re-plan, or why it failed.
    pub replanned: Option<Result<Rc<Replanned>, ReplanProblem>>,
    /// Re-plans made on this page (the next one's version is this + 2).
    replans: u32,
    /// The band of the path (`ui::band`, under the Actuals view's job numbers), once its
    /// Monte Carlo runs have run; keyed by the path's scenario without the actuals.
    bands: Bands,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.typed == other.typed
            && self.from_week == other.from_week
            && self.import == other.import
    }
}

impl Model {
    /// Applies one action; the page then keeps [`Model::actuals`] in the scenario. `goal` is the
    /// plan goal a re-plan solves (the scenario's, else the plan view's).
    pub fn update(
        &mut self,
        action: Action,
        ws: &workspace::Model,
        goal: Option<&PlanGoal>,
        lang: Lang,
    ) -> Vec<Effect> {
        let horizon_weeks = horizon_of(ws);
        match action {
            Action::Replan => {
                self.refresh(ws);
                let outcome = self.replan(ws, goal);
                if outcome.is_ok() {
                    self.replans += 1;
                }
                self.replanned = Some(outcome);
            }
            Action::DownloadReplanCsv => {
                if let Some(Ok(r)) = &self.replanned {
                    return vec![Effect::Download(Download {
                        file_name: replan_file_name(r, "csv"),
                        mime: "text/csv;charset=utf-8",
                        text: plan_out::plan_csv(&r.plan, r.start_date, lang),
                    })];
                }
            }
            Action::DownloadReplanIcs { today } => {
                if let Some(Ok(r)) = &self.replanned {
                    let stamp = today.and_hms_opt(0, 0, 0).unwrap_or_default();
                    return vec![Effect::Download(Download {
                        file_name: replan_file_name(r, "ics"),
                        mime: "text/calendar;charset=utf-8",
                        text: plan_out::plan_ics(&r.plan, r.start_date, lang, stamp),
                    })];
                }
            }
            Action::Edit { week, figure, text } => {
                if text.is_empty() {
                    self.typed.remove(&(week, figure));
                } else {
                    self.typed.insert((week, figure), text);
                }
            }
            Action::ShowWeeksFrom(week) => {
                let last = u32::try_from(horizon_weeks.saturating_sub(1)).unwrap_or(u32::MAX);
                self.from_week = week.min(last);
            }
            Action::ImportCsv { name, content } => {
                self.import = Some(match content {
                    Err(problem) => Import::Unreadable { name, problem },
                    Ok(text) => match actuals_csv::parse(&text, &import_frame(ws)) {
                        Err(errors) => Import::Refused { name, errors },
                        Ok(actuals) => {
                            let weeks = actuals.weeks().len();
                            self.fill(&actuals);
                            if let Some(first) = actuals.weeks().first() {
                                self.from_week = first.week;
                            }
                            Import::Read { name, weeks }
                        }
                    },
                });
            }
        }
        Vec::new()
    }

    /// The goal solved again from the last reported week (`engine::warning::replan_scenario`,
    /// the command line's code path).
    fn replan(
        &self,
        ws: &workspace::Model,
        goal: Option<&PlanGoal>,
    ) -> Result<Rc<Replanned>, ReplanProblem> {
        let computed = self
            .computed
            .as_ref()
            .ok_or(ReplanProblem::NothingReported)?;
        let (tracked, _) = computed
            .outcome
            .as_ref()
            .map_err(|_| ReplanProblem::NothingReported)?;
        let last = computed
            .actuals
            .weeks()
            .last()
            .ok_or(ReplanProblem::NothingReported)?;
        let (result, goal) = ws
            .result
            .as_ref()
            .zip(goal)
            .ok_or(ReplanProblem::Unsolved)?;
        let (params, goal) = warning::replan_scenario(
            &result.params,
            goal,
            &tracked.reference,
            computed.actuals.weeks(),
        )
        .ok_or(ReplanProblem::Unsolved)?;
        let plan = validate(&params)
            .ok()
            .and_then(|vp| crate::engine::plan::plan(&vp, &goal).ok())
            .ok_or(ReplanProblem::Unsolved)?;
        let from_week = last.week + 1;
        let before_hours_per_am = plan
            .cadence
            .weeks
            .iter()
            .map(|w| {
                tracked
                    .reference
                    .plan_hours_per_am
                    .get(from_week as usize + w.week)
                    .copied()
            })
            .collect();
        let start_loans_per_am = params.team.init_loans_per_am.unwrap_or_default();
        Ok(Rc::new(Replanned {
            from_week,
            start_date: format::week_date(result.start_date, from_week),
            start_loans_per_am,
            goal_loans_per_am: goal.target.at(start_loans_per_am, 0),
            plan,
            before_hours_per_am,
            version: self.replans + 2,
        }))
    }

    /// Writes reported weeks into the form, replacing what those weeks held.
    fn fill(&mut self, actuals: &Actuals) {
        for week in actuals.weeks() {
            for figure in Figure::ALL {
                let key = (week.week, figure);
                match figure.of(week) {
                    Some(value) => {
                        self.typed.insert(key, plain(value));
                    }
                    None => {
                        self.typed.remove(&key);
                    }
                }
            }
        }
    }

    /// The actuals a scenario carries, shown in the form: after a scenario is opened or restored.
    pub fn load(&mut self, actuals: &[WeekActuals]) {
        self.typed.clear();
        self.computed = None;
        self.replanned = None;
        if let Ok(checked) = Actuals::new(actuals.to_vec(), usize::MAX) {
            self.fill(&checked);
        }
        self.from_week = actuals
            .last()
            .map_or(0, |w| (w.week + 1).saturating_sub(FORM_WEEKS));
    }

    /// The figures typed that pass the checks, week by week, within the horizon: what the
    /// scenario keeps. A cell with a problem counts as not reported.
    #[must_use]
    pub fn actuals(&self, horizon_weeks: usize) -> Vec<WeekActuals> {
        let mut weeks: Vec<WeekActuals> = Vec::new();
        for (&(week, figure), text) in &self.typed {
            if week as usize >= horizon_weeks {
                continue;
            }
            let Ok(Some(value)) = read_cell(text) else {
                continue;
            };
            if weeks.last().is_none_or(|w| w.week != week) {
                weeks.push(WeekActuals {
                    week,
                    ..WeekActuals::default()
                });
            }
            if let Some(last) = weeks.last_mut() {
                figure.set(last, value);
            }
        }
        weeks
    }

    /// Sets the actuals beside their path for the workspace's result, unless that was done.
    pub fn refresh(&mut self, ws: &workspace::Model) {
        let Some(result) = &ws.result else {
            self.computed = None;
            return;
        };
        let horizon = result.ev.run.weeks.len();
        let Ok(actuals) = Actuals::new(result.params.actuals.clone(), horizon) else {
            self.computed = None;
            return;
        };
        if self
            .computed
            .as_ref()
            .is_some_and(|c| c.revision == ws.revision && c.actuals == actuals)
        {
            return;
        }
        let outcome = validate(&result.params)
            .map_err(PlanError::Scenario)
            .and_then(|vp| warning::tracked_path(&vp, result.params.plan.as_ref()))
            .map(|tracked| {
                let tracking = warning::track(&tracked.vp, &tracked.reference, &actuals);
                (tracked, tracking)
            });
        self.computed = Some(Rc::new(Computed {
            revision: ws.revision,
            actuals,
            outcome,
        }));
    }

    /// The actuals beside their path, as last refreshed.
    #[must_use]
    pub fn computed(&self) -> Option<&Rc<Computed>> {
        self.computed.as_ref()
    }

    /// The band's Monte Carlo output when it belongs to the path shown.
    #[must_use]
    pub fn band_output(&self) -> Option<&Rc<McOutput>> {
        self.bands.output_for(&band_key(self.tracked()?))
    }

    /// Runs done and asked for while the band of the path shown is running.
    #[must_use]
    pub fn band_progress(&self) -> Option<(u32, u32)> {
        self.bands.progress_for(&band_key(self.tracked()?))
    }

    /// Why the band of the path shown could not run.
    #[must_use]
    pub fn band_failure(&self) -> Option<&str> {
        self.bands.failure_for(&band_key(self.tracked()?))
    }

    fn tracked(&self) -> Option<&Tracked> {
        self.computed
            .as_ref()
            .and_then(|c| c.outcome.as_ref().ok())
            .map(|(tracked, _)| tracked)
    }

    /// Starts the band of the path shown (`runs` runs from `seed`) unless it is there, running or
    /// failed already. The page asks only while the Actuals view is on screen and the fan's own
    /// job is not running: the pool runs one Monte Carlo job at a time.
    pub fn follow_band(&mut self, runs: u32, seed: u64) -> Vec<Effect> {
        let Some(tracked) = self.tracked() else {
            return Vec::new();
        };
        let key = band_key(tracked);
        self.bands.follow(&key, runs, seed)
    }

    /// Another job took the pool: a band job running is cancelled, and starts again later.
    pub fn band_superseded(&mut self) {
        self.bands.superseded();
    }

    /// An answer from the pool about a band job; answers about an older job are dropped.
    pub fn band_event(&mut self, event: BandEvent) {
        self.bands.event(event);
    }
}

/// A re-plan's file name: its version and the Monday it starts (`cadence-plan-v2-2027-02-08.csv`).
#[must_use]
pub fn replan_file_name(r: &Replanned, extension: &str) -> String {
    format!(
        "cadence-plan-v{}-{}.{extension}",
        r.version,
        r.start_date.format("%Y-%m-%d")
    )
}

/// What an imported file is read against: the run's horizon, the Monday of its week 0 (an activity
/// file dates its weeks) and the team's AMs.
fn import_frame(ws: &workspace::Model) -> actuals_csv::Frame {
    actuals_csv::Frame {
        horizon_weeks: horizon_of(ws),
        week0: Some(ws.result.as_ref().map_or(ws.start_date, |r| r.start_date)),
        ams: ws.params.team.ams,
    }
}

/// The weeks of the workspace's last valid run (0 before any).
#[must_use]
pub fn horizon_of(ws: &workspace::Model) -> usize {
    ws.result.as_ref().map_or(0, |r| r.ev.run.weeks.len())
}

/// A figure as the form shows it: up to three decimals, no grouping (so it reads back as typed).
fn plain(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws() -> workspace::Model {
        workspace::Model::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"))
    }

    fn act(model: &mut Model, action: Action) {
        model.update(action, &ws(), None, Lang::En);
    }

    fn edit(model: &mut Model, week: u32, figure: Figure, text: &str) {
        act(
            model,
            Action::Edit {
                week,
                figure,
                text: text.to_owned(),
            },
        );
    }

    #[test]
    fn typed_figures_become_weeks_and_bad_cells_are_kept_but_not_used() {
        let mut model = Model::default();
        edit(&mut model, 3, Figure::NewLoans, "8");
        edit(&mut model, 3, Figure::Leads, "1,200");
        edit(&mut model, 1, Figure::ProspectingHours, "８.５");
        edit(&mut model, 2, Figure::Applications, "ten");
        edit(&mut model, 2, Figure::Approvals, "-1");
        let weeks = model.actuals(52);
        assert_eq!(weeks.iter().map(|w| w.week).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(weeks[0].prospecting_hours, Some(8.5));
        assert_eq!(weeks[1].leads, Some(1200.0));
        assert_eq!(
            model
                .typed
                .get(&(2, Figure::Applications))
                .map(String::as_str),
            Some("ten"),
            "what was typed stays"
        );
        assert_eq!(read_cell("ten"), Err(CellProblem::NotANumber("ten".into())));
        assert_eq!(read_cell("-1"), Err(CellProblem::Negative(-1.0)));
        assert_eq!(read_cell("  "), Ok(None));
        // Weeks beyond the horizon are not the scenario's.
        assert_eq!(model.actuals(2).len(), 1);
    }

    #[test]
    fn an_imported_file_fills_its_weeks_and_a_refused_one_changes_nothing() {
        let mut model = Model::default();
        edit(&mut model, 0, Figure::NewLoans, "5");
        edit(&mut model, 17, Figure::Leads, "99");
        let before = model.typed.clone();
        act(
            &mut model,
            Action::ImportCsv {
                name: "bad.csv".into(),
                content: Ok("week,new_loans\n16,x\n".into()),
            },
        );
        assert_eq!(model.typed, before, "nothing lost");
        let Some(Import::Refused { errors, .. }) = &model.import else {
            panic!("refused: {:?}", model.import);
        };
        assert_eq!((errors[0].row, errors[0].column.as_str()), (1, "new_loans"));
        act(
            &mut model,
            Action::ImportCsv {
                name: "weeks.csv".into(),
                content: Ok("week,new_loans,leads\n16,8,23\n17,7.25,\n".into()),
            },
        );
        assert_eq!(
            model.import,
            Some(Import::Read {
                name: "weeks.csv".into(),
                weeks: 2
            })
        );
        assert_eq!(model.from_week, 16);
        let weeks = model.actuals(52);
        assert_eq!(weeks.len(), 3);
        assert_eq!(weeks[2].new_loans, Some(7.25));
        assert_eq!(
            weeks[2].leads, None,
            "the file's empty cell replaces week 17's"
        );
        assert_eq!(weeks[0].new_loans, Some(5.0), "other weeks stay");
    }

    #[test]
    fn loaded_actuals_show_in_the_form_and_read_back_the_same() {
        let weeks = vec![
            WeekActuals {
                week: 20,
                new_loans: Some(8.0),
                prospecting_hours: Some(8.8),
                ..WeekActuals::default()
            },
            WeekActuals {
                week: 22,
                leads: Some(17.125),
                ..WeekActuals::default()
            },
        ];
        let mut model = Model::default();
        model.load(&weeks);
        assert_eq!(model.actuals(52), weeks);
        assert_eq!(model.from_week, 17, "the last weeks reported are in view");
    }
}
