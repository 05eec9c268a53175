//! MODEL.md section 12's invariants 1–4 and 6–10 (5 and 11 are in `engine_montecarlo`, 12 in
//! `engine_validation`), as properties over generated scenarios where inputs vary.

use cadence::engine::calendar::{Schedule, Season};
use cadence::engine::params::{
    Amortisation, Calendar, Holiday, Hours, InitialBook, Params, PolicyKind, QueueOrder, Shock,
    ShockKind,
};
use cadence::engine::simulate::{simulate, simulate_observed, Trace};
use cadence::engine::{ChaCha, Expect, Kpi, ValidParams, WeekKpis};
use proptest::prelude::*;

use crate::engine_support::{close, ev, valid};

/// A shock of any kind somewhere in a run of `horizon` weeks.
fn shock(horizon: u32) -> impl Strategy<Value = Shock> {
    (0..horizon, 1u32..8, 0u8..4, 0.0f64..1.0).prop_map(|(start, weeks, kind, x)| Shock {
        start: f64::from(start),
        duration_weeks: f64::from(weeks),
        kind: match kind {
            0 => ShockKind::Burst {
                apps_per_am: 0.5 + 10.0 * x,
                mix: None,
            },
            1 => ShockKind::Demand {
                mult: 4.0 * x,
                flows: None,
            },
            2 => ShockKind::Capacity { frac: x },
            _ => ShockKind::Credit {
                mult: 1.0 + 20.0 * x,
            },
        },
    })
}

/// Valid scenarios that vary team, hours, horizon, policy, queue order, calendar, book and shocks.
fn scenario() -> impl Strategy<Value = Params> {
    (
        (1u32..=12, 20.0f64..60.0, 13u32..=40, 0u8..3, any::<bool>()),
        (any::<bool>(), any::<bool>(), any::<bool>(), 1u32..=52),
        prop::collection::vec(shock(13), 0..3),
    )
        .prop_map(
            |(
                (ams, hours, horizon, policy, quality_first),
                (china, bullet, empty, start_week),
                shocks,
            )| {
                let mut p = Params::default();
                p.team.ams = f64::from(ams);
                p.team.hours_per_week = hours;
                p.team.horizon_weeks = f64::from(horizon);
                p.team.start_week = f64::from(start_week);
                p.policy.kind = [
                    PolicyKind::Fixed,
                    PolicyKind::StopWhenBusy,
                    PolicyKind::TargetPipeline,
                ][usize::from(policy)];
                if quality_first {
                    p.pipeline.queue_order = QueueOrder::QualityFirst;
                }
                if china {
                    p.calendar = Calendar::ChinaDefault {
                        spring_festival_week: 6.0,
                        mid_autumn_week: 38.0,
                    };
                }
                if bullet {
                    p.loans.amortisation = Amortisation::Bullet;
                }
                if empty {
                    p.team.init = InitialBook::Empty;
                }
                p.shocks = shocks;
                p
            },
        )
}

/// Checks invariants 2 and 3 on every week of a run; `discrete` adds whole-number stocks.
fn observe_week(
    vp: &ValidParams,
    discrete: bool,
) -> impl FnMut(&cadence::engine::state::State, &WeekKpis) + '_ {
    move |state, week| {
        let min = state.min_stock();
        if discrete {
            assert!(min >= 0.0, "negative stock {min}");
            let whole = state
                .contacted
                .iter()
                .chain(&state.interested)
                .chain(&state.queue)
                .chain(&state.investigated)
                .chain(&state.book)
                .chain(&state.past_due)
                .chain(&state.referral_potential)
                .all(|x| x.fract() == 0.0);
            assert!(whole, "Monte Carlo stocks must be whole numbers");
        } else {
            assert!(min >= -1e-12, "negative stock {min}");
        }
        let hours = [
            week.hours_care,
            week.hours_renewal,
            week.hours_investigation,
            week.hours_prospecting,
            week.hours_slack,
        ];
        assert!(hours.iter().all(|&h| h >= 0.0), "negative hours {hours:?}");
        let total: f64 = hours.iter().sum();
        let tolerance = 1e-9 * week.hours_available.max(1.0);
        assert!(
            (total - week.hours_available).abs() <= tolerance,
            "hours {total} vs available {} in week {}",
            week.hours_available,
            week.week
        );
        assert!((0.0..=1.0).contains(&week.care_served_share));
        let _ = vp;
    }
}

