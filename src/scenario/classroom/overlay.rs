//! The room overlaid (issue 19's debrief): every participant's book and new loans week by week, from
//! their replayed EV runs (recomputed by [`super::replay::replay`], never read from a hand-in), and
//! the room's spread across participants in each week. Each line covers the whole lesson, as the
//! ranking's figures do: a participant who handed in before the end keeps their last decision to it.
//!
//! **Percentiles.** The room's P10, P50 and P90 of a week are the engine's Monte Carlo percentiles
//! ([`Percentiles::of`], Hyndman–Fan type 7: with the week's n values sorted, the p-percentile is
//! the value at position h = (n − 1)·p, interpolated between the two order statistics around it).
//! So every participant whose position i/(n − 1) in the sorted week lies in [0.1, 0.9] — the
//! room's middle 80 % — is inside the band, and at most ⌈(n − 1)/10⌉ participants lie below P10
//! and as many above P90. With one participant the band is their line.

use super::replay::Room;
use crate::engine::stats::Percentiles;
use crate::engine::{EvOutput, Kpi};

/// One participant's weekly series.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: String,
    /// `values[t]` is week `t`'s value (0-based).
    pub values: Vec<f64>,
}

/// The room's P10, P50 and P90 across participants, week by week.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoomBand {
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
}

/// One figure of the room: every participant's line, in the room's order (best first), and the band.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlaid {
    pub lines: Vec<Line>,
    pub band: RoomBand,
}

/// The room overlaid: the book (active loans) and new loans, each week of the lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomOverlay {
    pub horizon_weeks: u32,
    pub book_loans: Overlaid,
    pub new_loans: Overlaid,
    /// The line (index into `lines`) ranked first on the room's score, when anyone handed in.
    pub best: Option<usize>,
    /// The line ranked last, when at least two did.
    pub worst: Option<usize>,
}

/// The P10/P50/P90 of every week across `lines`; week `t` takes the lines that reach it.
#[must_use]
pub fn room_band(lines: &[&[f64]]) -> RoomBand {
    let weeks = lines.iter().map(|l| l.len()).max().unwrap_or(0);
    let mut band = RoomBand::default();
    let mut column = Vec::with_capacity(lines.len());
    for t in 0..weeks {
        column.clear();
        column.extend(lines.iter().filter_map(|l| l.get(t).copied()));
        let p = Percentiles::of(&mut column);
        band.p10.push(p.p10);
        band.p50.push(p.p50);
        band.p90.push(p.p90);
    }
    band
}

fn overlaid(room: &Room, kpi: impl Fn(&EvOutput) -> Vec<f64>) -> Overlaid {
    let lines: Vec<Line> = room
        .standings
        .iter()
        .map(|s| Line {
            name: s.hand_in.name.clone(),
            values: kpi(&s.ev),
        })
        .collect();
    let slices: Vec<&[f64]> = lines.iter().map(|l| l.values.as_slice()).collect();
    let band = room_band(&slices);
    Overlaid { lines, band }
}

/// The room overlaid, from each standing's replayed run; best and worst follow the room's ranking.
#[must_use]
pub fn overlay(room: &Room) -> RoomOverlay {
    let horizon_weeks = room
        .standings
        .iter()
        .map(|s| s.ev.run.weeks.len())
        .max()
        .unwrap_or(0);
    let count = room.standings.len();
    RoomOverlay {
        horizon_weeks: u32::try_from(horizon_weeks).unwrap_or(u32::MAX),
        book_loans: overlaid(room, |ev| ev.run.series(Kpi::ActiveLoans)),
        new_loans: overlaid(room, |ev| ev.run.series(Kpi::NewLoans)),
        best: (count >= 1).then_some(0),
        worst: (count >= 2).then(|| count - 1),
    }
}
