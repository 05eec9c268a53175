//! The Monte Carlo slice's view model: the controls with their messages, the job's progress or
//! outcome in words, and the spread of outcomes across runs.

use crate::engine::montecarlo::McOutput;
use crate::engine::Kpi;
use crate::i18n::{fill, Lang, Text};
use crate::ui::format;
use crate::ui::montecarlo::{InputProblem, Model, Status};
use crate::ui::workspace::view::{item, KpiItem};
use crate::ui::workspace::{self, Computed};

/// What the Monte Carlo panel says about the job.
#[derive(Debug, Clone, PartialEq)]
pub enum McNote {
    None,
    /// A job is running: done and total, and "400 of 1,000 runs".
    Progress {
        done: u32,
        total: u32,
        text: String,
    },
    Cancelled(String),
    Failed(String),
    /// Finished for the result shown: "1,000 runs, seed 42".
    Done(String),
    /// Finished for an earlier version of the scenario.
    Outdated(String),
}

/// The Monte Carlo panel.
#[derive(Debug, Clone, PartialEq)]
pub struct McView {
    pub runs_text: String,
    pub seed_text: String,
    pub runs_error: Option<String>,
    pub seed_error: Option<String>,
    /// "Run 1,000 simulations".
    pub run_label: String,
    pub can_run: bool,
    pub running: bool,
    /// Whether the fan follows every change, and the checkbox's words.
    pub live: bool,
    pub live_label: String,
    pub note: McNote,
    /// The spread of outcomes of a job that finished for the result shown.
    pub summary: Option<Vec<KpiItem>>,
}

/// The Monte Carlo panel for `model` beside the workspace `ws`.
#[must_use]
pub fn mc_view(model: &Model, ws: &workspace::Model, lang: Lang) -> McView {
    let problems = model.parsed().err().unwrap_or_default();
    let runs_bad = problems.contains(&InputProblem::Runs);
    let seed_bad = problems.contains(&InputProblem::Seed);
    let running = matches!(model.status, Status::Running { .. });
    // A count that will not run is not promised on the button.
    let run_label = format::parse_number(&model.runs_text)
        .filter(|_| !runs_bad)
        .map_or_else(
            || Text::McRunPlain.get(lang).to_owned(),
            |r| fill(Text::McRun.get(lang), &[&format::number(r, 0)]),
        );
    let count = |n: u32| format::number(f64::from(n), 0);
    let current = model.current(ws.revision);
    let note = match &model.status {
        Status::Idle => McNote::None,
        Status::Running { done, total, .. } => McNote::Progress {
            done: *done,
            total: *total,
            text: fill(Text::McProgress.get(lang), &[&count(*done), &count(*total)]),
        },
        Status::Cancelled { done, total } => McNote::Cancelled(fill(
            Text::McCancelledText.get(lang),
            &[&count(*done), &count(*total)],
        )),
        Status::Failed(message) => McNote::Failed(fill(Text::McFailedText.get(lang), &[message])),
        Status::Done { output, seed, .. } => {
            if current.is_some() {
                McNote::Done(fill(
                    Text::McDone.get(lang),
                    &[&count(output.runs), &seed.to_string()],
                ))
            } else {
                McNote::Outdated(Text::McOutdated.get(lang).to_owned())
            }
        }
    };
    McView {
        runs_text: model.runs_text.clone(),
        seed_text: model.seed_text.clone(),
        runs_error: runs_bad.then(|| Text::McErrRuns.get(lang).to_owned()),
        seed_error: seed_bad.then(|| Text::McErrSeed.get(lang).to_owned()),
        run_label,
        can_run: !running && problems.is_empty() && !ws.stale,
        running,
        live: model.live,
        live_label: Text::McLive.get(lang).to_owned(),
        note,
        summary: current
            .zip(ws.result.as_ref())
            .map(|(output, result)| mc_summary(output, result, lang)),
    }
}

/// The Monte Carlo summary: the spread of the final book and the fault across runs.
#[must_use]
pub fn mc_summary(output: &McOutput, result: &Computed, lang: Lang) -> Vec<KpiItem> {
    let t = |text: Text| text.get(lang);
    let mut items = Vec::new();
    if let Some(band) = output.band(Kpi::ActiveLoans) {
        let last = band.p50.len().saturating_sub(1);
        let ev_end = result
            .ev
            .run
            .weeks
            .last()
            .map_or(0.0, |w| w.active_loans.iter().sum::<f64>());
        items.push(item(
            "mc-book-end",
            Text::McBookEnd,
            format!(
                "{} / {} / {}",
                format::number(band.p10.get(last).copied().unwrap_or(f64::NAN), 0),
                format::number(band.p50.get(last).copied().unwrap_or(f64::NAN), 0),
                format::number(band.p90.get(last).copied().unwrap_or(f64::NAN), 0)
            ),
            fill(t(Text::McBookEndDetail), &[&format::number(ev_end, 0)]),
            lang,
        ));
    }
    if let Some(fault) = &output.fault {
        let mean = &fault.scenario.mean_path;
        items.push(item(
            "mc-mean-depth",
            Text::McMeanDepth,
            format::percent(mean.depth, 0),
            fill(
                t(Text::McMeanDepthDetail),
                &[&mean
                    .delay_weeks
                    .map_or_else(|| format::MISSING.to_owned(), |d| d.to_string())],
            ),
            lang,
        ));
        let d = &fault.scenario.per_run_depth;
        let noise = fault.noise_floor.as_ref().map_or_else(
            || t(Text::McNoNoiseFloor).to_owned(),
            |n| {
                fill(
                    t(Text::McRunDepthDetail),
                    &[&format!(
                        "{} / {} / {}",
                        format::percent(n.per_run_depth.p10, 0),
                        format::percent(n.per_run_depth.p50, 0),
                        format::percent(n.per_run_depth.p90, 0)
                    )],
                )
            },
        );
        items.push(item(
            "mc-run-depth",
            Text::McRunDepth,
            format!(
                "{} / {} / {}",
                format::percent(d.p10, 0),
                format::percent(d.p50, 0),
                format::percent(d.p90, 0)
            ),
            noise,
            lang,
        ));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::montecarlo::Action;
    use chrono::NaiveDate;

    #[test]
    fn the_run_button_promises_only_a_count_that_will_run() {
        let mut ws = workspace::Model::new(NaiveDate::from_ymd_opt(2026, 12, 7).expect("date"));
        let mut mc = Model::new(42);
        mc.update(Action::EditRuns("2000".into()), &mut ws);
        assert_eq!(
            mc_view(&mc, &ws, Lang::En).run_label,
            "Run 2,000 simulations"
        );
        assert_eq!(mc_view(&mc, &ws, Lang::Zh).run_label, "运行 2,000 次模拟");
        for bad in ["20000", "0", "many"] {
            mc.update(Action::EditRuns(bad.into()), &mut ws);
            let view = mc_view(&mc, &ws, Lang::En);
            assert_eq!(view.run_label, "Run simulations", "{bad}");
            assert!(view.runs_error.is_some() && !view.can_run, "{bad}");
        }
    }
}
