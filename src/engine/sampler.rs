//! One weekly step, two modes: the `Sampler` trait turns each random flow into either its
//! expectation (EV) or a `ChaCha8` draw (Monte Carlo), so both modes run the same `step`.
//!
//! Distributions come from `rand_distr` at a pinned version, and every stream is seeded from
//! (seed, run) alone, so run r is the same whether 10 or 1,000 runs are asked for.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution, Poisson};

use super::totals::BookTotals;

/// Tolerance of MODEL.md 16.8 for integer floors and for "an application fits".
pub const FIT_TOLERANCE: f64 = 1e-9;

/// The random (or expected) flows of the model.
pub trait Sampler {
    /// True when stocks are whole numbers (Monte Carlo); the queue is then served one by one.
    const DISCRETE: bool;

    /// Bin(n, p); n is a whole number in Monte Carlo.
    fn binomial(&mut self, n: f64, p: f64) -> f64;

    /// Pois(mean).
    fn poisson(&mut self, mean: f64) -> f64;

    /// Multi(n; probs, rest): writes the count of each listed category into `out`; the rest
    /// (1 − Σprobs) stays implicit (those who stay in a stage).
    fn multinomial(&mut self, n: f64, probs: &[f64], out: &mut [f64]);

    /// Multi(n; shares) for a full row (a mix, migration or term-weight row): every unit lands in
    /// some category, the last taking what the others leave, so counts always add up to n even
    /// when the row sums to 1 only within validation's 1e-6.
    fn split(&mut self, n: f64, shares: &[f64], out: &mut [f64]);

    /// Defaults in one tier's book: removes Bin(cellᵢ, p) from each cell, in cell order.
    ///
    /// `before` holds the cells' current loan count and balance units (Σ cellᵢ·fractionᵢ); the
    /// return value holds the same for the defaulted loans.
    fn default_cells(
        &mut self,
        cells: &mut [f64],
        balance_fraction: &[f64],
        p: f64,
        before: BookTotals,
    ) -> BookTotals;

    /// How many whole units fit in x: x itself in EV, floor(x + 1e-9) in Monte Carlo.
    fn whole(&self, x: f64) -> f64;

    /// A uniform integer in [0, n) (Monte Carlo only: picks the next application in the queue).
    fn below(&mut self, n: u64) -> u64;
}

/// Expected values: Bin(n,p) = np, Pois(μ) = μ, Multi(n;p) = n·p.
#[derive(Debug, Clone, Copy, Default)]
pub struct Expect;

impl Sampler for Expect {
    const DISCRETE: bool = false;

    fn binomial(&mut self, n: f64, p: f64) -> f64 {
        n * p
    }

    fn poisson(&mut self, mean: f64) -> f64 {
        mean
    }

    fn multinomial(&mut self, n: f64, probs: &[f64], out: &mut [f64]) {
        for (count, p) in out.iter_mut().zip(probs) {
            *count = n * p;
        }
    }

    fn split(&mut self, n: f64, shares: &[f64], out: &mut [f64]) {
        let Some((last, first)) = out.split_last_mut() else {
            return;
        };
        let total: f64 = shares.iter().sum();
        let mut given = 0.0;
        for (count, share) in first.iter_mut().zip(shares) {
            *count = n * share / total;
            given += *count;
        }
        *last = n - given;
    }

    fn default_cells(
        &mut self,
        cells: &mut [f64],
        _balance_fraction: &[f64],
        p: f64,
        before: BookTotals,
    ) -> BookTotals {
        for loans in cells.iter_mut() {
            *loans -= *loans * p;
        }
        BookTotals {
            loans: before.loans * p,
            balance_units: before.balance_units * p,
        }
    }

    fn whole(&self, x: f64) -> f64 {
        x
    }

    fn below(&mut self, _n: u64) -> u64 {
        0
    }
}

/// Monte Carlo draws from a `ChaCha8` stream.
#[derive(Debug, Clone)]
pub struct ChaCha {
    rng: ChaCha8Rng,
    zero_mass: ZeroMassMemo,
}

