//! `cadence book`'s JSON (issue 17): the file's format, the column mapping, the row report (each
//! issue in English and Chinese), the starting book on "as of" and the fitted rates beside the
//! scenario's defaults; and `cadence calibrate`'s: every estimate at its parameter's path beside
//! the scenario's value, the activity file's channels and approval, what the data cannot
//! identify. Field names are stable for tools.

use serde_json::{json, Value};

use super::activity::ActivityFit;
use super::calibrate::{self, Fitted};
use super::fit::{Estimate, Fit};
use super::loans::Import;
use super::map::{Field, Tier};
use super::read::Table;
use super::start::StartingBook;
use crate::engine::params::Params;
use crate::i18n::Lang;

fn estimate(e: Option<&Estimate>, default: Option<f64>) -> Value {
    match e {
        Some(e) => json!({
            "value": e.value,
            "low_90": e.low,
            "high_90": e.high,
            "events": e.events,
            "exposure": e.exposure,
            "default": default,
        }),
        None => json!({ "value": null, "default": default }),
    }
}

fn tiers(values: &[Option<Estimate>; 3], defaults: Option<[f64; 3]>) -> Value {
    let mut map = serde_json::Map::new();
    for tier in Tier::ALL {
        let k = tier.index();
        map.insert(
            tier.id().to_owned(),
            estimate(values[k].as_ref(), defaults.map(|d| d[k])),
        );
    }
    Value::Object(map)
}

/// The whole answer of `cadence book`.
#[must_use]
pub fn json(
    table: &Table,
    mapping: &[Option<Field>],
    import: &Import,
    book: &StartingBook,
    fit: &Fit,
    defaults: &Params,
) -> Value {
    let columns: Vec<Value> = table
        .header
        .iter()
        .zip(mapping)
        .enumerate()
        .map(|(i, (header, field))| {
            json!({ "column": i + 1, "header": header, "field": field.map(Field::id) })
        })
        .collect();
    let issues: Vec<Value> = import
        .issues
        .iter()
        .map(|issue| {
            json!({
                "row": issue.row,
                "column": issue.column,
                "value": issue.value,
                "reason": issue.reason.id(),
                "skipped": issue.skipped,
                "en": issue.sentence(Lang::En),
                "zh": issue.sentence(Lang::Zh),
            })
        })
        .collect();
    let doubtful_rows = {
        let mut rows: Vec<usize> = import
            .issues
            .iter()
            .filter(|i| !i.skipped)
            .map(|i| i.row)
            .collect();
        rows.dedup();
        rows.len()
    };
    let mut active = serde_json::Map::new();
    for tier in Tier::ALL {
        let k = tier.index();
        let classes: Vec<Value> = book
            .term_weeks
            .iter()
            .zip(&book.active[k])
            .map(|(t, by_remaining)| json!({ "term_weeks": t, "by_remaining_weeks": by_remaining }))
            .collect();
        active.insert(
            tier.id().to_owned(),
            json!({
                "loans": book.active_in(tier),
                "classes": classes,
                "past_due": book.past_due[k],
                "past_due_exposure_cny": book.past_due_exposure_cny[k],
            }),
        );
    }
    let loans = &defaults.loans;
    let term_defaults: Vec<f64> = loans.terms.iter().map(|t| t.weight).collect();
    let term_mix: Vec<Value> = fit
        .term_weeks
        .iter()
        .zip(&fit.term_mix)
        .enumerate()
        .map(|(j, (t, e))| {
            json!({ "term_weeks": t, "share": estimate(e.as_ref(), term_defaults.get(j).copied()) })
        })
        .collect();
    json!({
        "format": table.format.id(),
        "columns": columns,
        "report": {
            "rows": import.rows,
            "imported": import.loans.len(),
            "skipped": import.skipped,
            "doubtful_rows": doubtful_rows,
            "issues": issues,
        },
        "as_of": book.as_of.to_string(),
        "starting_book": {
            "init": "custom",
            "active_loans": Tier::ALL.iter().map(|t| book.active_in(*t)).sum::<u32>(),
            "tiers": Value::Object(active),
        },
        "fitted": {
            "from": fit.from.to_string(),
            "as_of": fit.as_of.to_string(),
            "knows_renewals": fit.knows_renewals,
            "term_mix": term_mix,
            "renewal_prob": tiers(&fit.renewal_prob, Some(loans.renewal_prob)),
            "default_per_week": tiers(&fit.default_per_week, Some(loans.default_per_week)),
            "amount_cny": tiers(&fit.amount_cny, Some(loans.amount_cny)),
            "new_loans_per_week": estimate(fit.new_loans_per_week.as_ref(), None),
            "new_loan_tier_mix": tiers(&fit.new_loan_tier_mix, None),
        },
    })
}

