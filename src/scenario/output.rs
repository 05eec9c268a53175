//! Serializable run outputs: the JSON summary of `cadence run`, CSV exports and error lists.
//!
//! Summary figures are per AM (team totals divided by N), like the closed-form panel, and rounded
//! to four decimals so a summary reads well and snapshots do not hinge on the last floating bit.

use std::fmt::Write;

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use crate::engine::fault::FaultMetrics;
use crate::engine::kpi::{Kpi, BANDED_KPIS};
use crate::engine::montecarlo::{McFaultFigures, McOutput};
use crate::engine::params::{ChannelId, Mode, Tier};
use crate::engine::simulate::EvOutput;
use crate::engine::stats::Percentiles;
use crate::engine::validate::{ParamError, ParamValue, ValidParams, Warning};

/// Rounds to four decimals (and −0 to 0).
fn round(x: f64) -> f64 {
    let r = (x * 1e4).round() / 1e4;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A validation error as JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParamErrorJson {
    pub param: String,
    pub value: Value,
    pub rule: &'static str,
    pub message: String,
}

impl From<&ParamError> for ParamErrorJson {
    fn from(e: &ParamError) -> Self {
        ParamErrorJson {
            param: e.param.clone(),
            value: match &e.value {
                ParamValue::Number(x) if x.is_finite() => Value::from(*x),
                ParamValue::Number(x) => Value::from(x.to_string()),
                ParamValue::Text(s) => Value::from(s.clone()),
            },
            rule: e.rule.code(),
            message: e.message.clone(),
        }
    }
}

/// The error list as written to stderr.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorsJson {
    pub errors: Vec<ParamErrorJson>,
}

/// `{"errors": [...]}`, pretty-printed: what `cadence run` writes to stderr for an invalid file.
#[must_use]
pub fn errors_to_json(errors: &[ParamError]) -> String {
    super::pretty(&ErrorsJson {
        errors: errors.iter().map(ParamErrorJson::from).collect(),
    })
}

/// A warning as JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarningJson {
    pub code: &'static str,
    pub param: String,
    pub value: f64,
    pub message: String,
}

impl From<&Warning> for WarningJson {
    fn from(w: &Warning) -> Self {
        WarningJson {
            code: w.code.code(),
            param: w.param.clone(),
            value: round(w.value),
            message: w.message.clone(),
        }
    }
}

/// Named values serialized as a JSON object in the given order (tiers, channels).
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap(pub Vec<(&'static str, f64)>);

impl Serialize for OrderedMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Fault metrics of new loans, per AM.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FaultJson {
    pub depth: f64,
    pub trough_week: Option<u32>,
    pub delay_weeks: Option<u32>,
    pub onset_weeks: Option<u32>,
    pub duration_weeks: u32,
    /// Σ max(0, `b_t` − `y_t`) / N.
    pub lost_new_loans: f64,
    /// Σ max(0, `y_t` − `b_t`) / N.
    pub surge_gain: f64,
}

impl FaultJson {
    fn new(m: &FaultMetrics, ams: f64) -> Self {
        FaultJson {
            depth: round(m.depth),
            trough_week: m.trough_week,
            delay_weeks: m.delay_weeks,
            onset_weeks: m.onset_weeks,
            duration_weeks: m.duration_weeks,
            lost_new_loans: round(m.lost / ams),
            surge_gain: round(m.surge_gain / ams),
        }
    }
}

/// Fault metrics of active loans ("portfolio fault"), per AM.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioFaultJson {
    pub depth: f64,
    pub trough_week: Option<u32>,
    pub delay_weeks: Option<u32>,
    pub onset_weeks: Option<u32>,
    pub duration_weeks: u32,
    /// Σ max(0, `b_t` − `y_t`) / N: loan-weeks below the baseline.
    pub lost_loan_weeks: f64,
    /// Σ max(0, `y_t` − `b_t`) / N: loan-weeks above it.
    pub surge_loan_weeks: f64,
}

impl PortfolioFaultJson {
    fn new(m: &FaultMetrics, ams: f64) -> Self {
        PortfolioFaultJson {
            depth: round(m.depth),
            trough_week: m.trough_week,
            delay_weeks: m.delay_weeks,
            onset_weeks: m.onset_weeks,
            duration_weeks: m.duration_weeks,
            lost_loan_weeks: round(m.lost / ams),
            surge_loan_weeks: round(m.surge_gain / ams),
        }
    }
}

/// The fault block of the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FaultSummary {
    #[serde(flatten)]
    pub new_loans: FaultJson,
    pub window_start: usize,
    pub window_end: usize,
    /// `Σ_t` (`y_t` − `b_t)/N` over the whole run.
    pub extra_new_loans_per_am: f64,
    /// Applications lost to reneging and timeouts per AM (EV only).
    pub applications_lost_per_am: Option<f64>,
    /// The same metrics on active loans.
    pub portfolio: PortfolioFaultJson,
}

