//! The plan slice: a goal (as typed, checked at once, solved when typing pauses), the plan that
//! meets it from the workspace's last valid scenario, and the files made from it.
//!
//! A goal with errors keeps the last plan on screen (marked out of date) with the message next to
//! the field. The plan is solved again only when the scenario's result or the settled goal changes.

pub mod panel;
pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::rc::Rc;

use chrono::NaiveDate;

use crate::engine::params::Params;
use crate::engine::plan::{self, MixChoice, Objective, Plan, PlanError, PlanGoal};
use crate::engine::validate;
use crate::i18n::Lang;
use crate::scenario::plan_out;
use crate::ui::effect::{Download, Effect};
use crate::ui::workspace;
use view::{parse_goal, GoalForm, GoalInput, CSV_FILE, ICS_FILE};

/// The plan follows typing this long after the last keystroke (solving takes a good tenth of a
/// second in the browser; messages about the text show at once).
pub const SETTLE_MS: u32 = 250;

/// The element id of the plan's result (focused when the start band opens the plan).
pub const RESULT_ID: &str = "plan-result";

/// A solved plan with the scenario and start date it was solved for.
#[derive(Debug)]
pub struct Solved {
    pub plan: Plan,
    pub params: Params,
    pub start_date: NaiveDate,
}

/// What a person does with the goal and the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed text in a goal input: checked at once, solved when typing pauses.
    EditGoal(GoalInput, String),
    /// Typing paused: solve the goal typed by then (`ticket` names the edit it follows).
    Settle(u64),
    /// Grow to the target by a week (`true`) or reach it and hold it.
    SetGrowth(bool),
    SetObjective(Objective),
    /// Follow the plan's mix, or keep the scenario's own (plan the hours only).
    SetMix(MixChoice),
    /// Plan hours in blocks of this many hours per AM.
    SetBlock(f64),
    /// Puts calendar blocks on a weekday (0 = Monday), or takes them off it.
    ToggleWeekday(usize),
    /// One calendar event per week for the team (`true`) or for each AM.
    SetCalendarPerTeam(bool),
    DownloadCsv,
    /// The calendar, stamped with today's date.
    DownloadIcs {
        today: NaiveDate,
    },
    Print,
}

/// The outcome solved for one scenario revision and goal.
#[derive(Debug, Clone)]
struct Solution {
    revision: u64,
    goal: Option<PlanGoal>,
    outcome: Option<Result<Rc<Solved>, PlanError>>,
}

/// The goal form and the plans solved from it.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The goal as typed (checked at once).
    pub form: GoalForm,
    /// The goal as it was when typing paused (solved).
    pub settled: GoalForm,
    /// Counts edits, so only the last keystroke's settle is solved.
    ticket: u64,
    solution: Option<Solution>,
    /// The last plan solved, shown (marked out of date) while the goal has errors.
    last: Option<Rc<Solved>>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.form == other.form && self.settled == other.settled && self.ticket == other.ticket
    }
}

