//! The version-1 scenario file: round trips, golden files of the released version, unknown and
//! mistyped fields named by JSON path, and validation errors whose paths exist in the file.

use cadence::engine::params::{Hours, Params, PolicyKind};
use cadence::engine::{presets, validate, Rule};
use cadence::scenario::{self, load, parse, to_json};
use serde_json::Value;

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v1");

fn golden(name: &str) -> String {
    std::fs::read_to_string(format!("{GOLDEN}/{name}")).expect("golden file")
}

/// The (param, rule) pairs of a rejected file.
fn rejected(json: &str) -> Vec<(String, Rule)> {
    match load(json) {
        Ok(_) => panic!("the file should have been rejected"),
        Err(errors) => errors.into_iter().map(|e| (e.param, e.rule)).collect(),
    }
}

#[track_caller]
fn contains(found: &[(String, Rule)], param: &str, rule: Rule) {
    assert!(
        found.iter().any(|(p, r)| p == param && *r == rule),
        "expected {rule} on {param}, got {found:#?}"
    );
}

#[test]
fn the_example_is_the_defaults_and_round_trips() {
    let text = scenario::example();
    assert_eq!(parse(&text).unwrap(), Params::default());
    assert!(
        text.contains("\"ams\": 6,"),
        "whole numbers are written as integers"
    );
    assert!(
        text.starts_with("{\n  \"version\": 4,\n  \"team\""),
        "groups keep their order"
    );
}

#[test]
fn every_preset_round_trips() {
    for preset in presets::all() {
        let params = preset.params.clone();
        assert_eq!(parse(&to_json(&params)).unwrap(), params, "{}", preset.id());
        for variant in &preset.variants {
            let with_variant = preset.with_variant(variant);
            assert_eq!(parse(&to_json(&with_variant)).unwrap(), with_variant);
        }
    }
}

#[test]
fn golden_files_of_version_1_still_load() {
    for name in [
        "default.json",
        "fault.json",
        "festival.json",
        "everything.json",
        "weekly-calendar.json",
    ] {
        let text = golden(name);
        let params = load(&text)
            .unwrap_or_else(|e| panic!("{name}: {e:#?}"))
            .params()
            .clone();
        // Written back as the current version, with nothing else changed.
        assert_eq!(
            to_json(&params),
            text.replacen("\"version\": 1,", "\"version\": 4,", 1),
            "{name} no longer writes back identically"
        );
    }
    assert_eq!(
        golden("default.json").replacen("\"version\": 1,", "\"version\": 4,", 1),
        scenario::example()
    );
    assert_eq!(
        parse(&golden("fault.json")).unwrap(),
        presets::get("fault").unwrap().params
    );
}

#[test]
#[allow(clippy::float_cmp)] // Values read back verbatim.
fn golden_files_of_version_2_load_write_back_and_keep_their_plan() {
    use cadence::engine::goal::{MixChoice, TargetPath};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v2");
    for name in [
        "default.json",
        "fault.json",
        "plan-hold.json",
        "plan-growth.json",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("golden file");
        let params = load(&text)
            .unwrap_or_else(|e| panic!("{name}: {e:#?}"))
            .params()
            .clone();
        assert_eq!(
            to_json(&params),
            text.replacen("\"version\": 2,", "\"version\": 4,", 1),
            "{name} no longer writes back identically"
        );
    }
    let growth =
        parse(&std::fs::read_to_string(format!("{dir}/plan-growth.json")).expect("golden file"))
            .expect("parses");
    let goal = growth.plan.expect("a plan goal");
    assert_eq!(
        goal.target,
        TargetPath::Growth {
            loans_per_am: 128.0,
            by_week: 30.0
        }
    );
    assert_eq!(goal.mix, MixChoice::Keep);
    assert_eq!(
        goal.weekdays,
        [true, false, true, false, true, false, false]
    );
    assert!(goal.calendar_per_team);
    assert_eq!(goal.cash_budget_cny, Some(500.0));
}

