//! The Monte Carlo slice: runs and seed as typed, the job running in the workers and its result.
//!
//! A job carries the revision of the result it started from, so an answer that arrives after an
//! edit belongs to the earlier scenario: it is shown as out of date, never as the current one's
//! (issue 13). The seed has one home, the scenario's `run.seed`: typing a valid seed sets it, and
//! that is what runs, shows and is saved.
//!
//! With *live* on (the default), the fan follows the scenario: a short pause after every new
//! result, a job of [`live_runs`] runs starts in place of any other (sized to arrive in about a
//! third of a second), and *Run* still runs the full count typed.

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
    /// Follow the fan live (`true`) or only on request.
    SetLive(bool),
    /// The scenario has a new result: with live on, run again once typing pauses.
    Follow,
    /// Typing paused after follow `ticket`: start the live job if no newer result came.
    LiveSettle(u64),
}

/// The pause after an edit before the live fan runs again, so typing a number runs once.
pub const LIVE_SETTLE_MS: u32 = 300;

/// Runs of the live fan for a scenario: about 250 runs for the default team over two years (well
/// under a third of a second through two workers), fewer as the team or the horizon grows — a run
/// costs in proportion to AMs × weeks — and never fewer than 50 nor more than `typed`.
#[must_use]
pub fn live_runs(ams: f64, weeks: f64, typed: u32) -> u32 {
    let size = (ams.max(1.0) * weeks.max(1.0)) / (6.0 * 104.0);
    let runs = (250.0 / size.max(1e-9) / 10.0).round() * 10.0;
    (runs.clamp(50.0, 250.0) as u32).min(typed.max(10))
}

