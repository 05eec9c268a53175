//! The weekly series as the page downloads them: CSV with headers in the page's language.
//!
//! The series are those of the command line's CSV (`scenario::output`), whose English ids and full
//! precision stay stable for scripts; the page's file adds the date each week starts, rounds each
//! figure to what a reader needs (`csv_decimals`) and translates the header line. The file starts
//! with a UTF-8 byte-order mark so spreadsheet programs read Chinese headers as UTF-8.

use super::fields::{channel_label, tier_label};
use crate::engine::kpi::Kpi;
use crate::engine::montecarlo::McOutput;
use crate::engine::simulate::EvOutput;
use crate::i18n::{fill, Lang, Text};
use chrono::NaiveDate;

use crate::scenario::output::{ev_dated_csv, mc_csv_with, CsvColumn, McCsvColumn};

/// The UTF-8 byte-order mark.
const BOM: char = '\u{feff}';

/// A series' name in a CSV header.
#[must_use]
pub fn kpi_header(kpi: Kpi, lang: Lang) -> String {
    let of = |template: Text, name: Text| fill(template.get(lang), &[name.get(lang)]);
    let simple = match kpi {
        Kpi::ActiveLoansTier(t) => return of(Text::CsvActiveLoansTier, tier_label(t)),
        Kpi::NewLoansTier(t) => return of(Text::CsvNewLoansTier, tier_label(t)),
        Kpi::ProspectsChannel(c) => return of(Text::CsvProspectsChannel, channel_label(c)),
        Kpi::HoursChannel(c) => return of(Text::CsvHoursChannel, channel_label(c)),
        Kpi::ShareActiveTier(t) => return of(Text::CsvShareActive, tier_label(t)),
        Kpi::ShareNewTier(t) => return of(Text::CsvShareNew, tier_label(t)),
        Kpi::ActiveLoans => Text::CsvActiveLoans,
        Kpi::BalanceCny => Text::CsvBalance,
        Kpi::NewLoans => Text::CsvNewLoans,
        Kpi::Renewals => Text::CsvRenewals,
        Kpi::Maturities => Text::CsvMaturities,
        Kpi::NonRenewals => Text::CsvNonRenewals,
        Kpi::RenewalsLostToCapacity => Text::CsvRenewalsLost,
        Kpi::PastDue => Text::CsvPastDue,
        Kpi::PastDueBalanceCny => Text::CsvPastDueBalance,
        Kpi::Par30 => Text::CsvPar30,
        Kpi::Defaults => Text::CsvDefaults,
        Kpi::Cures => Text::CsvCures,
        Kpi::WriteOffs => Text::CsvWriteOffs,
        Kpi::Contacted => Text::CsvContacted,
        Kpi::Interested => Text::CsvInterested,
        Kpi::ApplicationsWaiting => Text::CsvApplicationsWaiting,
        Kpi::Investigated => Text::CsvInvestigated,
        Kpi::Prospects => Text::CsvProspects,
        Kpi::InboundLeads => Text::CsvInboundLeads,
        Kpi::ReferralLeads => Text::CsvReferralLeads,
        Kpi::BurstApplications => Text::CsvBurstApplications,
        Kpi::Applications => Text::CsvApplications,
        Kpi::ReferralPotential => Text::CsvReferralPotential,
        Kpi::LostContacted => Text::CsvLostContacted,
        Kpi::LostInterested => Text::CsvLostInterested,
        Kpi::Reneged => Text::CsvReneged,
        Kpi::TimedOut => Text::CsvTimedOut,
        Kpi::Declined => Text::CsvDeclined,
        Kpi::PipelinePerAm => Text::CsvPipelinePerAm,
        Kpi::CoverageWeeks => Text::CsvCoverageWeeks,
        Kpi::HoursAvailable => Text::CsvHoursAvailable,
        Kpi::HoursCare => Text::CsvHoursCare,
        Kpi::CareServedShare => Text::CsvCareServed,
        Kpi::HoursRenewal => Text::CsvHoursRenewal,
        Kpi::HoursInvestigation => Text::CsvHoursInvestigation,
        Kpi::HoursProspecting => Text::CsvHoursProspecting,
        Kpi::HoursSlack => Text::CsvHoursSlack,
        Kpi::Utilisation => Text::CsvUtilisation,
        Kpi::IncomeCny => Text::CsvIncome,
        Kpi::LossCny => Text::CsvLoss,
        Kpi::CashCny => Text::CsvCash,
        Kpi::SalaryCny => Text::CsvSalary,
        Kpi::ProfitCny => Text::CsvProfit,
        Kpi::CumulativeProfitCny => Text::CsvCumulativeProfit,
    };
    simple.get(lang).to_owned()
}

/// A header of the EV run's CSV.
#[must_use]
pub fn ev_header(column: CsvColumn, lang: Lang) -> String {
    match column {
        CsvColumn::Week => Text::CsvWeek.get(lang).to_owned(),
        CsvColumn::WeekStarting => Text::TableWeekStarting.get(lang).to_owned(),
        CsvColumn::WeekOfYear => Text::CsvWeekOfYear.get(lang).to_owned(),
        CsvColumn::Kpi(kpi) => kpi_header(kpi, lang),
    }
}

/// A header of the Monte Carlo CSV.
#[must_use]
pub fn mc_header(column: McCsvColumn, lang: Lang) -> String {
    let stat = |template: Text, kpi: Kpi| fill(template.get(lang), &[&kpi_header(kpi, lang)]);
    match column {
        McCsvColumn::Week => Text::CsvWeek.get(lang).to_owned(),
        McCsvColumn::Mean(kpi) => stat(Text::CsvMean, kpi),
        McCsvColumn::P10(kpi) => stat(Text::CsvP10, kpi),
        McCsvColumn::P50(kpi) => stat(Text::CsvP50, kpi),
        McCsvColumn::P90(kpi) => stat(Text::CsvP90, kpi),
    }
}

