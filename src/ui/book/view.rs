//! The "Your data" view's model: the picker's words and the last refusal, the mapping table (each
//! column's header, its field's dropdown and the preview's cells), the grade and status dropdowns,
//! the "as of" field with its error, the row report with its counts, the book on "as of" and the
//! fitted rates beside the scenario's (each with its source once accepted), what the data cannot
//! say, and the activity file's channel yields, saturations and team approval. Every figure is
//! formatted here.

use crate::engine::params::ChannelId;
use crate::engine::params::Params;
use crate::i18n::{fill, Lang, Text};
use crate::scenario::book::activity::ChannelFit;
use crate::scenario::book::calibrate::{self, Fitted};
use crate::scenario::book::fit::Estimate;
use crate::scenario::book::map::{Field, Status, Tier};
use crate::scenario::book::read::{Format, TextEncoding};
use crate::scenario::book::{start, BookError};
use crate::scenario::plan_out::channel_text;
use crate::scenario::sources;
use crate::ui::book::{
    as_of_of, ActivityLoaded, ActivityRefusal, FileRefusal, Loaded, Memory, Model, Rate,
    PREVIEW_ROWS,
};
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
    /// "fitted from book.csv, 2026-12-01 (n = 412, 90 %: …)" while the scenario's value is one
    /// accepted from the data.
    pub source: Option<String>,
}

/// The activity file's part of the view: what was read, each channel's rates, the team's
/// approval beside the scenario's, the cells left out.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityView {
    pub title: &'static str,
    /// "activity.csv: 624 rows, weeks from 2024-12-02 to 2026-11-23."
    pub line: String,
    pub rates: Vec<RateView>,
    pub any_to_accept: bool,
    /// The team's approval: name, estimate, count, the scenario's per-tier values, and why
    /// it is not accepted.
    pub approval: Option<[String; 4]>,
    pub approval_note: Option<String>,
    pub issues: Vec<String>,
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
    /// What the data cannot identify, in words.
    pub cannot_title: &'static str,
    pub cannot: Vec<&'static str>,
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
    pub activity_choose: &'static str,
    pub activity: Option<ActivityView>,
    /// The last activity file refused, with why (the one read before stays).
    pub activity_refused: Option<String>,
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
            .or(model.reading_activity.as_ref())
            .map(|(_, name)| fill(Text::BookReading.get(lang), &[name])),
        refused: model
            .refused
            .as_ref()
            .map(|(name, refusal)| fill(refusal_text(*refusal).get(lang), &[name])),
        activity_choose: Text::BookActivityChoose.get(lang),
        activity: model
            .activity
            .as_ref()
            .map(|a| activity_view(a, params, lang)),
        activity_refused: model
            .activity_refused
            .as_ref()
            .map(|(name, refusal)| match refusal {
                ActivityRefusal::File(r) => fill(refusal_text(*r).get(lang), &[name]),
                ActivityRefusal::NoColumns => fill(Text::BookActivityNoColumns.get(lang), &[name]),
            }),
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

/// What a loan book and an activity file cannot identify (`calibrate::UNIDENTIFIED`), in words.
fn cannot_say(lang: Lang) -> Vec<&'static str> {
    [
        Text::BookCannotApproval,
        Text::BookCannotCure,
        Text::BookCannotMix,
    ]
    .map(|t| t.get(lang))
    .to_vec()
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
        cannot_title: Text::BookCannotTitle.get(lang),
        cannot: cannot_say(lang),
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
                .map(|rate| {
                    let fitted = rate.fitted(Some(analysis), None, params);
                    rate_view(rate, &fitted, None, params, lang)
                })
                .collect();
            view.any_to_accept = view.can_start && view.rates.iter().any(|r| r.in_accept_all);
            for rate in &mut view.rates {
                rate.can_accept &= view.can_start;
            }
            if model.accepted.iter().any(|r| !r.from_activity()) {
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
        Rate::TermMix | Rate::Renewal(_) => format::percent(value, 1),
        Rate::DefaultPerWeek(_) => format::percent(value, 3),
        Rate::Amount(_) => format::cny(value),
        Rate::LeadsPerHour(_) => format::number(value, 2),
        Rate::Saturation(_) => format::number(value, 1),
    }
}

