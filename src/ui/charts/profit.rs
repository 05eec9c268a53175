//! Cumulative profit in CNY, filled green above zero and vermillion below, with a zero line and the
//! pinned scenarios' curves.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    at, draw_line, draw_overlays, finish, overlay_legend, px, DrawResult, Extent, LegendEntry,
    LineStyle, Plan, Swatch, YTicks, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Series};

/// What the profit chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfitData {
    pub frame: ChartFrame,
    /// Cumulative profit at the end of each week, in CNY.
    pub cumulative_profit: Series,
    /// Cumulative profit of each pinned scenario; at most [`super::MAX_PINNED`] are drawn.
    pub pinned: Vec<Series>,
}

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ProfitData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let pinned = &data.pinned[..data.pinned.len().min(super::MAX_PINNED)];
    let main_style = LineStyle::new(theme.primary.to_rgba(), 2, SOLID);

    let mut legend = vec![LegendEntry {
        label: &data.cumulative_profit.label,
        swatch: Swatch::Line(main_style),
    }];
    overlay_legend(&mut legend, None, pinned, theme);
    let mut extent = Extent::new();
    for series in std::iter::once(&data.cumulative_profit).chain(pinned) {
        extent.add(&series.values, horizon);
    }

    let plan = Plan::new(area, &data.frame, legend, theme);
    let (min, max) = extent.or_zero();
    let plot = plan.plot(YTicks::nice(min, max, plan.y_tick_target()), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    let zero = plot.y(0.0);
    for run in plot.runs(|t| at(&data.cumulative_profit.values, t)) {
        let run = with_crossings(&run, zero);
        let gain: Vec<(f64, f64)> = run.iter().map(|&(x, y)| (x, y.min(zero))).collect();
        let loss: Vec<(f64, f64)> = run.iter().map(|&(x, y)| (x, y.max(zero))).collect();
        for (side, color) in [(gain, theme.gain), (loss, theme.loss)] {
            let (Some(first), Some(last)) = (side.first(), side.last()) else {
                continue;
            };
            let mut polygon = vec![px((first.0, zero))];
            polygon.extend(side.iter().copied().map(px));
            polygon.push(px((last.0, zero)));
            area.draw(&Polygon::new(polygon, color.mix(0.22).filled()))?;
        }
    }
    draw_overlays(area, &plot, None, pinned, theme)?;
    draw_line(area, &plot, &data.cumulative_profit.values, main_style)?;
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &ProfitData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}

/// Inserts a point wherever the line crosses the zero line (pixel row `zero`), so clipping each side
/// to zero gives exact gain and loss areas.
fn with_crossings(points: &[(f64, f64)], zero: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len() + 8);
    for (i, &p) in points.iter().enumerate() {
        if let Some(&q) = points.get(i.wrapping_sub(1)) {
            if (q.1 - zero) * (p.1 - zero) < 0.0 {
                let f = (zero - q.1) / (p.1 - q.1);
                out.push((q.0 + (p.0 - q.0) * f, zero));
            }
        }
        out.push(p);
    }
    out
}
