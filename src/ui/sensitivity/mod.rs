//! The "Which lever matters" slice (issue 21): the outcome chosen, whether the section is open, and
//! the tornado of the last valid scenario for that outcome.
//!
//! A tornado is 2 × 16 EV runs (≈ 30–100 ms), so it is computed only while the section is open:
//! on opening, on a new valid result (`Page` asks with [`Model::refresh`]) and when the outcome
//! changes. "Try it" on a bar is a page rule (`ui::page`): it pins the current scenario and opens
//! the scenario with that lever at its high end ([`Model::tried`]).
//!
//! *Compute importance* asks the worker pool for the levers' Sobol indices (N rows of the design,
//! from the scenario's seed) of the last valid result, carrying its revision like a Monte Carlo
//! job: an edit (or another outcome) stops the job, results of an earlier scenario are shown as
//! out of date, and an answer of a job that is no longer the current one is dropped.

pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::rc::Rc;

use crate::engine::params::Params;
use crate::engine::sensitivity::{self, Lever, Outcome, Tornado, DEFAULT_SPREAD};
use crate::engine::sobol::Importance;
use crate::ui::effect::{Effect, ImportanceJob};
use crate::ui::workspace;

/// The design sizes offered (rows N; each row is 18 model evaluations).
pub const SAMPLE_CHOICES: [u32; 4] = [250, 500, 1_000, 2_000];

/// N unless another is chosen: about 10 s on two workers for an outcome read from the EV run.
pub const DEFAULT_SAMPLES: u32 = 1_000;

/// What the person (or the worker pool) does in the section.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Opens or closes the section (`<details>`).
    SetOpen(bool),
    SetOutcome(Outcome),
    /// "Try it": pin the current scenario and move this lever to its high end (a page rule).
    Try(Lever),
    /// Chooses N, the rows of the importance design.
    SetSamples(u32),
    /// *Compute importance* on the valid result on screen.
    ComputeImportance,
    CancelImportance,
    /// Progress of importance job `job`, in model evaluations.
    ImportanceProgress {
        job: u32,
        done: u32,
        total: u32,
    },
    ImportanceFinished {
        job: u32,
        importance: Rc<Importance>,
    },
    ImportanceFailed {
        job: u32,
        message: String,
    },
}

/// Where the variance-based importance stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportanceStatus {
    Idle,
    Running {
        job: u32,
        /// The workspace revision and the outcome the job started from.
        revision: u64,
        outcome: Outcome,
        done: u32,
        total: u32,
    },
    /// Finished for the result of `revision` and `outcome`.
    Done {
        revision: u64,
        outcome: Outcome,
        importance: Rc<Importance>,
    },
    /// Stopped by *Cancel*, or because the scenario or the outcome changed (`by_edit`).
    Stopped {
        by_edit: bool,
    },
    Failed(String),
}

/// The section's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub open: bool,
    pub outcome: Outcome,
    /// The tornado and the workspace revision it was computed from.
    pub tornado: Option<(u64, Rc<Tornado>)>,
    /// N chosen for the importance design.
    pub samples: u32,
    pub importance: ImportanceStatus,
    /// The last importance results, kept (and shown out of date) while the scenario moves on.
    pub last_importance: Option<(u64, Outcome, Rc<Importance>)>,
    /// The number of the last importance job started.
    pub job: u32,
}

impl Default for Model {
    fn default() -> Model {
        Model {
            open: false,
            outcome: Outcome::BookEnd,
            tornado: None,
            samples: DEFAULT_SAMPLES,
            importance: ImportanceStatus::Idle,
            last_importance: None,
            job: 0,
        }
    }
}

