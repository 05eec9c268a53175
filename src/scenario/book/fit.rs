//! The rates a loan book speaks to (issue 17), by maximum likelihood in closed form, each with a
//! 90 % interval and the count it rests on: the term mix, each tier's renewal probability, weekly
//! default hazard and mean amount, new customers' loans per week and their tier mix.
//!
//! - Proportions (term mix, renewal, tier mix) are binomial: the share, with Wilson's score
//!   interval.
//! - The default hazard is a Poisson rate: default events (loans written off, or open on the
//!   "as of" day 30+ days past due or past their maturity) over the loan-weeks they performed;
//!   the interval is Wilson–Hilferty's approximation to the exact (chi-square) Poisson interval.
//!   Past-due loans that cured before the export leave no trace in it, so it counts fewer events
//!   than the model's 30+ dpd entries would where cures are common.
//! - A renewal is a repaid loan that another loan names as `renewed_from`; loans repaid in the
//!   last four weeks before "as of" are left out (their renewal may not be written yet).
//! - The mean amount has the normal interval of a mean (1.645 standard errors).

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};

use super::loans::Loan;
use super::map::{Status, Tier};
use super::start::{open_on, term_class};

/// z for a two-sided 90 % interval.
const Z90: f64 = 1.644_853_626_951_472_2;

/// Weeks after a repayment in which a renewal may still be written.
const RENEWAL_GRACE_WEEKS: i64 = 4;

/// One estimate: its value, 90 % interval and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// Events counted (renewals, defaults, loans of the class…).
    pub events: f64,
    /// What they are counted among (eligible loans, loan-weeks, loans, weeks).
    pub exposure: f64,
}

impl Estimate {
    /// Whether the interval holds `value`.
    #[must_use]
    pub fn covers(&self, value: f64) -> bool {
        self.low <= value && value <= self.high
    }
}

/// `k` successes in `n` trials: the share with Wilson's 90 % interval; `None` without trials.
#[must_use]
pub fn proportion(k: f64, n: f64) -> Option<Estimate> {
    if n <= 0.0 {
        return None;
    }
    let p = k / n;
    let z2 = Z90 * Z90;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z90 / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Estimate {
        value: p,
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
        events: k,
        exposure: n,
    })
}

/// `events` in `exposure` units: the rate with a 90 % interval; `None` without exposure.
#[must_use]
pub fn poisson_rate(events: f64, exposure: f64) -> Option<Estimate> {
    if exposure <= 0.0 {
        return None;
    }
    let wilson_hilferty =
        |n: f64, z: f64| n * (1.0 - 1.0 / (9.0 * n) + z / (3.0 * n.sqrt())).powi(3);
    let low = if events > 0.0 {
        wilson_hilferty(events, -Z90)
    } else {
        0.0
    };
    let high = wilson_hilferty(events + 1.0, Z90);
    Some(Estimate {
        value: events / exposure,
        low: low.max(0.0) / exposure,
        high: high / exposure,
        events,
        exposure,
    })
}

/// The mean of `values` with its normal 90 % interval; `None` for fewer than two values.
#[must_use]
pub fn mean(values: &[f64]) -> Option<Estimate> {
    let n = values.len() as f64;
    if values.len() < 2 {
        return None;
    }
    let m = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0);
    let half = Z90 * (variance / n).sqrt();
    Some(Estimate {
        value: m,
        low: m - half,
        high: m + half,
        events: n,
        exposure: n,
    })
}

/// Every rate the book speaks to.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// From the first disbursement to "as of".
    pub from: NaiveDate,
    pub as_of: NaiveDate,
    pub term_weeks: Vec<u32>,
    /// Each term class's share of the loans disbursed.
    pub term_mix: Vec<Option<Estimate>>,
    pub renewal_prob: [Option<Estimate>; 3],
    pub default_per_week: [Option<Estimate>; 3],
    pub amount_cny: [Option<Estimate>; 3],
    /// New customers' loans (no `renewed_from`) per week, team level.
    pub new_loans_per_week: Option<Estimate>,
    /// Each tier's share of those new loans.
    pub new_loan_tier_mix: [Option<Estimate>; 3],
    /// Whether the file says which loans renew which (without it renewal is unknown and every loan
    /// counts as a new customer's).
    pub knows_renewals: bool,
}

