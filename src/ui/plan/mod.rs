//! The Cadence plan: a goal, the plan that meets it, its week table, chart and files.

pub mod view;

#[cfg(feature = "web")]
pub mod components;
