//! Components several slices share: the KPI grid and the charts panel.

pub mod charts_panel;
pub mod kpi_panel;
