//! Imports a slice at a time (issue 22): a library file of 10,000 entries is checked, then added,
//! in slices small enough that the page answers keystrokes between them. The import in progress
//! is part of the library slice's model, which asks for each next slice with
//! `Effect::ContinueImport`, so an import is plain data and tested natively. It stays all or
//! nothing per file: every entry of a file is checked before the first is added, and a file with
//! one bad entry is refused whole, listing every problem.

use std::collections::VecDeque;

use chrono::NaiveDate;

use crate::engine::ParamError;
use crate::i18n::{Lang, Text};
use crate::scenario::library::sliced::{read_import_slice, split_import, LibrarySplit};
use crate::scenario::library::{self as files, Entry, Imported, NamedScenario};
use crate::services::files::ReadFile;
use crate::ui::library::entries::Library;
use crate::ui::library::notice::{Notice, Notices, Source};
use crate::ui::workspace::date_of_week;

/// The work one slice may do, in bytes of file text read (checking an entry costs
/// [`ENTRY_COST`] more, adding one [`ADD_COST`]): measured in Chromium on a busy two-core
/// machine, a slice takes 10–25 ms, so the page answers keystrokes between slices.
pub const SLICE_WORK: usize = 64 * 1024;
/// What checking an entry costs beyond its text: its scenario is validated (≈ 0.3 ms).
const ENTRY_COST: usize = 1_500;
/// What adding an entry costs: its text is made for the stored library.
const ADD_COST: usize = 1_000;
/// What finding the entries of a file costs per byte of it, as a share of reading it.
const SPLIT_SHARE: usize = 8;
/// Names an import's notice lists; the others are counted.
pub const MAX_NAMED: usize = 10;

/// An import in progress: the files still to read and the one being read.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    queue: VecDeque<ReadFile>,
    today: NaiveDate,
    file: Option<FileImport>,
    /// The first names added, in the files' order, and how many were added in all.
    named: Vec<String>,
    count: usize,
    /// Slices run so far.
    pub slices: usize,
}

/// A library file being read in slices.
#[derive(Debug, Clone, PartialEq)]
struct FileImport {
    name: String,
    text: String,
    split: LibrarySplit,
    /// Entries checked so far, from the first.
    checked: usize,
    entries: Vec<Entry>,
    problems: Vec<ParamError>,
    migrated_from: Option<u32>,
    /// Entries added so far, from the last: the file's first entry is added last, so the
    /// file's order is kept at the top of the list.
    added: usize,
    /// The names given, one list per slice added.
    names: Vec<Vec<String>>,
}

/// What a step of an import did.
enum Step {
    /// Work done, in [`SLICE_WORK`]'s units.
    Worked(usize),
    /// Every file is read.
    Finished,
}

impl Import {
    /// How far the file being read is: its name, entries done, entries in all, and whether they
    /// are being added (else checked).
    #[must_use]
    pub fn progress(&self) -> Option<(&str, usize, usize, bool)> {
        self.file.as_ref().map(|f| {
            let total = f.split.entries.len();
            if f.checked < total {
                (f.name.as_str(), f.checked, total, false)
            } else {
                (f.name.as_str(), f.added, total, true)
            }
        })
    }
}

impl Import {
    /// An import of these files, not yet begun.
    #[must_use]
    pub fn new(files: Vec<ReadFile>, today: NaiveDate) -> Import {
        Import {
            queue: files.into(),
            today,
            file: None,
            named: Vec::new(),
            count: 0,
            slices: 0,
        }
    }

    /// Reads these files after the others.
    pub fn queue(&mut self, files: Vec<ReadFile>) {
        self.queue.extend(files);
    }

    /// Runs one slice of the import into `library`, saying on `notices` how far it is, what was
    /// refused and, at the end, what came in. Returns whether work is left for another slice.
    pub fn run_slice(&mut self, library: &mut Library, notices: &mut Notices, lang: Lang) -> bool {
        self.slices += 1;
        let fallback = Text::UntitledScenario.get(lang);
        let mut work = 0;
        // A step is worth taking while an entry can still be added.
        while work + ADD_COST <= SLICE_WORK {
            match self.step(SLICE_WORK - work, library, notices, fallback) {
                Step::Worked(done) => work += done,
                Step::Finished => break,
            }
        }
        notices.dismiss_where(|n| matches!(n, Notice::Importing { .. }));
        if let Some((file, done, total, adding)) = self.progress() {
            notices.post(Notice::Importing {
                file: file.to_owned(),
                done,
                total,
                adding,
            });
            return true;
        }
        if !self.queue.is_empty() {
            return true;
        }
        // Every file is read: say what came in.
        if self.count > 0 {
            notices.post(Notice::Imported {
                more: self.count - self.named.len(),
                names: std::mem::take(&mut self.named),
            });
        }
        false
    }

