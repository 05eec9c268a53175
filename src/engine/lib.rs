//! The simulation engine: the model of `MODEL.md`, pure Rust.
//!
//! Architecture invariant: nothing under `src/engine/` imports a browser crate or the serialization
//! crate, reads a clock, or does I/O. The seed and the scenario are inputs.
//! `scripts/check-engine-purity.sh` enforces this in the test command.
//!
//! The flow is: [`Params`] (what the user edits) → [`validate`] → [`ValidParams`] (typed, with the
//! closed-form steady state and warnings) → [`run_ev`] or the Monte Carlo functions of [`montecarlo`].
//! Both modes share one weekly [`step`](step::step) through the [`Sampler`] abstraction.

pub mod actuals;
pub mod calendar;
pub mod closed_form;
pub mod columns;
pub mod fault;
pub mod goal;
pub mod interventions;
pub mod kpi;
pub mod ledger;
pub mod linalg;
pub mod model;
pub mod montecarlo;
pub mod narration;
pub mod params;
pub mod plan;
pub mod policy;
pub mod presets;
pub mod sampler;
pub mod sensitivity;
pub mod simulate;
pub mod sobol;
pub mod spec;
pub mod state;
pub mod stats;
pub mod step;
pub mod totals;
pub mod validate;
pub mod warning;

pub use closed_form::{SteadyState, Summary, UnitEconomics};
pub use fault::FaultMetrics;
pub use kpi::{Kpi, WeekKpis};
pub use ledger::Ledgers;
pub use montecarlo::{Band, McFault, McOptions, McOutput, McPlan, RunResult};
pub use params::{ChannelId, Params, Tier, CHANNELS, TIERS};
pub use presets::Preset;
pub use sampler::{ChaCha, Expect, Sampler};
pub use simulate::{run_ev, EvOutput, FaultReport, Trace};
pub use validate::{
    validate, FaultWindow, ParamError, ParamValue, Rule, ValidParams, Warning, WarningCode,
};
