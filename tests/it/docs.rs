//! docs/scenario-format.md's parameter tables are generated from the engine's parameter spec:
//! this test fails, with a diff and the command that regenerates them, while they differ.
//!
//! Regenerate: `CADENCE_UPDATE_DOCS=1 cargo test --test it docs`.

use std::fmt::Write as _;

use cadence::scenario::spec_out;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scenario-format.md");
const REGENERATE: &str = "CADENCE_UPDATE_DOCS=1 cargo test --test it docs";

/// The lines of `old` and `new` as a diff: `-` only in the docs, `+` only in the spec.
pub(crate) fn diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // Longest common subsequence, from the end, so the walk below can go forwards.
    let mut common = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || common[i][j + 1] >= common[i + 1][j]) {
            let _ = writeln!(out, "+ {}", b[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "- {}", a[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn the_docs_parameter_tables_are_the_specs() {
    let doc = std::fs::read_to_string(DOC).expect("docs/scenario-format.md");
    let generated = spec_out::update_docs(&doc).unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("CADENCE_UPDATE_DOCS").is_some() {
        std::fs::write(DOC, &generated).expect("docs written");
        return;
    }
    assert!(
        doc == generated,
        "docs/scenario-format.md's parameter tables differ from src/engine/spec.rs \
         (- docs, + spec):\n{}\nRegenerate them with `{REGENERATE}`.",
        diff(&doc, &generated)
    );
}

#[test]
fn the_docs_have_a_table_for_every_group_of_the_spec() {
    let doc = std::fs::read_to_string(DOC).expect("docs/scenario-format.md");
    for group in spec_out::groups() {
        let begin = doc.find(&spec_out::begin_marker(group));
        let end = doc.find(&spec_out::end_marker(group));
        assert!(
            matches!((begin, end), (Some(b), Some(e)) if b < e),
            "{group} has no generated table"
        );
    }
    // A table that was edited by hand is found out, with the command that fixes it.
    let edited = doc.replacen(
        "| `team.ams` | whole | 1–200 |",
        "| `team.ams` | whole | 0–200 |",
        1,
    );
    assert!(edited != doc, "the docs have no generated `team.ams` row");
    let regenerated = spec_out::update_docs(&edited).expect("markers");
    assert_eq!(regenerated, spec_out::update_docs(&doc).expect("markers"));
    assert!(diff(&edited, &regenerated).contains("- | `team.ams` | whole | 0–200 |"));
}

/// The `plan` section is written by hand (its ranges live in `engine::goal`): every field a scenario
/// file's plan can carry has a row, and every row names a field that exists.
#[test]
fn the_docs_describe_every_field_of_the_plan_section() {
    use cadence::engine::goal::{PlanGoal, TargetPath};
    let doc = std::fs::read_to_string(DOC).expect("docs/scenario-format.md");
    let mut goal = PlanGoal::hold(120.0, 40.0);
    goal.target = TargetPath::Growth {
        loans_per_am: 130.0,
        by_week: 26.0,
    };
    goal.cash_budget_cny = Some(500.0);
    let params = cadence::engine::Params {
        plan: Some(goal),
        ..cadence::engine::Params::default()
    };
    let json: serde_json::Value =
        serde_json::from_str(&cadence::scenario::to_json(&params)).expect("scenario JSON");
    let fields: Vec<&String> = json["plan"]
        .as_object()
        .expect("a plan section")
        .keys()
        .collect();
    assert!(fields.len() >= 14, "{fields:?}");
    for field in &fields {
        assert!(
            doc.contains(&format!("| `plan.{field}` |")),
            "docs/scenario-format.md has no row for `plan.{field}`"
        );
    }
    let rows = doc.matches("| `plan.").count();
    assert_eq!(
        rows,
        fields.len(),
        "a `plan.` row names no field of the file"
    );
}

/// The `actuals` section (issue 18) is written by hand: every field a reported week can carry has
/// a row, and every row names a field that exists.
#[test]
fn the_docs_describe_every_field_of_the_actuals_section() {
    use cadence::engine::actuals::WeekActuals;
    let doc = std::fs::read_to_string(DOC).expect("docs/scenario-format.md");
    let params = cadence::engine::Params {
        actuals: vec![WeekActuals {
            week: 3,
            new_loans: Some(1.0),
            applications: Some(1.0),
            approvals: Some(1.0),
            prospecting_hours: Some(1.0),
            prospecting_hours_by_channel: None,
            leads: Some(1.0),
            active_loans: Some(1.0),
        }],
        ..cadence::engine::Params::default()
    };
    let json: serde_json::Value =
        serde_json::from_str(&cadence::scenario::to_json(&params)).expect("scenario JSON");
    let fields: Vec<&String> = json["actuals"][0]
        .as_object()
        .expect("an actuals entry")
        .keys()
        .collect();
    assert_eq!(fields.len(), 7, "{fields:?}");
    for field in &fields {
        assert!(
            doc.contains(&format!("| `actuals.{field}` |")),
            "docs/scenario-format.md has no row for `actuals.{field}`"
        );
    }
    assert_eq!(
        doc.matches("| `actuals.").count(),
        fields.len(),
        "an `actuals.` row names no field of the file"
    );
}

/// The `sources` list (issue 17) is written by hand: every field a source carries has a row, and
/// every row names a field that exists.
#[test]
fn the_docs_describe_every_field_of_the_sources_list() {
    use cadence::engine::params::ParamSource;
    let doc = std::fs::read_to_string(DOC).expect("docs/scenario-format.md");
    let params = cadence::engine::Params {
        sources: vec![ParamSource {
            path: "loans.cure_per_week".to_owned(),
            value: 0.1,
            file: "book.csv".to_owned(),
            fitted_on: "2026-12-01".to_owned(),
            n: 10.0,
            low: 0.05,
            high: 0.2,
        }],
        ..cadence::engine::Params::default()
    };
    let json: serde_json::Value =
        serde_json::from_str(&cadence::scenario::to_json(&params)).expect("scenario JSON");
    let fields: Vec<&String> = json["sources"][0]
        .as_object()
        .expect("a source")
        .keys()
        .collect();
    assert_eq!(fields.len(), 7, "{fields:?}");
    for field in &fields {
        assert!(
            doc.contains(&format!("| `sources.{field}` |")),
            "docs/scenario-format.md has no row for `sources.{field}`"
        );
    }
    assert_eq!(
        doc.matches("| `sources.").count(),
        fields.len(),
        "a `sources.` row names no field of the file"
    );
}
