//! Calibration (issue 17): the activity file's channel yields recovered from the sample team and
//! from many seeds (coverage printed), saturation found where hours vary, the values accepted
//! recorded with their source (dropped by an edit by hand, kept through the scenario file), and
//! `cadence calibrate` driven through the built binary — its figures compared with the library's
//! and with the page's ("Your data" view model, natively).

use std::process::Command;

use cadence::engine::params::{ChannelId, Params};
use cadence::scenario::book::activity::{fit_activity, fit_channel};
use cadence::scenario::book::calibrate::{self, Fitted};
use cadence::scenario::book::read::{read, read_text, TextEncoding};
use cadence::scenario::book::sample::{poisson, sample_team, SAMPLE, SAMPLE_SEED};
use cadence::scenario::book::{analyse, Request};
use cadence::scenario::{self, sources};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");

fn sample_file(name: &str) -> String {
    format!("{SAMPLES}/{name}")
}

fn coverage(hits: &[bool]) -> f64 {
    hits.iter().filter(|h| **h).count() as f64 / hits.len() as f64
}

/// The sample team's approval at team level: its tiers' approval weighted by their share of
/// applications.
fn sample_team_approval() -> f64 {
    (0..3)
        .map(|k| SAMPLE.application_mix[k] * SAMPLE.approval[k])
        .sum()
}

#[test]
fn the_sample_activity_files_intervals_cover_the_yields_it_was_drawn_with() {
    let bytes = std::fs::read(sample_file("sample-team-activity.csv")).expect("the sample");
    let fit = fit_activity(&read(&bytes).expect("a table")).expect("a fit");
    assert_eq!(fit.channels.len(), SAMPLE.channels.len());
    assert!(fit.bad_cells.is_empty(), "{:?}", fit.bad_cells);
    for (channel, _, per_hour) in SAMPLE.channels {
        let c = fit
            .channels
            .iter()
            .find(|c| c.channel == channel)
            .expect("the channel");
        let e = c.leads_per_hour.expect("a yield");
        println!(
            "{}: {:.3} leads/h ({:.3}–{:.3}) over {} AM-weeks, known {per_hour}; saturation {:?}, at least {:?}",
            channel.id(),
            e.value,
            e.low,
            e.high,
            c.am_weeks,
            c.saturation_hours.map(|s| s.value),
            c.saturation_at_least
        );
        assert!(e.covers(per_hour), "{}: {e:?}", channel.id());
        assert_eq!(c.am_weeks, 6 * 104);
    }
    let approval = fit.approval.expect("approved and declined");
    assert!(approval.covers(sample_team_approval()), "{approval:?}");
}

/// The sample team drawn with 200 other seeds: each channel's 90 % interval for its yield covers
/// the known yield in about nine cases in ten, and so does the team's approval.
#[test]
fn channel_yield_intervals_cover_the_known_yields_about_nine_times_in_ten() {
    let (mut yields, mut approval) = (Vec::new(), Vec::new());
    for seed in 0..200 {
        let (_, activity) = sample_team(&SAMPLE, 10_000 + seed);
        let table = read_text(&activity, TextEncoding::Utf8).expect("a table");
        let fit = fit_activity(&table).expect("a fit");
        for (channel, _, per_hour) in SAMPLE.channels {
            let c = fit
                .channels
                .iter()
                .find(|c| c.channel == channel)
                .expect("the channel");
            yields.push(c.leads_per_hour.is_some_and(|e| e.covers(per_hour)));
        }
        approval.push(
            fit.approval
                .is_some_and(|e| e.covers(sample_team_approval())),
        );
    }
    let figures = [
        ("channel yield per hour", coverage(&yields)),
        ("team approval", coverage(&approval)),
    ];
    for (name, c) in figures {
        println!(
            "90 % interval coverage over 200 sample teams, {name}: {:.1} %",
            100.0 * c
        );
        assert!((0.84..=0.96).contains(&c), "{name}: coverage {c}");
    }
}

