//! The scenario file format: versioned JSON, the crate's one serialization boundary.
//!
//! Reading goes JSON text → [`ScenarioFile`] (serde types, `"version": 1`) → `engine::Params` →
//! `engine::validate`. Every problem on the way becomes an `engine::ParamError` whose `param` is
//! the JSON path of the offending field (`team.ams`, `channels.cold_visit.leads_per_hour`,
//! `shocks[0].start`), so the page can show it next to the input. Everything is reported in one
//! pass: unknown fields by a walk against the format's shape, wrong JSON types by setting each bad
//! value aside and reading on, range and consistency errors by validation. See
//! docs/scenario-format.md.

pub mod actuals;
pub mod book;
pub mod classroom;
pub mod file;
pub mod library;
pub mod link;
pub mod migrate;
pub mod output;
pub mod plan_out;
pub mod sensitivity_out;
pub mod sources;
pub mod spec_out;
pub mod track_out;
pub mod wire;

use std::io::{self, Write};

use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::Value;

use crate::engine::params::{Calendar, Holiday, Params, Shock, ShockKind};
use crate::engine::validate::{validate, ParamError, ParamValue, Rule, ValidParams};

pub use file::{ScenarioFile, VERSION};

/// The scenario file's upgrade chain: `UPGRADES[i]` turns version `i + 1` into `i + 2`; a new
/// version adds its step here and keeps the golden files of the old one.
/// Version 2 added the optional `plan` section: a version-1 file is a version-2 file without one;
/// version 3 the optional `actuals` section: a version-2 file is a version-3 file without one;
/// version 4 the optional `sources` list: a version-3 file is a version-4 file without one.
pub const UPGRADES: &[migrate::Upgrade] = &[
    migrate::same_fields,
    migrate::same_fields,
    migrate::same_fields,
];
const _: () = assert!(UPGRADES.len() + 1 == VERSION as usize);

/// A scenario read from a file or link that may have been written by an older version.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub valid: ValidParams,
    /// The format version the scenario was written in, when it was older than this build's.
    pub migrated_from: Option<u32>,
}

/// Reads a scenario from already-parsed JSON without validating it, upgrading an older version;
/// also says which version it was written in when that was older.
pub fn parse_value(value: Value) -> Result<(Params, Option<u32>), Vec<ParamError>> {
    let (params, errors, migrated_from) = read_value(value);
    match params {
        Some(params) if errors.is_empty() => Ok((params, migrated_from)),
        _ => Err(errors),
    }
}