/// The EV run's weekly series (team totals) as the page downloads it: BOM, translated headers,
/// dated weeks, rounded figures.
#[must_use]
pub fn ev_weekly_csv(output: &EvOutput, start_date: NaiveDate, lang: Lang) -> String {
    format!(
        "{BOM}{}",
        ev_dated_csv(output, start_date, &|column| ev_header(column, lang))
    )
}

/// The Monte Carlo bands' weekly series as the page downloads them: BOM, translated headers.
#[must_use]
pub fn mc_weekly_csv(output: &McOutput, lang: Lang) -> String {
    format!(
        "{BOM}{}",
        mc_csv_with(output, &|column| mc_header(column, lang))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::params::Params;
    use crate::scenario::output::{
        csv_decimals, ev_csv, ev_csv_columns, ev_dated_csv_columns, mc_csv, mc_csv_columns,
    };
    use std::collections::HashSet;

    fn ev() -> EvOutput {
        let valid = crate::engine::validate(&Params::default()).expect("valid");
        crate::engine::simulate::run_ev(&valid)
    }

    #[test]
    fn every_column_has_a_distinct_header_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            let headers: Vec<String> = ev_csv_columns()
                .into_iter()
                .map(|c| ev_header(c, lang))
                .collect();
            let unique: HashSet<&String> = headers.iter().collect();
            assert_eq!(unique.len(), headers.len(), "{lang:?}: {headers:?}");
            let headers: Vec<String> = mc_csv_columns()
                .into_iter()
                .map(|c| mc_header(c, lang))
                .collect();
            let unique: HashSet<&String> = headers.iter().collect();
            assert_eq!(unique.len(), headers.len(), "{lang:?}: {headers:?}");
        }
        let zh = kpi_header(Kpi::CumulativeProfitCny, Lang::Zh);
        assert_eq!(zh, "累计利润（元）");
        assert_eq!(
            mc_header(McCsvColumn::P90(Kpi::ActiveLoans), Lang::Zh),
            "在贷户数（P90）"
        );
    }

    /// The page's file holds the command line's figures, rounded, each week dated.
    #[test]
    fn the_page_csv_is_the_cli_csv_dated_rounded_and_translated() {
        let out = ev();
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
        let cli = ev_csv(&out);
        let cli_rows: Vec<Vec<f64>> = cli
            .lines()
            .skip(1)
            .map(|l| l.split(',').map(|c| c.parse().expect("a number")).collect())
            .collect();
        for lang in [Lang::En, Lang::Zh] {
            let page = ev_weekly_csv(&out, start, lang);
            let body = page.strip_prefix(BOM).expect("starts with a BOM");
            let mut lines = body.lines();
            let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
            assert_eq!(header.len(), ev_dated_csv_columns().len(), "{lang:?}");
            let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
            assert_eq!(rows.len(), cli_rows.len());
            for (t, (row, cli_row)) in rows.iter().zip(&cli_rows).enumerate() {
                assert_eq!(row.len(), header.len(), "week {t}: no ragged rows");
                let starts = start + chrono::Duration::weeks(i64::try_from(t).expect("small"));
                assert_eq!(
                    row[1],
                    starts.format("%Y-%m-%d").to_string(),
                    "week {t} is dated"
                );
                assert_eq!(row[0].parse::<f64>().ok(), Some(cli_row[0]));
                // Every figure is the command line's, to the decimals the column keeps.
                for (i, kpi) in Kpi::all().into_iter().enumerate() {
                    let cell = row[3 + i];
                    let decimals = csv_decimals(kpi);
                    let kept = cell.split_once('.').map_or(0, |(_, d)| d.len());
                    assert_eq!(kept, decimals, "{} in week {t}: {cell}", kpi.id());
                    let value: f64 = cell.parse().expect("a number");
                    let exact = cli_row[2 + i];
                    let step = 10f64.powi(-i32::try_from(decimals).expect("small"));
                    assert!(
                        (value - exact).abs() <= step / 2.0 + 1e-9,
                        "{} in week {t}: {cell} for {exact}",
                        kpi.id()
                    );
                    assert!(
                        !cell.starts_with("-0") || value != 0.0,
                        "no minus zero: {cell}"
                    );
                }
            }
        }
        let zh = ev_weekly_csv(&out, start, Lang::Zh);
        assert!(
            zh.contains("模拟周,周起始日期,全年第几周,在贷户数,在贷户数：优质"),
            "{}",
            &zh[..200]
        );
        // The command line's headers stay the stable English ids.
        assert!(cli.starts_with("week,week_of_year,active_loans,"));
    }

    #[test]
    fn the_monte_carlo_csv_keeps_the_cli_rows() {
        let valid = crate::engine::validate(&Params::default()).expect("valid");
        let options = crate::engine::montecarlo::McOptions {
            runs: 20,
            seed: 7,
            kept_runs: 0,
            noise_floor: false,
        };
        let out = crate::engine::montecarlo::McPlan::new(&valid, options).run_all();
        let cli = mc_csv(&out);
        let page = mc_weekly_csv(&out, Lang::Zh);
        let body = page.strip_prefix(BOM).expect("BOM");
        assert_eq!(
            body.split_once('\n').map(|x| x.1),
            cli.split_once('\n').map(|x| x.1)
        );
        assert!(
            body.starts_with("模拟周,在贷户数（均值）,在贷户数（P10）"),
            "{}",
            &body[..80]
        );
    }
}
