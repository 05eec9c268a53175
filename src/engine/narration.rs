//! Fault narration facts: why a fault developed, in numbers, from a run and its baseline.
//!
//! Trainer mode says in one line what the charts show: "prospecting fell to 0.0 h in weeks 21–24;
//! new loans fell 52% by week 28". This module finds the facts behind that line — the longest
//! spell of weeks in which prospecting hours per AM fell well below the baseline's, and the fall in
//! new loans with its onset, trough and recovery — using only the weeks up to the play clock's
//! `upto`, so the line never tells the room what has not happened yet. The words are the page's
//! (`ui::narration`). Weeks here are simulation weeks t (0-based).

use super::fault::fault_metrics;
use super::kpi::{Kpi, WeekKpis};
use super::simulate::{EvOutput, Trace};
use super::validate::FaultWindow;

/// A week's prospecting counts as "fallen" below this share of the baseline's hours per AM.
pub const PROSPECTING_DROP_SHARE: f64 = 0.5;

/// New loans have "fallen" below this share of the baseline (MODEL.md 16.6's onset and duration).
pub const NEW_LOANS_DIP_SHARE: f64 = 0.95;

/// Weeks in which prospecting hours per AM were below [`PROSPECTING_DROP_SHARE`] of the baseline's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProspectingDrop {
    /// First and last week t of the longest such spell (the first one on ties).
    pub first_week: u32,
    pub last_week: u32,
    /// The least prospecting hours per AM in the spell, and the baseline's in that week.
    pub min_hours_per_am: f64,
    pub baseline_hours_per_am: f64,
}

/// The fall in new loans against the baseline within the fault window, up to `upto`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NewLoansFall {
    /// (b − y)/b at the trough so far.
    pub depth: f64,
    /// The week t of the deepest fall so far (the first one on ties).
    pub trough_week: u32,
    /// The first week t with y below 95% of the baseline.
    pub onset_week: Option<u32>,
    /// The first week t after the trough with y back to 95% of the baseline, if seen by `upto`.
    pub recovery_week: Option<u32>,
}

/// What a narration line can say about a run up to a week.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NarrationFacts {
    /// The week t the facts are known up to (inclusive).
    pub upto: u32,
    pub prospecting: Option<ProspectingDrop>,
    /// Present only when new loans fell below 95% of the baseline.
    pub new_loans: Option<NewLoansFall>,
}

impl NarrationFacts {
    /// Whether there is anything to say.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.prospecting.is_none() && self.new_loans.is_none()
    }
}

/// Prospecting hours per AM of a week (per the week's team).
fn hours_per_am(week: &WeekKpis) -> f64 {
    if week.ams > 0.0 {
        week.hours_prospecting / week.ams
    } else {
        0.0
    }
}

/// The facts of `run` against `baseline` in weeks `window.start..=upto` (the new-loan fall) and
/// `0..=upto` (the prospecting drop). Weeks past either trace's end are ignored.
#[must_use]
pub fn narrate(run: &Trace, baseline: &Trace, window: FaultWindow, upto: u32) -> NarrationFacts {
    let end = (upto as usize + 1)
        .min(run.weeks.len())
        .min(baseline.weeks.len());
    NarrationFacts {
        upto,
        prospecting: prospecting_drop(&run.weeks[..end], &baseline.weeks[..end]),
        new_loans: new_loans_fall(run, baseline, window, end),
    }
}

/// [`narrate`] on an EV output, when it has a baseline and a fault window.
#[must_use]
pub fn narrate_ev(output: &EvOutput, upto: u32) -> Option<NarrationFacts> {
    let baseline = output.baseline.as_ref()?;
    let window = output.fault.as_ref()?.window;
    Some(narrate(&output.run, baseline, window, upto))
}

