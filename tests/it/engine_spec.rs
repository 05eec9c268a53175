//! The parameter spec against validation (issue 13): for every row, validation accepts exactly
//! the spec's range — ends open or closed, whole numbers, H and N read from the scenario — and
//! every default of the spec is the scenario file's.

use cadence::engine::params::{
    Calendar, Holiday, Hours, Params, ProspectingChange, Shock, ShockKind,
};
use cadence::engine::spec::{self, At, End, Extra, Kind, Limit, Spec, Step, SPEC};
use cadence::engine::{validate, Rule};
use proptest::prelude::*;

fn shock(start: f64, kind: ShockKind) -> Shock {
    Shock {
        start,
        duration_weeks: 4.0,
        kind,
    }
}

fn holiday(week: f64) -> Holiday {
    Holiday {
        week,
        pre_weeks: 1.0,
        pre_demand: 1.2,
        demand: 0.5,
        availability: 0.6,
        post_weeks: 1.0,
        post_demand: 0.9,
        post_availability: 0.8,
    }
}

/// Valid scenarios that between them have an instance of every row of the spec.
fn bases() -> Vec<Params> {
    let mut china = Params {
        calendar: Calendar::ChinaDefault {
            spring_festival_week: 6.0,
            mid_autumn_week: 38.0,
        },
        ..Params::default()
    };
    china.team.init_loans_per_am = Some(110.0);
    china.policy.fixed_hours = Hours::Value(8.8);
    china.policy.cap_hours = Hours::Value(12.0);
    china.policy.max_hours = Hours::Value(30.0);
    china.policy.coverage_weeks = Some(2.5);
    china.fault.window_start = Some(10.0);
    china.fault.window_end = Some(60.0);
    china.shocks = vec![
        shock(
            10.0,
            ShockKind::Burst {
                apps_per_am: 3.0,
                mix: Some([0.2, 0.5, 0.3]),
            },
        ),
        shock(
            12.0,
            ShockKind::Demand {
                mult: 1.5,
                flows: None,
            },
        ),
        shock(14.0, ShockKind::Capacity { frac: 0.2 }),
        shock(16.0, ShockKind::Credit { mult: 2.0 }),
        shock(
            18.0,
            ShockKind::Prospecting {
                change: ProspectingChange::Floor { hours: 4.0 },
            },
        ),
        shock(
            20.0,
            ShockKind::ChannelMix {
                shares: Params::default().channels.map(|c| c.hour_share),
            },
        ),
    ];
    china.interventions = vec![
        shock(30.0, ShockKind::Team { ams_delta: 2.0 }),
        shock(
            32.0,
            ShockKind::Prospecting {
                change: ProspectingChange::Set { hours: 6.0 },
            },
        ),
    ];
    let custom = Params {
        calendar: Calendar::Custom(vec![holiday(6.0), holiday(40.0)]),
        ..Params::default()
    };
    let weekly = Params {
        calendar: Calendar::Weekly {
            demand: vec![1.0; 52],
            availability: vec![0.9; 52],
        },
        ..Params::default()
    };
    vec![china, custom, weekly]
}

/// Every instance of every row in a scenario.
fn instances(p: &Params) -> Vec<(&'static Spec, At)> {
    spec::walk(p, |_| true)
        .into_iter()
        .filter_map(|step| match step {
            Step::Param { spec, at, .. } => Some((spec, at)),
            Step::List(_) => None,
        })
        .collect()
}

/// What the spec's table says about `x` in `p`, read from its data alone (not through the spec's
/// own `admits`, which validation shares).
fn spec_says(row: &Spec, p: &Params, x: f64) -> bool {
    let limit = |limit: Limit| match limit {
        Limit::Value(v) => Some(v),
        Limit::HoursPerWeek => Some(p.team.hours_per_week),
        Limit::Infinity => None,
    };
    let above = match row.range.lo {
        End::Closed(l) => limit(l).is_none_or(|v| x >= v),
        End::Open(l) => limit(l).is_none_or(|v| x > v),
    };
    let below = match row.range.hi {
        End::Closed(l) => limit(l).is_none_or(|v| x <= v),
        End::Open(l) => limit(l).is_none_or(|v| x < v),
    };
    let team = row.extra != Extra::TeamSize || {
        let ams = spec::entry("team.ams").expect("team.ams");
        let (End::Closed(Limit::Value(lo)), End::Closed(Limit::Value(hi))) =
            (ams.range.lo, ams.range.hi)
        else {
            panic!("team.ams has a fixed closed range");
        };
        (lo..=hi).contains(&(p.team.ams + x))
    };
    x.is_finite() && (row.kind != Kind::Whole || x.fract() == 0.0) && above && below && team
}

