//! The book as it stood on an "as of" date (issue 17, MODEL.md section 2): the loans performing on
//! that day by tier, term class (the scenario's nearest term) and remaining weeks — `A[k][j][r]` —
//! and the past-due loans (30+ days, or open past their maturity) with their exposure.

use chrono::NaiveDate;

use super::loans::Loan;
use super::map::{Status, Tier};
use crate::engine::params::{CustomBook, InitialBook, Params};

/// The starting book on `as_of`.
#[derive(Debug, Clone, PartialEq)]
pub struct StartingBook {
    pub as_of: NaiveDate,
    /// The term classes, in weeks, the loans were sorted into.
    pub term_weeks: Vec<u32>,
    /// `A[k][j][r-1]`: performing loans of tier k, term class j, r remaining weeks (`1..=T_j`).
    pub active: [Vec<Vec<u32>>; 3],
    /// `PD[k]`: past-due loans.
    pub past_due: [u32; 3],
    /// `PDB[k]`: their exposure, CNY (the amount still owed under equal-principal amortisation;
    /// the tier's mean amount where a loan has none).
    pub past_due_exposure_cny: [f64; 3],
}

impl StartingBook {
    /// Performing loans of tier k.
    #[must_use]
    pub fn active_in(&self, tier: Tier) -> u32 {
        self.active[tier.index()].iter().flatten().sum()
    }
}

impl StartingBook {
    /// The book as the engine's `init = custom` takes it (counts as numbers).
    #[must_use]
    pub fn to_custom(&self) -> CustomBook {
        CustomBook {
            active: self.active.clone().map(|classes| {
                classes
                    .into_iter()
                    .map(|counts| counts.into_iter().map(f64::from).collect())
                    .collect()
            }),
            past_due: self.past_due.map(f64::from),
            past_due_balance_cny: self.past_due_exposure_cny,
            pipeline: None,
        }
    }
}

/// `params` starting from this book (`init = custom`), everything else unchanged.
#[must_use]
pub fn starting_from(params: &Params, book: &StartingBook) -> Params {
    let mut params = params.clone();
    params.team.init = InitialBook::Custom;
    params.team.initial_book = Some(book.to_custom());
    params
}

/// The latest date the book mentions (a disbursement or a closing): the default "as of".
#[must_use]
pub fn last_date(loans: &[Loan]) -> Option<NaiveDate> {
    loans
        .iter()
        .flat_map(|l| [Some(l.disbursed_on), l.closed_on])
        .flatten()
        .max()
}

/// Whether `loan` was still on the books at the end of `as_of` (disbursed, not yet closed).
#[must_use]
pub fn open_on(loan: &Loan, as_of: NaiveDate) -> bool {
    if loan.disbursed_on > as_of {
        return false;
    }
    match loan.closed_on {
        Some(closed) => closed > as_of,
        None => loan.status == Status::Active,
    }
}

/// The index of the term class nearest `weeks` (the shorter on a tie).
#[must_use]
pub fn term_class(term_weeks: &[u32], weeks: u32) -> usize {
    let mut best = 0;
    for (j, t) in term_weeks.iter().enumerate() {
        if t.abs_diff(weeks) < term_weeks[best].abs_diff(weeks) {
            best = j;
        }
    }
    best
}

/// The book on `as_of`, its loans sorted into `term_weeks` classes (non-empty, each ≥ 1).
#[must_use]
pub fn starting_book(loans: &[Loan], as_of: NaiveDate, term_weeks: &[u32]) -> StartingBook {
    let empty = || {
        term_weeks
            .iter()
            .map(|t| vec![0; *t as usize])
            .collect::<Vec<_>>()
    };
    let mut book = StartingBook {
        as_of,
        term_weeks: term_weeks.to_vec(),
        active: [empty(), empty(), empty()],
        past_due: [0; 3],
        past_due_exposure_cny: [0.0; 3],
    };
    let mean_amount = mean_amounts(loans);
    // The days-past-due column describes the export's day only; on an earlier "as of" it is unknown.
    let export_day = last_date(loans);
    for loan in loans.iter().filter(|l| open_on(l, as_of)) {
        let k = loan.tier.index();
        let days_left = (loan.matures_on - as_of).num_days();
        let dpd_30 = export_day == Some(as_of) && loan.days_past_due.is_some_and(|d| d >= 30.0);
        if days_left <= 0 || dpd_30 {
            let owed_share = (days_left.max(0) as f64 / 7.0 / f64::from(loan.term_weeks)).min(1.0);
            let amount = loan.amount_cny.unwrap_or(mean_amount[k]);
            book.past_due[k] += 1;
            // A loan open past maturity still owes at least its last instalment.
            book.past_due_exposure_cny[k] +=
                amount * owed_share.max(1.0 / f64::from(loan.term_weeks));
            continue;
        }
        let j = term_class(term_weeks, loan.term_weeks);
        let remaining = (days_left as f64 / 7.0)
            .ceil()
            .clamp(1.0, f64::from(term_weeks[j])) as usize;
        book.active[k][j][remaining - 1] += 1;
    }
    book
}

/// Each tier's mean amount over the loans that state one (0 where none does).
#[must_use]
pub fn mean_amounts(loans: &[Loan]) -> [f64; 3] {
    let mut sum = [0.0; 3];
    let mut count = [0.0; 3];
    for loan in loans {
        if let Some(amount) = loan.amount_cny {
            sum[loan.tier.index()] += amount;
            count[loan.tier.index()] += 1.0;
        }
    }
    std::array::from_fn(|k| {
        if count[k] > 0.0 {
            sum[k] / count[k]
        } else {
            0.0
        }
    })
}
