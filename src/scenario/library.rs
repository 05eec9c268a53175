//! The files that keep a person's work: the scenario library (stored in the browser and exported as
//! a file) and the autosaved workspace, both versioned JSON that wraps whole scenario files.
//!
//! A **library file** is `{"format": "cadence-library", "version": 1, "scenarios": [entry, …]}`; an
//! entry is `{"name", "modified", "start_date", "scenario"}` where `scenario` is a complete scenario
//! file (with its own `version`), so an entry can be copied out and run by the command line. The
//! **workspace file** is what the page autosaves: the scenario being edited, its name, the view
//! state and the pinned scenarios. See docs/scenario-format.md.
//!
//! Reading never panics and never gives up on the whole because of one part: each entry (and each
//! pinned scenario) is read on its own, and one that cannot be read is handed back with its raw
//! text and its problems, so the caller can keep it aside and load the rest. Every problem is a
//! `ParamError` whose `param` is the JSON path inside the file (`scenarios[2].scenario.team.ams`).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::{Map, Value};

pub mod sliced;

use super::migrate::{self, Upgrade};
use super::ScenarioFile;
use crate::engine::validate::{ParamError, ParamValue, Rule};
use crate::engine::Params;

/// The `format` of a library file.
pub const LIBRARY_FORMAT: &str = "cadence-library";
/// The library file's version: 3 gave every entry an `id` and a change `stamp` (`rev`, `by`) and
/// the file its `deleted` list, so two tabs can merge their changes (issue 22); 4 embeds scenarios
/// of version 3 (their optional actuals, issue 18), 5 scenarios of version 4 (their optional
/// sources, issue 17).
pub const LIBRARY_VERSION: u32 = 5;
/// The library file's upgrade chain (see `migrate`).
pub const LIBRARY_UPGRADES: &[Upgrade] = &[
    migrate::same_fields,
    library_ids,
    migrate::same_fields,
    migrate::same_fields,
];
/// Most deletions a stored library remembers (so a tab that missed one does not bring it back).
pub const MAX_TOMBSTONES: usize = 200;
const _: () = assert!(LIBRARY_UPGRADES.len() + 1 == LIBRARY_VERSION as usize);

/// The `format` of the autosaved workspace.
pub const WORKSPACE_FORMAT: &str = "cadence-workspace";
/// The workspace file's version: 2 to 4 embed scenarios of versions 2 to 4.
pub const WORKSPACE_VERSION: u32 = 4;
/// The workspace file's upgrade chain.
pub const WORKSPACE_UPGRADES: &[Upgrade] = &[
    migrate::same_fields,
    migrate::same_fields,
    migrate::same_fields,
];
const _: () = assert!(WORKSPACE_UPGRADES.len() + 1 == WORKSPACE_VERSION as usize);

/// Longest scenario name kept, in characters; longer names are cut.
pub const MAX_NAME_CHARS: usize = 80;

/// Earliest and latest years a start date may have: far enough for any plan, and far from the
/// calendar's limits, so adding the horizon's weeks to a date can never overflow.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// A scenario under a name, with the Monday its first week starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedScenario {
    /// Already cleaned by [`clean_name`]; may be empty (a link may carry no name).
    pub name: String,
    pub start_date: NaiveDate,
    pub params: Params,
}

/// A scenario kept in the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub scenario: NamedScenario,
    /// The day it was last saved, renamed or imported.
    pub modified: NaiveDate,
    /// Names the entry across tabs and visits (a rename keeps it); empty until it is first added.
    pub id: String,
    /// Which change of the entry this is.
    pub stamp: Stamp,
}

impl Entry {
    /// A new entry, not yet given an id or a stamp (the library gives them when it adds it).
    #[must_use]
    pub fn new(scenario: NamedScenario, modified: NaiveDate) -> Entry {
        Entry {
            scenario,
            modified,
            id: String::new(),
            stamp: Stamp::default(),
        }
    }
}

/// One change of an entry: its count (every save or rename adds one to the count it was made
/// from) and the tab that made it, so two tabs' changes of the same version are told apart.
#[derive(Debug, Clone, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub rev: u64,
    pub by: String,
}

/// An entry deleted from the library: its id and the change that was deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    pub id: String,
    pub stamp: Stamp,
}

/// An entry or pinned scenario that could not be read: its text, to keep aside, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// Its position in the file's list.
    pub index: usize,
    /// The entry as it was stored (compact JSON).
    pub raw: String,
    pub errors: Vec<ParamError>,
}

