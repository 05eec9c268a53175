//! Keeping the workspace and the library in the browser's storage: restoring them when the page
//! opens, and writing what changed after every action.
//!
//! Restoring never loses data and never stops at the first problem: a stored part that cannot be
//! read (the workspace, the library, one library entry, one pinned scenario) is copied under a
//! recovery key, reported in a notice, and everything else loads. Writing reports storage that is
//! full or missing once, when it starts failing, rather than on every keystroke. The logic is
//! generic over [`Store`], so it is tested natively with an in-memory store.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::scenario::library::{
    read_library, read_workspace, write_library, write_workspace, Layout,
};
use crate::services::storage::{Store, StoreError};
use crate::ui::library::entries::Library;
use crate::ui::library::notice::{Notice, StoredPart};
use crate::ui::page::Page;

/// The autosaved workspace (a workspace file, compact).
pub const WORKSPACE_KEY: &str = "cadence.workspace";
/// The library (a library file, compact).
pub const LIBRARY_KEY: &str = "cadence.library";
/// Stored data that could not be read is copied to `cadence.recovery.<part>.<n>`.
pub const RECOVERY_PREFIX: &str = "cadence.recovery.";

/// Recovery keys tried per part before giving up on keeping one more copy.
const MAX_RECOVERY_KEYS: u32 = 100;

/// What the person is told when storage fails.
#[must_use]
pub fn notice_for(error: StoreError) -> Notice {
    match error {
        StoreError::Unavailable => Notice::StorageUnavailable,
        StoreError::Full => Notice::StorageFull,
    }
}

/// What the page writes after each action, and what it last wrote.
#[derive(Debug, Clone, Default)]
pub struct Autosave {
    workspace: Option<String>,
    library_revision: Option<u64>,
    /// Whether the last write failed (a failure is reported when it starts, not on every change).
    failing: bool,
}

impl Autosave {
    /// Writes the workspace and the library if they changed since the last write. Returns a notice
    /// when storage starts failing.
    pub fn save(&mut self, store: &mut dyn Store, page: &Page) -> Option<Notice> {
        let mut outcome = Ok(());
        let text = write_workspace(&page.snapshot());
        if self.workspace.as_deref() != Some(text.as_str()) {
            outcome = store.set(WORKSPACE_KEY, &text);
            if outcome.is_ok() {
                self.workspace = Some(text);
            }
        }
        let library = &page.library.library;
        let revision = library.revision;
        if self.library_revision != Some(revision) {
            let text = write_library(&library.entries(), Layout::Compact);
            let written = store.set(LIBRARY_KEY, &text);
            if written.is_ok() {
                self.library_revision = Some(revision);
            }
            outcome = outcome.and(written);
        }
        match outcome {
            Ok(()) => {
                self.failing = false;
                None
            }
            Err(error) => {
                let started = !self.failing;
                self.failing = true;
                started.then(|| notice_for(error))
            }
        }
    }
}

/// The page as it was left (the workspace and the library), and the autosave that keeps them.
pub fn restore(store: &mut dyn Store, lang: Lang, today: NaiveDate) -> (Page, Autosave) {
    if let Err(error) = store.probe() {
        let mut page = Page::new(lang, today);
        page.library.notices.post(notice_for(error));
        let autosave = Autosave {
            failing: true,
            ..Autosave::default()
        };
        return (page, autosave);
    }
    let mut notices = Vec::new();
    let library = restore_library(store, &mut notices);
    let stored = store.get(WORKSPACE_KEY).ok().flatten();
    let mut page = match stored.map(|text| (read_workspace(&text), text)) {
        None => None,
        Some((Ok(read), _)) => {
            for rejected in read.rejected_pins {
                let key = keep_aside(store, "pinned", &rejected.raw);
                notices.push(Notice::Recovered {
                    part: StoredPart::Pinned(rejected.index),
                    key,
                    problems: rejected.errors,
                });
            }
            Some(Page::from_snapshot(lang, read.snapshot, library.clone()))
        }
        Some((Err(problems), text)) => {
            let key = keep_aside(store, "workspace", &text);
            if key.is_some() {
                let _ = store.remove(WORKSPACE_KEY);
            }
            notices.push(Notice::Recovered {
                part: StoredPart::Workspace,
                key,
                problems,
            });
            None
        }
    }
    .unwrap_or_else(|| {
        let mut fresh = Page::new(lang, today);
        fresh.library.library = library;
        fresh
    });
    for notice in notices {
        page.library.notices.post(notice);
    }
    (page, Autosave::default())
}

