//! Which fitted rates map onto which parameters (issue 17), and the scenario calibrated with
//! them: every value accepted is set at its parameter's path (as `cadence params` names it) and
//! recorded with its source (file, day, count, 90 % interval; see `scenario::sources`). The one
//! code path of the page's "Accept" and `cadence calibrate`, so the two give the same figures.
//!
//! The book gives the term mix (all of `loans.terms[*].weight` at once: the shares sum to 1),
//! renewal, default hazard and amount per tier; the activity file each channel's
//! `leads_per_hour` and, where identified, `saturation_hours`. What the data cannot identify —
//! approval per tier (needs the declined applications by tier), cure and write-off timing (a
//! snapshot of days past due says nothing of how fast loans cure), the new-loan tier mix (the
//! scenario has no such parameter: it follows from the channels' mixes and approval) — is left
//! to the scenario's values; [`UNIDENTIFIED`] names them for the page and the CLI.

use crate::engine::params::{ParamSource, Params};
use crate::engine::spec;

use super::activity::ActivityFit;
use super::fit::{Estimate, Fit};
use super::map::{Labels, Status, Tier};

/// A value fitted for one parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub path: String,
    pub estimate: Estimate,
}

/// What the data cannot identify, as (parameter path pattern, reason id); the words are in
/// `i18n` (`BookCannot*`) and the CLI's JSON.
pub const UNIDENTIFIED: [(&str, &str); 4] = [
    ("pipeline.approval_prob.{tier}", "needs_declined_by_tier"),
    ("loans.cure_per_week", "needs_past_due_dates"),
    ("loans.write_off_per_week", "needs_past_due_dates"),
    (
        "channels.{channel}.mix.{tier}",
        "needs_applications_by_channel_and_tier",
    ),
];

/// Fewer loans than this make a renewal rate, an amount or the term mix too thin to rely on.
pub const THIN_LOANS: f64 = 10.0;
/// Fewer defaults than this make a default hazard too thin to rely on.
pub const THIN_DEFAULTS: f64 = 5.0;
/// Fewer leads than this make a channel's yield or saturation too thin to rely on.
pub const THIN_LEADS: f64 = 10.0;

/// Whether the estimate for the parameter at `path` rests on too few observations to be relied
/// on: shown with its interval and a note, accepted only one by one (the page) and left out of
/// "Accept all" and of `cadence calibrate --out`.
#[must_use]
pub fn is_thin(path: &str, estimate: &Estimate) -> bool {
    if path.starts_with("loans.default_per_week") {
        estimate.events < THIN_DEFAULTS
    } else if path.starts_with("channels.") {
        estimate.events < THIN_LEADS
    } else {
        estimate.exposure < THIN_LOANS
    }
}

/// The paths of the term mix's weights, one per term class.
#[must_use]
pub fn term_weight_paths(terms: usize) -> Vec<String> {
    (0..terms)
        .map(|j| format!("loans.terms[{j}].weight"))
        .collect()
}

/// The book's estimates at their parameters' paths: the term mix (only when every class has an
/// estimate), then renewal, default hazard and amount per tier.
#[must_use]
pub fn from_book(fit: &Fit) -> Vec<Fitted> {
    let mut out = Vec::new();
    if !fit.term_mix.is_empty() && fit.term_mix.iter().all(Option::is_some) {
        for (path, e) in term_weight_paths(fit.term_mix.len())
            .into_iter()
            .zip(fit.term_mix.iter().flatten())
        {
            out.push(Fitted { path, estimate: *e });
        }
    }
    let groups: [(&str, &[Option<Estimate>; 3], bool); 3] = [
        ("renewal_prob", &fit.renewal_prob, fit.knows_renewals),
        ("default_per_week", &fit.default_per_week, true),
        ("amount_cny", &fit.amount_cny, true),
    ];
    for (name, values, known) in groups {
        if !known {
            continue;
        }
        for tier in Tier::ALL {
            if let Some(e) = values[tier.index()] {
                out.push(Fitted {
                    path: format!("loans.{name}.{}", tier.id()),
                    estimate: e,
                });
            }
        }
    }
    out
}

/// The activity file's estimates at their parameters' paths: each channel's yield per hour, and
/// its saturation where the data identify it.
#[must_use]
pub fn from_activity(fit: &ActivityFit) -> Vec<Fitted> {
    let mut out = Vec::new();
    for c in &fit.channels {
        if let Some(e) = c.leads_per_hour {
            out.push(Fitted {
                path: format!("channels.{}.leads_per_hour", c.channel.id()),
                estimate: e,
            });
        }
        if let Some(e) = c.saturation_hours {
            out.push(Fitted {
                path: format!("channels.{}.saturation_hours", c.channel.id()),
                estimate: e,
            });
        }
    }
    out
}

/// Sets the parameter at `path` to `value`; `false` when no parameter is there.
pub fn set_at(params: &mut Params, path: &str, value: f64) -> bool {
    let Some((row, at)) = spec::find(path, params) else {
        return false;
    };
    match (row.set)(params, at) {
        Some(slot) => {
            slot.store(Some(value));
            true
        }
        None => false,
    }
}