/// What a library file held.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryRead {
    pub entries: Vec<Entry>,
    /// Entries that could not be read, with their problems.
    pub rejected: Vec<Rejected>,
    /// The entries deleted lately.
    pub deleted: Vec<Tombstone>,
    /// The oldest format version met (the library's own or a scenario's), when older than current.
    pub migrated_from: Option<u32>,
}

/// How strictly a scenario inside a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The scenario must also pass the engine's validation (files and links from elsewhere).
    Valid,
    /// The scenario must be readable; the page shows validation errors next to the inputs
    /// (the browser's own storage, which only ever holds what the page wrote).
    Readable,
}

/// A user file read for import: one scenario file, or a library file whose entries all read.
#[derive(Debug, Clone, PartialEq)]
// Lives for one import and is taken apart at once; boxing the scenario would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Imported {
    /// A scenario file; it carries no name (the file name serves) and no date (its week of the
    /// year does).
    Scenario {
        params: Params,
        migrated_from: Option<u32>,
    },
    Library(LibraryRead),
}

/// Removes what would make a name misleading or unreadable: control characters, bidirectional
/// overrides, runs of white space; trims it and cuts it to [`MAX_NAME_CHARS`]. The page always
/// renders names as text, so markup in a name stays visible and inert.
#[must_use]
pub fn clean_name(raw: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in raw.chars() {
        let hidden = c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if hidden {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out.chars()
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

/// The most numbered copies of one name tried before the name is kept as it is.
const MAX_COPIES: u32 = 10_000;

/// `wanted`, cleaned (or `fallback` when nothing is left), made unique by a " (2)", " (3)", …
/// suffix against the names `taken` says are in use.
#[must_use]
pub fn unique_name(wanted: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = clean_name(wanted);
    if base.is_empty() {
        base = clean_name(fallback);
    }
    if !taken(&base) {
        return base;
    }
    // A numbered copy of the name; the base is shortened so the whole stays within the limit.
    let stem = base.trim_end_matches(|c: char| c.is_ascii_digit() || c == ')' || c == '(');
    let stem = if stem.ends_with(' ') && base.ends_with(')') {
        stem.trim_end()
    } else {
        base.as_str()
    };
    (2..=MAX_COPIES)
        .map(|n| {
            let suffix = format!(" ({n})");
            let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
            let cut: String = stem.chars().take(room).collect();
            format!("{}{suffix}", cut.trim_end())
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

/// Reads a `YYYY-MM-DD` date inside [`YEARS`].
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
}

/// Writes a date as `YYYY-MM-DD`.
#[must_use]
pub fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

// ---- writing ----------------------------------------------------------------------------------

#[derive(Serialize)]
struct EntryOut<'a> {
    id: &'a str,
    rev: u64,
    by: &'a str,
    name: &'a str,
    modified: String,
    start_date: String,
    scenario: ScenarioFile,
}

/// An entry as written: this build's, or one it could not read, written back as it was read.
#[derive(Serialize)]
#[serde(untagged)]
// Lives for one write; boxing every entry would buy nothing.
#[allow(clippy::large_enum_variant)]
enum ScenarioOut<'a> {
    Entry(EntryOut<'a>),
    Kept(Value),
}

#[derive(Serialize)]
struct TombstoneOut<'a> {
    id: &'a str,
    rev: u64,
    by: &'a str,
}

#[derive(Serialize)]
struct LibraryOut<'a> {
    format: &'static str,
    version: u32,
    scenarios: Vec<ScenarioOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    deleted: Vec<TombstoneOut<'a>>,
}

/// How a file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Indented, whole numbers without decimals: for files a person may open.
    Pretty,
    /// One line: for the browser's storage, where space is limited.
    Compact,
}

fn write<T: Serialize>(value: &T, layout: Layout) -> String {
    match layout {
        Layout::Pretty => super::pretty(value),
        Layout::Compact => serde_json::to_string(value).unwrap_or_default(),
    }
}

/// The library as a library file (to download: without the deletions, which only matter to tabs).
#[must_use]
pub fn write_library(entries: &[Entry], layout: Layout) -> String {
    write_stored_library(entries, &[], &[], layout)
}

fn entry_out(e: &Entry) -> ScenarioOut<'_> {
    ScenarioOut::Entry(EntryOut {
        id: &e.id,
        rev: e.stamp.rev,
        by: &e.stamp.by,
        name: &e.scenario.name,
        modified: date_text(e.modified),
        start_date: date_text(e.scenario.start_date),
        scenario: ScenarioFile::from(&e.scenario.params),
    })
}

