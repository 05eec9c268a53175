//! Issue #6: the Cadence plan — the channel mix for a goal, its infeasibility report, and the
//! weekly cadence checked by simulation.

// Goal values are handed back verbatim in the shortfall, so exact comparison is the point.
#![allow(clippy::float_cmp)]

use cadence::engine::params::{Calendar, ChannelId, Params, ShockKind, CHANNELS};
use cadence::engine::plan::{
    self, steady_state_with_shares, MixPlan, Objective, PlanError, PlanGoal, Shortfall, TargetPath,
};
use cadence::engine::sampler::Expect;
use cadence::engine::simulate::simulate;
use cadence::engine::{presets, ValidParams};

use crate::engine_support::{close, valid};

fn goal(vp: &ValidParams, loans: f64) -> PlanGoal {
    PlanGoal {
        target: TargetPath::Flat {
            loans_per_am: loans,
        },
        ..PlanGoal::for_scenario(vp)
    }
}

/// Steady loans, total hours, quality share and cash per AM with these hours per channel,
/// straight from the closed form.
struct Point {
    prospecting: f64,
    loans: f64,
    hours_total: f64,
    quality: f64,
    cash: f64,
}

fn point(vp: &ValidParams, hours: &[f64; CHANNELS]) -> Point {
    let total: f64 = hours.iter().sum();
    let shares = if total > 0.0 {
        hours.map(|h| h / total)
    } else {
        [1.0 / CHANNELS as f64; CHANNELS]
    };
    let map = vp.steady_map().expect("steady state");
    let state = steady_state_with_shares(vp.model(), map, shares, total);
    Point {
        prospecting: total,
        loans: state.total_loans(),
        hours_total: state.hours_total,
        quality: plan::quality_share(&state),
        cash: state.cash_cny,
    }
}

/// Defaults with only the listed channels able to yield (the others' `a_c` set to 0).
fn only_channels(channels: &[ChannelId]) -> Params {
    let mut params = Params::default();
    for c in ChannelId::ALL {
        if !channels.contains(&c) {
            params.channels[c.index()].leads_per_hour = 0.0;
        }
    }
    params
}

/// Every combination of hours on `channels`, each from 0 to `max` in `step`s.
fn grid(channels: &[ChannelId], max: f64, step: f64, visit: &mut impl FnMut([f64; CHANNELS])) {
    let steps = (max / step).round() as usize;
    let mut index = vec![0usize; channels.len()];
    loop {
        let mut hours = [0.0; CHANNELS];
        for (c, i) in channels.iter().zip(&index) {
            hours[c.index()] = *i as f64 * step;
        }
        visit(hours);
        let mut k = 0;
        loop {
            if k == index.len() {
                return;
            }
            index[k] += 1;
            if index[k] <= steps {
                break;
            }
            index[k] = 0;
            k += 1;
        }
    }
}

/// The fewest grid hours meeting `feasible`, and whether the solver's mix is at least as good.
#[track_caller]
fn check_against_grid(
    vp: &ValidParams,
    channels: &[ChannelId],
    mix: &MixPlan,
    max: f64,
    step: f64,
    feasible: impl Fn(&Point) -> bool,
) {
    let mut best = f64::INFINITY;
    let mut best_hours = [0.0; CHANNELS];
    grid(channels, max, step, &mut |hours| {
        let p = point(vp, &hours);
        if p.prospecting < best && feasible(&p) {
            best = p.prospecting;
            best_hours = hours;
        }
    });
    assert!(best.is_finite(), "no grid point is feasible");
    // No grid point does better than the solver...
    assert!(
        mix.prospecting_hours <= best + 1e-9,
        "solver {} h, grid {best} h at {best_hours:?}",
        mix.prospecting_hours
    );
    // ...and the solver's hours are within the grid's resolution of the best grid point.
    assert!(
        best - mix.prospecting_hours <= step * channels.len() as f64,
        "solver {} h, grid {best} h",
        mix.prospecting_hours
    );
    // The solver's mix uses only the channels that can yield.
    for c in ChannelId::ALL {
        if !channels.contains(&c) {
            assert_eq!(mix.hours_by_channel[c.index()], 0.0, "{c:?}");
        }
    }
}