/// P10/P50/P90.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PercentilesJson {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl From<Percentiles> for PercentilesJson {
    fn from(p: Percentiles) -> Self {
        PercentilesJson {
            p10: round(p.p10),
            p50: round(p.p50),
            p90: round(p.p90),
        }
    }
}

/// Monte Carlo fault figures of one policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct McFaultJson {
    pub mean_path_depth: f64,
    pub mean_path_delay_weeks: Option<u32>,
    pub per_run_depth: PercentilesJson,
}

impl From<&McFaultFigures> for McFaultJson {
    fn from(f: &McFaultFigures) -> Self {
        McFaultJson {
            mean_path_depth: round(f.mean_path.depth),
            mean_path_delay_weeks: f.mean_path.delay_weeks,
            per_run_depth: f.per_run_depth.into(),
        }
    }
}

/// The Monte Carlo block of the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarloSummary {
    pub runs: u32,
    pub seed: u64,
    /// Active loans per AM in the last week across runs.
    pub active_loans_end: PercentilesJson,
    pub new_loans_total_per_am_mean: f64,
    pub fault: Option<McFaultJson>,
    /// The same statistics under policy (a) at h*: the noise floor.
    pub noise_floor: Option<McFaultJson>,
    /// The largest relative conservation residual over all runs (0 when every ledger closes).
    pub max_conservation_residual: f64,
}

/// Hours per AM-week at `A_target`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoursBudget {
    pub care: f64,
    pub renewals: f64,
    pub investigations: f64,
    pub prospecting: f64,
    pub total: f64,
    pub slack: f64,
    pub utilisation: f64,
}

/// Steady flows per AM-week at `A_target`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SteadyFlows {
    pub prospects: f64,
    pub applications: f64,
    pub new_loans: f64,
    pub renewals: f64,
    pub maturities: f64,
}

/// The last simulated week, per AM (EV run or Monte Carlo mean).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndOfRun {
    pub week: usize,
    pub active_loans_per_am: f64,
    pub new_loans_per_am: f64,
    pub profit_per_am: f64,
    pub cumulative_profit_per_am: f64,
}

/// Relative conservation residuals of the EV run (MODEL.md 12.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conservation {
    pub pipeline: f64,
    pub book: f64,
    pub referrals: f64,
}

/// The JSON summary `cadence run` prints: closed forms, warnings, fault and end-of-run figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunSummary {
    pub scenario: String,
    pub mode: &'static str,
    pub h_star: Option<f64>,
    pub a_star: Option<f64>,
    pub a_max: Option<f64>,
    pub h_max: Option<f64>,
    pub a_break_even: Option<f64>,
    pub h_break_even: Option<f64>,
    pub a0: Option<f64>,
    pub loop_gain: Option<f64>,
    pub natural_coverage_weeks: Option<f64>,
    pub hours_budget: Option<HoursBudget>,
    pub steady_flows: Option<SteadyFlows>,
    pub steady_profit_per_am_week: Option<f64>,
    pub unit_contribution_cny: Option<OrderedMap>,
    pub loans_per_weekly_prospect: Option<OrderedMap>,
    pub warnings: Vec<WarningJson>,
    pub fault: Option<FaultSummary>,
    pub end: EndOfRun,
    pub conservation: Option<Conservation>,
    pub monte_carlo: Option<MonteCarloSummary>,
}

