//! Serializable mirrors of Monte Carlo run results, for moving chunks of runs between web workers,
//! and of a workbook read by the book-reader worker (issue 17).
//!
//! A worker receives the scenario file text and a run range, calls `McPlan::run_range`, and posts
//! back `Vec<RunResultWire>`; the page converts them back and calls `McPlan::merge`.
//!
//! The book-reader worker (`src/bin/book_reader.rs`) posts back the table it read, or why not, as
//! bincode ([`encode_read`]); the page turns the bytes back into the same [`Table`] `read.rs`
//! gives natively ([`decode_read`]).

use serde::{Deserialize, Serialize};

use crate::engine::montecarlo::RunResult;
use crate::scenario::book::read::{Format, ReadError, Table, TableRow};

/// `engine::RunResult` as plain data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunResultWire {
    pub run: u64,
    pub series: Vec<f64>,
    pub baseline_new_loans: Vec<f64>,
    pub baseline_active_loans: Vec<f64>,
    pub noise_new_loans: Vec<f64>,
    pub noise_baseline_new_loans: Vec<f64>,
    pub max_residual: f64,
}

impl From<&RunResult> for RunResultWire {
    fn from(r: &RunResult) -> Self {
        RunResultWire {
            run: r.run,
            series: r.series.clone(),
            baseline_new_loans: r.baseline_new_loans.clone(),
            baseline_active_loans: r.baseline_active_loans.clone(),
            noise_new_loans: r.noise_new_loans.clone(),
            noise_baseline_new_loans: r.noise_baseline_new_loans.clone(),
            max_residual: r.max_residual,
        }
    }
}

impl From<RunResultWire> for RunResult {
    fn from(w: RunResultWire) -> Self {
        RunResult {
            run: w.run,
            series: w.series,
            baseline_new_loans: w.baseline_new_loans,
            baseline_active_loans: w.baseline_active_loans,
            noise_new_loans: w.noise_new_loans,
            noise_baseline_new_loans: w.noise_baseline_new_loans,
            max_residual: w.max_residual,
        }
    }
}

/// One evaluated row of a Sobol design (`engine::sobol::Row`) as plain data (issue 21).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SobolRowWire {
    pub index: u64,
    pub draw: u32,
    pub a: f64,
    pub b: f64,
    pub ab: Vec<f64>,
}

impl From<&crate::engine::sobol::Row> for SobolRowWire {
    fn from(r: &crate::engine::sobol::Row) -> Self {
        SobolRowWire {
            index: r.index,
            draw: r.draw,
            a: r.a,
            b: r.b,
            ab: r.ab.clone(),
        }
    }
}

impl From<SobolRowWire> for crate::engine::sobol::Row {
    fn from(w: SobolRowWire) -> Self {
        crate::engine::sobol::Row {
            index: w.index,
            draw: w.draw,
            a: w.a,
            b: w.b,
            ab: w.ab,
        }
    }
}

/// A row's narrowed twin (`engine::sobol::NarrowRow`) as plain data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NarrowRowWire {
    pub index: u64,
    pub a: Option<f64>,
    pub b: Option<f64>,
}

impl From<&crate::engine::sobol::NarrowRow> for NarrowRowWire {
    fn from(r: &crate::engine::sobol::NarrowRow) -> Self {
        NarrowRowWire {
            index: r.index,
            a: r.a,
            b: r.b,
        }
    }
}

impl From<NarrowRowWire> for crate::engine::sobol::NarrowRow {
    fn from(w: NarrowRowWire) -> Self {
        crate::engine::sobol::NarrowRow {
            index: w.index,
            a: w.a,
            b: w.b,
        }
    }
}

/// A custom book's pipeline (`engine::params::InitialPipeline`), which scenario files do not
/// keep, as plain data: it crosses to the workers beside the scenario JSON, so a Monte Carlo job
/// of a back-test starts with the pipeline its EV run starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipelineWire {
    pub contacted: [f64; 3],
    pub interested: [f64; 3],
    pub queue: Vec<f64>,
    pub investigated: [f64; 3],
    pub referral_potential: [f64; 3],
}

impl PipelineWire {
    /// The pipeline of `params`' custom book, if it has one.
    #[must_use]
    pub fn of(params: &crate::engine::Params) -> Option<PipelineWire> {
        let p = params.team.initial_book.as_ref()?.pipeline.as_ref()?;
        Some(PipelineWire {
            contacted: p.contacted,
            interested: p.interested,
            queue: p.queue.clone(),
            investigated: p.investigated,
            referral_potential: p.referral_potential,
        })
    }

