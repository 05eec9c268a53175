//! Trainer mode (issue 5): the intervention kinds as timed changes, the decision log, replay,
//! rewind and the ghost line.

// Replay means bit-for-bit: exact float equality (zero hours, whole team sizes) is the point.
#![allow(clippy::float_cmp)]

use cadence::engine::montecarlo::{McOptions, McPlan, RunResult};
use cadence::engine::params::{Params, ProspectingChange, Shock, ShockKind, CHANNELS};
use cadence::engine::{interventions, presets};
use cadence::engine::{validate, ChannelId, Kpi, Rule};
use cadence::scenario::library::{self, Entry, Layout, NamedScenario};
use cadence::scenario::{self, link};
use chrono::NaiveDate;

use crate::engine_support::{ev, series, valid};

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
    assert_eq!(&hours[10..13], &[0.0; 3]);
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
    for (t, h) in hours.iter().enumerate().take(9).skip(5) {
        assert!((h / params.team.ams - 2.0).abs() < 1e-9, "week {t}");
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
    let params = Params {
        shocks: vec![
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
        ],
        ..Params::default()
    };
    let errors = validate(&params).expect_err("rejected");
    let has = |path: &str, rule: Rule| errors.iter().any(|e| e.param == path && e.rule == rule);
    assert!(has("shocks[0].hours", Rule::OutOfRange), "{errors:#?}");
    assert!(has("shocks[1].shares", Rule::SumNotOne), "{errors:#?}");
    assert!(has("shocks[2].ams_delta", Rule::OutOfRange), "{errors:#?}");
    assert!(has("shocks[3].ams_delta", Rule::NotInteger), "{errors:#?}");
}

/// A decision log touching every new kind, with typed decimals (they read back exactly).
fn log() -> Vec<Shock> {
    let mut shares = [0.0; CHANNELS];
    for (channel, share) in [
        (ChannelId::ColdVisit, 0.15),
        (ChannelId::PhoneSms, 0.05),
        (ChannelId::OnlinePost, 0.05),
        (ChannelId::PeerBroker, 0.05),
        (ChannelId::SupplyChain, 0.35),
        (ChannelId::Event, 0.1),
        (ChannelId::Association, 0.25),
    ] {
        shares[channel.index()] = share;
    }
    vec![
        prospecting(20.0, 84.0, ProspectingChange::Floor { hours: 4.0 }),
        change(30.0, 10.0, ShockKind::Team { ams_delta: 1.0 }),
        change(40.0, 64.0, ShockKind::ChannelMix { shares }),
        prospecting(60.0, 2.0, ProspectingChange::Stop),
        prospecting(70.0, 5.0, ProspectingChange::Set { hours: 6.5 }),
        change(
            80.0,
            3.0,
            ShockKind::Burst {
                apps_per_am: 2.0,
                mix: None,
            },
        ),
    ]
}

fn fault_b_with_log() -> Params {
    let mut params = fault_b();
    params.interventions = log();
    params
}

fn mc_runs(params: &Params, runs: std::ops::Range<u64>) -> Vec<RunResult> {
    McPlan::new(
        &valid(params),
        McOptions {
            runs: 10,
            seed: 7,
            kept_runs: 0,
            noise_floor: false,
        },
    )
    .run_range(runs)
}

#[test]
fn a_recorded_log_replays_bit_for_bit_from_the_saved_file() {
    let recorded = fault_b_with_log();
    let json = scenario::to_json(&recorded);
    assert!(json.contains("\"interventions\""));
    let replayed = scenario::parse(&json).expect("the saved file reads back");
    assert_eq!(replayed, recorded);
    // EV: every weekly figure of the run, its baseline and its fault report.
    let (a, b) = (ev(&recorded), ev(&replayed));
    assert_eq!(a.run.weeks, b.run.weeks);
    assert_eq!(
        a.baseline.as_ref().map(|t| &t.weeks),
        b.baseline.as_ref().map(|t| &t.weeks)
    );
    assert_eq!(a.fault, b.fault);
    // Monte Carlo: the same seed gives the same runs, draw for draw.
    assert_eq!(mc_runs(&recorded, 0..4), mc_runs(&replayed, 0..4));
    // …and the log matters: without it the runs differ.
    assert_ne!(
        mc_runs(&recorded, 0..2),
        mc_runs(&interventions::ghost_params(&recorded), 0..2)
    );
}

#[test]
fn monte_carlo_runs_follow_the_interventions() {
    let mut params = Params::default();
    params
        .interventions
        .push(prospecting(10.0, 3.0, ProspectingChange::Stop));
    for run in mc_runs(&params, 0..3) {
        let hours = run.series_of(Kpi::HoursProspecting).expect("banded");
        assert!(hours[9] > 0.0);
        assert_eq!(&hours[10..13], &[0.0; 3]);
    }
}

