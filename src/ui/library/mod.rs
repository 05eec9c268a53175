//! The library slice: keeping and sharing — the scenarios the person keeps, the open scenario's name
//! and whether it is saved, share links, downloads and imports, the notices, and storage.
//!
//! Replacing the scenario being edited (opening an entry or a link) first keeps unsaved work in the
//! library, so nothing is lost by a click; a refused file or link changes nothing but the notices.

pub mod entries;
pub mod import;
pub mod notice;
pub mod sync;
pub mod view;

#[cfg(feature = "web")]
pub mod components;

use chrono::NaiveDate;

use crate::engine::Params;
use crate::i18n::{Lang, Text};
use crate::scenario::library::{self as files, NamedScenario};
use crate::scenario::link::{self, LinkError};
use crate::scenario::to_json;
use crate::services::files::{file_name, ReadFile};
use crate::ui::effect::{Download, Effect};
use crate::ui::workspace;
use entries::{EntryId, Item, Library};
use notice::{Notice, Notices, Source, StoredPart};
use sync::Written;

/// The share link last made, and whether copying it worked (`None` while the copy is pending).
#[derive(Debug, Clone, PartialEq)]
pub struct ShareView {
    pub url: String,
    pub copied: Option<bool>,
}

/// What can be downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The scenario being edited, as a scenario file.
    Current,
    /// One library entry, as a scenario file.
    Entry(EntryId),
    /// The whole library, as a library file.
    Library,
    /// Stored data this page could not read and left where it was, as it is stored.
    Unread(usize),
}

/// What a person (or another tab, or the clipboard) does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed text in the scenario-name box.
    EditName(String),
    /// Saves into the library entry the scenario was opened from, else as a new entry named
    /// `name` (or the scenario's own name).
    SaveScenario {
        name: String,
        today: NaiveDate,
    },
    /// Saves as a new library entry named `name` (or the scenario's own name).
    SaveAsNew {
        name: String,
        today: NaiveDate,
    },
    /// Opens a library entry in place of the scenario being edited (unsaved work is kept first).
    OpenEntry {
        id: EntryId,
        today: NaiveDate,
    },
    /// Opens the rename box of an entry, with its name to type over.
    StartRename(EntryId),
    /// Typed text in the rename box.
    EditRename(String),
    CancelRename,
    RenameEntry {
        id: EntryId,
        name: String,
        today: NaiveDate,
    },
    DuplicateEntry {
        id: EntryId,
        today: NaiveDate,
    },
    DeleteEntry(EntryId),
    UndoDelete,
    /// Opens a share link's fragment as a new, unsaved scenario (unsaved work is kept first).
    OpenLink {
        fragment: String,
        today: NaiveDate,
    },
    /// Adds the scenarios of these files to the library; the scenario being edited is untouched.
    /// A big library file is read in slices (issue 22).
    ImportFiles {
        files: Vec<ReadFile>,
        today: NaiveDate,
    },
    /// Runs the next slice of the import in progress.
    ContinueImport,
    /// Lists more rows of a long library.
    ShowMoreEntries,
    /// Another tab of the page stored this library text: this tab's changes apply to it from now
    /// on (its next write neither puts back what the other tab deleted nor drops what it added).
    AdoptStoredLibrary(String),
    /// The library was written: the merged copy, with the first `written` pending changes in it.
    Written(Box<Written>),
    /// Whether the browser keeps the library now (false: full, missing, or holding data this page
    /// must not write over — then saves are confirmed as kept in this tab only).
    StorageKeeps(bool),
    /// Stored data this page cannot read stays where it is: kept here to be downloaded.
    KeepUnread(StoredPart, String),
    /// Makes a share link of the scenario on screen and copies it.
    Share,
    /// The link made for the result of `revision`, before it is copied.
    ShareMade {
        revision: u64,
        url: String,
    },
    /// Whether copying the link of `revision` worked.
    ShareCopied {
        revision: u64,
        copied: bool,
    },
    /// Offers a file for download.
    Download(Export),
    /// Shows a notice (storage problems found by the page's services).
    Notify(Notice),
    /// Hides a notice by id.
    Dismiss(u64),
}

