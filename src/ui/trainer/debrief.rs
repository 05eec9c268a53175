//! The debrief that closes a play: the lesson in one sentence, three numbers against the lesson's
//! comparison over the whole run (new loans lost, weeks to recover, profit lost), and the decision
//! log with what each decision changed, in the page's language.
//!
//! A decision's effect is measured by running the scenario with the log up to it and up to the one
//! before: what that decision added to the new loans and the profit of the whole run.

use crate::engine::narration::new_loans_fall_of;
use crate::engine::FaultWindow;
use crate::i18n::{fill, Lang, Text};
use crate::ui::format;
use crate::ui::trainer::lesson::{Counterparts, LessonChart};
use crate::ui::trainer::presets::preset_story;
use crate::ui::trainer::view::{describe, log_entries};
use crate::ui::trainer::Model;
use crate::ui::workspace::view::{preset_title, variant_label, KpiItem};
use crate::ui::workspace::Computed;

/// One decision of the log and what it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionEffect {
    /// "Week 21".
    pub week: String,
    /// "Keep at least 4.0 h of prospecting · to the end".
    pub text: String,
    /// "+9 new loans, +¥23,000 profit by the end".
    pub effect: String,
}

/// The debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct DebriefView {
    /// "The fault — (b) stop when busy, cap h*".
    pub scenario: String,
    pub lesson: String,
    /// The sentence naming the comparison.
    pub comparison: Option<String>,
    /// New loans lost, weeks to recover, profit lost; empty without a comparison.
    pub numbers: Vec<KpiItem>,
    /// Why there are no numbers, when there are none.
    pub no_numbers: Option<String>,
    pub decisions: Vec<DecisionEffect>,
    pub no_decisions: Option<String>,
}

/// `+9` or `−9`: a change with its sign, as the debrief writes it.
fn signed(value: f64, text: impl Fn(f64) -> String) -> String {
    let shown = text(value.abs());
    if shown.trim_start_matches(['¥', '0', '.', ',']).is_empty() {
        shown
    } else if value < 0.0 {
        format!("−{shown}")
    } else {
        format!("+{shown}")
    }
}

fn total_new_loans(c: &Computed) -> f64 {
    c.ev.run
        .weeks
        .iter()
        .map(|w| LessonChart::NewLoans.value(w))
        .sum()
}

fn final_profit(c: &Computed) -> f64 {
    c.ev.run
        .weeks
        .last()
        .map_or(0.0, |w| w.cumulative_profit_cny)
}

/// What each decision of the log changed: the run with the log up to it against the run with the
/// log up to the one before.
fn effects(result: &Computed, lang: Lang) -> Vec<DecisionEffect> {
    let params = &result.params;
    let last = u32::try_from(result.ev.run.weeks.len().saturating_sub(1)).unwrap_or(u32::MAX);
    let entries = log_entries(params, last, lang);
    let prefix = |n: usize| {
        let mut p = params.clone();
        p.interventions.truncate(n);
        Computed::run(&p, result.start_date).ok()
    };
    let mut before = prefix(0);
    entries
        .into_iter()
        .zip(&params.interventions)
        .enumerate()
        .map(|(i, (entry, shock))| {
            let after = prefix(i + 1);
            let effect = match (&before, &after) {
                (Some(b), Some(a)) => fill(
                    Text::DebriefEffect.get(lang),
                    &[
                        &signed(total_new_loans(a) - total_new_loans(b), |v| {
                            format::number(v, 0)
                        }),
                        &signed(final_profit(a) - final_profit(b), format::cny),
                    ],
                ),
                _ => String::new(),
            };
            before = after;
            DecisionEffect {
                week: entry.week,
                text: format!("{} · {}", describe(shock, lang), entry.duration),
                effect,
            }
        })
        .collect()
}

