//! Invariant 12: every validation rule of MODEL.md sections 10 and 16.10 returns its typed error,
//! named by the JSON path of the field; all errors are collected; warnings travel beside results.

use cadence::engine::params::{
    Calendar, Holiday, Hours, InitialBook, Params, PolicyKind, Shock, ShockKind, TermClass,
};
use cadence::engine::{validate, ParamError, Rule, WarningCode};

/// Validates `params` after `change`, expecting failure.
fn errors(change: impl FnOnce(&mut Params)) -> Vec<ParamError> {
    let mut params = Params::default();
    change(&mut params);
    match validate(&params) {
        Ok(_) => panic!("the change should have been rejected"),
        Err(errors) => errors,
    }
}

/// Asserts that `change` is rejected with `rule` on `param`.
#[track_caller]
fn rejects(param: &str, rule: Rule, change: impl FnOnce(&mut Params)) {
    let found = errors(change);
    assert!(
        found.iter().any(|e| e.param == param && e.rule == rule),
        "expected {rule} on {param}, got {found:#?}"
    );
}

fn holiday(week: f64) -> Holiday {
    Holiday {
        week,
        pre_weeks: 0.0,
        pre_demand: 1.0,
        demand: 1.0,
        availability: 1.0,
        post_weeks: 0.0,
        post_demand: 1.0,
        post_availability: 1.0,
    }
}

fn shock(start: f64, weeks: f64, kind: ShockKind) -> Shock {
    Shock {
        start,
        duration_weeks: weeks,
        kind,
    }
}

#[test]
fn the_defaults_are_valid_and_quiet() {
    let vp = validate(&Params::default()).unwrap();
    assert!(vp.warnings().is_empty(), "{:?}", vp.warnings());
}

#[test]
fn nan_and_infinity_are_rejected() {
    rejects("team.hours_per_week", Rule::NotFinite, |p| {
        p.team.hours_per_week = f64::NAN;
    });
    rejects("loans.amount_cny.prime", Rule::NotFinite, |p| {
        p.loans.amount_cny[0] = f64::INFINITY;
    });
    rejects("channels.flyer.saturation_hours", Rule::NotFinite, |p| {
        p.channels[2].saturation_hours = f64::NEG_INFINITY;
    });
}

#[test]
fn values_outside_their_ranges_are_rejected() {
    rejects("team.ams", Rule::OutOfRange, |p| p.team.ams = 0.0);
    rejects("team.ams", Rule::OutOfRange, |p| p.team.ams = 201.0);
    rejects("team.hours_per_week", Rule::OutOfRange, |p| {
        p.team.hours_per_week = 81.0;
    });
    rejects("team.horizon_weeks", Rule::OutOfRange, |p| {
        p.team.horizon_weeks = 12.0;
    });
    rejects("team.start_week", Rule::OutOfRange, |p| {
        p.team.start_week = 53.0;
    });
    rejects("team.target_loans_per_am", Rule::OutOfRange, |p| {
        p.team.target_loans_per_am = 0.5;
    });
    rejects("run.runs", Rule::OutOfRange, |p| p.run.runs = 9.0);
    rejects(
        "activity_hours.investigation.marginal",
        Rule::OutOfRange,
        |p| {
            p.activity_hours.investigation[2] = 0.1;
        },
    );
    rejects("activity_hours.form", Rule::OutOfRange, |p| {
        p.activity_hours.form = 9.0;
    });
    rejects(
        "channels.cold_visit.leads_per_hour",
        Rule::OutOfRange,
        |p| {
            p.channels[0].leads_per_hour = -1.0;
        },
    );
    rejects("channels.media.saturation_hours", Rule::OutOfRange, |p| {
        p.channels[4].saturation_hours = 0.0;
    });
    rejects("pipeline.renege_per_week", Rule::OutOfRange, |p| {
        p.pipeline.renege_per_week = 1.0;
    });
    rejects("pipeline.approval_prob.standard", Rule::OutOfRange, |p| {
        p.pipeline.approval_prob[1] = 1.2;
    });
    rejects("referrals.network_size", Rule::OutOfRange, |p| {
        p.referrals.network_size = 0.0;
    });
    rejects("loans.amount_cny.marginal", Rule::OutOfRange, |p| {
        p.loans.amount_cny[2] = 0.0;
    });
    rejects("loans.nim_per_year.prime", Rule::OutOfRange, |p| {
        p.loans.nim_per_year[0] = -0.2;
    });
    rejects("loans.default_per_week.prime", Rule::OutOfRange, |p| {
        p.loans.default_per_week[0] = 0.3;
    });
    rejects("loans.terms[1].weeks", Rule::OutOfRange, |p| {
        p.loans.terms[1].weeks = 105.0;
    });
    rejects("loans.terms", Rule::OutOfRange, |p| p.loans.terms.clear());
    rejects("policy.fixed_hours", Rule::OutOfRange, |p| {
        p.policy.fixed_hours = Hours::Value(41.0);
    });
    rejects("policy.gain", Rule::OutOfRange, |p| p.policy.gain = 0.0);
    rejects("policy.coverage_weeks", Rule::OutOfRange, |p| {
        p.policy.coverage_weeks = Some(53.0);
    });
    rejects("shocks[0].apps_per_am", Rule::OutOfRange, |p| {
        p.shocks.push(shock(
            5.0,
            1.0,
            ShockKind::Burst {
                apps_per_am: 0.0,
                mix: None,
            },
        ));
    });
    rejects("shocks[0].frac", Rule::OutOfRange, |p| {
        p.shocks
            .push(shock(5.0, 1.0, ShockKind::Capacity { frac: 1.5 }));
    });
    rejects("shocks[0].mult", Rule::OutOfRange, |p| {
        p.shocks
            .push(shock(5.0, 1.0, ShockKind::Credit { mult: 51.0 }));
    });
}

