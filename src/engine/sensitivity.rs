//! Which lever matters (issue 21): a tornado of the scenario's levers in expected-value mode.
//!
//! A **lever** is a group of parameters a team lead moves together ("renewal rates" is the
//! renewal probability of every tier; "channel yields" the prospects per hour of every channel).
//! Each lever is moved down and up by a stated relative spread (default ±20 %), every parameter
//! of the group multiplied by the same factor and clamped inside its valid range from
//! [`spec`](super::spec) (an open end is approached halfway, never reached). A move the scenario's
//! rules between parameters refuse (a floor above a cap) is halved, up to three times, and
//! otherwise not made. The outcome is read from the EV run (or the steady state) of each moved
//! scenario, and the bars are sorted by swing, the widest first, ties in the levers' order.
//!
//! Pure and deterministic: the same scenario gives the same bars, bit for bit.

use super::kpi::Kpi;
use super::params::{Hours, Params};
use super::simulate::run_ev;
use super::spec::{self, Kind, Slot, Step, Value, TIMES_H_STAR};
use super::validate::{validate, ParamError, ValidParams};

/// The default relative spread of a lever: ±20 %.
pub const DEFAULT_SPREAD: f64 = 0.2;

/// How many times a refused move is halved before the end is left where it is.
const HALVINGS: usize = 3;

/// The outcome a tornado measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Active loans of the team at the end of the horizon.
    BookEnd,
    /// The team's yearly profit in the steady state at the policy's nominal prospecting hours (CNY).
    YearlyProfit,
    /// New loans of the team over the horizon.
    NewLoans,
    /// Depth of the new-loan fault against the baseline (0 without shocks or seasons).
    FaultDepth,
    /// h*: prospecting hours per AM-week that hold the target book flat.
    HStar,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::BookEnd,
        Outcome::YearlyProfit,
        Outcome::NewLoans,
        Outcome::FaultDepth,
        Outcome::HStar,
    ];

    /// Stable identifier (CLI `--outcome`, JSON, the page's choice).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Outcome::BookEnd => "book_end",
            Outcome::YearlyProfit => "yearly_profit",
            Outcome::NewLoans => "new_loans",
            Outcome::FaultDepth => "fault_depth",
            Outcome::HStar => "h_star",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == id)
    }

    /// The outcome of one valid scenario; `None` when it has none (no steady state for h*).
    #[must_use]
    pub fn of(self, vp: &ValidParams) -> Option<f64> {
        match self {
            Outcome::HStar => vp.summary().map(|s| s.h_star),
            Outcome::YearlyProfit => {
                let summary = vp.summary()?;
                let steady = vp.steady_state_at(summary.a_star_hours)?;
                Some(steady.profit_cny * 52.0 * vp.model().ams_f64)
            }
            Outcome::BookEnd | Outcome::NewLoans | Outcome::FaultDepth => {
                let ev = run_ev(vp);
                Some(match self {
                    Outcome::BookEnd => ev
                        .run
                        .weeks
                        .last()
                        .map_or(0.0, |w| Kpi::ActiveLoans.value(w)),
                    Outcome::NewLoans => ev.run.series(Kpi::NewLoans).iter().sum(),
                    _ => ev.fault.map_or(0.0, |f| f.new_loans.depth),
                })
            }
        }
    }
}

/// The levers, grouped as a team lead thinks of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lever {
    ProspectingHours,
    ChannelYields,
    WalkIns,
    Referrals,
    PipelineConversion,
    PipelineLosses,
    Approval,
    InvestigationTime,
    PaperworkTime,
    RenewalTime,
    MonitoringTime,
    RenewalRates,
    DefaultHazards,
    Margin,
    LoanSize,
    WorkingWeek,
}

impl Lever {
    pub const ALL: [Lever; 16] = [
        Lever::ProspectingHours,
        Lever::ChannelYields,
        Lever::WalkIns,
        Lever::Referrals,
        Lever::PipelineConversion,
        Lever::PipelineLosses,
        Lever::Approval,
        Lever::InvestigationTime,
        Lever::PaperworkTime,
        Lever::RenewalTime,
        Lever::MonitoringTime,
        Lever::RenewalRates,
        Lever::DefaultHazards,
        Lever::Margin,
        Lever::LoanSize,
        Lever::WorkingWeek,
    ];