/// One entry as the stored (compact) library file holds it: the browser's autosave keeps each
/// entry's text between writes, so a big library is not written out anew on every change.
#[must_use]
pub fn write_stored_entry(entry: &Entry) -> String {
    write(&entry_out(entry), Layout::Compact)
}

/// The stored (compact) library file from its entries' texts ([`write_stored_entry`]), the
/// entries this build could not read and the latest deletions: the same text as
/// [`write_stored_library`] in the compact layout.
#[must_use]
pub fn assemble_stored_library<'t>(
    entries: impl IntoIterator<Item = &'t str>,
    kept: &[String],
    deleted: &[Tombstone],
) -> String {
    let kept: Vec<String> = kept
        .iter()
        .filter_map(|raw| serde_json::from_str::<Value>(raw).ok())
        .map(|value| value.to_string())
        .collect();
    let deleted = write(&tombstones_out(deleted), Layout::Compact);
    let mut out = format!(
        "{{\"format\":{},\"version\":{LIBRARY_VERSION},\"scenarios\":[",
        Value::from(LIBRARY_FORMAT)
    );
    let mut first = true;
    let mut push = |text: &str| {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(text);
    };
    for text in entries {
        push(text);
    }
    for text in &kept {
        push(text);
    }
    out.push(']');
    if deleted != "[]" {
        out.push_str(",\"deleted\":");
        out.push_str(&deleted);
    }
    out.push('}');
    out
}

fn tombstones_out(deleted: &[Tombstone]) -> Vec<TombstoneOut<'_>> {
    let skip = deleted.len().saturating_sub(MAX_TOMBSTONES);
    deleted[skip..]
        .iter()
        .map(|t| TombstoneOut {
            id: &t.id,
            rev: t.stamp.rev,
            by: &t.stamp.by,
        })
        .collect()
}

/// The library as the browser stores it: its entries, the entries this build could not read
/// (`kept`, each the JSON text of one entry, written back as they were so nothing unread is lost)
/// and the latest deletions.
#[must_use]
pub fn write_stored_library(
    entries: &[Entry],
    kept: &[String],
    deleted: &[Tombstone],
    layout: Layout,
) -> String {
    let mut scenarios: Vec<ScenarioOut> = entries.iter().map(entry_out).collect();
    scenarios.extend(
        kept.iter()
            .filter_map(|raw| serde_json::from_str(raw).ok())
            .map(ScenarioOut::Kept),
    );
    let file = LibraryOut {
        format: LIBRARY_FORMAT,
        version: LIBRARY_VERSION,
        scenarios,
        deleted: tombstones_out(deleted),
    };
    write(&file, layout)
}

/// Version 2 → 3: entries get ids and stamps. The id is the entry's place in the version 2 list,
/// so every tab that upgrades the same stored library gives its entries the same ids.
#[allow(clippy::unnecessary_wraps)] // Every step of a chain may fail.
fn library_ids(mut fields: Map<String, Value>) -> Result<Map<String, Value>, String> {
    if let Some(Value::Array(entries)) = fields.get_mut("scenarios") {
        for (index, entry) in entries.iter_mut().enumerate() {
            if let Value::Object(entry) = entry {
                entry
                    .entry("id")
                    .or_insert_with(|| Value::from(format!("v2-{index}")));
                entry.entry("rev").or_insert_with(|| Value::from(0));
                entry.entry("by").or_insert_with(|| Value::from(""));
            }
        }
    }
    Ok(fields)
}

/// What the page autosaves: everything needed to reopen it as it was left.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkspaceSnapshot {
    /// The name of the scenario being edited, if it has one.
    pub name: Option<String>,
    /// Whether `name` is an entry of the library (so Save updates that entry).
    pub in_library: bool,
    pub start_date: NaiveDate,
    pub params: Params,
    pub advanced: bool,
    /// The Monte Carlo runs and seed as typed.
    pub mc_runs: String,
    pub mc_seed: String,
    pub pinned: Vec<NamedScenario>,
    /// Index into `pinned` of the comparison's reference.
    pub reference: usize,
}

#[derive(Serialize)]
struct PinOut<'a> {
    name: &'a str,
    start_date: String,
    scenario: ScenarioFile,
}

#[derive(Serialize)]
struct McOut<'a> {
    runs: &'a str,
    seed: &'a str,
}

#[derive(Serialize)]
struct WorkspaceOut<'a> {
    format: &'static str,
    version: u32,
    name: Option<&'a str>,
    in_library: bool,
    start_date: String,
    scenario: ScenarioFile,
    advanced: bool,
    monte_carlo: McOut<'a>,
    pinned: Vec<PinOut<'a>>,
    reference: usize,
}

