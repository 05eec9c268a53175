//! Book totals: the loan count and balance units of some cells of the book, summed in a fixed
//! order. A value type of its own, so the samplers (which draw defaults from totals) and the
//! state (which holds the cells) both use it without depending on each other.

/// Loan count and balance units (Σ loans·balance fraction; × `Amount_k` gives CNY) of some cells.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BookTotals {
    pub loans: f64,
    pub balance_units: f64,
}

impl BookTotals {
    /// Totals of `cells` with their balance fractions (the book is the largest stock and this
    /// runs every week of every run).
    #[must_use]
    pub fn of(cells: &[f64], balance_fraction: &[f64]) -> BookTotals {
        BookTotals {
            loans: lane_dot(cells, None),
            balance_units: lane_dot(cells, Some(balance_fraction)),
        }
    }
}

/// Σ aᵢ (or Σ aᵢ·bᵢ) in four independent lanes, so the additions need not wait on each other
/// and compile to packed adds; the association is fixed, so the result depends only on the
/// values and their order.
fn lane_dot(a: &[f64], b: Option<&[f64]>) -> f64 {
    let mut lanes = [0.0; 4];
    let whole = a.len() - a.len() % 4;
    match b {
        None => {
            for chunk in a[..whole].chunks_exact(4) {
                lanes[0] += chunk[0];
                lanes[1] += chunk[1];
                lanes[2] += chunk[2];
                lanes[3] += chunk[3];
            }
            for (lane, x) in lanes.iter_mut().zip(&a[whole..]) {
                *lane += x;
            }
        }
        Some(b) => {
            for (x, y) in a[..whole].chunks_exact(4).zip(b[..whole].chunks_exact(4)) {
                lanes[0] += x[0] * y[0];
                lanes[1] += x[1] * y[1];
                lanes[2] += x[2] * y[2];
                lanes[3] += x[3] * y[3];
            }
            for ((lane, x), y) in lanes.iter_mut().zip(&a[whole..]).zip(&b[whole..]) {
                *lane += x * y;
            }
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
}
