//! Plan against actuals (issue 18): one figure's expected path — the plan's, or the scenario's —
//! with its Monte Carlo P10–P90 band, and the weeks the team reported drawn over it as dots joined
//! by a thin line. The Actuals view draws one of these for the book, new loans, the pipeline and
//! prospecting hours.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    at, draw_line, draw_polyline, fill_between, finish, px, DrawResult, Extent, LegendEntry,
    LineStyle, Plan, Swatch, YTicks, DOT_RADIUS_PX, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Fan, Series};

/// What a plan-against-actuals chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackingData {
    pub frame: ChartFrame,
    /// The path's expected value of each week.
    pub expected: Series,
    /// The P10–P90 band of the path's Monte Carlo runs, once they have run.
    pub fan: Option<Fan>,
    /// The reported value of each week; a week not reported is not finite (no dot).
    pub actual: Series,
}

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TrackingData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    draw_with_dots(area, data, theme, &|_, _| false)
}

/// Draws the chart with the dots `hollow(week, value)` names drawn as rings (the back-test's
/// weeks outside the band).
pub(super) fn draw_with_dots<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &TrackingData,
    theme: &ChartTheme,
    hollow: &dyn Fn(usize, f64) -> bool,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let fan_color = theme.ink.mix(0.18);
    let expected_style = LineStyle::new(theme.primary.to_rgba(), 2, SOLID);
    let joined_style = LineStyle::new(theme.text.mix(0.55), 1, SOLID);

    let mut legend = vec![LegendEntry {
        label: &data.expected.label,
        swatch: Swatch::Line(expected_style),
    }];
    if let Some(fan) = &data.fan {
        legend.push(LegendEntry {
            label: &fan.label,
            swatch: Swatch::Area(fan_color),
        });
    }
    legend.push(LegendEntry {
        label: &data.actual.label,
        swatch: Swatch::Dot(theme.text),
    });

    let mut extent = Extent::new();
    extent.add(&data.expected.values, horizon);
    extent.add(&data.actual.values, horizon);
    if let Some(fan) = &data.fan {
        extent.add(&fan.p10, horizon);
        extent.add(&fan.p90, horizon);
    }

    let plan = Plan::new(area, &data.frame, legend, theme);
    let (min, max) = extent.or_zero();
    let plot = plan.plot(
        YTicks::nice(min.min(0.0), max, plan.y_tick_target()),
        &data.frame,
    );
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    if let Some(fan) = &data.fan {
        fill_between(area, &plot, Some(&fan.p10), &fan.p90, fan_color)?;
    }
    draw_line(area, &plot, &data.expected.values, expected_style)?;
    // Reported weeks in a row are joined, so a trend reads at a glance; a gap stays a gap.
    let dots: Vec<(usize, f64)> = (0..plot.drawn)
        .filter_map(|t| at(&data.actual.values, t).map(|v| (t, v)))
        .collect();
    for pair in dots.windows(2) {
        let ((t0, v0), (t1, v1)) = (pair[0], pair[1]);
        if t1 == t0 + 1 {
            draw_polyline(
                area,
                &[
                    (plot.x(t0 as f64 + 0.5), plot.y(v0)),
                    (plot.x(t1 as f64 + 0.5), plot.y(v1)),
                ],
                joined_style,
            )?;
        }
    }
    for &(t, v) in &dots {
        let centre = px((plot.x(t as f64 + 0.5), plot.y(v)));
        let style = if hollow(t, v) {
            theme.text.stroke_width(2)
        } else {
            theme.text.filled()
        };
        area.draw(&Circle::new(centre, DOT_RADIUS_PX, style))?;
    }
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &TrackingData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}
