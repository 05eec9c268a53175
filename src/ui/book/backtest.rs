//! "Your data"'s back-test (issue 17): the start date as typed, the back-test of the book on
//! screen from it (`scenario::book::backtest`, the CLI's `cadence backtest`), and its Monte Carlo
//! P10–P90 band — a job of the fan's worker pool under the back-test's own job numbers
//! (`ui::band`), keyed by the back-test's scenario, so a band of an earlier start date is never
//! shown — with the view model: the field with its hint or error, the calibration in words, and
//! for each figure its chart's data and "N of M weeks inside the band".
//!
//! The back-test is made again only when the book on screen, the typed date or the scenario
//! changes; a date that is no date leaves the last back-test on screen with the error beside
//! the field.

use std::rc::Rc;

use crate::engine::montecarlo::McOutput;
use crate::engine::params::Params;
use crate::i18n::{fill, Lang, Text};
use crate::scenario::book::backtest::{self, Backtest, BacktestError, Series};
use crate::scenario::book::map::Field;
use crate::scenario::book::Analysis;
use crate::ui::band::{BandChart, BandEvent, Bands, Owner};
use crate::ui::book::as_of_of;
use crate::ui::chart_data::dated_frame;
use crate::ui::charts::tracking::TrackingData;
use crate::ui::charts::{Fan, Series as ChartSeries};
use crate::ui::effect::Effect;
use crate::ui::format;

/// Monte Carlo runs of the band (the Actuals view's band size; `cadence backtest`'s default).
pub const BAND_RUNS: u32 = 1_000;

/// What a person does in the back-test.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed text in the start-date field (empty: the default start).
    SetFrom(String),
}

/// A back-test with what it was made from.
#[derive(Debug, Clone)]
struct Made {
    analysis: Rc<Analysis>,
    from_text: String,
    params: Params,
    result: Result<Rc<Backtest>, BacktestError>,
}

/// The back-test's model.
#[derive(Debug, Clone)]
pub struct Model {
    /// The start date as typed.
    pub from_text: String,
    made: Option<Made>,
    bands: Bands,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            from_text: String::new(),
            made: None,
            bands: Bands::new(Owner::Backtest),
        }
    }
}

impl PartialEq for Model {
    /// The typed date and the back-test on screen (by identity: it is made, not edited).
    fn eq(&self, other: &Self) -> bool {
        let same_made = match (&self.made, &other.made) {
            (None, None) => true,
            (Some(a), Some(b)) => match (&a.result, &b.result) {
                (Ok(x), Ok(y)) => Rc::ptr_eq(x, y),
                (Err(x), Err(y)) => x == y,
                _ => false,
            },
            _ => false,
        };
        self.from_text == other.from_text && same_made && self.bands == other.bands
    }
}

impl Model {
    pub fn update(&mut self, action: Action) {
        match action {
            Action::SetFrom(text) => self.from_text = text,
        }
    }

    /// Makes the back-test again if the book (`analysis`), the typed date or `params` changed
    /// since it was made; without a book there is none. A date that is no date keeps the last.
    pub fn refresh(&mut self, analysis: Option<&Rc<Analysis>>, params: &Params) {
        let Some(analysis) = analysis else {
            self.made = None;
            return;
        };
        if let Some(made) = &self.made {
            if Rc::ptr_eq(&made.analysis, analysis)
                && made.from_text == self.from_text
                && made.params == *params
            {
                return;
            }
        }
        let Ok(from) = as_of_of(&self.from_text) else {
            return;
        };
        let knows_renewals = analysis.mapping.contains(&Some(Field::RenewedFrom));
        let result = backtest::backtest(
            &analysis.import.loans,
            from,
            Some(analysis.book.as_of),
            knows_renewals,
            params,
        )
        .map(Rc::new);
        self.made = Some(Made {
            analysis: Rc::clone(analysis),
            from_text: self.from_text.clone(),
            params: params.clone(),
            result,
        });
    }

    /// The back-test on screen, or why there is none.
    #[must_use]
    pub fn result(&self) -> Option<&Result<Rc<Backtest>, BacktestError>> {
        self.made.as_ref().map(|m| &m.result)
    }

    fn shown(&self) -> Option<&Backtest> {
        self.result()?.as_ref().ok().map(|b| &**b)
    }

    /// The band's output when it is the back-test's on screen.
    #[must_use]
    pub fn band_output(&self) -> Option<&Rc<McOutput>> {
        self.bands.output_for(&self.shown()?.params)
    }

