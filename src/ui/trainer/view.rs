//! Trainer mode's view model: the figures of the week the clock shows, and the gallery's cards.

use crate::engine::interventions;
use crate::engine::kpi::WeekKpis;
use crate::engine::params::{ProspectingChange, Shock, ShockKind, CHANNELS};
use crate::engine::{presets, validate, ChannelId, Params};
use crate::i18n::{fill, Lang, Text};
use crate::ui::format;
use crate::ui::trainer::presets::{preset_story, PresetStory};
use crate::ui::workspace::fields::channel_label;
use crate::ui::workspace::view::{error_text, preset_title, variant_label, KpiItem};
use crate::ui::workspace::Computed;

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
                hint: None,
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

/// The decisions a trainer can take at the week shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionChoice {
    Burst,
    Stop,
    Resume,
    SetHours,
    Floor,
    MixQuality,
    MixScenario,
    Team,
    Demand,
    Credit,
}

impl DecisionChoice {
    pub const ALL: [DecisionChoice; 10] = [
        DecisionChoice::Burst,
        DecisionChoice::Stop,
        DecisionChoice::Resume,
        DecisionChoice::SetHours,
        DecisionChoice::Floor,
        DecisionChoice::MixQuality,
        DecisionChoice::MixScenario,
        DecisionChoice::Team,
        DecisionChoice::Demand,
        DecisionChoice::Credit,
    ];

    /// Stable identifier for the form's options and tests.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            DecisionChoice::Burst => "burst",
            DecisionChoice::Stop => "stop",
            DecisionChoice::Resume => "resume",
            DecisionChoice::SetHours => "set_hours",
            DecisionChoice::Floor => "floor",
            DecisionChoice::MixQuality => "mix_quality",
            DecisionChoice::MixScenario => "mix_scenario",
            DecisionChoice::Team => "team",
            DecisionChoice::Demand => "demand",
            DecisionChoice::Credit => "credit",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<DecisionChoice> {
        DecisionChoice::ALL.into_iter().find(|c| c.id() == id)
    }

    #[must_use]
    pub fn label(self) -> Text {
        match self {
            DecisionChoice::Burst => Text::DecBurst,
            DecisionChoice::Stop => Text::DecStop,
            DecisionChoice::Resume => Text::DecResume,
            DecisionChoice::SetHours => Text::DecSetHours,
            DecisionChoice::Floor => Text::DecFloor,
            DecisionChoice::MixQuality => Text::DecMixQuality,
            DecisionChoice::MixScenario => Text::DecMixScenario,
            DecisionChoice::Team => Text::DecTeam,
            DecisionChoice::Demand => Text::DecDemand,
            DecisionChoice::Credit => Text::DecCredit,
        }
    }

    /// The value the decision needs — its label and the text the form starts with — if any.
    #[must_use]
    pub fn value(self) -> Option<(Text, &'static str)> {
        match self {
            DecisionChoice::Burst => Some((Text::DecValueApps, "6")),
            DecisionChoice::SetHours | DecisionChoice::Floor => Some((Text::DecValueHours, "4")),
            DecisionChoice::Team => Some((Text::DecValueAms, "1")),
            DecisionChoice::Demand => Some((Text::DecValueMult, "2.5")),
            DecisionChoice::Credit => Some((Text::DecValueMult, "3")),
            DecisionChoice::Stop
            | DecisionChoice::Resume
            | DecisionChoice::MixQuality
            | DecisionChoice::MixScenario => None,
        }
    }

    /// The duration the form starts with, in weeks; empty is "to the end of the run".
    #[must_use]
    pub fn default_duration(self) -> &'static str {
        match self {
            DecisionChoice::Burst => "2",
            DecisionChoice::Demand => "4",
            DecisionChoice::Credit => "8",
            _ => "",
        }
    }
}

/// Where the decision form found a problem, with the message in the page's language.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionProblem {
    Value(String),
    Duration(String),
}

