//! Chart view models: the engine's weekly series, Monte Carlo bands and pinned scenarios turned into the
//! data structs of `ui::charts`, with every title, axis title and legend label translated.
//!
//! Series are team totals, except the hours chart, which is per AM (hours are a per-AM budget).

use crate::engine::calendar::Season;
use crate::engine::kpi::{WeekKpis, BANDED_KPIS};
use crate::engine::montecarlo::McOutput;
use crate::engine::params::{Params, ShockKind};
use crate::engine::{Kpi, Tier};
use crate::i18n::{fill, Lang, Text};
use crate::ui::charts::{
    ActiveLoansData, Band, BandKind, ChartFrame, DateAxis, Fan, FaultAnnotation, HoursData,
    NewLoansData, NumberUnits, PipelineData, ProfitData, QualityMixData, Runs, Series,
};
use crate::ui::compare::Pinned;
use crate::ui::format;
use crate::ui::workspace::fields::tier_label;
use crate::ui::workspace::Computed;

/// Every chart of the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSet {
    pub active_loans: ActiveLoansData,
    pub new_loans: NewLoansData,
    pub pipeline: PipelineData,
    pub hours: HoursData,
    pub quality_mix: QualityMixData,
    pub profit: ProfitData,
}

/// What the charts draw besides the current result.
#[derive(Default)]
pub struct Overlays<'a> {
    pub mc: Option<&'a McOutput>,
    pub pinned: &'a [Pinned],
    /// Trainer mode: draw weeks `t < visible_weeks` only.
    pub visible_weeks: Option<u32>,
    /// Trainer mode: the run without the decisions.
    pub ghost: Option<&'a Computed>,
}

fn series(weeks: &[WeekKpis], f: impl Fn(&WeekKpis) -> f64) -> Vec<f64> {
    weeks.iter().map(f).collect()
}

fn total(values: &[f64; 3]) -> f64 {
    values.iter().sum()
}

/// Shaded weeks: festival weeks (any week whose demand or availability multiplier is not 1) and the
/// weeks each shock (or trainer's event) is active.
#[must_use]
pub fn bands(result: &Computed) -> Vec<Band> {
    bands_of(&result.params, result.ev.run.weeks.len() as u32)
}

/// [`bands`] of a scenario over `horizon` weeks (the classroom's room, which has no `Computed`).
#[must_use]
pub fn bands_of(params: &Params, horizon: u32) -> Vec<Band> {
    let season = Season::from_calendar(&params.calendar);
    let start_week = params.team.start_week.clamp(1.0, 52.0) as u32;
    let festive = |t: u32| {
        let y = ((start_week - 1 + t) % 52) as usize;
        (season.demand[y] - 1.0).abs() > 1e-12 || (season.availability[y] - 1.0).abs() > 1e-12
    };
    let mut out = Vec::new();
    let mut t = 0;
    while t < horizon {
        if festive(t) {
            let start = t;
            while t < horizon && festive(t) {
                t += 1;
            }
            out.push(Band {
                start_week: start,
                end_week_exclusive: t,
                kind: BandKind::Festival,
            });
        } else {
            t += 1;
        }
    }
    // The trainer's events (a burst, a demand spike, a credit shock) shade like the scenario's; step
    // changes of prospecting, mix or team run to the end of the run and are listed in the log instead.
    let events = params.interventions.iter().filter(|s| {
        matches!(
            s.kind,
            ShockKind::Burst { .. }
                | ShockKind::Demand { .. }
                | ShockKind::Credit { .. }
                | ShockKind::Capacity { .. }
        )
    });
    for shock in params.shocks.iter().chain(events) {
        let start = shock.start.max(0.0) as u32;
        let end = (shock.start + shock.duration_weeks).max(0.0) as u32;
        if start < horizon {
            out.push(Band {
                start_week: start,
                end_week_exclusive: end.min(horizon),
                kind: BandKind::Shock,
            });
        }
    }
    out
}

