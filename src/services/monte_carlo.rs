//! Monte Carlo off the main thread: a web worker that runs chunks of runs, and the page-side pool that
//! hands chunks to as many workers as the machine has cores, reports progress and can cancel.
//!
//! A run depends only on (seed, run index), so the pool can split the runs any way it likes and the
//! merged result is identical to a single-threaded run. The worker protocol below is the crate's
//! second serialization boundary: it is internal (never stored or downloaded) and carries the
//! scenario as the versioned scenario JSON, so there is one definition of what a scenario is.
//!
//! The same workers compute the variance-based importance of the levers (issue 21): a second job
//! kind, whose rows of the Sobol design depend only on (seed, row index) and whose narrowed twins
//! ("measure this next") depend only on the rows, so they too split any way and merge by index.

use serde::{Deserialize, Serialize};

use crate::engine::montecarlo::{McOptions, McPlan};
use crate::engine::sensitivity::Outcome;
use crate::engine::sobol::LeverModel;
use crate::engine::{validate, Params};
use crate::scenario::wire::{NarrowRowWire, PipelineWire, RunResultWire, SobolRowWire};

#[cfg(feature = "web")]
pub use browser::{worker_count, McEvent, McPool, McWorker};

/// Runs in one message: small enough that progress moves smoothly and a cancel takes effect quickly.
pub const CHUNK_RUNS: u64 = 20;

/// Rows of a Sobol design in one message (each row is 18 model evaluations, ≈ 10 ms).
pub const SOBOL_CHUNK_ROWS: u64 = 8;

/// Narrowed pairs in one message (two evaluations each).
pub const SOBOL_CHUNK_PAIRS: usize = 40;

/// An importance job as a worker holds it.
#[derive(Debug, Clone)]
pub struct SobolSetup {
    pub params: Params,
    pub outcome: Outcome,
    pub spread: f64,
    pub seed: u64,
}

impl SobolSetup {
    /// Reads the job the page sent (the scenario as scenario-file JSON).
    ///
    /// # Errors
    /// In words, when the scenario or the outcome cannot be read (the page validated both).
    pub fn read(
        scenario_json: &str,
        outcome: &str,
        spread: f64,
        seed: u64,
    ) -> Result<Self, String> {
        let params = crate::scenario::parse(scenario_json)
            .map_err(|errors| format!("{} scenario errors", errors.len()))?;
        let outcome = Outcome::from_id(outcome).ok_or_else(|| format!("no outcome {outcome}"))?;
        Ok(SobolSetup {
            params,
            outcome,
            spread,
            seed,
        })
    }

    fn model(&self) -> LeverModel<'_> {
        LeverModel {
            params: &self.params,
            outcome: self.outcome,
            spread: self.spread,
        }
    }

    /// Rows `start..end` of the design, for the wire.
    #[must_use]
    pub fn rows(&self, start: u64, end: u64) -> Vec<SobolRowWire> {
        self.model()
            .rows(self.seed, start..end)
            .iter()
            .map(SobolRowWire::from)
            .collect()
    }

    /// The pairs' narrowed twins for lever `input`, for the wire.
    #[must_use]
    pub fn narrow(&self, input: usize, pairs: &[(u64, u32)]) -> Vec<NarrowRowWire> {
        self.model()
            .narrow(self.seed, pairs, input)
            .iter()
            .map(NarrowRowWire::from)
            .collect()
    }
}

