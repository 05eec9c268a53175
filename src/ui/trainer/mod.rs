//! The trainer slice: the lessons gallery, the play clock, the stage, the decision form and log,
//! the fault narration, the lesson's comparison and the debrief.
//!
//! The clock only decides how many weeks the charts draw; the run is always the engine's whole
//! horizon, computed from the scenario and its decision log (the workspace's draft). The decision
//! form lives here, as typed, so it is tested natively; a decision it accepts is recorded in the
//! workspace's scenario. The lesson's comparison run is kept here, computed again whenever the
//! scenario or the lesson changes.

pub mod clock;
pub mod debrief;
pub mod lesson;
pub mod narration;
pub mod presets;
pub mod stage;
pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::rc::Rc;

use crate::i18n::Lang;
use crate::ui::effect::Effect;
use crate::ui::workspace::{self, Computed};
use clock::{Play, PlayAction};
use lesson::Lesson;
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
    /// Back to week 1, playing at once only if the presenter chose auto-play.
    Replay,
    ToggleFullScreen,
    /// Opens or closes the decision form over the stage (the presenter view's overlay; in the
    /// page's own layout it only takes the focus).
    SetDeciding(bool),
    /// Opens or closes the debrief.
    SetDebrief(bool),
    /// Esc: closes what is open over the stage, or leaves the presenter view.
    Escape,
    /// Prints the debrief.
    PrintDebrief,
}

/// A key as the browser reported it: `key` is what it types (`"p"`, `" "`, `"Process"` while an
/// input method composes), `code` the physical key (`"KeyP"`), for layouts and input methods that
/// report no usable `key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub code: &'a str,
    pub shift: bool,
}

/// What is on screen when a key is pressed.
// Each is its own switch on screen; the keys read them together.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyState {
    pub presenter: bool,
    pub shortcuts: bool,
    /// The decision form covers the stage (the presenter view's overlay).
    pub deciding: bool,
    pub debrief: bool,
}

/// The key a press stands for, the same whatever the language: full-width characters (as a
/// Chinese input method types them) become their ASCII twins, and a press the input method kept
/// (`Process`, `Unidentified`) is read from its physical key.
fn normalised(press: KeyPress<'_>) -> String {
    let from_code = || -> Option<String> {
        let code = press.code;
        if let Some(letter) = code.strip_prefix("Key") {
            return Some(letter.to_ascii_lowercase());
        }
        Some(
            match code {
                "Space" => " ",
                "Slash" if press.shift => "?",
                "ArrowRight" | "ArrowLeft" | "Escape" => code,
                _ => return None,
            }
            .to_owned(),
        )
    };
    match press.key {
        "Process" | "Unidentified" | "" => from_code().unwrap_or_default(),
        key => key
            .chars()
            .map(|c| match u32::from(c) {
                // U+FF01..U+FF5E are the full-width forms of U+0021..U+007E; U+3000 is a wide space.
                code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
                0x3000 => ' ',
                _ => c,
            })
            .collect(),
    }
}

/// What a key does on the stage; `None` leaves the key to the browser. Every key the shortcuts
/// list names is here, and no other.
#[must_use]
pub fn shortcut(press: KeyPress<'_>, state: KeyState) -> Option<Action> {
    let key = normalised(press);
    // Under the decision form or the debrief the clock rests, so a key meant for them never moves
    // the week the room is looking at.
    let covered = state.deciding || state.debrief;
    let clock = |action| (!covered).then_some(Action::Play(action));
    match key.as_str() {
        " " | "Spacebar" => clock(PlayAction::Toggle),
        "ArrowRight" => clock(PlayAction::Forward),
        "ArrowLeft" => clock(PlayAction::Back),
        "r" | "R" => clock(PlayAction::Rewind),
        "f" | "F" => Some(Action::ToggleFullScreen),
        "p" | "P" => Some(Action::Play(PlayAction::SetPresenter(!state.presenter))),
        "?" => Some(Action::Play(PlayAction::SetShortcuts(!state.shortcuts))),
        "d" | "D" => Some(Action::SetDeciding(!state.deciding)),
        "e" | "E" => Some(Action::SetDebrief(!state.debrief)),
        "Escape" | "Esc" => Some(Action::Escape),
        _ => None,
    }
}

