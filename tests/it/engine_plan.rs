//! The Cadence plan (issues #6 and #14): the channel mix for a goal against brute-force grids, the
//! limit that binds and the closest plan that keeps every limit, the weekly cadence as it will be
//! worked (whole blocks, a bounded weekly change, no week over its hours), properties over random
//! goals (a plan called met keeps every limit and its simulation reaches the goal), and the same
//! figures in every view: the page, the CSV, the calendar and the command line's JSON.

// Goal values are handed back verbatim in the shortfall, so exact comparison is the point.
#![allow(clippy::float_cmp)]

use cadence::engine::params::{Calendar, ChannelId, Params, CHANNELS};
use cadence::engine::plan::{
    self, steady_state_with_shares, MixChoice, MixOutcome, MixPlan, Objective, PlanError, PlanGoal,
    Shortfall, TargetPath, GOAL_TOLERANCE,
};
use cadence::engine::sampler::Expect;
use cadence::engine::simulate::simulate;
use cadence::engine::{presets, ValidParams};

use crate::engine_support::{close, valid};

/// The mix of a goal that can be met.
#[track_caller]
fn meets(vp: &ValidParams, goal: &PlanGoal) -> MixPlan {
    match plan::solve_mix(vp, goal).expect("a goal to solve") {
        MixOutcome::Meets(mix) => mix,
        other @ MixOutcome::Misses { .. } => panic!("the goal should be met: {other:?}"),
    }
}

/// The limit a goal misses and the closest plan.
#[track_caller]
fn misses(vp: &ValidParams, goal: &PlanGoal) -> (Shortfall, Option<MixPlan>) {
    match plan::solve_mix(vp, goal).expect("a goal to solve") {
        MixOutcome::Misses { shortfall, closest } => (shortfall, closest),
        MixOutcome::Meets(mix) => panic!("the goal should be missed: {mix:?}"),
    }
}

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
    let mix = current.mix.expect("the mix at h*");
    close("H_tot at h*", mix.steady.hours_total, 35.294, 1e-3);
    close(
        "hours by channel add up",
        mix.hours_by_channel.iter().sum(),
        8.798_496_593,
        1e-8,
    );
    assert!(current.within_hours_budget);
    close("A_max", current.a_max.expect("A_max"), 134.6, 0.05);
    // 150 per AM at the current mix needs more than the 40 h week.
    let current = plan::current_mix(&vp, 150.0).expect("steady state");
    assert!(!current.within_hours_budget);
    assert!(current.mix.expect("reachable").steady.hours_total > 40.0);
}

#[test]
fn two_channel_mix_is_optimal_against_a_brute_force_grid() {
    let channels = [ChannelId::ColdVisit, ChannelId::SupplyChain];
    let vp = valid(&only_channels(&channels));
    let mix = meets(&vp, &goal(&vp, 110.0));
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
    let mix = meets(&vp, &goal(&vp, 100.0));
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
    let free = meets(&vp, &goal(&vp, 110.0));
    // Below the free optimum's share the requirement changes nothing.
    let loose = PlanGoal {
        min_quality_share: free.quality_share - 0.02,
        ..goal(&vp, 110.0)
    };
    let same = meets(&vp, &loose);
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
    let mix = meets(&vp, &tight);
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
    let free = meets(&vp, &goal(&vp, 100.0));
    let cash = free.steady.cash_cny;
    assert!(cash > 0.0, "events cost 50 CNY an hour");
    let generous = PlanGoal {
        cash_budget_cny: Some(2.0 * cash),
        ..goal(&vp, 100.0)
    };
    let same = meets(&vp, &generous);
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
    let mix = meets(&vp, &tight);
    close("cash", mix.steady.cash_cny, budget, 1e-6);
    assert!(mix.prospecting_hours > free.prospecting_hours);
    check_against_grid(&vp, &channels, &mix, 20.0, 0.05, |p| {
        p.loans >= 100.0 && p.cash <= budget
    });
}

#[test]
fn most_profit_holds_the_goals_book_and_earns_at_least_the_fewest_hours_mix() {
    // Issue 14: the most-profit mix held 152 loans per AM for a goal of 130.
    let vp = valid(&Params::default());
    let fewest = meets(&vp, &goal(&vp, 120.0));
    let richest = meets(
        &vp,
        &PlanGoal {
            objective: Objective::MostProfit,
            ..goal(&vp, 120.0)
        },
    );
    assert!(
        (120.0 - 1e-7..=120.01 + 1e-7).contains(&richest.loans_per_am),
        "the book is the goal's: {}",
        richest.loans_per_am
    );
    assert!(richest.steady.hours_total <= 40.0 + 1e-7);
    assert!(richest.steady.profit_cny > fewest.steady.profit_cny);
}