/// A channel that saturates, worked 0.5 to 12 hours a week: the profile-likelihood intervals of
/// its yield and saturation cover the truth about nine times in ten, and the saturation is found.
#[test]
fn a_saturating_channel_is_recovered_with_profile_likelihood_intervals() {
    let (a, s) = (0.9, 3.0);
    let (mut yields, mut saturations, mut found) = (Vec::new(), Vec::new(), 0);
    for seed in 0..200 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let obs: Vec<(f64, f64)> = (0..300)
            .map(|_| {
                let h = 0.5 + 11.5 * rng.random::<f64>();
                let mean = a * s * (1.0 - (-h / s).exp());
                (h, f64::from(poisson(&mut rng, mean)))
            })
            .collect();
        let fit = fit_channel(ChannelId::Flyer, &obs, 0);
        yields.push(fit.leads_per_hour.is_some_and(|e| e.covers(a)));
        if let Some(e) = fit.saturation_hours {
            found += 1;
            saturations.push(e.covers(s));
        }
    }
    println!(
        "saturating channel over 200 seeds: saturation found {found} times; coverage of a {:.1} %, of s {:.1} %",
        100.0 * coverage(&yields),
        100.0 * coverage(&saturations)
    );
    assert!(found >= 190, "found {found}");
    assert!((0.84..=0.96).contains(&coverage(&yields)));
    assert!((0.84..=0.96).contains(&coverage(&saturations)));
}

fn fitted_sample() -> (Params, Vec<Fitted>) {
    let params = Params::default();
    let bytes = std::fs::read(sample_file("sample-team-loans.csv")).expect("the sample");
    let analysis = analyse(&bytes, &Request::default(), &params).expect("an analysis");
    (params, calibrate::from_book(&analysis.fit))
}

#[test]
fn accepted_values_keep_their_source_through_the_file_and_lose_it_to_an_edit_by_hand() {
    use cadence::engine::params::Tier;
    use cadence::i18n::Lang;
    use cadence::ui::workspace::fields::Field;
    use cadence::ui::workspace::{Action, Model};
    let (params, fitted) = fitted_sample();
    assert!(fitted.iter().any(|f| f.path == "loans.terms[3].weight"));
    let next = calibrate::calibrated(&params, &fitted, "book.csv", "2026-12-01");
    let renewal = "loans.renewal_prob.standard";
    let source = sources::source_of(&next, renewal).expect("its source");
    assert_eq!(
        (source.file.as_str(), source.fitted_on.as_str()),
        ("book.csv", "2026-12-01")
    );
    assert_eq!(next.sources.len(), fitted.len());
    // Written, read back: the same sources.
    let again = scenario::load(&scenario::to_json(&next))
        .expect("valid")
        .params()
        .clone();
    assert_eq!(again.sources, next.sources);
    // An edit by hand in the file drops that source on reading.
    let mut edited: Value = serde_json::from_str(&scenario::to_json(&next)).expect("JSON");
    edited["loans"]["renewal_prob"]["standard"] = Value::from(0.5);
    let read_back = scenario::load(&edited.to_string())
        .expect("valid")
        .params()
        .clone();
    assert!(sources::source_of(&read_back, renewal).is_none());
    assert_eq!(read_back.sources.len(), fitted.len() - 1);
    // An edit by hand on the page drops it too, and only it.
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    let mut workspace = Model::with(next.clone(), start);
    let field = Field::RenewalProb(Tier::Standard);
    let shown = cadence::ui::workspace::inputs::field_view(&workspace, field, Lang::En).source;
    assert!(
        shown
            .as_deref()
            .is_some_and(|s| s.starts_with("Fitted from book.csv, 2026-12-01 (n = 661)")),
        "{shown:?}"
    );
    workspace.update(Action::EditField(field, "0.5".to_owned()), Lang::En);
    assert!((workspace.params.loans.renewal_prob[1] - 0.5).abs() < 1e-12);
    assert!(sources::source_of(&workspace.params, renewal).is_none());
    assert_eq!(
        cadence::ui::workspace::inputs::field_view(&workspace, field, Lang::En).source,
        None
    );
    assert_eq!(workspace.params.sources.len(), fitted.len() - 1);
}

fn cadence(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cadence"))
        .args(args)
        .output()
        .expect("the cadence binary runs")
}

/// "Your data" with the sample team's two files opened, on 2026-12-01.
fn page_with(params: &Params, loans: String, activity: String) -> cadence::ui::book::Model {
    use cadence::ui::book::{self, Action, Picked};
    let mut page = book::Model {
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
        ..book::Model::default()
    };
    let picked = |text| Picked::Text {
        text,
        encoding: TextEncoding::Utf8,
    };
    page.update(
        Action::Open {
            name: "sample-team-loans.csv".to_owned(),
            picked: picked(loans),
        },
        params,
    );
    page.update(
        Action::OpenActivity {
            name: "sample-team-activity.csv".to_owned(),
            picked: picked(activity),
        },
        params,
    );
    page
}

