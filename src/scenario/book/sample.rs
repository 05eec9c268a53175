//! The sample team (issue 17): a loan book and its weekly activity drawn from known rates, so a
//! newcomer can try "Your data" — and the Actuals view — in a minute with files that look like a
//! loan system's export. `cadence sample-team DIR` writes the files shipped in `samples/`; a test
//! checks that the shipped files are exactly what [`sample_team`] draws, and that calibration
//! recovers the rates [`SAMPLE`] holds (written out in `samples/README.md`).
//!
//! Each week each AM works a few hours in each of four channels; each hour brings leads at the
//! channel's yield (Poisson), a share of leads apply, each application has a tier and is approved
//! with the tier's probability, and an approved application is a new customer's loan. Every loan
//! defaults with its tier's weekly hazard (written off that week) or is repaid at maturity and
//! renewed by the same customer with the tier's probability, on the same day.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::engine::params::ChannelId;

/// The rates the sample team is drawn from.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleRates {
    pub ams: &'static [&'static str],
    /// The Monday of the first week, and the weeks drawn.
    pub first_monday: (i32, u32, u32),
    pub weeks: i64,
    /// Channels worked: id, mean hours per AM per week, leads per hour.
    pub channels: [(ChannelId, f64, f64); 4],
    /// The share of leads that apply in their week.
    pub apply_share: f64,
    /// Applications by tier (prime, standard, marginal).
    pub application_mix: [f64; 3],
    pub approval: [f64; 3],
    pub renewal: [f64; 3],
    pub default_per_week: [f64; 3],
    /// Term classes in weeks and their shares.
    pub terms: [(u32, f64); 4],
    /// Mean amount by tier, CNY (each loan is 50–150 % of it, in thousands).
    pub amount_cny: [f64; 3],
}

/// The sample team: six AMs over two years.
pub const SAMPLE: SampleRates = SampleRates {
    ams: &[
        "Chen Jing",
        "Li Wei",
        "Wang Fang",
        "Zhang Min",
        "Liu Yang",
        "Zhao Lei",
    ],
    first_monday: (2024, 12, 2),
    weeks: 104,
    channels: [
        (ChannelId::ColdVisit, 3.0, 0.6),
        (ChannelId::PhoneSms, 2.0, 0.8),
        (ChannelId::SupplyChain, 2.0, 1.0),
        (ChannelId::Association, 1.0, 1.2),
    ],
    apply_share: 0.55,
    application_mix: [0.25, 0.5, 0.25],
    approval: [0.9, 0.75, 0.5],
    renewal: [0.8, 0.65, 0.45],
    default_per_week: [0.0008, 0.002, 0.006],
    terms: [(13, 0.15), (26, 0.35), (39, 0.2), (52, 0.3)],
    amount_cny: [300_000.0, 150_000.0, 60_000.0],
};

/// The seed the shipped files are drawn with.
pub const SAMPLE_SEED: u64 = 2026;

/// File names in `samples/`.
pub const LOANS_FILE: &str = "sample-team-loans.csv";
pub const ACTIVITY_FILE: &str = "sample-team-activity.csv";

const TIERS: [&str; 3] = ["prime", "standard", "marginal"];

/// An index drawn with the given probabilities (they sum to 1; the last takes any rounding left).
pub fn pick(rng: &mut ChaCha8Rng, weights: &[f64]) -> usize {
    let u: f64 = rng.random();
    let mut sum = 0.0;
    for (i, w) in weights.iter().enumerate() {
        sum += w;
        if u < sum {
            return i;
        }
    }
    weights.len() - 1
}

/// A Poisson count by multiplying uniforms (Knuth): the means here are a few leads.
pub fn poisson(rng: &mut ChaCha8Rng, mean: f64) -> u32 {
    let limit = (-mean).exp();
    let (mut k, mut p) = (0, 1.0);
    loop {
        p *= rng.random::<f64>();
        if p <= limit {
            return k;
        }
        k += 1;
    }
}

/// A loan on its way into the book.
struct Drawn {
    id: String,
    customer: String,
    am: usize,
    tier: usize,
    channel: Option<ChannelId>,
    disbursed: NaiveDate,
    renewed_from: Option<String>,
}

