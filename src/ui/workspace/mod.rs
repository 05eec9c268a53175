//! The workspace: the scenario being edited (the draft as typed, its validation and its
//! expected-value run), the inputs panel and the KPI panel.

pub mod csv;
pub mod fields;
pub mod view;

#[cfg(feature = "web")]
pub mod components;