/// The three numbers of a run against its comparison over the whole run.
fn numbers(parts: &Counterparts<'_>, result: &Computed, lang: Lang) -> Vec<KpiItem> {
    let Some(other) = parts.comparison() else {
        return Vec::new();
    };
    let weeks = parts.weeks();
    let horizon = weeks.len().min(other.weeks.len());
    let Some(last) = horizon.checked_sub(1).and_then(|l| u32::try_from(l).ok()) else {
        return Vec::new();
    };
    let loans = parts.gap(LessonChart::NewLoans, last).unwrap_or(0.0);
    let profit = parts.gap(LessonChart::Profit, last).unwrap_or(0.0);
    let y: Vec<f64> = weeks[..horizon]
        .iter()
        .map(|w| LessonChart::NewLoans.value(w))
        .collect();
    let b: Vec<f64> = other.weeks[..horizon]
        .iter()
        .map(|w| LessonChart::NewLoans.value(w))
        .collect();
    let window = result.ev.fault.as_ref().map_or(
        FaultWindow {
            start: 0,
            end: horizon,
        },
        |f| f.window,
    );
    let shown = |t: u32| (t + 1).to_string();
    let (recover, recover_detail) = match new_loans_fall_of(&y, &b, window) {
        Some(fall) => {
            let onset = fall.onset_week.unwrap_or(fall.trough_week);
            match fall.recovery_week {
                Some(back) => (
                    back.saturating_sub(onset).to_string(),
                    fill(
                        Text::DebriefRecoverDetail.get(lang),
                        &[&shown(onset), &shown(back)],
                    ),
                ),
                None => (
                    Text::DebriefNoRecovery.get(lang).to_owned(),
                    fill(Text::DebriefNoRecoveryDetail.get(lang), &[&shown(onset)]),
                ),
            }
        }
        None => ("0".to_owned(), Text::DebriefNoFall.get(lang).to_owned()),
    };
    let over = fill(
        Text::DebriefOver.get(lang),
        &[&horizon.to_string(), other.name],
    );
    vec![
        KpiItem {
            id: "debrief-loans",
            label: if loans > -0.5 {
                Text::DebriefLoansLost
            } else {
                Text::DebriefLoansGained
            }
            .get(lang)
            .to_owned(),
            value: format::number(loans.abs(), 0),
            hint: None,
            detail: over.clone(),
        },
        KpiItem {
            id: "debrief-recover",
            label: Text::DebriefRecover.get(lang).to_owned(),
            value: recover,
            hint: None,
            detail: recover_detail,
        },
        KpiItem {
            id: "debrief-profit",
            label: if profit > -0.5 {
                Text::DebriefProfitLost
            } else {
                Text::DebriefProfitGained
            }
            .get(lang)
            .to_owned(),
            value: format::cny(profit.abs()),
            hint: None,
            detail: fill(Text::DebriefAtEnd.get(lang), &[&horizon.to_string()]),
        },
    ]
}

