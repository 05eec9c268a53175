//! Variance-based importance (issue 21): first-order and total Sobol indices over the unit
//! hypercube, Saltelli (2010) for the first order (on outputs centred on their mean, so a large mean
//! does not widen it) and Jansen (1999) for the total, with percentile
//! bootstrap intervals, the scenario's levers as the inputs, and what narrowing the most important
//! input's range would do to the outcome's spread ("measure this next").
//!
//! **The design, row by row.** Row j of the design is a pair of points `a`, `b` in `[0, 1]^d` and
//! the `d` points `ab_i` (`a` with coordinate i from `b`); the model is evaluated at all `d + 2`.
//! Row j draws its pairs from its own stream, `ChaCha8Rng::seed_from_u64(seed)` on stream j, so a
//! row is the same whichever rows are asked for with it, in whatever order, and rows can be split
//! across workers.
//!
//! **Refused draws are drawn again.** A point the model refuses (a scenario whose rules between
//! parameters break, or one without the outcome) is never evaluated: the row's pair is drawn again
//! from its stream, up to [`MAX_DRAWS`] times (a row still refused then is left out, and counted).
//! The law this gives is the inputs' joint range restricted to the valid region: the pair
//! `(a, b)` is uniform on the pairs of `[0, 1]^d × [0, 1]^d` whose `d + 2` points are all valid.
//! Where the valid region is the whole cube this is the independent uniform law of Sobol's
//! decomposition; where it is not, the inputs are slightly dependent near the region's edge and
//! the indices are those of the estimators under that law (first and total need not add up as
//! for independent inputs).
//!
//! Both estimators are means over the rows, so the indices do not depend on the order of the rows
//! (up to the last bits of a floating-point sum), unlike estimators that read neighbouring samples.
//! The same seed gives the same indices.

use std::ops::Range;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::params::Params;
use super::sensitivity::{moved, Lever, Outcome};
use super::validate::{validate, ValidParams};

/// Bootstrap resamples behind each interval.
pub const BOOTSTRAP: usize = 200;

/// Pairs drawn for a row before it is left out.
pub const MAX_DRAWS: u32 = 64;

/// "Measure this next" narrows the input's range to this share of its width (±20 % → ±5 %).
pub const NARROW_TO: f64 = 0.25;

/// One input's indices with their 95 % bootstrap intervals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Index {
    pub first: f64,
    pub first_ci: (f64, f64),
    pub total: f64,
    pub total_ci: (f64, f64),
}

/// The indices of every input and the outcome's variance.
#[derive(Debug, Clone, PartialEq)]
pub struct Indices {
    pub variance: f64,
    pub inputs: Vec<Index>,
}

