//! Monte Carlo on demand: runs and seed, the job's progress and its result.

#[cfg(feature = "web")]
pub mod components;
