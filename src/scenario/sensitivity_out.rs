//! `cadence sensitivity`'s output (issue 21): the tornado as JSON and CSV, figures rounded to four
//! decimals like every other summary, field names stable.

use std::fmt::Write;

use serde::Serialize;

use crate::engine::sensitivity::{Bar, End, Lever, Tornado};
use crate::engine::sobol::Importance;

/// Rounds to four decimals (and −0 to 0).
fn round(x: f64) -> f64 {
    let r = (x * 1e4).round() / 1e4;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// One end of a bar as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct EndOut {
    /// The factor every parameter of the lever was multiplied by (before clamping).
    pub factor: f64,
    /// The mean relative change made, after clamping into the valid ranges (−0.2: 20 % lower).
    pub change: f64,
    /// The outcome there; `null` when the moved scenario has none.
    pub outcome: Option<f64>,
}

impl EndOut {
    fn of(end: &End) -> EndOut {
        EndOut {
            factor: round(end.factor),
            change: round(end.change),
            outcome: end.outcome.map(round),
        }
    }
}

/// One lever's bar as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct BarOut {
    pub lever: &'static str,
    /// The spec paths the lever moves.
    pub params: Vec<&'static str>,
    pub low: EndOut,
    pub high: EndOut,
    pub swing: f64,
}

impl BarOut {
    fn of(bar: &Bar) -> BarOut {
        BarOut {
            lever: bar.lever.id(),
            params: bar.lever.patterns().to_vec(),
            low: EndOut::of(&bar.low),
            high: EndOut::of(&bar.high),
            swing: round(bar.swing()),
        }
    }
}

/// The tornado as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct TornadoOut {
    pub scenario: String,
    pub outcome: &'static str,
    pub spread: f64,
    pub base: Option<f64>,
    pub bars: Vec<BarOut>,
    /// Variance-based importance, when asked for (`--sobol N`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sobol: Option<SobolOut>,
}

/// One lever's Sobol indices as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct SobolIndexOut {
    pub lever: &'static str,
    pub first: f64,
    pub first_ci: [f64; 2],
    pub total: f64,
    pub total_ci: [f64; 2],
}

/// "Measure this next" as JSON: the lever with the largest total index and what narrowing its
/// range does to the outcome's spread (standard deviation), on the same sample design.
#[derive(Debug, Clone, Serialize)]
pub struct NarrowingOut {
    pub lever: &'static str,
    /// The lever's range as used (±share) and as narrowed.
    pub from_spread: f64,
    pub to_spread: f64,
    pub sd_before: f64,
    pub sd_after: f64,
    /// 1 − `sd_after` / `sd_before`: 0.4 is "40 % less uncertain".
    pub reduction: f64,
    /// Points compared (the design's A and B points whose narrowed twin is valid).
    pub points: usize,
}

/// The Sobol run as JSON: every lever uniform on ±spread at once, over the valid region.
#[derive(Debug, Clone, Serialize)]
pub struct SobolOut {
    pub n: usize,
    pub seed: u64,
    /// Rows kept (a row whose pairs are all refused is left out).
    pub kept: usize,
    /// Pairs drawn again because one of their points broke a rule between parameters.
    pub redraws: u64,
    /// Model evaluations: kept × (levers + 2), plus the narrowed points.
    pub evaluations: usize,
    pub variance: f64,
    /// The lever with the largest total index: the one number worth measuring next.
    pub measure_next: &'static str,
    /// What measuring it would do, when the outcome varies at all.
    pub narrowing: Option<NarrowingOut>,
    pub indices: Vec<SobolIndexOut>,
}

impl SobolOut {
    #[must_use]
    pub fn of(imp: &Importance) -> SobolOut {
        let rows: Vec<SobolIndexOut> = Lever::ALL
            .iter()
            .zip(&imp.indices.inputs)
            .map(|(lever, ix)| SobolIndexOut {
                lever: lever.id(),
                first: round(ix.first),
                first_ci: [round(ix.first_ci.0), round(ix.first_ci.1)],
                total: round(ix.total),
                total_ci: [round(ix.total_ci.0), round(ix.total_ci.1)],
            })
            .collect();
        SobolOut {
            n: imp.n,
            seed: imp.seed,
            kept: imp.kept,
            redraws: imp.redraws,
            evaluations: imp.evaluations,
            variance: round(imp.indices.variance),
            measure_next: imp.measure_next.map_or("", |(lever, _)| lever.id()),
            narrowing: imp.measure_next.map(|(lever, n)| NarrowingOut {
                lever: lever.id(),
                from_spread: round(imp.spread),
                to_spread: round(imp.spread * n.ratio),
                sd_before: round(n.sd_before),
                sd_after: round(n.sd_after),
                reduction: round(n.reduction()),
                points: n.points,
            }),
            indices: rows,
        }
    }
}

impl TornadoOut {
    #[must_use]
    pub fn of(source: &str, tornado: &Tornado) -> TornadoOut {
        TornadoOut {
            scenario: source.to_owned(),
            outcome: tornado.outcome.id(),
            spread: round(tornado.spread),
            base: tornado.base.map(round),
            bars: tornado.bars.iter().map(BarOut::of).collect(),
            sobol: None,
        }
    }

    #[must_use]
    pub fn to_json(&self) -> String {
        super::pretty(self)
    }
}

/// The tornado as CSV: one row per lever, widest swing first.
#[must_use]
pub fn csv(tornado: &Tornado) -> String {
    let mut out =
        String::from("lever,outcome,base,low_change,low_outcome,high_change,high_outcome,swing\n");
    let number = |x: Option<f64>| x.map(|x| round(x).to_string()).unwrap_or_default();
    for bar in &tornado.bars {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            bar.lever.id(),
            tornado.outcome.id(),
            number(tornado.base),
            round(bar.low.change),
            number(bar.low.outcome),
            round(bar.high.change),
            number(bar.high.outcome),
            round(bar.swing()),
        );
    }
    out
}
