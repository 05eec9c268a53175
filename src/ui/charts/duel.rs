//! One participant's run on the classroom's stage (issue 19's "best and worst side by side"): a
//! figure of their replayed run (the book, or new loans) as one strong line over the room's median,
//! each of their decisions a vertical line across the plot labelled at its top ("W5 stop"), every
//! text at a size given for the room.
//!
//! The best and the worst participant are drawn as two of these side by side, on the same value
//! axis (`y_range` covers both runs), so the room compares heights, not axes. Decision labels that
//! would overlap move down a row; a stop is drawn in the fault colour.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{
    draw_line, finish, px, text_style, text_width, DrawResult, Extent, Fonts, LegendEntry,
    LineStyle, Plan, Plot, Swatch, YTicks, DASHED, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Series};

/// A decision marked on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct DuelMark {
    /// The simulation week (0-based) the decision takes effect.
    pub week: u32,
    /// Its short label, already in words ("W5 stop", "第5周 停").
    pub label: String,
    /// Whether it stops prospecting (drawn in the fault colour).
    pub stops: bool,
}

/// What one participant's stage chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DuelData {
    pub frame: ChartFrame,
    /// The participant's run; its label is the legend's ("Li Lei").
    pub run: Series,
    /// The room's median, faint and dashed, for reference.
    pub median: Option<Series>,
    pub marks: Vec<DuelMark>,
    /// The value axis covers at least this range: both participants' charts share it.
    pub y_range: (f64, f64),
    /// The best run (drawn in the primary colour) or the worst (in the fault colour).
    pub best: bool,
}

/// Line height of the decision labels, in text sizes.
const LINE: f64 = 1.3;
/// Rows of decision labels before they start again at the top.
const ROWS: usize = 3;

/// Where each mark's label goes: `(x, row)`, left to right; a label that would touch the one
/// before it in a row takes the next row (after [`ROWS`], the first again).
fn label_rows(xs: &[f64], widths: &[f64], gap: f64) -> Vec<usize> {
    let mut row_ends = [f64::NEG_INFINITY; ROWS];
    xs.iter()
        .zip(widths)
        .map(|(&x, &w)| {
            let row = (0..ROWS).find(|&r| x >= row_ends[r] + gap).unwrap_or(0);
            row_ends[row] = x + w;
            row
        })
        .collect()
}

/// Draws the chart onto any plotters area with every text at `text_px`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &DuelData,
    theme: &ChartTheme,
    text_px: f64,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let strong = (text_px / 6.0).round().max(2.0) as u32;
    let run_style = LineStyle::new(
        if data.best {
            theme.primary.to_rgba()
        } else {
            theme.fault.to_rgba()
        },
        strong,
        SOLID,
    );
    let median_style = LineStyle::new(theme.ink.mix(0.6), (strong / 2).max(1), DASHED);
    let mut legend = vec![LegendEntry {
        label: &data.run.label,
        swatch: Swatch::Line(run_style),
    }];
    if let Some(median) = &data.median {
        legend.push(LegendEntry {
            label: &median.label,
            swatch: Swatch::Line(median_style),
        });
    }
    let mut extent = Extent::new();
    extent.add(&data.run.values, horizon);
    if let Some(median) = &data.median {
        extent.add(&median.values, horizon);
    }
    extent.add(&[data.y_range.0, data.y_range.1], 2);
    let (min, max) = extent.or_zero();
    let plan = Plan::with_fonts(
        area,
        &data.frame,
        legend,
        theme,
        Fonts::uniform(text_px),
        true,
    );
    // Room at the top of the plot for the decision labels (as many rows as they may take): the
    // axis is raised by it, so no label covers the lines.
    let rows = ROWS.min(data.marks.len()) as f64;
    let strip = if rows > 0.0 {
        rows * text_px * LINE + 4.0
    } else {
        0.0
    };
    let height = plan.plot_height();
    let raised = if height > strip + 1.0 && max > min {
        max + (max - min) * strip / (height - strip)
    } else {
        max
    };
    let plot = plan.plot(
        YTicks::nice(min.min(0.0), raised, plan.y_tick_target()),
        &data.frame,
    );
    plan.draw_frame(area, &plot, &data.frame, theme)?;
    if let Some(median) = &data.median {
        draw_line(area, &plot, &median.values, median_style)?;
    }
    draw_line(area, &plot, &data.run.values, run_style)?;
    finish(area, &plot, &data.frame, theme)?;
    draw_marks(area, &plot, &data.marks, theme, text_px, strong)
}

fn draw_marks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    marks: &[DuelMark],
    theme: &ChartTheme,
    text_px: f64,
    strong: u32,
) -> DrawResult<DB> {
    let gap = text_px * 0.5;
    let xs: Vec<f64> = marks.iter().map(|m| plot.x(f64::from(m.week))).collect();
    let widths: Vec<f64> = marks
        .iter()
        .map(|m| text_width(&m.label, text_px))
        .collect();
    let rows = label_rows(&xs, &widths, gap);
    let line_px = text_px * LINE;
    let backdrop = theme.background.mix(0.85).filled();
    for ((mark, &x), (&width, &row)) in marks.iter().zip(&xs).zip(widths.iter().zip(&rows)) {
        let color = if mark.stops {
            theme.fault.to_rgba()
        } else {
            theme.text.to_rgba()
        };
        plot.vline(
            area,
            f64::from(mark.week),
            LineStyle::new(color, (strong / 2).max(1), DASHED),
        )?;
        // Kept inside the plot: a late decision's label ends at the plot's right edge.
        let left = (x + 3.0).min(plot.right - width - 3.0).max(plot.left + 2.0);
        let y = plot.top + 2.0 + line_px * (row as f64 + 0.5);
        area.draw(&Rectangle::new(
            [
                px((left - 2.0, y - line_px / 2.0)),
                px((left + width + 2.0, y + line_px / 2.0)),
            ],
            backdrop,
        ))?;
        let style = text_style(
            theme,
            text_px,
            if mark.stops { theme.fault } else { theme.text },
            Pos::new(HPos::Left, VPos::Center),
            true,
        );
        area.draw_text(&mark.label, &style, px((left, y)))?;
    }
    Ok(())
}

/// Renders the chart to an SVG string for the page, with every text at `text_px` of the chart's
/// own pixels (the SVG's `viewBox` is `size`).
pub fn render_svg(
    data: &DuelData,
    theme: &ChartTheme,
    size: ChartSize,
    text_px: f64,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| {
        draw(area, data, theme, text_px)
    })
}

#[cfg(test)]
mod tests {
    use super::label_rows;

    #[test]
    fn labels_that_would_touch_take_the_next_row() {
        // Three labels 50 px wide at 0, 30 and 200: the second moves down, the third fits row 0.
        assert_eq!(label_rows(&[0.0, 30.0, 200.0], &[50.0; 3], 5.0), [0, 1, 0]);
        // Four crowded labels use the three rows, then start again at the top.
        assert_eq!(
            label_rows(&[0.0, 1.0, 2.0, 3.0], &[50.0; 4], 5.0),
            [0, 1, 2, 0]
        );
    }
}