impl Model {
    /// Applies an action of the slice itself (`Try` is the page's).
    pub fn update(&mut self, action: Action, ws: &workspace::Model) -> Vec<Effect> {
        let mut effects = Vec::new();
        match action {
            Action::SetOpen(open) => self.open = open,
            Action::SetOutcome(outcome) => {
                if outcome != self.outcome {
                    self.outcome = outcome;
                    self.tornado = None;
                }
            }
            Action::Try(_) => {}
            Action::SetSamples(n) => {
                if SAMPLE_CHOICES.contains(&n) {
                    self.samples = n;
                }
            }
            Action::ComputeImportance => effects.extend(self.compute(ws)),
            Action::CancelImportance => {
                if matches!(self.importance, ImportanceStatus::Running { .. }) {
                    self.importance = ImportanceStatus::Stopped { by_edit: false };
                    effects.push(Effect::CancelImportance);
                }
            }
            Action::ImportanceProgress {
                job,
                done: d,
                total: t,
            } => {
                if let ImportanceStatus::Running {
                    job: current,
                    done,
                    total,
                    ..
                } = &mut self.importance
                {
                    if *current == job {
                        *done = d;
                        *total = t;
                    }
                }
            }
            Action::ImportanceFinished { job, importance } => {
                if let ImportanceStatus::Running {
                    job: current,
                    revision,
                    outcome,
                    ..
                } = self.importance
                {
                    if current == job {
                        self.last_importance = Some((revision, outcome, Rc::clone(&importance)));
                        self.importance = ImportanceStatus::Done {
                            revision,
                            outcome,
                            importance,
                        };
                    }
                }
            }
            Action::ImportanceFailed { job, message } => {
                if matches!(self.importance, ImportanceStatus::Running { job: current, .. } if current == job)
                {
                    self.importance = ImportanceStatus::Failed(message);
                }
            }
        }
        self.refresh(ws);
        effects.extend(self.follow(ws));
        effects
    }

    /// Whether *Compute importance* can run: a valid result on screen and nothing running.
    #[must_use]
    pub fn can_compute(&self, ws: &workspace::Model) -> bool {
        ws.result.is_some()
            && !ws.stale
            && !matches!(self.importance, ImportanceStatus::Running { .. })
    }

    fn compute(&mut self, ws: &workspace::Model) -> Option<Effect> {
        if !self.can_compute(ws) {
            return None;
        }
        let result = ws.result.as_ref()?;
        self.job = self.job.wrapping_add(1);
        self.importance = ImportanceStatus::Running {
            job: self.job,
            revision: ws.revision,
            outcome: self.outcome,
            done: 0,
            total: 0,
        };
        Some(Effect::StartImportance(Box::new(ImportanceJob {
            id: self.job,
            revision: ws.revision,
            params: result.params.clone(),
            outcome: self.outcome,
            spread: DEFAULT_SPREAD,
            n: self.samples,
            seed: result.params.run.seed,
        })))
    }

    /// An importance job of an earlier scenario (or another outcome) stops: its answer would not
    /// be the scenario's on screen.
    pub fn follow(&mut self, ws: &workspace::Model) -> Vec<Effect> {
        match self.importance {
            ImportanceStatus::Running {
                revision, outcome, ..
            } if revision != ws.revision || outcome != self.outcome => {
                self.importance = ImportanceStatus::Stopped { by_edit: true };
                vec![Effect::CancelImportance]
            }
            _ => Vec::new(),
        }
    }

    /// The importance to show and whether it is out of date (another scenario or outcome).
    #[must_use]
    pub fn shown_importance(
        &self,
        ws: &workspace::Model,
    ) -> Option<(Rc<Importance>, Outcome, bool)> {
        let (revision, outcome, importance) = self.last_importance.as_ref()?;
        let stale = *revision != ws.revision || ws.stale || *outcome != self.outcome;
        Some((Rc::clone(importance), *outcome, stale))
    }

    /// Computes the tornado again when the section is open and the valid result is newer than it.
    pub fn refresh(&mut self, ws: &workspace::Model) {
        if !self.open {
            return;
        }
        let Some(result) = ws.result.as_ref() else {
            self.tornado = None;
            return;
        };
        if self
            .tornado
            .as_ref()
            .is_some_and(|(r, _)| *r == ws.revision)
        {
            return;
        }
        self.tornado = sensitivity::tornado(&result.params, self.outcome, DEFAULT_SPREAD)
            .ok()
            .map(|t| (ws.revision, Rc::new(t)));
    }

