//! Two tabs, one library: changes are operations applied to the stored copy read just before
//! writing, so a tab never replaces what another tab stored (issue 22).
//!
//! Every entry carries an id and a [`Stamp`] (a change count and the tab that made it). An
//! operation says which change it was made from, so applying it to a stored copy that moved on
//! meanwhile is a conflict that keeps both sides: a save over an entry another tab changed adds
//! this tab's version as a copy; a delete of an entry another tab changed keeps the changed entry;
//! a save of an entry another tab deleted brings it back. Deletions leave a [`Tombstone`], so a
//! tab that wrote from a stale copy (browsers do not make a read and a write of `localStorage` one
//! step across tabs) can tell an entry another tab deleted from one it lost, and put back what it
//! had confirmed (its journal). Applying an operation twice changes nothing.

use std::collections::{HashMap, HashSet};

use crate::scenario::library::{
    unique_name, write_stored_library, Entry, Layout, LibraryRead, Stamp, Tombstone, MAX_TOMBSTONES,
};

/// What a stored library holds, over any entry type (the page's list adds a page id to each).
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    pub entries: Vec<T>,
    /// Entries this build could not read (another build's, or damaged), as their JSON text:
    /// written back as they are.
    pub kept: Vec<String>,
    pub deleted: Vec<Tombstone>,
}

impl<T> Default for Stored<T> {
    fn default() -> Self {
        Stored {
            entries: Vec::new(),
            kept: Vec::new(),
            deleted: Vec::new(),
        }
    }
}

/// Access to the entry inside a list item.
pub trait Slot: Clone {
    fn entry(&self) -> &Entry;
    fn entry_mut(&mut self) -> &mut Entry;
    fn from_entry(entry: Entry) -> Self;
}

impl Slot for Entry {
    fn entry(&self) -> &Entry {
        self
    }
    fn entry_mut(&mut self) -> &mut Entry {
        self
    }
    fn from_entry(entry: Entry) -> Self {
        entry
    }
}

impl Stored<Entry> {
    /// A library as read from storage: what could not be read is kept to be written back.
    #[must_use]
    pub fn from_read(read: LibraryRead) -> Stored<Entry> {
        Stored {
            entries: read.entries,
            kept: read.rejected.into_iter().map(|r| r.raw).collect(),
            deleted: read.deleted,
        }
    }

    /// The library file to store.
    #[must_use]
    pub fn write(&self) -> String {
        write_stored_library(&self.entries, &self.kept, &self.deleted, Layout::Compact)
    }
}

/// A write of the library: the merged copy stored (as `text`), how many of the tab's pending
/// changes it holds, and what the merge had to tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub stored: Stored<Entry>,
    pub text: String,
    pub written: usize,
    pub conflicts: Vec<Conflict>,
}

/// One change of the library, as it is applied to the stored copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Adds `entry`, or replaces the entry of its id that is at `parent` (a save, or a rename
    /// when `renamed`); `parent` is `None` for a new entry. The entry goes to the top of the list.
    Put {
        parent: Option<Stamp>,
        entry: Entry,
        renamed: bool,
    },
    /// Adds new entries at the top, the first on top (a slice of an import): the same as a
    /// `Put` of each, last first, in time proportional to the library, not to its square.
    AddAll { entries: Vec<Entry> },
    /// Deletes the entry of `id` if it is still at `stamp`.
    Delete { id: String, stamp: Stamp },
    /// Puts a deleted entry back at `index` (undo).
    Restore { index: usize, entry: Entry },
}

/// What applying an operation to a copy that moved on did, for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Another tab changed the entry too: its version stays as `theirs`, this tab's is kept as
    /// `ours`.
    BothChanged { theirs: String, ours: String },
    /// Another tab deleted the entry this tab saved: it is back, as `name`.
    DeletedElsewhere { name: String },
    /// This tab deleted an entry another tab had changed: the changed entry is kept, as `name`.
    ChangedElsewhere { name: String },
}

/// The id of the copy kept when two tabs changed one entry: the same op always makes the same
/// copy, so healing twice does not copy twice.
fn copy_id(entry: &Entry) -> String {
    format!("{}~{}.{}", entry.id, entry.stamp.by, entry.stamp.rev)
}

