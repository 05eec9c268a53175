//! Every chart rendered to an SVG string natively, with structural checks: the SVG is well formed
//! and finite, each series, band, legend entry and annotation appears exactly when its data does,
//! and trainer mode's cut-off and ghost behave.

use cadence::ui::charts::{
    active_loans, contrast_ratio, hours, lesson, new_loans, pipeline, profit, quality_mix, room,
    ActiveLoansData, Band, BandKind, ChartError, ChartFrame, ChartSize, ChartTheme, DateAxis, Fan,
    FaultAnnotation, HoursData, LessonData, NewLoansData, NumberUnits, PipelineData, ProfitData,
    QualityMixData, RoomData, Runs, Series,
};
use chrono::NaiveDate;
use plotters::style::RGBColor;

// ---------------------------------------------------------------------------------------------
// A small SVG reader: enough to check nesting and to find elements by colour.

#[derive(Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl El {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn points(&self) -> Vec<(f64, f64)> {
        self.attr("points")
            .unwrap_or("")
            .split_whitespace()
            .map(|pair| {
                let (x, y) = pair.split_once(',').expect("x,y pair");
                (x.parse().expect("x"), y.parse().expect("y"))
            })
            .collect()
    }
}

/// Parses the SVG, asserting that every tag is closed in order.
fn parse(svg: &str) -> Vec<El> {
    let mut out: Vec<El> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        if let Some(&open) = stack.last() {
            out[open].text.push_str(&unescape(rest[..start].trim()));
        }
        let end = start + rest[start..].find('>').expect("tag ends");
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().expect("closing tag has an opening tag");
            assert_eq!(out[open].name, name.trim(), "mismatched closing tag");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, mut attrs_text) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        let mut attrs = Vec::new();
        while let Some(eq) = attrs_text.find('=') {
            let key = attrs_text[..eq].trim().to_owned();
            let after = &attrs_text[eq + 1..];
            assert!(after.starts_with('"'), "attribute {key} is quoted");
            let close = after[1..].find('"').expect("attribute value ends") + 1;
            attrs.push((key, unescape(&after[1..close])));
            attrs_text = &after[close + 1..];
        }
        out.push(El {
            name: name.to_owned(),
            attrs,
            text: String::new(),
        });
        if !self_closing {
            stack.push(out.len() - 1);
        }
    }
    assert!(stack.is_empty(), "unclosed tags");
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A rendered chart with the questions the tests ask of it.
struct Doc {
    els: Vec<El>,
}

impl Doc {
    fn new(svg: String) -> Self {
        assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
        for bad in ["NaN", "inf"] {
            assert!(!svg.contains(bad), "{bad} in the SVG");
        }
        let els = parse(&svg);
        assert_eq!(els[0].name, "svg");
        assert!(els[0].attr("viewBox").is_some(), "no viewBox");
        for el in &els {
            for (key, value) in &el.attrs {
                if ["x", "y", "width", "height", "x1", "x2", "y1", "y2"].contains(&key.as_str()) {
                    let v: f64 = value.parse().expect("numeric coordinate");
                    assert!(v.is_finite());
                }
            }
            let _ = el.points();
        }
        Self { els }
    }

    fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.els.iter().filter(move |e| e.name == name)
    }

    /// The x extent of the plot: the first and last x of the axis lines' horizontal stroke, read
    /// from the widest horizontal grid line.
    fn plot_span(&self) -> (f64, f64) {
        let mut best = (0.0, 0.0);
        for line in self.named("polyline") {
            let points: Vec<(f64, f64)> = line
                .attr("points")
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|p| p.split_once(','))
                .filter_map(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?)))
                .collect();
            if let [a, b] = points[..] {
                if (a.1 - b.1).abs() < 1e-9 && (b.0 - a.0).abs() > best.1 - best.0 {
                    best = (a.0.min(b.0), a.0.max(b.0));
                }
            }
        }
        best
    }

    fn polygons(&self, fill: RGBColor) -> Vec<&El> {
        self.named("polygon")
            .filter(|e| e.attr("fill") == Some(&hex(fill)))
            .collect()
    }

    fn lines(&self, stroke: RGBColor) -> Vec<&El> {
        self.named("polyline")
            .filter(|e| e.attr("stroke") == Some(&hex(stroke)))
            .collect()
    }

    fn rects(&self, fill: RGBColor) -> Vec<&El> {
        self.named("rect")
            .filter(|e| e.attr("fill") == Some(&hex(fill)))
            .collect()
    }

    fn has_text(&self, text: &str) -> bool {
        self.named("text").any(|e| e.text == text)
    }

    fn texts(&self) -> Vec<&str> {
        self.named("text").map(|e| e.text.as_str()).collect()
    }

    fn max_x(els: &[&El]) -> f64 {
        els.iter()
            .flat_map(|e| e.points())
            .map(|p| p.0)
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures: a year of plausible numbers, labelled like the page would.

const WEEKS: u32 = 52;

fn week0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date")
}

