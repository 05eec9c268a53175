//! Layout and drawing primitives shared by the charts: the title, the legend, date and value axes,
//! shaded bands, and lines and areas over weeks.
//!
//! Everything is placed in pixels computed here, with a width estimate for text, so a chart looks the
//! same whether plotters runs natively in a test or in the browser. Coordinates are rounded once, at
//! the end, and non-finite values never reach the backend.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Band, BandKind, ChartFrame, ChartTheme, DateAxis, NumberUnits, Series};

/// The result every drawing step returns.
pub(crate) type DrawResult<DB> =
    Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// plotters' SVG backend writes `font-size` as the style size divided by 1.24; sizes here are pixels.
const PLOTTERS_FONT_SCALE: f64 = 1.24;
/// Space around the chart's edge.
const PAD: f64 = 6.0;
/// Length of an axis tick mark.
const TICK: f64 = 4.0;
/// Width of a legend swatch.
const SWATCH: f64 = 16.0;
/// Radius of a dot that marks one week's value.
pub(crate) const DOT_RADIUS_PX: i32 = 4;

/// Dash patterns in pixels, on then off; an empty pattern is a solid line.
pub(crate) const SOLID: &[f64] = &[];
pub(crate) const DASHED: &[f64] = &[6.0, 4.0];
pub(crate) const SHORT_DASHED: &[f64] = &[3.0, 3.0];
/// One pattern per pinned scenario, so pins differ by more than colour.
pub(crate) const PINNED_DASHES: [&[f64]; super::MAX_PINNED] = [
    &[9.0, 4.0],
    &[2.0, 3.0],
    &[10.0, 3.0, 2.0, 3.0],
    &[5.0, 2.0, 5.0, 6.0],
];

/// How a line is stroked.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineStyle {
    pub color: RGBAColor,
    pub width: u32,
    pub dash: &'static [f64],
}

impl LineStyle {
    pub(crate) fn new(color: RGBAColor, width: u32, dash: &'static [f64]) -> Self {
        Self { color, width, dash }
    }

    /// The style of pinned scenario `index` (an index past the palette wraps around).
    pub(crate) fn pinned(theme: &ChartTheme, index: usize) -> Self {
        let i = index % super::MAX_PINNED;
        Self::new(theme.pinned[i].to_rgba(), 2, PINNED_DASHES[i])
    }

    /// Trainer mode's ghost: wide and faint, so it reads as "what would have been".
    pub(crate) fn ghost(theme: &ChartTheme) -> Self {
        Self::new(theme.ghost.mix(0.7), 3, SOLID)
    }
}

/// What a legend entry shows next to its text.
pub(crate) enum Swatch {
    Area(RGBAColor),
    Line(LineStyle),
    /// A run of colours, for a stack shaded by age.
    Ramp(Vec<RGBColor>),
    /// A dot, for values drawn as points (reported weeks).
    Dot(RGBColor),
}

pub(crate) struct LegendEntry<'a> {
    pub label: &'a str,
    pub swatch: Swatch,
}

/// Text sizes in pixels, smaller on a phone-sized chart.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fonts {
    pub tick: f64,
    pub legend: f64,
    pub title: f64,
}

impl Fonts {
    /// Every text at one size, the title a little larger: the trainer's lesson charts, whose type
    /// is sized for the room rather than for the chart.
    pub(crate) fn uniform(px: f64) -> Self {
        Self {
            tick: px,
            legend: px,
            title: px * 1.1,
        }
    }

    fn for_width(width: f64) -> Self {
        if width < 480.0 {
            Self {
                tick: 10.5,
                legend: 11.0,
                title: 12.5,
            }
        } else {
            Self {
                tick: 11.5,
                legend: 12.0,
                title: 14.0,
            }
        }
    }
}

/// An estimate of the rendered width of `text`. CJK characters are one em wide; Latin text averages
/// a little over half an em in a sans-serif face. Erring wide only costs a little space.
pub(crate) fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    let code = u32::from(c);
    let wide = matches!(code,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x2_0000..=0x3_FFFD);
    if wide {
        1.0
    } else if matches!(
        c,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' '
    ) {
        0.3
    } else if matches!(c, 'm' | 'w' | 'M' | 'W' | '%') {
        0.85
    } else if c.is_ascii_uppercase() {
        0.7
    } else {
        0.6
    }
}

