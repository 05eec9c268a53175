//! Keeping and sharing (issue 7): golden files of every version of every stored or shared format
//! still load, and the decoders of files, stored data and links never panic on hostile input.
//!
//! The fuzz-style property tests feed 100,000 generated inputs in all — 50,000 files, each read as
//! an import, a stored library and a stored workspace, and 50,000 links — made of random bytes,
//! valid files with their text damaged, valid files with one JSON value replaced by a hostile one,
//! and links that are cut, altered or carry such payloads. The generators run from fixed `ChaCha8`
//! seeds, so a failure is reproducible. Each test prints how many inputs it tried and accepted.

use std::path::{Path, PathBuf};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use cadence::engine::{presets, validate, Params};
use cadence::scenario::library::{
    read_import, read_library, read_workspace, write_library, write_workspace, Entry, Imported,
    Layout, NamedScenario, WorkspaceSnapshot, LIBRARY_VERSION, WORKSPACE_VERSION,
};
use cadence::scenario::link::{self, LinkError, LINK_VERSION};
use cadence::scenario::{self, VERSION};
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

/// Inputs per decoder family: files and links, 100,000 in all (issue 7 asks for at least that).
const CASES_PER_FAMILY: u32 = 50_000;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// `(version, files)` of every golden directory of one format: `v1/` for scenario files,
/// `library-v1/`, `workspace-v1/`, `link-v1/` for the others.
fn golden_versions(prefix: &str) -> Vec<(u32, Vec<PathBuf>)> {
    let mut versions: Vec<(u32, Vec<PathBuf>)> = std::fs::read_dir(GOLDEN)
        .expect("tests/golden")
        .filter_map(Result::ok)
        .filter_map(|dir| {
            let name = dir.file_name().to_string_lossy().into_owned();
            let version = name.strip_prefix(prefix)?.parse().ok()?;
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir.path())
                .ok()?
                .filter_map(|f| f.ok().map(|f| f.path()))
                .collect();
            files.sort();
            Some((version, files))
        })
        .collect();
    versions.sort_by_key(|(v, _)| *v);
    versions
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("golden file")
}