#[test]
fn a_custom_calendar_week_outside_1_to_52_is_rejected() {
    rejects("calendar.holidays[1].week", Rule::OutOfRange, |p| {
        p.calendar = Calendar::Custom(vec![holiday(5.0), holiday(53.0)]);
    });
    rejects("calendar.spring_festival_week", Rule::OutOfRange, |p| {
        p.calendar = Calendar::ChinaDefault {
            spring_festival_week: 0.0,
            mid_autumn_week: 38.0,
        };
    });
}

#[test]
fn counts_and_weeks_must_be_whole() {
    rejects("team.ams", Rule::NotInteger, |p| p.team.ams = 6.5);
    rejects("team.horizon_weeks", Rule::NotInteger, |p| {
        p.team.horizon_weeks = 100.5;
    });
    rejects("pipeline.queue_max_weeks", Rule::NotInteger, |p| {
        p.pipeline.queue_max_weeks = 3.5;
    });
    rejects("loans.terms[0].weeks", Rule::NotInteger, |p| {
        p.loans.terms[0].weeks = 13.5;
    });
    rejects("calendar.holidays[0].week", Rule::NotInteger, |p| {
        p.calendar = Calendar::Custom(vec![holiday(6.5)]);
    });
    rejects("shocks[0].start", Rule::NotInteger, |p| {
        p.shocks
            .push(shock(20.5, 1.0, ShockKind::Credit { mult: 2.0 }));
    });
}

#[test]
fn exit_pairs_must_sum_to_at_most_one() {
    rejects(
        "pipeline.contacted.advance_per_week",
        Rule::ExitPairAboveOne,
        |p| {
            p.pipeline.contacted.advance_per_week = 0.7;
        },
    );
    rejects(
        "pipeline.interested.advance_per_week",
        Rule::ExitPairAboveOne,
        |p| {
            p.pipeline.interested.lost_per_week = 0.6;
        },
    );
    rejects("referrals.realise_per_week", Rule::ExitPairAboveOne, |p| {
        p.referrals.lapse_per_week = 0.9;
    });
    rejects("loans.cure_per_week", Rule::ExitPairAboveOne, |p| {
        p.loans.cure_per_week = 0.98;
    });
}

#[test]
fn exit_pairs_must_let_someone_leave() {
    rejects(
        "pipeline.contacted.advance_per_week",
        Rule::ExitPairZero,
        |p| {
            p.pipeline.contacted.advance_per_week = 0.0;
            p.pipeline.contacted.lost_per_week = 0.0;
        },
    );
    rejects("referrals.realise_per_week", Rule::ExitPairZero, |p| {
        p.referrals.realise_per_week = 0.0;
        p.referrals.lapse_per_week = 0.0;
    });
    rejects("loans.cure_per_week", Rule::ExitPairZero, |p| {
        p.loans.cure_per_week = 0.0;
        p.loans.write_off_per_week = 0.0;
    });
}

