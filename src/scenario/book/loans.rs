//! The loans of a mapped table and the row report (issue 17): every row either becomes a [`Loan`]
//! or is skipped, and every skipped or doubtful row is listed with its row number, column, value
//! and the reason in words (English and Chinese). A bad row never aborts the import.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use super::map::{parse_date, read_number, Field, Labels, NumberCell, NumberColumn, Status, Tier};
use super::read::{Table, TableRow};
use crate::i18n::{fill, Lang, Text};

/// One loan as the book states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loan {
    /// The spreadsheet row it came from.
    pub row: usize,
    pub loan_id: String,
    pub customer_id: Option<String>,
    pub disbursed_on: NaiveDate,
    pub matures_on: NaiveDate,
    pub term_weeks: u32,
    pub amount_cny: Option<f64>,
    pub tier: Tier,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
    pub renewed_from: Option<String>,
    pub channel: Option<String>,
    pub days_past_due: Option<f64>,
    pub am: Option<String>,
}

/// Why a row was skipped or is doubtful.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A required cell is empty.
    Missing,
    UnparseableDate,
    UnparseableNumber,
    MaturityBeforeDisbursement,
    ClosedBeforeDisbursement,
    UnknownTier,
    UnknownStatus,
    DuplicateId,
    /// Doubtful: a closed loan without its closing date (taken as its maturity).
    ClosedWithoutDate,
    /// Doubtful: the previous loan it renews is not in the file (still counted as a renewal).
    RenewsUnknownLoan,
    /// Doubtful: a negative amount, term or days past due (the cell is ignored).
    Negative,
    /// Doubtful: "1,234" could group thousands or mark decimals and the column's other cells do
    /// not say which; read as thousands (the reading nearer the column's other values).
    ReadAsThousands,
    /// Doubtful: the same, read as a decimal mark.
    ReadAsDecimal,
}

impl Reason {
    /// The reason in words.
    #[must_use]
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Reason::Missing => Text::BookReasonMissing,
            Reason::UnparseableDate => Text::BookReasonDate,
            Reason::UnparseableNumber => Text::BookReasonNumber,
            Reason::MaturityBeforeDisbursement => Text::BookReasonMaturityBefore,
            Reason::ClosedBeforeDisbursement => Text::BookReasonClosedBefore,
            Reason::UnknownTier => Text::BookReasonTier,
            Reason::UnknownStatus => Text::BookReasonStatus,
            Reason::DuplicateId => Text::BookReasonDuplicate,
            Reason::ClosedWithoutDate => Text::BookReasonClosedNoDate,
            Reason::RenewsUnknownLoan => Text::BookReasonRenewsUnknown,
            Reason::Negative => Text::BookReasonNegative,
            Reason::ReadAsThousands => Text::BookReasonReadAsThousands,
            Reason::ReadAsDecimal => Text::BookReasonReadAsDecimal,
        }
        .get(lang)
    }

    /// A stable id for tools.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Reason::Missing => "missing",
            Reason::UnparseableDate => "unparseable_date",
            Reason::UnparseableNumber => "unparseable_number",
            Reason::MaturityBeforeDisbursement => "maturity_before_disbursement",
            Reason::ClosedBeforeDisbursement => "closed_before_disbursement",
            Reason::UnknownTier => "unknown_tier",
            Reason::UnknownStatus => "unknown_status",
            Reason::DuplicateId => "duplicate_id",
            Reason::ClosedWithoutDate => "closed_without_date",
            Reason::RenewsUnknownLoan => "renews_unknown_loan",
            Reason::Negative => "negative",
            Reason::ReadAsThousands => "separator_read_as_thousands",
            Reason::ReadAsDecimal => "separator_read_as_decimal",
        }
    }
}

/// One line of the row report.
#[derive(Debug, Clone, PartialEq)]
pub struct RowIssue {
    pub row: usize,
    /// The column's header as the file has it.
    pub column: String,
    pub value: String,
    pub reason: Reason,
    /// Skipped (not imported) or only doubtful (imported, with the stated assumption).
    pub skipped: bool,
}

impl RowIssue {
    /// "Row 7, 放款日期 “2025-02-30”: not a date …" in the given language.
    #[must_use]
    pub fn sentence(&self, lang: Lang) -> String {
        let row = self.row.to_string();
        let template = if self.skipped {
            Text::BookIssueSkipped
        } else {
            Text::BookIssueDoubtful
        };
        fill(
            template.get(lang),
            &[&row, &self.column, &self.value, self.reason.words(lang)],
        )
    }
}

/// The loans read and the report on the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub loans: Vec<Loan>,
    pub issues: Vec<RowIssue>,
    /// Data rows in the file.
    pub rows: usize,
    pub skipped: usize,
}