#[test]
#[allow(clippy::float_cmp)] // Values read back verbatim.
fn a_plan_goal_with_errors_is_refused_at_its_fields() {
    // Issue 14: the goal travels with the scenario, so a file's goal is checked like the rest.
    let found = rejected(
        r#"{"version": 2, "plan": {"target_loans_per_am": -5, "weeks": 200, "block_hours": 0.3,
            "max_prospecting_hours": 99, "colour": "red"}}"#,
    );
    contains(&found, "plan.colour", Rule::UnknownField);
    let found = rejected(
        r#"{"version": 2, "plan": {"target_loans_per_am": -5, "weeks": 200, "block_hours": 0.3,
            "max_prospecting_hours": 99}}"#,
    );
    contains(&found, "plan.target_loans_per_am", Rule::OutOfRange);
    contains(&found, "plan.weeks", Rule::OutOfRange);
    contains(&found, "plan.block_hours", Rule::OutOfRange);
    contains(&found, "plan.max_prospecting_hours", Rule::OutOfRange);
    // Left out, the target and the maximum follow the team.
    let params = parse(r#"{"version": 2, "team": {"target_loans_per_am": 111}, "plan": {}}"#)
        .expect("parses");
    let goal = params.plan.expect("a goal");
    assert_eq!(goal.target.final_loans(), 111.0);
    assert_eq!(goal.max_prospecting_hours, 40.0);
}

#[test]
fn a_file_may_give_only_what_differs_from_the_defaults() {
    let params =
        parse(r#"{"version": 1, "team": {"ams": 3}, "policy": {"kind": "stop_when_busy"}}"#)
            .unwrap();
    let mut expected = Params::default();
    expected.team.ams = 3.0;
    expected.policy.kind = PolicyKind::StopWhenBusy;
    assert_eq!(params, expected);
}

#[test]
fn hours_settings_read_numbers_auto_full_and_multiples_of_h_star() {
    let params = parse(
        r#"{"version": 1, "policy": {"fixed_hours": 7.5, "floor_hours": {"times_h_star": 0.5},
            "cap_hours": "full", "min_hours": "auto", "coverage_weeks": "auto"}}"#,
    )
    .unwrap();
    assert_eq!(params.policy.fixed_hours, Hours::Value(7.5));
    assert_eq!(params.policy.floor_hours, Hours::TimesHStar(0.5));
    assert_eq!(params.policy.cap_hours, Hours::FullWeek);
    assert_eq!(params.policy.min_hours, Hours::AUTO);
    assert_eq!(params.policy.coverage_weeks, None);
}

#[test]
fn unknown_fields_are_all_named_with_their_paths() {
    let found = rejected(
        r#"{"version": 1, "colour": "red", "team": {"ams": 6, "amz": 3},
            "channels": {"cold_visit": {"leads_per_hour": 0.5, "saturation_hours": 8,
              "mix": {"prime": 0.1, "standard": 0.5, "marginal": 0.4}, "entry": "contacted",
              "cash_cny_per_hour": 10, "hour_share": 0.3, "speed": 2}},
            "shocks": [{"kind": "burst", "start": 20, "duration_weeks": 2, "apps_per_am": 6, "size": 1}]}"#,
    );
    for path in [
        "colour",
        "team.amz",
        "channels.cold_visit.speed",
        "shocks[0].size",
    ] {
        contains(&found, path, Rule::UnknownField);
    }
    let messages: Vec<String> = load(r#"{"version": 1, "team": {"amz": 3}}"#)
        .unwrap_err()
        .into_iter()
        .map(|e| e.message)
        .collect();
    assert!(
        messages[0].contains("`amz`") && messages[0].contains("ams"),
        "{messages:?}"
    );
}

/// Version 3 (issue 18): the optional actuals section, read and written back as it was.
#[test]
#[allow(clippy::float_cmp)] // Values read back verbatim.
fn golden_files_of_version_3_load_write_back_and_keep_their_actuals() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v3");
    for name in [
        "default.json",
        "fault-actuals.json",
        "plan-hold-actuals.json",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("golden file");
        let params = load(&text)
            .unwrap_or_else(|e| panic!("{name}: {e:#?}"))
            .params()
            .clone();
        assert_eq!(
            to_json(&params),
            text.replacen("\"version\": 3,", "\"version\": 4,", 1),
            "{name} no longer writes back identically"
        );
    }
    let fault = parse(&std::fs::read_to_string(format!("{dir}/fault-actuals.json")).expect("file"))
        .expect("parses");
    let weeks: Vec<u32> = fault.actuals.iter().map(|w| w.week).collect();
    assert_eq!(weeks, (16..=23).collect::<Vec<_>>());
    assert_eq!(fault.actuals[5].prospecting_hours, Some(0.0));
    assert_eq!(fault.actuals[7].leads, Some(13.0));
    // The same figures as the CSV file the command line reads.
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/actuals/fault-weeks-16-23.csv"
    ))
    .expect("file");
    let from_csv =
        cadence::scenario::actuals::parse(&csv, &cadence::scenario::actuals::Frame::numbered(104))
            .expect("valid");
    assert_eq!(fault.actuals, from_csv.weeks());
    // Without actuals the section is not written.
    assert!(!to_json(&presets::get("fault").expect("preset").params).contains("actuals"));
}