impl Indices {
    /// The input with the largest total index (the first of equals); `None` when the outcome does
    /// not vary.
    #[must_use]
    pub fn largest_total(&self) -> Option<usize> {
        if self.variance <= 0.0 || self.variance.is_nan() {
            return None;
        }
        let mut best: Option<(usize, f64)> = None;
        for (i, ix) in self.inputs.iter().enumerate() {
            if best.is_none_or(|(_, t)| ix.total > t) {
                best = Some((i, ix.total));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// One evaluated row of the design.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// j, the row's place in the design (and its stream).
    pub index: u64,
    /// Which of the row's pairs was kept (0: the first drawn).
    pub draw: u32,
    pub a: f64,
    pub b: f64,
    /// The model at `ab_i`, one per input.
    pub ab: Vec<f64>,
}

/// The model evaluated on the sample matrices: `f(A)`, `f(B)` and `f(AB_i)` per input, row by row.
#[derive(Debug, Clone)]
pub struct Evaluations {
    pub a: Vec<f64>,
    pub b: Vec<f64>,
    /// `ab[i][j]`: row j of A with input i from B.
    pub ab: Vec<Vec<f64>>,
}

impl Evaluations {
    /// The columns of `rows`, in the order of their indices (the estimates do not depend on the
    /// order; the bootstrap's resamples are drawn by position, so the order is fixed here).
    #[must_use]
    pub fn of_rows(dim: usize, rows: &[Row]) -> Evaluations {
        let mut sorted: Vec<&Row> = rows.iter().collect();
        sorted.sort_by_key(|r| r.index);
        let rows = sorted;
        Evaluations {
            a: rows.iter().map(|r| r.a).collect(),
            b: rows.iter().map(|r| r.b).collect(),
            ab: (0..dim)
                .map(|i| {
                    rows.iter()
                        .map(|r| r.ab.get(i).copied().unwrap_or(r.a))
                        .collect()
                })
                .collect(),
        }
    }
}

/// The pair `(a, b)` of row `index`'s draw `draw`.
#[must_use]
pub fn pair(dim: usize, seed: u64, index: u64, draw: u32) -> (Vec<f64>, Vec<f64>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    let mut next = || -> Vec<f64> { (0..dim).map(|_| rng.random::<f64>()).collect() };
    let mut ab = (next(), next());
    for _ in 0..draw {
        ab = (next(), next());
    }
    ab
}

/// The row's `d + 2` points: `a`, `b`, then each `ab_i`.
#[must_use]
pub fn points(a: &[f64], b: &[f64]) -> Vec<Vec<f64>> {
    let mut out = vec![a.to_vec(), b.to_vec()];
    for i in 0..a.len() {
        let mut x = a.to_vec();
        x[i] = b[i];
        out.push(x);
    }
    out
}

/// Evaluates row `index`: the first of its pairs whose every point `prepare` accepts and `eval`
/// gives a finite outcome for (`prepare` sees every point of a pair before `eval` sees any, so a
/// refused pair costs no evaluation); `None` when none of [`MAX_DRAWS`] pairs is.
pub fn evaluate_row<T>(
    dim: usize,
    seed: u64,
    index: u64,
    prepare: &mut impl FnMut(&[f64]) -> Option<T>,
    eval: &mut impl FnMut(&T) -> Option<f64>,
) -> Option<Row> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    for draw in 0..MAX_DRAWS {
        let a: Vec<f64> = (0..dim).map(|_| rng.random::<f64>()).collect();
        let b: Vec<f64> = (0..dim).map(|_| rng.random::<f64>()).collect();
        let Some(prepared) = points(&a, &b)
            .iter()
            .map(|x| prepare(x))
            .collect::<Option<Vec<T>>>()
        else {
            continue;
        };
        let Some(values) = prepared
            .iter()
            .map(|t| eval(t).filter(|y| y.is_finite()))
            .collect::<Option<Vec<f64>>>()
        else {
            continue;
        };
        return Some(Row {
            index,
            draw,
            a: values[0],
            b: values[1],
            ab: values[2..].to_vec(),
        });
    }
    None
}

/// Evaluates the rows `rows` of the design (those left out are missing from the answer).
pub fn evaluate_rows<T>(
    dim: usize,
    seed: u64,
    rows: Range<u64>,
    mut prepare: impl FnMut(&[f64]) -> Option<T>,
    mut eval: impl FnMut(&T) -> Option<f64>,
) -> Vec<Row> {
    rows.filter_map(|j| evaluate_row(dim, seed, j, &mut prepare, &mut eval))
        .collect()
}

/// Evaluates `f` on N rows of the design drawn uniformly in `[0, 1]^dim` from `seed` (every
/// point accepted).
pub fn evaluate(dim: usize, n: usize, seed: u64, f: impl Fn(&[f64]) -> f64) -> Evaluations {
    let rows = evaluate_rows(
        dim,
        seed,
        0..n as u64,
        |x| Some(x.to_vec()),
        |x: &Vec<f64>| Some(f(x)),
    );
    Evaluations::of_rows(dim, &rows)
}

/// `x` with input `input` pulled towards the middle of its range: its distance from ½ times
/// `ratio` (a uniform input on ±s becomes uniform on ±ratio·s).
#[must_use]
pub fn narrowed(x: &[f64], input: usize, ratio: f64) -> Vec<f64> {
    let mut y = x.to_vec();
    if let Some(v) = y.get_mut(input) {
        *v = 0.5 + (*v - 0.5) * ratio;
    }
    y
}

/// A row's `a` and `b` with one input narrowed, evaluated; `None` where the narrowed point is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NarrowRow {
    pub index: u64,
    pub a: Option<f64>,
    pub b: Option<f64>,
}

/// Evaluates `rows`' kept pairs again with input `input` narrowed by `ratio`: the same sample
/// design, only that input's range shorter.
pub fn narrow_rows<T>(
    dim: usize,
    seed: u64,
    rows: &[(u64, u32)],
    input: usize,
    ratio: f64,
    mut prepare: impl FnMut(&[f64]) -> Option<T>,
    mut eval: impl FnMut(&T) -> Option<f64>,
) -> Vec<NarrowRow> {
    let mut at = |x: &[f64]| {
        prepare(&narrowed(x, input, ratio))
            .and_then(|t| eval(&t))
            .filter(|y| y.is_finite())
    };
    rows.iter()
        .map(|&(index, draw)| {
            let (a, b) = pair(dim, seed, index, draw);
            NarrowRow {
                index,
                a: at(&a),
                b: at(&b),
            }
        })
        .collect()
}

/// What narrowing one input's range does to the outcome's spread.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Narrowing {
    pub input: usize,
    /// The narrowed range's share of the full one.
    pub ratio: f64,
    /// The outcome's standard deviation over the design's `a` and `b` points, as they are and
    /// with the input narrowed (over the points whose narrowed twin is valid).
    pub sd_before: f64,
    pub sd_after: f64,
    /// Points compared.
    pub points: usize,
}

