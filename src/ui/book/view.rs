//! The "Your data" view's model: the picker's words and the last refusal, the mapping table (each
//! column's header, its field's dropdown and the preview's cells), the grade and status dropdowns,
//! the "as of" field with its error, the row report with its counts, the book on "as of" and the
//! fitted rates beside the scenario's. Every figure is formatted here.

use crate::engine::params::Params;
use crate::i18n::{fill, Lang, Text};
use crate::scenario::book::fit::Estimate;
use crate::scenario::book::map::{Field, Status, Tier};
use crate::scenario::book::read::{Format, TextEncoding};
use crate::scenario::book::{start, BookError};
use crate::ui::book::{as_of_of, FileRefusal, Loaded, Memory, Model, Rate, PREVIEW_ROWS};
use crate::ui::format;

/// How many lines of the row report the page lists (the counts cover all of them).
pub const REPORT_LINES: usize = 50;

/// One option of a dropdown: its value and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: &'static str,
}

/// One column of the mapping table.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnView {
    pub index: usize,
    pub header: String,
    /// The selected field's id ("" when not used).
    pub field: String,
    /// The select's accessible name ("Field of 放款日期").
    pub label: String,
}

/// One grade label or status word with the tier or status it is read as.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelView {
    pub value: String,
    pub label: String,
    /// The chosen tier's or status's id ("" while unknown).
    pub chosen: String,
}

/// One fitted rate beside the scenario's.
#[derive(Debug, Clone, PartialEq)]
pub struct RateView {
    pub rate: Rate,
    pub id: String,
    pub name: String,
    /// "71.4% (62.0% – 79.3%)", or "too few to say".
    pub yours: String,
    pub count: String,
    pub current: String,
    pub can_accept: bool,
    /// Whether "Accept all" takes it (enough observations, not yet in the scenario).
    pub in_accept_all: bool,
    pub accepted: bool,
}

/// What the book shows once a file is read.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedView {
    /// "book.csv: 8 rows, 11 columns (CSV, GB18030)".
    pub file_line: String,
    pub columns: Vec<ColumnView>,
    pub field_choices: Vec<Choice>,
    pub preview: Vec<Vec<String>>,
    pub tiers: Vec<LabelView>,
    pub tier_choices: Vec<Choice>,
    pub statuses: Vec<LabelView>,
    pub status_choices: Vec<Choice>,
    pub as_of_text: String,
    pub as_of_hint: String,
    pub as_of_error: Option<String>,
    /// "No column holds: …" or "None of the rows …".
    pub problem: Option<String>,
    /// "Rows read: 8. Loans imported: 6. Rows skipped: 2. Doubtful: 1."
    pub counts: Option<String>,
    pub issues: Vec<String>,
    pub starting_title: Option<String>,
    pub starting_line: Option<String>,
    /// The starting book's active loans, for tests ("412").
    pub starting_total: Option<u32>,
    pub can_start: bool,
    pub rates: Vec<RateView>,
    pub any_to_accept: bool,
    /// "Accepted into the scenario from book.csv, as of 2025-10-06." once a rate is accepted.
    pub source: Option<String>,
    /// "Mapping remembered from your last file with these columns." (or kept for the next one).
    pub memory: Option<&'static str>,
}

/// The whole view.
#[derive(Debug, Clone, PartialEq)]
pub struct BookView {
    pub title: &'static str,
    pub intro: &'static str,
    pub choose: &'static str,
    /// *Try the sample team*, and what the sample is (its files can be downloaded beside it).
    pub sample: &'static str,
    pub sample_note: &'static str,
    pub sample_files: &'static str,
    pub privacy: &'static str,
    pub excel_note: &'static str,
    /// "Drop the loan-book file here…", shown while a file is dragged over the view.
    pub drop_here: &'static str,
    /// "Reading the workbook …" while the book-reader worker reads one.
    pub reading: Option<String>,
    pub refused: Option<String>,
    pub started: Option<String>,
    pub loaded: Option<LoadedView>,
    pub words: Words,
}

/// The fixed words of the view.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub mapping_title: &'static str,
    pub mapping_hint: &'static str,
    pub column: &'static str,
    pub field: &'static str,
    pub preview_title: &'static str,
    pub labels_title: &'static str,
    pub as_of: &'static str,
    pub report_title: &'static str,
    pub start: &'static str,
    pub start_hint: &'static str,
    pub rates_title: &'static str,
    pub rate_name: &'static str,
    pub rate_yours: &'static str,
    pub rate_count: &'static str,
    pub rate_current: &'static str,
    pub accept: &'static str,
    pub accept_all: &'static str,
    pub accepted: &'static str,
    pub forget: &'static str,
}

