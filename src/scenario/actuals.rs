//! Weekly actuals as a CSV file (issue 18): one row per reported week, columns named by stable ids.
//!
//! The header names the columns, in any order: `week` (required: the simulation week, 0-based),
//! then any of `new_loans`, `applications`, `approvals`, `prospecting_hours` (per AM), `leads`,
//! `active_loans` and `prospecting_hours.<channel id>` (per AM, e.g. `prospecting_hours.flyer`).
//! An empty cell is "not reported". A UTF-8 byte-order mark, CRLF line ends, spaces around cells
//! and RFC 4180 quoting are accepted. Every problem is reported with its row (1 = the first row
//! after the header) and column, in words; see docs/scenario-format.md.

use crate::engine::actuals::{Actuals, ActualsError, ActualsProblem, WeekActuals};
use crate::engine::params::{ChannelId, CHANNELS};
use crate::i18n::{fill, Lang, Text};

/// The stable ids of the figure columns, in the documented order.
pub const COLUMNS: [&str; 7] = [
    "week",
    "new_loans",
    "applications",
    "approvals",
    "prospecting_hours",
    "leads",
    "active_loans",
];

/// Which figure a header column fills.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Week,
    NewLoans,
    Applications,
    Approvals,
    ProspectingHours,
    Leads,
    ActiveLoans,
    ChannelHours(usize),
}

fn column_of(id: &str) -> Option<Column> {
    Some(match id {
        "week" => Column::Week,
        "new_loans" => Column::NewLoans,
        "applications" => Column::Applications,
        "approvals" => Column::Approvals,
        "prospecting_hours" => Column::ProspectingHours,
        "leads" => Column::Leads,
        "active_loans" => Column::ActiveLoans,
        other => {
            let channel = other.strip_prefix("prospecting_hours.")?;
            Column::ChannelHours(ChannelId::ALL.iter().position(|c| c.id() == channel)?)
        }
    })
}

fn error(row: usize, column: &str, problem: ActualsProblem) -> ActualsError {
    ActualsError {
        row,
        column: column.to_owned(),
        problem,
    }
}

/// Reads and checks actuals for a scenario of `horizon_weeks` weeks.
///
/// # Errors
/// Every problem found: the header's (row 0), then each row's, then the checks of
/// [`Actuals::new`] (order, range) when every cell could be read.
pub fn parse(text: &str, horizon_weeks: usize) -> Result<Actuals, Vec<ActualsError>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(record) => record.iter().map(str::to_owned).collect(),
        Err(e) => {
            return Err(vec![error(
                0,
                "",
                ActualsProblem::HeaderUnreadable(e.to_string()),
            )])
        }
    };
    let mut errors = Vec::new();
    let mut columns = Vec::with_capacity(header.len());
    for id in &header {
        match column_of(id) {
            Some(column) if columns.contains(&column) => {
                errors.push(error(0, id, ActualsProblem::DuplicateColumn));
            }
            Some(column) => columns.push(column),
            None => errors.push(error(0, id, ActualsProblem::UnknownColumn)),
        }
    }
    if !columns.contains(&Column::Week) {
        errors.push(error(0, "week", ActualsProblem::NoWeekColumn));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut weeks = Vec::new();
    // The file row of each week read.
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 1;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                errors.push(error(row, "", ActualsProblem::RowUnreadable(e.to_string())));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != columns.len() {
            errors.push(error(
                row,
                "",
                ActualsProblem::CellCount {
                    cells: record.len(),
                    columns: columns.len(),
                },
            ));
            continue;
        }
        if let Some(week) = read_row(row, &header, &columns, &record, &mut errors) {
            weeks.push(week);
            rows.push(row);
        }
    }
    // The readable rows are checked too, so one pass reports every problem, each at its own row.
    match Actuals::new(weeks, horizon_weeks) {
        Ok(actuals) if errors.is_empty() => Ok(actuals),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more.into_iter().map(|e| ActualsError {
                row: rows.get(e.row.wrapping_sub(1)).copied().unwrap_or(e.row),
                ..e
            }));
            errors.sort_by_key(|e| e.row);
            Err(errors)
        }
    }
}

