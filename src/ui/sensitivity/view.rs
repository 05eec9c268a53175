//! The "Which lever matters" section as a view model: every label in the page's language, every
//! figure formatted, every bar's geometry worked out (x and width in a 0–100 box), so the
//! component only draws.

use std::fmt::Write;

use crate::engine::sensitivity::{Bar, End, Lever, Outcome, Tornado};
use crate::engine::sobol::{Importance, LeverModel};
use crate::i18n::{fill, Lang, Text};
use crate::ui::charts::ChartTheme;
use crate::ui::format;
use crate::ui::format::escape_markup as escape;
use crate::ui::sensitivity::{ImportanceStatus, Model, SAMPLE_CHOICES};
use crate::ui::workspace;

/// One outcome of the chooser.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeChoice {
    pub outcome: Outcome,
    pub id: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

/// One lever's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarView {
    pub lever: Lever,
    pub id: &'static str,
    pub label: &'static str,
    /// The range used, in words: "−20 % to +13 % of today's values".
    pub range: String,
    pub low_text: String,
    pub high_text: String,
    /// The outcomes rounded as the command line writes them (for tests and tools).
    pub low_raw: String,
    pub high_raw: String,
    /// The low end's and the high end's segment from the base line, in a 0–100 box.
    pub low_x: String,
    pub low_width: String,
    pub high_x: String,
    pub high_width: String,
    /// The bar in words, for screen readers.
    pub description: String,
    pub try_label: String,
}

/// The section.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityView {
    pub open: bool,
    pub outcomes: Vec<OutcomeChoice>,
    /// "Each lever moved 20 % down and up …".
    pub note: String,
    /// "Now: 720 loans".
    pub base: String,
    /// The base line's x in the 0–100 box.
    pub base_x: String,
    pub bars: Vec<BarView>,
    /// Shown when there is nothing to draw (no valid result yet).
    pub empty: Option<&'static str>,
    /// The tornado as a standalone SVG, for its download (empty without bars).
    pub svg: String,
    pub importance: ImportanceView,
}

/// One design size of the chooser.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One lever's indices: figures, and the bars and whiskers in a 0–100 box (0 to 1 of the variance).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexBarView {
    pub id: &'static str,
    pub label: &'static str,
    /// The indices rounded as the command line writes them (for tests and tools).
    pub first_raw: String,
    pub total_raw: String,
    /// "alone 12% [8% to 15%] · total 20% [17% to 24%]".
    pub figures: String,
    pub description: String,
    pub first_width: String,
    pub first_lo: String,
    pub first_hi: String,
    pub total_width: String,
    pub total_lo: String,
    pub total_hi: String,
}

/// The computed importance.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportanceResultView {
    pub stale: Option<&'static str>,
    /// "Loans in the book at the end · N = 1,000 · seed 42 · 20,000 runs".
    pub heading: String,
    /// Largest total index first.
    pub bars: Vec<IndexBarView>,
    /// The sentence of "measure this next", and the lever it names.
    pub measure_next: String,
    pub measure_lever: &'static str,
    /// The stated reduction rounded to four decimals (for tests and tools).
    pub reduction_raw: String,
    /// The chart as a standalone SVG, for its download.
    pub svg: String,
}

/// The importance part of the section.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportanceView {
    pub intro: String,
    pub samples: Vec<SampleChoice>,
    pub can_compute: bool,
    pub running: bool,
    /// Done and total evaluations with their words, while running.
    pub progress: Option<(u32, u32, String)>,
    /// Stopped, failed or waiting for a valid scenario, in words.
    pub status: Option<String>,
    pub result: Option<ImportanceResultView>,
}

