//! The stage's view model: the clock's controls and label, the lesson on stage and what it is
//! compared with, the narration, the scoreboard and figures of the week shown, the two lesson
//! charts, what is open over the stage, and the decision form and log, all in the page's language.

use crate::engine::presets;
use crate::i18n::{fill, Lang, Text};
use crate::ui::charts::LessonData;
use crate::ui::trainer::clock::SPEEDS;
use crate::ui::trainer::lesson::{lesson_charts, Counterparts};
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
    /// Whether "Replay from week 1" plays at once.
    pub autoplay: bool,
}

/// The stage.
// A view model mirrors the clock's independent switches (playing, presenter view, overlays).
#[allow(clippy::struct_excessive_bools)]
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
    /// "Compared with the same burst with prospecting kept: (a) fixed cadence at h*."
    pub comparison: Option<String>,
    /// New loans and profit lost so far, and the book, against the comparison.
    pub scoreboard: Vec<KpiItem>,
    pub now: Vec<KpiItem>,
    /// The two charts that carry the lesson, drawn up to the week shown.
    pub lesson_charts: Vec<(&'static str, LessonData)>,
    pub presenter: bool,
    pub shortcuts: bool,
    /// The decision form is open over the stage (presenter view).
    pub deciding: bool,
    pub debrief: bool,
    pub decisions: DecisionsView,
}

/// The size of the presenter view's text in CSS pixels for a viewport: 2.4 % of its height, or
/// 1.8 % of its width on a narrow (4:3) screen — 26 px on a 1080p projector, 18 px at 1024×768.
/// `styles/tokens.css` sets the same size as `--stage-unit`; the lesson charts' text is this size.
#[must_use]
pub fn presenter_text_px(viewport_width_px: f64, viewport_height_px: f64) -> f64 {
    (viewport_height_px * 0.024).min(viewport_width_px * 0.018)
}

/// The stage for the trainer's `model` over the scenario's `result` (and its `ghost`, the run
/// without the decisions, and the lesson's comparison run the model keeps).
#[must_use]
pub fn stage_view(
    model: &Model,
    result: &Computed,
    ghost: Option<&Computed>,
    lang: Lang,
) -> StageView {
    let play = &model.play;
    let lesson = model.lesson();
    let parts = Counterparts::new(
        result,
        lesson.as_ref(),
        model.comparison.as_deref(),
        ghost,
        lang,
    );
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
        comparison: parts.sentence.clone(),
        scoreboard: parts.scoreboard(week, lang),
        now: now_items(result, ghost, week, lang),
        lesson_charts: lesson_charts(play.lesson.as_ref().map(|(id, _)| id.as_str()))
            .into_iter()
            .map(|chart| (chart.id(), parts.chart(chart, week, lang)))
            .collect(),
        presenter: play.presenter,
        shortcuts: play.shortcuts,
        deciding: model.deciding && play.presenter,
        debrief: model.debrief,
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
        autoplay: model.play.autoplay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::trainer::Action;
    use crate::ui::workspace;
    use chrono::NaiveDate;

    #[test]
    fn the_presenter_type_is_24_px_or_more_on_a_1080p_screen_and_scales_with_it() {
        assert!(presenter_text_px(1920.0, 1080.0) >= 24.0);
        assert!(
            (presenter_text_px(3840.0, 2160.0) - 2.0 * presenter_text_px(1920.0, 1080.0)).abs()
                < 1e-9
        );
        // A 4:3 projector is held by its width.
        assert!((presenter_text_px(1024.0, 768.0) - 1024.0 * 0.018).abs() < 1e-9);
        assert!(presenter_text_px(1280.0, 720.0) > 17.0);
    }

    #[test]
    fn the_stage_names_the_comparison_and_draws_the_lessons_two_charts() {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
        let mut ws = workspace::Model::with(crate::engine::Params::default(), start);
        let mut model = Model::default();
        model.update(Action::PlayPreset("fault".into(), 0), &mut ws, Lang::En);
        model.update(
            Action::Play(crate::ui::trainer::clock::PlayAction::Seek(31)),
            &mut ws,
            Lang::En,
        );
        model.refresh_comparison(&ws);
        let result = ws.result.clone().expect("a result");
        let view = stage_view(&model, &result, None, Lang::En);
        assert_eq!(
            view.comparison.as_deref(),
            Some("Compared with the same burst with prospecting kept: (a) fixed cadence at h*.")
        );
        let ids: Vec<&str> = view.lesson_charts.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, ["lesson-new-loans", "lesson-prospecting"]);
        let new_loans = &view.lesson_charts[0].1;
        assert_eq!(
            new_loans.comparison.as_ref().map(|c| c.label.as_str()),
            Some("fixed cadence")
        );
        let gap = new_loans.gap_text.clone().expect("the gap is written");
        assert!(gap.ends_with("by week 32"), "{gap}");
        let loans = &view.scoreboard[0];
        assert!(gap.starts_with(&loans.value), "{gap} / {}", loans.value);
    }
}