/// A text style at a pixel size, in the theme's font.
pub(crate) fn text_style(
    theme: &ChartTheme,
    px: f64,
    color: RGBColor,
    pos: Pos,
    bold: bool,
) -> TextStyle<'_> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    TextStyle {
        font: FontDesc::new(
            FontFamily::from(theme.font_family.as_str()),
            px * PLOTTERS_FONT_SCALE,
            style,
        ),
        color: color.to_backend_color(),
        pos,
    }
}

/// Rounds a pixel position for the backend. Callers never pass non-finite values, and the clamp keeps
/// a wild value from wrapping around.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn px(p: (f64, f64)) -> (i32, i32) {
    let round = |v: f64| v.round().clamp(-1.0e6, 1.0e6) as i32;
    (round(p.0), round(p.1))
}

/// Ticks of a value axis: `lo`, `lo + step`, … `hi`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct YTicks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    /// How the labels shorten large numbers; the chart's frame sets it when the plot is laid out.
    pub units: NumberUnits,
}

impl YTicks {
    /// Round ticks covering `min..max` with about `target` intervals, always including zero so that
    /// counts and hours are read from a true baseline.
    pub(crate) fn nice(min: f64, max: f64, target: usize) -> Self {
        let (mut min, mut max) = (min.min(0.0), max.max(0.0));
        if !(min.is_finite() && max.is_finite()) {
            (min, max) = (0.0, 1.0);
        }
        if max - min < 1e-9 {
            max = min + 1.0;
        }
        let target = target.max(1) as f64;
        let magnitude = 10f64.powf(((max - min) / target).log10().floor());
        // Of the round steps that need at most one interval more than asked for, take the one that
        // wastes least room above the data, then the one closest to the asked-for count.
        let mut best: Option<(f64, f64, Self)> = None;
        for scale in [0.1, 1.0, 10.0] {
            for nice in [1.0, 2.0, 2.5, 5.0] {
                let step = nice * magnitude * scale;
                // A hair of tolerance keeps 100.0000001 from adding a whole empty interval.
                let lo = (min / step + 1e-9).floor() * step;
                let hi = ((max / step - 1e-9).ceil() * step).max(lo + step);
                let intervals = ((hi - lo) / step).round();
                if intervals > target + 1.0 {
                    continue;
                }
                let score = (hi - lo, (intervals - target).abs());
                if best.as_ref().is_none_or(|b| score < (b.0, b.1)) {
                    best = Some((
                        score.0,
                        score.1,
                        Self {
                            lo,
                            hi,
                            step,
                            units: NumberUnits::Si,
                        },
                    ));
                }
            }
        }
        best.map_or(
            Self {
                lo: min,
                hi: max,
                step: max - min,
                units: NumberUnits::Si,
            },
            |b| b.2,
        )
    }

    /// Fixed ticks, for shares shown as 0–100 %.
    pub(crate) fn fixed(lo: f64, hi: f64, step: f64) -> Self {
        Self {
            lo,
            hi,
            step,
            units: NumberUnits::Si,
        }
    }

    pub(crate) fn values(&self) -> Vec<f64> {
        let count = ((self.hi - self.lo) / self.step).round().clamp(0.0, 1000.0) as usize;
        (0..=count)
            .map(|i| self.lo + self.step * i as f64)
            .collect()
    }

    /// Plain numbers; thousands and millions get SI suffixes so a profit axis stays narrow.
    pub(crate) fn labels(&self) -> Vec<(f64, String)> {
        let largest = self.lo.abs().max(self.hi.abs());
        let (scale, suffix) = match self.units {
            NumberUnits::Si if largest >= 1.0e6 => (1.0e6, "M"),
            NumberUnits::Si if largest >= 1.0e4 => (1.0e3, "k"),
            NumberUnits::Chinese if largest >= 1.0e8 => (1.0e8, "亿"),
            NumberUnits::Chinese if largest >= 1.0e4 => (1.0e4, "万"),
            _ => (1.0, ""),
        };
        // As many decimals as the step needs, so 2.5-steps do not round to 2, 5, 8.
        let scaled_step = self.step / scale;
        let decimals = (0..=4)
            .find(|&d| {
                let shifted = scaled_step * 10f64.powi(d);
                (shifted - shifted.round()).abs() < 1e-6 * shifted.max(1.0)
            })
            .unwrap_or(4) as usize;
        self.values()
            .into_iter()
            .map(|v| {
                let scaled = v / scale;
                let mut text = format!("{scaled:.decimals$}");
                if text
                    .trim_start_matches('-')
                    .chars()
                    .all(|c| c == '0' || c == '.')
                {
                    text = format!("{:.decimals$}", 0.0);
                } else {
                    text.push_str(suffix);
                }
                (v, text)
            })
            .collect()
    }
}

