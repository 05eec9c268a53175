//! Small statistics for Monte Carlo output: type-7 percentiles, means and centred moving averages.

/// The p-quantile (p ∈ [0, 1]) of sorted values by linear interpolation between order statistics
/// (Hyndman–Fan type 7, the default of R and `NumPy`); 0 for an empty slice.
#[must_use]
pub fn percentile_sorted(sorted: &[f64], p: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        1 => sorted[0],
        len => {
            let h = (len - 1) as f64 * p.clamp(0.0, 1.0);
            let lower = h.floor() as usize;
            let upper = (lower + 1).min(len - 1);
            sorted[lower] + (h - lower as f64) * (sorted[upper] - sorted[lower])
        }
    }
}

/// The type-7 p-quantile of unsorted values, reordering them (O(n) selection, no full sort).
#[must_use]
pub fn percentile_select(values: &mut [f64], p: f64) -> f64 {
    match values.len() {
        0 => 0.0,
        1 => values[0],
        len => {
            let h = (len - 1) as f64 * p.clamp(0.0, 1.0);
            let lower = h.floor() as usize;
            let (_, &mut at_lower, above) = values.select_nth_unstable_by(lower, f64::total_cmp);
            let fraction = h - lower as f64;
            if fraction == 0.0 || above.is_empty() {
                return at_lower;
            }
            let next = above.iter().copied().fold(f64::INFINITY, f64::min);
            at_lower + fraction * (next - at_lower)
        }
    }
}

/// P10, P50 and P90 of a set of values.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Percentiles {
    /// The three percentiles of `values` (sorted in place).
    #[must_use]
    pub fn of(values: &mut [f64]) -> Percentiles {
        values.sort_by(f64::total_cmp);
        Percentiles {
            p10: percentile_sorted(values, 0.10),
            p50: percentile_sorted(values, 0.50),
            p90: percentile_sorted(values, 0.90),
        }
    }
}

/// Arithmetic mean; 0 for an empty slice.
#[must_use]
pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// Centred moving average over `width` weeks (odd); near the ends it averages the weeks that exist.
#[must_use]
pub fn centred_moving_average(series: &[f64], width: usize) -> Vec<f64> {
    let half = width / 2;
    (0..series.len())
        .map(|t| {
            let lo = t.saturating_sub(half);
            let hi = (t + half + 1).min(series.len());
            mean(&series[lo..hi])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_7_matches_numpy() {
        // numpy.percentile([1, 2, 3, 4, 10], [10, 50, 90]) = [1.4, 3.0, 7.6]
        let mut values = [10.0, 2.0, 4.0, 1.0, 3.0];
        let p = Percentiles::of(&mut values);
        assert!((p.p10 - 1.4).abs() < 1e-12);
        assert!((p.p50 - 3.0).abs() < 1e-12);
        assert!((p.p90 - 7.6).abs() < 1e-12);
    }

    #[test]
    fn selection_agrees_with_sorting() {
        let values: Vec<f64> = (0..101).map(|i| f64::from((i * 37) % 101) * 0.5).collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        for p in [0.0, 0.1, 0.25, 0.5, 0.9, 0.999, 1.0] {
            let mut scratch = values.clone();
            assert!(
                (percentile_select(&mut scratch, p) - percentile_sorted(&sorted, p)).abs() < 1e-12
            );
        }
    }

    #[test]
    fn moving_average_shrinks_at_the_ends() {
        let smoothed = centred_moving_average(&[3.0, 6.0, 9.0, 12.0], 3);
        assert_eq!(smoothed, vec![4.5, 6.0, 9.0, 10.5]);
    }
}