/// The clock, the decision form, what is open over the stage and the lesson's comparison.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub play: Play,
    pub form: DecisionForm,
    /// The decision form is open (over the stage in the presenter view).
    pub deciding: bool,
    /// The debrief is open.
    pub debrief: bool,
    /// The run of the lesson's comparison scenario, when a lesson with one is on stage.
    pub comparison: Option<Rc<Computed>>,
    /// The scenario revision and lesson `comparison` was computed for.
    comparison_of: Option<(u64, Option<(String, usize)>)>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.play == other.play
            && self.form == other.form
            && self.deciding == other.deciding
            && self.debrief == other.debrief
            && self.comparison_of == other.comparison_of
    }
}

impl Model {
    /// The lesson on stage with what it is compared with, if a preset was put on stage.
    #[must_use]
    pub fn lesson(&self) -> Option<Lesson> {
        self.play
            .lesson
            .as_ref()
            .map(|(id, variant)| Lesson::of(id, *variant))
    }

    /// Whether the decision form or the debrief covers the stage, so the clock's keys rest.
    #[must_use]
    pub fn covered(&self) -> bool {
        let keys = self.key_state();
        keys.deciding || keys.debrief
    }

    /// What the keys see on screen.
    #[must_use]
    pub fn key_state(&self) -> KeyState {
        KeyState {
            presenter: self.play.presenter,
            shortcuts: self.play.shortcuts,
            deciding: self.deciding && self.play.presenter,
            debrief: self.debrief,
        }
    }

    /// Runs the lesson's comparison scenario again if the scenario or the lesson changed since it
    /// was last run: the comparison is the current scenario (without the decisions) changed by the
    /// lesson's counterfactual, so an edit in the workspace moves both runs.
    pub fn refresh_comparison(&mut self, ws: &workspace::Model) {
        let key = (ws.revision, self.play.lesson.clone());
        if self.comparison_of.as_ref() == Some(&key) {
            return;
        }
        self.comparison = self
            .lesson()
            .and_then(|lesson| lesson.comparison)
            .and_then(|c| Computed::run(&c.apply(&ws.params), ws.start_date).ok())
            .map(Rc::new);
        self.comparison_of = Some(key);
    }