fn frame(title: &str, weeks: u32, visible: Option<u32>, bands: Vec<Band>) -> ChartFrame {
    ChartFrame {
        title: title.to_owned(),
        units: NumberUnits::Si,
        x_axis_title: "Week starting".to_owned(),
        y_axis_title: "Loans (count)".to_owned(),
        dates: DateAxis {
            week0: week0(),
            horizon_weeks: weeks,
            visible_weeks: visible,
            tick_format: "%Y-%m".to_owned(),
            year_tick_format: None,
        },
        bands,
        festival_label: "Festival".to_owned(),
        shock_label: "Shock".to_owned(),
    }
}

fn default_bands() -> Vec<Band> {
    vec![
        Band {
            start_week: 5,
            end_week_exclusive: 6,
            kind: BandKind::Festival,
        },
        Band {
            start_week: 39,
            end_week_exclusive: 40,
            kind: BandKind::Festival,
        },
        Band {
            start_week: 20,
            end_week_exclusive: 22,
            kind: BandKind::Shock,
        },
    ]
}

fn wave(weeks: u32, base: f64, amplitude: f64, phase: f64) -> Vec<f64> {
    (0..weeks)
        .map(|t| base + amplitude * (f64::from(t) / 6.0 + phase).sin())
        .collect()
}

fn series(label: &str, values: Vec<f64>) -> Series {
    Series::new(label, values)
}

fn active(weeks: u32, visible: Option<u32>) -> ActiveLoansData {
    ActiveLoansData {
        frame: frame("Active loans", weeks, visible, default_bands()),
        tiers: [
            series("Prime", wave(weeks, 300.0, 20.0, 0.0)),
            series("Standard", wave(weeks, 520.0, 30.0, 1.0)),
            series("Marginal", wave(weeks, 140.0, 10.0, 2.0)),
        ],
        fan: None,
        runs: None,
        ghost: None,
        pinned: Vec::new(),
    }
}

fn fault() -> FaultAnnotation {
    FaultAnnotation {
        onset_week: 26,
        trough_week: 27,
        trough_label: "Trough".to_owned(),
        recovery_week: Some(34),
        below_from_text: "Below from week 27".to_owned(),
        below_text: "Below in weeks 27–34".to_owned(),
        delay_text: "Delay 7 weeks".to_owned(),
        lost_text: "Lost new loans 41.3".to_owned(),
    }
}

fn new_loans_data(visible: Option<u32>, with_fault: bool) -> NewLoansData {
    let baseline = vec![11.0; WEEKS as usize];
    let mut actual = baseline.clone();
    for (t, v) in actual.iter_mut().enumerate() {
        *v = match t {
            20..=25 => 26.0,
            26..=33 => 11.0 - 6.0 * (1.0 - (t as f64 - 27.0).abs() / 7.0),
            _ => 11.0,
        };
    }
    NewLoansData {
        frame: frame("New loans per week", WEEKS, visible, default_bands()),
        new_loans: series("New loans", actual),
        baseline: Some(series("Without shocks", baseline)),
        fault: with_fault.then(fault),
        ghost: None,
        pinned: Vec::new(),
    }
}

fn pipeline_data(ages: usize) -> PipelineData {
    PipelineData {
        frame: frame("Pipeline", WEEKS, None, default_bands()),
        contacted: series("Contacted", wave(WEEKS, 40.0, 5.0, 0.0)),
        interested: series("Interested", wave(WEEKS, 25.0, 4.0, 1.0)),
        waiting_by_age: (0..ages)
            .map(|a| wave(WEEKS, 8.0 / (a as f64 + 1.0), 1.0, 0.5))
            .collect(),
        waiting_label: "Waiting (darker = older)".to_owned(),
        decisions: series("Decisions", wave(WEEKS, 6.0, 1.0, 2.0)),
    }
}

fn hours_data() -> HoursData {
    HoursData {
        frame: frame("Hours per AM", WEEKS, None, default_bands()),
        care: series("Portfolio care", vec![13.5; 52]),
        renewals: series("Renewals", vec![3.3; 52]),
        investigations: series("Investigations", vec![9.7; 52]),
        prospecting: series("Prospecting", vec![8.8; 52]),
        slack: series("Slack", vec![4.7; 52]),
        available: series("Available", vec![40.0; 52]),
    }
}

fn mix_data() -> QualityMixData {
    let mut new_prime = vec![0.21; 52];
    new_prime[10] = f64::NAN;
    QualityMixData {
        frame: frame("Quality mix", WEEKS, None, Vec::new()),
        tier_labels: ["Prime".into(), "Standard".into(), "Marginal".into()],
        book_shares: [vec![0.31; 52], vec![0.55; 52], vec![0.14; 52]],
        new_loan_shares: [new_prime, vec![0.56; 52], vec![0.23; 52]],
        book_label: "Book".into(),
        new_loans_label: "New loans".into(),
    }
}

fn profit_data() -> ProfitData {
    ProfitData {
        frame: frame("Cumulative profit", WEEKS, None, Vec::new()),
        cumulative_profit: series(
            "Profit",
            (0..52).map(|t| 2581.0 * f64::from(t) - 40_000.0).collect(),
        ),
        pinned: Vec::new(),
    }
}

