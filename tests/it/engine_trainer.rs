//! Trainer mode (issue 5): the intervention kinds as timed changes, the decision log, replay,
//! rewind and the ghost line.

use cadence::engine::params::{Params, ProspectingChange, Shock, ShockKind, CHANNELS};
use cadence::engine::presets;
use cadence::engine::{validate, ChannelId, Kpi, Rule};

use crate::engine_support::{ev, series};

/// The `fault` preset under its first policy, (b) stop when busy with cap h*.
fn fault_b() -> Params {
    presets::get("fault").expect("the fault preset").params
}

fn change(start: f64, weeks: f64, kind: ShockKind) -> Shock {
    Shock {
        start,
        duration_weeks: weeks,
        kind,
    }
}

fn prospecting(start: f64, weeks: f64, change_: ProspectingChange) -> Shock {
    change(start, weeks, ShockKind::Prospecting { change: change_ })
}

#[test]
fn stopping_prospecting_zeroes_the_hours_of_those_weeks_only() {
    let mut params = Params::default();
    params
        .shocks
        .push(prospecting(10.0, 3.0, ProspectingChange::Stop));
    let hours = series(&ev(&params), Kpi::HoursProspecting);
    let plain = series(&ev(&Params::default()), Kpi::HoursProspecting);
    for t in 10..13 {
        assert_eq!(hours[t], 0.0, "week {t}");
    }
    assert_eq!(hours[..10], plain[..10]);
    assert!(hours[13] > 0.0);
}

#[test]
fn a_floor_of_4_hours_keeps_prospecting_through_the_burst_and_softens_the_fault() {
    let without = ev(&fault_b());
    let mut params = fault_b();
    params.shocks.push(prospecting(
        20.0,
        84.0,
        ProspectingChange::Floor { hours: 4.0 },
    ));
    let with = ev(&params);
    let ams = params.team.ams;
    let hours = series(&with, Kpi::HoursProspecting);
    for (t, h) in hours.iter().enumerate().take(26).skip(20) {
        assert!(*h / ams >= 4.0 - 1e-9, "week {t}: {} h per AM", h / ams);
    }
    let plain_hours = series(&without, Kpi::HoursProspecting);
    assert!(
        plain_hours[21] / ams < 4.0,
        "without the floor the burst stops prospecting"
    );
    let depth = |o: &cadence::engine::EvOutput| o.fault.as_ref().expect("fault").new_loans.depth;
    assert!(
        depth(&with) < depth(&without) - 0.1,
        "{} vs {}",
        depth(&with),
        depth(&without)
    );
}

#[test]
fn setting_hours_overrides_the_policy() {
    let mut params = Params::default();
    params
        .shocks
        .push(prospecting(5.0, 4.0, ProspectingChange::Set { hours: 2.0 }));
    let hours = series(&ev(&params), Kpi::HoursProspecting);
    for t in 5..9 {
        assert!((hours[t] / params.team.ams - 2.0).abs() < 1e-9, "week {t}");
    }
}

#[test]
fn two_more_account_managers_bring_more_hours_and_loans() {
    let mut params = Params::default();
    params
        .shocks
        .push(change(10.0, 94.0, ShockKind::Team { ams_delta: 2.0 }));
    let run = ev(&params);
    let plain = ev(&Params::default());
    let available = series(&run, Kpi::HoursAvailable);
    let plain_available = series(&plain, Kpi::HoursAvailable);
    assert!((available[10] - plain_available[10] * 8.0 / 6.0).abs() < 1e-9);
    assert_eq!(run.run.weeks[10].ams, 8.0);
    assert_eq!(run.run.weeks[9].ams, 6.0);
    let total = |o: &cadence::engine::EvOutput| series(o, Kpi::NewLoans).iter().sum::<f64>();
    assert!(total(&run) > total(&plain) + 10.0);
}

#[test]
fn a_channel_mix_change_moves_the_leads_between_channels() {
    let mut shares = [0.0; CHANNELS];
    shares[ChannelId::SupplyChain.index()] = 0.5;
    shares[ChannelId::Association.index()] = 0.5;
    let mut params = Params::default();
    params
        .shocks
        .push(change(8.0, 96.0, ShockKind::ChannelMix { shares }));
    let run = ev(&params);
    let plain = ev(&Params::default());
    let cold = Kpi::ProspectsChannel(ChannelId::ColdVisit);
    let supply = Kpi::ProspectsChannel(ChannelId::SupplyChain);
    assert_eq!(series(&run, cold)[7], series(&plain, cold)[7]);
    assert_eq!(series(&run, cold)[8], 0.0);
    assert!(series(&run, supply)[8] > series(&plain, supply)[8]);
}

#[test]
fn bad_intervention_values_are_typed_errors_at_their_paths() {
    let mut params = Params::default();
    params.shocks = vec![
        prospecting(1.0, 1.0, ProspectingChange::Set { hours: 90.0 }),
        change(
            1.0,
            1.0,
            ShockKind::ChannelMix {
                shares: [0.2; CHANNELS],
            },
        ),
        change(1.0, 1.0, ShockKind::Team { ams_delta: -6.0 }),
        change(1.0, 1.0, ShockKind::Team { ams_delta: 0.5 }),
    ];
    let errors = validate(&params).expect_err("rejected");
    let has = |path: &str, rule: Rule| errors.iter().any(|e| e.param == path && e.rule == rule);
    assert!(has("shocks[0].hours", Rule::OutOfRange), "{errors:#?}");
    assert!(has("shocks[1].shares", Rule::SumNotOne), "{errors:#?}");
    assert!(has("shocks[2].ams_delta", Rule::OutOfRange), "{errors:#?}");
    assert!(has("shocks[3].ams_delta", Rule::NotInteger), "{errors:#?}");
}
