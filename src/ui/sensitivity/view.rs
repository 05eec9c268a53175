//! The "Which lever matters" section as a view model: every label in the page's language, every
//! figure formatted, every bar's geometry worked out (x and width in a 0–100 box), so the
//! component only draws.

use crate::engine::sensitivity::{Bar, End, Lever, Outcome, Tornado};
use crate::i18n::{fill, Lang, Text};
use crate::ui::format;
use crate::ui::sensitivity::Model;

/// One outcome of the chooser.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeChoice {
    pub outcome: Outcome,
    pub id: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

/// One lever's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarView {
    pub lever: Lever,
    pub id: &'static str,
    pub label: &'static str,
    /// The range used, in words: "−20 % to +13 % of today's values".
    pub range: String,
    pub low_text: String,
    pub high_text: String,
    /// The outcomes rounded as the command line writes them (for tests and tools).
    pub low_raw: String,
    pub high_raw: String,
    /// The low end's and the high end's segment from the base line, in a 0–100 box.
    pub low_x: String,
    pub low_width: String,
    pub high_x: String,
    pub high_width: String,
    /// The bar in words, for screen readers.
    pub description: String,
    pub try_label: String,
}

/// The section.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityView {
    pub open: bool,
    pub outcomes: Vec<OutcomeChoice>,
    /// "Each lever moved 20 % down and up …".
    pub note: String,
    /// "Now: 720 loans".
    pub base: String,
    /// The base line's x in the 0–100 box.
    pub base_x: String,
    pub bars: Vec<BarView>,
    /// Shown when there is nothing to draw (no valid result yet).
    pub empty: Option<&'static str>,
}

/// A lever's name.
#[must_use]
pub fn lever_label(lever: Lever) -> Text {
    match lever {
        Lever::ProspectingHours => Text::LeverProspectingHours,
        Lever::ChannelYields => Text::LeverChannelYields,
        Lever::WalkIns => Text::LeverWalkIns,
        Lever::Referrals => Text::LeverReferrals,
        Lever::PipelineConversion => Text::LeverPipelineConversion,
        Lever::PipelineLosses => Text::LeverPipelineLosses,
        Lever::Approval => Text::LeverApproval,
        Lever::InvestigationTime => Text::LeverInvestigationTime,
        Lever::PaperworkTime => Text::LeverPaperworkTime,
        Lever::RenewalTime => Text::LeverRenewalTime,
        Lever::MonitoringTime => Text::LeverMonitoringTime,
        Lever::RenewalRates => Text::LeverRenewalRates,
        Lever::DefaultHazards => Text::LeverDefaultHazards,
        Lever::Margin => Text::LeverMargin,
        Lever::LoanSize => Text::LeverLoanSize,
        Lever::WorkingWeek => Text::LeverWorkingWeek,
    }
}

/// An outcome's name.
#[must_use]
pub fn outcome_label(outcome: Outcome) -> Text {
    match outcome {
        Outcome::BookEnd => Text::OutcomeBookEnd,
        Outcome::YearlyProfit => Text::OutcomeYearlyProfit,
        Outcome::NewLoans => Text::OutcomeNewLoans,
        Outcome::FaultDepth => Text::OutcomeFaultDepth,
        Outcome::HStar => Text::OutcomeHStar,
    }
}

/// An outcome's figure in the page's words.
#[must_use]
pub fn outcome_text(outcome: Outcome, value: Option<f64>, lang: Lang) -> String {
    let Some(v) = value else {
        return format::MISSING.to_owned();
    };
    match outcome {
        Outcome::BookEnd | Outcome::NewLoans => {
            fill(Text::LeversLoans.get(lang), &[&format::number(v, 0)])
        }
        Outcome::YearlyProfit => format::cny(v),
        Outcome::FaultDepth => format::percent(v, 1),
        Outcome::HStar => fill(Text::LeversHours.get(lang), &[&format::number(v, 1)]),
    }
}

/// A relative change as the labels write it: "−20 %", "+13 %", "0 %".
fn signed_percent(change: f64) -> String {
    let text = format::percent(change.abs(), 0);
    if text == "0%" {
        text
    } else if change < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// Rounded to four decimals like the command line's JSON.
fn raw(value: Option<f64>) -> String {
    value.map_or_else(String::new, |x| {
        let r = (x * 1e4).round() / 1e4;
        if r == 0.0 {
            "0".to_owned()
        } else {
            r.to_string()
        }
    })
}

/// The 0–100 box: the smallest and largest outcome of every end and the base.
fn domain(t: &Tornado) -> (f64, f64) {
    let values = t
        .bars
        .iter()
        .flat_map(|b| [b.low.outcome, b.high.outcome])
        .chain([t.base])
        .flatten()
        .filter(|v| v.is_finite());
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        let centre = if lo.is_finite() { lo } else { 0.0 };
        (centre - 1.0, centre + 1.0)
    }
}

