//! A lesson chart of trainer mode's stage: one figure (new loans, the book, prospecting hours or
//! profit) of the run on stage against what the lesson compares it with, drawn with equal weight;
//! the space between the two shaded (a loss in the fault colour, a gain in the gain colour), the gap
//! at the week shown written at the top of the plot, a faint second ghost (the shock-free baseline or
//! the run without the decisions), and each line named at its end instead of in a legend.
//!
//! Its type is sized for the room, not for the chart: `text_px` is the size of every text in the
//! chart's own pixels, and lines thicken with it, so a chart laid out at its box's size on a
//! projector reads from the back row.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{
    at, draw_line, draw_polyline, fill_between, finish, px, text_style, text_width, DrawResult,
    Extent, Fonts, LineStyle, Plan, Plot, YTicks, DASHED, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Series};

/// What a lesson chart shows. Each series' `label` is the name written at its line's end.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonData {
    pub frame: ChartFrame,
    /// The run on stage.
    pub run: Series,
    /// What the lesson compares it with, drawn as strongly as the run.
    pub comparison: Option<Series>,
    /// A faint second ghost: the shock-free baseline, or the run without the decisions.
    pub ghost: Option<Series>,
    /// The gap at the week shown, already in words ("7 new loans lost by week 32").
    pub gap_text: Option<String>,
}

/// Space between a line's end and its name, in text sizes.
const LABEL_GAP: f64 = 0.4;
/// Length of the stroke drawn before a name, in text sizes.
const SWATCH: f64 = 1.2;
/// Line height of the names and the gap text, in text sizes.
const LINE: f64 = 1.3;

/// The three strokes of a lesson chart at a text size.
struct Styles {
    run: LineStyle,
    comparison: LineStyle,
    ghost: LineStyle,
}

impl Styles {
    fn new(theme: &ChartTheme, text_px: f64) -> Self {
        // Thick lines for a room: a sixth of the text size, never under 2 px.
        let strong = (text_px / 6.0).round().max(2.0) as u32;
        let faint = (text_px / 10.0).round().max(1.0) as u32;
        Self {
            run: LineStyle::new(theme.primary.to_rgba(), strong, SOLID),
            comparison: LineStyle::new(theme.comparison.to_rgba(), strong, SOLID),
            ghost: LineStyle::new(theme.ghost.mix(0.85), faint, DASHED),
        }
    }
}

/// Draws the chart onto any plotters area with every text at `text_px`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &LessonData,
    theme: &ChartTheme,
    text_px: f64,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let styles = Styles::new(theme, text_px);
    let fonts = Fonts::uniform(text_px);

    let mut extent = Extent::new();
    for series in std::iter::once(&data.run)
        .chain(&data.comparison)
        .chain(&data.ghost)
    {
        extent.add(&series.values, horizon);
    }
    let (min, max) = extent.or_zero();
    let plan = Plan::with_fonts(area, &data.frame, Vec::new(), theme, fonts, true);
    // A strip at the top of the plot for the gap, above every line: the axis is raised by it.
    let strip = if data.gap_text.is_some() {
        text_px * LINE + 6.0
    } else {
        0.0
    };
    let height = plan.plot_height();
    let raised = if height > strip + 1.0 {
        max * height / (height - strip)
    } else {
        max
    };
    let plot = plan.plot(YTicks::nice(min, raised, plan.y_tick_target()), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    if let Some(comparison) = &data.comparison {
        shade_gap(area, &plot, &data.run.values, &comparison.values, theme)?;
    }
    if let Some(ghost) = &data.ghost {
        draw_line(area, &plot, &ghost.values, styles.ghost)?;
    }
    if let Some(comparison) = &data.comparison {
        draw_line(area, &plot, &comparison.values, styles.comparison)?;
    }
    draw_line(area, &plot, &data.run.values, styles.run)?;
    finish(area, &plot, &data.frame, theme)?;

    let mut names = vec![(&data.run, styles.run, true)];
    if let Some(comparison) = &data.comparison {
        names.push((comparison, styles.comparison, true));
    }
    if let Some(ghost) = &data.ghost {
        names.push((ghost, styles.ghost, false));
    }
    draw_names(area, &plot, &names, theme, text_px, strip)?;
    if let Some(text) = &data.gap_text {
        draw_gap(area, &plot, text, theme, text_px)?;
    }
    Ok(())
}

/// Renders the chart to an SVG string for the page, with every text at `text_px` of the chart's
/// own pixels (the SVG's `viewBox` is `size`).
pub fn render_svg(
    data: &LessonData,
    theme: &ChartTheme,
    size: ChartSize,
    text_px: f64,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| {
        draw(area, data, theme, text_px)
    })
}

/// Shades the weeks where the run fell short of the comparison as a loss, and those where it did
/// better as a gain.
fn shade_gap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    run: &[f64],
    comparison: &[f64],
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let weeks = plot.drawn.min(run.len()).min(comparison.len());
    let side = |loss: bool| -> (Vec<f64>, Vec<f64>) {
        let mut lower = vec![f64::NAN; weeks];
        let mut upper = vec![f64::NAN; weeks];
        for t in 0..weeks {
            if let (Some(r), Some(c)) = (at(run, t), at(comparison, t)) {
                if (loss && r < c) || (!loss && r > c) {
                    lower[t] = r.min(c);
                    upper[t] = r.max(c);
                }
            }
        }
        (lower, upper)
    };
    let (lower, upper) = side(true);
    fill_between(area, plot, Some(&lower), &upper, theme.loss.mix(0.35))?;
    let (lower, upper) = side(false);
    fill_between(area, plot, Some(&lower), &upper, theme.gain.mix(0.3))
}

