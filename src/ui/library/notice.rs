//! Notices: what the page tells a person about keeping and sharing their work — a file or link it
//! refused and why, stored data it had to set aside, storage it cannot use, an import, a deletion
//! that can be undone. They are values in the workspace state; `view_model::notice_view` words them.

use crate::engine::ParamError;
use crate::scenario::link::LinkError;
pub use crate::services::files::FileProblem;
pub use crate::ui::library::sync::Conflict;

/// Where a scenario came from, for notes about it.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    File(String),
    Link,
}

/// Which part of the stored data could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredPart {
    /// The autosaved workspace (the scenario being edited and the view).
    Workspace,
    /// The whole library.
    Library,
    /// One entry of the library, by its position in the stored list.
    LibraryEntry(usize),
    /// One pinned scenario, by its position.
    Pinned(usize),
}

/// Something the page tells the person.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The browser's storage cannot be used (private browsing, blocked): nothing is kept between
    /// visits, but files can still be downloaded.
    StorageUnavailable,
    /// The browser's storage is full: the latest changes are not kept.
    StorageFull,
    /// Stored data that could not be read, moved aside under `key` (`None`: there was no room to
    /// move it, so it stays where it is and is never written over).
    Recovered {
        part: StoredPart,
        key: Option<String>,
        problems: Vec<ParamError>,
    },
    /// Stored data written by a newer Cadence: left where it is, never written over.
    Newer { part: StoredPart },
    /// What two tabs did to one entry, and how both were kept.
    Merged(Conflict),
    /// A file was refused; nothing was changed.
    FileRejected {
        file: String,
        problems: Vec<ParamError>,
    },
    /// A file could not be read.
    FileFailed { file: String, problem: FileProblem },
    /// A link was refused; nothing was changed.
    LinkRejected(LinkError),
    /// Scenarios added to the library by an import: the first under these names, and `more`.
    Imported { names: Vec<String>, more: usize },
    /// An import in progress: `done` of the `total` entries of `file` checked (or `adding`).
    Importing {
        file: String,
        done: usize,
        total: usize,
        adding: bool,
    },
    /// A file or link of an older format version was brought up to date.
    Migrated { source: Source, from: u32 },
    /// A shared scenario was opened as a new, unsaved scenario.
    OpenedLink { name: String },
    /// Unsaved work was kept in the library before another scenario replaced it.
    KeptUnsaved { name: String },
    /// The scenario was saved in the library under this name.
    Saved { name: String },
    /// The scenario was saved in the library under this name, but the browser is not keeping the
    /// library now (storage full, missing, or holding data this page must not write over).
    SavedInTab { name: String },
    /// An entry was deleted; Undo brings it back.
    Deleted { name: String },
}

impl Notice {
    /// Whether a newer notice of the same kind replaces this one (news, not problems to read).
    #[must_use]
    pub fn is_news(&self) -> bool {
        matches!(
            self,
            Notice::Imported { .. }
                | Notice::Importing { .. }
                | Notice::OpenedLink { .. }
                | Notice::Saved { .. }
                | Notice::SavedInTab { .. }
                | Notice::Deleted { .. }
                | Notice::StorageFull
                | Notice::StorageUnavailable
        )
    }

    fn same_kind(&self, other: &Notice) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// A notice on screen, with an id its Dismiss button refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct Posted {
    pub id: u64,
    pub notice: Notice,
}

/// Most notices shown at once; the oldest go first.
pub const MAX_NOTICES: usize = 6;

/// The notices on screen, oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notices {
    posted: Vec<Posted>,
    next_id: u64,
}

impl Notices {
    /// Shows a notice; news replaces older news of its kind.
    pub fn post(&mut self, notice: Notice) {
        if notice.is_news() {
            self.posted.retain(|p| !p.notice.same_kind(&notice));
        }
        self.next_id += 1;
        self.posted.push(Posted {
            id: self.next_id,
            notice,
        });
        if self.posted.len() > MAX_NOTICES {
            self.posted.remove(0);
        }
    }

    /// Changes every notice in place (a confirmation the browser then failed to keep).
    pub fn reword(&mut self, change: impl Fn(&Notice) -> Option<Notice>) {
        for posted in &mut self.posted {
            if let Some(notice) = change(&posted.notice) {
                posted.notice = notice;
            }
        }
    }

    pub fn dismiss(&mut self, id: u64) {
        self.posted.retain(|p| p.id != id);
    }

    /// Removes every notice the test accepts.
    pub fn dismiss_where(&mut self, test: impl Fn(&Notice) -> bool) {
        self.posted.retain(|p| !test(&p.notice));
    }

    #[must_use]
    pub fn posted(&self) -> &[Posted] {
        &self.posted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_replaces_news_and_problems_pile_up_to_a_limit() {
        let mut notices = Notices::default();
        notices.post(Notice::Saved { name: "A".into() });
        notices.post(Notice::Saved { name: "B".into() });
        assert_eq!(notices.posted().len(), 1);
        for i in 0..10 {
            notices.post(Notice::FileFailed {
                file: format!("{i}.json"),
                problem: FileProblem::TooLarge,
            });
        }
        assert_eq!(notices.posted().len(), MAX_NOTICES);
        let first = notices.posted()[0].id;
        notices.dismiss(first);
        assert!(notices.posted().iter().all(|p| p.id != first));
        notices.dismiss_where(|n| matches!(n, Notice::FileFailed { .. }));
        assert!(notices.posted().is_empty());
    }
}
