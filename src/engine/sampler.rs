//! One weekly step, two modes: the `Sampler` trait turns each random flow into either its
//! expectation (EV) or a `ChaCha8` draw (Monte Carlo), so both modes run the same `step`.
//!
//! Distributions come from `rand_distr` at a pinned version, and every stream is seeded from
//! (seed, run) alone, so run r is the same whether 10 or 1,000 runs are asked for.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution, Geometric, Poisson};

use super::state::BookTotals;

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
    /// (1 − Σprobs) stays implicit. A full row (Σprobs = 1) leaves no rest.
    fn multinomial(&mut self, n: f64, probs: &[f64], out: &mut [f64]);

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
}

impl ChaCha {
    /// The stream of run r: `ChaCha8Rng::seed_from_u64(splitmix64(seed ^ r))`.
    #[must_use]
    pub fn for_run(seed: u64, run: u64) -> ChaCha {
        ChaCha {
            rng: ChaCha8Rng::seed_from_u64(splitmix64(seed ^ run)),
        }
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
        binomial_draw(&mut self.rng, count(n), p) as f64
    }

    fn poisson(&mut self, mean: f64) -> f64 {
        if mean <= 0.0 {
            return 0.0;
        }
        poisson_draw(&mut self.rng, mean)
    }

    fn multinomial(&mut self, n: f64, probs: &[f64], out: &mut [f64]) {
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
        let Ok(gap) = Geometric::new(p) else {
            return defaulted;
        };
        let total = count(before.loans);
        let mut position = gap.sample(&mut self.rng);
        let mut cell = 0;
        let mut before_cell = 0_u64;
        let mut in_cell = count(cells[0]);
        while position < total {
            while position >= before_cell + in_cell {
                before_cell += in_cell;
                cell += 1;
                // Only a non-integer book (an EV state handed to Monte Carlo) can run past the end.
                let Some(&next) = cells.get(cell) else {
                    return defaulted;
                };
                in_cell = count(next);
            }
            cells[cell] -= 1.0;
            defaulted.loans += 1.0;
            defaulted.balance_units += balance_fraction[cell];
            position = position
                .saturating_add(1)
                .saturating_add(gap.sample(&mut self.rng));
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
fn binomial_draw(rng: &mut ChaCha8Rng, n: u64, p: f64) -> u64 {
    let flipped = p > 0.5;
    let p_small = if flipped { 1.0 - p } else { p };
    let draw = if n as f64 * p_small < INVERSION_MAX_MEAN {
        binomial_inversion(rng, n, p_small)
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

/// BINV: walk the binomial probabilities from 0 until they exceed one uniform.
fn binomial_inversion(rng: &mut ChaCha8Rng, n: u64, p: f64) -> u64 {
    let odds = p / (1.0 - p);
    let a = (n as f64 + 1.0) * odds;
    let p_zero = power(1.0 - p, n);
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
fn poisson_draw(rng: &mut ChaCha8Rng, mean: f64) -> f64 {
    if mean >= INVERSION_MAX_MEAN {
        return match Poisson::<f64>::new(mean) {
            Ok(dist) => dist.sample(rng),
            // Only a non-finite or astronomically large mean fails; validation rules both out.
            Err(_) => mean.round(),
        };
    }
    let p_zero = (-mean).exp();
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
        let draws = 200_000;
        for (n, p) in [
            (12_u64, 0.3),
            (40, 0.9),
            (5, 0.5),
            (1000, 0.004),
            (300, 0.25),
        ] {
            let values: Vec<f64> = (0..draws)
                .map(|_| binomial_draw(&mut rng, n, p) as f64)
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
            let values: Vec<f64> = (0..draws).map(|_| poisson_draw(&mut rng, mu)).collect();
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