#[test]
fn mixes_rows_weights_and_shares_must_sum_to_one() {
    rejects("channels.cold_visit.mix", Rule::SumNotOne, |p| {
        p.channels[0].mix = [0.5, 0.5, 0.5];
    });
    rejects("pipeline.inbound_mix", Rule::SumNotOne, |p| {
        p.pipeline.inbound_mix = [0.1, 0.1, 0.1];
    });
    rejects("referrals.homophily.standard", Rule::SumNotOne, |p| {
        p.referrals.homophily[1] = [0.2, 0.2, 0.2];
    });
    rejects("loans.migration.marginal", Rule::SumNotOne, |p| {
        p.loans.migration[2] = [0.0, 0.5, 0.6];
    });
    rejects("loans.terms", Rule::SumNotOne, |p| {
        p.loans.terms[0].weight = 0.5;
    });
    rejects("channels", Rule::SumNotOne, |p| {
        p.channels[0].hour_share = 0.5;
    });
    rejects("shocks[0].mix", Rule::SumNotOne, |p| {
        p.shocks.push(shock(
            5.0,
            1.0,
            ShockKind::Burst {
                apps_per_am: 3.0,
                mix: Some([0.5, 0.5, 0.5]),
            },
        ));
    });
    // A negative entry is out of range even when the row still sums to one.
    rejects("channels.flyer.mix.prime", Rule::OutOfRange, |p| {
        p.channels[2].mix = [-0.1, 0.55, 0.55];
    });
    rejects("channels.media.hour_share", Rule::OutOfRange, |p| {
        p.channels[4].hour_share = -0.1;
    });
}

#[test]
fn duplicate_term_lengths_are_rejected() {
    rejects("loans.terms[2].weeks", Rule::DuplicateTerm, |p| {
        p.loans.terms[2] = TermClass {
            weeks: 13.0,
            weight: 0.20,
        };
    });
}

#[test]
fn policy_order_rules() {
    rejects("policy.floor_hours", Rule::FloorAboveCap, |p| {
        p.policy.kind = PolicyKind::StopWhenBusy;
        p.policy.floor_hours = Hours::Value(10.0);
    });
    rejects("policy.min_hours", Rule::MinAboveMax, |p| {
        p.policy.kind = PolicyKind::TargetPipeline;
        p.policy.min_hours = Hours::Value(20.0);
        p.policy.max_hours = Hours::Value(10.0);
    });
    // The order rules apply to the policy in use only.
    let mut fixed = Params::default();
    fixed.policy.floor_hours = Hours::Value(10.0);
    assert!(validate(&fixed).is_ok());
}

#[test]
fn shock_timing_rules() {
    rejects("shocks[0].start", Rule::ShockStartAfterHorizon, |p| {
        p.shocks
            .push(shock(104.0, 1.0, ShockKind::Credit { mult: 2.0 }));
    });
    rejects("shocks[1].duration_weeks", Rule::ShockTooShort, |p| {
        p.shocks
            .push(shock(10.0, 1.0, ShockKind::Credit { mult: 2.0 }));
        p.shocks
            .push(shock(10.0, 0.0, ShockKind::Credit { mult: 2.0 }));
    });
}

#[test]
fn weekly_calendars_need_52_values() {
    rejects("calendar.availability", Rule::WrongLength, |p| {
        p.calendar = Calendar::Weekly {
            demand: vec![1.0; 52],
            availability: vec![1.0; 51],
        };
    });
}

#[test]
fn fault_windows_must_lie_inside_the_run() {
    rejects("fault.window_start", Rule::BadFaultWindow, |p| {
        p.fault.window_start = Some(104.0);
    });
    rejects("fault.window_end", Rule::BadFaultWindow, |p| {
        p.fault.window_start = Some(20.0);
        p.fault.window_end = Some(20.0);
    });
}

/// Referral loop gain 1.32: four times the default network.
fn runaway_referrals(p: &mut Params) {
    p.referrals.network_size = 600.0;
}