/// The debrief of the trainer's `model` over the scenario's `result` (and `without`, its run
/// without the decisions).
#[must_use]
pub fn debrief_view(
    model: &Model,
    result: &Computed,
    without: Option<&Computed>,
    lang: Lang,
) -> DebriefView {
    let lesson = model.lesson();
    let parts = Counterparts::new(
        result,
        lesson.as_ref(),
        model.comparison.as_deref(),
        without,
        lang,
    );
    let scenario = lesson.as_ref().map_or_else(
        || Text::StageScenarioOwn.get(lang).to_owned(),
        |l| {
            let title = preset_title(&l.id).map_or(l.id.as_str(), |t| t.get(lang));
            let policy = crate::engine::presets::get(&l.id)
                .and_then(|p| p.variants.get(l.variant).map(|v| v.id))
                .and_then(variant_label)
                .map_or("", |t| t.get(lang));
            format!("{title} — {policy}")
        },
    );
    let lesson_text = lesson
        .as_ref()
        .and_then(|l| preset_story(&l.id, lang))
        .map_or_else(
            || Text::DebriefOwnLesson.get(lang).to_owned(),
            |story| story.lesson.to_owned(),
        );
    let numbers = numbers(&parts, result, lang);
    let decisions = effects(result, lang);
    DebriefView {
        scenario,
        lesson: lesson_text,
        comparison: parts.sentence.clone(),
        no_numbers: numbers
            .is_empty()
            .then(|| Text::DebriefNoComparison.get(lang).to_owned()),
        numbers,
        no_decisions: decisions
            .is_empty()
            .then(|| Text::DebriefNoDecisions.get(lang).to_owned()),
        decisions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::params::{ProspectingChange, Shock, ShockKind};
    use crate::engine::{presets, run_ev, validate};
    use crate::ui::trainer::Action;
    use crate::ui::workspace;
    use chrono::NaiveDate;

    fn staged(lesson: &str, variant: usize) -> (Model, workspace::Model) {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
        let mut ws = workspace::Model::with(crate::engine::Params::default(), start);
        let mut model = Model::default();
        model.update(
            Action::PlayPreset(lesson.into(), variant),
            &mut ws,
            Lang::En,
        );
        model.refresh_comparison(&ws);
        (model, ws)
    }

    #[test]
    fn the_faults_debrief_counts_the_loss_against_the_same_burst_with_prospecting_kept() {
        let (model, ws) = staged("fault", 0);
        let result = ws.result.as_ref().expect("a result");
        let view = debrief_view(&model, result, None, Lang::En);
        assert_eq!(view.scenario, "The fault — (b) stop when busy, cap h*");
        assert!(view
            .lesson
            .starts_with("Stopping prospecting while processing a batch"));
        assert_eq!(view.numbers.len(), 3);
        // The figures equal a direct run of the comparison scenario, policy (a).
        let preset = presets::get("fault").expect("the fault");
        let a = run_ev(&validate(&preset.with_variant(&preset.variants[1])).expect("valid"));
        let b = &result.ev.run;
        let sum = |weeks: &[crate::engine::WeekKpis]| -> f64 {
            weeks.iter().map(|w| w.new_loans.iter().sum::<f64>()).sum()
        };
        let lost = sum(&a.run.weeks) - sum(&b.weeks);
        assert!(lost > 0.5, "the fault loses new loans over the run: {lost}");
        assert_eq!(view.numbers[0].label, "New loans lost");
        assert_eq!(view.numbers[0].value, format::number(lost, 0));
        let profit = a.run.weeks[103].cumulative_profit_cny - b.weeks[103].cumulative_profit_cny;
        assert!(profit > 0.5, "and profit: {profit}");
        assert_eq!(view.numbers[2].label, "Profit lost");
        assert_eq!(view.numbers[2].value, format::cny(profit));
        let weeks: u32 = view.numbers[1].value.parse().expect("a number of weeks");
        assert!((3..=20).contains(&weeks), "{weeks} weeks to recover");
        assert!(
            view.numbers[1].detail.contains("back by week"),
            "{}",
            view.numbers[1].detail
        );
        assert_eq!(view.no_numbers, None);
        assert_eq!(
            view.no_decisions.as_deref(),
            Some("No decisions were taken in this play.")
        );
        let zh = debrief_view(&model, result, None, Lang::Zh);
        assert_eq!(zh.numbers[0].label, "少增贷款");
        assert!(zh
            .lesson
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }

    #[test]
    fn each_decision_is_listed_with_what_it_changed() {
        let (model, mut ws) = staged("fault", 0);
        let floor = Shock {
            start: 20.0,
            duration_weeks: 84.0,
            kind: ShockKind::Prospecting {
                change: ProspectingChange::Floor { hours: 4.0 },
            },
        };
        ws.decide(floor);
        let result = ws.result.clone().expect("a result");
        let ghost = ws.ghost.clone().expect("a ghost");
        let view = debrief_view(&model, &result, Some(&ghost), Lang::En);
        assert_eq!(view.decisions.len(), 1);
        assert_eq!(view.decisions[0].week, "Week 21");
        assert_eq!(
            view.decisions[0].text,
            "Keep at least 4.0 h of prospecting · to the end"
        );
        let gained = total_new_loans(&result) - total_new_loans(&ghost);
        assert!(gained > 0.5, "the floor wins back new loans: {gained}");
        assert!(
            view.decisions[0]
                .effect
                .starts_with(&format!("+{} new loans", format::number(gained, 0))),
            "{}",
            view.decisions[0].effect
        );
        assert_eq!(view.no_decisions, None);
    }

    #[test]
    fn signs_are_written_and_zero_has_none() {
        assert_eq!(signed(3.2, |v| format::number(v, 0)), "+3");
        assert_eq!(signed(-3.2, |v| format::number(v, 0)), "−3");
        assert_eq!(signed(-0.2, |v| format::number(v, 0)), "0");
        assert_eq!(signed(-1200.0, format::cny), "−¥1,200");
        assert_eq!(signed(0.3, format::cny), "¥0");
    }
}