#[test]
fn the_ghost_is_the_scenario_without_its_decisions() {
    let with_log = fault_b_with_log();
    let ghost = ev(&interventions::ghost_params(&with_log));
    let plain = ev(&fault_b());
    assert_eq!(ghost.run.weeks, plain.run.weeks);
    assert_eq!(ghost.fault, plain.fault);
    let run = ev(&with_log);
    assert_ne!(run.run.weeks, ghost.run.weeks);
    // The decisions' weeks before the first one are the ghost's weeks.
    assert_eq!(run.run.weeks[..20], ghost.run.weeks[..20]);
}

#[test]
fn the_schedule_folds_the_log_after_the_shocks() {
    // Moving the decisions to the end of the shock list changes nothing.
    let with_log = fault_b_with_log();
    let mut folded = fault_b();
    folded.shocks.extend(log());
    assert_eq!(ev(&with_log).run.weeks, ev(&folded).run.weeks);
    // The fault baseline removes both lists; its window opens at the first change of either.
    let mut only_log = Params::default();
    only_log
        .interventions
        .push(prospecting(12.0, 4.0, ProspectingChange::Stop));
    let output = ev(&only_log);
    let report = output.fault.expect("a decision has a fault report");
    assert_eq!(report.window.start, 12);
    assert_eq!(
        output.baseline.expect("baseline").weeks,
        ev(&Params::default()).run.weeks
    );
}

#[test]
fn the_latest_start_wins_among_step_changes() {
    let params = Params {
        interventions: vec![
            prospecting(10.0, 20.0, ProspectingChange::Stop),
            prospecting(12.0, 3.0, ProspectingChange::Set { hours: 3.0 }),
            prospecting(17.0, 13.0, ProspectingChange::Resume),
            // Equal starts: the later entry wins.
            prospecting(40.0, 2.0, ProspectingChange::Set { hours: 1.0 }),
            prospecting(40.0, 2.0, ProspectingChange::Set { hours: 2.0 }),
        ],
        ..Params::default()
    };
    let per_am: Vec<f64> = series(&ev(&params), Kpi::HoursProspecting)
        .iter()
        .map(|h| h / params.team.ams)
        .collect();
    let plain = series(&ev(&Params::default()), Kpi::HoursProspecting);
    assert_eq!(&per_am[10..12], &[0.0; 2]);
    for (t, h) in per_am.iter().enumerate().take(15).skip(12) {
        assert!((h - 3.0).abs() < 1e-9, "week {t}");
    }
    assert_eq!(&per_am[15..17], &[0.0; 2], "the stop is in force again");
    assert!(per_am[17] > 0.0, "resumed");
    assert!((per_am[40] - 2.0).abs() < 1e-9 && (per_am[41] - 2.0).abs() < 1e-9);
    // After the last change ends the fixed cadence is back to its h_fix.
    assert!((per_am[42] - plain[42] / params.team.ams).abs() < 1e-9);
}

#[test]
fn rewinding_the_log_and_replaying_gives_the_rewound_run() {
    let with_log = fault_b_with_log();
    let rewound = Params {
        interventions: interventions::rewind(&with_log.interventions, 45, false),
        ..with_log.clone()
    };
    assert_eq!(rewound.interventions, log()[..3].to_vec());
    let full = ev(&with_log);
    let short = ev(&rewound);
    // Up to the rewind week the runs agree; the dropped decisions change what follows.
    assert_eq!(full.run.weeks[..=45], short.run.weeks[..=45]);
    assert_ne!(full.run.weeks[60..], short.run.weeks[60..]);
    // Keeping the later decisions replays the original run.
    let kept = Params {
        interventions: interventions::rewind(&with_log.interventions, 45, true),
        ..with_log.clone()
    };
    assert_eq!(ev(&kept).run.weeks, full.run.weeks);
}

#[test]
fn team_changes_add_up_and_must_keep_the_team_between_1_and_200() {
    let mut params = Params {
        interventions: vec![
            change(5.0, 10.0, ShockKind::Team { ams_delta: -3.0 }),
            change(8.0, 10.0, ShockKind::Team { ams_delta: -2.0 }),
        ],
        ..Params::default()
    };
    let run = ev(&params);
    assert_eq!(run.run.weeks[6].ams, 3.0);
    assert_eq!(run.run.weeks[9].ams, 1.0);
    assert_eq!(run.run.weeks[16].ams, 4.0);
    params
        .interventions
        .push(change(9.0, 1.0, ShockKind::Team { ams_delta: -1.0 }));
    let errors = validate(&params).expect_err("no AM left in week 9");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].param, "interventions[2].ams_delta");
    assert_eq!(errors[0].rule, Rule::OutOfRange);
    assert!(
        errors[0].message.contains("week 9"),
        "{}",
        errors[0].message
    );
}