/// One row's cells into a week; `None` (with its errors pushed) when a cell is unreadable.
fn read_row(
    row: usize,
    header: &[String],
    columns: &[Column],
    record: &csv::StringRecord,
    errors: &mut Vec<ActualsError>,
) -> Option<WeekActuals> {
    let before = errors.len();
    let mut week = WeekActuals::default();
    let mut channel_hours: Option<[f64; CHANNELS]> = None;
    for ((id, column), cell) in header.iter().zip(columns).zip(record.iter()) {
        if cell.is_empty() {
            if *column == Column::Week {
                errors.push(error(row, id, ActualsProblem::WeekMissing));
            }
            continue;
        }
        let Ok(value) = cell.parse::<f64>() else {
            errors.push(error(row, id, ActualsProblem::NotANumber(cell.to_owned())));
            continue;
        };
        match *column {
            Column::Week => {
                if value.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&value) {
                    errors.push(error(row, id, ActualsProblem::NotAWeek(cell.to_owned())));
                } else {
                    // In range and whole, checked just above.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let whole = value as u32;
                    week.week = whole;
                }
            }
            Column::NewLoans => week.new_loans = Some(value),
            Column::Applications => week.applications = Some(value),
            Column::Approvals => week.approvals = Some(value),
            Column::ProspectingHours => week.prospecting_hours = Some(value),
            Column::Leads => week.leads = Some(value),
            Column::ActiveLoans => week.active_loans = Some(value),
            Column::ChannelHours(c) => channel_hours.get_or_insert([0.0; CHANNELS])[c] = value,
        }
    }
    week.prospecting_hours_by_channel = channel_hours;
    (errors.len() == before).then_some(week)
}

/// A problem in words in `lang`, as the page shows it beside the import and the command line
/// prints it.
#[must_use]
pub fn problem_words(problem: &ActualsProblem, column: &str, lang: Lang) -> String {
    match problem {
        ActualsProblem::BeyondHorizon { week, last_week } => fill(
            Text::ActualsBeyondHorizon.get(lang),
            &[&week.to_string(), &last_week.to_string()],
        ),
        ActualsProblem::NotAfter { week, before } => fill(
            Text::ActualsNotAfter.get(lang),
            &[&week.to_string(), &before.to_string()],
        ),
        ActualsProblem::Negative(value) => {
            fill(Text::ActualsNegative.get(lang), &[&value.to_string()])
        }
        ActualsProblem::NotFinite => Text::ActualsNotFinite.get(lang).to_owned(),
        ActualsProblem::HeaderUnreadable(detail) => {
            fill(Text::ActualsHeaderUnreadable.get(lang), &[detail])
        }
        ActualsProblem::DuplicateColumn => fill(Text::ActualsDuplicateColumn.get(lang), &[column]),
        ActualsProblem::UnknownColumn => fill(
            Text::ActualsUnknownColumn.get(lang),
            &[column, &COLUMNS.join(", ")],
        ),
        ActualsProblem::NoWeekColumn => Text::ActualsNoWeekColumn.get(lang).to_owned(),
        ActualsProblem::RowUnreadable(detail) => {
            fill(Text::ActualsRowUnreadable.get(lang), &[detail])
        }
        ActualsProblem::CellCount { cells, columns } => fill(
            Text::ActualsCellCount.get(lang),
            &[&cells.to_string(), &columns.to_string()],
        ),
        ActualsProblem::WeekMissing => Text::ActualsWeekMissing.get(lang).to_owned(),
        ActualsProblem::NotANumber(cell) => fill(Text::ActualsNotANumber.get(lang), &[cell]),
        ActualsProblem::NotAWeek(cell) => fill(Text::ActualsNotAWeek.get(lang), &[cell]),
    }
}

/// Errors as the command line prints them: one line each, "row 3, leads: …".
#[must_use]
pub fn errors_in_words(errors: &[ActualsError]) -> String {
    errors
        .iter()
        .map(|e| {
            let words = problem_words(&e.problem, &e.column, Lang::En);
            match (e.row, e.column.is_empty()) {
                (0, false) => format!("header, {}: {words}", e.column),
                (0, true) => format!("header: {words}"),
                (row, false) => format!("row {row}, {}: {words}", e.column),
                (row, true) => format!("row {row}: {words}"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_a_bom_crlf_and_empty_cells_reads() {
        let text =
            "\u{feff}week,new_loans,leads,prospecting_hours.flyer\r\n0,5,,1.5\r\n1, 6 ,40,\r\n";
        let actuals = parse(text, 10).expect("valid");
        let weeks = actuals.weeks();
        assert_eq!(weeks.len(), 2);
        assert_eq!(weeks[0].leads, None);
        assert_eq!(weeks[1].new_loans, Some(6.0));
        assert_eq!(weeks[0].prospecting_hours_per_am(), Some(1.5));
    }

    #[test]
    fn every_bad_cell_is_named_by_row_and_column() {
        let text = "week,new_loans,leads\n0,five,3\n1.5,2,-1\n4,1,-1\n3,1,2\n";
        let errors = parse(text, 10).unwrap_err();
        let words = errors_in_words(&errors);
        assert_eq!(
            words,
            "row 1, new_loans: \"five\" is not a number\n\
             row 2, week: \"1.5\" is not a week: weeks are whole numbers from 0\n\
             row 3, leads: -1 is negative; figures are counts or hours, 0 or more\n\
             row 4, week: week 3 comes after week 4: weeks must be in increasing order, each once"
        );
    }

    #[test]
    fn an_unknown_or_missing_column_is_refused_at_the_header() {
        let errors = parse("new_loans,prospecting_hours.fax\n1,2\n", 10).unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(columns, vec!["prospecting_hours.fax", "week"]);
    }
}
