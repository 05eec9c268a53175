//! Hours per account manager by activity, stacked (portfolio care, renewals, investigations,
//! prospecting, slack), against the hours available that week.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    draw_line, fill_between, finish, stack, DrawResult, Extent, LegendEntry, LineStyle, Plan,
    Swatch, YTicks, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Series};

/// What the hours chart shows, in hours per AM per week.
#[derive(Clone, Debug, PartialEq)]
pub struct HoursData {
    pub frame: ChartFrame,
    pub care: Series,
    pub renewals: Series,
    pub investigations: Series,
    pub prospecting: Series,
    pub slack: Series,
    /// Available hours (festivals and absences lower it), drawn as a line over the stack.
    pub available: Series,
}

/// Stacked areas are slightly translucent so the grid and shaded weeks show through.
const AREA_ALPHA: f64 = 0.85;

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &HoursData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let activities = [
        &data.care,
        &data.renewals,
        &data.investigations,
        &data.prospecting,
        &data.slack,
    ];
    let available_style = LineStyle::new(theme.ink.to_rgba(), 2, SOLID);

    let mut legend: Vec<LegendEntry<'_>> = activities
        .iter()
        .zip(theme.activities)
        .map(|(series, color)| LegendEntry {
            label: &series.label,
            swatch: Swatch::Area(color.mix(AREA_ALPHA)),
        })
        .collect();
    legend.push(LegendEntry {
        label: &data.available.label,
        swatch: Swatch::Line(available_style),
    });

    let layers: Vec<&[f64]> = activities.iter().map(|s| s.values.as_slice()).collect();
    let tops = stack(&layers, horizon);
    let mut extent = Extent::new();
    if let Some(total) = tops.last() {
        extent.add(total, horizon);
    }
    extent.add(&data.available.values, horizon);

    let plan = Plan::new(area, &data.frame, legend, theme);
    let (min, max) = extent.or_zero();
    let plot = plan.plot(YTicks::nice(min, max, plan.y_tick_target()), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    let mut lower: Option<&[f64]> = None;
    for (top, color) in tops.iter().zip(theme.activities) {
        fill_between(area, &plot, lower, top, color.mix(AREA_ALPHA))?;
        lower = Some(top);
    }
    draw_line(area, &plot, &data.available.values, available_style)?;
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &HoursData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}
