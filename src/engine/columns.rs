//! What a Monte Carlo merge keeps of its runs' weekly series, column by column (a column is one
//! value of every run: a KPI in one week), so that its memory stays bounded at any scale.
//!
//! Up to [`EXACT_RUNS`] runs every value is kept, and means and percentiles are exact (means summed
//! in run order). Beyond that a column keeps only
//! - its sum in fixed point (2⁻⁴⁰ units in an `i128`): integer additions do not depend on their
//!   order, so the mean is bit-identical however the runs were chunked and in whatever order they
//!   arrived; each value is rounded by at most 2⁻⁴¹ before it is summed;
//! - for percentiles, a histogram of [`BINS`] equal bins over a range set by the first
//!   [`PILOT_RUNS`] runs (runs 0..200: the same runs whatever the chunking): the pilot's span
//!   widened by half of it on each side. Values outside the range are kept exactly (a 200-run
//!   pilot's range, so widened, leaves well under 1 % of values outside it).
//!
//! A percentile is computed as the exact one is (type 7: the order statistics at ranks ⌊h⌋ and
//! ⌊h⌋+1, interpolated), with each order statistic inside a bin placed at its rank's share of the
//! bin. The error is then at most one bin's width, 2 × pilot span / 2,048 — under 0.1 % of the
//! spread of the pilot's values. When a column's pilot values are all whole numbers (loans, leads,
//! applications) and the widened range has no more whole numbers than bins, each bin holds one
//! whole number and the percentile is exact.
//!
//! Memory of a bounded column set: 2,048 × 4 bytes per column plus the values outside the range —
//! for 16 KPIs × 156 weeks, 20 MiB whatever the number of runs, against 16 × 156 × 8 bytes per run
//! (200 MB at 10,000 runs) when every value is kept.

use super::stats::Percentiles;

/// Up to this many runs a merge keeps every value (exact percentiles).
pub const EXACT_RUNS: usize = 2_000;
/// The runs (by position) whose values set each column's histogram range.
pub const PILOT_RUNS: usize = 200;
/// Bins per column of a bounded column set.
pub const BINS: usize = 2_048;
/// Fixed-point scale of the sums: 2⁴⁰ units per 1.
const FIXED_POINT: f64 = 1_099_511_627_776.0;

/// Each run's series of `width` values, kept for means and, when asked, percentiles.
#[derive(Debug, Clone)]
pub enum Columns {
    /// Every run's values, by position.
    Exact(Vec<Vec<f64>>),
    /// Sums and, for percentiles, histograms: memory independent of the run count.
    Bounded(Box<Bounded>),
}

impl Columns {
    /// Room for `runs` runs; percentiles are kept only when `percentiles` is set.
    #[must_use]
    pub fn new(runs: usize, width: usize, percentiles: bool, exact_runs: usize) -> Columns {
        if runs <= exact_runs {
            Columns::Exact(vec![Vec::new(); runs])
        } else {
            Columns::Bounded(Box::new(Bounded::new(width, percentiles)))
        }
    }

    /// Adds the series of the run at `position` (each position once).
    pub fn add(&mut self, position: usize, series: Vec<f64>) {
        match self {
            Columns::Exact(runs) => {
                if let Some(slot) = runs.get_mut(position) {
                    *slot = series;
                }
            }
            Columns::Bounded(bounded) => bounded.add(position, series),
        }
    }

    /// The mean of every column; empty when nothing was added or a run's series had another width
    /// (a run without a baseline, say).
    #[must_use]
    pub fn means(&self, width: usize) -> Vec<f64> {
        match self {
            Columns::Exact(runs) => exact_means(runs.iter().map(Vec::as_slice), width),
            Columns::Bounded(bounded) => bounded.means(),
        }
    }

    /// The mean and percentiles of one column (a missing value counts as 0, as in the exact merge).
    pub fn mean_of(&mut self, column: usize, scratch: &mut Vec<f64>) -> (f64, Percentiles) {
        match self {
            Columns::Exact(runs) => {
                scratch.clear();
                scratch.extend(
                    runs.iter()
                        .map(|series| series.get(column).copied().unwrap_or(0.0)),
                );
                let mean = if scratch.is_empty() {
                    0.0
                } else {
                    scratch.iter().sum::<f64>() / scratch.len() as f64
                };
                (mean, Percentiles::of(scratch))
            }
            Columns::Bounded(bounded) => (bounded.mean(column), bounded.percentiles(column)),
        }
    }
}