impl RunSummary {
    /// The closed-form part, with `end` and `fault` left for the mode to fill in.
    fn closed_form(name: &str, vp: &ValidParams, mode: Mode) -> RunSummary {
        let summary = vp.summary();
        let at_target = summary.map(|s| &s.at_target);
        let h = vp.model().hours_per_week;
        RunSummary {
            scenario: name.to_owned(),
            mode: match mode {
                Mode::Ev => "ev",
                Mode::Mc => "mc",
            },
            h_star: summary.map(|s| round(s.h_star)),
            a_star: summary.map(|s| round(s.a_star)),
            a_max: summary.and_then(|s| s.a_max).map(round),
            h_max: summary.and_then(|s| s.h_max).map(round),
            a_break_even: summary.and_then(|s| s.a_break_even).map(round),
            h_break_even: summary.and_then(|s| s.h_break_even).map(round),
            a0: summary.map(|s| round(s.a0)),
            loop_gain: summary.map(|s| round(s.loop_gain)),
            natural_coverage_weeks: summary.map(|s| round(s.natural_coverage_weeks)),
            hours_budget: at_target.map(|t| HoursBudget {
                care: round(t.hours_care),
                renewals: round(t.hours_renewal),
                investigations: round(t.hours_investigation),
                prospecting: round(t.prospecting_hours),
                total: round(t.hours_total),
                slack: round(t.slack_hours),
                utilisation: round(t.hours_total / h),
            }),
            steady_flows: at_target.map(|t| SteadyFlows {
                prospects: round(t.prospects_by_channel.iter().sum()),
                applications: round(t.applications.iter().sum()),
                new_loans: round(t.new_loans.iter().sum()),
                renewals: round(t.renewals.iter().sum()),
                maturities: round(t.maturities.iter().sum()),
            }),
            steady_profit_per_am_week: at_target.map(|t| round(t.profit_cny)),
            unit_contribution_cny: summary.map(|s| {
                OrderedMap(
                    Tier::ALL
                        .iter()
                        .map(|t| (t.id(), round(s.unit_economics[t.index()].contribution_cny)))
                        .collect(),
                )
            }),
            loans_per_weekly_prospect: summary.map(|s| {
                OrderedMap(
                    ChannelId::ALL
                        .iter()
                        .map(|&c| (c.id(), round(s.beta(c))))
                        .collect(),
                )
            }),
            warnings: vp.warnings().iter().map(WarningJson::from).collect(),
            fault: None,
            end: EndOfRun {
                week: 0,
                active_loans_per_am: 0.0,
                new_loans_per_am: 0.0,
                profit_per_am: 0.0,
                cumulative_profit_per_am: 0.0,
            },
            conservation: None,
            monte_carlo: None,
        }
    }

    /// The summary of an EV run.
    #[must_use]
    pub fn ev(name: &str, vp: &ValidParams, output: &EvOutput) -> RunSummary {
        let ams = vp.model().ams_f64;
        let mut summary = RunSummary::closed_form(name, vp, Mode::Ev);
        if let Some(last) = output.run.weeks.last() {
            summary.end = EndOfRun {
                week: last.week as usize,
                active_loans_per_am: round(Kpi::ActiveLoans.value(last) / ams),
                new_loans_per_am: round(Kpi::NewLoans.value(last) / ams),
                profit_per_am: round(last.profit_cny / ams),
                cumulative_profit_per_am: round(last.cumulative_profit_cny / ams),
            };
        }
        summary.fault = output.fault.as_ref().map(|f| FaultSummary {
            new_loans: FaultJson::new(&f.new_loans, ams),
            window_start: f.window.start,
            window_end: f.window.end,
            extra_new_loans_per_am: round(f.extra_new_loans_per_am),
            applications_lost_per_am: Some(round(f.applications_lost_per_am)),
            portfolio: PortfolioFaultJson::new(&f.portfolio, ams),
        });
        let residuals = output.run.residuals;
        summary.conservation = Some(Conservation {
            pipeline: round(residuals.pipeline),
            book: round(residuals.book),
            referrals: round(residuals.referrals),
        });
        summary
    }

    /// The summary of a Monte Carlo run (`fault` holds the mean-path metrics).
    #[must_use]
    pub fn mc(name: &str, vp: &ValidParams, output: &McOutput, seed: u64) -> RunSummary {
        let ams = vp.model().ams_f64;
        let mut summary = RunSummary::closed_form(name, vp, Mode::Mc);
        let series = |kpi: Kpi| output.band(kpi).map(|b| b.mean.clone()).unwrap_or_default();
        let active = output.band(Kpi::ActiveLoans);
        let last = vp.model().horizon_weeks - 1;
        let at_last = |kpi: Kpi| series(kpi).get(last).copied().unwrap_or(0.0) / ams;
        summary.end = EndOfRun {
            week: last,
            active_loans_per_am: round(at_last(Kpi::ActiveLoans)),
            new_loans_per_am: round(at_last(Kpi::NewLoans)),
            profit_per_am: round(at_last(Kpi::ProfitCny)),
            cumulative_profit_per_am: round(at_last(Kpi::CumulativeProfitCny)),
        };
        if let Some(fault) = &output.fault {
            let window = fault.mean_path_window;
            let new_loans = series(Kpi::NewLoans);
            let extra: f64 = new_loans
                .iter()
                .zip(&output.baseline_mean_new_loans)
                .map(|(y, b)| y - b)
                .sum();
            summary.fault = Some(FaultSummary {
                new_loans: FaultJson::new(&fault.scenario.mean_path, ams),
                window_start: window.start,
                window_end: window.end,
                extra_new_loans_per_am: round(extra / ams),
                applications_lost_per_am: None,
                portfolio: PortfolioFaultJson::new(&fault.scenario.mean_path_portfolio, ams),
            });
        }
        summary.monte_carlo = Some(MonteCarloSummary {
            runs: output.runs,
            seed,
            active_loans_end: active.map_or(
                PercentilesJson {
                    p10: 0.0,
                    p50: 0.0,
                    p90: 0.0,
                },
                |b| PercentilesJson {
                    p10: round(b.p10[last] / ams),
                    p50: round(b.p50[last] / ams),
                    p90: round(b.p90[last] / ams),
                },
            ),
            new_loans_total_per_am_mean: round(series(Kpi::NewLoans).iter().sum::<f64>() / ams),
            fault: output
                .fault
                .as_ref()
                .map(|f| McFaultJson::from(&f.scenario)),
            noise_floor: output
                .fault
                .as_ref()
                .and_then(|f| f.noise_floor.as_ref())
                .map(McFaultJson::from),
            max_conservation_residual: output.max_residual,
        });
        summary
    }