    /// Does up to `budget` of the import's work (at least one entry's).
    fn step(
        &mut self,
        budget: usize,
        library: &mut Library,
        notices: &mut Notices,
        fallback: &str,
    ) -> Step {
        let Some(mut file) = self.file.take() else {
            let Some(next) = self.queue.pop_front() else {
                return Step::Finished;
            };
            return self.start_file(next, library, notices, fallback);
        };
        let total = file.split.entries.len();
        let worked = if file.checked < total {
            let start = file.checked;
            let mut end = start;
            let mut bytes = 0;
            while end < total && bytes < budget {
                bytes += file.split.entries[end].len() + ENTRY_COST;
                end += 1;
            }
            let read = read_import_slice(&file.text, &file.split, start..end);
            file.entries.extend(read.entries);
            file.problems.extend(read.problems);
            file.migrated_from = oldest(file.migrated_from, read.migrated_from);
            file.checked = end;
            if end == total && !file.problems.is_empty() {
                notices.post(Notice::FileRejected {
                    file: file.name,
                    problems: file.problems,
                });
                return Step::Worked(bytes);
            }
            if end == total {
                if let Some(from) = file.migrated_from {
                    notices.post(Notice::Migrated {
                        source: Source::File(file.name.clone()),
                        from,
                    });
                }
            }
            bytes
        } else {
            let count = (budget / ADD_COST).max(1).min(total - file.added);
            let from = total - file.added - count;
            let slice: Vec<(NamedScenario, NaiveDate)> = file
                .entries
                .drain(from..)
                .map(|e| (e.scenario, e.modified))
                .collect();
            file.names.push(library.add_all(slice, fallback));
            file.added += count;
            if file.added == total {
                let names: Vec<String> = file.names.drain(..).rev().flatten().collect();
                self.imported(names);
                return Step::Worked(count * ADD_COST);
            }
            count * ADD_COST
        };
        self.file = Some(file);
        Step::Worked(worked.max(1))
    }

    /// Starts reading a file: a library file is split to be read in slices; a scenario file (or
    /// a file the splitter does not follow) is read at once.
    fn start_file(
        &mut self,
        file: ReadFile,
        library: &mut Library,
        notices: &mut Notices,
        fallback: &str,
    ) -> Step {
        let text = match file.content {
            Ok(text) => text,
            Err(problem) => {
                notices.post(Notice::FileFailed {
                    file: file.name,
                    problem,
                });
                return Step::Worked(1);
            }
        };
        match split_import(&text) {
            Some(Ok(split)) if !split.entries.is_empty() => {
                let work = text.len() / SPLIT_SHARE + 1;
                self.file = Some(FileImport {
                    name: file.name,
                    text,
                    split,
                    checked: 0,
                    entries: Vec::new(),
                    problems: Vec::new(),
                    migrated_from: None,
                    added: 0,
                    names: Vec::new(),
                });
                Step::Worked(work)
            }
            Some(Err(problems)) => {
                notices.post(Notice::FileRejected {
                    file: file.name,
                    problems,
                });
                Step::Worked(text.len() / SPLIT_SHARE + 1)
            }
            Some(Ok(_)) | None => {
                self.import_whole(&file.name, &text, library, notices, fallback);
                Step::Worked(text.len() + 1)
            }
        }
    }

    /// Reads a whole file and adds what it holds (a scenario file, a library file the splitter
    /// does not follow), or says why it was refused.
    fn import_whole(
        &mut self,
        name: &str,
        text: &str,
        library: &mut Library,
        notices: &mut Notices,
        fallback: &str,
    ) {
        let migrated_from = match files::read_import(text) {
            Err(problems) => {
                notices.post(Notice::FileRejected {
                    file: name.to_owned(),
                    problems,
                });
                return;
            }
            Ok(Imported::Scenario {
                params,
                migrated_from,
            }) => {
                let scenario = NamedScenario {
                    name: file_stem(name),
                    start_date: date_of_week(params.team.start_week, self.today),
                    params,
                };
                let (_, added) = library.add(scenario, fallback, self.today);
                self.imported(vec![added]);
                migrated_from
            }
            Ok(Imported::Library(read)) => {
                let scenarios = read
                    .entries
                    .into_iter()
                    .map(|e| (e.scenario, e.modified))
                    .collect();
                let names = library.add_all(scenarios, fallback);
                self.imported(names);
                read.migrated_from
            }
        };
        if let Some(from) = migrated_from {
            notices.post(Notice::Migrated {
                source: Source::File(name.to_owned()),
                from,
            });
        }
    }

