//! View models of keeping and sharing: the library list with its dates, the open scenario's
//! name and state, the notices in words, and the files and links made from the workspace.
//!
//! Like `view_model`, everything here is plain data in the user's language, tested natively; the
//! components render it as text (names are never markup).

use chrono::NaiveDate;

use crate::engine::{ParamError, Params};
use crate::i18n::{fill, Lang, Text};
use crate::scenario::link::{self, LinkError};
use crate::ui::format;
use crate::ui::library::entries::EntryId;
use crate::ui::library::notice::{Conflict, FileProblem, Notice, Source, StoredPart};
pub use crate::ui::library::{Export, ShareView};
use crate::ui::library::{Model, LIBRARY_ROWS};
use crate::ui::workspace;
use crate::ui::workspace::view::error_text;

/// What the library's views read: the library slice, the workspace it keeps, and the page's
/// language (the page provides it).
pub trait Keeping {
    fn keeping(&self) -> (&Model, &workspace::Model, Lang);
}

/// Problems listed in one notice; a file with more gets a "… and N more" line.
pub const MAX_PROBLEM_LINES: usize = 20;

/// One row of the library list.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryRow {
    pub id: EntryId,
    pub name: String,
    /// "Today" or the date, in the user's language.
    pub modified: String,
    /// Whether this is the entry being edited.
    pub is_open: bool,
}

/// The library list, in order, as far as it is shown (the first [`LIBRARY_ROWS`] and as many
/// more as were asked for).
#[must_use]
pub fn library_rows(w: &impl Keeping, today: NaiveDate) -> Vec<LibraryRow> {
    let (library, _, lang) = w.keeping();
    let open = library.bound_entry().map(|item| item.id);
    library
        .library
        .items()
        .iter()
        .take(LIBRARY_ROWS + library.more_rows)
        .map(|item| LibraryRow {
            id: item.id,
            name: item.entry.scenario.name.clone(),
            modified: modified_text(item.entry.modified, today, lang),
            is_open: Some(item.id) == open,
        })
        .collect()
}

/// A last-modified date: "Today", else the date in the user's language.
#[must_use]
pub fn modified_text(day: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    if day == today {
        Text::ModifiedToday.get(lang).to_owned()
    } else {
        format::date(day, lang)
    }
}

/// The open scenario's name and whether it is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct CurrentView {
    pub name: String,
    /// "saved", "unsaved changes", "not in your library".
    pub state: String,
    pub unsaved: bool,
    /// Whether Save updates an existing entry (rather than adding one).
    pub saves_in_place: bool,
}

#[must_use]
pub fn current_view(w: &impl Keeping) -> CurrentView {
    let (library, ws, lang) = w.keeping();
    let unsaved = library.has_unsaved_changes(ws);
    let bound = library.bound_entry().is_some();
    let name = match &library.title {
        Some(title) => title.clone(),
        None => Text::CurrentUnsaved.get(lang).to_owned(),
    };
    let state = match (bound, unsaved) {
        // The browser keeps nothing now: "saved" would promise what a reload takes away.
        (true, false) if library.tab_only => Text::StateKeptInTab,
        (true, false) => Text::StateSaved,
        (true, true) => Text::StateUnsavedChanges,
        (false, _) => Text::StateNotInLibrary,
    };
    CurrentView {
        name,
        state: state.get(lang).to_owned(),
        unsaved,
        saves_in_place: bound,
    }
}

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something was refused.
    Error,
    /// Something needs attention (storage, recovered data).
    Warning,
    /// News.
    Info,
}

impl Tone {
    /// The CSS class suffix.
    #[must_use]
    pub fn class(self) -> &'static str {
        match self {
            Tone::Error => "notice-error",
            Tone::Warning => "notice-warning",
            Tone::Info => "notice-info",
        }
    }
}

