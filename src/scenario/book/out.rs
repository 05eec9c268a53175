//! `cadence book`'s JSON (issue 17): the file's format, the column mapping, the row report (each
//! issue in English and Chinese), the starting book on "as of" and the fitted rates beside the
//! scenario's defaults. Field names are stable for tools.

use serde_json::{json, Value};

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