/// Version 4 (issue 17): the optional sources of fitted values, read and written back as they
/// were; a source naming no parameter or no date is reported at its path.
#[test]
fn golden_files_of_version_4_load_write_back_and_keep_their_sources() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/v4");
    for name in ["default.json", "calibrated-sources.json"] {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("golden file");
        let params = load(&text)
            .unwrap_or_else(|e| panic!("{name}: {e:#?}"))
            .params()
            .clone();
        assert_eq!(
            to_json(&params),
            text,
            "{name} no longer writes back identically"
        );
    }
    let text = std::fs::read_to_string(format!("{dir}/calibrated-sources.json")).expect("file");
    let params = parse(&text).expect("parses");
    assert!(params.sources.len() >= 10, "{}", params.sources.len());
    let renewal = cadence::scenario::sources::source_of(&params, "loans.renewal_prob.standard")
        .expect("a source");
    assert_eq!(renewal.file, "sample-team-loans.csv");
    assert_eq!(renewal.fitted_on, "2026-12-01");
    assert!(renewal.low < renewal.value && renewal.value < renewal.high);
    // Without sources the list is not written.
    assert!(!scenario::example().contains("sources"));
    let found = rejected(
        r#"{"version": 4, "sources": [{"path": "loans.nowhere", "value": 1, "file": "a.csv", "fitted_on": "2026-12-01", "n": 1, "low": 0, "high": 2},
            {"path": "loans.cure_per_week", "value": 0.1, "file": "a.csv", "fitted_on": "yesterday", "n": 1, "low": 0, "high": 2}]}"#,
    );
    contains(&found, "sources[0].path", Rule::UnknownField);
    contains(&found, "sources[1].fitted_on", Rule::InvalidType);
}