/// The workspace as its (compact) file.
#[must_use]
pub fn write_workspace(w: &WorkspaceSnapshot) -> String {
    let file = WorkspaceOut {
        format: WORKSPACE_FORMAT,
        version: WORKSPACE_VERSION,
        name: w.name.as_deref(),
        in_library: w.in_library,
        start_date: date_text(w.start_date),
        scenario: ScenarioFile::from(&w.params),
        advanced: w.advanced,
        monte_carlo: McOut {
            runs: &w.mc_runs,
            seed: &w.mc_seed,
        },
        pinned: w
            .pinned
            .iter()
            .map(|p| PinOut {
                name: &p.name,
                start_date: date_text(p.start_date),
                scenario: ScenarioFile::from(&p.params),
            })
            .collect(),
        reference: w.reference,
    };
    write(&file, Layout::Compact)
}

// ---- reading ----------------------------------------------------------------------------------

/// Parses JSON text, or the one syntax error that stops it.
pub(crate) fn parse_json(text: &str, what: &str) -> Result<Value, Vec<ParamError>> {
    serde_json::from_str(text).map_err(|e| {
        vec![problem(
            "",
            String::new(),
            Rule::Syntax,
            format!("the {what} is not valid JSON: {e}"),
        )]
    })
}

/// Reads a library file from the browser's storage: entries that cannot be read are handed back
/// (not dropped) so they can be kept aside. `Err` only when the file as a whole is unreadable.
pub fn read_library(text: &str) -> Result<LibraryRead, Vec<ParamError>> {
    read_library_value(parse_json(text, "library file")?, Check::Readable)
}

/// Reads a file a person chose to import. It must be readable and valid throughout: a library file
/// with one bad entry is refused whole, listing every problem, so an import never half-happens.
pub fn read_import(text: &str) -> Result<Imported, Vec<ParamError>> {
    let value = parse_json(text, "file")?;
    let is_library = value.get("format").is_some();
    if is_library {
        let read = read_library_value(value, Check::Valid)?;
        if read.rejected.is_empty() {
            Ok(Imported::Library(read))
        } else {
            Err(read.rejected.into_iter().flat_map(|r| r.errors).collect())
        }
    } else {
        let loaded = super::load_value(value)?;
        Ok(Imported::Scenario {
            params: loaded.valid.params().clone(),
            migrated_from: loaded.migrated_from,
        })
    }
}

fn read_library_value(value: Value, check: Check) -> Result<LibraryRead, Vec<ParamError>> {
    let upgraded = migrate::upgrade(value, LIBRARY_VERSION, LIBRARY_UPGRADES, "library file")?;
    let mut errors = Vec::new();
    let mut fields = Fields::new(
        &upgraded.value,
        "",
        &["format", "version", "scenarios", "deleted"],
        &mut errors,
    );
    match fields.text("format") {
        Some(format) if format == LIBRARY_FORMAT => {}
        Some(other) => fields.push(
            "format",
            &other,
            Rule::InvalidType,
            format!("this is not a Cadence library file (format \"{other}\")"),
        ),
        None => {}
    }
    let items = fields.list("scenarios");
    let deleted = match upgraded.value.get("deleted") {
        None => Some(Vec::new()),
        Some(_) => fields.list("deleted"),
    };
    let deleted: Vec<Tombstone> = deleted
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let mut inner = Fields::new(
                item,
                &format!("deleted[{index}]"),
                &["id", "rev", "by"],
                fields.errors,
            );
            let (id, stamp) = (inner.text("id"), inner.stamp());
            Some(Tombstone {
                id: id?,
                stamp: stamp?,
            })
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut read = LibraryRead {
        entries: Vec::new(),
        rejected: Vec::new(),
        deleted,
        migrated_from: upgraded.migrated_from,
    };
    for (index, item) in items.unwrap_or_default().into_iter().enumerate() {
        let path = format!("scenarios[{index}]");
        let mut id_errors = Vec::new();
        let mut ids = Fields::new(item, &path, &[], &mut id_errors);
        let identity = ids.text("id").zip(ids.stamp());
        let named = read_named(
            item,
            &path,
            check,
            &[
                "id",
                "rev",
                "by",
                "name",
                "modified",
                "start_date",
                "scenario",
            ],
        );
        match (named, identity) {
            (Ok((scenario, modified, migrated)), Some((id, stamp))) => {
                read.migrated_from = oldest(read.migrated_from, migrated);
                read.entries.push(Entry {
                    scenario,
                    modified: modified.unwrap_or(NaiveDate::MIN),
                    id,
                    stamp,
                });
            }
            (Ok(_), None) => read.rejected.push(Rejected {
                index,
                raw: item.to_string(),
                errors: id_errors
                    .into_iter()
                    .filter(|e| e.rule != Rule::UnknownField)
                    .collect(),
            }),
            (Err(errors), _) => read.rejected.push(Rejected {
                index,
                raw: item.to_string(),
                errors,
            }),
        }
    }
    Ok(read)
}