/// A lever's name.
#[must_use]
pub fn lever_label(lever: Lever) -> Text {
    match lever {
        Lever::ProspectingHours => Text::LeverProspectingHours,
        Lever::ChannelYields => Text::LeverChannelYields,
        Lever::WalkIns => Text::LeverWalkIns,
        Lever::Referrals => Text::LeverReferrals,
        Lever::PipelineConversion => Text::LeverPipelineConversion,
        Lever::PipelineLosses => Text::LeverPipelineLosses,
        Lever::Approval => Text::LeverApproval,
        Lever::InvestigationTime => Text::LeverInvestigationTime,
        Lever::PaperworkTime => Text::LeverPaperworkTime,
        Lever::RenewalTime => Text::LeverRenewalTime,
        Lever::MonitoringTime => Text::LeverMonitoringTime,
        Lever::RenewalRates => Text::LeverRenewalRates,
        Lever::DefaultHazards => Text::LeverDefaultHazards,
        Lever::Margin => Text::LeverMargin,
        Lever::LoanSize => Text::LeverLoanSize,
        Lever::WorkingWeek => Text::LeverWorkingWeek,
    }
}

/// An outcome's name.
#[must_use]
pub fn outcome_label(outcome: Outcome) -> Text {
    match outcome {
        Outcome::BookEnd => Text::OutcomeBookEnd,
        Outcome::YearlyProfit => Text::OutcomeYearlyProfit,
        Outcome::NewLoans => Text::OutcomeNewLoans,
        Outcome::FaultDepth => Text::OutcomeFaultDepth,
        Outcome::HStar => Text::OutcomeHStar,
    }
}

/// An outcome's figure in the page's words.
#[must_use]
pub fn outcome_text(outcome: Outcome, value: Option<f64>, lang: Lang) -> String {
    let Some(v) = value else {
        return format::MISSING.to_owned();
    };
    match outcome {
        Outcome::BookEnd | Outcome::NewLoans => {
            fill(Text::LeversLoans.get(lang), &[&format::number(v, 0)])
        }
        Outcome::YearlyProfit => format::cny(v),
        Outcome::FaultDepth => format::percent(v, 1),
        Outcome::HStar => fill(Text::LeversHours.get(lang), &[&format::number(v, 1)]),
    }
}

/// A relative change as the labels write it: "−20 %", "+13 %", "0 %".
fn signed_percent(change: f64) -> String {
    let text = format::percent(change.abs(), 0);
    if text == "0%" {
        text
    } else if change < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

/// Rounded to four decimals like the command line's JSON.
fn raw(value: Option<f64>) -> String {
    value.map_or_else(String::new, |x| {
        let r = (x * 1e4).round() / 1e4;
        if r == 0.0 {
            "0".to_owned()
        } else {
            r.to_string()
        }
    })
}

/// The 0–100 box: the smallest and largest outcome of every end and the base.
fn domain(t: &Tornado) -> (f64, f64) {
    let values = t
        .bars
        .iter()
        .flat_map(|b| [b.low.outcome, b.high.outcome])
        .chain([t.base])
        .flatten()
        .filter(|v| v.is_finite());
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        let centre = if lo.is_finite() { lo } else { 0.0 };
        (centre - 1.0, centre + 1.0)
    }
}

fn segment(base: f64, end: &End, scale: &dyn Fn(f64) -> f64) -> (String, String) {
    let to = end.outcome.map_or(base, scale);
    let from = scale(base);
    let (x, w) = if to < from {
        (to, from - to)
    } else {
        (from, to - from)
    };
    (format!("{x:.2}"), format!("{w:.2}"))
}

fn bar_view(t: &Tornado, bar: &Bar, scale: &dyn Fn(f64) -> f64, lang: Lang) -> BarView {
    let base = t.base.unwrap_or(0.0);
    let (low_x, low_width) = segment(base, &bar.low, scale);
    let (high_x, high_width) = segment(base, &bar.high, scale);
    let label = lever_label(bar.lever).get(lang);
    let range = fill(
        Text::LeversRange.get(lang),
        &[
            &signed_percent(bar.low.change),
            &signed_percent(bar.high.change),
        ],
    );
    let low_text = outcome_text(t.outcome, bar.low.outcome, lang);
    let high_text = outcome_text(t.outcome, bar.high.outcome, lang);
    let description = fill(
        Text::LeversBarDescription.get(lang),
        &[label, &range, &low_text, &high_text],
    );
    BarView {
        lever: bar.lever,
        id: bar.lever.id(),
        label,
        range,
        low_raw: raw(bar.low.outcome),
        high_raw: raw(bar.high.outcome),
        low_text: fill(Text::LeversLowFigure.get(lang), &[&low_text]),
        high_text: fill(Text::LeversHighFigure.get(lang), &[&high_text]),
        low_x,
        low_width,
        high_x,
        high_width,
        description,
        try_label: fill(
            Text::LeversTry.get(lang),
            &[&signed_percent(bar.high.change)],
        ),
    }
}