    /// The scenario with `lever` at its high end as the shown tornado moved it; `None` without a
    /// tornado of the valid result.
    #[must_use]
    pub fn tried(&self, ws: &workspace::Model, lever: Lever) -> Option<Params> {
        let result = ws.result.as_ref()?;
        let (_, tornado) = self.tornado.as_ref()?;
        let bar = tornado.bars.iter().find(|b| b.lever == lever)?;
        Some(sensitivity::moved(&result.params, lever, bar.high.factor).0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ws() -> workspace::Model {
        workspace::Model::new(NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"))
    }

    #[test]
    fn the_tornado_is_computed_only_while_open_and_follows_the_outcome() {
        let ws = ws();
        let mut m = Model::default();
        m.refresh(&ws);
        assert!(m.tornado.is_none(), "closed: nothing computed");
        let _ = m.update(Action::SetOpen(true), &ws);
        let (_, t) = m.tornado.clone().expect("computed on opening");
        assert_eq!(t.outcome, Outcome::BookEnd);
        let _ = m.update(Action::SetOutcome(Outcome::HStar), &ws);
        let (_, t) = m.tornado.clone().expect("computed again");
        assert_eq!(t.outcome, Outcome::HStar);
        let tried = m.tried(&ws, t.bars[0].lever).expect("tried");
        assert_ne!(tried, ws.params);
    }

    fn small_importance(ws: &workspace::Model) -> Rc<Importance> {
        let params = &ws.result.as_ref().expect("result").params;
        Rc::new(crate::engine::sobol::levers(
            params,
            Outcome::HStar,
            DEFAULT_SPREAD,
            8,
            1,
        ))
    }

    #[test]
    fn issue_21_importance_runs_in_the_workers_and_an_edit_stops_it_and_dates_its_results() {
        let mut ws = ws();
        let mut m = Model::default();
        let _ = m.update(Action::SetOutcome(Outcome::HStar), &ws);
        let effects = m.update(Action::ComputeImportance, &ws);
        let [Effect::StartImportance(job)] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        assert_eq!(
            (job.n, job.outcome, job.revision),
            (DEFAULT_SAMPLES, Outcome::HStar, ws.revision)
        );
        assert_eq!(job.seed, ws.params.run.seed);
        let first = job.id;
        // A finished job's results are the scenario's.
        let importance = small_importance(&ws);
        let _ = m.update(
            Action::ImportanceFinished {
                job: first,
                importance: Rc::clone(&importance),
            },
            &ws,
        );
        let (_, _, stale) = m.shown_importance(&ws).expect("shown");
        assert!(!stale);
        // Started again, then the scenario changes: the job stops, the results are out of date.
        let effects = m.update(Action::ComputeImportance, &ws);
        let [Effect::StartImportance(job)] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        let second = job.id;
        let revision = ws.revision;
        let _ = ws.update(
            workspace::Action::EditField(workspace::fields::Field::Ams, "7".into()),
            crate::i18n::Lang::En,
        );
        assert_ne!(ws.revision, revision);
        let effects = m.follow(&ws);
        assert_eq!(effects, vec![Effect::CancelImportance]);
        assert_eq!(m.importance, ImportanceStatus::Stopped { by_edit: true });
        let (_, _, stale) = m.shown_importance(&ws).expect("kept");
        assert!(stale, "an earlier scenario's importance is out of date");
        // The stopped job's late answer is never shown as the new scenario's.
        let _ = m.update(
            Action::ImportanceFinished {
                job: second,
                importance,
            },
            &ws,
        );
        assert_eq!(m.importance, ImportanceStatus::Stopped { by_edit: true });
        assert!(m.shown_importance(&ws).expect("kept").2);
        // Cancel stops a running job.
        let _ = m.update(Action::ComputeImportance, &ws);
        let effects = m.update(Action::CancelImportance, &ws);
        assert_eq!(effects, vec![Effect::CancelImportance]);
        assert_eq!(m.importance, ImportanceStatus::Stopped { by_edit: false });
    }
}
