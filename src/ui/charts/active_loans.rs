//! Active loans by quality tier as stacked areas, with the Monte Carlo P10–P90 fan, a few individual
//! runs, trainer mode's ghost and the pinned scenarios' totals on top.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    draw_line, draw_overlays, fill_between, finish, overlay_legend, stack, DrawResult, Extent,
    LegendEntry, LineStyle, Plan, Swatch, YTicks, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Fan, Runs, Series};

/// What the active-loans chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveLoansData {
    pub frame: ChartFrame,
    /// Active loans of the prime, standard and marginal tiers, stacked in that order from the axis.
    pub tiers: [Series; 3],
    /// The P10–P90 band of total active loans over the Monte Carlo runs.
    pub fan: Option<Fan>,
    /// A few runs' total active loans.
    pub runs: Option<Runs>,
    /// Trainer mode: total active loans had the trainee not intervened.
    pub ghost: Option<Series>,
    /// Total active loans of each pinned scenario; at most [`super::MAX_PINNED`] are drawn.
    pub pinned: Vec<Series>,
}

/// Stacked areas are slightly translucent so the grid and shaded weeks show through.
const AREA_ALPHA: f64 = 0.85;

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ActiveLoansData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let pinned = &data.pinned[..data.pinned.len().min(super::MAX_PINNED)];
    let fan_color = theme.ink.mix(0.18);
    let runs_style = LineStyle::new(theme.ink.mix(0.45), 1, SOLID);

    let mut legend: Vec<LegendEntry<'_>> = data
        .tiers
        .iter()
        .zip(theme.tiers)
        .map(|(tier, color)| LegendEntry {
            label: &tier.label,
            swatch: Swatch::Area(color.mix(AREA_ALPHA)),
        })
        .collect();
    if let Some(fan) = &data.fan {
        legend.push(LegendEntry {
            label: &fan.label,
            swatch: Swatch::Area(fan_color),
        });
    }
    if let Some(runs) = data.runs.as_ref().filter(|r| !r.runs.is_empty()) {
        legend.push(LegendEntry {
            label: &runs.label,
            swatch: Swatch::Line(runs_style),
        });
    }
    overlay_legend(&mut legend, data.ghost.as_ref(), pinned, theme);

    let layers: Vec<&[f64]> = data.tiers.iter().map(|s| s.values.as_slice()).collect();
    let tops = stack(&layers, horizon);

    // The axis covers the whole horizon, not just the drawn weeks, so it holds still while trainer
    // mode plays the weeks one by one.
    let mut extent = Extent::new();
    for top in &tops {
        extent.add(top, horizon);
    }
    if let Some(fan) = &data.fan {
        extent.add(&fan.p10, horizon);
        extent.add(&fan.p90, horizon);
    }
    for run in data.runs.iter().flat_map(|r| &r.runs) {
        extent.add(run, horizon);
    }
    for series in data.ghost.iter().chain(pinned) {
        extent.add(&series.values, horizon);
    }

    let plan = Plan::new(area, &data.frame, legend, theme);
    let (min, max) = extent.or_zero();
    let plot = plan.plot(YTicks::nice(min, max, plan.y_tick_target()), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    let mut lower: Option<&[f64]> = None;
    for (top, color) in tops.iter().zip(theme.tiers) {
        fill_between(area, &plot, lower, top, color.mix(AREA_ALPHA))?;
        lower = Some(top);
    }
    if let Some(fan) = &data.fan {
        fill_between(area, &plot, Some(&fan.p10), &fan.p90, fan_color)?;
    }
    for run in data.runs.iter().flat_map(|r| &r.runs) {
        draw_line(area, &plot, run, runs_style)?;
    }
    draw_overlays(area, &plot, data.ghost.as_ref(), pinned, theme)?;
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &ActiveLoansData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}
