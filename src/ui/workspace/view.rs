//! View models: the engine's results turned into the formatted strings the components show.
//!
//! Components render these as they are; every figure on the page is formatted here, once, in the
//! user's language, and tested natively.

use crate::engine::params::PolicyKind;
use crate::engine::spec::{self, Kind};
use crate::engine::{Kpi, ParamError, Params, Rule, Tier, WarningCode};
use crate::i18n::{fill, unit_words, Lang, Text};
use crate::ui::format;
use crate::ui::workspace::fields::{tier_label, Field, Range};
use crate::ui::workspace::{plain_number, Computed, InputProblem};

/// One figure of the KPI panel.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiItem {
    /// Stable id for tests and the DOM.
    pub id: &'static str,
    pub label: String,
    pub value: String,
    /// Unit and context, e.g. "h per AM per week · team 53 h".
    pub detail: String,
    /// What the figure is in the model, with its symbol (a tooltip), for the figures that have one.
    pub hint: Option<String>,
}

/// The KPI panel: closed-form figures, fault metrics, and the warnings in words.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiPanel {
    pub items: Vec<KpiItem>,
    pub unit_economics: Vec<KpiItem>,
    pub warnings: Vec<String>,
}

/// A figure with its label in the page's language.
#[must_use]
pub fn item(id: &'static str, label: Text, value: String, detail: String, lang: Lang) -> KpiItem {
    KpiItem {
        id,
        label: label.get(lang).to_owned(),
        value,
        detail,
        hint: kpi_hint(label).map(|hint| hint.get(lang).to_owned()),
    }
}

/// The model's symbol for a figure, in a sentence: the heading says it in words.
fn kpi_hint(label: Text) -> Option<Text> {
    Some(match label {
        Text::KpiHStar => Text::KpiHStarHint,
        Text::KpiAStar => Text::KpiAStarHint,
        Text::KpiAMax => Text::KpiAMaxHint,
        Text::KpiABreakEven => Text::KpiABreakEvenHint,
        Text::KpiLoopGain => Text::KpiLoopGainHint,
        _ => return None,
    })
}

fn opt_number(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(
        || format::MISSING.to_owned(),
        |v| format::number(v, decimals),
    )
}

/// The closed-form figures: h*, A*, `A_max`, `A_BE`, slack, profit, loop gain.
fn summary_items(result: &Computed, lang: Lang) -> Vec<KpiItem> {
    let t = |text: Text| text.get(lang);
    let ams = result.params.team.ams;
    let mut items = Vec::new();
    if let Some(s) = &result.ev.summary {
        items.push(item(
            "h-star",
            Text::KpiHStar,
            format::number(s.h_star, 2),
            fill(
                t(Text::KpiHStarDetail),
                &[&format::number(s.h_star * ams, 0)],
            ),
            lang,
        ));
        items.push(item(
            "a-star",
            Text::KpiAStar,
            format::number(s.a_star, 1),
            fill(
                t(Text::KpiAStarDetail),
                &[&format::number(s.a_star_hours, 2)],
            ),
            lang,
        ));
        items.push(item(
            "a-max",
            Text::KpiAMax,
            opt_number(s.a_max, 1),
            fill(t(Text::KpiAtHours), &[&opt_number(s.h_max, 1)]),
            lang,
        ));
        items.push(item(
            "a-be",
            Text::KpiABreakEven,
            opt_number(s.a_break_even, 0),
            fill(t(Text::KpiAtHours), &[&opt_number(s.h_break_even, 1)]),
            lang,
        ));
        items.push(item(
            "slack",
            Text::KpiSlack,
            format::number(s.at_target.slack_hours, 1),
            fill(
                t(Text::KpiSlackDetail),
                &[&format::percent(
                    s.at_target.hours_total / result.params.team.hours_per_week,
                    0,
                )],
            ),
            lang,
        ));
        items.push(item(
            "profit-year",
            Text::KpiYearlyProfit,
            format::cny(s.at_target.profit_cny * 52.0),
            fill(
                t(Text::KpiYearlyProfitDetail),
                &[&format::cny(s.at_target.profit_cny * 52.0 * ams)],
            ),
            lang,
        ));
        items.push(item(
            "loop-gain",
            Text::KpiLoopGain,
            format::number(s.loop_gain, 2),
            fill(
                t(Text::KpiLoopGainDetail),
                &[&format::percent(s.referral_share_of_leads, 0)],
            ),
            lang,
        ));
    }

    items
}

