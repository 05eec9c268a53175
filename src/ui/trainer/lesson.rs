//! The lesson's counterfactual on the stage: which run the room sees the one on stage against, the
//! two charts that carry each lesson, the gap between the runs at the week shown (written on the
//! chart and in the scoreboard with the same numbers), in the page's language.
//!
//! A lesson played from the gallery is compared with its [`Counterfactual`] (the fault's
//! stop-when-busy run with the same burst under fixed cadence); the workspace's own scenario with
//! the run without the trainer's decisions, or failing that with its shock-free baseline. The faint
//! second ghost is what is left of those two.

use crate::engine::kpi::WeekKpis;
use crate::engine::presets::{self, Counterfactual};
use crate::i18n::{fill, Lang, Text};
use crate::ui::chart_data::frame;
use crate::ui::charts::{LessonData, Series};
use crate::ui::format;
use crate::ui::workspace::view::{variant_label, KpiItem};
use crate::ui::workspace::Computed;

/// The figure a lesson chart draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonChart {
    /// New loans per week (team); the gap is the new loans lost so far.
    NewLoans,
    /// Active loans (team); the gap is the difference in the week shown.
    Book,
    /// Prospecting hours per AM; the gap is the hours not prospected so far.
    Prospecting,
    /// Cumulative profit (team); the gap is the difference in the week shown.
    Profit,
}

impl LessonChart {
    /// Stable id for the DOM and tests.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            LessonChart::NewLoans => "lesson-new-loans",
            LessonChart::Book => "lesson-book",
            LessonChart::Prospecting => "lesson-prospecting",
            LessonChart::Profit => "lesson-profit",
        }
    }

    /// The figure of one week.
    #[must_use]
    pub fn value(self, week: &WeekKpis) -> f64 {
        match self {
            LessonChart::NewLoans => week.new_loans.iter().sum(),
            LessonChart::Book => week.active_loans.iter().sum(),
            LessonChart::Prospecting if week.ams > 0.0 => week.hours_prospecting / week.ams,
            LessonChart::Prospecting => 0.0,
            LessonChart::Profit => week.cumulative_profit_cny,
        }
    }

    /// Whether the gap adds up the weeks (a flow) or is read in the week shown (a stock).
    fn adds_up(self) -> bool {
        matches!(self, LessonChart::NewLoans | LessonChart::Prospecting)
    }

    fn titles(self) -> (Text, Text) {
        match self {
            LessonChart::NewLoans => (Text::ChartNewTitle, Text::AxisNewLoans),
            LessonChart::Book => (Text::LessonBookTitle, Text::AxisLoans),
            LessonChart::Prospecting => (Text::LessonProspectingTitle, Text::AxisHoursPerAm),
            LessonChart::Profit => (Text::ChartProfitTitle, Text::AxisCny),
        }
    }
}

/// The two charts that carry a lesson: what fell and why, or what grew and what it earned.
#[must_use]
pub fn lesson_charts(lesson: Option<&str>) -> [LessonChart; 2] {
    match lesson {
        Some("steady" | "ramp") => [LessonChart::Book, LessonChart::Profit],
        Some("quality") => [LessonChart::Profit, LessonChart::NewLoans],
        _ => [LessonChart::NewLoans, LessonChart::Prospecting],
    }
}

/// A short name for a run, written at its line's end and in the scoreboard.
fn short_name(id: &str) -> Option<Text> {
    Some(match id {
        "a" => Text::ShortFixed,
        "b" => Text::ShortStopWhenBusy,
        "b_floor" => Text::ShortFloor,
        "c" => Text::ShortTarget,
        "c_boost" => Text::ShortTargetBoost,
        "b_full" => Text::ShortFullWeek,
        "default_mix" => Text::ShortDefaultMix,
        "no_prospecting" => Text::ShortNoProspecting,
        _ => return None,
    })
}

/// The lesson on stage and what it is compared with.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub id: String,
    /// The policy variant played.
    pub variant: usize,
    pub comparison: Option<Counterfactual>,
}

impl Lesson {
    /// The lesson of a preset's variant, as the gallery puts it on stage.
    #[must_use]
    pub fn of(id: &str, variant: usize) -> Lesson {
        Lesson {
            id: id.to_owned(),
            variant,
            comparison: presets::get(id).and_then(|p| p.comparison(variant)),
        }
    }