/// The section's view model.
#[must_use]
pub fn sensitivity_view(model: &Model, ws: &workspace::Model, lang: Lang) -> SensitivityView {
    let importance = importance_view(model, ws, lang);
    let outcomes = Outcome::ALL
        .iter()
        .map(|&outcome| OutcomeChoice {
            outcome,
            id: outcome.id(),
            label: outcome_label(outcome).get(lang),
            selected: outcome == model.outcome,
        })
        .collect();
    let Some((_, t)) = model.tornado.as_ref() else {
        return SensitivityView {
            open: model.open,
            outcomes,
            note: String::new(),
            base: String::new(),
            base_x: "50".to_owned(),
            bars: Vec::new(),
            empty: model.open.then(|| Text::LeversEmpty.get(lang)),
            svg: String::new(),
            importance,
        };
    };
    let (lo, hi) = domain(t);
    let scale = move |v: f64| (v - lo) / (hi - lo) * 100.0;
    let base_x = t.base.map_or(50.0, scale);
    let bars: Vec<BarView> = t
        .bars
        .iter()
        .map(|bar| bar_view(t, bar, &scale, lang))
        .collect();
    let base = fill(
        Text::LeversBase.get(lang),
        &[&outcome_text(t.outcome, t.base, lang)],
    );
    let note = fill(Text::LeversNote.get(lang), &[&format::percent(t.spread, 0)]);
    let base_x = format!("{base_x:.2}");
    let svg = tornado_svg(t.outcome, &bars, &base, &base_x, lang);
    SensitivityView {
        open: model.open,
        outcomes,
        note,
        base,
        base_x,
        bars,
        empty: None,
        svg,
        importance,
    }
}

/// A share as the page writes indices: "55%".
fn share(x: f64) -> String {
    format::percent(x, 0)
}

/// A position in the 0–100 box of the indices (an interval may reach a little below 0).
fn unit_x(x: f64) -> String {
    let x = if x.is_finite() {
        x.clamp(0.0, 1.0)
    } else {
        0.0
    };
    format!("{:.2}", x * 100.0)
}