fn desktop<T>(
    render: fn(&T, &ChartTheme, ChartSize) -> Result<String, ChartError>,
    data: &T,
) -> Doc {
    Doc::new(render(data, &ChartTheme::light(), ChartSize::DESKTOP).expect("renders"))
}

// ---------------------------------------------------------------------------------------------
// Every chart.

#[test]
fn every_chart_renders_in_both_themes_at_desktop_and_phone_size() {
    let sizes = [ChartSize::DESKTOP, ChartSize::PHONE];
    for theme in [ChartTheme::light(), ChartTheme::dark()] {
        for size in sizes {
            let svgs = [
                active_loans::render_svg(&active(WEEKS, None), &theme, size),
                new_loans::render_svg(&new_loans_data(None, true), &theme, size),
                pipeline::render_svg(&pipeline_data(6), &theme, size),
                hours::render_svg(&hours_data(), &theme, size),
                quality_mix::render_svg(&mix_data(), &theme, size),
                profit::render_svg(&profit_data(), &theme, size),
            ];
            for svg in svgs {
                let doc = Doc::new(svg.expect("renders"));
                let view_box = format!("0 0 {} {}", size.width_px, size.height_px);
                assert_eq!(doc.els[0].attr("viewBox"), Some(view_box.as_str()));
                assert_eq!(doc.els[0].attr("role"), Some("img"));
                assert!(!doc.rects(theme.background).is_empty(), "background filled");
                assert!(
                    doc.named("text").count() > 5,
                    "ticks and legend are written"
                );
            }
        }
    }
}

#[test]
fn a_zero_size_is_an_error_not_a_panic() {
    let zero = ChartSize {
        width_px: 0,
        height_px: 300,
    };
    assert_eq!(
        profit::render_svg(&profit_data(), &ChartTheme::light(), zero),
        Err(ChartError::EmptySize {
            width_px: 0,
            height_px: 300
        })
    );
}

#[test]
fn empty_and_zero_series_and_a_zero_horizon_do_not_panic() {
    let theme = ChartTheme::light();
    let tiny = ChartSize {
        width_px: 40,
        height_px: 30,
    };
    for (weeks, values) in [(52, Vec::new()), (52, vec![0.0; 52]), (0, Vec::new())] {
        let s = |label: &str| series(label, values.clone());
        let visible = if values.is_empty() { Some(0) } else { None };
        let f = |title: &str| frame(title, weeks, visible, default_bands());
        for size in [ChartSize::DESKTOP, tiny] {
            let mut svgs = vec![
                active_loans::render_svg(
                    &ActiveLoansData {
                        frame: f("A"),
                        tiers: [s("P"), s("S"), s("M")],
                        fan: Some(Fan::default()),
                        runs: Some(Runs {
                            label: "Runs".into(),
                            runs: vec![values.clone()],
                        }),
                        ghost: Some(s("G")),
                        pinned: vec![s("Pin")],
                    },
                    &theme,
                    size,
                ),
                new_loans::render_svg(
                    &NewLoansData {
                        frame: f("N"),
                        new_loans: s("N"),
                        baseline: Some(s("B")),
                        fault: Some(fault()),
                        ghost: Some(s("G")),
                        pinned: vec![s("Pin")],
                    },
                    &theme,
                    size,
                ),
                pipeline::render_svg(
                    &PipelineData {
                        frame: f("P"),
                        contacted: s("C"),
                        interested: s("I"),
                        waiting_by_age: Vec::new(),
                        waiting_label: String::new(),
                        decisions: s("D"),
                    },
                    &theme,
                    size,
                ),
                hours::render_svg(
                    &HoursData {
                        frame: f("H"),
                        care: s("c"),
                        renewals: s("r"),
                        investigations: s("i"),
                        prospecting: s("p"),
                        slack: s("s"),
                        available: s("a"),
                    },
                    &theme,
                    size,
                ),
                quality_mix::render_svg(
                    &QualityMixData {
                        frame: f("Q"),
                        tier_labels: Default::default(),
                        book_shares: Default::default(),
                        new_loan_shares: Default::default(),
                        book_label: String::new(),
                        new_loans_label: String::new(),
                    },
                    &theme,
                    size,
                ),
                profit::render_svg(
                    &ProfitData {
                        frame: f("Pr"),
                        cumulative_profit: s("Pr"),
                        pinned: Vec::new(),
                    },
                    &theme,
                    size,
                ),
            ];
            for svg in svgs.drain(..) {
                Doc::new(svg.expect("renders"));
            }
        }
    }
}

#[test]
fn the_title_becomes_the_accessible_name_and_labels_are_escaped() {
    let mut data = profit_data();
    data.frame.title = "Profit & loss <CNY>".into();
    data.cumulative_profit.label = "利润 & \"现金\"".into();
    let doc = desktop(profit::render_svg, &data);
    let title = doc.named("title").next().expect("a <title>");
    assert_eq!(title.text, "Profit & loss <CNY>");
    assert!(doc.has_text("Profit & loss <CNY>"));
    assert!(doc.has_text("利润 & \"现金\""));
}

// ---------------------------------------------------------------------------------------------
// Time axis, bands and trainer mode.