fn field_text(field: Field) -> Text {
    match field {
        Field::LoanId => Text::BookFieldLoanId,
        Field::CustomerId => Text::BookFieldCustomerId,
        Field::DisbursedOn => Text::BookFieldDisbursedOn,
        Field::MaturesOn => Text::BookFieldMaturesOn,
        Field::TermWeeks => Text::BookFieldTermWeeks,
        Field::TermMonths => Text::BookFieldTermMonths,
        Field::AmountCny => Text::BookFieldAmountCny,
        Field::Tier => Text::BookFieldTier,
        Field::Status => Text::BookFieldStatus,
        Field::ClosedOn => Text::BookFieldClosedOn,
        Field::RenewedFrom => Text::BookFieldRenewedFrom,
        Field::Channel => Text::BookFieldChannel,
        Field::DaysPastDue => Text::BookFieldDaysPastDue,
        Field::Am => Text::BookFieldAm,
    }
}

/// A tier's name in the page's language.
#[must_use]
pub fn tier_text(tier: Tier) -> Text {
    match tier {
        Tier::Prime => Text::TierPrime,
        Tier::Standard => Text::TierStandard,
        Tier::Marginal => Text::TierMarginal,
    }
}

fn status_text(status: Status) -> Text {
    match status {
        Status::Active => Text::StatusActive,
        Status::Repaid => Text::StatusRepaid,
        Status::WrittenOff => Text::StatusWrittenOff,
    }
}

fn refusal_text(refusal: FileRefusal) -> Text {
    match refusal {
        FileRefusal::Empty => Text::BookRefusedEmpty,
        FileRefusal::NotWorkbook => Text::BookRefusedNotWorkbook,
        FileRefusal::Damaged => Text::BookRefusedDamaged,
        FileRefusal::Password => Text::BookRefusedPassword,
        FileRefusal::NoSheet => Text::BookRefusedNoSheet,
        FileRefusal::ReaderUnavailable => Text::BookRefusedReader,
        FileRefusal::TooLarge => Text::BookRefusedLarge,
        FileRefusal::Unreadable => Text::BookRefusedUnreadable,
    }
}

fn format_words(format: Format) -> String {
    match format {
        Format::Csv { encoding, .. } => {
            let encoding = match encoding {
                TextEncoding::Utf8 | TextEncoding::Utf8Bom => "UTF-8",
                TextEncoding::Gb18030 => "GB18030",
            };
            format!("CSV, {encoding}")
        }
        Format::Xlsx => "xlsx".to_owned(),
        Format::Xls => "xls".to_owned(),
    }
}

/// The view model of "Your data".
#[must_use]
pub fn book_view(model: &Model, params: &Params, lang: Lang) -> BookView {
    BookView {
        title: Text::BookTitle.get(lang),
        intro: Text::BookIntro.get(lang),
        choose: Text::BookChoose.get(lang),
        sample: Text::BookSample.get(lang),
        sample_note: Text::BookSampleNote.get(lang),
        sample_files: Text::BookSampleFiles.get(lang),
        privacy: Text::BookPrivacy.get(lang),
        excel_note: Text::BookExcelNote.get(lang),
        drop_here: Text::BookDropHere.get(lang),
        reading: model
            .reading
            .as_ref()
            .map(|(_, name)| fill(Text::BookReading.get(lang), &[name])),
        refused: model
            .refused
            .as_ref()
            .map(|(name, refusal)| fill(refusal_text(*refusal).get(lang), &[name])),
        started: model.started.map(|(loans, day)| {
            fill(
                Text::BookStarted.get(lang),
                &[
                    &format::number(f64::from(loans), 0),
                    &format::date(day, lang),
                ],
            )
        }),
        loaded: model
            .loaded
            .as_ref()
            .map(|loaded| loaded_view(model, loaded, params, lang)),
        words: Words {
            mapping_title: Text::BookMappingTitle.get(lang),
            mapping_hint: Text::BookMappingHint.get(lang),
            column: Text::BookColumn.get(lang),
            field: Text::BookFieldHeader.get(lang),
            preview_title: Text::BookPreviewTitle.get(lang),
            labels_title: Text::BookLabelsTitle.get(lang),
            as_of: Text::BookAsOf.get(lang),
            report_title: Text::BookReportTitle.get(lang),
            start: Text::BookStart.get(lang),
            start_hint: Text::BookStartHint.get(lang),
            rates_title: Text::BookRatesTitle.get(lang),
            rate_name: Text::BookRateName.get(lang),
            rate_yours: Text::BookRateYours.get(lang),
            rate_count: Text::BookRateCount.get(lang),
            rate_current: Text::BookRateDefault.get(lang),
            accept: Text::BookAccept.get(lang),
            accept_all: Text::BookAcceptAll.get(lang),
            accepted: Text::BookAccepted.get(lang),
            forget: Text::BookForget.get(lang),
        },
    }
}

