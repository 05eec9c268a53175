//! Thin Yew components: each takes props and callbacks (`on<verb>`) and renders; no arithmetic.

pub mod charts_panel;
pub mod compare;
pub mod decisions;
pub mod footer;
pub mod gallery;
pub mod header;
pub mod inputs;
pub mod kpi_panel;
pub mod library_panel;
pub mod mc_panel;
pub mod notices;
pub mod number_field;
pub mod plan_panel;
pub mod stage;
pub mod views_nav;
