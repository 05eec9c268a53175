//! The back-test of a loan book (issue 17): nothing after the start date reaches the forecast, a
//! book drawn from known rates falls inside the band most weeks, the pipeline crosses to the
//! workers, and `cadence backtest`'s counts are the page's.

use std::process::Command;
use std::rc::Rc;

use cadence::engine::Params;
use cadence::scenario::book::backtest::{backtest, Backtest, Series};
use cadence::scenario::book::loans::Loan;
use cadence::scenario::book::map::{Field, Tier};
use cadence::scenario::book::sample::{self, SAMPLE};
use cadence::scenario::book::{analyse, Analysis, Request};
use cadence::scenario::wire::PipelineWire;
use cadence::services::monte_carlo::{plan, prepared};
use chrono::Duration;
use proptest::prelude::*;
use serde_json::Value;

const SAMPLE_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/sample-team-loans.csv");

fn analysed(text: &str) -> Analysis {
    analyse(text.as_bytes(), &Request::default(), &Params::default()).expect("a book")
}

fn backtest_of(analysis: &Analysis) -> Backtest {
    let knows = analysis.mapping.contains(&Some(Field::RenewedFrom));
    backtest(
        &analysis.import.loans,
        None,
        Some(analysis.book.as_of),
        knows,
        &Params::default(),
    )
    .expect("a back-test")
}

#[test]
fn the_sample_team_back_tests_from_26_weeks_before_its_last_date() {
    let analysis = analysed(&std::fs::read_to_string(SAMPLE_FILE).expect("shipped"));
    let b = backtest_of(&analysis);
    assert_eq!(b.weeks, 26);
    assert_eq!(b.from, b.to - Duration::weeks(26));
    // The intake is calibrated: the EV forecast's new loans per week are the fitted rate.
    let i = b.intake;
    assert!(
        (i.ev_new_loans_per_week - i.target_new_loans_per_week).abs() < 0.01,
        "{i:?}"
    );
    assert!(i.yield_factor > 0.0 && i.hours_per_am > 0.0);
    // The pipeline starts full: the first weeks' expected new loans are near the rate.
    let (ev, _) = b.series(Series::NewLoans);
    assert!(ev[0] > 0.5 * i.target_new_loans_per_week, "{ev:?}");
    // The forecast starts from the book of that day.
    let (active, actual) = b.series(Series::ActiveLoans);
    let start: u32 = Tier::ALL.iter().map(|t| b.book.active_in(*t)).sum();
    assert!((active[0] - f64::from(start)).abs() < 0.1 * f64::from(start));
    assert!((actual[0] - f64::from(start)).abs() < 0.1 * f64::from(start));
}