/// The min and max of the finite values seen so far.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Extent {
    pub min: f64,
    pub max: f64,
}

impl Extent {
    pub(crate) fn new() -> Self {
        Self {
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }

    /// Adds the values of weeks `0..weeks`.
    pub(crate) fn add(&mut self, values: &[f64], weeks: usize) {
        for &v in values.iter().take(weeks) {
            if v.is_finite() {
                self.min = self.min.min(v);
                self.max = self.max.max(v);
            }
        }
    }

    /// Zero when nothing was seen, so an empty chart still gets an axis.
    pub(crate) fn or_zero(self) -> (f64, f64) {
        if self.min <= self.max {
            (self.min, self.max)
        } else {
            (0.0, 0.0)
        }
    }
}

/// The value of week `t`, if it exists and is finite.
pub(crate) fn at(values: &[f64], t: usize) -> Option<f64> {
    values.get(t).copied().filter(|v| v.is_finite())
}

/// Cumulative sums of layers for a stacked chart: `tops[k][t]` is the top of layer `k`. A missing or
/// non-finite value counts as zero, so one bad number cannot tear a hole through the stack.
pub(crate) fn stack(layers: &[&[f64]], weeks: usize) -> Vec<Vec<f64>> {
    let mut running = vec![0.0; weeks];
    layers
        .iter()
        .map(|layer| {
            for (t, sum) in running.iter_mut().enumerate() {
                *sum += at(layer, t).unwrap_or(0.0);
            }
            running.clone()
        })
        .collect()
}

/// The vertical layout of a chart and its legend, known before the value axis is chosen, so a chart
/// can size its axis (and any headroom) to the plot height.
pub(crate) struct Plan<'a> {
    width: f64,
    height: f64,
    pub fonts: Fonts,
    legend: Vec<LegendEntry<'a>>,
    /// Each row of the legend as (entry index, x) pairs.
    legend_rows: Vec<Vec<(usize, f64)>>,
    legend_top: f64,
    legend_row_height: f64,
    pub top: f64,
    pub bottom: f64,
}