/// The fields without which no row can become a loan (besides one of maturity or term).
pub const REQUIRED: [Field; 4] = [
    Field::LoanId,
    Field::DisbursedOn,
    Field::Tier,
    Field::Status,
];

/// The required fields the mapping lacks (`matures_on` standing for "maturity or a term").
#[must_use]
pub fn missing_fields(mapping: &[Option<Field>]) -> Vec<Field> {
    let has = |f: Field| mapping.contains(&Some(f));
    let mut missing: Vec<Field> = REQUIRED.into_iter().filter(|f| !has(*f)).collect();
    if !(has(Field::MaturesOn) || has(Field::TermWeeks) || has(Field::TermMonths)) {
        missing.push(Field::MaturesOn);
    }
    missing
}

/// Reads each row into a loan with `mapping` (one field per column) and `labels`.
#[must_use]
pub fn loans(table: &Table, mapping: &[Option<Field>], labels: &Labels) -> Import {
    let column_of: HashMap<Field, usize> = mapping
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (f, i)))
        .collect();
    // How each number column writes its decimals, asked once for the doubtful cells ("1,234").
    let numbers: HashMap<Field, NumberColumn> = NUMBER_FIELDS
        .iter()
        .filter_map(|f| column_of.get(f).map(|c| (*f, *c)))
        .map(|(field, column)| {
            let cells = table.rows.iter().map(|r| r.cell(column));
            (field, NumberColumn::of(cells))
        })
        .collect();
    let mut loans: Vec<Loan> = Vec::new();
    let mut issues = Vec::new();
    let mut seen_ids = HashSet::new();
    let mut skipped = 0;
    for row in &table.rows {
        let mut reader = RowReader {
            table,
            row,
            column_of: &column_of,
            numbers: &numbers,
            issues: Vec::new(),
        };
        let loan = reader.loan(labels);
        let mut row_issues = reader.issues;
        let loan = loan.and_then(|loan| {
            if seen_ids.insert(loan.loan_id.clone()) {
                Some(loan)
            } else {
                row_issues.push(RowIssue {
                    row: row.number,
                    column: header_of(table, &column_of, Field::LoanId),
                    value: loan.loan_id.clone(),
                    reason: Reason::DuplicateId,
                    skipped: true,
                });
                None
            }
        });
        match loan {
            Some(loan) => loans.push(loan),
            None => skipped += 1,
        }
        issues.extend(row_issues);
    }
    // A renewal of a loan the file does not hold is kept (the earlier loan may predate the export).
    let ids: HashSet<&str> = loans.iter().map(|l| l.loan_id.as_str()).collect();
    for loan in &loans {
        if let Some(previous) = &loan.renewed_from {
            if !ids.contains(previous.as_str()) {
                issues.push(RowIssue {
                    row: loan.row,
                    column: header_of(table, &column_of, Field::RenewedFrom),
                    value: previous.clone(),
                    reason: Reason::RenewsUnknownLoan,
                    skipped: false,
                });
            }
        }
    }
    issues.sort_by_key(|i| i.row);
    Import {
        loans,
        issues,
        rows: table.rows.len(),
        skipped,
    }
}

fn header_of(table: &Table, column_of: &HashMap<Field, usize>, field: Field) -> String {
    column_of
        .get(&field)
        .and_then(|i| table.header.get(*i))
        .cloned()
        .unwrap_or_else(|| field.id().to_owned())
}

/// The fields read as numbers.
const NUMBER_FIELDS: [Field; 4] = [
    Field::TermWeeks,
    Field::TermMonths,
    Field::AmountCny,
    Field::DaysPastDue,
];

struct RowReader<'a> {
    table: &'a Table,
    row: &'a TableRow,
    column_of: &'a HashMap<Field, usize>,
    numbers: &'a HashMap<Field, NumberColumn>,
    issues: Vec<RowIssue>,
}