/// What the page asks a worker to do.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum McRequest {
    /// Prepare job `job`: the scenario (as scenario-file JSON) and the run options.
    Prepare {
        job: u32,
        scenario_json: String,
        /// A custom book's pipeline, which the scenario JSON does not carry.
        pipeline: Option<PipelineWire>,
        runs: u32,
        seed: u64,
        kept_runs: u32,
    },
    /// Run `start..end` of job `job`.
    Chunk { job: u32, start: u64, end: u64 },
    /// Prepare importance job `job` (issue 21): the scenario, the outcome's id, the levers'
    /// spread and the design's seed.
    PrepareSobol {
        job: u32,
        scenario_json: String,
        outcome: String,
        spread: f64,
        seed: u64,
    },
    /// Evaluate rows `start..end` of importance job `job`'s design.
    SobolRows { job: u32, start: u64, end: u64 },
    /// Evaluate the narrowed twins of these kept pairs `(row, draw)` for lever `input`.
    SobolNarrow {
        job: u32,
        input: u32,
        pairs: Vec<(u64, u32)>,
    },
}

/// A worker's answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum McResponse {
    Runs(McChunkDone),
    Sobol(SobolChunkDone),
}

/// A worker's answer to a chunk of an importance job.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SobolChunkDone {
    pub job: u32,
    /// Rows asked for (a row refused at every draw is missing from `rows`).
    pub asked: u64,
    pub rows: Vec<SobolRowWire>,
    pub narrow: Vec<NarrowRowWire>,
    pub error: Option<String>,
}

/// A worker's answer to a chunk.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct McChunkDone {
    pub job: u32,
    pub runs: Vec<RunResultWire>,
    /// Set when the worker could not prepare the job (it never should: the page validated it).
    pub error: Option<String>,
}

/// The options the page and its workers both build the plan from.
#[must_use]
pub fn options(runs: u32, seed: u64, kept_runs: u32) -> McOptions {
    McOptions {
        runs,
        seed,
        kept_runs,
        noise_floor: true,
    }
}

/// The plan a worker prepares from the page's message: the scenario JSON with the pipeline
/// beside it put back.
///
/// # Errors
/// In words, when the scenario cannot be read or does not validate.
pub fn prepared(
    scenario_json: &str,
    pipeline: Option<PipelineWire>,
    runs: u32,
    seed: u64,
    kept_runs: u32,
) -> Result<McPlan, String> {
    let mut params = crate::scenario::parse(scenario_json)
        .map_err(|errors| format!("{} scenario errors", errors.len()))?;
    if let Some(pipeline) = pipeline {
        pipeline.restore(&mut params);
    }
    plan(&params, runs, seed, kept_runs)
}

/// Builds the plan a job runs; the same function on both sides of the worker boundary.
pub fn plan(params: &Params, runs: u32, seed: u64, kept_runs: u32) -> Result<McPlan, String> {
    let valid = validate(params).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok(McPlan::new(&valid, options(runs, seed, kept_runs)))
}

/// The worker and the page-side pool: browser only.
#[cfg(feature = "web")]
mod browser {
    use std::cell::RefCell;
    use std::rc::{Rc, Weak};

    use gloo::timers::callback::Timeout;
    use gloo::worker::{HandlerId, Spawnable, Worker, WorkerBridge, WorkerScope};

    use super::{
        plan, prepared, McChunkDone, McRequest, McResponse, PipelineWire, SobolChunkDone,
        SobolSetup, CHUNK_RUNS, SOBOL_CHUNK_PAIRS, SOBOL_CHUNK_ROWS,
    };
    use crate::engine::montecarlo::{McMerge, McOutput, McPlan, RunResult};
    use crate::engine::sobol::{self, Evaluations, Importance, Indices, NarrowRow, Row};
    use crate::engine::Params;
    use crate::scenario::wire::RunResultWire;

    /// Never more workers than this, whatever `navigator.hardwareConcurrency` says.
    const MAX_WORKERS: usize = 8;
    /// Chunks each worker holds at once: while it posts one back it already runs the next.
    const CHUNKS_IN_FLIGHT: usize = 2;
    /// The final merge computes bands in slices of about this many milliseconds, yielding to the page
    /// in between, so no main-thread task comes near the 50 ms of a long task.
    const MERGE_SLICE_MS: f64 = 8.0;
    /// (KPI, week) columns per step of a slice, between looks at the clock.
    const MERGE_COLUMNS_PER_STEP: usize = 16;
    /// Progress is reported at most this often: each report re-renders the page, and reporting every
    /// chunk kept the main thread busy for a third of the workers' time.
    const PROGRESS_INTERVAL_MS: f64 = 150.0;