fn restore_library(store: &mut dyn Store, notices: &mut Vec<Notice>) -> Library {
    let Some(text) = store.get(LIBRARY_KEY).ok().flatten() else {
        return Library::default();
    };
    match read_library(&text) {
        Ok(read) => {
            if !read.rejected.is_empty() {
                for rejected in read.rejected {
                    let key = keep_aside(store, "library-entry", &rejected.raw);
                    notices.push(Notice::Recovered {
                        part: StoredPart::LibraryEntry(rejected.index),
                        key,
                        problems: rejected.errors,
                    });
                }
                // The entries that read are stored again on their own, so the damaged ones (now
                // kept aside) are not reported again on the next visit.
                let _ = store.set(LIBRARY_KEY, &write_library(&read.entries, Layout::Compact));
            }
            Library::from_entries(read.entries)
        }
        Err(problems) => {
            let key = keep_aside(store, "library", &text);
            if key.is_some() {
                let _ = store.remove(LIBRARY_KEY);
            }
            notices.push(Notice::Recovered {
                part: StoredPart::Library,
                key,
                problems,
            });
            Library::default()
        }
    }
}

/// Copies `raw` under the first free `cadence.recovery.<part>.<n>`; `None` if it could not be
/// written (then the original is left where it was).
fn keep_aside(store: &mut dyn Store, part: &str, raw: &str) -> Option<String> {
    for n in 1..=MAX_RECOVERY_KEYS {
        let key = format!("{RECOVERY_PREFIX}{part}.{n}");
        match store.get(&key) {
            Ok(Some(_)) => {}
            Ok(None) => return store.set(&key, raw).ok().map(|()| key),
            Err(_) => return None,
        }
    }
    None
}

