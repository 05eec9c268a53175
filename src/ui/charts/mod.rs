//! Charts: one pure function per chart, drawn with plotters onto any backend and rendered to an SVG
//! string that the page inserts into the DOM.
//!
//! Every chart module exposes `draw(area, data, theme)` for any plotters backend and
//! `render_svg(data, theme, size)` for the page. The data structs are view models: every title, axis
//! title, legend label and annotation arrives as an already translated `String`, and dates are
//! formatted with a chrono pattern the page chooses, so this module holds no user-visible text. Week
//! `t` of every series covers the dates `week0 + 7·t .. week0 + 7·t + 7`; a value is drawn at the middle
//! of its week, so shaded bands and date ticks line up with the data.
//!
//! Text is laid out with our own width estimate instead of plotters' font measurement: without a font
//! feature plotters measures through the DOM on wasm32 (which panics in a worker and forces a layout
//! per label) and guesses by byte count natively, so the charts never ask it to measure anything.

mod frame;

pub mod active_loans;
pub mod backtest;
pub mod duel;
pub mod hours;
pub mod lesson;
pub mod new_loans;
pub mod pipeline;
pub mod plan_hours;
pub mod profit;
pub mod quality_mix;
pub mod room;
pub mod tracking;

pub use active_loans::ActiveLoansData;
pub use hours::HoursData;
pub use lesson::LessonData;
pub use new_loans::{FaultAnnotation, NewLoansData};
pub use pipeline::PipelineData;
pub use plan_hours::PlanHoursData;
pub use profit::ProfitData;
pub use quality_mix::QualityMixData;
pub use room::RoomData;

use std::fmt::{self, Write as _};

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The most pinned scenarios a chart overlays; the compare view pins at most this many.
pub const MAX_PINNED: usize = 4;

/// One weekly series: `values[t]` is the value of week `t`, and `label` is its legend text.
///
/// A non-finite value leaves a gap in a line (0/0 shares in a week without new loans, for instance);
/// values past the horizon are ignored.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
}

impl Series {
    /// A labelled series.
    #[must_use]
    pub fn new(label: impl Into<String>, values: Vec<f64>) -> Self {
        Self {
            label: label.into(),
            values,
        }
    }
}

/// Why a run of weeks is shaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BandKind {
    /// A festival week of the calendar (Spring Festival, National Day…); known in advance.
    Festival,
    /// A week with an active shock; in trainer mode it is only shaded once it has happened.
    Shock,
    /// A shock told in advance (a classroom session that does not hide its shocks): shaded over
    /// the whole horizon, like a festival, even while fewer weeks are drawn.
    AnnouncedShock,
}

/// A shaded run of weeks `start_week .. end_week_exclusive`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub start_week: u32,
    pub end_week_exclusive: u32,
    pub kind: BandKind,
}

/// The time axis: real dates, the full horizon and the trainer-mode cut-off.
#[derive(Clone, Debug, PartialEq)]
pub struct DateAxis {
    /// The first day of week 0.
    pub week0: NaiveDate,
    /// The x-axis always spans this many weeks, even while fewer are drawn.
    pub horizon_weeks: u32,
    /// Draw every series (baselines, pins and the ghost included) only for weeks
    /// `t < visible_weeks`, with a cursor at the cut; trainer mode plays the weeks one by one. The
    /// value axis still covers all the data given, so it holds still while weeks are added. `None`
    /// draws everything.
    pub visible_weeks: Option<u32>,
    /// A chrono strftime pattern for tick labels at month starts, such as `"%Y-%m"` or `"%-m月"`.
    /// An invalid pattern falls back to ISO dates rather than failing the chart.
    pub tick_format: String,
    /// A pattern for ticks that fall on 1 January (say `"%Y"` or `"%Y年"`), so a month-only
    /// `tick_format` still shows the year; `None` uses `tick_format` everywhere.
    pub year_tick_format: Option<String>,
}

impl DateAxis {
    /// The number of weeks whose values are drawn.
    #[must_use]
    pub fn drawn_weeks(&self) -> u32 {
        self.visible_weeks
            .map_or(self.horizon_weeks, |v| v.min(self.horizon_weeks))
    }
}