/// Whether `later` is a version the same tab made after `earlier`. Revisions count per tab, so
/// only a tab's own versions are ordered: another tab's higher number may not have seen ours.
fn after_by_same_tab(later: &Stamp, earlier: &Stamp) -> bool {
    later.by == earlier.by && later.rev > earlier.rev
}

fn position<T: Slot>(lib: &Stored<T>, id: &str) -> Option<usize> {
    lib.entries.iter().position(|s| s.entry().id == id)
}

/// Puts `entry` at the top under a name no other entry has.
fn insert_top<T: Slot>(lib: &mut Stored<T>, mut entry: Entry, index: usize) -> String {
    let id = entry.id.clone();
    entry.scenario.name = unique_name(&entry.scenario.name, "#", |name| {
        lib.entries
            .iter()
            .any(|s| s.entry().id != id && s.entry().scenario.name == name)
    });
    let name = entry.scenario.name.clone();
    lib.deleted.retain(|t| t.id != id);
    let at = index.min(lib.entries.len());
    lib.entries.insert(at, T::from_entry(entry));
    name
}

/// Whether `stored`, another version of the entry this tab wrote as `ours`, keeps what this tab
/// wrote, so putting `ours` back would only copy it: every version of a new entry descends from
/// it (no other tab can change an entry before it has seen it), a later version with the same
/// scenario keeps its content (another tab renamed it), and a later version with the name this
/// tab gave keeps that rename (another tab changed the scenario). A later version that changed
/// what this tab's save changed cannot be told from a stale one, so it is kept as a copy.
fn keeps_ours(stored: &Entry, ours: &Entry, parent: Option<&Stamp>, renamed: bool) -> bool {
    stored.stamp.rev > ours.stamp.rev
        && (parent.is_none()
            || (stored.scenario.params == ours.scenario.params
                && stored.scenario.start_date == ours.scenario.start_date)
            || (renamed && stored.scenario.name == ours.scenario.name))
}

/// Applies one operation. `healing` marks an operation this tab had already written once, put
/// again because the stored copy lost it: then an entry that moved on past it is left alone.
pub fn apply<T: Slot>(lib: &mut Stored<T>, op: &Op, healing: bool) -> Vec<Conflict> {
    match op {
        Op::AddAll { entries } => add_all(lib, entries, healing),
        _ => apply_one(lib, op, healing).into_iter().collect(),
    }
}

/// Adds new entries at the top in one splice, names made unique against a set: entries this
/// copy already knows (healing, or another tab's copy) go one by one.
fn add_all<T: Slot>(lib: &mut Stored<T>, entries: &[Entry], healing: bool) -> Vec<Conflict> {
    let (fresh, known): (Vec<&Entry>, Vec<&Entry>) = {
        let stamps: HashMap<&str, &Stamp> = lib
            .entries
            .iter()
            .map(|s| (s.entry().id.as_str(), &s.entry().stamp))
            .collect();
        let tombs: HashSet<&str> = lib.deleted.iter().map(|t| t.id.as_str()).collect();
        entries
            .iter()
            .filter(|e| stamps.get(e.id.as_str()) != Some(&&e.stamp))
            .partition(|e| !stamps.contains_key(e.id.as_str()) && !tombs.contains(e.id.as_str()))
    };
    let mut names: HashSet<String> = lib
        .entries
        .iter()
        .map(|s| s.entry().scenario.name.clone())
        .collect();
    let mut added: Vec<T> = fresh
        .iter()
        .rev()
        .map(|&e| {
            let mut entry = e.clone();
            entry.scenario.name = unique_name(&entry.scenario.name, "#", |n| names.contains(n));
            names.insert(entry.scenario.name.clone());
            T::from_entry(entry)
        })
        .collect();
    added.reverse();
    lib.entries.splice(0..0, added);
    known
        .into_iter()
        .rev()
        .filter_map(|e| {
            let put = Op::Put {
                parent: None,
                entry: e.clone(),
                renamed: false,
            };
            apply_one(lib, &put, healing)
        })
        .collect()
}