/// "71.4% (62.0% – 79.3%)".
fn with_interval(rate: Rate, e: &Estimate) -> String {
    format!(
        "{} ({} – {})",
        rate_value(rate, e.value),
        rate_value(rate, e.low),
        rate_value(rate, e.high)
    )
}

fn rate_name(rate: Rate, params: &Params, lang: Lang) -> String {
    let channel = |c: ChannelId| channel_text(c).get(lang);
    match rate {
        Rate::TermMix => {
            let weeks: Vec<String> = params
                .loans
                .terms
                .iter()
                .map(|t| format::number(t.weeks, 0))
                .collect();
            fill(Text::BookRateTermMix.get(lang), &[&weeks.join(" · ")])
        }
        Rate::Renewal(t) => fill(Text::BookRateRenewal.get(lang), &[tier_text(t).get(lang)]),
        Rate::DefaultPerWeek(t) => fill(
            Text::BookRateDefaultHazard.get(lang),
            &[tier_text(t).get(lang)],
        ),
        Rate::Amount(t) => fill(Text::BookRateAmount.get(lang), &[tier_text(t).get(lang)]),
        Rate::LeadsPerHour(c) => fill(Text::BookRateYield.get(lang), &[channel(c)]),
        Rate::Saturation(c) => fill(Text::BookRateSaturation.get(lang), &[channel(c)]),
    }
}

fn rate_id(rate: Rate) -> String {
    match rate {
        Rate::TermMix => "term-mix".to_owned(),
        Rate::Renewal(t) => format!("renewal-{}", t.id()),
        Rate::DefaultPerWeek(t) => format!("default-{}", t.id()),
        Rate::Amount(t) => format!("amount-{}", t.id()),
        Rate::LeadsPerHour(c) => format!("yield-{}", c.id()),
        Rate::Saturation(c) => format!("saturation-{}", c.id()),
    }
}

/// What an estimate rests on, in words.
fn rate_count(rate: Rate, e: &Estimate, channel: Option<&ChannelFit>, lang: Lang) -> String {
    match (rate, channel) {
        (Rate::Renewal(_), _) => fill(
            Text::BookCountLoans.get(lang),
            &[&format::number(e.events, 0), &format::number(e.exposure, 0)],
        ),
        (Rate::DefaultPerWeek(_), _) => fill(
            Text::BookCountWeeks.get(lang),
            &[&format::number(e.events, 0), &format::number(e.exposure, 0)],
        ),
        (Rate::LeadsPerHour(_), Some(c)) => fill(
            Text::BookCountYield.get(lang),
            &[
                &format::number(c.leads, 0),
                &format::number(c.hours, 1),
                &format::number(f64::from(c.am_weeks), 0),
            ],
        ),
        (Rate::Saturation(_), Some(c)) => fill(
            Text::BookCountSaturation.get(lang),
            &[
                &format::number(f64::from(c.am_weeks), 0),
                &format::number(c.hours_min, 1),
                &format::number(c.hours_max, 1),
            ],
        ),
        _ => fill(
            Text::BookCountMean.get(lang),
            &[&format::number(e.exposure, 0)],
        ),
    }
}

