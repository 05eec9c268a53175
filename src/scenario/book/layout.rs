//! Mappings remembered per file layout (issue 17): when a person corrects how a loan-book
//! export's columns, grades or status words are read, the page keeps that mapping in the
//! browser, keyed by a fingerprint of the header row (the column names in order), and applies
//! it when a file with the same columns is opened again.
//!
//! Stored as one small JSON text (`cadence-book-layouts`, version 1): the most recent layout
//! first, at most [`MAX_LAYOUTS`]. Field, tier and status ids are the stable ones of `--map` and
//! `--tier`; an id this version does not know is dropped rather than refusing the whole text.

use serde::{Deserialize, Serialize};

use super::map::{Field, Labels, Status, Tier};

/// The `format` of the stored text.
pub const FORMAT: &str = "cadence-book-layouts";
/// The version this Cadence writes.
pub const VERSION: u32 = 1;
/// Layouts kept; the one used longest ago is forgotten first.
pub const MAX_LAYOUTS: usize = 20;

/// The fingerprint of a header row: FNV-1a (64 bits, hex) of the trimmed column names in order,
/// each followed by a unit separator, so `["a b"]` and `["a", "b"]` differ.
#[must_use]
pub fn fingerprint(header: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for name in header {
        for byte in name.trim().bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// One layout's mapping: each column's field and the person's own grade labels and status words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// [`fingerprint`] of `columns`.
    pub key: String,
    pub columns: Vec<String>,
    pub fields: Vec<Option<Field>>,
    pub labels: Labels,
}

/// Every layout remembered, the most recent first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layouts(pub Vec<Layout>);

impl Layouts {
    /// The mapping remembered for a file with `header`, if any (the names must match too, not
    /// only the fingerprint).
    #[must_use]
    pub fn find(&self, header: &[String]) -> Option<&Layout> {
        let key = fingerprint(header);
        self.0.iter().find(|l| {
            l.key == key
                && l.columns.len() == header.len()
                && l.columns
                    .iter()
                    .zip(header)
                    .all(|(a, b)| a.trim() == b.trim())
        })
    }

    /// Remembers `fields` and `labels` for `header`, first in the list.
    pub fn remember(&mut self, header: &[String], fields: &[Option<Field>], labels: &Labels) {
        self.forget(header);
        self.0.insert(
            0,
            Layout {
                key: fingerprint(header),
                columns: header.iter().map(|h| h.trim().to_owned()).collect(),
                fields: fields.to_vec(),
                labels: labels.clone(),
            },
        );
        self.0.truncate(MAX_LAYOUTS);
    }

    /// Forgets the mapping of `header`; whether there was one.
    pub fn forget(&mut self, header: &[String]) -> bool {
        let key = fingerprint(header);
        let before = self.0.len();
        self.0.retain(|l| l.key != key);
        self.0.len() != before
    }
}

#[derive(Serialize, Deserialize)]
struct LayoutsFile {
    format: String,
    version: u32,
    layouts: Vec<LayoutFile>,
}

#[derive(Serialize, Deserialize)]
struct LayoutFile {
    key: String,
    columns: Vec<String>,
    fields: Vec<Option<String>>,
    #[serde(default)]
    tiers: Vec<(String, String)>,
    #[serde(default)]
    statuses: Vec<(String, String)>,
}

/// Why a stored text was not read (the page then neither uses nor writes over it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayoutsError {
    /// Not JSON of this format.
    Unreadable,
    /// Written by a newer Cadence (its version).
    Newer(u32),
}