/// How the charts shorten large numbers in this language.
#[must_use]
pub fn number_units(lang: Lang) -> NumberUnits {
    match lang {
        Lang::En => NumberUnits::Si,
        Lang::Zh => NumberUnits::Chinese,
    }
}

/// A chart's frame over `result`: its titles, dates, shaded weeks and, in trainer mode, the weeks
/// drawn.
pub(crate) fn frame(
    result: &Computed,
    title: Text,
    y_axis: Text,
    lang: Lang,
    visible_weeks: Option<u32>,
) -> ChartFrame {
    let mut frame = dated_frame(
        title.get(lang),
        y_axis,
        lang,
        result.start_date,
        result.ev.run.weeks.len() as u32,
        bands(result),
    );
    frame.dates.visible_weeks = visible_weeks;
    frame
}

/// A chart's frame from its parts: the title, the value axis, week 0's date, the horizon and the
/// shaded weeks, every week drawn.
pub(crate) fn dated_frame(
    title: &str,
    y_axis: Text,
    lang: Lang,
    week0: chrono::NaiveDate,
    horizon_weeks: u32,
    bands: Vec<Band>,
) -> ChartFrame {
    let (tick_format, year_tick_format) = match lang {
        Lang::En => ("%b", Some("%Y")),
        Lang::Zh => ("%-m月", Some("%Y年")),
    };
    ChartFrame {
        title: title.to_owned(),
        units: number_units(lang),
        x_axis_title: Text::AxisDate.get(lang).to_owned(),
        y_axis_title: y_axis.get(lang).to_owned(),
        dates: DateAxis {
            week0,
            horizon_weeks,
            visible_weeks: None,
            tick_format: tick_format.to_owned(),
            year_tick_format: year_tick_format.map(str::to_owned),
        },
        bands,
        festival_label: Text::LegendFestival.get(lang).to_owned(),
        shock_label: Text::LegendShock.get(lang).to_owned(),
    }
}

fn pinned_series(pinned: &[Pinned], kpi: impl Fn(&Computed) -> Vec<f64>) -> Vec<Series> {
    pinned
        .iter()
        .map(|p| Series::new(p.name.clone(), kpi(&p.computed)))
        .collect()
}

fn active_total(c: &Computed) -> Vec<f64> {
    series(&c.ev.run.weeks, |w| total(&w.active_loans))
}

fn new_total(c: &Computed) -> Vec<f64> {
    series(&c.ev.run.weeks, |w| total(&w.new_loans))
}

fn cumulative_profit(c: &Computed) -> Vec<f64> {
    series(&c.ev.run.weeks, |w| w.cumulative_profit_cny)
}

/// The fault written on the new-loans chart: onset, trough, recovery, delay and lost loans.
fn fault_annotation(result: &Computed, lang: Lang) -> Option<FaultAnnotation> {
    let report = result.ev.fault.as_ref()?;
    let m = &report.new_loans;
    let trough = m.trough_week?;
    let start = report.window.start as u32;
    let onset = m.onset_weeks.map_or(trough, |o| start + o);
    let baseline = result.ev.baseline.as_ref()?;
    let y = new_total(result);
    let b = new_total_of(&baseline.weeks);
    let recovery = (trough as usize..y.len().min(b.len()))
        .find(|&t| y[t] >= 0.95 * b[t])
        .map(|t| t as u32);
    let shown = |t: u32| (t + 1).to_string();
    Some(FaultAnnotation {
        onset_week: onset,
        trough_week: trough,
        trough_label: fill(
            Text::FaultTroughLabel.get(lang),
            &[&format::percent(m.depth, 0)],
        ),
        recovery_week: recovery,
        below_from_text: fill(Text::FaultBelowFrom.get(lang), &[&shown(onset)]),
        below_text: recovery.map_or_else(String::new, |back| {
            fill(
                Text::FaultBelow.get(lang),
                &[&shown(onset), &shown(back.saturating_sub(1).max(onset))],
            )
        }),
        delay_text: fill(
            Text::FaultDelayText.get(lang),
            &[&m.delay_weeks.unwrap_or(0).to_string()],
        ),
        lost_text: fill(Text::FaultLostText.get(lang), &[&format::number(m.lost, 0)]),
    })
}