/// What every chart shares: its texts, its time axis and the shaded weeks.
///
/// An empty `title` or axis title is not drawn, which gives the plot more room when the page shows the
/// title in HTML instead.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartFrame {
    pub title: String,
    /// How large values are shortened on the value axis (k and M, or 万 and 亿).
    pub units: NumberUnits,
    pub x_axis_title: String,
    /// With its unit, for example "Active loans (count)".
    pub y_axis_title: String,
    pub dates: DateAxis,
    pub bands: Vec<Band>,
    /// Legend text for festival bands, shown only when such a band is drawn.
    pub festival_label: String,
    /// Legend text for shock bands, shown only when such a band is drawn.
    pub shock_label: String,
}

/// How a value axis shortens large numbers: `Si` writes 50k and 2.0M, `Chinese` writes 5万 and 200万
/// (and 亿 for 10⁸), as Chinese readers count money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NumberUnits {
    #[default]
    Si,
    Chinese,
}

/// A Monte Carlo P10–P90 fan around a total.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Fan {
    pub label: String,
    pub p10: Vec<f64>,
    pub p90: Vec<f64>,
}

/// A few individual Monte Carlo runs, drawn as thin lines under one legend entry.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Runs {
    pub label: String,
    pub runs: Vec<Vec<f64>>,
}

/// The pixel size a chart is laid out for. The SVG carries a `viewBox` of this size, so it scales to
/// any box of the same proportions; text sizes are chosen for this size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartSize {
    pub width_px: u32,
    pub height_px: u32,
}

impl ChartSize {
    /// A desktop card.
    pub const DESKTOP: ChartSize = ChartSize {
        width_px: 600,
        height_px: 300,
    };
    /// A 390-px phone with page margins.
    pub const PHONE: ChartSize = ChartSize {
        width_px: 360,
        height_px: 240,
    };
}

/// Colours and the font of the charts.
///
/// Series colours come from the Okabe–Ito palette, which stays distinguishable under the common
/// colour-vision deficiencies; text colours meet WCAG AA (4.5:1) on `background`, and lines meet 3:1.
/// Each theme swaps only what would lose contrast: black ink becomes near-white, and blue lines
/// become sky blue on the dark background.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartTheme {
    pub background: RGBColor,
    /// Titles, legend text and annotations.
    pub text: RGBColor,
    /// Tick labels and axis titles.
    pub muted_text: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// The neutral series colour: baselines, available hours, the fan and individual runs.
    pub ink: RGBColor,
    /// The current scenario's own line (new loans, cumulative profit).
    pub primary: RGBColor,
    /// Prime, standard, marginal.
    pub tiers: [RGBColor; 3],
    /// Portfolio care, renewals, investigations, prospecting, slack.
    pub activities: [RGBColor; 5],
    /// Contacted, interested, waiting applications (shaded darker with age), decisions pending.
    pub stages: [RGBColor; 4],
    /// One colour per pinned scenario; each also gets its own dash pattern.
    pub pinned: [RGBColor; MAX_PINNED],
    /// Trainer mode's "without the decisions" line and the lessons' faint second ghost.
    pub ghost: RGBColor,
    /// What a lesson is compared with on the stage, drawn as strongly as the run itself.
    pub comparison: RGBColor,
    /// Fault markers and the lost-loans shading.
    pub fault: RGBColor,
    /// Profit fill above and below zero.
    pub gain: RGBColor,
    pub loss: RGBColor,
    pub festival_band: RGBAColor,
    pub shock_band: RGBAColor,
    /// Trainer mode's "this week" cursor.
    pub cursor: RGBColor,
    /// A CSS font-family list. Plain `sans-serif` by default: Chromium on Linux resolves
    /// `system-ui` to a face without CJK fallback and draws Chinese labels as boxes.
    pub font_family: String,
}

/// The Okabe–Ito colours by name, so the themes read as a choice among them.
mod okabe_ito {
    use plotters::style::RGBColor;

    pub const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
    pub const BLUISH_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    pub const REDDISH_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);
}