/// The library, the open scenario's place in it, and the notices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    /// The scenarios the person keeps.
    pub library: Library,
    /// The name of the scenario being edited: its library entry's, or a shared link's.
    pub title: Option<String>,
    /// Whether `title` names the library entry the scenario was opened from or saved to, so Save
    /// updates that entry.
    pub in_library: bool,
    /// A state that losing costs nothing (the defaults, an unchanged preset, what was last opened
    /// or saved); `None` after a link, whose scenario exists nowhere else on this machine.
    pub baseline: Option<(Params, NaiveDate)>,
    pub notices: Notices,
    /// The scenario-name box as typed.
    pub name_text: String,
    /// The entry being renamed and its new name as typed.
    pub renaming: Option<(EntryId, String)>,
    /// The share link made for the result of a revision.
    pub share: Option<(u64, ShareView)>,
    /// The browser is not keeping the library now: saves stay in this tab.
    pub tab_only: bool,
    /// Stored data this page could not read and left where it is, as stored, to download.
    pub unread: Vec<(StoredPart, String)>,
    /// The import in progress.
    pub import: Option<import::Import>,
    /// Rows of the library list shown beyond the first [`LIBRARY_ROWS`].
    pub more_rows: usize,
}

/// Rows the library list shows at first, and how many more each *Show more* adds: a long library
/// is not all drawn on every change.
pub const LIBRARY_ROWS: usize = 100;

impl Model {
    /// The scenario as it would be saved, shared or downloaded: the workspace's last valid one,
    /// under the scenario's name (empty when it has none).
    #[must_use]
    pub fn current_scenario(&self, ws: &workspace::Model) -> NamedScenario {
        let (params, start_date) = ws.current();
        NamedScenario {
            name: self.title.clone().unwrap_or_default(),
            start_date,
            params,
        }
    }

    /// The library entry the scenario was opened from or saved to, if it still exists.
    #[must_use]
    pub fn bound_entry(&self) -> Option<&Item> {
        if !self.in_library {
            return None;
        }
        self.title
            .as_deref()
            .and_then(|title| self.library.find(title))
    }

    /// Whether replacing the scenario now would lose work that exists nowhere else.
    #[must_use]
    pub fn has_unsaved_changes(&self, ws: &workspace::Model) -> bool {
        let now = ws.current();
        match self.bound_entry() {
            Some(item) => saved_state(&item.entry.scenario) != now,
            None => self.baseline.as_ref() != Some(&now),
        }
    }

    /// The share link made for the result of `revision` (a link for older results is not shown).
    #[must_use]
    pub fn share_for(&self, revision: u64) -> Option<&ShareView> {
        self.share
            .as_ref()
            .filter(|(of, _)| *of == revision)
            .map(|(_, view)| view)
    }