/// The last drawn value of a series, with the week it belongs to.
fn last_drawn(values: &[f64], drawn: usize) -> Option<f64> {
    (0..drawn.min(values.len()))
        .rev()
        .find_map(|t| at(values, t))
}

/// Where each line's name goes: beside the end of its line, moved apart so no two overlap, and
/// kept inside the plot below the gap strip. Returns the text's vertical centres, in `ends`' order.
fn stack_names(ends: &[f64], line_px: f64, top: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ends.len()).collect();
    order.sort_by(|&a, &b| ends[a].total_cmp(&ends[b]));
    let half = line_px / 2.0;
    let mut placed = vec![0.0; ends.len()];
    let mut previous = f64::NEG_INFINITY;
    for &i in &order {
        let y = ends[i].max(top + half).max(previous + line_px);
        placed[i] = y;
        previous = y;
    }
    // If the lowest name fell out of the plot, push the stack back up from the bottom.
    let mut next = f64::INFINITY;
    for &i in order.iter().rev() {
        let y = placed[i].min(bottom - half).min(next - line_px);
        placed[i] = y;
        next = y;
    }
    placed
}

/// Writes each line's name beside its end, after a swatch of its stroke; the text itself is in the
/// theme's text colour, which keeps its contrast whatever the line's colour.
fn draw_names<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    names: &[(&Series, LineStyle, bool)],
    theme: &ChartTheme,
    text_px: f64,
    strip: f64,
) -> DrawResult<DB> {
    let shown: Vec<(&Series, LineStyle, bool, f64)> = names
        .iter()
        .filter(|(s, _, _)| !s.label.is_empty())
        .filter_map(|&(s, style, bold)| {
            last_drawn(&s.values, plot.drawn).map(|v| (s, style, bold, plot.y(v)))
        })
        .collect();
    if shown.is_empty() {
        return Ok(());
    }
    let ends: Vec<f64> = shown.iter().map(|n| n.3).collect();
    let line_px = text_px * LINE;
    let centres = stack_names(&ends, line_px, plot.top + strip, plot.bottom);
    let end_x = plot.x(plot.drawn as f64);
    let swatch = text_px * SWATCH;
    let name_width = |s: &Series| swatch + text_px * LABEL_GAP + text_width(&s.label, text_px);
    let widest = shown.iter().map(|n| name_width(n.0)).fold(0.0, f64::max);
    let gap = text_px * LABEL_GAP;
    // Beside the line ends while the future is still empty; at the end of the run, inside the plot.
    let right_of_end = end_x + gap + widest <= plot.right;
    let backdrop = theme.background.mix(0.8).filled();
    for ((series, stroke, bold, _), y) in shown.iter().zip(centres) {
        let width = name_width(series);
        let x = if right_of_end {
            end_x + gap
        } else {
            (end_x - gap - width).max(plot.left + 2.0)
        };
        area.draw(&Rectangle::new(
            [
                px((x - 2.0, y - line_px / 2.0)),
                px((x + width + 2.0, y + line_px / 2.0)),
            ],
            backdrop,
        ))?;
        draw_polyline(area, &[(x, y), (x + swatch, y)], *stroke)?;
        let style = text_style(
            theme,
            text_px,
            theme.text,
            Pos::new(HPos::Left, VPos::Center),
            *bold,
        );
        area.draw_text(&series.label, &style, px((x + swatch + gap, y)))?;
    }
    Ok(())
}

fn draw_gap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    text: &str,
    theme: &ChartTheme,
    text_px: f64,
) -> DrawResult<DB> {
    let line_px = text_px * LINE;
    let x = plot.left + text_px * 0.4;
    let y = plot.top + 2.0 + line_px / 2.0;
    let width = text_width(text, text_px);
    area.draw(&Rectangle::new(
        [
            px((x - 3.0, y - line_px / 2.0)),
            px((x + width + 3.0, y + line_px / 2.0)),
        ],
        theme.background.mix(0.85).filled(),
    ))?;
    let style = text_style(
        theme,
        text_px,
        theme.text,
        Pos::new(HPos::Left, VPos::Center),
        true,
    );
    area.draw_text(text, &style, px((x, y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::float_cmp)] // Whole pixels added and compared, exact in f64.
    fn names_keep_apart_and_inside_the_plot() {
        let placed = stack_names(&[100.0, 104.0, 300.0], 20.0, 50.0, 400.0);
        assert_eq!(placed[0], 100.0);
        assert_eq!(placed[1], 120.0, "pushed below the first");
        assert_eq!(placed[2], 300.0, "far enough already");
        let crowded = stack_names(&[395.0, 399.0], 20.0, 50.0, 400.0);
        assert!(crowded.iter().all(|y| *y <= 390.0), "{crowded:?}");
        assert!((crowded[0] - crowded[1]).abs() >= 20.0 - 1e-9);
        let high = stack_names(&[10.0], 20.0, 50.0, 400.0);
        assert_eq!(high, vec![60.0], "below the gap strip");
    }
}
