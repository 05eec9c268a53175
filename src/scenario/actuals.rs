//! Weekly actuals as a CSV file (issue 18): one row per reported week, columns named by stable ids.
//!
//! The header names the columns, in any order: `week` (required: the simulation week, 0-based),
//! then any of `new_loans`, `applications`, `approvals`, `prospecting_hours` (per AM), `leads`,
//! `active_loans` and `prospecting_hours.<channel id>` (per AM, e.g. `prospecting_hours.flyer`).
//! An empty cell is "not reported". A UTF-8 byte-order mark, CRLF line ends, spaces around cells
//! and RFC 4180 quoting are accepted. Every problem is reported with its row (1 = the first row
//! after the header) and column, in words; see docs/scenario-format.md.

use crate::engine::actuals::{Actuals, ActualsError, ActualsProblem, WeekActuals};
use chrono::NaiveDate;

use crate::engine::params::{ChannelId, CHANNELS};
use crate::i18n::{fill, Lang, Text};
use crate::scenario::book::map::{read_number, NumberCell, NumberColumn};

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
    /// The activity file's `week_starting`: a date, placed in the week of the scenario it falls in.
    WeekStarting,
    /// The activity file's `am`: rows per AM are summed into the team's week.
    Am,
    NewLoans,
    Applications,
    Approvals,
    /// The activity file's `declined`: read, not used by the warning.
    Declined,
    ProspectingHours,
    Leads,
    ActiveLoans,
    ChannelHours(usize),
    /// The activity file's `leads_<channel>`, summed into the week's leads.
    ChannelLeads(usize),
}

fn channel_index(id: &str) -> Option<usize> {
    ChannelId::ALL.iter().position(|c| c.id() == id)
}