impl<'a> Plan<'a> {
    /// Lays out the title and the legend (with band entries appended when bands are drawn) for an
    /// area.
    pub(crate) fn new<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        frame: &'a ChartFrame,
        legend: Vec<LegendEntry<'a>>,
        theme: &ChartTheme,
    ) -> Self {
        let (w, _) = area.dim_in_pixel();
        Self::with_fonts(
            area,
            frame,
            legend,
            theme,
            Fonts::for_width(f64::from(w)),
            false,
        )
    }

    /// [`Plan::new`] with the text sizes given; `beside_title` puts a legend that fits on one line
    /// on the title's line, right of it, so a short chart keeps its height for the data.
    pub(crate) fn with_fonts<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        frame: &'a ChartFrame,
        mut legend: Vec<LegendEntry<'a>>,
        theme: &ChartTheme,
        fonts: Fonts,
        beside_title: bool,
    ) -> Self {
        let (w, h) = area.dim_in_pixel();
        let (width, height) = (f64::from(w), f64::from(h));
        legend.retain(|entry| !entry.label.is_empty());
        let drawn = frame.dates.drawn_weeks() as usize;
        let has = |kind: BandKind| {
            frame
                .bands
                .iter()
                .any(|b| band_span(b, &frame.dates, drawn).is_some() && b.kind == kind)
        };
        if has(BandKind::Festival) && !frame.festival_label.is_empty() {
            legend.push(LegendEntry {
                label: &frame.festival_label,
                swatch: Swatch::Area(theme.festival_band),
            });
        }
        if (has(BandKind::Shock) || has(BandKind::AnnouncedShock)) && !frame.shock_label.is_empty()
        {
            legend.push(LegendEntry {
                label: &frame.shock_label,
                swatch: Swatch::Area(theme.shock_band),
            });
        }

        let title_height = if frame.title.is_empty() {
            0.0
        } else {
            fonts.title + 6.0
        };
        let mut legend_top = PAD + title_height;
        let legend_row_height = fonts.legend + 6.0;
        let mut legend_rows = flow_legend(&legend, fonts.legend, PAD, width - 2.0 * PAD);
        let mut rows_below = legend_rows.len();
        if beside_title && title_height > 0.0 {
            let start = PAD + text_width(&frame.title, fonts.title) * 1.05 + 2.0 * fonts.legend;
            let beside = flow_legend(&legend, fonts.legend, start, width - PAD - start);
            if beside.len() == 1 {
                legend_rows = beside;
                legend_top = PAD + (fonts.title - legend_row_height) / 2.0;
                rows_below = 0;
            }
        }
        // Half a tick label of room above the plot, so the top label is not cut.
        let top =
            PAD + title_height + rows_below as f64 * legend_row_height + fonts.tick * 0.6 + 2.0;
        let x_title = if frame.x_axis_title.is_empty() {
            0.0
        } else {
            fonts.tick + 4.0
        };
        let bottom = height - PAD - x_title - fonts.tick - TICK - 4.0;
        Self {
            width,
            height,
            fonts,
            legend,
            legend_rows,
            legend_top,
            legend_row_height,
            top,
            bottom: bottom.max(top + 1.0),
        }
    }

    pub(crate) fn plot_height(&self) -> f64 {
        self.bottom - self.top
    }

    /// About one value tick per 45 px of plot height, or per 3.5 lines of tick text where the text
    /// is larger than usual.
    pub(crate) fn y_tick_target(&self) -> usize {
        let spacing = (self.fonts.tick * 3.5).max(45.0);
        ((self.plot_height() / spacing).floor() as usize).clamp(2, 8)
    }

    /// The plot rectangle once the value axis is known: the left margin fits the widest tick label.
    pub(crate) fn plot(&self, y: YTicks, frame: &ChartFrame) -> Plot {
        let y = YTicks {
            units: frame.units,
            ..y
        };
        let widest = y
            .labels()
            .iter()
            .map(|(_, s)| text_width(s, self.fonts.tick))
            .fold(0.0, f64::max);
        let y_title = if frame.y_axis_title.is_empty() {
            0.0
        } else {
            self.fonts.tick + 6.0
        };
        let left = PAD + y_title + widest + TICK + 4.0;
        // Room for half of a date label centred on a tick at the very end; a December date is a
        // fair stand-in for the widest label.
        let dates = &frame.dates;
        let sample = NaiveDate::from_ymd_opt(2000, 12, 1).map_or(0.0, |d| {
            let month = text_width(&format_date(d, &dates.tick_format), self.fonts.tick);
            let year = dates
                .year_tick_format
                .as_deref()
                .map_or(0.0, |f| text_width(&format_date(d, f), self.fonts.tick));
            month.max(year)
        });
        let right = self.width - PAD - (sample / 2.0).max(self.fonts.tick);
        Plot {
            left,
            right: right.max(left + 1.0),
            top: self.top,
            bottom: self.bottom,
            horizon: f64::from(dates.horizon_weeks.max(1)),
            drawn: dates.drawn_weeks() as usize,
            cut: dates.visible_weeks.is_some() && dates.drawn_weeks() < dates.horizon_weeks,
            y,
        }
    }

    /// Draws what goes under the data: background, title, legend, grid, ticks and axis titles.
    pub(crate) fn draw_frame<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        plot: &Plot,
        frame: &ChartFrame,
        theme: &ChartTheme,
    ) -> DrawResult<DB> {
        area.fill(&theme.background)?;
        if !frame.title.is_empty() {
            let style = text_style(
                theme,
                self.fonts.title,
                theme.text,
                Pos::new(HPos::Left, VPos::Top),
                true,
            );
            area.draw_text(&frame.title, &style, px((PAD, PAD)))?;
        }
        self.draw_legend(area, theme)?;

        let tick_style = text_style(
            theme,
            self.fonts.tick,
            theme.muted_text,
            Pos::new(HPos::Right, VPos::Center),
            false,
        );
        let grid = ShapeStyle {
            color: theme.grid.to_rgba(),
            filled: false,
            stroke_width: 1,
        };
        for (value, label) in plot.y.labels() {
            let y = plot.y(value);
            area.draw(&PathElement::new(
                vec![px((plot.left, y)), px((plot.right, y))],
                grid,
            ))?;
            area.draw_text(&label, &tick_style, px((plot.left - TICK - 3.0, y)))?;
        }

        let date_style = text_style(
            theme,
            self.fonts.tick,
            theme.muted_text,
            Pos::new(HPos::Center, VPos::Top),
            false,
        );
        let axis = ShapeStyle {
            color: theme.axis.to_rgba(),
            filled: false,
            stroke_width: 1,
        };
        for (week, label) in date_ticks(&frame.dates, plot.right - plot.left, self.fonts.tick) {
            let x = plot.x(week);
            area.draw(&PathElement::new(
                vec![px((x, plot.top)), px((x, plot.bottom))],
                grid,
            ))?;
            area.draw(&PathElement::new(
                vec![px((x, plot.bottom)), px((x, plot.bottom + TICK))],
                axis,
            ))?;
            area.draw_text(&label, &date_style, px((x, plot.bottom + TICK + 2.0)))?;
        }

        if !frame.x_axis_title.is_empty() {
            let style = text_style(
                theme,
                self.fonts.tick,
                theme.muted_text,
                Pos::new(HPos::Center, VPos::Bottom),
                false,
            );
            let centre = f64::midpoint(plot.left, plot.right);
            area.draw_text(&frame.x_axis_title, &style, px((centre, self.height - PAD)))?;
        }
        if !frame.y_axis_title.is_empty() {
            let style = text_style(
                theme,
                self.fonts.tick,
                theme.muted_text,
                Pos::new(HPos::Center, VPos::Top),
                false,
            )
            .transform(FontTransform::Rotate270);
            let middle = f64::midpoint(plot.top, plot.bottom);
            area.draw_text(&frame.y_axis_title, &style, px((PAD, middle)))?;
        }
        Ok(())
    }

    fn draw_legend<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &ChartTheme,
    ) -> DrawResult<DB> {
        let style = text_style(
            theme,
            self.fonts.legend,
            theme.text,
            Pos::new(HPos::Left, VPos::Center),
            false,
        );
        for (row, entries) in self.legend_rows.iter().enumerate() {
            let y = self.legend_top + (row as f64 + 0.5) * self.legend_row_height;
            for &(index, x) in entries {
                let entry = &self.legend[index];
                draw_swatch(area, &entry.swatch, x, y, self.fonts.legend)?;
                area.draw_text(entry.label, &style, px((x + SWATCH + 4.0, y)))?;
            }
        }
        Ok(())
    }
}