fn importance_result(
    imp: &Importance,
    outcome: Outcome,
    stale: bool,
    lang: Lang,
) -> ImportanceResultView {
    let mut order: Vec<usize> = (0..imp.indices.inputs.len().min(Lever::ALL.len())).collect();
    // Largest total first; equal totals keep the levers' order (a stable sort).
    order.sort_by(|&a, &b| {
        imp.indices.inputs[b]
            .total
            .total_cmp(&imp.indices.inputs[a].total)
    });
    let bars = order
        .into_iter()
        .map(|i| {
            let ix = imp.indices.inputs[i];
            let lever = Lever::ALL[i];
            let label = lever_label(lever).get(lang);
            IndexBarView {
                id: lever.id(),
                label,
                first_raw: raw(Some(ix.first)),
                total_raw: raw(Some(ix.total)),
                figures: fill(
                    Text::LeversIndexFigures.get(lang),
                    &[
                        &share(ix.first),
                        &share(ix.first_ci.0),
                        &share(ix.first_ci.1),
                        &share(ix.total),
                        &share(ix.total_ci.0),
                        &share(ix.total_ci.1),
                    ],
                ),
                description: fill(
                    Text::LeversIndexDescription.get(lang),
                    &[label, &share(ix.first), &share(ix.total)],
                ),
                first_width: unit_x(ix.first),
                first_lo: unit_x(ix.first_ci.0),
                first_hi: unit_x(ix.first_ci.1),
                total_width: unit_x(ix.total),
                total_lo: unit_x(ix.total_ci.0),
                total_hi: unit_x(ix.total_ci.1),
            }
        })
        .collect::<Vec<_>>();
    let outcome_name = outcome_label(outcome).get(lang);
    let (measure_next, measure_lever, reduction_raw) = match imp.measure_next {
        Some((lever, narrowing)) => (
            fill(
                Text::LeversMeasureNext.get(lang),
                &[
                    lever_label(lever).get(lang),
                    &share(imp.spread),
                    &share(imp.spread * narrowing.ratio),
                    outcome_name,
                    &share(narrowing.reduction()),
                ],
            ),
            lever.id(),
            raw(Some(narrowing.reduction())),
        ),
        None => (
            Text::LeversMeasureNothing.get(lang).to_owned(),
            "",
            String::new(),
        ),
    };
    let heading = fill(
        Text::LeversImportanceFor.get(lang),
        &[
            outcome_name,
            &format::number(imp.n as f64, 0),
            &imp.seed.to_string(),
            &format::number(imp.evaluations as f64, 0),
        ],
    );
    let svg = importance_svg(outcome, &bars, &heading, &measure_next, lang);
    ImportanceResultView {
        stale: stale.then(|| Text::LeversImportanceStale.get(lang)),
        heading,
        bars,
        measure_next,
        measure_lever,
        reduction_raw,
        svg,
    }
}

/// The importance part's view model.
#[must_use]
pub fn importance_view(model: &Model, ws: &workspace::Model, lang: Lang) -> ImportanceView {
    let per_row = (LeverModel::DIM + 2) as u32;
    let samples = SAMPLE_CHOICES
        .iter()
        .map(|&n| SampleChoice {
            value: n.to_string(),
            label: fill(
                Text::LeversSamplesOption.get(lang),
                &[
                    &format::number(f64::from(n), 0),
                    &format::number(f64::from(n * (per_row + 2)), 0),
                ],
            ),
            selected: n == model.samples,
        })
        .collect();
    let (running, progress, status) = match &model.importance {
        ImportanceStatus::Running { done, total, .. } => (
            true,
            Some((
                *done,
                *total,
                fill(
                    Text::LeversProgress.get(lang),
                    &[
                        &format::number(f64::from(*done), 0),
                        &format::number(f64::from(*total), 0),
                    ],
                ),
            )),
            None,
        ),
        ImportanceStatus::Stopped { by_edit: true } => (
            false,
            None,
            Some(Text::LeversStoppedEdit.get(lang).to_owned()),
        ),
        ImportanceStatus::Stopped { by_edit: false } => {
            (false, None, Some(Text::LeversStopped.get(lang).to_owned()))
        }
        ImportanceStatus::Failed(message) => (
            false,
            None,
            Some(fill(Text::LeversFailed.get(lang), &[message])),
        ),
        ImportanceStatus::Idle | ImportanceStatus::Done { .. } => (false, None, None),
    };
    let status = status.or_else(|| {
        (ws.result.is_none() || ws.stale).then(|| Text::LeversNeedValid.get(lang).to_owned())
    });
    ImportanceView {
        intro: fill(
            Text::LeversImportanceIntro.get(lang),
            &[&format!(
                "±{}",
                share(crate::engine::sensitivity::DEFAULT_SPREAD)
            )],
        ),
        samples,
        can_compute: model.can_compute(ws),
        running,
        progress,
        status,
        result: model
            .shown_importance(ws)
            .map(|(imp, outcome, stale)| importance_result(&imp, outcome, stale, lang)),
    }
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Widths of the downloaded charts: the labels' column, the bars' and the figures'.
const SVG_LABEL_W: f64 = 300.0;
const SVG_BAR_W: f64 = 420.0;
const SVG_FIGURE_W: f64 = 380.0;
const SVG_ROW_H: f64 = 30.0;
const SVG_TOP: f64 = 70.0;

/// The opening of a downloaded chart: the document, its background and its title.
fn svg_open(out: &mut String, height: f64, title: &str, subtitle: &str, theme: &ChartTheme) {
    let width = SVG_LABEL_W + SVG_BAR_W + SVG_FIGURE_W;
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{font}"><title>{title}</title><rect width="{width}" height="{height}" fill="{bg}"/><text x="16" y="28" font-size="18" font-weight="600" fill="{ink}">{title}</text><text x="16" y="52" font-size="13" fill="{muted}">{subtitle}</text>"#,
        font = escape(&theme.font_family),
        title = escape(title),
        subtitle = escape(subtitle),
        bg = hex(theme.background),
        ink = hex(theme.text),
        muted = hex(theme.muted_text),
    );
}