#[test]
fn date_ticks_follow_the_page_format_and_a_bad_format_does_not_panic() {
    let mut data = profit_data();
    let doc = desktop(profit::render_svg, &data);
    assert!(doc.has_text("2027-03"), "{:?}", doc.texts());

    data.frame.dates.tick_format = "%-m月".into();
    data.frame.dates.year_tick_format = Some("%Y年".into());
    data.frame.dates.horizon_weeks = 104;
    data.cumulative_profit.values = (0..104).map(f64::from).collect();
    let doc = desktop(profit::render_svg, &data);
    assert!(doc.has_text("2028年"), "{:?}", doc.texts());
    assert!(doc.texts().iter().any(|t| t.ends_with('月')));

    data.frame.dates.tick_format = "%Q%".into();
    data.frame.dates.year_tick_format = None;
    let doc = desktop(profit::render_svg, &data);
    assert!(
        doc.has_text("2027-07-01"),
        "falls back to ISO: {:?}",
        doc.texts()
    );
}

#[test]
fn a_three_year_horizon_spaces_its_ticks() {
    let data = active(156, None);
    for size in [ChartSize::DESKTOP, ChartSize::PHONE] {
        let doc =
            Doc::new(active_loans::render_svg(&data, &ChartTheme::light(), size).expect("renders"));
        let dates: Vec<&str> = doc
            .texts()
            .into_iter()
            .filter(|t| t.len() == 7 && t.starts_with("20"))
            .collect();
        assert!(
            (2..=12).contains(&dates.len()),
            "{} ticks at {size:?}: {dates:?}",
            dates.len()
        );
        assert!(dates.contains(&"2029-01"), "{dates:?}");
        let polygon = &doc.polygons(ChartTheme::light().tiers[0])[0];
        assert_eq!(
            polygon.points().len(),
            2 * (156 + 2),
            "one point a week plus the run ends, top and bottom"
        );
    }
}

#[test]
fn festival_and_shock_weeks_are_shaded_and_named_in_the_legend() {
    let theme = ChartTheme::light();
    let doc = desktop(active_loans::render_svg, &active(WEEKS, None));
    // One rectangle per band plus the legend swatch.
    assert_eq!(doc.rects(RGBColor(0xE6, 0x9F, 0x00)).len(), 2 + 1);
    assert_eq!(doc.rects(RGBColor(0xCC, 0x79, 0xA7)).len(), 1 + 1);
    assert!(doc.has_text("Festival") && doc.has_text("Shock"));
    assert_ne!(theme.festival_band, theme.shock_band);

    let mut quiet = active(WEEKS, None);
    quiet.frame.bands.clear();
    let doc = desktop(active_loans::render_svg, &quiet);
    assert!(doc.rects(RGBColor(0xE6, 0x9F, 0x00)).is_empty());
    assert!(!doc.has_text("Festival") && !doc.has_text("Shock"));
}

#[test]
fn trainer_mode_hides_a_shock_until_it_starts() {
    let doc = desktop(active_loans::render_svg, &active(WEEKS, Some(15)));
    assert!(doc.rects(RGBColor(0xCC, 0x79, 0xA7)).is_empty());
    assert!(!doc.has_text("Shock"));
    assert!(doc.has_text("Festival"), "festivals are on the calendar");

    let doc = desktop(active_loans::render_svg, &active(WEEKS, Some(21)));
    assert_eq!(doc.rects(RGBColor(0xCC, 0x79, 0xA7)).len(), 1 + 1);
}

#[test]
fn visible_weeks_cuts_the_series_but_not_the_axis() {
    let theme = ChartTheme::light();
    let full = desktop(new_loans::render_svg, &new_loans_data(None, false));
    let cut = desktop(new_loans::render_svg, &new_loans_data(Some(10), false));

    let full_x = Doc::max_x(&full.lines(theme.primary));
    let cut_x = Doc::max_x(&cut.lines(theme.primary));
    assert!(
        full.lines(theme.cursor).is_empty(),
        "no cursor without a cut"
    );
    let cursor_x = Doc::max_x(&cut.lines(theme.cursor));
    assert!(
        cut_x <= cursor_x + 0.5,
        "{cut_x} drawn past the cursor {cursor_x}"
    );
    assert!(cut_x < full_x * 0.35, "{cut_x} vs {full_x}");
    // The date axis still spans the year.
    assert_eq!(
        full.texts()
            .iter()
            .filter(|t| t.starts_with("2027-"))
            .count(),
        cut.texts()
            .iter()
            .filter(|t| t.starts_with("2027-"))
            .count()
    );

    let stacked = desktop(active_loans::render_svg, &active(WEEKS, Some(10)));
    let area_x = Doc::max_x(&stacked.polygons(theme.tiers[2]));
    assert!((area_x - Doc::max_x(&stacked.lines(theme.cursor))).abs() <= 1.0);
}

// ---------------------------------------------------------------------------------------------
// One chart at a time.

