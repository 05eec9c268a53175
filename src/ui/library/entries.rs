//! The scenario library as the page holds it: named entries with stable ids, unique names, the most
//! recently touched first, and an undo for the last deletion.
//!
//! Names are unique so a person can tell entries apart and so the autosaved workspace can say which
//! entry it was opened from by name alone. Ids live only as long as the page: they are what the
//! buttons of a row refer to, so a rename or a reorder can never make a click act on another entry.

use chrono::NaiveDate;

use crate::scenario::library::{clean_name, Entry, NamedScenario, MAX_NAME_CHARS};

/// Numbered copies of one name tried before giving up (and keeping the name as it is).
const MAX_COPIES: u32 = 10_000;

/// Identifies an entry while the page is open.
pub type EntryId = u64;

/// An entry and its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: EntryId,
    pub entry: Entry,
}

/// The library: entries in the order they are listed (most recently saved, renamed or imported
/// first).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    items: Vec<Item>,
    next_id: EntryId,
    /// The last deleted entry and where it stood, so Undo puts it back in its place.
    deleted: Option<(usize, Item)>,
    /// Bumped on every change that must be stored.
    pub revision: u64,
}

impl Library {
    /// A library of stored entries; duplicate names (from a hand-edited file) are made unique.
    #[must_use]
    pub fn from_entries(entries: Vec<Entry>) -> Library {
        let mut library = Library::default();
        for mut entry in entries {
            entry.scenario.name = library.unique_name(&entry.scenario.name, "#", None);
            let id = library.fresh_id();
            library.items.push(Item { id, entry });
        }
        library
    }

    /// The entries in list order.
    #[must_use]
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The entries, for writing the library file.
    #[must_use]
    pub fn entries(&self) -> Vec<Entry> {
        self.items.iter().map(|i| i.entry.clone()).collect()
    }

    #[must_use]
    pub fn get(&self, id: EntryId) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The entry of this name.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.entry.scenario.name == name)
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
        let mut base = clean_name(wanted);
        if base.is_empty() {
            base = clean_name(fallback);
        }
        let taken = |name: &str| {
            self.items
                .iter()
                .any(|i| Some(i.id) != except && i.entry.scenario.name == name)
        };
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

    /// Adds a scenario at the top of the list under a unique name; returns its id and final name.
    pub fn add(
        &mut self,
        mut scenario: NamedScenario,
        fallback: &str,
        today: NaiveDate,
    ) -> (EntryId, String) {
        scenario.name = self.unique_name(&scenario.name, fallback, None);
        let name = scenario.name.clone();
        let id = self.fresh_id();
        self.items.insert(
            0,
            Item {
                id,
                entry: Entry {
                    scenario,
                    modified: today,
                },
            },
        );
        self.revision += 1;
        (id, name)
    }

    /// Replaces an entry's scenario (keeping its name) and moves it to the top.
    pub fn update(&mut self, id: EntryId, scenario: &NamedScenario, today: NaiveDate) -> bool {
        let Some(index) = self.index(id) else {
            return false;
        };
        let mut item = self.items.remove(index);
        item.entry.scenario.params.clone_from(&scenario.params);
        item.entry.scenario.start_date = scenario.start_date;
        item.entry.modified = today;
        self.items.insert(0, item);
        self.revision += 1;
        true
    }

    /// Renames an entry (made unique); returns the old and the new name.
    pub fn rename(
        &mut self,
        id: EntryId,
        wanted: &str,
        today: NaiveDate,
    ) -> Option<(String, String)> {
        let index = self.index(id)?;
        let old = self.items[index].entry.scenario.name.clone();
        let name = self.unique_name(wanted, &old, Some(id));
        if name == old {
            return None;
        }
        let mut item = self.items.remove(index);
        item.entry.scenario.name.clone_from(&name);
        item.entry.modified = today;
        self.items.insert(0, item);
        self.revision += 1;
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
        let index = self.index(id)?;
        let item = self.items.remove(index);
        let entry = item.entry.clone();
        self.deleted = Some((index, item));
        self.revision += 1;
        Some(entry)
    }

    /// Puts the last deleted entry back where it was (renamed if its name was taken meanwhile).
    pub fn undo_delete(&mut self) -> Option<String> {
        let (index, mut item) = self.deleted.take()?;
        item.entry.scenario.name = self.unique_name(&item.entry.scenario.name, "#", None);
        let name = item.entry.scenario.name.clone();
        self.items.insert(index.min(self.items.len()), item);
        self.revision += 1;
        Some(name)
    }

    fn index(&self, id: EntryId) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    fn fresh_id(&mut self) -> EntryId {
        self.next_id += 1;
        self.next_id
    }
}

#[cfg(test)]
// The values compared are set verbatim, not computed.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::engine::Params;

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
        assert_eq!(library.revision, 4);
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
            Entry {
                scenario: named("A", 6.0),
                modified: day(1),
            },
            Entry {
                scenario: named("A", 7.0),
                modified: day(1),
            },
            Entry {
                scenario: named("C", 8.0),
                modified: day(1),
            },
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
