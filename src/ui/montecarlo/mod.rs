//! The Monte Carlo slice: runs and seed as typed, the job running in the workers and its result.
//!
//! A job carries the revision of the result it started from, so an answer that arrives after an
//! edit belongs to the earlier scenario: it is shown as out of date, never as the current one's
//! (issue 13). The seed has one home, the scenario's `run.seed`: typing a valid seed sets it, and
//! that is what runs, shows and is saved.

pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::rc::Rc;

use crate::engine::montecarlo::McOutput;
use crate::ui::effect::{Effect, McJob};
use crate::ui::format;
use crate::ui::workspace;

/// Where a Monte Carlo run on demand stands.
#[derive(Debug, Clone)]
pub enum Status {
    Idle,
    Running {
        job: u32,
        /// The workspace revision the job started from.
        revision: u64,
        seed: u64,
        done: u32,
        total: u32,
    },
    /// Finished for the result of `revision` with `seed`.
    Done {
        output: Rc<McOutput>,
        revision: u64,
        seed: u64,
    },
    Cancelled {
        done: u32,
        total: u32,
    },
    Failed(String),
}

impl PartialEq for Status {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Status::Idle, Status::Idle) => true,
            (
                Status::Running {
                    job,
                    revision,
                    seed,
                    done,
                    total,
                },
                Status::Running {
                    job: j2,
                    revision: r2,
                    seed: s2,
                    done: d2,
                    total: t2,
                },
            ) => job == j2 && revision == r2 && seed == s2 && done == d2 && total == t2,
            (
                Status::Cancelled { done, total },
                Status::Cancelled {
                    done: d2,
                    total: t2,
                },
            ) => done == d2 && total == t2,
            (
                Status::Done {
                    output,
                    revision,
                    seed,
                },
                Status::Done {
                    output: o2,
                    revision: r2,
                    seed: s2,
                },
            ) => Rc::ptr_eq(output, o2) && revision == r2 && seed == s2,
            (Status::Failed(a), Status::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Problems with the Monte Carlo controls, each shown next to its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem {
    /// Runs must be a whole number from 10 to 10,000.
    Runs,
    /// The seed must be a whole number from 0 to 2^64 − 1.
    Seed,
}

/// What a person (or the worker pool) does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    EditRuns(String),
    EditSeed(String),
    /// Starts a job on the result on screen.
    Run,
    Cancel,
    /// Progress of job `job` (also sent once when it starts).
    Progress {
        job: u32,
        done: u32,
        total: u32,
    },
    Finished {
        job: u32,
        output: Rc<McOutput>,
    },
    Failed {
        job: u32,
        message: String,
    },
}

/// The Monte Carlo controls and the job's status.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub runs_text: String,
    /// The seed as typed; a valid one is the scenario's `run.seed`.
    pub seed_text: String,
    pub status: Status,
    /// The number the next job gets.
    next_job: u32,
}

impl Model {
    /// The controls for a scenario whose seed is `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Model {
        Model {
            runs_text: "1000".to_owned(),
            seed_text: seed.to_string(),
            status: Status::Idle,
            next_job: 1,
        }
    }

    /// The runs and seed to start with, or the problems that stop a start.
    pub fn parsed(&self) -> Result<(u32, u64), Vec<InputProblem>> {
        let runs = format::parse_number(&self.runs_text)
            .filter(|r| r.fract() == 0.0 && (10.0..=10_000.0).contains(r))
            .map(|r| r as u32);
        let seed = parse_seed(&self.seed_text);
        match (runs, seed) {
            (Some(r), Some(s)) => Ok((r, s)),
            (r, s) => Err([
                r.is_none().then_some(InputProblem::Runs),
                s.is_none().then_some(InputProblem::Seed),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }

    /// Shows the seed of a scenario that was opened in place of the last (a file, a link, a preset).
    pub fn show_seed(&mut self, seed: u64) {
        if parse_seed(&self.seed_text) != Some(seed) {
            self.seed_text = seed.to_string();
        }
    }

    /// Applies one action; a valid seed is written into the workspace's scenario.
    pub fn update(&mut self, action: Action, ws: &mut workspace::Model) -> Vec<Effect> {
        match action {
            Action::EditRuns(text) => self.runs_text = text,
            Action::EditSeed(text) => {
                if let Some(seed) = parse_seed(&text) {
                    ws.set_seed(seed);
                }
                self.seed_text = text;
            }
            Action::Run => return self.run(ws),
            Action::Cancel => {
                if let Status::Running { done, total, .. } = self.status {
                    self.status = Status::Cancelled { done, total };
                }
                return vec![Effect::CancelMonteCarlo];
            }
            Action::Progress { job, done, total } => {
                if let Status::Running {
                    job: running,
                    revision,
                    seed,
                    ..
                } = self.status
                {
                    if running == job {
                        self.status = Status::Running {
                            job,
                            revision,
                            seed,
                            done,
                            total,
                        };
                    }
                }
            }
            Action::Finished { job, output } => {
                if let Status::Running {
                    job: running,
                    revision,
                    seed,
                    ..
                } = self.status
                {
                    if running == job {
                        self.status = Status::Done {
                            output,
                            revision,
                            seed,
                        };
                    }
                }
            }
            Action::Failed { job, message } => {
                if matches!(self.status, Status::Running { job: running, .. } if running == job) {
                    self.status = Status::Failed(message);
                }
            }
        }
        Vec::new()
    }

    fn run(&mut self, ws: &workspace::Model) -> Vec<Effect> {
        let (Ok((runs, seed)), Some(result), true) = (self.parsed(), &ws.result, ws.can_keep())
        else {
            return Vec::new();
        };
        if matches!(self.status, Status::Running { .. }) {
            return Vec::new();
        }
        let id = self.next_job;
        self.next_job = self.next_job.wrapping_add(1);
        self.status = Status::Running {
            job: id,
            revision: ws.revision,
            seed,
            done: 0,
            total: runs,
        };
        vec![Effect::StartMonteCarlo(Box::new(McJob {
            id,
            revision: ws.revision,
            params: result.params.clone(),
            runs,
            seed,
        }))]
    }

    /// The Monte Carlo result, if one finished for the result of `revision` (the one shown).
    #[must_use]
    pub fn current(&self, revision: u64) -> Option<&Rc<McOutput>> {
        match &self.status {
            Status::Done {
                output,
                revision: of,
                ..
            } if *of == revision => Some(output),
            _ => None,
        }
    }

    /// A result that finished for an earlier version of the scenario (shown marked out of date).
    #[must_use]
    pub fn earlier(&self, revision: u64) -> Option<&Rc<McOutput>> {
        match &self.status {
            Status::Done {
                output,
                revision: of,
                ..
            } if *of != revision => Some(output),
            _ => None,
        }
    }
}

fn parse_seed(text: &str) -> Option<u64> {
    text.trim().parse::<u64>().ok()
}