/// What an autosaved workspace held.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkspaceRead {
    pub snapshot: WorkspaceSnapshot,
    /// Pinned scenarios that could not be read (the rest are in `snapshot.pinned`).
    pub rejected_pins: Vec<Rejected>,
    /// The format version the workspace was written in, when it was older than this build's.
    pub migrated_from: Option<u32>,
}

/// Reads the autosaved workspace. `Err` when its scenario or its shape is unreadable; a pinned
/// scenario that is unreadable or no longer valid is handed back on its own.
pub fn read_workspace(text: &str) -> Result<WorkspaceRead, Vec<ParamError>> {
    let value = parse_json(text, "saved workspace")?;
    let upgraded = migrate::upgrade(
        value,
        WORKSPACE_VERSION,
        WORKSPACE_UPGRADES,
        "saved workspace",
    )?;
    let mut errors = Vec::new();
    let known = [
        "format",
        "version",
        "name",
        "in_library",
        "start_date",
        "scenario",
        "advanced",
        "monte_carlo",
        "pinned",
        "reference",
    ];
    let mut fields = Fields::new(&upgraded.value, "", &known, &mut errors);
    if fields.text("format").is_some_and(|f| f != WORKSPACE_FORMAT) {
        fields.push(
            "format",
            "",
            Rule::InvalidType,
            "not a Cadence workspace".to_owned(),
        );
    }
    let name = fields.optional_text("name").map(|n| clean_name(&n));
    let in_library = fields.flag("in_library");
    let start_date = fields.date("start_date");
    let advanced = fields.flag("advanced");
    let reference = fields.count("reference");
    let (mc_runs, mc_seed) = match fields.object("monte_carlo") {
        Some(mc) => {
            let mut inner = Fields::new(mc, "monte_carlo", &["runs", "seed"], fields.errors);
            (inner.text("runs"), inner.text("seed"))
        }
        None => (None, None),
    };
    let pins = fields.list("pinned");
    let scenario = fields.value("scenario");
    let params = scenario.and_then(|value| match super::parse_value(value.clone()) {
        Ok((params, _)) => Some(params),
        Err(more) => {
            errors.extend(prefixed(more, "scenario"));
            None
        }
    });
    let (
        Some(start_date),
        Some(params),
        Some(mc_runs),
        Some(mc_seed),
        Some(pins),
        Some(reference),
        true,
    ) = (
        start_date,
        params,
        mc_runs,
        mc_seed,
        pins,
        reference,
        errors.is_empty(),
    )
    else {
        return Err(errors);
    };
    let (pinned, rejected_pins) = read_pins(pins);
    Ok(WorkspaceRead {
        migrated_from: upgraded.migrated_from,
        snapshot: WorkspaceSnapshot {
            name: name.filter(|n| !n.is_empty()),
            in_library: in_library.unwrap_or(false),
            start_date,
            params,
            advanced: advanced.unwrap_or(false),
            mc_runs,
            mc_seed,
            pinned,
            reference,
        },
        rejected_pins,
    })
}

/// Reads each pinned scenario on its own: the ones that read, and the ones that did not.
fn read_pins(pins: Vec<&Value>) -> (Vec<NamedScenario>, Vec<Rejected>) {
    let mut pinned = Vec::new();
    let mut rejected_pins = Vec::new();
    for (index, item) in pins.into_iter().enumerate() {
        let path = format!("pinned[{index}]");
        match read_named(
            item,
            &path,
            Check::Valid,
            &["name", "start_date", "scenario"],
        ) {
            Ok((scenario, _, _)) => pinned.push(scenario),
            Err(errors) => rejected_pins.push(Rejected {
                index,
                raw: item.to_string(),
                errors,
            }),
        }
    }
    (pinned, rejected_pins)
}