impl Model {
    /// Applies one action. The page then keeps a changed, valid goal in the scenario and solves
    /// the plan again (`refresh`).
    pub fn update(&mut self, action: Action, ws: &workspace::Model, lang: Lang) -> Vec<Effect> {
        self.refresh(ws, lang);
        match action {
            Action::EditGoal(input, text) => {
                self.form = self.form.with_text(input, text);
                self.ticket += 1;
                return vec![Effect::SettleGoal {
                    ticket: self.ticket,
                    ms: SETTLE_MS,
                }];
            }
            Action::Settle(ticket) => {
                if ticket == self.ticket {
                    self.settled = self.form.clone();
                }
            }
            // A choice in a list is solved at once (and outdates a pending settle).
            Action::SetGrowth(growth) => self.settle_now(|f| f.growth = growth),
            Action::SetObjective(objective) => self.settle_now(|f| f.objective = objective),
            Action::SetMix(mix) => self.settle_now(|f| f.mix = mix),
            Action::SetBlock(hours) => self.settle_now(|f| f.block_hours = hours),
            Action::ToggleWeekday(day) => self.settle_now(|f| {
                if let Some(on) = f.weekdays.get_mut(day) {
                    *on = !*on;
                }
            }),
            Action::SetCalendarPerTeam(team) => {
                self.settle_now(|f| f.calendar_per_team = team);
            }
            Action::DownloadCsv => {
                if let Some(s) = self.shown(ws, lang) {
                    return vec![Effect::Download(Download {
                        file_name: CSV_FILE.to_owned(),
                        mime: "text/csv;charset=utf-8",
                        text: plan_out::plan_csv(&s.plan, s.start_date, lang),
                    })];
                }
            }
            Action::DownloadIcs { today } => {
                if let Some(s) = self.shown(ws, lang) {
                    let stamp = today.and_hms_opt(0, 0, 0).unwrap_or_default();
                    return vec![Effect::Download(Download {
                        file_name: ICS_FILE.to_owned(),
                        mime: "text/calendar;charset=utf-8",
                        text: plan_out::plan_ics(&s.plan, s.start_date, lang, stamp),
                    })];
                }
            }
            Action::Print => return vec![Effect::Print],
        }
        Vec::new()
    }

    fn settle_now(&mut self, change: impl FnOnce(&mut GoalForm)) {
        change(&mut self.form);
        self.ticket += 1;
        self.settled = self.form.clone();
    }

    /// The goal the scenario carries, shown in the form (the default goal when it has none):
    /// after a scenario is opened, a preset loaded, or the page restored.
    pub fn load(&mut self, params: &Params) {
        self.form = params
            .plan
            .as_ref()
            .map_or_else(GoalForm::default, |goal| GoalForm::of_goal(goal, params));
        self.settled = self.form.clone();
        self.ticket += 1;
    }

    /// The settled goal, when it is valid: what the scenario keeps as its plan goal.
    #[must_use]
    pub fn settled_goal(&self, params: &Params, lang: Lang) -> Option<PlanGoal> {
        parse_goal(&self.settled, params, lang).ok()
    }

    /// Solves the settled goal for the workspace's result, unless that was done already.
    pub fn refresh(&mut self, ws: &workspace::Model, lang: Lang) {
        let Some(result) = &ws.result else {
            self.solution = None;
            return;
        };
        let goal = parse_goal(&self.settled, &result.params, lang).ok();
        if self
            .solution
            .as_ref()
            .is_some_and(|s| s.revision == ws.revision && s.goal == goal)
        {
            return;
        }
        let outcome = goal.as_ref().map(|goal| {
            validate(&result.params)
                .map_err(PlanError::Scenario)
                .and_then(|valid| plan::plan(&valid, goal))
                .map(|plan| {
                    Rc::new(Solved {
                        plan,
                        params: result.params.clone(),
                        start_date: result.start_date,
                    })
                })
        });
        if let Some(Ok(solved)) = &outcome {
            self.last = Some(Rc::clone(solved));
        }
        self.solution = Some(Solution {
            revision: ws.revision,
            goal,
            outcome,
        });
    }

    /// The outcome of the settled goal: a plan, why there is none, or nothing yet.
    #[must_use]
    pub fn outcome(&self) -> Option<&Result<Rc<Solved>, PlanError>> {
        self.solution.as_ref().and_then(|s| s.outcome.as_ref())
    }

    /// Whether the goal as typed has errors (the plan shown is then the last one, out of date).
    #[must_use]
    pub fn goal_has_errors(&self, ws: &workspace::Model, lang: Lang) -> bool {
        ws.result
            .as_ref()
            .is_some_and(|r| parse_goal(&self.form, &r.params, lang).is_err())
    }

