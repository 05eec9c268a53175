//! A view's own Monte Carlo band (the Actuals view's path, the back-test's forecast): a job of
//! the fan's worker pool for one scenario (its key), numbered with [`BAND_JOB`] and the owner's
//! bit, so the page routes the pool's answers to the view that asked ([`route`]), and an answer
//! about an older job — or a band of another scenario than the one on screen — is never shown;
//! and the chart of a figure against such a band ([`BandChart`]).

use std::rc::Rc;

use crate::engine::montecarlo::McOutput;
use crate::engine::params::Params;
use crate::ui::charts::tracking::TrackingData;
use crate::ui::effect::{Effect, McJob};
use crate::ui::montecarlo;

/// Band jobs are numbered with this bit set, so the page tells their answers from the fan's.
pub const BAND_JOB: u32 = 1 << 31;
/// With [`BAND_JOB`], the back-test's band jobs also carry this bit.
const BACKTEST_BIT: u32 = 1 << 30;
/// The job counter's bits.
const COUNTER: u32 = BACKTEST_BIT - 1;

/// Which view a band job belongs to (the Actuals view's by default, as its model was first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Owner {
    /// The Actuals view's path.
    #[default]
    Track,
    /// The back-test in "Your data".
    Backtest,
}

impl Owner {
    fn bits(self) -> u32 {
        match self {
            Owner::Track => BAND_JOB,
            Owner::Backtest => BAND_JOB | BACKTEST_BIT,
        }
    }
}

/// The pool's answers about a band job.
#[derive(Clone, Debug, PartialEq)]
pub enum BandEvent {
    Progress { job: u32, done: u32, total: u32 },
    Finished { job: u32, output: Rc<McOutput> },
    Failed { job: u32, message: String },
}

/// One figure's chart against its band (the Actuals view's, the back-test's), with how many of
/// its weeks fall inside the band.
#[derive(Debug, Clone, PartialEq)]
pub struct BandChart {
    /// The figure's stable id (`active_loans`, `new_loans`, …).
    pub id: &'static str,
    pub data: TrackingData,
    /// "New loans: 5 of 6 reported weeks inside the band.", once the band has run.
    pub inside: Option<String>,
    /// Weeks inside the band, and weeks with a value drawn.
    pub inside_count: Option<(usize, usize)>,
}

/// A pool answer about a band job, with the view it belongs to; `None` for the fan's jobs.
#[must_use]
pub fn route(action: &montecarlo::Action) -> Option<(Owner, BandEvent)> {
    let (job, event) = match action {
        montecarlo::Action::Progress { job, done, total } => (
            *job,
            BandEvent::Progress {
                job: *job,
                done: *done,
                total: *total,
            },
        ),
        montecarlo::Action::Finished { job, output } => (
            *job,
            BandEvent::Finished {
                job: *job,
                output: Rc::clone(output),
            },
        ),
        montecarlo::Action::Failed { job, message } => (
            *job,
            BandEvent::Failed {
                job: *job,
                message: message.clone(),
            },
        ),
        _ => return None,
    };
    owner_of(job).map(|owner| (owner, event))
}

/// The view a job number belongs to; `None` for the fan's.
#[must_use]
pub fn owner_of(job: u32) -> Option<Owner> {
    if job & BAND_JOB == 0 {
        None
    } else if job & BACKTEST_BIT == 0 {
        Some(Owner::Track)
    } else {
        Some(Owner::Backtest)
    }
}

/// The band of one scenario (`key`): not asked, running, done or failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Band {
    #[default]
    None,
    Running {
        job: u32,
        key: Rc<Params>,
        done: u32,
        total: u32,
    },
    Done {
        key: Rc<Params>,
        output: Rc<McOutput>,
    },
    Failed {
        key: Rc<Params>,
        message: String,
    },
}

/// One view's band and its job numbers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bands {
    owner: Owner,
    pub band: Band,
    /// The counter of the next job.
    next_job: u32,
}

impl Bands {
    #[must_use]
    pub fn new(owner: Owner) -> Bands {
        Bands {
            owner,
            band: Band::None,
            next_job: 0,
        }
    }

    /// The output when the band is done for `key`.
    #[must_use]
    pub fn output_for(&self, key: &Params) -> Option<&Rc<McOutput>> {
        match &self.band {
            Band::Done { key: of, output } if **of == *key => Some(output),
            _ => None,
        }
    }

    /// Runs done and asked for while the band of `key` is running.
    #[must_use]
    pub fn progress_for(&self, key: &Params) -> Option<(u32, u32)> {
        match &self.band {
            Band::Running {
                key: of,
                done,
                total,
                ..
            } if **of == *key => Some((*done, *total)),
            _ => None,
        }
    }

    /// Why the band of `key` could not run.
    #[must_use]
    pub fn failure_for(&self, key: &Params) -> Option<&str> {
        match &self.band {
            Band::Failed { key: of, message } if **of == *key => Some(message),
            _ => None,
        }
    }

    /// Starts the band of `key` (`runs` runs from `seed`) unless it is there, running or failed
    /// already: the effect that asks the pool for it.
    pub fn follow(&mut self, key: &Params, runs: u32, seed: u64) -> Vec<Effect> {
        let known = match &self.band {
            Band::None => false,
            Band::Running { key: of, .. }
            | Band::Done { key: of, .. }
            | Band::Failed { key: of, .. } => **of == *key,
        };
        if known {
            return Vec::new();
        }
        let job = self.owner.bits() | self.next_job;
        self.next_job = (self.next_job + 1) & COUNTER;
        let key = Rc::new(key.clone());
        self.band = Band::Running {
            job,
            key: Rc::clone(&key),
            done: 0,
            total: runs,
        };
        vec![Effect::StartMonteCarlo(Box::new(McJob {
            id: job,
            revision: 0,
            params: (*key).clone(),
            runs,
            seed,
        }))]
    }

    /// Another job took the pool: a band running is cancelled, and starts again later.
    pub fn superseded(&mut self) {
        if matches!(self.band, Band::Running { .. }) {
            self.band = Band::None;
        }
    }

    /// An answer from the pool; answers about an older job are dropped.
    pub fn event(&mut self, event: BandEvent) {
        let Band::Running {
            job: running, key, ..
        } = &self.band
        else {
            return;
        };
        let (running, key) = (*running, Rc::clone(key));
        self.band = match event {
            BandEvent::Progress { job, done, total } if job == running => Band::Running {
                job,
                key,
                done,
                total,
            },
            BandEvent::Finished { job, output } if job == running => Band::Done { key, output },
            BandEvent::Failed { job, message } if job == running => Band::Failed { key, message },
            _ => return,
        };
    }
}