/// Places legend entries left to right from `start`, wrapping to a new row when the next one would
/// not fit in `width`.
fn flow_legend(
    legend: &[LegendEntry<'_>],
    font: f64,
    start: f64,
    width: f64,
) -> Vec<Vec<(usize, f64)>> {
    let mut rows: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut x = start;
    for (index, entry) in legend.iter().enumerate() {
        let item = SWATCH + 4.0 + text_width(entry.label, font);
        let row_is_open = rows.last().is_some_and(|row| !row.is_empty());
        if !row_is_open || x + item > start + width {
            rows.push(Vec::new());
            x = start;
        }
        if let Some(row) = rows.last_mut() {
            row.push((index, x));
        }
        x += item + 14.0;
    }
    rows
}

fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    swatch: &Swatch,
    x: f64,
    y: f64,
    font: f64,
) -> DrawResult<DB> {
    let half = (font * 0.4).round();
    match swatch {
        Swatch::Area(color) => area.draw(&Rectangle::new(
            [px((x, y - half)), px((x + SWATCH, y + half))],
            color.filled(),
        )),
        Swatch::Line(line) => draw_polyline(area, &[(x, y), (x + SWATCH, y)], *line),
        Swatch::Dot(color) => area.draw(&Circle::new(
            px((x + SWATCH / 2.0, y)),
            DOT_RADIUS_PX,
            color.filled(),
        )),
        Swatch::Ramp(colors) => {
            let n = colors.len().max(1) as f64;
            for (i, color) in colors.iter().enumerate() {
                let x0 = x + SWATCH * i as f64 / n;
                let x1 = x + SWATCH * (i + 1) as f64 / n;
                area.draw(&Rectangle::new(
                    [px((x0, y - half)), px((x1, y + half))],
                    color.filled(),
                ))?;
            }
            Ok(())
        }
    }
}

/// The shaded span of a band in weeks, clipped to the horizon. A shock is only shown once it has
/// started (`drawn` weeks are on screen): in trainer mode it must come as a surprise. Festivals are
/// on the calendar, and an announced shock was told in advance, so they are always shown.
fn band_span(band: &Band, dates: &DateAxis, drawn: usize) -> Option<(f64, f64)> {
    let horizon = f64::from(dates.horizon_weeks);
    let limit = match band.kind {
        BandKind::Festival | BandKind::AnnouncedShock => horizon,
        BandKind::Shock => horizon.min(drawn as f64),
    };
    let start = f64::from(band.start_week).min(limit);
    let end = f64::from(band.end_week_exclusive).min(limit);
    (end > start).then_some((start, end))
}