impl ChaCha {
    /// The stream of run r: `ChaCha8Rng::seed_from_u64(splitmix64(seed ^ r))`.
    #[must_use]
    pub fn for_run(seed: u64, run: u64) -> ChaCha {
        ChaCha::for_run_with(seed, run, DrawMemo::default())
    }

    /// The stream of run r, reusing what earlier runs memoised (`into_memo`). The memo only
    /// saves recomputing values, so the draws are those of [`ChaCha::for_run`].
    #[must_use]
    pub fn for_run_with(seed: u64, run: u64, memo: DrawMemo) -> ChaCha {
        ChaCha {
            rng: ChaCha8Rng::seed_from_u64(splitmix64(seed ^ run)),
            zero_mass: memo.0,
        }
    }

    /// The memo, for the next run.
    #[must_use]
    pub fn into_memo(self) -> DrawMemo {
        DrawMemo(self.zero_mass)
    }

    /// Assigns `n` units one by one: each draws u uniform on [0, `scale`) and goes to the first
    /// category whose cumulative probability exceeds u. Units beyond the listed categories stay
    /// in the implicit rest, or, for a full row (`full`), go to the last category, which only
    /// floating-point rounding can cause.
    ///
    /// The walk is branch-free: every category's test `u < pᵢ` (with u reduced by the
    /// probabilities before it, exactly as a walk that stops would reduce it) sets one bit, and
    /// the unit lands at the lowest set bit. A random category no longer costs a mispredicted
    /// branch per unit, and the draws are bit for bit those of the walk that stops.
    fn item_by_item(&mut self, n: u64, probs: &[f64], scale: f64, full: bool, out: &mut [f64]) {
        let listed = probs.len().min(out.len());
        if listed > MAX_CATEGORIES {
            self.stopping_walk(n, probs, scale, full, out);
            return;
        }
        // Counts per category, with the rest (no category) at index `listed`.
        let mut counts = [0_u32; MAX_CATEGORIES + 1];
        for _ in 0..n {
            let mut u = self.rng.random::<f64>() * scale;
            let mut hits = 1_u32 << listed;
            for (i, &p) in probs[..listed].iter().enumerate() {
                hits |= u32::from(u < p) << i;
                u -= p;
            }
            counts[hits.trailing_zeros() as usize] += 1;
        }
        for (count, &units) in out.iter_mut().zip(&counts[..listed]) {
            *count += f64::from(units);
        }
        if full {
            if let Some(last) = out.last_mut() {
                *last += f64::from(counts[listed]);
            }
        }
    }

    /// The walk that stops at the first category whose cumulative probability exceeds u: the
    /// law and the draws `item_by_item` reproduces, kept for rows longer than its bit mask.
    fn stopping_walk(&mut self, n: u64, probs: &[f64], scale: f64, full: bool, out: &mut [f64]) {
        for _ in 0..n {
            let mut u = self.rng.random::<f64>() * scale;
            let mut landed = false;
            for (count, &p) in out.iter_mut().zip(probs) {
                if u < p {
                    *count += 1.0;
                    landed = true;
                    break;
                }
                u -= p;
            }
            if !landed && full {
                if let Some(last) = out.last_mut() {
                    *last += 1.0;
                }
            }
        }
    }
}

/// The most categories the branch-free walk takes (validation allows at most 12 term classes);
/// a longer row falls back to the walk that stops, which draws the same.
const MAX_CATEGORIES: usize = 16;

/// What the samplers memoise, handed from one run to the next: runs of one scenario draw from the
/// same distributions (the same initial-book cells, the same channel means), so a memo that
/// outlives a run mostly hits.
#[derive(Debug, Clone)]
pub struct DrawMemo(ZeroMassMemo);

impl Default for DrawMemo {
    fn default() -> DrawMemo {
        DrawMemo(ZeroMassMemo::new())
    }
}

