//! A small quadratic-program solver for the weekly cadence: minimise `½·xᵀ·P·x + qᵀ·x` subject to
//! `l ≤ A·x ≤ u`, where the rows of A are sparse (here: one row per week's bounds and one per
//! week-to-week change).
//!
//! It is the alternating-direction method of multipliers in the form of OSQP (Stellato et al.,
//! "OSQP: an operator splitting solver for quadratic programs", 2020, algorithm 1): the matrix
//! `P + σI + ρAᵀA` is factored once per penalty ρ, each iteration is two triangular solves and a
//! projection onto the bounds, and ρ is rebalanced from the primal and dual residuals. P must be
//! positive definite on the space the rows leave free (the cadence's P has a ridge term, so it is
//! positive definite outright).

/// One constraint row: `lower ≤ Σ coefficient·x[index] ≤ upper`.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub terms: Vec<(usize, f64)>,
    pub lower: f64,
    pub upper: f64,
}

impl Row {
    fn dot(&self, x: &[f64]) -> f64 {
        self.terms.iter().map(|&(i, a)| a * x[i]).sum()
    }
}

/// Stopping tolerance on the residuals, absolute and relative.
const EPS_ABS: f64 = 1e-6;
const EPS_REL: f64 = 1e-6;
const MAX_ITERATIONS: usize = 4000;
/// Over-relaxation (OSQP's α).
const ALPHA: f64 = 1.6;
const SIGMA: f64 = 1e-6;
/// The penalty is rebalanced every this many iterations.
const ADAPT_EVERY: usize = 25;

/// A dense Cholesky factor `L·Lᵀ = M`.
struct Cholesky {
    l: Vec<Vec<f64>>,
}

