//! Big library files a slice at a time (issue 22): a file a person imports may hold 10,000
//! entries, and reading it whole would hold the page for seconds. [`split_import`] checks the
//! file's JSON syntax, reads its outline (everything but the entries) and finds each entry's text
//! in one quick pass; [`read_import_slice`] then reads a few entries at a time, each exactly as
//! [`read_import`] reads it, so a file read in slices gives the entries and the problems (with
//! their paths) a whole read gives.

use std::ops::Range;

use serde::de::IgnoredAny;
use serde_json::Value;

use super::{read_import, Entry, Imported, LIBRARY_FORMAT};
use crate::engine::validate::ParamError;

/// A library file to import, split into its entries.
#[derive(Debug, Clone, PartialEq)]
pub struct LibrarySplit {
    /// The file's `version`, as written: every slice is read as a file of that version.
    version: Value,
    /// Where each entry's JSON text is in the file, in order.
    pub entries: Vec<Range<usize>>,
}

/// What a slice of a library file's entries held: the entries, or the problems of those that do
/// not read (then the import is refused whole, listing every problem).
#[derive(Debug, Clone, PartialEq)]
pub struct SliceRead {
    pub entries: Vec<Entry>,
    pub problems: Vec<ParamError>,
    /// The oldest format version met, when older than current.
    pub migrated_from: Option<u32>,
}

/// Splits a file to import. `None`: not a library file that can be split (a scenario file, a
/// file that is not JSON, a layout the splitter does not follow), to be read whole with
/// [`read_import`], which says what is wrong with it; `Some(Err)`: a library file refused whole
/// for its outline (format, version, unknown fields, deletions), with [`read_import`]'s problems.
#[must_use]
pub fn split_import(text: &str) -> Option<Result<LibrarySplit, Vec<ParamError>>> {
    // Syntax first, without building anything: then the scan below may trust the layout.
    serde_json::from_str::<IgnoredAny>(text).ok()?;
    let (array, entries) = scenarios_array(text.as_bytes())?;
    let outline = format!("{}[]{}", &text[..array.start], &text[array.end..]);
    let value: Value = serde_json::from_str(&outline).ok()?;
    value.get("format")?;
    let version = value.get("version").cloned().unwrap_or(Value::Null);
    Some(match read_import(&outline) {
        Ok(Imported::Library(_)) => Ok(LibrarySplit { version, entries }),
        Ok(Imported::Scenario { .. }) => return None,
        Err(problems) => Err(problems),
    })
}

/// Reads the entries `range` of a split file: what [`read_import`] reads of them in the whole
/// file, problems at the same paths.
#[must_use]
pub fn read_import_slice(text: &str, split: &LibrarySplit, range: Range<usize>) -> SliceRead {
    let offset = range.start;
    let mut file = format!(
        "{{\"format\":{},\"version\":{},\"scenarios\":[",
        Value::from(LIBRARY_FORMAT),
        split.version
    );
    for (n, span) in split.entries[range].iter().enumerate() {
        if n > 0 {
            file.push(',');
        }
        file.push_str(&text[span.clone()]);
    }
    file.push_str("]}");
    match read_import(&file) {
        Ok(Imported::Library(read)) => SliceRead {
            entries: read.entries,
            problems: Vec::new(),
            migrated_from: read.migrated_from,
        },
        Ok(Imported::Scenario { .. }) => SliceRead {
            entries: Vec::new(),
            problems: Vec::new(),
            migrated_from: None,
        },
        Err(mut problems) => {
            for problem in &mut problems {
                shift_entry(&mut problem.param, offset);
            }
            SliceRead {
                entries: Vec::new(),
                problems,
                migrated_from: None,
            }
        }
    }
}

