//! Components several slices share: the KPI grid, the charts panel and the file picker.

pub mod band_charts;
pub mod charts_panel;
pub mod file_picker;
pub mod kpi_panel;