/// One problem of a refused file or link: the field by its name in the page's language, what is
/// wrong with it, and its JSON path (for experts and the command line).
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemLine {
    /// The field's name ("Account managers", "Cold visits · Saturation hours"), with the entry of
    /// a library file it is in; empty for a problem with the whole file.
    pub label: String,
    /// The JSON path; empty for a problem with the whole file.
    pub field: String,
    pub text: String,
}

/// A notice in words.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeView {
    pub id: u64,
    pub tone: Tone,
    pub message: String,
    pub problems: Vec<ProblemLine>,
    /// A line after the problems ("… and 12 more.").
    pub more: Option<String>,
    /// Offers Undo (a deletion).
    pub undo: bool,
    /// Files offered for download (storage cannot keep the work, or holds what the page could not
    /// read), each with its button's label.
    pub downloads: Vec<(Export, String)>,
    /// Goes away by itself after a few seconds (a confirmation nobody needs to act on).
    pub transient: bool,
}

/// Every notice on screen, oldest first.
#[must_use]
pub fn notice_views(w: &impl Keeping) -> Vec<NoticeView> {
    let (library, _, lang) = w.keeping();
    library
        .notices
        .posted()
        .iter()
        .map(|posted| notice_view(posted.id, &posted.notice, &library.unread, lang))
        .collect()
}