    /// Applies one action. Opening an entry or a link replaces the workspace's draft.
    // One arm per action, as the transition table reads best whole.
    #[allow(clippy::too_many_lines)]
    pub fn update(&mut self, action: Action, ws: &mut workspace::Model, lang: Lang) -> Vec<Effect> {
        match action {
            Action::EditName(text) => self.name_text = text,
            Action::SaveScenario { name, today } => match self.bound_entry().map(|i| i.id) {
                Some(id) if ws.can_keep() => {
                    let current = self.current_scenario(ws);
                    self.library.update(id, &current, today);
                    self.baseline = Some(saved_state(&current));
                    self.name_text.clear();
                    self.post_saved(current.name);
                }
                _ => self.save_as_new(&name, ws, today, lang),
            },
            Action::SaveAsNew { name, today } => self.save_as_new(&name, ws, today, lang),
            Action::OpenEntry { id, today } => {
                if let Some(item) = self.library.get(id) {
                    let scenario = item.entry.scenario.clone();
                    self.keep_unsaved(ws, today, lang);
                    self.open_scenario(scenario, true, ws);
                }
            }
            Action::StartRename(id) => {
                if let Some(item) = self.library.get(id) {
                    self.renaming = Some((id, item.entry.scenario.name.clone()));
                }
            }
            Action::EditRename(text) => {
                if let Some((_, typed)) = &mut self.renaming {
                    *typed = text;
                }
            }
            Action::CancelRename => self.renaming = None,
            Action::RenameEntry { id, name, today } => {
                self.renaming = None;
                if let Some((old, new)) = self.library.rename(id, &name, today) {
                    if self.in_library && self.title.as_deref() == Some(old.as_str()) {
                        self.title = Some(new);
                    }
                }
            }
            Action::DuplicateEntry { id, today } => {
                self.library.duplicate(id, today);
            }
            Action::DeleteEntry(id) => {
                if let Some(entry) = self.library.delete(id) {
                    self.notices.post(Notice::Deleted {
                        name: entry.scenario.name,
                    });
                }
            }
            Action::UndoDelete => {
                self.library.undo_delete();
                self.notices
                    .dismiss_where(|n| matches!(n, Notice::Deleted { .. }));
            }
            Action::OpenLink { fragment, today } => self.open_link(&fragment, ws, today, lang),
            Action::ImportFiles { files, today } => {
                if let Some(import) = &mut self.import {
                    // Its next slice is already asked for.
                    import.queue(files);
                } else {
                    self.import = Some(import::Import::new(files, today));
                    return self.continue_import(lang);
                }
            }
            Action::ContinueImport => return self.continue_import(lang),
            Action::ShowMoreEntries => self.more_rows += LIBRARY_ROWS,
            Action::AdoptStoredLibrary(text) => {
                // A library this build cannot read is left to the tab that wrote it; this one
                // keeps what it has, and its next write finds the same and does not write.
                if let Ok(read) = files::read_library(&text) {
                    self.keep_binding(|library| library.adopt(read, text));
                }
            }
            Action::Written(written) => {
                let Written {
                    stored,
                    text,
                    written,
                    conflicts,
                } = *written;
                self.keep_binding(|library| library.written(stored, text, written));
                for conflict in conflicts {
                    self.notices.post(Notice::Merged(conflict));
                }
            }
            Action::KeepUnread(part, text) => {
                self.tab_only = true;
                self.unread.push((part, text));
            }
            Action::StorageKeeps(keeps) => {
                self.tab_only = !keeps;
                if !keeps {
                    // A save just confirmed did not reach the browser: say where it is.
                    self.notices.reword(|n| match n {
                        Notice::Saved { name } => Some(Notice::SavedInTab { name: name.clone() }),
                        _ => None,
                    });
                }
            }
            Action::Share => {
                if ws.can_keep() {
                    return vec![Effect::CopyLink {
                        url_fragment: link::encode(&self.current_scenario(ws)),
                        revision: ws.revision,
                    }];
                }
            }
            Action::ShareMade { revision, url } => {
                self.share = Some((revision, ShareView { url, copied: None }));
            }
            Action::ShareCopied { revision, copied } => {
                if let Some((of, view)) = &mut self.share {
                    if *of == revision {
                        view.copied = Some(copied);
                    }
                }
            }
            Action::Download(what) => {
                return self
                    .export_file(ws, what, lang)
                    .map(|(name, text)| {
                        Effect::Download(Download {
                            file_name: file_name(&name, "scenario"),
                            mime: "application/json",
                            text,
                        })
                    })
                    .into_iter()
                    .collect();
            }
            Action::Notify(notice) => self.notices.post(notice),
            Action::Dismiss(id) => self.notices.dismiss(id),
        }
        Vec::new()
    }

    /// The file name (without a directory, not yet made safe) and the text of a download.
    #[must_use]
    pub fn export_file(
        &self,
        ws: &workspace::Model,
        what: Export,
        lang: Lang,
    ) -> Option<(String, String)> {
        match what {
            Export::Current => ws.can_keep().then(|| {
                let current = self.current_scenario(ws);
                let name = if current.name.is_empty() {
                    Text::UntitledScenario.get(lang).to_owned()
                } else {
                    current.name
                };
                (name, to_json(&current.params))
            }),
            Export::Entry(id) => self.library.get(id).map(|item| {
                (
                    item.entry.scenario.name.clone(),
                    to_json(&item.entry.scenario.params),
                )
            }),
            Export::Library => Some((
                "cadence-library".to_owned(),
                files::write_library(&self.library.entries(), files::Layout::Pretty),
            )),
            Export::Unread(index) => self.unread.get(index).map(|(part, text)| {
                let name = match part {
                    StoredPart::Workspace | StoredPart::Pinned(_) => "cadence-saved-workspace",
                    StoredPart::Library | StoredPart::LibraryEntry(_) => "cadence-saved-library",
                };
                (name.to_owned(), text.clone())
            }),
        }
    }