/// Every version from 1 to the current one has golden files, and each loads; files of an older
/// version say they were migrated, files of the current version do not.
fn check_versions(prefix: &str, current: u32, load: impl Fn(&str) -> Option<u32>) {
    let versions = golden_versions(prefix);
    let found: Vec<u32> = versions.iter().map(|(v, _)| *v).collect();
    assert_eq!(
        found,
        (1..=current).collect::<Vec<_>>(),
        "tests/golden/{prefix}N must exist for every version"
    );
    for (version, files) in versions {
        assert!(!files.is_empty(), "{prefix}{version} is empty");
        for file in files {
            let migrated_from = load(&read(&file));
            if version == current {
                assert_eq!(migrated_from, None, "{}", file.display());
            } else {
                // The oldest version read: the file's, or an older one of the scenarios it
                // embeds (a library of version 3 holds scenarios of version 2).
                assert!(
                    migrated_from.is_some_and(|from| from <= version),
                    "{}: {migrated_from:?}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn golden_scenario_files_of_every_version_load() {
    check_versions("v", VERSION, |text| {
        match read_import(text).unwrap_or_else(|e| panic!("{e:#?}")) {
            Imported::Scenario { migrated_from, .. } => migrated_from,
            Imported::Library(_) => panic!("a scenario file read as a library"),
        }
    });
}

#[test]
fn golden_library_files_of_every_version_load_and_write_back() {
    check_versions("library-v", LIBRARY_VERSION, |text| {
        let Ok(Imported::Library(read)) = read_import(text) else {
            panic!("a library file imports");
        };
        assert!(read.rejected.is_empty());
        if read.migrated_from.is_none() {
            assert_eq!(write_library(&read.entries, Layout::Pretty), text);
        }
        read.migrated_from
    });
    let text = read(&Path::new(GOLDEN).join("library-v1/library.json"));
    let read = read_library(&text).expect("readable");
    let names: Vec<&str> = read
        .entries
        .iter()
        .map(|e| e.scenario.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Default team",
            "断档：忙时停止",
            "<img src=x onerror=alert(1)>"
        ]
    );
    assert_eq!(
        read.entries[1].scenario.params,
        presets::get("fault").expect("preset").params
    );
    assert_eq!(read.entries[2].modified, day(2026, 11, 22));
}

#[test]
fn golden_workspace_files_of_every_version_restore() {
    check_versions("workspace-v", WORKSPACE_VERSION, |text| {
        let read = read_workspace(text).unwrap_or_else(|e| panic!("{e:#?}"));
        assert!(read.rejected_pins.is_empty());
        // Written back at the current version: every version number (the file's and its
        // scenarios') reads 4, nothing else changes.
        assert_eq!(
            write_workspace(&read.snapshot),
            text.trim_end()
                .replace("\"version\":1,", "\"version\":4,")
                .replace("\"version\":2,", "\"version\":4,")
                .replace("\"version\":3,", "\"version\":4,")
        );
        read.migrated_from
    });
    let text = read(&Path::new(GOLDEN).join("workspace-v1/workspace.json"));
    let snapshot = read_workspace(&text).expect("readable").snapshot;
    assert_eq!(snapshot.name.as_deref(), Some("断档：忙时停止"));
    assert_eq!(
        (snapshot.mc_runs.as_str(), snapshot.mc_seed.as_str()),
        ("2,000", "7")
    );
    assert_eq!(snapshot.pinned[0].name, "eight");
}

#[test]
fn golden_links_of_every_version_open() {
    check_versions("link-v", LINK_VERSION, |text| {
        let shared = link::decode(text.trim()).unwrap_or_else(|e| panic!("{e:?}"));
        // A link made today opens the same scenario (the compressed bytes may differ between
        // versions of the deflate crate, so the text is not compared).
        let again = link::decode(&link::encode(&shared.scenario)).expect("opens");
        assert_eq!(again.scenario, shared.scenario);
        shared.migrated_from
    });
    // Version 3 carries the team's actuals (issue 18).
    let text = read(&Path::new(GOLDEN).join("link-v3/fault-actuals.txt"));
    let shared = link::decode(text.trim()).expect("opens");
    let weeks: Vec<u32> = shared
        .scenario
        .params
        .actuals
        .iter()
        .map(|w| w.week)
        .collect();
    assert_eq!(weeks, (16..=23).collect::<Vec<_>>());
    assert_eq!(shared.scenario.params.actuals[7].active_loans, Some(743.0));
    let text = read(&Path::new(GOLDEN).join("link-v1/fault.txt"));
    let shared = link::decode(text.trim()).expect("opens");
    assert_eq!(shared.scenario.name, "The fault");
    assert_eq!(shared.scenario.start_date, day(2025, 12, 29));
    assert_eq!(
        shared.scenario.params,
        presets::get("fault").expect("preset").params
    );
}

#[test]
fn golden_classroom_session_files_of_every_version_open() {
    use cadence::scenario::classroom::session_file;
    // Version 1 is the first: nothing is migrated yet, so every file reads as the current version.
    check_versions("session-v", session_file::VERSION, |text| {
        let file = session_file::read(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(!file.rounds.is_empty());
        None
    });
}

#[test]
fn a_hostile_name_pinned_from_a_link_is_escaped_in_every_chart() {
    use cadence::i18n::Lang;
    use cadence::ui::chart_data::{chart_set, Overlays};
    use cadence::ui::charts::{
        active_loans, hours, new_loans, pipeline, profit, quality_mix, ChartSize, ChartTheme,
    };
    use cadence::ui::page::Page;
    use cadence::ui::{compare, library};

    let probe = "<img src=x onerror=alert(1)>&\"'</svg><script>alert(2)</script>";
    let fragment = link::encode(&NamedScenario {
        name: probe.to_owned(),
        start_date: day(2027, 1, 4),
        params: presets::get("fault").expect("preset").params,
    });
    let w = Page::new(Lang::En, day(2026, 11, 28))
        .apply(library::Action::OpenLink {
            fragment,
            today: day(2026, 11, 28),
        })
        .apply(compare::Action::Pin(probe.to_owned()));
    assert_eq!(w.compare.pinned[0].name, probe);
    let result = w.workspace.result.as_ref().expect("ran");
    let set = chart_set(
        result,
        &Overlays {
            pinned: &w.compare.pinned,
            ..Overlays::default()
        },
        Lang::En,
    );
    let (theme, size) = (ChartTheme::light(), ChartSize::DESKTOP);
    let svgs = [
        active_loans::render_svg(&set.active_loans, &theme, size),
        new_loans::render_svg(&set.new_loans, &theme, size),
        pipeline::render_svg(&set.pipeline, &theme, size),
        hours::render_svg(&set.hours, &theme, size),
        quality_mix::render_svg(&set.quality_mix, &theme, size),
        profit::render_svg(&set.profit, &theme, size),
    ];
    let mut legends = 0;
    for svg in svgs {
        let svg = svg.expect("renders");
        assert!(!svg.contains("<img") && !svg.contains("<script"), "{svg}");
        assert_eq!(
            svg.matches("<svg").count(),
            1,
            "the name cannot close the SVG early"
        );
        legends += usize::from(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
    assert!(
        legends >= 2,
        "the pinned name is drawn, as text, in the overlaid charts"
    );
}

// ---- the fuzz-style property test ----------------------------------------------------------

/// Valid texts to damage: scenario files, a library file and a workspace file.
fn seeds() -> Vec<String> {
    let fault = presets::get("fault").expect("preset").params;
    let mut seeds: Vec<String> = golden_versions("v")
        .into_iter()
        .flat_map(|(_, files)| files)
        .map(|f| read(&f))
        .collect();
    seeds.push(r#"{"version": 1, "team": {"ams": 3}, "shocks": [{"kind": "burst", "start": 3, "duration_weeks": 2, "apps_per_am": 4}]}"#.to_owned());
    seeds.push(write_library(
        &[Entry {
            scenario: NamedScenario {
                name: "x".into(),
                start_date: day(2027, 1, 4),
                params: fault.clone(),
            },
            modified: day(2026, 1, 1),
            id: String::new(),
            stamp: cadence::scenario::library::Stamp::default(),
        }],
        Layout::Compact,
    ));
    seeds.push(write_workspace(&WorkspaceSnapshot {
        name: Some("w".into()),
        in_library: false,
        start_date: day(2027, 1, 4),
        params: Params::default(),
        advanced: false,
        mc_runs: "1000".into(),
        mc_seed: "42".into(),
        pinned: vec![NamedScenario {
            name: "p".into(),
            start_date: day(2027, 1, 4),
            params: fault,
        }],
        reference: 0,
    }));
    seeds
}

fn below(rng: &mut ChaCha8Rng, n: usize) -> usize {
    // Counts here are small (texts of a few kilobytes), so u32 is exact on every target.
    rng.random_range(0..u32::try_from(n.max(1)).unwrap_or(u32::MAX)) as usize
}

/// A hostile JSON value: wrong types, huge or negative numbers, deep nesting, long strings.
fn hostile_value(rng: &mut ChaCha8Rng) -> Value {
    match rng.random_range(0..14_u32) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(0),
        3 => json!(-1),
        4 => json!(1e308),
        5 => json!(-1e-308),
        6 => json!(u64::MAX),
        7 => json!(rng.random_range(-1000.0..1000.0_f64)),
        8 => json!("<img src=x onerror=alert(1)>"),
        9 => json!("x".repeat(below(rng, 300))),
        10 => json!([1, "a", null]),
        11 => json!({"kind": "burst", "start": 1}),
        12 => {
            let mut deep = json!(1);
            for _ in 0..below(rng, 200) {
                deep = json!([deep]);
            }
            deep
        }
        _ => json!({}),
    }
}

/// Replaces, removes or adds one value somewhere inside `value`, at most `depth` levels down.
fn mutate_json(value: &mut Value, rng: &mut ChaCha8Rng, depth: u32) {
    let len = match value {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if depth > 0 && len > 0 && rng.random_range(0..4_u32) > 0 {
        let i = below(rng, len);
        let child = match value {
            Value::Object(map) => map.values_mut().nth(i),
            Value::Array(items) => items.get_mut(i),
            _ => None,
        };
        if let Some(child) = child {
            mutate_json(child, rng, depth - 1);
            return;
        }
    }
    match (rng.random_range(0..4_u32), &mut *value) {
        (0, Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(below(rng, map.len())).cloned();
            if let Some(key) = key {
                map.remove(&key);
            }
        }
        (1, Value::Object(map)) => {
            map.insert("unexpected".to_owned(), hostile_value(rng));
        }
        _ => *value = hostile_value(rng),
    }
}

const TOKENS: &[&str] = &[
    "{", "}", "[", "]", "\"", ",", ":", "null", "1e999", "-0", "\"x\"", "true", "\\u0000",
    "\u{202e}", "长",
];

/// Damages text the way files and links get damaged: cut, bytes changed, pieces inserted or repeated.
fn mutate_text(text: &str, rng: &mut ChaCha8Rng) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=below(rng, 3) {
        let at = below(rng, bytes.len() + 1);
        match rng.random_range(0..5_u32) {
            0 => bytes.truncate(at),
            1 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b = rng.random();
                }
            }
            2 => {
                let token = TOKENS[below(rng, TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            3 => {
                let end = (at + below(rng, 40)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let end = (at + below(rng, 40)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn random_text(rng: &mut ChaCha8Rng, alphabet: &[u8]) -> String {
    let len = below(rng, 64);
    let bytes: Vec<u8> = (0..len)
        .map(|_| {
            if alphabet.is_empty() {
                rng.random()
            } else {
                alphabet[below(rng, alphabet.len())]
            }
        })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A generated file: random bytes, damaged text or a hostile value inside a valid file.
fn generated_file(seeds: &[String], parsed: &[Value], rng: &mut ChaCha8Rng) -> String {
    match rng.random_range(0..10_u32) {
        0 => random_text(rng, b""),
        1 => random_text(rng, b"{}[]\":,0123456789.-eEtrufalsn version"),
        2..=5 => mutate_text(&seeds[below(rng, seeds.len())], rng),
        _ => {
            let mut value = parsed[below(rng, parsed.len())].clone();
            for _ in 0..=below(rng, 2) {
                mutate_json(&mut value, rng, 5);
            }
            value.to_string()
        }
    }
}

#[test]
fn file_and_storage_decoders_never_panic_on_generated_inputs() {
    let seeds = seeds();
    let parsed: Vec<Value> = seeds
        .iter()
        .map(|s| serde_json::from_str(s).expect("seeds are JSON"))
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let (mut tried, mut imported) = (0_u32, 0_u32);
    for _ in 0..CASES_PER_FAMILY {
        let text = generated_file(&seeds, &parsed, &mut rng);
        match read_import(&text) {
            Ok(Imported::Scenario { params, .. }) => {
                assert!(
                    validate(&params).is_ok(),
                    "an imported scenario is valid: {text}"
                );
                imported += 1;
            }
            Ok(Imported::Library(read)) => {
                assert!(read.rejected.is_empty());
                imported += 1;
            }
            Err(errors) => assert!(!errors.is_empty(), "a refusal says why: {text}"),
        }
        // The same text as stored data: unreadable parts are handed back, never lost.
        if let Ok(read) = read_library(&text) {
            for rejected in &read.rejected {
                assert!(!rejected.errors.is_empty() && !rejected.raw.is_empty());
            }
        }
        if let Ok(read) = read_workspace(&text) {
            let again = read_workspace(&write_workspace(&read.snapshot)).expect("round trip");
            assert_eq!(again.snapshot, read.snapshot, "{text}");
        }
        tried += 1;
    }
    println!(
        "file decoders: {tried} generated inputs (each read as an import, a stored library and a \
         stored workspace), {imported} imported, no panic"
    );
    assert!(
        imported > 0 && imported < tried,
        "the generator reaches both outcomes"
    );
}

#[test]
fn the_link_decoder_never_panics_on_generated_inputs() {
    let seeds = seeds();
    let mut parsed: Vec<Value> = presets::all()
        .into_iter()
        .map(|p| {
            json!({
                "version": 1,
                "name": p.id(),
                "start_date": "2027-01-04",
                "scenario": serde_json::from_str::<Value>(&scenario::to_json(&p.params)).expect("json"),
            })
        })
        .collect();
    parsed.push(
        json!({"version": 1, "name": "", "start_date": "2027-01-04", "scenario": {"version": 1}}),
    );
    let fragments: Vec<String> = parsed
        .iter()
        .map(|payload| pack(&payload.to_string()))
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let (mut tried, mut opened) = (0_u32, 0_u32);
    for _ in 0..CASES_PER_FAMILY {
        let fragment = match rng.random_range(0..10_u32) {
            0 => format!("{}{}", link::FRAGMENT_KEY, random_text(&mut rng, b"")),
            1 => format!(
                "#{}{}",
                link::FRAGMENT_KEY,
                random_text(
                    &mut rng,
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                )
            ),
            2..=4 => mutate_text(&fragments[below(&mut rng, fragments.len())], &mut rng),
            5 => pack(&generated_file(&seeds, &parsed, &mut rng)),
            _ => {
                let mut payload = parsed[below(&mut rng, parsed.len())].clone();
                mutate_json(&mut payload, &mut rng, 5);
                pack(&payload.to_string())
            }
        };
        match link::decode(&fragment) {
            Ok(shared) => {
                assert!(validate(&shared.scenario.params).is_ok());
                let again = link::decode(&link::encode(&shared.scenario)).expect("re-opens");
                assert_eq!(again.scenario, shared.scenario);
                opened += 1;
            }
            Err(LinkError::Contents(errors)) => assert!(!errors.is_empty()),
            Err(_) => {}
        }
        tried += 1;
    }
    println!("link decoder: {tried} generated inputs, {opened} opened, no panic");
    assert!(
        opened > 0 && opened < tried,
        "the generator reaches both outcomes"
    );
}

/// A link fragment carrying `payload` as is (so payloads the page would never write get through
/// the transport layers and reach the content checks).
fn pack(payload: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload.as_bytes(), 6);
    format!("{}{}", link::FRAGMENT_KEY, URL_SAFE_NO_PAD.encode(packed))
}