#[test]
fn scenario_files_report_bad_interventions_at_their_paths() {
    let read = |interventions: &str| {
        scenario::load(&format!(
            r#"{{"version": 1, "interventions": [{interventions}]}}"#
        ))
        .expect_err("rejected")
    };
    let has = |errors: &[cadence::engine::ParamError], path: &str, rule: Rule| {
        errors.iter().any(|e| e.param == path && e.rule == rule)
    };
    let errors =
        read(r#"{"kind": "prospecting", "start": 3, "duration_weeks": 2, "action": "set"}"#);
    assert!(
        has(&errors, "interventions[0].hours", Rule::MissingField),
        "{errors:#?}"
    );
    let errors = read(
        r#"{"kind": "prospecting", "start": 3, "duration_weeks": 2, "action": "stop", "hours": 2}"#,
    );
    assert!(
        has(&errors, "interventions[0].hours", Rule::UnknownField),
        "{errors:#?}"
    );
    let errors = read(r#"{"kind": "hire", "start": 3, "duration_weeks": 2}"#);
    assert!(
        has(&errors, "interventions[0].kind", Rule::UnknownShockKind),
        "{errors:#?}"
    );
    let errors =
        read(r#"{"kind": "team", "start": 3, "duration_weeks": 2, "ams_delta": 2, "frac": 1}"#);
    assert!(
        has(&errors, "interventions[0].frac", Rule::UnknownField),
        "{errors:#?}"
    );
    let errors = read(
        r#"{"kind": "channel_mix", "start": 3, "duration_weeks": 2, "shares": {"cold_visit": 1}}"#,
    );
    assert!(
        has(
            &errors,
            "interventions[0].shares.phone_sms",
            Rule::MissingField
        ),
        "{errors:#?}"
    );
    let errors = read(
        r#"{"kind": "prospecting", "start": 300, "duration_weeks": 0, "action": "floor", "hours": -1, "extra": 1}"#,
    );
    for (path, rule) in [
        ("interventions[0].start", Rule::ShockStartAfterHorizon),
        ("interventions[0].duration_weeks", Rule::ShockTooShort),
        ("interventions[0].hours", Rule::OutOfRange),
        ("interventions[0].extra", Rule::UnknownField),
    ] {
        assert!(has(&errors, path, rule), "{path}: {errors:#?}");
    }
    // Absent means none: every existing file stays valid.
    let plain = scenario::parse(r#"{"version": 1}"#).expect("valid");
    assert!(plain.interventions.is_empty());
    assert!(!scenario::to_json(&plain).contains("interventions"));
}

#[test]
fn links_and_library_files_carry_the_log() {
    let named = NamedScenario {
        name: "fault, replayed".to_owned(),
        start_date: NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"),
        params: fault_b_with_log(),
    };
    let shared = link::decode(&link::encode(&named)).expect("the link opens");
    assert_eq!(shared.scenario, named);
    let entry = Entry {
        scenario: named.clone(),
        modified: named.start_date,
        id: String::new(),
        stamp: cadence::scenario::library::Stamp::default(),
    };
    let text = library::write_library(std::slice::from_ref(&entry), Layout::Pretty);
    let read = library::read_library(&text).expect("the library reads");
    assert_eq!(read.entries, vec![entry]);
}

#[test]
fn the_golden_trainer_file_of_version_1_loads_and_writes_back() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/v1/trainer.json"
    ))
    .expect("golden file");
    let params = scenario::load(&text)
        .unwrap_or_else(|e| panic!("{e:#?}"))
        .params()
        .clone();
    assert_eq!(params, fault_b_with_log());
    // Written back as the current version, with nothing else changed.
    assert_eq!(
        scenario::to_json(&params),
        text.replacen("\"version\": 1,", "\"version\": 4,", 1)
    );
}

#[test]
fn an_early_decision_does_not_move_the_fault_window_off_the_burst() {
    // A trainer keeps 4 h of prospecting from week 1; the fault is still measured from the burst.
    let mut params = fault_b();
    let burst = params.shocks[0].start;
    params.interventions.push(prospecting(
        0.0,
        params.team.horizon_weeks,
        ProspectingChange::Floor { hours: 4.0 },
    ));
    let window = valid(&params).fault_window().expect("a fault window");
    assert_eq!(window.start, burst as usize);
    // Without scenario shocks, the decisions start the window.
    params.shocks.clear();
    let window = valid(&params).fault_window().expect("a fault window");
    assert_eq!(window.start, 0);
}
