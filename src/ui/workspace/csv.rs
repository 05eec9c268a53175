//! The weekly series as the page downloads them: CSV with headers in the page's language.
//!
//! The columns and numbers are those of the command line's CSV (`scenario::output`), whose English
//! ids stay stable for scripts; only the header line is translated. The file starts with a UTF-8
//! byte-order mark so spreadsheet programs read Chinese headers as UTF-8.

use super::fields::{channel_label, tier_label};
use crate::engine::kpi::Kpi;
use crate::engine::montecarlo::McOutput;
use crate::engine::simulate::EvOutput;
use crate::i18n::{fill, Lang, Text};
use crate::scenario::output::{ev_csv_with, mc_csv_with, CsvColumn, McCsvColumn};

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

/// The EV run's weekly series (team totals) as the page downloads it: BOM, translated headers.
#[must_use]
pub fn ev_weekly_csv(output: &EvOutput, lang: Lang) -> String {
    format!(
        "{BOM}{}",
        ev_csv_with(output, &|column| ev_header(column, lang))
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
    use crate::scenario::output::{ev_csv, ev_csv_columns, mc_csv, mc_csv_columns};
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

    #[test]
    fn the_page_csv_is_the_cli_csv_with_translated_headers_and_a_bom() {
        let out = ev();
        let cli = ev_csv(&out);
        for lang in [Lang::En, Lang::Zh] {
            let page = ev_weekly_csv(&out, lang);
            let body = page.strip_prefix(BOM).expect("starts with a BOM");
            let (page_header, page_rows) = body.split_once('\n').expect("header line");
            let (cli_header, cli_rows) = cli.split_once('\n').expect("header line");
            assert_eq!(page_rows, cli_rows, "the numbers are the command line's");
            assert_eq!(
                page_header.split(',').count(),
                cli_header.split(',').count(),
                "{lang:?}: one header per column"
            );
            assert_ne!(page_header, cli_header);
        }
        let zh = ev_weekly_csv(&out, Lang::Zh);
        assert!(
            zh.contains("模拟周,全年第几周,在贷户数,在贷户数：优质"),
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