    /// Stable identifier.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Lever::ProspectingHours => "prospecting_hours",
            Lever::ChannelYields => "channel_yields",
            Lever::WalkIns => "walk_ins",
            Lever::Referrals => "referrals",
            Lever::PipelineConversion => "pipeline_conversion",
            Lever::PipelineLosses => "pipeline_losses",
            Lever::Approval => "approval",
            Lever::InvestigationTime => "investigation_time",
            Lever::PaperworkTime => "paperwork_time",
            Lever::RenewalTime => "renewal_time",
            Lever::MonitoringTime => "monitoring_time",
            Lever::RenewalRates => "renewal_rates",
            Lever::DefaultHazards => "default_hazards",
            Lever::Margin => "margin",
            Lever::LoanSize => "loan_size",
            Lever::WorkingWeek => "working_week",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Lever> {
        Lever::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The spec's path patterns the lever moves.
    #[must_use]
    pub fn patterns(self) -> &'static [&'static str] {
        match self {
            Lever::ProspectingHours => &[
                "policy.fixed_hours",
                "policy.floor_hours",
                "policy.cap_hours",
                "policy.min_hours",
                "policy.max_hours",
            ],
            Lever::ChannelYields => &["channels.{channel}.leads_per_hour"],
            Lever::WalkIns => &["pipeline.inbound_per_am_week"],
            Lever::Referrals => &["referrals.introduce_prob.{tier}"],
            Lever::PipelineConversion => &[
                "pipeline.contacted.advance_per_week",
                "pipeline.interested.advance_per_week",
            ],
            Lever::PipelineLosses => &[
                "pipeline.contacted.lost_per_week",
                "pipeline.interested.lost_per_week",
                "pipeline.renege_per_week",
            ],
            Lever::Approval => &["pipeline.approval_prob.{tier}"],
            Lever::InvestigationTime => &["activity_hours.investigation.{tier}"],
            Lever::PaperworkTime => &["activity_hours.form", "activity_hours.approval"],
            Lever::RenewalTime => &["activity_hours.renewal"],
            Lever::MonitoringTime => &[
                "activity_hours.monitoring_per_loan.{tier}",
                "activity_hours.collection_per_past_due",
            ],
            Lever::RenewalRates => &["loans.renewal_prob.{tier}"],
            Lever::DefaultHazards => &["loans.default_per_week.{tier}"],
            Lever::Margin => &["loans.nim_per_year.{tier}"],
            Lever::LoanSize => &["loans.amount_cny.{tier}"],
            Lever::WorkingWeek => &["team.hours_per_week"],
        }
    }
}

/// One end of a bar: the factor applied, the mean relative change of the lever's parameters after
/// clamping (−0.2 is "20 % lower") and the outcome there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct End {
    pub factor: f64,
    pub change: f64,
    pub outcome: Option<f64>,
}

/// One lever's bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub lever: Lever,
    pub low: End,
    pub high: End,
}

impl Bar {
    /// |outcome(high) − outcome(low)|, 0 when an end has no outcome.
    #[must_use]
    pub fn swing(&self) -> f64 {
        match (self.low.outcome, self.high.outcome) {
            (Some(lo), Some(hi)) => (hi - lo).abs(),
            _ => 0.0,
        }
    }
}

/// A tornado: the outcome of the scenario as it is and each lever's bar, widest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    pub outcome: Outcome,
    pub spread: f64,
    pub base: Option<f64>,
    pub bars: Vec<Bar>,
}

/// The scenario with one lever's parameters multiplied by `factor`, each clamped inside its valid
/// range in `p`, and the mean relative change made (over parameters that are not zero).
#[must_use]
// "full" stays "full" only when the clamped value is exactly H again: an exact comparison.
#[allow(clippy::float_cmp)]
pub fn moved(p: &Params, lever: Lever, factor: f64) -> (Params, f64) {
    let mut out = p.clone();
    let mut ratios = 0.0;
    let mut count = 0usize;
    for step in spec::walk(p, |_| false) {
        let Step::Param {
            spec: row,
            at,
            value,
        } = step
        else {
            continue;
        };
        if !lever.patterns().contains(&row.path) {
            continue;
        }
        let (lo, hi) = row.bounds(p);
        let clamp = |x: f64, new: f64, lo: spec::Bound, hi: spec::Bound| -> f64 {
            let mut y = new;
            if y < lo.value || (lo.open && y <= lo.value) {
                y = if lo.open {
                    f64::midpoint(x, lo.value)
                } else {
                    lo.value
                };
            }
            if y > hi.value || (hi.open && y >= hi.value) {
                y = if hi.open {
                    f64::midpoint(x, hi.value)
                } else {
                    hi.value
                };
            }
            if row.kind == Kind::Whole {
                y = y.round();
            }
            y
        };
        let (old, new) = match value {
            Value::Number(x) | Value::Optional(Some(x)) => {
                let y = clamp(x, x * factor, lo, hi);
                if let Some(slot) = (row.set)(&mut out, at) {
                    slot.store(Some(y));
                }
                (x, y)
            }
            Value::Optional(None) => continue,
            Value::Hours(h) => {
                let h_week = p.team.hours_per_week;
                let (old, new, setting) = match h {
                    Hours::Value(x) => {
                        let y = clamp(x, x * factor, lo, hi);
                        (x, y, Hours::Value(y))
                    }
                    Hours::FullWeek => {
                        let y = clamp(h_week, h_week * factor, lo, hi);
                        (h_week, y, Hours::Value(y))
                    }
                    Hours::TimesHStar(k) => {
                        let range = TIMES_H_STAR;
                        let (klo, khi) = (
                            range.lower(p).unwrap_or(spec::Bound {
                                value: 0.0,
                                open: false,
                            }),
                            range.upper(p).unwrap_or(spec::Bound {
                                value: 10.0,
                                open: false,
                            }),
                        );
                        let y = clamp(k, k * factor, klo, khi);
                        (k, y, Hours::TimesHStar(y))
                    }
                };
                if old == new {
                    // "full" stays "full" when the move is clamped back to H.
                } else if let Some(Slot::Hours(slot)) = (row.set)(&mut out, at) {
                    *slot = setting;
                }
                (old, new)
            }
        };
        if old != 0.0 {
            ratios += new / old;
            count += 1;
        }
    }
    let change = if count == 0 {
        0.0
    } else {
        ratios / count as f64 - 1.0
    };
    (out, change)
}