// One arm per kind of notice, each a few lines: splitting it would scatter the wording.
#[allow(clippy::too_many_lines)]
fn notice_view(
    id: u64,
    notice: &Notice,
    unread: &[(StoredPart, String)],
    lang: Lang,
) -> NoticeView {
    let text = |key: Text, args: &[&str]| fill(key.get(lang), args);
    let mut view = NoticeView {
        id,
        tone: Tone::Info,
        message: String::new(),
        problems: Vec::new(),
        more: None,
        undo: false,
        downloads: Vec::new(),
        transient: false,
    };
    let library_download = || (Export::Library, Text::ExportLibrary.get(lang).to_owned());
    let scenario_download = || (Export::Current, Text::ExportScenario.get(lang).to_owned());
    let stored_download = |part: &StoredPart| {
        unread.iter().position(|(p, _)| p == part).map(|i| {
            (
                Export::Unread(i),
                Text::NoticeDownloadStored.get(lang).to_owned(),
            )
        })
    };
    match notice {
        Notice::StorageUnavailable | Notice::StorageFull => {
            view.tone = Tone::Warning;
            view.downloads = vec![library_download(), scenario_download()];
            view.message = if *notice == Notice::StorageFull {
                text(Text::NoticeStorageFull, &[])
            } else {
                text(Text::NoticeStorageUnavailable, &[])
            };
        }
        Notice::Recovered {
            part,
            key: Some(key),
            problems,
        } => {
            view.tone = Tone::Warning;
            view.message = match part {
                StoredPart::Workspace => text(Text::NoticeRecoveredWorkspace, &[key]),
                StoredPart::Library => text(Text::NoticeRecoveredLibrary, &[key]),
                StoredPart::LibraryEntry(i) => {
                    text(Text::NoticeRecoveredEntry, &[&(i + 1).to_string(), key])
                }
                StoredPart::Pinned(i) => {
                    text(Text::NoticeRecoveredPin, &[&(i + 1).to_string(), key])
                }
            };
            (view.problems, view.more) = problem_lines(problems, lang);
        }
        Notice::Recovered {
            part,
            key: None,
            problems,
        } => {
            view.tone = Tone::Warning;
            view.message = match part {
                StoredPart::Workspace => text(Text::NoticeLeftWorkspace, &[]),
                StoredPart::Library => text(Text::NoticeLeftLibrary, &[]),
                StoredPart::LibraryEntry(i) => text(Text::NoticeLeftEntry, &[&(i + 1).to_string()]),
                StoredPart::Pinned(i) => text(Text::NoticeLeftPin, &[&(i + 1).to_string()]),
            };
            view.downloads.extend(stored_download(part));
            if matches!(part, StoredPart::Library) {
                view.downloads.push(library_download());
            } else {
                view.downloads.push(scenario_download());
            }
            (view.problems, view.more) = problem_lines(problems, lang);
        }
        Notice::Newer { part } => {
            view.tone = Tone::Warning;
            view.message = match part {
                StoredPart::Workspace => text(Text::NoticeNewerWorkspace, &[]),
                StoredPart::Library => text(Text::NoticeNewerLibrary, &[]),
                StoredPart::LibraryEntry(i) => {
                    text(Text::NoticeNewerEntry, &[&(i + 1).to_string()])
                }
                StoredPart::Pinned(i) => text(Text::NoticeNewerPin, &[&(i + 1).to_string()]),
            };
            view.downloads.extend(stored_download(part));
            if matches!(part, StoredPart::Library) {
                view.downloads.push(library_download());
            } else {
                view.downloads.push(scenario_download());
            }
        }
        Notice::Merged(conflict) => {
            view.tone = Tone::Warning;
            view.message = match conflict {
                Conflict::BothChanged { theirs, ours } => {
                    text(Text::NoticeBothChanged, &[theirs, ours])
                }
                Conflict::DeletedElsewhere { name } => text(Text::NoticeDeletedElsewhere, &[name]),
                Conflict::ChangedElsewhere { name } => text(Text::NoticeChangedElsewhere, &[name]),
            };
        }
        Notice::SavedInTab { name } => {
            view.tone = Tone::Warning;
            view.message = text(Text::NoticeSavedInTab, &[name]);
            view.downloads = vec![library_download()];
        }
        Notice::FileRejected { file, problems } => {
            view.tone = Tone::Error;
            view.message = text(Text::NoticeFileRejected, &[file]);
            (view.problems, view.more) = problem_lines(problems, lang);
        }
        Notice::FileFailed { file, problem } => {
            view.tone = Tone::Error;
            let key = match problem {
                FileProblem::TooLarge => Text::NoticeFileTooLarge,
                FileProblem::Unreadable => Text::NoticeFileUnreadable,
            };
            view.message = text(key, &[file]);
        }
        Notice::LinkRejected(error) => {
            view.tone = Tone::Error;
            view.message = text(Text::NoticeLinkRejected, &[]);
            (view.problems, view.more) = link_problems(error, lang);
        }
        Notice::Imported { names, more } => {
            let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
            let separator = if lang == Lang::Zh { "、" } else { ", " };
            let listed = quoted.join(separator);
            view.message = if *more == 0 {
                text(Text::NoticeImported, &[&listed])
            } else {
                let all = count(names.len() + more);
                text(Text::NoticeImportedMore, &[&all, &listed, &count(*more)])
            };
        }
        Notice::Importing {
            file,
            done,
            total,
            adding,
        } => {
            let key = if *adding {
                Text::NoticeImportAdding
            } else {
                Text::NoticeImportChecking
            };
            view.message = text(key, &[file, &count(*done), &count(*total)]);
        }
        Notice::Migrated { source, from } => {
            let from = from.to_string();
            view.message = match source {
                Source::File(file) => text(Text::NoticeMigratedFile, &[file, &from]),
                Source::Link => text(Text::NoticeMigratedLink, &[&from]),
            };
        }
        Notice::OpenedLink { name } => {
            let name = if name.is_empty() {
                Text::SharedScenario.get(lang)
            } else {
                name
            };
            view.message = text(Text::NoticeOpenedLink, &[name]);
        }
        Notice::KeptUnsaved { name } => view.message = text(Text::NoticeKeptUnsaved, &[name]),
        Notice::Saved { name } => {
            view.message = text(Text::NoticeSaved, &[name]);
            view.transient = true;
        }
        Notice::Deleted { name } => {
            view.message = text(Text::NoticeDeleted, &[name]);
            view.undo = true;
        }
    }
    view
}

/// A count with its thousands marked: "10,000".
fn count(n: usize) -> String {
    // Counts of entries in a library file (at most a few hundred thousand) are exact as f64.
    #[allow(clippy::cast_precision_loss)]
    format::number(n as f64, 0)
}