/// The loans with everything disbursed after `from` changed by `edit` (the last date kept).
fn edited_after(
    loans: &[Loan],
    from: chrono::NaiveDate,
    edit: impl Fn(usize, &mut Loan) -> bool,
) -> Vec<Loan> {
    loans
        .iter()
        .enumerate()
        .filter_map(|(i, loan)| {
            let mut loan = loan.clone();
            if loan.disbursed_on <= from {
                return Some(loan);
            }
            edit(i, &mut loan).then_some(loan)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// No peeking: loans disbursed after the start — dropped, re-graded, re-sized, their terms
    /// changed — change the actual series and nothing of the forecast.
    #[test]
    fn loans_disbursed_after_the_start_change_nothing_in_the_forecast(
        drop_every in 2_usize..7,
        tier in 0_usize..3,
        amount in 1_000.0_f64..900_000.0,
        extra_weeks in 1_i64..20,
    ) {
        let analysis = analysed(&std::fs::read_to_string(SAMPLE_FILE).expect("shipped"));
        let loans = &analysis.import.loans;
        let first = backtest_of(&analysis);
        let edited = edited_after(loans, first.from, |i, loan| {
            loan.tier = Tier::ALL[tier];
            loan.amount_cny = Some(amount);
            loan.matures_on += Duration::weeks(extra_weeks);
            i % drop_every != 0
        });
        let again = backtest(&edited, None, Some(first.to), true, &Params::default())
            .expect("a back-test");
        prop_assert_eq!(&again.params, &first.params);
        prop_assert_eq!(&again.ev, &first.ev);
        prop_assert_eq!(&again.fit, &first.fit);
        prop_assert_eq!(&again.book, &first.book);
        prop_assert_eq!(again.intake, first.intake);
        prop_assert_ne!(&again.actual, &first.actual);
    }
}

#[test]
fn a_book_drawn_from_known_rates_falls_inside_the_band_most_weeks() {
    let mut inside = [0_usize; 3];
    let mut weeks = 0;
    for seed in [11_u64, 12, 13] {
        let (loans, _) = sample::sample_team(&SAMPLE, seed);
        let b = backtest_of(&analysed(&loans));
        let output = plan(&b.params, 300, seed, 0).expect("valid").run_all();
        let compared = b.compare(&output).expect("a band of the back-test's weeks");
        for c in &compared {
            inside[c.series as usize] += c.inside;
        }
        weeks += b.weeks as usize;
    }
    for series in Series::ALL {
        let share = inside[series as usize] as f64 / weeks as f64;
        println!(
            "{}: {:.0} % of weeks inside the P10–P90 band",
            series.id(),
            share * 100.0
        );
        assert!(share >= 0.6, "{}: {share}", series.id());
    }
}

#[test]
fn a_custom_books_pipeline_crosses_to_the_workers_and_gives_the_same_runs() {
    let analysis = analysed(&std::fs::read_to_string(SAMPLE_FILE).expect("shipped"));
    let b = backtest_of(&analysis);
    let wire = PipelineWire::of(&b.params);
    assert!(wire.is_some(), "the back-test starts with a pipeline");
    let json = cadence::scenario::to_json(&b.params);
    let here = plan(&b.params, 20, 5, 0).expect("valid").run_all();
    let there = prepared(&json, wire, 20, 5, 0).expect("valid").run_all();
    assert_eq!(here, there);
    // Without it the workers would start from an empty pipeline: fewer new loans at first.
    let empty = prepared(&json, None, 20, 5, 0).expect("valid").run_all();
    let first_week = |o: &cadence::engine::McOutput| {
        o.band(cadence::engine::Kpi::NewLoans).expect("banded").mean[0]
    };
    assert!(first_week(&empty) < first_week(&here));
}

#[test]
fn cadence_backtest_counts_the_weeks_inside_the_band_as_the_page_does() {
    use cadence::ui::band::BandEvent;
    use cadence::ui::book::backtest::{backtest_view, BAND_RUNS};
    use cadence::ui::book::{self, Picked};
    use cadence::ui::effect::Effect;
    let seed = 9;
    let output = Command::new(env!("CARGO_BIN_EXE_cadence"))
        .args(["backtest", SAMPLE_FILE, "--seed", "9"])
        .output()
        .expect("the cadence binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["runs"], BAND_RUNS);

    // The page: the same file opened in "Your data", its back-test's band run by the workers.
    let params = Params::default();
    let mut model = book::Model::default();
    let text = std::fs::read_to_string(SAMPLE_FILE).expect("shipped");
    model.update(
        book::Action::Open {
            name: "sample-team-loans.csv".to_owned(),
            picked: Picked::Text {
                text,
                encoding: cadence::scenario::book::read::TextEncoding::Utf8,
            },
        },
        &params,
    );
    model.refresh_backtest(&params);
    let effects = model.backtest.follow_band(seed);
    let [Effect::StartMonteCarlo(job)] = effects.as_slice() else {
        panic!("one band job: {effects:?}");
    };
    let band = prepared(
        &cadence::scenario::to_json(&job.params),
        PipelineWire::of(&job.params),
        job.runs,
        job.seed,
        5,
    )
    .expect("valid")
    .run_all();
    model.backtest.band_event(BandEvent::Finished {
        job: job.id,
        output: Rc::new(band),
    });
    let view = backtest_view(&model.backtest, cadence::i18n::Lang::En).expect("a view");
    assert_eq!(view.charts.len(), 3);
    for chart in &view.charts {
        let figure = &json["figures"][chart.id];
        let (inside, weeks) = chart.inside_count.expect("the band ran");
        assert_eq!(figure["inside"], inside, "{}", chart.id);
        assert_eq!(figure["weeks_compared"], weeks, "{}", chart.id);
        let text = chart.inside.as_deref().expect("in words");
        assert!(
            text.contains(&format!("{inside} of {weeks} weeks")),
            "{text}"
        );
    }
    assert_eq!(
        json["from"],
        view.charts[0]
            .data
            .frame
            .dates
            .week0
            .pred_opt()
            .expect("a day")
            .to_string()
    );
}