impl RowReader<'_> {
    fn value(&self, field: Field) -> Option<&str> {
        let index = *self.column_of.get(&field)?;
        let value = self.row.cell(index);
        (!value.is_empty()).then_some(value)
    }

    fn report(&mut self, field: Field, reason: Reason, skipped: bool) {
        let value = self.value(field).unwrap_or("").to_owned();
        self.issues.push(RowIssue {
            row: self.row.number,
            column: header_of(self.table, self.column_of, field),
            value,
            reason,
            skipped,
        });
    }

    fn required(&mut self, field: Field) -> Option<String> {
        let value = self.value(field).map(str::to_owned);
        if value.is_none() {
            self.report(field, Reason::Missing, true);
        }
        value
    }

    /// An optional date: `Err` when present and unreadable (skips the row).
    fn date(&mut self, field: Field) -> Result<Option<NaiveDate>, ()> {
        match self.value(field) {
            None => Ok(None),
            Some(text) => {
                if let Some(date) = parse_date(text) {
                    Ok(Some(date))
                } else {
                    self.report(field, Reason::UnparseableDate, true);
                    Err(())
                }
            }
        }
    }

    /// An optional non-negative number; unreadable skips the row, negative is ignored (doubtful),
    /// a separator its column cannot tell is read the nearer way (doubtful).
    fn number(&mut self, field: Field) -> Result<Option<f64>, ()> {
        let Some(text) = self.value(field) else {
            return Ok(None);
        };
        let value = match read_number(text) {
            Some(NumberCell::Exact { value, .. }) => value,
            Some(NumberCell::Doubtful {
                grouped,
                decimal,
                mark,
            }) => {
                let column = self.numbers.get(&field).copied().unwrap_or_default();
                let reading = column.read(grouped, decimal, mark);
                if reading.doubtful {
                    let reason = if reading.as_thousands {
                        Reason::ReadAsThousands
                    } else {
                        Reason::ReadAsDecimal
                    };
                    self.report(field, reason, false);
                }
                reading.value
            }
            None => {
                self.report(field, Reason::UnparseableNumber, true);
                return Err(());
            }
        };
        if value >= 0.0 {
            Ok(Some(value))
        } else {
            self.report(field, Reason::Negative, false);
            Ok(None)
        }
    }

    fn text(&self, field: Field) -> Option<String> {
        self.value(field).map(str::to_owned)
    }

    fn loan(&mut self, labels: &Labels) -> Option<Loan> {
        // Every cell is checked before deciding, so one row's report lists all its problems.
        let loan_id = self.required(Field::LoanId);
        let disbursed_on = match self.required(Field::DisbursedOn) {
            Some(_) => self.date(Field::DisbursedOn).ok().flatten(),
            None => None,
        };
        let matures_on = self.date(Field::MaturesOn);
        let term_weeks = self.number(Field::TermWeeks);
        let term_months = self.number(Field::TermMonths);
        let amount_cny = self.number(Field::AmountCny);
        let tier = match self.required(Field::Tier) {
            Some(label) => {
                let tier = labels.tier(&label);
                if tier.is_none() {
                    self.report(Field::Tier, Reason::UnknownTier, true);
                }
                tier
            }
            None => None,
        };
        let status = match self.required(Field::Status) {
            Some(word) => {
                let status = labels.status(&word);
                if status.is_none() {
                    self.report(Field::Status, Reason::UnknownStatus, true);
                }
                status
            }
            None => None,
        };
        let closed_on = self.date(Field::ClosedOn);
        let days_past_due = self.number(Field::DaysPastDue);
        let (Some(loan_id), Some(disbursed_on), Ok(matures_on), Ok(term_weeks), Ok(term_months)) =
            (loan_id, disbursed_on, matures_on, term_weeks, term_months)
        else {
            return None;
        };
        let (Ok(amount_cny), Some(tier), Some(status), Ok(closed_on), Ok(days_past_due)) =
            (amount_cny, tier, status, closed_on, days_past_due)
        else {
            return None;
        };
        let term_from_cells = term_weeks
            .or_else(|| term_months.map(|months| months * 52.0 / 12.0))
            .map(|weeks| weeks.round().max(1.0));
        let matures_on = match (matures_on, term_from_cells) {
            (Some(date), _) => date,
            (None, Some(weeks)) => disbursed_on + Duration::days(7 * weeks as i64),
            (None, None) => {
                let field = if self.column_of.contains_key(&Field::MaturesOn) {
                    Field::MaturesOn
                } else if self.column_of.contains_key(&Field::TermMonths) {
                    Field::TermMonths
                } else {
                    Field::TermWeeks
                };
                self.report(field, Reason::Missing, true);
                return None;
            }
        };
        if matures_on <= disbursed_on {
            self.report(Field::MaturesOn, Reason::MaturityBeforeDisbursement, true);
            return None;
        }
        if closed_on.is_some_and(|closed| closed < disbursed_on) {
            self.report(Field::ClosedOn, Reason::ClosedBeforeDisbursement, true);
            return None;
        }
        let closed_on = match (status, closed_on) {
            (Status::Repaid | Status::WrittenOff, None) => {
                self.report(Field::ClosedOn, Reason::ClosedWithoutDate, false);
                Some(matures_on)
            }
            (_, closed) => closed,
        };
        let days = (matures_on - disbursed_on).num_days();
        let term_weeks = ((days as f64) / 7.0).round().max(1.0) as u32;
        Some(Loan {
            row: self.row.number,
            loan_id,
            customer_id: self.text(Field::CustomerId),
            disbursed_on,
            matures_on,
            term_weeks,
            amount_cny,
            tier,
            status,
            closed_on,
            renewed_from: self.text(Field::RenewedFrom),
            channel: self.text(Field::Channel),
            days_past_due,
            am: self.text(Field::Am),
        })
    }
}