fn new_total_of(weeks: &[WeekKpis]) -> Vec<f64> {
    series(weeks, |w| total(&w.new_loans))
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        part / whole
    } else {
        f64::NAN
    }
}

/// The pipeline, hours, quality-mix and profit charts.
fn operations_charts(
    result: &Computed,
    overlays: &Overlays<'_>,
    lang: Lang,
) -> (PipelineData, HoursData, QualityMixData, ProfitData) {
    let weeks = &result.ev.run.weeks;
    let ams = result.params.team.ams.max(1.0);
    let visible = overlays.visible_weeks;
    let tier_names = Tier::ALL.map(|t| tier_label(t).get(lang).to_owned());
    let queue_weeks = result.params.pipeline.queue_max_weeks.clamp(1.0, 12.0) as usize;
    let pipeline = PipelineData {
        frame: frame(
            result,
            Text::ChartPipelineTitle,
            Text::AxisPipeline,
            lang,
            visible,
        ),
        contacted: Series::new(
            Text::LegendContacted.get(lang),
            series(weeks, |w| total(&w.contacted)),
        ),
        interested: Series::new(
            Text::LegendInterested.get(lang),
            series(weeks, |w| total(&w.interested)),
        ),
        waiting_by_age: (0..queue_weeks)
            .map(|a| series(weeks, |w| w.queue_by_age[a]))
            .collect(),
        waiting_label: Text::LegendWaiting.get(lang).to_owned(),
        decisions: Series::new(
            Text::LegendDecisions.get(lang),
            series(weeks, |w| total(&w.investigated)),
        ),
    };

    let per_am = |f: fn(&WeekKpis) -> f64| series(weeks, |w| f(w) / ams);
    let hours = HoursData {
        frame: frame(
            result,
            Text::ChartHoursTitle,
            Text::AxisHours,
            lang,
            visible,
        ),
        care: Series::new(Text::LegendCare.get(lang), per_am(|w| w.hours_care)),
        renewals: Series::new(Text::LegendRenewals.get(lang), per_am(|w| w.hours_renewal)),
        investigations: Series::new(
            Text::LegendInvestigations.get(lang),
            per_am(|w| w.hours_investigation),
        ),
        prospecting: Series::new(
            Text::LegendProspecting.get(lang),
            per_am(|w| w.hours_prospecting),
        ),
        slack: Series::new(Text::LegendSlack.get(lang), per_am(|w| w.hours_slack)),
        available: Series::new(
            Text::LegendAvailable.get(lang),
            per_am(|w| w.hours_available),
        ),
    };

    let quality_mix = QualityMixData {
        frame: frame(
            result,
            Text::ChartQualityTitle,
            Text::AxisShare,
            lang,
            visible,
        ),
        tier_labels: tier_names.clone(),
        book_shares: std::array::from_fn(|k| {
            series(weeks, |w| share(w.active_loans[k], total(&w.active_loans)))
        }),
        new_loan_shares: std::array::from_fn(|k| {
            series(weeks, |w| share(w.new_loans[k], total(&w.new_loans)))
        }),
        book_label: Text::LegendBook.get(lang).to_owned(),
        new_loans_label: Text::LegendNewLoans.get(lang).to_owned(),
    };

    let profit = ProfitData {
        frame: frame(result, Text::ChartProfitTitle, Text::AxisCny, lang, visible),
        cumulative_profit: Series::new(Text::LegendProfit.get(lang), cumulative_profit(result)),
        pinned: pinned_series(overlays.pinned, cumulative_profit),
    };

    (pipeline, hours, quality_mix, profit)
}