fn loaded_view(model: &Model, loaded: &Loaded, params: &Params, lang: Lang) -> LoadedView {
    let table = &loaded.table;
    let file_line = fill(
        Text::BookFileLine.get(lang),
        &[
            &loaded.name,
            &format::number(table.rows.len() as f64, 0),
            &table.header.len().to_string(),
            &format_words(table.format),
        ],
    );
    let columns = table
        .header
        .iter()
        .enumerate()
        .map(|(index, header)| ColumnView {
            index,
            header: header.clone(),
            field: loaded.mapping[index].map_or(String::new(), |f| f.id().to_owned()),
            label: format!("{} · {header}", Text::BookFieldHeader.get(lang)),
        })
        .collect();
    let mut field_choices = vec![Choice {
        value: String::new(),
        label: Text::BookFieldNone.get(lang),
    }];
    field_choices.extend(Field::ALL.map(|f| Choice {
        value: f.id().to_owned(),
        label: field_text(f).get(lang),
    }));
    let preview = table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|row| {
            (0..table.header.len())
                .map(|i| row.cell(i).to_owned())
                .collect()
        })
        .collect();
    let tiers = loaded
        .values_of(Field::Tier)
        .into_iter()
        .map(|(value, count)| LabelView {
            label: fill(Text::BookGradeOf.get(lang), &[&value, &count.to_string()]),
            chosen: loaded
                .labels
                .tier(&value)
                .map_or(String::new(), |t| t.id().to_owned()),
            value,
        })
        .collect();
    let statuses = loaded
        .values_of(Field::Status)
        .into_iter()
        .map(|(value, count)| LabelView {
            label: fill(Text::BookStatusOf.get(lang), &[&value, &count.to_string()]),
            chosen: loaded
                .labels
                .status(&value)
                .map_or(String::new(), |s| s.id().to_owned()),
            value,
        })
        .collect();
    let (tier_choices, status_choices) = label_choices(lang);
    let as_of_error = as_of_of(&loaded.as_of_text)
        .err()
        .map(|text| fill(Text::BookAsOfError.get(lang), &[&text]));
    let mut view = LoadedView {
        file_line,
        columns,
        field_choices,
        preview,
        tiers,
        tier_choices,
        statuses,
        status_choices,
        as_of_text: loaded.as_of_text.clone(),
        as_of_hint: String::new(),
        can_start: false,
        as_of_error,
        problem: None,
        counts: None,
        issues: Vec::new(),
        starting_title: None,
        starting_line: None,
        starting_total: None,
        rates: Vec::new(),
        any_to_accept: false,
        source: None,
        memory: loaded.memory.map(|memory| match memory {
            Memory::Applied => Text::BookRemembered.get(lang),
            Memory::Kept => Text::BookRememberKept.get(lang),
        }),
    };
    report(&mut view, loaded, lang);
    outcome(&mut view, model, loaded, params, lang);
    view
}

/// The grade and status dropdowns' options, "unknown" first.
fn label_choices(lang: Lang) -> (Vec<Choice>, Vec<Choice>) {
    let unknown = Choice {
        value: String::new(),
        label: Text::BookUnknown.get(lang),
    };
    let mut tier_choices = vec![unknown.clone()];
    tier_choices.extend(Tier::ALL.map(|t| Choice {
        value: t.id().to_owned(),
        label: tier_text(t).get(lang),
    }));
    let mut status_choices = vec![unknown];
    status_choices.extend(Status::ALL.map(|s| Choice {
        value: s.id().to_owned(),
        label: status_text(s).get(lang),
    }));
    (tier_choices, status_choices)
}

/// The row report's counts and lines, and the "as of" hint from the loans read.
fn report(view: &mut LoadedView, loaded: &Loaded, lang: Lang) {
    let import = match &loaded.analysis {
        Ok(analysis) => Some(&analysis.import),
        Err(BookError::NoLoans(import)) => Some(import),
        Err(_) => None,
    };
    if let Some(import) = import {
        let mut doubtful: Vec<usize> = import
            .issues
            .iter()
            .filter(|i| !i.skipped)
            .map(|i| i.row)
            .collect();
        doubtful.dedup();
        view.counts = Some(fill(
            Text::BookCounts.get(lang),
            &[
                &format::number(import.rows as f64, 0),
                &format::number(import.loans.len() as f64, 0),
                &format::number(import.skipped as f64, 0),
                &format::number(doubtful.len() as f64, 0),
            ],
        ));
        view.issues = import
            .issues
            .iter()
            .take(REPORT_LINES)
            .map(|i| i.sentence(lang))
            .collect();
        if import.issues.is_empty() {
            view.issues.push(Text::BookNoIssues.get(lang).to_owned());
        } else if import.issues.len() > REPORT_LINES {
            view.issues.push(fill(
                Text::BookMoreIssues.get(lang),
                &[&(import.issues.len() - REPORT_LINES).to_string()],
            ));
        }
        view.as_of_hint = start::last_date(&import.loans).map_or(String::new(), |day| {
            fill(Text::BookAsOfHint.get(lang), &[&day.to_string()])
        });
    }
}