/// Referrals that need no steady state: empty start, fixed hours, no mix-less burst.
fn without_steady_state(p: &mut Params) {
    runaway_referrals(p);
    p.team.init = InitialBook::Empty;
    p.policy.fixed_hours = Hours::Value(8.0);
}

#[test]
fn loop_gain_above_one_is_an_error_wherever_a_steady_state_is_needed() {
    let message = |errors: Vec<ParamError>| {
        let error = errors
            .into_iter()
            .find(|e| e.rule == Rule::LoopGainTooHigh)
            .expect("loop gain error");
        assert_eq!(error.param, "referrals.introduce_prob");
        assert!(error.message.contains("lower ι or ν"), "{}", error.message);
    };
    // init = steady (the default) with a fixed numeric cadence:
    message(errors(|p| {
        runaway_referrals(p);
        p.policy.fixed_hours = Hours::Value(8.0);
    }));
    // an `auto` value:
    message(errors(|p| {
        without_steady_state(p);
        p.policy.fixed_hours = Hours::AUTO;
    }));
    // policy (c):
    message(errors(|p| {
        without_steady_state(p);
        p.policy.kind = PolicyKind::TargetPipeline;
        p.policy.min_hours = Hours::Value(0.0);
    }));
    // a burst without a mix:
    message(errors(|p| {
        without_steady_state(p);
        p.shocks.push(shock(
            5.0,
            1.0,
            ShockKind::Burst {
                apps_per_am: 2.0,
                mix: None,
            },
        ));
    }));
}

#[test]
fn loop_gain_above_one_is_only_a_warning_when_no_steady_state_is_needed() {
    let mut params = Params::default();
    without_steady_state(&mut params);
    params.shocks.push(shock(
        5.0,
        1.0,
        ShockKind::Burst {
            apps_per_am: 2.0,
            mix: Some([0.2, 0.5, 0.3]),
        },
    ));
    let vp = validate(&params).unwrap();
    assert!(vp.summary().is_none());
    assert!(vp
        .warnings()
        .iter()
        .any(|w| w.code == WarningCode::NoSteadyState));
}

#[test]
fn an_unreachable_target_is_rejected() {
    rejects("team.target_loans_per_am", Rule::UnreachableTarget, |p| {
        p.team.target_loans_per_am = 500.0;
    });
}

#[test]
fn a_steady_start_must_lie_between_a0_and_sup_f() {
    rejects(
        "team.init_loans_per_am",
        Rule::InitOutsideSteadyRange,
        |p| {
            p.team.init_loans_per_am = Some(5.0);
        },
    );
    rejects(
        "team.init_loans_per_am",
        Rule::InitOutsideSteadyRange,
        |p| {
            p.team.init_loans_per_am = Some(900.0);
        },
    );
}

#[test]
fn every_error_is_collected_not_just_the_first() {
    let found = errors(|p| {
        p.team.ams = 0.0;
        p.team.hours_per_week = f64::NAN;
        p.channels[0].mix = [1.0, 1.0, 1.0];
        p.loans.terms[0].weeks = 26.0;
        p.shocks
            .push(shock(300.0, 0.0, ShockKind::Credit { mult: 99.0 }));
    });
    let rules: Vec<(&str, Rule)> = found.iter().map(|e| (e.param.as_str(), e.rule)).collect();
    for expected in [
        ("team.ams", Rule::OutOfRange),
        ("team.hours_per_week", Rule::NotFinite),
        ("channels.cold_visit.mix", Rule::SumNotOne),
        ("loans.terms[1].weeks", Rule::DuplicateTerm),
        ("shocks[0].start", Rule::ShockStartAfterHorizon),
        ("shocks[0].duration_weeks", Rule::ShockTooShort),
        ("shocks[0].mult", Rule::OutOfRange),
    ] {
        assert!(
            rules.contains(&expected),
            "missing {expected:?} in {rules:#?}"
        );
    }
}

fn warnings(change: impl FnOnce(&mut Params)) -> Vec<WarningCode> {
    let mut params = Params::default();
    change(&mut params);
    validate(&params)
        .unwrap()
        .warnings()
        .iter()
        .map(|w| w.code)
        .collect()
}