/// Why a link was refused, in words.
fn link_problems(error: &LinkError, lang: Lang) -> (Vec<ProblemLine>, Option<String>) {
    let single = |key: Text| {
        let line = ProblemLine {
            label: String::new(),
            field: String::new(),
            text: key.get(lang).to_owned(),
        };
        (vec![line], None)
    };
    match error {
        LinkError::NotALink | LinkError::Damaged => single(Text::LinkDamaged),
        LinkError::Encoding => single(Text::LinkEncoding),
        LinkError::TooLarge => single(Text::LinkTooLarge),
        LinkError::Contents(problems) => problem_lines(problems, lang),
    }
}

/// Problems in words, each with its field, at most [`MAX_PROBLEM_LINES`] of them.
#[must_use]
pub fn problem_lines(errors: &[ParamError], lang: Lang) -> (Vec<ProblemLine>, Option<String>) {
    let defaults = Params::default();
    let lines = errors
        .iter()
        .take(MAX_PROBLEM_LINES)
        .map(|error| {
            // A scenario inside a library file or link has its paths under `…scenario.`; the
            // translated range of a field is looked up by the scenario's own path.
            let inner = error
                .param
                .rsplit_once("scenario.")
                .map_or(error.param.as_str(), |(_, rest)| rest);
            let local = ParamError {
                param: inner.to_owned(),
                ..error.clone()
            };
            ProblemLine {
                label: field_name(&error.param, &defaults, lang),
                field: error.param.clone(),
                text: error_text(&local, &defaults, lang),
            }
        })
        .collect();
    let more = (errors.len() > MAX_PROBLEM_LINES).then(|| {
        fill(
            Text::ProblemsMore.get(lang),
            &[&(errors.len() - MAX_PROBLEM_LINES).to_string()],
        )
    });
    (lines, more)
}

pub use crate::ui::workspace::inputs::path_name as field_name;

/// The file name (without a directory, not yet made safe) and the text of a download.
#[must_use]
pub fn export_file(w: &impl Keeping, what: Export) -> Option<(String, String)> {
    let (library, ws, lang) = w.keeping();
    library.export_file(ws, what, lang)
}

/// The share link's fragment for the scenario on screen, if it is valid.
#[must_use]
pub fn share_fragment(w: &impl Keeping) -> Option<String> {
    let (library, ws, _) = w.keeping();
    ws.can_keep()
        .then(|| link::encode(&library.current_scenario(ws)))
}

/// The "Your scenarios" panel.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryPanelView {
    pub current: CurrentView,
    pub rows: Vec<LibraryRow>,
    /// "Your library (3)".
    pub title: String,
    /// The *Show more* button's label, when rows are not shown.
    pub show_more: Option<String>,
    /// Whether the scenario on screen can be saved, shared or downloaded.
    pub can_keep: bool,
    /// The scenario-name box as typed, and what it stands for when empty.
    pub name_text: String,
    pub name_placeholder: String,
    /// The entry being renamed, its new name as typed, and the rename box's label.
    pub renaming: Option<(EntryId, String, String)>,
    /// The share link made for the scenario on screen.
    pub share: Option<ShareView>,
    pub notices: Vec<NoticeView>,
}