    /// The web worker: keeps the current job's plan and runs the chunks it is sent.
    pub struct McWorker {
        job: Option<(u32, Result<McPlan, String>)>,
        sobol: Option<(u32, Result<SobolSetup, String>)>,
    }

    impl Worker for McWorker {
        type Message = ();
        type Input = McRequest;
        type Output = McResponse;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            McWorker {
                job: None,
                sobol: None,
            }
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

        fn received(&mut self, scope: &WorkerScope<Self>, msg: McRequest, id: HandlerId) {
            match msg {
                McRequest::Prepare {
                    job,
                    scenario_json,
                    pipeline,
                    runs,
                    seed,
                    kept_runs,
                } => {
                    let prepared = prepared(&scenario_json, pipeline, runs, seed, kept_runs);
                    self.job = Some((job, prepared));
                }
                McRequest::Chunk { job, start, end } => {
                    let done = match &self.job {
                        Some((current, Ok(plan))) if *current == job => McChunkDone {
                            job,
                            runs: plan
                                .run_range(start..end)
                                .iter()
                                .map(RunResultWire::from)
                                .collect(),
                            error: None,
                        },
                        Some((current, Err(message))) if *current == job => McChunkDone {
                            job,
                            runs: Vec::new(),
                            error: Some(message.clone()),
                        },
                        _ => McChunkDone {
                            job,
                            runs: Vec::new(),
                            error: Some("job not prepared".to_owned()),
                        },
                    };
                    scope.respond(id, McResponse::Runs(done));
                }
                McRequest::PrepareSobol {
                    job,
                    scenario_json,
                    outcome,
                    spread,
                    seed,
                } => {
                    self.sobol = Some((
                        job,
                        SobolSetup::read(&scenario_json, &outcome, spread, seed),
                    ));
                }
                McRequest::SobolRows { job, start, end } => {
                    let mut done = self.sobol_answer(job, end.saturating_sub(start));
                    if let Some((_, Ok(setup))) = &self.sobol {
                        if done.error.is_none() {
                            done.rows = setup.rows(start, end);
                        }
                    }
                    scope.respond(id, McResponse::Sobol(done));
                }
                McRequest::SobolNarrow { job, input, pairs } => {
                    let mut done = self.sobol_answer(job, pairs.len() as u64);
                    if let Some((_, Ok(setup))) = &self.sobol {
                        if done.error.is_none() {
                            done.narrow = setup.narrow(input as usize, &pairs);
                        }
                    }
                    scope.respond(id, McResponse::Sobol(done));
                }
            }
        }
    }

    impl McWorker {
        /// An empty answer to importance job `job`, with the error when it is not the one prepared.
        fn sobol_answer(&self, job: u32, asked: u64) -> SobolChunkDone {
            let error = match &self.sobol {
                Some((current, Ok(_))) if *current == job => None,
                Some((current, Err(message))) if *current == job => Some(message.clone()),
                _ => Some("job not prepared".to_owned()),
            };
            SobolChunkDone {
                job,
                asked,
                rows: Vec::new(),
                narrow: Vec::new(),
                error,
            }
        }
    }

    /// What the pool tells the page.
    #[derive(Debug, Clone)]
    pub enum McEvent {
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
        /// Evaluations of importance job `job` done, of about `total`.
        SobolProgress {
            job: u32,
            done: u32,
            total: u32,
        },
        SobolFinished {
            job: u32,
            importance: Rc<Importance>,
        },
        SobolFailed {
            job: u32,
            message: String,
        },
    }

