//! The early warning on actuals (issue 18): it fires well before the fault's trough, and rarely on
//! a steady team's ordinary noise.

use cadence::engine::actuals::{Actuals, WeekActuals};
use cadence::engine::simulate::simulate;
use cadence::engine::warning::{track, Reference};
use cadence::engine::{presets, run_ev, validate, ChaCha, Kpi};

#[test]
fn on_the_fault_preset_the_warning_fires_at_least_4_weeks_before_the_trough() {
    let preset = presets::get("fault").expect("the fault preset");
    let vp = validate(&preset.params).expect("valid");
    let out = run_ev(&vp);
    let trough = out
        .fault
        .as_ref()
        .and_then(|f| f.new_loans.trough_week)
        .expect("policy (b) has a new-loans trough");
    let weeks: Vec<WeekActuals> = out.run.weeks.iter().map(WeekActuals::from_kpis).collect();
    let actuals = Actuals::new(weeks, out.run.weeks.len()).expect("a run's own figures are valid");
    let reference = Reference::of_scenario(&vp);
    let tracking = track(&vp, &reference, &actuals);
    let first = tracking.first_alarm_week.expect("the warning fires");
    let lead = i64::from(trough) - i64::from(first);
    let alarmed = &tracking.weeks[first as usize];
    println!(
        "fault preset: first warning in week {first}, trough in week {trough}: {lead} weeks ahead; \
         projected fall {:.0} % in weeks {}–{}",
        alarmed.projection.map_or(0.0, |p| p.depth * 100.0),
        alarmed.projection.map_or(0, |p| p.from_week),
        alarmed.projection.map_or(0, |p| p.to_week),
    );
    assert!(
        lead >= 4,
        "warning in week {first}, trough in week {trough}"
    );
    // Before the burst nothing is wrong, so nothing is raised.
    assert!(
        first >= 20,
        "a false alarm in week {first}, before the burst"
    );
}

#[test]
fn on_the_steady_preset_monte_carlo_noise_raises_under_5_percent_false_alarms() {
    let preset = presets::get("steady").expect("the steady preset");
    let mut params = preset.params.clone();
    params.team.horizon_weeks = 104.0;
    let vp = validate(&params).expect("valid");
    let reference = Reference::of_scenario(&vp);
    let (runs, mut alarmed, mut weeks) = (20u64, 0usize, 0usize);
    for run in 0..runs {
        let mut sampler = ChaCha::for_run(params.run.seed, run);
        let initial = vp.initial_state().sampled_around(&mut sampler);
        let trace = simulate(&vp, vp.schedule(), initial, &mut sampler);
        let figures: Vec<WeekActuals> = trace.weeks.iter().map(WeekActuals::from_kpis).collect();
        let actuals = Actuals::new(figures, trace.weeks.len()).expect("valid");
        let tracking = track(&vp, &reference, &actuals);
        alarmed += tracking.weeks.iter().filter(|w| w.alarm).count();
        weeks += tracking.weeks.len();
        assert!(trace.series(Kpi::NewLoans).iter().all(|n| *n >= 0.0));
    }
    let rate = alarmed as f64 / weeks as f64;
    println!(
        "steady preset, {runs} Monte Carlo runs × 104 weeks as actuals: {alarmed} of {weeks} weeks alarmed \
         ({:.2} %)",
        rate * 100.0
    );
    assert!(rate < 0.05, "false-alarm rate {rate}");
}