    /// Counts names added, keeping the first for the notice.
    fn imported(&mut self, names: Vec<String>) {
        self.count += names.len();
        let room = MAX_NAMED.saturating_sub(self.named.len());
        self.named.extend(names.into_iter().take(room));
    }
}

/// A file's name without its `.json` ending, as a scenario name.
fn file_stem(file_name: &str) -> String {
    let stem = file_name
        .len()
        .checked_sub(5)
        .filter(|&cut| {
            file_name.is_char_boundary(cut) && file_name[cut..].eq_ignore_ascii_case(".json")
        })
        .map_or(file_name, |cut| &file_name[..cut]);
    files::clean_name(stem)
}

fn oldest(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
// The values compared are set verbatim, not computed.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::engine::Params;
    use crate::scenario::library::{read_import, write_library, Layout};
    use crate::ui::effect::Effect;
    use crate::ui::library::Action;
    use crate::ui::page::{Msg, Page};
    use crate::ui::workspace::{self, fields::Field};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
    }

    /// A library file of `n` small entries (the page reads a scenario without every field).
    fn big_file(n: usize, bad: Option<usize>) -> String {
        let entries: Vec<String> = (0..n)
            .map(|i| {
                let ams = if Some(i) == bad { 0 } else { 1 + i % 9 };
                format!(
                    r#"{{"name": "Branch {i}", "modified": "2026-11-02", "start_date": "2027-01-04", "scenario": {{"version": 2, "team": {{"ams": {ams}}}}}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"format": "cadence-library", "version": 2, "scenarios": [{}]}}"#,
            entries.join(", ")
        )
    }

    fn file(name: &str, text: String) -> ReadFile {
        ReadFile {
            name: name.to_owned(),
            content: Ok(text),
        }
    }

    /// Sends `msg`, then every slice it asks for, as the shell does; after each slice, `between`
    /// (what the person does meanwhile). Returns the progress notices seen, one per slice.
    fn run(
        page: &mut Page,
        msg: Msg,
        mut between: impl FnMut(&mut Page, usize),
    ) -> Vec<(usize, usize, bool)> {
        let mut seen = Vec::new();
        let mut effects = page.update(msg);
        while effects.contains(&Effect::ContinueImport) {
            let progress = page
                .library
                .notices
                .posted()
                .iter()
                .find_map(|p| match &p.notice {
                    Notice::Importing {
                        done,
                        total,
                        adding,
                        ..
                    } => Some((*done, *total, *adding)),
                    _ => None,
                });
            seen.push(progress.unwrap_or((0, 0, false)));
            between(page, seen.len());
            effects = page.update(Msg::Library(Action::ContinueImport));
        }
        seen
    }

    fn names(page: &Page) -> Vec<String> {
        page.library
            .library
            .items()
            .iter()
            .map(|i| i.entry.scenario.name.clone())
            .collect()
    }

    #[test]
    fn issue_22_a_big_library_file_is_read_in_bounded_slices_with_progress_and_keystrokes_between()
    {
        let n = 3_000;
        let mut page = Page::new(Lang::En, today());
        let mut typed = 0;
        let seen = run(
            &mut page,
            Msg::Library(Action::ImportFiles {
                files: vec![file("big.json", big_file(n, None))],
                today: today(),
            }),
            |page, slice| {
                // A keystroke between two slices is handled at once, the import going on.
                if slice % 20 == 0 {
                    typed += 1;
                    page.update(Msg::Workspace(workspace::Action::EditField(
                        Field::Ams,
                        (2 + typed % 7).to_string(),
                    )));
                    assert_eq!(page.workspace.params.team.ams, f64::from(2 + typed % 7));
                    assert!(page.library.import.is_some());
                }
            },
        );
        assert!(typed > 3, "keystrokes between slices: {typed}");
        // Every slice did a bounded share of the work: the counts shown grow by a few dozen.
        let checked: Vec<usize> = seen.iter().filter(|s| !s.2).map(|s| s.0).collect();
        let added: Vec<usize> = seen.iter().filter(|s| s.2).map(|s| s.0).collect();
        let most_checked = SLICE_WORK / ENTRY_COST + 1;
        for step in checked.windows(2).map(|w| w[1] - w[0]) {
            assert!(step <= most_checked, "{step} entries checked in one slice");
        }
        for step in added.windows(2).map(|w| w[1] - w[0]) {
            assert!(
                step <= SLICE_WORK / ADD_COST,
                "{step} entries added in one slice"
            );
        }
        assert!(
            checked.len() > n / most_checked,
            "{} slices checked",
            checked.len()
        );
        assert!(seen.iter().all(|s| s.1 == n));
        // All of it, in the file's order, under the names a whole read gives.
        let Ok(Imported::Library(read)) = read_import(&big_file(n, None)) else {
            panic!("a valid file");
        };
        let expected: Vec<String> = read
            .entries
            .iter()
            .map(|e| e.scenario.name.clone())
            .collect();
        assert_eq!(names(&page), expected);
        let notices: Vec<&Notice> = page
            .library
            .notices
            .posted()
            .iter()
            .map(|p| &p.notice)
            .collect();
        assert!(notices
            .iter()
            .all(|n| !matches!(n, Notice::Importing { .. })));
        assert!(notices.contains(&&Notice::Imported {
            names: (0..MAX_NAMED).map(|i| format!("Branch {i}")).collect(),
            more: n - MAX_NAMED,
        }));
        assert!(notices.contains(&&Notice::Migrated {
            source: Source::File("big.json".into()),
            from: 2
        }));
    }

    #[test]
    fn issue_22_one_bad_entry_refuses_a_big_file_whole_with_its_place() {
        let mut page = Page::new(Lang::En, today());
        let seen = run(
            &mut page,
            Msg::Library(Action::ImportFiles {
                files: vec![file("big.json", big_file(2_000, Some(1_777)))],
                today: today(),
            }),
            |_, _| {},
        );
        assert!(seen.len() > 10);
        assert!(seen.iter().all(|s| !s.2), "nothing was added");
        assert!(names(&page).is_empty());
        let rejected = page
            .library
            .notices
            .posted()
            .iter()
            .find_map(|p| match &p.notice {
                Notice::FileRejected { problems, .. } => Some(problems.clone()),
                _ => None,
            });
        let paths: Vec<String> = rejected
            .expect("refused")
            .into_iter()
            .map(|p| p.param)
            .collect();
        assert_eq!(paths, ["scenarios[1777].scenario.team.ams"]);
    }

    #[test]
    fn files_picked_during_an_import_follow_it_and_small_files_need_no_second_slice() {
        let mut page = Page::new(Lang::En, today());
        let small = write_library(
            &[Entry::new(
                NamedScenario {
                    name: "Small".into(),
                    start_date: today(),
                    params: Params::default(),
                },
                today(),
            )],
            Layout::Pretty,
        );
        let effects = page.update(Msg::Library(Action::ImportFiles {
            files: vec![file("small.json", small.clone())],
            today: today(),
        }));
        assert!(!effects.contains(&Effect::ContinueImport), "one slice");
        assert_eq!(names(&page), ["Small"]);
        let mut later = Some(vec![
            file("plan.json", r#"{"version": 2}"#.to_owned()),
            file("small.json", small),
        ]);
        run(
            &mut page,
            Msg::Library(Action::ImportFiles {
                files: vec![file("big.json", big_file(500, None))],
                today: today(),
            }),
            |page, _| {
                if let Some(files) = later.take() {
                    let effects = page.update(Msg::Library(Action::ImportFiles {
                        files,
                        today: today(),
                    }));
                    assert!(
                        !effects.contains(&Effect::ContinueImport),
                        "the import's next slice is already asked for"
                    );
                }
            },
        );
        let shown = names(&page);
        assert_eq!(shown.len(), 503);
        assert_eq!(&shown[..3], ["Small (2)", "plan", "Branch 0"]);
        assert!(page.library.notices.posted().iter().any(|p| p.notice
            == Notice::Imported {
                names: (0..MAX_NAMED).map(|i| format!("Branch {i}")).collect(),
                more: 502 - MAX_NAMED,
            }));
    }
}
