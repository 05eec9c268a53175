//! Variance-based importance (issue 21): first-order and total Sobol indices over the unit
//! hypercube, Saltelli (2010) for the first order and Jansen (1999) for the total, with percentile
//! bootstrap intervals, and the scenario's levers as the inputs.
//!
//! Both estimators are means over the rows of the sample matrices, so the indices do not depend on
//! the order of the rows (up to the last bits of a floating-point sum), unlike estimators that read
//! neighbouring samples. Sampling is seeded `ChaCha8`: the same seed gives the same indices.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::params::Params;
use super::sensitivity::{moved, Lever, Outcome};
use super::validate::validate;

/// Bootstrap resamples behind each interval.
pub const BOOTSTRAP: usize = 200;

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

/// The model evaluated on the sample matrices: `f(A)`, `f(B)` and `f(AB_i)` per input, row by row.
#[derive(Debug, Clone)]
pub struct Evaluations {
    pub a: Vec<f64>,
    pub b: Vec<f64>,
    /// `ab[i][j]`: row j of A with input i from B.
    pub ab: Vec<Vec<f64>>,
}

/// Evaluates `f` on N rows of A, B and each `AB_i` drawn uniformly in `[0, 1]^dim` from `seed`.
pub fn evaluate(dim: usize, n: usize, seed: u64, mut f: impl FnMut(&[f64]) -> f64) -> Evaluations {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut draw = || -> Vec<Vec<f64>> {
        (0..n)
            .map(|_| (0..dim).map(|_| rng.random::<f64>()).collect())
            .collect()
    };
    let a_rows = draw();
    let b_rows = draw();
    let a: Vec<f64> = a_rows.iter().map(|x| f(x)).collect();
    let b: Vec<f64> = b_rows.iter().map(|x| f(x)).collect();
    let ab = (0..dim)
        .map(|i| {
            a_rows
                .iter()
                .zip(&b_rows)
                .map(|(ra, rb)| {
                    let mut x = ra.clone();
                    x[i] = rb[i];
                    f(&x)
                })
                .collect()
        })
        .collect();
    Evaluations { a, b, ab }
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
            let first = rows.iter().map(|&j| e.b[j] * (ab[j] - e.a[j])).sum::<f64>() / m / variance;
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

/// Sobol indices of the scenario's levers for `outcome`, each lever uniform on ±`spread`; a draw
/// the scenario's rules refuse counts as the outcome of the scenario as it is (returned: how many).
#[must_use]
pub fn levers(p: &Params, outcome: Outcome, spread: f64, n: usize, seed: u64) -> (Indices, usize) {
    let base = validate(p)
        .ok()
        .and_then(|vp| outcome.of(&vp))
        .unwrap_or(0.0);
    let mut refused = 0;
    let e = evaluate(Lever::ALL.len(), n, seed, |x| {
        match validate(&scenario_at(p, x, spread))
            .ok()
            .and_then(|vp| outcome.of(&vp))
        {
            Some(y) if y.is_finite() => y,
            _ => {
                refused += 1;
                base
            }
        }
    });
    (indices(&e, seed), refused)
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
        let (s, refused) = levers(&Params::default(), Outcome::HStar, 0.2, 64, 1);
        // Every lever moved at once can break a rule between parameters (the hours budget).
        assert!(refused < 64 * (Lever::ALL.len() + 2) / 4, "{refused}");
        let margin = Lever::ALL
            .iter()
            .position(|&l| l == Lever::Margin)
            .expect("margin");
        assert!(
            s.inputs[margin].total.abs() < 1e-12,
            "{:?}",
            s.inputs[margin]
        );
        let renewal = Lever::ALL
            .iter()
            .position(|&l| l == Lever::RenewalRates)
            .expect("renewal");
        assert!(s.inputs[renewal].total > 0.1, "{:?}", s.inputs[renewal]);
    }
}