impl DrawMemo {
    /// Takes the memo out, leaving a placeholder that allocates nothing (and must not be used
    /// for draws before a memo is put back).
    #[must_use]
    pub fn take(&mut self) -> DrawMemo {
        std::mem::replace(
            self,
            DrawMemo(ZeroMassMemo {
                slots: Box::default(),
            }),
        )
    }
}

/// Counts up to this are split among categories one unit at a time (one uniform each), which
/// is cheaper than a conditional binomial per category for the small counts that dominate.
const SMALL_COUNT: f64 = 8.0;

/// Slots of the zero-mass memo (a power of two): room for the initial book's few hundred cell
/// means and the weekly draws' means of a run, kept across runs.
const MEMO_SLOTS: usize = 2048;

/// A direct-mapped memo of P(X = 0) for the inversion samplers: (1−p)^n and e^(−μ).
///
/// The model draws from the same few distributions week after week (the same conditional
/// probabilities with small counts, the same channel means under a steady cadence), so most of
/// the exponentials a run needs were already computed. A hit returns the very value a miss
/// would compute, so the memo changes speed only, never a draw.
#[derive(Debug, Clone)]
struct ZeroMassMemo {
    slots: Box<[(u64, u64, f64)]>,
}

impl ZeroMassMemo {
    fn new() -> ZeroMassMemo {
        ZeroMassMemo {
            slots: vec![(u64::MAX, u64::MAX, 0.0); MEMO_SLOTS].into_boxed_slice(),
        }
    }

    /// The memoised value for (key, n), computing it on a miss.
    fn get(&mut self, key: u64, n: u64, compute: impl FnOnce() -> f64) -> f64 {
        let hash =
            (key ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let slot = &mut self.slots[(hash >> (64 - MEMO_SLOTS.trailing_zeros())) as usize];
        if slot.0 == key && slot.1 == n {
            return slot.2;
        }
        let value = compute();
        *slot = (key, n, value);
        value
    }
}

/// `SplitMix64`'s output function: decorrelates neighbouring run indices before seeding.
#[must_use]
pub fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Converts a whole-number stock to a draw count (Monte Carlo stocks are exact integers in f64).
fn count(n: f64) -> u64 {
    n.max(0.0) as u64
}

impl Sampler for ChaCha {
    const DISCRETE: bool = true;

    fn binomial(&mut self, n: f64, p: f64) -> f64 {
        // MODEL.md 16.8: a draw with n = 0 or mean 0 consumes nothing; p = 1 needs no draw either.
        if n <= 0.0 || p <= 0.0 {
            return 0.0;
        }
        if p >= 1.0 {
            return n;
        }
        binomial_draw(&mut self.rng, &mut self.zero_mass, count(n), p) as f64
    }

    fn poisson(&mut self, mean: f64) -> f64 {
        if mean <= 0.0 {
            return 0.0;
        }
        poisson_draw(&mut self.rng, &mut self.zero_mass, mean)
    }

    fn multinomial(&mut self, n: f64, probs: &[f64], out: &mut [f64]) {
        out.fill(0.0);
        if n <= 0.0 {
            return;
        }
        if n <= SMALL_COUNT {
            self.item_by_item(count(n), probs, 1.0, false, out);
            return;
        }
        // Sequential conditional binomials: category i takes Bin(left, pᵢ/(1 − Σ_{j<i} pⱼ)).
        let mut left = n;
        let mut rest_prob = 1.0;
        for (count, &p) in out.iter_mut().zip(probs) {
            let conditional = if rest_prob > 0.0 {
                (p / rest_prob).min(1.0)
            } else {
                1.0
            };
            *count = self.binomial(left, conditional);
            left -= *count;
            rest_prob -= p;
        }
    }