/// Fits the rates from the loans disbursed up to `as_of`.
#[must_use]
pub fn fit(loans: &[Loan], as_of: NaiveDate, term_weeks: &[u32], knows_renewals: bool) -> Fit {
    let seen: Vec<&Loan> = loans.iter().filter(|l| l.disbursed_on <= as_of).collect();
    let from = seen.iter().map(|l| l.disbursed_on).min().unwrap_or(as_of);
    let total = seen.len() as f64;

    let mut by_class = vec![0.0; term_weeks.len()];
    for loan in &seen {
        by_class[term_class(term_weeks, loan.term_weeks)] += 1.0;
    }
    let term_mix = by_class.iter().map(|k| proportion(*k, total)).collect();

    let renewed: HashSet<&str> = seen
        .iter()
        .filter_map(|l| l.renewed_from.as_deref())
        .collect();
    let grace_end = as_of - Duration::weeks(RENEWAL_GRACE_WEEKS);
    let renewal_prob = Tier::ALL.map(|tier| {
        if !knows_renewals {
            return None;
        }
        let eligible: Vec<&&Loan> = seen
            .iter()
            .filter(|l| l.tier == tier && l.status == Status::Repaid)
            .filter(|l| l.closed_on.is_some_and(|c| c <= grace_end))
            .collect();
        let renewals = eligible
            .iter()
            .filter(|l| renewed.contains(l.loan_id.as_str()))
            .count();
        proportion(renewals as f64, eligible.len() as f64)
    });

    let default_per_week = Tier::ALL.map(|tier| {
        let mut events = 0.0;
        let mut loan_weeks = 0.0;
        for loan in seen.iter().filter(|l| l.tier == tier) {
            let open = open_on(loan, as_of);
            let end = if open {
                as_of
            } else {
                loan.closed_on.unwrap_or(loan.matures_on)
            };
            let end = end.min(as_of).min(loan.matures_on);
            loan_weeks += ((end - loan.disbursed_on).num_days().max(0) as f64) / 7.0;
            let written_off = loan.status == Status::WrittenOff && !open;
            let past_due_now =
                open && (loan.matures_on <= as_of || loan.days_past_due.is_some_and(|d| d >= 30.0));
            if written_off || past_due_now {
                events += 1.0;
            }
        }
        poisson_rate(events, loan_weeks)
    });

    let amount_cny = Tier::ALL.map(|tier| {
        let amounts: Vec<f64> = seen
            .iter()
            .filter(|l| l.tier == tier)
            .filter_map(|l| l.amount_cny)
            .collect();
        mean(&amounts)
    });

    let new: Vec<&&Loan> = seen
        .iter()
        .filter(|l| !knows_renewals || l.renewed_from.is_none())
        .collect();
    let weeks = ((as_of - from).num_days() as f64 / 7.0).max(1.0);
    let new_loans_per_week = poisson_rate(new.len() as f64, weeks);
    let new_loan_tier_mix = Tier::ALL.map(|tier| {
        let k = new.iter().filter(|l| l.tier == tier).count();
        proportion(k as f64, new.len() as f64)
    });

    Fit {
        from,
        as_of,
        term_weeks: term_weeks.to_vec(),
        term_mix,
        renewal_prob,
        default_per_week,
        amount_cny,
        new_loans_per_week,
        new_loan_tier_mix,
        knows_renewals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_hold_their_estimate_and_narrow_with_the_count() {
        let small = proportion(3.0, 10.0).expect("trials");
        let large = proportion(300.0, 1000.0).expect("trials");
        assert!(small.covers(0.3) && large.covers(0.3));
        assert!(large.high - large.low < small.high - small.low);
        assert_eq!(proportion(1.0, 0.0), None);
        let none = proportion(0.0, 20.0).expect("trials");
        assert!(none.low == 0.0 && none.high > 0.0);
        // The exact 90 % Poisson interval for 10 events is 5.43–16.96.
        let rate = poisson_rate(10.0, 1.0).expect("exposure");
        assert!((rate.low - 5.43).abs() < 0.05 && (rate.high - 16.96).abs() < 0.1);
        let zero = poisson_rate(0.0, 100.0).expect("exposure");
        assert!((zero.high * 100.0 - 2.996).abs() < 0.05);
        let m = mean(&[1.0, 2.0, 3.0]).expect("values");
        assert!((m.value - 2.0).abs() < 1e-12 && m.covers(2.0));
    }
}