/// Week-by-week mean of equally long series, summed in their order; empty if the series are empty
/// or one has another length.
#[must_use]
pub fn exact_means<'a>(series: impl Iterator<Item = &'a [f64]>, width: usize) -> Vec<f64> {
    let mut sum = vec![0.0; width];
    let mut count = 0usize;
    for s in series {
        if s.len() != width {
            return Vec::new();
        }
        for (total, value) in sum.iter_mut().zip(s) {
            *total += value;
        }
        count += 1;
    }
    if count == 0 {
        return Vec::new();
    }
    sum.iter().map(|total| total / count as f64).collect()
}

/// Fixed-point sums and, optionally, histograms of a set of columns.
#[derive(Debug, Clone)]
pub struct Bounded {
    width: usize,
    count: usize,
    /// A run with a series of another width was added: no means (as the exact merge).
    uneven: bool,
    sums: Vec<i128>,
    histograms: Option<Histograms>,
}

impl Bounded {
    fn new(width: usize, percentiles: bool) -> Bounded {
        Bounded {
            width,
            count: 0,
            uneven: false,
            sums: vec![0; width],
            histograms: percentiles.then(|| Histograms::new(width)),
        }
    }

    fn add(&mut self, position: usize, series: Vec<f64>) {
        if series.len() != self.width {
            self.uneven = true;
            return;
        }
        self.count += 1;
        for (sum, &value) in self.sums.iter_mut().zip(&series) {
            *sum += fixed(value);
        }
        if let Some(histograms) = &mut self.histograms {
            histograms.add(position, series);
        }
    }

    fn mean(&self, column: usize) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        self.sums
            .get(column)
            .map_or(0.0, |&sum| sum as f64 / FIXED_POINT / self.count as f64)
    }

    fn means(&self) -> Vec<f64> {
        if self.count == 0 || self.uneven {
            return Vec::new();
        }
        (0..self.width).map(|column| self.mean(column)).collect()
    }

    fn percentiles(&mut self, column: usize) -> Percentiles {
        match &mut self.histograms {
            Some(histograms) => histograms.percentiles(column, self.count),
            None => Percentiles::default(),
        }
    }
}

/// `value` in units of 2⁻⁴⁰, rounded to the nearest (finite values only; others count as 0).
fn fixed(value: f64) -> i128 {
    if value.is_finite() {
        (value * FIXED_POINT).round() as i128
    } else {
        0
    }
}

/// What the pilot runs have shown of one column so far: its least and greatest value and whether
/// every value was a whole number. Kept as each pilot run arrives, so that no single run's arrival
/// scans all the pilot's values (issue 20: that scan was a 33 ms main-thread task at 200 AMs × 156
/// weeks). Min and max do not depend on the order the values come in.
#[derive(Debug, Clone, Copy)]
struct PilotRange {
    min: f64,
    max: f64,
    whole: bool,
}

impl PilotRange {
    const EMPTY: PilotRange = PilotRange {
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
        whole: true,
    };

    fn widen(&mut self, value: f64) {
        self.min = self.min.min(value);
        self.max = self.max.max(value);
        self.whole &= value.fract() == 0.0;
    }
}

/// One column's bins: the lower edge, the width, and whether every bin is one whole number.
#[derive(Debug, Clone, Copy)]
struct Grid {
    low: f64,
    width: f64,
    whole: bool,
}

impl Grid {
    /// The grid for a column whose pilot values span `range`.
    fn of(range: PilotRange) -> Grid {
        let PilotRange { min, max, whole } = range;
        if !min.is_finite() || !max.is_finite() {
            return Grid {
                low: 0.0,
                width: 0.0,
                whole: false,
            };
        }
        let span = max - min;
        let low = min - span / 2.0;
        let range = 2.0 * span;
        if whole {
            // Bins of a whole number of units from a whole lower edge: one number a bin when the
            // widened range has room, so the percentiles of counts are exact.
            let width = (range / BINS as f64).ceil().max(1.0);
            Grid {
                low: low.floor(),
                width,
                // `width` is a whole number ≥ 1: at most 1 means exactly 1.
                whole: width <= 1.0,
            }
        } else {
            Grid {
                low,
                width: range / BINS as f64,
                whole: false,
            }
        }
    }

    /// The bin of `value`, if it is inside the grid.
    #[allow(clippy::float_cmp)] // A zero-width grid holds exactly its one value.
    fn bin(&self, value: f64) -> Option<usize> {
        if self.width <= 0.0 {
            // Every pilot value was `low`: one bin, for exactly that value.
            return (value == self.low).then_some(0);
        }
        let at = ((value - self.low) / self.width).floor();
        (at >= 0.0 && at < BINS as f64).then_some(at as usize)
    }
}

/// Runs binned from the waiting list with each run added once the grids are known: the runs that
/// came before the pilot was complete are binned a few at a time rather than in one long task.
const CATCH_UP_PER_ADD: usize = 2;