/// Significant digits a fitted figure keeps in a scenario and in `cadence calibrate`'s JSON: far
/// finer than any interval (and than the 1e-6 to which shares must sum), and short enough to read
/// back exactly (JSON readers round longer decimals to a neighbouring double).
pub const SIGNIFICANT_DIGITS: i32 = 8;

/// `value` to [`SIGNIFICANT_DIGITS`] significant digits.
#[must_use]
pub fn rounded(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    // A magnitude's decimal exponent is a small whole number.
    #[allow(clippy::cast_possible_truncation)]
    let digits = SIGNIFICANT_DIGITS - 1 - value.abs().log10().floor() as i32;
    // Scaling by an exact power of ten and dividing (or multiplying) is correctly rounded.
    if digits >= 0 {
        let scale = 10f64.powi(digits);
        (value * scale).round() / scale
    } else {
        let scale = 10f64.powi(-digits);
        (value / scale).round() * scale
    }
}

/// `params` with each of `fitted` set (to [`SIGNIFICANT_DIGITS`]) and recorded as fitted from
/// `file` on `fitted_on` (ISO). A fitted value the parameter's range refuses is kept out (the
/// scenario stays valid).
#[must_use]
pub fn calibrated(params: &Params, fitted: &[Fitted], file: &str, fitted_on: &str) -> Params {
    let mut next = params.clone();
    for f in fitted {
        let value = rounded(f.estimate.value);
        let admitted = spec::find(&f.path, &next).is_some_and(|(row, _)| row.admits(value, &next));
        if !admitted || !set_at(&mut next, &f.path, value) {
            continue;
        }
        super::super::sources::record(
            &mut next,
            ParamSource {
                path: f.path.clone(),
                value,
                file: file.to_owned(),
                fitted_on: fitted_on.to_owned(),
                n: rounded(f.estimate.exposure),
                low: rounded(f.estimate.low),
                high: rounded(f.estimate.high),
            },
        );
    }
    next
}

/// A mapping file (`cadence calibrate --mapping FILE`), one correction a line: `COLUMN = FIELD`
/// (the column's header or its 1-based number, a canonical field id or `none` for unused, as
/// `cadence book --map` takes them), `tier: LABEL = TIER` and `status: WORD = STATUS` for the
/// person's grade labels and status words; blank lines and lines starting with `#` are skipped.
///
/// # Errors
/// The first line that is none of these, by number, in words.
pub fn read_mapping(text: &str) -> Result<(Vec<(String, String)>, Labels), String> {
    let mut columns = Vec::new();
    let mut labels = Labels::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || {
            format!(
                "line {}: “{line}” is not COLUMN = FIELD, tier: LABEL = TIER or status: WORD = STATUS",
                i + 1
            )
        };
        let (kind, rest) = match line.split_once(':') {
            Some((k, rest)) if matches!(k.trim(), "tier" | "status") => (k.trim(), rest),
            _ => ("column", line),
        };
        let (left, right) = rest.split_once('=').ok_or_else(bad)?;
        let (left, right) = (left.trim().to_owned(), right.trim());
        match kind {
            "tier" => labels.tiers.push((
                left,
                Tier::from_id(right).ok_or_else(|| {
                    format!(
                        "line {}: “{right}” is not prime, standard or marginal",
                        i + 1
                    )
                })?,
            )),
            "status" => labels.statuses.push((
                left,
                Status::from_id(right).ok_or_else(|| {
                    format!(
                        "line {}: “{right}” is not active, repaid or written_off",
                        i + 1
                    )
                })?,
            )),
            _ => columns.push((left, right.to_owned())),
        }
    }
    Ok((columns, labels))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitted_figures_keep_eight_significant_digits_and_read_back_exactly() {
        for (value, expect) in [
            (0.185_671_810_157_595_7, 0.185_671_81),
            (302_795.652_173_913, 302_795.65),
            (22_445.000_000_000_007, 22_445.0),
            (0.000_623_746_936_957, 0.000_623_746_94),
            (1_234_567_891.2, 1_234_567_900.0),
            (0.0, 0.0),
        ] {
            let r = rounded(value);
            assert!((r - expect).abs() <= 1e-15 * expect.abs(), "{value} → {r}");
            let text = serde_json::to_string(&r).expect("a number");
            assert_eq!(
                serde_json::from_str::<f64>(&text)
                    .expect("a number")
                    .to_bits(),
                r.to_bits()
            );
        }
    }

    #[test]
    fn a_mapping_file_reads_columns_grades_and_statuses_and_names_a_bad_line() {
        let (columns, labels) = read_mapping(
            "# our export\n放款日期 = disbursed_on\n\ntier: A = prime\nstatus: 正常 = active\n7=none\n",
        )
        .expect("reads");
        assert_eq!(
            columns,
            vec![
                ("放款日期".to_owned(), "disbursed_on".to_owned()),
                ("7".to_owned(), "none".to_owned())
            ]
        );
        assert_eq!(labels.tier("A"), Some(Tier::Prime));
        assert_eq!(labels.status("正常"), Some(Status::Active));
        let error = read_mapping("a = b\nno equals sign\n").expect_err("refused");
        assert!(error.starts_with("line 2:"), "{error}");
        assert!(read_mapping("tier: A = best").is_err());
    }
}