/// The fault metrics on new loans against the shock-free baseline.
fn fault_items(result: &Computed, lang: Lang) -> Vec<KpiItem> {
    let t = |text: Text| text.get(lang);
    let ams = result.params.team.ams;
    let mut items = Vec::new();
    match &result.ev.fault {
        Some(f) if f.new_loans.depth > 0.0 => {
            let m = &f.new_loans;
            items.push(item(
                "fault-depth",
                Text::KpiFaultDepth,
                format::percent(m.depth, 0),
                fill(
                    t(Text::KpiFaultDepthDetail),
                    &[&m.trough_week
                        .map_or_else(String::new, |w| (w + 1).to_string())],
                ),
                lang,
            ));
            items.push(item(
                "fault-delay",
                Text::KpiFaultDelay,
                m.delay_weeks
                    .map_or_else(|| format::MISSING.to_owned(), |d| d.to_string()),
                fill(
                    t(Text::KpiFaultDelayDetail),
                    &[&m.onset_weeks
                        .map_or_else(|| format::MISSING.to_owned(), |d| d.to_string())],
                ),
                lang,
            ));
            items.push(item(
                "fault-duration",
                Text::KpiFaultDuration,
                m.duration_weeks.to_string(),
                t(Text::KpiFaultDurationDetail).to_owned(),
                lang,
            ));
            items.push(item(
                "fault-lost",
                Text::KpiFaultLost,
                format::number(m.lost, 1),
                fill(t(Text::KpiPerAm), &[&format::number(m.lost / ams, 2)]),
                lang,
            ));
        }
        Some(_) => items.push(item(
            "fault-depth",
            Text::KpiFaultDepth,
            format::percent(0.0, 0),
            t(Text::KpiNoFault).to_owned(),
            lang,
        )),
        None => {}
    }

    items
}

/// Builds the KPI panel for a result.
#[must_use]
pub fn kpi_panel(result: &Computed, lang: Lang) -> KpiPanel {
    let t = |text: Text| text.get(lang);
    let ams = result.params.team.ams;
    let run = &result.ev.run;
    let mut items = Vec::new();

    items.extend(summary_items(result, lang));

    let last = run.weeks.last();
    let end_loans = last.map_or(0.0, |w| w.active_loans.iter().sum::<f64>());
    items.push(item(
        "book-end",
        Text::KpiBookAtEnd,
        format::number(end_loans, 0),
        fill(
            t(Text::KpiBookAtEndDetail),
            &[
                &format::number(end_loans / ams, 1),
                &run.weeks.len().to_string(),
            ],
        ),
        lang,
    ));
    let par30 = run.series(Kpi::Par30);
    let mean_par30 = if par30.is_empty() {
        0.0
    } else {
        par30.iter().sum::<f64>() / par30.len() as f64
    };
    items.push(item(
        "par30",
        Text::KpiPar30,
        format::percent(mean_par30, 2),
        t(Text::KpiPar30Detail).to_owned(),
        lang,
    ));

    items.extend(fault_items(result, lang));

    let unit_economics = result
        .ev
        .summary
        .as_ref()
        .map(|s| {
            Tier::ALL
                .into_iter()
                .map(|tier| {
                    let u = &s.unit_economics[tier.index()];
                    KpiItem {
                        id: match tier {
                            Tier::Prime => "unit-prime",
                            Tier::Standard => "unit-standard",
                            Tier::Marginal => "unit-marginal",
                        },
                        label: tier_label(tier).get(lang).to_owned(),
                        value: format::cny(u.contribution_cny),
                        detail: fill(
                            t(Text::KpiUnitDetail),
                            &[
                                &format::cny(u.income_cny),
                                &format::cny(u.expected_loss_cny),
                                &format::number(u.hours, 1),
                            ],
                        ),
                        hint: None,
                    }
                })
                .collect()
        })
        .unwrap_or_default();

    let warnings = result
        .ev
        .warnings
        .iter()
        .map(|w| warning_text(w.code, w.value, &w.message, lang))
        .collect();

    KpiPanel {
        items,
        unit_economics,
        warnings,
    }
}