#[cfg(test)]
// The values compared are set verbatim, not computed.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::engine::Rule;
    use crate::services::storage::MemoryStore;
    use crate::ui::workspace::fields::Field;
    use crate::ui::{compare, library, montecarlo, workspace};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
    }

    fn edited() -> Page {
        Page::new(Lang::En, today())
            .apply(workspace::Action::EditField(Field::Ams, "8".into()))
            .apply(workspace::Action::ToggleAdvanced)
            .apply(montecarlo::Action::EditSeed("7".into()))
            .apply(compare::Action::Pin("eight".into()))
            .apply(library::Action::SaveAsNew {
                name: "Team of 8".into(),
                today: today(),
            })
            .apply(workspace::Action::EditField(
                Field::TargetLoans,
                "130".into(),
            ))
    }

    fn notices(w: &Page) -> Vec<&Notice> {
        w.library
            .notices
            .posted()
            .iter()
            .map(|p| &p.notice)
            .collect()
    }

    #[test]
    fn what_was_saved_comes_back_exactly() {
        let mut store = MemoryStore::default();
        let before = edited();
        let mut autosave = Autosave::default();
        assert_eq!(autosave.save(&mut store, &before), None);
        let (after, _) = restore(&mut store, Lang::En, today());
        assert_eq!(after.snapshot(), before.snapshot());
        assert_eq!(after.workspace.params, before.workspace.params);
        assert!(after.workspace.advanced);
        assert_eq!(after.mc.seed_text, "7");
        assert_eq!(after.compare.pinned.len(), 1);
        assert_eq!(after.compare.pinned[0].name, "eight");
        assert_eq!(
            after.library.library.entries(),
            before.library.library.entries()
        );
        assert_eq!(after.library.title.as_deref(), Some("Team of 8"));
        assert!(after.bound_entry().is_some());
        assert!(
            after.has_unsaved_changes(),
            "the edit after saving is still unsaved"
        );
        assert!(after.library.notices.posted().is_empty());
        // Nothing changed: nothing is written again.
        store.failure = Some(StoreError::Full);
        assert_eq!(autosave.save(&mut store, &before), None);
    }

    #[test]
    fn a_damaged_workspace_is_kept_aside_and_the_library_still_loads() {
        let mut store = MemoryStore::default();
        Autosave::default().save(&mut store, &edited());
        store.items.insert(
            WORKSPACE_KEY.into(),
            "{\"format\": \"cadence-workspace\", \"version\"".into(),
        );
        let (w, _) = restore(&mut store, Lang::En, today());
        assert_eq!(w.library.library.items().len(), 1);
        assert_eq!(w.workspace.params.team.ams, 6.0, "a fresh scenario");
        let key = "cadence.recovery.workspace.1";
        assert!(store.items.contains_key(key));
        assert!(
            !store.items.contains_key(WORKSPACE_KEY),
            "not reported twice"
        );
        match notices(&w).as_slice() {
            [Notice::Recovered {
                part: StoredPart::Workspace,
                key: Some(k),
                problems,
            }] => {
                assert_eq!(k, key);
                assert_eq!(problems[0].rule, Rule::Syntax);
            }
            other => panic!("{other:?}"),
        }
        // A second damaged copy gets its own key.
        store.items.insert(WORKSPACE_KEY.into(), "[]".into());
        restore(&mut store, Lang::En, today());
        assert!(store.items.contains_key("cadence.recovery.workspace.2"));
    }

    #[test]
    fn a_damaged_library_entry_is_kept_aside_and_the_others_load() {
        let mut store = MemoryStore::default();
        let w = edited().apply(library::Action::SaveAsNew {
            name: "Second".into(),
            today: today(),
        });
        Autosave::default().save(&mut store, &w);
        let text = store.items[LIBRARY_KEY].replacen("\"ams\":8.0", "\"ams\":\"eight\"", 1);
        store.items.insert(LIBRARY_KEY.into(), text);
        let (restored, _) = restore(&mut store, Lang::En, today());
        let names: Vec<_> = restored
            .library
            .library
            .items()
            .iter()
            .map(|i| i.entry.scenario.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Team of 8"],
            "the first stored entry (the newest) was damaged"
        );
        assert!(matches!(
            notices(&restored).as_slice(),
            [Notice::Recovered {
                part: StoredPart::LibraryEntry(_),
                key: Some(_),
                ..
            }]
        ));
        assert!(store.items["cadence.recovery.library-entry.1"].contains("\"eight\""));
        let (again, _) = restore(&mut store, Lang::En, today());
        assert!(again.library.notices.posted().is_empty(), "reported once");

        store
            .items
            .insert(LIBRARY_KEY.into(), "{\"format\": 7}".into());
        let (broken, _) = restore(&mut store, Lang::En, today());
        assert!(broken.library.library.items().is_empty());
        assert!(store.items.contains_key("cadence.recovery.library.1"));
    }

    #[test]
    fn missing_or_full_storage_is_reported_once_and_work_goes_on() {
        let mut store = MemoryStore {
            failure: Some(StoreError::Unavailable),
            ..MemoryStore::default()
        };
        let (w, mut autosave) = restore(&mut store, Lang::En, today());
        assert_eq!(notices(&w), [&Notice::StorageUnavailable]);
        let w = w.apply(workspace::Action::EditField(Field::Ams, "7".into()));
        assert_eq!(autosave.save(&mut store, &w), None, "already reported");
        assert!(w.can_keep(), "downloading still works");

        let mut store = MemoryStore {
            capacity: Some(20_000),
            ..MemoryStore::default()
        };
        let (mut w, mut autosave) = restore(&mut store, Lang::En, today());
        assert_eq!(autosave.save(&mut store, &w), None);
        let mut reported = Vec::new();
        for i in 0..8 {
            w = w.apply(library::Action::SaveAsNew {
                name: format!("copy {i}"),
                today: today(),
            });
            reported.extend(autosave.save(&mut store, &w));
        }
        assert_eq!(reported, [Notice::StorageFull], "once, when it starts");
        // Freeing space makes writes work again.
        let ids: Vec<_> = w.library.library.items().iter().map(|i| i.id).collect();
        for id in ids {
            w = w.apply(library::Action::DeleteEntry(id));
        }
        assert_eq!(autosave.save(&mut store, &w), None);
        assert!(!store.items[LIBRARY_KEY].contains("copy"));
    }
}