#[test]
fn active_loans_stacks_three_tiers_with_a_fan_runs_and_pins() {
    let theme = ChartTheme::light();
    let plain = desktop(active_loans::render_svg, &active(WEEKS, None));
    for (tier, label) in theme.tiers.iter().zip(["Prime", "Standard", "Marginal"]) {
        assert_eq!(plain.polygons(*tier).len(), 1, "{label}");
        assert!(plain.has_text(label));
    }
    assert!(plain.polygons(theme.ink).is_empty(), "no fan");
    assert!(plain.lines(theme.ghost).is_empty(), "no ghost");

    let mut data = active(WEEKS, None);
    data.fan = Some(Fan {
        label: "P10–P90".into(),
        p10: wave(WEEKS, 900.0, 20.0, 0.0),
        p90: wave(WEEKS, 1020.0, 20.0, 0.0),
    });
    data.runs = Some(Runs {
        label: "Single runs".into(),
        runs: (0..3)
            .map(|r| wave(WEEKS, 960.0, 40.0, f64::from(r)))
            .collect(),
    });
    data.ghost = Some(series("Without you", wave(WEEKS, 940.0, 5.0, 0.0)));
    data.pinned = (0..5)
        .map(|i| {
            series(
                &format!("Pin {i}"),
                wave(WEEKS, 900.0 + 20.0 * f64::from(i), 10.0, 0.0),
            )
        })
        .collect();
    let doc = desktop(active_loans::render_svg, &data);
    assert_eq!(doc.polygons(theme.ink).len(), 1, "the fan");
    assert!(doc.has_text("P10–P90") && doc.has_text("Single runs"));
    // Three runs plus the legend swatch, in the same faint ink.
    assert_eq!(
        doc.lines(theme.ink)
            .iter()
            .filter(|e| e.attr("opacity") == Some("0.45"))
            .count(),
        4
    );
    assert_eq!(doc.lines(theme.ghost).len(), 2, "ghost and its swatch");
    assert!(doc.has_text("Without you"));
    for (i, color) in theme.pinned.iter().enumerate() {
        assert!(doc.has_text(&format!("Pin {i}")));
        assert!(doc.lines(*color).len() > 10, "pin {i} is dashed");
    }
    assert!(!doc.has_text("Pin 4"), "only four pins are drawn");
}

#[test]
fn pinned_scenarios_differ_in_colour_and_dash() {
    let theme = ChartTheme::light();
    let mut data = profit_data();
    data.pinned = (0..4)
        .map(|i| series(&format!("Pin {i}"), vec![1000.0 * f64::from(i); 52]))
        .collect();
    let doc = desktop(profit::render_svg, &data);
    let mut signatures = Vec::new();
    for color in theme.pinned {
        let pieces = doc.lines(color);
        // Flat lines: the length of each dash in the middle of the plot tells the pattern apart.
        let mut lengths: Vec<i64> = pieces
            .iter()
            .filter(|e| e.points()[0].0 > 300.0)
            .take(4)
            .map(|e| {
                let p = e.points();
                (p[p.len() - 1].0 - p[0].0).round() as i64
            })
            .collect();
        lengths.sort_unstable();
        signatures.push(lengths);
    }
    signatures.sort();
    signatures.dedup();
    assert_eq!(signatures.len(), 4, "{signatures:?}");
    let mut colours = theme.pinned.to_vec();
    colours.dedup();
    assert_eq!(colours.len(), 4);
}

#[test]
fn new_loans_annotates_the_fault_only_when_there_is_one() {
    let theme = ChartTheme::light();
    let texts = [
        "Trough",
        "Below in weeks 27–34",
        "Delay 7 weeks",
        "Lost new loans 41.3",
    ];

    let doc = desktop(new_loans::render_svg, &new_loans_data(None, true));
    for text in texts {
        assert!(doc.has_text(text), "{text} missing: {:?}", doc.texts());
    }
    assert!(
        !doc.lines(theme.fault).is_empty(),
        "the trough's dashed marker"
    );
    assert!(
        !doc.has_text("Below from week 27"),
        "the span is closed once recovered"
    );
    assert_eq!(doc.polygons(theme.fault).len(), 1, "lost loans shaded");
    assert!(doc.has_text("New loans") && doc.has_text("Without shocks"));
    assert!(doc.lines(theme.ink).len() > 10, "dashed baseline");

    let doc = desktop(new_loans::render_svg, &new_loans_data(None, false));
    for text in texts {
        assert!(!doc.has_text(text), "{text} without a fault");
    }
    assert!(doc.lines(theme.fault).is_empty());
    assert!(doc.polygons(theme.fault).is_empty());

    // Trainer mode at week 27: the onset has happened, the trough has not been seen yet.
    let doc = desktop(new_loans::render_svg, &new_loans_data(Some(27), true));
    assert!(doc.has_text("Below from week 27"));
    for text in [
        "Trough",
        "Below in weeks 27–34",
        "Delay 7 weeks",
        "Lost new loans 41.3",
    ] {
        assert!(!doc.has_text(text), "{text} shown before its week");
    }
}

