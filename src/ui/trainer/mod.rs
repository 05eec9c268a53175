//! The trainer slice: the lessons gallery, the play clock, the stage, the decision form and log,
//! and the fault narration.
//!
//! The clock only decides how many weeks the charts draw; the run is always the engine's whole
//! horizon, computed from the scenario and its decision log (the workspace's draft). The decision
//! form lives here, as typed, so it is tested natively; a decision it accepts is recorded in the
//! workspace's scenario.

pub mod clock;
pub mod narration;
pub mod presets;
pub mod stage;
pub mod view;

#[cfg(feature = "web")]
pub mod components;

use crate::i18n::Lang;
use crate::ui::effect::Effect;
use crate::ui::workspace;
use clock::{Play, PlayAction};
use view::{decision, DecisionChoice, DecisionProblem};

/// The decision form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionForm {
    pub choice: DecisionChoice,
    pub value: String,
    pub duration: String,
    /// What was wrong with the last attempt, in the language it was made in.
    pub problem: Option<DecisionProblem>,
    /// The week a decision was last recorded at (0-based), for the form's confirmation.
    pub recorded: Option<u32>,
}

impl Default for DecisionForm {
    fn default() -> Self {
        DecisionForm::of(DecisionChoice::Floor)
    }
}

impl DecisionForm {
    /// A fresh form for a kind of decision, with its default value and duration.
    #[must_use]
    pub fn of(choice: DecisionChoice) -> DecisionForm {
        DecisionForm {
            choice,
            value: choice.value().map_or("", |v| v.1).to_owned(),
            duration: choice.default_duration().to_owned(),
            problem: None,
            recorded: None,
        }
    }
}

/// What the presenter does on the stage and in the gallery.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The clock's controls and keys.
    Play(PlayAction),
    /// Loads a preset (by id) with one of its policy variants and shows it in the workspace.
    OpenPreset(String, usize),
    /// Loads a preset with one of its policy variants and puts it on the stage at week 1.
    PlayPreset(String, usize),
    ChooseDecision(DecisionChoice),
    EditDecisionValue(String),
    EditDecisionDuration(String),
    /// Records the decision the form describes at the week shown.
    Decide,
    /// Removes a decision (by index into the log).
    Undecide(usize),
    /// Drops the decisions that start after the week the clock shows (rewinding the story).
    DropLaterDecisions,
    /// Back to week 1 and play.
    Replay,
    ToggleFullScreen,
}

/// What a key does on the stage, given whether the presenter view and the shortcuts list are on;
/// `None` leaves the key to the browser.
#[must_use]
pub fn shortcut(key: &str, presenter: bool, shortcuts: bool) -> Option<Action> {
    Some(match key {
        " " | "Spacebar" => Action::Play(PlayAction::Toggle),
        "ArrowRight" => Action::Play(PlayAction::Forward),
        "ArrowLeft" => Action::Play(PlayAction::Back),
        "r" | "R" => Action::Play(PlayAction::Rewind),
        "f" | "F" => Action::ToggleFullScreen,
        "p" | "P" => Action::Play(PlayAction::SetPresenter(!presenter)),
        "?" => Action::Play(PlayAction::SetShortcuts(!shortcuts)),
        "Escape" => Action::Play(PlayAction::SetShortcuts(false)),
        _ => return None,
    })
}

/// The clock and the decision form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub play: Play,
    pub form: DecisionForm,
}