/// Histograms of a set of columns, their ranges from the pilot runs.
#[derive(Debug, Clone)]
struct Histograms {
    width: usize,
    /// Runs added before every pilot run was: binned once the grids are known, a few with every
    /// later run, the rest before percentiles are computed.
    waiting: Vec<Vec<f64>>,
    pilot_added: usize,
    /// Each column's range over the pilot runs added so far.
    pilot: Vec<PilotRange>,
    grids: Vec<Grid>,
    counts: Vec<u32>,
    /// Values outside a column's range, kept exactly; sorted once percentiles are asked for.
    below: Vec<Vec<f64>>,
    above: Vec<Vec<f64>>,
    sorted: bool,
}

impl Histograms {
    fn new(width: usize) -> Histograms {
        Histograms {
            width,
            waiting: Vec::new(),
            pilot_added: 0,
            pilot: vec![PilotRange::EMPTY; width],
            grids: Vec::new(),
            counts: Vec::new(),
            below: vec![Vec::new(); width],
            above: vec![Vec::new(); width],
            sorted: false,
        }
    }

    fn add(&mut self, position: usize, series: Vec<f64>) {
        self.sorted = false;
        if !self.grids.is_empty() {
            self.bin_series(&series);
            self.catch_up(CATCH_UP_PER_ADD);
            return;
        }
        if position < PILOT_RUNS {
            self.pilot_added += 1;
            for (range, &value) in self.pilot.iter_mut().zip(&series) {
                range.widen(value);
            }
        }
        self.waiting.push(series);
        if self.pilot_added == PILOT_RUNS {
            self.grids = self.pilot.iter().copied().map(Grid::of).collect();
            self.counts = vec![0; self.width * BINS];
        }
    }

    /// Bins up to `runs` of the runs waiting since before the grids were known. Counts are sums,
    /// so when a run is binned does not change them.
    fn catch_up(&mut self, runs: usize) {
        if self.grids.is_empty() {
            return;
        }
        for _ in 0..runs {
            let Some(series) = self.waiting.pop() else {
                return;
            };
            self.sorted = false;
            self.bin_series(&series);
        }
    }

    fn bin_series(&mut self, series: &[f64]) {
        for (column, (&value, grid)) in series.iter().zip(&self.grids).enumerate() {
            match grid.bin(value) {
                Some(bin) => self.counts[column * BINS + bin] += 1,
                None if value < grid.low => self.below[column].push(value),
                None => self.above[column].push(value),
            }
        }
    }

    fn percentiles(&mut self, column: usize, count: usize) -> Percentiles {
        if self.grids.is_empty() {
            // Fewer runs than the pilot: never the case above `EXACT_RUNS`, but stay correct.
            let mut values: Vec<f64> = self
                .waiting
                .iter()
                .filter_map(|series| series.get(column).copied())
                .collect();
            return Percentiles::of(&mut values);
        }
        self.catch_up(usize::MAX);
        if !self.sorted {
            for list in self.below.iter_mut().chain(self.above.iter_mut()) {
                list.sort_by(f64::total_cmp);
            }
            self.sorted = true;
        }
        let column_view = ColumnView {
            grid: self.grids[column],
            counts: &self.counts[column * BINS..(column + 1) * BINS],
            below: &self.below[column],
            above: &self.above[column],
        };
        let at = |p: f64| column_view.percentile(count, p);
        Percentiles {
            p10: at(0.10),
            p50: at(0.50),
            p90: at(0.90),
        }
    }
}

/// One column's histogram and its values outside the range.
struct ColumnView<'a> {
    grid: Grid,
    counts: &'a [u32],
    below: &'a [f64],
    above: &'a [f64],
}