impl ChartTheme {
    /// Dark text on white.
    #[must_use]
    pub fn light() -> Self {
        use okabe_ito::{
            BLACK, BLUE, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW,
        };
        Self {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x1F, 0x23, 0x28),
            muted_text: RGBColor(0x57, 0x60, 0x6A),
            grid: RGBColor(0xE3, 0xE6, 0xEA),
            axis: RGBColor(0x6E, 0x77, 0x81),
            ink: BLACK,
            primary: BLUE,
            tiers: [BLUISH_GREEN, BLUE, VERMILLION],
            activities: [BLUE, SKY_BLUE, ORANGE, BLUISH_GREEN, YELLOW],
            stages: [SKY_BLUE, BLUISH_GREEN, ORANGE, REDDISH_PURPLE],
            // Yellow is too faint for a line on white, so the light theme's fourth pin is sky blue.
            pinned: [REDDISH_PURPLE, ORANGE, BLUISH_GREEN, SKY_BLUE],
            ghost: RGBColor(0x8C, 0x8C, 0x8C),
            comparison: BLUISH_GREEN,
            fault: VERMILLION,
            gain: BLUISH_GREEN,
            loss: VERMILLION,
            festival_band: ORANGE.mix(0.16),
            shock_band: REDDISH_PURPLE.mix(0.20),
            cursor: RGBColor(0x57, 0x60, 0x6A),
            font_family: "sans-serif".to_owned(),
        }
    }

    /// Light text on a near-black background.
    #[must_use]
    pub fn dark() -> Self {
        use okabe_ito::{BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW};
        let ink = RGBColor(0xE6, 0xED, 0xF3);
        Self {
            background: RGBColor(0x16, 0x19, 0x1D),
            text: ink,
            muted_text: RGBColor(0xA8, 0xB1, 0xBB),
            grid: RGBColor(0x30, 0x36, 0x3D),
            axis: RGBColor(0x8B, 0x94, 0x9E),
            ink,
            // Okabe–Ito blue falls under 3:1 on the dark background; sky blue takes its place.
            primary: SKY_BLUE,
            tiers: [BLUISH_GREEN, SKY_BLUE, VERMILLION],
            activities: [SKY_BLUE, REDDISH_PURPLE, ORANGE, BLUISH_GREEN, YELLOW],
            stages: [SKY_BLUE, BLUISH_GREEN, ORANGE, REDDISH_PURPLE],
            pinned: [REDDISH_PURPLE, ORANGE, BLUISH_GREEN, YELLOW],
            ghost: RGBColor(0x9A, 0x9A, 0x9A),
            comparison: BLUISH_GREEN,
            fault: VERMILLION,
            gain: BLUISH_GREEN,
            loss: VERMILLION,
            festival_band: ORANGE.mix(0.22),
            shock_band: REDDISH_PURPLE.mix(0.28),
            cursor: RGBColor(0xA8, 0xB1, 0xBB),
            font_family: "sans-serif".to_owned(),
        }
    }

    /// The theme for the page's colour scheme.
    #[must_use]
    pub fn for_scheme(dark: bool) -> Self {
        if dark {
            Self::dark()
        } else {
            Self::light()
        }
    }
}

impl Default for ChartTheme {
    fn default() -> Self {
        Self::light()
    }
}

impl ChartTheme {
    /// The theme as CSS custom properties, `(name, value)` in the struct's order: every colour (and
    /// the font) under a `--chart-…` name, so styles beside a chart can use the chart's own colours.
    ///
    /// The struct is taken apart field by field, so a new field does not compile until it has a name
    /// here (and `styles/tokens.css` is regenerated from [`palette_css`]).
    #[must_use]
    pub fn custom_properties(&self) -> Vec<(String, String)> {
        let ChartTheme {
            background,
            text,
            muted_text,
            grid,
            axis,
            ink,
            primary,
            tiers,
            activities,
            stages,
            pinned,
            ghost,
            comparison,
            fault,
            gain,
            loss,
            festival_band,
            shock_band,
            cursor,
            font_family,
        } = self;
        let mut properties: Vec<(String, String)> = Vec::new();
        let mut rgb = |name: &str, color: &RGBColor| {
            properties.push((format!("--chart-{name}"), css_rgb(*color)));
        };
        rgb("background", background);
        rgb("text", text);
        rgb("muted-text", muted_text);
        rgb("grid", grid);
        rgb("axis", axis);
        rgb("ink", ink);
        rgb("primary", primary);
        let named = [
            ("tier", &["prime", "standard", "marginal"][..], &tiers[..]),
            (
                "activity",
                &["care", "renewals", "investigations", "prospecting", "slack"][..],
                &activities[..],
            ),
            (
                "stage",
                &["contacted", "interested", "waiting", "pending"][..],
                &stages[..],
            ),
            ("pinned", &["1", "2", "3", "4"][..], &pinned[..]),
        ];
        for (group, names, colors) in named {
            for (name, color) in names.iter().zip(colors) {
                rgb(&format!("{group}-{name}"), color);
            }
        }
        rgb("ghost", ghost);
        rgb("comparison", comparison);
        rgb("fault", fault);
        rgb("gain", gain);
        rgb("loss", loss);
        properties.push(("--chart-festival-band".to_owned(), css_rgba(*festival_band)));
        properties.push(("--chart-shock-band".to_owned(), css_rgba(*shock_band)));
        properties.push(("--chart-cursor".to_owned(), css_rgb(*cursor)));
        properties.push(("--chart-font".to_owned(), font_family.clone()));
        properties
    }
}