/// `cadence calibrate` on the sample team: its figures are the library's, its `--out` scenario is
/// the one the page makes with "Start from this book" and "Accept all", and the page shows the
/// same yield the command line prints.
#[test]
fn cadence_calibrate_prints_the_librarys_figures_and_writes_the_pages_scenario() {
    use cadence::i18n::Lang;
    use cadence::ui::book::view::book_view;
    let out = std::env::temp_dir().join(format!("cadence-calibrate-{}.json", std::process::id()));
    let loans = sample_file("sample-team-loans.csv");
    let activity = sample_file("sample-team-activity.csv");
    let output = cadence(&[
        "calibrate",
        &loans,
        "--activity",
        &activity,
        "--today",
        "2026-12-01",
        "--out",
        out.to_str().expect("a path"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["fitted_on"], "2026-12-01");
    // The library's figures.
    let (params, mut fitted) = fitted_sample();
    let activity_text = std::fs::read_to_string(&activity).expect("the sample");
    let activity_fit =
        fit_activity(&read_text(&activity_text, TextEncoding::Utf8).expect("a table"))
            .expect("a fit");
    fitted.extend(calibrate::from_activity(&activity_fit));
    let printed = json["estimates"].as_array().expect("estimates");
    assert_eq!(printed.len(), fitted.len());
    for (p, f) in printed.iter().zip(&fitted) {
        assert_eq!(p["path"], f.path.as_str());
        let r = calibrate::rounded;
        assert_eq!(p["value"].as_f64(), Some(r(f.estimate.value)), "{}", f.path);
        assert_eq!(p["low_90"].as_f64(), Some(r(f.estimate.low)), "{}", f.path);
        assert_eq!(p["n"].as_f64(), Some(r(f.estimate.exposure)), "{}", f.path);
        assert_eq!(
            p["default"].as_f64(),
            sources::value_at(&params, &f.path),
            "{}",
            f.path
        );
    }
    assert_eq!(json["cannot_identify"].as_array().map(Vec::len), Some(4));
    // The page: the same files, "Start from this book", then "Accept all", on the same day.
    let mut page = page_with(
        &params,
        std::fs::read_to_string(&loans).expect("the sample"),
        activity_text,
    );
    let (started, _, _) = page.starting_params(&params).expect("a book to start from");
    let accepted = page.accept_all(&started).expect("rates to accept");
    let written = std::fs::read_to_string(&out).expect("the --out file");
    assert_eq!(scenario::to_json(&accepted), written);
    assert!(written.contains("\"sources\""));
    // The yield the page shows is the one the command line prints.
    let view = book_view(&page, &accepted, Lang::En);
    let row = view
        .activity
        .expect("the activity part")
        .rates
        .into_iter()
        .find(|r| r.id == "yield-cold_visit")
        .expect("its row");
    let cli_yield = printed
        .iter()
        .find(|p| p["path"] == "channels.cold_visit.leads_per_hour")
        .and_then(|p| p["value"].as_f64())
        .expect("printed");
    assert!(
        row.yours
            .starts_with(&cadence::ui::format::number(cli_yield, 2)),
        "{} vs {cli_yield}",
        row.yours
    );
    assert!(row.accepted, "accepted by Accept all");
    assert!(row
        .source
        .is_some_and(|s| s.contains("sample-team-activity.csv") && s.contains("2026-12-01")));
    let _ = std::fs::remove_file(out);
    // The same seed as the shipped files: nothing above depends on a file drawn otherwise.
    assert_eq!(
        sample_team(&SAMPLE, SAMPLE_SEED).1,
        std::fs::read_to_string(&activity).expect("the sample")
    );
}

#[test]
fn cadence_calibrate_reads_a_mapping_file_and_refuses_a_bad_one_in_words() {
    let dir = std::env::temp_dir().join(format!("cadence-calibrate-map-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let good = dir.join("good.txt");
    std::fs::write(
        &good,
        "# the sample's columns, said again\namount_cny = amount_cny\n",
    )
    .expect("write");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "amount_cny is the amount\n").expect("write");
    let loans = sample_file("sample-team-loans.csv");
    let ok = cadence(&[
        "calibrate",
        &loans,
        "--mapping",
        good.to_str().expect("path"),
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let refused = cadence(&[
        "calibrate",
        &loans,
        "--mapping",
        bad.to_str().expect("path"),
    ]);
    assert!(!refused.status.success());
    let words = String::from_utf8_lossy(&refused.stderr);
    assert!(words.contains("line 1"), "{words}");
    let _ = std::fs::remove_dir_all(dir);
}