    /// The narrowing phase of an importance job: the lever with the largest total index, the kept
    /// pairs to evaluate again with its range narrowed, and the twins back so far.
    struct NarrowPhase {
        input: usize,
        indices: Indices,
        pairs: Vec<(u64, u32)>,
        next: usize,
        twins: Vec<NarrowRow>,
        answered: usize,
    }

    /// An importance job in the pool.
    struct SobolRun {
        job: u32,
        tag: u32,
        setup: SobolSetup,
        n: u64,
        next_row: u64,
        answered: u64,
        rows: Vec<Row>,
        narrow: Option<NarrowPhase>,
        reported_at: f64,
    }

    impl SobolRun {
        /// Takes a worker's answer in: the importance when it was the last, or whether the
        /// narrowing starts (every row is in: the indices, then the largest total index's twins).
        fn take(&mut self, done: SobolChunkDone) -> (Option<Importance>, bool) {
            let finish = |run: &SobolRun, indices: Indices, twins: &[NarrowRow]| {
                Importance::new(
                    run.n as usize,
                    run.setup.seed,
                    run.setup.spread,
                    &run.rows,
                    indices,
                    twins,
                )
            };
            if let Some(phase) = self.narrow.as_mut() {
                phase.answered += done.asked as usize;
                phase
                    .twins
                    .extend(done.narrow.into_iter().map(NarrowRow::from));
                if phase.answered < phase.pairs.len() {
                    return (None, false);
                }
                let indices = phase.indices.clone();
                let twins = std::mem::take(&mut phase.twins);
                return (Some(finish(self, indices, &twins)), false);
            }
            self.answered += done.asked;
            self.rows.extend(done.rows.into_iter().map(Row::from));
            if self.answered < self.n {
                return (None, false);
            }
            let indices = sobol::indices(
                &Evaluations::of_rows(sobol::LeverModel::DIM, &self.rows),
                self.setup.seed,
            );
            let Some(input) = indices.largest_total() else {
                return (Some(finish(self, indices, &[])), false);
            };
            let mut pairs = sobol::kept_pairs(&self.rows);
            pairs.sort_unstable();
            self.narrow = Some(NarrowPhase {
                input,
                indices,
                pairs,
                next: 0,
                twins: Vec::new(),
                answered: 0,
            });
            (None, true)
        }

        /// Evaluations done and (about: the narrowing's share is known once the rows are in) in all.
        fn progress(&self) -> (u32, u32) {
            let per_row = (sobol::LeverModel::DIM + 2) as u64;
            let narrowed = self.narrow.as_ref().map_or(0, |p| p.answered) as u64;
            let done = self.answered * per_row + 2 * narrowed;
            let total = self.n * per_row + 2 * self.n;
            (done.min(total) as u32, total as u32)
        }
    }

    struct PoolState {
        bridges: Vec<WorkerBridge<McWorker>>,
        job: u32,
        /// The page's number for the job running, carried by every event about it.
        tag: u32,
        plan: Option<McPlan>,
        total: u64,
        next_run: u64,
        /// Runs merged as their chunks arrive (each run at its index, so the output is the
        /// single-threaded one whatever order the chunks come back in).
        merge: Option<McMerge>,
        /// When progress was last reported (page clock, ms).
        reported_at: f64,
        /// The importance job running, and the number of the last one started.
        sobol: Option<SobolRun>,
        sobol_job: u32,
        onevent: Rc<dyn Fn(McEvent)>,
    }

    /// The page-side pool of workers. Spawned once and reused: starting a worker costs about 100 ms.
    #[derive(Clone)]
    pub struct McPool {
        state: Rc<RefCell<PoolState>>,
    }