/// Date ticks at month starts, with the smallest step (1, 2, 3, 6, 12 or 24 months) whose labels do
/// not collide; ticks are aligned to January so a 3-month step shows quarters.
pub(crate) fn date_ticks(dates: &DateAxis, plot_width: f64, font: f64) -> Vec<(f64, String)> {
    let horizon_days = u64::from(dates.horizon_weeks) * 7;
    let Some(end) = dates.week0.checked_add_days(Days::new(horizon_days)) else {
        return Vec::new();
    };
    let mut months = Vec::new();
    let (mut year, mut month) = (dates.week0.year(), dates.week0.month());
    if dates.week0.day() != 1 {
        (year, month) = next_month(year, month);
    }
    while let Some(date) = NaiveDate::from_ymd_opt(year, month, 1) {
        if date > end || months.len() > 2000 {
            break;
        }
        months.push(date);
        (year, month) = next_month(year, month);
    }
    let px_per_week = plot_width / f64::from(dates.horizon_weeks.max(1));
    for step in [1, 2, 3, 6, 12, 24] {
        let ticks: Vec<(f64, String)> = months
            .iter()
            .filter(|d| (i64::from(d.year()) * 12 + i64::from(d.month0())).rem_euclid(step) == 0)
            .map(|&d| (week_of(dates.week0, d), tick_label(dates, d)))
            .collect();
        let widest = ticks
            .iter()
            .map(|(_, s)| text_width(s, font))
            .fold(0.0, f64::max);
        let spacing = step as f64 * (365.25 / 12.0 / 7.0) * px_per_week;
        if spacing >= widest + 10.0 || step == 24 {
            return ticks;
        }
    }
    Vec::new()
}

fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

fn week_of(week0: NaiveDate, date: NaiveDate) -> f64 {
    date.signed_duration_since(week0).num_days() as f64 / 7.0
}

fn tick_label(dates: &DateAxis, date: NaiveDate) -> String {
    let pattern = match &dates.year_tick_format {
        Some(year) if date.month() == 1 => year,
        _ => &dates.tick_format,
    };
    format_date(date, pattern)
}

/// Formats a date with a strftime pattern; chrono reports a bad pattern as a formatting error, which
/// would panic in `to_string`, so it is caught here and the ISO date is shown instead.
pub(crate) fn format_date(date: NaiveDate, pattern: &str) -> String {
    let mut out = String::new();
    if write!(out, "{}", date.format(pattern)).is_err() {
        out.clear();
        let _ = write!(out, "{date}");
    }
    out
}

/// The plot rectangle in pixels and the mapping from (week, value) into it.
pub(crate) struct Plot {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The x-axis spans weeks `0..horizon`.
    pub horizon: f64,
    /// Series are drawn for weeks `0..drawn`.
    pub drawn: usize,
    /// Trainer mode cut the series short, so a cursor marks "now".
    pub cut: bool,
    pub y: YTicks,
}

impl Plot {
    /// The pixel x of a position in weeks.
    pub(crate) fn x(&self, week: f64) -> f64 {
        self.left + (self.right - self.left) * week / self.horizon
    }

    /// The pixel y of a value; values beyond the axis are pinned a little outside the plot.
    pub(crate) fn y(&self, value: f64) -> f64 {
        let span = self.y.hi - self.y.lo;
        let y = self.bottom - (self.bottom - self.top) * (value - self.y.lo) / span;
        y.clamp(self.top - 10.0, self.bottom + 10.0)
    }

    /// Maximal runs of consecutive drawn weeks where `value(t)` exists, as pixel points. Each week is
    /// drawn at its middle, and each run is extended flat to the edges of its first and last weeks,
    /// so areas meet the axis and a single week still shows.
    pub(crate) fn runs(&self, value: impl Fn(usize) -> Option<f64>) -> Vec<Vec<(f64, f64)>> {
        let mut runs = Vec::new();
        let mut current: Vec<(usize, f64)> = Vec::new();
        for t in 0..=self.drawn {
            if let Some(v) = (t < self.drawn).then(|| value(t)).flatten() {
                current.push((t, v));
                continue;
            }
            if let (Some(&(first, v0)), Some(&(last, v1))) = (current.first(), current.last()) {
                let mut points = Vec::with_capacity(current.len() + 2);
                points.push((self.x(first as f64), self.y(v0)));
                points.extend(
                    current
                        .iter()
                        .map(|&(t, v)| (self.x(t as f64 + 0.5), self.y(v))),
                );
                points.push((self.x(last as f64 + 1.0), self.y(v1)));
                runs.push(points);
            }
            current.clear();
        }
        runs
    }

