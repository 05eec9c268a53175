//! The sources of fitted values (issue 17): which parameters were given a value fitted from the
//! team's own data, from which file, on which day, on how many observations and with which 90 %
//! interval. A source holds while its parameter keeps the value it recorded: [`prune`] drops the
//! others, so an edit by hand (on the page, or in the file) leaves no stale "fitted from" behind.
//! The day is always an input (the page's clock, the command line's today or `--as-of`).

use crate::engine::params::{ParamSource, Params};
use crate::engine::spec;

/// The value of the parameter at `path` in `params`, when it is a number.
#[must_use]
pub fn value_at(params: &Params, path: &str) -> Option<f64> {
    let (spec, at) = spec::find(path, params)?;
    spec.value(params, at)?.number()
}

/// Whether `source` still describes its parameter (same value, to rounding).
#[must_use]
pub fn holds(source: &ParamSource, params: &Params) -> bool {
    value_at(params, &source.path).is_some_and(|v| {
        (v - source.value).abs() <= 1e-9 * v.abs().max(source.value.abs()).max(1.0)
    })
}

/// Drops every source whose parameter no longer has the value it recorded.
pub fn prune(params: &mut Params) {
    let kept: Vec<ParamSource> = params
        .sources
        .iter()
        .filter(|s| holds(s, params))
        .cloned()
        .collect();
    params.sources = kept;
}

/// Records `source` (replacing any earlier source of the same parameter).
pub fn record(params: &mut Params, source: ParamSource) {
    params.sources.retain(|s| s.path != source.path);
    params.sources.push(source);
}

/// The source of the parameter at `path`, while it holds.
#[must_use]
pub fn source_of<'a>(params: &'a Params, path: &str) -> Option<&'a ParamSource> {
    params
        .sources
        .iter()
        .find(|s| s.path == path && holds(s, params))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, value: f64) -> ParamSource {
        ParamSource {
            path: path.to_owned(),
            value,
            file: "book.csv".to_owned(),
            fitted_on: "2026-12-01".to_owned(),
            n: 40.0,
            low: value * 0.8,
            high: value * 1.2,
        }
    }

    #[test]
    fn a_source_holds_until_its_value_changes() {
        let mut p = Params::default();
        p.loans.renewal_prob[1] = 0.61;
        record(&mut p, source("loans.renewal_prob.standard", 0.61));
        let weight = p.loans.terms[1].weight;
        record(&mut p, source("loans.terms[1].weight", weight));
        assert!(source_of(&p, "loans.renewal_prob.standard").is_some());
        p.loans.renewal_prob[1] = 0.7;
        assert!(source_of(&p, "loans.renewal_prob.standard").is_none());
        prune(&mut p);
        assert_eq!(p.sources.len(), 1);
        assert_eq!(p.sources[0].path, "loans.terms[1].weight");
        // A path naming no parameter never holds.
        record(&mut p, source("loans.nowhere", 1.0));
        prune(&mut p);
        assert_eq!(p.sources.len(), 1);
    }
}