#[test]
fn h_star_at_the_current_mix_is_the_closed_form() {
    let vp = valid(&Params::default());
    let current = plan::current_mix(&vp, 120.0).expect("steady state");
    close(
        "h*",
        current.h_star.expect("reachable"),
        8.798_496_593,
        1e-8,
    );
    let steady = current.steady.expect("steady state at h*");
    close("H_tot at h*", steady.hours_total, 35.294, 1e-3);
    assert!(current.within_hours_budget);
    close("A_max", current.a_max.expect("A_max"), 134.6, 0.05);
    // 150 per AM at the current mix needs more than the 40 h week.
    let current = plan::current_mix(&vp, 150.0).expect("steady state");
    assert!(!current.within_hours_budget);
    assert!(current.steady.expect("reachable").hours_total > 40.0);
}

#[test]
fn two_channel_mix_is_optimal_against_a_brute_force_grid() {
    let channels = [ChannelId::ColdVisit, ChannelId::SupplyChain];
    let vp = valid(&only_channels(&channels));
    let mix = plan::solve_mix(&vp, &goal(&vp, 110.0)).expect("feasible");
    close("steady loans", mix.loans_per_am, 110.0, 1e-7);
    check_against_grid(&vp, &channels, &mix, 20.0, 0.05, |p| p.loans >= 110.0);
    // Both channels are used, at equal marginal loans per hour: β_c·a_c·e^(−h_c/s_c).
    let summary = vp.summary().expect("summary");
    let marginal = |c: ChannelId| {
        let ch = &vp.params().channels[c.index()];
        summary.beta(c)
            * ch.leads_per_hour
            * (-mix.hours_by_channel[c.index()] / ch.saturation_hours).exp()
    };
    assert!(mix.hours_by_channel.iter().filter(|&&h| h > 0.0).count() == 2);
    close(
        "equal marginal value",
        marginal(ChannelId::ColdVisit),
        marginal(ChannelId::SupplyChain),
        1e-6,
    );
    close(
        "multiplier = 1 / marginal loans per hour",
        mix.marginal_hours_per_loan.expect("target binds"),
        1.0 / marginal(ChannelId::ColdVisit),
        1e-6,
    );
}

#[test]
fn three_channel_mix_is_optimal_against_a_brute_force_grid() {
    let channels = [ChannelId::Event, ChannelId::Association, ChannelId::Flyer];
    let vp = valid(&only_channels(&channels));
    let mix = plan::solve_mix(&vp, &goal(&vp, 100.0)).expect("feasible");
    // A global coarse grid, then 0.05 h steps around the best coarse point.
    check_against_grid(&vp, &channels, &mix, 12.0, 0.25, |p| p.loans >= 100.0);
    let mut best = f64::INFINITY;
    let centre = mix.hours_by_channel;
    let mut local = |hours: [f64; CHANNELS]| {
        let mut shifted = [0.0; CHANNELS];
        for c in channels {
            shifted[c.index()] = (centre[c.index()] - 1.0 + hours[c.index()]).max(0.0);
        }
        let p = point(&vp, &shifted);
        if p.loans >= 100.0 {
            best = best.min(p.prospecting);
        }
    };
    grid(&channels, 2.0, 0.05, &mut local);
    assert!(mix.prospecting_hours <= best + 1e-9);
    assert!(best - mix.prospecting_hours < 0.15);
}

#[test]
fn the_quality_share_binds_when_it_should() {
    let channels = [ChannelId::ColdVisit, ChannelId::SupplyChain];
    let vp = valid(&only_channels(&channels));
    let free = plan::solve_mix(&vp, &goal(&vp, 110.0)).expect("feasible");
    // Below the free optimum's share the requirement changes nothing.
    let loose = PlanGoal {
        min_quality_share: free.quality_share - 0.02,
        ..goal(&vp, 110.0)
    };
    let same = plan::solve_mix(&vp, &loose).expect("feasible");
    close(
        "hours",
        same.prospecting_hours,
        free.prospecting_hours,
        1e-8,
    );
    // Above it the share binds exactly, costs hours, and beats every grid point that meets it.
    let wanted = free.quality_share + 0.03;
    let tight = PlanGoal {
        min_quality_share: wanted,
        ..goal(&vp, 110.0)
    };
    let mix = plan::solve_mix(&vp, &tight).expect("feasible");
    close("quality share", mix.quality_share, wanted, 1e-8);
    assert!(mix.prospecting_hours > free.prospecting_hours + 0.01);
    check_against_grid(&vp, &channels, &mix, 20.0, 0.05, |p| {
        p.loans >= 110.0 && p.quality >= wanted
    });
}