/// Whether validation reports a range, whole-number or finiteness error at the instance's path
/// after it is set to `x`.
fn validation_rejects(base: &Params, row: &Spec, at: At, x: f64) -> bool {
    let mut p = base.clone();
    (row.set)(&mut p, at).expect("a slot").store(Some(x));
    let path = row.path_at(at);
    validate(&p).err().is_some_and(|errors| {
        errors.iter().any(|e| {
            e.param == path
                && matches!(
                    e.rule,
                    Rule::OutOfRange | Rule::NotInteger | Rule::NotFinite | Rule::ShockTooShort
                )
        })
    })
}

/// The numbers a bound is probed with: itself, the nearest typed numbers beyond and within, a
/// half and a whole step off.
fn around(b: f64) -> Vec<f64> {
    let tiny = (b.abs() * 1e-12).max(1e-9);
    vec![b, b - tiny, b + tiny, b - 0.5, b + 0.5, b - 1.0, b + 1.0]
}

fn bounds_of(row: &Spec, p: &Params) -> Vec<f64> {
    let mut out = Vec::new();
    for end in [row.range.lo, row.range.hi] {
        if let Some(bound) = end.limit().resolve(p).filter(|v| v.is_finite()) {
            out.push(bound);
        }
    }
    if let Some((lo, hi)) = row.team_range(p) {
        out.extend([lo, hi]);
    }
    out
}

#[test]
fn the_bases_are_valid_and_have_every_row() {
    let mut seen = vec![false; SPEC.len()];
    for base in bases() {
        assert!(validate(&base).is_ok(), "{:?}", validate(&base).err());
        for (row, _) in instances(&base) {
            let index = SPEC
                .iter()
                .position(|s| std::ptr::eq(s, row))
                .expect("a row");
            seen[index] = true;
        }
    }
    for (row, seen) in SPEC.iter().zip(seen) {
        assert!(seen, "{} has no instance in the bases", row.path);
    }
}

#[test]
fn validation_accepts_exactly_the_spec_range_at_every_bound() {
    for base in bases() {
        for (row, at) in instances(&base) {
            for bound in bounds_of(row, &base) {
                for x in around(bound).into_iter().chain([f64::NAN, f64::INFINITY]) {
                    assert_eq!(
                        !validation_rejects(&base, row, at, x),
                        spec_says(row, &base, x),
                        "{} = {x}",
                        row.path_at(at)
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn validation_accepts_exactly_the_spec_range_around_each_bound(
        base_index in 0usize..3,
        pick in any::<prop::sample::Index>(),
        side in any::<prop::sample::Index>(),
        offset in -3.0f64..3.0,
        whole in any::<bool>(),
    ) {
        let base = &bases()[base_index];
        let all = instances(base);
        let (row, at) = all[pick.index(all.len())];
        let bounds = bounds_of(row, base);
        prop_assume!(!bounds.is_empty());
        let bound = bounds[side.index(bounds.len())];
        let x = if whole { bound + offset.round() } else { bound + offset };
        prop_assert_eq!(
            !validation_rejects(base, row, at, x),
            spec_says(row, base, x),
            "{} = {}", row.path_at(at), x
        );
    }
}

#[test]
fn the_file_defaults_of_a_calendar_and_a_holiday_are_the_specs() {
    let china =
        cadence::scenario::parse(r#"{"version": 1, "calendar": {"kind": "china_default"}}"#)
            .expect("a china calendar");
    let custom = cadence::scenario::parse(
        r#"{"version": 1, "calendar": {"kind": "custom", "holidays": [{"week": 5}]}}"#,
    )
    .expect("a custom calendar");
    let mut checked = 0;
    for p in [china, custom] {
        for (row, at) in instances(&p) {
            if row.path.starts_with("calendar.") && row.path != "calendar.holidays[{i}].week" {
                let value = row.value(&p, at).expect("a value");
                assert!(row.default.is(at, value), "{}: {value:?}", row.path_at(at));
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 + 7);
}
