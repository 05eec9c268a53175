//! New loans per week against the shock-free baseline, with the prospecting fault annotated on the
//! chart: a marker at the trough with its depth, the lost new loans shaded from onset to recovery,
//! and the delay, the weeks below the baseline and the loss written out in one block, away from the
//! trough, so nothing crowds between the lines.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{
    at, draw_line, draw_overlays, fill_between, finish, overlay_legend, px, text_style, text_width,
    DrawResult, Extent, LegendEntry, LineStyle, Plan, Plot, Swatch, YTicks, DASHED, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme, Series};

/// What the new-loans chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct NewLoansData {
    pub frame: ChartFrame,
    /// New loans per week (new customers; renewals are not counted).
    pub new_loans: Series,
    /// The same scenario without shocks, drawn dashed.
    pub baseline: Option<Series>,
    /// The fault, when the metrics found one.
    pub fault: Option<FaultAnnotation>,
    /// Trainer mode: new loans had the trainee not intervened.
    pub ghost: Option<Series>,
    /// New loans of each pinned scenario; at most [`super::MAX_PINNED`] are drawn.
    pub pinned: Vec<Series>,
}

/// The fault as the page wants it written on the chart. Weeks are indices into the series; the texts
/// are translated and formatted by the page (say "Delay 7 weeks" and "Lost new loans 41.3").
///
/// Each text appears once the week it tells of is drawn — the weeks below the baseline from the
/// onset, the trough's marker, delay and loss from the trough, the closed span from the recovery —
/// so trainer mode does not give the fault away early.
#[derive(Clone, Debug, PartialEq)]
pub struct FaultAnnotation {
    pub onset_week: u32,
    pub trough_week: u32,
    /// Written beside the trough's marker, e.g. "Trough (−52%)".
    pub trough_label: String,
    pub recovery_week: Option<u32>,
    /// "Below the baseline from week 27", while the recovery has not been drawn.
    pub below_from_text: String,
    /// "Below the baseline in weeks 27–34", once it has.
    pub below_text: String,
    pub delay_text: String,
    pub lost_text: String,
}

/// Vertical space of one row of annotation text, relative to the legend font.
const ROW_EXTRA_PX: f64 = 5.0;
/// The annotations may take at most this share of the plot height; the data keeps the rest.
const MAX_STRIP_SHARE: f64 = 0.4;
/// Width of the swatch before the lost-loans text.
const KEY_PX: f64 = 10.0;

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &NewLoansData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let horizon = data.frame.dates.horizon_weeks as usize;
    let pinned = &data.pinned[..data.pinned.len().min(super::MAX_PINNED)];
    let main_style = LineStyle::new(theme.primary.to_rgba(), 2, SOLID);
    let baseline_style = LineStyle::new(theme.ink.to_rgba(), 1, DASHED);

    let mut legend = vec![LegendEntry {
        label: &data.new_loans.label,
        swatch: Swatch::Line(main_style),
    }];
    if let Some(baseline) = &data.baseline {
        legend.push(LegendEntry {
            label: &baseline.label,
            swatch: Swatch::Line(baseline_style),
        });
    }
    overlay_legend(&mut legend, data.ghost.as_ref(), pinned, theme);

    let mut extent = Extent::new();
    for series in std::iter::once(&data.new_loans)
        .chain(&data.baseline)
        .chain(&data.ghost)
        .chain(pinned)
    {
        extent.add(&series.values, horizon);
    }
    let (min, max) = extent.or_zero();

    let plan = Plan::new(area, &data.frame, legend, theme);
    let row_height = plan.fonts.legend + ROW_EXTRA_PX;
    let draft = plan.plot(YTicks::nice(min, max, plan.y_tick_target()), &data.frame);
    let ticks = match &data.fault {
        Some(fault) => {
            // Raise the top of the axis so the data stays below the rows of annotation text.
            let rows = place_labels(&draft, fault, plan.fonts.legend).rows;
            let strip = (rows as f64 * row_height + 4.0).min(plan.plot_height() * MAX_STRIP_SHARE);
            let raised = max * plan.plot_height() / (plan.plot_height() - strip);
            YTicks::nice(min, raised, plan.y_tick_target())
        }
        None => draft.y,
    };
    let plot = plan.plot(ticks, &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    if let (Some(fault), Some(baseline)) = (&data.fault, &data.baseline) {
        let (lower, upper) = lost_area(fault, &data.new_loans.values, &baseline.values, horizon);
        fill_between(area, &plot, Some(&lower), &upper, theme.fault.mix(0.25))?;
    }
    if let Some(baseline) = &data.baseline {
        draw_line(area, &plot, &baseline.values, baseline_style)?;
    }
    draw_overlays(area, &plot, data.ghost.as_ref(), pinned, theme)?;
    draw_line(area, &plot, &data.new_loans.values, main_style)?;
    finish(area, &plot, &data.frame, theme)?;
    if let Some(fault) = &data.fault {
        draw_fault(area, &plot, fault, theme, plan.fonts.legend)?;
    }
    Ok(())
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &NewLoansData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}

/// The weeks between the onset and the recovery (or the end) where new loans ran below the
/// baseline, as lower and upper edges; other weeks are gaps.
fn lost_area(
    fault: &FaultAnnotation,
    new_loans: &[f64],
    baseline: &[f64],
    horizon: usize,
) -> (Vec<f64>, Vec<f64>) {
    let start = fault.onset_week as usize;
    let end = fault
        .recovery_week
        .map_or(horizon, |w| (w as usize + 1).min(horizon));
    let mut lower = vec![f64::NAN; horizon];
    let mut upper = vec![f64::NAN; horizon];
    for t in start..end.min(horizon) {
        if let (Some(y), Some(b)) = (at(new_loans, t), at(baseline, t)) {
            lower[t] = y;
            upper[t] = b.max(y);
        }
    }
    (lower, upper)
}

