//! The version check and upgrade chain every versioned file goes through before it is read.
//!
//! A file says which format version wrote it (`"version": n`). A file of the current version is read
//! as is; an older one is upgraded one version at a time by the format's chain of [`Upgrade`]s, so
//! the reader of the current version is the only reader there is, and the caller learns which
//! version the file came from so the page can say it was migrated. A newer version, or no version,
//! is refused with a typed error rather than guessed at. Scenario files, library files, the
//! autosaved workspace and share links each have their own chain (the scenario's version 2 added
//! its optional plan goal, version 3 its optional actuals, version 4 its optional sources; library 3
//! added entry ids).

use serde_json::{Map, Value};

use crate::engine::validate::{ParamError, ParamValue, Rule};

/// Turns the fields of a file of version *n* into the fields of version *n* + 1, or says why not.
pub type Upgrade = fn(Map<String, Value>) -> Result<Map<String, Value>, String>;

/// The step of a version that only added optional fields (or changed what it embeds, which
/// upgrades itself): the fields stay as they are. Version 2 of every format is such a step — the
/// scenario gained its optional `plan`, and the library, workspace and link files embed scenarios
/// of version 2 — and so are the scenario's version 3 (its optional `actuals`) with the library's
/// 4, the workspace's 3 and the link's 3 that embed it, and the scenario's version 4 (its optional
/// `sources`) with the library's 5, the workspace's 4 and the link's 4.
#[allow(clippy::unnecessary_wraps)] // Every step of a chain may fail.
pub fn same_fields(fields: Map<String, Value>) -> Result<Map<String, Value>, String> {
    Ok(fields)
}

/// A file brought up to the current version.
#[derive(Debug, Clone, PartialEq)]
pub struct Upgraded {
    pub value: Value,
    /// The version the file was written in, when it was older than the current one.
    pub migrated_from: Option<u32>,
}

/// Checks `value`'s `"version"` and upgrades it to `current`: `upgrades[i]` turns version `i + 1`
/// into version `i + 2`, so `upgrades.len()` is `current - 1`. `what` names the file in messages
/// ("scenario file", "library file").
pub fn upgrade(
    value: Value,
    current: u32,
    upgrades: &[Upgrade],
    what: &str,
) -> Result<Upgraded, Vec<ParamError>> {
    let Value::Object(mut fields) = value else {
        return Err(vec![problem(
            "",
            value_text(&value),
            Rule::InvalidType,
            format!("a {what} is a JSON object"),
        )]);
    };
    let version = match fields.get("version") {
        None => {
            return Err(vec![problem(
                "version",
                String::new(),
                Rule::MissingField,
                format!(
                    "the {what} must say which format version it uses (\"version\": {current})"
                ),
            )])
        }
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if (1..=current).contains(&n) => n,
            Some(n) if n > current => {
                return Err(vec![problem(
                    "version",
                    v.to_string(),
                    Rule::UnsupportedVersion,
                    format!(
                        "this {what} was {NEWER} (format version {n}); this page reads \
                         versions 1 to {current}"
                    ),
                )])
            }
            _ => {
                return Err(vec![problem(
                    "version",
                    value_text(v),
                    Rule::UnsupportedVersion,
                    format!("the {what}'s version must be a whole number from 1 to {current}"),
                )])
            }
        },
    };
    for (from, step) in (version..current).zip(upgrades.iter().skip(version as usize - 1)) {
        fields = step(fields).map_err(|message| {
            vec![problem(
                "version",
                from.to_string(),
                Rule::UnsupportedVersion,
                format!("this {what} of version {from} could not be updated: {message}"),
            )]
        })?;
        fields.insert("version".to_owned(), Value::from(from + 1));
    }
    Ok(Upgraded {
        value: Value::Object(fields),
        migrated_from: (version < current).then_some(version),
    })
}