#[test]
fn bad_actuals_in_a_file_are_named_at_their_path() {
    let found = rejected(
        r#"{"version": 3, "actuals": [{"week": 4, "leads": -1}, {"week": 2}, {"week": 500}]}"#,
    );
    contains(&found, "actuals[0].leads", Rule::OutOfRange);
    contains(&found, "actuals[1].week", Rule::OutOfRange);
    contains(&found, "actuals[2].week", Rule::OutOfRange);
    let unknown = rejected(r#"{"version": 3, "actuals": [{"week": 4, "lead": 3}]}"#);
    assert!(
        unknown.iter().any(|(p, _)| p.starts_with("actuals[0]")),
        "{unknown:?}"
    );
}

#[test]
fn the_version_is_required_and_checked() {
    contains(
        &rejected(r#"{"team": {"ams": 6}}"#),
        "version",
        Rule::MissingField,
    );
    contains(
        &rejected(r#"{"version": 5}"#),
        "version",
        Rule::UnsupportedVersion,
    );
    contains(&rejected(r#"{"version": 1,"#), "", Rule::Syntax);
    contains(&rejected("[1, 2]"), "", Rule::InvalidType);
}

#[test]
fn an_unknown_shock_kind_is_named() {
    let found = rejected(
        r#"{"version": 1, "shocks": [{"kind": "burst", "start": 20, "duration_weeks": 2, "apps_per_am": 6},
            {"kind": "tsunami", "start": 30, "duration_weeks": 1}]}"#,
    );
    contains(&found, "shocks[1].kind", Rule::UnknownShockKind);
}

#[test]
fn every_mistyped_field_is_reported_along_with_range_errors() {
    let found = rejected(
        r#"{"version": 1, "team": {"ams": "six", "hours_per_week": 90},
            "policy": {"fixed_hours": "lots", "gain": 2},
            "loans": {"terms": [{"weeks": 13}]},
            "shocks": [{"kind": "burst", "start": "soon", "duration_weeks": 2, "apps_per_am": 6},
                       {"kind": "demand", "start": 1, "duration_weeks": 1, "mult": 2, "flows": ["tv"]},
                       {"kind": "credit", "start": 200, "duration_weeks": 1, "mult": 2}]}"#,
    );
    contains(&found, "team.ams", Rule::InvalidType);
    contains(&found, "policy.fixed_hours", Rule::InvalidType);
    contains(&found, "loans.terms[0].weight", Rule::MissingField);
    contains(&found, "shocks[0].start", Rule::InvalidType);
    contains(&found, "shocks[1].flows[0]", Rule::InvalidType);
    // Range errors of the readable rest, with indices that still match the file.
    contains(&found, "team.hours_per_week", Rule::OutOfRange);
    contains(&found, "policy.gain", Rule::OutOfRange);
    contains(&found, "shocks[2].start", Rule::ShockStartAfterHorizon);
}

#[test]
fn kind_specific_shock_fields_are_checked() {
    let found = rejected(
        r#"{"version": 1, "shocks": [{"kind": "burst", "start": 20, "duration_weeks": 2, "mult": 2},
            {"kind": "capacity", "start": 5, "duration_weeks": 1, "frac": 0.5, "flows": ["inbound"]}]}"#,
    );
    contains(&found, "shocks[0].apps_per_am", Rule::MissingField);
    contains(&found, "shocks[0].mult", Rule::UnknownField);
    contains(&found, "shocks[1].flows", Rule::UnknownField);
    let calendar =
        rejected(r#"{"version": 1, "calendar": {"kind": "none", "spring_festival_week": 6}}"#);
    contains(
        &calendar,
        "calendar.spring_festival_week",
        Rule::UnknownField,
    );
    let weekly = rejected(r#"{"version": 1, "calendar": {"kind": "weekly", "demand": [1]}}"#);
    contains(&weekly, "calendar.availability", Rule::MissingField);
    contains(&weekly, "calendar.demand", Rule::WrongLength);
}

/// The value at a JSON path like `shocks[0].start`.
fn at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = root;
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        current = current.get(key)?;
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            current = current.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(current)
}

#[test]
fn validation_errors_name_fields_that_exist_in_the_file() {
    let mut params = Params::default();
    params.team.ams = 0.5;
    params.team.init_loans_per_am = Some(-1.0);
    params.activity_hours.monitoring_per_loan[1] = 3.0;
    params.channels[5].mix = [0.5, 0.5, 0.5];
    params.channels[7].saturation_hours = 0.0;
    params.pipeline.interested.advance_per_week = 0.9;
    params.referrals.homophily[2][1] = -0.5;
    params.loans.terms[3].weeks = 13.0;
    params.policy.kind = PolicyKind::TargetPipeline;
    params.policy.gain = 3.0;
    params.policy.coverage_weeks = Some(0.0);
    params.fault.window_start = Some(500.0);
    params.shocks.push(cadence::engine::params::Shock {
        start: -1.0,
        duration_weeks: 0.0,
        kind: cadence::engine::params::ShockKind::Demand {
            mult: 11.0,
            flows: None,
        },
    });
    let file: Value = serde_json::from_str(&to_json(&params)).unwrap();
    let errors = validate(&params).unwrap_err();
    assert!(errors.len() >= 12, "{errors:#?}");
    for error in errors {
        assert!(
            at(&file, &error.param).is_some(),
            "{} is not a path of the file",
            error.param
        );
    }
}

/// Issue 13: a value of the wrong JSON type says what the field takes in words ("a number", "a
/// whole number", "a list", "one of …") and what it got, never a Rust type name; the rule stays
/// `invalid_type` and the path is the field's.
#[test]
fn a_mistyped_value_says_what_the_field_takes_in_words() {
    let Err(errors) = load(
        r#"{"version": 1,
            "team": {"ams": "six", "init": 3, "init_loans_per_am": "x", "horizon_weeks": null},
            "run": {"seed": -1, "runs": true, "mode": "fast"},
            "activity_hours": {"investigation": 5},
            "channels": {"flyer": [1, 2]},
            "loans": {"terms": {"weeks": 1}, "amount_cny": {"prime": "1", "standard": 1, "marginal": 1}},
            "calendar": {"kind": "weekly", "demand": "x", "availability": [1, "a"]},
            "shocks": [{"kind": 5, "start": 1, "duration_weeks": 1},
                       {"kind": "burst", "start": 1, "duration_weeks": "2", "apps_per_am": 1, "mix": 3}],
            "policy": {"gain": "high", "kind": 1},
            "fault": {"window_start": "a"}}"#,
    ) else {
        panic!("rejected");
    };
    let message = |param: &str| {
        let error = errors
            .iter()
            .find(|e| e.param == param)
            .unwrap_or_else(|| panic!("{param} in {errors:#?}"));
        assert_eq!(error.rule, Rule::InvalidType, "{param}");
        error.message.as_str()
    };
    assert_eq!(
        message("team.ams"),
        r#"expected a whole number (got "six")"#
    );
    assert_eq!(
        message("team.horizon_weeks"),
        "expected a whole number (got null)"
    );
    assert_eq!(
        message("team.init_loans_per_am"),
        r#"expected a number (got "x")"#
    );
    assert_eq!(
        message("team.init"),
        r#"expected one of "steady", "empty", "custom" (got 3)"#
    );
    assert_eq!(
        message("run.mode"),
        r#"expected one of "ev", "mc" (got "fast")"#
    );
    assert_eq!(message("run.runs"), "expected a whole number (got true)");
    assert!(message("run.seed").starts_with("expected a whole number from 0 to "));
    assert_eq!(
        message("activity_hours.investigation"),
        "expected an object with marginal, prime, standard (got 5)"
    );
    assert!(message("channels.flyer").starts_with("expected an object with "));
    assert_eq!(
        message("loans.terms"),
        r#"expected a list (got {"weeks":1})"#
    );
    assert_eq!(
        message("loans.amount_cny.prime"),
        r#"expected a number (got "1")"#
    );
    assert_eq!(message("calendar.demand"), r#"expected a list (got "x")"#);
    assert_eq!(
        message("calendar.availability[1]"),
        r#"expected a number (got "a")"#
    );
    assert!(message("shocks[0].kind").starts_with(r#"expected one of "burst", "demand", "#));
    assert_eq!(
        message("shocks[1].duration_weeks"),
        r#"expected a whole number (got "2")"#
    );
    assert!(message("shocks[1].mix").starts_with("expected an object with "));
    assert_eq!(message("policy.gain"), r#"expected a number (got "high")"#);
    assert!(message("policy.kind").starts_with(r#"expected one of "fixed", "#));
    assert_eq!(
        message("fault.window_start"),
        r#"expected a whole number (got "a")"#
    );
    for error in errors.iter().filter(|e| e.rule == Rule::InvalidType) {
        for rust in [
            "f64",
            "u64",
            "u32",
            "struct",
            "File",
            "string or map",
            "sequence",
            "invalid type",
        ] {
            assert!(
                !error.message.contains(rust),
                "{}: {}",
                error.param,
                error.message
            );
        }
    }
}

#[test]
fn a_week_of_the_year_starts_on_its_monday_nearest_to_the_day_given() {
    use cadence::scenario::nearest_week_start;
    use chrono::{Datelike, NaiveDate, Weekday};
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    // Week 1 seen in December is the coming January, not the last one.
    assert_eq!(nearest_week_start(1.0, day(2026, 12, 7)), day(2027, 1, 4));
    assert_eq!(
        nearest_week_start(49.0, day(2026, 12, 7)),
        day(2026, 11, 30)
    );
    assert_eq!(nearest_week_start(1.0, day(2026, 6, 1)), day(2025, 12, 29));
    assert_eq!(
        nearest_week_start(f64::NAN, day(2026, 6, 1)),
        day(2025, 12, 29)
    );
    for offset in 0..800 {
        let around = day(2025, 1, 1) + chrono::Duration::days(offset);
        for week in [1_u32, 13, 26, 40, 52] {
            let start = nearest_week_start(f64::from(week), around);
            assert_eq!(start.weekday(), Weekday::Mon);
            assert_eq!(start.iso_week().week(), week);
            assert!(
                (start - around).num_days().abs() <= 186,
                "{around} {week} {start}"
            );
        }
    }
}