    fn split(&mut self, n: f64, shares: &[f64], out: &mut [f64]) {
        out.fill(0.0);
        if n <= 0.0 || out.is_empty() {
            return;
        }
        let total: f64 = shares.iter().sum();
        if n <= SMALL_COUNT {
            self.item_by_item(count(n), shares, total, true, out);
            return;
        }
        let last = out.len() - 1;
        let mut left = n;
        let mut rest = total;
        for (count, &share) in out[..last].iter_mut().zip(shares) {
            let conditional = if rest > 0.0 {
                (share / rest).min(1.0)
            } else {
                1.0
            };
            *count = self.binomial(left, conditional);
            left -= *count;
            rest -= share;
        }
        out[last] = left;
    }

    fn default_cells(
        &mut self,
        cells: &mut [f64],
        balance_fraction: &[f64],
        p: f64,
        before: BookTotals,
    ) -> BookTotals {
        // Independent Bernoulli trials over the loans of all cells in order: the gaps between
        // defaults are Geometric(p), so a tier costs one draw per default plus one, instead of
        // one binomial per cell, and the counts per cell have exactly the binomial law.
        let mut defaulted = BookTotals::default();
        if p <= 0.0 || before.loans <= 0.0 {
            return defaulted;
        }
        if p >= 1.0 {
            cells.fill(0.0);
            return before;
        }
        // Inversion: the number of non-defaults before the next default is
        // floor(ln U / ln(1 − p)) for U uniform on (0, 1].
        let log_survival = (-p).ln_1p();
        // Positions and cell boundaries are whole numbers far below 2⁵³, so f64 counts exactly
        // and the walk needs no conversions.
        let total = before.loans;
        let mut next_gap = || ((1.0 - self.rng.random::<f64>()).ln() / log_survival).floor();
        let mut position = next_gap();
        let mut cell = 0;
        let mut end_of_cell = cells.first().copied().unwrap_or(0.0);
        while position < total {
            while position >= end_of_cell {
                cell += 1;
                // Only a non-integer book (an EV state handed to Monte Carlo) can run past the end.
                let Some(&next) = cells.get(cell) else {
                    return defaulted;
                };
                end_of_cell += next;
            }
            cells[cell] -= 1.0;
            defaulted.loans += 1.0;
            defaulted.balance_units += balance_fraction[cell];
            position += 1.0 + next_gap();
        }
        defaulted
    }

    fn whole(&self, x: f64) -> f64 {
        (x + FIT_TOLERANCE).floor()
    }