impl Narrowing {
    /// The share of the outcome's standard deviation narrowing removes (0.4: 40 % less).
    #[must_use]
    pub fn reduction(&self) -> f64 {
        if self.sd_before > 0.0 {
            1.0 - self.sd_after / self.sd_before
        } else {
            0.0
        }
    }
}

/// Population standard deviation (0 for fewer than two values).
fn sd(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    (values.iter().map(|y| (y - mean).powi(2)).sum::<f64>() / n).sqrt()
}

/// The spread before and after narrowing input `input`, pairing each row with its narrowed twin
/// by index (order-independent).
#[must_use]
pub fn narrowing(rows: &[Row], narrow: &[NarrowRow], input: usize, ratio: f64) -> Narrowing {
    let mut before = Vec::with_capacity(2 * rows.len());
    let mut after = Vec::with_capacity(2 * rows.len());
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| r.index);
    let mut twins: Vec<&NarrowRow> = narrow.iter().collect();
    twins.sort_by_key(|r| r.index);
    for twin in twins {
        let Ok(at) = sorted.binary_search_by_key(&twin.index, |r| r.index) else {
            continue;
        };
        let row = sorted[at];
        for (y, z) in [(row.a, twin.a), (row.b, twin.b)] {
            if let Some(z) = z {
                before.push(y);
                after.push(z);
            }
        }
    }
    Narrowing {
        input,
        ratio,
        sd_before: sd(&before),
        sd_after: sd(&after),
        points: before.len(),
    }
}