#[test]
fn the_fault_text_fits_on_a_phone() {
    let doc = Doc::new(
        new_loans::render_svg(
            &new_loans_data(None, true),
            &ChartTheme::light(),
            ChartSize::PHONE,
        )
        .expect("renders"),
    );
    assert!(doc.has_text("Delay 7 weeks"));
    for text in doc.named("text") {
        let x: f64 = text.attr("x").expect("x").parse().expect("number");
        let size: f64 = text
            .attr("font-size")
            .expect("size")
            .parse()
            .expect("number");
        let width = text.text.chars().count() as f64 * 0.6 * size;
        let (from, to) = match text.attr("text-anchor") {
            Some("start") => (x, x + width),
            Some("end") => (x - width, x),
            _ => (x - width / 2.0, x + width / 2.0),
        };
        if text.attr("transform").is_none() {
            assert!(
                from >= 0.0 && to <= 360.0,
                "{} spans {from}..{to}",
                text.text
            );
        }
    }
}

#[test]
fn the_ghost_appears_only_when_given() {
    let theme = ChartTheme::light();
    let mut data = new_loans_data(None, false);
    assert!(desktop(new_loans::render_svg, &data)
        .lines(theme.ghost)
        .is_empty());
    data.ghost = Some(series("Without your changes", vec![9.0; 52]));
    let doc = desktop(new_loans::render_svg, &data);
    assert_eq!(doc.lines(theme.ghost).len(), 2, "line and legend swatch");
    assert!(doc.has_text("Without your changes"));
}

#[test]
fn pipeline_stacks_every_stage_and_every_waiting_age() {
    let theme = ChartTheme::light();
    let doc = desktop(pipeline::render_svg, &pipeline_data(6));
    assert_eq!(doc.named("polygon").count(), 2 + 6 + 1);
    for label in [
        "Contacted",
        "Interested",
        "Waiting (darker = older)",
        "Decisions",
    ] {
        assert!(doc.has_text(label), "{label}");
    }
    let fills: std::collections::BTreeSet<&str> = doc
        .named("polygon")
        .filter_map(|e| e.attr("fill"))
        .collect();
    assert_eq!(fills.len(), 9, "each age has its own shade");
    assert_eq!(doc.polygons(theme.stages[0]).len(), 1);
}

#[test]
fn hours_stack_five_activities_under_the_available_line() {
    let theme = ChartTheme::light();
    let doc = desktop(hours::render_svg, &hours_data());
    for color in theme.activities {
        assert_eq!(doc.polygons(color).len(), 1);
    }
    assert_eq!(
        doc.lines(theme.ink).len(),
        2,
        "available hours and its swatch"
    );
    // The stack reaches the available line: both tops sit on the same pixel row.
    let top_of_stack = doc.polygons(theme.activities[4])[0]
        .points()
        .iter()
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min);
    let available = doc.lines(theme.ink)[1].points()[0].1;
    assert!((top_of_stack - available).abs() <= 1.0);
    assert!(doc.has_text("Portfolio care") && doc.has_text("Available"));
}

#[test]
fn quality_mix_draws_book_and_new_loans_in_percent_with_gaps() {
    let theme = ChartTheme::light();
    let doc = desktop(quality_mix::render_svg, &mix_data());
    assert!(doc.has_text("100") && doc.has_text("50"));
    for label in ["Prime", "Standard", "Marginal", "Book", "New loans"] {
        assert!(doc.has_text(label), "{label}");
    }
    let solid_prime = doc
        .lines(theme.tiers[0])
        .into_iter()
        .filter(|e| e.attr("stroke-width") == Some("2"))
        .count();
    assert_eq!(solid_prime, 1, "one solid book line");
    let dashed_prime = doc
        .lines(theme.tiers[0])
        .into_iter()
        .filter(|e| e.attr("stroke-width") == Some("1"))
        .count();
    assert!(dashed_prime > 10, "dashed new-loan line");
}

#[test]
fn profit_fills_gain_and_loss_either_side_of_a_zero_line() {
    let theme = ChartTheme::light();
    let doc = desktop(profit::render_svg, &profit_data());
    assert_eq!(doc.polygons(theme.gain).len(), 1);
    assert_eq!(doc.polygons(theme.loss).len(), 1);
    let zero_line = doc
        .lines(theme.axis)
        .into_iter()
        .filter(|e| e.attr("stroke-width") == Some("2"))
        .count();
    assert_eq!(zero_line, 1);
    assert!(
        doc.texts().iter().any(|t| t.ends_with('k')),
        "{:?}",
        doc.texts()
    );
}

// ---------------------------------------------------------------------------------------------
// Themes.

#[test]
fn the_dark_theme_changes_the_colours() {
    let light = ChartTheme::light();
    let dark = ChartTheme::dark();
    let light_svg = active_loans::render_svg(&active(WEEKS, None), &light, ChartSize::DESKTOP)
        .expect("renders");
    let dark_svg =
        active_loans::render_svg(&active(WEEKS, None), &dark, ChartSize::DESKTOP).expect("renders");
    assert_ne!(light_svg, dark_svg);
    let doc = Doc::new(dark_svg);
    assert!(!doc.rects(dark.background).is_empty());
    assert!(doc.rects(light.background).is_empty());
    let text_fills: Vec<&str> = doc.named("text").filter_map(|e| e.attr("fill")).collect();
    assert!(text_fills.contains(&hex(dark.text).as_str()));
    assert!(!text_fills.contains(&hex(light.text).as_str()));
}

