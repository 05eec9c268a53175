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

/// P10, P50 and P90 of a set of values.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Percentiles {
    /// The three type-7 percentiles of `values`, reordering them.
    ///
    /// Selection instead of sorting: the median's partition splits the values, and P10 and P90
    /// are then selected within the lower and upper part. The Monte Carlo merge does this for
    /// every week of every banded series, on the page's main thread.
    #[must_use]
    pub fn of(values: &mut [f64]) -> Percentiles {
        let n = values.len();
        match n {
            0 => return Percentiles::default(),
            1 => {
                return Percentiles {
                    p10: values[0],
                    p50: values[0],
                    p90: values[0],
                }
            }
            _ => {}
        }
        let rank = |p: f64| {
            let h = (n - 1) as f64 * p;
            (h.floor() as usize, h - h.floor())
        };
        let ((i10, f10), (i50, f50), (i90, f90)) = (rank(0.10), rank(0.50), rank(0.90));
        let (lower, &mut median, upper) = values.select_nth_unstable_by(i50, f64::total_cmp);
        let after_median = minimum(upper).unwrap_or(median);
        // Order statistic i (and i + 1) within one part, given the statistic that follows it.
        let select = |part: &mut [f64], i: usize, following: f64| {
            let (_, &mut at, rest) = part.select_nth_unstable_by(i, f64::total_cmp);
            (at, minimum(rest).unwrap_or(following))
        };
        let (at10, next10) = if i10 < i50 {
            select(lower, i10, median)
        } else {
            (median, after_median)
        };
        let (at90, next90) = if i90 > i50 {
            select(upper, i90 - i50 - 1, f64::NAN)
        } else {
            (median, after_median)
        };
        let interpolate = |at: f64, next: f64, fraction: f64| {
            if fraction > 0.0 {
                at + fraction * (next - at)
            } else {
                at
            }
        };
        Percentiles {
            p10: interpolate(at10, next10, f10),
            p50: interpolate(median, after_median, f50),
            p90: interpolate(at90, next90, f90),
        }
    }
}

/// The smallest value, if any.
fn minimum(values: &[f64]) -> Option<f64> {
    values.iter().copied().reduce(f64::min)
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
        for n in [2_usize, 3, 5, 10, 11, 12, 101, 200, 1000] {
            let values: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1009) as f64 * 0.25).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let mut scratch = values;
            let p = Percentiles::of(&mut scratch);
            for (got, q) in [(p.p10, 0.10), (p.p50, 0.50), (p.p90, 0.90)] {
                let expected = percentile_sorted(&sorted, q);
                assert!(
                    (got - expected).abs() < 1e-12,
                    "n = {n}, p = {q}: {got} vs {expected}"
                );
            }
        }
    }

    #[test]
    fn moving_average_shrinks_at_the_ends() {
        let smoothed = centred_moving_average(&[3.0, 6.0, 9.0, 12.0], 3);
        assert_eq!(smoothed, vec![4.5, 6.0, 9.0, 10.5]);
    }
}
