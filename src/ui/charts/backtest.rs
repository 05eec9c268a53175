//! The back-test (issue 17): one figure's forecast from the start date — the expected line, its
//! Monte Carlo P10–P90 band — against what happened, a dot per week; a week outside the band is a
//! ring, so "N of M weeks inside the band" can be checked by eye. Drawn by the Actuals view's
//! chart (`tracking`) with its dots marked.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::DrawResult;
use super::tracking::{draw_with_dots, TrackingData};
use super::{render_with, ChartError, ChartSize, ChartTheme};

/// Whether week `t`'s `value` lies outside the band (never, before the band has run).
#[must_use]
pub fn outside(data: &TrackingData, t: usize, value: f64) -> bool {
    data.fan
        .as_ref()
        .is_some_and(|fan| match (fan.p10.get(t), fan.p90.get(t)) {
            (Some(lo), Some(hi)) => value < *lo || value > *hi,
            _ => false,
        })
}

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TrackingData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    draw_with_dots(area, data, theme, &|t, v| outside(data, t, v))
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &TrackingData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}
