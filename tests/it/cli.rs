//! The `cadence` command line: golden summaries of every preset (insta snapshots), the fault of
//! the issue's "done means", Monte Carlo mode, CSV export and the exit status of invalid files.

use std::path::PathBuf;
use std::process::{Command, Output};

use cadence::engine::{presets, Params};
use serde_json::Value;

fn cadence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cadence"))
        .args(args)
        .output()
        .expect("the cadence binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn summary(args: &[&str]) -> Value {
    let output = cadence(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout(&output)).expect("a JSON summary")
}

/// A file in a fresh temporary directory for this test.
fn temp_file(test: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cadence-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn every_preset_summary_matches_its_snapshot() {
    for preset in presets::all() {
        let output = cadence(&["run", &format!("preset:{}", preset.id())]);
        assert!(output.status.success(), "{}", preset.id());
        insta::assert_snapshot!(format!("preset_{}", preset.id()), stdout(&output));
    }
}

#[test]
fn a_monte_carlo_summary_matches_its_snapshot() {
    let output = cadence(&[
        "run",
        "preset:fault",
        "--mode",
        "mc",
        "--runs",
        "20",
        "--seed",
        "42",
    ]);
    assert!(output.status.success());
    insta::assert_snapshot!("preset_fault_mc_20_runs", stdout(&output));
}

#[test]
fn the_fault_preset_reports_the_fault_and_fixed_cadence_none() {
    let fault = summary(&["run", "preset:fault"]);
    let depth = fault["fault"]["depth"].as_f64().unwrap();
    assert!((depth - 0.52).abs() < 0.005, "depth {depth}");
    assert_eq!(fault["fault"]["delay_weeks"], 7);
    for key in ["h_star", "a_star", "a_max", "a_break_even", "warnings"] {
        assert!(!fault[key].is_null(), "{key}");
    }
    for key in ["onset_weeks", "duration_weeks", "lost_new_loans"] {
        assert!(!fault["fault"][key].is_null(), "{key}");
    }

    // The same scenario under policy (a).
    let mut params = presets::get("fault").unwrap().params;
    params.policy.kind = cadence::engine::params::PolicyKind::Fixed;
    let file = temp_file("policy-a", "fault-a.json");
    std::fs::write(&file, cadence::scenario::to_json(&params)).unwrap();
    let fixed = summary(&["run", file.to_str().unwrap()]);
    assert_eq!(fixed["fault"]["depth"].as_f64(), Some(0.0));
    assert!(fixed["fault"]["delay_weeks"].is_null());
}

#[test]
fn a_scenario_without_shocks_has_no_fault() {
    let steady = summary(&["run", "preset:steady"]);
    assert!(steady["fault"].is_null());
}

#[test]
fn an_invalid_file_exits_2_with_every_error_on_stderr_and_nothing_on_stdout() {
    let file = temp_file("invalid", "bad.json");
    std::fs::write(
        &file,
        r#"{"version": 1, "team": {"ams": 0, "amz": 1, "hours_per_week": 90},
            "shocks": [{"kind": "burst", "start": 500, "duration_weeks": 0, "apps_per_am": 6}]}"#,
    )
    .unwrap();
    let output = cadence(&["run", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let errors: Value = serde_json::from_slice(&output.stderr).expect("errors as JSON");
    let params: Vec<&str> = errors["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["param"].as_str().unwrap())
        .collect();
    for expected in [
        "team.amz",
        "team.ams",
        "team.hours_per_week",
        "shocks[0].start",
        "shocks[0].duration_weeks",
    ] {
        assert!(
            params.contains(&expected),
            "{expected} missing from {params:?}"
        );
    }
    let first = &errors["errors"][0];
    for key in ["param", "value", "rule", "message"] {
        assert!(!first[key].is_null(), "{key}");
    }
}

#[test]
fn flags_are_validated_like_the_file() {
    let output = cadence(&["run", "preset:steady", "--runs", "5", "--mode", "mc"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("run.runs"));
}

#[test]
fn usage_errors_exit_1() {
    assert_eq!(cadence(&["run", "preset:nope"]).status.code(), Some(1));
    assert_eq!(cadence(&["run"]).status.code(), Some(1));
    assert_eq!(
        cadence(&["run", "preset:steady", "--mode", "fast"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(cadence(&["frobnicate"]).status.code(), Some(1));
    assert_eq!(
        cadence(&["run", "/no/such/file.json"]).status.code(),
        Some(1)
    );
}

#[test]
fn presets_lists_every_id_with_its_title() {
    let listing = stdout(&cadence(&["presets"]));
    for preset in presets::all() {
        assert!(
            listing
                .lines()
                .any(|line| line.starts_with(preset.id()) && line.ends_with(preset.text.title)),
            "{listing}"
        );
    }
    assert_eq!(listing.lines().count(), 7);
}

#[test]
fn example_writes_the_default_scenario() {
    let text = stdout(&cadence(&["example"]));
    assert_eq!(cadence::scenario::parse(&text).unwrap(), Params::default());
}

#[test]
fn csv_has_one_row_per_week_with_the_required_columns() {
    let file = temp_file("csv", "weeks.csv");
    let output = cadence(&["run", "preset:fault", "--csv", file.to_str().unwrap()]);
    assert!(output.status.success());
    let csv = std::fs::read_to_string(&file).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for column in [
        "week",
        "active_loans",
        "new_loans",
        "renewals",
        "prospecting_hours",
        "applications_waiting",
        "profit",
    ] {
        assert!(header.contains(&column), "{column} missing");
    }
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 104);
    assert!(rows
        .iter()
        .all(|row| row.split(',').count() == header.len()));
    assert!(rows[0].starts_with("0,1,"));

    let mc_file = temp_file("csv", "mc.csv");
    let mc = cadence(&[
        "run",
        "preset:steady",
        "--mode",
        "mc",
        "--runs",
        "10",
        "--csv",
        mc_file.to_str().unwrap(),
    ]);
    assert!(mc.status.success());
    let mc_csv = std::fs::read_to_string(&mc_file).unwrap();
    let mc_header = mc_csv.lines().next().unwrap();
    assert!(mc_header
        .starts_with("week,active_loans,active_loans_p10,active_loans_p50,active_loans_p90"));
    assert_eq!(mc_csv.lines().count(), 105);
}

// ── cadence plan (issue #6) ──

#[test]
fn the_default_plan_matches_its_snapshot() {
    // A start date of its own, so the snapshot does not follow the day the test runs.
    let output = cadence(&["plan", "preset:steady", "--start-date", "2027-01-04"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    insta::assert_snapshot!("plan_steady", stdout(&output));
}

#[test]
fn a_plan_for_150_per_am_reports_the_hours_budget_and_the_closest_plan() {
    let output = cadence(&[
        "plan",
        "preset:steady",
        "--target",
        "150",
        "--start-date",
        "2027-01-04",
    ]);
    assert!(output.status.success());
    insta::assert_snapshot!("plan_steady_target_150", stdout(&output));
    let plan: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(plan["feasible"], false);
    assert_eq!(plan["shortfall"]["kind"], "capacity_over");
    assert_eq!(plan["shortfall"]["limit"], 40.0);
    let needed = plan["shortfall"]["reachable"].as_f64().unwrap();
    assert!(needed > 40.0 && needed < 45.0, "{needed}");
    // No "mix the goal would need" with hours no week has (issue 14): the limit and the gap say it.
    assert!(plan.get("needed_mix").is_none());
    assert_eq!(plan["verdict"]["met"], false);
    let closest = plan["mix"]["loans_per_am"].as_f64().unwrap();
    assert!(closest > 134.6 && closest < 150.0, "{closest}");
    assert_eq!(plan["mix"]["hours_total"], 40.0);
    assert_eq!(plan["current_mix"]["within_hours_budget"], false);
}

#[test]
fn a_plan_writes_its_csv_and_calendar_files() {
    let csv = temp_file("plan-files", "plan.csv");
    let ics = temp_file("plan-files", "plan.ics");
    let output = cadence(&[
        "plan",
        "preset:festival",
        "--target",
        "120",
        "--weeks",
        "52",
        "--start-date",
        "2027-01-04",
        "--lang",
        "zh",
        "--csv",
        csv.to_str().unwrap(),
        "--ics",
        ics.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(plan["feasible"], true);
    let gap = plan["verdict"]["end_gap"].as_f64().unwrap();
    assert!(gap.abs() < 0.02, "{gap}");
    assert_eq!(plan["weeks"].as_array().unwrap().len(), 52);
    let csv = std::fs::read_to_string(&csv).unwrap();
    let body = csv.strip_prefix('\u{feff}').expect("BOM");
    assert!(body.starts_with("计划周次,周起始日期,"));
    assert_eq!(
        body.lines().count(),
        54,
        "a header, 52 weeks and the totals"
    );
    assert!(body.lines().nth(1).unwrap().starts_with("1,2027-01-04,"));
    let ics = std::fs::read_to_string(&ics).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("END:VEVENT").count()
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:20270104"));
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        52,
        "one event per week"
    );
}

#[test]
fn a_scenario_carries_its_plan_goal_to_the_command_line() {
    // Issue 14: the goal saved with the scenario is the plan the command line makes.
    let file = temp_file("plan-goal", "scenario.json");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/v2/plan-hold.json"
    ))
    .unwrap();
    std::fs::write(&file, text).unwrap();
    let output = cadence(&["plan", file.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(plan["goal"]["target_loans_per_am"], 130.0);
    // An option overrides the file's goal.
    let output = cadence(&[
        "plan",
        file.to_str().unwrap(),
        "--target",
        "125",
        "--keep-mix",
    ]);
    let plan: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(plan["goal"]["target_loans_per_am"], 125.0);
    assert_eq!(plan["goal"]["mix"], "keep");
}

#[test]
fn an_invalid_goal_exits_2_with_the_goal_fields() {
    let output = cadence(&[
        "plan",
        "preset:steady",
        "--target",
        "0",
        "--max-hours",
        "45",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let errors: Value = serde_json::from_slice(&output.stderr).expect("errors as JSON");
    let params: Vec<&str> = errors["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["param"].as_str().unwrap())
        .collect();
    assert_eq!(params, ["goal.target", "goal.max_prospecting_hours"]);
}

#[test]
fn plan_usage_errors_exit_1() {
    assert_eq!(cadence(&["plan"]).status.code(), Some(1));
    assert_eq!(
        cadence(&["plan", "preset:steady", "--target", "many"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        cadence(&["plan", "preset:steady", "--start-date", "2027-01-05"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        cadence(&["plan", "preset:steady", "--objective", "fun"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn params_lists_every_parameter_of_the_spec() {
    let listing = summary(&["params"]);
    let rows = listing["parameters"].as_array().expect("a list");
    assert_eq!(rows.len(), cadence::engine::spec::SPEC.len());
    let ams = rows
        .iter()
        .find(|r| r["path"] == "team.ams")
        .expect("team.ams");
    assert_eq!(ams["kind"], "whole");
    assert_eq!(ams["min"]["value"], 1);
    assert_eq!(ams["max"]["value"], 200);
    assert_eq!(ams["default"], 6);
    let saturation = rows
        .iter()
        .find(|r| r["path"] == "channels.{channel}.saturation_hours")
        .expect("saturation");
    assert_eq!(saturation["min"]["open"], true);
    let fixed = rows
        .iter()
        .find(|r| r["path"] == "policy.fixed_hours")
        .expect("fixed hours");
    assert_eq!(fixed["max"]["reads"], "team.hours_per_week");
    let markdown = stdout(&cadence(&["params", "--markdown"]));
    for group in cadence::scenario::spec_out::groups() {
        assert!(
            markdown.contains(&cadence::scenario::spec_out::markdown(group)),
            "{group}"
        );
    }
    assert_eq!(cadence(&["params", "--json"]).status.code(), Some(1));
}

/// Issue 22: an endless input (`/dev/zero`) or an oversized file is refused with a clear message
/// and exit 1, without reading it all; a file that is not text is refused the same way.
#[test]
fn issue_22_oversized_or_endless_input_is_refused_with_exit_1() {
    let out = cadence(&["run", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("larger than 5 MB"), "{stderr}");
    assert!(out.stdout.is_empty());
    let dir = std::env::temp_dir().join(format!("cadence-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let binary = dir.join("binary.json");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x7b]).expect("written");
    let out = cadence(&["run", binary.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    std::fs::remove_dir_all(&dir).expect("cleaned");
}

/// A golden actuals file under `tests/golden/actuals/`.
fn actuals_file(name: &str) -> String {
    format!("{}/tests/golden/actuals/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn track_sets_eight_weeks_of_the_fault_beside_the_scenario_and_warns_in_words() {
    let out = summary(&[
        "track",
        "preset:fault",
        "--actuals",
        &actuals_file("fault-weeks-16-23.csv"),
    ]);
    assert_eq!(out["compared_with"], "scenario");
    let weeks = out["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 8);
    // The file is the EV run rounded as a team reports it: the gaps are rounding only.
    for week in weeks {
        let gap = week["gap"]["new_loans"].as_f64().expect("a new-loans gap");
        assert!(gap.abs() <= 0.5, "week {}: gap {gap}", week["week"]);
    }
    // Prospecting stops in week 21; the trough of new loans is week 27 (MODEL.md 13).
    let first = out["first_warning_week"].as_u64().expect("a warning");
    assert!(first <= 23, "first warning in week {first}");
    let words = out["first_warning"].as_str().expect("the warning in words");
    assert!(
        words.contains("prospecting") && words.contains("new loans fall"),
        "{words}"
    );
    assert!(weeks.iter().take(5).all(|w| w["warning"] == false));
}

#[test]
fn track_against_a_plan_compares_with_the_plan_s_weeks() {
    let scenario = format!(
        "{}/tests/golden/v2/plan-hold.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = summary(&[
        "track",
        &scenario,
        "--actuals",
        &actuals_file("steady-weeks-0-5.csv"),
    ]);
    assert_eq!(out["compared_with"], "plan");
    assert_eq!(out["weeks"].as_array().map(Vec::len), Some(6));
    assert!(
        out["first_warning_week"].is_null(),
        "{}",
        out["first_warning"]
    );
}

#[test]
fn track_refuses_bad_actuals_with_every_problem_in_words() {
    let output = cadence(&[
        "track",
        "preset:fault",
        "--actuals",
        &actuals_file("bad-cells.csv"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "row 2, new_loans: \"eight\" is not a number",
        "row 3, prospecting_hours: -3 is negative",
        "row 4, week: week 2 comes after week 2",
        "row 5, week: week 200 is beyond the scenario's horizon",
        "row 6: the row has 2 cells but the header has 4 columns",
    ] {
        assert!(
            stderr.contains(expected),
            "{expected} missing from:\n{stderr}"
        );
    }
    let output = cadence(&[
        "track",
        "preset:fault",
        "--actuals",
        &actuals_file("bad-header.csv"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("header, cold_calls: unknown column \"cold_calls\""),
        "{stderr}"
    );
    let output = cadence(&["track", "preset:fault"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn track_against_a_plan_re_plans_from_the_book_reported_in_its_last_week() {
    let scenario = format!(
        "{}/tests/golden/v2/plan-hold.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = summary(&[
        "track",
        &scenario,
        "--actuals",
        &actuals_file("steady-weeks-0-5.csv"),
    ]);
    let replan = &out["replan"];
    assert_eq!(replan["from_week"], 6);
    let weeks = replan["hours"].as_array().expect("the re-plan's weeks");
    assert!(!weeks.is_empty());
    assert!(weeks.iter().all(|h| h.as_f64().is_some_and(|h| h >= 0.0)));
    println!(
        "re-plan from week 6: {} weeks solved in {} ms, meets the goal: {}",
        weeks.len(),
        replan["solve_ms"],
        replan["meets_goal"]
    );
    // A scenario without a plan section has nothing to re-plan.
    let plain = summary(&[
        "track",
        "preset:fault",
        "--actuals",
        &actuals_file("fault-weeks-16-23.csv"),
    ]);
    assert!(plain.get("replan").is_none());
}

#[test]
fn issue_21_sensitivity_of_the_steady_preset_matches_its_snapshot() {
    let output = cadence(&["sensitivity", "preset:steady"]);
    assert!(output.status.success());
    insta::assert_snapshot!("sensitivity_steady", stdout(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let bars = json["bars"].as_array().expect("bars");
    assert_eq!(bars.len(), 16);
    let swings: Vec<f64> = bars
        .iter()
        .map(|b| b["swing"].as_f64().expect("swing"))
        .collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("tornado of 16 levers"), "{stderr}");
}

#[test]
fn issue_21_sensitivity_writes_csv_and_refuses_bad_options() {
    let path = temp_file("sensitivity", "tornado.csv");
    let output = cadence(&[
        "sensitivity",
        "preset:fault",
        "--outcome",
        "fault_depth",
        "--csv",
        path.to_str().expect("path"),
    ]);
    assert!(output.status.success());
    let csv = std::fs::read_to_string(&path).expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 17);
    assert!(lines[0].starts_with("lever,outcome,base,"));
    assert!(lines[1].contains(",fault_depth,"));
    for args in [
        &["sensitivity"][..],
        &["sensitivity", "preset:steady", "--outcome", "joy"],
        &["sensitivity", "preset:steady", "--spread", "2"],
        &["sensitivity", "preset:nowhere"],
    ] {
        let output = cadence(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn issue_21_sobol_indices_name_the_lever_to_measure_next() {
    let json = summary(&[
        "sensitivity",
        "preset:steady",
        "--outcome",
        "h_star",
        "--sobol",
        "16",
        "--seed",
        "3",
    ]);
    let sobol = &json["sobol"];
    assert_eq!(sobol["n"], 16);
    assert_eq!(sobol["kept"], 16);
    assert_eq!(sobol["evaluations"], 16 * 18 + 2 * 16);
    let indices = sobol["indices"].as_array().expect("indices");
    assert_eq!(indices.len(), 16);
    let margin = indices
        .iter()
        .find(|i| i["lever"] == "margin")
        .expect("margin");
    assert_eq!(
        margin["total"].as_f64(),
        Some(0.0),
        "h* does not read the margin"
    );
    let best = indices
        .iter()
        .max_by(|a, b| {
            a["total"]
                .as_f64()
                .partial_cmp(&b["total"].as_f64())
                .expect("cmp")
        })
        .expect("a lever");
    assert_eq!(sobol["measure_next"], best["lever"]);
    let narrowing = &sobol["narrowing"];
    assert_eq!(narrowing["lever"], best["lever"]);
    assert_eq!(narrowing["from_spread"], 0.2);
    assert_eq!(narrowing["to_spread"], 0.05);
    let (before, after) = (
        narrowing["sd_before"].as_f64().expect("before"),
        narrowing["sd_after"].as_f64().expect("after"),
    );
    let reduction = narrowing["reduction"].as_f64().expect("reduction");
    assert!(after < before && (reduction - (1.0 - after / before)).abs() < 1e-3);
    let again = summary(&[
        "sensitivity",
        "preset:steady",
        "--outcome",
        "h_star",
        "--sobol",
        "16",
        "--seed",
        "3",
    ]);
    assert_eq!(json, again, "the same seed gives the same indices");
}