    impl McPool {
        /// Spawns `workers` workers (clamped to 1–8) from the worker's loader (`src/bin/worker_loader.js`,
        /// built under its content hash) beside the page: a real script URL rather than a `blob:`
        /// one, so a strict content security policy can allow it.
        #[must_use]
        pub fn spawn(workers: usize, onevent: Rc<dyn Fn(McEvent)>) -> McPool {
            let state = Rc::new(RefCell::new(PoolState {
                bridges: Vec::new(),
                job: 0,
                tag: 0,
                plan: None,
                total: 0,
                next_run: 0,
                merge: None,
                reported_at: 0.0,
                sobol: None,
                sobol_job: 0,
                onevent,
            }));
            let count = workers.clamp(1, MAX_WORKERS);
            let loader = worker_loader_url();
            let bridges = (0..count)
                .map(|index| {
                    let weak = Rc::downgrade(&state);
                    McWorker::spawner()
                        .callback(move |answer: McResponse| match answer {
                            McResponse::Runs(done) => on_chunk(&weak, index, done),
                            McResponse::Sobol(done) => on_sobol(&weak, index, done),
                        })
                        .spawn_with_loader(&loader)
                })
                .collect();
            state.borrow_mut().bridges = bridges;
            McPool { state }
        }

        /// How many workers the pool runs.
        #[must_use]
        pub fn workers(&self) -> usize {
            self.state.borrow().bridges.len()
        }

        /// Starts job `tag` (the page's number for it, carried by every event), cancelling any
        /// job still running.
        pub fn start(&self, tag: u32, params: &Params, scenario_json: &str, runs: u32, seed: u64) {
            let kept_runs = 5;
            let mut s = self.state.borrow_mut();
            s.job = s.job.wrapping_add(1);
            s.tag = tag;
            s.merge = None;
            s.total = u64::from(runs);
            s.next_run = 0;
            s.reported_at = now_ms();
            match plan(params, runs, seed, kept_runs) {
                Ok(p) => {
                    s.merge = Some(McMerge::new(&p, runs as usize));
                    s.plan = Some(p);
                }
                Err(message) => {
                    s.plan = None;
                    let onevent = Rc::clone(&s.onevent);
                    drop(s);
                    onevent(McEvent::Failed { job: tag, message });
                    return;
                }
            }
            let job = s.job;
            for bridge in &s.bridges {
                bridge.send(McRequest::Prepare {
                    job,
                    scenario_json: scenario_json.to_owned(),
                    pipeline: PipelineWire::of(params),
                    runs,
                    seed,
                    kept_runs,
                });
            }
            for _ in 0..CHUNKS_IN_FLIGHT {
                for index in 0..s.bridges.len() {
                    send_next(&mut s, index);
                }
            }
            let onevent = Rc::clone(&s.onevent);
            drop(s);
            onevent(McEvent::Progress {
                job: tag,
                done: 0,
                total: runs,
            });
        }

        /// Starts importance job `tag` (issue 21): N rows of the levers' Sobol design of `setup`
        /// (the scenario also as scenario JSON, for the workers), cancelling any importance job
        /// still running.
        pub fn start_sobol(&self, tag: u32, setup: SobolSetup, scenario_json: &str, n: u32) {
            let mut s = self.state.borrow_mut();
            s.sobol_job = s.sobol_job.wrapping_add(1);
            let job = s.sobol_job;
            let (outcome, spread, seed) = (setup.outcome, setup.spread, setup.seed);
            let run = SobolRun {
                job,
                tag,
                setup,
                n: u64::from(n),
                next_row: 0,
                answered: 0,
                rows: Vec::with_capacity(n as usize),
                narrow: None,
                reported_at: now_ms(),
            };
            let (done, total) = run.progress();
            s.sobol = Some(run);
            for bridge in &s.bridges {
                bridge.send(McRequest::PrepareSobol {
                    job,
                    scenario_json: scenario_json.to_owned(),
                    outcome: outcome.id().to_owned(),
                    spread,
                    seed,
                });
            }
            for _ in 0..CHUNKS_IN_FLIGHT {
                for index in 0..s.bridges.len() {
                    send_next_sobol(&mut s, index);
                }
            }
            let onevent = Rc::clone(&s.onevent);
            drop(s);
            onevent(McEvent::SobolProgress {
                job: tag,
                done,
                total,
            });
        }