fn apply_one<T: Slot>(lib: &mut Stored<T>, op: &Op, healing: bool) -> Option<Conflict> {
    match op {
        Op::AddAll { entries } => add_all(lib, entries, healing).into_iter().next(),
        Op::Put {
            parent,
            entry,
            renamed,
        } => {
            let Some(at) = position(lib, &entry.id) else {
                let tomb = lib.deleted.iter().find(|t| t.id == entry.id).cloned();
                return match tomb {
                    // Deleted by a tab that had seen this very change: deleted on purpose.
                    Some(t) if t.stamp == entry.stamp => None,
                    Some(_) => {
                        let name = insert_top(lib, entry.clone(), 0);
                        Some(Conflict::DeletedElsewhere { name })
                    }
                    // New, or gone without a trace of a deletion (a list written without it).
                    None => {
                        insert_top(lib, entry.clone(), 0);
                        None
                    }
                };
            };
            let stored = lib.entries[at].entry().stamp.clone();
            if stored == entry.stamp {
                return None;
            }
            let moved_on = healing
                && (after_by_same_tab(&stored, &entry.stamp)
                    || keeps_ours(lib.entries[at].entry(), entry, parent.as_ref(), *renamed));
            let stale = parent.as_ref() == Some(&stored)
                || (healing
                    && parent
                        .as_ref()
                        .is_some_and(|p| after_by_same_tab(p, &stored)));
            if moved_on {
                None
            } else if stale {
                lib.entries.remove(at);
                insert_top(lib, entry.clone(), 0);
                None
            } else {
                let copy_id = copy_id(entry);
                if position(lib, &copy_id).is_some() {
                    return None;
                }
                let theirs = lib.entries[at].entry().scenario.name.clone();
                let mut copy = entry.clone();
                copy.id = copy_id;
                let ours = insert_top(lib, copy, 0);
                Some(Conflict::BothChanged { theirs, ours })
            }
        }
        Op::Delete { id, stamp } => {
            let tomb = Tombstone {
                id: id.clone(),
                stamp: stamp.clone(),
            };
            let Some(at) = position(lib, id) else {
                if !lib.deleted.contains(&tomb) {
                    lib.deleted.push(tomb);
                }
                return None;
            };
            let stored = lib.entries[at].entry();
            if stored.stamp == *stamp {
                lib.entries.remove(at);
                lib.deleted.retain(|t| t.id != *id);
                lib.deleted.push(tomb);
                let skip = lib.deleted.len().saturating_sub(MAX_TOMBSTONES);
                lib.deleted.drain(..skip);
                None
            } else if healing {
                // Changed since this tab deleted it: told when the deletion was first written.
                None
            } else {
                Some(Conflict::ChangedElsewhere {
                    name: stored.scenario.name.clone(),
                })
            }
        }
        Op::Restore { index, entry } => {
            if position(lib, &entry.id).is_none() {
                insert_top(lib, entry.clone(), *index);
            }
            None
        }
    }
}

