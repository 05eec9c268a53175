//! Engine benchmarks (criterion): one EV run of the default 104-week scenario, 1,000 Monte Carlo
//! runs of it and their merge, and 200 runs of the fault preset with its noise floor.

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

criterion_group!(benches, ev, monte_carlo);
criterion_main!(benches);