fn quality_shares() -> [f64; CHANNELS] {
    let mut shares = [0.0; CHANNELS];
    if let Some(preset) = presets::get("quality") {
        for (share, channel) in shares.iter_mut().zip(&preset.params.channels) {
            *share = channel.hour_share;
        }
    }
    shares
}

/// The value's own range, said in words next to the field (the engine checks again).
fn check_range(
    choice: DecisionChoice,
    v: f64,
    params: &Params,
    lang: Lang,
) -> Result<(), DecisionProblem> {
    let n = |x: f64| format::number(x, 0);
    let problem = |text: Text, lo: String, hi: String| {
        Err(DecisionProblem::Value(fill(text.get(lang), &[&lo, &hi])))
    };
    match choice {
        DecisionChoice::Burst if !(v > 0.0 && v <= 100.0) => {
            problem(Text::DecRangeAbove, n(0.0), n(100.0))
        }
        DecisionChoice::SetHours | DecisionChoice::Floor
            if !(0.0..=params.team.hours_per_week).contains(&v) =>
        {
            problem(
                Text::DecRange,
                n(0.0),
                format::number(params.team.hours_per_week, 1),
            )
        }
        DecisionChoice::Team => {
            let (lo, hi) = (1.0 - params.team.ams, 200.0 - params.team.ams);
            if v == 0.0 || v.fract() != 0.0 || v < lo || v > hi {
                problem(Text::DecRangeAms, n(lo), n(hi))
            } else {
                Ok(())
            }
        }
        DecisionChoice::Demand if !(0.0..=10.0).contains(&v) => {
            problem(Text::DecRange, n(0.0), n(10.0))
        }
        DecisionChoice::Credit if !(0.0..=50.0).contains(&v) => {
            problem(Text::DecRange, n(0.0), n(50.0))
        }
        _ => Ok(()),
    }
}

/// The decision the form describes, taken at simulation week `week` of the scenario `params`, checked
/// by the engine's validation so a decision that would break the scenario is refused where it was
/// entered.
pub fn decision(
    choice: DecisionChoice,
    value_text: &str,
    duration_text: &str,
    week: u32,
    params: &Params,
    lang: Lang,
) -> Result<Shock, DecisionProblem> {
    let value = match choice.value() {
        Some(_) => Some(
            format::parse_number(value_text)
                .ok_or_else(|| DecisionProblem::Value(Text::DecNotNumber.get(lang).to_owned()))?,
        ),
        None => None,
    };
    if let Some(v) = value {
        check_range(choice, v, params, lang)?;
    }
    let horizon = params.team.horizon_weeks;
    let duration = if duration_text.trim().is_empty() {
        interventions::from_now_on(week, horizon)
    } else {
        match format::parse_number(duration_text) {
            Some(d) if d >= 1.0 && d.fract() == 0.0 && d <= horizon => d,
            _ => {
                return Err(DecisionProblem::Duration(fill(
                    Text::DecNotWeeks.get(lang),
                    &[&format::number(horizon, 0)],
                )))
            }
        }
    };
    let v = value.unwrap_or(0.0);
    let kind = match choice {
        DecisionChoice::Burst => ShockKind::Burst {
            apps_per_am: v,
            mix: None,
        },
        DecisionChoice::Stop => ShockKind::Prospecting {
            change: ProspectingChange::Stop,
        },
        DecisionChoice::Resume => ShockKind::Prospecting {
            change: ProspectingChange::Resume,
        },
        DecisionChoice::SetHours => ShockKind::Prospecting {
            change: ProspectingChange::Set { hours: v },
        },
        DecisionChoice::Floor => ShockKind::Prospecting {
            change: ProspectingChange::Floor { hours: v },
        },
        DecisionChoice::MixQuality => ShockKind::ChannelMix {
            shares: quality_shares(),
        },
        DecisionChoice::MixScenario => {
            let mut shares = [0.0; CHANNELS];
            for (share, channel) in shares.iter_mut().zip(&params.channels) {
                *share = channel.hour_share;
            }
            ShockKind::ChannelMix { shares }
        }
        DecisionChoice::Team => ShockKind::Team { ams_delta: v },
        DecisionChoice::Demand => ShockKind::Demand {
            mult: v,
            flows: None,
        },
        DecisionChoice::Credit => ShockKind::Credit { mult: v },
    };
    let shock = Shock {
        start: f64::from(week),
        duration_weeks: duration,
        kind,
    };
    let candidate = interventions::decide(params, shock.clone());
    match validate(&candidate) {
        Ok(_) => Ok(shock),
        Err(errors) => {
            let message = errors
                .iter()
                .map(|e| error_text(e, &candidate, lang))
                .collect::<Vec<_>>()
                .join(" ");
            Err(DecisionProblem::Value(message))
        }
    }
}