impl ColumnView<'_> {
    /// The type-7 percentile p of `count` values.
    fn percentile(&self, count: usize, p: f64) -> f64 {
        if count == 0 {
            return 0.0;
        }
        let h = (count - 1) as f64 * p;
        let i = h.floor() as usize;
        let fraction = h - h.floor();
        let at = self.order_statistic(i);
        if fraction == 0.0 || i + 1 >= count {
            return at;
        }
        at + fraction * (self.order_statistic(i + 1) - at)
    }

    /// The value of rank `rank` (0-based) in the column's order.
    fn order_statistic(&self, rank: usize) -> f64 {
        if let Some(&value) = self.below.get(rank) {
            return value;
        }
        let mut rank = rank - self.below.len();
        for (bin, &count) in self.counts.iter().enumerate() {
            let count = count as usize;
            if rank < count {
                let edge = self.grid.low + self.grid.width * bin as f64;
                if self.grid.whole {
                    return edge;
                }
                // The rank's share of its bin, at the middle of its slot.
                return edge + self.grid.width * (rank as f64 + 0.5) / count as f64;
            }
            rank -= count;
        }
        self.above
            .get(rank)
            .or(self.above.last())
            .copied()
            .unwrap_or(self.grid.low)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Columns fed the same runs as exact and as bounded storage: means within rounding,
    /// percentiles within one bin, whole-number columns exact.
    fn compare(values: &[Vec<f64>], whole_columns: &[usize]) {
        let runs = values.len();
        let width = values[0].len();
        let mut exact = Columns::new(runs, width, true, usize::MAX);
        let mut bounded = Columns::new(runs, width, true, 0);
        for (position, series) in values.iter().enumerate().rev() {
            exact.add(position, series.clone());
            bounded.add(position, series.clone());
        }
        let mut scratch = Vec::new();
        for column in 0..width {
            let (mean_e, p_e) = exact.mean_of(column, &mut scratch);
            let (mean_b, p_b) = bounded.mean_of(column, &mut scratch);
            assert!(
                (mean_e - mean_b).abs() <= 1e-9 * mean_e.abs().max(1.0),
                "column {column}: mean {mean_b} vs {mean_e}"
            );
            let pilot: Vec<f64> = values[..PILOT_RUNS].iter().map(|s| s[column]).collect();
            let span = pilot.iter().copied().fold(f64::NEG_INFINITY, f64::max)
                - pilot.iter().copied().fold(f64::INFINITY, f64::min);
            let bin = (2.0 * span / BINS as f64).max(if whole_columns.contains(&column) {
                1.0
            } else {
                0.0
            });
            for (b, e) in [(p_b.p10, p_e.p10), (p_b.p50, p_e.p50), (p_b.p90, p_e.p90)] {
                if whole_columns.contains(&column) && 2.0 * span + 1.0 <= BINS as f64 {
                    assert_eq!(
                        b.to_bits(),
                        e.to_bits(),
                        "column {column}: a count's percentile is exact ({b} vs {e})"
                    );
                } else {
                    assert!(
                        (b - e).abs() <= bin + 1e-9,
                        "column {column}: {b} vs {e} (bin {bin})"
                    );
                }
            }
        }
    }

    #[test]
    fn bounded_percentiles_are_within_a_bin_and_exact_for_counts() {
        let mut rng = ChaCha8Rng::seed_from_u64(20);
        for runs in [PILOT_RUNS, 450, 3_000] {
            let values: Vec<Vec<f64>> = (0..runs)
                .map(|_| {
                    let u: f64 = rng.random();
                    let v: f64 = rng.random();
                    vec![
                        // A count around 120, a skewed amount, a constant, and a heavy tail.
                        (120.0 + 40.0 * (u - 0.5)).round(),
                        1e6 * u * u + 3.0 * v,
                        8.75,
                        1.0 / (1e-3 + u),
                        (5_000.0 * v).round(),
                    ]
                })
                .collect();
            compare(&values, &[0, 4]);
        }
    }

    #[test]
    fn bounded_columns_do_not_depend_on_the_order_runs_arrive_in() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let values: Vec<Vec<f64>> = (0..700)
            .map(|_| vec![rng.random::<f64>() * 1e4, rng.random::<f64>()])
            .collect();
        let summary = |order: &[usize]| {
            let mut columns = Columns::new(values.len(), 2, true, 0);
            for &position in order {
                columns.add(position, values[position].clone());
            }
            let mut scratch = Vec::new();
            (0..2)
                .map(|c| columns.mean_of(c, &mut scratch))
                .map(|(m, p)| {
                    [
                        m.to_bits(),
                        p.p10.to_bits(),
                        p.p50.to_bits(),
                        p.p90.to_bits(),
                    ]
                })
                .collect::<Vec<_>>()
        };
        let forward: Vec<usize> = (0..values.len()).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let mut chunked: Vec<usize> = (0..values.len())
            .collect::<Vec<_>>()
            .chunks(20)
            .rev()
            .flatten()
            .copied()
            .collect();
        chunked.rotate_left(333);
        assert_eq!(summary(&forward), summary(&backward));
        assert_eq!(summary(&forward), summary(&chunked));
    }

    #[test]
    fn uneven_series_have_no_means_as_in_the_exact_merge() {
        let mut columns = Columns::new(3, 2, false, 0);
        columns.add(0, vec![1.0, 2.0]);
        columns.add(1, Vec::new());
        assert!(columns.means(2).is_empty());
        let exact = exact_means([[1.0, 2.0].as_slice(), &[]].into_iter(), 2);
        assert!(exact.is_empty());
    }
}