/// Reads and validates a scenario from already-parsed JSON (an entry of a library file, the
/// contents of a share link), upgrading an older version and reporting every error found.
pub fn load_value(value: Value) -> Result<Loaded, Vec<ParamError>> {
    let (params, mut errors, migrated_from) = read_value(value);
    let Some(params) = params else {
        return Err(errors);
    };
    match validate(&params) {
        Ok(valid) if errors.is_empty() => Ok(Loaded {
            valid,
            migrated_from,
        }),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// Reads a scenario file into engine parameters (not yet validated).
pub fn parse(json: &str) -> Result<Params, Vec<ParamError>> {
    let (params, errors) = parse_partial(json);
    match params {
        Some(params) if errors.is_empty() => Ok(params),
        _ => Err(errors),
    }
}

/// Reads and validates a scenario file, reporting every error found on the way.
pub fn load(json: &str) -> Result<ValidParams, Vec<ParamError>> {
    let (params, mut errors) = parse_partial(json);
    let Some(params) = params else {
        return Err(errors);
    };
    match validate(&params) {
        Ok(valid) if errors.is_empty() => Ok(valid),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// Reads as much of the file as possible: the parameters (with defaults where a field was
/// unreadable; `None` if the file could not be read at all) and every error met so far.
///
/// For callers that change the parameters before validating them (the command line's flags).
#[must_use]
pub fn parse_partial(json: &str) -> (Option<Params>, Vec<ParamError>) {
    let value: Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(e) => {
            let message = format!("the file is not valid JSON: {e}");
            return (
                None,
                vec![error(
                    "",
                    ParamValue::Text(String::new()),
                    Rule::Syntax,
                    message,
                )],
            );
        }
    };
    let (params, errors, _) = read_value(value);
    (params, errors)
}

/// `parse_partial` on parsed JSON, after upgrading an older version; also says which version the
/// file was written in when it was older.
fn read_value(value: Value) -> (Option<Params>, Vec<ParamError>, Option<u32>) {
    let upgraded = match migrate::upgrade(value, VERSION, UPGRADES, "scenario file") {
        Ok(upgraded) => upgraded,
        Err(errors) => return (None, errors, None),
    };
    let value = upgraded.value;
    if let Err(errors) = check_version(&value) {
        return (None, errors, None);
    }
    let mut errors = Vec::new();
    unknown_fields(&value, template(), "", &mut errors);
    let Some(file) = deserialize_collecting(value, &mut errors) else {
        return (None, errors, None);
    };
    let (params, more) = file.to_params();
    errors.extend(more);
    (Some(params), errors, upgraded.migrated_from)
}

/// Most type errors a file can hold before it is given up on.
const MAX_TYPE_ERRORS: usize = 64;

/// Deserializes the file; after each type error the offending value is set aside (its field
/// takes its default, a bad shock or holiday becomes a neutral one) and reading resumes, so one
/// pass reports every bad field rather than only the first.
fn deserialize_collecting(mut value: Value, errors: &mut Vec<ParamError>) -> Option<ScenarioFile> {
    let original = value.clone();
    let mut set_aside: Vec<String> = Vec::new();
    for _ in 0..MAX_TYPE_ERRORS {
        let e = match serde_path_to_error::deserialize::<_, ScenarioFile>(&value) {
            Ok(file) => return Some(file),
            Err(e) => e,
        };
        let path = match e.path().to_string() {
            p if p == "." => String::new(),
            p => p,
        };
        let message = e.inner().to_string();
        let target = if let Some(field) = quoted(&message, "unknown field `") {
            // Already reported, with its path, by `unknown_fields`. The serde path may or may
            // not already end at the unknown key.
            if split_last(&path).is_some_and(|(_, last)| last == field) {
                path
            } else {
                join(&path, &field)
            }
        } else if let Some(field) = quoted(&message, "missing field `") {
            let missing = join(&path, &field);
            if !set_aside.contains(&missing) {
                errors.push(error(
                    &missing,
                    ParamValue::Text(String::new()),
                    Rule::MissingField,
                    format!("missing field `{field}`"),
                ));
            }
            path
        } else {
            // An enum given a number or an object: serde names no variants, so ask for them.
            let variants = message
                .ends_with("expected string or map")
                .then(|| variants_at(&value, &path))
                .flatten();
            errors.push(type_error(&path, &message, &original, variants.as_deref()));
            path
        };
        if !set_aside_value(&mut value, &target) {
            return None;
        }
        set_aside.push(target);
    }
    None
}

/// The text between `prefix` and the next backtick of a serde message.
fn quoted(message: &str, prefix: &str) -> Option<String> {
    message
        .strip_prefix(prefix)
        .and_then(|rest| rest.split('`').next())
        .map(str::to_owned)
}

/// A neutral shock: a credit multiplier of 1 in week 0 changes nothing.
fn neutral_shock() -> Value {
    serde_json::json!({ "kind": "credit", "start": 0, "duration_weeks": 1, "mult": 1 })
}

/// Removes the value at `path` so its default applies; list entries whose position matters
/// (shocks, holidays) are replaced by neutral ones so later error paths keep their indices.
/// Returns false when nothing could be removed.
fn set_aside_value(root: &mut Value, path: &str) -> bool {
    let Some((parent, last)) = split_last(path) else {
        return false;
    };
    if let Some(index) = last.strip_prefix('[').and_then(|i| i.strip_suffix(']')) {
        let Ok(index) = index.parse::<usize>() else {
            return false;
        };
        let replacement = match parent {
            "shocks" | "interventions" => Some(neutral_shock()),
            "calendar.holidays" => Some(serde_json::json!({ "week": 1 })),
            _ => None,
        };
        return match (replacement, lookup_mut(root, parent)) {
            (Some(neutral), Some(Value::Array(items))) if index < items.len() => {
                items[index] = neutral;
                true
            }
            _ => set_aside_value(root, parent),
        };
    }
    match lookup_mut(root, parent) {
        Some(Value::Object(fields)) => fields.remove(last).is_some(),
        _ => false,
    }
}

/// Splits `a.b[2].c` into (`a.b[2]`, `c`) and `a.b[2]` into (`a.b`, `[2]`).
fn split_last(path: &str) -> Option<(&str, &str)> {
    if path.is_empty() {
        return None;
    }
    if path.ends_with(']') {
        let open = path.rfind('[')?;
        return Some((&path[..open], &path[open..]));
    }
    match path.rfind('.') {
        Some(dot) if !path[dot..].contains(']') || path.rfind(']').is_some_and(|b| b < dot) => {
            Some((&path[..dot], &path[dot + 1..]))
        }
        _ => Some(("", path)),
    }
}

/// The scenario file of `params`, pretty-printed; whole numbers are written without decimals.
#[must_use]
pub fn to_json(params: &Params) -> String {
    pretty(&ScenarioFile::from(params))
}

/// Pretty JSON in field order, with whole numbers written as integers (`"ams": 6`, not `6.0`).
pub(crate) fn pretty<T: serde::Serialize>(value: &T) -> String {
    let mut bytes = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, WholeNumbers::default());
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    let mut text = String::from_utf8(bytes).unwrap_or_default();
    text.push('\n');
    text
}

/// The default scenario as a file: where a user starts (`cadence example`).
#[must_use]
pub fn example() -> String {
    to_json(&Params::default())
}

fn error(param: &str, value: ParamValue, rule: Rule, message: String) -> ParamError {
    ParamError {
        param: param.to_owned(),
        value,
        rule,
        message,
    }
}

/// The file must be an object with `"version": 1`.
fn check_version(value: &Value) -> Result<(), Vec<ParamError>> {
    let Some(object) = value.as_object() else {
        return Err(vec![error(
            "",
            ParamValue::Text(value.to_string()),
            Rule::InvalidType,
            "a scenario file is a JSON object".to_owned(),
        )]);
    };
    match object.get("version") {
        None => Err(vec![error(
            "version",
            ParamValue::Text(String::new()),
            Rule::MissingField,
            format!("the file must say which format version it uses (\"version\": {VERSION})"),
        )]),
        Some(v) if v.as_u64() == Some(u64::from(VERSION)) => Ok(()),
        Some(v) => Err(vec![error(
            "version",
            ParamValue::Text(v.to_string()),
            Rule::UnsupportedVersion,
            format!("this build reads scenario files of version {VERSION} (got {v})"),
        )]),
    }
}

/// A file with every optional part present: the shape unknown fields are checked against. Built
/// once: a library or a fuzz run reads many files.
fn template() -> &'static Value {
    static TEMPLATE: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    TEMPLATE.get_or_init(build_template)
}

fn build_template() -> Value {
    let mut params = Params::default();
    params.shocks.push(Shock {
        start: 0.0,
        duration_weeks: 1.0,
        kind: ShockKind::Burst {
            apps_per_am: 1.0,
            mix: Some([1.0, 0.0, 0.0]),
        },
    });
    let mut file = ScenarioFile::from(&params);
    let shock = &mut file.shocks[0];
    shock.mult = Some(1.0);
    shock.flows = Some(vec![file::FlowFile::Inbound]);
    shock.frac = Some(0.0);
    shock.action = Some(file::ProspectingActionFile::Set);
    shock.hours = Some(0.0);
    shock.shares = Some([0.0; crate::engine::CHANNELS].into());
    shock.ams_delta = Some(0.0);
    file.interventions.clone_from(&file.shocks);
    let holiday = Holiday {
        week: 1.0,
        pre_weeks: 0.0,
        pre_demand: 1.0,
        demand: 1.0,
        availability: 1.0,
        post_weeks: 0.0,
        post_demand: 1.0,
        post_availability: 1.0,
    };
    let custom = ScenarioFile::from(&Params {
        calendar: Calendar::Custom(vec![holiday]),
        ..Params::default()
    })
    .calendar;
    file.calendar = file::CalendarFile {
        spring_festival_week: Some(6.0),
        mid_autumn_week: Some(38.0),
        holidays: custom.holidays,
        demand: Some(vec![1.0]),
        availability: Some(vec![1.0]),
        ..file.calendar
    };
    file.fault.window_start = Some(0.0);
    file.fault.window_end = Some(1.0);
    file.team.init_loans_per_am = Some(0.0);
    file.team.initial_book = Some(file::InitialBookFile::from(
        &crate::engine::params::CustomBook {
            active: std::array::from_fn(|_| vec![vec![0.0]]),
            ..Default::default()
        },
    ));
    let mut plan = file::PlanFile::from(&crate::engine::goal::PlanGoal::hold(1.0, 1.0));
    plan.by_week = Some(1.0);
    plan.cash_budget_cny = Some(0.0);
    file.plan = Some(plan);
    file.actuals = vec![file::ActualsWeekFile {
        week: 0,
        new_loans: Some(0.0),
        applications: Some(0.0),
        approvals: Some(0.0),
        prospecting_hours: Some(0.0),
        leads: Some(0.0),
        active_loans: Some(0.0),
    }];
    file.sources = vec![file::SourceFile {
        path: String::new(),
        value: 0.0,
        file: String::new(),
        fitted_on: String::new(),
        n: 0.0,
        low: 0.0,
        high: 0.0,
    }];
    serde_json::to_value(file).unwrap_or(Value::Null)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Reports every key of `input` that `template` does not have, with its JSON path.
fn unknown_fields(input: &Value, template: &Value, path: &str, errors: &mut Vec<ParamError>) {
    match (input, template) {
        (Value::Object(fields), Value::Object(known)) => {
            for (key, value) in fields {
                let field_path = join(path, key);
                if let Some(shape) = known.get(key) {
                    unknown_fields(value, shape, &field_path, errors);
                } else {
                    let expected: Vec<&str> = known.keys().map(String::as_str).collect();
                    errors.push(error(
                        &field_path,
                        ParamValue::Text(key.clone()),
                        Rule::UnknownField,
                        format!(
                            "unknown field `{key}`; expected one of: {}",
                            expected.join(", ")
                        ),
                    ));
                }
            }
        }
        (Value::Array(items), Value::Array(shape)) => {
            if let Some(shape) = shape.first() {
                for (i, item) in items.iter().enumerate() {
                    unknown_fields(item, shape, &format!("{path}[{i}]"), errors);
                }
            }
        }
        _ => {}
    }
}

/// A serde type error turned into a `ParamError` at the path of the offending field, in words:
/// what the field takes ("a number", "a whole number", "a list", "one of …") and what it got,
/// never a Rust type. `variants` are the names an enum field takes, when known.
fn type_error(path: &str, message: &str, root: &Value, variants: Option<&[String]>) -> ParamError {
    let found = lookup(root, path);
    let value = ParamValue::Text(found.map(Value::to_string).unwrap_or_default());
    let is_shock_kind = split_last(path).is_some_and(|(parent, last)| {
        last == "kind" && (parent.starts_with("shocks[") || parent.starts_with("interventions["))
    });
    let rule = if message.starts_with("unknown variant") && is_shock_kind {
        Rule::UnknownShockKind
    } else {
        Rule::InvalidType
    };
    // The file's own readers (hours settings, coverage) already say what they expect.
    if message.starts_with("expected ") {
        return error(path, value, rule, message.to_owned());
    }
    let got = found.map_or_else(String::new, |v| format!(" (got {})", short(v)));
    let message = format!("expected {}{got}", expected(path, message, variants));
    error(path, value, rule, message)
}

/// What a field takes, in words, from serde's "…, expected X" (a Rust type or serde's own words).
fn expected(path: &str, message: &str, variants: Option<&[String]>) -> String {
    let names = variants.map_or_else(|| variant_names(message), <[String]>::to_vec);
    if !names.is_empty() {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        return format!("one of {}", quoted.join(", "));
    }
    let wanted = message.rsplit_once(", expected ").map_or("", |(_, e)| e);
    let whole = || {
        crate::engine::spec::find(path, &crate::engine::Params::default())
            .is_some_and(|(row, _)| row.kind == crate::engine::spec::Kind::Whole)
    };
    match wanted {
        "f64" | "f32" if whole() => "a whole number".to_owned(),
        "f64" | "f32" => "a number".to_owned(),
        "u64" => format!("a whole number from 0 to {}", u64::MAX),
        "u32" | "u16" | "u8" | "usize" | "i64" | "i32" => "a whole number".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a boolean" => "true or false".to_owned(),
        "a string" => "text".to_owned(),
        "a map" => "an object".to_owned(),
        _ if wanted.starts_with("struct ") => {
            let keys: Vec<String> = lookup(template(), &first_entries(path))
                .and_then(Value::as_object)
                .map(|fields| fields.keys().cloned().collect())
                .unwrap_or_default();
            if keys.is_empty() {
                "an object".to_owned()
            } else {
                format!("an object with {}", keys.join(", "))
            }
        }
        _ => "a value of another type".to_owned(),
    }
}

/// The names serde lists in "unknown variant `x`, expected one of `a`, `b`" (or "`a` or `b`").
fn variant_names(message: &str) -> Vec<String> {
    let Some(rest) = message.strip_prefix("unknown variant `") else {
        return Vec::new();
    };
    let Some((_, expected)) = rest.split_once("`, expected ") else {
        return Vec::new();
    };
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The same path with every list index 0: where the template has the shape of a list's entries.
fn first_entries(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[0");
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// A JSON value cut to a readable length for an error message.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// The names an enum field at `path` takes: serde says them when it meets a name it does not
/// know, so the file is read once more with that field set to a name no enum has.
fn variants_at(value: &Value, path: &str) -> Option<Vec<String>> {
    let mut probe = value.clone();
    *lookup_mut(&mut probe, path)? = Value::String(String::new());
    let e = serde_path_to_error::deserialize::<_, ScenarioFile>(&probe).err()?;
    let names = variant_names(&e.inner().to_string());
    (e.path().to_string() == path && !names.is_empty()).then_some(names)
}

/// The keys and indices of a JSON path like `shocks[0].start`.
fn segments(path: &str) -> Option<Vec<Result<&str, usize>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            out.push(Ok(key));
        }
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            out.push(Err(index.trim_end_matches(']').parse::<usize>().ok()?));
        }
    }
    Some(out)
}

/// The value at a JSON path.
fn lookup<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    segments(path)?
        .into_iter()
        .try_fold(root, |current, segment| match segment {
            Ok(key) => current.get(key),
            Err(index) => current.get(index),
        })
}

