//! The small convex solver behind the channel-mix plan: a log-barrier interior-point method.
//!
//! Every problem the planner poses has one shape. The unknowns are `x_c` ∈ [0, 1): how far channel c
//! is pushed towards its saturation yield `a_c·s_c` (its yield is `x_c·a_c·s_c`). Reaching `x_c`
//! takes `h_c(x_c)` = `−s_c·ln(1 − x_c)` hours per AM-week, a convex, increasing function; steady
//! loans, new loans by tier, workload hours and margin are linear in the yields (MODEL.md 9: the book
//! is linear in the lead vector). So the objective and every constraint is a [`Separable`] sum
//! `Σ_c α_c·h_c(x_c) + γ_c·x_c` with `α_c` ≥ 0 — convex — and the problem is a smooth convex program
//! on the open box.
//!
//! It is solved by the barrier method of Boyd and Vandenberghe, *Convex Optimization*, 11.3: Newton's
//! method on `t·f(x) − Σ ln(slack)` for growing t, after a phase I that finds a strictly feasible
//! start (or proves there is none). The answer is within a duality gap of about 1e-11 (in units
//! of the objective's largest coefficient) of the optimum. At the optimum the conditions are the
//! equal-marginal ("water filling") conditions: every channel in use has the same marginal value
//! per hour once the multipliers price loans, quality, cash and hours; [`Solution::multipliers`]
//! returns those prices.

/// `Σ_c α_c·h_c(x_c) + γ_c·x_c`, with `h_c(x)` = `−s_c·ln(1 − x)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Separable {
    /// `α_c` ≥ 0: weight of channel c's hours.
    pub hours: Vec<f64>,
    /// `γ_c`: weight of `x_c` itself.
    pub linear: Vec<f64>,
}

impl Separable {
    /// A sum with every coefficient 0, over `n` channels.
    #[must_use]
    pub fn zero(n: usize) -> Separable {
        Separable {
            hours: vec![0.0; n],
            linear: vec![0.0; n],
        }
    }

    /// The value at x (∞ when some `x_c` with `α_c` > 0 is 1 or more).
    #[must_use]
    pub fn value(&self, saturation: &[f64], x: &[f64]) -> f64 {
        let mut total = 0.0;
        for c in 0..x.len() {
            if self.hours[c] != 0.0 {
                total += self.hours[c] * hours_at(saturation[c], x[c]);
            }
            total += self.linear[c] * x[c];
        }
        total
    }

    /// The largest absolute coefficient, `α_c` counted at its hours per unit of `ln`.
    fn magnitude(&self, saturation: &[f64]) -> f64 {
        self.hours
            .iter()
            .zip(saturation)
            .zip(&self.linear)
            .map(|((a, s), g)| (a * s).abs().max(g.abs()))
            .fold(0.0, f64::max)
    }

    fn scaled(&self, factor: f64) -> Separable {
        Separable {
            hours: self.hours.iter().map(|a| a * factor).collect(),
            linear: self.linear.iter().map(|g| g * factor).collect(),
        }
    }

    /// Adds the gradient at x to `out` (first n entries).
    fn add_gradient(&self, saturation: &[f64], x: &[f64], weight: f64, out: &mut [f64]) {
        for c in 0..x.len() {
            out[c] += weight * (self.hours[c] * saturation[c] / (1.0 - x[c]) + self.linear[c]);
        }
    }

    /// The diagonal of the Hessian at x.
    fn curvature(&self, saturation: &[f64], x: &[f64], c: usize) -> f64 {
        self.hours[c] * saturation[c] / ((1.0 - x[c]) * (1.0 - x[c]))
    }
}

/// `h(x)` = `−s·ln(1 − x)`: the hours that reach the share x of a channel's saturation yield.
#[must_use]
pub fn hours_at(saturation: f64, x: f64) -> f64 {
    if x >= 1.0 {
        f64::INFINITY
    } else {
        -saturation * (-x).ln_1p()
    }
}

/// Minimise `objective` subject to `constraint.0 ≤ constraint.1` for each constraint, x ∈ [0, 1)ⁿ.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// `s_c` of each unknown.
    pub saturation: Vec<f64>,
    pub objective: Separable,
    pub constraints: Vec<(Separable, f64)>,
}

/// An optimum.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub x: Vec<f64>,
    pub objective: f64,
    /// The Lagrange multiplier of each constraint, in objective units per constraint unit:
    /// how much the optimum would improve if the constraint's bound moved by one.
    pub multipliers: Vec<f64>,
}