    /// Pretty JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        super::pretty(self)
    }
}

/// A column of the weekly CSV of an EV run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvColumn {
    /// Simulation week t (0-based).
    Week,
    /// The date the week starts (the page's CSV only).
    WeekStarting,
    /// Week of the year (1–52).
    WeekOfYear,
    /// A series, as team totals.
    Kpi(Kpi),
}

impl CsvColumn {
    /// The stable English header the command line writes: `week`, `week_of_year` or the KPI's id.
    #[must_use]
    pub fn id(self) -> String {
        match self {
            CsvColumn::Week => "week".to_owned(),
            CsvColumn::WeekStarting => "week_starting".to_owned(),
            CsvColumn::WeekOfYear => "week_of_year".to_owned(),
            CsvColumn::Kpi(kpi) => kpi.id(),
        }
    }
}

/// A column of the weekly CSV of a Monte Carlo run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum McCsvColumn {
    /// Simulation week t (0-based).
    Week,
    /// A banded series' cross-run mean.
    Mean(Kpi),
    P10(Kpi),
    P50(Kpi),
    P90(Kpi),
}

impl McCsvColumn {
    /// The stable English header the command line writes: `week`, `id`, `id_p10`, `id_p50`, `id_p90`.
    #[must_use]
    pub fn id(self) -> String {
        match self {
            McCsvColumn::Week => "week".to_owned(),
            McCsvColumn::Mean(kpi) => kpi.id(),
            McCsvColumn::P10(kpi) => format!("{}_p10", kpi.id()),
            McCsvColumn::P50(kpi) => format!("{}_p50", kpi.id()),
            McCsvColumn::P90(kpi) => format!("{}_p90", kpi.id()),
        }
    }
}

/// A header cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn push_header(csv: &mut String, header: &str) {
    if header.contains([',', '"', '\n', '\r']) {
        csv.push('"');
        csv.push_str(&header.replace('"', "\"\""));
        csv.push('"');
    } else {
        csv.push_str(header);
    }
}

/// The header line from the columns, named by `header`.
fn header_line<C: Copy>(columns: &[C], header: &dyn Fn(C) -> String) -> String {
    let mut csv = String::new();
    for (i, &column) in columns.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        push_header(&mut csv, &header(column));
    }
    csv.push('\n');
    csv
}

/// The columns of [`ev_csv`], in order.
#[must_use]
pub fn ev_csv_columns() -> Vec<CsvColumn> {
    let mut columns = vec![CsvColumn::Week, CsvColumn::WeekOfYear];
    columns.extend(Kpi::all().into_iter().map(CsvColumn::Kpi));
    columns
}

/// The columns of [`mc_csv`], in order.
#[must_use]
pub fn mc_csv_columns() -> Vec<McCsvColumn> {
    let mut columns = vec![McCsvColumn::Week];
    for kpi in BANDED_KPIS {
        columns.extend([
            McCsvColumn::Mean(kpi),
            McCsvColumn::P10(kpi),
            McCsvColumn::P50(kpi),
            McCsvColumn::P90(kpi),
        ]);
    }
    columns
}

/// One CSV row per week of team totals: `week`, `week_of_year`, then every KPI id, each number
/// at full precision (scripts and the reference comparison read these).
#[must_use]
pub fn ev_csv(output: &EvOutput) -> String {
    ev_csv_with(output, &CsvColumn::id)
}

