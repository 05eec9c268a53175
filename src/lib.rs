//! Cadence: a lending team's portfolio, pipeline and marketing-cadence simulator.
//!
//! The crate is one package with a pure simulation core and thin shells around it:
//! `engine` (the model of `MODEL.md`, no I/O), `scenario` (the versioned JSON file format, the only
//! serialization boundary), `ui` (the Yew page: state, view models, components, charts), `services`
//! (browser storage, files and workers) and `i18n` (every user-visible string). See ARCHITECTURE.md.

pub use cadence_engine as engine;
pub mod i18n;
pub mod scenario;
pub mod services;
pub mod ui;