/// One piece of annotation text, placed in a row at the top of the plot.
struct Placed<'a> {
    lines: Vec<&'a str>,
    /// Left edge in pixels.
    x: f64,
    row: usize,
    /// The lost-loans key goes before the last line of the info block.
    keyed: bool,
}

struct Placement<'a> {
    items: Vec<Placed<'a>>,
    /// Weeks that get a marker line: those already drawn.
    markers: Vec<u32>,
    rows: usize,
}

/// Places the trough's label next to its line and the block of texts (delay, weeks below the
/// baseline, loss) in the corner away from the trough, each in the lowest row where it overlaps
/// nothing already placed.
fn place_labels<'a>(plot: &Plot, fault: &'a FaultAnnotation, font: f64) -> Placement<'a> {
    let drawn = |week: u32| (week as usize) < plot.drawn;
    let mut occupied: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut take = |x0: f64, x1: f64, height: usize| -> usize {
        let free = |rows: &Vec<Vec<(f64, f64)>>, r: usize| {
            rows.get(r)
                .is_none_or(|row| row.iter().all(|&(a, b)| x1 + 6.0 <= a || b + 6.0 <= x0))
        };
        // The first row past the occupied ones is always free, so the search ends there.
        let row = (0..=occupied.len())
            .find(|&r| (r..r + height).all(|rr| free(&occupied, rr)))
            .unwrap_or(occupied.len());
        for rr in row..row + height {
            if occupied.len() <= rr {
                occupied.resize_with(rr + 1, Vec::new);
            }
            occupied[rr].push((x0, x1));
        }
        row
    };

    let mut items = Vec::new();
    let mut markers = Vec::new();
    let trough_drawn = drawn(fault.trough_week);
    if trough_drawn {
        markers.push(fault.trough_week);
        if !fault.trough_label.is_empty() {
            let line_x = plot.x(f64::from(fault.trough_week) + 0.5);
            let width = text_width(&fault.trough_label, font) + 4.0;
            let x = if line_x + 3.0 + width <= plot.right {
                line_x + 3.0
            } else {
                line_x - 3.0 - width
            };
            let row = take(x, x + width, 1);
            items.push(Placed {
                lines: vec![&fault.trough_label],
                x,
                row,
                keyed: false,
            });
        }
    }

    let span = match fault.recovery_week {
        Some(week) if drawn(week) => Some(fault.below_text.as_str()),
        _ if drawn(fault.onset_week) => Some(fault.below_from_text.as_str()),
        _ => None,
    };
    let mut lines: Vec<&str> = Vec::new();
    if trough_drawn {
        lines.push(&fault.delay_text);
    }
    lines.extend(span);
    if trough_drawn {
        lines.push(&fault.lost_text);
    }
    lines.retain(|s| !s.is_empty());
    let keyed = trough_drawn && !fault.lost_text.is_empty();
    if !lines.is_empty() {
        let width = lines
            .iter()
            .map(|s| text_width(s, font))
            .fold(0.0, f64::max)
            + if keyed { KEY_PX + 4.0 } else { 0.0 }
            + 8.0;
        let trough_x = plot.x(f64::from(fault.trough_week) + 0.5);
        let x = if trough_x < f64::midpoint(plot.left, plot.right) {
            plot.right - 4.0 - width
        } else {
            plot.left + 4.0
        };
        let row = take(x, x + width, lines.len());
        items.push(Placed {
            lines,
            x,
            row,
            keyed,
        });
    }
    Placement {
        rows: occupied.len(),
        items,
        markers,
    }
}

fn draw_fault<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    fault: &FaultAnnotation,
    theme: &ChartTheme,
    font: f64,
) -> DrawResult<DB> {
    let placement = place_labels(plot, fault, font);
    let marker_style = LineStyle::new(theme.fault.to_rgba(), 2, DASHED);
    for &week in &placement.markers {
        plot.vline(area, f64::from(week) + 0.5, marker_style)?;
    }
    let row_height = font + ROW_EXTRA_PX;
    let style = text_style(
        theme,
        font,
        theme.text,
        Pos::new(HPos::Left, VPos::Center),
        false,
    );
    // A backdrop keeps the text legible where it crosses a line.
    let backdrop = theme.background.mix(0.85).filled();
    for item in &placement.items {
        let key_space = if item.keyed { KEY_PX + 4.0 } else { 0.0 };
        let padding = if item.lines.len() > 1 { 4.0 } else { 2.0 };
        let width = item
            .lines
            .iter()
            .map(|s| text_width(s, font))
            .fold(0.0, f64::max)
            + key_space
            + 2.0 * padding;
        let top = plot.top + 2.0 + item.row as f64 * row_height;
        let bottom = top + item.lines.len() as f64 * row_height;
        area.draw(&Rectangle::new(
            [px((item.x, top)), px((item.x + width, bottom))],
            backdrop,
        ))?;
        for (i, line) in item.lines.iter().enumerate() {
            let y = top + (i as f64 + 0.5) * row_height;
            let mut x = item.x + padding;
            if item.keyed && i + 1 == item.lines.len() {
                let half = (font * 0.35).round();
                area.draw(&Rectangle::new(
                    [px((x, y - half)), px((x + KEY_PX, y + half))],
                    theme.fault.mix(0.45).filled(),
                ))?;
                x += KEY_PX + 4.0;
            }
            area.draw_text(line, &style, px((x, y)))?;
        }
    }
    Ok(())
}