#[test]
fn the_cash_budget_binds_when_it_should() {
    let channels = [ChannelId::Event, ChannelId::Association];
    let vp = valid(&only_channels(&channels));
    let free = plan::solve_mix(&vp, &goal(&vp, 100.0)).expect("feasible");
    let cash = free.steady.cash_cny;
    assert!(cash > 0.0, "events cost 50 CNY an hour");
    let generous = PlanGoal {
        cash_budget_cny: Some(2.0 * cash),
        ..goal(&vp, 100.0)
    };
    let same = plan::solve_mix(&vp, &generous).expect("feasible");
    close(
        "hours",
        same.prospecting_hours,
        free.prospecting_hours,
        1e-8,
    );
    let budget = 0.7 * cash;
    let tight = PlanGoal {
        cash_budget_cny: Some(budget),
        ..goal(&vp, 100.0)
    };
    let mix = plan::solve_mix(&vp, &tight).expect("feasible");
    close("cash", mix.steady.cash_cny, budget, 1e-6);
    assert!(mix.prospecting_hours > free.prospecting_hours);
    check_against_grid(&vp, &channels, &mix, 20.0, 0.05, |p| {
        p.loans >= 100.0 && p.cash <= budget
    });
}

#[test]
fn most_profit_meets_the_goal_and_earns_at_least_the_fewest_hours_mix() {
    let vp = valid(&Params::default());
    let fewest = plan::solve_mix(&vp, &goal(&vp, 120.0)).expect("feasible");
    let richest = plan::solve_mix(
        &vp,
        &PlanGoal {
            objective: Objective::MostProfit,
            ..goal(&vp, 120.0)
        },
    )
    .expect("feasible");
    assert!(richest.loans_per_am >= 120.0 - 1e-7);
    assert!(richest.steady.hours_total <= 40.0 + 1e-7);
    assert!(richest.steady.profit_cny > fewest.steady.profit_cny);
}

#[test]
fn the_default_mix_is_improved_on() {
    let vp = valid(&Params::default());
    let mix = plan::solve_mix(&vp, &goal(&vp, 120.0)).expect("feasible");
    let h_star = vp.h_ref().expect("h*");
    close("steady loans", mix.loans_per_am, 120.0, 1e-7);
    assert!(mix.prospecting_hours < h_star - 1.0, "{mix:?}");
    let shares: f64 = mix.shares.iter().sum();
    close("shares", shares, 1.0, 1e-12);
    // The reported steady state is the closed form at this mix.
    let p = point(&vp, &mix.hours_by_channel);
    close("loans", p.loans, mix.loans_per_am, 1e-9);
    close("hours budget", p.hours_total, mix.steady.hours_total, 1e-9);
}

#[test]
fn an_unreachable_target_reports_the_most_any_hours_hold() {
    let vp = valid(&Params::default());
    let Err(PlanError::Infeasible {
        shortfall: Shortfall::Unreachable { target, most },
        closest,
        ..
    }) = plan::solve_mix(&vp, &goal(&vp, 1000.0))
    else {
        panic!("1000 loans per AM should be unreachable");
    };
    let summary = vp.summary().expect("summary");
    let sup: f64 = summary.a0
        + ChannelId::ALL
            .iter()
            .map(|&c| {
                let ch = &vp.params().channels[c.index()];
                summary.beta(c) * ch.leads_per_hour * ch.saturation_hours
            })
            .sum::<f64>();
    assert_eq!(target, 1000.0);
    close("sup F over every channel", most, sup, 1e-9);
    let closest = closest.expect("a closest plan");
    assert!(closest.steady.hours_total <= 40.0 + 1e-6);
}