    fn variant_id(&self) -> Option<&'static str> {
        presets::get(&self.id).and_then(|p| p.variants.get(self.variant).map(|v| v.id))
    }

    /// The run's own short name: its policy, or the mix that the comparison changes.
    fn run_name(&self, lang: Lang) -> String {
        let text = match self.comparison {
            Some(Counterfactual::DefaultMix) => Some(Text::ShortLineSurface),
            _ => self.variant_id().and_then(short_name),
        };
        text.unwrap_or(Text::ShortOwn).get(lang).to_owned()
    }

    /// "Compared with the same burst with prospecting kept: (a) fixed cadence at h*."
    fn sentence(&self, lang: Lang) -> Option<String> {
        let comparison = self.comparison.as_ref()?;
        let keeps = comparison.id() == "a";
        let subject = match (self.id.as_str(), keeps) {
            ("fault" | "floor", true) => Text::CompareSameBurstKept,
            ("fault" | "floor", false) => Text::CompareSameBurst,
            ("festival", true) => Text::CompareSameFestivalKept,
            ("festival", false) => Text::CompareSameFestival,
            ("spike", _) => Text::CompareSameSpike,
            ("ramp", _) => Text::CompareSameTeam,
            _ => match comparison {
                Counterfactual::DefaultMix => Text::CompareUsualMix,
                _ => Text::CompareNoProspecting,
            },
        };
        Some(match comparison {
            Counterfactual::Policy(variant) => fill(
                Text::CompareWithPolicy.get(lang),
                &[
                    subject.get(lang),
                    variant_label(variant.id).map_or(variant.label, |t| t.get(lang)),
                ],
            ),
            _ => fill(Text::CompareWith.get(lang), &[subject.get(lang)]),
        })
    }
}

/// One run the stage draws besides its own: its weeks and its short name.
#[derive(Clone, Copy, Debug)]
pub struct Other<'a> {
    pub weeks: &'a [WeekKpis],
    pub name: &'a str,
}