/// A line of legend keys (a swatch and its words) starting under the bars, at `y`.
fn svg_legend(out: &mut String, y: f64, items: &[(String, &str)], theme: &ChartTheme) {
    let mut x = SVG_LABEL_W;
    for (colour, words) in items {
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="{ry}" width="11" height="11" fill="{colour}"/><text x="{tx:.1}" y="{y}" font-size="12" fill="{ink}">{words}</text>"#,
            ry = y - 10.0,
            tx = x + 16.0,
            words = escape(words),
            ink = hex(theme.text),
        );
        // About 7 px per Latin letter and 13 px per Chinese character at 12 px.
        let width: f64 = words
            .chars()
            .map(|c| if c.is_ascii() { 7.0 } else { 13.0 })
            .sum();
        x += 16.0 + width + 24.0;
    }
}

/// The tornado as a standalone SVG (the light theme), one row per bar as on the page.
#[must_use]
pub fn tornado_svg(
    outcome: Outcome,
    bars: &[BarView],
    base: &str,
    base_x: &str,
    lang: Lang,
) -> String {
    let theme = ChartTheme::for_scheme(false);
    let bottom = SVG_TOP + SVG_ROW_H * bars.len() as f64;
    let height = bottom + 40.0;
    let mut out = String::new();
    let title = fill(
        Text::LeversTornadoChartTitle.get(lang),
        &[outcome_label(outcome).get(lang)],
    );
    svg_open(&mut out, height, &title, base, &theme);
    let px = |x: &str| SVG_LABEL_W + x.parse::<f64>().unwrap_or(0.0) / 100.0 * SVG_BAR_W;
    let width_px = |w: &str| w.parse::<f64>().unwrap_or(0.0) / 100.0 * SVG_BAR_W;
    for (row, bar) in bars.iter().enumerate() {
        let y = SVG_TOP + SVG_ROW_H * row as f64;
        let _ = write!(
            out,
            r#"<g><text x="16" y="{ty}" font-size="13" fill="{ink}">{label}</text><text x="16" y="{ry}" font-size="10" fill="{muted}">{range}</text><rect x="{lx:.1}" y="{by}" width="{lw:.1}" height="18" fill="{low}"/><rect x="{hx:.1}" y="{by}" width="{hw:.1}" height="18" fill="{high}"/><text x="{fx}" y="{ty}" font-size="11" fill="{ink}">{lt} · {ht}</text></g>"#,
            ty = y + 13.0,
            ry = y + 25.0,
            by = y + 4.0,
            label = escape(bar.label),
            range = escape(&bar.range),
            lx = px(&bar.low_x),
            lw = width_px(&bar.low_width),
            hx = px(&bar.high_x),
            hw = width_px(&bar.high_width),
            fx = SVG_LABEL_W + SVG_BAR_W + 12.0,
            lt = escape(&bar.low_text),
            ht = escape(&bar.high_text),
            ink = hex(theme.text),
            muted = hex(theme.muted_text),
            low = hex(theme.activities[1]),
            high = hex(theme.primary),
        );
    }
    let _ = write!(
        out,
        r#"<line x1="{x:.1}" x2="{x:.1}" y1="{top}" y2="{bottom}" stroke="{ink}" stroke-width="1"/>"#,
        x = px(base_x),
        top = SVG_TOP,
        ink = hex(theme.ink),
    );
    svg_legend(
        &mut out,
        bottom + 26.0,
        &[
            (hex(theme.activities[1]), Text::LeversLow.get(lang)),
            (hex(theme.primary), Text::LeversHigh.get(lang)),
        ],
        &theme,
    );
    out.push_str("</svg>");
    out
}