fn ev_trace(vp: &ValidParams) -> Trace {
    simulate_observed(
        vp,
        vp.schedule(),
        vp.initial_state().clone(),
        &mut Expect,
        observe_week(vp, false),
    )
}

fn mc_trace(vp: &ValidParams, seed: u64, run: u64) -> Trace {
    let mut sampler = ChaCha::for_run(seed, run);
    let initial = vp.initial_state().sampled_around(&mut sampler);
    simulate_observed(
        vp,
        vp.schedule(),
        initial,
        &mut sampler,
        observe_week(vp, true),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Invariants 1–3 in EV: ledgers close to 1e-9, no negative stocks, the hours add up.
    #[test]
    fn ev_conserves_stays_non_negative_and_spends_every_hour(params in scenario()) {
        let vp = valid(&params);
        let trace = ev_trace(&vp);
        prop_assert!(trace.residuals.max_abs() <= 1e-9, "{:?}", trace.residuals);
    }

    /// Invariants 1–3 in Monte Carlo: ledgers close exactly, stocks are whole and non-negative.
    #[test]
    fn mc_conserves_exactly_with_whole_stocks(params in scenario(), seed in any::<u64>()) {
        let vp = valid(&params);
        let trace = mc_trace(&vp, seed, 3);
        // Every term is a whole number, so any residual other than exactly 0 would be at least 1.
        let state = &trace.final_state;
        prop_assert!(trace.ledgers.pipeline_residual(state).abs() < 0.5);
        prop_assert!(trace.ledgers.book_residual(state).abs() < 0.5);
        prop_assert!(trace.ledgers.referral_residual(state).abs() < 0.5);
    }

    /// Invariant 8: doubling N doubles every team series in EV, exactly.
    #[test]
    fn doubling_the_team_doubles_every_team_series(params in scenario()) {
        let mut doubled = params.clone();
        doubled.team.ams *= 2.0;
        let single = ev(&params).run;
        let double = ev(&doubled).run;
        for (a, b) in single.weeks.iter().zip(&double.weeks) {
            for kpi in Kpi::all() {
                let factor = if kpi.scales_with_team() { 2.0 } else { 1.0 };
                let (doubled, expected) = (kpi.value(b), factor * kpi.value(a));
                prop_assert_eq!(doubled.to_bits(), expected.to_bits(), "{} in week {}: {} vs {}", kpi.id(), a.week, doubled, expected);
            }
        }
    }

    /// Invariant 4: EV is identical across calls.
    #[test]
    fn ev_is_identical_across_calls(params in scenario()) {
        prop_assert_eq!(ev(&params).run.weeks, ev(&params).run.weeks);
    }

    /// Invariant 10: a higher default hazard gives higher losses, a higher approval more loans.
    #[test]
    fn riskier_loans_lose_more_and_easier_approval_lends_more(
        tier in 0usize..3, extra_hazard in 0.001f64..0.05, extra_approval in 0.02f64..0.2,
    ) {
        // Fixed hours, not `auto`: h* itself moves with the hazard and the approval rate.
        let mut base = Params::default();
        base.team.init = InitialBook::Empty;
        base.policy.fixed_hours = Hours::Value(8.8);
        let total = |p: &Params, kpi: Kpi| ev(p).run.series(kpi).iter().sum::<f64>();
        let mut riskier = base.clone();
        riskier.loans.default_per_week[tier] += extra_hazard;
        prop_assert!(total(&riskier, Kpi::LossCny) > total(&base, Kpi::LossCny));
        let mut easier = base.clone();
        easier.pipeline.approval_prob[tier] = (easier.pipeline.approval_prob[tier] + extra_approval).min(1.0);
        prop_assert!(total(&easier, Kpi::NewLoans) > total(&base, Kpi::NewLoans));
    }
}

/// Invariant 9: a calendar of all-ones multipliers is the same as no calendar.
#[test]
fn an_all_ones_calendar_is_no_calendar() {
    let none = ev(&Params::default()).run.weeks;
    for calendar in [
        Calendar::Weekly {
            demand: vec![1.0; 52],
            availability: vec![1.0; 52],
        },
        Calendar::Custom(vec![Holiday {
            week: 10.0,
            pre_weeks: 3.0,
            pre_demand: 1.0,
            demand: 1.0,
            availability: 1.0,
            post_weeks: 2.0,
            post_demand: 1.0,
            post_availability: 1.0,
        }]),
    ] {
        let params = Params {
            calendar,
            ..Params::default()
        };
        assert_eq!(ev(&params).run.weeks, none);
    }
}

/// Invariant 9: a shock with mult 1 or frac 0 has no effect on the run.
#[test]
fn neutral_shocks_change_nothing() {
    let none = ev(&Params::default()).run.weeks;
    for kind in [
        ShockKind::Demand {
            mult: 1.0,
            flows: None,
        },
        ShockKind::Credit { mult: 1.0 },
        ShockKind::Capacity { frac: 0.0 },
    ] {
        let mut params = Params::default();
        params.shocks.push(Shock {
            start: 10.0,
            duration_weeks: 20.0,
            kind,
        });
        assert_eq!(ev(&params).run.weeks, none);
    }
}

/// Invariant 10: with no prospecting, no walk-ins and no referrals the book only shrinks.
#[test]
fn without_new_customers_the_book_never_grows() {
    let mut params = Params::default();
    params.policy.fixed_hours = Hours::Value(0.0);
    params.pipeline.inbound_per_am_week = 0.0;
    params.referrals.network_need_per_year = 0.0;
    let loans = ev(&params).run.series(Kpi::ActiveLoans);
    for pair in loans.windows(2) {
        assert!(pair[1] <= pair[0], "{} → {}", pair[0], pair[1]);
    }
    assert!(loans[loans.len() - 1] < 0.5 * loans[0]);
}

/// Invariant 6: the steady state is a fixed point of the EV step (MODEL.md 13: deviation 3e-15).
#[test]
fn the_steady_state_stays_put() {
    let mut params = Params::default();
    params.team.horizon_weeks = 156.0;
    let target = 120.0 * params.team.ams;
    for week in ev(&params).run.weeks {
        let loans = Kpi::ActiveLoans.value(&week);
        assert!(
            (loans - target).abs() <= 1e-9 * target,
            "week {}: {loans}",
            week.week
        );
    }
    for kind in [PolicyKind::StopWhenBusy, PolicyKind::TargetPipeline] {
        params.policy.kind = kind;
        let last = ev(&params).run.weeks.pop().unwrap();
        close(
            "steady under (b)/(c)",
            Kpi::ActiveLoans.value(&last),
            target,
            1e-9 * target,
        );
    }
}

/// Invariant 6: from half the target at h*, the book approaches A* monotonically and gets within
/// 0.1% in an internal 2,000-week run (the slow time constant of about 120 weeks is real).
#[test]
fn from_half_the_target_the_book_converges_monotonically() {
    let mut params = Params::default();
    params.team.init_loans_per_am = Some(60.0);
    let vp = valid(&params);
    let mix = [1.0 / 3.0; 3];
    let long = Schedule::build(2000, 1, &Season::neutral(), &[], mix);
    let trace = simulate(&vp, &long, vp.initial_state().clone(), &mut Expect);
    let target = 120.0 * params.team.ams;
    let gaps: Vec<f64> = trace
        .series(Kpi::ActiveLoans)
        .iter()
        .map(|a| (a - target).abs())
        .collect();
    for (t, pair) in gaps.windows(2).enumerate() {
        assert!(
            pair[1] <= pair[0],
            "gap grew in week {}: {} → {}",
            t + 1,
            pair[0],
            pair[1]
        );
    }
    assert!(
        gaps[gaps.len() - 1] < 1e-3 * target,
        "final gap {}",
        gaps[gaps.len() - 1]
    );
}
