//! The stage's view model: the clock's controls and label, the lesson on stage, the narration, the
//! figures of the week shown, and the decision form and log, all in the page's language.

use crate::engine::presets;
use crate::i18n::{fill, Lang, Text};
use crate::ui::trainer::clock::SPEEDS;
use crate::ui::trainer::narration::narration;
use crate::ui::trainer::view::{
    log_entries, now_items, speed_label, week_label, DecisionChoice, DecisionProblem, LogEntry,
};
use crate::ui::trainer::Model;
use crate::ui::workspace::view::{preset_title, variant_label, KpiItem};
use crate::ui::workspace::Computed;

/// The decision form and the log.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionsView {
    /// "Decide at week 21".
    pub title: String,
    pub choice: DecisionChoice,
    /// (id, label) of every kind of decision.
    pub choices: Vec<(&'static str, String)>,
    /// The value's label and its text as typed, when the kind has a value.
    pub value: Option<(String, String)>,
    pub value_error: Option<String>,
    pub duration: String,
    pub duration_error: Option<String>,
    /// "Apply at week 21".
    pub apply_label: String,
    /// "Recorded at week 21." after a decision at the week shown.
    pub status: String,
    pub log: Vec<LogEntry>,
    /// The remove button's label of each log entry.
    pub remove_labels: Vec<String>,
    pub any_later: bool,
    /// "Drop the decisions after week 21".
    pub drop_label: String,
}

/// The stage.
#[derive(Debug, Clone, PartialEq)]
pub struct StageView {
    /// "Scenario: The fault — Stop when busy", or the workspace's own scenario.
    pub scenario: String,
    pub playing: bool,
    pub play_label: String,
    pub play_icon: &'static str,
    /// (index, label) of each speed, and the one chosen.
    pub speeds: Vec<(usize, String)>,
    pub speed: usize,
    /// The week shown, 0-based, and the number of weeks.
    pub week: u32,
    pub horizon: u32,
    /// "Week 28 of 104 · 6 Jul 2026".
    pub week_label: String,
    pub narration: Option<String>,
    pub now: Vec<KpiItem>,
    pub presenter: bool,
    pub shortcuts: bool,
    pub decisions: DecisionsView,
}

/// The stage for the trainer's `model` over the scenario's `result` (and its `ghost`, the run
/// without the decisions).
#[must_use]
pub fn stage_view(
    model: &Model,
    result: &Computed,
    ghost: Option<&Computed>,
    lang: Lang,
) -> StageView {
    let play = &model.play;
    let horizon = u32::try_from(result.ev.run.weeks.len()).unwrap_or(u32::MAX);
    let week = play.week.min(horizon.saturating_sub(1));
    let scenario = play.lesson.as_ref().map_or_else(
        || Text::StageScenarioOwn.get(lang).to_owned(),
        |(id, variant)| {
            let title = preset_title(id).map_or(id.as_str(), |t| t.get(lang));
            let policy = presets::get(id)
                .and_then(|p| p.variants.get(*variant).map(|v| v.id))
                .and_then(variant_label)
                .map_or("", |t| t.get(lang));
            fill(
                Text::StageScenario.get(lang),
                &[&format!("{title} — {policy}")],
            )
        },
    );
    let (play_label, play_icon) = if play.playing {
        (Text::PauseButton, "❚❚")
    } else {
        (Text::PlayButton, "▶")
    };
    StageView {
        scenario,
        playing: play.playing,
        play_label: play_label.get(lang).to_owned(),
        play_icon,
        speeds: SPEEDS
            .iter()
            .enumerate()
            .map(|(i, s)| (i, speed_label(*s, lang)))
            .collect(),
        speed: play.speed,
        week,
        horizon,
        week_label: week_label(result, week, lang),
        narration: narration(&result.ev, week, lang),
        now: now_items(result, ghost, week, lang),
        presenter: play.presenter,
        shortcuts: play.shortcuts,
        decisions: decisions_view(model, result, week, lang),
    }
}

fn decisions_view(model: &Model, result: &Computed, week: u32, lang: Lang) -> DecisionsView {
    let form = &model.form;
    let week_text = (week + 1).to_string();
    let log = log_entries(&result.params, week, lang);
    let remove_labels = log
        .iter()
        .map(|e| {
            fill(
                Text::LogRemoveLabel.get(lang),
                &[&e.week_number.to_string(), &e.text],
            )
        })
        .collect();
    DecisionsView {
        title: fill(Text::DecideTitle.get(lang), &[&week_text]),
        choice: form.choice,
        choices: DecisionChoice::ALL
            .into_iter()
            .map(|c| (c.id(), c.label().get(lang).to_owned()))
            .collect(),
        value: form
            .choice
            .value()
            .map(|(label, _)| (label.get(lang).to_owned(), form.value.clone())),
        value_error: match &form.problem {
            Some(DecisionProblem::Value(m)) => Some(m.clone()),
            _ => None,
        },
        duration: form.duration.clone(),
        duration_error: match &form.problem {
            Some(DecisionProblem::Duration(m)) => Some(m.clone()),
            _ => None,
        },
        apply_label: fill(Text::DecApply.get(lang), &[&week_text]),
        status: form
            .recorded
            .filter(|at| *at == week)
            .map(|at| fill(Text::DecApplied.get(lang), &[&(at + 1).to_string()]))
            .unwrap_or_default(),
        any_later: log.iter().any(|e| e.later),
        log,
        remove_labels,
        drop_label: fill(Text::LogDropLater.get(lang), &[&week_text]),
    }
}