/// One AM's week: hours and leads by channel, applications and approvals (each a new
/// customer's loan, queued in `pending`), written as a row of the activity file.
fn draw_week(
    rates: &SampleRates,
    rng: &mut ChaCha8Rng,
    monday: NaiveDate,
    am: usize,
    activity: &mut String,
    pending: &mut Vec<Drawn>,
) {
    // Hours in half-hour steps around each channel's mean.
    let hours: Vec<f64> = rates
        .channels
        .iter()
        .map(|(_, mean, _)| (mean * (0.5 + rng.random::<f64>()) * 2.0).round() / 2.0)
        .collect();
    let leads: Vec<u32> = rates
        .channels
        .iter()
        .zip(&hours)
        .map(|((_, _, per_hour), h)| poisson(rng, per_hour * h))
        .collect();
    let (mut applications, mut approved) = (0, 0);
    for (c, &n) in leads.iter().enumerate() {
        for _ in 0..n {
            if rng.random::<f64>() >= rates.apply_share {
                continue;
            }
            applications += 1;
            let tier = pick(rng, &rates.application_mix);
            if rng.random::<f64>() < rates.approval[tier] {
                approved += 1;
                pending.push(Drawn {
                    id: String::new(),
                    customer: format!("C{:05}", pending.len() + 1),
                    am,
                    tier,
                    channel: Some(rates.channels[c].0),
                    disbursed: monday + Duration::days(rng.random_range(0..5)),
                    renewed_from: None,
                });
            }
        }
    }
    let _ = write!(activity, "{monday},{}", rates.ams[am]);
    for h in &hours {
        let _ = write!(activity, ",{h}");
    }
    for n in &leads {
        let _ = write!(activity, ",{n}");
    }
    let _ = writeln!(
        activity,
        ",{applications},{approved},{},{approved}",
        applications - approved
    );
}

/// The loan book and the activity file, as CSV text (UTF-8, comma-separated, a header row).
#[must_use]
pub fn sample_team(rates: &SampleRates, seed: u64) -> (String, String) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (y, m, d) = rates.first_monday;
    let start = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let as_of = start + Duration::weeks(rates.weeks);
    let mut activity = String::from("week_starting,am");
    for (channel, ..) in &rates.channels {
        let _ = write!(activity, ",prospecting_hours_{}", channel.id());
    }
    for (channel, ..) in &rates.channels {
        let _ = write!(activity, ",leads_{}", channel.id());
    }
    activity.push_str(",applications,approved,declined,new_loans\n");
    let mut pending: Vec<Drawn> = Vec::new();
    for week in 0..rates.weeks {
        let monday = start + Duration::weeks(week);
        for am in 0..rates.ams.len() {
            draw_week(rates, &mut rng, monday, am, &mut activity, &mut pending);
        }
    }
    let mut loans = String::from(
        "loan_id,customer_id,disbursed_on,matures_on,amount_cny,tier,status,closed_on,renewed_from,channel,am\n",
    );
    let term_weights: Vec<f64> = rates.terms.iter().map(|t| t.1).collect();
    let mut count = 0;
    // In disbursement order as drawn; renewals join the queue as they happen.
    let mut next = 0;
    while next < pending.len() {
        count += 1;
        let id = format!("L{count:06}");
        pending[next].id.clone_from(&id);
        let loan = &pending[next];
        let term = rates.terms[pick(&mut rng, &term_weights)].0;
        let matures = loan.disbursed + Duration::weeks(i64::from(term));
        let (mut status, mut closed) = ("active", None);
        let mut week_start = loan.disbursed;
        while week_start < matures && week_start < as_of {
            if rng.random::<f64>() < rates.default_per_week[loan.tier] {
                status = "written_off";
                closed = Some((week_start + Duration::weeks(1)).min(as_of));
                break;
            }
            week_start += Duration::weeks(1);
        }
        let mut renewal = None;
        if status == "active" && matures <= as_of {
            status = "repaid";
            closed = Some(matures);
            if matures < as_of && rng.random::<f64>() < rates.renewal[loan.tier] {
                renewal = Some(Drawn {
                    id: String::new(),
                    customer: loan.customer.clone(),
                    am: loan.am,
                    tier: loan.tier,
                    channel: loan.channel,
                    disbursed: matures,
                    renewed_from: Some(id.clone()),
                });
            }
        }
        let amount =
            (rates.amount_cny[loan.tier] * (0.5 + rng.random::<f64>()) / 1000.0).round() * 1000.0;
        let _ = writeln!(
            loans,
            "{id},{},{},{matures},{amount},{},{status},{},{},{},{}",
            loan.customer,
            loan.disbursed,
            TIERS[loan.tier],
            closed.map(|d| d.to_string()).unwrap_or_default(),
            loan.renewed_from.as_deref().unwrap_or_default(),
            loan.channel.map(ChannelId::id).unwrap_or_default(),
            rates.ams[loan.am],
        );
        if let Some(r) = renewal {
            pending.push(r);
        }
        next += 1;
    }
    (loans, activity)
}