    /// Puts the pipeline back into `params`' custom book (nothing without one).
    pub fn restore(self, params: &mut crate::engine::Params) {
        if let Some(book) = params.team.initial_book.as_mut() {
            book.pipeline = Some(crate::engine::params::InitialPipeline {
                contacted: self.contacted,
                interested: self.interested,
                queue: self.queue,
                investigated: self.investigated,
                referral_potential: self.referral_potential,
            });
        }
    }
}

/// A workbook's table as plain data: the header, each row's spreadsheet number and cells, and
/// whether it was an `.xls` (else `.xlsx`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct TableWire {
    header: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
    xls: bool,
}

/// `ReadError` as plain data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum ReadErrorWire {
    Empty,
    NotWorkbook(String),
    Damaged(String),
    Password,
    NoSheet,
    NotUtf8,
}

/// A read workbook (or why not) as the bytes the book-reader worker posts back.
#[must_use]
pub fn encode_read(read: &Result<Table, ReadError>) -> Vec<u8> {
    let wire: Result<TableWire, ReadErrorWire> = match read {
        Ok(table) => Ok(TableWire {
            header: table.header.clone(),
            rows: table
                .rows
                .iter()
                .map(|r| (r.number as u64, r.cells.clone()))
                .collect(),
            xls: table.format == Format::Xls,
        }),
        Err(e) => Err(match e {
            ReadError::Empty => ReadErrorWire::Empty,
            ReadError::NotWorkbook(w) => ReadErrorWire::NotWorkbook(w.clone()),
            ReadError::Damaged(w) => ReadErrorWire::Damaged(w.clone()),
            ReadError::Password => ReadErrorWire::Password,
            ReadError::NoSheet => ReadErrorWire::NoSheet,
            ReadError::NotUtf8 => ReadErrorWire::NotUtf8,
        }),
    };
    // Strings, numbers and vectors always serialize; an empty answer reads back as damaged.
    bincode::serialize(&wire).unwrap_or_default()
}

/// The book-reader worker's answer read back; bytes that are no answer are a damaged workbook.
///
/// # Errors
/// The worker's [`ReadError`], or [`ReadError::Damaged`] for bytes that are no answer.
pub fn decode_read(bytes: &[u8]) -> Result<Table, ReadError> {
    let wire: Result<TableWire, ReadErrorWire> = bincode::deserialize(bytes)
        .map_err(|e| ReadError::Damaged(format!("the reader's answer: {e}")))?;
    match wire {
        Ok(table) => Ok(Table {
            header: table.header,
            rows: table
                .rows
                .into_iter()
                .map(|(number, cells)| TableRow {
                    number: number as usize,
                    cells,
                })
                .collect(),
            format: if table.xls { Format::Xls } else { Format::Xlsx },
        }),
        Err(e) => Err(match e {
            ReadErrorWire::Empty => ReadError::Empty,
            ReadErrorWire::NotWorkbook(w) => ReadError::NotWorkbook(w),
            ReadErrorWire::Damaged(w) => ReadError::Damaged(w),
            ReadErrorWire::Password => ReadError::Password,
            ReadErrorWire::NoSheet => ReadError::NoSheet,
            ReadErrorWire::NotUtf8 => ReadError::NotUtf8,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_read_crosses_the_worker_boundary_unchanged() {
        let table = Table {
            header: vec!["借据号".to_owned(), "amount".to_owned()],
            rows: vec![
                TableRow {
                    number: 2,
                    cells: vec!["J1".to_owned(), "150,000.5".to_owned()],
                },
                TableRow {
                    number: 4,
                    cells: vec![String::new()],
                },
            ],
            format: Format::Xls,
        };
        assert_eq!(decode_read(&encode_read(&Ok(table.clone()))), Ok(table));
        for error in [
            ReadError::Empty,
            ReadError::NotWorkbook("no xl/workbook.xml".to_owned()),
            ReadError::Damaged("truncated".to_owned()),
            ReadError::Password,
            ReadError::NoSheet,
        ] {
            assert_eq!(decode_read(&encode_read(&Err(error.clone()))), Err(error));
        }
        assert!(matches!(decode_read(b"\xff"), Err(ReadError::Damaged(_))));
    }
}