impl Cholesky {
    // Textbook Cholesky reads best with the matrix indices written out.
    #[allow(clippy::needless_range_loop)]
    fn new(m: &[Vec<f64>]) -> Option<Cholesky> {
        let n = m.len();
        let mut l = vec![vec![0.0; n]; n];
        for i in 0..n {
            for j in 0..=i {
                let mut sum = m[i][j];
                for k in 0..j {
                    sum -= l[i][k] * l[j][k];
                }
                if i == j {
                    if sum.is_nan() || sum <= 0.0 {
                        return None;
                    }
                    l[i][i] = sum.sqrt();
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        Some(Cholesky { l })
    }

    #[allow(clippy::needless_range_loop)]
    fn solve(&self, b: &[f64]) -> Vec<f64> {
        let n = b.len();
        let l = &self.l;
        let mut y = vec![0.0; n];
        for i in 0..n {
            let mut sum = b[i];
            for k in 0..i {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        let mut x = vec![0.0; n];
        for i in (0..n).rev() {
            let mut sum = y[i];
            for k in i + 1..n {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        x
    }
}

fn norm_inf(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

/// Minimises `½·xᵀ·P·x + qᵀ·x` subject to every row, from `x = 0`. Returns the best x found (the
/// rows hold to about 1e-6 when they can all be met; when they cannot, x is the ADMM iterate,
/// which the caller clamps).
#[must_use]
pub fn minimize(p: &[Vec<f64>], q: &[f64], rows: &[Row]) -> Vec<f64> {
    let n = q.len();
    let m = rows.len();
    let mut x = vec![0.0; n];
    let mut z: Vec<f64> = rows
        .iter()
        .map(|r| 0.0f64.clamp(r.lower, r.upper))
        .collect();
    let mut y = vec![0.0; m];
    let mut rho = 0.1;
    let factor = |rho: f64| {
        let mut k: Vec<Vec<f64>> = p.to_vec();
        for (i, row) in k.iter_mut().enumerate() {
            row[i] += SIGMA;
        }
        for row in rows {
            for &(i, a) in &row.terms {
                for &(j, b) in &row.terms {
                    k[i][j] += rho * a * b;
                }
            }
        }
        Cholesky::new(&k)
    };
    let Some(mut chol) = factor(rho) else {
        return x;
    };
    for iteration in 0..MAX_ITERATIONS {
        // (P + σI + ρAᵀA)·x̃ = σx − q + Aᵀ(ρz − y)
        let mut rhs: Vec<f64> = x.iter().zip(q).map(|(xi, qi)| SIGMA * xi - qi).collect();
        for (r, row) in rows.iter().enumerate() {
            let w = rho * z[r] - y[r];
            for &(i, a) in &row.terms {
                rhs[i] += a * w;
            }
        }
        let x_tilde = chol.solve(&rhs);
        let z_tilde: Vec<f64> = rows.iter().map(|row| row.dot(&x_tilde)).collect();
        for i in 0..n {
            x[i] = ALPHA * x_tilde[i] + (1.0 - ALPHA) * x[i];
        }
        for r in 0..m {
            let relaxed = ALPHA * z_tilde[r] + (1.0 - ALPHA) * z[r];
            let next = (relaxed + y[r] / rho).clamp(rows[r].lower, rows[r].upper);
            y[r] += rho * (relaxed - next);
            z[r] = next;
        }
        if iteration % ADAPT_EVERY != ADAPT_EVERY - 1 {
            continue;
        }
        // Residuals: primal ‖Ax − z‖, dual ‖Px + q + Aᵀy‖.
        let ax: Vec<f64> = rows.iter().map(|row| row.dot(&x)).collect();
        let primal: Vec<f64> = ax.iter().zip(&z).map(|(a, b)| a - b).collect();
        let px: Vec<f64> = (0..n)
            .map(|i| (0..n).map(|j| p[i][j] * x[j]).sum())
            .collect();
        let mut aty = vec![0.0; n];
        for (r, row) in rows.iter().enumerate() {
            for &(i, a) in &row.terms {
                aty[i] += a * y[r];
            }
        }
        let dual: Vec<f64> = (0..n).map(|i| px[i] + q[i] + aty[i]).collect();
        let primal_scale = norm_inf(&ax).max(norm_inf(&z));
        let dual_scale = norm_inf(&px).max(norm_inf(&aty)).max(norm_inf(q));
        let primal_ok = norm_inf(&primal) <= EPS_ABS + EPS_REL * primal_scale;
        let dual_ok = norm_inf(&dual) <= EPS_ABS + EPS_REL * dual_scale;
        if primal_ok && dual_ok {
            break;
        }
        let ratio = (norm_inf(&primal) / primal_scale.max(1e-12))
            / (norm_inf(&dual) / dual_scale.max(1e-12)).max(1e-12);
        let next_rho = (rho * ratio.sqrt()).clamp(1e-6, 1e6);
        if next_rho > 5.0 * rho || next_rho < 0.2 * rho {
            if let Some(refactored) = factor(next_rho) {
                chol = refactored;
                rho = next_rho;
            }
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_and_a_difference_bound_are_met_at_the_optimum() {
        // min (x0 − 3)² + (x1 − 0)² s.t. 0 ≤ x ≤ 2, |x1 − x0| ≤ 0.5.
        let p = vec![vec![2.0, 0.0], vec![0.0, 2.0]];
        let q = vec![-6.0, 0.0];
        let rows = vec![
            Row {
                terms: vec![(0, 1.0)],
                lower: 0.0,
                upper: 2.0,
            },
            Row {
                terms: vec![(1, 1.0)],
                lower: 0.0,
                upper: 2.0,
            },
            Row {
                terms: vec![(1, 1.0), (0, -1.0)],
                lower: -0.5,
                upper: 0.5,
            },
        ];
        let x = minimize(&p, &q, &rows);
        // The difference binds (x1 = x0 − 0.5), and on that line the optimum is
        // d/dx0 [(x0 − 3)² + (x0 − 0.5)²] = 0: x0 = 1.75, inside the box.
        assert!((x[0] - 1.75).abs() < 1e-5, "{x:?}");
        assert!((x[1] - 1.25).abs() < 1e-5, "{x:?}");
    }

    #[test]
    fn without_rows_it_is_the_unconstrained_minimum() {
        let p = vec![vec![4.0, 1.0], vec![1.0, 3.0]];
        let q = vec![1.0, 2.0];
        let x = minimize(&p, &q, &[]);
        // P·x = −q: x = (−1/11, −7/11).
        assert!((x[0] + 1.0 / 11.0).abs() < 1e-6, "{x:?}");
        assert!((x[1] + 7.0 / 11.0).abs() < 1e-6, "{x:?}");
    }
}