/// The importance chart as a standalone SVG: per lever a thin bar (alone) and a thick bar (total)
/// with their intervals as whiskers, on 0 to 100 % of the variance.
#[must_use]
pub fn importance_svg(
    outcome: Outcome,
    bars: &[IndexBarView],
    heading: &str,
    measure_next: &str,
    lang: Lang,
) -> String {
    let theme = ChartTheme::for_scheme(false);
    let height = SVG_TOP + SVG_ROW_H * bars.len() as f64 + 84.0;
    let mut out = String::new();
    let title = fill(
        Text::LeversImportanceChartTitle.get(lang),
        &[outcome_label(outcome).get(lang)],
    );
    svg_open(&mut out, height, &title, heading, &theme);
    let px = |x: &str| SVG_LABEL_W + x.parse::<f64>().unwrap_or(0.0) / 100.0 * SVG_BAR_W;
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = SVG_LABEL_W + tick * SVG_BAR_W;
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" x2="{x:.1}" y1="{top}" y2="{bottom}" stroke="{grid}" stroke-width="1"/><text x="{x:.1}" y="{ly}" font-size="10" text-anchor="middle" fill="{muted}">{label}</text>"#,
            top = SVG_TOP - 4.0,
            bottom = SVG_TOP + SVG_ROW_H * bars.len() as f64,
            ly = SVG_TOP + SVG_ROW_H * bars.len() as f64 + 14.0,
            label = escape(&share(tick)),
            grid = hex(theme.grid),
            muted = hex(theme.muted_text),
        );
    }
    for (row, bar) in bars.iter().enumerate() {
        let y = SVG_TOP + SVG_ROW_H * row as f64;
        let _ = write!(
            out,
            r#"<g><text x="16" y="{ty}" font-size="13" fill="{ink}">{label}</text><rect x="{x0}" y="{fy}" width="{fw:.1}" height="7" fill="{first}"/><line x1="{flo:.1}" x2="{fhi:.1}" y1="{fwy}" y2="{fwy}" stroke="{ink}" stroke-width="1"/><rect x="{x0}" y="{tyy}" width="{tw:.1}" height="11" fill="{total}"/><line x1="{tlo:.1}" x2="{thi:.1}" y1="{twy}" y2="{twy}" stroke="{ink}" stroke-width="1.5"/><text x="{fx}" y="{ty}" font-size="11" fill="{ink}">{figures}</text></g>"#,
            ty = y + 17.0,
            label = escape(bar.label),
            x0 = SVG_LABEL_W,
            fy = y + 4.0,
            fw = px(&bar.first_width) - SVG_LABEL_W,
            flo = px(&bar.first_lo),
            fhi = px(&bar.first_hi),
            fwy = y + 7.5,
            tyy = y + 13.0,
            tw = px(&bar.total_width) - SVG_LABEL_W,
            tlo = px(&bar.total_lo),
            thi = px(&bar.total_hi),
            twy = y + 18.5,
            fx = SVG_LABEL_W + SVG_BAR_W + 12.0,
            figures = escape(&bar.figures),
            ink = hex(theme.text),
            first = hex(theme.activities[1]),
            total = hex(theme.primary),
        );
    }
    svg_legend(
        &mut out,
        SVG_TOP + SVG_ROW_H * bars.len() as f64 + 40.0,
        &[
            (hex(theme.activities[1]), Text::LeversFirst.get(lang)),
            (hex(theme.primary), Text::LeversTotal.get(lang)),
        ],
        &theme,
    );
    let _ = write!(
        out,
        r#"<text x="16" y="{y}" font-size="13" fill="{ink}">{text}</text></svg>"#,
        y = height - 16.0,
        text = escape(measure_next),
        ink = hex(theme.text),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sensitivity::Action;
    use crate::ui::workspace;
    use chrono::NaiveDate;

    #[test]
    fn every_bar_says_its_range_in_both_languages_and_fits_the_box() {
        let ws = workspace::Model::new(NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"));
        let mut m = Model::default();
        let _ = m.update(Action::SetOpen(true), &ws);
        for lang in [Lang::En, Lang::Zh] {
            let v = sensitivity_view(&m, &ws, lang);
            assert_eq!(v.bars.len(), Lever::ALL.len());
            assert!(v.empty.is_none());
            for bar in &v.bars {
                assert!(bar.range.contains('%'), "{}", bar.range);
                for (x, w) in [(&bar.low_x, &bar.low_width), (&bar.high_x, &bar.high_width)] {
                    let (x, w): (f64, f64) = (x.parse().expect("x"), w.parse().expect("w"));
                    assert!(x >= 0.0 && w >= 0.0 && x + w <= 100.01, "{x} {w}");
                }
            }
        }
        let en = sensitivity_view(&m, &ws, Lang::En);
        let zh = sensitivity_view(&m, &ws, Lang::Zh);
        assert_ne!(en.bars[0].label, zh.bars[0].label);
        assert!(en.note.contains("20%"), "{}", en.note);
        assert_eq!(signed_percent(-0.2), "−20%");
        assert_eq!(signed_percent(0.1333), "+13%");
    }

    /// Every element opened is closed, in order (a well-formedness check without an XML parser;
    /// the end-to-end test parses the downloads with the browser's).
    fn balanced(svg: &str) -> bool {
        let mut open: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let Some(end) = rest.find('>') else {
                return false;
            };
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                if open.pop().as_deref() != Some(name) {
                    return false;
                }
            } else if !tag.ends_with('/') {
                open.push(tag.split_whitespace().next().unwrap_or("").to_owned());
            }
        }
        open.is_empty()
    }

    #[test]
    fn issue_21_the_importance_in_words_names_the_largest_total_and_its_computed_reduction() {
        use crate::engine::sobol;
        let ws = workspace::Model::new(NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"));
        let mut m = Model::default();
        let _ = m.update(Action::SetOpen(true), &ws);
        let _ = m.update(Action::SetOutcome(Outcome::HStar), &ws);
        let _ = m.update(Action::ComputeImportance, &ws);
        let job = m.job;
        let params = &ws.result.as_ref().expect("result").params;
        let imp = std::rc::Rc::new(sobol::levers(params, Outcome::HStar, 0.2, 32, 3));
        let _ = m.update(
            Action::ImportanceFinished {
                job,
                importance: std::rc::Rc::clone(&imp),
            },
            &ws,
        );
        let (lever, narrowing) = imp.measure_next.expect("measure next");
        for lang in [Lang::En, Lang::Zh] {
            let v = sensitivity_view(&m, &ws, lang);
            assert!(balanced(&v.svg), "tornado SVG");
            let r = v.importance.result.expect("shown");
            assert!(r.stale.is_none());
            assert!(balanced(&r.svg), "importance SVG");
            assert_eq!(r.measure_lever, lever.id());
            assert_eq!(r.bars[0].id, lever.id(), "the largest total comes first");
            let pct = format::percent(narrowing.reduction(), 0);
            assert!(r.measure_next.contains(&pct), "{}", r.measure_next);
            assert!(r.measure_next.contains(lever_label(lever).get(lang)));
            assert!(r.svg.contains(&escape(&r.measure_next)));
        }
        let en = sensitivity_view(&m, &ws, Lang::En)
            .importance
            .result
            .expect("en");
        assert!(
            en.measure_next
                .starts_with("Renewal rates: narrowing its range from ±20% to ±5%"),
            "{}",
            en.measure_next
        );
    }

    #[test]
    fn a_closed_section_shows_nothing() {
        let ws = workspace::Model::new(NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"));
        let v = sensitivity_view(&Model::default(), &ws, Lang::En);
        assert!(v.bars.is_empty() && v.empty.is_none() && !v.open);
    }
}
