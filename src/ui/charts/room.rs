//! The classroom debrief's room overlaid: one figure (the book, or new loans) of every participant's
//! replayed run as a thin line over the room's P10–P90 band and its median, with the best and the
//! worst run of the room's ranking drawn strongly and named in the legend.
//!
//! Every participant's line is one unbroken solid polyline of the whole horizon (an EV run has a
//! value every week), and the median is dashed, so a reader of the SVG counts the participants as
//! the polylines with more points than any axis, tick or dash has.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    draw_line, fill_between, finish, DrawResult, Extent, LegendEntry, LineStyle, Plan, Swatch,
    YTicks, DASHED, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Fan, Series};

/// A line drawn strongly and named in the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Index into [`RoomData::lines`].
    pub index: usize,
    /// Its legend text, already in words ("Best: Li Lei").
    pub label: String,
}

/// What the room chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomData {
    pub frame: ChartFrame,
    /// Every participant's line (label: their name), in the room's order.
    pub lines: Vec<Series>,
    /// The room's P10–P90 across participants.
    pub band: Fan,
    /// The room's median across participants.
    pub median: Series,
    pub best: Option<Highlight>,
    pub worst: Option<Highlight>,
    /// The legend text of the lines that are neither best nor worst.
    pub others_label: String,
}

struct Styles {
    band: RGBAColor,
    median: LineStyle,
    other: LineStyle,
    best: LineStyle,
    worst: LineStyle,
}

impl Styles {
    fn new(theme: &ChartTheme) -> Self {
        // Blue and vermillion stay apart under every common colour-vision deficiency.
        Self {
            band: theme.ink.mix(0.14),
            median: LineStyle::new(theme.ink.mix(0.75), 1, DASHED),
            other: LineStyle::new(theme.ink.mix(0.4), 1, SOLID),
            best: LineStyle::new(theme.primary.to_rgba(), 3, SOLID),
            worst: LineStyle::new(theme.fault.to_rgba(), 3, SOLID),
        }
    }
}

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &RoomData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let styles = Styles::new(theme);
    let highlighted = |i: usize| {
        data.best.as_ref().is_some_and(|h| h.index == i)
            || data.worst.as_ref().is_some_and(|h| h.index == i)
    };
    let has_others = (0..data.lines.len()).any(|i| !highlighted(i));

    let mut legend = vec![
        LegendEntry {
            label: &data.band.label,
            swatch: Swatch::Area(styles.band),
        },
        LegendEntry {
            label: &data.median.label,
            swatch: Swatch::Line(styles.median),
        },
    ];
    for (highlight, style) in [(&data.best, styles.best), (&data.worst, styles.worst)] {
        if let Some(h) = highlight {
            legend.push(LegendEntry {
                label: &h.label,
                swatch: Swatch::Line(style),
            });
        }
    }
    if has_others {
        legend.push(LegendEntry {
            label: &data.others_label,
            swatch: Swatch::Line(styles.other),
        });
    }

    let mut extent = Extent::new();
    extent.add(&data.band.p10, horizon);
    extent.add(&data.band.p90, horizon);
    for line in &data.lines {
        extent.add(&line.values, horizon);
    }
    let plan = Plan::new(area, &data.frame, legend, theme);
    let (min, max) = extent.or_zero();
    let plot = plan.plot(YTicks::nice(min, max, plan.y_tick_target()), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    fill_between(
        area,
        &plot,
        Some(&data.band.p10),
        &data.band.p90,
        styles.band,
    )?;
    for (i, line) in data.lines.iter().enumerate() {
        if !highlighted(i) {
            draw_line(area, &plot, &line.values, styles.other)?;
        }
    }
    draw_line(area, &plot, &data.median.values, styles.median)?;
    // The worst first, so the best is on top where the two cross.
    for (highlight, style) in [(&data.worst, styles.worst), (&data.best, styles.best)] {
        if let Some(line) = highlight.as_ref().and_then(|h| data.lines.get(h.index)) {
            draw_line(area, &plot, &line.values, style)?;
        }
    }
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &RoomData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}