/// What is missing, or the starting book and the fitted rates.
fn outcome(view: &mut LoadedView, model: &Model, loaded: &Loaded, params: &Params, lang: Lang) {
    match &loaded.analysis {
        Err(BookError::MissingFields(fields)) => {
            let names: Vec<&str> = fields.iter().map(|f| field_text(*f).get(lang)).collect();
            view.problem = Some(fill(Text::BookMissing.get(lang), &[&names.join(", ")]));
        }
        Err(BookError::NoLoans(import)) => {
            view.problem = Some(fill(
                Text::BookNoLoans.get(lang),
                &[&format::number(import.rows as f64, 0)],
            ));
        }
        Err(_) => {}
        Ok(analysis) => {
            let book = &analysis.book;
            let by_tier = Tier::ALL.map(|t| book.active_in(t));
            let total: u32 = by_tier.iter().sum();
            let past_due: u32 = book.past_due.iter().sum();
            view.starting_title = Some(fill(
                Text::BookStartingTitle.get(lang),
                &[&format::date(book.as_of, lang)],
            ));
            view.starting_line = Some(fill(
                Text::BookStartingLine.get(lang),
                &[
                    &format::number(f64::from(total), 0),
                    &format::number(f64::from(by_tier[0]), 0),
                    &format::number(f64::from(by_tier[1]), 0),
                    &format::number(f64::from(by_tier[2]), 0),
                    &format::number(f64::from(past_due), 0),
                ],
            ));
            view.starting_total = Some(total);
            view.can_start = view.as_of_error.is_none();
            view.rates = Rate::all()
                .into_iter()
                .map(|rate| rate_view(rate, rate.estimate(analysis), model, params, lang))
                .collect();
            view.any_to_accept = view.can_start && view.rates.iter().any(|r| r.in_accept_all);
            for rate in &mut view.rates {
                rate.can_accept &= view.can_start;
            }
            if !model.accepted.is_empty() {
                view.source = Some(fill(
                    Text::BookSource.get(lang),
                    &[&loaded.name, &book.as_of.to_string()],
                ));
            }
        }
    }
}

fn rate_value(rate: Rate, value: f64) -> String {
    match rate {
        Rate::Renewal(_) => format::percent(value, 1),
        Rate::DefaultPerWeek(_) => format::percent(value, 3),
        Rate::Amount(_) => format::cny(value),
    }
}

fn rate_view(
    rate: Rate,
    estimate: Option<Estimate>,
    model: &Model,
    params: &Params,
    lang: Lang,
) -> RateView {
    let (name, tier) = match rate {
        Rate::Renewal(t) => (Text::BookRateRenewal, t),
        Rate::DefaultPerWeek(t) => (Text::BookRateDefaultHazard, t),
        Rate::Amount(t) => (Text::BookRateAmount, t),
    };
    let id = match rate {
        Rate::Renewal(t) => format!("renewal-{}", t.id()),
        Rate::DefaultPerWeek(t) => format!("default-{}", t.id()),
        Rate::Amount(t) => format!("amount-{}", t.id()),
    };
    let current = rate.of(params);
    let (yours, count) = match estimate {
        Some(e) => {
            let count = match rate {
                Rate::Renewal(_) => fill(
                    Text::BookCountLoans.get(lang),
                    &[&format::number(e.events, 0), &format::number(e.exposure, 0)],
                ),
                Rate::DefaultPerWeek(_) => fill(
                    Text::BookCountWeeks.get(lang),
                    &[&format::number(e.events, 0), &format::number(e.exposure, 0)],
                ),
                Rate::Amount(_) => fill(
                    Text::BookCountMean.get(lang),
                    &[&format::number(e.exposure, 0)],
                ),
            };
            let count = if rate.is_thin(&e) {
                fill(Text::BookThin.get(lang), &[&count])
            } else {
                count
            };
            (
                format!(
                    "{} ({} – {})",
                    rate_value(rate, e.value),
                    rate_value(rate, e.low),
                    rate_value(rate, e.high)
                ),
                count,
            )
        }
        None => (Text::BookTooFew.get(lang).to_owned(), String::new()),
    };
    let accepted = model.accepted.contains(&rate)
        && estimate.is_some_and(|e| (e.value - current).abs() < 1e-12);
    RateView {
        rate,
        id,
        name: fill(name.get(lang), &[tier_text(tier).get(lang)]),
        yours,
        count,
        current: rate_value(rate, current),
        can_accept: estimate.is_some() && !accepted,
        in_accept_all: estimate.is_some_and(|e| !rate.is_thin(&e)) && !accepted,
        accepted,
    }
}