fn column_of(id: &str) -> Option<Column> {
    Some(match id {
        "week" => Column::Week,
        "week_starting" => Column::WeekStarting,
        "am" => Column::Am,
        "new_loans" => Column::NewLoans,
        "applications" => Column::Applications,
        "approvals" | "approved" => Column::Approvals,
        "declined" => Column::Declined,
        "prospecting_hours" => Column::ProspectingHours,
        "leads" => Column::Leads,
        "active_loans" => Column::ActiveLoans,
        other => {
            if let Some(channel) = other.strip_prefix("prospecting_hours.") {
                Column::ChannelHours(channel_index(channel)?)
            } else if let Some(channel) = other.strip_prefix("prospecting_hours_") {
                Column::ChannelHours(channel_index(channel)?)
            } else {
                Column::ChannelLeads(channel_index(other.strip_prefix("leads_")?)?)
            }
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

/// What a file's weeks are read against: the scenario's horizon, the Monday of its week 0 (for
/// files that date their weeks) and its AMs (an activity file's team hours are shared among them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub horizon_weeks: usize,
    pub week0: Option<NaiveDate>,
    pub ams: f64,
}

impl Frame {
    /// Weeks numbered from 0 only (no dates), one AM: the form's own CSV file.
    #[must_use]
    pub fn numbered(horizon_weeks: usize) -> Frame {
        Frame {
            horizon_weeks,
            week0: None,
            ams: 1.0,
        }
    }
}

/// One row as read: its place in the file, its week, whose figures they are (an AM, or the team)
/// and the figures.
struct Row {
    line: usize,
    week: u32,
    per_am: bool,
    figures: WeekActuals,
}

/// Reads and checks actuals for a scenario.
///
/// Two layouts are read. The form's own file numbers its weeks (`week`, from 0), one row per week,
/// with the team's counts and the hours per AM. An activity file ("Your own book") dates its weeks
/// (`week_starting`, in any date style the loan-book reader takes: each row falls in the scenario
/// week that holds its date) and may hold one row per AM (an `am` column): its counts are summed
/// into the team's week, its `prospecting_hours_<channel>` are an AM's hours (averaged over the
/// AMs of the week) or, without an `am` column, the team's (shared among the scenario's AMs), and
/// its `leads_<channel>` are summed into the week's leads; `approved` are approvals.
///
/// # Errors
/// Every problem found: the header's (row 0), then each row's, then the checks of
/// [`Actuals::new`] (order, range) when every cell could be read.
pub fn parse(text: &str, frame: &Frame) -> Result<Actuals, Vec<ActualsError>> {
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
    let dated = columns.contains(&Column::WeekStarting);
    if !dated && !columns.contains(&Column::Week) {
        errors.push(error(0, "week", ActualsProblem::NoWeekColumn));
    }
    if dated && columns.contains(&Column::Week) {
        errors.push(error(0, "week", ActualsProblem::WeekAndDate));
    }
    if dated && frame.week0.is_none() {
        errors.push(error(0, "week_starting", ActualsProblem::NoStartDate));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let per_am = columns.contains(&Column::Am);
    let mut rows = Vec::new();
    // Read whole first: each column's cells decide how it writes its decimals ("1,5" hours).
    let records: Vec<_> = reader.records().collect();
    let numbers = number_columns(&records, columns.len());
    for (index, record) in records.into_iter().enumerate() {
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
        let cells = (&header[..], &columns[..], &numbers[..]);
        if let Some(read) = read_row(row, cells, &record, frame, &mut errors) {
            rows.push(Row { per_am, ..read });
        }
    }
    let (weeks, first_rows) = if dated {
        team_weeks(&rows, frame.ams)
    } else {
        (
            rows.iter().map(|r| r.figures.clone()).collect(),
            rows.iter().map(|r| r.line).collect(),
        )
    };
    // The readable rows are checked too, so one pass reports every problem, each at its own row.
    match Actuals::new(weeks, frame.horizon_weeks) {
        Ok(actuals) if errors.is_empty() => Ok(actuals),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more.into_iter().map(|e| {
                ActualsError {
                    row: first_rows
                        .get(e.row.wrapping_sub(1))
                        .copied()
                        .unwrap_or(e.row),
                    ..e
                }
            }));
            errors.sort_by_key(|e| e.row);
            Err(errors)
        }
    }
}

/// An activity file's rows gathered into the team's weeks, in week order, with the first file
/// row of each: counts summed; hours per AM averaged over an AM's rows, or a team's hours shared
/// among `ams`. A figure no row of the week reports stays unreported.
fn team_weeks(rows: &[Row], ams: f64) -> (Vec<WeekActuals>, Vec<usize>) {
    let mut by_week: std::collections::BTreeMap<u32, (usize, Vec<&Row>)> =
        std::collections::BTreeMap::new();
    for row in rows {
        by_week
            .entry(row.week)
            .or_insert_with(|| (row.line, Vec::new()))
            .1
            .push(row);
    }
    let sum = |rows: &[&Row], f: fn(&WeekActuals) -> Option<f64>| -> Option<f64> {
        rows.iter()
            .filter_map(|r| f(&r.figures))
            .fold(None, |total, v| Some(total.unwrap_or(0.0) + v))
    };
    let mut weeks = Vec::with_capacity(by_week.len());
    let mut first_rows = Vec::with_capacity(by_week.len());
    for (week, (first_row, rows)) in by_week {
        // An AM's rows average over the AMs of the week; a team's row shares among the team.
        let share = |team: f64, reporting: usize| {
            if rows.first().is_some_and(|r| r.per_am) {
                team / reporting.max(1) as f64
            } else if ams > 0.0 {
                team / ams
            } else {
                team
            }
        };
        let hours_rows = rows
            .iter()
            .filter(|r| r.figures.prospecting_hours_per_am().is_some())
            .count();
        let by_channel = rows
            .iter()
            .any(|r| r.figures.prospecting_hours_by_channel.is_some())
            .then(|| {
                std::array::from_fn(|c| {
                    let team: f64 = rows
                        .iter()
                        .filter_map(|r| r.figures.prospecting_hours_by_channel.map(|h| h[c]))
                        .sum();
                    share(team, hours_rows)
                })
            });
        weeks.push(WeekActuals {
            week,
            new_loans: sum(&rows, |w| w.new_loans),
            applications: sum(&rows, |w| w.applications),
            approvals: sum(&rows, |w| w.approvals),
            prospecting_hours: sum(&rows, |w| w.prospecting_hours).map(|h| share(h, hours_rows)),
            prospecting_hours_by_channel: by_channel,
            leads: sum(&rows, |w| w.leads),
            active_loans: sum(&rows, |w| w.active_loans),
        });
        first_rows.push(first_row);
    }
    (weeks, first_rows)
}

/// How each of the `count` columns writes its numbers, from every readable row.
fn number_columns(
    records: &[Result<csv::StringRecord, csv::Error>],
    count: usize,
) -> Vec<NumberColumn> {
    (0..count)
        .map(|c| {
            let cells = records.iter().filter_map(|r| r.as_ref().ok());
            NumberColumn::of(cells.map(|r| r.get(c).unwrap_or("")))
        })
        .collect()
}

/// One row's cells; `None` (with its errors pushed) when a cell is unreadable.
fn read_row(
    row: usize,
    (header, columns, numbers): (&[String], &[Column], &[NumberColumn]),
    record: &csv::StringRecord,
    frame: &Frame,
    errors: &mut Vec<ActualsError>,
) -> Option<Row> {
    let before = errors.len();
    let mut week = WeekActuals::default();
    let mut channel_hours: Option<[f64; CHANNELS]> = None;
    let mut channel_leads: Option<f64> = None;
    for (((id, column), cell), number) in header.iter().zip(columns).zip(record.iter()).zip(numbers)
    {
        if cell.is_empty() {
            if matches!(column, Column::Week | Column::WeekStarting) {
                errors.push(error(row, id, ActualsProblem::WeekMissing));
            }
            continue;
        }
        match *column {
            Column::Am | Column::Declined => continue,
            Column::WeekStarting => {
                match week_of_date(cell, frame) {
                    Ok(whole) => week.week = whole,
                    Err(problem) => errors.push(error(row, id, problem)),
                }
                continue;
            }
            _ => {}
        }
        // Any usual style ("1,234.5", "1.234,5", "1 234,5", full-width); a lone "1,500" is read as
        // its column's other cells write decimals, and refused when they do not say.
        let value = match read_number(cell) {
            Some(NumberCell::Exact { value, .. }) => value,
            Some(NumberCell::Doubtful {
                grouped,
                decimal,
                mark,
            }) if !number.read(grouped, decimal, mark).doubtful => {
                number.read(grouped, decimal, mark).value
            }
            _ => {
                errors.push(error(row, id, ActualsProblem::NotANumber(cell.to_owned())));
                continue;
            }
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
            Column::ChannelLeads(_) => *channel_leads.get_or_insert(0.0) += value,
            Column::WeekStarting | Column::Am | Column::Declined => {}
        }
    }
    week.prospecting_hours_by_channel = channel_hours;
    if let (None, Some(leads)) = (week.leads, channel_leads) {
        week.leads = Some(leads);
    }
    (errors.len() == before).then_some(Row {
        line: row,
        week: week.week,
        per_am: false,
        figures: week,
    })
}

/// The scenario week a dated row falls in.
fn week_of_date(cell: &str, frame: &Frame) -> Result<u32, ActualsProblem> {
    let date = super::book::map::parse_date(cell)
        .ok_or_else(|| ActualsProblem::NotADate(cell.to_owned()))?;
    let week0 = frame.week0.ok_or(ActualsProblem::NoStartDate)?;
    let days = (date - week0).num_days();
    if days < 0 {
        return Err(ActualsProblem::BeforeStart {
            date: date.to_string(),
            week0: week0.to_string(),
        });
    }
    u32::try_from(days / 7).map_err(|_| ActualsProblem::NotADate(cell.to_owned()))
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
        ActualsProblem::NotANumber(cell) => {
            let text = if matches!(read_number(cell), Some(NumberCell::Doubtful { .. })) {
                Text::ActualsDoubtfulNumber
            } else {
                Text::ActualsNotANumber
            };
            fill(text.get(lang), &[cell])
        }
        ActualsProblem::NotAWeek(cell) => fill(Text::ActualsNotAWeek.get(lang), &[cell]),
        ActualsProblem::WeekAndDate => Text::ActualsWeekAndDate.get(lang).to_owned(),
        ActualsProblem::NoStartDate => Text::ActualsNoStartDate.get(lang).to_owned(),
        ActualsProblem::NotADate(cell) => fill(Text::ActualsNotADate.get(lang), &[cell]),
        ActualsProblem::BeforeStart { date, week0 } => {
            fill(Text::ActualsBeforeStart.get(lang), &[date, week0])
        }
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
        let actuals = parse(text, &Frame::numbered(10)).expect("valid");
        let weeks = actuals.weeks();
        assert_eq!(weeks.len(), 2);
        assert_eq!(weeks[0].leads, None);
        assert_eq!(weeks[1].new_loans, Some(6.0));
        assert_eq!(weeks[0].prospecting_hours_per_am(), Some(1.5));
    }

    #[test]
    fn every_bad_cell_is_named_by_row_and_column() {
        let text = "week,new_loans,leads\n0,five,3\n1.5,2,-1\n4,1,-1\n3,1,2\n";
        let errors = parse(text, &Frame::numbered(10)).unwrap_err();
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
        let errors = parse(
            "new_loans,prospecting_hours.fax\n1,2\n",
            &Frame::numbered(10),
        )
        .unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(columns, vec!["prospecting_hours.fax", "week"]);
    }

    fn activity_frame() -> Frame {
        Frame {
            horizon_weeks: 52,
            week0: NaiveDate::from_ymd_opt(2026, 1, 5),
            ams: 4.0,
        }
    }

    /// Issue 18: "the same importers read the weekly actuals" — the activity file of "Your own
    /// book", one row per AM per week, dated in the styles a loan system exports, in any order.
    #[test]
    fn an_activity_file_per_am_is_summed_into_the_team_s_weeks() {
        let text = "am,week_starting,prospecting_hours_flyer,prospecting_hours_cold_visit,leads_flyer,leads_cold_visit,applications,approved,declined,new_loans\n\
            Li,2026-01-12,2,1,3,1,2,1,1,1\n\
            Ana,2026/1/13,4,0,2,0,1,1,0,1\n\
            Li,2026年1月5日,1,1,1,1,1,0,1,0\n\
            Ana,05.01.2026,3,1,2,2,0,0,0,0\n";
        let actuals = parse(text, &activity_frame()).expect("valid");
        let weeks = actuals.weeks();
        assert_eq!(weeks.iter().map(|w| w.week).collect::<Vec<_>>(), [0, 1]);
        // Week 0: Li 1 + 1 flyer/cold hours, Ana 3 + 1: 3 hours per AM on average.
        assert_eq!(weeks[0].prospecting_hours_per_am(), Some(3.0));
        let hours = weeks[0].prospecting_hours_by_channel.expect("by channel");
        let at = |id: ChannelId| {
            hours[ChannelId::ALL
                .iter()
                .position(|c| *c == id)
                .expect("a channel")]
        };
        assert_eq!((at(ChannelId::Flyer), at(ChannelId::ColdVisit)), (2.0, 1.0));
        assert_eq!(weeks[0].leads, Some(6.0));
        assert_eq!(weeks[1].leads, Some(6.0));
        assert_eq!(weeks[1].applications, Some(3.0));
        assert_eq!(weeks[1].approvals, Some(2.0));
        assert_eq!(weeks[1].new_loans, Some(2.0));
        assert_eq!(weeks[1].prospecting_hours_per_am(), Some(3.5));
    }

    /// Issue 17: hours with decimal commas read, a lone "1,500" is read as its column's other
    /// cells write decimals, and refused in words when they do not say.
    #[test]
    fn hours_with_decimal_commas_read_and_a_doubtful_one_is_refused_in_words() {
        let text = "week,prospecting_hours,leads\n0,\"2,5\",3\n1,\"1,500\",4\n2,\"１，２５\",5\n";
        let weeks = parse(text, &Frame::numbered(52)).expect("valid");
        let hours: Vec<Option<f64>> = weeks.weeks().iter().map(|w| w.prospecting_hours).collect();
        assert_eq!(hours, [Some(2.5), Some(1.5), Some(1.25)]);
        let text = "week,prospecting_hours\n0,2\n1,\"1,500\"\n";
        let errors = parse(text, &Frame::numbered(52)).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].row, 2);
        let words = problem_words(&errors[0].problem, &errors[0].column, Lang::En);
        assert!(words.contains("thousands"), "{words}");
        assert!(problem_words(&errors[0].problem, &errors[0].column, Lang::Zh).contains("千位"));
    }

    #[test]
    fn a_team_activity_file_shares_its_hours_among_the_scenario_s_ams() {
        let text = "week_starting,prospecting_hours_phone_sms,new_loans\n2026-01-19,20,5\n";
        let weeks = parse(text, &activity_frame())
            .expect("valid")
            .weeks()
            .to_vec();
        assert_eq!(weeks.len(), 1);
        assert_eq!(weeks[0].week, 2);
        assert_eq!(
            weeks[0].prospecting_hours_per_am(),
            Some(5.0),
            "20 team hours over 4 AMs"
        );
        assert_eq!(weeks[0].new_loans, Some(5.0));
    }

    #[test]
    fn an_activity_file_s_bad_dates_are_named_in_the_reader_s_language() {
        let text = "week_starting,new_loans\n2025-12-29,1\nsoon,2\n2026-01-05,-3\n";
        let errors = parse(text, &activity_frame()).unwrap_err();
        assert_eq!(
            errors_in_words(&errors),
            "row 1, week_starting: 2025-12-29 is before the scenario's first week (starting 2026-01-05)\n\
             row 2, week_starting: \"soon\" is not a date: use 2025-03-07, 2025/3/7, 2025年3月7日 or 07.03.2025\n\
             row 3, new_loans: -3 is negative; figures are counts or hours, 0 or more"
        );
        let zh: Vec<String> = errors
            .iter()
            .map(|e| problem_words(&e.problem, &e.column, Lang::Zh))
            .collect();
        assert_eq!(zh[0], "2025-12-29 早于情景的第一周（2026-01-05 起）");
        let undated = parse(text, &Frame::numbered(52)).unwrap_err();
        assert_eq!(undated[0].problem, ActualsProblem::NoStartDate);
        let both = parse("week,week_starting\n0,2026-01-05\n", &activity_frame()).unwrap_err();
        assert_eq!(both[0].problem, ActualsProblem::WeekAndDate);
    }

    proptest::proptest! {
        /// Whatever the bytes, the reader answers — weeks or every problem — and never panics; a
        /// refusal always says where.
        #[test]
        fn any_text_is_read_or_refused_with_a_place(text in "[a-z_,.\n0-9年月日/ -]{0,200}") {
            let dated = format!("am,week_starting,leads_flyer,new_loans\n{text}");
            for t in [text.as_str(), dated.as_str()] {
                if let Err(errors) = parse(t, &activity_frame()) {
                    proptest::prop_assert!(!errors.is_empty());
                    for e in &errors {
                        proptest::prop_assert!(!problem_words(&e.problem, &e.column, Lang::Zh).is_empty());
                    }
                }
            }
        }
    }
}