#[test]
fn too_few_prospecting_hours_report_the_hours_needed() {
    let vp = valid(&Params::default());
    let needed = plan::solve_mix(&vp, &goal(&vp, 120.0))
        .expect("feasible")
        .prospecting_hours;
    let capped = PlanGoal {
        max_prospecting_hours: 5.0,
        ..goal(&vp, 120.0)
    };
    let Err(PlanError::Infeasible {
        shortfall: Shortfall::HoursOver { max, needed: got },
        needed: mix,
        closest,
    }) = plan::solve_mix(&vp, &capped)
    else {
        panic!("5 h cannot hold 120 loans");
    };
    assert_eq!(max, 5.0);
    close("hours needed", got, needed, 1e-8);
    close(
        "shortfall",
        Shortfall::HoursOver { max, needed: got }.amount(),
        needed - 5.0,
        1e-8,
    );
    close(
        "the needed mix",
        mix.expect("mix").prospecting_hours,
        needed,
        1e-8,
    );
    // The closest plan spends the 5 hours and holds fewer loans.
    let closest = closest.expect("closest");
    close("closest hours", closest.prospecting_hours, 5.0, 1e-6);
    assert!(closest.loans_per_am < 120.0);
}

#[test]
fn one_hundred_and_fifty_per_am_is_over_the_hours_budget() {
    let vp = valid(&Params::default());
    let Err(PlanError::Infeasible {
        shortfall: Shortfall::CapacityOver { available, needed },
        needed: needed_mix,
        closest,
    }) = plan::solve_mix(&vp, &goal(&vp, 150.0))
    else {
        panic!("150 loans per AM should not fit in 40 h");
    };
    assert_eq!(available, 40.0);
    let needed_mix = needed_mix.expect("the mix needing the fewest total hours");
    close("needed", needed, needed_mix.steady.hours_total, 1e-6);
    close("needed mix holds 150", needed_mix.loans_per_am, 150.0, 1e-6);
    assert!(needed > 40.0 && needed < 45.0, "{needed}");
    // Fewer total hours than the current mix needs for 150.
    let current = plan::current_mix(&vp, 150.0).expect("steady");
    assert!(needed < current.steady.expect("reachable").hours_total);
    // The closest plan fills the week and holds more than A_max at the current mix.
    let closest = closest.expect("closest");
    close("closest uses H", closest.steady.hours_total, 40.0, 1e-6);
    assert!(closest.loans_per_am > current.a_max.expect("A_max"));
    assert!(closest.loans_per_am < 150.0);
}

#[test]
fn an_unreachable_quality_share_reports_the_best_share() {
    let channels = [ChannelId::ColdVisit, ChannelId::SupplyChain];
    let vp = valid(&only_channels(&channels));
    let strict = PlanGoal {
        min_quality_share: 0.95,
        ..goal(&vp, 110.0)
    };
    let Err(PlanError::Infeasible {
        shortfall:
            Shortfall::QualityShort {
                min_share,
                best_share,
            },
        ..
    }) = plan::solve_mix(&vp, &strict)
    else {
        panic!("95% prime and standard is out of reach");
    };
    assert_eq!(min_share, 0.95);
    // No grid point holding 110 loans has a better share, and the best grid point is close.
    let mut grid_best: f64 = 0.0;
    grid(&channels, 40.0, 0.1, &mut |hours| {
        let p = point(&vp, &hours);
        if p.loans >= 110.0 {
            grid_best = grid_best.max(p.quality);
        }
    });
    assert!(grid_best <= best_share + 1e-9, "{grid_best} > {best_share}");
    assert!(best_share - grid_best < 2e-3, "{grid_best} vs {best_share}");
}

#[test]
fn an_impossible_cash_budget_reports_the_cash_needed() {
    let vp = valid(&Params::default());
    // Without the free channels every prospecting hour costs cash.
    let mut params = Params::default();
    params.channels[ChannelId::SupplyChain.index()].leads_per_hour = 0.0;
    params.channels[ChannelId::Association.index()].leads_per_hour = 0.0;
    params.channels[ChannelId::PeerBroker.index()].leads_per_hour = 0.0;
    let vp_paid = valid(&params);
    let needed = plan::solve_mix(
        &vp_paid,
        &PlanGoal {
            cash_budget_cny: Some(1e6),
            ..goal(&vp_paid, 100.0)
        },
    )
    .expect("feasible");
    let least = {
        // The least cash: shrink the budget until it binds at (nearly) nothing more.
        let Err(PlanError::Infeasible {
            shortfall: Shortfall::CashOver { budget, needed },
            ..
        }) = plan::solve_mix(
            &vp_paid,
            &PlanGoal {
                cash_budget_cny: Some(1.0),
                ..goal(&vp_paid, 100.0)
            },
        )
        else {
            panic!("1 CNY a week cannot hold 100 loans on paid channels");
        };
        assert_eq!(budget, 1.0);
        needed
    };
    assert!(least > 1.0 && least <= needed.steady.cash_cny + 1e-9);
    // Just above the least cash the goal is met, spending at most the budget.
    let just = plan::solve_mix(
        &vp_paid,
        &PlanGoal {
            cash_budget_cny: Some(least * 1.001),
            ..goal(&vp_paid, 100.0)
        },
    )
    .expect("feasible just above the least cash");
    assert!(just.steady.cash_cny <= least * 1.001 + 1e-6);
    // With the free channels back, no cash is needed at all.
    let free = plan::solve_mix(
        &vp,
        &PlanGoal {
            cash_budget_cny: Some(0.0),
            ..goal(&vp, 120.0)
        },
    );
    assert!(
        matches!(
            free,
            Err(PlanError::Infeasible {
                shortfall: Shortfall::CashOver { needed, .. },
                ..
            }) if needed < 1e-6
        ) || free.is_ok(),
        "{free:?}"
    );
}