    /// Starts the band of the back-test on screen unless it is there, running or failed.
    pub fn follow_band(&mut self, seed: u64) -> Vec<Effect> {
        let Some(params) = self.shown().map(|b| b.params.clone()) else {
            return Vec::new();
        };
        self.bands.follow(&params, BAND_RUNS, seed)
    }

    /// Another job took the pool: the band starts again later.
    pub fn band_superseded(&mut self) {
        self.bands.superseded();
    }

    /// An answer from the pool about a back-test band job (older jobs' are dropped).
    pub fn band_event(&mut self, event: BandEvent) {
        self.bands.event(event);
    }
}

/// The back-test part of "Your data".
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestView {
    pub title: &'static str,
    pub intro: &'static str,
    pub from_label: &'static str,
    pub from_text: String,
    /// The default start as the field's placeholder (ISO).
    pub from_placeholder: String,
    /// "Empty: 2026-06-01, 26 weeks before the last date (2026-11-30)."
    pub from_hint: String,
    /// The typed date that is no date, or why this start gives no back-test.
    pub from_error: Option<String>,
    /// How new loans were set, in words.
    pub intake: Option<String>,
    /// The band running, failed, or how many runs it holds.
    pub band_status: String,
    pub charts: Vec<BandChart>,
}

fn title_of(series: Series) -> Text {
    match series {
        Series::ActiveLoans => Text::BacktestActive,
        Series::NewLoans => Text::BacktestNew,
        Series::Renewals => Text::BacktestRenewals,
    }
}

fn axis_of(series: Series) -> Text {
    match series {
        Series::ActiveLoans => Text::AxisLoans,
        Series::NewLoans => Text::AxisNewLoans,
        Series::Renewals => Text::BacktestAxisRenewals,
    }
}

/// The view of the back-test, when there is a book to test.
#[must_use]
pub fn backtest_view(model: &Model, lang: Lang) -> Option<BacktestView> {
    let made = model.made.as_ref()?;
    let to = made.analysis.book.as_of;
    let first = made
        .analysis
        .import
        .loans
        .iter()
        .map(|l| l.disbursed_on)
        .min();
    let default = first.map(|first| backtest::default_from(first, to));
    let from_hint = default.map_or_else(String::new, |default| {
        fill(
            Text::BacktestFromHint.get(lang),
            &[
                &format::date(default, lang),
                &format::number(((to - default).num_days() / 7) as f64, 0),
                &format::date(to, lang),
            ],
        )
    });
    let typed_error = as_of_of(&model.from_text)
        .err()
        .map(|text| fill(Text::BacktestFromError.get(lang), &[&text]));
    let shown = made.result.as_ref().ok();
    let from_error =
        typed_error.or_else(|| made.result.as_ref().err().map(|e| backtest::words(e, lang)));
    let intake = shown.map(|b| {
        let i = &b.intake;
        let mut words = fill(
            Text::BacktestIntake.get(lang),
            &[
                &format::number(i.hours_per_am, 1),
                &format::number(i.yield_factor, 2),
                &format::number(i.ev_new_loans_per_week, 1),
                &format::number(i.target_new_loans_per_week, 1),
            ],
        );
        if i.hours_per_week > i.scenario_hours_per_week {
            words.push(' ');
            words.push_str(&fill(
                Text::BacktestHours.get(lang),
                &[
                    &format::number(i.scenario_hours_per_week, 0),
                    &format::number(i.hours_per_week, 1),
                ],
            ));
        }
        words
    });
    let band = model.band_output();
    let band_status = if band.is_some() {
        String::new()
    } else if let Some((done, total)) = shown.and_then(|b| model.bands.progress_for(&b.params)) {
        fill(
            Text::BacktestRunning.get(lang),
            &[
                &format::number(f64::from(done), 0),
                &format::number(f64::from(total), 0),
            ],
        )
    } else if let Some(message) = shown.and_then(|b| model.bands.failure_for(&b.params)) {
        fill(Text::BacktestFailed.get(lang), &[message])
    } else {
        String::new()
    };
    let charts = shown.map_or_else(Vec::new, |b| charts(b, band.map(|o| &**o), lang));
    Some(BacktestView {
        title: Text::BacktestTitle.get(lang),
        intro: Text::BacktestIntro.get(lang),
        from_label: Text::BacktestFrom.get(lang),
        from_text: model.from_text.clone(),
        from_placeholder: default.map_or_else(String::new, |d| d.to_string()),
        from_hint,
        from_error,
        intake,
        band_status,
        charts,
    })
}

