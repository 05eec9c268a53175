//! The fault narration line of trainer mode: `engine::narration`'s facts in words, in the user's
//! language ("Prospecting fell below half its usual hours in weeks 22–25, to as little as 0.0 h per
//! AM; new loans fell 52% by week 28.").
//!
//! Weeks are shown 1-based, as the play clock shows them (simulation week t is "week t + 1").

use crate::engine::narration::{narrate_ev, NarrationFacts};
use crate::engine::EvOutput;
use crate::i18n::{fill, Lang, Text};
use crate::ui::format;

/// Week t as the page numbers it.
fn shown(t: u32) -> String {
    (t + 1).to_string()
}

/// "week 22" or "weeks 22–25".
fn span(first: u32, last: u32, lang: Lang) -> String {
    if first == last {
        fill(Text::NarrationWeek.get(lang), &[&shown(first)])
    } else {
        fill(
            Text::NarrationWeeks.get(lang),
            &[&shown(first), &shown(last)],
        )
    }
}

/// The narration of `facts`; `None` when there is nothing to say.
#[must_use]
pub fn sentence(facts: &NarrationFacts, lang: Lang) -> Option<String> {
    let prospecting = facts.prospecting.map(|drop| {
        (
            format::number(drop.min_hours_per_am, 1),
            span(drop.first_week, drop.last_week, lang),
        )
    });
    let fall = facts
        .new_loans
        .map(|fall| (format::percent(fall.depth, 0), shown(fall.trough_week)));
    let mut text = match (&prospecting, &fall) {
        (Some((hours, weeks)), Some((depth, trough))) => fill(
            Text::NarrationBoth.get(lang),
            &[hours, weeks, depth, trough],
        ),
        (Some((hours, weeks)), None) => fill(Text::NarrationProspecting.get(lang), &[hours, weeks]),
        (None, Some((depth, trough))) => fill(Text::NarrationNewLoans.get(lang), &[depth, trough]),
        (None, None) => return None,
    };
    if let Some(week) = facts.new_loans.and_then(|fall| fall.recovery_week) {
        text.push_str(&fill(Text::NarrationRecovered.get(lang), &[&shown(week)]));
    }
    Some(text)
}

/// The narration of an EV run up to week `upto` (0-based, inclusive); `None` without a baseline
/// or when nothing has fallen yet.
#[must_use]
pub fn narration(output: &EvOutput, upto: u32, lang: Lang) -> Option<String> {
    sentence(&narrate_ev(output, upto)?, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{presets, run_ev, validate};

    fn fault_b() -> EvOutput {
        let preset = presets::get("fault").expect("preset");
        assert_eq!(preset.variants[0].id, "b");
        run_ev(&validate(&preset.params).expect("valid"))
    }

    #[test]
    fn the_fault_preset_under_stop_when_busy_in_both_languages() {
        let output = fault_b();
        let last = output.run.weeks.len() as u32 - 1;
        let recovered = narrate_ev(&output, last)
            .and_then(|f| f.new_loans)
            .and_then(|f| f.recovery_week)
            .expect("recovers");
        assert_eq!(
            narration(&output, last, Lang::En).as_deref(),
            Some(
                format!(
                    "Prospecting fell below half its usual hours in weeks 22–25, to as little \
                     as 0.0 h per AM; new loans fell 52% by week 28. New loans were back within 5% of the baseline by week {}.",
                    recovered + 1
                )
                .as_str()
            )
        );
        assert_eq!(
            narration(&output, last, Lang::Zh).as_deref(),
            Some(
                format!(
                    "第 22–25 周营销工时不足平常的一半，最低降至每人 0.0 小时；新增贷款到第 28 周下降 52%。\
                     第 {} 周新增贷款回到基准的 95% 以上。",
                    recovered + 1
                )
                .as_str()
            )
        );
    }

    #[test]
    fn play_mode_tells_only_what_has_happened() {
        let output = fault_b();
        assert_eq!(narration(&output, 20, Lang::En), None);
        assert_eq!(
            narration(&output, 21, Lang::En).as_deref(),
            Some(
                "Prospecting fell below half its usual hours in week 22, to as little as 0.0 h \
                 per AM."
            )
        );
        assert_eq!(
            narration(&output, 27, Lang::En).as_deref(),
            Some(
                "Prospecting fell below half its usual hours in weeks 22–25, to as little as 0.0 \
                 h per AM; new loans fell 52% by week 28."
            )
        );
    }

    #[test]
    fn a_fall_in_new_loans_alone_is_told_alone() {
        let facts = NarrationFacts {
            upto: 30,
            prospecting: None,
            new_loans: Some(crate::engine::narration::NewLoansFall {
                depth: 0.25,
                trough_week: 9,
                onset_week: Some(8),
                recovery_week: None,
            }),
        };
        assert_eq!(
            sentence(&facts, Lang::En).as_deref(),
            Some("New loans fell 25% by week 10.")
        );
        assert_eq!(
            sentence(&facts, Lang::Zh).as_deref(),
            Some("新增贷款到第 10 周下降 25%。")
        );
        assert_eq!(sentence(&NarrationFacts::default(), Lang::En), None);
    }
}