/// Barrier weights grow by this factor between centring steps.
const GROWTH: f64 = 12.0;
/// Target duality gap, relative to the scaled objective (whose largest coefficient is 1).
const GAP: f64 = 1e-11;
/// Newton steps per centring, at most.
const NEWTON_STEPS: usize = 80;
/// Centrings, at most (t grows by 12 each time, from 1 to far beyond 1e13).
const CENTRINGS: usize = 40;
/// Phase I stops once every constraint has at least this slack (scaled units).
const COMFORTABLE_SLACK: f64 = 1e-3;
/// Phase I declares the problem infeasible unless the best slack exceeds this (scaled units).
const FEASIBILITY_TOLERANCE: f64 = 1e-10;

/// Solves the problem; `None` when no x in the box satisfies every constraint with room to spare
/// (a feasible set without interior counts as infeasible).
#[must_use]
pub fn minimize(problem: &Problem) -> Option<Solution> {
    let n = problem.saturation.len();
    let objective_scale = scale_of(problem.objective.magnitude(&problem.saturation));
    let constraint_scales: Vec<f64> = problem
        .constraints
        .iter()
        .map(|(sum, bound)| scale_of(sum.magnitude(&problem.saturation).max(bound.abs())))
        .collect();
    let scaled = Scaled {
        saturation: problem.saturation.clone(),
        objective: problem.objective.scaled(1.0 / objective_scale),
        constraints: problem
            .constraints
            .iter()
            .zip(&constraint_scales)
            .map(|((sum, bound), scale)| (sum.scaled(1.0 / scale), bound / scale))
            .collect(),
    };
    let start = scaled.feasible_start(n)?;
    let (x, t) = scaled.barrier(start, Phase::Two, 1.0);
    let x: Vec<f64> = x[..n].to_vec();
    let multipliers = scaled
        .multipliers(&x, t)
        .iter()
        .zip(&constraint_scales)
        .map(|(m, scale)| m * objective_scale / scale)
        .collect();
    Some(Solution {
        objective: problem.objective.value(&problem.saturation, &x),
        x,
        multipliers,
    })
}

