//! Helpers shared by the engine tests: building scenarios, running them, asserting figures.

use cadence::engine::params::{Hours, Params, PolicyKind, Shock, ShockKind};
use cadence::engine::{run_ev, validate, EvOutput, Kpi, ValidParams};

/// Validates, panicking with every error if the scenario is invalid.
pub fn valid(params: &Params) -> ValidParams {
    validate(params).unwrap_or_else(|errors| panic!("invalid scenario: {errors:#?}"))
}

/// The EV run of a scenario.
pub fn ev(params: &Params) -> EvOutput {
    run_ev(&valid(params))
}

/// Asserts |actual − expected| ≤ tolerance, naming the figure.
#[track_caller]
pub fn close(what: &str, actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: got {actual}, expected {expected} ± {tolerance}"
    );
}

/// Asserts that `actual` rounds to `expected` at `decimals` decimals: "within printed precision".
#[track_caller]
pub fn printed(what: &str, actual: f64, expected: f64, decimals: i32) {
    let half_unit = 0.5 * 10f64.powi(-decimals);
    close(what, actual, expected, half_unit + 1e-12);
}

/// The burst of MODEL.md section 13: `apps` applications per AM for `weeks` weeks from week 20.
pub fn burst(weeks: f64, apps: f64) -> Shock {
    Shock {
        start: 20.0,
        duration_weeks: weeks,
        kind: ShockKind::Burst {
            apps_per_am: apps,
            mix: None,
        },
    }
}

/// Defaults with one shock and a policy.
pub fn with_shock(shock: Shock, kind: PolicyKind) -> Params {
    let mut params = Params::default();
    params.shocks.push(shock);
    params.policy.kind = kind;
    params
}

/// (b) with a floor as a multiple of h*.
pub fn with_floor(mut params: Params, times_h_star: f64) -> Params {
    params.policy.kind = PolicyKind::StopWhenBusy;
    params.policy.floor_hours = Hours::TimesHStar(times_h_star);
    params
}

/// Whole numbers as integers, for exact comparisons of Monte Carlo counts.
#[track_caller]
pub fn whole<const N: usize>(values: [f64; N]) -> [i64; N] {
    values.map(|x| {
        assert!(x.fract() == 0.0, "{x} is not a whole number");
        x as i64
    })
}

/// A weekly team series of an EV output.
pub fn series(output: &EvOutput, kpi: Kpi) -> Vec<f64> {
    output.run.series(kpi)
}