        /// Stops the importance job: chunks already sent finish in the workers, their answers dropped.
        pub fn cancel_sobol(&self) {
            let mut s = self.state.borrow_mut();
            s.sobol_job = s.sobol_job.wrapping_add(1);
            s.sobol = None;
        }

        /// Stops the current job: chunks already sent finish in the workers but their results are dropped.
        pub fn cancel(&self) {
            let mut s = self.state.borrow_mut();
            s.job = s.job.wrapping_add(1);
            s.plan = None;
            s.merge = None;
            s.next_run = s.total;
        }
    }

    fn send_next(s: &mut PoolState, index: usize) {
        if s.next_run >= s.total || s.plan.is_none() {
            return;
        }
        let start = s.next_run;
        let end = (start + CHUNK_RUNS).min(s.total);
        s.next_run = end;
        if let Some(bridge) = s.bridges.get(index) {
            bridge.send(McRequest::Chunk {
                job: s.job,
                start,
                end,
            });
        }
    }

    fn on_chunk(state: &Weak<RefCell<PoolState>>, index: usize, done: McChunkDone) {
        let Some(strong) = state.upgrade() else {
            return;
        };
        let mut s = strong.borrow_mut();
        if done.job != s.job || s.plan.is_none() {
            return;
        }
        if let Some(message) = done.error {
            s.plan = None;
            s.merge = None;
            let onevent = Rc::clone(&s.onevent);
            let tag = s.tag;
            drop(s);
            onevent(McEvent::Failed { job: tag, message });
            return;
        }
        let PoolState { plan, merge, .. } = &mut *s;
        if let (Some(plan), Some(merge)) = (plan.as_ref(), merge.as_mut()) {
            for wire in done.runs {
                let run = RunResult::from(wire);
                merge.add(plan, run.run as usize, run);
            }
        }
        send_next(&mut s, index);
        let added = s.merge.as_ref().map_or(0, McMerge::added) as u64;
        let complete = added == s.total;
        let now = now_ms();
        if !complete && now - s.reported_at < PROGRESS_INTERVAL_MS {
            return;
        }
        s.reported_at = now;
        let progress = McEvent::Progress {
            job: s.tag,
            done: added as u32,
            total: s.total as u32,
        };
        let job = s.job;
        let onevent = Rc::clone(&s.onevent);
        drop(s);
        onevent(progress);
        if complete {
            finish_slice(state.clone(), job);
        }
    }

    /// Sends worker `index` the next chunk of the importance job: rows, then narrowed pairs.
    fn send_next_sobol(s: &mut PoolState, index: usize) {
        let Some(run) = s.sobol.as_mut() else {
            return;
        };
        let request = if let Some(phase) = run.narrow.as_mut() {
            if phase.next >= phase.pairs.len() {
                return;
            }
            let end = (phase.next + SOBOL_CHUNK_PAIRS).min(phase.pairs.len());
            let pairs = phase.pairs[phase.next..end].to_vec();
            phase.next = end;
            McRequest::SobolNarrow {
                job: run.job,
                input: phase.input as u32,
                pairs,
            }
        } else {
            if run.next_row >= run.n {
                return;
            }
            let start = run.next_row;
            let end = (start + SOBOL_CHUNK_ROWS).min(run.n);
            run.next_row = end;
            McRequest::SobolRows {
                job: run.job,
                start,
                end,
            }
        };
        if let Some(bridge) = s.bridges.get(index) {
            bridge.send(request);
        }
    }