/// `#rrggbb`, as CSS writes an opaque colour.
fn css_rgb(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

/// `rgba(r, g, b, a)`, as CSS writes a translucent colour.
fn css_rgba(color: RGBAColor) -> String {
    format!("rgba({}, {}, {}, {})", color.0, color.1, color.2, color.3)
}

/// The charts' palette as CSS: [`ChartTheme::light`] on `:root`, [`ChartTheme::dark`] for a dark
/// screen and for the presenter view (whose charts are always drawn dark, see the stage).
///
/// This is the one definition of the chart colours; `styles/tokens.css` carries this text between
/// its "generated from src/ui/charts/mod.rs" markers, and a test fails while the two differ
/// (`CADENCE_UPDATE_STYLES=1 cargo test --test it styles` rewrites it).
#[must_use]
pub fn palette_css() -> String {
    fn block(selector: &str, indent: &str, theme: &ChartTheme) -> String {
        let mut out = format!("{indent}{selector} {{\n");
        for (name, value) in theme.custom_properties() {
            // Writing to a String cannot fail.
            let _ = writeln!(out, "{indent}  {name}: {value};");
        }
        let _ = writeln!(out, "{indent}}}");
        out
    }
    let (light, dark) = (ChartTheme::light(), ChartTheme::dark());
    format!(
        "/* The charts' colours and font (ChartTheme::light and ::dark, on the Okabe–Ito palette),\n   \
         for styles that sit beside a chart. Do not edit: regenerate with\n   \
         CADENCE_UPDATE_STYLES=1 cargo test --test it styles */\n\
         {}\n\
         @media screen and (prefers-color-scheme: dark) {{\n{}}}\n\n\
         /* The presenter view draws its charts dark in either scheme. */\n\
         @media screen {{\n{}}}\n",
        block(":root", "", &light),
        block(":root", "  ", &dark),
        block(".is-presenter", "  ", &dark),
    )
}

/// The WCAG contrast ratio of two colours (1 to 21), so tests can hold the themes to AA.
#[must_use]
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: RGBColor) -> f64 {
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Why a chart could not be rendered. The page shows its own translated message; `Display` is for
/// the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartError {
    /// The requested size has a zero side, so there is nothing to draw on.
    EmptySize { width_px: u32, height_px: u32 },
    /// The backend failed while drawing; the text is the backend's own error.
    Drawing(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::EmptySize {
                width_px,
                height_px,
            } => write!(f, "chart size {width_px}x{height_px} has no area"),
            ChartError::Drawing(message) => write!(f, "chart drawing failed: {message}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Renders one chart into an SVG string with a `viewBox`, and gives it an accessible name.
fn render_with<F>(size: ChartSize, title: &str, draw: F) -> Result<String, ChartError>
where
    F: FnOnce(
        &DrawingArea<SVGBackend<'_>, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
{
    if size.width_px == 0 || size.height_px == 0 {
        return Err(ChartError::EmptySize {
            width_px: size.width_px,
            height_px: size.height_px,
        });
    }
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (size.width_px, size.height_px)).into_drawing_area();
        draw(&root).map_err(|e| ChartError::Drawing(e.to_string()))?;
        root.present()
            .map_err(|e| ChartError::Drawing(e.to_string()))?;
    }
    Ok(xml_chars_only(&with_accessible_name(svg, title)))
}

/// Drops every character XML 1.0 forbids (C0 controls but tab and line ends, U+FFFE, U+FFFF), so
/// a label from any source never makes the SVG (and the PNG drawn from it) malformed (issue 22).
fn xml_chars_only(svg: &str) -> String {
    svg.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}

/// Adds `role="img"` and a `<title>` to the root element, so a screen reader announces the chart by
/// its title instead of reading out every tick label.
fn with_accessible_name(svg: String, title: &str) -> String {
    let Some(open_end) = svg.find('>') else {
        return svg;
    };
    let mut out = String::with_capacity(svg.len() + title.len() + 40);
    out.push_str(&svg[..open_end]);
    out.push_str(" role=\"img\">");
    if !title.is_empty() {
        out.push_str("<title>");
        for c in title.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                other => out.push(other),
            }
        }
        out.push_str("</title>");
    }
    out.push_str(&svg[open_end + 1..]);
    out
}
