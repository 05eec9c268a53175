//! A team's own loan book (issue 17): the export of the loan system read into one table
//! ([`read`]), its columns mapped onto the canonical loan-book fields and its labels onto tiers and
//! statuses ([`map`]), its rows turned into loans with a report on every skipped or doubtful row
//! ([`loans`]), the book as it stood on an "as of" date ([`start`]) and the rates it speaks to
//! ([`fit`]), the weekly activity file's channel yields and approval ([`activity`]) and which of
//! them map onto which parameters, recorded with their source ([`calibrate`]), and the back-test
//! of the fitted model against what came after a past date ([`backtest`]). `cadence book FILE`
//! prints all of it as JSON ([`out`]); `cadence calibrate` writes the calibrated scenario.

pub mod activity;
pub mod backtest;
pub mod calibrate;
pub mod fit;
pub mod layout;
pub mod loans;
pub mod map;
pub mod out;
pub mod read;
pub mod sample;
pub mod start;

use std::rc::Rc;

use chrono::NaiveDate;

use crate::engine::params::Params;
use loans::Import;
use map::{Field, Labels};
use read::{ReadError, Table};

/// What was asked of a book: the person's corrections and the day to start from.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `column=field` corrections (see [`map::apply_overrides`]).
    pub map: Vec<(String, String)>,
    pub labels: Labels,
    /// The day the starting book is taken on; the last date in the book when `None`.
    pub as_of: Option<NaiveDate>,
}

/// A book read, mapped, reported, started and fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Shared with the page's model: a re-analysis never copies the file's cells.
    pub table: Rc<Table>,
    pub mapping: Vec<Option<Field>>,
    pub import: Import,
    pub book: start::StartingBook,
    pub fit: fit::Fit,
}

/// Why a book gave no analysis at all (bad rows never are: they are in the report).
#[derive(Debug, Clone, PartialEq)]
pub enum BookError {
    Read(ReadError),
    /// A correction that names no column or field, in words.
    Mapping(String),
    /// Required fields no column holds.
    MissingFields(Vec<Field>),
    /// Not one row could be read as a loan.
    NoLoans(Import),
}

/// Reads `bytes` and does every step with the scenario's term classes.
///
/// # Errors
/// [`BookError`] when there is no table, no usable mapping or no loan at all.
pub fn analyse(bytes: &[u8], request: &Request, params: &Params) -> Result<Analysis, BookError> {
    let table = read::read(bytes).map_err(BookError::Read)?;
    let mut mapping = map::guess(&table);
    map::apply_overrides(&table, &mut mapping, &request.map).map_err(BookError::Mapping)?;
    analyse_table(
        Rc::new(table),
        mapping,
        &request.labels,
        request.as_of,
        params,
    )
}

/// The scenario's term classes in whole weeks (at least 1): all an analysis takes from `params`.
#[must_use]
pub fn term_weeks_of(params: &Params) -> Vec<u32> {
    params
        .loans
        .terms
        .iter()
        .map(|t| t.weeks.round().max(1.0) as u32)
        .collect()
}

/// Every step after reading, with a mapping already settled (the page's mapping table, or the
/// guess with the CLI's corrections): the one code path of `cadence book` and the "Your data" view.
///
/// # Errors
/// [`BookError::MissingFields`] or [`BookError::NoLoans`].
pub fn analyse_table(
    table: Rc<Table>,
    mapping: Vec<Option<Field>>,
    labels: &Labels,
    as_of: Option<NaiveDate>,
    params: &Params,
) -> Result<Analysis, BookError> {
    let missing = loans::missing_fields(&mapping);
    if !missing.is_empty() {
        return Err(BookError::MissingFields(missing));
    }
    let import = loans::loans(&table, &mapping, labels);
    let Some(as_of) = as_of.or_else(|| start::last_date(&import.loans)) else {
        return Err(BookError::NoLoans(import));
    };
    let term_weeks = term_weeks_of(params);
    let book = start::starting_book(&import.loans, as_of, &term_weeks);
    let knows_renewals = mapping.contains(&Some(Field::RenewedFrom));
    let fit = fit::fit(&import.loans, as_of, &term_weeks, knows_renewals);
    Ok(Analysis {
        table,
        mapping,
        import,
        book,
        fit,
    })
}

impl BookError {
    /// The problem in words, for the CLI's standard error.
    #[must_use]
    pub fn words(&self) -> String {
        match self {
            BookError::Read(ReadError::Empty) => "the file holds no table (it is empty)".to_owned(),
            BookError::Read(ReadError::NoSheet) => "the workbook has no sheet".to_owned(),
            BookError::Read(ReadError::NotUtf8) => "the text is not UTF-8".to_owned(),
            BookError::Read(ReadError::NotWorkbook(e)) => {
                format!("the file holds no Excel workbook: {e}")
            }
            BookError::Read(ReadError::Damaged(e)) => {
                format!("the workbook is damaged and cannot be read: {e}")
            }
            BookError::Read(ReadError::Password) => {
                "the workbook is protected by a password: save a copy without it".to_owned()
            }
            BookError::Mapping(words) => words.clone(),
            BookError::MissingFields(fields) => format!(
                "no column holds {}; name them with --map COLUMN=FIELD",
                fields.iter().map(|f| f.id()).collect::<Vec<_>>().join(", ")
            ),
            BookError::NoLoans(import) => format!(
                "none of the {} rows could be read as a loan ({} problems)",
                import.rows,
                import.issues.len()
            ),
        }
    }
}