#[test]
fn goal_fields_are_checked() {
    let vp = valid(&Params::default());
    let bad = PlanGoal {
        target: TargetPath::Growth {
            loans_per_am: f64::NAN,
            by_week: 60.5,
        },
        min_quality_share: 1.5,
        max_prospecting_hours: 41.0,
        cash_budget_cny: Some(-1.0),
        weeks: 52.0,
        floor_share: 2.0,
        ..PlanGoal::for_scenario(&vp)
    };
    let Err(PlanError::Goal(errors)) = plan::solve_mix(&vp, &bad) else {
        panic!("invalid goal accepted");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.id()).collect();
    assert_eq!(
        fields,
        [
            "target",
            "by_week",
            "min_quality_share",
            "max_prospecting_hours",
            "cash_budget_cny",
            "floor_share"
        ]
    );
}

/// The plan's scenario (timed changes) simulated from scratch: the book at the end of the plan.
fn simulated_end(plan: &plan::Plan) -> f64 {
    let checked = valid(&plan.cadence.params);
    let trace = simulate(
        &checked,
        checked.schedule(),
        checked.initial_state().clone(),
        &mut Expect,
    );
    let last = trace.weeks.last().expect("weeks");
    last.active_loans.iter().sum::<f64>() / last.ams
}

#[track_caller]
fn check_cadence(plan: &plan::Plan, target: f64) {
    let cadence = &plan.cadence;
    assert_eq!(cadence.weeks.len(), plan.goal.weeks as usize);
    // One channel-mix change and one hours change per week.
    assert_eq!(cadence.shocks.len(), cadence.weeks.len() + 1);
    assert!(matches!(
        cadence.shocks[0].kind,
        ShockKind::ChannelMix { .. }
    ));
    for week in &cadence.weeks {
        assert!(
            week.set_hours >= cadence.floor_hours - 1e-9
                && week.set_hours <= cadence.max_hours + 1e-9,
            "week {} hours {}",
            week.week,
            week.set_hours
        );
    }
    let end = simulated_end(plan);
    close(
        "the cadence's own end",
        cadence.end_loans_per_am(),
        end,
        1e-9,
    );
    assert!(
        (end - target).abs() <= 0.01 * target,
        "simulated end {end} against {target}"
    );
}

#[test]
fn a_flat_plan_through_the_festival_year_lands_on_target() {
    let params = Params {
        calendar: Calendar::ChinaDefault {
            spring_festival_week: 6.0,
            mid_autumn_week: 38.0,
        },
        ..Params::default()
    };
    let vp = valid(&params);
    let plan = plan::plan(&vp, &goal(&vp, 120.0)).expect("plan");
    assert_eq!(plan.shortfall, None);
    check_cadence(&plan, 120.0);
    // Every week of the year stays within 1% of the goal, closure included.
    for week in &plan.cadence.weeks {
        assert!(
            (week.loans_per_am - 120.0).abs() < 1.2,
            "week {}: {}",
            week.week,
            week.loans_per_am
        );
    }
    // The weeks after the Spring Festival closure (t = 5) prospect more than the steady hours.
    let steady = plan.mix.prospecting_hours;
    assert!(plan.cadence.weeks[7].set_hours > steady + 1.0);
}

