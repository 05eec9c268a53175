//! The tier mix of the book and of new loans: each tier's share as a line, solid for the book and
//! dashed for new loans, on a fixed 0–100 % axis.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{
    draw_line, finish, DrawResult, LegendEntry, LineStyle, Plan, Swatch, YTicks, DASHED, SOLID,
};
use super::{render_with, ChartError, ChartFrame, ChartSize, ChartTheme};

/// What the quality-mix chart shows. Shares are fractions (0.31 for 31 %); a week without new loans
/// has no mix, and a non-finite share leaves a gap.
#[derive(Clone, Debug, PartialEq)]
pub struct QualityMixData {
    pub frame: ChartFrame,
    /// Prime, standard, marginal.
    pub tier_labels: [String; 3],
    pub book_shares: [Vec<f64>; 3],
    pub new_loan_shares: [Vec<f64>; 3],
    /// Legend text for the solid lines.
    pub book_label: String,
    /// Legend text for the dashed lines.
    pub new_loans_label: String,
}

/// Draws the chart onto any plotters area.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &QualityMixData,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    let book = |color: RGBColor| LineStyle::new(color.to_rgba(), 2, SOLID);
    let new = |color: RGBColor| LineStyle::new(color.to_rgba(), 1, DASHED);

    // Colour says the tier and the stroke says book or new loans, so the legend lists each once.
    let mut legend: Vec<LegendEntry<'_>> = data
        .tier_labels
        .iter()
        .zip(theme.tiers)
        .map(|(label, color)| LegendEntry {
            label,
            swatch: Swatch::Area(color.to_rgba()),
        })
        .collect();
    legend.push(LegendEntry {
        label: &data.book_label,
        swatch: Swatch::Line(book(theme.ink)),
    });
    legend.push(LegendEntry {
        label: &data.new_loans_label,
        swatch: Swatch::Line(new(theme.ink)),
    });

    let plan = Plan::new(area, &data.frame, legend, theme);
    let step = if plan.plot_height() < 120.0 {
        50.0
    } else {
        25.0
    };
    let plot = plan.plot(YTicks::fixed(0.0, 100.0, step), &data.frame);
    plan.draw_frame(area, &plot, &data.frame, theme)?;

    let percent = |shares: &[f64]| -> Vec<f64> { shares.iter().map(|s| s * 100.0).collect() };
    for (shares, color) in data.new_loan_shares.iter().zip(theme.tiers) {
        draw_line(area, &plot, &percent(shares), new(color))?;
    }
    for (shares, color) in data.book_shares.iter().zip(theme.tiers) {
        draw_line(area, &plot, &percent(shares), book(color))?;
    }
    finish(area, &plot, &data.frame, theme)
}

/// Renders the chart to an SVG string for the page.
pub fn render_svg(
    data: &QualityMixData,
    theme: &ChartTheme,
    size: ChartSize,
) -> Result<String, ChartError> {
    render_with(size, &data.frame.title, |area| draw(area, data, theme))
}
