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

#[test]
fn on_the_fault_preset_the_re_plan_after_the_warning_starts_from_the_reported_state() {
    use cadence::engine::goal::PlanGoal;
    use cadence::engine::plan;
    use cadence::engine::warning::replan_scenario;
    let preset = presets::get("fault").expect("the fault preset");
    let vp = validate(&preset.params).expect("valid");
    let out = run_ev(&vp);
    let weeks: Vec<WeekActuals> = out.run.weeks.iter().map(WeekActuals::from_kpis).collect();
    let all = Actuals::new(weeks.clone(), out.run.weeks.len()).expect("a run's own figures");
    let reference = Reference::of_scenario(&vp);
    let first = track(&vp, &reference, &all)
        .first_alarm_week
        .expect("the warning fires");
    let upto = &weeks[..=first as usize];
    let model = vp.model();
    let goal = PlanGoal::hold(preset.params.team.target_loans_per_am, model.hours_per_week);
    let (again, goal) =
        replan_scenario(&preset.params, &goal, &reference, upto).expect("a re-plan scenario");
    let again_vp = validate(&again).expect("the re-plan's scenario validates");
    // The re-plan starts from the reported state: the book as reported, the leads as reported.
    let reported = &weeks[first as usize];
    let start = again_vp.initial_state();
    let book: f64 = start.book.iter().sum();
    let leads: f64 = start.interested.iter().sum();
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.abs().max(1.0);
    assert!(
        close(book, reported.active_loans.expect("reported")),
        "{book}"
    );
    let expected = &reference.expected.weeks[first as usize];
    let expected_leads: f64 = reference.states[first as usize].interested.iter().sum();
    assert!(
        close(
            leads / expected_leads,
            reported.leads.expect("reported") / expected.interested.iter().sum::<f64>()
        ),
        "{leads}"
    );
    let solved = plan::plan(&again_vp, &goal).expect("the re-plan solves");
    let next = 4;
    let from = first as usize + 1;
    let worked = reported.prospecting_hours_per_am().expect("reported hours");
    let mut raised = 0;
    for (w, old) in solved
        .cadence
        .weeks
        .iter()
        .zip(&reference.plan_hours_per_am[from..])
        .take(next)
    {
        println!(
            "week {}: re-plan {:.2} h/AM, old plan {old:.2}, worked in week {first} {worked:.2}",
            from + w.week,
            w.planned_hours
        );
        // Never a cut against what the team works now, and within a block of the old plan.
        assert!(
            w.planned_hours + 1e-9 >= worked,
            "week {}: the re-plan cuts prospecting to {:.2} h/AM below the {worked:.2} worked",
            from + w.week,
            w.planned_hours
        );
        if w.planned_hours > worked + 1e-9 {
            raised += 1;
        }
    }
    assert!(raised > 0, "the re-plan never raises prospecting");
    let verdict = &solved.verdict;
    println!(
        "fault preset re-planned from week {from}: {:.1} h/AM in its first week against the \
         plan's {:.1}; ends at {:.1} loans/AM (goal {:.1}), meets the goal: {}, gap {:+.1} %, shortfall {:?}",
        solved.cadence.weeks[0].planned_hours,
        reference.plan_hours_per_am[from],
        verdict.end_loans_per_am,
        verdict.end_goal_loans_per_am,
        verdict.met,
        verdict.end_gap * 100.0,
        solved.shortfall.map(cadence::engine::plan::Shortfall::id),
    );
    // It reaches the goal, or says by how much it cannot: the gap at the end is the shortfall.
    assert!(verdict.met || solved.shortfall.is_some() || verdict.end_gap.abs() > 0.0);
    assert!(verdict.end_loans_per_am.is_finite() && verdict.end_gap.is_finite());
}