#[test]
fn a_growth_path_lands_within_one_percent() {
    let vp = valid(&Params::default());
    let goal = PlanGoal {
        target: TargetPath::Growth {
            loans_per_am: 130.0,
            by_week: 52.0,
        },
        ..PlanGoal::for_scenario(&vp)
    };
    let plan = plan::plan(&vp, &goal).expect("plan");
    assert_eq!(plan.shortfall, None);
    check_cadence(&plan, 130.0);
    close("path start", plan.cadence.start_loans_per_am, 120.0, 1e-6);
}

#[test]
fn the_fault_burst_keeps_the_floor_and_the_target() {
    let preset = presets::get("fault").expect("fault preset");
    let vp = valid(&preset.params);
    let goal = PlanGoal {
        weeks: 52.0,
        ..goal(&vp, 120.0)
    };
    let plan = plan::plan(&vp, &goal).expect("plan");
    check_cadence(&plan, 120.0);
    let floor = plan.cadence.floor_hours;
    close("floor", floor, 0.5 * plan.mix.prospecting_hours, 1e-12);
    // The burst weeks (t = 20, 21) still prospect.
    for t in [20, 21, 22, 23] {
        assert!(plan.cadence.weeks[t].prospecting_hours >= floor - 1e-9);
    }
    assert!(plan.cadence.weeks[20].burst_apps_per_am > 5.9);
}

#[test]
fn an_infeasible_goal_plans_towards_the_closest_book() {
    let vp = valid(&Params::default());
    let plan = plan::plan(&vp, &goal(&vp, 150.0)).expect("plan");
    let Some(Shortfall::CapacityOver { needed, .. }) = plan.shortfall else {
        panic!("{:?}", plan.shortfall);
    };
    assert!(needed > 40.0);
    let closest = plan.mix.loans_per_am;
    assert_eq!(plan.path.final_loans(), closest);
    for week in &plan.cadence.weeks {
        close("goal", week.goal_loans_per_am, closest, 1e-12);
    }
    // The book grows every quarter towards it.
    let weeks = &plan.cadence.weeks;
    assert!(weeks[51].loans_per_am > weeks[38].loans_per_am);
    assert!(weeks[38].loans_per_am > weeks[25].loans_per_am);
    assert!(weeks[51].loans_per_am > 125.0);
}

// ── The plan's files (scenario::plan_out) ──

mod files {
    use chrono::{NaiveDate, NaiveDateTime};
    use icalendar::{Component, DatePerhapsTime};

    use cadence::engine::params::{Calendar, ChannelId, Params};
    use cadence::engine::plan::{self, Plan, PlanGoal};
    use cadence::i18n::Lang;
    use cadence::scenario::plan_out::{self, BOM};

    use crate::engine_support::valid;

