//! Trainer mode's decision log: pure helpers over `Params::interventions`.
//!
//! A decision is a [`Shock`] in `Params::interventions`, the trainer's list, kept apart from the
//! scenario's own `shocks`: the schedule folds both (shocks first), and the **ghost line** — what
//! would have happened without the decisions — is the same scenario with the log cleared
//! ([`ghost_params`]). Replaying a saved log is running the scenario file it was saved in: the
//! engine is the only source of truth, and the same parameters and seed give the same figures.

use super::params::{Params, Shock};

/// The log after rewinding the play clock to simulation week `week`.
///
/// Decisions starting at or before `week` have already shaped the weeks on show and stay, whole
/// (a decision running past `week` keeps its duration). Decisions starting after `week` are dropped,
/// or kept when `keep_later` is true, so that playing on replays them. Order is kept: on equal
/// starts the later decision wins, so a replayed log must keep its order.
#[must_use]
pub fn rewind(log: &[Shock], week: u32, keep_later: bool) -> Vec<Shock> {
    log.iter()
        .filter(|decision| keep_later || decision.start <= f64::from(week))
        .cloned()
        .collect()
}

/// The scenario without the trainer's decisions: the ghost line's parameters.
#[must_use]
pub fn ghost_params(params: &Params) -> Params {
    Params {
        interventions: Vec::new(),
        ..params.clone()
    }
}

/// Whether the scenario carries decisions (and so has a ghost line worth drawing).
#[must_use]
pub fn has_decisions(params: &Params) -> bool {
    !params.interventions.is_empty()
}

/// The duration of a decision taken at `start` that lasts "from now on": to the end of the run,
/// T − start weeks (at least 1).
#[must_use]
pub fn from_now_on(start: u32, horizon_weeks: f64) -> f64 {
    (horizon_weeks - f64::from(start)).max(1.0)
}

/// The scenario with one more decision, appended to the log (later decisions win ties).
#[must_use]
pub fn decide(params: &Params, decision: Shock) -> Params {
    let mut next = params.clone();
    next.interventions.push(decision);
    next
}

/// The decisions in force in simulation week `week`, as indices into the log, in log order.
#[must_use]
pub fn active_at(log: &[Shock], week: u32) -> Vec<usize> {
    let t = f64::from(week);
    log.iter()
        .enumerate()
        .filter(|(_, d)| d.start <= t && t < d.start + d.duration_weeks)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{ProspectingChange, ShockKind};

    fn stop(start: f64) -> Shock {
        Shock {
            start,
            duration_weeks: 3.0,
            kind: ShockKind::Prospecting {
                change: ProspectingChange::Stop,
            },
        }
    }

    #[test]
    fn rewinding_drops_or_keeps_what_comes_after_the_week() {
        let log = vec![stop(2.0), stop(5.0), stop(9.0)];
        assert_eq!(rewind(&log, 5, false), vec![stop(2.0), stop(5.0)]);
        assert_eq!(rewind(&log, 4, false), vec![stop(2.0)]);
        assert_eq!(rewind(&log, 4, true), log);
        assert!(rewind(&log, 0, false).is_empty());
    }

    #[test]
    fn the_ghost_clears_only_the_log() {
        let params = decide(&Params::default(), stop(3.0));
        assert!(has_decisions(&params));
        let ghost = ghost_params(&params);
        assert!(!has_decisions(&ghost));
        assert_eq!(ghost, Params::default());
        assert!((from_now_on(20, 104.0) - 84.0).abs() < 1e-12);
        assert_eq!(active_at(&params.interventions, 5), vec![0]);
        assert!(active_at(&params.interventions, 6).is_empty());
    }
}