/// A warning in words: the engine's sentence in English, a translated one in Chinese.
#[must_use]
pub fn warning_text(code: WarningCode, value: f64, english: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return english.to_owned();
    }
    let key = match code {
        WarningCode::TargetNeedsMoreHours => Text::WarnTargetNeedsMoreHours,
        WarningCode::HStarZero => Text::WarnHStarZero,
        WarningCode::ProfitNegativeAtTarget => Text::WarnProfitNegative,
        WarningCode::NoBreakEven => Text::WarnNoBreakEven,
        WarningCode::HighGain => Text::WarnHighGain,
        WarningCode::NoSteadyState => Text::WarnNoSteadyState,
        WarningCode::NoSustainableCaseload => Text::WarnNoSustainableCaseload,
    };
    fill(key.get(lang), &[&format::number(value, 2)])
}

/// The message shown under an input for a problem found before the engine saw the value.
#[must_use]
pub fn input_problem_text(problem: InputProblem, lang: Lang) -> String {
    match problem {
        InputProblem::NotANumber => Text::ErrNotANumber.get(lang).to_owned(),
        InputProblem::Empty => Text::ErrEmpty.get(lang).to_owned(),
    }
}

/// The message shown for an engine error: its own sentence in English, a translated one in Chinese
/// (an out-of-range value says the engine's range in words).
#[must_use]
pub fn error_text(error: &ParamError, params: &Params, lang: Lang) -> String {
    if lang == Lang::En {
        return error.message.clone();
    }
    let key = match error.rule {
        Rule::OutOfRange => {
            if let Some((row, _)) = spec::find(&error.param, params) {
                let range = Range::of(row, params);
                return fill(
                    Text::ErrOutOfRangeWords.get(lang),
                    &[&range_words(&range, lang), &error.value.to_string()],
                );
            }
            Text::ErrOutOfRangeGeneric
        }
        Rule::NotFinite => Text::ErrNotANumber,
        Rule::NotInteger => Text::ErrNotInteger,
        Rule::ExitPairAboveOne => Text::ErrExitPairAboveOne,
        Rule::ExitPairZero => Text::ErrExitPairZero,
        Rule::SumNotOne => Text::ErrSumNotOne,
        Rule::DuplicateTerm => Text::ErrDuplicateTerm,
        Rule::FloorAboveCap => Text::ErrFloorAboveCap,
        Rule::MinAboveMax => Text::ErrMinAboveMax,
        Rule::ShockStartAfterHorizon => Text::ErrShockStart,
        Rule::ShockTooShort => Text::ErrShockTooShort,
        Rule::LoopGainTooHigh => Text::ErrLoopGain,
        Rule::UnreachableTarget => Text::ErrUnreachableTarget,
        Rule::InitOutsideSteadyRange => Text::ErrInitOutsideRange,
        Rule::Syntax => Text::ErrSyntax,
        Rule::UnsupportedVersion => Text::ErrUnsupportedVersion,
        Rule::UnknownField => Text::ErrUnknownField,
        Rule::MissingField => Text::ErrMissingField,
        Rule::InvalidType => match spec::find(&error.param, params) {
            Some((row, _)) if row.kind == Kind::Whole => Text::ErrInvalidTypeWhole,
            Some(_) => Text::ErrInvalidTypeNumber,
            None => Text::ErrInvalidType,
        },
        _ => Text::ErrInvalid,
    };
    fill(key.get(lang), &[&error.value.to_string()])
}

/// The message shown under an input for an engine error: for a value outside its range, the
/// engine's range in words with the unit and what was found, in either language
/// ("must be in [5, 80]: between 5 and 80 h per AM per week (got 100)"); otherwise
/// [`error_text`].
#[must_use]
pub fn field_error_text(error: &ParamError, params: &Params, lang: Lang) -> String {
    expected_text(error, params, lang).unwrap_or_else(|| error_text(error, params, lang))
}

/// What a range rule expected, in words, from the parameter's spec row.
fn expected_text(error: &ParamError, params: &Params, lang: Lang) -> Option<String> {
    if !matches!(
        error.rule,
        Rule::OutOfRange | Rule::NotInteger | Rule::NotFinite
    ) {
        return None;
    }
    let (row, _) = spec::find(&error.param, params)?;
    let range = Range::of(row, params);
    let unit = unit_words(row.unit)
        .map(|unit| fill(Text::UnitSuffix.get(lang), &[unit.get(lang)]))
        .unwrap_or_default();
    let key = if range.integer {
        Text::ErrRangeWhole
    } else {
        Text::ErrRangeNumber
    };
    Some(fill(
        key.get(lang),
        &[
            &range_notation(&range),
            &range_words(&range, lang),
            &error.value.to_string(),
            &unit,
        ],
    ))
}