    fn festival_plan() -> Plan {
        let params = Params {
            calendar: Calendar::ChinaDefault {
                spring_festival_week: 6.0,
                mid_autumn_week: 38.0,
            },
            ..Params::default()
        };
        let vp = valid(&params);
        plan::plan(&vp, &PlanGoal::for_scenario(&vp)).expect("plan")
    }

    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, 4).expect("date")
    }

    fn stamp() -> NaiveDateTime {
        monday().and_hms_opt(8, 30, 0).expect("time")
    }

    /// RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (false, '"') if cell.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (_, c) => cell.push(c),
            }
        }
        assert!(!quoted, "unterminated quote");
        if !cell.is_empty() || !row.is_empty() {
            row.push(cell);
            rows.push(row);
        }
        rows
    }

    #[test]
    fn the_csv_has_a_bom_a_translated_header_and_one_row_per_week() {
        let plan = festival_plan();
        for lang in [Lang::En, Lang::Zh] {
            let csv = plan_out::plan_csv(&plan, monday(), lang);
            let body = csv.strip_prefix(BOM).expect("starts with a BOM");
            let rows = parse_csv(body);
            assert_eq!(rows.len(), 1 + 52, "header and 52 weeks");
            let width = rows[0].len();
            assert!(rows.iter().all(|r| r.len() == width), "ragged rows");
            let header = &rows[0];
            match lang {
                Lang::En => {
                    assert_eq!(header[0], "Plan week");
                    assert_eq!(header[1], "Week starting");
                    assert!(header.contains(&"Hours per AM: Supply chain".to_owned()));
                }
                Lang::Zh => {
                    assert_eq!(header[0], "计划周次");
                    assert!(header.contains(&"每人工时：供应链（线）".to_owned()));
                }
            }
            // Dated weeks, a week apart from the start date.
            assert_eq!(rows[1][1], "2027-01-04");
            assert_eq!(rows[2][1], "2027-01-11");
            assert_eq!(rows[52][1], "2027-12-27");
            // The Spring Festival (week of year 6) is named in its row.
            let festival = match lang {
                Lang::En => "Spring Festival",
                Lang::Zh => "春节",
            };
            assert!(rows[6][3].split(['；', ';']).any(|e| e.trim() == festival));
            // The channel columns add up to the week's hours.
            let hours_column = 5;
            let first_channel = 6;
            let channels = plan_out::plan_channels(&plan).len();
            for row in &rows[1..] {
                let total: f64 = row[hours_column].parse().expect("number");
                let sum: f64 = row[first_channel..first_channel + channels]
                    .iter()
                    .map(|c| c.parse::<f64>().expect("number"))
                    .sum();
                assert!((total - sum).abs() < 0.01 * channels as f64, "{row:?}");
            }
        }
    }

    #[test]
    fn the_calendar_file_round_trips_through_an_icalendar_parser() {
        let plan = festival_plan();
        for lang in [Lang::En, Lang::Zh] {
            let ics = plan_out::plan_ics(&plan, monday(), lang, stamp());
            // CRLF everywhere and no physical line over 75 octets.
            assert!(!ics.replace("\r\n", "").contains('\n'));
            for line in ics.split("\r\n") {
                assert!(line.len() <= 75, "{} octets: {line}", line.len());
            }
            let unfolded = icalendar::parser::unfold(&ics);
            let parsed = icalendar::parser::read_calendar(&unfolded).expect("parses");
            let version = parsed
                .properties
                .iter()
                .find(|p| p.name.as_str() == "VERSION")
                .expect("VERSION");
            assert_eq!(version.val.as_str(), "2.0");
            assert!(parsed
                .properties
                .iter()
                .any(|p| p.name.as_str() == "PRODID"));
            let expected: usize = plan
                .cadence
                .weeks
                .iter()
                .map(|w| w.hours_by_channel.iter().filter(|&&h| h >= 0.005).count())
                .sum();
            assert_eq!(parsed.components.len(), expected);
            assert_eq!(ics.matches("BEGIN:VEVENT").count(), expected);
            assert_eq!(ics.matches("END:VEVENT").count(), expected);

            // The typed reading: every event has a unique UID, a DTSTAMP and Monday–Friday dates.
            let calendar: icalendar::Calendar = ics.parse().expect("typed parse");
            let mut uids = std::collections::HashSet::new();
            let mut first_week = 0;
            for event in calendar.events() {
                assert!(uids.insert(event.get_uid().expect("UID").to_owned()));
                assert!(event.get_timestamp().is_some(), "DTSTAMP");
                let (Some(DatePerhapsTime::Date(start)), Some(DatePerhapsTime::Date(end))) =
                    (event.get_start(), event.get_end())
                else {
                    panic!("all-day dates");
                };
                assert_eq!((end - start).num_days(), 5);
                assert_eq!(start.format("%a").to_string(), "Mon");
                if start == monday() {
                    first_week += 1;
                }
            }
            assert_eq!(uids.len(), expected);
            // Week 1's events carry the channel and hours, unescaped as written.
            let week = &plan.cadence.weeks[0];
            assert_eq!(
                first_week,
                week.hours_by_channel
                    .iter()
                    .filter(|&&h| h >= 0.005)
                    .count()
            );
            let supply = week.hours_by_channel[ChannelId::SupplyChain.index()];
            let summary = match lang {
                Lang::En => format!("Prospecting: Supply chain, {supply:.2} h per AM"),
                Lang::Zh => format!("营销：供应链（线），每人 {supply:.2} 小时"),
            };
            assert!(
                calendar
                    .events()
                    .any(|e| e.get_summary() == Some(summary.as_str())),
                "{summary}"
            );
            let described = calendar
                .events()
                .find(|e| e.get_summary() == Some(summary.as_str()))
                .and_then(|e| e.get_description().map(str::to_owned))
                .expect("description");
            assert!(described.contains(&format!("{:.2}", week.prospecting_hours)));
        }
    }
}