/// The value at a JSON path, mutably.
fn lookup_mut<'a>(root: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    segments(path)?
        .into_iter()
        .try_fold(root, |current, segment| match segment {
            Ok(key) => current.get_mut(key),
            Err(index) => current.get_mut(index),
        })
}

/// `serde_json`'s pretty formatter, except that floats holding whole numbers are written as integers.
#[derive(Default)]
struct WholeNumbers(PrettyFormatter<'static>);

impl Formatter for WholeNumbers {
    fn write_f64<W: ?Sized + Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            // Exact: the value is a whole number well inside i64's exactly representable range.
            self.write_i64(writer, value as i64)
        } else {
            self.0.write_f64(writer, value)
        }
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// The Monday that starts week `week` of the year (ISO weeks; 1–52, a value out of range is taken
/// to its nearest end) nearest to `around`: where a scenario that carries only its week of the
/// year starts — a file without a date, a preset, the command line's plan. Nearest, so week 1
/// seen in December is the coming January, not the last one.
#[must_use]
pub fn nearest_week_start(week: f64, around: chrono::NaiveDate) -> chrono::NaiveDate {
    use chrono::Datelike;
    let week = if week.is_finite() {
        week.clamp(1.0, 52.0) as u32
    } else {
        1
    };
    let year = around.iso_week().year();
    (year - 1..=year + 1)
        .filter_map(|y| chrono::NaiveDate::from_isoywd_opt(y, week, chrono::Weekday::Mon))
        .min_by_key(|d| (*d - around).num_days().abs())
        .unwrap_or(around)
}