/// Reads `{name, start_date, scenario}` (and `modified` where `known` has it) at `path`.
pub(crate) fn read_named(
    item: &Value,
    path: &str,
    check: Check,
    known: &[&str],
) -> Result<(NamedScenario, Option<NaiveDate>, Option<u32>), Vec<ParamError>> {
    let mut errors = Vec::new();
    let mut fields = Fields::new(item, path, known, &mut errors);
    let name = fields.text("name").map(|n| clean_name(&n));
    let modified = if known.contains(&"modified") {
        fields.date("modified").map(Some)
    } else {
        Some(None)
    };
    let start_date = fields.date("start_date");
    let scenario = fields.value("scenario").cloned();
    let scenario_path = join(path, "scenario");
    let read = scenario.and_then(|value| {
        let result = match check {
            Check::Valid => {
                super::load_value(value).map(|l| (l.valid.params().clone(), l.migrated_from))
            }
            Check::Readable => super::parse_value(value),
        };
        result
            .map_err(|more| errors.extend(prefixed(more, &scenario_path)))
            .ok()
    });
    match (name, modified, start_date, read, errors.is_empty()) {
        (Some(name), Some(modified), Some(start_date), Some((params, migrated)), true) => Ok((
            NamedScenario {
                name,
                start_date,
                params,
            },
            modified,
            migrated,
        )),
        _ => Err(errors),
    }
}

/// Errors of a nested file, with paths made relative to the outer file.
pub(crate) fn prefixed(errors: Vec<ParamError>, prefix: &str) -> Vec<ParamError> {
    errors
        .into_iter()
        .map(|mut e| {
            e.param = join(prefix, &e.param);
            e
        })
        .collect()
}

fn oldest(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn join(path: &str, key: &str) -> String {
    match (path.is_empty(), key.is_empty()) {
        (true, _) => key.to_owned(),
        (_, true) => path.to_owned(),
        _ if key.starts_with('[') => format!("{path}{key}"),
        _ => format!("{path}.{key}"),
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

/// Reads the fields of one JSON object by hand, so that every problem (unknown keys, missing or
/// mistyped fields) is collected with its path rather than stopping at the first.
pub(crate) struct Fields<'a, 'e> {
    map: Option<&'a Map<String, Value>>,
    path: String,
    pub(crate) errors: &'e mut Vec<ParamError>,
}

impl<'a, 'e> Fields<'a, 'e> {
    /// Starts reading `value` at `path`; reports it if it is not an object, and every key that is
    /// not in `known`.
    pub(crate) fn new(
        value: &'a Value,
        path: &str,
        known: &[&str],
        errors: &'e mut Vec<ParamError>,
    ) -> Fields<'a, 'e> {
        let map = value.as_object();
        match map {
            Some(map) => {
                for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
                    errors.push(problem(
                        &join(path, key),
                        key.clone(),
                        Rule::UnknownField,
                        format!(
                            "unknown field `{key}`; expected one of: {}",
                            known.join(", ")
                        ),
                    ));
                }
            }
            None => errors.push(problem(
                path,
                short(value),
                Rule::InvalidType,
                "expected a JSON object".to_owned(),
            )),
        }
        Fields {
            map,
            path: path.to_owned(),
            errors,
        }
    }

    pub(crate) fn push(&mut self, key: &str, value: &str, rule: Rule, message: String) {
        self.errors.push(problem(
            &join(&self.path, key),
            value.to_owned(),
            rule,
            message,
        ));
    }

    /// A required field.
    pub(crate) fn value(&mut self, key: &str) -> Option<&'a Value> {
        let map = self.map?;
        let found = map.get(key);
        if found.is_none() {
            self.push(
                key,
                "",
                Rule::MissingField,
                format!("missing field `{key}`"),
            );
        }
        found
    }

    fn typed<T>(
        &mut self,
        key: &str,
        expected: &str,
        read: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        let value = self.value(key)?;
        let typed = read(value);
        if typed.is_none() {
            self.push(
                key,
                &short(value),
                Rule::InvalidType,
                format!("`{key}` must be {expected}"),
            );
        }
        typed
    }

    pub(crate) fn text(&mut self, key: &str) -> Option<String> {
        self.typed(key, "a string", |v| v.as_str().map(str::to_owned))
    }

    /// A string or `null`; absent means `null`.
    pub(crate) fn optional_text(&mut self, key: &str) -> Option<String> {
        match self.map?.get(key) {
            None | Some(Value::Null) => None,
            Some(_) => self.text(key),
        }
    }

    pub(crate) fn flag(&mut self, key: &str) -> Option<bool> {
        self.typed(key, "true or false", Value::as_bool)
    }

    pub(crate) fn count(&mut self, key: &str) -> Option<usize> {
        self.typed(key, "a whole number", |v| {
            v.as_u64().and_then(|n| usize::try_from(n).ok())
        })
    }

    pub(crate) fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let first = *YEARS.start();
        let last = *YEARS.end();
        self.typed(
            key,
            &format!("a date written YYYY-MM-DD, in the years {first} to {last}"),
            |v| v.as_str().and_then(parse_date),
        )
    }

    /// A change stamp: `rev` (a whole number) and `by` (a string).
    pub(crate) fn stamp(&mut self) -> Option<Stamp> {
        let rev = self.typed("rev", "a whole number", Value::as_u64);
        let by = self.text("by");
        Some(Stamp { rev: rev?, by: by? })
    }

    pub(crate) fn list(&mut self, key: &str) -> Option<Vec<&'a Value>> {
        self.typed(key, "a list", |v| v.as_array().map(|a| a.iter().collect()))
    }

    pub(crate) fn object(&mut self, key: &str) -> Option<&'a Value> {
        self.typed(key, "a JSON object", |v| v.is_object().then_some(v))
    }
}