/// A chart's numbers as a table: the text alternative of every chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTable {
    pub caption: String,
    /// The week column's header, then one header per series.
    pub headers: Vec<String>,
    /// One row per drawn week: its date, then the values, formatted.
    pub rows: Vec<Vec<String>>,
}

fn table_of(
    frame: &ChartFrame,
    columns: &[(&str, &[f64])],
    decimals: usize,
    lang: Lang,
) -> ChartTable {
    let weeks = frame.dates.drawn_weeks();
    let mut headers = vec![Text::TableWeekStarting.get(lang).to_owned()];
    headers.extend(columns.iter().map(|(label, _)| (*label).to_owned()));
    let rows = (0..weeks)
        .map(|t| {
            let mut row = vec![format::date(format::week_date(frame.dates.week0, t), lang)];
            row.extend(columns.iter().map(|(_, values)| {
                values.get(t as usize).map_or_else(
                    || format::MISSING.to_owned(),
                    |v| format::number(*v, decimals),
                )
            }));
            row
        })
        .collect();
    ChartTable {
        caption: frame.title.clone(),
        headers,
        rows,
    }
}

fn column(s: &Series) -> (&str, &[f64]) {
    (s.label.as_str(), s.values.as_slice())
}

/// Every chart's table, in the order the charts are drawn.
#[must_use]
pub fn chart_tables(set: &ChartSet, lang: Lang) -> Vec<ChartTable> {
    let a = &set.active_loans;
    let n = &set.new_loans;
    let p = &set.pipeline;
    let h = &set.hours;
    let q = &set.quality_mix;
    let waiting: Vec<f64> = (0..p.contacted.values.len())
        .map(|t| p.waiting_by_age.iter().filter_map(|age| age.get(t)).sum())
        .collect();
    let mut new_columns = vec![column(&n.new_loans)];
    if let Some(b) = &n.baseline {
        new_columns.push(column(b));
    }
    let percent = |v: &[f64]| v.iter().map(|x| x * 100.0).collect::<Vec<f64>>();
    let book: Vec<Vec<f64>> = q.book_shares.iter().map(|v| percent(v)).collect();
    let new_shares: Vec<Vec<f64>> = q.new_loan_shares.iter().map(|v| percent(v)).collect();
    let mix_labels: Vec<String> = q
        .tier_labels
        .iter()
        .map(|t| format!("{t} · {}", q.book_label))
        .chain(
            q.tier_labels
                .iter()
                .map(|t| format!("{t} · {}", q.new_loans_label)),
        )
        .collect();
    let mix_columns: Vec<(&str, &[f64])> = mix_labels
        .iter()
        .map(String::as_str)
        .zip(book.iter().chain(new_shares.iter()).map(Vec::as_slice))
        .collect();
    vec![
        table_of(&a.frame, &a.tiers.each_ref().map(column), 1, lang),
        table_of(&n.frame, &new_columns, 2, lang),
        table_of(
            &p.frame,
            &[
                column(&p.contacted),
                column(&p.interested),
                (p.waiting_label.as_str(), waiting.as_slice()),
                column(&p.decisions),
            ],
            1,
            lang,
        ),
        table_of(
            &h.frame,
            &[
                column(&h.care),
                column(&h.renewals),
                column(&h.investigations),
                column(&h.prospecting),
                column(&h.slack),
                column(&h.available),
            ],
            1,
            lang,
        ),
        table_of(&q.frame, &mix_columns, 1, lang),
        table_of(
            &set.profit.frame,
            &[column(&set.profit.cumulative_profit)],
            0,
            lang,
        ),
    ]
}