    /// Applies one action to the clock, the form and, for decisions and presets, the workspace.
    /// Switching the view for `OpenPreset` and `PlayPreset` is the page's.
    pub fn update(&mut self, action: Action, ws: &mut workspace::Model, lang: Lang) -> Vec<Effect> {
        match action {
            Action::Play(action) => {
                let before = self.play.clone();
                self.play = self.play.apply(action, ws.horizon());
                if self.play.presenter != before.presenter {
                    // The view starts at the top, with the clock on screen, and the focus on the
                    // stage's title rather than on the button pressed: the keys drive the clock,
                    // and no focus ring stays on a button for the whole talk.
                    return vec![Effect::ScrollToTop, Effect::Focus("stage-title")];
                }
                if before.playing && !self.play.playing && action == PlayAction::Tick {
                    // The play reached the last week: the debrief closes the lesson.
                    self.debrief = true;
                    return vec![Effect::Focus("debrief-title")];
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
                    self.debrief = false;
                    self.deciding = false;
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
                self.play = self.play.apply(PlayAction::Rewind, horizon);
                if self.play.autoplay {
                    self.play = self.play.apply(PlayAction::Toggle, horizon);
                }
                let covered = self.covered();
                self.debrief = false;
                self.deciding = false;
                if covered {
                    return vec![Effect::Focus("stage-title")];
                }
            }
            Action::ToggleFullScreen => return vec![Effect::ToggleFullScreen],
            Action::SetDeciding(open) => {
                self.deciding = open;
                self.debrief = false;
                if open {
                    self.play.playing = false;
                    return vec![Effect::Focus("decide-kind")];
                }
                return vec![Effect::Focus("stage-title")];
            }
            Action::SetDebrief(open) => {
                self.debrief = open;
                self.deciding = false;
                if open {
                    self.play.playing = false;
                    return vec![Effect::Focus("debrief-title")];
                }
                return vec![Effect::Focus("stage-title")];
            }
            Action::Escape => {
                if self.debrief || self.deciding {
                    self.debrief = false;
                    self.deciding = false;
                    return vec![Effect::Focus("stage-title")];
                }
                if self.play.shortcuts {
                    self.play.shortcuts = false;
                } else if self.play.presenter {
                    self.play.presenter = false;
                    return vec![Effect::ScrollToTop, Effect::Focus("stage-title")];
                }
            }
            Action::PrintDebrief => return vec![Effect::Print],
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

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            code: "",
            shift: false,
        }
    }

    #[test]
    fn keys_drive_the_clock_and_the_presenter_view() {
        let plain = KeyState::default();
        assert_eq!(
            shortcut(press(" "), plain),
            Some(Action::Play(PlayAction::Toggle))
        );
        assert_eq!(
            shortcut(press("ArrowRight"), plain),
            Some(Action::Play(PlayAction::Forward))
        );
        assert_eq!(
            shortcut(press("P"), plain),
            Some(Action::Play(PlayAction::SetPresenter(true)))
        );
        let presenter = KeyState {
            presenter: true,
            ..plain
        };
        assert_eq!(
            shortcut(press("p"), presenter),
            Some(Action::Play(PlayAction::SetPresenter(false)))
        );
        let listed = KeyState {
            shortcuts: true,
            ..plain
        };
        assert_eq!(
            shortcut(press("?"), listed),
            Some(Action::Play(PlayAction::SetShortcuts(false)))
        );
        assert_eq!(shortcut(press("f"), plain), Some(Action::ToggleFullScreen));
        assert_eq!(shortcut(press("d"), plain), Some(Action::SetDeciding(true)));
        assert_eq!(shortcut(press("E"), plain), Some(Action::SetDebrief(true)));
        assert_eq!(shortcut(press("Escape"), plain), Some(Action::Escape));
        assert_eq!(shortcut(press("x"), plain), None);
        // Under the decision form or the debrief the clock rests; the overlay's own keys work.
        let covered = KeyState {
            deciding: true,
            ..presenter
        };
        assert_eq!(shortcut(press(" "), covered), None);
        assert_eq!(shortcut(press("ArrowRight"), covered), None);
        assert_eq!(
            shortcut(press("d"), covered),
            Some(Action::SetDeciding(false))
        );
        assert_eq!(
            shortcut(press("e"), covered),
            Some(Action::SetDebrief(true))
        );
        assert_eq!(shortcut(press("Escape"), covered), Some(Action::Escape));
    }

    #[test]
    fn keys_are_the_same_under_a_chinese_input_method() {
        let plain = KeyState::default();
        // Full-width characters, as a Chinese input method types them.
        assert_eq!(
            shortcut(press("？"), plain),
            Some(Action::Play(PlayAction::SetShortcuts(true)))
        );
        assert_eq!(
            shortcut(press("ｐ"), plain),
            Some(Action::Play(PlayAction::SetPresenter(true)))
        );
        assert_eq!(
            shortcut(press("\u{3000}"), plain),
            Some(Action::Play(PlayAction::Toggle))
        );
        // A key the input method kept is read from the physical key.
        let composing = |code, shift| KeyPress {
            key: "Process",
            code,
            shift,
        };
        assert_eq!(
            shortcut(composing("KeyR", false), plain),
            Some(Action::Play(PlayAction::Rewind))
        );
        assert_eq!(
            shortcut(composing("Space", false), plain),
            Some(Action::Play(PlayAction::Toggle))
        );
        assert_eq!(
            shortcut(composing("Slash", true), plain),
            Some(Action::Play(PlayAction::SetShortcuts(true)))
        );
        assert_eq!(shortcut(composing("Slash", false), plain), None);
        assert_eq!(shortcut(composing("Digit1", false), plain), None);
    }

    #[test]
    fn replay_waits_for_space_unless_auto_play_was_chosen() {
        let mut ws = fault();
        let mut trainer = Model::default();
        trainer.update(Action::Play(PlayAction::Seek(30)), &mut ws, Lang::En);
        trainer.update(Action::Replay, &mut ws, Lang::En);
        assert_eq!((trainer.play.week, trainer.play.playing), (0, false));
        trainer.update(
            Action::Play(PlayAction::SetAutoplay(true)),
            &mut ws,
            Lang::En,
        );
        trainer.update(Action::Play(PlayAction::Seek(30)), &mut ws, Lang::En);
        trainer.update(Action::Replay, &mut ws, Lang::En);
        assert_eq!((trainer.play.week, trainer.play.playing), (0, true));
    }

    #[test]
    fn escape_closes_what_is_open_then_leaves_the_presenter_view() {
        let mut ws = fault();
        let mut trainer = Model::default();
        trainer.update(
            Action::Play(PlayAction::SetPresenter(true)),
            &mut ws,
            Lang::En,
        );
        let effects = trainer.update(Action::SetDeciding(true), &mut ws, Lang::En);
        assert_eq!(effects, vec![Effect::Focus("decide-kind")]);
        assert!(trainer.covered());
        let effects = trainer.update(Action::Escape, &mut ws, Lang::En);
        assert_eq!(effects, vec![Effect::Focus("stage-title")]);
        assert!(!trainer.deciding && trainer.play.presenter);
        trainer.update(
            Action::Play(PlayAction::SetShortcuts(true)),
            &mut ws,
            Lang::En,
        );
        trainer.update(Action::Escape, &mut ws, Lang::En);
        assert!(!trainer.play.shortcuts && trainer.play.presenter);
        trainer.update(Action::SetDebrief(true), &mut ws, Lang::En);
        trainer.update(Action::Escape, &mut ws, Lang::En);
        assert!(!trainer.debrief && trainer.play.presenter);
        trainer.update(Action::Escape, &mut ws, Lang::En);
        assert!(!trainer.play.presenter);
    }

    #[test]
    fn the_debrief_opens_when_the_play_reaches_the_last_week() {
        let mut ws = fault();
        let mut trainer = Model::default();
        let last = ws.horizon() - 1;
        trainer.update(Action::Play(PlayAction::Seek(last - 1)), &mut ws, Lang::En);
        trainer.update(Action::Play(PlayAction::Toggle), &mut ws, Lang::En);
        let effects = trainer.update(Action::Play(PlayAction::Tick), &mut ws, Lang::En);
        assert_eq!(trainer.play.week, last);
        assert!(trainer.debrief);
        assert_eq!(effects, vec![Effect::Focus("debrief-title")]);
        // Stepping to the end by hand does not open it.
        let mut stepped = Model::default();
        stepped.update(Action::Play(PlayAction::Seek(last - 1)), &mut ws, Lang::En);
        stepped.update(Action::Play(PlayAction::Forward), &mut ws, Lang::En);
        assert!(!stepped.debrief);
    }

    #[test]
    fn the_comparison_is_the_lessons_counterfactual_run_again_after_an_edit() {
        let mut ws = fault();
        let mut trainer = Model::default();
        trainer.update(Action::PlayPreset("fault".into(), 0), &mut ws, Lang::En);
        trainer.refresh_comparison(&ws);
        let first = trainer.comparison.clone().expect("a comparison run");
        let preset = crate::engine::presets::get("fault").expect("the fault");
        assert_eq!(first.params, preset.with_variant(&preset.variants[1]));
        trainer.refresh_comparison(&ws);
        assert!(Rc::ptr_eq(
            &first,
            trainer.comparison.as_ref().expect("kept")
        ));
        // A decision changes the run, not the comparison's scenario.
        trainer.update(Action::Play(PlayAction::Seek(20)), &mut ws, Lang::En);
        trainer.update(Action::Decide, &mut ws, Lang::En);
        trainer.refresh_comparison(&ws);
        let again = trainer.comparison.clone().expect("a comparison run");
        assert!(!Rc::ptr_eq(&first, &again));
        assert_eq!(again.params, first.params);
        // The workspace's own scenario has no lesson, so no lesson comparison.
        trainer.play.lesson = None;
        trainer.refresh_comparison(&ws);
        assert!(trainer.comparison.is_none());
    }
}