/// The point estimates over the rows `rows` (indices into the evaluations, repeats allowed).
fn estimate(e: &Evaluations, rows: &[usize]) -> (f64, Vec<(f64, f64)>) {
    let m = rows.len() as f64;
    let all = rows.iter().flat_map(|&j| [e.a[j], e.b[j]]);
    let mean = all.clone().sum::<f64>() / (2.0 * m);
    let variance = all.map(|y| (y - mean).powi(2)).sum::<f64>() / (2.0 * m);
    let per_input = e
        .ab
        .iter()
        .map(|ab| {
            if variance <= 0.0 {
                return (0.0, 0.0);
            }
            // Saltelli's estimator on centred outputs: the same expectation, but its spread no
            // longer grows with the outcome's mean (a book of 720 ± 100 loans made it ±30 %).
            let first = rows
                .iter()
                .map(|&j| (e.b[j] - mean) * (ab[j] - e.a[j]))
                .sum::<f64>()
                / m
                / variance;
            let total =
                rows.iter().map(|&j| (e.a[j] - ab[j]).powi(2)).sum::<f64>() / (2.0 * m) / variance;
            (first, total)
        })
        .collect();
    (variance, per_input)
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = (q * (sorted.len() - 1) as f64).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

/// The indices of the evaluations, with 95 % percentile bootstrap intervals from `seed`.
#[must_use]
pub fn indices(e: &Evaluations, seed: u64) -> Indices {
    let n = e.a.len();
    let rows: Vec<usize> = (0..n).collect();
    let (variance, point) = estimate(e, &rows);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED_B007);
    let mut firsts = vec![Vec::with_capacity(BOOTSTRAP); e.ab.len()];
    let mut totals = vec![Vec::with_capacity(BOOTSTRAP); e.ab.len()];
    if n > 0 {
        for _ in 0..BOOTSTRAP {
            let sample: Vec<usize> = (0..n).map(|_| rng.random_range(0..n)).collect();
            let (_, est) = estimate(e, &sample);
            for (i, (f, t)) in est.into_iter().enumerate() {
                firsts[i].push(f);
                totals[i].push(t);
            }
        }
    }
    let inputs = point
        .iter()
        .enumerate()
        .map(|(i, &(first, total))| {
            firsts[i].sort_by(f64::total_cmp);
            totals[i].sort_by(f64::total_cmp);
            Index {
                first,
                first_ci: (percentile(&firsts[i], 0.025), percentile(&firsts[i], 0.975)),
                total,
                total_ci: (percentile(&totals[i], 0.025), percentile(&totals[i], 0.975)),
            }
        })
        .collect();
    Indices { variance, inputs }
}

/// The scenario with every lever at its factor (`x` in `[0, 1]` maps to `1 ± spread`).
#[must_use]
pub fn scenario_at(p: &Params, x: &[f64], spread: f64) -> Params {
    let mut q = p.clone();
    for (&lever, &u) in Lever::ALL.iter().zip(x) {
        q = moved(&q, lever, 1.0 - spread + 2.0 * spread * u).0;
    }
    q
}

/// The scenario's levers as the model of a Sobol design: a point is the scenario with every lever
/// at its factor, refused when the scenario's rules refuse it or it has no outcome.
#[derive(Debug, Clone, Copy)]
pub struct LeverModel<'a> {
    pub params: &'a Params,
    pub outcome: Outcome,
    pub spread: f64,
}

impl LeverModel<'_> {
    /// The inputs: one per lever.
    pub const DIM: usize = Lever::ALL.len();

    /// The point's scenario, validated; `None` when its rules refuse it.
    #[must_use]
    pub fn prepare(&self, x: &[f64]) -> Option<ValidParams> {
        validate(&scenario_at(self.params, x, self.spread)).ok()
    }

    /// The outcome of a prepared point.
    #[must_use]
    pub fn eval(&self, vp: &ValidParams) -> Option<f64> {
        self.outcome.of(vp)
    }

    /// Rows `rows` of the design from `seed`.
    #[must_use]
    pub fn rows(&self, seed: u64, rows: Range<u64>) -> Vec<Row> {
        evaluate_rows(
            Self::DIM,
            seed,
            rows,
            |x| self.prepare(x),
            |vp| self.eval(vp),
        )
    }

    /// The kept pairs `(index, draw)` again with lever `input` narrowed to [`NARROW_TO`] of its range.
    #[must_use]
    pub fn narrow(&self, seed: u64, rows: &[(u64, u32)], input: usize) -> Vec<NarrowRow> {
        narrow_rows(
            Self::DIM,
            seed,
            rows,
            input,
            NARROW_TO,
            |x| self.prepare(x),
            |vp| self.eval(vp),
        )
    }
}