    fn on_sobol(state: &Weak<RefCell<PoolState>>, index: usize, mut done: SobolChunkDone) {
        let Some(strong) = state.upgrade() else {
            return;
        };
        let mut s = strong.borrow_mut();
        let Some(run) = s.sobol.as_mut().filter(|run| run.job == done.job) else {
            return;
        };
        let tag = run.tag;
        if let Some(message) = done.error.take() {
            s.sobol = None;
            let onevent = Rc::clone(&s.onevent);
            drop(s);
            onevent(McEvent::SobolFailed { job: tag, message });
            return;
        }
        let (finished, narrowing_starts) = run.take(done);
        if let Some(importance) = finished {
            s.sobol = None;
            let onevent = Rc::clone(&s.onevent);
            drop(s);
            onevent(McEvent::SobolFinished {
                job: tag,
                importance: Rc::new(importance),
            });
            return;
        }
        if narrowing_starts {
            for _ in 0..CHUNKS_IN_FLIGHT {
                for worker in 0..s.bridges.len() {
                    send_next_sobol(&mut s, worker);
                }
            }
        } else {
            send_next_sobol(&mut s, index);
        }
        let now = now_ms();
        let Some(run) = s.sobol.as_mut() else {
            return;
        };
        if now - run.reported_at < PROGRESS_INTERVAL_MS {
            return;
        }
        run.reported_at = now;
        let (done, total) = run.progress();
        let onevent = Rc::clone(&s.onevent);
        drop(s);
        onevent(McEvent::SobolProgress {
            job: tag,
            done,
            total,
        });
    }

    /// Computes the bands for one slice of time; schedules the next slice, or hands out the output.
    fn finish_slice(state: Weak<RefCell<PoolState>>, job: u32) {
        let Some(strong) = state.upgrade() else {
            return;
        };
        let mut s = strong.borrow_mut();
        if s.job != job {
            return;
        }
        let Some(merge) = s.merge.as_mut() else {
            return;
        };
        let started = now_ms();
        let complete = loop {
            if merge.bands_step(MERGE_COLUMNS_PER_STEP) {
                break true;
            }
            if now_ms() - started > MERGE_SLICE_MS {
                break false;
            }
        };
        if !complete {
            drop(s);
            Timeout::new(0, move || finish_slice(state, job)).forget();
            return;
        }
        let output = match (s.merge.take(), s.plan.take()) {
            (Some(merge), Some(plan)) => merge.finish(&plan),
            _ => return,
        };
        let onevent = Rc::clone(&s.onevent);
        let tag = s.tag;
        drop(s);
        onevent(McEvent::Finished {
            job: tag,
            output: Rc::new(output),
        });
    }

    /// Milliseconds from the page's clock (always 0 where there is none: the merge then ends in one task).
    fn now_ms() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    /// The worker's loader by the name this release gave it (`src/bin/app_loader.js` sets
    /// `window.cadenceWorkerLoader`), so a page never starts another release's worker (issue 22).
    fn worker_loader_url() -> String {
        web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"cadenceWorkerLoader".into()).ok())
            .and_then(|url| url.as_string())
            .unwrap_or_else(|| "./worker_loader.js".to_owned())
    }

    /// How many workers to start: one per logical core the browser reports.
    #[must_use]
    pub fn worker_count() -> usize {
        web_sys::window()
            .map(|w| w.navigator().hardware_concurrency())
            .filter(|n| n.is_finite() && *n >= 1.0)
            .map_or(1, |n| n as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::montecarlo::RunResult;

    #[test]
    fn runs_convert_for_the_wire_and_chunking_does_not_change_the_result() {
        let params = Params::default();
        let plan = plan(&params, 30, 7, 2).expect("valid");
        let whole = plan.run_all();
        let mut chunked: Vec<RunResult> = Vec::new();
        for start in [20_u64, 0] {
            // Later chunks first: the merge must not depend on the order chunks come back in.
            let wire: Vec<RunResultWire> = plan
                .run_range(start..(start + CHUNK_RUNS).min(30))
                .iter()
                .map(RunResultWire::from)
                .collect();
            chunked.extend(wire.into_iter().map(RunResult::from));
        }
        assert_eq!(plan.merge(chunked), whole);
    }
}