#[test]
fn warnings_travel_beside_valid_results() {
    assert!(warnings(|p| p.team.target_loans_per_am = 140.0)
        .contains(&WarningCode::TargetNeedsMoreHours));
    assert!(warnings(|p| {
        p.team.target_loans_per_am = 10.0;
        p.team.init = InitialBook::Empty;
    })
    .contains(&WarningCode::HStarZero));
    assert!(warnings(|p| p.team.target_loans_per_am = 60.0)
        .contains(&WarningCode::ProfitNegativeAtTarget));
    assert!(warnings(|p| {
        p.policy.kind = PolicyKind::TargetPipeline;
        p.policy.gain = 0.8;
    })
    .contains(&WarningCode::HighGain));
    assert!(
        warnings(|p| p.team.cost_cny_per_paid_hour = 1000.0).contains(&WarningCode::NoBreakEven)
    );
    assert!(warnings(|p| {
        // Monitoring the walk-in and referral book alone (A0 ≈ 17.6 loans) needs 35 h.
        p.team.hours_per_week = 5.0;
        p.activity_hours.monitoring_per_loan = [2.0; 3];
        p.team.init = InitialBook::Empty;
    })
    .contains(&WarningCode::NoSustainableCaseload));
}

#[test]
fn the_needed_hours_warning_reports_the_hours_and_a_max() {
    let mut params = Params::default();
    params.team.target_loans_per_am = 140.0;
    let vp = validate(&params).unwrap();
    let warning = vp
        .warnings()
        .iter()
        .find(|w| w.code == WarningCode::TargetNeedsMoreHours)
        .unwrap();
    assert!(warning.value > 40.0);
    assert!(warning.message.contains("134.6"), "{}", warning.message);
}

/// Issue 13: an invalid hours budget is one error, not one more on every setting checked against
/// it (the policy's hours settings, prospecting changes in the shocks and the trainer's decisions).
#[test]
fn an_invalid_hours_budget_is_one_error_not_one_per_setting_checked_against_it() {
    use cadence::engine::params::ProspectingChange;
    for h in [f64::NAN, f64::INFINITY, 3.0, 100.0] {
        let found = errors(|p| {
            p.team.hours_per_week = h;
            p.policy.fixed_hours = Hours::Value(8.0);
            p.policy.floor_hours = Hours::Value(0.0);
            p.policy.cap_hours = Hours::Value(90.0);
            p.shocks.push(shock(
                10.0,
                4.0,
                ShockKind::Prospecting {
                    change: ProspectingChange::Floor { hours: 4.0 },
                },
            ));
            p.interventions.push(shock(
                20.0,
                4.0,
                ShockKind::Prospecting {
                    change: ProspectingChange::Set { hours: 85.0 },
                },
            ));
        });
        let params: Vec<&str> = found.iter().map(|e| e.param.as_str()).collect();
        assert_eq!(params, ["team.hours_per_week"], "H = {h}: {found:#?}");
    }
    // A setting that no working week could make valid is still reported, against "H".
    let found = errors(|p| {
        p.team.hours_per_week = f64::NAN;
        p.policy.fixed_hours = Hours::Value(-1.0);
    });
    let fixed = found
        .iter()
        .find(|e| e.param == "policy.fixed_hours")
        .expect("reported");
    assert_eq!(fixed.message, "must be in [0, H] (got -1)");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn errors_come_in_the_specs_order_with_a_rows_rule_after_its_entries() {
    let found = errors(|p| {
        p.channels[0].mix = [0.5, 0.5, 0.5];
        p.channels[0].cash_cny_per_hour = -1.0;
        p.team.ams = 0.0;
        p.pipeline.contacted.advance_per_week = 0.9;
        p.pipeline.renege_per_week = 1.0;
    });
    let params: Vec<&str> = found.iter().map(|e| e.param.as_str()).collect();
    assert_eq!(
        params,
        [
            "team.ams",
            "channels.cold_visit.mix",
            "channels.cold_visit.cash_cny_per_hour",
            "pipeline.contacted.advance_per_week",
            "pipeline.renege_per_week",
        ]
    );
    assert_eq!(found[0].message, "must be in [1, 200] (got 0)");
    assert_eq!(found[3].rule, Rule::ExitPairAboveOne);
}