/// The layouts in a stored text.
///
/// # Errors
/// [`LayoutsError`] when the text is not this format, or is of a newer version.
pub fn read(text: &str) -> Result<Layouts, LayoutsError> {
    let file: LayoutsFile = serde_json::from_str(text).map_err(|_| LayoutsError::Unreadable)?;
    if file.format != FORMAT {
        return Err(LayoutsError::Unreadable);
    }
    if file.version > VERSION {
        return Err(LayoutsError::Newer(file.version));
    }
    let layouts = file
        .layouts
        .into_iter()
        .filter(|l| l.key == fingerprint(&l.columns) && l.fields.len() == l.columns.len())
        .map(|l| Layout {
            key: l.key,
            columns: l.columns,
            fields: l
                .fields
                .iter()
                .map(|f| f.as_deref().and_then(Field::from_id))
                .collect(),
            labels: Labels {
                tiers: l
                    .tiers
                    .into_iter()
                    .filter_map(|(label, t)| Tier::from_id(&t).map(|t| (label, t)))
                    .collect(),
                statuses: l
                    .statuses
                    .into_iter()
                    .filter_map(|(word, s)| Status::from_id(&s).map(|s| (word, s)))
                    .collect(),
            },
        })
        .collect();
    Ok(Layouts(layouts))
}

/// The stored text of `layouts`.
#[must_use]
pub fn write(layouts: &Layouts) -> String {
    let file = LayoutsFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        layouts: layouts
            .0
            .iter()
            .map(|l| LayoutFile {
                key: l.key.clone(),
                columns: l.columns.clone(),
                fields: l
                    .fields
                    .iter()
                    .map(|f| f.map(|f| f.id().to_owned()))
                    .collect(),
                tiers: l
                    .labels
                    .tiers
                    .iter()
                    .map(|(label, t)| (label.clone(), t.id().to_owned()))
                    .collect(),
                statuses: l
                    .labels
                    .statuses
                    .iter()
                    .map(|(word, s)| (word.clone(), s.id().to_owned()))
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn the_key_is_the_column_names_in_order() {
        let a = header(&["借据号", "客户编号", "放款日期"]);
        assert_eq!(
            fingerprint(&a),
            fingerprint(&header(&[" 借据号", "客户编号 ", "放款日期"]))
        );
        assert_ne!(
            fingerprint(&a),
            fingerprint(&header(&["客户编号", "借据号", "放款日期"]))
        );
        assert_ne!(
            fingerprint(&header(&["a b"])),
            fingerprint(&header(&["a", "b"]))
        );
        assert_ne!(fingerprint(&a), fingerprint(&a[..2]));
        assert_eq!(fingerprint(&a).len(), 16);
    }

    #[test]
    fn a_remembered_layout_survives_its_stored_text_and_can_be_forgotten() {
        let columns = header(&["id", "grade", "state"]);
        let fields = vec![Some(Field::LoanId), Some(Field::Tier), None];
        let labels = Labels {
            tiers: vec![("优".to_owned(), Tier::Prime)],
            statuses: vec![("在途".to_owned(), Status::Active)],
        };
        let mut layouts = Layouts::default();
        layouts.remember(&columns, &fields, &labels);
        layouts.remember(&header(&["other"]), &[None], &Labels::default());
        let back = read(&write(&layouts)).expect("its own text");
        assert_eq!(back, layouts);
        let found = back.find(&columns).expect("remembered");
        assert_eq!(
            (found.fields.clone(), found.labels.clone()),
            (fields, labels)
        );
        assert_eq!(
            back.0[0].columns,
            header(&["other"]),
            "the most recent first"
        );
        assert!(back.find(&header(&["id", "grade"])).is_none());
        let mut back = back;
        assert!(back.forget(&columns));
        assert!(back.find(&columns).is_none());
        assert!(!back.forget(&columns));
    }

    #[test]
    fn a_stored_text_it_cannot_read_is_refused_not_guessed() {
        assert_eq!(read("{"), Err(LayoutsError::Unreadable));
        assert_eq!(
            read(r#"{"format":"cadence-library","version":1,"layouts":[]}"#),
            Err(LayoutsError::Unreadable)
        );
        assert_eq!(
            read(r#"{"format":"cadence-book-layouts","version":9,"layouts":[]}"#),
            Err(LayoutsError::Newer(9))
        );
        let mut many = Layouts::default();
        for i in 0..MAX_LAYOUTS + 3 {
            many.remember(&header(&[&format!("c{i}")]), &[None], &Labels::default());
        }
        assert_eq!(many.0.len(), MAX_LAYOUTS);
        assert_eq!(
            many.0[0].columns,
            header(&[&format!("c{}", MAX_LAYOUTS + 2)])
        );
    }
}