/// Each figure's chart: the EV forecast, the band once it has run, the actual weeks.
fn charts(b: &Backtest, band: Option<&McOutput>, lang: Lang) -> Vec<BandChart> {
    let compared = band.and_then(|o| b.compare(o));
    let week0 = b.from + chrono::Duration::days(1);
    Series::ALL
        .iter()
        .enumerate()
        .map(|(i, &series)| {
            let title = fill(
                Text::BacktestChartTitle.get(lang),
                &[title_of(series).get(lang), &format::date(b.from, lang)],
            );
            let frame = dated_frame(&title, axis_of(series), lang, week0, b.weeks, Vec::new());
            let (ev, actual) = b.series(series);
            let this = compared.as_ref().map(|c| &c[i]);
            let inside_count = this.map(|c| (c.inside, c.actual.len()));
            let inside = inside_count.map(|(inside, of)| {
                fill(
                    Text::BacktestInside.get(lang),
                    &[
                        title_of(series).get(lang),
                        &format::number(inside as f64, 0),
                        &format::number(of as f64, 0),
                    ],
                )
            });
            BandChart {
                id: series.id(),
                data: TrackingData {
                    frame,
                    expected: ChartSeries::new(Text::BacktestForecast.get(lang), ev.to_vec()),
                    fan: this.map(|c| Fan {
                        label: Text::BacktestBand.get(lang).to_owned(),
                        p10: c.p10.clone(),
                        p90: c.p90.clone(),
                    }),
                    actual: ChartSeries::new(Text::BacktestActual.get(lang), actual.to_vec()),
                },
                inside,
                inside_count,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::book::read::TextEncoding;
    use crate::services::monte_carlo::plan;
    use crate::ui::band::owner_of;
    use crate::ui::book::{self, Picked};
    use crate::ui::effect::McJob;
    use crate::ui::page::{Msg, Page, View};

    const SAMPLE: &str = include_str!("../../../samples/sample-team-loans.csv");

    fn sample_action() -> book::Action {
        book::Action::Open {
            name: "sample-team-loans.csv".to_owned(),
            picked: Picked::Text {
                text: SAMPLE.to_owned(),
                encoding: TextEncoding::Utf8,
            },
        }
    }

    fn opened(params: &Params) -> book::Model {
        let mut model = book::Model::default();
        model.update(sample_action(), params);
        model.refresh_backtest(params);
        model
    }

    fn job(effects: &[Effect]) -> McJob {
        match effects {
            [Effect::StartMonteCarlo(job)] => (**job).clone(),
            other => panic!("one band job: {other:?}"),
        }
    }

    fn finished(job: &McJob) -> BandEvent {
        BandEvent::Finished {
            job: job.id,
            output: Rc::new(plan(&job.params, 10, job.seed, 0).expect("valid").run_all()),
        }
    }

    fn weeks_shown(model: &Model) -> Vec<Option<(usize, usize)>> {
        backtest_view(model, Lang::En)
            .expect("a view")
            .charts
            .iter()
            .map(|c| c.inside_count)
            .collect()
    }

    #[test]
    fn a_band_of_an_earlier_start_date_is_never_shown() {
        let params = Params::default();
        let mut book = opened(&params);
        let first = job(&book.backtest.follow_band(42));
        assert_eq!(owner_of(first.id), Some(Owner::Backtest));
        assert_eq!(first.runs, BAND_RUNS);
        // A second ask for the same start is no second job.
        assert!(book.backtest.follow_band(42).is_empty());

        book.update(
            book::Action::Backtest(Action::SetFrom("2026-03-02".into())),
            &params,
        );
        book.refresh_backtest(&params);
        let second = job(&book.backtest.follow_band(42));
        assert_ne!(first.id, second.id);
        // The first start's answer arrives late: it is dropped, not shown for the new date.
        book.backtest.band_event(finished(&first));
        assert!(book.backtest.band_output().is_none());
        assert_eq!(weeks_shown(&book.backtest), vec![None; 3]);
        book.backtest.band_event(finished(&second));
        let weeks = book.backtest.shown().expect("a back-test").weeks as usize;
        assert!(weeks > 26);
        assert!(weeks_shown(&book.backtest)
            .iter()
            .all(|c| c.is_some_and(|(inside, of)| of == weeks && inside <= of)));
        // Each chart draws a ring for every week outside the band, a dot for every week inside.
        let theme = crate::ui::charts::ChartTheme::for_scheme(false);
        for chart in backtest_view(&book.backtest, Lang::En)
            .expect("a view")
            .charts
        {
            let svg = crate::ui::charts::backtest::render_svg(
                &chart.data,
                &theme,
                crate::ui::charts::ChartSize::DESKTOP,
            )
            .expect("drawn");
            let (inside, of) = chart.inside_count.expect("counted");
            let tags: Vec<&str> = svg
                .split("<circle")
                .skip(1)
                .map(|c| &c[..c.find('>').unwrap_or(0)])
                .collect();
            let hollow = tags.iter().filter(|t| t.contains("fill=\"none\"")).count();
            assert_eq!(hollow, of - inside, "{}", chart.id);
            assert!(tags.len() >= of, "{}: a mark per week", chart.id);
        }

        // Back to the default start: the later start's band is not its band.
        book.update(
            book::Action::Backtest(Action::SetFrom(String::new())),
            &params,
        );
        book.refresh_backtest(&params);
        assert!(book.backtest.band_output().is_none());
        assert_eq!(job(&book.backtest.follow_band(42)).params, first.params);
    }

    #[test]
    fn a_start_that_is_no_date_or_too_late_is_said_beside_the_field_and_loses_nothing() {
        let params = Params::default();
        let mut book = opened(&params);
        let before = book.backtest.shown().expect("a back-test").clone();
        for (text, words) in [
            ("2026-13-40", "is not a date"),
            ("2026-11-01", "a back-test needs at least 13"),
        ] {
            book.update(
                book::Action::Backtest(Action::SetFrom(text.into())),
                &params,
            );
            book.refresh_backtest(&params);
            let view = backtest_view(&book.backtest, Lang::En).expect("a view");
            let error = view.from_error.expect("an error beside the field");
            assert!(error.contains(words), "{error}");
            let zh = backtest_view(&book.backtest, Lang::Zh).expect("a view");
            assert_ne!(zh.from_error, Some(error));
        }
        // A date that is no date keeps the last back-test made: here the too-late one's, empty.
        book.update(
            book::Action::Backtest(Action::SetFrom("2026-13-40".into())),
            &params,
        );
        book.refresh_backtest(&params);
        assert!(backtest_view(&book.backtest, Lang::En)
            .expect("a view")
            .charts
            .is_empty());
        book.update(
            book::Action::Backtest(Action::SetFrom(String::new())),
            &params,
        );
        book.refresh_backtest(&params);
        assert_eq!(*book.backtest.shown().expect("a back-test"), before);
        let view = backtest_view(&book.backtest, Lang::En).expect("a view");
        assert!(
            view.from_hint.contains("26 weeks before the last date"),
            "{}",
            view.from_hint
        );
        assert!(view
            .intake
            .expect("in words")
            .contains("fitted before the start"));
    }

    #[test]
    fn the_page_runs_the_back_tests_band_while_your_data_is_shown_and_routes_its_answers() {
        let mut page = Page::new(
            Lang::En,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a day"),
        );
        page.update(Msg::SetView(View::Book));
        let effects = page.update(Msg::Book(sample_action()));
        let band = job(&effects
            .into_iter()
            .filter(|e| matches!(e, Effect::StartMonteCarlo(_)))
            .collect::<Vec<_>>());
        assert_eq!(owner_of(band.id), Some(Owner::Backtest));
        page.update(Msg::Mc(montecarlo_finished(&band)));
        assert!(
            page.book.backtest.band_output().is_some(),
            "routed to the back-test"
        );
        assert!(page.track.band_output().is_none());
        // Leaving and coming back: the band done is kept, no second job.
        page.update(Msg::SetView(View::Workspace));
        let effects = page.update(Msg::SetView(View::Book));
        assert!(
            !effects
                .iter()
                .any(|e| matches!(e, Effect::StartMonteCarlo(_))),
            "done: kept"
        );
    }

    fn montecarlo_finished(job: &McJob) -> crate::ui::montecarlo::Action {
        let BandEvent::Finished { job, output } = finished(job) else {
            unreachable!("finished");
        };
        crate::ui::montecarlo::Action::Finished { job, output }
    }
}