    /// The plan on screen: the one solved for the settled goal, else (while the goal as typed has
    /// errors) the last one solved.
    #[must_use]
    pub fn shown(&self, ws: &workspace::Model, lang: Lang) -> Option<Rc<Solved>> {
        match self.outcome() {
            Some(Ok(current)) => Some(Rc::clone(current)),
            _ if self.goal_has_errors(ws, lang) => self.last.clone(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn workspace() -> workspace::Model {
        workspace::Model::new(NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"))
    }

    fn settle(model: &mut Model, ws: &workspace::Model, effects: &[Effect]) {
        let Some(Effect::SettleGoal { ticket, ms }) = effects.first() else {
            panic!("typing asks to settle: {effects:?}");
        };
        assert_eq!(*ms, SETTLE_MS);
        model.update(Action::Settle(*ticket), ws, Lang::En);
        // The page solves again after every action (when the plan is on screen).
        model.refresh(ws, Lang::En);
    }

    #[test]
    fn the_goal_is_solved_when_typing_pauses_and_only_for_the_last_keystroke() {
        let ws = workspace();
        let mut model = Model::default();
        model.refresh(&ws, Lang::En);
        let first = model
            .shown(&ws, Lang::En)
            .expect("the default goal is planned");
        let early = model.update(
            Action::EditGoal(GoalInput::Target, "13".into()),
            &ws,
            Lang::En,
        );
        let late = model.update(
            Action::EditGoal(GoalInput::Target, "130".into()),
            &ws,
            Lang::En,
        );
        // The first keystroke's settle comes late: it is ignored.
        settle(&mut model, &ws, &early);
        assert!(Rc::ptr_eq(
            &model.shown(&ws, Lang::En).expect("plan"),
            &first
        ));
        settle(&mut model, &ws, &late);
        let solved = model.shown(&ws, Lang::En).expect("plan");
        assert!(!Rc::ptr_eq(&solved, &first), "130 per AM is planned");
        assert_eq!(model.settled.target, "130");
    }

    #[test]
    fn a_goal_with_errors_keeps_the_last_plan_and_lists_are_solved_at_once() {
        let ws = workspace();
        let mut model = Model::default();
        model.refresh(&ws, Lang::En);
        let last = model.shown(&ws, Lang::En).expect("plan");
        let effects = model.update(
            Action::EditGoal(GoalInput::Weeks, "x".into()),
            &ws,
            Lang::En,
        );
        settle(&mut model, &ws, &effects);
        assert!(model.goal_has_errors(&ws, Lang::En));
        assert!(
            Rc::ptr_eq(&model.shown(&ws, Lang::En).expect("kept"), &last),
            "the last plan stays on screen"
        );
        let effects = model.update(
            Action::EditGoal(GoalInput::Weeks, "26".into()),
            &ws,
            Lang::En,
        );
        assert!(!effects.is_empty());
        // Choosing the objective solves at once, with the weeks typed so far.
        model.update(Action::SetObjective(Objective::MostProfit), &ws, Lang::En);
        model.refresh(&ws, Lang::En);
        assert_eq!(model.settled.weeks, "26");
        assert_eq!(model.settled.objective, Objective::MostProfit);
        assert!(!Rc::ptr_eq(
            &model.shown(&ws, Lang::En).expect("plan"),
            &last
        ));
    }

    #[test]
    fn downloads_are_the_plan_shown_as_files() {
        let ws = workspace();
        let mut model = Model::default();
        model.refresh(&ws, Lang::En);
        let csv = model.update(Action::DownloadCsv, &ws, Lang::En);
        let Some(Effect::Download(file)) = csv.first() else {
            panic!("a download: {csv:?}");
        };
        assert_eq!(file.file_name, CSV_FILE);
        assert!(file.text.starts_with('\u{feff}'), "a byte-order mark");
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let ics = model.update(Action::DownloadIcs { today }, &ws, Lang::En);
        let Some(Effect::Download(file)) = ics.first() else {
            panic!("a download: {ics:?}");
        };
        assert!(
            file.text.contains("DTSTAMP:20261201T000000Z"),
            "stamped today"
        );
        assert_eq!(
            model.update(Action::Print, &ws, Lang::En),
            vec![Effect::Print]
        );
    }
}
