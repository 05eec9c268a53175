//! MODEL.md section 13's EV fault table and shock figures, and invariant 7 (the fault exists under
//! stop-when-busy and not under a fixed cadence).

use cadence::engine::fault::fault_metrics;
use cadence::engine::params::{
    BaselineKind, Calendar, Hours, InitialBook, Params, PolicyKind, Shock, ShockKind,
};
use cadence::engine::{FaultReport, FaultWindow, Kpi};

use crate::engine_support::{burst, ev, printed, series, with_floor, with_shock};

const AMS: f64 = 6.0;

/// The fault report of a scenario that has shocks.
fn fault(params: &Params) -> FaultReport {
    ev(params)
        .fault
        .expect("a shocked scenario has a fault report")
}

/// A table row: depth, trough, onset, weeks below −5%, extra new loans/AM, applications lost/AM.
#[track_caller]
fn row(report: &FaultReport, depth: f64, delay: Option<u32>, onset: Option<u32>, weeks: u32) {
    printed("depth", report.new_loans.depth, depth, 3);
    assert_eq!(report.new_loans.delay_weeks, delay, "trough");
    assert_eq!(report.new_loans.onset_weeks, onset, "onset");
    assert_eq!(report.new_loans.duration_weeks, weeks, "weeks below −5%");
}

#[test]
fn fixed_cadence_has_no_fault() {
    let report = fault(&with_shock(burst(2.0, 6.0), PolicyKind::Fixed));
    row(&report, 0.0, None, None, 0);
    printed("extra new loans/AM", report.extra_new_loans_per_am, 6.70, 2);
    printed(
        "applications lost/AM",
        report.applications_lost_per_am,
        3.97,
        2,
    );
}

#[test]
fn stop_when_busy_has_the_fault_seven_weeks_after_the_burst() {
    let report = fault(&with_shock(burst(2.0, 6.0), PolicyKind::StopWhenBusy));
    row(&report, 0.522, Some(7), Some(6), 6);
    printed("extra new loans/AM", report.extra_new_loans_per_am, 5.28, 2);
    printed(
        "applications lost/AM",
        report.applications_lost_per_am,
        1.28,
        2,
    );
}

#[test]
fn a_floor_of_half_h_star_halves_the_fault() {
    let report = fault(&with_floor(
        with_shock(burst(2.0, 6.0), PolicyKind::Fixed),
        0.5,
    ));
    row(&report, 0.264, Some(8), Some(8), 4);
    printed("extra new loans/AM", report.extra_new_loans_per_am, 6.02, 2);
    printed(
        "applications lost/AM",
        report.applications_lost_per_am,
        2.11,
        2,
    );
}

#[test]
fn target_pipeline_has_no_fault() {
    let report = fault(&with_shock(burst(2.0, 6.0), PolicyKind::TargetPipeline));
    row(&report, 0.0, None, None, 0);
    printed("extra new loans/AM", report.extra_new_loans_per_am, 6.52, 2);
    printed(
        "applications lost/AM",
        report.applications_lost_per_am,
        3.97,
        2,
    );
}

#[test]
fn pure_stop_when_busy_at_a_max_has_a_deeper_fault() {
    let a_max = crate::engine_support::valid(&Params::default())
        .summary()
        .unwrap()
        .a_max
        .unwrap();
    let mut params = with_shock(burst(2.0, 6.0), PolicyKind::StopWhenBusy);
    params.policy.cap_hours = Hours::FullWeek;
    params.team.target_loans_per_am = a_max;
    row(&fault(&params), 0.572, Some(8), Some(7), 6);
    // MODEL.md 16.6: A_init = A_max gives the same figures as A_target = A_max.
    let mut by_init = with_shock(burst(2.0, 6.0), PolicyKind::StopWhenBusy);
    by_init.policy.cap_hours = Hours::FullWeek;
    by_init.team.init_loans_per_am = Some(a_max);
    row(&fault(&by_init), 0.572, Some(8), Some(7), 6);
}