/// [`ev_csv`] with the headers named by `header`.
#[must_use]
pub fn ev_csv_with(output: &EvOutput, header: &dyn Fn(CsvColumn) -> String) -> String {
    let kpis = Kpi::all();
    let mut csv = header_line(&ev_csv_columns(), header);
    for week in &output.run.weeks {
        // Writing to a String cannot fail.
        let _ = write!(csv, "{},{}", week.week, week.week_of_year);
        for kpi in &kpis {
            let _ = write!(csv, ",{}", kpi.value(week));
        }
        csv.push('\n');
    }
    csv
}

/// The decimals a person reading the weekly CSV needs: whole yuan, shares to a hundredth of a
/// percent, counts and hours to a hundredth.
#[must_use]
pub fn csv_decimals(kpi: Kpi) -> usize {
    match kpi {
        Kpi::BalanceCny
        | Kpi::PastDueBalanceCny
        | Kpi::IncomeCny
        | Kpi::LossCny
        | Kpi::CashCny
        | Kpi::SalaryCny
        | Kpi::ProfitCny
        | Kpi::CumulativeProfitCny => 0,
        Kpi::Par30
        | Kpi::CareServedShare
        | Kpi::Utilisation
        | Kpi::ShareActiveTier(_)
        | Kpi::ShareNewTier(_) => 4,
        _ => 2,
    }
}

/// `value` with `decimals` decimals, and never "-0".
fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_owned()
    } else {
        text
    }
}

/// The columns of [`ev_dated_csv`], in order: the week, the date it starts, the week of the year,
/// then every KPI.
#[must_use]
pub fn ev_dated_csv_columns() -> Vec<CsvColumn> {
    let mut columns = vec![
        CsvColumn::Week,
        CsvColumn::WeekStarting,
        CsvColumn::WeekOfYear,
    ];
    columns.extend(Kpi::all().into_iter().map(CsvColumn::Kpi));
    columns
}

/// The weekly CSV for people: each week's start date (ISO 8601, from `start_date`) beside its
/// number, and every figure rounded to [`csv_decimals`].
#[must_use]
pub fn ev_dated_csv(
    output: &EvOutput,
    start_date: NaiveDate,
    header: &dyn Fn(CsvColumn) -> String,
) -> String {
    let kpis = Kpi::all();
    let mut csv = header_line(&ev_dated_csv_columns(), header);
    for week in &output.run.weeks {
        let starts = start_date + Duration::weeks(i64::from(week.week));
        let _ = write!(
            csv,
            "{},{},{}",
            week.week,
            starts.format("%Y-%m-%d"),
            week.week_of_year
        );
        for kpi in &kpis {
            let _ = write!(csv, ",{}", fixed(kpi.value(week), csv_decimals(*kpi)));
        }
        csv.push('\n');
    }
    csv
}

/// One CSV row per week: for each banded KPI its cross-run mean (`id`) and `id_p10/_p50/_p90`.
#[must_use]
pub fn mc_csv(output: &McOutput) -> String {
    mc_csv_with(output, &McCsvColumn::id)
}

/// [`mc_csv`] with the headers named by `header`.
#[must_use]
pub fn mc_csv_with(output: &McOutput, header: &dyn Fn(McCsvColumn) -> String) -> String {
    let mut csv = header_line(&mc_csv_columns(), header);
    let weeks = output.bands.first().map_or(0, |b| b.mean.len());
    for t in 0..weeks {
        csv.push_str(&t.to_string());
        for band in &output.bands {
            let _ = write!(
                csv,
                ",{},{},{},{}",
                band.mean[t], band.p10[t], band.p50[t], band.p90[t]
            );
        }
        csv.push('\n');
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_with_commas_or_quotes_are_quoted() {
        let line = header_line(&[1, 2, 3], &|i| match i {
            1 => "plain".to_owned(),
            2 => "a, b".to_owned(),
            _ => "say \"hi\"".to_owned(),
        });
        assert_eq!(line, "plain,\"a, b\",\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn the_cli_headers_are_the_stable_ids() {
        let ev: Vec<String> = ev_csv_columns().into_iter().map(CsvColumn::id).collect();
        assert_eq!(ev[..3], ["week", "week_of_year", "active_loans"]);
        let mc: Vec<String> = mc_csv_columns().into_iter().map(McCsvColumn::id).collect();
        assert_eq!(mc.len(), 1 + 4 * BANDED_KPIS.len());
        assert_eq!(
            mc[1..5],
            [
                "active_loans",
                "active_loans_p10",
                "active_loans_p50",
                "active_loans_p90"
            ]
        );
    }
}
