//! The Yew page, as feature slices around the pure core.
//!
//! Each slice (`start`, `workspace`, `compare`, `montecarlo`, `library`, `trainer`, `plan`) holds its model,
//! its verb-named actions and their `update`, its view models (numbers formatted, tested natively) and,
//! with the `web` feature, its components. `shell` is the root component that carries out effects;
//! `widgets` are components several slices share; `charts`, `chart_data` and `format` are shared view
//! code. Every string comes from `crate::i18n`.

pub mod band;
pub mod book;
pub mod chart_data;
pub mod charts;
pub mod classroom;
pub mod compare;
pub mod effect;
pub mod first_paint;
pub mod format;
pub mod library;
pub mod montecarlo;
pub mod page;
pub mod persist;
pub mod plan;
pub mod sensitivity;
pub mod start;
pub mod track;
pub mod trainer;
pub mod views;
pub mod workspace;

#[cfg(feature = "web")]
pub mod shell;
#[cfg(feature = "web")]
pub mod widgets;