#[test]
fn the_fault_week_by_week_under_stop_when_busy() {
    let output = ev(&with_shock(burst(2.0, 6.0), PolicyKind::StopWhenBusy));
    let new_loans = series(&output, Kpi::NewLoans);
    let baseline = output.baseline.as_ref().unwrap().series(Kpi::NewLoans);
    // "New loans run at 3.27/AM for 4 weeks": 3.27, 3.27, 3.25 and 3.00 in weeks 22–25.
    for (t, per_am) in [(22, 3.27), (23, 3.27), (24, 3.25), (25, 3.00)] {
        printed(
            &format!("new loans/AM in week {t}"),
            new_loans[t] / AMS,
            per_am,
            2,
        );
    }
    printed("new loans/AM in week 27", new_loans[27] / AMS, 0.65, 2);
    // "…and recover by week 34": within 1% of the baseline from then on.
    assert!(new_loans[33] < 0.99 * baseline[33] || new_loans[32] < 0.99 * baseline[32]);
    for t in 34..60 {
        assert!(new_loans[t] >= 0.99 * baseline[t], "week {t} not recovered");
    }
    let prospecting = series(&output, Kpi::HoursProspecting);
    for (t, hours) in [(21, 0.0), (22, 0.0), (23, 0.0), (24, 1.6)] {
        printed(
            &format!("prospecting h/AM in week {t}"),
            prospecting[t] / AMS,
            hours,
            1,
        );
    }
    let pipeline = series(&output, Kpi::PipelinePerAm);
    printed("pipeline before", pipeline[21], 4.81, 2);
    let low = pipeline.iter().copied().fold(f64::INFINITY, f64::min);
    printed("pipeline at its lowest", low, 1.66, 2);
}

#[test]
fn burst_size_matters() {
    let small = fault(&with_shock(burst(1.0, 2.0), PolicyKind::StopWhenBusy));
    printed("2 apps for 1 week: depth", small.new_loans.depth, 0.14, 2);

    let long_b = fault(&with_shock(burst(4.0, 6.0), PolicyKind::StopWhenBusy));
    printed("6×4 (b) depth", long_b.new_loans.depth, 0.59, 2);
    printed("6×4 (b) extra", long_b.extra_new_loans_per_am, 10.8, 1);

    let long_a = ev(&with_shock(burst(4.0, 6.0), PolicyKind::Fixed));
    let report = long_a.fault.as_ref().unwrap();
    printed("6×4 (a) depth", report.new_loans.depth, 0.0, 2);
    printed("6×4 (a) extra", report.extra_new_loans_per_am, 8.4, 1);
    printed("6×4 (a) lost", report.applications_lost_per_am, 14.0, 0);
    let reneged: f64 = long_a.run.weeks.iter().map(|w| w.reneged).sum();
    let timed_out: f64 = long_a.run.weeks.iter().map(|w| w.timed_out).sum();
    printed("6×4 (a) reneged/AM", reneged / AMS, 9.0, 1);
    printed("6×4 (a) timed out/AM", timed_out / AMS, 4.9, 1);

    let floor = fault(&with_floor(
        with_shock(burst(4.0, 6.0), PolicyKind::Fixed),
        0.5,
    ));
    printed("6×4 floor depth", floor.new_loans.depth, 0.28, 2);
    printed("6×4 floor extra", floor.extra_new_loans_per_am, 10.7, 1);
}

fn spike() -> Shock {
    Shock {
        start: 20.0,
        duration_weeks: 4.0,
        kind: ShockKind::Demand {
            mult: 2.5,
            flows: None,
        },
    }
}

#[test]
fn a_symmetric_pipeline_target_misses_a_demand_spike() {
    let target = fault(&with_shock(spike(), PolicyKind::TargetPipeline));
    printed(
        "(c) extra new loans/AM",
        target.extra_new_loans_per_am,
        4.9,
        1,
    );
    let fixed = fault(&with_shock(spike(), PolicyKind::Fixed));
    printed(
        "(a) extra new loans/AM",
        fixed.extra_new_loans_per_am,
        7.8,
        1,
    );
    let mut boost_only = with_shock(spike(), PolicyKind::TargetPipeline);
    boost_only.policy.min_hours = Hours::AUTO;
    printed(
        "asymmetric (c) extra",
        fault(&boost_only).extra_new_loans_per_am,
        7.8,
        1,
    );
}