/// One end: the move by `factor`, halved while the scenario refuses it.
fn end(p: &Params, lever: Lever, factor: f64, outcome: Outcome) -> End {
    let mut f = factor;
    for _ in 0..=HALVINGS {
        let (q, change) = moved(p, lever, f);
        if let Ok(vp) = validate(&q) {
            return End {
                factor: f,
                change,
                outcome: outcome.of(&vp),
            };
        }
        f = 1.0 + (f - 1.0) / 2.0;
    }
    End {
        factor: 1.0,
        change: 0.0,
        outcome: validate(p).ok().and_then(|vp| outcome.of(&vp)),
    }
}

/// The tornado of `p` for `outcome`, each lever moved by ±`spread` (a share: 0.2 is ±20 %).
///
/// # Errors
/// The scenario's validation errors when it is not valid.
pub fn tornado(p: &Params, outcome: Outcome, spread: f64) -> Result<Tornado, Vec<ParamError>> {
    let vp = validate(p)?;
    let base = outcome.of(&vp);
    let spread = if spread.is_finite() {
        spread.clamp(0.0, 0.99)
    } else {
        DEFAULT_SPREAD
    };
    let mut bars: Vec<Bar> = Lever::ALL
        .iter()
        .map(|&lever| Bar {
            lever,
            low: end(p, lever, 1.0 - spread, outcome),
            high: end(p, lever, 1.0 + spread, outcome),
        })
        .collect();
    // A stable sort: equal swings keep the levers' order. A swing below a billionth of the outcome
    // is rounding (it differs in the last bits between native and WebAssembly maths): no swing.
    let scale = 1e-9 * base.map_or(1.0, |b| b.abs().max(1.0));
    let key = |bar: &Bar| {
        let swing = bar.swing();
        if swing < scale {
            0.0
        } else {
            swing
        }
    };
    bars.sort_by(|a, b| key(b).total_cmp(&key(a)));
    Ok(Tornado {
        outcome,
        spread,
        base,
        bars,
    })
}

#[cfg(test)]
// A lever the outcome does not read moves it by exactly nothing: exact comparison is the point.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn bar(t: &Tornado, lever: Lever) -> Bar {
        *t.bars.iter().find(|b| b.lever == lever).expect("bar")
    }

    #[test]
    fn every_lever_moves_existing_parameters() {
        for lever in Lever::ALL {
            for pattern in lever.patterns() {
                assert!(spec::entry(pattern).is_some(), "{pattern}");
            }
            assert_eq!(Lever::from_id(lever.id()), Some(lever));
        }
    }

    #[test]
    fn more_renewal_gives_a_bigger_book_and_margin_does_not_move_it() {
        let t = tornado(&Params::default(), Outcome::BookEnd, DEFAULT_SPREAD).expect("valid");
        let renewal = bar(&t, Lever::RenewalRates);
        let (lo, hi) = (
            renewal.low.outcome.expect("lo"),
            renewal.high.outcome.expect("hi"),
        );
        assert!(hi > lo, "{lo} {hi}");
        let margin = bar(&t, Lever::Margin);
        assert_eq!(margin.swing(), 0.0);
        assert_eq!(margin.low.outcome, t.base);
        let base = t.base.expect("base");
        for pair in t.bars.windows(2) {
            assert!(pair[0].swing() >= pair[1].swing() - 1e-9 * base);
        }
    }

    #[test]
    fn moved_values_stay_in_their_valid_ranges() {
        let p = Params::default();
        for lever in Lever::ALL {
            for factor in [0.01, 0.8, 1.2, 5.0] {
                let (q, _) = moved(&p, lever, factor);
                for step in spec::walk(&q, |_| false) {
                    if let Step::Param { spec, at, value } = step {
                        if let Some(x) = value.number() {
                            assert!(spec.admits(x, &q), "{} = {x}", spec.path_at(at));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn profit_rises_with_the_margin_and_falls_with_defaults() {
        let t = tornado(&Params::default(), Outcome::YearlyProfit, DEFAULT_SPREAD).expect("valid");
        let margin = bar(&t, Lever::Margin);
        assert!(margin.high.outcome > margin.low.outcome);
        let defaults = bar(&t, Lever::DefaultHazards);
        assert!(defaults.high.outcome < defaults.low.outcome);
        assert!((margin.high.change - 0.2).abs() < 1e-12);
    }
}
