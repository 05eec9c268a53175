//! Calibration from the weekly activity file (issue 17, MODEL.md section 3): each channel's yield
//! per hour `a_c` and, where the hours per AM-week vary enough to show it, its saturation `s_c`,
//! by maximum likelihood on `Y_c(h) = a_c·s_c·(1 − e^(−h/s_c))` with Poisson leads per AM-week;
//! and the team's approval probability from its approved and declined applications.
//!
//! - For a fixed `s` the likelihood's maximum in `a` is closed form (`â(s) = Σy / Σg_s(h)`), so
//!   `s` is profiled over a log-spaced grid of 0.25–80 hours (the spec's range), refined by golden
//!   section. No saturation (`s → ∞`, leads linear in hours) is the limit the fit is tested
//!   against: `s_c` counts as identified when the likelihood-ratio test rejects that limit at the
//!   10 % level and the 90 % interval of `s` ends inside the range. Then both intervals are
//!   **profile-likelihood** intervals (`{θ : 2(ℓ̂ − ℓ_p(θ)) ≤ 2.706}`); otherwise `a_c` is the
//!   leads per hour with the Poisson interval of [`fit::poisson_rate`] (Wilson–Hilferty), and
//!   `s_c` is only bounded below.
//! - AM-weeks with no hours in a channel say nothing of its yield and are left out (leads
//!   without hours are counted apart); a cell that is no number leaves that channel's AM-week out
//!   and is reported by row and column.
//! - Approval is a proportion (Wilson) at team level: the file has no tier of the applications.
//!
//! The columns are the canonical ones (`week_starting`, `am`, `prospecting_hours_<channel>`,
//! `leads_<channel>`, `approved`, `declined`; `.` may stand for `_` before the channel id).

use chrono::NaiveDate;

use super::fit::{self, Estimate};
use super::map;
use super::read::Table;
use crate::engine::params::{ChannelId, CHANNELS};

/// Half of the 90 % point of χ² with one degree of freedom: the profile likelihood's drop.
const HALF_CHI2_90: f64 = 1.352_771_727_047_702_8;
/// The smallest and largest saturation fitted, in hours per AM-week (the spec's range ends at 80).
const S_MIN: f64 = 0.25;
const S_MAX: f64 = 80.0;
/// Grid points over `[S_MIN, S_MAX]`, log-spaced.
const GRID: usize = 240;

/// One channel's fit.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelFit {
    pub channel: ChannelId,
    /// AM-weeks with hours in the channel (the sample size).
    pub am_weeks: u32,
    pub leads: f64,
    pub hours: f64,
    /// The fewest and most hours an AM spent in it in a week (of those with hours).
    pub hours_min: f64,
    pub hours_max: f64,
    /// `a_c`, leads per hour at the first hour.
    pub leads_per_hour: Option<Estimate>,
    /// `s_c`, when the data identify it.
    pub saturation_hours: Option<Estimate>,
    /// Otherwise, the lowest saturation the data leave possible (its 90 % lower end), if any.
    pub saturation_at_least: Option<f64>,
    /// AM-weeks with leads but no hours (not used).
    pub leads_without_hours: u32,
}

/// A cell of the activity file that is no number.
#[derive(Debug, Clone, PartialEq)]
pub struct BadCell {
    /// The spreadsheet's row number (header = 1).
    pub row: usize,
    pub column: String,
    pub value: String,
}

/// Everything the activity file speaks to.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityFit {
    /// Data rows read.
    pub rows: usize,
    /// The first and last `week_starting`, when the column is there.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The channels with an hours and a leads column, in the scenario's channel order.
    pub channels: Vec<ChannelFit>,
    /// approved / (approved + declined), team level.
    pub approval: Option<Estimate>,
    pub bad_cells: Vec<BadCell>,
}

/// Why an activity file gave no fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityError {
    /// No channel has both a `prospecting_hours_<channel>` and a `leads_<channel>` column, and
    /// there is no `approved` with `declined`.
    NoColumns,
}