fn prospecting_drop(run: &[WeekKpis], baseline: &[WeekKpis]) -> Option<ProspectingDrop> {
    let fallen = |t: usize| {
        let b = hours_per_am(&baseline[t]);
        b > 0.0 && hours_per_am(&run[t]) < PROSPECTING_DROP_SHARE * b
    };
    let mut best: Option<(usize, usize)> = None;
    let mut t = 0;
    while t < run.len() {
        if !fallen(t) {
            t += 1;
            continue;
        }
        let first = t;
        while t < run.len() && fallen(t) {
            t += 1;
        }
        if best.is_none_or(|(a, b)| t - first > b - a + 1) {
            best = Some((first, t - 1));
        }
    }
    let (first, last) = best?;
    let min_week = (first..=last)
        .min_by(|&a, &b| hours_per_am(&run[a]).total_cmp(&hours_per_am(&run[b])))
        .unwrap_or(first);
    Some(ProspectingDrop {
        first_week: first as u32,
        last_week: last as u32,
        min_hours_per_am: hours_per_am(&run[min_week]),
        baseline_hours_per_am: hours_per_am(&baseline[min_week]),
    })
}

fn new_loans_fall(
    run: &Trace,
    baseline: &Trace,
    window: FaultWindow,
    end: usize,
) -> Option<NewLoansFall> {
    new_loans_fall_of(
        &run.series(Kpi::NewLoans)[..end],
        &baseline.series(Kpi::NewLoans)[..end],
        window,
    )
}

/// The fall of new loans `y` against `b` (weekly series of the same length, the weeks known so
/// far) within `window`: the trainer's debrief measures a run against its lesson's comparison this
/// way, as the narration measures it against the baseline.
#[must_use]
pub fn new_loans_fall_of(y: &[f64], b: &[f64], window: FaultWindow) -> Option<NewLoansFall> {
    let end = y.len().min(b.len());
    let (y, b) = (&y[..end], &b[..end]);
    let window = FaultWindow {
        start: window.start,
        end: window.end.min(end),
    };
    let metrics = fault_metrics(y, b, window);
    let trough = metrics.trough_week?;
    let onset = metrics.onset_weeks?;
    let dipped = |t: usize| y[t] < NEW_LOANS_DIP_SHARE * b[t];
    let recovery = (trough as usize..window.end.max(trough as usize))
        .find(|&t| !dipped(t))
        .map(|t| t as u32);
    Some(NewLoansFall {
        depth: metrics.depth,
        trough_week: trough,
        onset_week: Some(window.start as u32 + onset),
        recovery_week: recovery,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{presets, run_ev, validate};

    fn fault_b() -> EvOutput {
        let params = presets::get("fault").expect("preset").params;
        run_ev(&validate(&params).expect("valid"))
    }

    #[test]
    fn the_fault_preset_under_stop_when_busy() {
        let output = fault_b();
        let facts = narrate_ev(&output, 103).expect("a baseline");
        let drop = facts.prospecting.expect("prospecting fell");
        // The burst lands in the queue at the end of week 20; weeks 21–24 go to investigations.
        assert_eq!((drop.first_week, drop.last_week), (21, 24));
        assert!(drop.min_hours_per_am < 0.05, "{drop:?}");
        assert!(drop.baseline_hours_per_am > 8.0);
        let fall = facts.new_loans.expect("new loans fell");
        assert_eq!(fall.trough_week, 27);
        assert!((fall.depth - 0.522).abs() < 0.001, "{fall:?}");
        assert_eq!(fall.onset_week, Some(26));
        let recovery = fall.recovery_week.expect("recovers");
        assert!(recovery > 27);
    }

    #[test]
    fn nothing_is_told_before_it_happens() {
        let output = fault_b();
        let before = narrate_ev(&output, 20).expect("a baseline");
        assert!(before.is_empty(), "{before:?}");
        let mid_burst = narrate_ev(&output, 22).expect("a baseline");
        let drop = mid_burst.prospecting.expect("prospecting already fell");
        assert_eq!((drop.first_week, drop.last_week), (21, 22));
        assert!(
            mid_burst.new_loans.is_none(),
            "new loans have not fallen yet"
        );
        let at_trough = narrate_ev(&output, 27).expect("a baseline");
        let fall = at_trough.new_loans.expect("fallen");
        assert_eq!(fall.trough_week, 27);
        assert_eq!(fall.recovery_week, None, "not recovered by week 27");
    }
}
