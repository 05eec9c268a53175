//! Engine benchmarks (criterion): one EV run of the default 104-week scenario, 1,000 Monte Carlo
//! runs of it and their merge, and 200 runs of the fault preset with its noise floor; and what
//! "Your data" pays on a generated 100,000-loan book: one re-analysis (a mapping or "as of"
//! change) and "Start from this book" after it.

use std::fmt::Write as _;
use std::hint::black_box;

use cadence::engine::montecarlo::{McOptions, McPlan};
use cadence::engine::presets;
use cadence::engine::{run_ev, validate, Params};
use criterion::{criterion_group, criterion_main, Criterion};

fn ev(c: &mut Criterion) {
    let params = Params::default();
    let vp = validate(&params).expect("the defaults are valid");
    c.bench_function("ev_run_104_weeks", |b| b.iter(|| run_ev(black_box(&vp))));
    // What the page pays per keystroke: validation (closed forms) and the run.
    c.bench_function("validate_and_ev_run_104_weeks", |b| {
        b.iter(|| run_ev(&validate(black_box(&params)).expect("valid")));
    });
}

fn monte_carlo(c: &mut Criterion) {
    let vp = validate(&Params::default()).expect("the defaults are valid");
    let plan = McPlan::new(
        &vp,
        McOptions {
            runs: 1000,
            seed: 42,
            kept_runs: 5,
            noise_floor: false,
        },
    );
    let mut group = c.benchmark_group("monte_carlo");
    group.sample_size(10);
    group.bench_function("mc_1000_runs_104_weeks", |b| {
        b.iter(|| black_box(plan.run_all()));
    });
    // What the page's main thread does once the workers are done: bands, means, fault figures.
    let runs = plan.run_range(0..1000);
    group.bench_function("mc_merge_1000_runs", |b| {
        b.iter(|| black_box(plan.merge(runs.clone())));
    });
    // A shocked scenario costs four simulations a run: the scenario, its baseline, and policy (a)
    // and its baseline for the noise floor.
    let fault = presets::get("fault").expect("the fault preset");
    let fault = validate(&fault.params).expect("the preset is valid");
    let fault_plan = McPlan::new(
        &fault,
        McOptions {
            runs: 200,
            seed: 42,
            kept_runs: 5,
            noise_floor: true,
        },
    );
    group.bench_function("mc_200_runs_fault_preset_with_noise_floor", |b| {
        b.iter(|| black_box(fault_plan.run_all()));
    });
    group.finish();
}

/// A loan-book CSV of `loans` loans over two years, every tenth a renewal of the one before it,
/// one in forty written off, the older half repaid: arithmetic, not random, so every run reads
/// the same book.
fn generated_book(loans: u32) -> String {
    let first = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).expect("a date");
    let mut csv = String::from(
        "loan_id,customer_id,disbursed_on,matures_on,amount_cny,tier,status,closed_on,renewed_from\n",
    );
    for i in 0..loans {
        let disbursed = first + chrono::Days::new(u64::from(i % 730));
        let term_days = [91, 182, 364][(i % 3) as usize];
        let matures = disbursed + chrono::Days::new(term_days);
        let tier = ["A", "B", "C"][(i % 7 % 3) as usize];
        let amount_cny = 50_000 + (i % 40) * 5_000;
        let (status, closed) = if i % 40 == 0 {
            ("written_off", String::new())
        } else if i % 730 < 300 {
            ("repaid", matures.to_string())
        } else {
            ("active", String::new())
        };
        let renewed_from = if i % 10 == 9 {
            format!("L{}", i - 1)
        } else {
            String::new()
        };
        let _ = writeln!(
            csv,
            "L{i},C{},{disbursed},{matures},{amount_cny},{tier},{status},{closed},{renewed_from}",
            i / 3
        );
    }
    csv
}

fn book(c: &mut Criterion) {
    use cadence::scenario::book::read::TextEncoding;
    use cadence::ui::book::{Action, Model, Picked};

    let params = Params::default();
    let mut model = Model::default();
    model.update(
        Action::Open {
            name: "generated.csv".to_owned(),
            picked: Picked::Text {
                text: generated_book(100_000),
                encoding: TextEncoding::Utf8,
            },
        },
        &params,
    );
    let mut group = c.benchmark_group("book");
    group.sample_size(10);
    // Each keystroke in "as of" (or a mapping change) derives the analysis again.
    let mut day = 0_u32;
    group.bench_function("reanalyse_100k_loans", |b| {
        b.iter(|| {
            day = (day + 1) % 28;
            model.update(Action::SetAsOf(format!("2026-01-{:02}", day + 1)), &params);
            black_box(model.loaded.is_some())
        });
    });
    // "Start from this book" right after: the analysis on screen is the one started from.
    group.bench_function("start_after_reanalyse_100k_loans", |b| {
        b.iter(|| black_box(model.starting_params(&params)));
    });
    group.finish();
}

criterion_group!(benches, ev, monte_carlo, book);
criterion_main!(benches);