/// A decision in words, e.g. "Keep at least 4 h of prospecting".
#[must_use]
pub fn describe(shock: &Shock, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    match &shock.kind {
        ShockKind::Burst { apps_per_am, .. } => {
            fill(t(Text::DescBurst), &[&format::number(*apps_per_am, 1)])
        }
        ShockKind::Prospecting { change } => match change {
            ProspectingChange::Stop => t(Text::DecStop).to_owned(),
            ProspectingChange::Resume => t(Text::DescResume).to_owned(),
            ProspectingChange::Set { hours } => {
                fill(t(Text::DescSetHours), &[&format::number(*hours, 1)])
            }
            ProspectingChange::Floor { hours } => {
                fill(t(Text::DescFloor), &[&format::number(*hours, 1)])
            }
        },
        ShockKind::ChannelMix { shares } => {
            let mut ranked: Vec<(usize, f64)> = shares
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, s)| *s > 0.0)
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
            let parts = ranked
                .iter()
                .take(3)
                .map(|&(i, share)| {
                    let name = channel_label(ChannelId::ALL[i]).get(lang);
                    format!("{name} {}", format::percent(share, 0))
                })
                .collect::<Vec<_>>()
                .join(", ");
            fill(t(Text::DescMix), &[&parts])
        }
        ShockKind::Team { ams_delta } => {
            let sign = if *ams_delta > 0.0 { "+" } else { "" };
            fill(
                t(Text::DescTeam),
                &[&format!("{sign}{}", format::number(*ams_delta, 0))],
            )
        }
        ShockKind::Demand { mult, .. } => fill(t(Text::DescDemand), &[&format::number(*mult, 2)]),
        ShockKind::Credit { mult } => fill(t(Text::DescCredit), &[&format::number(*mult, 2)]),
        ShockKind::Capacity { frac } => fill(t(Text::DescCapacity), &[&format::percent(*frac, 0)]),
    }
}

/// One line of the decision log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    /// Index into `Params::interventions`.
    pub index: usize,
    /// The week it starts, counted from 1 as on the charts.
    pub week_number: u32,
    /// "Week 21".
    pub week: String,
    pub text: String,
    /// "for 2 weeks" or "to the end".
    pub duration: String,
    /// Whether the decision starts after the week shown (it is still to come on replay).
    pub later: bool,
}