    /// Runs the next slice of the import in progress; asks for another while work is left.
    fn continue_import(&mut self, lang: Lang) -> Vec<Effect> {
        let Some(mut import) = self.import.take() else {
            return Vec::new();
        };
        if import.run_slice(&mut self.library, &mut self.notices, lang) {
            self.import = Some(import);
            vec![Effect::ContinueImport]
        } else {
            Vec::new()
        }
    }

    /// Confirms a save, saying where it is kept.
    fn post_saved(&mut self, name: String) {
        self.notices.post(if self.tab_only {
            Notice::SavedInTab { name }
        } else {
            Notice::Saved { name }
        });
    }

    /// Changes the library and keeps the open scenario bound to its entry, whose name the change
    /// may have made unique.
    fn keep_binding(&mut self, change: impl FnOnce(&mut Library)) {
        let key = self.bound_entry().map(|item| item.entry.id.clone());
        change(&mut self.library);
        if let Some(item) = key.and_then(|key| self.library.find_key(&key)) {
            self.title = Some(item.entry.scenario.name.clone());
        }
    }

    /// Saves the scenario as a new library entry and makes it the open one.
    fn save_as_new(&mut self, name: &str, ws: &workspace::Model, today: NaiveDate, lang: Lang) {
        if !ws.can_keep() {
            return;
        }
        let mut current = self.current_scenario(ws);
        if !name.trim().is_empty() {
            name.clone_into(&mut current.name);
        }
        let fallback = Text::UntitledScenario.get(lang);
        let saved = saved_state(&current);
        let (_, name) = self.library.add(current, fallback, today);
        self.title = Some(name.clone());
        self.in_library = true;
        self.baseline = Some(saved);
        self.name_text.clear();
        self.post_saved(name);
    }

    /// Before another scenario replaces this one, keeps it in the library if that is the only
    /// place it would survive.
    fn keep_unsaved(&mut self, ws: &workspace::Model, today: NaiveDate, lang: Lang) {
        if ws.result.is_none() || !self.has_unsaved_changes(ws) {
            return;
        }
        let current = self.current_scenario(ws);
        let fallback = Text::UntitledScenario.get(lang);
        let (_, name) = self.library.add(current, fallback, today);
        self.notices.post(Notice::KeptUnsaved { name });
    }

    /// Puts `scenario` in place of the one being edited; pins and the view stay.
    fn open_scenario(
        &mut self,
        scenario: NamedScenario,
        from_library: bool,
        ws: &mut workspace::Model,
    ) {
        let saved = saved_state(&scenario);
        self.title = Some(scenario.name).filter(|n| !n.is_empty());
        self.in_library = from_library;
        self.baseline = from_library.then_some(saved);
        ws.open(scenario.params, scenario.start_date);
    }

    fn open_link(
        &mut self,
        fragment: &str,
        ws: &mut workspace::Model,
        today: NaiveDate,
        lang: Lang,
    ) {
        match link::decode(fragment) {
            Err(LinkError::NotALink) => {}
            Err(problem) => self.notices.post(Notice::LinkRejected(problem)),
            Ok(mut shared) => {
                self.keep_unsaved(ws, today, lang);
                // A link without a name is called the same everywhere: the notice, the panel and
                // what Save would name it.
                if shared.scenario.name.trim().is_empty() {
                    Text::SharedScenario
                        .get(lang)
                        .clone_into(&mut shared.scenario.name);
                }
                let name = shared.scenario.name.clone();
                self.open_scenario(shared.scenario, false, ws);
                self.notices.post(Notice::OpenedLink { name });
                if let Some(from) = shared.migrated_from {
                    self.notices.post(Notice::Migrated {
                        source: Source::Link,
                        from,
                    });
                }
            }
        }
    }
}

/// What a scenario is, for "is it saved": its parameters and start date.
#[must_use]
pub fn saved_state(scenario: &NamedScenario) -> (Params, NaiveDate) {
    (scenario.params.clone(), scenario.start_date)
}