fn segment(base: f64, end: &End, scale: &dyn Fn(f64) -> f64) -> (String, String) {
    let to = end.outcome.map_or(base, scale);
    let from = scale(base);
    let (x, w) = if to < from {
        (to, from - to)
    } else {
        (from, to - from)
    };
    (format!("{x:.2}"), format!("{w:.2}"))
}

fn bar_view(t: &Tornado, bar: &Bar, scale: &dyn Fn(f64) -> f64, lang: Lang) -> BarView {
    let base = t.base.unwrap_or(0.0);
    let (low_x, low_width) = segment(base, &bar.low, scale);
    let (high_x, high_width) = segment(base, &bar.high, scale);
    let label = lever_label(bar.lever).get(lang);
    let range = fill(
        Text::LeversRange.get(lang),
        &[
            &signed_percent(bar.low.change),
            &signed_percent(bar.high.change),
        ],
    );
    let low_text = outcome_text(t.outcome, bar.low.outcome, lang);
    let high_text = outcome_text(t.outcome, bar.high.outcome, lang);
    let description = fill(
        Text::LeversBarDescription.get(lang),
        &[label, &range, &low_text, &high_text],
    );
    BarView {
        lever: bar.lever,
        id: bar.lever.id(),
        label,
        range,
        low_raw: raw(bar.low.outcome),
        high_raw: raw(bar.high.outcome),
        low_text: fill(Text::LeversLowFigure.get(lang), &[&low_text]),
        high_text: fill(Text::LeversHighFigure.get(lang), &[&high_text]),
        low_x,
        low_width,
        high_x,
        high_width,
        description,
        try_label: fill(
            Text::LeversTry.get(lang),
            &[&signed_percent(bar.high.change)],
        ),
    }
}

/// The section's view model.
#[must_use]
pub fn sensitivity_view(model: &Model, lang: Lang) -> SensitivityView {
    let outcomes = Outcome::ALL
        .iter()
        .map(|&outcome| OutcomeChoice {
            outcome,
            id: outcome.id(),
            label: outcome_label(outcome).get(lang),
            selected: outcome == model.outcome,
        })
        .collect();
    let Some((_, t)) = model.tornado.as_ref() else {
        return SensitivityView {
            open: model.open,
            outcomes,
            note: String::new(),
            base: String::new(),
            base_x: "50".to_owned(),
            bars: Vec::new(),
            empty: model.open.then(|| Text::LeversEmpty.get(lang)),
        };
    };
    let (lo, hi) = domain(t);
    let scale = move |v: f64| (v - lo) / (hi - lo) * 100.0;
    let base_x = t.base.map_or(50.0, scale);
    SensitivityView {
        open: model.open,
        outcomes,
        note: fill(Text::LeversNote.get(lang), &[&format::percent(t.spread, 0)]),
        base: fill(
            Text::LeversBase.get(lang),
            &[&outcome_text(t.outcome, t.base, lang)],
        ),
        base_x: format!("{base_x:.2}"),
        bars: t
            .bars
            .iter()
            .map(|bar| bar_view(t, bar, &scale, lang))
            .collect(),
        empty: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sensitivity::Action;
    use crate::ui::workspace;
    use chrono::NaiveDate;

    #[test]
    fn every_bar_says_its_range_in_both_languages_and_fits_the_box() {
        let ws = workspace::Model::new(NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"));
        let mut m = Model::default();
        m.update(Action::SetOpen(true), &ws);
        for lang in [Lang::En, Lang::Zh] {
            let v = sensitivity_view(&m, lang);
            assert_eq!(v.bars.len(), Lever::ALL.len());
            assert!(v.empty.is_none());
            for bar in &v.bars {
                assert!(bar.range.contains('%'), "{}", bar.range);
                for (x, w) in [(&bar.low_x, &bar.low_width), (&bar.high_x, &bar.high_width)] {
                    let (x, w): (f64, f64) = (x.parse().expect("x"), w.parse().expect("w"));
                    assert!(x >= 0.0 && w >= 0.0 && x + w <= 100.01, "{x} {w}");
                }
            }
        }
        let en = sensitivity_view(&m, Lang::En);
        let zh = sensitivity_view(&m, Lang::Zh);
        assert_ne!(en.bars[0].label, zh.bars[0].label);
        assert!(en.note.contains("20%"), "{}", en.note);
        assert_eq!(signed_percent(-0.2), "−20%");
        assert_eq!(signed_percent(0.1333), "+13%");
    }

    #[test]
    fn a_closed_section_shows_nothing() {
        let v = sensitivity_view(&Model::default(), Lang::En);
        assert!(v.bars.is_empty() && v.empty.is_none() && !v.open);
    }
}