/// The decision log in the order it was recorded.
#[must_use]
pub fn log_entries(params: &Params, week: u32, lang: Lang) -> Vec<LogEntry> {
    params
        .interventions
        .iter()
        .enumerate()
        .map(|(index, shock)| {
            let start = shock.start.max(0.0) as u32;
            let to_end = shock.start + shock.duration_weeks >= params.team.horizon_weeks;
            LogEntry {
                index,
                week_number: start + 1,
                week: fill(Text::LogEntry.get(lang), &[&(start + 1).to_string()]),
                text: describe(shock, lang),
                duration: if to_end {
                    Text::LogToEnd.get(lang).to_owned()
                } else {
                    fill(
                        Text::LogFor.get(lang),
                        &[&format::number(shock.duration_weeks, 0)],
                    )
                },
                later: start > week,
            }
        })
        .collect()
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

    #[test]
    #[allow(clippy::float_cmp)] // Weeks are whole numbers, exact in f64.
    fn a_decision_is_taken_at_the_week_shown_and_checked_by_the_engine() {
        let params = fault().params;
        let horizon = params.team.horizon_weeks;
        let floor = decision(DecisionChoice::Floor, "4", "", 20, &params, Lang::En).unwrap();
        assert_eq!(floor.start, 20.0);
        assert_eq!(
            floor.duration_weeks,
            horizon - 20.0,
            "empty duration: to the end"
        );
        assert_eq!(
            floor.kind,
            ShockKind::Prospecting {
                change: ProspectingChange::Floor { hours: 4.0 }
            }
        );
        let burst = decision(DecisionChoice::Burst, "6", "2", 30, &params, Lang::En).unwrap();
        assert_eq!(burst.duration_weeks, 2.0);
        assert!(matches!(
            decision(DecisionChoice::Floor, "four", "", 20, &params, Lang::En),
            Err(DecisionProblem::Value(m)) if m.contains("number")
        ));
        assert!(matches!(
            decision(DecisionChoice::Burst, "6", "0", 20, &params, Lang::En),
            Err(DecisionProblem::Duration(_))
        ));
        // Out of range: the range in words, where the value was typed, in either language.
        let refused =
            |choice, value: &str, lang| match decision(choice, value, "2", 20, &params, lang) {
                Err(DecisionProblem::Value(message)) => message,
                other => panic!("{value} must be refused, got {other:?}"),
            };
        assert_eq!(
            refused(DecisionChoice::Burst, "500", Lang::En),
            "Enter a number above 0, up to 100."
        );
        assert_eq!(
            refused(DecisionChoice::Floor, "-4", Lang::En),
            "Enter a number from 0 to 40.0."
        );
        assert_eq!(
            refused(DecisionChoice::Floor, "-4", Lang::Zh),
            "请输入 0 至 40.0 之间的数值。"
        );
        assert!(refused(DecisionChoice::Floor, "1e308", Lang::En).len() < 60);
        assert!(refused(DecisionChoice::Team, "0", Lang::En).contains("not 0"));
        assert!(refused(DecisionChoice::Team, "1.5", Lang::En).contains("whole number"));
        assert!(refused(DecisionChoice::Team, "-6", Lang::En).contains("from -5 to 194"));
        assert!(refused(DecisionChoice::Credit, "60", Lang::En).contains("0 to 50"));
        assert!(refused(DecisionChoice::Burst, "4,5", Lang::En).contains("number"));
        // A mix decision carries shares that sum to 1.
        let mix = decision(DecisionChoice::MixQuality, "", "", 5, &params, Lang::En).unwrap();
        let ShockKind::ChannelMix { shares } = mix.kind else {
            panic!("a mix decision");
        };
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_log_reads_in_words_and_marks_decisions_still_to_come() {
        let mut params = fault().params;
        let floor = decision(DecisionChoice::Floor, "4", "", 20, &params, Lang::En).unwrap();
        params = interventions::decide(&params, floor);
        let team = decision(DecisionChoice::Team, "2", "10", 40, &params, Lang::En).unwrap();
        params = interventions::decide(&params, team);
        let log = log_entries(&params, 30, Lang::En);
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].week, "Week 21");
        assert_eq!(log[0].text, "Keep at least 4.0 h of prospecting");
        assert_eq!(log[0].duration, "to the end");
        assert!(!log[0].later);
        assert_eq!(log[1].text, "+2 account managers");
        assert_eq!(log[1].duration, "for 10 weeks");
        assert!(log[1].later);
        let zh = log_entries(&params, 30, Lang::Zh);
        assert_eq!(zh[0].week, "第 21 周");
    }
}