/// The variance-based importance of the levers: the indices and what to measure next.
#[derive(Debug, Clone, PartialEq)]
pub struct Importance {
    /// Rows asked for, and rows kept (a row refused [`MAX_DRAWS`] times is left out).
    pub n: usize,
    pub kept: usize,
    pub seed: u64,
    pub spread: f64,
    /// Pairs drawn again because a point of theirs was refused.
    pub redraws: u64,
    /// Model evaluations made: `kept × (levers + 2)` plus the narrowed points.
    pub evaluations: usize,
    pub indices: Indices,
    /// The lever with the largest total index and what narrowing its range does to the spread.
    pub measure_next: Option<(Lever, Narrowing)>,
}

impl Importance {
    /// Assembles the importance from the design's rows, their indices and the narrowed twins of
    /// the lever with the largest total index (empty when there is none).
    #[must_use]
    pub fn new(
        n: usize,
        seed: u64,
        spread: f64,
        rows: &[Row],
        indices: Indices,
        narrow: &[NarrowRow],
    ) -> Importance {
        let measure_next = indices.largest_total().and_then(|input| {
            let lever = *Lever::ALL.get(input)?;
            Some((lever, narrowing(rows, narrow, input, NARROW_TO)))
        });
        Importance {
            n,
            kept: rows.len(),
            seed,
            spread,
            redraws: rows.iter().map(|r| u64::from(r.draw)).sum(),
            evaluations: rows.len() * (LeverModel::DIM + 2) + 2 * narrow.len(),
            indices,
            measure_next,
        }
    }
}

/// The kept pairs of `rows`, as [`LeverModel::narrow`] takes them.
#[must_use]
pub fn kept_pairs(rows: &[Row]) -> Vec<(u64, u32)> {
    rows.iter().map(|r| (r.index, r.draw)).collect()
}