/// One fitted value of `cadence calibrate`: the parameter, the estimate with its interval and
/// counts (to `calibrate::SIGNIFICANT_DIGITS`, as the scenario takes them), the scenario's value
/// beside it, whether it is thin and whether `--out` took it.
fn calibrated_entry(fitted: &Fitted, defaults: &Params) -> Value {
    let e = &fitted.estimate;
    let thin = calibrate::is_thin(&fitted.path, e);
    json!({
        "path": fitted.path,
        "value": calibrate::rounded(e.value),
        "low_90": calibrate::rounded(e.low),
        "high_90": calibrate::rounded(e.high),
        "events": calibrate::rounded(e.events),
        "n": calibrate::rounded(e.exposure),
        "default": crate::scenario::sources::value_at(defaults, &fitted.path),
        "thin": thin,
        "accepted": !thin,
    })
}

/// `cadence calibrate`'s JSON: every estimate at its parameter beside the scenario's value, the
/// activity file's channels (with how their intervals were made) and team approval, and what the
/// data cannot identify.
#[must_use]
pub fn calibrate_json(
    fit: &Fit,
    activity: Option<&ActivityFit>,
    defaults: &Params,
    fitted_on: &str,
) -> Value {
    let mut estimates: Vec<Value> = calibrate::from_book(fit)
        .iter()
        .map(|f| calibrated_entry(f, defaults))
        .collect();
    let activity_json = activity.map(|a| {
        estimates.extend(
            calibrate::from_activity(a)
                .iter()
                .map(|f| calibrated_entry(f, defaults)),
        );
        let channels: Vec<Value> = a
            .channels
            .iter()
            .map(|c| {
                json!({
                    "channel": c.channel.id(),
                    "am_weeks": c.am_weeks,
                    "leads": c.leads,
                    "hours": c.hours,
                    "hours_min": c.hours_min,
                    "hours_max": c.hours_max,
                    "leads_per_hour": estimate(c.leads_per_hour.as_ref(), None),
                    "saturation_hours": estimate(c.saturation_hours.as_ref(), None),
                    "saturation_at_least": c.saturation_at_least,
                    "interval": if c.saturation_hours.is_some() { "profile_likelihood" } else { "poisson" },
                    "leads_without_hours": c.leads_without_hours,
                })
            })
            .collect();
        json!({
            "rows": a.rows,
            "from": a.from.map(|d| d.to_string()),
            "to": a.to.map(|d| d.to_string()),
            "channels": channels,
            "approval": estimate(a.approval.as_ref(), None),
            "approval_default_by_tier": tiers_of(defaults.pipeline.approval_prob),
            "bad_cells": a.bad_cells.iter().map(|b| json!({"row": b.row, "column": b.column, "value": b.value})).collect::<Vec<_>>(),
        })
    });
    let cannot: Vec<Value> = calibrate::UNIDENTIFIED
        .iter()
        .map(|(path, reason)| json!({ "path": path, "reason": reason }))
        .collect();
    json!({
        "as_of": fit.as_of.to_string(),
        "fitted_on": fitted_on,
        "estimates": estimates,
        "activity": activity_json,
        "cannot_identify": cannot,
    })
}

fn tiers_of(values: [f64; 3]) -> Value {
    let mut map = serde_json::Map::new();
    for tier in Tier::ALL {
        map.insert(tier.id().to_owned(), json!(values[tier.index()]));
    }
    Value::Object(map)
}