/// A range as validation writes it: `[1, 200]`, `(0, 80]`, `[0, ∞]`.
#[must_use]
pub fn range_notation(range: &Range) -> String {
    let open = if range.min_open { "(" } else { "[" };
    let close = if range.max_open { ")" } else { "]" };
    format!(
        "{open}{}, {}{close}",
        bound_text(range.min),
        bound_text(range.max)
    )
}

fn bound_text(value: f64) -> String {
    if value.is_infinite() {
        "∞".to_owned()
    } else {
        plain_number(value)
    }
}

/// A range in words: "between 5 and 80", "more than 0 and at most 80", "at least 1".
#[must_use]
pub fn range_words(range: &Range, lang: Lang) -> String {
    let (lo, hi) = (plain_number(range.min), plain_number(range.max));
    if range.max.is_infinite() {
        let key = if range.min_open {
            Text::RangeMoreThan
        } else {
            Text::RangeAtLeast
        };
        return fill(key.get(lang), &[&lo]);
    }
    let key = match (range.min_open, range.max_open) {
        (false, false) => Text::RangeBetween,
        (true, false) => Text::RangeAboveUpTo,
        (false, true) => Text::RangeFromBelow,
        (true, true) => Text::RangeAboveBelow,
    };
    fill(key.get(lang), &[&lo, &hi])
}

/// The valid range shown beside an input: "1–200, whole numbers", "more than 0 and at most 80".
#[must_use]
pub fn range_hint(range: &Range, lang: Lang) -> String {
    let closed = !range.min_open && !range.max_open && range.max.is_finite();
    let text = if closed {
        format!("{}–{}", plain_number(range.min), plain_number(range.max))
    } else {
        range_words(range, lang)
    };
    if range.integer {
        fill(Text::HintWhole.get(lang), &[&text])
    } else {
        text
    }
}

/// A preset's translated title.
#[must_use]
pub fn preset_title(id: &str) -> Option<Text> {
    Some(match id {
        "steady" => Text::PresetSteady,
        "fault" => Text::PresetFault,
        "floor" => Text::PresetFloor,
        "festival" => Text::PresetFestival,
        "spike" => Text::PresetSpike,
        "quality" => Text::PresetQuality,
        "ramp" => Text::PresetRamp,
        _ => return None,
    })
}

/// A preset policy variant's translated label.
#[must_use]
pub fn variant_label(id: &str) -> Option<Text> {
    Some(match id {
        "a" => Text::VariantFixed,
        "b" => Text::VariantStopWhenBusy,
        "b_floor" => Text::VariantFloor,
        "c" => Text::VariantTarget,
        "c_boost" => Text::VariantTargetBoost,
        "b_full" => Text::VariantFullWeek,
        _ => return None,
    })
}