#[test]
fn the_default_mix_is_improved_on() {
    let vp = valid(&Params::default());
    let mix = meets(&vp, &goal(&vp, 120.0));
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
fn keeping_the_mix_plans_the_hours_at_the_scenarios_own_shares() {
    let vp = valid(&Params::default());
    let kept = meets(
        &vp,
        &PlanGoal {
            mix: MixChoice::Keep,
            ..goal(&vp, 120.0)
        },
    );
    close(
        "h* at the own mix",
        kept.prospecting_hours,
        8.798_496_593,
        1e-8,
    );
    for c in ChannelId::ALL {
        close(
            "own share",
            kept.shares[c.index()],
            vp.params().channels[c.index()].hour_share,
            1e-12,
        );
    }
    // At the own mix 150 needs more than the week: the closest plan fills it, at the own shares.
    let (shortfall, closest) = misses(
        &vp,
        &PlanGoal {
            mix: MixChoice::Keep,
            ..goal(&vp, 150.0)
        },
    );
    assert!(
        matches!(shortfall, Shortfall::CapacityOver { .. }),
        "{shortfall:?}"
    );
    let closest = closest.expect("a closest plan");
    close("fills the week", closest.steady.hours_total, 40.0, 1e-6);
    close(
        "A_max at the own mix",
        closest.loans_per_am,
        plan::current_mix(&vp, 150.0)
            .and_then(|c| c.a_max)
            .expect("A_max"),
        1e-6,
    );
}

#[test]
fn an_unreachable_target_reports_the_most_any_hours_hold() {
    let vp = valid(&Params::default());
    let (shortfall, closest) = misses(&vp, &goal(&vp, 1000.0));
    let Shortfall::Unreachable { target, most } = shortfall else {
        panic!("1000 loans per AM should be unreachable: {shortfall:?}");
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
    let needed = meets(&vp, &goal(&vp, 120.0)).prospecting_hours;
    let capped = PlanGoal {
        max_prospecting_hours: 5.0,
        ..goal(&vp, 120.0)
    };
    let (shortfall, closest) = misses(&vp, &capped);
    let Shortfall::HoursOver { max, needed: got } = shortfall else {
        panic!("5 h cannot hold 120 loans: {shortfall:?}");
    };
    assert_eq!(max, 5.0);
    close("hours needed", got, needed, 1e-8);
    close("shortfall", shortfall.amount(), needed - 5.0, 1e-8);
    // The closest plan spends the 5 hours and holds fewer loans.
    let closest = closest.expect("closest");
    close("closest hours", closest.prospecting_hours, 5.0, 1e-6);
    assert!(closest.loans_per_am < 120.0);
}

#[test]
fn one_hundred_and_fifty_per_am_is_over_the_hours_budget() {
    let vp = valid(&Params::default());
    let (shortfall, closest) = misses(&vp, &goal(&vp, 150.0));
    let Shortfall::CapacityOver { available, needed } = shortfall else {
        panic!("150 loans per AM should not fit in 40 h: {shortfall:?}");
    };
    assert_eq!(available, 40.0);
    assert!(needed > 40.0 && needed < 45.0, "{needed}");
    // Fewer total hours than the current mix needs for 150.
    let current = plan::current_mix(&vp, 150.0).expect("steady");
    assert!(needed < current.mix.expect("reachable").steady.hours_total);
    // The closest plan fills the week and holds more than A_max at the current mix.
    let closest = closest.expect("closest");
    close("closest uses H", closest.steady.hours_total, 40.0, 1e-6);
    assert!(closest.loans_per_am > current.a_max.expect("A_max"));
    assert!(closest.loans_per_am < 150.0);
}

#[test]
fn an_unreachable_quality_share_keeps_the_share_or_offers_no_plan() {
    // Issue 14: at 85 % (best 84.1 %) the closest plan held 141.5 loans at 80.4 % quality and the
    // "needed" mix asked 247 h a week. A closest plan now keeps the share, below the goal's book,
    // or there is none.
    let vp = valid(&Params::default());
    let strict = PlanGoal {
        min_quality_share: 0.85,
        ..goal(&vp, 120.0)
    };
    let (shortfall, closest) = misses(&vp, &strict);
    let Shortfall::QualityShort {
        min_share,
        best_share,
    } = shortfall
    else {
        panic!("85% is out of reach: {shortfall:?}");
    };
    assert_eq!(min_share, 0.85);
    close("best share", best_share, 0.8409, 5e-4);
    if let Some(closest) = &closest {
        assert!(closest.quality_share >= 0.85 - 1e-9, "{closest:?}");
        assert!(closest.loans_per_am <= 120.0 + 1e-6);
        assert!(closest.steady.hours_total <= 40.0 + 1e-6);
    }
    assert!(matches!(
        plan::plan(&vp, &strict),
        Err(PlanError::Infeasible { .. }) | Ok(_)
    ));
    // Two channels: no grid point holding 110 loans has a better share than the one reported.
    let channels = [ChannelId::ColdVisit, ChannelId::SupplyChain];
    let vp = valid(&only_channels(&channels));
    let (Shortfall::QualityShort { best_share, .. }, _) = misses(
        &vp,
        &PlanGoal {
            min_quality_share: 0.95,
            ..goal(&vp, 110.0)
        },
    ) else {
        panic!("95% prime and standard is out of reach");
    };
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
    let needed = meets(
        &vp_paid,
        &PlanGoal {
            cash_budget_cny: Some(1e6),
            ..goal(&vp_paid, 100.0)
        },
    );
    let (shortfall, _) = misses(
        &vp_paid,
        &PlanGoal {
            cash_budget_cny: Some(1.0),
            ..goal(&vp_paid, 100.0)
        },
    );
    let Shortfall::CashOver {
        budget,
        needed: least,
    } = shortfall
    else {
        panic!("1 CNY a week cannot hold 100 loans on paid channels: {shortfall:?}");
    };
    assert_eq!(budget, 1.0);
    assert!(least > 1.0 && least <= needed.steady.cash_cny + 1e-9);
    // Just above the least cash the goal is met, spending at most the budget.
    let just = meets(
        &vp_paid,
        &PlanGoal {
            cash_budget_cny: Some(least * 1.001),
            ..goal(&vp_paid, 100.0)
        },
    );
    assert!(just.steady.cash_cny <= least * 1.001 + 1e-6);
    // With the free channels back, no cash is needed at all.
    match plan::solve_mix(
        &vp,
        &PlanGoal {
            cash_budget_cny: Some(0.0),
            ..goal(&vp, 120.0)
        },
    )
    .expect("solves")
    {
        MixOutcome::Meets(mix) => assert!(mix.steady.cash_cny <= 1e-9),
        MixOutcome::Misses { shortfall, .. } => {
            assert!(matches!(shortfall, Shortfall::CashOver { needed, .. } if needed < 1e-6));
        }
    }
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
        max_weekly_change_hours: 0.1,
        block_hours: 0.3,
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
            "floor_share",
            "block_hours"
        ]
    );
    let slow = PlanGoal {
        max_weekly_change_hours: 0.1,
        ..PlanGoal::for_scenario(&vp)
    };
    let Err(PlanError::Goal(errors)) = plan::solve_mix(&vp, &slow) else {
        panic!("a change below one block accepted");
    };
    assert_eq!(errors[0].field.id(), "max_weekly_change_hours");
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

/// What a plan a team can follow must keep, whatever its goal: whole blocks that add up, the
/// floor and the maximum, the weekly change between full weeks, and a simulation that is the
/// plan's own.
#[track_caller]
fn check_followable(plan: &plan::Plan) {
    let cadence = &plan.cadence;
    let block = cadence.block_hours;
    assert_eq!(cadence.weeks.len(), plan.goal.weeks as usize);
    // A channel-mix change and an hours change per week.
    assert_eq!(cadence.shocks.len(), 2 * cadence.weeks.len());
    let mut previous = cadence.start_hours_worked();
    let mut previous_full = true;
    for week in &cadence.weeks {
        let whole = |h: f64| ((h / block) - (h / block).round()).abs() < 1e-9;
        assert!(
            whole(week.planned_hours),
            "week {}: {}",
            week.week,
            week.planned_hours
        );
        assert!(week.block_hours.iter().all(|h| whole(*h) && *h >= 0.0));
        close(
            "blocks add up",
            week.block_hours.iter().sum(),
            week.planned_hours,
            1e-9,
        );
        assert!(
            week.planned_hours <= cadence.max_hours + 1e-9,
            "week {} over the maximum: {}",
            week.week,
            week.planned_hours
        );
        let floor = cadence.floor_hours * week.availability;
        assert!(
            week.planned_hours >= floor - block - 1e-9,
            "week {} under the floor: {} < {floor}",
            week.week,
            week.planned_hours
        );
        let full = week.availability >= 1.0 - 1e-12;
        if full && previous_full {
            assert!(
                (week.planned_hours - previous).abs() <= cadence.max_weekly_change_hours + 1e-9,
                "week {}: {} after {}",
                week.week,
                week.planned_hours,
                previous
            );
        }
        // The simulation spends the planned hours unless the week ran out of them.
        if !week.overfull {
            close(
                "spent as planned",
                week.prospecting_hours,
                week.planned_hours,
                1e-6,
            );
        }
        previous = week.planned_hours;
        previous_full = full;
    }
    close(
        "the cadence's own end",
        cadence.end_loans_per_am(),
        simulated_end(plan),
        1e-9,
    );
    assert!(plan.summary.largest_change_hours <= cadence.max_weekly_change_hours + 1e-9);
}

/// What a plan called met must show: every limit kept in every week and the simulated book within
/// the tolerance of the goal.
#[track_caller]
fn check_met(plan: &plan::Plan) {
    assert!(plan.verdict.met, "{:?}", plan.verdict);
    assert_eq!(plan.shortfall, None);
    let goal = plan.goal.target.final_loans();
    let end = simulated_end(plan);
    assert!(
        (end - goal).abs() <= GOAL_TOLERANCE * goal + 1e-9,
        "called met, but the simulation ends at {end} against {goal}"
    );
    for week in &plan.cadence.weeks {
        assert!(
            !week.overfull || week.strained,
            "week {} asks more work than its hours: {} of {}",
            week.week,
            week.work_hours,
            week.available_hours
        );
        if let Some(budget) = plan.goal.cash_budget_cny {
            assert!(
                week.cash_cny <= budget * (1.0 + 1e-9) + 1e-9,
                "week {} over the budget",
                week.week
            );
        }
    }
    if plan.goal.min_quality_share > 0.0 {
        assert!(plan.cadence.quality_share() + 1e-9 >= plan.goal.min_quality_share);
    }
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
    check_followable(&plan);
    check_met(&plan);
    // Every week of the year stays within the plan's tolerance of the goal, closures included.
    for week in &plan.cadence.weeks {
        assert!(
            (week.loans_per_am - 120.0).abs() <= GOAL_TOLERANCE * 120.0,
            "week {}: {}",
            week.week,
            week.loans_per_am
        );
    }
}

#[test]
fn a_growth_path_reaches_the_goal_without_a_dip() {
    // Issue 14: "grow to 140 by a week" asked 21 h in week 1 (steady 9.4); new loans halved in
    // week 2 and the book fell before it rose.
    let vp = valid(&Params::default());
    let goal = PlanGoal {
        target: TargetPath::Growth {
            loans_per_am: 130.0,
            by_week: 40.0,
        },
        ..PlanGoal::for_scenario(&vp)
    };
    let plan = plan::plan(&vp, &goal).expect("plan");
    check_followable(&plan);
    check_met(&plan);
    close("path start", plan.cadence.start_loans_per_am, 120.0, 1e-6);
    let weeks = &plan.cadence.weeks;
    for pair in weeks.windows(2) {
        assert!(
            pair[1].loans_per_am >= pair[0].loans_per_am - 0.05,
            "the book dips in week {}: {} after {}",
            pair[1].week,
            pair[1].loans_per_am,
            pair[0].loans_per_am
        );
    }
    // New loans never fall by half from one week to the next.
    for pair in weeks.windows(2) {
        assert!(pair[1].new_loans_per_am > 0.5 * pair[0].new_loans_per_am);
    }
}

#[test]
fn the_fault_burst_keeps_the_floor() {
    let preset = presets::get("fault").expect("fault preset");
    let vp = valid(&preset.params);
    let plan = plan::plan(&vp, &goal(&vp, 120.0)).expect("plan");
    check_followable(&plan);
    let floor = plan.cadence.floor_hours;
    // The burst weeks (t = 20, 21) still prospect.
    for t in [20, 21, 22, 23] {
        assert!(plan.cadence.weeks[t].planned_hours >= floor - 1e-9);
    }
    assert!(plan.cadence.weeks[20].burst_apps_per_am > 5.9);
}

#[test]
fn a_goal_over_the_week_plans_towards_the_closest_book() {
    let vp = valid(&Params::default());
    let plan = plan::plan(&vp, &goal(&vp, 150.0)).expect("plan");
    let Some(Shortfall::CapacityOver { needed, .. }) = plan.shortfall else {
        panic!("{:?}", plan.shortfall);
    };
    assert!(needed > 40.0);
    assert!(!plan.verdict.met, "a missed limit is never called met");
    check_followable(&plan);
    let closest = plan.mix.loans_per_am;
    assert_eq!(plan.path.final_loans(), closest);
    for week in &plan.cadence.weeks {
        close("goal", week.goal_loans_per_am, closest, 1e-12);
    }
    // The book grows every quarter towards it.
    let weeks = &plan.cadence.weeks;
    assert!(weeks[51].loans_per_am > weeks[38].loans_per_am);
    assert!(weeks[38].loans_per_am > weeks[25].loans_per_am);
}

#[test]
fn the_issue_14_team_gets_a_verdict_that_matches_its_simulation() {
    // 8 AMs, 44 h: "the goal is reachable" stood beside a simulated week-52 book of 140.3 for 150.
    let mut params = Params::default();
    params.team.ams = 8.0;
    params.team.hours_per_week = 44.0;
    let vp = valid(&params);
    for (loans, objective) in [
        (130.0, Objective::MostProfit),
        (130.0, Objective::FewestHours),
        (150.0, Objective::FewestHours),
    ] {
        let goal = PlanGoal {
            objective,
            ..goal(&vp, loans)
        };
        let plan = plan::plan(&vp, &goal).expect("plan");
        check_followable(&plan);
        let end = simulated_end(&plan);
        let within = (end - loans).abs() <= GOAL_TOLERANCE * loans;
        assert_eq!(
            plan.verdict.met,
            within && plan.verdict.overfull_weeks == 0,
            "{loans} {objective:?}: met {} beside a simulated end of {end}",
            plan.verdict.met
        );
        assert!(
            plan.mix.loans_per_am <= loans + 0.02,
            "the mix holds the goal's book"
        );
    }
}

/// The most-profit mix fills the week in its steady state; the plan keeps enough of the week free
/// for the weeks on the way there, so the default team and the issue's team of 8 both get a plan
/// that meets the goal with no week over its hours — and still earns more than the fewest hours.
#[test]
fn the_most_profit_plan_leaves_room_for_the_weeks_on_the_way() {
    let mut team8 = Params::default();
    team8.team.ams = 8.0;
    team8.team.hours_per_week = 44.0;
    team8.team.target_loans_per_am = 130.0;
    for (params, loans) in [(Params::default(), 120.0), (team8, 130.0)] {
        let vp = valid(&params);
        let solve = |objective| {
            plan::plan(
                &vp,
                &PlanGoal {
                    objective,
                    ..goal(&vp, loans)
                },
            )
            .expect("plan")
        };
        let profit = solve(Objective::MostProfit);
        let fewest = solve(Objective::FewestHours);
        assert!(profit.verdict.met, "{loans}: {:?}", profit.verdict);
        assert_eq!(profit.verdict.overfull_weeks, 0);
        assert!(
            profit.mix.steady.hours_total < params.team.hours_per_week,
            "room is left in the steady week"
        );
        assert!(profit.mix.steady.profit_cny > fewest.mix.steady.profit_cny);
        // Each plan's alternative is the other plan's mix.
        let other = fewest.alternative.as_ref().expect("an alternative");
        close(
            "alternative hours",
            other.prospecting_hours,
            profit.mix.prospecting_hours,
            1e-9,
        );
        check_followable(&profit);
    }
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    fn goals() -> impl Strategy<Value = (f64, bool, f64, f64, f64, f64, Option<f64>, bool, usize)> {
        (
            80.0..150.0f64,
            any::<bool>(),
            13.0..52.0f64,
            0.0..0.9f64,
            6.0..40.0f64,
            0.0..0.8f64,
            prop::option::of(0.0..600.0f64),
            any::<bool>(),
            0..3usize,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Issue 14: over random goals and limits, a plan called met keeps every limit in every
        /// week and its simulation ends within the stated tolerance of the goal; every plan,
        /// met or not, is followable (blocks, floor, maximum, weekly change), and a missed limit
        /// is never called met.
        #[test]
        fn a_verdict_never_contradicts_the_simulation_beside_it(
            (target, growth, by_week, quality, max_hours, floor, budget, keep, block) in goals()
        ) {
            let vp = valid(&Params::default());
            let goal = PlanGoal {
                target: if growth {
                    TargetPath::Growth { loans_per_am: target, by_week: by_week.round() }
                } else {
                    TargetPath::Flat { loans_per_am: target }
                },
                min_quality_share: quality,
                max_prospecting_hours: max_hours,
                cash_budget_cny: budget,
                floor_share: floor,
                mix: if keep { MixChoice::Keep } else { MixChoice::Optimise },
                block_hours: cadence::engine::goal::BLOCK_HOURS[block],
                max_weekly_change_hours: 1.0,
                ..PlanGoal::for_scenario(&vp)
            };
            match plan::plan(&vp, &goal) {
                Ok(plan) => {
                    check_followable(&plan);
                    if plan.verdict.met {
                        check_met(&plan);
                    }
                    if plan.shortfall.is_some() {
                        prop_assert!(!plan.verdict.met);
                        // The closest plan keeps every limit of the steady state.
                        let mix = &plan.mix;
                        prop_assert!(mix.loans_per_am <= target + 1e-6);
                        prop_assert!(mix.prospecting_hours <= max_hours + 1e-6);
                        prop_assert!(mix.steady.hours_total <= 40.0 + 1e-6);
                        prop_assert!(quality <= 0.0 || mix.quality_share >= quality - 1e-7);
                        if let Some(budget) = budget {
                            prop_assert!(mix.steady.cash_cny <= budget + 1e-6);
                        }
                    }
                }
                Err(PlanError::Infeasible { .. }) => {}
                Err(other) => prop_assert!(false, "{other:?}"),
            }
        }
    }
}

// ── The same plan in every view: the page, the CSV, the calendar, the command line ──

mod views {
    use chrono::{NaiveDate, NaiveDateTime};
    use icalendar::{Component, DatePerhapsTime};

    use cadence::engine::params::{Calendar, Params};
    use cadence::engine::plan::{self, MixChoice, Objective, Plan, PlanGoal, TargetPath};
    use cadence::i18n::Lang;
    use cadence::scenario::plan_out::{self, BOM};
    use cadence::ui::format;
    use cadence::ui::plan::view::plan_view;

    use crate::engine_support::{close, valid};

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

    fn growth_plan() -> (Params, Plan) {
        let params = Params::default();
        let vp = valid(&params);
        let goal = PlanGoal {
            target: TargetPath::Growth {
                loans_per_am: 128.0,
                by_week: 30.0,
            },
            ..PlanGoal::for_scenario(&vp)
        };
        (params.clone(), plan::plan(&vp, &goal).expect("plan"))
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
    fn the_csv_has_a_bom_a_header_one_row_per_week_and_the_totals() {
        let plan = festival_plan();
        for lang in [Lang::En, Lang::Zh] {
            let csv = plan_out::plan_csv(&plan, monday(), lang);
            let body = csv.strip_prefix(BOM).expect("starts with a BOM");
            let rows = parse_csv(body);
            assert_eq!(rows.len(), 1 + 52 + 1, "header, 52 weeks and the totals");
            let width = rows[0].len();
            assert!(rows.iter().all(|r| r.len() == width), "ragged rows");
            let header = &rows[0];
            match lang {
                Lang::En => {
                    assert_eq!(header[0], "Plan week");
                    assert_eq!(header[1], "Week starting");
                    assert_eq!(header[6], "Prospecting hours, team");
                    assert!(header.contains(&"Hours per AM: Supply chain".to_owned()));
                    assert_eq!(rows[53][0], "Total");
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
            let festival = match lang {
                Lang::En => "Spring Festival",
                Lang::Zh => "春节",
            };
            assert!(rows[6][3].split(['；', ';']).any(|e| e.trim() == festival));
            // The block columns add up to the week's hours, and the team's are N times an AM's.
            let blocks = plan.cadence.blocks.len();
            let number = |c: &str| c.parse::<f64>().expect("number");
            for row in &rows[1..] {
                let per_am = number(&row[5]);
                let sum: f64 = row[7..7 + blocks].iter().map(|c| number(c)).sum();
                assert!((per_am - sum).abs() < 1e-9, "{row:?}");
                assert!((number(&row[6]) - 6.0 * per_am).abs() < 1e-9, "{row:?}");
            }
        }
    }

    #[test]
    fn a_week_falls_on_the_chosen_days_in_sittings_of_at_most_two_hours() {
        let weekdays = [true, false, true, false, true, false, false];
        let days = plan_out::days(&[3.25, 1.0, 0.5], &weekdays, 0.25);
        assert!(days.iter().all(|d| weekdays[d.weekday]));
        let mut per_block = [0.0; 3];
        for day in &days {
            for &(b, h) in &day.blocks {
                per_block[b] += h;
            }
        }
        assert_eq!(per_block, [3.25, 1.0, 0.5]);
        // No channel gets more than a sitting on a day, and the load is spread.
        for day in &days {
            assert!(day
                .blocks
                .iter()
                .all(|(_, h)| *h <= plan_out::SITTING_HOURS + 1e-9));
        }
        assert_eq!(days.len(), 3);
    }

    #[test]
    fn the_calendar_has_one_event_per_week_read_back_by_an_icalendar_parser() {
        let plan = festival_plan();
        for lang in [Lang::En, Lang::Zh] {
            let ics = plan_out::plan_ics(&plan, monday(), lang, stamp());
            assert!(!ics.replace("\r\n", "").contains('\n'));
            for line in ics.split("\r\n") {
                assert!(line.len() <= 75, "{} octets: {line}", line.len());
            }
            let unfolded = icalendar::parser::unfold(&ics);
            let parsed = icalendar::parser::read_calendar(&unfolded).expect("parses");
            let weeks_with_hours = plan
                .cadence
                .weeks
                .iter()
                .filter(|w| w.planned_hours > 0.0)
                .count();
            assert_eq!(weeks_with_hours, 52);
            assert_eq!(
                parsed.components.len(),
                weeks_with_hours,
                "one event per week"
            );
            let calendar: icalendar::Calendar = ics.parse().expect("typed parse");
            let mut uids = std::collections::HashSet::new();
            for (event, week) in calendar.events().zip(&plan.cadence.weeks) {
                assert!(uids.insert(event.get_uid().expect("UID").to_owned()));
                assert!(event.get_timestamp().is_some(), "DTSTAMP");
                let (Some(DatePerhapsTime::Date(start)), Some(DatePerhapsTime::Date(end))) =
                    (event.get_start(), event.get_end())
                else {
                    panic!("all-day dates");
                };
                assert_eq!(start, plan_out::week_start(monday(), week.week));
                assert_eq!((end - start).num_days(), 5, "Monday to Friday");
                let summary = event.get_summary().expect("summary");
                assert!(
                    summary.contains(&plan_out::hours_text(week.planned_hours)),
                    "{summary}"
                );
                // The week's blocks by day add up to the week's hours.
                let description = event.get_description().expect("description");
                let day_line = description.lines().next().expect("days");
                let hours: f64 = day_line
                    .split(['；', ';', ',', '，', ':'])
                    .filter_map(|part| {
                        let part = part.trim().trim_end_matches(" h").trim_end_matches(" 小时");
                        part.rsplit(' ').next().and_then(|n| n.parse::<f64>().ok())
                    })
                    .sum();
                assert!((hours - week.planned_hours).abs() < 1e-9, "{day_line}");
            }
        }
    }

    #[test]
    fn the_team_calendar_gives_team_hours() {
        let params = Params::default();
        let vp = valid(&params);
        let goal = PlanGoal {
            calendar_per_team: true,
            ..PlanGoal::for_scenario(&vp)
        };
        let plan = plan::plan(&vp, &goal).expect("plan");
        let ics = plan_out::plan_ics(&plan, monday(), Lang::En, stamp());
        let calendar: icalendar::Calendar = ics.parse().expect("typed parse");
        let first = calendar.events().next().expect("an event");
        let team = plan_out::hours_text(6.0 * plan.cadence.weeks[0].planned_hours);
        assert_eq!(
            first.get_summary(),
            Some(format!("Team prospecting plan: {team} h").as_str())
        );
    }

    /// Issue 14: one plan, solved once, and every view of it says the same — the page's headline
    /// and week table, the CSV, the calendar and the command line's JSON.
    #[test]
    fn every_view_of_the_plan_shows_the_same_figures() {
        let (params, plan) = growth_plan();
        let view = plan_view(&plan, &params, monday(), Lang::En);
        let s = &plan.summary;
        let figure = |id: &str| {
            view.figures
                .iter()
                .chain(&view.outcome)
                .find(|f| f.id == id)
                .unwrap_or_else(|| panic!("{id}"))
                .value
                .clone()
        };
        assert_eq!(figure("plan-hours"), format::number(s.mean_hours, 2));
        assert_eq!(
            figure("plan-team-hours"),
            format::number(s.mean_hours * 6.0, 2)
        );
        assert_eq!(figure("plan-end-book"), format::number(s.end_loans, 1));
        assert_eq!(figure("plan-end-goal"), format::number(s.end_goal, 1));
        // The headline's mean is the mean of the week table's hours.
        let blocks = plan.cadence.blocks.len();
        let table: Vec<f64> = view
            .weeks
            .iter()
            .map(|w| w.cells[blocks].parse::<f64>().expect("hours"))
            .collect();
        let mean = table.iter().sum::<f64>() / table.len() as f64;
        assert!((mean - s.mean_hours).abs() < 1e-9);
        // The CSV's weeks and totals are the table's.
        let csv = plan_out::plan_csv(&plan, monday(), Lang::En);
        let rows = parse_csv(csv.strip_prefix(BOM).expect("BOM"));
        for (row, week) in rows[1..=52].iter().zip(&view.weeks) {
            assert_eq!(row[5], week.cells[blocks], "hours per AM");
            assert_eq!(row[6], week.cells[blocks + 1], "team hours");
            assert_eq!(&row[7..7 + blocks], &week.cells[..blocks], "blocks");
        }
        let total: f64 = rows[53][5].parse().expect("total");
        assert!((total - s.total_hours).abs() < 1e-9);
        // The command line's JSON has the same weeks and summary.
        let json = plan_out::PlanJson::of_plan("test", &plan, monday());
        assert_eq!(json.weeks.len(), 52);
        for (w, week) in json.weeks.iter().zip(&plan.cadence.weeks) {
            assert_eq!(w.planned_hours_per_am, Some(week.planned_hours));
            assert_eq!(
                w.starts,
                plan_out::week_start(monday(), week.week)
                    .format("%Y-%m-%d")
                    .to_string()
            );
        }
        let summary = json.summary.expect("summary");
        assert_eq!(
            summary.mean_hours_per_am,
            Some((s.mean_hours * 1e4).round() / 1e4)
        );
        assert_eq!(json.feasible, plan.verdict.met);
        // The verdict in words agrees with the simulation.
        let verdict = view.verdict.join(" ");
        if plan.verdict.met {
            assert!(
                verdict.starts_with("The plan reaches the goal"),
                "{verdict}"
            );
        } else {
            assert!(
                !verdict.starts_with("The plan reaches the goal"),
                "{verdict}"
            );
        }
        // The chart draws the table's blocks.
        for (b, series) in view.chart.channels.iter().enumerate() {
            for (week, value) in plan.cadence.weeks.iter().zip(&series.values) {
                assert!((week.block_hours[b] - value).abs() < 1e-12);
            }
        }
    }

    /// The trade sentence weighs the chosen mix against its alternative with the right signs:
    /// the fewest-hours mix needs no more hours than the most-profit one and earns no more; a
    /// kept mix needs no fewer hours than the optimised one.
    #[test]
    fn the_trade_says_what_the_choice_gave_up() {
        let vp = valid(&Params::default());
        let base = PlanGoal::hold(120.0, vp.params().team.hours_per_week);
        let solve = |mix, objective| {
            let goal = PlanGoal {
                mix,
                objective,
                ..base.clone()
            };
            plan::plan(&vp, &goal).expect("a plan")
        };
        let fewest = solve(MixChoice::Optimise, Objective::FewestHours);
        let profit = solve(MixChoice::Optimise, Objective::MostProfit);
        let kept = solve(MixChoice::Keep, Objective::FewestHours);
        let other = fewest.alternative.as_ref().expect("the most-profit mix");
        close(
            "the alternative is the most-profit mix",
            other.prospecting_hours,
            profit.mix.prospecting_hours,
            1e-6,
        );
        assert!(fewest.mix.prospecting_hours <= other.prospecting_hours + 1e-9);
        assert!(fewest.mix.steady.profit_cny <= other.steady.profit_cny + 1e-6);
        let optimised = kept.alternative.as_ref().expect("the optimised mix");
        close(
            "the kept mix's alternative is the fewest-hours mix",
            optimised.prospecting_hours,
            fewest.mix.prospecting_hours,
            1e-6,
        );
        assert!(kept.mix.prospecting_hours >= optimised.prospecting_hours - 1e-9);
        let text = |plan: &Plan| {
            plan_view(plan, vp.params(), monday(), Lang::En)
                .trade
                .expect("a trade sentence")
        };
        let dh = fewest.mix.prospecting_hours - other.prospecting_hours;
        let said = text(&fewest);
        assert!(
            said.contains(&format!("−{}", format::number(dh.abs(), 2))) || dh.abs() < 0.005,
            "{said}"
        );
        let kept_said = text(&kept);
        assert!(kept_said.starts_with("Keeping your mix"), "{kept_said}");
        assert!(
            kept_said.contains(" +"),
            "the kept mix needs more hours: {kept_said}"
        );
    }
}
