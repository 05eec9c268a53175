//! Fault metrics (MODEL.md section 11 and 16.6): how deep and how late a series falls below its
//! shock-free baseline.

use super::validate::FaultWindow;

/// Ratios at or below this are floating-point noise, not a fault: an EV run under a fixed cadence
/// matches its baseline only to about 1e-15.
const NOISE: f64 = 1e-9;

/// A series' shortfall against its baseline over the fault window.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FaultMetrics {
    /// max(0, `max_t` (`b_t` − `y_t)/b_t`) over the window.
    pub depth: f64,
    /// The week t of the deepest shortfall (first argmax); `None` when depth = 0.
    pub trough_week: Option<u32>,
    /// trough − `t_s`; `None` when depth = 0.
    pub delay_weeks: Option<u32>,
    /// (first t with `y_t` < `0.95·b_t`) − `t_s`; `None` when depth = 0 or the series never dips 5%.
    pub onset_weeks: Option<u32>,
    /// Weeks in the window with `y_t` < `0.95·b_t`.
    pub duration_weeks: u32,
    /// Σ max(0, `b_t` − `y_t)`: what the shortfall lost.
    pub lost: f64,
    /// Σ max(0, `y_t` − `b_t)`: what the shock added.
    pub surge_gain: f64,
}

/// Fault metrics of `series` against `baseline` on the window (weeks with `b_t` ≤ 0 have no ratio).
#[must_use]
pub fn fault_metrics(series: &[f64], baseline: &[f64], window: FaultWindow) -> FaultMetrics {
    let end = window.end.min(series.len()).min(baseline.len());
    let mut metrics = FaultMetrics::default();
    let mut trough = None;
    let mut onset = None;
    for t in window.start..end {
        let (y, b) = (series[t], baseline[t]);
        metrics.lost += (b - y).max(0.0);
        metrics.surge_gain += (y - b).max(0.0);
        if b <= 0.0 {
            continue;
        }
        let shortfall = (b - y) / b;
        if shortfall > metrics.depth.max(NOISE) {
            metrics.depth = shortfall;
            trough = Some(t);
        }
        if y < 0.95 * b {
            metrics.duration_weeks += 1;
            onset.get_or_insert(t);
        }
    }
    if let Some(t) = trough {
        metrics.trough_week = Some(t as u32);
        metrics.delay_weeks = Some((t - window.start) as u32);
        metrics.onset_weeks = onset.map(|o| (o - window.start) as u32);
    }
    metrics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dip_is_measured_from_the_window_start() {
        let baseline = [10.0; 8];
        let series = [10.0, 10.0, 9.8, 9.0, 5.0, 9.0, 10.0, 12.0];
        let m = fault_metrics(&series, &baseline, FaultWindow { start: 1, end: 8 });
        assert!((m.depth - 0.5).abs() < 1e-12);
        assert_eq!(m.trough_week, Some(4));
        assert_eq!(m.delay_weeks, Some(3));
        assert_eq!(m.onset_weeks, Some(2));
        assert_eq!(m.duration_weeks, 3);
        assert!((m.lost - (0.2 + 1.0 + 5.0 + 1.0)).abs() < 1e-12);
        assert!((m.surge_gain - 2.0).abs() < 1e-12);
    }

    #[test]
    fn equal_series_have_no_fault() {
        let m = fault_metrics(&[3.0; 5], &[3.0; 5], FaultWindow { start: 0, end: 5 });
        assert_eq!(m, FaultMetrics::default());
    }
}