/// The leads a channel gives at `h` hours per AM-week, per unit of `a`.
fn g(h: f64, s: f64) -> f64 {
    s * (1.0 - (-h / s).exp())
}

/// The sufficient sums of the likelihood at one saturation: `Σg_s(h)` and `Σ y·ln g_s(h)`.
fn sums(obs: &[(f64, f64)], s: Option<f64>) -> (f64, f64) {
    let mut total_g = 0.0;
    let mut log_term = 0.0;
    for &(h, y) in obs {
        let gh = s.map_or(h, |s| g(h, s));
        total_g += gh;
        if y > 0.0 {
            log_term += y * gh.ln();
        }
    }
    (total_g, log_term)
}

/// The profile log-likelihood (constants dropped) at `s` (`None`: no saturation).
fn profile(obs: &[(f64, f64)], total_y: f64, s: Option<f64>) -> f64 {
    let (total_g, log_term) = sums(obs, s);
    if total_y > 0.0 {
        total_y * (total_y / total_g).ln() + log_term - total_y
    } else {
        0.0
    }
}

/// The log-likelihood at `(a, s)` (constants dropped), from the sums at `s`.
fn at(a: f64, total_y: f64, (total_g, log_term): (f64, f64)) -> f64 {
    total_y * a.ln() + log_term - a * total_g
}

/// Where a continuous, single-peaked `f` crosses `level` between `inside` (above) and `outside`.
fn crossing(f: &dyn Fn(f64) -> f64, level: f64, mut inside: f64, mut outside: f64) -> f64 {
    for _ in 0..60 {
        let mid = 0.5 * (inside + outside);
        if f(mid) >= level {
            inside = mid;
        } else {
            outside = mid;
        }
    }
    0.5 * (inside + outside)
}

/// Fits one channel from its AM-weeks `(hours, leads)` with hours > 0.
#[must_use]
pub fn fit_channel(channel: ChannelId, obs: &[(f64, f64)], leads_without_hours: u32) -> ChannelFit {
    let total_y: f64 = obs.iter().map(|o| o.1).sum();
    let total_h: f64 = obs.iter().map(|o| o.0).sum();
    let hours_min = obs.iter().map(|o| o.0).fold(f64::INFINITY, f64::min);
    let hours_max = obs.iter().map(|o| o.0).fold(0.0, f64::max);
    let mut out = ChannelFit {
        channel,
        am_weeks: u32::try_from(obs.len()).unwrap_or(u32::MAX),
        leads: total_y,
        hours: total_h,
        hours_min: if obs.is_empty() { 0.0 } else { hours_min },
        hours_max,
        leads_per_hour: None,
        saturation_hours: None,
        saturation_at_least: None,
        leads_without_hours,
    };
    if obs.is_empty() {
        return out;
    }
    let linear = fit::poisson_rate(total_y, total_h);
    if total_y <= 0.0 {
        out.leads_per_hour = linear;
        return out;
    }
    let log_s =
        |i: usize| S_MIN.ln() + (S_MAX.ln() - S_MIN.ln()) * (i as f64) / ((GRID - 1) as f64);
    let grid: Vec<f64> = (0..GRID).map(|i| log_s(i).exp()).collect();
    let ell: Vec<f64> = grid
        .iter()
        .map(|s| profile(obs, total_y, Some(*s)))
        .collect();
    let mut best = 0;
    for (i, l) in ell.iter().enumerate() {
        if *l > ell[best] {
            best = i;
        }
    }
    // Golden section on ln s between the best grid point's neighbours.
    let (mut lo, mut hi) = (
        log_s(best.saturating_sub(1)),
        log_s((best + 1).min(GRID - 1)),
    );
    let f = |x: f64| profile(obs, total_y, Some(x.exp()));
    let ratio = 0.618_033_988_749_895;
    for _ in 0..40 {
        let x1 = hi - ratio * (hi - lo);
        let x2 = lo + ratio * (hi - lo);
        if f(x1) < f(x2) {
            lo = x1;
        } else {
            hi = x2;
        }
    }
    let s_hat = (0.5 * (lo + hi)).exp();
    let ell_hat = profile(obs, total_y, Some(s_hat)).max(ell[best]);
    let ell_linear = profile(obs, total_y, None);
    let level = ell_hat.max(ell_linear) - HALF_CHI2_90;
    // The smallest saturation the data leave possible.
    let at_least = grid
        .iter()
        .zip(&ell)
        .find(|(_, l)| **l >= level)
        .map(|(s, _)| *s);
    let bounded_above = ell[GRID - 1] < ell_hat - HALF_CHI2_90;
    let rejects_linear = 2.0 * (ell_hat - ell_linear) >= 2.0 * HALF_CHI2_90;
    if !(rejects_linear && bounded_above) {
        out.leads_per_hour = linear;
        out.saturation_at_least = at_least.filter(|s| *s > S_MIN);
        return out;
    }
    let level = ell_hat - HALF_CHI2_90;
    let s_low = if ell[0] >= level {
        S_MIN
    } else {
        crossing(&|x: f64| f(x), level, s_hat.ln(), S_MIN.ln()).exp()
    };
    let s_high = crossing(&|x: f64| f(x), level, s_hat.ln(), S_MAX.ln()).exp();
    out.saturation_hours = Some(Estimate {
        value: s_hat,
        low: s_low,
        high: s_high,
        events: total_y,
        exposure: f64::from(out.am_weeks),
    });
    out.leads_per_hour = Some(profiled_yield(obs, &grid, s_hat, total_y, total_h));
    out
}

