//! The "Your data" slice natively: the shipped fixtures read as the page reads them (text the
//! browser decoded), a corrected mapping, a refused file that changes nothing, and the starting
//! scenario equal to `cadence book --out`'s.

use super::view::book_view;
use super::*;
use crate::i18n::Lang;
use crate::scenario::book::{analyse, Request};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/book");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).expect("fixture")
}

/// The WHATWG GB18030 decoder, standing in for the browser's `TextDecoder('gb18030')`.
#[allow(clippy::unnecessary_wraps)] // The browser's decoder may be missing; this one never is.
fn browser_gb18030(bytes: &[u8]) -> Option<String> {
    Some(encoding_rs::GB18030.decode(bytes).0.into_owned())
}

/// The fixture as the page gets it: UTF-8 read here, anything else decoded as the browser does.
fn picked(name: &str) -> Picked {
    super::picked(&fixture(name), browser_gb18030)
}

#[test]
fn files_are_told_apart_by_their_bytes() {
    assert_eq!(
        picked("small.xlsx"),
        Picked::Workbook(Rc::from(fixture("small.xlsx"))),
        "a workbook goes to the book-reader worker, whatever its name"
    );
    assert!(matches!(
        picked("gb18030.csv"),
        Picked::Text { encoding: TextEncoding::Gb18030, ref text } if text.starts_with("借据号")
    ));
    assert!(matches!(
        picked("bom-semicolon.csv"),
        Picked::Text { encoding: TextEncoding::Utf8Bom, ref text } if text.starts_with("loan_id")
    ));
    assert_eq!(
        super::picked(&[0xff, 0xfe, 0x00], |_| None),
        Picked::Refused(FileRefusal::Unreadable)
    );
}

/// The book-reader worker's answer to `effects`' workbook, as the shell hands it back: the
/// command line's reader, across the worker boundary's bytes.
fn worker_answer(effects: &[Effect]) -> Action {
    let [Effect::ReadWorkbook { seq, bytes }] = effects else {
        panic!("one workbook to read: {effects:?}");
    };
    let read = crate::scenario::wire::decode_read(&crate::scenario::wire::encode_read(
        &read::read_workbook(bytes),
    ));
    Action::WorkbookRead {
        seq: *seq,
        table: read.map(Rc::new).map_err(|e| refusal_of(&e)),
    }
}

#[test]
fn a_workbook_is_read_by_the_worker_into_the_table_the_command_line_reads() {
    let params = Params::default();
    let mut model = opened("gb18030.csv");
    let effects = model.update(
        Action::Open {
            name: "small.xlsx".to_owned(),
            picked: picked("small.xlsx"),
        },
        &params,
    );
    let reading = book_view(&model, &params, Lang::En).reading;
    assert_eq!(
        reading.as_deref(),
        Some("Reading the workbook “small.xlsx”…")
    );
    assert_eq!(
        model.loaded.as_ref().map(|l| l.name.as_str()),
        Some("gb18030.csv"),
        "the file before stays until the answer"
    );
    model.update(worker_answer(&effects), &params);
    let loaded = model.loaded.as_ref().expect("read");
    let cli =
        analyse(&fixture("small.xlsx"), &Request::default(), &params).expect("the CLI reads it");
    assert_eq!(*loaded.table, *cli.table, "page = CLI, cell for cell");
    assert_eq!(loaded.mapping, cli.mapping);
    assert!(model.reading.is_none());
}

#[test]
fn a_workbook_answer_that_comes_after_another_file_is_dropped() {
    let params = Params::default();
    let mut model = Model::default();
    let effects = model.update(
        Action::Open {
            name: "small.xlsx".to_owned(),
            picked: picked("small.xlsx"),
        },
        &params,
    );
    model.update(
        Action::Open {
            name: "gb18030.csv".to_owned(),
            picked: picked("gb18030.csv"),
        },
        &params,
    );
    model.update(worker_answer(&effects), &params);
    assert_eq!(
        model.loaded.as_ref().map(|l| l.name.as_str()),
        Some("gb18030.csv"),
        "the file chosen last stays"
    );
}