/// Whether a stored copy already holds what a written operation did (or moved on past it), so
/// the journal need not keep it.
#[must_use]
pub fn settled<T: Slot>(lib: &Stored<T>, op: &Op) -> bool {
    let settled_entry = |entry: &Entry, parent: Option<&Stamp>, renamed, at: Option<usize>| match at
    {
        Some(at) => {
            let stored = lib.entries[at].entry();
            stored.stamp == entry.stamp
                || after_by_same_tab(&stored.stamp, &entry.stamp)
                || keeps_ours(stored, entry, parent, renamed)
        }
        None => lib
            .deleted
            .iter()
            .any(|t| t.id == entry.id && t.stamp == entry.stamp),
    };
    match op {
        Op::Put {
            entry,
            parent,
            renamed,
        } => settled_entry(entry, parent.as_ref(), *renamed, position(lib, &entry.id)),
        Op::Restore { entry, .. } => {
            settled_entry(entry, Some(&entry.stamp), false, position(lib, &entry.id))
        }
        Op::AddAll { entries } => {
            let at: HashMap<&str, usize> = lib
                .entries
                .iter()
                .enumerate()
                .map(|(i, s)| (s.entry().id.as_str(), i))
                .collect();
            entries
                .iter()
                .all(|e| settled_entry(e, None, false, at.get(e.id.as_str()).copied()))
        }
        // Gone, or changed since (then the change is kept): a stale write that brought the
        // entry back unchanged is undone by the next write.
        Op::Delete { id, stamp } => {
            position(lib, id).is_none_or(|at| lib.entries[at].entry().stamp != *stamp)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Params;
    use crate::scenario::library::NamedScenario;
    use chrono::NaiveDate;

    fn entry(id: &str, name: &str, rev: u64, by: &str, ams: f64) -> Entry {
        let mut params = Params::default();
        params.team.ams = ams;
        Entry {
            scenario: NamedScenario {
                name: name.to_owned(),
                start_date: NaiveDate::from_ymd_opt(2027, 1, 4).expect("date"),
                params,
            },
            modified: NaiveDate::from_ymd_opt(2026, 11, 28).expect("date"),
            id: id.to_owned(),
            stamp: Stamp {
                rev,
                by: by.to_owned(),
            },
        }
    }

    fn names(lib: &Stored<Entry>) -> Vec<&str> {
        lib.entries
            .iter()
            .map(|e| e.scenario.name.as_str())
            .collect()
    }

    #[test]
    fn issue_22_a_change_over_another_tabs_change_keeps_both() {
        let base = entry("x", "Plan", 1, "a", 6.0);
        let mut lib = Stored {
            entries: vec![base.clone()],
            ..Stored::default()
        };
        // Tab b saved first.
        let theirs = entry("x", "Plan", 2, "b", 7.0);
        let put_b = Op::Put {
            parent: Some(base.stamp.clone()),
            entry: theirs,
            renamed: false,
        };
        assert_eq!(apply(&mut lib, &put_b, false), []);
        // Tab a saved from the same version.
        let ours = entry("x", "Plan", 2, "a", 8.0);
        let put_a = Op::Put {
            parent: Some(base.stamp.clone()),
            entry: ours,
            renamed: false,
        };
        assert_eq!(
            apply(&mut lib, &put_a, false),
            [Conflict::BothChanged {
                theirs: "Plan".into(),
                ours: "Plan (2)".into()
            }]
        );
        assert_eq!(names(&lib), ["Plan (2)", "Plan"]);
        // Healing with the same op again copies nothing more.
        assert_eq!(apply(&mut lib, &put_a, true), []);
        assert_eq!(lib.entries.len(), 2);
        // A delete of the entry b changed keeps it.
        let delete = Op::Delete {
            id: "x".into(),
            stamp: base.stamp,
        };
        assert_eq!(
            apply(&mut lib, &delete, false),
            [Conflict::ChangedElsewhere {
                name: "Plan".into()
            }]
        );
        assert_eq!(lib.entries.len(), 2);
    }

    #[test]
    fn issue_22_a_save_of_an_entry_deleted_elsewhere_brings_it_back_and_a_lost_add_returns() {
        let base = entry("x", "Plan", 1, "a", 6.0);
        let mut lib: Stored<Entry> = Stored::default();
        apply(
            &mut lib,
            &Op::Delete {
                id: "x".into(),
                stamp: base.stamp.clone(),
            },
            false,
        );
        let ours = entry("x", "Plan", 2, "a", 8.0);
        let put = Op::Put {
            parent: Some(base.stamp),
            entry: ours.clone(),
            renamed: false,
        };
        assert_eq!(
            apply(&mut lib, &put, false),
            [Conflict::DeletedElsewhere {
                name: "Plan".into()
            }]
        );
        assert!(lib.deleted.is_empty());
        assert!(settled(&lib, &put));
        // Deleted by a tab that saw this change: healing leaves it deleted.
        apply(
            &mut lib,
            &Op::Delete {
                id: "x".into(),
                stamp: ours.stamp,
            },
            false,
        );
        assert!(settled(&lib, &put));
        assert_eq!(apply(&mut lib, &put, true), []);
        assert!(lib.entries.is_empty());
        // An add a stale write dropped (no tombstone) comes back on healing.
        let add = Op::Put {
            parent: None,
            entry: entry("y", "New", 1, "a", 9.0),
            renamed: false,
        };
        assert!(!settled(&lib, &add));
        apply(&mut lib, &add, true);
        assert_eq!(names(&lib), ["New"]);
    }
}
