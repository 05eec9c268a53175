//! The scenario library as the page holds it: named entries with stable ids, unique names, the most
//! recently touched first, and an undo for the last deletion.
//!
//! Names are unique so a person can tell entries apart and so the autosaved workspace can say which
//! entry it was opened from by name alone. Ids live only as long as the page: they are what the
//! buttons of a row refer to, so a rename or a reorder can never make a click act on another entry.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use crate::scenario::library::{unique_name, Entry, LibraryRead, NamedScenario, Stamp};
use crate::ui::library::sync::{self, Conflict, Op, Slot, Stored};

/// Written changes remembered, to put back should another tab's stale write drop them.
const MAX_JOURNAL: usize = 100;

/// Identifies an entry while the page is open.
pub type EntryId = u64;

/// An entry and its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: EntryId,
    pub entry: Entry,
}

impl Slot for Item {
    fn entry(&self) -> &Entry {
        &self.entry
    }
    fn entry_mut(&mut self) -> &mut Entry {
        &mut self.entry
    }
    fn from_entry(entry: Entry) -> Self {
        Item { id: 0, entry }
    }
}

/// The library: entries in the order they are listed (most recently saved, renamed or imported
/// first). It is the stored copy last read or written (`base`) with this tab's changes not yet
/// written (`pending`) applied; writing applies those changes to the copy stored at that moment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    view: Stored<Item>,
    base: Stored<Entry>,
    /// The stored text `base` was read from or written as.
    base_text: Option<String>,
    pending: Vec<Op>,
    /// Changes written, until a copy another tab stored shows them (or moved on past them).
    journal: Vec<Op>,
    /// Whether the stored copy lost a change of the journal.
    healing: bool,
    page_ids: BTreeMap<String, EntryId>,
    next_id: EntryId,
    /// The last deleted entry and where it stood, so Undo puts it back in its place.
    deleted: Option<(usize, Item)>,
    /// Counts the stored copies `base` has been (a write, another tab's copy).
    generation: u64,
    /// Names this tab in ids and stamps.
    tab: String,
    made: u64,
    /// Bumped on every change of the list.
    pub revision: u64,
}

/// The lasting ids of the entries an operation changes.
fn op_ids(op: &Op) -> Vec<&str> {
    match op {
        Op::Put { entry, .. } | Op::Restore { entry, .. } => vec![&entry.id],
        Op::Delete { id, .. } => vec![id],
        Op::AddAll { entries } => entries.iter().map(|e| e.id.as_str()).collect(),
    }
}

/// `old` without its changes of the entries in `ids`; `None` when nothing is left of it.
fn without(old: Op, ids: &HashSet<String>) -> Option<Op> {
    match old {
        Op::AddAll { mut entries } => {
            entries.retain(|e| !ids.contains(&e.id));
            (!entries.is_empty()).then_some(Op::AddAll { entries })
        }
        other => (!op_ids(&other).iter().any(|id| ids.contains(*id))).then_some(other),
    }
}

impl Library {
    /// A library of entries given here (tests, and files without ids): duplicate names are made
    /// unique and every entry gets an id.
    #[must_use]
    pub fn from_entries(entries: Vec<Entry>) -> Library {
        let mut library = Library::default();
        for mut entry in entries {
            let base = &library.base.entries;
            entry.scenario.name = unique_name(&entry.scenario.name, "#", |name| {
                base.iter().any(|e| e.scenario.name == name)
            });
            if entry.id.is_empty() {
                entry.id = library.fresh_key();
            }
            library.base.entries.push(entry);
        }
        library.rebuild();
        library
    }

    /// The library stored as `text`.
    #[must_use]
    pub fn from_stored(read: LibraryRead, text: String, tab: &str) -> Library {
        let mut library = Library {
            tab: tab.to_owned(),
            ..Library::default()
        };
        library.base = Stored::from_read(read);
        library.base_text = Some(text);
        library.rebuild();
        library
    }

    /// Names this tab in the ids and stamps it makes.
    pub fn set_tab(&mut self, tab: &str) {
        tab.clone_into(&mut self.tab);
    }

    /// The entries in list order.
    #[must_use]
    pub fn items(&self) -> &[Item] {
        &self.view.entries
    }

    /// The entries, for writing the library file.
    #[must_use]
    pub fn entries(&self) -> Vec<Entry> {
        self.view.entries.iter().map(|i| i.entry.clone()).collect()
    }

    #[must_use]
    pub fn get(&self, id: EntryId) -> Option<&Item> {
        self.view.entries.iter().find(|i| i.id == id)
    }