fn scale_of(magnitude: f64) -> f64 {
    if magnitude.is_finite() && magnitude > 1.0 {
        magnitude
    } else {
        1.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Minimise the largest constraint violation s (an extra unknown): `g_i(x) − s ≤ b_i`.
    One,
    /// Minimise the objective.
    Two,
}

/// The problem with objective and constraints divided by their magnitudes.
struct Scaled {
    saturation: Vec<f64>,
    objective: Separable,
    constraints: Vec<(Separable, f64)>,
}

impl Scaled {
    /// A strictly feasible x (as the first n entries of a vector), by phase I when the centre of the
    /// box is not one.
    fn feasible_start(&self, n: usize) -> Option<Vec<f64>> {
        let centre = vec![0.5; n];
        let worst = self.worst_violation(&centre);
        if worst < -COMFORTABLE_SLACK || self.constraints.is_empty() {
            return Some(centre);
        }
        let mut z = centre;
        z.push(worst + 1.0);
        let (z, _) = self.barrier(z, Phase::One, 1.0);
        let x = z[..n].to_vec();
        (self.worst_violation(&x) < -FEASIBILITY_TOLERANCE).then_some(x)
    }

    /// The multipliers at the optimum x (scaled units). The barrier's estimates `1/(t·slack)` are
    /// ruled by rounding once slacks are 1e-12, so the active constraints' multipliers are solved
    /// from the stationarity conditions on the unknowns strictly inside the box instead:
    /// `∇f + Σ λ_i·∇g_i = 0` there, in the least-squares sense.
    fn multipliers(&self, x: &[f64], t: f64) -> Vec<f64> {
        let slacks: Vec<f64> = self
            .constraints
            .iter()
            .map(|(sum, bound)| bound - sum.value(&self.saturation, x))
            .collect();
        let estimates: Vec<f64> = slacks.iter().map(|slack| 1.0 / (t * slack)).collect();
        let active: Vec<usize> = (0..slacks.len()).filter(|&i| slacks[i] < 1e-7).collect();
        let inside: Vec<usize> = (0..x.len())
            .filter(|&c| x[c] > 1e-7 && x[c] < 1.0 - 1e-7)
            .collect();
        if active.is_empty() || inside.len() < active.len() {
            return estimates;
        }
        let gradient = |sum: &Separable| {
            let mut g = vec![0.0; x.len()];
            sum.add_gradient(&self.saturation, x, 1.0, &mut g);
            g
        };
        let objective = gradient(&self.objective);
        let columns: Vec<Vec<f64>> = active
            .iter()
            .map(|&i| gradient(&self.constraints[i].0))
            .collect();
        // Normal equations (GᵀG)·λ = −Gᵀ·∇f over the inside unknowns.
        let normal: Vec<Vec<f64>> = columns
            .iter()
            .map(|a| {
                columns
                    .iter()
                    .map(|b| inside.iter().map(|&c| a[c] * b[c]).sum())
                    .collect()
            })
            .collect();
        let rhs: Vec<f64> = columns
            .iter()
            .map(|a| -inside.iter().map(|&c| a[c] * objective[c]).sum::<f64>())
            .collect();
        let mut multipliers = estimates;
        if let Some(solved) = solve_positive_definite(&normal, &rhs) {
            for (&i, value) in active.iter().zip(solved) {
                multipliers[i] = value.max(0.0);
            }
        }
        multipliers
    }

    fn worst_violation(&self, x: &[f64]) -> f64 {
        self.constraints
            .iter()
            .map(|(sum, bound)| sum.value(&self.saturation, x) - bound)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// Barrier terms: one per constraint and two per unknown of the box.
    fn barrier_terms(&self) -> f64 {
        (self.constraints.len() + 2 * self.saturation.len()) as f64
    }

    /// Follows the central path from the strictly feasible z; returns the last point and t.
    fn barrier(&self, mut z: Vec<f64>, phase: Phase, mut t: f64) -> (Vec<f64>, f64) {
        let n = self.saturation.len();
        for _ in 0..CENTRINGS {
            z = self.centre(z, phase, t);
            let gap = self.barrier_terms() / t;
            match phase {
                Phase::One => {
                    let s = z[n];
                    // Done once the start is comfortably inside, or once even the lower bound on
                    // the smallest violation (s − gap) shows the set is empty.
                    if s < -COMFORTABLE_SLACK || s - gap > 0.0 || gap < GAP {
                        break;
                    }
                }
                Phase::Two => {
                    if gap < GAP {
                        break;
                    }
                }
            }
            t *= GROWTH;
        }
        (z, t)
    }

    /// The barrier function `t·f + φ` at z; `None` outside its domain.
    fn value(&self, z: &[f64], phase: Phase, t: f64) -> Option<f64> {
        let n = self.saturation.len();
        let x = &z[..n];
        if x.iter().any(|&v| !(v > 0.0 && v < 1.0)) {
            return None;
        }
        let shift = if phase == Phase::One { z[n] } else { 0.0 };
        let mut total = match phase {
            Phase::One => t * z[n],
            Phase::Two => t * self.objective.value(&self.saturation, x),
        };
        for (sum, bound) in &self.constraints {
            let slack = bound + shift - sum.value(&self.saturation, x);
            if slack.is_nan() || slack <= 0.0 {
                return None;
            }
            total -= slack.ln();
        }
        for &v in x {
            total -= v.ln() + (-v).ln_1p();
        }
        total.is_finite().then_some(total)
    }

    /// Newton's method on the barrier function at t from a point in its domain.
    fn centre(&self, mut z: Vec<f64>, phase: Phase, t: f64) -> Vec<f64> {
        let n = self.saturation.len();
        let dim = z.len();
        for _ in 0..NEWTON_STEPS {
            let x = &z[..n];
            let shift = if phase == Phase::One { z[n] } else { 0.0 };
            let mut gradient = vec![0.0; dim];
            let mut hessian = vec![vec![0.0; dim]; dim];
            match phase {
                Phase::One => gradient[n] = t,
                Phase::Two => {
                    self.objective
                        .add_gradient(&self.saturation, x, t, &mut gradient);
                    for (c, row) in hessian.iter_mut().enumerate().take(n) {
                        row[c] += t * self.objective.curvature(&self.saturation, x, c);
                    }
                }
            }
            for (sum, bound) in &self.constraints {
                let slack = bound + shift - sum.value(&self.saturation, x);
                // ∇(g − s) where s enters only in phase I.
                let mut direction = vec![0.0; dim];
                sum.add_gradient(&self.saturation, x, 1.0, &mut direction);
                if phase == Phase::One {
                    direction[n] = -1.0;
                }
                for i in 0..dim {
                    gradient[i] += direction[i] / slack;
                    for j in 0..dim {
                        hessian[i][j] += direction[i] * direction[j] / (slack * slack);
                    }
                }
                for (c, row) in hessian.iter_mut().enumerate().take(n) {
                    row[c] += sum.curvature(&self.saturation, x, c) / slack;
                }
            }
            for (c, &v) in x.iter().enumerate() {
                gradient[c] += -1.0 / v + 1.0 / (1.0 - v);
                hessian[c][c] += 1.0 / (v * v) + 1.0 / ((1.0 - v) * (1.0 - v));
            }
            let Some(step) = solve_positive_definite(&hessian, &gradient) else {
                break;
            };
            // step solves H·step = gradient; the Newton direction is −step.
            let decrement: f64 = gradient.iter().zip(&step).map(|(g, s)| g * s).sum();
            if decrement.is_nan() || decrement <= 1e-14 {
                break;
            }
            let Some(current) = self.value(&z, phase, t) else {
                break;
            };
            let mut alpha = 1.0;
            let mut moved = false;
            for _ in 0..80 {
                let trial: Vec<f64> = z.iter().zip(&step).map(|(v, s)| v - alpha * s).collect();
                if let Some(next) = self.value(&trial, phase, t) {
                    // Near the centre (decrement < 0.1) Newton converges quadratically and the
                    // barrier value is too large to resolve the decrease, so any step in the
                    // domain is taken; further out the Armijo condition guards the descent.
                    if decrement < 0.1 || next <= current - 0.25 * alpha * decrement {
                        z = trial;
                        moved = true;
                        break;
                    }
                }
                alpha *= 0.5;
            }
            if !moved || decrement < 1e-12 {
                break;
            }
        }
        z
    }
}

/// Solves `a·x = b` for a symmetric positive definite `a` by Cholesky after diagonal scaling;
/// `None` if `a` is not numerically positive definite.
// Textbook Cholesky reads best with the matrix indices written out.
#[allow(clippy::needless_range_loop)]
pub(super) fn solve_positive_definite(a: &[Vec<f64>], b: &[f64]) -> Option<Vec<f64>> {
    let n = b.len();
    let d: Vec<f64> = (0..n)
        .map(|i| {
            let diag = a[i][i];
            if diag > 0.0 && diag.is_finite() {
                1.0 / diag.sqrt()
            } else {
                f64::NAN
            }
        })
        .collect();
    if d.iter().any(|v| !v.is_finite()) {
        return None;
    }
    // L·Lᵀ = D·A·D.
    let mut l = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let mut sum = a[i][j] * d[i] * d[j];
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
    // Solve L·y = D·b, Lᵀ·w = y, x = D·w.
    let mut y = vec![0.0; n];
    for i in 0..n {
        let mut sum = d[i] * b[i];
        for k in 0..i {
            sum -= l[i][k] * y[k];
        }
        y[i] = sum / l[i][i];
    }
    let mut w = vec![0.0; n];
    for i in (0..n).rev() {
        let mut sum = y[i];
        for k in i + 1..n {
            sum -= l[k][i] * w[k];
        }
        w[i] = sum / l[i][i];
    }
    let x: Vec<f64> = w.iter().zip(&d).map(|(w, d)| w * d).collect();
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One channel, min hours s.t. yield ≥ target: x = target/(a·s) exactly.
    #[test]
    fn one_channel_meets_its_target_with_the_closed_form_hours() {
        // Yield = 4·x (a·s = 4); need x ≥ 0.5, i.e. −4x ≤ −2.
        let problem = Problem {
            saturation: vec![2.0],
            objective: Separable {
                hours: vec![1.0],
                linear: vec![0.0],
            },
            constraints: vec![(
                Separable {
                    hours: vec![0.0],
                    linear: vec![-4.0],
                },
                -2.0,
            )],
        };
        let solution = minimize(&problem).expect("feasible");
        assert!((solution.x[0] - 0.5).abs() < 1e-9, "{:?}", solution.x);
        let hours = -2.0 * 0.5f64.ln();
        assert!((solution.objective - hours).abs() < 1e-9);
        // d(hours)/d(target) = h'(x)/4 = s/(1−x)/4 = 1.
        assert!((solution.multipliers[0] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn an_empty_set_is_infeasible() {
        // x ≥ 0.6 and x ≤ 0.4.
        let problem = Problem {
            saturation: vec![1.0],
            objective: Separable {
                hours: vec![1.0],
                linear: vec![0.0],
            },
            constraints: vec![
                (
                    Separable {
                        hours: vec![0.0],
                        linear: vec![-1.0],
                    },
                    -0.6,
                ),
                (
                    Separable {
                        hours: vec![0.0],
                        linear: vec![1.0],
                    },
                    0.4,
                ),
            ],
        };
        assert_eq!(minimize(&problem), None);
    }

    #[test]
    fn unused_channels_sit_at_zero() {
        // Two channels with equal curves; the second is worth nothing, so it gets no hours.
        let problem = Problem {
            saturation: vec![1.0, 1.0],
            objective: Separable {
                hours: vec![1.0, 1.0],
                linear: vec![0.0, 0.0],
            },
            constraints: vec![(
                Separable {
                    hours: vec![0.0, 0.0],
                    linear: vec![-1.0, 0.0],
                },
                -0.3,
            )],
        };
        let solution = minimize(&problem).expect("feasible");
        assert!(solution.x[1] < 1e-9, "{:?}", solution.x);
        assert!((solution.x[0] - 0.3).abs() < 1e-9);
    }
}