/// The yield at the fitted saturation `s_hat`, with its profile-likelihood interval: for each
/// yield, the best saturation over the grid and `s_hat`.
fn profiled_yield(
    obs: &[(f64, f64)],
    grid: &[f64],
    s_hat: f64,
    total_y: f64,
    total_h: f64,
) -> Estimate {
    let mut candidates: Vec<(f64, f64)> = grid.iter().map(|s| sums(obs, Some(*s))).collect();
    candidates.push(sums(obs, Some(s_hat)));
    let profile_a = |a: f64| {
        candidates
            .iter()
            .map(|c| at(a, total_y, *c))
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let (g_hat, _) = sums(obs, Some(s_hat));
    let a_hat = total_y / g_hat;
    let level_a = profile_a(a_hat) - HALF_CHI2_90;
    let a_low = crossing(&profile_a, level_a, a_hat, 0.0);
    let mut outside = a_hat * 2.0;
    while profile_a(outside) >= level_a && outside < a_hat * 1e6 {
        outside *= 2.0;
    }
    Estimate {
        value: a_hat,
        low: a_low,
        high: crossing(&profile_a, level_a, a_hat, outside),
        events: total_y,
        exposure: total_h,
    }
}

/// The column of `name` in the header (case and surrounding spaces ignored).
fn column(table: &Table, names: &[String]) -> Option<usize> {
    table
        .header
        .iter()
        .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
}

fn channel_columns(table: &Table, prefix: &str, channel: ChannelId) -> Option<usize> {
    column(
        table,
        &[
            format!("{prefix}_{}", channel.id()),
            format!("{prefix}.{}", channel.id()),
        ],
    )
}

/// The number in `row`'s cell of `index`: `Ok(None)` when empty, `Err` when it is no number.
fn number(table: &Table, row: usize, index: usize, bad: &mut Vec<BadCell>) -> Option<f64> {
    let r = &table.rows[row];
    let cell = r.cell(index);
    if cell.is_empty() {
        return None;
    }
    if let Some(v) = map::parse_number(cell).filter(|v| *v >= 0.0) {
        return Some(v);
    }
    if !bad
        .iter()
        .any(|b| b.row == r.number && b.column == table.header[index])
    {
        bad.push(BadCell {
            row: r.number,
            column: table.header[index].clone(),
            value: cell.to_owned(),
        });
    }
    None
}

/// Fits every channel the file has hours and leads for, and the team's approval.
///
/// # Errors
/// [`ActivityError::NoColumns`] when the file has neither.
pub fn fit_activity(table: &Table) -> Result<ActivityFit, ActivityError> {
    let mut bad = Vec::new();
    let mut channels = Vec::new();
    for channel in ChannelId::ALL.iter().take(CHANNELS) {
        let (Some(hc), Some(lc)) = (
            channel_columns(table, "prospecting_hours", *channel),
            channel_columns(table, "leads", *channel),
        ) else {
            continue;
        };
        let mut obs = Vec::new();
        let mut without = 0;
        for row in 0..table.rows.len() {
            let hours = number(table, row, hc, &mut bad);
            let leads = number(table, row, lc, &mut bad);
            match (hours, leads) {
                (Some(h), Some(y)) if h > 0.0 => obs.push((h, y)),
                (Some(_) | None, Some(y)) if y > 0.0 => without += 1,
                _ => {}
            }
        }
        channels.push(fit_channel(*channel, &obs, without));
    }
    let approved = column(table, &["approved".to_owned(), "approvals".to_owned()]);
    let declined = column(table, &["declined".to_owned()]);
    let approval = match (approved, declined) {
        (Some(ac), Some(dc)) => {
            let (mut yes, mut no) = (0.0, 0.0);
            for row in 0..table.rows.len() {
                if let (Some(a), Some(d)) = (
                    number(table, row, ac, &mut bad),
                    number(table, row, dc, &mut bad),
                ) {
                    yes += a;
                    no += d;
                }
            }
            fit::proportion(yes, yes + no)
        }
        _ => None,
    };
    if channels.is_empty() && (approved.is_none() || declined.is_none()) {
        return Err(ActivityError::NoColumns);
    }
    let weeks: Vec<NaiveDate> = column(table, &["week_starting".to_owned()])
        .map(|wc| {
            table
                .rows
                .iter()
                .filter_map(|r| map::parse_date(r.cell(wc)))
                .collect()
        })
        .unwrap_or_default();
    bad.sort_by_key(|b| b.row);
    Ok(ActivityFit {
        rows: table.rows.len(),
        from: weeks.iter().min().copied(),
        to: weeks.iter().max().copied(),
        channels,
        approval,
        bad_cells: bad,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::book::sample::poisson;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn a_saturating_channel_is_found_and_a_linear_one_is_not() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let (a, s) = (0.9, 3.0);
        let saturating: Vec<(f64, f64)> = (0..600)
            .map(|_| {
                let h = 0.5 + 11.5 * rng.random::<f64>();
                (h, f64::from(poisson(&mut rng, a * g(h, s))))
            })
            .collect();
        let fit = fit_channel(ChannelId::Flyer, &saturating, 0);
        let sat = fit.saturation_hours.expect("identified");
        let yield_ = fit.leads_per_hour.expect("fitted");
        assert!(sat.covers(s) && yield_.covers(a), "{sat:?} {yield_:?}");
        let linear: Vec<(f64, f64)> = (0..600)
            .map(|_| {
                let h = 1.0 + 2.0 * rng.random::<f64>();
                (h, f64::from(poisson(&mut rng, a * h)))
            })
            .collect();
        let fit = fit_channel(ChannelId::Flyer, &linear, 0);
        assert_eq!(fit.saturation_hours, None);
        assert!(fit.leads_per_hour.expect("fitted").covers(a));
        assert!(fit.saturation_at_least.is_some_and(|s| s > 1.0));
        assert_eq!(fit_channel(ChannelId::Flyer, &[], 0).leads_per_hour, None);
    }
}