/// Which policy-specific inputs the basic view shows.
#[must_use]
pub fn policy_fields(kind: PolicyKind) -> &'static [Field] {
    match kind {
        PolicyKind::Fixed => &[Field::FixedHours],
        PolicyKind::StopWhenBusy => &[Field::CapHours, Field::FloorHours],
        PolicyKind::TargetPipeline => &[
            Field::Coverage,
            Field::Gain,
            Field::MinHours,
            Field::MaxHours,
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn computed(params: &Params) -> Computed {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
        Computed::run(params, start).expect("valid scenario")
    }

    fn value<'a>(panel: &'a KpiPanel, id: &str) -> &'a str {
        &panel
            .items
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("{id} shown"))
            .value
    }

    #[test]
    fn default_panel_shows_the_reference_figures() {
        let panel = kpi_panel(&computed(&Params::default()), Lang::En);
        assert_eq!(value(&panel, "h-star"), "8.80");
        assert_eq!(value(&panel, "a-max"), "134.6");
        assert_eq!(value(&panel, "a-be"), "84");
        assert_eq!(value(&panel, "a-star"), "120.0");
        let unit: Vec<_> = panel
            .unit_economics
            .iter()
            .map(|u| u.value.as_str())
            .collect();
        assert_eq!(unit, ["¥2,533", "¥712", "-¥1,886"]);
        assert!(panel.items.iter().all(|i| i.id != "fault-delay"));
    }

    #[test]
    fn team_figures_scale_with_the_team_and_per_am_figures_do_not() {
        let mut eight = Params::default();
        eight.team.ams = 8.0;
        let six = kpi_panel(&computed(&Params::default()), Lang::En);
        let eight = kpi_panel(&computed(&eight), Lang::En);
        assert_eq!(value(&six, "h-star"), value(&eight, "h-star"));
        assert_eq!(value(&six, "book-end"), "720");
        assert_eq!(value(&eight, "book-end"), "960");
        let detail = |p: &KpiPanel| p.items[0].detail.clone();
        assert_ne!(detail(&six), detail(&eight));
    }

    #[test]
    fn the_fault_preset_shows_depth_and_delay() {
        let preset = crate::engine::presets::get("fault").expect("fault preset");
        let panel = kpi_panel(&computed(&preset.params), Lang::En);
        assert_eq!(value(&panel, "fault-depth"), "52%");
        assert_eq!(value(&panel, "fault-delay"), "7");
    }

    #[test]
    fn every_preset_and_variant_has_a_translated_name() {
        for preset in crate::engine::presets::all() {
            assert!(preset_title(preset.id()).is_some(), "{}", preset.id());
            for v in &preset.variants {
                assert!(variant_label(v.id).is_some(), "{}:{}", preset.id(), v.id);
                assert_eq!(variant_label(v.id).map(|t| t.get(Lang::En)), Some(v.label));
            }
        }
    }

    #[test]
    fn field_errors_say_the_engines_range_in_words_with_the_unit() {
        // Issue 13: the page's field errors quote the engine's range, in both languages.
        let mut p = Params::default();
        p.team.hours_per_week = 100.0;
        p.team.ams = 6.5;
        p.channels[4].saturation_hours = 0.0;
        let errors = crate::engine::validate(&p).expect_err("invalid");
        let text = |param: &str, lang| {
            let error = errors.iter().find(|e| e.param == param).expect(param);
            field_error_text(error, &p, lang)
        };
        assert_eq!(
            text("team.hours_per_week", Lang::En),
            "must be in [5, 80]: between 5 and 80 h per AM per week (got 100)"
        );
        assert_eq!(
            text("team.hours_per_week", Lang::Zh),
            "必须在 5 至 80 之间，单位：小时/人/周（[5, 80]，当前 100）。"
        );
        assert_eq!(
            text("channels.media.saturation_hours", Lang::En),
            "must be in (0, 80]: more than 0 and at most 80 h per AM per week (got 0)"
        );
        assert_eq!(
            text("channels.media.saturation_hours", Lang::Zh),
            "必须大于 0 且不超过 80，单位：小时/人/周（(0, 80]，当前 0）。"
        );
        assert_eq!(
            text("team.ams", Lang::En),
            "must be in [1, 200]: a whole number between 1 and 200 AMs (got 6.5)"
        );
        assert_eq!(
            text("team.ams", Lang::Zh),
            "必须为整数，且在 1 至 200 之间，单位：人（[1, 200]，当前 6.5）。"
        );
        // Other rules keep their own sentence.
        p = Params::default();
        p.channels[0].mix = [0.5, 0.5, 0.5];
        let errors = crate::engine::validate(&p).expect_err("invalid");
        assert_eq!(
            field_error_text(&errors[0], &p, Lang::En),
            errors[0].message
        );
    }

    #[test]
    fn range_hints_say_open_ends_and_whole_numbers() {
        let p = Params::default();
        let hint = |field: Field, lang| range_hint(&field.range_in(&p), lang);
        assert_eq!(hint(Field::Ams, Lang::En), "1–200, whole numbers");
        assert_eq!(hint(Field::Ams, Lang::Zh), "1–200，整数");
        assert_eq!(hint(Field::HoursPerWeek, Lang::En), "5–80");
        assert_eq!(
            hint(
                Field::ChannelSaturation(crate::engine::ChannelId::Flyer),
                Lang::En
            ),
            "more than 0 and at most 80"
        );
        assert_eq!(hint(Field::Renege, Lang::En), "at least 0 and less than 1");
        assert_eq!(hint(Field::Gain, Lang::Zh), "大于 0 且不超过 1");
        assert_eq!(hint(Field::FixedHours, Lang::En), "0–40");
        assert_eq!(
            hint(Field::ShockStart(0), Lang::En),
            "at least 0, whole numbers"
        );
    }

    #[test]
    fn chinese_errors_name_the_range() {
        let mut p = Params::default();
        p.team.ams = 0.0;
        let errors = crate::engine::validate(&p).expect_err("invalid");
        let text = error_text(&errors[0], &p, Lang::Zh);
        assert!(text.contains("1 至 200"), "{text}");
        assert_eq!(error_text(&errors[0], &p, Lang::En), errors[0].message);
    }
}