/// A JSON value cut to a readable length for an error message.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::presets;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn entry(name: &str, params: Params) -> Entry {
        Entry {
            scenario: NamedScenario {
                name: name.to_owned(),
                start_date: day(2027, 1, 4),
                params,
            },
            modified: day(2026, 11, 28),
            id: format!("id-{name}"),
            stamp: Stamp {
                rev: 1,
                by: "t".to_owned(),
            },
        }
    }

    fn paths(errors: &[ParamError]) -> Vec<(&str, Rule)> {
        errors.iter().map(|e| (e.param.as_str(), e.rule)).collect()
    }

    #[test]
    fn names_are_cleaned_but_markup_is_kept_as_text() {
        assert_eq!(clean_name("  Q3\tplan \n(draft) "), "Q3 plan (draft)");
        assert_eq!(clean_name("a\u{202E}b\u{0007}c"), "abc");
        assert_eq!(
            clean_name("<img src=x onerror=alert(1)>"),
            "<img src=x onerror=alert(1)>"
        );
        assert_eq!(
            clean_name(&"长".repeat(200)).chars().count(),
            MAX_NAME_CHARS
        );
        assert_eq!(clean_name(" \u{200B} "), "");
    }

    #[test]
    fn a_library_assembled_from_entry_texts_is_the_library_written_whole() {
        let entries: Vec<Entry> = presets::all()
            .into_iter()
            .enumerate()
            .map(|(i, p)| entry(&format!("{i} \"quoted\" 中"), p.params))
            .collect();
        let kept = [
            r#"{"name": "newer", "future": [1, 2]}"#.to_owned(),
            "{bad".to_owned(),
        ];
        let none: [String; 0] = [];
        let deleted: Vec<Tombstone> = (0..MAX_TOMBSTONES + 3)
            .map(|i| Tombstone {
                id: format!("d{i}"),
                stamp: Stamp {
                    rev: i as u64,
                    by: "t".into(),
                },
            })
            .collect();
        for (entries, kept, deleted) in [
            (&entries[..], &kept[..], &deleted[..]),
            (&entries[..1], &none[..], &deleted[..0]),
            (&entries[..0], &kept[..1], &deleted[..1]),
            (&entries[..0], &none[..], &deleted[..0]),
        ] {
            let texts: Vec<String> = entries.iter().map(write_stored_entry).collect();
            assert_eq!(
                assemble_stored_library(texts.iter().map(String::as_str), kept, deleted),
                write_stored_library(entries, kept, deleted, Layout::Compact)
            );
        }
    }

    #[test]
    fn dates_must_be_iso_and_in_range() {
        assert_eq!(parse_date("2027-01-04"), Some(day(2027, 1, 4)));
        assert_eq!(parse_date("2027-02-30"), None);
        assert_eq!(parse_date("99999-01-01"), None);
        assert_eq!(parse_date("0001-01-01"), None);
        assert_eq!(date_text(day(2027, 1, 4)), "2027-01-04");
    }

    #[test]
    fn a_library_round_trips_in_both_layouts() {
        let fault = presets::get("fault").expect("preset").params;
        let entries = vec![
            entry("Default", Params::default()),
            entry("The fault", fault),
        ];
        for layout in [Layout::Pretty, Layout::Compact] {
            let text = write_library(&entries, layout);
            let read = read_library(&text).expect("readable");
            assert_eq!(read.entries, entries);
            assert!(read.rejected.is_empty());
            assert_eq!(read.migrated_from, None);
            let Ok(Imported::Library(imported)) = read_import(&text) else {
                panic!("a library file imports");
            };
            assert_eq!(imported.entries, entries);
        }
    }

    #[test]
    fn one_bad_entry_is_handed_back_and_the_rest_load() {
        let good = write_library(&[entry("Good", Params::default())], Layout::Compact);
        let mut value: Value = serde_json::from_str(&good).expect("json");
        let bad = serde_json::json!({"name": 3, "start_date": "someday", "scenario": {"version": 1, "team": {"ams": "six"}}, "colour": "red"});
        value["scenarios"]
            .as_array_mut()
            .expect("list")
            .insert(0, bad);
        let read = read_library(&value.to_string()).expect("readable");
        assert_eq!(read.entries.len(), 1);
        assert_eq!(read.rejected.len(), 1);
        assert_eq!(read.rejected[0].index, 0);
        let found = paths(&read.rejected[0].errors);
        for expected in [
            ("scenarios[0].colour", Rule::UnknownField),
            ("scenarios[0].name", Rule::InvalidType),
            ("scenarios[0].modified", Rule::MissingField),
            ("scenarios[0].start_date", Rule::InvalidType),
            ("scenarios[0].scenario.team.ams", Rule::InvalidType),
        ] {
            assert!(found.contains(&expected), "{expected:?} in {found:?}");
        }
        // An import is all or nothing.
        let errors = read_import(&value.to_string()).expect_err("refused");
        assert_eq!(paths(&errors), found);
    }

    #[test]
    fn imports_check_validity_and_storage_only_readability() {
        let mut params = Params::default();
        params.team.ams = 0.0;
        let text = write_library(&[entry("No team", params)], Layout::Compact);
        assert_eq!(read_library(&text).expect("readable").entries.len(), 1);
        let errors = read_import(&text).expect_err("invalid");
        assert_eq!(
            paths(&errors),
            vec![("scenarios[0].scenario.team.ams", Rule::OutOfRange)]
        );
    }

    #[test]
    fn an_import_is_a_scenario_file_unless_it_says_it_is_a_library() {
        let Ok(Imported::Scenario {
            params,
            migrated_from,
        }) = read_import(&super::super::example())
        else {
            panic!("the example imports");
        };
        assert_eq!(params, Params::default());
        assert_eq!(migrated_from, None);
        let errors = read_import(r#"{"format": "spreadsheet", "version": 1, "scenarios": []}"#)
            .expect_err("wrong format");
        assert_eq!(paths(&errors), vec![("format", Rule::InvalidType)]);
        let errors = read_import(r#"{"format": "cadence-library", "version": 6, "scenarios": []}"#)
            .expect_err("newer");
        assert_eq!(paths(&errors), vec![("version", Rule::UnsupportedVersion)]);
        assert_eq!(
            paths(&read_import("{\"version\": 1,").expect_err("cut short")),
            vec![("", Rule::Syntax)]
        );
    }

    #[test]
    fn a_workspace_round_trips_and_bad_pins_are_handed_back() {
        let snapshot = WorkspaceSnapshot {
            name: Some("<b>Q3</b>".to_owned()),
            in_library: true,
            start_date: day(2027, 1, 4),
            params: presets::get("festival").expect("preset").params,
            advanced: true,
            mc_runs: "2,000".to_owned(),
            mc_seed: "7".to_owned(),
            pinned: vec![entry("A", Params::default()).scenario],
            reference: 0,
        };
        let text = write_workspace(&snapshot);
        let read = read_workspace(&text).expect("readable");
        assert_eq!(read.snapshot, snapshot);
        assert!(read.rejected_pins.is_empty());

        let mut value: Value = serde_json::from_str(&text).expect("json");
        value["pinned"][0]["scenario"]["team"]["ams"] = serde_json::json!(-4);
        let read = read_workspace(&value.to_string()).expect("the rest loads");
        assert!(read.snapshot.pinned.is_empty());
        assert_eq!(
            paths(&read.rejected_pins[0].errors),
            vec![("pinned[0].scenario.team.ams", Rule::OutOfRange)]
        );

        value["monte_carlo"] = serde_json::json!({"runs": 5});
        value["start_date"] = serde_json::json!("2027-13-01");
        let errors = read_workspace(&value.to_string()).expect_err("unreadable");
        assert_eq!(
            paths(&errors),
            vec![
                ("start_date", Rule::InvalidType),
                ("monte_carlo.runs", Rule::InvalidType),
                ("monte_carlo.seed", Rule::MissingField),
            ]
        );
    }
}