/// Sobol indices of the scenario's levers for `outcome`, each lever uniform on ±`spread` (over the
/// valid region: see the module docs), N rows from `seed`, and what to measure next; in one thread.
#[must_use]
pub fn levers(p: &Params, outcome: Outcome, spread: f64, n: usize, seed: u64) -> Importance {
    let model = LeverModel {
        params: p,
        outcome,
        spread,
    };
    let rows = model.rows(seed, 0..n as u64);
    let indices = indices(&Evaluations::of_rows(LeverModel::DIM, &rows), seed);
    let narrow = indices
        .largest_total()
        .map(|input| model.narrow(seed, &kept_pairs(&rows), input))
        .unwrap_or_default();
    Importance::new(n, seed, spread, &rows, indices, &narrow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    fn ishigami(x: &[f64]) -> f64 {
        let (a, b) = (7.0, 0.1);
        let u: Vec<f64> = x.iter().map(|v| -PI + 2.0 * PI * v).collect();
        u[0].sin() + a * u[1].sin().powi(2) + b * u[2].powi(4) * u[0].sin()
    }

    /// The Ishigami function's analytic indices (a = 7, b = 0.1).
    fn analytic() -> ([f64; 3], [f64; 3]) {
        let (a, b) = (7.0_f64, 0.1_f64);
        let v1 = 0.5 * (1.0 + b * PI.powi(4) / 5.0).powi(2);
        let v2 = a * a / 8.0;
        let v13 = b * b * PI.powi(8) * (1.0 / 18.0 - 1.0 / 50.0);
        let v = v1 + v2 + v13;
        ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v])
    }

    #[test]
    fn ishigami_indices_agree_with_the_analytic_values_within_their_intervals() {
        let e = evaluate(3, 20_000, 7, ishigami);
        let s = indices(&e, 7);
        let (first, total) = analytic();
        for i in 0..3 {
            let ix = s.inputs[i];
            let (lo, hi) = ix.first_ci;
            assert!(
                lo <= first[i] && first[i] <= hi,
                "S{} {lo}..{hi} vs {}",
                i + 1,
                first[i]
            );
            let (lo, hi) = ix.total_ci;
            assert!(
                lo <= total[i] && total[i] <= hi,
                "ST{} {lo}..{hi} vs {}",
                i + 1,
                total[i]
            );
            assert!(
                (ix.first - first[i]).abs() < 0.03,
                "S{} {}",
                i + 1,
                ix.first
            );
            assert!(
                (ix.total - total[i]).abs() < 0.03,
                "ST{} {}",
                i + 1,
                ix.total
            );
        }
    }

    #[test]
    fn a_constant_added_to_the_model_changes_no_index() {
        let e = evaluate(3, 1_000, 9, ishigami);
        let shifted = evaluate(3, 1_000, 9, |x| ishigami(x) + 1_000.0);
        let (s, t) = (indices(&e, 9), indices(&shifted, 9));
        for (a, b) in s.inputs.iter().zip(&t.inputs) {
            assert!((a.first - b.first).abs() < 1e-6, "{a:?} {b:?}");
            assert!((a.total - b.total).abs() < 1e-6, "{a:?} {b:?}");
            assert!((a.first_ci.1 - b.first_ci.1).abs() < 1e-6, "{a:?} {b:?}");
        }
    }

    #[test]
    fn the_indices_do_not_depend_on_the_order_of_the_samples() {
        let e = evaluate(3, 2_000, 3, ishigami);
        let s = indices(&e, 3);
        // The same rows in reverse order.
        let reversed = Evaluations {
            a: e.a.iter().rev().copied().collect(),
            b: e.b.iter().rev().copied().collect(),
            ab: e
                .ab
                .iter()
                .map(|c| c.iter().rev().copied().collect())
                .collect(),
        };
        let rows: Vec<usize> = (0..e.a.len()).collect();
        let (v, point) = estimate(&e, &rows);
        let (vr, point_r) = estimate(&reversed, &rows);
        assert!((v - vr).abs() <= 1e-9 * v);
        for ((f, t), (fr, tr)) in point.iter().zip(&point_r) {
            assert!((f - fr).abs() < 1e-12 && (t - tr).abs() < 1e-12);
        }
        assert!((s.inputs[0].first - point[0].0).abs() < 1e-15);
    }

    #[test]
    fn a_lever_the_outcome_does_not_read_has_no_importance() {
        let imp = levers(&Params::default(), Outcome::HStar, 0.2, 64, 1);
        assert_eq!(imp.kept, 64, "every row found a valid pair");
        let margin = Lever::ALL
            .iter()
            .position(|&l| l == Lever::Margin)
            .expect("margin");
        let ix = imp.indices.inputs[margin];
        assert!(ix.total.abs() < 1e-12, "{ix:?}");
        let renewal = Lever::ALL
            .iter()
            .position(|&l| l == Lever::RenewalRates)
            .expect("renewal");
        assert!(
            imp.indices.inputs[renewal].total > 0.1,
            "{:?}",
            imp.indices.inputs[renewal]
        );
    }

    #[test]
    fn issue_21_no_evaluated_point_is_refused_and_refused_pairs_are_drawn_again() {
        let p = Params::default();
        let model = LeverModel {
            params: &p,
            outcome: Outcome::HStar,
            spread: 0.2,
        };
        let rows = model.rows(5, 0..48);
        assert_eq!(rows.len(), 48);
        assert!(
            rows.iter().any(|r| r.draw > 0),
            "some first pairs break a rule between parameters (the hours budget)"
        );
        for row in &rows {
            let (a, b) = pair(LeverModel::DIM, 5, row.index, row.draw);
            let values: Vec<f64> = points(&a, &b)
                .iter()
                .map(|x| {
                    let vp = model.prepare(x).expect("every evaluated point is valid");
                    model.eval(&vp).expect("and has its outcome")
                })
                .collect();
            assert_eq!(values[0].to_bits(), row.a.to_bits());
            assert_eq!(values[1].to_bits(), row.b.to_bits());
            for (v, ab) in values[2..].iter().zip(&row.ab) {
                assert_eq!(v.to_bits(), ab.to_bits());
            }
        }
        // A row is the same whichever rows are asked for with it.
        assert_eq!(model.rows(5, 30..32), rows[30..32].to_vec());
    }

    #[test]
    fn ishigami_on_a_restricted_region_never_evaluates_outside_it() {
        // The valid region: x1 + x2 <= 1.5; the evaluation panics outside it.
        let rows = evaluate_rows(
            3,
            11,
            0..4_000,
            |x| (x[0] + x[1] <= 1.5).then(|| x.to_vec()),
            |x: &Vec<f64>| {
                assert!(x[0] + x[1] <= 1.5, "{x:?}");
                Some(ishigami(x))
            },
        );
        assert_eq!(rows.len(), 4_000);
        assert!(rows.iter().any(|r| r.draw > 0));
        let s = indices(&Evaluations::of_rows(3, &rows), 11);
        // The indices stay indices: inside [0, 1] up to sampling error, and x2 still leads.
        for ix in &s.inputs {
            assert!(ix.total > -0.05 && ix.total < 1.05, "{ix:?}");
        }
        assert!(s.inputs[1].total > s.inputs[2].total);
    }

    #[test]
    fn ishigami_rows_in_any_order_give_the_same_indices_and_intervals() {
        let mut rows = evaluate_rows(
            3,
            2,
            0..500,
            |x| Some(x.to_vec()),
            |x: &Vec<f64>| Some(ishigami(x)),
        );
        let s = indices(&Evaluations::of_rows(3, &rows), 2);
        rows.reverse();
        rows.rotate_left(123);
        assert_eq!(indices(&Evaluations::of_rows(3, &rows), 2), s);
    }

    /// The stated reduction recomputed directly: the design's points with the input's range
    /// narrowed, evaluated from scratch.
    fn direct_reduction(model: &LeverModel<'_>, seed: u64, n: u64, input: usize) -> f64 {
        let mut before = Vec::new();
        let mut after = Vec::new();
        let narrow_model = |x: &[f64]| -> Option<f64> {
            let mut q = model.params.clone();
            for (i, (&lever, &u)) in Lever::ALL.iter().zip(x).enumerate() {
                let s = if i == input {
                    model.spread * NARROW_TO
                } else {
                    model.spread
                };
                q = moved(&q, lever, 1.0 - s + 2.0 * s * u).0;
            }
            validate(&q).ok().and_then(|vp| model.outcome.of(&vp))
        };
        for row in model.rows(seed, 0..n) {
            let (a, b) = pair(LeverModel::DIM, seed, row.index, row.draw);
            for (y, x) in [(row.a, a), (row.b, b)] {
                if let Some(z) = narrow_model(&x) {
                    before.push(y);
                    after.push(z);
                }
            }
        }
        1.0 - sd(&after) / sd(&before)
    }

    #[test]
    fn issue_21_measure_next_names_the_largest_total_index_and_its_reduction_is_recomputed() {
        let p = Params::default();
        let imp = levers(&p, Outcome::HStar, 0.2, 96, 4);
        let (lever, narrowing) = imp.measure_next.expect("a lever to measure");
        let largest = imp
            .indices
            .inputs
            .iter()
            .map(|ix| ix.total)
            .fold(f64::NEG_INFINITY, f64::max);
        let named = Lever::ALL.iter().position(|&l| l == lever).expect("lever");
        assert!(imp.indices.inputs[named].total >= largest);
        let model = LeverModel {
            params: &p,
            outcome: Outcome::HStar,
            spread: 0.2,
        };
        let direct = direct_reduction(&model, 4, 96, named);
        assert!(
            (narrowing.reduction() - direct).abs() < 1e-9,
            "{} vs {direct}",
            narrowing.reduction()
        );
        assert!(narrowing.reduction() > 0.05 && narrowing.reduction() < 1.0);
        assert_eq!(narrowing.points, 2 * 96);
    }
}