/// The Monte Carlo controls and the job's status.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub runs_text: String,
    /// The seed as typed; a valid one is the scenario's `run.seed`.
    pub seed_text: String,
    pub status: Status,
    /// Whether the fan follows every new result.
    pub live: bool,
    /// The last follow; a settle of an older one is dropped.
    live_ticket: u64,
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
            live: true,
            live_ticket: 0,
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
            Action::SetLive(live) => {
                self.live = live;
                if live {
                    return self.follow();
                }
            }
            Action::Follow => return self.follow(),
            Action::LiveSettle(ticket) => {
                if self.live && ticket == self.live_ticket {
                    return self.run_live(ws);
                }
            }
        }
        Vec::new()
    }

    /// A new result: with live on, ask to run once typing pauses.
    fn follow(&mut self) -> Vec<Effect> {
        if !self.live {
            return Vec::new();
        }
        self.live_ticket += 1;
        vec![Effect::SettleMonteCarlo {
            ticket: self.live_ticket,
            ms: LIVE_SETTLE_MS,
        }]
    }

    /// The live job: the result on screen, at [`live_runs`], in place of any job running.
    fn run_live(&mut self, ws: &workspace::Model) -> Vec<Effect> {
        let (Ok((typed, seed)), Some(result), true) = (self.parsed(), &ws.result, ws.can_keep())
        else {
            return Vec::new();
        };
        if self.current(ws.revision).is_some()
            || matches!(self.status, Status::Running { revision, .. } if revision == ws.revision)
        {
            return Vec::new();
        }
        let team = &result.params.team;
        let runs = live_runs(team.ams, team.horizon_weeks, typed);
        self.start(ws.revision, result.params.clone(), runs, seed)
    }

    fn run(&mut self, ws: &workspace::Model) -> Vec<Effect> {
        let (Ok((runs, seed)), Some(result), true) = (self.parsed(), &ws.result, ws.can_keep())
        else {
            return Vec::new();
        };
        // A job for this very result runs already; a live job for it gives way to the full count.
        if matches!(self.status, Status::Running { revision, total, .. } if revision == ws.revision && total >= runs)
        {
            return Vec::new();
        }
        self.start(ws.revision, result.params.clone(), runs, seed)
    }

    /// Starts a job (the pool cancels any other).
    fn start(
        &mut self,
        revision: u64,
        params: crate::engine::Params,
        runs: u32,
        seed: u64,
    ) -> Vec<Effect> {
        let id = self.next_job;
        self.next_job = self.next_job.wrapping_add(1);
        self.status = Status::Running {
            job: id,
            revision,
            seed,
            done: 0,
            total: runs,
        };
        vec![Effect::StartMonteCarlo(Box::new(McJob {
            id,
            revision,
            params,
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

#[cfg(test)]
mod live_tests {
    use super::*;
    use chrono::NaiveDate;

    fn ws() -> workspace::Model {
        workspace::Model::new(NaiveDate::from_ymd_opt(2026, 12, 7).expect("date"))
    }

    fn started(effects: &[Effect]) -> Option<&McJob> {
        effects.iter().find_map(|e| match e {
            Effect::StartMonteCarlo(job) => Some(&**job),
            _ => None,
        })
    }

    #[test]
    fn live_runs_follow_the_scenarios_size_within_bounds() {
        assert_eq!(live_runs(6.0, 104.0, 1000), 250);
        assert_eq!(live_runs(12.0, 104.0, 1000), 130);
        assert_eq!(live_runs(200.0, 156.0, 1000), 50);
        assert_eq!(live_runs(1.0, 13.0, 1000), 250);
        assert_eq!(live_runs(6.0, 104.0, 100), 100, "never more than typed");
        for ams in [1.0, 3.0, 50.0, 200.0] {
            for weeks in [13.0, 52.0, 156.0] {
                let runs = live_runs(ams, weeks, 10_000);
                assert!((50..=250).contains(&runs), "{ams} {weeks} {runs}");
            }
        }
    }

    #[test]
    fn a_new_result_runs_the_live_fan_once_typing_pauses_and_only_the_last_settle_counts() {
        let mut ws = ws();
        let mut mc = Model::new(42);
        let first = mc.update(Action::Follow, &mut ws);
        let second = mc.update(Action::Follow, &mut ws);
        let ticket = |effects: &[Effect]| match effects {
            [Effect::SettleMonteCarlo { ticket, ms }] => {
                assert_eq!(*ms, LIVE_SETTLE_MS);
                *ticket
            }
            other => panic!("{other:?}"),
        };
        let (old, new) = (ticket(&first), ticket(&second));
        assert!(
            mc.update(Action::LiveSettle(old), &mut ws).is_empty(),
            "an older pause is dropped"
        );
        let effects = mc.update(Action::LiveSettle(new), &mut ws);
        let job = started(&effects).expect("a live job");
        assert_eq!((job.runs, job.revision), (250, ws.revision));
        // Its answer is the current result's fan.
        let id = job.id;
        let valid =
            crate::engine::validate(&ws.result.as_ref().expect("result").params).expect("valid");
        let output = Rc::new(
            crate::engine::montecarlo::McPlan::new(
                &valid,
                crate::engine::montecarlo::McOptions {
                    runs: 10,
                    seed: 42,
                    kept_runs: 2,
                    noise_floor: false,
                },
            )
            .run_all(),
        );
        mc.update(Action::Finished { job: id, output }, &mut ws);
        assert!(mc.current(ws.revision).is_some());
        // Settling again for the same result starts nothing; the full count still runs on request.
        let again = mc.update(Action::Follow, &mut ws);
        assert!(mc
            .update(Action::LiveSettle(ticket(&again)), &mut ws)
            .is_empty());
        let full = mc.update(Action::Run, &mut ws);
        assert_eq!(started(&full).map(|j| j.runs), Some(1000));
    }

    #[test]
    fn with_live_off_an_edit_starts_nothing() {
        let mut ws = ws();
        let mut mc = Model::new(42);
        assert!(mc.update(Action::SetLive(false), &mut ws).is_empty());
        assert!(mc.update(Action::Follow, &mut ws).is_empty());
        assert!(
            !matches!(mc.update(Action::SetLive(true), &mut ws).as_slice(), []),
            "turning it on follows at once"
        );
    }
}