/// Whether these problems say the file (or a part of it) was written by a newer Cadence, rather
/// than that it is damaged: it is then named as such, and left for that version to read.
#[must_use]
pub fn is_newer(errors: &[ParamError]) -> bool {
    errors
        .iter()
        .any(|e| e.rule == Rule::UnsupportedVersion && e.message.contains(NEWER))
}

/// The words every "written by a newer version" message carries.
const NEWER: &str = "written by a newer version of Cadence";

/// A short rendering of a JSON value for an error: long values are cut so a message stays readable.
fn value_text(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

fn problem(param: &str, value: String, rule: Rule, message: String) -> ParamError {
    ParamError {
        param: param.to_owned(),
        value: ParamValue::Text(value),
        rule,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A made-up format history: version 1 called the team size `people`, version 2 renamed it to
    /// `ams`, version 3 added a required `mode`. The real chains are empty until a version 2 ships;
    /// this one proves the mechanism they will use.
    fn rename_people(mut fields: Map<String, Value>) -> Result<Map<String, Value>, String> {
        let people = fields
            .remove("people")
            .ok_or_else(|| "`people` is missing".to_owned())?;
        fields.insert("ams".to_owned(), people);
        Ok(fields)
    }

    #[allow(clippy::unnecessary_wraps)] // The signature is `Upgrade`'s.
    fn add_mode(mut fields: Map<String, Value>) -> Result<Map<String, Value>, String> {
        fields.insert("mode".to_owned(), json!("ev"));
        Ok(fields)
    }

    const CHAIN: &[Upgrade] = &[rename_people, add_mode];

    fn rules(result: Result<Upgraded, Vec<ParamError>>) -> Vec<(String, Rule)> {
        result
            .expect_err("refused")
            .into_iter()
            .map(|e| (e.param, e.rule))
            .collect()
    }

    #[test]
    fn the_current_version_passes_through_untouched() {
        let file = json!({"version": 3, "ams": 4, "mode": "mc"});
        let read = upgrade(file.clone(), 3, CHAIN, "test file").expect("current");
        assert_eq!(read.value, file);
        assert_eq!(read.migrated_from, None);
    }

    #[test]
    fn older_versions_climb_the_chain_one_step_at_a_time() {
        let read =
            upgrade(json!({"version": 1, "people": 4}), 3, CHAIN, "test file").expect("upgraded");
        assert_eq!(read.value, json!({"version": 3, "ams": 4, "mode": "ev"}));
        assert_eq!(read.migrated_from, Some(1));
        let read =
            upgrade(json!({"version": 2, "ams": 5}), 3, CHAIN, "test file").expect("upgraded");
        assert_eq!(read.value, json!({"version": 3, "ams": 5, "mode": "ev"}));
        assert_eq!(read.migrated_from, Some(2));
    }

    #[test]
    fn a_failed_step_names_the_version_it_could_not_leave() {
        let errors =
            upgrade(json!({"version": 1}), 3, CHAIN, "test file").expect_err("cannot upgrade");
        assert_eq!(errors[0].rule, Rule::UnsupportedVersion);
        assert!(errors[0].message.contains("version 1"), "{}", errors[0]);
    }

    #[test]
    fn newer_missing_and_nonsense_versions_are_refused() {
        let versions = [
            json!(4),
            json!(0),
            json!(-1),
            json!(1.5),
            json!("1"),
            json!(null),
        ];
        for version in versions {
            assert_eq!(
                rules(upgrade(json!({ "version": version }), 3, CHAIN, "f")),
                vec![("version".to_owned(), Rule::UnsupportedVersion)],
                "{version}"
            );
        }
        assert_eq!(
            rules(upgrade(json!({}), 3, CHAIN, "f")),
            vec![("version".to_owned(), Rule::MissingField)]
        );
        assert_eq!(
            rules(upgrade(json!([1, 2]), 3, CHAIN, "f")),
            vec![(String::new(), Rule::InvalidType)]
        );
        let newer = upgrade(json!({"version": 9}), 3, CHAIN, "f").expect_err("newer");
        assert!(newer[0].message.contains("newer"), "{}", newer[0]);
    }
}