/// Builds every chart's data for a result.
#[must_use]
pub fn chart_set(result: &Computed, overlays: &Overlays<'_>, lang: Lang) -> ChartSet {
    let weeks = &result.ev.run.weeks;
    let visible = overlays.visible_weeks;
    let tier_names = Tier::ALL.map(|t| tier_label(t).get(lang).to_owned());

    let mc_fan = overlays.mc.and_then(|mc| {
        mc.band(Kpi::ActiveLoans).map(|band| Fan {
            label: Text::LegendFan.get(lang).to_owned(),
            p10: band.p10.clone(),
            p90: band.p90.clone(),
        })
    });
    let mc_runs = overlays.mc.and_then(|mc| {
        let index = BANDED_KPIS.iter().position(|&k| k == Kpi::ActiveLoans)?;
        let runs: Vec<Vec<f64>> = mc
            .kept_runs
            .iter()
            .filter_map(|r| r.series.get(index).cloned())
            .collect();
        (!runs.is_empty()).then(|| Runs {
            label: Text::LegendRuns.get(lang).to_owned(),
            runs,
        })
    });
    let ghost_label = Text::LegendGhost.get(lang);

    let active_loans = ActiveLoansData {
        frame: frame(
            result,
            Text::ChartActiveTitle,
            Text::AxisLoans,
            lang,
            visible,
        ),
        tiers: std::array::from_fn(|k| {
            Series::new(tier_names[k].clone(), series(weeks, |w| w.active_loans[k]))
        }),
        fan: mc_fan,
        runs: mc_runs,
        ghost: overlays
            .ghost
            .map(|g| Series::new(ghost_label, active_total(g))),
        pinned: pinned_series(overlays.pinned, active_total),
    };

    let new_loans = NewLoansData {
        frame: frame(
            result,
            Text::ChartNewTitle,
            Text::AxisNewLoans,
            lang,
            visible,
        ),
        new_loans: Series::new(Text::LegendNewLoans.get(lang), new_total(result)),
        baseline: result
            .ev
            .baseline
            .as_ref()
            .filter(|_| !result.params.shocks.is_empty() || result.ev.fault.is_some())
            .map(|b| Series::new(Text::LegendBaseline.get(lang), new_total_of(&b.weeks))),
        fault: fault_annotation(result, lang),
        ghost: overlays
            .ghost
            .map(|g| Series::new(ghost_label, new_total(g))),
        pinned: pinned_series(overlays.pinned, new_total),
    };

    let (pipeline, hours, quality_mix, profit) = operations_charts(result, overlays, lang);

    ChartSet {
        active_loans,
        new_loans,
        pipeline,
        hours,
        quality_mix,
        profit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;
    use crate::ui::charts::{self, ChartSize, ChartTheme};
    use chrono::NaiveDate;

    fn computed(params: &crate::engine::Params) -> Computed {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
        Computed::run(params, start).expect("valid scenario")
    }

    #[test]
    fn a_trainers_burst_is_shaded_but_a_step_change_is_not() {
        use crate::engine::params::{ProspectingChange, Shock};
        let mut params = presets::get("steady").expect("steady").params;
        let plain = bands(&computed(&params)).len();
        params.interventions.push(Shock {
            start: 30.0,
            duration_weeks: 2.0,
            kind: ShockKind::Burst {
                apps_per_am: 4.0,
                mix: None,
            },
        });
        params.interventions.push(Shock {
            start: 10.0,
            duration_weeks: 50.0,
            kind: ShockKind::Prospecting {
                change: ProspectingChange::Floor { hours: 4.0 },
            },
        });
        let shaded = bands(&computed(&params));
        assert_eq!(shaded.len(), plain + 1);
        assert!(shaded.iter().any(|b| b.start_week == 30
            && b.end_week_exclusive == 32
            && b.kind == BandKind::Shock));
    }

    #[test]
    fn the_fault_preset_is_annotated_and_shaded() {
        let preset = presets::get("fault").expect("preset");
        let result = computed(&preset.params);
        let set = chart_set(&result, &Overlays::default(), Lang::En);
        let fault = set.new_loans.fault.as_ref().expect("a fault");
        assert_eq!(
            fault.trough_week, 27,
            "trough 7 weeks after the week-20 burst"
        );
        assert_eq!(fault.delay_text, "Trough 7 weeks after the shock");
        assert!(set.new_loans.baseline.is_some());
        assert!(set
            .active_loans
            .frame
            .bands
            .iter()
            .any(|b| b.kind == BandKind::Shock
                && b.start_week == 20
                && b.end_week_exclusive == 22));
        let svg =
            charts::new_loans::render_svg(&set.new_loans, &ChartTheme::light(), ChartSize::DESKTOP)
                .expect("renders");
        assert!(svg.contains("Trough 7 weeks after the shock"));
    }

    #[test]
    fn steady_has_no_fault_and_hours_add_up_to_the_week() {
        let result = computed(&crate::engine::Params::default());
        let set = chart_set(&result, &Overlays::default(), Lang::Zh);
        assert!(set.new_loans.fault.is_none());
        assert!(set.new_loans.baseline.is_none());
        assert!(set.active_loans.frame.bands.is_empty());
        let h = &set.hours;
        for t in 0..h.available.values.len() {
            let used = h.care.values[t]
                + h.renewals.values[t]
                + h.investigations.values[t]
                + h.prospecting.values[t]
                + h.slack.values[t];
            assert!((used - h.available.values[t]).abs() < 1e-9);
        }
        assert_eq!(
            set.active_loans.frame.title,
            Text::ChartActiveTitle.get(Lang::Zh)
        );
    }

    #[test]
    fn every_chart_has_a_table_with_the_same_numbers() {
        let result = computed(&crate::engine::Params::default());
        let set = chart_set(&result, &Overlays::default(), Lang::En);
        let tables = chart_tables(&set, Lang::En);
        assert_eq!(tables.len(), 6);
        for table in &tables {
            assert_eq!(table.rows.len(), 104, "{}", table.caption);
            assert!(table.rows.iter().all(|r| r.len() == table.headers.len()));
        }
        assert_eq!(tables[0].headers[1], "Prime");
        assert_eq!(tables[0].rows[0][0], "4 Jan 2027");
        let total: f64 = tables[0].rows[0][1..]
            .iter()
            .map(|v| v.replace(',', "").parse::<f64>().expect("number"))
            .sum();
        assert!((total - 720.0).abs() < 0.2, "{total}");
    }

    #[test]
    fn festival_calendar_shades_the_holiday_weeks() {
        let preset = presets::get("festival").expect("preset");
        let result = computed(&preset.params);
        let festival: Vec<_> = bands(&result)
            .into_iter()
            .filter(|b| b.kind == BandKind::Festival)
            .collect();
        assert!(!festival.is_empty());
        // Spring Festival (week 6 of the year, t = 5 when the run starts in week 1) is shaded.
        assert!(festival
            .iter()
            .any(|b| b.start_week <= 5 && 5 < b.end_week_exclusive));
    }

    #[test]
    fn pinned_scenarios_and_monte_carlo_become_overlays() {
        let result = computed(&crate::engine::Params::default());
        let pinned = vec![Pinned {
            name: "six AMs".into(),
            computed: std::rc::Rc::new(computed(&crate::engine::Params::default())),
        }];
        let valid = crate::engine::validate(&result.params).expect("valid");
        let mc = crate::engine::montecarlo::McPlan::new(
            &valid,
            crate::engine::montecarlo::McOptions {
                runs: 10,
                seed: 1,
                kept_runs: 3,
                noise_floor: false,
            },
        )
        .run_all();
        let overlays = Overlays {
            mc: Some(&mc),
            pinned: &pinned,
            ..Overlays::default()
        };
        let set = chart_set(&result, &overlays, Lang::En);
        assert_eq!(set.active_loans.pinned.len(), 1);
        assert_eq!(set.profit.pinned[0].label, "six AMs");
        assert!(set.active_loans.fan.is_some());
        assert_eq!(
            set.active_loans.runs.as_ref().map(|r| r.runs.len()),
            Some(3)
        );
    }
}