/// One rate's row: `fitted` holds its parameters' fitted values (empty: the data say nothing),
/// `channel` the activity file's channel for its counts and notes.
fn rate_view(
    rate: Rate,
    fitted: &[Fitted],
    channel: Option<&ChannelFit>,
    params: &Params,
    lang: Lang,
) -> RateView {
    let current = rate.of(params);
    let current_text: Vec<String> = current.iter().map(|v| rate_value(rate, *v)).collect();
    let first = fitted.first().map(|f| f.estimate);
    let thin = fitted.iter().any(|f| rate.is_thin(&f.estimate));
    let (yours, count) = match first {
        Some(e) => {
            let yours: Vec<String> = fitted
                .iter()
                .map(|f| with_interval(rate, &f.estimate))
                .collect();
            let count = rate_count(rate, &e, channel, lang);
            let count = match (thin, rate, channel) {
                (true, Rate::LeadsPerHour(c), Some(ch)) => fill(
                    Text::BookYieldThin.get(lang),
                    &[
                        channel_text(c).get(lang),
                        &format::number(f64::from(ch.am_weeks), 0),
                        &rate_value(rate, e.low),
                        &rate_value(rate, e.high),
                    ],
                ),
                (true, ..) => fill(Text::BookThin.get(lang), &[&count]),
                (false, ..) => count,
            };
            (yours.join(" · "), count)
        }
        None => match (rate, channel) {
            (Rate::Saturation(_), Some(c)) => (
                c.saturation_at_least.map_or_else(
                    || Text::BookSaturationFlat.get(lang).to_owned(),
                    |s| {
                        fill(
                            Text::BookSaturationAtLeast.get(lang),
                            &[&format::number(s, 1)],
                        )
                    },
                ),
                rate_count(
                    rate,
                    &Estimate {
                        value: 0.0,
                        low: 0.0,
                        high: 0.0,
                        events: c.leads,
                        exposure: f64::from(c.am_weeks),
                    },
                    channel,
                    lang,
                ),
            ),
            _ => (Text::BookTooFew.get(lang).to_owned(), String::new()),
        },
    };
    let paths = rate.paths(params);
    let held: Vec<&crate::engine::params::ParamSource> = paths
        .iter()
        .filter_map(|p| sources::source_of(params, p))
        .collect();
    // Accepted: every parameter of the rate holds the fitted value, recorded with its source.
    let accepted = !fitted.is_empty()
        && held.len() == paths.len()
        && fitted
            .iter()
            .zip(&held)
            .all(|(f, s)| calibrate::rounded(f.estimate.value).to_bits() == s.value.to_bits());
    let source = held.first().map(|s| {
        fill(
            Text::BookSourceLine.get(lang),
            &[
                &s.file,
                &s.fitted_on,
                &format::number(s.n, 0),
                &rate_value(rate, s.low),
                &rate_value(rate, s.high),
            ],
        )
    });
    RateView {
        rate,
        id: rate_id(rate),
        name: rate_name(rate, params, lang),
        yours,
        count,
        current: current_text.join(" · "),
        can_accept: first.is_some() && !accepted,
        in_accept_all: first.is_some() && !thin && !accepted,
        accepted,
        source,
    }
}

/// The activity file's part of the view.
fn activity_view(loaded: &ActivityLoaded, params: &Params, lang: Lang) -> ActivityView {
    let fit = &loaded.fit;
    let day = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| format::date(d, lang));
    let rates: Vec<RateView> = Rate::of_activity(fit)
        .into_iter()
        .map(|rate| {
            let channel = match rate {
                Rate::LeadsPerHour(c) | Rate::Saturation(c) => {
                    fit.channels.iter().find(|f| f.channel == c)
                }
                _ => None,
            };
            rate_view(
                rate,
                &rate.fitted(None, Some(fit), params),
                channel,
                params,
                lang,
            )
        })
        .collect();
    let tiers: Vec<String> = params
        .pipeline
        .approval_prob
        .iter()
        .map(|p| format::percent(*p, 0))
        .collect();
    let tiers = tiers.join(" / ");
    let approval = fit.approval.map(|e| {
        [
            Text::BookApproval.get(lang).to_owned(),
            format!(
                "{} ({} – {})",
                format::percent(e.value, 1),
                format::percent(e.low, 1),
                format::percent(e.high, 1)
            ),
            fill(
                Text::BookApprovalCount.get(lang),
                &[&format::number(e.events, 0), &format::number(e.exposure, 0)],
            ),
            tiers.clone(),
        ]
    });
    ActivityView {
        title: Text::BookActivityTitle.get(lang),
        line: fill(
            Text::BookActivityLine.get(lang),
            &[
                &loaded.name,
                &format::number(fit.rows as f64, 0),
                &day(fit.from),
                &day(fit.to),
            ],
        ),
        any_to_accept: rates.iter().any(|r| r.in_accept_all),
        rates,
        approval_note: approval
            .as_ref()
            .map(|_| fill(Text::BookApprovalNote.get(lang), &[&tiers])),
        approval,
        issues: fit
            .bad_cells
            .iter()
            .take(REPORT_LINES)
            .map(|b| {
                fill(
                    Text::BookActivityBadCell.get(lang),
                    &[&b.row.to_string(), &b.column, &b.value],
                )
            })
            .collect(),
    }
}