#[test]
fn a_new_team_at_h_star_never_profits_and_prospecting_all_free_time_does() {
    let mut params = Params::default();
    params.team.init = InitialBook::Empty;
    params.team.horizon_weeks = 156.0;
    let at_h_star = ev(&params);
    let loans = series(&at_h_star, Kpi::ActiveLoans);
    printed("loans/AM after 156 weeks at h*", loans[155] / AMS, 86.0, 0);
    assert!(
        series(&at_h_star, Kpi::ProfitCny).iter().all(|&p| p <= 0.0),
        "never profitable"
    );

    params.policy.kind = PolicyKind::StopWhenBusy;
    params.policy.cap_hours = Hours::FullWeek;
    let all_free = ev(&params);
    let loans = series(&all_free, Kpi::ActiveLoans);
    printed("loans/AM at week 52", loans[51] / AMS, 77.0, 0);
    printed("loans/AM at week 156", loans[155] / AMS, 122.0, 0);
    let profit = series(&all_free, Kpi::ProfitCny);
    assert_eq!(
        profit.iter().position(|&p| p > 0.0),
        Some(64),
        "profitable from t = 64"
    );
}

/// Post-festival dip of new loans against the same policy without seasonality, t ∈ [7, 17).
fn festival(kind: PolicyKind) -> (f64, Option<u32>, f64) {
    let mut params = Params {
        calendar: Calendar::ChinaDefault {
            spring_festival_week: 6.0,
            mid_autumn_week: 38.0,
        },
        ..Params::default()
    };
    params.fault.baseline = BaselineKind::NoSeasonality;
    params.policy.kind = kind;
    let output = ev(&params);
    let y = series(&output, Kpi::NewLoans);
    let b = output.baseline.as_ref().unwrap().series(Kpi::NewLoans);
    let dip = fault_metrics(&y, &b, FaultWindow { start: 7, end: 17 });
    (dip.depth, dip.trough_week, y[6] / b[6] - 1.0)
}

#[test]
fn festival_dips_after_the_spring_festival() {
    let (dip_b, trough_b, closure_b) = festival(PolicyKind::StopWhenBusy);
    let (dip_a, trough_a, closure_a) = festival(PolicyKind::Fixed);
    let (dip_c, trough_c, closure_c) = festival(PolicyKind::TargetPipeline);
    printed("dip (b) %", 100.0 * dip_b, 37.0, 0);
    printed("dip (c) %", 100.0 * dip_c, 14.0, 0);
    // MODEL.md prints 20%; the spec-following model gives 19.49% (docs/model-decisions.md,
    // "Festival dip under a fixed cadence"), pinned here.
    printed("dip (a) %", 100.0 * dip_a, 19.49, 2);
    assert_eq!([trough_b, trough_a, trough_c], [Some(10); 3]);
    // MODEL.md lists the closure week as −80/−52/−75%; the fixed cadence is the −80%
    // (docs/model-decisions.md, "Festival closure week").
    printed("closure (a) %", 100.0 * closure_a, -80.0, 0);
    printed("closure (b) %", 100.0 * closure_b, -52.0, 0);
    printed("closure (c) %", 100.0 * closure_c, -75.0, 0);
}

#[test]
fn the_festival_preset_reports_its_dip_as_its_fault() {
    let preset = cadence::engine::presets::get("festival").unwrap();
    let report = fault(&preset.params);
    assert_eq!(report.window, FaultWindow { start: 7, end: 17 });
    printed("festival preset dip", report.new_loans.depth, 0.37, 2);
}

#[test]
fn invariant_7_the_fault_under_b_and_none_under_a() {
    let report = fault(&with_shock(burst(2.0, 6.0), PolicyKind::StopWhenBusy));
    assert!(report.new_loans.depth > 0.10);
    assert!(report.new_loans.delay_weeks.unwrap() >= 4);

    let output = ev(&with_shock(burst(2.0, 6.0), PolicyKind::Fixed));
    assert!(output.fault.as_ref().unwrap().new_loans.depth <= 1e-9);
    let y = series(&output, Kpi::NewLoans);
    let b = output.baseline.as_ref().unwrap().series(Kpi::NewLoans);
    for (t, (y, b)) in y.iter().zip(&b).enumerate() {
        assert!(*y >= b - 1e-9, "week {t}: {y} < {b}");
    }
}