    /// A vertical line across the plot at a position in weeks.
    pub(crate) fn vline<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        week: f64,
        style: LineStyle,
    ) -> DrawResult<DB> {
        let x = self.x(week);
        draw_polyline(area, &[(x, self.top), (x, self.bottom)], style)
    }
}

/// Draws one weekly series as a line, with gaps where values are missing.
/// Legend entries for the overlays the time charts share: the trainer's ghost run, then the pinned
/// scenarios, each pin with its own colour and dash.
pub(crate) fn overlay_legend<'a>(
    legend: &mut Vec<LegendEntry<'a>>,
    ghost: Option<&'a Series>,
    pinned: &'a [Series],
    theme: &ChartTheme,
) {
    if let Some(ghost) = ghost {
        legend.push(LegendEntry {
            label: &ghost.label,
            swatch: Swatch::Line(LineStyle::ghost(theme)),
        });
    }
    for (i, pin) in pinned.iter().enumerate() {
        legend.push(LegendEntry {
            label: &pin.label,
            swatch: Swatch::Line(LineStyle::pinned(theme, i)),
        });
    }
}

/// Draws the overlays `overlay_legend` lists, in the same styles.
pub(crate) fn draw_overlays<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    ghost: Option<&Series>,
    pinned: &[Series],
    theme: &ChartTheme,
) -> DrawResult<DB> {
    if let Some(ghost) = ghost {
        draw_line(area, plot, &ghost.values, LineStyle::ghost(theme))?;
    }
    for (i, pin) in pinned.iter().enumerate() {
        draw_line(area, plot, &pin.values, LineStyle::pinned(theme, i))?;
    }
    Ok(())
}

pub(crate) fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    values: &[f64],
    style: LineStyle,
) -> DrawResult<DB> {
    for run in plot.runs(|t| at(values, t)) {
        draw_polyline(area, &run, style)?;
    }
    Ok(())
}

/// Fills between two weekly series (`lower` absent means zero) with one polygon per unbroken run.
pub(crate) fn fill_between<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    lower: Option<&[f64]>,
    upper: &[f64],
    color: RGBAColor,
) -> DrawResult<DB> {
    let pair = |t: usize| -> Option<(f64, f64)> {
        let low = match lower {
            Some(values) => at(values, t)?,
            None => 0.0,
        };
        Some((low, at(upper, t)?))
    };
    let tops = plot.runs(|t| pair(t).map(|p| p.1));
    let bottoms = plot.runs(|t| pair(t).map(|p| p.0));
    for (top, bottom) in tops.into_iter().zip(bottoms) {
        let mut points: Vec<(i32, i32)> = top.into_iter().map(px).collect();
        points.extend(bottom.into_iter().rev().map(px));
        area.draw(&Polygon::new(points, color.filled()))?;
    }
    Ok(())
}

/// Draws a polyline given in pixels, cutting it into dashes when the style asks for them.
pub(crate) fn draw_polyline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[(f64, f64)],
    style: LineStyle,
) -> DrawResult<DB> {
    let shape = ShapeStyle {
        color: style.color,
        filled: false,
        stroke_width: style.width,
    };
    for piece in dash(points, style.dash) {
        let mut coords: Vec<(i32, i32)> = piece.into_iter().map(px).collect();
        coords.dedup();
        if coords.len() >= 2 {
            area.draw(&PathElement::new(coords, shape))?;
        }
    }
    Ok(())
}

/// Splits a polyline into the "on" pieces of a dash pattern, carrying the pattern across vertices
/// so dashes stay even along a bending line. Dashing is done here because plotters' SVG backend has
/// no stroke-dasharray, and doing it in pixels keeps the pattern the same on every backend.
pub(crate) fn dash(points: &[(f64, f64)], pattern: &[f64]) -> Vec<Vec<(f64, f64)>> {
    if points.len() < 2 {
        return Vec::new();
    }
    if pattern.is_empty() || pattern.iter().any(|p| !(p.is_finite() && *p > 0.0)) {
        return vec![points.to_vec()];
    }
    let mut pieces = Vec::new();
    let mut current = vec![points[0]];
    let mut index = 0;
    let mut left = pattern[0];
    let mut on = true;
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let length = (b.0 - a.0).hypot(b.1 - a.1);
        let mut travelled = 0.0;
        while length - travelled > left {
            travelled += left;
            let f = travelled / length;
            let p = (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f);
            if on {
                current.push(p);
                pieces.push(std::mem::take(&mut current));
            } else {
                current = vec![p];
            }
            on = !on;
            index = (index + 1) % pattern.len();
            left = pattern[index];
        }
        left -= length - travelled;
        if on {
            current.push(b);
        }
    }
    if on && current.len() >= 2 {
        pieces.push(current);
    }
    pieces
}