impl Model {
    /// Applies one action to the clock, the form and, for decisions and presets, the workspace.
    /// Switching the view for `OpenPreset` and `PlayPreset` is the page's.
    pub fn update(&mut self, action: Action, ws: &mut workspace::Model, lang: Lang) -> Vec<Effect> {
        match action {
            Action::Play(action) => {
                let presenter = self.play.presenter;
                self.play = self.play.apply(action, ws.horizon());
                if self.play.presenter && !presenter {
                    // Entering the presenter view starts at the top, with the clock on screen.
                    return vec![Effect::ScrollToTop];
                }
            }
            Action::OpenPreset(id, variant) => {
                ws.load_preset(&id, variant);
                self.play.lesson = None;
            }
            Action::PlayPreset(id, variant) => {
                if ws.load_preset(&id, variant) {
                    self.play.week = 0;
                    self.play.playing = false;
                    self.play.lesson = Some((id, variant));
                    // The stage is below the gallery: bring it into view with the focus on it, so
                    // the keys (Space, →) drive the clock at once.
                    return vec![Effect::Focus("stage-title")];
                }
            }
            Action::ChooseDecision(choice) => self.form = DecisionForm::of(choice),
            Action::EditDecisionValue(text) => self.form.value = text,
            Action::EditDecisionDuration(text) => self.form.duration = text,
            Action::Decide => {
                let week = self.play.week;
                match decision(
                    self.form.choice,
                    &self.form.value,
                    &self.form.duration,
                    week,
                    &ws.params,
                    lang,
                ) {
                    Ok(shock) => {
                        self.form.problem = None;
                        self.form.recorded = Some(week);
                        ws.decide(shock);
                    }
                    Err(problem) => {
                        self.form.recorded = None;
                        self.form.problem = Some(problem);
                    }
                }
            }
            Action::Undecide(index) => ws.undecide(index),
            Action::DropLaterDecisions => ws.drop_decisions_after(self.play.week),
            Action::Replay => {
                let horizon = ws.horizon();
                self.play = self
                    .play
                    .apply(PlayAction::Rewind, horizon)
                    .apply(PlayAction::Toggle, horizon);
            }
            Action::ToggleFullScreen => return vec![Effect::ToggleFullScreen],
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::params::{ProspectingChange, ShockKind};
    use crate::engine::presets;
    use chrono::NaiveDate;

    fn fault() -> workspace::Model {
        let preset = presets::get("fault").expect("preset");
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("date");
        workspace::Model::with(preset.params.clone(), start)
    }

    #[test]
    fn the_decision_form_records_at_the_week_shown_or_says_what_is_wrong() {
        let mut ws = fault();
        let mut trainer = Model::default();
        trainer.update(Action::Play(PlayAction::Seek(20)), &mut ws, Lang::En);
        trainer.update(Action::EditDecisionValue("four".into()), &mut ws, Lang::En);
        trainer.update(Action::Decide, &mut ws, Lang::En);
        assert!(
            matches!(&trainer.form.problem, Some(DecisionProblem::Value(m)) if m.contains("number"))
        );
        assert!(ws.params.interventions.is_empty(), "nothing recorded");
        trainer.update(Action::EditDecisionValue("4".into()), &mut ws, Lang::En);
        trainer.update(Action::Decide, &mut ws, Lang::En);
        assert_eq!(trainer.form.problem, None);
        assert_eq!(trainer.form.recorded, Some(20));
        assert_eq!(ws.params.interventions.len(), 1);
        assert_eq!(
            ws.params.interventions[0].kind,
            ShockKind::Prospecting {
                change: ProspectingChange::Floor { hours: 4.0 }
            }
        );
        assert!(
            ws.ghost.is_some(),
            "the run without the decision is the ghost"
        );
        // Another kind starts from its own defaults.
        trainer.update(
            Action::ChooseDecision(DecisionChoice::Burst),
            &mut ws,
            Lang::En,
        );
        assert_eq!(trainer.form, DecisionForm::of(DecisionChoice::Burst));
        assert_eq!(
            (trainer.form.value.as_str(), trainer.form.duration.as_str()),
            ("6", "2")
        );
        // Rewind and drop what comes later.
        trainer.update(Action::Play(PlayAction::Seek(10)), &mut ws, Lang::En);
        trainer.update(Action::DropLaterDecisions, &mut ws, Lang::En);
        assert!(ws.params.interventions.is_empty());
    }

    #[test]
    fn keys_drive_the_clock_and_the_presenter_view() {
        assert_eq!(
            shortcut(" ", false, false),
            Some(Action::Play(PlayAction::Toggle))
        );
        assert_eq!(
            shortcut("ArrowRight", false, false),
            Some(Action::Play(PlayAction::Forward))
        );
        assert_eq!(
            shortcut("P", false, false),
            Some(Action::Play(PlayAction::SetPresenter(true)))
        );
        assert_eq!(
            shortcut("p", true, false),
            Some(Action::Play(PlayAction::SetPresenter(false)))
        );
        assert_eq!(
            shortcut("?", false, true),
            Some(Action::Play(PlayAction::SetShortcuts(false)))
        );
        assert_eq!(shortcut("f", false, false), Some(Action::ToggleFullScreen));
        assert_eq!(shortcut("x", false, false), None);
    }
}