#[test]
fn a_workbook_the_reader_refuses_is_named_with_why_in_both_languages() {
    let params = Params::default();
    // A zip of something else, a truncated workbook, a password-protected one (a compound file
    // with an encrypted package), a workbook whose sheet is empty.
    let mut truncated = fixture("small.xlsx");
    truncated.truncate(truncated.len() / 2);
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend(vec![0; 504]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    for (bytes, refusal, en, zh) in [
        (truncated, FileRefusal::Damaged, "damaged", "损坏"),
        (encrypted, FileRefusal::Password, "password", "密码"),
    ] {
        let mut model = opened("gb18030.csv");
        let before = model.loaded.clone();
        let effects = model.update(
            Action::Open {
                name: "bad.xlsx".to_owned(),
                picked: super::picked(&bytes, browser_gb18030),
            },
            &params,
        );
        let answer = worker_answer(&effects);
        assert!(
            matches!(&answer, Action::WorkbookRead { table: Err(r), .. } if *r == refusal),
            "{answer:?}"
        );
        model.update(answer, &params);
        assert_eq!(model.loaded, before, "the book read before stays");
        for (lang, words) in [(Lang::En, en), (Lang::Zh, zh)] {
            let refused = book_view(&model, &params, lang).refused.expect("a refusal");
            assert!(
                refused.contains(words) && refused.contains("bad.xlsx"),
                "{refused}"
            );
        }
    }
}

fn opened(name: &str) -> Model {
    let mut model = Model::default();
    model.update(
        Action::Open {
            name: name.to_owned(),
            picked: picked(name),
        },
        &Params::default(),
    );
    model
}

#[test]
fn a_gb18030_export_maps_its_chinese_headers_and_reports_its_rows() {
    let model = opened("gb18030.csv");
    let loaded = model.loaded.as_ref().expect("read");
    assert_eq!(loaded.table.header[2], "放款日期");
    assert_eq!(loaded.mapping[2], Some(Field::DisbursedOn));
    assert_eq!(loaded.mapping[5], Some(Field::Tier));
    let view = book_view(&model, &Params::default(), Lang::Zh);
    let loaded_view = view.loaded.expect("a loaded view");
    assert!(
        loaded_view.file_line.contains("GB18030"),
        "{}",
        loaded_view.file_line
    );
    let counts = loaded_view.counts.expect("counts");
    let cli = analyse(
        &fixture("gb18030.csv"),
        &Request::default(),
        &Params::default(),
    )
    .expect("the CLI reads it");
    assert!(
        counts.contains(&format!("导入 {} 笔", cli.import.loans.len())),
        "{counts}"
    );
    assert_eq!(
        loaded_view.starting_total,
        Some(Tier::ALL.iter().map(|t| cli.book.active_in(*t)).sum())
    );
    assert!(loaded_view.preview.len() <= PREVIEW_ROWS);
    assert_eq!(loaded_view.preview[0][0], "J1");
}

#[test]
fn a_corrected_column_moves_the_field_and_unmapping_a_required_one_says_which() {
    let mut model = opened("bom-semicolon.csv");
    let params = Params::default();
    let tier_column = {
        let loaded = model.loaded.as_ref().expect("read");
        loaded
            .mapping
            .iter()
            .position(|f| *f == Some(Field::Tier))
            .expect("the grade column is guessed")
    };
    model.update(
        Action::SetField {
            column: tier_column,
            field: None,
        },
        &params,
    );
    let view = book_view(&model, &params, Lang::En).loaded.expect("loaded");
    let problem = view.problem.expect("a missing field");
    assert!(problem.contains("Grade (tier)"), "{problem}");
    assert!(!view.can_start);
    // Giving the field back to its column restores the book; giving it to another column moves it.
    model.update(
        Action::SetField {
            column: tier_column,
            field: Some(Field::Tier),
        },
        &params,
    );
    assert!(
        book_view(&model, &params, Lang::En)
            .loaded
            .expect("loaded")
            .can_start
    );
    model.update(
        Action::SetField {
            column: 0,
            field: Some(Field::Tier),
        },
        &params,
    );
    let loaded = model.loaded.as_ref().expect("read");
    assert_eq!(loaded.mapping[0], Some(Field::Tier));
    assert_eq!(
        loaded.mapping[tier_column], None,
        "a field belongs to one column"
    );
}

#[test]
fn a_grade_mapped_by_the_person_imports_the_rows_it_skipped() {
    let params = Params::default();
    let text = "借据号,放款日期,到期日,等级,状态\nA1,2025-01-06,2025-07-07,甲,正常\nA2,2025-02-03,2025-08-04,乙,正常\n";
    let mut model = Model::default();
    model.update(
        Action::Open {
            name: "own.csv".to_owned(),
            picked: Picked::Text {
                text: text.to_owned(),
                encoding: TextEncoding::Utf8,
            },
        },
        &params,
    );
    let before = book_view(&model, &params, Lang::En).loaded.expect("loaded");
    assert!(before.problem.is_some(), "no row has a known grade");
    assert_eq!(before.tiers.len(), 2);
    assert_eq!(before.tiers[0].chosen, "");
    model.update(
        Action::SetTier {
            label: "甲".to_owned(),
            tier: Some(Tier::Prime),
        },
        &params,
    );
    let after = book_view(&model, &params, Lang::En).loaded.expect("loaded");
    assert_eq!(after.starting_total, Some(1));
    assert_eq!(after.tiers[0].chosen, "prime");
    let counts = after.counts.expect("counts");
    assert!(
        counts.contains("Loans imported: 1. Rows skipped: 1."),
        "{counts}"
    );
}

#[test]
fn a_refused_file_changes_nothing_and_says_why() {
    let params = Params::default();
    let mut model = opened("gb18030.csv");
    let before = model.loaded.clone();
    for (picked, words) in [
        (
            Picked::Refused(FileRefusal::ReaderUnavailable),
            "Excel reader",
        ),
        (
            Picked::Text {
                text: "\n\n".to_owned(),
                encoding: TextEncoding::Utf8,
            },
            "holds no table",
        ),
        (Picked::Refused(FileRefusal::TooLarge), "larger than"),
    ] {
        model.update(
            Action::Open {
                name: "bad.xlsx".to_owned(),
                picked,
            },
            &params,
        );
        assert_eq!(model.loaded, before, "the book read before stays");
        let refused = book_view(&model, &params, Lang::En)
            .refused
            .expect("a refusal");
        assert!(
            refused.contains(words) && refused.contains("bad.xlsx"),
            "{refused}"
        );
        assert!(refused.contains("Nothing was changed"), "{refused}");
    }
}

#[test]
fn a_typed_as_of_that_is_no_date_is_shown_and_blocks_the_start() {
    let params = Params::default();
    let mut model = opened("gb18030.csv");
    model.update(Action::SetAsOf("2025-13-40".to_owned()), &params);
    let view = book_view(&model, &params, Lang::En).loaded.expect("loaded");
    assert!(view.as_of_error.expect("an error").contains("2025-13-40"));
    assert!(!view.can_start);
    assert_eq!(model.starting_params(&params), None);
    model.update(Action::SetAsOf("2025/6/30".to_owned()), &params);
    let (_, _, as_of) = model.starting_params(&params).expect("a start");
    assert_eq!(as_of, NaiveDate::from_ymd_opt(2025, 6, 30).expect("date"));
}

#[test]
fn the_start_is_the_clis_out_scenario() {
    let params = Params::default();
    let model = opened("bom-semicolon.csv");
    let (started, loans, _) = model.starting_params(&params).expect("a start");
    let cli = analyse(&fixture("bom-semicolon.csv"), &Request::default(), &params).expect("read");
    assert_eq!(started, start::starting_from(&params, &cli.book));
    assert_eq!(
        loans,
        Tier::ALL
            .iter()
            .map(|t| cli.book.active_in(*t))
            .sum::<u32>()
    );
    assert!(
        crate::engine::validate(&started).is_ok(),
        "the page can run it"
    );
}

#[test]
fn accepting_a_rate_sets_the_books_estimate_and_marks_it() {
    let params = Params::default();
    let mut model = opened("bom-semicolon.csv");
    let analysis = model.analysis_for(&params).expect("an analysis");
    let rate = Rate::all()
        .into_iter()
        .find(|r| r.estimate(&analysis).is_some())
        .expect("the book speaks to some rate");
    let value = rate.estimate(&analysis).expect("estimate").value;
    let next = model.accept(&params, &[rate]).expect("accepted");
    assert_eq!(
        rate.of(&next)[0].to_bits(),
        crate::scenario::book::calibrate::rounded(value).to_bits()
    );
    let view = book_view(&model, &next, Lang::En).loaded.expect("loaded");
    let row = view.rates.iter().find(|r| r.rate == rate).expect("its row");
    assert!(row.accepted && !row.can_accept);
    assert!(view
        .source
        .expect("the source")
        .contains("bom-semicolon.csv"));
}

#[test]
fn accept_all_leaves_out_rates_resting_on_too_few_loans() {
    let params = Params::default();
    let mut model = opened("bom-semicolon.csv");
    let analysis = model.analysis_for(&params).expect("an analysis");
    let estimated: Vec<Rate> = Rate::all()
        .into_iter()
        .filter(|r| r.estimate(&analysis).is_some())
        .collect();
    assert!(!estimated.is_empty(), "the fixture speaks to some rates");
    // A ten-loan fixture: every estimate is thin, so "Accept all" changes nothing and is not offered.
    assert!(estimated
        .iter()
        .all(|r| r.is_thin(&r.estimate(&analysis).expect("estimate"))));
    assert_eq!(model.accept_all(&params), None);
    let view = book_view(&model, &params, Lang::En).loaded.expect("loaded");
    assert!(!view.any_to_accept);
    let row = view
        .rates
        .iter()
        .find(|r| r.rate == estimated[0])
        .expect("its row");
    assert!(row.can_accept && !row.in_accept_all, "one by one, it can");
    assert!(row.count.contains("too few to rely on"), "{}", row.count);
}

#[test]
fn a_rate_is_thin_below_ten_loans_or_five_defaults() {
    use crate::scenario::book::fit::Estimate;
    let e = |events: f64, exposure: f64| Estimate {
        value: 0.5,
        low: 0.1,
        high: 0.9,
        events,
        exposure,
    };
    let t = Tier::Standard;
    assert!(Rate::Renewal(t).is_thin(&e(5.0, 9.0)));
    assert!(!Rate::Renewal(t).is_thin(&e(5.0, 10.0)));
    assert!(Rate::Amount(t).is_thin(&e(0.0, 9.0)));
    assert!(Rate::DefaultPerWeek(t).is_thin(&e(4.0, 5_000.0)));
    assert!(!Rate::DefaultPerWeek(t).is_thin(&e(5.0, 5_000.0)));
}

/// Issue 17: "Start" and "Accept" reuse the analysis on screen (no second pass over the file)
/// while the scenario's term classes are those it was made with, and make it again when not.
#[test]
fn start_and_accept_reuse_the_analysis_on_screen() {
    let params = Params::default();
    let mut model = opened("gb18030.csv");
    model.update(Action::SetAsOf("2025-06-30".to_owned()), &params);
    let shown = model
        .loaded
        .as_ref()
        .and_then(|l| l.analysis.as_ref().ok().map(Rc::clone))
        .expect("an analysis");
    let reused = model.analysis_for(&params).expect("reused");
    assert!(Rc::ptr_eq(&shown, &reused), "the same analysis, not a copy");
    assert!(Rc::ptr_eq(
        &shown.table,
        &model.loaded.as_ref().expect("read").table
    ));
    let mut longer = params.clone();
    longer.loans.terms[0].weeks += 4.0;
    let again = model.analysis_for(&longer).expect("made again");
    assert!(!Rc::ptr_eq(&shown, &again));
    assert_eq!(
        again.import, shown.import,
        "the same rows, other term classes"
    );
}

/// Issue 17: a corrected mapping is remembered for the file's layout (its header row), applied
/// when a file with the same columns is opened again — in a page restored from what the shell
/// stored — said so in words, and forgotten on request.
#[test]
fn a_corrected_mapping_is_remembered_for_files_with_the_same_columns() {
    let params = Params::default();
    let mut model = opened("gb18030.csv");
    let guessed = model.loaded.as_ref().expect("read").mapping.clone();
    let effects = model.update(
        Action::SetField {
            column: 1,
            field: None,
        },
        &params,
    );
    let effects2 = model.update(
        Action::SetTier {
            label: "中等".to_owned(),
            tier: Some(Tier::Standard),
        },
        &params,
    );
    let Some(Effect::RememberBookLayouts(stored)) = effects2.last().cloned() else {
        panic!("the correction is stored: {effects2:?}");
    };
    assert!(matches!(
        effects.as_slice(),
        [Effect::RememberBookLayouts(_)]
    ));
    let corrected = model.loaded.as_ref().expect("read").mapping.clone();
    assert_ne!(corrected, guessed);
    // Another page, restored from storage, opens a file with the same columns.
    let mut next = Model::default();
    next.restore_layouts(Some(&stored));
    next.update(
        Action::Open {
            name: "again.csv".to_owned(),
            picked: picked("gb18030.csv"),
        },
        &params,
    );
    let loaded = next.loaded.as_ref().expect("read");
    assert_eq!(loaded.mapping, corrected, "the corrected mapping applied");
    assert_eq!(loaded.labels.tier("中等"), Some(Tier::Standard));
    let view = book_view(&next, &params, Lang::En).loaded.expect("a view");
    assert_eq!(
        view.memory,
        Some("Mapping remembered from your last file with these columns.")
    );
    // A file with other columns is guessed afresh.
    let mut other = Model::default();
    other.restore_layouts(Some(&stored));
    other.update(
        Action::Open {
            name: "other.csv".to_owned(),
            picked: picked("bom-semicolon.csv"),
        },
        &params,
    );
    assert_eq!(other.loaded.as_ref().expect("read").memory, None);
    // Forgetting goes back to the guess and stores the layouts without it.
    let effects = next.update(Action::ForgetMapping, &params);
    assert_eq!(next.loaded.as_ref().expect("read").mapping, guessed);
    let Some(Effect::RememberBookLayouts(stored)) = effects.last().cloned() else {
        panic!("the forgetting is stored");
    };
    let mut later = Model::default();
    later.restore_layouts(Some(&stored));
    assert!(later.layouts.0.is_empty());
    // Stored text it cannot read is never written over.
    let mut locked = Model::default();
    locked.restore_layouts(Some("not json"));
    locked.update(
        Action::Open {
            name: "b.csv".to_owned(),
            picked: picked("gb18030.csv"),
        },
        &params,
    );
    let effects = locked.update(
        Action::SetField {
            column: 1,
            field: None,
        },
        &params,
    );
    assert!(effects.is_empty(), "{effects:?}");
}

use std::fmt::Write as _;

fn activity(text: &str) -> Action {
    Action::OpenActivity {
        name: "activity.csv".to_owned(),
        picked: Picked::Text {
            text: text.to_owned(),
            encoding: TextEncoding::Utf8,
        },
    }
}

/// Issue 17: the activity file's rates are listed with their counts, a channel with few AM-weeks
/// says how uncertain its yield is, "Accept" records the value with its source on the page's
/// day, and a file without the columns is refused in words while the one read before stays.
#[test]
fn the_activity_file_gives_channel_yields_accepted_with_their_source() {
    let params = Params::default();
    let mut model = Model {
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
        ..Model::default()
    };
    let mut text = String::from("week_starting,am,prospecting_hours_flyer,leads_flyer,prospecting_hours_cold_visit,leads_cold_visit,approved,declined\n");
    for week in 0..40 {
        let flyer = if week < 6 { "2,1" } else { "0," };
        let _ = writeln!(text, "2026-01-05,Li,{flyer},3,{},4,1", 1 + week % 3);
    }
    text.push_str("2026-01-12,Li,x,1,3,2,1,1\n");
    model.update(activity(&text), &params);
    let view = book_view(&model, &params, Lang::En);
    let a = view.activity.expect("the activity part");
    let flyer = a
        .rates
        .iter()
        .find(|r| r.id == "yield-flyer")
        .expect("flyer's row");
    assert!(
        flyer
            .count
            .starts_with("Flyers: 6 AM-weeks with hours — its yield is uncertain between"),
        "{}",
        flyer.count
    );
    assert!(!flyer.in_accept_all && flyer.can_accept);
    let cold = a
        .rates
        .iter()
        .find(|r| r.id == "yield-cold_visit")
        .expect("cold visits' row");
    assert!(cold.in_accept_all, "{cold:?}");
    assert_eq!(a.issues.len(), 1, "{:?}", a.issues);
    assert!(
        a.issues[0].starts_with("Row 42, prospecting_hours_flyer “x”"),
        "{}",
        a.issues[0]
    );
    assert!(a.approval.is_some() && a.approval_note.is_some());
    // Accept: the value and its source, fitted on the page's day.
    let next = model
        .accept(&params, &[Rate::LeadsPerHour(ChannelId::ColdVisit)])
        .expect("accepted");
    let source = sources::source_of(&next, "channels.cold_visit.leads_per_hour").expect("a source");
    assert_eq!(
        (source.file.as_str(), source.fitted_on.as_str()),
        ("activity.csv", "2026-12-01")
    );
    let view = book_view(&model, &next, Lang::En).activity.expect("shown");
    let row = view
        .rates
        .iter()
        .find(|r| r.id == "yield-cold_visit")
        .expect("its row");
    assert!(row.accepted);
    assert!(
        row.source
            .as_deref()
            .is_some_and(|s| s.starts_with("fitted from activity.csv, 2026-12-01 (n = ")),
        "{:?}",
        row.source
    );
    // A file without the columns: refused, the one before stays.
    model.update(activity("week_starting,am\n2026-01-05,Li\n"), &params);
    let view = book_view(&model, &params, Lang::Zh);
    assert!(view.activity.is_some());
    assert!(view
        .activity_refused
        .is_some_and(|r| r.contains("prospecting_hours_<渠道>")));
}

/// Issue 17: the term mix is a rate of its own (every weight at once), and the view says what
/// the data cannot identify.
#[test]
fn the_term_mix_is_accepted_whole_and_the_view_says_what_cannot_be_known() {
    let params = Params::default();
    let mut model = opened("bom-semicolon.csv");
    let next = model.accept(&params, &[Rate::TermMix]).expect("accepted");
    let weights: f64 = next.loans.terms.iter().map(|t| t.weight).sum();
    assert!((weights - 1.0).abs() < 1e-9, "{weights}");
    assert_eq!(next.sources.len(), params.loans.terms.len());
    let view = book_view(&model, &next, Lang::En).loaded.expect("loaded");
    assert!(view.rates[0].accepted && view.rates[0].id == "term-mix");
    assert_eq!(view.cannot.len(), 3);
    assert!(view.cannot[1].contains("how fast loans cure"));
}

/// Issue 17: an activity file saved as a workbook goes to the book-reader worker like a book's
/// and gives the very rates its CSV gives; a book chosen meanwhile keeps its own answer apart.
#[test]
fn an_activity_workbook_is_read_by_the_worker_into_the_rates_its_csv_gives() {
    let params = Params::default();
    let csv = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/sample-team-activity.csv"
    ))
    .expect("the sample activity file");
    let mut from_csv = Model::default();
    from_csv.update(activity(&csv), &params);
    let expected = from_csv.activity.as_ref().map(|a| a.fit.clone());
    assert!(expected.is_some(), "the CSV gives rates");

    let mut model = Model::default();
    let effects = model.update(
        Action::OpenActivity {
            name: "activity.xlsx".to_owned(),
            picked: picked("activity.xlsx"),
        },
        &params,
    );
    assert_eq!(
        book_view(&model, &params, Lang::En).reading.as_deref(),
        Some("Reading the workbook “activity.xlsx”…")
    );
    // A book workbook chosen while the activity workbook is read: each answer finds its own file.
    let book_effects = model.update(
        Action::Open {
            name: "small.xlsx".to_owned(),
            picked: picked("small.xlsx"),
        },
        &params,
    );
    model.update(worker_answer(&book_effects), &params);
    assert!(model.loaded.is_some(), "the book's answer is the book's");
    assert!(model.activity.is_none(), "and not the activity file's");
    model.update(worker_answer(&effects), &params);
    assert_eq!(model.activity.as_ref().map(|a| a.fit.clone()), expected);
    assert_eq!(
        model.activity.as_ref().map(|a| a.name.as_str()),
        Some("activity.xlsx")
    );
    assert_eq!(book_view(&model, &params, Lang::En).reading, None);
}