/// The runs on stage: the one played, what it is compared with, and the faint second ghost.
#[derive(Debug)]
pub struct Counterparts<'a> {
    pub run: &'a Computed,
    pub run_name: String,
    /// The sentence that names the comparison, shown under the lesson's title.
    pub sentence: Option<String>,
    comparison: Option<(&'a [WeekKpis], String)>,
    ghost: Option<(&'a [WeekKpis], String)>,
}

impl<'a> Counterparts<'a> {
    /// The runs for `run` (the scenario with its decisions), the lesson's `comparison` run (when a
    /// lesson with a counterfactual is on stage) and `without` (the run without the decisions).
    #[must_use]
    pub fn new(
        run: &'a Computed,
        lesson: Option<&Lesson>,
        comparison: Option<&'a Computed>,
        without: Option<&'a Computed>,
        lang: Lang,
    ) -> Counterparts<'a> {
        let decided = without.is_some();
        let own = lesson.map_or_else(|| Text::ShortOwn.get(lang).to_owned(), |l| l.run_name(lang));
        let run_name = if decided {
            fill(Text::ShortWithDecisions.get(lang), &[&own])
        } else {
            own
        };
        let baseline = run
            .ev
            .baseline
            .as_ref()
            .map(|b| (b.weeks.as_slice(), Text::ShortBaseline.get(lang).to_owned()));
        let without = without.map(|w| {
            (
                w.ev.run.weeks.as_slice(),
                Text::ShortWithoutDecisions.get(lang).to_owned(),
            )
        });
        let lesson_comparison = lesson
            .and_then(|l| l.comparison.as_ref().map(|c| (l, c)))
            .zip(comparison)
            .map(|((_, c), computed)| {
                let name = short_name(c.id())
                    .map_or(c.id(), |t| t.get(lang))
                    .to_owned();
                (computed.ev.run.weeks.as_slice(), name)
            });
        let (sentence, comparison, ghost) = match (lesson_comparison, without, baseline) {
            (Some(c), w, b) => (lesson.and_then(|l| l.sentence(lang)), Some(c), w.or(b)),
            (None, Some(w), b) => (
                Some(Text::CompareWithoutDecisions.get(lang).to_owned()),
                Some(w),
                b,
            ),
            (None, None, Some(b)) => (
                Some(Text::CompareBaseline.get(lang).to_owned()),
                Some(b),
                None,
            ),
            (None, None, None) => (None, None, None),
        };
        Counterparts {
            run,
            run_name,
            sentence,
            comparison,
            ghost,
        }
    }

    /// What the run is compared with, if anything.
    #[must_use]
    pub fn comparison(&self) -> Option<Other<'_>> {
        self.comparison.as_ref().map(|(weeks, name)| Other {
            weeks,
            name: name.as_str(),
        })
    }

    /// The run's weeks.
    #[must_use]
    pub fn weeks(&self) -> &'a [WeekKpis] {
        &self.run.ev.run.weeks
    }

    /// The comparison's figure minus the run's, at week `week` (0-based) for a stock, or added up
    /// over weeks `0..=week` for a flow: what the run lost (positive) or gained (negative).
    #[must_use]
    pub fn gap(&self, chart: LessonChart, week: u32) -> Option<f64> {
        let (other, _) = self.comparison.as_ref()?;
        let weeks = self.weeks();
        let end = (week as usize + 1).min(weeks.len()).min(other.len());
        if end == 0 {
            return None;
        }
        let difference = |t: usize| chart.value(&other[t]) - chart.value(&weeks[t]);
        Some(if chart.adds_up() {
            (0..end).map(difference).sum()
        } else {
            difference(end - 1)
        })
    }

    /// The gap in words, as the chart writes it ("7 new loans lost by week 32").
    #[must_use]
    pub fn gap_text(&self, chart: LessonChart, week: u32, lang: Lang) -> Option<String> {
        let gap = self.gap(chart, week)?;
        let shown = (week + 1).to_string();
        let (lost, gained, even, amount) = match chart {
            LessonChart::NewLoans => (
                Text::GapLoansLost,
                Text::GapLoansGained,
                Text::GapLoansEven,
                format::number(gap.abs(), 0),
            ),
            LessonChart::Book => (
                Text::GapBookFewer,
                Text::GapBookMore,
                Text::GapBookEven,
                format::number(gap.abs(), 0),
            ),
            LessonChart::Prospecting => (
                Text::GapHoursLess,
                Text::GapHoursMore,
                Text::GapHoursEven,
                format::number(gap.abs(), 0),
            ),
            LessonChart::Profit => (
                Text::GapProfitLess,
                Text::GapProfitMore,
                Text::GapProfitEven,
                format::cny(gap.abs()),
            ),
        };
        // Less than half of the unit the text counts in reads as "the same".
        Some(if gap >= 0.5 {
            fill(lost.get(lang), &[&amount, &shown])
        } else if gap <= -0.5 {
            fill(gained.get(lang), &[&amount, &shown])
        } else {
            fill(even.get(lang), &[&shown])
        })
    }

    /// A lesson chart drawn up to week `week` (0-based).
    #[must_use]
    pub fn chart(&self, chart: LessonChart, week: u32, lang: Lang) -> LessonData {
        let (title, axis) = chart.titles();
        let mut frame = frame(self.run, title, axis, lang, Some(week + 1));
        // The dates say what the time axis is and the chart's title what the values are: the axis
        // titles would take room the room's large type needs.
        frame.x_axis_title.clear();
        frame.y_axis_title.clear();
        let series = |weeks: &[WeekKpis], name: &str| {
            Series::new(name, weeks.iter().map(|w| chart.value(w)).collect())
        };
        LessonData {
            frame,
            run: series(self.weeks(), &self.run_name),
            comparison: self.comparison.as_ref().map(|(w, n)| series(w, n)),
            ghost: self.ghost.as_ref().map(|(w, n)| series(w, n)),
            gap_text: self.gap_text(chart, week, lang),
        }
    }

    /// The scoreboard of the week shown: new loans and profit lost (or gained) so far against the
    /// comparison, and the book beside the comparison's; empty without a comparison.
    #[must_use]
    pub fn scoreboard(&self, week: u32, lang: Lang) -> Vec<KpiItem> {
        let Some(other) = self.comparison() else {
            return Vec::new();
        };
        let index = week as usize;
        let (Some(now), Some(then)) = (self.weeks().get(index), other.weeks.get(index)) else {
            return Vec::new();
        };
        let so_far = |weeks: &[WeekKpis]| -> f64 {
            weeks
                .iter()
                .take(index + 1)
                .map(|w| LessonChart::NewLoans.value(w))
                .sum()
        };
        let pair =
            |run: String, compared: String| fill(Text::ScorePair.get(lang), &[&run, &compared]);
        let loans = self.gap(LessonChart::NewLoans, week).unwrap_or(0.0);
        let profit = self.gap(LessonChart::Profit, week).unwrap_or(0.0);
        let count = |v: f64| format::number(v, 0);
        vec![
            KpiItem {
                id: "score-loans",
                label: if loans > -0.5 {
                    Text::ScoreLoansLost
                } else {
                    Text::ScoreLoansGained
                }
                .get(lang)
                .to_owned(),
                value: count(loans.abs()),
                hint: None,
                detail: pair(count(so_far(self.weeks())), count(so_far(other.weeks))),
            },
            KpiItem {
                id: "score-profit",
                label: if profit > -0.5 {
                    Text::ScoreProfitLost
                } else {
                    Text::ScoreProfitGained
                }
                .get(lang)
                .to_owned(),
                value: format::cny(profit.abs()),
                hint: None,
                detail: pair(
                    format::cny(now.cumulative_profit_cny),
                    format::cny(then.cumulative_profit_cny),
                ),
            },
            KpiItem {
                id: "score-book",
                label: Text::NowBook.get(lang).to_owned(),
                value: count(LessonChart::Book.value(now)),
                hint: None,
                detail: pair(
                    count(LessonChart::Book.value(now)),
                    count(LessonChart::Book.value(then)),
                ),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{run_ev, validate};
    use chrono::NaiveDate;

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date")
    }

    fn computed(params: &crate::engine::Params) -> Computed {
        Computed::run(params, start()).expect("valid")
    }

    /// The fault lesson: its preset, the lesson, the preset's run and its comparison's run.
    fn fault_lesson() -> (presets::Preset, Lesson, Computed, Computed) {
        let preset = presets::get("fault").expect("the fault");
        let lesson = Lesson::of("fault", 0);
        let run = computed(&preset.params);
        let comparison = computed(
            &lesson
                .comparison
                .as_ref()
                .expect("a comparison")
                .apply(&run.params),
        );
        (preset, lesson, run, comparison)
    }

    #[test]
    fn the_fault_is_compared_with_the_same_burst_under_fixed_cadence() {
        let (_, lesson, run, comparison) = fault_lesson();
        let parts = Counterparts::new(&run, Some(&lesson), Some(&comparison), None, Lang::En);
        assert_eq!(
            parts.sentence.as_deref(),
            Some("Compared with the same burst with prospecting kept: (a) fixed cadence at h*.")
        );
        assert_eq!(parts.run_name, "stop when busy");
        assert_eq!(parts.comparison().map(|c| c.name), Some("fixed cadence"));
        let chart = parts.chart(LessonChart::NewLoans, 31, Lang::En);
        assert_eq!(
            chart.ghost.as_ref().map(|g| g.label.as_str()),
            Some("without the shock")
        );
        assert!(chart.frame.x_axis_title.is_empty() && chart.frame.y_axis_title.is_empty());
        assert_eq!(chart.frame.dates.visible_weeks, Some(32));
        let zh = Counterparts::new(&run, Some(&lesson), Some(&comparison), None, Lang::Zh);
        assert_eq!(
            zh.sentence.as_deref(),
            Some("对照：同样的申请潮，但坚持营销——(a) 固定节奏 h*。")
        );
    }

    /// The gap the stage writes equals the same sum over a direct engine run of the comparison
    /// scenario (issue 15): the preset under policy (a), run on its own.
    #[test]
    fn the_gap_is_the_direct_run_of_the_comparison_scenario() {
        let (preset, lesson, run, comparison) = fault_lesson();
        let parts = Counterparts::new(&run, Some(&lesson), Some(&comparison), None, Lang::En);
        let direct = run_ev(&validate(&preset.with_variant(&preset.variants[1])).expect("valid"));
        let b = &run.ev.run.weeks;
        let a = &direct.run.weeks;
        for week in [20_u32, 24, 31, 60, 103] {
            let t = week as usize;
            let lost: f64 = (0..=t)
                .map(|s| a[s].new_loans.iter().sum::<f64>() - b[s].new_loans.iter().sum::<f64>())
                .sum();
            let gap = parts.gap(LessonChart::NewLoans, week).expect("a gap");
            assert!((gap - lost).abs() < 1e-9, "week {week}: {gap} vs {lost}");
            let profit = a[t].cumulative_profit_cny - b[t].cumulative_profit_cny;
            let gap = parts.gap(LessonChart::Profit, week).expect("a gap");
            assert!((gap - profit).abs() < 1e-6, "week {week}");
            // The scoreboard and the chart say the same number.
            let score = parts.scoreboard(week, Lang::En);
            let text = parts
                .gap_text(LessonChart::NewLoans, week, Lang::En)
                .expect("text");
            if lost.abs() >= 0.5 {
                assert!(text.starts_with(&format::number(lost.abs(), 0)), "{text}");
            } else {
                assert_eq!(text, format!("No new loans lost by week {}", week + 1));
            }
            assert_eq!(score[0].value, format::number(lost.abs(), 0));
            assert_eq!(score[1].value, format::cny(profit.abs()));
        }
        // The burst's extra loans come first, then the fault takes them back and more.
        assert!(parts.gap(LessonChart::NewLoans, 23).expect("gap") < -0.5);
        assert!(parts.gap(LessonChart::NewLoans, 103).expect("gap") > 0.5);
        assert!(parts.gap(LessonChart::Profit, 103).expect("gap") > 0.5);
        assert_eq!(
            parts.scoreboard(103, Lang::En)[0].label,
            "New loans lost so far"
        );
        assert_eq!(
            parts.scoreboard(23, Lang::En)[0].label,
            "New loans gained so far"
        );
        assert!(parts
            .gap_text(LessonChart::NewLoans, 103, Lang::En)
            .is_some_and(|t| t.ends_with("new loans lost by week 104")));
    }

    #[test]
    fn the_workspace_scenario_is_compared_with_its_run_without_the_decisions_or_its_baseline() {
        let preset = presets::get("fault").expect("the fault");
        let plain = computed(&preset.params);
        let parts = Counterparts::new(&plain, None, None, None, Lang::En);
        assert_eq!(
            parts.sentence.as_deref(),
            Some("Compared with the same scenario without its shocks.")
        );
        assert_eq!(
            parts.comparison().map(|c| c.name),
            Some("without the shock")
        );
        let mut decided = preset.params.clone();
        decided.interventions.push(crate::engine::params::Shock {
            start: 20.0,
            duration_weeks: 84.0,
            kind: crate::engine::params::ShockKind::Prospecting {
                change: crate::engine::params::ProspectingChange::Floor { hours: 4.0 },
            },
        });
        let run = computed(&decided);
        let parts = Counterparts::new(&run, None, None, Some(&plain), Lang::En);
        assert_eq!(parts.run_name, "this scenario + decisions");
        assert_eq!(
            parts.comparison().map(|c| c.name),
            Some("without the decisions")
        );
        let chart = parts.chart(LessonChart::Book, 40, Lang::En);
        assert_eq!(
            chart.ghost.map(|g| g.label),
            Some("without the shock".to_owned())
        );
        let steady = computed(&crate::engine::Params::default());
        let parts = Counterparts::new(&steady, None, None, None, Lang::En);
        assert!(parts.comparison().is_none());
        assert!(parts.scoreboard(10, Lang::En).is_empty());
        assert_eq!(parts.gap_text(LessonChart::NewLoans, 10, Lang::En), None);
    }

    #[test]
    fn every_lesson_has_two_charts_and_a_sentence_in_both_languages() {
        for preset in presets::all() {
            for variant in 0..preset.variants.len() {
                let lesson = Lesson::of(preset.id(), variant);
                for lang in [Lang::En, Lang::Zh] {
                    let sentence = lesson.sentence(lang).expect("a sentence");
                    assert!(!sentence.contains('{'), "{sentence}");
                    assert_ne!(
                        lesson.run_name(lang),
                        Text::ShortOwn.get(lang),
                        "{}",
                        preset.id()
                    );
                }
                let [first, second] = lesson_charts(Some(preset.id()));
                assert_ne!(first, second);
            }
        }
    }
}