    /// The entry of this name.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<&Item> {
        self.view
            .entries
            .iter()
            .find(|i| i.entry.scenario.name == name)
    }

    /// The entry of this lasting id.
    #[must_use]
    pub fn find_key(&self, key: &str) -> Option<&Item> {
        self.view.entries.iter().find(|i| i.entry.id == key)
    }

    /// Whether an entry can be brought back.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.deleted.is_some()
    }

    /// `wanted`, cleaned (or `fallback` when nothing is left), made unique among the other entries
    /// by a " (2)", " (3)", … suffix.
    #[must_use]
    pub fn unique_name(&self, wanted: &str, fallback: &str, except: Option<EntryId>) -> String {
        unique_name(wanted, fallback, |name| {
            self.view
                .entries
                .iter()
                .any(|i| Some(i.id) != except && i.entry.scenario.name == name)
        })
    }

    /// The changes not yet written.
    #[must_use]
    pub fn pending(&self) -> &[Op] {
        &self.pending
    }

    /// The changes written but not yet seen in another tab's copy.
    #[must_use]
    pub fn journal(&self) -> &[Op] {
        &self.journal
    }

    /// Whether the stored library must be written: changes not written yet, or written changes
    /// the stored copy lost.
    #[must_use]
    pub fn needs_write(&self) -> bool {
        !self.pending.is_empty() || self.healing
    }

    /// Whether all there is to write is an import's entries (then it waits for the import's end).
    #[must_use]
    pub fn only_imports_to_write(&self) -> bool {
        !self.healing
            && self
                .pending
                .iter()
                .all(|op| matches!(op, Op::AddAll { .. }))
    }

    /// The stored text this library was last read from or written as.
    #[must_use]
    pub fn base_text(&self) -> Option<&str> {
        self.base_text.as_deref()
    }

    /// The stored copy last read or written.
    #[must_use]
    pub fn base(&self) -> &Stored<Entry> {
        &self.base
    }

    /// Changes whenever the stored copy does (this tab wrote, or heard another tab's write).
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Applies this tab's journal and pending changes to `stored` (the copy read just before
    /// writing): what to write, and what happened that the person should know.
    #[must_use]
    pub fn merge_into(&self, mut stored: Stored<Entry>) -> (Stored<Entry>, Vec<Conflict>) {
        let mut conflicts = Vec::new();
        for op in &self.journal {
            conflicts.extend(sync::apply(&mut stored, op, true));
        }
        for op in &self.pending {
            conflicts.extend(sync::apply(&mut stored, op, false));
        }
        (stored, conflicts)
    }

    /// `stored` was written as `text`, with the first `written` pending changes in it.
    pub fn written(&mut self, stored: Stored<Entry>, text: String, written: usize) {
        let done: Vec<Op> = self
            .pending
            .drain(..written.min(self.pending.len()))
            .collect();
        for op in done {
            // Only the latest written change of an entry is worth putting back (a deletion
            // included: a stale write of another tab may bring the entry back).
            let ids: HashSet<String> = op_ids(&op).into_iter().map(str::to_owned).collect();
            self.journal = std::mem::take(&mut self.journal)
                .into_iter()
                .filter_map(|old| without(old, &ids))
                .collect();
            self.journal.push(op);
        }
        let skip = self.journal.len().saturating_sub(MAX_JOURNAL);
        self.journal.drain(..skip);
        self.healing = false;
        self.generation += 1;
        self.base = stored;
        self.base_text = Some(text);
        self.rebuild();
    }

    /// Another tab stored `read` as `text`: it becomes the stored copy this tab's changes apply
    /// to. Written changes it shows are settled; one it lost is put back by the next write.
    pub fn adopt(&mut self, read: LibraryRead, text: String) {
        self.generation += 1;
        self.base = Stored::from_read(read);
        self.base_text = Some(text);
        let base = &self.base;
        self.journal.retain(|op| !sync::settled(base, op));
        self.healing = !self.journal.is_empty();
        self.rebuild();
    }

    /// The list again from the stored copy and the pending changes; page ids stay with entries.
    fn rebuild(&mut self) {
        let entries = self
            .base
            .entries
            .iter()
            .map(|e| Item::from_entry(e.clone()))
            .collect();
        self.view = Stored {
            entries,
            kept: self.base.kept.clone(),
            deleted: self.base.deleted.clone(),
        };
        for op in &self.pending {
            sync::apply(&mut self.view, op, false);
        }
        self.give_ids();
        self.revision += 1;
    }

    /// Gives every item without a page id its entry's id (or a new one).
    fn give_ids(&mut self) {
        for item in &mut self.view.entries {
            if item.id == 0 {
                item.id = if let Some(&id) = self.page_ids.get(&item.entry.id) {
                    id
                } else {
                    self.next_id += 1;
                    self.page_ids.insert(item.entry.id.clone(), self.next_id);
                    self.next_id
                };
            }
        }
    }

    /// Records a change and applies it to the list.
    fn change(&mut self, op: Op) {
        sync::apply(&mut self.view, &op, false);
        self.pending.push(op);
        self.give_ids();
        self.revision += 1;
    }

    fn stamp_after(&self, stamp: &Stamp) -> Stamp {
        Stamp {
            rev: stamp.rev + 1,
            by: self.tab.clone(),
        }
    }

    /// Adds a scenario at the top of the list under a unique name; returns its id and final name.
    pub fn add(
        &mut self,
        mut scenario: NamedScenario,
        fallback: &str,
        today: NaiveDate,
    ) -> (EntryId, String) {
        scenario.name = self.unique_name(&scenario.name, fallback, None);
        let name = scenario.name.clone();
        let key = self.fresh_key();
        let entry = Entry {
            scenario,
            modified: today,
            id: key.clone(),
            stamp: self.stamp_after(&Stamp::default()),
        };
        self.change(Op::Put {
            parent: None,
            entry,
            renamed: false,
        });
        let id = self.find_key(&key).map_or(0, |i| i.id);
        (id, name)
    }

    /// Adds scenarios at the top of the list in the order given (the first on top), each under a
    /// unique name, as one change: an import's slice. Returns their final names, in that order.
    pub fn add_all(
        &mut self,
        scenarios: Vec<(NamedScenario, NaiveDate)>,
        fallback: &str,
    ) -> Vec<String> {
        let mut taken: HashSet<String> = self
            .view
            .entries
            .iter()
            .map(|i| i.entry.scenario.name.clone())
            .collect();
        let mut entries: Vec<Entry> = scenarios
            .into_iter()
            .rev()
            .map(|(mut scenario, modified)| {
                scenario.name = unique_name(&scenario.name, fallback, |n| taken.contains(n));
                taken.insert(scenario.name.clone());
                Entry {
                    scenario,
                    modified,
                    id: self.fresh_key(),
                    stamp: self.stamp_after(&Stamp::default()),
                }
            })
            .collect();
        entries.reverse();
        let names = entries.iter().map(|e| e.scenario.name.clone()).collect();
        if !entries.is_empty() {
            self.change(Op::AddAll { entries });
        }
        names
    }

    /// Replaces an entry's scenario (keeping its name) and moves it to the top.
    pub fn update(&mut self, id: EntryId, scenario: &NamedScenario, today: NaiveDate) -> bool {
        let Some(item) = self.get(id) else {
            return false;
        };
        let mut entry = item.entry.clone();
        let parent = entry.stamp.clone();
        entry.scenario.params.clone_from(&scenario.params);
        entry.scenario.start_date = scenario.start_date;
        entry.modified = today;
        entry.stamp = self.stamp_after(&parent);
        self.change(Op::Put {
            parent: Some(parent),
            entry,
            renamed: false,
        });
        true
    }

    /// Renames an entry (made unique); returns the old and the new name.
    pub fn rename(
        &mut self,
        id: EntryId,
        wanted: &str,
        today: NaiveDate,
    ) -> Option<(String, String)> {
        let item = self.get(id)?;
        let old = item.entry.scenario.name.clone();
        let name = self.unique_name(wanted, &old, Some(id));
        if name == old {
            return None;
        }
        let mut entry = item.entry.clone();
        let parent = entry.stamp.clone();
        entry.scenario.name.clone_from(&name);
        entry.modified = today;
        entry.stamp = self.stamp_after(&parent);
        self.change(Op::Put {
            parent: Some(parent),
            entry,
            renamed: true,
        });
        Some((old, name))
    }

    /// Copies an entry under a numbered name; returns the copy's id and name.
    pub fn duplicate(&mut self, id: EntryId, today: NaiveDate) -> Option<(EntryId, String)> {
        let scenario = self.get(id)?.entry.scenario.clone();
        let fallback = scenario.name.clone();
        Some(self.add(scenario, &fallback, today))
    }

    /// Deletes an entry, keeping it for [`Library::undo_delete`]; returns it.
    pub fn delete(&mut self, id: EntryId) -> Option<Entry> {
        let index = self.view.entries.iter().position(|i| i.id == id)?;
        let item = self.view.entries[index].clone();
        self.change(Op::Delete {
            id: item.entry.id.clone(),
            stamp: item.entry.stamp.clone(),
        });
        let entry = item.entry.clone();
        self.deleted = Some((index, item));
        Some(entry)
    }

    /// Puts the last deleted entry back where it was (renamed if its name was taken meanwhile).
    pub fn undo_delete(&mut self) -> Option<String> {
        let (index, item) = self.deleted.take()?;
        let key = item.entry.id.clone();
        self.change(Op::Restore {
            index,
            entry: item.entry,
        });
        self.find_key(&key).map(|i| i.entry.scenario.name.clone())
    }

    /// A lasting id no other tab makes: this tab's name and a count.
    fn fresh_key(&mut self) -> String {
        self.made += 1;
        format!("{}-{}", self.tab, self.made)
    }
}

