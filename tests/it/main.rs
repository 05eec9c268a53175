//! The one native integration-test binary; each module is one concern.

mod purity;

mod backtest;
mod book;
mod calibrate;
mod charts;
mod classroom;
mod cli;
mod docs;
mod engine_closed_form;
mod engine_fault;
mod engine_invariants;
mod engine_montecarlo;
mod engine_plan;
mod engine_spec;
mod engine_support;
mod engine_track;
mod engine_trainer;
mod engine_validation;
mod first_paint;
mod keep_and_share;
mod scenario_file;
mod styles;
