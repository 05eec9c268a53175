//! The little linear algebra the closed forms need: 3×3 products, solves and a spectral radius.
//!
//! Three tiers make every matrix 3×3, so explicit Gaussian elimination with partial pivoting is
//! both enough and easy to check against MODEL.md section 9.

/// A 3-vector, indexed by tier.
pub type Vec3 = [f64; 3];

/// A 3×3 matrix, row-major: `m[row][col]`.
pub type Mat3 = [[f64; 3]; 3];

/// The identity matrix.
pub const IDENTITY: Mat3 = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

/// m·x.
#[must_use]
pub fn mul_vec(m: &Mat3, x: &Vec3) -> Vec3 {
    let mut out = [0.0; 3];
    for (row, value) in m.iter().zip(out.iter_mut()) {
        *value = row[0] * x[0] + row[1] * x[1] + row[2] * x[2];
    }
    out
}

/// xᵀ·m, a row vector times a matrix.
#[must_use]
pub fn vec_mul(x: &Vec3, m: &Mat3) -> Vec3 {
    let mut out = [0.0; 3];
    for (col, value) in out.iter_mut().enumerate() {
        *value = x[0] * m[0][col] + x[1] * m[1][col] + x[2] * m[2][col];
    }
    out
}

/// a·b.
#[must_use]
pub fn mul(a: &Mat3, b: &Mat3) -> Mat3 {
    let mut out = [[0.0; 3]; 3];
    for (i, row) in out.iter_mut().enumerate() {
        for (j, value) in row.iter_mut().enumerate() {
            *value = (0..3).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    out
}

/// mᵀ.
#[must_use]
pub fn transpose(m: &Mat3) -> Mat3 {
    let mut out = [[0.0; 3]; 3];
    for (i, row) in m.iter().enumerate() {
        for (j, value) in row.iter().enumerate() {
            out[j][i] = *value;
        }
    }
    out
}

/// m·diag(d): scales column j by d\[j\].
#[must_use]
pub fn mul_diag_right(m: &Mat3, d: &Vec3) -> Mat3 {
    let mut out = *m;
    for row in &mut out {
        for (value, scale) in row.iter_mut().zip(d) {
            *value *= scale;
        }
    }
    out
}

/// diag(d)·m: scales row i by d\[i\].
#[must_use]
pub fn mul_diag_left(d: &Vec3, m: &Mat3) -> Mat3 {
    let mut out = *m;
    for (row, scale) in out.iter_mut().zip(d) {
        for value in row.iter_mut() {
            *value *= scale;
        }
    }
    out
}

/// a − b.
#[must_use]
pub fn sub(a: &Mat3, b: &Mat3) -> Mat3 {
    let mut out = *a;
    for (row, other) in out.iter_mut().zip(b) {
        for (value, o) in row.iter_mut().zip(other) {
            *value -= o;
        }
    }
    out
}

/// Solves a·X = b for X by Gaussian elimination with partial pivoting; `None` if a is singular.
#[must_use]
pub fn solve(a: &Mat3, b: &Mat3) -> Option<Mat3> {
    let mut lhs = *a;
    let mut rhs = *b;
    for col in 0..3 {
        let pivot = (col..3).max_by(|&i, &j| lhs[i][col].abs().total_cmp(&lhs[j][col].abs()))?;
        if lhs[pivot][col].abs() < 1e-300 {
            return None;
        }
        lhs.swap(col, pivot);
        rhs.swap(col, pivot);
        let (pivot_lhs, pivot_rhs) = (lhs[col], rhs[col]);
        for row in col + 1..3 {
            let factor = lhs[row][col] / pivot_lhs[col];
            for (value, pivot) in lhs[row].iter_mut().zip(pivot_lhs).skip(col) {
                *value -= factor * pivot;
            }
            for (value, pivot) in rhs[row].iter_mut().zip(pivot_rhs) {
                *value -= factor * pivot;
            }
        }
    }
    let mut out = [[0.0; 3]; 3];
    for row in (0..3).rev() {
        for k in 0..3 {
            let known: f64 = (row + 1..3).map(|j| lhs[row][j] * out[j][k]).sum();
            out[row][k] = (rhs[row][k] - known) / lhs[row][row];
        }
    }
    Some(out)
}

/// The spectral radius of a non-negative 3×3 matrix.
///
/// By Perron–Frobenius it is the largest real root of the characteristic polynomial
/// λ³ − c₂λ² + c₁λ − c₀, which is positive beyond that root; bisection between 0 and the largest
/// row sum (an upper bound) after stepping down to the last sign change finds it.
#[must_use]
pub fn spectral_radius_nonnegative(m: &Mat3) -> f64 {
    let trace = m[0][0] + m[1][1] + m[2][2];
    let minors = m[0][0] * m[1][1] - m[0][1] * m[1][0] + m[0][0] * m[2][2] - m[0][2] * m[2][0]
        + m[1][1] * m[2][2]
        - m[1][2] * m[2][1];
    let det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    let poly = |x: f64| ((x - trace) * x + minors) * x - det;
    let upper = m
        .iter()
        .map(|row| row.iter().sum::<f64>())
        .fold(0.0, f64::max);
    if upper <= 0.0 {
        return 0.0;
    }
    // Scan down from the bound to the last point where the polynomial is not positive, so the
    // bisection brackets the largest root rather than a smaller one.
    let steps = 256;
    let mut hi = upper * (1.0 + 1e-12);
    let mut lo = 0.0;
    for i in (0..steps).rev() {
        let x = upper * f64::from(i) / f64::from(steps);
        if poly(x) <= 0.0 {
            lo = x;
            break;
        }
        hi = x;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if poly(mid) > 0.0 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    0.5 * (lo + hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solve_inverts_a_known_matrix() {
        let a = [[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]];
        let inverse = solve(&a, &IDENTITY).unwrap();
        let product = mul(&a, &inverse);
        for (i, row) in product.iter().enumerate() {
            for (j, value) in row.iter().enumerate() {
                let expected = if i == j { 1.0 } else { 0.0 };
                assert!((value - expected).abs() < 1e-14, "{product:?}");
            }
        }
    }

    #[test]
    fn spectral_radius_of_diagonal_and_full_matrices() {
        let diagonal = [[0.2, 0.0, 0.0], [0.0, 0.7, 0.0], [0.0, 0.0, 0.5]];
        assert!((spectral_radius_nonnegative(&diagonal) - 0.7).abs() < 1e-12);
        // A rank-one matrix u·vᵀ has spectral radius vᵀ·u.
        let u = [0.1, 0.2, 0.3];
        let v = [1.0, 0.5, 2.0];
        let mut rank_one = [[0.0; 3]; 3];
        for i in 0..3 {
            for j in 0..3 {
                rank_one[i][j] = u[i] * v[j];
            }
        }
        let expected = 0.1 + 0.1 + 0.6;
        assert!((spectral_radius_nonnegative(&rank_one) - expected).abs() < 1e-12);
    }
}
