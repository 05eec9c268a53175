//! The pipeline by stage, stacked in the order prospects flow: contacted, interested, applications
//! waiting for investigation by weeks waited, and investigated cases waiting for the credit decision.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    fill_between, finish, stack, DrawResult, Extent, LegendEntry, Plan, Swatch, YTicks,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Series};

/// What the pipeline chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PipelineData {
    pub frame: ChartFrame,
    pub contacted: Series,
    pub interested: Series,
    /// Applications waiting, one series per weeks waited: `waiting_by_age[a][t]` for
    /// `a = 0..W_max`. Younger applications are drawn lighter, older ones darker.
    pub waiting_by_age: Vec<Vec<f64>>,
    /// One legend entry covers every age.
    pub waiting_label: String,
    pub decisions: Series,
}

/// Stacked areas are slightly translucent so the grid and shaded weeks show through.
const AREA_ALPHA: f64 = 0.85;

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &PipelineData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let ramp = age_ramp(theme.stages[2], data.waiting_by_age.len());

    let mut legend = vec![
        LegendEntry {
            label: &data.contacted.label,
            swatch: Swatch::Area(theme.stages[0].mix(AREA_ALPHA)),
        },
        LegendEntry {
            label: &data.interested.label,
            swatch: Swatch::Area(theme.stages[1].mix(AREA_ALPHA)),
        },
    ];
    if !data.waiting_by_age.is_empty() {
        legend.push(LegendEntry {
            label: &data.waiting_label,
            swatch: Swatch::Ramp(ramp.clone()),
        });
    }
    legend.push(LegendEntry {
        label: &data.decisions.label,
        swatch: Swatch::Area(theme.stages[3].mix(AREA_ALPHA)),
    });

    let mut layers: Vec<&[f64]> = vec![&data.contacted.values, &data.interested.values];
    let mut colors = vec![theme.stages[0], theme.stages[1]];
    for (age, color) in data.waiting_by_age.iter().zip(&ramp) {
        layers.push(age);
        colors.push(*color);
    }
    layers.push(&data.decisions.values);
    colors.push(theme.stages[3]);
    let tops = stack(&layers, horizon);

    let mut extent = Extent::new();
    if let Some(total) = tops.last() {
        extent.add(total, horizon);
    }
    let plan = Plan::new(area, &data.frame, legend, theme);
    let (min, max) = extent.or_zero();
    let plot = plan.plot(YTicks::nice(min, max, plan.y_tick_target()), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    let mut lower: Option<&[f64]> = None;
    for (top, color) in tops.iter().zip(colors) {
        fill_between(area, &plot, lower, top, color.mix(AREA_ALPHA))?;
        lower = Some(top);
    }
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &PipelineData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}

/// Shades of one hue from light (just arrived) to dark (about to time out), so the eye reads a
/// growing dark band as applications going stale.
fn age_ramp(base: RGBColor, ages: usize) -> Vec<RGBColor> {
    let blend = |toward: f64, share: f64, c: u8| -> u8 {
        (f64::from(c) + (toward - f64::from(c)) * share)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    (0..ages)
        .map(|a| {
            let t = if ages > 1 {
                a as f64 / (ages - 1) as f64
            } else {
                0.5
            };
            // Up to 45 % towards white for the youngest, up to 40 % towards black for the oldest.
            let (toward, share) = if t < 0.5 {
                (255.0, 0.45 * (1.0 - 2.0 * t))
            } else {
                (0.0, 0.40 * (2.0 * t - 1.0))
            };
            RGBColor(
                blend(toward, share, base.0),
                blend(toward, share, base.1),
                blend(toward, share, base.2),
            )
        })
        .collect()
}
