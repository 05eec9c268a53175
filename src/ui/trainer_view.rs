//! Trainer mode's view model: the figures of the week the clock shows, and the gallery's cards.

use crate::engine::kpi::WeekKpis;
use crate::engine::presets;
use crate::i18n::{fill, Lang, Text};
use crate::ui::format;
use crate::ui::presets_view::{preset_story, PresetStory};
use crate::ui::state::Computed;
use crate::ui::view_model::{preset_title, variant_label, KpiItem};

fn sum(values: &[f64; 3]) -> f64 {
    values.iter().sum()
}

/// One figure of the current week, with what the ghost run (or, without decisions, the shock-free
/// baseline) had in the same week.
struct Figure {
    id: &'static str,
    label: Text,
    unit: Text,
    decimals: usize,
    value: fn(&WeekKpis, f64) -> f64,
}

const FIGURES: [Figure; 6] = [
    Figure {
        id: "now-book",
        label: Text::NowBook,
        unit: Text::UnitLoansPerAm,
        decimals: 0,
        value: |w, _| sum(&w.active_loans),
    },
    Figure {
        id: "now-new-loans",
        label: Text::NowNewLoans,
        unit: Text::UnitLoansPerAm,
        decimals: 1,
        value: |w, _| sum(&w.new_loans),
    },
    Figure {
        id: "now-prospecting",
        label: Text::NowProspecting,
        unit: Text::UnitHoursPerAmWeek,
        decimals: 1,
        value: |w, ams| w.hours_prospecting / ams,
    },
    Figure {
        id: "now-investigation",
        label: Text::NowInvestigation,
        unit: Text::UnitHoursPerAmWeek,
        decimals: 1,
        value: |w, ams| w.hours_investigation / ams,
    },
    Figure {
        id: "now-queue",
        label: Text::NowQueue,
        unit: Text::UnitLoansPerAm,
        decimals: 0,
        value: |w, _| sum(&w.applications_waiting),
    },
    Figure {
        id: "now-profit",
        label: Text::NowProfit,
        unit: Text::UnitCny,
        decimals: 0,
        value: |w, _| w.cumulative_profit_cny,
    },
];

/// The figures of week `week` (0-based) of `result`, each beside the same week of `ghost` (the run
/// without the trainer's decisions) or, when there is no ghost, of the shock-free baseline.
#[must_use]
pub fn now_items(
    result: &Computed,
    ghost: Option<&Computed>,
    week: u32,
    lang: Lang,
) -> Vec<KpiItem> {
    let ams = result.params.team.ams.max(1.0);
    let index = week as usize;
    let Some(now) = result.ev.run.weeks.get(index) else {
        return Vec::new();
    };
    let (other, template) = match ghost {
        Some(g) => (g.ev.run.weeks.get(index), Text::NowWithout),
        None => (
            result.ev.baseline.as_ref().and_then(|b| b.weeks.get(index)),
            Text::NowBaseline,
        ),
    };
    FIGURES
        .iter()
        .map(|f| {
            let show = |v: f64| match f.unit {
                Text::UnitCny => format::cny(v),
                _ => format::number(v, f.decimals),
            };
            let value = (f.value)(now, ams);
            let unit = match f.unit {
                // Team figures: the unit line says what is counted, not "per AM".
                Text::UnitLoansPerAm | Text::UnitCny => String::new(),
                unit => unit.get(lang).to_owned(),
            };
            let compared = other
                .map(|o| fill(template.get(lang), &[&show((f.value)(o, ams))]))
                .unwrap_or_default();
            let detail = [unit, compared]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            KpiItem {
                id: f.id,
                label: f.label.get(lang).to_owned(),
                value: show(value),
                detail,
            }
        })
        .collect()
}

/// "Week 27 of 104 · 2027-07-05": the clock's label, weeks counted from 1 as on the charts.
#[must_use]
pub fn week_label(result: &Computed, week: u32, lang: Lang) -> String {
    let weeks = result.ev.run.weeks.len();
    let date = format::date(format::week_date(result.start_date, week), lang);
    format!(
        "{} · {date}",
        fill(
            Text::WeekOf.get(lang),
            &[&(week + 1).to_string(), &weeks.to_string()]
        )
    )
}

/// "2 weeks/s": a play speed in the page's language.
#[must_use]
pub fn speed_label(weeks_per_second: f64, lang: Lang) -> String {
    let decimals = usize::from(weeks_per_second.fract() != 0.0);
    fill(
        Text::SpeedValue.get(lang),
        &[&format::number(weeks_per_second, decimals)],
    )
}

/// A gallery card: a preset's story and the policies it compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: &'static str,
    pub title: String,
    pub story: Option<PresetStory>,
    /// (variant index, label) of each policy the preset compares.
    pub variants: Vec<(usize, String)>,
}

/// One card per preset, in the engine's presentation order.
#[must_use]
pub fn cards(lang: Lang) -> Vec<Card> {
    presets::all()
        .iter()
        .map(|p| Card {
            id: p.id(),
            title: preset_title(p.id())
                .map_or_else(|| p.id().to_owned(), |t| t.get(lang).to_owned()),
            story: preset_story(p.id(), lang),
            variants: p
                .variants
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let label = variant_label(v.id).map_or(v.id, |t| t.get(lang));
                    (i, label.to_owned())
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn fault() -> Computed {
        let preset = presets::get("fault").expect("fault preset");
        Computed::run(&preset.params, NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()).expect("valid")
    }

    #[test]
    fn the_current_week_is_compared_with_the_baseline() {
        let result = fault();
        let items = now_items(&result, None, 22, Lang::En);
        assert_eq!(items.len(), FIGURES.len());
        let prospecting = items.iter().find(|i| i.id == "now-prospecting").unwrap();
        let week = &result.ev.run.weeks[22];
        assert_eq!(
            prospecting.value,
            format::number(week.hours_prospecting / result.params.team.ams, 1)
        );
        assert!(
            prospecting.detail.contains("without shocks"),
            "{}",
            prospecting.detail
        );
        assert!(now_items(&result, None, 9999, Lang::En).is_empty());
    }

    #[test]
    fn the_label_counts_weeks_from_one_with_the_date() {
        let result = fault();
        assert_eq!(
            week_label(&result, 0, Lang::En),
            format!(
                "Week 1 of {} · {}",
                result.ev.run.weeks.len(),
                format::date(result.start_date, Lang::En)
            )
        );
    }

    #[test]
    fn every_preset_has_a_titled_card_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            let cards = cards(lang);
            assert_eq!(cards.len(), presets::all().len());
            for card in cards {
                assert_ne!(card.title, card.id, "untranslated title for {}", card.id);
                assert!(!card.variants.is_empty());
                assert!(card.story.is_some(), "no story for {}", card.id);
            }
        }
    }
}