    fn below(&mut self, n: u64) -> u64 {
        self.rng.random_range(0..n)
    }
}

/// Means below this are drawn by inversion; larger ones by `rand_distr`'s rejection samplers.
const INVERSION_MAX_MEAN: f64 = 10.0;

/// Inversion gives up and redraws past this many successes: far beyond any plausible value for a
/// mean below 10, reached only when rounding leaves u above the summed mass (as `rand_distr`'s BINV).
const INVERSION_MAX_COUNT: u64 = 110;

/// Bin(n, p) for 0 < p < 1.
///
/// `rand_distr::Binomial::new` spends most of its time on set-up, which the Monte Carlo hot path
/// pays on every draw; for the small means that dominate here, BINV inversion (Kachitvichyanukul
/// and Schmeiser, 1988) with one uniform is several times faster and draws the same law.
fn binomial_draw(rng: &mut ChaCha8Rng, memo: &mut ZeroMassMemo, n: u64, p: f64) -> u64 {
    let flipped = p > 0.5;
    let p_small = if flipped { 1.0 - p } else { p };
    let draw = if n as f64 * p_small < INVERSION_MAX_MEAN {
        let p_zero = memo.get(p_small.to_bits(), n, || power(1.0 - p_small, n));
        binomial_inversion(rng, n, p_small, p_zero)
    } else {
        match Binomial::new(n, p_small) {
            Ok(dist) => dist.sample(rng),
            // Unreachable for p in (0, 1); the rounded mean keeps the stock consistent regardless.
            Err(_) => (n as f64 * p_small).round() as u64,
        }
    };
    if flipped {
        n - draw
    } else {
        draw
    }
}

/// 1/x for x ≤ `INVERSION_MAX_COUNT`: the inversion loops multiply instead of dividing.
const RECIPROCALS: [f64; INVERSION_MAX_COUNT as usize + 1] = {
    let mut table = [0.0; INVERSION_MAX_COUNT as usize + 1];
    let mut x = 1;
    while x < table.len() {
        table[x] = 1.0 / x as f64;
        x += 1;
    }
    table
};

/// q^n by repeated squaring: cheaper than exp(n·ln q) for the small n of the inversion path.
fn power(q: f64, mut n: u64) -> f64 {
    let mut base = q;
    let mut result = 1.0;
    while n > 0 {
        if n & 1 == 1 {
            result *= base;
        }
        base *= base;
        n >>= 1;
    }
    result
}

/// BINV: walk the binomial probabilities from P(X = 0) = `p_zero` until they exceed one uniform.
fn binomial_inversion(rng: &mut ChaCha8Rng, n: u64, p: f64, p_zero: f64) -> u64 {
    let odds = p / (1.0 - p);
    let a = (n as f64 + 1.0) * odds;
    loop {
        let mut u: f64 = rng.random();
        let mut mass = p_zero;
        let mut x = 0;
        loop {
            if u <= mass {
                return x;
            }
            u -= mass;
            x += 1;
            if x > n.min(INVERSION_MAX_COUNT) {
                break;
            }
            mass *= a * RECIPROCALS[x as usize] - odds;
        }
    }
}

/// Pois(mean) for mean > 0: sequential-search inversion for small means, `rand_distr` otherwise.
fn poisson_draw(rng: &mut ChaCha8Rng, memo: &mut ZeroMassMemo, mean: f64) -> f64 {
    if mean >= INVERSION_MAX_MEAN {
        return match Poisson::<f64>::new(mean) {
            Ok(dist) => dist.sample(rng),
            // Only a non-finite or astronomically large mean fails; validation rules both out.
            Err(_) => mean.round(),
        };
    }
    // n = u64::MAX keeps Poisson entries apart from binomial ones with the same key.
    let p_zero = memo.get(mean.to_bits(), u64::MAX, || (-mean).exp());
    loop {
        let mut u: f64 = rng.random();
        let mut mass = p_zero;
        let mut x = 0_u32;
        loop {
            if u <= mass {
                return f64::from(x);
            }
            u -= mass;
            x += 1;
            if u64::from(x) > INVERSION_MAX_COUNT {
                break;
            }
            mass *= mean * RECIPROCALS[x as usize];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // First outputs of the reference SplitMix64 generator seeded with 0.
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(0x9E37_79B9_7F4A_7C15), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn inversion_samplers_have_the_right_mean_and_variance() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut memo = ZeroMassMemo::new();
        let draws = 200_000;
        for (n, p) in [
            (12_u64, 0.3),
            (40, 0.9),
            (5, 0.5),
            (1000, 0.004),
            (300, 0.25),
        ] {
            let values: Vec<f64> = (0..draws)
                .map(|_| binomial_draw(&mut rng, &mut memo, n, p) as f64)
                .collect();
            let mean = values.iter().sum::<f64>() / f64::from(draws);
            let var = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / f64::from(draws);
            let (mu, sigma2) = (n as f64 * p, n as f64 * p * (1.0 - p));
            assert!(
                (mean - mu).abs() < 5.0 * (sigma2 / f64::from(draws)).sqrt(),
                "Bin({n},{p}) mean {mean}"
            );
            assert!(
                (var / sigma2 - 1.0).abs() < 0.03,
                "Bin({n},{p}) variance {var}"
            );
        }
        for mu in [0.02, 1.0, 4.5, 9.9, 30.0] {
            let values: Vec<f64> = (0..draws)
                .map(|_| poisson_draw(&mut rng, &mut memo, mu))
                .collect();
            let mean = values.iter().sum::<f64>() / f64::from(draws);
            let var = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / f64::from(draws);
            assert!(
                (mean - mu).abs() < 5.0 * (mu / f64::from(draws)).sqrt(),
                "Pois({mu}) mean {mean}"
            );
            assert!((var / mu - 1.0).abs() < 0.05, "Pois({mu}) variance {var}");
        }
    }

    #[test]
    fn the_branch_free_walk_draws_what_the_stopping_walk_drew() {
        let mut rows = ChaCha8Rng::seed_from_u64(11);
        for case in 0..2_000_u64 {
            // Up to 20 categories: rows past the bit mask take the stopping walk itself.
            let len = rows.random_range(1..=20_usize);
            let mut probs: Vec<f64> = (0..len).map(|_| rows.random::<f64>()).collect();
            // Some zero categories, and rows that sum to 1 only within rounding.
            if case % 3 == 0 {
                probs[rows.random_range(0..len)] = 0.0;
            }
            let total: f64 = probs.iter().sum();
            let full = case % 2 == 0;
            let (scale, probs) = if full {
                (total, probs)
            } else {
                // A partial row: the listed categories leave a rest.
                let keep = rows.random::<f64>();
                (
                    1.0,
                    probs.iter().map(|p| p / total.max(1e-300) * keep).collect(),
                )
            };
            let n = rows.random_range(0..40_u64);
            let mut sampler = ChaCha::for_run(case, 3);
            let mut reference = ChaCha::for_run(case, 3);
            let mut fast = vec![0.5; len];
            let mut slow = vec![0.5; len];
            sampler.item_by_item(n, &probs, scale, full, &mut fast);
            reference.stopping_walk(n, &probs, scale, full, &mut slow);
            assert_eq!(fast, slow, "case {case}: {probs:?} × {n}");
            assert_eq!(sampler.rng.random::<u64>(), reference.rng.random::<u64>());
        }
    }

    #[test]
    fn the_branch_free_walk_puts_rounding_leftovers_in_the_last_category() {
        // u ≥ Σp for a full row only by rounding; a scale above the sum forces it.
        let mut sampler = ChaCha::for_run(5, 0);
        let mut out = [0.0; 3];
        sampler.item_by_item(1_000, &[0.1, 0.1, 0.1], 1.0, true, &mut out);
        assert_eq!(out.iter().sum::<f64>() as u64, 1_000);
        assert!(out[2] > out[0] + 500.0, "{out:?}");
        let mut partial = [0.0; 2];
        sampler.item_by_item(1_000, &[0.1, 0.1], 1.0, false, &mut partial);
        assert!(partial.iter().sum::<f64>() < 400.0, "{partial:?}");
    }

    #[test]
    fn cell_defaults_have_the_binomial_mean() {
        let mut sampler = ChaCha::for_run(7, 0);
        let cells = [40.0, 0.0, 25.0, 35.0];
        let fractions = [1.0, 0.75, 0.5, 0.25];
        let mut totals = [0.0; 4];
        let runs = 20_000;
        for _ in 0..runs {
            let mut book = cells;
            let before = BookTotals {
                loans: cells.iter().sum(),
                balance_units: cells.iter().zip(&fractions).map(|(n, f)| n * f).sum(),
            };
            let defaulted = sampler.default_cells(&mut book, &fractions, 0.05, before);
            let removed: Vec<f64> = cells.iter().zip(&book).map(|(a, b)| a - b).collect();
            assert!((defaulted.loans - removed.iter().sum::<f64>()).abs() < 1e-12);
            let units: f64 = removed.iter().zip(&fractions).map(|(n, f)| n * f).sum();
            assert!((defaulted.balance_units - units).abs() < 1e-12);
            for (total, (r, n)) in totals.iter_mut().zip(removed.iter().zip(&cells)) {
                assert!(*r >= 0.0 && r <= n);
                *total += r;
            }
        }
        for (total, n) in totals.iter().zip(&cells) {
            let mean = total / f64::from(runs);
            assert!((mean - n * 0.05).abs() < 0.05, "mean {mean} for n {n}");
        }
    }
}