#[cfg(test)]
// The values compared are set verbatim, not computed.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::engine::Params;
    use crate::scenario::library::MAX_NAME_CHARS;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    fn named(name: &str, ams: f64) -> NamedScenario {
        let mut params = Params::default();
        params.team.ams = ams;
        NamedScenario {
            name: name.to_owned(),
            start_date: day(30),
            params,
        }
    }

    fn names(library: &Library) -> Vec<&str> {
        library
            .items()
            .iter()
            .map(|i| i.entry.scenario.name.as_str())
            .collect()
    }

    #[test]
    fn names_stay_unique_and_the_newest_comes_first() {
        let mut library = Library::default();
        library.add(named("Plan", 6.0), "Untitled", day(1));
        library.add(named("Plan", 7.0), "Untitled", day(2));
        library.add(named("  ", 8.0), "Untitled", day(3));
        library.add(named("Plan (2)", 9.0), "Untitled", day(4));
        assert_eq!(
            names(&library),
            ["Plan (3)", "Untitled", "Plan (2)", "Plan"]
        );
        assert_eq!(library.pending().len(), 4);
        let long = "x".repeat(MAX_NAME_CHARS);
        library.add(named(&long, 6.0), "Untitled", day(4));
        let (_, copy) = library.add(named(&long, 6.0), "Untitled", day(4));
        assert_eq!(copy.chars().count(), MAX_NAME_CHARS);
        assert!(copy.ends_with(" (2)"));
    }

    #[test]
    fn save_rename_and_duplicate_touch_the_date_and_the_order() {
        let mut library = Library::default();
        let (a, _) = library.add(named("A", 6.0), "-", day(1));
        let (b, _) = library.add(named("B", 6.0), "-", day(1));
        assert!(library.update(a, &named("ignored", 12.0), day(5)));
        assert_eq!(names(&library), ["A", "B"]);
        let entry = &library.get(a).expect("a").entry;
        assert_eq!(
            (entry.scenario.params.team.ams, entry.modified),
            (12.0, day(5))
        );
        assert_eq!(
            library.rename(b, "A", day(6)),
            Some(("B".into(), "A (2)".into()))
        );
        assert_eq!(library.rename(b, "A (2)", day(6)), None, "nothing to do");
        assert_eq!(
            library.rename(b, "", day(6)),
            None,
            "an empty name keeps the old one"
        );
        let (copy, name) = library.duplicate(a, day(7)).expect("copied");
        assert_eq!(name, "A (3)");
        assert_eq!(
            library
                .get(copy)
                .expect("copy")
                .entry
                .scenario
                .params
                .team
                .ams,
            12.0
        );
        assert_eq!(names(&library), ["A (3)", "A (2)", "A"]);
        assert!(!library.update(999, &named("x", 1.0), day(8)));
    }

    #[test]
    fn a_deletion_can_be_undone_in_place() {
        let mut library = Library::from_entries(vec![
            Entry::new(named("A", 6.0), day(1)),
            Entry::new(named("A", 7.0), day(1)),
            Entry::new(named("C", 8.0), day(1)),
        ]);
        assert_eq!(
            names(&library),
            ["A", "A (2)", "C"],
            "stored duplicates made unique"
        );
        let middle = library.items()[1].id;
        assert_eq!(
            library.delete(middle).map(|e| e.scenario.name),
            Some("A (2)".into())
        );
        assert!(library.can_undo());
        assert_eq!(library.undo_delete(), Some("A (2)".into()));
        assert_eq!(names(&library), ["A", "A (2)", "C"]);
        assert!(!library.can_undo());
        assert_eq!(library.undo_delete(), None);
        // Undo after the name was taken again keeps both.
        library.delete(middle);
        library.add(named("A (2)", 9.0), "-", day(2));
        assert_eq!(library.undo_delete(), Some("A (3)".into()));
    }
}