/// `samples/README.md`: what the files are, how to try them, and the rates they were drawn from.
#[must_use]
pub fn readme(rates: &SampleRates, loans_csv: &str, activity_csv: &str) -> String {
    let loans = loans_csv.lines().count().saturating_sub(1);
    let rows = activity_csv.lines().count().saturating_sub(1);
    format!(
        "# The sample team\n\n\
         A made-up team's loan system export, for trying Cadence's *Your data* view and the *Actuals* \
         view without data of your own. Written by `cadence sample-team samples` (seed {SAMPLE_SEED}); \
         a test checks that these files are exactly what it draws.\n\n\
         - `{LOANS_FILE}`: {loans} loans, one row per loan, in the canonical loan-book columns.\n\
         - `{ACTIVITY_FILE}`: {rows} rows, one per AM per week: prospecting hours and leads by \
         channel, applications, approvals, declines and new loans.\n\n\
         ## Try it\n\n\
         1. Open the page, choose *Your data*, and press *Try the sample team* (or pick \
         `{LOANS_FILE}`). The columns map themselves; the report lists every row's fate.\n\
         2. Compare the fitted rates with the article's, accept the ones you trust, and press \
         *Start from this book*: the charts run off this book from week 1.\n\
         3. On the command line: `cadence book samples/{LOANS_FILE}`.\n\n\
         ## The rates it was drawn from\n\n{}",
        rates_markdown(rates)
    )
}

/// The sample's rates in words.
#[must_use]
pub fn rates_markdown(rates: &SampleRates) -> String {
    let mut out = String::new();
    let (y, m, d) = rates.first_monday;
    let _ = writeln!(
        out,
        "- {} AMs ({}), {} weeks from Monday {y}-{m:02}-{d:02}; the data end on {} (the \"as of\" date).",
        rates.ams.len(),
        rates.ams.join(", "),
        rates.weeks,
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default() + Duration::weeks(rates.weeks)
    );
    for (channel, hours, per_hour) in &rates.channels {
        let _ = writeln!(
            out,
            "- `{}`: {hours} h per AM per week on average (50–150 %, in half hours), {per_hour} leads per hour (Poisson).",
            channel.id()
        );
    }
    let _ = writeln!(
        out,
        "- Each lead applies in its week with probability {}.",
        rates.apply_share
    );
    let row = |name: &str, values: &[f64; 3]| {
        format!(
            "| {name} | {} | {} | {} |\n",
            values[0], values[1], values[2]
        )
    };
    out.push_str("\n| rate | prime | standard | marginal |\n|---|---|---|---|\n");
    out.push_str(&row("share of applications", &rates.application_mix));
    out.push_str(&row("approval probability", &rates.approval));
    out.push_str(&row("renewal probability at maturity", &rates.renewal));
    out.push_str(&row("weekly default hazard", &rates.default_per_week));
    out.push_str(&row(
        "mean amount, CNY (each loan 50–150 %)",
        &rates.amount_cny,
    ));
    let terms: Vec<String> = rates
        .terms
        .iter()
        .map(|(weeks, share)| format!("{weeks} weeks: {share}"))
        .collect();
    let _ = writeln!(out, "\nTerm mix: {}.", terms.join(", "));
    out
}