/// The library panel for the page on `today`.
#[must_use]
pub fn library_panel_view(w: &impl Keeping, today: NaiveDate) -> LibraryPanelView {
    let (library, ws, lang) = w.keeping();
    let rows = library_rows(w, today);
    let renaming = library.renaming.as_ref().and_then(|(id, text)| {
        let row = rows.iter().find(|r| r.id == *id)?;
        let label = fill(Text::EntryRenameLabel.get(lang), &[&row.name]);
        Some((*id, text.clone(), label))
    });
    let all = library.library.items().len();
    let hidden = all - rows.len();
    LibraryPanelView {
        current: current_view(w),
        title: fill(Text::LibraryTitle.get(lang), &[&count(all)]),
        show_more: (hidden > 0).then(|| {
            fill(
                Text::LibraryShowMore.get(lang),
                &[&count(hidden.min(LIBRARY_ROWS)), &count(hidden)],
            )
        }),
        rows,
        can_keep: ws.can_keep(),
        name_text: library.name_text.clone(),
        name_placeholder: library.title.clone().unwrap_or_default(),
        renaming,
        share: library.share_for(ws.revision).cloned(),
        notices: notice_views(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::library::{read_import, Imported};
    use crate::ui::page::Page;
    use crate::ui::workspace::fields::Field;
    use crate::ui::{library, workspace};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
    }

    fn saved(lang: Lang) -> Page {
        Page::new(lang, today()).apply(library::Action::SaveAsNew {
            name: "<img src=x onerror=alert(1)>".into(),
            today: today(),
        })
    }

    #[test]
    fn rows_show_names_as_given_and_dates_in_the_users_language() {
        let w = saved(Lang::En);
        let rows = library_rows(&w, today());
        assert_eq!(rows[0].name, "<img src=x onerror=alert(1)>");
        assert_eq!(rows[0].modified, "Today");
        assert!(rows[0].is_open);
        let tomorrow = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date");
        assert_eq!(library_rows(&w, tomorrow)[0].modified, "28 Nov 2026");
        let zh = w.apply(crate::ui::page::Msg::SetLang(Lang::Zh));
        assert_eq!(library_rows(&zh, tomorrow)[0].modified, "2026年11月28日");
        assert_eq!(library_rows(&zh, today())[0].modified, "今天");
    }

    #[test]
    fn a_long_library_is_listed_a_hundred_rows_at_a_time() {
        let mut w = Page::new(Lang::En, today());
        let scenarios = (0..250)
            .map(|i| {
                let mut s = w.library.current_scenario(&w.workspace);
                s.name = format!("S{i}");
                (s, today())
            })
            .collect();
        w.library.library.add_all(scenarios, "-");
        let view = library_panel_view(&w, today());
        assert_eq!(view.rows.len(), 100);
        assert_eq!(view.rows[0].name, "S0");
        assert_eq!(view.title, "Library (250)");
        assert_eq!(
            view.show_more.as_deref(),
            Some("Show 100 more (150 not shown)")
        );
        let w = w.apply(library::Action::ShowMoreEntries);
        let view = library_panel_view(&w, today());
        assert_eq!(view.rows.len(), 200);
        assert_eq!(
            view.show_more.as_deref(),
            Some("Show 50 more (50 not shown)")
        );
        let zh = w
            .apply(library::Action::ShowMoreEntries)
            .apply(crate::ui::page::Msg::SetLang(Lang::Zh));
        let view = library_panel_view(&zh, today());
        assert_eq!(view.rows.len(), 250);
        assert_eq!(view.show_more, None);
        assert_eq!(view.title, "场景库（250）");
    }

    #[test]
    fn the_current_scenario_says_whether_it_is_saved() {
        let fresh = Page::new(Lang::En, today());
        let view = current_view(&fresh);
        assert_eq!(view.name, "New scenario, not saved yet");
        assert!(!view.unsaved && !view.saves_in_place);
        let w = saved(Lang::En);
        assert_eq!(current_view(&w).state, "saved");
        let w = w.apply(workspace::Action::EditField(Field::Ams, "9".into()));
        let view = current_view(&w);
        assert_eq!(view.state, "unsaved changes");
        assert!(view.unsaved && view.saves_in_place);
    }

    /// Issue 22: while storage cannot be written, a saved scenario's name line does not say
    /// "saved", but where it is.
    #[test]
    fn a_save_the_browser_does_not_keep_is_kept_in_this_tab_only() {
        let w = saved(Lang::En).apply(library::Action::StorageKeeps(false));
        assert_eq!(current_view(&w).state, "kept in this tab only");
        let zh = w.apply(crate::ui::page::Msg::SetLang(Lang::Zh));
        assert_eq!(current_view(&zh).state, "只保留在此标签页中");
        let edited = w.apply(workspace::Action::EditField(Field::Ams, "9".into()));
        assert_eq!(current_view(&edited).state, "unsaved changes");
        let back = w.apply(library::Action::StorageKeeps(true));
        assert_eq!(current_view(&back).state, "saved");
    }

    #[test]
    fn refused_files_list_every_problem_with_its_field_in_both_languages() {
        let w = Page::new(Lang::En, today()).apply(library::Action::ImportFiles {
            files: vec![crate::services::files::ReadFile {
                name: "team.json".into(),
                content: Ok(r#"{"version": 1, "team": {"ams": 0, "colour": "red"}}"#.into()),
            }],
            today: today(),
        });
        let views = notice_views(&w);
        assert_eq!(views.len(), 1);
        assert_eq!(views[0].tone, Tone::Error);
        assert_eq!(
            views[0].message,
            "“team.json” was not imported; nothing was changed. Problems:"
        );
        let fields: Vec<&str> = views[0].problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["team.colour", "team.ams"]);
        let labels: Vec<&str> = views[0].problems.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["Team", "Account managers"]);
        let zh = notice_views(&w.apply(crate::ui::page::Msg::SetLang(Lang::Zh)));
        assert_eq!(zh[0].problems[0].text, "未知字段“colour”。");
        assert_eq!(zh[0].problems[1].label, "客户经理人数");
        assert_eq!(zh[0].problems[1].text, "必须在 1 至 200 之间（当前 0）。");
    }

    #[test]
    fn long_problem_lists_are_cut_with_a_count() {
        let many = (0..30)
            .map(|i| format!("\"x{i}\": 1"))
            .collect::<Vec<_>>()
            .join(", ");
        let Err(errors) = read_import(&format!("{{\"version\": 1, {many}}}")) else {
            panic!("refused");
        };
        let (lines, more) = problem_lines(&errors, Lang::En);
        assert_eq!(lines.len(), MAX_PROBLEM_LINES);
        assert_eq!(more.as_deref(), Some("… and 10 more."));
    }

    #[test]
    fn exports_are_scenario_and_library_files_that_import_again() {
        let w = saved(Lang::En);
        let (name, text) = export_file(&w, Export::Current).expect("valid");
        assert_eq!(name, "<img src=x onerror=alert(1)>");
        assert!(matches!(read_import(&text), Ok(Imported::Scenario { .. })));
        let id = w.library.library.items()[0].id;
        assert_eq!(export_file(&w, Export::Entry(id)).map(|f| f.1), Some(text));
        let (_, library) = export_file(&w, Export::Library).expect("library");
        assert!(
            matches!(read_import(&library), Ok(Imported::Library(read)) if read.entries.len() == 1)
        );
        let invalid = w.apply(workspace::Action::EditField(Field::Ams, "0".into()));
        assert_eq!(export_file(&invalid, Export::Current), None);
        assert_eq!(share_fragment(&invalid), None);
        assert!(share_fragment(&w).is_some_and(|f| link::is_share_fragment(&f)));
    }

    #[test]
    fn storage_and_deletion_notices_offer_their_way_out() {
        let w = saved(Lang::En)
            .apply(library::Action::Notify(Notice::StorageFull))
            .apply(library::Action::DeleteEntry(1));
        let views = notice_views(&w);
        let storage = views
            .iter()
            .find(|v| !v.downloads.is_empty())
            .expect("download offered");
        let offered: Vec<Export> = storage.downloads.iter().map(|d| d.0).collect();
        assert_eq!(offered, [Export::Library, Export::Current]);
        assert_eq!(storage.tone, Tone::Warning);
        let deleted = views.iter().find(|v| v.undo).expect("undo offered");
        assert_eq!(deleted.message, "Deleted “<img src=x onerror=alert(1)>”.");
    }
}
