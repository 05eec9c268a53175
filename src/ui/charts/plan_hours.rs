//! The Cadence plan's prospecting hours per account manager, stacked by channel week by week,
//! against the steady mix's hours (a dashed line): where the plan prospects ahead of a festival,
//! and where it keeps its floor.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    draw_line, fill_between, finish, stack, DrawResult, Extent, LegendEntry, LineStyle, Plan,
    Swatch, YTicks, DASHED,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Series};

/// What the plan chart shows, in hours per AM per week.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanHoursData {
    pub frame: ChartFrame,
    /// One series per channel the plan uses, in the plan's table order.
    pub channels: Vec<Series>,
    /// The steady mix's prospecting hours per AM-week.
    pub steady: Series,
}

/// Stacked areas are slightly translucent so the grid and shaded weeks show through.
const AREA_ALPHA: f64 = 0.85;

/// Nine distinguishable colours for the channel layers: the theme's Okabe–Ito colours in order of
/// first use (activities, tiers, stages, pins), then its greys; each theme swaps different colours
/// for contrast, so duplicates are dropped rather than picked by position.
fn channel_colors(theme: &ChartTheme) -> Vec<RGBColor> {
    let mut colors: Vec<RGBColor> = Vec::with_capacity(9);
    let candidates = theme
        .activities
        .iter()
        .chain(&theme.tiers)
        .chain(&theme.stages)
        .chain(&theme.pinned)
        .chain([&theme.ghost, &theme.axis, &theme.muted_text]);
    for &color in candidates {
        if colors.len() < 9 && !colors.contains(&color) {
            colors.push(color);
        }
    }
    colors
}

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &PlanHoursData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let colors = channel_colors(theme);
    let steady_style = LineStyle::new(theme.ink.to_rgba(), 2, DASHED);
    let mut legend: Vec<LegendEntry<'_>> = data
        .channels
        .iter()
        .zip(colors.iter().cycle())
        .map(|(series, color)| LegendEntry {
            label: &series.label,
            swatch: Swatch::Area(color.mix(AREA_ALPHA)),
        })
        .collect();
    legend.push(LegendEntry {
        label: &data.steady.label,
        swatch: Swatch::Line(steady_style),
    });

    let layers: Vec<&[f64]> = data.channels.iter().map(|s| s.values.as_slice()).collect();
    let tops = stack(&layers, horizon);
    let mut extent = Extent::new();
    extent.add(&[0.0], 1);
    if let Some(total) = tops.last() {
        extent.add(total, horizon);
    }
    extent.add(&data.steady.values, horizon);

    let plan = Plan::new(area, &data.frame, legend, theme);
    let (min, max) = extent.or_zero();
    let plot = plan.plot(YTicks::nice(min, max, plan.y_tick_target()), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    let mut lower: Option<&[f64]> = None;
    for (top, color) in tops.iter().zip(colors.iter().cycle()) {
        fill_between(area, &plot, lower, top, color.mix(AREA_ALPHA))?;
        lower = Some(top);
    }
    draw_line(area, &plot, &data.steady.values, steady_style)?;
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &PlanHoursData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_gets_its_own_colour_in_both_themes() {
        for theme in [ChartTheme::light(), ChartTheme::dark()] {
            let colors = channel_colors(&theme);
            assert_eq!(colors.len(), 9);
            for (i, a) in colors.iter().enumerate() {
                assert!(!colors[i + 1..].contains(a), "{a:?} twice");
            }
        }
    }
}