#[test]
fn text_meets_wcag_aa_and_main_lines_stand_out_in_both_themes() {
    for theme in [ChartTheme::light(), ChartTheme::dark()] {
        for (name, color) in [("text", theme.text), ("muted", theme.muted_text)] {
            let ratio = contrast_ratio(color, theme.background);
            assert!(ratio >= 4.5, "{name} {ratio:.2}");
        }
        for (name, color) in [
            ("primary", theme.primary),
            ("ink", theme.ink),
            ("axis", theme.axis),
        ] {
            let ratio = contrast_ratio(color, theme.background);
            assert!(ratio >= 3.0, "{name} {ratio:.2}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The stage for a room (issue 15).

/// The box a text element covers, estimated as the charts estimate it (0.6 em a character).
fn text_box(text: &El) -> Option<(f64, f64, f64, f64)> {
    let number = |key: &str| text.attr(key).and_then(|v| v.parse::<f64>().ok());
    let (x, y, size) = (number("x")?, number("y")?, number("font-size")?);
    let width = text.text.chars().count() as f64 * 0.55 * size;
    let (from, to) = match text.attr("text-anchor") {
        Some("end") => (x - width, x),
        Some("middle") => (x - width / 2.0, x + width / 2.0),
        _ => (x, x + width),
    };
    Some((from, y - size * 0.45, to, y + size * 0.45))
}

/// Regression (issue 15): the fault's texts on the new-loans chart — the trough's label and the
/// block of delay, weeks below the baseline and loss — never overlap one another, at desktop and
/// phone size, at every week trainer mode draws.
#[test]
fn the_fault_annotation_never_crowds_its_texts() {
    for size in [ChartSize::DESKTOP, ChartSize::PHONE] {
        for visible in [Some(27), Some(28), Some(30), Some(36), None] {
            let data = new_loans_data(visible, true);
            let doc = Doc::new(
                new_loans::render_svg(&data, &ChartTheme::light(), size).expect("renders"),
            );
            let fault_texts = ["Trough", "Delay 7 weeks", "Below", "Lost new loans 41.3"];
            let boxes: Vec<(String, (f64, f64, f64, f64))> = doc
                .named("text")
                .filter(|t| fault_texts.iter().any(|f| t.text.starts_with(f)))
                .filter_map(|t| text_box(t).map(|b| (t.text.clone(), b)))
                .collect();
            // Between the fault's first and last weeks only the trough's own label is written.
            let weeks = f64::from(WEEKS);
            let plot_x = |week: f64| {
                let (left, right) = doc.plot_span();
                left + (right - left) * week / weeks
            };
            let (left, right) = doc.plot_span();
            assert!(right - left > 200.0, "the plot is found: {left}..{right}");
            let (from, to) = (plot_x(26.0), plot_x(35.0));
            let inside: Vec<&String> = boxes
                .iter()
                .filter(|(_, b)| b.0 < to && b.2 > from)
                .map(|(t, _)| t)
                .collect();
            assert!(
                inside.len() <= 1,
                "{inside:?} crowd the fault ({size:?}, {visible:?})"
            );
            for (i, (a, ba)) in boxes.iter().enumerate() {
                for (b, bb) in &boxes[i + 1..] {
                    let apart = ba.2 <= bb.0 || bb.2 <= ba.0 || ba.3 <= bb.1 || bb.3 <= ba.1;
                    assert!(
                        apart,
                        "{a:?} {ba:?} overlaps {b:?} {bb:?} ({size:?}, {visible:?})"
                    );
                }
            }
        }
    }
}

fn lesson_data(visible: u32) -> LessonData {
    let run: Vec<f64> = (0..WEEKS)
        .map(|t| if (26..34).contains(&t) { 5.0 } else { 11.0 })
        .collect();
    LessonData {
        frame: frame("New loans per week", WEEKS, Some(visible), Vec::new()),
        run: series("stop when busy", run),
        comparison: Some(series("fixed cadence", vec![11.0; WEEKS as usize])),
        ghost: Some(series("without the shock", vec![10.0; WEEKS as usize])),
        gap_text: Some("7 new loans lost by week 32".to_owned()),
    }
}

/// A lesson chart laid out for a room: every text at the size asked for, each line named at its
/// end, the gap written, the loss shaded, and the run and its comparison drawn equally thick.
#[test]
fn a_lesson_chart_names_its_lines_and_writes_the_gap_at_the_rooms_type_size() {
    let theme = ChartTheme::dark();
    let size = ChartSize {
        width_px: 916,
        height_px: 665,
    };
    let svg = lesson::render_svg(&lesson_data(32), &theme, size, 26.0).expect("renders");
    let doc = Doc::new(svg);
    for text in [
        "New loans per week",
        "stop when busy",
        "fixed cadence",
        "without the shock",
        "7 new loans lost by week 32",
    ] {
        assert!(doc.has_text(text), "{text} missing: {:?}", doc.texts());
    }
    for text in doc.named("text") {
        let px: f64 = text
            .attr("font-size")
            .expect("a size")
            .parse()
            .expect("a number");
        assert!(px >= 26.0 - 0.5, "{:?} at {px} px", text.text);
    }
    let width = |color: RGBColor| -> Vec<u32> {
        doc.lines(color)
            .iter()
            .filter_map(|e| e.attr("stroke-width").and_then(|w| w.parse().ok()))
            .collect()
    };
    let (run, comparison) = (width(theme.primary), width(theme.comparison));
    assert!(!run.is_empty() && !comparison.is_empty());
    assert!(
        run.iter().chain(&comparison).all(|w| *w >= 4),
        "{run:?} {comparison:?}"
    );
    assert_eq!(run.iter().max(), comparison.iter().max(), "equal weight");
    assert_eq!(doc.polygons(theme.loss).len(), 1, "the loss is shaded");
    // Nothing of the future is drawn.
    let phone =
        lesson::render_svg(&lesson_data(20), &theme, ChartSize::PHONE, 12.0).expect("renders");
    assert!(
        Doc::new(phone).polygons(theme.loss).is_empty(),
        "no loss by week 20"
    );
}

/// Issue 22: a pinned scenario named with a bell (U+0007), a right-to-left override and markup
/// still gives a well-formed SVG: no character XML forbids, the markup escaped.
#[test]
fn issue_22_hostile_names_give_well_formed_svg() {
    let mut data = active(104, None);
    data.pinned = vec![series(
        "bell\u{0007} \u{202E}rtl <b>&amp;\u{FFFF}",
        wave(104, 900.0, 10.0, 0.5),
    )];
    data.frame.title = "title\u{0001}<x>".to_owned();
    let svg = cadence::ui::charts::active_loans::render_svg(
        &data,
        &ChartTheme::light(),
        ChartSize::DESKTOP,
    )
    .expect("renders");
    let forbidden: Vec<char> = svg
        .chars()
        .filter(|&c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFF}')
        .collect();
    assert!(forbidden.is_empty(), "{forbidden:?}");
    assert!(
        !svg.contains("<b>") && !svg.contains("<x>"),
        "markup escaped"
    );
    assert!(svg.contains("bell"), "the name is still drawn");
    // Pins are cleaned on the way in too.
    let page = cadence::ui::page::Page::new(cadence::i18n::Lang::En, week0()).apply(
        cadence::ui::compare::Action::Pin("a\u{0007}\u{202E}b <i>".into()),
    );
    assert_eq!(page.compare.pinned[0].name, "ab <i>");
}

fn room_data(people: u32) -> RoomData {
    let lines: Vec<Series> = (0..people)
        .map(|i| {
            series(
                &format!("P{i}"),
                wave(WEEKS, 900.0 - 30.0 * f64::from(i), 20.0, f64::from(i)),
            )
        })
        .collect();
    let band = |p: f64| {
        wave(
            WEEKS,
            900.0 - 30.0 * p * f64::from(people.max(1) - 1),
            20.0,
            0.0,
        )
    };
    RoomData {
        frame: frame("The room's book", WEEKS, None, default_bands()),
        band: Fan {
            label: "Room P10–P90".into(),
            p10: band(0.9),
            p90: band(0.1),
        },
        median: series("Room median", band(0.5)),
        best: (people >= 1).then(|| room::Highlight {
            index: 0,
            label: "Best: P0".into(),
        }),
        worst: (people >= 2).then(|| room::Highlight {
            index: people as usize - 1,
            label: format!("Worst: P{}", people - 1),
        }),
        lines,
        others_label: "Everyone else".into(),
    }
}

/// Polylines with at least `points` points: a participant's line spans the horizon, while axes,
/// ticks, legend swatches and the median's dashes have a few points each.
fn long_lines(doc: &Doc, points: usize) -> Vec<&El> {
    doc.named("polyline")
        .filter(|e| e.points().len() >= points)
        .collect()
}

#[test]
fn the_room_draws_one_line_per_participant_over_its_band_with_best_and_worst_named() {
    let theme = ChartTheme::light();
    for size in [ChartSize::DESKTOP, ChartSize::PHONE] {
        for people in [0u32, 1, 2, 7] {
            let doc =
                Doc::new(room::render_svg(&room_data(people), &theme, size).expect("renders"));
            assert_eq!(
                long_lines(&doc, 20).len(),
                people as usize,
                "{people} at {size:?}"
            );
            assert_eq!(doc.polygons(theme.ink).len(), 1, "the band");
            assert!(doc.has_text("Room P10–P90") && doc.has_text("Room median"));
            assert_eq!(doc.has_text("Best: P0"), people >= 1);
            assert_eq!(
                doc.has_text(&format!("Worst: P{}", people.max(1) - 1)),
                people >= 2
            );
            assert_eq!(doc.has_text("Everyone else"), people >= 3, "{people}");
            // The best in the primary colour, the worst in the fault colour: a line and a swatch.
            let strong = |c| {
                long_lines(&doc, 20)
                    .iter()
                    .filter(|e| e.attr("stroke") == Some(&hex(c)))
                    .count()
            };
            assert_eq!(strong(theme.primary), usize::from(people >= 1));
            assert_eq!(strong(theme.fault), usize::from(people >= 2));
            assert!(doc.lines(theme.primary).len() >= usize::from(people >= 1) * 2);
        }
    }
}