/// `scenarios[3].name` read in a slice starting at entry 10 is `scenarios[13].name` in the file.
fn shift_entry(path: &mut String, offset: usize) {
    let Some(rest) = path.strip_prefix("scenarios[") else {
        return;
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return;
    };
    if let Ok(index) = index.parse::<usize>() {
        *path = format!("scenarios[{}]{tail}", index + offset);
    }
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Where the next byte `wanted` accepts is, from `at`.
fn next(bytes: &[u8], at: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    bytes
        .get(at..)?
        .iter()
        .position(|&b| wanted(b))
        .map(|offset| at + offset)
}

/// The end (one past the closing quote) of the string that starts at `at`.
fn string_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    at += 1;
    loop {
        at = next(bytes, at, |b| b == b'"' || b == b'\\')?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        at += 2;
    }
}

/// The end of the JSON value that starts at `at`, in text known to be well-formed.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => string_end(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                i = next(bytes, i, |b| matches!(b, b'"' | b'{' | b'[' | b'}' | b']'))?;
                match bytes[i] {
                    b'"' => {
                        i = string_end(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    _ => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while bytes
                .get(i)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// The top-level object's one `"scenarios"` array (brackets included) and each of its elements,
/// in well-formed JSON; `None` for any other layout (a key written with escapes, the key twice,
/// not an array), which is then read whole.
fn scenarios_array(bytes: &[u8]) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let mut at = skip_space(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at += 1;
    let mut found = None;
    loop {
        at = skip_space(bytes, at);
        match bytes.get(at)? {
            b'}' => break,
            b',' => {
                at += 1;
                continue;
            }
            b'"' => {}
            _ => return None,
        }
        let key_end = string_end(bytes, at)?;
        let key = &bytes[at + 1..key_end - 1];
        if key.contains(&b'\\') {
            return None;
        }
        at = skip_space(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_space(bytes, at + 1);
        if key == b"scenarios" {
            if found.is_some() || bytes.get(at) != Some(&b'[') {
                return None;
            }
            let (array, items) = elements(bytes, at)?;
            at = array.end;
            found = Some((array, items));
        } else {
            at = value_end(bytes, at)?;
        }
    }
    found
}

/// The array that starts at `at` (brackets included) and each of its elements.
fn elements(bytes: &[u8], start: usize) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let mut items = Vec::new();
    let mut at = skip_space(bytes, start + 1);
    loop {
        match bytes.get(at)? {
            b']' => return Some((start..at + 1, items)),
            b',' => at = skip_space(bytes, at + 1),
            _ => {
                let end = value_end(bytes, at)?;
                items.push(at..end);
                at = skip_space(bytes, end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The file read in slices of `size`: entries and problems, as `read_import` gives them.
    fn sliced(text: &str, size: usize) -> Result<Vec<Entry>, Vec<ParamError>> {
        let split = match split_import(text) {
            None => {
                return match read_import(text) {
                    Ok(Imported::Library(read)) => Ok(read.entries),
                    Ok(Imported::Scenario { .. }) => Ok(Vec::new()),
                    Err(problems) => Err(problems),
                }
            }
            Some(split) => split?,
        };
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        let mut start = 0;
        while start < split.entries.len() {
            let end = (start + size).min(split.entries.len());
            let read = read_import_slice(text, &split, start..end);
            entries.extend(read.entries);
            problems.extend(read.problems);
            start = end;
        }
        if problems.is_empty() {
            Ok(entries)
        } else {
            Err(problems)
        }
    }

    fn whole(text: &str) -> Result<Vec<Entry>, Vec<ParamError>> {
        match read_import(text) {
            Ok(Imported::Library(read)) => Ok(read.entries),
            Ok(Imported::Scenario { .. }) => Ok(Vec::new()),
            Err(problems) => Err(problems),
        }
    }

    /// The parts of an entry an import keeps (ids of a v2 file are the entry's place in it).
    fn kept(read: Result<Vec<Entry>, Vec<ParamError>>) -> Result<Vec<String>, Vec<ParamError>> {
        read.map(|entries| {
            entries
                .iter()
                .map(|e| {
                    format!(
                        "{}|{}|{}|{}",
                        e.scenario.name,
                        e.modified,
                        e.scenario.start_date,
                        e.scenario.params.team.ams
                    )
                })
                .collect()
        })
    }

    fn entry_text(i: usize, bad: u8, name: &str, version: u32) -> String {
        let ids = if version >= 3 {
            format!(r#""id": "e{i}", "rev": 1, "by": "t", "#)
        } else {
            String::new()
        };
        let team = match bad {
            1 => r#"{"ams": 0}"#.to_owned(),
            2 => r#"{"ams": "six", "colour": "red"}"#.to_owned(),
            _ => format!(r#"{{"ams": {}}}"#, 1 + i % 9),
        };
        let modified = if bad == 3 { "2026-13-40" } else { "2026-11-02" };
        format!(
            r#"{{{ids}"name": {}, "modified": "{modified}", "start_date": "2027-01-04", "scenario": {{"version": 2, "team": {team}}}}}"#,
            Value::from(name)
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Issue 22: a library file read in slices gives exactly what a whole read gives — the
        /// entries in order, or every problem at its path — whatever the slice size, names with
        /// JSON's special characters, entries that do not read, and the white space between.
        #[test]
        fn issue_22_a_file_read_in_slices_reads_as_it_does_whole(
            entries in proptest::collection::vec((0u8..8, "[a-z\"\\\\\\[\\]{},: 中]{0,12}"), 0..24),
            version in 1u32..=3,
            size in 1usize..9,
            space in "[ \n\t]{0,3}",
            extra in 0u8..6,
        ) {
            let texts: Vec<String> = entries
                .iter()
                .enumerate()
                .map(|(i, (bad, name))| entry_text(i, *bad, name, version))
                .collect();
            let list = texts.join(&format!(",{space}"));
            let tail = match extra {
                0 => r#", "deleted": []"#.to_owned(),
                1 => r#", "colour": "red""#.to_owned(),
                2 => format!(r#", "deleted": [{{"id": "x", "rev": 1, "by": "t"}}]{space}"#),
                _ => String::new(),
            };
            let version = if extra == 4 { 9 } else { version };
            let text = format!(r#"{space}{{"format": "cadence-library",{space}"version": {version}, "scenarios": [{space}{list}{space}]{tail}}}{space}"#);
            prop_assert!(split_import(&text).is_some(), "split, not read whole: {}", text);
            prop_assert_eq!(kept(sliced(&text, size)), kept(whole(&text)));
        }
    }

    #[test]
    fn layouts_the_splitter_does_not_follow_are_read_whole() {
        let escaped = r#"{"format": "cadence-library", "version": 3, "scen\u0061rios": []}"#;
        assert_eq!(split_import(escaped), None);
        let twice =
            r#"{"format": "cadence-library", "version": 3, "scenarios": [], "scenarios": []}"#;
        assert_eq!(split_import(twice), None);
        assert_eq!(split_import(r#"{"format": "x", "scenarios": {}}"#), None);
        assert_eq!(split_import(r#"{"version": 2, "team": {"ams": 6}}"#), None);
        assert_eq!(
            split_import(r#"{"format": "cadence-library", "scenarios": ["#),
            None
        );
        assert_eq!(split_import("[]"), None);
        let outline = split_import(
            r#"{"format": "cadence-library", "version": 3, "scenarios": [1], "colour": 1}"#,
        );
        assert!(
            matches!(outline, Some(Err(problems)) if problems.iter().any(|p| p.param == "colour"))
        );
    }

    #[test]
    fn problems_keep_their_place_in_the_file() {
        let mut path = "scenarios[3].scenario.team.ams".to_owned();
        shift_entry(&mut path, 10);
        assert_eq!(path, "scenarios[13].scenario.team.ams");
        let mut other = "format".to_owned();
        shift_entry(&mut other, 10);
        assert_eq!(other, "format");
    }
}