/// Draws what goes over the data: the shaded weeks (translucent, so they tint stacked areas instead
/// of hiding behind them), a zero line when values go negative, the axis lines, and trainer mode's
/// "now" cursor.
pub(crate) fn finish<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &Plot,
    frame: &ChartFrame,
    theme: &ChartTheme,
) -> DrawResult<DB> {
    for band in &frame.bands {
        if let Some((start, end)) = band_span(band, &frame.dates, plot.drawn) {
            let color = match band.kind {
                BandKind::Festival => theme.festival_band,
                BandKind::Shock | BandKind::AnnouncedShock => theme.shock_band,
            };
            area.draw(&Rectangle::new(
                [
                    px((plot.x(start), plot.top)),
                    px((plot.x(end), plot.bottom)),
                ],
                color.filled(),
            ))?;
        }
    }

    let axis = LineStyle::new(theme.axis.to_rgba(), 1, SOLID);
    if plot.y.lo < 0.0 && plot.y.hi > 0.0 {
        let y = plot.y(0.0);
        draw_polyline(
            area,
            &[(plot.left, y), (plot.right, y)],
            LineStyle::new(theme.axis.to_rgba(), 2, SOLID),
        )?;
    }
    draw_polyline(
        area,
        &[
            (plot.left, plot.top),
            (plot.left, plot.bottom),
            (plot.right, plot.bottom),
        ],
        axis,
    )?;
    if plot.cut {
        plot.vline(
            area,
            plot.drawn as f64,
            LineStyle::new(theme.cursor.to_rgba(), 1, SHORT_DASHED),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ticks_are_round_and_labelled_without_rounding_errors() {
        let ticks = YTicks::nice(0.0, 1020.0, 4);
        assert_eq!((ticks.lo, ticks.hi, ticks.step), (0.0, 1250.0, 250.0));
        let ticks = YTicks::nice(0.0, 7.0, 3);
        let labels: Vec<String> = ticks.labels().into_iter().map(|l| l.1).collect();
        assert_eq!(labels, ["0.0", "2.5", "5.0", "7.5"]);
        let ticks = YTicks::nice(-40_000.0, 91_000.0, 4);
        let labels: Vec<String> = ticks.labels().into_iter().map(|l| l.1).collect();
        assert_eq!(labels, ["-50k", "0", "50k", "100k"]);
        let chinese = YTicks {
            units: NumberUnits::Chinese,
            ..ticks
        };
        let labels: Vec<String> = chinese.labels().into_iter().map(|l| l.1).collect();
        assert_eq!(labels, ["-5万", "0", "5万", "10万"]);
        let money = YTicks {
            units: NumberUnits::Chinese,
            ..YTicks::nice(0.0, 2_000_000.0, 4)
        };
        let labels: Vec<String> = money.labels().into_iter().map(|l| l.1).collect();
        assert_eq!(labels, ["0", "50万", "100万", "150万", "200万"]);
        let small = YTicks {
            units: NumberUnits::Chinese,
            ..YTicks::nice(0.0, 800.0, 4)
        };
        assert_eq!(
            small.labels().last().map(|l| l.1.clone()).as_deref(),
            Some("800")
        );
        let ticks = YTicks::nice(0.0, 0.0, 4);
        assert!(ticks.hi > ticks.lo);
        let ticks = YTicks::nice(f64::NAN, f64::INFINITY, 4);
        assert!(ticks.lo.is_finite() && ticks.hi.is_finite() && ticks.step > 0.0);
    }

    #[test]
    fn dashes_follow_the_pattern_across_vertices() {
        let line = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        let pieces = dash(&line, &[6.0, 4.0]);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0], vec![(0.0, 0.0), (6.0, 0.0)]);
        // The second dash starts at the corner and turns with the line.
        assert_eq!(pieces[1], vec![(10.0, 0.0), (10.0, 6.0)]);
        assert_eq!(dash(&line, SOLID), vec![line.to_vec()]);
        assert_eq!(dash(&line, &[0.0, 0.0]), vec![line.to_vec()]);
        assert!(dash(&line[..1], DASHED).is_empty());
    }

    #[test]
    fn wide_characters_count_double() {
        let latin = text_width("Loans", 10.0);
        let cjk = text_width("贷款数量", 10.0);
        assert!(cjk > latin * 1.1, "{cjk} vs {latin}");
    }
}
