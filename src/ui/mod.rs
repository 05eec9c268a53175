//! The Yew page: state and its reducers, view-model formatting, components and charts.
//!
//! Components stay thin: they read a view model and dispatch verb-named actions; every number is
//! formatted in `view_model`, every string comes from `crate::i18n`.

pub mod app;
pub mod chart_data;
pub mod charts;
pub mod components;
pub mod csv_view;
pub mod fields;
pub mod format;
pub mod keep;
pub mod library;
pub mod library_view;
pub mod narration;
pub mod notice;
pub mod persist;
pub mod plan_view;
pub mod presets_view;
pub mod state;
pub mod trainer;
pub mod trainer_view;
pub mod view_model;
